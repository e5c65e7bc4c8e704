//! Reading the rows of an exchange file as a person sees them in Excel or Notepad: CSV
//! (`;` or `,`) in UTF-8 or Windows-1251, or the first sheet of an XLSX workbook.
//!
//! The CSV reader is strict and written here on purpose: the `csv` crate reads a stray quote
//! to the end of the file as one field, without an error, so one `"` at the start of an
//! address swallowed every following row. Here a quoted field that does not close within a
//! sane size, a character after a closing quote, or a control character rejects that row with
//! its line, and reading goes on with the next line.

/// A quoted field longer than this is taken for an unclosed quote.
pub const MAX_FIELD: usize = 4_000;

/// Why a CSV row could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvProblem {
    /// A quote opened and not closed (within [`MAX_FIELD`] characters).
    UnclosedQuote,
    /// Something other than the delimiter or the line's end after a closing quote.
    TextAfterQuote,
    /// A control character (a byte below 32 other than tab and line breaks).
    ControlChar,
}

/// A row of the file: its line (from 1, as an editor shows it) and its cells, or what was
/// wrong with it.
pub type Row = (usize, Result<Vec<String>, CsvProblem>);

/// How the bytes of a CSV file were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1251,
}

/// The file is UTF-8 for the most part but has bytes that are not: reading it as
/// Windows-1251 would garble what is UTF-8, so it is refused, naming the first bad line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MixedEncoding {
    pub line: usize,
}

/// Decodes a CSV file's bytes: UTF-8 (with or without BOM) when it is valid UTF-8;
/// Windows-1251 only when nothing in it reads as UTF-8 Cyrillic; a mix is refused.
pub fn decode_text(bytes: &[u8]) -> Result<(String, Encoding), MixedEncoding> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), Encoding::Utf8)),
        Err(e) => {
            // Russian letters in UTF-8 mean the file is UTF-8; other multibyte characters can
            // be two Windows-1251 letters by chance («Фё» is the bytes of U+0538).
            let valid_multibyte = String::from_utf8_lossy(bytes)
                .chars()
                .any(|c| matches!(c, 'А'..='я' | 'Ё' | 'ё'));
            if valid_multibyte {
                let line = 1 + bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count();
                return Err(MixedEncoding { line });
            }
            let text = encoding_rs::WINDOWS_1251.decode(bytes).0.into_owned();
            Ok((text, Encoding::Windows1251))
        }
    }
}

/// The delimiter of a CSV text: `;` unless the first line has more commas.
pub fn delimiter(text: &str) -> char {
    let first = text.lines().next().unwrap_or_default();
    if first.matches(';').count() >= first.matches(',').count() {
        ';'
    } else {
        ','
    }
}

/// The physical lines of `text` with their numbers; a line keeps no terminator. `\r\n`, `\n`
/// and a lone `\r` all end a line, as editors count them.
fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\r' => {
                out.push(&text[start..i]);
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                start = i;
            }
            b'\n' => {
                out.push(&text[start..i]);
                i += 1;
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < b.len() {
        out.push(&text[start..]);
    }
    out
}

fn is_control(c: char) -> bool {
    (c < ' ' && c != '\t') || c == '\u{7f}'
}

/// Reads the rows of a CSV text. A quoted field may span lines; a row that cannot be read is
/// given with its problem, and reading resumes on the line after the one it started on.
pub fn read_csv(text: &str, delimiter: char) -> Vec<Row> {
    let lines = lines(text);
    let mut rows = Vec::new();
    let mut n = 0;
    while n < lines.len() {
        match read_row(&lines, n, delimiter) {
            Ok((cells, next)) => {
                rows.push((n + 1, Ok(cells)));
                n = next;
            }
            Err(problem) => {
                rows.push((n + 1, Err(problem)));
                n += 1;
            }
        }
    }
    rows
}

/// One row starting on line `n`: its cells and the index of the line after it.
fn read_row(
    lines: &[&str],
    mut n: usize,
    delimiter: char,
) -> Result<(Vec<String>, usize), CsvProblem> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars: Vec<char> = lines[n].chars().collect();
    let mut i = 0;
    loop {
        // The start of a cell.
        if chars.get(i) == Some(&'"') {
            i += 1;
            let mut len = 0;
            // A quoted cell, which may go on to the next lines.
            loop {
                match chars.get(i) {
                    Some('"') if chars.get(i + 1) == Some(&'"') => {
                        cell.push('"');
                        i += 2;
                    }
                    Some('"') => {
                        i += 1;
                        break;
                    }
                    Some(&c) => {
                        if is_control(c) {
                            return Err(CsvProblem::ControlChar);
                        }
                        cell.push(c);
                        i += 1;
                    }
                    None => {
                        n += 1;
                        if n >= lines.len() {
                            return Err(CsvProblem::UnclosedQuote);
                        }
                        cell.push('\n');
                        chars = lines[n].chars().collect();
                        i = 0;
                    }
                }
                len += 1;
                if len > MAX_FIELD {
                    return Err(CsvProblem::UnclosedQuote);
                }
            }
            match chars.get(i) {
                None => {
                    cells.push(std::mem::take(&mut cell));
                    return Ok((cells, n + 1));
                }
                Some(&c) if c == delimiter => {
                    cells.push(std::mem::take(&mut cell));
                    i += 1;
                }
                Some(_) => return Err(CsvProblem::TextAfterQuote),
            }
        } else {
            // A plain cell: to the delimiter or the line's end.
            loop {
                match chars.get(i) {
                    None => {
                        cells.push(std::mem::take(&mut cell));
                        return Ok((cells, n + 1));
                    }
                    Some(&c) if c == delimiter => {
                        cells.push(std::mem::take(&mut cell));
                        i += 1;
                        break;
                    }
                    Some(&c) => {
                        if is_control(c) {
                            return Err(CsvProblem::ControlChar);
                        }
                        cell.push(c);
                        i += 1;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(rows: &[Row]) -> Vec<(usize, Vec<&str>)> {
        rows.iter()
            .filter_map(|(l, r)| {
                r.as_ref()
                    .ok()
                    .map(|c| (*l, c.iter().map(String::as_str).collect()))
            })
            .collect()
    }

    #[test]
    fn quotes_delimiters_and_line_breaks_of_every_kind() {
        let text = "a;b\r\n\"x;y\";\"he said \"\"hi\"\"\"\r\n\"two\nlines\";z\rlast;1";
        let rows = read_csv(text, ';');
        assert_eq!(
            ok(&rows),
            vec![
                (1, vec!["a", "b"]),
                (2, vec!["x;y", "he said \"hi\""]),
                (3, vec!["two\nlines", "z"]),
                (5, vec!["last", "1"]),
            ]
        );
    }

    #[test]
    fn a_stray_quote_rejects_its_row_only() {
        let mut text = String::from("name;address\n");
        for i in 1..=200 {
            if i == 100 {
                text.push_str(&format!("client {i};\"unclosed address\n"));
            } else {
                text.push_str(&format!("client {i};street {i}\n"));
            }
        }
        let rows = read_csv(&text, ';');
        let bad: Vec<_> = rows.iter().filter(|(_, r)| r.is_err()).collect();
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].0, 101, "the line as an editor shows it");
        assert_eq!(bad[0].1, Err(CsvProblem::UnclosedQuote));
        assert_eq!(ok(&rows).len(), 200, "the header and the 199 other rows");
    }

    #[test]
    fn text_after_a_quote_and_control_characters_are_refused() {
        let rows = read_csv("\"a\"b;c\nx\u{1}y;z\nfine;row\n", ';');
        assert_eq!(rows[0], (1, Err(CsvProblem::TextAfterQuote)));
        assert_eq!(rows[1], (2, Err(CsvProblem::ControlChar)));
        assert_eq!(ok(&rows), vec![(3, vec!["fine", "row"])]);
    }

    /// «Фё» in Windows-1251 is D4 B8, valid UTF-8 (U+0538): still read as Windows-1251.
    #[test]
    fn windows_1251_with_letters_that_look_like_utf8() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Краткое наименование\nИП Фёдоров\n");
        let (text, enc) = decode_text(&bytes).expect("decoded");
        assert_eq!(enc, Encoding::Windows1251);
        assert!(text.contains("ИП Фёдоров"), "{text}");
    }

    #[test]
    fn utf8_unless_nothing_reads_as_utf8() {
        let utf8 = "ИНН;Имя\n1;Иван\n".as_bytes();
        assert_eq!(decode_text(utf8).map(|d| d.1), Ok(Encoding::Utf8));
        let (cp, _, _) = encoding_rs::WINDOWS_1251.encode("ИНН;Имя\n1;Иван\n");
        assert_eq!(decode_text(&cp).map(|d| d.1), Ok(Encoding::Windows1251));
        let mut mixed = "ИНН;Имя\n1;Иван\n2;".as_bytes().to_vec();
        mixed.push(0xC8);
        mixed.extend_from_slice(b"\n");
        assert_eq!(decode_text(&mixed), Err(MixedEncoding { line: 3 }));
    }
}
