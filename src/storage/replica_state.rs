//! What the replica keeps about the department server (#21): the schema of the sync's own
//! tables, the server's address and this workstation's cursor and clock, the outbox as the
//! push reads it, the field stamps, the conflicts the server reported.

use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Map, Value};

use super::{Result, Tx};
use crate::domain::Id;
use crate::domain::hlc::{Hlc, Stamp};

/// Schema 16: what the replica keeps about the server; the workstation a journalled change
/// came from.
pub const V16_SYNC: &str = "
CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    url TEXT NOT NULL,
    login TEXT NOT NULL,
    node TEXT NOT NULL,
    manager_uuid TEXT NOT NULL,
    head INTEGER NOT NULL,
    cursor INTEGER NOT NULL DEFAULT 0,
    conflict_cursor INTEGER NOT NULL DEFAULT 0,
    hlc TEXT NOT NULL DEFAULT '',
    joined_at TEXT NOT NULL,
    last_sync_at TEXT,
    last_error TEXT,
    last_error_at TEXT,
    sent_own INTEGER NOT NULL DEFAULT 0,
    move_cursor INTEGER NOT NULL DEFAULT 0,
    server TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sync_refused (
    change_uuid TEXT PRIMARY KEY,
    tbl TEXT NOT NULL,
    record_uuid TEXT NOT NULL,
    fields TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE sync_outbox (
    id INTEGER PRIMARY KEY,
    change_uuid TEXT NOT NULL UNIQUE,
    tbl TEXT NOT NULL,
    record_uuid TEXT NOT NULL,
    fields TEXT NOT NULL,
    bases TEXT NOT NULL,
    deleted INTEGER NOT NULL,
    stamp TEXT NOT NULL,
    client_uuid TEXT,
    author_uuid TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE sync_stamps (
    tbl TEXT NOT NULL,
    record_uuid TEXT NOT NULL,
    stamps TEXT NOT NULL,
    PRIMARY KEY (tbl, record_uuid)
) WITHOUT ROWID;
CREATE TABLE sync_inbox (
    tbl TEXT NOT NULL,
    record_uuid TEXT NOT NULL,
    payload TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (tbl, record_uuid)
) WITHOUT ROWID;
CREATE TABLE sync_conflicts (
    id INTEGER PRIMARY KEY,
    tbl TEXT NOT NULL,
    record_uuid TEXT NOT NULL,
    field TEXT NOT NULL,
    kept TEXT,
    kept_stamp TEXT NOT NULL,
    lost TEXT,
    lost_stamp TEXT NOT NULL,
    client_uuid TEXT,
    resolved_at TEXT,
    resolved_sent INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sync_numbers (
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    first INTEGER NOT NULL,
    last INTEGER NOT NULL,
    next INTEGER NOT NULL,
    PRIMARY KEY (kind, year, first)
) WITHOUT ROWID;
ALTER TABLE journal ADD COLUMN origin TEXT;
ALTER TABLE letters ADD COLUMN number_from_block INTEGER NOT NULL DEFAULT 0;
ALTER TABLE appeals ADD COLUMN number_from_block INTEGER NOT NULL DEFAULT 0;
";

/// Schema 17: a workstation joins with its database as a snapshot — every record it had before
/// the join sent with one stamp (`own_stamp`), table by table in rowid order; `own_table` and
/// `own_rowid` say how far the server has taken it in (a join cut short goes on from there).
pub const V17_SNAPSHOT: &str = "
ALTER TABLE sync_state ADD COLUMN own_stamp TEXT;
ALTER TABLE sync_state ADD COLUMN own_table TEXT;
ALTER TABLE sync_state ADD COLUMN own_rowid INTEGER NOT NULL DEFAULT 0;
";

/// Schema 18: the last row of each table when the workstation joined. The snapshot of what the
/// database had reads no row after it: what came after came from the server, or was written
/// since and goes up by the outbox (a new workstation's first sync does not read through the
/// 900,000 records it has just taken in to find none to send).
pub const V18_OWN_LIMITS: &str = "
CREATE TABLE sync_own_limits (
    tbl TEXT PRIMARY KEY,
    last_rowid INTEGER NOT NULL
) WITHOUT ROWID;
";

/// The key of the stamp of every field of a record without one of its own.
pub(crate) const ANY_FIELD: &str = "*";

/// What the replica knows of its server.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub url: String,
    pub login: String,
    /// This workstation's uuid.
    pub node: String,
    /// The manager the user is (their uuid) and whether they head the group.
    pub manager_uuid: String,
    pub head: bool,
    /// The server's last change this replica has applied.
    pub cursor: i64,
    /// The server's last conflict this replica has taken in.
    pub conflict_cursor: i64,
    pub joined_at: String,
    pub last_sync_at: Option<String>,
    pub last_error: Option<String>,
    pub last_error_at: Option<String>,
    /// What the database had before it joined is in the outbox (the join went through).
    pub sent_own: bool,
    /// The server's last move of a client between managers this replica has taken in.
    pub move_cursor: i64,
    /// The server's own uuid (a sync with another server's database is refused).
    pub server: String,
    /// The stamp of the records the database had before it joined (set when their snapshot
    /// starts), and how far the snapshot has gone (the table and rowid last taken in).
    pub own_stamp: Option<String>,
    pub own_table: Option<String>,
    pub own_rowid: i64,
}

/// The replica's state: `None` until the workstation has joined a server.
pub fn state(conn: &Connection) -> Result<Option<State>> {
    Ok(conn
        .prepare_cached(
            "SELECT url, login, node, manager_uuid, head, cursor, conflict_cursor, joined_at, \
             last_sync_at, last_error, last_error_at, sent_own, move_cursor, server, own_stamp, \
             own_table, own_rowid FROM sync_state \
             WHERE id = 1",
        )?
        .query_row([], |r| {
            Ok(State {
                url: r.get(0)?,
                login: r.get(1)?,
                node: r.get(2)?,
                manager_uuid: r.get(3)?,
                head: r.get(4)?,
                cursor: r.get(5)?,
                conflict_cursor: r.get(6)?,
                joined_at: r.get(7)?,
                last_sync_at: r.get(8)?,
                last_error: r.get(9)?,
                last_error_at: r.get(10)?,
                sent_own: r.get(11)?,
                move_cursor: r.get(12)?,
                server: r.get(13)?,
                own_stamp: r.get(14)?,
                own_table: r.get(15)?,
                own_rowid: r.get(16)?,
            })
        })
        .optional()?)
}

/// Records that the workstation has joined the server (a new node uuid, nothing sent yet) and
/// the last row each table had then (see [`V18_OWN_LIMITS`]).
pub fn join(
    w: &Tx,
    url: &str,
    login: &str,
    manager_uuid: &str,
    head: bool,
    server: &str,
) -> Result<String> {
    let node = uuid::Uuid::new_v4().to_string();
    w.execute(
        "INSERT INTO sync_state (id, url, login, node, manager_uuid, head, joined_at, server) \
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![url, login, node, manager_uuid, head, w.now(), server],
    )?;
    for table in super::replica_own::own_tables(w)? {
        w.execute(
            &format!(
                "INSERT INTO sync_own_limits (tbl, last_rowid) \
                 SELECT ?1, COALESCE(max(rowid), 0) FROM {table}"
            ),
            [&table],
        )?;
    }
    Ok(node)
}

/// Gives the connection a large page cache and fewer checkpoints while a first sync takes everything in (random
/// reads of the uuid indexes of a database growing by hundreds of thousands of rows), and the
/// usual one back after.
pub fn bulk_cache(conn: &Connection, on: bool) -> Result<()> {
    conn.pragma_update(None, "cache_size", if on { -524_288 } else { -65_536 })?;
    // The WAL checkpointed every 400 MB rather than every 4 MB meanwhile.
    conn.pragma_update(None, "wal_autocheckpoint", if on { 100_000 } else { 1_000 })?;
    Ok(())
}

/// Starts the snapshot of what the database had before it joined: its stamp.
pub fn start_own(w: &Tx, stamp: &str) -> Result<()> {
    w.execute(
        "UPDATE sync_state SET own_stamp = ?1 WHERE id = 1 AND own_stamp IS NULL",
        [stamp],
    )?;
    Ok(())
}

/// Notes how far the server has taken the snapshot in.
pub fn own_sent_up_to(w: &Tx, table: &str, rowid: Id) -> Result<()> {
    w.execute(
        "UPDATE sync_state SET own_table = ?1, own_rowid = ?2 WHERE id = 1",
        params![table, rowid],
    )?;
    Ok(())
}

/// Notes that what the database had before it joined is on the server.
pub fn set_sent_own(w: &Tx) -> Result<()> {
    w.execute("UPDATE sync_state SET sent_own = 1 WHERE id = 1", [])?;
    Ok(())
}

/// Whether nothing was ever written to the database (its journal is empty): a new database
/// holds only the rows every database starts with, under the same uuids everywhere, and has
/// nothing of its own to send up when it joins.
pub fn nothing_written(conn: &Connection) -> Result<bool> {
    Ok(
        conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM journal)", [], |r| {
            r.get(0)
        })?,
    )
}

/// Keeps another address of the server.
pub fn set_url(w: &Tx, url: &str) -> Result<()> {
    w.execute("UPDATE sync_state SET url = ?1 WHERE id = 1", [url])?;
    Ok(())
}

/// Moves the cursor of applied changes (and of conflicts taken in).
pub fn set_cursors(w: &Tx, cursor: i64, conflict_cursor: i64) -> Result<()> {
    w.execute(
        "UPDATE sync_state SET cursor = max(cursor, ?1), conflict_cursor = max(conflict_cursor, ?2) \
         WHERE id = 1",
        params![cursor, conflict_cursor],
    )?;
    Ok(())
}

/// Notes how the last sync ended: `None`, it went through (at `at`); else the error's text.
pub fn note_outcome(conn: &Connection, at: &str, error: Option<&str>) -> Result<()> {
    match error {
        None => conn.execute(
            "UPDATE sync_state SET last_sync_at = ?1, last_error = NULL, last_error_at = NULL \
             WHERE id = 1",
            [at],
        )?,
        Some(e) => conn.execute(
            "UPDATE sync_state SET last_error = ?2, last_error_at = ?1 WHERE id = 1",
            params![at, e],
        )?,
    };
    Ok(())
}

/// The workstation's clock, kept in `sync_state` so that stamps never go back across runs.
pub(crate) fn clock(conn: &Connection, node: &str) -> Result<Hlc> {
    let text: String = conn
        .prepare_cached("SELECT hlc FROM sync_state WHERE id = 1")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or_default();
    Ok(Hlc::new(node, text.parse::<Stamp>().ok()))
}

pub(crate) fn keep_clock(conn: &Connection, clock: &Hlc) -> Result<()> {
    conn.prepare_cached("UPDATE sync_state SET hlc = ?1 WHERE id = 1")?
        .execute([clock.last().to_string()])?;
    Ok(())
}

/// Milliseconds since the epoch of a write's stamp (`created_at` form).
pub(crate) fn millis_of(now: &str) -> u64 {
    chrono::NaiveDateTime::parse_from_str(now.trim_end_matches('Z'), "%Y-%m-%dT%H:%M:%S%.f")
        .map(|t| u64::try_from(t.and_utc().timestamp_millis()).unwrap_or(0))
        .unwrap_or(0)
}

/// The field stamps the replica holds for a record. A record it keeps none for is one the
/// database had before it joined: once its snapshot has started, it has the snapshot's stamp.
pub(crate) fn stamps(conn: &Connection, table: &str, uuid: &str) -> Result<Map<String, Value>> {
    // One query (a first sync asks it of 900,000 records): the stamps kept, else the
    // snapshot's.
    let (kept, own): (Option<String>, Option<String>) = conn
        .prepare_cached(
            "SELECT (SELECT stamps FROM sync_stamps WHERE tbl = ?1 AND record_uuid = ?2), \
                    (SELECT own_stamp FROM sync_state WHERE id = 1)",
        )?
        .query_row([table, uuid], |r| Ok((r.get(0)?, r.get(1)?)))?;
    if let Some(t) = kept {
        return Ok(serde_json::from_str(&t).unwrap_or_default());
    }
    Ok(own
        .map(|s| Map::from_iter([(ANY_FIELD.to_string(), Value::String(s))]))
        .unwrap_or_default())
}

/// The stamp of one field among a record's stamps: its own, else the record's (a `$` mark —
/// an erasure — has only its own). Empty: none.
pub(crate) fn stamp_of(stamps: &Map<String, Value>, field: &str) -> String {
    stamps
        .get(field)
        .or_else(|| {
            (!field.starts_with('$'))
                .then(|| stamps.get(ANY_FIELD))
                .flatten()
        })
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

pub(crate) fn keep_stamps(
    conn: &Connection,
    table: &str,
    uuid: &str,
    stamps: &Map<String, Value>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_stamps (tbl, record_uuid, stamps) VALUES (?1, ?2, ?3) \
         ON CONFLICT (tbl, record_uuid) DO UPDATE SET stamps = excluded.stamps",
    )?
    .execute(params![
        table,
        uuid,
        Value::Object(stamps.clone()).to_string()
    ])?;
    Ok(())
}

/// One change waiting in the outbox, as it goes to the server.
#[derive(Debug, Clone, PartialEq)]
pub struct Outgoing {
    pub id: Id,
    pub change_uuid: String,
    pub table: String,
    pub record_uuid: String,
    pub fields: String,
    pub bases: String,
    pub deleted: bool,
    pub stamp: String,
    pub client_uuid: Option<String>,
    pub author_uuid: Option<String>,
}

/// The oldest `limit` changes waiting to be sent.
pub fn outbox(conn: &Connection, limit: usize) -> Result<Vec<Outgoing>> {
    let mut st = conn.prepare_cached(
        "SELECT id, change_uuid, tbl, record_uuid, fields, bases, deleted, stamp, client_uuid, \
         author_uuid FROM sync_outbox ORDER BY id LIMIT ?1",
    )?;
    let out = st
        .query_map([limit as i64], |r| {
            Ok(Outgoing {
                id: r.get(0)?,
                change_uuid: r.get(1)?,
                table: r.get(2)?,
                record_uuid: r.get(3)?,
                fields: r.get(4)?,
                bases: r.get(5)?,
                deleted: r.get(6)?,
                stamp: r.get(7)?,
                client_uuid: r.get(8)?,
                author_uuid: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// How many changes wait to be sent.
pub fn outbox_size(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM sync_outbox", [], |r| r.get(0))?)
}

/// Removes the changes the server has acknowledged (up to and with `last_id`); those its
/// rules refused (change uuid, reason) are kept aside with the reason, for the user to see.
pub fn sent(w: &Tx, last_id: Id, refused: &[(String, String)]) -> Result<()> {
    for (change, reason) in refused {
        w.execute(
            "INSERT OR REPLACE INTO sync_refused (change_uuid, tbl, record_uuid, fields, reason, at) \
             SELECT change_uuid, tbl, record_uuid, fields, ?2, ?3 FROM sync_outbox \
             WHERE change_uuid = ?1",
            params![change, reason, w.now()],
        )?;
    }
    w.execute("DELETE FROM sync_outbox WHERE id <= ?1", [last_id])?;
    Ok(())
}

/// How many changes the server refused (kept aside).
pub fn refused_size(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM sync_refused", [], |r| r.get(0))?)
}

/// Moves the cursor of the clients' moves.
pub fn set_move_cursor(w: &Tx, seq: i64) -> Result<()> {
    w.execute(
        "UPDATE sync_state SET move_cursor = max(move_cursor, ?1) WHERE id = 1",
        [seq],
    )?;
    Ok(())
}

/// How many records wait to be applied (they refer to a record not here yet).
pub fn waiting_size(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM sync_inbox", [], |r| r.get(0))?)
}

/// A field changed on two workstations since their common version, as the server kept it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Conflict {
    /// The server's number of the conflict.
    pub id: Id,
    pub table: String,
    pub record_uuid: String,
    /// The field as it travels.
    pub field: String,
    /// The value the record holds now (JSON) and its stamp.
    pub kept: Option<String>,
    pub kept_stamp: String,
    /// The other value (JSON) and its stamp.
    pub lost: Option<String>,
    pub lost_stamp: String,
    pub client_uuid: Option<String>,
    pub resolved_at: Option<String>,
}

/// Keeps a conflict the server reported (again: nothing changes).
pub fn keep_conflict(w: &Tx, k: &Conflict) -> Result<()> {
    w.prepare_cached(
        "INSERT INTO sync_conflicts (id, tbl, record_uuid, field, kept, kept_stamp, lost, \
         lost_stamp, client_uuid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
         ON CONFLICT (id) DO NOTHING",
    )?
    .execute(params![
        k.id,
        k.table,
        k.record_uuid,
        k.field,
        k.kept,
        k.kept_stamp,
        k.lost,
        k.lost_stamp,
        k.client_uuid
    ])?;
    Ok(())
}

/// Keeps a conflict found on this workstation (a client joined with data of its own that
/// differs from the server's): numbered below zero, apart from the server's.
pub fn keep_local_conflict(w: &Tx, k: &Conflict) -> Result<()> {
    let id: Id = w.query_row(
        "SELECT min(coalesce(min(id), 0), 0) - 1 FROM sync_conflicts",
        [],
        |r| r.get(0),
    )?;
    keep_conflict(w, &Conflict { id, ..k.clone() })
}

/// The conflicts not yet resolved, oldest first.
pub fn conflicts(conn: &Connection) -> Result<Vec<Conflict>> {
    conflicts_where(conn, "resolved_at IS NULL", [])
}

fn conflicts_where(
    conn: &Connection,
    condition: &str,
    args: impl rusqlite::Params,
) -> Result<Vec<Conflict>> {
    let mut st = conn.prepare(&format!(
        "SELECT id, tbl, record_uuid, field, kept, kept_stamp, lost, lost_stamp, client_uuid, \
         resolved_at FROM sync_conflicts WHERE {condition} ORDER BY id"
    ))?;
    let out = st
        .query_map(args, |r| {
            Ok(Conflict {
                id: r.get(0)?,
                table: r.get(1)?,
                record_uuid: r.get(2)?,
                field: r.get(3)?,
                kept: r.get(4)?,
                kept_stamp: r.get(5)?,
                lost: r.get(6)?,
                lost_stamp: r.get(7)?,
                client_uuid: r.get(8)?,
                resolved_at: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// How many conflicts wait for a user's choice.
pub fn open_conflicts(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL",
        [],
        |r| r.get(0),
    )?)
}

/// Where a workstation of the department takes a registration number while the server is
/// reachable: the server's counter (`None`: not reachable now; the block is used).
pub trait NumberSource: Send + Sync {
    fn next(&self, kind: &str, year: i32) -> Option<i64>;
}

/// The next number of `kind` for `year` from the blocks leased to this workstation (`None`:
/// none left).
pub fn take_from_block(w: &Tx, kind: &str, year: i32) -> Result<Option<i64>> {
    let block: Option<(i64, i64)> = w
        .prepare_cached(
            "SELECT first, next FROM sync_numbers WHERE kind = ?1 AND year = ?2 AND next <= last \
             ORDER BY first LIMIT 1",
        )?
        .query_row(params![kind, year], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((first, next)) = block else {
        return Ok(None);
    };
    w.execute(
        "UPDATE sync_numbers SET next = next + 1 WHERE kind = ?1 AND year = ?2 AND first = ?3",
        params![kind, year, first],
    )?;
    Ok(Some(next))
}

/// How many leased numbers of `kind` for `year` are left.
pub fn numbers_left(conn: &Connection, kind: &str, year: i32) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(sum(last - next + 1), 0) FROM sync_numbers WHERE kind = ?1 AND year = ?2",
        params![kind, year],
        |r| r.get(0),
    )?)
}

/// Keeps a block the server leased to this workstation.
pub fn keep_block(w: &Tx, kind: &str, year: i32, first: i64, last: i64) -> Result<()> {
    w.execute(
        "INSERT INTO sync_numbers (kind, year, first, last, next) VALUES (?1, ?2, ?3, ?4, ?3) \
         ON CONFLICT DO NOTHING",
        params![kind, year, first, last],
    )?;
    Ok(())
}

/// The numbers this database gave before it joined: (kind, year, last) of its own counters.
pub fn own_counters(conn: &Connection) -> Result<Vec<(&'static str, i32, i64)>> {
    let mut out = Vec::new();
    for (kind, table) in [("letter", "letter_counters"), ("appeal", "appeal_counters")] {
        let mut st = conn.prepare(&format!("SELECT year, last FROM {table}"))?;
        let rows: Vec<(i32, i64)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        out.extend(rows.into_iter().map(|(y, n)| (kind, y, n)));
    }
    Ok(out)
}

/// Marks a conflict decided on this workstation (the server learns it at the next sync).
pub fn resolve_conflict(w: &Tx, id: Id) -> Result<bool> {
    Ok(w.execute(
        "UPDATE sync_conflicts SET resolved_at = ?2 WHERE id = ?1 AND resolved_at IS NULL",
        params![id, w.now()],
    )? > 0)
}

/// One conflict by its number.
pub fn conflict(conn: &Connection, id: Id) -> Result<Option<Conflict>> {
    Ok(conflicts_where(conn, "id = ?1", params![id])?
        .into_iter()
        .next())
}

/// The conflicts decided here that the server does not know of yet.
pub fn resolved_unsent(conn: &Connection) -> Result<Vec<Id>> {
    let mut st = conn.prepare(
        "SELECT id FROM sync_conflicts WHERE resolved_at IS NOT NULL AND resolved_sent = 0",
    )?;
    let ids = st
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Notes conflicts as decided on the server (here or on another workstation).
pub fn resolved_on_server(w: &Tx, ids: &[Id]) -> Result<()> {
    for id in ids {
        w.execute(
            "UPDATE sync_conflicts SET resolved_at = coalesce(resolved_at, ?2), resolved_sent = 1 \
             WHERE id = ?1",
            params![id, w.now()],
        )?;
    }
    Ok(())
}

/// The ids of the conflicts still open here.
pub fn open_conflict_ids(conn: &Connection) -> Result<Vec<Id>> {
    let mut st = conn.prepare("SELECT id FROM sync_conflicts WHERE resolved_at IS NULL")?;
    let ids = st
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// The client known as `uuid` here: (id, short name).
pub fn client_named(conn: &Connection, uuid: &str) -> Result<Option<(Id, String)>> {
    Ok(conn
        .prepare_cached("SELECT id, short_name FROM clients WHERE uuid = ?1")?
        .query_row([uuid], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}
