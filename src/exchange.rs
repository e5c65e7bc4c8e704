//! Import and export of clients: CSV (`;` or `,`, UTF-8 or Windows-1251) and XLSX.
//!
//! Export writes exactly the columns import reads, so export → import is a round trip. Import
//! takes every valid row and rejects each invalid row whole, naming its line and the reason.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use crate::domain::draft::ClientDraft;
use crate::domain::fmt::{self, search_key};
use crate::domain::model::*;
use crate::i18n as t;
use crate::storage::{self, Db};

/// The columns: key for scripts, Russian header for people. Import accepts either.
pub const COLUMNS: [(&str, &str); 16] = [
    ("short_name", "Краткое наименование"),
    ("full_name", "Полное наименование"),
    ("kind", "Вид"),
    ("inn", "ИНН"),
    ("kpp", "КПП"),
    ("ogrn", "ОГРН"),
    ("legal_address", "Юридический адрес"),
    ("postal_address", "Почтовый адрес"),
    ("district", "Межрайонное отделение"),
    ("industry", "Отрасль"),
    ("contract_number", "Номер договора"),
    ("contract_date", "Дата договора"),
    ("since_year", "Сотрудничаем с (год)"),
    ("manager", "Персональный менеджер"),
    ("strategic", "Стратегический"),
    ("uuid", "UUID"),
];

#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error("{msg}: {0}: {1}", msg = t::ERR_FILE_READ)]
    Io(String, std::io::Error),
    #[error("{0}")]
    Format(String),
    #[error(transparent)]
    Storage(#[from] storage::StorageError),
}

/// The outcome of an import.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub imported: usize,
    /// «строка 7: неверный ИНН 1234567895 (…)», one per rejected row.
    pub rejected: Vec<String>,
    pub warnings: Vec<String>,
}

impl ImportReport {
    pub fn summary(&self) -> String {
        t::import_summary(self.imported, self.rejected.len())
    }
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
            .map_err(|e| ExchangeError::Format(format!("{}: {e}", t::ERR_XLSX)))?;
        let range = wb
            .worksheet_range_at(0)
            .ok_or_else(|| ExchangeError::Format(t::ERR_XLSX_EMPTY.into()))?
            .map_err(|e| ExchangeError::Format(format!("{}: {e}", t::ERR_XLSX)))?;
        let start_row = range.start().map_or(0, |(r, _)| r as usize);
        return Ok(range
            .rows()
            .enumerate()
            .map(|(i, row)| (start_row + i + 1, row.iter().map(xlsx_cell).collect()))
            .collect());
    }
    let bytes =
        std::fs::read(path).map_err(|e| ExchangeError::Io(path.display().to_string(), e))?;
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
        let rec = rec.map_err(|e| ExchangeError::Format(format!("{}: {e}", t::ERR_CSV)))?;
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
        Data::Bool(b) => if *b { "да" } else { "нет" }.to_string(),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|dt| fmt::date(dt.date()))
            .unwrap_or_else(|| d.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("{e:?}"),
    }
}

fn parse_bool(s: &str) -> Option<bool> {
    match search_key(s.trim()).as_str() {
        "да" | "1" | "true" | "yes" | "+" => Some(true),
        "нет" | "0" | "false" | "no" | "-" | "" => Some(false),
        _ => None,
    }
}

/// Imports clients from `path`. Valid rows are inserted in one transaction.
pub fn import_clients(
    db: &mut Db,
    path: &Path,
    author: Option<Id>,
    today: NaiveDate,
) -> Result<ImportReport, ExchangeError> {
    let rows = read_rows(path)?;
    let mut rows = rows
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    let Some((_, header)) = rows.next() else {
        return Err(ExchangeError::Format(t::ERR_IMPORT_EMPTY.into()));
    };
    let mut report = ImportReport::default();
    let mut col_of: HashMap<&str, usize> = HashMap::new();
    for (i, h) in header.iter().enumerate() {
        let h = search_key(h.trim().trim_start_matches('\u{feff}'));
        match COLUMNS
            .iter()
            .find(|(k, ru)| h == *k || h == search_key(ru))
        {
            Some((k, _)) => {
                col_of.insert(k, i);
            }
            None if h.is_empty() => {}
            None => report.warnings.push(t::import_unknown_column(&h)),
        }
    }
    if !col_of.contains_key("short_name") {
        return Err(ExchangeError::Format(t::ERR_IMPORT_NO_NAME_COLUMN.into()));
    }
    let catalogs = storage::load_catalogs(db.conn())?;
    let managers = storage::list_managers(db.conn())?;
    let find_manager = |s: &str| -> Option<Id> {
        let k = search_key(s.trim());
        managers
            .iter()
            .find(|m| {
                search_key(&m.full_name()) == k
                    || search_key(&m.short_name()).replace('\u{a0}', " ")
                        == k.replace('\u{a0}', " ")
            })
            .and_then(|m| m.id)
    };
    let mut seen_inn: HashMap<String, usize> = HashMap::new();
    let mut good: Vec<Dossier> = Vec::new();
    for (line, cells) in rows {
        let cell = |k: &str| {
            col_of
                .get(k)
                .and_then(|&i| cells.get(i))
                .map_or("", |s| s.trim())
        };
        let reject = |msg: String| t::import_row(line, &msg);
        let Some(kind) = ClientKind::parse_loose(cell("kind")) else {
            report
                .rejected
                .push(reject(t::import_bad_kind(cell("kind"))));
            continue;
        };
        let lookup = |name: &str, items: &[(Id, &str)]| -> Result<Option<Id>, ()> {
            if name.is_empty() {
                return Ok(None);
            }
            items
                .iter()
                .find(|(_, n)| search_key(n) == search_key(name))
                .map(|(id, _)| Some(*id))
                .ok_or(())
        };
        let districts: Vec<(Id, &str)> = catalogs
            .districts
            .iter()
            .map(|d| (d.id, d.name.as_str()))
            .collect();
        let Ok(district_id) = lookup(cell("district"), &districts) else {
            report
                .rejected
                .push(reject(t::import_unknown_district(cell("district"))));
            continue;
        };
        let industries: Vec<(Id, &str)> = catalogs
            .industries
            .iter()
            .map(|d| (d.id, d.name.as_str()))
            .collect();
        let Ok(industry_id) = lookup(cell("industry"), &industries) else {
            report
                .rejected
                .push(reject(t::import_unknown_industry(cell("industry"))));
            continue;
        };
        let manager_id = match cell("manager") {
            "" => author,
            m => match find_manager(m) {
                Some(id) => Some(id),
                None => {
                    report.rejected.push(reject(t::import_unknown_manager(m)));
                    continue;
                }
            },
        };
        let Some(strategic) = parse_bool(cell("strategic")) else {
            report
                .rejected
                .push(reject(t::import_bad_bool(cell("strategic"))));
            continue;
        };
        let draft = ClientDraft {
            id: None,
            uuid: cell("uuid").to_string(),
            short_name: cell("short_name").to_string(),
            full_name: cell("full_name").to_string(),
            kind,
            inn: cell("inn").to_string(),
            kpp: cell("kpp").to_string(),
            ogrn: cell("ogrn").to_string(),
            legal_address: cell("legal_address").to_string(),
            postal_address: cell("postal_address").to_string(),
            district_id,
            industry_id,
            contract_number: cell("contract_number").to_string(),
            contract_date: cell("contract_date").to_string(),
            since_year: cell("since_year").to_string(),
            manager_id,
            strategic,
            ..Default::default()
        };
        let client = match draft.to_value(today) {
            Ok(c) => c,
            Err(errors) => {
                let msgs: Vec<String> = errors
                    .iter()
                    .map(|(field, msg)| t::import_field_error(field, cell(field), msg))
                    .collect();
                report.rejected.push(reject(msgs.join("; ")));
                continue;
            }
        };
        if !client.inn.is_empty() {
            if let Some((id, _)) = storage::find_client_by_inn(db.conn(), &client.inn)? {
                report
                    .rejected
                    .push(reject(t::import_duplicate_db(&client.inn, id)));
                continue;
            }
            if let Some(first) = seen_inn.insert(client.inn.clone(), line) {
                report
                    .rejected
                    .push(reject(t::import_duplicate_file(&client.inn, first)));
                continue;
            }
        }
        if !client.uuid.is_empty() {
            if uuid::Uuid::parse_str(&client.uuid).is_err() {
                report
                    .rejected
                    .push(reject(t::import_bad_uuid(&client.uuid)));
                continue;
            }
            if let Some(id) = storage::find_client_by_uuid(db.conn(), &client.uuid)? {
                report.rejected.push(reject(t::import_duplicate_uuid(id)));
                continue;
            }
            if good.iter().any(|d| d.client.uuid == client.uuid) {
                report
                    .rejected
                    .push(reject(t::import_duplicate_uuid_file()));
                continue;
            }
        }
        good.push(Dossier {
            client,
            ..Default::default()
        });
    }
    db.write(|tx| {
        for d in &good {
            storage::save_dossier_tx(tx, d, author)?;
        }
        Ok(())
    })?;
    report.imported = good.len();
    Ok(report)
}

/// Writes every client to a CSV file (`;`, UTF-8 with a BOM so that Excel reads Cyrillic).
pub fn export_clients(db: &Db, path: &Path) -> Result<usize, ExchangeError> {
    let catalogs = storage::load_catalogs(db.conn())?;
    let managers: HashMap<Id, Manager> = storage::list_managers(db.conn())?
        .into_iter()
        .filter_map(|m| m.id.map(|id| (id, m)))
        .collect();
    let rows = storage::list_clients(db.conn())?;
    let mut out = Vec::from(&b"\xEF\xBB\xBF"[..]);
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut out);
        let io = |e: csv::Error| ExchangeError::Format(format!("{}: {e}", t::ERR_CSV));
        w.write_record(COLUMNS.iter().map(|(_, ru)| *ru))
            .map_err(io)?;
        for row in &rows {
            let c = storage::load_dossier(db.conn(), row.id)?.client;
            let manager = c
                .manager_id
                .and_then(|id| managers.get(&id))
                .map(Manager::full_name)
                .unwrap_or_default();
            w.write_record([
                c.short_name.as_str(),
                &c.full_name,
                c.kind.label(),
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
                if c.strategic { "да" } else { "нет" },
                &c.uuid,
            ])
            .map_err(io)?;
        }
        w.flush()
            .map_err(|e| ExchangeError::Io(path.display().to_string(), e))?;
    }
    std::fs::write(path, out).map_err(|e| ExchangeError::Io(path.display().to_string(), e))?;
    Ok(rows.len())
}
