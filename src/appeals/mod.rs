//! Appeals and complaints («Обращения»): the register with legal deadlines on the production
//! calendar, forwarding, extensions with their notice, replies on the client's channel linked
//! both ways, «Сегодня», the weekly complaints memo.

pub mod call;
pub mod demo;
pub mod draft;
pub mod intake;
mod intake_mime;
pub mod memo;
pub mod model;
pub mod service;
mod store;

pub use model::*;
pub use service::AppealError;
