//! What screens ask for and how the shell hands it to a feature: routes, the commands (one
//! variant per feature, generated from the feature table in `features.rs`), the effects a
//! feature returns, and the [`Feature`] trait every feature's part of the window implements.

use std::path::PathBuf;
use std::sync::Arc;

use egui::Ui;

use super::context::ViewCtx;
use super::editor::Editor;
use crate::contacts::MeetingKind;
use crate::domain::{Actor, Id};
use crate::storage::Db;

pub use super::features::{Area, Command, Features};

/// Where the window is: a screen of the navigation, or a record opened in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route {
    /// The first run: load the demo data or create the first manager.
    Welcome,
    Today,
    Clients,
    Letters,
    Merge,
    ContactReport,
    Settings,
    Managers,
    Catalogs,
    Trash,
    Backups,
    Journal,
    /// A client's dossier on a tab.
    Client(Id, super::clients::Tab),
    NewClient,
    Letter(Id),
    /// A new letter to a client.
    NewLetter(Id),
    Report(Id),
    /// A new report of a client.
    NewReport(Id, MeetingKind),
    /// The appeals register.
    Appeals,
    Appeal(Id),
    /// A new appeal of a client (0: the client is chosen in the form).
    NewAppeal(Id),
    AppealReports,
    AppealSettings,
    /// «Производственный календарь».
    Calendar,
    /// «Поздравления»: the schedule of greetings.
    Greetings,
    /// «Поздравления» on its tab of the gift limits and the regulation's settings.
    GiftLimits,
    /// «Подарки»: the orders and the registry.
    Gifts,
    /// A person's gifts and gift ideas.
    PersonGifts(Id),
    /// «Сервер отдела»: joining, the sync's state, «Конфликты синхронизации».
    Server,
    /// «VIP-список»: the list of a year and the director's orders.
    VipList,
    /// «Опросы удовлетворённости».
    Surveys,
    /// A new survey of a client.
    NewSurvey(Id),
    Survey(Id),
}

impl Route {
    /// The feature that shows this route.
    pub fn area(self) -> Area {
        match self {
            Route::Welcome
            | Route::Managers
            | Route::Catalogs
            | Route::Trash
            | Route::Backups
            | Route::Calendar
            | Route::Journal => Area::Admin,
            Route::Appeals
            | Route::Appeal(_)
            | Route::NewAppeal(_)
            | Route::AppealReports
            | Route::AppealSettings => Area::Appeals,
            Route::Today => Area::Overview,
            Route::Server => Area::Sync,
            Route::VipList | Route::Surveys | Route::NewSurvey(_) | Route::Survey(_) => {
                Area::Annual
            }
            Route::ContactReport | Route::Report(_) | Route::NewReport(..) => Area::Contacts,
            Route::Clients | Route::Client(..) | Route::NewClient => Area::Clients,
            Route::Greetings | Route::GiftLimits | Route::Gifts | Route::PersonGifts(_) => {
                Area::Greetings
            }
            Route::Letters
            | Route::Merge
            | Route::Settings
            | Route::Letter(_)
            | Route::NewLetter(_) => Area::Letters,
        }
    }

    /// The navigation entry this route lights up.
    pub fn screen(self) -> Route {
        match self {
            Route::Client(..) | Route::NewClient => Route::Clients,
            Route::Letter(_) | Route::NewLetter(_) => Route::Letters,
            Route::Report(_) | Route::NewReport(..) => Route::Today,
            Route::Appeal(_) | Route::NewAppeal(_) => Route::Appeals,
            Route::PersonGifts(_) => Route::Gifts,
            Route::GiftLimits => Route::Greetings,
            Route::NewSurvey(_) | Route::Survey(_) => Route::Surveys,
            r => r,
        }
    }
}

/// What the path is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AskKind {
    /// A file to read; the extensions it may have (empty: any).
    Open(&'static [&'static str]),
    /// Where to write a file, with a proposed name.
    Save,
    Folder,
}

/// A question for a path: the answer becomes the command `then` makes of it.
#[derive(Clone)]
pub struct Ask {
    pub kind: AskKind,
    pub default_name: String,
    pub then: Arc<dyn Fn(PathBuf) -> Command + Send + Sync>,
}

impl std::fmt::Debug for Ask {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ask")
            .field("kind", &self.kind)
            .field("default_name", &self.default_name)
            .finish_non_exhaustive()
    }
}

impl Ask {
    pub fn open(
        exts: &'static [&'static str],
        then: impl Fn(PathBuf) -> Command + Send + Sync + 'static,
    ) -> Ask {
        Ask {
            kind: AskKind::Open(exts),
            default_name: String::new(),
            then: Arc::new(then),
        }
    }
    pub fn save(
        default_name: impl Into<String>,
        then: impl Fn(PathBuf) -> Command + Send + Sync + 'static,
    ) -> Ask {
        Ask {
            kind: AskKind::Save,
            default_name: default_name.into(),
            then: Arc::new(then),
        }
    }
    pub fn folder(then: impl Fn(PathBuf) -> Command + Send + Sync + 'static) -> Ask {
        Ask {
            kind: AskKind::Folder,
            default_name: String::new(),
            then: Arc::new(then),
        }
    }
}

/// What a feature asks of the shell after applying a command.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Info(String),
    Error(String),
    /// The data changed: reload the view context and what the screens show.
    Reload,
    /// Go to a route (another feature's, or a record).
    Open(Route),
    /// Who works at the workstation (`None`: ask).
    SetUser(Option<Id>),
    /// Back to the screen the user came from (`fallback` when there is none).
    Back(Route),
}

/// What a feature's command runs with: the database, the view context, and the effects it
/// returns to the shell.
pub struct Cx<'a> {
    pub db: &'a mut Db,
    pub view: &'a ViewCtx,
    pub effects: Vec<Effect>,
}

impl<'a> Cx<'a> {
    pub fn new(db: &'a mut Db, view: &'a ViewCtx) -> Cx<'a> {
        Cx {
            db,
            view,
            effects: Vec::new(),
        }
    }
    pub fn actor(&self) -> Actor {
        self.view.actor()
    }
    pub fn today(&self) -> chrono::NaiveDate {
        self.view.today
    }
    pub fn info(&mut self, text: impl Into<String>) {
        self.effects.push(Effect::Info(text.into()));
    }
    pub fn error(&mut self, text: impl Into<String>) {
        self.effects.push(Effect::Error(text.into()));
    }
    pub fn reload(&mut self) {
        self.effects.push(Effect::Reload);
    }
    pub fn open(&mut self, route: Route) {
        self.effects.push(Effect::Open(route));
    }
    pub fn set_user(&mut self, id: Option<Id>) {
        self.effects.push(Effect::SetUser(id));
    }
    /// Back to where the user came from; `fallback` when they came from nowhere.
    pub fn back(&mut self, fallback: Route) {
        self.effects.push(Effect::Back(fallback));
    }
}

/// A feature's part of the window: its screens, its editor, its commands. The shell calls
/// these; only the feature changes its own state, through the services.
pub trait Feature: Default {
    type Cmd: Clone + std::fmt::Debug + Send;
    /// Goes to one of its routes: loads what the screen shows.
    fn open(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()>;
    /// Reloads what its screens show after a write (`route` is where the window is).
    fn reload(&mut self, _route: Route, _cx: &mut Cx) -> anyhow::Result<()> {
        Ok(())
    }
    /// Draws one of its routes and returns what the user asked for.
    fn ui(&mut self, ui: &mut Ui, route: Route, view: &ViewCtx) -> Vec<Command>;
    /// Applies one of its commands.
    fn apply(&mut self, cmd: Self::Cmd, cx: &mut Cx) -> anyhow::Result<()>;
    /// Whether one of its commands leaves the open editor (asks «Сохранить изменения?» first).
    fn leaves(&self, _cmd: &Self::Cmd) -> bool {
        false
    }
    /// The editor open on `route` (one of the feature's), if any.
    fn editor(&mut self, _route: Route) -> Option<&mut dyn Editor> {
        None
    }
    /// Drops the editor of `route` (its edits were saved or the user chose not to keep them).
    fn close_editor(&mut self, _route: Route) {}
    /// The number shown beside a navigation entry of the feature.
    fn badge(&self, _route: Route) -> Option<usize> {
        None
    }
    /// Where the user is on `route` now (the dossier's tab they moved to), for the way back.
    fn here(&self, route: Route) -> Route {
        route
    }
    /// Whether a read of the feature is under way off the UI thread, its result not yet come.
    fn reading(&self) -> bool {
        false
    }
    /// A window of the feature shown over any screen (the incoming-call card).
    fn overlay(&mut self, _ctx: &egui::Context, _view: &ViewCtx) -> Vec<Command> {
        Vec::new()
    }
}
