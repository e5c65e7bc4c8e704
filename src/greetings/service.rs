//! The greetings as the screens and the command line ask for them.

use chrono::NaiveDate;

use super::model::*;
use super::{schedule, store};
use crate::domain::{Actor, FieldError, Id};
use crate::storage::{Db, StorageError};

/// Why a gift was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum GiftError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The person already has (or is to have) this gift: the holiday date of that one.
    #[error("the same gift was given on {date:?}")]
    Repeated {
        date: Option<NaiveDate>,
        handed: bool,
    },
    /// Over the limit of the person's category for the holiday.
    #[error("over the limit {limit}")]
    OverLimit { limit: f64 },
    #[error("{0}")]
    Field(FieldError),
}

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

/// A person's gifts, newest first.
pub fn gifts_of(db: &Db, person_id: Id) -> Result<Vec<Gift>, StorageError> {
    store::gifts_of(db.conn(), person_id)
}

/// Records a gift for a person: refused when the person has had (or is to have) the same gift
/// — compared without case, «ё», quotes and extra spaces — or when it costs more than the
/// limit of the person's category for that holiday. The check and the write are one
/// transaction: two managers recording the same gift at once cannot both succeed.
pub fn add_gift(
    db: &mut Db,
    actor: &Actor,
    gift: &Gift,
    category: Option<u8>,
) -> Result<Id, GiftError> {
    if gift.item.trim().is_empty() {
        return Err(GiftError::Field(FieldError::Required));
    }
    let limits = store::limits(db.conn())?;
    db.write(actor, |w| {
        if let Some(same) = store::same_gift(w, gift.person_id, &gift_key(&gift.item))? {
            return Err(GiftError::Repeated {
                date: same.handed_on.or(same.holiday_date),
                handed: same.handed_on.is_some(),
            });
        }
        if let (Some(amount), Some(category), Some(occasion), Some(date)) =
            (gift.amount, category, gift.occasion, gift.holiday_date)
        {
            let year = chrono::Datelike::year(&date);
            let limit = limits
                .get(&year)
                .cloned()
                .unwrap_or_default()
                .get(category, occasion.limit_kind());
            if let Some(limit) = limit.filter(|l| amount > *l) {
                return Err(GiftError::OverLimit { limit });
            }
        }
        Ok(store::insert_gift(w, gift)?)
    })
}
