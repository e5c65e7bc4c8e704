//! The holidays of the regulation, the people greeted and the rows of a schedule. Plain types.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::domain::Id;

/// A holiday of the regulation: general (category 1) or personal (category 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum Occasion {
    NewYear,
    Defender,
    WomensDay,
    Professional,
    Birthday,
    Jubilee,
}

crate::codes!(Occasion, "occasion", NewYear => "new_year", Defender => "feb23", WomensDay => "mar8", Professional => "professional", Birthday => "birthday", Jubilee => "jubilee");

impl Occasion {
    /// The holiday's category in the regulation: 1 — general, 2 — personal.
    pub fn category(self) -> u8 {
        match self {
            Occasion::Birthday | Occasion::Jubilee => 2,
            _ => 1,
        }
    }
    /// The column of the limits matrix it takes its limit from.
    pub fn limit_kind(self) -> LimitKind {
        match self {
            Occasion::Birthday => LimitKind::Birthday,
            Occasion::Jubilee => LimitKind::Jubilee,
            _ => LimitKind::General,
        }
    }
}

/// The columns of the limits matrix: общий праздник, день рождения, юбилей.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum LimitKind {
    General,
    Birthday,
    Jubilee,
}

/// Who calls to greet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Caller {
    /// The head of the company or a deputy.
    Director,
    /// The client's personal manager.
    Manager,
}

/// Who hands the gift and the named card over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum GiftBy {
    /// Through the client's representative who visits the company (general holidays).
    Representative,
    /// The personal manager, to the person (birthdays of categories 1–2).
    Manager,
    /// Another employee of the branch (birthdays of category 3).
    BranchEmployee,
}

/// A person to greet, as the schedule reads them. The texts are shared (`Arc<str>`): a year's
/// schedule repeats each of them in six rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Greeted {
    pub person_id: Id,
    pub name: Arc<str>,
    pub position: Arc<str>,
    /// The greetings category of the person (1–3); `None`: not greeted.
    pub category: Option<u8>,
    /// As the dossier says, else as the name tells; `None`: not known (both 23 February and
    /// 8 March are then kept).
    pub gender: Option<crate::domain::names::Gender>,
    pub birthday: Option<NaiveDate>,
    pub client_id: Id,
    pub client: Arc<str>,
    pub strategic: bool,
    pub manager_id: Option<Id>,
    pub manager: Arc<str>,
    /// The date rule of the client's professional holiday («2 вс 08») and its name.
    pub professional_rule: String,
    pub professional_name: Arc<str>,
}

/// One greeting of the schedule.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Greeting {
    /// The holiday itself.
    pub date: NaiveDate,
    pub occasion: Occasion,
    /// The professional holiday's name; empty for the others.
    pub holiday_name: Arc<str>,
    pub person_id: Id,
    pub person: Arc<str>,
    pub position: Arc<str>,
    pub category: u8,
    /// The age a birthday turns.
    pub age: Option<i32>,
    pub client_id: Id,
    pub client: Arc<str>,
    pub strategic: bool,
    pub manager_id: Option<Id>,
    pub manager: Arc<str>,
    pub callers: Vec<Caller>,
    pub gift_by: GiftBy,
    /// The first day the gift may be handed over (a week before a general holiday; earlier
    /// before the New Year).
    pub hand_from: NaiveDate,
    /// The day the gift is handed over at the latest: the birthday (or the first working day
    /// after), the last working day before a general holiday.
    pub hand_by: NaiveDate,
    /// The last day to hand the gift order to the administrative sector: 10 working days
    /// before the planned greeting, `hand_by`.
    pub order_by: NaiveDate,
    /// The limit of the gift, by the person's category and the kind of holiday.
    pub limit: Option<f64>,
}

/// The settings of the regulation a schedule follows. A setting missing from the saved JSON
/// takes its default.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Regulation {
    /// Ages that make a birthday a jubilee besides every `jubilee_every` years from
    /// `jubilee_from`.
    pub jubilee_ages: Vec<i32>,
    pub jubilee_from: i32,
    pub jubilee_every: i32,
    /// How many days before a general holiday a gift may be handed at the earliest.
    pub general_days_before: u32,
    /// The same before the New Year (the holidays start early).
    pub new_year_days_before: u32,
    /// Working days between the order to the administrative sector and the greeting.
    pub order_working_days: u32,
    /// Oral birthday greetings are made in the first half of the day: by this time.
    pub call_before: String,
    /// Who signs the named cards of general holidays: the head of the company.
    pub director_position: String,
    pub director_name: String,
    /// The text of the named card: a template with `{{ salutation }}`, `{{ name_patronymic }}`,
    /// `{{ holiday }}`, `{{ holiday_with }}`, `{{ company }}`.
    pub card_text: String,
}

impl Default for Regulation {
    fn default() -> Self {
        Regulation {
            jubilee_ages: vec![30, 40],
            jubilee_from: 50,
            jubilee_every: 5,
            general_days_before: 7,
            new_year_days_before: 14,
            order_working_days: 10,
            call_before: "12:00".into(),
            director_position: crate::words::greetings::DIRECTOR_POSITION.into(),
            director_name: String::new(),
            card_text: crate::words::greetings::CARD_TEXT.into(),
        }
    }
}

/// The ranges of the regulation's numbers (the form refuses others; saved ones outside do not
/// read): ages, the step of jubilees, the days before a holiday and of the order.
pub const AGE_RANGE: std::ops::RangeInclusive<u32> = 1..=120;
pub const JUBILEE_EVERY_RANGE: std::ops::RangeInclusive<u32> = 0..=50;
pub const DAYS_RANGE: std::ops::RangeInclusive<u32> = 0..=60;

impl Regulation {
    /// The first field outside its range, if any.
    pub fn out_of_range(&self) -> Option<&'static str> {
        let within = |r: &std::ops::RangeInclusive<u32>, v: i64| {
            u32::try_from(v).is_ok_and(|v| r.contains(&v))
        };
        if !self
            .jubilee_ages
            .iter()
            .all(|a| within(&AGE_RANGE, i64::from(*a)))
        {
            Some("jubilee_ages")
        } else if !within(&AGE_RANGE, i64::from(self.jubilee_from)) {
            Some("jubilee_from")
        } else if !within(&JUBILEE_EVERY_RANGE, i64::from(self.jubilee_every)) {
            Some("jubilee_every")
        } else if !within(&DAYS_RANGE, i64::from(self.general_days_before)) {
            Some("general_days_before")
        } else if !within(&DAYS_RANGE, i64::from(self.new_year_days_before)) {
            Some("new_year_days_before")
        } else if !within(&DAYS_RANGE, i64::from(self.order_working_days)) {
            Some("order_working_days")
        } else if crate::domain::fmt::parse_time(&self.call_before).is_none() {
            Some("call_before")
        } else {
            None
        }
    }

    /// Whether turning `age` is a jubilee.
    pub fn is_jubilee(&self, age: i32) -> bool {
        self.jubilee_ages.contains(&age)
            || self.jubilee_every > 0
                && age >= self.jubilee_from
                && (age - self.jubilee_from) % self.jubilee_every == 0
    }
}

/// The limits of a year: person category (1–3) × kind of holiday, in roubles.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Limits {
    /// `[category − 1][general, birthday, jubilee]`.
    pub matrix: [[f64; 3]; 3],
}

impl Limits {
    /// Whether every limit is a sum of money (not negative, not absurd).
    pub fn is_sane(&self) -> bool {
        self.matrix
            .iter()
            .flatten()
            .all(|v| v.is_finite() && (0.0..=MAX_LIMIT).contains(v))
    }
}

/// The largest sum a limit (or a gift) may be: ten million roubles.
pub const MAX_LIMIT: f64 = 10_000_000.0;

impl Default for Limits {
    /// The regulation's proportions: a birthday about twice a general holiday, a jubilee about
    /// twice a birthday.
    fn default() -> Self {
        Limits::proportional([5_000.0, 3_000.0, 1_500.0])
    }
}

impl Limits {
    /// The matrix from the general holiday's limit of each category, in the regulation's
    /// proportions (1 : 2 : 4).
    pub fn proportional(general: [f64; 3]) -> Limits {
        Limits {
            matrix: general.map(|g| [g, g * 2.0, g * 4.0]),
        }
    }

    pub fn get(&self, category: u8, kind: LimitKind) -> Option<f64> {
        let row = self.matrix.get(usize::from(category.checked_sub(1)?))?;
        Some(match kind {
            LimitKind::General => row[0],
            LimitKind::Birthday => row[1],
            LimitKind::Jubilee => row[2],
        })
    }

    /// The categories whose matrix departs from the proportions by more than a quarter:
    /// (category, birthday ÷ general, jubilee ÷ birthday).
    pub fn departures(&self) -> Vec<(u8, f64, f64)> {
        let off = |ratio: f64| !(1.5..=2.5).contains(&ratio);
        self.matrix
            .iter()
            .enumerate()
            .filter_map(|(i, [g, b, j])| {
                let (rb, rj) = (b / g, j / b);
                (off(rb) || off(rj)).then_some((i as u8 + 1, rb, rj))
            })
            .collect()
    }
}

/// Where a gift's order stands (regulation p. 8): drafted by the VIP group, approved by the
/// head of the company, handed to the administrative sector (АХС), bought, handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize)]
pub enum GiftStatus {
    #[default]
    Draft,
    Approved,
    Sent,
    Bought,
    Handed,
}

crate::codes!(GiftStatus, "gift status", Draft => "draft", Approved => "approved", Sent => "sent", Bought => "bought", Handed => "handed");

impl GiftStatus {
    /// The status that follows this one; `None` once handed.
    pub fn next(self) -> Option<GiftStatus> {
        match self {
            GiftStatus::Draft => Some(GiftStatus::Approved),
            GiftStatus::Approved => Some(GiftStatus::Sent),
            GiftStatus::Sent => Some(GiftStatus::Bought),
            GiftStatus::Bought => Some(GiftStatus::Handed),
            GiftStatus::Handed => None,
        }
    }
    /// Whether the order has not reached the administrative sector yet.
    pub fn before_order(self) -> bool {
        matches!(self, GiftStatus::Draft | GiftStatus::Approved)
    }
}

/// A gift planned for or handed to a person.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Gift {
    pub id: Option<Id>,
    pub person_id: Id,
    pub occasion: Option<Occasion>,
    /// The holiday it is (or was) for.
    pub holiday_date: Option<NaiveDate>,
    pub item: String,
    pub amount: Option<f64>,
    pub status: GiftStatus,
    /// When the order was approved, handed to the administrative sector, bought.
    pub approved_on: Option<NaiveDate>,
    pub sent_on: Option<NaiveDate>,
    pub bought_on: Option<NaiveDate>,
    /// Handed over: when, by whom, to whom.
    pub handed_on: Option<NaiveDate>,
    pub handed_by: String,
    pub handed_to: String,
    /// The person's category and the client's strategic flag when the gift was planned: a
    /// change of either changes the regulation the gift was planned by.
    pub planned_category: Option<u8>,
    pub planned_strategic: Option<bool>,
}

/// A gift with the person, the client and the dates the regulation sets for it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct GiftRow {
    pub gift: Gift,
    pub person: String,
    pub position: String,
    /// The person's category and the client's strategic flag now.
    pub category: Option<u8>,
    pub strategic: bool,
    pub client_id: Id,
    pub client: String,
    pub manager_id: Option<Id>,
    /// The client's professional holiday's name (a gift for `Professional`).
    pub holiday_name: String,
    /// The last day to hand the gift over (the last working day before a general holiday;
    /// the birthday or the first working day after).
    pub hand_by: Option<NaiveDate>,
    /// The last day to hand the order to the administrative sector.
    pub order_by: Option<NaiveDate>,
    /// The limit of the gift by the person's category now.
    pub limit: Option<f64>,
}

/// A gift idea for a person (as Monica keeps them), with whether it has been given since.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct GiftIdea {
    pub id: Option<Id>,
    pub person_id: Id,
    pub item: String,
    pub note: String,
    /// The person has had (or is to have) this gift.
    pub given: bool,
}

/// The text of a gift as compared: small letters, «ё» as «е», one space between words, no
/// quotes — «Набор  «Орловский»» and «набор орловский» are the same gift.
pub fn gift_key(item: &str) -> String {
    crate::domain::fmt::search_key(item)
        .chars()
        .filter(|c| !"«»\"„“'".contains(*c))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A sum of roubles as typed («4 500», «4500,50»): empty is none; kopecks at most, not
/// negative, not absurd.
pub fn parse_amount(input: &str) -> Result<Option<f64>, crate::domain::FieldError> {
    use crate::domain::{FieldError, fmt};
    let input = input.trim().trim_end_matches('₽').trim();
    if input.is_empty() {
        return Ok(None);
    }
    let decimals = input
        .rsplit_once([',', '.'])
        .map_or(0, |(_, d)| d.trim().len());
    match fmt::parse_number(input) {
        Some(x) if x < 0.0 => Err(FieldError::Negative),
        Some(_) if decimals > 2 => Err(FieldError::Kopecks),
        Some(x) if x <= 10_000_000.0 => Ok(Some(x)),
        Some(_) => Err(FieldError::TooLarge),
        None => Err(FieldError::Number),
    }
}

/// The longest period a schedule is made for: three years.
pub const MAX_PERIOD_DAYS: i64 = 3 * 366;

/// Why a period is not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("the period ends before it starts")]
    Reversed,
    #[error("the period is longer than three years")]
    TooLong,
}

/// A period a schedule can be made for.
pub fn check_period(from: NaiveDate, to: NaiveDate) -> Result<(), PeriodError> {
    if to < from {
        Err(PeriodError::Reversed)
    } else if (to - from).num_days() > MAX_PERIOD_DAYS {
        Err(PeriodError::TooLong)
    } else {
        Ok(())
    }
}
