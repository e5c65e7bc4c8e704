//! «Показатели»: monthly values in a table, a block pasted from Excel, and the chart.

use super::*;

impl DossierEditor {
    /// The months the table shows: the last 24 and any month that has a value.
    pub(super) fn indicator_months(&self, today: NaiveDate) -> Vec<YearMonth> {
        let mut months: Vec<YearMonth> = (0..24u32)
            .filter_map(|k| today.with_day(1)?.checked_sub_months(Months::new(k)))
            .map(|d| (d.year(), d.month()))
            .collect();
        months.extend(self.draft.indicators.keys().map(|(_, ym)| *ym));
        months.sort_unstable();
        months.dedup();
        months.reverse();
        months
    }

    pub(super) fn indicators_ui(&mut self, ui: &mut Ui, catalogs: &Catalogs, today: NaiveDate) {
        let kinds = &catalogs.indicator_kinds;
        if self.chart_kinds.is_empty()
            && let Some(k) = kinds.first()
        {
            self.chart_kinds.push(k.id);
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(t::CHART_SHOW);
            for k in kinds {
                let mut on = self.chart_kinds.contains(&k.id);
                if ui
                    .checkbox(&mut on, format!("{}, {}", k.name, k.unit))
                    .changed()
                {
                    if on {
                        self.chart_kinds.push(k.id);
                    } else {
                        self.chart_kinds.retain(|id| *id != k.id);
                    }
                }
            }
        });
        self.chart_ui(ui, catalogs);
        ui.separator();
        ui.label(RichText::new(t::PASTE_HINT).small().color(theme::MUTED));
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(t::PASTE_LABEL);
            ui.add(
                TextEdit::multiline(&mut self.paste_text)
                    .desired_rows(2)
                    .desired_width(300.0),
            )
            .labelled_by(l.id);
            if ui.button(t::PASTE_FILL).clicked() {
                let ids: Vec<Id> = kinds.iter().map(|k| k.id).collect();
                let start = self
                    .indicator_months(today)
                    .last()
                    .copied()
                    .unwrap_or((today.year(), today.month()));
                self.paste_message = Some(paste_indicators(
                    &mut self.draft.indicators,
                    &ids,
                    start,
                    &self.paste_text,
                ));
                if matches!(self.paste_message, Some(Ok(_))) {
                    self.paste_text.clear();
                }
            }
        });
        match &self.paste_message {
            Some(Ok(n)) => {
                ui.label(RichText::new(t::pasted(*n)).color(theme::OK));
            }
            Some(Err(e)) => {
                ui.label(RichText::new(e.describe()).color(theme::ERROR));
            }
            None => {}
        }
        let months = self.indicator_months(today);
        egui::ScrollArea::horizontal()
            .id_salt("indicators_scroll")
            .show(ui, |ui| {
                egui::Grid::new("indicators")
                    .striped(true)
                    .min_col_width(118.0)
                    .num_columns(kinds.len() + 1)
                    .show(ui, |ui| {
                        ui.label(RichText::new(t::MONTH).strong());
                        for k in kinds {
                            ui.label(RichText::new(format!("{}, {}", k.name, k.unit)).strong());
                        }
                        ui.end_row();
                        for (y, m) in months {
                            ui.label(fmt::month(y, m));
                            for k in kinds {
                                let key = format!("ind.{}.{y}.{m}", k.id);
                                let mut text = self
                                    .draft
                                    .indicators
                                    .get(&(k.id, (y, m)))
                                    .cloned()
                                    .unwrap_or_default();
                                let has_err = self.errors.contains_key(&key);
                                let r = ui
                                    .add(
                                        TextEdit::singleline(&mut text)
                                            .desired_width(110.0)
                                            .align(egui::Align2::RIGHT_CENTER)
                                            .text_color_opt(has_err.then_some(theme::ERROR)),
                                    )
                                    .accessible_name(format!("{} {}", k.name, fmt::month(y, m)));
                                if r.changed() {
                                    if text.trim().is_empty() {
                                        self.draft.indicators.remove(&(k.id, (y, m)));
                                    } else {
                                        self.draft.indicators.insert((k.id, (y, m)), text);
                                    }
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
    }

    pub(super) fn chart_ui(&self, ui: &mut Ui, catalogs: &Catalogs) {
        use egui_plot::{Legend, Line, Plot, PlotPoints};
        let x_of = |(y, m): YearMonth| f64::from(y) * 12.0 + f64::from(m) - 1.0;
        let lines: Vec<(String, Vec<[f64; 2]>)> = catalogs
            .indicator_kinds
            .iter()
            .filter(|k| self.chart_kinds.contains(&k.id))
            .map(|k| {
                let points = self
                    .draft
                    .indicators
                    .iter()
                    .filter(|((kind, _), _)| *kind == k.id)
                    .filter_map(|((_, ym), v)| fmt::parse_number(v).map(|v| [x_of(*ym), v]))
                    .collect();
                (format!("{}, {}", k.name, k.unit), points)
            })
            .collect();
        Plot::new("indicator_chart")
            .height(220.0)
            .legend(Legend::default())
            .allow_scroll(false)
            .x_axis_formatter(|mark, _| {
                let v = mark.value.round() as i64;
                fmt::month((v.div_euclid(12)) as i32, (v.rem_euclid(12) + 1) as u32)
            })
            .y_axis_formatter(|mark, _| fmt::number(mark.value, 0))
            .label_formatter(|pos| match pos {
                egui_plot::HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } => {
                    let v = position.x.round() as i64;
                    let month = fmt::month(v.div_euclid(12) as i32, (v.rem_euclid(12) + 1) as u32);
                    Some(format!(
                        "{plot_name}\n{month}: {}",
                        fmt::number(position.y, 1)
                    ))
                }
                _ => None,
            })
            .show(ui, |plot| {
                for (name, points) in lines {
                    plot.line(Line::new(name, PlotPoints::from(points)));
                }
            });
    }
}
