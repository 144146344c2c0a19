//! The `:commands`: their names (for help and completion) and what each
//! does.

use super::doc;
use super::session::{Next, Session};
use super::Output;
use tangle_eval::{Error, Value};

/// Every command's names, as completion offers them.
pub const NAMES: &[&str] = &[
    ":?",
    ":help",
    ":a",
    ":add",
    ":b",
    ":bl",
    ":doc",
    ":e",
    ":edit",
    ":i",
    ":l",
    ":load",
    ":ll",
    ":last-loaded",
    ":log",
    ":p",
    ":print",
    ":q",
    ":quit",
    ":r",
    ":reload",
    ":sh",
    ":t",
    ":te",
    ":trace-enable",
    ":u",
];

const HELP: &str = "\
The following commands are available:

  <expr>                       Evaluate and print expression
  <x> = <expr>                 Bind expression to variable
  :a, :add <expr>              Add attributes from resulting set to scope
  :doc <expr>                  Show documentation of a builtin function or
                               of a function with a doc comment
  :e, :edit <expr>             Open file or function in $EDITOR, then reload
  :l, :load <path>             Load Nix expression and add it to scope
  :ll, :last-loaded            Show most recently loaded variables added to scope
  :p, :print <expr>            Evaluate and print expression recursively
                               Strings are printed directly, without escaping.
  :q, :quit                    Exit the REPL
  :r, :reload                  Reload all files
  :t <expr>                    Describe result of evaluation
  :te, :trace-enable [bool]    Enable, disable or toggle showing traces for
                               errors
  :?, :help                    Brings up this help menu

Tangle has no store, so these commands of nix repl only say so:
  :b, :bl, :i, :sh, :u, :log   (build, install, shell, logs)
";

/// An error raised by the REPL itself: no position, no excerpt.
pub fn error(msg: impl Into<String>) -> Error {
    let mut e = Error::eval(msg);
    e.positionless = true;
    e
}

/// Run `line` (starting with `:`).
pub fn run(s: &mut Session, line: &str, out: &mut Output) -> Result<Next, Error> {
    let (cmd, arg) = match line.find(char::is_whitespace) {
        Some(i) => (&line[..i], line[i..].trim()),
        None => (line.trim_end(), ""),
    };
    match cmd {
        ":?" | ":help" => out.out(HELP.as_bytes()),
        ":q" | ":quit" => return Ok(Next::Quit),
        ":l" | ":load" => s.load(arg, out)?,
        ":a" | ":add" => {
            let v = s.expr(arg)?;
            s.add_attrs(v, out)?;
        }
        ":r" | ":reload" => s.reload(out)?,
        ":p" | ":print" => {
            let v = s.expr(arg)?;
            s.print(v, usize::MAX, true, out)?;
        }
        ":t" => {
            let v = s.eval(arg)?;
            out.out(format!("{}\n", v.show_type()).as_bytes());
        }
        ":doc" => {
            let v = s.eval(arg)?;
            out.out(doc::doc(&v)?.as_bytes());
        }
        ":te" | ":trace-enable" => {
            s.show_trace = match arg {
                "" => !s.show_trace,
                "true" => true,
                "false" => false,
                _ => return Err(error("':te' takes 'true', 'false' or nothing")),
            };
            out.out(if s.show_trace {
                b"showing error traces\n".as_slice()
            } else {
                b"not showing error traces\n".as_slice()
            });
        }
        ":ll" | ":last-loaded" => {
            let mut text = String::new();
            for n in s.last_loaded() {
                text.push_str(n);
                text.push('\n');
            }
            out.out(text.as_bytes());
        }
        ":e" | ":edit" => edit(s, arg, out)?,
        ":b" | ":bl" | ":i" | ":sh" | ":log" => {
            // As in Nix, the expression must be a derivation; then the
            // missing store is what stops it.
            let v = s.eval(arg)?;
            if !is_derivation(s, &v)? {
                return Err(error(
                    "expression does not evaluate to a derivation, so I can't build it",
                ));
            }
            return Err(no_store(cmd));
        }
        ":u" => return Err(no_store(cmd)),
        ":lf" | ":load-flake" => {
            return Err(error(format!(
                "'{}' needs flakes, which Tangle does not support",
                cmd
            )))
        }
        _ => return Err(error(format!("unknown command '{}'", cmd))),
    }
    Ok(Next::Prompt)
}

fn no_store(cmd: &str) -> Error {
    error(format!(
        "'{}' needs a Nix store to build or run derivations; Tangle evaluates without one",
        cmd
    ))
}

fn is_derivation(s: &mut Session, v: &Value) -> Result<bool, Error> {
    let Value::Attrs(a) = v else { return Ok(false) };
    let Some(t) = a.get_str("type").copied() else {
        return Ok(false);
    };
    Ok(matches!(s.ev.force(&t)?, Value::String(s) if &*s.bytes == b"derivation"))
}

/// `:e FILE|EXPR`: open the file (at the function's line) in `$EDITOR`,
/// then reload.
fn edit(s: &mut Session, arg: &str, out: &mut Output) -> Result<(), Error> {
    if arg.is_empty() {
        return Err(error("':e' needs a file or an expression"));
    }
    let v = s.eval(arg)?;
    let (file, line) = match &v {
        Value::Path(p) => (p.path.clone(), None),
        Value::String(st) => (String::from_utf8_lossy(&st.bytes).into_owned(), None),
        Value::Closure(c) => {
            let l = &c.lambda;
            (l.source.name.clone(), Some(l.source.line_col(l.offset).0))
        }
        _ => return Err(error(format!("cannot find a file for {}", v.show_type()))),
    };
    if file.starts_with('«') {
        return Err(error("the function was not defined in a file"));
    }
    let editor = std::env::var("EDITOR").unwrap_or_else(|_| "nano".into());
    let mut words = editor.split_whitespace();
    let Some(program) = words.next() else {
        return Err(error("$EDITOR is empty"));
    };
    let mut cmd = std::process::Command::new(program);
    cmd.args(words);
    if let Some(line) = line {
        cmd.arg(format!("+{}", line));
    }
    cmd.arg(&file);
    match cmd.status() {
        Ok(_) => {}
        Err(e) => return Err(error(format!("cannot run editor '{}': {}", program, e))),
    }
    s.reload(out)
}
