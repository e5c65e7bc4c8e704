//! Outgoing letters: their status flow, and the templates they start from (minijinja).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::model::Id;
use crate::i18n as t;

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

impl LetterStatus {
    pub const ALL: [LetterStatus; 5] = [
        LetterStatus::Draft,
        LetterStatus::Registered,
        LetterStatus::Printed,
        LetterStatus::Courier,
        LetterStatus::Delivered,
    ];
    pub fn code(self) -> &'static str {
        match self {
            LetterStatus::Draft => "draft",
            LetterStatus::Registered => "registered",
            LetterStatus::Printed => "printed",
            LetterStatus::Courier => "courier",
            LetterStatus::Delivered => "delivered",
        }
    }
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            LetterStatus::Draft => t::LETTER_DRAFT,
            LetterStatus::Registered => t::LETTER_REGISTERED,
            LetterStatus::Printed => t::LETTER_PRINTED,
            LetterStatus::Courier => t::LETTER_COURIER,
            LetterStatus::Delivered => t::LETTER_DELIVERED,
        }
    }
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
    pub today: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ClientCtx {
    pub short_name: String,
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
    pub position: String,
    pub phone: String,
    pub email: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct AppealCtx {
    pub number: String,
    pub date: String,
    pub subject: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct CompanyCtx {
    pub name: String,
    pub short_name: String,
    pub address: String,
    pub phones: String,
}

/// Every placeholder a template may use, as `object.field`.
pub fn known_placeholders() -> BTreeSet<String> {
    let ctx = serde_json::to_value(TemplateContext::default()).unwrap_or_default();
    let mut out = BTreeSet::new();
    if let Some(obj) = ctx.as_object() {
        for (k, v) in obj {
            out.insert(k.clone());
            if let Some(inner) = v.as_object() {
                for f in inner.keys() {
                    out.insert(format!("{k}.{f}"));
                }
            }
        }
    }
    out
}

/// Why a template did not render: the line and the name, in Russian.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct TemplateError {
    pub line: usize,
    pub name: Option<String>,
    pub message: String,
}

fn line_of(source: &str, needle: &str) -> usize {
    source
        .lines()
        .position(|l| l.contains(needle))
        .map_or(1, |i| i + 1)
}

/// Renders a template text with the context. An unknown placeholder or a syntax error is an
/// error naming the line (and the placeholder), and nothing is produced.
pub fn render_template(source: &str, ctx: &TemplateContext) -> Result<String, TemplateError> {
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_keep_trailing_newline(true);
    let tmpl = env.template_from_str(source).map_err(|e| TemplateError {
        line: e.line().unwrap_or(1),
        name: None,
        message: t::template_syntax(
            e.line().unwrap_or(1),
            &e.detail()
                .map(str::to_string)
                .unwrap_or_else(|| e.kind().to_string()),
        ),
    })?;
    let known = known_placeholders();
    let mut used: Vec<String> = tmpl.undeclared_variables(true).into_iter().collect();
    used.sort();
    for name in used {
        if !known.contains(&name) {
            let line = line_of(source, &name);
            return Err(TemplateError {
                line,
                name: Some(name.clone()),
                message: t::template_unknown(line, &name),
            });
        }
    }
    tmpl.render(ctx).map_err(|e| {
        let line = e.line().unwrap_or(1);
        TemplateError {
            line,
            name: None,
            message: t::template_syntax(line, &e.to_string()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> TemplateContext {
        TemplateContext {
            client: ClientCtx {
                short_name: "ООО «Ромашка»".into(),
                ..Default::default()
            },
            appeal: AppealCtx {
                number: "17".into(),
                date: "20.11.2026".into(),
                subject: String::new(),
            },
            ..Default::default()
        }
    }

    #[test]
    fn renders_known_placeholders() {
        let out = render_template("Обращение № {{ appeal.number }} от {{ appeal.date }}{% if appeal.subject %} «{{ appeal.subject }}»{% endif %} для {{ client.short_name }}.", &ctx())
            .expect("renders");
        assert_eq!(out, "Обращение № 17 от 20.11.2026 для ООО «Ромашка».");
    }

    #[test]
    fn unknown_placeholder_is_named_with_its_line() {
        let err = render_template("Первая строка.\nВторая {{ client.short_nam }}.", &ctx())
            .expect_err("unknown");
        assert_eq!(err.line, 2);
        assert_eq!(err.name.as_deref(), Some("client.short_nam"));
        assert!(
            err.message.contains("строка 2") && err.message.contains("client.short_nam"),
            "{}",
            err.message
        );
        let err = render_template("{{ clients.short_name }}", &ctx()).expect_err("unknown object");
        assert!(err.message.contains("clients"), "{}", err.message);
    }

    #[test]
    fn syntax_error_is_reported_with_its_line() {
        let err =
            render_template("Строка\n{% if appeal.number %}без конца", &ctx()).expect_err("syntax");
        assert_eq!(err.line, 2, "{err:?}");
        assert!(err.message.contains("строка 2"), "{}", err.message);
    }

    #[test]
    fn paragraphs_split_on_empty_lines() {
        assert_eq!(
            paragraphs("Один\nи два.\n\n\nТри."),
            vec!["Один и два.".to_string(), "Три.".to_string()]
        );
    }
}
