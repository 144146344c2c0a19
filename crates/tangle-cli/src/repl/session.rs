//! A REPL session: the evaluator, the names in scope (each held by a
//! `Root`, so the evaluator can release everything else after each
//! input), the files loaded, and what one complete input does.

use super::bindings::{self, Binding};
use super::commands;
use super::print::{self, Options};
use super::Output;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tangle_eval::symbol::Symbol;
use tangle_eval::value::Attrs;
use tangle_eval::{Error, ErrorKind, Evaluator, Root, Value};

/// The name expressions typed at the prompt carry in positions.
pub const INPUT_NAME: &str = "«string»";

/// What the loop does after an input.
pub enum Next {
    /// Read the next input.
    Prompt,
    /// The input is incomplete: read another line and append it.
    More,
    /// `:q`.
    Quit,
}

pub struct Session {
    pub ev: Evaluator,
    /// The names bound at the prompt or added by `:l`/`:a`.
    scope: BTreeMap<String, Root>,
    /// Files given on the command line or to `:l`, in order (`:r`).
    loaded: Vec<String>,
    /// The names the last `:l`/`:a` added, in their set's source order.
    last_loaded: Vec<String>,
    pub show_trace: bool,
    pub colour: bool,
    /// The working directory: relative paths resolve against it.
    pub cwd: String,
    /// `--arg`/`--argstr` values for loaded files that are functions.
    auto_args: Vec<(String, String)>,
    auto_argstrs: Vec<(String, String)>,
    pub interrupt: Arc<AtomicBool>,
    /// The globals' names, for completion (filled when first asked).
    globals: Vec<String>,
    /// Heap bytes that survived the last collection.
    live_bytes: usize,
    /// Inputs processed so far.
    inputs: u64,
}

impl Session {
    pub fn new(
        ev: Evaluator,
        cwd: String,
        auto_args: Vec<(String, String)>,
        auto_argstrs: Vec<(String, String)>,
    ) -> Session {
        let interrupt = ev.interrupt_handle();
        Session {
            ev,
            scope: BTreeMap::new(),
            loaded: Vec::new(),
            last_loaded: Vec::new(),
            show_trace: false,
            colour: false,
            cwd,
            auto_args,
            auto_argstrs,
            interrupt,
            globals: Vec::new(),
            live_bytes: 0,
            inputs: 0,
        }
    }

    /// The names in scope (for completion).
    pub fn scope_names(&self) -> impl Iterator<Item = &str> {
        self.scope.keys().map(String::as_str)
    }

    /// The globals' names (`map`, `builtins`, `true`, …), found once.
    pub fn global_names(&mut self) -> impl Iterator<Item = &str> {
        if self.globals.is_empty() {
            let mut names = vec!["builtins".to_string()];
            if let Ok(Value::Attrs(b)) = self.eval("builtins") {
                for (k, _) in b.entries().iter() {
                    // A builtin is also a global when its name alone is
                    // in scope (it compiles).
                    let n = k.as_str();
                    if self
                        .ev
                        .delay_in_scope(n, None, INPUT_NAME, "/", &[])
                        .is_ok()
                    {
                        names.push(n.to_string());
                    }
                }
            }
            self.ev.release();
            self.globals = names;
        }
        self.globals.iter().map(String::as_str)
    }

    /// The names in scope that `text` may refer to (it spells them as a
    /// word), with their values. Only those go into the environment of
    /// the code compiled from it: a thunk left unforced must not keep
    /// alive every value of the scope it was made in (`x = [ 1 ]` typed
    /// again and again would otherwise chain every old `x`).
    fn scope_values(&self, text: &str) -> Vec<(Symbol, Value)> {
        let mut words: Vec<&str> = text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '\'' || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        words.sort_unstable();
        words.dedup();
        words
            .into_iter()
            .filter_map(|w| self.scope.get(w).map(|r| (Symbol::new(w), r.value())))
            .collect()
    }

    /// Bind `name` (replacing what it named).
    pub fn bind(&mut self, name: &str, v: Value) {
        let root = self.ev.root(&v);
        self.scope.insert(name.to_string(), root);
    }

    /// The value of an expression typed at the prompt (not forced).
    pub fn expr(&mut self, text: &str) -> Result<Value, Error> {
        let scope = self.scope_values(text);
        let cwd = self.cwd.clone();
        self.ev.delay_in_scope(text, None, INPUT_NAME, &cwd, &scope)
    }

    /// Evaluate an expression to weak head normal form.
    pub fn eval(&mut self, text: &str) -> Result<Value, Error> {
        let v = self.expr(text)?;
        self.ev.force(&v)
    }

    /// One complete input (possibly several lines).
    pub fn process(&mut self, input: &str, out: &mut Output) -> Next {
        self.interrupt.store(false, Ordering::Relaxed);
        let r = self.process_inner(input, out);
        // Only the names in scope are kept from one input to the next.
        // Collect every 100 inputs, or once the heap has doubled since
        // the last collection: compiled code and sources live outside the
        // heap, freed only when the heap objects holding them are, so the
        // evaluator's own pacing (32 MB of heap allocation) would let them
        // pile up in a long session of small inputs.
        self.ev.release();
        self.inputs += 1;
        if self.inputs.is_multiple_of(100) || self.ev.heap_bytes() > 2 * self.live_bytes + (1 << 20)
        {
            self.ev.collect_garbage();
            self.live_bytes = self.ev.heap_bytes();
        }
        match r {
            Ok(next) => next,
            Err(e) => {
                if e.kind == ErrorKind::Parse && is_incomplete(&e) {
                    return Next::More;
                }
                self.report(&e, out);
                Next::Prompt
            }
        }
    }

    pub fn report(&self, e: &Error, out: &mut Output) {
        out.err(&e.render_bytes(self.show_trace));
    }

    fn process_inner(&mut self, input: &str, out: &mut Output) -> Result<Next, Error> {
        let trimmed = input.trim_start();
        if trimmed.starts_with(':') {
            return commands::run(self, trimmed, out);
        }
        if trimmed.is_empty() {
            return Ok(Next::Prompt);
        }
        // An expression, or else (when it does not parse as one, and not
        // for want of more input) bindings; if neither, the expression's
        // error.
        let v = match self.expr(input) {
            Ok(v) => v,
            Err(e) if e.kind == ErrorKind::Parse && !is_incomplete(&e) => {
                match bindings::parse(input) {
                    Some(bs) => {
                        self.bind_all(input, bs)?;
                        return Ok(Next::Prompt);
                    }
                    None => return Err(e),
                }
            }
            Err(e) => return Err(e),
        };
        self.print(v, 1, false, out)?;
        Ok(Next::Prompt)
    }

    /// Print a value (`depth` levels; `raw`: a top-level string as is)
    /// and a line break.
    pub fn print(
        &mut self,
        v: Value,
        depth: usize,
        raw: bool,
        out: &mut Output,
    ) -> Result<(), Error> {
        let opts = Options {
            max_depth: depth,
            raw_top_string: raw,
            colour: self.colour,
        };
        let mut text = Vec::new();
        let interrupt = self.interrupt.clone();
        let fatal = move |e: &Error| {
            interrupt.load(Ordering::Relaxed)
                || matches!(e.kind, ErrorKind::Abort | ErrorKind::StackOverflow)
        };
        print::print(&mut self.ev, v, opts, &fatal, &mut text)?;
        text.push(b'\n');
        out.out(&text);
        Ok(())
    }

    /// Make every binding of a line: all are compiled before any is bound
    /// (each sees the scope as it was before the line).
    fn bind_all(&mut self, line: &str, bs: Vec<Binding>) -> Result<(), Error> {
        let cwd = self.cwd.clone();
        let mut made: Vec<(Vec<String>, Value)> = Vec::new();
        for b in &bs {
            let (text, shown) = bindings::texts(line, b);
            let scope = self.scope_values(&text);
            let v = self
                .ev
                .delay_in_scope(&text, Some(&shown), INPUT_NAME, &cwd, &scope)?;
            let path = match b {
                Binding::Value { path, .. } => path.clone(),
                Binding::Inherit { name, .. } => vec![name.clone()],
            };
            made.push((path, v));
        }
        // `a.b = 1; a.c = 2` make one set `a`.
        let mut tops: BTreeMap<String, Tree> = BTreeMap::new();
        for (path, v) in made {
            let mut it = path.into_iter();
            let Some(first) = it.next() else { continue };
            let rest: Vec<String> = it.collect();
            tops.entry(first).or_default().insert(&rest, v);
        }
        for (name, t) in tops {
            let v = t.value();
            self.bind(&name, v);
        }
        Ok(())
    }

    /// Add a set's attributes to the scope and say so as Nix does.
    pub fn add_attrs(&mut self, set: Value, out: &mut Output) -> Result<(), Error> {
        let set = self.ev.force(&set)?;
        let Value::Attrs(a) = set else {
            let mut e = Error::eval(format!(
                "expected a set but found {}: {}",
                set.show_type(),
                tangle_eval::print::error_value::error_value(&set)
            ));
            e.trace.push((
                "while evaluating an attribute set to be merged in the global scope".into(),
                None,
            ));
            return Err(e);
        };
        let mut names: Vec<(Option<u32>, String)> = Vec::new();
        for (k, v) in a.entries().iter() {
            self.bind(k.as_str(), *v);
            let at = a.pos.as_ref().and_then(|p| p.find(*k)).map(|p| p.offset);
            names.push((at, k.as_str().to_string()));
        }
        let mut sorted: Vec<&str> = names.iter().map(|(_, n)| n.as_str()).collect();
        sorted.sort();
        let mut text = format!("Added {} variables.\n", sorted.len());
        const SHOWN: usize = 20;
        text.push_str(&sorted[..sorted.len().min(SHOWN)].join(", "));
        text.push('\n');
        if sorted.len() > SHOWN {
            text.push_str(&format!(
                "... and {} more; view with :ll\n",
                sorted.len() - SHOWN
            ));
        }
        out.out(text.as_bytes());
        names.sort_by(|a, b| (a.0.is_none(), a.0, &a.1).cmp(&(b.0.is_none(), b.0, &b.1)));
        self.last_loaded = names.into_iter().map(|(_, n)| n).collect();
        Ok(())
    }

    pub fn last_loaded(&self) -> &[String] {
        &self.last_loaded
    }

    /// `:l FILE`: evaluate the file (calling a function whose arguments
    /// all have a value: a default or an `--arg`) and add its attributes.
    /// The file is remembered as typed, for `:r`.
    pub fn load(&mut self, file: &str, out: &mut Output) -> Result<(), Error> {
        self.loaded.retain(|f| f != file);
        self.loaded.push(file.to_string());
        self.load_file(file, out)
    }

    fn load_file(&mut self, file: &str, out: &mut Output) -> Result<(), Error> {
        let path = if file.starts_with('/') {
            file.to_string()
        } else {
            format!("{}/{}", self.cwd.trim_end_matches('/'), file)
        };
        let path = tangle_eval::compiler::canon_path(&path);
        if !std::path::Path::new(&path).exists() {
            return Err(commands::error(format!("path '{}' does not exist", path)));
        }
        let v = self.ev.eval_file(&path)?;
        let v = self.auto_call(v)?;
        self.add_attrs(v, out)
    }

    fn auto_call(&mut self, v: Value) -> Result<Value, Error> {
        let mut auto = Vec::new();
        for (name, expr) in self.auto_args.clone() {
            let v = self.expr(&expr)?;
            auto.push((name, v));
        }
        for (name, s) in &self.auto_argstrs {
            auto.push((name.clone(), Value::string(s.as_str())));
        }
        crate::auto_call(&mut self.ev, v, &auto, true)
    }

    /// `:r`: start from an empty scope and load every file again, as
    /// typed (edits show), stopping at the first that fails.
    pub fn reload(&mut self, out: &mut Output) -> Result<(), Error> {
        self.ev.clear_import_cache();
        self.scope.clear();
        for f in self.loaded.clone() {
            out.out(format!("Loading \"{}\"...\n", f).as_bytes());
            self.load_file(&f, out)?;
        }
        Ok(())
    }
}

/// Nested sets of one line's bindings.
#[derive(Default)]
struct Tree {
    value: Option<Value>,
    children: BTreeMap<String, Tree>,
}

impl Tree {
    fn insert(&mut self, path: &[String], v: Value) {
        match path.split_first() {
            None => self.value = Some(v),
            Some((first, rest)) => self
                .children
                .entry(first.clone())
                .or_default()
                .insert(rest, v),
        }
    }

    fn value(self) -> Value {
        if let Some(v) = self.value {
            return v;
        }
        // Recursion as deep as the longest attribute path of the line.
        let entries: Vec<(Symbol, Value)> = self
            .children
            .into_iter()
            .map(|(k, t)| (Symbol::new(&k), t.value()))
            .collect();
        Value::attrs(Attrs::from_unsorted(entries))
    }
}

/// A syntax error at the end of the text: the input goes on.
fn is_incomplete(e: &Error) -> bool {
    e.message.contains("unexpected end of file")
}
