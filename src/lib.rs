//! vipdesk: the workstation of the personal managers of VIP clients.
//!
//! A feature is a folder with its model and drafts (plain types), its store (the SQL of its
//! aggregate) and its service (the rules that need the database); the GUI (`ui`), the command
//! line (`cli`), the tests and the benches all call the services.

pub mod admin;
pub mod appeals;
pub mod calendar;
pub mod cli;
pub mod clients;
pub mod contacts;
pub mod demo;
pub mod domain;
pub mod entry;
pub mod files;
pub mod greetings;
pub mod i18n;
pub mod letters;
pub mod overview;
pub mod pdf;
pub mod pixels;
pub mod server;
pub mod storage;
pub mod ui;
pub mod viplist;
#[cfg(windows)]
pub mod winshell;
pub mod wiring;

pub mod words;

/// When and from what this binary was built (set by `build.rs`), shown in «О программе».
pub const BUILD_STAMP: &str = env!("VIPDESK_BUILD_STAMP");
