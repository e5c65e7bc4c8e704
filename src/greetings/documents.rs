//! The regulation's documents: the schedule of greetings for management's decision (p. 5), the
//! gift order to the administrative sector (p. 8) and the named card.

use std::path::Path;

use chrono::NaiveDate;

use super::model::*;
use super::{service, store};
use crate::admin::service as admin_service;
use crate::domain::{Code as _, Role, fmt, names};
use crate::files::{self, FileError};
use crate::pdf::layout::{Align, Document, Item, MM, Page, Style, TextRun, break_lines};
use crate::pdf::table::{InternalHead, Signature, Table, layout_table};
use crate::pdf::{self, Meta, PdfError};
use crate::storage::{Db, StorageError};
use crate::words::greetings as t;

#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(transparent)]
    File(#[from] FileError),
    /// The card's template does not read: its line.
    #[error("card template: syntax error on line {0}")]
    Template(usize),
    /// The card's template names a field there is not.
    #[error("card template: unknown field {0}")]
    UnknownField(String),
    #[error("the card's text is empty")]
    EmptyCard,
    /// A birthday card for a day that is not the person's birthday (or no birthday known),
    /// or a jubilee card for an age that is no jubilee.
    #[error("not the person's birthday or jubilee")]
    NotTheirDay,
    /// The person has no name and patronymic to address.
    #[error("no name to address")]
    NoName,
    /// The card's text does not fit an A6 card even in 8 pt.
    #[error("the card's text is too long")]
    CardTooLong,
    /// An 8 March card for a man, a 23 February card for a woman (the schedule greets each on
    /// their own holiday).
    #[error("the holiday is not this person's")]
    NotTheirHoliday,
    /// The time of the birthday calls is not «ЧЧ:ММ».
    #[error("bad call time")]
    CallTime,
    #[error("nothing to order")]
    NothingToOrder,
    #[error(transparent)]
    Period(#[from] PeriodError),
}

/// The head of the VIP group, who signs the group's documents.
fn group_head(db: &Db) -> Result<Option<Signature>, StorageError> {
    let head = admin_service::managers(db.conn())?
        .into_iter()
        .find(|m| m.role == Role::GroupHead && m.active);
    Ok(head.map(|h| Signature {
        position: if h.position.trim().is_empty() {
            t::SCHEDULE_SIGNER.to_string()
        } else {
            h.position.clone()
        },
        name: h.signature_name(),
        png: h.signature_png.clone().map(std::sync::Arc::new),
    }))
}

/// «руководитель Общества (заместитель), персональный менеджер».
pub fn callers_words(g: &Greeting) -> String {
    g.callers
        .iter()
        .map(|c| match c {
            Caller::Director => t::CALLER_DIRECTOR,
            Caller::Manager => t::CALLER_MANAGER,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn gift_by_words(g: &GiftBy) -> &'static str {
    match g {
        GiftBy::Representative => t::GIFT_BY_REPRESENTATIVE,
        GiftBy::Manager => t::GIFT_BY_MANAGER,
        GiftBy::BranchEmployee => t::GIFT_BY_BRANCH,
    }
}

/// Who hands a gift, as the schedule's column «Вручает» names them: «представитель клиента».
pub fn handed_by_words(g: &GiftBy) -> &'static str {
    match g {
        GiftBy::Representative => t::HANDED_BY_REPRESENTATIVE,
        GiftBy::Manager => t::HANDED_BY_MANAGER,
        GiftBy::BranchEmployee => t::HANDED_BY_BRANCH,
    }
}

/// The holiday of a greeting in words: «День рождения (50 лет)», «День энергетика».
pub fn holiday_words(occasion: Occasion, name: &str, age: Option<i32>) -> String {
    let base = match occasion {
        Occasion::NewYear => t::OCC_NEW_YEAR.to_string(),
        Occasion::Defender => t::OCC_DEFENDER.to_string(),
        Occasion::WomensDay => t::OCC_WOMENS_DAY.to_string(),
        Occasion::Professional if !name.trim().is_empty() => name.trim().to_string(),
        Occasion::Professional => t::OCC_PROFESSIONAL.to_string(),
        Occasion::Birthday => t::OCC_BIRTHDAY.to_string(),
        Occasion::Jubilee => t::OCC_JUBILEE.to_string(),
    };
    match age {
        Some(a) => format!("{base} ({})", crate::words::contacts::age(a, false)),
        None => base,
    }
}

/// The rows of the schedule as the PDF and the Excel file show them; `gifts` gives the gift
/// planned for a (person, occasion, date). `short`: a person by surname and initials (the
/// page's narrow column), else in full (a spreadsheet's).
pub fn schedule_cells(rows: &[Greeting], gifts: &[GiftRow], short: bool) -> Vec<Vec<String>> {
    rows.iter()
        .enumerate()
        .map(|(i, g)| {
            let gift = gifts
                .iter()
                .find(|r| {
                    r.gift.person_id == g.person_id
                        && r.gift.occasion == Some(g.occasion)
                        && r.gift.holiday_date == Some(g.date)
                })
                .map(|r| r.gift.item.clone())
                .unwrap_or_default();
            vec![
                (i + 1).to_string(),
                fmt::date(g.date),
                holiday_words(g.occasion, &g.holiday_name, g.age),
                person_line(
                    &if short {
                        short_name(&g.person)
                    } else {
                        g.person.to_string()
                    },
                    &g.position,
                ),
                g.client.to_string(),
                g.category.to_string(),
                callers_words(g),
                format!(
                    "{}\n{}",
                    handed_by_words(&g.gift_by),
                    fmt::date_span(g.hand_from, g.hand_by)
                ),
                fmt::date(g.order_by),
                gift,
                g.limit.map(fmt::money).unwrap_or_default(),
            ]
        })
        .collect()
}

/// «Белов С.П.» of «Белов Сергей Петрович».
fn short_name(full: &str) -> String {
    let mut parts = full.split_whitespace();
    let surname = parts.next().unwrap_or_default();
    let name = parts.next().unwrap_or_default();
    let patronymic = parts.collect::<Vec<_>>().join(" ");
    names::surname_initials(surname, name, &patronymic)
}

/// «Белов Сергей Петрович, генеральный директор» (an abbreviation stays as it is).
pub fn person_line(person: &str, position: &str) -> String {
    let position = position.trim();
    let mut chars = position.chars();
    match (chars.next(), chars.next()) {
        (None, _) => person.to_string(),
        (Some(f), Some(s)) if !s.is_uppercase() => {
            let rest: String = position.chars().skip(1).collect();
            format!("{person}, {}{rest}", f.to_lowercase())
        }
        _ => format!("{person}, {position}"),
    }
}

/// The schedule's columns: 267 mm across a landscape A4, at [`SCHEDULE_PT`]. Each is as wide
/// as its usual words need on one line («персональный», «представитель клиента», a date, a
/// limit of tens of thousands), so a row is two lines high: a person (surname and initials)
/// with a position, a client's name, a holiday with an age are the cells that take the
/// second.
pub fn schedule_columns() -> Vec<(String, f32)> {
    vec![
        (t::GCOL_NO.into(), 8.0),
        (t::GCOL_DATE.into(), 18.0),
        (t::GCOL_HOLIDAY.into(), 27.0),
        (t::GCOL_PERSON.into(), 47.0),
        (t::GCOL_CLIENT.into(), 35.0),
        (t::GCOL_CATEGORY.into(), 9.0),
        (t::GCOL_CALLS.into(), 24.0),
        (t::GCOL_GIFT_BY.into(), 37.0),
        (t::GCOL_ORDER_BY.into(), 18.0),
        (t::GCOL_GIFT.into(), 25.0),
        (t::GCOL_LIMIT.into(), 19.0),
    ]
}

/// The schedule's cell text size: a landscape register of many rows, as offices set them.
pub const SCHEDULE_PT: f32 = 8.5;

/// The schedule of greetings of a period for management's decision: every greeting with who
/// calls, who hands the gift and when, by when it is ordered, the gift planned and the limit;
/// the categories of persons and of holidays; signed by the head of the VIP group.
pub fn schedule_pdf(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
    manager: Option<crate::domain::Id>,
) -> Result<Vec<u8>, DocumentError> {
    check_period(from, to)?;
    let rows = service::schedule_for(db, from, to, manager)?;
    let gifts = service::gift_rows(db, from, to, manager)?;
    let company = admin_service::company(db.conn())?;
    let period = t::schedule_period(&fmt::date(from), &fmt::date(to));
    let total: f64 = rows.iter().filter_map(|g| g.limit).sum();
    let mut footer = Vec::new();
    if rows.is_empty() {
        footer.push(t::SCHEDULE_NONE.to_string());
    } else {
        footer.push(t::schedule_totals(rows.len(), &fmt::money(total)));
    }
    footer.push(t::PERSON_CATEGORIES.to_string());
    footer.push(t::HOLIDAY_CATEGORIES.to_string());
    let table = Table {
        title: vec![t::SCHEDULE_TITLE.to_string(), period.clone()],
        intro: Vec::new(),
        columns: schedule_columns(),
        rows: schedule_cells(&rows, &gifts, true),
        bold_rows: Vec::new(),
        footer,
        header: Some(InternalHead {
            date_number: fmt::date(db.today()),
            ..InternalHead::of(&company)
        }),
        signature: group_head(db)?,
        landscape: true,
        charts: Vec::new(),
        cell_pt: Some(SCHEDULE_PT),
    };
    let meta = Meta {
        title: t::SCHEDULE_TITLE.into(),
        author: signer_name(&table),
        subject: period,
        date: db.today(),
    };
    Ok(pdf::render_pdf(&layout_table(&table, meta))?)
}

/// The name under a table's signature, as the PDF's author («Д.А. Киселёв»).
fn signer_name(table: &Table) -> String {
    table
        .signature
        .as_ref()
        .map(|s| s.name.replace('\u{a0}', " "))
        .unwrap_or_default()
}

pub fn write_schedule(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
    manager: Option<crate::domain::Id>,
    target: &Path,
) -> Result<usize, DocumentError> {
    let bytes = schedule_pdf(db, from, to, manager)?;
    files::write(target, &bytes)?;
    Ok(bytes.len())
}

/// The gift order to the administrative sector: the gifts approved by the head of the company
/// and not handed to it yet, with the limit (one over it marked), the day each is handed over,
/// the total and the last day to hand the order over (the earliest of the gifts'), on `today`.
pub fn order_pdf(rows: &[GiftRow], db: &Db, today: NaiveDate) -> Result<Vec<u8>, DocumentError> {
    let rows: Vec<&GiftRow> = rows
        .iter()
        .filter(|r| r.gift.status == GiftStatus::Approved)
        .collect();
    if rows.is_empty() {
        return Err(DocumentError::NothingToOrder);
    }
    let company = admin_service::company(db.conn())?;
    let cells: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let g = &r.gift;
            vec![
                (i + 1).to_string(),
                format!("{}; {}", person_line(&r.person, &r.position), r.client),
                format!(
                    "{}, {}",
                    holiday_words(
                        g.occasion.unwrap_or(Occasion::Birthday),
                        &r.holiday_name,
                        None
                    ),
                    fmt::opt_date(g.holiday_date)
                ),
                g.item.clone(),
                match (g.amount, r.limit) {
                    (Some(a), Some(l)) if a > l + 0.005 => {
                        format!("{} ({})", fmt::money(a), t::OVER_LIMIT_MARK)
                    }
                    (a, _) => a.map(fmt::money).unwrap_or_default(),
                },
                r.limit.map(fmt::money).unwrap_or_default(),
                fmt::opt_date(r.hand_by),
            ]
        })
        .collect();
    let sum: f64 = rows.iter().filter_map(|r| r.gift.amount).sum();
    let deadline = rows.iter().filter_map(|r| r.order_by).min();
    let mut footer = vec![t::order_total(rows.len(), &fmt::money(sum))];
    if let Some(d) = deadline {
        footer.push(if d < today {
            t::order_late_line(&fmt::date(d))
        } else {
            t::order_deadline_line(&fmt::date(d))
        });
    }
    footer.push(t::ORDER_APPROVAL.to_string());
    let title = vec![t::ORDER_TITLE.to_string()];
    // Internal: the unit it goes to is named as it is called (GOST R 7.0.97: a unit in the
    // nominative), the date under the company's name.
    let mut requisites = InternalHead::of(&company);
    requisites.date_number = fmt::date(today);
    requisites.addressee = vec![t::ORDER_ADDRESSEE.to_string()];
    let table = Table {
        title,
        intro: Vec::new(),
        columns: vec![
            (t::GCOL_NO.into(), 10.0),
            (t::GCOL_PERSON.into(), 44.0),
            (t::GCOL_HOLIDAY.into(), 30.0),
            (t::GCOL_GIFT.into(), 32.0),
            (t::GCOL_AMOUNT.into(), 21.0),
            (t::GCOL_LIMIT.into(), 21.0),
            (t::GCOL_HAND_BY.into(), 22.0),
        ],
        rows: cells,
        bold_rows: Vec::new(),
        footer,
        header: Some(requisites),
        signature: group_head(db)?,
        landscape: false,
        charts: Vec::new(),
        cell_pt: None,
    };
    let meta = Meta {
        title: t::ORDER_TITLE.into(),
        author: signer_name(&table),
        subject: t::ORDER_TITLE.into(),
        date: today,
    };
    Ok(pdf::render_pdf(&layout_table(&table, meta))?)
}

/// Who signs a card.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Signer {
    pub position: String,
    pub name: String,
}

/// The signer of a card: the head of the company for general holidays and persons of
/// categories 1–2, the personal manager for a birthday of category 3.
pub fn card_signer(
    db: &Db,
    occasion: Occasion,
    category: Option<u8>,
    manager_id: Option<crate::domain::Id>,
) -> Result<Signer, StorageError> {
    let reg = store::regulation(db.conn())?;
    let director = Signer {
        position: reg.director_position.clone(),
        name: reg.director_name.clone(),
    };
    if occasion.category() == 1 || category.is_some_and(|c| c <= 2) {
        return Ok(director);
    }
    let manager = admin_service::managers(db.conn())?
        .into_iter()
        .find(|m| m.id == manager_id && manager_id.is_some());
    Ok(manager.map_or(director, |m| Signer {
        position: m.position.clone(),
        name: m.signature_name(),
    }))
}

/// The fields a card's template may use.
pub const CARD_FIELDS: [&str; 5] = [
    "salutation",
    "name_patronymic",
    "holiday",
    "holiday_with",
    "company",
];

/// The card's text from the template of the settings.
pub fn card_text(
    template: &str,
    salutation: &str,
    name_patronymic: &str,
    occasion: Occasion,
    holiday_name: &str,
    company: &str,
) -> Result<String, DocumentError> {
    if template.trim().is_empty() {
        return Err(DocumentError::EmptyCard);
    }
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_fuel(Some(10_000));
    let tmpl = env
        .template_from_str(template)
        .map_err(|e| DocumentError::Template(e.line().unwrap_or(1)))?;
    let mut unknown: Vec<String> = tmpl
        .undeclared_variables(false)
        .into_iter()
        .filter(|v| !CARD_FIELDS.contains(&v.as_str()))
        .collect();
    unknown.sort();
    if let Some(first) = unknown.into_iter().next() {
        return Err(DocumentError::UnknownField(first));
    }
    let holiday = holiday_words(occasion, holiday_name, None);
    let with = t::holiday_with(occasion.code(), holiday_name);
    let ctx = minijinja::context! {
        salutation => salutation,
        name_patronymic => name_patronymic,
        holiday => holiday,
        holiday_with => with,
        company => company,
    };
    tmpl.render(ctx)
        .map_err(|e| DocumentError::Template(e.line().unwrap_or(1)))
}

/// A named card on an A6 sheet turned sideways: the holiday as the title, the text addressed
/// to the person by name and patronymic, the signer.
pub fn card_pdf(
    db: &Db,
    person_id: crate::domain::Id,
    occasion: Occasion,
    holiday_name: &str,
    date: NaiveDate,
) -> Result<Vec<u8>, DocumentError> {
    let (person, client) = person_of(db, person_id)?;
    if person.name.trim().is_empty() {
        return Err(DocumentError::NoName);
    }
    let gender = person
        .gender
        .or_else(|| names::detect_gender(&person.surname, &person.name, &person.patronymic));
    let theirs = match occasion {
        Occasion::WomensDay => gender != Some(names::Gender::Male),
        Occasion::Defender => gender != Some(names::Gender::Female),
        _ => true,
    };
    if !theirs {
        return Err(DocumentError::NotTheirHoliday);
    }
    let reg = store::regulation(db.conn())?;
    // A birthday card on the birthday (of that year), a jubilee card at a jubilee's age.
    if occasion.category() == 2 {
        let year = chrono::Datelike::year(&date);
        let birth = person.birthday.ok_or(DocumentError::NotTheirDay)?;
        let age = year - chrono::Datelike::year(&birth);
        if super::schedule::birthday_in(birth, year) != Some(date)
            || age <= 0
            || (occasion == Occasion::Jubilee && !reg.is_jubilee(age))
        {
            return Err(DocumentError::NotTheirDay);
        }
    }
    let company = admin_service::company(db.conn())?;
    let company_name = if company.short_name.trim().is_empty() {
        company.name.clone()
    } else {
        company.short_name.clone()
    };
    let salutation = crate::letters::compose::salutation(&person);
    let text = card_text(
        &reg.card_text,
        &salutation,
        &names::full_name("", &person.name, &person.patronymic),
        occasion,
        holiday_name,
        &company_name,
    )?;
    let signer = card_signer(db, occasion, person.category, client.manager_id)?;
    let title = t::card_title(&t::holiday_with(occasion.code(), holiday_name));
    let meta = Meta {
        title: t::CARD_TITLE_META.into(),
        author: signer.name.clone(),
        subject: title.clone(),
        // Made today for a holiday to come: the file is dated the day it is made.
        date: db.today(),
    };
    let doc = layout_card(&title, &text, &signer, &company_name, meta)
        .ok_or(DocumentError::CardTooLong)?;
    Ok(pdf::render_pdf(&doc)?)
}

fn person_of(
    db: &Db,
    person_id: crate::domain::Id,
) -> Result<(crate::clients::Person, crate::clients::Client), StorageError> {
    let client_id =
        store::client_of_person(db.conn(), person_id)?.ok_or(StorageError::NotFound(person_id))?;
    let d = crate::clients::service::open(db, client_id)?;
    let person = d
        .people
        .iter()
        .find(|p| p.id == Some(person_id))
        .cloned()
        .ok_or(StorageError::NotFound(person_id))?;
    Ok((person, d.client))
}

const CARD_W: f32 = 148.0 * MM;
const CARD_H: f32 = 105.0 * MM;
const CARD_MARGIN: f32 = 12.0 * MM;

/// Lays a card out on one A6 page (landscape): the text in the largest size (12 pt down to
/// 8 pt) that leaves room for the signer; `None` when even the smallest does not.
pub fn layout_card(
    title: &str,
    text: &str,
    signer: &Signer,
    company: &str,
    meta: Meta,
) -> Option<Document> {
    let text = crate::domain::typography::typograph(text);
    let sign = Style::regular(10.0);
    let sign_top = CARD_H - CARD_MARGIN - 2.0 * sign.line_height();
    let page = [12.0, 11.0, 10.0, 9.0, 8.0].into_iter().find_map(|size| {
        let (mut page, y) = card_text_items(title, &text, size);
        (y + 3.0 * MM <= sign_top).then(|| {
            card_signer_items(&mut page, signer, company, sign, sign_top);
            page
        })
    })?;
    Some(Document {
        width: CARD_W,
        height: CARD_H,
        pages: vec![page],
        meta,
        bookmarks: Vec::new(),
    })
}

/// Puts `text` in lines from `y` down; `y` ends under the last.
fn card_lines(page: &mut Page, text: &str, style: Style, align: Align, y: &mut f32) {
    for l in break_lines(text, style, CARD_W - 2.0 * CARD_MARGIN, align) {
        page.items.push(Item::Text(TextRun {
            x: CARD_MARGIN + l.dx,
            y: *y + style.size,
            text: l.text,
            style: l.style,
            word_spacing: l.word_spacing,
        }));
        *y += style.line_height();
    }
}

/// The title, the salutation (the first paragraph, centred and bold, as in a letter) and the
/// text in `size`; where the text ends.
fn card_text_items(title: &str, text: &str, size: f32) -> (Page, f32) {
    let mut page = Page::default();
    let mut y = CARD_MARGIN;
    card_lines(
        &mut page,
        title,
        Style::bold(size + 6.0),
        Align::Center,
        &mut y,
    );
    y += 5.0 * MM;
    for (i, para) in text.split('\n').map(str::trim).enumerate() {
        if para.is_empty() {
            y += 3.0 * MM;
        } else if i == 0 {
            card_lines(
                &mut page,
                para,
                Style::bold(size + 1.0),
                Align::Center,
                &mut y,
            );
        } else {
            card_lines(
                &mut page,
                para,
                Style::regular(size),
                Align::Justify,
                &mut y,
            );
        }
    }
    (page, y)
}

/// The signer at the foot: the position and the company on the left, the name on the right.
fn card_signer_items(page: &mut Page, signer: &Signer, company: &str, style: Style, top: f32) {
    let mut y = top;
    for line in [signer.position.as_str(), company] {
        if !line.trim().is_empty() {
            card_lines(page, line, style, Align::Left, &mut y);
        }
    }
    if !signer.name.trim().is_empty() {
        page.items.push(Item::Text(TextRun {
            x: CARD_W - CARD_MARGIN - style.width(&signer.name),
            y: top + style.size,
            text: signer.name.clone(),
            style,
            word_spacing: 0.0,
        }));
    }
}
