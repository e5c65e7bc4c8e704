//! Why a typed value was refused: one variant per rule, with the values the message needs.
//! The words are chosen by `i18n` at the edge; the rules never hold Russian text.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::fmt;

/// A field that does not convert to its value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FieldError {
    #[error("required")]
    Required,
    #[error("not a date")]
    Date,
    /// A date written right that the calendar has not («31.02.2024»).
    #[error("no such date")]
    NoSuchDate,
    /// An amount with more than two decimals.
    #[error("more than kopecks")]
    Kopecks,
    /// A number beyond what the field takes.
    #[error("too large")]
    TooLarge,
    #[error("end before start")]
    DateOrder,
    #[error("not a number")]
    Number,
    #[error("negative")]
    Negative,
    #[error("INN has non-digits")]
    InnDigits,
    #[error("INN length")]
    InnLength,
    #[error("INN checksum")]
    InnChecksum,
    #[error("INN of an organisation has 10 digits")]
    InnLegal10,
    #[error("INN of a person has 12 digits")]
    InnPerson12,
    #[error("OGRN has non-digits")]
    OgrnDigits,
    #[error("OGRN length")]
    OgrnLength,
    /// An OGRN not starting with 1 or 5, an OGRNIP not with 3.
    #[error("OGRN first digit")]
    OgrnSign,
    #[error("OGRN checksum")]
    OgrnChecksum,
    #[error("OGRN of an organisation has 13 digits")]
    OgrnLegal13,
    #[error("OGRNIP has 15 digits")]
    Ogrnip15,
    #[error("a citizen has no OGRN")]
    OgrnPerson,
    #[error("KPP pattern")]
    Kpp,
    #[error("KPP only for organisations")]
    KppOnlyLegal,
    #[error("e-mail")]
    Email,
    #[error("empty phone")]
    PhoneEmpty,
    #[error("phone")]
    Phone,
    #[error("phone extension")]
    PhoneExt,
    #[error("phone {item:?} in a list: {error}")]
    PhoneInList {
        item: String,
        error: Box<FieldError>,
    },
    #[error("birthday")]
    Birthday,
    #[error("share")]
    Share,
    #[error("year given twice")]
    VipYearTwice,
    #[error("empty record")]
    RecordEmpty,
    #[error("supervisor of oneself")]
    SupervisorSelf,
    #[error("not a PNG")]
    NotPng,
    #[error("year from 1900 to {max}")]
    Year { max: i32 },
    #[error("number from {min} to {max}")]
    Range { min: u32, max: u32 },
    #[error("INN taken by another client")]
    InnTaken { other: String },
    #[error("number format lacks {{n}}")]
    NumberFormat,
    #[error("holiday rule")]
    HolidayRule,
    #[error("characters the font lacks: {0}")]
    MissingGlyphs(String),
    #[error("name already in the catalogue")]
    NameTaken,
    #[error("time as HH:MM")]
    Time,
    /// A value said inside a sentence, typed over several lines.
    #[error("one line")]
    OneLine,
    #[error("longer than {0} characters")]
    TooLong(usize),
    /// A list of ages («30, 40») with a part that is not an age.
    #[error("ages")]
    Ages,
    /// A period longer than a schedule is made for (three years).
    #[error("period too long")]
    PeriodTooLong,
    #[error("a date after today")]
    FutureDate,
    /// An official's name that does not read as «Фамилия Имя Отчество» or «Фамилия И.О.».
    #[error("surname and name")]
    OfficialName,
}

/// Field key → why it was refused, e.g. `"inn"` → [`FieldError::InnChecksum`].
pub type FieldErrors = BTreeMap<String, FieldError>;

/// Collects the errors of one conversion of a draft.
#[derive(Debug, Default)]
pub struct Check {
    errors: FieldErrors,
}

impl Check {
    /// Keeps the first error of a field.
    pub fn err(&mut self, key: impl Into<String>, e: FieldError) {
        self.errors.entry(key.into()).or_insert(e);
    }
    pub fn required(&mut self, key: &str, value: &str) -> String {
        let v = value.trim();
        if v.is_empty() {
            self.err(key, FieldError::Required);
        }
        v.to_string()
    }
    /// An optional date typed as ДД.ММ.ГГГГ.
    pub fn date(&mut self, key: &str, value: &str) -> Option<NaiveDate> {
        let v = value.trim();
        if v.is_empty() {
            return None;
        }
        let d = fmt::parse_date(v);
        if d.is_none() {
            self.err(key, fmt::date_error(v));
        }
        d
    }
    /// A date that must be there.
    pub fn required_date(&mut self, key: &str, value: &str) -> Option<NaiveDate> {
        if value.trim().is_empty() {
            self.err(key, FieldError::Date);
            return None;
        }
        self.date(key, value)
    }
    pub fn number(&mut self, key: &str, value: &str) -> Option<f64> {
        let v = value.trim();
        if v.is_empty() {
            return None;
        }
        let n = fmt::parse_number(v);
        if n.is_none() {
            self.err(key, FieldError::Number);
        }
        n
    }
    /// A whole number in `min..=max`, or empty.
    pub fn bounded(&mut self, key: &str, value: &str, min: u32, max: u32) -> Option<u32> {
        match value.trim() {
            "" => None,
            v => match v.parse::<u32>() {
                Ok(n) if (min..=max).contains(&n) => Some(n),
                _ => {
                    self.err(key, FieldError::Range { min, max });
                    None
                }
            },
        }
    }
    pub fn date_order(&mut self, key: &str, from: Option<NaiveDate>, to: Option<NaiveDate>) {
        if let (Some(a), Some(b)) = (from, to)
            && b < a
        {
            self.err(key, FieldError::DateOrder);
        }
    }
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }
    pub fn finish<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self.errors)
        }
    }
}
