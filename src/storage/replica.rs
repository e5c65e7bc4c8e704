//! The workstation's side of the department's sync (#21): what the replica keeps about the
//! server, and the outbox filled from the journal.
//!
//! Once a workstation has joined a server (`sync_state` holds one row), every row change the
//! journal notes in a write becomes, in the same transaction, an outbox entry: the record's
//! uuid, its table, the changed fields with their new values (references as the uuids of the
//! records they point to, a file's bytes in base64), the hybrid logical clock stamp of the
//! change and, per field, the stamp of the version it was changed from (the base the server
//! compares with). Records are known across replicas by uuid: tables without one (the links
//! between records, the settings) by a uuid derived from their key.
//!
//! A change applied from the server ([`super::replica_apply`]) writes no outbox entry: its
//! journal rows carry the workstation it came from and its author.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use base64::Engine as _;
use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OptionalExtension as _, params};
use serde_json::{Map, Value};

pub use super::replica_state::*;
pub(crate) use super::replica_state::{
    clock, keep_clock, keep_stamps, millis_of, stamp_of, stamps,
};
use super::{Result, Tx};
use crate::domain::Id;

/// Tables that stay on the workstation: the passwords, the runs of a merge, the local number
/// counters, the journal, the sync's own bookkeeping, the full-text index.
pub(crate) fn is_local_table(table: &str) -> bool {
    matches!(
        table,
        "credentials"
            | "merges"
            | "letter_counters"
            | "appeal_counters"
            | "journal"
            | "journal_head"
    ) || table.starts_with("sync_")
        || table.starts_with("appeals_fts")
}

/// Settings of this workstation only: where its backups go, how its users prove who they are.
pub(crate) const LOCAL_SETTINGS: &[&str] = &["backups", "identity"];

/// The stamp of a record's erasure, among its fields' stamps.
pub(crate) const DELETED: &str = "$deleted";

/// Columns that never travel: the local row number and version, the bookkeeping the applying
/// replica writes itself, a merge run (local).
const UNSENT: &[&str] = &[
    "id",
    "uuid",
    "row_version",
    "author_id",
    "updated_at",
    "merge_id",
];

/// The namespace of the uuids derived from a record's key (links, settings).
const KEY_NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6a1c_5e2d_8f0b_4c7e_9d21_3b5a_7c90_e4f1);

/// What a table looks like, for the sync: its columns, key, references.
#[derive(Debug)]
pub(crate) struct Shape {
    pub columns: Vec<(String, String)>,
    pub has_uuid: bool,
    /// The key columns of a table without a uuid.
    pub key: Vec<String>,
    /// Reference column → the table it points to.
    pub refs: HashMap<String, String>,
    /// Travelling name → the column it stands for (the columns that travel), worked out once:
    /// a first sync looks up every field of 900,000 records.
    by_wire: HashMap<String, String>,
}

/// The name a column travels under: a reference `client_id` as `client_uuid`.
fn wire_name_of(refs: &HashMap<String, String>, column: &str) -> String {
    if refs.contains_key(column) {
        match column.strip_suffix("_id") {
            Some(base) => format!("{base}_uuid"),
            None => format!("{column}_uuid"),
        }
    } else {
        column.to_string()
    }
}

impl Shape {
    fn new(
        columns: Vec<(String, String)>,
        key: Vec<String>,
        refs: HashMap<String, String>,
    ) -> Shape {
        let by_wire = columns
            .iter()
            .filter(|(c, _)| !UNSENT.contains(&c.as_str()))
            .map(|(c, _)| (wire_name_of(&refs, c), c.clone()))
            .collect();
        Shape {
            has_uuid: columns.iter().any(|(c, _)| c == "uuid"),
            columns,
            key,
            refs,
            by_wire,
        }
    }

    /// The name a column travels under: a reference `client_id` as `client_uuid`.
    pub fn wire_name(&self, column: &str) -> String {
        wire_name_of(&self.refs, column)
    }

    /// The column a travelling name stands for (`None`: this version has no such column).
    pub fn column(&self, wire: &str) -> Option<&str> {
        self.by_wire.get(wire).map(String::as_str)
    }

    pub fn is_blob(&self, column: &str) -> bool {
        self.columns
            .iter()
            .any(|(c, t)| c == column && t.eq_ignore_ascii_case("BLOB"))
    }

    pub fn has(&self, column: &str) -> bool {
        self.columns.iter().any(|(c, _)| c == column)
    }
}

/// The shape of `table`, read once per process (a joined replica has the latest schema).
pub(crate) fn shape(conn: &Connection, table: &str) -> Result<Arc<Shape>> {
    static SHAPES: OnceLock<Mutex<HashMap<String, Arc<Shape>>>> = OnceLock::new();
    let shapes = SHAPES.get_or_init(Default::default);
    if let Some(s) = shapes
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(table)
    {
        return Ok(s.clone());
    }
    let mut st = conn.prepare(&format!("PRAGMA main.table_info({table})"))?;
    let info: Vec<(String, String, i64)> = st
        .query_map([], |r| Ok((r.get(1)?, r.get(2)?, r.get(5)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut key: Vec<(i64, String)> = info
        .iter()
        .filter(|(_, _, pk)| *pk > 0)
        .map(|(c, _, pk)| (*pk, c.clone()))
        .collect();
    key.sort();
    // A phone is the person's first, second… number: its place in the list is its key.
    if table == "person_phones" {
        key = vec![(1, "person_id".into()), (2, "sort".into())];
    }
    let mut st = conn.prepare(&format!("PRAGMA main.foreign_key_list({table})"))?;
    let refs: HashMap<String, String> = st
        .query_map([], |r| Ok((r.get::<_, String>(3)?, r.get::<_, String>(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let shape = Arc::new(Shape::new(
        info.into_iter().map(|(c, t, _)| (c, t)).collect(),
        key.into_iter().map(|(_, c)| c).collect(),
        refs,
    ));
    shapes
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(table.to_string(), shape.clone());
    Ok(shape)
}

/// The uuid of row `id` of `table` (`None`: no such row).
pub(crate) fn uuid_of(conn: &Connection, table: &str, id: Id) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(&format!("SELECT uuid FROM {table} WHERE id = ?1"))?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// The local id of the record of `table` known as `uuid`.
pub(crate) fn id_of(conn: &Connection, table: &str, uuid: &str) -> Result<Option<Id>> {
    Ok(conn
        .prepare_cached(&format!("SELECT id FROM {table} WHERE uuid = ?1"))?
        .query_row([uuid], |r| r.get(0))
        .optional()?)
}

/// Finds the uuid of a row of a table by its id (`None`: no such row).
pub(crate) type Resolve<'a> = dyn FnMut(&str, Id) -> Result<Option<String>> + 'a;

/// A column's local value as it travels (a reference as its record's uuid, found by
/// `resolve`; `None` for a reference whose record is not here).
fn to_wire(shape: &Shape, column: &str, v: Sql, resolve: &mut Resolve) -> Result<Value> {
    if let (Some(target), Sql::Integer(id)) = (shape.refs.get(column), &v) {
        return Ok(resolve(target, *id)?.map_or(Value::Null, Value::String));
    }
    Ok(match v {
        Sql::Null => Value::Null,
        Sql::Integer(i) => Value::from(i),
        Sql::Real(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        Sql::Text(s) => Value::String(s),
        Sql::Blob(b) => {
            let mut o = Map::new();
            o.insert(
                "b64".into(),
                Value::String(base64::engine::general_purpose::STANDARD.encode(b)),
            );
            Value::Object(o)
        }
    })
}

/// The uuid of a record of a table without one: derived from its key as it travels.
pub(crate) fn derived_uuid(table: &str, key: &[Value]) -> String {
    let text: Vec<String> = key
        .iter()
        .map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect();
    uuid::Uuid::new_v5(
        &KEY_NAMESPACE,
        format!("{table}:{}", text.join(":")).as_bytes(),
    )
    .to_string()
}

/// A row read for the outbox: its uuid, the fields that travel, and the row as the journal's
/// trigger copies it (ids as numbers, to find its client).
pub(crate) type WireRow = (String, Map<String, Value>, Map<String, Value>);

/// One local row as it travels: the wire fields of `columns` (all when `None`) and its uuid.
fn wire_row(
    conn: &Connection,
    table: &str,
    shape: &Shape,
    rid: Id,
    columns: Option<&BTreeSet<String>>,
) -> Result<Option<WireRow>> {
    let names: Vec<&str> = shape.columns.iter().map(|(c, _)| c.as_str()).collect();
    let row: Option<Vec<Sql>> = conn
        .prepare_cached(&format!(
            "SELECT {} FROM {table} WHERE rowid = ?1",
            names.join(", ")
        ))?
        .query_row([rid], |r| {
            (0..names.len())
                .map(|i| r.get::<_, Sql>(i))
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .optional()?;
    let Some(row) = row else { return Ok(None) };
    wire_of(table, shape, row, columns, &mut |t, id| {
        uuid_of(conn, t, id)
    })
}

/// A row's values (`shape`'s columns, in order) as it travels: see [`wire_row`].
pub(crate) fn wire_of(
    table: &str,
    shape: &Shape,
    row: Vec<Sql>,
    columns: Option<&BTreeSet<String>>,
    resolve: &mut Resolve,
) -> Result<Option<WireRow>> {
    let names: Vec<&str> = shape.columns.iter().map(|(c, _)| c.as_str()).collect();
    let mut fields = Map::new();
    let mut raw = Map::new();
    let mut key = Vec::new();
    let mut own_uuid = None;
    for (name, v) in names.iter().zip(row) {
        match &v {
            Sql::Integer(i) => {
                raw.insert((*name).to_string(), Value::from(*i));
            }
            Sql::Text(t) => {
                raw.insert((*name).to_string(), Value::String(t.clone()));
            }
            _ => {}
        }
        if *name == "uuid" {
            if let Sql::Text(u) = &v {
                own_uuid = Some(u.clone());
            }
            continue;
        }
        let wanted = !UNSENT.contains(name) && columns.is_none_or(|c| c.contains(*name));
        let is_key = shape.key.iter().any(|k| k == name);
        if !wanted && !is_key {
            continue;
        }
        let value = to_wire(shape, name, v, resolve)?;
        if is_key {
            key.push(value.clone());
        }
        if wanted || (is_key && !shape.has_uuid) {
            fields.insert(shape.wire_name(name), value);
        }
    }
    let uuid = match own_uuid {
        Some(u) => u,
        None if shape.has_uuid => return Ok(None),
        None => derived_uuid(table, &key),
    };
    Ok(Some((uuid, fields, raw)))
}

/// The record uuid and key fields of a row erased in this write, from its last values as the
/// journal's trigger copied them (`None`: what it pointed to is gone as well).
fn erased_row(
    conn: &Connection,
    table: &str,
    shape: &Shape,
    old: &Map<String, Value>,
) -> Result<Option<(String, Map<String, Value>)>> {
    if shape.has_uuid {
        return Ok(old
            .get("uuid")
            .and_then(Value::as_str)
            .map(|u| (u.to_string(), Map::new())));
    }
    let mut fields = Map::new();
    let mut key = Vec::new();
    for k in &shape.key {
        let v = match (old.get(k), shape.refs.get(k)) {
            (Some(Value::Number(n)), Some(target)) => match n.as_i64() {
                Some(id) => match uuid_of(conn, target, id)? {
                    Some(u) => Value::String(u),
                    None => return Ok(None),
                },
                None => return Ok(None),
            },
            (Some(v), _) => v.clone(),
            (None, _) => return Ok(None),
        };
        key.push(v.clone());
        fields.insert(shape.wire_name(k), v);
    }
    Ok(Some((derived_uuid(table, &key), fields)))
}

/// A row change as the journal's trigger noted it, parsed.
pub(crate) struct Noted<'a> {
    pub table: &'a str,
    pub rid: Option<Id>,
    pub op: &'a str,
    pub old: &'a Map<String, Value>,
    pub new: &'a Map<String, Value>,
}

/// What one record went through in a write.
#[derive(Default)]
struct Touched {
    created: bool,
    erased: bool,
    columns: BTreeSet<String>,
    old: Map<String, Value>,
}

/// Whether changes are being applied from the server (no outbox entry for them).
pub(crate) fn applying(conn: &Connection) -> Result<Option<(String, Option<Id>)>> {
    Ok(conn
        .prepare_cached("SELECT workstation, author_id FROM temp.sync_origin LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Turns the row changes of a write into outbox entries, once the workstation has joined.
pub(crate) fn capture(w: &Tx, notes: &[Noted]) -> Result<()> {
    let Some(state) = state(w)? else {
        return Ok(());
    };
    if applying(w)?.is_some() {
        return Ok(());
    }
    let mut order: Vec<(&str, Id)> = Vec::new();
    let mut touched: HashMap<(&str, Id), Touched> = HashMap::new();
    for n in notes {
        let Some(rid) = n.rid else { continue };
        if is_local_table(n.table) {
            continue;
        }
        if n.table == "settings" {
            let key = n.new.get("key").or_else(|| n.old.get("key"));
            if key
                .and_then(Value::as_str)
                .is_some_and(|k| LOCAL_SETTINGS.contains(&k))
            {
                continue;
            }
        }
        let t = touched.entry((n.table, rid)).or_insert_with(|| {
            order.push((n.table, rid));
            Touched::default()
        });
        match n.op {
            "i" => {
                t.created = true;
                t.erased = false;
            }
            "d" => {
                t.erased = true;
                if t.old.is_empty() {
                    t.old = n.old.clone();
                }
            }
            _ => {
                for (k, v) in n.new {
                    if n.old.get(k) != Some(v) {
                        t.columns.insert(k.clone());
                    }
                }
            }
        }
    }
    emit(w, &state, order, touched)?;
    Ok(())
}

/// Writes the outbox entries of the records a write touched, in order.
fn emit<'a>(
    w: &Tx,
    state: &State,
    order: Vec<(&'a str, Id)>,
    mut touched: HashMap<(&'a str, Id), Touched>,
) -> Result<usize> {
    if order.is_empty() {
        return Ok(0);
    }
    let mut clock = clock(w, &state.node)?;
    let millis = millis_of(w.now());
    let author = match w.author() {
        Some(id) => uuid_of(w, "managers", id)?,
        None => None,
    };
    // The changes of one record in this write, by its uuid: a row of a list erased and
    // written anew (the phones of a person saved) is one change of the same record.
    let mut entries: Vec<Pending> = Vec::new();
    let mut index: HashMap<(&str, String), usize> = HashMap::new();
    for (table, rid) in order {
        let Some(t) = touched.remove(&(table, rid)) else {
            continue;
        };
        if t.created && t.erased {
            continue;
        }
        let shape = shape(w, table)?;
        let (record, fields, deleted, row) = if t.erased {
            match erased_row(w, table, &shape, &t.old)? {
                Some((u, f)) => (u, f, true, t.old),
                None => continue,
            }
        } else {
            // While the snapshot of what the database had is going up, a record the server
            // may not have yet goes whole.
            let whole = t.created || !state.sent_own;
            let columns = (!whole).then_some(&t.columns);
            match wire_row(w, table, &shape, rid, columns)? {
                Some((u, mut f, raw)) => {
                    if !t.created && !state.sent_own && known(w, table, &u)? {
                        let changed: BTreeSet<String> =
                            t.columns.iter().map(|c| shape.wire_name(c)).collect();
                        let keys: BTreeSet<String> =
                            shape.key.iter().map(|k| shape.wire_name(k)).collect();
                        f.retain(|k, _| {
                            changed.contains(k) || (!shape.has_uuid && keys.contains(k))
                        });
                    }
                    (u, f, false, raw)
                }
                None => continue,
            }
        };
        match index.get(&(table, record.clone())) {
            Some(&i) => {
                let e = &mut entries[i];
                if deleted {
                    e.deleted = true;
                    e.fields = fields;
                } else {
                    e.deleted = false;
                    e.fields.extend(fields);
                    e.row = row;
                    e.rid = rid;
                }
            }
            None => {
                index.insert((table, record.clone()), entries.len());
                entries.push(Pending {
                    table,
                    rid,
                    record,
                    fields,
                    deleted,
                    row,
                });
            }
        }
    }
    let mut written = 0;
    for Pending {
        table,
        rid,
        record,
        fields,
        deleted,
        row,
    } in entries
    {
        if fields.is_empty() && !deleted {
            continue;
        }
        let stamp = clock.tick(millis).to_string();
        // The version it was changed from: every field's stamp as this replica held it (the
        // server tells a concurrent change, or an edit of a record deleted meanwhile, by it).
        let mut stamps = stamps(w, table, &record)?;
        let bases = stamps.clone();
        for f in fields.keys() {
            stamps.insert(f.clone(), Value::String(stamp.clone()));
        }
        if deleted {
            stamps.insert(DELETED.into(), Value::String(stamp.clone()));
        }
        keep_stamps(w, table, &record, &stamps)?;
        let client = if table == "clients" {
            Some(record.clone())
        } else {
            match super::journal::client_of(w, table, Some(rid), &row)? {
                Some(id) => uuid_of(w, "clients", id)?,
                None => None,
            }
        };
        w.prepare_cached(
            "INSERT INTO sync_outbox (change_uuid, tbl, record_uuid, fields, bases, deleted, \
             stamp, client_uuid, author_uuid, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            uuid::Uuid::new_v4().to_string(),
            table,
            record,
            Value::Object(fields).to_string(),
            Value::Object(bases).to_string(),
            deleted,
            stamp,
            client,
            author,
            w.now()
        ])?;
        written += 1;
    }
    keep_clock(w, &clock)?;
    Ok(written)
}

/// One record's change in a write, before it goes into the outbox.
struct Pending<'a> {
    table: &'a str,
    rid: Id,
    record: String,
    fields: Map<String, Value>,
    deleted: bool,
    row: Map<String, Value>,
}

/// Whether the replica has the record from the server (it holds stamps for it).
pub(crate) fn known(conn: &Connection, table: &str, uuid: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT count(*) > 0 FROM sync_stamps WHERE tbl = ?1 AND record_uuid = ?2")?
        .query_row([table, uuid], |r| r.get(0))?)
}

/// Every record this replica holds as it travels, by (table, uuid): two replicas that took in
/// the same changes hold the same snapshot (what tests and `sync status` compare).
pub fn snapshot(
    conn: &Connection,
) -> Result<std::collections::BTreeMap<(String, String), Map<String, Value>>> {
    let mut out = std::collections::BTreeMap::new();
    for table in super::journal::journalled(conn)? {
        if is_local_table(&table) {
            continue;
        }
        let shape = shape(conn, &table)?;
        let mut st = conn.prepare(&format!("SELECT rowid FROM {table}"))?;
        let rids: Vec<Id> = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for rid in rids {
            if let Some((uuid, fields, raw)) = wire_row(conn, &table, &shape, rid, None)? {
                if table == "settings"
                    && raw
                        .get("key")
                        .and_then(Value::as_str)
                        .is_some_and(|k| LOCAL_SETTINGS.contains(&k))
                {
                    continue;
                }
                out.insert((table.clone(), uuid), fields);
            }
        }
    }
    Ok(out)
}

/// The local row of the record `uuid` of `table` (a table without uuids: found by the uuid
/// its key makes, row by row — a conflict's record, rarely).
pub(crate) fn rowid_of(conn: &Connection, table: &str, uuid: &str) -> Result<Option<Id>> {
    let shape = shape(conn, table)?;
    if shape.has_uuid {
        return Ok(conn
            .prepare_cached(&format!("SELECT rowid FROM {table} WHERE uuid = ?1"))?
            .query_row([uuid], |r| r.get(0))
            .optional()?);
    }
    let mut st = conn.prepare(&format!("SELECT rowid FROM {table}"))?;
    let rids: Vec<Id> = st
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for rid in rids {
        let none = BTreeSet::new();
        if let Some((u, _, _)) = wire_row(conn, table, &shape, rid, Some(&none))?
            && u == uuid
        {
            return Ok(Some(rid));
        }
    }
    Ok(None)
}

/// The column of `table` a travelling field name stands for (`None`: none here).
pub fn column_of(conn: &Connection, table: &str, wire: &str) -> Result<Option<String>> {
    if is_local_table(table) || wire == DELETED {
        return Ok(None);
    }
    if !table_exists(conn, table)? {
        return Ok(None);
    }
    Ok(shape(conn, table)?.column(wire).map(str::to_string))
}

/// Every field of row `rid` of `table` as it travels.
pub(crate) fn wire_fields(
    conn: &Connection,
    table: &str,
    rid: Id,
) -> Result<Option<Map<String, Value>>> {
    let shape = shape(conn, table)?;
    Ok(wire_row(conn, table, &shape, rid, None)?.map(|(_, f, _)| f))
}

/// Whether this database has `table` (a record of a newer version's table is passed by). A
/// table found is remembered for the process, as its shape is.
pub(crate) fn table_exists(conn: &Connection, table: &str) -> Result<bool> {
    static FOUND: OnceLock<Mutex<BTreeSet<String>>> = OnceLock::new();
    let found = FOUND.get_or_init(Default::default);
    if found
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .contains(table)
    {
        return Ok(true);
    }
    let exists: bool = conn
        .prepare_cached(
            "SELECT count(*) > 0 FROM main.sqlite_master WHERE type = 'table' AND name = ?1",
        )?
        .query_row([table], |r| r.get(0))?;
    if exists {
        found
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(table.to_string());
    }
    Ok(exists)
}
