//! The messages the workshop's two windows (the deck and the presenter view) send each other
//! over the browser's BroadcastChannel: transport, so it lives beside the other formats, not
//! with the workshop's rules. Nothing leaves the browser.

use super::json::{write_json, Layout};
use crate::domain::workshop::Session;
use crate::domain::{validate_plan, Plan, PlanId};
use serde::{Deserialize, Serialize};

/// What the deck and the presenter view tell each other. Externally tagged (`{"session": …}`):
/// an internally tagged enum would bring serde's buffering deserializer into the bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Message {
    /// A window opened: the other answers with its session.
    Hello,
    /// The whole session, after any change to the slide, a timebox or the timer.
    Session { session: Session },
    /// The plan as just edited in the sending window.
    Plan { plan: Box<Plan> },
    /// The sending window left workshop mode.
    Left,
}

impl Message {
    pub fn encode(&self) -> String {
        write_json(self, Layout::Compact)
    }

    /// Reads a message; anything malformed, out of range or about another plan is ignored.
    pub fn decode(text: &str, plan_id: &PlanId) -> Option<Message> {
        let message: Message = serde_json::from_str(text).ok()?;
        let sound = match &message {
            Message::Hello | Message::Left => true,
            Message::Session { session } => session.is_valid(),
            Message::Plan { plan } => &plan.id == plan_id && validate_plan(plan).is_empty(),
        };
        sound.then_some(message)
    }
}

/// The BroadcastChannel the two windows of one plan's workshop share.
pub fn channel_name(id: &PlanId) -> String {
    format!("pilotdeck/workshop/{id}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Partner, PartnerKind};
    use chrono::{TimeZone, Utc};

    fn plan() -> Plan {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        Plan::draft(
            "Pilot",
            Partner::named("Northwind", PartnerKind::Telco),
            now,
        )
    }

    #[test]
    fn messages_round_trip_and_nonsense_is_ignored() {
        let p = plan();
        let id = p.id.clone();
        let mut session = Session::at(3);
        session.timer.toggle(1_700_000_000_000.0);
        for message in [
            Message::Hello,
            Message::Left,
            Message::Session { session },
            Message::Plan {
                plan: Box::new(p.clone()),
            },
        ] {
            assert_eq!(Message::decode(&message.encode(), &id), Some(message));
        }
        let other = PlanId("someone-else".into());
        let about_other = Message::Plan { plan: Box::new(p) }.encode();
        assert_eq!(Message::decode(&about_other, &other), None);
        let far = Session {
            slide: 99,
            ..Session::default()
        };
        assert_eq!(
            Message::decode(&Message::Session { session: far }.encode(), &id),
            None
        );
        let mut bad_minutes = Session::default();
        bad_minutes.minutes[0] = 0;
        assert!(!bad_minutes.is_valid());
        for junk in [
            "",
            "[]",
            "{\"reload\":null}",
            "{\"session\":{}}",
            "\"session\"",
        ] {
            assert_eq!(Message::decode(junk, &id), None, "{junk}");
        }
    }
}
