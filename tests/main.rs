//! The integration tests: one binary (linking the program once), a module per feature. A demo
//! database is made once per run and copied into each test that needs one
//! ([`common::demo_db`]).
// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used)]

mod common;

mod appeals;
mod architecture;
mod backups;
mod cli;
mod contacts;
mod disk;
mod encryption;
mod file_modes;
mod greetings;
mod gui;
mod hostile;
mod identity;
mod journal;
mod letters;
mod merge_safety;
mod migrations;
mod opening;
mod overview;
mod pdf;
mod people;
mod privacy;
mod roles;
mod safety;
mod server;
mod settings;
mod storage;
mod sync;
mod sync_guard;
mod viplist;
mod windows;
