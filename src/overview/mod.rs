//! The layer above the features: what every feature contributes to «Сегодня» and to a
//! client's timeline, composed in one place through one hook per feature. The window and the
//! command line show the same sections from it. Whose clients the user sees is decided here
//! once, from the acting user ([`Viewer`]), and handed to every hook.

pub mod summary;
pub mod timeline;
pub mod today;

pub use summary::{Count, Group, Summary, detail, summary};
pub use timeline::{Detail, Event, EventKind, Link, timeline};
pub use today::{Action, Line, Section, Target, Today, Tone, Viewer, today};
