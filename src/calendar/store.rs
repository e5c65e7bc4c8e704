//! The SQL of the production calendar: corrected days and years confirmed by a decree.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use crate::domain::calendar::{DayKind, DecreedYear, Override};
use crate::domain::{Code as _, new_uuid};
use crate::storage::{self, Result, Tx, date_from_sql, date_to_sql};

pub fn overrides(conn: &Connection) -> Result<Vec<Override>> {
    let mut st = conn.prepare_cached(
        "SELECT date, kind, decree FROM calendar_days WHERE deleted_at IS NULL ORDER BY date",
    )?;
    let rows = st.query_map([], |r| {
        Ok((
            date_from_sql(r.get(0)?),
            storage::code::<DayKind>(r, 1)?,
            r.get(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (date, kind, decree) = row?;
        if let Some(date) = date {
            out.push(Override { date, kind, decree });
        }
    }
    Ok(out)
}

pub fn decreed_years(conn: &Connection) -> Result<Vec<DecreedYear>> {
    let mut st = conn.prepare_cached(
        "SELECT year, decree FROM calendar_years WHERE deleted_at IS NULL ORDER BY year",
    )?;
    let rows = st
        .query_map([], |r| {
            Ok(DecreedYear {
                year: r.get(0)?,
                decree: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Writes (or replaces) the correction of a day.
pub fn set_override(w: &Tx, o: &Override) -> Result<()> {
    w.execute(
        "INSERT INTO calendar_days (uuid, created_at, updated_at, author_id, date, kind, decree) \
         VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6) \
         ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, decree = excluded.decree, \
         updated_at = excluded.updated_at, author_id = excluded.author_id, deleted_at = NULL",
        params![
            new_uuid(),
            w.now(),
            w.author(),
            date_to_sql(Some(o.date)),
            o.kind.code(),
            o.decree
        ],
    )?;
    Ok(())
}

/// Removes the correction of a day: the shipped calendar holds again.
pub fn remove_override(w: &Tx, date: NaiveDate) -> Result<()> {
    w.execute(
        "DELETE FROM calendar_days WHERE date = ?1",
        [date_to_sql(Some(date))],
    )?;
    Ok(())
}

/// Marks a year as confirmed by a decree (empty `decree`: back to a prediction).
pub fn set_decreed_year(w: &Tx, year: i32, decree: &str) -> Result<()> {
    if decree.trim().is_empty() {
        w.execute("DELETE FROM calendar_years WHERE year = ?1", [year])?;
    } else {
        w.execute(
            "INSERT INTO calendar_years (uuid, created_at, updated_at, author_id, year, decree) \
             VALUES (?1, ?2, ?2, ?3, ?4, ?5) \
             ON CONFLICT (year) DO UPDATE SET decree = excluded.decree, \
             updated_at = excluded.updated_at, author_id = excluded.author_id, deleted_at = NULL",
            params![new_uuid(), w.now(), w.author(), year, decree.trim()],
        )?;
    }
    Ok(())
}
