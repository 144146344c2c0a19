//! `tangle`: the command-line front end of the Tangle Nix evaluator.
//!
//! `tangle eval` mirrors `nix-instantiate --eval`. Invoked under the name
//! `nix-instantiate`, the binary accepts that tool's spelling of the flags.

mod alloc;
mod args;
mod instantiate;
mod repl;
mod settings;

use args::{EvalArgs, Source};
use std::io::{Read, Write};
use std::rc::Rc;
use tangle_eval::{EvalOptions, Evaluator, StdIo, Value};

/// mimalloc (see `alloc`).
#[global_allocator]
static GLOBAL: alloc::Mimalloc = alloc::Mimalloc;

/// Native stack for the evaluator thread. Parsing, compiling, evaluation
/// and printing an expression back do not recurse on the source's nesting
/// (the library's tests run them on 2 MiB threads); this is a margin.
const STACK_SIZE: usize = 1 << 30;

fn main() {
    alloc::tune();
    let argv: Vec<String> = std::env::args().collect();
    let code = std::thread::Builder::new()
        .stack_size(STACK_SIZE)
        .spawn(move || run(argv))
        .map(|h| h.join().unwrap_or(101))
        .unwrap_or_else(|e| {
            eprintln!("error: cannot start the evaluator thread: {}", e);
            1
        });
    std::process::exit(code);
}

fn run(argv: Vec<String>) -> i32 {
    let parsed = match args::parse(argv) {
        Ok(a) => a,
        Err(code) => return code,
    };
    match parsed {
        args::Command::Eval(a) => eval_command(a),
        args::Command::Repl(a) => repl::run(a),
    }
}

/// The search path: `-I` entries, then `$NIX_PATH`'s (or the `nix-path`
/// setting's), then `extra-nix-path`'s. Entries are kept as
/// written (`builtins.nixPath` shows them so); relative ones are resolved
/// against the working directory when looked up.
fn search_path(
    include: &[String],
    nix_path: Option<&[String]>,
    extra_nix_path: &[String],
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |entry: &str| {
        if entry.is_empty() {
            return;
        }
        match entry.split_once('=') {
            Some((prefix, path)) => out.push((prefix.to_string(), path.to_string())),
            None => out.push((String::new(), entry.to_string())),
        }
    };
    for i in include {
        add(i);
    }
    match nix_path {
        Some(entries) => entries.iter().for_each(|e| add(e)),
        None => {
            if let Ok(np) = std::env::var("NIX_PATH") {
                for e in split_nix_path(&np) {
                    add(&e);
                }
            }
        }
    }
    for e in extra_nix_path {
        add(e);
    }
    out
}

/// Split `$NIX_PATH` at `:`, except the one after a URL scheme
/// (`nixpkgs=https://host/x.tar.gz` is one entry).
fn split_nix_path(s: &str) -> Vec<String> {
    const SCHEMES: &[&str] = &[
        "http://",
        "https://",
        "file://",
        "channel:",
        "git://",
        "s3://",
        "ssh://",
        "flake:",
        "git+",
        "github:",
        "gitlab:",
        "sourcehut:",
        "tarball+",
    ];
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let value_start = rest
            .find(':')
            .map(|c| rest[..c].rfind('=').map(|e| e + 1).unwrap_or(0))
            .unwrap_or(0);
        let is_url = SCHEMES.iter().any(|p| rest[value_start..].starts_with(p));
        let search_from = if is_url {
            // Skip the scheme's own colon.
            rest[value_start..].find(':').map(|c| value_start + c + 1)
        } else {
            Some(value_start)
        };
        match search_from.and_then(|from| rest[from..].find(':').map(|c| from + c)) {
            Some(end) => {
                out.push(rest[..end].to_string());
                rest = &rest[end + 1..];
            }
            None => {
                out.push(rest.to_string());
                break;
            }
        }
    }
    out
}

fn eval_command(args: EvalArgs) -> i32 {
    let cwd = std::env::current_dir()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "/".into());
    let options = EvalOptions {
        max_call_depth: args.max_call_depth,
        search_path: search_path(
            &args.include,
            args.nix_path.as_deref(),
            &args.extra_nix_path,
        ),
        abort_on_warn: args.abort_on_warn,
        trace_verbose: args.trace_verbose,
        // Like nix-instantiate: only `--eval` skips checking store paths.
        check_store_paths: args.instantiate,
        drv_dir: args.drv_dir.as_ref().map(Into::into),
        features: args.features,
        lints: args.lints,
    };
    for w in &args.warnings {
        eprintln!("warning: {}", w);
    }
    if let Some(dir) = &args.drv_dir {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("error: creating directory '{}': {}", dir, e);
            return 1;
        }
    }
    let mut ev = Evaluator::new(options, Rc::new(StdIo));
    if args.eval_stats && std::env::var("NIX_COUNT_CALLS").is_ok_and(|v| !v.is_empty() && v != "0")
    {
        ev.count_calls(true);
    }
    let result = (|| -> tangle_eval::Result<Vec<u8>> {
        if args.parse_only {
            let (text, name, dir) = match &args.source {
                Source::File(f) => {
                    let path = if f.starts_with('/') {
                        f.clone()
                    } else {
                        format!("{}/{}", cwd, f)
                    };
                    let text = std::fs::read_to_string(&path).map_err(|e| {
                        tangle_eval::Error::eval(format!("opening file '{}': {}", path, e))
                    })?;
                    let dir = path
                        .rsplit_once('/')
                        .map(|(d, _)| d.to_string())
                        .unwrap_or_default();
                    (text, path, dir)
                }
                Source::Expr(e) => (e.clone(), "«string»".to_string(), cwd.clone()),
                Source::Stdin => {
                    let mut text = String::new();
                    let _ = std::io::stdin().read_to_string(&mut text);
                    (text, "«stdin»".to_string(), cwd.clone())
                }
            };
            let mut out = ev.parse_only(&text, &name, &dir)?.into_bytes();
            out.push(b'\n');
            return Ok(out);
        }
        let root = match &args.source {
            Source::File(f) => ev.eval_file(f)?,
            Source::Expr(e) => ev.eval_string(e, "«string»", &cwd)?,
            Source::Stdin => {
                let mut text = String::new();
                let _ = std::io::stdin().read_to_string(&mut text);
                ev.eval_string(&text, "«stdin»", &cwd)?
            }
        };
        let auto_args = auto_args(&mut ev, &args, &cwd)?;
        let v = root;
        let paths = if args.attr_paths.is_empty() {
            vec![String::new()]
        } else {
            args.attr_paths.clone()
        };
        let mut out = Vec::new();
        for path in paths {
            let mut cur = v;
            for comp in path.split('.').filter(|c| !c.is_empty()) {
                cur = auto_call(&mut ev, cur, &auto_args, false)?;
                cur = ev.force(&cur)?;
                cur = select_step(&cur, comp, &path)?;
            }
            cur = auto_call(&mut ev, cur, &auto_args, false)?;
            cur = ev.force(&cur)?;
            if args.instantiate {
                for line in instantiate::drv_paths(&mut ev, cur)? {
                    out.extend_from_slice(line.as_bytes());
                    out.push(b'\n');
                }
            } else if args.json {
                if args.strict {
                    cur = ev.force_deep(&cur)?;
                }
                out.extend(ev.to_json(&cur, args.strict)?);
                // Current Nix ends each value with a newline (2.8 did not).
                out.push(b'\n');
            } else if args.xml {
                if args.strict {
                    cur = ev.force_deep(&cur)?;
                }
                out.extend(tangle_eval::print::xml::to_xml(&cur, !args.no_location)?);
            } else {
                if args.strict {
                    cur = ev.force_deep(&cur)?;
                }
                out.extend(ev.print(&cur));
                out.push(b'\n');
            }
        }
        Ok(out)
    })();
    if args.eval_stats {
        let _ = std::io::stderr().write_all(ev.stats_json().as_bytes());
    }
    match result {
        Ok(out) => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            let _ = lock.write_all(&out);
            let _ = lock.flush();
            // Values may form long chains; let the OS reclaim them at once.
            std::mem::forget(ev);
            0
        }
        Err(e) => {
            // The message may hold bytes that are not UTF-8, as Nix's do.
            let _ = std::io::stderr().write_all(&e.render_bytes(args.show_trace));
            std::mem::forget(ev);
            1
        }
    }
}

fn select_step(v: &Value, comp: &str, path: &str) -> tangle_eval::Result<Value> {
    match v {
        Value::Attrs(a) => a.get_str(comp).cloned().ok_or_else(|| {
            let mut msg = format!(
                "attribute '{}' in selection path '{}' not found",
                comp, path
            );
            let names = a.entries().iter().map(|(k, _)| k.as_str());
            if let Some(hint) = tangle_eval::error::did_you_mean(comp, names) {
                msg.push('\n');
                msg.push_str(&hint);
            }
            tangle_eval::Error::eval(msg)
        }),
        Value::List(l) => {
            let idx: usize = comp.parse().map_err(|_| {
                tangle_eval::Error::eval(format!(
                    "the expression selected by the selection path '{}' should be a set but is a list",
                    path
                ))
            })?;
            l.get(idx).cloned().ok_or_else(|| {
                tangle_eval::Error::eval(format!(
                    "list index {} in selection path '{}' is out of range",
                    idx, path
                ))
            })
        }
        other => Err(tangle_eval::Error::eval(format!(
            "the expression selected by the selection path '{}' should be a set but is {}",
            path,
            other.show_type()
        ))),
    }
}

fn auto_args(
    ev: &mut Evaluator,
    args: &EvalArgs,
    cwd: &str,
) -> tangle_eval::Result<Vec<(String, Value)>> {
    let mut out = Vec::new();
    for (name, expr) in &args.args {
        let v = ev.eval_string(expr, "«string»", cwd)?;
        out.push((name.clone(), v));
    }
    for (name, s) in &args.argstrs {
        out.push((name.clone(), Value::string(s.as_str())));
    }
    Ok(out)
}

/// nix-instantiate calls a top-level function with formals, passing the
/// `--arg`/`--argstr` values it names (`always`: also without any, as
/// `nix repl` loads a file).
fn auto_call(
    ev: &mut Evaluator,
    v: Value,
    auto: &[(String, Value)],
    always: bool,
) -> tangle_eval::Result<Value> {
    let v = ev.force(&v)?;
    // Like nix-instantiate: without --arg/--argstr, functions are printed.
    if auto.is_empty() && !always {
        return Ok(v);
    }
    let formals = match &v {
        Value::Closure(c) => match &c.lambda.formals {
            Some(f) => f,
            None => return Ok(v),
        },
        _ => return Ok(v),
    };
    let mut entries = Vec::new();
    for f in &formals.entries {
        match auto.iter().rev().find(|(n, _)| n == f.name.as_str()) {
            Some((_, val)) => entries.push((f.name, *val)),
            None if f.default.is_some() => {}
            None => {
                return Err(tangle_eval::Error::eval(format!(
                    "cannot evaluate a function that has an argument without a value ('{}')",
                    f.name
                )))
            }
        }
    }
    if formals.ellipsis {
        for (n, val) in auto {
            let sym = tangle_eval::symbol::Symbol::new(n);
            if !entries.iter().any(|(k, _)| *k == sym) {
                entries.push((sym, *val));
            }
        }
    }
    let arg = Value::attrs(tangle_eval::value::Attrs::from_unsorted(entries));
    ev.call(&v, arg)
}

#[cfg(test)]
mod tests {
    use super::split_nix_path;

    #[test]
    fn nix_path_keeps_urls_whole() {
        assert_eq!(split_nix_path("a=/x:/y"), vec!["a=/x", "/y"]);
        assert_eq!(
            split_nix_path("nixpkgs=https://h/n.tar.gz:b=/z"),
            vec!["nixpkgs=https://h/n.tar.gz", "b=/z"]
        );
        assert_eq!(split_nix_path("https://h/x:/q"), vec!["https://h/x", "/q"]);
        assert_eq!(split_nix_path("/a::/b"), vec!["/a", "", "/b"]);
    }
}
