//! The satisfaction study (the standard's passive feedback: the company asks): the
//! questionnaire the head keeps, the surveys managers record for their clients, the yearly plan
//! (every VIP client surveyed at least once a year) and a low score turned into an appeal.

use chrono::{Datelike as _, NaiveDate};

use super::model::QuestionKind;
use super::store::surveys as store;
use crate::appeals::Channel;
use crate::domain::{Actor, Check, Duty, FieldError, FieldErrors, Id};
use crate::storage::{Db, Reader, StorageError};

/// A question of the questionnaire.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Question {
    pub id: Option<Id>,
    pub text: String,
    pub kind: QuestionKind,
    pub sort: i64,
    /// Asked in new surveys (a question once answered is retired, never deleted).
    pub active: bool,
}

/// The answer to one question.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answer {
    pub question_id: Id,
    /// 1 (bad) to 5 (excellent), for a question on the scale.
    pub score: Option<u8>,
    /// Words, for a free question.
    pub text: String,
}

/// A survey of a client: who answered, when, by which channel, the answers and a comment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Survey {
    pub id: Option<Id>,
    pub client_id: Id,
    pub date: Option<NaiveDate>,
    /// The person of the dossier who answered.
    pub person_id: Option<Id>,
    /// Who answered, when not a person of the dossier.
    pub respondent: String,
    pub channel: Channel,
    /// The client's manager when it was recorded (the report by manager).
    pub manager_id: Option<Id>,
    pub comment: String,
    /// The appeal registered from its low scores.
    pub appeal_id: Option<Id>,
    pub answers: Vec<Answer>,
}

/// The score at or below which an answer asks for an appeal.
pub const LOW_SCORE: u8 = 2;

impl Survey {
    /// The year the survey counts for.
    pub fn year(&self) -> Option<i32> {
        self.date.map(|d| d.year())
    }
    /// The answers scored [`LOW_SCORE`] or lower.
    pub fn low_scores(&self) -> impl Iterator<Item = &Answer> {
        self.answers
            .iter()
            .filter(|a| a.score.is_some_and(|s| s <= LOW_SCORE))
    }
    /// Whether the survey asks to be registered as an appeal: a low score, and no appeal yet.
    pub fn offers_appeal(&self) -> bool {
        self.appeal_id.is_none() && self.low_scores().next().is_some()
    }
}

/// Why a survey (or a question) was not saved.
#[derive(Debug, thiserror::Error)]
pub enum SurveyError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("{0:?}")]
    Fields(FieldErrors),
    /// The survey has no low score to answer, or its appeal is registered already.
    #[error("no low score to register")]
    NothingToRegister,
    #[error(transparent)]
    Appeal(#[from] crate::appeals::AppealError),
}

impl From<crate::domain::Denied> for SurveyError {
    fn from(d: crate::domain::Denied) -> Self {
        SurveyError::Storage(d.into())
    }
}

/// The questionnaire: every question (retired ones too), in order.
pub fn questions(db: &impl Reader) -> Result<Vec<Question>, StorageError> {
    store::questions(db.connection())
}

/// Saves a question of the questionnaire (the head's); returns its id.
pub fn save_question(db: &mut Db, actor: &Actor, q: &Question) -> Result<Id, SurveyError> {
    let mut ck = Check::default();
    let text = ck.required("text", &q.text);
    if text.contains('\n') {
        ck.err("text", FieldError::OneLine);
    }
    let q = Question { text, ..q.clone() };
    ck.finish(()).map_err(SurveyError::Fields)?;
    let id = db.write(actor, |w| {
        w.actor().may(Duty::EditQuestionnaire)?;
        if let Some(id) = q.id
            && store::is_answered(w, id)?
            && store::question(w, id)?.is_some_and(|old| old.kind != q.kind)
        {
            // The answers given would no longer fit the question.
            return Err(SurveyError::Fields(
                [("kind".to_string(), FieldError::Required)].into(),
            ));
        }
        Ok::<_, SurveyError>(store::save_question(w, &q)?)
    })?;
    log::info!("survey question {id} saved");
    Ok(id)
}

/// Checks a survey against the questionnaire: a date not after `today`, who answered, a
/// score from 1 to 5 for each scored answer, at least one answer.
fn check(s: &Survey, questions: &[Question], today: NaiveDate) -> Result<(), SurveyError> {
    let mut ck = Check::default();
    match s.date {
        None => ck.err("date", FieldError::Date),
        Some(d) if d > today => ck.err("date", FieldError::FutureDate),
        Some(_) => {}
    }
    if s.client_id <= 0 {
        ck.err("client", FieldError::Required);
    }
    if s.person_id.is_none() && s.respondent.trim().is_empty() {
        ck.err("respondent", FieldError::Required);
    }
    if s.respondent.contains('\n') {
        ck.err("respondent", FieldError::OneLine);
    }
    let mut answered = 0;
    for (i, a) in s.answers.iter().enumerate() {
        let Some(q) = questions.iter().find(|q| q.id == Some(a.question_id)) else {
            ck.err(format!("answer.{i}"), FieldError::Required);
            continue;
        };
        match q.kind {
            QuestionKind::Scale => match a.score {
                Some(1..=5) => answered += 1,
                Some(_) => ck.err(format!("answer.{i}"), FieldError::Range { min: 1, max: 5 }),
                None => {}
            },
            QuestionKind::Free if !a.text.trim().is_empty() => answered += 1,
            QuestionKind::Free => {}
        }
    }
    if answered == 0 {
        ck.err("answers", FieldError::Required);
    }
    ck.finish(()).map_err(SurveyError::Fields)
}

/// Records a survey of a client (a manager, of their own clients); returns its id. The answers
/// left empty are not kept.
pub fn save(db: &mut Db, actor: &Actor, s: &Survey) -> Result<Id, SurveyError> {
    let questions = questions(db)?;
    check(s, &questions, db.today())?;
    let mut s = s.clone();
    s.respondent = s.respondent.trim().to_string();
    s.comment = s.comment.trim().to_string();
    s.answers
        .retain(|a| a.score.is_some() || !a.text.trim().is_empty());
    let id = db.write(actor, |w| {
        crate::clients::service::check_own(w, s.client_id)?;
        if let Some(id) = s.id {
            let old = store::survey(w, id)?.ok_or(StorageError::NotFound(id))?;
            crate::clients::service::check_own(w, old.client_id)?;
            s.appeal_id = old.appeal_id;
        }
        s.manager_id = crate::clients::service::manager_of(w, s.client_id)?;
        Ok::<_, SurveyError>(store::save_survey(w, &s)?)
    })?;
    log::info!("survey {id} of client {} saved", s.client_id);
    Ok(id)
}

/// A survey with its answers.
pub fn open(db: &impl Reader, id: Id) -> Result<Survey, StorageError> {
    store::survey(db.connection(), id)?.ok_or(StorageError::NotFound(id))
}

/// The surveys of a client, newest first.
pub fn of_client(db: &impl Reader, client_id: Id) -> Result<Vec<Survey>, StorageError> {
    store::surveys_of_client(db.connection(), client_id)
}

/// Removes a survey (into the trash of the journal: soft).
pub fn delete(db: &mut Db, actor: &Actor, id: Id) -> Result<(), SurveyError> {
    db.write(actor, |w| {
        let s = store::survey(w, id)?.ok_or(StorageError::NotFound(id))?;
        crate::clients::service::check_own(w, s.client_id)?;
        Ok::<_, SurveyError>(store::delete_survey(w, id)?)
    })?;
    log::info!("survey {id} removed");
    Ok(())
}

/// A survey as the list of a year shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyRow {
    pub id: Id,
    pub client_id: Id,
    pub client: String,
    pub date: Option<NaiveDate>,
    pub channel: Channel,
    pub appeal_id: Option<Id>,
    /// The average and the lowest of its scores.
    pub mean: Option<f64>,
    pub lowest: Option<u8>,
}

/// The surveys of `year` of the clients `actor` sees, newest first.
pub fn of_year(db: &impl Reader, actor: &Actor, year: i32) -> Result<Vec<SurveyRow>, StorageError> {
    store::of_year(db.connection(), year, actor.scope().manager())
}

/// A VIP client of the year not yet surveyed in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Due {
    pub client_id: Id,
    pub client: String,
    pub manager_id: Option<Id>,
}

/// The plan of `year`: its VIP clients (as approved) whom nobody has surveyed in it yet, of
/// the clients `actor` sees.
pub fn due(db: &impl Reader, actor: &Actor, year: i32) -> Result<Vec<Due>, StorageError> {
    store::due(db.connection(), year, actor.scope().manager())
}

/// The first month of the year in which the plan shows on «Сегодня», and the day by which every
/// VIP client should have been asked (the report is made in December).
pub const PLAN_FROM_MONTH: u32 = 10;
pub const PLAN_DUE: (u32, u32) = (12, 1);

/// Whether the plan of `today`'s year shows on «Сегодня» (from October), and whether it is late.
pub fn plan_shows(today: NaiveDate) -> (bool, bool) {
    let due = NaiveDate::from_ymd_opt(today.year(), PLAN_DUE.0, PLAN_DUE.1);
    (
        today.month() >= PLAN_FROM_MONTH,
        due.is_some_and(|d| today >= d),
    )
}

/// Registers the low scores of a survey as an appeal of its client (received on the survey's
/// day by its channel, subject and text from the scores and the comment), linked to the survey;
/// returns the appeal's id, for the manager to register and answer.
pub fn register_appeal(db: &mut Db, actor: &Actor, survey_id: Id) -> Result<Id, SurveyError> {
    let s = open(db, survey_id)?;
    if !s.offers_appeal() {
        return Err(SurveyError::NothingToRegister);
    }
    let questions = questions(db)?;
    let text = |id: Id| {
        questions
            .iter()
            .find(|q| q.id == Some(id))
            .map(|q| q.text.clone())
            .unwrap_or_default()
    };
    let mut body: Vec<String> = s
        .low_scores()
        .map(|a| crate::words::low_score_line(&text(a.question_id), a.score.unwrap_or(0)))
        .collect();
    if !s.comment.is_empty() {
        body.push(crate::words::survey_comment_line(&s.comment));
    }
    let received = s
        .date
        .unwrap_or_else(|| db.today())
        .and_hms_opt(9, 0, 0)
        .unwrap_or_default()
        .min(db.clock().local());
    let mut appeal =
        crate::appeals::service::new_appeal(s.client_id, s.channel, received, s.manager_id);
    appeal.kind = crate::appeals::AppealKind::Feedback;
    appeal.person_id = s.person_id;
    appeal.sender = s.respondent.clone();
    appeal.subject = crate::words::SURVEY_APPEAL_SUBJECT.to_string();
    appeal.body = body.join("\n");
    let id = db.all_or_nothing(|db| {
        let id = crate::appeals::service::create(db, actor, &appeal, false, &[])?;
        db.write(actor, |w| {
            crate::clients::service::check_own(w, s.client_id)?;
            Ok::<_, SurveyError>(store::link_appeal(w, survey_id, id)?)
        })?;
        Ok::<_, SurveyError>(id)
    })?;
    log::info!("survey {survey_id} registered as appeal {id}");
    Ok(id)
}
