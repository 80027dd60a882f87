//! What Discord rejects with 400 in the bodies the bot sends: interaction
//! callbacks and messages over Discord's limits or off its schema. The fake
//! Discord ([`crate::fake_discord`]) answers such a body as Discord does,
//! with a 400 and an "Invalid Form Body" error naming the path.
//!
//! The limits are Discord's documented ones (characters counted as Unicode
//! scalar values): content 2000; at most 10 embeds, title 256, description
//! 4096, 25 fields of name 256 and value 1024, footer 2048, author 256, 6000
//! characters over all embeds; at most 5 action rows of 5 buttons, a label
//! of 80, a `custom_id` of 1 to 100, unique in the message; at most 25
//! autocomplete choices, each name 1 to 100 and value up to 100. The schema:
//! a callback has a known `type` (1, PONG, answers only pings, which the
//! gateway never delivers); a message callback carries `data`, which must not
//! be an empty message; rows, buttons, fields and choices have their required
//! fields; only known message flags; `allowed_mentions` does not both parse
//! and list users or roles. Fields Discord ignores are not checked.

use serde_json::{json, Map, Value};

/// One reason Discord would reject a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the body, dot separated (`data.embeds.0.title`).
    pub path: String,
    /// Discord's code for it (`BASE_TYPE_MAX_LENGTH`, ...).
    pub code: &'static str,
    /// Discord's message.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} ({})", self.path, self.message, self.code)
    }
}

/// Message flags a bot may set: SUPPRESS_EMBEDS, EPHEMERAL,
/// SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2.
const MESSAGE_FLAGS: u64 = 4 | 64 | 4096 | 32768;

struct Checker {
    problems: Vec<Problem>,
}

fn chars(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

fn join(path: &str, key: impl std::fmt::Display) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Checker {
    fn problem(&mut self, path: String, code: &'static str, message: String) {
        self.problems.push(Problem {
            path,
            code,
            message,
        });
    }

    fn required(&mut self, path: String) {
        self.problem(path, "BASE_TYPE_REQUIRED", "This field is required".into());
    }

    /// A string of `min..=max` characters at `obj[key]`; absent is fine
    /// unless `required`.
    fn string(
        &mut self,
        obj: &Value,
        path: &str,
        key: &str,
        min: usize,
        max: usize,
        required: bool,
    ) {
        let path = join(path, key);
        match obj.get(key) {
            None | Some(Value::Null) if required => self.required(path),
            None | Some(Value::Null) => {}
            Some(Value::String(_)) => {
                let n = chars(&obj[key]);
                if n > max {
                    self.problem(
                        path,
                        "BASE_TYPE_MAX_LENGTH",
                        format!("Must be {max} or fewer in length."),
                    );
                } else if n < min {
                    self.problem(
                        path,
                        "BASE_TYPE_MIN_LENGTH",
                        format!("Must be {min} or more in length."),
                    );
                }
            }
            Some(_) => self.problem(path, "STRING_TYPE_CONVERT", "Not a string.".into()),
        }
    }

    /// An array of at most `max` at `obj[key]` (absent or null: empty).
    fn array<'a>(&mut self, obj: &'a Value, path: &str, key: &str, max: usize) -> &'a [Value] {
        let path = join(path, key);
        match obj.get(key) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(items)) => {
                if items.len() > max {
                    self.problem(
                        path,
                        "BASE_TYPE_MAX_LENGTH",
                        format!("Must be {max} or fewer in length."),
                    );
                }
                items
            }
            Some(_) => {
                self.problem(path, "LIST_TYPE_CONVERT", "Must be an array.".into());
                &[]
            }
        }
    }

    fn object(&mut self, v: &Value, path: &str) -> bool {
        if v.is_object() {
            return true;
        }
        self.problem(
            path.to_string(),
            "DICT_TYPE_CONVERT",
            "Only dictionaries may be used in a DictType".into(),
        );
        false
    }

    fn embeds(&mut self, message: &Value, path: &str) {
        let mut total = 0;
        for (i, e) in self.array(message, path, "embeds", 10).iter().enumerate() {
            let at = join(&join(path, "embeds"), i);
            if !self.object(e, &at) {
                continue;
            }
            self.string(e, &at, "title", 0, 256, false);
            self.string(e, &at, "description", 0, 4096, false);
            total += chars(&e["title"]) + chars(&e["description"]);
            if let Some(color) = e.get("color").filter(|c| !c.is_null()) {
                if color.as_u64().is_none_or(|c| c > 0xFF_FFFF) {
                    self.problem(
                        join(&at, "color"),
                        "NUMBER_TYPE_MAX",
                        "int value should be less than or equal to 16777215.".into(),
                    );
                }
            }
            if let Some(footer) = e.get("footer").filter(|f| !f.is_null()) {
                let fat = join(&at, "footer");
                if self.object(footer, &fat) {
                    self.string(footer, &fat, "text", 1, 2048, true);
                    total += chars(&footer["text"]);
                }
            }
            if let Some(author) = e.get("author").filter(|a| !a.is_null()) {
                let aat = join(&at, "author");
                if self.object(author, &aat) {
                    self.string(author, &aat, "name", 1, 256, true);
                    total += chars(&author["name"]);
                }
            }
            for (j, f) in self.array(e, &at, "fields", 25).iter().enumerate() {
                let fat = join(&join(&at, "fields"), j);
                if self.object(f, &fat) {
                    self.string(f, &fat, "name", 1, 256, true);
                    self.string(f, &fat, "value", 1, 1024, true);
                    total += chars(&f["name"]) + chars(&f["value"]);
                }
            }
        }
        if total > 6000 {
            self.problem(
                join(path, "embeds"),
                "MAX_EMBED_SIZE_EXCEEDED",
                "Embed size exceeds maximum size of 6000".into(),
            );
        }
    }

    fn components(&mut self, message: &Value, path: &str) {
        let mut custom_ids = Vec::new();
        for (i, row) in self
            .array(message, path, "components", 5)
            .iter()
            .enumerate()
        {
            let at = join(&join(path, "components"), i);
            if !self.object(row, &at) {
                continue;
            }
            if row["type"] != 1 {
                self.problem(
                    join(&at, "type"),
                    "BASE_TYPE_CHOICES",
                    "A top-level component must be an action row (type 1).".into(),
                );
                continue;
            }
            let inside = self.array(row, &at, "components", 5);
            if inside.is_empty() {
                self.problem(
                    join(&at, "components"),
                    "BASE_TYPE_MIN_LENGTH",
                    "Must be 1 or more in length.".into(),
                );
            }
            for (j, c) in inside.iter().enumerate() {
                let cat = join(&join(&at, "components"), j);
                if !self.object(c, &cat) {
                    continue;
                }
                match c["type"].as_u64() {
                    Some(2) => self.button(c, &cat, &mut custom_ids),
                    Some(3 | 5..=8) => {
                        if inside.len() > 1 {
                            self.problem(
                                cat.clone(),
                                "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                                "A select menu fills its action row.".into(),
                            );
                        }
                        self.custom_id(c, &cat, &mut custom_ids);
                    }
                    _ => self.problem(
                        join(&cat, "type"),
                        "BASE_TYPE_CHOICES",
                        format!("Value must be one of {{2, 3, 5, 6, 7, 8}}: {}.", c["type"]),
                    ),
                }
            }
        }
    }

    fn custom_id(&mut self, c: &Value, path: &str, seen: &mut Vec<String>) {
        self.string(c, path, "custom_id", 1, 100, true);
        if let Some(id) = c["custom_id"].as_str() {
            if seen.iter().any(|s| s == id) {
                self.problem(
                    join(path, "custom_id"),
                    "COMPONENT_CUSTOM_ID_DUPLICATED",
                    "Component custom id cannot be duplicated".into(),
                );
            }
            seen.push(id.to_string());
        }
    }

    fn button(&mut self, b: &Value, path: &str, seen: &mut Vec<String>) {
        match b["style"].as_u64() {
            None => self.required(join(path, "style")),
            Some(5) => {
                self.string(b, path, "url", 1, 512, true);
                if b.get("custom_id").is_some_and(|c| !c.is_null()) {
                    self.problem(
                        join(path, "custom_id"),
                        "BUTTON_COMPONENT_CUSTOM_ID_INVALID",
                        "A link button cannot have a custom id".into(),
                    );
                }
            }
            Some(6) => self.string(b, path, "sku_id", 1, 20, true),
            Some(1..=4) => self.custom_id(b, path, seen),
            Some(other) => self.problem(
                join(path, "style"),
                "BASE_TYPE_CHOICES",
                format!("Value must be one of {{1, 2, 3, 4, 5, 6}}: {other}."),
            ),
        }
        self.string(b, path, "label", 0, 80, false);
        let labelled = chars(&b["label"]) > 0 || b.get("emoji").is_some_and(|e| !e.is_null());
        if !labelled && b["style"] != 6 {
            self.problem(
                path.to_string(),
                "BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED",
                "A button needs a label or an emoji".into(),
            );
        }
    }

    fn allowed_mentions(&mut self, message: &Value, path: &str) {
        let Some(m) = message.get("allowed_mentions").filter(|m| !m.is_null()) else {
            return;
        };
        let at = join(path, "allowed_mentions");
        if !self.object(m, &at) {
            return;
        }
        let parse: Vec<&str> = self
            .array(m, &at, "parse", 3)
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for p in &parse {
            if !["roles", "users", "everyone"].contains(p) {
                self.problem(
                    join(&at, "parse"),
                    "BASE_TYPE_CHOICES",
                    format!("Value must be one of {{'roles', 'users', 'everyone'}}: {p}."),
                );
            }
        }
        for kind in ["users", "roles"] {
            let listed = !self.array(m, &at, kind, 100).is_empty();
            if listed && parse.contains(&kind) {
                self.problem(
                    join(&at, kind),
                    "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                    format!("parse:[\"{kind}\"] and {kind}: [ids...] are mutually exclusive."),
                );
            }
        }
    }

    /// A message body (a new message when `creating`, else an edit).
    fn message(&mut self, m: &Value, path: &str, creating: bool) {
        if !self.object(m, path) {
            return;
        }
        self.string(m, path, "content", 0, 2000, false);
        self.embeds(m, path);
        self.components(m, path);
        self.allowed_mentions(m, path);
        if let Some(flags) = m.get("flags").filter(|f| !f.is_null()) {
            if flags.as_u64().is_none_or(|f| f & !MESSAGE_FLAGS != 0) {
                self.problem(
                    join(path, "flags"),
                    "MESSAGE_FLAGS_INVALID",
                    format!("Invalid message flags: {flags}."),
                );
            }
        }
        if let Some(reference) = m.get("message_reference").filter(|r| !r.is_null()) {
            let at = join(path, "message_reference");
            if self.object(reference, &at) && reference.get("message_id").is_none() {
                self.required(join(&at, "message_id"));
            }
        }
        let nonempty = |key: &str| match m.get(key) {
            Some(Value::String(s)) => !s.is_empty(),
            Some(Value::Array(a)) => !a.is_empty(),
            Some(Value::Null) | None => false,
            Some(_) => true,
        };
        if creating
            && ![
                "content",
                "embeds",
                "components",
                "sticker_ids",
                "attachments",
                "poll",
            ]
            .iter()
            .any(|k| nonempty(k))
        {
            self.problem(
                path.to_string(),
                "EMPTY_MESSAGE",
                "Cannot send an empty message".into(),
            );
        }
    }

    fn choices(&mut self, data: &Value, path: &str) {
        if data.get("choices").is_none_or(Value::is_null) {
            self.required(join(path, "choices"));
            return;
        }
        for (i, c) in self.array(data, path, "choices", 25).iter().enumerate() {
            let at = join(&join(path, "choices"), i);
            if !self.object(c, &at) {
                continue;
            }
            self.string(c, &at, "name", 1, 100, true);
            match &c["value"] {
                Value::String(_) => self.string(c, &at, "value", 0, 100, true),
                Value::Number(_) => {}
                Value::Null => self.required(join(&at, "value")),
                _ => self.problem(
                    join(&at, "value"),
                    "BASE_TYPE_BAD_TYPE",
                    "Must be a string or a number.".into(),
                ),
            }
        }
    }
}

/// Why Discord would reject this interaction callback body (none: accepted).
pub fn callback(body: &Value) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    if !c.object(body, "") {
        return c.problems;
    }
    let data = body.get("data").filter(|d| !d.is_null());
    match body["type"].as_u64() {
        None => c.required("type".into()),
        // A new message; a message later (only flags count); an edit of the
        // message the component sits on.
        Some(4) => match data {
            Some(d) => c.message(d, "data", true),
            None => c.required("data".into()),
        },
        Some(5 | 7) => {
            if let Some(d) = data {
                c.message(d, "data", false);
            }
        }
        Some(6) => {}
        Some(8) => match data {
            Some(d) => {
                if c.object(d, "data") {
                    c.choices(d, "data");
                }
            }
            None => c.required("data".into()),
        },
        Some(9) => match data {
            Some(d) => {
                if c.object(d, "data") {
                    c.string(d, "data", "custom_id", 1, 100, true);
                    c.string(d, "data", "title", 1, 45, true);
                    let rows = c.array(d, "data", "components", 5).len();
                    if rows == 0 {
                        c.required("data.components".into());
                    }
                }
            }
            None => c.required("data".into()),
        },
        Some(other) => c.problem(
            "type".into(),
            "BASE_TYPE_CHOICES",
            format!("Value must be one of {{4, 5, 6, 7, 8, 9}}: {other}."),
        ),
    }
    c.problems
}

/// Why Discord would reject this message body: a new message (a channel
/// message, a follow-up) when `creating`, else an edit.
pub fn message(body: &Value, creating: bool) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    c.message(body, "", creating);
    c.problems
}

/// Discord's 400 body for these problems: code 50035 "Invalid Form Body",
/// with each problem under its path (code 50006 for an empty message alone).
pub fn error_body(problems: &[Problem]) -> Value {
    if problems.len() == 1 && problems[0].code == "EMPTY_MESSAGE" {
        return json!({"message": "Cannot send an empty message", "code": 50006});
    }
    let mut errors = Value::Object(Map::new());
    for p in problems {
        let mut at = &mut errors;
        for key in p.path.split('.').filter(|k| !k.is_empty()) {
            at = at
                .as_object_mut()
                .unwrap()
                .entry(key.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
        }
        let list = at
            .as_object_mut()
            .unwrap()
            .entry("_errors".to_string())
            .or_insert_with(|| Value::Array(Vec::new()));
        list.as_array_mut()
            .unwrap()
            .push(json!({"code": p.code, "message": p.message}));
    }
    json!({"message": "Invalid Form Body", "code": 50035, "errors": errors})
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer_message() -> Value {
        json!({
            "content": "",
            "tts": false,
            "flags": 64,
            "embeds": [{
                "title": "Ten soldiers",
                "description": "**Q:** how many?\n\n> About 10 soldiers crossed.",
                "color": 3_447_003,
                "footer": {"text": "Confidence 87%"},
                "fields": [{"name": "Also", "value": "> more", "inline": false}],
            }],
            "components": [{"type": 1, "components": [
                {"type": 2, "style": 2, "label": "Source", "custom_id": "src:a:3", "disabled": false},
            ]}],
            "allowed_mentions": {"parse": [], "users": [], "roles": [], "replied_user": false},
        })
    }

    fn codes(problems: &[Problem]) -> Vec<(String, &'static str)> {
        problems.iter().map(|p| (p.path.clone(), p.code)).collect()
    }

    /// The problems of a type 4 callback with `change` made to its message.
    fn with(change: impl FnOnce(&mut Value)) -> Vec<(String, &'static str)> {
        let mut data = answer_message();
        change(&mut data);
        codes(&callback(&json!({"type": 4, "data": data})))
    }

    fn one(path: &str, code: &'static str) -> Vec<(String, &'static str)> {
        vec![(path.to_string(), code)]
    }

    #[test]
    fn replies_within_the_limits_pass() {
        assert_eq!(with(|_| {}), vec![]);
        assert_eq!(
            codes(&callback(&json!({"type": 5, "data": {"flags": 64}}))),
            vec![]
        );
        assert_eq!(codes(&callback(&json!({"type": 6}))), vec![]);
        assert_eq!(codes(&message(&answer_message(), true)), vec![]);
        // An edit may clear everything; a new message may not.
        assert_eq!(codes(&message(&json!({"content": ""}), false)), vec![]);
        let choices: Vec<Value> = (0..25)
            .map(|i| json!({"name": "n".repeat(100), "value": format!("{i}").repeat(1)}))
            .collect();
        let autocomplete = json!({"type": 8, "data": {"choices": choices}});
        assert_eq!(codes(&callback(&autocomplete)), vec![]);
        // At the limits exactly.
        assert_eq!(
            with(|m| {
                m["content"] = json!("c".repeat(2000));
                m["embeds"][0]["title"] = json!("t".repeat(256));
                m["embeds"][0]["description"] = json!("é".repeat(4096));
            }),
            vec![]
        );
    }

    #[test]
    fn over_the_limits_is_rejected() {
        let long = |n: usize| json!("x".repeat(n));
        assert_eq!(
            with(|m| m["content"] = long(2001)),
            one("data.content", "BASE_TYPE_MAX_LENGTH")
        );
        assert_eq!(
            with(|m| m["embeds"][0]["description"] = long(4097)),
            one("data.embeds.0.description", "BASE_TYPE_MAX_LENGTH")
        );
        assert_eq!(
            with(|m| m["embeds"][0]["title"] = json!("é".repeat(257))),
            one("data.embeds.0.title", "BASE_TYPE_MAX_LENGTH")
        );
        assert_eq!(
            with(|m| m["embeds"][0]["footer"]["text"] = long(2049)),
            one("data.embeds.0.footer.text", "BASE_TYPE_MAX_LENGTH")
        );
        assert_eq!(
            with(|m| m["embeds"][0]["fields"][0]["value"] = long(1025)),
            one("data.embeds.0.fields.0.value", "BASE_TYPE_MAX_LENGTH")
        );
        assert_eq!(
            with(|m| m["embeds"][0]["fields"] = json!(vec![json!({"name": "n", "value": "v"}); 26])),
            one("data.embeds.0.fields", "BASE_TYPE_MAX_LENGTH")
        );
        assert_eq!(
            with(|m| {
                let e = m["embeds"][0].clone();
                m["embeds"] = json!(vec![e; 11]);
            }),
            one("data.embeds", "BASE_TYPE_MAX_LENGTH")
        );
        assert_eq!(
            with(|m| {
                let e = json!({"description": "d".repeat(4000)});
                m["embeds"] = json!([e, e]);
            }),
            one("data.embeds", "MAX_EMBED_SIZE_EXCEEDED")
        );
        let row = |n: usize, from: usize| {
            let buttons: Vec<Value> = (from..from + n)
                .map(|i| json!({"type": 2, "style": 1, "label": "b", "custom_id": format!("b{i}")}))
                .collect();
            json!({"type": 1, "components": buttons})
        };
        assert_eq!(
            with(|m| m["components"] = json!((0..6).map(|i| row(1, i)).collect::<Vec<_>>())),
            one("data.components", "BASE_TYPE_MAX_LENGTH")
        );
        assert_eq!(
            with(|m| m["components"] = json!([row(6, 0)])),
            one("data.components.0.components", "BASE_TYPE_MAX_LENGTH")
        );
        assert_eq!(
            with(|m| m["components"][0]["components"][0]["label"] = long(81)),
            one(
                "data.components.0.components.0.label",
                "BASE_TYPE_MAX_LENGTH"
            )
        );
        assert_eq!(
            with(|m| m["components"][0]["components"][0]["custom_id"] = long(101)),
            one(
                "data.components.0.components.0.custom_id",
                "BASE_TYPE_MAX_LENGTH"
            )
        );
        let choices: Vec<Value> = (0..26)
            .map(|i| json!({"name": "n", "value": format!("{i}")}))
            .collect();
        assert_eq!(
            codes(&callback(&json!({"type": 8, "data": {"choices": choices}}))),
            one("data.choices", "BASE_TYPE_MAX_LENGTH")
        );
        assert_eq!(
            codes(&callback(
                &json!({"type": 8, "data": {"choices": [{"name": "n".repeat(101), "value": "v".repeat(101)}]}})
            )),
            vec![
                ("data.choices.0.name".to_string(), "BASE_TYPE_MAX_LENGTH"),
                ("data.choices.0.value".to_string(), "BASE_TYPE_MAX_LENGTH"),
            ]
        );
        assert_eq!(
            codes(&message(&json!({"content": "x".repeat(2001)}), false)),
            one("content", "BASE_TYPE_MAX_LENGTH")
        );
    }

    #[test]
    fn off_the_schema_is_rejected() {
        assert_eq!(
            codes(&callback(&json!({"type": 3}))),
            one("type", "BASE_TYPE_CHOICES")
        );
        assert_eq!(
            codes(&callback(&json!({"type": 1}))),
            one("type", "BASE_TYPE_CHOICES")
        );
        assert_eq!(
            codes(&callback(&json!({"data": {}}))),
            one("type", "BASE_TYPE_REQUIRED")
        );
        assert_eq!(
            codes(&callback(&json!({"type": 4}))),
            one("data", "BASE_TYPE_REQUIRED")
        );
        assert_eq!(
            codes(&callback(&json!({"type": 8, "data": {}}))),
            one("data.choices", "BASE_TYPE_REQUIRED")
        );
        assert_eq!(
            codes(&callback(
                &json!({"type": 8, "data": {"choices": [{"name": "n"}]}})
            )),
            one("data.choices.0.value", "BASE_TYPE_REQUIRED")
        );
        assert_eq!(
            codes(&callback(&json!({"type": 4, "data": {"content": ""}}))),
            one("data", "EMPTY_MESSAGE")
        );
        assert_eq!(
            codes(&message(&json!({"embeds": []}), true)),
            one("", "EMPTY_MESSAGE")
        );
        assert_eq!(
            with(|m| m["embeds"][0]["fields"][0] = json!({"name": "n"})),
            one("data.embeds.0.fields.0.value", "BASE_TYPE_REQUIRED")
        );
        assert_eq!(
            with(|m| m["embeds"][0]["footer"] = json!({})),
            one("data.embeds.0.footer.text", "BASE_TYPE_REQUIRED")
        );
        assert_eq!(
            with(|m| {
                let button = m["components"][0]["components"][0].as_object_mut().unwrap();
                button.remove("custom_id");
            }),
            one(
                "data.components.0.components.0.custom_id",
                "BASE_TYPE_REQUIRED"
            )
        );
        assert_eq!(
            with(|m| m["components"][0]["components"][0]["style"] = Value::Null),
            one("data.components.0.components.0.style", "BASE_TYPE_REQUIRED")
        );
        assert_eq!(
            with(|m| m["components"][0]["type"] = json!(2)),
            one("data.components.0.type", "BASE_TYPE_CHOICES")
        );
        assert_eq!(
            with(|m| {
                let b = m["components"][0]["components"][0].clone();
                m["components"][0]["components"] = json!([b, b]);
            }),
            one(
                "data.components.0.components.1.custom_id",
                "COMPONENT_CUSTOM_ID_DUPLICATED"
            )
        );
        assert_eq!(
            with(|m| m["flags"] = json!(1 << 20)),
            one("data.flags", "MESSAGE_FLAGS_INVALID")
        );
        assert_eq!(
            with(|m| m["allowed_mentions"] = json!({"parse": ["users"], "users": ["1"]})),
            one(
                "data.allowed_mentions.users",
                "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE"
            )
        );
        assert_eq!(
            with(|m| m["embeds"][0]["color"] = json!(0x100_0000)),
            one("data.embeds.0.color", "NUMBER_TYPE_MAX")
        );
    }

    #[test]
    fn the_error_body_is_discords() {
        let problems = with(|m| m["embeds"][0]["title"] = json!("t".repeat(300)));
        assert_eq!(problems.len(), 1);
        let mut data = answer_message();
        data["embeds"][0]["title"] = json!("t".repeat(300));
        let body = error_body(&callback(&json!({"type": 4, "data": data})));
        assert_eq!(body["code"], 50035);
        assert_eq!(
            body["errors"]["data"]["embeds"]["0"]["title"]["_errors"][0]["code"],
            "BASE_TYPE_MAX_LENGTH"
        );
        let parsed: serenity::all::DiscordJsonError = serde_json::from_value(body).unwrap();
        assert_eq!(parsed.errors[0].path, "data.embeds.0.title");
    }
}
