//! «Поздравления»: the schedule of greetings of a period — who greets whom, how, by when the
//! gift is ordered and handed, within which limit — with the gift planned for each, the PDF for
//! management and the Excel file for the administrative sector; the limits of a year and who
//! signs the cards.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::Cmd;
use crate::domain::fmt;
use crate::files;
use crate::greetings::{Caller, GiftRow, Greeting};
use crate::i18n as t;
use crate::ui::command::Command;
use crate::ui::{theme, widgets};

#[derive(Default)]
pub struct ScheduleScreen {
    /// A read is under way: nothing is said to be empty meanwhile.
    pub reading: bool,
    /// The schedule, or the limits and the cards' settings.
    pub limits_tab: bool,
    /// Where the PDF, the Excel file and the cards are written.
    pub path: String,
    pub from: String,
    pub to: String,
    pub only_mine: bool,
    pub rows: Vec<Greeting>,
    pub gifts: Vec<GiftRow>,
    /// The period's fields that do not read.
    pub errors: crate::domain::FieldErrors,
    /// The limits of a year and the regulation's settings.
    pub rules: super::rules::RulesEditor,
    /// Why the schedule could not be made (a setting that does not read).
    pub failed: Option<String>,
}

/// «руководитель, менеджер».
pub fn callers_short(g: &Greeting) -> String {
    g.callers
        .iter()
        .map(|c| match c {
            Caller::Director => t::SHORT_DIRECTOR,
            Caller::Manager => t::SHORT_MANAGER,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The gift planned for a greeting.
pub fn planned<'a>(gifts: &'a [GiftRow], g: &Greeting) -> Option<&'a GiftRow> {
    gifts.iter().find(|r| {
        r.gift.person_id == g.person_id
            && r.gift.occasion == Some(g.occasion)
            && r.gift.holiday_date == Some(g.date)
    })
}

impl ScheduleScreen {
    pub fn ui(&mut self, ui: &mut Ui, today: chrono::NaiveDate) -> Vec<Command> {
        let mut out = Vec::new();
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.heading(t::GREETINGS_TITLE);
            ui.add_space(12.0);
            ui.selectable_value(&mut self.limits_tab, false, t::TAB_SCHEDULE);
            ui.selectable_value(&mut self.limits_tab, true, t::LIMITS_TITLE);
        });
        if self.limits_tab {
            egui::ScrollArea::vertical()
                .id_salt("limits_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| self.rules.ui(ui, &mut out));
            return out;
        }
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(t::F_FROM);
            widgets::date_input(ui, "greet_from", &mut self.from, Some(l.id));
            let l = ui.label(t::F_TO);
            widgets::date_input(ui, "greet_to", &mut self.to, Some(l.id));
            if ui.button(t::SHOW).clicked() {
                out.push(Cmd::Build.into());
            }
            for (label, months) in [
                (t::THIS_MONTH, 0),
                (t::NEXT_MONTH_BTN, 1),
                (t::NEXT_QUARTER, 3),
            ] {
                if ui.small_button(label).clicked() {
                    let (from, to) = period(today, months);
                    self.from = fmt::date(from);
                    self.to = fmt::date(to);
                    out.push(Cmd::Build.into());
                }
            }
            if ui.checkbox(&mut self.only_mine, t::ONLY_MINE).changed() {
                out.push(Cmd::Build.into());
            }
        });
        widgets::error_text(ui, widgets::err(&self.errors, "from"));
        widgets::error_text(ui, widgets::err(&self.errors, "to"));
        out.extend(super::file_row(
            ui,
            &mut self.path,
            t::SCHEDULE_PDF_NAME,
            super::Screen::Schedule,
        ));
        ui.horizontal_wrapped(|ui| {
            let total: f64 = self.rows.iter().filter_map(|g| g.limit).sum();
            ui.label(t::greetings_count(self.rows.len(), &fmt::money(total)));
            let has_path = !self.path.trim().is_empty();
            if ui
                .add_enabled(has_path, egui::Button::new(t::SCHEDULE_PDF))
                .on_disabled_hover_text(t::PATH_FIRST)
                .clicked()
            {
                out.push(
                    Cmd::SchedulePdf(files::document_target(&self.path, "pdf", t::SCHEDULE_FILE))
                        .into(),
                );
            }
            if ui
                .add_enabled(has_path, egui::Button::new(t::SCHEDULE_XLSX))
                .on_disabled_hover_text(t::PATH_FIRST)
                .clicked()
            {
                out.push(
                    Cmd::ScheduleXlsx(files::document_target(&self.path, "xlsx", t::SCHEDULE_FILE))
                        .into(),
                );
            }
        });
        self.table_ui(ui, today, &mut out);
        out
    }

    fn table_ui(&self, ui: &mut Ui, today: chrono::NaiveDate, out: &mut Vec<Command>) {
        if self.rows.is_empty() {
            match &self.failed {
                Some(why) => widgets::message(ui, why),
                None if self.reading => {}
                None => {
                    ui.label(RichText::new(t::NO_GREETINGS).color(theme::MUTED));
                }
            }
            return;
        }
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        TableBuilder::new(ui)
            .id_salt("greetings_table")
            .striped(true)
            .auto_shrink([false, false])
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::exact(76.0))
            .column(Column::remainder().at_least(70.0).clip(true))
            .column(Column::remainder().at_least(100.0).clip(true))
            .column(Column::remainder().at_least(80.0).clip(true))
            .column(Column::exact(30.0))
            .column(Column::exact(76.0).clip(true))
            .column(Column::exact(76.0))
            .column(Column::exact(80.0))
            .column(Column::remainder().at_least(90.0).clip(true))
            .column(Column::exact(80.0))
            .column(Column::exact(96.0))
            .header(row_h, |mut h| {
                for c in [
                    t::GCOL_DATE,
                    t::GCOL_HOLIDAY,
                    t::GCOL_PERSON,
                    t::GCOL_CLIENT,
                    t::GCOL_CATEGORY,
                    t::COL_CALLS_SHORT,
                    t::COL_HAND_SHORT,
                    t::GCOL_ORDER_BY,
                    t::GCOL_GIFT,
                    t::GCOL_LIMIT,
                    "",
                ] {
                    h.col(|ui| {
                        ui.strong(c);
                    });
                }
            })
            .body(|body| {
                body.rows(row_h, self.rows.len(), |mut row| {
                    let index = row.index();
                    let g = &self.rows[index];
                    let holiday = crate::greetings::documents::holiday_words(
                        g.occasion,
                        &g.holiday_name,
                        g.age,
                    );
                    let gift = planned(&self.gifts, g);
                    row.col(|ui| {
                        widgets::cell(ui, fmt::date(g.date));
                    });
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(&holiday)
                                .truncate()
                                .show_tooltip_when_elided(false),
                        )
                        .on_hover_text(&holiday);
                    });
                    row.col(|ui| {
                        let whole =
                            crate::greetings::documents::person_line(&g.person, &g.position);
                        if widgets::person_link(ui, &g.person, &whole) {
                            out.push(Command::Open(crate::ui::command::Route::PersonGifts(
                                g.person_id,
                            )));
                        }
                    });
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(&*g.client)
                                .truncate()
                                .show_tooltip_when_elided(false),
                        )
                        .on_hover_text(&*g.client);
                    });
                    row.col(|ui| {
                        widgets::cell(ui, g.category.to_string());
                    });
                    row.col(|ui| {
                        let calls = callers_short(g);
                        ui.add(
                            egui::Label::new(&calls)
                                .truncate()
                                .show_tooltip_when_elided(false),
                        )
                        .on_hover_text(crate::greetings::documents::callers_words(g));
                    });
                    row.col(|ui| {
                        widgets::cell(ui, fmt::date(g.hand_by)).on_hover_text(t::hand_over_words(
                            crate::greetings::documents::gift_by_words(&g.gift_by),
                            &fmt::date(g.hand_from),
                            &fmt::date(g.hand_by),
                        ));
                    });
                    row.col(|ui| {
                        let late =
                            g.order_by < today && gift.is_none_or(|r| r.gift.status.before_order());
                        let text = RichText::new(fmt::date(g.order_by));
                        widgets::cell(ui, if late { text.color(theme::ERROR) } else { text });
                    });
                    row.col(|ui| match gift {
                        Some(r) => {
                            ui.add(
                                egui::Label::new(&r.gift.item)
                                    .truncate()
                                    .show_tooltip_when_elided(false),
                            )
                            .on_hover_text(format!(
                                "{} — {}",
                                r.gift.item,
                                crate::i18n::Label::label(&r.gift.status)
                            ));
                        }
                        None => {
                            if ui
                                .small_button(t::PLAN_GIFT)
                                .on_hover_text(&*g.person)
                                .clicked()
                            {
                                out.push(Cmd::OpenPlan(index).into());
                            }
                        }
                    });
                    row.col(|ui| {
                        widgets::cell(ui, g.limit.map(fmt::money).unwrap_or_default());
                    });
                    row.col(|ui| {
                        let has_path = !self.path.trim().is_empty();
                        if ui
                            .add_enabled(has_path, egui::Button::new(t::CARD).small())
                            .on_disabled_hover_text(t::PATH_FIRST)
                            .clicked()
                        {
                            let name = t::card_file(&g.person, &fmt::date(g.date));
                            let target = files::document_target(&self.path, "pdf", &name);
                            out.push(Cmd::Card(index, target).into());
                        }
                    });
                });
            });
    }
}

/// This month (0), the next (1), or the next three months from today (3).
pub fn period(today: chrono::NaiveDate, months: u32) -> (chrono::NaiveDate, chrono::NaiveDate) {
    use chrono::{Datelike, Months};
    let first = today.with_day(1).unwrap_or(today);
    let (from, span) = match months {
        0 => (first, 1),
        1 => (first.checked_add_months(Months::new(1)).unwrap_or(first), 1),
        n => (today, n),
    };
    let to = from
        .with_day(1)
        .and_then(|d| d.checked_add_months(Months::new(span)))
        .map_or(from, |d| d - chrono::Duration::days(1));
    (
        from,
        if months >= 3 {
            today.checked_add_months(Months::new(months)).unwrap_or(to)
        } else {
            to
        },
    )
}
