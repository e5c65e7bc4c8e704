//! «Отчёт о встрече / звонке»: the structured report, its submission to the supervisor, and the
//! supervisor's acceptance with a comment.

use egui::{RichText, TextEdit, Ui};

use super::Cmd;
use crate::contacts::draft::{ReportDraft, StepDraft};
use crate::contacts::service::ContactsError;
use crate::contacts::{Attachment, Meeting, MeetingKind, ReportStatus};
use crate::domain::{Code, FieldErrors, Id, fmt};
use crate::i18n::fields;
use crate::i18n::{self as t, Describe, Label};
use crate::storage::StorageError;
use crate::ui::command::{Ask, Command, Cx, Route};
use crate::ui::editor::Editor;
use crate::ui::stale::{self, Stale, stale_ui};
use crate::ui::theme;
use crate::ui::widgets::{self, ConflictAnswer, err, form_grid, multiline_row, text_row};

pub struct ReportEditor {
    pub draft: ReportDraft,
    pub original: ReportDraft,
    pub client_name: String,
    /// The client's people: (id, name and position).
    pub people: Vec<(Id, String)>,
    pub errors: FieldErrors,
    pub comment: String,
    /// The current user may accept reports (a head of the group).
    pub can_accept: bool,
    /// Files attached to the report.
    pub attachments: Vec<Attachment>,
    pub attach_path: String,
    /// The report as the database held it when opened or last saved (`None` for a new one):
    /// a save over a report another instance changed meanwhile is caught.
    pub loaded: Option<Meeting>,
    pub stale: Option<Stale<Meeting>>,
}

impl ReportEditor {
    pub fn new(
        meeting: &Meeting,
        client_name: String,
        people: Vec<(Id, String)>,
        can_accept: bool,
    ) -> Self {
        let draft = ReportDraft::from_value(meeting);
        ReportEditor {
            original: draft.clone(),
            draft,
            client_name,
            people,
            errors: FieldErrors::new(),
            comment: String::new(),
            can_accept,
            attachments: Vec::new(),
            attach_path: String::new(),
            loaded: meeting.id.is_some().then(|| meeting.clone()),
            stale: None,
        }
    }

    /// The report as stored (its id, status and dates).
    pub fn meeting(&self) -> &Meeting {
        &self.draft.meeting
    }

    pub fn is_draft(&self) -> bool {
        self.draft.meeting.status == ReportStatus::Draft
    }

    /// Saves the draft through the service; returns its id, or `None` when refused (the draft
    /// and its errors stay). A report no longer a draft is not saved again.
    pub fn save_draft(&mut self, cx: &mut Cx) -> Option<Id> {
        if !self.is_draft() {
            return self.draft.meeting.id;
        }
        let value = match self.draft.to_value(cx.today()) {
            Ok(v) => v,
            Err(errors) => {
                self.errors = errors;
                cx.error(t::SAVE_REFUSED);
                return None;
            }
        };
        self.errors.clear();
        match crate::contacts::service::save_over(cx.db, &cx.actor(), self.loaded.as_ref(), &value)
        {
            Ok(id) => {
                match crate::contacts::service::open(cx.db, id) {
                    Ok(saved) => {
                        self.draft = ReportDraft::from_value(&saved);
                        self.original = self.draft.clone();
                        self.loaded = Some(saved);
                    }
                    Err(e) => cx.error(e.describe()),
                }
                cx.info(t::SAVED);
                Some(id)
            }
            Err(ContactsError::Storage(StorageError::ChangedMeanwhile(id))) => {
                let theirs = crate::contacts::service::open(cx.db, id);
                self.stale =
                    stale::refused(cx, self.loaded.as_ref(), &value, theirs, fields::meeting);
                None
            }
            Err(e) => {
                cx.error(t::save_failed(&e.describe()));
                None
            }
        }
    }

    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut out = Vec::new();
        // An error beside a field goes once the field is fixed.
        let today = crate::ui::widgets::today_of(ui);
        crate::ui::widgets::forget_fixed(&mut self.errors, self.draft.to_value(today));
        if let Some((answer, theirs)) = stale_ui(ui.ctx(), &mut self.stale) {
            match answer {
                ConflictAnswer::KeepMine => {
                    self.loaded = Some(theirs);
                    out.push(Cmd::Save.into());
                }
                ConflictAnswer::TakeTheirs => {
                    self.draft = ReportDraft::from_value(&theirs);
                    self.original = self.draft.clone();
                    self.loaded = Some(theirs);
                    self.errors.clear();
                }
                ConflictAnswer::Cancel => {}
            }
        }
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.heading(t::report_title(&self.client_name));
            ui.label(
                RichText::new(self.draft.meeting.status.label())
                    .color(theme::ACCENT)
                    .strong(),
            );
            if self.is_dirty() {
                ui.label(RichText::new(t::UNSAVED_MARK).color(theme::DIRTY));
            }
        });
        ui.horizontal_wrapped(|ui| {
            if self.is_draft() {
                if ui.button(RichText::new(t::SAVE_DRAFT).strong()).clicked() {
                    out.push(Cmd::Save.into());
                }
                if ui.button(t::SUBMIT_REPORT).clicked() {
                    out.push(Cmd::Submit.into());
                }
            } else {
                if self.draft.meeting.status == ReportStatus::Submitted && self.can_accept {
                    let l = ui.label(t::SUPERVISOR_COMMENT);
                    ui.add(TextEdit::singleline(&mut self.comment).desired_width(260.0))
                        .labelled_by(l.id);
                    if ui.button(t::ACCEPT_REPORT).clicked() {
                        out.push(Cmd::Accept(self.comment.clone()).into());
                    }
                }
                if ui.button(t::CORRECT_REPORT).clicked() {
                    out.push(Cmd::Correct.into());
                }
            }
            if ui.button(t::CLOSE).clicked() {
                out.push(Cmd::Close.into());
            }
        });
        if let Some(d) = self.draft.meeting.submitted_at {
            ui.label(
                RichText::new(t::submitted_info(&fmt::date(d)))
                    .small()
                    .color(theme::MUTED),
            );
        }
        let m = &self.draft.meeting;
        if m.status == ReportStatus::Accepted {
            ui.label(t::accepted_info(
                &fmt::opt_date(m.accepted_at),
                &m.supervisor_comment,
            ));
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_enabled_ui(self.is_draft(), |ui| self.form_ui(ui));
                ui.add_space(6.0);
                ui.label(RichText::new(t::F_ATTACHMENTS).strong());
                for (_, name, size) in &self.attachments {
                    ui.label(format!("{name} ({})", t::file_size(*size)));
                }
                if self.is_draft() {
                    ui.horizontal_wrapped(|ui| {
                        let ask = || Ask::open(&[], |p| Cmd::AttachPath(p).into());
                        out.extend(widgets::path_field(
                            ui,
                            t::FILE_PATH,
                            &mut self.attach_path,
                            ask,
                        ));
                        if ui
                            .add_enabled(
                                !self.attach_path.trim().is_empty(),
                                egui::Button::new(t::ATTACH_TO_REPORT),
                            )
                            .on_disabled_hover_text(crate::words::PATH_FIRST)
                            .clicked()
                        {
                            out.push(Cmd::Attach(self.attach_path.clone()).into());
                        }
                    });
                }
            });
        out
    }

    fn form_ui(&mut self, ui: &mut Ui) {
        let e = &self.errors;
        let m = &mut self.draft.meeting;
        form_grid("report").show(ui, |ui| {
            ui.label(t::F_REPORT_KIND);
            ui.vertical(|ui| {
                for k in MeetingKind::ALL.iter().copied() {
                    ui.radio_value(&mut m.kind, k, k.label());
                }
            });
            ui.end_row();
            widgets::date_row(
                ui,
                t::F_DATE,
                "report_date",
                &mut self.draft.date,
                err(e, "date"),
            );
            text_row(ui, t::F_TIME, &mut m.time, err(e, "time"));
            text_row(ui, t::F_PLACE, &mut m.place, None);
            ui.label(t::F_CLIENT_PEOPLE);
            ui.vertical(|ui| {
                for (id, name) in &self.people {
                    let mut on = m.client_people.contains(id);
                    if ui.checkbox(&mut on, name).changed() {
                        if on {
                            m.client_people.push(*id);
                        } else {
                            m.client_people.retain(|p| p != id);
                        }
                    }
                }
            });
            ui.end_row();
            text_row(ui, t::F_COMPANY_PEOPLE, &mut m.company_people, None);
            let l = ui.label(t::F_TOPICS);
            ui.vertical(|ui| {
                ui.add(
                    TextEdit::multiline(&mut m.topics)
                        .desired_rows(3)
                        .desired_width(widgets::field_width(ui)),
                )
                .labelled_by(l.id);
                widgets::error_text(ui, err(e, "topics"));
            });
            ui.end_row();
            multiline_row(ui, t::F_PROBLEMS, &mut m.problems, 3);
            multiline_row(ui, t::F_AGREEMENTS, &mut m.agreements, 3);
        });
        ui.label(RichText::new(t::F_NEXT_STEPS).strong());
        let mut remove = None;
        // The step takes what the window leaves beside the person and the date.
        let step_width = (ui.available_width() - 200.0 - 150.0 - 110.0).max(260.0);
        egui::Grid::new("report_steps")
            .num_columns(4)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                if !self.draft.steps.is_empty() {
                    for title in [t::F_STEP, t::F_RESPONSIBLE, t::F_DUE, ""] {
                        ui.label(RichText::new(title).small().color(theme::MUTED));
                    }
                    ui.end_row();
                }
                for (i, s) in self.draft.steps.iter_mut().enumerate() {
                    // A grid's cell starts as narrow as its widest content: the fields ask
                    // for their width (the head reads the step whole).
                    ui.vertical(|ui| {
                        ui.set_min_width(step_width);
                        ui.add_sized(
                            egui::vec2(step_width, theme::ROW_HEIGHT),
                            TextEdit::singleline(&mut s.text).hint_text(t::F_STEP),
                        )
                        .accessible_name(format!(
                            "{} {}",
                            t::F_STEP,
                            i + 1
                        ));
                        widgets::error_text(ui, err(e, &format!("steps.{i}.text")));
                    });
                    ui.add_sized(
                        egui::vec2(200.0, theme::ROW_HEIGHT),
                        TextEdit::singleline(&mut s.responsible).hint_text(t::F_RESPONSIBLE),
                    )
                    .accessible_name(format!("{} {}", t::F_RESPONSIBLE, i + 1));
                    ui.vertical(|ui| {
                        widgets::date_input(ui, &format!("step_due{i}"), &mut s.due, None)
                            .accessible_name(format!("{} {}", t::F_DUE, i + 1));
                        widgets::error_text(ui, err(e, &format!("steps.{i}.due")));
                    });
                    if ui.small_button(t::REMOVE).clicked() {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
            });
        if let Some(i) = remove {
            self.draft.steps.remove(i);
            self.errors.retain(|k, _| !k.starts_with("steps."));
        }
        if ui.button(t::ADD_STEP_REPORT).clicked() {
            self.draft.steps.push(StepDraft::default());
        }
    }
}

impl Editor for ReportEditor {
    fn is_dirty(&self) -> bool {
        self.is_draft() && self.draft != self.original
    }

    fn shows(&self, route: &Route) -> bool {
        match route {
            Route::Report(id) => self.draft.meeting.id == Some(*id),
            Route::NewReport(client, kind) => {
                let m = &self.draft.meeting;
                m.id.is_none() && m.client_id == *client && m.kind == *kind
            }
            _ => false,
        }
    }

    fn save(&mut self, cx: &mut Cx) -> bool {
        self.save_draft(cx).is_some()
    }
}
