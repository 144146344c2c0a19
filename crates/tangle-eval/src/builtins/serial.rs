//! Serialisation builtins: `toJSON`, `fromJSON`, `fromTOML`, `toXML`.
//!
//! Writing JSON and XML reuses the printers of `nix-instantiate --json` and
//! `--xml` (`print::ToJson`, `print::xml::ToXml`), which force the value as
//! they go, as continuations. Reading JSON has its own reader (`json`),
//! which follows Nix 2.8's library byte for byte; TOML is read with the
//! `toml` crate.

mod json;

use super::{ok, string, PrimOpDef, PrimRet};
use crate::error::{Error, Result};
use crate::print::xml::ToXml;
use crate::print::ToJson;
use crate::symbol::Symbol;
use crate::value::{Attrs, NixString, Value};
use crate::vm::Vm;

pub static PRIMOPS: &[PrimOpDef] = &[
    prim!("toJSON", 1, 0, to_json),
    prim!("fromJSON", 1, 1, from_json),
    prim!("fromTOML", 1, 1, from_toml),
    prim!("toXML", 1, 0, to_xml),
];

fn to_json(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    Ok(PrimRet::Cont(Box::new(ToJson::new(a[0].clone(), true))))
}

fn to_xml(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    Ok(PrimRet::Cont(Box::new(ToXml::new(a[0].clone()))))
}

/// The argument of `fromJSON`/`fromTOML`: a string that refers to no store
/// path.
fn string_no_context(v: &Value) -> Result<std::rc::Rc<NixString>> {
    let s = string(v)?;
    if let Some(path) = s.context.as_ref().and_then(|c| c.iter().next()) {
        // Context entries are `=path` (derivation closure), `!out!path`
        // (an output) or a plain path.
        let shown = match path.strip_prefix('=') {
            Some(p) => p,
            None if path.starts_with('!') => path.rsplit('!').next().unwrap_or(path),
            None => path,
        };
        return Err(Error::eval(format!(
            "the string '{}' is not allowed to refer to a store path (such as '{}')",
            s.as_str_lossy(),
            shown
        )));
    }
    Ok(s)
}

fn from_json(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = string_no_context(&a[0])?;
    match json::parse(&s.bytes) {
        Ok(v) => ok(v),
        Err(message) => {
            // Nix's error has no position of its own, only this trace entry.
            let mut e = Error::hinted(message);
            e.trace
                .push(("while decoding a JSON string".into(), vm.current_pos()));
            Err(e)
        }
    }
}

fn toml_error(message: impl std::fmt::Display) -> Error {
    Error::eval(format!("while parsing a TOML string: {}", message))
}

fn from_toml(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = string_no_context(&a[0])?;
    let text =
        std::str::from_utf8(&s.bytes).map_err(|_| toml_error("the input is not valid UTF-8"))?;
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| toml_error(toml_syntax_error(text, &e)))?;
    ok(toml_to_value(toml::Value::Table(table))?)
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
    let column = line.get(..at).map_or(at, |l| l.chars().count());
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

/// A parsed TOML document as a Nix value: tables become sets, arrays lists.
/// The recursion is bounded: the `toml` parser refuses documents nested
/// more than a small fixed depth.
fn toml_to_value(t: toml::Value) -> Result<Value> {
    Ok(match t {
        toml::Value::String(s) => {
            // Nix keeps strings as C strings: a NUL ends the string.
            let end = s.find('\0').unwrap_or(s.len());
            Value::string(&s.as_bytes()[..end])
        }
        toml::Value::Integer(i) => Value::Int(i),
        toml::Value::Float(f) => Value::Float(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(_) => return Err(toml_error("Dates and times are not supported")),
        toml::Value::Array(items) => Value::list(
            items
                .into_iter()
                .map(toml_to_value)
                .collect::<Result<Vec<_>>>()?,
        ),
        toml::Value::Table(table) => {
            let mut entries = Vec::with_capacity(table.len());
            for (k, v) in table {
                entries.push((Symbol::new(&k), toml_to_value(v)?));
            }
            Value::attrs(Attrs::from_unsorted(entries))
        }
    })
}
