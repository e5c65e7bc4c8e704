//! The rules of contacts that need the database: the report's flow (черновик → передан
//! руководителю → принят, with its PDF kept in the dossier when submitted), who may accept it,
//! whose clients «Сегодня» and the contact report cover (a head of the group sees everyone).

use std::path::Path;

use chrono::NaiveDate;

use super::model::*;
use super::report::{self, ContactReport, Period};
use super::store::{self, Of};
use super::today::{self, Today};
use crate::admin::service as admin_service;
use crate::clients::{Direction, Record, service as clients_service};
use crate::domain::{Actor, Duty, Id, Scope};
use crate::files::{self, FileError};
use crate::pdf::PdfError;
use crate::storage::{Conn, Db, Reader, StorageError, Tx};
use crate::words::contacts as words;

#[derive(Debug, thiserror::Error)]
pub enum ContactsError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(transparent)]
    File(#[from] FileError),
    #[error("report {0} is submitted: its text cannot change")]
    Frozen(Id),
    #[error("a report cannot go from {from:?} to {to:?}")]
    BadTransition {
        from: ReportStatus,
        to: ReportStatus,
    },
}

/// A new report of a client, today, by the acting manager.
pub fn new_report(client_id: Id, kind: MeetingKind, actor: &Actor, today: NaiveDate) -> Meeting {
    Meeting {
        client_id,
        kind,
        manager_id: actor.id,
        date: Some(today),
        ..Default::default()
    }
}

pub fn open(db: &impl Reader, id: Id) -> Result<Meeting, StorageError> {
    store::get_meeting(db.connection(), id)
}

/// Reports, newest first, of a client and/or a manager (without their next steps).
pub fn list(
    db: &impl Reader,
    client: Option<Id>,
    manager: Option<Id>,
) -> Result<Vec<Meeting>, StorageError> {
    store::list_meetings(db.connection(), client, manager)
}

/// How many calls (reports of kind «call» or «other») a person of a client took part in.
pub fn calls_from_person(db: &impl Reader, person: Id) -> Result<i64, StorageError> {
    store::calls_from_person(db.connection(), person)
}

/// Adds a report inside another feature's write (a call taken on the call card, an answer
/// given by phone); returns its id.
pub fn add_report(w: &Tx, m: &Meeting) -> Result<Id, StorageError> {
    store::save_meeting(w, m)?.ok_or(StorageError::NotFound(m.id.unwrap_or_default()))
}

/// Saves a report (inserted, or updated while it is a draft); returns its id.
pub fn save(db: &mut Db, actor: &Actor, m: &Meeting) -> Result<Id, ContactsError> {
    save_over(db, actor, None, m)
}

/// Saves a report edited from `base` (as loaded), refused with
/// [`StorageError::ChangedMeanwhile`] when another instance saved or moved it meanwhile.
pub fn save_over(
    db: &mut Db,
    actor: &Actor,
    base: Option<&Meeting>,
    m: &Meeting,
) -> Result<Id, ContactsError> {
    db.write(actor, |w| {
        if let (Some(base), Some(id)) = (base, m.id) {
            crate::storage::unchanged(id, base, &store::get_meeting(w, id)?)?;
        }
        if let Some(id) = m.id {
            clients_service::check_own(w, store::get_meeting(w, id)?.client_id)?;
        }
        clients_service::check_own(w, m.client_id)?;
        store::save_meeting(w, m)?.ok_or(ContactsError::Frozen(m.id.unwrap_or_default()))
    })
}

/// Moves a report along its flow on `date` inside a write; returns where it was. The one place
/// the flow is checked: the services below and the demo generator go through it.
pub fn transition(
    w: &Tx,
    id: Id,
    to: ReportStatus,
    date: NaiveDate,
    comment: &str,
) -> Result<ReportStatus, ContactsError> {
    if to == ReportStatus::Accepted {
        w.actor()
            .may(Duty::AcceptReports)
            .map_err(StorageError::from)?;
    } else {
        clients_service::check_own(w, store::get_meeting(w, id)?.client_id)?;
    }
    let from = store::meeting_status(w, id)?;
    if !from.can_become(to) || !store::set_status(w, id, from, to, date, comment)? {
        return Err(ContactsError::BadTransition { from, to });
    }
    Ok(from)
}

/// The report form of a stored report, as its PDF shows it.
fn form(conn: &Conn, m: &Meeting) -> Result<crate::pdf::report::FormContent, StorageError> {
    let d = clients_service::open(conn, m.client_id)?;
    let company = admin_service::company(conn)?;
    let manager = m
        .manager_id
        .map(|id| admin_service::manager(conn, id))
        .transpose()?;
    let supervisor = manager
        .as_ref()
        .and_then(|m| m.supervisor_id)
        .map(|id| admin_service::manager(conn, id))
        .transpose()?;
    let files = match m.id {
        Some(id) => attachments(conn, id)?
            .into_iter()
            .map(|(_, name, _)| name)
            .collect(),
        None => Vec::new(),
    };
    Ok(report::meeting_form(
        m,
        &d,
        company,
        manager.as_ref(),
        supervisor.as_ref(),
        files,
    ))
}

/// The report as a PDF on the company header.
/// Dated the day it was submitted (the stored copy's day), else the day it is made.
pub fn meeting_pdf(conn: &Conn, m: &Meeting, today: NaiveDate) -> Result<Vec<u8>, ContactsError> {
    Ok(report::meeting_pdf(
        &form(conn, m)?,
        m.submitted_at.unwrap_or(today),
    )?)
}

/// Writes a stored report's PDF where the user asked.
pub fn write_meeting_pdf(db: &Db, id: Id, target: &Path) -> Result<(), ContactsError> {
    let m = store::get_meeting(db.conn(), id)?;
    files::write(target, &meeting_pdf(db.conn(), &m, db.today())?)?;
    Ok(())
}

/// Submits a report to the supervisor today: frozen from now on, and its PDF kept in the
/// client's «Переписка и файлы», in one write.
pub fn submit(db: &mut Db, actor: &Actor, id: Id) -> Result<(), ContactsError> {
    db.write(actor, |w| {
        transition(w, id, ReportStatus::Submitted, w.today(), "")?;
        let m = store::get_meeting(w, id)?;
        let record = Record {
            date: m.date,
            direction: Direction::Note,
            subject: report::report_title(&m),
            file_name: report::report_file_name(&m),
            new_file: Some(meeting_pdf(w, &m, w.today())?),
            ..Default::default()
        };
        let record_id = clients_service::add_record(w, m.client_id, &record)?;
        store::set_meeting_record(w, id, record_id)?;
        Ok::<_, ContactsError>(())
    })?;
    log::info!("submitted report {id}");
    Ok(())
}

/// The head of the group accepts a submitted report today, with a comment.
pub fn accept(db: &mut Db, actor: &Actor, id: Id, comment: &str) -> Result<(), ContactsError> {
    db.write(actor, |w| {
        transition(w, id, ReportStatus::Accepted, w.today(), comment).map(|_| ())
    })
}

/// A correction of a submitted report: a new draft pointing at it; the original stays.
pub fn correct(db: &mut Db, actor: &Actor, id: Id) -> Result<Id, ContactsError> {
    db.write(actor, |w| {
        let old = store::get_meeting(w, id)?;
        if old.status == ReportStatus::Draft {
            return Err(ContactsError::BadTransition {
                from: old.status,
                to: ReportStatus::Draft,
            });
        }
        let new = Meeting {
            id: None,
            uuid: String::new(),
            status: ReportStatus::Draft,
            submitted_at: None,
            accepted_at: None,
            supervisor_comment: String::new(),
            version_of: Some(id),
            next_steps: old
                .next_steps
                .iter()
                .map(|s| NextStep {
                    id: None,
                    ..s.clone()
                })
                .collect(),
            ..old
        };
        store::save_meeting(w, &new)?.ok_or(ContactsError::Frozen(id))
    })
}

/// Marks a next step done today (also on a frozen report: it is the follow-up).
pub fn complete_step(db: &mut Db, actor: &Actor, step: Id) -> Result<(), StorageError> {
    db.write(actor, |w| {
        if let Some(client) = store::step_client(w, step)? {
            clients_service::check_own(w, client)?;
        }
        store::complete_step(w, step, w.today())
    })
}

/// Attaches a file to a report: it is kept in the client's correspondence, marked with the
/// report.
pub fn attach(db: &mut Db, actor: &Actor, meeting: Id, path: &Path) -> Result<Id, ContactsError> {
    let bytes = files::read(path)?;
    let name = files::file_name(path);
    let id = db.write(actor, |w| {
        clients_service::check_own(w, store::get_meeting(w, meeting)?.client_id)?;
        store::add_meeting_attachment(w, meeting, &words::attachment_subject(&name), &name, &bytes)
    })?;
    log::info!("attached a file to report {meeting}");
    Ok(id)
}

pub fn attachments(db: &impl Reader, meeting: Id) -> Result<Vec<Attachment>, StorageError> {
    let files = store::meeting_files(db.connection(), meeting)?;
    crate::clients::service::files(db, &files)
}

fn of(scope: Scope) -> Of {
    match scope {
        Scope::All => Of::All,
        Scope::Manager(id) => Of::Manager(id),
    }
}

/// What is due today for the clients of `scope` (the overview decides it from the acting user).
pub fn today(db: &Db, scope: Scope, today: NaiveDate) -> Result<Today, StorageError> {
    let conn = db.conn();
    let manager = scope.manager();
    let contacts = store::client_contacts(conn, of(scope), today)?;
    let steps = store::due_steps(conn, manager, today::week_end(today))?;
    let (from, to) = today::birthday_window(today);
    let birthdays = store::birthdays(conn, manager, from, to)?;
    Ok(today::compute(contacts, steps, birthdays, today))
}

/// The reports waiting for the acting user's acceptance: a head of the group's (and those
/// they submitted themselves); nobody else accepts reports.
pub fn to_review(db: &Db, actor: &Actor) -> Result<Vec<(Meeting, String)>, StorageError> {
    match (actor.is_head(), actor.id) {
        (true, Some(id)) => store::reports_to_review(db.conn(), id),
        _ => Ok(Vec::new()),
    }
}

/// One client's rhythm, start and last contacts (the dossier's «Контакты и хронология»).
pub fn client_contacts(
    db: &Db,
    client: Id,
    today: NaiveDate,
) -> Result<Option<ClientContacts>, StorageError> {
    Ok(
        store::client_contacts(db.conn(), Of::Client(client), today)?
            .into_iter()
            .next(),
    )
}

/// The reports of a client for its timeline.
pub fn meeting_events(db: &Db, client: Id) -> Result<Vec<MeetingEvent>, StorageError> {
    store::client_meetings(db.conn(), client)
}

/// The next steps of a client's reports for its timeline: (due, text, done, report).
pub fn step_events(
    db: &Db,
    client: Id,
) -> Result<Vec<(NaiveDate, String, bool, Id)>, StorageError> {
    store::client_steps(db.conn(), client)
}

/// The contact report of a period for the clients `actor` sees, counted on `today`.
pub fn contact_report(
    db: &Db,
    period: &Period,
    actor: &Actor,
    today: NaiveDate,
) -> Result<ContactReport, StorageError> {
    let conn = db.conn();
    let contacts = store::client_contacts(conn, of(actor.scope()), period.start)?;
    let managers = admin_service::distinct_names(&admin_service::managers(conn)?);
    let held = store::meetings_between(conn, period.start, period.end.min(today))?;
    Ok(report::contact_report(
        period, contacts, held, &managers, today,
    ))
}

/// Writes a contact report's PDF where the user asked.
pub fn write_contact_report(
    db: &Db,
    report: &ContactReport,
    target: &Path,
) -> Result<(), ContactsError> {
    let company = admin_service::company(db.conn())?;
    files::write(target, &report::contact_report_pdf(report, &company)?)?;
    Ok(())
}
