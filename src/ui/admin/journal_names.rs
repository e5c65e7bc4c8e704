//! The names of the records a journal names by id (a client, a person, a manager, an appeal's
//! number…), read once when the journal is read, through the features' services.

use std::collections::HashMap;

use crate::domain::{Id, names};
use crate::i18n::{self as t, Label};
use crate::storage::Db;
use crate::storage::journal::Entry;

/// (table, id) → the record's name; a template's code → its title.
#[derive(Default, Clone)]
pub struct JournalNames {
    by_id: HashMap<(String, Id), String>,
    templates: HashMap<String, String>,
}

impl JournalNames {
    /// Reads the names of every record `entries` name: each row's own record and every id in
    /// its changes.
    pub fn of(db: &Db, entries: &[Entry]) -> JournalNames {
        let mut wanted: Vec<(&'static str, Id)> = Vec::new();
        let mut codes = false;
        for e in entries {
            if let (Some(table), Some(id)) = (own_table(&e.kind), e.record_id) {
                wanted.push((table, id));
            }
            for (field, pair) in &e.changes {
                let Some(table) = t::journal::reference(&e.kind, field) else {
                    continue;
                };
                codes |= table == "templates";
                let values = pair
                    .as_array()
                    .cloned()
                    .unwrap_or_else(|| vec![pair.clone()]);
                wanted.extend(
                    values
                        .iter()
                        .filter_map(|v| v.as_i64())
                        .map(|id| (table, id)),
                );
            }
        }
        wanted.sort_unstable();
        wanted.dedup();
        let catalogs = crate::admin::service::catalogs(db).unwrap_or_default();
        let topics = crate::appeals::service::topics(db).unwrap_or_default();
        let mut out = HashMap::new();
        for (table, id) in wanted {
            if let Some(name) = name_of(db, &catalogs, &topics, table, id) {
                out.insert((table.to_string(), id), name);
            }
        }
        let templates = if codes {
            crate::letters::service::templates(db)
                .unwrap_or_default()
                .into_iter()
                .map(|t| (t.code, t.title))
                .collect()
        } else {
            HashMap::new()
        };
        JournalNames {
            by_id: out,
            templates,
        }
    }

    pub fn get(&self, table: &str, id: Id) -> Option<String> {
        self.by_id.get(&(table.to_string(), id)).cloned()
    }

    /// The name of what `v` names in `table`: a record by its id, a template by its code.
    pub fn of_value(&self, table: &str, v: &serde_json::Value) -> Option<String> {
        match (table, v) {
            ("templates", serde_json::Value::String(code)) => self.templates.get(code).cloned(),
            (_, v) => self.get(table, v.as_i64()?),
        }
    }
}

/// The tables whose own rows are named beside their kind.
fn own_table(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "clients" => "clients",
        "people" => "people",
        "managers" | "credentials" => "managers",
        "appeals" => "appeals",
        "letters" => "letters",
        "meetings" => "meetings",
        "settings" => "settings",
        "records" => "records",
        "gifts" => "gifts",
        "merges" => "merges",
        _ => return None,
    })
}

fn name_of(
    db: &Db,
    catalogs: &crate::admin::Catalogs,
    topics: &[crate::domain::CatalogItem],
    table: &str,
    id: Id,
) -> Option<String> {
    let item = |items: &[crate::domain::CatalogItem]| {
        items.iter().find(|i| i.id == id).map(|i| i.name.clone())
    };
    match table {
        "clients" => crate::clients::service::short_name(db, id).ok(),
        "people" => crate::clients::service::person_brief(db, id)
            .ok()
            .flatten()
            .map(|p| names::surname_initials(&p.surname, &p.name, &p.patronymic)),
        "managers" => crate::admin::service::manager(db, id)
            .ok()
            .map(|m| m.short_name()),
        "districts" => item(&catalogs.districts),
        "services" => item(&catalogs.services),
        "industries" => catalogs
            .industries
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.name.clone()),
        "indicator_kinds" => catalogs
            .indicator_kinds
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.name.clone()),
        "appeal_topics" => item(topics),
        "appeals" => crate::appeals::service::numbers_of(db, &[id])
            .ok()
            .map(|n| t::appeal_title(&n.into_iter().next().unwrap_or_default())),
        "letters" => crate::letters::service::open(db, id).ok().map(|l| {
            if l.number.is_empty() {
                t::letter_draft_name(&l.heading)
            } else {
                t::letter_title(&l.number, &crate::domain::fmt::opt_date(l.reg_date))
            }
        }),
        "meetings" => crate::contacts::service::open(db, id).ok().map(|m| {
            format!(
                "{} {}",
                m.kind.label(),
                crate::domain::fmt::opt_date(m.date)
            )
        }),
        // «Книга об Орле — Соколов И.А.»: what the gift is and whom it is for.
        "gifts" => {
            let g = crate::greetings::service::gift(db, id).ok()??;
            let person = name_of(db, catalogs, topics, "people", g.person_id).unwrap_or_default();
            Some(t::journal_gift(&g.item, &person))
        }
        "settings" | "records" | "merges" => {
            let fields = crate::admin::service::journal_fields(db, table, id).ok()??;
            let at = |s: &str| t::journal_value(&serde_json::Value::String(s.to_string()));
            match (table, fields.as_slice()) {
                ("settings", [key]) => Some(t::setting_name(key).to_string()),
                ("records", [direction, number, date, subject]) => {
                    let direction = crate::domain::Code::from_code(direction.as_str())
                        .map_or("", |d: crate::clients::Direction| d.label());
                    Some(t::journal_document(direction, number, &at(date), subject))
                }
                ("merges", [title, started, total]) => {
                    Some(t::journal_merge(title, &at(started), total))
                }
                _ => None,
            }
        }
        _ => None,
    }
}
