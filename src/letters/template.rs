//! Templates of letter bodies (minijinja): an unknown placeholder or a syntax error is an error
//! naming its line, and nothing is produced.

use std::collections::BTreeSet;

use super::model::TemplateContext;

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

/// Why a template did not render, and on which line (from 1).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TemplateError {
    /// A placeholder no context has, e.g. `client.short_nam`.
    #[error("line {line}: unknown field {name}")]
    Unknown { line: usize, name: String },
    /// Broken syntax; the detail is minijinja's.
    #[error("line {line}: {detail}")]
    Syntax { line: usize, detail: String },
    /// Loops that would run too long or a text too long.
    #[error("the template does too much work or makes too long a text")]
    TooHeavy,
}

impl TemplateError {
    /// The line at fault, when the fault is on one line.
    pub fn line(&self) -> Option<usize> {
        match self {
            TemplateError::Unknown { line, .. } | TemplateError::Syntax { line, .. } => Some(*line),
            TemplateError::TooHeavy => None,
        }
    }
}

fn line_of(source: &str, needle: &str) -> usize {
    source
        .lines()
        .position(|l| l.contains(needle))
        .map_or(1, |i| i + 1)
}

/// Renders a template text with the context.
pub fn render_template(source: &str, ctx: &TemplateContext) -> Result<String, TemplateError> {
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    // A loop of loops in a hostile template stops here instead of freezing the window.
    env.set_fuel(Some(TEMPLATE_FUEL));
    env.set_keep_trailing_newline(true);
    let tmpl = env
        .template_from_str(source)
        .map_err(|e| TemplateError::Syntax {
            line: e.line().unwrap_or(1),
            detail: e
                .detail()
                .map(str::to_string)
                .unwrap_or_else(|| e.kind().to_string()),
        })?;
    let known = known_placeholders();
    let mut used: Vec<String> = tmpl.undeclared_variables(true).into_iter().collect();
    used.sort();
    for name in used {
        if !known.contains(&name) {
            return Err(TemplateError::Unknown {
                line: line_of(source, &name),
                name,
            });
        }
    }
    let text = tmpl.render(ctx).map_err(|e| match e.kind() {
        minijinja::ErrorKind::OutOfFuel => TemplateError::TooHeavy,
        _ => TemplateError::Syntax {
            line: e.line().unwrap_or(1),
            detail: e.to_string(),
        },
    })?;
    if text.len() > MAX_RENDERED {
        return Err(TemplateError::TooHeavy);
    }
    Ok(text)
}

/// The work a template may do (instructions of the engine): a letter needs thousands.
const TEMPLATE_FUEL: u64 = 5_000_000;
/// The longest text a template may produce (a letter of many pages is 100 KB).
const MAX_RENDERED: usize = 2_000_000;

/// Checks a template's heading and body with empty values.
pub fn check_template(heading: &str, body: &str) -> Result<(), TemplateError> {
    let ctx = TemplateContext::default();
    render_template(heading, &ctx)?;
    render_template(body, &ctx)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letters::model::{AppealCtx, ClientCtx};

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
        assert_eq!(
            err,
            TemplateError::Unknown {
                line: 2,
                name: "client.short_nam".into()
            }
        );
        let err = render_template("{{ clients.short_name }}", &ctx()).expect_err("unknown object");
        assert!(
            matches!(&err, TemplateError::Unknown { name, .. } if name.contains("clients")),
            "{err:?}"
        );
    }

    #[test]
    fn syntax_error_is_reported_with_its_line() {
        let err =
            render_template("Строка\n{% if appeal.number %}без конца", &ctx()).expect_err("syntax");
        assert_eq!(err.line(), Some(2), "{err:?}");
        assert!(matches!(err, TemplateError::Syntax { .. }));
    }
}
