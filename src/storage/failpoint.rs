//! Named points where a test kills the program in the middle of a long write.

/// A test's kill at a named point of a long write: in a debug build the process aborts there
/// when `VIPDESK_FAILPOINT` is `NAME` or `NAME:N` (the N-th time it is passed), or pauses
/// there for three seconds with `NAME:N:pause` (while the test cuts the server off). A release
/// build has no such point.
pub fn failpoint(name: &str) {
    #[cfg(debug_assertions)]
    {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static PASSED: AtomicUsize = AtomicUsize::new(0);
        let Ok(wanted) = std::env::var("VIPDESK_FAILPOINT") else {
            return;
        };
        let mut parts = wanted.split(':');
        let point = parts.next().unwrap_or_default();
        let nth: usize = parts.next().and_then(|n| n.parse().ok()).unwrap_or(1);
        let pause = parts.next() == Some("pause");
        if point == name && PASSED.fetch_add(1, Ordering::SeqCst) + 1 == nth {
            if pause {
                std::thread::sleep(std::time::Duration::from_secs(3));
            } else {
                std::process::abort();
            }
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = name;
}
