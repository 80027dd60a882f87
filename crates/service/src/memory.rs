//! The process's allocator, and handing memory it no longer uses back to
//! the system.
//!
//! With the `jemalloc` feature (the `factdesk` binary's), jemalloc is the
//! process's allocator: answering a question allocates small strings and
//! vectors by the thousand, and jemalloc serves them faster, in less memory,
//! than glibc's allocator (BENCHMARKS.md). Without it, the system's.
//!
//! Two kinds of memory are kept for nothing after a load or a burst of
//! questions:
//! - the allocator keeps what a thread frees for later use (glibc in that
//!   thread's arena, where memory freed in the middle is not given back on
//!   its own; jemalloc for some seconds, and longer when no thread
//!   allocates), so after a burst the process stays at its peak;
//! - building the index reads much of the embedded lexical database, and
//!   those pages of the executable stay resident although questions only
//!   read a few of them again.
//!
//! [`give_back`] returns both (jemalloc's arenas purged, or glibc's
//! `malloc_trim(0)`; then [`factdesk_lexdb::Lexdb::release_resident`]);
//! call it after a load, and
//! [`after_bursts`] calls it once the work that caused a burst is done.
//! Elsewhere (another C library, another OS) the part that cannot be done
//! is skipped.

use std::sync::atomic::Ordering;
use std::time::Duration;

use tracing::debug;

/// jemalloc as the process's allocator (see the module's documentation).
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

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

/// Counts work items as they start and finish, for [`after_bursts`] and for
/// a shutdown that waits for the work under way. Cheap to clone; clones
/// share the counts.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    counts: std::sync::Arc<Counts>,
}

#[derive(Debug, Default)]
struct Counts {
    done: std::sync::atomic::AtomicU64,
    pending: std::sync::atomic::AtomicUsize,
    /// Told when `pending` falls to zero.
    idle: tokio::sync::Notify,
}

/// One work item under way; it counts as done when dropped.
#[derive(Debug)]
pub struct Busy {
    counts: std::sync::Arc<Counts>,
}

impl Tally {
    /// Counts a work item as pending until the returned guard is dropped.
    pub fn start(&self) -> Busy {
        self.counts.pending.fetch_add(1, Ordering::SeqCst);
        Busy {
            counts: self.counts.clone(),
        }
    }

    /// Work items queued or running now.
    pub fn pending(&self) -> usize {
        self.counts.pending.load(Ordering::SeqCst)
    }

    /// Waits until no work item is pending.
    pub async fn idle(&self) {
        loop {
            let idle = self.counts.idle.notified();
            tokio::pin!(idle);
            idle.as_mut().enable();
            if self.pending() == 0 {
                return;
            }
            idle.await;
        }
    }

    /// What has been done and what is under way now.
    pub fn activity(&self) -> Activity {
        Activity {
            done: self.counts.done.load(Ordering::SeqCst),
            pending: self.counts.pending.load(Ordering::SeqCst),
        }
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.counts.done.fetch_add(1, Ordering::SeqCst);
        if self.counts.pending.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.counts.idle.notify_waiters();
        }
    }
}

/// Returns the allocator's free pages and the lexical database's resident
/// pages to the system. Whether the platform could do either.
pub fn give_back() -> bool {
    let trimmed = trim_allocator();
    let released = factdesk_lexdb::Lexdb::get().release_resident();
    trimmed || released
}

/// jemalloc's `arena.<all>.purge`: every arena's unused pages given back
/// now; whether jemalloc did so.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
fn trim_allocator() -> bool {
    // "arena.4096.purge": 4096 is MALLCTL_ARENAS_ALL.
    const PURGE_ALL: &std::ffi::CStr = c"arena.4096.purge";
    // SAFETY: the name is a NUL-terminated string; a purge reads and writes
    // no value, so every pointer is null and the length zero.
    let status = unsafe {
        tikv_jemalloc_sys::mallctl(
            PURGE_ALL.as_ptr(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            0,
        )
    };
    status == 0
}

/// glibc's `malloc_trim(0)`; whether it could be called.
#[cfg(not(all(feature = "jemalloc", not(target_env = "msvc"))))]
fn trim_allocator() -> bool {
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
        // Linux gives back both; jemalloc purges its arenas on every system it builds on.
        let expected =
            cfg!(target_os = "linux") || cfg!(all(feature = "jemalloc", not(target_env = "msvc")));
        assert_eq!(give_back(), expected);
        // What is still held is untouched.
        assert!(kept
            .iter()
            .enumerate()
            .all(|(i, v)| v.iter().all(|b| *b == i as u8)));
    }

    /// jemalloc's count of dirty pages (freed, not yet given back) over
    /// every arena, its statistics refreshed first.
    #[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
    fn dirty_pages() -> usize {
        use tikv_jemalloc_sys::mallctl;
        let mut epoch: u64 = 1;
        let mut dirty: usize = 0;
        let mut len = std::mem::size_of::<usize>();
        // SAFETY: each name is NUL-terminated; "epoch" is written a u64 of
        // its size, and the count is read into a usize of `len` bytes.
        unsafe {
            let e = (&mut epoch as *mut u64).cast();
            assert_eq!(
                mallctl(
                    c"epoch".as_ptr(),
                    std::ptr::null_mut(),
                    std::ptr::null_mut(),
                    e,
                    8
                ),
                0
            );
            let d = (&mut dirty as *mut usize).cast();
            assert_eq!(
                mallctl(
                    c"stats.arenas.4096.pdirty".as_ptr(),
                    d,
                    &mut len,
                    std::ptr::null_mut(),
                    0
                ),
                0
            );
        }
        dirty
    }

    #[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
    #[test]
    fn jemalloc_gives_its_dirty_pages_back() {
        // Four megabytes freed: a thousand pages jemalloc keeps for a while.
        let freed: Vec<Vec<u8>> = (0..1000).map(|i| vec![i as u8; 4096]).collect();
        drop(freed);
        let before = dirty_pages();
        assert!(before >= 500, "{before} dirty pages after freeing 1 000");
        assert!(trim_allocator());
        // Other tests may free some meanwhile, not hundreds.
        let after = dirty_pages();
        assert!(
            after < before / 2,
            "{after} dirty pages after the purge, {before} before"
        );
    }

    #[test]
    fn a_tally_counts_work_under_way_until_its_guard_drops() {
        let tally = Tally::default();
        let (a, b) = (tally.start(), tally.clone().start());
        assert_eq!(
            tally.activity(),
            Activity {
                done: 0,
                pending: 2
            }
        );
        drop(a);
        assert_eq!(
            tally.activity(),
            Activity {
                done: 1,
                pending: 1
            }
        );
        drop(b);
        assert_eq!(
            tally.activity(),
            Activity {
                done: 2,
                pending: 0
            }
        );
    }

    #[tokio::test]
    async fn waiting_for_idle_returns_when_the_last_item_is_done() {
        let tally = Tally::default();
        // Nothing pending: returns at once.
        tally.idle().await;
        let busy = tally.start();
        let waiter = tokio::spawn({
            let tally = tally.clone();
            async move { tally.idle().await }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!waiter.is_finished());
        drop(busy);
        tokio::time::timeout(Duration::from_secs(10), waiter)
            .await
            .expect("idle() returns once the last item is done")
            .unwrap();
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
