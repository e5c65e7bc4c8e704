//! Justified paragraphs broken by total fit (Knuth and Plass): the breaks of the whole paragraph
//! are chosen together, so that no line gapes because the one before it took a word greedily.
//!
//! Written here rather than taken from `textwrap`'s optimal fit: a justified Russian letter needs
//! spaces that shrink as well as stretch, at most two hyphenated lines in a row, and a last-resort
//! break after a legal form («ОАО / «Орелэнергосбыт»»), which its cost model has no place for.

use super::layout::Style;

const NBSP: char = '\u{a0}';

/// How a piece of the paragraph ends: what joins it to the next piece, and what a break there
/// costs.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Join {
    /// A space between words: a free break, stretched or shrunk when justified.
    Space,
    /// Inside a word where hyphenation allows: the break adds a hyphen.
    Hyphen,
    /// Inside a name: a break only when every other line would gape.
    NameHyphen,
    /// Inside an e-mail address, with no hyphen: only when every other line would gape.
    Address,
    /// The no-break space after a legal form: a break only when every other line would gape.
    LegalForm,
    /// The paragraph's end.
    End,
}

impl Join {
    /// What stands between this piece and the next when no line breaks there.
    fn joiner(self) -> &'static str {
        match self {
            Join::Space => " ",
            Join::LegalForm => "\u{a0}",
            Join::Hyphen | Join::NameHyphen | Join::Address | Join::End => "",
        }
    }
    /// Whether a break here adds a hyphen (and counts towards the hyphens in a row).
    fn hyphenates(self) -> bool {
        matches!(self, Join::Hyphen | Join::NameHyphen)
    }
    fn demerits(self) -> f64 {
        match self {
            Join::Hyphen => HYPHEN_DEMERITS,
            Join::NameHyphen | Join::Address => NAME_HYPHEN_DEMERITS,
            Join::LegalForm => LEGAL_FORM_DEMERITS,
            Join::Space | Join::End => 0.0,
        }
    }
}

struct Piece {
    text: String,
    width: f32,
    join: Join,
}

impl Piece {
    /// What a line ending with this piece adds after it: a hyphen inside a word.
    fn break_mark(&self) -> &'static str {
        if self.join.hyphenates() && !self.text.ends_with('-') {
            "-"
        } else {
            ""
        }
    }
}

/// Demerits of a break (squared penalties, as in TeX's \hyphenpenalty 50).
const HYPHEN_DEMERITS: f64 = 50.0 * 50.0;
const NAME_HYPHEN_DEMERITS: f64 = 1000.0 * 1000.0;
const LEGAL_FORM_DEMERITS: f64 = 1500.0 * 1500.0;
/// A line that cannot be justified within the widest gap: taken only when nothing else is
/// possible, and then the shortest such line.
const LOOSE_DEMERITS: f64 = 1e12;
/// TeX's \linepenalty: fewer lines are better, all else equal.
const LINE_PENALTY: f64 = 10.0;

/// The paragraph cut into pieces at every place a line may break.
fn pieces(words: &[String], style: Style) -> Vec<Piece> {
    let mut out = Vec::new();
    for (w, word) in words.iter().enumerate() {
        let mut cuts: Vec<(usize, Join)> = Vec::new();
        // The no-break space after a legal form.
        let mut at = 0;
        for part in word.split(NBSP) {
            at += part.len();
            if at < word.len() && crate::domain::names::is_legal_form(part) {
                cuts.push((at, Join::LegalForm));
            }
            at += NBSP.len_utf8();
        }
        // Hyphenation points of the part after the last no-break space.
        let tail_from = word.rfind(NBSP).map_or(0, |i| i + NBSP.len_utf8());
        for p in crate::domain::typography::hyphen_points(&word[tail_from..]) {
            cuts.push((tail_from + p, Join::Hyphen));
        }
        for p in crate::domain::typography::name_hyphen_points(&word[tail_from..]) {
            cuts.push((tail_from + p, Join::NameHyphen));
        }
        // An e-mail address after its «@» and before a dot of its domain, with no hyphen added.
        if let Some(at) = word.find('@') {
            cuts.push((at + 1, Join::Address));
            let domain_end = word.trim_end_matches(['.', ',', ';', ')', '»']).len();
            for (i, _) in word[at..domain_end].match_indices('.') {
                cuts.push((at + i, Join::Address));
            }
        }
        cuts.sort_by_key(|c| c.0);
        let mut start = 0;
        for (at, join) in cuts {
            if at <= start {
                continue;
            }
            let text = word[start..at].to_string();
            out.push(Piece {
                width: style.width(&text),
                text,
                join,
            });
            // A broken no-break space goes; a hyphenation point has nothing to skip.
            start = at + join.joiner().len();
        }
        let text = word[start..].to_string();
        out.push(Piece {
            width: style.width(&text),
            text,
            join: if w + 1 == words.len() {
                Join::End
            } else {
                Join::Space
            },
        });
    }
    out
}

/// The text of pieces `a..=b` as one line, with a hyphen when it breaks inside a word.
fn line_text(pieces: &[Piece], a: usize, b: usize) -> String {
    let mut s = String::new();
    for (i, p) in pieces[a..=b].iter().enumerate() {
        s.push_str(&p.text);
        s.push_str(if a + i == b {
            p.break_mark()
        } else {
            p.join.joiner()
        });
    }
    s
}

/// Breaks `words` (already cut so that each fits a line) into justified lines of `width`, the
/// first `indent` narrower: each line's words, and its natural width.
pub fn break_justified(
    words: &[String],
    style: Style,
    width: f32,
    indent: f32,
    max_gap_em: f32,
    min_shrink: f32,
    max_hyphens_in_a_row: usize,
) -> Vec<(Vec<String>, f32)> {
    let pieces = pieces(words, style);
    let n = pieces.len();
    if n == 0 {
        return vec![(Vec::new(), 0.0)];
    }
    let space = style.width(" ");
    let states = max_hyphens_in_a_row + 1;
    // best[(b + 1) * states + h]: the least demerits of lines ending after piece b (b = -1: the
    // start) whose last h lines ended with a hyphen; and where that line began.
    let mut best = vec![f64::INFINITY; (n + 1) * states];
    let mut from = vec![(0usize, 0usize); (n + 1) * states];
    best[0] = 0.0;
    for b in 0..n {
        let last = b + 1 == n;
        let join = pieces[b].join;
        let mut w = pieces[b].width + style.width(pieces[b].break_mark());
        let mut gaps = 0usize;
        for a in (0..=b).rev() {
            if a < b {
                w += pieces[a].width + style.width(pieces[a].join.joiner());
                if pieces[a].join == Join::Space {
                    gaps += 1;
                }
            }
            let avail = if a == 0 { width - indent } else { width };
            let shrinkable = space * (1.0 - min_shrink) * gaps as f32;
            if w - shrinkable > avail + 0.01 && a < b {
                break;
            }
            let Some(line) = demerits(
                w,
                avail,
                gaps,
                space,
                max_gap_em * style.size,
                min_shrink,
                last,
            ) else {
                continue;
            };
            let line = line + join.demerits();
            for h in 0..states {
                let prev = best[a * states + h];
                if !prev.is_finite() {
                    continue;
                }
                let next_h = if join.hyphenates() { h + 1 } else { 0 };
                if next_h >= states {
                    continue;
                }
                let total = prev + line;
                let k = (b + 1) * states + next_h;
                if total < best[k] {
                    best[k] = total;
                    from[k] = (a, h);
                }
            }
        }
    }
    // Walk back from the cheapest end.
    let end = (0..states)
        .min_by(|&x, &y| best[n * states + x].total_cmp(&best[n * states + y]))
        .unwrap_or(0);
    let mut lines = Vec::new();
    let (mut b, mut h) = (n, end);
    while b > 0 {
        let (a, ph) = from[b * states + h];
        let text = line_text(&pieces, a, b - 1);
        let natural = style.width(&text);
        lines.push((text.split(' ').map(str::to_string).collect(), natural));
        (b, h) = (a, ph);
    }
    lines.reverse();
    lines
}

/// The demerits of one line of natural width `w` set in `avail`: its badness from how far its
/// spaces stretch or shrink; `None` where they would shrink past the limit.
fn demerits(
    w: f32,
    avail: f32,
    gaps: usize,
    space: f32,
    max_gap: f32,
    min_shrink: f32,
    last: bool,
) -> Option<f64> {
    let slack = avail - w;
    if slack < 0.0 {
        if gaps == 0 {
            // One piece wider than the line: only ever alone on it.
            return Some(LOOSE_DEMERITS * 10.0 - f64::from(slack));
        }
        let ratio = -slack / gaps as f32 / (space * (1.0 - min_shrink));
        if ratio > 1.0 + 1e-4 {
            return None;
        }
        let badness = 100.0 * f64::from(ratio).powi(3);
        return Some((LINE_PENALTY + badness).powi(2));
    }
    if last {
        return Some(LINE_PENALTY * LINE_PENALTY);
    }
    if gaps == 0 {
        // A single word: fine when it fills the line, else it stands flush left.
        return Some(if slack < space / 2.0 {
            LINE_PENALTY * LINE_PENALTY
        } else {
            LOOSE_DEMERITS + f64::from(slack) * 1e3
        });
    }
    let gap = space + slack / gaps as f32;
    if gap > max_gap {
        return Some(LOOSE_DEMERITS + f64::from(slack) * 1e3);
    }
    let ratio = f64::from((gap - space) / space);
    let badness = 100.0 * ratio.powi(3);
    Some((LINE_PENALTY + badness).powi(2))
}

#[cfg(test)]
mod tests {
    use super::super::layout::{Align, MM, break_paragraph};
    use super::*;

    /// The meeting invitation's first line, indented, ends before a company's name that does not
    /// fit: the name is broken at a syllable rather than the line left 59 mm short.
    #[test]
    fn a_long_name_is_broken_rather_than_a_line_left_gaping() {
        let text = crate::domain::typography::typograph(
            "Приглашаем Вас на рабочую встречу руководства ОАО «Орелэнергосбыт» и АО \
             «Агроинвест», которая состоится 15.01.2027 в 10:00 по адресу: 302028, г. Орёл, \
             ул. Тургенева, д. 19.",
        );
        let style = Style::regular(13.0);
        let (width, indent) = (170.0 * MM, 12.5 * MM);
        let lines = break_paragraph(&text, style, width, indent, Align::Justify);
        assert!(lines.len() >= 2);
        for (i, l) in lines.iter().enumerate().take(lines.len() - 1) {
            let avail = if i == 0 { width - indent } else { width };
            let drawn = style.width(&l.text) + l.word_spacing * l.text.matches(' ').count() as f32;
            assert!((drawn - avail).abs() < 0.5, "line {i} is short: {}", l.text);
            assert!(
                super::super::layout::MAX_GAP_EM * style.size >= style.width(" ") + l.word_spacing
            );
        }
        assert!(lines[0].text.ends_with("«Орелэнерго-"), "{}", lines[0].text);
    }
}
