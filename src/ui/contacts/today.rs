//! «Сегодня», the home screen: calls and meetings owed, next steps due, birthdays coming. Every
//! row opens the form that deals with it.

use egui::{RichText, Ui};

use super::Cmd;
use crate::contacts::today::{DueContact, Today};
use crate::contacts::{Meeting, MeetingKind};
use crate::domain::fmt;
use crate::i18n::{self as t, Label};
use crate::ui::clients::Tab;
use crate::ui::command::{Command, Route};
use crate::ui::theme;

/// An appeal on «Сегодня»: the row, when it is due, and whether that is past.
type AppealLine<'a> = (&'a crate::appeals::AppealRow, String, bool);

#[derive(Default)]
pub struct TodayScreen {
    pub data: Today,
    /// Reports waiting for the current user's acceptance (a head of the group): (report,
    /// client).
    pub to_review: Vec<(Meeting, String)>,
    /// Appeals overdue, due soon and not registered yet.
    pub appeals: crate::appeals::service::TodayAppeals,
    /// The greetings of the week, gifts to deliver, orders to send, plans whose regulation
    /// changed.
    pub gifts: crate::greetings::service::GiftsToday,
}

fn due_text(c: &DueContact) -> String {
    if c.overdue_days > 0 {
        t::overdue(c.overdue_days)
    } else {
        t::due_by(&fmt::date(c.due))
    }
}

impl TodayScreen {
    /// How many rows «Сегодня» shows, the reports to review with them (the count in the
    /// navigation).
    pub fn count(&self) -> usize {
        let a = &self.appeals;
        self.data.count()
            + self.to_review.len()
            + a.overdue.len()
            + a.due_soon.len()
            + a.unregistered.len()
            + self.gifts.count()
    }

    pub fn ui(&mut self, ui: &mut Ui, today: chrono::NaiveDate) -> Vec<Command> {
        let mut out = Vec::new();
        // Everything scrolls, the reports to review too: a head with forty of them reaches the
        // last one and what is below.
        egui::ScrollArea::vertical()
            .id_salt("today_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.review_ui(ui, &mut out);
                ui.add_space(6.0);
                ui.heading(t::today_title(&fmt::date(today)));
                if self.count() == 0 {
                    ui.label(RichText::new(t::TODAY_NOTHING).color(theme::OK));
                }
                self.appeals_ui(ui, today, &mut out);
                self.gifts_ui(ui, today, &mut out);
                self.contacts_ui(ui, t::TODAY_CALLS, MeetingKind::Call, &mut out);
                self.contacts_ui(ui, t::TODAY_MEETINGS, MeetingKind::Meeting, &mut out);
                if !self.data.steps.is_empty() {
                    ui.add_space(8.0);
                    ui.label(RichText::new(t::TODAY_STEPS).strong());
                    egui::Grid::new("today_steps")
                        .striped(true)
                        .num_columns(5)
                        .show(ui, |ui| {
                            for s in &self.data.steps {
                                ui.label(&s.client);
                                ui.label(&s.text);
                                let when = if s.overdue_days > 0 {
                                    t::overdue(s.overdue_days)
                                } else {
                                    t::due_by(&fmt::date(s.due))
                                };
                                ui.label(RichText::new(when).color(if s.overdue_days > 0 {
                                    theme::ERROR
                                } else {
                                    theme::MUTED
                                }));
                                if ui.button(t::OPEN_REPORT).clicked() {
                                    out.push(Command::Open(Route::Report(s.meeting_id)));
                                }
                                if ui
                                    .button(t::STEP_DONE)
                                    .accessible_name(format!("{}: {}", t::STEP_DONE, s.text))
                                    .clicked()
                                {
                                    out.push(Cmd::CompleteStep(s.step_id).into());
                                }
                                ui.end_row();
                            }
                        });
                }
                if !self.data.birthdays.is_empty() {
                    ui.add_space(8.0);
                    ui.label(RichText::new(t::TODAY_BIRTHDAYS).strong());
                    egui::Grid::new("today_birthdays")
                        .striped(true)
                        .num_columns(4)
                        .show(ui, |ui| {
                            for b in &self.data.birthdays {
                                ui.label(fmt::date(b.date));
                                let age = RichText::new(format!(
                                    "{} — {}",
                                    b.name,
                                    t::age(b.age, b.jubilee)
                                ));
                                ui.label(if b.jubilee {
                                    age.strong().color(theme::ACCENT)
                                } else {
                                    age
                                });
                                ui.label(&b.client);
                                if ui.button(t::OPEN_DOSSIER).clicked() {
                                    out.push(Command::Open(Route::Client(
                                        b.client_id,
                                        Tab::People,
                                    )));
                                }
                                ui.end_row();
                            }
                        });
                }
            });
        out
    }

    fn contacts_ui(&self, ui: &mut Ui, title: &str, kind: MeetingKind, out: &mut Vec<Command>) {
        let rows = if kind == MeetingKind::Call {
            &self.data.calls
        } else {
            &self.data.meetings
        };
        if rows.is_empty() {
            return;
        }
        ui.add_space(8.0);
        ui.label(RichText::new(format!("{title} ({})", rows.len())).strong());
        egui::Grid::new(title)
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                for c in rows {
                    ui.label(&c.client);
                    ui.label(
                        RichText::new(t::last_contact(&fmt::opt_date(c.last))).color(theme::MUTED),
                    );
                    ui.label(RichText::new(due_text(c)).color(if c.overdue_days > 0 {
                        theme::ERROR
                    } else {
                        theme::MUTED
                    }));
                    let label = if kind == MeetingKind::Call {
                        t::RECORD_CALL
                    } else {
                        t::RECORD_MEETING
                    };
                    if ui
                        .button(label)
                        .accessible_name(format!("{label}: {}", c.client))
                        .clicked()
                    {
                        out.push(Command::Open(Route::NewReport(c.client_id, kind)));
                    }
                    ui.end_row();
                }
            });
    }

    /// Appeals whose answer is overdue or due within the settings' working days, and those
    /// received but not registered, with their registration deadline.
    fn appeals_ui(&self, ui: &mut Ui, today: chrono::NaiveDate, out: &mut Vec<Command>) {
        let a = &self.appeals;
        let sections: [(&str, Vec<AppealLine>); 3] = [
            (
                t::TODAY_APPEALS_OVERDUE,
                a.overdue
                    .iter()
                    .map(|r| (r, t::days_left(r.days_left(today).unwrap_or(0)), true))
                    .collect(),
            ),
            (
                t::TODAY_APPEALS_SOON,
                a.due_soon
                    .iter()
                    .map(|r| (r, t::due_by(&fmt::opt_date(r.due_date)), false))
                    .collect(),
            ),
            (
                t::TODAY_APPEALS_UNREGISTERED,
                a.unregistered
                    .iter()
                    .map(|(r, by)| (r, t::register_by(&fmt::date(*by)), *by < today))
                    .collect(),
            ),
        ];
        for (title, rows) in sections {
            if rows.is_empty() {
                continue;
            }
            ui.add_space(8.0);
            ui.label(RichText::new(format!("{title} ({})", rows.len())).strong());
            egui::Grid::new(title)
                .striped(true)
                .num_columns(5)
                .show(ui, |ui| {
                    for (r, when, late) in rows {
                        ui.label(if r.number.is_empty() {
                            t::NOTHING
                        } else {
                            &r.number
                        });
                        ui.label(&r.client);
                        ui.label(&r.subject);
                        ui.label(RichText::new(when).color(if late {
                            theme::ERROR
                        } else {
                            theme::WARNING
                        }));
                        if ui
                            .button(t::OPEN_APPEAL)
                            .accessible_name(format!(
                                "{}: {} {}",
                                t::OPEN_APPEAL,
                                r.number,
                                r.subject
                            ))
                            .clicked()
                        {
                            out.push(Command::Open(Route::Appeal(r.id)));
                        }
                        ui.end_row();
                    }
                });
        }
    }

    /// The regulation's duties: gifts to deliver, orders late or due this week, planned gifts
    /// whose regulation changed, and the greetings of the week with who calls.
    fn gifts_ui(&self, ui: &mut Ui, today: chrono::NaiveDate, out: &mut Vec<Command>) {
        use crate::greetings::documents::{callers_words, holiday_words};
        let g = &self.gifts;
        if !g.deliveries.is_empty() {
            ui.add_space(8.0);
            ui.label(
                RichText::new(format!("{} ({})", t::TODAY_DELIVERIES, g.deliveries.len()))
                    .strong()
                    .color(theme::ERROR),
            );
            for r in &g.deliveries {
                ui.horizontal_wrapped(|ui| {
                    ui.label(t::gift_line_today(
                        &fmt::opt_date(r.gift.holiday_date),
                        &r.person,
                        &r.client,
                        &r.gift.item,
                    ));
                    if ui.small_button(t::OPEN_GIFTS).clicked() {
                        out.push(Command::Open(Route::Gifts));
                    }
                });
            }
        }
        if !g.orders.is_empty() || !g.changes.is_empty() {
            ui.add_space(8.0);
            ui.label(
                RichText::new(format!(
                    "{} ({})",
                    t::TODAY_ORDERS,
                    g.orders.len() + g.changes.len()
                ))
                .strong(),
            );
            let lines = g
                .orders
                .iter()
                .map(|(r, late)| {
                    let by = r.order_by.map(fmt::date).unwrap_or_default();
                    let colour = if *late { theme::ERROR } else { theme::WARNING };
                    (r, t::order_by_words(&by, *late), colour)
                })
                .chain(
                    g.changes
                        .iter()
                        .map(|(r, _)| (r, t::CHANGES_TITLE.to_string(), theme::WARNING)),
                );
            for (r, when, colour) in lines {
                ui.horizontal_wrapped(|ui| {
                    ui.label(t::gift_line_today(
                        &fmt::opt_date(r.gift.holiday_date),
                        &r.person,
                        &r.client,
                        &r.gift.item,
                    ));
                    ui.label(RichText::new(when).color(colour));
                    if ui.small_button(t::OPEN_GIFTS).clicked() {
                        out.push(Command::Open(Route::Gifts));
                    }
                });
            }
        }
        if !g.greetings.is_empty() || !g.general.is_empty() {
            ui.add_space(8.0);
            ui.label(
                RichText::new(format!(
                    "{} ({})",
                    t::TODAY_GREETINGS,
                    g.greetings.len() + g.general.len()
                ))
                .strong(),
            );
            for d in &g.general {
                ui.horizontal_wrapped(|ui| {
                    let holiday = holiday_words(d.occasion, &d.name, None);
                    let text = RichText::new(t::general_day_line(
                        &fmt::date(d.date),
                        &holiday,
                        d.people,
                        d.director_calls,
                    ));
                    ui.label(if d.date == today { text.strong() } else { text });
                    if ui.button(t::OPEN_SCHEDULE).clicked() {
                        out.push(Command::Open(Route::Greetings));
                    }
                });
            }
            for gr in &g.greetings {
                ui.horizontal_wrapped(|ui| {
                    let line = t::today_greeting_line(
                        &fmt::date(gr.date),
                        &holiday_words(gr.occasion, &gr.holiday_name, gr.age),
                        &gr.person,
                        &gr.client,
                    );
                    let text = RichText::new(line);
                    ui.label(if gr.date == today {
                        text.strong()
                    } else {
                        text
                    });
                    ui.label(
                        RichText::new(format!(
                            "{}, {}",
                            t::calls_line(&callers_words(gr)),
                            t::call_by(&g.call_before)
                        ))
                        .color(theme::MUTED),
                    );
                    if ui.small_button(t::OPEN_SCHEDULE).clicked() {
                        out.push(Command::Open(Route::Greetings));
                    }
                });
            }
        }
    }

    /// The reports waiting for the supervisor, first on «Сегодня».
    fn review_ui(&self, ui: &mut Ui, out: &mut Vec<Command>) {
        if self.to_review.is_empty() {
            return;
        }
        ui.add_space(6.0);
        ui.label(RichText::new(t::reports_to_review(self.to_review.len())).strong());
        egui::Grid::new("to_review")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                for (m, client) in &self.to_review {
                    ui.label(fmt::opt_date(m.date));
                    ui.label(client);
                    ui.label(m.kind.label());
                    if ui
                        .button(t::OPEN_REPORT)
                        .accessible_name(format!("{}: {client}", t::OPEN_REPORT))
                        .clicked()
                        && let Some(id) = m.id
                    {
                        out.push(Command::Open(Route::Report(id)));
                    }
                    ui.end_row();
                }
            });
    }
}
