//! The real sync server (`scripts/sync-server`: y-websocket with LevelDB), driven by Yjs
//! clients made of Pilotdeck's own protocol sessions over WebSocket: a plan written before a
//! restart is all there after it, and two clients editing at once converge through it.
//!
//! Needs Node.js and the npm packages `scripts/setup` installs; fails saying so when they are
//! missing.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use pilotdeck::domain::{new_record_id, LogEntry, LogKind, Plan, Side, Step};
use pilotdeck::exchange::example_plans;
use pilotdeck::sync::{Session, SharedPlan};
use std::io::ErrorKind;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

const EXAMPLE: &str = include_str!("../public/examples/portfolio.json");
/// How long anything the server does may take before the test gives up.
const PATIENCE: Duration = Duration::from_secs(30);

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date")
}

fn busy_plan() -> Plan {
    example_plans(EXAMPLE, today())
        .expect("the example reads")
        .into_iter()
        .max_by_key(|plan| plan.log.len() + plan.steps.len())
        .expect("plans")
}

/// What a device new to the plan reads: the partner's view, with its own bookkeeping.
fn as_seen_elsewhere(plan: &Plan) -> Plan {
    let mut plan = plan.for_partner();
    plan.rev = 0;
    plan.updated_at = plan.created_at;
    plan.example = false;
    plan
}

/// Fails with what to do when the server's packages are not installed.
fn require_server() {
    let server = root().join("node_modules/y-websocket/bin/server.cjs");
    let leveldb = root().join("node_modules/y-leveldb/package.json");
    let node = Command::new("node").arg("--version").output();
    assert!(
        node.is_ok_and(|out| out.status.success()),
        "Node.js is not installed: the sync server needs Node.js 20 or later (then run scripts/setup)."
    );
    assert!(
        server.is_file() && leveldb.is_file(),
        "The sync server is not installed ({} is missing): run scripts/setup, which installs y-websocket, yjs and y-leveldb from package.json.",
        server.display()
    );
}

/// A folder of its own under the system's temporary folder, removed afterwards.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!("pilotdeck-{name}-{}", new_record_id()));
        std::fs::create_dir_all(&path).expect("a temporary folder");
        Self(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

/// The sync server as `scripts/sync-server` starts it.
struct Server {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Server {
    fn start(port: u16, data: &Path, log: PathBuf) -> Self {
        require_server();
        let output = std::fs::File::create(&log).expect("a log file");
        let child = Command::new(root().join("scripts/sync-server"))
            .args(["--port", &port.to_string(), "--data"])
            .arg(data)
            .stdout(output.try_clone().expect("the log file"))
            .stderr(output)
            .stdin(Stdio::null())
            .spawn()
            .expect("scripts/sync-server starts");
        let mut server = Self { child, port, log };
        let since = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("the sync server stopped ({status}):\n{}", server.output());
            }
            assert!(
                since.elapsed() < PATIENCE,
                "the sync server did not listen on {port}:\n{}",
                server.output()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn output(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Stops the server by its process id, as an operator would, and waits until it is gone.
    fn stop(self) {
        self.signal("-TERM");
    }

    /// Stops the server at once, as a crash would.
    fn crash(self) {
        self.signal("-KILL");
    }

    fn signal(mut self, signal: &str) {
        let status = Command::new("kill")
            .args([signal, &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "the server could not be stopped");
        self.child.wait().expect("the server ends");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A Yjs client of one shared plan: a protocol session over a WebSocket.
struct Client {
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    session: Session,
}

impl Client {
    fn connect(server: &Server, room: &str, name: &str) -> Self {
        Self::connect_with(server, room, name, SharedPlan::new())
    }

    /// Connects a device that holds the plan already (its saved state).
    fn connect_with(server: &Server, room: &str, name: &str, shared: SharedPlan) -> Self {
        let url = format!("ws://127.0.0.1:{}/{room}", server.port);
        let (mut socket, _) = tungstenite::connect(url).expect("the server takes a WebSocket");
        if let MaybeTlsStream::Plain(stream) = socket.get_mut() {
            stream
                .set_read_timeout(Some(Duration::from_millis(20)))
                .expect("a read timeout");
        }
        let mut session = Session::new(shared);
        session.set_display_name(name);
        let mut client = Self { socket, session };
        for message in client.session.start() {
            client.send(message);
        }
        client
    }

    fn send(&mut self, message: Vec<u8>) {
        self.socket
            .send(Message::Binary(message.into()))
            .expect("sent");
    }

    /// Handles whatever has arrived, answering as the protocol says; false when nothing had.
    fn pump(&mut self) -> bool {
        match self.socket.read() {
            Ok(Message::Binary(data)) => {
                let received = self.session.receive(&data).expect("a message is taken");
                for reply in received.replies {
                    self.send(reply);
                }
                true
            }
            Ok(_) => true,
            Err(tungstenite::Error::Io(error))
                if matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) =>
            {
                false
            }
            Err(error) => panic!("the connection failed: {error}"),
        }
    }

    /// Pumps until `done` holds.
    fn until(&mut self, what: &str, done: impl Fn(&Session) -> bool) {
        let since = Instant::now();
        while !done(&self.session) {
            assert!(since.elapsed() < PATIENCE, "timed out waiting until {what}");
            self.pump();
        }
    }

    fn write(&mut self, plan: &Plan) {
        if let Some(message) = self.session.local_change(plan).expect("written") {
            self.send(message);
        }
    }

    fn plan(&self) -> Option<Plan> {
        self.session.shared().read_plan(None).ok()
    }
}

/// Pumps both clients until `done` holds for both.
fn settle(a: &mut Client, b: &mut Client, what: &str, done: impl Fn(&Client, &Client) -> bool) {
    let since = Instant::now();
    while !done(a, b) {
        assert!(since.elapsed() < PATIENCE, "timed out waiting until {what}");
        a.pump();
        b.pump();
    }
}

/// Whether `needle` is in some file under `folder`.
fn on_disk(folder: &Path, needle: &str) -> bool {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return false;
    };
    entries.flatten().any(|entry| {
        std::fs::read(entry.path()).is_ok_and(|bytes| {
            bytes
                .windows(needle.len())
                .any(|window| window == needle.as_bytes())
        })
    })
}

#[test]
fn a_restart_loses_nothing() {
    let data = TempDir::new("sync-data");
    let logs = TempDir::new("sync-log");
    let port = free_port();
    let room = new_record_id();
    let server = Server::start(port, &data.0, logs.0.join("first.log"));

    let mut writer = Client::connect(&server, &room, "Ana");
    writer.until("the server has answered", Session::is_synced);
    let mut plan = busy_plan();
    writer.write(&plan);
    // The last edit carries a mark to look for on disk: once it is there, so is all before it.
    let mark = format!("written-before-restart-{}", new_record_id());
    plan.log
        .push(LogEntry::new(LogKind::Note, today(), mark.clone()));
    plan.steps.push(Step::new(
        "Sign the pilot order",
        Side::Theirs,
        "Bo",
        None,
        today(),
    ));
    writer.write(&plan);
    let since = Instant::now();
    while !on_disk(&data.0, &mark) {
        assert!(
            since.elapsed() < PATIENCE,
            "the server never wrote the plan to disk"
        );
        writer.pump();
    }
    drop(writer);
    server.stop();

    let server = Server::start(port, &data.0, logs.0.join("second.log"));
    let started = Instant::now();
    let mut reader = Client::connect(&server, &room, "Bo");
    let expected = as_seen_elsewhere(&plan);
    reader.until("a fresh client has the whole plan", |session| {
        session.shared().read_plan(None).as_ref() == Ok(&expected)
    });
    println!(
        "after a restart, a fresh client had the whole plan ({} bytes of state) in {} ms",
        reader.session.shared().encode_state().len(),
        started.elapsed().as_millis()
    );
    assert!(reader.session.is_synced());
    server.stop();
}

#[test]
fn two_clients_editing_at_once_converge_through_the_server() {
    let data = TempDir::new("sync-data");
    let logs = TempDir::new("sync-log");
    let server = Server::start(free_port(), &data.0, logs.0.join("server.log"));
    let room = new_record_id();
    let plan = busy_plan();

    let mut ana = Client::connect(&server, &room, "Ana");
    ana.until("the server has answered", Session::is_synced);
    ana.write(&plan);
    let mut bo = Client::connect(&server, &room, "Bo");
    let shared = as_seen_elsewhere(&plan);
    bo.until("Bo has the plan", |session| {
        session.shared().read_plan(None).as_ref() == Ok(&shared)
    });
    settle(&mut ana, &mut bo, "each sees the other", |a, b| {
        a.session.peers().iter().any(|peer| peer.name == "Bo")
            && b.session.peers().iter().any(|peer| peer.name == "Ana")
    });

    // Both edit before hearing from the other: each adds a step, and both type in the objective.
    let mut ours = plan.clone();
    ours.steps
        .push(Step::new("From Ana", Side::Ours, "Ana", None, today()));
    ours.foundation.objective.insert_str(0, "Together: ");
    let mut theirs = bo.plan().expect("Bo's plan");
    theirs
        .steps
        .push(Step::new("From Bo", Side::Theirs, "Bo", None, today()));
    theirs.foundation.objective.push_str(" (agreed)");
    theirs.foundation.rhythm.next_sync_on = Some(today());
    ana.write(&ours);
    bo.write(&theirs);

    settle(&mut ana, &mut bo, "both have both edits", |a, b| {
        let (Some(a), Some(b)) = (a.plan(), b.plan()) else {
            return false;
        };
        a == b && a.steps.len() == plan.steps.len() + 2
    });
    let merged = ana
        .session
        .shared()
        .read_plan(Some(&ours))
        .expect("a sound plan");
    let titles: Vec<&str> = merged.steps.iter().map(|s| s.title.as_str()).collect();
    assert!(titles.contains(&"From Ana") && titles.contains(&"From Bo"));
    assert_eq!(
        merged.foundation.objective,
        format!("Together: {} (agreed)", plan.foundation.objective)
    );
    assert_eq!(merged.foundation.rhythm.next_sync_on, Some(today()));
    // Ana's own notes and internal entries stayed with her.
    assert_eq!(merged.partner.notes, plan.partner.notes);
    assert_eq!(
        merged.log.iter().filter(|e| e.internal).count(),
        plan.log.iter().filter(|e| e.internal).count()
    );
    server.stop();
}

#[test]
fn what_the_server_lost_in_a_crash_comes_back_from_the_device_that_wrote_it() {
    let data = TempDir::new("sync-data");
    let logs = TempDir::new("sync-log");
    let port = free_port();
    let room = new_record_id();
    let server = Server::start(port, &data.0, logs.0.join("first.log"));
    let mut writer = Client::connect(&server, &room, "Ana");
    writer.until("the server has answered", Session::is_synced);
    let plan = busy_plan();
    writer.write(&plan);
    // The server dies the moment the plan is sent, before it can have saved all of it.
    server.crash();
    let saved = writer.session.shared().encode_state();
    drop(writer);

    let server = Server::start(port, &data.0, logs.0.join("second.log"));
    // The device reloads its saved state and reconnects: the protocol sends what the server lacks.
    let shared = SharedPlan::from_state(&saved).expect("the saved state reads");
    let mut writer = Client::connect_with(&server, &room, "Ana", shared);
    let mut reader = Client::connect(&server, &room, "Bo");
    let expected = as_seen_elsewhere(&plan);
    settle(
        &mut writer,
        &mut reader,
        "a fresh client has the whole plan",
        |_, reader| reader.plan().as_ref() == Some(&expected),
    );
    server.stop();
}
