//! `tangle repl` on a terminal, driven through a pseudo-terminal: Tab
//! completion of each kind, history written by one session and read back
//! by the next, Ctrl-C interrupting an endless evaluation within 100 ms
//! with the session intact, and Ctrl-D exiting with status 0.

use rexpect::process::WaitStatus;
use rexpect::session::PtySession;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A directory of its own for each test (history, files to complete).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tangle-repl-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

fn start(dir: &Path) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tangle"));
    cmd.arg("repl")
        .current_dir(dir)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env_remove("NIX_PATH");
    let mut p = rexpect::session::spawn_command(cmd, Some(20_000)).expect("spawns on a pty");
    p.exp_string("Type :? for help.").expect("banner");
    p.exp_string("nix-repl> ").expect("first prompt");
    p
}

/// Wait for the next prompt: what is typed before it is read by the
/// terminal's line discipline, not by the line editor.
fn prompt(p: &mut PtySession) {
    p.exp_string("nix-repl> ").expect("prompt");
}

/// Type keys (flushed at once: the session's writer buffers up to a line
/// break).
fn keys(p: &mut PtySession, s: &str) {
    p.send(s).expect("send");
    p.flush().expect("flush");
}

fn exit_with_ctrl_d(mut p: PtySession) {
    p.send_control('d').expect("Ctrl-D");
    p.exp_eof().expect("exits");
    match p.process().wait() {
        Ok(WaitStatus::Exited(_, code)) => assert_eq!(code, 0, "exit status"),
        other => panic!("unexpected end: {other:?}"),
    }
}

#[test]
fn completes_names_builtins_commands_files_and_attribute_paths() {
    let dir = scratch("complete");
    std::fs::write(dir.join("somefile.nix"), "{ fromfile = 42; }").expect("file");
    let mut p = start(&dir);
    // A global and `builtins.`.
    keys(&mut p, "builtins.stringLen\t");
    p.send_line("").expect("enter");
    p.exp_string("primop stringLength")
        .expect("builtins. completed");
    // A name bound in the session.
    prompt(&mut p);
    p.send_line("xyzzy = 7").expect("bind");
    prompt(&mut p);
    keys(&mut p, "xyz\t");
    p.send_line(" + 1").expect("enter");
    p.exp_string("8").expect("bound name completed");
    prompt(&mut p);
    // A file name, after a command.
    keys(&mut p, ":l ./somef\t");
    p.send_line("").expect("enter");
    p.exp_string("Added 1 variables.")
        .expect("file name completed");
    // An attribute path, two levels down.
    prompt(&mut p);
    p.send_line("lib = { strings = { concatFoo = 1; other = 2; }; }")
        .expect("bind");
    prompt(&mut p);
    keys(&mut p, "lib.strings.conc\t");
    p.send_line("").expect("enter");
    p.exp_string("\r\n1\r\n").expect("attribute path completed");
    prompt(&mut p);
    // A path that cannot be completed says why.
    keys(&mut p, "lib.strings.concatFoo.x\t");
    p.exp_string("cannot complete: 'lib.strings.concatFoo' is an integer, not a set")
        .expect("failure explained");
    p.send_control('u').expect("clear line");
    // A command name.
    keys(&mut p, ":qui\t");
    p.send_line("").expect("enter");
    p.exp_eof().expect(":quit completed and run");
}

#[test]
fn history_is_written_and_read_back() {
    let dir = scratch("history");
    let mut p = start(&dir);
    p.send_line("40 + 2").expect("send");
    p.exp_string("42").expect("value");
    exit_with_ctrl_d(p);
    let history =
        std::fs::read_to_string(dir.join("data/tangle/repl-history")).expect("history file");
    assert!(history.contains("40 + 2"), "history: {history:?}");
    let mut p = start(&dir);
    keys(&mut p, "\x1b[A");
    p.send_line(" + 1").expect("enter");
    p.exp_string("43").expect("line from the first session");
    exit_with_ctrl_d(p);
}

/// The session's own reader polls every 100 ms, too coarse to time an
/// interrupt: this test reads the terminal itself, on a thread that
/// blocks in `read` and stamps each chunk with the time it arrived.
#[test]
fn ctrl_c_interrupts_an_endless_evaluation() {
    use std::io::{Read, Write};
    use std::sync::mpsc;
    let dir = scratch("interrupt");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tangle"));
    cmd.arg("repl")
        .current_dir(&dir)
        .env("HOME", &dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    let process = rexpect::process::PtyProcess::new(cmd).expect("spawns on a pty");
    let mut tty = process.get_file_handle().expect("terminal");
    let mut reader = tty.try_clone().expect("terminal");
    let (tx, rx) = mpsc::channel::<(Instant, Vec<u8>)>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    // When the last chunk read arrived: a needle may already be in what
    // was read with the previous one (the prompt right after the
    // "interrupted" message, in one chunk).
    let mut last_at = Instant::now();
    let mut wait_for = |needle: &str| -> Instant {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let text = String::from_utf8_lossy(&seen).into_owned();
            if let Some(i) = text.find(needle) {
                seen.drain(..text[..i + needle.len()].len().min(seen.len()));
                return last_at;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            let (at, chunk) = rx.recv_timeout(left).unwrap_or_else(|_| {
                panic!("no {needle:?} in {:?}", String::from_utf8_lossy(&seen))
            });
            last_at = at;
            seen.extend_from_slice(&chunk);
        }
    };
    wait_for("nix-repl> ");
    tty.write_all(b"let f = n: f (n + 1); in f 0\r")
        .expect("type");
    std::thread::sleep(Duration::from_millis(300));
    let sent = Instant::now();
    tty.write_all(b"\x03").expect("Ctrl-C");
    wait_for("interrupted by the user");
    let prompt_at = wait_for("nix-repl> ");
    let took = prompt_at.duration_since(sent);
    assert!(took < Duration::from_millis(100), "took {took:?}");
    // The session goes on, and the same expression can be tried again.
    tty.write_all(b"1 + 1\r").expect("type");
    wait_for("\r\n2\r\n");
    tty.write_all(b"let f = n: f (n + 1); in f 0\r")
        .expect("type");
    std::thread::sleep(Duration::from_millis(200));
    tty.write_all(b"\x03").expect("Ctrl-C");
    wait_for("interrupted by the user");
    wait_for("nix-repl> ");
    tty.write_all(b"\x04").expect("Ctrl-D");
    match process.wait() {
        Ok(WaitStatus::Exited(_, code)) => assert_eq!(code, 0, "exit status"),
        other => panic!("unexpected end: {other:?}"),
    }
}

#[test]
fn ctrl_d_exits_with_status_0() {
    let dir = scratch("eof");
    exit_with_ctrl_d(start(&dir));
}
