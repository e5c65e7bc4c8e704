//! The workstation's sync with the department server: join once, then push the outbox and
//! pull what changed, as often as the network allows.
//!
//! A push sends the outbox oldest first in batches, each one server transaction; an entry
//! leaves the outbox only once its batch is committed (sent again after a lost answer, the
//! server knows it by its uuid and changes nothing). A pull reads the records changed after
//! the replica's cursor in pages, each page applied in one SQLite transaction together with
//! the cursor's move: a kill in the middle leaves the replica at the end of a page, and the
//! next pull starts there. Nothing here waits on the window: it runs on its own thread.

use serde_json::{Map, Value};

pub use super::sync_status::{Status, joined, status, waiting_to_send};
use super::{ServerError, connect, store};
use crate::domain::Actor;
use crate::domain::hlc::Hlc;
use crate::storage::replica_apply::{self as apply, Incoming, Outcome};
use crate::storage::{Db, replica, replica_own as own};
pub use replica::State;

/// The journal's kind of the entries of a first sync (the records taken in, counted).
pub const BULK_KIND: &str = "sync";

/// How many outbox entries go in one server transaction.
pub const PUSH_BATCH: usize = 500;
/// How many records one pulled page holds (one SQLite transaction).
pub const PULL_PAGE: i64 = 1000;
/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Changes sent to the server.
    pub pushed: usize,
    /// Records received whose fields were taken in.
    pub applied: usize,
    /// Records received that changed nothing here (this workstation's own, repeats).
    pub unchanged: usize,
    /// Records kept to apply later (they refer to a record not here yet).
    pub waiting: usize,
    /// Conflicts the server reported since the last sync.
    pub conflicts: usize,
    /// Changes the server's rules refused (kept aside, named in `sync status`).
    pub refused: usize,
    /// Clients given to another manager, taken off this replica.
    pub removed: usize,
}

/// Where a long sync is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Pushing { done: usize, total: usize },
    Pulling { done: usize },
}

/// Connects to the server at `url` as `login`, checking its schema is this program's.
pub fn connect_as(url: &str, login: &str, password: &str) -> Result<postgres::Client, ServerError> {
    let (c, _) = connect_checked(url, login, password)?;
    Ok(c)
}

/// [`connect_as`], with who the user is there: (manager uuid, head, the server's uuid).
fn connect_checked(
    url: &str,
    login: &str,
    password: &str,
) -> Result<(postgres::Client, (String, bool, String)), ServerError> {
    if login.trim().is_empty() {
        return Err(ServerError::BadLogin(login.to_string()));
    }
    let mut config = connect::config(url)?;
    if config.get_password().is_some() {
        return Err(ServerError::PasswordInUrl);
    }
    config.user(login).password(password);
    let mut c = connect::connect_with(config)?;
    // A function any role may call: the version is read by vipdesk's users only.
    let me = match store::whoami(&mut c) {
        Ok(Some(me)) => me,
        Ok(None) => return Err(ServerError::NotAUser(login.to_string())),
        // A server made by an older vipdesk (no such function): its schema says so below.
        Err(ServerError::Server(e)) if e.starts_with("42883") => {
            (String::new(), false, String::new())
        }
        Err(e) => return Err(e),
    };
    store::ready(store::version_read(&mut c)?)?;
    Ok((c, me))
}

/// Joins this workstation to the server: records who the user is there, takes in everything
/// the user may see, then sends up what this database has that the server does not.
pub fn join(
    db: &mut Db,
    url: &str,
    login: &str,
    password: &str,
    progress: &mut dyn FnMut(Progress),
) -> Result<Report, ServerError> {
    join_as(db, url, login, password, None, progress)
}

/// [`join`] by the user working at the workstation (`me`, a manager of this database): in a
/// database of its own, their card is the server's user's — their clients go up as theirs.
pub fn join_as(
    db: &mut Db,
    url: &str,
    login: &str,
    password: &str,
    me: Option<crate::domain::Id>,
    progress: &mut dyn FnMut(Progress),
) -> Result<Report, ServerError> {
    let _hold = hold(db)?;
    if replica::state(db.conn())?.is_some() {
        return Err(ServerError::AlreadyJoined);
    }
    let (mut c, (manager_uuid, head, server)) = connect_checked(url, login, password)?;
    db.write(&Actor::SYSTEM, |w| {
        if replica::state(w)?.is_some() {
            return Err(ServerError::AlreadyJoined);
        }
        // A new database's starting rows (the templates, the catalogues) are the same records
        // on every workstation: not sent up, and not weighed against the department's own
        // versions of them (which would come in as conflicts), but taken in as they are.
        let fresh = replica::nothing_written(w)?;
        if let Some(me) = me {
            apply::adopt_manager(w, me, &manager_uuid)?;
        }
        replica::join(w, url, login, &manager_uuid, head, &server)?;
        if fresh {
            replica::set_sent_own(w)?;
        }
        Ok::<_, ServerError>(())
    })?;
    let mut report = Report::default();
    let started = std::time::Instant::now();
    pull(db, &mut c, &mut report, progress)?;
    log::info!(
        "join: {} records taken in, {:?}",
        report.applied,
        started.elapsed()
    );
    if !replica::state(db.conn())?.is_some_and(|s| s.sent_own) {
        send_own(db, &mut c, &mut report, progress)?;
    }
    log::info!(
        "join: {} records sent up, {:?}",
        report.pushed,
        started.elapsed()
    );
    push(db, &mut c, &mut report, progress)?;
    log::info!(
        "join: {} changes sent, {:?}",
        report.pushed,
        started.elapsed()
    );
    pull(db, &mut c, &mut report, progress)?;
    lease(db, &mut c)?;
    note(db, None)?;
    log::info!("join: done, {:?}", started.elapsed());
    Ok(report)
}

/// This database's sync to itself: another window or command syncing the same file at the
/// same moment would send the same outbox twice and take the same pages in twice (a database
/// in memory has no other user).
fn hold(db: &Db) -> Result<Option<crate::files::Hold>, ServerError> {
    let Some(path) = db.path() else {
        return Ok(None);
    };
    match crate::files::hold_beside(path, "-sync") {
        Ok(Some(hold)) => Ok(Some(hold)),
        Ok(None) => Err(ServerError::Busy),
        Err(e) => Err(crate::storage::StorageError::Io(e).into()),
    }
}

/// How many records a chunk of the snapshot holds at most, and about how many bytes of
/// fields (the stored copies of letters are large).
pub const SNAPSHOT_ROWS: usize = 20_000;
pub const SNAPSHOT_BYTES: usize = 16 << 20;

/// Raises the server's counters past the numbers this database gave, then sends up what it
/// had before it joined (the records the server has not had from it) as a snapshot, chunk by
/// chunk, each taken in by the server at once. A join cut short goes on where the server's
/// last chunk ended.
fn send_own(
    db: &mut Db,
    c: &mut postgres::Client,
    report: &mut Report,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), ServerError> {
    for (kind, year, last) in replica::own_counters(db.conn())? {
        store::raise_counter(c, kind, year, last)?;
    }
    let Some(state) = replica::state(db.conn())? else {
        return Err(ServerError::NotJoined);
    };
    let stamp = match &state.own_stamp {
        Some(s) => s.clone(),
        None => db.write(&Actor::SYSTEM, |w| {
            let mut clock = replica::clock(w, &state.node)?;
            let stamp = clock.tick(replica::millis_of(w.now())).to_string();
            replica::keep_clock(w, &clock)?;
            replica::start_own(w, &stamp)?;
            Ok::<_, ServerError>(stamp)
        })?,
    };
    let total = own::own_rows(db.conn())?;
    let from = state.own_table.as_deref().map(|t| (t, state.own_rowid));
    let mut own = own::OwnReader::new(db.conn(), from, SNAPSHOT_ROWS, SNAPSHOT_BYTES)?;
    let mut sender = Snapshot {
        stamp,
        node: state.node.clone(),
        total,
        done: 0,
    };
    match db.reader() {
        // The next chunk is read on another thread while the server takes one in.
        Ok(reader) => std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel(1);
            scope.spawn(move || {
                loop {
                    let next = own.next_chunk(reader.conn());
                    let last = !matches!(next, Ok(Some(_)));
                    if tx.send(next).is_err() || last {
                        break;
                    }
                }
            });
            for next in rx {
                match next? {
                    Some(chunk) => sender.send(db, c, &chunk, report, progress)?,
                    None => break,
                }
            }
            Ok::<_, ServerError>(())
        })?,
        // A database in memory has no second connection.
        Err(_) => {
            while let Some(chunk) = own.next_chunk(db.conn())? {
                sender.send(db, c, &chunk, report, progress)?;
            }
        }
    }
    db.write(&Actor::SYSTEM, replica::set_sent_own)?;
    Ok(())
}

/// The snapshot of what a database had before it joined, going up chunk by chunk.
struct Snapshot {
    stamp: String,
    node: String,
    total: usize,
    done: usize,
}

impl Snapshot {
    /// Sends one chunk and notes how far the server has taken the snapshot in.
    fn send(
        &mut self,
        db: &mut Db,
        c: &mut postgres::Client,
        chunk: &own::OwnChunk,
        report: &mut Report,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(), ServerError> {
        // Edits made meanwhile go first: a record edited before its chunk went up is in the
        // outbox whole, and the records that belong to it may follow.
        if replica::outbox_size(db.conn())? > 0 {
            push(db, c, report, progress)?;
        }
        let started = std::time::Instant::now();
        let records = &chunk.records;
        let pushed = if records.is_empty() {
            None
        } else {
            Some(store::push_snapshot(c, &self.node, &self.stamp, records)?)
        };
        log::debug!(
            "snapshot: {} records of {} taken in by the server in {:?}",
            records.len(),
            chunk.table,
            started.elapsed()
        );
        crate::storage::failpoint("sync-snapshot-sent");
        db.write(&Actor::SYSTEM, |w| {
            replica::own_sent_up_to(w, &chunk.table, chunk.last)?;
            if let Some(pushed) = &pushed {
                // A manager's chunk may be refused whole: found by uuid, not by a scan each.
                let by_uuid: std::collections::HashMap<&str, &own::OwnRecord> = records
                    .iter()
                    .map(|r| (r.record_uuid.as_str(), r))
                    .collect();
                for (record, reason) in &pushed.refused {
                    if let Some(r) = by_uuid.get(record.as_str()) {
                        own::refused_own(w, r, reason)?;
                    }
                }
                let cursor = replica::state(w)?.map_or(0, |s| s.cursor);
                if pushed.before <= cursor && pushed.refused.is_empty() && !pushed.merged {
                    replica::set_cursors(w, pushed.after, 0)?;
                }
                report.refused += pushed.refused.len();
            }
            Ok::<_, ServerError>(())
        })?;
        report.pushed += records.len();
        self.done += records.len();
        progress(Progress::Pushing {
            done: self.done,
            total: self.total.max(self.done),
        });
        Ok(())
    }
}

/// One sync: the outbox up, the changes down, the conflicts in. The outcome (or the error) is
/// noted for `sync status` and the window.
pub fn sync(
    db: &mut Db,
    password: &str,
    progress: &mut dyn FnMut(Progress),
) -> Result<Report, ServerError> {
    let _hold = hold(db)?;
    let Some(state) = replica::state(db.conn())? else {
        return Err(ServerError::NotJoined);
    };
    let run = |db: &mut Db, progress: &mut dyn FnMut(Progress)| {
        let (mut c, (manager_uuid, _, server)) =
            connect_checked(&state.url, &state.login, password)?;
        // The same server and the same user as at the join: another department's database
        // (or the same login given to another manager) is not synced into this one.
        if server != state.server || manager_uuid != state.manager_uuid {
            return Err(ServerError::OtherServer);
        }
        let mut report = Report::default();
        if !state.sent_own {
            // A join cut short: what this database had goes up once everything is in.
            pull(db, &mut c, &mut report, progress)?;
            send_own(db, &mut c, &mut report, progress)?;
        }
        push(db, &mut c, &mut report, progress)?;
        pull(db, &mut c, &mut report, progress)?;
        lease(db, &mut c)?;
        Ok::<_, ServerError>(report)
    };
    match run(db, progress) {
        Ok(report) => {
            note(db, None)?;
            Ok(report)
        }
        Err(e) => {
            note(db, Some(&e.to_string()))?;
            Err(e)
        }
    }
}

/// How many numbers of a kind a workstation keeps leased for offline work, at the least; a
/// block of [`BLOCK`] more is leased when fewer are left.
pub const LOW_WATER: i64 = 20;
pub const BLOCK: i32 = 50;

/// The kinds of numbers a workstation registers.
const KINDS: [super::NumberKind; 2] = [super::NumberKind::Letter, super::NumberKind::Appeal];

/// Tops up the blocks of numbers for offline work: this year's, and in December next year's
/// (the day after midnight of the 31st may find the workstation offline).
fn lease(db: &mut Db, c: &mut postgres::Client) -> Result<(), ServerError> {
    use chrono::Datelike as _;
    let Some(state) = replica::state(db.conn())? else {
        return Err(ServerError::NotJoined);
    };
    let today = db.today();
    let mut years = vec![today.year()];
    if today.month() == 12 {
        years.push(today.year() + 1);
    }
    for kind in KINDS {
        for &year in &years {
            if replica::numbers_left(db.conn(), kind.code(), year)? >= LOW_WATER {
                continue;
            }
            let (first, last) = super::service::lease_block(c, kind, year, BLOCK, &state.node)?;
            db.write(&Actor::SYSTEM, |w| {
                replica::keep_block(w, kind.code(), year, first, last)
            })?;
        }
    }
    Ok(())
}

/// Registration numbers from the server's counter while it answers (a workstation of the
/// department): one connection kept, made again after a failure; `None` when the server does
/// not answer (the registration takes a leased number instead) or the window's sync has found
/// it out of reach.
pub struct ServerNumbers {
    url: String,
    login: String,
    password: String,
    client: std::sync::Mutex<Option<postgres::Client>>,
    /// Set by the window's sync: `false` while the server is out of reach.
    pub online: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl ServerNumbers {
    pub fn new(state: &replica::State, password: &str) -> ServerNumbers {
        ServerNumbers {
            url: state.url.clone(),
            login: state.login.clone(),
            password: password.to_string(),
            client: std::sync::Mutex::new(None),
            online: std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true)),
        }
    }

    /// The same, going offline and online with the window's sync (`online`).
    pub fn with_online(mut self, online: std::sync::Arc<std::sync::atomic::AtomicBool>) -> Self {
        self.online = online;
        self
    }

    fn ask(&self, kind: &str, year: i32) -> Result<i64, ServerError> {
        let mut client = self
            .client
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if client.as_ref().is_none_or(postgres::Client::is_closed) {
            let mut config = connect::config(&self.url)?;
            config
                .user(&self.login)
                .password(&self.password)
                .connect_timeout(std::time::Duration::from_secs(3));
            // A registration waits for its number: a few seconds, then a leased one.
            *client = Some(connect::connect_within(
                config,
                std::time::Duration::from_secs(3),
            )?);
        }
        let Some(c) = client.as_mut() else {
            return Err(ServerError::NotJoined);
        };
        let kind = KINDS
            .into_iter()
            .find(|k| k.code() == kind)
            .ok_or(ServerError::NotJoined)?;
        let n = super::service::next_number(c, kind, year);
        if n.is_err() {
            *client = None;
        }
        n
    }
}

impl replica::NumberSource for ServerNumbers {
    fn next(&self, kind: &str, year: i32) -> Option<i64> {
        if !self.online.load(std::sync::atomic::Ordering::Relaxed) {
            return None;
        }
        match self.ask(kind, year) {
            Ok(n) => Some(n),
            Err(e) => {
                log::warn!("number from the server failed, a leased one is taken: {e}");
                None
            }
        }
    }
}

/// Notes a failed sync in the user's words (the window and the CLI describe the error; the
/// sync itself notes it as the program reads it), for `sync status`.
pub fn note_failure(db: &Db, text: &str) -> Result<(), ServerError> {
    note(db, Some(text))
}

/// Notes how the sync ended (the time by the database's clock).
fn note(db: &Db, error: Option<&str>) -> Result<(), ServerError> {
    let at = crate::domain::clock::stamp(db.clock().utc());
    replica::note_outcome(db.conn(), &at, error)?;
    Ok(())
}

/// Sends the outbox, oldest first.
fn push(
    db: &mut Db,
    c: &mut postgres::Client,
    report: &mut Report,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), ServerError> {
    let Some(state) = replica::state(db.conn())? else {
        return Err(ServerError::NotJoined);
    };
    let total = usize::try_from(replica::outbox_size(db.conn())?).unwrap_or(0);
    let mut done = 0;
    loop {
        let batch = replica::outbox(db.conn(), PUSH_BATCH)?;
        let Some(last) = batch.last().map(|o| o.id) else {
            break;
        };
        let changes: Vec<Value> = batch
            .iter()
            .map(|o| {
                let parse = |s: &str| serde_json::from_str::<Value>(s).unwrap_or(Value::Null);
                serde_json::json!({
                    "change": o.change_uuid, "record": o.record_uuid, "tbl": o.table,
                    "fields": parse(&o.fields), "bases": parse(&o.bases), "deleted": o.deleted,
                    "stamp": o.stamp, "client": o.client_uuid, "author": o.author_uuid,
                })
            })
            .collect();
        let pushed = store::push_batch(c, &state.node, &Value::Array(changes))?;
        // Committed on the server, not yet out of the outbox: a kill or a lost connection here
        // sends the batch again, which the server knows by its changes' uuids.
        crate::storage::failpoint("sync-batch-sent");
        report.refused += pushed.refused.len();
        db.write(&Actor::SYSTEM, |w| {
            replica::sent(w, last, &pushed.refused)?;
            // Nothing written by others since what this replica has taken in, and the batch
            // went in as sent: the pull need not read it back.
            let cursor = replica::state(w)?.map_or(0, |s| s.cursor);
            if pushed.before <= cursor && pushed.refused.is_empty() && !pushed.merged {
                replica::set_cursors(w, pushed.after, 0)?;
            }
            Ok::<_, ServerError>(())
        })?;
        done += batch.len();
        report.pushed += batch.len();
        progress(Progress::Pushing { done, total });
    }
    Ok(())
}

/// Takes in the records changed on the server after the cursor, page by page, then the
/// records kept waiting and the conflicts.
fn pull(
    db: &mut Db,
    c: &mut postgres::Client,
    report: &mut Report,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), ServerError> {
    let Some(state) = replica::state(db.conn())? else {
        return Err(ServerError::NotJoined);
    };
    // Where the next page starts: after the cursor's change, or after a record within one.
    let mut after: (i64, Option<(String, String)>) = (state.cursor, None);
    let mut done = 0;
    // The first sync of a workstation takes in everything the user may see in one read, as
    // the server sends it: a transaction (and a journal entry) per BULK_TX records.
    if state.cursor == 0 {
        replica::bulk_cache(db.conn(), true)?;
        let taken = super::sync_bulk::take_everything(db, c, &state, report, progress);
        replica::bulk_cache(db.conn(), false)?;
        done = taken?;
        let cursor = replica::state(db.conn())?.map_or(0, |s| s.cursor);
        after = (cursor, None);
    }
    loop {
        let within = after.1.as_ref().map(|(t, u)| (t.as_str(), u.as_str()));
        let page = store::pull_page(c, after.0, within, PULL_PAGE)?;
        let Some(last) = page.last() else { break };
        let full = page.len() as i64 == PULL_PAGE;
        // A full page may end inside a change's records: the cursor stays before it (what
        // is taken in again changes nothing).
        let cursor = if full { last.seq - 1 } else { last.seq };
        after = (
            last.seq,
            Some((last.table.clone(), last.record_uuid.clone())),
        );
        let incoming: Vec<Incoming> = page.into_iter().map(incoming).collect();
        let counted = take_in_batch(db, &state.node, &incoming, Some(cursor))?;
        add(report, counted);
        done += incoming.len();
        progress(Progress::Pulling { done });
    }
    retry_waiting(db, &state.node, report)?;
    // Conflicts decided here go up; those decided elsewhere come down.
    let decided = replica::resolved_unsent(db.conn())?;
    if !decided.is_empty() {
        store::resolve_conflicts(c, &decided)?;
        db.write(&Actor::SYSTEM, |w| replica::resolved_on_server(w, &decided))?;
    }
    let open = replica::open_conflict_ids(db.conn())?;
    if !open.is_empty() {
        let elsewhere = store::resolved_among(c, &open)?;
        db.write(&Actor::SYSTEM, |w| {
            replica::resolved_on_server(w, &elsewhere)
        })?;
    }
    take_moves(db, c, &state, report)?;
    let conflicts = store::conflicts_after(c, state.conflict_cursor)?;
    if let Some(last) = conflicts.last().map(|k| k.id) {
        report.conflicts += conflicts.len();
        db.write(&Actor::SYSTEM, |w| {
            for k in &conflicts {
                replica::keep_conflict(w, k)?;
            }
            replica::set_cursors(w, 0, last)?;
            Ok::<_, ServerError>(())
        })?;
    }
    Ok(())
}

/// Takes off this replica the clients given to another manager since the last sync (a head's
/// replica keeps every client). A client moved away and back again stays.
fn take_moves(
    db: &mut Db,
    c: &mut postgres::Client,
    state: &replica::State,
    report: &mut Report,
) -> Result<(), ServerError> {
    let moves = store::moves_after(c, state.move_cursor)?;
    let Some(last) = moves.last().map(|m| m.seq) else {
        return Ok(());
    };
    let mut latest: std::collections::BTreeMap<&str, &store::Move> = Default::default();
    for m in &moves {
        latest.insert(&m.client, m);
    }
    let me = Some(state.manager_uuid.as_str());
    db.write(&Actor::SYSTEM, |w| {
        if !state.head {
            for m in latest.values() {
                if m.to.as_deref() != me && apply::remove_client(w, &m.client, &state.node)? {
                    report.removed += 1;
                }
            }
        }
        replica::set_move_cursor(w, last)?;
        Ok::<_, ServerError>(())
    })
}

pub(super) fn add(report: &mut Report, (applied, unchanged, waiting): (usize, usize, usize)) {
    report.applied += applied;
    report.unchanged += unchanged;
    report.waiting += waiting;
}

/// Applies records in one SQLite transaction with the cursor's move (when `cursor`), the
/// workstation's clock taking in their stamps: (applied, unchanged, kept waiting).
fn take_in_batch(
    db: &mut Db,
    node: &str,
    records: &[Incoming],
    cursor: Option<i64>,
) -> Result<(usize, usize, usize), ServerError> {
    db.write(&Actor::SYSTEM, |w| {
        let mut clock = replica::clock(w, node)?;
        let now = replica::millis_of(w.now());
        let counted = take_in(w, records, &mut clock, now, false)?;
        replica::keep_clock(w, &clock)?;
        if let Some(cursor) = cursor {
            replica::set_cursors(w, cursor, 0)?;
        }
        Ok::<_, ServerError>(counted)
    })
}

/// Applies records inside a write: (applied, unchanged, kept waiting).
pub(super) fn take_in(
    w: &crate::storage::Tx,
    records: &[Incoming],
    clock: &mut Hlc,
    now: u64,
    bulk: bool,
) -> Result<(usize, usize, usize), ServerError> {
    let mut counted = (0, 0, 0);
    let nothing_waits = replica::waiting_size(w)? == 0;
    let mut ids = apply::Ids::default();
    for r in records {
        crate::storage::failpoint("sync-applying");
        match apply::apply(w, r, clock, now, bulk, &mut ids)? {
            Outcome::Waiting(reason) => {
                counted.2 += 1;
                apply::wait(w, r, &reason)?;
            }
            taken => {
                if taken == Outcome::Applied {
                    counted.0 += 1;
                } else {
                    counted.1 += 1;
                }
                if !nothing_waits {
                    apply::done_waiting(w, &r.table, &r.record_uuid)?;
                }
            }
        }
    }
    Ok(counted)
}

/// Applies the records kept waiting while any of them goes in.
pub(super) fn retry_waiting(
    db: &mut Db,
    node: &str,
    report: &mut Report,
) -> Result<(), ServerError> {
    let mut before = usize::MAX;
    loop {
        let waiting = apply::waiting(db.conn())?;
        if waiting.is_empty() || waiting.len() >= before {
            report.waiting = waiting.len();
            return Ok(());
        }
        before = waiting.len();
        let counted = take_in_batch(db, node, &waiting, None)?;
        report.applied += counted.0;
        report.unchanged += counted.1;
    }
}

pub(super) fn incoming(p: store::Pulled) -> Incoming {
    let object = |s: &str| serde_json::from_str::<Map<String, Value>>(s).unwrap_or_default();
    Incoming {
        fields: object(&p.fields),
        stamps: object(&p.stamps),
        table: p.table,
        record_uuid: p.record_uuid,
        deleted: p.deleted,
        author_uuid: p.author_uuid,
        workstation: p.workstation.unwrap_or_default(),
        seq: p.seq,
    }
}

/// Keeps another address of the server for the next syncs (the server moved).
pub fn move_to(db: &mut Db, url: &str) -> Result<(), ServerError> {
    connect::config(url)?;
    if replica::state(db.conn())?.is_none() {
        return Err(ServerError::NotJoined);
    }
    db.write(&Actor::SYSTEM, |w| replica::set_url(w, url))?;
    Ok(())
}
