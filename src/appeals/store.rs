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

const TIME_FORMAT: &str = "%Y-%m-%d %H:%M";

pub fn time_to_sql(t: NaiveDateTime) -> String {
    t.format(TIME_FORMAT).to_string()
}

fn time_from_sql(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, TIME_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S"))
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
    let (seq, number) = storage::next_number(w, "appeal_counters", "appeals", year, |n| {
        crate::domain::fmt::registration_number(number_format, n, year)
    })?;
    let n = w.execute(
        "UPDATE appeals SET status='registered', number=?2, year=?3, seq=?4, registered_on=?5, due_date=?6, \
         term_days=?7, term_working=?8, row_version = row_version + 1, updated_at=?9, author_id=?10 \
         WHERE id=?1 AND status='received' AND deleted_at IS NULL",
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
            w.author()
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

// ---- the register ----

const ROW_COLUMNS: &str = "a.id, a.number, a.received_at, a.registered_on, a.channel, a.kind, \
     coalesce(t.name, ''), a.client_id, c.short_name, a.subject, a.status, a.due_date, a.manager_id, \
     coalesce(m.surname || ' ' || substr(m.name, 1, 1) || '.' || \
       CASE WHEN m.patronymic <> '' THEN substr(m.patronymic, 1, 1) || '.' ELSE '' END, ''), a.answered_on";

const ROW_FROM: &str = "FROM appeals a JOIN clients c ON c.id = a.client_id \
     LEFT JOIN appeal_topics t ON t.id = a.topic_id LEFT JOIN managers m ON m.id = a.manager_id";

/// The same, reading the appeals through the index of open ones (a handful among hundreds of
/// thousands): what «only open» filters go through, whatever else they filter by.
const ROW_FROM_OPEN: &str = "FROM appeals a INDEXED BY appeals_open JOIN clients c ON c.id = a.client_id \
     LEFT JOIN appeal_topics t ON t.id = a.topic_id LEFT JOIN managers m ON m.id = a.manager_id";

fn row_from(r: &Row) -> rusqlite::Result<AppealRow> {
    let received: String = r.get(2)?;
    Ok(AppealRow {
        id: r.get(0)?,
        number: r.get(1)?,
        received_at: time_from_sql(&received),
        registered_on: date_from_sql(r.get(3)?),
        channel: storage::code(r, 4)?,
        kind: storage::code(r, 5)?,
        topic: r.get(6)?,
        client_id: r.get(7)?,
        client: r.get(8)?,
        subject: r.get(9)?,
        status: storage::code(r, 10)?,
        due_date: date_from_sql(r.get(11)?),
        manager_id: r.get(12)?,
        manager: r.get(13)?,
        answered_on: date_from_sql(r.get(14)?),
    })
}

/// The words of a search as an FTS5 query: each word of two letters or more a prefix, all of
/// them needed. Quotes and operators typed by a user are taken as text.
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .take(16)
        // «ё» is indexed as «е»: «счет» finds «счёт».
        .map(|w| format!("\"{}\"*", crate::domain::fmt::search_key(w)))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The last moment of a day as stored times compare («YYYY-MM-DD 99» is after every «HH:MM»);
/// no date arithmetic, so 31.12.9999 is a day like any other.
fn day_end(d: NaiveDate) -> String {
    format!("{} 99", d.format("%Y-%m-%d"))
}

/// A WHERE clause being built: its conditions and their numbered parameters.
#[derive(Default)]
struct Where {
    conds: Vec<String>,
    values: Vec<Value>,
}

impl Where {
    /// A condition with one `?` parameter.
    fn with(&mut self, sql: &str, v: Value) {
        self.values.push(v);
        self.conds
            .push(sql.replace('?', &format!("?{}", self.values.len())));
    }
}

/// The WHERE clause and parameters of a filter.
fn filter_sql(f: &AppealFilter) -> (String, Vec<Value>) {
    let mut q = Where::default();
    q.conds.push("a.deleted_at IS NULL".into());
    let text = |s: &str| Value::Text(s.to_string());
    let date = |d: NaiveDate| Value::Text(d.format("%Y-%m-%d").to_string());
    if let Some(s) = f.status {
        q.with("a.status = ?", text(s.code()));
    }
    if let Some(k) = f.kind {
        q.with("a.kind = ?", text(k.code()));
    }
    if let Some(t) = f.topic {
        q.with("a.topic_id = ?", Value::Integer(t));
    }
    if let Some(c) = f.channel {
        q.with("a.channel = ?", text(c.code()));
    }
    if let Some(m) = f.manager {
        q.with("a.manager_id = ?", Value::Integer(m));
    }
    if let Some(c) = f.client {
        q.with("a.client_id = ?", Value::Integer(c));
    }
    if let Some(d) = f.from {
        q.with("a.received_at >= ?", date(d));
    }
    if let Some(d) = f.to {
        q.with("a.received_at <= ?", Value::Text(day_end(d)));
    }
    if f.open_only || f.due != DueFilter::Any {
        // As the partial index of open appeals says it.
        q.conds
            .push("a.status NOT IN ('answer_sent', 'closed')".into());
    }
    match f.due {
        DueFilter::Any => {}
        DueFilter::Overdue => q.with("a.due_date < ?", date(f.today.unwrap_or_default())),
        DueFilter::By(d) => q.with("a.due_date <= ?", date(d)),
    }
    if let Some(words) = fts_query(&f.text) {
        q.with(
            "a.id IN (SELECT rowid FROM appeals_fts WHERE appeals_fts MATCH ?)",
            Value::Text(words),
        );
    }
    (q.conds.join(" AND "), q.values)
}

/// How far the register counts its matches; beyond, it says «more than».
pub const COUNT_CAP: usize = 10_000;

/// The register with `f`, newest first (by deadline when filtering by deadline; a word search
/// by the order of entry, newest first), at most `limit` rows, and how many match in all
/// (counted up to [`COUNT_CAP`] + 1).
pub fn list(conn: &Connection, f: &AppealFilter, limit: usize) -> Result<(Vec<AppealRow>, usize)> {
    let (where_, values) = filter_sql(f);
    let order = if f.due != DueFilter::Any {
        "a.due_date, a.id"
    } else if fts_query(&f.text).is_some() {
        // The matches come from the index; the newest entered first stops early.
        "a.id DESC"
    } else {
        "a.received_at DESC, a.id DESC"
    };
    // Open appeals are few: their index beats any other, except a client's or a manager's.
    let open = f.open_only && f.due == DueFilter::Any && f.client.is_none() && f.manager.is_none();
    let from = if open { ROW_FROM_OPEN } else { ROW_FROM };
    let mut st = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} {from} WHERE {where_} ORDER BY {order} LIMIT {limit}"
    ))?;
    let rows = st
        .query_map(params_from_iter(values.iter()), row_from)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let shown = rows.len();
    let total = if shown < limit {
        shown
    } else {
        let table = if open {
            "appeals a INDEXED BY appeals_open"
        } else {
            "appeals a"
        };
        let mut st = conn.prepare_cached(&format!(
            "SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {where_} LIMIT {})",
            COUNT_CAP + 1
        ))?;
        st.query_row(params_from_iter(values.iter()), |r| r.get::<_, i64>(0))? as usize
    };
    Ok((rows, total.max(shown)))
}

/// Appeals received in `[from, to]` of the given kinds, oldest first (the weekly memo).
pub fn received_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    kinds: &[AppealKind],
) -> Result<Vec<AppealRow>> {
    let kinds: Vec<String> = kinds.iter().map(|k| format!("'{}'", k.code())).collect();
    let mut st = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} {ROW_FROM} WHERE a.deleted_at IS NULL AND a.received_at >= ?1 \
         AND a.received_at <= ?2 AND a.kind IN ({}) ORDER BY a.received_at, a.id",
        kinds.join(", ")
    ))?;
    let rows = st
        .query_map(params![date_to_sql(Some(from)), day_end(to)], row_from)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Received appeals not registered yet, oldest first.
pub fn unregistered(conn: &Connection, manager: Option<Id>) -> Result<Vec<AppealRow>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} {ROW_FROM} WHERE a.deleted_at IS NULL AND a.status = 'received' \
         AND (?1 IS NULL OR a.manager_id = ?1) ORDER BY a.received_at, a.id"
    ))?;
    let rows = st
        .query_map([manager], row_from)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The last appeals of a client, newest first.
pub fn of_client(conn: &Connection, client_id: Id, limit: usize) -> Result<Vec<AppealRow>> {
    list(
        conn,
        &AppealFilter {
            client: Some(client_id),
            ..Default::default()
        },
        limit,
    )
    .map(|(rows, _)| rows)
}

/// The register's rows of the given appeals (any client), in the order of `ids`.
pub fn rows_of(conn: &Connection, ids: &[Id]) -> Result<Vec<AppealRow>> {
    let mut out = Vec::new();
    let mut st = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} {ROW_FROM} WHERE a.id = ?1 AND a.deleted_at IS NULL"
    ))?;
    for id in ids {
        out.extend(st.query_row([id], row_from).optional()?);
    }
    Ok(out)
}

/// Open appeals of a client.
pub fn open_of_client(conn: &Connection, client_id: Id) -> Result<Vec<AppealRow>> {
    list(
        conn,
        &AppealFilter {
            client: Some(client_id),
            open_only: true,
            ..Default::default()
        },
        100,
    )
    .map(|(rows, _)| rows)
}

/// Appeals received in a period, for the statistics: (kind, channel, topic, status, received,
/// due, answered).
pub type StatRow = (
    AppealKind,
    Channel,
    String,
    AppealStatus,
    NaiveDateTime,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

pub fn stat_rows(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<StatRow>> {
    let mut st = conn.prepare_cached(
        "SELECT a.kind, a.channel, coalesce(t.name, ''), a.status, a.received_at, a.due_date, a.answered_on \
         FROM appeals a LEFT JOIN appeal_topics t ON t.id = a.topic_id \
         WHERE a.deleted_at IS NULL AND a.received_at >= ?1 AND a.received_at <= ?2",
    )?;
    let rows = st
        .query_map(params![date_to_sql(Some(from)), day_end(to)], |r| {
            let received: String = r.get(4)?;
            Ok((
                storage::code(r, 0)?,
                storage::code(r, 1)?,
                r.get(2)?,
                storage::code(r, 3)?,
                time_from_sql(&received),
                date_from_sql(r.get(5)?),
                date_from_sql(r.get(6)?),
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

// ---- letters, files and calls of an appeal ----

/// Marks a letter as the reply or a notice of an appeal (the appeal keeps the link).
pub fn link_letter(w: &Tx, letter_id: Id, appeal_id: Id, role: LetterRole) -> Result<()> {
    w.execute(
        "INSERT INTO appeal_letters (letter_id, appeal_id, role) VALUES (?1, ?2, ?3) \
         ON CONFLICT (letter_id) DO UPDATE SET appeal_id = excluded.appeal_id, role = excluded.role",
        params![letter_id, appeal_id, role.code()],
    )?;
    Ok(())
}

/// The appeal a letter belongs to, with its role; a role this version does not know is
/// [`StorageError::UnknownCode`], never «no appeal».
pub fn appeal_of_letter(conn: &Connection, letter_id: Id) -> Result<Option<(Id, LetterRole)>> {
    Ok(conn
        .query_row(
            "SELECT appeal_id, role FROM appeal_letters WHERE letter_id = ?1",
            [letter_id],
            |r| Ok((r.get(0)?, storage::code(r, 1)?)),
        )
        .optional()?)
}

/// The letters linked to an appeal with their roles, in the order they were made.
pub fn letters_of(conn: &Connection, appeal_id: Id) -> Result<Vec<(Id, LetterRole)>> {
    storage::rows(
        conn,
        "SELECT letter_id, role FROM appeal_letters WHERE appeal_id = ?1 ORDER BY letter_id",
        appeal_id,
        |r| Ok((r.get(0)?, storage::code(r, 1)?)),
    )
}

/// Marks a correspondence record (a file) as attached to an appeal.
pub fn link_record(w: &Tx, record_id: Id, appeal_id: Id) -> Result<()> {
    w.execute(
        "INSERT OR REPLACE INTO appeal_files (record_id, appeal_id) VALUES (?1, ?2)",
        params![record_id, appeal_id],
    )?;
    Ok(())
}

/// The records attached to an appeal.
pub fn files_of(conn: &Connection, appeal_id: Id) -> Result<Vec<Id>> {
    storage::rows(
        conn,
        "SELECT record_id FROM appeal_files WHERE appeal_id = ?1 ORDER BY record_id",
        appeal_id,
        |r| r.get(0),
    )
}

/// Marks a call report as made about an appeal.
pub fn link_meeting(w: &Tx, meeting_id: Id, appeal_id: Id) -> Result<()> {
    w.execute(
        "INSERT OR REPLACE INTO appeal_calls (meeting_id, appeal_id) VALUES (?1, ?2)",
        params![meeting_id, appeal_id],
    )?;
    Ok(())
}

// ---- topics and settings ----

pub fn topics(conn: &Connection) -> Result<Vec<CatalogItem>> {
    let mut st = conn.prepare_cached(
        "SELECT id, name FROM appeal_topics WHERE deleted_at IS NULL ORDER BY sort, name",
    )?;
    let rows = st
        .query_map([], |r| {
            Ok(CatalogItem {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn add_topic(w: &Tx, name: &str) -> Result<Id> {
    w.execute(
        "INSERT INTO appeal_topics (uuid, created_at, updated_at, author_id, name, sort) \
         VALUES (?1, ?2, ?2, ?3, ?4, (SELECT coalesce(max(sort), 0) + 1 FROM appeal_topics))",
        params![new_uuid(), w.now(), w.author(), name],
    )?;
    Ok(w.last_insert_rowid())
}

pub fn rename_topic(w: &Tx, id: Id, name: &str) -> Result<()> {
    w.execute(
        "UPDATE appeal_topics SET name = ?2, updated_at = ?3, author_id = ?4 WHERE id = ?1",
        params![id, name, w.now(), w.author()],
    )?;
    Ok(())
}

pub fn delete_topic(w: &Tx, id: Id) -> Result<()> {
    storage::soft_delete(w, "appeal_topics", id)
}

#[derive(serde::Serialize, serde::Deserialize)]
struct StoredRule {
    kind: String,
    client: String,
    #[serde(flatten)]
    term: Term,
}

/// The settings as saved: codes for the kinds (a code this version does not know is an
/// error); a field missing takes the default.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(default)]
struct StoredSettings {
    number_format: String,
    rules: Vec<StoredRule>,
    registration_term: Term,
    forwarding_term: Term,
    due_soon_days: u32,
    max_extension_days: u32,
}

impl Default for StoredSettings {
    fn default() -> Self {
        StoredSettings::from(&AppealSettings::default())
    }
}

impl From<&AppealSettings> for StoredSettings {
    fn from(s: &AppealSettings) -> Self {
        StoredSettings {
            number_format: s.number_format.clone(),
            rules: s
                .rules
                .iter()
                .map(|r| StoredRule {
                    kind: r.kind.code().into(),
                    client: r.client_kind.code().into(),
                    term: r.term,
                })
                .collect(),
            registration_term: s.registration_term,
            forwarding_term: s.forwarding_term,
            due_soon_days: s.due_soon_days,
            max_extension_days: s.max_extension_days,
        }
    }
}

impl Setting for StoredSettings {
    const KEY: &'static str = "appeals";
}

/// The settings as saved, else the defaults. A field that does not read is
/// [`StorageError::Setting`]; a saved rule with a code this version does not know is
/// [`StorageError::UnknownCode`] — neither falls back to the defaults.
pub fn settings(conn: &Connection) -> Result<AppealSettings> {
    let s: StoredSettings = settings::get(conn)?;
    let mut out = AppealSettings {
        number_format: s.number_format,
        registration_term: s.registration_term,
        forwarding_term: s.forwarding_term,
        due_soon_days: s.due_soon_days,
        max_extension_days: s.max_extension_days,
        ..AppealSettings::default()
    };
    for r in s.rules {
        let kind = AppealKind::parse_code(&r.kind).map_err(StorageError::UnknownCode)?;
        let client =
            crate::clients::ClientKind::parse_code(&r.client).map_err(StorageError::UnknownCode)?;
        out.set_term(kind, client, r.term);
    }
    Ok(out)
}

pub fn save_settings(w: &Tx, s: &AppealSettings) -> Result<()> {
    settings::put(w, &StoredSettings::from(s))
}

// ---- the caller ----

/// The people whose phone is `number` (normalised `+7…`): (person, client).
pub fn people_by_phone(conn: &Connection, number: &str) -> Result<Vec<(Id, Id)>> {
    let mut st = conn.prepare_cached(
        "SELECT DISTINCT p.id, p.client_id FROM person_phones ph JOIN people p ON p.id = ph.person_id \
         JOIN clients c ON c.id = p.client_id \
         WHERE ph.number = ?1 AND p.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY p.id",
    )?;
    let rows = st
        .query_map([number], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The people whose e-mail is `email` (case-insensitive): (person, client).
pub fn people_by_email(conn: &Connection, email: &str) -> Result<Vec<(Id, Id)>> {
    let mut st = conn.prepare_cached(
        "SELECT p.id, p.client_id FROM people p JOIN clients c ON c.id = p.client_id \
         WHERE lower(trim(p.email)) = lower(trim(?1)) AND p.email <> '' \
         AND p.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY p.id",
    )?;
    let rows = st
        .query_map([email], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// How many appeals a person made by phone.
pub fn phone_appeals_of_person(conn: &Connection, person_id: Id) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM appeals WHERE person_id = ?1 AND channel = 'phone' AND deleted_at IS NULL",
        [person_id],
        |r| r.get(0),
    )?)
}

/// The live appeal with this registration number.
pub fn id_by_number(conn: &Connection, number: &str) -> Result<Option<Id>> {
    Ok(conn
        .query_row(
            "SELECT id FROM appeals WHERE number = ?1 AND number <> '' AND deleted_at IS NULL",
            [number.trim()],
            |r| r.get(0),
        )
        .optional()?)
}

/// The numbers of appeals, in the order of `ids` (the unregistered left out).
pub fn numbers_of(conn: &Connection, ids: &[Id]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for id in ids {
        let n: Option<String> = conn
            .query_row("SELECT number FROM appeals WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        out.extend(n.filter(|n| !n.is_empty()));
    }
    Ok(out)
}
