//! The SQL of the client aggregate: the list and its look-ups (INN, UUID, phone), the dossier
//! loaded and saved as one unit, and the correspondence records with their files.
//!
//! Saving compares the new dossier with what is stored: new rows are inserted with a fresh UUID,
//! changed rows updated (and only they get a new `updated_at`), rows that disappeared are moved to
//! the trash (soft delete), so nothing the user removed is lost.

use rusqlite::{Connection, OptionalExtension, params};

use super::model::*;
use crate::domain::Id;
use crate::storage::{self, Result, Tx};

mod list;
mod load;
mod records;
mod save;

pub use list::*;
pub use load::*;
pub use records::*;
pub use save::*;

/// The client with this UUID, wherever it is (in the trash too): UUIDs are never reused.
pub fn find_client_by_uuid(conn: &Connection, uuid: &str) -> Result<Option<Id>> {
    Ok(conn
        .query_row("SELECT id FROM clients WHERE uuid = ?1", [uuid], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Who has this phone number: (client id, person id) for an incoming call.
pub fn find_people_by_phone(conn: &Connection, number: &str) -> Result<Vec<(Id, Id)>> {
    let mut st = conn.prepare_cached(
        "SELECT p.client_id, p.id FROM person_phones ph JOIN people p ON p.id = ph.person_id \
         JOIN clients c ON c.id = p.client_id \
         WHERE ph.number = ?1 AND p.deleted_at IS NULL AND c.deleted_at IS NULL",
    )?;
    let rows = st
        .query_map([number], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Moves a client (with its whole dossier) to the trash.
pub fn delete_client(w: &Tx, id: Id) -> Result<()> {
    storage::soft_delete(w, "clients", id)
}

/// Counts of what the database holds, for the status bar and `check`.
/// The ids of the clients not in the trash, as many as can be read, and `false` for «not
/// all»: past damage in the clients' table, the clients other tables name are looked up one by
/// one (a look-up by id may go round the damaged page).
pub fn client_ids_salvaged(conn: &Connection) -> (Vec<Id>, bool) {
    let (mut ids, whole) = ids_readable(
        conn,
        "SELECT id FROM clients WHERE deleted_at IS NULL ORDER BY id",
    );
    if whole {
        return (ids, true);
    }
    for table in [
        "people",
        "letters",
        "appeals",
        "meetings",
        "records",
        "vip_years",
    ] {
        let sql = format!("SELECT DISTINCT client_id FROM {table} WHERE client_id IS NOT NULL");
        ids.extend(ids_readable(conn, &sql).0);
    }
    ids.sort_unstable();
    ids.dedup();
    (ids, false)
}

/// The ids a query gives before it stops at damage, and whether it read to its end.
fn ids_readable(conn: &Connection, sql: &str) -> (Vec<Id>, bool) {
    let mut ids = Vec::new();
    let Ok(mut st) = conn.prepare(sql) else {
        return (ids, false);
    };
    let Ok(mut rows) = st.query([]) else {
        return (ids, false);
    };
    loop {
        match rows.next() {
            Ok(Some(r)) => match r.get(0) {
                Ok(id) => ids.push(id),
                Err(_) => return (ids, false),
            },
            Ok(None) => return (ids, true),
            Err(_) => return (ids, false),
        }
    }
}

pub fn count_clients(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM clients WHERE deleted_at IS NULL",
        [],
        |r| r.get(0),
    )?)
}

/// The live client that has this INN, other than `except`: (id, short name).
pub fn inn_holder(
    conn: &Connection,
    inn: &str,
    except: Option<Id>,
) -> Result<Option<(Id, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, short_name FROM clients WHERE inn = ?1 AND inn <> '' AND deleted_at IS NULL \
             AND (?2 IS NULL OR id <> ?2)",
            params![inn, except],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// A person's name and position (in the trash too), for a line that names them.
pub fn person_brief(conn: &Connection, id: Id) -> Result<Option<Person>> {
    Ok(conn
        .query_row(
            "SELECT surname, name, patronymic, position FROM people WHERE id = ?1",
            [id],
            |r| {
                Ok(Person {
                    id: Some(id),
                    surname: r.get(0)?,
                    name: r.get(1)?,
                    patronymic: r.get(2)?,
                    position: r.get(3)?,
                    ..Default::default()
                })
            },
        )
        .optional()?)
}

/// The short name of a client (in the trash too).
pub fn client_short_name(conn: &Connection, id: Id) -> Result<String> {
    storage::found(
        conn.query_row("SELECT short_name FROM clients WHERE id = ?1", [id], |r| {
            r.get(0)
        }),
        id,
    )
}

/// The personal manager of a client (`None`: nobody yet, or no such client).
pub fn client_manager(conn: &Connection, id: Id) -> Result<Option<Id>> {
    Ok(conn
        .query_row("SELECT manager_id FROM clients WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .flatten())
}

/// The person with this UUID (in the trash too) and its client.
pub fn person_by_uuid(conn: &Connection, uuid: &str) -> Result<Option<(Id, Id)>> {
    Ok(conn
        .query_row(
            "SELECT id, client_id FROM people WHERE uuid = ?1",
            [uuid],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The client a person belongs to.
pub fn person_client(conn: &Connection, id: Id) -> Result<Option<Id>> {
    Ok(conn
        .query_row("SELECT client_id FROM people WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The kind of a client (legal entity, entrepreneur, citizen).
pub fn client_kind(conn: &Connection, id: Id) -> Result<ClientKind> {
    storage::found(
        conn.query_row("SELECT kind FROM clients WHERE id = ?1", [id], |r| {
            storage::code(r, 0)
        }),
        id,
    )
}
