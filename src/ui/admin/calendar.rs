//! «Производственный календарь»: a year as twelve month grids (days off red, shortened days
//! amber, corrected days framed), whether the year is official or a prediction, and, for the
//! head of the group, a click on a day to change it by a decree, or a whole year confirmed.

use chrono::{Datelike, NaiveDate};
use egui::{RichText, TextEdit, Ui};

use super::Cmd;
use crate::domain::Code;
use crate::domain::calendar::{Calendar, DayKind, Source, YearStatus};
use crate::domain::fmt;
use crate::i18n::{self as t, Label};
use crate::ui::command::Command;
use crate::ui::theme;

#[derive(Default)]
pub struct CalendarScreen {
    pub calendar: Calendar,
    pub year: i32,
    pub selected: Option<NaiveDate>,
    pub kind: DayKind,
    pub decree: String,
    pub year_decree: String,
    pub can_edit: bool,
}

impl CalendarScreen {
    pub fn select(&mut self, date: NaiveDate) {
        let day = self.calendar.day(date);
        self.selected = Some(date);
        self.kind = day.kind;
        self.decree = match day.source {
            Source::Override { decree } => decree,
            _ => self.decree.clone(),
        };
    }

    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut out = Vec::new();
        if self.year == 0 {
            self.year = crate::ui::widgets::today_of(ui).year();
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(6.0);
                ui.horizontal_wrapped(|ui| {
                    ui.heading(t::NAV_CALENDAR);
                    if ui.button("‹").on_hover_text(t::PREV_YEAR).clicked() {
                        self.year -= 1;
                        self.selected = None;
                    }
                    ui.label(RichText::new(self.year.to_string()).heading().strong());
                    if ui.button("›").on_hover_text(t::NEXT_YEAR).clicked() {
                        self.year += 1;
                        self.selected = None;
                    }
                });
                let status = match self.calendar.year_status(self.year) {
                    YearStatus::Official => RichText::new(t::YEAR_OFFICIAL).color(theme::OK),
                    YearStatus::Decreed { decree } => {
                        RichText::new(t::year_decreed(&decree)).color(theme::OK)
                    }
                    YearStatus::Predicted => RichText::new(t::YEAR_PREDICTED).color(theme::WARNING),
                };
                ui.label(status.strong());
                let (working, short, off) = self.calendar.year_counts(self.year);
                ui.label(t::calendar_counts(working, short, off));
                ui.label(
                    RichText::new(t::CALENDAR_LEGEND)
                        .small()
                        .color(theme::MUTED),
                );
                // The chosen day's editor above the months: in view whatever month was clicked.
                self.day_ui(ui, &mut out);
                self.year_ui(ui, &mut out);
                ui.add_space(6.0);
                self.months_ui(ui);
                let overrides: Vec<_> = self.calendar.overrides_of(self.year).cloned().collect();
                if !overrides.is_empty() {
                    ui.add_space(8.0);
                    ui.label(RichText::new(t::CALENDAR_OVERRIDES).strong());
                    for o in overrides {
                        ui.label(format!(
                            "{} — {}: {}",
                            fmt::date(o.date),
                            o.kind.label(),
                            o.decree
                        ));
                    }
                }
            });
        out
    }

    fn months_ui(&mut self, ui: &mut Ui) {
        let mut clicked = None;
        // As many months in a row as the window holds (four at 1920, three at 1280).
        let per_row = ((ui.available_width() + 18.0) / 318.0)
            .floor()
            .clamp(1.0, 6.0) as u32;
        egui::Grid::new("calendar_months")
            .spacing([18.0, 12.0])
            .show(ui, |ui| {
                for month in 1..=12u32 {
                    ui.vertical(|ui| {
                        ui.label(RichText::new(fmt::month_long(self.year, month)).strong());
                        if let Some(d) = self.month_ui(ui, month) {
                            clicked = Some(d);
                        }
                    });
                    if month % per_row == 0 {
                        ui.end_row();
                    }
                }
            });
        if let Some(d) = clicked {
            self.select(d);
        }
    }

    fn month_ui(&self, ui: &mut Ui, month: u32) -> Option<NaiveDate> {
        let first = NaiveDate::from_ymd_opt(self.year, month, 1)?;
        let mut clicked = None;
        egui::Grid::new(("calendar_month", month))
            .spacing([2.0, 2.0])
            .show(ui, |ui| {
                for w in t::WEEKDAYS {
                    ui.label(RichText::new(w).small().color(theme::MUTED));
                }
                ui.end_row();
                for _ in 0..first.weekday().num_days_from_monday() {
                    ui.label("");
                }
                let mut day = first;
                while day.month() == month {
                    let d = self.calendar.day(day);
                    let mut text = RichText::new(format!("{:>2}", day.day())).monospace();
                    text = match d.kind {
                        DayKind::DayOff | DayKind::Holiday => text.color(theme::ERROR),
                        DayKind::Short => text.color(theme::WARNING),
                        DayKind::Working => text,
                    };
                    if matches!(d.source, Source::Override { .. }) {
                        text = text.underline().strong();
                    }
                    let name = format!("{} — {}", fmt::date(day), d.kind.label());
                    let r = ui
                        .selectable_label(self.selected == Some(day), text)
                        .on_hover_text(&name)
                        .accessible_name(&name);
                    if r.clicked() {
                        clicked = Some(day);
                    }
                    if day.weekday() == chrono::Weekday::Sun {
                        ui.end_row();
                    }
                    match day.succ_opt() {
                        Some(n) => day = n,
                        None => break,
                    }
                }
            });
        clicked
    }

    fn day_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let Some(date) = self.selected else {
            let hint = if self.can_edit {
                t::CALENDAR_PICK
            } else {
                t::CALENDAR_PICK_TO_SEE
            };
            ui.label(RichText::new(hint).color(theme::MUTED));
            return;
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(format!("{}: {}", t::CALENDAR_DAY, fmt::date(date))).strong());
            if !self.can_edit {
                ui.label(self.calendar.kind(date).label());
                ui.label(
                    RichText::new(t::CALENDAR_HEAD_ONLY)
                        .small()
                        .color(theme::MUTED),
                );
                return;
            }
            ui.horizontal_wrapped(|ui| {
                for k in DayKind::ALL.iter().copied() {
                    ui.radio_value(&mut self.kind, k, k.label());
                }
            });
            ui.horizontal_wrapped(|ui| {
                let l = ui.label(t::CALENDAR_DECREE);
                ui.add(TextEdit::singleline(&mut self.decree).desired_width(340.0))
                    .labelled_by(l.id);
            });
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button(RichText::new(t::CALENDAR_APPLY).strong())
                    .clicked()
                {
                    out.push(Cmd::SetDay(date, self.kind, self.decree.clone()).into());
                }
                if ui.button(t::CALENDAR_RESET).clicked() {
                    out.push(Cmd::ResetDay(date).into());
                }
            });
        });
    }

    fn year_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        if !self.can_edit {
            return;
        }
        match self.calendar.year_status(self.year) {
            YearStatus::Official => {}
            YearStatus::Decreed { .. } => {
                if ui.button(t::CALENDAR_UNCONFIRM_YEAR).clicked() {
                    out.push(Cmd::ConfirmYear(self.year, String::new()).into());
                }
            }
            YearStatus::Predicted => {
                ui.horizontal_wrapped(|ui| {
                    let l = ui.label(t::CALENDAR_YEAR_DECREE);
                    ui.add(TextEdit::singleline(&mut self.year_decree).desired_width(340.0))
                        .labelled_by(l.id);
                    if ui.button(t::CALENDAR_CONFIRM_YEAR).clicked() {
                        out.push(Cmd::ConfirmYear(self.year, self.year_decree.clone()).into());
                    }
                });
            }
        }
    }
}
