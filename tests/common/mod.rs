//! Fixtures shared by the integration tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use vipdesk::domain::model::{Id, Manager, Role};
use vipdesk::storage::{self, Db};

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date")
}

/// A manager saved in `db`; returns its id.
pub fn add_manager(db: &mut Db, surname: &str, name: &str, patronymic: &str) -> Id {
    let m = Manager {
        surname: surname.into(),
        name: name.into(),
        patronymic: patronymic.into(),
        position: "Менеджер по работе с клиентами категории «VIP»".into(),
        role: Role::Manager,
        active: true,
        ..Default::default()
    };
    storage::save_manager(db, &m, None).expect("manager saved")
}
