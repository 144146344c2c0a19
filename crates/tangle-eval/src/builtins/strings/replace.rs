//! `builtins.replaceStrings from to s`, forcing what current Nix forces,
//! in its order.
//!
//! | step | forced | checked |
//! |---|---|---|
//! | 1 | `from` | a list |
//! | 2 | `to` | a list, as long as `from` |
//! | 3 | each pattern in `from`, in order | a string |
//! | 4 | the subject `s` | a string |
//! | 5 | `to`'s element *i*, the first time pattern *i* is replaced | a string |
//!
//! Nix 2.8 forces every element of `to` between steps 3 and 4; current Nix
//! (2.26) forces one only when its pattern is replaced, so an unused
//! replacement may be anything. Tangle follows current Nix.
//!
//! Matching: at each position the patterns are tried in order and the
//! first that matches is replaced; matching goes on after it. An empty
//! pattern matches everywhere, including at the very end, and then the
//! byte at that position is kept.
//!
//! Usually everything is forced already (the elements of a list literal of
//! string literals are the strings themselves), so [`replace_strings`]
//! first tries to finish at once and only boxes a continuation when it has
//! to wait. The result is built in one growing buffer, copying the text
//! between matches in one piece; when nothing is replaced it is the
//! subject itself.

use super::super::{list, string, PrimRet};
use super::add_context;
use crate::error::{Error, Result};
use crate::gc::{Gc, Trace, Tracer};
use crate::value::{Context, NixString, Value};
use crate::vm::{inline, Cont, Step, Vm};

/// The primop: `from` is forced by the caller (strict first argument).
pub fn replace_strings(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let mut r = ReplaceStrings {
        from: list(&a[0])?.to_vec(),
        to_arg: a[1],
        to: None,
        subject_arg: a[2],
        next_pattern: 0,
        state: None,
        waiting: false,
    };
    match r.advance(None)? {
        Step::Done(v) => Ok(PrimRet::Value(v)),
        // `advance` asks again for the same value when the continuation
        // is first resumed (with no input), so nothing is lost here.
        _ => {
            r.waiting = false;
            Ok(PrimRet::Cont(Box::new(r)))
        }
    }
}

/// One call: which arguments are forced and checked so far, then the
/// matching itself.
struct ReplaceStrings {
    /// The patterns. Once checked (step 3), every element is a
    /// `Value::String`: forced thunks are replaced by their values.
    /// The patterns, replaced by their values as they are forced.
    from: Vec<Value>,
    to_arg: Value,
    /// `to`, once forced and checked against `from`'s length.
    to: Option<Gc<Vec<Value>>>,
    subject_arg: Value,
    /// Patterns checked so far (step 3).
    next_pattern: usize,
    /// Present from step 5 on.
    state: Option<MatchState>,
    /// The last step asked for a value; the next resume brings it.
    waiting: bool,
}

impl ReplaceStrings {
    /// Go as far as possible; `input` is the value the last `Step::Force`
    /// asked for, if this is the resume that brings it.
    fn advance(&mut self, mut input: Option<Value>) -> Result<Step> {
        let to = match &self.to {
            Some(to) => *to,
            None => {
                let v = match input.take() {
                    Some(v) => v,
                    None => match inline::settle(&self.to_arg) {
                        Some(v) => v,
                        None => return self.ask(self.to_arg),
                    },
                };
                let to = list(&v)?;
                if to.len() != self.from.len() {
                    return Err(Error::eval(
                        "'from' and 'to' arguments to 'replaceStrings' have different lengths",
                    ));
                }
                self.to = Some(to);
                to
            }
        };
        if self.next_pattern < self.from.len() {
            if let Some(step) = self.check_patterns(&mut input)? {
                return Ok(step);
            }
        }
        let state = match self.state {
            Some(ref mut state) => state,
            None => {
                let v = match input.take() {
                    Some(v) => v,
                    None => match inline::settle(&self.subject_arg) {
                        Some(v) => v,
                        None => return self.ask(self.subject_arg),
                    },
                };
                self.state.insert(MatchState::new(string(&v)?))
            }
        };
        let pats = Patterns::new(&self.from);
        if let Some(v) = input.take() {
            state.replace_pending(&pats, &v)?;
        }
        match state.run(&pats, &to)? {
            Progress::Done(v) => Ok(Step::Done(v)),
            Progress::Force(i) => self.ask(to[i]),
        }
    }

    /// Step 3: check the patterns in order. A pattern that is a forced
    /// thunk makes a copy of the list holding the values themselves, so
    /// matching reads every pattern directly. `Some` asks for a pattern.
    fn check_patterns(&mut self, input: &mut Option<Value>) -> Result<Option<Step>> {
        while self.next_pattern < self.from.len() {
            let i = self.next_pattern;
            let v = match &self.from[i] {
                Value::String(_) => {
                    self.next_pattern += 1;
                    continue;
                }
                Value::Thunk(_) => match input.take().or_else(|| self.from[i].whnf()) {
                    Some(v) => v,
                    None => return self.ask(self.from[i]).map(Some),
                },
                other => *other,
            };
            string(&v)?;
            self.from[i] = v;
            self.next_pattern += 1;
        }
        Ok(None)
    }

    fn ask(&mut self, v: Value) -> Result<Step> {
        self.waiting = true;
        Ok(Step::Force(v))
    }
}

impl Cont for ReplaceStrings {
    fn trace(&self, t: &mut Tracer) {
        self.from.trace(t);
        self.to_arg.trace(t);
        self.to.trace(t);
        self.subject_arg.trace(t);
        if let Some(m) = &self.state {
            t.mark(m.subject);
        }
    }
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        let input = if self.waiting { Some(input) } else { None };
        self.waiting = false;
        self.advance(input)
    }
}

/// How far [`MatchState::run`] got.
enum Progress {
    Done(Value),
    /// The replacement of this pattern must be forced first.
    Force(usize),
}

/// The patterns, all strings (step 3 checked them), indexed by first byte.
/// Those after the first empty pattern are left out: they are never tried,
/// since the empty pattern matches everywhere.
struct Patterns<'a> {
    list: &'a [Value],
    /// The index of the first empty pattern (else the number of patterns).
    empty: usize,
    /// For each byte, 0 if no pattern starts with it; else 1 + a lower
    /// bound for the index of the first pattern that does (exact below
    /// 254, so matching scans on from there).
    first: [u8; 256],
}

impl<'a> Patterns<'a> {
    fn new(list: &'a [Value]) -> Patterns<'a> {
        let mut first = [0u8; 256];
        let mut empty = list.len();
        for (i, v) in list.iter().enumerate() {
            match bytes(v).first() {
                Some(&c) => {
                    if first[c as usize] == 0 {
                        first[c as usize] = i.min(254) as u8 + 1;
                    }
                }
                None => {
                    empty = i;
                    break;
                }
            }
        }
        Patterns { list, empty, first }
    }

    /// The first pattern that matches at the start of `rest` (not empty).
    #[inline]
    fn match_at(&self, rest: &[u8]) -> Option<usize> {
        let c = rest[0];
        let start = self.first[c as usize];
        if start != 0 {
            for (i, v) in self.list[..self.empty]
                .iter()
                .enumerate()
                .skip(start as usize - 1)
            {
                if starts_with(rest, bytes(v)) {
                    return Some(i);
                }
            }
        }
        (self.empty < self.list.len()).then_some(self.empty)
    }

    /// The length of pattern `i`.
    #[inline]
    fn len(&self, i: usize) -> usize {
        self.list.get(i).map_or(0, |v| bytes(v).len())
    }
}

/// `p` is a prefix of `rest`. A plain loop: patterns are short, and a
/// call to `memcmp` costs more than comparing them here.
#[inline]
fn starts_with(rest: &[u8], p: &[u8]) -> bool {
    p.len() <= rest.len() && p.iter().zip(rest).all(|(a, b)| a == b)
}

/// A checked pattern's text (step 3 made every pattern a string).
#[inline]
fn bytes(v: &Value) -> &[u8] {
    match v {
        Value::String(s) => &s.bytes,
        _ => &[],
    }
}

/// Step 5: where matching is, and the output so far. Matching stops when
/// a replacement needs forcing and goes on where it stopped.
struct MatchState {
    subject: Gc<NixString>,
    /// Where matching goes on.
    pos: usize,
    /// The subject's bytes before this are in `out` (or replaced).
    copied: usize,
    /// The pattern that matched at `pos`, waiting for its replacement to
    /// be forced.
    pending: Option<usize>,
    /// Something was replaced: the result is `out`, else the subject itself.
    replaced: bool,
    out: Vec<u8>,
    ctx: Option<Box<Context>>,
}

impl MatchState {
    fn new(subject: Gc<NixString>) -> MatchState {
        MatchState {
            subject,
            pos: 0,
            copied: 0,
            pending: None,
            replaced: false,
            out: Vec::new(),
            ctx: None,
        }
    }

    /// Go on matching until done or a replacement must be forced.
    fn run(&mut self, pats: &Patterns, to: &[Value]) -> Result<Progress> {
        let subject = self.subject;
        let input = &subject.bytes[..];
        let has_empty = pats.empty < pats.list.len();
        // The state lives in locals while matching, and goes back into
        // `self` only if matching has to stop.
        let mut pos = self.pos;
        let mut copied = self.copied;
        let mut out = std::mem::take(&mut self.out);
        loop {
            if !has_empty {
                // Skip the stretch no pattern starts in.
                while pos < input.len() && pats.first[input[pos] as usize] == 0 {
                    pos += 1;
                }
            }
            let found = if pos < input.len() {
                pats.match_at(&input[pos..])
            } else if has_empty && pos == input.len() {
                // Only an empty pattern matches at the very end.
                Some(pats.empty)
            } else {
                break;
            };
            let Some(i) = found else {
                pos += 1;
                continue;
            };
            let held;
            let rep = match &to[i] {
                Value::String(s) => s,
                other => match replacement(other)? {
                    Some(s) => {
                        held = s;
                        &held
                    }
                    None => {
                        self.pos = pos;
                        self.copied = copied;
                        self.out = out;
                        self.pending = Some(i);
                        return Ok(Progress::Force(i));
                    }
                },
            };
            if !self.replaced {
                out = self.start_output();
            }
            // The text since the last replacement, then the replacement.
            append(&mut out, &input[copied..pos]);
            append(&mut out, &rep.bytes);
            // A replacement's context is added when it is used.
            add_context(&mut self.ctx, &rep.context);
            match pats.len(i) {
                // The empty pattern: the byte here (if any) is kept, copied
                // with the next stretch.
                0 => {
                    copied = pos;
                    pos += 1;
                }
                n => {
                    pos += n;
                    copied = pos;
                }
            }
        }
        Ok(Progress::Done(if self.replaced {
            out.extend_from_slice(&input[copied..]);
            Value::string_ctx(out, self.ctx.take())
        } else {
            Value::String(subject)
        }))
    }

    /// The first replacement: the result starts with the subject's
    /// context, in a buffer with room for some growth.
    #[cold]
    fn start_output(&mut self) -> Vec<u8> {
        self.replaced = true;
        self.ctx = self.subject.context.clone();
        let n = self.subject.bytes.len();
        Vec::with_capacity(n + n / 4 + 16)
    }

    /// The replacement of the pending pattern, just forced: replace it and
    /// move on.
    fn replace_pending(&mut self, pats: &Patterns, v: &Value) -> Result<()> {
        let Some(i) = self.pending.take() else {
            return Ok(());
        };
        let rep = string(v)?;
        if !self.replaced {
            self.out = self.start_output();
        }
        let input = &self.subject.bytes[..];
        append(&mut self.out, &input[self.copied..self.pos]);
        append(&mut self.out, &rep.bytes);
        add_context(&mut self.ctx, &rep.context);
        match pats.len(i) {
            0 => {
                self.copied = self.pos;
                self.pos += 1;
            }
            n => {
                self.pos += n;
                self.copied = self.pos;
            }
        }
        Ok(())
    }
}

/// Append `b` to `out`. Most pieces in escaping are a byte or two: no
/// call to `memcpy` for those.
#[inline(always)]
fn append(out: &mut Vec<u8>, b: &[u8]) {
    match b {
        [] => {}
        [c] => out.push(*c),
        _ => out.extend_from_slice(b),
    }
}

/// A replacement that is not a plain string: its string once forced
/// (`None`: not forced yet).
fn replacement(v: &Value) -> Result<Option<Gc<NixString>>> {
    match v.whnf() {
        Some(v) => string(&v).map(Some),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Value {
        Value::string(x)
    }

    fn r(p: &[&str], t: &[&str], x: &str) -> String {
        let from: Vec<Value> = p.iter().map(|x| s(x)).collect();
        let to: Vec<Value> = t.iter().map(|x| s(x)).collect();
        let Value::String(subject) = s(x) else {
            unreachable!()
        };
        let pats = Patterns::new(&from);
        match MatchState::new(subject).run(&pats, &to).unwrap() {
            Progress::Done(Value::String(v)) => String::from_utf8(v.bytes.to_vec()).unwrap(),
            _ => unreachable!(),
        }
    }

    #[test]
    fn replace_algorithm() {
        assert_eq!(r(&[""], &["-"], "abc"), "-a-b-c-");
        assert_eq!(r(&["a", ""], &["X", "-"], "abc"), "X-b-c-");
        assert_eq!(r(&["ab", "a"], &["X", "Y"], "aab"), "YX");
        assert_eq!(r(&["a", "ab"], &["X", "Y"], "aab"), "XXb");
        assert_eq!(r(&[""], &["x"], ""), "x");
        assert_eq!(r(&["b"], &["xx"], "abcb"), "axxcxx");
        assert_eq!(r(&["q"], &["xx"], "abcb"), "abcb");
        assert_eq!(r(&[], &[], "abc"), "abc");
        assert_eq!(r(&["", "a"], &["-", "X"], "ab"), "-a-b-");
        assert_eq!(r(&["abc", "b"], &["1", "2"], "ab"), "a2");
        assert_eq!(r(&["aa"], &["b"], "aaa"), "ba");
        assert_eq!(r(&["a"], &[""], "aaa"), "");
        assert_eq!(r(&["b", "a", "ba"], &["1", "2", "3"], "ba"), "12");
    }

    #[test]
    fn many_patterns() {
        // More patterns than the first-byte table indexes exactly.
        let mut p: Vec<String> = (0..300).map(|i| format!("<{i}>")).collect();
        p.push("z".into());
        let t: Vec<String> = (0..301).map(|i| format!("[{i}]")).collect();
        let p: Vec<&str> = p.iter().map(|x| x.as_str()).collect();
        let t: Vec<&str> = t.iter().map(|x| x.as_str()).collect();
        assert_eq!(r(&p, &t, "a<299>b<7>z<3"), "a[299]b[7][300]<3");
    }
}
