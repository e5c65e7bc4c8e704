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
    /// The client's contact rhythm, the day its duties began and its last contacts.
    pub contacts: Option<ClientContacts>,
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
            contacts: None,
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
            if ui.button(RichText::new(t::SAVE).strong()).clicked() {
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
                && ui.button(t::DELETE_CLIENT).clicked()
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
            crate::ui::admin::journal_table(ui, "dossier_journal", &self.journal, managers, &[]);
            return out;
        }
        egui::ScrollArea::vertical()
            .id_salt("dossier_scroll")
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

    fn enterprise_ui(
        &mut self,
        ui: &mut Ui,
        catalogs: &Catalogs,
        managers: &[Manager],
        today: NaiveDate,
    ) {
        let e = &self.errors;
        let c = &mut self.draft.client;
        form_grid("enterprise").show(ui, |ui| {
            text_row(ui, t::F_SHORT_NAME, &mut c.short_name, err(e, "short_name"));
            text_row(ui, t::F_FULL_NAME, &mut c.full_name, err(e, "full_name"));
            ui.label(t::F_KIND);
            ui.vertical(|ui| {
                for k in ClientKind::ALL.iter().copied() {
                    ui.radio_value(&mut c.kind, k, k.label());
                }
            });
            ui.end_row();
            text_row(ui, t::F_INN, &mut c.inn, err(e, "inn"));
            if c.kind == ClientKind::Legal {
                text_row(ui, t::F_KPP, &mut c.kpp, err(e, "kpp"));
            }
            if c.kind != ClientKind::Individual {
                let label = if c.kind == ClientKind::Legal {
                    t::F_OGRN
                } else {
                    t::F_OGRNIP
                };
                text_row(ui, label, &mut c.ogrn, err(e, "ogrn"));
            }
            text_row(
                ui,
                t::F_LEGAL_ADDRESS,
                &mut c.legal_address,
                err(e, "legal_address"),
            );
            text_row(
                ui,
                t::F_POSTAL_ADDRESS,
                &mut c.postal_address,
                err(e, "postal_address"),
            );
            let districts: Vec<(Id, String)> = catalogs
                .districts
                .iter()
                .map(|d| (d.id, d.name.clone()))
                .collect();
            combo_row(
                ui,
                t::F_DISTRICT,
                &mut c.district_id,
                &districts,
                err(e, "district"),
            );
            let industries: Vec<(Id, String)> = catalogs
                .industries
                .iter()
                .map(|d| (d.id, d.name.clone()))
                .collect();
            combo_row(
                ui,
                t::F_INDUSTRY,
                &mut c.industry_id,
                &industries,
                err(e, "industry"),
            );
            if let Some(ind) = catalogs.industry(c.industry_id) {
                ui.label("");
                let next = crate::domain::holidays::next_holiday(&ind.holiday_rule, today)
                    .map(fmt::date)
                    .unwrap_or_default();
                let rule = crate::i18n::labels::holiday_rule_words(&ind.holiday_rule);
                ui.add(
                    egui::Label::new(
                        RichText::new(t::professional_holiday(&ind.holiday_name, &rule, &next))
                            .small()
                            .color(theme::MUTED),
                    )
                    .wrap(),
                );
                ui.end_row();
            }
            text_row(
                ui,
                t::F_CONTRACT_NUMBER,
                &mut c.contract_number,
                err(e, "contract_number"),
            );
            date_row(
                ui,
                t::F_CONTRACT_DATE,
                "contract_date",
                &mut c.contract_date,
                err(e, "contract_date"),
            );
            text_row(ui, t::F_SINCE_YEAR, &mut c.since_year, err(e, "since_year"));
            let mans: Vec<(Id, String)> = managers
                .iter()
                .filter_map(|m| m.id.map(|id| (id, m.full_name())))
                .collect();
            combo_row(
                ui,
                t::F_MANAGER,
                &mut c.manager_id,
                &mans,
                err(e, "manager"),
            );
            ui.label(t::F_STRATEGIC);
            ui.checkbox(&mut c.strategic, t::F_STRATEGIC_HINT);
            ui.end_row();
        });
    }

    fn contacts_ui(&mut self, ui: &mut Ui, today: NaiveDate, out: &mut Vec<Command>) {
        // The rhythm is checked as it is typed: a value out of range is refused beside its
        // field at once, and the state below counts with the saved rhythm, never the typed one.
        let live = self.draft.client.rhythm();
        let live_errors = live.as_ref().err().cloned().unwrap_or_default();
        let e = &self.errors;
        let c = &mut self.draft.client;
        form_grid("rhythm").show(ui, |ui| {
            for (label, key, value) in [
                (t::F_CALL_EVERY, "call_every_days", &mut c.call_every_days),
                (
                    t::F_MEETING_EVERY,
                    "meeting_every_months",
                    &mut c.meeting_every_months,
                ),
            ] {
                text_row(ui, label, value, live_errors.get(key).or(err(e, key)));
            }
        });
        ui.label(RichText::new(t::RHYTHM_HINT).small().color(theme::MUTED));
        let saved = self.contacts.as_ref().map(|c| c.rhythm).unwrap_or_default();
        let (calls, months) = match live {
            Ok((calls, months)) => (
                calls.unwrap_or(Rhythm::default().call_every_days),
                months.unwrap_or(Rhythm::default().meeting_every_months),
            ),
            Err(_) => {
                ui.label(RichText::new(t::RHYTHM_INVALID).small().color(theme::ERROR));
                (saved.call_every_days, saved.meeting_every_months)
            }
        };
        if let (Some(id), Some(state)) = (self.draft.client.id, &self.contacts) {
            let (last_call, last_meeting) = (state.last_call, state.last_meeting);
            let call = call_due(last_call, calls, state.start, today);
            let meeting = meeting_due(last_meeting, months, state.start, today);
            for (kind, label, last, due) in [
                (MeetingKind::Call, t::TODAY_CALLS, last_call, call),
                (
                    MeetingKind::Meeting,
                    t::TODAY_MEETINGS,
                    last_meeting,
                    meeting,
                ),
            ] {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(label).strong());
                    let text = t::contact_state(
                        &fmt::opt_date(last),
                        &fmt::date(due.due),
                        &t::overdue(due.overdue_days),
                    );
                    ui.label(RichText::new(text).color(if due.overdue_days > 0 {
                        theme::ERROR
                    } else {
                        theme::MUTED
                    }));
                    let button = if kind == MeetingKind::Call {
                        t::RECORD_CALL
                    } else {
                        t::RECORD_MEETING
                    };
                    if ui.button(button).clicked() {
                        out.push(Command::Open(Route::NewReport(id, kind)));
                    }
                });
            }
        }
        ui.separator();
        ui.horizontal(|ui| {
            ui.label(RichText::new(t::TIMELINE).strong());
            if !self.timeline.is_empty()
                && ui
                    .small_button(t::TO_EXCEL)
                    .on_hover_text(t::TO_EXCEL_HINT)
                    .clicked()
            {
                out.push(Command::AskPath(Ask::save(t::TIMELINE_XLSX_NAME, |p| {
                    Cmd::ExportTimeline(p).into()
                })));
            }
        });
        if self.timeline.is_empty() {
            ui.label(RichText::new(t::TIMELINE_EMPTY).color(theme::MUTED));
        }
        egui::Grid::new("timeline")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                for ev in &self.timeline {
                    ui.label(fmt::date(ev.date));
                    ui.label(RichText::new(ev.kind.label()).color(theme::ACCENT));
                    let title = ev.title.chars().take(90).collect::<String>();
                    match ev.link {
                        Link::Meeting(id) => {
                            if ui.link(title).clicked() {
                                out.push(Command::Open(Route::Report(id)));
                            }
                        }
                        Link::Letter(id) => {
                            if ui.link(title).clicked() {
                                out.push(Command::Open(Route::Letter(id)));
                            }
                        }
                        Link::Appeal(id) => {
                            if ui.link(title).clicked() {
                                out.push(Command::Open(Route::Appeal(id)));
                            }
                        }
                        Link::None => {
                            ui.label(title);
                        }
                    }
                    ui.label(
                        RichText::new(event_detail(&ev.detail))
                            .small()
                            .color(theme::MUTED),
                    );
                    ui.end_row();
                }
            });
    }

    /// The events shown in «Контакты», as the Excel export writes them.
    pub fn timeline_rows(&self) -> Vec<Vec<String>> {
        self.timeline
            .iter()
            .map(|ev| {
                vec![
                    fmt::date(ev.date),
                    ev.kind.label().to_string(),
                    ev.title.clone(),
                    event_detail(&ev.detail),
                ]
            })
            .collect()
    }

    fn vip_ui(&mut self, ui: &mut Ui, today: NaiveDate) {
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
                            ui.add(TextEdit::singleline(&mut v.volume_kwh).desired_width(120.0))
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
                        ui.horizontal(|ui| {
                            ui.checkbox(&mut v.crit_political, t::CRIT_POLITICAL);
                            let l = ui.label(t::F_NOTE);
                            ui.add(
                                TextEdit::singleline(&mut v.political_note).desired_width(200.0),
                            )
                            .labelled_by(l.id);
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

    fn people_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            if ui.button(t::ADD_PERSON).clicked() {
                self.draft.people.push(PersonDraft::default());
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
                            ui.add(egui::Label::new(&p.position).truncate())
                                .on_hover_text(&p.position);
                        });
                        row.col(|ui| {
                            ui.label(p.category.map(t::category_label).unwrap_or_default());
                        });
                        row.col(|ui| {
                            ui.label(&p.birthday);
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

    fn owners_ui(&mut self, ui: &mut Ui) {
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
                        ui.add(TextEdit::singleline(&mut o.name).desired_width(260.0))
                            .accessible_name(format!("{} {}", t::F_OWNER_NAME, i + 1));
                        error_text(ui, err(&self.errors, &key("name")));
                    });
                    ui.add(TextEdit::singleline(&mut o.kind).desired_width(130.0))
                        .accessible_name(format!("{} {}", t::F_OWNER_KIND, i + 1));
                    ui.vertical(|ui| {
                        ui.add(TextEdit::singleline(&mut o.share).desired_width(60.0))
                            .accessible_name(format!("{} {}", t::F_SHARE, i + 1));
                        error_text(ui, err(&self.errors, &key("share")));
                    });
                    ui.add(TextEdit::singleline(&mut o.note).desired_width(180.0))
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

    fn services_ui(&mut self, ui: &mut Ui, catalogs: &Catalogs) {
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
                    ui.add(TextEdit::singleline(&mut s.note).desired_width(160.0))
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

    fn projects_ui(&mut self, ui: &mut Ui) {
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
                                    ui.add(TextEdit::singleline(&mut s.title).desired_width(220.0))
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
                                ui.add(TextEdit::singleline(&mut s.result).desired_width(180.0))
                                    .accessible_name(format!("{} {}", t::F_RESULT, j + 1));
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

    /// The months the table shows: the last 24 and any month that has a value.
    fn indicator_months(&self, today: NaiveDate) -> Vec<YearMonth> {
        let mut months: Vec<YearMonth> = (0..24u32)
            .filter_map(|k| today.with_day(1)?.checked_sub_months(Months::new(k)))
            .map(|d| (d.year(), d.month()))
            .collect();
        months.extend(self.draft.indicators.keys().map(|(_, ym)| *ym));
        months.sort_unstable();
        months.dedup();
        months.reverse();
        months
    }

    fn indicators_ui(&mut self, ui: &mut Ui, catalogs: &Catalogs, today: NaiveDate) {
        let kinds = &catalogs.indicator_kinds;
        if self.chart_kinds.is_empty()
            && let Some(k) = kinds.first()
        {
            self.chart_kinds.push(k.id);
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(t::CHART_SHOW);
            for k in kinds {
                let mut on = self.chart_kinds.contains(&k.id);
                if ui
                    .checkbox(&mut on, format!("{}, {}", k.name, k.unit))
                    .changed()
                {
                    if on {
                        self.chart_kinds.push(k.id);
                    } else {
                        self.chart_kinds.retain(|id| *id != k.id);
                    }
                }
            }
        });
        self.chart_ui(ui, catalogs);
        ui.separator();
        ui.label(RichText::new(t::PASTE_HINT).small().color(theme::MUTED));
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(t::PASTE_LABEL);
            ui.add(
                TextEdit::multiline(&mut self.paste_text)
                    .desired_rows(2)
                    .desired_width(300.0),
            )
            .labelled_by(l.id);
            if ui.button(t::PASTE_FILL).clicked() {
                let ids: Vec<Id> = kinds.iter().map(|k| k.id).collect();
                let start = self
                    .indicator_months(today)
                    .last()
                    .copied()
                    .unwrap_or((today.year(), today.month()));
                self.paste_message = Some(paste_indicators(
                    &mut self.draft.indicators,
                    &ids,
                    start,
                    &self.paste_text,
                ));
                if matches!(self.paste_message, Some(Ok(_))) {
                    self.paste_text.clear();
                }
            }
        });
        match &self.paste_message {
            Some(Ok(n)) => {
                ui.label(RichText::new(t::pasted(*n)).color(theme::OK));
            }
            Some(Err(e)) => {
                ui.label(RichText::new(e.describe()).color(theme::ERROR));
            }
            None => {}
        }
        let months = self.indicator_months(today);
        egui::ScrollArea::horizontal()
            .id_salt("indicators_scroll")
            .show(ui, |ui| {
                egui::Grid::new("indicators")
                    .striped(true)
                    .min_col_width(118.0)
                    .num_columns(kinds.len() + 1)
                    .show(ui, |ui| {
                        ui.label(RichText::new(t::MONTH).strong());
                        for k in kinds {
                            ui.label(RichText::new(format!("{}, {}", k.name, k.unit)).strong());
                        }
                        ui.end_row();
                        for (y, m) in months {
                            ui.label(fmt::month(y, m));
                            for k in kinds {
                                let key = format!("ind.{}.{y}.{m}", k.id);
                                let mut text = self
                                    .draft
                                    .indicators
                                    .get(&(k.id, (y, m)))
                                    .cloned()
                                    .unwrap_or_default();
                                let has_err = self.errors.contains_key(&key);
                                let r = ui
                                    .add(
                                        TextEdit::singleline(&mut text)
                                            .desired_width(110.0)
                                            .align(egui::Align2::RIGHT_CENTER)
                                            .text_color_opt(has_err.then_some(theme::ERROR)),
                                    )
                                    .accessible_name(format!("{} {}", k.name, fmt::month(y, m)));
                                if r.changed() {
                                    if text.trim().is_empty() {
                                        self.draft.indicators.remove(&(k.id, (y, m)));
                                    } else {
                                        self.draft.indicators.insert((k.id, (y, m)), text);
                                    }
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
    }

    fn chart_ui(&self, ui: &mut Ui, catalogs: &Catalogs) {
        use egui_plot::{Legend, Line, Plot, PlotPoints};
        let x_of = |(y, m): YearMonth| f64::from(y) * 12.0 + f64::from(m) - 1.0;
        let lines: Vec<(String, Vec<[f64; 2]>)> = catalogs
            .indicator_kinds
            .iter()
            .filter(|k| self.chart_kinds.contains(&k.id))
            .map(|k| {
                let points = self
                    .draft
                    .indicators
                    .iter()
                    .filter(|((kind, _), _)| *kind == k.id)
                    .filter_map(|((_, ym), v)| fmt::parse_number(v).map(|v| [x_of(*ym), v]))
                    .collect();
                (format!("{}, {}", k.name, k.unit), points)
            })
            .collect();
        Plot::new("indicator_chart")
            .height(220.0)
            .legend(Legend::default())
            .allow_scroll(false)
            .x_axis_formatter(|mark, _| {
                let v = mark.value.round() as i64;
                fmt::month((v.div_euclid(12)) as i32, (v.rem_euclid(12) + 1) as u32)
            })
            .y_axis_formatter(|mark, _| fmt::number(mark.value, 0))
            .label_formatter(|pos| match pos {
                egui_plot::HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } => {
                    let v = position.x.round() as i64;
                    let month = fmt::month(v.div_euclid(12) as i32, (v.rem_euclid(12) + 1) as u32);
                    Some(format!(
                        "{plot_name}\n{month}: {}",
                        fmt::number(position.y, 1)
                    ))
                }
                _ => None,
            })
            .show(ui, |plot| {
                for (name, points) in lines {
                    plot.line(Line::new(name, PlotPoints::from(points)));
                }
            });
    }

    fn records_ui(&mut self, ui: &mut Ui, today: NaiveDate, out: &mut Vec<Command>) {
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
        match super::load(cx, id) {
            Ok(ed) => *self = DossierEditor { tab, ..ed },
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
