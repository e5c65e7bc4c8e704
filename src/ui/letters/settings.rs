//! «Бланк и шаблоны»: the company's requisites for the letterhead, the numbering scheme, and the
//! editable letter templates (checked before they are saved).

use egui::{RichText, TextEdit, Ui};

use super::Cmd;
use crate::admin::draft::check_company;
use crate::admin::service as admin;
use crate::domain::FieldErrors;
use crate::i18n::fields;
use crate::i18n::{self as t, Describe};
use crate::letters::service;
use crate::letters::template::check_template;
use crate::letters::{LetterError, Template, TemplateError};
use crate::pdf::Company;
use crate::storage::StorageError;
use crate::storage::settings::Editable;
use crate::ui::command::{Ask, Command, Cx, Route};
use crate::ui::editor::Editor;
use crate::ui::stale::{self, Stale, stale_ui};
use crate::ui::theme;
use crate::ui::widgets::{ConflictAnswer, err, form_grid, text_row};

#[derive(Default)]
pub struct SettingsScreen {
    /// The requisites and templates as saved, to tell whether anything was edited.
    saved_company: Company,
    saved_templates: Vec<Template>,
    pub company: Company,
    pub company_errors: FieldErrors,
    pub logo_path: String,
    pub templates: Vec<Template>,
    pub selected: Option<usize>,
    pub template_error: Option<TemplateError>,
    /// Why the logo file was not taken.
    pub logo_error: Option<String>,
    /// Requisites another instance saved meanwhile.
    pub stale_company: Option<Stale<Company>>,
    /// A template another instance saved meanwhile, by its index.
    pub stale_template: Option<(usize, Stale<Template>)>,
    /// The group of fields the picker shows.
    pub field_group: usize,
    /// The saved requisites did not read: the shipped ones are shown, and why.
    pub unreadable: Option<String>,
}

impl SettingsScreen {
    /// Shows what the database holds (the edits, if any, are dropped); requisites that do not
    /// read come as the shipped ones with the reason, to be checked and saved.
    pub fn load(&mut self, company: Editable<Company>, templates: Vec<Template>) {
        self.unreadable = company.unreadable.map(|e| e.describe());
        self.saved_company = company.value.clone();
        self.company = company.value;
        self.saved_templates = templates.clone();
        self.templates = templates;
        self.company_errors.clear();
        self.template_error = None;
    }

    /// Drops the edits.
    pub fn discard(&mut self) {
        self.company = self.saved_company.clone();
        self.templates = self.saved_templates.clone();
        self.selected = self.selected.filter(|i| *i < self.templates.len());
        self.company_errors.clear();
        self.template_error = None;
    }

    /// Saves the requisites if they changed; `false` when they were refused or not saved.
    fn save_company(&mut self, cx: &mut Cx) -> bool {
        if self.company == self.saved_company && self.unreadable.is_none() {
            return true;
        }
        if !self.check_company() {
            return false;
        }
        // What is saved does not read: there is nothing to compare it with.
        let base = self.unreadable.is_none().then_some(&self.saved_company);
        match admin::save_company_over(cx.db, &cx.actor(), base, &self.company) {
            Ok(()) => {
                self.saved_company = self.company.clone();
                self.unreadable = None;
                true
            }
            Err(admin::AdminError::Storage(StorageError::ChangedMeanwhile(_))) => {
                let theirs = admin::company(cx.db);
                let (base, mine) = (&self.saved_company, &self.company);
                self.stale_company = stale::refused(cx, Some(base), mine, theirs, fields::company);
                false
            }
            Err(e) => {
                cx.error(t::save_failed(&e.describe()));
                false
            }
        }
    }

    /// Saves the template `i` if it changed; `false` when it was refused or not saved.
    fn save_template(&mut self, i: usize, cx: &mut Cx) -> bool {
        let Some(tpl) = self.templates.get(i).cloned() else {
            return true;
        };
        if self.saved_templates.get(i) == Some(&tpl) {
            return true;
        }
        self.selected = Some(i);
        if !self.check_template() {
            return false;
        }
        let base = self.saved_templates.get(i).filter(|b| b.code == tpl.code);
        match service::save_template_over(cx.db, &cx.actor(), base, &tpl) {
            Ok(id) => {
                self.templates[i].id = Some(id);
                let saved = self.templates[i].clone();
                match self.saved_templates.get_mut(i) {
                    Some(t) => *t = saved,
                    None => self.saved_templates.push(saved),
                }
                true
            }
            Err(LetterError::Storage(StorageError::ChangedMeanwhile(_))) => {
                if let Some(theirs) = service::template(cx.db, &tpl.code).transpose() {
                    self.stale_template =
                        stale::refused(cx, base, &tpl, theirs, fields::template).map(|s| (i, s));
                }
                false
            }
            Err(e) => {
                cx.error(t::save_failed(&e.describe()));
                false
            }
        }
    }

    /// «Запись изменилась…» for the requisites or a template: keep mine (saved over theirs),
    /// take theirs, or go on editing.
    fn stale_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        if let Some((answer, theirs)) = stale_ui(ui.ctx(), &mut self.stale_company) {
            self.saved_company = theirs.clone();
            match answer {
                ConflictAnswer::KeepMine => out.push(Cmd::SaveCompany.into()),
                ConflictAnswer::TakeTheirs => self.company = theirs,
                ConflictAnswer::Cancel => {}
            }
        }
        let Some(i) = self.stale_template.as_ref().map(|s| s.0) else {
            return;
        };
        let mut stale = self.stale_template.take().map(|s| s.1);
        let Some((answer, theirs)) = stale_ui(ui.ctx(), &mut stale) else {
            self.stale_template = stale.map(|s| (i, s));
            return;
        };
        if let Some(saved) = self.saved_templates.get_mut(i) {
            *saved = theirs.clone();
        }
        match answer {
            ConflictAnswer::KeepMine => {
                self.selected = Some(i);
                out.push(Cmd::SaveTemplate.into());
            }
            ConflictAnswer::TakeTheirs => {
                if let Some(t) = self.templates.get_mut(i) {
                    *t = theirs;
                }
            }
            ConflictAnswer::Cancel => {}
        }
    }

    /// «Сохранить» of the requisites.
    pub fn save_requisites(&mut self, cx: &mut Cx) {
        if self.save_company(cx) {
            cx.info(t::SAVED);
        } else {
            cx.error(t::SAVE_REFUSED);
        }
    }

    /// «Сохранить шаблон» of the selected template.
    pub fn save_selected_template(&mut self, cx: &mut Cx) {
        let Some(i) = self.selected else { return };
        if self.save_template(i, cx) {
            cx.info(t::SAVED);
        } else {
            cx.error(t::SAVE_REFUSED);
        }
    }

    /// Checks the requisites; the errors go beside the fields.
    pub fn check_company(&mut self) -> bool {
        self.company_errors = check_company(&self.company);
        self.company_errors.is_empty()
    }

    /// Renders the selected template with empty values: a syntax error or an unknown field is
    /// reported with its line, and the template is not saved.
    pub fn check_template(&mut self) -> bool {
        let Some(tpl) = self.selected.and_then(|i| self.templates.get(i)) else {
            return false;
        };
        self.template_error = check_template(&tpl.heading, &tpl.body).err();
        self.template_error.is_none()
    }

    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut out = Vec::new();
        self.stale_ui(ui, &mut out);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.heading(t::NAV_SETTINGS);
                if let Some(why) = &self.unreadable {
                    crate::ui::widgets::message(ui, &t::setting_shown_as_default(why));
                }
                egui::CollapsingHeader::new(RichText::new(t::COMPANY_SECTION).strong())
                    .default_open(true)
                    .show(ui, |ui| self.company_ui(ui, &mut out));
                egui::CollapsingHeader::new(RichText::new(t::TEMPLATES_SECTION).strong())
                    .default_open(true)
                    .show(ui, |ui| self.templates_ui(ui, &mut out));
            });
        out
    }

    fn company_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        // An error goes as soon as its field is right.
        let fresh = check_company(&self.company);
        crate::ui::widgets::forget_fixed(
            &mut self.company_errors,
            if fresh.is_empty() { Ok(()) } else { Err(fresh) },
        );
        let e = &self.company_errors.clone();
        let c = &mut self.company;
        form_grid("company").show(ui, |ui| {
            text_row(ui, t::C_NAME, &mut c.name, err(e, "name"));
            text_row(ui, t::C_SHORT_NAME, &mut c.short_name, None);
            text_row(ui, t::C_ADDRESS, &mut c.address, None);
            text_row(ui, t::C_PHONES, &mut c.phones, None);
            text_row(ui, t::F_EMAIL, &mut c.email, None);
            text_row(ui, t::C_SITE, &mut c.site, None);
            text_row(ui, t::C_OKPO, &mut c.okpo, None);
            text_row(ui, t::F_OGRN, &mut c.ogrn, err(e, "ogrn"));
            text_row(ui, t::F_INN, &mut c.inn, err(e, "inn"));
            text_row(ui, t::F_KPP, &mut c.kpp, err(e, "kpp"));
            text_row(
                ui,
                t::C_NUMBER_FORMAT,
                &mut c.number_format,
                err(e, "number_format"),
            );
            text_row(ui, t::C_UNIT, &mut c.unit, None);
            text_row(
                ui,
                t::C_DIRECTOR_POSITION,
                &mut c.director_position,
                err(e, "director_position"),
            );
            text_row(
                ui,
                t::C_DIRECTOR_NAME,
                &mut c.director_name,
                err(e, "director_name"),
            );
            ui.label(t::C_LOGO);
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    if let Some(c) = crate::ui::widgets::path_field(
                        ui,
                        t::FILE_PATH,
                        &mut self.logo_path,
                        || Ask::open(&["png"], |p| Cmd::LogoPath(p).into()),
                    ) {
                        out.push(c);
                    }
                    if ui
                        .add_enabled(
                            !self.logo_path.trim().is_empty(),
                            egui::Button::new(t::LOAD),
                        )
                        .on_disabled_hover_text(crate::words::PATH_FIRST)
                        .clicked()
                    {
                        out.push(Cmd::LoadLogo(self.logo_path.clone()).into());
                    }
                });
                ui.checkbox(&mut c.show_logo, t::SHOW_LOGO);
                let state = if c.logo_png.is_some() {
                    t::LOGO_LOADED
                } else {
                    t::NO_LOGO
                };
                ui.label(RichText::new(state).small().color(theme::MUTED));
                if let Some(e) = &self.logo_error {
                    crate::ui::widgets::message(ui, e);
                }
            });
            ui.end_row();
        });
        ui.label(
            RichText::new(t::NUMBER_FORMAT_HINT)
                .small()
                .color(theme::MUTED),
        );
        if ui.button(t::SAVE).clicked() && self.check_company() {
            out.push(Cmd::SaveCompany.into());
        }
    }

    fn templates_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        ui.label(
            RichText::new(t::TEMPLATE_FIELDS_HINT)
                .small()
                .color(theme::MUTED),
        );
        ui.horizontal_wrapped(|ui| {
            for (i, tpl) in self.templates.iter().enumerate() {
                if ui
                    .selectable_label(self.selected == Some(i), &tpl.title)
                    .clicked()
                {
                    self.selected = Some(i);
                    self.template_error = None;
                }
            }
            if ui.button(t::NEW_TEMPLATE).clicked() {
                let n = self.templates.len() + 1;
                self.templates.push(Template {
                    code: format!("custom_{n}"),
                    title: t::new_template_title(n),
                    ..Default::default()
                });
                self.selected = Some(self.templates.len() - 1);
            }
        });
        let Some(i) = self.selected.filter(|i| *i < self.templates.len()) else {
            return;
        };
        let tpl = &mut self.templates[i];
        form_grid("template").show(ui, |ui| {
            text_row(ui, t::F_TITLE, &mut tpl.title, None);
            text_row(ui, t::F_HEADING, &mut tpl.heading, None);
            let l = ui.label(t::F_BODY);
            ui.vertical(|ui| {
                // The field picker: a group, then a field of it; the placeholder goes in where
                // the cursor is, spelt right.
                let body_id = egui::Id::unique("template_body");
                let group_of = |label: &'static str| label.split_once(':').map_or(label, |g| g.0);
                let mut groups: Vec<&str> = Vec::new();
                for (_, label) in t::TEMPLATE_FIELD_LABELS {
                    if !groups.contains(&group_of(label)) {
                        groups.push(group_of(label));
                    }
                }
                let mut chosen: Option<&str> = None;
                ui.horizontal(|ui| {
                    let current = groups.get(self.field_group).copied().unwrap_or_default();
                    egui::ComboBox::from_id_salt("template_field_group")
                        .selected_text(current)
                        .show_ui(ui, |ui| {
                            for (k, g) in groups.iter().enumerate() {
                                ui.selectable_value(&mut self.field_group, k, *g);
                            }
                        })
                        .response
                        .accessible_name(t::FIELD_GROUP);
                    egui::ComboBox::from_id_salt("template_field_picker")
                        .selected_text(t::INSERT_FIELD)
                        .width(300.0)
                        .show_ui(ui, |ui| {
                            for (name, label) in t::TEMPLATE_FIELD_LABELS
                                .into_iter()
                                .filter(|(_, l)| group_of(l) == current)
                            {
                                let what = label.split_once(':').map_or(label, |x| x.1).trim();
                                if ui
                                    .selectable_label(false, format!("{what} — {{{{ {name} }}}}"))
                                    .clicked()
                                {
                                    chosen = Some(name);
                                }
                            }
                        })
                        .response
                        .accessible_name(t::INSERT_FIELD);
                });
                if let Some(name) = chosen {
                    let at = TextEdit::load_state(ui.ctx(), body_id)
                        .and_then(|s| s.cursor.char_range())
                        .map_or(tpl.body.chars().count(), |r| r.primary.index.into());
                    let byte = tpl
                        .body
                        .char_indices()
                        .nth(at)
                        .map_or(tpl.body.len(), |(b, _)| b);
                    tpl.body.insert_str(byte, &format!("{{{{ {name} }}}}"));
                }
                ui.add(
                    TextEdit::multiline(&mut tpl.body)
                        .id(body_id)
                        .desired_rows(10)
                        .desired_width(crate::ui::widgets::field_width(ui))
                        .code_editor(),
                )
                .labelled_by(l.id);
            });
            ui.end_row();
        });
        if let Some(e) = &self.template_error {
            ui.label(RichText::new(e.describe()).color(theme::ERROR));
        }
        ui.horizontal(|ui| {
            if ui.button(t::CHECK_TEMPLATE).clicked() && self.check_template() {
                self.template_error = None;
            }
            if ui.button(t::SAVE_TEMPLATE).clicked() && self.check_template() {
                out.push(Cmd::SaveTemplate.into());
            }
        });
    }
}

impl Editor for SettingsScreen {
    fn is_dirty(&self) -> bool {
        self.company != self.saved_company || self.templates != self.saved_templates
    }

    fn shows(&self, route: &Route) -> bool {
        *route == Route::Settings
    }

    /// Saves the requisites and every edited template; stops at the first refusal.
    fn save(&mut self, cx: &mut Cx) -> bool {
        let saved =
            self.save_company(cx) && (0..self.templates.len()).all(|i| self.save_template(i, cx));
        if saved {
            cx.info(t::SAVED);
        } else {
            cx.error(t::SAVE_REFUSED);
        }
        saved
    }
}
