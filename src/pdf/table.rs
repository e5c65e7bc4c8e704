//! A table document: title lines, a header repeated on every page, bordered rows that wrap their
//! cells, and closing lines. The courier sheet and the contact report use it.

use super::layout::*;

const LEFT: f32 = 20.0 * MM;
const RIGHT: f32 = 10.0 * MM;
const TOP: f32 = 20.0 * MM;
const BOTTOM: f32 = 20.0 * MM;
/// The cells' text size unless a table sets its own.
const CELL_PT: f32 = 9.5;
const PAD: f32 = 1.5 * MM;

/// What a table document shows. Column widths are in mm and should add up to 180.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub title: Vec<String>,
    /// Paragraphs of text between the title and the table (a memo's «Докладываю…»).
    pub intro: Vec<String>,
    pub columns: Vec<(String, f32)>,
    pub rows: Vec<Vec<String>>,
    /// Rows printed bold (totals).
    pub bold_rows: Vec<usize>,
    pub footer: Vec<String>,
    /// An internal document's requisites above the title (GOST R 7.0.97: no reference data
    /// of the letterhead on a paper that stays in the company).
    pub header: Option<InternalHead>,
    /// A signature block after the footer, kept on one page with it.
    pub signature: Option<Signature>,
    /// A4 turned sideways (columns then add up to 267 mm).
    pub landscape: bool,
    /// Bar charts between the title and the table.
    pub charts: Vec<Chart>,
    /// The cells' text size in points (a wide register of many rows sets them smaller);
    /// `None`: 9.5 pt.
    pub cell_pt: Option<f32>,
}

/// The requisites of an internal document: the company and its unit top left with the kind of
/// document, its date and number under them; the addressee top right, in the dative.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InternalHead {
    /// The company, then the unit that writes.
    pub author: Vec<String>,
    /// «СЛУЖЕБНАЯ ЗАПИСКА»; empty when the title names the document.
    pub kind: String,
    /// «07.12.2026 № СЗ-49»: the date, and the number when the document is registered.
    pub date_number: String,
    /// The addressee's lines, top right.
    pub addressee: Vec<String>,
}

impl InternalHead {
    /// The head of a document of `company`'s VIP group: its short name (the full one when
    /// there is none) and the unit.
    pub fn of(company: &super::letter::Company) -> Self {
        let name = if company.short_name.trim().is_empty() {
            &company.name
        } else {
            &company.short_name
        };
        InternalHead {
            author: [name.trim(), company.unit.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            ..InternalHead::default()
        }
    }
}

const INTERNAL_AUTHOR: Style = Style::bold(11.0);
const INTERNAL_KIND: Style = Style::bold(12.0);
const INTERNAL_TEXT: Style = Style::regular(11.0);
/// The width of an internal head's blocks (GOST: at most about 7.5–8 cm).
const INTERNAL_CORNER: f32 = 80.0 * MM;

/// Lays an internal head out from the top of the page; returns where the title goes.
fn internal_head(h: &InternalHead, width: f32, page: &mut Page) -> f32 {
    use super::letter::stack;
    let mut y = TOP;
    for line in &h.author {
        let lines = break_lines(line, INTERNAL_AUTHOR, INTERNAL_CORNER, Align::Center);
        y = stack(&lines, LEFT, y, &mut page.items);
    }
    if !h.kind.is_empty() {
        y += 4.0 * MM;
        let lines = break_lines(&h.kind, INTERNAL_KIND, INTERNAL_CORNER, Align::Center);
        y = stack(&lines, LEFT, y, &mut page.items);
    }
    if !h.date_number.is_empty() {
        y += 1.0 * MM;
        let lines = break_lines(
            &h.date_number,
            INTERNAL_TEXT,
            INTERNAL_CORNER,
            Align::Center,
        );
        y = stack(&lines, LEFT, y, &mut page.items);
    }
    let mut right = TOP;
    for line in &h.addressee {
        let lines = break_lines(line, INTERNAL_TEXT, INTERNAL_CORNER, Align::Left);
        right = stack(
            &lines,
            LEFT + width - INTERNAL_CORNER,
            right,
            &mut page.items,
        );
    }
    y.max(right)
}

/// A horizontal bar chart: a title, then a bar per label with its value printed beside it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Chart {
    pub title: String,
    /// (label, value, the value as printed).
    pub bars: Vec<(String, f64, String)>,
    /// The value of a full bar (100 for a percentage); `None`: the largest value.
    pub full: Option<f64>,
}

const CHART_TITLE: Style = Style::bold(10.0);
const CHART_LABEL: Style = Style::regular(9.0);
const CHART_LABEL_W: f32 = 62.0 * MM;
const CHART_VALUE_W: f32 = 24.0 * MM;
const BAR_H: f32 = 3.2 * MM;
/// A bar's grey: dark enough to read on a black-and-white office printer, light enough to
/// tell from text.
const BAR_GREY: f32 = 0.55;
/// The whole a share's bar stands on.
const TRACK_GREY: f32 = 0.92;

/// A chart's rows, each laid out from y = 0 with its height; the title goes with the first
/// bar (never alone at a page's foot).
fn chart_rows(c: &Chart, width: f32) -> Vec<(Vec<Item>, f32)> {
    let full = c
        .full
        .unwrap_or_else(|| c.bars.iter().map(|b| b.1).fold(0.0, f64::max));
    let area = width - CHART_LABEL_W - CHART_VALUE_W;
    let mut rows = Vec::new();
    let mut title = Vec::new();
    let lines = break_lines(&c.title, CHART_TITLE, width, Align::Left);
    let title_h = super::letter::stack(&lines, LEFT, 0.0, &mut title) + 1.0 * MM;
    for (i, (label, value, shown)) in c.bars.iter().enumerate() {
        let mut items = if i == 0 {
            std::mem::take(&mut title)
        } else {
            Vec::new()
        };
        let top = if i == 0 { title_h } else { 0.0 };
        let label = crate::domain::typography::typograph(label);
        let lines = break_lines(&label, CHART_LABEL, CHART_LABEL_W - 3.0 * MM, Align::Left);
        let text_h = lines.len().max(1) as f32 * CHART_LABEL.line_height();
        let h = text_h.max(BAR_H + 1.6 * MM);
        for (k, l) in lines.into_iter().enumerate() {
            items.push(Item::Text(TextRun {
                x: LEFT + l.dx,
                y: top + CHART_LABEL.size + k as f32 * CHART_LABEL.line_height(),
                text: l.text,
                style: CHART_LABEL,
                word_spacing: 0.0,
            }));
        }
        let share = if full > 0.0 {
            (value / full).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let x0 = LEFT + CHART_LABEL_W;
        let w = (area * share as f32).max(0.0);
        let bar_y = top + (CHART_LABEL.line_height() - BAR_H) / 2.0 + 0.4 * MM;
        // A share of a whole (a percentage) stands on its whole, lightly.
        if c.full.is_some() {
            items.push(Item::Bar {
                x: x0,
                y: bar_y,
                w: area,
                h: BAR_H,
                grey: TRACK_GREY,
            });
        }
        if w > 0.0 {
            items.push(Item::Bar {
                x: x0,
                y: bar_y,
                w,
                h: BAR_H,
                grey: BAR_GREY,
            });
        }
        // The axis the bars stand on.
        items.push(Item::Rule {
            x1: x0,
            y1: top,
            x2: x0,
            y2: top + h,
            width: 0.5,
        });
        items.push(Item::Text(TextRun {
            x: x0 + w + 1.5 * MM,
            y: top + CHART_LABEL.size,
            text: shown.clone(),
            style: CHART_LABEL,
            word_spacing: 0.0,
        }));
        rows.push((items, top + h));
    }
    rows
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
        Some(head) => internal_head(head, width, &mut page) + 8.0 * MM,
        None => TOP,
    };
    let title_style = Style::bold(12.0);
    for line in &t.title {
        let lines = break_lines(line, title_style, width, Align::Center);
        y = super::letter::stack(&lines, LEFT, y, &mut page.items);
    }
    y += 4.0 * MM;
    let intro_style = Style::regular(11.0);
    for text in &t.intro {
        let text = crate::domain::typography::typograph(text);
        let lines = break_paragraph(&text, intro_style, width, 12.5 * MM, Align::Justify);
        y = super::letter::stack(&lines, LEFT, y, &mut page.items);
        y += 1.5 * MM;
    }
    if !t.intro.is_empty() {
        y += 2.5 * MM;
    }
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
    let charts: Vec<&Chart> = t.charts.iter().filter(|c| !c.bars.is_empty()).collect();
    for (c, chart) in charts.iter().enumerate() {
        let rows = chart_rows(chart, width);
        let n = rows.len();
        for (k, (items, h)) in rows.into_iter().enumerate() {
            // With no table after it, the last bar takes the closing lines along.
            let closing = if t.rows.is_empty() && c + 1 == charts.len() && k + 1 == n {
                closing_h
            } else {
                0.0
            };
            if y + h + closing > bottom && (y + h > bottom || closing < bottom - TOP - h) {
                doc.pages.push(std::mem::take(&mut page));
                number_page(&mut page, doc.pages.len() + 1, doc.width);
                y = TOP;
            }
            page.items.extend(super::letter::moved(&items, 0.0, y));
            y += h;
        }
        y += 5.0 * MM;
    }
    let cell_pt = t.cell_pt.unwrap_or(CELL_PT);
    let (cell, head) = (Style::regular(cell_pt), Style::bold(cell_pt - 1.0));
    let header: Vec<String> = t.columns.iter().map(|(h, _)| h.clone()).collect();
    let put_header = |page: &mut Page, y: f32| -> f32 {
        let (items, h) = row_items(&t.columns, &header, head, y);
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
    // A table with no rows is not drawn: the text says there is nothing.
    if !t.rows.is_empty() {
        y = put_header(&mut page, y);
    }
    let n_rows = t.rows.len();
    let mut rows_on_page = 0;
    for (i, cells) in t.rows.iter().enumerate() {
        let style = if t.bold_rows.contains(&i) {
            Style::bold(cell_pt)
        } else {
            cell
        };
        let (_, h) = row_items(&t.columns, cells, style, y);
        // The last row takes the totals and signature lines with it: they never stand alone
        // on a page of their own; a bold row (a section's title, a manager's total) takes the
        // row after it.
        let closing = if i + 1 == n_rows && closing_h < bottom - TOP - h - 20.0 * MM {
            closing_h
        } else if t.bold_rows.contains(&i) && i + 1 < n_rows {
            row_items(&t.columns, &t.rows[i + 1], cell, y).1
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

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: usize, bold: Vec<usize>) -> Table {
        Table {
            title: vec!["Отчёт".into()],
            columns: vec![("Строка".into(), 120.0), ("Число".into(), 60.0)],
            rows: (0..rows)
                .map(|i| vec![format!("строка{i}"), i.to_string()])
                .collect(),
            bold_rows: bold,
            ..Table::default()
        }
    }

    /// The page each row's first cell is on.
    fn pages_of(doc: &Document, rows: usize) -> Vec<usize> {
        (0..rows)
            .map(|i| {
                let name = format!("строка{i}");
                doc.pages
                    .iter()
                    .position(|p| {
                        p.items
                            .iter()
                            .any(|it| matches!(it, Item::Text(r) if r.text == name))
                    })
                    .expect("the row is printed")
            })
            .collect()
    }

    /// A bold row (a section's title, a manager's total) never ends a page: it goes over with
    /// the row after it.
    #[test]
    fn a_bold_row_goes_with_the_row_after_it() {
        let n = 80;
        let plain = pages_of(&layout_table(&table(n, vec![]), Meta::default()), n);
        let last_on_first = plain.iter().rposition(|p| *p == 0).expect("page 1");
        let doc = layout_table(&table(n, vec![last_on_first]), Meta::default());
        let pages = pages_of(&doc, n);
        assert_eq!(pages[last_on_first], 1, "the bold row moved over");
        assert_eq!(pages[last_on_first + 1], 1);
        assert_eq!(pages[last_on_first - 1], 0);
    }
}
