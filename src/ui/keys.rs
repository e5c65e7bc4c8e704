//! The keyboard of the window: Ctrl+S saves the open editor, Esc closes it (asking about its
//! edits) or cancels the question, Ctrl+F puts the cursor in the screen's search, Ctrl+N creates
//! in the current screen, F2 opens the incoming call. Screens handle Enter in their search and
//! ↑/↓ in their lists themselves (see `widgets::arrow_step`).

use super::app::App;
use super::command::{Command, Route};

impl App {
    /// Reads the shortcuts of this frame; called before the screens draw, so that Esc leaving a
    /// text field is told apart from Esc closing the editor.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        // egui drops the focus on Esc before the frame runs: whether a field had it is kept
        // from the end of the frame before.
        let typing = ctx.data(|d| d.get_temp::<bool>(typing_id()).unwrap_or(false));
        let (save, esc, find, new, call) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::S),
                i.key_pressed(egui::Key::Escape),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::F),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::N),
                i.key_pressed(egui::Key::F2),
            )
        });
        if call {
            self.push(super::appeals::Cmd::OpenCall);
        }
        if save && self.pending.is_none() {
            self.save_open_editor();
        }
        if find {
            ctx.memory_mut(|m| m.request_focus(super::widgets::search_id()));
        }
        if new && let Some(route) = new_in(self.route) {
            self.push(Command::Open(route));
        }
        if esc && !typing {
            if self.pending.is_some() {
                // Esc answers «Сохранить изменения?» with «Отмена».
                self.pending = None;
            } else if self.features.editor(self.route.area()).is_some() {
                self.push(Command::Back);
            }
        }
    }

    /// Back to where the user came from (`fallback` when there is nowhere): the editor closed —
    /// its edits were saved or dropped when the shell asked.
    pub(super) fn go_back(&mut self, fallback: Route) -> anyhow::Result<()> {
        let here = self.route;
        let target = loop {
            match self.history.pop() {
                Some(r) if r == here || r == Route::Welcome => continue,
                Some(r) => break r,
                None => break fallback,
            }
        };
        self.features.close_editor(here.area());
        let depth = self.history.len();
        self.open(target)?;
        // The screen just left is not somewhere to come back to.
        self.history.truncate(depth);
        Ok(())
    }
}

fn typing_id() -> egui::Id {
    egui::Id::unique("vipdesk_field_had_focus")
}

/// Notes at the end of a frame whether a field has the keyboard (see [`App::shortcuts`]).
pub(super) fn remember_focus(ctx: &egui::Context) {
    let typing = ctx.memory(|m| m.focused().is_some());
    ctx.data_mut(|d| d.insert_temp(typing_id(), typing));
}

/// What Ctrl+N creates on a screen.
fn new_in(route: Route) -> Option<Route> {
    match route.screen() {
        Route::Clients => Some(Route::NewClient),
        Route::Appeals => Some(Route::NewAppeal(0)),
        _ => None,
    }
}
