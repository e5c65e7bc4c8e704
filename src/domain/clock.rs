//! Where time comes from. Every write stamps its rows from the clock of the database, and the
//! screens read today's date from it every frame, so a window left open overnight dates
//! tomorrow's letters tomorrow. Tests and the demo generator use a [`FixedClock`] they move.

use std::sync::Mutex;

use chrono::{NaiveDate, NaiveDateTime};

/// The current time: the UTC instant written in the audit stamps and the local date and time
/// of the office.
pub trait Clock: Send + Sync {
    /// The local wall-clock time of the workstation.
    fn local(&self) -> NaiveDateTime;
    /// The instant, in UTC, written in `created_at` / `updated_at`.
    fn utc(&self) -> NaiveDateTime;
    /// The local date: what «сегодня» means for deadlines, registration dates and «Сегодня».
    fn today(&self) -> NaiveDate {
        self.local().date()
    }
}

/// The computer's clock: the one place that reads it (clippy refuses `now()` elsewhere).
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

#[allow(clippy::disallowed_methods)]
impl Clock for SystemClock {
    fn local(&self) -> NaiveDateTime {
        chrono::Local::now().naive_local()
    }
    fn utc(&self) -> NaiveDateTime {
        chrono::Utc::now().naive_utc()
    }
}

/// A clock that shows what it is set to (tests; the demo generator writing history). Its local
/// time and its UTC time are the same.
#[derive(Debug)]
pub struct FixedClock(Mutex<NaiveDateTime>);

impl FixedClock {
    pub fn new(at: NaiveDateTime) -> FixedClock {
        FixedClock(Mutex::new(at))
    }

    /// Noon of `date`.
    pub fn on(date: NaiveDate) -> FixedClock {
        FixedClock::new(date.and_hms_opt(12, 0, 0).unwrap_or_default())
    }

    pub fn set(&self, at: NaiveDateTime) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = at;
    }

    /// Noon of `date`.
    pub fn set_date(&self, date: NaiveDate) {
        self.set(date.and_hms_opt(12, 0, 0).unwrap_or_default());
    }

    pub fn advance(&self, by: chrono::Duration) {
        let mut t = self.0.lock().unwrap_or_else(|p| p.into_inner());
        *t = t.checked_add_signed(by).unwrap_or(*t);
    }
}

impl Clock for FixedClock {
    fn local(&self) -> NaiveDateTime {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
    fn utc(&self) -> NaiveDateTime {
        self.local()
    }
}

/// The stamp written in `created_at` / `updated_at` / `deleted_at`: UTC, milliseconds.
/// When this process started (UTC, by the computer's clock): what a command asks for is asked
/// at that moment, however long it waits for the database.
pub fn process_started() -> NaiveDateTime {
    static STARTED: std::sync::OnceLock<NaiveDateTime> = std::sync::OnceLock::new();
    *STARTED.get_or_init(|| SystemClock.utc())
}

pub fn stamp(utc: NaiveDateTime) -> String {
    utc.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// A stamp as the office's local date and time (the trash shows when something was deleted).
pub fn stamp_local(stamp: &str) -> Option<NaiveDateTime> {
    let utc =
        NaiveDateTime::parse_from_str(stamp.trim_end_matches('Z'), "%Y-%m-%dT%H:%M:%S%.f").ok()?;
    Some(
        chrono::DateTime::<chrono::Utc>::from_naive_utc_and_offset(utc, chrono::Utc)
            .with_timezone(&chrono::Local)
            .naive_local(),
    )
}

/// The stamp of the start of a local day (for filters by period).
pub fn stamp_of_local_day(date: NaiveDate) -> String {
    use chrono::TimeZone as _;
    let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    let utc = chrono::Local
        .from_local_datetime(&midnight)
        .earliest()
        .map_or(midnight, |t| t.naive_utc());
    stamp(utc)
}

/// The date part of a stamp (UTC), e.g. when a client was added.
pub fn stamp_date(stamp: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(stamp.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_moves_past_midnight() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
        let c = FixedClock::new(day.and_hms_opt(23, 59, 0).unwrap_or_default());
        assert_eq!(c.today(), day);
        c.advance(chrono::Duration::minutes(2));
        assert_eq!(c.today(), day.succ_opt().unwrap_or_default());
        assert_eq!(stamp(c.utc()), "2026-11-26T00:01:00.000Z");
        assert_eq!(stamp_date("2026-11-26T00:01:00.000Z"), day.succ_opt());
    }
}
