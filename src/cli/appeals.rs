//! `appeals list`, `calendar add-workdays`, `calendar deadline`. Dates in and out as
//! `YYYY-MM-DD`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;

use super::{Out, Place};
use crate::appeals::{AppealFilter, AppealRow, DueFilter, call, memo, service};
use crate::domain::calendar::{Calendar, Term};
use crate::domain::{Code, Id};
use crate::i18n::{self as t, Label};

/// A date typed as `YYYY-MM-DD`, in the calendar's years (1900–2100).
pub fn iso_date(s: &str) -> Result<NaiveDate, String> {
    let d = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| t::err_iso_date(s))?;
    if (1900..=2100).contains(&chrono::Datelike::year(&d)) {
        Ok(d)
    } else {
        Err(t::err_calendar_year(chrono::Datelike::year(&d)))
    }
}

/// A term in days: 0 to the longest the calendar counts (ten years).
fn term_days(s: &str) -> Result<u32, String> {
    s.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= crate::domain::calendar::MAX_TERM_DAYS)
        .ok_or_else(|| t::err_term_days(s, crate::domain::calendar::MAX_TERM_DAYS))
}

fn iso(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

#[derive(Debug, Subcommand)]
pub enum AppealsCommand {
    /// The register, newest first (with --overdue: open appeals past their deadline, oldest
    /// deadline first; with --json: one JSON object per line).
    List {
        #[arg(long)]
        overdue: bool,
        /// Only this manager's appeals.
        #[arg(long)]
        manager: Option<Id>,
        /// Only this client's appeals.
        #[arg(long)]
        client: Option<Id>,
        /// Words to find in the subject and the text (each word as a prefix).
        #[arg(long, value_name = "WORDS")]
        search: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The notice of registration, as the card makes it: a draft letter linked to the appeal
    /// when the client chose post or in person (--out: its PDF), else the text to send by
    /// e-mail or through the website (--out: the text in a file).
    Notice {
        #[arg(long)]
        id: Id,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// A draft reply letter linked to the appeal, as «Ответить письмом» makes it: «На № … от
    /// …», the addressee, the appeal's answer so far (--out: its PDF).
    Reply {
        #[arg(long)]
        id: Id,
        /// The template (default: reply_appeal).
        #[arg(long)]
        template: Option<String>,
        /// The answer to put in the letter (kept as the appeal's answer).
        #[arg(long)]
        answer: Option<String>,
        /// Why a letter answers a client who chose another channel.
        #[arg(long)]
        reason: Option<String>,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Take an e-mail saved as .eml in as an appeal: the sender matched to a person by
    /// address, the subject, the text, the received time and the attachments.
    ImportEml {
        file: PathBuf,
        /// The client, when the sender's address is not in a dossier (or in several).
        #[arg(long)]
        client: Option<Id>,
        /// Register it at once (default: received, waiting for registration).
        #[arg(long)]
        register: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// The date N working days after DATE (DATE itself not counted).
    AddWorkdays {
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        from: NaiveDate,
        #[arg(long, value_name = "N", value_parser = term_days)]
        days: u32,
    },
    /// The last day of a term of N days counted from an event on DATE (Civil Code art. 191,
    /// 193: the term starts the next day; a last day off moves to the next working day).
    Deadline {
        #[arg(long, value_name = "DATE", value_parser = iso_date)]
        from: NaiveDate,
        #[arg(long, value_name = "N", value_parser = term_days)]
        days: u32,
        /// A term in working days (default: calendar days).
        #[arg(long)]
        working: bool,
    },
}

pub fn appeals(place: &Place, command: AppealsCommand, out: &mut Out) -> anyhow::Result<ExitCode> {
    let (overdue, manager, client, search, json) = match command {
        AppealsCommand::List {
            overdue,
            manager,
            client,
            search,
            json,
        } => (overdue, manager, client, search, json),
        AppealsCommand::ImportEml {
            file,
            client,
            register,
        } => return import_eml(place, &file, client, register, out),
        AppealsCommand::Notice { id, out: file } => return notice(place, id, file, out),
        AppealsCommand::Reply {
            id,
            template,
            answer,
            reason,
            out: file,
        } => {
            let template = template.as_deref().unwrap_or(service::REPLY_TEMPLATE);
            let answer = answer.unwrap_or_default();
            let reason = reason.unwrap_or_default();
            return reply(place, id, template, &answer, &reason, file, out);
        }
    };
    let (db, _) = place.reader()?;
    let filter = AppealFilter {
        due: if overdue {
            DueFilter::Overdue
        } else {
            DueFilter::Any
        },
        today: Some(db.today()),
        manager,
        client,
        text: search.unwrap_or_default(),
        ..Default::default()
    };
    let (rows, _) = service::list(&db, &filter, usize::MAX >> 1).map_err(t::err)?;
    let today = db.today();
    out.lines(rows.iter().map(|r| {
        if json {
            row_json(r, today).to_string()
        } else {
            format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                r.id,
                r.number,
                iso(Some(r.received_at.date())),
                r.kind.label(),
                r.status.label(),
                iso(r.due_date),
                r.client,
                r.subject
            )
        }
    }))?;
    Ok(ExitCode::SUCCESS)
}

/// `appeals notice --id N [--out FILE]`.
fn notice(place: &Place, id: Id, file: Option<PathBuf>, out: &mut Out) -> anyhow::Result<ExitCode> {
    let mut db = place.open()?;
    let actor = place.actor(&mut db)?;
    match service::notice_of_registration(&mut db, &actor, id).map_err(t::err)? {
        service::Notice::Letter(letter_id) => {
            out.line(t::appeal_notice_drafted(letter_id))?;
            written_letter(&db, letter_id, file.as_deref(), out)?;
        }
        service::Notice::Text(text) => match file {
            Some(file) => {
                crate::files::write(&file, text.as_bytes()).map_err(t::err)?;
                out.line(t::appeal_notice_written(&file.display().to_string()))?;
            }
            None => out.line(text)?,
        },
    }
    Ok(ExitCode::SUCCESS)
}

/// `appeals reply --id N [--template CODE] [--out FILE]`.
fn reply(
    place: &Place,
    id: Id,
    template: &str,
    answer: &str,
    reason: &str,
    file: Option<PathBuf>,
    out: &mut Out,
) -> anyhow::Result<ExitCode> {
    let mut db = place.open()?;
    let actor = place.actor(&mut db)?;
    let letter_id = service::reply_letter_from(&mut db, &actor, id, answer, reason, template)
        .map_err(t::err)?;
    out.line(t::appeal_reply_drafted(letter_id))?;
    written_letter(&db, letter_id, file.as_deref(), out)?;
    Ok(ExitCode::SUCCESS)
}

/// The draft letter `letter_id` as a PDF where `file` says (nothing when it says nowhere).
fn written_letter(
    db: &crate::storage::Db,
    letter_id: Id,
    file: Option<&Path>,
    out: &mut Out,
) -> anyhow::Result<()> {
    match file {
        Some(file) => super::letters::write_letter(db, letter_id, file, out),
        None => Ok(()),
    }
}

fn import_eml(
    place: &Place,
    file: &Path,
    client: Option<Id>,
    register: bool,
    out: &mut Out,
) -> anyhow::Result<ExitCode> {
    let bytes =
        crate::files::read_limited(file, crate::appeals::intake::MAX_EML_BYTES).map_err(t::err)?;
    let mut db = place.open()?;
    let actor = place.actor(&mut db)?;
    let id = call::import_eml(&mut db, &actor, &bytes, client, register).map_err(t::err)?;
    let a = service::open(&db, id).map_err(t::err)?;
    let details = service::details(&db, &a).map_err(t::err)?;
    if a.number.is_empty() {
        let by = details.clocks.map(|c| c.register_by);
        out.line(t::appeal_received(&a.sender, &iso(by)))?;
    } else {
        out.line(t::appeal_registered_as(&a.number, &iso(a.due_date)))?;
    }
    out.line(id)?;
    Ok(ExitCode::SUCCESS)
}

/// `report weekly-complaints --week 2026-W48 --out FILE.pdf`.
pub fn weekly_complaints(
    place: &Place,
    week: &str,
    file: &Path,
    out: &mut Out,
) -> anyhow::Result<ExitCode> {
    let (db, viewer) = place.reader()?;
    let memo = memo::weekly_memo(&db, week, db.today()).map_err(t::err)?;
    memo::write_memo(&db, &viewer, &memo, file).map_err(t::err)?;
    out.line(t::memo_totals(
        memo.rows.len(),
        memo.complaints(),
        memo.suggestions(),
    ))?;
    out.line(t::memo_written(&file.display().to_string()))?;
    Ok(ExitCode::SUCCESS)
}

/// `report appeals --from DATE --to DATE --out FILE.pdf`: the statistics of a period.
pub fn appeal_stats(
    place: &Place,
    from: NaiveDate,
    to: NaiveDate,
    file: &Path,
    out: &mut Out,
) -> anyhow::Result<ExitCode> {
    let (db, viewer) = place.reader()?;
    let s = memo::stats(&db, from, to, db.today()).map_err(t::err)?;
    memo::write_stats(&db, &viewer, &s, file).map_err(t::err)?;
    out.line(format!("{}\t{}", t::STATS_TOTAL, s.total))?;
    out.line(t::stats_written(&file.display().to_string()))?;
    Ok(ExitCode::SUCCESS)
}

fn row_json(r: &AppealRow, today: NaiveDate) -> serde_json::Value {
    serde_json::json!({
        "id": r.id,
        "number": r.number,
        "received_at": r.received_at.format("%Y-%m-%dT%H:%M").to_string(),
        "registered_on": r.registered_on.map(|d| iso(Some(d))),
        "channel": r.channel.code(),
        "kind": r.kind.code(),
        "topic": r.topic,
        "client_id": r.client_id,
        "client": r.client,
        "subject": r.subject,
        "status": r.status.code(),
        "due_date": r.due_date.map(|d| iso(Some(d))),
        "days_left": r.days_left(today),
        "manager_id": r.manager_id,
        "answered_on": r.answered_on.map(|d| iso(Some(d))),
    })
}

/// The calendar of the database when there is one (with its corrections), else the shipped one.
fn calendar(place: &Place) -> anyhow::Result<Calendar> {
    if place.path.exists() {
        let db = place.open()?;
        Ok(service::calendar(&db).map_err(t::err)?)
    } else {
        Ok(Calendar::official())
    }
}

pub fn calendar_command(
    place: &Place,
    command: CalendarCommand,
    out: &mut Out,
) -> anyhow::Result<ExitCode> {
    let cal = calendar(place)?;
    let (from, date) = match command {
        CalendarCommand::AddWorkdays { from, days } => (from, cal.add_working_days(from, days)),
        CalendarCommand::Deadline {
            from,
            days,
            working,
        } => (from, cal.deadline(from, Term { days, working })),
    };
    // A year without a decree yet is a prediction: said on stderr, the date still printed.
    for year in chrono::Datelike::year(&from)..=chrono::Datelike::year(&date) {
        if cal.before_records(year) {
            eprintln!("{}", t::calendar_unrecorded_warning(year));
        } else if cal.year_status(year) == crate::domain::calendar::YearStatus::Predicted {
            eprintln!("{}", t::calendar_predicted_warning(year));
        }
    }
    out.line(iso(Some(date)))?;
    Ok(ExitCode::SUCCESS)
}
