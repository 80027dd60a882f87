//! Who may run owner-only commands (`/reload`).
//!
//! The owners are the users listed in `[discord] owners`, and the
//! application's owner as Discord reports it now (`GET
//! /oauth2/applications/@me`): its owner, or for an application owned by a
//! team, the team's owner and its accepted admins and developers (not its
//! read-only members). Discord is asked at every use, so a member removed
//! from the team loses the right at once, without a restart.

use serenity::all::{CurrentApplicationInfo, Http, MembershipState, TeamMemberRole, UserId};

/// The owners known to the application itself.
pub fn of_application(app: &CurrentApplicationInfo) -> Vec<UserId> {
    match &app.team {
        Some(team) => std::iter::once(team.owner_user_id)
            .chain(
                team.members
                    .iter()
                    .filter(|m| m.membership_state == MembershipState::Accepted)
                    .filter(|m| matches!(m.role, TeamMemberRole::Admin | TeamMemberRole::Developer))
                    .map(|m| m.user.id),
            )
            .collect(),
        None => app.owner.iter().map(|u| u.id).collect(),
    }
}

/// The owners from the config, and the way to ask Discord for the others.
#[derive(Debug, Clone, Default)]
pub struct Owners {
    configured: Vec<u64>,
}

impl Owners {
    /// Owners listed in `[discord] owners`, besides the application's.
    pub fn new(configured: Vec<u64>) -> Owners {
        Owners { configured }
    }

    /// Whether `user` is an owner: listed in the config, or an owner of the
    /// application according to Discord now.
    pub async fn includes(&self, http: &Http, user: UserId) -> serenity::Result<bool> {
        if self.configured.contains(&user.get()) {
            return Ok(true);
        }
        let app = http.get_current_application_info().await?;
        Ok(of_application(&app).contains(&user))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn user(id: u64) -> serde_json::Value {
        json!({"id": id.to_string(), "username": "u", "discriminator": "0", "avatar": null})
    }

    fn app(owner: serde_json::Value, team: serde_json::Value) -> CurrentApplicationInfo {
        serde_json::from_value(json!({
            "id": "10", "name": "factdesk", "icon": null, "description": "",
            "bot_public": true, "bot_require_code_grant": false, "verify_key": "00",
            "flags": 0, "owner": owner, "team": team,
        }))
        .unwrap()
    }

    #[test]
    fn a_user_owned_application_has_its_owner() {
        assert_eq!(of_application(&app(user(7), json!(null))), [UserId::new(7)]);
    }

    #[test]
    fn a_team_owned_application_has_its_owner_admins_and_developers() {
        let member = |id: u64, role: &str, state: u8| {
            json!({"membership_state": state, "permissions": ["*"], "team_id": "5",
                   "user": user(id), "role": role})
        };
        let team = json!({
            "icon": null, "id": "5", "name": "team", "owner_user_id": "1",
            "members": [member(2, "admin", 2), member(3, "developer", 2),
                        member(4, "read_only", 2), member(6, "admin", 1)],
        });
        let owners = of_application(&app(user(99), team));
        assert_eq!(owners, [1, 2, 3].map(UserId::new));
    }
}
