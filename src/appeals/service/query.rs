//! What the screens and the command line read: the card's details, a letter's appeal, a client's appeals, «Сегодня», numbers, the register in Excel.

use super::*;

/// Everything the appeal's card shows beside the form.
#[derive(Debug, Clone, Default)]
pub struct Details {
    pub letters: Vec<AppealLetter>,
    pub attachments: Vec<Attachment>,
    pub related: Vec<AppealRow>,
    pub clocks: Option<Clocks>,
}

pub fn details(db: &Db, a: &Appeal) -> Result<Details, StorageError> {
    let conn = db.conn();
    let s = store::settings(conn)?;
    let cal = calendar::load(conn)?;
    let related = store::rows_of(conn, &a.related)?;
    let mut letters = Vec::new();
    let mut attachments = Vec::new();
    if let Some(id) = a.id {
        for (letter_id, role) in store::letters_of(conn, id)? {
            // A letter moved to the trash is not shown.
            match letters_service::open(db, letter_id) {
                Ok(l) => letters.push(AppealLetter {
                    letter_id,
                    role,
                    number: l.number,
                    reg_date: l.reg_date,
                    status: l.status,
                }),
                Err(StorageError::NotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        let files = store::files_of(conn, id)?;
        attachments = clients_service::files(db, &files)?
            .into_iter()
            .map(|(record_id, file_name, file_size)| Attachment {
                record_id,
                file_name,
                file_size,
            })
            .collect();
    }
    Ok(Details {
        letters,
        attachments,
        related,
        clocks: Some(clocks(a, &s, &cal)),
    })
}

/// The appeal a letter answers or notifies, for the letter's editor: (id, number).
pub fn appeal_of_letter(db: &Db, letter_id: Id) -> Result<Option<(Id, String)>, StorageError> {
    match store::appeal_of_letter(db.conn(), letter_id)? {
        Some((id, _)) => Ok(Some((id, store::get(db.conn(), id)?.number))),
        None => Ok(None),
    }
}

/// The last appeals of a client (the dossier, the call card).
pub fn of_client(db: &Db, client_id: Id, limit: usize) -> Result<Vec<AppealRow>, StorageError> {
    store::of_client(db.conn(), client_id, limit)
}

/// What «Сегодня» shows of appeals.
#[derive(Debug, Clone, Default)]
pub struct TodayAppeals {
    pub overdue: Vec<AppealRow>,
    /// Due today or within the settings' working days.
    pub due_soon: Vec<AppealRow>,
    /// Received, not registered yet, with their registration deadline.
    pub unregistered: Vec<(AppealRow, NaiveDate)>,
}

/// Overdue, due soon and unregistered appeals of the clients of `scope`.
pub fn today(db: &Db, scope: Scope, today: NaiveDate) -> Result<TodayAppeals, StorageError> {
    let conn = db.conn();
    let manager = scope.manager();
    let s = store::settings(conn)?;
    let cal = calendar::load(conn)?;
    let soon = cal.add_working_days(today, s.due_soon_days);
    let (rows, _) = store::list(
        conn,
        &AppealFilter {
            manager,
            due: DueFilter::By(soon),
            today: Some(today),
            ..Default::default()
        },
        1000,
    )?;
    let (overdue, due_soon) = rows
        .into_iter()
        .partition(|r| r.due_date.is_some_and(|d| d < today));
    let unregistered = store::unregistered(conn, manager)?
        .into_iter()
        .map(|r| {
            let by = cal.deadline(r.received_at.date(), s.registration_term);
            (r, by)
        })
        .collect();
    Ok(TodayAppeals {
        overdue,
        due_soon,
        unregistered,
    })
}

/// The ids of appeals by their numbers, or the numbers not found.
pub fn ids_by_numbers(
    db: &Db,
    numbers: &[String],
) -> Result<Result<Vec<Id>, Vec<String>>, StorageError> {
    let mut ids = Vec::new();
    let mut unknown = Vec::new();
    for n in numbers.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        match store::id_by_number(db.conn(), n)? {
            Some(id) => ids.push(id),
            None => unknown.push(n.to_string()),
        }
    }
    Ok(if unknown.is_empty() {
        Ok(ids)
    } else {
        Err(unknown)
    })
}

/// The registration numbers of appeals.
pub fn numbers_of(db: &Db, ids: &[Id]) -> Result<Vec<String>, StorageError> {
    store::numbers_of(db.conn(), ids)
}

/// The most rows an Excel sheet holds, the header aside.
const XLSX_ROWS: usize = 1_048_575;

/// Writes the appeals `f` matches (all of them, not only the rows a screen shows) to an Excel
/// file at `target`; returns how many.
pub fn export_xlsx(
    db: &Db,
    f: &AppealFilter,
    today: NaiveDate,
    target: &std::path::Path,
) -> Result<usize, AppealError> {
    use crate::domain::Code as _;
    use crate::words::appeals as w;
    let (rows, total) = store::list(db.conn(), f, XLSX_ROWS)?;
    if total > rows.len() {
        return Err(AppealError::TooManyRows(total));
    }
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(w::XLSX_SHEET)?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let headers = [
        w::COL_APPEAL_NUMBER,
        w::COL_RECEIVED,
        w::COL_CHANNEL,
        w::COL_APPEAL_KIND,
        w::COL_TOPIC,
        w::COL_APPEAL_CLIENT,
        w::COL_SUBJECT,
        w::COL_APPEAL_STATUS,
        w::COL_DUE,
        w::COL_DAYS_LEFT,
        crate::words::COL_MANAGER,
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = (i + 1) as u32;
        let cells = [
            r.number.clone(),
            r.received_at.format("%d.%m.%Y %H:%M").to_string(),
            w::channel_label(r.channel.code()).to_string(),
            w::kind_label(r.kind.code()).to_string(),
            r.topic.clone(),
            r.client.clone(),
            r.subject.clone(),
            w::status_label(r.status.code()).to_string(),
            crate::domain::fmt::opt_date(r.due_date),
        ];
        for (c, v) in cells.iter().enumerate() {
            sheet.write_string(row, c as u16, v)?;
        }
        if let Some(left) = r.days_left(today) {
            sheet.write_number(row, 9, left as f64)?;
        }
        sheet.write_string(row, 10, &r.manager)?;
    }
    sheet.autofit();
    let bytes = book.save_to_buffer()?;
    crate::files::write(target, &bytes)?;
    Ok(rows.len())
}
