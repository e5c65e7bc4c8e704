//! Letters end to end: a draft from a template and the dossier, its laid-out document (the PDF
//! and the preview draw the same), registration with the PDF kept in «Переписка и файлы», and
//! the mail merge.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;

use crate::domain::fmt;
use crate::domain::letter::*;
use crate::domain::model::{Direction, Dossier, Id, Manager, Person, Record};
use crate::domain::names::{self, Gender};
use crate::i18n as t;
use crate::pdf::{self, Document, LetterContent, Meta};
use crate::storage::{self, Db, StorageError};

#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error(transparent)]
    Pdf(#[from] pdf::PdfError),
    #[error("{0}")]
    Other(String),
}

/// Whom a letter answers (the incoming appeal).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reply {
    pub number: String,
    pub date: Option<NaiveDate>,
    pub subject: String,
}

/// A phone as printed in a letter: never broken across lines.
fn unbreakable_phone(p: &crate::domain::validate::Phone) -> String {
    p.display().replace(' ', "\u{a0}")
}

fn person_gender(p: &Person) -> Gender {
    p.gender
        .or_else(|| names::detect_gender(&p.surname, &p.name, &p.patronymic))
        .unwrap_or(Gender::Male)
}

/// The addressee block in the dative: «Генеральному директору ООО «Ромашка»», «И.И. Иванову»,
/// the postal address.
pub fn addressee_lines(d: &Dossier, p: &Person) -> Vec<String> {
    let gender = person_gender(p);
    let position = if p.position_dative.trim().is_empty() {
        names::position_dative(&p.position)
    } else {
        p.position_dative.clone()
    };
    let mut lines = Vec::new();
    let org = &d.client.short_name;
    lines.push(if position.is_empty() {
        org.clone()
    } else {
        format!("{position} {org}")
    });
    lines.push(names::initials_surname_dative(
        &p.surname,
        &p.name,
        &p.patronymic,
        gender,
    ));
    let address = if d.client.postal_address.is_empty() {
        &d.client.legal_address
    } else {
        &d.client.postal_address
    };
    if !address.is_empty() {
        lines.push(address.clone());
    }
    lines
}

/// «Уважаемый Иван Иванович!», with the form of address the person asked for.
pub fn salutation(p: &Person) -> String {
    let word = match person_gender(p) {
        Gender::Male => "Уважаемый",
        Gender::Female => "Уважаемая",
    };
    let name = if p.address_as.trim().is_empty() {
        names::full_name("", &p.name, &p.patronymic)
    } else {
        p.address_as.trim().to_string()
    };
    format!("{word} {name}!")
}

/// The leader a letter to this client goes to: the head (category 1), else a director, else
/// the first person; `None` when the dossier has no one.
pub fn main_addressee(d: &Dossier) -> Option<&Person> {
    d.people
        .iter()
        .find(|p| p.category == Some(1))
        .or_else(|| {
            d.people.iter().find(|p| {
                let pos = fmt::search_key(&p.position);
                pos.contains("директор") || pos.contains("руководител") || pos.contains("глава")
            })
        })
        .or_else(|| d.people.first())
}

fn manager_of(conn: &rusqlite::Connection, id: Option<Id>) -> Result<Option<Manager>, LetterError> {
    match id {
        Some(id) => Ok(Some(storage::get_manager(conn, id)?)),
        None => Ok(None),
    }
}

/// What the templates can refer to, for this client, addressee, manager and appeal.
pub fn template_context(
    d: &Dossier,
    p: Option<&Person>,
    m: Option<&Manager>,
    reply: &Reply,
    company: &pdf::Company,
    today: NaiveDate,
) -> TemplateContext {
    let c = &d.client;
    TemplateContext {
        client: ClientCtx {
            short_name: c.short_name.clone(),
            full_name: c.full_name.clone(),
            inn: c.inn.clone(),
            contract_number: c.contract_number.clone(),
            contract_date: fmt::opt_date(c.contract_date),
            address: if c.postal_address.is_empty() {
                c.legal_address.clone()
            } else {
                c.postal_address.clone()
            },
        },
        addressee: p
            .map(|p| AddresseeCtx {
                full_name: names::full_name(&p.surname, &p.name, &p.patronymic),
                name_dative: p.name_dative.clone(),
                initials_dative: names::initials_surname_dative(
                    &p.surname,
                    &p.name,
                    &p.patronymic,
                    person_gender(p),
                ),
                position: p.position.clone(),
                position_dative: p.position_dative.clone(),
                address_as: p.address_as.clone(),
            })
            .unwrap_or_default(),
        manager: m
            .map(|m| ManagerCtx {
                full_name: m.full_name(),
                short_name: m.short_name(),
                position: m.position.clone(),
                phone: m.phone.as_ref().map(unbreakable_phone).unwrap_or_default(),
                email: m.email.clone(),
            })
            .unwrap_or_default(),
        appeal: AppealCtx {
            number: reply.number.clone(),
            date: fmt::opt_date(reply.date),
            subject: reply.subject.clone(),
        },
        company: CompanyCtx {
            name: company.name.clone(),
            short_name: company.short_name.clone(),
            address: company.address.clone(),
            phones: company.phones.clone(),
        },
        today: fmt::date(today),
    }
}

/// A new draft to a client's person from a template.
pub fn draft_from_template(
    conn: &rusqlite::Connection,
    client_id: Id,
    person_id: Option<Id>,
    template: &Template,
    manager_id: Option<Id>,
    reply: &Reply,
    today: NaiveDate,
) -> Result<Letter, LetterError> {
    let d = storage::load_dossier(conn, client_id)?;
    let manager = manager_of(conn, manager_id.or(d.client.manager_id))?;
    let company = storage::load_company(conn)?;
    let person_id = person_id.or_else(|| main_addressee(&d).and_then(|p| p.id));
    draft_from(
        &d,
        person_id,
        template,
        manager.as_ref(),
        &company,
        reply,
        today,
    )
}

/// The same from loaded values: the editor applies a template without a query.
pub fn draft_from(
    d: &Dossier,
    person_id: Option<Id>,
    template: &Template,
    manager: Option<&Manager>,
    company: &pdf::Company,
    reply: &Reply,
    today: NaiveDate,
) -> Result<Letter, LetterError> {
    let person = person_id.and_then(|id| d.people.iter().find(|p| p.id == Some(id)));
    let ctx = template_context(d, person, manager, reply, company, today);
    let heading = render_template(&template.heading, &ctx)?;
    let body = render_template(&template.body, &ctx)?;
    Ok(Letter {
        client_id: d.client.id.unwrap_or_default(),
        person_id: person.and_then(|p| p.id),
        manager_id: manager.and_then(|m| m.id),
        template_code: template.code.clone(),
        heading: heading.trim().to_string(),
        salutation: person.map(salutation).unwrap_or_default(),
        addressee: person
            .map(|p| addressee_lines(d, p).join("\n"))
            .unwrap_or_else(|| d.client.short_name.clone()),
        body: body.trim().to_string(),
        closing: t::LETTER_CLOSING.into(),
        reply_number: reply.number.clone(),
        reply_date: reply.date,
        signature_image: true,
        ..Default::default()
    })
}

/// What the letter shows, from the letter and the current company settings and signer.
pub fn letter_content(
    conn: &rusqlite::Connection,
    l: &Letter,
) -> Result<LetterContent, LetterError> {
    let company = storage::load_company(conn)?;
    let manager = manager_of(conn, l.manager_id)?;
    Ok(content_from(l, &company, manager.as_ref()))
}

/// The same, from values already loaded (the editor's preview recomputes it as you type).
pub fn content_from(
    l: &Letter,
    company: &pdf::Company,
    manager: Option<&Manager>,
) -> LetterContent {
    let (signer_position, signer_name, signature, executor, phone) = match manager {
        Some(m) => (
            m.position.clone(),
            names::initials_surname(&m.surname, &m.name, &m.patronymic),
            m.signature_png
                .clone()
                .filter(|_| l.signature_image)
                .map(Arc::new),
            m.full_name(),
            m.phone.as_ref().map(unbreakable_phone).unwrap_or_default(),
        ),
        None => Default::default(),
    };
    LetterContent {
        company: company.clone(),
        date: l.reg_date,
        number: (!l.number.is_empty()).then(|| l.number.clone()),
        reply_to: (!l.reply_number.is_empty()).then(|| (l.reply_number.clone(), l.reply_date)),
        addressee: l
            .addressee
            .lines()
            .map(str::to_string)
            .filter(|s| !s.trim().is_empty())
            .collect(),
        heading: l.heading.clone(),
        salutation: l.salutation.clone(),
        body: l.paragraphs(),
        closing: l.closing.clone(),
        attachment: l.attachment.clone(),
        signer_position,
        signer_name,
        signature_png: signature,
        executor_name: executor,
        executor_phone: phone,
    }
}

/// Lays a letter's content out with its metadata.
pub fn document_from(l: &Letter, content: &LetterContent) -> Document {
    let meta = Meta {
        title: if l.heading.is_empty() {
            t::LETTER_TITLE.to_string()
        } else {
            l.heading.clone()
        },
        author: content.signer_name.replace('\u{a0}', " "),
        subject: t::letter_subject(&l.number),
        date: l.reg_date,
    };
    pdf::layout_letter(content, meta)
}

/// The laid-out letter: the preview draws it, the PDF renders it.
pub fn letter_document(conn: &rusqlite::Connection, l: &Letter) -> Result<Document, LetterError> {
    Ok(document_from(l, &letter_content(conn, l)?))
}

pub fn letter_pdf(conn: &rusqlite::Connection, l: &Letter) -> Result<Vec<u8>, LetterError> {
    Ok(pdf::render_pdf(&letter_document(conn, l)?)?)
}

/// The file name of a registered letter's PDF.
pub fn pdf_file_name(l: &Letter) -> String {
    let n: String = l
        .number
        .chars()
        .map(|c| if "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    format!(
        "Исх_{}_{}.pdf",
        n,
        l.reg_date.map(fmt::date).unwrap_or_default()
    )
}

/// Registers a draft: the next number of the year, the date, the text frozen, and the PDF stored
/// in the client's «Переписка и файлы» — all in one transaction.
pub fn register_letter(
    db: &mut Db,
    id: Id,
    date: NaiveDate,
    author: Option<Id>,
) -> Result<Letter, LetterError> {
    let format = storage::load_company(db.conn())?.number_format;
    let format = if format.contains("{n}") {
        format
    } else {
        "VIP-{n}".to_string()
    };
    let letter = db.write(|tx| {
        storage::register_tx(tx, id, date, &format, author)?;
        let letter = storage::get_letter(tx, id)?;
        let bytes = letter_pdf(tx, &letter).map_err(|e| StorageError::Other(e.to_string()))?;
        let record = Record {
            date: Some(date),
            direction: Direction::Outgoing,
            number: letter.number.clone(),
            subject: letter.heading.clone(),
            file_name: pdf_file_name(&letter),
            new_file: Some(bytes),
            ..Default::default()
        };
        let record_id = storage::add_record_tx(tx, letter.client_id, &record, author)?;
        storage::set_letter_record_tx(tx, id, record_id)?;
        Ok(Letter {
            record_id: Some(record_id),
            ..letter
        })
    })?;
    log::info!("registered letter {id}");
    Ok(letter)
}

/// Which clients a mail merge goes to.
#[derive(Debug, Clone, PartialEq)]
pub enum Selection {
    /// Every client of the database (vipdesk keeps the VIP clients).
    All,
    Manager(Id),
    District(String),
}

impl Selection {
    /// Parses the CLI form: `all`, `manager:ID`, `district:NAME`.
    pub fn parse(s: &str) -> Option<Selection> {
        match s.split_once(':') {
            None if s == "all" => Some(Selection::All),
            Some(("manager", id)) => id.trim().parse().ok().map(Selection::Manager),
            Some(("district", name)) if !name.trim().is_empty() => {
                Some(Selection::District(name.trim().to_string()))
            }
            _ => None,
        }
    }

    fn clients(&self, rows: &[storage::ClientRow]) -> Vec<Id> {
        rows.iter()
            .filter(|r| match self {
                Selection::All => true,
                Selection::Manager(m) => r.manager_id == Some(*m),
                Selection::District(d) => fmt::search_key(&r.district) == fmt::search_key(d),
            })
            .map(|r| r.id)
            .collect()
    }
}

/// The outcome of a mail merge.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergeReport {
    pub letters: Vec<Id>,
    pub files: Vec<PathBuf>,
    /// (client, reason) for every client without a letter.
    pub skipped: Vec<(String, String)>,
    pub cancelled: bool,
}

/// What a mail merge does.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeJob {
    pub template_code: String,
    pub selection: Selection,
    pub out_dir: PathBuf,
    /// One combined PDF instead of a file per letter.
    pub combined: bool,
    pub today: NaiveDate,
    pub author: Option<Id>,
}

/// One template to a selection of clients: a registered letter per client addressed to its
/// leader, written as separate PDFs (or one combined PDF) into `out_dir`. `progress(done, total)`
/// is called after each client; `cancel` stops between clients (what is done stays done).
pub fn merge(
    db: &mut Db,
    job: &MergeJob,
    progress: &dyn Fn(usize, usize),
    cancel: &AtomicBool,
) -> Result<MergeReport, LetterError> {
    let MergeJob {
        template_code,
        selection,
        out_dir,
        combined,
        today,
        author,
    } = job;
    let (combined, today, author) = (*combined, *today, *author);
    let template = storage::get_template(db.conn(), template_code)?
        .ok_or_else(|| LetterError::Other(t::unknown_template(template_code)))?;
    // A broken template stops the merge before any letter is made.
    render_template(&template.heading, &TemplateContext::default())?;
    render_template(&template.body, &TemplateContext::default())?;
    std::fs::create_dir_all(out_dir).map_err(|e| {
        LetterError::Other(t::err_write_file(&format!("{}: {e}", out_dir.display())))
    })?;
    let rows = storage::list_clients(db.conn())?;
    let ids = selection.clients(&rows);
    let mut report = MergeReport::default();
    let mut combined_doc: Option<Document> = None;
    for (k, client_id) in ids.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            report.cancelled = true;
            break;
        }
        let d = storage::load_dossier(db.conn(), *client_id)?;
        let Some(person) = main_addressee(&d) else {
            report
                .skipped
                .push((d.client.short_name.clone(), t::MERGE_NO_ADDRESSEE.into()));
            progress(k + 1, ids.len());
            continue;
        };
        let draft = draft_from_template(
            db.conn(),
            *client_id,
            person.id,
            &template,
            None,
            &Reply::default(),
            today,
        )?;
        let id = storage::save_draft(db, &draft, author)?;
        let letter = register_letter(db, id, today, author)?;
        report.letters.push(id);
        let doc = letter_document(db.conn(), &letter)?;
        if combined {
            match &mut combined_doc {
                Some(all) => all.pages.extend(doc.pages),
                None => combined_doc = Some(doc),
            }
        } else {
            let path = out_dir.join(pdf_file_name(&letter));
            let bytes = pdf::render_pdf(&doc)?;
            std::fs::write(&path, bytes).map_err(|e| {
                LetterError::Other(t::err_write_file(&format!("{}: {e}", path.display())))
            })?;
            report.files.push(path);
        }
        progress(k + 1, ids.len());
    }
    if let Some(mut doc) = combined_doc {
        doc.meta.title = template.title.clone();
        let path = out_dir.join(t::merge_file_name(&template.code, today));
        std::fs::write(&path, pdf::render_pdf(&doc)?).map_err(|e| {
            LetterError::Other(t::err_write_file(&format!("{}: {e}", path.display())))
        })?;
        report.files.push(path);
    }
    Ok(report)
}

/// «Реестр передачи курьеру» for these register rows (the letters handed to the courier).
pub fn courier_sheet(
    rows: &[storage::LetterRow],
    company: &pdf::Company,
    sender: &str,
    date: NaiveDate,
) -> Result<Vec<u8>, LetterError> {
    let lines: Vec<pdf::courier::CourierRow> = rows
        .iter()
        .map(|r| {
            let mut addressee = r.letter.addressee.lines();
            let position = addressee.next().unwrap_or_default();
            let name = addressee.next().unwrap_or_default();
            pdf::courier::CourierRow {
                number: r.letter.number.clone(),
                date: r.letter.reg_date,
                client: r.client.clone(),
                address: r.address.clone(),
                addressee: format!("{name}, {position}")
                    .trim_matches([',', ' '])
                    .to_string(),
            }
        })
        .collect();
    let doc = pdf::courier::layout_courier_sheet(&lines, date, sender, &company.short_name);
    Ok(pdf::render_pdf(&doc)?)
}
