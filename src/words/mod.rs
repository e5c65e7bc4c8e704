//! Every user-visible word and sentence of vipdesk, in Russian, one file per feature, in one
//! place so that a translation can be added by swapping this folder. These files depend on no
//! feature (only on the formats of `domain::fmt`): features take their document words from
//! here, and `i18n` builds the names of enumerations and the sentences of typed errors from
//! them, at the edge.

pub mod admin;
pub mod appeals;
pub mod cli;
pub mod clients;
pub mod common;
pub mod contacts;
pub mod demo;
pub mod greetings;
pub mod journal;
pub mod letters;
pub mod overview;
pub mod pdf;
pub mod server;
pub mod viplist;

pub use admin::*;
pub use appeals::*;
pub use clients::*;
pub use common::*;
pub use contacts::*;
pub use greetings::*;
pub use journal::*;
pub use letters::*;
pub use overview::*;
pub use viplist::*;
