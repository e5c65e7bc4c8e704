//! The SQL of appeals: the register with its per-year counter, the flow's columns, related
//! appeals, the letters, files and calls linked to an appeal, the topics catalogue, the settings
//! and the full-text search.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension as _, Row, params, params_from_iter};

use super::model::*;
use crate::domain::CatalogItem;
use crate::domain::calendar::Term;
use crate::domain::{Code as _, Id, new_uuid};
use crate::storage::settings::{self, Setting};
use crate::storage::{self, Result, StorageError, Tx, date_from_sql, date_to_sql};

mod caller;
mod catalog;
mod links;
mod register;

pub use caller::*;
pub use catalog::*;
pub use links::*;
pub use register::*;

const TIME_FORMAT: &str = "%Y-%m-%d %H:%M";

pub fn time_to_sql(t: NaiveDateTime) -> String {
    t.format(TIME_FORMAT).to_string()
}

/// A stored moment: as the program writes it, with seconds, or with a «T» between the date and
/// the time (as other programs write it).
fn time_from_sql(s: &str) -> NaiveDateTime {
    [
        TIME_FORMAT,
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .unwrap_or_default()
}

const COLUMNS: &str = "id, uuid, number, received_at, registered_on, channel, kind, topic_id, client_id, \
     person_id, sender, sender_contact, subject, body, reply_channel, manager_id, status, due_date, \
     term_days, term_working, extended_days, extension_reason, extended_on, forwarded_dept, \
     forwarded_person, forwarded_on, forward_answer, forward_answered_on, answer, answer_via, \
     channel_reason, answered_on, closed_on, close_note, message_id";

fn from_row(r: &Row) -> rusqlite::Result<Appeal> {
    let received: String = r.get(3)?;
    let term_days: Option<u32> = r.get(18)?;
    let working: bool = r.get(19)?;
    Ok(Appeal {
        id: Some(r.get(0)?),
        uuid: r.get(1)?,
        number: r.get(2)?,
        received_at: time_from_sql(&received),
        registered_on: date_from_sql(r.get(4)?),
        channel: storage::code(r, 5)?,
        kind: storage::code(r, 6)?,
        topic_id: r.get(7)?,
        client_id: r.get(8)?,
        person_id: r.get(9)?,
        sender: r.get(10)?,
        sender_contact: r.get(11)?,
        subject: r.get(12)?,
        body: r.get(13)?,
        reply_channel: storage::code(r, 14)?,
        manager_id: r.get(15)?,
        status: storage::code(r, 16)?,
        due_date: date_from_sql(r.get(17)?),
        term: term_days.map(|days| Term { days, working }),
        extended_days: r.get(20)?,
        extension_reason: r.get(21)?,
        extended_on: date_from_sql(r.get(22)?),
        forwarded_dept: r.get(23)?,
        forwarded_person: r.get(24)?,
        forwarded_on: date_from_sql(r.get(25)?),
        forward_answer: r.get(26)?,
        forward_answered_on: date_from_sql(r.get(27)?),
        answer: r.get(28)?,
        answer_via: storage::opt_code(r, 29)?,
        channel_reason: r.get(30)?,
        answered_on: date_from_sql(r.get(31)?),
        closed_on: date_from_sql(r.get(32)?),
        close_note: r.get(33)?,
        message_id: r.get(34)?,
        related: Vec::new(),
    })
}

pub fn get(conn: &Connection, id: Id) -> Result<Appeal> {
    let mut a = storage::found(
        conn.query_row(
            &format!("SELECT {COLUMNS} FROM appeals WHERE id = ?1 AND deleted_at IS NULL"),
            [id],
            from_row,
        ),
        id,
    )?;
    a.related = storage::rows(
        conn,
        "SELECT related_id FROM appeal_links l JOIN appeals a ON a.id = l.related_id \
         WHERE l.appeal_id = ?1 AND a.deleted_at IS NULL ORDER BY related_id",
        id,
        |r| r.get(0),
    )?;
    Ok(a)
}

/// The appeal taken in from the e-mail with this Message-ID, if any.
pub fn by_message_id(conn: &Connection, message_id: &str) -> Result<Option<(Id, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, number FROM appeals WHERE message_id = ?1 AND message_id <> '' AND deleted_at IS NULL",
            [message_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Inserts a new appeal (status and number as given); returns its id.
pub fn insert(w: &Tx, a: &Appeal) -> Result<Id> {
    w.execute(
        "INSERT INTO appeals (uuid, created_at, updated_at, author_id, number, received_at, channel, kind, \
         topic_id, client_id, person_id, sender, sender_contact, subject, body, reply_channel, manager_id, \
         status, message_id) \
         VALUES (?1, ?2, ?2, ?3, '', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 'received', ?16)",
        params![
            if a.uuid.is_empty() { new_uuid() } else { a.uuid.clone() },
            w.now(),
            w.author(),
            time_to_sql(a.received_at),
            a.channel.code(),
            a.kind.code(),
            a.topic_id,
            a.client_id,
            a.person_id,
            a.sender,
            a.sender_contact,
            a.subject,
            a.body,
            a.reply_channel.code(),
            a.manager_id,
            a.message_id,
        ],
    )?;
    let id = w.last_insert_rowid();
    set_related(w, id, &a.related)?;
    Ok(id)
}

/// Updates what the form edits (the flow's columns are written by the flow).
pub fn update(w: &Tx, a: &Appeal) -> Result<()> {
    let id = a.id.ok_or(StorageError::NotFound(0))?;
    let n = w.execute(
        "UPDATE appeals SET received_at=?2, channel=?3, kind=?4, topic_id=?5, client_id=?6, person_id=?7, \
         sender=?8, sender_contact=?9, subject=?10, body=?11, reply_channel=?12, manager_id=?13, \
         forward_answer=?14, answer=?15, row_version = row_version + 1, updated_at=?16, author_id=?17 \
         WHERE id=?1 AND deleted_at IS NULL",
        params![
            id,
            time_to_sql(a.received_at),
            a.channel.code(),
            a.kind.code(),
            a.topic_id,
            a.client_id,
            a.person_id,
            a.sender,
            a.sender_contact,
            a.subject,
            a.body,
            a.reply_channel.code(),
            a.manager_id,
            a.forward_answer,
            a.answer,
            w.now(),
            w.author(),
        ],
    )?;
    if n == 0 {
        return Err(StorageError::NotFound(id));
    }
    set_related(w, id, &a.related)
}

/// Related appeals are kept both ways: linking A to B links B to A.
fn set_related(w: &Tx, id: Id, related: &[Id]) -> Result<()> {
    w.execute(
        "DELETE FROM appeal_links WHERE appeal_id = ?1 OR related_id = ?1",
        [id],
    )?;
    for &r in related.iter().filter(|&&r| r != id) {
        w.execute(
            "INSERT OR IGNORE INTO appeal_links (appeal_id, related_id) VALUES (?1, ?2), (?2, ?1)",
            params![id, r],
        )?;
    }
    Ok(())
}

/// Registers a received appeal on `date`: the next number of the year (the counter only grows:
/// a number is never given twice, even after a deletion), its term and deadline. `false` when
/// it is no longer `received`.
pub fn register(
    w: &Tx,
    id: Id,
    date: NaiveDate,
    number_format: &str,
    term: Term,
    due: NaiveDate,
) -> Result<Option<String>> {
    use chrono::Datelike as _;
    let year = date.year();
    let storage::Numbered {
        seq,
        number,
        from_block,
    } = storage::next_number(w, "appeal_counters", "appeals", year, |n| {
        crate::domain::fmt::registration_number(number_format, n, year)
    })?;
    let n = w.execute(
        "UPDATE appeals SET status='registered', number=?2, year=?3, seq=?4, registered_on=?5, due_date=?6, \
         term_days=?7, term_working=?8, row_version = row_version + 1, updated_at=?9, author_id=?10, \
         number_from_block=?11 WHERE id=?1 AND status='received' AND deleted_at IS NULL",
        params![
            id,
            number,
            year,
            seq,
            date_to_sql(Some(date)),
            date_to_sql(Some(due)),
            term.days,
            term.working,
            w.now(),
            w.author(),
            from_block
        ],
    )?;
    Ok((n > 0).then_some(number))
}

pub fn status(conn: &Connection, id: Id) -> Result<AppealStatus> {
    storage::status_of(conn, "appeals", id)
}

/// A change of the flow: the new status and the columns the step fills.
#[derive(Debug, Default)]
pub struct Step<'a> {
    pub forwarded: Option<(&'a str, &'a str, NaiveDate)>,
    pub forward_answer: Option<(&'a str, NaiveDate)>,
    pub answer: Option<&'a str>,
    pub sent: Option<(Channel, &'a str, NaiveDate)>,
    pub closed: Option<(NaiveDate, &'a str)>,
    pub extended: Option<(u32, &'a str, NaiveDate, NaiveDate)>,
}

/// Moves an appeal from `from` to `to` with what the step fills; `false` when it was no longer
/// in `from` (another instance moved it).
pub fn set_status(
    w: &Tx,
    id: Id,
    from: AppealStatus,
    to: AppealStatus,
    step: &Step,
) -> Result<bool> {
    let mut sets = vec!["status = ?3".to_string()];
    let mut values: Vec<Value> = vec![
        Value::Integer(id),
        Value::Text(from.code().into()),
        Value::Text(to.code().into()),
    ];
    let mut set = |col: &str, v: Value| {
        values.push(v);
        sets.push(format!("{col} = ?{}", values.len()));
    };
    let text = |s: &str| Value::Text(s.to_string());
    let date = |d: NaiveDate| Value::Text(d.format("%Y-%m-%d").to_string());
    if let Some((dept, person, on)) = step.forwarded {
        set("forwarded_dept", text(dept));
        set("forwarded_person", text(person));
        set("forwarded_on", date(on));
    }
    if let Some((answer, on)) = step.forward_answer {
        set("forward_answer", text(answer));
        set("forward_answered_on", date(on));
    }
    if let Some(answer) = step.answer {
        set("answer", text(answer));
    }
    if let Some((via, reason, on)) = step.sent {
        set("answer_via", text(via.code()));
        set("channel_reason", text(reason));
        set("answered_on", date(on));
    }
    if let Some((on, note)) = step.closed {
        set("closed_on", date(on));
        set("close_note", text(note));
    }
    if let Some((days, reason, on, due)) = step.extended {
        set("extended_days", Value::Integer(i64::from(days)));
        set("extension_reason", text(reason));
        set("extended_on", date(on));
        set("due_date", date(due));
    }
    set("updated_at", text(w.now()));
    set("author_id", w.author().map_or(Value::Null, Value::Integer));
    let n = w.execute(
        &format!(
            "UPDATE appeals SET {}, row_version = row_version + 1 \
             WHERE id = ?1 AND status = ?2 AND deleted_at IS NULL",
            sets.join(", ")
        ),
        params_from_iter(values),
    )?;
    Ok(n > 0)
}

/// Why the answer goes on another channel than the client chose.
pub fn set_channel_reason(w: &Tx, id: Id, reason: &str) -> Result<()> {
    w.execute(
        "UPDATE appeals SET channel_reason = ?2, updated_at = ?3, author_id = ?4 WHERE id = ?1",
        params![id, reason, w.now(), w.author()],
    )?;
    Ok(())
}

pub fn delete(w: &Tx, id: Id) -> Result<()> {
    storage::soft_delete(w, "appeals", id)
}
