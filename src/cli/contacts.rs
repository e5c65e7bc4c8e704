//! `meetings list`, `meeting render`, `report contacts`, `today`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

use super::{Out, Place};
use crate::contacts::report::Period;
use crate::contacts::service;
use crate::domain::{Actor, Code, Role, fmt};
use crate::i18n::{self as t, Label};

#[derive(Debug, Subcommand)]
pub enum MeetingsCommand {
    /// Reports, newest first (with --json: one JSON object per line).
    List {
        #[arg(long)]
        client: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Required vs held calls and meetings per manager and client, as a PDF.
    Contacts {
        /// 2026-Q4, 2026-11 or 2026.
        #[arg(long)]
        period: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// Only this manager's clients.
        #[arg(long)]
        manager: Option<i64>,
    },
    /// The weekly memo of complaints and suggestions of an ISO week, as a PDF.
    WeeklyComplaints {
        /// The ISO week, e.g. 2026-W48.
        #[arg(long)]
        week: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// The statistics of appeals received in a period (dates as YYYY-MM-DD), as a PDF.
    Appeals {
        #[arg(long, value_name = "DATE", value_parser = super::appeals::iso_date)]
        from: chrono::NaiveDate,
        #[arg(long, value_name = "DATE", value_parser = super::appeals::iso_date)]
        to: chrono::NaiveDate,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// The schedule of greetings of a period for management's decision, as a PDF.
    Greetings {
        #[arg(long, value_name = "DATE", value_parser = super::appeals::iso_date)]
        from: chrono::NaiveDate,
        #[arg(long, value_name = "DATE", value_parser = super::appeals::iso_date)]
        to: chrono::NaiveDate,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// Only this manager's clients.
        #[arg(long)]
        manager: Option<i64>,
    },
    /// The VIP list of a year (its latest version) for the director's approval, as a PDF.
    VipList {
        #[arg(long)]
        year: i32,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// The personal managers of a year with their clients, for the director's order, as a PDF.
    Managers {
        #[arg(long)]
        year: i32,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// The annual report of the satisfaction study, as a PDF (with --json: its figures).
    Satisfaction {
        #[arg(long)]
        year: i32,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Write a report's PDF.
    Render {
        #[arg(long)]
        id: i64,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
}

/// `--manager ID`: as that manager sees it (their clients); without it, everybody's.
fn as_manager(manager: Option<i64>) -> Actor {
    manager.map_or(Actor::SYSTEM, |id| Actor::manager(id, Role::Manager))
}

pub fn meetings(
    place: &Place,
    command: MeetingsCommand,
    out: &mut Out,
) -> anyhow::Result<ExitCode> {
    let MeetingsCommand::List { client, json } = command;
    let (db, _) = place.reader()?;
    let rows = service::list(&db, client, None).map_err(t::err)?;
    let names: std::collections::HashMap<i64, String> = crate::clients::service::list(&db)
        .map_err(t::err)?
        .into_iter()
        .map(|c| (c.id, c.short_name))
        .collect();
    let name = |id: i64| names.get(&id).cloned().unwrap_or_default();
    out.lines(rows.iter().map(|m| {
        if json {
            serde_json::json!({
                "id": m.id,
                "client_id": m.client_id,
                "client": name(m.client_id),
                "kind": m.kind.code(),
                "date": m.date.map(fmt::date),
                "status": m.status.code(),
                "topics": m.topics,
                "version_of": m.version_of,
            })
            .to_string()
        } else {
            format!(
                "{}\t{}\t{}\t{}\t{}",
                m.id.unwrap_or_default(),
                fmt::opt_date(m.date),
                m.kind.label(),
                m.status.label(),
                name(m.client_id)
            )
        }
    }))?;
    Ok(ExitCode::SUCCESS)
}

pub fn meeting(place: &Place, command: MeetingCommand, out: &mut Out) -> anyhow::Result<ExitCode> {
    let MeetingCommand::Render { id, out: file } = command;
    let (db, _) = place.reader()?;
    service::write_meeting_pdf(&db, id, &file).map_err(t::err)?;
    out.line(t::meeting_report_written(&file.display().to_string()))?;
    Ok(ExitCode::SUCCESS)
}

pub fn report(place: &Place, what: ReportCommand, out: &mut Out) -> anyhow::Result<ExitCode> {
    let (period, file, manager) = match what {
        ReportCommand::Contacts {
            period,
            out,
            manager,
        } => (period, out, manager),
        ReportCommand::WeeklyComplaints { week, out: file } => {
            return super::appeals::weekly_complaints(place, &week, &file, out);
        }
        ReportCommand::Appeals {
            from,
            to,
            out: file,
        } => {
            return super::appeals::appeal_stats(place, from, to, &file, out);
        }
        ReportCommand::Greetings {
            from,
            to,
            out: file,
            manager,
        } => {
            return super::greetings::report(place, from, to, &file, manager, out);
        }
        ReportCommand::VipList { year, out: file } => {
            use crate::viplist::documents::Document;
            return super::viplist::report(place, year, Document::List, &file, out);
        }
        ReportCommand::Satisfaction {
            year,
            out: file,
            json,
        } => {
            return super::viplist::satisfaction(place, year, &file, json, out);
        }
        ReportCommand::Managers { year, out: file } => {
            use crate::viplist::documents::Document;
            return super::viplist::report(place, year, Document::Managers, &file, out);
        }
    };
    let period = Period::parse(&period).ok_or_else(|| anyhow::anyhow!(t::BAD_PERIOD))?;
    let (db, _) = place.reader()?;
    let report =
        service::contact_report(&db, &period, &as_manager(manager), db.today()).map_err(t::err)?;
    service::write_contact_report(&db, &report, &file).map_err(t::err)?;
    out.lines(
        report
            .managers
            .iter()
            .map(|m| format!("{}\t{} %", m.manager, fmt::number(m.rate(), 0))),
    )?;
    out.line(t::contact_report_written(&file.display().to_string()))?;
    Ok(ExitCode::SUCCESS)
}

/// «Сегодня» of a manager (a head of the group sees what the head sees), or of everybody's
/// clients: the same sections as the window's, with the same counts. A part that cannot be
/// shown is named on stderr, and the exit code is 1.
pub fn today(
    place: &Place,
    manager: Option<i64>,
    json: bool,
    out: &mut Out,
) -> anyhow::Result<ExitCode> {
    let (db, signed) = place.reader()?;
    let actor = match manager {
        // Another manager's day is the head's to look at.
        Some(id) if signed.id.is_some_and(|me| me != id) && !signed.is_head() => {
            anyhow::bail!(crate::words::cli::OTHERS_DAY)
        }
        Some(id) => match crate::admin::service::manager(&db, id) {
            Ok(m) => m.actor(),
            Err(crate::storage::StorageError::NotFound(_)) => {
                anyhow::bail!(crate::words::cli::no_manager(id))
            }
            Err(e) => return Err(t::err(e)),
        },
        None => signed,
    };
    let today = crate::overview::today(&db, &actor, db.today());
    if json {
        out.line(today.json().to_string())?;
    } else {
        out.lines(today_lines(&today))?;
    }
    for (part, why) in &today.failed {
        eprintln!("{}", t::part_failed(part, why));
    }
    Ok(if today.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// «Сегодня» as text: each section's title with its count, then its rows, cells apart by tabs.
fn today_lines(today: &crate::overview::Today) -> Vec<String> {
    let mut out = Vec::new();
    for s in &today.sections {
        out.push(t::section_title(s.title, s.lines.len()));
        out.extend(s.lines.iter().map(|l| {
            let cells: Vec<&str> = l.cells.iter().map(|(c, _)| c.as_str()).collect();
            format!("  {}", cells.join("\t"))
        }));
    }
    out
}
