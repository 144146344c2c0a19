//! TOML scalars as Nix 2.8 (toml11) reads them: strings with their
//! escapes, integers (one that does not fit in 64 signed bits is refused,
//! as current Nix refuses it), floats (clamped to the largest finite
//! value), booleans, and dates and times (which fromTOML refuses after the
//! whole document is read, unless `parse-toml-timestamps` is enabled).
//!
//! Each reader is strict: what is not that scalar is toml11's error for
//! it ([`Report`]).

use super::report::{Report, DATETIME_HINTS, FLOAT_HINTS, INTEGER_HINTS};

/// A scalar read from a document.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Scalar {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A date or time; the name is toml11's name of its type, the text
    /// is the token as written.
    Datetime(&'static str, String),
    /// An integer that does not fit in 64 signed bits, in this radix:
    /// current Nix refuses it (`report::too_large`).
    TooLarge(u32),
}

impl Scalar {
    /// toml11's name of the scalar's type (in "actual type is …").
    pub(super) fn type_name(&self) -> &'static str {
        match self {
            Scalar::Str(_) => "string",
            Scalar::Int(_) | Scalar::TooLarge(_) => "integer",
            Scalar::Float(_) => "floating",
            Scalar::Bool(_) => "boolean",
            Scalar::Datetime(name, _) => name,
        }
    }
}

/// `pred` holds for `b[i]`, and for each byte of a run after it, where an
/// underscore may stand between two of them: the end of that run.
fn digit_run(b: &[u8], i: usize, pred: impl Fn(u8) -> bool) -> Option<usize> {
    if !b.get(i).is_some_and(|&c| pred(c)) {
        return None;
    }
    let mut i = i + 1;
    loop {
        match b.get(i) {
            Some(&c) if pred(c) => i += 1,
            Some(b'_') if b.get(i + 1).is_some_and(|&c| pred(c)) => i += 2,
            _ => return Some(i),
        }
    }
}

/// `n` ASCII digits at `i`: their end.
fn fixed_digits(b: &[u8], i: usize, n: usize) -> Option<usize> {
    (b.len() >= i + n && b[i..i + n].iter().all(u8::is_ascii_digit)).then_some(i + n)
}

/// The byte `c` at `i`: the offset after it.
fn byte(b: &[u8], i: usize, c: u8) -> Option<usize> {
    (b.get(i) == Some(&c)).then_some(i + 1)
}

/// The shape `YYYY-MM-DD` at `i`: its end.
fn lex_date(b: &[u8], i: usize) -> Option<usize> {
    let i = byte(b, fixed_digits(b, i, 4)?, b'-')?;
    let i = byte(b, fixed_digits(b, i, 2)?, b'-')?;
    fixed_digits(b, i, 2)
}

/// The shape `HH:MM:SS` (with an optional fraction) at `i`: its end.
fn lex_time(b: &[u8], i: usize) -> Option<usize> {
    let i = byte(b, fixed_digits(b, i, 2)?, b':')?;
    let i = byte(b, fixed_digits(b, i, 2)?, b':')?;
    let i = fixed_digits(b, i, 2)?;
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        return Some(i + 1 + b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count());
    }
    Some(i)
}

/// A date, `T`, `t` or a space, and a time at `i`: its end.
fn lex_local_datetime(b: &[u8], i: usize) -> Option<usize> {
    let i = lex_date(b, i)?;
    if !matches!(b.get(i), Some(b'T' | b't' | b' ')) {
        return None;
    }
    lex_time(b, i + 1)
}

/// An offset (`Z` or `±HH:MM`) at `i`: its end.
fn lex_offset(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'Z' | b'z' => Some(i + 1),
        b'+' | b'-' => fixed_digits(b, byte(b, fixed_digits(b, i + 1, 2)?, b':')?, 2),
        _ => None,
    }
}

/// After an optional sign at `i`: where the rest starts.
fn after_sign(b: &[u8], i: usize) -> usize {
    i + usize::from(matches!(b.get(i), Some(b'+' | b'-')))
}

/// A decimal integer without leading zeros (a lone `0` is one) at `i`,
/// without its sign: its end.
fn lex_unsigned_decimal(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'0' => Some(i + 1),
        b'1'..=b'9' => digit_run(b, i, |c| c.is_ascii_digit()),
        _ => None,
    }
}

/// An integer (hexadecimal, octal, binary, or decimal with a sign) at `i`:
/// its end.
fn lex_integer(b: &[u8], i: usize) -> Option<usize> {
    let radix: Option<fn(u8) -> bool> = match b.get(i..i + 2) {
        Some(b"0x") => Some(|c| c.is_ascii_hexdigit()),
        Some(b"0o") => Some(|c| (b'0'..=b'7').contains(&c)),
        Some(b"0b") => Some(|c| c == b'0' || c == b'1'),
        _ => None,
    };
    if let Some(end) = radix.and_then(|pred| digit_run(b, i + 2, pred)) {
        return Some(end);
    }
    lex_unsigned_decimal(b, after_sign(b, i))
}

/// A float (with a fraction, an exponent or both, or `inf`/`nan`, after an
/// optional sign) at `i`: its end.
fn lex_float(b: &[u8], i: usize) -> Option<usize> {
    let i = after_sign(b, i);
    if b[i..].starts_with(b"inf") || b[i..].starts_with(b"nan") {
        return Some(i + 3);
    }
    let digits = |at: usize| digit_run(b, at, |c| c.is_ascii_digit());
    let exponent = |at: usize| {
        if !matches!(b.get(at), Some(b'e' | b'E')) {
            return None;
        }
        digits(after_sign(b, at + 1))
    };
    let i = lex_unsigned_decimal(b, i)?;
    if let Some(end) = exponent(i) {
        return Some(end);
    }
    let i = digits(byte(b, i, b'.')?)?;
    Some(exponent(i).unwrap_or(i))
}

/// What the value at an offset looks like, as toml11 guesses from its
/// start.
enum Shape {
    /// A date or time (toml11's name of its type) ending at the offset.
    Datetime(&'static str, usize),
    /// A float or integer ending at the offset.
    Number(usize),
}

/// toml11's guess of what the number, date or time at `at` is (by the
/// longest shape that fits), or its error for the common mistakes it
/// finds right after that shape.
fn guess_number(b: &[u8], at: usize) -> Result<Shape, Report> {
    let next = |end: usize| b.get(end).copied();
    if let Some(end) = lex_local_datetime(b, at) {
        if let Some(end) = lex_offset(b, end) {
            return Ok(Shape::Datetime("offset_datetime", end));
        }
        if matches!(next(end), Some(b'+' | b'-' | b'Z' | b'z')) {
            return Err(Report::at(
                "bad offset: should be [+-]HH:MM or Z",
                end,
                "[+-]HH:MM or Z",
            )
            .hints(&["pass: +09:00, -05:30", "fail: +9:00, -5:30"]));
        }
        return Ok(Shape::Datetime("local_datetime", end));
    }
    if let Some(end) = lex_date(b, at) {
        const HINTS: &[&str] = &[
            "pass: 1979-05-27T07:32:00, 1979-05-27 07:32:00.999999",
            "fail: 1979-05-27T7:32:00, 1979-05-27 7:32",
        ];
        let bad_time = |at: usize, hints| {
            Err(
                Report::at("bad time: should be HH:MM:SS.subsec", at, "HH:MM:SS.subsec")
                    .hints(hints),
            )
        };
        return match next(end) {
            Some(b'T' | b't') => bad_time(
                end,
                &[
                    "pass: 1979-05-27T07:32:00, 1979-05-27 07:32:00.999999",
                    "fail: 1979-05-27T7:32:00, 1979-05-27 17:32",
                ],
            ),
            Some(c) if c.is_ascii_digit() => {
                Err(Report::at("bad time: missing T", end, "T or space required here").hints(HINTS))
            }
            Some(b' ') if next(end + 1).is_some_and(|c| c.is_ascii_digit()) => {
                bad_time(end + 1, HINTS)
            }
            _ => Ok(Shape::Datetime("local_date", end)),
        };
    }
    if let Some(end) = lex_time(b, at) {
        return Ok(Shape::Datetime("local_time", end));
    }
    if let Some(end) = lex_float(b, at) {
        if next(end) == Some(b'_') {
            return Err(
                Report::at("bad float: `_` should be surrounded by digits", end, "here")
                    .hints(FLOAT_HINTS),
            );
        }
        return Ok(Shape::Number(end));
    }
    if let Some(end) = lex_integer(b, at) {
        return match next(end) {
            Some(b'_') => Err(Report::at(
                "bad integer: `_` should be surrounded by digits",
                end,
                "here",
            )
            .hints(INTEGER_HINTS)),
            Some(c) if c.is_ascii_digit() => {
                Err(Report::at("bad integer: leading zero", end - 1, "here").hints(INTEGER_HINTS))
            }
            Some(b'.' | b'e' | b'E') => {
                Err(Report::at("bad float: invalid format", end, "here").hints(FLOAT_HINTS))
            }
            Some(b':' | b'-') => {
                Err(Report::at("bad datetime: invalid format", end, "here").hints(DATETIME_HINTS))
            }
            _ => Ok(Shape::Number(end)),
        };
    }
    Err(match b[at] {
        b'_' => Report::at(
            "bad number: `_` should be surrounded by digits",
            at,
            "`_` is not surrounded by digits",
        )
        .hints(INTEGER_HINTS),
        b'.' => Report::at(
            "bad float: invalid format",
            at,
            "integer part required before this",
        )
        .hints(FLOAT_HINTS),
        _ => unknown_value(at),
    })
}

/// toml11's error for a value that starts with no value's first character.
pub(super) fn unknown_value(at: usize) -> Report {
    Report::at("bad format: unknown value appeared", at, "here")
}

/// toml11's error for a date whose month or day is out of range, at the
/// end of the date.
fn bad_date(at: usize) -> Report {
    Report::at(
        "toml::parse_date: invalid date: it does not conform RFC3339.",
        at,
        "month should be 01-12, day should be 01-28,29,30,31, depending on month/year.",
    )
    .thrown()
}

/// toml11's error for a time whose hour, minute or second is out of range,
/// at the end of the time.
fn bad_time(at: usize) -> Report {
    Report::at(
        "toml::parse_time: invalid time: it does not conform RFC3339.",
        at,
        "hour should be 00-23, minute should be 00-59, second should be 00-60 (depending on the leap second rules.)",
    )
    .thrown()
}

/// Whether a time's (`HH:MM:SS…`) fields are in range.
fn valid_time(b: &[u8]) -> bool {
    number(&b[..2]) <= 23 && number(&b[3..5]) <= 59 && number(&b[6..8]) <= 60
}

/// Checks the fields of a date or time of the shape `kind` (its text is
/// `token`, at `at` in the document), as toml11 does: a date-time's date
/// and time are checked on a copy of their text.
fn check_datetime(kind: &str, token: &str, at: usize) -> Result<(), Report> {
    let b = token.as_bytes();
    match kind {
        "local_date" => valid_date(b).then_some(()).ok_or_else(|| bad_date(at + 10)),
        "local_time" => valid_time(b)
            .then_some(())
            .ok_or_else(|| bad_time(at + b.len())),
        _ => {
            let local = lex_local_datetime(b, 0).unwrap_or(b.len());
            let in_copy = |mut r: Report| {
                r.places[0].own_text = Some(token[..local].to_string());
                r
            };
            if !valid_date(b) {
                return Err(in_copy(bad_date(10)));
            }
            if !valid_time(&b[11..]) {
                return Err(in_copy(bad_time(local)));
            }
            let offset = &b[local..];
            if offset.len() == 6 && (number(&offset[1..3]) > 23 || number(&offset[4..6]) > 59) {
                return Err(Report::at(
                    "toml::parse_offset_datetime: invalid offset: it does not conform RFC3339.",
                    at + b.len(),
                    "month should be 01-12, day should be 01-28,29,30,31, depending on month/year.",
                )
                .thrown());
            }
            Ok(())
        }
    }
}

/// Reads the bare value (boolean, number, date or time) at `at`, as toml11
/// does: the longest prefix of the text that is one; the scalar and its
/// end, or toml11's error.
pub(super) fn bare_value(text: &str, at: usize) -> Result<(Scalar, usize), Report> {
    let b = text.as_bytes();
    let word = |w: &str, value: Scalar, title: &str, label: &str| {
        if text[at..].starts_with(w) {
            Ok((value, at + w.len()))
        } else {
            Err(Report::at(title, at, label))
        }
    };
    match b.get(at) {
        Some(b't') => {
            return word(
                "true",
                Scalar::Bool(true),
                "toml::parse_boolean:",
                "the next token is not a boolean",
            )
        }
        Some(b'f') => {
            return word(
                "false",
                Scalar::Bool(false),
                "toml::parse_boolean:",
                "the next token is not a boolean",
            )
        }
        Some(b'i') => {
            return word(
                "inf",
                Scalar::Float(f64::INFINITY),
                "toml::parse_floating:",
                "the next token is not a float",
            )
        }
        Some(b'n') => {
            return word(
                "nan",
                Scalar::Float(f64::NAN),
                "toml::parse_floating:",
                "the next token is not a float",
            )
        }
        Some(c) if c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.' | b'_') => {}
        _ => return Err(unknown_value(at)),
    }
    match guess_number(b, at)? {
        Shape::Datetime(kind, end) => {
            check_datetime(kind, &text[at..end], at)?;
            Ok((Scalar::Datetime(kind, text[at..end].to_string()), end))
        }
        Shape::Number(end) => {
            let token = &text[at..end];
            if token == "0" {
                let prefix = b.get(end).copied().filter(u8::is_ascii_alphabetic);
                let title = match prefix {
                    None => "",
                    Some(b'x') => "toml::parse_hexadecimal_integer",
                    Some(b'o') => "toml::parse_octal_integer:",
                    Some(b'b') => "toml::parse_binary_integer:",
                    Some(_) => {
                        return Err(Report::at(
                            "toml::parse_integer: unknown integer prefix appeared.",
                            at,
                            "none of 0x, 0o, 0b",
                        ))
                    }
                };
                if !title.is_empty() {
                    return Err(Report::at(title, at, "the next token is not an integer"));
                }
            }
            let value = bare(token).ok_or_else(|| unknown_value(at))?;
            Ok((value, end))
        }
    }
}

/// A bare token as a scalar.
pub(super) fn bare(token: &str) -> Option<Scalar> {
    match token {
        "true" => return Some(Scalar::Bool(true)),
        "false" => return Some(Scalar::Bool(false)),
        "inf" | "+inf" => return Some(Scalar::Float(f64::INFINITY)),
        "-inf" => return Some(Scalar::Float(f64::NEG_INFINITY)),
        "nan" | "+nan" => return Some(Scalar::Float(f64::NAN)),
        "-nan" => return Some(Scalar::Float(-f64::NAN)),
        _ => {}
    }
    let b = token.as_bytes();
    if let Some(kind) = datetime_kind(b) {
        return Some(Scalar::Datetime(kind, token.to_string()));
    }
    if let Some(i) = integer(token) {
        return Some(i);
    }
    float(token).map(Scalar::Float)
}

/// Digits of `radix` separated by single underscores, at least one.
fn digits_ok(s: &[u8], radix: u32) -> bool {
    !s.is_empty()
        && s[0] != b'_'
        && s[s.len() - 1] != b'_'
        && !s.windows(2).any(|w| w == b"__")
        && s.iter()
            .all(|&c| c == b'_' || char::from(c).is_digit(radix))
}

/// An integer token: its value, or (as `Scalar::TooLarge`) its radix when
/// it does not fit in 64 signed bits.
fn integer(token: &str) -> Option<Scalar> {
    let b = token.as_bytes();
    let (radix, body) = match b.get(..2) {
        Some(b"0x") => (16, &b[2..]),
        Some(b"0o") => (8, &b[2..]),
        Some(b"0b") => (2, &b[2..]),
        _ => (10, b),
    };
    if radix != 10 {
        if !digits_ok(body, radix) {
            return None;
        }
        let digits: String = token[2..].chars().filter(|&c| c != '_').collect();
        return Some(match i64::from_str_radix(&digits, radix) {
            Ok(v) => Scalar::Int(v),
            Err(_) => Scalar::TooLarge(radix),
        });
    }
    let unsigned = body
        .strip_prefix(b"+")
        .or_else(|| body.strip_prefix(b"-"))
        .unwrap_or(body);
    if !digits_ok(unsigned, 10) || (unsigned[0] == b'0' && unsigned.len() > 1) {
        return None;
    }
    let digits: String = token.chars().filter(|&c| c != '_').collect();
    Some(match digits.parse::<i64>() {
        Ok(v) => Scalar::Int(v),
        Err(_) => Scalar::TooLarge(10),
    })
}

/// A date or time as current Nix shows it with `parse-toml-timestamps`
/// (toml11 4's way of writing it back): `T` between date and time,
/// fractional seconds in as many of 3, 6 or 9 digits as they need (none
/// if zero; digits past the ninth are dropped), an offset of zero (`z`,
/// `+00:00`, `-00:00`) as `Z`.
pub(super) fn timestamp(token: &str) -> String {
    let mut out = String::new();
    let mut rest = token;
    if token.len() >= 10 && token.as_bytes().get(4) == Some(&b'-') {
        out.push_str(&token[..10]);
        rest = &token[10..];
        if rest.is_empty() {
            return out;
        }
        out.push('T');
        rest = &rest[1..];
    }
    // HH:MM:SS, then an optional fraction and offset.
    out.push_str(&rest[..rest.len().min(8)]);
    rest = &rest[rest.len().min(8)..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        let mut nanos: String = fraction[..digits].chars().take(9).collect();
        while nanos.len() < 9 {
            nanos.push('0');
        }
        let shown = if nanos.bytes().all(|c| c == b'0') {
            ""
        } else if nanos.ends_with("000000") {
            &nanos[..3]
        } else if nanos.ends_with("000") {
            &nanos[..6]
        } else {
            &nanos
        };
        if !shown.is_empty() {
            out.push('.');
            out.push_str(shown);
        }
        rest = &fraction[digits..];
    }
    match rest {
        "" => {}
        "z" | "Z" | "+00:00" | "-00:00" => out.push('Z'),
        offset => out.push_str(offset),
    }
    out
}

/// A float token (not `inf`/`nan`): clamped to the largest finite value
/// when it does not fit, as 2.8 reads it.
fn float(token: &str) -> Option<f64> {
    let b = token.as_bytes();
    let unsigned = b
        .strip_prefix(b"+")
        .or_else(|| b.strip_prefix(b"-"))
        .unwrap_or(b);
    let exp_at = unsigned.iter().position(|&c| c == b'e' || c == b'E');
    let (mantissa, exponent) = match exp_at {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let (int_part, frac) = match mantissa.iter().position(|&c| c == b'.') {
        Some(i) => (&mantissa[..i], Some(&mantissa[i + 1..])),
        None => (mantissa, None),
    };
    if !digits_ok(int_part, 10) || (int_part[0] == b'0' && int_part.len() > 1) {
        return None;
    }
    if frac.is_none() && exponent.is_none() {
        return None;
    }
    if frac.is_some_and(|f| !digits_ok(f, 10)) {
        return None;
    }
    if let Some(e) = exponent {
        let e = e
            .strip_prefix(b"+")
            .or_else(|| e.strip_prefix(b"-"))
            .unwrap_or(e);
        if !digits_ok(e, 10) {
            return None;
        }
    }
    let digits: String = token.chars().filter(|&c| c != '_').collect();
    let f: f64 = digits.parse().ok()?;
    Some(if f.is_infinite() {
        f64::MAX.copysign(f)
    } else {
        f
    })
}

/// `n` ASCII digits.
fn digits(b: &[u8], n: usize) -> bool {
    b.len() == n && b.iter().all(u8::is_ascii_digit)
}

/// `YYYY-MM-DD`.
fn is_date(b: &[u8]) -> bool {
    b.len() == 10
        && digits(&b[..4], 4)
        && b[4] == b'-'
        && digits(&b[5..7], 2)
        && b[7] == b'-'
        && digits(&b[8..], 2)
}

/// The number written with the ASCII digits `b`.
fn number(b: &[u8]) -> u32 {
    b.iter().fold(0, |n, &c| n * 10 + u32::from(c - b'0'))
}

/// Whether a date (known to be `YYYY-MM-DD`) names a day of the calendar,
/// as toml11 requires.
fn valid_date(b: &[u8]) -> bool {
    let (year, month, day) = (number(&b[..4]), number(&b[5..7]), number(&b[8..10]));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// `HH:MM:SS` (a valid time of day) with an optional fraction; the rest
/// after it (an offset).
fn time(b: &[u8]) -> Option<&[u8]> {
    if b.len() < 8
        || !(digits(&b[..2], 2)
            && b[2] == b':'
            && digits(&b[3..5], 2)
            && b[5] == b':'
            && digits(&b[6..8], 2))
    {
        return None;
    }
    if number(&b[..2]) > 23 || number(&b[3..5]) > 59 || number(&b[6..8]) > 60 {
        return None;
    }
    let mut i = 8;
    if b.get(i) == Some(&b'.') {
        let n = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        i += 1 + n;
    }
    Some(&b[i..])
}

/// An offset: `Z` or `±HH:MM`.
fn is_offset(b: &[u8]) -> bool {
    matches!(b, [b'Z' | b'z'])
        || (b.len() == 6
            && matches!(b[0], b'+' | b'-')
            && digits(&b[1..3], 2)
            && b[3] == b':'
            && digits(&b[4..], 2))
}

/// toml11's type name of a date or time token.
fn datetime_kind(b: &[u8]) -> Option<&'static str> {
    if b.len() >= 10 && is_date(&b[..10]) {
        if !valid_date(&b[..10]) {
            return None;
        }
        if b.len() == 10 {
            return Some("local_date");
        }
        if !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        let rest = time(&b[11..])?;
        return if rest.is_empty() {
            Some("local_datetime")
        } else if is_offset(rest) {
            Some("offset_datetime")
        } else {
            None
        };
    }
    match time(b) {
        Some([]) => Some("local_time"),
        _ => None,
    }
}

/// Whether `c` may appear unescaped in a string or comment (tab, and no
/// other control character).
pub(super) fn is_text_char(c: char) -> bool {
    c == '\t' || !(c.is_control() && (c as u32) < 0x80)
}

/// The kinds of strings, and toml11's error for each when it is malformed.
const STRING_ERRORS: [&str; 4] = [
    "toml::parse_basic_string: the next token is not a valid string",
    "toml::parse_ml_basic_string: the next token is not a valid multiline string",
    "toml::parse_literal_string: the next token is not a valid literal string",
    "toml::parse_ml_literal_string: the next token is not a valid multiline literal string",
];

/// Why a string could not be read.
pub(super) enum BadString {
    /// It is not a string of its kind (toml11's error, at its start).
    Shape(Report),
    /// An escape names no Unicode scalar value (toml11 checks the shape of
    /// the whole string first).
    Codepoint(Report),
}

impl BadString {
    /// toml11's error.
    pub(super) fn report(self) -> Report {
        match self {
            BadString::Shape(r) | BadString::Codepoint(r) => r,
        }
    }
}

/// Reads a string starting at `at` (at its opening quote); the string and
/// the offset after its closing quote.
pub(super) fn string(text: &str, at: usize) -> Result<(String, usize), BadString> {
    let rest = &text[at..];
    let (kind, read) = if rest.starts_with("\"\"\"") {
        (1, multiline(text, at + 3, b'"'))
    } else if rest.starts_with("'''") {
        (3, multiline(text, at + 3, b'\''))
    } else if rest.starts_with('"') {
        (0, basic(text, at))
    } else {
        (2, literal(text, at))
    };
    match read {
        None => Err(BadString::Shape(Report::at(
            STRING_ERRORS[kind],
            at,
            "here",
        ))),
        Some((Err(r), _)) => Err(BadString::Codepoint(r)),
        Some((Ok(s), end)) => Ok((s, end)),
    }
}

/// What reading a string's body gives: `None` if it is not a string, else
/// its text (or the first escape that names no character) and its end.
type Body = Option<(Result<String, Report>, usize)>;

/// Adds a character (or the error of its escape) to a string being read;
/// after an error, the string's shape is still checked to its end.
fn push(out: &mut Result<String, Report>, c: Result<char, Report>) {
    match (out.as_mut(), c) {
        (Ok(s), Ok(c)) => s.push(c),
        (Ok(_), Err(r)) => *out = Err(r),
        (Err(_), _) => {}
    }
}

/// A basic string `"…"` at `at`.
fn basic(text: &str, at: usize) -> Body {
    let mut out = Ok(String::new());
    let mut i = at + 1;
    loop {
        let c = text[i..].chars().next()?;
        match c {
            '"' => return Some((out, i + 1)),
            '\\' => {
                let (c, next) = escape(text, i)?;
                push(&mut out, c);
                i = next;
            }
            c if is_text_char(c) => {
                push(&mut out, Ok(c));
                i += c.len_utf8();
            }
            _ => return None,
        }
    }
}

/// A literal string `'…'` at `at`.
fn literal(text: &str, at: usize) -> Body {
    let end = text[at + 1..].find(['\'', '\n'])? + at + 1;
    let body = &text[at + 1..end];
    if text.as_bytes()[end] != b'\'' || !body.chars().all(is_text_char) {
        return None;
    }
    Some((Ok(body.to_string()), end + 1))
}

/// The escape sequence at `at` (a backslash): its character (or, for a
/// Unicode escape naming no character, toml11's error, at its end) and the
/// offset after it; `None` if it is not an escape.
fn escape(text: &str, at: usize) -> Option<(Result<char, Report>, usize)> {
    let b = text.as_bytes();
    let c = match b.get(at + 1)? {
        b'\\' => '\\',
        b'"' => '"',
        b'b' => '\u{8}',
        b't' => '\t',
        b'n' => '\n',
        b'f' => '\u{c}',
        b'r' => '\r',
        b'u' | b'U' => {
            let n = if b[at + 1] == b'u' { 4 } else { 8 };
            let hex = text.get(at + 2..at + 2 + n)?;
            if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
                return None;
            }
            let end = at + 2 + n;
            let code = u32::from_str_radix(hex, 16).ok()?;
            let c = char::from_u32(code).ok_or_else(|| {
                if code > 0x10FFFF {
                    Report::at(
                        "toml::read_utf8_codepoint: input codepoint is too large.",
                        end,
                        "should be in [0x00..0x10FFFF]",
                    )
                } else {
                    Report::at(
                        "toml::read_utf8_codepoint: codepoints in the range [0xD800, 0xDFFF] are not valid UTF-8.",
                        end,
                        "not a valid UTF-8 codepoint",
                    )
                }
                .thrown()
            });
            return Some((c, end));
        }
        _ => return None,
    };
    Some((Ok(c), at + 2))
}

/// Reads a multi-line string whose body starts at `at` (after the opening
/// quotes); a newline right after them is not part of it.
fn multiline(text: &str, mut at: usize, quote: u8) -> Body {
    let b = text.as_bytes();
    if b[at..].starts_with(b"\r\n") {
        at += 2;
    } else if b.get(at) == Some(&b'\n') {
        at += 1;
    }
    let mut out = Ok(String::new());
    let mut i = at;
    loop {
        let c = text[i..].chars().next()?;
        match c {
            _ if c as u32 == u32::from(quote) => {
                // Up to two quotes before the closing three belong to the
                // string; more are left after it.
                let run = b[i..].iter().take_while(|&&x| x == quote).count().min(5);
                let quotes = if run >= 3 { run - 3 } else { run };
                for _ in 0..quotes {
                    push(&mut out, Ok(char::from(quote)));
                }
                if run >= 3 {
                    return Some((out, i + run));
                }
                i += run;
            }
            '\\' if quote == b'"' => {
                // A backslash ending a line removes the line end and the
                // blanks after it.
                let after = b[i + 1..]
                    .iter()
                    .take_while(|&&x| x == b' ' || x == b'\t')
                    .count();
                let nl = match &b[i + 1 + after..] {
                    [b'\n', ..] => Some(1),
                    [b'\r', b'\n', ..] => Some(2),
                    _ => None,
                };
                if let Some(nl) = nl {
                    i += 1 + after + nl;
                    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n')
                        || b[i..].starts_with(b"\r\n")
                    {
                        i += if b[i] == b'\r' { 2 } else { 1 };
                    }
                } else {
                    let (c, next) = escape(text, i)?;
                    push(&mut out, c);
                    i = next;
                }
            }
            '\n' => {
                push(&mut out, Ok('\n'));
                i += 1;
            }
            '\r' if b.get(i + 1) == Some(&b'\n') => {
                push(&mut out, Ok('\r'));
                push(&mut out, Ok('\n'));
                i += 2;
            }
            c if is_text_char(c) => {
                push(&mut out, Ok(c));
                i += c.len_utf8();
            }
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(bare("1_000"), Some(Scalar::Int(1000)));
        assert_eq!(bare("99999999999999999999"), Some(Scalar::TooLarge(10)));
        assert_eq!(bare("-99999999999999999999"), Some(Scalar::TooLarge(10)));
        assert_eq!(bare("-9223372036854775808"), Some(Scalar::Int(i64::MIN)));
        assert_eq!(bare("0xFFFFFFFFFFFFFFFFF"), Some(Scalar::TooLarge(16)));
        assert_eq!(bare("0x7FFFFFFFFFFFFFFF"), Some(Scalar::Int(i64::MAX)));
        assert_eq!(bare("0b11"), Some(Scalar::Int(3)));
        assert_eq!(bare("-1e400"), Some(Scalar::Float(-f64::MAX)));
        assert_eq!(bare("1e-400"), Some(Scalar::Float(0.0)));
        assert_eq!(bare("01"), None);
        assert_eq!(bare("1__0"), None);
        assert_eq!(bare("1."), None);
        assert_eq!(bare(".1"), None);
        assert_eq!(bare("1e"), None);
        assert_eq!(bare("0x"), None);
        assert_eq!(bare("+0x1"), None);
    }

    #[test]
    fn datetimes() {
        let kind = |t: &str| match bare(t) {
            Some(Scalar::Datetime(k, _)) => Some(k),
            _ => None,
        };
        assert_eq!(kind("1979-05-27"), Some("local_date"));
        assert_eq!(kind("1979-05-27T07:32:00"), Some("local_datetime"));
        assert_eq!(kind("1979-05-27 07:32:00Z"), Some("offset_datetime"));
        assert_eq!(kind("07:32:00.5"), Some("local_time"));
        assert_eq!(bare("07:32"), None);
        assert_eq!(bare("2000-13-01"), None);
        assert_eq!(bare("2001-02-29"), None);
        assert_eq!(kind("2000-02-29"), Some("local_date"));
        assert_eq!(bare("1979-05-27T24:00:00"), None);
    }

    #[test]
    fn timestamps_are_written_as_toml11_4_writes_them() {
        for (token, shown) in [
            ("1979-05-27 07:32:00z", "1979-05-27T07:32:00Z"),
            ("1979-05-27t07:32:00.5-00:00", "1979-05-27T07:32:00.500Z"),
            (
                "1979-05-27T07:32:00.999999-07:00",
                "1979-05-27T07:32:00.999999-07:00",
            ),
            (
                "1979-05-27T07:32:00.1234567+05:30",
                "1979-05-27T07:32:00.123456700+05:30",
            ),
            (
                "1979-05-27T07:32:00.123456789123",
                "1979-05-27T07:32:00.123456789",
            ),
            ("07:32:00.000", "07:32:00"),
            ("1979-05-27", "1979-05-27"),
        ] {
            assert_eq!(timestamp(token), shown);
        }
    }

    #[test]
    fn strings() {
        let ok = |t: &str| string(t, 0).ok();
        assert_eq!(ok("\"a\\tb\" x"), Some(("a\tb".into(), 6)));
        assert_eq!(ok("'a\\b'"), Some(("a\\b".into(), 5)));
        assert_eq!(ok("\"\"\"\na\\\n   b\"\"\"\""), Some(("ab\"".into(), 15)));
        assert_eq!(ok("\"a"), None);
        assert_eq!(ok("\"\\q\""), None);
        assert!(matches!(
            string("\"\\uD800\\q\"", 0),
            Err(BadString::Shape(_))
        ));
        assert!(matches!(
            string("\"\\uD800\"", 0),
            Err(BadString::Codepoint(_))
        ));
    }
}
