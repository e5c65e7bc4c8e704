//! Appeals and complaints («Обращения»): channels, kinds, the status flow, the deadline rules
//! per appeal kind × client kind, the register's rows and filters. Plain types: no egui, no SQL.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::clients::ClientKind;
use crate::domain::Id;
use crate::domain::calendar::{Calendar, Term};

/// How an appeal came, and how the client wants the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Channel {
    /// Очно: handed in or said in person.
    InPerson,
    #[default]
    Phone,
    /// Почта (a letter; answered by a registered letter, through the courier).
    Post,
    /// Интернет-приёмная (the website's form).
    Web,
    Email,
}

crate::codes!(Channel, "appeal channel", InPerson => "in_person", Phone => "phone", Post => "post", Web => "web", Email => "email");

/// What an appeal is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum AppealKind {
    /// Запрос информации.
    #[default]
    Info,
    /// Жалоба / рекламация.
    Complaint,
    /// Заявление на изменение услуг.
    ServiceChange,
    /// Предложение.
    Suggestion,
    /// Отзыв.
    Feedback,
}

crate::codes!(AppealKind, "appeal kind", Info => "info", Complaint => "complaint", ServiceChange => "service_change", Suggestion => "suggestion", Feedback => "feedback");

impl AppealKind {
    /// Complaints and suggestions go into the weekly memo to management.
    pub fn in_weekly_memo(self) -> bool {
        matches!(self, AppealKind::Complaint | AppealKind::Suggestion)
    }
    /// A feedback may be closed without an answer; every other kind is answered.
    pub fn needs_answer(self) -> bool {
        self != AppealKind::Feedback
    }
}

/// получено → зарегистрировано → в работе → передано специалисту → ответ подготовлен →
/// ответ направлен → закрыто.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum AppealStatus {
    /// Received (an e-mail taken in, a form filled) but not registered yet: no number.
    Received,
    #[default]
    Registered,
    InWork,
    Forwarded,
    AnswerReady,
    AnswerSent,
    Closed,
}

crate::codes!(AppealStatus, "appeal status", Received => "received", Registered => "registered", InWork => "in_work", Forwarded => "forwarded", AnswerReady => "answer_ready", AnswerSent => "answer_sent", Closed => "closed");

impl AppealStatus {
    /// Still waiting for its answer: its deadline runs.
    pub fn is_open(self) -> bool {
        !matches!(self, AppealStatus::AnswerSent | AppealStatus::Closed)
    }

    /// Whether the flow allows the step `self` → `to` (what each step needs is checked by the
    /// service).
    pub fn can_become(self, to: AppealStatus) -> bool {
        use AppealStatus::*;
        matches!(
            (self, to),
            (Received, Registered)
                | (Registered, InWork)
                | (Registered | InWork, Forwarded)
                | (Forwarded, InWork)
                | (Registered | InWork | Forwarded, AnswerReady)
                | (AnswerReady, InWork)
                | (Registered | InWork | Forwarded | AnswerReady, AnswerSent)
                | (AnswerSent, Closed)
                // A feedback closes without an answer (the service refuses it for other kinds).
                | (Registered | InWork, Closed)
        )
    }
}

/// An appeal as stored.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Appeal {
    pub id: Option<Id>,
    pub uuid: String,
    /// The registration number (empty until registered).
    pub number: String,
    /// When it reached the company (local time).
    pub received_at: NaiveDateTime,
    pub registered_on: Option<NaiveDate>,
    pub channel: Channel,
    pub kind: AppealKind,
    pub topic_id: Option<Id>,
    pub client_id: Id,
    /// The client's person who wrote or called (None: see `sender`).
    pub person_id: Option<Id>,
    /// Who wrote, when not a person of the dossier (an e-mail's sender).
    pub sender: String,
    /// The sender's e-mail or phone as it came.
    pub sender_contact: String,
    pub subject: String,
    pub body: String,
    /// The channel the client chose for the answer (default: the one it came by).
    pub reply_channel: Channel,
    pub manager_id: Option<Id>,
    pub status: AppealStatus,
    /// The answer's deadline (after an extension, the new one).
    pub due_date: Option<NaiveDate>,
    /// The term it was given at registration.
    pub term: Option<Term>,
    pub extended_days: u32,
    pub extension_reason: String,
    pub extended_on: Option<NaiveDate>,
    pub forwarded_dept: String,
    pub forwarded_person: String,
    pub forwarded_on: Option<NaiveDate>,
    pub forward_answer: String,
    pub forward_answered_on: Option<NaiveDate>,
    /// What was answered (a summary; the letter itself is linked).
    pub answer: String,
    pub answer_via: Option<Channel>,
    /// Why the answer went on another channel than the client chose.
    pub channel_reason: String,
    pub answered_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub close_note: String,
    /// The Message-ID of the e-mail it came from (one appeal per message).
    pub message_id: String,
    /// Related appeals (both ways).
    pub related: Vec<Id>,
}

impl Appeal {
    pub fn received_on(&self) -> NaiveDate {
        self.received_at.date()
    }
}

/// The deadline rules and the register's settings («Настройки обращений»).
#[derive(Debug, Clone, PartialEq)]
pub struct AppealSettings {
    /// `{n}` the counter of the year, `{yyyy}` / `{yy}` the year.
    pub number_format: String,
    /// The term of the answer per appeal kind × client kind.
    pub rules: Vec<Rule>,
    /// Registration after receipt (59-FZ art. 8 p. 3: 3 days).
    pub registration_term: Term,
    /// Forwarding beyond competence after registration (59-FZ art. 8 p. 3: 7 days).
    pub forwarding_term: Term,
    /// «Due soon»: within this many working days.
    pub due_soon_days: u32,
    /// The longest extension (59-FZ art. 12 p. 2: 30 days).
    pub max_extension_days: u32,
}

/// The term of the answer to an appeal of `kind` from a client of `client_kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub kind: AppealKind,
    pub client_kind: ClientKind,
    pub term: Term,
}

impl Default for AppealSettings {
    /// DOMAIN.md §2: 30 calendar days from registration (59-FZ for citizens; a pre-court claim
    /// of a company under the Civil Code), a household consumer's complaint 10 days (consumer
    /// protection law).
    fn default() -> Self {
        use crate::domain::Code as _;
        let mut rules = Vec::new();
        for &client_kind in ClientKind::ALL {
            for &kind in AppealKind::ALL {
                let days = if client_kind == ClientKind::Individual && kind == AppealKind::Complaint
                {
                    10
                } else {
                    30
                };
                rules.push(Rule {
                    kind,
                    client_kind,
                    term: Term::calendar(days),
                });
            }
        }
        AppealSettings {
            number_format: crate::words::appeals::DEFAULT_APPEAL_NUMBERS.into(),
            rules,
            registration_term: Term::calendar(3),
            forwarding_term: Term::calendar(7),
            due_soon_days: 3,
            max_extension_days: 30,
        }
    }
}

impl AppealSettings {
    pub fn term(&self, kind: AppealKind, client_kind: ClientKind) -> Term {
        self.rules
            .iter()
            .find(|r| r.kind == kind && r.client_kind == client_kind)
            .map(|r| r.term)
            .unwrap_or(Term::calendar(30))
    }

    pub fn set_term(&mut self, kind: AppealKind, client_kind: ClientKind, term: Term) {
        match self
            .rules
            .iter_mut()
            .find(|r| r.kind == kind && r.client_kind == client_kind)
        {
            Some(r) => r.term = term,
            None => self.rules.push(Rule {
                kind,
                client_kind,
                term,
            }),
        }
    }
}

/// The clocks of an appeal, computed on the production calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clocks {
    /// Register by (from receipt).
    pub register_by: NaiveDate,
    /// Forward beyond competence by (from registration), while it may still be forwarded.
    pub forward_by: Option<NaiveDate>,
    /// Answer by.
    pub answer_by: Option<NaiveDate>,
}

pub fn clocks(a: &Appeal, s: &AppealSettings, cal: &Calendar) -> Clocks {
    Clocks {
        register_by: cal.deadline(a.received_on(), s.registration_term),
        forward_by: a
            .registered_on
            .filter(|_| matches!(a.status, AppealStatus::Registered | AppealStatus::InWork))
            .map(|r| cal.deadline(r, s.forwarding_term)),
        answer_by: a.due_date,
    }
}

/// How pressing an appeal is, for the register's colours and «Сегодня».
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Urgency {
    Overdue,
    DueToday,
    DueSoon,
    OnTime,
    /// Answered or closed.
    Done,
}

/// The urgency of an open appeal due on `due` seen on `today`: due soon = within `soon`
/// working days.
pub fn urgency(
    status: AppealStatus,
    due: Option<NaiveDate>,
    today: NaiveDate,
    soon: u32,
    cal: &Calendar,
) -> Urgency {
    if !status.is_open() {
        return Urgency::Done;
    }
    match due {
        None => Urgency::OnTime,
        Some(d) if d < today => Urgency::Overdue,
        Some(d) if d == today => Urgency::DueToday,
        Some(d) if d <= cal.add_working_days(today, soon) => Urgency::DueSoon,
        Some(_) => Urgency::OnTime,
    }
}

/// A row of the register: the appeal's columns and the names it shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppealRow {
    pub id: Id,
    pub number: String,
    pub received_at: NaiveDateTime,
    pub registered_on: Option<NaiveDate>,
    #[serde(serialize_with = "code")]
    pub channel: Channel,
    #[serde(serialize_with = "code")]
    pub kind: AppealKind,
    pub topic: String,
    pub client_id: Id,
    pub client: String,
    pub subject: String,
    #[serde(serialize_with = "code")]
    pub status: AppealStatus,
    pub due_date: Option<NaiveDate>,
    pub manager_id: Option<Id>,
    pub manager: String,
    pub answered_on: Option<NaiveDate>,
    /// Its number came from a block leased to the workstation ahead (registered offline).
    pub number_from_block: bool,
}

fn code<S: serde::Serializer, T: crate::domain::Code>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(v.code())
}

impl AppealRow {
    /// Calendar days left to the deadline (negative: overdue), for an open appeal.
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.status
            .is_open()
            .then_some(self.due_date)
            .flatten()
            .map(|d| (d - today).num_days())
    }
}

/// Which deadlines a register filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DueFilter {
    #[default]
    Any,
    /// Open and past their deadline.
    Overdue,
    /// Open and due on or before this date (overdue included).
    By(NaiveDate),
}

/// Filters of the register.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppealFilter {
    pub status: Option<AppealStatus>,
    /// Only appeals still waiting for an answer.
    pub open_only: bool,
    pub kind: Option<AppealKind>,
    pub topic: Option<Id>,
    pub channel: Option<Channel>,
    pub manager: Option<Id>,
    pub client: Option<Id>,
    /// Received on or after.
    pub from: Option<NaiveDate>,
    /// Received on or before.
    pub to: Option<NaiveDate>,
    pub due: DueFilter,
    /// Words to find in the subject and the text (full-text search).
    pub text: String,
    /// «Today» for the overdue filter.
    pub today: Option<NaiveDate>,
}

/// A letter of an appeal: its reply or a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LetterRole {
    Reply,
    /// The notice of registration.
    Registered,
    /// The notice of an extended term.
    Extended,
}

crate::codes!(LetterRole, "appeal letter role", Reply => "reply", Registered => "registered", Extended => "extended");

/// A letter linked to an appeal, as the appeal shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct AppealLetter {
    pub letter_id: Id,
    pub role: LetterRole,
    pub number: String,
    pub reg_date: Option<NaiveDate>,
    pub status: crate::letters::LetterStatus,
}

/// A file attached to an appeal (kept in the client's correspondence).
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    pub record_id: Id,
    pub file_name: String,
    pub file_size: i64,
}

/// How an answer is sent.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answer {
    pub via: Channel,
    /// The answer's text or the call's summary.
    pub text: String,
    /// Why another channel than the client chose.
    pub reason: String,
    pub date: Option<NaiveDate>,
}

/// The ISO week `2026-W48` as its Monday and Sunday.
pub fn iso_week(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (y, w) = s.trim().split_once(['-', ' '])?;
    let w = w.trim_start_matches(['W', 'w']);
    let (y, w): (i32, u32) = (y.parse().ok()?, w.parse().ok()?);
    let monday = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?;
    Some((monday, monday + chrono::Duration::days(6)))
}

/// The ISO week of a date as `2026-W48`.
pub fn iso_week_of(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn the_flow_refuses_jumps() {
        use AppealStatus::*;
        assert!(Received.can_become(Registered));
        assert!(!Received.can_become(InWork));
        assert!(!Registered.can_become(Registered));
        assert!(AnswerReady.can_become(AnswerSent));
        assert!(!Closed.can_become(InWork));
        assert!(!AnswerSent.can_become(InWork));
        assert!(!Forwarded.can_become(Closed));
        assert!(AnswerSent.can_become(Closed));
    }

    #[test]
    fn default_rules_follow_the_law() {
        let s = AppealSettings::default();
        assert_eq!(
            s.term(AppealKind::Complaint, ClientKind::Individual),
            Term::calendar(10)
        );
        assert_eq!(
            s.term(AppealKind::Complaint, ClientKind::Legal),
            Term::calendar(30)
        );
        assert_eq!(
            s.term(AppealKind::Info, ClientKind::Individual),
            Term::calendar(30)
        );
        assert_eq!(s.rules.len(), 15);
    }

    #[test]
    fn urgency_on_the_calendar() {
        let cal = Calendar::official();
        let today = d(2026, 5, 7);
        let u = |due| urgency(AppealStatus::InWork, Some(due), today, 3, &cal);
        assert_eq!(u(d(2026, 5, 6)), Urgency::Overdue);
        assert_eq!(u(d(2026, 5, 7)), Urgency::DueToday);
        // 3 working days after 7 May 2026: 8, 12, 13 May.
        assert_eq!(u(d(2026, 5, 13)), Urgency::DueSoon);
        assert_eq!(u(d(2026, 5, 14)), Urgency::OnTime);
        assert_eq!(
            urgency(AppealStatus::Closed, Some(d(2026, 1, 1)), today, 3, &cal),
            Urgency::Done
        );
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(
            iso_week("2026-W48"),
            Some((d(2026, 11, 23), d(2026, 11, 29)))
        );
        assert_eq!(iso_week("2026-W01"), Some((d(2025, 12, 29), d(2026, 1, 4))));
        assert_eq!(iso_week("2026-W54"), None);
        assert_eq!(iso_week_of(d(2026, 11, 25)), "2026-W48");
    }
}
