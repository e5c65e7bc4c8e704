//! The rules of administration that need the database: managers, catalogue names unique,
//! restoring from the trash (a client only while its INN is free), the company's letterhead,
//! the integrity check.

use std::path::Path;

use super::model::*;
use super::store;
use crate::domain::{Actor, Id};
use crate::files::{self, FileError};
use crate::pdf::Company;
use crate::storage::settings::Editable;
use crate::storage::{Db, Reader, StorageError, Tx};

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("the name is already in the catalogue")]
    NameTaken,
    #[error("the INN of the client is taken by a live client")]
    InnTaken { other: String },
    #[error(transparent)]
    File(#[from] FileError),
    #[error("not a PNG image")]
    NotPng,
    #[error("the copy to restore from is the database itself")]
    RestoreFromItself,
    /// A plain copy and an encrypted database.
    #[error("the copy is not encrypted and the database is")]
    PlainCopyIntoEncrypted,
    /// An encrypted copy and a plain database.
    #[error("the copy is encrypted and the database is not")]
    EncryptedCopyIntoPlain,
    /// The copy to restore from is not a sound vipdesk database (the database is untouched).
    #[error("the copy cannot be restored: {0}")]
    BadCopy(StorageError),
    #[error("the image is {width}×{height} pixels: too large")]
    ImageTooLarge { width: u32, height: u32 },
    /// Requisites that break a rule of [`super::draft::check_company`].
    #[error("the requisites do not pass their checks: {0:?}")]
    Invalid(crate::domain::FieldErrors),
}

pub fn managers(db: &impl Reader) -> Result<Vec<Manager>, StorageError> {
    store::list_managers(db.connection())
}

/// Each manager's name as a list shows it: the surname and initials, the whole name where two
/// share them, and the number where two share that too (a report never shows one line for two).
pub fn distinct_names(managers: &[Manager]) -> std::collections::HashMap<Id, String> {
    let mut shorts: std::collections::HashMap<String, usize> = Default::default();
    let mut fulls: std::collections::HashMap<String, usize> = Default::default();
    for m in managers {
        *shorts.entry(m.short_name()).or_default() += 1;
        *fulls.entry(m.full_name()).or_default() += 1;
    }
    managers
        .iter()
        .filter_map(|m| {
            let (short, full) = (m.short_name(), m.full_name());
            let name = if shorts[&short] < 2 {
                short
            } else if fulls[&full] < 2 {
                full
            } else {
                crate::words::admin::manager_numbered(&full, m.id?)
            };
            Some((m.id?, name))
        })
        .collect()
}

pub fn manager(db: &impl Reader, id: Id) -> Result<Manager, StorageError> {
    store::get_manager(db.connection(), id)
}

/// Saves a checked manager card; returns its id.
pub fn save_manager(db: &mut Db, actor: &Actor, m: &Manager) -> Result<Id, StorageError> {
    save_manager_over(db, actor, None, m)
}

/// Records a manager's appointment order (number, date) inside another feature's write: the
/// managers' list of a year approved by the director.
pub fn set_appointment(
    w: &Tx,
    manager_id: Id,
    number: &str,
    date: Option<chrono::NaiveDate>,
) -> Result<(), StorageError> {
    store::set_appointment(w, manager_id, number, date)
}

/// Saves a manager card edited from `base` (as loaded), refused with
/// [`StorageError::ChangedMeanwhile`] when another instance saved the card meanwhile.
pub fn save_manager_over(
    db: &mut Db,
    actor: &Actor,
    base: Option<&Manager>,
    m: &Manager,
) -> Result<Id, StorageError> {
    let id = db.write(actor, |w| {
        // A manager keeps their own card (phone, e-mail, signature) but not their role.
        let own_card = m.id.is_some()
            && m.id == w.author()
            && store::get_manager(w, m.id.unwrap_or_default())?.role == m.role;
        if !own_card {
            may_edit_managers(w)?;
        }
        if let (Some(base), Some(id)) = (base, m.id) {
            crate::storage::unchanged(id, base, &store::get_manager(w, id)?)?;
        }
        store::save_manager(w, m)
    })?;
    log::info!("saved manager {id}");
    Ok(id)
}

pub fn delete_manager(db: &mut Db, actor: &Actor, id: Id) -> Result<(), StorageError> {
    db.write(actor, |w| {
        may_edit_managers(w)?;
        store::delete_manager(w, id)
    })
}

/// The managers are the head's to change, once the group has a head: until then whoever sets
/// the workstation up adds them (the first run, a group being formed).
fn may_edit_managers(w: &Tx) -> Result<(), StorageError> {
    Ok(may_edit_cards(w.actor(), &store::list_managers(w)?)?)
}

pub fn catalogs(db: &impl Reader) -> Result<Catalogs, StorageError> {
    store::load_catalogs(db.connection())
}

/// Adds or renames a catalogue entry; a name already there is [`AdminError::NameTaken`].
pub fn save_catalog_entry(
    db: &mut Db,
    actor: &Actor,
    kind: CatalogKind,
    e: &CatalogEntry,
) -> Result<Id, AdminError> {
    db.write(actor, |w| store::save_catalog_entry(w, kind, e))
        .map_err(|e| {
            if e.is_unique_violation() {
                AdminError::NameTaken
            } else {
                e.into()
            }
        })
}

pub fn trash(db: &Db) -> Result<Vec<TrashItem>, StorageError> {
    store::list_trash(db.conn())
}

/// Takes an item out of the trash. A client whose INN another live client has taken since
/// stays there ([`AdminError::InnTaken`]): the database allows one live client per INN.
pub fn restore(db: &mut Db, actor: &Actor, kind: TrashKind, id: Id) -> Result<(), AdminError> {
    db.write(actor, |w| {
        if kind == TrashKind::Client
            && let Some(other) = store::inn_holder_of_trashed(w, id)?
        {
            return Err(AdminError::InnTaken { other });
        }
        Ok(store::restore(w, kind, id)?)
    })
}

/// The company's requisites for the letterhead.
pub fn company(db: &impl Reader) -> Result<Company, StorageError> {
    store::load_company(db.connection())
}

/// The requisites for their editor: as saved, or the ones shipped with the program, with the
/// reason, when what is saved does not read.
pub fn company_to_edit(db: &Db) -> Result<Editable<Company>, StorageError> {
    store::company_to_edit(db.conn())
}

pub fn save_company(db: &mut Db, actor: &Actor, c: &Company) -> Result<(), AdminError> {
    save_company_over(db, actor, None, c)
}

/// Saves the requisites edited from `base` (as loaded), refused with
/// [`StorageError::ChangedMeanwhile`] when another instance saved them meanwhile.
pub fn save_company_over(
    db: &mut Db,
    actor: &Actor,
    base: Option<&Company>,
    c: &Company,
) -> Result<(), AdminError> {
    let errors = super::draft::check_company(c);
    if !errors.is_empty() {
        return Err(AdminError::Invalid(errors));
    }
    Ok(db.write(actor, |w| {
        if let Some(base) = base {
            crate::storage::unchanged(0, base, &store::load_company(w)?)?;
        }
        store::save_company(w, c)
    })?)
}

/// The integrity check: SQLite's own and the domain's rules.
/// Rows of the journal of changes, newest first.
pub fn journal(
    db: &Db,
    filter: &crate::storage::journal::Filter,
) -> Result<Vec<crate::storage::journal::Entry>, StorageError> {
    crate::storage::journal::list(db.conn(), filter)
}

/// The fields that name a row of `table` the journal shows and no feature reads by id (see
/// [`crate::storage::journal::fields_of`]).
pub fn journal_fields(
    db: &impl Reader,
    table: &str,
    id: Id,
) -> Result<Option<Vec<String>>, StorageError> {
    crate::storage::journal::fields_of(db.connection(), table, id)
}

/// SQLite's checks, the domain's rules, the journal's chain and every setting that does not
/// read.
pub fn check(db: &Db) -> Result<Vec<Problem>, StorageError> {
    let mut problems = store::check_database(db.conn())?;
    problems.extend(check_against_copies(db)?.into_iter().map(Problem::Journal));
    problems.extend(db.unreadable_settings()?.into_iter().map(Problem::Setting));
    Ok(problems)
}

/// The journal against the copies in the backups folder (see `storage::journal_proof`). A
/// copy that does not open (damaged, another passphrase) anchors nothing, nor the database a
/// restore put aside (the history the restore abandoned).
fn check_against_copies(
    db: &Db,
) -> Result<Vec<crate::storage::journal::ChainProblem>, StorageError> {
    let Some(path) = db.path() else {
        return Ok(Vec::new());
    };
    let mut problems = Vec::new();
    use crate::storage::backup::Kind;
    // Copies made before the latest restore may hold another history (the one the restore
    // left, or another database's): they anchor nothing.
    let restored = crate::storage::journal_proof::last_restore(db.conn())?
        .and_then(|at| crate::domain::clock::stamp_local(&at));
    for copy in crate::storage::backup::list(path)?
        .into_iter()
        .filter(|c| !matches!(c.kind, Kind::Restore | Kind::Damaged))
        .filter(|c| restored.is_none_or(|at| c.taken > at))
    {
        let Ok(conn) = Db::open_immutable(&copy.path, db.key()) else {
            continue;
        };
        let name = crate::files::file_name(&copy.path);
        if let Ok(Some(p)) = crate::storage::journal_proof::verify_against(db.conn(), &conn, &name)
        {
            problems.push(p);
        }
    }
    Ok(problems)
}

/// The company's requisites, the backup policy and how users sign in, for the database's hooks.
pub const SETTINGS: [crate::storage::settings::Known; 3] = [
    crate::storage::settings::Known {
        key: "company",
        read: |conn| store::load_company(conn).map(|_| ()),
    },
    crate::storage::settings::Known {
        key: "backups",
        read: |conn| store::backup_policy(conn).map(|_| ()),
    },
    crate::storage::settings::Known {
        key: "identity",
        read: |conn| store::identity_settings(conn).map(|_| ()),
    },
];

/// Reads a PNG file (a signature, a logo), refusing anything that does not decode as PNG.
pub fn read_png(path: &Path) -> Result<Vec<u8>, AdminError> {
    let bytes = files::read(path)?;
    crate::pixels::decode_png(&bytes).map_err(|e| match e {
        crate::pixels::PngError::TooLarge { width, height } => {
            AdminError::ImageTooLarge { width, height }
        }
        _ => AdminError::NotPng,
    })?;
    Ok(bytes)
}
