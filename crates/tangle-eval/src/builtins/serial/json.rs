//! Reading JSON as `builtins.fromJSON` does in Nix 2.8, which uses the
//! nlohmann::json library: the same accepted inputs, the same numbers, and
//! error messages with the same wording, positions and "last read" text.
//!
//! The reader is a byte-level lexer plus an explicit stack of open
//! containers, so nesting depth is bounded by memory, not the native stack.
//!
//! Positions follow the library's bookkeeping exactly: the column is the
//! number of bytes read on the current line, a newline resets it, and
//! stepping back over a newline (after a number, which is only known to end
//! when the next byte is seen) leaves the column at 0 and the line one up.

use crate::symbol::Symbol;
use crate::value::{Attrs, Value};
use std::fmt::Write;

const EOF: i32 = -1;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    Uninitialized,
    True,
    False,
    Null,
    String,
    Unsigned,
    Integer,
    Float,
    BeginArray,
    BeginObject,
    EndArray,
    EndObject,
    NameSeparator,
    ValueSeparator,
    ParseError,
    EndOfInput,
    LiteralOrValue,
}

impl Token {
    fn name(self) -> &'static str {
        match self {
            Token::Uninitialized => "<uninitialized>",
            Token::True => "true literal",
            Token::False => "false literal",
            Token::Null => "null literal",
            Token::String => "string literal",
            Token::Unsigned | Token::Integer | Token::Float => "number literal",
            Token::BeginArray => "'['",
            Token::BeginObject => "'{'",
            Token::EndArray => "']'",
            Token::EndObject => "'}'",
            Token::NameSeparator => "':'",
            Token::ValueSeparator => "','",
            Token::ParseError => "<parse error>",
            Token::EndOfInput => "end of input",
            Token::LiteralOrValue => "'[', '{', or a literal",
        }
    }
}

/// Names of the control characters, for "must be escaped" errors.
const CONTROL_NAMES: [&str; 32] = [
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
    "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
    "FS", "GS", "RS", "US",
];

struct Lexer<'a> {
    input: &'a [u8],
    /// Next byte of `input` to read.
    next: usize,
    current: i32,
    /// The next `get` hands out `current` again (after `unget`).
    next_unget: bool,
    /// Bytes read in total, lines read, bytes read on the current line.
    total: usize,
    lines: usize,
    column: usize,
    /// Where the text of the current token starts (for "last read").
    token_start: usize,
    /// A string's decoded bytes, or a number's text.
    buf: Vec<u8>,
    error: String,
    unsigned: u64,
    integer: i64,
    float: f64,
}

fn is_digit(c: i32) -> bool {
    (b'0' as i32..=b'9' as i32).contains(&c)
}

impl<'a> Lexer<'a> {
    fn new(input: &'a [u8]) -> Lexer<'a> {
        Lexer {
            input,
            next: 0,
            current: EOF,
            next_unget: false,
            total: 0,
            lines: 0,
            column: 0,
            token_start: 0,
            buf: Vec::new(),
            error: String::new(),
            unsigned: 0,
            integer: 0,
            float: 0.0,
        }
    }

    fn get(&mut self) -> i32 {
        self.total += 1;
        self.column += 1;
        if self.next_unget {
            self.next_unget = false;
        } else {
            self.current = match self.input.get(self.next) {
                Some(&b) => {
                    self.next += 1;
                    b as i32
                }
                None => EOF,
            };
        }
        if self.current == b'\n' as i32 {
            self.lines += 1;
            self.column = 0;
        }
        self.current
    }

    fn unget(&mut self) {
        self.next_unget = true;
        self.total -= 1;
        if self.column == 0 {
            self.lines = self.lines.saturating_sub(1);
        } else {
            self.column -= 1;
        }
    }

    /// Start a new token at the byte just read.
    fn reset(&mut self) {
        self.buf.clear();
        self.token_start = self.total.saturating_sub(1);
    }

    /// The bytes read since the current token started, control characters
    /// written as `<U+XXXX>`.
    fn token_string(&self) -> String {
        let end = self.total.min(self.input.len());
        let bytes = self.input.get(self.token_start..end).unwrap_or(&[]);
        let mut out = String::new();
        for chunk in bytes.utf8_chunks() {
            for c in chunk.valid().chars() {
                if (c as u32) < 0x20 {
                    let _ = write!(out, "<U+{:04X}>", c as u32);
                } else {
                    out.push(c);
                }
            }
            // Error messages are text; a stray byte shows as U+FFFD.
            if !chunk.invalid().is_empty() {
                out.push(char::REPLACEMENT_CHARACTER);
            }
        }
        out
    }

    fn position(&self) -> String {
        format!(" at line {}, column {}", self.lines + 1, self.column)
    }

    fn skip_bom(&mut self) -> bool {
        if self.get() == 0xEF {
            return self.get() == 0xBB && self.get() == 0xBF;
        }
        self.unget();
        true
    }

    fn scan(&mut self) -> Token {
        if self.total == 0 && !self.skip_bom() {
            self.error = "invalid BOM; must be 0xEF 0xBB 0xBF if given".into();
            return Token::ParseError;
        }
        loop {
            let c = self.get();
            if !matches!(c, 0x20 | 0x09 | 0x0A | 0x0D) {
                break;
            }
        }
        match self.current {
            0x5B => Token::BeginArray,
            0x5D => Token::EndArray,
            0x7B => Token::BeginObject,
            0x7D => Token::EndObject,
            0x3A => Token::NameSeparator,
            0x2C => Token::ValueSeparator,
            0x74 => self.scan_literal(b"true", Token::True),
            0x66 => self.scan_literal(b"false", Token::False),
            0x6E => self.scan_literal(b"null", Token::Null),
            0x22 => self.scan_string(),
            c if c == b'-' as i32 || is_digit(c) => self.scan_number(),
            0 | EOF => Token::EndOfInput,
            _ => {
                self.error = "invalid literal".into();
                Token::ParseError
            }
        }
    }

    fn scan_literal(&mut self, text: &[u8], token: Token) -> Token {
        for &b in &text[1..] {
            if self.get() != b as i32 {
                self.error = "invalid literal".into();
                return Token::ParseError;
            }
        }
        token
    }

    /// Four hex digits of a `\u` escape, or None.
    fn codepoint(&mut self) -> Option<u32> {
        let mut cp = 0;
        for _ in 0..4 {
            let c = self.get();
            let d = match u8::try_from(c).ok()? {
                b @ b'0'..=b'9' => b - b'0',
                b @ b'A'..=b'F' => b - b'A' + 10,
                b @ b'a'..=b'f' => b - b'a' + 10,
                _ => return None,
            };
            cp = cp * 16 + d as u32;
        }
        Some(cp)
    }

    /// Check the continuation bytes of a UTF-8 sequence against the allowed
    /// ranges (pairs of bounds), keeping the bytes.
    fn utf8_continuation(&mut self, ranges: &[(i32, i32)]) -> bool {
        self.buf.push(self.current as u8);
        for &(lo, hi) in ranges {
            let c = self.get();
            if (lo..=hi).contains(&c) {
                self.buf.push(c as u8);
            } else {
                self.error = "invalid string: ill-formed UTF-8 byte".into();
                return false;
            }
        }
        true
    }

    fn scan_string(&mut self) -> Token {
        const CONT: (i32, i32) = (0x80, 0xBF);
        self.reset();
        loop {
            self.plain_run();
            let c = self.get();
            match c {
                EOF => {
                    self.error = "invalid string: missing closing quote".into();
                    return Token::ParseError;
                }
                0x22 => return Token::String,
                0x5C => {
                    let e = self.get();
                    let byte = match u8::try_from(e).unwrap_or(0) {
                        b'"' => b'"',
                        b'\\' => b'\\',
                        b'/' => b'/',
                        b'b' => 0x08,
                        b'f' => 0x0C,
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'u' => {
                            if !self.unicode_escape() {
                                return Token::ParseError;
                            }
                            continue;
                        }
                        _ => {
                            self.error =
                                "invalid string: forbidden character after backslash".into();
                            return Token::ParseError;
                        }
                    };
                    self.buf.push(byte);
                }
                0x00..=0x1F => {
                    let extra = match c {
                        0x08 => " or \\b",
                        0x09 => " or \\t",
                        0x0A => " or \\n",
                        0x0C => " or \\f",
                        0x0D => " or \\r",
                        _ => "",
                    };
                    self.error = format!(
                        "invalid string: control character U+{:04X} ({}) must be escaped to \\u{:04X}{}",
                        c, CONTROL_NAMES[c as usize], c, extra
                    );
                    return Token::ParseError;
                }
                0x20..=0x7F => self.buf.push(c as u8),
                0xC2..=0xDF => {
                    if !self.utf8_continuation(&[CONT]) {
                        return Token::ParseError;
                    }
                }
                0xE0 => {
                    if !self.utf8_continuation(&[(0xA0, 0xBF), CONT]) {
                        return Token::ParseError;
                    }
                }
                0xE1..=0xEC | 0xEE | 0xEF => {
                    if !self.utf8_continuation(&[CONT, CONT]) {
                        return Token::ParseError;
                    }
                }
                0xED => {
                    if !self.utf8_continuation(&[(0x80, 0x9F), CONT]) {
                        return Token::ParseError;
                    }
                }
                0xF0 => {
                    if !self.utf8_continuation(&[(0x90, 0xBF), CONT, CONT]) {
                        return Token::ParseError;
                    }
                }
                0xF1..=0xF3 => {
                    if !self.utf8_continuation(&[CONT, CONT, CONT]) {
                        return Token::ParseError;
                    }
                }
                0xF4 => {
                    if !self.utf8_continuation(&[(0x80, 0x8F), CONT, CONT]) {
                        return Token::ParseError;
                    }
                }
                _ => {
                    self.error = "invalid string: ill-formed UTF-8 byte".into();
                    return Token::ParseError;
                }
            }
        }
    }

    /// Take the run of printable ASCII (no quote, no backslash) that comes
    /// next in a string at once: the same bookkeeping as reading it byte by
    /// byte, as it holds no newline.
    fn plain_run(&mut self) {
        self.take_run(|b| (0x20..0x80).contains(&b) && b != b'"' && b != b'\\');
    }

    /// Take the bytes from here on that satisfy `keep` at once (they hold
    /// no newline, so only the column moves).
    fn take_run(&mut self, keep: impl Fn(u8) -> bool) {
        if self.next_unget {
            return;
        }
        let rest = self.input.get(self.next..).unwrap_or(&[]);
        let n = rest.iter().position(|&b| !keep(b)).unwrap_or(rest.len());
        if n > 0 {
            self.buf.extend_from_slice(&rest[..n]);
            self.current = rest[n - 1] as i32;
            self.next += n;
            self.total += n;
            self.column += n;
        }
    }

    /// Take a run of digits at once (inside a number, so no newline), then
    /// read the byte after them.
    fn get_after_digits(&mut self) -> i32 {
        self.digit_run();
        self.get()
    }

    fn digit_run(&mut self) {
        self.take_run(|b| b.is_ascii_digit());
    }

    /// After `\u`: one code point, or a surrogate pair, appended as UTF-8.
    fn unicode_escape(&mut self) -> bool {
        const HEX: &str = "invalid string: '\\u' must be followed by 4 hex digits";
        let Some(first) = self.codepoint() else {
            self.error = HEX.into();
            return false;
        };
        let cp = if (0xD800..=0xDBFF).contains(&first) {
            if !(self.get() == b'\\' as i32 && self.get() == b'u' as i32) {
                self.error =
                    "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF"
                        .into();
                return false;
            }
            let Some(second) = self.codepoint() else {
                self.error = HEX.into();
                return false;
            };
            if !(0xDC00..=0xDFFF).contains(&second) {
                self.error =
                    "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF"
                        .into();
                return false;
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else if (0xDC00..=0xDFFF).contains(&first) {
            self.error =
                "invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF".into();
            return false;
        } else {
            first
        };
        // Surrogates were handled above, so this is a valid scalar value.
        let c = char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER);
        let mut tmp = [0u8; 4];
        self.buf
            .extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
        true
    }

    fn scan_number(&mut self) -> Token {
        #[derive(PartialEq)]
        enum Kind {
            Unsigned,
            Integer,
            Float,
        }
        enum State {
            Minus,
            Zero,
            Any1,
            Decimal1,
            Decimal2,
            Exponent,
            Sign,
            Any2,
        }
        self.reset();
        let mut kind = Kind::Unsigned;
        let c = self.current;
        self.buf.push(c as u8);
        let mut state = if c == b'-' as i32 {
            State::Minus
        } else if c == b'0' as i32 {
            State::Zero
        } else {
            State::Any1
        };
        loop {
            let next = match state {
                State::Minus => {
                    kind = Kind::Integer;
                    let c = self.get();
                    if c == b'0' as i32 {
                        Some(State::Zero)
                    } else if is_digit(c) {
                        Some(State::Any1)
                    } else {
                        self.error = "invalid number; expected digit after '-'".into();
                        return Token::ParseError;
                    }
                }
                State::Zero => match self.get() {
                    0x2E => Some(State::Decimal1),
                    0x45 | 0x65 => Some(State::Exponent),
                    _ => None,
                },
                State::Any1 => match self.get_after_digits() {
                    c if is_digit(c) => Some(State::Any1),
                    0x2E => Some(State::Decimal1),
                    0x45 | 0x65 => Some(State::Exponent),
                    _ => None,
                },
                State::Decimal1 => {
                    kind = Kind::Float;
                    if is_digit(self.get()) {
                        Some(State::Decimal2)
                    } else {
                        self.error = "invalid number; expected digit after '.'".into();
                        return Token::ParseError;
                    }
                }
                State::Decimal2 => match self.get_after_digits() {
                    c if is_digit(c) => Some(State::Decimal2),
                    0x45 | 0x65 => Some(State::Exponent),
                    _ => None,
                },
                State::Exponent => {
                    kind = Kind::Float;
                    match self.get() {
                        0x2B | 0x2D => Some(State::Sign),
                        c if is_digit(c) => Some(State::Any2),
                        _ => {
                            self.error =
                                "invalid number; expected '+', '-', or digit after exponent".into();
                            return Token::ParseError;
                        }
                    }
                }
                State::Sign => {
                    if is_digit(self.get()) {
                        Some(State::Any2)
                    } else {
                        self.error = "invalid number; expected digit after exponent sign".into();
                        return Token::ParseError;
                    }
                }
                State::Any2 => {
                    if is_digit(self.get_after_digits()) {
                        Some(State::Any2)
                    } else {
                        None
                    }
                }
            };
            match next {
                Some(s) => {
                    state = s;
                    self.buf.push(self.current as u8);
                }
                None => break,
            }
        }
        // The byte after the number was read only to see that it ended.
        self.unget();
        // The number's text is ASCII by construction.
        let text = std::str::from_utf8(&self.buf).unwrap_or("");
        match kind {
            Kind::Unsigned => {
                if let Ok(n) = text.parse::<u64>() {
                    self.unsigned = n;
                    return Token::Unsigned;
                }
            }
            Kind::Integer => {
                if let Ok(n) = text.parse::<i64>() {
                    self.integer = n;
                    return Token::Integer;
                }
            }
            Kind::Float => {}
        }
        // Integers out of range become floats, as with strtod.
        self.float = text.parse::<f64>().unwrap_or(f64::NAN);
        Token::Float
    }
}

enum Open {
    Array(Vec<Value>),
    /// The entries so far and the key of the value being read.
    Object(Vec<(Symbol, Value)>, Symbol),
}

struct Parser<'a> {
    lexer: Lexer<'a>,
    last: Token,
    /// Recently seen keys: objects in an array mostly repeat their keys,
    /// and this saves interning them again.
    keys: [Option<Symbol>; 64],
}

impl Parser<'_> {
    fn next_token(&mut self) -> Token {
        self.last = self.lexer.scan();
        self.last
    }

    fn syntax_error(&self, expected: Token, context: &str) -> String {
        let mut msg = format!("syntax error while parsing {} - ", context);
        if self.last == Token::ParseError {
            let _ = write!(
                msg,
                "{}; last read: '{}'",
                self.lexer.error,
                self.lexer.token_string()
            );
        } else {
            let _ = write!(msg, "unexpected {}", self.last.name());
        }
        if expected != Token::Uninitialized {
            let _ = write!(msg, "; expected {}", expected.name());
        }
        format!(
            "[json.exception.parse_error.101] parse error{}: {}",
            self.lexer.position(),
            msg
        )
    }

    fn key(&mut self) -> Symbol {
        let b = &self.lexer.buf;
        let slot = (b.len() * 31
            + b.first().map_or(0, |&c| c as usize * 7)
            + b.last().map_or(0, |&c| c as usize))
            % self.keys.len();
        if let Some(Some(k)) = self.keys.get(slot) {
            if k.as_str().as_bytes() == &b[..] {
                return *k;
            }
        }
        // Keys are valid UTF-8: the lexer checked every byte.
        let k = Symbol::new(&String::from_utf8_lossy(b));
        if let Some(entry) = self.keys.get_mut(slot) {
            *entry = Some(k);
        }
        k
    }

    /// After `{` or `,` in an object: the key and the `:`. A key holding
    /// a NUL is refused as soon as it is read, before the `:` is looked at.
    fn object_key(&mut self) -> Result<Symbol, String> {
        if self.last != Token::String {
            return Err(self.syntax_error(Token::String, "object key"));
        }
        no_nul_bytes(&self.lexer.buf)?;
        let key = self.key();
        if self.next_token() != Token::NameSeparator {
            return Err(self.syntax_error(Token::NameSeparator, "object separator"));
        }
        Ok(key)
    }
}

/// A Nix string from decoded bytes: one holding a NUL (`\u0000`) cannot
/// be a Nix string, and current Nix refuses it as soon as it is read.
fn nix_string(bytes: &[u8]) -> Result<Value, String> {
    no_nul_bytes(bytes)?;
    Ok(Value::string(bytes))
}

/// Current Nix's error for a string from outside (JSON, TOML) that holds a
/// NUL byte: the string, each NUL shown as `␀`.
pub(super) fn no_nul_bytes(bytes: &[u8]) -> Result<(), String> {
    if !bytes.contains(&0) {
        return Ok(());
    }
    let shown = String::from_utf8_lossy(bytes).replace('\0', "\u{2400}");
    Err(format!(
        "input string '{}' cannot be represented as Nix string because it contains null bytes",
        shown
    ))
}

/// The set of an object's entries; of duplicate keys the last one wins, as
/// in Nix.
fn object(mut entries: Vec<(Symbol, Value)>) -> Attrs {
    // Stable: equal keys stay in input order, so the last is the one to keep.
    entries.sort_by_key(|e| e.0);
    entries.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            std::mem::swap(&mut later.1, &mut kept.1);
        }
        same
    });
    Attrs::from_sorted(entries)
}

/// Parse a whole JSON text into a Nix value; the error is the complete
/// message as Nix prints it.
pub fn parse(input: &[u8]) -> Result<Value, String> {
    let mut p = Parser {
        lexer: Lexer::new(input),
        last: Token::Uninitialized,
        keys: [None; 64],
    };
    let mut stack: Vec<Open> = Vec::new();
    p.next_token();
    // A finished value waiting to be put into its container.
    let mut done: Option<Value> = None;
    loop {
        let value = match done.take() {
            Some(v) => v,
            None => match p.last {
                Token::BeginObject => {
                    if p.next_token() == Token::EndObject {
                        Value::attrs(Attrs::default())
                    } else {
                        let key = p.object_key()?;
                        stack.push(Open::Object(Vec::new(), key));
                        p.next_token();
                        continue;
                    }
                }
                Token::BeginArray => {
                    if p.next_token() == Token::EndArray {
                        Value::list(Vec::new())
                    } else {
                        stack.push(Open::Array(Vec::new()));
                        continue;
                    }
                }
                Token::Float => {
                    let f = p.lexer.float;
                    if !f.is_finite() {
                        return Err(format!(
                            "[json.exception.out_of_range.406] number overflow parsing '{}'",
                            p.lexer.token_string()
                        ));
                    }
                    Value::Float(f)
                }
                Token::True => Value::Bool(true),
                Token::False => Value::Bool(false),
                Token::Null => Value::Null,
                // An unsigned number past the signed range (but within 64
                // bits; larger ones are floats) is refused.
                Token::Unsigned => match i64::try_from(p.lexer.unsigned) {
                    Ok(n) => Value::Int(n),
                    Err(_) => {
                        return Err(format!(
                            "unsigned json number {} outside of Nix integer range",
                            p.lexer.unsigned
                        ))
                    }
                },
                Token::Integer => Value::Int(p.lexer.integer),
                Token::String => nix_string(&p.lexer.buf)?,
                Token::ParseError => return Err(p.syntax_error(Token::Uninitialized, "value")),
                _ => return Err(p.syntax_error(Token::LiteralOrValue, "value")),
            },
        };
        // A value is complete: put it where it belongs.
        match stack.last_mut() {
            None => {
                if p.next_token() != Token::EndOfInput {
                    return Err(p.syntax_error(Token::EndOfInput, "value"));
                }
                return Ok(value);
            }
            Some(Open::Array(items)) => {
                items.push(value);
                if p.next_token() == Token::ValueSeparator {
                    p.next_token();
                    continue;
                }
                if p.last != Token::EndArray {
                    return Err(p.syntax_error(Token::EndArray, "array"));
                }
            }
            Some(Open::Object(entries, key)) => {
                entries.push((*key, value));
                if p.next_token() == Token::ValueSeparator {
                    p.next_token();
                    *key = p.object_key()?;
                    p.next_token();
                    continue;
                }
                if p.last != Token::EndObject {
                    return Err(p.syntax_error(Token::EndObject, "object"));
                }
            }
        }
        // The container on top is closed.
        done = match stack.pop() {
            Some(Open::Array(items)) => Some(Value::list(items)),
            Some(Open::Object(entries, _)) => Some(Value::attrs(object(entries))),
            None => None,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::value::Value;

    fn error(text: &str) -> String {
        match parse(text.as_bytes()) {
            Err(e) => e,
            Ok(_) => String::from("parsed"),
        }
    }

    #[test]
    fn positions_count_like_the_library() {
        assert!(error("1 2").contains("line 1, column 3:"));
        // Stepping back over the newline after a number leaves column 0.
        assert!(error("1 2\n").contains("line 1, column 0:"));
        assert!(error("[1,\n\n  x]").contains("line 3, column 3:"));
        assert!(error("").contains("line 1, column 1:"));
    }

    #[test]
    fn nul_bytes_and_large_unsigned_numbers_are_refused() {
        assert_eq!(
            error("[\"a\\u0000b\"]"),
            "input string 'a\u{2400}b' cannot be represented as Nix string because it contains null bytes"
        );
        // The key is refused before the missing `:` is noticed.
        assert!(error("{\"\\u0000\" 1}").starts_with("input string '\u{2400}'"));
        assert_eq!(
            error("18446744073709551615"),
            "unsigned json number 18446744073709551615 outside of Nix integer range"
        );
        assert!(matches!(
            parse(b"9223372036854775807"),
            Ok(Value::Int(i64::MAX))
        ));
        assert!(matches!(
            parse(b"18446744073709551616"),
            Ok(Value::Float(_))
        ));
    }

    #[test]
    fn last_read_shows_control_characters() {
        assert!(error("tru\n").ends_with("last read: 'tru<U+000A>'"));
    }

    #[test]
    fn deep_input_needs_no_native_stack() {
        let n = 1_000_000;
        let text = "[".repeat(n) + &"]".repeat(n);
        let v = parse(text.as_bytes());
        assert!(matches!(&v, Ok(Value::List(l)) if l.len() == 1));
        // Dropping a million nested lists recurses; the test thread's stack
        // is small, and the memory goes with the process anyway.
        std::mem::forget(v);
    }
}
