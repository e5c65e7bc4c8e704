//! The production calendar as the office keeps it: the shipped official calendar
//! ([`crate::domain::calendar`]) with the administrator's corrections stored in the database.
//! Appeals count their terms on it; greetings will move gifts by it.

pub mod service;
mod store;

pub use crate::domain::calendar::*;
