//! The server password of a workstation's user, kept in the operating system's keyring
//! (Windows Credential Manager; the kernel keyring on Linux), never in a file. Where no
//! keyring answers, nothing is kept and the window asks each time.

/// The keyring's name of the password of `login` on the server at `url`.
fn entry(url: &str, login: &str) -> Option<keyring::Entry> {
    keyring::Entry::new("vipdesk", &format!("{login}@{url}")).ok()
}

/// Keeps the password; `false` when no keyring took it (it will be asked again).
pub fn remember(url: &str, login: &str, password: &str) -> bool {
    entry(url, login).is_some_and(|e| e.set_password(password).is_ok())
}

/// The password kept for `login` on `url`, if any.
pub fn recall(url: &str, login: &str) -> Option<String> {
    entry(url, login).and_then(|e| e.get_password().ok())
}

/// Forgets the password (a wrong one, or the user signs out of the server).
pub fn forget(url: &str, login: &str) {
    if let Some(e) = entry(url, login) {
        let _ = e.delete_credential();
    }
}
