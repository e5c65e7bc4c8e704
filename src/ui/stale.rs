//! A save refused because another instance saved the same record meanwhile, for the editors
//! that save a record whole (manager card, letter draft, report): the user sees what the other
//! instance changed beside their own values, and keeps theirs, takes the saved one, or goes on
//! editing. The dossier merges field by field instead (`clients::merge`).

use crate::domain::merge::Conflict;
use crate::i18n::{self as t, Describe, fields::Field};
use crate::ui::command::Cx;
use crate::ui::widgets::{ConflictAnswer, conflict_modal};

/// The record as saved now by the other instance, and what it changed.
pub struct Stale<T> {
    pub theirs: T,
    pub conflicts: Vec<Conflict>,
}

impl<T> Stale<T> {
    /// `fields` shows a record as its form does.
    pub fn new(base: &T, mine: &T, theirs: T, fields: impl Fn(&T) -> Vec<Field>) -> Self {
        let conflicts = t::fields::changed_by_them(&fields(base), &fields(mine), &fields(&theirs));
        Stale { theirs, conflicts }
    }
}

/// After a save refused because the record changed meanwhile: what the other instance saved
/// (`theirs`, read again) against what the editor loaded (`base`). A failed read is said as a
/// failed save, and the draft stays.
pub fn refused<T, E: Describe>(
    cx: &mut Cx,
    base: Option<&T>,
    mine: &T,
    theirs: Result<T, E>,
    fields: impl Fn(&T) -> Vec<Field>,
) -> Option<Stale<T>> {
    match theirs {
        Ok(theirs) => base.map(|base| Stale::new(base, mine, theirs, fields)),
        Err(e) => {
            cx.error(t::save_failed(&e.describe()));
            None
        }
    }
}

/// Shows «Запись изменилась…» while there is a stale save; once the user answers, returns the
/// answer with the record as saved now (the new base for «keep mine», the record to show for
/// «take theirs»).
pub fn stale_ui<T>(
    ctx: &egui::Context,
    stale: &mut Option<Stale<T>>,
) -> Option<(ConflictAnswer, T)> {
    let answer = conflict_modal(ctx, t::CONFLICT_TEXT_WHOLE, &stale.as_ref()?.conflicts)?;
    stale.take().map(|s| (answer, s.theirs))
}
