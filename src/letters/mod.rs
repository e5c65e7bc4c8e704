//! Outgoing letters on the company letterhead: drafts from templates, the exact preview and PDF,
//! registration with never-reused numbers, the status flow, the mail merge, the courier sheet.

pub mod compose;
pub mod draft;
pub mod merge;
pub mod model;
pub mod service;
pub mod store;
pub mod template;

pub use model::*;
pub use service::LetterError;
pub use template::TemplateError;
