//! A news site on 127.0.0.1 for the ingestion tests: pages and feeds the
//! test puts up (and may change while the server runs), with conditional
//! GET, and every failure a fetch must survive: 404, a body larger than
//! announced limits, a content type other than HTML, a redirect loop, and
//! a server that accepts connections and never answers.
//!
//! Runs on its own thread and runtime, so that tests of blocking code (the
//! binary run as a process) and of async code can both use it.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;

/// One resource the server serves.
#[derive(Debug, Clone)]
struct Resource {
    content_type: String,
    body: Vec<u8>,
    etag: String,
}

#[derive(Default)]
struct Site {
    resources: Mutex<HashMap<String, Resource>>,
    requests: Mutex<Vec<String>>,
    not_modified: AtomicUsize,
    version: AtomicUsize,
}

/// The news site. Dropping it stops the server.
pub struct NewsServer {
    addr: SocketAddr,
    silent: SocketAddr,
    site: Arc<Site>,
    _stop: tokio::sync::oneshot::Sender<()>,
    _thread: std::thread::JoinHandle<()>,
}

/// Paths with a fixed behaviour.
pub mod routes {
    /// Always 404.
    pub const MISSING: &str = "/missing";
    /// Redirects to itself, for ever.
    pub const LOOP: &str = "/loop";
    /// A 3 MB HTML page (over a 1 MB `max_bytes`), announced by Content-Length.
    pub const HUGE: &str = "/huge";
    /// A 3 MB HTML page streamed with no Content-Length.
    pub const HUGE_STREAMED: &str = "/huge-streamed";
}

impl NewsServer {
    /// Starts the server (and a listener that never answers).
    pub fn start() -> NewsServer {
        let site = Arc::new(Site::default());
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let shared = site.clone();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime for the news server");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind the news server");
                // Accepts connections and never answers: fetches must time out.
                let silent = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind the silent server");
                addr_tx
                    .send((
                        listener.local_addr().expect("an address"),
                        silent.local_addr().expect("an address"),
                    ))
                    .expect("the test waits for the address");
                tokio::spawn(async move {
                    let mut held = Vec::new();
                    while let Ok((socket, _)) = silent.accept().await {
                        held.push(socket);
                    }
                });
                let app = Router::new().fallback(serve).with_state(shared);
                axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = rx.await;
                    })
                    .await
                    .expect("the news server runs");
            });
        });
        let (addr, silent) = addr_rx.recv().expect("the news server starts");
        NewsServer {
            addr,
            silent,
            site,
            _stop: tx,
            _thread: thread,
        }
    }

    /// The absolute URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// A URL on a server that accepts the connection and never answers.
    pub fn silent_url(&self) -> String {
        format!("http://{}/never", self.silent)
    }

    /// Serves `body` at `path` with `content_type` (replacing what was there;
    /// the ETag changes with every version).
    pub fn put(&self, path: &str, content_type: &str, body: impl Into<Vec<u8>>) {
        let version = self.site.version.fetch_add(1, Ordering::SeqCst);
        self.site.resources.lock().expect("the site's lock").insert(
            path.to_string(),
            Resource {
                content_type: content_type.to_string(),
                body: body.into(),
                etag: format!("\"v{version}\""),
            },
        );
    }

    /// Serves an HTML page.
    pub fn page(&self, path: &str, html: &str) {
        self.put(path, "text/html; charset=utf-8", html);
    }

    /// Serves an RSS 2.0 feed listing `items` (title, path on this server), newest first.
    pub fn rss(&self, path: &str, items: &[(&str, &str)]) {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n<title>The Test Gazette</title><link>/</link><description>News</description>\n",
        );
        for (title, item) in items {
            xml.push_str(&format!(
                "<item><title>{}</title><link>{}</link><guid>{}</guid><pubDate>Tue, 19 Nov 2019 10:00:00 GMT</pubDate></item>\n",
                escape(title),
                escape(&self.url(item)),
                escape(&self.url(item))
            ));
        }
        xml.push_str("</channel></rss>\n");
        self.put(path, "application/rss+xml", xml);
    }

    /// Serves an Atom feed listing `items` (title, path on this server); links are relative.
    pub fn atom(&self, path: &str, items: &[(&str, &str)]) {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>The Test Gazette</title><id>urn:test:gazette</id><updated>2019-11-19T10:00:00Z</updated>\n",
        );
        for (i, (title, item)) in items.iter().enumerate() {
            xml.push_str(&format!(
                "<entry><title>{}</title><id>urn:test:{i}</id><updated>2019-11-19T10:00:00Z</updated><link rel=\"alternate\" href=\"{}\"/></entry>\n",
                escape(title),
                escape(item)
            ));
        }
        xml.push_str("</feed>\n");
        self.put(path, "application/atom+xml", xml);
    }

    /// The paths requested so far, in order.
    pub fn requests(&self) -> Vec<String> {
        self.site.requests.lock().expect("the site's lock").clone()
    }

    /// How many requests were answered 304 Not Modified.
    pub fn not_modified(&self) -> usize {
        self.site.not_modified.load(Ordering::SeqCst)
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

async fn serve(State(site): State<Arc<Site>>, uri: Uri, headers: HeaderMap) -> Response {
    let path = uri.path().to_string();
    site.requests
        .lock()
        .expect("the site's lock")
        .push(path.clone());
    match path.as_str() {
        routes::MISSING => return (StatusCode::NOT_FOUND, "no such page").into_response(),
        routes::LOOP => {
            return (StatusCode::FOUND, [(header::LOCATION, routes::LOOP)], "").into_response()
        }
        routes::HUGE => return huge_page(true),
        routes::HUGE_STREAMED => return huge_page(false),
        _ => {}
    }
    let resource = site
        .resources
        .lock()
        .expect("the site's lock")
        .get(&path)
        .cloned();
    let Some(r) = resource else {
        return (StatusCode::NOT_FOUND, "no such page").into_response();
    };
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == r.etag);
    if matches {
        site.not_modified.fetch_add(1, Ordering::SeqCst);
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, r.etag)]).into_response();
    }
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, r.content_type),
            (header::ETAG, r.etag),
            (
                header::LAST_MODIFIED,
                "Tue, 19 Nov 2019 10:00:00 GMT".to_string(),
            ),
        ],
        r.body,
    )
        .into_response()
}

/// A page of 3 MB of paragraphs, with or without its Content-Length.
fn huge_page(announced: bool) -> Response {
    let mut html = String::from("<html><head><title>Huge</title></head><body><article>");
    while html.len() < 3_000_000 {
        html.push_str("<p>A very long article goes on and on, paragraph after paragraph.</p>");
    }
    html.push_str("</article></body></html>");
    if announced {
        ([(header::CONTENT_TYPE, "text/html")], html).into_response()
    } else {
        let chunks: Vec<Result<String, std::io::Error>> = html
            .as_bytes()
            .chunks(64 * 1024)
            .map(|c| Ok(String::from_utf8_lossy(c).into_owned()))
            .collect();
        let body = axum::body::Body::from_stream(futures_util_stream(chunks));
        ([(header::CONTENT_TYPE, "text/html")], body).into_response()
    }
}

/// A stream of ready chunks (so that no Content-Length is sent).
fn futures_util_stream(
    chunks: Vec<Result<String, std::io::Error>>,
) -> impl futures_core::Stream<Item = Result<String, std::io::Error>> {
    struct Chunks(std::vec::IntoIter<Result<String, std::io::Error>>);
    impl futures_core::Stream for Chunks {
        type Item = Result<String, std::io::Error>;
        fn poll_next(
            mut self: std::pin::Pin<&mut Self>,
            _cx: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Self::Item>> {
            std::task::Poll::Ready(self.0.next())
        }
    }
    Chunks(chunks.into_iter())
}
