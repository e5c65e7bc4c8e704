//! «Вход в программу» beside a manager's card: how users prove who they are (the head chooses),
//! the manager's password (their own, or set by the head) and the computer's account linked.

use egui::{RichText, TextEdit, Ui};

use super::Cmd;
use crate::admin::identity::{self, Mode};
use crate::domain::{Actor, Duty, Id};
use crate::i18n::{self as t, Describe};
use crate::ui::command::{Command, Cx};
use crate::ui::{theme, widgets};

/// The section's state, for the manager whose card is open.
#[derive(Default)]
pub struct AccessForm {
    pub manager: Option<Id>,
    pub mode: Mode,
    pub has_password: bool,
    pub password: String,
    pub repeat: String,
    pub account: String,
    pub error: Option<String>,
}

impl AccessForm {
    /// Reads what the section shows for manager `id` (`None`: a new card, nothing to show).
    pub fn load(&mut self, cx: &mut Cx, id: Option<Id>) -> anyhow::Result<()> {
        *self = AccessForm {
            manager: id,
            mode: identity::settings(cx.db).map_err(t::err)?.mode,
            ..AccessForm::default()
        };
        if let Some(id) = id {
            self.has_password = identity::has_password(cx.db, id).map_err(t::err)?;
            self.account = identity::os_account(cx.db, id).map_err(t::err)?;
        }
        Ok(())
    }

    pub fn ui(&mut self, ui: &mut Ui, actor: &Actor) -> Vec<Command> {
        let mut out = Vec::new();
        let Some(id) = self.manager else {
            return out;
        };
        ui.add_space(12.0);
        ui.heading(t::ACCESS_TITLE);
        let head = actor.may(Duty::EditManagers);
        ui.horizontal_wrapped(|ui| {
            ui.label(t::ACCESS_MODE);
            ui.radio_value(&mut self.mode, Mode::Password, t::ACCESS_BY_PASSWORD);
            ui.radio_value(&mut self.mode, Mode::OsAccount, t::ACCESS_BY_ACCOUNT);
            let save = egui::Button::new(t::ACCESS_MODE_SAVE);
            if widgets::permitted_button(ui, save, head).clicked() {
                out.push(Cmd::SetSignInMode(self.mode).into());
            }
        });
        ui.label(
            RichText::new(if self.has_password {
                t::PASSWORD_IS_SET
            } else {
                t::PASSWORD_NOT_SET
            })
            .color(theme::MUTED),
        );
        let own = if actor.id == Some(id) { Ok(()) } else { head };
        widgets::form_grid("access").show(ui, |ui| {
            for (label, value) in [
                (t::NEW_PASSWORD, &mut self.password),
                (t::REPEAT_PASSWORD, &mut self.repeat),
            ] {
                let l = ui.label(label);
                ui.add_enabled(
                    own.is_ok(),
                    TextEdit::singleline(value)
                        .password(true)
                        .desired_width(240.0),
                )
                .labelled_by(l.id);
                ui.end_row();
            }
            let l = ui.label(t::OS_ACCOUNT);
            ui.add_enabled(
                head.is_ok(),
                TextEdit::singleline(&mut self.account)
                    .hint_text(identity::current_os_account())
                    .desired_width(240.0),
            )
            .labelled_by(l.id);
            ui.end_row();
        });
        ui.horizontal_wrapped(|ui| {
            if widgets::permitted_button(ui, egui::Button::new(t::SET_PASSWORD), own).clicked() {
                out.push(Cmd::SetPassword.into());
            }
            if widgets::permitted_button(ui, egui::Button::new(t::LINK_ACCOUNT), head).clicked() {
                out.push(Cmd::LinkAccount.into());
            }
        });
        if let Some(e) = &self.error {
            widgets::message(ui, e);
        }
        out
    }

    /// Carries out a command of the section.
    pub fn apply(&mut self, cmd: &Cmd, cx: &mut Cx) -> anyhow::Result<()> {
        let Some(id) = self.manager else {
            return Ok(());
        };
        let actor = cx.actor();
        let done = match cmd {
            Cmd::SetSignInMode(mode) => identity::set_mode(cx.db, &actor, *mode)
                .map(|()| t::ACCESS_MODE_SAVED)
                .map_err(|e| e.describe()),
            Cmd::SetPassword => {
                identity::set_password(cx.db, &actor, id, &self.password, &self.repeat)
                    .map(|()| t::PASSWORD_SAVED)
                    .map_err(|e| e.describe())
            }
            Cmd::LinkAccount => identity::set_os_account(cx.db, &actor, id, &self.account)
                .map(|()| t::ACCOUNT_LINKED)
                .map_err(|e| e.describe()),
            _ => return Ok(()),
        };
        match done {
            Ok(info) => {
                self.load(cx, Some(id))?;
                cx.info(info);
            }
            Err(e) => {
                self.password.clear();
                self.repeat.clear();
                self.error = Some(e);
            }
        }
        Ok(())
    }
}
