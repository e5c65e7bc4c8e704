//! The contacts' part of the window: the report of a call or a meeting (accepted by the head
//! of the group), and the contact report of a period.

mod contact_report;
mod report;

use egui::Ui;

pub use contact_report::ContactReportScreen;
pub use report::ReportEditor;

use super::command::{Command, Cx, Feature, Route};
use super::context::ViewCtx;
use super::editor::Editor;
use crate::contacts::report::Period;
use crate::contacts::{Meeting, service};
use crate::domain::{Id, names};
use crate::files;
use crate::i18n as t;

/// What the contacts' screens ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    Save,
    Submit,
    Accept(String),
    Correct,
    Close,
    CompleteStep(Id),
    Attach(String),
    /// The file to attach, picked in the dialog.
    AttachPath(std::path::PathBuf),
    Build(String),
    SaveContactReport(String),
    /// Where to write the contact report, picked in the dialog.
    ContactReportPath(std::path::PathBuf),
}

#[derive(Default)]
pub struct ContactsUi {
    pub report: Option<ReportEditor>,
    pub contact_report: ContactReportScreen,
}

/// The editor of a report with the client's name and people and the files attached.
fn editor_for(cx: &Cx, meeting: &Meeting) -> anyhow::Result<ReportEditor> {
    let d = crate::clients::service::open(cx.db, meeting.client_id).map_err(t::err)?;
    let people = d
        .people
        .iter()
        .filter_map(|p| {
            // The leaders with their phones: the call is made from this form.
            let name = names::full_name(&p.surname, &p.name, &p.patronymic);
            let phones: Vec<String> = p.phones.iter().map(|ph| ph.display()).collect();
            let line = if phones.is_empty() {
                format!("{name} — {}", p.position)
            } else {
                format!("{name} — {}, {}", p.position, phones.join(", "))
            };
            p.id.map(|id| (id, line))
        })
        .collect();
    let mut ed = ReportEditor::new(meeting, d.client.short_name, people, cx.actor().is_head());
    if let Some(id) = meeting.id {
        ed.attachments = service::attachments(cx.db, id).map_err(t::err)?;
    }
    Ok(ed)
}

impl ContactsUi {
    fn editor_mut(&mut self) -> anyhow::Result<&mut ReportEditor> {
        self.report
            .as_mut()
            .ok_or_else(|| anyhow::anyhow!(t::ERR_NO_REPORT))
    }

    fn report_id(&self) -> Option<Id> {
        self.report.as_ref().and_then(|r| r.meeting().id)
    }
}

impl Feature for ContactsUi {
    type Cmd = Cmd;

    /// A contact report built for another user (the head's table, after a change of user) is
    /// not shown to this one.
    fn reload(&mut self, _route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        if self.contact_report.built_for != Some(cx.actor()) {
            self.contact_report.report = None;
            self.contact_report.built_for = None;
        }
        Ok(())
    }

    fn open(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        match route {
            // The report open with edits stays as it is.
            Route::Report(id)
                if self.report_id() == Some(id)
                    && self.report.as_mut().is_some_and(|r| r.is_dirty()) => {}
            Route::Report(id) => {
                let meeting = service::open(cx.db, id).map_err(t::err)?;
                self.report = Some(editor_for(cx, &meeting)?);
            }
            Route::NewReport(client, kind) => {
                let meeting = service::new_report(client, kind, &cx.actor(), cx.today());
                self.report = Some(editor_for(cx, &meeting)?);
            }
            _ => self.report = None,
        }
        Ok(())
    }

    fn ui(&mut self, ui: &mut Ui, route: Route, _view: &ViewCtx) -> Vec<Command> {
        match (route, &mut self.report) {
            (Route::ContactReport, _) => self.contact_report.ui(ui),
            (_, Some(ed)) => ed.ui(ui),
            (_, None) => Vec::new(),
        }
    }

    fn apply(&mut self, cmd: Cmd, cx: &mut Cx) -> anyhow::Result<()> {
        match cmd {
            Cmd::Save => {
                self.editor_mut()?.save_draft(cx);
            }
            Cmd::Submit => {
                if let Some(id) = self.editor_mut()?.save_draft(cx) {
                    service::submit(cx.db, &cx.actor(), id).map_err(t::err)?;
                    cx.info(t::REPORT_SUBMITTED_TOAST);
                    // Back where the report was started from (the dossier, «Сегодня»).
                    cx.back(Route::Today);
                }
            }
            Cmd::Accept(comment) => {
                if let Some(id) = self.report_id() {
                    service::accept(cx.db, &cx.actor(), id, &comment).map_err(t::err)?;
                    cx.info(t::REPORT_ACCEPTED_TOAST);
                    cx.back(Route::Today);
                }
            }
            Cmd::Correct => {
                if let Some(id) = self.report_id() {
                    let new = service::correct(cx.db, &cx.actor(), id).map_err(t::err)?;
                    cx.open(Route::Report(new));
                }
            }
            Cmd::Close => {
                self.report = None;
                cx.back(Route::Today);
            }
            Cmd::CompleteStep(step) => {
                service::complete_step(cx.db, &cx.actor(), step).map_err(t::err)?;
                cx.info(t::STEP_DONE_TOAST);
                cx.reload();
            }
            Cmd::Attach(path) => {
                let ed = self.editor_mut()?;
                let Some(id) = ed.save_draft(cx) else {
                    return Ok(());
                };
                service::attach(cx.db, &cx.actor(), id, &files::typed_path(&path))
                    .map_err(t::err)?;
                ed.attachments = service::attachments(cx.db, id).map_err(t::err)?;
                ed.attach_path.clear();
            }
            Cmd::AttachPath(p) => self.editor_mut()?.attach_path = p.display().to_string(),
            Cmd::ContactReportPath(p) => self.contact_report.pdf_path = p.display().to_string(),
            Cmd::Build(period) => match Period::parse(&period) {
                Some(p) => {
                    let report = service::contact_report(cx.db, &p, &cx.actor(), cx.today())
                        .map_err(t::err)?;
                    self.contact_report.report = Some(report);
                    self.contact_report.built_for = Some(cx.actor());
                    self.contact_report.error = None;
                }
                None => self.contact_report.error = Some(t::BAD_PERIOD_GUI),
            },
            Cmd::SaveContactReport(path) => {
                if let Some(report) = &self.contact_report.report {
                    let target = files::typed_path(&path);
                    service::write_contact_report(cx.db, report, &target).map_err(t::err)?;
                    cx.info(t::file_written(&target.display().to_string()));
                }
            }
        }
        Ok(())
    }

    fn leaves(&self, cmd: &Cmd) -> bool {
        matches!(cmd, Cmd::Close | Cmd::Correct)
    }

    fn editor(&mut self, _route: Route) -> Option<&mut dyn Editor> {
        self.report.as_mut().map(|e| e as &mut dyn Editor)
    }

    fn close_editor(&mut self, _route: Route) {
        self.report = None;
    }
}
