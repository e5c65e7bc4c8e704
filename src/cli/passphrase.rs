//! Passphrases on the command line: `VIPDESK_PASSPHRASE` (the current one) and
//! `VIPDESK_NEW_PASSPHRASE` (the new one, for `encrypt`), else asked on the terminal without
//! echo. A passphrase is never an argument: arguments are seen by every user of the machine.

use std::io::IsTerminal as _;
use std::path::Path;

use anyhow::anyhow;

use crate::i18n as t;
use crate::storage::cipher::{self, Passphrase};

pub const ENV: &str = cipher::PASSPHRASE_ENV;
pub const NEW_ENV: &str = "VIPDESK_NEW_PASSPHRASE";

/// The passphrase of the database at `path`: from the environment, or asked when the file is
/// encrypted and there is a terminal; `None` for a plain database.
pub fn current(path: &Path) -> anyhow::Result<Option<Passphrase>> {
    if let Ok(s) = std::env::var(ENV) {
        return Ok(Passphrase::new(&s));
    }
    if !cipher::is_encrypted(path) || !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    ask(t::PASSPHRASE_PROMPT).map(Some)
}

/// A new passphrase: from the environment, or asked twice on the terminal.
pub fn new_one() -> anyhow::Result<Passphrase> {
    let p = match std::env::var(NEW_ENV) {
        Ok(s) => Passphrase::new(&s).ok_or_else(|| anyhow!(t::PASSPHRASE_EMPTY))?,
        Err(_) if !std::io::stdin().is_terminal() => {
            return Err(anyhow!(t::PASSPHRASE_NEW_NEEDED));
        }
        Err(_) => {
            let first = ask(t::PASSPHRASE_NEW_PROMPT)?;
            if ask(t::PASSPHRASE_REPEAT_PROMPT)? != first {
                return Err(anyhow!(t::PASSPHRASE_MISMATCH));
            }
            first
        }
    };
    cipher::check_strength(&p).map_err(t::err)?;
    Ok(p)
}

/// The environment variable of a user's password (`--user`).
pub const PASSWORD_ENV: &str = "VIPDESK_PASSWORD";

/// The password of `--user`: from the environment, or asked on the terminal without echo.
pub fn user_password() -> anyhow::Result<String> {
    if let Ok(s) = std::env::var(PASSWORD_ENV) {
        return Ok(s);
    }
    if !std::io::stdin().is_terminal() {
        return Err(anyhow!(t::PASSWORD_NEEDED));
    }
    Ok(rpassword::prompt_password(t::PASSWORD_PROMPT)?)
}

fn ask(prompt: &str) -> anyhow::Result<Passphrase> {
    let s = rpassword::prompt_password(prompt)?;
    Passphrase::new(&s).ok_or_else(|| anyhow!(t::PASSPHRASE_EMPTY))
}

/// Where a new server user's password comes from when not asked (never an argument).
pub const SERVER_PASSWORD_ENV: &str = "VIPDESK_SERVER_PASSWORD";

/// The server password of `login` on `url` when it is known without asking:
/// `VIPDESK_SERVER_PASSWORD`, else the keyring.
pub fn known_server_password(url: &str, login: &str) -> Option<String> {
    std::env::var(SERVER_PASSWORD_ENV)
        .ok()
        .or_else(|| crate::server::secrets::recall(url, login))
}

/// The password of this workstation's user on the server: `VIPDESK_SERVER_PASSWORD`, else
/// asked once on the terminal.
pub fn server_login_password(url: &str, login: &str) -> anyhow::Result<String> {
    if let Some(s) = known_server_password(url, login) {
        return Ok(s);
    }
    if !std::io::stdin().is_terminal() {
        return Err(anyhow!(crate::words::server::SERVER_LOGIN_PASSWORD_NEEDED));
    }
    Ok(rpassword::prompt_password(
        crate::words::server::SERVER_LOGIN_PASSWORD_PROMPT,
    )?)
}

/// A new server user's password: `VIPDESK_SERVER_PASSWORD`, else asked twice on the terminal.
pub fn server_password() -> anyhow::Result<String> {
    if let Ok(s) = std::env::var(SERVER_PASSWORD_ENV) {
        return Ok(s);
    }
    if !std::io::stdin().is_terminal() {
        return Err(anyhow!(crate::words::server::SERVER_PASSWORD_NEEDED));
    }
    let first = rpassword::prompt_password(crate::words::server::SERVER_PASSWORD_PROMPT)?;
    let again = rpassword::prompt_password(crate::words::server::SERVER_PASSWORD_AGAIN)?;
    if first != again {
        return Err(anyhow!(crate::words::server::SERVER_PASSWORDS_DIFFER));
    }
    Ok(first)
}
