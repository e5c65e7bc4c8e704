//! What every screen may read: today's date (from the clock, each frame), who works, the
//! managers, the catalogues and the client list. The shell loads it; screens never write it.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::admin::{Catalogs, Manager};
use crate::clients::ClientRow;
use crate::domain::{Actor, Id};

#[derive(Debug, Clone, Default)]
pub struct ViewCtx {
    /// Today by the database's clock, read every frame.
    pub today: NaiveDate,
    /// The manager working at the workstation.
    pub me: Option<Manager>,
    pub managers: Vec<Manager>,
    pub catalogs: Catalogs,
    /// Every client not in the trash, with what the search looks through.
    pub clients: Arc<Vec<ClientRow>>,
    /// Grows each time `clients` is reloaded, so that screens that keep indices into it know.
    pub clients_version: u64,
    /// Saved settings that do not read: the window names each in a red band.
    pub unreadable: Vec<crate::storage::settings::Unreadable>,
    /// Where the database is, for «О программе».
    pub db_label: String,
    /// Asks for a new frame from another thread (the mail merge's progress).
    pub repaint: Repaint,
    /// The database's change stamp when the view was read: a navigation with nothing written
    /// since reads nothing again.
    pub stamp: Option<(i64, u64)>,
    /// Long reads run off the UI thread (the window); a test's window reads in step.
    pub background: bool,
    /// The window's sync with the department server (its thread and what it did).
    pub sync: super::sync::Link,
}

/// A handle that asks the window for a new frame; it does nothing before the first frame.
#[derive(Debug, Clone, Default)]
pub struct Repaint(Option<egui::Context>);

impl Repaint {
    pub fn new(ctx: &egui::Context) -> Repaint {
        Repaint(Some(ctx.clone()))
    }
    pub fn request(&self) {
        if let Some(ctx) = &self.0 {
            ctx.request_repaint();
        }
    }
}

impl ViewCtx {
    /// Reads the managers, catalogues, clients and unreadable settings again, when anything
    /// was written since they were read (a navigation alone reads nothing).
    pub fn refresh(&mut self, db: &crate::storage::Db) -> anyhow::Result<()> {
        use crate::i18n as t;
        let stamp = db.change_stamp();
        if self.stamp == Some(stamp) {
            return Ok(());
        }
        self.managers = crate::admin::service::managers(db).map_err(t::err)?;
        self.catalogs = crate::admin::service::catalogs(db).map_err(t::err)?;
        self.unreadable = db.unreadable_settings().map_err(t::err)?;
        self.clients = Arc::new(crate::clients::service::list(db).map_err(t::err)?);
        self.clients_version += 1;
        let me = self.me_id();
        self.me = self
            .managers
            .iter()
            .find(|m| m.id == me && me.is_some())
            .cloned();
        self.stamp = Some(stamp);
        Ok(())
    }

    pub fn me_id(&self) -> Option<Id> {
        self.me.as_ref().and_then(|m| m.id)
    }

    /// The acting user of every write.
    pub fn actor(&self) -> Actor {
        self.me.as_ref().map_or(Actor::SYSTEM, Manager::actor)
    }

    /// (id, short name) of every manager, for filters.
    pub fn manager_names(&self) -> Vec<(Id, String)> {
        self.managers
            .iter()
            .filter_map(|m| m.id.map(|id| (id, m.short_name())))
            .collect()
    }

    /// (id, full name) of every manager, for pickers.
    pub fn manager_full_names(&self) -> Vec<(Id, String)> {
        self.managers
            .iter()
            .filter_map(|m| m.id.map(|id| (id, m.full_name())))
            .collect()
    }
}
