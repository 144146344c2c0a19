//! A long `tangle repl` session stays small: 10 000 inputs that each bind
//! and print cyclic structures (a recursive set, a list holding itself, a
//! closure over both) leave the process's resident memory where it was
//! after the first 1 000 (within 10%).

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

/// Resident memory of a process, in kB (Linux).
fn rss_kb(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

#[test]
fn ten_thousand_cyclic_evaluations_leave_rss_flat() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tangle"))
        .arg("repl")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("tangle runs");
    let pid = child.id();
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut at_1000 = 0;
    for i in 0..10_000 {
        // Lock-step: one input, then its value line and the blank line.
        writeln!(
            stdin,
            "x = let r = {{ a = r; n = {i}; s = \"v{i}\"; }}; l = [ l r ]; \
             f = y: if y == 0 then r.n else f (y - 1); in {{ inherit r l f; }}"
        )
        .expect("write");
        writeln!(
            stdin,
            "x.f 3 + builtins.length (builtins.elemAt x.l 0) + builtins.stringLength x.r.a.s"
        )
        .expect("write");
        stdin.flush().expect("flush");
        // The binding prints a blank line; the expression its value and
        // a blank line.
        let mut lines = [String::new(), String::new(), String::new()];
        for l in lines.iter_mut() {
            stdout.read_line(l).expect("read");
        }
        let want = i + 2 + format!("v{i}").len();
        assert_eq!(
            [lines[0].as_str(), lines[1].as_str(), lines[2].as_str()],
            ["\n", format!("{want}\n").as_str(), "\n"],
            "evaluation {i}"
        );
        if i == 999 {
            at_1000 = rss_kb(pid);
        }
    }
    let at_10000 = rss_kb(pid);
    drop(stdin);
    let _ = child.wait();
    assert!(at_1000 > 0, "no RSS measured");
    assert!(
        at_10000 <= at_1000 + at_1000 / 10,
        "RSS grew from {at_1000} kB to {at_10000} kB"
    );
}
