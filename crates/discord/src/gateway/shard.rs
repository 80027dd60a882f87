//! Which gateway shards this process runs.
//!
//! By default the bot is autosharded: Discord's `GET /gateway/bot` says how
//! many shards to run and this process runs them all. A large bot can split
//! its shards over several processes or machines with `[discord.shards]`
//! (`total`, and the range `first..=last` this process runs). Direct messages
//! always arrive on shard 0, so exactly one process must run shard 0.

use serenity::Client;

use factdesk_service::config::ShardsConfig;

/// The shards to start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShardPlan {
    /// As many as Discord recommends, all in this process.
    Auto,
    /// Shards `first..=last` of `total`.
    Range {
        /// First shard id run here.
        first: u32,
        /// Last shard id run here (inclusive).
        last: u32,
        /// Shards of the whole bot.
        total: u32,
    },
}

impl ShardPlan {
    /// The plan for a `[discord.shards]` setting (validated by the config).
    pub fn from_config(shards: Option<ShardsConfig>) -> ShardPlan {
        match shards {
            None => ShardPlan::Auto,
            Some(s) => ShardPlan::Range {
                first: s.first,
                last: s.last,
                total: s.total,
            },
        }
    }

    /// Whether direct messages reach this process (they come on shard 0).
    pub fn receives_direct_messages(&self) -> bool {
        match self {
            ShardPlan::Auto => true,
            ShardPlan::Range { first, .. } => *first == 0,
        }
    }

    /// For the start-up log line.
    pub fn describe(&self) -> String {
        match self {
            ShardPlan::Auto => "autosharded".to_string(),
            ShardPlan::Range { first, last, total } => {
                format!("shards {first}..={last} of {total}")
            }
        }
    }

    /// Connects the shards; returns when they all stop.
    pub async fn start(&self, client: &mut Client) -> serenity::Result<()> {
        match *self {
            ShardPlan::Auto => client.start_autosharded().await,
            // serenity's range end is inclusive: it starts `end - start + 1` shards.
            ShardPlan::Range { first, last, total } => {
                client.start_shard_range(first..last, total).await
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_from_config() {
        assert_eq!(ShardPlan::from_config(None), ShardPlan::Auto);
        let p = ShardPlan::from_config(Some(ShardsConfig {
            total: 4,
            first: 2,
            last: 3,
        }));
        assert_eq!(
            p,
            ShardPlan::Range {
                first: 2,
                last: 3,
                total: 4
            }
        );
        assert!(!p.receives_direct_messages());
        assert!(ShardPlan::Auto.receives_direct_messages());
        assert_eq!(p.describe(), "shards 2..=3 of 4");
    }
}
