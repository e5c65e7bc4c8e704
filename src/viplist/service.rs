//! The VIP list of a year: the proposal computed from the dossier (the list a head of the group
//! starts from in December).

use chrono::{Datelike as _, Months, NaiveDate};

use super::criteria::{self, Candidate, Thresholds};
use super::store;
use crate::storage::{Reader, StorageError};

/// The proposed list of a year and what it was judged on.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposed {
    pub year: i32,
    /// The 12 months of consumption judged (first and last, inclusive).
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub thresholds: Thresholds,
    pub candidates: Vec<Candidate>,
    /// How many of the 12 months have any consumption recorded (fewer: the volumes are not
    /// a year's, and the user is told).
    pub months: u32,
}

/// The 12 months judged for the list of `year` made on `today`: those before today's month,
/// and none after the December before the list's year.
pub fn window(year: i32, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let this_month = today.with_day(1).unwrap_or(today);
    let before_today = this_month - Months::new(1);
    let last = NaiveDate::from_ymd_opt(year - 1, 12, 1)
        .map_or(before_today, |december| december.min(before_today));
    (last - Months::new(11), last)
}

/// The proposed list of `year` on `today`: this year's VIP clients and the clients whose volume
/// qualifies, with their criteria and the proposal.
pub fn propose(db: &impl Reader, year: i32, today: NaiveDate) -> Result<Proposed, StorageError> {
    let conn = db.connection();
    let thresholds = store::thresholds(conn)?;
    let (from, to) = window(year, today);
    let month = |d: NaiveDate| format!("{:04}-{:02}", d.year(), d.month());
    let facts = store::facts(conn, year, &month(from), &month(to))?;
    Ok(Proposed {
        year,
        from,
        to,
        candidates: criteria::propose(&facts, year, &thresholds),
        thresholds,
        months: store::months_recorded(conn, &month(from), &month(to))?,
    })
}

/// The proposal as `actor` sees it: a manager the candidates among their own clients (their
/// places still judged among every client of the office).
pub fn propose_as(
    db: &impl Reader,
    actor: &crate::domain::Actor,
    year: i32,
    today: NaiveDate,
) -> Result<Proposed, StorageError> {
    let mut p = propose(db, year, today)?;
    if let Some(me) = actor.scope().manager() {
        p.candidates.retain(|c| c.facts.manager_id == Some(me));
    }
    Ok(p)
}

/// How many months of consumption the window `from`..=`to` has recorded.
pub fn months_recorded(
    db: &impl Reader,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<u32, StorageError> {
    let month = |d: NaiveDate| format!("{:04}-{:02}", d.year(), d.month());
    store::months_recorded(db.connection(), &month(from), &month(to))
}

/// The setting of the thresholds, for `vipdesk check` and the window's band.
pub const SETTINGS: crate::storage::settings::Known = crate::storage::settings::Known {
    key: "vip_list",
    read: |conn| store::thresholds(conn).map(|_| ()),
};

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn the_window_is_the_twelve_months_before_today_and_not_past_the_lists_year() {
        assert_eq!(
            window(2027, d(2026, 12, 8)),
            (d(2025, 12, 1), d(2026, 11, 1))
        );
        // On the first of January, December counts.
        assert_eq!(window(2027, d(2027, 1, 1)), (d(2026, 1, 1), d(2026, 12, 1)));
        // A list of a year already running: the year before it.
        assert_eq!(
            window(2026, d(2026, 12, 8)),
            (d(2025, 1, 1), d(2025, 12, 1))
        );
    }
}
