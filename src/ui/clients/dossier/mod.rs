//! The dossier editor: one tab per section of the standard, editing a draft that is saved whole.

use chrono::{Datelike, Months, NaiveDate};
use egui::{RichText, TextEdit, Ui};

use super::Cmd;
use crate::admin::{Catalogs, Manager};
use crate::clients::draft::*;
use crate::clients::*;
use crate::contacts::{ClientContacts, MeetingKind, Rhythm, call_due, meeting_due};
use crate::domain::names::Gender;
use crate::domain::{Code, FieldError, FieldErrors, Id, fmt};
use crate::i18n::{self as t, Describe, Label, labels::event_detail};
use crate::overview::{Event, Link};
use crate::ui::command::{Ask, Command, Cx, Route};
use crate::ui::editor::Editor;
use crate::ui::theme;
use crate::ui::widgets::{
    self, ConflictAnswer, combo_row, date_input, date_row, err, error_text, form_grid,
    multiline_row, text_row,
};

mod contacts;
mod enterprise;
mod indicators;
mod owners;
mod people;
mod projects;
mod records;
mod services;
mod vip;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Enterprise,
    Contacts,
    Vip,
    People,
    Owners,
    Services,
    Projects,
    Indicators,
    Records,
    Journal,
}

impl Tab {
    pub const ALL: [Tab; 10] = [
        Tab::Enterprise,
        Tab::Contacts,
        Tab::Vip,
        Tab::People,
        Tab::Owners,
        Tab::Services,
        Tab::Projects,
        Tab::Indicators,
        Tab::Records,
        Tab::Journal,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Tab::Enterprise => t::TAB_ENTERPRISE,
            Tab::Contacts => t::TAB_CONTACTS,
            Tab::Vip => t::TAB_VIP,
            Tab::People => t::TAB_PEOPLE,
            Tab::Owners => t::TAB_OWNERS,
            Tab::Services => t::TAB_SERVICES,
            Tab::Projects => t::TAB_PROJECTS,
            Tab::Indicators => t::TAB_INDICATORS,
            Tab::Records => t::TAB_RECORDS,
            Tab::Journal => t::TAB_JOURNAL,
        }
    }
}

pub struct DossierEditor {
    /// The dossier as loaded: what another instance's save is told apart from.
    pub base: Option<Dossier>,
    /// Another instance changed what the user changed: both values shown, the user chooses.
    pub conflict: Option<Box<crate::clients::service::DossierConflict>>,
    /// The draft as loaded, to tell whether anything was edited.
    pub original: DossierDraft,
    pub draft: DossierDraft,
    pub errors: FieldErrors,
    pub tab: Tab,
    pub person: Option<usize>,
    pub paste_text: String,
    pub paste_message: Option<Result<usize, PasteError>>,
    pub chart_kinds: Vec<Id>,
    pub confirm_delete: bool,
    /// Per record: the path typed (or chosen) to attach a file or save a copy.
    pub record_paths: Vec<String>,
    /// The client's events, loaded with the dossier.
    pub timeline: Vec<Event>,
    /// The client's journal of changes, newest first.
    pub journal: Vec<crate::storage::journal::Entry>,
    /// The names of the records the journal names by id.
    pub journal_rows: crate::ui::admin::JournalRows,
    /// The client's contact rhythm, the day its duties began and its last contacts.
    pub contacts: Option<ClientContacts>,
    /// Whether the user may change this client (another manager's client: no, and why).
    pub may_edit: Result<(), crate::domain::Denied>,
}

impl DossierEditor {
    pub fn open(d: &Dossier) -> Self {
        let draft = DossierDraft::from_value(d);
        DossierEditor {
            base: d.client.id.is_some().then(|| d.clone()),
            conflict: None,
            original: draft.clone(),
            record_paths: vec![String::new(); draft.records.len()],
            person: (!draft.people.is_empty()).then_some(0),
            draft,
            errors: FieldErrors::new(),
            tab: Tab::Enterprise,
            paste_text: String::new(),
            paste_message: None,
            chart_kinds: Vec::new(),
            confirm_delete: false,
            timeline: Vec::new(),
            journal: Vec::new(),
            journal_rows: Default::default(),
            contacts: None,
            may_edit: Ok(()),
        }
    }

    pub fn client_id(&self) -> Option<Id> {
        self.draft.client.id
    }

    /// «Запись изменилась…»: keep mine (merged onto theirs, then saved), take theirs, or go
    /// back to editing.
    fn conflict_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let Some(c) = &self.conflict else {
            return;
        };
        let Some(answer) =
            crate::ui::widgets::conflict_modal(ui.ctx(), t::CONFLICT_TEXT, &c.conflicts)
        else {
            return;
        };
        let Some(c) = self.conflict.take() else {
            return;
        };
        match answer {
            ConflictAnswer::KeepMine => {
                self.base = Some(c.current);
                self.draft = DossierDraft::from_value(&c.merged);
                self.record_paths
                    .resize(self.draft.records.len(), String::new());
                out.push(Cmd::Save.into());
            }
            ConflictAnswer::TakeTheirs => {
                let keep = (
                    self.tab,
                    std::mem::take(&mut self.timeline),
                    self.contacts.take(),
                );
                *self = DossierEditor {
                    tab: keep.0,
                    timeline: keep.1,
                    contacts: keep.2,
                    ..DossierEditor::open(&c.current)
                };
            }
            ConflictAnswer::Cancel => {}
        }
    }

    pub fn set_record_path(&mut self, index: usize, path: String) {
        if let Some(p) = self.record_paths.get_mut(index) {
            *p = path;
        }
    }

    /// Puts a file read for the record `index` into the draft (saved with the dossier).
    pub fn attach(&mut self, index: usize, name: String, bytes: Vec<u8>) -> bool {
        let Some(r) = self.draft.records.get_mut(index) else {
            return false;
        };
        r.file_name = name;
        r.file_size = bytes.len() as i64;
        r.new_file = Some(bytes);
        true
    }

    /// The stored file of the record `index`: (record id, file name), when it has one saved.
    pub fn stored_file(&self, index: usize) -> Option<(Id, String)> {
        let r = self.draft.records.get(index)?;
        match (r.id, r.file_name.is_empty()) {
            (Some(id), false) if r.new_file.is_none() => Some((id, r.file_name.clone())),
            _ => None,
        }
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        catalogs: &Catalogs,
        managers: &[Manager],
        today: NaiveDate,
    ) -> Vec<Command> {
        let mut out = Vec::new();
        // An error beside a field goes once the field is fixed.
        crate::ui::widgets::forget_fixed(&mut self.errors, self.draft.to_value(today));
        self.conflict_ui(ui, &mut out);
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let title = if self.draft.client.short_name.trim().is_empty() {
                t::NEW_CLIENT_TITLE.to_string()
            } else {
                self.draft.client.short_name.clone()
            };
            ui.heading(title);
            if self.is_dirty() {
                ui.label(RichText::new(t::UNSAVED_MARK).color(theme::DIRTY));
            }
        });
        ui.horizontal_wrapped(|ui| {
            let save = egui::Button::new(RichText::new(t::SAVE).strong());
            if crate::ui::widgets::permitted_button(ui, save, self.may_edit).clicked() {
                out.push(Cmd::Save.into());
            }
            if ui
                .add_enabled(self.is_dirty(), egui::Button::new(t::REVERT))
                .clicked()
            {
                self.draft = self.original.clone();
                self.errors.clear();
            }
            if ui.button(t::CLOSE).clicked() {
                out.push(Cmd::Close.into());
            }
            if let Some(id) = self.draft.client.id
                && ui.button(t::NEW_LETTER).clicked()
            {
                out.push(Command::Open(Route::NewLetter(id)));
            }
            if let Some(id) = self.draft.client.id
                && ui.button(t::NEW_APPEAL).clicked()
            {
                out.push(Command::Open(Route::NewAppeal(id)));
            }
            if self.draft.client.id.is_some()
                && !self.confirm_delete
                && crate::ui::widgets::permitted_button(
                    ui,
                    egui::Button::new(t::DELETE_CLIENT),
                    self.may_edit,
                )
                .clicked()
            {
                self.confirm_delete = true;
            }
        });
        if let Some(id) = self.draft.client.id
            && self.confirm_delete
        {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(t::CONFIRM_DELETE_CLIENT).color(theme::ERROR));
                if ui.button(t::YES_DELETE).clicked() {
                    out.push(Cmd::Delete(id).into());
                    self.confirm_delete = false;
                }
                if ui.button(t::CANCEL).clicked() {
                    self.confirm_delete = false;
                }
            });
        }
        if !self.errors.is_empty() {
            ui.label(RichText::new(t::errors_count(self.errors.len())).color(theme::ERROR));
        }
        for w in self.draft.warnings() {
            ui.label(RichText::new(w.describe()).color(theme::WARNING));
        }
        ui.horizontal_wrapped(|ui| {
            for tab in Tab::ALL {
                let has_error = self.tab_has_error(tab);
                let text = if has_error {
                    RichText::new(format!("{} (!)", tab.label())).color(theme::ERROR)
                } else {
                    RichText::new(tab.label())
                };
                if ui.selectable_label(self.tab == tab, text).clicked() {
                    self.tab = tab;
                }
            }
        });
        ui.separator();
        if self.tab == Tab::Journal {
            crate::ui::admin::journal_table(ui, "dossier_journal", &mut self.journal_rows);
            return out;
        }
        egui::ScrollArea::vertical()
            // Each tab keeps its own place.
            .id_salt(("dossier_scroll", self.tab))
            .auto_shrink([false, false])
            .show(ui, |ui| match self.tab {
                Tab::Contacts => self.contacts_ui(ui, today, &mut out),
                Tab::Enterprise => self.enterprise_ui(ui, catalogs, managers, today),
                Tab::Vip => self.vip_ui(ui, today),
                Tab::People => self.people_ui(ui, &mut out),
                Tab::Owners => self.owners_ui(ui),
                Tab::Services => self.services_ui(ui, catalogs),
                Tab::Projects => self.projects_ui(ui),
                Tab::Indicators => self.indicators_ui(ui, catalogs, today),
                Tab::Records => self.records_ui(ui, today, &mut out),
                Tab::Journal => {}
            });
        out
    }

    fn tab_has_error(&self, tab: Tab) -> bool {
        let prefix = match tab {
            Tab::Enterprise => {
                return self.errors.keys().any(|k| {
                    !k.contains('.') && !k.ends_with("_every_days") && !k.ends_with("_every_months")
                });
            }
            Tab::Contacts => return self.errors.keys().any(|k| k.contains("_every_")),
            Tab::Vip => "vip.",
            Tab::People => "people.",
            Tab::Owners => "owners.",
            Tab::Services => "services.",
            Tab::Projects => "projects.",
            Tab::Indicators => "ind.",
            Tab::Records => "records.",
            Tab::Journal => return false,
        };
        self.errors.keys().any(|k| k.starts_with(prefix))
    }
}

impl Editor for DossierEditor {
    fn is_dirty(&self) -> bool {
        self.draft != self.original
    }

    fn shows(&self, route: &Route) -> bool {
        match route {
            Route::Clients => true,
            Route::Client(id, _) => self.client_id() == Some(*id),
            _ => false,
        }
    }

    /// Saves the dossier. On refusal the draft stays as it is, with its errors shown.
    fn save(&mut self, cx: &mut Cx) -> bool {
        let value = match self.draft.to_value(cx.today()) {
            Ok(v) => v,
            Err(errors) => {
                self.errors = errors;
                cx.error(t::SAVE_REFUSED);
                return false;
            }
        };
        self.errors.clear();
        let saved =
            crate::clients::service::save_checked(cx.db, &cx.actor(), self.base.as_ref(), &value);
        let id = match saved {
            Ok(s) => {
                if s.merged {
                    cx.info(t::MERGED_SAVED);
                }
                s.id
            }
            Err(ClientsError::Conflict(c)) => {
                self.conflict = Some(c);
                return false;
            }
            Err(ClientsError::InnTaken { other }) => {
                self.errors
                    .insert("inn".into(), FieldError::InnTaken { other });
                cx.error(t::SAVE_REFUSED);
                return false;
            }
            Err(e) => {
                cx.error(t::save_failed(&e.describe()));
                return false;
            }
        };
        let tab = self.tab;
        // The person being edited stays selected (a new one is found by its uuid).
        let person = self
            .person
            .and_then(|i| self.draft.people.get(i))
            .map(|p| p.uuid.clone());
        match super::load(cx, id) {
            Ok(ed) => {
                *self = DossierEditor { tab, ..ed };
                if let Some(uuid) = person.filter(|u| !u.is_empty())
                    && let Some(i) = self.draft.people.iter().position(|p| p.uuid == uuid)
                {
                    self.person = Some(i);
                }
            }
            Err(e) => cx.error(format!("{e:#}")),
        }
        cx.info(t::SAVED);
        // A category or the strategic flag changed under a planned gift: say so now.
        if let Ok(n) = crate::greetings::service::changed_plans_of_client(cx.db, id, cx.today())
            && n > 0
        {
            cx.error(t::plans_changed(n));
        }
        cx.reload();
        true
    }
}
