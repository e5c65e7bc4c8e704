//! The letters' part of the window: the outgoing register, the letter editor, the mail merge
//! and the letterhead with its templates.

mod editor;
mod merge;
mod register;
mod settings;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use egui::Ui;

pub use editor::LetterEditor;
pub use merge::{MergeMsg, MergeRun, MergeScreen};
pub use register::Register;
pub use settings::SettingsScreen;

use super::command::{Command, Cx, Feature, Route};
use super::context::ViewCtx;
use super::editor::Editor;
use crate::admin::service as admin;
use crate::domain::Id;
use crate::files;
use crate::i18n::{self as t, Label};
use crate::letters::{
    Letter, LetterStatus, MergeJob, Reply, Selection, Template, merge as mail_merge, service,
};

/// What the letters' screens ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    Save,
    Register,
    Advance(LetterStatus, NaiveDate, String),
    Correct,
    Close,
    PdfPath(PathBuf),
    SavePdf(String),
    Print,
    /// The register's filters changed.
    Filter,
    SheetPath(PathBuf),
    /// The rows of the register shown, to an Excel file.
    ExportShown(PathBuf),
    CourierSheet(String),
    MergeDir(PathBuf),
    /// List who the merge would write to and ask to confirm; `true`: continue the unfinished
    /// one.
    PreviewMerge(Selection, bool),
    /// Run the merge (confirmed); `true`: continue the unfinished one.
    /// The selection, whether it resumes, the clients unticked.
    StartMerge(Selection, bool, Vec<Id>),
    LogoPath(PathBuf),
    LoadLogo(String),
    SaveCompany,
    SaveTemplate,
}

#[derive(Default)]
pub struct LettersUi {
    pub register: Register,
    pub editor: Option<LetterEditor>,
    pub merge: MergeScreen,
    pub settings: SettingsScreen,
    /// The templates, for the merge.
    pub templates: Vec<Template>,
}

/// The editor of a letter, with the dossier, templates, company and signer it shows.
fn editor_for(cx: &Cx, letter: Letter) -> anyhow::Result<LetterEditor> {
    let db = &*cx.db;
    let dossier = crate::clients::service::open(db, letter.client_id).map_err(t::err)?;
    let templates = service::templates(db).map_err(t::err)?;
    let company = admin::company(db).map_err(t::err)?;
    let manager = letter
        .manager_id
        .map(|id| admin::manager(db, id))
        .transpose()
        .map_err(t::err)?;
    let appeal = match letter.id {
        Some(id) => crate::appeals::service::appeal_of_letter(db, id).map_err(t::err)?,
        None => None,
    };
    // A correction names the letter it corrects by its number and date.
    let corrects = match letter.version_of {
        Some(id) => {
            let old = service::open(db, id).map_err(t::err)?;
            Some(t::letter_title(
                &old.number,
                &crate::domain::fmt::opt_date(old.reg_date),
            ))
        }
        None => None,
    };
    let may_edit = cx.actor().may_act_for(dossier.client.manager_id);
    let mut ed = LetterEditor::new(letter, dossier, templates, company, manager);
    ed.may_edit = may_edit;
    ed.appeal = appeal;
    ed.corrects = corrects;
    Ok(ed)
}

impl LettersUi {
    fn editor_mut(&mut self) -> anyhow::Result<&mut LetterEditor> {
        self.editor
            .as_mut()
            .ok_or_else(|| anyhow::anyhow!(t::ERR_NO_LETTER))
    }

    /// Starts the mail merge on a named thread with its own connection to the database file
    /// (and the same clock).
    /// The merge the screen describes.
    fn merge_job(&self, selection: Selection, resume: bool, except: Vec<Id>) -> MergeJob {
        MergeJob {
            template_code: self.merge.template_code.clone(),
            selection,
            out_dir: files::typed_path(&self.merge.out_dir),
            combined: self.merge.combined,
            resume,
            fields: self.merge.fields.clone(),
            except,
            asked_at: None,
        }
    }

    fn start_merge(
        &mut self,
        selection: Selection,
        resume: bool,
        except: Vec<Id>,
        cx: &Cx,
    ) -> anyhow::Result<()> {
        if cx.db.path().is_none() {
            self.merge.error = Some(t::MERGE_NEEDS_FILE);
            return Ok(());
        }
        // A connection of its own for the merge's thread, sharing the clock and the integrity
        // verdict.
        let db = cx.db.reopen().map_err(t::err)?;
        let job = self.merge_job(selection, resume, except);
        let (tx, rx) = std::sync::mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let thread_cancel = cancel.clone();
        let actor = cx.actor();
        let repaint = cx.view.repaint.clone();
        std::thread::Builder::new()
            .name("mail-merge".into())
            .spawn(move || {
                let mut db = db;
                let progress = |done, total| {
                    let _ = tx.send(MergeMsg::Progress(done, total));
                    repaint.request();
                };
                let result = mail_merge::merge(&mut db, &actor, &job, &progress, &thread_cancel);
                let _ = tx.send(MergeMsg::Finished(result));
                repaint.request();
            })?;
        self.merge.report = None;
        self.merge.run = Some(MergeRun {
            rx,
            cancel,
            done: 0,
            total: 0,
        });
        Ok(())
    }
}

impl Feature for LettersUi {
    type Cmd = Cmd;

    fn open(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        match route {
            // The letter open with edits stays as it is.
            Route::Letter(id)
                if self
                    .editor
                    .as_ref()
                    .is_some_and(|e| e.letter.id == Some(id) && e.is_dirty()) => {}
            Route::Letter(id) => {
                let letter = service::open(cx.db, id).map_err(t::err)?;
                self.editor = Some(editor_for(cx, letter)?);
            }
            Route::NewLetter(client) => {
                let free = service::free_template(cx.db).map_err(t::err)?;
                let letter = service::draft_for(
                    cx.db,
                    client,
                    None,
                    &free,
                    cx.view.me_id(),
                    &Reply::default(),
                    cx.today(),
                )
                .map_err(t::err)?;
                self.editor = Some(editor_for(cx, letter)?);
            }
            _ => self.editor = None,
        }
        self.reload(route, cx)
    }

    fn reload(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        match route {
            Route::Letters => {
                self.register.rows = service::list(cx.db, &self.register.filter).map_err(t::err)?;
            }
            Route::Merge => self.templates = service::templates(cx.db).map_err(t::err)?,
            // Edits on the letterhead stay until they are saved or dropped.
            Route::Settings if !self.settings.is_dirty() => {
                let company = admin::company_to_edit(cx.db).map_err(t::err)?;
                let templates = service::templates(cx.db).map_err(t::err)?;
                self.settings.load(company, templates);
            }
            _ => {}
        }
        Ok(())
    }

    fn ui(&mut self, ui: &mut Ui, route: Route, view: &ViewCtx) -> Vec<Command> {
        match (route, &mut self.editor) {
            (Route::Merge, _) => self.merge.ui(ui, &self.templates, view),
            (Route::Settings, _) => self.settings.ui(ui),
            (_, Some(ed)) => ed.ui(ui, view.today),
            (_, None) => {
                let clients: Vec<(Id, String)> = view
                    .clients
                    .iter()
                    .map(|r| (r.id, r.short_name.clone()))
                    .collect();
                self.register.ui(ui, &clients, &view.manager_names())
            }
        }
    }

    fn apply(&mut self, cmd: Cmd, cx: &mut Cx) -> anyhow::Result<()> {
        match cmd {
            Cmd::Save => {
                self.editor_mut()?.save(cx);
            }
            Cmd::Register => {
                let ed = self.editor_mut()?;
                if ed.save(cx)
                    && let Some(id) = ed.letter.id
                {
                    let letter = service::register(cx.db, &cx.actor(), id).map_err(t::err)?;
                    cx.info(t::letter_registered(&letter.number));
                    cx.open(Route::Letter(id));
                }
            }
            Cmd::Advance(status, date, received_by) => {
                if let Some(id) = self.editor_mut()?.letter.id {
                    service::advance(cx.db, &cx.actor(), id, status, date, &received_by)
                        .map_err(t::err)?;
                    cx.info(t::letter_status_set(status.label()));
                    let letter = service::open(cx.db, id).map_err(t::err)?;
                    self.editor = Some(editor_for(cx, letter)?);
                }
            }
            Cmd::Correct => {
                if let Some(id) = self.editor_mut()?.letter.id {
                    let new = service::correct(cx.db, &cx.actor(), id).map_err(t::err)?;
                    cx.open(Route::Letter(new));
                }
            }
            Cmd::Close => {
                self.editor = None;
                cx.back(Route::Letters);
            }
            Cmd::PdfPath(p) => self.editor_mut()?.pdf_path = p.display().to_string(),
            Cmd::SavePdf(path) => {
                let ed = self.editor_mut()?;
                let target = files::typed_path(&path);
                service::write_pdf(
                    &ed.letter,
                    &ed.company,
                    ed.manager.as_ref(),
                    cx.today(),
                    &target,
                )
                .map_err(t::err)?;
                cx.info(t::letter_written(&target.display().to_string()));
            }
            Cmd::Print => {
                let ed = self.editor_mut()?;
                let printed =
                    service::print(&ed.letter, &ed.company, ed.manager.as_ref(), cx.today())
                        .map_err(t::err)?;
                cx.info(t::printed(printed));
            }
            Cmd::Filter => {
                self.register.rows = service::list(cx.db, &self.register.filter).map_err(t::err)?;
            }
            Cmd::SheetPath(p) => self.register.sheet_path = p.display().to_string(),
            Cmd::ExportShown(path) => {
                let rows = self.register.shown_rows();
                let n = files::write_xlsx(&path, t::NAV_LETTERS, &t::LETTERS_XLSX_COLUMNS, &rows)
                    .map_err(t::err)?;
                cx.info(t::xlsx_rows_written(n, &path.display().to_string()));
            }
            Cmd::CourierSheet(path) => {
                let target = files::typed_path(&path);
                let sender = cx
                    .view
                    .me
                    .as_ref()
                    .map(|m| m.short_name())
                    .unwrap_or_default();
                let n = service::courier_sheet(
                    cx.db,
                    &self.register.filter,
                    &sender,
                    cx.today(),
                    &target,
                )
                .map_err(t::err)?;
                cx.info(t::courier_sheet_written(n, &target.display().to_string()));
            }
            Cmd::MergeDir(p) => self.merge.out_dir = p.display().to_string(),
            Cmd::PreviewMerge(selection, resume) => {
                let actor = cx.actor();
                let job = self.merge_job(selection.clone(), resume, Vec::new());
                self.merge.preview_error = None;
                let read = self.merge.preview.start(cx, move |db| {
                    let mut recipients = mail_merge::recipients(db, &actor, &selection)
                        .map_err(|e| t::describe(&e))?;
                    // A resumed merge goes to whom it was started for and has not written to
                    // yet; with nothing to resume, the user is told before any list.
                    if resume {
                        match mail_merge::unfinished(db, &job).map_err(|e| t::describe(&e))? {
                            Some((left_out, done)) => recipients.retain(|r| {
                                !left_out.contains(&r.client_id) && !done.contains(&r.client_id)
                            }),
                            None => {
                                return Err(t::describe(
                                    &crate::letters::LetterError::NothingToResume,
                                ));
                            }
                        }
                    }
                    let sent_today = if resume {
                        0
                    } else {
                        mail_merge::sent_today(db, &job).map_err(|e| t::describe(&e))?
                    };
                    Ok(merge::Confirm {
                        selection,
                        resume,
                        unticked: std::collections::HashSet::new(),
                        recipients,
                        sent_today,
                    })
                });
                if let Some(read) = read {
                    self.merge.take_preview(read);
                }
            }
            Cmd::StartMerge(selection, resume, except) => {
                self.merge.confirm = None;
                self.start_merge(selection, resume, except, cx)?;
            }
            Cmd::LogoPath(p) => self.settings.logo_path = p.display().to_string(),
            Cmd::LoadLogo(path) => match admin::read_png(&files::typed_path(&path)) {
                Ok(bytes) => {
                    self.settings.company.logo_png = Some(Arc::new(bytes));
                    self.settings.logo_error = None;
                }
                Err(e) => self.settings.logo_error = Some(t::describe(&e)),
            },
            Cmd::SaveCompany => self.settings.save_requisites(cx),
            Cmd::SaveTemplate => self.settings.save_selected_template(cx),
        }
        Ok(())
    }

    fn leaves(&self, cmd: &Cmd) -> bool {
        matches!(cmd, Cmd::Close | Cmd::Correct)
    }

    fn reading(&self) -> bool {
        self.merge.preview.waiting()
    }

    fn editor(&mut self, route: Route) -> Option<&mut dyn Editor> {
        match route {
            Route::Settings => Some(&mut self.settings),
            _ => self.editor.as_mut().map(|e| e as &mut dyn Editor),
        }
    }

    fn close_editor(&mut self, route: Route) {
        match route {
            Route::Settings => self.settings.discard(),
            _ => self.editor = None,
        }
    }
}
