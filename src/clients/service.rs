//! The rules of the client aggregate that need the database: an INN is unique among live
//! clients (checked inside the write, backed by a unique index), deletion to the trash, the
//! files kept with the correspondence. The GUI and the command line call these, never the store.

use std::path::Path;

use chrono::NaiveDate;

use super::model::{ClientKind, ClientRow, Direction, Dossier, Person, Record, VipYear};
use super::store;
use crate::domain::{Actor, Id};
use crate::files::{self, FileError};
use crate::storage::{Db, Reader, StorageError, Tx};

#[derive(Debug, thiserror::Error)]
pub enum ClientsError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("the INN belongs to another client")]
    InnTaken { other: String },
    #[error(transparent)]
    File(#[from] FileError),
    #[error("another instance changed the dossier in the same places")]
    Conflict(Box<DossierConflict>),
    #[error("the client was deleted meanwhile")]
    DeletedMeanwhile,
}

/// Both sides changed the same fields or rows: what is saved now, the merge with mine winning,
/// and the clashes to show.
#[derive(Debug, Clone, PartialEq)]
pub struct DossierConflict {
    pub current: Dossier,
    pub merged: Dossier,
    pub conflicts: Vec<crate::domain::merge::Conflict>,
}

/// A dossier saved: its id, and whether another instance's changes made meanwhile were kept
/// alongside mine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    pub id: Id,
    pub merged: bool,
}

/// Saves an edited dossier over what it was when the editor loaded it (`base`). When another
/// instance saved the dossier meanwhile, my changes go onto theirs: different fields and rows
/// simply merge (`merged`); the same ones changed differently are a [`ClientsError::Conflict`]
/// and nothing is written. A new client has no base.
pub fn save_checked(
    db: &mut Db,
    actor: &Actor,
    base: Option<&Dossier>,
    d: &Dossier,
) -> Result<Saved, ClientsError> {
    let (Some(base), Some(id)) = (base, d.client.id) else {
        return save(db, actor, d).map(|id| Saved { id, merged: false });
    };
    // Another save may slip in between the look and the write: look again (a few times).
    let mut tries = 0;
    loop {
        match save_checked_once(db, actor, base, d, id) {
            Err(ClientsError::Conflict(c)) if c.conflicts.is_empty() && tries < 3 => tries += 1,
            r => return r,
        }
    }
}

fn save_checked_once(
    db: &mut Db,
    actor: &Actor,
    base: &Dossier,
    d: &Dossier,
    id: Id,
) -> Result<Saved, ClientsError> {
    let current = match store::load_dossier(db.conn(), id) {
        Ok(c) => c,
        Err(StorageError::NotFound(_)) => return Err(ClientsError::DeletedMeanwhile),
        Err(e) => return Err(e.into()),
    };
    if current == *base {
        return save_over(db, actor, d, base).map(|id| Saved { id, merged: false });
    }
    let catalogs = crate::admin::service::catalogs(db)?;
    let managers = crate::admin::service::managers(db)?;
    let names = super::merge::Names {
        catalogs: &catalogs,
        managers: &managers,
    };
    let (merged, conflicts) = super::merge::merge(base, d, &current, &names);
    if !conflicts.is_empty() {
        log::info!(
            "dossier {id}: {} clashes with another save",
            conflicts.len()
        );
        return Err(ClientsError::Conflict(Box::new(DossierConflict {
            current,
            merged,
            conflicts,
        })));
    }
    log::info!("dossier {id}: merged with another save");
    save_over(db, actor, &merged, &current).map(|id| Saved { id, merged: true })
}

/// Saves `d` if the dossier is still `expected` when the write begins, in one transaction
/// (another instance saving between the look and the write makes it a conflict again).
fn save_over(
    db: &mut Db,
    actor: &Actor,
    d: &Dossier,
    expected: &Dossier,
) -> Result<Id, ClientsError> {
    let id = d.client.id.unwrap_or_default();
    db.all_or_nothing(|db| {
        let now = match store::load_dossier(db.conn(), id) {
            Ok(now) => now,
            Err(StorageError::NotFound(_)) => return Err(ClientsError::DeletedMeanwhile),
            Err(e) => return Err(e.into()),
        };
        if now != *expected {
            return Err(ClientsError::Conflict(Box::new(DossierConflict {
                merged: d.clone(),
                conflicts: Vec::new(),
                current: now,
            })));
        }
        save(db, actor, d)
    })
}

/// Every client not in the trash, with what the list searches.
pub fn list(db: &impl Reader) -> Result<Vec<ClientRow>, StorageError> {
    store::list_clients(db.connection())
}

pub fn count(db: &Db) -> Result<i64, StorageError> {
    store::count_clients(db.conn())
}

/// The whole dossier of a client.
pub fn open(db: &impl Reader, id: Id) -> Result<Dossier, StorageError> {
    store::load_dossier(db.connection(), id)
}

/// The short name of a client («АО «Альфа»»), trashed or not.
pub fn short_name(db: &impl Reader, id: Id) -> Result<String, StorageError> {
    store::client_short_name(db.connection(), id)
}

/// What kind of client it is (an organisation, an entrepreneur, a citizen).
pub fn kind(db: &impl Reader, id: Id) -> Result<ClientKind, StorageError> {
    store::client_kind(db.connection(), id)
}

/// A person's name and position, if the person exists.
pub fn person_brief(db: &impl Reader, id: Id) -> Result<Option<Person>, StorageError> {
    store::person_brief(db.connection(), id)
}

/// The files of the live records among `ids` (another feature's attachments): (record, file
/// name, size).
pub fn files(db: &impl Reader, ids: &[Id]) -> Result<Vec<(Id, String, i64)>, StorageError> {
    store::record_files(db.connection(), ids)
}

/// Refuses, inside a write, a change to another manager's client by a manager (the head of
/// the group and the program act on every client): [`crate::domain::Denied::NotYourClient`].
pub fn check_own(w: &Tx, client_id: Id) -> Result<(), StorageError> {
    let manager = store::client_manager(w, client_id)?;
    Ok(w.actor().may_act_for(manager)?)
}

/// The personal manager of a client (`None`: nobody serves it yet, or no such client).
pub fn manager_of(db: &impl Reader, client_id: Id) -> Result<Option<Id>, StorageError> {
    store::client_manager(db.connection(), client_id)
}

/// [`check_own`] for the client of a person.
pub fn check_own_person(w: &Tx, person_id: Id) -> Result<(), StorageError> {
    match store::person_client(w, person_id)? {
        Some(client) => check_own(w, client),
        None => Ok(()),
    }
}

/// Adds a record of correspondence (a letter sent, a report's file) to a client inside
/// another feature's write; returns its id.
pub fn add_record(w: &Tx, client_id: Id, record: &Record) -> Result<Id, StorageError> {
    store::add_record(w, client_id, record)
}

/// Sets a client's «Статус VIP» row of a year inside another feature's write (the VIP list
/// approved by the director's order fills every client's row of its year).
pub fn set_vip_year(w: &Tx, client_id: Id, v: &VipYear) -> Result<(), StorageError> {
    store::set_vip_year(w, client_id, v)
}

/// Saves a checked dossier in one write; returns the client's id. Another live client with
/// the same INN refuses it ([`ClientsError::InnTaken`]), nothing written.
pub fn save(db: &mut Db, actor: &Actor, d: &Dossier) -> Result<Id, ClientsError> {
    let result = db.write(actor, |w| {
        if let Some(id) = d.client.id {
            check_own(w, id)?;
        }
        // A manager gives a client to nobody else: that is the head's.
        w.actor()
            .may_act_for(d.client.manager_id)
            .map_err(StorageError::from)?;
        if !d.client.inn.is_empty()
            && let Some((_, other)) = store::inn_holder(w, &d.client.inn, d.client.id)?
        {
            return Err(ClientsError::InnTaken { other });
        }
        // The years whose «Статус VIP» rows change: told to whoever keeps an approved list.
        let old = match d.client.id {
            Some(id) => store::load_dossier(w, id)?.vip,
            None => Vec::new(),
        };
        let mut years: Vec<i32> = old
            .iter()
            .filter(|o| !d.vip.iter().any(|n| n == *o))
            .chain(d.vip.iter().filter(|n| !old.iter().any(|o| o == *n)))
            .map(|v| v.year)
            .collect();
        years.sort_unstable();
        years.dedup();
        let id = store::save_dossier(w, d)?;
        if !years.is_empty() {
            w.emit(super::model::VipYearsChanged {
                client_id: id,
                years,
            });
        }
        Ok(id)
    });
    match result {
        Err(ClientsError::Storage(e)) if e.is_unique_violation() => {
            let other = store::inn_holder(db.conn(), &d.client.inn, d.client.id)?
                .map(|(_, name)| name)
                .unwrap_or_default();
            Err(ClientsError::InnTaken { other })
        }
        Ok(id) => {
            log::info!("saved the dossier of client {id}");
            Ok(id)
        }
        r => r,
    }
}

/// Moves a client with its whole dossier to the trash.
pub fn delete(db: &mut Db, actor: &Actor, id: Id) -> Result<(), StorageError> {
    db.write(actor, |w| {
        check_own(w, id)?;
        store::delete_client(w, id)
    })?;
    log::info!("moved client {id} to the trash");
    Ok(())
}

/// The live client with this INN: (id, short name).
pub fn find_by_inn(db: &Db, inn: &str) -> Result<Option<(Id, String)>, StorageError> {
    store::inn_holder(db.conn(), inn, None)
}

/// Who has this phone number: (client id, person id), for an incoming call.
pub fn find_by_phone(db: &Db, number: &str) -> Result<Vec<(Id, Id)>, StorageError> {
    store::find_people_by_phone(db.conn(), number)
}

/// The bytes of a file kept with a correspondence record.
pub fn record_file(db: &Db, record_id: Id) -> Result<Vec<u8>, StorageError> {
    store::record_file(db.conn(), record_id)
}

/// Writes a copy of a record's file where the user asked.
pub fn save_record_copy(db: &Db, record_id: Id, target: &Path) -> Result<(), ClientsError> {
    let bytes = store::record_file(db.conn(), record_id)?;
    files::write(target, &bytes)?;
    Ok(())
}

/// Opens a record's file with the system viewer (from a temporary copy).
pub fn show_record_file(db: &Db, record_id: Id, name: &str) -> Result<(), ClientsError> {
    let bytes = store::record_file(db.conn(), record_id)?;
    let path = files::temp_file(&record_id.to_string(), name, &bytes)?;
    files::show(&path)?;
    log::info!("opened the file of record {record_id} in the system viewer");
    Ok(())
}

/// The correspondence of a client for its timeline: (date, direction, number, subject).
pub fn record_events(
    db: &Db,
    client: Id,
) -> Result<Vec<(NaiveDate, Direction, String, String)>, StorageError> {
    store::record_events(db.conn(), client)
}

/// The stages of a client's projects for its timeline: (date, stage, project, done).
pub fn stage_events(
    db: &Db,
    client: Id,
) -> Result<Vec<(NaiveDate, String, String, bool)>, StorageError> {
    store::stage_events(db.conn(), client)
}
