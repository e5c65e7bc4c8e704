//! The shell: the navigation, the modals («Кто работает?», «Сохранить изменения?», «О программе»),
//! the toasts, and the routing of commands to the features. It knows no feature's screens or
//! rules: a command goes to its feature, the feature returns effects, the shell carries them out.

use egui::Ui;

use super::Prefs;
use super::command::{Command, Cx, Effect, Route};
use super::context::ViewCtx;
use super::dialogs::{FileDialogs, NoDialogs};
use super::features::Features;
use super::theme;
use super::widgets::Toasts;
use crate::admin;
use crate::domain::Id;
use crate::i18n as t;
use crate::storage::Db;

pub struct App {
    pub db: Db,
    pub view: ViewCtx,
    pub route: Route,
    pub features: Features,
    pub toasts: Toasts,
    /// What waits for the answer to «Сохранить изменения?».
    pub pending: Option<Command>,
    pub about_open: bool,
    pub dialogs: Box<dyn FileDialogs>,
    /// Set when the user agreed to close: the next close request is let through.
    pub quit_confirmed: bool,
    /// Set when a quit was confirmed inside the UI; eframe's wrapper closes the window.
    pub quit_now: bool,
    /// The preferences changed and should be written now, not only at exit.
    pub prefs_changed: bool,
    /// The screens the user came through, for «Закрыть» and Esc.
    pub history: Vec<Route>,
    /// «Кто работает?»: the user proves who they are before the program acts as them.
    pub sign_in: super::who::SignIn,
    commands: Vec<Command>,
}

impl App {
    /// Builds the app over an open database. `prefs` say who worked last time. Long reads run
    /// off the UI thread.
    pub fn new(db: Db, prefs: Prefs) -> anyhow::Result<App> {
        App::with_reads(db, prefs, true)
    }

    /// [`App::new`], reading in the background or (a test's window) in step with the frames.
    pub fn with_reads(db: Db, prefs: Prefs, background: bool) -> anyhow::Result<App> {
        let db_label = db
            .path()
            .map_or_else(|| ":memory:".into(), |p| p.display().to_string());
        let mut app = App {
            view: ViewCtx {
                today: db.today(),
                db_label,
                background,
                ..Default::default()
            },
            db,
            route: Route::Today,
            features: Features::default(),
            toasts: Toasts::default(),
            pending: None,
            about_open: false,
            dialogs: Box::new(NoDialogs),
            quit_confirmed: false,
            quit_now: false,
            prefs_changed: false,
            history: Vec::new(),
            sign_in: super::who::SignIn::default(),
            commands: Vec::new(),
        };
        app.reload_view()?;
        app.features.clients.list_width = prefs.list_width;
        app.view.me = app
            .sign_in
            .at_start(&mut app.db, &app.view.managers, prefs.manager_uuid);
        let first = if app.view.managers.is_empty() {
            Route::Welcome
        } else {
            Route::Today
        };
        // Every feature loads what it shows and counts in the navigation (the remembered user's
        // overdue appeals too); a screen that cannot load says so and the window opens.
        app.route = first;
        if let Err(e) = app.reload() {
            app.toasts.error(format!("{e:#}"));
        }
        Ok(app)
    }

    pub fn prefs(&self) -> Prefs {
        Prefs {
            manager_uuid: self.view.me.as_ref().map(|m| m.uuid.clone()),
            list_width: self.features.clients.list_width,
        }
    }

    /// Queues a command; it runs after the frame.
    pub fn push(&mut self, c: impl Into<Command>) {
        self.commands.push(c.into());
    }

    /// The whole UI inside `ui`: the eframe wrapper and the tests both call this.
    pub fn ui_root(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        // Today is read from the clock every frame; after midnight «Сегодня» is recounted.
        let today = self.db.today();
        if today != self.view.today {
            self.view.today = today;
            if let Err(e) = self.reload() {
                self.toasts.error(format!("{e:#}"));
            }
        }
        super::widgets::set_today(&ctx, today);
        self.view.repaint = super::context::Repaint::new(&ctx);
        self.dialogs.ui(&ctx);
        while let Some(c) = self.dialogs.poll() {
            self.push(c);
        }
        let bands = [super::admin::damaged_banner(ui, &self.db)];
        let bands = bands
            .into_iter()
            .chain([super::admin::settings_banner(ui, &self.view)]);
        self.commands.extend(bands.flatten());
        self.shortcuts(super::keys::read(&ctx, self.route), &ctx);
        let foot = |ui: &mut Ui| super::sync::foot(ui, &self.view, &self.toasts);
        egui::Panel::bottom("status").show(ui, foot);
        if self.route != Route::Welcome {
            let asked = egui::Panel::left("nav")
                .resizable(false)
                .exact_size(theme::NAV_WIDTH)
                .show(ui, |ui| {
                    let features = &self.features;
                    super::nav::nav_ui(ui, &self.view, self.route, self.about_open, |r| {
                        features.badge(r)
                    })
                });
            self.about_open |= asked.inner.about;
            self.commands.extend(asked.inner.commands);
        }
        let out = egui::CentralPanel::default()
            .show(ui, |ui| self.features.ui(ui, self.route, &self.view))
            .inner;
        self.commands.extend(out);
        let overlays = self.features.overlays(&ctx, &self.view);
        self.commands.extend(overlays);
        if self.view.me.is_none()
            && !self.view.managers.is_empty()
            && let Some(actor) = self.sign_in.ui(&ctx, &mut self.db, &self.view.managers)
        {
            self.push(Command::SetUser(actor.id));
        }
        self.unsaved_prompt_ui(&ctx);
        super::about::window(&ctx, &mut self.about_open, &self.view.db_label);
        self.toasts.expire();
        // What a command changed is drawn at once, not at the next mouse move.
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            ctx.request_repaint();
        }
        for c in commands {
            self.apply(c, &ctx);
        }
        super::keys::remember_focus(&ctx);
    }

    /// Acts on the shortcuts of the frame (see `keys`).
    fn shortcuts(&mut self, keys: super::keys::Keys, ctx: &egui::Context) {
        if keys.call {
            self.push(super::appeals::Cmd::OpenCall);
        }
        if keys.save && self.pending.is_none() {
            self.save_open_editor();
        }
        if keys.find {
            ctx.memory_mut(|m| m.request_focus(super::widgets::search_id()));
        }
        if let Some(route) = keys.new {
            self.push(Command::Open(route));
        }
        if keys.escape {
            if self.pending.is_some() {
                // Esc answers «Сохранить изменения?» with «Отмена».
                self.pending = None;
            } else if self.features.editor(self.route).is_some() {
                self.push(Command::Back);
            }
        }
    }

    /// Back to where the user came from (`fallback` when there is nowhere): the editor closed —
    /// its edits were saved or dropped when the shell asked.
    fn go_back(&mut self, fallback: Route) -> anyhow::Result<()> {
        let here = self.route;
        let target = loop {
            match self.history.pop() {
                Some(r) if r == here || r == Route::Welcome => continue,
                Some(r) => break r,
                None => break fallback,
            }
        };
        self.features.close_editor(here);
        let depth = self.history.len();
        self.open(target)?;
        // The screen just left is not somewhere to come back to.
        self.history.truncate(depth);
        Ok(())
    }

    /// The window is asked to close. Returns whether to keep it open: with unsaved edits the
    /// app asks «Сохранить изменения?» first and closes after the answer.
    pub fn close_requested(&mut self) -> bool {
        if self.quit_confirmed || !self.has_unsaved_edits() {
            return false;
        }
        self.pending = Some(Command::Quit);
        true
    }

    /// Whether the open editor has edits not yet saved.
    pub fn has_unsaved_edits(&mut self) -> bool {
        self.features
            .editor(self.route)
            .is_some_and(|e| e.is_dirty())
    }

    fn unsaved_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(action) = self.pending.clone() else {
            return;
        };
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
            ui.heading(t::UNSAVED_TITLE);
            ui.label(t::UNSAVED_TEXT);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                for (k, label) in [t::YES_SAVE, t::DONT_SAVE, t::CANCEL]
                    .into_iter()
                    .enumerate()
                {
                    if ui.button(label).clicked() {
                        answer = Some(k);
                    }
                }
            });
        });
        let Some(answer) = answer else { return };
        self.pending = None;
        match answer {
            0 if self.save_open_editor() => self.push(action),
            1 => {
                self.features.close_editor(self.route);
                self.push(action);
            }
            _ => {}
        }
    }

    /// «Да, сохранить»: saves the open editor; `false` when it refused (the draft stays).
    fn save_open_editor(&mut self) -> bool {
        let mut cx = Cx::new(&mut self.db, &self.view);
        let saved = self
            .features
            .editor(self.route)
            .is_none_or(|e| !e.is_dirty() || e.save(&mut cx));
        let effects = cx.effects;
        self.carry_out(effects);
        saved
    }

    /// Runs a command, unless it leaves an editor with edits: then it waits for the answer to
    /// «Сохранить изменения?».
    fn apply(&mut self, c: Command, ctx: &egui::Context) {
        if self.leaves_edits(&c) {
            self.pending = Some(c);
            return;
        }
        if let Err(e) = self.run(c, ctx) {
            self.toasts.error(format!("{e:#}"));
        }
    }

    fn leaves_edits(&mut self, c: &Command) -> bool {
        let leaves = self.features.leaves(self.route.area(), c);
        let Some(ed) = self.features.editor(self.route) else {
            return false;
        };
        ed.is_dirty()
            && match c {
                Command::Open(route) => !ed.shows(route),
                // Edits are nobody's after the user changes: save or drop them first.
                Command::Quit | Command::SetUser(_) | Command::Back => true,
                _ => leaves,
            }
    }

    fn run(&mut self, c: Command, ctx: &egui::Context) -> anyhow::Result<()> {
        let mut cx = Cx::new(&mut self.db, &self.view);
        let rest = self.features.apply(c, &mut cx);
        let effects = cx.effects;
        self.carry_out(effects);
        match rest? {
            Some(Command::Open(route)) => self.open(route)?,
            Some(Command::AskPath(ask)) => self.dialogs.ask(ask, ctx),
            Some(Command::SetUser(id)) => self.set_user(id)?,
            Some(Command::Quit) => (self.quit_confirmed, self.quit_now) = (true, true),
            Some(Command::Back) => self.go_back(self.route.screen())?,
            Some(Command::Notice(text)) => self.toasts.error(text),
            _ => {}
        }
        Ok(())
    }

    /// Goes to `route`: an editor that does not show it is closed (its edits were saved or
    /// dropped by the prompt), and the feature loads what the route shows.
    pub fn open(&mut self, route: Route) -> anyhow::Result<()> {
        let here = self.route;
        // Where the user is (a dossier's tab), asked before its editor goes.
        let back = self.features.here(here);
        if self.features.editor(here).is_some_and(|e| !e.shows(&route)) {
            self.features.close_editor(here);
        }
        // Walking from record to record of one screen (client to client) is not history.
        if route != self.route
            && (route.screen() != self.route.screen() || self.route == self.route.screen())
        {
            self.history.push(back);
        }
        self.route = route;
        self.reload_view()?;
        let mut cx = Cx::new(&mut self.db, &self.view);
        let result = self.features.open(route, &mut cx);
        let effects = cx.effects;
        self.carry_out(effects);
        result
    }

    /// The view context from the database: managers, catalogues, clients.
    fn reload_view(&mut self) -> anyhow::Result<()> {
        self.view.refresh(&self.db)
    }

    /// Reloads the view context and what every feature shows.
    pub fn reload(&mut self) -> anyhow::Result<()> {
        self.reload_view()?;
        let mut cx = Cx::new(&mut self.db, &self.view);
        let result = self.features.reload(self.route, &mut cx);
        let effects = cx.effects;
        self.carry_out(effects);
        result
    }

    /// Chooses who works at the workstation (`None`: ask); their «Сегодня» and clients follow.
    pub fn set_user(&mut self, id: Option<Id>) -> anyhow::Result<()> {
        // The manager may be new: look them up in the database, not in the view.
        let managers = admin::service::managers(&self.db).map_err(t::err)?;
        self.view.me = managers.into_iter().find(|m| m.id == id && id.is_some());
        self.prefs_changed = true;
        self.reload()
    }

    /// Carries out what a feature asked for after a command.
    fn carry_out(&mut self, effects: Vec<Effect>) {
        let mut reload = false;
        let mut go = None;
        for e in effects {
            match e {
                Effect::Info(text) => self.toasts.info(text),
                Effect::Error(text) => self.toasts.error(text),
                Effect::Reload => reload = true,
                Effect::Open(route) => go = Some(route),
                Effect::Back(fallback) => {
                    if let Err(e) = self.go_back(fallback) {
                        self.toasts.error(format!("{e:#}"));
                    }
                }
                Effect::SetUser(id) => {
                    if let Err(e) = self.set_user(id) {
                        self.toasts.error(format!("{e:#}"));
                    }
                }
            }
        }
        if reload && let Err(e) = self.reload() {
            self.toasts.error(format!("{e:#}"));
        }
        // The first manager or the demo data ends the first run.
        if self.route == Route::Welcome && !self.view.managers.is_empty() {
            go = go.or(Some(Route::Today));
        }
        if let Some(route) = go
            && let Err(e) = self.open(route)
        {
            self.toasts.error(format!("{e:#}"));
        }
    }
}
