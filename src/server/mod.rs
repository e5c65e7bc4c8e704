//! The department server (#21): one PostgreSQL that every workstation's replica syncs with.
//!
//! This first step makes the server itself: its schema with append-only migrations of its own
//! (`vipdesk server init`), the users as PostgreSQL roles (`vipdesk server add-user`), and the
//! connection (TLS through rustls, required unless the server is on this machine). The server
//! keeps an append-only log of changes, numbered by the server, and the current state of every
//! record; the sync that fills them comes next.

pub mod conflicts;
pub mod connect;
pub mod model;
pub mod secrets;
pub mod service;
mod store;
pub mod sync;
mod sync_bulk;
mod sync_status;

pub use model::{NewUser, NumberKind, ServerError};
