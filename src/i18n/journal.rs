//! The journal of changes as the user reads it: every kind of record, field and code in
//! Russian, an id as the record's name, texts whole (the words: `crate::words::journal`).

use serde_json::{Map, Value};

use super::labels::Label;
use crate::domain::Code;
use crate::words as w;

/// Which table an id column names (`None`: the column holds no id).
pub fn reference(table: &str, column: &str) -> Option<&'static str> {
    Some(match column {
        "client_id" => "clients",
        "person_id" => "people",
        "manager_id" | "supervisor_id" => "managers",
        "district_id" => "districts",
        "industry_id" => "industries",
        "service_id" => "services",
        "kind_id" => "indicator_kinds",
        "topic_id" => "appeal_topics",
        "project_id" => "projects",
        "meeting_id" => "meetings",
        "appeal_id" | "related_id" => "appeals",
        "letter_id" => "letters",
        "record_id" => "records",
        "merge_id" => "merges",
        "version_of" if table == "letters" => "letters",
        "version_of" if table == "meetings" => "meetings",
        "template_code" => "templates",
        "list_id" | "corrects_id" => "vip_lists",
        "survey_id" => "surveys",
        "question_id" => "survey_questions",
        _ => return None,
    })
}

/// Columns that hold yes or no (stored as 1 / 0).
const YES_NO: &[&str] = &[
    "strategic",
    "active",
    "crit_volume",
    "crit_brand",
    "crit_stability",
    "crit_political",
    "included",
    "term_working",
    "planned_strategic",
    "signature_image",
    "show_logo",
    "vip_before",
];

/// Columns the journal keeps but a reader has no use for: a search key made from another
/// field, a file's bytes (its size is shown).
const NOT_SHOWN: &[&str] = &["item_key", "file_data"];

/// Columns that hold a sum of money.
const MONEY: &[&str] = &["amount"];

fn of<C: Code + Label>(code: &str) -> Option<&'static str> {
    C::from_code(code).map(|c| c.label())
}

/// A stored code of `table.column` in words (`None`: not a code column, or a code this version
/// does not know).
pub fn code_label(table: &str, column: &str, code: &str) -> Option<&'static str> {
    use crate::appeals::{AppealKind, AppealStatus, Channel, LetterRole};
    use crate::clients::{ClientKind, Direction, ProjectStatus};
    use crate::contacts::{MeetingKind, ReportStatus};
    use crate::greetings::{GiftStatus, Occasion};
    match (table, column) {
        ("clients", "kind") => of::<ClientKind>(code),
        ("meetings", "kind") => of::<MeetingKind>(code),
        ("meetings", "status") => of::<ReportStatus>(code),
        ("appeals", "kind") => of::<AppealKind>(code),
        ("appeals", "status") => of::<AppealStatus>(code),
        (_, "channel" | "reply_channel" | "answer_via") => of::<Channel>(code),
        ("letters", "status") => of::<crate::letters::LetterStatus>(code),
        ("gifts", "status") => of::<GiftStatus>(code),
        (_, "occasion") => of::<Occasion>(code),
        ("records", "direction") => of::<Direction>(code),
        ("projects", "status") => of::<ProjectStatus>(code),
        ("calendar_days", "kind") => of::<crate::domain::calendar::DayKind>(code),
        ("appeal_letters", "role") => of::<LetterRole>(code),
        ("managers", "role") => of::<crate::domain::Role>(code),
        ("vip_lists", "status") => of::<crate::viplist::ListStatus>(code),
        ("vip_list_rows", "proposal" | "decision") => of::<crate::viplist::Proposal>(code),
        ("survey_questions", "kind") => of::<crate::viplist::QuestionKind>(code),
        ("people", "gender") => match code {
            "м" => Some(w::GENDER_M),
            "ж" => Some(w::GENDER_F),
            _ => None,
        },
        ("settings", "key") => Some(w::setting_name(code)),
        _ => None,
    }
}

/// Whether `table.column` holds a code [`code_label`] says in words.
pub fn is_code(table: &str, column: &str) -> bool {
    matches!(
        (table, column),
        ("clients" | "meetings" | "appeals" | "calendar_days", "kind")
            | (
                "meetings" | "appeals" | "letters" | "gifts" | "projects",
                "status"
            )
            | (_, "channel" | "reply_channel" | "answer_via" | "occasion")
            | ("records", "direction")
            | ("appeal_letters" | "managers", "role")
            | ("people", "gender")
            | ("settings", "key")
            | ("vip_lists", "status")
            | ("vip_list_rows", "proposal" | "decision")
            | ("survey_questions", "kind")
    )
}

/// A value of the journal as shown: «—» for nothing, dates as ДД.ММ.ГГГГ, stamps in local time,
/// texts whole with their line breaks.
pub fn journal_value(v: &Value) -> String {
    match v {
        Value::Null => "—".into(),
        Value::Bool(b) => if *b { w::YES } else { w::NO }.into(),
        // «20 000», as Russian writes five digits and more (a year stays «2026»).
        Value::Number(n) => match n.as_i64() {
            Some(i) if i.abs() >= 10_000 => crate::domain::fmt::number(i as f64, 0),
            _ => n.to_string(),
        },
        Value::String(s) if s.is_empty() => "—".into(),
        Value::String(s) => {
            if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                return crate::domain::fmt::date(d);
            }
            if let Some(local) = crate::domain::clock::stamp_local(s) {
                return local.format("%d.%m.%Y %H:%M").to_string();
            }
            s.clone()
        }
        Value::Array(items) => items
            .iter()
            .map(journal_value)
            .collect::<Vec<_>>()
            .join("; "),
        Value::Object(fields) => fields
            .iter()
            .map(|(k, v)| format!("{}: {}", w::setting_field(k), setting_value(k, v)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// A value inside a stored setting: a code of a kind of appeal or of client in words, yes or
/// no; anything else as [`journal_value`] shows it.
fn setting_value(field: &str, v: &Value) -> String {
    use crate::appeals::AppealKind;
    use crate::clients::ClientKind;
    let code = v.as_str().and_then(|c| match field {
        "kind" => of::<AppealKind>(c),
        "client" => of::<ClientKind>(c),
        _ => None,
    });
    match (code, v) {
        (Some(label), _) => label.to_string(),
        (None, Value::Bool(b)) => if *b { w::YES } else { w::NO }.into(),
        _ => journal_value(v),
    }
}

/// The name of a record another row names by its id (or, for a template, by its code); `None`
/// when it cannot be told.
pub type Names<'a> = &'a dyn Fn(&str, &Value) -> Option<String>;

/// A value of `table.column` in words: a code by its label, yes or no, an id by the record's
/// name.
pub fn field_value(table: &str, column: &str, v: &Value, names: Names) -> String {
    if let Some(target) = reference(table, column)
        && !v.is_null()
    {
        if let Some(name) = names(target, v) {
            return name;
        }
        if let Some(id) = v.as_i64() {
            return w::journal_record(id);
        }
    }
    if YES_NO.contains(&column)
        && let Some(n) = v.as_i64()
    {
        return if n != 0 { w::YES } else { w::NO }.into();
    }
    if MONEY.contains(&column)
        && let Some(x) = v.as_f64()
    {
        return crate::domain::fmt::money(x);
    }
    if let Some(code) = v.as_str()
        && let Some(label) = code_label(table, column, code)
    {
        return label.to_string();
    }
    journal_value(v)
}

/// One line per field: «ИНН: 7707083893 → 5751001230»; a setting's value one line per field
/// that changed.
pub fn journal_changes(table: &str, changes: &Map<String, Value>, names: Names) -> Vec<String> {
    let mut out = Vec::new();
    for (field, pair) in changes {
        if NOT_SHOWN.contains(&field.as_str()) {
            continue;
        }
        if table == "settings" && field == "value" {
            out.extend(setting_changes(pair));
            continue;
        }
        let name = w::journal_field(table, field).unwrap_or(field);
        let value = |v: &Value| field_value(table, field, v, names);
        out.push(match pair.as_array().map(Vec::as_slice) {
            Some([old, new]) if old.is_null() => format!("{name}: {}", value(new)),
            Some([old, new]) => format!("{name}: {} → {}", value(old), value(new)),
            _ => format!("{name}: {}", value(pair)),
        });
    }
    out
}

/// A setting saved as JSON: the fields that changed, each in words.
fn setting_changes(pair: &Value) -> Vec<String> {
    let parse = |v: &Value| match v.as_str().map(serde_json::from_str::<Value>) {
        Some(Ok(Value::Object(o))) => Some(o),
        _ => None,
    };
    let (old, new) = match pair.as_array().map(Vec::as_slice) {
        Some([old, new]) => (parse(old), parse(new)),
        _ => (None, parse(pair)),
    };
    let Some(new) = new else {
        return vec![format!(
            "{}: {}",
            w::journal_field("settings", "value").unwrap_or_default(),
            journal_value(pair)
        )];
    };
    let old = old.unwrap_or_default();
    if let Some(lines) = limits_changes(&old, &new) {
        return lines;
    }
    let mut keys: Vec<&String> = new.keys().chain(old.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| old.get(*k) != new.get(*k))
        .flat_map(|k| {
            // The deadlines of appeals: only the rules that changed, each in words.
            if let (Some(Value::Array(o)), Some(Value::Array(n))) = (old.get(k), new.get(k))
                && k == "rules"
            {
                return rules_changes(o, n);
            }
            let name = w::setting_field(k);
            vec![match (old.get(k), new.get(k)) {
                (None | Some(Value::Null), Some(n)) => format!("{name}: {}", journal_value(n)),
                (Some(o), Some(n)) => {
                    format!("{name}: {} → {}", journal_value(o), journal_value(n))
                }
                (Some(o), None) => format!("{name}: {} → —", journal_value(o)),
                (None, None) => String::new(),
            }]
        })
        .collect()
}

/// The deadline rules of appeals that changed, one line each: «Срок: отзыв, юридическое лицо:
/// 30 дн. → 20 раб. дн.».
fn rules_changes(old: &[Value], new: &[Value]) -> Vec<String> {
    let key = |r: &Value| (r.get("kind").cloned(), r.get("client").cloned());
    let words = |r: &Value| {
        let days = r.get("days").and_then(Value::as_i64).unwrap_or_default();
        let working = r.get("working").and_then(Value::as_bool).unwrap_or(false);
        w::journal_term(days, working)
    };
    let name = |r: &Value| {
        let part = |field: &str| {
            r.get(field)
                .map(|v| setting_value(field, v))
                .unwrap_or_default()
        };
        format!("{}, {}", part("kind"), part("client"))
    };
    let mut out = Vec::new();
    for n in new {
        match old.iter().find(|o| key(o) == key(n)) {
            Some(o) if o == n => {}
            Some(o) => out.push(w::journal_rule(&name(n), &words(o), &words(n))),
            None => out.push(w::journal_rule(&name(n), "—", &words(n))),
        }
    }
    for o in old.iter().filter(|o| !new.iter().any(|n| key(n) == key(o))) {
        out.push(w::journal_rule(&name(o), &words(o), "—"));
    }
    out
}

/// The gift limits (`{"2026": {"matrix": [[general, birthday, jubilee]; 3]}}`), one line per
/// limit that changed, in roubles; `None` when the setting is not the limits.
fn limits_changes(old: &Map<String, Value>, new: &Map<String, Value>) -> Option<Vec<String>> {
    let matrix = |v: Option<&Value>| -> Option<Vec<Vec<Option<f64>>>> {
        let rows = v?.get("matrix")?.as_array()?;
        Some(
            rows.iter()
                .map(|r| {
                    r.as_array()
                        .map(|cells| cells.iter().map(Value::as_f64).collect())
                        .unwrap_or_default()
                })
                .collect(),
        )
    };
    if new.is_empty() || new.values().any(|v| matrix(Some(v)).is_none()) {
        return None;
    }
    let rub = |v: Option<f64>| {
        v.map_or_else(
            || "—".to_string(),
            |v| format!("{}\u{a0}₽", crate::domain::fmt::number(v, 0)),
        )
    };
    let mut years: Vec<&String> = new.keys().chain(old.keys()).collect();
    years.sort();
    years.dedup();
    let mut out = Vec::new();
    for year in years {
        let (was, is) = (
            matrix(old.get(year)).unwrap_or_default(),
            matrix(new.get(year)).unwrap_or_default(),
        );
        for category in 0..was.len().max(is.len()) {
            for (kind, label) in w::LIMIT_COLUMNS.iter().enumerate() {
                let cell = |m: &Vec<Vec<Option<f64>>>| {
                    m.get(category).and_then(|r| r.get(kind)).copied().flatten()
                };
                let (o, n) = (cell(&was), cell(&is));
                if o != n {
                    out.push(w::journal_limit(
                        year,
                        category + 1,
                        label,
                        &rub(o),
                        &rub(n),
                    ));
                }
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A change of one appeal deadline is one line in words, not the whole list of codes.
    #[test]
    fn a_changed_deadline_rule_is_one_line_in_words() {
        let rules = |days: i64| {
            serde_json::json!({
                "rules": [
                    {"kind": "feedback", "client": "legal", "days": days, "working": false},
                    {"kind": "info", "client": "legal", "days": 30, "working": false},
                ],
                "due_soon_days": 3,
            })
            .to_string()
        };
        let mut changes = Map::new();
        changes.insert(
            "value".into(),
            Value::Array(vec![Value::String(rules(30)), Value::String(rules(20))]),
        );
        let lines = journal_changes("settings", &changes, &|_, _| None);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].starts_with("Срок: "), "{lines:?}");
        assert!(lines[0].ends_with(": 30 дн. → 20 дн."), "{lines:?}");
        for raw in ["feedback", "legal", "kind", "days"] {
            assert!(!lines[0].contains(raw), "{lines:?}");
        }
    }
}
