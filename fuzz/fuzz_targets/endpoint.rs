//! Any headers and body against the interactions endpoint's request
//! handling (`Endpoint::handle`, what `POST /interactions` runs), over the
//! test kit's fixture knowledge. The input is split on the byte `0x1E`
//! into the signature header, the timestamp header and the body; when the
//! first byte is even, the body is instead signed with the test key and
//! the current time, so that the interaction path (JSON reading, planning,
//! replying) is fuzzed too, not only the refusals.
//!
//! Must hold: no panic; the status is 200, 400, 401 or 413; a request the
//! harness did not sign is never 200 or 400 (no work without a signature);
//! a 200 body is JSON with a known interaction response type.
#![no_main]

use std::sync::OnceLock;

use axum::body::to_bytes;
use axum::http::{HeaderMap, HeaderValue};
use factdesk_discord::endpoint::gate::Gate;
use factdesk_discord::endpoint::routes::Endpoint;
use factdesk_discord::{gateway, RunOptions};
use factdesk_testkit::signed::{self, Signer};
use libfuzzer_sys::fuzz_target;

struct World {
    runtime: tokio::runtime::Runtime,
    endpoint: Endpoint,
    signer: Signer,
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let mut config = factdesk_service::Config::default();
        // Nothing listens on port 9: deferred replies fail fast.
        config.discord.api_url = Some("http://127.0.0.1:9".into());
        config.discord.cooldown_seconds = 0.0;
        config.discord.unanswered_log = Default::default();
        let options = RunOptions {
            config,
            knowledge_dir: factdesk_testkit::fixture::bundled(),
        };
        let signer = Signer::default();
        let endpoint = runtime.block_on(async {
            let (bot, _) = gateway::prepare(&options).unwrap();
            let http =
                std::sync::Arc::new(gateway::rest_client("", Some("http://127.0.0.1:9")).unwrap());
            Endpoint::new(Gate::new(&signer.public_key()).unwrap(), bot, http)
        });
        World {
            runtime,
            endpoint,
            signer,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let world = world();
    let mut parts = data.splitn(3, |&b| b == 0x1E);
    let (signature, timestamp, body) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    let signs = data.first().is_some_and(|b| b % 2 == 0);
    let mut headers = HeaderMap::new();
    if signs {
        let now = signed::now().to_string();
        let signature = world.signer.sign(&now, body);
        headers.insert(
            "x-signature-ed25519",
            HeaderValue::from_str(&signature).unwrap(),
        );
        headers.insert(
            "x-signature-timestamp",
            HeaderValue::from_str(&now).unwrap(),
        );
    } else {
        for (name, value) in [
            ("x-signature-ed25519", signature),
            ("x-signature-timestamp", timestamp),
        ] {
            if let Ok(value) = HeaderValue::from_bytes(value) {
                headers.insert(name, value);
            }
        }
    }
    let (status, bytes) = world.runtime.block_on(async {
        let response = world.endpoint.handle(&headers, body).await;
        let status = response.status().as_u16();
        (
            status,
            to_bytes(response.into_body(), usize::MAX).await.unwrap(),
        )
    });
    assert!(matches!(status, 200 | 400 | 401 | 413), "status {status}");
    if !signs {
        assert!(
            matches!(status, 401 | 413),
            "an unsigned request got {status}"
        );
    }
    if status == 200 {
        let json: serde_json::Value = serde_json::from_slice(&bytes).expect("a 200 body is JSON");
        let kind = json["type"].as_u64().expect("a response type");
        assert!(
            matches!(kind, 1 | 4 | 5 | 6 | 7 | 8),
            "response type {kind}"
        );
    }
});
