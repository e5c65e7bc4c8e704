//! `vip-list propose`: the proposed VIP list of a year.

use std::process::ExitCode;

use std::path::Path;

use chrono::NaiveDate;
use clap::Subcommand;

use super::{Out, Place};
use crate::domain::{Code as _, Id, fmt};
use crate::i18n::{self as t, Label as _};
use crate::viplist::{OrderDraft, Proposal, RowEdit, documents, lists, service};

#[derive(Debug, Subcommand)]
pub enum VipListCommand {
    /// The proposed list of a year: this year's VIP clients and the clients whose volume
    /// qualifies, with the four criteria and the proposal (with --json: one object per line).
    Propose {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        json: bool,
    },
    /// Store the proposed list of a year as a draft (the head of the group).
    Create {
        #[arg(long)]
        year: i32,
    },
    /// The stored list of a year (its latest version): the clients, the decisions, the orders.
    Show {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        json: bool,
    },
    /// Decide a row of the draft: include or exclude the client, with the reason.
    Decide {
        /// The row (its id, as `show --json` gives it).
        #[arg(long)]
        row: Id,
        #[arg(long, value_parser = ["include", "exclude"])]
        decision: String,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Record the director's order approving the draft of a year: the list is frozen and every
    /// client's «Статус VIP» row of the year is filled.
    Approve {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        order: String,
        #[arg(long, value_name = "DATE", value_parser = super::appeals::iso_date)]
        date: NaiveDate,
    },
    /// Start a correction of the approved list of a year (a new version).
    Correct {
        #[arg(long)]
        year: i32,
    },
    /// Record the director's order appointing the personal managers of the approved list.
    Appoint {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        order: String,
        #[arg(long, value_name = "DATE", value_parser = super::appeals::iso_date)]
        date: NaiveDate,
    },
}

fn check_year(year: i32) -> anyhow::Result<()> {
    if lists::YEARS.contains(&year) {
        Ok(())
    } else {
        anyhow::bail!(t::err_vip_year(year))
    }
}

/// The latest version of the list of `year`, or the error that it has none.
fn latest_id(db: &crate::storage::Db, year: i32) -> anyhow::Result<Id> {
    lists::versions(db, year)
        .map_err(t::err)?
        .last()
        .map(|h| h.id)
        .ok_or_else(|| anyhow::anyhow!(t::vip_list_none(year)))
}

fn order(number: String, date: NaiveDate) -> OrderDraft {
    OrderDraft {
        number,
        date: fmt::date(date),
    }
}

/// The stored lists' commands.
fn stored(place: &Place, command: VipListCommand, out: &mut Out) -> anyhow::Result<ExitCode> {
    let mut db = place.open()?;
    let actor = place.actor(&mut db)?;
    match command {
        VipListCommand::Propose { .. } | VipListCommand::Show { .. } => {}
        VipListCommand::Create { year } => {
            check_year(year)?;
            let id = lists::create(&mut db, &actor, year).map_err(t::err)?;
            let list = lists::open(&db, &actor, id).map_err(t::err)?;
            out.line(t::vip_list_created(year, list.map_or(0, |l| l.rows.len())))?;
        }
        VipListCommand::Decide {
            row,
            decision,
            reason,
        } => {
            let exclude = decision == "exclude";
            let edit = lists::row_edit(&db, row).map_err(t::err)?;
            let edit = RowEdit {
                decision: if exclude {
                    Proposal::Exclude
                } else {
                    Proposal::Include
                },
                reason,
                ..edit
            };
            lists::edit_row(&mut db, &actor, row, &edit).map_err(t::err)?;
            out.line(t::VIP_ROW_DECIDED)?;
        }
        VipListCommand::Approve {
            year,
            order: n,
            date,
        } => {
            check_year(year)?;
            let id = latest_id(&db, year)?;
            let rows = lists::record_order(&mut db, &actor, id, &order(n, date)).map_err(t::err)?;
            out.line(t::vip_list_approved(year, rows))?;
        }
        VipListCommand::Correct { year } => {
            check_year(year)?;
            let id = latest_id(&db, year)?;
            let fix = lists::correct(&mut db, &actor, id).map_err(t::err)?;
            let version = lists::open(&db, &actor, fix)
                .map_err(t::err)?
                .map_or(0, |l| l.version);
            out.line(t::vip_list_correction(year, version))?;
        }
        VipListCommand::Appoint {
            year,
            order: n,
            date,
        } => {
            check_year(year)?;
            let id = latest_id(&db, year)?;
            let n = lists::record_managers_order(&mut db, &actor, id, &order(n, date))
                .map_err(t::err)?;
            out.line(t::managers_appointed(year, n))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `vip-list show --year N [--json]`.
fn show(place: &Place, year: i32, json: bool, out: &mut Out) -> anyhow::Result<ExitCode> {
    check_year(year)?;
    let (db, actor) = place.reader()?;
    let list = lists::latest(&db, &actor, year)
        .map_err(t::err)?
        .ok_or_else(|| anyhow::anyhow!(t::vip_list_none(year)))?;
    if !json {
        out.line(t::vip_list_state(
            year,
            list.version,
            list.is_frozen(),
            &list.order_number,
            &fmt::opt_date(list.order_date),
        ))?;
    }
    out.lines(list.rows.iter().map(|r| {
        if json {
            serde_json::json!({
                "row": r.id,
                "client_id": r.client_id,
                "client": r.client_name,
                "inn": r.inn,
                "district": r.district,
                "manager_id": r.manager_id,
                "kwh": r.criteria.kwh,
                "rank_in_district": r.criteria.rank,
                "years": r.criteria.years,
                "volume": r.criteria.volume,
                "stability": r.criteria.stability,
                "brand": r.criteria.brand,
                "political": r.criteria.political,
                "vip_before": r.vip_before,
                "proposal": r.proposal.code(),
                "decision": r.decision.code(),
                "included": r.is_included(),
                "reason": documents::reason_words(r),
                "version": list.version,
                "status": list.status.code(),
                "order_number": list.order_number,
                "order_date": list.order_date.map(|d| d.to_string()),
            })
            .to_string()
        } else {
            format!(
                "{}\t{}\t{}\t{}\t{}",
                r.id,
                documents::decision_words(r),
                r.client_name,
                r.district,
                documents::reason_words(r)
            )
        }
    }))?;
    Ok(ExitCode::SUCCESS)
}

/// `report vip-list` and `report managers`: the PDFs of the latest list of a year.
pub fn report(
    place: &Place,
    year: i32,
    which: documents::Document,
    file: &Path,
    out: &mut Out,
) -> anyhow::Result<ExitCode> {
    check_year(year)?;
    let (db, actor) = place.reader()?;
    let today = db.today();
    documents::write(&db, &actor, year, which, today, file).map_err(t::err)?;
    out.line(t::file_written(&file.display().to_string()))?;
    Ok(ExitCode::SUCCESS)
}

pub fn vip_list(place: &Place, command: VipListCommand, out: &mut Out) -> anyhow::Result<ExitCode> {
    match command {
        VipListCommand::Show { year, json } => show(place, year, json, out),
        VipListCommand::Propose { year, json } => propose(place, year, json, out),
        command => stored(place, command, out),
    }
}

/// `vip-list propose --year N [--json]`.
fn propose(place: &Place, year: i32, json: bool, out: &mut Out) -> anyhow::Result<ExitCode> {
    check_year(year)?;
    let (db, actor) = place.reader()?;
    let p = service::propose_as(&db, &actor, year, db.today()).map_err(t::err)?;
    if !json {
        let month = |d: chrono::NaiveDate| {
            fmt::month(chrono::Datelike::year(&d), chrono::Datelike::month(&d))
        };
        out.line(t::vip_list_heading(year, &month(p.from), &month(p.to)))?;
        out.line(t::vip_list_thresholds(
            &fmt::number(p.thresholds.min_kwh, 0),
            p.thresholds.top_in_district,
            p.thresholds.min_years,
        ))?;
        if p.months < 12 {
            out.line(t::months_missing(p.months))?;
        }
        if p.candidates.is_empty() {
            out.line(t::NO_CANDIDATES)?;
        }
    }
    out.lines(p.candidates.iter().map(|c| {
        let k = &c.criteria;
        if json {
            serde_json::json!({
                "client_id": c.facts.client_id,
                "client": c.facts.name,
                "inn": c.facts.inn,
                "district": c.facts.district,
                "manager_id": c.facts.manager_id,
                "kwh": k.kwh,
                "rank_in_district": k.rank,
                "district_size": k.district_size,
                "years": k.years,
                "volume": k.volume,
                "stability": k.stability,
                "brand": k.brand,
                "political": k.political,
                "political_note": c.facts.political_note,
                "vip_now": c.facts.vip_now,
                "proposal": c.proposal.code(),
                "reason": t::vip_reason(c),
            })
            .to_string()
        } else {
            let kwh = k
                .kwh
                .map_or(t::NO_CONSUMPTION.to_string(), |v| fmt::number(v, 0));
            format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                c.proposal.label(),
                c.facts.name,
                c.facts.inn,
                c.facts.district,
                kwh,
                t::vip_now_words(year - 1, c.facts.vip_now),
                t::vip_reason(c)
            )
        }
    }))?;
    if !json {
        let count = |want: Proposal| p.candidates.iter().filter(|c| c.proposal == want).count();
        out.line(t::vip_list_totals(
            count(Proposal::Include),
            count(Proposal::Keep),
            count(Proposal::Exclude),
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `report satisfaction --year N --out FILE [--json]`: the PDF, and the figures.
pub fn satisfaction(
    place: &Place,
    year: i32,
    file: &Path,
    json: bool,
    out: &mut Out,
) -> anyhow::Result<ExitCode> {
    use crate::viplist::satisfaction as sat;
    check_year(year)?;
    let (db, actor) = place.reader()?;
    let r = sat::write_report(&db, &actor, year, db.today(), file).map_err(t::err)?;
    if json {
        let group = |g: &sat::GroupRow| serde_json::json!({"name": g.name, "mean": g.mean.value(), "surveys": g.surveys});
        out.line(
            serde_json::json!({
                "year": r.year,
                "vip_clients": r.vip,
                "surveyed": r.surveyed,
                "surveys": r.surveys,
                "response_rate": r.response_rate(),
                "mean": r.overall.value(),
                "mean_last_year": r.overall_last_year.value(),
                "questions": r.questions.iter().map(|q| serde_json::json!({
                    "question_id": q.question_id,
                    "question": q.text,
                    "mean": q.mean.value(),
                    "answers": q.mean.n,
                    "mean_last_year": q.last_year.value(),
                })).collect::<Vec<_>>(),
                "by_district": r.by_district.iter().map(group).collect::<Vec<_>>(),
                "by_manager": r.by_manager.iter().map(group).collect::<Vec<_>>(),
                "lowest": r.lowest.iter().map(|l| serde_json::json!({
                    "client_id": l.client_id,
                    "client": l.client,
                    "mean": l.mean.value(),
                    "low": l.low.iter().map(|(q, s)| serde_json::json!({"question": q, "score": s})).collect::<Vec<_>>(),
                    "comment": l.comment,
                })).collect::<Vec<_>>(),
            })
            .to_string(),
        )?;
    } else {
        out.line(t::file_written(&file.display().to_string()))?;
    }
    Ok(ExitCode::SUCCESS)
}
