//! The rules of letters that need the database: a draft from a template and the dossier,
//! registration (the next number of the year, the text frozen, the PDF kept in the dossier, one
//! write), the status flow, corrections as new versions, the courier sheet.

use std::path::Path;

use chrono::NaiveDate;

use super::compose::{self, content_from, document_from};
use super::model::*;
use super::store;
use super::template::{TemplateError, check_template};
use crate::admin::{Manager, service as admin_service};
use crate::clients::{Direction, Record, service as clients_service};
use crate::domain::{Actor, Id};
use crate::files::{self, FileError};
use crate::pdf::{self, Company, Document, LetterContent, PdfError};
use crate::storage::{Conn, Db, Reader, StorageError, Tx};

#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(transparent)]
    File(#[from] FileError),
    #[error("letter {0} is registered: its text cannot change")]
    Frozen(Id),
    #[error("a letter cannot go from {from:?} to {to:?}")]
    BadTransition {
        from: LetterStatus,
        to: LetterStatus,
    },
    /// A blank or an unfilled placeholder left in the text: the word that holds it.
    #[error("the letter holds a blank: {0}")]
    Blank(String),
    #[error("the template has no text")]
    EmptyTemplate,
    #[error("the template answers an appeal")]
    NeedsAppeal,
    #[error("the template's field {0:?} is not given")]
    FieldMissing(super::model::TemplateField),
    #[error("no template {0:?}")]
    UnknownTemplate(String),
    #[error("no letters handed to the courier")]
    NoCourierLetters,
    #[error("no letters handed to the courier on {0}")]
    NoneHandedOn(NaiveDate),
    #[error("the selection matches no client")]
    EmptySelection,
    #[error("an unfinished merge of this template to this selection: {done} of {total}")]
    MergeUnfinished { done: usize, total: usize },
    #[error("no unfinished merge of this template to this selection")]
    NothingToResume,
    /// The same merge was started by another run after this one was asked for: it ran, this
    /// one does not (it would write to every client a second time).
    #[error("the same merge was started at the same time, at {0}")]
    MergeTwice(String),
    /// A client to leave out (`--except`) that the selection does not hold.
    #[error("client {0} is not in the selection")]
    NotInSelection(Id),
    /// Clients to leave out given when resuming: a merge goes on as it began.
    #[error("a resumed merge keeps the clients it began without")]
    ExceptOnResume,
    /// Values for the template given when resuming that differ from those the merge began
    /// with: its letters would not say the same.
    #[error("the merge began with other values of {0:?}")]
    ResumeFields(super::model::TemplateField, String),
    #[error("the merge was cancelled")]
    Cancelled,
    #[error("the merge stopped at a client: {cause}")]
    MergeStopped {
        client: String,
        report: Box<MergeReport>,
        cause: Box<LetterError>,
    },
}

pub fn templates(db: &Db) -> Result<Vec<Template>, StorageError> {
    store::list_templates(db.conn())
}

pub fn template(db: &impl Reader, code: &str) -> Result<Option<Template>, StorageError> {
    store::get_template(db.connection(), code)
}

/// Saves a template that renders (an unknown field or a syntax error refuses it).
pub fn save_template(db: &mut Db, actor: &Actor, t: &Template) -> Result<Id, LetterError> {
    save_template_over(db, actor, None, t)
}

/// Saves a template edited from `base` (as loaded), refused with
/// [`StorageError::ChangedMeanwhile`] when another instance saved it meanwhile.
pub fn save_template_over(
    db: &mut Db,
    actor: &Actor,
    base: Option<&Template>,
    t: &Template,
) -> Result<Id, LetterError> {
    check_template(&t.heading, &t.body)?;
    Ok(db.write(actor, |w| {
        if let Some(base) = base
            && let Some(current) = store::get_template(w, &t.code)?
        {
            crate::storage::unchanged(current.id.unwrap_or_default(), base, &current)?;
        }
        store::save_template(w, t)
    })?)
}

fn manager_of(conn: &Conn, id: Option<Id>) -> Result<Option<Manager>, StorageError> {
    id.map(|id| admin_service::manager(conn, id)).transpose()
}

/// A new draft to a client's person (the main addressee when `None`) from a template, signed
/// by `manager_id` (the client's personal manager when `None`), dated `today`.
pub fn draft_for(
    db: &impl Reader,
    client_id: Id,
    person_id: Option<Id>,
    template: &Template,
    manager_id: Option<Id>,
    reply: &Reply,
    today: NaiveDate,
) -> Result<Letter, LetterError> {
    let conn = db.connection();
    let d = clients_service::open(conn, client_id)?;
    let manager = manager_of(conn, manager_id.or(d.client.manager_id))?;
    let company = admin_service::company(conn)?;
    let person_id = person_id.or_else(|| compose::main_addressee(&d).and_then(|p| p.id));
    Ok(compose::draft_from(
        &d,
        person_id,
        template,
        manager.as_ref(),
        &company,
        reply,
        today,
    )?)
}

/// The free template (an empty body), for «Новое письмо».
pub fn free_template(db: &Db) -> Result<Template, StorageError> {
    let templates = store::list_templates(db.conn())?;
    Ok(templates
        .iter()
        .find(|t| t.code == "free")
        .or(templates.first())
        .cloned()
        .unwrap_or_default())
}

pub fn open(db: &impl Reader, id: Id) -> Result<Letter, StorageError> {
    store::get_letter(db.connection(), id)
}

/// Adds a draft inside another feature's write (a reply to an appeal); returns its id.
pub fn add_draft(w: &Tx, l: &Letter) -> Result<Id, StorageError> {
    store::save_draft(w, l)?.ok_or(StorageError::NotFound(l.id.unwrap_or_default()))
}

/// The register, newest first.
/// The letters of a client for its timeline.
pub fn events_of_client(db: &Db, client: Id) -> Result<Vec<LetterEvent>, StorageError> {
    store::client_letters(db.conn(), client)
}

pub fn list(db: &Db, f: &LetterFilter) -> Result<Vec<LetterRow>, StorageError> {
    store::list_letters(db.conn(), f)
}

/// What the letter shows, with the current company settings and its signer.
pub fn content(conn: &Conn, l: &Letter) -> Result<LetterContent, StorageError> {
    let company = admin_service::company(conn)?;
    let manager = manager_of(conn, l.manager_id)?;
    Ok(content_from(l, &company, manager.as_ref()))
}

/// The laid-out letter: the preview draws it, the PDF renders it.
pub fn document(conn: &Conn, l: &Letter, today: NaiveDate) -> Result<Document, StorageError> {
    Ok(document_from(l, &content(conn, l)?, today))
}

pub fn pdf(conn: &Conn, l: &Letter, today: NaiveDate) -> Result<Vec<u8>, LetterError> {
    Ok(pdf::render_pdf(&document(conn, l, today)?)?)
}

/// A letter as the editor holds it, written as a PDF where the user asked.
pub fn write_pdf(
    l: &Letter,
    company: &Company,
    manager: Option<&Manager>,
    today: NaiveDate,
    target: &Path,
) -> Result<(), LetterError> {
    let bytes = pdf::render_pdf(&document_from(l, &content_from(l, company, manager), today))?;
    files::write(target, &bytes)?;
    Ok(())
}

/// Sends a stored letter to the printer, as `letter render` writes it.
pub fn print_stored(
    conn: &Conn,
    l: &Letter,
    today: NaiveDate,
) -> Result<files::Printed, LetterError> {
    let bytes = pdf(conn, l, today)?;
    let path = files::temp_file("print", &compose::pdf_file_name(l, ""), &bytes)?;
    Ok(files::print_pdf(&path)?)
}

/// Sends a letter as the editor holds it to the printer.
pub fn print(
    l: &Letter,
    company: &Company,
    manager: Option<&Manager>,
    today: NaiveDate,
) -> Result<files::Printed, LetterError> {
    let bytes = pdf::render_pdf(&document_from(l, &content_from(l, company, manager), today))?;
    let path = files::temp_file("print", &compose::pdf_file_name(l, ""), &bytes)?;
    Ok(files::print_pdf(&path)?)
}

/// Saves a draft (inserted, or updated while it is a draft); returns its id. A registered
/// letter is frozen ([`LetterError::Frozen`]): correct it with [`correct`].
pub fn save_draft(db: &mut Db, actor: &Actor, l: &Letter) -> Result<Id, LetterError> {
    save_draft_over(db, actor, None, l)
}

/// Saves a draft edited from `base` (as loaded), refused with
/// [`StorageError::ChangedMeanwhile`] when another instance saved or registered it meanwhile.
pub fn save_draft_over(
    db: &mut Db,
    actor: &Actor,
    base: Option<&Letter>,
    l: &Letter,
) -> Result<Id, LetterError> {
    db.write(actor, |w| {
        if let (Some(base), Some(id)) = (base, l.id) {
            crate::storage::unchanged(id, base, &store::get_letter(w, id)?)?;
        }
        if let Some(id) = l.id {
            clients_service::check_own(w, store::get_letter(w, id)?.client_id)?;
        }
        clients_service::check_own(w, l.client_id)?;
        store::save_draft(w, l)?.ok_or(LetterError::Frozen(l.id.unwrap_or_default()))
    })
}

/// Registers a draft today: the next number of the year, the date, the text frozen, and the
/// PDF stored in the client's «Переписка и файлы» — all in one write.
pub fn register(db: &mut Db, actor: &Actor, id: Id) -> Result<Letter, LetterError> {
    let letter = db.write(actor, |w| {
        let format = admin_service::company(w)?.number_format;
        let draft = store::get_letter(w, id)?;
        clients_service::check_own(w, draft.client_id)?;
        if draft.status == LetterStatus::Draft
            && let Some(blank) = compose::find_blank(&draft)
        {
            return Err(LetterError::Blank(blank));
        }
        store::register(w, id, w.today(), &format)?.ok_or(LetterError::Frozen(id))?;
        let letter = store::get_letter(w, id)?;
        let bytes = pdf(w, &letter, w.today())?;
        let record = Record {
            date: letter.reg_date,
            direction: Direction::Outgoing,
            number: letter.number.clone(),
            subject: letter.heading.clone(),
            file_name: compose::pdf_file_name(
                &letter,
                &clients_service::short_name(w, letter.client_id)?,
            ),
            new_file: Some(bytes),
            ..Default::default()
        };
        let record_id = clients_service::add_record(w, letter.client_id, &record)?;
        store::set_letter_record(w, id, record_id)?;
        // Whoever cares (the appeal the letter answers) acts before the write commits.
        w.emit(LetterRegistered {
            letter_id: id,
            date: letter.reg_date.unwrap_or(w.today()),
        });
        Ok::<_, LetterError>(Letter {
            record_id: Some(record_id),
            ..letter
        })
    })?;
    log::info!("registered letter {id}");
    Ok(letter)
}

/// Moves a registered letter one step on: напечатано → передано курьеру → доставлено.
pub fn advance(
    db: &mut Db,
    actor: &Actor,
    id: Id,
    to: LetterStatus,
    date: NaiveDate,
    received_by: &str,
) -> Result<(), LetterError> {
    db.write(actor, |w| {
        clients_service::check_own(w, store::get_letter(w, id)?.client_id)?;
        let from = store::letter_status(w, id)?;
        let allowed = from != LetterStatus::Draft && from.next() == Some(to);
        if !allowed || !store::set_status(w, id, from, to, date, received_by)? {
            return Err(LetterError::BadTransition { from, to });
        }
        Ok(())
    })
}

/// A correction of a registered letter: a new draft with the same content that points at the
/// old one; the old one stays as it was.
pub fn correct(db: &mut Db, actor: &Actor, id: Id) -> Result<Id, LetterError> {
    db.write(actor, |w| {
        let old = store::get_letter(w, id)?;
        clients_service::check_own(w, old.client_id)?;
        if old.status == LetterStatus::Draft {
            return Err(LetterError::BadTransition {
                from: old.status,
                to: LetterStatus::Draft,
            });
        }
        let new = Letter {
            id: None,
            uuid: String::new(),
            status: LetterStatus::Draft,
            number: String::new(),
            reg_date: None,
            printed_at: None,
            courier_at: None,
            delivered_at: None,
            received_by: String::new(),
            record_id: None,
            version_of: Some(id),
            ..old
        };
        store::save_draft(w, &new)?.ok_or(LetterError::Frozen(id))
    })
}

/// Moves a letter to the trash. Its number is never given again.
pub fn delete(db: &mut Db, actor: &Actor, id: Id) -> Result<(), StorageError> {
    db.write(actor, |w| {
        clients_service::check_own(w, store::get_letter(w, id)?.client_id)?;
        store::delete_letter(w, id)
    })
}

/// «Реестр передачи курьеру» of the letters in the register (with `filter`) handed to the
/// courier, written to `target`; returns how many letters it lists.
pub fn courier_sheet(
    db: &Db,
    filter: &LetterFilter,
    sender: &str,
    date: NaiveDate,
    target: &Path,
) -> Result<usize, LetterError> {
    let rows = store::list_letters(
        db.conn(),
        &LetterFilter {
            status: Some(LetterStatus::Courier),
            ..filter.clone()
        },
    )?;
    write_courier_sheet(db, &rows, sender, date, target)
}

/// «Реестр передачи курьеру» of the letters handed to the courier on `date` (whatever became
/// of them since: a sheet printed again lists the same letters), written to `target`. The
/// sender is the letters' manager when they have one; else a line to sign.
pub fn courier_sheet_of_day(db: &Db, date: NaiveDate, target: &Path) -> Result<usize, LetterError> {
    let rows = store::list_letters(
        db.conn(),
        &LetterFilter {
            courier_on: Some(date),
            ..LetterFilter::default()
        },
    )?;
    let mut managers: Vec<Id> = rows.iter().filter_map(|r| r.letter.manager_id).collect();
    managers.sort_unstable();
    managers.dedup();
    let sender = match managers.as_slice() {
        [one] => admin_service::manager(db.conn(), *one)?.short_name(),
        _ => String::new(),
    };
    if rows.is_empty() {
        return Err(LetterError::NoneHandedOn(date));
    }
    write_courier_sheet(db, &rows, &sender, date, target)
}

fn write_courier_sheet(
    db: &Db,
    rows: &[LetterRow],
    sender: &str,
    date: NaiveDate,
    target: &Path,
) -> Result<usize, LetterError> {
    if rows.is_empty() {
        return Err(LetterError::NoCourierLetters);
    }
    let company = admin_service::company(db.conn())?;
    let mut sheet = compose::courier_rows(rows);
    // The addressee as a courier asks for them: «Белов С.П., генеральный директор».
    for (row, r) in sheet.iter_mut().zip(compose::courier_order(rows)) {
        if let Some(id) = r.letter.person_id
            && let Some(p) = clients_service::person_brief(db.conn(), id)?
        {
            row.addressee = compose::courier_addressee(&p);
        }
    }
    let doc = pdf::courier::layout_courier_sheet(&sheet, date, sender, &company.short_name);
    files::write(target, &pdf::render_pdf(&doc)?)?;
    Ok(rows.len())
}
