//! Typed settings: one serde type per key of the `settings` table, read and written here and
//! nowhere else. A key not saved yet is the type's default and a field missing from the saved
//! JSON takes its default (the types are `#[serde(default)]`), but a field that does not parse
//! is an error naming the key and the field ([`Unreadable`]) — never the default in silence.

use rusqlite::{Connection, OptionalExtension as _, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{Result, StorageError, Tx};

/// A setting: a serde type stored as JSON under its key. Its fields carry
/// `#[serde(default)]` (on the type), so a setting saved by an older version reads.
pub trait Setting: Serialize + DeserializeOwned + Default {
    /// The key of its row.
    const KEY: &'static str;
}

/// A saved setting this version cannot read: the key, the field (a path such as
/// `rules[2].term`; empty when the value is not JSON at all) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("setting {key:?}, field {field:?}: {detail}")]
pub struct Unreadable {
    pub key: &'static str,
    pub field: String,
    pub detail: String,
}

/// Reads a setting from its JSON text.
pub fn decode<T: Setting>(json: &str) -> std::result::Result<T, Unreadable> {
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let field = match e.path().to_string() {
            root if root == "." => String::new(),
            path => path,
        };
        Unreadable {
            key: T::KEY,
            field,
            detail: e.into_inner().to_string(),
        }
    })
}

/// The saved JSON of `key`, if any.
fn saved(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The setting as saved, or its default when it was never saved. One that does not read is
/// [`StorageError::Setting`].
pub fn get<T: Setting>(conn: &Connection) -> Result<T> {
    get_or(conn, T::default)
}

/// The setting as saved, or `default()` when it was never saved (a default that is not the
/// type's own, such as the requisites shipped with the program).
pub fn get_or<T: Setting>(conn: &Connection, default: impl FnOnce() -> T) -> Result<T> {
    match saved(conn, T::KEY)? {
        Some(json) => decode(&json).map_err(StorageError::Setting),
        None => Ok(default()),
    }
}

/// Saves the setting (its row's version grows: another instance's editor sees the change).
pub fn put<T: Setting>(w: &Tx, value: &T) -> Result<()> {
    let json = serde_json::to_string_pretty(value).map_err(|e| {
        StorageError::Setting(Unreadable {
            key: T::KEY,
            field: String::new(),
            detail: e.to_string(),
        })
    })?;
    w.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, row_version = row_version + 1",
        params![T::KEY, json],
    )?;
    Ok(())
}

/// The file kept beside a setting (the letterhead's logo), if any.
pub fn blob(conn: &Connection, key: &str) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .query_row("SELECT data FROM settings WHERE key = ?1", [key], |r| {
            r.get::<_, Option<Vec<u8>>>(0)
        })
        .optional()?
        .flatten())
}

/// Whether `key` was ever saved.
pub fn exists(conn: &Connection, key: &str) -> Result<bool> {
    Ok(saved(conn, key)?.is_some())
}

/// Keeps `data` beside the setting `key` (saved first with [`put`]).
pub fn put_blob(w: &Tx, key: &str, data: Option<&[u8]>) -> Result<()> {
    w.execute(
        "UPDATE settings SET data = ?2 WHERE key = ?1",
        params![key, data],
    )?;
    Ok(())
}

/// A setting opened in its editor: what was saved, or — when that does not read — the
/// defaults, with the reason, for the user to check and save over it. The program never
/// computes with those defaults: only the editor shows them.
#[derive(Debug)]
pub struct Editable<T> {
    pub value: T,
    /// Why the defaults are shown instead of what was saved.
    pub unreadable: Option<StorageError>,
}

/// Wraps the reading of a setting for its editor: a setting that does not read (a field of
/// the wrong type, an unknown code) gives the defaults and the reason; any other failure is an
/// error.
pub fn editable<T: Default>(read: Result<T>) -> Result<Editable<T>> {
    editable_or(read, T::default)
}

/// [`editable`] with other defaults than the type's (the requisites shipped with the program).
pub fn editable_or<T>(read: Result<T>, default: impl FnOnce() -> T) -> Result<Editable<T>> {
    match read {
        Ok(value) => Ok(Editable {
            value,
            unreadable: None,
        }),
        Err(e @ (StorageError::Setting(_) | StorageError::UnknownCode(_))) => Ok(Editable {
            value: default(),
            unreadable: Some(e),
        }),
        Err(e) => Err(e),
    }
}

/// Whether setting `T` reads (for [`super::Hooks::settings`]: the check and the window's
/// band name every setting that does not).
pub fn check<T: Setting>(conn: &Connection) -> Result<()> {
    get::<T>(conn).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(default)]
    struct Sample {
        days: u32,
        time: String,
        rules: Vec<Rule>,
    }
    #[derive(Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(default)]
    struct Rule {
        term: u32,
    }
    impl Setting for Sample {
        const KEY: &'static str = "sample";
    }

    #[test]
    fn a_missing_field_takes_its_default_and_a_bad_one_is_named() {
        let s: Sample = decode(r#"{"days": 12}"#).expect("reads");
        assert_eq!(s.days, 12);
        assert_eq!(s.time, "");
        let e = decode::<Sample>(r#"{"days": 12, "time": 1200}"#).expect_err("a number");
        assert_eq!(e.key, "sample");
        assert_eq!(e.field, "time");
        let e = decode::<Sample>(r#"{"rules": [{"term": 1}, {"term": "x"}]}"#).expect_err("x");
        assert_eq!(e.field, "rules[1].term");
        let e = decode::<Sample>("not json").expect_err("text");
        assert_eq!(e.field, "");
    }
}
