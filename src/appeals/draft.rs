//! The appeal form as typed: the date and time of receipt as text, checked into an appeal.

use chrono::{NaiveDateTime, NaiveTime};

use super::model::Appeal;
use crate::domain::error::{Check, FieldError, FieldErrors};
use crate::domain::fmt;

/// An appeal as the form holds it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppealDraft {
    /// The appeal's other fields, edited in place.
    pub appeal: Appeal,
    pub date: String,
    pub time: String,
}

impl AppealDraft {
    pub fn from_value(a: &Appeal) -> AppealDraft {
        AppealDraft {
            date: fmt::date(a.received_at.date()),
            time: a.received_at.format("%H:%M").to_string(),
            appeal: a.clone(),
        }
    }

    /// The appeal, or the errors keyed by field: a date and a time of receipt not after `now`,
    /// a client, a subject.
    pub fn to_value(&self, now: NaiveDateTime) -> Result<Appeal, FieldErrors> {
        let mut ck = Check::default();
        let date = ck.required_date("received_at", &self.date);
        let time = match self.time.trim() {
            "" => Some(NaiveTime::MIN),
            t => {
                let parsed = crate::domain::fmt::parse_time(t);
                if parsed.is_none() {
                    ck.err("received_time", FieldError::Time);
                }
                parsed
            }
        };
        let received_at = date.zip(time).map(|(d, t)| d.and_time(t));
        if received_at.is_some_and(|r| r > now + chrono::Duration::minutes(5)) {
            ck.err("received_at", FieldError::FutureDate);
        }
        if self.appeal.client_id <= 0 {
            ck.err("client", FieldError::Required);
        }
        ck.required("subject", &self.appeal.subject);
        let a = Appeal {
            received_at: received_at.unwrap_or(self.appeal.received_at),
            subject: self.appeal.subject.trim().to_string(),
            body: self.appeal.body.trim_end().to_string(),
            sender: self.appeal.sender.trim().to_string(),
            sender_contact: self.appeal.sender_contact.trim().to_string(),
            ..self.appeal.clone()
        };
        ck.finish(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .unwrap_or_default()
    }

    #[test]
    fn the_form_checks_date_time_client_and_subject() {
        let d = AppealDraft {
            date: "31.02.2026".into(),
            time: "25:00".into(),
            ..Default::default()
        };
        let e = d.to_value(now()).expect_err("bad");
        assert_eq!(e["received_at"], FieldError::NoSuchDate);
        assert_eq!(e["received_time"], FieldError::Time);
        assert_eq!(e["client"], FieldError::Required);
        assert_eq!(e["subject"], FieldError::Required);
        let mut d = AppealDraft {
            date: "26.11.2026".into(),
            time: "09:00".into(),
            ..Default::default()
        };
        d.appeal.client_id = 1;
        d.appeal.subject = " Счёт ".into();
        assert_eq!(
            d.to_value(now()).expect_err("future")["received_at"],
            FieldError::FutureDate
        );
        d.date = "25.11.2026".into();
        let a = d.to_value(now()).expect("ok");
        assert_eq!(a.subject, "Счёт");
        assert_eq!(
            a.received_at.format("%d.%m.%Y %H:%M").to_string(),
            "25.11.2026 09:00"
        );
    }
}
