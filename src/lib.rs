//! vipdesk: the workstation of the personal managers of VIP clients.
//!
//! The GUI (`ui`), the command line (`cli`), the tests and the benches all call this library.

pub mod domain;
pub mod i18n;
pub mod storage;
