//! Contacts with the clients: reports of calls and meetings with their next steps, the contact
//! rhythm of the standard, «Сегодня», the contact report of a period.

pub mod demo;
pub mod draft;
pub mod model;
pub mod report;
pub mod service;
mod store;
pub mod today;

pub use model::*;
pub use service::ContactsError;
