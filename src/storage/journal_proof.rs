//! What `check` proves beyond the journal's own chain (see `journal`), which a script that
//! edits a row and recomputes every hash after it passes:
//!
//! - **The records are as the journal left them.** The journal is replayed, oldest first, into
//!   the last value it wrote for each field of each record; a record whose field now differs
//!   (a direct `UPDATE clients SET inn = …`), or that the journal created and never erased but
//!   is gone, was changed behind the program's back. What the journal never saw (rows loaded
//!   in bulk as demo data, columns added later with their default) is not compared.
//! - **The journal agrees with its copies.** Every backup is a copy of the database with its
//!   own journal: the hash of its last row anchors the chain up to that row. A journal whose
//!   row differs from a copy's was rewritten after the copy was made — unless the database was
//!   restored from a copy in between (a «restore» row), and then the rows before the restore
//!   must agree with the copy.
//!
//! - **No row changed without the program.** The journal head keeps a digest of every
//!   journalled row (the XOR of each row's SHA-256, moved by every write the program makes, and
//!   taken whole after a migration or a bulk load), so a direct change to any row, the demo
//!   data's included, is found even where the journal never saw the record.
//!
//! Neither proves more than its anchors: someone who edits the database, recomputes the chain
//! *and* rewrites every copy in the backups folder the same way is not found (the department
//! server's log is the anchor that no workstation can rewrite).

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension as _};
use serde_json::{Map, Value};
use sha2::{Digest as _, Sha256};

use super::Result;
use super::journal::{Action, ChainProblem, journalled, row_json};
use crate::domain::{Code as _, Id};

/// The digest of one row as the journal's triggers copy it. Not its rowid: a copy made by
/// `encrypt` numbers anew the rows of a table without an `id` (the `id` is in the row).
fn row_digest(table: &str, json: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(table.as_bytes());
    h.update(b"\n");
    h.update(json.as_bytes());
    h.finalize().into()
}

fn xor(into: &mut [u8; 32], d: &[u8; 32]) {
    into.iter_mut().zip(d).for_each(|(a, b)| *a ^= b);
}

fn hex(d: &[u8; 32]) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// The digest of every journalled row as the database holds it now.
pub fn digest_all(conn: &Connection) -> Result<String> {
    let mut d = [0u8; 32];
    for table in journalled(conn)? {
        let json = row_json(conn, &table, &table)?;
        let mut st = conn.prepare(&format!("SELECT {json} FROM {table}"))?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let json: String = r.get(0)?;
            xor(&mut d, &row_digest(&table, &json));
        }
    }
    Ok(hex(&d))
}

/// The digest the journal head keeps (`None`: not taken yet).
pub fn stored_digest(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT rows_digest FROM journal_head WHERE id = 1",
            [],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .filter(|d| !d.is_empty()))
}

/// Takes the digest of every row and keeps it in the journal head.
pub fn store_digest(conn: &Connection) -> Result<()> {
    let d = digest_all(conn)?;
    conn.execute(
        "INSERT INTO journal_head (id, count, hash, rows_digest) VALUES (1, 0, '', ?1) \
         ON CONFLICT (id) DO UPDATE SET rows_digest = excluded.rows_digest",
        [d],
    )?;
    Ok(())
}

/// Moves the kept digest by the rows a write changed (each row before and after, as the
/// triggers copied it). A digest not taken yet stays so.
pub(crate) fn move_digest<'a>(
    conn: &Connection,
    rows: impl Iterator<Item = (&'a str, &'a str)>,
) -> Result<()> {
    let Some(stored) = stored_digest(conn)? else {
        return Ok(());
    };
    let mut d = [0u8; 32];
    for (i, byte) in d.iter_mut().enumerate() {
        *byte = u8::from_str_radix(stored.get(2 * i..2 * i + 2).unwrap_or("00"), 16).unwrap_or(0);
    }
    for (table, json) in rows {
        xor(&mut d, &row_digest(table, json));
    }
    conn.execute(
        "UPDATE journal_head SET rows_digest = ?1 WHERE id = 1",
        [hex(&d)],
    )?;
    Ok(())
}

/// Whether the rows are the ones the program wrote: `Some` when the digest differs.
pub fn verify_digest(conn: &Connection) -> Result<Option<ChainProblem>> {
    let Some(stored) = stored_digest(conn)? else {
        return Ok(None);
    };
    Ok((digest_all(conn)? != stored).then_some(ChainProblem::RowsChanged))
}

/// The last value the journal wrote for each field of a record; `None` once it erased it.
type Fields = Option<Map<String, Value>>;
type Known = HashMap<(String, Id), Fields>;

/// Replays the journal: each record's fields as its last entry left them.
fn replay(conn: &Connection) -> Result<Known> {
    let mut known: Known = HashMap::new();
    let mut st = conn.prepare(
        "SELECT kind, record_id, action, changes FROM journal \
         WHERE record_id IS NOT NULL ORDER BY id",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let (table, id, action, changes): (String, Id, String, String) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        let key = (table, id);
        match Action::from_code(&action) {
            Some(Action::Erase) => {
                known.insert(key, None);
                continue;
            }
            Some(Action::Create) => {
                known.insert(key.clone(), Some(Map::new()));
            }
            _ => {}
        }
        let Ok(Value::Object(changes)) = serde_json::from_str::<Value>(&changes) else {
            continue;
        };
        let fields = known.entry(key).or_default().get_or_insert_with(Map::new);
        for (field, pair) in changes {
            let new = match pair {
                Value::Array(mut pair) if pair.len() == 2 => pair.pop().unwrap_or(Value::Null),
                other => other,
            };
            fields.insert(field, new);
        }
    }
    Ok(known)
}

/// Whether two values of a field are the same: an empty text and nothing are (a new row's
/// empty fields are not journalled).
fn same(journalled: &Value, now: &Value) -> bool {
    let empty = |v: &Value| v.is_null() || v.as_str() == Some("");
    journalled == now || empty(journalled) && empty(now)
}

/// Every journalled record whose row is not as the journal last left it.
pub fn verify_rows(conn: &Connection) -> Result<Vec<ChainProblem>> {
    let known = replay(conn)?;
    let mut by_table: HashMap<&str, Vec<(Id, &Fields)>> = HashMap::new();
    for ((table, id), fields) in &known {
        by_table
            .entry(table.as_str())
            .or_default()
            .push((*id, fields));
    }
    let tables = journalled(conn)?;
    let mut problems = Vec::new();
    for table in tables {
        let Some(records) = by_table.get_mut(table.as_str()) else {
            continue;
        };
        // A table without its own `id` names rows by a rowid a copy may number anew: the
        // digest covers it.
        let has_id: bool = conn.query_row(
            &format!(
                "SELECT count(*) > 0 FROM pragma_table_info('{table}') WHERE name = 'id' AND pk = 1"
            ),
            [],
            |r| r.get(0),
        )?;
        if !has_id {
            continue;
        }
        records.sort_unstable_by_key(|(id, _)| *id);
        let json = row_json(conn, &table, &table)?;
        let mut st = conn.prepare(&format!("SELECT {json} FROM {table} WHERE rowid = ?1"))?;
        for (id, fields) in records.iter() {
            let row: Option<String> = st.query_row([id], |r| r.get(0)).optional()?;
            match (fields, row) {
                (None, None) => {}
                (None, Some(_)) => problems.push(ChainProblem::Unjournalled {
                    table: table.clone(),
                    record: *id,
                    field: String::new(),
                }),
                (Some(_), None) => problems.push(ChainProblem::Gone {
                    table: table.clone(),
                    record: *id,
                }),
                (Some(fields), Some(row)) => {
                    let row: Map<String, Value> = serde_json::from_str(&row).unwrap_or_default();
                    // The first field that differs names the record once.
                    if let Some((field, _)) = fields
                        .iter()
                        .find(|(f, v)| row.get(*f).is_some_and(|now| !same(v, now)))
                    {
                        problems.push(ChainProblem::Unjournalled {
                            table: table.clone(),
                            record: *id,
                            field: field.clone(),
                        });
                    }
                }
            }
        }
    }
    problems.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    Ok(problems)
}

/// When the database was last restored from a copy (UTC stamp), if ever.
pub fn last_restore(conn: &Connection) -> Result<Option<String>> {
    Ok(conn.query_row(
        "SELECT max(at) FROM journal WHERE action = ?1",
        [Action::RestoreBackup.code()],
        |r| r.get(0),
    )?)
}

/// The hash of a journal's row `id` (`None`: no such row, or no journal at all).
fn hash_at(conn: &Connection, id: Id) -> Result<Option<String>> {
    let has_journal: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'journal'",
        [],
        |r| r.get(0),
    )?;
    if !has_journal {
        return Ok(None);
    }
    Ok(conn
        .query_row("SELECT hash FROM journal WHERE id = ?1", [id], |r| r.get(0))
        .optional()?)
}

/// Whether the journal on `conn` agrees with the journal of a copy on `copy` (named `name`):
/// `None` when it does, or the row from which it does not.
pub fn verify_against(
    conn: &Connection,
    copy: &Connection,
    name: &str,
) -> Result<Option<ChainProblem>> {
    let Some((count, hash)): Option<(i64, String)> = copy
        .query_row(
            "SELECT count, hash FROM journal_head WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .ok()
        .flatten()
    else {
        return Ok(None);
    };
    if count == 0 || hash_at(conn, count)?.as_deref() == Some(hash.as_str()) {
        return Ok(None);
    }
    // A restore from a copy since: the rows before it must be the copy's.
    let restored: Option<Id> = conn
        .query_row(
            "SELECT max(id) FROM journal WHERE action = ?1 AND id <= ?2 + 1",
            rusqlite::params![Action::RestoreBackup.code(), count],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    if let Some(r) = restored {
        let before = r - 1;
        if before == 0 || hash_at(conn, before)? == hash_at(copy, before)? {
            return Ok(None);
        }
    }
    Ok(Some(ChainProblem::Rewritten {
        copy: name.to_string(),
        rows: count,
    }))
}
