//! «Собственники»: the owners and their shares.

use super::*;

impl DossierEditor {
    pub(super) fn owners_ui(&mut self, ui: &mut Ui) {
        let mut remove = None;
        egui::Grid::new("owners")
            .num_columns(5)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                ui.label(RichText::new(t::F_OWNER_NAME).strong());
                ui.label(RichText::new(t::F_OWNER_KIND).strong());
                ui.label(RichText::new(t::F_SHARE).strong());
                ui.label(RichText::new(t::F_NOTE).strong());
                ui.end_row();
                for (i, o) in self.draft.owners.iter_mut().enumerate() {
                    let key = |f: &str| format!("owners.{i}.{f}");
                    ui.vertical(|ui| {
                        ui.add_sized(
                            egui::vec2(260.0, crate::ui::theme::ROW_HEIGHT),
                            TextEdit::singleline(&mut o.name),
                        )
                        .accessible_name(format!("{} {}", t::F_OWNER_NAME, i + 1))
                        .on_hover_text(o.name.as_str());
                        error_text(ui, err(&self.errors, &key("name")));
                    });
                    ui.add_sized(
                        egui::vec2(130.0, crate::ui::theme::ROW_HEIGHT),
                        TextEdit::singleline(&mut o.kind),
                    )
                    .accessible_name(format!("{} {}", t::F_OWNER_KIND, i + 1))
                    .on_hover_text(o.kind.as_str());
                    ui.vertical(|ui| {
                        ui.add_sized(
                            egui::vec2(60.0, crate::ui::theme::ROW_HEIGHT),
                            TextEdit::singleline(&mut o.share),
                        )
                        .accessible_name(format!(
                            "{} {}",
                            t::F_SHARE,
                            i + 1
                        ));
                        error_text(ui, err(&self.errors, &key("share")));
                    });
                    ui.add_sized(
                        egui::vec2(180.0, crate::ui::theme::ROW_HEIGHT),
                        TextEdit::singleline(&mut o.note),
                    )
                    .accessible_name(format!("{} {}", t::F_NOTE, i + 1));
                    if ui.small_button(t::REMOVE).clicked() {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
            });
        if let Some(i) = remove {
            self.draft.owners.remove(i);
            self.errors.retain(|k, _| !k.starts_with("owners."));
        }
        let total: f64 = self
            .draft
            .owners
            .iter()
            .filter_map(|o| fmt::parse_number(&o.share))
            .sum();
        ui.label(t::shares_total(&fmt::number_compact(total)));
        if ui.button(t::ADD_OWNER).clicked() {
            self.draft.owners.push(OwnerDraft::default());
        }
    }
}
