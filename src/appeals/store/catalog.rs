//! The catalogue of topics and the register's settings.

use super::*;

// ---- topics and settings ----

pub fn topics(conn: &Connection) -> Result<Vec<CatalogItem>> {
    let mut st = conn.prepare_cached(
        "SELECT id, name FROM appeal_topics WHERE deleted_at IS NULL ORDER BY sort, name",
    )?;
    let rows = st
        .query_map([], |r| {
            Ok(CatalogItem {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn add_topic(w: &Tx, name: &str) -> Result<Id> {
    w.execute(
        "INSERT INTO appeal_topics (uuid, created_at, updated_at, author_id, name, sort) \
         VALUES (?1, ?2, ?2, ?3, ?4, (SELECT coalesce(max(sort), 0) + 1 FROM appeal_topics))",
        params![new_uuid(), w.now(), w.author(), name],
    )?;
    Ok(w.last_insert_rowid())
}

pub fn rename_topic(w: &Tx, id: Id, name: &str) -> Result<()> {
    w.execute(
        "UPDATE appeal_topics SET name = ?2, updated_at = ?3, author_id = ?4 WHERE id = ?1",
        params![id, name, w.now(), w.author()],
    )?;
    Ok(())
}

pub fn delete_topic(w: &Tx, id: Id) -> Result<()> {
    storage::soft_delete(w, "appeal_topics", id)
}

#[derive(serde::Serialize, serde::Deserialize)]
struct StoredRule {
    kind: String,
    client: String,
    #[serde(flatten)]
    term: Term,
}

/// The settings as saved: codes for the kinds (a code this version does not know is an
/// error); a field missing takes the default.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(default)]
struct StoredSettings {
    number_format: String,
    rules: Vec<StoredRule>,
    registration_term: Term,
    forwarding_term: Term,
    due_soon_days: u32,
    max_extension_days: u32,
}

impl Default for StoredSettings {
    fn default() -> Self {
        StoredSettings::from(&AppealSettings::default())
    }
}

impl From<&AppealSettings> for StoredSettings {
    fn from(s: &AppealSettings) -> Self {
        StoredSettings {
            number_format: s.number_format.clone(),
            rules: s
                .rules
                .iter()
                .map(|r| StoredRule {
                    kind: r.kind.code().into(),
                    client: r.client_kind.code().into(),
                    term: r.term,
                })
                .collect(),
            registration_term: s.registration_term,
            forwarding_term: s.forwarding_term,
            due_soon_days: s.due_soon_days,
            max_extension_days: s.max_extension_days,
        }
    }
}

impl Setting for StoredSettings {
    const KEY: &'static str = "appeals";
    /// A rule of a kind of appeal or client this version does not know.
    fn unknown_code(&self) -> Option<String> {
        self.rules
            .iter()
            .position(|r| {
                AppealKind::parse_code(&r.kind).is_err()
                    || crate::clients::ClientKind::parse_code(&r.client).is_err()
            })
            .map(|i| format!("rules[{i}]"))
    }

    /// The ranges the settings' form keeps: terms of 1 to 365 days, «due soon» within 60
    /// working days, a format that numbers.
    fn out_of_range(&self) -> Option<String> {
        let term = |t: &Term| !(1..=365).contains(&t.days);
        if let Some(i) = self.rules.iter().position(|r| term(&r.term)) {
            return Some(format!("rules[{i}].days"));
        }
        [
            ("registration_term", term(&self.registration_term)),
            ("forwarding_term", term(&self.forwarding_term)),
            ("due_soon_days", self.due_soon_days > 60),
            (
                "max_extension_days",
                !(1..=365).contains(&self.max_extension_days),
            ),
            (
                "number_format",
                !crate::domain::fmt::number_format_ok(&self.number_format),
            ),
        ]
        .into_iter()
        .find(|(_, bad)| *bad)
        .map(|(field, _)| field.to_string())
    }
}

/// The settings as saved, else the defaults. A field that does not read, is out of range or
/// holds a code this version does not know is [`StorageError::Setting`], naming it — never
/// the defaults.
pub fn settings(conn: &Connection) -> Result<AppealSettings> {
    let s: StoredSettings = settings::get(conn)?;
    let mut out = AppealSettings {
        number_format: s.number_format,
        registration_term: s.registration_term,
        forwarding_term: s.forwarding_term,
        due_soon_days: s.due_soon_days,
        max_extension_days: s.max_extension_days,
        ..AppealSettings::default()
    };
    for r in s.rules {
        let kind = AppealKind::parse_code(&r.kind).map_err(StorageError::UnknownCode)?;
        let client =
            crate::clients::ClientKind::parse_code(&r.client).map_err(StorageError::UnknownCode)?;
        out.set_term(kind, client, r.term);
    }
    Ok(out)
}

/// The settings for their editor: what reads of what was saved (a rule whose code this version
/// does not know, or out of range, left out), with the reason.
pub fn settings_to_edit(conn: &Connection) -> Result<settings::Editable<AppealSettings>> {
    let edit = settings::get_to_edit(conn, StoredSettings::default)?;
    let s = edit.value;
    let mut out = AppealSettings {
        number_format: s.number_format,
        registration_term: s.registration_term,
        forwarding_term: s.forwarding_term,
        due_soon_days: s.due_soon_days,
        max_extension_days: s.max_extension_days,
        ..AppealSettings::default()
    };
    for r in s.rules {
        if let (Ok(kind), Ok(client)) = (
            AppealKind::parse_code(&r.kind),
            crate::clients::ClientKind::parse_code(&r.client),
        ) {
            out.set_term(kind, client, r.term);
        }
    }
    Ok(settings::Editable {
        value: out,
        unreadable: edit.unreadable,
    })
}

pub fn save_settings(w: &Tx, s: &AppealSettings) -> Result<()> {
    settings::put(w, &StoredSettings::from(s))
}
