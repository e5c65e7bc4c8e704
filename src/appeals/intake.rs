//! E-mail intake: an `.eml` file (what mail programs save) read into what an appeal needs —
//! the sender, the subject, the text, the time it was sent and the attachments. Encoded headers
//! and bodies in UTF-8, KOI8-R and Windows-1251 are decoded by `mail-parser`. Pure: no SQL.

use chrono::NaiveDateTime;
use mail_parser::{Message, MessageParser, MessagePart, MessagePartId, MimeHeaders as _, PartType};

use super::intake_mime;
use crate::domain::text;
use crate::words::appeals as wa;

/// The largest `.eml` taken in (a message with big attachments; mail servers stop at 25–50 MB).
pub const MAX_EML_BYTES: usize = 64 * 1024 * 1024;

/// An e-mail as an appeal needs it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Email {
    pub from_name: String,
    pub from_address: String,
    pub subject: String,
    pub text: String,
    /// When it was sent, in local time (the `Date` header).
    pub sent_at: Option<NaiveDateTime>,
    pub message_id: String,
    /// (file name, bytes).
    pub attachments: Vec<(String, Vec<u8>)>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IntakeError {
    #[error("the file is not an e-mail (no sender)")]
    NotAnEmail,
    #[error("the file is {size} bytes, over the limit")]
    TooLarge { size: usize },
}

/// Reads an `.eml` file's bytes.
pub fn parse_eml(bytes: &[u8]) -> Result<Email, IntakeError> {
    if bytes.len() > MAX_EML_BYTES {
        return Err(IntakeError::TooLarge { size: bytes.len() });
    }
    let bytes = intake_mime::headers_ended(bytes);
    let message = MessageParser::default()
        .parse(bytes.as_ref())
        .ok_or(IntakeError::NotAnEmail)?;
    let from = message
        .from()
        .and_then(|a| a.first())
        .ok_or(IntakeError::NotAnEmail)?;
    let from_address = from.address().unwrap_or_default().trim().to_string();
    if from_address.is_empty() {
        return Err(IntakeError::NotAnEmail);
    }
    let sent_at = message.date().and_then(|d| {
        chrono::DateTime::from_timestamp(d.to_timestamp(), 0)
            .map(|utc| utc.with_timezone(&chrono::Local).naive_local())
    });
    let (text, taken) = text_of(&message);
    let attachments = message
        .attachments
        .iter()
        .filter(|id| !taken.contains(id))
        .filter_map(|&id| message.parts.get(id as usize))
        .enumerate()
        .map(|(i, part)| attachment(part, i + 1))
        .collect();
    // Encoded words joined before they are decoded (a character split between two of them).
    let subject = message
        .header_raw("Subject")
        .and_then(intake_mime::decode_words)
        .or_else(|| message.subject().map(str::to_string))
        .unwrap_or_default();
    Ok(Email {
        from_name: text::clean_line(from.name().unwrap_or_default()),
        from_address: text::clean_line(&from_address),
        subject: text::clean_line(&subject),
        text,
        sent_at,
        message_id: text::clean_line(message.message_id().unwrap_or_default()),
        attachments,
    })
}

/// The message's text: every text part in order (a text, a photo, more text: both texts),
/// HTML with its blocks apart; a part of type `text` with no subtype read as text when there
/// is no other. With the ids of the parts taken as text (not attachments then).
fn text_of(message: &Message<'_>) -> (String, Vec<MessagePartId>) {
    let mut texts: Vec<String> = message
        .text_body
        .iter()
        .filter_map(|&id| match &message.parts.get(id as usize)?.body {
            PartType::Text(t) => Some(t.to_string()),
            PartType::Html(h) => Some(intake_mime::html_text(h)),
            _ => None,
        })
        .collect();
    let mut taken = Vec::new();
    if texts.iter().all(|t| t.trim().is_empty()) {
        for (id, part) in message.parts.iter().enumerate() {
            let bare = part.content_type().is_some_and(|ct| {
                ct.ctype().eq_ignore_ascii_case("text") && ct.subtype().is_none()
            }) && part.attachment_name().is_none();
            if bare && let Ok(id) = MessagePartId::try_from(id) {
                let charset = part
                    .content_type()
                    .and_then(|ct| ct.attribute("charset"))
                    .unwrap_or("utf-8");
                texts.push(intake_mime::decode_charset(charset, part.contents()));
                taken.push(id);
            }
        }
    }
    let text = texts
        .iter()
        .map(|t| text::clean_text(t).trim().to_string())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    (text, taken)
}

/// An attachment as (file name, bytes): a forwarded message is an `.eml` named by its subject.
fn attachment(part: &MessagePart<'_>, n: usize) -> (String, Vec<u8>) {
    let name = match (&part.body, part.attachment_name()) {
        (_, Some(name)) => text::safe_file_name(name, &wa::attachment_fallback(n)),
        (PartType::Message(m), None) => {
            let subject = m.subject().map(text::clean_line).unwrap_or_default();
            let stem = text::safe_file_name(&subject, &wa::forwarded_fallback(n));
            format!("{stem}.eml")
        }
        (_, None) => wa::attachment_fallback(n),
    };
    (name, part.contents().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Email {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/mail")
            .join(name);
        parse_eml(&std::fs::read(&path).expect("fixture")).expect(name)
    }

    #[test]
    fn every_text_part_is_kept_in_order() {
        // The iPhone's shape: a text, a photo, more text.
        let e = fixture("text_image_text.eml");
        assert_eq!(
            e.text,
            "Добрый день! Передаю показания счётчика, фото ниже.\n\n\
             Второй абзац после фото: прошу проверить начисление.\nС уважением, Иванов"
        );
        assert_eq!(e.attachments.len(), 1);
        assert_eq!(e.attachments[0].0, "IMG_0001.png");
        assert!(e.attachments[0].1.starts_with(b"\x89PNG"));
        // CPython's msg_21: «One» and «Two», not the preamble or the epilogue.
        let e = fixture("cpython_msg_21.eml");
        assert_eq!(e.text, "One\n\nTwo");
        // CPython's msg_47: parts whose headers have no blank line after them keep their text.
        let e = fixture("cpython_msg_47.eml");
        assert_eq!(e.text, "bar\n\nbaz");
        assert!(e.attachments.is_empty(), "{:?}", e.attachments);
    }

    #[test]
    fn html_only_mail_keeps_its_blocks_apart() {
        let e = fixture("html_only_blocks.eml");
        assert_eq!(
            e.text,
            "Добрый день!\nПрошу перезвонить.\nпервый пункт\nвторой пункт\nСчёт\t77\nСумма\t1000\nСпасибо\nИванов"
        );
        // A word after a tag keeps its space before a character reference.
        let e = fixture("html_entities.eml");
        assert_eq!(
            e.text,
            "По счёту № 77 «за ноябрь» сумма 1 000 ₽ — прошу проверить.\nСайт & телефон"
        );
    }

    #[test]
    fn odd_headers_and_types_lose_nothing() {
        assert_eq!(
            fixture("split_subject.eml").subject,
            "Просьба о перерасчёте"
        );
        let e = fixture("text_no_subtype.eml");
        assert_eq!(e.text, "Когда придёт акт сверки?");
        assert!(e.attachments.is_empty(), "{:?}", e.attachments);
        let e = fixture("no_blank_line.eml");
        assert_eq!(e.subject, "Zvonok");
        assert_eq!(e.text, "Добрый день: прошу перезвонить после 15:00.\nОрлов");
        let e = fixture("forwarded.eml");
        assert_eq!(e.text, "Пересылаю письмо бухгалтерии.");
        assert_eq!(e.attachments.len(), 1);
        assert_eq!(e.attachments[0].0, "Акт сверки_ октябрь.eml");
        assert!(String::from_utf8_lossy(&e.attachments[0].1).contains("Акт сверки во вложении."));
    }

    #[test]
    fn junk_is_not_an_email() {
        assert_eq!(parse_eml(b"\x00\x01\x02"), Err(IntakeError::NotAnEmail));
        assert_eq!(parse_eml(b""), Err(IntakeError::NotAnEmail));
        assert_eq!(
            parse_eml(b"Subject: hi\r\n\r\nno sender"),
            Err(IntakeError::NotAnEmail)
        );
    }
}
