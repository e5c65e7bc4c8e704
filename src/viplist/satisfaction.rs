//! The annual report of the satisfaction study for management: the response rate (the VIP
//! clients of the year surveyed), the average score of each question, of each district office
//! and of each manager, the lowest-rated clients with their comments, and the change from last
//! year — as a table, a chart and a PDF.

use std::collections::HashMap;
use std::path::Path;

use super::documents::DocumentError;
use super::model::QuestionKind;
use super::store::surveys::{self as store, AnswerFact};
use super::survey::{LOW_SCORE, Question};
use crate::domain::{Actor, Id, fmt};
use crate::files;
use crate::pdf;
use crate::pdf::table::{Chart, InternalHead, Table, layout_table};
use crate::storage::{Reader, StorageError};
use crate::words as w;

/// The clients listed as the lowest rated.
pub const LOWEST: usize = 10;

/// An average of scores and how many went into it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Mean {
    pub sum: u64,
    pub n: u64,
}

impl Mean {
    fn add(&mut self, score: u8) {
        self.sum += u64::from(score);
        self.n += 1;
    }
    pub fn value(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum as f64 / self.n as f64)
    }
}

/// A question's average this year and last.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionRow {
    pub question_id: Id,
    pub text: String,
    pub mean: Mean,
    pub last_year: Mean,
}

/// A group's (an office's, a manager's) average and its surveys.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRow {
    pub name: String,
    pub mean: Mean,
    pub surveys: usize,
}

/// A survey among the lowest rated.
#[derive(Debug, Clone, PartialEq)]
pub struct LowRow {
    pub client_id: Id,
    pub client: String,
    pub mean: Mean,
    /// The questions scored low: (question, score).
    pub low: Vec<(String, u8)>,
    pub comment: String,
    /// The free answers.
    pub said: Vec<String>,
}

/// The report of a year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    pub year: i32,
    /// The manager whose clients it covers (`None`: every client).
    pub manager: Option<Id>,
    /// VIP clients of the year, and how many of them were surveyed.
    pub vip: usize,
    pub surveyed: usize,
    pub surveys: usize,
    pub overall: Mean,
    pub overall_last_year: Mean,
    pub questions: Vec<QuestionRow>,
    pub by_district: Vec<GroupRow>,
    pub by_manager: Vec<GroupRow>,
    pub lowest: Vec<LowRow>,
}

impl Report {
    /// The share of the year's VIP clients surveyed, in per cent.
    pub fn response_rate(&self) -> Option<f64> {
        (self.vip > 0).then(|| self.surveyed as f64 * 100.0 / self.vip as f64)
    }
}

fn groups(facts: &[AnswerFact], key: impl Fn(&AnswerFact) -> String) -> Vec<GroupRow> {
    let mut by: HashMap<String, (Mean, Vec<Id>)> = HashMap::new();
    for f in facts {
        let e = by.entry(key(f)).or_default();
        if let Some(s) = f.score {
            e.0.add(s);
        }
        if e.1.last() != Some(&f.survey_id) {
            e.1.push(f.survey_id);
        }
    }
    let mut out: Vec<GroupRow> = by
        .into_iter()
        .map(|(name, (mean, surveys))| GroupRow {
            name,
            mean,
            surveys: surveys.len(),
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// Computes the report from the answers of the year and of the year before (pure).
pub fn compute(
    year: i32,
    (vip, surveyed): (usize, usize),
    questions: &[Question],
    facts: &[AnswerFact],
    last_year: &[AnswerFact],
    manager_names: &HashMap<Id, String>,
) -> Report {
    let scale = |id: Id| {
        questions
            .iter()
            .find(|q| q.id == Some(id))
            .is_some_and(|q| q.kind == QuestionKind::Scale)
    };
    let mut overall = Mean::default();
    let mut by_question: HashMap<Id, (Mean, Mean)> = HashMap::new();
    for f in facts {
        if let (Some(s), true) = (f.score, scale(f.question_id)) {
            overall.add(s);
            by_question.entry(f.question_id).or_default().0.add(s);
        }
    }
    let mut overall_last_year = Mean::default();
    for f in last_year {
        if let (Some(s), true) = (f.score, scale(f.question_id)) {
            overall_last_year.add(s);
            by_question.entry(f.question_id).or_default().1.add(s);
        }
    }
    let questions_rows = questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Scale)
        .filter_map(|q| {
            let id = q.id?;
            let (mean, last) = by_question.get(&id).copied().unwrap_or_default();
            (q.active || mean.n > 0).then(|| QuestionRow {
                question_id: id,
                text: q.text.clone(),
                mean,
                last_year: last,
            })
        })
        .collect();
    // Each survey's own mean, for the lowest rated.
    let text_of = |id: Id| {
        questions
            .iter()
            .find(|q| q.id == Some(id))
            .map(|q| q.text.clone())
            .unwrap_or_default()
    };
    let mut surveys: Vec<LowRow> = Vec::new();
    let mut last_survey = None;
    for f in facts {
        if last_survey != Some(f.survey_id) {
            surveys.push(LowRow {
                client_id: f.client_id,
                client: f.client.clone(),
                mean: Mean::default(),
                low: Vec::new(),
                comment: f.comment.clone(),
                said: Vec::new(),
            });
            last_survey = Some(f.survey_id);
        }
        let Some(row) = surveys.last_mut() else {
            continue;
        };
        match f.score {
            Some(s) if scale(f.question_id) => {
                row.mean.add(s);
                if s <= LOW_SCORE {
                    row.low.push((text_of(f.question_id), s));
                }
            }
            _ if !f.text.trim().is_empty() => row.said.push(f.text.clone()),
            _ => {}
        }
    }
    let survey_count = surveys.len();
    surveys.retain(|s| s.mean.n > 0);
    surveys.sort_by(|a, b| {
        a.mean
            .value()
            .unwrap_or(5.0)
            .total_cmp(&b.mean.value().unwrap_or(5.0))
            .then_with(|| a.client.cmp(&b.client))
    });
    surveys.truncate(LOWEST);
    Report {
        year,
        manager: None,
        vip,
        surveyed,
        surveys: survey_count,
        overall,
        overall_last_year,
        questions: questions_rows,
        by_district: groups(facts, |f| {
            if f.district.is_empty() {
                w::NO_DISTRICT.to_string()
            } else {
                f.district.clone()
            }
        }),
        by_manager: groups(facts, |f| {
            f.manager_id
                .and_then(|m| manager_names.get(&m).cloned())
                .unwrap_or_else(|| w::NO_MANAGER.to_string())
        }),
        lowest: surveys,
    }
}

/// The report of `year` over the clients `actor` sees.
pub fn report(db: &impl Reader, actor: &Actor, year: i32) -> Result<Report, StorageError> {
    let conn = db.connection();
    let only = actor.scope().manager();
    let questions = store::questions(conn)?;
    let facts = store::answer_facts(conn, year, only)?;
    let last = store::answer_facts(conn, year - 1, only)?;
    let names = crate::admin::service::distinct_names(&crate::admin::service::managers(db)?);
    Ok(Report {
        manager: only,
        ..compute(
            year,
            store::coverage(conn, year, only)?,
            &questions,
            &facts,
            &last,
            &names,
        )
    })
}

/// The report's first paragraph: who was asked, the average and its change; a manager's
/// report says whose clients it covers.
pub fn intro_words(r: &Report, manager_name: Option<&str>) -> String {
    let mut s = if r.surveys == 0 {
        w::no_surveys(r.year)
    } else {
        w::sat_intro(
            r.vip,
            r.surveyed,
            &r.response_rate()
                .map_or("—".to_string(), |p| fmt::number(p, 0)),
            r.surveys,
            &mean_words(&r.overall),
            &change_words(&r.overall, &r.overall_last_year),
        )
    };
    if let Some(name) = manager_name {
        s = format!("{} {s}", w::sat_scope_line(name));
    }
    s
}

/// An average as the report prints it: «4,29», «—» where nothing was scored.
pub fn mean_words(m: &Mean) -> String {
    m.value()
        .map_or_else(|| "—".to_string(), |v| fmt::number(v, 2))
}

/// The change of an average from last year: «+0,25», «−0,10», «—».
pub fn change_words(now: &Mean, before: &Mean) -> String {
    match (now.value(), before.value()) {
        (Some(a), Some(b)) => {
            let d = a - b;
            let sign = if d > 0.005 {
                "+"
            } else if d < -0.005 {
                "−"
            } else {
                ""
            };
            format!("{sign}{}", fmt::number(d.abs(), 2))
        }
        _ => "—".to_string(),
    }
}

/// The report as a PDF for management: the figures, a chart of the questions' averages, and
/// the tables.
pub fn report_pdf(
    db: &impl Reader,
    r: &Report,
    today: chrono::NaiveDate,
) -> Result<Vec<u8>, DocumentError> {
    let company = crate::admin::service::company(db)?;
    let managers = crate::admin::service::managers(db)?;
    let manager_name = r
        .manager
        .and_then(|id| managers.iter().find(|m| m.id == Some(id)))
        .map(|m| m.short_name());
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut bold = Vec::new();
    let mut section = |rows: &mut Vec<Vec<String>>, title: &str| {
        bold.push(rows.len());
        rows.push(vec![
            title.to_string(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    };
    section(&mut rows, w::SAT_BY_QUESTION);
    for q in &r.questions {
        rows.push(vec![
            q.text.clone(),
            mean_words(&q.mean),
            q.mean.n.to_string(),
            change_words(&q.mean, &q.last_year),
        ]);
    }
    rows.push(vec![
        w::SAT_OVERALL.to_string(),
        mean_words(&r.overall),
        r.overall.n.to_string(),
        change_words(&r.overall, &r.overall_last_year),
    ]);
    section(&mut rows, w::SAT_BY_DISTRICT);
    for g in &r.by_district {
        rows.push(vec![
            g.name.clone(),
            mean_words(&g.mean),
            g.surveys.to_string(),
            String::new(),
        ]);
    }
    section(&mut rows, w::SAT_BY_MANAGER);
    for g in &r.by_manager {
        rows.push(vec![
            g.name.clone(),
            mean_words(&g.mean),
            g.surveys.to_string(),
            String::new(),
        ]);
    }
    let mut footer = vec![w::SAT_LOWEST.to_string()];
    if r.lowest.is_empty() {
        footer.push(w::SAT_NO_SURVEYS.to_string());
    }
    for (i, l) in r.lowest.iter().enumerate() {
        footer.push(w::sat_low_line(
            i + 1,
            &l.client,
            &mean_words(&l.mean),
            &l.low
                .iter()
                .map(|(q, s)| w::low_score_line(q, *s))
                .collect::<Vec<_>>()
                .join("; "),
            &l.comment,
            &l.said.join("; "),
        ));
    }
    let chart = Chart {
        title: w::sat_chart_title(r.year),
        bars: r
            .questions
            .iter()
            .filter_map(|q| Some((q.text.clone(), q.mean.value()?, mean_words(&q.mean))))
            .collect(),
        full: Some(5.0),
    };
    let mut head = InternalHead::of(&company);
    head.addressee = crate::appeals::memo::management_addressee(&company);
    head.date_number = fmt::date(today);
    let title = w::sat_title(r.year);
    let table = Table {
        title: vec![title.clone()],
        intro: vec![intro_words(r, manager_name.as_deref())],
        columns: vec![
            (w::SAT_COL_WHAT.into(), 100.0),
            (w::SAT_COL_MEAN.into(), 25.0),
            (w::SAT_COL_N.into(), 25.0),
            (w::sat_col_change(r.year - 1), 30.0),
        ],
        rows,
        bold_rows: bold,
        footer,
        header: Some(head),
        signature: super::documents::preparer(&managers),
        landscape: false,
        charts: if chart.bars.is_empty() {
            Vec::new()
        } else {
            vec![chart]
        },
        cell_pt: None,
    };
    let meta = super::documents::meta(&title, table.signature.as_ref(), today);
    Ok(pdf::render_pdf(&layout_table(&table, meta))?)
}

/// Writes the report of `year` (as `actor` sees it) to `target`.
pub fn write_report(
    db: &impl Reader,
    actor: &Actor,
    year: i32,
    today: chrono::NaiveDate,
    target: &Path,
) -> Result<Report, DocumentError> {
    let r = report(db, actor, year)?;
    if r.surveys == 0 {
        return Err(DocumentError::NoSurveys(year));
    }
    files::write(target, &report_pdf(db, &r, today)?)?;
    Ok(r)
}
