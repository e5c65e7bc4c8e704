//! «Услуги»: the services from the catalogue with their start and end.

use super::*;

impl DossierEditor {
    pub(super) fn services_ui(&mut self, ui: &mut Ui, catalogs: &Catalogs) {
        let items: Vec<(Id, String)> = catalogs
            .services
            .iter()
            .map(|s| (s.id, s.name.clone()))
            .collect();
        let mut remove = None;
        egui::Grid::new("services")
            .num_columns(5)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                ui.label(RichText::new(t::F_SERVICE).strong());
                ui.label(RichText::new(t::F_START).strong());
                ui.label(RichText::new(t::F_END).strong());
                ui.label(RichText::new(t::F_NOTE).strong());
                ui.end_row();
                for (i, s) in self.draft.services.iter_mut().enumerate() {
                    let key = |f: &str| format!("services.{i}.{f}");
                    ui.vertical(|ui| {
                        widgets::id_combo(
                            ui,
                            &format!("service{i}"),
                            &format!("{} {}", t::F_SERVICE, i + 1),
                            &mut s.service_id,
                            &items,
                        );
                        error_text(ui, err(&self.errors, &key("service")));
                    });
                    ui.vertical(|ui| {
                        date_input(ui, &format!("svc_start{i}"), &mut s.start, None)
                            .accessible_name(format!("{} {}", t::F_START, i + 1));
                        error_text(ui, err(&self.errors, &key("start")));
                    });
                    ui.vertical(|ui| {
                        date_input(ui, &format!("svc_end{i}"), &mut s.end, None)
                            .accessible_name(format!("{} {}", t::F_END, i + 1));
                        error_text(ui, err(&self.errors, &key("end")));
                    });
                    ui.add_sized(
                        egui::vec2(160.0, crate::ui::theme::ROW_HEIGHT),
                        TextEdit::singleline(&mut s.note),
                    )
                    .accessible_name(format!("{} {}", t::F_NOTE, i + 1));
                    if ui.small_button(t::REMOVE).clicked() {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
            });
        if let Some(i) = remove {
            self.draft.services.remove(i);
            self.errors.retain(|k, _| !k.starts_with("services."));
        }
        if ui.button(t::ADD_SERVICE).clicked() {
            self.draft.services.push(ServiceDraft::default());
        }
    }
}
