//! The clients and their dossiers: the list with its instant search, the dossier editor's
//! drafts, import and export.

pub mod demo;
pub mod draft;
pub mod exchange;
pub mod merge;
pub mod model;
pub mod people_exchange;
pub mod search;
pub mod service;
mod store;
pub mod table_file;

pub use model::*;
pub use service::ClientsError;
