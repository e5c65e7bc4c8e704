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
    /// The first field whose value the program cannot work with (a term of four billion
    /// days, a number format without its counter): the setting does not read.
    fn out_of_range(&self) -> Option<String> {
        None
    }
    /// The first field holding a code this version does not know (a kind of appeal).
    fn unknown_code(&self) -> Option<String> {
        None
    }
}

/// What is wrong with a saved setting that does not read.
pub const NOT_TEXT: &str = "not text";
pub const NOT_AN_OBJECT: &str = "not an object";
pub const OUT_OF_RANGE: &str = "out of range";
pub const UNKNOWN_CODE: &str = "unknown code";

/// A saved setting this version cannot read: the key, the field (a path such as
/// `rules[2].term`; empty when the value is not JSON at all) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("setting {key:?}, field {field:?}: {detail}")]
pub struct Unreadable {
    pub key: &'static str,
    pub field: String,
    pub detail: String,
}

/// Reads a setting from its JSON text: a JSON object whose every field reads and is within the
/// setting's range (an array, read by position, is not a setting).
pub fn decode<T: Setting>(json: &str) -> std::result::Result<T, Unreadable> {
    let unreadable = |field: String, detail: String| Unreadable {
        key: T::KEY,
        field,
        detail,
    };
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| unreadable(String::new(), e.to_string()))?;
    decode_value(value)
}

/// [`decode`] of a parsed JSON value.
fn decode_value<T: Setting>(value: serde_json::Value) -> std::result::Result<T, Unreadable> {
    let unreadable = |field: String, detail: String| Unreadable {
        key: T::KEY,
        field,
        detail,
    };
    if !value.is_object() {
        return Err(unreadable(String::new(), NOT_AN_OBJECT.into()));
    }
    let setting: T = serde_path_to_error::deserialize(value).map_err(|e| {
        let field = match e.path().to_string() {
            root if root == "." || root == "?" => String::new(),
            path => path,
        };
        unreadable(field, e.into_inner().to_string())
    })?;
    if let Some(field) = setting.unknown_code() {
        return Err(unreadable(field, UNKNOWN_CODE.into()));
    }
    match setting.out_of_range() {
        Some(field) => Err(unreadable(field, OUT_OF_RANGE.into())),
        None => Ok(setting),
    }
}

/// The saved JSON of `T`, if any; a value that is not text does not read.
pub fn saved<T: Setting>(conn: &Connection) -> Result<Option<String>> {
    let value = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [T::KEY],
            |r| match r.get_ref(0)? {
                rusqlite::types::ValueRef::Text(t) => {
                    Ok(Some(String::from_utf8_lossy(t).into_owned()))
                }
                _ => Ok(None),
            },
        )
        .optional()?;
    match value {
        None => Ok(None),
        Some(Some(text)) => Ok(Some(text)),
        Some(None) => Err(StorageError::Setting(Unreadable {
            key: T::KEY,
            field: String::new(),
            detail: NOT_TEXT.into(),
        })),
    }
}

/// The setting as saved, or its default when it was never saved. One that does not read is
/// [`StorageError::Setting`].
pub fn get<T: Setting>(conn: &Connection) -> Result<T> {
    get_or(conn, T::default)
}

/// The setting as saved, or `default()` when it was never saved (a default that is not the
/// type's own, such as the requisites shipped with the program).
pub fn get_or<T: Setting>(conn: &Connection, default: impl FnOnce() -> T) -> Result<T> {
    match saved::<T>(conn)? {
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
    Ok(conn
        .query_row("SELECT 1 FROM settings WHERE key = ?1", [key], |_| Ok(()))
        .optional()?
        .is_some())
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

/// The setting for its editor: what was saved, each field that does not read (or is out of
/// range) replaced by that field's default alone, with the reason for the first; `default()`
/// when nothing was saved, or when what was saved is not a JSON object at all. The fields that
/// read are kept: saving the editor loses nothing that could be read.
pub fn get_to_edit<T: Setting>(conn: &Connection, default: impl Fn() -> T) -> Result<Editable<T>> {
    let whole = |reason: Unreadable| Editable {
        value: default(),
        unreadable: Some(StorageError::Setting(reason)),
    };
    let json = match saved::<T>(conn) {
        Ok(None) => {
            return Ok(Editable {
                value: default(),
                unreadable: None,
            });
        }
        Ok(Some(json)) => json,
        Err(StorageError::Setting(u)) => return Ok(whole(u)),
        Err(e) => return Err(e),
    };
    let mut value = match serde_json::from_str::<serde_json::Value>(&json) {
        Ok(v) => v,
        Err(e) => {
            return Ok(whole(Unreadable {
                key: T::KEY,
                field: String::new(),
                detail: e.to_string(),
            }));
        }
    };
    let mut first: Option<Unreadable> = None;
    // Each round drops one field that does not read; a setting has far fewer.
    for _ in 0..256 {
        match decode_value::<T>(value.clone()) {
            Ok(setting) => {
                return Ok(Editable {
                    value: setting,
                    unreadable: first.map(StorageError::Setting),
                });
            }
            Err(u) => {
                let dropped = remove_path(&mut value, &u.field);
                let reason = first.get_or_insert(u).clone();
                if !dropped {
                    return Ok(whole(reason));
                }
            }
        }
    }
    Ok(whole(first.unwrap_or(Unreadable {
        key: T::KEY,
        field: String::new(),
        detail: NOT_AN_OBJECT.into(),
    })))
}

/// Removes what `path` («rules[2].term», «2027.matrix», «call_before») names from a JSON
/// value; `false` when it names nothing there (or the whole value).
fn remove_path(value: &mut serde_json::Value, path: &str) -> bool {
    enum Step {
        Key(String),
        Index(usize),
    }
    let mut steps = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            steps.push(Step::Key(key.to_string()));
        }
        for index in rest.split('[').filter(|i| !i.is_empty()) {
            match index.trim_end_matches(']').parse() {
                Ok(i) => steps.push(Step::Index(i)),
                Err(_) => return false,
            }
        }
    }
    let Some(last) = steps.pop() else {
        return false;
    };
    let mut at = value;
    for step in &steps {
        let next = match step {
            Step::Key(k) => at.get_mut(k.as_str()),
            Step::Index(i) => at.get_mut(*i),
        };
        match next {
            Some(v) => at = v,
            None => return false,
        }
    }
    match (last, at) {
        (Step::Key(k), serde_json::Value::Object(map)) => map.remove(&k).is_some(),
        (Step::Index(i), serde_json::Value::Array(items)) if i < items.len() => {
            items.remove(i);
            true
        }
        _ => false,
    }
}

/// A setting the database's hooks know: its key, and how to read it (for `vipdesk check` and
/// the window's band, which name every setting that does not read).
#[derive(Clone, Copy)]
pub struct Known {
    pub key: &'static str,
    pub read: fn(&Connection) -> Result<()>,
}

/// Whether setting `T` reads.
pub fn check<T: Setting>(conn: &Connection) -> Result<()> {
    get::<T>(conn).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::Reader as _;

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
        fn out_of_range(&self) -> Option<String> {
            (self.days > 365).then(|| "days".into())
        }
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
        // An array would be read by position: it is not a setting.
        let e = decode::<Sample>("[12, \"09:00\"]").expect_err("an array");
        assert_eq!(e.detail, NOT_AN_OBJECT);
        let e = decode::<Sample>(r#"{"days": 4000}"#).expect_err("too many days");
        assert_eq!(
            (e.field.as_str(), e.detail.as_str()),
            ("days", OUT_OF_RANGE)
        );
    }

    #[test]
    fn an_editor_keeps_every_field_that_reads() {
        let db = crate::storage::Db::in_memory_hooked(&crate::storage::Hooks::NONE).expect("db");
        let conn = db.connection();
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('sample', ?1)",
            [r#"{"days": 4000, "time": "09:30", "rules": [{"term": 1}, {"term": "x"}, {"term": 3}]}"#],
        )
        .expect("saved");
        let edit = get_to_edit::<Sample>(conn, Sample::default).expect("read");
        assert_eq!(edit.value.time, "09:30");
        assert_eq!(
            edit.value.days, 0,
            "the field out of range takes its default"
        );
        assert_eq!(
            edit.value.rules,
            vec![Rule { term: 1 }, Rule { term: 0 }, Rule { term: 3 }]
        );
        assert!(matches!(edit.unreadable, Some(StorageError::Setting(_))));
    }
}
