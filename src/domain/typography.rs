//! Russian typography for letters (DOMAIN.md §1): «ёлочки» instead of straight quotes, a dash
//! instead of a hyphen between words, and no-break spaces where a line must not break: after №,
//! between initials and a surname, before «г.», after a legal form (ООО, АО…), inside numbers
//! grouped by thousands and before ₽.

const NBSP: char = '\u{a0}';
const LEGAL_FORMS: [&str; 10] = [
    "ООО", "АО", "ЗАО", "ОАО", "ПАО", "НАО", "ИП", "МУП", "ГУП", "ФГУП",
];

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
            || is_initials(&before) && after.chars().next().is_some_and(char::is_uppercase)
            || LEGAL_FORMS.contains(&before.as_str()) && !after.is_empty()
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
    fn rules() {
        assert_eq!(typograph("№ 17"), "№\u{a0}17");
        assert_eq!(typograph("И.И. Иванову"), "И.И.\u{a0}Иванову");
        assert_eq!(typograph("ООО \"Ромашка\""), "ООО\u{a0}«Ромашка»");
        assert_eq!(typograph("в 2026 г. решено"), "в 2026\u{a0}г. решено");
        assert_eq!(
            typograph("сумма 12 345,67 ₽"),
            "сумма 12\u{a0}345,67\u{a0}₽"
        );
        assert_eq!(typograph("тариф - новый"), "тариф\u{a0}— новый");
        assert_eq!(typograph("\"Орёл \"ТЭЦ\" и\""), "«Орёл „ТЭЦ“ и»");
        assert_eq!(typograph("дом 12 и 345 квартир"), "дом 12 и 345 квартир");
        let once = typograph("ООО \"Ромашка\", № 5 от 2026 г.");
        assert_eq!(typograph(&once), once, "idempotent");
    }
}
