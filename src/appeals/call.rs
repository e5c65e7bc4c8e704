//! The incoming-call card («Входящий звонок»): a number typed or pasted in any format → the
//! person who calls, their client and manager, how many times they called (a manager knows a
//! VIP by voice after the third call), their open appeals and last contacts; the call recorded,
//! and an appeal registered from it when needed. Also the e-mail intake's matching.

use chrono::NaiveDateTime;

use super::intake::{Email, IntakeError, parse_eml};
use super::model::*;
use super::service::{self, AppealError};
use super::store;
use crate::clients::{Dossier, Person, service as clients_service};
use crate::contacts::{Meeting, MeetingKind, service as contacts_service};
use crate::domain::validate::Phone;
use crate::domain::{Actor, FieldError, Id};
use crate::storage::{Db, StorageError};

/// One person the number belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Caller {
    pub person: Person,
    pub client_id: Id,
    pub client: String,
    pub manager_id: Option<Id>,
    /// How the person asked to be addressed, else name and patronymic.
    pub address_as: String,
    /// Calls from the person so far: the calls recorded on the call card, and appeals by phone
    /// recorded without one (a call that registered an appeal counts once).
    pub calls: i64,
    pub open_appeals: Vec<AppealRow>,
    /// The client's last contacts, newest first: (date, kind, topics).
    pub last_contacts: Vec<Meeting>,
}

impl Caller {
    /// The standard: after the third call the manager knows the VIP by voice.
    pub fn known_by_voice(&self) -> bool {
        self.calls >= 3
    }
}

/// Who calls from `number`: the number as typed (any format) is normalised first; an
/// unusable number is a field error. An unknown number gives an empty list.
pub fn who_calls(db: &Db, number: &str) -> Result<(Phone, Vec<Caller>), CallError> {
    let phone = Phone::parse(number).map_err(CallError::Number)?;
    let conn = db.conn();
    let mut out = Vec::new();
    for (person_id, client_id) in store::people_by_phone(conn, &phone.number)? {
        let d: Dossier = clients_service::open(conn, client_id)?;
        let Some(person) = d.people.iter().find(|p| p.id == Some(person_id)).cloned() else {
            continue;
        };
        let address_as = if person.address_as.trim().is_empty() {
            format!("{} {}", person.name, person.patronymic)
                .trim()
                .to_string()
        } else {
            person.address_as.trim().to_string()
        };
        let last_contacts = last_contacts(conn, client_id)?;
        out.push(Caller {
            calls: store::phone_appeals_of_person(conn, person_id)?
                + contacts_service::calls_from_person(conn, person_id)?,
            open_appeals: store::open_of_client(conn, client_id)?,
            client: d.client.short_name.clone(),
            manager_id: d.client.manager_id,
            client_id,
            person,
            address_as,
            last_contacts,
        });
    }
    Ok((phone, out))
}

/// The client's last three contacts, newest first, for the call card.
fn last_contacts(conn: &crate::storage::Conn, client_id: Id) -> Result<Vec<Meeting>, StorageError> {
    let mut contacts = contacts_service::list(conn, Some(client_id), None)?;
    contacts.truncate(3);
    Ok(contacts)
}

/// A call from a number nobody in the dossiers has, from client `client_id` (the user says
/// which): the client's card without a person; the number goes with the call's appeal.
pub fn caller_of_client(db: &Db, client_id: Id, number: &Phone) -> Result<Caller, CallError> {
    let conn = db.conn();
    let d: Dossier = clients_service::open(conn, client_id)?;
    let last_contacts = last_contacts(conn, client_id)?;
    Ok(Caller {
        calls: 0,
        open_appeals: store::open_of_client(conn, client_id)?,
        client: d.client.short_name.clone(),
        manager_id: d.client.manager_id,
        client_id,
        person: crate::clients::Person {
            phones: vec![number.clone()],
            ..Default::default()
        },
        address_as: String::new(),
        last_contacts,
    })
}

#[derive(Debug, thiserror::Error)]
pub enum CallError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Appeal(#[from] AppealError),
    #[error("not a phone number: {0}")]
    Number(FieldError),
}

/// Records the call (a report of kind «другое» with the person, dated now) with its summary;
/// with `appeal`, also registers an appeal by phone from it. Returns (report id, appeal id).
pub fn record_call(
    db: &mut Db,
    actor: &Actor,
    caller: &Caller,
    summary: &str,
    appeal: Option<(AppealKind, String)>,
) -> Result<(Id, Option<Id>), CallError> {
    let now = db.clock().local();
    let manager = actor.id.or(caller.manager_id);
    let report = Meeting {
        client_id: caller.client_id,
        manager_id: manager,
        kind: MeetingKind::Other,
        date: Some(now.date()),
        time: now.format("%H:%M").to_string(),
        client_people: caller.person.id.into_iter().collect(),
        topics: summary.trim().to_string(),
        ..Default::default()
    };
    let appeal_id = match appeal {
        Some((kind, subject)) => {
            let a = Appeal {
                kind,
                subject: subject.trim().to_string(),
                body: summary.trim().to_string(),
                person_id: caller.person.id,
                // A caller the dossier does not know: their number is how to reach them.
                sender_contact: if caller.person.id.is_none() {
                    caller
                        .person
                        .phones
                        .first()
                        .map(Phone::display)
                        .unwrap_or_default()
                } else {
                    String::new()
                },
                ..service::new_appeal(caller.client_id, Channel::Phone, now, caller.manager_id)
            };
            Some(service::create(db, actor, &a, true, &[])?)
        }
        None => None,
    };
    let report_id = db.write(actor, |w| {
        let id = contacts_service::add_report(w, &report)?;
        if let Some(a) = appeal_id {
            store::link_meeting(w, id, a)?;
        }
        Ok::<_, StorageError>(id)
    })?;
    log::info!("call recorded as report {report_id}");
    Ok((report_id, appeal_id))
}

/// The longest text an appeal takes from an e-mail; a longer one is cut, the message attached.
pub const MAX_BODY_CHARS: usize = 100_000;

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest as _, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// An `.eml` read into a new appeal (not saved): the sender matched to a person by e-mail
/// address (case-insensitive), else the appeal waits for its client; the received time from
/// the headers; the answer by e-mail.
#[derive(Debug, Clone, PartialEq)]
pub struct Intake {
    pub appeal: Appeal,
    pub email: Email,
    /// Several clients' people have this address: the user picks (client, person).
    pub candidates: Vec<(Id, Id)>,
}

#[derive(Debug, thiserror::Error)]
pub enum EmlError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Appeal(#[from] AppealError),
    #[error(transparent)]
    Intake(#[from] IntakeError),
    #[error("no client's person has the address {0}")]
    UnknownSender(String),
    #[error("the address {0} belongs to people of several clients")]
    AmbiguousSender(String),
}

pub fn read_eml(db: &Db, bytes: &[u8]) -> Result<Intake, EmlError> {
    let email = parse_eml(bytes)?;
    let conn = db.conn();
    let key = if email.message_id.is_empty() {
        format!("sha256:{}", sha256_hex(bytes))
    } else {
        email.message_id.clone()
    };
    if let Some((id, number)) = store::by_message_id(conn, &key)? {
        return Err(AppealError::AlreadyImported { id, number }.into());
    }
    let candidates = store::people_by_email(conn, &email.from_address)?;
    let (client_id, person_id) = match candidates.as_slice() {
        [(person, client)] => (*client, Some(*person)),
        _ => (0, None),
    };
    let manager = if client_id > 0 {
        clients_service::open(conn, client_id)?.client.manager_id
    } else {
        None
    };
    // A sender's clock ahead, a Date header that does not read or is absurd: the moment of
    // intake stands for it.
    let now = db.clock().local();
    let received_at: NaiveDateTime = email
        .sent_at
        .filter(|t| *t <= now && *t >= now - chrono::Duration::days(3660))
        .unwrap_or(now);
    let mut email = email;
    let mut body = email.text.clone();
    if body.chars().count() > MAX_BODY_CHARS {
        // A form cannot show megabytes: the appeal keeps the beginning, the whole message is
        // kept as an attachment, nothing is lost.
        body = body.chars().take(MAX_BODY_CHARS).collect::<String>()
            + &crate::words::appeals::body_cut(MAX_BODY_CHARS);
        email.attachments.push((
            crate::words::appeals::ORIGINAL_EMAIL.to_string(),
            bytes.to_vec(),
        ));
    }
    if email.message_id.is_empty() {
        // Without a Message-ID the same file is still known by its content.
        email.message_id = format!("sha256:{}", sha256_hex(bytes));
    }
    let sender = if email.from_name.is_empty() {
        email.from_address.clone()
    } else {
        email.from_name.clone()
    };
    let appeal = Appeal {
        subject: email.subject.clone(),
        body,
        person_id,
        sender,
        sender_contact: email.from_address.clone(),
        message_id: email.message_id.clone(),
        ..service::new_appeal(client_id, Channel::Email, received_at, manager)
    };
    Ok(Intake {
        appeal,
        email,
        candidates: candidates.into_iter().map(|(p, c)| (c, p)).collect(),
    })
}

/// Takes an `.eml` in as an appeal (the command line): the sender's client, or `client` when
/// given; registered at once with `register`, else waiting for its registration. Returns the
/// appeal's id.
pub fn import_eml(
    db: &mut Db,
    actor: &Actor,
    bytes: &[u8],
    client: Option<Id>,
    register: bool,
) -> Result<Id, EmlError> {
    let mut intake = read_eml(db, bytes)?;
    if let Some(client) = client {
        intake.appeal.client_id = client;
        if let Some((_, person)) = intake.candidates.iter().find(|(c, _)| *c == client) {
            intake.appeal.person_id = Some(*person);
        }
        if intake.appeal.manager_id.is_none() {
            intake.appeal.manager_id = clients_service::open(db.conn(), client)?.client.manager_id;
        }
    }
    if intake.appeal.client_id <= 0 {
        let address = intake.email.from_address.clone();
        return Err(if intake.candidates.len() > 1 {
            EmlError::AmbiguousSender(address)
        } else {
            EmlError::UnknownSender(address)
        });
    }
    if intake.appeal.subject.trim().is_empty() {
        intake.appeal.subject = names_of_subject(&intake.email);
    }
    Ok(service::create(
        db,
        actor,
        &intake.appeal,
        register,
        &intake.email.attachments,
    )?)
}

/// A subject for a message that has none: the first words of its text.
fn names_of_subject(email: &Email) -> String {
    let words: Vec<&str> = email.text.split_whitespace().take(8).collect();
    let s = words.join(" ");
    if s.is_empty() {
        email.from_address.clone()
    } else {
        s
    }
}
