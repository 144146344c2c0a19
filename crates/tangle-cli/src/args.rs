//! Command-line parsing: `tangle eval ...` (with clap) and the
//! `nix-instantiate` spelling (translated to the same options). Nix's
//! settings (`--option NAME VALUE`, `--show-trace`, `--max-call-depth N`,
//! `--extra-experimental-features F`, `--lint-url-literals L`, …) are taken
//! out by `settings` first, in either spelling; the settings clap lists
//! are there for `--help`.

use crate::settings::{self, Settings};
use clap::Parser;

pub enum Source {
    File(String),
    Expr(String),
    Stdin,
}

pub struct EvalArgs {
    pub source: Source,
    pub strict: bool,
    pub json: bool,
    pub xml: bool,
    pub no_location: bool,
    pub attr_paths: Vec<String>,
    pub args: Vec<(String, String)>,
    pub argstrs: Vec<(String, String)>,
    pub include: Vec<String>,
    pub show_trace: bool,
    pub max_call_depth: usize,
    pub parse_only: bool,
    /// `tangle instantiate`: print `.drv` paths instead of the value.
    pub instantiate: bool,
    /// With `instantiate`: write the `.drv` and `toFile` files here.
    pub drv_dir: Option<String>,
    pub abort_on_warn: bool,
    pub trace_verbose: bool,
    /// Print what the evaluation did, as JSON on standard error (also
    /// with `NIX_SHOW_STATS=1`, as Nix does).
    pub eval_stats: bool,
    /// The experimental features enabled and the lints' levels.
    pub features: tangle_eval::settings::Features,
    pub lints: tangle_eval::settings::Lints,
    /// The `nix-path` setting (replacing `$NIX_PATH`) and `extra-nix-path`.
    pub nix_path: Option<Vec<String>>,
    pub extra_nix_path: Vec<String>,
    /// Warnings about the settings, printed before evaluating.
    pub warnings: Vec<String>,
}

#[derive(Parser)]
#[command(name = "tangle", version, about = "A fast, stackless Nix evaluator")]
enum Cli {
    /// Evaluate a Nix expression and print its value (like `nix-instantiate --eval`).
    Eval(EvalCli),
    /// Print the `.drv` paths of the derivations an expression evaluates to
    /// (like `nix-instantiate`); nothing is written to /nix/store.
    Instantiate(InstantiateCli),
    /// Read expressions and commands, evaluate them and print their values
    /// (like `nix repl`; `:?` lists the commands).
    Repl(ReplCli),
}

/// What `tangle repl` was given.
pub struct ReplArgs {
    /// Files loaded at the start, as `:l` loads them.
    pub files: Vec<String>,
    pub include: Vec<String>,
    pub args: Vec<(String, String)>,
    pub argstrs: Vec<(String, String)>,
    pub show_trace: bool,
    pub max_call_depth: usize,
    /// Print the prompt and each line read, as a terminal shows them (for
    /// comparing a piped transcript with `nix repl`'s).
    pub echo: bool,
}

#[derive(clap::Args)]
struct ReplCli {
    /// Add a search path entry (`PATH` or `PREFIX=PATH`).
    #[arg(short = 'I', long = "include", value_name = "PATH")]
    include: Vec<String>,
    /// Pass `--arg NAME EXPR` to loaded files that are functions.
    #[arg(long, num_args = 2, value_names = ["NAME", "EXPR"], action = clap::ArgAction::Append)]
    arg: Vec<String>,
    /// Pass `--argstr NAME STRING` to loaded files that are functions.
    #[arg(long, num_args = 2, value_names = ["NAME", "STRING"], action = clap::ArgAction::Append)]
    argstr: Vec<String>,
    /// Show the chain of calls that led to an error.
    #[arg(long)]
    show_trace: bool,
    /// Deepest call/force nesting before a clean "max-call-depth exceeded" error.
    #[arg(long, default_value_t = 10_000_000)]
    max_call_depth: usize,
    /// Print the prompt and each line read, as a terminal shows them, also
    /// when standard input is not a terminal (to compare transcripts with
    /// `nix repl`).
    #[arg(long, hide = true)]
    echo: bool,
    /// Files to load into scope, as `:l` does.
    files: Vec<String>,
}

/// The command line: `tangle eval`/`instantiate` (and `nix-instantiate`),
/// or `tangle repl`.
pub enum Command {
    Eval(EvalArgs),
    Repl(ReplArgs),
}

#[derive(clap::Args)]
struct InstantiateCli {
    #[command(flatten)]
    eval: EvalCli,
    /// Also write every derivation made (and every `toFile` text) into this
    /// directory, named like its store path.
    #[arg(long, value_name = "DIR")]
    drv_dir: Option<String>,
}

#[derive(clap::Args)]
struct EvalCli {
    /// Evaluate the value completely (nested attributes and list elements).
    #[arg(long)]
    strict: bool,
    /// Print the value as JSON.
    #[arg(long)]
    json: bool,
    /// Print the value as XML.
    #[arg(long)]
    xml: bool,
    /// Leave source positions out of the XML output.
    #[arg(long)]
    no_location: bool,
    /// Select an attribute path from the value.
    #[arg(short = 'A', long = "attr", value_name = "ATTRPATH")]
    attr: Vec<String>,
    /// Pass `--arg NAME EXPR` to a top-level function.
    #[arg(long, num_args = 2, value_names = ["NAME", "EXPR"], action = clap::ArgAction::Append)]
    arg: Vec<String>,
    /// Pass `--argstr NAME STRING` to a top-level function.
    #[arg(long, num_args = 2, value_names = ["NAME", "STRING"], action = clap::ArgAction::Append)]
    argstr: Vec<String>,
    /// Add a search path entry (`PATH` or `PREFIX=PATH`).
    #[arg(short = 'I', long = "include", value_name = "PATH")]
    include: Vec<String>,
    /// Show the chain of calls that led to an error.
    #[arg(long)]
    show_trace: bool,
    /// Deepest call/force nesting before a clean "max-call-depth exceeded" error.
    #[arg(long, default_value_t = 10_000_000)]
    max_call_depth: usize,
    /// Make `builtins.warn` stop evaluation with an error after printing the warning.
    #[arg(long)]
    abort_on_warn: bool,
    /// Make `builtins.traceVerbose` print like `builtins.trace` (otherwise it does nothing).
    #[arg(long)]
    trace_verbose: bool,
    /// After evaluating, print statistics as JSON on standard error, shaped
    /// like C++ Nix's `NIX_SHOW_STATS=1` output (which also turns this on;
    /// `NIX_COUNT_CALLS=1` adds builtin calls by name).
    #[arg(long)]
    eval_stats: bool,
    /// Only parse and compile; report syntax errors.
    #[arg(long)]
    parse: bool,
    /// Evaluate this expression instead of a file.
    #[arg(short = 'E', long = "expr")]
    expr: bool,
    /// A file to evaluate, `-` for standard input, or the expression with -E.
    input: Option<String>,
}

fn pairs(v: Vec<String>) -> Vec<(String, String)> {
    v.chunks(2)
        .filter(|c| c.len() == 2)
        .map(|c| (c[0].clone(), c[1].clone()))
        .collect()
}

fn from_cli(c: EvalCli) -> EvalArgs {
    let source = match (c.expr, c.input) {
        (true, Some(e)) => Source::Expr(e),
        (false, Some(f)) if f == "-" => Source::Stdin,
        (false, Some(f)) => Source::File(f),
        (_, None) => Source::File("default.nix".into()),
    };
    EvalArgs {
        source,
        strict: c.strict,
        json: c.json,
        xml: c.xml,
        no_location: c.no_location,
        attr_paths: c.attr,
        args: pairs(c.arg),
        argstrs: pairs(c.argstr),
        include: c.include,
        show_trace: c.show_trace,
        max_call_depth: c.max_call_depth,
        parse_only: c.parse,
        instantiate: false,
        drv_dir: None,
        abort_on_warn: c.abort_on_warn,
        trace_verbose: c.trace_verbose,
        eval_stats: c.eval_stats
            || std::env::var("NIX_SHOW_STATS").is_ok_and(|v| !v.is_empty() && v != "0"),
        features: Default::default(),
        lints: Default::default(),
        nix_path: None,
        extra_nix_path: Vec::new(),
        warnings: Vec::new(),
    }
}

/// Apply the settings taken from the command line.
fn apply(a: &mut EvalArgs, s: Settings) {
    a.show_trace = s.show_trace;
    a.abort_on_warn = s.abort_on_warn;
    a.trace_verbose = s.trace_verbose;
    if let Some(n) = s.max_call_depth {
        a.max_call_depth = n;
    }
    a.features = s.features();
    a.lints = s.lints;
    a.nix_path = s.nix_path;
    a.extra_nix_path = s.extra_nix_path;
    a.warnings = s.warnings;
}

/// Parse the command line; Err carries the exit code after printing help or
/// an error.
pub fn parse(argv: Vec<String>) -> Result<Command, i32> {
    let prog = argv
        .first()
        .map(|a| a.rsplit('/').next().unwrap_or(a).to_string())
        .unwrap_or_default();
    let nix_instantiate = prog == "nix-instantiate";
    let mut argv = if nix_instantiate {
        translate_nix_instantiate(&argv[1..])?
    } else {
        argv
    };
    // Nix's settings are taken out first (`settings`); clap reads the rest.
    let mut settings = Settings::default();
    if argv.len() > 1 && matches!(argv[1].as_str(), "eval" | "instantiate") {
        match settings::extract(&argv[2..]) {
            Ok((rest, s)) => {
                argv.truncate(2);
                argv.extend(rest);
                settings = s;
            }
            Err(message) => {
                let shown = if nix_instantiate {
                    prog.clone()
                } else {
                    format!("tangle {}", argv[1])
                };
                eprintln!(
                    "error: {}\nTry '{} --help' for more information.",
                    message, shown
                );
                return Err(1);
            }
        }
    }
    match Cli::try_parse_from(argv) {
        Ok(Cli::Eval(c)) => {
            let mut a = from_cli(c);
            apply(&mut a, settings);
            Ok(Command::Eval(a))
        }
        Ok(Cli::Instantiate(c)) => {
            let mut a = from_cli(c.eval);
            a.instantiate = true;
            a.drv_dir = c.drv_dir;
            apply(&mut a, settings);
            Ok(Command::Eval(a))
        }
        Ok(Cli::Repl(c)) => Ok(Command::Repl(ReplArgs {
            files: c.files,
            include: c.include,
            args: pairs(c.arg),
            argstrs: pairs(c.argstr),
            show_trace: c.show_trace,
            max_call_depth: c.max_call_depth,
            echo: c.echo,
        })),
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            Err(code)
        }
    }
}

/// Map nix-instantiate's flags onto `tangle eval`, ignoring the ones that
/// have no meaning for an evaluator without a store.
fn translate_nix_instantiate(rest: &[String]) -> Result<Vec<String>, i32> {
    let mut out = vec!["tangle".to_string(), "eval".to_string()];
    let mut drv_dir = None;
    let mut eval = false;
    let mut i = 0;
    while i < rest.len() {
        let a = rest[i].as_str();
        match a {
            "--eval" | "--eval-only" => eval = true,
            "--parse" => {
                eval = true;
                out.push("--parse".into());
            }
            "--read-write-mode" | "--readonly-mode" | "--no-build-output" | "-Q" | "--quiet" => {}
            "-j" => i += 1,
            "--indirect" => {}
            "--add-root" => i += 1,
            "--drv-dir" => {
                drv_dir = rest.get(i + 1).cloned();
                i += 1;
            }
            _ => out.push(a.to_string()),
        }
        i += 1;
    }
    if !eval {
        // Without --eval, nix-instantiate instantiates derivations.
        out[1] = "instantiate".to_string();
        if let Some(d) = drv_dir {
            out.push("--drv-dir".to_string());
            out.push(d);
        }
    }
    Ok(out)
}
