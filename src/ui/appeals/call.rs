//! «Входящий звонок»: a window over any screen (the button in the navigation, or F2). A number
//! typed or pasted in any format finds the person, their client, how often they called, their
//! open appeals and last contacts; the standard's greeting and closing phrase are on the card;
//! one click records the call, and registers an appeal from it when needed. An unknown number
//! can be added to a person of a client.

use egui::{RichText, TextEdit};

use super::Cmd;
use crate::appeals::AppealKind;
use crate::appeals::call::{self as calls, Caller};
use crate::domain::{Code, Id, fmt};
use crate::i18n::{self as t, Describe, Label};
use crate::ui::command::{Command, Cx, Route};
use crate::ui::context::ViewCtx;
use crate::ui::{theme, widgets};

#[derive(Default)]
pub struct CallCard {
    pub open: bool,
    pub number: String,
    /// The number as found, written as Russians write it.
    pub shown_number: String,
    pub callers: Vec<Caller>,
    pub searched: bool,
    pub error: Option<String>,
    pub summary: String,
    pub kind: AppealKind,
    pub subject: String,
    /// The company as said on the phone («Орелэнергосбыт»).
    pub company: String,
    /// For an unknown number: the client whose person gets it.
    pub add_to: Option<Id>,
    focused: bool,
}

/// The company's name as said on the phone: without the legal form and the quotes.
fn spoken(short_name: &str) -> String {
    crate::domain::names::without_legal_form(short_name).to_string()
}

impl CallCard {
    pub fn start(&mut self, cx: &Cx) {
        *self = CallCard {
            open: true,
            company: crate::admin::service::company(cx.db)
                .map(|c| spoken(&c.short_name))
                .unwrap_or_default(),
            ..Default::default()
        };
    }

    pub fn find(&mut self, cx: &Cx) {
        self.searched = true;
        match calls::who_calls(cx.db, &self.number) {
            Ok((phone, callers)) => {
                self.shown_number = phone.display();
                self.callers = callers;
                self.error = None;
            }
            Err(e) => {
                self.callers.clear();
                self.error = Some(e.describe());
            }
        }
    }

    /// An unknown number: the call is from `client`; its card and the buttons that record it.
    pub fn from_client(&mut self, cx: &Cx, client: Id) {
        let phone = match crate::domain::validate::Phone::parse(&self.number) {
            Ok(p) => p,
            Err(e) => {
                self.error = Some(e.describe());
                return;
            }
        };
        match calls::caller_of_client(cx.db, client, &phone) {
            Ok(c) => self.callers = vec![c],
            Err(e) => self.error = Some(e.describe()),
        }
    }

    pub fn record(
        &mut self,
        cx: &mut Cx,
        i: usize,
        kind: Option<AppealKind>,
    ) -> anyhow::Result<()> {
        let Some(caller) = self.callers.get(i).cloned() else {
            return Ok(());
        };
        let appeal = kind.map(|k| {
            let subject = if self.subject.trim().is_empty() {
                self.summary.clone()
            } else {
                self.subject.clone()
            };
            (k, subject)
        });
        match calls::record_call(cx.db, &cx.actor(), &caller, &self.summary, appeal) {
            Ok((_, appeal)) => {
                cx.info(t::CALL_RECORDED);
                cx.reload();
                self.summary.clear();
                self.subject.clear();
                self.find(cx);
                if let Some(id) = appeal {
                    cx.open(Route::Appeal(id));
                }
            }
            Err(e) => self.error = Some(e.describe()),
        }
        Ok(())
    }

    pub fn ui(&mut self, ctx: &egui::Context, view: &ViewCtx) -> Vec<Command> {
        let mut out = Vec::new();
        if !self.open {
            return out;
        }
        let mut open = true;
        egui::Window::new(t::CALL_TITLE)
            .open(&mut open)
            .default_width(560.0)
            .default_height(520.0)
            .resizable(true)
            .show(ctx, |ui| {
                let me = view
                    .me
                    .as_ref()
                    .map(|m| format!("{} {}", m.surname, m.name))
                    .unwrap_or_default();
                ui.label(RichText::new(t::CALL_SAY).small().color(theme::MUTED));
                ui.label(RichText::new(t::call_greeting(&self.company, &me)).italics());
                ui.separator();
                ui.horizontal(|ui| {
                    let l = ui.label(t::CALL_NUMBER);
                    let r = ui
                        .add(TextEdit::singleline(&mut self.number).desired_width(200.0))
                        .labelled_by(l.id);
                    if !self.focused {
                        r.request_focus();
                        self.focused = true;
                    }
                    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if ui.button(t::CALL_FIND).clicked() || enter {
                        out.push(Cmd::FindCaller.into());
                    }
                });
                if let Some(e) = &self.error {
                    widgets::message(ui, e);
                }
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| self.callers_ui(ui, view, &mut out));
                self.actions_ui(ui, &mut out);
                ui.separator();
                ui.label(RichText::new(t::CALL_CLOSING).italics());
            });
        if !open {
            out.push(Cmd::CloseCall.into());
        }
        out
    }

    fn callers_ui(&mut self, ui: &mut egui::Ui, view: &ViewCtx, out: &mut Vec<Command>) {
        if self.searched && self.callers.is_empty() && self.error.is_none() {
            ui.label(format!("{} {}", self.shown_number, t::CALL_UNKNOWN));
            let clients: Vec<(Id, String)> = view
                .clients
                .iter()
                .map(|r| (r.id, r.short_name.clone()))
                .collect();
            ui.horizontal_wrapped(|ui| {
                ui.label(t::F_CLIENT);
                widgets::id_combo(ui, "call_add_to", t::F_CLIENT, &mut self.add_to, &clients);
                if let Some(client) = self.add_to {
                    // The call is recorded (and an appeal registered) for the client chosen;
                    // the number can go to a person of the dossier as well.
                    if ui.button(t::CALL_FROM_CLIENT).clicked() {
                        out.push(Cmd::CallFromClient(client).into());
                    }
                    if ui.button(t::CALL_ADD_TO_PERSON).clicked() {
                        ui.ctx().copy_text(self.shown_number.clone());
                        out.push(Command::Open(Route::Client(
                            client,
                            crate::ui::clients::Tab::People,
                        )));
                        out.push(Cmd::CloseCall.into());
                    }
                }
            });
            return;
        }
        for c in &self.callers {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                let p = &c.person;
                if p.id.is_none() {
                    // A number the dossier does not know, from the client the user chose.
                    ui.label(RichText::new(&c.client).strong().size(16.0));
                    ui.label(format!("{} {}", self.shown_number, t::CALL_UNKNOWN));
                } else {
                    ui.label(
                        RichText::new(crate::domain::names::full_name(
                            &p.surname,
                            &p.name,
                            &p.patronymic,
                        ))
                        .strong()
                        .size(16.0),
                    );
                    ui.label(RichText::new(t::call_address(&c.address_as)).color(theme::ACCENT));
                    ui.label(format!("{} — {}", p.position, c.client));
                }
                let count = t::call_count(c.calls);
                if c.known_by_voice() {
                    ui.label(RichText::new(format!("{count}: {}", t::CALL_KNOWN)).color(theme::OK));
                } else {
                    ui.label(count);
                }
                if ui.link(t::CALL_OPEN_DOSSIER).clicked() {
                    out.push(Command::Open(Route::Client(
                        c.client_id,
                        crate::ui::clients::Tab::Enterprise,
                    )));
                }
                if !c.open_appeals.is_empty() {
                    ui.label(RichText::new(t::CALL_OPEN_APPEALS).strong());
                    let today = widgets::today_of(ui);
                    for a in &c.open_appeals {
                        let late = a.days_left(today).is_some_and(|d| d < 0);
                        let text = format!(
                            "{} {} — {} ({}{})",
                            a.number,
                            fmt::date(a.received_at.date()),
                            a.subject,
                            a.status.label(),
                            if late { t::CALL_OVERDUE } else { "" }
                        );
                        let text = if late {
                            RichText::new(text).color(theme::ERROR)
                        } else {
                            RichText::new(text)
                        };
                        if ui.link(text).clicked() {
                            out.push(Command::Open(Route::Appeal(a.id)));
                        }
                    }
                }
                if !c.last_contacts.is_empty() {
                    ui.label(RichText::new(t::CALL_LAST_CONTACTS).strong());
                    for m in &c.last_contacts {
                        ui.label(format!(
                            "{} — {}: {}",
                            fmt::opt_date(m.date),
                            m.kind.label(),
                            m.topics
                        ));
                    }
                }
            });
        }
    }

    /// The summary of the call and the buttons that record it.
    fn actions_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        if self.callers.is_empty() {
            return;
        }
        ui.add_space(6.0);
        let l = ui.label(t::CALL_SUMMARY);
        ui.add(
            TextEdit::multiline(&mut self.summary)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
        for (i, c) in self.callers.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                let who = if self.callers.len() > 1 {
                    format!(" ({})", c.client)
                } else {
                    String::new()
                };
                if ui
                    .add_enabled(
                        !self.summary.trim().is_empty(),
                        egui::Button::new(format!("{}{who}", t::CALL_RECORD)),
                    )
                    .clicked()
                {
                    out.push(Cmd::RecordCall(i, None).into());
                }
            });
        }
        ui.horizontal_wrapped(|ui| {
            egui::ComboBox::from_id_salt("call_kind")
                .selected_text(self.kind.label())
                .show_ui(ui, |ui| {
                    for k in AppealKind::ALL.iter().copied() {
                        ui.selectable_value(&mut self.kind, k, k.label());
                    }
                })
                .response
                .accessible_name(t::F_KIND);
            let l = ui.label(t::F_SUBJECT);
            ui.add(TextEdit::singleline(&mut self.subject).desired_width(200.0))
                .labelled_by(l.id);
        });
        for (i, c) in self.callers.iter().enumerate() {
            let who = if self.callers.len() > 1 {
                format!(" ({})", c.client)
            } else {
                String::new()
            };
            if ui
                .add_enabled(
                    !self.summary.trim().is_empty(),
                    egui::Button::new(format!("{}{who}", t::CALL_RECORD_APPEAL)),
                )
                .clicked()
            {
                out.push(Cmd::RecordCall(i, Some(self.kind)).into());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_company_as_said_on_the_phone() {
        assert_eq!(super::spoken("ОАО «Орелэнергосбыт»"), "Орелэнергосбыт");
        assert_eq!(super::spoken("Энергосбыт"), "Энергосбыт");
    }
}
