//! What the greetings read from the database: the people of every client with their category,
//! birthday, client, manager and the client's professional holiday; the regulation's settings.

use rusqlite::{Connection, OptionalExtension as _, params};

use super::model::*;
use crate::domain::{Code as _, Id, names, new_uuid};
use crate::storage::{self, Result, Tx, date_from_sql, date_to_sql};

/// Every person of a live client, with what the schedule needs.
pub fn greeted_people(conn: &Connection) -> Result<Vec<Greeted>> {
    let mut st = conn.prepare(
        "SELECT p.id, p.surname, p.name, p.patronymic, p.position, p.category, p.birthday, \
                c.id, c.short_name, c.strategic, c.manager_id, \
                coalesce(m.surname, ''), coalesce(m.name, ''), coalesce(m.patronymic, ''), \
                coalesce(i.holiday_rule, ''), coalesce(i.holiday_name, '') \
         FROM people p JOIN clients c ON c.id = p.client_id \
         LEFT JOIN managers m ON m.id = c.manager_id \
         LEFT JOIN industries i ON i.id = c.industry_id AND i.deleted_at IS NULL \
         WHERE p.deleted_at IS NULL AND c.deleted_at IS NULL \
         ORDER BY c.id, p.sort, p.id",
    )?;
    let rows = st
        .query_map([], |r| {
            let surname: String = r.get(1)?;
            let name: String = r.get(2)?;
            let patronymic: String = r.get(3)?;
            let (ms, mn, mp): (String, String, String) = (r.get(11)?, r.get(12)?, r.get(13)?);
            Ok(Greeted {
                person_id: r.get(0)?,
                name: names::full_name(&surname, &name, &patronymic).into(),
                position: r.get::<_, String>(4)?.into(),
                category: r.get::<_, Option<u8>>(5)?,
                birthday: date_from_sql(r.get(6)?),
                client_id: r.get(7)?,
                client: r.get::<_, String>(8)?.into(),
                strategic: r.get(9)?,
                manager_id: r.get(10)?,
                manager: if ms.is_empty() {
                    "".into()
                } else {
                    names::surname_initials(&ms, &mn, &mp).into()
                },
                professional_rule: r.get(14)?,
                professional_name: r.get::<_, String>(15)?.into(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A JSON setting, or `None` when there is none or it does not read (the defaults then).
fn json_setting<T: serde::de::DeserializeOwned>(conn: &Connection, key: &str) -> Result<Option<T>> {
    let saved: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(saved.and_then(|json| serde_json::from_str(&json).ok()))
}

/// The regulation's settings as saved, else the defaults.
pub fn regulation(conn: &Connection) -> Result<Regulation> {
    Ok(json_setting(conn, "greetings")?.unwrap_or_default())
}

/// The limits of every year set by management: year → matrix.
pub fn limits(conn: &Connection) -> Result<std::collections::BTreeMap<i32, Limits>> {
    Ok(json_setting(conn, "gift_limits")?.unwrap_or_default())
}

const GIFT_COLUMNS: &str =
    "id, person_id, occasion, holiday_date, item, amount, handed_on, handed_by, handed_to";

fn gift_from_row(r: &rusqlite::Row) -> rusqlite::Result<Gift> {
    Ok(Gift {
        id: r.get(0)?,
        person_id: r.get(1)?,
        occasion: Some(storage::code(r, 2)?),
        holiday_date: date_from_sql(r.get(3)?),
        item: r.get(4)?,
        amount: r.get(5)?,
        handed_on: date_from_sql(r.get(6)?),
        handed_by: r.get(7)?,
        handed_to: r.get(8)?,
    })
}

/// A person's gifts, newest holiday first.
pub fn gifts_of(conn: &Connection, person_id: Id) -> Result<Vec<Gift>> {
    let mut st = conn.prepare(&format!(
        "SELECT {GIFT_COLUMNS} FROM gifts WHERE person_id = ?1 AND deleted_at IS NULL \
         ORDER BY holiday_date DESC, id DESC"
    ))?;
    let rows = st
        .query_map([person_id], gift_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The gift of this person with this normalised text, if any (through its index).
pub fn same_gift(conn: &Connection, person_id: Id, key: &str) -> Result<Option<Gift>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {GIFT_COLUMNS} FROM gifts \
                 WHERE person_id = ?1 AND item_key = ?2 AND deleted_at IS NULL \
                 ORDER BY holiday_date LIMIT 1"
            ),
            params![person_id, key],
            gift_from_row,
        )
        .optional()?)
}

/// Records a gift; returns its id.
pub fn insert_gift(w: &Tx, g: &Gift) -> Result<Id> {
    w.execute(
        "INSERT INTO gifts (uuid, created_at, updated_at, author_id, person_id, occasion, \
         holiday_date, item, item_key, amount, handed_on, handed_by, handed_to) \
         VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            new_uuid(),
            w.now(),
            w.author(),
            g.person_id,
            g.occasion.map(|o| o.code()),
            date_to_sql(g.holiday_date),
            g.item.trim(),
            gift_key(&g.item),
            g.amount,
            date_to_sql(g.handed_on),
            g.handed_by.trim(),
            g.handed_to.trim(),
        ],
    )?;
    Ok(w.last_insert_rowid())
}
