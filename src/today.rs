//! «Сегодня»: every duty that is due — calls and meetings owed to each client, next steps
//! promised, leaders' birthdays coming.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::domain::contacts::{call_due, is_jubilee, meeting_due, next_birthday};
use crate::domain::model::Id;
use crate::storage::{self, Result};

/// A call or a meeting owed to a client.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DueContact {
    pub client_id: Id,
    pub client: String,
    pub last: Option<NaiveDate>,
    pub due: NaiveDate,
    pub overdue_days: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DueStep {
    pub step_id: Id,
    pub meeting_id: Id,
    pub client_id: Id,
    pub client: String,
    pub text: String,
    pub due: NaiveDate,
    pub overdue_days: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Birthday {
    pub person_id: Id,
    pub client_id: Id,
    pub client: String,
    pub name: String,
    pub date: NaiveDate,
    pub age: i32,
    pub jubilee: bool,
    pub in_days: i64,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Today {
    pub calls: Vec<DueContact>,
    pub meetings: Vec<DueContact>,
    pub steps: Vec<DueStep>,
    pub birthdays: Vec<Birthday>,
}

impl Today {
    /// How many rows «Сегодня» shows (the count in the navigation).
    pub fn count(&self) -> usize {
        self.calls.len() + self.meetings.len() + self.steps.len() + self.birthdays.len()
    }
}

/// How far ahead birthdays are shown.
pub const BIRTHDAY_DAYS: i64 = 14;

/// The last day of the week holding `d` (Sunday).
pub fn week_end(d: NaiveDate) -> NaiveDate {
    d + chrono::Duration::days(6 - i64::from(d.weekday().num_days_from_monday()))
}

/// What is due for a manager's clients (all clients when `manager` is `None`): overdue or due
/// by the end of this week, and birthdays in the next 14 days.
pub fn today(conn: &rusqlite::Connection, manager: Option<Id>, today: NaiveDate) -> Result<Today> {
    let horizon = week_end(today);
    let mut out = Today::default();
    for c in storage::client_contacts(conn, manager, today)? {
        let call = call_due(c.last_call, c.rhythm.call_every_days, today);
        if call.due <= horizon {
            out.calls.push(DueContact {
                client_id: c.client_id,
                client: c.short_name.clone(),
                last: c.last_call,
                due: call.due,
                overdue_days: call.overdue_days,
            });
        }
        let meeting = meeting_due(c.last_meeting, c.rhythm.meeting_every_months, today);
        if meeting.due <= horizon {
            out.meetings.push(DueContact {
                client_id: c.client_id,
                client: c.short_name,
                last: c.last_meeting,
                due: meeting.due,
                overdue_days: meeting.overdue_days,
            });
        }
    }
    let by_urgency = |a: &DueContact, b: &DueContact| {
        b.overdue_days
            .cmp(&a.overdue_days)
            .then(a.due.cmp(&b.due))
            .then(a.client.cmp(&b.client))
    };
    out.calls.sort_by(by_urgency);
    out.meetings.sort_by(by_urgency);
    out.steps = storage::due_steps(conn, manager, horizon)?
        .into_iter()
        .map(|s| DueStep {
            overdue_days: (today - s.due).num_days().max(0),
            step_id: s.step_id,
            meeting_id: s.meeting_id,
            client_id: s.client_id,
            client: s.client,
            text: s.text,
            due: s.due,
        })
        .collect();
    // 28 February stands for 29 February in other years: widen the window by a day for it.
    let window_end = today + chrono::Duration::days(BIRTHDAY_DAYS);
    let sql_end = if window_end.month() == 2 && window_end.day() == 28 {
        window_end + chrono::Duration::days(1)
    } else {
        window_end
    };
    out.birthdays = storage::birthdays(conn, manager, today, sql_end)?
        .into_iter()
        .filter_map(|b| {
            let (person_id, client_id, client, name) = (b.person_id, b.client_id, b.client, b.name);
            let (date, age) = next_birthday(b.birthday, today);
            let in_days = (date - today).num_days();
            (in_days <= BIRTHDAY_DAYS).then(|| Birthday {
                person_id,
                client_id,
                client,
                name,
                date,
                age,
                jubilee: is_jubilee(age),
                in_days,
            })
        })
        .collect();
    out.birthdays
        .sort_by(|a, b| a.date.cmp(&b.date).then(a.name.cmp(&b.name)));
    Ok(out)
}
