//! `tangle repl`: read an expression, a binding or a `:command`, evaluate
//! it, print the result, repeat. On a terminal, lines are read with a line
//! editor (`editor`: prompt, completion, history); otherwise plain lines
//! are read with no prompt, so a transcript can be piped in and its output
//! compared.

mod bindings;
mod commands;
mod complete;
mod doc;
mod editor;
mod print;
mod session;

use crate::args::ReplArgs;
use session::{Next, Session};
use std::io::{BufRead, IsTerminal, Write};
use std::rc::Rc;
use tangle_eval::{EvalOptions, Evaluator, StdIo};

/// The prompt, and the one that continues an incomplete input.
pub const PROMPT: &str = "nix-repl> ";
pub const CONTINUATION: &str = "        > ";

/// Where a session writes: standard output for values, standard error for
/// errors, each flushed at once so the two interleave as they happen.
pub struct Output {
    stdout: std::io::Stdout,
    stderr: std::io::Stderr,
}

impl Output {
    fn new() -> Output {
        Output {
            stdout: std::io::stdout(),
            stderr: std::io::stderr(),
        }
    }

    pub fn out(&mut self, bytes: &[u8]) {
        let mut l = self.stdout.lock();
        let _ = l.write_all(bytes);
        let _ = l.flush();
    }

    pub fn err(&mut self, bytes: &[u8]) {
        let mut l = self.stderr.lock();
        let _ = l.write_all(bytes);
        let _ = l.flush();
    }
}

pub fn run(args: ReplArgs) -> i32 {
    let cwd = std::env::current_dir()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "/".into());
    let options = EvalOptions {
        max_call_depth: args.max_call_depth,
        search_path: crate::search_path(&args.include, None, &[]),
        ..Default::default()
    };
    let ev = Evaluator::new(options, Rc::new(StdIo));
    let mut s = Session::new(ev, cwd, args.args.clone(), args.argstrs.clone());
    s.show_trace = args.show_trace;
    let terminal = std::io::stdin().is_terminal() && !args.echo;
    s.colour = terminal
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    // Ctrl-C stops the running evaluation (the line editor reads it as a
    // key, not a signal, while it waits for input).
    let flag = s.interrupt.clone();
    let _ = ctrlc::set_handler(move || flag.store(true, std::sync::atomic::Ordering::Relaxed));
    let mut out = Output::new();
    for f in &args.files {
        let r = s.load(f, &mut out);
        s.ev.release();
        if let Err(e) = r {
            s.report(&e, &mut out);
        }
    }
    if terminal {
        editor::run(s, &mut out)
    } else {
        let code = plain(&mut s, &mut out, args.echo);
        // Values may form long chains; let the OS reclaim them at once.
        std::mem::forget(s);
        code
    }
}

/// Read lines from standard input, with no prompt (or, with `echo`, the
/// prompt and the line, as a terminal would show them).
fn plain(s: &mut Session, out: &mut Output, echo: bool) -> i32 {
    let stdin = std::io::stdin();
    let mut input = String::new();
    let mut lines = stdin.lock();
    loop {
        let mut line = String::new();
        match lines.read_line(&mut line) {
            Ok(0) | Err(_) => {
                // End of input: as Nix does at Ctrl-D, end the last line.
                if echo {
                    out.out(PROMPT.as_bytes());
                }
                out.out(b"\n");
                return 0;
            }
            Ok(_) => {}
        }
        let line = line.strip_suffix('\n').unwrap_or(&line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if echo {
            let prompt = if input.is_empty() {
                PROMPT
            } else {
                CONTINUATION
            };
            out.out(format!("{}{}\n", prompt, line).as_bytes());
        }
        if !input.is_empty() {
            input.push('\n');
        }
        input.push_str(line);
        match s.process(&input, out) {
            Next::More => continue,
            Next::Quit => return 0,
            Next::Prompt => {
                input.clear();
                out.out(b"\n");
            }
        }
    }
}
