//! The SQL of the stored lists: versions and their rows.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::super::criteria::Criteria;
use super::super::model::{ListHead, ListRow, ListStatus, RowEdit, VipList};
use crate::domain::{Code as _, Id, new_uuid};
use crate::storage::{Result, Tx, code, date_from_sql, date_to_sql};

const LIST_COLUMNS: &str = "id, year, version, status, window_from, window_to, order_number, \
     order_date, corrects_id, managers_order_number, managers_order_date";

fn list_of(r: &Row) -> rusqlite::Result<VipList> {
    Ok(VipList {
        id: r.get(0)?,
        year: r.get(1)?,
        version: r.get(2)?,
        status: code(r, 3)?,
        window_from: date_from_sql(r.get(4)?),
        window_to: date_from_sql(r.get(5)?),
        order_number: r.get(6)?,
        order_date: date_from_sql(r.get(7)?),
        corrects: r.get(8)?,
        managers_order_number: r.get(9)?,
        managers_order_date: date_from_sql(r.get(10)?),
        rows: Vec::new(),
    })
}

const ROW_COLUMNS: &str = "id, client_id, manager_id, client_name, inn, district, kwh, rank, \
     district_size, years, crit_volume, crit_stability, crit_brand, crit_political, \
     political_note, vip_before, proposal, decision, reason";

/// A row read from column `o` on.
fn row_at(r: &Row, o: usize) -> rusqlite::Result<ListRow> {
    Ok(ListRow {
        id: r.get(o)?,
        client_id: r.get(o + 1)?,
        manager_id: r.get(o + 2)?,
        client_name: r.get(o + 3)?,
        inn: r.get(o + 4)?,
        district: r.get(o + 5)?,
        criteria: Criteria {
            kwh: r.get(o + 6)?,
            rank: r.get(o + 7)?,
            district_size: r.get(o + 8)?,
            years: r.get(o + 9)?,
            volume: r.get(o + 10)?,
            stability: r.get(o + 11)?,
            brand: r.get(o + 12)?,
            political: r.get(o + 13)?,
        },
        political_note: r.get(o + 14)?,
        vip_before: r.get(o + 15)?,
        proposal: code(r, o + 16)?,
        decision: code(r, o + 17)?,
        reason: r.get(o + 18)?,
    })
}

/// The versions of the lists of `year` (every year: `None`), oldest first.
pub fn heads(conn: &Connection, year: Option<i32>) -> Result<Vec<ListHead>> {
    let mut st = conn.prepare_cached(
        "SELECT l.id, l.year, l.version, l.status, l.order_number, l.order_date,
                count(r.id), count(r.id) FILTER (WHERE r.decision <> 'exclude')
         FROM vip_lists l
         LEFT JOIN vip_list_rows r ON r.list_id = l.id AND r.deleted_at IS NULL
         WHERE l.deleted_at IS NULL AND (?1 IS NULL OR l.year = ?1)
         GROUP BY l.id ORDER BY l.year, l.version",
    )?;
    let rows = st.query_map([year], |r| {
        Ok(ListHead {
            id: r.get(0)?,
            year: r.get(1)?,
            version: r.get(2)?,
            status: code(r, 3)?,
            order_number: r.get(4)?,
            order_date: date_from_sql(r.get(5)?),
            rows: r.get::<_, i64>(6)?.try_into().unwrap_or(0),
            included: r.get::<_, i64>(7)?.try_into().unwrap_or(0),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The list `id` with its rows (of the manager `only`'s clients when given), by consumption.
pub fn load(conn: &Connection, id: Id, only: Option<Id>) -> Result<Option<VipList>> {
    let list = conn
        .query_row(
            &format!("SELECT {LIST_COLUMNS} FROM vip_lists WHERE id = ?1 AND deleted_at IS NULL"),
            [id],
            list_of,
        )
        .optional()?;
    let Some(mut list) = list else {
        return Ok(None);
    };
    let mut st = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} FROM vip_list_rows
         WHERE list_id = ?1 AND deleted_at IS NULL AND (?2 IS NULL OR manager_id = ?2)
         ORDER BY kwh IS NULL, kwh DESC, client_name, id"
    ))?;
    list.rows = st
        .query_map(params![id, only], |r| row_at(r, 0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(list))
}

/// The list a row is of, and the row.
pub fn row(conn: &Connection, row_id: Id) -> Result<Option<(Id, ListRow)>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT list_id, {ROW_COLUMNS} FROM vip_list_rows \
                 WHERE id = ?1 AND deleted_at IS NULL"
            ),
            [row_id],
            |r| Ok((r.get(0)?, row_at(r, 1)?)),
        )
        .optional()?)
}

/// A new version of the list of `year`.
pub fn insert_list(
    w: &Tx,
    year: i32,
    version: i32,
    window: (NaiveDate, NaiveDate),
    corrects: Option<Id>,
) -> Result<Id> {
    w.execute(
        "INSERT INTO vip_lists (uuid, created_at, updated_at, author_id, year, version, status, \
         window_from, window_to, corrects_id) VALUES (?1, ?2, ?2, ?3, ?4, ?5, 'draft', ?6, ?7, ?8)",
        params![
            new_uuid(),
            w.now(),
            w.author(),
            year,
            version,
            date_to_sql(Some(window.0)),
            date_to_sql(Some(window.1)),
            corrects
        ],
    )?;
    Ok(w.last_insert_rowid())
}

/// A row of the list `list_id`.
pub fn insert_row(w: &Tx, list_id: Id, r: &ListRow) -> Result<Id> {
    let k = &r.criteria;
    w.prepare_cached(
        "INSERT INTO vip_list_rows (uuid, created_at, updated_at, author_id, list_id, client_id, \
         manager_id, client_name, inn, district, kwh, rank, district_size, years, crit_volume, \
         crit_stability, crit_brand, crit_political, political_note, vip_before, proposal, \
         decision, reason) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, \
         ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
    )?
    .execute(params![
        new_uuid(),
        w.now(),
        w.author(),
        list_id,
        r.client_id,
        r.manager_id,
        r.client_name,
        r.inn,
        r.district,
        k.kwh,
        k.rank,
        k.district_size,
        k.years,
        k.volume,
        k.stability,
        k.brand,
        k.political,
        r.political_note,
        r.vip_before,
        r.proposal.code(),
        r.decision.code(),
        r.reason,
    ])?;
    Ok(w.last_insert_rowid())
}

/// The head's decision on a row.
pub fn update_row(w: &Tx, row_id: Id, e: &RowEdit) -> Result<()> {
    w.execute(
        "UPDATE vip_list_rows SET decision = ?2, reason = ?3, crit_brand = ?4, \
         crit_political = ?5, political_note = ?6, updated_at = ?7, author_id = ?8 WHERE id = ?1",
        params![
            row_id,
            e.decision.code(),
            e.reason,
            e.brand,
            e.political,
            e.political_note,
            w.now(),
            w.author()
        ],
    )?;
    Ok(())
}

/// The list approved by the order.
pub fn approve(w: &Tx, id: Id, number: &str, date: NaiveDate) -> Result<()> {
    w.execute(
        "UPDATE vip_lists SET status = ?2, order_number = ?3, order_date = ?4, updated_at = ?5, \
         author_id = ?6 WHERE id = ?1",
        params![
            id,
            ListStatus::Approved.code(),
            number,
            date_to_sql(Some(date)),
            w.now(),
            w.author()
        ],
    )?;
    Ok(())
}

/// The order appointing the managers of the list's year.
pub fn set_managers_order(w: &Tx, id: Id, number: &str, date: NaiveDate) -> Result<()> {
    w.execute(
        "UPDATE vip_lists SET managers_order_number = ?2, managers_order_date = ?3, \
         updated_at = ?4, author_id = ?5 WHERE id = ?1",
        params![id, number, date_to_sql(Some(date)), w.now(), w.author()],
    )?;
    Ok(())
}

/// A draft removed with its rows (into nothing a user restores: a draft is proposed anew).
pub fn delete(w: &Tx, id: Id) -> Result<()> {
    for table in ["vip_list_rows", "vip_lists"] {
        let key = if table == "vip_lists" {
            "id"
        } else {
            "list_id"
        };
        w.execute(
            &format!(
                "UPDATE {table} SET deleted_at = ?2, updated_at = ?2, author_id = ?3 \
                 WHERE {key} = ?1 AND deleted_at IS NULL"
            ),
            params![id, w.now(), w.author()],
        )?;
    }
    Ok(())
}

/// Whether the list `id` has a row of the client.
pub fn has_client(conn: &Connection, id: Id, client_id: Id) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM vip_list_rows WHERE list_id = ?1 AND client_id = ?2 \
         AND deleted_at IS NULL)",
        params![id, client_id],
        |r| r.get(0),
    )?)
}
