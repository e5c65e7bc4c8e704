//! `vipdesk sync …`: this workstation's sync with the department server.

use std::process::ExitCode;

use clap::Subcommand;

use super::{Out, Place, passphrase};
use crate::i18n as t;
use crate::server::sync;
use crate::words::server as ws;

#[derive(Subcommand, Debug)]
pub enum SyncCommand {
    /// Join this workstation to the department server (once): take in what the user may see,
    /// send up what this database has.
    Join {
        /// The server: postgresql://HOST:5432/DATABASE or host=… dbname=….
        #[arg(long)]
        url: String,
        /// The user's login on the server.
        #[arg(long)]
        login: String,
    },
    /// Where the sync is: the cursor, the changes waiting to be sent, the last error.
    Status {
        /// One JSON object.
        #[arg(long)]
        json: bool,
    },
}

/// `vipdesk sync [--url URL]` and its subcommands.
pub fn sync(
    place: &Place,
    url: Option<String>,
    command: Option<SyncCommand>,
    out: &mut Out,
) -> anyhow::Result<ExitCode> {
    match command {
        Some(SyncCommand::Status { json }) => {
            let db = place.readable()?;
            let s = sync::status(&db).map_err(t::err)?;
            if json {
                out.line(serde_json::to_string(&s)?)?;
            } else {
                out.lines(status_lines(&s))?;
            }
        }
        Some(SyncCommand::Join { url, login }) => {
            let mut db = place.open()?;
            let me = place.actor(&mut db)?.id;
            let password = passphrase::server_login_password(&url, &login)?;
            let report = sync::join_as(&mut db, &url, &login, &password, me, &mut |p| {
                log::info!("sync progress {p:?}");
            })
            .map_err(t::err)?;
            crate::server::secrets::remember(&url, &login, &password);
            out.line(ws::sync_joined(&url, &login))?;
            out.line(report_line(&report))?;
        }
        None => {
            let mut db = place.open()?;
            place.actor(&mut db)?;
            if let Some(url) = url {
                sync::move_to(&mut db, &url).map_err(t::err)?;
            }
            let state = crate::storage::replica::state(db.conn())
                .map_err(t::err)?
                .ok_or_else(|| t::err(crate::server::ServerError::NotJoined))?;
            let password = passphrase::server_login_password(&state.url, &state.login)?;
            let report = match sync::sync(&mut db, &password, &mut |p| {
                log::info!("sync progress {p:?}");
            }) {
                Ok(report) => report,
                Err(e) => {
                    if !matches!(e, crate::server::ServerError::Busy) {
                        sync::note_failure(&db, &t::describe(&e)).map_err(t::err)?;
                    }
                    return Err(t::err(e));
                }
            };
            out.line(report_line(&report))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn report_line(r: &sync::Report) -> String {
    ws::sync_report(r.pushed, r.applied, r.waiting, r.conflicts, r.refused)
}

/// The lines of `sync status`.
fn status_lines(s: &sync::Status) -> Vec<String> {
    if !s.joined {
        return vec![ws::SYNC_NOT_JOINED.to_string()];
    }
    let mut lines = vec![
        ws::sync_server(
            s.url.as_deref().unwrap_or_default(),
            s.login.as_deref().unwrap_or_default(),
        ),
        ws::sync_last(&when(s.last_sync_at.as_deref())),
    ];
    if !s.join_finished {
        lines.push(ws::SYNC_JOIN_UNFINISHED.to_string());
    }
    lines.extend([ws::sync_cursor(s.cursor), ws::sync_outbox(s.outbox)]);
    if s.waiting > 0 {
        lines.push(ws::sync_waiting(s.waiting));
    }
    if s.conflicts > 0 {
        lines.push(ws::sync_conflicts(s.conflicts));
    }
    if s.refused > 0 {
        lines.push(ws::sync_refused(s.refused));
    }
    if let Some(e) = &s.last_error {
        lines.push(ws::sync_last_error(&when(s.last_error_at.as_deref()), e));
    }
    lines
}

/// A stamp of the sync in the office's local time.
fn when(stamp: Option<&str>) -> String {
    ws::sync_when(stamp.and_then(crate::domain::clock::stamp_local))
}
