//! The rules of appeals that need the database: registration with never-reused numbers and the
//! term of the rule for the appeal's kind and the client's kind, the flow with what each step
//! needs, forwarding, the extension with its notice letter, the reply letter linked both ways,
//! answers on the client's channel, the register and «Сегодня».

use chrono::{NaiveDate, NaiveDateTime};

use super::model::*;
use super::store;
use crate::calendar::service as calendar;
use crate::clients::service as clients_service;
use crate::clients::{Direction, Record};
use crate::contacts::{Meeting, MeetingKind, service as contacts_service};
use crate::domain::CatalogItem;
use crate::domain::calendar::{Calendar, Term};
use crate::domain::{Actor, FieldError, FieldErrors, Id, Scope};
use crate::letters::{Letter, LetterError, LetterRegistered, Reply, service as letters_service};
use crate::storage::settings::Editable;
use crate::storage::{Conn, Db, Event, StorageError, Tx};

#[derive(Debug, thiserror::Error)]
pub enum AppealError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Letter(#[from] LetterError),
    #[error("the appeal's fields are not valid: {0:?}")]
    Invalid(FieldErrors),
    #[error("an appeal cannot go from {from:?} to {to:?}")]
    BadTransition {
        from: AppealStatus,
        to: AppealStatus,
    },
    #[error("a {0:?} is closed only after its answer is sent")]
    CloseWithoutAnswer(AppealKind),
    #[error("no answer to send")]
    NoAnswer,
    #[error("the client chose {chosen:?}; answering by {used:?} needs a reason")]
    OtherChannel { chosen: Channel, used: Channel },
    #[error("an answer by post is a registered letter")]
    PostIsALetter,
    #[error("forwarding needs the department")]
    NoDepartment,
    #[error("an extension needs a reason")]
    NoReason,
    #[error("an extension is from 1 to {max} days")]
    ExtensionDays { max: u32 },
    #[error("the term was already extended on {0}")]
    AlreadyExtended(NaiveDate),
    #[error("appeal {0} is not registered yet")]
    NotRegistered(Id),
    #[error("the e-mail was already taken in as appeal {number:?}")]
    AlreadyImported { id: Id, number: String },
    #[error(transparent)]
    File(#[from] crate::files::FileError),
    #[error("the Excel file could not be made: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("{0} rows do not fit in an Excel sheet")]
    TooManyRows(usize),
}

impl From<FieldErrors> for AppealError {
    fn from(e: FieldErrors) -> Self {
        AppealError::Invalid(e)
    }
}

pub fn settings(db: &Db) -> Result<AppealSettings, StorageError> {
    store::settings(db.conn())
}

/// The settings for «Сроки и тематики»: as saved, or the defaults with the reason when what
/// is saved does not read.
pub fn settings_to_edit(db: &Db) -> Result<Editable<AppealSettings>, StorageError> {
    crate::storage::settings::editable(store::settings(db.conn()))
}

/// Saves the settings: a number format with `{n}`, terms of 1 to 365 days.
pub fn save_settings(db: &mut Db, actor: &Actor, s: &AppealSettings) -> Result<(), AppealError> {
    let mut errors = FieldErrors::new();
    if !crate::domain::fmt::number_format_ok(&s.number_format) {
        errors.insert("number_format".into(), FieldError::NumberFormat);
    }
    let terms = s
        .rules
        .iter()
        .map(|r| r.term)
        .chain([s.registration_term, s.forwarding_term]);
    for t in terms {
        if !(1..=365).contains(&t.days) {
            errors.insert("terms".into(), FieldError::Range { min: 1, max: 365 });
        }
    }
    if !(1..=365).contains(&s.max_extension_days) {
        errors.insert(
            "max_extension_days".into(),
            FieldError::Range { min: 1, max: 365 },
        );
    }
    if s.due_soon_days > 60 {
        errors.insert(
            "due_soon_days".into(),
            FieldError::Range { min: 0, max: 60 },
        );
    }
    if !errors.is_empty() {
        return Err(AppealError::Invalid(errors));
    }
    db.write(actor, |w| Ok(store::save_settings(w, s)?))
}

pub fn topics(db: &Db) -> Result<Vec<CatalogItem>, StorageError> {
    store::topics(db.conn())
}

pub fn add_topic(db: &mut Db, actor: &Actor, name: &str) -> Result<Id, AppealError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(field("topic", FieldError::Required));
    }
    db.write(actor, |w| {
        store::add_topic(w, name).map_err(|e| match e {
            e if e.is_unique_violation() => field("topic", FieldError::NameTaken),
            e => e.into(),
        })
    })
}

pub fn rename_topic(db: &mut Db, actor: &Actor, id: Id, name: &str) -> Result<(), AppealError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(field("topic", FieldError::Required));
    }
    db.write(actor, |w| {
        store::rename_topic(w, id, name).map_err(|e| match e {
            e if e.is_unique_violation() => field("topic", FieldError::NameTaken),
            e => e.into(),
        })
    })
}

pub fn delete_topic(db: &mut Db, actor: &Actor, id: Id) -> Result<(), StorageError> {
    db.write(actor, |w| store::delete_topic(w, id))
}

fn field(key: &str, e: FieldError) -> AppealError {
    AppealError::Invalid(FieldErrors::from([(key.to_string(), e)]))
}

/// A new appeal of a client, received now by `channel`, answered by the same channel.
pub fn new_appeal(
    client_id: Id,
    channel: Channel,
    received_at: NaiveDateTime,
    manager_id: Option<Id>,
) -> Appeal {
    Appeal {
        client_id,
        channel,
        reply_channel: channel,
        received_at,
        manager_id,
        status: AppealStatus::Received,
        ..Default::default()
    }
}

/// The checks of the form: a client, a subject or a text, a receipt not in the future.
pub fn validate(a: &Appeal, now: NaiveDateTime) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if a.client_id <= 0 {
        errors.insert("client".into(), FieldError::Required);
    }
    if a.subject.trim().is_empty() {
        errors.insert("subject".into(), FieldError::Required);
    }
    if a.received_at > now + chrono::Duration::minutes(5) {
        errors.insert("received_at".into(), FieldError::FutureDate);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

pub fn open(db: &Db, id: Id) -> Result<Appeal, StorageError> {
    store::get(db.conn(), id)
}

/// The register with `f`: at most `limit` rows, newest first (by deadline when filtering by
/// deadline), and how many match in all.
pub fn list(
    db: &Db,
    f: &AppealFilter,
    limit: usize,
) -> Result<(Vec<AppealRow>, usize), StorageError> {
    store::list(db.conn(), f, limit)
}

/// How many rows the register shows at once (its count says how many match).
pub const SHOWN: usize = 500;

/// How far the register counts its matches (beyond: «more than»).
pub const COUNT_CAP: usize = store::COUNT_CAP;

/// The calendar the deadlines are counted on.
pub fn calendar(db: &Db) -> Result<Calendar, StorageError> {
    calendar::calendar(db)
}

/// The term and deadline of an appeal registered on `date`.
fn term_of(
    conn: &Conn,
    a: &Appeal,
    s: &AppealSettings,
    date: NaiveDate,
) -> Result<(Term, NaiveDate), StorageError> {
    let kind = clients_service::kind(conn, a.client_id)?;
    let term = s.term(a.kind, kind);
    Ok((term, calendar::load(conn)?.deadline(date, term)))
}

fn register_in(w: &Tx, id: Id) -> Result<String, AppealError> {
    let s = store::settings(w)?;
    let a = store::get(w, id)?;
    if a.status != AppealStatus::Received {
        return Err(AppealError::BadTransition {
            from: a.status,
            to: AppealStatus::Registered,
        });
    }
    let date = w.today();
    let (term, due) = term_of(w, &a, &s, date)?;
    store::register(w, id, date, &s.number_format, term, due)?.ok_or(AppealError::BadTransition {
        from: a.status,
        to: AppealStatus::Registered,
    })
}

/// Saves a new appeal; `register` gives it its number, its registration date (today) and its
/// deadline in the same write. Returns its id.
pub fn create(
    db: &mut Db,
    actor: &Actor,
    a: &Appeal,
    register: bool,
    attachments: &[(String, Vec<u8>)],
) -> Result<Id, AppealError> {
    validate(a, db.clock().local())?;
    let id = db.write(actor, |w| {
        if !a.message_id.is_empty()
            && let Some((id, number)) = store::by_message_id(w, &a.message_id)?
        {
            return Err(AppealError::AlreadyImported { id, number });
        }
        let id = store::insert(w, a)?;
        for (name, bytes) in attachments {
            attach_in(w, id, a.client_id, name, bytes.clone())?;
        }
        if register {
            register_in(w, id)?;
        }
        Ok(id)
    })?;
    log::info!("appeal {id} created");
    Ok(id)
}

/// Saves the form of an appeal edited from `base` (as loaded); refused with
/// [`StorageError::ChangedMeanwhile`] when another instance changed it meanwhile.
pub fn save(db: &mut Db, actor: &Actor, base: &Appeal, a: &Appeal) -> Result<(), AppealError> {
    validate(a, db.clock().local())?;
    let id = a.id.ok_or(StorageError::NotFound(0))?;
    db.write(actor, |w| {
        crate::storage::unchanged(id, base, &store::get(w, id)?)?;
        Ok(store::update(w, a)?)
    })
}

/// Registers a received appeal today; returns its number.
pub fn register(db: &mut Db, actor: &Actor, id: Id) -> Result<String, AppealError> {
    db.write(actor, |w| register_in(w, id))
}

/// Moves an appeal along its flow inside a write, with what the step fills.
fn transition(w: &Tx, id: Id, to: AppealStatus, step: &store::Step) -> Result<(), AppealError> {
    let from = store::status(w, id)?;
    if !from.can_become(to) || !store::set_status(w, id, from, to, step)? {
        return Err(AppealError::BadTransition { from, to });
    }
    Ok(())
}

/// «Взять в работу».
pub fn take(db: &mut Db, actor: &Actor, id: Id) -> Result<(), AppealError> {
    db.write(actor, |w| {
        transition(w, id, AppealStatus::InWork, &store::Step::default())
    })
}

/// Forwards an appeal beyond the manager's competence to a department's specialist.
pub fn forward(
    db: &mut Db,
    actor: &Actor,
    id: Id,
    dept: &str,
    person: &str,
) -> Result<(), AppealError> {
    if dept.trim().is_empty() {
        return Err(AppealError::NoDepartment);
    }
    db.write(actor, |w| {
        let step = store::Step {
            forwarded: Some((dept.trim(), person.trim(), w.today())),
            ..Default::default()
        };
        transition(w, id, AppealStatus::Forwarded, &step)
    })
}

/// Records the specialist's answer: the appeal is back in the manager's work.
pub fn specialist_answered(
    db: &mut Db,
    actor: &Actor,
    id: Id,
    answer: &str,
) -> Result<(), AppealError> {
    if answer.trim().is_empty() {
        return Err(field("forward_answer", FieldError::Required));
    }
    db.write(actor, |w| {
        let step = store::Step {
            forward_answer: Some((answer.trim(), w.today())),
            ..Default::default()
        };
        transition(w, id, AppealStatus::InWork, &step)
    })
}

/// Records the answer's text: «ответ подготовлен».
pub fn prepare_answer(db: &mut Db, actor: &Actor, id: Id, text: &str) -> Result<(), AppealError> {
    if text.trim().is_empty() {
        return Err(AppealError::NoAnswer);
    }
    db.write(actor, |w| {
        let step = store::Step {
            answer: Some(text.trim()),
            ..Default::default()
        };
        transition(w, id, AppealStatus::AnswerReady, &step)
    })
}

/// Whether answering by `used` needs a reason: the client chose another channel. A letter is
/// what answers by post; in person the letter is handed over.
fn check_channel(a: &Appeal, used: Channel, reason: &str) -> Result<(), AppealError> {
    let fits = used == a.reply_channel
        || (used == Channel::Post && a.reply_channel == Channel::InPerson)
        || (used == Channel::Email && a.reply_channel == Channel::Web);
    if fits || !reason.trim().is_empty() {
        Ok(())
    } else {
        Err(AppealError::OtherChannel {
            chosen: a.reply_channel,
            used,
        })
    }
}

/// Sends the answer by phone, e-mail, the website or in person (by post it is a registered
/// letter: [`reply_letter`]). A phone answer is recorded as a call report linked to the appeal.
pub fn send_answer(db: &mut Db, actor: &Actor, id: Id, answer: &Answer) -> Result<(), AppealError> {
    if answer.via == Channel::Post {
        return Err(AppealError::PostIsALetter);
    }
    let text = answer.text.trim();
    db.write(actor, |w| {
        let a = store::get(w, id)?;
        if a.registered_on.is_none() {
            return Err(AppealError::NotRegistered(id));
        }
        let text = if text.is_empty() {
            a.answer.trim()
        } else {
            text
        };
        if text.is_empty() {
            return Err(AppealError::NoAnswer);
        }
        check_channel(&a, answer.via, &answer.reason)?;
        let date = answer.date.unwrap_or(w.today());
        if answer.via == Channel::Phone {
            let call = Meeting {
                client_id: a.client_id,
                manager_id: a.manager_id.or(w.author()),
                kind: MeetingKind::Other,
                date: Some(date),
                client_people: a.person_id.into_iter().collect(),
                topics: format!("{} {}", a.number, a.subject).trim().to_string(),
                agreements: text.to_string(),
                ..Default::default()
            };
            let meeting = contacts_service::add_report(w, &call)?;
            store::link_meeting(w, meeting, id)?;
        }
        let step = store::Step {
            answer: Some(text),
            sent: Some((answer.via, answer.reason.trim(), date)),
            ..Default::default()
        };
        transition(w, id, AppealStatus::AnswerSent, &step)
    })
}

/// Closes an appeal whose answer was sent; a feedback may be closed without one, with a note.
/// A complaint (or any appeal that needs an answer) is never closed unanswered.
pub fn close(db: &mut Db, actor: &Actor, id: Id, note: &str) -> Result<(), AppealError> {
    db.write(actor, |w| {
        let a = store::get(w, id)?;
        if a.status != AppealStatus::AnswerSent && a.kind.needs_answer() {
            return Err(AppealError::CloseWithoutAnswer(a.kind));
        }
        if a.status != AppealStatus::AnswerSent && note.trim().is_empty() {
            return Err(field("close_note", FieldError::Required));
        }
        let step = store::Step {
            closed: Some((w.today(), note.trim())),
            ..Default::default()
        };
        transition(w, id, AppealStatus::Closed, &step)
    })
}

/// Back to work from «ответ подготовлен» (the answer needs more).
pub fn reopen(db: &mut Db, actor: &Actor, id: Id) -> Result<(), AppealError> {
    db.write(actor, |w| {
        transition(w, id, AppealStatus::InWork, &store::Step::default())
    })
}

/// Moves an appeal to the trash; its number is never given again.
pub fn delete(db: &mut Db, actor: &Actor, id: Id) -> Result<(), StorageError> {
    db.write(actor, |w| store::delete(w, id))
}

/// The reference of a letter to its appeal: «На № … от …», with the deadline and the reason
/// of an extension for the notice.
fn reply_ref(a: &Appeal) -> Reply {
    Reply {
        number: a.number.clone(),
        date: a.registered_on.or(Some(a.received_on())),
        subject: a.subject.clone(),
        due_date: a.due_date,
        extension_reason: a.extension_reason.clone(),
        ..Reply::default()
    }
}

/// A draft letter of the appeal from the template `code`, to the appeal's person.
fn letter_for(db: &Db, a: &Appeal, code: &str) -> Result<Letter, AppealError> {
    let template = letters_service::template(db, code)?
        .ok_or_else(|| LetterError::UnknownTemplate(code.to_string()))?;
    let mut letter = letters_service::draft_for(
        db,
        a.client_id,
        a.person_id,
        &template,
        a.manager_id,
        &reply_ref(a),
        db.today(),
    )?;
    if code == "reply_appeal" {
        letter.reply_number = a.number.clone();
        letter.reply_date = a.registered_on.or(Some(a.received_on()));
    }
    Ok(letter)
}

/// «Ответить письмом»: a draft reply pre-filled with «На № … от …», the addressee and the reply
/// template, linked to the appeal («ответ подготовлен»). Registering the letter sends the answer.
/// A client who chose another channel than post needs `reason`.
pub fn reply_letter(db: &mut Db, actor: &Actor, id: Id, reason: &str) -> Result<Id, AppealError> {
    let a = store::get(db.conn(), id)?;
    if a.registered_on.is_none() {
        return Err(AppealError::NotRegistered(id));
    }
    if !a.status.is_open() {
        return Err(AppealError::BadTransition {
            from: a.status,
            to: AppealStatus::AnswerReady,
        });
    }
    check_channel(&a, Channel::Post, reason)?;
    let letter = letter_for(db, &a, "reply_appeal")?;
    db.write(actor, |w| {
        let letter_id = letters_service::add_draft(w, &letter)?;
        store::link_letter(w, letter_id, id, LetterRole::Reply)?;
        if a.status != AppealStatus::AnswerReady {
            transition(w, id, AppealStatus::AnswerReady, &store::Step::default())?;
        }
        if !reason.trim().is_empty() {
            store::set_channel_reason(w, id, reason.trim())?;
        }
        Ok(letter_id)
    })
}

/// What appeals do when another feature tells of an event inside its write (subscribed where
/// the database is opened, `crate::wiring`).
pub fn on_event(w: &Tx, event: &dyn Event) -> Result<(), StorageError> {
    if let Some(e) = event.as_any().downcast_ref::<LetterRegistered>() {
        letter_registered(w, e)?;
    }
    Ok(())
}

/// A registered reply sends the answer («ответ направлен», by post, on the letter's date).
fn letter_registered(w: &Tx, e: &LetterRegistered) -> Result<(), StorageError> {
    let Some((appeal_id, LetterRole::Reply)) = store::appeal_of_letter(w, e.letter_id)? else {
        return Ok(());
    };
    let a = store::get(w, appeal_id)?;
    if !a.status.is_open() {
        return Ok(());
    }
    let answer = if a.answer.trim().is_empty() {
        letters_service::open(w, e.letter_id)?.heading
    } else {
        a.answer.clone()
    };
    let step = store::Step {
        answer: Some(&answer),
        sent: Some((Channel::Post, &a.channel_reason, e.date)),
        ..Default::default()
    };
    store::set_status(w, appeal_id, a.status, AppealStatus::AnswerSent, &step)?;
    Ok(())
}

/// The notice of registration on the reply channel.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A draft letter (post, in person), through the letter generator.
    Letter(Id),
    /// A text to send by e-mail or through the website, or to say on the phone.
    Text(String),
}

/// «Уведомить о регистрации» (the standard, Ch. 4 §2 p. 3.3): a letter when the client chose
/// post or in person, else the text of the notice (rendered from the same template).
pub fn notice_of_registration(db: &mut Db, actor: &Actor, id: Id) -> Result<Notice, AppealError> {
    let a = store::get(db.conn(), id)?;
    if a.registered_on.is_none() {
        return Err(AppealError::NotRegistered(id));
    }
    let letter = letter_for(db, &a, "appeal_registered")?;
    if matches!(a.reply_channel, Channel::Post | Channel::InPerson) {
        let letter_id = db.write(actor, |w| {
            let letter_id = letters_service::add_draft(w, &letter)?;
            store::link_letter(w, letter_id, id, LetterRole::Registered)?;
            Ok::<_, AppealError>(letter_id)
        })?;
        Ok(Notice::Letter(letter_id))
    } else {
        Ok(Notice::Text(letter_text(&letter)))
    }
}

/// A letter as plain text: salutation, body, closing and signer — what an e-mail says.
fn letter_text(l: &Letter) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !l.salutation.trim().is_empty() {
        parts.push(l.salutation.trim().to_string());
    }
    parts.extend(l.paragraphs());
    if !l.closing.trim().is_empty() {
        parts.push(l.closing.trim().to_string());
    }
    parts.join("\n\n")
}

/// Extends the term by `days` (1 to the settings' maximum) for `reason`: the new deadline is
/// counted from the old one, the extension recorded, and the notice to the client drafted as a
/// letter linked to the appeal. Returns the new deadline and the notice's id. One extension
/// per appeal (59-FZ art. 12 p. 2).
pub fn extend(
    db: &mut Db,
    actor: &Actor,
    id: Id,
    days: u32,
    reason: &str,
) -> Result<(NaiveDate, Id), AppealError> {
    let s = store::settings(db.conn())?;
    if !(1..=s.max_extension_days).contains(&days) {
        return Err(AppealError::ExtensionDays {
            max: s.max_extension_days,
        });
    }
    if reason.trim().is_empty() {
        return Err(AppealError::NoReason);
    }
    let a = store::get(db.conn(), id)?;
    let Some(old_due) = a.due_date else {
        return Err(AppealError::NotRegistered(id));
    };
    if let Some(on) = a.extended_on {
        return Err(AppealError::AlreadyExtended(on));
    }
    if !a.status.is_open() {
        return Err(AppealError::BadTransition {
            from: a.status,
            to: a.status,
        });
    }
    let cal = calendar::calendar(db)?;
    let due = cal.deadline(old_due, Term::calendar(days));
    let extended = Appeal {
        due_date: Some(due),
        extension_reason: reason.trim().to_string(),
        ..a.clone()
    };
    let letter = letter_for(db, &extended, "appeal_extended")?;
    let letter_id = db.write(actor, |w| {
        let step = store::Step {
            extended: Some((days, reason.trim(), w.today(), due)),
            ..Default::default()
        };
        if !store::set_status(w, id, a.status, a.status, &step)? {
            return Err(AppealError::BadTransition {
                from: a.status,
                to: a.status,
            });
        }
        let letter_id = letters_service::add_draft(w, &letter)?;
        store::link_letter(w, letter_id, id, LetterRole::Extended)?;
        Ok(letter_id)
    })?;
    log::info!("appeal {id} extended by {days} days");
    Ok((due, letter_id))
}

fn attach_in(w: &Tx, id: Id, client_id: Id, name: &str, bytes: Vec<u8>) -> Result<Id, AppealError> {
    let a_number = store::get(w, id)?.number;
    let record = Record {
        date: Some(w.today()),
        direction: Direction::Incoming,
        number: a_number,
        subject: name.to_string(),
        file_name: name.to_string(),
        new_file: Some(bytes),
        ..Default::default()
    };
    let record_id = clients_service::add_record(w, client_id, &record)?;
    store::link_record(w, record_id, id)?;
    Ok(record_id)
}

/// Attaches a file to an appeal (kept in the client's «Переписка и файлы»).
pub fn attach(
    db: &mut Db,
    actor: &Actor,
    id: Id,
    name: &str,
    bytes: Vec<u8>,
) -> Result<Id, AppealError> {
    db.write(actor, |w| {
        let a = store::get(w, id)?;
        attach_in(w, id, a.client_id, name, bytes)
    })
}

/// Everything the appeal's card shows beside the form.
#[derive(Debug, Clone, Default)]
pub struct Details {
    pub letters: Vec<AppealLetter>,
    pub attachments: Vec<Attachment>,
    pub related: Vec<AppealRow>,
    pub clocks: Option<Clocks>,
}

pub fn details(db: &Db, a: &Appeal) -> Result<Details, StorageError> {
    let conn = db.conn();
    let s = store::settings(conn)?;
    let cal = calendar::load(conn)?;
    let related = store::rows_of(conn, &a.related)?;
    let mut letters = Vec::new();
    let mut attachments = Vec::new();
    if let Some(id) = a.id {
        for (letter_id, role) in store::letters_of(conn, id)? {
            // A letter moved to the trash is not shown.
            match letters_service::open(db, letter_id) {
                Ok(l) => letters.push(AppealLetter {
                    letter_id,
                    role,
                    number: l.number,
                    reg_date: l.reg_date,
                    status: l.status,
                }),
                Err(StorageError::NotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        let files = store::files_of(conn, id)?;
        attachments = clients_service::files(db, &files)?
            .into_iter()
            .map(|(record_id, file_name, file_size)| Attachment {
                record_id,
                file_name,
                file_size,
            })
            .collect();
    }
    Ok(Details {
        letters,
        attachments,
        related,
        clocks: Some(clocks(a, &s, &cal)),
    })
}

/// The appeal a letter answers or notifies, for the letter's editor: (id, number).
pub fn appeal_of_letter(db: &Db, letter_id: Id) -> Result<Option<(Id, String)>, StorageError> {
    match store::appeal_of_letter(db.conn(), letter_id)? {
        Some((id, _)) => Ok(Some((id, store::get(db.conn(), id)?.number))),
        None => Ok(None),
    }
}

/// The last appeals of a client (the dossier, the call card).
pub fn of_client(db: &Db, client_id: Id, limit: usize) -> Result<Vec<AppealRow>, StorageError> {
    store::of_client(db.conn(), client_id, limit)
}

/// What «Сегодня» shows of appeals.
#[derive(Debug, Clone, Default)]
pub struct TodayAppeals {
    pub overdue: Vec<AppealRow>,
    /// Due today or within the settings' working days.
    pub due_soon: Vec<AppealRow>,
    /// Received, not registered yet, with their registration deadline.
    pub unregistered: Vec<(AppealRow, NaiveDate)>,
}

/// Overdue, due soon and unregistered appeals of the clients of `scope`.
pub fn today(db: &Db, scope: Scope, today: NaiveDate) -> Result<TodayAppeals, StorageError> {
    let conn = db.conn();
    let manager = scope.manager();
    let s = store::settings(conn)?;
    let cal = calendar::load(conn)?;
    let soon = cal.add_working_days(today, s.due_soon_days);
    let (rows, _) = store::list(
        conn,
        &AppealFilter {
            manager,
            due: DueFilter::By(soon),
            today: Some(today),
            ..Default::default()
        },
        1000,
    )?;
    let (overdue, due_soon) = rows
        .into_iter()
        .partition(|r| r.due_date.is_some_and(|d| d < today));
    let unregistered = store::unregistered(conn, manager)?
        .into_iter()
        .map(|r| {
            let by = cal.deadline(r.received_at.date(), s.registration_term);
            (r, by)
        })
        .collect();
    Ok(TodayAppeals {
        overdue,
        due_soon,
        unregistered,
    })
}

/// The ids of appeals by their numbers, or the numbers not found.
pub fn ids_by_numbers(
    db: &Db,
    numbers: &[String],
) -> Result<Result<Vec<Id>, Vec<String>>, StorageError> {
    let mut ids = Vec::new();
    let mut unknown = Vec::new();
    for n in numbers.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        match store::id_by_number(db.conn(), n)? {
            Some(id) => ids.push(id),
            None => unknown.push(n.to_string()),
        }
    }
    Ok(if unknown.is_empty() {
        Ok(ids)
    } else {
        Err(unknown)
    })
}

/// The registration numbers of appeals.
pub fn numbers_of(db: &Db, ids: &[Id]) -> Result<Vec<String>, StorageError> {
    store::numbers_of(db.conn(), ids)
}

/// The most rows an Excel sheet holds, the header aside.
const XLSX_ROWS: usize = 1_048_575;

/// Writes the appeals `f` matches (all of them, not only the rows a screen shows) to an Excel
/// file at `target`; returns how many.
pub fn export_xlsx(
    db: &Db,
    f: &AppealFilter,
    today: NaiveDate,
    target: &std::path::Path,
) -> Result<usize, AppealError> {
    use crate::domain::Code as _;
    use crate::words::appeals as w;
    let (rows, total) = store::list(db.conn(), f, XLSX_ROWS)?;
    if total > rows.len() {
        return Err(AppealError::TooManyRows(total));
    }
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(w::XLSX_SHEET)?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let headers = [
        w::COL_APPEAL_NUMBER,
        w::COL_RECEIVED,
        w::COL_CHANNEL,
        w::COL_APPEAL_KIND,
        w::COL_TOPIC,
        w::COL_APPEAL_CLIENT,
        w::COL_SUBJECT,
        w::COL_APPEAL_STATUS,
        w::COL_DUE,
        w::COL_DAYS_LEFT,
        crate::words::COL_MANAGER,
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = (i + 1) as u32;
        let cells = [
            r.number.clone(),
            r.received_at.format("%d.%m.%Y %H:%M").to_string(),
            w::channel_label(r.channel.code()).to_string(),
            w::kind_label(r.kind.code()).to_string(),
            r.topic.clone(),
            r.client.clone(),
            r.subject.clone(),
            w::status_label(r.status.code()).to_string(),
            crate::domain::fmt::opt_date(r.due_date),
        ];
        for (c, v) in cells.iter().enumerate() {
            sheet.write_string(row, c as u16, v)?;
        }
        if let Some(left) = r.days_left(today) {
            sheet.write_number(row, 9, left as f64)?;
        }
        sheet.write_string(row, 10, &r.manager)?;
    }
    sheet.autofit();
    let bytes = book.save_to_buffer()?;
    crate::files::write(target, &bytes)?;
    Ok(rows.len())
}

/// Whether the register's settings read (for the database's hooks).
pub fn check_settings(conn: &Conn) -> Result<(), StorageError> {
    store::settings(conn).map(|_| ())
}
