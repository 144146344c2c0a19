//! `fromTOML`, as Nix 2.8 (which used the toml11 library) reads TOML.
//!
//! The document is read by [`reader`] in toml11's order and by its rules
//! for putting values into tables ([`tree`]); a key defined twice, or a
//! table defined again or extended where toml11 does not allow it, is
//! toml11's error at two places. Numbers are read as 2.8 reads them
//! ([`scalar`]: decimal, hexadecimal and octal integers clamped to 64 bits,
//! binary ones wrapped, floats clamped to the largest finite value). What
//! is not TOML is toml11's error for it, found where toml11 finds it, with
//! its title, places and hints ([`report`] lays them out). The reader uses
//! no stack for nesting: documents read at any depth (2.8 itself runs out
//! of stack or memory between 10 000 and 20 000 levels).

mod reader;
mod report;
mod scalar;
mod tree;

use super::super::{ok, string_no_context, PrimRet};
use crate::error::{Error, Result};
use crate::symbol::Symbol;
use crate::value::{Attrs, Value};
use crate::vm::Vm;
use std::borrow::Cow;

fn toml_error(message: impl std::fmt::Display) -> Error {
    Error::eval(format!("while parsing a TOML string: {}", message))
}

/// An error current Nix has and 2.8 did not (a NUL byte, an integer out of
/// range, a date or time), in current Nix's words.
fn current_toml_error(message: impl std::fmt::Display) -> Error {
    Error::eval(format!("while parsing TOML: {}", message))
}

pub fn from_toml(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = string_no_context(&a[0])?;
    let text =
        std::str::from_utf8(&s.bytes).map_err(|_| toml_error("the input is not valid UTF-8"))?;
    let timestamps = vm.options.features.parse_toml_timestamps;
    ok(read(text, timestamps)?)
}

/// Reads a document; its value, or toml11's error. Dates and times are
/// `{ _type = "timestamp"; value = …; }` sets if `timestamps` (the
/// experimental feature `parse-toml-timestamps`), an error otherwise.
fn read(text: &str, timestamps: bool) -> Result<Value> {
    // toml11 reads a document with a line break added if it does not end
    // with one or a carriage return (errors after the last line are shown
    // on a line of their own).
    let doc = if text.is_empty() || text.ends_with(['\n', '\r']) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(format!("{}\n", text))
    };
    match reader::read(&doc) {
        Ok((tree, root)) => tree
            .into_value(root, timestamps)
            .map_err(current_toml_error),
        Err(reader::Stop::Conflict(c)) => Err(toml_error(report::layout(&doc, &c.into()))),
        Err(reader::Stop::Syntax(e)) => Err(toml_error(report::layout(&doc, &e))),
        Err(reader::Stop::TooLarge(found)) => Err(current_toml_error(
            found
                .iter()
                .map(|&(radix, end, arrays)| report::too_large(&doc, radix, end, arrays))
                .collect::<String>(),
        )),
    }
}

/// A TOML node, opened up as far as the shape of its Nix value.
enum Node<N> {
    Scalar(Value),
    Array(Vec<N>),
    Table(Vec<(String, N)>),
}

/// A date or time with `parse-toml-timestamps`: `{ _type = "timestamp";
/// value = TEXT; }`, the text as current Nix writes it.
fn timestamp_value(token: &str) -> Value {
    let entries = vec![
        (Symbol::new("_type"), Value::string("timestamp")),
        (
            Symbol::new("value"),
            Value::string(scalar::timestamp(token)),
        ),
    ];
    Value::attrs(Attrs::from_unsorted(entries))
}

/// A TOML string as a Nix string: one holding a NUL byte cannot be one.
fn toml_string(s: &str) -> std::result::Result<Value, String> {
    no_nul(s)?;
    Ok(Value::string(s))
}

/// Current Nix's error for a string (or key) holding a NUL byte, as its
/// conversion of the document meets it ("error: " is part of its message).
fn no_nul(s: &str) -> std::result::Result<(), String> {
    super::json::no_nul_bytes(s.as_bytes()).map_err(|e| format!("error: {}", e))
}

/// The Nix value of a TOML tree (tables become sets, arrays lists), built
/// with a work list, so depth takes no stack. `open` gives each node's
/// shape, or the error message (dates and times, as in 2.8). A key or
/// string holding a NUL byte is an error: the first one current Nix meets,
/// which visits a table's entries last first (the order of its hash
/// table, for small tables), each key before its value, and an array's
/// items in order.
fn build_value<N>(
    root: N,
    mut open: impl FnMut(N) -> std::result::Result<Node<N>, String>,
) -> std::result::Result<Value, String> {
    enum Task<N> {
        Convert(N),
        Key(String),
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
                    // Entries are converted last first: their values come
                    // out in reverse.
                    let keys: Vec<String> = entries.iter().map(|(k, _)| k.clone()).collect();
                    tasks.push(Task::Set(keys));
                    for (k, v) in entries {
                        tasks.push(Task::Convert(v));
                        tasks.push(Task::Key(k));
                    }
                }
            },
            Task::Key(k) => no_nul(&k)?,
            Task::List(n) => {
                let items = done.split_off(done.len() - n);
                done.push(Value::list(items));
            }
            Task::Set(keys) => {
                let values = done.split_off(done.len() - keys.len());
                let entries = keys
                    .iter()
                    .map(|k| Symbol::new(k))
                    .zip(values.into_iter().rev())
                    .collect();
                done.push(Value::attrs(Attrs::from_unsorted(entries)));
            }
        }
    }
    done.pop().ok_or_else(|| "empty document".to_string())
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
                let v = read(&doc, false).map(std::mem::forget);
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
                    assert!(read(&doc, false).is_err(), "depth {}", n);
                }
            }
        });
    }

    #[test]
    fn two_conflicts_on_one_line() {
        let text = "a = { b = 1, b = 2 }";
        let message = match reader::read(text) {
            Err(reader::Stop::Conflict(c)) => report::layout(text, &c.into()),
            _ => String::new(),
        };
        assert!(message.starts_with("[error] toml::insert_value: value (\"b\") already exists."));
        assert!(message.ends_with("      ^--- value defined twice"));
    }
}
