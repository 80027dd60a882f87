//! Interactions from the gateway wait here for one of a fixed number of
//! workers, not in a task each.
//!
//! serenity runs every gateway event in a task of its own, and that task
//! holds the event (several kilobytes) until the handler returns. A handler
//! that waited there for its reply to reach a slow API would, in a burst,
//! hold thousands of them. So the handler plans the reply, queues the plan
//! with the few bytes its response needs (id, token) and returns; the
//! workers answer the queue in order, [`WORKERS`] at a time.
//!
//! Nothing is dropped: when [`CAPACITY`] interactions already wait, the next
//! event's task waits for room (holding its event, as before). At shutdown
//! [`Backlog::drain`] lets the queue empty for a while and logs at WARN what
//! is left unanswered.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use serenity::all::InteractionId;
use tokio::sync::{mpsc, Mutex};
use tracing::{info, warn};

use super::interact::{respond, Plan, Target};
use crate::courier::Courier;
use factdesk_service::memory::{Activity, Busy, Tally};

/// Interactions answered at once. A worker holds its reply until the API
/// has taken it; the courier sends [`crate::courier::IN_FLIGHT`] at a time,
/// so more workers would only hold more replies.
pub const WORKERS: usize = 2 * crate::courier::IN_FLIGHT;

/// Interactions that may wait in the queue (a few hundred bytes each).
pub const CAPACITY: usize = 16_384;

/// One interaction to answer.
pub struct Job {
    /// The application it was sent to.
    pub application: u64,
    /// The interaction's id.
    pub id: InteractionId,
    /// The interaction's token. Never logged.
    pub token: String,
    /// What to send.
    pub work: Work,
}

/// What a [`Job`] sends.
pub enum Work {
    /// A reply to prepare and deliver as the plan says.
    Plan(Plan),
    /// A callback body already made (autocomplete choices).
    Callback(Vec<u8>),
}

/// The queue and its workers. Cheap to clone; the workers start with the
/// first job.
#[derive(Clone)]
pub struct Backlog {
    inner: Arc<Inner>,
}

struct Inner {
    /// Each job travels with its count in `tally`, done when the job is.
    sender: mpsc::Sender<(Job, Busy)>,
    receiver: Mutex<mpsc::Receiver<(Job, Busy)>>,
    /// Jobs queued or being answered, and answered (or given up on).
    tally: Tally,
    started: OnceLock<()>,
}

impl Default for Backlog {
    fn default() -> Backlog {
        Backlog::new()
    }
}

impl Backlog {
    /// An empty queue; call from anywhere, the workers start on the async
    /// runtime with the first [`Backlog::push`].
    pub fn new() -> Backlog {
        let (sender, receiver) = mpsc::channel(CAPACITY);
        Backlog {
            inner: Arc::new(Inner {
                sender,
                receiver: Mutex::new(receiver),
                tally: Tally::default(),
                started: OnceLock::new(),
            }),
        }
    }

    /// Queues `job`, sent with `courier`; waits for room when the queue is full.
    pub async fn push(&self, courier: &Courier, job: Job) {
        self.inner.started.get_or_init(|| {
            for _ in 0..WORKERS {
                tokio::spawn(work(self.inner.clone(), courier.clone()));
            }
        });
        let busy = self.inner.tally.start();
        if self.inner.sender.send((job, busy)).await.is_err() {
            // The receiver lives as long as `inner`, which `self` holds.
            warn!("the interaction queue is closed; an interaction was not answered");
        }
    }

    /// Interactions queued or being answered.
    pub fn pending(&self) -> usize {
        self.inner.tally.pending()
    }

    /// What the queue has done and has left, for
    /// [`factdesk_service::memory::after_bursts`].
    pub fn activity(&self) -> Activity {
        self.inner.tally.activity()
    }

    /// Waits until every queued interaction is answered.
    pub async fn drained(&self) {
        self.inner.tally.idle().await
    }

    /// Lets the queue empty for at most `within` (at shutdown, once no new
    /// events arrive); logs what is left at WARN. Returns how many are left.
    pub async fn drain(&self, within: Duration) -> usize {
        let waiting = self.pending();
        if waiting == 0 {
            return 0;
        }
        info!(
            interactions = waiting,
            "answering the interactions still queued"
        );
        if tokio::time::timeout(within, self.drained()).await.is_ok() {
            return 0;
        }
        let left = self.pending();
        warn!(
            interactions = left,
            waited_s = within.as_secs(),
            "shutting down with interactions still unanswered"
        );
        left
    }
}

/// A worker: answers jobs from the queue one at a time.
async fn work(inner: Arc<Inner>, courier: Courier) {
    loop {
        let job = inner.receiver.lock().await.recv().await;
        // `_busy` counts the job as done when it drops, after the answer.
        let Some((job, _busy)) = job else { return };
        let to = Target {
            application: job.application,
            id: job.id,
            token: &job.token,
        };
        match job.work {
            Work::Plan(plan) => respond(&courier, to, plan).await,
            Work::Callback(body) => {
                if let Err(why) = courier.callback(job.id.get(), &job.token, &body).await {
                    warn!(interaction = job.id.get(), error = %why, "cannot answer an autocomplete");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gateway::interact::{Deferral, Delivery};
    use crate::render::reply::Reply;
    use std::io::{Read, Write};
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A local API that answers every request 204 after `delay`, counting them.
    fn slow_api(delay: Duration) -> (String, Arc<AtomicUsize>) {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let count = Arc::new(AtomicUsize::new(0));
        let seen = count.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let seen = seen.clone();
                std::thread::spawn(move || {
                    let mut buf = [0u8; 4096];
                    let mut got = Vec::new();
                    // One request per connection is enough here: read to the
                    // end of its body, answer, close.
                    loop {
                        let n = stream.read(&mut buf).unwrap_or(0);
                        if n == 0 {
                            return;
                        }
                        got.extend_from_slice(&buf[..n]);
                        let text = String::from_utf8_lossy(&got);
                        if let Some(head) = text.find("\r\n\r\n") {
                            let length = text[..head]
                                .lines()
                                .find_map(|l| {
                                    let (k, v) = l.split_once(':')?;
                                    k.eq_ignore_ascii_case("content-length")
                                        .then(|| v.trim().parse::<usize>().ok())?
                                })
                                .unwrap_or(0);
                            if got.len() >= head + 4 + length {
                                break;
                            }
                        }
                    }
                    std::thread::sleep(delay);
                    seen.fetch_add(1, Ordering::SeqCst);
                    let _ =
                        stream.write_all(b"HTTP/1.1 204 No Content\r\nconnection: close\r\n\r\n");
                });
            }
        });
        (url, count)
    }

    fn job(id: u64) -> Job {
        let reply = Reply::text("ok", false);
        Job {
            application: 1,
            // A snowflake of now, so that the callback window is open.
            id: InteractionId::new(now_snowflake() + id),
            token: "token".into(),
            work: Work::Plan(Plan::new(
                Delivery::Message { ephemeral: false },
                Deferral::WhenLate,
                std::future::ready(reply),
            )),
        }
    }

    fn now_snowflake() -> u64 {
        let ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64;
        (ms - 1_420_070_400_000) << 22
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_burst_is_answered_by_a_fixed_number_of_workers() {
        let (url, answered) = slow_api(Duration::from_millis(200));
        let courier = Courier::new(&url).unwrap();
        let backlog = Backlog::new();
        let burst = 3 * WORKERS;
        let tasks_before = tokio::runtime::Handle::current()
            .metrics()
            .num_alive_tasks();
        for i in 0..burst {
            backlog.push(&courier, job(i as u64)).await;
        }
        // Pushing returns at once: the jobs wait in the queue, not in tasks.
        let tasks = tokio::runtime::Handle::current()
            .metrics()
            .num_alive_tasks();
        assert!(
            tasks <= tasks_before + WORKERS + crate::courier::IN_FLIGHT * 2,
            "{tasks} tasks alive for {burst} queued interactions"
        );
        assert!(backlog.pending() > 0);
        assert_eq!(backlog.drain(Duration::from_secs(60)).await, 0);
        assert_eq!(answered.load(Ordering::SeqCst), burst);
        assert_eq!(
            backlog.activity(),
            Activity {
                done: burst as u64,
                pending: 0
            }
        );
    }

    #[tokio::test]
    async fn a_drain_that_runs_out_of_time_says_how_many_are_left() {
        let (url, _) = slow_api(Duration::from_secs(5));
        let courier = Courier::new(&url).unwrap();
        let backlog = Backlog::new();
        for i in 0..3 {
            backlog.push(&courier, job(i)).await;
        }
        assert_eq!(backlog.drain(Duration::from_millis(200)).await, 3);
    }
}
