//! «Отчёт по контактам»: required vs held calls and meetings of a month or a quarter, per manager
//! and client, as a table, a chart and a PDF for the head of the group.

use egui::{RichText, TextEdit, Ui};

use super::Cmd;
use crate::contacts::report::{ContactReport, contact_report_title};
use crate::domain::fmt;
use crate::i18n as t;
use crate::ui::command::Command;
use crate::ui::theme;

#[derive(Default)]
pub struct ContactReportScreen {
    pub period: String,
    pub report: Option<ContactReport>,
    pub error: Option<&'static str>,
    pub pdf_path: String,
}

impl ContactReportScreen {
    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut out = Vec::new();
        ui.heading(t::NAV_CONTACT_REPORT);
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(t::F_PERIOD);
            ui.add(
                TextEdit::singleline(&mut self.period)
                    .desired_width(110.0)
                    .hint_text("2026-Q4"),
            )
            .labelled_by(l.id);
            if ui.button(t::BUILD_REPORT).clicked() {
                out.push(Cmd::Build(self.period.clone()).into());
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
            let l = ui.label(t::FILE_PATH);
            ui.add(TextEdit::singleline(&mut self.pdf_path).desired_width(240.0))
                .labelled_by(l.id);
            if ui
                .add_enabled(
                    !self.pdf_path.trim().is_empty(),
                    egui::Button::new(t::SAVE_PDF),
                )
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
        let names: Vec<String> = report.managers.iter().map(|m| m.manager.clone()).collect();
        let bars: Vec<Bar> = report
            .managers
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
            .show(ui, |plot| plot.bar_chart(BarChart::new(t::COL_RATE, bars)));
    }
}
