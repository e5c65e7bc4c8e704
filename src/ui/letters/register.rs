//! «Исходящие»: the outgoing register, its filters and the courier sheet.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::Cmd;
use crate::domain::{Code, Id, fmt};
use crate::i18n::{self as t, Label};
use crate::letters::{LetterFilter, LetterRow, LetterStatus};
use crate::ui::command::{Ask, Command, Route};
use crate::ui::{theme, widgets};

/// The register: filters and the table of letters.
#[derive(Default)]
pub struct Register {
    pub rows: Vec<LetterRow>,
    /// Where to write the courier sheet.
    pub sheet_path: String,
    pub filter: LetterFilter,
    pub from: String,
    pub to: String,
}

impl Register {
    /// The rows shown, as the Excel export writes them.
    pub fn shown_rows(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|r| {
                let l = &r.letter;
                vec![
                    if r.number_from_block {
                        t::number_from_block(&l.number)
                    } else {
                        l.number.clone()
                    },
                    fmt::opt_date(l.reg_date),
                    l.status.label().to_string(),
                    r.client.clone(),
                    l.heading.clone(),
                    r.address.clone(),
                ]
            })
            .collect()
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        clients: &[(Id, String)],
        managers: &[(Id, String)],
    ) -> Vec<Command> {
        let mut out = Vec::new();
        ui.add_space(6.0);
        ui.heading(t::NAV_LETTERS);
        let mut changed = false;
        ui.horizontal_wrapped(|ui| {
            let status = self
                .filter
                .status
                .map_or(t::ALL_STATUSES.to_string(), |s| s.label().to_string());
            // Each filter says what it filters; a label never breaks: it goes to the next line
            // whole.
            ui.add(egui::Label::new(t::COL_STATUS).extend());
            egui::ComboBox::from_id_salt("letters_status")
                .selected_text(status)
                .show_ui(ui, |ui| {
                    changed |= ui
                        .selectable_value(&mut self.filter.status, None, t::ALL_STATUSES)
                        .changed();
                    for s in LetterStatus::ALL.iter().copied() {
                        changed |= ui
                            .selectable_value(&mut self.filter.status, Some(s), s.label())
                            .changed();
                    }
                })
                .response
                .accessible_name(t::FILTER_STATUS);
            widgets::keep_together(ui, t::COL_CLIENT, theme::COMBO_WIDTH);
            ui.add(egui::Label::new(t::COL_CLIENT).extend());
            changed |= widgets::id_combo(
                ui,
                "letters_client",
                t::FILTER_CLIENT,
                &mut self.filter.client,
                clients,
            );
            widgets::keep_together(ui, t::COL_MANAGER, theme::COMBO_WIDTH);
            ui.add(egui::Label::new(t::COL_MANAGER).extend());
            changed |= widgets::id_combo(
                ui,
                "letters_manager",
                t::FILTER_MANAGER,
                &mut self.filter.manager,
                managers,
            );
            // The date fields the whole program uses (the hint «ДД.ММ.ГГГГ» whole, a calendar).
            let l = ui.add(egui::Label::new(t::PERIOD_FROM).extend());
            changed |=
                widgets::date_input(ui, "letters_from", &mut self.from, Some(l.id)).changed();
            let l = ui.add(egui::Label::new(t::PERIOD_TO).extend());
            changed |= widgets::date_input(ui, "letters_to", &mut self.to, Some(l.id)).changed();
        });
        if changed {
            self.filter.from = fmt::parse_date(&self.from);
            self.filter.to = fmt::parse_date(&self.to);
            out.push(Cmd::Filter.into());
        }
        ui.horizontal_wrapped(|ui| {
            if let Some(c) =
                widgets::path_field(ui, t::COURIER_SHEET_PATH, &mut self.sheet_path, || {
                    Ask::save(t::COURIER_SHEET_FILE, |p| Cmd::SheetPath(p).into())
                })
            {
                out.push(c);
            }
            if ui
                .add_enabled(
                    !self.sheet_path.trim().is_empty(),
                    egui::Button::new(t::COURIER_SHEET),
                )
                .on_disabled_hover_text(crate::words::PATH_FIRST)
                .clicked()
            {
                out.push(Cmd::CourierSheet(self.sheet_path.clone()).into());
            }
            if ui
                .button(t::TO_EXCEL)
                .on_hover_text(t::TO_EXCEL_HINT)
                .clicked()
            {
                out.push(Command::AskPath(Ask::save(t::LETTERS_XLSX_NAME, |p| {
                    Cmd::ExportShown(p).into()
                })));
            }
        });
        ui.label(
            RichText::new(fmt::count(self.rows.len() as u64, t::LETTER_FORMS))
                .small()
                .color(theme::MUTED),
        );
        TableBuilder::new(ui)
            .id_salt("letters_table")
            .striped(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto().at_least(80.0))
            .column(Column::auto().at_least(80.0))
            .column(Column::auto().at_least(120.0))
            // The client and the heading share what the window leaves.
            .column(Column::remainder().at_least(180.0).clip(true))
            .column(Column::remainder().at_least(200.0).clip(true))
            .header(theme::ROW_HEIGHT, |mut h| {
                for title in [
                    t::COL_NUMBER,
                    t::COL_DATE,
                    t::COL_STATUS,
                    t::COL_CLIENT,
                    t::COL_HEADING,
                ] {
                    h.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(theme::ROW_HEIGHT, self.rows.len(), |mut row| {
                    let r = &self.rows[row.index()];
                    let l = &r.letter;
                    row.col(|ui| {
                        let number = if l.number.is_empty() {
                            "—".to_string()
                        } else if r.number_from_block {
                            t::number_from_block(&l.number)
                        } else {
                            l.number.clone()
                        };
                        let shown = ui.add(egui::Label::new(number).selectable(false));
                        if r.number_from_block {
                            shown.on_hover_text(t::NUMBER_FROM_BLOCK_HINT);
                        }
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(fmt::opt_date(l.reg_date)).selectable(false));
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(l.status.label()).selectable(false));
                    });
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(&r.client)
                                .truncate()
                                .show_tooltip_when_elided(false)
                                .selectable(false),
                        )
                        .on_hover_text(&r.client);
                    });
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(&l.heading)
                                .truncate()
                                .show_tooltip_when_elided(false)
                                .selectable(false),
                        )
                        .on_hover_text(&l.heading);
                    });
                    if row.response().clicked()
                        && let Some(id) = l.id
                    {
                        out.push(Command::Open(Route::Letter(id)));
                    }
                });
            });
        out
    }
}
