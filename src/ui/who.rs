//! «Кто работает?»: the user picks their name (found by typing a part of it) and proves it is
//! them — their password, a first password when nobody has one yet, or the computer's account —
//! before the program acts as them (`crate::admin::identity`).

use egui::{Key, RichText, TextEdit};

use super::theme;
use crate::admin::Manager;
use crate::admin::identity::{self, Ask, Proof};
use crate::domain::{Actor, Id, fmt};
use crate::i18n::{self as t, Label};
use crate::storage::Db;

/// The sign-in form, kept between frames.
#[derive(Default)]
pub struct SignIn {
    pub query: String,
    /// The user picked, with what proving it asks (an error: why they cannot sign in).
    pub chosen: Option<(Id, Result<Ask, String>)>,
    pub password: String,
    pub repeat: String,
    pub error: Option<String>,
    /// Focus the field that waits for the user on the next frame.
    focus: bool,
    /// How many names the list showed last frame: when it changes, the window is sized again
    /// on the next frame at once (not at the next mouse move).
    shown: usize,
}

/// What the user did in the form this frame.
enum Act {
    Choose(Id),
    Submit,
    Back,
}

impl SignIn {
    /// Picks user `id` (the remembered one at start, or a click): what proving it asks.
    pub fn choose(&mut self, db: &Db, id: Id) {
        self.chosen = Some((id, identity::ask(db, id).map_err(|e| t::describe(&e))));
        self.password.clear();
        self.repeat.clear();
        self.error = None;
        self.focus = true;
    }

    /// At start: the user proven by the computer's account when the settings say so; else
    /// nobody, with who worked last time (`remembered`) proposed — they prove it is them.
    pub fn at_start(
        &mut self,
        db: &mut Db,
        managers: &[Manager],
        remembered: Option<String>,
    ) -> Option<Manager> {
        match identity::sign_in_by_os(db) {
            Ok(Some(actor)) => return managers.iter().find(|m| m.id == actor.id).cloned(),
            Ok(None) => {
                let id = remembered.and_then(|uuid| {
                    managers
                        .iter()
                        .find(|m| m.uuid == uuid && m.active)
                        .and_then(|m| m.id)
                });
                if let Some(id) = id {
                    self.choose(db, id);
                }
            }
            Err(e) => self.error = Some(t::describe(&e)),
        }
        None
    }

    /// The modal; returns the user signed in.
    pub fn ui(&mut self, ctx: &egui::Context, db: &mut Db, managers: &[Manager]) -> Option<Actor> {
        let act = egui::Modal::new(egui::Id::unique("who_is_working"))
            .show(ctx, |ui| {
                ui.set_max_width(460.0);
                ui.heading(t::WHO_IS_WORKING);
                ui.add_space(6.0);
                match &self.chosen {
                    None => self.pick_ui(ui, managers),
                    Some((id, ask)) => {
                        let (id, ask) = (*id, ask.clone());
                        self.prove_ui(ui, managers, id, ask)
                    }
                }
            })
            .inner?;
        match act {
            Act::Choose(id) => {
                self.choose(db, id);
                None
            }
            // Back to the whole list, the search empty.
            Act::Back => {
                *self = SignIn {
                    focus: true,
                    ..SignIn::default()
                };
                None
            }
            Act::Submit => self.submit(db),
        }
    }

    fn submit(&mut self, db: &mut Db) -> Option<Actor> {
        let (id, Ok(ask)) = self.chosen.clone()? else {
            return None;
        };
        let proof = match &ask {
            Ask::Password => Proof::Password(&self.password),
            Ask::NewPassword => Proof::NewPassword(&self.password, &self.repeat),
            Ask::OsAccount { account } => Proof::OsAccount(account),
        };
        match identity::sign_in(db, id, proof) {
            Ok(actor) => {
                *self = SignIn::default();
                Some(actor)
            }
            Err(e) => {
                self.error = Some(t::describe(&e));
                self.password.clear();
                self.repeat.clear();
                self.focus = true;
                None
            }
        }
    }

    fn pick_ui(&mut self, ui: &mut egui::Ui, managers: &[Manager]) -> Option<Act> {
        let l = ui.label(t::SEARCH);
        let search = ui
            .add(
                TextEdit::singleline(&mut self.query)
                    .hint_text(t::WHO_SEARCH_HINT)
                    .desired_width(360.0),
            )
            .labelled_by(l.id);
        if self.focus || ui.memory(|m| m.focused().is_none()) {
            search.request_focus();
            self.focus = false;
        }
        let key = fmt::search_key(&self.query);
        let found: Vec<&Manager> = managers
            .iter()
            .filter(|m| m.active && fmt::search_key(&m.full_name()).contains(&key))
            .collect();
        if found.len() != self.shown {
            self.shown = found.len();
            ui.ctx().request_repaint();
        }
        let mut act = None;
        // Enter or ↓ takes the first one found (the only one, after typing a part of a name).
        let (enter, down) =
            ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::ArrowDown)));
        if (enter && (search.lost_focus() || search.has_focus()) || down && search.has_focus())
            && let Some(id) = found.first().and_then(|m| m.id)
        {
            act = Some(Act::Choose(id));
        }
        ui.add_space(4.0);
        // As high as the names found (up to 420 px): the list grows back at once when a search
        // that found nobody is cleared.
        let sp = ui.spacing();
        let row = (ui.text_style_height(&egui::TextStyle::Button) + 2.0 * sp.button_padding.y)
            .max(sp.interact_size.y)
            + sp.item_spacing.y
            + 1.0;
        egui::ScrollArea::vertical()
            .max_height(420.0)
            .min_scrolled_height((found.len().max(1) as f32 * row).min(420.0))
            .show(ui, |ui| {
                for m in &found {
                    let label = format!("{} — {}", m.full_name(), m.role.label());
                    if ui.button(label).clicked() {
                        act = m.id.map(Act::Choose);
                    }
                }
                if found.is_empty() {
                    ui.label(RichText::new(t::NOBODY_FOUND).color(theme::MUTED));
                }
            });
        act
    }

    fn prove_ui(
        &mut self,
        ui: &mut egui::Ui,
        managers: &[Manager],
        id: Id,
        ask: Result<Ask, String>,
    ) -> Option<Act> {
        let name = managers
            .iter()
            .find(|m| m.id == Some(id))
            .map(|m| format!("{} — {}", m.full_name(), m.role.label()))
            .unwrap_or_default();
        ui.label(RichText::new(name).strong());
        ui.add_space(4.0);
        let mut act = None;
        match ask {
            Err(why) => {
                ui.label(RichText::new(why).color(theme::ERROR));
            }
            Ok(Ask::OsAccount { account }) => {
                ui.label(t::sign_in_by_account(&account));
                if ui.button(RichText::new(t::SIGN_IN).strong()).clicked() {
                    act = Some(Act::Submit);
                }
            }
            Ok(ask) => {
                let new = ask == Ask::NewPassword;
                if new {
                    ui.label(t::first_password_hint(identity::MIN_PASSWORD));
                }
                egui::Grid::new("sign_in").num_columns(2).show(ui, |ui| {
                    let l = ui.label(if new { t::NEW_PASSWORD } else { t::PASSWORD });
                    let field = ui
                        .add(
                            TextEdit::singleline(&mut self.password)
                                .password(true)
                                .desired_width(240.0),
                        )
                        .labelled_by(l.id);
                    // Focused when the user is chosen, and whenever nothing else is (the
                    // window's first frames, where a request can be lost).
                    if self.focus || ui.memory(|m| m.focused().is_none()) {
                        field.request_focus();
                        self.focus = false;
                    }
                    let mut submitted = (field.lost_focus() || field.has_focus())
                        && ui.input(|i| i.key_pressed(Key::Enter));
                    ui.end_row();
                    if new {
                        let l = ui.label(t::REPEAT_PASSWORD);
                        let again = ui
                            .add(
                                TextEdit::singleline(&mut self.repeat)
                                    .password(true)
                                    .desired_width(240.0),
                            )
                            .labelled_by(l.id);
                        submitted = (again.lost_focus() || again.has_focus())
                            && ui.input(|i| i.key_pressed(Key::Enter));
                        ui.end_row();
                    }
                    if submitted {
                        act = Some(Act::Submit);
                    }
                });
                if ui.button(RichText::new(t::SIGN_IN).strong()).clicked() {
                    act = Some(Act::Submit);
                }
            }
        }
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(theme::ERROR));
        }
        ui.add_space(4.0);
        if ui.button(t::OTHER_USER).clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
            act = Some(Act::Back);
        }
        act
    }
}
