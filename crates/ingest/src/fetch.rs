//! Fetching pages and feeds over HTTP(S), within limits: a timeout for the
//! whole fetch, a size limit read as the body streams in, a redirect limit,
//! and conditional GET (ETag / Last-Modified) for feeds.

use std::time::Duration;

use reqwest::header::{
    HeaderMap, CONTENT_LENGTH, CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED,
};
use reqwest::StatusCode;

/// Limits on fetching.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchOptions {
    /// The whole fetch (connecting, headers and body) must end within this.
    pub timeout: Duration,
    /// The largest body read, in bytes.
    pub max_bytes: u64,
    /// Redirects followed.
    pub max_redirects: u32,
    /// The User-Agent header.
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(20),
            max_bytes: 5_000_000,
            max_redirects: 5,
            user_agent: format!("factdesk/{}", env!("CARGO_PKG_VERSION")),
        }
    }
}

/// The validators of a fetched resource, sent back to fetch it only if it changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    /// The `ETag` it came with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The `Last-Modified` it came with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

impl Validators {
    /// Whether there is nothing to send.
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// A fetched resource.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL after redirects.
    pub url: String,
    /// The `Content-Type`'s media type, lower case (`text/html`), empty when absent.
    pub media_type: String,
    /// The body, at most `max_bytes`.
    pub body: Vec<u8>,
    /// Its validators, for a conditional GET next time.
    pub validators: Validators,
}

impl Fetched {
    /// The body as text (invalid UTF-8 replaced).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// What a conditional fetch gave.
#[derive(Debug, Clone)]
pub enum Response {
    /// A new version.
    Fetched(Fetched),
    /// 304 Not Modified: unchanged since the validators were given.
    NotModified,
}

/// Why a fetch failed; its `Display` is one line with the fix.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    /// An answer other than 2xx or 304.
    #[error("the server answered HTTP {0}; check the URL")]
    Status(u16),
    /// No complete answer within the timeout.
    #[error("no answer within {0:.1} s; try again later, or raise [fetch] timeout_seconds")]
    Timeout(f64),
    /// More redirects than allowed (a loop, often).
    #[error("more than {0} redirects (a redirect loop?); give the page's final URL")]
    TooManyRedirects(u32),
    /// A body over the size limit.
    #[error("the body is larger than {0} bytes; raise [fetch] max_bytes if it is a real page")]
    TooLarge(u64),
    /// The server could not be reached or the transfer broke.
    #[error("cannot fetch it: {0}; check the address and the network")]
    Connect(String),
    /// Not an http(s) URL.
    #[error("not an http:// or https:// URL")]
    BadUrl,
}

/// An HTTP client with the limits of [`FetchOptions`].
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    options: FetchOptions,
}

impl Fetcher {
    /// A client with these limits.
    pub fn new(options: FetchOptions) -> Result<Fetcher, FetchError> {
        let client = reqwest::Client::builder()
            .use_rustls_tls()
            .timeout(options.timeout)
            .connect_timeout(options.timeout)
            .redirect(reqwest::redirect::Policy::limited(
                options.max_redirects as usize,
            ))
            .user_agent(options.user_agent.clone())
            .build()
            .map_err(|e| FetchError::Connect(one_line(&e)))?;
        Ok(Fetcher { client, options })
    }

    /// The limits.
    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// Fetches `url`.
    pub async fn get(&self, url: &str) -> Result<Fetched, FetchError> {
        match self.get_if_changed(url, &Validators::default()).await? {
            Response::Fetched(f) => Ok(f),
            // Without validators a server has no reason to answer 304.
            Response::NotModified => Err(FetchError::Status(304)),
        }
    }

    /// Fetches `url` unless it is unchanged since `validators`.
    pub async fn get_if_changed(
        &self,
        url: &str,
        validators: &Validators,
    ) -> Result<Response, FetchError> {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(FetchError::BadUrl);
        }
        let mut request = self.client.get(url);
        if let Some(etag) = &validators.etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        if let Some(date) = &validators.last_modified {
            request = request.header(IF_MODIFIED_SINCE, date);
        }
        let mut response = request.send().await.map_err(|e| self.explain(&e))?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Response::NotModified);
        }
        if !status.is_success() {
            return Err(FetchError::Status(status.as_u16()));
        }
        let headers = response.headers().clone();
        if content_length(&headers).is_some_and(|n| n > self.options.max_bytes) {
            return Err(FetchError::TooLarge(self.options.max_bytes));
        }
        let final_url = response.url().to_string();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.explain(&e))? {
            if body.len() as u64 + chunk.len() as u64 > self.options.max_bytes {
                return Err(FetchError::TooLarge(self.options.max_bytes));
            }
            body.extend_from_slice(&chunk);
        }
        let header = |name| {
            headers
                .get(name)
                .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                .map(str::to_string)
        };
        Ok(Response::Fetched(Fetched {
            url: final_url,
            media_type: header(CONTENT_TYPE)
                .unwrap_or_default()
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase(),
            body,
            validators: Validators {
                etag: header(ETAG),
                last_modified: header(LAST_MODIFIED),
            },
        }))
    }

    fn explain(&self, e: &reqwest::Error) -> FetchError {
        if e.is_timeout() {
            FetchError::Timeout(self.options.timeout.as_secs_f64())
        } else if e.is_redirect() {
            FetchError::TooManyRedirects(self.options.max_redirects)
        } else {
            FetchError::Connect(one_line(e))
        }
    }
}

fn content_length(headers: &HeaderMap) -> Option<u64> {
    headers.get(CONTENT_LENGTH)?.to_str().ok()?.parse().ok()
}

/// An error and its causes, on one line.
fn one_line(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    factdesk_core::text::one_line_message(&parts.join(": "))
}
