//! The editable catalogues: district offices, industries with their professional holidays,
//! services, indicator kinds.

use egui::{RichText, TextEdit, Ui};

use super::Cmd;
use crate::admin::draft::check_catalog_entry;
use crate::admin::{CatalogEntry, CatalogKind, Catalogs};
use crate::domain::FieldError;
use crate::i18n::{self as t, Describe};
use crate::ui::command::Command;
use crate::ui::theme;

#[derive(Default)]
pub struct CatalogsScreen {
    /// The entry being edited: which catalogue and its draft.
    pub editing: Option<(CatalogKind, CatalogEntry)>,
    pub error: Option<(CatalogKind, FieldError)>,
}

impl CatalogsScreen {
    pub fn saved(&mut self, kind: CatalogKind) {
        if self.editing.as_ref().is_some_and(|(k, _)| *k == kind) {
            self.editing = None;
        }
        self.error = None;
    }

    pub fn failed(&mut self, kind: CatalogKind, e: FieldError) {
        self.error = Some((kind, e));
    }

    pub fn ui(&mut self, ui: &mut Ui, catalogs: &Catalogs) -> Vec<Command> {
        let mut out = Vec::new();
        ui.heading(t::NAV_CATALOGS);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let districts: Vec<CatalogEntry> = catalogs
                    .districts
                    .iter()
                    .map(|d| CatalogEntry {
                        id: Some(d.id),
                        name: d.name.clone(),
                        ..Default::default()
                    })
                    .collect();
                self.section_ui(
                    ui,
                    CatalogKind::Districts,
                    t::CAT_DISTRICTS,
                    &districts,
                    None,
                    &mut out,
                );
                let industries: Vec<CatalogEntry> = catalogs
                    .industries
                    .iter()
                    .map(|i| CatalogEntry {
                        id: Some(i.id),
                        name: i.name.clone(),
                        extra: i.holiday_name.clone(),
                        extra2: i.holiday_rule.clone(),
                    })
                    .collect();
                self.section_ui(
                    ui,
                    CatalogKind::Industries,
                    t::CAT_INDUSTRIES,
                    &industries,
                    Some((t::F_HOLIDAY, Some(t::F_HOLIDAY_RULE))),
                    &mut out,
                );
                let services: Vec<CatalogEntry> = catalogs
                    .services
                    .iter()
                    .map(|d| CatalogEntry {
                        id: Some(d.id),
                        name: d.name.clone(),
                        ..Default::default()
                    })
                    .collect();
                self.section_ui(
                    ui,
                    CatalogKind::Services,
                    t::CAT_SERVICES,
                    &services,
                    None,
                    &mut out,
                );
                let kinds: Vec<CatalogEntry> = catalogs
                    .indicator_kinds
                    .iter()
                    .map(|k| CatalogEntry {
                        id: Some(k.id),
                        name: k.name.clone(),
                        extra: k.unit.clone(),
                        ..Default::default()
                    })
                    .collect();
                self.section_ui(
                    ui,
                    CatalogKind::IndicatorKinds,
                    t::CAT_INDICATORS,
                    &kinds,
                    Some((t::F_UNIT, None)),
                    &mut out,
                );
            });
        out
    }

    fn section_ui(
        &mut self,
        ui: &mut Ui,
        kind: CatalogKind,
        title: &str,
        entries: &[CatalogEntry],
        extra: Option<(&str, Option<&str>)>,
        out: &mut Vec<Command>,
    ) {
        egui::CollapsingHeader::new(RichText::new(title).strong())
            .default_open(true)
            .show(ui, |ui| {
                egui::Grid::new(title)
                    .striped(true)
                    .num_columns(4)
                    .show(ui, |ui| {
                        for e in entries {
                            let editing = self
                                .editing
                                .as_ref()
                                .is_some_and(|(k, d)| *k == kind && d.id == e.id);
                            if editing {
                                self.edit_row_ui(ui, kind, extra, out);
                            } else {
                                ui.label(&e.name);
                                match extra {
                                    Some((_, Some(_))) => {
                                        // The rule in words, as people say it, and its code.
                                        let words =
                                            crate::i18n::labels::holiday_rule_words(&e.extra2);
                                        ui.label(format!("{} — {words}", e.extra))
                                            .on_hover_text(&e.extra2);
                                    }
                                    Some(_) => {
                                        ui.label(&e.extra);
                                    }
                                    None => {
                                        ui.label("");
                                    }
                                }
                                if ui.small_button(t::EDIT).clicked() {
                                    self.editing = Some((kind, e.clone()));
                                    self.error = None;
                                }
                            }
                            ui.end_row();
                        }
                        let adding = self
                            .editing
                            .as_ref()
                            .is_some_and(|(k, d)| *k == kind && d.id.is_none());
                        if adding {
                            self.edit_row_ui(ui, kind, extra, out);
                            ui.end_row();
                        }
                    });
                if let Some((k, e)) = &self.error
                    && *k == kind
                {
                    ui.label(RichText::new(e.describe()).color(theme::ERROR));
                }
                if ui.small_button(t::ADD).clicked() {
                    self.editing = Some((kind, CatalogEntry::default()));
                    self.error = None;
                }
            });
    }

    fn edit_row_ui(
        &mut self,
        ui: &mut Ui,
        kind: CatalogKind,
        extra: Option<(&str, Option<&str>)>,
        out: &mut Vec<Command>,
    ) {
        let Some((_, d)) = &mut self.editing else {
            return;
        };
        ui.add(
            TextEdit::singleline(&mut d.name)
                .desired_width(260.0)
                .hint_text(t::F_NAME_GENERIC),
        );
        match extra {
            Some((hint, hint2)) => {
                ui.horizontal(|ui| {
                    ui.add(
                        TextEdit::singleline(&mut d.extra)
                            .desired_width(200.0)
                            .hint_text(hint),
                    );
                    if let Some(h2) = hint2 {
                        ui.add(
                            TextEdit::singleline(&mut d.extra2)
                                .desired_width(90.0)
                                .hint_text(h2),
                        );
                    }
                });
            }
            None => {
                ui.label("");
            }
        }
        let (save, cancel) = ui
            .horizontal(|ui| {
                (
                    ui.small_button(t::SAVE).clicked(),
                    ui.small_button(t::CANCEL).clicked(),
                )
            })
            .inner;
        if save {
            match check_catalog_entry(kind, d) {
                Ok(()) => out.push(Cmd::SaveCatalog(kind, d.clone()).into()),
                Err(e) => self.error = Some((kind, e)),
            }
        }
        if cancel {
            self.editing = None;
            self.error = None;
        }
    }
}
