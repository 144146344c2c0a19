//! Version strings: `compareVersions`, `splitVersion`, `parseDrvName`.
//!
//! A version is a sequence of components: runs of digits, or runs of
//! anything else but the separators `.` and `-` (which only separate).
//! "Digit" and "letter" are ASCII only, as in C++ Nix's C locale.

use super::string_no_context;
use super::strings::in_order;
use super::{ok, PrimOpDef, PrimRet};
use crate::error::Result;
use crate::symbol::Symbol;
use crate::value::{Attrs, Value};
use crate::vm::Vm;
use std::cmp::Ordering;

pub static PRIMOPS: &[PrimOpDef] = &[
    prim!("compareVersions", 2, 1, compare_versions),
    prim!("splitVersion", 1, 1, split_version),
    prim!("parseDrvName", 1, 1, parse_drv_name),
];

/// The next component at or after `*pos` (empty at the end).
fn next_component<'a>(s: &'a [u8], pos: &mut usize) -> &'a [u8] {
    while *pos < s.len() && matches!(s[*pos], b'.' | b'-') {
        *pos += 1;
    }
    let start = *pos;
    let digits = s.get(start).is_some_and(u8::is_ascii_digit);
    while *pos < s.len() {
        let c = s[*pos];
        let more = if digits {
            c.is_ascii_digit()
        } else {
            !c.is_ascii_digit() && c != b'.' && c != b'-'
        };
        if !more {
            break;
        }
        *pos += 1;
    }
    &s[start..*pos]
}

/// A component's number, if it is one. Nix parses into a C `int`, so a
/// run of digits too big for one is not a number (and sorts like a word).
fn number(c: &[u8]) -> Option<i32> {
    if c.is_empty() || !c.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(c).ok()?.parse().ok()
}

/// Component order: numbers numerically; a missing component before a
/// number; "pre" before anything else; words before numbers (`2.3a` is
/// older than `2.3.1`); words by bytes.
fn component_less(c1: &[u8], c2: &[u8]) -> bool {
    let (n1, n2) = (number(c1), number(c2));
    match (n1, n2) {
        (Some(a), Some(b)) => a < b,
        _ if c1.is_empty() && n2.is_some() => true,
        _ if c1 == b"pre" && c2 != b"pre" => true,
        _ if c2 == b"pre" => false,
        (_, Some(_)) => true,
        (Some(_), _) => false,
        _ => c1 < c2,
    }
}

pub fn compare(v1: &[u8], v2: &[u8]) -> Ordering {
    let (mut p1, mut p2) = (0, 0);
    while p1 < v1.len() || p2 < v2.len() {
        let c1 = next_component(v1, &mut p1);
        let c2 = next_component(v2, &mut p2);
        if component_less(c1, c2) {
            return Ordering::Less;
        }
        if component_less(c2, c1) {
            return Ordering::Greater;
        }
    }
    Ordering::Equal
}

fn compare_versions(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    string_no_context(&a[0])?;
    in_order(
        vm,
        a,
        1..2,
        |_, v| string_no_context(v).map(|_| ()),
        |_, a| {
            let order = compare(
                &string_no_context(&a[0])?.bytes,
                &string_no_context(&a[1])?.bytes,
            );
            ok(Value::Int(order as i64))
        },
    )
}

fn split_version(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = string_no_context(&a[0])?;
    let mut pos = 0;
    let mut parts = Vec::new();
    loop {
        let c = next_component(&s.bytes, &mut pos);
        if c.is_empty() {
            break;
        }
        parts.push(Value::string(c));
    }
    ok(Value::list(parts))
}

/// The name ends at the first `-` that is not followed by a letter; the
/// version is what follows it.
fn parse_drv_name(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let s = string_no_context(&a[0])?;
    let b = &s.bytes;
    let split = (0..b.len())
        .find(|&i| b[i] == b'-' && b.get(i + 1).is_some_and(|c| !c.is_ascii_alphabetic()));
    let (name, version): (&[u8], &[u8]) = match split {
        Some(i) => (&b[..i], &b[i + 1..]),
        None => (b, b""),
    };
    ok(Value::attrs(Attrs::from_unsorted(vec![
        (Symbol::new("name"), Value::string(name)),
        (Symbol::new("version"), Value::string(version)),
    ])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordering() {
        let c = |a: &str, b: &str| compare(a.as_bytes(), b.as_bytes()) as i32;
        assert_eq!(c("1.0", "1.0.0"), -1);
        assert_eq!(c("1.0pre1", "1.0"), -1);
        assert_eq!(c("2.3a", "2.3"), 1);
        assert_eq!(c("2.3a", "2.3.1"), -1);
        assert_eq!(c("", ""), 0);
        assert_eq!(c("01", "1"), 0);
        assert_eq!(c("1..2", "1.2"), 0);
        assert_eq!(c("1.2147483648", "1.2147483647"), -1);
        assert_eq!(c("pre", ""), -1);
        assert_eq!(c("1.\u{e9}", "1.e"), 1);
    }
}
