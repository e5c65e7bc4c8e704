//! Where the database is opened, the features meet: each subscribes here to the events of the
//! others (a letter registered answers an appeal) and names its settings (so that `vipdesk
//! check` and the window's band can name one that does not read). No feature calls another
//! to react to its change; `storage` opens the file, this module hands it the hooks.

use std::path::Path;

use crate::storage::{Db, Hooks, Result, cipher::Passphrase};
use crate::{admin, appeals, greetings};

/// Every feature's hooks.
pub static HOOKS: Hooks = Hooks {
    events: &[appeals::service::on_event, crate::viplist::lists::on_event],
    settings: &[
        admin::service::SETTINGS[0],
        admin::service::SETTINGS[1],
        admin::service::SETTINGS[2],
        appeals::service::SETTINGS,
        greetings::service::SETTINGS[0],
        greetings::service::SETTINGS[1],
        crate::viplist::service::SETTINGS,
    ],
};

impl Db {
    /// Opens (creating if needed) the database at `path`: the GUI's first run, `demo` and
    /// `--create`. Every other command opens with [`Db::open_existing`].
    pub fn open(path: &Path) -> Result<Db> {
        Db::open_hooked(path, None, true, &HOOKS)
    }

    /// Opens the database at `path`, refusing a path where there is no file
    /// ([`crate::storage::StorageError::Missing`]): a mistyped `--db` never becomes a new
    /// empty database.
    pub fn open_existing(path: &Path) -> Result<Db> {
        Db::open_hooked(path, None, false, &HOOKS)
    }

    /// Opens the database at `path` with a passphrase (`None`: a plain database), creating it
    /// when `create` (see [`Db::open_hooked`]).
    pub fn open_keyed(path: &Path, key: Option<Passphrase>, create: bool) -> Result<Db> {
        Db::open_hooked(path, key, create, &HOOKS)
    }

    /// Opens the database at `path` only to read it, where it cannot be written (see
    /// [`Db::open_for_reading_hooked`]).
    pub fn open_for_reading(path: &Path, key: Option<Passphrase>) -> Result<Db> {
        Db::open_for_reading_hooked(path, key, &HOOKS)
    }

    /// A fresh database in memory (tests, benches).
    pub fn open_in_memory() -> Result<Db> {
        Db::in_memory_hooked(&HOOKS)
    }
}
