//! Hybrid logical clock stamps (Kulkarni, Demirbas et al., 2014) for the department's sync:
//! a stamp is (physical milliseconds, a counter, the workstation), compared in that order.
//! Stamps of one workstation never go backwards even when its clock does, and a stamp taken
//! after receiving another is ordered after it, so «the later change wins» means the same on
//! every replica.

use std::cmp::Ordering;

/// One stamp. Its text form sorts as the stamps do: `0001733560000000-0000000000-<node>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Stamp {
    /// Milliseconds since the Unix epoch (the wall clock, or later).
    pub millis: u64,
    /// Events within one millisecond (or while the wall clock lags).
    pub counter: u32,
    /// The workstation that took it (its uuid): ties between workstations are broken by it.
    pub node: String,
}

impl Ord for Stamp {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.millis, self.counter, &self.node).cmp(&(other.millis, other.counter, &other.node))
    }
}

impl PartialOrd for Stamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for Stamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:016}-{:010}-{}", self.millis, self.counter, self.node)
    }
}

impl std::str::FromStr for Stamp {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        let mut parts = s.splitn(3, '-');
        let millis = parts.next().ok_or(())?.parse().map_err(|_| ())?;
        let counter = parts.next().ok_or(())?.parse().map_err(|_| ())?;
        let node = parts.next().filter(|n| !n.is_empty()).ok_or(())?;
        Ok(Stamp {
            millis,
            counter,
            node: node.to_string(),
        })
    }
}

/// A workstation's clock: the last stamp it gave.
#[derive(Debug, Clone)]
pub struct Hlc {
    last: Stamp,
}

impl Hlc {
    /// A clock for `node` that has given nothing yet (or resumes after `last`, kept on disk).
    pub fn new(node: &str, last: Option<Stamp>) -> Hlc {
        Hlc {
            last: last.unwrap_or(Stamp {
                millis: 0,
                counter: 0,
                node: node.to_string(),
            }),
        }
    }

    /// The stamp of a local change at wall-clock `now_millis`: after every stamp given or seen.
    pub fn tick(&mut self, now_millis: u64) -> Stamp {
        let (millis, counter) = if now_millis > self.last.millis {
            (now_millis, 0)
        } else {
            (self.last.millis, self.last.counter.saturating_add(1))
        };
        self.last = Stamp {
            millis,
            counter,
            node: self.last.node.clone(),
        };
        self.last.clone()
    }

    /// Takes in a stamp received from another workstation at wall-clock `now_millis`: the next
    /// local stamp is after it.
    pub fn observe(&mut self, seen: &Stamp, now_millis: u64) {
        let millis = now_millis.max(self.last.millis).max(seen.millis);
        let counter = match (millis == self.last.millis, millis == seen.millis) {
            (true, true) => self.last.counter.max(seen.counter).saturating_add(1),
            (true, false) => self.last.counter.saturating_add(1),
            (false, true) => seen.counter.saturating_add(1),
            (false, false) => 0,
        };
        self.last = Stamp {
            millis,
            counter,
            node: self.last.node.clone(),
        };
    }

    /// The last stamp given (to keep on disk).
    pub fn last(&self) -> &Stamp {
        &self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_text_form_sorts_as_the_stamps_do_and_reads_back() {
        let a = Stamp {
            millis: 9,
            counter: 12,
            node: "b".into(),
        };
        let b = Stamp {
            millis: 10,
            counter: 0,
            node: "a".into(),
        };
        assert!(a < b);
        assert!(a.to_string() < b.to_string());
        assert_eq!(a.to_string().parse::<Stamp>(), Ok(a));
        assert!("garbage".parse::<Stamp>().is_err());
    }

    proptest! {
        /// Whatever the wall clock does (backwards, standing still) and whatever is received,
        /// each local stamp is after the one before and after every stamp seen.
        #[test]
        fn stamps_never_go_back_and_follow_what_was_seen(
            events in proptest::collection::vec((0u64..1_000, proptest::option::of((0u64..1_200, 0u32..5))), 1..200)
        ) {
            let mut clock = Hlc::new("me", None);
            let mut before: Option<Stamp> = None;
            for (now, seen) in events {
                let mut floor = before.clone();
                if let Some((millis, counter)) = seen {
                    let other = Stamp { millis, counter, node: "other".into() };
                    clock.observe(&other, now);
                    floor = floor.max(Some(other));
                }
                let s = clock.tick(now);
                prop_assert!(floor.is_none_or(|f| (s.millis, s.counter) > (f.millis, f.counter)));
                prop_assert!(s.millis >= now);
                before = Some(s);
            }
        }
    }
}
