//! Requests to `factdesk serve` signed as Discord signs them: Ed25519 over
//! the timestamp and the body, with a test key pair; and a round-robin TCP
//! load balancer to put several `serve` processes behind.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use ed25519_dalek::{Signer as _, SigningKey};
use serde_json::Value;

/// The application's key pair, fixed so that runs are reproducible.
#[derive(Clone)]
pub struct Signer {
    key: SigningKey,
}

impl Default for Signer {
    fn default() -> Self {
        Signer::new(42)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Signer {
    /// The key pair made from `seed`.
    pub fn new(seed: u8) -> Signer {
        Signer {
            key: SigningKey::from_bytes(&[seed; 32]),
        }
    }

    /// The public key as the developer portal shows it (64 hex digits).
    pub fn public_key(&self) -> String {
        hex(&self.key.verifying_key().to_bytes())
    }

    /// The `X-Signature-Ed25519` value for `timestamp` and `body`.
    pub fn sign(&self, timestamp: &str, body: &[u8]) -> String {
        hex(&self
            .key
            .sign(&[timestamp.as_bytes(), body].concat())
            .to_bytes())
    }
}

/// The current Unix time in seconds, as Discord puts it in `X-Signature-Timestamp`.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// What the endpoint answered.
#[derive(Debug, Clone)]
pub struct Answered {
    /// The HTTP status.
    pub status: u16,
    /// The body, as JSON when it is JSON, else as a string.
    pub body: Value,
}

/// A client of one endpoint (`http://ADDR/interactions`).
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    signer: Signer,
}

impl Client {
    /// A client of the endpoint at `addr`, signing with `signer`.
    pub fn new(addr: SocketAddr, signer: Signer) -> Client {
        Client {
            http: reqwest::Client::builder()
                .pool_max_idle_per_host(64)
                .build()
                .unwrap(),
            base: format!("http://{addr}"),
            signer,
        }
    }

    /// Posts `interaction`, signed now.
    pub async fn post(&self, interaction: &Value) -> Answered {
        let body = interaction.to_string().into_bytes();
        let timestamp = now().to_string();
        let signature = self.signer.sign(&timestamp, &body);
        self.post_raw(Some(&signature), Some(&timestamp), body)
            .await
    }

    /// Posts `body` with the given headers, as they are.
    pub async fn post_raw(
        &self,
        signature: Option<&str>,
        timestamp: Option<&str>,
        body: Vec<u8>,
    ) -> Answered {
        let mut request = self
            .http
            .post(format!("{}/interactions", self.base))
            .header("content-type", "application/json")
            .body(body);
        if let Some(s) = signature {
            request = request.header("x-signature-ed25519", s);
        }
        if let Some(t) = timestamp {
            request = request.header("x-signature-timestamp", t);
        }
        answered(request.send().await.expect("the endpoint answers")).await
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> Answered {
        let response = self
            .http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("the endpoint answers");
        answered(response).await
    }

    /// The signer.
    pub fn signer(&self) -> &Signer {
        &self.signer
    }
}

async fn answered(response: reqwest::Response) -> Answered {
    let status = response.status().as_u16();
    let text = response.text().await.unwrap_or_default();
    Answered {
        status,
        body: serde_json::from_str(&text).unwrap_or(Value::String(text)),
    }
}

/// A TCP load balancer on 127.0.0.1 that hands each new connection to the
/// next of `backends`, round robin, as nginx's `upstream` does by default.
pub async fn balancer(backends: Vec<SocketAddr>) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let next = Arc::new(AtomicUsize::new(0));
    tokio::spawn(async move {
        loop {
            let Ok((mut inbound, _)) = listener.accept().await else {
                continue;
            };
            let backend = backends[next.fetch_add(1, Ordering::Relaxed) % backends.len()];
            tokio::spawn(async move {
                if let Ok(mut outbound) = tokio::net::TcpStream::connect(backend).await {
                    let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                }
            });
        }
    });
    addr
}
