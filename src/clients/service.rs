//! The rules of the client aggregate that need the database: an INN is unique among live
//! clients (checked inside the write, backed by a unique index), deletion to the trash, the
//! files kept with the correspondence. The GUI and the command line call these, never the store.

use std::path::Path;

use super::model::{ClientRow, Dossier};
use super::store;
use crate::domain::{Actor, Id};
use crate::files::{self, FileError};
use crate::storage::{Db, StorageError};

#[derive(Debug, thiserror::Error)]
pub enum ClientsError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("the INN belongs to another client")]
    InnTaken { other: String },
    #[error(transparent)]
    File(#[from] FileError),
}

/// Every client not in the trash, with what the list searches.
pub fn list(db: &Db) -> Result<Vec<ClientRow>, StorageError> {
    store::list_clients(db.conn())
}

pub fn count(db: &Db) -> Result<i64, StorageError> {
    store::count_clients(db.conn())
}

/// The whole dossier of a client.
pub fn open(db: &Db, id: Id) -> Result<Dossier, StorageError> {
    store::load_dossier(db.conn(), id)
}

/// Saves a checked dossier in one write; returns the client's id. Another live client with
/// the same INN refuses it ([`ClientsError::InnTaken`]), nothing written.
pub fn save(db: &mut Db, actor: &Actor, d: &Dossier) -> Result<Id, ClientsError> {
    let result = db.write(actor, |w| {
        if !d.client.inn.is_empty()
            && let Some((_, other)) = store::inn_holder(w, &d.client.inn, d.client.id)?
        {
            return Err(ClientsError::InnTaken { other });
        }
        Ok(store::save_dossier(w, d)?)
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
    db.write(actor, |w| store::delete_client(w, id))?;
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
