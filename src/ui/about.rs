//! «О программе»: the version, the build, the database file, what draws the window, the
//! font's licence.

use egui::RichText;

use super::theme;
use crate::i18n as t;

/// The window, while `about_open`; its close button clears it.
pub fn window(ctx: &egui::Context, about_open: &mut bool, db_label: &str) {
    if !*about_open {
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
            ui.label(t::about_db(db_label));
            if let Some(renderer) = super::renderer::in_use() {
                ui.label(t::about_renderer(renderer));
            }
            ui.label(RichText::new(t::ABOUT_FONTS).small().color(theme::MUTED));
        });
    *about_open = open;
}
