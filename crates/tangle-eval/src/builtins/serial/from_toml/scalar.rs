//! TOML scalars as Nix 2.8 (toml11) reads them: strings with their
//! escapes, integers (decimal, hexadecimal and octal ones clamped to 64
//! bits, binary ones wrapped), floats (clamped to the largest finite
//! value), booleans, and the shapes of dates and times (which fromTOML
//! refuses after the whole document is read).
//!
//! Each reader is strict: `None` means the text is not that scalar, and
//! the caller leaves the document to the fallback path, which reports the
//! error.

/// A scalar read from a document.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Scalar {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A date or time; the name is toml11's name of its type.
    Datetime(&'static str),
}

impl Scalar {
    /// toml11's name of the scalar's type (in "actual type is …").
    pub(super) fn type_name(&self) -> &'static str {
        match self {
            Scalar::Str(_) => "string",
            Scalar::Int(_) => "integer",
            Scalar::Float(_) => "floating",
            Scalar::Bool(_) => "boolean",
            Scalar::Datetime(name) => name,
        }
    }
}

/// Whether `c` may appear in a number, boolean, date or time token.
pub(super) fn is_token_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'+' | b'-' | b'.' | b':')
}

/// The end of the bare token (number, boolean, date or time) starting at
/// `at`. A date followed by a space and a time is one token.
pub(super) fn token_end(b: &[u8], at: usize) -> usize {
    let run = |from: usize| {
        let mut i = from;
        while i < b.len() && is_token_byte(b[i]) {
            i += 1;
        }
        i
    };
    let end = run(at);
    if is_date(&b[at..end])
        && b.get(end) == Some(&b' ')
        && b.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        let time_end = run(end + 1);
        if time_like(&b[end + 1..time_end]) {
            return time_end;
        }
    }
    end
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
        return Some(Scalar::Datetime(kind));
    }
    if let Some(i) = integer(token) {
        return Some(Scalar::Int(i));
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

/// An integer token, clamped or wrapped as 2.8 reads it.
fn integer(token: &str) -> Option<i64> {
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
        return match i64::from_str_radix(&digits, radix) {
            Ok(v) => Some(v),
            Err(_) if radix == 2 => Some(
                digits
                    .bytes()
                    .fold(0i64, |v, c| v.wrapping_shl(1) | i64::from(c - b'0')),
            ),
            Err(_) => Some(i64::MAX),
        };
    }
    let unsigned = body
        .strip_prefix(b"+")
        .or_else(|| body.strip_prefix(b"-"))
        .unwrap_or(body);
    if !digits_ok(unsigned, 10) || (unsigned[0] == b'0' && unsigned.len() > 1) {
        return None;
    }
    let digits: String = token.chars().filter(|&c| c != '_').collect();
    Some(
        digits
            .parse::<i64>()
            .unwrap_or(if b[0] == b'-' { i64::MIN } else { i64::MAX }),
    )
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

/// Whether the text after a date's space starts like a time.
fn time_like(b: &[u8]) -> bool {
    time(b).is_some()
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

/// Reads a string starting at `at` (at its opening quote); the string and
/// the offset after its closing quote.
pub(super) fn string(text: &str, at: usize) -> Option<(String, usize)> {
    let rest = &text[at..];
    if rest.starts_with("\"\"\"") {
        multiline(text, at + 3, b'"')
    } else if rest.starts_with("'''") {
        multiline(text, at + 3, b'\'')
    } else if rest.starts_with('"') {
        let mut out = String::new();
        let mut i = at + 1;
        loop {
            let c = text[i..].chars().next()?;
            match c {
                '"' => return Some((out, i + 1)),
                '\\' => {
                    let (s, next) = escape(text, i)?;
                    out.push(s);
                    i = next;
                }
                c if is_text_char(c) => {
                    out.push(c);
                    i += c.len_utf8();
                }
                _ => return None,
            }
        }
    } else if let Some(body) = rest.strip_prefix('\'') {
        let end = body.find(['\'', '\n'])? + at + 1;
        let body = &text[at + 1..end];
        if text.as_bytes()[end] != b'\'' || !body.chars().all(is_text_char) {
            return None;
        }
        Some((body.to_string(), end + 1))
    } else {
        None
    }
}

/// The escape sequence at `at` (a backslash) and the offset after it.
fn escape(text: &str, at: usize) -> Option<(char, usize)> {
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
            let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
            return Some((c, at + 2 + n));
        }
        _ => return None,
    };
    Some((c, at + 2))
}

/// Reads a multi-line string whose body starts at `at` (after the opening
/// quotes); a newline right after them is not part of it.
fn multiline(text: &str, mut at: usize, quote: u8) -> Option<(String, usize)> {
    let b = text.as_bytes();
    if b[at..].starts_with(b"\r\n") {
        at += 2;
    } else if b.get(at) == Some(&b'\n') {
        at += 1;
    }
    let mut out = String::new();
    let mut i = at;
    loop {
        let c = text[i..].chars().next()?;
        match c {
            _ if c as u32 == u32::from(quote) => {
                let run = b[i..].iter().take_while(|&&x| x == quote).count();
                if run >= 3 {
                    if run > 5 {
                        return None;
                    }
                    out.extend(std::iter::repeat_n(char::from(quote), run - 3));
                    return Some((out, i + run));
                }
                out.extend(std::iter::repeat_n(char::from(quote), run));
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
                    let (s, next) = escape(text, i)?;
                    out.push(s);
                    i = next;
                }
            }
            '\n' => {
                out.push('\n');
                i += 1;
            }
            '\r' if b.get(i + 1) == Some(&b'\n') => {
                out.push_str("\r\n");
                i += 2;
            }
            c if is_text_char(c) => {
                out.push(c);
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
        assert_eq!(bare("99999999999999999999"), Some(Scalar::Int(i64::MAX)));
        assert_eq!(bare("-99999999999999999999"), Some(Scalar::Int(i64::MIN)));
        assert_eq!(bare("0xFFFFFFFFFFFFFFFFF"), Some(Scalar::Int(i64::MAX)));
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
        assert_eq!(bare("1979-05-27"), Some(Scalar::Datetime("local_date")));
        assert_eq!(
            bare("1979-05-27T07:32:00"),
            Some(Scalar::Datetime("local_datetime"))
        );
        assert_eq!(
            bare("1979-05-27 07:32:00Z"),
            Some(Scalar::Datetime("offset_datetime"))
        );
        assert_eq!(bare("07:32:00.5"), Some(Scalar::Datetime("local_time")));
        assert_eq!(bare("07:32"), None);
        assert_eq!(bare("2000-13-01"), None);
        assert_eq!(bare("2001-02-29"), None);
        assert_eq!(bare("2000-02-29"), Some(Scalar::Datetime("local_date")));
        assert_eq!(bare("1979-05-27T24:00:00"), None);
        assert_eq!(token_end(b"1979-05-27 07:32:00 # x", 0), 19);
    }

    #[test]
    fn strings() {
        assert_eq!(string("\"a\\tb\" x", 0), Some(("a\tb".into(), 6)));
        assert_eq!(string("'a\\b'", 0), Some(("a\\b".into(), 5)));
        assert_eq!(
            string("\"\"\"\na\\\n   b\"\"\"\"", 0),
            Some(("ab\"".into(), 15))
        );
        assert_eq!(string("\"a", 0), None);
        assert_eq!(string("\"\\q\"", 0), None);
    }
}
