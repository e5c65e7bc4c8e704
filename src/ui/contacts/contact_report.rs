//! «Отчёт по контактам»: required vs held calls and meetings of a month or a quarter, per manager
//! and client, as a table, a chart and a PDF for the head of the group.

use egui::{RichText, Ui};

use super::Cmd;
use crate::contacts::report::{ContactReport, contact_report_title};
use crate::domain::fmt;
use crate::i18n as t;
use crate::ui::command::{Ask, Command};
use crate::ui::theme;
use crate::ui::widgets;

/// What length of period the report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PeriodKind {
    Month,
    #[default]
    Quarter,
    Year,
}

/// The period chosen as a manager says it: «IV квартал 2026», «ноябрь 2026», «2026 год».
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PeriodPicker {
    pub kind: PeriodKind,
    /// 0: not chosen yet (the current period of today is taken).
    pub year: i32,
    pub month: u32,
    pub quarter: u32,
}

const QUARTERS: [&str; 4] = t::QUARTERS_ROMAN;

impl PeriodPicker {
    /// Starts on the period of `today` the first time.
    fn settle(&mut self, today: chrono::NaiveDate) {
        use chrono::Datelike;
        if self.year == 0 {
            self.year = today.year();
            self.month = today.month();
            self.quarter = (today.month() - 1) / 3 + 1;
        }
    }

    /// The period in words.
    pub fn label(&self) -> String {
        match self.kind {
            PeriodKind::Month => fmt::month_long(self.year, self.month),
            PeriodKind::Quarter => {
                t::quarter_label(QUARTERS[(self.quarter.clamp(1, 4) - 1) as usize], self.year)
            }
            PeriodKind::Year => t::year_label(self.year),
        }
    }

    /// The code the report reads: «2026-11», «2026-Q4», «2026».
    pub fn code(&self) -> String {
        match self.kind {
            PeriodKind::Month => format!("{}-{:02}", self.year, self.month),
            PeriodKind::Quarter => format!("{}-Q{}", self.year, self.quarter),
            PeriodKind::Year => self.year.to_string(),
        }
    }

    /// The pickers; `true` when the period changed.
    pub fn ui(&mut self, ui: &mut Ui, today: chrono::NaiveDate) -> bool {
        use chrono::Datelike;
        self.settle(today);
        let before = self.clone();
        egui::ComboBox::from_id_salt("period_kind")
            .selected_text(match self.kind {
                PeriodKind::Month => t::PERIOD_MONTH,
                PeriodKind::Quarter => t::PERIOD_QUARTER,
                PeriodKind::Year => t::PERIOD_YEAR,
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.kind, PeriodKind::Month, t::PERIOD_MONTH);
                ui.selectable_value(&mut self.kind, PeriodKind::Quarter, t::PERIOD_QUARTER);
                ui.selectable_value(&mut self.kind, PeriodKind::Year, t::PERIOD_YEAR);
            })
            .response
            .accessible_name(t::F_PERIOD_KIND);
        match self.kind {
            PeriodKind::Month => {
                egui::ComboBox::from_id_salt("period_month")
                    .selected_text(fmt::month_name(self.month))
                    .show_ui(ui, |ui| {
                        for m in 1..=12 {
                            ui.selectable_value(&mut self.month, m, fmt::month_name(m));
                        }
                    })
                    .response
                    .accessible_name(t::F_PERIOD_MONTH);
            }
            PeriodKind::Quarter => {
                egui::ComboBox::from_id_salt("period_quarter")
                    .selected_text(t::quarter_name(
                        QUARTERS[(self.quarter.clamp(1, 4) - 1) as usize],
                    ))
                    .show_ui(ui, |ui| {
                        for (k, q) in QUARTERS.iter().enumerate() {
                            ui.selectable_value(
                                &mut self.quarter,
                                k as u32 + 1,
                                t::quarter_name(q),
                            );
                        }
                    })
                    .response
                    .accessible_name(t::F_PERIOD_QUARTER);
            }
            PeriodKind::Year => {}
        }
        egui::ComboBox::from_id_salt("period_year")
            .selected_text(t::year_label(self.year))
            .show_ui(ui, |ui| {
                for y in (today.year() - 5..=today.year() + 1).rev() {
                    ui.selectable_value(&mut self.year, y, t::year_label(y));
                }
            })
            .response
            .accessible_name(t::F_PERIOD_YEAR);
        *self != before
    }
}

#[derive(Default)]
pub struct ContactReportScreen {
    pub picker: PeriodPicker,
    pub report: Option<ContactReport>,
    /// Who the report was built for: another user does not see it.
    pub built_for: Option<crate::domain::Actor>,
    pub error: Option<&'static str>,
    pub pdf_path: String,
}

impl ContactReportScreen {
    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut out = Vec::new();
        ui.heading(t::NAV_CONTACT_REPORT);
        let today = crate::ui::widgets::today_of(ui);
        ui.horizontal_wrapped(|ui| {
            ui.label(t::F_PERIOD);
            self.picker.ui(ui, today);
            if ui.button(t::BUILD_REPORT).clicked() {
                out.push(Cmd::Build(self.picker.code()).into());
            }
        });
        ui.label(RichText::new(t::PERIOD_HINT).small().color(theme::MUTED));
        if let Some(e) = self.error {
            ui.label(RichText::new(e).color(theme::ERROR));
        }
        let Some(report) = &self.report else {
            return out;
        };
        ui.label(RichText::new(contact_report_title(report)).strong());
        self.chart_ui(ui, report);
        ui.horizontal_wrapped(|ui| {
            let ask = || Ask::save(t::CONTACT_REPORT_FILE, |p| Cmd::ContactReportPath(p).into());
            out.extend(widgets::path_field(
                ui,
                t::FILE_PATH,
                &mut self.pdf_path,
                ask,
            ));
            if ui
                .add_enabled(
                    !self.pdf_path.trim().is_empty(),
                    egui::Button::new(t::SAVE_PDF),
                )
                .on_disabled_hover_text(crate::words::PATH_FIRST)
                .clicked()
            {
                out.push(Cmd::SaveContactReport(self.pdf_path.clone()).into());
            }
        });
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Grid::new("contact_report")
                    .striped(true)
                    .num_columns(4)
                    .show(ui, |ui| {
                        for h in [t::COL_CLIENT, t::COL_CALLS, t::COL_MEETINGS, t::COL_RATE] {
                            ui.label(RichText::new(h).strong());
                        }
                        ui.end_row();
                        for total in &report.managers {
                            ui.label(RichText::new(t::manager_total(&total.manager)).strong());
                            ui.label(
                                RichText::new(format!(
                                    "{} / {} / {}",
                                    total.calls_required, total.calls_held, total.calls_on_time
                                ))
                                .strong(),
                            );
                            ui.label(
                                RichText::new(format!(
                                    "{} / {}",
                                    total.meetings_required, total.meetings_held
                                ))
                                .strong(),
                            );
                            ui.label(RichText::new(total.rate_text()).strong());
                            ui.end_row();
                            for r in report
                                .rows
                                .iter()
                                .filter(|r| r.manager_id == total.manager_id)
                            {
                                ui.label(&r.client);
                                ui.label(format!(
                                    "{} / {} / {}",
                                    r.calls_required, r.calls_held, r.calls_on_time
                                ));
                                ui.label(format!("{} / {}", r.meetings_required, r.meetings_held));
                                // Nothing owed in the period: no colour, no praise.
                                let color = match r.required() {
                                    0 => theme::MUTED,
                                    _ if r.rate() < 100.0 => theme::ERROR,
                                    _ => theme::OK,
                                };
                                ui.label(RichText::new(r.rate_text()).color(color));
                                ui.end_row();
                            }
                        }
                    });
            });
        out
    }

    /// The on-time rate of each manager as bars.
    fn chart_ui(&self, ui: &mut Ui, report: &ContactReport) {
        use egui_plot::{Bar, BarChart, Plot};
        let (title, shown) = crate::contacts::report::chart_bars(report);
        ui.label(RichText::new(title).strong());
        let names: Vec<String> = shown.iter().map(|m| m.manager.clone()).collect();
        let bars: Vec<Bar> = shown
            .iter()
            .enumerate()
            .map(|(i, m)| Bar::new(i as f64, m.rate()).name(&m.manager).width(0.6))
            .collect();
        Plot::new("contact_rates")
            .height(160.0)
            .include_y(0.0)
            .include_y(100.0)
            .allow_scroll(false)
            .allow_drag(false)
            .x_axis_formatter(move |mark, _| {
                let i = mark.value.round();
                if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                    names.get(i as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .y_axis_formatter(|mark, _| format!("{} %", fmt::number(mark.value, 0)))
            .show(ui, |plot| {
                // On hover: whose bar and the rate as the table writes it.
                let chart =
                    BarChart::new(t::COL_RATE, bars).element_formatter(Box::new(|bar, _| {
                        format!("{}\n{} %", bar.name, fmt::number(bar.value, 0))
                    }));
                plot.bar_chart(chart)
            });
    }
}
