//! The clients' errors: the dossier, the exchange with CSV and Excel, a block pasted, the import's report.

use super::*;

impl Describe for ClientsError {
    fn describe(&self) -> String {
        match self {
            ClientsError::Conflict(_) => w::ERR_CONFLICT.into(),
            ClientsError::DeletedMeanwhile => w::ERR_DELETED_MEANWHILE.into(),
            ClientsError::Storage(e) => e.describe(),
            ClientsError::InnTaken { other } => FieldError::InnTaken {
                other: other.clone(),
            }
            .describe(),
            ClientsError::File(e) => e.describe(),
        }
    }
}

impl Describe for ExchangeError {
    fn describe(&self) -> String {
        match self {
            ExchangeError::File(e) => e.describe(),
            // The reader's English words go to the log (they name parts of the file, never
            // its cells).
            ExchangeError::Xlsx(e) => {
                log::warn!("spreadsheet not read: {e}");
                w::ERR_XLSX.into()
            }
            ExchangeError::XlsxEmpty => w::ERR_XLSX_EMPTY.into(),
            ExchangeError::XlsxTooBig { size } => w::err_xlsx_too_big(
                &w::file_size(*size as i64),
                &w::file_size(crate::clients::exchange::MAX_XLSX_UNPACKED as i64),
            ),
            ExchangeError::TooManyRows { rows } => {
                w::err_import_too_many_rows(*rows, crate::clients::exchange::MAX_IMPORT_ROWS)
            }
            ExchangeError::Csv(e) => {
                log::warn!("csv not written: {e}");
                w::ERR_CSV.into()
            }
            ExchangeError::MixedEncoding { line } => w::err_mixed_encoding(*line),
            ExchangeError::Empty => w::ERR_IMPORT_EMPTY.into(),
            ExchangeError::NoColumn("short_name") => w::ERR_IMPORT_NO_NAME_COLUMN.into(),
            ExchangeError::NoColumn(key) => w::err_import_no_column(w::people_column(key)),
            ExchangeError::Storage(e) => e.describe(),
        }
    }
}

impl Describe for RowError {
    fn describe(&self) -> String {
        match self {
            RowError::BadKind(v) => w::import_bad_kind(v),
            RowError::UnknownDistrict(v) => w::import_unknown_district(v),
            RowError::UnknownIndustry(v) => w::import_unknown_industry(v),
            RowError::Malformed(p) => match p {
                CsvProblem::UnclosedQuote => w::CSV_UNCLOSED_QUOTE.into(),
                CsvProblem::TextAfterQuote => w::CSV_TEXT_AFTER_QUOTE.into(),
                CsvProblem::ControlChar => w::CSV_CONTROL_CHAR.into(),
            },
            RowError::BadBool(v) => w::import_bad_bool(v),
            RowError::Fields(fields) => fields
                .iter()
                .map(|(field, value, e)| w::import_field_error(field, value, &e.describe()))
                .collect::<Vec<_>>()
                .join("; "),
            RowError::InnInDatabase(inn, id) => w::import_duplicate_db(inn, *id),
            RowError::InnInFile(inn, line) => w::import_duplicate_file(inn, *line),
            RowError::BadUuid(v) => w::import_bad_uuid(v),
            RowError::UuidInDatabase(id) => w::import_duplicate_uuid(*id),
            RowError::Denied(d) => d.describe(),
            RowError::UuidInFile => w::import_duplicate_uuid_file(),
            RowError::Columns { found, expected } => w::import_columns(*found, *expected),
            RowError::ClientNotFound(inn, name) => w::import_client_not_found(inn, name),
            RowError::ClientAmbiguous(name) => w::import_client_ambiguous(name),
            RowError::NoClient => w::IMPORT_NO_CLIENT.into(),
            RowError::PersonInDatabase(person, client) => {
                w::import_person_in_database(person, client)
            }
            RowError::PersonInFile(line) => w::import_person_in_file(*line),
            RowError::UuidOfAnotherClient => w::IMPORT_UUID_OF_ANOTHER.into(),
            RowError::BadGender(v) => w::import_bad_gender(v),
            RowError::BadCategory(v) => w::import_bad_category(v),
        }
    }
}

impl Describe for Rejection {
    fn describe(&self) -> String {
        w::import_row(self.line, &self.error.describe())
    }
}

impl Describe for ImportWarning {
    fn describe(&self) -> String {
        match self {
            ImportWarning::UnknownColumn(h) => w::import_unknown_column(h),
            ImportWarning::UnknownManager { line, name } => {
                w::import_row(*line, &w::import_unknown_manager(name))
            }
        }
    }
}

impl Describe for PasteError {
    fn describe(&self) -> String {
        match self {
            PasteError::Month { line, cell } => w::err_paste_line(*line, cell),
            PasteError::Value { line, cell } => w::err_paste_value(*line, cell),
            PasteError::Columns { line, kinds } => w::err_paste_columns(*line, *kinds),
        }
    }
}

impl Describe for DossierWarning {
    fn describe(&self) -> String {
        match self {
            DossierWarning::SharesOver100(total) => w::warn_shares(*total),
        }
    }
}

/// «Контактные лица: добавлено — 3, обновлено — 1. Отклонено: 1 строка.»
pub fn import_people_report(r: &crate::clients::exchange::ImportReport) -> String {
    w::import_people_summary(r.imported, r.updated, r.rejected.len())
}

/// «Импортировано: 3 клиента. Отклонено: 1 строка.» (with the updated ones when any).
pub fn import_report(r: &crate::clients::exchange::ImportReport) -> String {
    if r.updated == 0 {
        w::import_summary(r.imported, r.rejected.len())
    } else {
        w::import_summary_updated(r.imported, r.updated, r.rejected.len())
    }
}
