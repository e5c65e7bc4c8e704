//! Administration: managers, catalogues, the trash, the company settings, the integrity check.

pub mod backups;
pub mod draft;
pub mod identity;
pub mod model;
pub mod service;
mod store;

pub use model::*;
pub use service::AdminError;
