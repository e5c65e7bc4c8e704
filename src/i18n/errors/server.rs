//! The department server's errors.

use super::*;
use crate::server::ServerError;
use crate::words::server as ws;

impl Describe for ServerError {
    fn describe(&self) -> String {
        match self {
            ServerError::BadUrl(_) => ws::ERR_SERVER_BAD_URL.into(),
            ServerError::TlsRequired => ws::ERR_SERVER_TLS_REQUIRED.into(),
            ServerError::NoRootCertificates => ws::ERR_SERVER_NO_ROOTS.into(),
            // PostgreSQL's own words name the cause (its messages follow the server's locale).
            ServerError::Connect(detail) if detail.contains("certificate") => {
                ws::err_server_certificate(detail)
            }
            ServerError::Connect(detail) => ws::err_server_connect(detail),
            ServerError::NoAnswer => ws::ERR_SERVER_NO_ANSWER.into(),
            ServerError::Refused => ws::ERR_SERVER_REFUSED.into(),
            ServerError::NoTlsOnServer => ws::ERR_SERVER_NO_TLS.into(),
            ServerError::Server(detail) => ws::err_server_code(detail),
            ServerError::TooNew { found, known } => ws::err_server_too_new(*found, *known),
            ServerError::NotReady { found, latest } => ws::err_server_not_ready(*found, *latest),
            ServerError::BadLogin(login) => ws::err_server_bad_login(login),
            ServerError::ShortPassword => ws::ERR_SERVER_SHORT_PASSWORD.into(),
            ServerError::LoginTaken(login) => ws::err_server_login_taken(login),
            ServerError::AlreadyJoined => ws::ERR_SYNC_ALREADY_JOINED.into(),
            ServerError::PasswordInUrl => ws::ERR_SYNC_PASSWORD_IN_URL.into(),
            ServerError::OtherServer => ws::ERR_SYNC_OTHER_SERVER.into(),
            ServerError::Busy => ws::ERR_SYNC_BUSY.into(),
            ServerError::NotJoined => ws::ERR_SYNC_NOT_JOINED.into(),
            ServerError::NotAUser(login) => ws::err_sync_not_a_user(login),
            ServerError::NoConflict(_) => ws::ERR_SYNC_NO_CONFLICT.into(),
            ServerError::Undecidable(_) => ws::ERR_SYNC_UNDECIDABLE.into(),
            ServerError::Storage(e) => e.describe(),
        }
    }
}
