//! Reports on paper: the meeting report (kept in the dossier when submitted) and the contact
//! report of a period for the head of the group. Pure: the service loads what they show.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::model::{
    ClientContacts, Meeting, MeetingKind, ReportStatus, first_owed_period, period_end,
};
use crate::admin::Manager;
use crate::clients::Dossier;
use crate::domain::{Code, Id, fmt, names};
use crate::pdf::{self, Company, Meta, PdfError};
use crate::words::{admin as admin_words, clients as client_words, contacts as t};

/// The report's fields, labelled, on the company header, with the signature lines: the client's
/// dossier, the reporting manager and their supervisor, the names of the attached files.
pub fn meeting_form(
    m: &Meeting,
    d: &Dossier,
    company: Company,
    manager: Option<&Manager>,
    supervisor: Option<&Manager>,
    files: Vec<String>,
) -> pdf::report::FormContent {
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
        (
            admin_words::TRASH_CLIENT.to_string(),
            d.client.short_name.clone(),
        ),
        (
            t::F_REPORT_KIND.to_string(),
            t::meeting_kind(m.kind.code()).to_string(),
        ),
        (t::F_DATE_TIME.to_string(), when),
        (t::F_PLACE.to_string(), m.place.clone()),
        (t::F_CLIENT_PEOPLE.to_string(), people.join("\n")),
        (t::F_COMPANY_PEOPLE.to_string(), m.company_people.clone()),
        (t::F_TOPICS.to_string(), m.topics.clone()),
        (t::F_PROBLEMS.to_string(), m.problems.clone()),
        (t::F_AGREEMENTS.to_string(), m.agreements.clone()),
        (t::F_NEXT_STEPS.to_string(), steps.join("\n")),
        (t::F_ATTACHMENTS.to_string(), files.join("\n")),
        (
            client_words::F_STATUS.to_string(),
            t::report_status(m.status.code()).to_string(),
        ),
        (
            t::SUPERVISOR_COMMENT.to_string(),
            m.supervisor_comment.clone(),
        ),
    ];
    let mut signatures = Vec::new();
    if let Some(man) = manager {
        signatures.push((
            man.position.clone(),
            names::initials_surname(&man.surname, &man.name, &man.patronymic),
        ));
    }
    // «отчёт принял» only once the supervisor has accepted it.
    let supervisor_line = if m.status == ReportStatus::Accepted {
        t::SUPERVISOR_LINE
    } else {
        t::SUPERVISOR_LINE_PENDING
    };
    signatures.push((
        supervisor_line.to_string(),
        supervisor
            .map(|s| names::initials_surname(&s.surname, &s.name, &s.patronymic))
            .unwrap_or_else(|| "____________".into()),
    ));
    pdf::report::FormContent {
        company,
        title: report_title(m),
        fields,
        signatures,
        // A draft is not signed; a report handed over carries the manager's signature.
        signature_png: manager
            .filter(|_| m.status != ReportStatus::Draft)
            .and_then(|m| m.signature_png.clone())
            .map(Arc::new),
    }
}

/// «Отчёт: ежемесячный звонок руководству, 20.11.2026».
pub fn report_title(m: &Meeting) -> String {
    t::report_pdf_title(t::meeting_kind(m.kind.code()), &fmt::opt_date(m.date))
}

/// The file name of a report's PDF kept in the dossier.
pub fn report_file_name(m: &Meeting) -> String {
    t::report_file_name(m.kind.code(), &fmt::opt_date(m.date))
}

/// The report form as a PDF.
pub fn meeting_pdf(form: &pdf::report::FormContent, date: NaiveDate) -> Result<Vec<u8>, PdfError> {
    let meta = Meta {
        title: form.title.clone(),
        author: String::new(),
        subject: t::REPORT_SUBJECT.into(),
        date,
    };
    pdf::render_pdf(&pdf::report::layout_form(form, meta))
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
    /// The required contacts held in time, each client's counted up to its plan (a client's
    /// extra calls do not make up for another's missed ones).
    pub done: u32,
}

impl ContactRow {
    /// The contacts the period required.
    pub fn required(&self) -> u32 {
        self.calls_required + self.meetings_required
    }

    /// Share of the required contacts held on time, in percent (100 when none was required).
    pub fn rate(&self) -> f64 {
        match self.required() {
            0 => 100.0,
            required => f64::from(self.done) * 100.0 / f64::from(required),
        }
    }

    /// The rate as the table shows it: «—» when nothing was required.
    pub fn rate_text(&self) -> String {
        match self.required() {
            0 => "—".into(),
            _ => format!("{} %", fmt::number(self.rate(), 0)),
        }
    }

    fn add(&mut self, o: &ContactRow) {
        self.calls_required += o.calls_required;
        self.calls_held += o.calls_held;
        self.calls_on_time += o.calls_on_time;
        self.meetings_required += o.meetings_required;
        self.meetings_held += o.meetings_held;
        self.done += o.done;
    }
}

/// The contact report of a period: a row per client, grouped by manager, with totals.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactReport {
    pub period: Period,
    /// Whether the period is over; one that is not counts what was due by `as_of`.
    pub complete: bool,
    pub as_of: NaiveDate,
    pub rows: Vec<ContactRow>,
    /// Totals per manager, in the order of `rows`.
    pub managers: Vec<ContactRow>,
}

const GRACE_DAYS: i64 = 3;

/// How many calls fell due in the part of the period a client owed them, up to `today`: in a
/// period that is over, the days it owed divided by the rhythm (rounded); in one that is not
/// over, only the calls whose day has passed.
fn calls_required(period: &Period, start: NaiveDate, every: i64, today: NaiveDate) -> u32 {
    let from = period.start.max(start);
    let count = if period.end < today {
        let days = (period.end - from).num_days() + 1;
        (days.max(0) as f64 / every as f64).round()
    } else {
        let days = (today - from).num_days();
        (days.max(0) / every) as f64
    };
    count as u32
}

/// How many meetings fell due: the calendar periods of the rhythm inside the report period that
/// the client owed (beginning on or after its start) and that are over by `today`.
fn meetings_required(period: &Period, start: NaiveDate, months: u32, today: NaiveDate) -> u32 {
    let months = months.clamp(1, 12);
    let first = first_owed_period(start, months);
    let mut p = super::model::period_start(period.start, months);
    let mut n = 0;
    while p <= period.end {
        let end = period_end(p, months);
        if p >= period.start && end <= period.end && p >= first && end < today {
            n += 1;
        }
        match p.checked_add_months(chrono::Months::new(months)) {
            Some(next) => p = next,
            None => break,
        }
    }
    n
}

/// The contact report of a period on `today`: a row per client (its contacts in the period as
/// `(client, kind, date)`, up to today), grouped by manager (`managers`: id → name), with totals.
/// A period that is not over counts only what was due by today and is marked so.
pub fn contact_report(
    period: &Period,
    contacts: Vec<ClientContacts>,
    held: Vec<(Id, MeetingKind, NaiveDate)>,
    managers: &HashMap<Id, String>,
    today: NaiveDate,
) -> ContactReport {
    let mut in_period: HashMap<Id, Vec<(MeetingKind, NaiveDate)>> = HashMap::new();
    for (client, kind, date) in held {
        in_period.entry(client).or_default().push((kind, date));
    }
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
            let calls_required = calls_required(period, c.start, every, today);
            let meetings_required =
                meetings_required(period, c.start, c.rhythm.meeting_every_months, today);
            ContactRow {
                manager: c
                    .manager_id
                    .and_then(|id| managers.get(&id).cloned())
                    .unwrap_or_default(),
                manager_id: c.manager_id,
                client_id: c.client_id,
                client: c.short_name,
                calls_required,
                calls_held: calls.len() as u32,
                calls_on_time: on_time,
                meetings_required,
                meetings_held: meetings,
                done: on_time.min(calls_required) + meetings.min(meetings_required),
            }
        })
        .collect();
    // «Ёлкин» among the «Е», not before «Абрамов» (as code points would put him).
    rows.sort_by_cached_key(|r| {
        (
            fmt::search_key(&r.manager),
            r.manager_id,
            fmt::name_sort_key(&r.client),
        )
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
    ContactReport {
        period: period.clone(),
        complete: period.end < today,
        as_of: today,
        rows,
        managers: totals,
    }
}

/// The contact report as a PDF table for the head of the group.
pub fn contact_report_pdf(report: &ContactReport, company: &Company) -> Result<Vec<u8>, PdfError> {
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
            total.rate_text(),
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
                r.rate_text(),
            ]);
        }
    }
    let table = pdf::table::Table {
        title: vec![company.short_name.clone(), contact_report_title(report)],
        intro: Vec::new(),
        columns: vec![
            (admin_words::COL_CLIENT.to_string(), 80.0),
            (t::COL_CALLS.to_string(), 40.0),
            (t::COL_MEETINGS.to_string(), 35.0),
            (t::COL_RATE.to_string(), 25.0),
        ],
        rows,
        bold_rows: bold,
        footer: vec![t::CONTACT_REPORT_NOTE.to_string()],
        header: None,
        signature: None,
        landscape: false,
        // Each manager's share of the planned contacts held in time.
        charts: {
            let (title, bars) = chart_bars(report);
            vec![pdf::table::Chart {
                title,
                bars: bars
                    .into_iter()
                    .map(|m| (m.manager.clone(), m.rate(), m.rate_text()))
                    .collect(),
                full: Some(100.0),
            }]
        },
        cell_pt: None,
    };
    let meta = Meta {
        title: contact_report_title(report),
        author: String::new(),
        subject: t::REPORT_SUBJECT.into(),
        date: report.as_of,
    };
    pdf::render_pdf(&pdf::table::layout_table(&table, meta))
}

/// The most managers a chart shows: beyond them, a bar each would fill pages and a screen with
/// lines nobody reads.
pub const CHART_MAX: usize = 30;

/// The chart's title and bars: every manager with a plan, or, in a department of more than
/// [`CHART_MAX`], those with the lowest rates (the ones the head acts on), lowest first.
pub fn chart_bars(report: &ContactReport) -> (String, Vec<&ContactRow>) {
    let mut bars: Vec<&ContactRow> = report
        .managers
        .iter()
        .filter(|m| m.required() > 0)
        .collect();
    if bars.len() <= CHART_MAX {
        return (t::CONTACT_CHART_TITLE.to_string(), bars);
    }
    let of = bars.len();
    // Stable: equal rates keep the report's alphabetical order.
    bars.sort_by(|a, b| a.rate().total_cmp(&b.rate()));
    bars.truncate(CHART_MAX);
    (t::contact_chart_lowest(CHART_MAX, of), bars)
}

/// The title of a contact report; a period not over says so, with the day it was counted on.
pub fn contact_report_title(report: &ContactReport) -> String {
    let title = t::contact_report_title(&report.period.label);
    if report.complete {
        title
    } else {
        format!("{title} {}", t::period_incomplete(&fmt::date(report.as_of)))
    }
}
