//! Enumerations stored as short codes («draft», «legal», «м»). A code the program does not know
//! (written by a newer version, or damaged) is an error, never silently the default.

/// An enumeration with a stable code per variant.
pub trait Code: Sized + Copy + 'static {
    /// Every variant, in display order.
    const ALL: &'static [Self];
    /// What the code stands for, for error messages and logs («letter status»).
    const WHAT: &'static str;
    fn code(self) -> &'static str;
    fn from_code(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.code() == s)
    }
    fn parse_code(s: &str) -> Result<Self, UnknownCode> {
        Self::from_code(s).ok_or_else(|| UnknownCode {
            what: Self::WHAT,
            code: s.to_string(),
        })
    }
}

/// A stored code that no variant has.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} code {code:?}")]
pub struct UnknownCode {
    pub what: &'static str,
    pub code: String,
}

/// Implements [`Code`] for an enum: `codes!(Status, "letter status", Draft => "draft", …);`
#[macro_export]
macro_rules! codes {
    ($t:ident, $what:expr, $($v:ident => $c:expr),+ $(,)?) => {
        impl $crate::domain::code::Code for $t {
            const ALL: &'static [Self] = &[$($t::$v),+];
            const WHAT: &'static str = $what;
            fn code(self) -> &'static str {
                match self { $($t::$v => $c),+ }
            }
        }
    };
}
