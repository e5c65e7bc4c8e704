//! The head's «Сегодня» at a glance: per manager and per kind of duty, how many rows, how many
//! late and the oldest; a cell opens the rows behind it ([`detail`]).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::today::{Line, Today};
use crate::domain::Id;

/// Whose rows a summary line counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Manager(Id),
    /// Clients with no personal manager.
    Unassigned,
    /// Rows about no one client (a holiday of everyone's people).
    Everyone,
}

/// A cell: how many rows, how many of them late, the oldest date among them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    pub count: usize,
    pub late: usize,
    pub oldest: Option<NaiveDate>,
}

impl Count {
    fn add(&mut self, line: &Line) {
        self.count += 1;
        self.late += usize::from(line.is_late());
        self.oldest = match (self.oldest, line.date) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
}

/// The summary of a «Сегодня»: its groups (managers by name, then the unassigned and
/// everyone's), its kinds (sections with rows, in order) and the counts.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub groups: Vec<(Group, String)>,
    pub kinds: Vec<(&'static str, &'static str)>,
    cells: HashMap<(Group, &'static str), Count>,
    totals: HashMap<&'static str, Count>,
}

impl Summary {
    pub fn cell(&self, group: Group, kind: &str) -> Option<Count> {
        self.kinds
            .iter()
            .find(|(k, _)| *k == kind)
            .and_then(|(k, _)| self.cells.get(&(group, *k)).copied())
    }

    pub fn total(&self, kind: &str) -> Option<Count> {
        self.totals.get(kind).copied()
    }
}

/// Which group a row belongs to, by its client's personal manager.
pub fn group_of(line: &Line, manager_of: &dyn Fn(Id) -> Option<Id>) -> Group {
    match line.client_id {
        None => Group::Everyone,
        Some(client) => manager_of(client).map_or(Group::Unassigned, Group::Manager),
    }
}

/// Counts `today` by group and kind; `name_of` names a manager.
pub fn summary(
    today: &Today,
    manager_of: &dyn Fn(Id) -> Option<Id>,
    name_of: &dyn Fn(Group) -> String,
) -> Summary {
    let mut out = Summary::default();
    for s in today.sections.iter().filter(|s| !s.lines.is_empty()) {
        out.kinds.push((s.key, s.title));
        for line in &s.lines {
            let group = group_of(line, manager_of);
            out.cells.entry((group, s.key)).or_default().add(line);
            out.totals.entry(s.key).or_default().add(line);
        }
    }
    let mut groups: Vec<Group> = out.cells.keys().map(|(g, _)| *g).collect();
    groups.sort_unstable();
    groups.dedup();
    let mut named: Vec<(Group, String)> = groups.into_iter().map(|g| (g, name_of(g))).collect();
    named.sort_by_cached_key(|(g, name)| {
        (
            !matches!(g, Group::Manager(_)),
            crate::domain::fmt::search_key(name),
        )
    });
    out.groups = named;
    out
}

/// Where the rows of kind `key` of `group` (every group: `None`) are in `today`, as (section,
/// line), oldest first.
pub fn detail(
    today: &Today,
    key: &str,
    group: Option<Group>,
    manager_of: &dyn Fn(Id) -> Option<Id>,
) -> Vec<(usize, usize)> {
    let Some(s) = today.sections.iter().position(|s| s.key == key) else {
        return Vec::new();
    };
    let lines = &today.sections[s].lines;
    let mut rows: Vec<(usize, usize)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| group.is_none_or(|g| group_of(l, manager_of) == g))
        .map(|(i, _)| (s, i))
        .collect();
    rows.sort_by_key(|&(_, l)| lines[l].date);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overview::today::{Section, Tone};

    fn line(client: Option<Id>, day: u32, late: bool) -> Line {
        Line {
            cells: vec![("x".into(), if late { Tone::Late } else { Tone::Plain })],
            actions: Vec::new(),
            json: serde_json::Value::Null,
            client_id: client,
            date: NaiveDate::from_ymd_opt(2026, 12, day),
        }
    }

    #[test]
    fn rows_are_counted_by_manager_and_kind_with_the_late_and_the_oldest() {
        let today = Today {
            date: None,
            sections: vec![
                Section {
                    key: "calls",
                    title: "Звонки",
                    tone: Tone::Strong,
                    lines: vec![
                        line(Some(1), 5, true),
                        line(Some(1), 3, false),
                        line(Some(2), 9, false),
                    ],
                },
                Section {
                    key: "steps",
                    title: "Шаги",
                    tone: Tone::Strong,
                    lines: Vec::new(),
                },
                Section {
                    key: "greetings",
                    title: "Поздравления",
                    tone: Tone::Strong,
                    lines: vec![line(None, 7, false), line(Some(3), 8, false)],
                },
            ],
            failed: Vec::new(),
        };
        // Clients 1 and 3 are manager 10's; client 2 has no manager.
        let manager_of = |c: Id| (c != 2).then_some(10);
        let s = summary(&today, &manager_of, &|g| format!("{g:?}"));
        assert_eq!(
            s.kinds,
            vec![("calls", "Звонки"), ("greetings", "Поздравления")]
        );
        assert_eq!(
            s.groups.iter().map(|(g, _)| *g).collect::<Vec<_>>(),
            vec![Group::Manager(10), Group::Everyone, Group::Unassigned]
        );
        let calls = s.cell(Group::Manager(10), "calls").expect("cell");
        assert_eq!((calls.count, calls.late), (2, 1));
        assert_eq!(calls.oldest, NaiveDate::from_ymd_opt(2026, 12, 3));
        assert_eq!(s.total("calls").expect("total").count, 3);
        assert_eq!(s.cell(Group::Unassigned, "greetings"), None);
        let rows = detail(&today, "calls", Some(Group::Manager(10)), &manager_of);
        assert_eq!(rows.len(), 2);
        let (s, l) = rows[0];
        assert_eq!(
            today.sections[s].lines[l].date,
            NaiveDate::from_ymd_opt(2026, 12, 3),
            "oldest first"
        );
        assert_eq!(detail(&today, "calls", None, &manager_of).len(), 3);
    }
}
