//! Page layout as a pure function: text and geometry in, positioned lines out. The PDF renderer
//! and the in-app preview both draw this same result, so the preview is exact.
//!
//! Coordinates are points (1/72 inch) from the top-left corner of the page.

use std::sync::Arc;

use super::fonts::{Weight, fonts};

pub const MM: f32 = 72.0 / 25.4;

/// A text style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub weight: Weight,
    pub size: f32,
}

impl Style {
    pub const fn regular(size: f32) -> Style {
        Style {
            weight: Weight::Regular,
            size,
        }
    }
    pub const fn bold(size: f32) -> Style {
        Style {
            weight: Weight::Bold,
            size,
        }
    }
    /// Baseline-to-baseline distance.
    pub fn line_height(&self) -> f32 {
        self.size * 1.2
    }
    pub fn width(&self, text: &str) -> f32 {
        fonts().face(self.weight).width(text, self.size)
    }
}

/// A line of text placed on a page. `word_spacing` is the extra space added after every
/// space character (justification).
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub x: f32,
    /// The baseline.
    pub y: f32,
    pub text: String,
    pub style: Style,
    pub word_spacing: f32,
}

impl TextRun {
    /// Width as drawn, with the justification.
    pub fn width(&self) -> f32 {
        self.style.width(&self.text) + self.word_spacing * self.text.matches(' ').count() as f32
    }
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    /// A PNG image in the box (x, y = top-left).
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        png: Arc<Vec<u8>>,
    },
    /// A filled box (x, y = top-left), `grey` from 0 (black) to 1 (white): a chart's bar.
    Bar {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        grey: f32,
    },
    /// A thin straight line from (x1, y1) to (x2, y2).
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub items: Vec<Item>,
}

impl Page {
    /// The text of the page in drawing order (tests, preview checks).
    pub fn text(&self) -> String {
        self.items
            .iter()
            .filter_map(|i| match i {
                Item::Text(r) => Some(r.text.as_str()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Metadata the PDF carries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// The day the document was made: a registered letter's date, else the day it is
    /// rendered (never left for the PDF to show as 1970).
    pub date: chrono::NaiveDate,
}

/// A laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
    pub meta: Meta,
    /// The outline a reader shows beside the pages: (index of the page, title), in page
    /// order (a combined merge names each letter where it starts).
    pub bookmarks: Vec<(usize, String)>,
}

impl Document {
    pub fn a4(meta: Meta) -> Document {
        Document {
            width: 210.0 * MM,
            height: 297.0 * MM,
            pages: Vec::new(),
            meta,
            bookmarks: Vec::new(),
        }
    }

    /// All the text, page after page.
    pub fn text(&self) -> String {
        self.pages
            .iter()
            .map(Page::text)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Horizontal alignment of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
    /// Both edges; the last line left.
    Justify,
}

/// A line broken out of a paragraph, not yet placed on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    /// Offset from the left edge of the column.
    pub dx: f32,
    pub word_spacing: f32,
    pub style: Style,
}

/// The widest gap between words a justified line may have, in ems of its font: a looser line
/// is set flush left instead (a gap of 1.8 em reads as two columns, and `pdftotext` splits it).
pub const MAX_GAP_EM: f32 = 0.9;

/// Spaces may shrink to this share of their width to keep a word on the line.
const MIN_SHRINK: f32 = 0.8;

/// At most this many hyphenated lines in a row.
const MAX_HYPHENS_IN_A_ROW: usize = 2;

/// Splits words wider than the line where they have to be: where Russian hyphenation allows —
/// after the word's own hyphen, else between syllables with a hyphen added (a name in a narrow
/// table cell too: «Беспровод-ная», «Северсталь-Орёл»), else (a long URL, a number) between
/// characters. The head taken is the longest that fits, so the rest never joins its line.
fn split_overlong(text: &str, style: Style, first_avail: f32, avail: f32) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let mut rest = word.to_string();
        loop {
            let limit = if pieces.is_empty() {
                first_avail
            } else {
                avail
            };
            if style.width(&rest) <= limit {
                pieces.push(rest);
                break;
            }
            if let Some((head, tail)) = syllable_split(&rest, style, limit) {
                pieces.push(head);
                rest = tail;
                continue;
            }
            let mut start = 0;
            let mut w = 0.0;
            for (i, c) in rest.char_indices() {
                let cw = style.width(&rest[i..i + c.len_utf8()]);
                if w + cw > limit && i > start {
                    pieces.push(rest[start..i].to_string());
                    start = i;
                    w = 0.0;
                }
                w += cw;
            }
            pieces.push(rest[start..].to_string());
            break;
        }
    }
    pieces
}

/// The longest head of an overlong word, cut where hyphenation allows whatever its case, that
/// fits `room`; and the rest.
fn syllable_split(word: &str, style: Style, room: f32) -> Option<(String, String)> {
    let lower = word.to_lowercase();
    if lower.len() != word.len() {
        return None;
    }
    let points = crate::domain::typography::hyphen_points(&lower);
    points.into_iter().rev().find_map(|at| {
        let head = if word[..at].ends_with('-') {
            word[..at].to_string()
        } else {
            format!("{}-", &word[..at])
        };
        (style.width(&head) <= room && !word[at..].is_empty())
            .then(|| (head, word[at..].to_string()))
    })
}

/// Breaks a paragraph into lines of at most `width`: a justified paragraph by total fit, with
/// Russian hyphenation ([`super::justify`]), any other greedily at spaces; a word longer than
/// the line is split where it has to be. `indent` is the first-line indent.
pub fn break_paragraph(
    text: &str,
    style: Style,
    width: f32,
    indent: f32,
    align: Align,
) -> Vec<Line> {
    let words = split_overlong(text, style, width - indent, width);
    let lines = if align == Align::Justify {
        super::justify::break_justified(
            &words,
            style,
            width,
            indent,
            MAX_GAP_EM,
            MIN_SHRINK,
            MAX_HYPHENS_IN_A_ROW,
        )
    } else {
        break_greedy(words, style, width, indent)
    };
    place_lines(lines, style, width, indent, align)
}

/// Lines filled one after another, each taking every word that fits.
fn break_greedy(
    words: Vec<String>,
    style: Style,
    width: f32,
    indent: f32,
) -> Vec<(Vec<String>, f32)> {
    let space = style.width(" ");
    let mut lines: Vec<(Vec<String>, f32)> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut current_w = 0.0;
    for word in words {
        let avail = if lines.is_empty() {
            width - indent
        } else {
            width
        };
        let ww = style.width(&word);
        let needed = if current.is_empty() {
            ww
        } else {
            current_w + space + ww
        };
        // The width with every space of the line shrunk as far as allowed.
        let squeezed = needed - space * (1.0 - MIN_SHRINK) * current.len() as f32;
        if squeezed <= avail + 0.01 || current.is_empty() {
            current_w = needed;
            current.push(word);
            continue;
        }
        lines.push((std::mem::take(&mut current), current_w));
        current.push(word);
        current_w = ww;
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push((current, current_w));
    }
    lines
}

/// Lines placed in the column by the alignment: a justified line's spaces stretched to both
/// edges (all but the last, and none past [`MAX_GAP_EM`]).
fn place_lines(
    lines: Vec<(Vec<String>, f32)>,
    style: Style,
    width: f32,
    indent: f32,
    align: Align,
) -> Vec<Line> {
    let space = style.width(" ");
    let n = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, (words, w))| {
            let avail = if i == 0 { width - indent } else { width };
            let first = if i == 0 { indent } else { 0.0 };
            let text = words.join(" ");
            let gaps = words.len().saturating_sub(1) as f32;
            // A line kept whole by shrinking its spaces is drawn shrunk, whatever the alignment.
            let shrink = if w > avail && gaps > 0.0 {
                (avail - w) / gaps
            } else {
                0.0
            };
            let drawn = w + shrink * gaps;
            let (dx, word_spacing) = match align {
                Align::Left => (first, shrink),
                Align::Right => (first + avail - drawn, shrink),
                Align::Center => (first + (avail - drawn) / 2.0, shrink),
                Align::Justify if i + 1 < n && gaps > 0.0 => {
                    let extra = (avail - w) / gaps;
                    if space + extra > MAX_GAP_EM * style.size {
                        (first, 0.0)
                    } else {
                        (first, extra)
                    }
                }
                Align::Justify => (first, shrink),
            };
            Line {
                text,
                dx,
                word_spacing,
                style,
            }
        })
        .collect()
}

/// The widest gap between two words of a laid-out run, in ems of its font (0 for a single
/// word): what [`MAX_GAP_EM`] caps.
pub fn gap_em(run: &TextRun) -> f32 {
    if !run.text.contains(' ') {
        return 0.0;
    }
    (run.style.width(" ") + run.word_spacing) / run.style.size
}

/// Breaks text with hard line breaks (`\n`) into lines: each line of the source a paragraph.
pub fn break_lines(text: &str, style: Style, width: f32, align: Align) -> Vec<Line> {
    text.lines()
        .flat_map(|l| break_paragraph(l, style, width, 0.0, align))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_within_width_and_justifies_all_but_last() {
        let style = Style::regular(12.0);
        let text = "Настоящим сообщаем, что Ваше обращение рассмотрено, и по его итогам принято решение о перерасчёте начислений за октябрь.";
        let lines = break_paragraph(text, style, 200.0, 20.0, Align::Justify);
        assert!(lines.len() > 2);
        for (i, l) in lines.iter().enumerate() {
            let w = style.width(&l.text) + l.word_spacing * l.text.matches(' ').count() as f32;
            let avail = if i == 0 { 180.0 } else { 200.0 };
            assert!(w <= avail + 0.1, "line {i} too wide: {w}");
            if i + 1 < lines.len() && l.word_spacing > 0.0 {
                assert!(
                    (w - avail).abs() < 0.1,
                    "justified line {i} reaches the edge"
                );
            }
        }
        assert_eq!(lines.last().map(|l| l.word_spacing), Some(0.0));
        let joined: Vec<String> = lines.iter().map(|l| l.text.clone()).collect();
        assert_eq!(joined.join(" ").replace("- ", ""), text);
        assert_eq!(lines[0].dx, 20.0);
    }

    #[test]
    fn overlong_word_is_split_not_lost() {
        let style = Style::regular(12.0);
        let word = "https://orelenergosbyt.example/vip/client/area/with/a/very/long/path";
        let lines = break_paragraph(word, style, 120.0, 0.0, Align::Left);
        assert!(lines.len() > 1);
        assert_eq!(
            lines.iter().map(|l| l.text.as_str()).collect::<String>(),
            word
        );
    }

    #[test]
    fn a_word_too_wide_for_a_cell_breaks_between_syllables_with_a_hyphen() {
        let style = Style::regular(9.5);
        for (word, width) in [("Беспроводная", 40.0), ("Северсталь-Орёл", 60.0)]
        {
            let lines = break_paragraph(word, style, width, 0.0, Align::Left);
            assert!(lines.len() > 1, "{word}");
            for l in &lines[..lines.len() - 1] {
                assert!(l.text.ends_with('-'), "{word}: {:?}", l.text);
                assert!(style.width(&l.text) <= width + 0.1);
            }
            let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
            assert_eq!(joined.replace('-', ""), word.replace('-', ""));
            if word.contains('-') {
                // Broken at its own hyphen, none added.
                assert_eq!(lines[0].text, "Северсталь-");
            }
        }
    }

    #[test]
    fn right_and_center() {
        let style = Style::regular(12.0);
        let r = break_paragraph("Иванов", style, 100.0, 0.0, Align::Right);
        assert!((r[0].dx + style.width("Иванов") - 100.0).abs() < 0.01);
        let c = break_paragraph("Иванов", style, 100.0, 0.0, Align::Center);
        assert!((c[0].dx * 2.0 + style.width("Иванов") - 100.0).abs() < 0.01);
    }
}
