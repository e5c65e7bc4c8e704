//! The feature table: one line per feature makes its `Command` variant, its place in the
//! shell's state and the dispatch to it. Adding a feature is a line here, its routes in
//! `Route`, and its navigation entries in `app.rs`.

use egui::Ui;

use super::command::{Ask, Cx, Feature, Route};
use super::context::ViewCtx;
use super::editor::Editor;
use crate::domain::Id;

macro_rules! features {
    ($($field:ident: $variant:ident => $ty:ty),+ $(,)?) => {
        /// Everything a screen can ask for: navigation, the system's own commands, and one
        /// variant per feature wrapping that feature's commands.
        #[derive(Debug, Clone)]
        pub enum Command {
            /// Go to a screen or open a record.
            Open(Route),
            /// Ask the user for a path; the answer comes back as the command it makes.
            AskPath(Ask),
            /// Who works at the workstation (`None`: ask «Кто работает?»).
            SetUser(Option<Id>),
            /// The window is closing.
            Quit,
            /// Back to where the user came from (the editor closed, asking about its edits).
            Back,
            /// A message for the user from outside a feature (a file dialog that could not open).
            Notice(&'static str),
            $($variant(<$ty as Feature>::Cmd)),+
        }

        $(impl From<<$ty as Feature>::Cmd> for Command {
            fn from(c: <$ty as Feature>::Cmd) -> Command {
                Command::$variant(c)
            }
        })+

        /// The features of the window.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Area {
            $($variant),+
        }

        /// The state of every feature's part of the window.
        #[derive(Default)]
        pub struct Features {
            $(pub $field: $ty),+
        }

        impl Features {
            pub fn open(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()> {
                match route.area() {
                    $(Area::$variant => self.$field.open(route, cx)),+
                }
            }
            pub fn reload(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()> {
                $(self.$field.reload(route, cx)?;)+
                Ok(())
            }
            /// Draws the screen of `route`. Each screen has its own ids, so a scroll position
            /// (or any widget state) of one never shows up on another.
            pub fn ui(&mut self, ui: &mut Ui, route: Route, view: &ViewCtx) -> Vec<Command> {
                ui.push_id(route.screen(), |ui| match route.area() {
                    $(Area::$variant => self.$field.ui(ui, route, view)),+
                })
                .inner
            }
            /// Applies a feature's command; gives back the shell's own commands.
            pub fn apply(&mut self, c: Command, cx: &mut Cx) -> anyhow::Result<Option<Command>> {
                match c {
                    $(Command::$variant(c) => self.$field.apply(c, cx).map(|()| None),)+
                    c => Ok(Some(c)),
                }
            }
            /// Whether a command of the feature of `area` leaves its open editor.
            pub fn leaves(&self, area: Area, c: &Command) -> bool {
                match c {
                    $(Command::$variant(c) if area == Area::$variant => self.$field.leaves(c),)+
                    _ => false,
                }
            }
            /// The editor open on `route`, if any.
            pub fn editor(&mut self, route: Route) -> Option<&mut dyn Editor> {
                match route.area() {
                    $(Area::$variant => self.$field.editor(route)),+
                }
            }
            pub fn close_editor(&mut self, route: Route) {
                match route.area() {
                    $(Area::$variant => self.$field.close_editor(route)),+
                }
            }
            /// The windows features show over any screen.
            pub fn overlays(&mut self, ctx: &egui::Context, view: &ViewCtx) -> Vec<Command> {
                let mut out = Vec::new();
                $(out.extend(self.$field.overlay(ctx, view));)+
                out
            }
            pub fn badge(&self, route: Route) -> Option<usize> {
                match route.area() {
                    $(Area::$variant => self.$field.badge(route)),+
                }
            }
            /// Whether any feature is reading off the UI thread.
            pub fn reading(&self) -> bool {
                false $(|| self.$field.reading())+
            }
            /// Where the user is on `route` now (a dossier's tab), for «Закрыть» and Esc.
            pub fn here(&self, route: Route) -> Route {
                match route.area() {
                    $(Area::$variant => self.$field.here(route)),+
                }
            }
        }
    };
}

features! {
    overview: Overview => super::overview::OverviewUi,
    clients: Clients => super::clients::ClientsUi,
    letters: Letters => super::letters::LettersUi,
    contacts: Contacts => super::contacts::ContactsUi,
    appeals: Appeals => super::appeals::AppealsUi,
    greetings: Greetings => super::greetings::GreetingsUi,
    admin: Admin => super::admin::AdminUi,
    sync: Sync => super::sync::SyncUi,
    annual: Annual => super::annual::AnnualUi,
}
