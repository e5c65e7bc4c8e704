//! What the greetings read from the database: the people of every client with their category,
//! birthday, client, manager and the client's professional holiday; the regulation's settings.

use rusqlite::{Connection, OptionalExtension as _};

use super::model::*;
use crate::domain::names;
use crate::storage::{Result, date_from_sql};

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
