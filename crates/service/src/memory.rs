//! Handing the memory a burst freed back to the system.
//!
//! glibc's allocator keeps what a thread frees in that thread's arena for
//! later use; memory freed in the middle of an arena is not given back on
//! its own, so after a burst of questions the process stays at its peak.
//! [`give_back`] asks it to return every free page (`malloc_trim(0)`), and
//! [`after_bursts`] does so once the work that caused the burst is done.
//! Elsewhere (another C library, another OS) both do nothing.

use std::time::Duration;

use tracing::debug;

/// How often [`after_bursts`] looks at the work.
pub const CHECK_EVERY: Duration = Duration::from_secs(5);

/// What an edge has done: its work items finished so far and those still
/// queued or running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Activity {
    /// Work items finished since the start.
    pub done: u64,
    /// Work items queued or running now.
    pub pending: usize,
}

/// Returns the allocator's free pages to the system. Whether the platform
/// can (glibc).
pub fn give_back() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: malloc_trim takes no pointer and only releases pages the
        // allocator holds free; glibc locks each arena while it trims.
        unsafe { libc::malloc_trim(0) };
        true
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    false
}

/// Forever: every [`CHECK_EVERY`], gives freed memory back when work was
/// done since the last time and none is pending (a burst is over).
pub async fn after_bursts(activity: impl Fn() -> Activity + Send) {
    watch(activity, |now| {
        let started = std::time::Instant::now();
        if give_back() {
            debug!(
                handled = now.done,
                took_us = started.elapsed().as_micros() as u64,
                "gave freed memory back to the system"
            );
        }
    })
    .await
}

/// [`after_bursts`] with the giving back as `give`.
async fn watch(activity: impl Fn() -> Activity + Send, mut give: impl FnMut(Activity) + Send) {
    let mut last = activity().done;
    let mut tick = tokio::time::interval(CHECK_EVERY);
    loop {
        tick.tick().await;
        let now = activity();
        if now.done != last && now.pending == 0 {
            last = now.done;
            give(now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn giving_back_is_safe_to_call_at_any_time() {
        let kept: Vec<Vec<u8>> = (0..1000).map(|i| vec![i as u8; 4096]).collect();
        let freed: Vec<Vec<u8>> = (0..1000).map(|i| vec![i as u8; 4096]).collect();
        drop(freed);
        let expected = cfg!(all(target_os = "linux", target_env = "gnu"));
        assert_eq!(give_back(), expected);
        // What is still held is untouched.
        assert!(kept
            .iter()
            .enumerate()
            .all(|(i, v)| v.iter().all(|b| *b == i as u8)));
    }

    #[tokio::test(start_paused = true)]
    async fn gives_back_once_after_each_burst_never_during_one() {
        let activity = Arc::new(std::sync::Mutex::new(Activity {
            done: 0,
            pending: 0,
        }));
        let given = Arc::new(std::sync::Mutex::new(Vec::new()));
        let (a, g) = (activity.clone(), given.clone());
        let watcher = tokio::spawn(watch(
            move || *a.lock().unwrap(),
            move |now| g.lock().unwrap().push(now.done),
        ));
        let set = |done, pending| *activity.lock().unwrap() = Activity { done, pending };
        let wait = || tokio::time::sleep(CHECK_EVERY * 2);
        wait().await;
        // Idle from the start: nothing to give back.
        assert!(given.lock().unwrap().is_empty());
        // A burst under way: work done, more pending.
        set(500, 1500);
        wait().await;
        assert!(given.lock().unwrap().is_empty());
        // Over: given back once, not again while idle.
        set(2000, 0);
        wait().await;
        wait().await;
        assert_eq!(*given.lock().unwrap(), [2000]);
        // The next burst, once over.
        set(2100, 0);
        wait().await;
        assert_eq!(*given.lock().unwrap(), [2000, 2100]);
        watcher.abort();
    }
}
