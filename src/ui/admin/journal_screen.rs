//! «Журнал изменений»: who changed what and when, filtered by period, author and kind of
//! record; read-only. The same table shows one client's journal in the dossier.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::Cmd;
use crate::domain::Id;
use crate::domain::fmt;
use crate::i18n::{self as t, Label};
use crate::storage::journal::Entry;
use crate::ui::command::Command;
use crate::ui::context::ViewCtx;
use crate::ui::theme;

use super::JournalNames;

/// How many rows a screen reads at most.
pub const JOURNAL_LIMIT: usize = 500;

#[derive(Default)]
pub struct JournalScreen {
    pub entries: Vec<Entry>,
    /// The entries as the table shows them.
    pub rows: JournalRows,
    pub from: String,
    pub to: String,
    pub who: Option<Id>,
    /// An index into `JOURNAL_KINDS`.
    pub kind: Option<usize>,
    pub error: Option<&'static str>,
}

impl JournalScreen {
    /// The filter as typed; `None` (with the error shown) when a date does not read.
    pub fn filter(&mut self) -> Option<crate::storage::journal::Filter> {
        let date = |s: &str| -> Result<Option<chrono::NaiveDate>, ()> {
            if s.trim().is_empty() {
                Ok(None)
            } else {
                fmt::parse_date(s).map(Some).ok_or(())
            }
        };
        let (Ok(from), Ok(to)) = (date(&self.from), date(&self.to)) else {
            self.error = Some(t::ERR_DATE);
            return None;
        };
        self.error = None;
        Some(crate::storage::journal::Filter {
            author_id: self.who,
            kinds: self
                .kind
                .and_then(|k| t::JOURNAL_KINDS.get(k))
                .map(|(k, _)| vec![k.to_string()])
                .unwrap_or_default(),
            from: from.map(crate::domain::clock::stamp_of_local_day),
            to: to
                .and_then(|d| d.succ_opt())
                .map(crate::domain::clock::stamp_of_local_day),
            limit: JOURNAL_LIMIT,
            ..Default::default()
        })
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &ViewCtx) -> Vec<Command> {
        let mut out = Vec::new();
        ui.heading(t::NAV_JOURNAL);
        ui.label(RichText::new(t::JOURNAL_HINT).small().color(theme::MUTED));
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(t::JOURNAL_FROM);
            crate::ui::widgets::date_input(ui, "journal_from", &mut self.from, Some(l.id));
            let l = ui.label(t::JOURNAL_TO);
            crate::ui::widgets::date_input(ui, "journal_to", &mut self.to, Some(l.id));
            ui.label(t::JOURNAL_WHO);
            let managers = view.manager_names();
            crate::ui::widgets::id_combo(
                ui,
                "journal_who",
                t::JOURNAL_WHO,
                &mut self.who,
                &managers,
            );
            ui.label(t::JOURNAL_KIND);
            let selected = self
                .kind
                .and_then(|k| t::JOURNAL_KINDS.get(k))
                .map_or(t::JOURNAL_ANY, |(_, l)| l);
            egui::ComboBox::from_id_salt("journal_kind")
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.kind, None, t::JOURNAL_ANY);
                    for (i, (_, label)) in t::JOURNAL_KINDS.iter().enumerate() {
                        ui.selectable_value(&mut self.kind, Some(i), *label);
                    }
                })
                .response
                .accessible_name(t::JOURNAL_KIND);
            if ui.button(t::JOURNAL_SHOW).clicked() {
                out.push(Cmd::ShowJournal.into());
            }
        });
        if let Some(e) = self.error {
            ui.label(RichText::new(e).color(theme::ERROR));
        }
        ui.separator();
        journal_table(ui, "journal", &mut self.rows);
        out
    }
}

/// A journal as its table shows it: the words of every row, made once when the journal is
/// read (not each frame), and the rows' heights for the width they were laid out at.
#[derive(Default)]
pub struct JournalRows {
    rows: Vec<[String; 5]>,
    /// (width, heights): each row as high as its wrapped texts at that width.
    heights: Option<(f32, Vec<f32>)>,
    limited: bool,
}

impl JournalRows {
    /// The rows of `entries`, newest first; with `clients`, each row names its client.
    pub fn of(
        entries: &[Entry],
        names: &JournalNames,
        managers: &[crate::admin::Manager],
        clients: &[crate::clients::ClientRow],
    ) -> JournalRows {
        let with_client = !clients.is_empty();
        let lookup = |table: &str, v: &serde_json::Value| names.of_value(table, v);
        let author = |e: &Entry| {
            e.author_id
                .and_then(|a| managers.iter().find(|m| m.id == Some(a)))
                .map_or_else(|| t::JOURNAL_PROGRAM.to_string(), |m| m.short_name())
        };
        let rows = entries
            .iter()
            .map(|e| {
                let mut what = vec![t::journal_kind(&e.kind).to_string()];
                if let Some(own) = e.record_id.and_then(|r| names.get(&e.kind, r))
                    && e.kind != "clients"
                {
                    what.push(own);
                }
                if let Some(c) = e.client_id.filter(|_| with_client || e.kind == "clients") {
                    what.push(
                        clients
                            .iter()
                            .find(|r| r.id == c)
                            .map(|r| r.short_name.clone())
                            .or_else(|| names.get("clients", c))
                            .unwrap_or_default(),
                    );
                }
                [
                    t::journal_value(&serde_json::Value::String(e.at.clone())),
                    author(e),
                    what.join("\n"),
                    e.action.label().to_string(),
                    t::journal_changes(&e.kind, &e.changes, &lookup).join("\n"),
                ]
            })
            .collect();
        JournalRows {
            rows,
            heights: None,
            limited: entries.len() >= JOURNAL_LIMIT,
        }
    }
}

/// The columns' widths but the last (the changes take the rest).
const WIDTHS: [f32; 4] = [118.0, 110.0, 190.0, 100.0];

/// The rows of a journal, newest first, every text whole (wrapped, each row as high as its
/// longest cell).
pub fn journal_table(ui: &mut Ui, id: &str, journal: &mut JournalRows) {
    if journal.rows.is_empty() {
        ui.add_space(12.0);
        ui.label(t::JOURNAL_EMPTY);
        return;
    }
    if journal.limited {
        ui.label(RichText::new(t::journal_limited(JOURNAL_LIMIT)).color(theme::MUTED));
    }
    let spacing = ui.spacing().item_spacing.x * 2.0 * 5.0;
    let rest = (ui.available_width() - WIDTHS.iter().sum::<f32>() - spacing).max(260.0);
    // Laid out again only when the width changes.
    if journal.heights.as_ref().is_none_or(|(w, _)| *w != rest) {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let heights = journal
            .rows
            .iter()
            .map(|r| {
                let cell = |text: &str, width: f32| {
                    ui.fonts_mut(|f| {
                        f.layout(text.to_string(), font.clone(), theme::MUTED, width)
                            .size()
                            .y
                    })
                };
                let tallest = WIDTHS
                    .iter()
                    .zip(r.iter())
                    .map(|(w, text)| cell(text, *w))
                    .fold(cell(&r[4], rest), f32::max);
                theme::ROW_HEIGHT.max(tallest + 6.0)
            })
            .collect();
        journal.heights = Some((rest, heights));
    }
    let rows = &journal.rows;
    let heights: &[f32] = journal.heights.as_ref().map_or(&[], |(_, h)| h.as_slice());
    ui.push_id(id, |ui| {
        let mut table = TableBuilder::new(ui)
            .striped(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Min));
        for w in WIDTHS {
            table = table.column(Column::exact(w));
        }
        table
            .column(Column::remainder().at_least(260.0))
            .header(theme::ROW_HEIGHT, |mut h| {
                for title in [
                    t::COL_WHEN,
                    t::JOURNAL_WHO,
                    t::JOURNAL_KIND,
                    t::COL_ACTION,
                    t::COL_CHANGES,
                ] {
                    h.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.heterogeneous_rows(heights.iter().copied(), |mut row| {
                    let i = row.index();
                    for text in &rows[i] {
                        row.col(|ui| {
                            ui.add(egui::Label::new(text.as_str()).wrap());
                        });
                    }
                });
            });
    });
}
