//! `vip-list propose`: the proposed VIP list of a year.

use std::process::ExitCode;

use clap::Subcommand;

use super::{Out, Place};
use crate::domain::{Code as _, fmt};
use crate::i18n::{self as t, Label as _};
use crate::viplist::{Proposal, service};

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
}

pub fn vip_list(place: &Place, command: VipListCommand, out: &mut Out) -> anyhow::Result<ExitCode> {
    let (db, _) = place.reader()?;
    match command {
        VipListCommand::Propose { year, json } => {
            if !(2000..=2100).contains(&year) {
                anyhow::bail!(t::err_calendar_year(year));
            }
            let p = service::propose(&db, year, db.today()).map_err(t::err)?;
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
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        c.proposal.label(),
                        c.facts.name,
                        c.facts.inn,
                        c.facts.district,
                        kwh,
                        t::vip_reason(c)
                    )
                }
            }))?;
            if !json {
                let count =
                    |want: Proposal| p.candidates.iter().filter(|c| c.proposal == want).count();
                out.line(t::vip_list_totals(
                    count(Proposal::Include),
                    count(Proposal::Keep),
                    count(Proposal::Exclude),
                ))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
