//! Who works: each user proves who they are before the program acts as them, with a personal
//! password (kept as a salted argon2 hash, never in the journal) or the operating system account
//! the program runs under (linked to the manager by the head), as the settings say. The journal's
//! author of every write is the user proven here.
//!
//! A new workstation has no password: the first to sign in sets their own. Once anyone has a
//! password, the department has its users: the head of the group sets a newcomer's password
//! (a manager without one is refused until then), and each user changes their own.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};

use super::store;
use crate::domain::{Actor, Duty, Id};
use crate::storage::{Db, Reader, StorageError};

/// How users prove who they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// A personal password, typed at sign-in.
    #[default]
    Password,
    /// The operating system account the program runs under, linked to the manager.
    OsAccount,
}

/// The setting «Вход в программу».
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct IdentitySettings {
    pub mode: Mode,
}

/// The shortest password taken.
pub const MIN_PASSWORD: usize = 8;
/// The longest (argon2 takes more, a typing accident does not need it).
pub const MAX_PASSWORD: usize = 256;

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// No active manager with this id.
    #[error("no active manager {0}")]
    UnknownUser(Id),
    #[error("wrong password")]
    WrongPassword,
    /// The user has no password yet and the department has users: the head sets it.
    #[error("no password set for this user")]
    NoPassword,
    /// The operating system account is not the one linked to this manager.
    #[error("the account {account:?} is not linked to this manager")]
    NotThisAccount { account: String },
    /// The operating system account is linked to no manager.
    #[error("the account {account:?} is linked to no manager")]
    UnknownAccount { account: String },
    #[error("the password is shorter than {0} characters")]
    WeakPassword(usize),
    #[error("the password is longer than {0} characters")]
    LongPassword(usize),
    /// The password and its repetition differ.
    #[error("the passwords differ")]
    Mismatch,
    #[error("the password could not be hashed: {0}")]
    Hash(String),
    /// Nobody has a password yet and this user is not the head: the head signs in first and
    /// sets the others' (a manager going first would lock the head out).
    #[error("the head of the group signs in first")]
    HeadFirst,
    /// A workstation joined to the department server as another manager.
    #[error("this workstation is another manager's")]
    NotThisWorkstation,
    /// The computer's accounts would prove who works, but not the head's own: the head would
    /// be locked out.
    #[error("link your own account first")]
    OwnAccountFirst,
}

/// What signing in as a manager asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// Their password.
    Password,
    /// A new password, twice: nobody has one yet, the first sets their own.
    NewPassword,
    /// Nothing: the operating system account proves it (`account` is the one running).
    OsAccount { account: String },
}

/// What the user gives to prove who they are.
#[derive(Debug, Clone, Copy)]
pub enum Proof<'a> {
    Password(&'a str),
    /// A first password, with its repetition.
    NewPassword(&'a str, &'a str),
    /// The operating system account running the program.
    OsAccount(&'a str),
}

pub fn settings(db: &impl Reader) -> Result<IdentitySettings, StorageError> {
    store::identity_settings(db.connection())
}

/// Sets how users prove who they are (the head's).
pub fn set_mode(db: &mut Db, actor: &Actor, mode: Mode) -> Result<(), SignInError> {
    actor.may(Duty::EditManagers).map_err(StorageError::from)?;
    // The head who switches to the computer's accounts must be able to sign in by his own.
    if mode == Mode::OsAccount
        && let Some(id) = actor.id
    {
        let own = store::credential(db.conn(), id)?.os_account;
        if own.is_empty() || !own.eq_ignore_ascii_case(&current_os_account()) {
            return Err(SignInError::OwnAccountFirst);
        }
    }
    db.write(actor, |w| {
        store::save_identity_settings(w, &IdentitySettings { mode })
    })?;
    log::info!("sign-in mode set to {mode:?}");
    Ok(())
}

/// The operating system account the program runs under («DOMAIN\\user» is the user).
pub fn current_os_account() -> String {
    whoami::username().unwrap_or_default()
}

/// Whether the department has set up its users: somebody has a password, or the operating
/// system accounts prove who works. The command line then needs `--user`.
pub fn established(db: &impl Reader) -> Result<bool, StorageError> {
    Ok(settings(db)?.mode == Mode::OsAccount || store::any_password(db.connection())?)
}

fn active_manager(db: &impl Reader, id: Id) -> Result<super::Manager, SignInError> {
    match store::get_manager(db.connection(), id) {
        Ok(m) if m.active => Ok(m),
        Ok(_) | Err(StorageError::NotFound(_)) => Err(SignInError::UnknownUser(id)),
        Err(e) => Err(e.into()),
    }
}

/// What signing in as manager `id` asks for.
pub fn ask(db: &impl Reader, id: Id) -> Result<Ask, SignInError> {
    let me = active_manager(db, id)?;
    if settings(db)?.mode == Mode::OsAccount {
        return Ok(Ask::OsAccount {
            account: current_os_account(),
        });
    }
    let own = !store::credential(db.connection(), id)?
        .password_hash
        .is_empty();
    // A workstation of the department is its server user's: they set their own password
    // here; another manager signs in only with a password of this workstation.
    if let Some(state) = crate::storage::replica::state(db.connection())? {
        return if own {
            Ok(Ask::Password)
        } else if me.uuid != state.manager_uuid {
            Err(SignInError::NotThisWorkstation)
        } else if store::any_password(db.connection())? {
            Err(SignInError::NoPassword)
        } else {
            Ok(Ask::NewPassword)
        };
    }
    if own {
        Ok(Ask::Password)
    } else if store::any_password(db.connection())? {
        Err(SignInError::NoPassword)
    } else if me.role == crate::domain::Role::GroupHead
        || !super::has_head(&store::list_managers(db.connection())?)
    {
        Ok(Ask::NewPassword)
    } else {
        Err(SignInError::HeadFirst)
    }
}

/// Signs in as manager `id` with `proof`: the acting user of what follows. A first password
/// (nobody has one yet) is set in the same step.
pub fn sign_in(db: &mut Db, id: Id, proof: Proof) -> Result<Actor, SignInError> {
    let m = active_manager(db, id)?;
    let actor = m.actor();
    match (ask(db, id)?, proof) {
        (Ask::Password, Proof::Password(p)) => {
            let hash = store::credential(db.conn(), id)?.password_hash;
            if !verify(p, &hash) {
                log::warn!("sign-in of manager {id} refused: wrong password");
                return Err(SignInError::WrongPassword);
            }
        }
        (Ask::NewPassword, Proof::NewPassword(p, again)) => {
            let hash = new_hash(p, again)?;
            db.write(&actor, |w| {
                // Another workstation's first user may have come first: look again inside.
                if store::any_password(w)? {
                    return Err(SignInError::NoPassword);
                }
                Ok(store::set_password_hash(w, id, &hash)?)
            })?;
        }
        (Ask::OsAccount { account }, Proof::OsAccount(given)) => {
            let linked = store::credential(db.conn(), id)?.os_account;
            if linked.is_empty() || !linked.eq_ignore_ascii_case(given) || given != account {
                log::warn!("sign-in of manager {id} refused: another account");
                return Err(SignInError::NotThisAccount {
                    account: given.to_string(),
                });
            }
        }
        (Ask::Password, _) => return Err(SignInError::WrongPassword),
        (Ask::NewPassword, _) => return Err(SignInError::NoPassword),
        (Ask::OsAccount { account }, _) => return Err(SignInError::NotThisAccount { account }),
    }
    log::info!("manager {id} signed in");
    Ok(actor)
}

/// Signs in by the operating system account running the program, when the settings say so:
/// the manager linked to it (`None` in password mode).
pub fn sign_in_by_os(db: &mut Db) -> Result<Option<Actor>, SignInError> {
    if settings(db)?.mode != Mode::OsAccount {
        return Ok(None);
    }
    let account = current_os_account();
    let id =
        store::manager_of_os_account(db.conn(), &account)?.ok_or(SignInError::UnknownAccount {
            account: account.clone(),
        })?;
    sign_in(db, id, Proof::OsAccount(&account)).map(Some)
}

/// Sets manager `id`'s password: the user's own, or anyone's by the head (a newcomer's, a
/// forgotten one).
pub fn set_password(
    db: &mut Db,
    actor: &Actor,
    id: Id,
    password: &str,
    again: &str,
) -> Result<(), SignInError> {
    if actor.id != Some(id) {
        actor.may(Duty::EditManagers).map_err(StorageError::from)?;
    }
    active_manager(db, id)?;
    let hash = new_hash(password, again)?;
    db.write(actor, |w| store::set_password_hash(w, id, &hash))?;
    log::info!("password of manager {id} set by {:?}", actor.id);
    Ok(())
}

/// Links manager `id` to an operating system account (the head's); empty unlinks.
pub fn set_os_account(
    db: &mut Db,
    actor: &Actor,
    id: Id,
    account: &str,
) -> Result<(), SignInError> {
    actor.may(Duty::EditManagers).map_err(StorageError::from)?;
    active_manager(db, id)?;
    db.write(actor, |w| store::set_os_account(w, id, account.trim()))?;
    Ok(())
}

/// The operating system account linked to manager `id` (empty: none).
pub fn os_account(db: &impl Reader, id: Id) -> Result<String, StorageError> {
    Ok(store::credential(db.connection(), id)?.os_account)
}

/// Whether manager `id` has a password.
pub fn has_password(db: &impl Reader, id: Id) -> Result<bool, StorageError> {
    Ok(!store::credential(db.connection(), id)?
        .password_hash
        .is_empty())
}

fn new_hash(password: &str, again: &str) -> Result<String, SignInError> {
    // Spaces are not a password.
    let n = password.chars().filter(|c| !c.is_whitespace()).count();
    if n < MIN_PASSWORD {
        return Err(SignInError::WeakPassword(MIN_PASSWORD));
    }
    if n > MAX_PASSWORD {
        return Err(SignInError::LongPassword(MAX_PASSWORD));
    }
    if password != again {
        return Err(SignInError::Mismatch);
    }
    let salt = SaltString::encode_b64(uuid::Uuid::new_v4().as_bytes())
        .map_err(|e| SignInError::Hash(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| SignInError::Hash(e.to_string()))
}

fn verify(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only_and_is_salted() {
        let a = new_hash("пароль-123", "пароль-123").expect("hash");
        let b = new_hash("пароль-123", "пароль-123").expect("hash");
        assert_ne!(a, b, "salted");
        assert!(a.starts_with("$argon2id$"), "{a}");
        assert!(verify("пароль-123", &a));
        assert!(!verify("пароль-124", &a));
        assert!(!verify("", ""));
        assert!(matches!(
            new_hash("short", "short"),
            Err(SignInError::WeakPassword(8))
        ));
        assert!(matches!(
            new_hash("длинный-пароль", "другой-пароль"),
            Err(SignInError::Mismatch)
        ));
    }
}
