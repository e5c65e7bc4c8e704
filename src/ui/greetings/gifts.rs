//! «Подарки»: the gifts of a period with where each order stands (черновик → согласован →
//! передан АХС → закуплен → вручён), «заказать до» with late ones in red, the hand-over
//! (date, by whom, to whom), the order to the administrative sector as a PDF, the planned gifts
//! whose regulation changed, and the year's spending against the limits.

use egui::{RichText, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};

use super::Cmd;
use crate::domain::{Code as _, FieldErrors, Id, fmt};
use crate::greetings::draft::HandoverDraft;
use crate::greetings::tasks::{Change, Spending};
use crate::greetings::{GiftRow, GiftStatus};
use crate::i18n::{self as t, Label};
use crate::ui::command::{Command, Route};
use crate::ui::{theme, widgets};

#[derive(Default)]
pub struct GiftsScreen {
    /// A read is under way: nothing is said to be empty meanwhile.
    pub reading: bool,
    /// Who works: approving an order is the head's.
    pub actor: crate::domain::Actor,
    /// Where the order's PDF is written.
    pub path: String,
    pub from: String,
    pub to: String,
    pub status: Option<GiftStatus>,
    pub only_mine: bool,
    pub rows: Vec<GiftRow>,
    /// The period's fields that do not read.
    pub errors: FieldErrors,
    pub changes: Vec<(GiftRow, Change)>,
    pub handover: Option<HandoverForm>,
    pub year: i32,
    pub spending: Vec<Spending>,
    /// Why «Подарки» could not be read.
    pub failed: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct HandoverForm {
    pub id: Id,
    pub what: String,
    /// The day, who handed, to whom, as typed.
    pub draft: HandoverDraft,
    /// The fields that do not read, beside each.
    pub errors: FieldErrors,
    /// Why the service refused the hand-over.
    pub refused: Option<String>,
}

impl GiftsScreen {
    pub fn shown(&self) -> Vec<&GiftRow> {
        self.rows
            .iter()
            .filter(|r| self.status.is_none_or(|s| r.gift.status == s))
            .collect()
    }

    pub fn ui(&mut self, ui: &mut Ui, today: chrono::NaiveDate) -> Vec<Command> {
        let mut out = Vec::new();
        ui.add_space(6.0);
        ui.heading(t::GIFTS_TITLE);
        if let Some(e) = &self.failed {
            widgets::message(ui, e);
        }
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(t::F_FROM);
            widgets::date_input(ui, "gifts_from", &mut self.from, Some(l.id));
            let l = ui.label(t::F_TO);
            widgets::date_input(ui, "gifts_to", &mut self.to, Some(l.id));
            if ui.button(t::SHOW).clicked() {
                out.push(Cmd::GiftsFilter.into());
            }
            egui::ComboBox::from_label(t::F_GIFT_STATUS)
                .selected_text(self.status.map_or(t::STATUS_ALL, |s| s.label()))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.status, None, t::STATUS_ALL);
                    for s in <GiftStatus as crate::domain::Code>::ALL {
                        ui.selectable_value(&mut self.status, Some(*s), s.label());
                    }
                });
            if ui.checkbox(&mut self.only_mine, t::ONLY_MINE).changed() {
                out.push(Cmd::GiftsFilter.into());
            }
        });
        out.extend(super::file_row(
            ui,
            &mut self.path,
            t::ORDER_PDF_NAME,
            super::Screen::Gifts,
        ));
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(
                    !self.path.trim().is_empty(),
                    egui::Button::new(t::ORDER_PDF),
                )
                .on_hover_text(t::ORDER_PDF_HINT)
                .on_disabled_hover_text(t::PATH_FIRST)
                .clicked()
            {
                let target = crate::files::document_target(&self.path, "pdf", t::ORDER_FILE);
                out.push(Cmd::OrderPdf(target).into());
            }
        });
        widgets::error_text(ui, widgets::err(&self.errors, "from"));
        widgets::error_text(ui, widgets::err(&self.errors, "to"));
        egui::ScrollArea::vertical()
            .id_salt("gifts_page")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.changes_ui(ui, &mut out);
                self.table_ui(ui, today, &mut out);
                ui.add_space(10.0);
                self.spending_ui(ui, &mut out);
            });
        if let Some(h) = &mut self.handover {
            handover_window(ui.ctx(), h, &mut out);
        }
        out
    }

    fn changes_ui(&self, ui: &mut Ui, out: &mut Vec<Command>) {
        if self.changes.is_empty() {
            return;
        }
        ui.label(
            RichText::new(t::CHANGES_TITLE)
                .strong()
                .color(theme::WARNING),
        );
        for (r, c) in &self.changes {
            let text = match c {
                Change::Category { was, now } => t::change_category(
                    &r.person,
                    &r.gift.item,
                    &was.map_or(t::NO_CATEGORY.to_string(), |c| c.to_string()),
                    &now.map_or(t::NO_CATEGORY.to_string(), |c| c.to_string()),
                ),
                Change::Strategic { now, .. } => t::change_strategic(&r.person, &r.gift.item, *now),
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(text).color(theme::WARNING));
                if ui.small_button(t::OPEN_DOSSIER).clicked() {
                    out.push(Command::Open(Route::Client(
                        r.client_id,
                        crate::ui::clients::Tab::People,
                    )));
                }
            });
        }
        ui.add_space(6.0);
    }

    fn table_ui(&self, ui: &mut Ui, today: chrono::NaiveDate, out: &mut Vec<Command>) {
        let shown = self.shown();
        if shown.is_empty() {
            if !self.reading {
                ui.label(RichText::new(t::NO_GIFTS).color(theme::MUTED));
            }
            return;
        }
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        let height = (ui.available_height() - 40.0).max(row_h * 6.0);
        let k = widgets::widen(ui, 1040.0);
        TableBuilder::new(ui)
            .id_salt("gifts_table")
            .striped(true)
            .max_scroll_height(height)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::exact(76.0))
            .column(Column::remainder().at_least(70.0).clip(true))
            .column(Column::remainder().at_least(90.0).clip(true))
            .column(Column::remainder().at_least(90.0).clip(true))
            .column(Column::exact(84.0))
            .column(Column::exact(150.0 * k).clip(true))
            .column(Column::exact(172.0).clip(true))
            .column(Column::exact(196.0).clip(true))
            .header(row_h, |mut h| {
                for c in [
                    t::GCOL_DATE,
                    t::GCOL_HOLIDAY,
                    t::GCOL_PERSON,
                    t::GCOL_GIFT,
                    t::GCOL_AMOUNT,
                    t::F_GIFT_STATUS,
                    t::GCOL_ORDER_BY,
                    "",
                ] {
                    h.col(|ui| {
                        ui.strong(c);
                    });
                }
            })
            .body(|body| {
                body.rows(row_h, shown.len(), |mut row| {
                    let r = shown[row.index()];
                    let g = &r.gift;
                    row.col(|ui| {
                        ui.label(fmt::opt_date(g.holiday_date));
                    });
                    row.col(|ui| {
                        let o = g.occasion.map_or(String::new(), |o| {
                            crate::greetings::documents::holiday_words(o, &r.holiday_name, None)
                        });
                        ui.add(
                            egui::Label::new(&o)
                                .truncate()
                                .show_tooltip_when_elided(false),
                        )
                        .on_hover_text(&o);
                    });
                    row.col(|ui| {
                        let whole = format!("{} — {}", r.person, r.client);
                        if widgets::person_link(ui, &r.person, &whole) {
                            out.push(Command::Open(Route::PersonGifts(g.person_id)));
                        }
                    });
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(&g.item)
                                .truncate()
                                .show_tooltip_when_elided(false),
                        )
                        .on_hover_text(&g.item);
                    });
                    row.col(|ui| {
                        let over = matches!((g.amount, r.limit), (Some(a), Some(l)) if a > l);
                        let text = RichText::new(g.amount.map(fmt::money).unwrap_or_default());
                        ui.label(if over { text.color(theme::ERROR) } else { text });
                    });
                    row.col(|ui| {
                        let text = match (g.status, g.handed_on) {
                            (GiftStatus::Handed, Some(d)) => {
                                t::gift_handed(&fmt::date(d), &g.handed_by)
                            }
                            (s, _) => s.label().to_string(),
                        };
                        ui.add(
                            egui::Label::new(&text)
                                .truncate()
                                .show_tooltip_when_elided(false),
                        )
                        .on_hover_text(format!(
                            "{text}{}",
                            if g.handed_to.is_empty() {
                                String::new()
                            } else {
                                format!(" → {}", g.handed_to)
                            }
                        ));
                    });
                    row.col(|ui| {
                        if let Some(by) = r.order_by
                            && g.status.before_order()
                        {
                            let late = by < today;
                            let text = RichText::new(t::order_by_words(&fmt::date(by), late));
                            widgets::cell(ui, if late { text.color(theme::ERROR) } else { text });
                        } else if g.status != GiftStatus::Handed
                            && let Some(by) = r.hand_by
                        {
                            widgets::cell(
                                ui,
                                RichText::new(t::hand_by_words(&fmt::date(by))).color(
                                    if by < today {
                                        theme::ERROR
                                    } else {
                                        theme::MUTED
                                    },
                                ),
                            );
                        }
                    });
                    row.col(|ui| {
                        let Some(id) = g.id else { return };
                        if let Some(next) = g.status.next() {
                            let label = t::next_step_button(next.code());
                            // Approving is the head's; the other steps, the client's manager's.
                            let own = self.actor.may_act_for(r.manager_id);
                            let may = if next == GiftStatus::Approved {
                                self.actor.may(crate::domain::Duty::ApproveGifts)
                            } else {
                                own
                            };
                            let button = egui::Button::new(label).small();
                            if widgets::permitted_button(ui, button, may)
                                .accessible_name(format!("{label}: {}", g.item))
                                .clicked()
                            {
                                out.push(Cmd::Advance(id).into());
                            }
                            let delete = egui::Button::new(t::DELETE_PLAN).small();
                            if widgets::permitted_button(ui, delete, own).clicked() {
                                out.push(Cmd::DeleteGift(id).into());
                            }
                        }
                    });
                });
            });
    }

    fn spending_ui(&self, ui: &mut Ui, out: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.label(RichText::new(t::SPENDING_TITLE).strong());
            if ui.small_button("‹").clicked() {
                out.push(Cmd::SpendingYear(self.year - 1).into());
            }
            ui.label(RichText::new(self.year.to_string()).strong());
            if ui.small_button("›").clicked() {
                out.push(Cmd::SpendingYear(self.year + 1).into());
            }
        });
        if self.spending.is_empty() {
            if !self.reading {
                ui.label(RichText::new(t::NO_SPENDING).color(theme::MUTED));
            }
            return;
        }
        let totals = crate::greetings::tasks::totals_by_category(&self.spending);
        egui::Grid::new("spending_totals")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                for h in ["", t::SPENT, t::PLANNED, t::LIMIT_SUM] {
                    ui.strong(h);
                }
                ui.end_row();
                for (i, (spent, planned, limit)) in totals.iter().enumerate() {
                    if *spent == 0.0 && *planned == 0.0 {
                        continue;
                    }
                    let c = if i < 3 {
                        t::category_row(i as u8 + 1)
                    } else {
                        t::NO_CATEGORY.to_string()
                    };
                    ui.label(t::spending_total(&c));
                    ui.label(fmt::money(*spent));
                    ui.label(fmt::money(*planned));
                    let text = RichText::new(fmt::money(*limit));
                    ui.label(if spent + planned > *limit {
                        text.color(theme::ERROR)
                    } else {
                        text
                    });
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        TableBuilder::new(ui)
            .id_salt("spending_table")
            .striped(true)
            .max_scroll_height(row_h * 14.0)
            .column(Column::remainder().at_least(160.0).clip(true))
            .column(Column::remainder().at_least(140.0).clip(true))
            .column(Column::exact(40.0))
            .column(Column::exact(60.0))
            .column(Column::exact(100.0))
            .column(Column::exact(100.0))
            .column(Column::exact(110.0))
            .header(row_h, |mut h| {
                for c in [
                    t::GCOL_PERSON,
                    t::GCOL_CLIENT,
                    t::GCOL_CATEGORY,
                    t::GIFTS_N,
                    t::SPENT,
                    t::PLANNED,
                    t::LIMIT_SUM,
                ] {
                    h.col(|ui| {
                        ui.strong(c);
                    });
                }
            })
            .body(|body| {
                body.rows(row_h, self.spending.len(), |mut row| {
                    let s = &self.spending[row.index()];
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(&s.person)
                                .truncate()
                                .show_tooltip_when_elided(false),
                        )
                        .on_hover_text(&s.person);
                    });
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(&s.client)
                                .truncate()
                                .show_tooltip_when_elided(false),
                        )
                        .on_hover_text(&s.client);
                    });
                    row.col(|ui| {
                        ui.label(s.category.map(|c| c.to_string()).unwrap_or_default());
                    });
                    row.col(|ui| {
                        ui.label(s.gifts.to_string());
                    });
                    row.col(|ui| {
                        ui.label(fmt::money(s.spent));
                    });
                    row.col(|ui| {
                        ui.label(fmt::money(s.planned));
                    });
                    row.col(|ui| {
                        let text = RichText::new(fmt::money(s.limit));
                        ui.label(if s.over() {
                            text.color(theme::ERROR)
                        } else {
                            text
                        })
                        .on_hover_text(if s.over() {
                            t::OVER_LIMIT
                        } else {
                            ""
                        });
                    });
                });
            });
    }
}

fn handover_window(ctx: &egui::Context, h: &mut HandoverForm, out: &mut Vec<Command>) {
    egui::Modal::new(egui::Id::unique("handover")).show(ctx, |ui| {
        // A fixed width, and a line kept under each field for its error: nothing moves under
        // the cursor when one appears.
        ui.set_width(520.0);
        ui.heading(t::HANDOVER_TITLE);
        ui.label(&h.what);
        egui::Grid::new("handover_grid")
            .num_columns(2)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                let l = ui.label(t::F_HANDED_ON);
                ui.vertical(|ui| {
                    widgets::date_input(ui, "handed_on", &mut h.draft.on, Some(l.id));
                    let e = widgets::err(&h.errors, "on").map(t::describe);
                    widgets::message_line(ui, e.as_deref());
                });
                ui.end_row();
                for (label, value, key) in [
                    (t::F_HANDED_BY, &mut h.draft.by, "by"),
                    (t::F_HANDED_TO, &mut h.draft.to, "to"),
                ] {
                    let l = ui.label(label);
                    ui.vertical(|ui| {
                        ui.add(TextEdit::singleline(value).desired_width(340.0))
                            .labelled_by(l.id);
                        let e = widgets::err(&h.errors, key).map(t::describe);
                        widgets::message_line(ui, e.as_deref());
                    });
                    ui.end_row();
                }
            });
        widgets::forget_fixed(&mut h.errors, h.draft.to_value());
        ui.horizontal(|ui| {
            if ui.button(t::HANDOVER_SAVE).clicked() {
                out.push(Cmd::SaveHandover.into());
            }
            if ui.button(t::CANCEL).clicked() {
                out.push(Cmd::CloseHandover.into());
            }
        });
        // Below the buttons: they stay under the cursor when it appears.
        widgets::message_line(ui, h.refused.as_deref());
    });
}
