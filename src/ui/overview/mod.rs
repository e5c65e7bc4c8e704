//! «Сегодня», the home screen: the sections every feature contributes (`crate::overview`),
//! drawn alike, each row with the buttons that deal with it. The same sections, with the same
//! counts, as `vipdesk today`. Whoever sees everyone's clients (the head of the group) gets the
//! summary by manager and kind first; a cell opens its rows, drawn a screenful at a time.

use std::collections::HashMap;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::command::{Command, Cx, Feature, Route};
use super::context::ViewCtx;
use super::theme;
use crate::domain::{Id, fmt};
use crate::i18n as t;
use crate::overview::{self, Group, Line, Section, Summary, Target, Today, Tone};

/// What «Сегодня» asks of itself: open a summary cell's rows, or go back to the summary.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    /// The rows of a kind (a section's key) of a group (every group: `None`).
    Detail(&'static str, Option<Group>),
    Summary,
}

#[derive(Default)]
pub struct OverviewUi {
    pub today: Today,
    /// For a viewer who sees everyone's clients: the counts by manager and kind.
    pub summary: Option<Summary>,
    /// The summary cell open: its title and its rows (section, line), oldest first.
    pub detail: Option<(String, Vec<(usize, usize)>)>,
    /// The summary cell open, kept across a reload (its rows are read again).
    open_cell: Option<(&'static str, Option<Group>)>,
    /// Client → personal manager, as of the last reload.
    managers_of: HashMap<Id, Option<Id>>,
    /// «Сегодня» was just opened: it starts at its top.
    scroll_to_top: bool,
    /// «Сегодня» read again off the UI thread (the head's takes longer than a frame).
    loading: super::loader::Loading<TodayRead>,
}

/// «Сегодня» as read, with what the summary needs made on the read's thread too: client →
/// manager, and the summary for a viewer of everyone's clients.
type TodayRead = (Today, HashMap<Id, Option<Id>>, Option<Summary>);

/// Client → manager and the summary of a «Сегодня» read (off the UI thread at scale).
fn digest(
    today: Today,
    clients: &[crate::clients::ClientRow],
    managers: &[crate::admin::Manager],
    everyone: bool,
) -> TodayRead {
    let managers_of: HashMap<Id, Option<Id>> =
        clients.iter().map(|c| (c.id, c.manager_id)).collect();
    let summary = everyone.then(|| {
        overview::summary(&today, &|c| managers_of.get(&c).copied().flatten(), &|g| {
            group_name(managers, g)
        })
    });
    (today, managers_of, summary)
}

/// A summary row's name: a manager's full name (at 401 managers, «Алексеев А.П.» is two
/// people), nobody's clients, everyone.
fn group_name(managers: &[crate::admin::Manager], g: Group) -> String {
    match g {
        Group::Manager(id) => managers
            .iter()
            .find(|m| m.id == Some(id))
            .map(|m| m.full_name())
            .unwrap_or_default(),
        Group::Unassigned => t::SUMMARY_UNASSIGNED.into(),
        Group::Everyone => t::SUMMARY_EVERYONE.into(),
    }
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
        Target::NewSurvey(client) => Command::Open(Route::NewSurvey(client)),
    }
}

/// A row's cells (whole: a grid's column is as wide as its widest cell) and buttons.
fn line_ui(ui: &mut Ui, line: &Line, out: &mut Vec<Command>) {
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
                line_ui(ui, line, out);
                ui.end_row();
            }
        });
}

impl OverviewUi {
    fn manager_of(&self, client: Id) -> Option<Id> {
        self.managers_of.get(&client).copied().flatten()
    }

    /// Takes a «Сегодня» read (the summary made with it), the cell open opened again.
    fn accept(&mut self, (today, managers_of, summary): TodayRead, view: &ViewCtx) {
        let old = (
            std::mem::replace(&mut self.today, today),
            std::mem::replace(&mut self.managers_of, managers_of),
            std::mem::replace(&mut self.summary, summary),
        );
        super::loader::free_later(old);
        self.detail = None;
        if let Some((key, group)) = self.open_cell {
            self.open_detail(key, group, view);
        }
    }

    /// The rows of a summary cell, oldest first.
    fn open_detail(&mut self, key: &'static str, group: Option<Group>, view: &ViewCtx) {
        let Some(s) = self.today.sections.iter().position(|s| s.key == key) else {
            return;
        };
        self.open_cell = Some((key, group));
        let rows = overview::detail(&self.today, key, group, &|c| self.manager_of(c));
        let section = &self.today.sections[s];
        let name = group.map_or_else(
            || t::SUMMARY_ALL.to_string(),
            |g| group_name(&view.managers, g),
        );
        self.detail = Some((t::detail_title(section.title, &name, rows.len()), rows));
    }

    fn today_ui(&mut self, ui: &mut Ui, today: chrono::NaiveDate) -> Vec<Command> {
        let mut out = Vec::new();
        ui.heading(t::today_title(&fmt::date(today)));
        self.loading.ui(ui);
        for (part, why) in &self.today.failed {
            ui.label(text(&t::part_failed(part, why), Tone::Late));
        }
        // While reading, nothing is said to be done.
        if self.today.count() == 0 && self.today.failed.is_empty() && !self.loading.busy() {
            ui.label(RichText::new(t::TODAY_NOTHING).color(theme::OK));
        }
        match (&self.summary, &self.detail) {
            (_, Some((title, rows))) => self.detail_ui(ui, title, rows, &mut out),
            (Some(s), None) => summary_ui(ui, s, &mut out),
            (None, None) => {
                // Everything scrolls: a long day reaches its last row and what is below.
                let mut area = egui::ScrollArea::vertical()
                    .id_salt("today_scroll")
                    .auto_shrink([false, false]);
                if std::mem::take(&mut self.scroll_to_top) {
                    area = area.vertical_scroll_offset(0.0);
                }
                area.show(ui, |ui| {
                    for s in &self.today.sections {
                        section_ui(ui, s, &mut out);
                    }
                });
            }
        }
        out
    }

    /// A summary cell's rows, a screenful drawn at a time.
    fn detail_ui(&self, ui: &mut Ui, title: &str, rows: &[(usize, usize)], out: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            if ui.button(t::SUMMARY_BACK).clicked() {
                out.push(Cmd::Summary.into());
            }
            ui.label(RichText::new(title).strong());
        });
        let line = |&(s, l): &(usize, usize)| &self.today.sections[s].lines[l];
        let columns = rows
            .iter()
            .map(|r| line(r).cells.len() + line(r).actions.len())
            .max()
            .unwrap_or(1);
        let mut table = TableBuilder::new(ui)
            .striped(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .auto_shrink([false, false]);
        // Room for a date, a name, a subject; each column can be dragged wider, a cut cell
        // reads whole on hover.
        for i in 0..columns {
            table = table.column(if i + 1 == columns {
                Column::remainder()
            } else {
                Column::initial(170.0)
                    .at_least(60.0)
                    .clip(true)
                    .resizable(true)
            });
        }
        table.body(|body| {
            body.rows(theme::ROW_HEIGHT, rows.len(), |mut row| {
                let l = line(&rows[row.index()]);
                for (cell, tone) in &l.cells {
                    row.col(|ui| {
                        ui.add(egui::Label::new(text(cell, *tone)).truncate());
                    });
                }
                for a in &l.actions {
                    row.col(|ui| {
                        if ui
                            .button(a.label)
                            .accessible_name(a.name.as_str())
                            .clicked()
                        {
                            out.push(command(a.target));
                        }
                    });
                }
            });
        });
    }
}

/// The counts by manager (rows) and kind (columns); a count opens its rows.
fn summary_ui(ui: &mut Ui, s: &Summary, out: &mut Vec<Command>) {
    ui.add_space(6.0);
    ui.label(RichText::new(t::SUMMARY_TITLE).strong());
    ui.label(RichText::new(t::SUMMARY_HINT).small().color(theme::MUTED));
    let first = 190.0;
    // Each column as wide as its longest word at least (a title breaks between words only).
    let font = egui::TextStyle::Body.resolve(ui.style());
    let word = |title: &str| {
        title
            .split_whitespace()
            .map(|w| {
                ui.fonts_mut(|f| {
                    f.layout_no_wrap(w.to_string(), font.clone(), theme::MUTED)
                        .size()
                        .x
                })
            })
            .fold(0.0, f32::max)
            + 12.0
    };
    let share = ((ui.available_width() - first) / s.kinds.len().max(1) as f32 - 8.0).max(70.0);
    let widths: Vec<f32> = s.kinds.iter().map(|(_, k)| word(k).max(share)).collect();
    let cell_ui = |ui: &mut Ui,
                   c: Option<overview::Count>,
                   name: String,
                   open: Cmd,
                   out: &mut Vec<Command>| {
        let Some(c) = c else {
            return;
        };
        let label = RichText::new(t::summary_cell(c.count, c.late));
        let label = if c.late > 0 {
            label.color(theme::ERROR)
        } else {
            label
        };
        // A screen reader (and a test) hears which cell: «Звонки — Петрова А.С. (3)».
        let r = ui
            .link(label)
            .accessible_name(t::detail_title(&name, "", c.count));
        let r = match c.oldest {
            Some(d) => r.on_hover_text(t::summary_oldest(&fmt::date(d))),
            None => r,
        };
        if r.clicked() {
            out.push(open.into());
        }
    };
    // Wider than the window (eleven kinds at 1280): the table scrolls sideways too.
    egui::ScrollArea::horizontal()
        .id_salt("summary_sideways")
        .show(ui, |ui| summary_table(ui, s, first, widths, &cell_ui, out));
}

/// Draws a summary cell: its count, its accessible name, what it opens.
type CellUi = dyn Fn(&mut Ui, Option<overview::Count>, String, Cmd, &mut Vec<Command>);

/// The summary's table: a row per manager (all of them first), a column per kind.
fn summary_table(
    ui: &mut Ui,
    s: &Summary,
    first: f32,
    widths: Vec<f32>,
    cell_ui: &CellUi,
    out: &mut Vec<Command>,
) {
    let mut table = TableBuilder::new(ui)
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(first))
        .auto_shrink([false, false]);
    for w in widths {
        table = table.column(Column::exact(w));
    }
    table
        .header(theme::ROW_HEIGHT * 2.6, |mut h| {
            h.col(|ui| {
                ui.strong(t::SUMMARY_MANAGER);
            });
            for (_, title) in &s.kinds {
                h.col(|ui| {
                    ui.add(egui::Label::new(RichText::new(*title).strong()).wrap());
                });
            }
        })
        .body(|body| {
            body.rows(theme::ROW_HEIGHT, s.groups.len() + 1, |mut row| {
                let i = row.index();
                let group = i.checked_sub(1).map(|g| &s.groups[g]);
                row.col(|ui| {
                    let name = group.map_or(t::SUMMARY_ALL, |(_, n)| n.as_str());
                    let name = RichText::new(name);
                    ui.add(
                        egui::Label::new(if group.is_none() { name.strong() } else { name })
                            .truncate(),
                    );
                });
                for (key, title) in &s.kinds {
                    let who = group.map_or(t::SUMMARY_ALL, |(_, n)| n.as_str());
                    let name = format!("{title} — {who}");
                    row.col(|ui| match group {
                        None => cell_ui(ui, s.total(key), name, Cmd::Detail(key, None), out),
                        Some((g, _)) => {
                            let open = Cmd::Detail(key, Some(*g));
                            cell_ui(ui, s.cell(*g, key), name, open, out);
                        }
                    });
                }
            });
        });
}

impl Feature for OverviewUi {
    type Cmd = Cmd;

    fn open(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        self.scroll_to_top = true;
        self.reload(route, cx)
    }

    /// «Сегодня» counts in the navigation wherever the window is: it is recounted after every
    /// write.
    fn reload(&mut self, _route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        // Nobody signed in yet: nothing of anyone's day shows behind «Кто работает?».
        if cx.view.me.is_none() && !cx.view.managers.is_empty() {
            self.today = Today::default();
            self.summary = None;
            self.detail = None;
            return Ok(());
        }
        let (actor, today) = (cx.actor(), cx.today());
        let clients = std::sync::Arc::clone(&cx.view.clients);
        let managers = cx.view.managers.clone();
        let everyone = actor.scope() == crate::domain::Scope::All;
        let read = self.loading.start(cx, move |db| {
            let today = overview::today(db, &actor, today);
            Ok(digest(today, &clients, &managers, everyone))
        });
        if let Some(Ok(read)) = read {
            self.accept(read, cx.view);
        }
        Ok(())
    }

    fn ui(&mut self, ui: &mut Ui, _route: Route, view: &ViewCtx) -> Vec<Command> {
        if let Some(read) = self.loading.poll() {
            match read {
                Ok(read) => self.accept(read, view),
                Err(e) => self.today.failed.push((t::PART_ALL, e)),
            }
        }
        self.today_ui(ui, view.today)
    }

    fn apply(&mut self, cmd: Cmd, cx: &mut Cx) -> anyhow::Result<()> {
        match cmd {
            Cmd::Summary => {
                self.detail = None;
                self.open_cell = None;
            }
            Cmd::Detail(key, group) => self.open_detail(key, group, cx.view),
        }
        Ok(())
    }

    fn badge(&self, route: Route) -> Option<usize> {
        (route == Route::Today).then(|| self.today.count())
    }

    fn reading(&self) -> bool {
        self.loading.waiting()
    }
}
