//! `fromTOML`, as Nix 2.8 (which used the toml11 library) reads TOML.
//!
//! - The document is read by [`reader`] in toml11's order and by its rules
//!   for putting values into tables ([`tree`]); a key defined twice, or a
//!   table defined again or extended where toml11 does not allow it, is
//!   toml11's error at two places. Numbers are read as 2.8 reads them
//!   ([`scalar`]: decimal, hexadecimal and octal integers clamped to 64
//!   bits, binary ones wrapped, floats clamped to the largest finite
//!   value). The reader uses no stack for nesting: documents read at any
//!   depth (2.8 itself runs out of stack or memory between 10 000 and
//!   20 000 levels).
//! - What that reader does not take for valid TOML is parsed again by the
//!   `toml` crate, for its error (or, should the crate accept it, its
//!   value), laid out like toml11's with its titles for the common errors.
//!   That parser recurses: it runs on a thread with a stack sized from a
//!   bound on the document's depth, and documents that may nest deeper
//!   than [`MAX_DEPTH`] are refused with a stack overflow error before it
//!   starts.

mod reader;
mod scalar;
mod tree;

use super::super::{ok, string_no_context, PrimRet};
use crate::error::{Error, ErrorKind, Result};
use crate::symbol::Symbol;
use crate::value::{Attrs, Value};
use crate::vm::Vm;
use std::borrow::Cow;

/// Documents whose depth bound is at most this are parsed on the caller's
/// stack.
const DIRECT_DEPTH: usize = 64;
/// Deeper documents are refused by the fallback parser (with a stack
/// overflow error, as 2.8 runs out of stack or memory well before this).
const MAX_DEPTH: usize = 40_000;
/// Stack reserved per level of the depth bound (the parser takes a few
/// kilobytes per level; the reservation is only committed as it is used).
const STACK_PER_LEVEL: usize = 16 * 1024;

fn toml_error(message: impl std::fmt::Display) -> Error {
    Error::eval(format!("while parsing a TOML string: {}", message))
}

pub fn from_toml(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = string_no_context(&a[0])?;
    let text =
        std::str::from_utf8(&s.bytes).map_err(|_| toml_error("the input is not valid UTF-8"))?;
    ok(read(text)?)
}

/// Reads a document: with [`reader`], or if that finds no valid TOML, with
/// the `toml` crate.
fn read(text: &str) -> Result<Value> {
    match reader::read(text) {
        Ok((tree, root)) => tree.into_value(root).map_err(toml_error),
        Err(reader::Failure::Conflict(c)) => Err(toml_error(two_places(
            text,
            &c.title,
            (c.first.0, c.first.1, &c.first.2),
            (c.second.0, c.second.1, c.second.2),
        ))),
        Err(reader::Failure::Syntax { statement }) => match parse(text) {
            Ok(table) => toml_to_value(toml::Value::Table(table)),
            // toml11 stops at the first error in its order; the `toml`
            // crate may stop earlier, at a key it takes for defined twice.
            // Everything before the statement the reader stopped at is
            // valid: blanked out, it leaves the crate that statement's
            // error.
            Err(e) => match parse(&blank_before(text, statement)) {
                Err(at_statement) => Err(at_statement),
                Ok(_) => Err(e),
            },
        },
    }
}

/// `text` with everything before `offset` turned into spaces, line breaks
/// kept (so lines keep their numbers).
fn blank_before(text: &str, offset: usize) -> String {
    let head: String = text[..offset]
        .chars()
        .map(|c| if c == '\n' { '\n' } else { ' ' })
        .collect();
    head + &text[offset..]
}

/// Parse a document, reading numbers that do not fit as 2.8 does.
fn parse(text: &str) -> Result<toml::Table> {
    let depth = depth_bound(text);
    if depth > MAX_DEPTH {
        return Err(Error::new(
            ErrorKind::StackOverflow,
            "stack overflow (possible infinite recursion)",
        )
        .positionless());
    }
    let mut doc = Cow::Borrowed(text);
    loop {
        let e = match parse_on_stack(&doc, depth)? {
            Ok(table) => return Ok(table),
            Err(e) => e,
        };
        match clamp_number(&doc, &e) {
            Some(fixed) => doc = Cow::Owned(fixed),
            None => {
                return Err(toml_error(toml_syntax_error(&doc, &e)));
            }
        }
    }
}

/// Run the parser, on a thread with a large enough stack if the document
/// may nest deeply.
fn parse_on_stack(
    text: &str,
    depth: usize,
) -> Result<std::result::Result<toml::Table, toml::de::Error>> {
    if depth <= DIRECT_DEPTH {
        return Ok(text.parse());
    }
    let stack = (1 << 20) + depth * STACK_PER_LEVEL;
    std::thread::scope(|scope| {
        let parser = std::thread::Builder::new()
            .stack_size(stack)
            .spawn_scoped(scope, || text.parse::<toml::Table>())
            .map_err(|e| toml_error(format!("cannot start the parser: {}", e)))?;
        parser.join().map_err(|_| toml_error("the parser failed"))
    })
}

/// Where a scan of TOML text is: in plain text, a comment or a string.
#[derive(Clone, Copy, PartialEq)]
enum Lex {
    Plain,
    Comment,
    Basic,
    Literal,
    MultiBasic,
    MultiLiteral,
}

/// One step of a scan of TOML text: the state after byte `b[i]` (entered
/// in `state`), and how many bytes that step takes.
fn lex_step(b: &[u8], i: usize, state: Lex) -> (Lex, usize) {
    let c = b[i];
    match state {
        Lex::Plain => match c {
            b'#' => (Lex::Comment, 1),
            b'"' if b[i..].starts_with(b"\"\"\"") => (Lex::MultiBasic, 3),
            b'"' => (Lex::Basic, 1),
            b'\'' if b[i..].starts_with(b"'''") => (Lex::MultiLiteral, 3),
            b'\'' => (Lex::Literal, 1),
            _ => (Lex::Plain, 1),
        },
        // A one-line string that meets a line end is broken: the parser
        // stops there, so going on as plain text is safe.
        Lex::Comment | Lex::Basic | Lex::Literal if c == b'\n' => (Lex::Plain, 0),
        Lex::Basic | Lex::MultiBasic if c == b'\\' => (state, 2),
        Lex::Basic if c == b'"' => (Lex::Plain, 1),
        Lex::Literal if c == b'\'' => (Lex::Plain, 1),
        Lex::MultiBasic | Lex::MultiLiteral => {
            let q = if state == Lex::MultiBasic {
                b'"'
            } else {
                b'\''
            };
            let run = b[i..].iter().take_while(|&&x| x == q).count();
            if run >= 3 {
                // Up to two quotes before the closing three belong to the
                // string.
                (Lex::Plain, run.min(5))
            } else {
                (state, run.max(1))
            }
        }
        _ => (state, 1),
    }
}

/// An upper bound on how deeply the parser may nest in `text`: each level
/// is an array or inline table (an open bracket) or a part of a dotted key
/// or table header (a dot; keys, headers and inline tables are each on one
/// line).
fn depth_bound(text: &str) -> usize {
    let b = text.as_bytes();
    let (mut depth, mut max_depth, mut dots, mut max_dots) = (0usize, 0usize, 0usize, 0usize);
    let mut state = Lex::Plain;
    let mut i = 0;
    while i < b.len() {
        if state == Lex::Plain {
            match b[i] {
                b'[' | b'{' => {
                    depth += 1;
                    max_depth = max_depth.max(depth);
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                b'.' => {
                    dots += 1;
                    max_dots = max_dots.max(dots);
                }
                _ => {}
            }
        }
        if b[i] == b'\n' {
            dots = 0;
        }
        let (next, len) = lex_step(b, i, state);
        state = next;
        i += len.max(usize::from(b[i] == b'\n'));
    }
    2 * max_depth + 3 * max_dots + 8
}

/// If the parser stopped at a number that does not fit, the document with
/// that number replaced by the value Nix 2.8 reads for it.
fn clamp_number(text: &str, e: &toml::de::Error) -> Option<String> {
    let message = e.message();
    let is_int = message.starts_with("number too large") || message.starts_with("number too small");
    if !is_int && !message.starts_with("invalid floating-point number") {
        return None;
    }
    let start = e.span()?.start;
    let len = text
        .get(start..)?
        .find(|c: char| !(c.is_ascii_alphanumeric() || "_+-.".contains(c)))
        .unwrap_or(text.len() - start);
    let token = &text[start..start + len];
    let digits: String = token.chars().filter(|&c| c != '_').collect();
    let replacement = if is_int {
        clamped_integer(&digits)?.to_string()
    } else {
        let f: f64 = digits.parse().ok()?;
        if !f.is_infinite() {
            return None;
        }
        format!("{:e}", f64::MAX.copysign(f))
    };
    Some(format!(
        "{}{}{}",
        &text[..start],
        replacement,
        &text[start + len..]
    ))
}

/// An integer literal (without underscores) that does not fit, as Nix 2.8
/// reads it: clamped, except binary digits, which wrap.
fn clamped_integer(digits: &str) -> Option<i64> {
    let (radix, body) = match digits.get(..2) {
        Some("0x") => (16, &digits[2..]),
        Some("0o") => (8, &digits[2..]),
        Some("0b") => (2, &digits[2..]),
        _ => (10, digits),
    };
    if radix == 2 {
        let mut v: i64 = 0;
        for c in body.chars() {
            v = v.wrapping_shl(1) | i64::from(c.to_digit(2)?);
        }
        return Some(v);
    }
    let negative = radix == 10 && body.starts_with('-');
    let magnitude = body.trim_start_matches(['+', '-']);
    if magnitude.is_empty() || !magnitude.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    Some(if negative { i64::MIN } else { i64::MAX })
}

/// toml11's layout of an error at two places (regions of the text, each
/// with a hint): each underlined on its first line (a one-character region
/// is marked `^---`).
fn two_places(
    text: &str,
    title: &str,
    first: (usize, usize, &str),
    second: (usize, usize, &str),
) -> String {
    let place = |(start, end, hint): (usize, usize, &str)| {
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line_no = text[..line_start].matches('\n').count() + 1;
        // toml11 counts bytes.
        let column = start - line_start;
        let mut len = end.saturating_sub(start);
        if end > line_end {
            len = len.min(line_end - line_start);
        }
        let marker = if len <= 1 {
            format!("^--- {}", hint)
        } else {
            format!("{} {}", "~".repeat(len), hint)
        };
        let line = text[line_start..line_end]
            .trim_end_matches('\r')
            .to_string();
        (line_no.to_string(), line, " ".repeat(column) + &marker)
    };
    let (n1, l1, m1) = place(first);
    let (n2, l2, m2) = place(second);
    let width = n1.len().max(n2.len());
    let pad = " ".repeat(width);
    format!(
        "[error] {title}\n --> fromTOML\n {pad} |\n {n1:>width$} | {l1}\n {pad} | {m1}\n ...\n {n2:>width$} | {l2}\n {pad} | {m2}"
    )
}

/// A syntax error in the layout of Nix 2.8's TOML library: a title, then
/// the line with a marker under the place. The titles of the common errors
/// are that library's; others keep the `toml` crate's wording.
fn toml_syntax_error(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim_end();
    let mut offset = e.span().map_or(0, |s| s.start).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..offset];
    let next = text[offset..].chars().next();
    // Where a string or a number that failed starts on its line.
    let quote_start = |q: char| {
        let mut at = line.rfind(q).unwrap_or(line.len());
        while line[..at].ends_with(q) {
            at -= 1;
        }
        at
    };
    let token_start = line
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || "_+-.".contains(c)))
        .map_or(0, |i| i + 1);
    let (title, hint, at): (String, String, usize) = match message {
        "expected `.`, `=`" => (
            "toml::parse_key_value_pair: missing key-value separator `=`".into(),
            "should be `=`".into(),
            line.len(),
        ),
        "" => (
            "toml::parse_key_value_pair: missing value after key-value separator '='".into(),
            "expected value, but got nothing".into(),
            line.len(),
        ),
        "expected newline, `#`" => (
            "toml::parse_table: invalid line format".into(),
            match next {
                Some(c) => format!("expected newline, but got '{}'.", c),
                None => "expected newline".into(),
            },
            line.len(),
        ),
        "invalid key" if next == Some('=') => (
            "toml::parse_key_value_pair: empty key is not allowed.".into(),
            "key expected before '='".into(),
            line.len(),
        ),
        m if m.starts_with("invalid string") && matches!(next, Some('t' | 'f')) => (
            "toml::parse_boolean:".into(),
            "the next token is not a boolean".into(),
            line.len(),
        ),
        m if m.starts_with("invalid basic string") || m.starts_with("invalid escape sequence") => (
            "toml::parse_basic_string: the next token is not a valid string".into(),
            "here".into(),
            quote_start('"'),
        ),
        m if m.starts_with("invalid multiline basic string") => (
            "toml::parse_ml_basic_string: the next token is not a valid multiline string".into(),
            "here".into(),
            quote_start('"'),
        ),
        m if m.starts_with("invalid literal string") => (
            "toml::parse_literal_string: the next token is not a valid literal string".into(),
            "here".into(),
            quote_start('\''),
        ),
        m if m.starts_with("invalid hexadecimal integer") => (
            "toml::parse_hexadecimal_integer".into(),
            "the next token is not an integer".into(),
            token_start,
        ),
        m if m.starts_with("invalid inline table") && next == Some(',') => (
            "toml::parse_inline_table: trailing comma is not allowed in an inline table".into(),
            "should be `}`".into(),
            line.len() + 1,
        ),
        m if m.starts_with("invalid inline table") && matches!(next, None | Some('\n')) => (
            "toml::parse_inline_table: missing curly brace `}`".into(),
            "should be `}`".into(),
            line.len(),
        ),
        m if m.starts_with("duplicate key `") => {
            let key = m["duplicate key `".len()..].split('`').next().unwrap_or("");
            (
                format!("toml::insert_value: value (\"{}\") already exists.", key),
                "value defined twice".into(),
                line.len(),
            )
        }
        m => (m.replace('\n', "; "), "here".into(), line.len()),
    };
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line_text = text[line_start..line_end].trim_end_matches('\r');
    let line_no = text[..line_start].matches('\n').count() + 1;
    // toml11 counts bytes.
    let column = at;
    let number = line_no.to_string();
    let pad = " ".repeat(number.len());
    format!(
        "[error] {}\n --> fromTOML\n {} |\n {} | {}\n {} | {}^--- {}",
        title,
        pad,
        number,
        line_text,
        pad,
        " ".repeat(column),
        hint
    )
}

/// A TOML node, opened up as far as the shape of its Nix value.
enum Node<N> {
    Scalar(Value),
    Array(Vec<N>),
    Table(Vec<(String, N)>),
}

/// A TOML string as Nix keeps it: as a C string, a NUL ends it.
fn toml_string(s: &str) -> Value {
    let end = s.find('\0').unwrap_or(s.len());
    Value::string(&s.as_bytes()[..end])
}

/// The Nix value of a TOML tree (tables become sets, arrays lists), built
/// with a work list, so depth takes no stack. `open` gives each node's
/// shape, or the error message (dates and times, as in 2.8).
fn build_value<N>(
    root: N,
    mut open: impl FnMut(N) -> std::result::Result<Node<N>, &'static str>,
) -> std::result::Result<Value, &'static str> {
    enum Task<N> {
        Convert(N),
        List(usize),
        Set(Vec<String>),
    }
    let mut tasks = vec![Task::Convert(root)];
    let mut done: Vec<Value> = Vec::new();
    while let Some(task) = tasks.pop() {
        match task {
            Task::Convert(node) => match open(node)? {
                Node::Scalar(v) => done.push(v),
                Node::Array(items) => {
                    tasks.push(Task::List(items.len()));
                    tasks.extend(items.into_iter().rev().map(Task::Convert));
                }
                Node::Table(entries) => {
                    let (keys, values): (Vec<String>, Vec<N>) = entries.into_iter().unzip();
                    tasks.push(Task::Set(keys));
                    tasks.extend(values.into_iter().rev().map(Task::Convert));
                }
            },
            Task::List(n) => {
                let items = done.split_off(done.len() - n);
                done.push(Value::list(items));
            }
            Task::Set(keys) => {
                let values = done.split_off(done.len() - keys.len());
                let entries = keys.iter().map(|k| Symbol::new(k)).zip(values).collect();
                done.push(Value::attrs(Attrs::from_unsorted(entries)));
            }
        }
    }
    done.pop().ok_or("empty document")
}

/// A document the `toml` crate parsed, as a Nix value (the crate's values
/// are taken apart node by node, so dropping them takes no stack either).
fn toml_to_value(t: toml::Value) -> Result<Value> {
    build_value(t, |node| {
        Ok(match node {
            toml::Value::String(s) => Node::Scalar(toml_string(&s)),
            toml::Value::Integer(i) => Node::Scalar(Value::Int(i)),
            toml::Value::Float(f) => Node::Scalar(Value::Float(f)),
            toml::Value::Boolean(b) => Node::Scalar(Value::Bool(b)),
            toml::Value::Datetime(_) => return Err("Dates and times are not supported"),
            toml::Value::Array(items) => Node::Array(items),
            toml::Value::Table(table) => Node::Table(table.into_iter().collect()),
        })
    })
    .map_err(toml_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `f` on a thread with a 2 MiB stack (smaller than any thread
    /// Tangle evaluates on).
    fn on_small_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
        std::thread::scope(|s| {
            std::thread::Builder::new()
                .stack_size(2 << 20)
                .spawn_scoped(s, f)
                .expect("thread")
                .join()
                .expect("no stack overflow")
        })
    }

    fn deep(open: &str, middle: &str, close: &str, n: usize) -> String {
        format!("a = {}{}{}", open.repeat(n), middle, close.repeat(n))
    }

    #[test]
    fn deep_documents_use_no_stack() {
        on_small_stack(|| {
            for doc in [
                deep("[", "1", "]", 100_000),
                deep("{b = ", "1", "}", 100_000),
                format!("{} = 1", vec!["k"; 100_000].join(".")),
            ] {
                // Reading takes no stack; dropping a value this deep does
                // (the evaluator's thread has the stack for it), so it is
                // not dropped here.
                let v = read(&doc).map(std::mem::forget);
                assert!(v.is_ok());
            }
        });
    }

    #[test]
    fn deep_syntax_errors_fail_cleanly() {
        on_small_stack(|| {
            for n in [60, 1_000, 30_000, 100_000] {
                for doc in [
                    deep("[", "1,,", "]", n),
                    deep("{b = ", "1 x", "}", n),
                    deep("[", "1", "", n),
                ] {
                    assert!(read(&doc).is_err(), "depth {}", n);
                }
            }
        });
    }

    #[test]
    fn two_conflicts_on_one_line() {
        let text = "a = { b = 1, b = 2 }";
        let message = match reader::read(text) {
            Err(reader::Failure::Conflict(c)) => two_places(
                text,
                &c.title,
                (c.first.0, c.first.1, &c.first.2),
                (c.second.0, c.second.1, c.second.2),
            ),
            _ => String::new(),
        };
        assert!(message.starts_with("[error] toml::insert_value: value (\"b\") already exists."));
        assert!(message.ends_with("      ^--- value defined twice"));
    }
}
