//! Values as `nix repl` prints them: forced as far as they are shown
//! (the top level and, to depth 1, its elements; everything with `:p`),
//! deeper sets and lists as `{ ... }` / `[ ... ]`, a set or list of more
//! than one item (or of one that is itself a set or list) over several
//! lines indented by two spaces, a set or list seen before as
//! `«repeated»`, functions as `«lambda NAME @ FILE:LINE:COLUMN»` /
//! `«primop NAME»`, derivations as `«derivation DRV-PATH»`, and an error
//! inside the value as `«error: MESSAGE»` with the rest still printed.
//! The work list is explicit: printing never recurses.

use std::collections::HashSet;
use tangle_eval::gc::Gc;
use tangle_eval::value::Attrs;
use tangle_eval::{Error, Evaluator, Value};

/// How far and how to print.
#[derive(Clone, Copy)]
pub struct Options {
    /// Levels of sets and lists shown; deeper ones are `{ ... }`.
    pub max_depth: usize,
    /// A string at the top level is printed as its bytes (`:p`).
    pub raw_top_string: bool,
    /// ANSI colours (on a terminal, without `NO_COLOR`).
    pub colour: bool,
}

const CYAN: &str = "\x1b[36;1m";
const MAGENTA: &str = "\x1b[35;1m";
const GREEN: &str = "\x1b[32;1m";
const BLUE: &str = "\x1b[34;1m";
const RED: &str = "\x1b[31;1m";
const RESET: &str = "\x1b[0m";

enum Task {
    Value(Value, usize),
    Text(&'static str),
    /// An attribute's name and ` = `.
    Name(tangle_eval::symbol::Symbol),
    /// A line break and the current indentation, or one space.
    Space(bool),
    Dedent,
}

/// Print `v` (which may be unforced); an error forcing the top level is
/// returned, one forcing a part is printed in its place. `fatal` says
/// whether an error must stop printing altogether (an interrupt, `abort`).
pub fn print(
    ev: &mut Evaluator,
    v: Value,
    opts: Options,
    fatal: &dyn Fn(&Error) -> bool,
    out: &mut Vec<u8>,
) -> Result<(), Error> {
    let mut p = Printer {
        opts,
        out,
        indent: 0,
        seen: HashSet::new(),
    };
    let mut work = vec![Task::Value(v, 0)];
    while let Some(task) = work.pop() {
        match task {
            Task::Text(t) => p.out.extend_from_slice(t.as_bytes()),
            Task::Name(k) => {
                let name = tangle_eval::print::attr_name_text(k.as_str());
                p.out.extend_from_slice(name.as_bytes());
                p.out.extend_from_slice(b" = ");
            }
            Task::Space(true) => {
                p.out.push(b'\n');
                p.out.extend(std::iter::repeat_n(b' ', p.indent));
            }
            Task::Space(false) => p.out.push(b' '),
            Task::Dedent => p.indent = p.indent.saturating_sub(2),
            Task::Value(v, depth) => {
                let v = match ev.force(&v) {
                    Ok(v) => v,
                    Err(e) if depth == 0 || fatal(&e) => return Err(e),
                    Err(e) => {
                        p.error(&e);
                        continue;
                    }
                };
                p.value(ev, v, depth, fatal, &mut work)?;
            }
        }
    }
    Ok(())
}

struct Printer<'a> {
    opts: Options,
    out: &'a mut Vec<u8>,
    indent: usize,
    /// Sets and lists printed so far (an empty set counts as one: Nix
    /// shares a single empty set).
    seen: HashSet<usize>,
}

impl Printer<'_> {
    fn coloured(&mut self, colour: &str, text: &[u8]) {
        if self.opts.colour {
            self.out.extend_from_slice(colour.as_bytes());
        }
        self.out.extend_from_slice(text);
        if self.opts.colour {
            self.out.extend_from_slice(RESET.as_bytes());
        }
    }

    fn error(&mut self, e: &Error) {
        let msg = format!(
            "«error: {}»",
            tangle_eval::print::terminal::filter_str(&e.message)
        );
        self.coloured(RED, msg.as_bytes());
    }

    fn repeated(&mut self) {
        self.coloured(MAGENTA, "«repeated»".as_bytes());
    }

    fn value(
        &mut self,
        ev: &mut Evaluator,
        v: Value,
        depth: usize,
        fatal: &dyn Fn(&Error) -> bool,
        work: &mut Vec<Task>,
    ) -> Result<(), Error> {
        match &v {
            Value::Null => self.coloured(CYAN, b"null"),
            Value::Bool(b) => self.coloured(CYAN, if *b { b"true" } else { b"false" }),
            Value::Int(i) => self.coloured(CYAN, i.to_string().as_bytes()),
            Value::Float(f) => self.coloured(CYAN, tangle_eval::print::format_float(*f).as_bytes()),
            Value::String(s) => {
                if depth == 0 && self.opts.raw_top_string {
                    self.out.extend_from_slice(&s.bytes);
                } else {
                    let mut text = Vec::new();
                    tangle_eval::print::escape_string(&s.bytes, &mut text);
                    self.coloured(MAGENTA, &text);
                }
            }
            Value::Path(p) => self.coloured(GREEN, p.path.as_bytes()),
            Value::Closure(c) => {
                let l = &c.lambda;
                let (line, col) = l.source.line_col(l.offset);
                let text = match l.name {
                    Some(n) => format!(
                        "«lambda {} @ {}:{}:{}»",
                        n.as_str(),
                        l.source.name,
                        line,
                        col
                    ),
                    None => format!("«lambda @ {}:{}:{}»", l.source.name, line, col),
                };
                self.coloured(BLUE, text.as_bytes());
            }
            Value::PrimOp(op) => self.coloured(BLUE, format!("«primop {}»", op.name).as_bytes()),
            Value::PrimOpApp(app) => self.coloured(
                BLUE,
                format!("«partially applied primop {}»", app.op.name).as_bytes(),
            ),
            Value::Thunk(_) => self.coloured(MAGENTA, "«thunk»".as_bytes()),
            Value::List(l) => {
                if !l.is_empty() && !self.seen.insert(Gc::as_ptr(l) as *const u8 as usize) {
                    self.repeated();
                    return Ok(());
                }
                if depth >= self.opts.max_depth {
                    self.out.extend_from_slice(b"[ ... ]");
                    return Ok(());
                }
                let items: Vec<Value> = l.iter().copied().collect();
                let pretty = self.pretty(ev, &items, fatal)?;
                self.out.push(b'[');
                self.indent += 2;
                work.push(Task::Text("]"));
                work.push(Task::Space(pretty));
                work.push(Task::Dedent);
                for e in items.into_iter().rev() {
                    work.push(Task::Value(e, depth + 1));
                    work.push(Task::Space(pretty));
                }
            }
            Value::Attrs(a) => {
                let key = if a.is_empty() {
                    1
                } else {
                    Gc::as_ptr(a) as *const u8 as usize
                };
                if !self.seen.insert(key) {
                    self.repeated();
                    return Ok(());
                }
                if is_derivation(ev, a, fatal)? {
                    match derivation_path(ev, a) {
                        Ok(path) => {
                            let text = format!("«derivation {}»", path);
                            self.coloured(GREEN, text.as_bytes());
                        }
                        Err(e) if depth == 0 || fatal(&e) => return Err(e),
                        Err(e) => self.error(&e),
                    }
                    return Ok(());
                }
                if depth >= self.opts.max_depth {
                    self.out.extend_from_slice(b"{ ... }");
                    return Ok(());
                }
                let items: Vec<Value> = a.entries().iter().map(|(_, v)| *v).collect();
                let pretty = self.pretty(ev, &items, fatal)?;
                self.out.push(b'{');
                self.indent += 2;
                work.push(Task::Text("}"));
                work.push(Task::Space(pretty));
                work.push(Task::Dedent);
                for (k, e) in a.entries().iter().rev() {
                    work.push(Task::Text(";"));
                    work.push(Task::Value(*e, depth + 1));
                    work.push(Task::Name(*k));
                    work.push(Task::Space(pretty));
                }
            }
        }
        Ok(())
    }

    /// Several items, or one that is a set or list: one item per line.
    fn pretty(
        &mut self,
        ev: &mut Evaluator,
        items: &[Value],
        fatal: &dyn Fn(&Error) -> bool,
    ) -> Result<bool, Error> {
        match items {
            [] => Ok(false),
            [one] => match ev.force(one) {
                Ok(v) => Ok(matches!(v, Value::List(_) | Value::Attrs(_))),
                Err(e) if fatal(&e) => Err(e),
                Err(_) => Ok(false),
            },
            _ => Ok(true),
        }
    }
}

/// Is this set a derivation (its `type` is "derivation")?
fn is_derivation(
    ev: &mut Evaluator,
    a: &Gc<Attrs>,
    fatal: &dyn Fn(&Error) -> bool,
) -> Result<bool, Error> {
    let Some(t) = a.get_str("type").copied() else {
        return Ok(false);
    };
    match ev.force(&t) {
        Ok(Value::String(s)) => Ok(&*s.bytes == b"derivation"),
        Err(e) if fatal(&e) => Err(e),
        _ => Ok(false),
    }
}

/// The `.drv` path of a derivation, `???` if it has none.
fn derivation_path(ev: &mut Evaluator, a: &Gc<Attrs>) -> Result<String, Error> {
    let Some(p) = a.get_str("drvPath").copied() else {
        return Ok("???".into());
    };
    match ev.force(&p)? {
        Value::String(s) => Ok(String::from_utf8_lossy(&s.bytes).into_owned()),
        _ => Ok("???".into()),
    }
}
