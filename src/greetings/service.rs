//! The greetings as the screens and the command line ask for them.

use chrono::NaiveDate;

use super::model::*;
use super::{schedule, store};
use crate::storage::{Db, StorageError};

/// The schedule of greetings whose holiday falls within `from..=to`, by the production
/// calendar of the database and the regulation's settings; a year without limits set by
/// management takes the regulation's proportions.
pub fn schedule(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<Vec<Greeting>, StorageError> {
    let conn = db.conn();
    let people = store::greeted_people(conn)?;
    let cal = crate::calendar::service::load(conn)?;
    let reg = store::regulation(conn)?;
    let limits = store::limits(conn)?;
    Ok(schedule::schedule(&people, from, to, &cal, &reg, &|year| {
        limits.get(&year).cloned().unwrap_or_default()
    }))
}

/// The day a birthday gift is handed over for a birthday on `date`.
pub fn delivery_date(db: &Db, date: NaiveDate) -> Result<NaiveDate, StorageError> {
    let cal = crate::calendar::service::load(db.conn())?;
    Ok(schedule::delivery_date(&cal, date))
}

/// The last day to hand the gift order to the administrative sector for a greeting on `date`.
pub fn order_deadline(db: &Db, date: NaiveDate) -> Result<NaiveDate, StorageError> {
    let conn = db.conn();
    let cal = crate::calendar::service::load(conn)?;
    let reg = store::regulation(conn)?;
    Ok(schedule::order_deadline(&cal, date, reg.order_working_days))
}
