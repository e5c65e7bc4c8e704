//! The snapshot of what a database had before it joined the department's server: every record
//! the server has not had from it, read table by table in rowid order (the clients first: whose
//! a record is, its client's manager says), in chunks the server takes in at once. Nothing is
//! written for it here but how far it has gone: a record sent this way keeps no stamps of its
//! own — it has the snapshot's stamp ([`super::replica_state::stamps`]).

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;
use rusqlite::types::Value as Sql;
use serde_json::Value;

use super::Result;
use super::replica::{LOCAL_SETTINGS, is_local_table, shape, wire_of};
use crate::domain::Id;

/// One record of the snapshot, as it travels.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnRecord {
    pub table: String,
    pub record_uuid: String,
    /// Its fields, a JSON object.
    pub fields: String,
    pub client_uuid: Option<String>,
}

/// The tables a snapshot sends, in the order it sends them: a table after those it refers to
/// (the server keeps the order, and a workstation taking the records in finds each record's
/// references already there).
pub fn own_tables(conn: &Connection) -> Result<Vec<String>> {
    let mut left: Vec<String> = super::journal::journalled(conn)?
        .into_iter()
        .filter(|t| !is_local_table(t))
        .collect();
    left.sort();
    let mut refs: HashMap<String, Vec<String>> = HashMap::new();
    for t in &left {
        let targets = shape(conn, t)?
            .refs
            .values()
            .filter(|target| *target != t && left.contains(target))
            .cloned()
            .collect();
        refs.insert(t.clone(), targets);
    }
    let mut order: Vec<String> = Vec::with_capacity(left.len());
    while !left.is_empty() {
        let ready = left
            .iter()
            .position(|t| refs[t].iter().all(|r| order.contains(r)))
            // A cycle of references: the rest in name order (their records wait for each other).
            .unwrap_or(0);
        order.push(left.remove(ready));
    }
    Ok(order)
}

/// The last row of each table when the workstation joined: the snapshot reads none after it.
/// A table not named (a database that joined before schema 18, or a table made since) is
/// read to its end.
fn own_limits(conn: &Connection) -> Result<HashMap<String, Id>> {
    let mut st = conn.prepare("SELECT tbl, last_rowid FROM sync_own_limits")?;
    let limits = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(limits)
}

fn limit_of(limits: &HashMap<String, Id>, table: &str) -> Id {
    limits.get(table).copied().unwrap_or(Id::MAX)
}

/// How many rows the snapshot reads at most (for a progress bar).
pub fn own_rows(conn: &Connection) -> Result<usize> {
    let limits = own_limits(conn)?;
    let mut n = 0_i64;
    for t in own_tables(conn)? {
        n += conn.query_row(
            &format!("SELECT count(*) FROM {t} WHERE rowid <= ?1"),
            [limit_of(&limits, &t)],
            |r| r.get::<_, i64>(0),
        )?;
    }
    Ok(usize::try_from(n).unwrap_or(0))
}

/// The uuids of a table's rows by id.
type Uuids = HashMap<Id, String>;

/// What a snapshot looks up once and keeps: the uuids of rows by id, the clients of parent
/// records, the records the replica has from the server.
#[derive(Default)]
pub struct OwnCache {
    uuids: HashMap<String, Uuids>,
    clients: HashMap<String, HashMap<Id, Option<Id>>>,
    known: HashMap<String, HashSet<String>>,
}

impl OwnCache {
    fn uuid(&mut self, conn: &Connection, table: &str, id: Id) -> Result<Option<String>> {
        if !self.uuids.contains_key(table) {
            let mut st = conn.prepare(&format!("SELECT id, uuid FROM {table}"))?;
            let map = st
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Uuids>>()?;
            self.uuids.insert(table.to_string(), map);
        }
        Ok(self.uuids.get(table).and_then(|m| m.get(&id)).cloned())
    }

    fn client_through(&mut self, conn: &Connection, parent: &str, id: Id) -> Result<Option<Id>> {
        if !self.clients.contains_key(parent) {
            let mut st = conn.prepare(&format!("SELECT id, client_id FROM {parent}"))?;
            let map = st
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<HashMap<Id, Option<Id>>>>()?;
            self.clients.insert(parent.to_string(), map);
        }
        Ok(self
            .clients
            .get(parent)
            .and_then(|m| m.get(&id))
            .copied()
            .flatten())
    }

    fn known(&mut self, conn: &Connection, table: &str, uuid: &str) -> Result<bool> {
        if !self.known.contains_key(table) {
            let mut st = conn.prepare("SELECT record_uuid FROM sync_stamps WHERE tbl = ?1")?;
            let set = st
                .query_map([table], |r| r.get(0))?
                .collect::<rusqlite::Result<HashSet<String>>>()?;
            self.known.insert(table.to_string(), set);
        }
        Ok(self.known.get(table).is_some_and(|s| s.contains(uuid)))
    }
}

/// Where a snapshot reads: a table's rows after `after`, up to `limit` (see [`own_limits`]).
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub after: Id,
    pub limit: Id,
}

/// The next records of the snapshot in `table` within `span`: up to `max_rows` rows or about
/// `max_bytes` of fields. Returns them and the last rowid read (`None`: the table has no more
/// rows). Records the replica has from the server, or has sent since it joined (it keeps their
/// stamps), and this workstation's own settings are passed by.
pub fn own_chunk(
    conn: &Connection,
    table: &str,
    span: Span,
    max_rows: usize,
    max_bytes: usize,
    cache: &mut OwnCache,
) -> Result<(Vec<OwnRecord>, Option<Id>)> {
    let shape = shape(conn, table)?;
    let names: Vec<&str> = shape.columns.iter().map(|(c, _)| c.as_str()).collect();
    let mut st = conn.prepare_cached(&format!(
        "SELECT rowid, {} FROM {table} WHERE rowid > ?1 AND rowid <= ?2 ORDER BY rowid LIMIT ?3",
        names.join(", ")
    ))?;
    let rows: Vec<(Id, Vec<Sql>)> = st
        .query_map(
            rusqlite::params![span.after, span.limit, max_rows as i64],
            |r| {
                let values = (1..=names.len())
                    .map(|i| r.get::<_, Sql>(i))
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok((r.get(0)?, values))
            },
        )?
        .collect::<rusqlite::Result<_>>()?;
    let parent = super::journal::client_parent(table);
    let mut out = Vec::new();
    let mut last = None;
    let mut bytes = 0;
    for (rid, values) in rows {
        last = Some(rid);
        let wire = wire_of(table, &shape, values, None, &mut |t, id| {
            cache.uuid(conn, t, id)
        })?;
        let Some((uuid, fields, raw)) = wire else {
            continue;
        };
        let local_setting = table == "settings"
            && raw
                .get("key")
                .and_then(Value::as_str)
                .is_some_and(|k| LOCAL_SETTINGS.contains(&k));
        if local_setting || cache.known(conn, table, &uuid)? {
            continue;
        }
        let client = match parent {
            _ if table == "clients" => Some(rid),
            Some((parent, key)) => match raw.get(key).and_then(Value::as_i64) {
                Some(id) => cache.client_through(conn, parent, id)?,
                None => None,
            },
            None => raw.get("client_id").and_then(Value::as_i64),
        };
        let client_uuid = match client {
            Some(id) => cache.uuid(conn, "clients", id)?,
            None => None,
        };
        let fields = Value::Object(fields).to_string();
        bytes += fields.len();
        out.push(OwnRecord {
            table: table.to_string(),
            record_uuid: uuid,
            fields,
            client_uuid,
        });
        if bytes >= max_bytes {
            break;
        }
    }
    Ok((out, last))
}

/// Keeps aside a record of the snapshot the server's rules refused, with the reason.
pub fn refused_own(w: &super::Tx, r: &OwnRecord, reason: &str) -> Result<()> {
    w.execute(
        "INSERT INTO sync_refused (change_uuid, tbl, record_uuid, fields, reason, at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        rusqlite::params![
            uuid::Uuid::new_v4().to_string(),
            r.table,
            r.record_uuid,
            r.fields,
            reason,
            w.now()
        ],
    )?;
    Ok(())
}

/// A chunk of the snapshot: records of one table, and the last rowid read for them.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnChunk {
    pub table: String,
    pub records: Vec<OwnRecord>,
    pub last: Id,
}

/// Reads the snapshot chunk by chunk from where the server's last chunk ended.
pub struct OwnReader {
    tables: Vec<String>,
    limits: HashMap<String, Id>,
    at: usize,
    after: Id,
    cache: OwnCache,
    max_rows: usize,
    max_bytes: usize,
}

impl OwnReader {
    /// From after row `rowid` of `table` (`None`: from the start).
    pub fn new(
        conn: &Connection,
        from: Option<(&str, Id)>,
        max_rows: usize,
        max_bytes: usize,
    ) -> Result<OwnReader> {
        let tables = own_tables(conn)?;
        let (at, after) = from
            .and_then(|(t, r)| Some((tables.iter().position(|x| x == t)?, r)))
            .unwrap_or_default();
        Ok(OwnReader {
            tables,
            limits: own_limits(conn)?,
            at,
            after,
            cache: OwnCache::default(),
            max_rows,
            max_bytes,
        })
    }

    /// The next chunk (`None`: every table read).
    pub fn next_chunk(&mut self, conn: &Connection) -> Result<Option<OwnChunk>> {
        while let Some(table) = self.tables.get(self.at) {
            let span = Span {
                after: self.after,
                limit: limit_of(&self.limits, table),
            };
            let (records, last) = own_chunk(
                conn,
                table,
                span,
                self.max_rows,
                self.max_bytes,
                &mut self.cache,
            )?;
            match last {
                Some(last) => {
                    self.after = last;
                    return Ok(Some(OwnChunk {
                        table: table.clone(),
                        records,
                        last,
                    }));
                }
                None => {
                    self.at += 1;
                    self.after = 0;
                }
            }
        }
        Ok(None)
    }
}
