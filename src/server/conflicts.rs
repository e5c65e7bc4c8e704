//! «Конфликты синхронизации»: a field changed on two workstations since their common version.
//! The record holds the later value; the user sees both and decides: keep it, or take the
//! other (a new edit of this workstation, which then wins everywhere). The decision reaches the
//! server and every workstation that shows the conflict.

use serde_json::Value;

use super::ServerError;
use crate::domain::{Actor, Id};
use crate::storage::replica::{self, Conflict};
use crate::storage::{Db, replica_apply};

/// The field of a conflict that says an edit of a frozen record (a registered letter, a
/// submitted report) became a new version: the kept value is the record, the other the new
/// version (uuids).
pub const VERSION: &str = "$version";

/// The field of a conflict that is the record's erasure (kept: «true» erased, «false» not).
pub const ERASURE: &str = crate::storage::replica::DELETED;

/// Which of the two values the user keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// The value the record holds (the later one).
    Kept,
    /// The other value: it goes into the record as a new edit.
    Lost,
}

/// A conflict as the window shows it: what record, the client it belongs to here.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub conflict: Conflict,
    /// The client here (id, short name), when the record is a client's.
    pub client: Option<(Id, String)>,
    /// The column the field is here (`None`: the record's erasure, or a field this version
    /// does not have).
    pub column: Option<String>,
}

/// The conflicts waiting for a decision, oldest first.
pub fn open(db: &Db) -> Result<Vec<Shown>, ServerError> {
    let conn = db.conn();
    replica::conflicts(conn)?
        .into_iter()
        .map(|conflict| {
            let client = match &conflict.client_uuid {
                Some(u) => replica::client_named(conn, u)?,
                None => None,
            };
            let column = replica::column_of(conn, &conflict.table, &conflict.field)?;
            Ok(Shown {
                conflict,
                client,
                column,
            })
        })
        .collect()
}

/// A stored value (JSON) as a value; none: null.
pub fn value(stored: Option<&str>) -> Value {
    stored
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or(Value::Null)
}

/// Decides conflict `id`: a manager the conflicts of their own clients, the head any.
pub fn decide(db: &mut Db, actor: &Actor, id: Id, choice: Choice) -> Result<(), ServerError> {
    let Some(k) = replica::conflict(db.conn(), id)? else {
        return Err(ServerError::NoConflict(id));
    };
    let client = match &k.client_uuid {
        Some(u) => replica::client_named(db.conn(), u)?.map(|(id, _)| id),
        None => None,
    };
    // A new version made of an edit of a frozen record is there to be seen: nothing to take.
    let choice = if k.field == VERSION {
        Choice::Kept
    } else {
        choice
    };
    db.write(actor, |w| {
        if let Some(c) = client {
            crate::clients::service::check_own(w, c)?;
        }
        if choice == Choice::Lost
            && let Err(e) = replica_apply::set_field(
                w,
                &k.table,
                &k.record_uuid,
                &k.field,
                &value(k.lost.as_deref()),
            )?
        {
            return Err(ServerError::Undecidable(e.0));
        }
        replica::resolve_conflict(w, id)?;
        Ok(())
    })
}
