//! «Реестр передачи курьеру»: a table of the letters handed over, with columns for the
//! recipient's signature and date.

use chrono::NaiveDate;

use super::layout::*;
use super::table::{Table, layout_table};
use crate::domain::fmt;

/// One letter of the sheet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CourierRow {
    pub number: String,
    pub date: Option<NaiveDate>,
    pub client: String,
    pub address: String,
    pub addressee: String,
}

/// Column titles and widths in mm: A4 landscape, 267 mm of text width. A date, a number and
/// every word of a client's name or an address fit their cells whole.
const COLUMNS: [(&str, f32); 8] = [
    ("№ п/п", 11.0),
    ("Исх. №", 24.0),
    ("Дата", 22.0),
    ("Клиент", 52.0),
    ("Адрес", 58.0),
    ("Адресат", 50.0),
    ("Подпись получателя", 28.0),
    ("Дата получения", 22.0),
];

/// Lays the sheet out: title, the table (repeating its header on each page), and the lines for
/// who handed over and who received.
pub fn layout_courier_sheet(
    rows: &[CourierRow],
    date: NaiveDate,
    sender: &str,
    company: &str,
) -> Document {
    let table = Table {
        title: vec![
            company.to_string(),
            format!(
                "Реестр передачи корреспонденции курьеру от {}",
                fmt::date(date)
            ),
        ],
        columns: COLUMNS
            .iter()
            .map(|(t, w)| ((*t).to_string(), *w))
            .collect(),
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![
                    (i + 1).to_string(),
                    r.number.clone(),
                    fmt::opt_date(r.date),
                    r.client.clone(),
                    r.address.clone(),
                    r.addressee.clone(),
                    String::new(),
                    String::new(),
                ]
            })
            .collect(),
        bold_rows: Vec::new(),
        footer: vec![
            format!("Всего писем: {}", rows.len()),
            if sender.is_empty() {
                "Передал: ____________________ ____________".to_string()
            } else {
                format!("Передал: {sender} ____________")
            },
            "Принял (курьер): ____________________ ____________".to_string(),
        ],
        header: None,
        signature: None,
        landscape: true,
    };
    layout_table(
        &table,
        Meta {
            title: "Реестр передачи корреспонденции курьеру".into(),
            author: sender.to_string(),
            subject: format!("Реестр от {}", fmt::date(date)),
            date: Some(date),
        },
    )
}
