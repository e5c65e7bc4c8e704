//! The client list with what its search looks through.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::clients::model::*;
use crate::domain::Id;
use crate::domain::fmt::search_key;
use crate::domain::validate::phone_digits_for_search;
use crate::storage::Result;

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
