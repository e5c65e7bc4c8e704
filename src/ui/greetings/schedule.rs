//! «Поздравления»: the schedule of greetings of a period — who greets whom, how, by when the
//! gift is ordered and handed, within which limit — with the gift planned for each, the PDF for
//! management and the Excel file for the administrative sector; the limits of a year and who
//! signs the cards.

use egui::{RichText, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};

use super::Cmd;
use crate::domain::fmt;
use crate::files;
use crate::greetings::{Caller, GiftRow, Greeting, Limits, Regulation};
use crate::i18n as t;
use crate::ui::command::Command;
use crate::ui::{theme, widgets};

#[derive(Default)]
pub struct ScheduleScreen {
    /// The schedule, or the limits and the cards' settings.
    pub limits_tab: bool,
    /// Where the PDF, the Excel file and the cards are written.
    pub path: String,
    pub from: String,
    pub to: String,
    pub only_mine: bool,
    pub rows: Vec<Greeting>,
    pub gifts: Vec<GiftRow>,
    pub error: Option<String>,
    pub limits: LimitsForm,
    pub regulation: Option<Regulation>,
    /// The jubilee ages as typed («30, 40»).
    pub jubilee_ages: String,
    pub regulation_error: Option<String>,
}

/// «30, 40» as ages; `None` when a part is not an age.
pub fn parse_ages(s: &str) -> Option<Vec<i32>> {
    s.split([',', ';', ' '])
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            p.trim()
                .parse::<i32>()
                .ok()
                .filter(|a| (1..=120).contains(a))
        })
        .collect()
}

/// The limits of a year as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LimitsForm {
    pub year: i32,
    pub cells: [[String; 3]; 3],
    /// As loaded: the form is dirty when it differs.
    pub loaded: [[String; 3]; 3],
    /// Set by management (else the regulation's proportions are shown).
    pub set: bool,
    pub error: Option<String>,
}

impl LimitsForm {
    pub fn load(&mut self, year: i32, limits: &Limits, set: bool) {
        self.year = year;
        self.cells = limits.matrix.map(|row| row.map(|v| fmt::number(v, 0)));
        self.loaded = self.cells.clone();
        self.set = set;
        self.error = None;
    }
    pub fn is_dirty(&self) -> bool {
        self.cells != self.loaded
    }
    /// The matrix typed; `None` with the error when a cell does not read.
    pub fn parsed(&mut self) -> Option<Limits> {
        let mut matrix = [[0.0; 3]; 3];
        for (i, row) in self.cells.iter().enumerate() {
            for (j, cell) in row.iter().enumerate() {
                match crate::greetings::parse_amount(cell) {
                    Ok(Some(v)) => matrix[i][j] = v,
                    _ => {
                        self.error = Some(t::limit_not_number(
                            &t::category_row(i as u8 + 1),
                            t::LIMIT_COLUMNS[j],
                        ));
                        return None;
                    }
                }
            }
        }
        self.error = None;
        Some(Limits { matrix })
    }
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
                .show(ui, |ui| {
                    self.limits_ui(ui, &mut out);
                    ui.separator();
                    self.regulation_ui(ui, &mut out);
                });
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
        if let Some(e) = &self.error {
            widgets::message(ui, e);
        }
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
            ui.label(RichText::new(t::NO_GREETINGS).color(theme::MUTED));
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
                        ui.label(fmt::date(g.date));
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&holiday).truncate())
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
                        ui.add(egui::Label::new(&*g.client).truncate())
                            .on_hover_text(&*g.client);
                    });
                    row.col(|ui| {
                        ui.label(g.category.to_string());
                    });
                    row.col(|ui| {
                        let calls = callers_short(g);
                        ui.add(egui::Label::new(&calls).truncate())
                            .on_hover_text(crate::greetings::documents::callers_words(g));
                    });
                    row.col(|ui| {
                        ui.label(fmt::date(g.hand_by))
                            .on_hover_text(t::hand_over_words(
                                crate::greetings::documents::gift_by_words(&g.gift_by),
                                &fmt::date(g.hand_from),
                                &fmt::date(g.hand_by),
                            ));
                    });
                    row.col(|ui| {
                        let late =
                            g.order_by < today && gift.is_none_or(|r| r.gift.status.before_order());
                        let text = RichText::new(fmt::date(g.order_by));
                        ui.label(if late { text.color(theme::ERROR) } else { text });
                    });
                    row.col(|ui| match gift {
                        Some(r) => {
                            ui.add(egui::Label::new(&r.gift.item).truncate())
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
                        ui.label(g.limit.map(fmt::money).unwrap_or_default());
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

    fn limits_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let f = &mut self.limits;
        ui.horizontal(|ui| {
            ui.label(t::LIMITS_YEAR);
            if ui.small_button("‹").clicked() {
                out.push(Cmd::LimitsYear(f.year - 1).into());
            }
            ui.label(RichText::new(f.year.to_string()).strong());
            if ui.small_button("›").clicked() {
                out.push(Cmd::LimitsYear(f.year + 1).into());
            }
        });
        ui.label(RichText::new(t::limits_of_year(f.year, f.set)).color(theme::MUTED));
        egui::Grid::new("limits_grid")
            .num_columns(4)
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                ui.label("");
                for c in t::LIMIT_COLUMNS {
                    ui.strong(c);
                }
                ui.end_row();
                for (i, row) in f.cells.iter_mut().enumerate() {
                    ui.label(t::category_row(i as u8 + 1));
                    for (j, cell) in row.iter_mut().enumerate() {
                        ui.add(TextEdit::singleline(cell).desired_width(100.0))
                            .accessible_name(format!(
                                "{} — {}",
                                t::category_row(i as u8 + 1),
                                t::LIMIT_COLUMNS[j]
                            ));
                    }
                    ui.end_row();
                }
            });
        if let Some(e) = &f.error {
            widgets::message(ui, e);
        }
        // The departures from the regulation's proportions, as typed.
        let typed = f.clone().parsed();
        if let Some(l) = &typed {
            for (c, rb, rj) in l.departures() {
                let ratio = |r: f64| {
                    if r.is_finite() {
                        fmt::number(r, 2)
                    } else {
                        t::NOTHING.to_string()
                    }
                };
                ui.label(
                    RichText::new(t::limits_departure(c, &ratio(rb), &ratio(rj)))
                        .color(theme::WARNING),
                );
            }
        }
        ui.horizontal(|ui| {
            if ui
                .button(t::LIMITS_PROPORTIONAL)
                .on_hover_text(t::LIMITS_PROPORTIONAL_HINT)
                .clicked()
            {
                let general = [0, 1, 2].map(|i| {
                    crate::greetings::parse_amount(&f.cells[i][0])
                        .ok()
                        .flatten()
                        .unwrap_or(0.0)
                });
                let p = Limits::proportional(general);
                f.cells = p.matrix.map(|row| row.map(|v| fmt::number(v, 0)));
            }
            if ui.button(t::SAVE_LIMITS).clicked() {
                out.push(Cmd::SaveLimits.into());
            }
        });
    }

    fn regulation_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let Some(reg) = &mut self.regulation else {
            return;
        };
        ui.label(RichText::new(t::REGULATION_TITLE).strong());
        egui::Grid::new("regulation_grid")
            .num_columns(2)
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                let l = ui.label(t::F_DIRECTOR_POSITION);
                ui.add(TextEdit::singleline(&mut reg.director_position).desired_width(360.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t::F_DIRECTOR_NAME);
                ui.add(TextEdit::singleline(&mut reg.director_name).desired_width(360.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t::F_CARD_TEXT);
                ui.add(
                    TextEdit::multiline(&mut reg.card_text)
                        .desired_width(520.0)
                        .desired_rows(4),
                )
                .labelled_by(l.id);
                ui.end_row();
            });
        ui.add_space(8.0);
        ui.label(RichText::new(t::RULES_TITLE).strong());
        egui::Grid::new("regulation_rules")
            .num_columns(2)
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                let l = ui.label(t::F_JUBILEE_AGES);
                ui.add(TextEdit::singleline(&mut self.jubilee_ages).desired_width(160.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t::F_JUBILEE_FROM);
                ui.add(egui::DragValue::new(&mut reg.jubilee_from).range(1..=120))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t::F_JUBILEE_EVERY);
                ui.add(egui::DragValue::new(&mut reg.jubilee_every).range(0..=50))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t::F_GENERAL_DAYS);
                ui.add(egui::DragValue::new(&mut reg.general_days_before).range(0..=60))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t::F_NEW_YEAR_DAYS);
                ui.add(egui::DragValue::new(&mut reg.new_year_days_before).range(0..=60))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t::F_ORDER_DAYS);
                ui.add(egui::DragValue::new(&mut reg.order_working_days).range(0..=60))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t::F_CALL_BEFORE);
                ui.add(TextEdit::singleline(&mut reg.call_before).desired_width(80.0))
                    .labelled_by(l.id);
                ui.end_row();
            });
        if let Some(e) = &self.regulation_error {
            widgets::message(ui, e);
        }
        if ui.button(t::SAVE_REGULATION).clicked() {
            out.push(Cmd::SaveRegulation.into());
        }
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
