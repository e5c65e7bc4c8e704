//! «Кто работает?»: the people of the workstation, found by typing a part of the name.

use egui::RichText;

use super::theme;
use crate::admin::Manager;
use crate::domain::{Id, fmt};
use crate::i18n::{self as t, Label};

/// The modal; returns the manager chosen. The search stays in egui's memory between frames.
pub fn who_is_working(ctx: &egui::Context, managers: &[Manager]) -> Option<Id> {
    let query_id = egui::Id::unique("who_is_working_query");
    let mut query: String = ctx.data_mut(|d| d.get_temp(query_id).unwrap_or_default());
    let mut chosen = None;
    egui::Modal::new(egui::Id::unique("who_is_working")).show(ctx, |ui| {
        ui.heading(t::WHO_IS_WORKING);
        ui.add_space(6.0);
        let l = ui.label(t::SEARCH);
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut query)
                    .hint_text(t::WHO_SEARCH_HINT)
                    .desired_width(360.0),
            )
            .labelled_by(l.id);
        if ui.memory(|m| m.focused().is_none()) {
            search.request_focus();
        }
        let key = fmt::search_key(&query);
        let found: Vec<&Manager> = managers
            .iter()
            .filter(|m| m.active && fmt::search_key(&m.full_name()).contains(&key))
            .collect();
        // Enter takes the first one found.
        if search.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            chosen = found.first().and_then(|m| m.id);
        }
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .max_height(420.0)
            .show(ui, |ui| {
                for m in &found {
                    let label = format!("{} — {}", m.full_name(), m.role.label());
                    if ui.button(label).clicked() {
                        chosen = m.id;
                    }
                }
                if found.is_empty() {
                    ui.label(RichText::new(t::NOBODY_FOUND).color(theme::MUTED));
                }
            });
    });
    ctx.data_mut(|d| d.insert_temp(query_id, query));
    chosen
}
