//! `vipdesk server …`: the department server.

use std::process::ExitCode;

use clap::Subcommand;

use super::{Out, Place, passphrase};
use crate::i18n as t;
use crate::server::{NewUser, service};
use crate::words::server as ws;

#[derive(Subcommand, Debug)]
pub enum ServerCommand {
    /// Create the server's schema, or upgrade it (run again, it changes nothing).
    Init {
        /// The server: postgresql://USER@HOST:5432/DATABASE or host=… dbname=… user=….
        #[arg(long)]
        url: String,
    },
    /// Add a user: a PostgreSQL role (its password from VIPDESK_SERVER_PASSWORD, else asked
    /// twice), known as a manager of this database.
    AddUser {
        #[arg(long)]
        url: String,
        /// The user's login on the server.
        #[arg(long)]
        login: String,
        /// The manager's number (id) in this database.
        #[arg(long, value_name = "ID")]
        manager: crate::domain::Id,
        /// The head of the group (sees every manager's clients).
        #[arg(long)]
        head: bool,
    },
}

pub fn server(place: &Place, command: ServerCommand, out: &mut Out) -> anyhow::Result<ExitCode> {
    match command {
        ServerCommand::Init { url } => {
            let done = service::init(&url).map_err(t::err)?;
            out.line(ws::server_initialised(done.before, done.after))?;
        }
        ServerCommand::AddUser {
            url,
            login,
            manager,
            head,
        } => {
            // Who adds users is the database's administrator: the head, once users prove who
            // they are.
            let mut db = place.open()?;
            let actor = place.actor(&mut db)?;
            actor
                .may(crate::domain::Duty::ManageDatabase)
                .map_err(|e| t::err(crate::storage::StorageError::from(e)))?;
            let password = passphrase::server_password()?;
            let user = NewUser {
                login,
                manager_id: manager,
                head,
                password,
            };
            service::add_user(&db, &url, &user).map_err(t::err)?;
            let name = crate::admin::service::manager(&db, manager)
                .map(|m| m.short_name())
                .unwrap_or_default();
            out.line(ws::server_user_added(&user.login, &name, head))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
