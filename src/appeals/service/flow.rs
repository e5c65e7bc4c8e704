//! The flow of an appeal: its creation and registration with the term of its rule, each step with what it needs, the answer on the client's channel, closing.

use super::*;

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

/// Refuses, inside a write, a manager's change to an appeal of another manager's client.
pub(super) fn own(w: &Tx, id: Id) -> Result<(), StorageError> {
    clients_service::check_own(w, store::get(w, id)?.client_id)
}

fn register_in(w: &Tx, id: Id) -> Result<String, AppealError> {
    let s = store::settings(w)?;
    let a = store::get(w, id)?;
    clients_service::check_own(w, a.client_id)?;
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
        clients_service::check_own(w, a.client_id)?;
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
        own(w, id)?;
        clients_service::check_own(w, a.client_id)?;
        Ok(store::update(w, a)?)
    })
}

/// Registers a received appeal today; returns its number.
pub fn register(db: &mut Db, actor: &Actor, id: Id) -> Result<String, AppealError> {
    db.write(actor, |w| register_in(w, id))
}

/// Moves an appeal along its flow inside a write, with what the step fills.
pub(super) fn transition(
    w: &Tx,
    id: Id,
    to: AppealStatus,
    step: &store::Step,
) -> Result<(), AppealError> {
    own(w, id)?;
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
pub(super) fn check_channel(a: &Appeal, used: Channel, reason: &str) -> Result<(), AppealError> {
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
    db.write(actor, |w| {
        own(w, id)?;
        store::delete(w, id)
    })
}
