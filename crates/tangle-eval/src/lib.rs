//! Tangle: an evaluator for the Nix language.
//!
//! The embedding API: create an [`Evaluator`] with [`EvalOptions`] and an
//! [`Io`] provider, evaluate a file or a string, then force, inspect and
//! print the resulting [`Value`]s. See ARCHITECTURE.md for the map.
//!
//! Values live in the evaluator's garbage-collected heap. A value the
//! evaluator returned, or one the embedder built, stays valid until
//! [`Evaluator::release`]; one held through a [`Root`] (from
//! [`Evaluator::root`]) until the handle is dropped. No value may be used
//! after its evaluator is dropped, or given to another evaluator.

pub mod builtins;
pub mod chunk;
pub mod compiler;
pub mod error;
pub mod gc;
pub mod io;
pub mod print;
pub mod settings;
pub mod source;
pub mod stats;
pub mod store;
pub mod symbol;
pub mod syntax;
pub mod value;
pub mod vm;

pub use error::{Error, ErrorKind, Result};
pub use io::{Io, StdIo};
pub use value::Value;
pub use vm::Root;

use std::rc::Rc;

/// Options for an evaluation.
#[derive(Clone)]
pub struct EvalOptions {
    /// Deepest frame stack allowed before "max-call-depth exceeded".
    pub max_call_depth: usize,
    /// Search path entries `(prefix, path)` for `<prefix/...>`, in order.
    pub search_path: Vec<(String, String)>,
    /// `builtins.warn` is an error (`--abort-on-warn`).
    pub abort_on_warn: bool,
    /// `builtins.traceVerbose` prints (`--trace-verbose`).
    pub trace_verbose: bool,
    /// `builtins.storePath` checks that its path exists, as
    /// `nix-instantiate` does outside `--eval`.
    pub check_store_paths: bool,
    /// Write each `.drv` and `toFile` text made to this directory.
    pub drv_dir: Option<std::path::PathBuf>,
    /// The experimental features enabled.
    pub features: settings::Features,
    /// What the lints of literals do.
    pub lints: settings::Lints,
}

impl Default for EvalOptions {
    fn default() -> Self {
        EvalOptions {
            max_call_depth: vm::VmOptions::default().max_call_depth,
            search_path: Vec::new(),
            abort_on_warn: false,
            trace_verbose: false,
            check_store_paths: false,
            drv_dir: None,
            features: settings::Features::default(),
            lints: settings::Lints::default(),
        }
    }
}

/// Parse `text` and compile it, resolving relative paths against the
/// directory of `name` (a file path), or against the working directory for
/// `«string»`-like names.
pub fn compile_source(vm: &mut vm::Vm, name: &str, text: String) -> Result<Rc<chunk::Proto>> {
    compile_scoped(vm, name, text, &[])
}

/// [`compile_source`] with names bound around the whole source (the scope
/// of `scopedImport`): the code must run in an environment holding their
/// values, in this order.
pub fn compile_scoped(
    vm: &mut vm::Vm,
    name: &str,
    text: String,
    outer: &[symbol::Symbol],
) -> Result<Rc<chunk::Proto>> {
    let base_dir = if name.starts_with('/') {
        match name.rfind('/') {
            Some(0) => "/".to_string(),
            Some(i) => name[..i].to_string(),
            None => ".".to_string(),
        }
    } else {
        std::env::current_dir()
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_else(|_| "/".to_string())
    };
    compile_in(vm, name, text, &base_dir, outer)
}

fn compile_in(
    vm: &mut vm::Vm,
    name: &str,
    text: String,
    base_dir: &str,
    outer: &[symbol::Symbol],
) -> Result<Rc<chunk::Proto>> {
    let source = source::Source::new(name.to_string(), text);
    let settings = syntax::ParseSettings {
        features: vm.options.features,
        lints: vm.options.lints,
    };
    let io = vm.io.clone();
    let expr = syntax::parse_with(&source, &settings, &mut |message, offset| {
        let pos = source::Pos {
            source: source.clone(),
            offset,
        };
        io.trace(&error::warning_text("warning: ", &message, Some(&pos)));
    })?;
    let home = vm.io.get_env("HOME");
    // Constants are made in the evaluator's heap.
    let _entered = vm.heap.enter();
    let globals = vm.globals.clone();
    compiler::compile(
        source,
        &expr,
        compiler::CompileEnv {
            outer,
            globals: &globals,
            base_dir: base_dir.trim_end_matches('/'),
            home: home.as_deref(),
        },
    )
}

/// One evaluation context: its globals, import cache and VM.
pub struct Evaluator {
    vm: vm::Vm,
}

impl Evaluator {
    pub fn new(options: EvalOptions, io: Rc<dyn Io>) -> Evaluator {
        let mut heap = Box::new(gc::Heap::new());
        let entered = heap.enter();
        let globals = Rc::new(builtins::globals(&options.search_path));
        drop(entered);
        let mut vm = vm::Vm::new(
            io,
            globals,
            vm::VmOptions {
                max_call_depth: options.max_call_depth,
                search_path: options.search_path,
                abort_on_warn: options.abort_on_warn,
                trace_verbose: options.trace_verbose,
                features: options.features,
                lints: options.lints,
            },
            heap,
        );
        vm.store.check_store_paths = options.check_store_paths;
        vm.store.write_dir = options.drv_dir;
        Evaluator { vm }
    }

    /// Evaluate a file (or a directory's `default.nix`) to WHNF.
    pub fn eval_file(&mut self, path: &str) -> Result<Value> {
        let abs = if path.starts_with('/') {
            path.to_string()
        } else {
            let cwd = std::env::current_dir()
                .map(|d| d.to_string_lossy().into_owned())
                .unwrap_or_default();
            format!("{}/{}", cwd, path)
        };
        let mut abs = compiler::canon_path(&abs);
        if self.vm.io.is_dir(&abs) {
            abs = format!("{}/default.nix", abs.trim_end_matches('/'));
        }
        let bytes = self.vm.io.read_file(&abs).map_err(|e| {
            Error::eval(format!(
                "opening file '{}': {}",
                abs,
                io::describe_io_error(&e)
            ))
        })?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let proto = compile_source(&mut self.vm, &abs, text)?;
        self.vm.run_proto(proto)
    }

    /// Parse and check an expression without evaluating it, returning it
    /// printed back as `nix-instantiate --parse` does.
    pub fn parse_only(&mut self, text: &str, name: &str, base_dir: &str) -> Result<String> {
        // Compiling checks what Nix checks at parse time (undefined
        // variables, duplicate attributes).
        compile_in(&mut self.vm, name, text.to_string(), base_dir, &[])?;
        let source = source::Source::new(name.to_string(), text.to_string());
        let expr = syntax::parse(&source)?;
        let home = self.vm.io.get_env("HOME");
        Ok(compiler::show::show_expr_with_paths(
            &expr,
            Some(base_dir.trim_end_matches('/')),
            home.as_deref(),
        ))
    }

    /// Evaluate an expression; relative paths resolve against `base_dir`.
    pub fn eval_string(&mut self, text: &str, name: &str, base_dir: &str) -> Result<Value> {
        let proto = compile_in(&mut self.vm, name, text.to_string(), base_dir, &[])?;
        self.vm.run_proto(proto)
    }

    /// An expression to be evaluated in a scope of named values (a
    /// REPL's variables, which shadow the globals), not evaluated yet: a
    /// thunk that computes it when forced. Only syntax and scope errors are
    /// reported here. `text` is what is parsed; `shown`, when given, is the
    /// text positions and error excerpts show (it must have the same length
    /// and line breaks: a REPL parses one binding of a line, blanking the
    /// rest, and shows the line as typed).
    pub fn delay_in_scope(
        &mut self,
        text: &str,
        shown: Option<&str>,
        name: &str,
        base_dir: &str,
        scope: &[(symbol::Symbol, Value)],
    ) -> Result<Value> {
        let parsed = source::Source::new(name.to_string(), text.to_string());
        let expr = syntax::parse(&parsed)?;
        let source = match shown {
            Some(s) => source::Source::new(name.to_string(), s.to_string()),
            None => parsed,
        };
        let names: Vec<symbol::Symbol> = scope.iter().map(|(k, _)| *k).collect();
        let home = self.vm.io.get_env("HOME");
        // Constants and the environment are made in the evaluator's heap.
        let _entered = self.vm.heap.enter();
        let globals = self.vm.globals.clone();
        let proto = compiler::compile(
            source,
            &expr,
            compiler::CompileEnv {
                outer: &names,
                globals: &globals,
                base_dir: base_dir.trim_end_matches('/'),
                home: home.as_deref(),
            },
        )?;
        let env = value::Env::new(names.len(), None);
        for (i, (_, v)) in scope.iter().enumerate() {
            // A fresh environment: every slot is empty, so `set` succeeds.
            let _ = env.slot(i).set(*v);
        }
        Ok(value::Thunk::value_of(value::ThunkState::Pending(
            proto, env,
        )))
    }

    /// Forget the files `import` has read, so the next import of each
    /// reads it again (a REPL's reload picks up edits).
    pub fn clear_import_cache(&mut self) {
        self.vm.import_cache.clear();
    }

    /// A flag that, once set (from any thread, such as a Ctrl-C handler),
    /// stops the running evaluation at its next safe point with the error
    /// "interrupted by the user". The embedder clears it before evaluating
    /// again.
    pub fn interrupt_handle(&self) -> std::sync::Arc<std::sync::atomic::AtomicBool> {
        self.vm.interrupt.clone()
    }

    pub fn force(&mut self, v: &Value) -> Result<Value> {
        self.vm.force(v)
    }

    pub fn force_deep(&mut self, v: &Value) -> Result<Value> {
        self.vm.force_deep(v)
    }

    pub fn call(&mut self, f: &Value, arg: Value) -> Result<Value> {
        self.vm.call(f, arg)
    }

    /// JSON text of a value (`force`: evaluate unforced parts).
    pub fn to_json(&mut self, v: &Value, force: bool) -> Result<Vec<u8>> {
        let r = self.vm.run_cont(Box::new(print::ToJson::new(*v, force)))?;
        match r {
            Value::String(s) => Ok(s.bytes.to_vec()),
            _ => Ok(Vec::new()),
        }
    }

    /// The value as `nix-instantiate --eval` prints it (without newline).
    pub fn print(&self, v: &Value) -> Vec<u8> {
        let mut out = Vec::new();
        print::print_value(v, &mut out);
        out
    }

    /// What this evaluation did so far, as `NIX_SHOW_STATS=1` prints it
    /// (JSON shaped like Nix's; see `stats`).
    pub fn stats_json(&self) -> String {
        stats::to_json(&self.vm.counters, &self.vm.heap.stats, self.vm.heap.size())
    }

    /// Count builtin calls by name too (`NIX_COUNT_CALLS=1`).
    pub fn count_calls(&mut self, on: bool) {
        self.vm.counters.by_name = on;
    }

    /// Keep `v` alive across evaluations and collections, until the
    /// handle is dropped.
    pub fn root(&mut self, v: &Value) -> Root {
        Root::new(&self.vm.roots, *v)
    }

    /// Values returned by this evaluator and values the embedder built
    /// (outside an evaluation) are kept alive until this is called; after
    /// it, only [`Root`] handles keep values alive. A long-running
    /// embedding roots what it holds on to, then releases after each
    /// evaluation, so its memory stays bounded.
    pub fn release(&mut self) {
        self.vm.release();
    }

    /// Collect garbage now (it otherwise runs by itself as evaluations
    /// allocate).
    pub fn collect_garbage(&mut self) {
        self.vm.collect_now();
    }

    /// Objects in this evaluator's heap.
    pub fn heap_objects(&self) -> usize {
        self.vm.heap.objects()
    }

    /// Bytes in this evaluator's heap (right after a collection: the bytes
    /// that survived it).
    pub fn heap_bytes(&self) -> usize {
        self.vm.heap.size()
    }

    /// The VM itself, for the crate's own tests.
    #[cfg(test)]
    pub(crate) fn vm(&mut self) -> &mut vm::Vm {
        &mut self.vm
    }
}
