//! A new workstation's first sync: everything the user may see, read from the server in one
//! query on one thread while another writes it into the replica, many pages a transaction.

use super::sync::{Progress, Report, add, incoming, retry_waiting, take_in};
use super::{ServerError, store};
use crate::domain::Actor;
use crate::storage::replica_apply::Incoming;
use crate::storage::{Db, journal, replica};

/// How many records a page of a first sync holds (read on one thread, written on another).
pub const BULK_PAGE: usize = 20_000;

/// `VIPDESK_BULK_PAGE` in a debug build: the records of a page and of a transaction (a test's
/// small database killed in its second transaction).
fn debug_page() -> Option<usize> {
    #[cfg(debug_assertions)]
    if let Some(n) = std::env::var("VIPDESK_BULK_PAGE")
        .ok()
        .and_then(|n| n.parse().ok())
    {
        return Some(n);
    }
    None
}

/// [`BULK_PAGE`], or a debug build's [`debug_page`].
fn bulk_page() -> usize {
    debug_page().unwrap_or(BULK_PAGE)
}

/// About how many bytes of fields a page of a first sync holds at most (the stored copies of
/// letters are large: a page of them by count alone would hold hundreds of megabytes).
const BULK_BYTES: usize = 16 << 20;

/// A first sync: everything the user may see, in one read as the server sends it, in pages of
/// BULK_PAGE records (or BULK_BYTES) read and parsed on another thread while the pages before
/// are written, BULK_TX records a transaction (and a journal entry). Returns how many.
pub(super) fn take_everything(
    db: &mut Db,
    c: &mut postgres::Client,
    state: &replica::State,
    report: &mut Report,
    progress: &mut dyn FnMut(Progress),
) -> Result<usize, ServerError> {
    let size = bulk_page();
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<BulkPage>(2);
        let reader = scope.spawn(move || {
            let mut page: Vec<Incoming> = Vec::with_capacity(size);
            let mut bytes = 0;
            // The writer stopped (an error there): the read stops too.
            let stopped = || ServerError::Server("stopped".into());
            store::pull_all(c, 0, &mut |p| {
                bytes += p.fields.len();
                page.push(incoming(p));
                if page.len() == size || bytes >= BULK_BYTES {
                    bytes = 0;
                    let full = std::mem::replace(&mut page, Vec::with_capacity(size));
                    tx.send((full, true)).map_err(|_| stopped())?;
                }
                Ok(())
            })?;
            tx.send((page, false)).map_err(|_| stopped())
        });
        let mut done = 0;
        let written = (|| {
            while let Ok(first) = rx.recv() {
                let (counted, go_on) =
                    take_in_bulk(db, &state.node, first, &rx, &mut done, progress)?;
                add(report, counted);
                // A record that waited for one of these (a manager's supervisor sent after
                // them) goes in now, not after everything: what refers to it would wait too.
                if counted.2 > 0 || replica::waiting_size(db.conn())? > 0 {
                    retry_waiting(db, &state.node, report)?;
                }
                if !go_on {
                    break;
                }
            }
            Ok::<_, ServerError>(())
        })();
        drop(rx);
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(ServerError::Server("the read of the server failed".into())));
        // The writer's error says what went wrong; the reader's then only says it stopped.
        written.and(read)?;
        Ok(done)
    })
}

/// How many records of a first sync go in one SQLite transaction at most (pages cut short by
/// their bytes go in together). Measured on 882,056 records: 20,000 a transaction 28.2–28.7 s,
/// 40,000 30.2–30.6 s, 100,000 32.6–33.9 s.
const BULK_TX: usize = 20_000;

/// A page of a first sync: its records, and whether the read goes on after them.
type BulkPage = (Vec<Incoming>, bool);

/// Writes `first` and the pages after it from `pages` in one transaction, up to BULK_TX
/// records, or to a page with records that must wait (they are tried again before the next
/// ones), with the cursor's move and one journal entry. Returns (applied, unchanged, kept
/// waiting) and whether the read goes on.
fn take_in_bulk(
    db: &mut Db,
    node: &str,
    first: BulkPage,
    pages: &std::sync::mpsc::Receiver<BulkPage>,
    done: &mut usize,
    progress: &mut dyn FnMut(Progress),
) -> Result<((usize, usize, usize), bool), ServerError> {
    db.write(&Actor::SYSTEM, |w| {
        let mut clock = replica::clock(w, node)?;
        let now = replica::millis_of(w.now());
        let quiet = journal::bulk_begin(w)?;
        let most = debug_page().unwrap_or(BULK_TX);
        let mut counted = (0, 0, 0);
        let mut taken = 0;
        let mut cursor = None;
        let (mut page, mut more) = first;
        loop {
            let c = take_in(w, &page, &mut clock, now, true)?;
            counted = (counted.0 + c.0, counted.1 + c.1, counted.2 + c.2);
            if let Some(last) = page.last().map(|r| r.seq) {
                // A page the read goes on after may end inside a change's records: the
                // cursor stays before it.
                cursor = Some(if more { last - 1 } else { last });
            }
            taken += page.len();
            *done += page.len();
            progress(Progress::Pulling { done: *done });
            if !more || taken >= most || c.2 > 0 {
                break;
            }
            match pages.recv() {
                Ok(next) => (page, more) = next,
                // The read stopped (its error is the reader's to tell).
                Err(_) => {
                    more = false;
                    break;
                }
            }
        }
        journal::flush_bulk(w, super::sync::BULK_KIND, quiet)?;
        replica::keep_clock(w, &clock)?;
        if let Some(cursor) = cursor {
            replica::set_cursors(w, cursor, 0)?;
        }
        Ok::<_, ServerError>((counted, more))
    })
}
