//! What a workstation knows of its sync without asking the server: `vipdesk sync status`, and
//! what the window's thread looks at.

use super::ServerError;
use crate::storage::{Db, replica};

/// What `sync status` shows.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Status {
    pub joined: bool,
    /// The join went through to its end (what this database had is on the server); `false`
    /// after a join cut short, until the next sync finishes it.
    pub join_finished: bool,
    pub url: Option<String>,
    pub login: Option<String>,
    pub workstation: Option<String>,
    pub cursor: i64,
    pub outbox: i64,
    pub waiting: i64,
    pub conflicts: i64,
    /// Changes the server's rules refused.
    pub refused: i64,
    pub last_sync_at: Option<String>,
    pub last_error: Option<String>,
    pub last_error_at: Option<String>,
}

/// The replica's sync state (read only: no server asked).
pub fn status(db: &Db) -> Result<Status, ServerError> {
    let conn = db.conn();
    let state = replica::state(conn)?;
    Ok(Status {
        joined: state.is_some(),
        join_finished: state.as_ref().is_some_and(|s| s.sent_own),
        url: state.as_ref().map(|s| s.url.clone()),
        login: state.as_ref().map(|s| s.login.clone()),
        workstation: state.as_ref().map(|s| s.node.clone()),
        cursor: state.as_ref().map_or(0, |s| s.cursor),
        outbox: replica::outbox_size(conn)?,
        waiting: replica::waiting_size(conn)?,
        conflicts: replica::open_conflicts(conn)?,
        refused: replica::refused_size(conn)?,
        last_sync_at: state.as_ref().and_then(|s| s.last_sync_at.clone()),
        last_error: state.as_ref().and_then(|s| s.last_error.clone()),
        last_error_at: state.as_ref().and_then(|s| s.last_error_at.clone()),
    })
}

/// What this workstation knows of its server (`None`: it has not joined one).
pub fn joined(db: &Db) -> Result<Option<replica::State>, ServerError> {
    Ok(replica::state(db.conn())?)
}

/// How many changes wait to be sent (the window's thread looks every second).
pub fn waiting_to_send(db: &Db) -> Result<i64, ServerError> {
    Ok(replica::outbox_size(db.conn())?)
}
