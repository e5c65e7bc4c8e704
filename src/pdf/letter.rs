//! A business letter on the company letterhead, laid out per GOST R 7.0.97 (DOMAIN.md §1):
//! letterhead with logo and reference data, date and number, «На № … от …», addressee top right
//! in the dative, heading, salutation, justified body with page breaks (no widowed line, the
//! signature never alone on a page), page numbers from page 2, attachment note, signature block,
//! executor bottom-left of the last page.

use std::sync::Arc;

use chrono::NaiveDate;

use super::layout::*;
use crate::domain::fmt;
use crate::words::pdf as w;

/// The company's requisites for the letterhead (a field missing from what was saved is blank).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Company {
    pub name: String,
    pub short_name: String,
    pub address: String,
    pub phones: String,
    pub email: String,
    pub site: String,
    pub okpo: String,
    pub ogrn: String,
    pub inn: String,
    pub kpp: String,
    /// How outgoing numbers look: `{n}` the counter of the year, `{yy}`/`{yyyy}` the year,
    /// e.g. «VIP-{n}» (what requisites saved without it number by).
    #[serde(default = "vip_numbers")]
    pub number_format: String,
    /// Whether the letterhead shows the logo.
    #[serde(default = "yes")]
    pub show_logo: bool,
    /// The unit the VIP group belongs to, under the company's name at the head of an internal
    /// document (a memo, a schedule, an order to the administrative sector).
    pub unit: String,
    /// The official reports to management go to: «Генеральный директор».
    pub director_position: String,
    /// Their name, surname first: «Сидоров Алексей Викторович».
    pub director_name: String,
    #[serde(skip)]
    pub logo_png: Option<Arc<Vec<u8>>>,
}

fn yes() -> bool {
    true
}

fn vip_numbers() -> String {
    "VIP-{n}".into()
}

/// Everything a letter shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LetterContent {
    /// A draft: «ПРОЕКТ» over the addressee, no facsimile.
    pub draft: bool,
    pub company: Company,
    pub date: Option<NaiveDate>,
    /// The registration number; `None` for a draft (printed as blank lines to fill in).
    pub number: Option<String>,
    /// «На № 17 от 20.11.2026».
    pub reply_to: Option<(String, Option<NaiveDate>)>,
    /// Addressee lines in the dative: position and organisation, then initials and surname,
    /// then the address.
    pub addressee: Vec<String>,
    pub heading: String,
    pub salutation: String,
    /// Paragraphs of the body.
    pub body: Vec<String>,
    pub closing: String,
    /// «Приложение: на 2 л. в 1 экз.».
    pub attachment: String,
    pub signer_position: String,
    pub signer_name: String,
    /// The signature image; `None` leaves space for ink.
    pub signature_png: Option<Arc<Vec<u8>>>,
    pub executor_name: String,
    pub executor_phone: String,
}

/// Page geometry of a letter (GOST R 7.0.97: left ≥ 20 mm, right ≥ 10, top and bottom ≥ 20).
pub const LEFT: f32 = 25.0 * MM;
pub const RIGHT: f32 = 15.0 * MM;
pub const TOP: f32 = 20.0 * MM;
pub const BOTTOM: f32 = 20.0 * MM;
/// Width of the corner blocks (letterhead, addressee): at most about 7.5–8 cm.
pub const CORNER: f32 = 78.0 * MM;

/// The baseline of a page number: its top is 10 mm or more from the edge (a printer's margin).
pub const PAGE_NUMBER_BASELINE: f32 = 15.0 * MM;
const BODY: Style = Style::regular(13.0);
const HEAD_NAME: Style = Style::bold(11.0);
const HEAD_REF: Style = Style::regular(8.5);
const SMALL: Style = Style::regular(10.0);
const INDENT: f32 = 12.5 * MM;
const PARA_GAP: f32 = 0.0;

/// A piece of the flow below the header: lines of a paragraph or an unbreakable block.
struct Flow {
    /// Height including the gap before it.
    height: f32,
    gap: f32,
    /// Items relative to the top-left of the text column at the flow's top.
    items: Vec<Item>,
    /// Paragraph id and line index / count, for widow and orphan control.
    para: Option<(usize, usize, usize)>,
    /// An unbreakable block that must take this many preceding lines with it to a new page.
    keep_prev: usize,
}

fn lines_to_items(lines: &[Line], x0: f32) -> (Vec<Vec<Item>>, Vec<f32>) {
    let mut items = Vec::new();
    let mut heights = Vec::new();
    for l in lines {
        let h = l.style.line_height();
        items.push(vec![Item::Text(TextRun {
            x: x0 + l.dx,
            y: l.style.size,
            text: l.text.clone(),
            style: l.style,
            word_spacing: l.word_spacing,
        })]);
        heights.push(h);
    }
    (items, heights)
}

/// Shifts items down by `dy` and right by `dx`.
pub(super) fn moved(items: &[Item], dx: f32, dy: f32) -> Vec<Item> {
    items
        .iter()
        .map(|i| match i.clone() {
            Item::Text(mut r) => {
                r.x += dx;
                r.y += dy;
                Item::Text(r)
            }
            Item::Image { x, y, w, h, png } => Item::Image {
                x: x + dx,
                y: y + dy,
                w,
                h,
                png,
            },
            Item::Bar { x, y, w, h, grey } => Item::Bar {
                x: x + dx,
                y: y + dy,
                w,
                h,
                grey,
            },
            Item::Rule {
                x1,
                y1,
                x2,
                y2,
                width,
            } => Item::Rule {
                x1: x1 + dx,
                y1: y1 + dy,
                x2: x2 + dx,
                y2: y2 + dy,
                width,
            },
        })
        .collect()
}

/// Stacks lines from `y`; returns the items and the y below them.
pub(super) fn stack(lines: &[Line], x: f32, mut y: f32, out: &mut Vec<Item>) -> f32 {
    for l in lines {
        out.push(Item::Text(TextRun {
            x: x + l.dx,
            y: y + l.style.size,
            text: l.text.clone(),
            style: l.style,
            word_spacing: l.word_spacing,
        }));
        y += l.style.line_height();
    }
    y
}

/// The letterhead (top-left corner block) and date/number; returns the y below it.
fn letterhead(c: &LetterContent, page: &mut Page) -> f32 {
    let x = LEFT;
    let mut y = company_block(&c.company, page);
    // Date and number (requisites 10 and 11); blanks to fill in by hand on a draft.
    let date = c.date.map_or_else(|| "___________".to_string(), fmt::date);
    let number = c.number.clone().unwrap_or_else(|| "________".into());
    y = stack(
        &break_lines(
            &format!("{date} № {number}"),
            SMALL.with_size(11.0),
            CORNER,
            Align::Left,
        ),
        x,
        y,
        &mut page.items,
    );
    if let Some((n, d)) = &c.reply_to {
        let d = d.map_or_else(|| "___________".to_string(), fmt::date);
        y = stack(
            &break_lines(
                &w::reply_to(n, &d),
                SMALL.with_size(11.0),
                CORNER,
                Align::Left,
            ),
            x,
            y + 1.0 * MM,
            &mut page.items,
        );
    }
    y
}

/// The company's letterhead block (logo, name, reference data, rule) in the top-left corner;
/// returns the y below it. Letters and reports share it.
pub fn company_block(company: &Company, page: &mut Page) -> f32 {
    let x = LEFT;
    let mut y = TOP;
    if let Some(logo) = company.logo_png.as_ref().filter(|_| company.show_logo) {
        let (w, h) = crate::pixels::png_size(logo).unwrap_or((1, 1));
        let lh = 14.0 * MM;
        let lw = (lh * w as f32 / h.max(1) as f32).min(CORNER);
        page.items.push(Item::Image {
            x: x + (CORNER - lw) / 2.0,
            y,
            w: lw,
            h: lh,
            png: logo.clone(),
        });
        y += lh + 2.0 * MM;
    }
    y = stack(
        &break_lines(&company.name, HEAD_NAME, CORNER, Align::Center),
        x,
        y,
        &mut page.items,
    );
    if !company.short_name.is_empty() {
        y = stack(
            &break_lines(
                &format!("({})", company.short_name),
                HEAD_NAME,
                CORNER,
                Align::Center,
            ),
            x,
            y,
            &mut page.items,
        );
    }
    y += 1.0 * MM;
    let mut refs = vec![company.address.clone()];
    let contacts: Vec<String> = [
        (!company.phones.is_empty()).then(|| w::phone(&company.phones)),
        (!company.email.is_empty()).then(|| format!("e-mail: {}", company.email)),
        (!company.site.is_empty()).then(|| company.site.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    refs.push(contacts.join(", "));
    let ids: Vec<String> = [
        (!company.okpo.is_empty()).then(|| w::okpo(&company.okpo)),
        (!company.ogrn.is_empty()).then(|| w::ogrn(&company.ogrn)),
        (!company.inn.is_empty()).then(|| w::inn_kpp(&company.inn, &company.kpp)),
    ]
    .into_iter()
    .flatten()
    .collect();
    refs.push(ids.join(", "));
    for r in refs.iter().filter(|r| !r.is_empty()) {
        let r = crate::domain::typography::typograph(r);
        y = stack(
            &break_lines(&r, HEAD_REF, CORNER, Align::Center),
            x,
            y,
            &mut page.items,
        );
    }
    y += 2.0 * MM;
    page.items.push(Item::Rule {
        x1: x,
        y1: y,
        x2: x + CORNER,
        y2: y,
        width: 0.6,
    });
    y + 3.0 * MM
}

impl Style {
    const fn with_size(self, size: f32) -> Style {
        Style {
            weight: self.weight,
            size,
        }
    }
}

/// Lays the letter out on A4 pages.
pub fn layout_letter(c: &LetterContent, meta: Meta) -> Document {
    let c = &typographed(c);
    let mut doc = Document::a4(meta);
    let width = doc.width - LEFT - RIGHT;
    let mut first = Page::default();
    let head_bottom = letterhead(c, &mut first);
    // The addressee (requisite 15), top right.
    let ax = doc.width - RIGHT - CORNER;
    let mut ay = TOP + 16.0 * MM;
    if c.draft {
        let s = Style::bold(14.0);
        first.items.push(Item::Text(TextRun {
            x: doc.width - RIGHT - s.width(w::DRAFT_MARK),
            y: TOP + s.size,
            text: w::DRAFT_MARK.into(),
            style: s,
            word_spacing: 0.0,
        }));
    }
    for (i, line) in c.addressee.iter().enumerate() {
        let style = if i + 1 == c.addressee.len() && c.addressee.len() > 2 {
            SMALL.with_size(11.0)
        } else {
            BODY
        };
        ay = stack(
            &break_lines(line, style, CORNER, Align::Left),
            ax,
            ay,
            &mut first.items,
        );
    }
    let mut y = head_bottom.max(ay) + 8.0 * MM;
    // The heading (requisite 17), over the text, left.
    if !c.heading.is_empty() {
        y = stack(
            &break_lines(&c.heading, Style::bold(12.0), CORNER, Align::Left),
            LEFT,
            y,
            &mut first.items,
        );
        y += 6.0 * MM;
    }

    // The flow: salutation, body paragraphs, then the final block.
    let mut flow: Vec<Flow> = Vec::new();
    if !c.salutation.is_empty() {
        let lines = break_lines(&c.salutation, BODY, width, Align::Center);
        let (items, heights) = lines_to_items(&lines, 0.0);
        for (k, (it, h)) in items.into_iter().zip(heights).enumerate() {
            flow.push(Flow {
                height: h,
                gap: 0.0,
                items: it,
                para: Some((0, k, lines.len())),
                keep_prev: 0,
            });
        }
        if let Some(last) = flow.last_mut() {
            last.height += 3.0 * MM;
        }
    }
    for (p, para) in c.body.iter().enumerate() {
        let lines = break_paragraph(para.trim(), BODY, width, INDENT, Align::Justify);
        let n = lines.len();
        let (items, heights) = lines_to_items(&lines, 0.0);
        for (k, (it, h)) in items.into_iter().zip(heights).enumerate() {
            let gap = if k == 0 { PARA_GAP } else { 0.0 };
            flow.push(Flow {
                height: h + gap,
                gap,
                items: it,
                para: Some((p + 1, k, n)),
                keep_prev: 0,
            });
        }
    }
    flow.push(final_block(c, width));

    // Pagination: page 1 starts below the header, the others below the top margin.
    let bottom = doc.height - BOTTOM;
    let mut pages: Vec<Vec<usize>> = vec![Vec::new()];
    let mut tops = vec![y];
    let mut cursor = y;
    let mut i = 0;
    while i < flow.len() {
        let f = &flow[i];
        let page = pages.len() - 1;
        if cursor + f.height <= bottom || pages[page].is_empty() {
            // It fits, or it is taller than a page: place it anyway rather than loop.
            let short = f.keep_prev.saturating_sub(pages[page].len());
            if short > 0 && page > 0 {
                // A block that must stand below lines of the text takes them from the page before.
                let next = pages[page].first().copied().unwrap_or(i);
                let split = page_split(&flow, &pages[page - 1], next, short);
                let moved: Vec<usize> = pages[page - 1].drain(split..).collect();
                cursor += moved.iter().map(|&j| flow[j].height).sum::<f32>();
                pages[page].splice(0..0, moved);
            }
            pages[page].push(i);
            cursor += f.height;
            i += 1;
            continue;
        }
        // A new page, broken where no paragraph leaves a line alone on either side, with the
        // lines an unbreakable block takes along.
        let split = page_split(&flow, &pages[page], i, f.keep_prev);
        let carry = pages[page].split_off(split);
        let page_top = TOP + 8.0 * MM;
        cursor = page_top + carry.iter().map(|&j| flow[j].height).sum::<f32>();
        let carried = !carry.is_empty();
        pages.push(carry);
        tops.push(page_top);
        if carried && cursor + f.height > bottom {
            // The carried lines and the item together are taller than a page.
            if let Some(p) = pages.last_mut() {
                p.push(i);
            }
            cursor += f.height;
            i += 1;
        }
    }

    let n_pages = pages.len();
    for (p, indices) in pages.into_iter().enumerate() {
        let mut page = if p == 0 {
            std::mem::take(&mut first)
        } else {
            Page::default()
        };
        if p > 0 {
            // Page numbers from page 2, centred at the top.
            let num = (p + 1).to_string();
            let s = SMALL.with_size(11.0);
            page.items.push(Item::Text(TextRun {
                x: (doc.width - s.width(&num)) / 2.0,
                y: PAGE_NUMBER_BASELINE,
                text: num,
                style: s,
                word_spacing: 0.0,
            }));
        }
        let mut y = tops[p];
        for j in indices {
            let f = &flow[j];
            page.items.extend(moved(&f.items, LEFT, y + f.gap));
            y += f.height;
        }
        if p + 1 == n_pages {
            executor(c, doc.height, &mut page);
        }
        doc.pages.push(page);
    }
    doc
}

/// Where a full page (`current`, indices into `flow`) breaks when `next` does not fit: the last
/// place that leaves no paragraph's first line alone at the foot and no last line alone at the
/// head, and moves at least `keep` lines along; at worst, before `next` itself.
fn page_split(flow: &[Flow], current: &[usize], next: usize, keep: usize) -> usize {
    let alone_first = |j: usize| matches!(flow[j].para, Some((_, 0, n)) if n > 1);
    let alone_last = |j: usize| matches!(flow[j].para, Some((_, k, n)) if n > 1 && k + 1 == n);
    let most = current.len().saturating_sub(keep);
    (1..=most)
        .rev()
        .find(|&s| {
            let after = current.get(s).copied().unwrap_or(next);
            !alone_first(current[s - 1]) && !alone_last(after)
        })
        .unwrap_or(if most > 0 { most } else { current.len() })
}

/// The letter's texts with Russian typography applied (no-break spaces, quotes, dashes).
fn typographed(c: &LetterContent) -> LetterContent {
    use crate::domain::typography::typograph;
    let mut t = c.clone();
    t.company.name = typograph(&c.company.name);
    t.company.short_name = typograph(&c.company.short_name);
    t.addressee = c.addressee.iter().map(|l| typograph(l)).collect();
    t.heading = typograph(&c.heading);
    t.salutation = typograph(&c.salutation);
    t.body = c.body.iter().map(|p| typograph(p)).collect();
    t.attachment = typograph(&c.attachment);
    t.signer_position = typograph(&c.signer_position);
    t.signer_name = typograph(&c.signer_name);
    t.executor_name = typograph(&c.executor_name);
    t
}

/// Attachment note, closing, signature: one block, kept with two body lines before it.
fn final_block(c: &LetterContent, width: f32) -> Flow {
    let mut items = Vec::new();
    let mut y = 4.0 * MM;
    if !c.attachment.is_empty() {
        y = stack(
            &break_lines(&c.attachment, BODY, width, Align::Left),
            0.0,
            y,
            &mut items,
        );
        y += 4.0 * MM;
    }
    if !c.closing.is_empty() {
        y = stack(
            &break_lines(&c.closing, BODY, width, Align::Left),
            0.0,
            y,
            &mut items,
        );
        y += 2.0 * MM;
    }
    // Signature (requisite 22): position left, signature in the middle, name right. A name
    // too long to leave the facsimile its room goes a line lower.
    let sig_h = 16.0 * MM;
    let pos_lines = break_lines(&c.signer_position, BODY, 75.0 * MM, Align::Left);
    let name_w = BODY.width(&c.signer_name);
    let sig_x = 80.0 * MM;
    let name_below = width - sig_x - name_w - 2.0 * MM < 25.0 * MM;
    let block_h = (pos_lines.len() as f32 * BODY.line_height()).max(sig_h);
    let base = y + block_h - BODY.line_height();
    let pos_top = base - (pos_lines.len() as f32 - 1.0) * BODY.line_height();
    stack(&pos_lines, 0.0, pos_top, &mut items);
    let name_base = if name_below {
        // Below the facsimile's foot.
        base + 0.8 * BODY.size + 0.2 * sig_h + 1.0 * MM
    } else {
        base
    };
    items.push(Item::Text(TextRun {
        x: (width - name_w).max(0.0),
        y: name_base + BODY.size,
        text: c.signer_name.clone(),
        style: BODY,
        word_spacing: 0.0,
    }));
    if let Some(sig) = &c.signature_png {
        let (w, h) = crate::pixels::png_size(sig).unwrap_or((3, 1));
        // Between the position and the name, never over either.
        let room = if name_below {
            width - sig_x
        } else {
            (width - sig_x - name_w - 2.0 * MM).max(0.0)
        };
        let sw = (sig_h * w as f32 / h.max(1) as f32)
            .min(45.0 * MM)
            .min(room);
        let sh = sig_h.min(sw * h.max(1) as f32 / w.max(1) as f32);
        let sx = sig_x + (room - sw).max(0.0) / 2.0;
        items.push(Item::Image {
            x: sx,
            y: base + BODY.size - sh * 0.8,
            w: sw,
            h: sh,
            png: sig.clone(),
        });
    }
    let base = name_base;
    y = base + BODY.line_height();
    // Room for the executor at the foot of the same page.
    let exec_h = executor_height(c) + 6.0 * MM;
    Flow {
        height: y + exec_h,
        gap: 0.0,
        items,
        para: None,
        keep_prev: 2,
    }
}

fn executor_lines(c: &LetterContent) -> Vec<String> {
    let mut out = Vec::new();
    if !c.executor_name.is_empty() {
        out.push(w::executor(&c.executor_name));
    }
    if !c.executor_phone.is_empty() {
        out.push(w::phone(&c.executor_phone));
    }
    out
}

fn executor_height(c: &LetterContent) -> f32 {
    executor_lines(c).len() as f32 * SMALL.line_height()
}

/// The executor (requisite 26), bottom left of the last page, small.
fn executor(c: &LetterContent, page_h: f32, page: &mut Page) {
    let lines = executor_lines(c);
    let mut y = page_h - BOTTOM - lines.len() as f32 * SMALL.line_height();
    for l in lines {
        page.items.push(Item::Text(TextRun {
            x: LEFT,
            y: y + SMALL.size,
            text: l,
            style: SMALL,
            word_spacing: 0.0,
        }));
        y += SMALL.line_height();
    }
}
