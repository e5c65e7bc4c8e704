//! Named points where a test kills the program in the middle of a long write.

/// A test's kill at a named point of a long write: in a debug build the process aborts there
/// when `VIPDESK_FAILPOINT` is `NAME` or `NAME:N` (the N-th time it is passed). A release build
/// has no such point.
pub fn failpoint(name: &str) {
    #[cfg(debug_assertions)]
    {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static PASSED: AtomicUsize = AtomicUsize::new(0);
        let Ok(wanted) = std::env::var("VIPDESK_FAILPOINT") else {
            return;
        };
        let (point, nth) = match wanted.split_once(':') {
            Some((p, n)) => (p.to_string(), n.parse().unwrap_or(1)),
            None => (wanted, 1),
        };
        if point == name && PASSED.fetch_add(1, Ordering::SeqCst) + 1 == nth {
            std::process::abort();
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = name;
}
