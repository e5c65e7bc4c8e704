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
use super::table_file::{CsvProblem, Row, decode_text, delimiter, read_csv};
use crate::admin::{Manager, service as admin_service};
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
    /// An Excel file whose sheets unpack to more than the limit (a small file can hold a
    /// gigabyte of text).
    #[error("the Excel file unpacks to {size} bytes, over {MAX_XLSX_UNPACKED}")]
    XlsxTooBig { size: u64 },
    #[error("{rows} rows, over {MAX_IMPORT_ROWS}")]
    TooManyRows { rows: usize },
    #[error("CSV: {0}")]
    Csv(String),
    /// The file is UTF-8 for the most part, but this line has a byte that is not.
    #[error("line {line}: a byte that is not UTF-8 in a UTF-8 file")]
    MixedEncoding { line: usize },
    #[error("the file is empty: no header line")]
    Empty,
    /// The header lacks the column every row needs (its key: `short_name`, `surname`).
    #[error("no column {0} in the header")]
    NoColumn(&'static str),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Why a row was not imported.
#[derive(Debug, Clone, PartialEq)]
pub enum RowError {
    /// The row could not be read as CSV.
    Malformed(CsvProblem),
    BadKind(String),
    UnknownDistrict(String),
    UnknownIndustry(String),
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
    /// The row would change another manager's client, or give a client to another manager
    /// (the importing user is a manager).
    Denied(crate::domain::Denied),
    /// The row has not as many cells as the header has columns (a line cut short, or a
    /// separator inside a value that was not quoted): its values would go into wrong fields.
    Columns {
        found: usize,
        expected: usize,
    },
    /// A person's row whose client is not in the database: (INN, short name) as the file has
    /// them.
    ClientNotFound(String, String),
    /// A person's row naming its client by a short name that several clients have.
    ClientAmbiguous(String),
    /// A person's row that names no client.
    NoClient,
    /// The person is in the client's dossier already: (person, client).
    PersonInDatabase(String, String),
    /// The person was on an earlier line of the file.
    PersonInFile(usize),
    /// The UUID is a person's of another client.
    UuidOfAnotherClient,
    BadGender(String),
    BadCategory(String),
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
    /// The manager a row names is not in the database: the client came in without one.
    UnknownManager {
        line: usize,
        name: String,
    },
}

/// What import does with a row whose client is already in the database (same UUID or INN).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImportMode {
    /// Refuse it as a duplicate.
    #[default]
    AddOnly,
    /// Update that client with the columns the file has (export → edit → import).
    Update,
}

/// The outcome of an import.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub imported: usize,
    /// Clients already in the database, updated (with [`ImportMode::Update`]).
    pub updated: usize,
    /// One per rejected row, by line.
    pub rejected: Vec<Rejection>,
    pub warnings: Vec<ImportWarning>,
}

/// The largest file an import reads (20,000 clients take about 5 MB as CSV).
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;
/// The most an Excel file's parts may unpack to (a 20,000-client sheet is about 30 MB).
pub const MAX_XLSX_UNPACKED: u64 = 128 * 1024 * 1024;
/// The most rows an import takes.
pub const MAX_IMPORT_ROWS: usize = 100_000;

/// Rows as (line number, cells or what was wrong with them), the first one the header. A
/// device or a pipe, a file over [`MAX_IMPORT_BYTES`], an Excel file unpacking to over
/// [`MAX_XLSX_UNPACKED`] and more than [`MAX_IMPORT_ROWS`] rows are refused before they
/// fill the memory.
fn read_rows(path: &Path) -> Result<Vec<Row>, ExchangeError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let bytes = files::read_limited(path, MAX_IMPORT_BYTES)?;
    let rows = if ext == "xlsx" {
        xlsx_rows(bytes)?
    } else {
        let (text, _) =
            decode_text(&bytes).map_err(|e| ExchangeError::MixedEncoding { line: e.line })?;
        read_csv(&text, delimiter(&text))
    };
    if rows.len() > MAX_IMPORT_ROWS + 1 {
        return Err(ExchangeError::TooManyRows {
            rows: rows.len() - 1,
        });
    }
    Ok(rows)
}

/// The first sheet's rows of an Excel file's bytes, its unpacked size checked first.
fn xlsx_rows(bytes: Vec<u8>) -> Result<Vec<Row>, ExchangeError> {
    use calamine::{Reader, Xlsx};
    let xlsx_err = |e: &dyn std::fmt::Display| ExchangeError::Xlsx(e.to_string());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).map_err(|e| xlsx_err(&e))?;
    let mut size: u64 = 0;
    for i in 0..zip.len() {
        size = size.saturating_add(zip.by_index_raw(i).map_err(|e| xlsx_err(&e))?.size());
    }
    if size > MAX_XLSX_UNPACKED {
        return Err(ExchangeError::XlsxTooBig { size });
    }
    let mut wb: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e: calamine::XlsxError| xlsx_err(&e))?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or(ExchangeError::XlsxEmpty)?
        .map_err(|e| xlsx_err(&e))?;
    if range.height() > MAX_IMPORT_ROWS + 1 {
        return Err(ExchangeError::TooManyRows {
            rows: range.height() - 1,
        });
    }
    let start_row = range.start().map_or(0, |(r, _)| r as usize);
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, row)| (start_row + i + 1, Ok(row.iter().map(xlsx_cell).collect())))
        .collect())
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

/// A row's cells as a spreadsheet may open them safely (see [`spreadsheet_safe`]).
pub(super) fn spreadsheet_row(cells: &[&str]) -> Vec<String> {
    cells
        .iter()
        .map(|c| spreadsheet_safe(c).into_owned())
        .collect()
}

/// A table as the CSV file an export writes: `;` between cells, UTF-8 with a BOM so that
/// Excel reads Cyrillic, the header first.
pub(super) fn csv_bytes(headers: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, ExchangeError> {
    let csv_err = |e: csv::Error| ExchangeError::Csv(e.to_string());
    let mut out = Vec::from(&b"\xEF\xBB\xBF"[..]);
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut out);
        w.write_record(headers).map_err(csv_err)?;
        for row in rows {
            w.write_record(row).map_err(csv_err)?;
        }
        w.flush().map_err(|e| ExchangeError::Csv(e.to_string()))?;
    }
    Ok(out)
}

/// Sets each field to its column's cell, where the file has the column (a column missing
/// leaves the field as it was: an update changes only what the file has).
pub(super) fn take_cells(
    cell: &dyn Fn(&str) -> Option<String>,
    fields: &mut [(&str, &mut String)],
) {
    for (key, field) in fields {
        if let Some(v) = cell(key) {
            **field = v;
        }
    }
}

/// The cell as exported: the apostrophe [`spreadsheet_safe`] added is taken off again.
fn from_spreadsheet(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

pub(super) fn parse_bool(s: &str) -> Option<bool> {
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

/// The catalogues and managers a row's names are looked up in.
struct Lookups {
    catalogs: crate::admin::Catalogs,
    managers: Vec<Manager>,
}

/// A row read onto a client draft (a new one, or the stored client's when updating): only the
/// columns the file has change it. Names that a catalogue does not know refuse the row; a
/// manager the database does not know leaves the client without one (a warning).
fn apply_row(
    draft: &mut ClientDraft,
    cell: &dyn Fn(&str) -> Option<String>,
    look: &Lookups,
    warnings: &mut Vec<String>,
) -> Result<(), RowError> {
    take_cells(
        cell,
        &mut [
            ("uuid", &mut draft.uuid),
            ("short_name", &mut draft.short_name),
            ("full_name", &mut draft.full_name),
            ("inn", &mut draft.inn),
            ("kpp", &mut draft.kpp),
            ("ogrn", &mut draft.ogrn),
            ("legal_address", &mut draft.legal_address),
            ("postal_address", &mut draft.postal_address),
            ("contract_number", &mut draft.contract_number),
            ("contract_date", &mut draft.contract_date),
            ("since_year", &mut draft.since_year),
        ],
    );
    if let Some(v) = cell("kind") {
        draft.kind = parse_kind(&v).ok_or(RowError::BadKind(v))?;
    }
    if let Some(v) = cell("district") {
        let districts = look.catalogs.districts.iter();
        draft.district_id = lookup(&v, districts.map(|d| (d.id, d.name.as_str())))
            .map_err(|_| RowError::UnknownDistrict(v))?;
    }
    if let Some(v) = cell("industry") {
        let industries = look.catalogs.industries.iter();
        draft.industry_id = lookup(&v, industries.map(|d| (d.id, d.name.as_str())))
            .map_err(|_| RowError::UnknownIndustry(v))?;
    }
    if let Some(v) = cell("manager")
        && !v.is_empty()
    {
        draft.manager_id = find_manager(&look.managers, &v);
        if draft.manager_id.is_none() {
            warnings.push(v);
        }
    }
    if let Some(v) = cell("strategic") {
        draft.strategic = parse_bool(&v).ok_or(RowError::BadBool(v))?;
    }
    Ok(())
}

/// The draft's client, or the row's field errors with the values the file had.
fn to_client(
    draft: &ClientDraft,
    cell: &dyn Fn(&str) -> Option<String>,
    today: NaiveDate,
) -> Result<Client, RowError> {
    let client = draft.to_value(today).map_err(|errors| {
        RowError::Fields(
            errors
                .into_iter()
                .map(|(field, e)| {
                    let value = cell(&field).unwrap_or_default();
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

/// A file's rows read against the columns an import knows.
pub(super) struct Table {
    /// Column key → its index in the file.
    pub col_of: HashMap<&'static str, usize>,
    /// (line, cells) of every row with as many cells as the header.
    pub candidates: Vec<(usize, Vec<String>)>,
    /// The rows refused already (unreadable, cut short) and the unknown columns.
    pub report: ImportReport,
}

/// Reads `path` as a table of `columns` (key, Russian header): the header found by either name
/// (case, «ё» and a BOM aside), `required` must be among them; blank rows skipped, a row that
/// does not read or has not as many cells as the header refused with its line.
pub(super) fn read_table(
    path: &Path,
    columns: &[(&'static str, &'static str)],
    required: &'static str,
) -> Result<Table, ExchangeError> {
    let rows = read_rows(path)?;
    let mut rows = rows.into_iter().filter(|(_, cells)| {
        cells
            .as_ref()
            .map_or(true, |c| c.iter().any(|c| !c.trim().is_empty()))
    });
    let mut report = ImportReport::default();
    let header = loop {
        match rows.next() {
            None => return Err(ExchangeError::Empty),
            Some((_, Ok(header))) => break header,
            Some((line, Err(problem))) => report.rejected.push(Rejection {
                line,
                error: RowError::Malformed(problem),
            }),
        }
    };
    let mut col_of: HashMap<&'static str, usize> = HashMap::new();
    for (i, h) in header.iter().enumerate() {
        let h = search_key(h.trim().trim_start_matches('\u{feff}'));
        match columns
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
    if !col_of.contains_key(required) {
        return Err(ExchangeError::NoColumn(required));
    }
    let mut candidates: Vec<(usize, Vec<String>)> = Vec::new();
    let expected = header.len();
    for (line, cells) in rows {
        match cells {
            // Cells past the header's columns may be empty (a trailing separator), no more.
            Ok(cells)
                if cells.len() < expected
                    || cells[expected.min(cells.len())..]
                        .iter()
                        .any(|c| !c.trim().is_empty()) =>
            {
                report.rejected.push(Rejection {
                    line,
                    error: RowError::Columns {
                        found: cells.len(),
                        expected,
                    },
                });
            }
            Ok(cells) => candidates.push((line, cells)),
            Err(problem) => report.rejected.push(Rejection {
                line,
                error: RowError::Malformed(problem),
            }),
        }
    }
    Ok(Table {
        col_of,
        candidates,
        report,
    })
}

/// The cell of column `k` of a row, as a field takes it: trimmed, the spreadsheet's apostrophe
/// off, no escape sequence or line break; `None` when the file has no such column.
pub(super) fn cell_of(
    col_of: &HashMap<&'static str, usize>,
    cells: &[String],
    k: &str,
) -> Option<String> {
    col_of.get(k).map(|&i| {
        cells.get(i).map_or(String::new(), |s| {
            crate::domain::text::clean_line(from_spreadsheet(s.trim()))
        })
    })
}

/// Imports clients from `path` for `actor` (whose clients they become when the file names no
/// manager). Valid rows are written in one write, which also looks for duplicates: a client
/// already there (by UUID, else by INN) is refused, or updated in [`ImportMode::Update`].
pub fn import_clients(
    db: &mut Db,
    actor: &Actor,
    path: &Path,
    mode: ImportMode,
) -> Result<ImportReport, ExchangeError> {
    let today = db.today();
    let Table {
        col_of,
        candidates,
        mut report,
    } = read_table(path, &EXCHANGE_COLUMNS, "short_name")?;
    let look = Lookups {
        catalogs: admin_service::catalogs(db.conn())?,
        managers: admin_service::managers(db.conn())?,
    };
    let (imported, updated, rejected, warnings) = db.write(actor, |w| {
        let (mut imported, mut updated) = (0, 0);
        let mut rejected = Vec::new();
        let mut warnings = Vec::new();
        let mut seen_inn: HashMap<String, usize> = HashMap::new();
        let mut seen_uuid: std::collections::HashSet<String> = Default::default();
        for (line, cells) in &candidates {
            let line = *line;
            let cell = |k: &str| cell_of(&col_of, cells, k);
            let reject = |error| Rejection { line, error };
            // The client this row names, if it is already in the database.
            let uuid = cell("uuid").unwrap_or_default();
            let inn = cell("inn").unwrap_or_default();
            let by_uuid = match uuid.as_str() {
                "" => None,
                u => store::find_client_by_uuid(w, u)?,
            };
            let by_inn = match inn.as_str() {
                "" => None,
                i => store::inn_holder(w, i, None)?.map(|(id, _)| id),
            };
            let existing = by_uuid.or(by_inn);
            if !uuid.is_empty() && !seen_uuid.insert(uuid.clone()) {
                rejected.push(reject(RowError::UuidInFile));
                continue;
            }
            if !inn.is_empty()
                && let Some(first) = seen_inn.insert(inn.clone(), line)
            {
                rejected.push(reject(RowError::InnInFile(inn, first)));
                continue;
            }
            let mut dossier = match (existing, mode) {
                (Some(id), ImportMode::Update) => match store::load_dossier(w, id) {
                    Ok(d) => d,
                    // A UUID of a client in the trash: it stays there.
                    Err(StorageError::NotFound(_)) => {
                        rejected.push(reject(RowError::UuidInDatabase(id)));
                        continue;
                    }
                    Err(e) => return Err(e),
                },
                (Some(id), ImportMode::AddOnly) => {
                    rejected.push(reject(match by_uuid {
                        Some(id) => RowError::UuidInDatabase(id),
                        None => RowError::InnInDatabase(inn, id),
                    }));
                    continue;
                }
                (None, _) => Dossier {
                    client: Client {
                        manager_id: actor.id,
                        ..Default::default()
                    },
                    ..Default::default()
                },
            };
            let mut draft = ClientDraft::from_value(&dossier.client);
            let mut unknown = Vec::new();
            if let Err(e) = apply_row(&mut draft, &cell, &look, &mut unknown) {
                rejected.push(reject(e));
                continue;
            }
            dossier.client = match to_client(&draft, &cell, today) {
                Ok(c) => c,
                Err(e) => {
                    rejected.push(reject(e));
                    continue;
                }
            };
            // Another live client with this INN (the row moved it onto someone else's).
            if !dossier.client.inn.is_empty()
                && let Some((other, _)) =
                    store::inn_holder(w, &dossier.client.inn, dossier.client.id)?
            {
                rejected.push(reject(RowError::InnInDatabase(
                    dossier.client.inn.clone(),
                    other,
                )));
                continue;
            }
            // A manager imports into their own clients only, and gives none to another.
            let before = match existing {
                Some(id) => store::client_manager(w, id)?,
                None => None,
            };
            let own = w
                .actor()
                .may_act_for(before)
                .and_then(|()| w.actor().may_act_for(dossier.client.manager_id));
            if let Err(denied) = own {
                rejected.push(reject(RowError::Denied(denied)));
                continue;
            }
            warnings.extend(
                unknown
                    .into_iter()
                    .map(|name| ImportWarning::UnknownManager { line, name }),
            );
            store::save_dossier(w, &dossier)?;
            match existing {
                Some(_) => updated += 1,
                None => imported += 1,
            }
        }
        Ok::<_, StorageError>((imported, updated, rejected, warnings))
    })?;
    report.imported = imported;
    report.updated = updated;
    report.rejected.extend(rejected);
    report.rejected.sort_by_key(|r| r.line);
    report.warnings.extend(warnings);
    log::info!(
        "imported {} clients, updated {}, rejected {} rows",
        report.imported,
        report.updated,
        report.rejected.len()
    );
    Ok(report)
}

/// What an export wrote, and how many clients a damaged database did not let it read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Exported {
    pub written: usize,
    /// Clients (or whole parts of the list) left out because their rows did not read; 0 on a
    /// sound database.
    pub unreadable: usize,
    /// Whether the list itself stopped at damage (the clients after it are not counted).
    pub list_cut: bool,
}

/// Writes every client to a CSV file (`;`, UTF-8 with a BOM so that Excel reads Cyrillic).
/// On a damaged database it salvages what reads: each client whose row reads is written, the
/// others counted, and a catalogue that does not read leaves its names out.
pub fn export_clients(db: &Db, path: &Path) -> Result<Exported, ExchangeError> {
    let catalogs = admin_service::catalogs(db.conn()).unwrap_or_default();
    let managers: HashMap<Id, Manager> = admin_service::managers(db.conn())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|m| m.id.map(|id| (id, m)))
        .collect();
    let (ids, whole) = store::client_ids_salvaged(db.conn());
    let mut done = Exported {
        list_cut: !whole,
        ..Exported::default()
    };
    let mut rows = Vec::with_capacity(ids.len());
    for id in &ids {
        let Ok(c) = store::load_client(db.conn(), *id) else {
            done.unreadable += 1;
            continue;
        };
        done.written += 1;
        let manager = c
            .manager_id
            .and_then(|id| managers.get(&id))
            .map(Manager::full_name)
            .unwrap_or_default();
        rows.push(spreadsheet_row(&[
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
        ]));
    }
    let headers: Vec<&str> = EXCHANGE_COLUMNS.iter().map(|(_, ru)| *ru).collect();
    let out = csv_bytes(&headers, &rows)?;
    if done.written == 0 && (done.unreadable > 0 || done.list_cut) {
        return Err(ExchangeError::Storage(
            crate::storage::StorageError::Damaged(String::new()),
        ));
    }
    files::write(path, &out)?;
    Ok(done)
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
