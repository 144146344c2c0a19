//! Evaluation errors: what went wrong, where, and the chain of calls that led
//! there.

use crate::source::Pos;
use std::fmt::{self, Write};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `throw`: catchable by `tryEval`.
    Throw,
    /// A failed `assert`: catchable by `tryEval`.
    Assert,
    /// `abort`: never caught.
    Abort,
    Parse,
    /// Any other evaluation error (type errors, missing attributes, ...).
    Eval,
    InfiniteRecursion,
    StackOverflow,
}

/// An evaluation error. Boxed: it travels in every `Result` the evaluator
/// returns, and a pointer-sized error keeps `Result<Value>` two words
/// (measured: the unboxed error made every result a large copy, with store
/// forwarding stalls on the builtin call path). Its fields are those of
/// [`ErrorData`], reached through `Deref`.
#[derive(Clone, Debug)]
pub struct Error(Box<ErrorData>);

impl std::ops::Deref for Error {
    type Target = ErrorData;
    fn deref(&self) -> &ErrorData {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut ErrorData {
        &mut self.0
    }
}

#[derive(Clone, Debug)]
pub struct ErrorData {
    pub kind: ErrorKind,
    pub message: String,
    pub pos: Option<Pos>,
    /// Context added while unwinding, innermost first: ("while evaluating ...", where).
    pub trace: Vec<(String, Option<Pos>)>,
    /// The error passed through a place where Nix records a trace entry even
    /// without `--show-trace` (forcing a selected attribute, forcing a set's
    /// attributes deeply, evaluating an imported file); Nix then tells the
    /// user about `--show-trace`.
    pub trace_hint: bool,
    /// Nix reports this error without a position (store and file-system
    /// errors, disabled experimental features): unwinding does not give it
    /// one, and its hint follows the message directly.
    pub positionless: bool,
    /// Nix reports this as a usage error: its command line follows the
    /// message with a line pointing to `--help`.
    pub usage: bool,
    /// The message's exact bytes when they are not UTF-8 (Nix prints an
    /// illegal character of a store path name as its first byte alone);
    /// `message` then holds them decoded lossily. See
    /// [`Error::render_bytes`].
    pub message_bytes: Option<Vec<u8>>,
    /// Nix's "Did you mean …?" line, shown under the position (a missing
    /// attribute, an unexpected argument).
    pub suggestion: Option<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error(Box::new(ErrorData {
            kind,
            message: message.into(),
            pos: None,
            trace: Vec::new(),
            trace_hint: false,
            positionless: false,
            usage: false,
            message_bytes: None,
            suggestion: None,
        }))
    }

    /// Make `bytes` the message; when they are not UTF-8 they are kept as
    /// they are for [`Error::render_bytes`].
    pub fn with_message_bytes(mut self, bytes: Vec<u8>) -> Error {
        match String::from_utf8(bytes) {
            Ok(text) => {
                self.message = text;
                self.message_bytes = None;
            }
            Err(e) => {
                let bytes = e.into_bytes();
                self.message = String::from_utf8_lossy(&bytes).into_owned();
                self.message_bytes = Some(bytes);
            }
        }
        self
    }

    /// An error that Nix shows without a position.
    pub fn positionless(mut self) -> Error {
        self.positionless = true;
        self
    }

    pub fn eval(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Eval, message)
    }

    /// An error Nix raises outside the evaluator proper (store, file
    /// system): it carries no position, so Nix follows it with its
    /// "use '--show-trace'" hint.
    pub fn hinted(message: impl Into<String>) -> Error {
        let mut e = Error::eval(message);
        e.trace_hint = true;
        e.positionless = true;
        e
    }

    pub fn at(mut self, pos: Option<Pos>) -> Error {
        if self.pos.is_none() && !self.positionless {
            self.pos = pos;
        }
        self
    }

    /// Add Nix's "Did you mean …?" line for `query` among `candidates`
    /// (nothing when none is close).
    pub fn suggest<'a>(mut self, query: &str, candidates: impl Iterator<Item = &'a str>) -> Error {
        self.suggestion = did_you_mean(query, candidates);
        self
    }

    pub fn is_catchable(&self) -> bool {
        matches!(self.kind, ErrorKind::Throw | ErrorKind::Assert)
    }

    /// The error as `nix-instantiate` prints it: message, location with a
    /// snippet, and (with `show_trace`) the trace entries, through the
    /// logger's filter (`print::terminal`).
    pub fn render(&self, show_trace: bool) -> String {
        crate::print::terminal::filter_str(&self.render_unfiltered(show_trace))
    }

    /// [`Error::render`] before the logger's filter.
    fn render_unfiltered(&self, show_trace: bool) -> String {
        const HINT: &str = "(use '--show-trace' to show detailed location information)";
        let mut out = String::new();
        // Nix indents the message's continuation lines under its first.
        out.push_str("error: ");
        for (i, line) in self.message.split('\n').enumerate() {
            if i > 0 {
                out.push('\n');
                if !line.is_empty() {
                    out.push_str("       ");
                }
            }
            out.push_str(line);
        }
        if self.usage {
            out.push_str("\nTry 'nix-instantiate --help' for more information.");
        }
        let hint = self.trace_hint && !show_trace;
        // Nix gives `throw`/`abort` errors no position, so its hint follows
        // the message directly; Tangle shows the position after it.
        let early_hint =
            hint && (self.positionless || matches!(self.kind, ErrorKind::Throw | ErrorKind::Abort));
        if early_hint {
            let _ = write!(out, "\n{}", HINT);
        }
        if let Some(pos) = &self.pos {
            render_pos(&mut out, pos);
        }
        if let Some(s) = &self.suggestion {
            let _ = write!(out, "\n       {}", s);
        }
        if hint && !early_hint {
            let _ = write!(out, "\n{}", HINT);
        }
        if show_trace {
            for (what, pos) in &self.trace {
                let _ = write!(out, "\n\n       … {}", what);
                if let Some(pos) = pos {
                    render_pos(&mut out, pos);
                }
            }
        }
        out.push('\n');
        out
    }
}

impl Error {
    /// [`Error::render`] as bytes, with the message's exact bytes (see
    /// `message_bytes`): what the CLI writes to stderr.
    pub fn render_bytes(&self, show_trace: bool) -> Vec<u8> {
        let text = self.render_unfiltered(show_trace);
        let Some(raw) = &self.message_bytes else {
            return crate::print::terminal::filter(text.as_bytes());
        };
        // `render` starts with "error: " and the indented message.
        const START: usize = "error: ".len();
        let shown = indent_message(self.message.as_bytes()).len();
        let text = text.as_bytes();
        let mut out = text[..START].to_vec();
        out.extend(indent_message(raw));
        out.extend_from_slice(text.get(START + shown..).unwrap_or_default());
        crate::print::terminal::filter(&out)
    }
}

/// A message as `render` writes it: continuation lines indented under the
/// first.
fn indent_message(message: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(message.len());
    for (i, line) in message.split(|&c| c == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
            if !line.is_empty() {
                out.extend_from_slice(b"       ");
            }
        }
        out.extend_from_slice(line);
    }
    out
}

/// A position as Nix 2.8 shows it: `at FILE:LINE:COL:`, then the line
/// before (if any), the line itself, a caret under the column and the line
/// after (if any). Line numbers are right-aligned in six columns after a
/// seven-space indent; each line loses its trailing blanks; the caret is
/// indented with spaces, one per byte before the column. Which lines exist
/// follows 2.8 (`Source::code_line`): when the position's own line does
/// not, only the `at` line is shown.
fn render_pos(out: &mut String, pos: &Pos) {
    let (line, col) = pos.line_col();
    let _ = write!(out, "\n\n       at {}:{}:{}:", pos.source.name, line, col);
    let Some(text) = pos.source.code_line(line) else {
        return;
    };
    let code = |out: &mut String, n: usize, text: &str| {
        let text = text.trim_end_matches([' ', '\t', '\r', '\n']);
        let _ = write!(out, "\n       {:>6}|", n);
        if !text.is_empty() {
            let _ = write!(out, " {}", text);
        }
    };
    out.push('\n');
    if let Some(before) = line.checked_sub(1).and_then(|l| pos.source.code_line(l)) {
        code(out, line - 1, before);
    }
    code(out, line, text);
    let _ = write!(
        out,
        "\n             | {}^",
        " ".repeat(col.saturating_sub(1))
    );
    if let Some(after) = pos.source.code_line(line + 1) {
        code(out, line + 1, after);
    }
}

/// A warning as current Nix prints it (`PREFIX` is `warning: ` or
/// `evaluation warning: `): the message, then the position with the
/// source lines around it, every line after the first indented under the
/// message and stripped of trailing blanks.
pub fn warning_text(prefix: &str, msg: &str, pos: Option<&crate::source::Pos>) -> String {
    let mut body = format!("{}\n", msg);
    if let Some(pos) = pos {
        let (line, col) = pos.line_col();
        body.push_str(&format!("at {}:{}:{}:", pos.source.name, line, col));
        let lines = pos.source.text.split('\n').count();
        if line > 1 {
            body.push_str(&format!(
                "\n {:>5}| {}",
                line - 1,
                pos.source.line_text(line - 1)
            ));
        }
        body.push_str(&format!("\n {:>5}| {}", line, pos.source.line_text(line)));
        body.push_str(&format!("\n      |{}^", " ".repeat(col)));
        if line < lines {
            body.push_str(&format!(
                "\n {:>5}| {}",
                line + 1,
                pos.source.line_text(line + 1)
            ));
        }
    }
    let indent = " ".repeat(prefix.len());
    body.trim_end()
        .split('\n')
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 { prefix } else { indent.as_str() };
            format!("{}{}", lead, l).trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Nix's "Did you mean …?" line: the (at most five) candidates closest to
/// `query` by edit distance (in characters), none further than two edits, nearest first
/// and alphabetical among equals.
pub fn did_you_mean<'a>(query: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut close: Vec<(usize, &str)> = candidates
        .map(|c| (strsim::levenshtein(query, c), c))
        .filter(|(d, _)| *d <= 2)
        .collect();
    close.sort_unstable();
    close.truncate(5);
    match close.as_slice() {
        [] => None,
        [(_, one)] => Some(format!("Did you mean {}?", one)),
        [init @ .., (_, last)] => {
            let init: Vec<&str> = init.iter().map(|(_, c)| *c).collect();
            Some(format!(
                "Did you mean one of {} or {}?",
                init.join(", "),
                last
            ))
        }
    }
}

/// The type errors whose wording is current Nix's (≥ 2.20): each names
/// the type found and shows the value itself, printed by
/// [`error_value`](crate::print::error_value::error_value). Every type
/// error goes through one of these, so the wording lives here only.
pub mod type_error {
    use super::Error;
    use crate::print::error_value::error_value;
    use crate::value::Value;

    /// A value of the wrong type: "expected a set but found an integer: 1".
    /// `what` is the type wanted with its article ("a set", "an integer").
    pub fn expected(what: &str, found: &Value) -> Error {
        Error::eval(format!(
            "expected {} but found {}: {}",
            what,
            found.show_type(),
            error_value(found)
        ))
    }

    /// A call of something that is not a function.
    pub fn not_a_function(v: &Value) -> Error {
        Error::eval(format!(
            "attempt to call something which is not a function but {}: {}",
            v.show_type(),
            error_value(v)
        ))
    }

    /// A value that has no string form (a set without `__toString` or
    /// `outPath`, a list where one is not allowed, a function, ...).
    pub fn cannot_coerce(v: &Value) -> Error {
        Error::eval(format!(
            "cannot coerce {} to a string: {}",
            v.show_type(),
            error_value(v)
        ))
    }

    /// `<` on values it does not order: of two different types, or of a
    /// type without an order (sets, Booleans, null, functions).
    pub fn cannot_compare(a: &Value, b: &Value) -> Error {
        let (ta, tb) = (a.show_type(), b.show_type());
        let (va, vb) = (error_value(a), error_value(b));
        if same_type(a, b) {
            Error::eval(format!(
                "cannot compare {} with {}; values of that type are incomparable (values are {} and {})",
                ta, tb, va, vb
            ))
        } else {
            Error::eval(format!(
                "cannot compare {} with {}; values are {} and {}",
                ta, tb, va, vb
            ))
        }
    }

    /// Nix's value types: every kind of function is one type.
    fn same_type(a: &Value, b: &Value) -> bool {
        match (a, b) {
            _ if a.is_function() && b.is_function() => true,
            _ => std::mem::discriminant(a) == std::mem::discriminant(b),
        }
    }
}
