//! Outgoing letters: their status flow, the register's rows and filters, the templates and
//! what they can refer to, the mail merge's job and outcome. Plain types: no egui, no SQL.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::Id;

/// черновик → зарегистрировано → напечатано → передано курьеру → доставлено.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum LetterStatus {
    #[default]
    Draft,
    Registered,
    Printed,
    Courier,
    Delivered,
}

crate::codes!(LetterStatus, "letter status", Draft => "draft", Registered => "registered", Printed => "printed", Courier => "courier", Delivered => "delivered");

impl LetterStatus {
    /// The next status of the flow, if any.
    pub fn next(self) -> Option<Self> {
        match self {
            LetterStatus::Draft => Some(LetterStatus::Registered),
            LetterStatus::Registered => Some(LetterStatus::Printed),
            LetterStatus::Printed => Some(LetterStatus::Courier),
            LetterStatus::Courier => Some(LetterStatus::Delivered),
            LetterStatus::Delivered => None,
        }
    }
}

/// An outgoing letter as stored.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Letter {
    pub id: Option<Id>,
    pub uuid: String,
    pub client_id: Id,
    pub person_id: Option<Id>,
    /// The signer (the personal manager).
    pub manager_id: Option<Id>,
    pub template_code: String,
    pub heading: String,
    pub salutation: String,
    /// Addressee lines in the dative, one per line.
    pub addressee: String,
    /// The body: paragraphs separated by empty lines.
    pub body: String,
    pub closing: String,
    pub attachment: String,
    pub reply_number: String,
    pub reply_date: Option<NaiveDate>,
    /// The signature image (true) or space for ink (false).
    pub signature_image: bool,
    pub status: LetterStatus,
    pub number: String,
    pub reg_date: Option<NaiveDate>,
    pub printed_at: Option<NaiveDate>,
    pub courier_at: Option<NaiveDate>,
    pub delivered_at: Option<NaiveDate>,
    pub received_by: String,
    /// The letter this one corrects (a new version keeps the old).
    pub version_of: Option<Id>,
    /// The record of «Переписка и файлы» holding the registered PDF.
    pub record_id: Option<Id>,
}

impl Letter {
    /// Paragraphs of the body: blocks separated by empty lines, inner line breaks joined.
    pub fn paragraphs(&self) -> Vec<String> {
        paragraphs(&self.body)
    }
}

pub fn paragraphs(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in body.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

/// A template of the letter body.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Template {
    pub id: Option<Id>,
    pub code: String,
    pub title: String,
    pub heading: String,
    pub body: String,
}

/// What a template can refer to. Every field is always present (empty when unknown), so that
/// only a misspelt placeholder is an error.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TemplateContext {
    pub client: ClientCtx,
    pub addressee: AddresseeCtx,
    pub manager: ManagerCtx,
    pub appeal: AppealCtx,
    pub company: CompanyCtx,
    /// The values the user gives for this letter (a date, a time, an amount).
    pub fields: TemplateFields,
    pub today: String,
}

/// Values a template asks the user for, as printed: a date «01.01.2027», a time «10:00», an
/// amount «1 234,56». An empty one renders as a blank to fill in (`__.__.____`), which
/// registration refuses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TemplateFields {
    pub date: String,
    pub time: String,
    pub amount: String,
    /// What a letter offers, in the words of the sentence it ends («персональный расчёт
    /// тарифа»).
    pub service: String,
}

/// The fields of [`TemplateFields`], in the order the editor asks for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TemplateField {
    Date,
    Time,
    Amount,
    Service,
}

impl TemplateField {
    pub const ALL: [TemplateField; 4] = [
        TemplateField::Date,
        TemplateField::Time,
        TemplateField::Amount,
        TemplateField::Service,
    ];
    /// The placeholder's name, `fields.date`.
    pub fn placeholder(self) -> &'static str {
        match self {
            TemplateField::Date => "fields.date",
            TemplateField::Time => "fields.time",
            TemplateField::Amount => "fields.amount",
            TemplateField::Service => "fields.service",
        }
    }
    /// What an unfilled field prints: a blank to fill in by hand.
    pub fn blank(self) -> &'static str {
        match self {
            TemplateField::Date => "__.__.____",
            TemplateField::Time => "__:__",
            TemplateField::Amount | TemplateField::Service => "________",
        }
    }
}

impl TemplateField {
    /// The value as printed from what the user typed: a date «1.1.27» → «01.01.2027», a time
    /// «9.30» → «09:30», an amount «1234,5» → «1 234,50».
    pub fn normalise(self, input: &str) -> Result<String, crate::domain::FieldError> {
        use crate::domain::{FieldError, fmt};
        let input = input.trim();
        if input.is_empty() {
            return Err(FieldError::Required);
        }
        match self {
            TemplateField::Date => fmt::parse_date(input)
                .map(fmt::date)
                .ok_or_else(|| fmt::date_error(input)),
            TemplateField::Time => {
                let (h, m) = input.split_once([':', '.']).unwrap_or((input, "00"));
                match (h.trim().parse::<u32>(), m.trim().parse::<u32>()) {
                    (Ok(h), Ok(m)) if h < 24 && m < 60 && m.to_string().len() <= 2 => {
                        Ok(format!("{h:02}:{m:02}"))
                    }
                    _ => Err(FieldError::Time),
                }
            }
            TemplateField::Amount => {
                // Kopecks at most: «1234,567» is a typo, not something to round silently.
                let decimals = input
                    .rsplit_once([',', '.'])
                    .map_or(0, |(_, d)| d.trim().trim_end_matches('₽').trim().len());
                match fmt::parse_number(input) {
                    Some(x) if x < 0.0 => Err(FieldError::Negative),
                    Some(_) if decimals > 2 => Err(FieldError::Kopecks),
                    Some(x) if x < 1e12 => Ok(fmt::number(x, 2)),
                    Some(_) => Err(FieldError::TooLarge),
                    None => Err(FieldError::Number),
                }
            }
            TemplateField::Service => {
                // Said within a sentence: one line, no blank of its own.
                if input.contains(['\n', '\r']) {
                    Err(FieldError::OneLine)
                } else if input.chars().count() > 200 {
                    Err(FieldError::TooLong(200))
                } else if input.contains("__") {
                    Err(FieldError::Required)
                } else {
                    Ok(input.trim_end_matches('.').to_string())
                }
            }
        }
    }
}

impl TemplateFields {
    pub fn get(&self, f: TemplateField) -> &str {
        match f {
            TemplateField::Date => &self.date,
            TemplateField::Time => &self.time,
            TemplateField::Amount => &self.amount,
            TemplateField::Service => &self.service,
        }
    }
    pub fn get_mut(&mut self, f: TemplateField) -> &mut String {
        match f {
            TemplateField::Date => &mut self.date,
            TemplateField::Time => &mut self.time,
            TemplateField::Amount => &mut self.amount,
            TemplateField::Service => &mut self.service,
        }
    }
    /// The values to render: an empty one becomes its blank.
    pub fn or_blanks(&self) -> TemplateFields {
        let mut out = self.clone();
        for f in TemplateField::ALL {
            if out.get(f).trim().is_empty() {
                *out.get_mut(f) = f.blank().to_string();
            }
        }
        out
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ClientCtx {
    pub short_name: String,
    /// The short name after «для», «у» (an entrepreneur's declines: «ИП Воронцова М.Ф.»).
    pub name_genitive: String,
    /// After «позволит», «направляем» («ИП Воронцову М.Ф.»).
    pub name_dative: String,
    /// After «с», «между» («ИП Воронцовым М.Ф.»).
    pub name_instrumental: String,
    pub full_name: String,
    pub inn: String,
    pub contract_number: String,
    pub contract_date: String,
    pub address: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct AddresseeCtx {
    pub full_name: String,
    pub name_dative: String,
    pub initials_dative: String,
    pub position: String,
    pub position_dative: String,
    pub address_as: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ManagerCtx {
    pub full_name: String,
    pub short_name: String,
    /// «Г.И. Родионова»
    pub initials: String,
    /// «(у) Г.И. Родионовой»
    pub name_genitive: String,
    /// «(персональному менеджеру) Г.И. Родионовой»
    pub name_dative: String,
    /// «(с) Г.И. Родионовой»
    pub name_instrumental: String,
    pub position: String,
    pub phone: String,
    pub email: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct AppealCtx {
    pub number: String,
    pub date: String,
    /// The day it was registered.
    pub registered: String,
    pub subject: String,
    /// The answer's deadline (after an extension, the new one).
    pub due_date: String,
    pub extension_reason: String,
    /// The answer to the appeal, as typed on its card: the part of a reply the template does
    /// not say (a blank to fill in when nothing was typed).
    pub answer: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct CompanyCtx {
    pub name: String,
    pub short_name: String,
    pub address: String,
    pub phones: String,
}

/// Filters of the register.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LetterFilter {
    pub status: Option<LetterStatus>,
    pub client: Option<Id>,
    pub manager: Option<Id>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Handed to the courier on this day.
    pub courier_on: Option<NaiveDate>,
}

/// A register row: the letter and the names it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterRow {
    pub letter: Letter,
    pub client: String,
    pub address: String,
    /// Its number came from a block leased to the workstation ahead (registered offline),
    /// not from the department server at the moment of registration.
    pub number_from_block: bool,
}

/// Whom a letter answers (the incoming appeal).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reply {
    pub number: String,
    pub date: Option<NaiveDate>,
    pub subject: String,
    pub due_date: Option<NaiveDate>,
    /// The day the appeal was registered (none: today, the notice made as it is registered).
    pub registered_on: Option<NaiveDate>,
    pub extension_reason: String,
    /// The answer to the appeal, as typed on its card.
    pub answer: String,
    /// The values the template asks for (not part of a reply, but of the same letter).
    pub fields: TemplateFields,
}

/// Which clients a mail merge goes to.
#[derive(Debug, Clone, PartialEq)]
pub enum Selection {
    /// Every client of the database (vipdesk keeps the VIP clients).
    All,
    Manager(Id),
    District(String),
}

impl Selection {
    /// Parses the command-line form: `all`, `manager:ID`, `district:NAME`.
    pub fn parse(s: &str) -> Option<Selection> {
        match s.split_once(':') {
            None if s == "all" => Some(Selection::All),
            Some(("manager", id)) => id.trim().parse().ok().map(Selection::Manager),
            Some(("district", name)) if !name.trim().is_empty() => {
                Some(Selection::District(name.trim().to_string()))
            }
            _ => None,
        }
    }
}

impl Selection {
    /// The command-line form, as stored with a merge.
    pub fn code(&self) -> String {
        match self {
            Selection::All => "all".into(),
            Selection::Manager(id) => format!("manager:{id}"),
            Selection::District(name) => format!("district:{name}"),
        }
    }
}

/// What a mail merge does. The date of the letters is the day it runs.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeJob {
    pub template_code: String,
    pub selection: Selection,
    pub out_dir: PathBuf,
    /// One combined PDF instead of a file per letter.
    pub combined: bool,
    /// Continue the unfinished merge of this template to this selection: only the clients
    /// without their letter yet.
    pub resume: bool,
    /// The values the template asks for, the same in every letter.
    pub fields: TemplateFields,
    /// Clients of the selection the user left out (unticked in the confirmation, `--except`).
    /// A resumed merge keeps the ones it was started with.
    pub except: Vec<Id>,
    /// When the user asked for it (UTC; `None`: when it starts): the same merge begun by
    /// another run after this moment was started at the same time, and this one is refused.
    pub asked_at: Option<chrono::NaiveDateTime>,
}

impl MergeJob {
    /// The selection as stored with the merge: its command-line form, and the clients left out
    /// after `;except:`.
    pub fn selection_code(&self) -> String {
        let mut code = self.selection.code();
        if !self.except.is_empty() {
            let ids: Vec<String> = self.except.iter().map(Id::to_string).collect();
            code.push_str(&format!("{EXCEPT}{}", ids.join(",")));
        }
        code
    }
}

/// What separates the clients left out from the selection in a merge's stored selection.
pub const EXCEPT: &str = ";except:";

/// The clients left out of a stored selection (see [`MergeJob::selection_code`]).
pub fn excepted(stored: &str) -> Vec<Id> {
    stored
        .split_once(EXCEPT)
        .map(|(_, ids)| {
            ids.split(',')
                .filter_map(|id| id.trim().parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// A client a merge would write to, for the confirmation before it runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Recipient {
    pub client_id: Id,
    pub client: String,
    /// «Иванов Иван Иванович, Генеральный директор»; `None`: nobody to address.
    pub addressee: Option<String>,
    pub address: String,
}

/// Why a client of a merge got no letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// The dossier has no leader or contact to address.
    NoAddressee,
}

/// The outcome of a mail merge.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergeReport {
    /// The letters made by this run.
    pub letters: Vec<Id>,
    /// Clients that had their letter from the run that stopped (a resumed merge).
    pub already: usize,
    /// Clients still without a letter when the merge stopped (cancelled or failed).
    pub not_done: usize,
    pub files: Vec<PathBuf>,
    /// (client, reason) for every client without a letter.
    pub skipped: Vec<(String, SkipReason)>,
    pub cancelled: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_empty_lines() {
        assert_eq!(
            paragraphs("Один\nи два.\n\n\nТри."),
            vec!["Один и два.".to_string(), "Три.".to_string()]
        );
    }

    #[test]
    fn merge_selection_parses_the_command_line_form() {
        assert_eq!(Selection::parse("all"), Some(Selection::All));
        assert_eq!(Selection::parse("manager:7"), Some(Selection::Manager(7)));
        assert_eq!(
            Selection::parse("district: Мценское МРО"),
            Some(Selection::District("Мценское МРО".into()))
        );
        assert_eq!(Selection::parse("district:"), None);
        assert_eq!(Selection::parse("everyone"), None);
    }
}

/// A letter as the client's timeline shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterEvent {
    pub id: Id,
    /// Empty for a draft.
    pub number: String,
    /// The registration date, or the day the draft was made.
    pub date: NaiveDate,
    pub heading: String,
    pub status: LetterStatus,
}

/// A letter was registered (told inside the write, before it commits): the appeal it answers
/// is answered.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterRegistered {
    pub letter_id: Id,
    /// The registration date.
    pub date: NaiveDate,
}

impl crate::storage::Event for LetterRegistered {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
