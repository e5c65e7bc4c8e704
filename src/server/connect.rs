//! Reaching the server: the address as PostgreSQL reads it, TLS through rustls with the
//! system's root certificates, plain only on this machine (loopback or a local socket).

use std::str::FromStr as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::time::Duration;

use postgres::config::{Host, SslMode};

use super::ServerError;

/// Whether every host of the address is this machine (an address given by `hostaddr` is the
/// one connected to, whatever `host` says).
pub fn is_local(config: &postgres::Config) -> bool {
    if !config.get_hostaddrs().is_empty() {
        return config.get_hostaddrs().iter().all(|a| a.is_loopback());
    }
    config.get_hosts().iter().all(|h| match h {
        Host::Tcp(name) => matches!(name.as_str(), "localhost" | "127.0.0.1" | "::1"),
        #[cfg(unix)]
        Host::Unix(_) => true,
    })
}

/// The address as PostgreSQL reads it (`postgresql://user@host/db` or `host=… dbname=…`).
pub fn config(url: &str) -> Result<postgres::Config, ServerError> {
    let mut config =
        postgres::Config::from_str(url).map_err(|e| ServerError::BadUrl(e.to_string()))?;
    // As PostgreSQL's own tools: no host is this machine's socket (or localhost), no user
    // the computer's account.
    if config.get_hosts().is_empty() && config.get_hostaddrs().is_empty() {
        #[cfg(unix)]
        config.host_path("/var/run/postgresql");
        #[cfg(not(unix))]
        config.host("localhost");
    }
    if config.get_user().is_none() {
        config.user(whoami::username().unwrap_or_default().as_str());
    }
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    config.application_name("vipdesk");
    Ok(config)
}

/// Connects to the server at `url`: with TLS (its certificate checked against the system's
/// roots) unless it is on this machine, where `sslmode` decides.
pub fn connect(url: &str) -> Result<postgres::Client, ServerError> {
    connect_with(config(url)?)
}

/// How long a server may take to let a user in. The socket's own timeout covers only reaching
/// the port: a port that takes the connection and never answers would hold a sync (and the
/// database's sync lock) for ever.
pub const ANSWER_WITHIN: Duration = Duration::from_secs(20);

/// [`connect`] with an address already read (a user and password set on it).
pub fn connect_with(config: postgres::Config) -> Result<postgres::Client, ServerError> {
    connect_within(config, ANSWER_WITHIN)
}

/// [`connect_with`], the server given `wait` to let the user in. A connection made has TCP
/// keepalives that find a dead network within about a minute.
pub fn connect_within(
    mut config: postgres::Config,
    wait: Duration,
) -> Result<postgres::Client, ServerError> {
    config
        .keepalives(true)
        .keepalives_idle(Duration::from_secs(30))
        .keepalives_interval(Duration::from_secs(10))
        .keepalives_retries(3);
    if is_local(&config) && config.get_ssl_mode() != SslMode::Require {
        return within(wait, move || config.connect(postgres::NoTls));
    }
    if config.get_ssl_mode() == SslMode::Disable {
        return Err(ServerError::TlsRequired);
    }
    config.ssl_mode(SslMode::Require);
    // The process's one crypto provider (installing it twice is harmless). *ring*: it builds
    // for Windows with mingw-w64, where aws-lc needs cmake and nasm; rustls calls it deprecated
    // for its lack of post-quantum key exchange, which PostgreSQL's TLS does not need yet.
    #[allow(deprecated)]
    let _ = rustls::crypto::ring::default_provider().install_default();
    let (tls, _) = tokio_postgres_rustls::MakeRustlsConnect::with_native_certs()
        .map_err(|_| ServerError::NoRootCertificates)?;
    within(wait, move || config.connect(tls))
}

/// Threads still waiting on a server that did not answer in time; past this many no new one
/// is started (a window trying every 20 seconds would otherwise gather them).
const MAX_WAITING: usize = 4;

/// Runs `connect` on a thread of its own and waits for it `wait` at most: a server that does
/// not answer is [`ServerError::NoAnswer`], its thread left to end when the socket does.
fn within(
    wait: Duration,
    connect: impl FnOnce() -> Result<postgres::Client, postgres::Error> + Send + 'static,
) -> Result<postgres::Client, ServerError> {
    static WAITING: AtomicUsize = AtomicUsize::new(0);
    if WAITING.load(Ordering::SeqCst) >= MAX_WAITING {
        return Err(ServerError::NoAnswer);
    }
    // 0 running, 1 done, 2 given up on.
    let state = Arc::new(AtomicU8::new(0));
    let seen = state.clone();
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("vipdesk-connect".into())
        .spawn(move || {
            let done = connect();
            if seen.swap(1, Ordering::SeqCst) == 2 {
                WAITING.fetch_sub(1, Ordering::SeqCst);
            }
            let _ = tx.send(done);
        })
        .map_err(|e| ServerError::Connect(e.to_string()))?;
    match rx.recv_timeout(wait) {
        Ok(done) => Ok(done?),
        Err(_) => {
            WAITING.fetch_add(1, Ordering::SeqCst);
            if state
                .compare_exchange(0, 2, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok()
            {
                return Err(ServerError::NoAnswer);
            }
            // It answered just now.
            WAITING.fetch_sub(1, Ordering::SeqCst);
            match rx.recv() {
                Ok(done) => Ok(done?),
                Err(_) => Err(ServerError::NoAnswer),
            }
        }
    }
}
