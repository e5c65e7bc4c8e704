//! Outgoing letters on the company letterhead: drafts from templates, the exact preview and PDF,
//! registration with never-reused numbers, the status flow, the mail merge, the courier sheet.

pub mod compose;
pub mod demo;
pub mod draft;
pub mod merge;
pub mod model;
pub mod service;
mod store;
pub mod template;

pub use model::*;
pub use service::LetterError;
pub use template::TemplateError;
