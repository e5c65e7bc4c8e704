//! «Переписка и файлы»: notes and letters in and out, with their files.

use super::*;

impl DossierEditor {
    pub(super) fn records_ui(&mut self, ui: &mut Ui, today: NaiveDate, out: &mut Vec<Command>) {
        self.record_paths
            .resize(self.draft.records.len(), String::new());
        if ui.button(t::ADD_RECORD).clicked() {
            self.draft.records.insert(
                0,
                RecordDraft {
                    date: fmt::date(today),
                    ..Default::default()
                },
            );
            self.record_paths.insert(0, String::new());
        }
        let mut remove = None;
        for (i, r) in self.draft.records.iter_mut().enumerate() {
            let key = |f: &str| format!("records.{i}.{f}");
            egui::Frame::group(ui.style()).show(ui, |ui| {
                form_grid(&format!("record{i}")).show(ui, |ui| {
                    date_row(
                        ui,
                        t::F_DATE,
                        &format!("rec_date{i}"),
                        &mut r.date,
                        err(&self.errors, &key("date")),
                    );
                    ui.label(t::F_DIRECTION);
                    ui.horizontal(|ui| {
                        for d in Direction::ALL.iter().copied() {
                            ui.radio_value(&mut r.direction, d, d.label());
                        }
                    });
                    ui.end_row();
                    text_row(ui, t::F_NUMBER, &mut r.number, None);
                    text_row(
                        ui,
                        t::F_SUBJECT,
                        &mut r.subject,
                        err(&self.errors, &key("subject")),
                    );
                    multiline_row(ui, t::F_TEXT, &mut r.text, 3);
                    ui.label(t::F_FILE);
                    ui.vertical(|ui| {
                        if r.file_name.is_empty() {
                            ui.label(RichText::new(t::NO_FILE).color(theme::MUTED));
                        } else {
                            let state = if r.new_file.is_some() {
                                t::FILE_NOT_SAVED_YET
                            } else {
                                ""
                            };
                            ui.label(format!(
                                "{} ({}){state}",
                                r.file_name,
                                t::file_size(r.file_size)
                            ));
                        }
                        ui.horizontal(|ui| {
                            if let Some(c) = widgets::path_field(
                                ui,
                                t::FILE_PATH,
                                &mut self.record_paths[i],
                                || Ask::open(&[], move |p| Cmd::RecordPath(i, p).into()),
                            ) {
                                out.push(c);
                            }
                        });
                        ui.horizontal(|ui| {
                            let has_path = !self.record_paths[i].trim().is_empty();
                            if ui
                                .add_enabled(has_path, egui::Button::new(t::ATTACH))
                                .on_disabled_hover_text(crate::words::PATH_FIRST)
                                .clicked()
                            {
                                out.push(Cmd::Attach(i, self.record_paths[i].clone()).into());
                            }
                            let stored =
                                r.id.is_some() && !r.file_name.is_empty() && r.new_file.is_none();
                            if ui
                                .add_enabled(stored, egui::Button::new(t::OPEN_FILE))
                                .clicked()
                            {
                                out.push(Cmd::OpenFile(i).into());
                            }
                            if ui
                                .add_enabled(stored && has_path, egui::Button::new(t::SAVE_COPY))
                                .on_disabled_hover_text(crate::words::PATH_FIRST)
                                .clicked()
                            {
                                out.push(Cmd::SaveCopy(i, self.record_paths[i].clone()).into());
                            }
                            if ui
                                .add_enabled(stored, egui::Button::new(t::SAVE_COPY_DIALOG))
                                .clicked()
                            {
                                out.push(Command::AskPath(Ask::save(
                                    r.file_name.clone(),
                                    move |p| Cmd::RecordPath(i, p).into(),
                                )));
                            }
                        });
                    });
                    ui.end_row();
                });
                if ui.small_button(t::REMOVE).clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            self.draft.records.remove(i);
            self.record_paths.remove(i);
            self.errors.retain(|k, _| !k.starts_with("records."));
        }
    }
}
