//! Text that comes from outside (an e-mail, an imported file) made safe to keep and to show:
//! no control characters that a terminal obeys (an escape sequence clears the screen, a
//! carriage return overwrites a line), no right-to-left overrides that turn «exe.txt» around,
//! and file names any system can hold.

/// Characters that reorder the text shown around them (U+202A–U+202E, U+2066–U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A one-line field (a subject, a name, a cell): a line break (CR LF as one) and any other
/// control character becomes a space, reordering marks go, the ends are trimmed; every other
/// character (a no-break space too) stays as it was.
pub fn clean_line(s: &str) -> String {
    s.replace("\r\n", " ")
        .chars()
        .filter(|c| !is_bidi_control(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// A text of several lines (a letter's body): line breaks kept (CR LF and a lone CR as LF),
/// tabs kept, any other control character and reordering mark taken out.
pub fn clean_text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !is_bidi_control(*c) && (!c.is_control() || matches!(c, '\n' | '\t')))
        .collect()
}

/// A text as a terminal shows it, not obeys it: a control character other than a tab or a
/// line break, and a reordering mark, printed as `\u{1b}`.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| (c.is_control() && !matches!(c, '\n' | '\t')) || is_bidi_control(c);
    if !s.chars().any(unsafe_char) {
        return s.into();
    }
    s.chars()
        .map(|c| {
            if unsafe_char(c) {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// The longest file name made from a name that came from outside, in characters (most file
/// systems stop at 255 bytes; Cyrillic takes two).
const MAX_NAME: usize = 100;

/// Names Windows keeps for devices, whatever the extension («con», «aux.txt»), superscript
/// digits included («COM¹»).
pub const RESERVED: [&str; 30] = [
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "com¹", "com²", "com³", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6",
    "lpt7", "lpt8", "lpt9", "lpt¹", "lpt²", "lpt³",
];

/// Whether Windows refuses `name` as a file's name or does not keep it as written: a character
/// it forbids (`:` would write into a hidden stream of another file), a control character, a
/// trailing dot or space (dropped), a device name («CON», «aux.pdf»).
pub fn windows_refuses(name: &str) -> bool {
    name.is_empty()
        || name
            .chars()
            .any(|c| "<>:\"/\\|?*".contains(c) || u32::from(c) < 0x20)
        || name.ends_with(['.', ' '])
        || is_device_name(name)
}

/// Whether Windows takes `name` for a device, whatever its extension and spaces before it.
fn is_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default().trim();
    RESERVED.contains(&stem.to_lowercase().as_str())
}

/// A file name from outside (an attachment as sent) that every system can hold and that leads
/// nowhere else: no folders, no control or reordering characters, none Windows refuses
/// (`\ / : * ? " < > |`), no trailing dot or space, no device name, at most [`MAX_NAME`]
/// characters with the extension kept; `fallback` when nothing is left («..», «.»).
pub fn safe_file_name(name: &str, fallback: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = clean_line(base)
        .chars()
        .map(|c| if "<>:\"|?*".contains(c) { '_' } else { c })
        .collect();
    let mut name = cleaned
        .trim_matches(|c: char| c == '.' || c == ' ')
        .to_string();
    if name.is_empty() {
        return fallback.to_string();
    }
    if is_device_name(&name) {
        name.insert(0, '_');
    }
    if name.chars().count() > MAX_NAME {
        let ext: String = match name.rsplit_once('.') {
            Some((_, e)) if e.chars().count() <= 10 => format!(".{e}"),
            _ => String::new(),
        };
        let keep = MAX_NAME - ext.chars().count();
        name = name
            .chars()
            .take(keep)
            .collect::<String>()
            .trim_end_matches(['.', ' '])
            .to_string()
            + &ext;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_windows_refuses_or_changes() {
        for bad in [
            "b:c.pdf",
            "trail.pdf.",
            "trail.pdf ",
            "con.pdf",
            "NUL",
            "aux",
            "COM¹.txt",
            "",
        ] {
            assert!(windows_refuses(bad), "{bad:?}");
        }
        for good in ["письмо VIP-1.pdf", "console.pdf", "com10.pdf", ".hidden"] {
            assert!(!windows_refuses(good), "{good:?}");
        }
    }

    #[test]
    fn escape_sequences_and_line_breaks_leave_a_one_line_field() {
        assert_eq!(
            clean_line("Счёт\u{1b}]0;взлом\u{7}\r\nза октябрь\u{1b}[2J"),
            "Счёт ]0;взлом  за октябрь [2J"
        );
        assert_eq!(clean_line("ИП Воронцов\u{a0}М.Ф."), "ИП Воронцов\u{a0}М.Ф.");
        assert_eq!(clean_line("abc\u{202E}txt.exe"), "abctxt.exe");
        assert_eq!(clean_text("а\r\nб\rв\u{1b}[2J\tг"), "а\nб\nв[2J\tг");
        assert_eq!(terminal_safe("ok\tда\n"), "ok\tда\n");
        assert_eq!(terminal_safe("a\u{1b}[2Jb\r"), "a\\u{1b}[2Jb\\u{d}");
    }

    #[test]
    fn names_from_outside_are_safe_everywhere() {
        assert_eq!(safe_file_name("..", "attachment-1"), "attachment-1");
        assert_eq!(safe_file_name(".", "attachment-1"), "attachment-1");
        assert_eq!(safe_file_name("con", "x"), "_con");
        assert_eq!(safe_file_name("AUX.txt", "x"), "_AUX.txt");
        assert_eq!(
            safe_file_name("..\\..\\evil:name?.pdf", "x"),
            "evil_name_.pdf"
        );
        assert_eq!(safe_file_name("/etc/passwd", "x"), "passwd");
        assert_eq!(safe_file_name("отчёт\u{202E}fdp.exe", "x"), "отчётfdp.exe");
        assert_eq!(safe_file_name("name. ", "x"), "name");
        let long = format!("{}.pdf", "я".repeat(5000));
        let safe = safe_file_name(&long, "x");
        assert_eq!(safe.chars().count(), MAX_NAME);
        assert!(safe.ends_with(".pdf"));
    }
}
