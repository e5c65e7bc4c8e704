//! «Корзина»: what was deleted, and restoring it.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::Cmd;
use crate::admin::TrashItem;
use crate::i18n::{self as t, Label};
use crate::ui::command::Command;
use crate::ui::theme;

#[derive(Default)]
pub struct TrashScreen {
    pub items: Vec<TrashItem>,
}

impl TrashScreen {
    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut out = Vec::new();
        ui.heading(t::NAV_TRASH);
        ui.label(RichText::new(t::TRASH_HINT).small().color(theme::MUTED));
        if self.items.is_empty() {
            ui.add_space(20.0);
            ui.label(t::TRASH_EMPTY);
            return out;
        }
        TableBuilder::new(ui)
            .striped(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto().at_least(150.0))
            .column(Column::remainder().at_least(200.0).clip(true))
            .column(Column::auto().at_least(160.0).clip(true))
            .column(Column::auto().at_least(130.0))
            .column(Column::auto())
            .header(theme::ROW_HEIGHT, |mut h| {
                for title in [t::COL_KIND, t::COL_WHAT, t::COL_CLIENT, t::COL_DELETED, ""] {
                    h.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(theme::ROW_HEIGHT + 4.0, self.items.len(), |mut row| {
                    let item = &self.items[row.index()];
                    row.col(|ui| {
                        crate::ui::widgets::cell(ui, item.kind.label());
                    });
                    row.col(|ui| {
                        crate::ui::widgets::cell(ui, &item.title);
                    });
                    row.col(|ui| {
                        crate::ui::widgets::cell(ui, &item.client);
                    });
                    row.col(|ui| {
                        let local = crate::domain::clock::stamp_local(&item.deleted_at);
                        crate::ui::widgets::cell(
                            ui,
                            local.map_or_else(|| item.deleted_at.clone(), t::deleted_at),
                        );
                    });
                    row.col(|ui| {
                        if ui.small_button(t::RESTORE).clicked() {
                            out.push(Cmd::Restore(item.kind, item.id).into());
                        }
                    });
                });
            });
        out
    }
}
