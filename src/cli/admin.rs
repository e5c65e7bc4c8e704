//! `demo` and `check`.

use std::path::Path;
use std::process::ExitCode;

use super::{Out, open};
use crate::i18n as t;

pub fn demo(path: &Path, clients: usize, seed: u64, out: &mut Out) -> anyhow::Result<ExitCode> {
    let mut db = open(path)?;
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

pub fn check(path: &Path, out: &mut Out) -> anyhow::Result<ExitCode> {
    let db = open(path)?;
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
