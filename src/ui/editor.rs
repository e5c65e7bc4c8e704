//! One trait for every editor (the dossier, the letter, the report, and those to come): the
//! shell asks «Сохранить изменения?» before anything leaves an editor with edits, and saves or
//! drops them by the answer — written once, for all.

use super::command::{Cx, Route};

pub trait Editor {
    /// Whether there are edits not saved yet.
    fn is_dirty(&self) -> bool;
    /// Whether going to `route` keeps this editor open (nothing is left).
    fn shows(&self, route: &Route) -> bool;
    /// Saves through the feature's service. On refusal the draft stays as it is, its errors
    /// beside the fields, and the answer is `false`.
    fn save(&mut self, cx: &mut Cx) -> bool;
}
