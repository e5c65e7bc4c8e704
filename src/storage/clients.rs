//! The client list and the look-ups that span clients (INN, phone).

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::{Db, Result, StorageError, now_stamp};
use crate::domain::fmt::search_key;
use crate::domain::model::Id;
use crate::domain::validate::phone_digits_for_search;

/// One row of the client list, with what the search looks through.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClientRow {
    pub id: Id,
    pub short_name: String,
    pub full_name: String,
    pub inn: String,
    pub district_id: Option<Id>,
    pub district: String,
    pub industry: String,
    pub manager_id: Option<Id>,
    pub manager: String,
    pub strategic: bool,
    /// Years in which the client was included in the VIP list, ascending.
    pub vip_years: Vec<i32>,
    pub people_count: u32,
    /// Names, INN and people's surnames, folded by [`search_key`].
    pub haystack: String,
    /// Every phone's digits, «|»-separated.
    pub phone_digits: String,
}

/// Loads every client not in the trash with its search text. Called on navigation, never per
/// frame; the list filters this in memory as the user types.
pub fn list_clients(conn: &Connection) -> Result<Vec<ClientRow>> {
    let mut people: HashMap<Id, (u32, String)> = HashMap::new();
    let mut st = conn.prepare("SELECT client_id, surname FROM people WHERE deleted_at IS NULL")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let e = people.entry(r.get(0)?).or_default();
        e.0 += 1;
        e.1.push(' ');
        e.1.push_str(&search_key(
            r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?,
        ));
    }
    let mut phones: HashMap<Id, String> = HashMap::new();
    let mut st = conn.prepare(
        "SELECT p.client_id, ph.number FROM person_phones ph JOIN people p ON p.id = ph.person_id \
         WHERE p.deleted_at IS NULL",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let e = phones.entry(r.get(0)?).or_default();
        e.push('|');
        e.push_str(&phone_digits_for_search(
            r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?,
        ));
    }
    let mut vip: HashMap<Id, Vec<i32>> = HashMap::new();
    let mut st = conn.prepare(
        "SELECT client_id, year FROM vip_years WHERE deleted_at IS NULL AND included = 1 ORDER BY year",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        vip.entry(r.get(0)?).or_default().push(r.get(1)?);
    }
    let mut st = conn.prepare(
        "SELECT c.id, c.short_name, c.full_name, c.inn, c.district_id, coalesce(d.name, ''), \
         coalesce(i.name, ''), c.manager_id, \
         coalesce(m.surname || ' ' || substr(m.name, 1, 1) || '.' || \
                  CASE WHEN m.patronymic = '' THEN '' ELSE substr(m.patronymic, 1, 1) || '.' END, ''), \
         c.strategic \
         FROM clients c LEFT JOIN districts d ON d.id = c.district_id \
         LEFT JOIN industries i ON i.id = c.industry_id LEFT JOIN managers m ON m.id = c.manager_id \
         WHERE c.deleted_at IS NULL",
    )?;
    let rows = st
        .query_map([], |r| {
            let id: Id = r.get(0)?;
            let short_name: String = r.get(1)?;
            let full_name: String = r.get(2)?;
            let inn: String = r.get(3)?;
            let (people_count, surnames) = people.remove(&id).unwrap_or_default();
            let haystack = format!(
                "{} {} {}{}",
                search_key(&short_name),
                search_key(&full_name),
                inn,
                surnames
            );
            Ok(ClientRow {
                id,
                short_name,
                full_name,
                inn,
                district_id: r.get(4)?,
                district: r.get(5)?,
                industry: r.get(6)?,
                manager_id: r.get(7)?,
                manager: r.get(8)?,
                strategic: r.get(9)?,
                vip_years: vip.remove(&id).unwrap_or_default(),
                people_count,
                haystack,
                phone_digits: phones.remove(&id).unwrap_or_default(),
            })
        })?
        .collect::<rusqlite::Result<Vec<ClientRow>>>()?;
    let mut rows = rows;
    rows.sort_by_cached_key(|r| crate::domain::fmt::name_sort_key(&r.short_name));
    Ok(rows)
}

/// The client (not in the trash) that has this INN, if any: (id, short name).
pub fn find_client_by_inn(conn: &Connection, inn: &str) -> Result<Option<(Id, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, short_name FROM clients WHERE inn = ?1 AND inn <> '' AND deleted_at IS NULL",
            [inn],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The client with this UUID, wherever it is (in the trash too): UUIDs are never reused.
pub fn find_client_by_uuid(conn: &Connection, uuid: &str) -> Result<Option<Id>> {
    Ok(conn
        .query_row("SELECT id FROM clients WHERE uuid = ?1", [uuid], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Who has this phone number: (client id, person id) for an incoming call.
pub fn find_people_by_phone(conn: &Connection, number: &str) -> Result<Vec<(Id, Id)>> {
    let mut st = conn.prepare_cached(
        "SELECT p.client_id, p.id FROM person_phones ph JOIN people p ON p.id = ph.person_id \
         JOIN clients c ON c.id = p.client_id \
         WHERE ph.number = ?1 AND p.deleted_at IS NULL AND c.deleted_at IS NULL",
    )?;
    let rows = st
        .query_map([number], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Moves a client (with its whole dossier) to the trash.
pub fn delete_client(db: &mut Db, id: Id, author: Option<Id>) -> Result<()> {
    db.write(|tx| {
        let n = tx.execute(
            "UPDATE clients SET deleted_at = ?2, author_id = ?3 WHERE id = ?1 AND deleted_at IS NULL",
            params![id, now_stamp(), author],
        )?;
        if n == 0 {
            return Err(StorageError::NotFound(id));
        }
        Ok(())
    })
}

/// Counts of what the database holds, for the status bar and `check`.
pub fn count_clients(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM clients WHERE deleted_at IS NULL",
        [],
        |r| r.get(0),
    )?)
}

/// Integrity check: SQLite's own checks plus the rules of the domain. Returns the problems found,
/// in Russian, without personal data (ids only).
pub fn check_database(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut st = conn.prepare("PRAGMA integrity_check")?;
    for r in st.query_map([], |r| r.get::<_, String>(0))? {
        let r = r?;
        if r != "ok" {
            problems.push(format!("SQLite: {r}"));
        }
    }
    let mut st = conn.prepare("PRAGMA foreign_key_check")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let table: String = r.get(0)?;
        let rowid: Option<i64> = r.get(1)?;
        let parent: String = r.get(2)?;
        problems.push(crate::i18n::check_fk(&table, rowid.unwrap_or(0), &parent));
    }
    let version = super::schema_version(conn)?;
    if version != super::schema::latest_version() {
        problems.push(crate::i18n::check_schema(
            version,
            super::schema::latest_version(),
        ));
    }
    let mut st =
        conn.prepare("SELECT id, inn, kind FROM clients WHERE deleted_at IS NULL AND inn <> ''")?;
    let mut rows = st.query([])?;
    let mut seen: HashMap<String, Id> = HashMap::new();
    while let Some(r) = rows.next()? {
        let id: Id = r.get(0)?;
        let inn: String = r.get(1)?;
        if crate::domain::validate::check_inn(&inn).is_err() {
            problems.push(crate::i18n::check_bad_inn(id));
        }
        if let Some(other) = seen.insert(inn, id) {
            problems.push(crate::i18n::check_dup_inn(other, id));
        }
    }
    Ok(problems)
}
