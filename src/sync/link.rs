//! The link that shares a plan live: `…/join#<server>/<room>`. The server is the sync server's
//! WebSocket address (`wss://sync.example.org`, or `ws://127.0.0.1:1234` on a laptop); the room
//! is a random 128-bit secret, which is the capability: whoever has the link can edit the plan.
//! Both travel in the address's fragment, which browsers never send to the static host.

use std::fmt;

/// Characters in a room name: 128 bits as lower-case hex.
pub const ROOM_CHARS: usize = 32;
/// The longest server address taken, in characters.
pub const MAX_SERVER_CHARS: usize = 200;

/// Why a server address or a link cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("Give the sync server's address, like wss://sync.example.org.")]
    NoServer,
    #[error("A sync server's address starts with wss:// (or ws:// on this computer or network), like wss://sync.example.org.")]
    NotWebSocket,
    #[error("That server address is too long (at most {MAX_SERVER_CHARS} characters).")]
    TooLong,
    #[error("A server address holds no spaces, quotes, # or ? .")]
    BadCharacter,
    #[error("This link is damaged or cut short: it needs the server and the room after #. Ask for the link again, copied whole.")]
    Damaged,
}

/// A sync server's address as the app connects to it: `ws://` or `wss://`, a host, an optional
/// port and path, no trailing slash. `https://` and `http://` are taken as `wss://` and `ws://`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server(String);

impl Server {
    pub fn parse(text: &str) -> Result<Self, LinkError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(LinkError::NoServer);
        }
        if text.chars().count() > MAX_SERVER_CHARS {
            return Err(LinkError::TooLong);
        }
        let (scheme, rest) = text.split_once("://").ok_or(LinkError::NotWebSocket)?;
        let rest = rest.trim_end_matches('/');
        let scheme = match scheme.to_ascii_lowercase().as_str() {
            "wss" | "https" => "wss",
            "ws" | "http" => "ws",
            _ => return Err(LinkError::NotWebSocket),
        };
        let host = rest.split('/').next().unwrap_or_default();
        if host.is_empty() {
            return Err(LinkError::NoServer);
        }
        let allowed = |c: char| {
            c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '/' | '[' | ']' | '~')
        };
        if !rest.chars().all(allowed) {
            return Err(LinkError::BadCharacter);
        }
        Ok(Self(format!("{scheme}://{rest}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The origin a Content-Security-Policy must allow for this server (`wss://host:port`).
    pub fn origin(&self) -> &str {
        let after_scheme = self.0.find("://").map_or(0, |at| at + 3);
        match self.0[after_scheme..].find('/') {
            Some(at) => &self.0[..after_scheme + at],
            None => &self.0,
        }
    }
}

/// Whether the page's Content-Security-Policy (`policy`, as its meta tag holds it) lets the
/// page open a WebSocket to `server`, and if not, the sync servers it does allow. A page is
/// built for the servers its host runs (`PILOTDECK_SYNC_SERVERS`); asking beforehand turns a
/// connection the browser would refuse in silence into a sentence. `page_origin` is the page's
/// own origin (`https://plans.example.org`), which `'self'` stands for.
pub fn policy_allows(policy: &str, page_origin: &str, server: &Server) -> Result<(), Vec<String>> {
    let Some(sources) = policy.split(';').find_map(|directive| {
        let mut words = directive.split_whitespace();
        words
            .next()
            .filter(|name| name.eq_ignore_ascii_case("connect-src"))
            .map(|_| words.collect::<Vec<&str>>())
    }) else {
        // No connect-src: nothing in the policy limits connections.
        return Ok(());
    };
    let (scheme, host, port) = parts(server.origin());
    let same_origin = {
        let (page_scheme, page_host, page_port) = parts(page_origin);
        let secure = matches!(page_scheme.as_str(), "https" | "wss");
        page_host == host && page_port == port && (scheme == "wss" || !secure)
    };
    let allowed = sources.iter().any(|source| match *source {
        "'self'" => same_origin,
        source => {
            let (s, h, p) = parts(source);
            s == scheme && h == host && (p == "*" || p == port)
        }
    });
    if allowed {
        return Ok(());
    }
    Err(sources
        .iter()
        .filter(|s| s.starts_with("ws://") || s.starts_with("wss://"))
        .map(|s| s.to_string())
        .collect())
}

/// Scheme, host and port of an origin, lower case, the port given even when it is the default.
fn parts(origin: &str) -> (String, String, String) {
    let origin = origin.to_ascii_lowercase();
    let (scheme, rest) = origin.split_once("://").unwrap_or(("", &origin));
    let authority = rest.split('/').next().unwrap_or_default();
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !port.contains(']') => (host, port.to_string()),
        _ => (
            authority,
            match scheme {
                "https" | "wss" => "443",
                _ => "80",
            }
            .to_string(),
        ),
    };
    (scheme.to_string(), host.to_string(), port)
}

impl fmt::Display for Server {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A room on a sync server: one shared plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveLink {
    pub server: Server,
    pub room: String,
}

impl LiveLink {
    /// A new room on `server`, named by 128 random bits.
    pub fn new_room(server: Server) -> Self {
        Self {
            server,
            room: random_room(),
        }
    }

    /// Reads what follows `#` in a join link.
    pub fn parse(fragment: &str) -> Result<Self, LinkError> {
        let fragment = fragment.trim().trim_start_matches('#');
        let (server, room) = fragment.rsplit_once('/').ok_or(LinkError::Damaged)?;
        if !is_room(room) {
            return Err(LinkError::Damaged);
        }
        let server = Server::parse(server).map_err(|_| LinkError::Damaged)?;
        Ok(Self {
            server,
            room: room.to_string(),
        })
    }

    /// What follows `#` in the join link.
    pub fn fragment(&self) -> String {
        format!("{}/{}", self.server, self.room)
    }

    /// The WebSocket address of the room (y-websocket takes the room as the path).
    pub fn socket_url(&self) -> String {
        format!("{}/{}", self.server, self.room)
    }
}

fn is_room(room: &str) -> bool {
    room.len() == ROOM_CHARS
        && room
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

/// 128 random bits as hex, from the operating system's (or the browser's) secure random source:
/// the first 64 bits of two version 4 UUIDs are all random.
fn random_room() -> String {
    let mut room = String::with_capacity(ROOM_CHARS);
    for _ in 0..2 {
        let bytes = *uuid::Uuid::new_v4().as_bytes();
        // Bytes 6 and 8 carry the version and variant; 0–5, 7 and 9 are random.
        for byte in [0, 1, 2, 3, 4, 5, 7, 9].map(|i| bytes[i]) {
            room.push_str(&format!("{byte:02x}"));
        }
    }
    room
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_addresses_read_as_people_type_them() {
        for (typed, read) in [
            ("wss://sync.example.org", "wss://sync.example.org"),
            ("  wss://sync.example.org/ ", "wss://sync.example.org"),
            (
                "https://sync.example.org/pilotdeck",
                "wss://sync.example.org/pilotdeck",
            ),
            ("ws://127.0.0.1:1234", "ws://127.0.0.1:1234"),
            ("http://localhost:1234", "ws://localhost:1234"),
            ("WSS://Sync.example.org", "wss://Sync.example.org"),
        ] {
            assert_eq!(
                Server::parse(typed).map(|s| s.0),
                Ok(read.to_string()),
                "{typed}"
            );
        }
        assert_eq!(Server::parse(""), Err(LinkError::NoServer));
        assert_eq!(
            Server::parse("sync.example.org"),
            Err(LinkError::NotWebSocket)
        );
        assert_eq!(Server::parse("ftp://x"), Err(LinkError::NotWebSocket));
        assert_eq!(Server::parse("wss://"), Err(LinkError::NoServer));
        assert_eq!(Server::parse("wss://a b"), Err(LinkError::BadCharacter));
        assert_eq!(
            Server::parse("wss://a/\"><script>"),
            Err(LinkError::BadCharacter)
        );
        assert_eq!(Server::parse("wss://a?x=1"), Err(LinkError::BadCharacter));
        let long = format!("wss://{}", "a".repeat(MAX_SERVER_CHARS));
        assert_eq!(Server::parse(&long), Err(LinkError::TooLong));
    }

    #[test]
    fn the_origin_is_what_a_policy_allows() {
        let server = Server::parse("wss://sync.example.org:8443/pilotdeck").unwrap();
        assert_eq!(server.origin(), "wss://sync.example.org:8443");
        assert_eq!(
            Server::parse("ws://127.0.0.1:1234").unwrap().origin(),
            "ws://127.0.0.1:1234"
        );
    }

    #[test]
    fn the_page_policy_says_which_servers_it_may_reach() {
        let policy = "default-src 'self'; connect-src 'self' ws://127.0.0.1:* wss://sync.example.org; img-src 'self'";
        let page = "https://plans.example.org";
        let allows = |server: &str| policy_allows(policy, page, &Server::parse(server).unwrap());
        assert_eq!(allows("ws://127.0.0.1:1234"), Ok(()));
        assert_eq!(allows("wss://sync.example.org/pilotdeck"), Ok(()));
        assert_eq!(allows("wss://SYNC.example.org:443"), Ok(()));
        // The page's own host, through a path of its reverse proxy.
        assert_eq!(allows("wss://plans.example.org/sync"), Ok(()));
        let listed = vec![
            "ws://127.0.0.1:*".to_string(),
            "wss://sync.example.org".to_string(),
        ];
        assert_eq!(allows("wss://sync.example.org:8443"), Err(listed.clone()));
        assert_eq!(allows("ws://sync.example.org"), Err(listed.clone()));
        assert_eq!(allows("ws://localhost:1234"), Err(listed.clone()));
        assert_eq!(allows("ws://plans.example.org"), Err(listed));
        // A build that lists no sync server allows none but its own origin.
        let none = "connect-src 'self'";
        let elsewhere = Server::parse("wss://sync.example.org").unwrap();
        assert_eq!(policy_allows(none, page, &elsewhere), Err(vec![]));
        // No policy, no limit.
        assert_eq!(policy_allows("", page, &elsewhere), Ok(()));
    }

    #[test]
    fn a_new_room_is_128_random_bits_and_the_link_reads_back() {
        let server = Server::parse("wss://sync.example.org/pilotdeck").unwrap();
        let link = LiveLink::new_room(server.clone());
        assert_eq!(link.room.len(), ROOM_CHARS);
        assert!(is_room(&link.room));
        assert_ne!(LiveLink::new_room(server).room, link.room);
        let fragment = link.fragment();
        assert_eq!(
            fragment,
            format!("wss://sync.example.org/pilotdeck/{}", link.room)
        );
        assert_eq!(LiveLink::parse(&fragment), Ok(link.clone()));
        assert_eq!(LiveLink::parse(&format!("#{fragment}")), Ok(link.clone()));
        assert_eq!(link.socket_url(), fragment);
    }

    #[test]
    fn a_damaged_or_cut_link_says_so() {
        let link = LiveLink::new_room(Server::parse("wss://sync.example.org").unwrap());
        let fragment = link.fragment();
        for damaged in [
            "",
            "#",
            &fragment[..fragment.len() - 1],
            &fragment[..fragment.len() / 2],
            "wss://sync.example.org/NOTAROOMNOTAROOMNOTAROOMNOTAROOM",
            "notaserver/0123456789abcdef0123456789abcdef",
        ] {
            assert_eq!(
                LiveLink::parse(damaged),
                Err(LinkError::Damaged),
                "{damaged}"
            );
        }
    }
}
