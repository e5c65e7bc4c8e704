//! The client list's instant search and filters: a pure function over the rows loaded once, so
//! that each keystroke costs a scan in memory, not a query.

use super::model::ClientRow;
use crate::domain::Id;
use crate::domain::fmt::search_key;

/// Which clients the list shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClientFilter {
    /// Words typed in the search field; every word must match.
    pub query: String,
    /// Only this manager's clients; `None` = all clients.
    pub manager: Option<Id>,
    pub district: Option<Id>,
    /// Only clients included in the VIP list of this year.
    pub vip_year: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortColumn {
    #[default]
    Name,
    Inn,
    District,
    Manager,
    Vip,
}

/// «8916…» is how people type «+7916…»: compare such a prefix as «7916…».
fn as_russian_phone(digits: &str) -> String {
    match digits.strip_prefix('8') {
        Some(rest) if digits.len() >= 4 => format!("7{rest}"),
        _ => digits.to_string(),
    }
}

/// A query word, prepared once per keystroke.
enum Needle {
    Text(String),
    /// Three or more digits: an INN or a phone (digits of «8 916 …» compared as «7916…»).
    Digits(String, String),
}

fn needles(query: &str) -> Vec<Needle> {
    // A query made only of a phone's characters is one number, spaces and all: «8 916 123».
    let digits: String = query.chars().filter(char::is_ascii_digit).collect();
    if digits.len() >= 3
        && query
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
    {
        let phone = as_russian_phone(&digits);
        return vec![Needle::Digits(digits, phone)];
    }
    query
        .split_whitespace()
        .map(|w| {
            let digits: String = w.chars().filter(char::is_ascii_digit).collect();
            let only_phone_chars = w.chars().all(|c| c.is_ascii_digit() || "+-()".contains(c));
            if digits.len() >= 3 && only_phone_chars {
                let phone = as_russian_phone(&digits);
                Needle::Digits(digits, phone)
            } else {
                Needle::Text(search_key(w))
            }
        })
        .collect()
}

fn matches(row: &ClientRow, needles: &[Needle]) -> bool {
    needles.iter().all(|n| match n {
        Needle::Text(t) => row.haystack.contains(t.as_str()),
        Needle::Digits(d, phone) => {
            row.inn.contains(d.as_str())
                || row.phone_digits.contains(phone.as_str())
                || row.phone_digits.contains(d.as_str())
                || row.haystack.contains(d.as_str())
        }
    })
}

/// Indices of the rows that pass the filter, in the requested order.
pub fn filter_clients(
    rows: &[ClientRow],
    f: &ClientFilter,
    sort: SortColumn,
    ascending: bool,
) -> Vec<usize> {
    let needles = needles(&f.query);
    let mut out: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            f.manager.is_none_or(|m| r.manager_id == Some(m))
                && f.district.is_none_or(|d| r.district_id == Some(d))
                && f.vip_year.is_none_or(|y| r.vip_years.contains(&y))
                && matches(r, &needles)
        })
        .map(|(i, _)| i)
        .collect();
    // Rows arrive sorted by name; only other orders need sorting.
    match sort {
        SortColumn::Name => {}
        SortColumn::Inn => out.sort_by(|&a, &b| rows[a].inn.cmp(&rows[b].inn)),
        // «Ё» sorts with «Е».
        SortColumn::District => out.sort_by_cached_key(|&a| search_key(&rows[a].district)),
        SortColumn::Manager => out.sort_by_cached_key(|&a| search_key(&rows[a].manager)),
        SortColumn::Vip => {
            out.sort_by(|&a, &b| rows[a].vip_years.last().cmp(&rows[b].vip_years.last()))
        }
    }
    if !ascending {
        out.reverse();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: Id, name: &str, inn: &str, surnames: &str, phones: &str) -> ClientRow {
        ClientRow {
            id,
            short_name: name.into(),
            inn: inn.into(),
            haystack: format!("{} {inn} {}", search_key(name), search_key(surnames)),
            phone_digits: phones.into(),
            manager_id: Some(id % 2),
            ..Default::default()
        }
    }

    #[test]
    fn search_by_name_inn_surname_phone() {
        let rows = vec![
            row(
                1,
                "ООО «Орёлстрой»",
                "5701234567",
                "ёлкин петров",
                "|79161234567",
            ),
            row(2, "АО «Энергомаш»", "5709876543", "иванов", "|74862432100"),
        ];
        let f = |q: &str| {
            let filter = ClientFilter {
                query: q.into(),
                ..Default::default()
            };
            filter_clients(&rows, &filter, SortColumn::Name, true)
        };
        assert_eq!(f("орелстрой"), vec![0], "ё = е, any case");
        assert_eq!(f("ЕЛКИН"), vec![0]);
        assert_eq!(f("570987"), vec![1]);
        assert_eq!(f("8 916 123"), vec![0], "a phone typed with 8");
        assert_eq!(f("432100"), vec![1]);
        assert_eq!(f("иванов энергомаш"), vec![1]);
        assert_eq!(f("иванов орелстрой"), Vec::<usize>::new());
        assert_eq!(f(""), vec![0, 1]);
        let mine = ClientFilter {
            manager: Some(0),
            ..Default::default()
        };
        assert_eq!(
            filter_clients(&rows, &mine, SortColumn::Name, true),
            vec![1]
        );
        assert_eq!(
            filter_clients(&rows, &ClientFilter::default(), SortColumn::Inn, false),
            vec![1, 0]
        );
    }
}
