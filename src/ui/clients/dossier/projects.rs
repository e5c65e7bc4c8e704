//! «Проекты»: projects with their stages, planned and actual dates.

use super::*;

impl DossierEditor {
    pub(super) fn projects_ui(&mut self, ui: &mut Ui) {
        let mut remove = None;
        for (i, p) in self.draft.projects.iter_mut().enumerate() {
            let key = |f: &str| format!("projects.{i}.{f}");
            let title = if p.title.trim().is_empty() {
                t::NEW_PROJECT.to_string()
            } else {
                p.title.clone()
            };
            egui::CollapsingHeader::new(format!("{title} — {}", p.status.label()))
                .id_salt(format!("project{i}"))
                .default_open(p.id.is_none())
                .show(ui, |ui| {
                    form_grid(&format!("project_grid{i}")).show(ui, |ui| {
                        text_row(
                            ui,
                            t::F_TITLE,
                            &mut p.title,
                            err(&self.errors, &key("title")),
                        );
                        multiline_row(ui, t::F_GOAL, &mut p.goal, 2);
                        ui.label(t::F_STATUS);
                        ui.horizontal(|ui| {
                            for s in ProjectStatus::ALL.iter().copied() {
                                ui.radio_value(&mut p.status, s, s.label());
                            }
                        });
                        ui.end_row();
                        date_row(
                            ui,
                            t::F_START,
                            &format!("p_start{i}"),
                            &mut p.start,
                            err(&self.errors, &key("start")),
                        );
                        date_row(
                            ui,
                            t::F_END,
                            &format!("p_end{i}"),
                            &mut p.end,
                            err(&self.errors, &key("end")),
                        );
                    });
                    ui.label(RichText::new(t::STAGES).strong());
                    let mut remove_stage = None;
                    egui::Grid::new(format!("stages{i}"))
                        .num_columns(5)
                        .spacing([8.0, 4.0])
                        .show(ui, |ui| {
                            ui.label(t::F_STAGE);
                            ui.label(t::F_PLANNED);
                            ui.label(t::F_ACTUAL);
                            ui.label(t::F_RESULT);
                            ui.end_row();
                            for (j, s) in p.stages.iter_mut().enumerate() {
                                let skey = |f: &str| format!("projects.{i}.stages.{j}.{f}");
                                ui.vertical(|ui| {
                                    ui.add_sized(
                                        egui::vec2(220.0, crate::ui::theme::ROW_HEIGHT),
                                        TextEdit::singleline(&mut s.title),
                                    )
                                    .accessible_name(format!("{} {}", t::F_STAGE, j + 1));
                                    error_text(ui, err(&self.errors, &skey("title")));
                                });
                                ui.vertical(|ui| {
                                    date_input(ui, &format!("st_pl{i}_{j}"), &mut s.planned, None)
                                        .accessible_name(format!("{} {}", t::F_PLANNED, j + 1));
                                    error_text(ui, err(&self.errors, &skey("planned")));
                                });
                                ui.vertical(|ui| {
                                    date_input(ui, &format!("st_ac{i}_{j}"), &mut s.actual, None)
                                        .accessible_name(format!("{} {}", t::F_ACTUAL, j + 1));
                                    error_text(ui, err(&self.errors, &skey("actual")));
                                });
                                ui.add_sized(
                                    egui::vec2(180.0, crate::ui::theme::ROW_HEIGHT),
                                    TextEdit::singleline(&mut s.result),
                                )
                                .accessible_name(format!(
                                    "{} {}",
                                    t::F_RESULT,
                                    j + 1
                                ));
                                if ui.small_button(t::REMOVE).clicked() {
                                    remove_stage = Some(j);
                                }
                                ui.end_row();
                            }
                        });
                    if let Some(j) = remove_stage {
                        p.stages.remove(j);
                    }
                    ui.horizontal(|ui| {
                        if ui.small_button(t::ADD_STAGE).clicked() {
                            p.stages.push(StageDraft::default());
                        }
                        if ui.small_button(t::REMOVE_PROJECT).clicked() {
                            remove = Some(i);
                        }
                    });
                });
        }
        if let Some(i) = remove {
            self.draft.projects.remove(i);
            self.errors.retain(|k, _| !k.starts_with("projects."));
        }
        if ui.button(t::ADD_PROJECT).clicked() {
            self.draft.projects.push(ProjectDraft::default());
        }
    }
}
