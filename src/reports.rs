//! Reports on paper: the meeting report (kept in the dossier when submitted) and the contact
//! report of a period for the head of the group.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::domain::contacts::Meeting;
use crate::domain::fmt;
use crate::domain::model::{Direction, Id, Record};
use crate::domain::names;
use crate::i18n as t;
use crate::letters::LetterError;
use crate::pdf::{self, Meta};
use crate::storage::{self, Db, StorageError};

/// The report's fields, labelled, on the company header, with the signature lines.
pub fn meeting_form(
    conn: &rusqlite::Connection,
    m: &Meeting,
) -> Result<pdf::report::FormContent, LetterError> {
    let d = storage::load_dossier(conn, m.client_id)?;
    let company = storage::load_company(conn)?;
    let manager = match m.manager_id {
        Some(id) => Some(storage::get_manager(conn, id)?),
        None => None,
    };
    let supervisor = match manager.as_ref().and_then(|m| m.supervisor_id) {
        Some(id) => Some(storage::get_manager(conn, id)?),
        None => None,
    };
    let people: Vec<String> = m
        .client_people
        .iter()
        .filter_map(|id| d.people.iter().find(|p| p.id == Some(*id)))
        .map(|p| {
            format!(
                "{} — {}",
                names::full_name(&p.surname, &p.name, &p.patronymic),
                p.position
            )
        })
        .collect();
    let steps: Vec<String> = m
        .next_steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut line = format!("{}. {}", i + 1, s.text);
            if !s.responsible.is_empty() {
                line.push_str(&format!(" — {}", s.responsible));
            }
            if let Some(due) = s.due {
                line.push_str(&format!(", {}", t::due_by(&fmt::date(due))));
            }
            line
        })
        .collect();
    let when = format!("{} {}", fmt::opt_date(m.date), m.time)
        .trim()
        .to_string();
    let fields = vec![
        (t::TRASH_CLIENT.to_string(), d.client.short_name.clone()),
        (t::F_REPORT_KIND.to_string(), m.kind.label().to_string()),
        (t::F_DATE_TIME.to_string(), when),
        (t::F_PLACE.to_string(), m.place.clone()),
        (t::F_CLIENT_PEOPLE.to_string(), people.join("\n")),
        (t::F_COMPANY_PEOPLE.to_string(), m.company_people.clone()),
        (t::F_TOPICS.to_string(), m.topics.clone()),
        (t::F_PROBLEMS.to_string(), m.problems.clone()),
        (t::F_AGREEMENTS.to_string(), m.agreements.clone()),
        (t::F_NEXT_STEPS.to_string(), steps.join("\n")),
        (t::F_STATUS.to_string(), m.status.label().to_string()),
        (
            t::SUPERVISOR_COMMENT.to_string(),
            m.supervisor_comment.clone(),
        ),
    ];
    let mut signatures = Vec::new();
    if let Some(man) = &manager {
        signatures.push((
            man.position.clone(),
            names::initials_surname(&man.surname, &man.name, &man.patronymic),
        ));
    }
    signatures.push((
        t::SUPERVISOR_LINE.to_string(),
        supervisor
            .map(|s| names::initials_surname(&s.surname, &s.name, &s.patronymic))
            .unwrap_or_else(|| "____________".into()),
    ));
    Ok(pdf::report::FormContent {
        company,
        title: t::report_pdf_title(m.kind.label(), &fmt::opt_date(m.date)),
        fields,
        signatures,
        signature_png: manager.and_then(|m| m.signature_png).map(Arc::new),
    })
}

pub fn meeting_pdf(conn: &rusqlite::Connection, m: &Meeting) -> Result<Vec<u8>, LetterError> {
    let form = meeting_form(conn, m)?;
    let meta = Meta {
        title: form.title.clone(),
        author: String::new(),
        subject: t::REPORT_SUBJECT.into(),
        date: m.date,
    };
    Ok(pdf::render_pdf(&pdf::report::layout_form(&form, meta))?)
}

/// Submits a report to the supervisor and keeps its PDF in the client's «Переписка и файлы»,
/// in one transaction.
pub fn submit_report(
    db: &mut Db,
    id: Id,
    date: NaiveDate,
    author: Option<Id>,
) -> Result<(), LetterError> {
    db.write(|tx| {
        storage::submit_meeting_tx(tx, id, date, author)?;
        let m = storage::get_meeting(tx, id)?;
        let bytes = meeting_pdf(tx, &m).map_err(|e| StorageError::Other(e.to_string()))?;
        let record = Record {
            date: m.date,
            direction: Direction::Note,
            subject: t::report_pdf_title(m.kind.label(), &fmt::opt_date(m.date)),
            file_name: format!("Отчёт_{}_{}.pdf", m.kind.code(), fmt::opt_date(m.date)),
            new_file: Some(bytes),
            ..Default::default()
        };
        let record_id = storage::add_record_tx(tx, m.client_id, &record, author)?;
        storage::set_meeting_record_tx(tx, id, record_id)?;
        Ok(())
    })?;
    Ok(())
}
