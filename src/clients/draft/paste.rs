//! A block of indicator values pasted from Excel.

use super::*;

/// Why a block pasted from Excel was not taken (line numbers from 1).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PasteError {
    #[error("line {line}: no month in {cell:?}")]
    Month { line: usize, cell: String },
    #[error("line {line}: {cell:?} is not a number")]
    Value { line: usize, cell: String },
    #[error("line {line}: more values than the {kinds} indicators")]
    Columns { line: usize, kinds: usize },
}

/// Pastes a block copied from Excel into the indicator table: one line per month, the first
/// cell the month («03.2026», «2026-03», «мар 2026»), the next cells the values of `kinds` in
/// order; a header line and empty cells are skipped. Without a month in the first cell the lines
/// fill consecutive months from `start`. Returns how many cells were filled, or the line that
/// could not be read.
pub fn paste_indicators(
    target: &mut BTreeMap<(Id, YearMonth), String>,
    kinds: &[Id],
    start: YearMonth,
    block: &str,
) -> Result<usize, PasteError> {
    let mut parsed = Vec::new();
    let mut next = start;
    for (n, line) in block.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let (month, values) = match fmt::parse_month(cells[0]) {
            Some(m) => (m, &cells[1..]),
            None if fmt::parse_number(cells[0]).is_some()
                || cells[0].trim().is_empty() && cells.len() > 1 =>
            {
                (next, &cells[..])
            }
            // A header line: «Месяц  Потребление, кВт·ч …».
            None if n == 0 => continue,
            None => {
                return Err(PasteError::Month {
                    line: n + 1,
                    cell: cells[0].to_string(),
                });
            }
        };
        for (col, cell) in values.iter().enumerate() {
            if cell.trim().is_empty() {
                continue;
            }
            let Some(kind) = kinds.get(col) else {
                return Err(PasteError::Columns {
                    line: n + 1,
                    kinds: kinds.len(),
                });
            };
            let Some(v) = fmt::parse_number(cell) else {
                return Err(PasteError::Value {
                    line: n + 1,
                    cell: cell.to_string(),
                });
            };
            parsed.push(((*kind, month), fmt::number_compact(v)));
        }
        next = if month.1 == 12 {
            (month.0 + 1, 1)
        } else {
            (month.0, month.1 + 1)
        };
    }
    let count = parsed.len();
    target.extend(parsed);
    Ok(count)
}
