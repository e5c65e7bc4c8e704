//! The four criteria of the standard (Ch. 7 §1) judged from the dossier, and the proposal for
//! next year's list: a pure function of the clients' facts and the thresholds.
//!
//! - Volume: consumption over the last 12 months, judged within the client's district office
//!   (the standard: «относительно … принадлежности к межрайонному отделению»): met at the
//!   threshold in kWh, or among the largest `top_in_district` of its office.
//! - Stability: years of cooperation, at least `min_years`.
//! - Brand and leaders of high political status: judgements, carried from the client's last
//!   approved year, edited in the list.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::domain::Id;

/// The thresholds the head of the group sets (setting «vip_list»).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Thresholds {
    /// Consumption over 12 months that meets the volume criterion by itself, kWh.
    pub min_kwh: f64,
    /// The largest consumers of a district office that meet it (0: none by rank).
    pub top_in_district: u32,
    /// Years of cooperation that meet the stability criterion.
    pub min_years: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            min_kwh: 12_000_000.0,
            top_in_district: 3,
            min_years: 10,
        }
    }
}

impl Thresholds {
    /// The first field the program cannot work with.
    pub fn out_of_range(&self) -> Option<&'static str> {
        if !self.min_kwh.is_finite() || self.min_kwh < 0.0 {
            Some("min_kwh")
        } else if self.top_in_district > 10_000 {
            Some("top_in_district")
        } else if self.min_years > 200 {
            Some("min_years")
        } else {
            None
        }
    }
}

/// What the dossier says of a client, for the list of `year`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Facts {
    pub client_id: Id,
    /// The client's short name, INN and office, as the list shows them.
    pub name: String,
    pub inn: String,
    pub district: String,
    pub manager_id: Option<Id>,
    pub district_id: Option<Id>,
    /// Consumption over the 12 months (None: no month of it recorded).
    pub kwh: Option<f64>,
    /// The first year of cooperation.
    pub since_year: Option<i32>,
    /// The judgements of the client's last approved year.
    pub brand: bool,
    pub political: bool,
    pub political_note: String,
    /// In this year's approved list: Some(true) included, Some(false) excluded, None no row.
    pub vip_now: Option<bool>,
}

/// The criteria of one client, computed.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Criteria {
    pub kwh: Option<f64>,
    /// Its place among the clients of its district office by consumption (1: the largest;
    /// equal volumes share a place), and how many of them have consumption recorded.
    pub rank: Option<u32>,
    pub district_size: u32,
    pub volume: bool,
    pub years: Option<u32>,
    pub stability: bool,
    pub brand: bool,
    pub political: bool,
}

impl Criteria {
    /// Whether any criterion is met.
    pub fn any(&self) -> bool {
        self.volume || self.stability || self.brand || self.political
    }
}

/// Why a client is proposed so, in words: the criteria it meets (or that it meets none).
pub fn reason(k: &Criteria, political_note: &str) -> String {
    criteria_words(k, political_note, false)
}

/// The criteria a client meets, named briefly (the list's column): «объём потребления (1-е
/// место из 29 в отделении); стабильность (15 лет); брендовость».
pub fn met_names(k: &Criteria, political_note: &str) -> String {
    criteria_words(k, political_note, true)
}

fn criteria_words(k: &Criteria, political_note: &str, brief: bool) -> String {
    use crate::domain::fmt;
    use crate::words as w;
    let mut met = Vec::new();
    if k.volume {
        let place = k.rank.map(|r| (r, k.district_size));
        met.push(match (brief, place) {
            (true, Some((r, n))) => w::met_volume_place(r, n),
            (true, None) => w::MET_VOLUME.to_string(),
            (false, _) => w::reason_volume(&fmt::number(k.kwh.unwrap_or_default(), 0), place),
        });
    }
    if let (true, Some(y)) = (k.stability, k.years) {
        met.push(if brief {
            w::met_stability(y)
        } else {
            w::reason_years(y)
        });
    }
    if k.brand {
        met.push(w::REASON_BRAND.to_string());
    }
    if k.political {
        met.push(w::reason_political(political_note));
    }
    if met.is_empty() {
        w::REASON_NONE.to_string()
    } else {
        met.join("; ")
    }
}

/// What the list proposes for a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Proposal {
    /// Not a VIP client this year; its volume qualifies it.
    Include,
    /// A VIP client this year that meets no criterion any more.
    Exclude,
    /// A VIP client this year that still meets a criterion.
    #[default]
    Keep,
}

impl crate::domain::Code for Proposal {
    const ALL: &'static [Self] = &[Proposal::Include, Proposal::Exclude, Proposal::Keep];
    const WHAT: &'static str = "VIP list proposal";
    fn code(self) -> &'static str {
        match self {
            Proposal::Include => "include",
            Proposal::Exclude => "exclude",
            Proposal::Keep => "keep",
        }
    }
}

/// One client of the proposed list.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub facts: Facts,
    pub criteria: Criteria,
    pub proposal: Proposal,
}

/// The places by consumption within each district office: client → (place, clients ranked).
fn ranks(facts: &[Facts]) -> HashMap<Id, (u32, u32)> {
    let mut by_district: HashMap<Option<Id>, Vec<(Id, f64)>> = HashMap::new();
    for f in facts {
        if let Some(kwh) = f.kwh {
            by_district
                .entry(f.district_id)
                .or_default()
                .push((f.client_id, kwh));
        }
    }
    let mut out = HashMap::new();
    for (_, mut clients) in by_district {
        clients.sort_by(|a, b| b.1.total_cmp(&a.1));
        let size = u32::try_from(clients.len()).unwrap_or(u32::MAX);
        let mut place = 0u32;
        let mut last: Option<f64> = None;
        for (i, (id, kwh)) in clients.iter().enumerate() {
            if last != Some(*kwh) {
                place = u32::try_from(i + 1).unwrap_or(u32::MAX);
                last = Some(*kwh);
            }
            out.insert(*id, (place, size));
        }
    }
    out
}

/// Every client judged for the list of `year`, each with its criteria and what the list would
/// propose for it (a client that is not a VIP client and whose volume does not qualify it:
/// [`Proposal::Exclude`], «не включать»); in the order of `facts`.
pub fn judge(facts: &[Facts], year: i32, t: &Thresholds) -> Vec<Candidate> {
    let ranks = ranks(facts);
    facts
        .iter()
        .map(|f| {
            let (rank, district_size) = match ranks.get(&f.client_id) {
                Some((r, n)) => (Some(*r), *n),
                None => (None, 0),
            };
            let volume = f.kwh.is_some_and(|k| k >= t.min_kwh)
                || (t.top_in_district > 0 && rank.is_some_and(|r| r <= t.top_in_district));
            let years = f
                .since_year
                .filter(|s| *s <= year)
                .map(|s| u32::try_from(year - s).unwrap_or(0));
            let criteria = Criteria {
                kwh: f.kwh,
                rank,
                district_size,
                volume,
                years,
                stability: years.is_some_and(|y| y >= t.min_years),
                brand: f.brand,
                political: f.political,
            };
            let proposal = match f.vip_now {
                Some(true) if criteria.any() => Proposal::Keep,
                Some(true) => Proposal::Exclude,
                _ if volume => Proposal::Include,
                _ => Proposal::Exclude,
            };
            Candidate {
                facts: f.clone(),
                criteria,
                proposal,
            }
        })
        .collect()
}

/// Whether a judged client is a candidate of the list: this year's VIP client, or one whose
/// volume meets the criterion.
pub fn is_candidate(c: &Candidate) -> bool {
    c.facts.vip_now == Some(true) || c.criteria.volume
}

/// The candidates of the list of `year`: this year's VIP clients and every client whose volume
/// meets the criterion, each with its criteria and the proposal; by consumption, largest first.
pub fn propose(facts: &[Facts], year: i32, t: &Thresholds) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = judge(facts, year, t)
        .into_iter()
        .filter(is_candidate)
        .collect();
    out.sort_by(|a, b| {
        b.criteria
            .kwh
            .unwrap_or(-1.0)
            .total_cmp(&a.criteria.kwh.unwrap_or(-1.0))
            .then(a.facts.client_id.cmp(&b.facts.client_id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(id: Id, district: Id, kwh: Option<f64>, since: i32, vip: Option<bool>) -> Facts {
        Facts {
            client_id: id,
            district_id: Some(district),
            kwh,
            since_year: Some(since),
            vip_now: vip,
            ..Facts::default()
        }
    }

    fn thresholds() -> Thresholds {
        Thresholds {
            min_kwh: 10_000_000.0,
            top_in_district: 2,
            min_years: 10,
        }
    }

    #[test]
    fn volume_is_judged_within_the_district_office() {
        // Office 1: three large consumers; office 2: small ones, whose largest still leads it.
        let facts = [
            client(1, 1, Some(30e6), 2020, None),
            client(2, 1, Some(20e6), 2020, None),
            client(3, 1, Some(9e6), 2020, None),
            client(4, 2, Some(3e6), 2020, None),
            client(5, 2, Some(2e6), 2020, None),
            client(6, 2, Some(1e6), 2020, None),
        ];
        let list = propose(&facts, 2027, &thresholds());
        let by_id = |id| list.iter().find(|c| c.facts.client_id == id);
        assert_eq!(by_id(1).map(|c| c.criteria.rank), Some(Some(1)));
        assert_eq!(by_id(1).map(|c| c.criteria.district_size), Some(3));
        // 9 million in office 1 is third: below the threshold and out of its top two.
        assert!(by_id(3).is_none());
        // 3 and 2 million lead office 2: in by rank, though far below the threshold.
        assert_eq!(by_id(4).map(|c| c.proposal), Some(Proposal::Include));
        assert_eq!(by_id(5).map(|c| c.criteria.rank), Some(Some(2)));
        assert!(by_id(6).is_none());
        // Largest first.
        let order: Vec<Id> = list.iter().map(|c| c.facts.client_id).collect();
        assert_eq!(order, vec![1, 2, 4, 5]);
    }

    #[test]
    fn equal_volumes_share_a_place() {
        let facts = [
            client(1, 1, Some(5e6), 2020, None),
            client(2, 1, Some(5e6), 2020, None),
            client(3, 1, Some(4e6), 2020, None),
        ];
        let r = ranks(&facts);
        assert_eq!(r[&1], (1, 3));
        assert_eq!(r[&2], (1, 3));
        assert_eq!(r[&3], (3, 3));
    }

    #[test]
    fn this_years_vip_clients_are_kept_or_excluded_by_their_criteria() {
        let t = Thresholds {
            top_in_district: 0,
            ..thresholds()
        };
        let facts = [
            // Small, but with the company for 15 years: kept for stability.
            client(1, 1, Some(1e6), 2012, Some(true)),
            // Small, young, no judgement: excluded.
            client(2, 1, Some(1e6), 2022, Some(true)),
            // Small and young, but a brand: kept.
            Facts {
                brand: true,
                ..client(3, 1, Some(1e6), 2022, Some(true))
            },
            // No consumption recorded, a leader of high political status: kept.
            Facts {
                political: true,
                ..client(4, 2, None, 2022, Some(true))
            },
            // Excluded this year, small: not a candidate.
            client(5, 1, Some(1e6), 2022, Some(false)),
        ];
        let list = propose(&facts, 2027, &t);
        let p = |id| {
            list.iter()
                .find(|c| c.facts.client_id == id)
                .map(|c| c.proposal)
        };
        assert_eq!(p(1), Some(Proposal::Keep));
        assert_eq!(
            list.iter()
                .find(|c| c.facts.client_id == 1)
                .and_then(|c| c.criteria.years),
            Some(15)
        );
        assert_eq!(p(2), Some(Proposal::Exclude));
        assert_eq!(p(3), Some(Proposal::Keep));
        assert_eq!(p(4), Some(Proposal::Keep));
        assert_eq!(p(5), None);
    }

    #[test]
    fn years_of_cooperation_count_to_the_lists_year() {
        let facts = [client(1, 1, Some(50e6), 2017, None)];
        let list = propose(&facts, 2027, &thresholds());
        assert_eq!(list[0].criteria.years, Some(10));
        assert!(list[0].criteria.stability);
        let list = propose(&facts, 2026, &thresholds());
        assert!(!list[0].criteria.stability);
    }

    #[test]
    fn thresholds_out_of_range_are_named() {
        let bad = Thresholds {
            min_kwh: f64::NAN,
            ..Thresholds::default()
        };
        assert_eq!(bad.out_of_range(), Some("min_kwh"));
        assert_eq!(Thresholds::default().out_of_range(), None);
    }
}
