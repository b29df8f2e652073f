//! Offline, provably: `dateline events` and `dateline render` are traced with `strace`
//! and must not open a network socket (IPv4, IPv6 or raw packets). Local sockets
//! (`AF_UNIX`: the name-service cache, a display server) are not the network.
//!
//! Needs `strace` (`.ci/run` installs it).

#![expect(clippy::expect_used, reason = "test helpers outside #[test] fns")]

use std::process::Command;

/// Runs the binary under strace and returns the socket-related calls it made.
fn traced(args: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("trace.txt");
    let status = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=%network", "-o"])
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(dir.path())
        .output()
        .expect("strace runs (apt-get install strace)");
    assert!(
        status.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    std::fs::read_to_string(&log)
        .expect("trace written")
        .lines()
        .map(str::to_owned)
        .collect()
}

fn assert_offline(calls: &[String]) {
    let network: Vec<&String> = calls
        .iter()
        .filter(|c| {
            ["AF_INET", "AF_INET6", "AF_PACKET"]
                .iter()
                .any(|f| c.contains(f))
        })
        .collect();
    assert!(network.is_empty(), "network calls: {network:?}");
}

#[test]
fn events_opens_no_network_socket() {
    let calls = traced(&["events"]);
    assert_offline(&calls);
}

#[test]
fn render_opens_no_network_socket() {
    let calls = traced(&["render", "--size", "640x360", "--out", "brief.png"]);
    assert_offline(&calls);
}

/// The check itself works: a process that does open an IPv4 socket is caught.
#[test]
fn the_trace_sees_network_sockets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("trace.txt");
    let out = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=%network", "-o"])
        .arg(&log)
        .args([
            "python3",
            "-c",
            "import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
        ])
        .output()
        .expect("strace runs");
    assert!(out.status.success());
    let trace = std::fs::read_to_string(&log).expect("trace written");
    assert!(trace.contains("AF_INET"), "{trace}");
}
