//! Import and export of the people of clients (leaders and contacts): the same files, reader
//! and rules as the clients' (see [`super::exchange`]). A row names its client by INN (or, for a
//! client without one, by its short name) and a person of it; the person is known again by its
//! UUID, else by its full name in that client's dossier. Export writes exactly the columns
//! import reads, so export → edit in Excel → import with update is a round trip.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use super::draft::PersonDraft;
use super::exchange::{
    ExchangeError, Exported, ImportMode, ImportReport, Rejection, RowError, cell_of, csv_bytes,
    read_table, spreadsheet_row, take_cells,
};
use super::model::*;
use super::store;
use crate::domain::fmt::{self, search_key};
use crate::domain::names::{self, Gender};
use crate::domain::{Actor, Check, Id};
use crate::files;
use crate::storage::StorageError;
use crate::storage::{Db, Tx};
use crate::words::clients::{
    GENDER_FEMALE_SHORT, GENDER_FEMALE_WORDS, GENDER_MALE_SHORT, GENDER_MALE_WORDS, PEOPLE_COLUMNS,
};

fn parse_gender(s: &str) -> Result<Option<Gender>, ()> {
    let k = search_key(s.trim());
    if k.is_empty() {
        Ok(None)
    } else if GENDER_MALE_WORDS.contains(&k.as_str()) {
        Ok(Some(Gender::Male))
    } else if GENDER_FEMALE_WORDS.contains(&k.as_str()) {
        Ok(Some(Gender::Female))
    } else {
        Err(())
    }
}

fn parse_category(s: &str) -> Result<Option<u8>, ()> {
    match s.trim() {
        "" => Ok(None),
        "1" => Ok(Some(1)),
        "2" => Ok(Some(2)),
        "3" => Ok(Some(3)),
        _ => Err(()),
    }
}

/// How a person is known in a dossier when the file gives no UUID: the full name.
fn name_key(surname: &str, name: &str, patronymic: &str) -> String {
    search_key(&names::full_name(surname, name, patronymic))
}

/// The clients a file may name: by INN, and by short name for those without an INN.
struct Clients {
    by_inn: HashMap<String, Id>,
    by_name: HashMap<String, Vec<Id>>,
}

impl Clients {
    fn read(w: &Tx) -> Result<Self, StorageError> {
        let mut by_inn = HashMap::new();
        let mut by_name: HashMap<String, Vec<Id>> = HashMap::new();
        for c in store::list_clients(w)? {
            if !c.inn.is_empty() {
                by_inn.insert(c.inn.to_string(), c.id);
            }
            by_name
                .entry(search_key(&c.short_name))
                .or_default()
                .push(c.id);
        }
        Ok(Clients { by_inn, by_name })
    }

    /// The client of a row: by INN when the row has one, else by a short name only one
    /// client has.
    fn find(&self, inn: &str, name: &str) -> Result<Id, RowError> {
        if !inn.is_empty() {
            // A typo in the INN is named as one, not as a client missing.
            if let Err(e) = crate::domain::validate::check_inn(inn) {
                return Err(RowError::Fields(vec![(
                    "client_inn".into(),
                    inn.to_string(),
                    e,
                )]));
            }
            return self
                .by_inn
                .get(inn)
                .copied()
                .ok_or_else(|| RowError::ClientNotFound(inn.to_string(), name.to_string()));
        }
        if name.is_empty() {
            return Err(RowError::NoClient);
        }
        match self.by_name.get(&search_key(name)).map(Vec::as_slice) {
            Some([id]) => Ok(*id),
            Some([_, _, ..]) => Err(RowError::ClientAmbiguous(name.to_string())),
            _ => Err(RowError::ClientNotFound(String::new(), name.to_string())),
        }
    }
}

/// The row's columns onto a person's draft: only the columns the file has change it.
fn apply_row(p: &mut PersonDraft, cell: &dyn Fn(&str) -> Option<String>) -> Result<(), RowError> {
    take_cells(
        cell,
        &mut [
            ("surname", &mut p.surname),
            ("name", &mut p.name),
            ("patronymic", &mut p.patronymic),
            ("position", &mut p.position),
            ("birthday", &mut p.birthday),
            ("phones", &mut p.phones),
            ("email", &mut p.email),
            ("address_as", &mut p.address_as),
            ("notes", &mut p.notes),
        ],
    );
    if let Some(v) = cell("gender") {
        p.gender = parse_gender(&v).map_err(|()| RowError::BadGender(v))?;
    }
    if let Some(v) = cell("category") {
        p.category = parse_category(&v).map_err(|()| RowError::BadCategory(v))?;
    }
    Ok(())
}

/// A dossier the import changes: its people found by UUID and by full name without going
/// through the list for each row (a file of thousands of one client's people).
struct Touched {
    dossier: Dossier,
    changed: bool,
    by_uuid: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl Touched {
    fn new(dossier: Dossier) -> Self {
        let mut t = Touched {
            dossier,
            changed: false,
            by_uuid: HashMap::new(),
            by_name: HashMap::new(),
        };
        for i in 0..t.dossier.people.len() {
            t.index(i);
        }
        t
    }

    fn index(&mut self, i: usize) {
        let p = &self.dossier.people[i];
        if !p.uuid.is_empty() {
            self.by_uuid.entry(p.uuid.clone()).or_insert(i);
        }
        self.by_name
            .entry(name_key(&p.surname, &p.name, &p.patronymic))
            .or_insert(i);
    }
}

/// Imports people from `path` for `actor` into the dossiers of their clients. Valid rows are
/// written in one write; a row that names no known client, a person already in the dossier
/// (unless [`ImportMode::Update`]) or a field that does not convert is refused whole, naming its
/// line. A manager imports into their own clients' dossiers only.
pub fn import_people(
    db: &mut Db,
    actor: &Actor,
    path: &Path,
    mode: ImportMode,
) -> Result<ImportReport, ExchangeError> {
    let today = db.today();
    let super::exchange::Table {
        col_of,
        candidates,
        mut report,
    } = read_table(path, &PEOPLE_COLUMNS, "surname")?;
    let (imported, updated, rejected) = db.write(actor, |w| {
        let clients = Clients::read(w)?;
        let (mut imported, mut updated) = (0, 0);
        let mut rejected = Vec::new();
        let mut dossiers: BTreeMap<Id, Touched> = BTreeMap::new();
        // (client, the person's UUID or name) → the line it was first on.
        let mut seen: HashMap<(Id, String), usize> = HashMap::new();
        for (line, cells) in &candidates {
            let line = *line;
            let cell = |k: &str| cell_of(&col_of, cells, k);
            let reject = |error| Rejection { line, error };
            let client = match clients.find(
                &cell("client_inn").unwrap_or_default(),
                &cell("client").unwrap_or_default(),
            ) {
                Ok(id) => id,
                Err(e) => {
                    rejected.push(reject(e));
                    continue;
                }
            };
            if let Err(denied) = w.actor().may_act_for(store::client_manager(w, client)?) {
                rejected.push(reject(RowError::Denied(denied)));
                continue;
            }
            let uuid = cell("uuid").unwrap_or_default();
            if !uuid.is_empty() && uuid::Uuid::parse_str(&uuid).is_err() {
                rejected.push(reject(RowError::BadUuid(uuid)));
                continue;
            }
            if !uuid.is_empty()
                && let Some((_, other)) = store::person_by_uuid(w, &uuid)?
                && other != client
            {
                rejected.push(reject(RowError::UuidOfAnotherClient));
                continue;
            }
            let touched = match dossiers.entry(client) {
                std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::btree_map::Entry::Vacant(e) => {
                    e.insert(Touched::new(store::load_dossier(w, client)?))
                }
            };
            let key = if uuid.is_empty() {
                name_key(
                    &cell("surname").unwrap_or_default(),
                    &cell("name").unwrap_or_default(),
                    &cell("patronymic").unwrap_or_default(),
                )
            } else {
                uuid.clone()
            };
            if let Some(first) = seen.insert((client, key.clone()), line) {
                rejected.push(reject(RowError::PersonInFile(first)));
                continue;
            }
            let existing = if uuid.is_empty() {
                touched.by_name.get(&key)
            } else {
                touched.by_uuid.get(&uuid)
            }
            .copied();
            let d = &mut touched.dossier;
            let mut draft = match (existing, mode) {
                (Some(i), ImportMode::AddOnly) => {
                    let p = &d.people[i];
                    rejected.push(reject(RowError::PersonInDatabase(
                        names::full_name(&p.surname, &p.name, &p.patronymic),
                        d.client.short_name.clone(),
                    )));
                    continue;
                }
                (Some(i), ImportMode::Update) => PersonDraft::from_value(&d.people[i]),
                (None, _) => PersonDraft {
                    uuid: uuid.clone(),
                    ..PersonDraft::default()
                },
            };
            let before = draft.clone();
            if let Err(e) = apply_row(&mut draft, &cell) {
                rejected.push(reject(e));
                continue;
            }
            // The forms a letter needs follow the name, unless the file or a user set them.
            if existing.is_some() {
                let gender_given = cell("gender").is_some_and(|g| !g.is_empty());
                let gender = draft.gender;
                draft.refresh_generated(&before);
                if gender_given {
                    draft.gender = gender;
                }
            } else {
                draft.fill_generated();
            }
            let mut ck = Check::default();
            let person = draft.check(&mut ck, "", today);
            if let Err(errors) = ck.finish(()) {
                rejected.push(reject(RowError::Fields(
                    errors
                        .into_iter()
                        .map(|(field, e)| {
                            let value = cell(&field).unwrap_or_default();
                            (field, value, e)
                        })
                        .collect(),
                )));
                continue;
            }
            match existing {
                // A row that changes nothing is no update.
                Some(i) => {
                    if d.people[i] != person {
                        d.people[i] = person;
                        touched.changed = true;
                        updated += 1;
                    }
                }
                None => {
                    d.people.push(person);
                    let i = d.people.len() - 1;
                    touched.changed = true;
                    touched.index(i);
                    imported += 1;
                }
            }
        }
        for t in dossiers.values().filter(|t| t.changed) {
            store::save_dossier(w, &t.dossier)?;
        }
        Ok::<_, StorageError>((imported, updated, rejected))
    })?;
    report.imported = imported;
    report.updated = updated;
    report.rejected.extend(rejected);
    report.rejected.sort_by_key(|r| r.line);
    log::info!(
        "imported {} people, updated {}, rejected {} rows",
        report.imported,
        report.updated,
        report.rejected.len()
    );
    Ok(report)
}

/// Writes the people of every client in the list in the columns [`import_people`] reads: to
/// an Excel workbook when the name ends with `.xlsx`, else to a CSV file (`;`, UTF-8 with a
/// BOM so that Excel reads Cyrillic).
pub fn export_people(db: &Db, path: &Path) -> Result<Exported, ExchangeError> {
    let clients: HashMap<Id, (String, String)> = store::list_clients(db.conn())?
        .into_iter()
        .map(|c| (c.id, (c.inn.to_string(), c.short_name.to_string())))
        .collect();
    let people = store::load_people(db.conn(), None)?;
    let rows: Vec<Vec<String>> = people
        .iter()
        .filter_map(|(client, p)| {
            let (inn, short_name) = clients.get(client)?;
            let cells = [
                inn.as_str(),
                short_name,
                &p.surname,
                &p.name,
                &p.patronymic,
                match p.gender {
                    Some(Gender::Male) => GENDER_MALE_SHORT,
                    Some(Gender::Female) => GENDER_FEMALE_SHORT,
                    None => "",
                },
                &p.position,
                &p.category.map(|c| c.to_string()).unwrap_or_default(),
                &fmt::opt_date(p.birthday),
                &p.phones
                    .iter()
                    .map(crate::domain::validate::Phone::display)
                    .collect::<Vec<_>>()
                    .join("; "),
                &p.email,
                &p.address_as,
                &p.notes,
                &p.uuid,
            ];
            Some(spreadsheet_row(&cells))
        })
        .collect();
    let headers: Vec<&str> = PEOPLE_COLUMNS.iter().map(|(_, ru)| *ru).collect();
    let xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if xlsx {
        files::write_xlsx(path, crate::words::clients::PEOPLE_SHEET, &headers, &rows)?;
    } else {
        files::write(path, &csv_bytes(&headers, &rows)?)?;
    }
    log::info!("exported {} people", rows.len());
    Ok(Exported {
        written: rows.len(),
        ..Exported::default()
    })
}
