//! E-mail intake: an `.eml` file (what mail programs save) read into what an appeal needs —
//! the sender, the subject, the text, the time it was sent and the attachments. Encoded headers
//! and bodies in UTF-8, KOI8-R and Windows-1251 are decoded by `mail-parser`. Pure: no SQL.

use chrono::NaiveDateTime;
use mail_parser::{MessageParser, MimeHeaders as _};

use crate::domain::text;

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
    let message = MessageParser::default()
        .parse(bytes)
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
    let text = message
        .body_text(0)
        .map(|t| text::clean_text(&t).trim().to_string())
        .unwrap_or_default();
    let attachments = message
        .attachments()
        .enumerate()
        .map(|(i, part)| {
            let fallback = format!("attachment-{}", i + 1);
            let name = text::safe_file_name(part.attachment_name().unwrap_or_default(), &fallback);
            (name, part.contents().to_vec())
        })
        .collect();
    Ok(Email {
        from_name: text::clean_line(from.name().unwrap_or_default()),
        from_address: text::clean_line(&from_address),
        subject: text::clean_line(message.subject().unwrap_or_default()),
        text,
        sent_at,
        message_id: text::clean_line(message.message_id().unwrap_or_default()),
        attachments,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
