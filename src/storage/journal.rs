//! The journal of changes («Журнал изменений»): every create, update, delete and restore of a
//! record, with who, when, which record and which fields (old → new), written in the same
//! transaction as the change by the one write path.
//!
//! Temporary triggers (per connection, made from the tables' current columns) note each row
//! change in `temp.pending`; [`flush`], called by `Db::write` before it commits, turns the notes
//! into journal rows stamped with the actor and the clock. Each row carries the SHA-256 of its
//! content and of the previous row, and `journal_head` keeps the count and the last hash, so
//! `vipdesk check` finds a row edited, removed or added behind the program's back, or the end of
//! the journal cut off.

use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Map, Value};
use sha2::{Digest as _, Sha256};

use super::{Result, Tx};
use crate::domain::{Code as _, Id};

/// Tables whose changes are not watched: the journal itself.
const NOT_JOURNALLED: &[&str] = &["journal", "journal_head"];

/// The prefix of the sync's own bookkeeping (`storage::replica`): not journalled either.
const SYNC_PREFIX: &str = "sync_";

/// Tables whose changes are watched (the digest of the rows moves with them, so `check` finds
/// one edited behind the program's back) but not written into the journal: the counters of
/// numbers and the merge runs, bookkeeping no user reads as a change.
const WATCHED_ONLY: &[&str] = &["letter_counters", "appeal_counters", "merges"];

/// The full-text index and its shadow tables: derived from the appeals, never journalled.
const FULL_TEXT_PREFIX: &str = "appeals_fts";

/// Columns never copied into the journal: a password's hash (the day it was set is).
const SECRET: &[&str] = &["password_hash"];

/// The most characters a text field takes: far beyond what a user types (a company's full
/// name is some 300), so that only a file or a paste gone wrong meets it.
pub const MAX_SHORT_TEXT: usize = 2_000;
/// The most characters a text of many lines takes (an appeal's body, an answer, a report's
/// agreements, a setting): a letter of some 300 pages.
pub const MAX_LONG_TEXT: usize = 1_000_000;

/// The fields that hold texts of many lines.
const LONG_TEXT: &[&str] = &[
    "addressee",
    "agreements",
    "answer",
    "attachment",
    "body",
    "channel_reason",
    "close_note",
    "closing",
    "company_people",
    "extension_reason",
    "forward_answer",
    "goal",
    "note",
    "notes",
    "political_note",
    "problems",
    "result",
    "supervisor_comment",
    "text",
    "topics",
    "value",
];

/// Refuses a row whose text is longer than its field takes ([`MAX_SHORT_TEXT`],
/// [`MAX_LONG_TEXT`]).
fn check_lengths(table: &str, row: &Map<String, Value>) -> Result<()> {
    for (field, v) in row {
        let Some(text) = v.as_str() else { continue };
        let max = if LONG_TEXT.contains(&field.as_str()) {
            MAX_LONG_TEXT
        } else {
            MAX_SHORT_TEXT
        };
        // Bytes first: most texts are far below either bound.
        if text.len() > max && text.chars().count() > max {
            return Err(super::StorageError::TooLong {
                table: table.to_string(),
                field: field.clone(),
                max,
            });
        }
    }
    Ok(())
}

/// Columns that say nothing about what changed.
const BOOKKEEPING: &[&str] = &[
    "id",
    "uuid",
    "created_at",
    "updated_at",
    "author_id",
    "row_version",
    "sort",
];

/// Makes the temporary triggers and tables on a connection (after migrations).
pub fn install(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS pending (
             id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, rid INTEGER, op TEXT NOT NULL,
             old TEXT, new TEXT);
         CREATE TEMP TABLE IF NOT EXISTS journal_quiet (n INTEGER);
         CREATE TEMP TABLE IF NOT EXISTS sync_origin (workstation TEXT NOT NULL, author_id INTEGER);",
    )?;
    for table in journalled(conn)? {
        let json = |side: &str| row_json(conn, &table, side);
        let quiet = "WHEN NOT EXISTS (SELECT 1 FROM journal_quiet)";
        conn.execute_batch(&format!(
            "CREATE TEMP TRIGGER IF NOT EXISTS journal_{table}_i AFTER INSERT ON main.{table} {quiet}
             BEGIN INSERT INTO pending (tbl, rid, op, new) VALUES ('{table}', NEW.rowid, 'i', {new}); END;
             CREATE TEMP TRIGGER IF NOT EXISTS journal_{table}_u AFTER UPDATE ON main.{table} {quiet}
             BEGIN INSERT INTO pending (tbl, rid, op, old, new) VALUES ('{table}', NEW.rowid, 'u', {old}, {new}); END;
             CREATE TEMP TRIGGER IF NOT EXISTS journal_{table}_d AFTER DELETE ON main.{table} {quiet}
             BEGIN INSERT INTO pending (tbl, rid, op, old) VALUES ('{table}', OLD.rowid, 'd', {old}); END;",
            new = json("NEW")?,
            old = json("OLD")?,
        ))?;
    }
    Ok(())
}

/// The tables whose row changes are journalled.
pub(crate) fn journalled(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )?;
    let tables: Vec<String> = st
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(tables
        .into_iter()
        .filter(|t| {
            !NOT_JOURNALLED.contains(&t.as_str())
                && !t.starts_with(FULL_TEXT_PREFIX)
                && !t.starts_with(SYNC_PREFIX)
        })
        .collect())
}

/// The SQL of a row of `table` as the journal copies it (`side`: NEW, OLD or the table): a
/// JSON object of its columns, a file's bytes by their size, no secret.
pub(crate) fn row_json(conn: &Connection, table: &str, side: &str) -> Result<String> {
    let mut st = conn.prepare(&format!("PRAGMA main.table_info({table})"))?;
    let columns: Vec<(String, String)> = st
        .query_map([], |r| Ok((r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let pairs: Vec<String> = columns
        .iter()
        .filter(|(name, _)| !SECRET.contains(&name.as_str()))
        .map(|(name, ty)| {
            // A file's bytes are not copied into the journal: their size is (bytes that
            // stand in a column of another type too: JSON cannot hold them).
            if ty.eq_ignore_ascii_case("BLOB") {
                format!("'{name}', length({side}.{name})")
            } else {
                format!(
                    "'{name}', CASE typeof({side}.{name}) WHEN 'blob' THEN length({side}.{name}) ELSE {side}.{name} END"
                )
            }
        })
        .collect();
    Ok(format!("json_object({})", pairs.join(", ")))
}

/// What happened to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    /// Moved to the trash.
    Delete,
    /// Taken out of the trash.
    Restore,
    /// Removed for good (a row of a list saved without it).
    Erase,
    /// The database replaced from a backup.
    RestoreBackup,
    /// Many records written at once (demo data), counted in one entry.
    Bulk,
}

crate::codes!(Action, "journal action", Create => "create", Update => "update", Delete => "delete", Restore => "restore", Erase => "erase", RestoreBackup => "restore_backup", Bulk => "bulk");

/// One journal row as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: Id,
    /// UTC stamp of the write.
    pub at: String,
    pub author_id: Option<Id>,
    /// The table of the record.
    pub kind: String,
    pub record_id: Option<Id>,
    pub client_id: Option<Id>,
    pub action: Action,
    /// `{"field": [old, new], …}`.
    pub changes: Map<String, Value>,
    /// The workstation (its uuid) of a change that came from the server.
    pub origin: Option<String>,
}

/// A row change noted by a trigger: table, rowid, operation, old and new values as JSON.
type Note = (String, Option<Id>, String, Option<String>, Option<String>);

/// The row changes noted since the last flush, taken out of `temp.pending`, the digest of the
/// rows moved with every one (bookkeeping too: the row is not what it was).
fn take_notes(w: &Tx) -> Result<Vec<Note>> {
    let notes: Vec<Note> = {
        let mut st =
            w.prepare_cached("SELECT tbl, rid, op, old, new FROM temp.pending ORDER BY id")?;
        st.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    if notes.is_empty() {
        return Ok(notes);
    }
    w.execute("DELETE FROM temp.pending", [])?;
    super::journal_proof::move_digest(
        w,
        notes.iter().flat_map(|(table, _, _, old, new)| {
            [old, new]
                .into_iter()
                .flatten()
                .map(move |json| (table.as_str(), json.as_str()))
        }),
    )?;
    Ok(notes)
}

/// A bulk write under way: the tables whose insert triggers are off, with the last row each
/// had before (see [`bulk_begin`]).
pub struct Bulk {
    since: Vec<(String, Id)>,
}

/// Starts a bulk write — the records a new workstation takes in from the server on its first
/// sync: the journal's insert triggers are taken off (a trigger makes SQLite keep a statement
/// journal for every row, and copies the row as JSON into a table to be read back), and the
/// rows inserted are read once at [`flush_bulk`] instead, as the rows after each table's last.
/// Updates and deletions are noted by their triggers as always. Dropping a temporary trigger is
/// part of the transaction: a write rolled back has them back.
pub fn bulk_begin(w: &Tx) -> Result<Bulk> {
    let mut since = Vec::new();
    for table in journalled(w)? {
        let with_rowid: bool = w.query_row(
            "SELECT sql NOT LIKE '%WITHOUT ROWID%' FROM main.sqlite_master \
             WHERE type = 'table' AND name = ?1",
            [&table],
            |r| r.get(0),
        )?;
        if !with_rowid {
            continue;
        }
        let last: Id = w.query_row(
            &format!("SELECT COALESCE(max(rowid), 0) FROM main.{table}"),
            [],
            |r| r.get(0),
        )?;
        w.execute_batch(&format!("DROP TRIGGER IF EXISTS temp.journal_{table}_i"))?;
        since.push((table, last));
    }
    Ok(Bulk { since })
}

/// Ends a bulk write ([`bulk_begin`]) as one journal entry of `kind` counting its rows by
/// table: the digest moves with every row, the records are not journalled one by one (their
/// history is the server's), and the insert triggers are back. Returns how many rows.
pub fn flush_bulk(w: &Tx, kind: &str, bulk: Bulk) -> Result<usize> {
    let notes = take_notes(w)?;
    let mut inserted: Vec<(&str, String)> = Vec::new();
    for (table, last) in &bulk.since {
        let json = row_json(w, table, table)?;
        let mut st = w.prepare(&format!("SELECT {json} FROM main.{table} WHERE rowid > ?1"))?;
        let rows = st.query_map([last], |r| r.get::<_, String>(0))?;
        for row in rows {
            inserted.push((table.as_str(), row?));
        }
    }
    super::journal_proof::move_digest(w, inserted.iter().map(|(t, j)| (*t, j.as_str())))?;
    install(w)?;
    let mut counts: std::collections::BTreeMap<&str, i64> = Default::default();
    let tables = notes
        .iter()
        .map(|(table, ..)| table.as_str())
        .chain(inserted.iter().map(|(t, _)| *t));
    for table in tables {
        if !WATCHED_ONLY.contains(&table) {
            *counts.entry(table).or_default() += 1;
        }
    }
    if counts.is_empty() {
        return Ok(0);
    }
    let changes: Map<String, Value> = counts
        .iter()
        .map(|(t, n)| {
            (
                (*t).to_string(),
                Value::Array(vec![Value::Null, Value::from(*n)]),
            )
        })
        .collect();
    append(
        w,
        kind,
        None,
        None,
        Action::Bulk,
        &Value::Object(changes).to_string(),
    )?;
    Ok(notes.len() + inserted.len())
}

/// A row change noted by a trigger with its old and new values read.
struct Parsed<'a> {
    table: &'a str,
    rid: Option<Id>,
    op: &'a str,
    old: Map<String, Value>,
    new: Map<String, Value>,
}

/// Turns the row changes noted during the write into journal rows (see the module's doc).
pub fn flush(w: &Tx) -> Result<usize> {
    let notes = take_notes(w)?;
    if notes.is_empty() {
        return Ok(0);
    }
    let parse = |s: &Option<String>| -> Map<String, Value> {
        s.as_deref()
            .and_then(|s| serde_json::from_str::<Map<String, Value>>(s).ok())
            .unwrap_or_default()
    };
    let parsed: Vec<Parsed> = notes
        .iter()
        .map(|(table, rid, op, old, new)| Parsed {
            table,
            rid: *rid,
            op,
            old: parse(old),
            new: parse(new),
        })
        .collect();
    let noted: Vec<super::replica::Noted> = parsed
        .iter()
        .map(|p| super::replica::Noted {
            table: p.table,
            rid: p.rid,
            op: p.op,
            old: &p.old,
            new: &p.new,
        })
        .collect();
    super::replica::capture(w, &noted)?;
    let origin = super::replica::applying(w)?;
    let mut written = 0;
    for Parsed {
        table,
        rid,
        op,
        old,
        new,
    } in parsed
    {
        if WATCHED_ONLY.contains(&table) {
            continue;
        }
        check_lengths(table, &new)?;
        let Some((action, changes)) = describe(op, &old, &new) else {
            continue;
        };
        let row = if new.is_empty() { &old } else { &new };
        let client_id = client_of(w, table, rid, row)?;
        append_from(
            w,
            table,
            rid,
            client_id,
            action,
            &Value::Object(changes).to_string(),
            origin.as_ref(),
        )?;
        written += 1;
    }
    Ok(written)
}

/// The action and the changed fields of one row change; `None` when nothing a user would see
/// changed (bookkeeping only).
fn describe(
    op: &str,
    old: &Map<String, Value>,
    new: &Map<String, Value>,
) -> Option<(Action, Map<String, Value>)> {
    let mut changes = Map::new();
    let keys = old
        .keys()
        .chain(new.keys().filter(|k| !old.contains_key(*k)));
    for key in keys {
        if BOOKKEEPING.contains(&key.as_str()) {
            continue;
        }
        let (o, n) = (
            old.get(key).cloned().unwrap_or(Value::Null),
            new.get(key).cloned().unwrap_or(Value::Null),
        );
        let empty = |v: &Value| v.is_null() || v.as_str() == Some("");
        if o != n && !(op != "u" && empty(&o) && empty(&n)) {
            changes.insert(key.clone(), Value::Array(vec![o, n]));
        }
    }
    let action = match op {
        "i" => Action::Create,
        "d" => Action::Erase,
        _ => match changes.get("deleted_at").and_then(Value::as_array) {
            Some(pair) if pair[0].is_null() => Action::Delete,
            Some(_) => Action::Restore,
            None => Action::Update,
        },
    };
    if action == Action::Update && changes.is_empty() {
        return None;
    }
    Some((action, changes))
}

/// The client a row belongs to, for the dossier's journal.
pub(crate) fn client_of(
    conn: &Connection,
    table: &str,
    rid: Option<Id>,
    row: &Map<String, Value>,
) -> Result<Option<Id>> {
    let id_of = |key: &str| row.get(key).and_then(Value::as_i64);
    let via = |sql: &str, key: &str| -> Result<Option<Id>> {
        match id_of(key) {
            Some(id) => Ok(conn
                .query_row(sql, [id], |r| r.get::<_, Option<Id>>(0))
                .optional()?
                .flatten()),
            None => Ok(None),
        }
    };
    if table == "clients" {
        return Ok(rid);
    }
    match client_parent(table) {
        Some((parent, key)) => via(
            &format!("SELECT client_id FROM {parent} WHERE id = ?1"),
            key,
        ),
        None => Ok(id_of("client_id")),
    }
}

/// The record through which a row of `table` belongs to a client (its table, and the column
/// naming it); `None`: the row names its client itself (`client_id`), or none.
pub(crate) fn client_parent(table: &str) -> Option<(&'static str, &'static str)> {
    match table {
        "person_phones" | "gifts" | "gift_ideas" => Some(("people", "person_id")),
        "project_stages" => Some(("projects", "project_id")),
        "next_steps" | "meeting_files" | "meeting_people" => Some(("meetings", "meeting_id")),
        "survey_answers" => Some(("surveys", "survey_id")),
        "appeal_links" | "appeal_letters" | "appeal_files" | "appeal_calls" => {
            Some(("appeals", "appeal_id"))
        }
        _ => None,
    }
}

/// A journal row as hashed.
struct Hashed<'a> {
    prev: &'a str,
    id: Id,
    at: &'a str,
    by: Option<Id>,
    kind: &'a str,
    record_id: Option<Id>,
    client_id: Option<Id>,
    action: &'a str,
    changes: &'a str,
    /// The workstation a change applied from the server came from (not hashed when absent:
    /// rows written before the sync hash as they did).
    origin: Option<&'a str>,
}

impl Hashed<'_> {
    /// SHA-256 of the row's content and the previous row's hash, in hex.
    fn hash(&self) -> String {
        let opt = |v: Option<Id>| v.map(|v| v.to_string()).unwrap_or_default();
        let text = format!(
            "{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}",
            self.prev,
            self.id,
            self.at,
            opt(self.by),
            self.kind,
            opt(self.record_id),
            opt(self.client_id),
            self.action,
            self.changes
        );
        let text = match self.origin {
            Some(o) => format!("{text}\n{o}"),
            None => text,
        };
        Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// Appends one row to the journal, chained to the last, and moves the head.
pub fn append(
    w: &Tx,
    kind: &str,
    record_id: Option<Id>,
    client_id: Option<Id>,
    action: Action,
    changes: &str,
) -> Result<()> {
    append_from(w, kind, record_id, client_id, action, changes, None)
}

/// [`append`] of a change that came from the server: `origin` is its workstation and author
/// (the local id of the manager who made it, when this replica knows them).
fn append_from(
    w: &Tx,
    kind: &str,
    record_id: Option<Id>,
    client_id: Option<Id>,
    action: Action,
    changes: &str,
    origin: Option<&(String, Option<Id>)>,
) -> Result<()> {
    let author = match origin {
        Some((_, author)) => *author,
        None => w.author(),
    };
    let (count, prev): (i64, String) = w
        .query_row(
            "SELECT count, hash FROM journal_head WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or((0, String::new()));
    let id = count + 1;
    let h = Hashed {
        prev: &prev,
        id,
        at: w.now(),
        by: author,
        kind,
        record_id,
        client_id,
        action: action.code(),
        changes,
        origin: origin.map(|(o, _)| o.as_str()),
    }
    .hash();
    w.execute(
        "INSERT INTO journal (id, at, author_id, kind, record_id, client_id, action, changes, \
         prev_hash, hash, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            id,
            w.now(),
            author,
            kind,
            record_id,
            client_id,
            action.code(),
            changes,
            prev,
            h,
            origin.map(|(o, _)| o.as_str())
        ],
    )?;
    w.execute(
        "INSERT INTO journal_head (id, count, hash) VALUES (1, ?1, ?2) \
         ON CONFLICT (id) DO UPDATE SET count = excluded.count, hash = excluded.hash",
        params![id, h],
    )?;
    Ok(())
}

/// Turns the row notes off (for a bulk load journalled as one entry) or back on.
pub fn set_quiet(conn: &Connection, quiet: bool) -> Result<()> {
    if quiet {
        conn.execute("INSERT INTO temp.journal_quiet (n) VALUES (1)", [])?;
    } else {
        conn.execute("DELETE FROM temp.journal_quiet", [])?;
    }
    Ok(())
}

/// What is wrong with the journal's chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainProblem {
    /// A row whose content no longer matches its hash (edited behind the program's back).
    Altered(Id),
    /// A row that does not follow the one before it (rows removed, added or reordered).
    Broken(Id),
    /// The journal ends before its recorded head (its end was cut off), or after it.
    Truncated { rows: i64, head: i64 },
    /// The head row is gone (with it, usually, the whole journal).
    HeadMissing { rows: i64 },
    /// A record's field differs from what the journal last wrote (`field` empty: the journal
    /// erased the record, yet it is there): changed behind the program's back.
    Unjournalled {
        table: String,
        record: Id,
        field: String,
    },
    /// A record the journal created and never erased is gone.
    Gone { table: String, record: Id },
    /// Some row is not as the program left it (the digest of the rows differs); which one,
    /// only a record the journal knows can tell.
    RowsChanged,
    /// The journal's first `rows` rows differ from those of the copy `copy` made before: the
    /// journal was rewritten after it.
    Rewritten { copy: String, rows: i64 },
}

/// The journal's column of the workstation a change came from (`NULL` in a database made
/// before the sync, read but not migrated).
fn origin_column(conn: &Connection) -> Result<&'static str> {
    let has: bool = conn.query_row(
        "SELECT count(*) > 0 FROM pragma_table_info('journal') WHERE name = 'origin'",
        [],
        |r| r.get(0),
    )?;
    Ok(if has { "origin" } else { "NULL" })
}

/// Checks the whole chain, oldest first.
pub fn verify(conn: &Connection) -> Result<Vec<ChainProblem>> {
    let mut problems = Vec::new();
    let mut st = conn.prepare(&format!(
        "SELECT id, at, author_id, kind, record_id, client_id, action, changes, prev_hash, hash, \
         {} FROM journal ORDER BY id",
        origin_column(conn)?
    ))?;
    let mut rows = st.query([])?;
    let mut prev = String::new();
    let mut expected_id: Id = 1;
    let mut n: i64 = 0;
    while let Some(r) = rows.next()? {
        let id: Id = r.get(0)?;
        let stored_prev: String = r.get(8)?;
        let stored: String = r.get(9)?;
        let kind: String = r.get(3)?;
        let action: String = r.get(6)?;
        let changes: String = r.get(7)?;
        let at: String = r.get(1)?;
        let origin: Option<String> = r.get(10)?;
        let computed = Hashed {
            prev: &stored_prev,
            id,
            at: &at,
            by: r.get(2)?,
            kind: &kind,
            record_id: r.get(4)?,
            client_id: r.get(5)?,
            action: &action,
            changes: &changes,
            origin: origin.as_deref(),
        }
        .hash();
        if computed != stored {
            problems.push(ChainProblem::Altered(id));
        }
        if id != expected_id || stored_prev != prev {
            problems.push(ChainProblem::Broken(id));
        }
        prev = stored;
        expected_id = id + 1;
        n += 1;
    }
    let head: Option<(i64, String)> = conn
        .query_row(
            "SELECT count, hash FROM journal_head WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((head_count, head_hash)) = head else {
        problems.push(ChainProblem::HeadMissing { rows: n });
        return Ok(problems);
    };
    if head_count != n || head_hash != prev {
        problems.push(ChainProblem::Truncated {
            rows: n,
            head: head_count,
        });
    }
    Ok(problems)
}

/// Which journal rows to read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub client_id: Option<Id>,
    pub author_id: Option<Id>,
    /// The tables of the records (empty: all).
    pub kinds: Vec<String>,
    /// UTC stamps, inclusive from, exclusive to.
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: usize,
}

/// What names a row no feature's service reads by id: a setting's key; a dossier document's
/// direction, number, date and subject; a merge's template title, start and number of letters.
/// `None`: another table, or the row is gone.
pub fn fields_of(conn: &Connection, table: &str, id: Id) -> Result<Option<Vec<String>>> {
    let sql = match table {
        "settings" => "SELECT key FROM settings WHERE rowid = ?1",
        "records" => {
            "SELECT direction, number, COALESCE(date, ''), subject FROM records WHERE id = ?1"
        }
        "merges" => {
            "SELECT COALESCE((SELECT title FROM templates t WHERE t.code = m.template_code),
                             m.template_code), m.created_at, CAST(m.total AS TEXT)
             FROM merges m WHERE m.id = ?1"
        }
        _ => return Ok(None),
    };
    Ok(conn
        .query_row(sql, [id], |r| {
            (0..r.as_ref().column_count())
                .map(|i| r.get::<_, String>(i))
                .collect::<rusqlite::Result<Vec<String>>>()
        })
        .optional()?)
}

/// Journal rows, newest first.
pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<Entry>> {
    use rusqlite::types::Value as V;
    let mut sql = format!(
        "SELECT id, at, author_id, kind, record_id, client_id, action, changes, {} FROM journal \
         WHERE 1",
        origin_column(conn)?
    );
    let mut args: Vec<V> = Vec::new();
    let mut push = |clause: &str, v: V| {
        args.push(v);
        sql.push_str(&format!(" AND {clause} ?{}", args.len()));
    };
    if let Some(c) = f.client_id {
        push("client_id =", V::Integer(c));
    }
    if let Some(a) = f.author_id {
        push("author_id =", V::Integer(a));
    }
    if let Some(from) = &f.from {
        push("at >=", V::Text(from.clone()));
    }
    if let Some(to) = &f.to {
        push("at <", V::Text(to.clone()));
    }
    if !f.kinds.is_empty() {
        let first = args.len() + 1;
        let marks: Vec<String> = (first..first + f.kinds.len())
            .map(|i| format!("?{i}"))
            .collect();
        sql.push_str(&format!(" AND kind IN ({})", marks.join(", ")));
        args.extend(f.kinds.iter().cloned().map(V::Text));
    }
    sql.push_str(&format!(" ORDER BY id DESC LIMIT {}", f.limit.max(1)));
    let mut st = conn.prepare(&sql)?;
    let out = st
        .query_map(rusqlite::params_from_iter(args), |r| {
            let changes: String = r.get(7)?;
            Ok(Entry {
                id: r.get(0)?,
                at: r.get(1)?,
                author_id: r.get(2)?,
                kind: r.get(3)?,
                record_id: r.get(4)?,
                client_id: r.get(5)?,
                action: super::code(r, 6)?,
                changes: serde_json::from_str(&changes).unwrap_or_default(),
                origin: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}
