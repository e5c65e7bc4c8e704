//! Managers: the list and the editor (also used on first run to create the first user).

use egui::{RichText, Ui};

use super::Cmd;
use crate::admin::Manager;
use crate::admin::draft::ManagerDraft;
use crate::admin::service;
use crate::domain::{Code, FieldErrors, Id, Role};
use crate::i18n::fields;
use crate::i18n::{self as t, Describe, Label};
use crate::storage::StorageError;
use crate::ui::command::{Ask, Command, Cx, Route};
use crate::ui::editor::Editor;
use crate::ui::stale::{self, Stale, stale_ui};
use crate::ui::theme;
use crate::ui::widgets::{self, ConflictAnswer, date_row, err, error_text, form_grid, text_row};

pub struct ManagerEditor {
    /// The card as loaded, to tell whether anything was edited.
    pub original: ManagerDraft,
    pub draft: ManagerDraft,
    pub errors: FieldErrors,
    pub signature_path: String,
    pub signature_error: Option<String>,
    pub confirm_delete: bool,
    /// The card as the database held it when opened or last saved (`None` for a new one):
    /// a save over a card another instance changed meanwhile is caught.
    pub loaded: Option<Manager>,
    pub stale: Option<Stale<Manager>>,
    texture: Option<(Vec<u8>, egui::TextureHandle)>,
}

impl ManagerEditor {
    fn new(loaded: Option<&Manager>) -> Self {
        let draft = loaded.map_or_else(ManagerDraft::new, ManagerDraft::from_value);
        ManagerEditor {
            original: draft.clone(),
            draft,
            loaded: loaded.cloned(),
            stale: None,
            errors: FieldErrors::new(),
            signature_path: String::new(),
            signature_error: None,
            confirm_delete: false,
            texture: None,
        }
    }
}

#[derive(Default)]
pub struct ManagersScreen {
    pub editor: Option<ManagerEditor>,
    /// Who works: the cards are the head's to change (a manager keeps their own).
    pub actor: crate::domain::Actor,
    /// «Вход в программу» of the open card.
    pub access: super::access::AccessForm,
}

impl ManagersScreen {
    pub fn set_signature_path(&mut self, p: String) {
        if let Some(ed) = &mut self.editor {
            ed.signature_path = p;
        }
    }

    /// Opens the card of a manager (a new one for `None`).
    pub fn edit(&mut self, m: Option<&Manager>) {
        self.editor = Some(ManagerEditor::new(m));
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        managers: &[Manager],
        actor: &crate::domain::Actor,
    ) -> Vec<Command> {
        let mut out = Vec::new();
        self.actor = *actor;
        if let Some(ed) = &mut self.editor
            && let Some((answer, theirs)) = stale_ui(ui.ctx(), &mut ed.stale)
        {
            match answer {
                ConflictAnswer::KeepMine => {
                    ed.loaded = Some(theirs);
                    out.push(Cmd::SaveManager.into());
                }
                ConflictAnswer::TakeTheirs => *ed = ManagerEditor::new(Some(&theirs)),
                ConflictAnswer::Cancel => {}
            }
        }
        egui::Panel::left("managers_list")
            .resizable(true)
            .default_size(380.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    ui.heading(t::NAV_MANAGERS);
                    let new = egui::Button::new(t::NEW_MANAGER);
                    let may = crate::admin::may_edit_cards(&self.actor, managers);
                    if widgets::permitted_button(ui, new, may).clicked() {
                        out.push(Cmd::Edit(None).into());
                    }
                });
                ui.separator();
                egui::Grid::new("managers")
                    .striped(true)
                    .num_columns(3)
                    .show(ui, |ui| {
                        for m in managers {
                            let selected = self
                                .editor
                                .as_ref()
                                .is_some_and(|e| e.draft.id == m.id && m.id.is_some());
                            let mut text = RichText::new(m.full_name());
                            if !m.active {
                                text = text.color(theme::MUTED);
                            }
                            if ui.selectable_label(selected, text).clicked() && !selected {
                                out.push(Cmd::Edit(m.id).into());
                            }
                            ui.label(m.role.label());
                            ui.label(m.phone.as_ref().map(|p| p.display()).unwrap_or_default());
                            ui.end_row();
                        }
                    });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                if let Some(c) = self.editor_ui(ui, managers) {
                    out.push(c);
                }
                if self.editor.as_ref().is_some_and(|e| e.draft.id.is_some()) {
                    out.extend(self.access.ui(ui, actor));
                }
            });
        });
        out
    }

    /// The editor of the selected manager (or a new one when there is none yet).
    pub fn editor_ui(&mut self, ui: &mut Ui, managers: &[Manager]) -> Option<Command> {
        let mut out = None;
        if self.editor.is_none() && managers.is_empty() {
            self.editor = Some(ManagerEditor::new(None));
        }
        let Some(ed) = &mut self.editor else {
            return None;
        };
        // An error beside a field goes once the field is fixed (the first run's card too).
        crate::ui::widgets::forget_fixed(&mut ed.errors, ed.draft.to_value());
        ui.add_space(6.0);
        ui.heading(if ed.draft.id.is_some() {
            t::EDIT_MANAGER
        } else {
            t::NEW_MANAGER_TITLE
        });
        let e = &ed.errors;
        let d = &mut ed.draft;
        form_grid("manager").show(ui, |ui| {
            text_row(ui, t::F_SURNAME, &mut d.surname, err(e, "surname"));
            text_row(ui, t::F_NAME, &mut d.name, err(e, "name"));
            text_row(ui, t::F_PATRONYMIC, &mut d.patronymic, None);
            text_row(ui, t::F_POSITION, &mut d.position, err(e, "position"));
            ui.label(t::F_ROLE);
            ui.horizontal(|ui| {
                for r in Role::ALL.iter().copied() {
                    ui.radio_value(&mut d.role, r, r.label());
                }
            });
            ui.end_row();
            let sups: Vec<(Id, String)> = managers
                .iter()
                .filter(|m| m.id != d.id && m.id.is_some())
                .filter_map(|m| m.id.map(|id| (id, m.full_name())))
                .collect();
            crate::ui::widgets::combo_row(
                ui,
                t::F_SUPERVISOR,
                &mut d.supervisor_id,
                &sups,
                err(e, "supervisor"),
            );
            text_row(ui, t::F_PHONE, &mut d.phone, err(e, "phone"));
            text_row(ui, t::F_EMAIL, &mut d.email, err(e, "email"));
            text_row(ui, t::F_APPOINTMENT_ORDER, &mut d.order_number, None);
            date_row(
                ui,
                t::F_APPOINTMENT_DATE,
                "mgr_order_date",
                &mut d.order_date,
                err(e, "order_date"),
            );
            ui.label(t::F_ACTIVE);
            ui.checkbox(&mut d.active, t::F_ACTIVE_HINT);
            ui.end_row();
            ui.label(t::F_SIGNATURE);
            ui.vertical(|ui| {
                match &d.signature_png {
                    Some(bytes) => {
                        let stale = ed.texture.as_ref().is_none_or(|(b, _)| b != bytes);
                        if stale {
                            ed.texture = widgets::decode_png(bytes).map(|img| {
                                (
                                    bytes.clone(),
                                    ui.ctx().load_texture(
                                        "signature",
                                        img,
                                        egui::TextureOptions::LINEAR,
                                    ),
                                )
                            });
                        }
                        if let Some((_, tex)) = &ed.texture {
                            ui.add(egui::Image::new(tex).max_height(60.0));
                        }
                        if ui.small_button(t::REMOVE_SIGNATURE).clicked() {
                            d.signature_png = None;
                        }
                    }
                    None => {
                        ui.label(RichText::new(t::NO_SIGNATURE).color(theme::MUTED));
                    }
                }
                ui.horizontal(|ui| {
                    if let Some(c) =
                        widgets::path_field(ui, t::FILE_PATH, &mut ed.signature_path, || {
                            Ask::open(&["png"], |p| Cmd::SignaturePath(p).into())
                        })
                    {
                        out = Some(c);
                    }
                    if ui
                        .add_enabled(
                            !ed.signature_path.trim().is_empty(),
                            egui::Button::new(t::LOAD),
                        )
                        .on_disabled_hover_text(crate::words::PATH_FIRST)
                        .clicked()
                    {
                        out = Some(Cmd::LoadSignature(ed.signature_path.clone()).into());
                    }
                });
                match &ed.signature_error {
                    Some(msg) => widgets::message(ui, msg),
                    None => error_text(ui, err(e, "signature")),
                }
            });
            ui.end_row();
        });
        // Wrapped: the confirmation's question and buttons fit a narrow card.
        ui.horizontal_wrapped(|ui| {
            // One's own card, or any card for the head (or anyone while the group has none).
            let own = d.id.is_some() && d.id == self.actor.id;
            let may = if own {
                Ok(())
            } else {
                crate::admin::may_edit_cards(&self.actor, managers)
            };
            let save = egui::Button::new(RichText::new(t::SAVE).strong());
            if widgets::permitted_button(ui, save, may).clicked() {
                out = Some(Cmd::SaveManager.into());
            }
            if let Some(id) = d.id {
                if ed.confirm_delete {
                    ui.label(RichText::new(t::CONFIRM_DELETE_MANAGER).color(theme::ERROR));
                    if ui.button(t::YES_DELETE).clicked() {
                        out = Some(Cmd::DeleteManager(id).into());
                    }
                    if ui.button(t::CANCEL).clicked() {
                        ed.confirm_delete = false;
                    }
                } else if widgets::permitted_button(
                    ui,
                    egui::Button::new(t::DELETE),
                    crate::admin::may_edit_cards(&self.actor, managers),
                )
                .clicked()
                {
                    ed.confirm_delete = true;
                }
            }
        });
        out
    }
}

impl Editor for ManagerEditor {
    fn is_dirty(&self) -> bool {
        self.draft != self.original
    }

    fn shows(&self, route: &Route) -> bool {
        matches!(route, Route::Managers | Route::Welcome)
    }

    /// Saves the card; on refusal it stays with its errors. The first manager is the one who
    /// works.
    fn save(&mut self, cx: &mut Cx) -> bool {
        let value = match self.draft.to_value() {
            Ok(v) => v,
            Err(errors) => {
                self.errors = errors;
                cx.error(t::SAVE_REFUSED);
                return false;
            }
        };
        let saved = service::save_manager_over(cx.db, &cx.actor(), self.loaded.as_ref(), &value)
            .and_then(|id| service::manager(cx.db, id));
        let saved = match saved {
            Ok(m) => m,
            Err(StorageError::ChangedMeanwhile(id)) => {
                let theirs = service::manager(cx.db, id);
                self.stale =
                    stale::refused(cx, self.loaded.as_ref(), &value, theirs, fields::manager);
                return false;
            }
            Err(e) => {
                cx.error(t::save_failed(&e.describe()));
                return false;
            }
        };
        *self = ManagerEditor::new(Some(&saved));
        if cx.view.managers.is_empty() || cx.view.me.is_none() && cx.view.managers.len() == 1 {
            cx.set_user(saved.id);
        }
        cx.info(t::SAVED);
        cx.reload();
        true
    }
}
