//! A table document: title lines, a header repeated on every page, bordered rows that wrap their
//! cells, and closing lines. The courier sheet and the contact report use it.

use super::layout::*;

const LEFT: f32 = 20.0 * MM;
const RIGHT: f32 = 10.0 * MM;
const TOP: f32 = 20.0 * MM;
const BOTTOM: f32 = 20.0 * MM;
const CELL: Style = Style::regular(9.5);
const HEAD: Style = Style::bold(8.5);
const PAD: f32 = 1.5 * MM;

/// What a table document shows. Column widths are in mm and should add up to 180.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub title: Vec<String>,
    pub columns: Vec<(String, f32)>,
    pub rows: Vec<Vec<String>>,
    /// Rows printed bold (totals).
    pub bold_rows: Vec<usize>,
    pub footer: Vec<String>,
    /// The company header above the title (a memo on the company's form).
    pub header: Option<super::letter::Company>,
    /// A signature block after the footer, kept on one page with it.
    pub signature: Option<Signature>,
    /// A4 turned sideways (columns then add up to 267 mm).
    pub landscape: bool,
}

/// «Руководитель группы … ____ Д.А. Киселёв», with the signature image when there is one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Signature {
    pub position: String,
    pub name: String,
    pub png: Option<std::sync::Arc<Vec<u8>>>,
}

fn row_items(
    columns: &[(String, f32)],
    cells: &[String],
    style: Style,
    y: f32,
) -> (Vec<Item>, f32) {
    let mut items = Vec::new();
    let mut height: f32 = 0.0;
    let mut x = LEFT;
    for ((_, w), text) in columns.iter().zip(cells) {
        // Typography in the cells too: «г. Орёл», «ул. Ленина» are never parted.
        let text = crate::domain::typography::typograph(text);
        let lines = break_lines(&text, style, w * MM - 2.0 * PAD, Align::Left);
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
fn grid(columns: &[(String, f32)], y0: f32, y1: f32, items: &mut Vec<Item>) {
    let right = LEFT + columns.iter().map(|(_, w)| w * MM).sum::<f32>();
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
    for (_, w) in columns {
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

/// The number of a page from the second on, centred at the top.
fn number_page(page: &mut Page, n: usize, page_width: f32) {
    let text = n.to_string();
    let style = Style::regular(10.0);
    page.items.push(Item::Text(TextRun {
        x: (page_width - style.width(&text)) / 2.0,
        y: super::letter::PAGE_NUMBER_BASELINE,
        text,
        style,
        word_spacing: 0.0,
    }));
}

/// Lays the table out on A4 pages.
pub fn layout_table(t: &Table, meta: Meta) -> Document {
    let mut doc = Document::a4(meta);
    if t.landscape {
        std::mem::swap(&mut doc.width, &mut doc.height);
    }
    let width = doc.width - LEFT - RIGHT;
    let bottom = doc.height - BOTTOM;
    let mut page = Page::default();
    let mut y = match &t.header {
        Some(company) => super::letter::company_block(company, &mut page) + 3.0 * MM,
        None => TOP,
    };
    let title_style = Style::bold(12.0);
    for line in &t.title {
        for l in break_lines(line, title_style, width, Align::Center) {
            page.items.push(Item::Text(TextRun {
                x: LEFT + l.dx,
                y: y + title_style.size,
                text: l.text,
                style: title_style,
                word_spacing: 0.0,
            }));
            y += title_style.line_height();
        }
    }
    y += 4.0 * MM;
    let header: Vec<String> = t.columns.iter().map(|(h, _)| h.clone()).collect();
    let put_header = |page: &mut Page, y: f32| -> f32 {
        let (items, h) = row_items(&t.columns, &header, HEAD, y);
        page.items.push(Item::Rule {
            x1: LEFT,
            y1: y,
            x2: LEFT + width,
            y2: y,
            width: 0.8,
        });
        page.items.extend(items);
        grid(&t.columns, y, y + h, &mut page.items);
        y + h
    };
    y = put_header(&mut page, y);
    let footer_style = Style::regular(11.0);
    let footer: Vec<Line> = t
        .footer
        .iter()
        .flat_map(|text| {
            break_lines(
                &crate::domain::typography::typograph(text),
                footer_style,
                width,
                Align::Left,
            )
        })
        .collect();
    let signature_h = if t.signature.is_some() {
        14.0 * MM
    } else {
        0.0
    };
    let closing_h =
        5.0 * MM + footer.len() as f32 * footer_style.line_height() * 1.15 + signature_h;
    let n_rows = t.rows.len();
    let mut rows_on_page = 0;
    for (i, cells) in t.rows.iter().enumerate() {
        let style = if t.bold_rows.contains(&i) {
            Style::bold(9.5)
        } else {
            CELL
        };
        let (_, h) = row_items(&t.columns, cells, style, y);
        // The last row takes the totals and signature lines with it: they never stand alone
        // on a page of their own.
        let closing = if i + 1 == n_rows && closing_h < bottom - TOP - h - 20.0 * MM {
            closing_h
        } else {
            0.0
        };
        if y + h + closing > bottom && (y + h > bottom || rows_on_page > 0) {
            rows_on_page = 0;
            doc.pages.push(std::mem::take(&mut page));
            number_page(&mut page, doc.pages.len() + 1, doc.width);
            y = put_header(&mut page, TOP);
        }
        let (items, h) = row_items(&t.columns, cells, style, y);
        page.items.extend(items);
        grid(&t.columns, y, y + h, &mut page.items);
        y += h;
        rows_on_page += 1;
    }
    y += 5.0 * MM;
    if y + closing_h - 5.0 * MM > bottom {
        doc.pages.push(std::mem::take(&mut page));
        number_page(&mut page, doc.pages.len() + 1, doc.width);
        y = TOP;
    }
    for l in footer {
        page.items.push(Item::Text(TextRun {
            x: LEFT + l.dx,
            y: y + footer_style.size,
            text: l.text,
            style: footer_style,
            word_spacing: l.word_spacing,
        }));
        y += footer_style.line_height() * 1.15;
    }
    if let Some(sig) = &t.signature {
        y += 6.0 * MM;
        let position = break_lines(&sig.position, footer_style, 80.0 * MM, Align::Left);
        let base = y + footer_style.size;
        for (i, l) in position.iter().enumerate() {
            page.items.push(Item::Text(TextRun {
                x: LEFT,
                y: base + i as f32 * footer_style.line_height(),
                text: l.text.clone(),
                style: footer_style,
                word_spacing: 0.0,
            }));
        }
        let last = base + (position.len().max(1) - 1) as f32 * footer_style.line_height();
        let line_x = LEFT + 95.0 * MM;
        page.items.push(Item::Rule {
            x1: line_x,
            y1: last + 1.0,
            x2: line_x + 35.0 * MM,
            y2: last + 1.0,
            width: 0.4,
        });
        if let Some(png) = &sig.png {
            let (w, h) = crate::pixels::png_size(png).unwrap_or((3, 1));
            let sh = 11.0 * MM;
            let room = (LEFT + width - footer_style.width(&sig.name) - 2.0 * MM - line_x).max(0.0);
            let sw = (sh * w as f32 / h.max(1) as f32).min(35.0 * MM).min(room);
            let sh = sh.min(sw * h.max(1) as f32 / w.max(1) as f32);
            page.items.push(Item::Image {
                x: line_x,
                y: last - sh * 0.8,
                w: sw,
                h: sh,
                png: png.clone(),
            });
        }
        page.items.push(Item::Text(TextRun {
            x: LEFT + width - footer_style.width(&sig.name),
            y: last,
            text: sig.name.clone(),
            style: footer_style,
            word_spacing: 0.0,
        }));
    }
    doc.pages.push(page);
    doc
}
