//! What mail programs write that a MIME parser reads short, mended around `mail-parser`: a
//! header whose encoded words split a character between them, a message with no blank line
//! after its headers, and HTML whose blocks must stay apart as lines. Pure: no SQL.

use std::borrow::Cow;

use base64::Engine as _;

/// The lines of `bytes` from `at`: (start, end with the line break, content without it).
fn lines_from(bytes: &[u8], mut at: usize) -> impl Iterator<Item = (usize, usize, &[u8])> {
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        let end = bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |n| at + n + 1);
        at = end;
        let line = &bytes[start..end];
        let content = line
            .strip_suffix(b"\n")
            .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
            .unwrap_or(line);
        Some((start, end, content))
    })
}

/// Where a blank line belongs in a block of headers starting at `at` that has none: the first
/// line that is neither a header nor a header's continuation. `None` when the blank line is
/// there, or when the block does not start with a header (a part may have no headers).
fn missing_blank_line(bytes: &[u8], at: usize) -> Option<usize> {
    let mut first = true;
    for (start, _, content) in lines_from(bytes, at) {
        if content.is_empty() {
            return None;
        }
        let continues = !first && matches!(content[0], b' ' | b'\t');
        if !continues && !is_header(content) {
            return (!first).then_some(start);
        }
        first = false;
    }
    None
}

/// The boundaries the message's multiparts declare (`boundary=…`, quoted or not).
fn boundaries(bytes: &[u8]) -> Vec<Vec<u8>> {
    const KEY: &[u8] = b"boundary=";
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(n) = bytes[at..]
        .windows(KEY.len())
        .position(|w| w.eq_ignore_ascii_case(KEY))
    {
        let value = &bytes[at + n + KEY.len()..];
        let b: Vec<u8> = match value.strip_prefix(b"\"") {
            Some(quoted) => quoted.iter().take_while(|&&c| c != b'"').copied().collect(),
            None => value
                .iter()
                .take_while(|&&c| !matches!(c, b';' | b' ' | b'\t' | b'\r' | b'\n'))
                .copied()
                .collect(),
        };
        if !b.is_empty() {
            out.push(b);
        }
        at += n + KEY.len();
    }
    out
}

/// The message with a blank line where its headers end, and where each part's headers end, if
/// a mail program left none: the first line that is neither a header (`Name: value`, the name
/// printable ASCII) nor a header's continuation starts the text. Without it the parser reads
/// the text as headers and the part's text is lost.
pub fn headers_ended(bytes: &[u8]) -> Cow<'_, [u8]> {
    let mut inserts: Vec<usize> = Vec::new();
    // The message's own headers (a file that does not start with one is not a message: the
    // parser says so).
    inserts.extend(missing_blank_line(bytes, 0));
    let delimiters: Vec<Vec<u8>> = boundaries(bytes)
        .into_iter()
        .map(|b| [b"--".as_slice(), &b].concat())
        .collect();
    if !delimiters.is_empty() {
        for (_, end, content) in lines_from(bytes, 0) {
            let content = content.trim_ascii_end();
            if delimiters.iter().any(|d| content == d.as_slice()) {
                inserts.extend(missing_blank_line(bytes, end));
            }
        }
    }
    if inserts.is_empty() {
        return Cow::Borrowed(bytes);
    }
    inserts.sort_unstable();
    inserts.dedup();
    let mut mended = Vec::with_capacity(bytes.len() + 2 * inserts.len());
    let mut from = 0;
    for at in inserts {
        // The break the line before it ends with.
        let newline: &[u8] = if at >= 2 && &bytes[at - 2..at] == b"\r\n" {
            b"\r\n"
        } else {
            b"\n"
        };
        mended.extend_from_slice(&bytes[from..at]);
        mended.extend_from_slice(newline);
        from = at;
    }
    mended.extend_from_slice(&bytes[from..]);
    Cow::Owned(mended)
}

/// Whether a line reads as a header: a field name of printable ASCII (no space, no colon),
/// then a colon.
fn is_header(line: &[u8]) -> bool {
    match line.iter().position(|&b| b == b':') {
        Some(0) | None => line.starts_with(b"From "), // the mbox separator some programs keep
        Some(colon) => line[..colon].iter().all(|&b| (33..=126).contains(&b)),
    }
}

/// A header's raw value with its encoded words (RFC 2047) decoded: adjacent words of one
/// charset are joined before their bytes are decoded (a mail program may split a character
/// between two words), the space between encoded words dropped, plain text kept as it is.
/// `None` when it holds no encoded word.
pub fn decode_words(raw: &str) -> Option<String> {
    enum Piece<'a> {
        Word(String, Vec<u8>),
        Text(&'a str),
    }
    // Unfolded: the line breaks go, the space that starts a continuation stays.
    let unfolded: String = raw.split(['\r', '\n']).collect();
    let mut pieces = Vec::new();
    let mut rest = unfolded.as_str();
    while let Some(start) = rest.find("=?") {
        match encoded_word(&rest[start..]) {
            Some((charset, bytes, len)) => {
                if start > 0 {
                    pieces.push(Piece::Text(&rest[..start]));
                }
                pieces.push(Piece::Word(charset, bytes));
                rest = &rest[start + len..];
            }
            None => {
                pieces.push(Piece::Text(&rest[..start + 2]));
                rest = &rest[start + 2..];
            }
        }
    }
    if !pieces.iter().any(|p| matches!(p, Piece::Word(..))) {
        return None;
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    let mut out = String::new();
    // The bytes of adjacent encoded words in one charset, not yet decoded.
    let mut pending: Option<(String, Vec<u8>)> = None;
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Text(t) => {
                let between_words = t.trim().is_empty()
                    && i > 0
                    && matches!(pieces[i - 1], Piece::Word(..))
                    && matches!(pieces.get(i + 1), Some(Piece::Word(..)));
                if !between_words {
                    flush(&mut out, &mut pending);
                    out.push_str(t);
                }
            }
            Piece::Word(charset, bytes) => match pending.as_mut() {
                Some((c, b)) if c.eq_ignore_ascii_case(charset) => b.extend_from_slice(bytes),
                _ => {
                    flush(&mut out, &mut pending);
                    pending = Some((charset.clone(), bytes.clone()));
                }
            },
        }
    }
    flush(&mut out, &mut pending);
    Some(out)
}

/// Decodes the pending bytes of encoded words into `out`.
fn flush(out: &mut String, pending: &mut Option<(String, Vec<u8>)>) {
    if let Some((charset, bytes)) = pending.take() {
        out.push_str(&decode_charset(&charset, &bytes));
    }
}

/// Bytes in a charset named by a message (UTF-8 when the name is unknown).
pub fn decode_charset(charset: &str, bytes: &[u8]) -> String {
    let label = charset.split('*').next().unwrap_or(charset).trim();
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    encoding.decode(bytes).0.into_owned()
}

/// One encoded word at the start of `s`: (charset, its bytes, its length in `s`).
fn encoded_word(s: &str) -> Option<(String, Vec<u8>, usize)> {
    let body = s.strip_prefix("=?")?;
    let (charset, body) = body.split_once('?')?;
    let (encoding, body) = body.split_once('?')?;
    let end = body.find("?=")?;
    let text = &body[..end];
    if charset.is_empty() || text.contains(' ') {
        return None;
    }
    let bytes = match encoding {
        "B" | "b" => base64::engine::general_purpose::STANDARD
            .decode(text.trim_end_matches('='))
            .or_else(|_| {
                base64::engine::general_purpose::STANDARD_NO_PAD.decode(text.trim_end_matches('='))
            })
            .ok()?,
        "Q" | "q" => q_decode(text)?,
        _ => return None,
    };
    let len = 2 + charset.len() + 1 + encoding.len() + 1 + end + 2;
    Some((charset.to_string(), bytes, len))
}

/// The «Q» encoding of a header word: `_` a space, `=XX` a byte.
fn q_decode(text: &str) -> Option<Vec<u8>> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'_' => out.push(b' '),
            b'=' => {
                let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    Some(out)
}

/// White space before a character reference written as one `&#32;`: after a closing tag the
/// converter drops a plain space there («<a>ссылка</a> &laquo;» would read «ссылка«»).
fn space_before_entities(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut pending = false;
    for c in html.chars() {
        if c.is_whitespace() {
            pending = true;
            continue;
        }
        if pending {
            out.push_str(if c == '&' { "&#32;" } else { " " });
            pending = false;
        }
        out.push(c);
    }
    if pending {
        out.push(' ');
    }
    out
}

/// HTML as text with its blocks apart: a line for each paragraph, division, heading, list item
/// and table row, cells of a row apart by a tab (`mail-parser` alone runs them together:
/// «Добрый день!Прошу перезвонить.»).
pub fn html_text(html: &str) -> String {
    const BLOCKS: [&str; 17] = [
        "div",
        "p",
        "li",
        "tr",
        "ul",
        "ol",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "dt",
        "dd",
    ];
    let mut marked = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        marked.push_str(&rest[..lt]);
        let tag = &rest[lt + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if BLOCKS.contains(&name.as_str()) {
            marked.push_str("<br>");
        } else if (name == "td" || name == "th") && !tag.starts_with('/') {
            marked.push_str("&#9;");
        }
        marked.push('<');
        rest = tag;
    }
    marked.push_str(rest);
    let text = mail_parser::decoders::html::html_to_text(&space_before_entities(&marked));
    // A line a block, no space at a line's ends (a row's first cell starts its line).
    text.lines()
        .map(|line| line.trim_matches(|c: char| c == ' ' || c == '\t'))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_split_between_two_encoded_words_is_whole() {
        // «Просьба»: the bytes of «с» split between the words.
        assert_eq!(
            decode_words("=?UTF-8?B?0J/RgNC+0Q==?=\r\n =?UTF-8?B?gdGM0LHQsA==?=").as_deref(),
            Some("Просьба")
        );
        assert_eq!(
            decode_words("=?utf-8?Q?=D0=9F=D1=80=D0=BE=D1?= =?utf-8?Q?=81=D1=8C=D0=B1=D0=B0?=")
                .as_deref(),
            Some("Просьба")
        );
        assert_eq!(
            decode_words("Re: =?koi8-r?B?4cvU?= 2026").as_deref(),
            Some("Re: Акт 2026")
        );
        assert_eq!(decode_words("plain"), None);
    }

    #[test]
    fn a_message_without_a_blank_line_after_its_headers_gets_one() {
        let m = b"From: a@b.ru\r\nSubject: x\r\n continued\r\n\xd0\x94\xd0\xb0: yes\r\n";
        let mended = headers_ended(m);
        assert!(mended.starts_with(b"From: a@b.ru\r\nSubject: x\r\n continued\r\n\r\n"));
        let whole = b"From: a@b.ru\n\ntext\n";
        assert!(matches!(headers_ended(whole), Cow::Borrowed(_)));
    }

    #[test]
    fn a_space_before_a_character_reference_stays() {
        for (html, text) in [
            ("<p><a>ссылка</a> &#1046;</p>", "ссылка Ж"),
            ("<b>A</b> &amp; B", "A & B"),
            ("<b>Итого</b>\n &laquo;x&raquo;", "Итого «x»"),
            ("A&amp;B", "A&B"),
        ] {
            assert_eq!(html_text(html), text, "{html}");
        }
    }

    #[test]
    fn html_blocks_stay_apart() {
        let t = html_text(
            "<div>Добрый день!</div><div>Прошу перезвонить.</div><ul><li>раз</li><li>два</li></ul>\
             <table><tr><td>Счёт</td><td>77</td></tr><tr><td>Сумма</td><td>1000</td></tr></table>",
        );
        assert_eq!(
            t,
            "Добрый день!\nПрошу перезвонить.\nраз\nдва\nСчёт\t77\nСумма\t1000"
        );
    }
}
