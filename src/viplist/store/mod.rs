//! The VIP list's SQL: the facts of every client for the criteria, and the thresholds.

use rusqlite::Connection;

pub mod lists;
pub mod surveys;

use super::criteria::{Facts, Thresholds};
use crate::domain::Id;
use crate::storage::Result;
use crate::storage::settings::{self, Setting};

/// The seeded indicator «Потребление» (kWh), known by its uuid whatever its name becomes.
const CONSUMPTION_UUID: &str = "5eed0004-0000-4000-8000-000000000001";

impl Setting for Thresholds {
    const KEY: &'static str = "vip_list";
    fn out_of_range(&self) -> Option<String> {
        Thresholds::out_of_range(self).map(str::to_string)
    }
}

/// The thresholds of the criteria.
pub fn thresholds(conn: &Connection) -> Result<Thresholds> {
    settings::get(conn)
}

/// The facts of every client in the register (not the recycle bin) for the list of `year`:
/// consumption over the months `from`..=`to` (`YYYY-MM`), the office, the first year of
/// cooperation (the contract's year where it is not typed), the client's row of `year - 1`
/// (this year's list) and the judgements of its last year before `year`. One pass: sums by
/// the indicator's index, the years' rows by their client.
pub fn facts(conn: &Connection, year: i32, from: &str, to: &str) -> Result<Vec<Facts>> {
    let mut st = conn.prepare_cached(
        "WITH volume AS (
             SELECT v.client_id, SUM(v.value) AS kwh FROM indicator_values v
             JOIN indicator_kinds k ON k.id = v.kind_id AND k.uuid = ?1
             WHERE v.month BETWEEN ?2 AND ?3 AND v.deleted_at IS NULL
             GROUP BY v.client_id),
         judged AS (
             SELECT client_id, year, included, crit_brand, crit_political, political_note,
                    ROW_NUMBER() OVER (PARTITION BY client_id ORDER BY year DESC, id DESC) AS n
             FROM vip_years WHERE year < ?4 AND deleted_at IS NULL)
         SELECT c.id, c.short_name, c.inn, COALESCE(d.name, ''), c.manager_id,
                c.district_id, volume.kwh,
                COALESCE(c.since_year, CAST(substr(c.contract_date, 1, 4) AS INTEGER)),
                judged.crit_brand, judged.crit_political, judged.political_note,
                CASE WHEN judged.year = ?4 - 1 THEN judged.included END
         FROM clients c
         LEFT JOIN districts d ON d.id = c.district_id
         LEFT JOIN volume ON volume.client_id = c.id
         LEFT JOIN judged ON judged.client_id = c.id AND judged.n = 1
         WHERE c.deleted_at IS NULL
         ORDER BY c.id",
    )?;
    let rows = st.query_map(rusqlite::params![CONSUMPTION_UUID, from, to, year], |r| {
        Ok(Facts {
            client_id: r.get(0)?,
            name: r.get(1)?,
            inn: r.get(2)?,
            district: r.get(3)?,
            manager_id: r.get(4)?,
            district_id: r.get(5)?,
            kwh: r.get(6)?,
            since_year: r.get(7)?,
            brand: r.get::<_, Option<bool>>(8)?.unwrap_or(false),
            political: r.get::<_, Option<bool>>(9)?.unwrap_or(false),
            political_note: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
            vip_now: r.get(11)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether each client's live row of `year` in «Статус VIP» includes it.
pub fn included_in(conn: &Connection, year: i32) -> Result<std::collections::HashMap<Id, bool>> {
    let mut st = conn.prepare_cached(
        "SELECT client_id, max(included) FROM vip_years WHERE year = ?1 AND deleted_at IS NULL \
         GROUP BY client_id",
    )?;
    let rows = st.query_map([year], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Each client's first person (the first of its dossier), for the demo's surveys.
pub fn first_people(conn: &Connection) -> Result<std::collections::HashMap<Id, Id>> {
    let mut st = conn.prepare_cached(
        "SELECT client_id, min(id) FROM people WHERE deleted_at IS NULL GROUP BY client_id",
    )?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many months of `from`..=`to` (`YYYY-MM`) have any consumption recorded.
pub fn months_recorded(conn: &Connection, from: &str, to: &str) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(DISTINCT v.month) FROM indicator_values v
         JOIN indicator_kinds k ON k.id = v.kind_id AND k.uuid = ?1
         WHERE v.month BETWEEN ?2 AND ?3 AND v.deleted_at IS NULL",
        rusqlite::params![CONSUMPTION_UUID, from, to],
        |r| r.get(0),
    )?)
}
