//! Import and export of clients: CSV (`;` or `,`, UTF-8 or Windows-1251) and XLSX.
//!
//! Export writes exactly the columns import reads, so export → import is a round trip. Import
//! takes every valid row and rejects each invalid row whole, naming its line and the reason;
//! duplicates are looked for inside the import's own write, so two imports at once cannot both
//! add a client.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use super::draft::ClientDraft;
use super::model::*;
use super::store;
use crate::admin::{Manager, store as admin_store};
use crate::domain::fmt::{self, search_key};
use crate::domain::{Actor, Code, FieldError, Id};
use crate::files::{self, FileError};
use crate::storage::{Db, StorageError};
use crate::words::clients::{EXCHANGE_COLUMNS, NO, NO_WORDS, YES, YES_WORDS, client_kind_aliases};
use crate::words::common::client_kind;

#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("Excel file: {0}")]
    Xlsx(String),
    #[error("the Excel file has no sheets")]
    XlsxEmpty,
    #[error("CSV: {0}")]
    Csv(String),
    #[error("the file is empty: no header line")]
    Empty,
    #[error("no column of the short name in the header")]
    NoNameColumn,
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Why a row was not imported.
#[derive(Debug, Clone, PartialEq)]
pub enum RowError {
    BadKind(String),
    UnknownDistrict(String),
    UnknownIndustry(String),
    UnknownManager(String),
    BadBool(String),
    /// Fields that did not convert: (column key, the value, why).
    Fields(Vec<(String, String, FieldError)>),
    /// A client with this INN is in the database (its id).
    InnInDatabase(String, Id),
    /// The INN was on an earlier line of the file.
    InnInFile(String, usize),
    BadUuid(String),
    UuidInDatabase(Id),
    UuidInFile,
}

/// A rejected row and the line a user sees it on.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    pub line: usize,
    pub error: RowError,
}

/// Something import passed over without refusing a row.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportWarning {
    UnknownColumn(String),
}

/// The outcome of an import.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub imported: usize,
    /// One per rejected row, by line.
    pub rejected: Vec<Rejection>,
    pub warnings: Vec<ImportWarning>,
}

/// Decodes a CSV file's bytes: UTF-8 (with or without BOM), else Windows-1251.
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1251.decode(bytes).0.into_owned(),
    }
}

/// Rows as (line number, cells), the first one the header.
fn read_rows(path: &Path) -> Result<Vec<(usize, Vec<String>)>, ExchangeError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ext == "xlsx" {
        use calamine::{Reader, Xlsx, open_workbook};
        let mut wb: Xlsx<_> = open_workbook(path)
            .map_err(|e: calamine::XlsxError| ExchangeError::Xlsx(e.to_string()))?;
        let range = wb
            .worksheet_range_at(0)
            .ok_or(ExchangeError::XlsxEmpty)?
            .map_err(|e| ExchangeError::Xlsx(e.to_string()))?;
        let start_row = range.start().map_or(0, |(r, _)| r as usize);
        return Ok(range
            .rows()
            .enumerate()
            .map(|(i, row)| (start_row + i + 1, row.iter().map(xlsx_cell).collect()))
            .collect());
    }
    let bytes = files::read(path)?;
    let text = decode_text(&bytes);
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() >= first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| ExchangeError::Csv(e.to_string()))?;
        let line = rec.position().map_or(rows.len() + 1, |p| p.line() as usize);
        rows.push((line, rec.iter().map(str::to_string).collect()));
    }
    Ok(rows)
}

fn xlsx_cell(c: &calamine::Data) -> String {
    use calamine::Data;
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string().replace('.', ","),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { YES } else { NO }.to_string(),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|dt| fmt::date(dt.date()))
            .unwrap_or_else(|| d.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("{e:?}"),
    }
}

/// The characters that make a spreadsheet read a cell as a formula («=cmd|…»).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as a spreadsheet program may open it safely: one that would start a formula gets a
/// leading apostrophe, which Excel and LibreOffice show as text.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The cell as exported: the apostrophe [`spreadsheet_safe`] added is taken off again.
fn from_spreadsheet(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

fn parse_bool(s: &str) -> Option<bool> {
    let k = search_key(s.trim());
    if YES_WORDS.contains(&k.as_str()) {
        Some(true)
    } else if NO_WORDS.contains(&k.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// A client kind by its code, its name or a common abbreviation; empty is a legal entity.
fn parse_kind(s: &str) -> Option<ClientKind> {
    let k = search_key(s.trim());
    if k.is_empty() {
        return Some(ClientKind::Legal);
    }
    ClientKind::ALL.iter().copied().find(|kind| {
        kind.code() == k
            || search_key(client_kind(kind.code())) == k
            || client_kind_aliases(kind.code()).contains(&k.as_str())
    })
}

/// The manager a file names, by full name or «Фамилия И.О.».
fn find_manager(managers: &[Manager], s: &str) -> Option<Id> {
    let k = search_key(s.trim()).replace('\u{a0}', " ");
    managers
        .iter()
        .find(|m| {
            search_key(&m.full_name()) == k
                || search_key(&m.short_name()).replace('\u{a0}', " ") == k
        })
        .and_then(|m| m.id)
}

/// The id of the catalogue entry named `name` (none for an empty name); `Err` when no entry has
/// that name.
fn lookup<'a>(
    name: &str,
    items: impl IntoIterator<Item = (Id, &'a str)>,
) -> Result<Option<Id>, ()> {
    if name.is_empty() {
        return Ok(None);
    }
    let key = search_key(name);
    items
        .into_iter()
        .find(|(_, n)| search_key(n) == key)
        .map(|(id, _)| Some(id))
        .ok_or(())
}

/// A row read into a client, or why not.
fn row_to_client(
    cell: &dyn Fn(&str) -> String,
    catalogs: &crate::admin::Catalogs,
    managers: &[Manager],
    actor: &Actor,
    today: NaiveDate,
) -> Result<Client, RowError> {
    let kind = parse_kind(&cell("kind")).ok_or_else(|| RowError::BadKind(cell("kind")))?;
    let district_id = lookup(
        &cell("district"),
        catalogs.districts.iter().map(|d| (d.id, d.name.as_str())),
    )
    .map_err(|_| RowError::UnknownDistrict(cell("district")))?;
    let industry_id = lookup(
        &cell("industry"),
        catalogs.industries.iter().map(|d| (d.id, d.name.as_str())),
    )
    .map_err(|_| RowError::UnknownIndustry(cell("industry")))?;
    let manager_id = match cell("manager").as_str() {
        "" => actor.id,
        m => Some(find_manager(managers, m).ok_or_else(|| RowError::UnknownManager(m.into()))?),
    };
    let strategic =
        parse_bool(&cell("strategic")).ok_or_else(|| RowError::BadBool(cell("strategic")))?;
    let draft = ClientDraft {
        uuid: cell("uuid"),
        short_name: cell("short_name"),
        full_name: cell("full_name"),
        kind,
        inn: cell("inn"),
        kpp: cell("kpp"),
        ogrn: cell("ogrn"),
        legal_address: cell("legal_address"),
        postal_address: cell("postal_address"),
        district_id,
        industry_id,
        contract_number: cell("contract_number"),
        contract_date: cell("contract_date"),
        since_year: cell("since_year"),
        manager_id,
        strategic,
        ..Default::default()
    };
    let client = draft.to_value(today).map_err(|errors| {
        RowError::Fields(
            errors
                .into_iter()
                .map(|(field, e)| {
                    let value = cell(&field);
                    (field, value, e)
                })
                .collect(),
        )
    })?;
    if !client.uuid.is_empty() && uuid::Uuid::parse_str(&client.uuid).is_err() {
        return Err(RowError::BadUuid(client.uuid));
    }
    Ok(client)
}

/// Imports clients from `path` for `actor` (whose clients they become when the file names no
/// manager). Valid rows are inserted in one write, which also looks for duplicates.
pub fn import_clients(
    db: &mut Db,
    actor: &Actor,
    path: &Path,
) -> Result<ImportReport, ExchangeError> {
    let today = db.today();
    let rows = read_rows(path)?;
    let mut rows = rows
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    let Some((_, header)) = rows.next() else {
        return Err(ExchangeError::Empty);
    };
    let mut report = ImportReport::default();
    let mut col_of: HashMap<&str, usize> = HashMap::new();
    for (i, h) in header.iter().enumerate() {
        let h = search_key(h.trim().trim_start_matches('\u{feff}'));
        match EXCHANGE_COLUMNS
            .iter()
            .find(|(k, ru)| h == *k || h == search_key(ru))
        {
            Some((k, _)) => {
                col_of.insert(k, i);
            }
            None if h.is_empty() => {}
            None => report.warnings.push(ImportWarning::UnknownColumn(h)),
        }
    }
    if !col_of.contains_key("short_name") {
        return Err(ExchangeError::NoNameColumn);
    }
    let catalogs = admin_store::load_catalogs(db.conn())?;
    let managers = admin_store::list_managers(db.conn())?;
    let mut candidates: Vec<(usize, Client)> = Vec::new();
    for (line, cells) in rows {
        let cell = |k: &str| {
            col_of
                .get(k)
                .and_then(|&i| cells.get(i))
                .map_or(String::new(), |s| from_spreadsheet(s.trim()).to_string())
        };
        match row_to_client(&cell, &catalogs, &managers, actor, today) {
            Ok(c) => candidates.push((line, c)),
            Err(error) => report.rejected.push(Rejection { line, error }),
        }
    }
    let imported = db.write(actor, |w| {
        let mut seen_inn: HashMap<String, usize> = HashMap::new();
        let mut seen_uuid: Vec<String> = Vec::new();
        let mut rejected = Vec::new();
        let mut n = 0;
        for (line, client) in &candidates {
            let reject = |error| Rejection { line: *line, error };
            if !client.inn.is_empty() {
                if let Some((id, _)) = store::inn_holder(w, &client.inn, None)? {
                    rejected.push(reject(RowError::InnInDatabase(client.inn.clone(), id)));
                    continue;
                }
                if let Some(first) = seen_inn.insert(client.inn.clone(), *line) {
                    rejected.push(reject(RowError::InnInFile(client.inn.clone(), first)));
                    continue;
                }
            }
            if !client.uuid.is_empty() {
                if let Some(id) = store::find_client_by_uuid(w, &client.uuid)? {
                    rejected.push(reject(RowError::UuidInDatabase(id)));
                    continue;
                }
                if seen_uuid.contains(&client.uuid) {
                    rejected.push(reject(RowError::UuidInFile));
                    continue;
                }
                seen_uuid.push(client.uuid.clone());
            }
            store::save_dossier(
                w,
                &Dossier {
                    client: client.clone(),
                    ..Default::default()
                },
            )?;
            n += 1;
        }
        Ok::<_, StorageError>((n, rejected))
    })?;
    report.imported = imported.0;
    report.rejected.extend(imported.1);
    report.rejected.sort_by_key(|r| r.line);
    log::info!(
        "imported {} clients, rejected {} rows",
        report.imported,
        report.rejected.len()
    );
    Ok(report)
}

/// Writes every client to a CSV file (`;`, UTF-8 with a BOM so that Excel reads Cyrillic).
pub fn export_clients(db: &Db, path: &Path) -> Result<usize, ExchangeError> {
    let catalogs = admin_store::load_catalogs(db.conn())?;
    let managers: HashMap<Id, Manager> = admin_store::list_managers(db.conn())?
        .into_iter()
        .filter_map(|m| m.id.map(|id| (id, m)))
        .collect();
    let rows = store::list_clients(db.conn())?;
    let mut out = Vec::from(&b"\xEF\xBB\xBF"[..]);
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut out);
        let csv_err = |e: csv::Error| ExchangeError::Csv(e.to_string());
        w.write_record(EXCHANGE_COLUMNS.iter().map(|(_, ru)| *ru))
            .map_err(csv_err)?;
        for row in &rows {
            let c = store::load_dossier(db.conn(), row.id)?.client;
            let manager = c
                .manager_id
                .and_then(|id| managers.get(&id))
                .map(Manager::full_name)
                .unwrap_or_default();
            let cells = [
                c.short_name.as_str(),
                &c.full_name,
                client_kind(c.kind.code()),
                &c.inn,
                &c.kpp,
                &c.ogrn,
                &c.legal_address,
                &c.postal_address,
                catalogs.district_name(c.district_id),
                catalogs
                    .industry(c.industry_id)
                    .map_or("", |i| i.name.as_str()),
                &c.contract_number,
                &fmt::opt_date(c.contract_date),
                &c.since_year.map(|y| y.to_string()).unwrap_or_default(),
                &manager,
                if c.strategic { YES } else { NO },
                &c.uuid,
            ];
            w.write_record(cells.iter().map(|c| spreadsheet_safe(c).into_owned()))
                .map_err(csv_err)?;
        }
        w.flush().map_err(|e| ExchangeError::Csv(e.to_string()))?;
    }
    files::write(path, &out)?;
    Ok(rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_start_a_formula_are_escaped_and_come_back() {
        for cell in [
            "=cmd|' /C calc'!A0",
            "+7 916",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            let safe = spreadsheet_safe(cell);
            assert!(safe.starts_with('\''), "{safe}");
            assert_eq!(from_spreadsheet(&safe), cell);
        }
        assert_eq!(spreadsheet_safe("ООО «Ромашка»"), "ООО «Ромашка»");
        assert_eq!(from_spreadsheet("'просто текст"), "'просто текст");
    }
}
