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

/// The fields a template asks the user for (`{{ fields.date }}` …), in the editor's order.
pub fn fields_used(heading: &str, body: &str) -> Vec<super::model::TemplateField> {
    super::model::TemplateField::ALL
        .into_iter()
        .filter(|f| heading.contains(f.placeholder()) || body.contains(f.placeholder()))
        .collect()
}

/// Whether a template answers an appeal (`{{ appeal.… }}`): it is written from the appeal's
/// card, never merged to many clients.
pub fn needs_appeal(heading: &str, body: &str) -> bool {
    heading.contains("appeal.") || body.contains("appeal.")
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
    /// A construct letters do not need (a loop, an assignment, a call, arithmetic).
    #[error("line {line}: unsupported construct {tag}")]
    Unsupported { line: usize, tag: String },
    /// Work beyond the budget or a text too long.
    #[error("the template does too much work or makes too long a text")]
    TooHeavy,
}

impl TemplateError {
    /// The line at fault, when the fault is on one line.
    pub fn line(&self) -> Option<usize> {
        match self {
            TemplateError::Unknown { line, .. }
            | TemplateError::Syntax { line, .. }
            | TemplateError::Unsupported { line, .. } => Some(*line),
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
    check_constructs(source)?;
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

/// The filters a field may pass through.
const FILTERS: [&str; 5] = ["upper", "lower", "capitalize", "title", "trim"];

/// What a letter template may hold besides text: fields `{{ client.short_name }}` (through
/// [`FILTERS`]), conditions `{% if … %}`, `{% elif … %}`, `{% else %}`, `{% endif %}` over fields,
/// string literals, `not`/`and`/`or`/`==`/`!=`, and `{# comments #}`. Loops, assignments,
/// calls, macros, includes and arithmetic are refused before anything runs: a letter needs none
/// of them, and they are how a template could build gigabytes or run for hours.
fn check_constructs(source: &str) -> Result<(), TemplateError> {
    let mut from = 0;
    while let Some(pos) = source[from..].find('{') {
        let start = from + pos;
        let close = match source.as_bytes().get(start + 1) {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            Some(b'#') => "#}",
            _ => {
                from = start + 1;
                continue;
            }
        };
        let inner_start = start + 2;
        // An unclosed tag is minijinja's syntax error, with its line.
        let Some(len) = find_close(&source[inner_start..], close) else {
            return Ok(());
        };
        let end = inner_start + len + 2;
        let inner = source[inner_start..inner_start + len]
            .trim_start_matches(['-', '+'])
            .trim_end_matches(['-', '+']);
        let allowed = match close {
            "}}" => allowed_expression(inner),
            "%}" => allowed_statement(inner),
            _ => true,
        };
        if !allowed {
            return Err(TemplateError::Unsupported {
                line: 1 + source[..start].matches('\n').count(),
                tag: source[start..end].chars().take(80).collect(),
            });
        }
        from = end;
    }
    Ok(())
}

/// Where `close` ends a tag's inside, quotes skipped (a `}}` inside a string is text).
fn find_close(inner: &str, close: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in inner.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if close != "#}" && (c == '"' || c == '\'') => quote = Some(c),
            None if inner[i..].starts_with(close) => return Some(i),
            None => {}
        }
    }
    None
}

fn allowed_statement(inner: &str) -> bool {
    let inner = inner.trim();
    let (word, rest) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    match word {
        "if" | "elif" => allowed_expression(rest),
        "else" | "endif" => rest.trim().is_empty(),
        _ => false,
    }
}

/// Fields, filters from [`FILTERS`], literals, comparisons and logic; no call, no operator
/// that builds a value.
fn allowed_expression(expr: &str) -> bool {
    let mut chars = expr.chars().peekable();
    let mut after_bar = false;
    let mut after_name = false;
    while let Some(c) = chars.next() {
        let name_before = std::mem::take(&mut after_name);
        let bar_before = std::mem::take(&mut after_bar);
        match c {
            c if c.is_whitespace() => {
                after_name = name_before;
                after_bar = bar_before;
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut word = c.to_string();
                while let Some(&n) = chars.peek() {
                    if !(n.is_alphanumeric() || n == '_') {
                        break;
                    }
                    word.push(n);
                    chars.next();
                }
                if bar_before && !FILTERS.contains(&word.as_str()) {
                    return false;
                }
                after_name = true;
            }
            '0'..='9' => {
                while chars.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                }
            }
            '"' | '\'' => {
                if !chars.by_ref().any(|n| n == c) {
                    return false;
                }
            }
            '.' => {}
            '|' => after_bar = true,
            // A bracket after a name is a call («range(…)»).
            '(' if name_before => return false,
            '(' | ')' => {}
            '=' | '!' if chars.peek() == Some(&'=') => {
                chars.next();
            }
            _ => return false,
        }
    }
    true
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
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn only_fields_and_conditions_are_allowed() {
        for ok in [
            "{{ client.short_name }}",
            "{{- client.short_name | upper -}}",
            "{% if appeal.subject and not client.inn %}x{% elif client.inn == '1' %}y{% else %}z{% endif %}",
            "{# {% for x in y %} #}",
            "{{ '}}' }}",
            "{ plain braces }",
        ] {
            assert_eq!(check_constructs(ok), Ok(()), "{ok}");
        }
        for bad in [
            "{% for i in range(10) %}x{% endfor %}",
            "{% set a = 'x' %}",
            "{{ 'x' * 100000000 }}",
            "{{ client.short_name ~ client.inn }}",
            "{{ range(5) }}",
            "{{ client.short_name | replace('a', 'b') }}",
            "{% macro m() %}{% endmacro %}",
            "{% include 'x' %}",
            "{{ client['short_name'] }}",
        ] {
            let err = check_constructs(bad).expect_err(bad);
            assert!(
                matches!(err, TemplateError::Unsupported { line: 1, .. }),
                "{bad}"
            );
        }
        let err = check_constructs("Текст\n\n{% for x in [1] %}").expect_err("loop");
        assert_eq!(err.line(), Some(3));
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
