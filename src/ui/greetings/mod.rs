//! The greetings' part of the window: «Поздравления» (the schedule, the limits, the cards),
//! «Подарки» (the orders, the registry, the spending) and a person's gift card.

mod gifts;
mod person;
mod plan;
mod rules;
mod schedule;

use std::path::PathBuf;

use egui::Ui;

pub use gifts::{GiftsScreen, HandoverForm};
pub use person::PersonScreen;
pub use plan::PlanForm;
pub use schedule::ScheduleScreen;

use super::command::{Command, Cx, Feature, Route};
use super::context::ViewCtx;
use super::editor::Editor;
use crate::domain::{Id, fmt};
use crate::files;
use crate::greetings::{GiftStatus, Greeting, documents, service};
use crate::i18n::{self as t, Describe};
use crate::ui::loader::Loading;

/// What the greetings' screens ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    Build,
    SchedulePdf(PathBuf),
    ScheduleXlsx(PathBuf),
    /// Plan a gift for the schedule's row.
    OpenPlan(usize),
    /// Plan a gift for the person card's coming greeting.
    OpenPersonPlan(usize),
    SavePlan,
    ClosePlan,
    Card(usize, PathBuf),
    PersonCard(usize, PathBuf),
    LimitsYear(i32),
    SaveLimits,
    SaveRegulation,
    GiftsFilter,
    Advance(Id),
    SaveHandover,
    CloseHandover,
    DeleteGift(Id),
    OrderPdf(PathBuf),
    SpendingYear(i32),
    AddIdea,
    DeleteIdea(Id),
    /// A path picked in the dialog for a screen's documents.
    SetPath(Screen, PathBuf),
}

/// Which screen's file field a path goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Schedule,
    Gifts,
    Person,
}

/// «Файл или папка: [path] [Обзор…]» — where the screen's documents are written, typed or
/// picked in the dialog (a workstation without one types it).
pub fn file_row(
    ui: &mut Ui,
    path: &mut String,
    default_name: &str,
    screen: Screen,
) -> Vec<Command> {
    let mut out = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let ask = || {
            super::command::Ask::save(default_name.to_string(), move |p| {
                Cmd::SetPath(screen, p).into()
            })
        };
        out.extend(super::widgets::path_field(
            ui,
            t::F_DOCUMENT_PATH,
            path,
            ask,
        ));
    });
    out
}

/// What «Подарки» reads: the orders of the period, the plans whose regulation changed, the
/// year's spending.
type GiftsRead = (
    Vec<crate::greetings::GiftRow>,
    Vec<(crate::greetings::GiftRow, crate::greetings::tasks::Change)>,
    Vec<crate::greetings::tasks::Spending>,
);

#[derive(Default)]
pub struct GreetingsUi {
    pub schedule: ScheduleScreen,
    pub gifts: GiftsScreen,
    pub person: PersonScreen,
    pub plan: Option<PlanForm>,
    /// The schedule and the gifts of its period, read off the UI thread.
    schedule_loading: Loading<(Vec<Greeting>, Vec<crate::greetings::GiftRow>)>,
    /// «Подарки», read off the UI thread.
    gifts_loading: Loading<GiftsRead>,
}

/// The manager whose clients a screen shows: the user's own when asked, else everybody's.
fn mine(cx: &Cx, only_mine: bool) -> Option<Id> {
    if only_mine {
        cx.view.me.as_ref().and_then(|m| m.id)
    } else {
        None
    }
}

fn dates(
    from: &str,
    to: &str,
) -> Result<(chrono::NaiveDate, chrono::NaiveDate), crate::domain::FieldErrors> {
    crate::greetings::draft::period(from, to)
}

impl GreetingsUi {
    /// Reads the schedule of the period (off the UI thread at scale).
    fn build(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        let s = &mut self.schedule;
        match dates(&s.from, &s.to) {
            Ok((from, to)) => {
                s.errors.clear();
                let manager = mine(cx, s.only_mine);
                let read = self.schedule_loading.start(cx, move |db| {
                    service::schedule_for(db, from, to, manager)
                        .and_then(|rows| Ok((rows, service::gift_rows(db, from, to, manager)?)))
                        .map_err(|e| e.describe())
                });
                if let Some(read) = read {
                    self.take_schedule(read);
                }
            }
            Err(e) => s.errors = e,
        }
        Ok(())
    }

    /// What cannot be computed (a setting that does not read) is said in place of the
    /// schedule, not as an empty one.
    fn take_schedule(
        &mut self,
        read: Result<(Vec<Greeting>, Vec<crate::greetings::GiftRow>), String>,
    ) {
        let s = &mut self.schedule;
        let (rows, gifts, failed) = match read {
            Ok((rows, gifts)) => (rows, gifts, None),
            Err(e) => (Vec::new(), Vec::new(), Some(e)),
        };
        let old = (
            std::mem::replace(&mut s.rows, rows),
            std::mem::replace(&mut s.gifts, gifts),
        );
        crate::ui::loader::free_later(old);
        s.failed = failed;
    }

    /// Reads «Подарки» (off the UI thread at scale).
    fn filter_gifts(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        let g = &mut self.gifts;
        let (from, to) = match dates(&g.from, &g.to) {
            Ok(period) => period,
            Err(e) => {
                g.errors = e;
                return Ok(());
            }
        };
        g.errors.clear();
        let (manager, today, year) = (mine(cx, g.only_mine), cx.today(), g.year);
        let read = self.gifts_loading.start(cx, move |db| {
            let read = || -> Result<GiftsRead, crate::storage::StorageError> {
                Ok((
                    service::gift_rows(db, from, to, manager)?,
                    service::regulation_changes(db, manager, today)?,
                    service::spending(db, year, manager)?,
                ))
            };
            read().map_err(|e| e.describe())
        });
        if let Some(read) = read {
            self.take_gifts(read);
        }
        Ok(())
    }

    fn take_gifts(&mut self, read: Result<GiftsRead, String>) {
        let g = &mut self.gifts;
        match read {
            Ok((rows, changes, spending)) => {
                let old = (
                    std::mem::replace(&mut g.rows, rows),
                    std::mem::replace(&mut g.changes, changes),
                    std::mem::replace(&mut g.spending, spending),
                );
                crate::ui::loader::free_later(old);
                g.failed = None;
            }
            Err(e) => g.failed = Some(e),
        }
    }

    fn load_limits(&mut self, cx: &mut Cx, year: i32) -> anyhow::Result<()> {
        self.schedule.rules.load_limits(cx, year)
    }

    fn card(&self, cx: &mut Cx, g: &Greeting, path: &std::path::Path) -> anyhow::Result<()> {
        let bytes = documents::card_pdf(cx.db, g.person_id, g.occasion, &g.holiday_name, g.date)
            .map_err(t::err)?;
        files::write(path, &bytes).map_err(t::err)?;
        cx.info(t::file_written(&path.display().to_string()));
        Ok(())
    }

    fn open_plan(&mut self, cx: &mut Cx, g: &Greeting) -> anyhow::Result<()> {
        let ideas = service::ideas_of(cx.db, g.person_id).map_err(t::err)?;
        self.plan = Some(PlanForm::for_greeting(g, ideas));
        Ok(())
    }
}

impl Feature for GreetingsUi {
    type Cmd = Cmd;

    fn open(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        let today = cx.today();
        if route == Route::GiftLimits {
            self.schedule.limits_tab = true;
        }
        match route {
            Route::Greetings | Route::GiftLimits if self.schedule.from.is_empty() => {
                let (from, to) = schedule::period(today, 3);
                self.schedule.from = fmt::date(from);
                self.schedule.to = fmt::date(to);
                self.load_limits(cx, chrono::Datelike::year(&today))?;
            }
            Route::Gifts if self.gifts.from.is_empty() => {
                self.gifts.from = fmt::date(today - chrono::Duration::days(30));
                self.gifts.to = fmt::date(today + chrono::Duration::days(90));
                self.gifts.year = chrono::Datelike::year(&today);
            }
            _ => {}
        }
        self.schedule.rules.load_regulation(cx)?;
        self.reload(route, cx)
    }

    fn reading(&self) -> bool {
        self.gifts_loading.waiting() || self.schedule_loading.waiting()
    }

    fn reload(&mut self, route: Route, cx: &mut Cx) -> anyhow::Result<()> {
        self.schedule.rules.actor = cx.actor();
        self.gifts.actor = cx.actor();
        match route {
            Route::Greetings | Route::GiftLimits => self.build(cx),
            Route::Gifts => self.filter_gifts(cx),
            Route::PersonGifts(id) => {
                self.person.data = service::person_gifts(cx.db, id, cx.today()).map_err(t::err)?;
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn ui(&mut self, ui: &mut Ui, route: Route, view: &ViewCtx) -> Vec<Command> {
        if let Some(read) = self.schedule_loading.poll() {
            self.take_schedule(read);
        }
        if let Some(read) = self.gifts_loading.poll() {
            self.take_gifts(read);
        }
        self.gifts.reading = self.gifts_loading.busy();
        self.schedule.reading = self.schedule_loading.busy();
        match route {
            Route::Gifts => self.gifts_loading.ui(ui),
            Route::Greetings | Route::GiftLimits => self.schedule_loading.ui(ui),
            _ => {}
        }
        let mut out = match route {
            Route::Gifts => self.gifts.ui(ui, view.today),
            Route::PersonGifts(_) => self.person.ui(ui),
            _ => self.schedule.ui(ui, view.today),
        };
        if let Some(p) = &mut self.plan {
            out.extend(p.window(ui.ctx()));
        }
        out
    }

    fn apply(&mut self, cmd: Cmd, cx: &mut Cx) -> anyhow::Result<()> {
        match cmd {
            Cmd::Build => self.build(cx)?,
            Cmd::SchedulePdf(path) => {
                let s = &self.schedule;
                match dates(&s.from, &s.to) {
                    Ok((from, to)) => {
                        documents::write_schedule(cx.db, from, to, mine(cx, s.only_mine), &path)
                            .map_err(t::err)?;
                        cx.info(t::file_written(&path.display().to_string()));
                    }
                    Err(e) => self.schedule.errors = e,
                }
            }
            Cmd::ScheduleXlsx(path) => {
                let s = &self.schedule;
                let rows = documents::schedule_cells(&s.rows, &s.gifts, false);
                let headers: Vec<String> = documents::schedule_columns()
                    .into_iter()
                    .map(|(h, _)| h)
                    .collect();
                let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
                let n =
                    files::write_xlsx(&path, t::NAV_GREETINGS, &headers, &rows).map_err(t::err)?;
                cx.info(t::xlsx_rows_written(n, &path.display().to_string()));
            }
            Cmd::OpenPlan(i) => {
                if let Some(g) = self.schedule.rows.get(i).cloned() {
                    self.open_plan(cx, &g)?;
                }
            }
            Cmd::OpenPersonPlan(i) => {
                if let Some(g) = self.person.data.upcoming.get(i).cloned() {
                    self.open_plan(cx, &g)?;
                }
            }
            Cmd::SavePlan => {
                if let Some(p) = &mut self.plan
                    && p.save(cx)
                {
                    self.plan = None;
                }
            }
            Cmd::ClosePlan => self.plan = None,
            Cmd::Card(i, path) => {
                if let Some(g) = self.schedule.rows.get(i).cloned() {
                    self.card(cx, &g, &path)?;
                }
            }
            Cmd::PersonCard(i, path) => {
                if let Some(g) = self.person.data.upcoming.get(i).cloned() {
                    self.card(cx, &g, &path)?;
                }
            }
            Cmd::LimitsYear(year) => self.load_limits(cx, year.clamp(2000, 2100))?,
            Cmd::SaveLimits => {
                self.schedule.rules.save_limits(cx);
            }
            Cmd::SaveRegulation => {
                self.schedule.rules.save_regulation(cx);
            }
            Cmd::GiftsFilter => self.filter_gifts(cx)?,
            Cmd::Advance(id) => {
                let Some(row) = self.gifts.rows.iter().find(|r| r.gift.id == Some(id)) else {
                    return Ok(());
                };
                if row.gift.status.next() == Some(GiftStatus::Handed) {
                    let personal = row.gift.occasion.is_some_and(|o| o.category() == 2);
                    self.gifts.handover = Some(HandoverForm {
                        id,
                        what: format!("{} — {}", row.person, row.gift.item),
                        draft: crate::greetings::draft::HandoverDraft {
                            on: fmt::date(cx.today()),
                            by: cx
                                .view
                                .me
                                .as_ref()
                                .map(|m| m.short_name())
                                .unwrap_or_default(),
                            to: if personal {
                                row.person.clone()
                            } else {
                                String::new()
                            },
                        },
                        errors: Default::default(),
                        refused: None,
                    });
                } else {
                    service::advance(cx.db, &cx.actor(), id, &service::Handover::default())
                        .map_err(t::err)?;
                    cx.info(t::GIFT_STEP_TOAST);
                    cx.reload();
                }
            }
            Cmd::SaveHandover => {
                if let Some(h) = &mut self.gifts.handover {
                    let handover = match h.draft.to_value() {
                        Ok(v) => v,
                        Err(errors) => {
                            h.errors = errors;
                            return Ok(());
                        }
                    };
                    match service::advance(cx.db, &cx.actor(), h.id, &handover) {
                        Ok(_) => {
                            self.gifts.handover = None;
                            cx.info(t::GIFT_HANDED_TOAST);
                            cx.reload();
                        }
                        Err(e) => h.refused = Some(e.describe()),
                    }
                }
            }
            Cmd::CloseHandover => self.gifts.handover = None,
            Cmd::DeleteGift(id) => {
                service::delete_gift(cx.db, &cx.actor(), id).map_err(t::err)?;
                cx.info(t::GIFT_DELETED);
                cx.reload();
            }
            Cmd::OrderPdf(path) => {
                let shown: Vec<_> = self.gifts.shown().into_iter().cloned().collect();
                let bytes = documents::order_pdf(&shown, cx.db, cx.today()).map_err(t::err)?;
                files::write(&path, &bytes).map_err(t::err)?;
                cx.info(t::file_written(&path.display().to_string()));
            }
            Cmd::SpendingYear(year) => {
                self.gifts.year = year.clamp(2000, 2100);
                let manager = mine(cx, self.gifts.only_mine);
                self.gifts.spending =
                    service::spending(cx.db, self.gifts.year, manager).map_err(t::err)?;
            }
            Cmd::AddIdea => {
                let p = &mut self.person;
                let idea = crate::greetings::GiftIdea {
                    person_id: p.data.person_id,
                    item: p.idea.clone(),
                    note: p.note.clone(),
                    ..Default::default()
                };
                match service::add_idea(cx.db, &cx.actor(), &idea) {
                    Ok(_) => {
                        p.idea.clear();
                        p.note.clear();
                        p.idea_error = None;
                        cx.reload();
                    }
                    Err(e) => p.idea_error = Some(e.describe()),
                }
            }
            Cmd::SetPath(screen, p) => {
                let field = match screen {
                    Screen::Schedule => &mut self.schedule.path,
                    Screen::Gifts => &mut self.gifts.path,
                    Screen::Person => &mut self.person.path,
                };
                *field = p.display().to_string();
            }
            Cmd::DeleteIdea(id) => {
                service::delete_idea(cx.db, &cx.actor(), id).map_err(t::err)?;
                cx.reload();
            }
        }
        Ok(())
    }

    /// Another year's limits would drop the limits typed.
    fn leaves(&self, cmd: &Cmd) -> bool {
        matches!(cmd, Cmd::LimitsYear(_)) && self.schedule.rules.limits_dirty()
    }

    fn editor(&mut self, route: Route) -> Option<&mut dyn Editor> {
        match (&mut self.plan, route) {
            (Some(p), _) => Some(p as &mut dyn Editor),
            (None, Route::Greetings | Route::GiftLimits) => Some(&mut self.schedule.rules),
            _ => None,
        }
    }

    fn close_editor(&mut self, route: Route) {
        if self.plan.is_some() {
            self.plan = None;
        } else if matches!(route, Route::Greetings | Route::GiftLimits) {
            self.schedule.rules.discard();
        }
    }
}
