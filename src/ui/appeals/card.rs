//! The appeal's card: the form, the clocks (registration, forwarding, answer), the flow's
//! actions for its status, and beside it what the company already knows of the client — its
//! contract, services, contacts, last appeals and letters — so the client is never asked twice.

use egui::{RichText, TextEdit, Ui};

use super::Cmd;
use crate::appeals::draft::AppealDraft;
use crate::appeals::service::{self, AppealError, Details};
use crate::appeals::{Appeal, AppealKind, AppealRow, AppealStatus, Channel};
use crate::clients::Dossier;
use crate::domain::calendar::Calendar;
use crate::domain::{Code, FieldErrors, Id, fmt, names};
use crate::i18n::{self as t, Describe, Label};
use crate::storage::StorageError;
use crate::ui::command::{Ask, Command, Cx, Route};
use crate::ui::context::ViewCtx;
use crate::ui::editor::Editor;
use crate::ui::theme;
use crate::ui::widgets::{self, err, form_grid, text_row};

pub struct AppealCard {
    pub draft: AppealDraft,
    pub original: AppealDraft,
    /// The appeal as stored when opened or last saved (`None` for a new one).
    pub loaded: Option<Appeal>,
    pub errors: FieldErrors,
    /// The related appeals' numbers as typed.
    pub related: String,
    pub related_original: String,
    pub dossier: Option<Dossier>,
    pub last_appeals: Vec<AppealRow>,
    pub details: Details,
    pub topics: Vec<(Id, String)>,
    pub calendar: Calendar,
    pub due_soon_days: u32,
    /// Files of an e-mail taken in, saved with the new appeal.
    pub new_files: Vec<(String, Vec<u8>)>,
    pub dept: String,
    pub specialist: String,
    pub specialist_answer: String,
    pub answer_text: String,
    pub answer_via: Channel,
    pub reason: String,
    pub extend_days: String,
    pub extend_reason: String,
    pub close_note: String,
    pub attach_path: String,
    /// The notice of registration as text to copy (e-mail, website).
    pub notice_text: Option<String>,
    /// The last refusal of an action, shown beside the actions.
    pub action_error: Option<String>,
    /// Whether the user may work on this appeal (another manager's client: no, and why).
    pub may_edit: Result<(), crate::domain::Denied>,
}

impl AppealCard {
    /// A card of a new appeal (not saved).
    pub fn new(cx: &Cx, a: Appeal, files: Vec<(String, Vec<u8>)>) -> anyhow::Result<AppealCard> {
        let draft = AppealDraft::from_value(&a);
        let mut card = AppealCard::blank(cx, draft)?;
        card.original = AppealDraft::from_value(&service::new_appeal(
            0,
            Channel::Phone,
            a.received_at,
            a.manager_id,
        ));
        card.new_files = files;
        card.client_changed(cx)?;
        Ok(card)
    }

    /// The card of a stored appeal.
    pub fn load(cx: &Cx, id: Id) -> anyhow::Result<AppealCard> {
        let a = service::open(cx.db, id).map_err(t::err)?;
        let mut card = AppealCard::blank(cx, AppealDraft::from_value(&a))?;
        card.related = service::numbers_of(cx.db, &a.related)
            .map_err(t::err)?
            .join(", ");
        card.related_original = card.related.clone();
        card.answer_text = a.answer.clone();
        card.answer_via = a.reply_channel;
        let manager = cx
            .view
            .clients
            .iter()
            .find(|c| c.id == a.client_id)
            .and_then(|c| c.manager_id);
        card.may_edit = cx.actor().may_act_for(manager);
        card.loaded = Some(a);
        card.client_changed(cx)?;
        Ok(card)
    }

    fn blank(cx: &Cx, draft: AppealDraft) -> anyhow::Result<AppealCard> {
        let settings = service::settings(cx.db).map_err(t::err)?;
        Ok(AppealCard {
            original: draft.clone(),
            answer_via: draft.appeal.reply_channel,
            draft,
            loaded: None,
            errors: FieldErrors::new(),
            related: String::new(),
            related_original: String::new(),
            dossier: None,
            last_appeals: Vec::new(),
            details: Details::default(),
            topics: service::topics(cx.db)
                .map_err(t::err)?
                .into_iter()
                .map(|c| (c.id, c.name))
                .collect(),
            calendar: service::calendar(cx.db).map_err(t::err)?,
            due_soon_days: settings.due_soon_days,
            new_files: Vec::new(),
            dept: String::new(),
            specialist: String::new(),
            specialist_answer: String::new(),
            answer_text: String::new(),
            reason: String::new(),
            extend_days: "30".into(),
            extend_reason: String::new(),
            close_note: String::new(),
            attach_path: String::new(),
            notice_text: None,
            action_error: None,
            may_edit: Ok(()),
        })
    }

    pub fn id(&self) -> Option<Id> {
        self.draft.appeal.id
    }

    fn status(&self) -> AppealStatus {
        self.draft.appeal.status
    }

    /// Loads the dossier of the card's client (and its last appeals), and the appeal's letters,
    /// files and clocks.
    pub fn client_changed(&mut self, cx: &Cx) -> anyhow::Result<()> {
        let client = self.draft.appeal.client_id;
        if client > 0 {
            let d = crate::clients::service::open(cx.db, client).map_err(t::err)?;
            if self.draft.appeal.id.is_none() && self.draft.appeal.manager_id.is_none() {
                self.draft.appeal.manager_id = d.client.manager_id;
            }
            if let Some(p) = self.draft.appeal.person_id
                && !d.people.iter().any(|x| x.id == Some(p))
            {
                self.draft.appeal.person_id = None;
            }
            self.last_appeals = service::of_client(cx.db, client, 6).map_err(t::err)?;
            self.dossier = Some(d);
        } else {
            self.dossier = None;
            self.last_appeals.clear();
        }
        self.details = service::details(cx.db, &self.draft.appeal).map_err(t::err)?;
        Ok(())
    }

    /// Saves the form: a new appeal is created (registered with `register`), a stored one
    /// updated. Returns its id, or `None` when refused (the draft and its errors stay).
    pub fn save_as(&mut self, cx: &mut Cx, register: bool) -> Option<Id> {
        let now = cx.db.clock().local();
        let mut value = match self.draft.to_value(now) {
            Ok(v) => v,
            Err(errors) => {
                self.errors = errors;
                cx.error(t::SAVE_REFUSED);
                return None;
            }
        };
        let numbers: Vec<String> = self
            .related
            .split([',', ';', ' '])
            .map(str::to_string)
            .collect();
        match service::ids_by_numbers(cx.db, &numbers) {
            Ok(Ok(ids)) => value.related = ids,
            Ok(Err(unknown)) => {
                self.errors.clear();
                self.action_error = Some(t::related_unknown(&unknown.join(", ")));
                cx.error(t::related_unknown(&unknown.join(", ")));
                return None;
            }
            Err(e) => {
                cx.error(e.describe());
                return None;
            }
        }
        self.errors.clear();
        let result = match &self.loaded {
            None => service::create(cx.db, &cx.actor(), &value, register, &self.new_files),
            Some(base) => service::save(cx.db, &cx.actor(), base, &value)
                .map(|()| base.id.unwrap_or_default()),
        };
        match result {
            Ok(id) => {
                match service::open(cx.db, id) {
                    Ok(saved) => {
                        if self.loaded.is_none() {
                            cx.info(t::appeal_created(&saved.number));
                        } else {
                            cx.info(t::SAVED);
                        }
                        self.draft = AppealDraft::from_value(&saved);
                        self.original = self.draft.clone();
                        self.related_original = self.related.clone();
                        self.new_files.clear();
                        self.loaded = Some(saved);
                        if let Err(e) = self.client_changed(cx) {
                            cx.error(format!("{e:#}"));
                        }
                    }
                    Err(e) => cx.error(e.describe()),
                }
                cx.reload();
                Some(id)
            }
            Err(AppealError::Invalid(errors)) => {
                self.errors = errors;
                cx.error(t::SAVE_REFUSED);
                None
            }
            Err(AppealError::Storage(StorageError::ChangedMeanwhile(_))) => {
                cx.error(t::ERR_CONFLICT);
                None
            }
            Err(e) => {
                cx.error(t::save_failed(&e.describe()));
                None
            }
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &ViewCtx) -> Vec<Command> {
        let mut out = Vec::new();
        // An error beside a field goes once the field is fixed.
        // (The end of today: saving checks against the clock again.)
        if let Some(now) = view.today.and_hms_opt(23, 59, 59) {
            widgets::forget_fixed(&mut self.errors, self.draft.to_value(now));
        }
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.heading(t::appeal_title(&self.draft.appeal.number));
            ui.label(
                RichText::new(self.status().label())
                    .color(theme::ACCENT)
                    .strong(),
            );
            if self.is_dirty() {
                ui.label(RichText::new(t::UNSAVED_MARK).color(theme::DIRTY));
            }
        });
        self.actions_ui(ui, &mut out);
        if let Some(text) = self.notice_text.clone() {
            self.notice_ui(ui, &text);
        }
        ui.separator();
        // Another manager's appeal is read here, worked on by its manager or the head.
        if let Err(why) = self.may_edit {
            widgets::message(ui, &t::describe(&why));
        }
        let editable = self.status().is_open() && self.may_edit.is_ok();
        // The form wider than what is known beside it.
        let height = ui.available_height();
        let left = (ui.available_width() * 0.58).max(420.0);
        ui.horizontal_top(|ui| {
            let down = egui::Layout::top_down(egui::Align::Min);
            ui.allocate_ui_with_layout(egui::vec2(left, height), down, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("appeal_form")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        ui.add_enabled_ui(editable, |ui| self.form_ui(ui, view, &mut out));
                        let may = self.may_edit.is_ok();
                        ui.add_enabled_ui(may, |ui| self.flow_ui(ui, &mut out));
                    });
            });
            ui.separator();
            ui.allocate_ui_with_layout(egui::vec2(ui.available_width(), height), down, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("appeal_side")
                    .auto_shrink([false, false])
                    .show(ui, |ui| self.side_ui(ui, view, &mut out));
            });
        });
        out
    }

    fn actions_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let status = self.status();
        ui.horizontal_wrapped(|ui| {
            if self.id().is_none() {
                if ui
                    .button(RichText::new(t::REGISTER_APPEAL).strong())
                    .clicked()
                {
                    out.push(Cmd::Register.into());
                }
                if ui.button(t::SAVE_UNREGISTERED).clicked() {
                    out.push(Cmd::Save.into());
                }
            } else {
                if status.is_open() && ui.button(t::SAVE).clicked() {
                    out.push(Cmd::Save.into());
                }
                if status == AppealStatus::Received
                    && ui
                        .button(RichText::new(t::REGISTER_APPEAL).strong())
                        .clicked()
                {
                    out.push(Cmd::Register.into());
                }
                if status == AppealStatus::Registered && ui.button(t::TAKE_IN_WORK).clicked() {
                    out.push(Cmd::Take.into());
                }
                if status != AppealStatus::Received
                    && status.is_open()
                    && ui.button(t::NOTIFY_REGISTERED).clicked()
                {
                    out.push(Cmd::NotifyRegistered.into());
                }
                if status == AppealStatus::AnswerReady && ui.button(t::BACK_TO_WORK).clicked() {
                    out.push(Cmd::Reopen.into());
                }
            }
            if ui.button(t::CLOSE).clicked() {
                out.push(Cmd::Close.into());
            }
        });
        widgets::message_line(ui, self.action_error.as_deref());
    }

    fn notice_ui(&mut self, ui: &mut Ui, text: &str) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(t::NOTICE_TEXT_TITLE).strong());
            let mut shown = text.to_string();
            ui.add(
                TextEdit::multiline(&mut shown)
                    .desired_rows(5)
                    .desired_width(f32::INFINITY),
            )
            .accessible_name(t::NOTICE_TEXT_TITLE);
            ui.horizontal(|ui| {
                if ui.button(t::COPY_TEXT).clicked() {
                    ui.ctx().copy_text(text.to_string());
                    self.action_error = None;
                }
                if ui.button(t::CLOSE).clicked() {
                    self.notice_text = None;
                }
            });
        });
    }

    fn form_ui(&mut self, ui: &mut Ui, view: &ViewCtx, out: &mut Vec<Command>) {
        let e = &self.errors;
        let clients: Vec<(Id, String)> = view
            .clients
            .iter()
            .map(|r| (r.id, r.short_name.clone()))
            .collect();
        let people: Vec<(Id, String)> = self
            .dossier
            .iter()
            .flat_map(|d| d.people.iter())
            .filter_map(|p| {
                let name = names::full_name(&p.surname, &p.name, &p.patronymic);
                p.id.map(|id| (id, format!("{name} — {}", p.position)))
            })
            .collect();
        let a = &mut self.draft.appeal;
        form_grid("appeal_form_grid").show(ui, |ui| {
            let mut client = (a.client_id > 0).then_some(a.client_id);
            if widgets::combo_row(ui, t::F_CLIENT, &mut client, &clients, err(e, "client")) {
                a.client_id = client.unwrap_or(0);
                out.push(Cmd::ClientChanged.into());
            }
            widgets::combo_row(ui, t::F_PERSON, &mut a.person_id, &people, None);
            if a.person_id.is_none() {
                text_row(ui, t::F_SENDER, &mut a.sender, None);
            }
            text_row(ui, t::F_SENDER_CONTACT, &mut a.sender_contact, None);
            let came_by = a.channel;
            code_row(ui, t::F_CHANNEL, "appeal_channel", &mut a.channel);
            // The answer goes by the channel the appeal came by, unless the client chose another.
            if a.channel != came_by && a.reply_channel == came_by {
                a.reply_channel = a.channel;
            }
            code_row(
                ui,
                t::F_REPLY_CHANNEL,
                "appeal_reply_channel",
                &mut a.reply_channel,
            );
            code_row(ui, t::F_KIND, "appeal_kind", &mut a.kind);
            widgets::combo_row(ui, t::F_TOPIC, &mut a.topic_id, &self.topics, None);
            widgets::date_row(
                ui,
                t::F_RECEIVED_DATE,
                "appeal_received",
                &mut self.draft.date,
                err(e, "received_at"),
            );
            text_row(
                ui,
                t::F_RECEIVED_TIME,
                &mut self.draft.time,
                err(e, "received_time"),
            );
            text_row(ui, t::F_SUBJECT, &mut a.subject, err(e, "subject"));
            let l = ui.label(t::F_APPEAL_TEXT);
            ui.add(
                TextEdit::multiline(&mut a.body)
                    .desired_rows(6)
                    .desired_width(widgets::field_width(ui)),
            )
            .labelled_by(l.id);
            ui.end_row();
            let managers = view.manager_names();
            widgets::combo_row(ui, t::F_MANAGER, &mut a.manager_id, &managers, None);
            text_row(ui, t::F_RELATED, &mut self.related, None).on_hover_text(t::RELATED_HINT);
        });
    }

    /// The clocks and the flow's steps with their fields.
    fn flow_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let a = &self.draft.appeal;
        let Some(clocks) = self.details.clocks else {
            return;
        };
        ui.add_space(8.0);
        let today = widgets::today_of(ui);
        egui::Grid::new("appeal_clocks")
            .num_columns(2)
            .spacing([14.0, 4.0])
            .show(ui, |ui| {
                match a.registered_on {
                    None => {
                        ui.label(t::CLOCK_REGISTER);
                        ui.label(RichText::new(fmt::date(clocks.register_by)).color(
                            if clocks.register_by < today {
                                theme::ERROR
                            } else {
                                theme::WARNING
                            },
                        ));
                    }
                    Some(r) => {
                        ui.label(t::CLOCK_REGISTERED);
                        ui.label(fmt::date(r));
                    }
                }
                ui.end_row();
                if let Some(f) = clocks.forward_by {
                    ui.label(t::CLOCK_FORWARD);
                    ui.label(fmt::date(f));
                    ui.end_row();
                }
                if let Some(due) = clocks.answer_by {
                    ui.label(t::CLOCK_ANSWER);
                    let u = crate::appeals::urgency(
                        a.status,
                        Some(due),
                        today,
                        self.due_soon_days,
                        &self.calendar,
                    );
                    let text = if a.status.is_open() {
                        format!(
                            "{} ({})",
                            fmt::date(due),
                            t::days_left((due - today).num_days())
                        )
                    } else {
                        fmt::date(due)
                    };
                    ui.label(RichText::new(text).color(theme::urgency(u)).strong());
                    ui.end_row();
                }
            });
        if let Some(on) = a.extended_on {
            ui.label(t::extended_info(
                a.extended_days,
                &fmt::date(on),
                &a.extension_reason,
            ));
        }
        if let Some(on) = a.forwarded_on {
            ui.label(t::forwarded_info(
                &a.forwarded_dept,
                &a.forwarded_person,
                &fmt::date(on),
            ));
        }
        if !a.forward_answer.is_empty() {
            ui.label(format!("{}: {}", t::F_SPECIALIST_ANSWER, a.forward_answer));
        }
        if let (Some(on), Some(via)) = (a.answered_on, a.answer_via) {
            ui.label(t::answered_info(t::channel_by(via.code()), &fmt::date(on)));
            if !a.answer.is_empty() {
                ui.label(RichText::new(&a.answer).italics());
            }
        }
        let status = a.status;
        let kind = a.kind;
        let reply = a.reply_channel;
        let extended = a.extended_on.is_some();
        if status == AppealStatus::Received
            || !status.is_open() && status != AppealStatus::AnswerSent
        {
            return;
        }
        ui.add_space(8.0);
        if status == AppealStatus::AnswerSent {
            self.close_ui(ui, out);
            return;
        }
        egui::CollapsingHeader::new(RichText::new(t::FORWARD_SECTION).strong())
            .default_open(status == AppealStatus::Forwarded)
            .show(ui, |ui| {
                form_grid("appeal_forward").show(ui, |ui| {
                    if status == AppealStatus::Forwarded {
                        text_row(
                            ui,
                            t::F_SPECIALIST_ANSWER,
                            &mut self.specialist_answer,
                            None,
                        );
                    } else {
                        text_row(ui, t::F_DEPT, &mut self.dept, None);
                        text_row(ui, t::F_SPECIALIST, &mut self.specialist, None);
                    }
                });
                if status == AppealStatus::Forwarded {
                    if ui.button(t::SPECIALIST_ANSWERED).clicked() {
                        out.push(Cmd::SpecialistAnswered.into());
                    }
                } else if ui.button(t::FORWARD).clicked() {
                    out.push(Cmd::Forward.into());
                }
            });
        egui::CollapsingHeader::new(RichText::new(t::ANSWER_SECTION).strong())
            .default_open(true)
            .show(ui, |ui| {
                form_grid("appeal_answer").show(ui, |ui| {
                    code_row(
                        ui,
                        t::F_ANSWER_VIA,
                        "appeal_answer_via",
                        &mut self.answer_via,
                    );
                    let l = ui.label(t::F_ANSWER);
                    let typed = ui
                        .add(
                            TextEdit::multiline(&mut self.answer_text)
                                .desired_rows(3)
                                .desired_width(widgets::field_width(ui)),
                        )
                        .labelled_by(l.id)
                        .changed();
                    // «Нет текста ответа» goes once the answer is typed.
                    if typed && !self.answer_text.trim().is_empty() {
                        self.action_error = None;
                    }
                    ui.end_row();
                    if self.answer_via != reply
                        && text_row(ui, t::F_REASON_OTHER_CHANNEL, &mut self.reason, None).changed()
                    {
                        // The refusal said a reason was missing: it goes once one is typed.
                        self.action_error = None;
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    if ui.button(RichText::new(t::REPLY_LETTER).strong()).clicked() {
                        out.push(Cmd::ReplyLetter.into());
                    }
                    if status != AppealStatus::AnswerReady && ui.button(t::PREPARE_ANSWER).clicked()
                    {
                        out.push(Cmd::PrepareAnswer.into());
                    }
                    if self.answer_via != Channel::Post && ui.button(t::SEND_ANSWER).clicked() {
                        out.push(Cmd::SendAnswer.into());
                    }
                });
            });
        if !extended && self.details.clocks.and_then(|c| c.answer_by).is_some() {
            egui::CollapsingHeader::new(RichText::new(t::EXTEND).strong()).show(ui, |ui| {
                form_grid("appeal_extend").show(ui, |ui| {
                    text_row(ui, t::F_EXTEND_DAYS, &mut self.extend_days, None);
                    text_row(ui, t::F_EXTEND_REASON, &mut self.extend_reason, None);
                });
                if ui.button(t::EXTEND).clicked() {
                    out.push(Cmd::Extend.into());
                }
            });
        }
        if kind == AppealKind::Feedback {
            self.close_ui(ui, out);
        }
    }

    fn close_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        form_grid("appeal_close").show(ui, |ui| {
            text_row(ui, t::F_CLOSE_NOTE, &mut self.close_note, None);
        });
        if ui.button(t::CLOSE_APPEAL).clicked() {
            out.push(Cmd::CloseAppeal.into());
        }
    }

    /// What the company knows: contract, services, people, last appeals; the appeal's letters,
    /// files and related appeals.
    fn side_ui(&mut self, ui: &mut Ui, view: &ViewCtx, out: &mut Vec<Command>) {
        self.appeal_side_ui(ui, out);
        self.dossier_side_ui(ui, view, out);
    }

    /// The appeal's letters, files and related appeals, first.
    fn appeal_side_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        if self.id().is_none() && self.new_files.is_empty() {
            return;
        }
        ui.label(RichText::new(t::SIDE_LETTERS).strong());
        for l in &self.details.letters {
            // «ответ: № VIP-12 от 01.12.2026 (зарегистрировано)»; a draft has no number yet.
            let text = if l.number.is_empty() {
                t::appeal_letter_draft(l.role.label())
            } else {
                t::appeal_letter_line(
                    l.role.label(),
                    &l.number,
                    &fmt::opt_date(l.reg_date),
                    l.status.label(),
                )
            };
            if ui.link(text).clicked() {
                out.push(Command::Open(Route::Letter(l.letter_id)));
            }
        }
        ui.add_space(4.0);
        ui.label(RichText::new(t::SIDE_ATTACHMENTS).strong());
        for a in &self.details.attachments {
            ui.label(format!("{} ({})", a.file_name, t::file_size(a.file_size)));
        }
        for (name, bytes) in &self.new_files {
            ui.label(format!("{name} ({})", t::file_size(bytes.len() as i64)));
        }
        if self.id().is_some() {
            ui.horizontal_wrapped(|ui| {
                if let Some(c) =
                    widgets::path_field(ui, t::FILE_PATH, &mut self.attach_path, || {
                        Ask::open(&[], |p| Cmd::AttachPath(p).into())
                    })
                {
                    out.push(c);
                }
                if ui
                    .add_enabled(
                        !self.attach_path.trim().is_empty(),
                        egui::Button::new(t::ATTACH_FILE),
                    )
                    .on_disabled_hover_text(crate::words::PATH_FIRST)
                    .clicked()
                {
                    out.push(Cmd::Attach(self.attach_path.clone()).into());
                }
            });
        }
        if !self.details.related.is_empty() {
            ui.add_space(4.0);
            ui.label(RichText::new(t::SIDE_RELATED).strong());
            for r in &self.details.related {
                if ui.link(format!("{} — {}", r.number, r.subject)).clicked() {
                    out.push(Command::Open(Route::Appeal(r.id)));
                }
            }
        }
        ui.add_space(8.0);
    }

    /// What the company knows of the client.
    fn dossier_side_ui(&mut self, ui: &mut Ui, view: &ViewCtx, out: &mut Vec<Command>) {
        if let Some(d) = &self.dossier {
            ui.label(RichText::new(t::SIDE_DOSSIER).strong());
            let c = &d.client;
            if ui.link(&c.short_name).clicked() {
                out.push(Command::Open(Route::Client(
                    c.id.unwrap_or_default(),
                    crate::ui::clients::Tab::Enterprise,
                )));
            }
            ui.label(format!(
                "{}: {} {}",
                t::SIDE_CONTRACT,
                if c.contract_number.is_empty() {
                    t::NOTHING
                } else {
                    &c.contract_number
                },
                fmt::opt_date(c.contract_date)
            ));
            let services: Vec<String> = d
                .services
                .iter()
                .filter_map(|s| {
                    view.catalogs
                        .services
                        .iter()
                        .find(|x| x.id == s.service_id)
                        .map(|x| x.name.clone())
                })
                .collect();
            ui.label(format!(
                "{}: {}",
                t::SIDE_SERVICES,
                if services.is_empty() {
                    t::NOTHING.to_string()
                } else {
                    services.join("; ")
                }
            ));
            ui.add_space(4.0);
            ui.label(RichText::new(t::SIDE_CONTACTS).strong());
            for p in &d.people {
                let phones: Vec<String> = p.phones.iter().map(|ph| ph.display()).collect();
                ui.label(format!(
                    "{} — {}; {} {}",
                    names::full_name(&p.surname, &p.name, &p.patronymic),
                    p.position,
                    phones.join(", "),
                    p.email
                ));
            }
            ui.add_space(4.0);
            ui.label(RichText::new(t::SIDE_LAST_APPEALS).strong());
            for r in self
                .last_appeals
                .iter()
                .filter(|r| Some(r.id) != self.draft.appeal.id)
            {
                let text = format!(
                    "{} {} — {} ({})",
                    if r.number.is_empty() {
                        t::NOTHING
                    } else {
                        &r.number
                    },
                    fmt::date(r.received_at.date()),
                    r.subject,
                    r.status.label()
                );
                if ui.link(text).clicked() {
                    out.push(Command::Open(Route::Appeal(r.id)));
                }
            }
        }
    }
}

/// A form row with a combo over an enumeration.
fn code_row<T: Code + Label + PartialEq>(ui: &mut Ui, label: &str, id: &str, value: &mut T) {
    ui.label(label);
    egui::ComboBox::from_id_salt(id)
        .selected_text(value.label())
        .width(widgets::field_width(ui) - 8.0)
        .show_ui(ui, |ui| {
            for v in T::ALL.iter().copied() {
                ui.selectable_value(value, v, v.label());
            }
        })
        .response
        .accessible_name(label);
    ui.end_row();
}

impl Editor for AppealCard {
    fn is_dirty(&self) -> bool {
        self.status().is_open()
            && (self.draft != self.original || self.related != self.related_original)
    }

    fn shows(&self, route: &Route) -> bool {
        match route {
            Route::Appeal(id) => self.id() == Some(*id),
            Route::NewAppeal(client) => {
                self.id().is_none() && (*client == 0 || *client == self.draft.appeal.client_id)
            }
            _ => false,
        }
    }

    fn save(&mut self, cx: &mut Cx) -> bool {
        self.save_as(cx, false).is_some()
    }
}
