//! «Рассылка»: one template to a selection of clients, off the UI thread, with a progress bar
//! and a cancel button.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Receiver;

use egui::{RichText, TextEdit, Ui};

use super::Cmd;
use crate::admin::Catalogs;
use crate::domain::Id;
use crate::i18n::{self as t, Describe};
use crate::letters::{LetterError, MergeReport, Selection, Template};
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

    pub fn ui(&mut self, ui: &mut Ui, templates: &[Template], view: &ViewCtx) -> Vec<Command> {
        self.poll();
        let catalogs = &view.catalogs;
        let mut out = Vec::new();
        ui.heading(t::NAV_MERGE);
        ui.label(RichText::new(t::MERGE_HINT).small().color(theme::MUTED));
        let running = self.run.is_some();
        ui.add_enabled_ui(!running, |ui| {
            crate::ui::widgets::form_grid("merge").show(ui, |ui| {
                ui.label(t::F_TEMPLATE);
                let selected = templates
                    .iter()
                    .find(|t| t.code == self.template_code)
                    .map_or("—".to_string(), |t| t.title.clone());
                egui::ComboBox::from_id_salt("merge_template")
                    .selected_text(selected)
                    .show_ui(ui, |ui| {
                        for tpl in templates.iter().filter(|t| !t.body.trim().is_empty()) {
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
                    ui.add(TextEdit::singleline(&mut self.out_dir).desired_width(260.0))
                        .labelled_by(l.id);
                    if ui.button(t::BROWSE).clicked() {
                        out.push(Command::AskPath(Ask::folder(|p| Cmd::MergeDir(p).into())));
                    }
                });
                ui.end_row();
                ui.label("");
                ui.checkbox(&mut self.combined, t::MERGE_COMBINED);
                ui.end_row();
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
                            Some(selection) => {
                                out.push(Cmd::StartMerge(selection, resume).into());
                            }
                        }
                    }
                }
            });
        });
        if let Some(e) = self.error {
            ui.label(RichText::new(e).color(theme::ERROR));
        }
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
