//! «Обращения»: the register with its filters (status, kind, topic, channel, manager, client,
//! period, deadline, words of the subject and text), colours by urgency, the days left, the
//! export of what is shown to Excel, and the intake of an e-mail file (chosen or dropped).

use std::path::Path;

use egui::{RichText, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};

use super::Cmd;
use crate::appeals::{
    AppealFilter, AppealKind, AppealRow, AppealStatus, Channel, DueFilter, service,
};
use crate::domain::calendar::Calendar;
use crate::domain::{Code, Id, fmt};
use crate::i18n::{self as t, Label};
use crate::ui::command::{Ask, Command, Cx, Route};
use crate::ui::context::ViewCtx;
use crate::ui::{theme, widgets};

use crate::appeals::service::SHOWN;

/// Which deadlines the register shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DueChoice {
    #[default]
    Any,
    Overdue,
    Within,
}

#[derive(Default)]
pub struct RegisterScreen {
    pub rows: Vec<AppealRow>,
    pub total: usize,
    pub filter: AppealFilter,
    pub from: String,
    pub to: String,
    pub due: DueChoice,
    /// «Срок в ближайшие N рабочих дней».
    pub within: String,
    pub export_path: String,
    pub eml_path: String,
    /// Open appeals past their deadline (the count in the navigation).
    pub open_overdue: usize,
    pub calendar: Calendar,
    pub due_soon_days: u32,
    /// The catalogue of topics, for the filter.
    pub topics: Vec<(crate::domain::Id, String)>,
    pub today: chrono::NaiveDate,
    /// The appeal Enter in the search asked to open.
    open_first: Option<crate::domain::Id>,
}

impl RegisterScreen {
    /// The filter as the fields say, on `today`.
    fn effective_filter(&self, today: chrono::NaiveDate) -> AppealFilter {
        let due = match self.due {
            DueChoice::Any => DueFilter::Any,
            DueChoice::Overdue => DueFilter::Overdue,
            DueChoice::Within => {
                let n = self
                    .within
                    .trim()
                    .parse::<u32>()
                    .unwrap_or(self.due_soon_days);
                DueFilter::By(self.calendar.add_working_days(today, n.min(365)))
            }
        };
        AppealFilter {
            from: fmt::parse_date(&self.from),
            to: fmt::parse_date(&self.to),
            due,
            today: Some(today),
            ..self.filter.clone()
        }
    }

    pub fn load(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        let today = cx.today();
        self.today = today;
        self.calendar = service::calendar(cx.db).map_err(t::err)?;
        self.due_soon_days = service::settings(cx.db).map_err(t::err)?.due_soon_days;
        self.topics = service::topics(cx.db)
            .map_err(t::err)?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        let (rows, total) =
            service::list(cx.db, &self.effective_filter(today), SHOWN).map_err(t::err)?;
        self.rows = rows;
        self.total = total;
        self.count_overdue(cx)
    }

    /// The open appeals past their deadline that the user sees (the badge).
    pub fn count_overdue(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        let overdue = AppealFilter {
            due: DueFilter::Overdue,
            today: Some(cx.today()),
            manager: cx.actor().scope().manager(),
            ..Default::default()
        };
        self.open_overdue = service::list(cx.db, &overdue, 1).map_err(t::err)?.1;
        Ok(())
    }

    /// Writes every appeal the filter matches (not only the rows shown) to an Excel file.
    pub fn export(&mut self, cx: &mut Cx, target: &Path) -> anyhow::Result<()> {
        let n = service::export_xlsx(
            cx.db,
            &self.effective_filter(cx.today()),
            cx.today(),
            target,
        )
        .map_err(t::err)?;
        cx.info(t::xlsx_written(n, &target.display().to_string()));
        Ok(())
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &ViewCtx) -> Vec<Command> {
        let mut out = Vec::new();
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.heading(t::NAV_APPEALS);
            if ui.button(RichText::new(t::NEW_APPEAL).strong()).clicked() {
                out.push(Command::Open(Route::NewAppeal(0)));
            }
            if let Some(c) =
                widgets::path_field_hinted(ui, t::FROM_EML, &mut self.eml_path, t::EML_HINT, || {
                    Ask::open(&["eml"], |p| Cmd::EmlPath(p).into())
                })
            {
                out.push(c);
            }
            if ui
                .add_enabled(
                    !self.eml_path.trim().is_empty(),
                    egui::Button::new(t::OPEN_APPEAL),
                )
                .on_disabled_hover_text(crate::words::PATH_FIRST)
                .clicked()
            {
                out.push(Cmd::ImportEml(self.eml_path.clone()).into());
            }
        });
        // An e-mail dropped on the window.
        let dropped: Vec<String> = ui.ctx().input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path())
                .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("eml")))
                .map(|p| p.display().to_string())
                .collect()
        });
        if let Some(p) = dropped.into_iter().next() {
            out.push(Cmd::ImportEml(p).into());
        }
        if self.filters_ui(ui, view) {
            out.push(Cmd::Filter.into());
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(t::appeals_shown_of(
                    self.rows.len(),
                    self.total,
                    service::COUNT_CAP,
                ))
                .small()
                .color(theme::MUTED),
            );
            if let Some(c) = widgets::path_field(ui, t::EXPORT_PATH, &mut self.export_path, || {
                Ask::save(t::APPEALS_XLSX_FILE, |p| Cmd::ExportPath(p).into())
            }) {
                out.push(c);
            }
            if ui
                .add_enabled(
                    !self.export_path.trim().is_empty(),
                    egui::Button::new(t::EXPORT_XLSX),
                )
                .on_disabled_hover_text(crate::words::PATH_FIRST)
                .clicked()
            {
                out.push(Cmd::Export(self.export_path.clone()).into());
            }
        });
        self.table_ui(ui, &mut out);
        out
    }

    /// The filters; `true` when one changed.
    fn filters_ui(&mut self, ui: &mut Ui, view: &ViewCtx) -> bool {
        let mut changed = false;
        ui.horizontal_wrapped(|ui| {
            changed |= enum_filter(
                ui,
                "appeals_status",
                t::FILTER_STATUS,
                t::ALL_STATUSES,
                &mut self.filter.status,
                AppealStatus::ALL,
            );
            changed |= enum_filter(
                ui,
                "appeals_kind",
                t::FILTER_KIND,
                t::ALL_KINDS,
                &mut self.filter.kind,
                AppealKind::ALL,
            );
            changed |= enum_filter(
                ui,
                "appeals_channel",
                t::FILTER_CHANNEL,
                t::ALL_CHANNELS,
                &mut self.filter.channel,
                Channel::ALL,
            );
            changed |= id_filter(
                ui,
                "appeals_topic",
                t::FILTER_TOPIC,
                t::ALL_TOPICS,
                &mut self.filter.topic,
                &self.topics,
            );
            changed |= id_filter(
                ui,
                "appeals_manager",
                t::FILTER_MANAGER,
                t::ALL_MANAGERS,
                &mut self.filter.manager,
                &view.manager_names(),
            );
            let clients: Vec<(Id, String)> = view
                .clients
                .iter()
                .map(|r| (r.id, r.short_name.clone()))
                .collect();
            changed |= id_filter(
                ui,
                "appeals_client",
                t::FILTER_CLIENT,
                t::ALL_CLIENTS,
                &mut self.filter.client,
                &clients,
            );
        });
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(t::PERIOD_FROM);
            changed |=
                widgets::date_input(ui, "appeals_from", &mut self.from, Some(l.id)).changed();
            let l = ui.label(t::PERIOD_TO);
            changed |= widgets::date_input(ui, "appeals_to", &mut self.to, Some(l.id)).changed();
            let due = match self.due {
                DueChoice::Any => t::DUE_ANY,
                DueChoice::Overdue => t::DUE_OVERDUE,
                DueChoice::Within => t::DUE_WITHIN,
            };
            egui::ComboBox::from_id_salt("appeals_due")
                .selected_text(due)
                .show_ui(ui, |ui| {
                    changed |= ui
                        .selectable_value(&mut self.due, DueChoice::Any, t::DUE_ANY)
                        .changed();
                    changed |= ui
                        .selectable_value(&mut self.due, DueChoice::Overdue, t::DUE_OVERDUE)
                        .changed();
                    changed |= ui
                        .selectable_value(&mut self.due, DueChoice::Within, t::DUE_WITHIN)
                        .changed();
                })
                .response
                .accessible_name(t::FILTER_DUE);
            if self.due == DueChoice::Within {
                if self.within.is_empty() {
                    self.within = self.due_soon_days.to_string();
                }
                changed |= ui
                    .add(TextEdit::singleline(&mut self.within).desired_width(36.0))
                    .on_hover_text(t::DUE_WITHIN)
                    .changed();
            }
            changed |= ui
                .checkbox(&mut self.filter.open_only, t::OPEN_ONLY)
                .changed();
            let l = ui.label(t::SEARCH_APPEALS);
            let search = ui
                .add(
                    TextEdit::singleline(&mut self.filter.text)
                        .id(widgets::search_id())
                        .desired_width(220.0),
                )
                .labelled_by(l.id);
            changed |= search.changed();
            // Enter in the search opens the first appeal found (the rows of the last search).
            if search.lost_focus()
                && ui.input(|i| i.key_pressed(egui::Key::Enter))
                && let Some(first) = self.rows.first()
            {
                self.open_first = Some(first.id);
            }
        });
        changed
    }

    fn table_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        if let Some(id) = self.open_first.take() {
            out.push(Command::Open(Route::Appeal(id)));
        }
        let today = widgets::today_of(ui);
        let k = widgets::widen(ui, 1040.0);
        TableBuilder::new(ui)
            .id_salt("appeals_table")
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto().at_least(70.0))
            .column(Column::auto().at_least(78.0))
            .column(Column::auto().at_least(78.0))
            .column(Column::auto().at_least(96.0).clip(true))
            .column(Column::initial(130.0 * k).at_least(90.0).clip(true))
            .column(Column::initial(120.0 * k).at_least(80.0).clip(true))
            .column(Column::initial(100.0 * k).at_least(70.0).clip(true))
            // The client and the subject share what the window leaves: at 1920 neither is cut
            // while half the screen stays empty.
            .column(Column::remainder().at_least(110.0).clip(true))
            .column(Column::remainder().at_least(120.0).clip(true))
            .header(theme::ROW_HEIGHT, |mut h| {
                for title in [
                    t::COL_NUMBER,
                    t::COL_RECEIVED,
                    t::COL_DUE,
                    t::COL_LEFT,
                    t::COL_STATUS,
                    t::COL_APPEAL_KIND,
                    t::COL_CHANNEL,
                    t::COL_APPEAL_CLIENT,
                    t::COL_SUBJECT,
                ] {
                    h.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(theme::ROW_HEIGHT, self.rows.len(), |mut row| {
                    let r = &self.rows[row.index()];
                    let u = crate::appeals::urgency(
                        r.status,
                        r.due_date,
                        today,
                        self.due_soon_days,
                        &self.calendar,
                    );
                    // Cut text shows whole on hover.
                    let cell = |row: &mut egui_extras::TableRow, text: &str| {
                        row.col(|ui| {
                            ui.add(
                                egui::Label::new(text)
                                    .truncate()
                                    .show_tooltip_when_elided(false)
                                    .selectable(false),
                            )
                            .on_hover_text(text);
                        });
                    };
                    cell(
                        &mut row,
                        &if r.number.is_empty() {
                            t::NOTHING.to_string()
                        } else if r.number_from_block {
                            t::number_from_block(&r.number)
                        } else {
                            r.number.clone()
                        },
                    );
                    cell(&mut row, &fmt::date(r.received_at.date()));
                    cell(&mut row, &fmt::opt_date(r.due_date));
                    row.col(|ui| {
                        let left = r
                            .days_left(today)
                            .map(t::days_left_short)
                            .unwrap_or_default();
                        ui.add(
                            egui::Label::new(RichText::new(left).color(theme::urgency(u)).strong())
                                .truncate()
                                .selectable(false),
                        );
                    });
                    cell(&mut row, r.status.label());
                    cell(&mut row, r.kind.label());
                    cell(&mut row, r.channel.label());
                    cell(&mut row, &r.client);
                    cell(&mut row, &r.subject);
                    if row.response().clicked() {
                        out.push(Command::Open(Route::Appeal(r.id)));
                    }
                });
            });
    }
}

/// A compact combo over a catalogue with «all» as `None`.
fn id_filter(
    ui: &mut Ui,
    id: &str,
    name: &str,
    all: &str,
    value: &mut Option<Id>,
    items: &[(Id, String)],
) -> bool {
    let selected = value
        .and_then(|v| items.iter().find(|(i, _)| *i == v))
        .map_or(all, |(_, n)| n.as_str())
        .to_string();
    let mut changed = false;
    egui::ComboBox::from_id_salt(id)
        .selected_text(selected)
        .width(190.0)
        .truncate()
        .show_ui(ui, |ui| {
            changed |= ui.selectable_value(value, None, all).changed();
            for (i, n) in items {
                changed |= ui.selectable_value(value, Some(*i), n).changed();
            }
        })
        .response
        .accessible_name(name);
    changed
}

/// A combo over an enumeration with «all» as `None`.
fn enum_filter<T: Code + Label + PartialEq>(
    ui: &mut Ui,
    id: &str,
    name: &str,
    all: &str,
    value: &mut Option<T>,
    items: &[T],
) -> bool {
    let mut changed = false;
    egui::ComboBox::from_id_salt(id)
        .selected_text(value.map_or(all, |v| v.label()))
        .show_ui(ui, |ui| {
            changed |= ui.selectable_value(value, None, all).changed();
            for v in items.iter().copied() {
                changed |= ui.selectable_value(value, Some(v), v.label()).changed();
            }
        })
        .response
        .accessible_name(name);
    changed
}
