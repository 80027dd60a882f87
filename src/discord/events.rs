//! The gateway edge: Discord events in, engine calls, replies out.

use std::sync::Arc;
use std::time::Instant;

use serenity::all::{
    CommandInteraction, ComponentInteraction, Context, EventHandler, Interaction, Message,
    MessageFlags, MessageType, Ready, ResolvedValue, ResumedEvent,
};
use serenity::async_trait;
use tracing::{info, warn};

use crate::answer::Status;

use super::actions::Action;
use super::commands::{self, ABOUT, ASK, PRIVATE, QUESTION, SOURCE, TOPICS};
use super::cooldown::{Cooldown, Verdict};
use super::markdown::one_line;
use super::reply::Reply;
use super::unanswered::UnansweredLog;
use super::{render, send, EngineHandle};

/// Where a question came from, for the log line.
#[derive(Debug, Clone, Copy)]
pub enum Via {
    /// `/ask`
    Slash,
    /// A direct message or a mention.
    Message,
    /// A suggestion button.
    Button,
}

impl Via {
    fn as_str(self) -> &'static str {
        match self {
            Via::Slash => "slash",
            Via::Message => "message",
            Via::Button => "button",
        }
    }
}

/// The bot's event handler: shares the engine, the cooldown and the log.
pub struct Bot {
    engine: EngineHandle,
    cooldown: Cooldown,
    unanswered: Option<Arc<UnansweredLog>>,
}

impl Bot {
    /// A handler over `engine`.
    pub fn new(engine: EngineHandle, cooldown: Cooldown, unanswered: Option<UnansweredLog>) -> Bot {
        Bot {
            engine,
            cooldown,
            unanswered: unanswered.map(Arc::new),
        }
    }

    /// Answers one question: asks the engine, logs one line, records an
    /// unanswered question, renders the reply.
    fn ask(&self, via: Via, guild: Option<u64>, question: &str, ephemeral: bool) -> Reply {
        let engine = self.engine.get();
        let started = Instant::now();
        let answer = engine.answer(question);
        let micros = started.elapsed().as_micros() as u64;
        let status = match answer.status {
            Status::Answered => "answered",
            Status::Unknown => "unknown",
        };
        info!(
            channel = if guild.is_some() { "guild" } else { "dm" },
            via = via.as_str(),
            status,
            confidence = format_args!("{:.2}", answer.confidence),
            micros,
            "question"
        );
        if answer.status == Status::Unknown {
            if let Some(log) = self.unanswered.clone() {
                let question = question.to_string();
                tokio::task::spawn_blocking(move || {
                    if let Err(e) = log.append(guild, &question) {
                        warn!(path = %log.path().display(), error = %e, "cannot append to the unanswered log");
                    }
                });
            }
        }
        render::answer(&answer, ephemeral)
    }

    async fn command(&self, ctx: &Context, c: &CommandInteraction) {
        let engine = self.engine.get();
        let options = c.data.options();
        let string = |name: &str| {
            options
                .iter()
                .find(|o| o.name == name)
                .and_then(|o| match o.value {
                    ResolvedValue::String(s) => Some(s),
                    _ => None,
                })
        };
        let private = options
            .iter()
            .any(|o| o.name == PRIVATE && matches!(o.value, ResolvedValue::Boolean(true)));
        let reply = match c.data.name.as_str() {
            ASK => {
                let question = one_line(string(QUESTION).unwrap_or_default());
                if question.is_empty() {
                    Reply::text("Type a question after /ask.", true)
                } else {
                    match self.cooldown.check(c.user.id.get(), Instant::now()) {
                        Verdict::Go => {
                            let question = commands::resolve_question(&engine, &question, true);
                            self.ask(Via::Slash, c.guild_id.map(|g| g.get()), &question, private)
                        }
                        Verdict::Wait { remaining, .. } => {
                            render::cooldown(remaining.as_secs_f64().ceil() as u64)
                        }
                    }
                }
            }
            TOPICS => commands::topics(&engine, 0),
            SOURCE => commands::source(&engine, string(QUESTION), false),
            ABOUT => commands::about(&engine),
            other => {
                warn!(command = other, "unknown command");
                Reply::text("This command is no longer available.", true)
            }
        };
        if let Err(e) = c
            .create_response(&ctx.http, send::interaction_response(&reply))
            .await
        {
            warn!(error = %e, "cannot answer a command");
        }
    }

    async fn component(&self, ctx: &Context, c: &ComponentInteraction) {
        let engine = self.engine.get();
        let response = match Action::decode(&c.data.custom_id) {
            Some(Action::Ask { question, complete }) => {
                let reply = match self.cooldown.check(c.user.id.get(), Instant::now()) {
                    Verdict::Go => {
                        let question = commands::resolve_question(&engine, &question, complete);
                        let ephemeral = c
                            .message
                            .flags
                            .is_some_and(|f| f.contains(MessageFlags::EPHEMERAL));
                        self.ask(
                            Via::Button,
                            c.guild_id.map(|g| g.get()),
                            &question,
                            ephemeral,
                        )
                    }
                    Verdict::Wait { remaining, .. } => {
                        render::cooldown(remaining.as_secs_f64().ceil() as u64)
                    }
                };
                send::interaction_response(&reply)
            }
            Some(Action::Source { article, paragraph }) => {
                send::interaction_response(&commands::paragraph(&engine, &article, paragraph))
            }
            Some(Action::Topics(page)) => send::update_response(&commands::topics(&engine, page)),
            None => {
                send::interaction_response(&Reply::text("This button is no longer in use.", true))
            }
        };
        if let Err(e) = c.create_response(&ctx.http, response).await {
            warn!(error = %e, "cannot answer a button");
        }
    }
}

#[async_trait]
impl EventHandler for Bot {
    async fn ready(&self, ctx: Context, ready: Ready) {
        info!(
            shard = ctx.shard_id.get(),
            guilds = ready.guilds.len(),
            user = %ready.user.name,
            "connected to the gateway"
        );
    }

    async fn resume(&self, ctx: Context, _: ResumedEvent) {
        info!(shard = ctx.shard_id.get(), "resumed the gateway session");
    }

    async fn message(&self, ctx: Context, msg: Message) {
        if msg.author.bot || !matches!(msg.kind, MessageType::Regular | MessageType::InlineReply) {
            return;
        }
        let bot_id = ctx.cache.current_user().id;
        if msg.author.id == bot_id {
            return;
        }
        let question = if msg.guild_id.is_none() {
            one_line(&msg.content)
        } else if msg.mentions.iter().any(|u| u.id == bot_id) {
            commands::question_from_mention(&msg.content, bot_id.get())
        } else {
            return;
        };
        let reply = if question.is_empty() {
            render::empty_question()
        } else {
            match self.cooldown.check(msg.author.id.get(), Instant::now()) {
                Verdict::Go => self.ask(
                    Via::Message,
                    msg.guild_id.map(|g| g.get()),
                    &question,
                    false,
                ),
                Verdict::Wait {
                    remaining,
                    first: true,
                } => render::cooldown(remaining.as_secs_f64().ceil() as u64),
                Verdict::Wait { first: false, .. } => return,
            }
        };
        // In a server, reply to the message; in a DM, answer in the same channel.
        let reference = msg.guild_id.is_some().then_some(&msg);
        if let Err(e) = msg
            .channel_id
            .send_message(&ctx.http, send::channel_message(&reply, reference))
            .await
        {
            warn!(error = %e, "cannot send a reply");
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        match interaction {
            Interaction::Command(c) => self.command(&ctx, &c).await,
            Interaction::Autocomplete(a) => {
                let partial = a
                    .data
                    .autocomplete()
                    .map(|o| o.value.to_string())
                    .unwrap_or_default();
                let choices = commands::autocomplete(&self.engine.get(), &partial);
                if let Err(e) = a
                    .create_response(&ctx.http, send::autocomplete_response(&choices))
                    .await
                {
                    warn!(error = %e, "cannot answer an autocomplete");
                }
            }
            Interaction::Component(c) => self.component(&ctx, &c).await,
            _ => {}
        }
    }
}
