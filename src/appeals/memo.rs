//! Reports of appeals to management: the weekly complaints memo («Служебная записка»: every
//! complaint and suggestion received in an ISO week, by any channel, with totals, on the company
//! header, signed by the head of the group) and the statistics of a period (by channel, kind and
//! topic, the on-time rate, the average answer time).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

use super::model::*;
use super::store;
use crate::admin::service as admin_service;
use crate::domain::{Actor, Code as _, Duty, Role, fmt};
use crate::files::{self, FileError};
use crate::pdf::table::{InternalHead, Signature, Table, layout_table};
use crate::pdf::{self, Meta, PdfError};
use crate::storage::{Db, StorageError};
use crate::words::appeals as t;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(transparent)]
    File(#[from] FileError),
    #[error("not an ISO week: {0:?}")]
    BadWeek(String),
    #[error("the period ends before it starts")]
    BadPeriod,
    /// A period that has not begun on the day the statistics are made.
    #[error("the period starts on {0}")]
    FuturePeriod(NaiveDate),
    /// A week that has not begun on the day the memo is made: nothing to report yet.
    #[error("week {week} starts on {starts}")]
    FutureWeek { week: String, starts: NaiveDate },
}

/// The weekly memo: the complaints and suggestions of one ISO week.
#[derive(Debug, Clone, PartialEq)]
pub struct Memo {
    pub week: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The day the memo is made (deadlines are judged on it).
    pub as_of: NaiveDate,
    pub rows: Vec<AppealRow>,
}

impl Memo {
    pub fn complaints(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.kind == AppealKind::Complaint)
            .count()
    }
    pub fn suggestions(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.kind == AppealKind::Suggestion)
            .count()
    }
    pub fn answered(&self) -> usize {
        self.rows.iter().filter(|r| !r.status.is_open()).count()
    }
    /// Still open and past their deadline on the day of the memo.
    /// The week is not over on the day of the memo: what it reports is so far.
    pub fn unfinished(&self) -> bool {
        self.to > self.as_of
    }
    /// The memo's registration number: the weekly memos of a year are numbered by their week
    /// («СЗ-49»), one a week, so a memo made again for a week keeps its number.
    pub fn number(&self) -> String {
        use chrono::Datelike as _;
        t::memo_number(self.from.iso_week().week())
    }
    pub fn overdue(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.days_left(self.as_of).is_some_and(|d| d < 0))
            .count()
    }
}

/// The memo of the ISO week `week` (`2026-W48`), as of `as_of`.
pub fn weekly_memo(db: &Db, week: &str, as_of: NaiveDate) -> Result<Memo, ReportError> {
    let (from, to) = iso_week(week).ok_or_else(|| ReportError::BadWeek(week.to_string()))?;
    if from > as_of {
        return Err(ReportError::FutureWeek {
            week: week_title_of(from),
            starts: from,
        });
    }
    let rows = store::received_between(
        db.conn(),
        from,
        to,
        &[AppealKind::Complaint, AppealKind::Suggestion],
    )?;
    Ok(Memo {
        week: iso_week_of(from),
        from,
        to,
        as_of,
        rows,
    })
}

/// The most of a subject a memo's row shows (a row must fit on a page).
const MEMO_SUBJECT_CHARS: usize = 300;

/// `s` cut to `n` characters with «…».
fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n).collect::<String>() + "…"
    }
}

/// «48-я неделя 2026 г.» of the ISO week of `day`.
pub fn week_title_of(day: NaiveDate) -> String {
    use chrono::Datelike as _;
    let w = day.iso_week();
    t::week_title(w.week(), w.year())
}

/// «48-я неделя 2026 г.» of the memo's week.
pub fn week_label(m: &Memo) -> String {
    use chrono::Datelike as _;
    let w = m.from.iso_week();
    t::week_title(w.week(), w.year())
}

/// The memo as a PDF on the company header, signed by the head of the group: with the head's
/// facsimile when the head makes it, else with the place for the signature by hand (a manager
/// prepares the memo, the head signs it).
pub fn memo_pdf(db: &Db, actor: &Actor, memo: &Memo) -> Result<Vec<u8>, ReportError> {
    let conn = db.conn();
    let company = admin_service::company(conn)?;
    let head = group_head(db)?;
    let rows: Vec<Vec<String>> = memo
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                (i + 1).to_string(),
                if r.number.is_empty() {
                    t::NOT_REGISTERED.to_string()
                } else {
                    r.number.clone()
                },
                fmt::date(r.received_at.date()),
                t::channel_label(r.channel.code()).to_string(),
                r.client.clone(),
                t::kind_in_table(r.kind.code()).to_string(),
                shorten(&r.subject, MEMO_SUBJECT_CHARS),
                t::status_label(r.status.code()).to_string(),
                fmt::opt_date(r.due_date),
            ]
        })
        .collect();
    let mut footer = Vec::new();
    let intro = if memo.rows.is_empty() {
        t::MEMO_NONE
    } else {
        t::MEMO_INTRO
    };
    if !memo.rows.is_empty() {
        footer.push(t::memo_totals(
            memo.rows.len(),
            memo.complaints(),
            memo.suggestions(),
        ));
        footer.push(t::memo_state_totals(
            memo.answered(),
            memo.rows.len() - memo.answered(),
            memo.overdue(),
        ));
    }
    let mut requisites = InternalHead::of(&company);
    requisites.kind = t::MEMO_TITLE.to_string();
    requisites.date_number = t::date_and_number(&fmt::date(memo.as_of), &memo.number());
    requisites.addressee = management_addressee(&company);
    let table = Table {
        title: vec![memo_heading(memo)],
        intro: vec![intro.to_string()],
        columns: vec![
            (t::COL_NO.into(), 8.0),
            (t::COL_APPEAL_NUMBER.into(), 22.0),
            (t::COL_RECEIVED.into(), 22.0),
            (t::COL_CHANNEL.into(), 37.0),
            (t::COL_APPEAL_CLIENT.into(), 47.0),
            (t::COL_APPEAL_KIND.into(), 28.0),
            (t::COL_SUBJECT.into(), 47.0),
            (t::COL_APPEAL_STATUS.into(), 32.0),
            (t::COL_DUE.into(), 24.0),
        ],
        rows,
        bold_rows: Vec::new(),
        footer,
        header: Some(requisites),
        landscape: true,
        charts: Vec::new(),
        cell_pt: None,
        signature: Some(head_signature(head.as_ref(), actor)),
    };
    let meta = Meta {
        title: t::memo_meta_title(&memo.number(), &week_label(memo)),
        author: head
            .as_ref()
            .map(|h| h.signature_name().replace('\u{a0}', " "))
            .unwrap_or_default(),
        subject: memo_heading(memo),
        date: memo.as_of,
    };
    Ok(pdf::render_pdf(&layout_table(&table, meta))?)
}

/// The head of the group's signature under a report to management: with the facsimile when
/// the head makes it, else the place for the signature by hand (a manager prepares it, the head
/// signs).
fn head_signature(head: Option<&crate::admin::Manager>, actor: &Actor) -> Signature {
    Signature {
        position: head
            .map(|h| h.position.clone())
            .filter(|p| !p.trim().is_empty())
            .unwrap_or_else(|| t::MEMO_SIGNER_FALLBACK.to_string()),
        name: head.map(|h| h.signature_name()).unwrap_or_default(),
        png: head
            .filter(|h| h.id.is_some() && h.id == actor.id)
            .filter(|_| actor.may(Duty::SignMemo).is_ok())
            .and_then(|h| h.signature_png.clone())
            .map(std::sync::Arc::new),
    }
}

fn group_head(db: &Db) -> Result<Option<crate::admin::Manager>, StorageError> {
    Ok(admin_service::managers(db.conn())?
        .into_iter()
        .find(|m| m.role == Role::GroupHead && m.active))
}

/// The memo's heading: «О жалобах и предложениях …, поступивших с … по … (49-я неделя 2026 г.)»,
/// «… по состоянию на …» while the week is not over.
pub fn memo_heading(memo: &Memo) -> String {
    let mut s = t::memo_subtitle(
        &fmt::date(memo.from),
        &fmt::date(memo.to),
        &week_label(memo),
    );
    if memo.unfinished() {
        s = t::memo_so_far(&s, &fmt::date(memo.as_of));
    }
    fmt::capitalize(&s)
}

/// Who reports to management go to, as the addressee block says it: «Генеральному директору»,
/// «А.В. Сидорову» when the requisites name the official, else «Руководству ОАО «…»».
pub fn management_addressee(company: &crate::pdf::letter::Company) -> Vec<String> {
    use crate::domain::names;
    match names::official_dative(&company.director_name) {
        Some(name) if !company.director_position.trim().is_empty() => vec![
            fmt::capitalize(&names::position_dative(company.director_position.trim())),
            name,
        ],
        _ => vec![t::memo_addressee(&company.short_name)],
    }
}

/// Writes the memo's PDF to `target`.
pub fn write_memo(db: &Db, actor: &Actor, memo: &Memo, target: &Path) -> Result<(), ReportError> {
    files::write(target, &memo_pdf(db, actor, memo)?)?;
    Ok(())
}

/// The statistics of the appeals registered in a period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stats {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The day the statistics are made: what is open and late is judged on it.
    pub as_of: NaiveDate,
    pub total: usize,
    pub by_channel: Vec<(Channel, usize)>,
    pub by_kind: Vec<(AppealKind, usize)>,
    /// Topics, most frequent first.
    pub by_topic: Vec<(String, usize)>,
    pub answered: usize,
    /// Answered on or before the deadline.
    pub on_time: usize,
    /// Average calendar days from receipt to the answer.
    pub avg_answer_days: Option<f64>,
    /// Open and past the deadline on `as_of`.
    pub open_overdue: usize,
}

impl Stats {
    /// Share of answers given on time, in percent.
    pub fn on_time_rate(&self) -> Option<f64> {
        (self.answered > 0).then(|| self.on_time as f64 * 100.0 / self.answered as f64)
    }
}

pub fn stats(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
    as_of: NaiveDate,
) -> Result<Stats, ReportError> {
    if to < from {
        return Err(ReportError::BadPeriod);
    }
    if from > as_of {
        return Err(ReportError::FuturePeriod(from));
    }
    let rows = store::stat_rows(db.conn(), from, to)?;
    let mut by_channel: BTreeMap<Channel, usize> = BTreeMap::new();
    let mut by_kind: BTreeMap<AppealKind, usize> = BTreeMap::new();
    let mut by_topic: BTreeMap<String, usize> = BTreeMap::new();
    let (mut answered, mut on_time, mut days, mut open_overdue) = (0, 0, 0i64, 0);
    for (kind, channel, topic, status, received, due, answered_on) in &rows {
        *by_channel.entry(*channel).or_default() += 1;
        *by_kind.entry(*kind).or_default() += 1;
        let topic = if topic.is_empty() {
            t::WITHOUT_TOPIC.to_string()
        } else {
            topic.clone()
        };
        *by_topic.entry(topic).or_default() += 1;
        if let Some(a) = answered_on {
            answered += 1;
            days += (*a - received.date()).num_days().max(0);
            if due.is_none_or(|d| *a <= d) {
                on_time += 1;
            }
        } else if status.is_open() && due.is_some_and(|d| d < as_of) {
            open_overdue += 1;
        }
    }
    let mut by_topic: Vec<(String, usize)> = by_topic.into_iter().collect();
    by_topic.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(Stats {
        from,
        to,
        as_of,
        total: rows.len(),
        by_channel: Channel::ALL
            .iter()
            .map(|c| (*c, by_channel.get(c).copied().unwrap_or(0)))
            .collect(),
        by_kind: AppealKind::ALL
            .iter()
            .map(|k| (*k, by_kind.get(k).copied().unwrap_or(0)))
            .collect(),
        by_topic,
        answered,
        on_time,
        avg_answer_days: (answered > 0).then(|| days as f64 / answered as f64),
        open_overdue,
    })
}

/// The statistics as a PDF table.
pub fn stats_pdf(db: &Db, actor: &Actor, s: &Stats) -> Result<Vec<u8>, ReportError> {
    let company = admin_service::company(db.conn())?;
    let head = group_head(db)?;
    let mut requisites = InternalHead::of(&company);
    requisites.kind = t::STATS_KIND.to_string();
    requisites.date_number = fmt::date(s.as_of);
    requisites.addressee = management_addressee(&company);
    let period = stats_period(s);
    let mut title = vec![t::STATS_TITLE.to_string(), period.clone()];
    // A period that ends today is not over either: what comes in today is still to count.
    if s.to >= s.as_of {
        title.push(t::stats_so_far(&fmt::date(s.as_of)));
    }
    let table = Table {
        title,
        intro: vec![stats_summary(s)],
        columns: Vec::new(),
        rows: Vec::new(),
        bold_rows: Vec::new(),
        footer: Vec::new(),
        header: Some(requisites),
        signature: Some(head_signature(head.as_ref(), actor)),
        landscape: false,
        charts: vec![
            count_chart(
                t::STATS_CHART_BY_CHANNEL,
                s.by_channel
                    .iter()
                    .map(|(c, n)| (t::channel_label(c.code()), *n)),
            ),
            count_chart(
                t::STATS_CHART_BY_KIND,
                s.by_kind.iter().map(|(k, n)| (t::kind_label(k.code()), *n)),
            ),
            count_chart(
                t::STATS_CHART_BY_TOPIC,
                s.by_topic.iter().map(|(topic, n)| (topic.as_str(), *n)),
            ),
        ],
        cell_pt: None,
    };
    let meta = Meta {
        title: t::STATS_TITLE.into(),
        author: head
            .as_ref()
            .map(|h| h.signature_name().replace('\u{a0}', " "))
            .unwrap_or_default(),
        subject: period,
        date: s.as_of,
    };
    Ok(pdf::render_pdf(&layout_table(&table, meta))?)
}

/// «за период с 01.01.2026 по 31.12.2026».
pub fn stats_period(s: &Stats) -> String {
    t::stats_period(&fmt::date(s.from), &fmt::date(s.to))
}

/// The totals of the statistics said as a report says them: how many came, were answered, in
/// time, how long an answer took, how many are late.
pub fn stats_summary(s: &Stats) -> String {
    let rate = s
        .on_time_rate()
        .map(|r| format!("{}\u{a0}%", fmt::number(r, 1)));
    let days = s.avg_answer_days.map(|d| fmt::number(d, 1));
    let n = |n: usize| fmt::number(n as f64, 0);
    t::stats_summary(
        (s.total, &n(s.total)),
        (s.answered, &n(s.answered)),
        &n(s.on_time),
        rate.as_deref(),
        days.as_deref(),
        &n(s.open_overdue),
    )
}

fn count_chart<'a>(
    title: &str,
    counts: impl Iterator<Item = (&'a str, usize)>,
) -> crate::pdf::table::Chart {
    crate::pdf::table::Chart {
        title: title.to_string(),
        bars: counts
            .map(|(label, n)| (label.to_string(), n as f64, fmt::number(n as f64, 0)))
            .collect(),
        full: None,
    }
}

pub fn write_stats(db: &Db, actor: &Actor, s: &Stats, target: &Path) -> Result<(), ReportError> {
    files::write(target, &stats_pdf(db, actor, s)?)?;
    Ok(())
}
