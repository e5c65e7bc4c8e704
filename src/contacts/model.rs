//! Reports of calls and meetings, and the contact rhythm of the standard (Ch. 1 §10 p. 5): a
//! call to the client's leadership every month and a personal meeting every quarter, each
//! followed by a report; and what is due. Plain types and rules: no egui, no SQL.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::domain::Id;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MeetingKind {
    /// Ежемесячный звонок руководству.
    #[default]
    Call,
    /// Ежеквартальная личная встреча.
    Meeting,
    /// Выезд к клиенту.
    Visit,
    /// Встреча руководства компаний.
    Top,
    Other,
}

crate::codes!(MeetingKind, "report kind", Call => "call", Meeting => "meeting", Visit => "visit", Top => "top", Other => "other");

impl MeetingKind {
    /// Whether a report of this kind counts as the personal meeting of the rhythm.
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            MeetingKind::Meeting | MeetingKind::Visit | MeetingKind::Top
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum ReportStatus {
    #[default]
    Draft,
    Submitted,
    Accepted,
}

crate::codes!(ReportStatus, "report status", Draft => "draft", Submitted => "submitted", Accepted => "accepted");

impl ReportStatus {
    /// The flow of a report: черновик → передан руководителю → принят. A correction is a new
    /// draft, never a step back.
    pub fn can_become(self, to: ReportStatus) -> bool {
        matches!(
            (self, to),
            (ReportStatus::Draft, ReportStatus::Submitted)
                | (ReportStatus::Submitted, ReportStatus::Accepted)
        )
    }
}

/// A next step agreed at a meeting.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NextStep {
    pub id: Option<Id>,
    pub text: String,
    pub responsible: String,
    pub due: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
}

/// A report of a call or a meeting.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meeting {
    pub id: Option<Id>,
    pub uuid: String,
    pub client_id: Id,
    pub manager_id: Option<Id>,
    pub kind: MeetingKind,
    pub date: Option<NaiveDate>,
    pub time: String,
    pub place: String,
    /// Ids of the client's people who took part.
    pub client_people: Vec<Id>,
    pub company_people: String,
    pub topics: String,
    pub problems: String,
    pub agreements: String,
    pub next_steps: Vec<NextStep>,
    pub status: ReportStatus,
    pub submitted_at: Option<NaiveDate>,
    pub accepted_at: Option<NaiveDate>,
    pub supervisor_comment: String,
    pub version_of: Option<Id>,
}

/// How often a client is to be called and met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rhythm {
    pub call_every_days: u32,
    /// Meetings are counted per calendar period of this many months (3 = quarters).
    pub meeting_every_months: u32,
}

impl Default for Rhythm {
    fn default() -> Self {
        Rhythm {
            call_every_days: 30,
            meeting_every_months: 3,
        }
    }
}

/// When a contact is due and by how many days it is overdue (0 when it is not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub due: NaiveDate,
    pub overdue_days: i64,
}

/// Adds days, saturating at the last representable date (a rhythm is bounded, but a date
/// computed from it must never overflow).
fn plus_days(d: NaiveDate, days: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

/// The leadership call: due `every_days` after the last one. Without any call recorded, the
/// first is due `every_days` after `start`, the day the client was added or became VIP — a new
/// client owes nothing for the time before it existed.
pub fn call_due(
    last: Option<NaiveDate>,
    every_days: u32,
    start: NaiveDate,
    today: NaiveDate,
) -> Due {
    let from = last.unwrap_or(start);
    let due = plus_days(from, every_days.max(1));
    Due {
        due,
        overdue_days: (today - due).num_days().max(0),
    }
}

/// The first day of the calendar period (of `months` months, counted from January) holding `d`.
pub fn period_start(d: NaiveDate, months: u32) -> NaiveDate {
    let months = months.clamp(1, 12);
    let m0 = (d.month0() / months) * months;
    NaiveDate::from_ymd_opt(d.year(), m0 + 1, 1).unwrap_or(d)
}

/// The last day of the calendar period that begins on `start`.
pub fn period_end(start: NaiveDate, months: u32) -> NaiveDate {
    start
        .checked_add_months(Months::new(months.clamp(1, 12)))
        .and_then(|d| d.pred_opt())
        .unwrap_or(start)
}

/// The first calendar period that owes a meeting: the first that begins on or after `start`
/// (a client that arrives mid-quarter owes its first meeting in the next quarter).
pub fn first_owed_period(start: NaiveDate, months: u32) -> NaiveDate {
    let months = months.clamp(1, 12);
    let p = period_start(start, months);
    if p == start {
        p
    } else {
        p.checked_add_months(Months::new(months)).unwrap_or(p)
    }
}

/// The personal meeting: one in every calendar period. Held in the current period → due by the
/// end of the next one; held in the previous period → due by the end of this one; otherwise it
/// was due by the end of the previous period and is overdue since. Without any meeting
/// recorded, the first is due by the end of the first period the client owes (see
/// [`first_owed_period`]).
pub fn meeting_due(
    last: Option<NaiveDate>,
    every_months: u32,
    start: NaiveDate,
    today: NaiveDate,
) -> Due {
    let months = every_months.clamp(1, 12);
    let current = period_start(today, months);
    let previous = current
        .checked_sub_months(Months::new(months))
        .unwrap_or(current);
    let next = current
        .checked_add_months(Months::new(months))
        .unwrap_or(current);
    let due = match last {
        Some(l) if l >= current => period_end(next, months),
        Some(l) if l >= previous => period_end(current, months),
        Some(_) => current.pred_opt().unwrap_or(current),
        None => current
            .pred_opt()
            .unwrap_or(current)
            .max(period_end(first_owed_period(start, months), months)),
    };
    Due {
        due,
        overdue_days: (today - due).num_days().max(0),
    }
}

/// Whether a birthday at this age is a jubilee: every 5 years from 50, plus 30 and 40.
pub fn is_jubilee(age: i32) -> bool {
    age == 30 || age == 40 || age >= 50 && age % 5 == 0
}

/// The next birthday on or after `today`, and the age then (29 February → 28 February).
pub fn next_birthday(birthday: NaiveDate, today: NaiveDate) -> (NaiveDate, i32) {
    let on = |y: i32| {
        NaiveDate::from_ymd_opt(y, birthday.month(), birthday.day())
            .or_else(|| NaiveDate::from_ymd_opt(y, 2, 28))
    };
    let this_year = on(today.year()).unwrap_or(today);
    let date = if this_year >= today {
        this_year
    } else {
        on(today.year() + 1).unwrap_or(today)
    };
    (date, date.year() - birthday.year())
}

/// Per client: its rhythm, the day its duties began and the dates of the last call and the
/// last personal meeting held (reports dated up to today, any status).
#[derive(Debug, Clone, PartialEq)]
pub struct ClientContacts {
    pub client_id: Id,
    pub short_name: String,
    pub manager_id: Option<Id>,
    pub rhythm: Rhythm,
    /// The day the client was added, or became VIP if that was later.
    pub start: NaiveDate,
    pub last_call: Option<NaiveDate>,
    pub last_meeting: Option<NaiveDate>,
}

/// An open next step and where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenStep {
    pub step_id: Id,
    pub meeting_id: Id,
    pub client_id: Id,
    pub client: String,
    pub text: String,
    pub due: NaiveDate,
}

/// A person's birthday and whose person it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonBirthday {
    pub person_id: Id,
    pub client_id: Id,
    pub client: String,
    pub name: String,
    pub birthday: NaiveDate,
}

/// A file attached to a report: (record id, file name, size in bytes).
pub type Attachment = (Id, String, i64);

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    /// A client added long ago.
    fn old() -> NaiveDate {
        d(2020, 1, 1)
    }

    #[test]
    fn call_forty_days_ago_is_overdue() {
        let today = d(2026, 11, 25);
        let s = call_due(Some(today - chrono::Duration::days(40)), 30, old(), today);
        assert_eq!(s.overdue_days, 10);
        let s = call_due(Some(today - chrono::Duration::days(20)), 30, old(), today);
        assert_eq!(
            (s.overdue_days, s.due),
            (0, today + chrono::Duration::days(10))
        );
        // A custom rhythm: every two weeks.
        assert_eq!(
            call_due(Some(today - chrono::Duration::days(20)), 14, old(), today).overdue_days,
            6
        );
        // A rhythm too large for the calendar saturates instead of overflowing.
        assert_eq!(call_due(None, u32::MAX, old(), today).overdue_days, 0);
    }

    #[test]
    fn a_new_client_owes_nothing_for_the_past() {
        let today = d(2026, 11, 25);
        let call = call_due(None, 30, today, today);
        assert_eq!((call.due, call.overdue_days), (d(2026, 12, 25), 0));
        // Added mid-quarter: the first meeting is owed in the next quarter.
        let meeting = meeting_due(None, 3, today, today);
        assert_eq!((meeting.due, meeting.overdue_days), (d(2027, 3, 31), 0));
        // Added on the first day of a quarter: a meeting is owed in it.
        let meeting = meeting_due(None, 3, d(2026, 10, 1), today);
        assert_eq!((meeting.due, meeting.overdue_days), (d(2026, 12, 31), 0));
        // Added long ago and never met: overdue since the end of the last quarter.
        assert_eq!(meeting_due(None, 3, old(), today).overdue_days, 56);
        // A contact recorded is the truth, whenever the client was added.
        let call = call_due(Some(today - chrono::Duration::days(40)), 30, today, today);
        assert_eq!(call.overdue_days, 10);
    }

    #[test]
    fn quarterly_meetings_at_quarter_boundaries() {
        // Held in Q3, today the first day of Q4: due by the end of Q4, not overdue.
        let s = meeting_due(Some(d(2026, 9, 30)), 3, old(), d(2026, 10, 1));
        assert_eq!((s.due, s.overdue_days), (d(2026, 12, 31), 0));
        // Held in Q2, nothing in Q3: overdue since 30.09 on 01.10.
        let s = meeting_due(Some(d(2026, 6, 30)), 3, old(), d(2026, 10, 1));
        assert_eq!((s.due, s.overdue_days), (d(2026, 9, 30), 1));
        // Held this quarter: due by the end of the next one (across the year).
        let s = meeting_due(Some(d(2026, 10, 2)), 3, old(), d(2026, 11, 25));
        assert_eq!(s.due, d(2027, 3, 31));
        // Last day of a quarter still belongs to it.
        let s = meeting_due(Some(d(2026, 7, 1)), 3, old(), d(2026, 9, 30));
        assert_eq!((s.due, s.overdue_days), (d(2026, 12, 31), 0));
        // A custom rhythm: half-years.
        let s = meeting_due(Some(d(2026, 3, 1)), 6, old(), d(2026, 11, 25));
        assert_eq!((s.due, s.overdue_days), (d(2026, 12, 31), 0));
        let s = meeting_due(None, 3, old(), d(2026, 11, 25));
        assert_eq!(s.overdue_days, 56);
    }

    #[test]
    fn birthdays_and_jubilees() {
        assert_eq!(
            next_birthday(d(1976, 12, 1), d(2026, 11, 25)),
            (d(2026, 12, 1), 50)
        );
        assert_eq!(
            next_birthday(d(1976, 1, 10), d(2026, 11, 25)),
            (d(2027, 1, 10), 51)
        );
        assert_eq!(
            next_birthday(d(1980, 2, 29), d(2026, 1, 1)).0,
            d(2026, 2, 28)
        );
        assert!(is_jubilee(50) && is_jubilee(55) && is_jubilee(30) && is_jubilee(40));
        assert!(!is_jubilee(51) && !is_jubilee(35) && !is_jubilee(45));
    }
}

/// A report as the client's timeline shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingEvent {
    pub id: Id,
    pub kind: MeetingKind,
    pub date: NaiveDate,
    pub topics: String,
    pub status: ReportStatus,
}
