//! `demo` and `check`.

use std::process::ExitCode;

use super::{Out, Place};
use crate::i18n as t;

pub fn demo(place: &Place, clients: usize, seed: u64, out: &mut Out) -> anyhow::Result<ExitCode> {
    let mut db = place.open_or_create()?;
    let today = db.today();
    let s = crate::demo::generate(&mut db, clients, seed, today).map_err(t::err)?;
    out.line(t::demo_summary(
        s.managers,
        s.clients,
        s.people,
        s.indicator_values,
        s.letters,
        s.reports,
    ))?;
    Ok(ExitCode::SUCCESS)
}

pub fn check(place: &Place, out: &mut Out) -> anyhow::Result<ExitCode> {
    let db = place.open()?;
    let problems = crate::admin::service::check(&db).map_err(t::err)?;
    if problems.is_empty() {
        let n = crate::clients::service::count(&db).map_err(t::err)?;
        out.line(t::check_ok(n))?;
        return Ok(ExitCode::SUCCESS);
    }
    out.lines(problems.iter().map(t::describe))?;
    out.line(t::check_failed(problems.len()))?;
    Ok(ExitCode::FAILURE)
}
