//! «Бланк и шаблоны»: the company's requisites for the letterhead, the numbering scheme, and the
//! editable letter templates (checked before they are saved).

use egui::{RichText, TextEdit, Ui};

use super::app::Command;
use super::theme;
use super::widgets::{err, error_text, form_grid, text_row};
use crate::domain::draft::FieldErrors;
use crate::domain::letter::{Template, TemplateContext, render_template};
use crate::domain::validate;
use crate::i18n as t;
use crate::pdf::Company;

#[derive(Default)]
pub struct SettingsScreen {
    pub company: Company,
    pub company_errors: FieldErrors,
    pub logo_path: String,
    pub templates: Vec<Template>,
    pub selected: Option<usize>,
    pub template_error: Option<String>,
}

impl SettingsScreen {
    /// Checks the requisites; the errors go beside the fields.
    pub fn check_company(&mut self) -> bool {
        let c = &self.company;
        let mut e = FieldErrors::new();
        if c.name.trim().is_empty() {
            e.insert("name".into(), t::ERR_REQUIRED.into());
        }
        if !c.inn.trim().is_empty()
            && let Err(m) = validate::check_inn(&c.inn)
        {
            e.insert("inn".into(), m);
        }
        if !c.kpp.trim().is_empty()
            && let Err(m) = validate::check_kpp(&c.kpp)
        {
            e.insert("kpp".into(), m);
        }
        if !c.ogrn.trim().is_empty()
            && let Err(m) = validate::check_ogrn(&c.ogrn)
        {
            e.insert("ogrn".into(), m);
        }
        if !c.number_format.contains("{n}") {
            e.insert("number_format".into(), t::ERR_NUMBER_FORMAT.into());
        }
        self.company_errors = e;
        self.company_errors.is_empty()
    }

    /// Renders the selected template with empty values: a syntax error or an unknown field is
    /// reported with its line, and the template is not saved.
    pub fn check_template(&mut self) -> bool {
        let Some(tpl) = self.selected.and_then(|i| self.templates.get(i)) else {
            return false;
        };
        let ctx = TemplateContext::default();
        let result =
            render_template(&tpl.heading, &ctx).and_then(|_| render_template(&tpl.body, &ctx));
        self.template_error = result.err().map(|e| e.message);
        self.template_error.is_none()
    }

    pub fn ui(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut out = Vec::new();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.heading(t::NAV_SETTINGS);
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
            ui.label(t::C_LOGO);
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    let l = ui.label(t::FILE_PATH);
                    ui.add(TextEdit::singleline(&mut self.logo_path).desired_width(220.0))
                        .labelled_by(l.id);
                    if ui.button(t::BROWSE).clicked() {
                        out.push(Command::AskPath(super::dialogs::DialogPurpose::Logo, None));
                    }
                    if ui
                        .add_enabled(
                            !self.logo_path.trim().is_empty(),
                            egui::Button::new(t::LOAD),
                        )
                        .clicked()
                    {
                        out.push(Command::LoadPng(
                            super::app::PngTarget::Logo,
                            self.logo_path.clone(),
                        ));
                    }
                });
                ui.checkbox(&mut c.show_logo, t::SHOW_LOGO);
                let state = if c.logo_png.is_some() {
                    t::LOGO_LOADED
                } else {
                    t::NO_LOGO
                };
                ui.label(RichText::new(state).small().color(theme::MUTED));
                error_text(ui, self.company_errors.get("logo"));
            });
            ui.end_row();
        });
        ui.label(
            RichText::new(t::NUMBER_FORMAT_HINT)
                .small()
                .color(theme::MUTED),
        );
        if ui.button(t::SAVE).clicked() && self.check_company() {
            out.push(Command::SaveCompany(Box::new(self.company.clone())));
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
            ui.add(
                TextEdit::multiline(&mut tpl.body)
                    .desired_rows(10)
                    .desired_width(520.0)
                    .code_editor(),
            )
            .labelled_by(l.id);
            ui.end_row();
        });
        if let Some(e) = &self.template_error {
            ui.label(RichText::new(e).color(theme::ERROR));
        }
        ui.horizontal(|ui| {
            if ui.button(t::CHECK_TEMPLATE).clicked() && self.check_template() {
                self.template_error = None;
            }
            if ui.button(t::SAVE_TEMPLATE).clicked() && self.check_template() {
                out.push(Command::SaveTemplate(Box::new(self.templates[i].clone())));
            }
        });
    }
}
