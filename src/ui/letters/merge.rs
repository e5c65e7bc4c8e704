//! «Рассылка»: one template to a selection of clients, off the UI thread, with a progress bar
//! and a cancel button.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Receiver;

use egui::{RichText, TextEdit, Ui};

use super::Cmd;
use crate::admin::Catalogs;
use crate::domain::Id;
use crate::i18n::Label;
use crate::i18n::{self as t, Describe};
use crate::letters::{
    LetterError, MergeReport, Recipient, Selection, Template, TemplateField, TemplateFields,
};
use crate::ui::command::{Ask, Command};
use crate::ui::context::ViewCtx;
use crate::ui::theme;

/// What the merge thread reports.
pub enum MergeMsg {
    Progress(usize, usize),
    Finished(Result<MergeReport, LetterError>),
}

/// A merge that is running.
pub struct MergeRun {
    pub rx: Receiver<MergeMsg>,
    pub cancel: Arc<AtomicBool>,
    pub done: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Target {
    #[default]
    All,
    Manager,
    District,
}

#[derive(Default)]
pub struct MergeScreen {
    pub template_code: String,
    pub target: Target,
    pub manager: Option<Id>,
    pub district: Option<Id>,
    pub out_dir: String,
    pub combined: bool,
    pub run: Option<MergeRun>,
    pub report: Option<Result<MergeReport, LetterError>>,
    pub error: Option<&'static str>,
    /// The values the template asks for, as typed.
    pub typed: TemplateFields,
    /// The same, checked and formatted, for the merge.
    pub fields: TemplateFields,
    pub field_errors: std::collections::BTreeMap<&'static str, String>,
    /// The recipients shown for confirmation before anything is registered.
    pub confirm: Option<Confirm>,
    /// The recipients being read (5,000 dossiers take longer than a frame).
    pub preview: crate::ui::loader::Loading<Confirm>,
    /// Why the recipients could not be read.
    pub preview_error: Option<String>,
}

/// A merge waiting for the user's «да»: who it writes to.
pub struct Confirm {
    pub selection: Selection,
    pub resume: bool,
    pub recipients: Vec<Recipient>,
    /// The clients the user left out (a resumed merge keeps the ones it began without).
    pub unticked: std::collections::HashSet<Id>,
    /// Letters the same merge already registered today (a second run is most likely a mistake).
    pub sent_today: usize,
}

impl MergeScreen {
    fn selection(&self, catalogs: &Catalogs) -> Option<Selection> {
        match self.target {
            Target::All => Some(Selection::All),
            Target::Manager => self.manager.map(Selection::Manager),
            Target::District => self
                .district
                .map(|id| Selection::District(catalogs.district_name(Some(id)).to_string())),
        }
    }

    /// Checks the template's fields; `false` with the errors beside them.
    fn check_fields(&mut self, used: &[TemplateField]) -> bool {
        self.field_errors.clear();
        self.fields = TemplateFields::default();
        for f in used {
            match f.normalise(self.typed.get(*f)) {
                Ok(v) => *self.fields.get_mut(*f) = v,
                Err(e) => {
                    self.field_errors.insert(f.placeholder(), t::describe(&e));
                }
            }
        }
        self.field_errors.is_empty()
    }

    /// The confirmation: the recipients, and the buttons to run or not.
    fn confirm_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let Some(c) = &mut self.confirm else {
            return;
        };
        let with = c
            .recipients
            .iter()
            .filter(|r| r.addressee.is_some() && !c.unticked.contains(&r.client_id))
            .count();
        let without = c
            .recipients
            .iter()
            .filter(|r| r.addressee.is_none() && !c.unticked.contains(&r.client_id))
            .count();
        ui.separator();
        ui.label(RichText::new(t::merge_confirm_title(with, without)).strong());
        if !c.resume {
            ui.label(
                RichText::new(t::MERGE_UNTICK_HINT)
                    .small()
                    .color(theme::MUTED),
            );
        }
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        // As high as the window allows, the buttons below it in view.
        let height = (ui.available_height() - 60.0).max(120.0);
        let k = crate::ui::widgets::widen(ui, 900.0);
        egui_extras::TableBuilder::new(ui)
            // Each list from its top (not where the last one was scrolled to).
            .id_salt(("merge_recipients", c.recipients.len(), c.resume))
            .striped(true)
            .resizable(true)
            .max_scroll_height(height)
            .column(egui_extras::Column::exact(64.0))
            .column(
                egui_extras::Column::initial(260.0 * k)
                    .at_least(120.0)
                    .clip(true),
            )
            .column(
                egui_extras::Column::initial(300.0 * k)
                    .at_least(120.0)
                    .clip(true),
            )
            .column(egui_extras::Column::remainder().at_least(120.0).clip(true))
            .header(row_h, |mut h| {
                for title in [
                    "№",
                    t::COL_CLIENT,
                    t::MERGE_COL_ADDRESSEE,
                    t::MERGE_COL_ADDRESS,
                ] {
                    h.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(row_h, c.recipients.len(), |mut row| {
                    let i = row.index();
                    let r = &c.recipients[i];
                    row.col(|ui| {
                        ui.horizontal(|ui| {
                            let mut ticked = !c.unticked.contains(&r.client_id);
                            // A resumed merge goes on as it began.
                            let changed = ui
                                .add_enabled(!c.resume, egui::Checkbox::new(&mut ticked, ""))
                                .on_hover_text(t::merge_tick_hint(&r.client))
                                .accessible_name(t::merge_tick_hint(&r.client))
                                .changed();
                            ui.label((i + 1).to_string());
                            if changed && ticked {
                                c.unticked.remove(&r.client_id);
                            } else if changed {
                                c.unticked.insert(r.client_id);
                            }
                        });
                    });
                    row.col(|ui| {
                        crate::ui::widgets::cell(ui, &r.client);
                    });
                    row.col(|ui| match &r.addressee {
                        Some(a) => {
                            crate::ui::widgets::cell(ui, a);
                        }
                        None => {
                            crate::ui::widgets::cell(
                                ui,
                                RichText::new(t::MERGE_NO_ADDRESSEE).color(theme::WARNING),
                            );
                        }
                    });
                    row.col(|ui| {
                        crate::ui::widgets::cell(ui, &r.address);
                    });
                });
            });
        let mut cancel = false;
        ui.horizontal(|ui| {
            let go = ui.add_enabled(
                with > 0,
                egui::Button::new(RichText::new(t::merge_confirm_button(with)).strong()),
            );
            if go.clicked() {
                let mut except: Vec<Id> = c.unticked.iter().copied().collect();
                except.sort_unstable();
                out.push(Cmd::StartMerge(c.selection.clone(), c.resume, except).into());
            }
            cancel = ui.button(t::CANCEL).clicked();
        });
        if cancel {
            self.confirm = None;
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, templates: &[Template], view: &ViewCtx) -> Vec<Command> {
        self.poll();
        let used = templates
            .iter()
            .find(|t| t.code == self.template_code)
            .map(|t| crate::letters::template::fields_used(&t.heading, &t.body))
            .unwrap_or_default();
        let catalogs = &view.catalogs;
        let mut out = Vec::new();
        ui.heading(t::NAV_MERGE);
        ui.label(RichText::new(t::MERGE_HINT).small().color(theme::MUTED));
        let running = self.run.is_some();
        let confirming = self.confirm.is_some() || self.preview.busy();
        ui.add_enabled_ui(!running && !confirming, |ui| {
            crate::ui::widgets::form_grid("merge").show(ui, |ui| {
                ui.label(t::F_TEMPLATE);
                let selected = templates
                    .iter()
                    .find(|t| t.code == self.template_code)
                    .map_or("—".to_string(), |t| t.title.clone());
                egui::ComboBox::from_id_salt("merge_template")
                    .selected_text(selected)
                    .show_ui(ui, |ui| {
                        // Not an empty template, nor an appeal's (written from its card).
                        for tpl in templates.iter().filter(|t| {
                            !t.body.trim().is_empty()
                                && !crate::letters::template::needs_appeal(&t.heading, &t.body)
                        }) {
                            ui.selectable_value(
                                &mut self.template_code,
                                tpl.code.clone(),
                                &tpl.title,
                            );
                        }
                    })
                    .response
                    .accessible_name(t::F_TEMPLATE);
                ui.end_row();
                ui.label(t::MERGE_TO);
                ui.vertical(|ui| {
                    ui.radio_value(&mut self.target, Target::All, t::MERGE_ALL);
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut self.target, Target::Manager, t::MERGE_MANAGER);
                        let items = view.manager_full_names();
                        crate::ui::widgets::id_combo(
                            ui,
                            "merge_manager",
                            t::MERGE_MANAGER,
                            &mut self.manager,
                            &items,
                        );
                    });
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut self.target, Target::District, t::MERGE_DISTRICT);
                        let items: Vec<(Id, String)> = catalogs
                            .districts
                            .iter()
                            .map(|d| (d.id, d.name.clone()))
                            .collect();
                        crate::ui::widgets::id_combo(
                            ui,
                            "merge_district",
                            t::MERGE_DISTRICT,
                            &mut self.district,
                            &items,
                        );
                    });
                });
                ui.end_row();
                let l = ui.label(t::MERGE_DIR);
                ui.horizontal(|ui| {
                    let ask = || Ask::folder(|p| Cmd::MergeDir(p).into());
                    if let Some(c) =
                        crate::ui::widgets::path_input(ui, l.id, &mut self.out_dir, ask)
                    {
                        out.push(c);
                    }
                });
                ui.end_row();
                ui.label("");
                ui.checkbox(&mut self.combined, t::MERGE_COMBINED);
                ui.end_row();
                for f in &used {
                    let l = ui.label(f.label());
                    ui.vertical(|ui| {
                        let hint = crate::i18n::labels::template_field_hint(*f);
                        let r = ui
                            .add(
                                TextEdit::singleline(self.typed.get_mut(*f))
                                    .hint_text(hint)
                                    .desired_width(160.0),
                            )
                            .labelled_by(l.id);
                        if r.changed() {
                            self.field_errors.remove(f.placeholder());
                        }
                        if let Some(e) = self.field_errors.get(f.placeholder()) {
                            ui.label(RichText::new(e).color(theme::ERROR));
                        }
                    });
                    ui.end_row();
                }
            });
            ui.horizontal(|ui| {
                for (label, resume) in [(t::MERGE_START, false), (t::MERGE_RESUME, true)] {
                    let text = if resume {
                        RichText::new(label)
                    } else {
                        RichText::new(label).strong()
                    };
                    if ui.button(text).clicked() {
                        self.error = None;
                        match self.selection(catalogs) {
                            _ if self.template_code.is_empty() => {
                                self.error = Some(t::MERGE_PICK_TEMPLATE);
                            }
                            _ if self.out_dir.trim().is_empty() => {
                                self.error = Some(t::MERGE_PICK_DIR);
                            }
                            None => self.error = Some(t::MERGE_PICK_TARGET),
                            Some(_) if !self.check_fields(&used) => {}
                            Some(selection) => {
                                out.push(Cmd::PreviewMerge(selection, resume).into());
                            }
                        }
                    }
                }
            });
        });
        if let Some(e) = self.error {
            ui.label(RichText::new(e).color(theme::ERROR));
        }
        if let Some(read) = self.preview.poll() {
            self.take_preview(read);
        }
        self.preview.ui(ui);
        if let Some(e) = &self.preview_error {
            ui.label(RichText::new(e).color(theme::ERROR));
        }
        self.confirm_ui(ui, &mut out);
        if let Some(run) = &self.run {
            let fraction = if run.total == 0 {
                0.0
            } else {
                run.done as f32 / run.total as f32
            };
            ui.add(egui::ProgressBar::new(fraction).text(t::merge_progress(run.done, run.total)));
            if ui.button(t::CANCEL).clicked() {
                run.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        }
        match &self.report {
            Some(Ok(r)) => {
                let summary = t::merge_summary(r.letters.len(), r.files.len(), r.skipped.len());
                ui.label(
                    RichText::new(if r.cancelled {
                        format!("{summary}. {}", t::MERGE_CANCELLED)
                    } else {
                        summary
                    })
                    .strong(),
                );
                if r.already > 0 {
                    ui.label(t::merge_already(r.already));
                }
                for (client, reason) in &r.skipped {
                    ui.label(
                        RichText::new(t::merge_skipped(client, &reason.describe()))
                            .color(theme::WARNING),
                    );
                }
            }
            Some(Err(e)) => {
                ui.label(RichText::new(e.describe()).color(theme::ERROR));
            }
            None => {}
        }
        out
    }
}

impl MergeScreen {
    /// Takes what the merge thread reported since the last frame.
    /// Takes the recipients read for the confirmation (or why they could not be).
    pub fn take_preview(&mut self, read: Result<Confirm, String>) {
        match read {
            Ok(c) => (self.confirm, self.preview_error) = (Some(c), None),
            Err(e) => {
                (self.confirm, self.preview_error) =
                    (None, Some(crate::domain::fmt::capitalize(&e)));
            }
        }
    }

    fn poll(&mut self) {
        let Some(run) = &mut self.run else {
            return;
        };
        let mut finished = None;
        while let Ok(msg) = run.rx.try_recv() {
            match msg {
                MergeMsg::Progress(done, total) => (run.done, run.total) = (done, total),
                MergeMsg::Finished(r) => finished = Some(r),
            }
        }
        if let Some(r) = finished {
            self.report = Some(r);
            self.run = None;
        }
    }
}
