//! Indented strings (`''...''`) as Nix 2.8 reads them: its lexer splits the
//! text into pieces (plain runs, each escape on its own, each `${...}`), then
//! the smallest indentation of the lines is stripped across the pieces.
//! Shared by the compiler (string values) and `show` (printing them back).

use super::unescape_char;

/// The opening `''` takes spaces up to and including a newline with it.
pub fn skip_opening_line(raw: &str) -> &str {
    let spaces = raw.bytes().take_while(|b| *b == b' ').count();
    if raw.as_bytes().get(spaces) == Some(&b'\n') {
        &raw[spaces + 1..]
    } else {
        raw
    }
}

/// A piece of a `''` string as 2.8's lexer splits it.
pub enum Piece<T> {
    /// Text, and whether it is a run of source text, whose leading spaces are
    /// indentation (`true`), or an escape (`''$`, `'''`, `''\x`) or a lone
    /// `$` or `'`, which 2.8 lexes apart and which ends a line's
    /// indentation (`false`).
    Text(String, bool),
    Interp(T),
}

/// Split the source text of a `''` string piece the way 2.8's lexer does.
/// Text is kept as written, CRs included (2.8 does not read a CR there as a
/// line break), and `''\` before a CR stands for that CR.
pub fn lex<T>(raw: &str, out: &mut Vec<Piece<T>>) {
    let b = raw.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let next = b.get(i + 1).copied();
        let (text, len): (String, usize) = match (b[i], next) {
            (b'\'', Some(b'\'')) => match b.get(i + 2) {
                Some(b'$') => ("$".into(), 3),
                Some(b'\'') => ("''".into(), 3),
                Some(b'\\') => match raw[i + 3..].chars().next() {
                    Some(c) => (unescape_char(c).to_string(), 3 + c.len_utf8()),
                    None => (String::new(), 3),
                },
                // `''` ends the string: it cannot be inside a piece.
                _ => ("''".into(), 2),
            },
            // A `$` or `'` is lexed alone when what follows makes it special
            // (`${`, `$''`, `'$`, or the piece ends there).
            (b'$', None | Some(b'{' | b'\'')) => ("$".into(), 1),
            (b'\'', None | Some(b'$')) => ("'".into(), 1),
            (b'$' | b'\'', Some(_)) => {
                // Otherwise it and the next character belong to the run.
                i += 1 + raw[i + 1..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        if start < i {
            out.push(Piece::Text(raw[start..i].to_string(), true));
        }
        out.push(Piece::Text(text, false));
        i += len;
        start = i;
    }
    if start < b.len() {
        out.push(Piece::Text(raw[start..].to_string(), true));
    }
}

/// 2.8's `stripIndentation`. The least indentation is measured over lines
/// with content, counting only spaces in runs of source text: an escape or
/// an interpolation ends a line's indentation. Then that many spaces are
/// dropped from the start of every line, where escapes count as text (an
/// escaped newline starts a line, an escaped space can be dropped), and the
/// last piece loses a final line of only spaces.
pub fn strip<T>(pieces: Vec<Piece<T>>) -> Vec<Piece<T>> {
    let mut min_indent = usize::MAX;
    let mut cur = 0;
    let mut at_start = true;
    for p in &pieces {
        match p {
            Piece::Text(s, true) => {
                for c in s.bytes() {
                    if at_start {
                        if c == b' ' {
                            cur += 1;
                        } else if c == b'\n' {
                            cur = 0;
                        } else {
                            at_start = false;
                            min_indent = min_indent.min(cur);
                        }
                    } else if c == b'\n' {
                        at_start = true;
                        cur = 0;
                    }
                }
            }
            _ => {
                if at_start {
                    at_start = false;
                    min_indent = min_indent.min(cur);
                }
            }
        }
    }
    let n = pieces.len();
    let mut at_start = true;
    let mut dropped = 0;
    let mut out = Vec::with_capacity(n);
    for (i, p) in pieces.into_iter().enumerate() {
        match p {
            Piece::Interp(e) => {
                at_start = false;
                dropped = 0;
                out.push(Piece::Interp(e));
            }
            Piece::Text(s, kind) => {
                let mut s2 = String::with_capacity(s.len());
                for c in s.chars() {
                    if at_start {
                        if c == ' ' {
                            if dropped >= min_indent {
                                s2.push(c);
                            }
                            dropped += 1;
                        } else if c == '\n' {
                            dropped = 0;
                            s2.push(c);
                        } else {
                            at_start = false;
                            dropped = 0;
                            s2.push(c);
                        }
                    } else {
                        s2.push(c);
                        if c == '\n' {
                            at_start = true;
                        }
                    }
                }
                if i + 1 == n {
                    if let Some(p) = s2.rfind('\n') {
                        if s2[p + 1..].bytes().all(|b| b == b' ') {
                            s2.truncate(p + 1);
                        }
                    }
                }
                out.push(Piece::Text(s2, kind));
            }
        }
    }
    out
}
