//! vipdesk: the workstation of the personal managers of VIP clients.
//!
//! The GUI (`ui`), the command line (`cli`), the tests and the benches all call this library.

pub mod cli;
pub mod demo;
pub mod domain;
pub mod exchange;
pub mod i18n;
pub mod letters;
pub mod pdf;
pub mod pixels;
pub mod reports;
pub mod search;
pub mod storage;
pub mod timeline;
pub mod today;
pub mod ui;

/// When and from what this binary was built (set by `build.rs`), shown in «О программе».
pub const BUILD_STAMP: &str = env!("VIPDESK_BUILD_STAMP");
