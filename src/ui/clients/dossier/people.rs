//! «Руководители и контакты»: the people with their phones, category and forms for letters.

use super::*;

impl DossierEditor {
    pub(super) fn people_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            if ui.button(t::ADD_PERSON).clicked() {
                // Its own uuid from the start: saved, it is found again and stays selected.
                self.draft.people.push(PersonDraft {
                    uuid: crate::domain::new_uuid(),
                    ..PersonDraft::default()
                });
                self.person = Some(self.draft.people.len() - 1);
            }
            if let Some(i) = self.person
                && i < self.draft.people.len()
                && ui.button(t::REMOVE_PERSON).clicked()
            {
                self.draft.people.remove(i);
                self.person = None;
                self.errors.retain(|k, _| !k.starts_with("people."));
            }
        });
        // Columns that fit the dossier's width: the name and the position give way (whole on
        // hover), the category and the birthday keep theirs.
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        let mut clicked = None;
        egui_extras::TableBuilder::new(ui)
            .id_salt("people_list")
            .striped(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(egui_extras::Column::remainder().at_least(140.0).clip(true))
            .column(egui_extras::Column::remainder().at_least(120.0).clip(true))
            .column(egui_extras::Column::auto().at_least(50.0))
            .column(egui_extras::Column::auto().at_least(86.0))
            .max_scroll_height(row_h * 8.0)
            .body(|mut body| {
                for (i, p) in self.draft.people.iter().enumerate() {
                    let name = if p.surname.trim().is_empty() {
                        t::NEW_PERSON.to_string()
                    } else {
                        p.display_name()
                    };
                    let has_err = self
                        .errors
                        .keys()
                        .any(|k| k.starts_with(&format!("people.{i}.")));
                    let text = if has_err {
                        RichText::new(format!("{name} (!)")).color(theme::ERROR)
                    } else {
                        RichText::new(name.clone())
                    };
                    body.row(row_h, |mut row| {
                        row.col(|ui| {
                            if ui
                                .selectable_label(self.person == Some(i), text)
                                .on_hover_text(&name)
                                .clicked()
                            {
                                clicked = Some(i);
                            }
                        });
                        row.col(|ui| {
                            ui.add(
                                egui::Label::new(&p.position)
                                    .truncate()
                                    .show_tooltip_when_elided(false),
                            )
                            .on_hover_text(&p.position);
                        });
                        row.col(|ui| {
                            crate::ui::widgets::cell(
                                ui,
                                p.category.map(t::category_label).unwrap_or_default(),
                            );
                        });
                        row.col(|ui| {
                            crate::ui::widgets::cell(ui, &p.birthday);
                        });
                    });
                }
            });
        if clicked.is_some() {
            self.person = clicked;
        }
        ui.separator();
        let Some(i) = self.person.filter(|i| *i < self.draft.people.len()) else {
            return;
        };
        let e = &self.errors;
        let key = |f: &str| format!("people.{i}.{f}");
        let p = &mut self.draft.people[i];
        form_grid("person").show(ui, |ui| {
            let before = p.clone();
            text_row(ui, t::F_SURNAME, &mut p.surname, err(e, &key("surname")));
            text_row(ui, t::F_NAME, &mut p.name, None);
            text_row(ui, t::F_PATRONYMIC, &mut p.patronymic, None);
            ui.label(t::F_GENDER);
            ui.horizontal(|ui| {
                ui.radio_value(&mut p.gender, Some(Gender::Male), t::GENDER_M);
                ui.radio_value(&mut p.gender, Some(Gender::Female), t::GENDER_F);
            });
            ui.end_row();
            text_row(ui, t::F_POSITION, &mut p.position, None);
            ui.label(t::F_CATEGORY);
            ui.horizontal_wrapped(|ui| {
                ui.radio_value(&mut p.category, None, "—");
                for c in 1..=3u8 {
                    ui.radio_value(&mut p.category, Some(c), t::category_label(c))
                        .on_hover_text(t::category_hint(c));
                }
            });
            ui.end_row();
            date_row(
                ui,
                t::F_BIRTHDAY,
                &format!("birthday{i}"),
                &mut p.birthday,
                err(e, &key("birthday")),
            );
            text_row(ui, t::F_PHONES, &mut p.phones, err(e, &key("phones")));
            text_row(ui, t::F_EMAIL, &mut p.email, err(e, &key("email")));
            text_row(ui, t::F_ADDRESS_AS, &mut p.address_as, None);
            text_row(ui, t::F_NAME_DATIVE, &mut p.name_dative, None);
            text_row(ui, t::F_POSITION_DATIVE, &mut p.position_dative, None);
            ui.label("");
            if ui.button(t::REGENERATE_DATIVE).clicked() {
                p.regenerate();
            }
            ui.end_row();
            multiline_row(ui, t::F_NOTES, &mut p.notes, 3);
            // The person's gifts and gift ideas (a saved person: they are kept against the id).
            if let Some(id) = p.id {
                ui.label("");
                if ui.button(t::GIFTS_OF_PERSON).clicked() {
                    out.push(Command::Open(Route::PersonGifts(id)));
                }
                ui.end_row();
            }
            // Generated forms follow the name until the user edits them.
            if p.surname != before.surname
                || p.name != before.name
                || p.patronymic != before.patronymic
                || p.position != before.position
            {
                p.refresh_generated(&before);
            }
        });
    }
}
