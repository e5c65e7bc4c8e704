//! A letter composed from the dossier, the manager and the company: the addressee block in the
//! dative, the salutation, a draft from a template, and what the laid-out letter shows. Pure:
//! the editor's preview calls these as the user types.

use std::sync::Arc;

use chrono::NaiveDate;

use super::model::*;
use super::template::{TemplateError, render_template};
use crate::admin::Manager;
use crate::clients::{ClientKind, Dossier, Person};
use crate::domain::fmt;
use crate::domain::names::{self, Gender, NameCase};
use crate::domain::{Id, validate::Phone};
use crate::pdf::{self, Company, Document, LetterContent, Meta};

/// What a reply says where the answer goes when none was typed: a blank, which registration
/// refuses (see [`find_blank`]).
pub const ANSWER_BLANK: &str = "________________";
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

/// The addressee block in the dative, by the client's kind:
/// - an organisation: «Генеральному директору ООО «Ромашка»», «И.И. Иванову»;
/// - an individual entrepreneur: «Индивидуальному предпринимателю», «И.А. Соколову» (another
///   person of the entrepreneur, an accountant say, is addressed by position as above);
/// - a citizen: «И.А. Соколову»;
///
/// then the postal address.
pub fn addressee_lines(d: &Dossier, p: &Person) -> Vec<String> {
    let gender = person_gender(p);
    let position = if p.position_dative.trim().is_empty() {
        names::position_dative(&p.position)
    } else {
        p.position_dative.clone()
    };
    let mut lines = Vec::new();
    let org = &d.client.short_name;
    let is_head = p.position.trim().is_empty() || is_head_position(&p.position);
    match d.client.kind {
        ClientKind::Individual => {}
        ClientKind::Entrepreneur if is_head => {
            lines.push(words::ENTREPRENEUR_DATIVE.to_string());
        }
        _ if position.is_empty() => lines.push(org.clone()),
        _ => lines.push(format!("{position} {org}")),
    }
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

fn is_head_position(position: &str) -> bool {
    let pos = fmt::search_key(position);
    words::HEAD_POSITION_WORDS.iter().any(|w| pos.contains(w))
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
        .or_else(|| d.people.iter().find(|p| is_head_position(&p.position)))
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
            name_genitive: names::client_name_in(&c.short_name, NameCase::Genitive),
            name_dative: names::client_name_in(&c.short_name, NameCase::Dative),
            name_instrumental: names::client_name_in(&c.short_name, NameCase::Instrumental),
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
            .map(|m| {
                let gender = names::detect_gender(&m.surname, &m.name, &m.patronymic)
                    .unwrap_or(Gender::Male);
                let case =
                    |c| names::initials_surname_in(&m.surname, &m.name, &m.patronymic, gender, c);
                ManagerCtx {
                    full_name: m.full_name(),
                    short_name: m.short_name(),
                    initials: names::initials_surname(&m.surname, &m.name, &m.patronymic),
                    name_genitive: case(NameCase::Genitive),
                    name_dative: case(NameCase::Dative),
                    name_instrumental: case(NameCase::Instrumental),
                    position: m.position.clone(),
                    phone: m.phone.as_ref().map(unbreakable_phone).unwrap_or_default(),
                    email: m.email.clone(),
                }
            })
            .unwrap_or_default(),
        appeal: AppealCtx {
            number: reply.number.clone(),
            date: fmt::opt_date(reply.date),
            registered: fmt::date(reply.registered_on.unwrap_or(today)),
            subject: reply.subject.clone(),
            due_date: fmt::opt_date(reply.due_date),
            extension_reason: reply.extension_reason.clone(),
            answer: if reply.answer.trim().is_empty() {
                ANSWER_BLANK.to_string()
            } else {
                reply.answer.trim().to_string()
            },
        },
        company: CompanyCtx {
            name: company.name.clone(),
            short_name: company.short_name.clone(),
            address: company.address.clone(),
            phones: company.phones.clone(),
        },
        fields: reply.fields.or_blanks(),
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

/// A blank left to fill in by hand or a placeholder left unfilled: the first one in the
/// letter, as the word that holds it («01.__.____», «{{ client.inn }}»).
pub fn find_blank(l: &Letter) -> Option<String> {
    [
        &l.addressee,
        &l.heading,
        &l.salutation,
        &l.body,
        &l.closing,
        &l.attachment,
    ]
    .into_iter()
    .find_map(|text| blank_in(text))
}

/// The first blank of a text: two underscores or more, or the braces of a placeholder; the
/// word that holds it (a placeholder whole, to its closing braces).
pub fn blank_in(text: &str) -> Option<String> {
    let at = ["__", "{{", "}}", "{%", "%}"]
        .iter()
        .filter_map(|m| text.find(m))
        .min()?;
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let rest = &text[at..];
    let close = match &rest[..2] {
        "{{" => rest.find("}}"),
        "{%" => rest.find("%}"),
        _ => None,
    };
    let end = match close {
        Some(i) => at + i + 2,
        None => rest
            .find(char::is_whitespace)
            .map_or(text.len(), |i| at + i),
    };
    let fragment = text[start..end].trim_end_matches([',', '.', ';', ':']);
    Some(fragment.chars().take(60).collect())
}

/// What the letter shows, from the letter, the company settings and the signer.
pub fn content_from(l: &Letter, company: &Company, manager: Option<&Manager>) -> LetterContent {
    let (signer_position, signer_name, signature, executor, phone) = match manager {
        Some(m) => (
            m.position.clone(),
            names::initials_surname(&m.surname, &m.name, &m.patronymic),
            // Only a registered letter carries the facsimile; a draft is a project.
            m.signature_png
                .clone()
                .filter(|_| l.signature_image && l.status != LetterStatus::Draft)
                .map(Arc::new),
            m.full_name(),
            m.phone.as_ref().map(unbreakable_phone).unwrap_or_default(),
        ),
        None => Default::default(),
    };
    LetterContent {
        draft: l.status == LetterStatus::Draft,
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

/// Lays a letter's content out with its metadata: the preview draws it, the PDF renders it. A
/// registered letter is dated by its registration, a draft by `today`, the day it is made.
pub fn document_from(l: &Letter, content: &LetterContent, today: NaiveDate) -> Document {
    let meta = Meta {
        title: if l.heading.is_empty() {
            words::LETTER_TITLE.to_string()
        } else {
            l.heading.clone()
        },
        author: content.signer_name.replace('\u{a0}', " "),
        subject: words::letter_subject(&l.number),
        date: l.reg_date.unwrap_or(today),
    };
    pdf::layout_letter(content, meta)
}

/// The file name of a letter's PDF, with its number and its client:
/// «Исх_VIP-24_АО_Орелводоканал.pdf» (a draft: «Проект_АО_Орелводоканал.pdf»).
pub fn pdf_file_name(l: &Letter, client: &str) -> String {
    words::letter_file_name(
        &safe_file_part(&l.number),
        safe_file_part(client).trim_end_matches('.'),
    )
}

/// The file name of a combined merge: «Рассылка_tariff_change_01.12.2026_VIP-118–VIP-129.pdf»,
/// every piece made safe (a template's code is typed by a user).
pub fn merge_file_name(code: &str, date: NaiveDate, first: &str, last: &str) -> String {
    words::merge_file_name(
        &safe_file_part(code),
        date,
        &safe_file_part(first),
        &safe_file_part(last),
    )
}

/// A piece of a file name: no character a file system refuses, no quotes, no control or
/// reordering character, spaces as «_», at most 60 characters.
pub fn safe_file_part(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .filter(|c| {
            !"/\\:*?\"<>|«»„“”'`".contains(*c)
                && !c.is_control()
                && !crate::domain::text::is_bidi_control(*c)
        })
        .collect();
    cleaned
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("_")
        .chars()
        .take(60)
        .collect()
}

/// Register rows in the courier sheet's order: by number, ascending («VIP-9» before «VIP-10»;
/// numbers restart with a year, so the year of registration first).
pub fn courier_order(rows: &[LetterRow]) -> Vec<&LetterRow> {
    use chrono::Datelike as _;
    let mut rows: Vec<&LetterRow> = rows.iter().collect();
    rows.sort_by(|a, b| {
        let key = |r: &LetterRow| (r.letter.reg_date.map(|d| d.year()), r.letter.number.len());
        key(a)
            .cmp(&key(b))
            .then_with(|| a.letter.number.cmp(&b.letter.number))
    });
    rows
}

/// «Белов С.П., генеральный директор»: a person as the courier asks for them.
pub fn courier_addressee(p: &Person) -> String {
    let name = names::surname_initials(&p.surname, &p.name, &p.patronymic);
    let position = p.position.trim();
    if position.is_empty() {
        name
    } else {
        let mut chars = position.chars();
        let lower: String = chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default();
        format!("{name}, {lower}")
    }
}

/// The courier sheet's rows for these register rows, in [`courier_order`]; the addressee as
/// the letter has it (the caller puts the person's name in the nominative where it is known).
pub fn courier_rows(rows: &[LetterRow]) -> Vec<pdf::courier::CourierRow> {
    courier_order(rows)
        .into_iter()
        .map(|r| {
            // The addressee lines but the address, the person first.
            let mut lines: Vec<&str> = r
                .letter
                .addressee
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && *l != r.address.trim())
                .collect();
            if lines.len() == 3 {
                lines.pop();
            }
            lines.reverse();
            pdf::courier::CourierRow {
                number: r.letter.number.clone(),
                date: r.letter.reg_date,
                client: r.client.clone(),
                address: r.address.clone(),
                addressee: lines.join(", "),
            }
        })
        .collect()
}
