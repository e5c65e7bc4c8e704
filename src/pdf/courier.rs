//! «Реестр передачи курьеру»: a table of the letters handed over, with columns for the
//! recipient's signature and date.

use chrono::NaiveDate;

use super::layout::*;
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

const LEFT: f32 = 20.0 * MM;
const RIGHT: f32 = 10.0 * MM;
const TOP: f32 = 20.0 * MM;
const BOTTOM: f32 = 20.0 * MM;
const CELL: Style = Style::regular(9.5);
const HEAD: Style = Style::bold(8.5);
const PAD: f32 = 1.5 * MM;

/// Column titles and widths in mm (they add up to the text width of A4 portrait, 180 mm).
const COLUMNS: [(&str, f32); 8] = [
    ("№ п/п", 9.0),
    ("Исх. №", 17.0),
    ("Дата", 18.0),
    ("Клиент", 30.0),
    ("Адрес", 33.0),
    ("Адресат", 27.0),
    ("Подпись получателя", 26.0),
    ("Дата получения", 20.0),
];

fn row_items(cells: &[String], style: Style, y: f32) -> (Vec<Item>, f32) {
    let mut items = Vec::new();
    let mut height: f32 = 0.0;
    let mut x = LEFT;
    for ((_, w), text) in COLUMNS.iter().zip(cells) {
        let lines = break_lines(text, style, w * MM - 2.0 * PAD, Align::Left);
        let mut yy = y + PAD;
        for l in &lines {
            items.push(Item::Text(TextRun {
                x: x + PAD + l.dx,
                y: yy + style.size,
                text: l.text.clone(),
                style,
                word_spacing: l.word_spacing,
            }));
            yy += style.line_height();
        }
        height = height.max(lines.len().max(1) as f32 * style.line_height() + 2.0 * PAD);
        x += w * MM;
    }
    (items, height)
}

/// The cell borders of a row from `y0` to `y1`.
fn grid(y0: f32, y1: f32, items: &mut Vec<Item>) {
    let right = LEFT + COLUMNS.iter().map(|(_, w)| w * MM).sum::<f32>();
    items.push(Item::Rule {
        x1: LEFT,
        y1,
        x2: right,
        y2: y1,
        width: 0.5,
    });
    let mut x = LEFT;
    items.push(Item::Rule {
        x1: x,
        y1: y0,
        x2: x,
        y2: y1,
        width: 0.5,
    });
    for (_, w) in COLUMNS.iter() {
        x += w * MM;
        items.push(Item::Rule {
            x1: x,
            y1: y0,
            x2: x,
            y2: y1,
            width: 0.5,
        });
    }
}

/// Lays the sheet out: title, the table (repeating its header on each page), and the lines for
/// who handed over and who received.
pub fn layout_courier_sheet(
    rows: &[CourierRow],
    date: NaiveDate,
    sender: &str,
    company: &str,
) -> Document {
    let mut doc = Document::a4(Meta {
        title: "Реестр передачи корреспонденции курьеру".into(),
        author: sender.to_string(),
        subject: format!("Реестр от {}", fmt::date(date)),
        date: Some(date),
    });
    let width = doc.width - LEFT - RIGHT;
    let bottom = doc.height - BOTTOM;
    let mut page = Page::default();
    let mut y = TOP;
    for line in [
        company.to_string(),
        format!(
            "Реестр передачи корреспонденции курьеру от {}",
            fmt::date(date)
        ),
    ] {
        for l in break_lines(&line, Style::bold(12.0), width, Align::Center) {
            page.items.push(Item::Text(TextRun {
                x: LEFT + l.dx,
                y: y + 12.0,
                text: l.text,
                style: Style::bold(12.0),
                word_spacing: 0.0,
            }));
            y += Style::bold(12.0).line_height();
        }
    }
    y += 4.0 * MM;
    let header: Vec<String> = COLUMNS.iter().map(|(t, _)| (*t).to_string()).collect();
    let put_header = |page: &mut Page, y: f32| -> f32 {
        let (items, h) = row_items(&header, HEAD, y);
        page.items.push(Item::Rule {
            x1: LEFT,
            y1: y,
            x2: LEFT + width,
            y2: y,
            width: 0.8,
        });
        page.items.extend(items);
        grid(y, y + h, &mut page.items);
        y + h
    };
    y = put_header(&mut page, y);
    for (i, r) in rows.iter().enumerate() {
        let cells = vec![
            (i + 1).to_string(),
            r.number.clone(),
            fmt::opt_date(r.date),
            r.client.clone(),
            r.address.clone(),
            r.addressee.clone(),
            String::new(),
            String::new(),
        ];
        let (items, h) = row_items(&cells, CELL, y);
        if y + h > bottom {
            doc.pages.push(std::mem::take(&mut page));
            y = put_header(&mut page, TOP);
            let (items, h) = row_items(&cells, CELL, y);
            page.items.extend(items);
            grid(y, y + h, &mut page.items);
            y += h;
            continue;
        }
        page.items.extend(items);
        grid(y, y + h, &mut page.items);
        y += h;
    }
    y += 8.0 * MM;
    if y + 20.0 * MM > bottom {
        doc.pages.push(std::mem::take(&mut page));
        y = TOP;
    }
    let total = format!("Всего писем: {}", rows.len());
    for text in [
        total,
        format!("Передал: {sender} ____________"),
        "Принял (курьер): ____________________ ____________".to_string(),
    ] {
        page.items.push(Item::Text(TextRun {
            x: LEFT,
            y: y + 11.0,
            text,
            style: Style::regular(11.0),
            word_spacing: 0.0,
        }));
        y += 8.0 * MM;
    }
    doc.pages.push(page);
    doc
}
