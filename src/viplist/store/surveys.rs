//! The SQL of the satisfaction study: the questionnaire, the surveys and their answers, the plan.

use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::super::survey::{Answer, Due, Question, Survey, SurveyRow};
use crate::domain::{Code as _, Id, new_uuid};
use crate::storage::{Result, Tx, code, date_from_sql, date_to_sql};

fn question_of(r: &Row) -> rusqlite::Result<Question> {
    Ok(Question {
        id: r.get(0)?,
        text: r.get(1)?,
        kind: code(r, 2)?,
        sort: r.get(3)?,
        active: r.get(4)?,
    })
}

pub fn questions(conn: &Connection) -> Result<Vec<Question>> {
    let mut st = conn.prepare_cached(
        "SELECT id, text, kind, sort, active FROM survey_questions WHERE deleted_at IS NULL \
         ORDER BY sort, id",
    )?;
    Ok(st
        .query_map([], question_of)?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn question(conn: &Connection, id: Id) -> Result<Option<Question>> {
    Ok(conn
        .query_row(
            "SELECT id, text, kind, sort, active FROM survey_questions WHERE id = ?1",
            [id],
            question_of,
        )
        .optional()?)
}

/// Whether any live survey answered the question.
pub fn is_answered(conn: &Connection, id: Id) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM survey_answers a JOIN surveys s ON s.id = a.survey_id \
         WHERE a.question_id = ?1 AND a.deleted_at IS NULL AND s.deleted_at IS NULL)",
        [id],
        |r| r.get(0),
    )?)
}

pub fn save_question(w: &Tx, q: &Question) -> Result<Id> {
    match q.id {
        Some(id) => {
            w.execute(
                "UPDATE survey_questions SET text = ?2, kind = ?3, sort = ?4, active = ?5, \
                 updated_at = ?6, author_id = ?7 WHERE id = ?1",
                params![
                    id,
                    q.text,
                    q.kind.code(),
                    q.sort,
                    q.active,
                    w.now(),
                    w.author()
                ],
            )?;
            Ok(id)
        }
        None => {
            w.execute(
                "INSERT INTO survey_questions (uuid, created_at, updated_at, author_id, text, \
                 kind, sort, active) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    new_uuid(),
                    w.now(),
                    w.author(),
                    q.text,
                    q.kind.code(),
                    q.sort,
                    q.active
                ],
            )?;
            Ok(w.last_insert_rowid())
        }
    }
}

const SURVEY_COLUMNS: &str =
    "id, client_id, date, person_id, respondent, channel, manager_id, comment, appeal_id";

fn survey_of(r: &Row) -> rusqlite::Result<Survey> {
    Ok(Survey {
        id: r.get(0)?,
        client_id: r.get(1)?,
        date: date_from_sql(r.get(2)?),
        person_id: r.get(3)?,
        respondent: r.get(4)?,
        channel: code(r, 5)?,
        manager_id: r.get(6)?,
        comment: r.get(7)?,
        appeal_id: r.get(8)?,
        answers: Vec::new(),
    })
}

fn answers(conn: &Connection, survey_id: Id) -> Result<Vec<Answer>> {
    let mut st = conn.prepare_cached(
        "SELECT a.question_id, a.score, a.text FROM survey_answers a \
         JOIN survey_questions q ON q.id = a.question_id \
         WHERE a.survey_id = ?1 AND a.deleted_at IS NULL ORDER BY q.sort, q.id",
    )?;
    Ok(st
        .query_map([survey_id], |r| {
            Ok(Answer {
                question_id: r.get(0)?,
                score: r.get(1)?,
                text: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn survey(conn: &Connection, id: Id) -> Result<Option<Survey>> {
    let s = conn
        .query_row(
            &format!("SELECT {SURVEY_COLUMNS} FROM surveys WHERE id = ?1 AND deleted_at IS NULL"),
            [id],
            survey_of,
        )
        .optional()?;
    match s {
        Some(mut s) => {
            s.answers = answers(conn, id)?;
            Ok(Some(s))
        }
        None => Ok(None),
    }
}

pub fn surveys_of_client(conn: &Connection, client_id: Id) -> Result<Vec<Survey>> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT {SURVEY_COLUMNS} FROM surveys WHERE client_id = ?1 AND deleted_at IS NULL \
         ORDER BY date DESC, id DESC"
    ))?;
    let mut out: Vec<Survey> = st
        .query_map([client_id], survey_of)?
        .collect::<rusqlite::Result<_>>()?;
    for s in &mut out {
        s.answers = answers(conn, s.id.unwrap_or_default())?;
    }
    Ok(out)
}

/// Saves a survey and replaces its answers.
pub fn save_survey(w: &Tx, s: &Survey) -> Result<Id> {
    let year = s.year().unwrap_or_default();
    let id = match s.id {
        Some(id) => {
            w.execute(
                "UPDATE surveys SET year = ?2, date = ?3, person_id = ?4, respondent = ?5, \
                 channel = ?6, manager_id = ?7, comment = ?8, updated_at = ?9, author_id = ?10 \
                 WHERE id = ?1",
                params![
                    id,
                    year,
                    date_to_sql(s.date),
                    s.person_id,
                    s.respondent,
                    s.channel.code(),
                    s.manager_id,
                    s.comment,
                    w.now(),
                    w.author()
                ],
            )?;
            id
        }
        None => {
            w.execute(
                "INSERT INTO surveys (uuid, created_at, updated_at, author_id, client_id, year, \
                 date, person_id, respondent, channel, manager_id, comment) \
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    new_uuid(),
                    w.now(),
                    w.author(),
                    s.client_id,
                    year,
                    date_to_sql(s.date),
                    s.person_id,
                    s.respondent,
                    s.channel.code(),
                    s.manager_id,
                    s.comment
                ],
            )?;
            w.last_insert_rowid()
        }
    };
    // The answers as given: a changed one updated, a new one added, one taken back removed.
    let old: Vec<(Id, Id, Option<u8>, String)> = w
        .prepare_cached(
            "SELECT id, question_id, score, text FROM survey_answers \
             WHERE survey_id = ?1 AND deleted_at IS NULL",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for a in &s.answers {
        match old.iter().find(|o| o.1 == a.question_id) {
            Some(o) if o.2 == a.score && o.3 == a.text => {}
            Some(o) => {
                w.prepare_cached(
                    "UPDATE survey_answers SET score = ?2, text = ?3, updated_at = ?4, \
                     author_id = ?5 WHERE id = ?1",
                )?
                .execute(params![o.0, a.score, a.text, w.now(), w.author()])?;
            }
            None => {
                w.prepare_cached(
                    "INSERT INTO survey_answers (uuid, created_at, updated_at, author_id, \
                     survey_id, question_id, score, text) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![
                    new_uuid(),
                    w.now(),
                    w.author(),
                    id,
                    a.question_id,
                    a.score,
                    a.text
                ])?;
            }
        }
    }
    for o in &old {
        if !s.answers.iter().any(|a| a.question_id == o.1) {
            w.prepare_cached(
                "UPDATE survey_answers SET deleted_at = ?2, updated_at = ?2, author_id = ?3 \
                 WHERE id = ?1",
            )?
            .execute(params![o.0, w.now(), w.author()])?;
        }
    }
    Ok(id)
}

pub fn delete_survey(w: &Tx, id: Id) -> Result<()> {
    w.execute(
        "UPDATE survey_answers SET deleted_at = ?2, updated_at = ?2, author_id = ?3 \
         WHERE survey_id = ?1 AND deleted_at IS NULL",
        params![id, w.now(), w.author()],
    )?;
    w.execute(
        "UPDATE surveys SET deleted_at = ?2, updated_at = ?2, author_id = ?3 WHERE id = ?1",
        params![id, w.now(), w.author()],
    )?;
    Ok(())
}

pub fn link_appeal(w: &Tx, survey_id: Id, appeal_id: Id) -> Result<()> {
    w.execute(
        "UPDATE surveys SET appeal_id = ?2, updated_at = ?3, author_id = ?4 WHERE id = ?1",
        params![survey_id, appeal_id, w.now(), w.author()],
    )?;
    Ok(())
}

/// The VIP clients of `year` (their approved row of the year includes them) that no live
/// survey of the year has asked, of the manager `only` when given, by name.
pub fn due(conn: &Connection, year: i32, only: Option<Id>) -> Result<Vec<Due>> {
    let mut st = conn.prepare_cached(
        "SELECT c.id, c.short_name, c.manager_id FROM clients c
         WHERE c.deleted_at IS NULL AND (?2 IS NULL OR c.manager_id = ?2)
           AND EXISTS (SELECT 1 FROM vip_years v WHERE v.client_id = c.id AND v.year = ?1
                       AND v.included = 1 AND v.deleted_at IS NULL)
           AND NOT EXISTS (SELECT 1 FROM surveys s WHERE s.client_id = c.id AND s.year = ?1
                           AND s.deleted_at IS NULL)
         ORDER BY c.short_name, c.id",
    )?;
    Ok(st
        .query_map(params![year, only], |r| {
            Ok(Due {
                client_id: r.get(0)?,
                client: r.get(1)?,
                manager_id: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// One scored or free answer of a survey of `year`, with what the report groups it by.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerFact {
    pub survey_id: Id,
    pub client_id: Id,
    pub client: String,
    pub district: String,
    pub manager_id: Option<Id>,
    pub question_id: Id,
    pub score: Option<u8>,
    pub text: String,
    pub comment: String,
}

/// Every answer of the live surveys of `year` (of the manager `only`), by survey.
pub fn answer_facts(conn: &Connection, year: i32, only: Option<Id>) -> Result<Vec<AnswerFact>> {
    let mut st = conn.prepare_cached(
        "SELECT s.id, s.client_id, c.short_name, COALESCE(d.name, ''), s.manager_id,
                a.question_id, a.score, a.text, s.comment
         FROM surveys s
         JOIN clients c ON c.id = s.client_id
         LEFT JOIN districts d ON d.id = c.district_id
         JOIN survey_answers a ON a.survey_id = s.id AND a.deleted_at IS NULL
         WHERE s.year = ?1 AND s.deleted_at IS NULL AND c.deleted_at IS NULL
           AND (?2 IS NULL OR s.manager_id = ?2)
         ORDER BY s.id",
    )?;
    Ok(st
        .query_map(params![year, only], |r| {
            Ok(AnswerFact {
                survey_id: r.get(0)?,
                client_id: r.get(1)?,
                client: r.get(2)?,
                district: r.get(3)?,
                manager_id: r.get(4)?,
                question_id: r.get(5)?,
                score: r.get(6)?,
                text: r.get(7)?,
                comment: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// How many VIP clients `year` has (of the manager `only`), and how many of them were surveyed.
pub fn coverage(conn: &Connection, year: i32, only: Option<Id>) -> Result<(usize, usize)> {
    let (vip, asked): (i64, i64) = conn.query_row(
        "SELECT count(*), count(*) FILTER (WHERE EXISTS (
                    SELECT 1 FROM surveys s WHERE s.client_id = c.id AND s.year = ?1
                    AND s.deleted_at IS NULL))
         FROM clients c
         WHERE c.deleted_at IS NULL AND (?2 IS NULL OR c.manager_id = ?2)
           AND EXISTS (SELECT 1 FROM vip_years v WHERE v.client_id = c.id AND v.year = ?1
                       AND v.included = 1 AND v.deleted_at IS NULL)",
        params![year, only],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok((
        usize::try_from(vip).unwrap_or(0),
        usize::try_from(asked).unwrap_or(0),
    ))
}

/// The live surveys of `year` (of the manager `only`'s clients), newest first, each with its
/// average score and its lowest.
pub fn of_year(conn: &Connection, year: i32, only: Option<Id>) -> Result<Vec<SurveyRow>> {
    let mut st = conn.prepare_cached(
        "SELECT s.id, s.client_id, c.short_name, s.date, s.channel, s.appeal_id,
                avg(a.score), min(a.score)
         FROM surveys s
         JOIN clients c ON c.id = s.client_id
         LEFT JOIN survey_answers a ON a.survey_id = s.id AND a.deleted_at IS NULL
         WHERE s.year = ?1 AND s.deleted_at IS NULL AND c.deleted_at IS NULL
           AND (?2 IS NULL OR c.manager_id = ?2)
         GROUP BY s.id ORDER BY s.date DESC, s.id DESC",
    )?;
    Ok(st
        .query_map(params![year, only], |r| {
            Ok(SurveyRow {
                id: r.get(0)?,
                client_id: r.get(1)?,
                client: r.get(2)?,
                date: date_from_sql(r.get(3)?),
                channel: code(r, 4)?,
                appeal_id: r.get(5)?,
                mean: r.get(6)?,
                lowest: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}
