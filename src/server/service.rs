//! The server's services: set it up, add its users.

use super::{NewUser, NumberKind, ServerError, connect, store};
use crate::storage::Db;

/// What `server init` did: the schema's version before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Initialised {
    pub before: i32,
    pub after: i32,
}

/// Creates the server's schema at `url`, or upgrades it; run again, it changes nothing.
pub fn init(url: &str) -> Result<Initialised, ServerError> {
    let mut c = connect::connect(url)?;
    let (before, after) = store::migrate(&mut c)?;
    Ok(Initialised { before, after })
}

/// The shortest password of a server account.
pub const MIN_PASSWORD: usize = 8;

/// Whether PostgreSQL takes `login` as a user's name as typed: Latin letters, digits, `_`, `.`,
/// `-`, starting with a letter, up to 63 characters, not a name PostgreSQL keeps for itself.
pub fn login_ok(login: &str) -> bool {
    let mut chars = login.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
        && login.len() <= 63
        && !login.starts_with("pg_")
        && login != "vipdesk_users"
}

/// Adds a user to the server at `url`: a PostgreSQL role that logs in with the password, known
/// as the manager `user.manager_id` of the database `db` (by the manager's uuid).
pub fn add_user(db: &Db, url: &str, user: &NewUser) -> Result<(), ServerError> {
    if !login_ok(&user.login) {
        return Err(ServerError::BadLogin(user.login.clone()));
    }
    if user.password.chars().count() < MIN_PASSWORD {
        return Err(ServerError::ShortPassword);
    }
    let manager = crate::admin::service::manager(db, user.manager_id)?;
    let mut c = connect::connect(url)?;
    store::ready(store::version(&mut c)?)?;
    store::add_user(
        &mut c,
        &user.login,
        &user.password,
        &manager.uuid,
        user.head,
    )
}

/// The most numbers one block leases (a workstation offline for weeks needs far fewer).
pub const MAX_BLOCK: i32 = 1000;

/// The next number of `kind` for `year`, handed out by the server on `c` (a user's
/// connection): never given twice, whatever else asks at the same moment.
pub fn next_number(
    c: &mut postgres::Client,
    kind: NumberKind,
    year: i32,
) -> Result<i64, ServerError> {
    store::next_number(c, kind.code(), year)
}

/// Leases `size` numbers of `kind` for `year` to the workstation `ws` for offline work:
/// (first, last), recorded on the server and never handed out again.
pub fn lease_block(
    c: &mut postgres::Client,
    kind: NumberKind,
    year: i32,
    size: i32,
    ws: &str,
) -> Result<(i64, i64), ServerError> {
    store::lease_block(c, kind.code(), year, size.clamp(1, MAX_BLOCK), ws)
}
