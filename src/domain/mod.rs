//! Plain types and rules: no egui, no rusqlite. Pure and unit-tested.

pub mod contacts;
pub mod draft;
pub mod fmt;
pub mod holidays;
pub mod letter;
pub mod model;
pub mod names;
pub mod typography;
pub mod validate;
