//! The letters' errors: templates, letters, a merge's skipped client.

use super::*;

impl Describe for TemplateError {
    fn describe(&self) -> String {
        match self {
            TemplateError::Unknown { line, name } => w::template_unknown(*line, name),
            TemplateError::Syntax { line, detail } => w::template_syntax(*line, detail),
            TemplateError::Unsupported { line, tag } => w::template_unsupported(*line, tag),
            TemplateError::TooHeavy => w::TEMPLATE_TOO_HEAVY.into(),
        }
    }
}

impl Describe for LetterError {
    fn describe(&self) -> String {
        match self {
            LetterError::Storage(e) => e.describe(),
            LetterError::Template(e) => e.describe(),
            LetterError::Pdf(e) => e.describe(),
            LetterError::File(e) => e.describe(),
            LetterError::Frozen(id) => w::err_letter_frozen(*id),
            LetterError::BadTransition { from, to } => {
                w::err_letter_transition(from.label(), to.label())
            }
            LetterError::UnknownTemplate(code) => w::unknown_template(code),
            LetterError::Blank(fragment) => w::letter_blank(fragment),
            LetterError::EmptyTemplate => w::MERGE_EMPTY_TEMPLATE.into(),
            LetterError::NeedsAppeal => w::MERGE_NEEDS_APPEAL.into(),
            LetterError::FieldMissing(f) => {
                let option = match f {
                    crate::letters::TemplateField::Date => "--date",
                    crate::letters::TemplateField::Time => "--time",
                    crate::letters::TemplateField::Amount => "--amount",
                    crate::letters::TemplateField::Service => "--service",
                };
                w::merge_field_missing(f.label(), option)
            }
            LetterError::NoCourierLetters => w::NO_COURIER_LETTERS.into(),
            LetterError::NoneHandedOn(date) => w::none_handed_on(&crate::domain::fmt::date(*date)),
            LetterError::EmptySelection => w::MERGE_EMPTY_SELECTION.into(),
            LetterError::MergeUnfinished { done, total } => w::merge_unfinished(*done, *total),
            LetterError::NothingToResume => w::MERGE_NOTHING_TO_RESUME.into(),
            LetterError::NotInSelection(id) => w::merge_not_in_selection(*id),
            LetterError::ExceptOnResume => w::MERGE_EXCEPT_ON_RESUME.into(),
            LetterError::ResumeFields(f, began) => w::merge_resume_fields(f.label(), began),
            LetterError::MergeTwice(at) => w::merge_twice(
                &crate::domain::clock::stamp_local(at)
                    .map(|t| t.format("%H:%M:%S").to_string())
                    .unwrap_or_default(),
            ),
            LetterError::Cancelled => w::MERGE_CANCELLED.into(),
            LetterError::MergeStopped {
                client,
                report,
                cause,
            } => w::merge_stopped(
                client,
                &cause.describe(),
                report.letters.len(),
                report.skipped.len(),
                report.not_done,
            ),
        }
    }
}

impl Describe for SkipReason {
    fn describe(&self) -> String {
        match self {
            SkipReason::NoAddressee => w::MERGE_NO_ADDRESSEE.into(),
        }
    }
}
