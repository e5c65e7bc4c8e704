//! «Статус VIP»: a row per year with the four criteria and the director's order.

use super::*;

impl DossierEditor {
    pub(super) fn vip_ui(&mut self, ui: &mut Ui, today: NaiveDate) {
        ui.label(RichText::new(t::VIP_HINT).small().color(theme::MUTED));
        let since = self.draft.client.since_year.trim().parse::<i32>().ok();
        let mut remove = None;
        for (i, v) in self.draft.vip.iter_mut().enumerate() {
            let key = |f: &str| format!("vip.{i}.{f}");
            egui::Frame::group(ui.style()).show(ui, |ui| {
                form_grid(&format!("vip{i}")).show(ui, |ui| {
                    text_row(ui, t::F_YEAR, &mut v.year, err(&self.errors, &key("year")));
                    ui.label(t::F_CRITERIA);
                    ui.vertical(|ui| {
                        ui.horizontal(|ui| {
                            ui.checkbox(&mut v.crit_volume, t::CRIT_VOLUME);
                            let l = ui.label(t::F_VOLUME_KWH);
                            ui.add_sized(
                                egui::vec2(120.0, crate::ui::theme::ROW_HEIGHT),
                                TextEdit::singleline(&mut v.volume_kwh),
                            )
                            .labelled_by(l.id);
                        });
                        error_text(ui, err(&self.errors, &key("volume_kwh")));
                        ui.checkbox(&mut v.crit_brand, t::CRIT_BRAND);
                        let years = match (since, v.year.trim().parse::<i32>()) {
                            (Some(s), Ok(y)) if y >= s => {
                                format!(" ({})", fmt::count((y - s) as u64, t::YEAR_FORMS))
                            }
                            _ => String::new(),
                        };
                        ui.checkbox(
                            &mut v.crit_stability,
                            format!("{}{years}", t::CRIT_STABILITY),
                        );
                        // Wrapped: at 1280 the note goes under the box, not past the edge.
                        ui.horizontal_wrapped(|ui| {
                            ui.checkbox(&mut v.crit_political, t::CRIT_POLITICAL);
                            let l = ui.label(t::F_NOTE);
                            ui.add_sized(
                                egui::vec2(200.0, crate::ui::theme::ROW_HEIGHT),
                                TextEdit::singleline(&mut v.political_note),
                            )
                            .labelled_by(l.id)
                            .on_hover_text(v.political_note.as_str());
                        });
                    });
                    ui.end_row();
                    ui.label(t::F_DECISION);
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut v.included, true, t::VIP_INCLUDED);
                        ui.radio_value(&mut v.included, false, t::VIP_EXCLUDED);
                    });
                    ui.end_row();
                    text_row(ui, t::F_ORDER_NUMBER, &mut v.order_number, None);
                    date_row(
                        ui,
                        t::F_ORDER_DATE,
                        &format!("vip_order{i}"),
                        &mut v.order_date,
                        err(&self.errors, &key("order_date")),
                    );
                });
                if ui.small_button(t::REMOVE).clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            self.draft.vip.remove(i);
            self.errors.clear();
        }
        if ui.button(t::ADD_VIP_YEAR).clicked() {
            let next = self
                .draft
                .vip
                .iter()
                .filter_map(|v| v.year.trim().parse::<i32>().ok())
                .max()
                .map_or(today.year(), |y| y + 1);
            self.draft.vip.push(VipDraft {
                year: next.to_string(),
                included: true,
                ..Default::default()
            });
        }
    }
}
