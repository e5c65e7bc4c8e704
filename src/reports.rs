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
    let files: Vec<String> = match m.id {
        Some(id) => storage::meeting_attachments(conn, id)?
            .into_iter()
            .map(|(_, name, _)| name)
            .collect(),
        None => Vec::new(),
    };
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
        (t::F_ATTACHMENTS.to_string(), files.join("\n")),
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

/// A reporting period: a month («2026-11»), a quarter («2026-Q4») or a year («2026»).
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub label: String,
}

impl Period {
    pub fn parse(s: &str) -> Option<Period> {
        use chrono::Months;
        let s = s.trim();
        let (start, months, label) =
            if let Some((y, q)) = s.split_once("-Q").or_else(|| s.split_once("-q")) {
                let (y, q): (i32, u32) = (y.parse().ok()?, q.parse().ok()?);
                if !(1..=4).contains(&q) {
                    return None;
                }
                (
                    NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1)?,
                    3,
                    t::period_quarter(q, y),
                )
            } else if let Some((y, m)) = fmt::parse_month(s) {
                if s.len() == 4 {
                    return None;
                }
                (NaiveDate::from_ymd_opt(y, m, 1)?, 1, fmt::month_long(y, m))
            } else {
                let y: i32 = s.parse().ok().filter(|y| (1900..2200).contains(y))?;
                (NaiveDate::from_ymd_opt(y, 1, 1)?, 12, t::period_year(y))
            };
        let end = start.checked_add_months(Months::new(months))?.pred_opt()?;
        Some(Period { start, end, label })
    }

    pub fn months(&self) -> u32 {
        use chrono::Datelike;
        ((self.end.year() - self.start.year()) * 12) as u32 + self.end.month() - self.start.month()
            + 1
    }
}

/// Required and held contacts of one client in a period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ContactRow {
    pub manager_id: Option<Id>,
    pub manager: String,
    pub client_id: Id,
    pub client: String,
    pub calls_required: u32,
    pub calls_held: u32,
    /// Calls made within the rhythm (+3 days of grace) after the previous one.
    pub calls_on_time: u32,
    pub meetings_required: u32,
    pub meetings_held: u32,
}

impl ContactRow {
    /// Share of the required contacts held on time, in percent.
    pub fn rate(&self) -> f64 {
        let required = self.calls_required + self.meetings_required;
        if required == 0 {
            return 100.0;
        }
        let done = self.calls_on_time.min(self.calls_required)
            + self.meetings_held.min(self.meetings_required);
        f64::from(done) * 100.0 / f64::from(required)
    }

    fn add(&mut self, o: &ContactRow) {
        self.calls_required += o.calls_required;
        self.calls_held += o.calls_held;
        self.calls_on_time += o.calls_on_time;
        self.meetings_required += o.meetings_required;
        self.meetings_held += o.meetings_held;
    }
}

/// The contact report of a period: a row per client, grouped by manager, with totals.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactReport {
    pub period: Period,
    pub rows: Vec<ContactRow>,
    /// Totals per manager, in the order of `rows`.
    pub managers: Vec<ContactRow>,
}

const GRACE_DAYS: i64 = 3;

pub fn contact_report(
    conn: &rusqlite::Connection,
    period: &Period,
    manager: Option<Id>,
) -> Result<ContactReport, LetterError> {
    use crate::domain::contacts::MeetingKind;
    use std::collections::HashMap;
    let contacts = storage::client_contacts(conn, manager, period.start)?;
    let managers: HashMap<Id, String> = storage::list_managers(conn)?
        .into_iter()
        .filter_map(|m| Some((m.id?, m.short_name())))
        .collect();
    // Contacts in the period, and the last call before it (the first call's gap counts from it).
    let mut in_period: HashMap<Id, Vec<(MeetingKind, NaiveDate)>> = HashMap::new();
    for m in storage::meetings_between(conn, period.start, period.end)? {
        in_period.entry(m.0).or_default().push((m.1, m.2));
    }
    let period_days = (period.end - period.start).num_days() + 1;
    let mut rows: Vec<ContactRow> = contacts
        .into_iter()
        .map(|c| {
            let every = i64::from(c.rhythm.call_every_days.max(1));
            let mut calls: Vec<NaiveDate> = in_period
                .get(&c.client_id)
                .map(|v| {
                    v.iter()
                        .filter(|(k, _)| *k == MeetingKind::Call)
                        .map(|(_, d)| *d)
                        .collect()
                })
                .unwrap_or_default();
            calls.sort_unstable();
            let mut previous = c.last_call.filter(|d| *d < period.start);
            let mut on_time = 0;
            for d in &calls {
                if previous.is_none_or(|p| (*d - p).num_days() <= every + GRACE_DAYS) {
                    on_time += 1;
                }
                previous = Some(*d);
            }
            let meetings = in_period
                .get(&c.client_id)
                .map(|v| v.iter().filter(|(k, _)| k.is_personal()).count() as u32)
                .unwrap_or_default();
            ContactRow {
                manager: c
                    .manager_id
                    .and_then(|id| managers.get(&id).cloned())
                    .unwrap_or_default(),
                manager_id: c.manager_id,
                client_id: c.client_id,
                client: c.short_name,
                calls_required: ((period_days as f64 / every as f64).round() as u32).max(1),
                calls_held: calls.len() as u32,
                calls_on_time: on_time,
                meetings_required: period.months() / c.rhythm.meeting_every_months.max(1),
                meetings_held: meetings,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        a.manager
            .cmp(&b.manager)
            .then(fmt::name_sort_key(&a.client).cmp(&fmt::name_sort_key(&b.client)))
    });
    let mut totals: Vec<ContactRow> = Vec::new();
    for r in &rows {
        match totals.last_mut() {
            Some(t) if t.manager_id == r.manager_id => t.add(r),
            _ => totals.push(ContactRow {
                manager_id: r.manager_id,
                manager: r.manager.clone(),
                client: String::new(),
                client_id: 0,
                ..r.clone()
            }),
        }
    }
    Ok(ContactReport {
        period: period.clone(),
        rows,
        managers: totals,
    })
}

/// The contact report as a PDF table for the head of the group.
pub fn contact_report_pdf(
    report: &ContactReport,
    company: &pdf::Company,
) -> Result<Vec<u8>, LetterError> {
    let mut rows = Vec::new();
    let mut bold = Vec::new();
    for total in &report.managers {
        bold.push(rows.len());
        rows.push(vec![
            t::manager_total(&total.manager),
            format!(
                "{} / {} / {}",
                total.calls_required, total.calls_held, total.calls_on_time
            ),
            format!("{} / {}", total.meetings_required, total.meetings_held),
            format!("{} %", fmt::number(total.rate(), 0)),
        ]);
        for r in report
            .rows
            .iter()
            .filter(|r| r.manager_id == total.manager_id)
        {
            rows.push(vec![
                r.client.clone(),
                format!(
                    "{} / {} / {}",
                    r.calls_required, r.calls_held, r.calls_on_time
                ),
                format!("{} / {}", r.meetings_required, r.meetings_held),
                format!("{} %", fmt::number(r.rate(), 0)),
            ]);
        }
    }
    let table = pdf::table::Table {
        title: vec![
            company.short_name.clone(),
            t::contact_report_title(&report.period.label),
        ],
        columns: vec![
            (t::COL_CLIENT.to_string(), 80.0),
            (t::COL_CALLS.to_string(), 40.0),
            (t::COL_MEETINGS.to_string(), 35.0),
            (t::COL_RATE.to_string(), 25.0),
        ],
        rows,
        bold_rows: bold,
        footer: vec![t::CONTACT_REPORT_NOTE.to_string()],
    };
    let meta = Meta {
        title: t::contact_report_title(&report.period.label),
        author: String::new(),
        subject: t::REPORT_SUBJECT.into(),
        date: Some(report.period.end),
    };
    Ok(pdf::render_pdf(&pdf::table::layout_table(&table, meta))?)
}
