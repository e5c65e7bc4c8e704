//! The demo's letters: replies and notices at every stage of delivery, registered on their
//! dates.

use chrono::{Datelike, NaiveDate};

use crate::clients::*;
use crate::domain::{Actor, Clock, FixedClock, Id, Role};
use crate::letters::{self, LetterStatus, Reply};
use crate::storage::Db;
use crate::words::demo as text;

/// A letter's step the demo takes later: every letter of the demo (the appeals' replies and
/// notices too) is registered in the order of its date, so that outgoing numbers follow dates
/// as in a real register.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Register,
    /// Printed, handed to the courier, delivered (with who received it).
    Advance(LetterStatus, &'static str),
}

/// The letters' steps planned by date: (day, order planned, letter, who, step).
#[derive(Debug, Default)]
pub struct Agenda(Vec<(NaiveDate, usize, Id, Actor, Step)>);

impl Agenda {
    pub fn plan(&mut self, day: NaiveDate, letter: Id, actor: Actor, step: Step) {
        let n = self.0.len();
        self.0.push((day, n, letter, actor, step));
    }

    /// Takes every step in date order, the clock on its day.
    pub fn run(mut self, db: &mut Db, clock: &FixedClock) -> Result<(), letters::LetterError> {
        self.0.sort_by_key(|(day, n, ..)| (*day, *n));
        for (day, _, letter, actor, step) in self.0 {
            clock.set_date(day);
            match step {
                Step::Register => {
                    letters::service::register(db, &actor, letter)?;
                }
                Step::Advance(status, received) => {
                    letters::service::advance(db, &actor, letter, status, day, received)?;
                }
            }
        }
        Ok(())
    }
}

/// Letters for every fourth client: tariff notices, drafts and registered ones at every stage
/// of delivery, registered on working days in date order; and one long letter on the results
/// of a check of the bills, its months said from its date. (Replies to appeals are the
/// appeals' own, made with them.)
pub fn demo_letters(
    db: &mut Db,
    clock: &FixedClock,
    today: NaiveDate,
    agenda: &mut Agenda,
) -> std::result::Result<usize, letters::LetterError> {
    let templates = letters::service::templates(db)?;
    let (Some(free), Some(notice)) = (
        templates.iter().find(|t| t.code == "free"),
        templates.iter().find(|t| t.code == "tariff_change"),
    ) else {
        return Ok(0);
    };
    let cal = crate::calendar::service::calendar(db)?;
    // A letter is registered, printed and sent on working days.
    let workday = |d: NaiveDate| cal.working_on_or_before(d.min(today));
    let rows = service::list(db)?;
    let author = |l: &letters::Letter| Actor {
        id: l.manager_id,
        role: Some(Role::Manager),
    };
    let mut n = 0;
    // One long letter (two pages), registered, to show page breaks and the page number.
    if let Some(row) = rows.iter().find(|r| r.people_count > 0) {
        let on = workday(today - chrono::Duration::days(41));
        let mut long =
            letters::service::draft_for(db, row.id, None, free, None, &Reply::default(), on)?;
        long.heading = text::DEMO_LONG_HEADING.into();
        long.body = long_body(on);
        long.attachment = text::DEMO_LONG_ATTACHMENT.into();
        let actor = author(&long);
        clock.set_date(workday(on - chrono::Duration::days(4)));
        let id = letters::service::save_draft(db, &actor, &long)?;
        agenda.plan(on, id, actor, Step::Register);
        n += 1;
    }
    for (i, row) in rows
        .iter()
        .enumerate()
        .filter(|(i, r)| i % 4 == 0 && r.people_count > 0)
    {
        let registered = i % 8 == 4 || i % 8 == 0 && i % 16 == 0;
        // A tariff notice names the day the new tariffs start: the first of a month ahead.
        let tariff = Reply {
            fields: letters::TemplateFields {
                date: crate::domain::fmt::date(first_of_next_month(today)),
                ..Default::default()
            },
            ..Default::default()
        };
        // Registered in the order of the list, so that numbers follow dates.
        let date =
            workday(today - chrono::Duration::days(40 - (i * 36 / rows.len().max(1)) as i64));
        clock.set_date(if registered { date } else { workday(today) });
        let draft =
            letters::service::draft_for(db, row.id, None, notice, None, &tariff, clock.today())?;
        let actor = author(&draft);
        let id = letters::service::save_draft(db, &actor, &draft)?;
        n += 1;
        if registered {
            agenda.plan(date, id, actor, Step::Register);
            let steps = [
                LetterStatus::Printed,
                LetterStatus::Courier,
                LetterStatus::Delivered,
            ];
            for status in steps.iter().take(i % 4 + (i / 4) % 4) {
                let received = if *status == LetterStatus::Delivered {
                    text::DEMO_RECEIVED_BY
                } else {
                    ""
                };
                // Printed on the day, handed to the courier in the week's batch on Friday
                // (a sheet of several letters), delivered the next working day.
                let friday = date
                    + chrono::Duration::days(
                        (4 - i64::from(date.weekday().num_days_from_monday())).rem_euclid(7),
                    );
                let day = workday(match status {
                    LetterStatus::Printed => date,
                    LetterStatus::Courier => friday,
                    _ => cal.next_working(friday),
                });
                agenda.plan(day, id, actor, Step::Advance(*status, received));
            }
        }
    }
    clock.set_date(today);
    Ok(n)
}

/// The long letter registered on `on`: the quarter before its month checked, the late
/// readings in the quarter's middle month, the recalculation in the bill of its own month, the
/// reconciliation act as of the end of the month before.
fn long_body(on: NaiveDate) -> String {
    let month_back = |k: u32| {
        on.with_day(1)
            .and_then(|d| d.checked_sub_months(chrono::Months::new(k)))
            .unwrap_or(on)
    };
    let (first, middle, last) = (month_back(3), month_back(2), month_back(1));
    let act_day = on.with_day(1).and_then(|d| d.pred_opt()).unwrap_or(on);
    text::demo_long_body(
        (
            crate::domain::fmt::month_name(first.month()),
            crate::domain::fmt::month_name(last.month()),
        ),
        text::month_in(middle.month()),
        crate::domain::fmt::month_name(on.month()),
        &crate::words::clients::fixed_holiday(act_day.day(), act_day.month()),
    )
}

/// The first day of the month after `d`'s.
fn first_of_next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d)
}
