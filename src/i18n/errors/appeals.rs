//! The appeals' errors, the fields of their forms, the calendar, e-mail intake, the call card, the reports.

use super::*;

/// The field errors of a form as one sentence: «тема: обязательное поле; …».
pub fn fields_sentence(
    errors: &crate::domain::FieldErrors,
    label: impl Fn(&str) -> &'static str,
) -> String {
    errors
        .iter()
        .map(|(k, e)| format!("{}: {}", label(k), e.describe()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The label of a field of the appeal's form or settings.
pub fn appeal_field(key: &str) -> &'static str {
    match key {
        "client" => w::F_APPEAL_CLIENT,
        "subject" => w::F_APPEAL_SUBJECT,
        "received_at" => w::F_APPEAL_RECEIVED,
        "close_note" => w::F_APPEAL_NOTE,
        "topic" => w::F_APPEAL_TOPIC,
        "forward_answer" => w::F_APPEAL_FORWARD_ANSWER,
        "number_format" => w::F_NUMBER_FORMAT,
        "terms" => w::F_TERMS,
        "max_extension_days" => w::F_MAX_EXTENSION,
        _ => w::F_DUE_SOON,
    }
}

impl Describe for crate::appeals::AppealError {
    fn describe(&self) -> String {
        use crate::appeals::AppealError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::Letter(e) => e.describe(),
            E::Invalid(errors) => w::err_appeal_fields(&fields_sentence(errors, appeal_field)),
            E::BadTransition { from, to } => w::err_appeal_transition(from.label(), to.label()),
            E::CloseWithoutAnswer(kind) => {
                w::err_close_without_answer(w::kind_accusative(crate::domain::Code::code(*kind)))
            }
            E::NoAnswer => w::ERR_NO_ANSWER.into(),
            E::OtherChannel { chosen, used } => w::err_other_channel(
                w::channel_by(crate::domain::Code::code(*chosen)),
                w::channel_by(crate::domain::Code::code(*used)),
            ),
            E::PostIsALetter => w::ERR_POST_IS_A_LETTER.into(),
            E::NoDepartment => w::ERR_NO_DEPARTMENT.into(),
            E::NoReason => w::ERR_NO_REASON.into(),
            E::ExtensionDays { max } => w::err_extension_days(*max),
            E::AlreadyExtended(d) => w::err_already_extended(&crate::domain::fmt::date(*d)),
            E::NotRegistered(id) => w::err_not_registered(*id),
            E::AlreadyImported { number, .. } => w::err_already_imported(number),
            E::File(e) => e.describe(),
            E::Xlsx(_) => w::ERR_XLSX_APPEALS.into(),
            E::TooManyRows(n) => w::err_too_many_rows(*n),
        }
    }
}

impl Describe for crate::calendar::service::CalendarError {
    fn describe(&self) -> String {
        use crate::calendar::service::CalendarError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::NoDecree => w::ERR_CALENDAR_NO_DECREE.into(),
            E::YearOutOfRange(y) => w::err_calendar_year(*y),
        }
    }
}

impl Describe for crate::appeals::intake::IntakeError {
    fn describe(&self) -> String {
        use crate::appeals::intake::IntakeError as E;
        match self {
            E::NotAnEmail => w::ERR_NOT_AN_EMAIL.into(),
            E::TooLarge { size } => w::err_eml_too_large(&w::file_size(*size as i64)),
        }
    }
}

impl Describe for crate::appeals::call::EmlError {
    fn describe(&self) -> String {
        use crate::appeals::call::EmlError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::Appeal(e) => e.describe(),
            E::Intake(e) => e.describe(),
            E::UnknownSender(a) => w::err_unknown_sender(a),
            E::AmbiguousSender(a) => w::err_ambiguous_sender(a),
        }
    }
}

impl Describe for crate::appeals::call::CallError {
    fn describe(&self) -> String {
        use crate::appeals::call::CallError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::Appeal(e) => e.describe(),
            E::Number(e) => w::err_bad_phone(&e.describe()),
        }
    }
}

impl Describe for crate::appeals::memo::ReportError {
    fn describe(&self) -> String {
        use crate::appeals::memo::ReportError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::Pdf(e) => e.describe(),
            E::File(e) => e.describe(),
            E::BadWeek(s) => w::err_bad_week(s),
            E::BadPeriod => w::ERR_BAD_PERIOD.into(),
            E::FuturePeriod(starts) => w::err_future_period(&crate::domain::fmt::date(*starts)),
            E::FutureWeek { week, starts } => {
                w::err_future_week(week, &crate::domain::fmt::date(*starts))
            }
        }
    }
}
