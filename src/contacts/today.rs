//! «Сегодня»: every duty that is due — calls and meetings owed to each client, next steps
//! promised, leaders' birthdays coming. Computed from what the store read, without SQL.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::model::{
    ClientContacts, OpenStep, PersonBirthday, call_due, is_jubilee, meeting_due, next_birthday,
};
use crate::domain::Id;

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

/// The days whose birthdays «Сегодня» shows, as the store is asked for them: today to 14 days
/// on, widened by a day when the window ends on 28 February (which stands for 29 February in
/// other years).
pub fn birthday_window(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let end = today + chrono::Duration::days(BIRTHDAY_DAYS);
    if end.month() == 2 && end.day() == 28 {
        (today, end + chrono::Duration::days(1))
    } else {
        (today, end)
    }
}

/// What is due: calls and meetings overdue or due by the end of this week, the open steps due
/// by then, and birthdays in the next 14 days.
pub fn compute(
    contacts: Vec<ClientContacts>,
    steps: Vec<OpenStep>,
    birthdays: Vec<PersonBirthday>,
    today: NaiveDate,
) -> Today {
    let horizon = week_end(today);
    let mut out = Today::default();
    for c in contacts {
        let call = call_due(c.last_call, c.rhythm.call_every_days, c.start, today);
        if call.due <= horizon {
            out.calls.push(DueContact {
                client_id: c.client_id,
                client: c.short_name.clone(),
                last: c.last_call,
                due: call.due,
                overdue_days: call.overdue_days,
            });
        }
        let meeting = meeting_due(
            c.last_meeting,
            c.rhythm.meeting_every_months,
            c.start,
            today,
        );
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
    out.steps = steps
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
    out.birthdays = birthdays
        .into_iter()
        .filter_map(|b| {
            let (date, age) = next_birthday(b.birthday, today);
            let in_days = (date - today).num_days();
            (in_days <= BIRTHDAY_DAYS).then(|| Birthday {
                person_id: b.person_id,
                client_id: b.client_id,
                client: b.client,
                name: b.name,
                date,
                age,
                jubilee: is_jubilee(age),
                in_days,
            })
        })
        .collect();
    out.birthdays
        .sort_by(|a, b| a.date.cmp(&b.date).then(a.name.cmp(&b.name)));
    out
}
