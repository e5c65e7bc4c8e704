//! A dossier edited while another instance saved it: my changes applied onto what is saved now
//! (see [`crate::domain::merge`]), field by field for the enterprise, row by row for the people,
//! owners, services, projects, VIP years, correspondence and indicator values.

use super::model::*;
use crate::admin::{Catalogs, Manager};
use crate::domain::merge::{Conflict, field, rows};
use crate::domain::{Code, Id, fmt};
use crate::words::clients as w;
use crate::words::common as wc;
use crate::words::contacts as wk;

/// The names the conflicts are shown with.
pub struct Names<'a> {
    pub catalogs: &'a Catalogs,
    pub managers: &'a [Manager],
}

impl Names<'_> {
    fn manager(&self, id: Option<Id>) -> String {
        self.managers
            .iter()
            .find(|m| m.id == id && id.is_some())
            .map(Manager::short_name)
            .unwrap_or_default()
    }
    fn indicator(&self, id: Id) -> String {
        self.catalogs
            .indicator_kinds
            .iter()
            .find(|k| k.id == id)
            .map(|k| k.name.clone())
            .unwrap_or_default()
    }
}

/// A text field as shown (the signature `field` needs for `String`).
#[allow(clippy::ptr_arg)]
fn text(s: &String) -> String {
    s.clone()
}
fn date(d: &Option<chrono::NaiveDate>) -> String {
    d.map(fmt::date).unwrap_or_default()
}
fn number<T: ToString>(n: &Option<T>) -> String {
    n.as_ref().map(ToString::to_string).unwrap_or_default()
}
fn yes_no(b: &bool) -> String {
    if *b { w::YES } else { w::NO }.to_string()
}

/// Mine onto theirs; the merged dossier (mine winning where both changed) and the clashes.
pub fn merge(
    base: &Dossier,
    mine: &Dossier,
    theirs: &Dossier,
    n: &Names,
) -> (Dossier, Vec<Conflict>) {
    let mut c = Vec::new();
    let mut out = theirs.clone();
    let (b, m, t, o) = (&base.client, &mine.client, &theirs.client, &mut out.client);
    field(
        w::F_SHORT_NAME,
        &b.short_name,
        &m.short_name,
        &t.short_name,
        &mut o.short_name,
        text,
        &mut c,
    );
    field(
        w::F_FULL_NAME,
        &b.full_name,
        &m.full_name,
        &t.full_name,
        &mut o.full_name,
        text,
        &mut c,
    );
    field(
        w::F_KIND,
        &b.kind,
        &m.kind,
        &t.kind,
        &mut o.kind,
        |k| wc::client_kind(k.code()).to_string(),
        &mut c,
    );
    field(w::F_INN, &b.inn, &m.inn, &t.inn, &mut o.inn, text, &mut c);
    field(w::F_KPP, &b.kpp, &m.kpp, &t.kpp, &mut o.kpp, text, &mut c);
    field(
        w::F_OGRN,
        &b.ogrn,
        &m.ogrn,
        &t.ogrn,
        &mut o.ogrn,
        text,
        &mut c,
    );
    field(
        w::F_LEGAL_ADDRESS,
        &b.legal_address,
        &m.legal_address,
        &t.legal_address,
        &mut o.legal_address,
        text,
        &mut c,
    );
    field(
        w::F_POSTAL_ADDRESS,
        &b.postal_address,
        &m.postal_address,
        &t.postal_address,
        &mut o.postal_address,
        text,
        &mut c,
    );
    field(
        w::F_DISTRICT,
        &b.district_id,
        &m.district_id,
        &t.district_id,
        &mut o.district_id,
        |id| n.catalogs.district_name(*id).to_string(),
        &mut c,
    );
    field(
        w::F_INDUSTRY,
        &b.industry_id,
        &m.industry_id,
        &t.industry_id,
        &mut o.industry_id,
        |id| {
            n.catalogs
                .industry(*id)
                .map(|i| i.name.clone())
                .unwrap_or_default()
        },
        &mut c,
    );
    field(
        w::F_CONTRACT_NUMBER,
        &b.contract_number,
        &m.contract_number,
        &t.contract_number,
        &mut o.contract_number,
        text,
        &mut c,
    );
    field(
        w::F_CONTRACT_DATE,
        &b.contract_date,
        &m.contract_date,
        &t.contract_date,
        &mut o.contract_date,
        date,
        &mut c,
    );
    field(
        w::F_SINCE_YEAR,
        &b.since_year,
        &m.since_year,
        &t.since_year,
        &mut o.since_year,
        number,
        &mut c,
    );
    field(
        w::F_MANAGER,
        &b.manager_id,
        &m.manager_id,
        &t.manager_id,
        &mut o.manager_id,
        |id| n.manager(*id),
        &mut c,
    );
    field(
        w::F_STRATEGIC,
        &b.strategic,
        &m.strategic,
        &t.strategic,
        &mut o.strategic,
        yes_no,
        &mut c,
    );
    field(
        wk::F_CALL_EVERY,
        &b.call_every_days,
        &m.call_every_days,
        &t.call_every_days,
        &mut o.call_every_days,
        number,
        &mut c,
    );
    field(
        wk::F_MEETING_EVERY,
        &b.meeting_every_months,
        &m.meeting_every_months,
        &t.meeting_every_months,
        &mut o.meeting_every_months,
        number,
        &mut c,
    );

    out.vip = rows(
        &base.vip,
        &mine.vip,
        &theirs.vip,
        |r| r.id,
        |r| format!("{} {}", w::F_YEAR, r.year),
        |r| format!("{}: {}", r.year, yes_no(&r.included)),
        &mut c,
    );
    out.people = rows(
        &base.people,
        &mine.people,
        &theirs.people,
        |r| r.id,
        |r| crate::domain::names::full_name(&r.surname, &r.name, &r.patronymic),
        person,
        &mut c,
    );
    out.owners = rows(
        &base.owners,
        &mine.owners,
        &theirs.owners,
        |r| r.id,
        |r| r.name.clone(),
        |r| format!("{} {}", r.name, number(&r.share)),
        &mut c,
    );
    out.services = rows(
        &base.services,
        &mine.services,
        &theirs.services,
        |r| r.id,
        |r| n.catalogs.service_name(Some(r.service_id)).to_string(),
        |r| {
            format!(
                "{} {} — {}",
                n.catalogs.service_name(Some(r.service_id)),
                date(&r.start),
                date(&r.end)
            )
        },
        &mut c,
    );
    out.projects = rows(
        &base.projects,
        &mine.projects,
        &theirs.projects,
        |r| r.id,
        |r| r.title.clone(),
        |r| format!("{}: {} — {}", r.title, date(&r.start), date(&r.end)),
        &mut c,
    );
    out.records = rows(
        &base.records,
        &mine.records,
        &theirs.records,
        |r| r.id,
        |r| r.subject.clone(),
        |r| format!("{} {} {}", date(&r.date), r.number, r.subject),
        &mut c,
    );
    for (key, value) in &mine.indicators {
        if base.indicators.get(key) != Some(value) {
            let theirs_value = theirs.indicators.get(key);
            if theirs_value != base.indicators.get(key) && theirs_value != Some(value) {
                c.push(Conflict {
                    what: format!("{} {:02}.{}", n.indicator(key.0), key.1.1, key.1.0),
                    theirs: number(&theirs_value),
                    mine: value.to_string(),
                });
            }
            out.indicators.insert(*key, *value);
        }
    }
    for key in base.indicators.keys() {
        if !mine.indicators.contains_key(key) {
            out.indicators.remove(key);
        }
    }
    (out, c)
}

fn person(p: &Person) -> String {
    let phones: Vec<String> = p.phones.iter().map(|ph| ph.display()).collect();
    format!(
        "{}, {} {}",
        crate::domain::names::full_name(&p.surname, &p.name, &p.patronymic),
        p.position,
        phones.join(", ")
    )
    .trim_end()
    .to_string()
}
