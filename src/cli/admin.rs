//! `demo`, `check`, `backup`, `backups list`, `restore`.

use std::path::Path;
use std::process::ExitCode;

use clap::Subcommand;

use super::{Out, Place};
use crate::admin::backups;
use crate::i18n as t;
use crate::storage::backup::{BackupFile, Snapshot};
use crate::storage::cipher;

#[derive(Debug, Subcommand)]
pub enum BackupsCommand {
    /// The copies, newest first: when, why, size, what they hold, the file.
    List,
}

pub fn demo(place: &Place, clients: usize, seed: u64, out: &mut Out) -> anyhow::Result<ExitCode> {
    // Refused before a database file is made for it.
    if !(1..=crate::demo::MAX_CLIENTS).contains(&clients) {
        return Err(t::err(crate::demo::DemoError::TooMany(clients)));
    }
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
        s.appeals,
        s.gifts,
        (s.vip_lists, s.surveys),
    ))?;
    Ok(ExitCode::SUCCESS)
}

pub fn check(place: &Place, out: &mut Out) -> anyhow::Result<ExitCode> {
    let db = place.readable()?;
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

fn counts(s: &Snapshot) -> String {
    t::backup_counts(s.counts.clients, s.counts.letters, s.counts.reports)
}

pub fn backup(place: &Place, file: Option<&Path>, out: &mut Out) -> anyhow::Result<ExitCode> {
    // A copy where the user says is the clients' data written out: the user proves who they
    // are (the backups folder beside the database is the database's own).
    let db = match file {
        Some(_) => place.reader()?.0,
        None => place.open()?,
    };
    let made = backups::create(&db, crate::storage::backup::Kind::Manual, file).map_err(t::err)?;
    out.line(t::backup_made(
        &made.path.display().to_string(),
        &counts(&made.snapshot),
        &t::file_size(i64::try_from(made.size).unwrap_or(i64::MAX)),
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn backup_line(f: &BackupFile, content: Option<&Snapshot>) -> String {
    let what = content.map_or_else(|| t::BACKUP_UNREADABLE.to_string(), counts);
    format!(
        "{}\t{}\t{}\t{}\t{}",
        f.taken.format("%d.%m.%Y %H:%M:%S"),
        t::backup_kind(f.kind),
        t::file_size(i64::try_from(f.size).unwrap_or(i64::MAX)),
        what,
        f.path.display()
    )
}

pub fn backups(place: &Place, command: BackupsCommand, out: &mut Out) -> anyhow::Result<ExitCode> {
    match command {
        BackupsCommand::List => {
            // The list is read from the folder: it works when the database itself does not open.
            let key = place.key()?;
            let entries = backups::list_at(&place.path, key.as_ref()).map_err(t::err)?;
            out.lines(
                entries
                    .iter()
                    .map(|e| backup_line(&e.file, e.content.as_ref())),
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn restore(place: &Place, file: &Path, out: &mut Out) -> anyhow::Result<ExitCode> {
    let clock: std::sync::Arc<dyn crate::domain::clock::Clock> =
        std::sync::Arc::new(crate::domain::clock::SystemClock);
    let actor = place.head_of_database()?;
    let key = place.key()?;
    let r = backups::restore_at(&place.path, &actor, file, clock, key.as_ref()).map_err(t::err)?;
    out.line(t::restored(
        &file.display().to_string(),
        &counts(&r.snapshot),
    ))?;
    if let Some(aside) = &r.aside {
        out.line(t::restored_aside(&aside.display().to_string()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `vipdesk encrypt`: the database and its copies encrypted with a new passphrase (or, when
/// encrypted already, moved to a new one). The current passphrase is checked before the new
/// one is asked.
pub fn encrypt(place: &Place, remove_unreadable: bool, out: &mut Out) -> anyhow::Result<ExitCode> {
    place.head_of_database()?;
    let from = place.key()?;
    drop(place.open()?);
    let to = super::passphrase::new_one()?;
    let done = cipher::convert(&place.path, from.as_ref(), Some(&to)).map_err(t::err)?;
    log::info!("database encrypted, {} copies converted", done.copies);
    out.line(t::encrypted(
        &counts(&done.snapshot),
        done.copies,
        done.copies_left,
    ))?;
    // No readable plain copy stays where the program keeps copies: removed with the user's
    // word, else each named and the command fails.
    let mut kept = Vec::new();
    for copy in &done.plain_left {
        let name = copy.display().to_string();
        if remove_unreadable && std::fs::remove_file(copy).is_ok() {
            out.line(crate::words::cli::plain_copy_removed(&name))?;
        } else {
            kept.push(name);
        }
    }
    if kept.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    for name in &kept {
        eprintln!("{}", crate::words::cli::plain_copy_left(name));
    }
    eprintln!("{}", crate::words::cli::PLAIN_COPIES_HINT);
    Ok(ExitCode::FAILURE)
}

/// `vipdesk decrypt`: the database and its copies written plain again.
pub fn decrypt(place: &Place, out: &mut Out) -> anyhow::Result<ExitCode> {
    place.head_of_database()?;
    let from = place.key()?;
    drop(place.open()?);
    if from.is_none() {
        return Err(t::err(crate::storage::StorageError::NotEncrypted));
    }
    let done = cipher::convert(&place.path, from.as_ref(), None).map_err(t::err)?;
    log::info!("database decrypted, {} copies converted", done.copies);
    out.line(t::decrypted(
        &counts(&done.snapshot),
        done.copies,
        done.copies_left,
    ))?;
    Ok(ExitCode::SUCCESS)
}
