//! The letter form checked into a letter: the reply date as typed, an addressee and a text, and
//! no character the letter's font cannot print.

use super::model::Letter;
use crate::domain::error::{Check, FieldError, FieldErrors};

/// Characters of the letter's text the embedded font has no glyph for, as one string.
pub fn missing_glyphs(l: &Letter) -> String {
    crate::pdf::fonts::fonts()
        .missing_glyphs(&format!(
            "{}{}{}{}",
            l.heading, l.salutation, l.body, l.addressee
        ))
        .into_iter()
        .collect()
}

/// The letter with its reply date, or the errors keyed by field.
pub fn check(letter: &Letter, reply_date: &str) -> Result<Letter, FieldErrors> {
    let mut ck = Check::default();
    let reply_date = ck.date("reply_date", reply_date);
    if letter.addressee.trim().is_empty() {
        ck.err("addressee", FieldError::Required);
    }
    if letter.body.trim().is_empty() {
        ck.err("body", FieldError::Required);
    }
    let missing = missing_glyphs(letter);
    if !missing.is_empty() {
        ck.err("body", FieldError::MissingGlyphs(missing));
    }
    ck.finish(Letter {
        reply_date,
        ..letter.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_needs_an_addressee_a_text_and_printable_characters() {
        let l = Letter {
            addressee: "Директору".into(),
            body: "Текст ☃".into(),
            ..Default::default()
        };
        let e = check(&l, "31.02.2026").expect_err("refused");
        assert_eq!(e["reply_date"], FieldError::NoSuchDate);
        assert_eq!(e["body"], FieldError::MissingGlyphs("☃".into()));
        let ok = check(
            &Letter {
                body: "Текст".into(),
                ..l
            },
            "20.11.2026",
        )
        .expect("fine");
        assert_eq!(ok.reply_date, chrono::NaiveDate::from_ymd_opt(2026, 11, 20));
    }
}
