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

/// The settings of the regulation a schedule follows.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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
        }
    }
}

impl Regulation {
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
pub struct Limits {
    /// `[category − 1][general, birthday, jubilee]`.
    pub matrix: [[f64; 3]; 3],
}

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
    /// Handed over: when, by whom, to whom.
    pub handed_on: Option<NaiveDate>,
    pub handed_by: String,
    pub handed_to: String,
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
