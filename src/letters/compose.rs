//! A letter composed from the dossier, the manager and the company: the addressee block in the
//! dative, the salutation, a draft from a template, and what the laid-out letter shows. Pure:
//! the editor's preview calls these as the user types.

use std::sync::Arc;

use chrono::NaiveDate;

use super::model::*;
use super::template::{TemplateError, render_template};
use crate::admin::Manager;
use crate::clients::{Dossier, Person};
use crate::domain::fmt;
use crate::domain::names::{self, Gender};
use crate::domain::{Id, validate::Phone};
use crate::pdf::{self, Company, Document, LetterContent, Meta};
use crate::words::letters as words;

/// A phone as printed in a letter: never broken across lines.
fn unbreakable_phone(p: &Phone) -> String {
    p.display().replace(' ', "\u{a0}")
}

fn person_gender(p: &Person) -> Gender {
    p.gender
        .or_else(|| names::detect_gender(&p.surname, &p.name, &p.patronymic))
        .unwrap_or(Gender::Male)
}

/// The address a letter to the client goes to: the postal address, else the legal one.
fn client_address(d: &Dossier) -> &str {
    if d.client.postal_address.is_empty() {
        &d.client.legal_address
    } else {
        &d.client.postal_address
    }
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
    let address = client_address(d);
    if !address.is_empty() {
        lines.push(address.to_string());
    }
    lines
}

/// «Уважаемый Иван Иванович!», with the form of address the person asked for.
pub fn salutation(p: &Person) -> String {
    let word = match person_gender(p) {
        Gender::Male => words::DEAR_MALE,
        Gender::Female => words::DEAR_FEMALE,
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
                words::HEAD_POSITION_WORDS.iter().any(|w| pos.contains(w))
            })
        })
        .or_else(|| d.people.first())
}

/// What the templates can refer to, for this client, addressee, manager and appeal.
pub fn template_context(
    d: &Dossier,
    p: Option<&Person>,
    m: Option<&Manager>,
    reply: &Reply,
    company: &Company,
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
            address: client_address(d).to_string(),
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
            due_date: fmt::opt_date(reply.due_date),
            extension_reason: reply.extension_reason.clone(),
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

/// A new draft to a client's person from a template, from values already loaded (the editor
/// applies a template without a query).
pub fn draft_from(
    d: &Dossier,
    person_id: Option<Id>,
    template: &Template,
    manager: Option<&Manager>,
    company: &Company,
    reply: &Reply,
    today: NaiveDate,
) -> Result<Letter, TemplateError> {
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
        closing: words::LETTER_CLOSING.into(),
        reply_number: reply.number.clone(),
        reply_date: reply.date,
        signature_image: true,
        ..Default::default()
    })
}

/// What the letter shows, from the letter, the company settings and the signer.
pub fn content_from(l: &Letter, company: &Company, manager: Option<&Manager>) -> LetterContent {
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

/// Lays a letter's content out with its metadata: the preview draws it, the PDF renders it.
pub fn document_from(l: &Letter, content: &LetterContent) -> Document {
    let meta = Meta {
        title: if l.heading.is_empty() {
            words::LETTER_TITLE.to_string()
        } else {
            l.heading.clone()
        },
        author: content.signer_name.replace('\u{a0}', " "),
        subject: words::letter_subject(&l.number),
        date: l.reg_date,
    };
    pdf::layout_letter(content, meta)
}

/// The file name of a registered letter's PDF.
pub fn pdf_file_name(l: &Letter) -> String {
    let n: String = l
        .number
        .chars()
        .map(|c| if "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    words::letter_file_name(&n, &l.reg_date.map(fmt::date).unwrap_or_default())
}

/// The courier sheet's rows for these register rows.
pub fn courier_rows(rows: &[LetterRow]) -> Vec<pdf::courier::CourierRow> {
    rows.iter()
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
        .collect()
}
