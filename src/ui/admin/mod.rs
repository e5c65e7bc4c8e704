//! Administration in the window: the first run (demo data or the first manager), managers,
//! catalogues and the trash.

mod access;
mod backups_screen;
mod calendar;
mod catalogs;
mod journal_names;
mod journal_screen;
mod managers;
mod trash;

use std::path::PathBuf;

use egui::{RichText, Ui};

pub use backups_screen::BackupsScreen;
pub use calendar::CalendarScreen;
pub use catalogs::CatalogsScreen;
pub use journal_names::JournalNames;
pub use journal_screen::{JOURNAL_LIMIT, JournalRows, JournalScreen, journal_table};
pub use managers::{ManagerEditor, ManagersScreen};
pub use trash::TrashScreen;

use super::command::{Command, Cx, Feature, Route};
use super::context::ViewCtx;
use super::editor::Editor;
use super::theme;
use crate::admin::{AdminError, CatalogEntry, CatalogKind, TrashKind, backups, service};
use crate::domain::{FieldError, Id};
use crate::files;
use crate::i18n::{self as t, Describe};
use crate::storage::backup::Kind;

/// What the administration screens ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    LoadDemo,
    /// Opens the card of a manager (a new one for `None`).
    Edit(Option<Id>),
    SaveManager,
    DeleteManager(Id),
    SignaturePath(PathBuf),
    LoadSignature(String),
    SaveCatalog(CatalogKind, CatalogEntry),
    Restore(TrashKind, Id),
    CreateBackup,
    OpenBackupsFolder,
    SaveBackupPolicy,
    /// Restore the database from this copy (the user has confirmed).
    RestoreBackup(PathBuf),
    /// Read the journal with the screen's filter.
    ShowJournal,
    /// Set what a day of the production calendar is, by a decree.
    SetDay(chrono::NaiveDate, crate::domain::calendar::DayKind, String),
    ResetDay(chrono::NaiveDate),
    /// Confirm a year by a decree (an empty decree takes the confirmation back).
    ConfirmYear(i32, String),
    /// How users sign in (the head's).
    SetSignInMode(crate::admin::identity::Mode),
    /// The open card's password, as typed twice.
    SetPassword,
    /// Links the open card to the computer's account typed.
    LinkAccount,
}

#[derive(Default)]
pub struct AdminUi {
    pub managers: ManagersScreen,
    pub catalogs: CatalogsScreen,
    pub trash: TrashScreen,
    pub backups: BackupsScreen,
    pub journal: JournalScreen,
    pub calendar: CalendarScreen,
}

impl AdminUi {
    /// Reads the journal with the screen's filter (a date that does not read is shown).
    fn show_journal(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        if let Some(filter) = self.journal.filter() {
            self.journal.entries = service::journal(cx.db, &filter).map_err(t::err)?;
            let names = JournalNames::of(cx.db, &self.journal.entries);
            self.journal.rows = JournalRows::of(
                &self.journal.entries,
                &names,
                &cx.view.managers,
                &cx.view.clients,
            );
        }
        Ok(())
    }

    /// The first run: load the demo data, or fill in the first manager's card.
    fn welcome_ui(&mut self, ui: &mut Ui, view: &ViewCtx) -> Vec<Command> {
        let mut out = Vec::new();
        ui.vertical_centered(|ui| {
            ui.add_space(60.0);
            ui.heading(t::WELCOME_TITLE);
            ui.add_space(8.0);
            ui.label(t::WELCOME_TEXT);
            ui.add_space(16.0);
            if ui.button(t::LOAD_DEMO).clicked() {
                out.push(Cmd::LoadDemo.into());
            }
            ui.add_space(8.0);
            // A workstation of a department takes its data from the server instead.
            if ui.button(crate::words::server::WELCOME_JOIN).clicked() {
                out.push(Command::Open(Route::Server));
            }
            ui.add_space(8.0);
            ui.label(RichText::new(t::WELCOME_OR_CREATE).color(theme::MUTED));
        });
        ui.add_space(16.0);
        ui.separator();
        out.extend(self.managers.editor_ui(ui, &view.managers));
        out
    }
}

/// The band across the window while the database is known to be damaged: nothing is saved;
/// the way out is a backup.
pub fn damaged_banner(ui: &mut Ui, db: &crate::storage::Db) -> Option<Command> {
    if !backups::damaged(db) {
        return None;
    }
    let mut out = None;
    egui::Panel::top("damaged").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(t::DB_DAMAGED_BANNER)
                    .strong()
                    .color(theme::ERROR),
            );
            if ui.button(t::DB_DAMAGED_TO_BACKUPS).clicked() {
                out = Some(Command::Open(Route::Backups));
            }
        });
    });
    out
}

/// A red band naming each saved setting that does not read, with the way to its screen: the
/// program computes nothing from a default in its place.
pub fn settings_banner(ui: &mut Ui, view: &ViewCtx) -> Option<Command> {
    if view.unreadable.is_empty() {
        return None;
    }
    let mut out = None;
    egui::Panel::top("unreadable settings").show(ui, |ui| {
        for u in &view.unreadable {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(u.describe()).strong().color(theme::ERROR));
                if ui.button(t::SETTING_OPEN).clicked() {
                    out = Some(Command::Open(setting_route(u.key)));
                }
            });
        }
    });
    out
}

/// The screen where a setting is edited, by its key.
fn setting_route(key: &str) -> Route {
    match key {
        "company" => Route::Settings,
        "backups" => Route::Backups,
        "appeals" => Route::AppealSettings,
        "identity" => Route::Managers,
        _ => Route::GiftLimits,
    }
}

impl Feature for AdminUi {
    type Cmd = Cmd;

    fn open(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        match route {
            Route::Trash => self.trash.items = service::trash(cx.db).map_err(t::err)?,
            Route::Journal => self.show_journal(cx)?,
            Route::Calendar => {
                self.calendar.calendar =
                    crate::calendar::service::calendar(cx.db).map_err(t::err)?;
                self.calendar.can_edit = cx.actor().is_head();
            }
            Route::Backups => {
                let s = &mut self.backups;
                s.actor = cx.actor();
                s.entries = backups::list(cx.db).map_err(t::err)?;
                s.folder = cx
                    .db
                    .path()
                    .map(crate::storage::backups_dir)
                    .unwrap_or_default();
                s.load_policy(cx)?;
            }
            _ => {}
        }
        Ok(())
    }

    fn reload(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        self.open(route, cx)
    }

    fn ui(&mut self, ui: &mut Ui, route: Route, view: &ViewCtx) -> Vec<Command> {
        match route {
            Route::Welcome => self.welcome_ui(ui, view),
            Route::Catalogs => self.catalogs.ui(ui, &view.catalogs),
            Route::Trash => self.trash.ui(ui),
            Route::Backups => self.backups.ui(ui),
            Route::Journal => self.journal.ui(ui, view),
            Route::Calendar => self.calendar.ui(ui),
            _ => self.managers.ui(ui, &view.managers, &view.actor()),
        }
    }

    fn apply(&mut self, cmd: Cmd, cx: &mut Cx) -> anyhow::Result<()> {
        match cmd {
            Cmd::LoadDemo => {
                let s = crate::demo::generate(cx.db, crate::demo::DEFAULT_CLIENTS, 1, cx.today())
                    .map_err(t::err)?;
                // «Кто работает?» follows when no one is chosen yet.
                cx.info(t::demo_loaded(s.clients, s.people));
                cx.reload();
            }
            Cmd::Edit(id) => {
                let m = id
                    .map(|id| service::manager(cx.db, id))
                    .transpose()
                    .map_err(t::err)?;
                self.managers.edit(m.as_ref());
                self.managers.access.load(cx, id)?;
            }
            Cmd::SetSignInMode(_) | Cmd::SetPassword | Cmd::LinkAccount => {
                self.managers.access.apply(&cmd, cx)?;
            }
            Cmd::SaveManager => {
                if let Some(ed) = &mut self.managers.editor {
                    ed.save(cx);
                }
            }
            Cmd::DeleteManager(id) => {
                service::delete_manager(cx.db, &cx.actor(), id).map_err(t::err)?;
                if cx.view.me_id() == Some(id) {
                    cx.set_user(None);
                }
                self.managers.editor = None;
                cx.info(t::MANAGER_DELETED);
                cx.reload();
            }
            Cmd::SignaturePath(p) => self.managers.set_signature_path(p.display().to_string()),
            Cmd::LoadSignature(path) => {
                if let Some(ed) = &mut self.managers.editor {
                    match service::read_png(&files::typed_path(&path)) {
                        Ok(bytes) => {
                            ed.draft.signature_png = Some(bytes);
                            ed.signature_error = None;
                        }
                        Err(e) => ed.signature_error = Some(e.describe()),
                    }
                }
            }
            Cmd::SaveCatalog(kind, entry) => {
                match service::save_catalog_entry(cx.db, &cx.actor(), kind, &entry) {
                    Ok(_) => {
                        self.catalogs.saved(kind);
                        cx.info(t::SAVED);
                        cx.reload();
                    }
                    Err(AdminError::NameTaken) => self.catalogs.failed(kind, FieldError::NameTaken),
                    Err(e) => return Err(t::err(e)),
                }
            }
            Cmd::Restore(kind, id) => {
                service::restore(cx.db, &cx.actor(), kind, id).map_err(t::err)?;
                cx.info(t::RESTORED);
                cx.reload();
            }
            Cmd::CreateBackup => {
                let made = backups::create(cx.db, Kind::Manual, None).map_err(t::err)?;
                let c = made.snapshot.counts;
                cx.info(t::backup_made(
                    &files::file_name(&made.path),
                    &t::backup_counts(c.clients, c.letters, c.reports),
                    &t::file_size(i64::try_from(made.size).unwrap_or(i64::MAX)),
                ));
                cx.reload();
            }
            Cmd::ShowJournal => self.show_journal(cx)?,
            Cmd::SetDay(date, kind, decree) => {
                crate::calendar::service::set_day(cx.db, &cx.actor(), date, kind, &decree)
                    .map_err(t::err)?;
                cx.info(t::CALENDAR_SAVED);
                cx.reload();
            }
            Cmd::ResetDay(date) => {
                crate::calendar::service::reset_day(cx.db, &cx.actor(), date).map_err(t::err)?;
                cx.info(t::CALENDAR_SAVED);
                cx.reload();
            }
            Cmd::ConfirmYear(year, decree) => {
                if decree.trim().is_empty() {
                    crate::calendar::service::unconfirm_year(cx.db, &cx.actor(), year)
                } else {
                    crate::calendar::service::confirm_year(cx.db, &cx.actor(), year, &decree)
                }
                .map_err(t::err)?;
                cx.info(t::CALENDAR_SAVED);
                cx.reload();
            }
            Cmd::OpenBackupsFolder => {
                let folder = cx.db.path().map(crate::storage::backups_dir);
                if let Some(folder) = folder {
                    files::create_dir(&folder).map_err(t::err)?;
                    files::show(&folder).map_err(t::err)?;
                }
            }
            Cmd::SaveBackupPolicy => {
                self.backups.save_policy(cx);
            }
            Cmd::RestoreBackup(copy) => {
                let r = backups::restore(cx.db, &cx.actor(), &copy).map_err(t::err)?;
                let counts = t::backup_counts(
                    r.snapshot.counts.clients,
                    r.snapshot.counts.letters,
                    r.snapshot.counts.reports,
                );
                cx.info(t::restored(&files::file_name(&copy), &counts));
                if let Some(aside) = &r.aside {
                    cx.info(t::restored_aside(&files::file_name(aside)));
                }
                cx.reload();
            }
        }
        Ok(())
    }

    fn leaves(&self, cmd: &Cmd) -> bool {
        matches!(cmd, Cmd::Edit(_))
    }

    fn editor(&mut self, route: Route) -> Option<&mut dyn Editor> {
        match route {
            Route::Managers => self.managers.editor.as_mut().map(|e| e as &mut dyn Editor),
            Route::Backups => Some(&mut self.backups),
            _ => None,
        }
    }

    fn close_editor(&mut self, route: Route) {
        match route {
            Route::Managers => self.managers.editor = None,
            Route::Backups => {
                self.backups.policy = self.backups.saved;
            }
            _ => {}
        }
    }
}
