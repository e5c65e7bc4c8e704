//! The VIP list's and the satisfaction study's errors.

use super::*;

/// The label of a field of the list's forms.
pub fn vip_list_field(key: &str) -> &'static str {
    match key {
        "order_number" => w::FIELD_ORDER_NUMBER,
        "order_date" => w::FIELD_ORDER_DATE,
        "reason" => w::FIELD_VIP_REASON,
        _ => w::FIELD_VIP_ROW,
    }
}

impl Describe for crate::viplist::ListError {
    fn describe(&self) -> String {
        use crate::viplist::ListError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::Denied(d) => d.describe(),
            E::Frozen => w::VIP_LIST_FROZEN.into(),
            E::Exists { year, version } => w::vip_list_exists(*year, *version),
            E::NotLatestApproved => w::VIP_LIST_NOT_LATEST_APPROVED.into(),
            E::Year(y) => w::err_vip_year(*y),
            E::AlreadyListed => w::VIP_LIST_ALREADY_LISTED.into(),
            E::NotApproved => w::VIP_LIST_NOT_APPROVED.into(),
            E::TooEarly(year) => w::vip_list_too_early(*year),
            E::OrderTooEarly { earliest } => {
                w::order_too_early(&crate::domain::fmt::date(*earliest))
            }
            E::CorrectionOpen { version } => w::correction_open(*version),
            E::PastYear(year) => w::appointment_past_year(*year),
            E::AlreadyAppointed { number, date } => {
                w::already_appointed(number, &crate::domain::fmt::date(*date))
            }
            E::Fields(errors) => w::err_vip_list_fields(&fields_sentence(errors, vip_list_field)),
        }
    }
}

impl Describe for crate::viplist::documents::DocumentError {
    fn describe(&self) -> String {
        use crate::viplist::documents::DocumentError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::Pdf(e) => e.describe(),
            E::File(e) => e.describe(),
            E::NoList(year) => w::vip_list_none(*year),
            E::Denied(d) => d.describe(),
            E::NoSurveys(year) => w::no_surveys(*year),
        }
    }
}

/// The label of a field of the survey's form.
pub fn survey_field(key: &str) -> &'static str {
    match key {
        "date" => w::F_SURVEY_DATE,
        "client" => w::F_SURVEY_CLIENT,
        "respondent" => w::F_SURVEY_RESPONDENT,
        "answers" => w::F_SURVEY_ANSWERS,
        "text" => w::F_QUESTION_TEXT,
        "kind" => w::F_QUESTION_KIND,
        _ => w::F_SURVEY_ANSWER,
    }
}

impl Describe for crate::viplist::survey::SurveyError {
    fn describe(&self) -> String {
        use crate::viplist::survey::SurveyError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::Fields(errors) => w::err_survey_fields(&fields_sentence(errors, survey_field)),
            E::NothingToRegister => w::SURVEY_NOTHING_TO_REGISTER.into(),
            E::Appeal(e) => e.describe(),
        }
    }
}
