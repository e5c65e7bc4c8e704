//! Forms on the company header: the meeting report (every field, the manager's signature block
//! and a line for the supervisor) and the contact report of a period (a table).

use std::sync::Arc;

use super::layout::*;
use super::letter::{BOTTOM, Company, LEFT, RIGHT, TOP, company_block};

const LABEL: Style = Style::bold(10.5);
const VALUE: Style = Style::regular(11.5);
const SMALL: Style = Style::regular(10.0);

/// A form: a title, labelled values, then signature lines.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FormContent {
    pub company: Company,
    pub title: String,
    /// (label, value) in order; empty values are left out.
    pub fields: Vec<(String, String)>,
    /// Lines printed last: «Менеджер … подпись … И.О. Фамилия», «Руководитель …».
    pub signatures: Vec<(String, String)>,
    pub signature_png: Option<Arc<Vec<u8>>>,
}

/// A flow of blocks that breaks to a new page when a block does not fit.
struct Flow {
    doc: Document,
    page: Page,
    y: f32,
    width: f32,
}

impl Flow {
    fn new(meta: Meta, company: &Company) -> Flow {
        let mut doc = Document::a4(meta);
        let width = doc.width - LEFT - RIGHT;
        let mut page = Page::default();
        let y = company_block(company, &mut page) + 4.0 * super::layout::MM;
        doc.pages.clear();
        Flow {
            doc,
            page,
            y,
            width,
        }
    }

    fn ensure(&mut self, height: f32) {
        if self.y + height > self.doc.height - BOTTOM && !self.page.items.is_empty() {
            self.doc.pages.push(std::mem::take(&mut self.page));
            self.y = TOP;
            let n = (self.doc.pages.len() + 1).to_string();
            self.page.items.push(Item::Text(TextRun {
                x: (self.doc.width - SMALL.width(&n)) / 2.0,
                y: 12.0 * MM,
                text: n,
                style: SMALL,
                word_spacing: 0.0,
            }));
        }
    }

    /// Lines kept together on a page.
    fn lines(&mut self, lines: &[Line], x: f32) {
        let h: f32 = lines.iter().map(|l| l.style.line_height()).sum();
        self.ensure(h);
        for l in lines {
            self.page.items.push(Item::Text(TextRun {
                x: x + l.dx,
                y: self.y + l.style.size,
                text: l.text.clone(),
                style: l.style,
                word_spacing: l.word_spacing,
            }));
            self.y += l.style.line_height();
        }
    }

    fn finish(mut self) -> Document {
        self.doc.pages.push(self.page);
        self.doc
    }
}

/// Lays a form out on A4 pages on the company header.
pub fn layout_form(c: &FormContent, meta: Meta) -> Document {
    let mut f = Flow::new(meta, &c.company);
    let width = f.width;
    f.lines(
        &break_lines(&c.title, Style::bold(13.0), width, Align::Center),
        LEFT,
    );
    f.y += 3.0 * MM;
    for (label, value) in c.fields.iter().filter(|(_, v)| !v.trim().is_empty()) {
        // The label stays with the first lines of its value.
        let label_lines = break_lines(label, LABEL, width, Align::Left);
        let value_lines = break_lines(value, VALUE, width - 5.0 * MM, Align::Left);
        let head: f32 = label_lines
            .iter()
            .chain(value_lines.iter().take(2))
            .map(|l| l.style.line_height())
            .sum();
        f.ensure(head);
        f.lines(&label_lines, LEFT);
        for chunk in value_lines.chunks(1) {
            f.lines(chunk, LEFT + 5.0 * MM);
        }
        f.y += 2.0 * MM;
    }
    f.y += 6.0 * MM;
    for (i, (who, name)) in c.signatures.iter().enumerate() {
        let sig_h = 14.0 * MM;
        // The position in a column left of the signature line, its last line on the baseline.
        let line_x = LEFT + 85.0 * MM;
        let who_lines = break_lines(who, VALUE, 80.0 * MM, Align::Left);
        let sig_h = sig_h.max(who_lines.len() as f32 * VALUE.line_height() + 4.0 * MM);
        f.ensure(sig_h);
        let base = f.y + sig_h - VALUE.line_height();
        let first = base - (who_lines.len().max(1) - 1) as f32 * VALUE.line_height();
        for (k, l) in who_lines.iter().enumerate() {
            f.page.items.push(Item::Text(TextRun {
                x: LEFT,
                y: first + k as f32 * VALUE.line_height() + VALUE.size,
                text: l.text.clone(),
                style: VALUE,
                word_spacing: 0.0,
            }));
        }
        let name_w = VALUE.width(name);
        f.page.items.push(Item::Text(TextRun {
            x: LEFT + width - name_w,
            y: base + VALUE.size,
            text: name.clone(),
            style: VALUE,
            word_spacing: 0.0,
        }));
        f.page.items.push(Item::Rule {
            x1: line_x,
            y1: base + VALUE.size + 1.0,
            x2: line_x + 40.0 * MM,
            y2: base + VALUE.size + 1.0,
            width: 0.4,
        });
        if i == 0
            && let Some(sig) = &c.signature_png
        {
            let (w, h) = crate::pixels::png_size(sig).unwrap_or((3, 1));
            let sh = 12.0 * MM;
            // Never over the name on the right.
            let room = (LEFT + width - name_w - 2.0 * MM - line_x).max(0.0);
            let sw = (sh * w as f32 / h.max(1) as f32).min(40.0 * MM).min(room);
            let sh = sh.min(sw * h.max(1) as f32 / w.max(1) as f32);
            f.page.items.push(Item::Image {
                x: line_x,
                y: base + VALUE.size - sh * 0.8,
                w: sw,
                h: sh,
                png: sig.clone(),
            });
        }
        f.y += sig_h + 2.0 * MM;
    }
    f.finish()
}
