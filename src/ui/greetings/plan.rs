//! The form that plans a gift for a greeting (or records one already handed): the gift, its
//! sum against the limit, the person's ideas never given. A refusal — the same gift given
//! before, over the limit — shows under the field and the form keeps what was typed.

use egui::{RichText, TextEdit, Ui};

use super::Cmd;
use crate::domain::{FieldErrors, Id, fmt};
use crate::greetings::draft::GiftDraft;
use crate::greetings::{GiftIdea, Greeting, Occasion};
use crate::i18n::{self as t, Describe, Label};
use crate::ui::command::{Command, Cx, Route};
use crate::ui::editor::Editor;
use crate::ui::{theme, widgets};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanForm {
    pub person_id: Id,
    pub person: String,
    pub client: String,
    pub occasion: Option<Occasion>,
    pub holiday: String,
    pub date: Option<chrono::NaiveDate>,
    pub limit: Option<f64>,
    /// The gift as typed.
    pub draft: GiftDraft,
    pub ideas: Vec<GiftIdea>,
    /// The fields that do not read, beside each.
    pub errors: FieldErrors,
    /// Why the service refused the gift (given before, over the limit), under the gift.
    pub refused: Option<String>,
    /// A refusal about the amount (over the limit): said beside «Сумма», not under the gift.
    pub refused_amount: Option<String>,
    /// The gift's field took the focus when the form opened.
    pub focused: bool,
}

impl PlanForm {
    pub fn for_greeting(g: &Greeting, ideas: Vec<GiftIdea>) -> PlanForm {
        PlanForm {
            person_id: g.person_id,
            person: g.person.to_string(),
            client: g.client.to_string(),
            occasion: Some(g.occasion),
            holiday: crate::greetings::documents::holiday_words(g.occasion, &g.holiday_name, g.age),
            date: Some(g.date),
            limit: g.limit,
            ideas,
            ..Default::default()
        }
    }

    /// The form as a window over the screen.
    pub fn window(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut out = Vec::new();
        egui::Modal::new(egui::Id::unique("plan_gift")).show(ctx, |ui| {
            // A fixed width: an error line does not widen the dialog under the cursor.
            ui.set_width(560.0);
            ui.heading(t::PLAN_TITLE);
            ui.label(RichText::new(format!("{} — {}", self.person, self.client)).strong());
            ui.label(format!("{}, {}", self.holiday, fmt::opt_date(self.date)));
            if let Some(l) = self.limit {
                ui.label(RichText::new(t::plan_limit(&fmt::money(l))).color(theme::MUTED));
            }
            ui.add_space(6.0);
            self.fields_ui(ui);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(t::PLAN_SAVE).clicked() {
                    out.push(Cmd::SavePlan.into());
                }
                if ui.button(t::CANCEL).clicked() {
                    out.push(Cmd::ClosePlan.into());
                }
            });
        });
        out
    }

    fn fields_ui(&mut self, ui: &mut Ui) {
        egui::Grid::new("plan_fields")
            .num_columns(2)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                let l = ui.label(t::F_GIFT_ITEM);
                ui.vertical(|ui| {
                    let r = ui
                        .add(TextEdit::singleline(&mut self.draft.item).desired_width(360.0))
                        .labelled_by(l.id);
                    if !self.focused {
                        r.request_focus();
                        self.focused = true;
                    }
                    if r.changed() {
                        self.refused = None;
                    }
                    // Its line kept: the dialog does not move under the cursor.
                    let typed = widgets::err(&self.errors, "item").map(|e| e.describe());
                    widgets::message_line(ui, typed.as_deref().or(self.refused.as_deref()));
                });
                ui.end_row();
                let l = ui.label(t::F_GIFT_AMOUNT);
                ui.vertical(|ui| {
                    let r = ui
                        .add(TextEdit::singleline(&mut self.draft.amount).desired_width(120.0))
                        .labelled_by(l.id);
                    if r.changed() {
                        self.refused_amount = None;
                    }
                    // Its line kept: the dialog does not move under the cursor.
                    let typed = widgets::err(&self.errors, "amount").map(|e| e.describe());
                    widgets::message_line(ui, typed.as_deref().or(self.refused_amount.as_deref()));
                });
                ui.end_row();
                ui.label("");
                ui.checkbox(&mut self.draft.handed, t::PLAN_HANDED_NOW);
                ui.end_row();
                if self.draft.handed {
                    for (label, value, key) in [
                        (t::F_HANDED_BY, &mut self.draft.handed_by, "handed_by"),
                        (t::F_HANDED_TO, &mut self.draft.handed_to, "handed_to"),
                    ] {
                        let l = ui.label(label);
                        ui.vertical(|ui| {
                            ui.add(TextEdit::singleline(value).desired_width(360.0))
                                .labelled_by(l.id);
                            widgets::error_text(ui, widgets::err(&self.errors, key));
                        });
                        ui.end_row();
                    }
                }
            });
        // An error goes as soon as its field is right.
        let fresh = self.draft.to_gift(
            self.person_id,
            self.occasion,
            self.date,
            widgets::today_of(ui),
        );
        widgets::forget_fixed(&mut self.errors, fresh);
        let fresh: Vec<&GiftIdea> = self.ideas.iter().filter(|i| !i.given).collect();
        if !fresh.is_empty() {
            ui.label(RichText::new(t::IDEAS_NOT_GIVEN).color(theme::MUTED));
            let mut take = None;
            ui.horizontal_wrapped(|ui| {
                for idea in fresh {
                    if ui
                        .small_button(&idea.item)
                        .on_hover_text(&idea.note)
                        .clicked()
                    {
                        take = Some(idea.item.clone());
                    }
                }
            });
            if let Some(item) = take {
                self.draft.item = item;
                self.refused = None;
            }
        }
    }

    /// Saves through the service; a refusal stays in the form.
    pub fn save(&mut self, cx: &mut Cx) -> bool {
        let gift = match self
            .draft
            .to_gift(self.person_id, self.occasion, self.date, cx.today())
        {
            Ok(g) => g,
            Err(errors) => {
                self.errors = errors;
                return false;
            }
        };
        self.errors.clear();
        match crate::greetings::service::add_gift(cx.db, &cx.actor(), &gift) {
            Ok(_) => {
                cx.info(t::GIFT_PLANNED);
                cx.reload();
                true
            }
            Err(e @ crate::greetings::service::GiftError::OverLimit { .. }) => {
                self.refused_amount = Some(e.describe());
                false
            }
            Err(e) => {
                self.refused = Some(e.describe());
                false
            }
        }
    }
}

impl Editor for PlanForm {
    fn is_dirty(&self) -> bool {
        !self.draft.item.trim().is_empty() || !self.draft.amount.trim().is_empty()
    }
    fn shows(&self, route: &Route) -> bool {
        matches!(
            route,
            Route::Greetings | Route::GiftLimits | Route::Gifts | Route::PersonGifts(_)
        )
    }
    fn save(&mut self, cx: &mut Cx) -> bool {
        PlanForm::save(self, cx)
    }
}

/// The occasion's words for a gift row.
pub fn occasion_words(o: Option<Occasion>) -> &'static str {
    o.map(|o| o.label()).unwrap_or_default()
}
