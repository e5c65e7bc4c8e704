//! «Отчёты по обращениям»: the weekly complaints memo of an ISO week (its rows on screen, the
//! PDF for the director) and the statistics of a period as a table, a chart and a PDF.

use std::path::Path;

use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Plot};

use super::Cmd;
use crate::appeals::memo::{self, Memo, Stats};
use crate::appeals::{iso_week, iso_week_of};
use crate::domain::fmt;
use crate::i18n::{self as t, Describe, Label};
use crate::ui::command::{Ask, Command, Cx};
use crate::ui::{theme, widgets};

#[derive(Default)]
pub struct ReportsScreen {
    /// The memo's ISO week (`2026-W48`), shown in words.
    pub week: String,
    /// A day typed to jump to its week.
    pub week_day: String,
    pub memo: Option<Memo>,
    pub memo_path: String,
    pub memo_error: Option<String>,
    pub from: String,
    pub to: String,
    pub stats: Option<Stats>,
    pub stats_path: String,
    pub stats_error: Option<String>,
}

impl ReportsScreen {
    /// The week in progress (its memo says what came so far) and the year so far.
    pub fn init(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        let today = cx.today();
        self.week = iso_week_of(today);
        let first =
            chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&today), 1, 1).unwrap_or(today);
        self.from = fmt::date(first);
        self.to = fmt::date(today);
        self.build_memo(cx);
        self.build_stats(cx);
        Ok(())
    }

    pub fn build_memo(&mut self, cx: &mut Cx) {
        match memo::weekly_memo(cx.db, &self.week, cx.today()) {
            Ok(m) => {
                self.week = m.week.clone();
                self.memo = Some(m);
                self.memo_error = None;
            }
            Err(e) => {
                // The week asked for has no memo: the one of another week is not shown under it.
                self.memo = None;
                self.memo_error = Some(e.describe());
            }
        }
    }

    pub fn save_memo(&mut self, cx: &mut Cx, target: &Path) -> anyhow::Result<()> {
        if let Some(m) = &self.memo {
            memo::write_memo(cx.db, &cx.actor(), m, target).map_err(t::err)?;
            cx.info(t::file_written(&target.display().to_string()));
        }
        Ok(())
    }

    pub fn build_stats(&mut self, cx: &mut Cx) {
        let (Some(from), Some(to)) = (fmt::parse_date(&self.from), fmt::parse_date(&self.to))
        else {
            self.stats_error = Some(t::ERR_DATE.to_string());
            return;
        };
        match memo::stats(cx.db, from, to, cx.today()) {
            Ok(s) => {
                self.stats = Some(s);
                self.stats_error = None;
            }
            Err(e) => {
                self.stats = None;
                self.stats_error = Some(e.describe());
            }
        }
    }

    pub fn save_stats(&mut self, cx: &mut Cx, target: &Path) -> anyhow::Result<()> {
        if let Some(s) = &self.stats {
            memo::write_stats(cx.db, &cx.actor(), s, target).map_err(t::err)?;
            cx.info(t::file_written(&target.display().to_string()));
        }
        Ok(())
    }

    /// Moves the week by `by` weeks.
    fn shift_week(&mut self, by: i64) {
        if let Some((monday, _)) = iso_week(&self.week) {
            self.week = iso_week_of(monday + chrono::Duration::weeks(by));
        }
    }

    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut out = Vec::new();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(6.0);
                ui.heading(t::WEEKLY_MEMO);
                ui.horizontal_wrapped(|ui| {
                    if ui.button("‹").on_hover_text(t::PREV_WEEK).clicked() {
                        self.shift_week(-1);
                        out.push(Cmd::Memo.into());
                    }
                    // «48-я неделя 2026 г.: 23.11.2026 — 29.11.2026», never «2026-W48».
                    let words = iso_week(&self.week).map_or_else(String::new, |(from, to)| {
                        t::week_in_words(
                            &memo::week_title_of(from),
                            &fmt::date(from),
                            &fmt::date(to),
                        )
                    });
                    ui.label(RichText::new(words).strong());
                    if ui.button("›").on_hover_text(t::NEXT_WEEK).clicked() {
                        self.shift_week(1);
                        out.push(Cmd::Memo.into());
                    }
                    let l = ui.label(t::F_WEEK_DAY);
                    let r =
                        widgets::date_input(ui, "memo_week_day", &mut self.week_day, Some(l.id));
                    if r.lost_focus()
                        && let Some(day) = fmt::parse_date(&self.week_day)
                    {
                        self.week = iso_week_of(day);
                        out.push(Cmd::Memo.into());
                    }
                });
                if let Some(e) = &self.memo_error {
                    widgets::message(ui, e);
                }
                if let Some(m) = self.memo.clone() {
                    self.memo_ui(ui, &m, &mut out);
                }
                ui.add_space(14.0);
                ui.heading(t::STATS);
                ui.horizontal_wrapped(|ui| {
                    let l = ui.label(t::F_FROM);
                    widgets::date_input(ui, "stats_from", &mut self.from, Some(l.id));
                    let l = ui.label(t::F_TO);
                    widgets::date_input(ui, "stats_to", &mut self.to, Some(l.id));
                    if ui.button(t::BUILD_STATS).clicked() {
                        out.push(Cmd::Stats.into());
                    }
                });
                if let Some(e) = &self.stats_error {
                    widgets::message(ui, e);
                }
                if let Some(s) = self.stats.clone() {
                    self.stats_ui(ui, &s, &mut out);
                }
            });
        out
    }

    fn memo_ui(&mut self, ui: &mut Ui, m: &Memo, out: &mut Vec<Command>) {
        ui.label(memo::memo_heading(m));
        egui::ScrollArea::horizontal()
            .id_salt("memo_scroll")
            .show(ui, |ui| {
                egui::Grid::new("memo_rows")
                    .striped(true)
                    .num_columns(7)
                    .spacing([10.0, 4.0])
                    .show(ui, |ui| {
                        for h in [
                            t::COL_APPEAL_NUMBER,
                            t::COL_RECEIVED,
                            t::COL_APPEAL_CLIENT,
                            t::COL_APPEAL_KIND,
                            t::COL_SUBJECT,
                            t::COL_APPEAL_STATUS,
                            t::COL_DUE,
                        ] {
                            ui.strong(h);
                        }
                        ui.end_row();
                        for r in &m.rows {
                            ui.label(if r.number.is_empty() {
                                t::NOT_REGISTERED
                            } else {
                                &r.number
                            });
                            ui.label(fmt::date(r.received_at.date()));
                            ui.label(&r.client);
                            ui.label(r.kind.label());
                            ui.label(&r.subject);
                            ui.label(r.status.label());
                            ui.label(fmt::opt_date(r.due_date));
                            ui.end_row();
                        }
                    });
            });
        if m.rows.is_empty() {
            ui.label(RichText::new(t::MEMO_NONE).color(theme::MUTED));
        } else {
            ui.label(t::memo_totals(
                m.rows.len(),
                m.complaints(),
                m.suggestions(),
            ));
            ui.label(t::memo_state_totals(
                m.answered(),
                m.rows.len() - m.answered(),
                m.overdue(),
            ));
        }
        path_row(
            ui,
            "memo",
            &mut self.memo_path,
            &t::memo_file_name(&m.week),
            t::SAVE_MEMO,
            out,
            Cmd::MemoPath,
            Cmd::SaveMemo,
        );
    }

    fn stats_ui(&mut self, ui: &mut Ui, s: &Stats, out: &mut Vec<Command>) {
        egui::Grid::new("stats_totals")
            .striped(true)
            .num_columns(2)
            .show(ui, |ui| {
                let rate = s
                    .on_time_rate()
                    .map(|r| format!("{} %", fmt::number(r, 1)))
                    .unwrap_or_else(|| t::NOTHING.into());
                let avg = s
                    .avg_answer_days
                    .map(|d| fmt::number(d, 1))
                    .unwrap_or_else(|| t::NOTHING.into());
                for (k, v) in [
                    (t::STATS_TOTAL, s.total.to_string()),
                    (t::STATS_ANSWERED, s.answered.to_string()),
                    (t::STATS_ON_TIME, s.on_time.to_string()),
                    (t::STATS_ON_TIME_RATE, rate),
                    (t::STATS_AVG_DAYS, avg),
                    (t::STATS_OPEN_OVERDUE, s.open_overdue.to_string()),
                ] {
                    ui.label(k);
                    ui.label(v);
                    ui.end_row();
                }
            });
        ui.columns(2, |cols| {
            cols[0].label(RichText::new(t::STATS_BY_CHANNEL).strong());
            chart(
                &mut cols[0],
                "stats_channels",
                s.by_channel
                    .iter()
                    .map(|(c, n)| (c.label().to_string(), *n))
                    .collect(),
            );
            cols[1].label(RichText::new(t::STATS_BY_KIND).strong());
            chart(
                &mut cols[1],
                "stats_kinds",
                s.by_kind
                    .iter()
                    .map(|(k, n)| (k.label().to_string(), *n))
                    .collect(),
            );
        });
        ui.label(RichText::new(t::STATS_BY_TOPIC).strong());
        egui::Grid::new("stats_topics")
            .striped(true)
            .show(ui, |ui| {
                for (topic, n) in &s.by_topic {
                    ui.label(if topic.is_empty() { t::NOTHING } else { topic });
                    ui.label(n.to_string());
                    ui.end_row();
                }
            });
        path_row(
            ui,
            "stats",
            &mut self.stats_path,
            t::STATS_FILE,
            t::SAVE_STATS,
            out,
            Cmd::StatsPath,
            Cmd::SaveStats,
        );
    }
}

/// A bar chart of named counts, numbered under the bars, with its legend «1 — почта: 35».
fn chart(ui: &mut Ui, id: &str, values: Vec<(String, usize)>) {
    chart_bars(ui, id, &values);
    egui::Grid::new((id, "legend")).show(ui, |ui| {
        for (i, (name, n)) in values.iter().enumerate() {
            ui.label(format!("{}", i + 1));
            ui.label(name);
            ui.label(n.to_string());
            ui.end_row();
        }
    });
}

fn chart_bars(ui: &mut Ui, id: &str, values: &[(String, usize)]) {
    let bars: Vec<Bar> = values
        .iter()
        .enumerate()
        .map(|(i, (name, n))| Bar::new(i as f64, *n as f64).name(name).width(0.7))
        .collect();
    let names: Vec<String> = (1..=values.len()).map(|i| i.to_string()).collect();
    Plot::new(id)
        .height(180.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show_axes([true, true])
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(id, bars).color(theme::ACCENT))
        });
}

/// A file path with «Обзор…» and the button that writes it.
#[allow(clippy::too_many_arguments)]
fn path_row(
    ui: &mut Ui,
    id: &str,
    path: &mut String,
    default_name: &str,
    save: &str,
    out: &mut Vec<Command>,
    picked: fn(std::path::PathBuf) -> Cmd,
    write: fn(String) -> Cmd,
) {
    ui.push_id(id, |ui| {
        ui.horizontal_wrapped(|ui| {
            let ask = || Ask::save(default_name.to_string(), move |p| picked(p).into());
            out.extend(widgets::path_field(ui, t::PDF_PATH, path, ask));
            if ui
                .add_enabled(!path.trim().is_empty(), egui::Button::new(save))
                .on_disabled_hover_text(crate::words::PATH_FIRST)
                .clicked()
            {
                out.push(write(path.clone()).into());
            }
        })
    });
}
