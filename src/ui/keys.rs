//! The keyboard of the window: Ctrl+S saves the open editor, Esc closes it (asking about its
//! edits) or cancels the question, Ctrl+F puts the cursor in the screen's search, Ctrl+N creates
//! in the current screen, F2 opens the incoming call. Screens handle Enter in their search and
//! ↑/↓ in their lists themselves (see `widgets::arrow_step`). This module only reads the keys;
//! the shell acts on them.

use super::command::Route;

/// The shortcuts pressed in this frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Keys {
    pub save: bool,
    /// Esc pressed outside a text field (in a field it only leaves the field).
    pub escape: bool,
    pub find: bool,
    /// Ctrl+N on a screen that creates something: what it opens.
    pub new: Option<Route>,
    pub call: bool,
}

/// Reads (and takes) the shortcuts of this frame on `route`; called before the screens draw,
/// so that Esc leaving a text field is told apart from Esc closing the editor.
pub fn read(ctx: &egui::Context, route: Route) -> Keys {
    // egui drops the focus on Esc before the frame runs: whether a field had it is kept from
    // the end of the frame before.
    let typing = ctx.data(|d| d.get_temp::<bool>(typing_id()).unwrap_or(false));
    let (save, escape, find, new, call) = ctx.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::COMMAND, egui::Key::S),
            i.key_pressed(egui::Key::Escape),
            i.consume_key(egui::Modifiers::COMMAND, egui::Key::F),
            i.consume_key(egui::Modifiers::COMMAND, egui::Key::N),
            i.key_pressed(egui::Key::F2),
        )
    });
    Keys {
        save,
        escape: escape && !typing,
        find,
        new: if new { new_in(route) } else { None },
        call,
    }
}

fn typing_id() -> egui::Id {
    egui::Id::unique("vipdesk_field_had_focus")
}

/// Notes at the end of a frame whether a field has the keyboard (see [`read`]).
pub fn remember_focus(ctx: &egui::Context) {
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
