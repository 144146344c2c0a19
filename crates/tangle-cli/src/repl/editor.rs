//! The REPL on a terminal: lines read with rustyline (prompt and
//! continuation prompt, Tab completion through `complete`, bracketed
//! paste, history in `$XDG_DATA_HOME/tangle/repl-history`, appended after
//! every input so sessions running side by side lose nothing). Ctrl-C at
//! the prompt drops the input; during an evaluation it interrupts it (the
//! handler installed by `run` sets the evaluator's interrupt flag).
//! Ctrl-D on an empty line ends the session.

use super::complete;
use super::session::{Next, Session};
use super::{Output, CONTINUATION, PROMPT};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::FileHistory;
use rustyline::validate::Validator;
use rustyline::{Config, Context, Editor, Helper};
use std::cell::RefCell;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;

struct ReplHelper {
    session: Rc<RefCell<Session>>,
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        // The editor holds no other borrow of the session while it reads.
        let Ok(mut s) = self.session.try_borrow_mut() else {
            return Ok((pos, Vec::new()));
        };
        let c = complete::complete(&mut s, line, pos);
        if let Some(why) = c.failure {
            // One dimmed line under the input, then the prompt again.
            let mut err = std::io::stdout();
            let _ = write!(err, "\r\n\x1b[2m{}\x1b[0m\r\n{}{}", why, PROMPT, line);
            let _ = err.flush();
        }
        let pairs = c
            .candidates
            .into_iter()
            .map(|c| Pair {
                display: c
                    .rsplit(['.', '/'])
                    .find(|p| !p.is_empty())
                    .unwrap_or(&c)
                    .to_string(),
                replacement: c,
            })
            .collect();
        Ok((c.start, pairs))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}
impl Highlighter for ReplHelper {}
impl Validator for ReplHelper {}
impl Helper for ReplHelper {}

/// `$XDG_DATA_HOME/tangle/repl-history` (`~/.local/share` by default).
pub fn history_path() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".local/share"),
    };
    Some(base.join("tangle").join("repl-history"))
}

pub fn run(session: Session, out: &mut Output) -> i32 {
    let session = Rc::new(RefCell::new(session));
    let config = Config::builder()
        .auto_add_history(false)
        .completion_type(rustyline::CompletionType::List)
        .build();
    let mut ed: Editor<ReplHelper, FileHistory> = match Editor::with_config(config) {
        Ok(ed) => ed,
        Err(e) => {
            out.err(format!("error: cannot start the line editor: {}\n", e).as_bytes());
            return 1;
        }
    };
    ed.set_helper(Some(ReplHelper {
        session: session.clone(),
    }));
    let history = history_path();
    if let Some(h) = &history {
        if let Some(dir) = h.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = ed.load_history(h);
    }
    out.err(format!("Tangle {}\nType :? for help.\n", env!("CARGO_PKG_VERSION")).as_bytes());
    let mut input = String::new();
    loop {
        let prompt = if input.is_empty() {
            PROMPT
        } else {
            CONTINUATION
        };
        let line = match ed.readline(prompt) {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => {
                input.clear();
                continue;
            }
            Err(ReadlineError::Eof) => {
                out.out(b"\n");
                return 0;
            }
            Err(e) => {
                out.err(format!("error: reading input: {}\n", e).as_bytes());
                return 1;
            }
        };
        if !line.trim().is_empty() {
            let _ = ed.add_history_entry(line.as_str());
            if let Some(h) = &history {
                let _ = ed.append_history(h);
            }
        }
        if !input.is_empty() {
            input.push('\n');
        }
        input.push_str(&line);
        let next = session.borrow_mut().process(&input, out);
        match next {
            Next::More => continue,
            Next::Quit => return 0,
            Next::Prompt => {
                input.clear();
                out.out(b"\n");
            }
        }
    }
}
