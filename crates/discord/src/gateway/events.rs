//! The gateway edge: Discord events in, engine calls, replies out.

use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use serenity::all::{
    ChannelId, CommandInteraction, ComponentInteraction, Context, EventHandler, GuildId, Http,
    Interaction, Message, MessageFlags, MessageType, Ready, ResolvedValue, ResumedEvent, UserId,
};
use serenity::async_trait;
use tracing::{info, warn};

use super::backlog::{Backlog, Job, Work};
use super::interact::{Deferral, Delivery, Plan};
use super::owners::Owners;
use super::{interact, rest, send};
use crate::commands::{
    self, ABOUT, ARTICLE, ASK, LATEST, PRIVATE, QUESTION, QUESTION_MAX, RELOAD, SOURCE, TOPICS,
};
use crate::courier::Courier;
use crate::question::question_text;
use crate::render::actions::Action;
use crate::render::markdown::one_line;
use crate::render::reply::{Choice, Reply};
use crate::{faults, render};
use factdesk_service::cooldown::{Cooldown, Verdict};
use factdesk_service::followups::Thread;
use factdesk_service::reload::Reloader;
use factdesk_service::{Asked, Desk, EngineHandle};

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

/// Who asked, where: the server (none in a DM) and the conversation thread
/// (user and channel) a follow-up question leans on.
#[derive(Debug, Clone, Copy)]
struct Asker {
    guild: Option<u64>,
    thread: Thread,
}

impl Asker {
    fn new(guild: Option<GuildId>, user: UserId, channel: ChannelId) -> Asker {
        Asker {
            guild: guild.map(|g| g.get()),
            thread: Thread {
                user: user.get(),
                channel: channel.get(),
            },
        }
    }
}

/// The bot's event handler: shares the desk (engine and unanswered log), the
/// cooldown and the reloader. Cheap to clone: each reply is prepared in a
/// task of its own (see [`interact`]).
#[derive(Clone)]
pub struct Bot {
    desk: Desk,
    engine: EngineHandle,
    cooldown: Arc<Cooldown>,
    reloader: Arc<Reloader>,
    owners: Arc<Owners>,
    courier: Courier,
    backlog: Backlog,
}

impl Bot {
    /// A handler answering from `desk`, reloaded by `reloader` for
    /// `owners`, sending interaction responses with `courier`.
    pub fn new(
        desk: Desk,
        cooldown: Cooldown,
        reloader: Arc<Reloader>,
        owners: Owners,
        courier: Courier,
    ) -> Bot {
        Bot {
            courier,
            backlog: Backlog::new(),
            engine: desk.engine().clone(),
            desk,
            cooldown: Arc::new(cooldown),
            reloader,
            owners: Arc::new(owners),
        }
    }

    /// Sends interaction responses.
    pub fn courier(&self) -> &Courier {
        &self.courier
    }

    /// The interactions from the gateway waiting for their replies.
    pub fn backlog(&self) -> &Backlog {
        &self.backlog
    }

    /// The knowledge the handler answers from.
    pub fn engine(&self) -> &EngineHandle {
        &self.engine
    }

    /// Answers one question (the text a user typed, markup and all) through
    /// the desk, and renders the reply.
    fn ask(
        &self,
        via: Via,
        from: Asker,
        question: &str,
        article: Option<&str>,
        ephemeral: bool,
    ) -> Reply {
        faults::panic_on(question);
        let read = question_text(question);
        let asked = Asked {
            guild: from.guild,
            via: via.as_str(),
            thread: Some(from.thread),
        };
        let mut answer = match article {
            Some(id) => match self.desk.ask_within(asked, &read, id) {
                Some(answer) => answer,
                None => return render::unknown_story(),
            },
            None => self.desk.ask(asked, &read),
        };
        // The reply echoes the question as the user typed it (escaped by the renderer).
        answer.question = question.to_string();
        render::answer(&answer, ephemeral)
    }

    /// The reply to a question button (a suggestion or a story), as work for
    /// [`respond`].
    fn pressed(
        &self,
        action: Action,
        from: Asker,
        ephemeral: bool,
    ) -> impl Future<Output = Reply> + Send + 'static {
        let bot = self.clone();
        async move {
            match action {
                Action::Ask { question, complete } => {
                    let work =
                        bot.answer_later(Via::Button, from, question, None, complete, ephemeral);
                    work.await
                }
                Action::Story { article, question } => {
                    faults::slow().await;
                    bot.story(from, &article, question.as_deref(), ephemeral)
                }
                other => {
                    warn!(action = ?other, "a button that asks nothing was read as a question");
                    render::failure(ephemeral)
                }
            }
        }
    }

    /// A "which story?" button: the question answered from `article`; the
    /// question is the button's, else the one the asker's conversation
    /// keeps waiting for its story.
    fn story(&self, from: Asker, article: &str, question: Option<&str>, ephemeral: bool) -> Reply {
        if let Some(question) = question {
            return self.ask(Via::Button, from, question, Some(article), ephemeral);
        }
        let asked = Asked {
            guild: from.guild,
            via: Via::Button.as_str(),
            thread: Some(from.thread),
        };
        match self.desk.choose_story(asked, article) {
            Some(answer) => render::answer(&answer, ephemeral),
            None => render::story_question_lost(),
        }
    }

    /// The reply to a question the cooldown let through, as work for
    /// [`respond`]: cut to [`QUESTION_MAX`] characters with a notice,
    /// expanded when it is a cut suggestion, answered.
    fn answer_later(
        &self,
        via: Via,
        from: Asker,
        question: String,
        article: Option<String>,
        complete: bool,
        ephemeral: bool,
    ) -> impl Future<Output = Reply> + Send + 'static {
        let bot = self.clone();
        async move {
            faults::slow().await;
            let (question, cut) = commands::limit_question(&question);
            let question = commands::resolve_question(&bot.engine.get(), &question, complete);
            let reply = bot.ask(via, from, &question, article.as_deref(), ephemeral);
            if cut {
                render::with_notice(reply, &render::question_cut(QUESTION_MAX))
            } else {
                reply
            }
        }
    }

    /// `/reload`, as work for [`respond`]: owners only.
    fn reload_for(
        &self,
        http: Arc<Http>,
        user: UserId,
    ) -> impl Future<Output = Reply> + Send + 'static {
        let bot = self.clone();
        async move {
            match bot.owners.includes(&http, user).await {
                Ok(true) => match bot.reloader.reload("/reload").await {
                    Ok(loaded) => render::reloaded(&loaded.to_string()),
                    Err(reason) => render::reload_rejected(&reason.to_string()),
                },
                Ok(false) => {
                    info!("refused /reload to a user who is not an owner");
                    render::not_an_owner()
                }
                Err(e) => {
                    warn!(error = %rest::describe(&e), "cannot fetch the application's owners; refused /reload");
                    render::owners_unknown()
                }
            }
        }
    }

    /// How to answer a slash command; `http` serves `/reload`'s owner check.
    pub fn command_plan(&self, http: &Arc<Http>, c: &CommandInteraction) -> Plan {
        let options = c.data.options();
        let string = |name: &str| {
            options
                .iter()
                .find(|o| o.name == name)
                .and_then(|o| match o.value {
                    ResolvedValue::String(s) => Some(s.to_string()),
                    _ => None,
                })
        };
        let private = options
            .iter()
            .any(|o| o.name == PRIVATE && matches!(o.value, ResolvedValue::Boolean(true)));
        let from = Asker::new(c.guild_id, c.user.id, c.channel_id);
        let notice = |reply: Reply| Plan::ready(Delivery::Message { ephemeral: true }, reply);
        match c.data.name.as_str() {
            ASK => {
                let question = one_line(&string(QUESTION).unwrap_or_default());
                if question.is_empty() {
                    return notice(Reply::text("Type a question after /ask.", true));
                }
                match self.cooldown.check(c.user.id.get(), Instant::now()) {
                    Verdict::Go => {
                        let article = string(ARTICLE).filter(|a| !a.trim().is_empty());
                        let work =
                            self.answer_later(Via::Slash, from, question, article, true, private);
                        let delivery = Delivery::Message { ephemeral: private };
                        Plan::new(delivery, Deferral::WhenLate, work)
                    }
                    Verdict::Wait { remaining, .. } => {
                        notice(render::cooldown(remaining.as_secs_f64().ceil() as u64))
                    }
                }
            }
            RELOAD => {
                let work = self.reload_for(http.clone(), c.user.id);
                Plan::new(
                    Delivery::Message { ephemeral: true },
                    Deferral::Always,
                    work,
                )
            }
            name @ (TOPICS | SOURCE | ABOUT | LATEST) => {
                let (bot, name, question) = (self.clone(), name.to_string(), string(QUESTION));
                let work = async move {
                    let engine = bot.engine.get();
                    match name.as_str() {
                        TOPICS => commands::topics(&engine, 0),
                        SOURCE => commands::source(&engine, question.as_deref(), false),
                        LATEST => commands::latest(&engine),
                        _ => commands::about(&engine),
                    }
                };
                Plan::new(
                    Delivery::Message { ephemeral: false },
                    Deferral::WhenLate,
                    work,
                )
            }
            other => {
                warn!(command = other, "unknown command");
                notice(Reply::text("This command is no longer available.", true))
            }
        }
    }

    /// How to answer a button press.
    pub fn component_plan(&self, c: &ComponentInteraction) -> Plan {
        let bot = self.clone();
        let notice = |reply: Reply| Plan::ready(Delivery::Message { ephemeral: true }, reply);
        match Action::decode(&c.data.custom_id) {
            // A question button: the cooldown applies, the reply is as
            // private as the message the button is under.
            Some(action @ (Action::Ask { .. } | Action::Story { .. })) => {
                match self.cooldown.check(c.user.id.get(), Instant::now()) {
                    Verdict::Go => {
                        let ephemeral = c
                            .message
                            .flags
                            .is_some_and(|f| f.contains(MessageFlags::EPHEMERAL));
                        let from = Asker::new(c.guild_id, c.user.id, c.channel_id);
                        let work = self.pressed(action, from, ephemeral);
                        Plan::new(Delivery::Message { ephemeral }, Deferral::WhenLate, work)
                    }
                    Verdict::Wait { remaining, .. } => {
                        notice(render::cooldown(remaining.as_secs_f64().ceil() as u64))
                    }
                }
            }
            Some(Action::Source { article, paragraph }) => {
                let work =
                    async move { commands::paragraph(&bot.engine.get(), &article, paragraph) };
                Plan::new(
                    Delivery::Message { ephemeral: true },
                    Deferral::WhenLate,
                    work,
                )
            }
            Some(Action::Topics(page)) => {
                let work = async move { commands::topics(&bot.engine.get(), page) };
                Plan::new(Delivery::Update, Deferral::WhenLate, work)
            }
            None => notice(Reply::text("This button is no longer in use.", true)),
        }
    }

    /// The choices offered while a user types an option of `/ask`.
    pub fn autocomplete(&self, a: &CommandInteraction) -> Vec<Choice> {
        let focused = a.data.autocomplete();
        let partial = focused
            .as_ref()
            .map(|o| o.value.to_string())
            .unwrap_or_default();
        let engine = self.engine.get();
        match focused.map(|o| o.name) {
            Some(ARTICLE) => commands::article_choices(&engine, &partial),
            _ => commands::autocomplete(&engine, &partial),
        }
    }

    /// The reply to a direct message or a mention holding `question`.
    async fn message_reply(&self, msg: &Message, question: String) -> Option<Reply> {
        if question.is_empty() {
            return Some(render::empty_question());
        }
        match self.cooldown.check(msg.author.id.get(), Instant::now()) {
            Verdict::Go => {}
            Verdict::Wait {
                remaining,
                first: true,
            } => return Some(render::cooldown(remaining.as_secs_f64().ceil() as u64)),
            Verdict::Wait { first: false, .. } => return None,
        }
        let (question, cut) = commands::limit_question(&question);
        if self.engine.get().asks_for_latest(&question) {
            return Some(commands::latest(&self.engine.get()));
        }
        let (bot, from) = (
            self.clone(),
            Asker::new(msg.guild_id, msg.author.id, msg.channel_id),
        );
        let answered =
            tokio::spawn(async move { bot.ask(Via::Message, from, &question, None, false) });
        let reply = interact::or_apology(answered.await, false);
        Some(if cut {
            render::with_notice(reply, &render::question_cut(QUESTION_MAX))
        } else {
            reply
        })
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
        let Some(reply) = self.message_reply(&msg, question).await else {
            return;
        };
        // In a server, reply to the message; in a DM, answer in the same channel.
        let reference = msg.guild_id.is_some().then_some(&msg);
        match msg
            .channel_id
            .send_message(&ctx.http, send::channel_message(&reply, reference))
            .await
        {
            Ok(_) => {}
            // The request was sent and accepted (2xx); only its answer,
            // the message as Discord stored it, could not be read.
            Err(serenity::Error::Json(e)) => warn!(
                error = %e,
                "sent a reply (delivered), but the API's answer to it is unreadable"
            ),
            Err(e) => warn!(error = %rest::describe(&e), "cannot send a reply"),
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        // The event's task ends once the job is queued (see [`backlog`]):
        // only the id, the token and the plan wait for a worker.
        let (application, id, token, work) = match interaction {
            Interaction::Command(c) => {
                let plan = self.command_plan(&ctx.http, &c);
                (c.application_id, c.id, c.token, Work::Plan(plan))
            }
            Interaction::Autocomplete(a) => {
                let body = interact::json(&send::autocomplete_response(&self.autocomplete(&a)));
                (a.application_id, a.id, a.token, Work::Callback(body))
            }
            Interaction::Component(c) => {
                let plan = self.component_plan(&c);
                (c.application_id, c.id, c.token, Work::Plan(plan))
            }
            _ => return,
        };
        let job = Job {
            application: application.get(),
            id,
            token,
            work,
        };
        self.backlog.push(&self.courier, job).await;
    }
}
