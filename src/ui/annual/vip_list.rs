//! «VIP-список»: the list of a year as the head of the group makes it — proposed from the
//! dossier, each client decided (with the reason where the decision is not the proposal's),
//! approved by the director's order, corrected as a new version — and the two documents for
//! the director. A manager sees the rows of their own clients.

use std::path::Path;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::{Cmd, Doc};
use crate::domain::{Actor, Duty, FieldErrors, Id, fmt};
use crate::i18n::{self as t, Describe as _, Label as _};
use crate::ui::command::{Ask, Command, Cx, Route};
use crate::ui::context::ViewCtx;
use crate::ui::editor::Editor;
use crate::ui::{theme, widgets};
use crate::viplist::documents::{self, Document};
use crate::viplist::{ListHead, ListRow, OrderDraft, Proposal, RowEdit, VipList, lists};

/// The decision on one row, being edited.
#[derive(Debug, Clone)]
pub struct RowForm {
    pub row_id: Id,
    pub client: String,
    pub proposal: Proposal,
    pub vip_before: Option<bool>,
    /// Whether the client is to be in the list.
    pub included: bool,
    pub edit: RowEdit,
    base: (bool, RowEdit),
    pub errors: FieldErrors,
    pub message: Option<String>,
}

impl RowForm {
    fn of(r: &ListRow, e: RowEdit) -> RowForm {
        RowForm {
            row_id: r.id,
            client: r.client_name.clone(),
            proposal: r.proposal,
            vip_before: r.vip_before,
            included: r.is_included(),
            base: (r.is_included(), e.clone()),
            edit: e,
            errors: FieldErrors::new(),
            message: None,
        }
    }

    fn value(&self) -> RowEdit {
        RowEdit {
            decision: if self.included {
                Proposal::Include
            } else {
                Proposal::Exclude
            },
            ..self.edit.clone()
        }
    }
}

impl Editor for RowForm {
    fn is_dirty(&self) -> bool {
        (self.included, &self.edit) != (self.base.0, &self.base.1)
    }
    fn shows(&self, route: &Route) -> bool {
        *route == Route::VipList
    }
    fn save(&mut self, cx: &mut Cx) -> bool {
        match lists::edit_row(cx.db, &cx.actor(), self.row_id, &self.value()) {
            Ok(()) => {
                self.base = (self.included, self.edit.clone());
                cx.info(t::VIP_ROW_DECIDED);
                cx.reload();
                true
            }
            Err(crate::viplist::ListError::Fields(f)) => {
                self.message = Some(t::err_vip_list_fields(&t::fields_sentence(
                    &f,
                    t::vip_list_field,
                )));
                self.errors = f;
                false
            }
            Err(e) => {
                self.message = Some(e.describe());
                false
            }
        }
    }
}

/// An order as typed, with its errors.
#[derive(Debug, Clone, Default)]
pub struct OrderForm {
    pub number: String,
    pub date: String,
    pub errors: FieldErrors,
}

impl OrderForm {
    fn draft(&self) -> OrderDraft {
        OrderDraft {
            number: self.number.clone(),
            date: self.date.clone(),
        }
    }
}

#[derive(Default)]
pub struct VipListScreen {
    pub year: i32,
    pub list: Option<VipList>,
    pub versions: Vec<ListHead>,
    pub actor: Actor,
    pub row: Option<RowForm>,
    pub order: OrderForm,
    pub managers_order: OrderForm,
    pub add_client: Option<Id>,
    pub add_reason: String,
    pub list_path: String,
    pub managers_path: String,
    pub message: Option<String>,
    /// How many of the draft's 12 months have consumption recorded.
    pub months: Option<u32>,
}

/// The year a list is made for on `today`: next year from October, else this year.
pub fn default_year(today: chrono::NaiveDate) -> i32 {
    use chrono::Datelike as _;
    if today.month() >= 10 {
        today.year() + 1
    } else {
        today.year()
    }
}

impl VipListScreen {
    pub fn load(&mut self, cx: &mut Cx) -> anyhow::Result<()> {
        if self.year == 0 {
            self.year = default_year(cx.today());
        }
        self.actor = cx.actor();
        self.versions = lists::versions(cx.db, self.year).map_err(t::err)?;
        self.list = lists::latest(cx.db, &self.actor, self.year).map_err(t::err)?;
        self.months = match &self.list {
            Some(l) if !l.is_frozen() => match (l.window_from, l.window_to) {
                (Some(a), Some(b)) => {
                    Some(crate::viplist::service::months_recorded(cx.db, a, b).map_err(t::err)?)
                }
                _ => None,
            },
            _ => None,
        };
        if self.order.date.is_empty() {
            self.order.date = fmt::date(cx.today());
            self.managers_order.date = fmt::date(cx.today());
        }
        Ok(())
    }

    fn list_id(&self) -> Option<Id> {
        self.list.as_ref().map(|l| l.id)
    }

    /// Applies a service's answer: a field error beside its field, another in the message.
    fn outcome<T>(
        &mut self,
        cx: &mut Cx,
        r: Result<T, crate::viplist::ListError>,
        errors: fn(&mut Self) -> &mut FieldErrors,
        done: impl FnOnce(T) -> String,
    ) -> anyhow::Result<()> {
        match r {
            Ok(v) => {
                errors(self).clear();
                self.message = None;
                cx.info(done(v));
                cx.reload();
                self.load(cx)
            }
            Err(crate::viplist::ListError::Fields(f)) => {
                self.message = Some(crate::viplist::ListError::Fields(f.clone()).describe());
                *errors(self) = f;
                Ok(())
            }
            Err(e) => {
                self.message = Some(e.describe());
                Ok(())
            }
        }
    }

    pub fn apply(&mut self, cmd: Cmd, cx: &mut Cx) -> anyhow::Result<()> {
        let actor = cx.actor();
        let year = self.year;
        match cmd {
            Cmd::VipYear(y) => {
                self.year = y;
                self.row = None;
                self.message = None;
                self.load(cx)?;
            }
            Cmd::Propose => {
                let r = lists::create(cx.db, &actor, year);
                self.outcome(
                    cx,
                    r,
                    |s| &mut s.order.errors,
                    |_| t::vip_list_created(year, 0),
                )?;
                if let Some(l) = &self.list {
                    cx.info(t::vip_list_created(year, l.rows.len()));
                }
            }
            Cmd::OpenRow(id) => {
                let r = self
                    .list
                    .as_ref()
                    .and_then(|l| l.rows.iter().find(|r| r.id == id));
                if let Some(r) = r {
                    let e = lists::row_edit(cx.db, id).map_err(t::err)?;
                    self.row = Some(RowForm::of(r, e));
                }
            }
            Cmd::SaveRow => {
                if let Some(f) = &mut self.row
                    && f.save(cx)
                {
                    self.row = None;
                    self.load(cx)?;
                }
            }
            Cmd::CloseRow => self.row = None,
            Cmd::Approve => {
                if let Some(id) = self.list_id() {
                    let r = lists::record_order(cx.db, &actor, id, &self.order.draft());
                    self.outcome(
                        cx,
                        r,
                        |s| &mut s.order.errors,
                        |n| t::vip_list_approved(year, n),
                    )?;
                }
            }
            Cmd::Correct => {
                if let Some(id) = self.list_id() {
                    let r = lists::correct(cx.db, &actor, id);
                    self.outcome(
                        cx,
                        r,
                        |s| &mut s.order.errors,
                        |_| t::vip_list_correction(year, 0),
                    )?;
                }
            }
            Cmd::DeleteDraft => {
                if let Some(id) = self.list_id() {
                    let r = lists::delete_draft(cx.db, &actor, id);
                    self.outcome(
                        cx,
                        r,
                        |s| &mut s.order.errors,
                        |()| t::VIP_DRAFT_DELETED.into(),
                    )?;
                }
            }
            Cmd::Appoint => {
                if let Some(id) = self.list_id() {
                    let r = lists::record_managers_order(
                        cx.db,
                        &actor,
                        id,
                        &self.managers_order.draft(),
                    );
                    self.outcome(
                        cx,
                        r,
                        |s| &mut s.managers_order.errors,
                        |n| t::managers_appointed(year, n),
                    )?;
                }
            }
            Cmd::AddClient => {
                if let (Some(id), Some(client)) = (self.list_id(), self.add_client) {
                    let r = lists::add_client(cx.db, &actor, id, client, &self.add_reason);
                    self.outcome(
                        cx,
                        r,
                        |s| &mut s.order.errors,
                        |_| t::VIP_CLIENT_ADDED.into(),
                    )?;
                    if self.message.is_none() {
                        self.add_client = None;
                        self.add_reason.clear();
                    }
                }
            }
            Cmd::SetPath(Doc::List, p) => self.list_path = p.display().to_string(),
            Cmd::SetPath(_, p) => self.managers_path = p.display().to_string(),
            Cmd::WriteList(doc) => {
                let (path, which) = match doc {
                    Doc::List => (&self.list_path, Document::List),
                    _ => (&self.managers_path, Document::Managers),
                };
                let path = Path::new(path.trim()).to_path_buf();
                documents::write(cx.db, &actor, year, which, cx.today(), &path).map_err(t::err)?;
                cx.info(t::file_written(&path.display().to_string()));
            }
            _ => {}
        }
        Ok(())
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &ViewCtx) -> Vec<Command> {
        let mut out = Vec::new();
        let may = self.actor.may(Duty::EditVipList);
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.heading(t::vip_list_title(self.year));
            if ui.button("‹").on_hover_text(t::PREV_YEAR).clicked() {
                out.push(Cmd::VipYear(self.year - 1).into());
            }
            if ui.button("›").on_hover_text(t::NEXT_YEAR).clicked() {
                out.push(Cmd::VipYear(self.year + 1).into());
            }
        });
        if let Some(m) = &self.message {
            widgets::message(ui, m);
        }
        let Some(list) = self.list.clone() else {
            ui.label(t::vip_list_none_here(self.year));
            if widgets::permitted_button(ui, egui::Button::new(t::PROPOSE_LIST), may).clicked() {
                out.push(Cmd::Propose.into());
            }
            return out;
        };
        ui.label(
            RichText::new(t::vip_list_state(
                list.year,
                list.version,
                list.is_frozen(),
                &list.order_number,
                &fmt::opt_date(list.order_date),
            ))
            .strong(),
        );
        if self.versions.len() > 1 {
            let older: Vec<String> = self
                .versions
                .iter()
                .filter(|v| v.id != list.id)
                .map(|v| t::version_line(v.version, &v.order_number, &fmt::opt_date(v.order_date)))
                .collect();
            ui.label(RichText::new(older.join("; ")).small().color(theme::MUTED));
        }
        let (coming, going) = list.changes();
        ui.label(t::vip_changes_line(
            list.included().count(),
            list.year - 1,
            coming.len(),
            going.len(),
        ));
        if let Some(m) = self.months.filter(|m| *m < 12) {
            widgets::message(ui, &t::months_missing(m));
        }
        self.documents_ui(ui, may, &mut out);
        if let Some(f) = &mut self.row {
            row_form_ui(ui, f, &mut out);
        }
        self.orders_ui(ui, &list, may, view, &mut out);
        ui.separator();
        rows_table(ui, &list, !list.is_frozen() && may.is_ok(), &mut out);
        out
    }

    fn documents_ui(
        &mut self,
        ui: &mut Ui,
        may: Result<(), crate::domain::Denied>,
        out: &mut Vec<Command>,
    ) {
        let year = self.year;
        for (doc, path, name, button) in [
            (
                Doc::List,
                &mut self.list_path,
                t::vip_list_file(year),
                t::WRITE_VIP_LIST,
            ),
            (
                Doc::Managers,
                &mut self.managers_path,
                t::managers_list_file(year),
                t::WRITE_MANAGERS_LIST,
            ),
        ] {
            ui.push_id(button, |ui| {
                ui.horizontal_wrapped(|ui| {
                    let ask = || Ask::save(name.clone(), move |p| Cmd::SetPath(doc, p).into());
                    out.extend(widgets::path_field(ui, t::PDF_PATH, path, ask));
                    let b = egui::Button::new(button);
                    let r = if may.is_err() {
                        widgets::permitted_button(ui, b, may)
                    } else {
                        ui.add_enabled(!path.trim().is_empty(), b)
                            .on_disabled_hover_text(t::PATH_FIRST)
                    };
                    if r.clicked() {
                        out.push(Cmd::WriteList(doc).into());
                    }
                });
            });
        }
    }

    fn orders_ui(
        &mut self,
        ui: &mut Ui,
        list: &VipList,
        may: Result<(), crate::domain::Denied>,
        view: &ViewCtx,
        out: &mut Vec<Command>,
    ) {
        if !list.is_frozen() {
            egui::CollapsingHeader::new(t::APPROVE_HEADER)
                .default_open(may.is_ok())
                .show(ui, |ui| {
                    order_fields(ui, "order", &mut self.order);
                    ui.horizontal_wrapped(|ui| {
                        let b = egui::Button::new(t::APPROVE_BY_ORDER);
                        if widgets::permitted_button(ui, b, may).clicked() {
                            out.push(Cmd::Approve.into());
                        }
                        let b = egui::Button::new(t::DELETE_DRAFT);
                        if widgets::permitted_button(ui, b, may).clicked() {
                            out.push(Cmd::DeleteDraft.into());
                        }
                    });
                    ui.label(RichText::new(t::APPROVE_HINT).small().color(theme::MUTED));
                });
            if may.is_ok() {
                egui::CollapsingHeader::new(t::ADD_TO_LIST).show(ui, |ui| {
                    let listed: std::collections::HashSet<Id> =
                        list.rows.iter().map(|r| r.client_id).collect();
                    let items: Vec<(Id, String)> = view
                        .clients
                        .iter()
                        .filter(|c| !listed.contains(&c.id))
                        .map(|c| (c.id, c.short_name.clone()))
                        .collect();
                    widgets::form_grid("add_client").show(ui, |ui| {
                        widgets::combo_row(ui, t::F_VIP_CLIENT, &mut self.add_client, &items, None);
                        widgets::text_row(ui, t::F_VIP_REASON, &mut self.add_reason, None);
                    });
                    if ui
                        .add_enabled(
                            self.add_client.is_some(),
                            egui::Button::new(t::ADD_CLIENT_TO_LIST),
                        )
                        .clicked()
                    {
                        out.push(Cmd::AddClient.into());
                    }
                });
            }
            return;
        }
        egui::CollapsingHeader::new(t::MANAGERS_ORDER_HEADER)
            .default_open(may.is_ok() && list.managers_order_number.is_empty())
            .show(ui, |ui| {
                if !list.managers_order_number.is_empty() {
                    ui.label(t::managers_order_state(
                        &list.managers_order_number,
                        &fmt::opt_date(list.managers_order_date),
                    ));
                }
                order_fields(ui, "managers_order", &mut self.managers_order);
                let b = egui::Button::new(t::RECORD_MANAGERS_ORDER);
                if widgets::permitted_button(ui, b, may).clicked() {
                    out.push(Cmd::Appoint.into());
                }
            });
        let latest = self.versions.last().map(|v| v.id) == Some(list.id);
        if latest {
            let b = egui::Button::new(t::CORRECT_LIST);
            if widgets::permitted_button(ui, b, may)
                .on_hover_text(t::CORRECT_HINT)
                .clicked()
            {
                out.push(Cmd::Correct.into());
            }
        }
    }
}

fn order_fields(ui: &mut Ui, id: &str, o: &mut OrderForm) {
    widgets::form_grid(id).show(ui, |ui| {
        widgets::text_row(
            ui,
            t::F_ORDER_NUMBER,
            &mut o.number,
            widgets::err(&o.errors, "order_number"),
        );
        widgets::date_row(
            ui,
            t::F_ORDER_DATE,
            &format!("{id}_date"),
            &mut o.date,
            widgets::err(&o.errors, "order_date"),
        );
    });
}

fn row_form_ui(ui: &mut Ui, f: &mut RowForm, out: &mut Vec<Command>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(t::row_form_title(&f.client, f.proposal.label())).strong());
        ui.horizontal(|ui| {
            ui.radio_value(&mut f.included, true, t::DECISION_IN);
            ui.radio_value(&mut f.included, false, t::DECISION_OUT);
        });
        widgets::form_grid("row_form").show(ui, |ui| {
            widgets::text_row(
                ui,
                t::F_VIP_REASON,
                &mut f.edit.reason,
                widgets::err(&f.errors, "reason"),
            );
            ui.label(t::F_CRITERIA);
            ui.vertical(|ui| {
                ui.checkbox(&mut f.edit.brand, t::CRIT_BRAND);
                ui.horizontal_wrapped(|ui| {
                    ui.checkbox(&mut f.edit.political, t::CRIT_POLITICAL);
                    let l = ui.label(t::F_NOTE);
                    ui.add(
                        egui::TextEdit::singleline(&mut f.edit.political_note).desired_width(220.0),
                    )
                    .labelled_by(l.id);
                });
            });
            ui.end_row();
        });
        ui.label(RichText::new(t::REASON_HINT).small().color(theme::MUTED));
        if let Some(m) = &f.message {
            widgets::message(ui, m);
        }
        ui.horizontal(|ui| {
            if ui.button(t::SAVE_DECISION).clicked() {
                out.push(Cmd::SaveRow.into());
            }
            if ui.button(t::CANCEL).clicked() {
                out.push(Cmd::CloseRow.into());
            }
        });
    });
}

/// The rows: every client of the list with its criteria, last year's status, the proposal and
/// the decision; a draft's rows open for the head's decision.
fn rows_table(ui: &mut Ui, list: &VipList, editable: bool, out: &mut Vec<Command>) {
    let wide = widgets::widen(ui, 1000.0);
    let row_h = theme::ROW_HEIGHT + 4.0;
    TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .column(Column::initial(190.0 * wide).at_least(120.0).clip(true))
        .column(Column::initial(105.0 * wide).clip(true))
        .column(Column::initial(150.0).clip(true))
        .column(Column::initial(40.0))
        .column(Column::remainder().at_least(180.0).clip(true))
        .column(Column::initial(75.0).clip(true))
        .column(Column::initial(100.0).clip(true))
        .column(Column::initial(120.0 * wide).at_least(90.0).clip(true))
        .header(2.0 * theme::ROW_HEIGHT + 8.0, |mut h| {
            for title in [
                t::F_VIP_CLIENT.to_string(),
                t::COL_VIP_DISTRICT.to_string(),
                t::COL_VIP_KWH_SHORT.to_string(),
                t::COL_VIP_YEARS_SHORT.to_string(),
                t::COL_VIP_CRITERIA.to_string(),
                t::col_vip_before(list.year - 1),
                t::COL_PROPOSAL.to_string(),
                t::COL_DECISION.to_string(),
            ] {
                h.col(|ui| {
                    ui.add(egui::Label::new(RichText::new(title).strong()).wrap());
                });
            }
        })
        .body(|body| {
            body.rows(row_h, list.rows.len(), |mut row| {
                let r = &list.rows[row.index()];
                let k = &r.criteria;
                row.col(|ui| {
                    widgets::cell(ui, r.client_name.as_str())
                        .on_hover_text(t::client_with_inn(&r.client_name, &r.inn));
                });
                row.col(|ui| {
                    widgets::cell(ui, r.district.as_str());
                });
                row.col(|ui| {
                    let kwh = match (k.kwh, k.rank) {
                        (Some(v), Some(p)) => {
                            t::kwh_with_place(&fmt::number(v, 0), p, k.district_size)
                        }
                        (Some(v), None) => fmt::number(v, 0),
                        (None, _) => t::NO_CONSUMPTION.to_string(),
                    };
                    widgets::cell(ui, kwh);
                });
                row.col(|ui| {
                    widgets::cell(ui, k.years.map(|y| y.to_string()).unwrap_or_default());
                });
                row.col(|ui| {
                    widgets::cell(
                        ui,
                        crate::viplist::criteria::met_names(k, &r.political_note),
                    );
                });
                row.col(|ui| {
                    widgets::cell(ui, t::vip_before_words(r.vip_before));
                });
                row.col(|ui| {
                    widgets::cell(ui, r.proposal.label());
                });
                row.col(|ui| {
                    let words = documents::decision_words(r);
                    let text = if r.reason.is_empty() {
                        words.to_string()
                    } else {
                        format!("{words}: {}", r.reason)
                    };
                    let tone = if r.decision == r.proposal {
                        RichText::new(text)
                    } else {
                        RichText::new(text).color(theme::ACCENT)
                    };
                    if editable {
                        let b = ui
                            .add(egui::Button::new(tone).truncate())
                            .on_hover_text(t::DECIDE_HINT);
                        let b = b.accessible_name(t::decide_button(&r.client_name));
                        if b.clicked() {
                            out.push(Cmd::OpenRow(r.id).into());
                        }
                    } else {
                        widgets::cell(ui, tone);
                    }
                });
            });
        });
}
