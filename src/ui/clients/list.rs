//! The client list: instant search, filters, a virtualised sortable table, import and export.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::Cmd;
use crate::clients::exchange::{ImportMode, ImportReport};
use crate::clients::search::{ClientFilter, SortColumn, filter_clients};
use crate::domain::{Id, Role};
use crate::i18n::{self as t, Describe};
use crate::ui::command::{Ask, Command, Route};
use crate::ui::context::ViewCtx;
use crate::ui::{theme, widgets};

#[derive(Default)]
pub struct ClientList {
    pub filter: ClientFilter,
    pub sort: SortColumn,
    pub descending: bool,
    /// Indices into the view's client rows, recomputed when the rows, the search or a filter
    /// change — not per frame.
    pub visible: Vec<usize>,
    /// The ids shown, in order (what `visible` points at).
    visible_ids: Vec<Id>,
    pub selected: Option<Id>,
    pub exchange_open: bool,
    pub exchange_path: String,
    pub import_report: Option<ImportReport>,
    /// The report is of the people's import (else of the clients').
    pub report_of_people: bool,
    /// An export asked whether to write over the file at its path: the command that would.
    pub replace_asked: Option<super::Cmd>,
    /// What import does with clients already in the database.
    pub import_mode: ImportMode,
    /// The VIP years present in the rows, for the year filter.
    pub vip_years: Vec<i32>,
    /// The rows and the user the list was filtered for.
    seen: Option<(u64, Option<Id>)>,
    /// The row to bring into view (after ↑/↓).
    scroll_to: Option<usize>,
}

impl ClientList {
    /// Whether an export may write to `path`: no file is there, or the user said to replace it
    /// (`replace`). Else the panel asks, and `again` is the export that replaces — the file
    /// the user just imported from is not written over unasked.
    pub fn may_write(&mut self, path: &std::path::Path, replace: bool, again: super::Cmd) -> bool {
        if !replace && crate::files::is_file(path) {
            self.replace_asked = Some(again);
            return false;
        }
        self.replace_asked = None;
        true
    }

    /// Filters the view's rows again when they were reloaded or the user changed: a new user
    /// sees their own clients first.
    pub fn follow(&mut self, view: &ViewCtx) {
        let now = (view.clients_version, view.me_id());
        if self.seen == Some(now) {
            return;
        }
        if self.seen.is_none_or(|(_, me)| me != now.1) {
            // Another user starts afresh: no search or filter of the one before. A manager
            // starts on their own clients; the head of the group, who has none of their own,
            // on everyone's.
            let head = view.me.as_ref().is_some_and(|m| m.role == Role::GroupHead);
            self.filter = ClientFilter {
                manager: if head { None } else { now.1 },
                ..ClientFilter::default()
            };
            self.selected = None;
        }
        self.seen = Some(now);
        let mut years: Vec<i32> = view
            .clients
            .iter()
            .flat_map(|r| r.vip_years.iter().copied())
            .collect();
        years.sort_unstable();
        years.dedup();
        self.vip_years = years;
        self.refilter(view);
    }

    fn refilter(&mut self, view: &ViewCtx) {
        self.visible = filter_clients(&view.clients, &self.filter, self.sort, !self.descending);
        self.visible_ids = self.visible.iter().map(|&i| view.clients[i].id).collect();
    }

    /// Ids of the clients shown, in order (tests).
    pub fn visible_ids(&self) -> Vec<Id> {
        self.visible_ids.clone()
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &ViewCtx) -> Vec<Command> {
        self.follow(view);
        let me = view.me_id();
        let mut out = Vec::new();
        let mut changed = false;
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.heading(t::NAV_CLIENTS);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(t::NEW_CLIENT).clicked() {
                    out.push(Command::Open(Route::NewClient));
                }
                if ui.button(t::IMPORT_EXPORT).clicked() {
                    self.exchange_open = !self.exchange_open;
                }
                if ui
                    .button(t::TO_EXCEL)
                    .on_hover_text(t::TO_EXCEL_HINT)
                    .clicked()
                {
                    out.push(Command::AskPath(Ask::save(t::CLIENTS_XLSX_NAME, |p| {
                        Cmd::ExportShown(p).into()
                    })));
                }
            });
        });
        let l = ui.label(t::SEARCH);
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut self.filter.query)
                    .id(widgets::search_id())
                    .hint_text(t::SEARCH_HINT)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        changed |= search.changed();
        // Enter in the search opens the first client found.
        if search.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            if changed {
                self.refilter(view);
                changed = false;
            }
            if let Some(&id) = self.visible_ids.first() {
                out.push(Command::Open(Route::Client(id, super::Tab::Enterprise)));
            }
        }

        ui.horizontal_wrapped(|ui| {
            let mine = me.is_some() && self.filter.manager == me;
            if ui.selectable_label(mine, t::MY_CLIENTS).clicked() && me.is_some() {
                self.filter.manager = me;
                changed = true;
            }
            if ui
                .selectable_label(self.filter.manager.is_none(), t::ALL_CLIENTS)
                .clicked()
            {
                self.filter.manager = None;
                changed = true;
            }
            let others = view.manager_names();
            let label = match self.filter.manager {
                Some(id) if Some(id) != me => others
                    .iter()
                    .find(|(i, _)| *i == id)
                    .map_or("", |(_, n)| n.as_str())
                    .to_string(),
                _ => t::OTHER_MANAGER.to_string(),
            };
            egui::ComboBox::from_id_salt("filter_manager")
                .selected_text(label)
                .show_ui(ui, |ui| {
                    for (id, name) in &others {
                        if ui
                            .selectable_label(self.filter.manager == Some(*id), name)
                            .clicked()
                        {
                            self.filter.manager = Some(*id);
                            changed = true;
                        }
                    }
                })
                .response
                .accessible_name(t::FILTER_MANAGER);
        });
        ui.horizontal(|ui| {
            let district = self
                .filter
                .district
                .map_or(t::ALL_DISTRICTS.to_string(), |id| {
                    view.catalogs.district_name(Some(id)).to_string()
                });
            egui::ComboBox::from_id_salt("filter_district")
                .selected_text(district)
                .show_ui(ui, |ui| {
                    changed |= ui
                        .selectable_value(&mut self.filter.district, None, t::ALL_DISTRICTS)
                        .changed();
                    for d in &view.catalogs.districts {
                        changed |= ui
                            .selectable_value(&mut self.filter.district, Some(d.id), &d.name)
                            .changed();
                    }
                })
                .response
                .accessible_name(t::FILTER_DISTRICT);
            let years = self.vip_years.clone();
            let year = self
                .filter
                .vip_year
                .map_or(t::ALL_YEARS.to_string(), t::vip_year);
            egui::ComboBox::from_id_salt("filter_year")
                .selected_text(year)
                .show_ui(ui, |ui| {
                    changed |= ui
                        .selectable_value(&mut self.filter.vip_year, None, t::ALL_YEARS)
                        .changed();
                    for y in years.iter().rev() {
                        changed |= ui
                            .selectable_value(&mut self.filter.vip_year, Some(*y), t::vip_year(*y))
                            .changed();
                    }
                })
                .response
                .accessible_name(t::FILTER_YEAR);
        });
        if self.exchange_open {
            self.exchange_ui(ui, &mut out);
        }
        if changed {
            self.refilter(view);
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(t::shown_of(self.visible.len(), view.clients.len()))
                    .small()
                    .color(theme::MUTED),
            );
            // The legend of the colours: strategic clients stand out.
            ui.label(
                RichText::new(t::STRATEGIC_LEGEND)
                    .small()
                    .color(theme::ACCENT)
                    .strong(),
            );
        });
        ui.separator();
        let step = widgets::arrow_step(ui);
        if step != 0 {
            let at = self
                .selected
                .and_then(|s| self.visible_ids.iter().position(|&i| i == s));
            let next = match at {
                Some(k) => (k as i64 + step).clamp(0, self.visible_ids.len() as i64 - 1) as usize,
                None => 0,
            };
            if let Some(&id) = self.visible_ids.get(next) {
                self.selected = Some(id);
                self.scroll_to = Some(next);
                out.push(Command::Open(Route::Client(id, super::Tab::Enterprise)));
            }
        }
        self.table_ui(ui, view, &mut out);
        out
    }

    /// The rows shown, as the Excel export writes them.
    pub fn shown_rows(&self, view: &ViewCtx) -> Vec<Vec<String>> {
        self.visible
            .iter()
            .map(|&i| {
                let r = &view.clients[i];
                vec![
                    r.short_name.clone(),
                    r.inn.clone(),
                    r.district.clone(),
                    r.manager.clone(),
                    r.vip_years
                        .last()
                        .map(|y| y.to_string())
                        .unwrap_or_default(),
                    if r.strategic {
                        t::STRATEGIC_HINT.to_string()
                    } else {
                        String::new()
                    },
                ]
            })
            .collect()
    }

    fn exchange_ui(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(t::EXCHANGE_HINT).small());
            ui.horizontal(|ui| {
                if let Some(c) =
                    widgets::path_field(ui, t::FILE_PATH, &mut self.exchange_path, || {
                        Ask::open(&["csv", "xlsx"], |p| Cmd::ExchangePath(p).into())
                    })
                {
                    out.push(c);
                }
            });
            ui.horizontal(|ui| {
                let has_path = !self.exchange_path.trim().is_empty();
                if ui
                    .add_enabled(has_path, egui::Button::new(t::IMPORT))
                    .on_disabled_hover_text(crate::words::PATH_FIRST)
                    .clicked()
                {
                    out.push(Cmd::Import(self.exchange_path.clone()).into());
                }
                if ui
                    .add_enabled(has_path, egui::Button::new(t::EXPORT))
                    .on_disabled_hover_text(crate::words::PATH_FIRST)
                    .clicked()
                {
                    out.push(Cmd::Export(self.exchange_path.clone(), false).into());
                }
                ui.separator();
                if ui
                    .add_enabled(has_path, egui::Button::new(t::IMPORT_PEOPLE))
                    .on_disabled_hover_text(crate::words::PATH_FIRST)
                    .on_hover_text(t::PEOPLE_EXCHANGE_HINT)
                    .clicked()
                {
                    out.push(Cmd::ImportPeople(self.exchange_path.clone()).into());
                }
                if ui
                    .add_enabled(has_path, egui::Button::new(t::EXPORT_PEOPLE))
                    .on_disabled_hover_text(crate::words::PATH_FIRST)
                    .on_hover_text(t::PEOPLE_EXCHANGE_HINT)
                    .clicked()
                {
                    out.push(Cmd::ExportPeople(self.exchange_path.clone(), false).into());
                }
                if ui.button(t::SAVE_AS_DIALOG).clicked() {
                    out.push(Command::AskPath(Ask::save(t::EXPORT_FILE_NAME, |p| {
                        Cmd::ExchangePath(p).into()
                    })));
                }
            });
            if let Some(cmd) = self.replace_asked.clone() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(t::replace_file(self.exchange_path.trim()))
                            .color(theme::WARNING),
                    );
                    if ui.button(t::REPLACE_FILE).clicked() {
                        out.push(cmd.into());
                    }
                    if ui.button(t::CANCEL).clicked() {
                        out.push(Cmd::KeepFile.into());
                    }
                });
            }
            ui.label(
                RichText::new(t::EXPORT_PERSONAL_DATA)
                    .small()
                    .color(theme::WARNING),
            );
            let mut update = self.import_mode == ImportMode::Update;
            if ui.checkbox(&mut update, t::IMPORT_UPDATE).changed() {
                self.import_mode = if update {
                    ImportMode::Update
                } else {
                    ImportMode::AddOnly
                };
            }
            if let Some(r) = &self.import_report {
                let summary = if self.report_of_people {
                    t::import_people_report(r)
                } else {
                    t::import_report(r)
                };
                ui.label(RichText::new(summary).strong());
                egui::ScrollArea::vertical()
                    .max_height(120.0)
                    .id_salt("import_report")
                    .show(ui, |ui| {
                        for r in &r.rejected {
                            widgets::message(ui, &r.describe());
                        }
                        for w in &r.warnings {
                            ui.label(RichText::new(w.describe()).color(theme::WARNING).small());
                        }
                    });
            }
        });
    }

    fn table_ui(&mut self, ui: &mut Ui, view: &ViewCtx, out: &mut Vec<Command>) {
        let mut resort = None;
        // A narrow list gives the district's room to the name (the district is a filter above).
        let wide = ui.available_width() >= theme::LIST_WIDE;
        let mut table = TableBuilder::new(ui);
        if let Some(row) = self.scroll_to.take() {
            table = table.scroll_to_row(row, None);
        }
        table = table
            .id_salt("clients_table")
            .striped(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            // Widths that do not follow the rows found: the divider stays where it is when the
            // count of results changes.
            .column(Column::remainder().at_least(150.0).clip(true))
            .column(Column::exact(100.0));
        if wide {
            table = table.column(Column::initial(130.0).at_least(80.0).clip(true));
        }
        let columns: Vec<(SortColumn, &str)> = [
            (SortColumn::Name, t::COL_NAME),
            (SortColumn::Inn, t::COL_INN),
            (SortColumn::District, t::COL_DISTRICT),
            (SortColumn::Manager, t::COL_MANAGER),
            (SortColumn::Vip, t::COL_VIP),
        ]
        .into_iter()
        .filter(|(c, _)| wide || *c != SortColumn::District)
        .collect();
        table
            .column(Column::initial(120.0).at_least(70.0).clip(true))
            .column(Column::exact(44.0))
            .header(theme::ROW_HEIGHT, |mut header| {
                for (col, label) in columns.iter().copied() {
                    header.col(|ui| {
                        let arrow = match (self.sort == col, self.descending) {
                            (true, false) => " ▲",
                            (true, true) => " ▼",
                            _ => "",
                        };
                        if ui
                            .button(RichText::new(format!("{label}{arrow}")).strong())
                            .clicked()
                        {
                            resort = Some(col);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(theme::ROW_HEIGHT, self.visible.len(), |mut row| {
                    let r = &view.clients[self.visible[row.index()]];
                    row.set_selected(self.selected == Some(r.id));
                    row.col(|ui| {
                        let shown = widgets::middle_elide(ui, &r.short_name, ui.available_width());
                        let mut name = RichText::new(shown);
                        if r.strategic {
                            name = name.color(theme::ACCENT).strong();
                        }
                        let l = ui.add(egui::Label::new(name).truncate().selectable(false));
                        // The whole name on hover: «… хлебозавод № 11» and «№ 12» differ at the end.
                        if r.strategic {
                            l.on_hover_text(format!("{}\n{}", r.short_name, t::STRATEGIC_HINT));
                        } else {
                            l.on_hover_text(&r.short_name);
                        }
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&r.inn).selectable(false));
                    });
                    if wide {
                        row.col(|ui| {
                            ui.add(
                                egui::Label::new(&r.district)
                                    .truncate()
                                    .show_tooltip_when_elided(false)
                                    .selectable(false),
                            )
                            .on_hover_text(&r.district);
                        });
                    }
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(&r.manager)
                                .truncate()
                                .show_tooltip_when_elided(false)
                                .selectable(false),
                        )
                        .on_hover_text(&r.manager);
                    });
                    row.col(|ui| {
                        let vip = r
                            .vip_years
                            .last()
                            .map(|y| y.to_string())
                            .unwrap_or_default();
                        ui.add(egui::Label::new(vip).selectable(false));
                    });
                    if row.response().clicked() {
                        out.push(Command::Open(Route::Client(r.id, super::Tab::Enterprise)));
                    }
                });
            });
        if let Some(col) = resort {
            if self.sort == col {
                self.descending = !self.descending;
            } else {
                self.sort = col;
                self.descending = false;
            }
            self.refilter(view);
        }
    }
}
