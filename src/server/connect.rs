//! Reaching the server: the address as PostgreSQL reads it, TLS through rustls with the
//! system's root certificates, plain only on this machine (loopback or a local socket).

use std::str::FromStr as _;

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
        config.connect_timeout(std::time::Duration::from_secs(10));
    }
    config.application_name("vipdesk");
    Ok(config)
}

/// Connects to the server at `url`: with TLS (its certificate checked against the system's
/// roots) unless it is on this machine, where `sslmode` decides.
pub fn connect(url: &str) -> Result<postgres::Client, ServerError> {
    connect_with(config(url)?)
}

/// [`connect`] with an address already read (a user and password set on it).
pub fn connect_with(mut config: postgres::Config) -> Result<postgres::Client, ServerError> {
    if is_local(&config) && config.get_ssl_mode() != SslMode::Require {
        return Ok(config.connect(postgres::NoTls)?);
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
    Ok(config.connect(tls)?)
}
