//! The correspondence: records with their files, and the events of a client's timeline.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use crate::clients::model::*;
use crate::domain::{Code, Id, new_uuid};
use crate::storage::{self, Result, Tx, date_from_sql, date_to_sql};

/// The bytes of a file attached to a record.
pub fn record_file(conn: &Connection, record_id: Id) -> Result<Vec<u8>> {
    storage::found(
        conn.query_row(
            "SELECT file_data FROM records WHERE id = ?1 AND file_data IS NOT NULL",
            [record_id],
            |r| r.get(0),
        ),
        record_id,
    )
}

/// Adds one record with its file to a client's «Переписка и файлы» (a registered letter's PDF).
pub fn add_record(tx: &Tx, client_id: Id, r: &Record) -> Result<Id> {
    let (author, now) = (tx.author(), tx.now());
    let sort: i64 = tx.query_row(
        "SELECT coalesce(max(sort), -1) + 1 FROM records WHERE client_id = ?1",
        [client_id],
        |row| row.get(0),
    )?;
    let size = r.new_file.as_ref().map_or(0, |b| b.len() as i64);
    tx.execute(
        "INSERT INTO records (uuid, created_at, updated_at, author_id, client_id, date, direction, number, \
         subject, text, file_name, file_size, file_data, sort) \
         VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            new_uuid(),
            now,
            author,
            client_id,
            date_to_sql(r.date),
            r.direction.code(),
            r.number,
            r.subject,
            r.text,
            r.file_name,
            size,
            r.new_file,
            sort
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A correspondence record as the timeline shows it: (date, direction, number, subject or file
/// name). Letters and reports have their own entries and are left out here.
pub fn record_events(
    conn: &Connection,
    client_id: Id,
) -> Result<Vec<(NaiveDate, Direction, String, String)>> {
    let mut st = conn.prepare_cached(
        "SELECT date, direction, number, coalesce(nullif(subject, ''), file_name) FROM records r \
         WHERE client_id = ?1 AND deleted_at IS NULL AND date IS NOT NULL \
           AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.record_id = r.id) \
           AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.record_id = r.id)",
    )?;
    let mut out = Vec::new();
    let mut rows = st.query([client_id])?;
    while let Some(r) = rows.next()? {
        if let Some(date) = date_from_sql(r.get(0)?) {
            out.push((date, storage::code(r, 1)?, r.get(2)?, r.get(3)?));
        }
    }
    Ok(out)
}

/// Project stages as the timeline shows them: (date, stage, project, done).
pub fn stage_events(
    conn: &Connection,
    client_id: Id,
) -> Result<Vec<(NaiveDate, String, String, bool)>> {
    let mut st = conn.prepare_cached(
        "SELECT coalesce(s.actual_date, s.planned_date), s.title, p.title, s.actual_date IS NOT NULL \
         FROM project_stages s JOIN projects p ON p.id = s.project_id \
         WHERE p.client_id = ?1 AND s.deleted_at IS NULL AND p.deleted_at IS NULL",
    )?;
    let mut out = Vec::new();
    let mut rows = st.query([client_id])?;
    while let Some(r) = rows.next()? {
        if let Some(date) = date_from_sql(r.get(0)?) {
            out.push((date, r.get(1)?, r.get(2)?, r.get(3)?));
        }
    }
    Ok(out)
}

/// The files of the live records among `ids`, in the order of `ids`: (record, file name, size).
pub fn record_files(conn: &Connection, ids: &[Id]) -> Result<Vec<(Id, String, i64)>> {
    let mut st = conn.prepare_cached(
        "SELECT id, file_name, file_size FROM records WHERE id = ?1 AND deleted_at IS NULL",
    )?;
    let mut out = Vec::new();
    for id in ids {
        if let Some(row) = st
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?
        {
            out.push(row);
        }
    }
    Ok(out)
}

/// The client's row of `v.year` in «Статус VIP» set to `v` inside another feature's write (the
/// VIP list approved by the order): the live row of the year updated, or a new one added.
pub fn set_vip_year(tx: &Tx, client_id: Id, v: &VipYear) -> Result<()> {
    let existing: Option<Id> = tx
        .query_row(
            "SELECT id FROM vip_years WHERE client_id = ?1 AND year = ?2 AND deleted_at IS NULL \
             ORDER BY id DESC LIMIT 1",
            params![client_id, v.year],
            |r| r.get(0),
        )
        .optional()?;
    let (sql, key) = match existing {
        Some(id) => (
            "UPDATE vip_years SET crit_volume = ?3, volume_kwh = ?4, crit_brand = ?5, \
             crit_stability = ?6, crit_political = ?7, political_note = ?8, included = ?9, \
             order_number = ?10, order_date = ?11, updated_at = ?12, author_id = ?13 \
             WHERE id = ?14 AND client_id = ?1 AND year = ?2",
            id.to_string(),
        ),
        None => (
            "INSERT INTO vip_years (uuid, created_at, updated_at, author_id, client_id, year, \
             crit_volume, volume_kwh, crit_brand, crit_stability, crit_political, \
             political_note, included, order_number, order_date, sort) \
             SELECT ?14, ?12, ?12, ?13, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, \
                    coalesce(max(sort), -1) + 1 \
             FROM vip_years WHERE client_id = ?1",
            new_uuid(),
        ),
    };
    tx.prepare_cached(sql)?.execute(params![
        client_id,
        v.year,
        v.crit_volume,
        v.volume_kwh,
        v.crit_brand,
        v.crit_stability,
        v.crit_political,
        v.political_note,
        v.included,
        v.order_number,
        date_to_sql(v.order_date),
        tx.now(),
        tx.author(),
        key,
    ])?;
    Ok(())
}
