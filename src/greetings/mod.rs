//! The greetings and gifts regulation (the seed's «Регламент поздравлений VIP-клиентов»): who is
//! greeted on which holiday, who calls, who hands the gift and when, by when the gift is
//! ordered, within which limit.

pub mod demo;
pub mod documents;
pub mod draft;
pub mod model;
pub mod schedule;
pub mod service;
mod store;
pub mod tasks;

pub use model::*;
