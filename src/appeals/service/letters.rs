//! The letters of an appeal: the reply (its registration, told by the letters, sends the answer), the notice of registration, the extension with its notice, and the files attached.

use super::*;
use crate::letters::compose::ANSWER_BLANK;

/// The reference of a letter to its appeal: «На № … от …», with the deadline and the reason
/// of an extension for the notice.
fn reply_ref(a: &Appeal) -> Reply {
    Reply {
        number: a.number.clone(),
        date: Some(a.received_on()),
        subject: a.subject.clone(),
        due_date: a.due_date,
        registered_on: a.registered_on,
        extension_reason: a.extension_reason.clone(),
        answer: a.answer.clone(),
        ..Reply::default()
    }
}

/// A draft letter of the appeal from the template `code`, to the appeal's person.
fn letter_for(
    db: &impl Reader,
    a: &Appeal,
    code: &str,
    today: NaiveDate,
) -> Result<Letter, AppealError> {
    let template = letters_service::template(db, code)?
        .ok_or_else(|| LetterError::UnknownTemplate(code.to_string()))?;
    let mut letter = letters_service::draft_for(
        db,
        a.client_id,
        a.person_id,
        &template,
        a.manager_id,
        &reply_ref(a),
        today,
    )?;
    if code == REPLY_TEMPLATE {
        answers(&mut letter, a);
    }
    Ok(letter)
}

/// A reply's «На № … от …»: the appeal's number and date.
fn answers(letter: &mut Letter, a: &Appeal) {
    letter.reply_number = a.number.clone();
    letter.reply_date = a.registered_on.or(Some(a.received_on()));
}

/// The template a reply is drafted from unless another is named.
pub const REPLY_TEMPLATE: &str = "reply_appeal";

/// «Ответить письмом»: a draft reply pre-filled with «На № … от …», the addressee, the reply
/// template and the `answer` typed on the card (kept as the appeal's answer; when empty, the
/// appeal's answer so far, else a blank in the letter to fill in), linked to the appeal
/// («ответ подготовлен»). Registering the letter sends the answer. A client who chose another
/// channel than post needs `reason`.
pub fn reply_letter(
    db: &mut Db,
    actor: &Actor,
    id: Id,
    answer: &str,
    reason: &str,
) -> Result<Id, AppealError> {
    reply_letter_from(db, actor, id, answer, reason, REPLY_TEMPLATE)
}

/// [`reply_letter`] from the template `template` (`vipdesk appeals reply --template CODE`).
pub fn reply_letter_from(
    db: &mut Db,
    actor: &Actor,
    id: Id,
    answer: &str,
    reason: &str,
    template: &str,
) -> Result<Id, AppealError> {
    let mut a = store::get(db.conn(), id)?;
    // The answer the draft may already say, to be replaced by a new one.
    let before = a.answer.trim().to_string();
    if !answer.trim().is_empty() {
        a.answer = answer.trim().to_string();
    }
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
    let mut letter = letter_for(db, &a, template, db.today())?;
    answers(&mut letter, &a);
    db.write(actor, |w| {
        own(w, id)?;
        let letter_id = match unregistered_reply(w, id)? {
            // A reply drafted before: the same draft, the answer put where its blank was, or
            // in place of the answer it said before (a draft edited past both keeps its words:
            // the card says so).
            Some(mut draft) => {
                let now = a.answer.trim();
                if !now.is_empty() && !draft.body.contains(now) {
                    if draft.body.contains(ANSWER_BLANK) {
                        draft.body = draft.body.replacen(ANSWER_BLANK, now, 1);
                    } else if !before.is_empty() && draft.body.contains(&before) {
                        draft.body = draft.body.replacen(&before, now, 1);
                    }
                    letters_service::add_draft(w, &draft)?;
                }
                draft.id.unwrap_or_default()
            }
            None => {
                let letter_id = letters_service::add_draft(w, &letter)?;
                store::link_letter(w, letter_id, id, LetterRole::Reply)?;
                letter_id
            }
        };
        let step = store::Step {
            answer: (!a.answer.trim().is_empty()).then_some(a.answer.as_str()),
            ..Default::default()
        };
        if a.status != AppealStatus::AnswerReady {
            transition(w, id, AppealStatus::AnswerReady, &step)?;
        } else if step.answer.is_some() {
            store::set_status(w, id, a.status, a.status, &step)?;
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
    let letter = letters_service::open(w, e.letter_id)?;
    let own = answer_part(w, &a, &letter)?;
    if own.is_empty() {
        return Err(Refusal::EmptyReply.into());
    }
    // What was typed on the card stays the answer; else what the letter says beyond its template.
    let answer = if a.answer.trim().is_empty() {
        own.join("\n\n")
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

/// The reply of an appeal drafted and not registered yet.
fn unregistered_reply(w: &Tx, id: Id) -> Result<Option<Letter>, StorageError> {
    for (letter_id, role) in store::letters_of(w, id)? {
        let letter = letters_service::open(w, letter_id)?;
        if role == LetterRole::Reply && letter.status == crate::letters::LetterStatus::Draft {
            return Ok(Some(letter));
        }
    }
    Ok(None)
}

/// The paragraphs of a reply that its template does not say: the answer. The template is
/// rendered for the appeal as it is now, with nothing typed where the answer goes.
fn answer_part(w: &Tx, a: &Appeal, letter: &Letter) -> Result<Vec<String>, StorageError> {
    let unanswered = Appeal {
        answer: String::new(),
        ..a.clone()
    };
    let template_words: Vec<String> = match letter_for(w, &unanswered, "reply_appeal", w.today()) {
        Ok(l) => l.paragraphs().iter().map(|p| words_of(p)).collect(),
        Err(AppealError::Storage(e) | AppealError::Letter(LetterError::Storage(e))) => {
            return Err(e);
        }
        // A template that no longer renders: every paragraph of the letter is its own.
        Err(_) => Vec::new(),
    };
    Ok(letter
        .paragraphs()
        .into_iter()
        .filter(|p| !words_of(p).is_empty() && !template_words.contains(&words_of(p)))
        .collect())
}

/// A paragraph compared by its words: spacing, case and punctuation aside.
fn words_of(p: &str) -> String {
    p.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
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
    let letter = letter_for(db, &a, "appeal_registered", db.today())?;
    if matches!(a.reply_channel, Channel::Post | Channel::InPerson) {
        let letter_id = db.write(actor, |w| {
            own(w, id)?;
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
    let letter = letter_for(db, &extended, "appeal_extended", db.today())?;
    let letter_id = db.write(actor, |w| {
        own(w, id)?;
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

pub(super) fn attach_in(
    w: &Tx,
    id: Id,
    client_id: Id,
    name: &str,
    bytes: Vec<u8>,
) -> Result<Id, AppealError> {
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
        clients_service::check_own(w, a.client_id)?;
        attach_in(w, id, a.client_id, name, bytes)
    })
}
