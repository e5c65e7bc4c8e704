//! The greetings' errors: gifts, documents, periods.

use super::*;

impl Describe for crate::greetings::service::GiftError {
    fn describe(&self) -> String {
        use crate::greetings::service::GiftError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::Repeated { date, handed } => w::gift_repeated(
                &date.map(crate::domain::fmt::date).unwrap_or_default(),
                *handed,
            ),
            E::OverLimit { limit } => w::gift_over_limit(&crate::domain::fmt::money(*limit)),
            E::Field(e) => e.describe(),
            E::AlreadyHanded => w::GIFT_ALREADY_HANDED.into(),
            E::ItemTooLong { max } => w::gift_too_long(*max),
            E::Handover(f) => {
                use crate::greetings::service::HandoverField as F;
                match f {
                    F::Date => w::HANDOVER_DATE,
                    F::Future => w::HANDOVER_FUTURE,
                    F::BeforeBirthday => w::HANDOVER_BEFORE_BIRTHDAY,
                    F::By => w::HANDOVER_BY,
                    F::To => w::HANDOVER_TO,
                }
                .into()
            }
        }
    }
}

impl Describe for crate::greetings::documents::DocumentError {
    fn describe(&self) -> String {
        use crate::greetings::documents::DocumentError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::Pdf(e) => e.describe(),
            E::File(e) => e.describe(),
            E::Template(line) => w::card_template_syntax(*line),
            E::UnknownField(name) => w::card_template_unknown(name),
            E::EmptyCard => w::CARD_EMPTY.into(),
            E::NotTheirDay => w::CARD_NOT_THEIR_DAY.into(),
            E::NotTheirHoliday => w::CARD_NOT_THEIR_HOLIDAY.into(),
            E::NoName => w::CARD_NO_NAME.into(),
            E::NothingToOrder => w::ORDER_NONE.into(),
            E::CardTooLong => w::CARD_TOO_LONG.into(),
            E::CallTime => w::BAD_CALL_TIME.into(),
            E::Period(e) => e.describe(),
        }
    }
}

impl Describe for crate::greetings::PeriodError {
    fn describe(&self) -> String {
        match self {
            crate::greetings::PeriodError::Reversed => w::ERR_BAD_PERIOD.into(),
            crate::greetings::PeriodError::TooLong => w::PERIOD_TOO_LONG.into(),
        }
    }
}
