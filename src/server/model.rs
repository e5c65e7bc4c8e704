//! What the server's services take and how they fail.

use crate::domain::Id;

/// The numbers the server hands out, unique across the department.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// An outgoing letter's registration number.
    Letter,
    /// An appeal's registration number.
    Appeal,
    /// A gift order's number.
    GiftOrder,
}

impl NumberKind {
    /// The kind as the server's counters name it.
    pub fn code(self) -> &'static str {
        match self {
            NumberKind::Letter => "letter",
            NumberKind::Appeal => "appeal",
            NumberKind::GiftOrder => "gift_order",
        }
    }
}

/// A user to add to the server: the PostgreSQL role's name, the manager they are, the password.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub login: String,
    /// The manager of the local database this user is (known on the server by the uuid).
    pub manager_id: Id,
    pub head: bool,
    pub password: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The address does not read as a PostgreSQL connection string or URL.
    #[error("bad server address: {0}")]
    BadUrl(String),
    /// A server elsewhere than this machine reached without TLS.
    #[error("TLS is required for a server that is not on this machine")]
    TlsRequired,
    /// The system's root certificates could not be read for TLS.
    #[error("no root certificates")]
    NoRootCertificates,
    /// The server took the connection and did not answer in time.
    #[error("the server did not answer")]
    NoAnswer,
    /// Nothing listens at the address's port (or a firewall says so).
    #[error("connection refused")]
    Refused,
    /// The server does not speak TLS.
    #[error("the server does not support TLS")]
    NoTlsOnServer,
    /// The server could not be reached or refused the login.
    #[error("cannot connect: {0}")]
    Connect(String),
    /// The server answered with an error.
    #[error("server error: {0}")]
    Server(String),
    /// The server's schema is newer than this program knows.
    #[error("server schema {found} is newer than {known}")]
    TooNew { found: i32, known: i32 },
    /// The server's schema is not this program's (`server init` not run, or an older one).
    #[error("server schema {found}, not {latest}")]
    NotReady { found: i32, latest: i32 },
    /// A login PostgreSQL would not take as a user's name.
    #[error("bad login {0:?}")]
    BadLogin(String),
    /// A password too short for a server account.
    #[error("password too short")]
    ShortPassword,
    /// The login is taken.
    #[error("login {0:?} exists")]
    LoginTaken(String),
    /// The address carries a password (it would be kept in the database's file).
    #[error("a password in the address")]
    PasswordInUrl,
    /// The server (or the user there) is not the one this workstation joined.
    #[error("another server")]
    OtherServer,
    /// This workstation has joined a server already.
    #[error("already joined")]
    AlreadyJoined,
    /// Another sync (or join) of this database runs in another window or command.
    #[error("a sync of this database is running")]
    Busy,
    /// This workstation has not joined a server.
    #[error("not joined")]
    NotJoined,
    /// The login is not a vipdesk user of the server.
    #[error("{0:?} is not a user of the server")]
    NotAUser(String),
    /// No such conflict here (decided meanwhile).
    #[error("no conflict {0}")]
    NoConflict(crate::domain::Id),
    /// The value chosen cannot go into the record: it is gone, or refers to a record not here.
    #[error("cannot take the value: {0}")]
    Undecidable(String),
    #[error(transparent)]
    Storage(#[from] crate::storage::StorageError),
}

impl From<postgres::Error> for ServerError {
    fn from(e: postgres::Error) -> Self {
        match e.as_db_error() {
            Some(db) => ServerError::Server(format!("{}: {}", db.code().code(), db.message())),
            None => {
                let mut cause = std::error::Error::source(&e);
                while let Some(c) = cause {
                    if let Some(io) = c.downcast_ref::<std::io::Error>() {
                        match io.kind() {
                            std::io::ErrorKind::ConnectionRefused => return ServerError::Refused,
                            std::io::ErrorKind::TimedOut => return ServerError::NoAnswer,
                            _ => {}
                        }
                    }
                    cause = c.source();
                }
                let text = match std::error::Error::source(&e) {
                    // «invalid configuration» says little without its cause.
                    Some(cause) => format!("{e}: {cause}"),
                    None => e.to_string(),
                };
                if text.contains("server does not support TLS") {
                    ServerError::NoTlsOnServer
                } else {
                    ServerError::Connect(text)
                }
            }
        }
    }
}
