//! The server's schema and its SQL.
//!
//! Migrations are append-only, numbered from 1, each applied in its own transaction with its
//! number recorded in `server_migrations`; a server newer than this program is refused.

use super::ServerError;

mod annual;
mod migrations;
mod snapshot;
mod trust;
use migrations::MIGRATIONS;

/// The schema version this program makes.
pub fn latest() -> i32 {
    MIGRATIONS.len() as i32
}

/// The server's schema version (0: a database vipdesk has not set up).
pub fn version(c: &mut postgres::Client) -> Result<i32, ServerError> {
    c.batch_execute(
        "CREATE TABLE IF NOT EXISTS server_migrations (
             version INTEGER PRIMARY KEY,
             applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    )?;
    let row = c.query_one(
        "SELECT COALESCE(max(version), 0) FROM server_migrations",
        &[],
    )?;
    Ok(row.get(0))
}

/// The server's schema version as a user reads it (no table made; 0 when there is none).
pub fn version_read(c: &mut postgres::Client) -> Result<i32, ServerError> {
    match c.query_one(
        "SELECT COALESCE(max(version), 0) FROM server_migrations",
        &[],
    ) {
        Ok(row) => Ok(row.get(0)),
        // undefined_table: a database `server init` has not been run on.
        Err(e) if e.code() == Some(&postgres::error::SqlState::UNDEFINED_TABLE) => Ok(0),
        Err(e) => Err(e.into()),
    }
}

/// Whether a server of schema `found` is one this program works with: a newer one asks for a
/// newer vipdesk, an older one for `server init`.
pub fn ready(found: i32) -> Result<(), ServerError> {
    let latest = latest();
    match found.cmp(&latest) {
        std::cmp::Ordering::Equal => Ok(()),
        std::cmp::Ordering::Greater => Err(ServerError::TooNew {
            found,
            known: latest,
        }),
        std::cmp::Ordering::Less => Err(ServerError::NotReady { found, latest }),
    }
}

/// Applies the migrations the server lacks, each in its own transaction, and returns the
/// versions (before, after). Two administrators at once: the second waits on the lock and
/// finds nothing left to do.
pub fn migrate(c: &mut postgres::Client) -> Result<(i32, i32), ServerError> {
    let before = version(c)?;
    if before > latest() {
        return Err(ServerError::TooNew {
            found: before,
            known: latest(),
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        let v = i as i32 + 1;
        let mut tx = c.transaction()?;
        tx.batch_execute("LOCK TABLE server_migrations IN EXCLUSIVE MODE")?;
        let done: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM server_migrations WHERE version = $1)",
                &[&v],
            )?
            .get(0);
        if !done {
            tx.batch_execute(sql)?;
            tx.execute("INSERT INTO server_migrations (version) VALUES ($1)", &[&v])?;
        }
        tx.commit()?;
    }
    Ok((before, version(c)?))
}

/// Creates the user's PostgreSQL role (able to log in, in the group role `vipdesk_users`) and
/// records which manager they are, in one transaction.
pub fn add_user(
    c: &mut postgres::Client,
    login: &str,
    password: &str,
    manager_uuid: &str,
    head: bool,
) -> Result<(), ServerError> {
    let mut tx = c.transaction()?;
    let taken: bool = tx
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
            &[&login],
        )?
        .get(0);
    if taken {
        return Err(ServerError::LoginTaken(login.to_string()));
    }
    tx.batch_execute(
        "DO $$ BEGIN
             IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vipdesk_users') THEN
                 CREATE ROLE vipdesk_users NOLOGIN;
             END IF;
         END $$",
    )?;
    // The name and the password quoted by the server itself (%I, %L).
    let create: String = tx
        .query_one(
            "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE vipdesk_users', $1::text, $2::text)",
            &[&login, &password],
        )?
        .get(0);
    tx.batch_execute(&create)?;
    tx.execute(
        "INSERT INTO users (login, manager_uuid, head) VALUES ($1, $2::text::uuid, $3)",
        &[&login, &manager_uuid, &head],
    )?;
    tx.commit()?;
    Ok(())
}

/// The next number of `kind` for `year`, from the server's counter.
pub fn next_number(c: &mut postgres::Client, kind: &str, year: i32) -> Result<i64, ServerError> {
    Ok(
        c.query_one("SELECT vipdesk_next_number($1, $2)", &[&kind, &year])?
            .get(0),
    )
}

/// A block of `size` numbers of `kind` for `year` leased to the workstation `ws` (its uuid):
/// (first, last).
pub fn lease_block(
    c: &mut postgres::Client,
    kind: &str,
    year: i32,
    size: i32,
    ws: &str,
) -> Result<(i64, i64), ServerError> {
    let row = c.query_one(
        "SELECT first_number, last_number FROM vipdesk_lease_block($1, $2, $3, $4::text::uuid)",
        &[&kind, &year, &size, &ws],
    )?;
    Ok((row.get(0), row.get(1)))
}

/// Who the connected user is on the server: (their manager's uuid, head of the group, the
/// server's own uuid); `None`: not a user of this server.
pub fn whoami(c: &mut postgres::Client) -> Result<Option<(String, bool, String)>, ServerError> {
    Ok(c.query_opt(
        "SELECT manager_uuid::text, head, server::text FROM vipdesk_whoami()",
        &[],
    )?
    .map(|r| (r.get(0), r.get(1), r.get(2))))
}

/// Sends a batch of changes (a JSON array, see `vipdesk_push_batch`) in one transaction: all
/// of them are on the server, or none. Returns the changes the server's rules refused
/// (change uuid, reason): the others went in.
pub fn push_batch(
    c: &mut postgres::Client,
    workstation: &str,
    changes: &serde_json::Value,
) -> Result<Pushed, ServerError> {
    let mut tx = c.transaction()?;
    let refused: String = tx
        .query_one(
            "SELECT vipdesk_push_batch($1::text::uuid, $2::text::jsonb)::text",
            &[&workstation, &changes.to_string()],
        )?
        .get(0);
    tx.commit()?;
    Ok(answered(&refused, "change"))
}

/// Sends a chunk of a workstation's snapshot (records the server has not had from it, all
/// with the snapshot's `stamp`), staged with COPY and taken in by `vipdesk_push_snapshot` in
/// one transaction. In the answer, the refused are (record uuid, reason).
pub fn push_snapshot(
    c: &mut postgres::Client,
    workstation: &str,
    stamp: &str,
    records: &[crate::storage::replica_own::OwnRecord],
) -> Result<Pushed, ServerError> {
    use std::io::Write as _;
    let batch = uuid::Uuid::new_v4().to_string();
    let mut text = Vec::with_capacity(records.iter().map(|r| r.fields.len() + 120).sum());
    for (n, r) in records.iter().enumerate() {
        let client = r.client_uuid.as_deref().unwrap_or("\\N");
        text.extend_from_slice(
            format!("{batch}\t{n}\t{}\t{}\t", r.table, r.record_uuid).as_bytes(),
        );
        copy_escape(&mut text, &r.fields);
        text.extend_from_slice(format!("\t{client}\n").as_bytes());
    }
    let mut tx = c.transaction()?;
    let mut w =
        tx.copy_in("COPY incoming (batch, n, tbl, record_uuid, fields, client_uuid) FROM STDIN")?;
    w.write_all(&text)
        .map_err(|e| ServerError::Server(e.to_string()))?;
    w.finish()?;
    let answer: String = tx
        .query_one(
            "SELECT vipdesk_push_snapshot($1::text::uuid, $2::text::uuid, $3)::text",
            &[&workstation, &batch, &stamp],
        )?
        .get(0);
    tx.commit()?;
    Ok(answered(&answer, "record"))
}

/// A text as a column of COPY's text format.
fn copy_escape(out: &mut Vec<u8>, text: &str) {
    for b in text.bytes() {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => out.push(b),
        }
    }
}

/// The server's answer to a batch or a snapshot's chunk (`key`: what names a refused one).
fn answered(answer: &str, key: &str) -> Pushed {
    let answer: serde_json::Value = serde_json::from_str(answer).unwrap_or_default();
    let refused = answer
        .get("refused")
        .and_then(serde_json::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|r| {
                    Some((
                        r.get(key)?.as_str()?.to_string(),
                        r.get("reason")?.as_str()?.to_string(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let seq = |k: &str| {
        answer
            .get(k)
            .and_then(serde_json::Value::as_i64)
            .unwrap_or(0)
    };
    Pushed {
        refused,
        before: seq("before"),
        after: seq("after"),
        merged: answer
            .get("merged")
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(true),
    }
}

/// What the server answered to a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pushed {
    /// The changes its rules refused: (change uuid, reason).
    pub refused: Vec<(String, String)>,
    /// The last change before the batch, and the last of it.
    pub before: i64,
    pub after: i64,
    /// The batch made a conflict or a new version (the records are not as sent).
    pub merged: bool,
}

/// The moves of clients between managers after `after` the user may see:
/// (seq, client, from manager, to manager).
pub fn moves_after(c: &mut postgres::Client, after: i64) -> Result<Vec<Move>, ServerError> {
    Ok(c.query(
        "SELECT seq, client_uuid::text, from_manager::text, to_manager::text FROM moves
         WHERE seq > $1 ORDER BY seq",
        &[&after],
    )?
    .iter()
    .map(|r| Move {
        seq: r.get(0),
        client: r.get(1),
        from: r.get(2),
        to: r.get(3),
    })
    .collect())
}

/// A client given from one manager to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    pub seq: i64,
    pub client: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// One record as the server holds it, for a workstation's pull.
#[derive(Debug, Clone)]
pub struct Pulled {
    pub table: String,
    pub record_uuid: String,
    pub fields: String,
    pub stamps: String,
    pub deleted: bool,
    pub seq: i64,
    pub author_uuid: Option<String>,
    pub workstation: Option<String>,
}

/// What a pull reads: the records the user may see whose last change is after a cursor (all
/// those of its change and before taken in), or after a (seq, table, uuid) reached within a
/// pull, oldest first. (The log is read only from the cursor on: a merge join from its start
/// made each page cost as much as the whole log before it.)
fn pull_sql(within: bool) -> String {
    let after = if within {
        "(r.last_seq, r.tbl, r.record_uuid) > ($1, $2, $3::text::uuid)"
    } else {
        "r.last_seq > $1"
    };
    format!(
        "SELECT r.tbl, r.record_uuid::text, r.fields::text, r.stamps::text, r.deleted,
                r.last_seq, ch.author_uuid::text, ch.workstation::text
         FROM records r LEFT JOIN changes ch ON ch.seq = r.last_seq AND ch.seq >= $1
         WHERE {after}
         ORDER BY r.last_seq, r.tbl, r.record_uuid"
    )
}

fn pulled(r: &postgres::Row) -> Pulled {
    Pulled {
        table: r.get(0),
        record_uuid: r.get(1),
        fields: r.get(2),
        stamps: r.get(3),
        deleted: r.get(4),
        seq: r.get(5),
        author_uuid: r.get(6),
        workstation: r.get(7),
    }
}

/// One page of the records changed after the change `cursor`, or after the record (table,
/// uuid) of it, oldest first.
pub fn pull_page(
    c: &mut postgres::Client,
    cursor: i64,
    within: Option<(&str, &str)>,
    limit: i64,
) -> Result<Vec<Pulled>, ServerError> {
    let rows = match within {
        Some((table, uuid)) => c.query(
            &format!("{} LIMIT $4", pull_sql(true)),
            &[&cursor, &table, &uuid, &limit],
        )?,
        None => c.query(&format!("{} LIMIT $2", pull_sql(false)), &[&cursor, &limit])?,
    };
    Ok(rows.iter().map(pulled).collect())
}

/// Every record changed after the change `cursor`, oldest first, handed to `each` as the
/// server sends them (one query: the server reads on while the workstation takes them in).
pub fn pull_all(
    c: &mut postgres::Client,
    cursor: i64,
    each: &mut dyn FnMut(Pulled) -> Result<(), ServerError>,
) -> Result<(), ServerError> {
    use postgres::fallible_iterator::FallibleIterator as _;
    let mut rows = c.query_raw(&pull_sql(false), [cursor])?;
    while let Some(row) = rows.next()? {
        each(pulled(&row))?;
    }
    Ok(())
}

/// The conflicts the user may see after `after`, oldest first.
pub fn conflicts_after(
    c: &mut postgres::Client,
    after: i64,
) -> Result<Vec<crate::storage::replica::Conflict>, ServerError> {
    let rows = c.query(
        "SELECT id, tbl, record_uuid::text, field, kept::text, kept_stamp, lost::text, lost_stamp,
                client_uuid::text
         FROM conflicts WHERE id > $1 ORDER BY id LIMIT 5000",
        &[&after],
    )?;
    Ok(rows
        .iter()
        .map(|r| crate::storage::replica::Conflict {
            id: r.get(0),
            table: r.get(1),
            record_uuid: r.get(2),
            field: r.get(3),
            kept: r.get(4),
            kept_stamp: r.get(5),
            lost: r.get(6),
            lost_stamp: r.get(7),
            client_uuid: r.get(8),
            resolved_at: None,
        })
        .collect())
}

/// Moves the server's counter of `kind` for `year` to at least `at_least` (numbers a joining
/// workstation gave before it joined).
pub fn raise_counter(
    c: &mut postgres::Client,
    kind: &str,
    year: i32,
    at_least: i64,
) -> Result<(), ServerError> {
    c.execute(
        "SELECT vipdesk_raise_counter($1, $2, $3)",
        &[&kind, &year, &at_least],
    )?;
    Ok(())
}

/// Marks conflicts decided on this workstation as decided on the server.
pub fn resolve_conflicts(c: &mut postgres::Client, ids: &[i64]) -> Result<(), ServerError> {
    let mut tx = c.transaction()?;
    for id in ids {
        tx.execute("SELECT vipdesk_resolve_conflict($1)", &[id])?;
    }
    tx.commit()?;
    Ok(())
}

/// Which of the conflicts `ids` were decided on the server (on another workstation).
pub fn resolved_among(c: &mut postgres::Client, ids: &[i64]) -> Result<Vec<i64>, ServerError> {
    Ok(c.query(
        "SELECT id FROM conflicts WHERE id = ANY($1) AND resolved_at IS NOT NULL",
        &[&ids],
    )?
    .iter()
    .map(|r| r.get(0))
    .collect())
}
