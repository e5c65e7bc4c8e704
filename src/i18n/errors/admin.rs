//! Administration: managers and images, the integrity check's problems, the demo data.

use super::*;

impl Describe for AdminError {
    fn describe(&self) -> String {
        match self {
            AdminError::Storage(e) => e.describe(),
            AdminError::NameTaken => w::ERR_NAME_TAKEN.into(),
            AdminError::InnTaken { other } => w::err_restore_inn_taken(other),
            AdminError::File(e) => e.describe(),
            AdminError::NotPng => w::ERR_NOT_PNG.into(),
            AdminError::RestoreFromItself => w::ERR_RESTORE_FROM_ITSELF.into(),
            AdminError::BadCopy(StorageError::Damaged(_)) => w::ERR_COPY_DAMAGED.into(),
            AdminError::PlainCopyIntoEncrypted => w::ERR_PLAIN_COPY.into(),
            AdminError::EncryptedCopyIntoPlain => w::ERR_ENCRYPTED_COPY.into(),
            AdminError::BadCopy(e) => w::err_bad_copy(&e.describe()),
            AdminError::ImageTooLarge { width, height } => {
                w::err_image_too_large(*width, *height, crate::pixels::MAX_SIDE)
            }
            AdminError::Invalid(errors) => super::appeals::fields_sentence(errors, company_field),
        }
    }
}

/// The label of a field of the company's requisites.
fn company_field(key: &str) -> &'static str {
    match key {
        "name" => w::C_NAME,
        "inn" => w::F_INN,
        "kpp" => w::F_KPP,
        "ogrn" => w::F_OGRN,
        "number_format" => w::C_NUMBER_FORMAT,
        "director_position" => w::C_DIRECTOR_POSITION,
        _ => w::C_DIRECTOR_NAME,
    }
}

impl Describe for Problem {
    fn describe(&self) -> String {
        match self {
            Problem::Sqlite(line) => w::check_sqlite(line),
            Problem::Drift(d) => {
                use crate::storage::schema::Drift as D;
                match d {
                    D::Extra { kind, name } => w::schema_extra(w::schema_kind(kind), name),
                    D::Missing { kind, name } => w::schema_missing(w::schema_kind(kind), name),
                    D::Altered { kind, name } => w::schema_altered(w::schema_kind(kind), name),
                }
            }
            Problem::ForeignKey {
                table,
                rowid,
                parent,
            } => w::check_fk(table, *rowid, parent),
            Problem::Schema { found, latest } => w::check_schema(*found, *latest),
            Problem::BadInn(id) => w::check_bad_inn(*id),
            Problem::DuplicateInn(a, b) => w::check_dup_inn(*a, *b),
            Problem::Setting(u) => u.describe(),
            Problem::Journal(p) => {
                use crate::storage::journal::ChainProblem as C;
                match p {
                    C::Altered(id) => w::journal_altered(*id),
                    C::Broken(id) => w::journal_broken(*id),
                    C::Truncated { rows, head } => w::journal_truncated(*rows, *head),
                    C::HeadMissing { rows } => w::journal_head_missing(*rows),
                    C::Unjournalled {
                        table,
                        record,
                        field,
                    } => w::journal_unjournalled(
                        crate::words::journal_kind(table),
                        *record,
                        crate::words::journal::journal_field(table, field).unwrap_or(field),
                    ),
                    C::Gone { table, record } => {
                        w::journal_gone(crate::words::journal_kind(table), *record)
                    }
                    C::Rewritten { copy, rows } => w::journal_rewritten(copy, *rows),
                    C::RowsChanged => w::JOURNAL_ROWS_CHANGED.into(),
                }
            }
        }
    }
}

impl Describe for DemoError {
    fn describe(&self) -> String {
        match self {
            DemoError::NotEmpty => w::demo::DEMO_NOT_EMPTY.into(),
            DemoError::TooMany(n) => w::demo::demo_too_many(*n, crate::demo::MAX_CLIENTS),
            DemoError::Storage(e) => e.describe(),
            DemoError::Letter(e) => e.describe(),
            DemoError::Contacts(e) => e.describe(),
            DemoError::Appeals(e) => e.describe(),
            DemoError::Admin(e) => e.describe(),
            DemoError::VipList(e) => e.describe(),
            DemoError::Survey(e) => e.describe(),
        }
    }
}

impl Describe for crate::admin::identity::SignInError {
    fn describe(&self) -> String {
        use crate::admin::identity::SignInError as E;
        match self {
            E::Storage(e) => e.describe(),
            E::UnknownUser(id) => w::err_unknown_user(*id),
            E::WrongPassword => w::ERR_WRONG_PASSWORD.into(),
            E::NoPassword => w::ERR_NO_PASSWORD_YET.into(),
            E::NotThisAccount { account } => w::err_not_this_account(account),
            E::UnknownAccount { account } => w::err_unknown_account(account),
            E::WeakPassword(n) => w::err_weak_password(*n),
            E::LongPassword(n) => w::err_long_password(*n),
            E::Mismatch => w::ERR_PASSWORDS_DIFFER.into(),
            E::HeadFirst => w::ERR_HEAD_FIRST.into(),
            E::NotThisWorkstation => crate::words::server::ERR_NOT_THIS_WORKSTATION.into(),
            E::OwnAccountFirst => w::ERR_OWN_ACCOUNT_FIRST.into(),
            E::Hash(e) => {
                log::error!("password hash failed: {e}");
                w::ERR_PASSWORD_HASH.into()
            }
        }
    }
}
