//! The application: owns the database and every screen, draws the navigation, and applies the
//! commands the screens push, after the frame, in one place.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::catalogs::CatalogsScreen;
use super::clients::ClientsScreen;
use super::contact_report::ContactReportScreen;
use super::dialogs::{DialogPurpose, FileDialogs, NoDialogs};
use super::dossier::DossierEditor;
use super::letters::{LetterEditor, LettersScreen};
use super::managers::ManagersScreen;
use super::merge::{MergeMsg, MergeRun, MergeScreen};
use super::report::ReportEditor;
use super::settings::SettingsScreen;
use super::theme;
use super::today::TodayScreen;
use super::trash::TrashScreen;
use super::widgets::Toasts;
use crate::domain::draft::{DossierDraft, ManagerDraft};
use crate::domain::letter::LetterStatus;
use crate::domain::model::{Dossier, Id, Manager};
use crate::i18n as t;
use crate::storage::{self, CatalogEntry, CatalogKind, Catalogs, Db, TrashKind};

/// The screens of the left navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Screen {
    Today,
    Clients,
    Letters,
    Merge,
    ContactReport,
    Settings,
    Managers,
    Catalogs,
    Trash,
}

/// Everything a screen can ask the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Navigate(Screen),
    OpenClient(Id),
    NewClient,
    CloseDossier,
    SaveDossier,
    DeleteClient(Id),
    SaveManager(Box<ManagerDraft>),
    DeleteManager(Id),
    SetCurrentManager(Id),
    Restore(TrashKind, Id),
    SaveCatalog(CatalogKind, CatalogEntry),
    LoadDemo,
    OpenRecordFile(usize),
    SaveRecordCopy(usize, String),
    AttachFile(usize, String),
    Import(String),
    Export(String),
    AskPath(DialogPurpose, Option<String>),
    /// The window is closing: save or drop the edits first.
    Quit,
    NewLetter(Id),
    OpenLetter(Id),
    CloseLetter,
    SaveLetter,
    RegisterLetter,
    AdvanceLetter(LetterStatus, NaiveDate, String),
    CorrectLetter,
    SaveLetterPdf(String),
    PrintLetter,
    ReloadLetters,
    NewReport(Id, crate::domain::contacts::MeetingKind),
    OpenReport(Id),
    SaveReport,
    SubmitReport,
    AcceptReport(String),
    CorrectReport,
    CloseReport,
    CompleteStep(Id),
    AttachToReport(String),
    LoadPng(PngTarget, String),
    OpenClientFromToday(Id),
    BuildContactReport(String),
    SaveContactReport(String),
    SaveCompany(Box<crate::pdf::Company>),
    SaveTemplate(Box<crate::domain::letter::Template>),
    StartMerge(crate::letters::Selection),
    CourierSheet(String),
}

/// Where a PNG read from a file goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PngTarget {
    /// The signature of the manager being edited.
    Signature,
    /// The company logo on the settings screen.
    Logo,
}

/// Reads a PNG file, refusing anything that does not decode as PNG.
fn read_png(path: &str) -> Result<Vec<u8>, String> {
    let bytes = std::fs::read(path.trim()).map_err(|e| t::err_read_file(&e.to_string()))?;
    match crate::pixels::decode_png(&bytes) {
        Ok(_) => Ok(bytes),
        Err(_) => Err(t::ERR_NOT_PNG.into()),
    }
}

/// What waits for the answer to «Сохранить изменения?».
#[derive(Debug, Clone, PartialEq)]
pub struct PendingAction(pub Command);

/// UI preferences kept by eframe between runs (never client data).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Prefs {
    pub manager_uuid: Option<String>,
}

pub struct VipApp {
    pub db: Db,
    pub today: NaiveDate,
    pub current_manager: Option<Id>,
    pub managers: Vec<Manager>,
    pub catalogs: Catalogs,
    pub screen: Screen,
    pub clients: ClientsScreen,
    pub dossier: Option<DossierEditor>,
    pub letters: LettersScreen,
    pub letter: Option<LetterEditor>,
    pub merge: MergeScreen,
    pub today_screen: TodayScreen,
    pub contact_report: ContactReportScreen,
    pub report: Option<ReportEditor>,
    /// Reports waiting for the current user's acceptance (a head of the group).
    pub to_review: Vec<(crate::domain::contacts::Meeting, String)>,
    pub settings: SettingsScreen,
    /// Letter templates, for the merge screen.
    pub templates: Vec<crate::domain::letter::Template>,
    pub managers_screen: ManagersScreen,
    pub catalogs_screen: CatalogsScreen,
    pub trash: TrashScreen,
    pub toasts: Toasts,
    pub pending: Option<PendingAction>,
    pub about_open: bool,
    pub dialogs: Box<dyn FileDialogs>,
    /// Set when the user agreed to close: the next close request is let through.
    pub quit_confirmed: bool,
    /// Set when a quit was confirmed inside the UI; eframe's wrapper closes the window.
    pub quit_now: bool,
    commands: Vec<Command>,
    /// Where the database is, for «О программе».
    pub db_label: String,
    /// The preferences changed and should be written now, not only at exit.
    pub prefs_changed: bool,
}

impl VipApp {
    /// Builds the app over an open database. `prefs` say who worked last time.
    pub fn new(db: Db, prefs: Prefs, today: NaiveDate) -> anyhow::Result<Self> {
        let db_label = db
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| ":memory:".into());
        let mut app = VipApp {
            db,
            today,
            current_manager: None,
            managers: Vec::new(),
            catalogs: Catalogs::default(),
            screen: Screen::Today,
            clients: ClientsScreen::default(),
            dossier: None,
            letters: LettersScreen::default(),
            letter: None,
            merge: MergeScreen::default(),
            today_screen: TodayScreen::default(),
            contact_report: ContactReportScreen::default(),
            report: None,
            to_review: Vec::new(),
            settings: SettingsScreen::default(),
            templates: Vec::new(),
            managers_screen: ManagersScreen::default(),
            catalogs_screen: CatalogsScreen::default(),
            trash: TrashScreen::default(),
            toasts: Toasts::default(),
            pending: None,
            about_open: false,
            dialogs: Box::new(NoDialogs),
            quit_confirmed: false,
            quit_now: false,
            commands: Vec::new(),
            db_label,
            prefs_changed: false,
        };
        app.reload()?;
        app.current_manager = prefs
            .manager_uuid
            .and_then(|uuid| app.managers.iter().find(|m| m.uuid == uuid && m.active))
            .and_then(|m| m.id);
        app.clients.filter.manager = app.current_manager;
        app.clients.refilter();
        // The remembered user's «Сегодня», not everybody's.
        app.refresh_today()?;
        Ok(app)
    }

    pub fn prefs(&self) -> Prefs {
        Prefs {
            manager_uuid: self.current_manager_value().map(|m| m.uuid.clone()),
        }
    }

    pub fn current_manager_value(&self) -> Option<&Manager> {
        self.current_manager
            .and_then(|id| self.managers.iter().find(|m| m.id == Some(id)))
    }

    /// Reloads what the screens show from the database (after navigation and commands).
    pub fn reload(&mut self) -> storage::Result<()> {
        let conn = self.db.conn();
        self.managers = storage::list_managers(conn)?;
        self.catalogs = storage::load_catalogs(conn)?;
        self.clients.set_rows(storage::list_clients(conn)?);
        self.refresh_today()?;
        let conn = self.db.conn();
        if self.screen == Screen::Trash {
            self.trash.items = storage::list_trash(conn)?;
        }
        if self.screen == Screen::Letters {
            self.letters.rows = storage::list_letters(conn, &self.letters.filter)?;
        }
        if matches!(self.screen, Screen::Merge | Screen::Settings) {
            self.templates = storage::list_templates(conn)?;
        }
        if self.screen == Screen::Settings {
            self.settings.company = storage::load_company(conn)?;
            self.settings.templates = self.templates.clone();
        }
        Ok(())
    }

    /// «Сегодня» and the reports to review, for the current user.
    fn refresh_today(&mut self) -> storage::Result<()> {
        let conn = self.db.conn();
        self.today_screen.data = crate::today::today(conn, self.current_manager, self.today)?;
        self.to_review = match self.current_manager_value() {
            Some(m) if m.role == crate::domain::model::Role::GroupHead => {
                storage::reports_to_review(conn, m.id.unwrap_or_default())?
            }
            _ => Vec::new(),
        };
        Ok(())
    }

    /// Queues a command; it runs after the frame.
    pub fn push(&mut self, c: Command) {
        self.commands.push(c);
    }

    /// The whole UI inside `ui`: the eframe wrapper and the tests both call this.
    pub fn ui_root(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        while let Some((purpose, path)) = self.dialogs.poll() {
            self.path_chosen(purpose, path);
        }
        self.poll_merge();
        if self.managers.is_empty() {
            egui::CentralPanel::default().show(ui, |ui| self.welcome_ui(ui));
        } else {
            egui::Panel::left("nav")
                .resizable(false)
                .exact_size(theme::NAV_WIDTH)
                .show(ui, |ui| self.nav_ui(ui));
            egui::CentralPanel::default().show(ui, |ui| self.screen_ui(ui));
            if self.current_manager.is_none() {
                self.who_is_working_ui(&ctx);
            }
        }
        self.unsaved_prompt_ui(&ctx);
        self.about_ui(&ctx);
        self.toasts.show(&ctx);
        let commands = std::mem::take(&mut self.commands);
        for c in commands {
            self.apply(c, &ctx);
        }
    }

    fn welcome_ui(&mut self, ui: &mut Ui) {
        ui.vertical_centered(|ui| {
            ui.add_space(60.0);
            ui.heading(t::WELCOME_TITLE);
            ui.add_space(8.0);
            ui.label(t::WELCOME_TEXT);
            ui.add_space(16.0);
            if ui.button(t::LOAD_DEMO).clicked() {
                self.push(Command::LoadDemo);
            }
            ui.add_space(8.0);
            ui.label(RichText::new(t::WELCOME_OR_CREATE).color(theme::MUTED));
        });
        ui.add_space(16.0);
        ui.separator();
        if let Some(c) = self
            .managers_screen
            .editor_ui(ui, &self.managers, self.dialogs.as_mut())
        {
            self.push(c);
        }
    }

    fn nav_ui(&mut self, ui: &mut Ui) {
        ui.add_space(8.0);
        ui.label(RichText::new("vipdesk").heading().color(theme::ACCENT));
        ui.add_space(4.0);
        let me = self
            .current_manager_value()
            .map(Manager::short_name)
            .unwrap_or_default();
        ui.label(RichText::new(t::nav_user(&me)).small());
        if ui.small_button(t::CHANGE_USER).clicked() {
            self.current_manager = None;
        }
        ui.separator();
        let count = crate::domain::fmt::count(self.clients.rows.len() as u64, t::CLIENT_FORMS);
        let today_label = t::nav_today(self.today_screen.data.count() + self.to_review.len());
        for (screen, label) in [
            (Screen::Today, today_label.as_str()),
            (Screen::Clients, t::NAV_CLIENTS),
            (Screen::Letters, t::NAV_LETTERS),
            (Screen::Merge, t::NAV_MERGE),
            (Screen::ContactReport, t::NAV_CONTACT_REPORT),
            (Screen::Settings, t::NAV_SETTINGS),
            (Screen::Managers, t::NAV_MANAGERS),
            (Screen::Catalogs, t::NAV_CATALOGS),
            (Screen::Trash, t::NAV_TRASH),
        ] {
            if ui.selectable_label(self.screen == screen, label).clicked() && self.screen != screen
            {
                self.push(Command::Navigate(screen));
            }
        }
        ui.separator();
        if ui.selectable_label(self.about_open, t::NAV_ABOUT).clicked() {
            self.about_open = true;
        }
        ui.with_layout(egui::Layout::bottom_up(egui::Align::LEFT), |ui| {
            ui.label(RichText::new(count).small().color(theme::MUTED));
        });
    }

    fn screen_ui(&mut self, ui: &mut Ui) {
        match self.screen {
            Screen::Clients => {
                let mut out = Vec::new();
                egui::Panel::left("client_list")
                    .resizable(true)
                    .default_size(theme::LIST_WIDTH)
                    .show(ui, |ui| {
                        out.extend(self.clients.ui(
                            ui,
                            &self.managers,
                            &self.catalogs,
                            self.current_manager,
                        ));
                    });
                egui::CentralPanel::default().show(ui, |ui| match &mut self.dossier {
                    Some(ed) => out.extend(ed.ui(ui, &self.catalogs, &self.managers, self.today)),
                    None => {
                        ui.vertical_centered(|ui| {
                            ui.add_space(80.0);
                            ui.label(RichText::new(t::PICK_CLIENT_HINT).color(theme::MUTED));
                        });
                    }
                });
                self.commands.extend(out);
            }
            Screen::Today => {
                let out = match &mut self.report {
                    Some(ed) => ed.ui(ui),
                    None => {
                        let mut out = review_ui(ui, &self.to_review);
                        out.extend(self.today_screen.ui(ui, self.today));
                        out
                    }
                };
                self.commands.extend(out);
            }
            Screen::ContactReport => {
                let out = self.contact_report.ui(ui);
                self.commands.extend(out);
            }
            Screen::Merge => {
                let out = self
                    .merge
                    .ui(ui, &self.templates, &self.managers, &self.catalogs);
                self.commands.extend(out);
            }
            Screen::Settings => {
                let out = self.settings.ui(ui);
                self.commands.extend(out);
            }
            Screen::Letters => {
                let out = match &mut self.letter {
                    Some(ed) => ed.ui(ui, self.today),
                    None => {
                        let clients: Vec<(Id, String)> = self
                            .clients
                            .rows
                            .iter()
                            .map(|r| (r.id, r.short_name.clone()))
                            .collect();
                        let managers: Vec<(Id, String)> = self
                            .managers
                            .iter()
                            .filter_map(|m| m.id.map(|id| (id, m.short_name())))
                            .collect();
                        self.letters.ui(ui, &clients, &managers)
                    }
                };
                self.commands.extend(out);
            }
            Screen::Managers => {
                let out = self
                    .managers_screen
                    .ui(ui, &self.managers, self.dialogs.as_mut());
                self.commands.extend(out);
            }
            Screen::Catalogs => {
                let out = self.catalogs_screen.ui(ui, &self.catalogs);
                self.commands.extend(out);
            }
            Screen::Trash => {
                let out = self.trash.ui(ui);
                self.commands.extend(out);
            }
        }
    }

    fn who_is_working_ui(&mut self, ctx: &egui::Context) {
        let mut chosen = None;
        egui::Modal::new(egui::Id::unique("who_is_working")).show(ctx, |ui| {
            ui.heading(t::WHO_IS_WORKING);
            ui.add_space(6.0);
            egui::ScrollArea::vertical()
                .max_height(480.0)
                .show(ui, |ui| {
                    for m in self.managers.iter().filter(|m| m.active) {
                        let label = format!("{} — {}", m.full_name(), m.role.label());
                        if ui.button(label).clicked() {
                            chosen = m.id;
                        }
                    }
                });
        });
        if let Some(id) = chosen {
            self.push(Command::SetCurrentManager(id));
        }
    }

    /// The window is asked to close. Returns whether to keep it open: with unsaved edits the
    /// app asks «Сохранить изменения?» first and closes after the answer.
    pub fn close_requested(&mut self) -> bool {
        if self.quit_confirmed || !self.has_unsaved_edits() {
            return false;
        }
        self.pending = Some(PendingAction(Command::Quit));
        true
    }

    /// Whether the open dossier has edits not yet saved.
    pub fn has_unsaved_edits(&self) -> bool {
        self.report.as_ref().is_some_and(ReportEditor::is_dirty)
            || self.dossier.as_ref().is_some_and(DossierEditor::is_dirty)
            || self
                .letter
                .as_ref()
                .is_some_and(|l| l.is_draft() && l.is_dirty())
    }

    fn unsaved_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(PendingAction(action)) = self.pending.clone() else {
            return;
        };
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
            ui.heading(t::UNSAVED_TITLE);
            ui.label(t::UNSAVED_TEXT);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(t::YES_SAVE).clicked() {
                    answer = Some(1);
                }
                if ui.button(t::DONT_SAVE).clicked() {
                    answer = Some(2);
                }
                if ui.button(t::CANCEL).clicked() {
                    answer = Some(3);
                }
            });
        });
        match answer {
            Some(1) => {
                self.pending = None;
                if self.save_open_work() {
                    self.push(action);
                }
            }
            Some(2) => {
                self.pending = None;
                self.dossier = None;
                self.letter = None;
                self.report = None;
                self.push(action);
            }
            Some(3) => self.pending = None,
            _ => {}
        }
    }

    fn about_ui(&mut self, ctx: &egui::Context) {
        if !self.about_open {
            return;
        }
        let mut open = true;
        egui::Window::new(t::NAV_ABOUT)
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.heading(format!("vipdesk {}", env!("CARGO_PKG_VERSION")));
                ui.label(t::ABOUT_TEXT);
                ui.label(t::about_build(crate::BUILD_STAMP));
                ui.label(t::about_db(&self.db_label));
                ui.label(RichText::new(t::ABOUT_FONTS).small().color(theme::MUTED));
            });
        self.about_open = open;
    }

    /// Commands that leave the open dossier or letter; they wait for «Сохранить изменения?»
    /// when it has edits.
    fn leaves_dossier(&self, c: &Command) -> bool {
        let letter_open = self.letter.is_some();
        match c {
            Command::OpenClient(id) => {
                self.dossier.as_ref().and_then(|d| d.client_id()) != Some(*id)
            }
            Command::NewClient
            | Command::CloseDossier
            | Command::Quit
            | Command::LoadDemo
            | Command::NewLetter(_) => true,
            Command::Navigate(s) => *s != self.screen || letter_open || self.report.is_some(),
            Command::OpenLetter(id) => self.letter.as_ref().and_then(|l| l.letter.id) != Some(*id),
            Command::CloseLetter => letter_open,
            Command::CloseReport | Command::NewReport(..) | Command::OpenClientFromToday(_) => {
                self.report.is_some()
            }
            Command::OpenReport(id) => self.report.as_ref().and_then(|r| r.meeting.id) != Some(*id),
            _ => false,
        }
    }

    /// Saves whatever is open with edits (the «Да, сохранить» answer).
    fn save_open_work(&mut self) -> bool {
        let dossier_ok =
            !self.dossier.as_ref().is_some_and(DossierEditor::is_dirty) || self.save_dossier();
        let letter_ok = !self
            .letter
            .as_ref()
            .is_some_and(|l| l.is_draft() && l.is_dirty())
            || self.save_letter();
        let report_ok = !self.report.as_ref().is_some_and(ReportEditor::is_dirty)
            || self.save_report().is_some();
        dossier_ok && letter_ok && report_ok
    }

    fn apply(&mut self, c: Command, ctx: &egui::Context) {
        if self.has_unsaved_edits() && self.leaves_dossier(&c) {
            self.pending = Some(PendingAction(c));
            return;
        }
        if let Err(e) = self.apply_inner(c, ctx) {
            self.toasts.error(format!("{e:#}"));
        }
    }

    fn apply_inner(&mut self, c: Command, ctx: &egui::Context) -> anyhow::Result<()> {
        use anyhow::Context as _;
        match c {
            Command::Navigate(s) => {
                self.screen = s;
                if s != Screen::Clients {
                    self.dossier = None;
                }
                self.letter = None;
                self.report = None;
                self.reload()?;
            }
            Command::NewReport(client_id, kind) => {
                let meeting = crate::domain::contacts::Meeting {
                    client_id,
                    kind,
                    manager_id: self.current_manager,
                    date: Some(self.today),
                    ..Default::default()
                };
                self.open_report_editor(meeting)?;
            }
            Command::OpenReport(id) => {
                let meeting = storage::get_meeting(self.db.conn(), id)?;
                self.open_report_editor(meeting)?;
            }
            Command::SaveReport => {
                self.save_report();
            }
            Command::SubmitReport => {
                if let Some(id) = self.save_report() {
                    crate::reports::submit_report(
                        &mut self.db,
                        id,
                        self.today,
                        self.current_manager,
                    )?;
                    self.toasts.info(t::REPORT_SUBMITTED_TOAST);
                    self.report = None;
                    self.reload()?;
                }
            }
            Command::AcceptReport(comment) => {
                if let Some(id) = self.report.as_ref().and_then(|r| r.meeting.id) {
                    storage::accept_meeting(
                        &mut self.db,
                        id,
                        &comment,
                        self.today,
                        self.current_manager,
                    )?;
                    self.toasts.info(t::REPORT_ACCEPTED_TOAST);
                    self.report = None;
                    self.reload()?;
                }
            }
            Command::CorrectReport => {
                if let Some(id) = self.report.as_ref().and_then(|r| r.meeting.id) {
                    let new = storage::correct_meeting(&mut self.db, id, self.current_manager)?;
                    let meeting = storage::get_meeting(self.db.conn(), new)?;
                    self.open_report_editor(meeting)?;
                }
            }
            Command::CloseReport => {
                self.report = None;
                self.reload()?;
            }
            Command::AttachToReport(path) => {
                let Some(id) = self.save_report() else {
                    return Ok(());
                };
                let path = std::path::PathBuf::from(path.trim());
                let bytes = std::fs::read(&path)
                    .with_context(|| t::err_read_file(&path.display().to_string()))?;
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                storage::add_meeting_attachment(
                    &mut self.db,
                    id,
                    &name,
                    &bytes,
                    self.current_manager,
                )?;
                if let Some(ed) = &mut self.report {
                    ed.attachments = storage::meeting_attachments(self.db.conn(), id)?;
                    ed.attach_path.clear();
                }
            }
            Command::LoadPng(target, path) => {
                let result = read_png(&path);
                match target {
                    PngTarget::Signature => {
                        if let Some(ed) = &mut self.managers_screen.editor {
                            match result {
                                Ok(bytes) => {
                                    ed.draft.signature_png = Some(bytes);
                                    ed.signature_error = None;
                                }
                                Err(e) => ed.signature_error = Some(e),
                            }
                        }
                    }
                    PngTarget::Logo => match result {
                        Ok(bytes) => {
                            self.settings.company.logo_png = Some(std::sync::Arc::new(bytes));
                            self.settings.company_errors.remove("logo");
                        }
                        Err(e) => {
                            self.settings.company_errors.insert("logo".into(), e);
                        }
                    },
                }
            }
            Command::CompleteStep(step) => {
                storage::complete_step(&mut self.db, step, self.today, self.current_manager)?;
                self.reload()?;
                self.toasts.info(t::STEP_DONE_TOAST);
            }
            Command::OpenClientFromToday(client_id) => {
                self.report = None;
                self.screen = Screen::Clients;
                self.reload()?;
                let d = storage::load_dossier(self.db.conn(), client_id)?;
                self.clients.selected = Some(client_id);
                let mut ed = DossierEditor::open(&d, self.today);
                ed.timeline = crate::timeline::timeline(self.db.conn(), client_id)?;
                ed.tab = super::dossier::Tab::People;
                self.dossier = Some(ed);
            }
            Command::NewLetter(client_id) => {
                let templates = storage::list_templates(self.db.conn())?;
                let free = templates
                    .iter()
                    .find(|t| t.code == "free")
                    .or(templates.first())
                    .cloned()
                    .unwrap_or_default();
                let letter = crate::letters::draft_from_template(
                    self.db.conn(),
                    client_id,
                    None,
                    &free,
                    self.current_manager,
                    &Default::default(),
                    self.today,
                )?;
                self.open_letter_editor(letter)?;
            }
            Command::OpenLetter(id) => {
                let letter = storage::get_letter(self.db.conn(), id)?;
                self.open_letter_editor(letter)?;
            }
            Command::CloseLetter => {
                self.letter = None;
                self.reload()?;
            }
            Command::SaveLetter => {
                self.save_letter();
            }
            Command::RegisterLetter => {
                if self.save_letter()
                    && let Some(id) = self.letter.as_ref().and_then(|l| l.letter.id)
                {
                    let letter = crate::letters::register_letter(
                        &mut self.db,
                        id,
                        self.today,
                        self.current_manager,
                    )?;
                    self.toasts.info(t::letter_registered(&letter.number));
                    self.open_letter_editor(letter)?;
                }
            }
            Command::AdvanceLetter(status, date, received_by) => {
                if let Some(id) = self.letter.as_ref().and_then(|l| l.letter.id) {
                    storage::advance_status(
                        &mut self.db,
                        id,
                        status,
                        date,
                        &received_by,
                        self.current_manager,
                    )?;
                    let letter = storage::get_letter(self.db.conn(), id)?;
                    self.toasts.info(t::letter_status_set(status.label()));
                    self.open_letter_editor(letter)?;
                }
            }
            Command::CorrectLetter => {
                if let Some(id) = self.letter.as_ref().and_then(|l| l.letter.id) {
                    let new = storage::correct_letter(&mut self.db, id, self.current_manager)?;
                    let letter = storage::get_letter(self.db.conn(), new)?;
                    self.open_letter_editor(letter)?;
                }
            }
            Command::SaveLetterPdf(path) => {
                let bytes = self.letter_pdf_bytes()?;
                let target = std::path::PathBuf::from(path.trim());
                std::fs::write(&target, bytes)
                    .with_context(|| t::err_write_file(&target.display().to_string()))?;
                self.toasts
                    .info(t::letter_written(&target.display().to_string()));
            }
            Command::PrintLetter => {
                let bytes = self.letter_pdf_bytes()?;
                let dir = std::env::temp_dir().join("vipdesk");
                std::fs::create_dir_all(&dir)?;
                let path = dir.join(
                    self.letter
                        .as_ref()
                        .map(|l| crate::letters::pdf_file_name(&l.letter))
                        .unwrap_or_default(),
                );
                std::fs::write(&path, bytes)?;
                print_pdf(&path)?;
                self.toasts.info(t::SENT_TO_PRINT);
            }
            Command::BuildContactReport(period) => match crate::reports::Period::parse(&period) {
                Some(p) => {
                    let manager = match self.current_manager_value() {
                        Some(m) if m.role == crate::domain::model::Role::GroupHead => None,
                        _ => self.current_manager,
                    };
                    self.contact_report.report =
                        Some(crate::reports::contact_report(self.db.conn(), &p, manager)?);
                    self.contact_report.error = None;
                }
                None => self.contact_report.error = Some(t::BAD_PERIOD_GUI.into()),
            },
            Command::SaveContactReport(path) => {
                if let Some(report) = &self.contact_report.report {
                    let company = storage::load_company(self.db.conn())?;
                    let bytes = crate::reports::contact_report_pdf(report, &company)?;
                    let target = std::path::PathBuf::from(path.trim());
                    std::fs::write(&target, bytes)
                        .with_context(|| t::err_write_file(&target.display().to_string()))?;
                    self.toasts
                        .info(t::letter_written(&target.display().to_string()));
                }
            }
            Command::SaveCompany(company) => {
                storage::save_company(&mut self.db, &company)?;
                self.toasts.info(t::SAVED);
            }
            Command::SaveTemplate(template) => {
                storage::save_template(&mut self.db, &template, self.current_manager)?;
                self.reload()?;
                self.toasts.info(t::SAVED);
            }
            Command::StartMerge(selection) => self.start_merge(selection, ctx)?,
            Command::CourierSheet(path) => {
                let rows: Vec<storage::LetterRow> = storage::list_letters(
                    self.db.conn(),
                    &storage::LetterFilter {
                        status: Some(LetterStatus::Courier),
                        ..self.letters.filter.clone()
                    },
                )?;
                if rows.is_empty() {
                    self.toasts.error(t::NO_COURIER_LETTERS);
                    return Ok(());
                }
                let company = storage::load_company(self.db.conn())?;
                let sender = self
                    .current_manager_value()
                    .map(Manager::short_name)
                    .unwrap_or_default();
                let bytes = crate::letters::courier_sheet(&rows, &company, &sender, self.today)?;
                let target = std::path::PathBuf::from(path.trim());
                std::fs::write(&target, bytes)
                    .with_context(|| t::err_write_file(&target.display().to_string()))?;
                self.toasts.info(t::courier_sheet_written(
                    rows.len(),
                    &target.display().to_string(),
                ));
            }
            Command::ReloadLetters => {
                self.letters.rows = storage::list_letters(self.db.conn(), &self.letters.filter)?;
            }
            Command::OpenClient(id) => {
                let d = storage::load_dossier(self.db.conn(), id).context(t::ERR_OPEN_CLIENT)?;
                self.clients.selected = Some(id);
                let mut ed = DossierEditor::open(&d, self.today);
                if let Some(id) = d.client.id {
                    ed.timeline = crate::timeline::timeline(self.db.conn(), id)?;
                }
                self.dossier = Some(ed);
            }
            Command::NewClient => {
                let mut d = Dossier::default();
                d.client.manager_id = self.current_manager;
                self.clients.selected = None;
                let mut ed = DossierEditor::open(&d, self.today);
                if let Some(id) = d.client.id {
                    ed.timeline = crate::timeline::timeline(self.db.conn(), id)?;
                }
                self.dossier = Some(ed);
            }
            Command::CloseDossier => {
                self.dossier = None;
                self.clients.selected = None;
            }
            Command::SaveDossier => {
                self.save_dossier();
            }
            Command::DeleteClient(id) => {
                storage::delete_client(&mut self.db, id, self.current_manager)?;
                self.dossier = None;
                self.clients.selected = None;
                self.reload()?;
                self.toasts.info(t::CLIENT_DELETED);
            }
            Command::SaveManager(draft) => self.save_manager(*draft)?,
            Command::DeleteManager(id) => {
                storage::delete_manager(&mut self.db, id, self.current_manager)?;
                if self.current_manager == Some(id) {
                    self.current_manager = None;
                }
                self.managers_screen.editor = None;
                self.reload()?;
                self.toasts.info(t::MANAGER_DELETED);
            }
            Command::SetCurrentManager(id) => {
                self.current_manager = Some(id);
                self.prefs_changed = true;
                self.clients.filter.manager = Some(id);
                // «Сегодня» and the reports to review are the new user's.
                self.reload()?;
            }
            Command::Restore(kind, id) => {
                storage::restore(&mut self.db, kind, id, self.current_manager)?;
                self.reload()?;
                self.trash.items = storage::list_trash(self.db.conn())?;
                self.toasts.info(t::RESTORED);
            }
            Command::SaveCatalog(kind, entry) => {
                match storage::save_catalog_entry(&mut self.db, kind, &entry, self.current_manager)
                {
                    Ok(_) => {
                        self.catalogs_screen.saved(kind);
                        self.reload()?;
                        self.toasts.info(t::SAVED);
                    }
                    Err(e) => self
                        .catalogs_screen
                        .failed(kind, t::catalog_save_error(&e.to_string())),
                }
            }
            Command::LoadDemo => {
                let summary = crate::demo::generate(
                    &mut self.db,
                    crate::demo::DEFAULT_CLIENTS,
                    1,
                    self.today,
                )?;
                // «Кто работает?» follows when no one is chosen yet.
                self.reload()?;
                self.toasts
                    .info(t::demo_loaded(summary.clients, summary.people));
            }
            Command::OpenRecordFile(index) => self.open_record_file(index)?,
            Command::SaveRecordCopy(index, path) => {
                let (id, name) = self.record_file_ref(index)?;
                let bytes = storage::record_file(self.db.conn(), id)?;
                let target = std::path::PathBuf::from(path.trim());
                std::fs::write(&target, bytes)
                    .with_context(|| t::err_write_file(&target.display().to_string()))?;
                self.toasts.info(t::file_saved(&name));
            }
            Command::AttachFile(index, path) => {
                if let Some(ed) = &mut self.dossier {
                    ed.attach(index, std::path::Path::new(path.trim()))?;
                }
            }
            Command::Import(path) => {
                let report = crate::exchange::import_clients(
                    &mut self.db,
                    std::path::Path::new(path.trim()),
                    self.current_manager,
                    self.today,
                )?;
                self.reload()?;
                self.clients.import_report = Some(report);
            }
            Command::Export(path) => {
                let n =
                    crate::exchange::export_clients(&self.db, std::path::Path::new(path.trim()))?;
                self.toasts.info(t::exported(n));
            }
            Command::AskPath(purpose, default_name) => match default_name {
                Some(name) => self.dialogs.save(purpose, &name, ctx),
                None => self.dialogs.pick(purpose, ctx),
            },
            Command::Quit => {
                self.quit_confirmed = true;
                self.quit_now = true;
            }
        }
        Ok(())
    }

    fn path_chosen(&mut self, purpose: DialogPurpose, path: std::path::PathBuf) {
        let p = path.display().to_string();
        match purpose {
            DialogPurpose::Attach(i) | DialogPurpose::SaveCopy(i) => {
                if let Some(ed) = &mut self.dossier {
                    ed.set_record_path(i, p);
                }
            }
            DialogPurpose::Signature => self.managers_screen.set_signature_path(p),
            DialogPurpose::Import | DialogPurpose::Export => self.clients.exchange_path = p,
            DialogPurpose::Logo => self.settings.logo_path = p,
            DialogPurpose::MergeDir => self.merge.out_dir = p,
            DialogPurpose::CourierSheet => self.letters.sheet_path = p,
            DialogPurpose::LetterPdf => {
                if let Some(ed) = &mut self.letter {
                    ed.pdf_path = p;
                }
            }
        }
    }

    fn record_file_ref(&self, index: usize) -> anyhow::Result<(Id, String)> {
        let ed = self
            .dossier
            .as_ref()
            .ok_or_else(|| anyhow::anyhow!(t::ERR_NO_DOSSIER))?;
        let r = ed
            .draft
            .records
            .get(index)
            .ok_or_else(|| anyhow::anyhow!(t::ERR_NO_FILE))?;
        match (r.id, r.file_name.is_empty()) {
            (Some(id), false) if r.new_file.is_none() => Ok((id, r.file_name.clone())),
            _ => Err(anyhow::anyhow!(t::ERR_FILE_NOT_SAVED)),
        }
    }

    /// Writes the file to a temporary folder and hands it to the system viewer.
    fn open_record_file(&mut self, index: usize) -> anyhow::Result<()> {
        use anyhow::Context as _;
        let (id, name) = self.record_file_ref(index)?;
        let bytes = storage::record_file(self.db.conn(), id)?;
        let dir = std::env::temp_dir().join("vipdesk").join(id.to_string());
        std::fs::create_dir_all(&dir)?;
        let safe: String = name
            .chars()
            .map(|c| if "/\\:".contains(c) { '_' } else { c })
            .collect();
        let path = dir.join(safe);
        std::fs::write(&path, bytes)?;
        open::that_detached(&path).context(t::ERR_OPEN_VIEWER)?;
        log::info!("opened the file of record {id} in the system viewer");
        Ok(())
    }

    /// Saves the open dossier. On refusal the draft stays as it is, with its errors shown.
    pub fn save_dossier(&mut self) -> bool {
        let Some(ed) = &mut self.dossier else {
            return false;
        };
        let value = match ed.draft.to_value(self.today) {
            Ok(v) => v,
            Err(errors) => {
                ed.errors = errors;
                self.toasts.error(t::SAVE_REFUSED);
                return false;
            }
        };
        ed.errors.clear();
        // Two clients must not share an INN.
        if !value.client.inn.is_empty()
            && let Ok(Some((other, name))) =
                storage::find_client_by_inn(self.db.conn(), &value.client.inn)
            && Some(other) != value.client.id
        {
            ed.errors.insert("inn".into(), t::err_inn_taken(&name));
            self.toasts.error(t::SAVE_REFUSED);
            return false;
        }
        match storage::save_dossier(&mut self.db, &value, self.current_manager) {
            Ok(id) => {
                match storage::load_dossier(self.db.conn(), id) {
                    Ok(saved) => {
                        let tab = ed.tab;
                        let timeline =
                            crate::timeline::timeline(self.db.conn(), id).unwrap_or_default();
                        *ed = DossierEditor::open(&saved, self.today);
                        ed.timeline = timeline;
                        ed.tab = tab;
                    }
                    Err(e) => self.toasts.error(e.to_string()),
                }
                self.clients.selected = Some(id);
                if let Err(e) = self.reload() {
                    self.toasts.error(e.to_string());
                }
                self.toasts.info(t::SAVED);
                log::info!("saved the dossier of client {id}");
                true
            }
            Err(e) => {
                self.toasts.error(t::save_failed(&e.to_string()));
                false
            }
        }
    }

    /// Starts the mail merge on a named thread with its own connection to the database file.
    fn start_merge(
        &mut self,
        selection: crate::letters::Selection,
        ctx: &egui::Context,
    ) -> anyhow::Result<()> {
        let Some(path) = self.db.path().map(std::path::Path::to_path_buf) else {
            self.merge.error = Some(t::MERGE_NEEDS_FILE.into());
            return Ok(());
        };
        let job = crate::letters::MergeJob {
            template_code: self.merge.template_code.clone(),
            selection,
            out_dir: std::path::PathBuf::from(self.merge.out_dir.trim()),
            combined: self.merge.combined,
            today: self.today,
            author: self.current_manager,
        };
        let (tx, rx) = std::sync::mpsc::channel();
        let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let thread_cancel = cancel.clone();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("mail-merge".into())
            .spawn(move || {
                let result = Db::open(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|mut db| {
                        let progress = |done, total| {
                            let _ = tx.send(MergeMsg::Progress(done, total));
                            ctx.request_repaint();
                        };
                        crate::letters::merge(&mut db, &job, &progress, &thread_cancel)
                            .map_err(|e| e.to_string())
                    });
                let _ = tx.send(MergeMsg::Finished(result));
                ctx.request_repaint();
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

    /// Takes what the merge thread reported since the last frame.
    fn poll_merge(&mut self) {
        let Some(run) = &mut self.merge.run else {
            return;
        };
        let mut finished = None;
        while let Ok(msg) = run.rx.try_recv() {
            match msg {
                MergeMsg::Progress(done, total) => (run.done, run.total) = (done, total),
                MergeMsg::Finished(r) => finished = Some(r),
            }
        }
        if let Some(r) = finished {
            if let Ok(report) = &r {
                log::info!("mail merge made {} letters", report.letters.len());
            }
            self.merge.report = Some(r);
            self.merge.run = None;
        }
    }

    fn open_report_editor(
        &mut self,
        meeting: crate::domain::contacts::Meeting,
    ) -> anyhow::Result<()> {
        let d = storage::load_dossier(self.db.conn(), meeting.client_id)?;
        let people = d
            .people
            .iter()
            .filter_map(|p| {
                p.id.map(|id| {
                    (
                        id,
                        format!(
                            "{} — {}",
                            crate::domain::names::full_name(&p.surname, &p.name, &p.patronymic),
                            p.position
                        ),
                    )
                })
            })
            .collect();
        let can_accept = self
            .current_manager_value()
            .is_some_and(|m| m.role == crate::domain::model::Role::GroupHead);
        self.screen = Screen::Today;
        self.dossier = None;
        self.letter = None;
        let attachments = match meeting.id {
            Some(id) => storage::meeting_attachments(self.db.conn(), id)?,
            None => Vec::new(),
        };
        let mut ed = ReportEditor::new(meeting, d.client.short_name, people, can_accept);
        ed.attachments = attachments;
        self.report = Some(ed);
        Ok(())
    }

    /// Saves the open report draft; returns its id, or `None` when refused (the draft stays).
    pub fn save_report(&mut self) -> Option<Id> {
        let ed = self.report.as_mut()?;
        if !ed.is_draft() {
            return ed.meeting.id;
        }
        let Some(value) = ed.check() else {
            self.toasts.error(t::SAVE_REFUSED);
            return None;
        };
        match storage::save_meeting(&mut self.db, &value, self.current_manager) {
            Ok(id) => {
                match storage::get_meeting(self.db.conn(), id) {
                    Ok(saved) => {
                        let (name, people, can) =
                            (ed.client_name.clone(), ed.people.clone(), ed.can_accept);
                        let files = std::mem::take(&mut ed.attachments);
                        *ed = ReportEditor::new(saved, name, people, can);
                        ed.attachments = files;
                    }
                    Err(e) => self.toasts.error(e.to_string()),
                }
                self.toasts.info(t::SAVED);
                Some(id)
            }
            Err(e) => {
                self.toasts.error(t::save_failed(&e.to_string()));
                None
            }
        }
    }

    fn open_letter_editor(&mut self, letter: crate::domain::letter::Letter) -> anyhow::Result<()> {
        let conn = self.db.conn();
        let dossier = storage::load_dossier(conn, letter.client_id)?;
        let templates = storage::list_templates(conn)?;
        let company = storage::load_company(conn)?;
        let manager = match letter.manager_id {
            Some(id) => Some(storage::get_manager(conn, id)?),
            None => None,
        };
        self.screen = Screen::Letters;
        self.dossier = None;
        self.letter = Some(LetterEditor::new(
            letter, dossier, templates, company, manager, self.today,
        ));
        Ok(())
    }

    /// Saves the open letter draft; on refusal the draft stays in the editor.
    pub fn save_letter(&mut self) -> bool {
        let Some(ed) = &mut self.letter else {
            return false;
        };
        if !ed.check() {
            self.toasts.error(t::SAVE_REFUSED);
            return false;
        }
        match storage::save_draft(&mut self.db, &ed.letter, self.current_manager) {
            Ok(id) => {
                ed.letter.id = Some(id);
                ed.original = ed.letter.clone();
                self.toasts.info(t::SAVED);
                true
            }
            Err(e) => {
                self.toasts.error(t::save_failed(&e.to_string()));
                false
            }
        }
    }

    fn letter_pdf_bytes(&self) -> anyhow::Result<Vec<u8>> {
        let ed = self
            .letter
            .as_ref()
            .ok_or_else(|| anyhow::anyhow!(t::ERR_NO_LETTER))?;
        let content = crate::letters::content_from(&ed.letter, &ed.company, ed.manager.as_ref());
        Ok(crate::pdf::render_pdf(&crate::letters::document_from(
            &ed.letter, &content,
        ))?)
    }

    fn save_manager(&mut self, draft: ManagerDraft) -> anyhow::Result<()> {
        let value = match draft.to_value() {
            Ok(v) => v,
            Err(errors) => {
                self.managers_screen.refused(draft, errors);
                self.toasts.error(t::SAVE_REFUSED);
                return Ok(());
            }
        };
        let first = self.managers.is_empty();
        let id = storage::save_manager(&mut self.db, &value, self.current_manager)?;
        self.reload()?;
        self.managers_screen.saved(&self.managers, id);
        if first || self.current_manager.is_none() && self.managers.len() == 1 {
            self.current_manager = Some(id);
            self.prefs_changed = true;
            self.clients.filter.manager = Some(id);
            self.clients.refilter();
        }
        self.toasts.info(t::SAVED);
        Ok(())
    }

    /// Tests: the current dossier draft.
    pub fn dossier_draft(&self) -> Option<&DossierDraft> {
        self.dossier.as_ref().map(|d| &d.draft)
    }
}

/// The reports waiting for the supervisor, above «Сегодня».
fn review_ui(ui: &mut Ui, rows: &[(crate::domain::contacts::Meeting, String)]) -> Vec<Command> {
    let mut out = Vec::new();
    if rows.is_empty() {
        return out;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(t::reports_to_review(rows.len())).strong());
    egui::Grid::new("to_review")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for (m, client) in rows {
                ui.label(crate::domain::fmt::opt_date(m.date));
                ui.label(client);
                ui.label(m.kind.label());
                if ui
                    .button(t::OPEN_REPORT)
                    .accessible_name(format!("{}: {client}", t::OPEN_REPORT))
                    .clicked()
                    && let Some(id) = m.id
                {
                    out.push(Command::OpenReport(id));
                }
                ui.end_row();
            }
        });
    out
}

/// Prints a PDF: `lp` where CUPS is present, else the system viewer (which prints from its menu).
fn print_pdf(path: &std::path::Path) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let lp = std::process::Command::new("lp")
        .arg("-o")
        .arg("media=A4")
        .arg(path)
        .output();
    match lp {
        Ok(out) if out.status.success() => Ok(()),
        _ => open::that_detached(path).context(t::ERR_OPEN_VIEWER),
    }
}

/// The eframe wrapper: persistence of preferences and the window's close request.
pub struct EframeApp {
    pub app: VipApp,
}

impl eframe::App for EframeApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) && self.app.close_requested() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        self.app.ui_root(ui);
        if self.app.quit_now {
            self.app.quit_now = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if !self.app.toasts.is_empty() {
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }
        if self.app.prefs_changed
            && let Some(storage) = frame.storage_mut()
        {
            self.save(storage);
            storage.flush();
            self.app.prefs_changed = false;
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, "vipdesk.prefs", &self.app.prefs());
    }
}
