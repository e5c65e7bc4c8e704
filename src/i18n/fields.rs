//! Records as the fields a user sees (label, value as shown), to say what another instance
//! changed while the user edited the same record.

use super::Label;
use crate::admin::Manager;
use crate::contacts::Meeting;
use crate::domain::fmt;
use crate::letters::{Letter, Template};
use crate::pdf::Company;
use crate::words as w;

/// A field's label and its value as shown.
pub type Field = (&'static str, String);

fn yes_no(b: bool) -> String {
    if b { w::clients::YES } else { w::clients::NO }.to_string()
}

pub fn manager(m: &Manager) -> Vec<Field> {
    vec![
        (w::F_SURNAME, m.surname.clone()),
        (w::F_NAME, m.name.clone()),
        (w::F_PATRONYMIC, m.patronymic.clone()),
        (w::F_POSITION, m.position.clone()),
        (w::F_ROLE, m.role.label().to_string()),
        (
            w::F_PHONE,
            m.phone.as_ref().map(|p| p.display()).unwrap_or_default(),
        ),
        (w::F_EMAIL, m.email.clone()),
        (w::F_APPOINTMENT_ORDER, m.order_number.clone()),
        (w::F_APPOINTMENT_DATE, fmt::opt_date(m.order_date)),
        (w::F_ACTIVE, yes_no(m.active)),
        (
            w::F_SIGNATURE,
            m.signature_png
                .as_ref()
                .map(|png| w::image_of_bytes(png.len()))
                .unwrap_or_default(),
        ),
    ]
}

pub fn company(c: &Company) -> Vec<Field> {
    vec![
        (w::C_NAME, c.name.clone()),
        (w::C_SHORT_NAME, c.short_name.clone()),
        (w::C_ADDRESS, c.address.clone()),
        (w::C_PHONES, c.phones.clone()),
        (w::F_EMAIL, c.email.clone()),
        (w::C_SITE, c.site.clone()),
        (w::C_OKPO, c.okpo.clone()),
        (w::C_UNIT, c.unit.clone()),
        (w::C_DIRECTOR_POSITION, c.director_position.clone()),
        (w::C_DIRECTOR_NAME, c.director_name.clone()),
        (w::F_OGRN, c.ogrn.clone()),
        (w::F_INN, c.inn.clone()),
        (w::F_KPP, c.kpp.clone()),
        (w::C_NUMBER_FORMAT, c.number_format.clone()),
        (w::SHOW_LOGO, yes_no(c.show_logo)),
        (
            w::C_LOGO,
            c.logo_png
                .as_ref()
                .map(|png| w::image_of_bytes(png.len()))
                .unwrap_or_default(),
        ),
    ]
}

pub fn template(t: &Template) -> Vec<Field> {
    vec![
        (w::F_TITLE, t.title.clone()),
        (w::F_HEADING, t.heading.clone()),
        (w::F_BODY, t.body.clone()),
    ]
}

pub fn letter(l: &Letter) -> Vec<Field> {
    vec![
        (w::F_STATUS, l.status.label().to_string()),
        (w::F_REPLY_NUMBER, l.reply_number.clone()),
        (w::F_REPLY_DATE, fmt::opt_date(l.reply_date)),
        (w::F_ADDRESSEE, l.addressee.clone()),
        (w::F_HEADING, l.heading.clone()),
        (w::F_SALUTATION, l.salutation.clone()),
        (w::F_BODY, l.body.clone()),
        (w::F_ATTACHMENT, l.attachment.clone()),
        (w::F_CLOSING, l.closing.clone()),
        (
            w::F_SIGNATURE_MODE,
            if l.signature_image {
                w::SIGNATURE_IMAGE
            } else {
                w::SIGNATURE_INK
            }
            .to_string(),
        ),
    ]
}

pub fn meeting(m: &Meeting) -> Vec<Field> {
    let steps: Vec<String> = m
        .next_steps
        .iter()
        .map(|s| format!("{} ({}, {})", s.text, s.responsible, fmt::opt_date(s.due)))
        .collect();
    vec![
        (w::F_STATUS, m.status.label().to_string()),
        (w::F_DATE, fmt::opt_date(m.date)),
        (w::F_TIME, m.time.clone()),
        (w::F_PLACE, m.place.clone()),
        (
            w::F_CLIENT_PEOPLE,
            w::count_of_people(m.client_people.len()),
        ),
        (w::F_COMPANY_PEOPLE, m.company_people.clone()),
        (w::F_TOPICS, m.topics.clone()),
        (w::F_PROBLEMS, m.problems.clone()),
        (w::F_AGREEMENTS, m.agreements.clone()),
        (w::F_NEXT_STEPS, steps.join("; ")),
        (w::SUPERVISOR_COMMENT, m.supervisor_comment.clone()),
    ]
}

/// What changed between `base` and `theirs`, with my value beside theirs: the rows of
/// «Запись изменилась…». A value is cut for the table (the whole stays in the record).
pub fn changed_by_them(
    base: &[Field],
    mine: &[Field],
    theirs: &[Field],
) -> Vec<crate::domain::merge::Conflict> {
    let cut = |s: &str| {
        const MAX: usize = 300;
        if s.chars().count() > MAX {
            format!("{}…", s.chars().take(MAX).collect::<String>())
        } else {
            s.to_string()
        }
    };
    let mut out: Vec<_> = base
        .iter()
        .zip(mine)
        .zip(theirs)
        .filter(|((b, _), t)| b.1 != t.1)
        .map(|((b, m), t)| crate::domain::merge::Conflict {
            what: b.0.to_string(),
            theirs: cut(&t.1),
            mine: cut(&m.1),
        })
        .collect();
    if out.is_empty() {
        // Something not shown in the form changed (an attachment, a link).
        out.push(crate::domain::merge::Conflict {
            what: w::CONFLICT_OTHER_FIELDS.to_string(),
            theirs: String::new(),
            mine: String::new(),
        });
    }
    out
}
