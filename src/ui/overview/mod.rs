//! «Сегодня», the home screen: the sections every feature contributes (`crate::overview`),
//! drawn alike, each row with the buttons that deal with it. The same sections, with the same
//! counts, as `vipdesk today`.

use egui::{RichText, Ui};

use super::command::{Command, Cx, Feature, Route};
use super::context::ViewCtx;
use super::theme;
use crate::domain::fmt;
use crate::i18n as t;
use crate::overview::{self, Section, Target, Today, Tone};

/// «Сегодня» has no commands of its own: its buttons open records or run another feature's.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {}

#[derive(Default)]
pub struct OverviewUi {
    pub today: Today,
}

fn colour(tone: Tone) -> Option<egui::Color32> {
    match tone {
        Tone::Plain | Tone::Strong => None,
        Tone::Late => Some(theme::ERROR),
        Tone::Soon => Some(theme::WARNING),
        Tone::Muted => Some(theme::MUTED),
        Tone::Accent => Some(theme::ACCENT),
    }
}

fn text(s: &str, tone: Tone) -> RichText {
    let t = RichText::new(s);
    let t = if matches!(tone, Tone::Strong | Tone::Accent) {
        t.strong()
    } else {
        t
    };
    match colour(tone) {
        Some(c) => t.color(c),
        None => t,
    }
}

/// What a row's button asks of the shell.
fn command(target: Target) -> Command {
    match target {
        Target::ClientPeople(id) => Command::Open(Route::Client(id, super::clients::Tab::People)),
        Target::Report(id) => Command::Open(Route::Report(id)),
        Target::NewReport(client, kind) => Command::Open(Route::NewReport(client, kind)),
        Target::Appeal(id) => Command::Open(Route::Appeal(id)),
        Target::Gifts => Command::Open(Route::Gifts),
        Target::Greetings => Command::Open(Route::Greetings),
        Target::CompleteStep(id) => super::contacts::Cmd::CompleteStep(id).into(),
    }
}

fn section_ui(ui: &mut Ui, s: &Section, out: &mut Vec<Command>) {
    if s.lines.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.label(text(&t::section_title(s.title, s.lines.len()), s.tone));
    let columns = s
        .lines
        .iter()
        .map(|l| l.cells.len() + l.actions.len())
        .max()
        .unwrap_or(0);
    egui::Grid::new(s.key)
        .striped(true)
        .num_columns(columns)
        .show(ui, |ui| {
            for line in &s.lines {
                for (cell, tone) in &line.cells {
                    ui.label(text(cell, *tone));
                }
                for a in &line.actions {
                    if ui
                        .button(a.label)
                        .accessible_name(a.name.as_str())
                        .clicked()
                    {
                        out.push(command(a.target));
                    }
                }
                ui.end_row();
            }
        });
}

impl OverviewUi {
    fn today_ui(&self, ui: &mut Ui, today: chrono::NaiveDate) -> Vec<Command> {
        let mut out = Vec::new();
        // Everything scrolls: a head with forty reports to accept reaches the last one and
        // what is below.
        egui::ScrollArea::vertical()
            .id_salt("today_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.heading(t::today_title(&fmt::date(today)));
                for (part, why) in &self.today.failed {
                    ui.label(text(&t::part_failed(part, why), Tone::Late));
                }
                if self.today.count() == 0 && self.today.failed.is_empty() {
                    ui.label(RichText::new(t::TODAY_NOTHING).color(theme::OK));
                }
                for s in &self.today.sections {
                    section_ui(ui, s, &mut out);
                }
            });
        out
    }
}

impl Feature for OverviewUi {
    type Cmd = Cmd;

    fn open(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        self.reload(route, cx)
    }

    /// «Сегодня» counts in the navigation wherever the window is: it is recounted after every
    /// write.
    fn reload(&mut self, _route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        self.today = overview::today(cx.db, &cx.actor(), cx.today());
        Ok(())
    }

    fn ui(&mut self, ui: &mut Ui, _route: Route, view: &ViewCtx) -> Vec<Command> {
        self.today_ui(ui, view.today)
    }

    fn apply(&mut self, cmd: Cmd, _cx: &mut Cx) -> anyhow::Result<()> {
        match cmd {}
    }

    fn badge(&self, route: Route) -> Option<usize> {
        (route == Route::Today).then(|| self.today.count())
    }
}
