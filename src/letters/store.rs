//! The SQL of the outgoing register: letters, their per-year counter (numbers never reused),
//! and the templates.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::model::*;
use crate::domain::{Code, Id, new_uuid};
use crate::storage::{self, Result, Tx, date_from_sql, date_to_sql};

const COLUMNS: &str = "id, uuid, client_id, person_id, manager_id, template_code, heading, salutation, \
     addressee, body, closing, attachment, reply_number, reply_date, signature_image, status, number, \
     reg_date, printed_at, courier_at, delivered_at, received_by, version_of, record_id";

fn from_row(r: &Row) -> rusqlite::Result<Letter> {
    Ok(Letter {
        id: Some(r.get(0)?),
        uuid: r.get(1)?,
        client_id: r.get(2)?,
        person_id: r.get(3)?,
        manager_id: r.get(4)?,
        template_code: r.get(5)?,
        heading: r.get(6)?,
        salutation: r.get(7)?,
        addressee: r.get(8)?,
        body: r.get(9)?,
        closing: r.get(10)?,
        attachment: r.get(11)?,
        reply_number: r.get(12)?,
        reply_date: date_from_sql(r.get(13)?),
        signature_image: r.get(14)?,
        status: storage::code(r, 15)?,
        number: r.get(16)?,
        reg_date: date_from_sql(r.get(17)?),
        printed_at: date_from_sql(r.get(18)?),
        courier_at: date_from_sql(r.get(19)?),
        delivered_at: date_from_sql(r.get(20)?),
        received_by: r.get(21)?,
        version_of: r.get(22)?,
        record_id: r.get(23)?,
    })
}

pub fn get_letter(conn: &Connection, id: Id) -> Result<Letter> {
    storage::found(
        conn.query_row(
            &format!("SELECT {COLUMNS} FROM letters WHERE id = ?1 AND deleted_at IS NULL"),
            [id],
            from_row,
        ),
        id,
    )
}

/// The register, newest first.
pub fn list_letters(conn: &Connection, f: &LetterFilter) -> Result<Vec<LetterRow>> {
    let cols: String = COLUMNS
        .split(", ")
        .map(|c| format!("l.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut st = conn.prepare(&format!(
        "SELECT {cols}, c.short_name, coalesce(nullif(c.postal_address, ''), c.legal_address), \
         l.number_from_block FROM letters l JOIN clients c ON c.id = l.client_id \
         WHERE l.deleted_at IS NULL AND c.deleted_at IS NULL \
           AND (?1 IS NULL OR l.status = ?1) AND (?2 IS NULL OR l.client_id = ?2) \
           AND (?3 IS NULL OR l.manager_id = ?3) \
           AND (?4 IS NULL OR coalesce(l.reg_date, substr(l.created_at, 1, 10)) >= ?4) \
           AND (?5 IS NULL OR coalesce(l.reg_date, substr(l.created_at, 1, 10)) <= ?5) \
           AND (?6 IS NULL OR l.courier_at = ?6) \
         ORDER BY coalesce(l.reg_date, substr(l.created_at, 1, 10)) DESC, l.id DESC"
    ))?;
    let rows = st
        .query_map(
            params![
                f.status.map(LetterStatus::code),
                f.client,
                f.manager,
                date_to_sql(f.from),
                date_to_sql(f.to),
                date_to_sql(f.courier_on)
            ],
            |r| {
                Ok(LetterRow {
                    letter: from_row(r)?,
                    client: r.get(24)?,
                    address: r.get(25)?,
                    number_from_block: r.get(26)?,
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn insert(tx: &Tx, l: &Letter) -> Result<Id> {
    tx.execute(
        "INSERT INTO letters (uuid, created_at, updated_at, author_id, client_id, person_id, manager_id, \
         template_code, heading, salutation, addressee, body, closing, attachment, reply_number, reply_date, \
         signature_image, status, version_of) \
         VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 'draft', ?17)",
        params![
            if l.uuid.is_empty() { new_uuid() } else { l.uuid.clone() },
            tx.now(),
            tx.author(),
            l.client_id,
            l.person_id,
            l.manager_id,
            l.template_code,
            l.heading,
            l.salutation,
            l.addressee,
            l.body,
            l.closing,
            l.attachment,
            l.reply_number,
            date_to_sql(l.reply_date),
            l.signature_image,
            l.version_of,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Saves a draft: inserts a new one or updates an existing draft. Returns `None` when the
/// letter is no longer a draft (registered letters are frozen).
pub fn save_draft(tx: &Tx, l: &Letter) -> Result<Option<Id>> {
    let Some(id) = l.id else {
        return insert(tx, l).map(Some);
    };
    let n = tx.execute(
        "UPDATE letters SET person_id=?2, manager_id=?3, template_code=?4, heading=?5, salutation=?6, \
         addressee=?7, body=?8, closing=?9, attachment=?10, reply_number=?11, reply_date=?12, \
         signature_image=?13, updated_at=?14, author_id=?15 \
         WHERE id=?1 AND status='draft' AND deleted_at IS NULL",
        params![
            id,
            l.person_id,
            l.manager_id,
            l.template_code,
            l.heading,
            l.salutation,
            l.addressee,
            l.body,
            l.closing,
            l.attachment,
            l.reply_number,
            date_to_sql(l.reply_date),
            l.signature_image,
            tx.now(),
            tx.author(),
        ],
    )?;
    Ok((n > 0).then_some(id))
}

/// Assigns the next number of the year (never reused: the counter only grows) and marks the
/// draft registered on `date`. Runs inside the caller's write, which also stores the PDF.
/// Returns `None` when the letter is not a draft.
pub fn register(tx: &Tx, id: Id, date: NaiveDate, number_format: &str) -> Result<Option<String>> {
    let year = date.year();
    let storage::Numbered {
        seq,
        number,
        from_block,
    } = storage::next_number(tx, "letter_counters", "letters", year, |n| {
        crate::domain::fmt::registration_number(number_format, n, year)
    })?;
    let n = tx.execute(
        "UPDATE letters SET status='registered', number=?2, year=?3, seq=?4, reg_date=?5, updated_at=?6, author_id=?7, \
         number_from_block=?8 WHERE id=?1 AND status='draft' AND deleted_at IS NULL",
        params![id, number, year, seq, date_to_sql(Some(date)), tx.now(), tx.author(), from_block],
    )?;
    Ok((n > 0).then_some(number))
}

/// Links the stored PDF record to a registered letter.
pub fn set_letter_record(tx: &Tx, id: Id, record_id: Id) -> Result<()> {
    tx.execute(
        "UPDATE letters SET record_id = ?2 WHERE id = ?1",
        params![id, record_id],
    )?;
    Ok(())
}

/// The status of a live letter.
pub fn letter_status(conn: &Connection, id: Id) -> Result<LetterStatus> {
    storage::status_of(conn, "letters", id)
}

/// Writes a letter's new status and the date it was reached (`received_by` for delivery),
/// if it is still in `from`. Returns whether it was.
pub fn set_status(
    tx: &Tx,
    id: Id,
    from: LetterStatus,
    to: LetterStatus,
    date: NaiveDate,
    received_by: &str,
) -> Result<bool> {
    let column = match to {
        LetterStatus::Printed => "printed_at",
        LetterStatus::Courier => "courier_at",
        LetterStatus::Delivered => "delivered_at",
        LetterStatus::Draft | LetterStatus::Registered => return Ok(false),
    };
    let n = tx.execute(
        &format!(
            "UPDATE letters SET status=?2, {column}=?3, received_by=CASE WHEN ?2='delivered' THEN ?4 ELSE received_by END, \
             updated_at=?5, author_id=?6 WHERE id=?1 AND status=?7 AND deleted_at IS NULL"
        ),
        params![id, to.code(), date_to_sql(Some(date)), received_by, tx.now(), tx.author(), from.code()],
    )?;
    Ok(n > 0)
}

/// Moves a letter to the trash. Its number is never given again.
pub fn delete_letter(tx: &Tx, id: Id) -> Result<()> {
    storage::soft_delete(tx, "letters", id)
}

pub fn list_templates(conn: &Connection) -> Result<Vec<Template>> {
    let mut st = conn.prepare(
        "SELECT id, code, title, heading, body FROM templates WHERE deleted_at IS NULL ORDER BY id",
    )?;
    let rows = st
        .query_map([], |r| {
            Ok(Template {
                id: Some(r.get(0)?),
                code: r.get(1)?,
                title: r.get(2)?,
                heading: r.get(3)?,
                body: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn get_template(conn: &Connection, code: &str) -> Result<Option<Template>> {
    Ok(list_templates(conn)?.into_iter().find(|t| t.code == code))
}

pub fn save_template(tx: &Tx, t: &Template) -> Result<Id> {
    match t.id {
        Some(id) => {
            tx.execute(
                "UPDATE templates SET title=?2, heading=?3, body=?4, updated_at=?5, author_id=?6 WHERE id=?1",
                params![id, t.title, t.heading, t.body, tx.now(), tx.author()],
            )?;
            Ok(id)
        }
        None => {
            tx.execute(
                "INSERT INTO templates (uuid, created_at, updated_at, author_id, code, title, heading, body) \
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![new_uuid(), tx.now(), tx.author(), t.code, t.title, t.heading, t.body],
            )?;
            Ok(tx.last_insert_rowid())
        }
    }
}

/// The letters of a client for its timeline.
pub fn client_letters(conn: &Connection, client_id: Id) -> Result<Vec<LetterEvent>> {
    let mut st = conn.prepare_cached(
        "SELECT id, number, coalesce(reg_date, substr(created_at, 1, 10)), heading, status FROM letters \
         WHERE client_id = ?1 AND deleted_at IS NULL",
    )?;
    let mut out = Vec::new();
    let mut rows = st.query([client_id])?;
    while let Some(r) = rows.next()? {
        if let Some(date) = date_from_sql(r.get(2)?) {
            out.push(LetterEvent {
                id: r.get(0)?,
                number: r.get(1)?,
                date,
                heading: r.get(3)?,
                status: storage::code(r, 4)?,
            });
        }
    }
    Ok(out)
}

// ---- mail merges ----

/// A merge begun and not finished: where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenMerge {
    pub id: Id,
    pub total: usize,
    /// The clients that already have their letter.
    pub done: Vec<Id>,
    /// The clients it was started without.
    pub except: Vec<Id>,
    /// The values its template was given (`None`: begun before they were kept).
    pub fields: Option<TemplateFields>,
}

/// Records a merge as begun.
pub fn begin_merge(w: &Tx, job: &MergeJob, total: usize) -> Result<Id> {
    w.execute(
        "INSERT INTO merges (uuid, created_at, updated_at, author_id, template_code, selection, \
         combined, out_dir, total, fields) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            new_uuid(),
            w.now(),
            w.author(),
            job.template_code,
            job.selection_code(),
            job.combined,
            job.out_dir.to_string_lossy(),
            total as i64,
            serde_json::to_string(&job.fields).unwrap_or_default()
        ],
    )?;
    Ok(w.last_insert_rowid())
}

/// The unfinished merge of this template to this selection, if any (the newest).
pub fn open_merge(conn: &Connection, job: &MergeJob) -> Result<Option<OpenMerge>> {
    // The same selection, whichever clients were left out of it.
    let code = job.selection.code();
    let found: Option<(Id, i64, String, String)> = conn
        .query_row(
            "SELECT id, total, selection, fields FROM merges WHERE template_code = ?1 \
             AND (selection = ?2 OR substr(selection, 1, length(?2) + length(?4)) = ?2 || ?4) \
             AND combined = ?3 AND finished_at IS NULL AND deleted_at IS NULL \
             ORDER BY id DESC LIMIT 1",
            params![job.template_code, code, job.combined, super::model::EXCEPT],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((id, total, stored, fields)) = found else {
        return Ok(None);
    };
    let done = storage::rows(
        conn,
        "SELECT client_id FROM letters WHERE merge_id = ?1 AND deleted_at IS NULL",
        id,
        |r| r.get(0),
    )?;
    Ok(Some(OpenMerge {
        id,
        total: usize::try_from(total).unwrap_or(0),
        done,
        except: super::model::excepted(&stored),
        fields: serde_json::from_str(&fields).ok(),
    }))
}

/// The start of the same merge (template, selection, one PDF or many) begun strictly after
/// `since`, if any: another run started at the same time as the one asking.
pub fn same_merge_since(conn: &Connection, job: &MergeJob, since: &str) -> Result<Option<String>> {
    let code = job.selection.code();
    Ok(conn
        .query_row(
            "SELECT created_at FROM merges WHERE template_code = ?1 \
             AND (selection = ?2 OR substr(selection, 1, length(?2) + length(?4)) = ?2 || ?4) \
             AND combined = ?3 AND deleted_at IS NULL AND created_at > ?5 \
             ORDER BY id DESC LIMIT 1",
            params![
                job.template_code,
                code,
                job.combined,
                super::model::EXCEPT,
                since
            ],
            |r| r.get(0),
        )
        .optional()?)
}

/// Letters registered on `day` by finished merges of the same template to the same selection:
/// a merge started again the same day is most likely a mistake.
pub fn sent_by_same_merges(conn: &Connection, job: &MergeJob, day: &str) -> Result<usize> {
    let code = job.selection.code();
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM letters l JOIN merges m ON m.id = l.merge_id \
         WHERE m.template_code = ?1 \
         AND (m.selection = ?2 OR substr(m.selection, 1, length(?2) + length(?3)) = ?2 || ?3) \
         AND m.finished_at IS NOT NULL AND m.deleted_at IS NULL AND l.deleted_at IS NULL \
         AND l.reg_date = ?4",
        params![job.template_code, code, super::model::EXCEPT, day],
        |r| r.get(0),
    )?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Whether merge `merge_id` already wrote to `client_id` (read inside the write that would).
pub fn merge_wrote_to(conn: &Connection, merge_id: Id, client_id: Id) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM letters WHERE merge_id = ?1 AND client_id = ?2 AND deleted_at IS NULL",
            params![merge_id, client_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Whether `uuid` is a registered letter's or a finished merge's: a merge's file of it stays.
pub fn registered_uuid(conn: &Connection, uuid: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM letters WHERE uuid = ?1 AND number <> '' \
             UNION ALL SELECT 1 FROM merges WHERE uuid = ?1 AND finished_at IS NOT NULL",
            [uuid],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// The uuid of a merge.
pub fn merge_uuid(conn: &Connection, id: Id) -> Result<String> {
    Ok(conn.query_row("SELECT uuid FROM merges WHERE id = ?1", [id], |r| r.get(0))?)
}

/// Marks a letter as made by a merge.
pub fn set_letter_merge(w: &Tx, id: Id, merge_id: Id) -> Result<()> {
    w.execute(
        "UPDATE letters SET merge_id = ?2 WHERE id = ?1",
        params![id, merge_id],
    )?;
    Ok(())
}

/// Marks a merge as done: every client of it has its letter or was skipped.
pub fn finish_merge(w: &Tx, id: Id) -> Result<()> {
    w.execute(
        "UPDATE merges SET finished_at = ?2, updated_at = ?2 WHERE id = ?1",
        params![id, w.now()],
    )?;
    Ok(())
}
