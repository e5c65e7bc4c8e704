//! «Реестр передачи курьеру»: a table of the letters handed over, with columns for the
//! recipient's signature and date.

use chrono::NaiveDate;

use super::layout::*;
use super::table::{Table, layout_table};
use crate::domain::fmt;
use crate::words::pdf as w;

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
const WIDTHS: [f32; 8] = [11.0, 24.0, 22.0, 52.0, 58.0, 50.0, 28.0, 22.0];

/// Lays the sheet out: title, the table (repeating its header on each page), and the lines for
/// who handed over and who received.
pub fn layout_courier_sheet(
    rows: &[CourierRow],
    date: NaiveDate,
    sender: &str,
    company: &str,
) -> Document {
    let table = Table {
        title: vec![company.to_string(), w::courier_title_of(&fmt::date(date))],
        intro: Vec::new(),
        columns: w::COURIER_COLUMNS
            .iter()
            .zip(WIDTHS)
            .map(|(t, width)| ((*t).to_string(), width))
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
            w::letters_total(rows.len()),
            if sender.is_empty() {
                w::HANDED_BY_BLANK.to_string()
            } else {
                w::handed_by(sender)
            },
            w::RECEIVED_BY_COURIER.to_string(),
        ],
        header: None,
        signature: None,
        landscape: true,
        charts: Vec::new(),
        cell_pt: None,
    };
    layout_table(
        &table,
        Meta {
            title: w::COURIER_TITLE.into(),
            author: sender.to_string(),
            subject: w::courier_subject(&fmt::date(date)),
            date,
        },
    )
}
