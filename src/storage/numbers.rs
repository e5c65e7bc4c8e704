//! Registration numbers: a per-year counter of the workstation, or, for a workstation of the
//! department, the server's counter and the blocks it leased ahead.

use super::{Result, StorageError, Tx, replica};

/// A registration number given out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbered {
    /// The counter's value and the number as formatted.
    pub seq: i64,
    pub number: String,
    /// Taken from a block leased to this workstation ahead (it was offline), not given by the
    /// server at the moment of registration.
    pub from_block: bool,
}

/// The next registration number of `year` from the per-year counter `counters` (a table of
/// `year, last`), formatted by `format`: the counter only grows, so a number is never given
/// twice, and a number already in `table` (a format without the year, whose counter started
/// again in January) is skipped. A workstation of the department takes it from the server
/// instead, or, offline, from a block the server leased to it ahead.
pub fn next_number(
    w: &Tx,
    counters: &str,
    table: &str,
    year: i32,
    format: impl Fn(i64) -> String,
) -> Result<Numbered> {
    let kind = match counters {
        "letter_counters" => Some("letter"),
        "appeal_counters" => Some("appeal"),
        _ => None,
    };
    let joined = kind.is_some() && replica::state(w)?.is_some();
    loop {
        let (seq, from_block) = match (kind, joined) {
            (Some(kind), true) => match w.numbers.as_ref().and_then(|n| n.next(kind, year)) {
                Some(n) => (n, false),
                None => (
                    replica::take_from_block(w, kind, year)?.ok_or(StorageError::NoNumbers)?,
                    true,
                ),
            },
            _ => {
                w.execute(
                    &format!(
                        "INSERT INTO {counters} (year, last) VALUES (?1, 1) \
                         ON CONFLICT (year) DO UPDATE SET last = last + 1"
                    ),
                    [year],
                )?;
                let seq: i64 = w.query_row(
                    &format!("SELECT last FROM {counters} WHERE year = ?1"),
                    [year],
                    |r| r.get(0),
                )?;
                (seq, false)
            }
        };
        let number = format(seq);
        let taken: bool = w.query_row(
            // `number <> ''` lets SQLite use the partial unique index of numbers.
            &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE number = ?1 AND number <> '')"),
            [&number],
            |r| r.get(0),
        )?;
        if !taken {
            return Ok(Numbered {
                seq,
                number,
                from_block,
            });
        }
    }
}
