//! The rules of the production calendar that need the database: the calendar with the
//! corrections, and the corrections themselves (an administrator's work: the head of the group).

use chrono::NaiveDate;

use super::store;
use crate::domain::calendar::{Calendar, DayKind, Override};
use crate::domain::{Actor, Duty};
use crate::storage::{Conn, Db, StorageError};

#[derive(Debug, thiserror::Error)]
pub enum CalendarError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("a year is confirmed by a decree: its number and date are needed")]
    NoDecree,
    #[error("year {0} is outside the calendar (1900–2100)")]
    YearOutOfRange(i32),
}

/// The calendar of the database: the shipped one with the corrections.
pub fn load(conn: &Conn) -> Result<Calendar, StorageError> {
    Ok(Calendar::new(
        store::overrides(conn)?,
        store::decreed_years(conn)?,
    ))
}

pub fn calendar(db: &Db) -> Result<Calendar, StorageError> {
    load(db.conn())
}

fn may_edit(actor: &Actor) -> Result<(), CalendarError> {
    Ok(actor.may(Duty::EditCalendar).map_err(StorageError::from)?)
}

fn check_year(year: i32) -> Result<(), CalendarError> {
    if (1900..=2100).contains(&year) {
        Ok(())
    } else {
        Err(CalendarError::YearOutOfRange(year))
    }
}

/// Sets what a day is, by `decree`. Setting the kind the shipped calendar has removes the
/// correction.
pub fn set_day(
    db: &mut Db,
    actor: &Actor,
    date: NaiveDate,
    kind: DayKind,
    decree: &str,
) -> Result<(), CalendarError> {
    may_edit(actor)?;
    check_year(chrono::Datelike::year(&date))?;
    db.write(actor, |w| {
        if Calendar::base(date).kind == kind {
            store::remove_override(w, date)?;
        } else {
            store::set_override(
                w,
                &Override {
                    date,
                    kind,
                    decree: decree.trim().to_string(),
                },
            )?;
        }
        Ok(())
    })
}

/// Returns a day to the shipped calendar.
pub fn reset_day(db: &mut Db, actor: &Actor, date: NaiveDate) -> Result<(), CalendarError> {
    may_edit(actor)?;
    db.write(actor, |w| Ok(store::remove_override(w, date)?))
}

/// Marks a predicted year as confirmed by `decree` (its days corrected one by one).
pub fn confirm_year(
    db: &mut Db,
    actor: &Actor,
    year: i32,
    decree: &str,
) -> Result<(), CalendarError> {
    may_edit(actor)?;
    check_year(year)?;
    if decree.trim().is_empty() {
        return Err(CalendarError::NoDecree);
    }
    db.write(actor, |w| Ok(store::set_decreed_year(w, year, decree)?))
}

/// Takes the confirmation back: the year is a prediction again.
pub fn unconfirm_year(db: &mut Db, actor: &Actor, year: i32) -> Result<(), CalendarError> {
    may_edit(actor)?;
    db.write(actor, |w| Ok(store::set_decreed_year(w, year, "")?))
}
