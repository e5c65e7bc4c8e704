//! Russian typography for letters (DOMAIN.md §1): «ёлочки» instead of straight quotes, a dash
//! instead of a hyphen between words, and no-break spaces where a line must not break: after №,
//! between initials and a surname, before «г.», after a legal form (ООО, АО…), after a
//! one-letter word or a short preposition or conjunction («в», «и», «на», «для», «или»), after «ул.», «д.», «тел.», «г.», «e-mail», «ИНН/КПП», inside
//! numbers grouped by thousands and before ₽. And where a word may be hyphenated: the Russian
//! Knuth–Liang patterns of hyph-utf8 (through the `hyphenation` crate).

const NBSP: char = '\u{a0}';

/// Abbreviations kept with what follows them («ул.\u{a0}Ленина», «тел.\u{a0}+7…»).
const KEEP_WITH_NEXT: [&str; 24] = [
    "г.",
    "ул.",
    "д.",
    "тел.",
    "тел.:",
    "пр.",
    "пер.",
    "корп.",
    "кв.",
    "стр.",
    "пл.",
    "обл.",
    "пос.",
    "с.",
    "п.",
    "ст.",
    "e-mail",
    "e-mail:",
    "ИНН",
    "КПП",
    "ИНН/КПП",
    "ОГРН",
    "пгт",
    "(г.",
];

/// What an abbreviation is kept with: «г. Орёл», «д. 5», «тел. +7…», «ИНН 5753…» — not the
/// next word of a sentence («в 2026 г. решено»).
fn starts_a_name_or_number(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "+(«№".contains(c))
        || word.contains('@')
}

/// Prepositions, conjunctions and particles of two or three letters that must not end a line
/// («тарифов на / электрическую» is a hanging preposition).
const SHORT_WORDS: [&str; 24] = [
    "на", "по", "от", "до", "за", "из", "об", "во", "со", "ко", "не", "ни", "но", "да", "под",
    "над", "при", "про", "для", "без", "обо", "изо", "ото", "или",
];

/// A word of one letter, or a short preposition or conjunction, that must not end a line.
fn keeps_next_word(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
        || SHORT_WORDS.contains(&word.to_lowercase().as_str())
}

/// Applies the rules to a text; idempotent.
pub fn typograph(text: &str) -> String {
    let quoted = quotes(text);
    let chars: Vec<char> = quoted.chars().collect();
    let mut out = String::with_capacity(quoted.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        if c == '-' && prev == Some(' ') && next == Some(' ') {
            // « - » between words is a dash, kept with the word before it.
            if out.ends_with(' ') {
                out.pop();
                out.push(NBSP);
            }
            out.push('—');
            continue;
        }
        if c != ' ' {
            out.push(c);
            continue;
        }
        let before: String = chars[..i]
            .iter()
            .rev()
            .take_while(|c| !c.is_whitespace())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after: String = chars[i + 1..]
            .iter()
            .take_while(|c| !c.is_whitespace())
            .collect();
        let keep = before == "№"
            || !after.is_empty() && keeps_next_word(&before)
            || KEEP_WITH_NEXT.contains(&before.as_str()) && starts_a_name_or_number(&after)
            || is_initials(&before) && after.chars().next().is_some_and(char::is_uppercase)
            || super::names::is_legal_form(&before) && !after.is_empty()
            || (after == "г." || after.starts_with("г.") && after.len() <= 4)
                && before.chars().last().is_some_and(|c| c.is_ascii_digit())
            || after.starts_with('₽')
            || after.starts_with('—')
            || before.chars().all(|c| c.is_ascii_digit())
                && !before.is_empty()
                && before.len() <= 3
                && after.len() >= 3
                && after.chars().take(3).all(|c| c.is_ascii_digit())
                && !after.chars().nth(3).is_some_and(|c| c.is_ascii_digit());
        out.push(if keep { NBSP } else { ' ' });
    }
    out
}

/// Where a word may be broken at the end of a line: byte offsets into `word`, each leaving at
/// least two letters on both sides. Only lower-case letter runs of four letters or more are
/// hyphenated (not abbreviations, numbers or names in capitals); a word with a hyphen may break
/// after it.
pub fn hyphen_points(word: &str) -> Vec<usize> {
    points(word, false)
}

/// Where a name may be broken as a last resort (a company's name in a justified line that
/// would otherwise gape: «Орелэнерго-сбыт»): the syllable breaks of capitalised words.
pub fn name_hyphen_points(word: &str) -> Vec<usize> {
    points(word, true)
}

fn points(word: &str, names: bool) -> Vec<usize> {
    use hyphenation::Hyphenator;
    let mut out = Vec::new();
    let dict = dictionary();
    let mut run_start: Option<usize> = None;
    let check_run = |start: usize, end: usize, out: &mut Vec<usize>| {
        let run = &word[start..end];
        let letters = run.chars().count();
        // Abbreviations and a company's name in capitals are never broken; a name only when
        // asked for.
        let mut chars = run.chars();
        let lower = |mut c: std::str::Chars| c.all(char::is_lowercase);
        let fits = if names {
            chars.next().is_some_and(char::is_uppercase) && lower(chars)
        } else {
            lower(chars)
        };
        if letters < 4 || !fits {
            return;
        }
        if let Some(dict) = dict {
            let lower = run.to_lowercase();
            if lower.len() != run.len() {
                return;
            }
            for b in dict.hyphenate(&lower).breaks {
                let before = run[..b].chars().count();
                if before >= 2 && letters - before >= 2 {
                    out.push(start + b);
                }
            }
        }
    };
    for (i, c) in word.char_indices() {
        if c.is_alphabetic() {
            run_start.get_or_insert(i);
        } else {
            if let Some(start) = run_start.take() {
                check_run(start, i, &mut out);
            }
            // After the hyphen of a compound word («какой-либо»), never inside a number
            // («44-02-00»).
            let letter_before = || {
                word[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
            };
            let letter_after = || {
                word[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
            };
            if c == '-' && !names && letter_before() && letter_after() {
                out.push(i + 1);
            }
        }
    }
    if let Some(start) = run_start {
        check_run(start, word.len(), &mut out);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The Russian patterns, loaded once; `None` if the embedded file were unreadable (then
/// nothing is hyphenated).
fn dictionary() -> Option<&'static hyphenation::Standard> {
    use hyphenation::{Language, Load, Standard};
    static DICT: std::sync::OnceLock<Option<Standard>> = std::sync::OnceLock::new();
    DICT.get_or_init(|| {
        let bytes: &[u8] = include_bytes!("../../assets/hyphenation/ru.standard.bincode");
        Standard::from_reader(Language::Russian, &mut &bytes[..]).ok()
    })
    .as_ref()
}

/// «И.И.», «И.»: initials before a surname.
fn is_initials(s: &str) -> bool {
    let parts: Vec<&str> = s.split_terminator('.').collect();
    !parts.is_empty()
        && parts.len() <= 2
        && s.ends_with('.')
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// Straight double quotes to «ёлочки» (nested ones to „лапки“).
fn quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if c == '"' {
            let opening = prev.is_none_or(|p| p.is_whitespace() || "([«„—-".contains(p));
            if opening {
                out.push(if depth == 0 { '«' } else { '„' });
                depth += 1;
            } else {
                depth = depth.saturating_sub(1);
                out.push(if depth == 0 { '»' } else { '“' });
            }
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_hyphenation() {
        let split = |w: &str| {
            let mut parts = Vec::new();
            let mut from = 0;
            for p in hyphen_points(w) {
                parts.push(&w[from..p]);
                from = p;
            }
            parts.push(&w[from..]);
            parts.join("-").replace("--", "-")
        };
        assert_eq!(split("электроэнергии"), "элек-тро-энер-гии");
        assert_eq!(split("обращение,"), "об-ра-ще-ние,");
        assert_eq!(split("ООО"), "ООО");
        assert_eq!(split("2026"), "2026");
        assert_eq!(split("какой-либо"), "ка-кой-ли-бо");
        assert_eq!(
            split("Орелэнергосбыт"),
            "Орелэнергосбыт",
            "a name is not broken"
        );
        assert_eq!(split("Родионова"), "Родионова");
        assert!(
            hyphen_points("44-02-00,").is_empty(),
            "a phone is not broken"
        );
    }

    #[test]
    fn rules() {
        assert_eq!(typograph("№ 17"), "№\u{a0}17");
        assert_eq!(
            typograph("Об изменении тарифов на электрическую энергию для ООО \"Ромашка\""),
            "Об\u{a0}изменении тарифов на\u{a0}электрическую энергию для\u{a0}ООО\u{a0}«Ромашка»"
        );
        assert_eq!(typograph("И.И. Иванову"), "И.И.\u{a0}Иванову");
        assert_eq!(typograph("ООО \"Ромашка\""), "ООО\u{a0}«Ромашка»");
        assert_eq!(typograph("в 2026 г. решено"), "в\u{a0}2026\u{a0}г. решено");
        assert_eq!(
            typograph("сумма 12 345,67 ₽"),
            "сумма 12\u{a0}345,67\u{a0}₽"
        );
        assert_eq!(typograph("тариф - новый"), "тариф\u{a0}— новый");
        assert_eq!(typograph("\"Орёл \"ТЭЦ\" и\""), "«Орёл „ТЭЦ“ и»");
        assert_eq!(
            typograph("дом 12 и 345 квартир"),
            "дом 12 и\u{a0}345 квартир"
        );
        assert_eq!(
            typograph("в г. Орёл, ул. Ленина, д. 5, тел. 44-02-00, e-mail: a@b.ru"),
            "в\u{a0}г.\u{a0}Орёл, ул.\u{a0}Ленина, д.\u{a0}5, тел.\u{a0}44-02-00, e-mail:\u{a0}a@b.ru"
        );
        assert_eq!(typograph("ИНН/КПП 5753/5701"), "ИНН/КПП\u{a0}5753/5701");
        assert_eq!(typograph("я и он"), "я\u{a0}и\u{a0}он");
        assert_eq!(typograph("конец в"), "конец в", "nothing to keep with");
        let once = typograph("ООО \"Ромашка\", № 5 от 2026 г.");
        assert_eq!(typograph(&once), once, "idempotent");
    }
}
