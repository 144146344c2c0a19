//! Running a [`Program`]: depth-first backtracking with the exact rules of
//! libstdc++'s POSIX matcher, which is what C++ Nix's results come from.
//!
//! Those rules are neither POSIX leftmost-longest nor Perl leftmost-first:
//!
//! - paths are explored in priority order: left alternative first, one
//!   more repetition first;
//! - at an alternation *both* branches are always explored, and a later
//!   path replaces the recorded match only if it ends strictly further
//!   right (so `(a|ab)c?` on "abc" matches all of it);
//! - at a repetition, once trying one more repetition produced any match,
//!   fewer repetitions are not tried, even if they would have matched
//!   longer (`(a|x)?(abc|b)?` on "abc" matches "ab");
//! - a group reports its last iteration, and a group nested in a repeated
//!   one keeps the value of an earlier iteration if the last one skipped it
//!   (`((a)|b)*` on "ab" gives `[ "b" "a" ]`);
//! - a repetition may go round at most twice at the same position without
//!   consuming anything.
//!
//! For `match` (the whole string must match) only one end is possible, so
//! the first path found is the answer and the search stops there.
//!
//! Backtracking uses an explicit stack of undo records rather than native
//! recursion, so long inputs cannot overflow the native stack (C++ Nix
//! reports a stack overflow on a megabyte-long `.*` match; Tangle just
//! matches).

use super::compile::{set_has, Op, Program, NONE};

/// Where each group matched (`None`: it did not take part); group 0 is the
/// whole match.
pub type Groups = Vec<Option<(usize, usize)>>;

#[derive(Clone, Copy)]
struct Slot {
    start: usize,
    end: usize,
    matched: bool,
}

const UNSET: Slot = Slot {
    start: 0,
    end: 0,
    matched: false,
};

enum Frame {
    /// Explore from this state at this position.
    Visit(u32, usize),
    /// A repetition's "once more" branch is done: leave the loop unless
    /// that found a match.
    RepeatNext(u32, usize),
    /// An alternation's left branch is done: try the right one afresh.
    AltNext(u32, usize),
    /// Both branches of an alternation are done: a match found in either
    /// counts.
    AltJoin(bool),
    RestoreRepeat(u32, usize, u8),
    RestoreStart(u32, usize),
    RestoreEnd(u32, usize, bool),
}

/// The buffers of a [`Matcher`], kept with a cached program so that a
/// pattern used in a loop does not allocate them on every call. Every run
/// undoes its changes, so they are clean between runs.
#[derive(Default)]
pub struct Scratch {
    stack: Vec<Frame>,
    /// Per state: the position of the last entry into a repetition and how
    /// often it was entered there.
    rep: Vec<(usize, u8)>,
    cur: Vec<Slot>,
    best: Vec<Slot>,
}

/// Matching state for one program.
pub struct Matcher<'p> {
    prog: &'p Program,
    stack: Vec<Frame>,
    rep: Vec<(usize, u8)>,
    cur: Vec<Slot>,
    best: Vec<Slot>,
    // One search:
    begin: usize,
    prev_avail: bool,
    not_null: bool,
    exact: bool,
    has_sol: bool,
    sol_end: Option<usize>,
}

impl<'p> Matcher<'p> {
    #[cfg(test)]
    pub fn new(prog: &'p Program) -> Matcher<'p> {
        Matcher::with_scratch(prog, Scratch::default())
    }

    /// A matcher using `scratch`, which must come from
    /// [`Matcher::into_scratch`] of a matcher for the same program, or be
    /// new.
    pub fn with_scratch(prog: &'p Program, mut scratch: Scratch) -> Matcher<'p> {
        scratch.rep.resize(prog.states.len(), (0, 0));
        scratch.cur.resize(prog.groups, UNSET);
        scratch.best.resize(prog.groups, UNSET);
        Matcher {
            prog,
            stack: scratch.stack,
            rep: scratch.rep,
            cur: scratch.cur,
            best: scratch.best,
            begin: 0,
            prev_avail: false,
            not_null: false,
            exact: false,
            has_sol: false,
            sol_end: None,
        }
    }

    pub fn into_scratch(self) -> Scratch {
        Scratch {
            stack: self.stack,
            rep: self.rep,
            cur: self.cur,
            best: self.best,
        }
    }

    fn groups(&self) -> Groups {
        self.best
            .iter()
            .map(|s| s.matched.then_some((s.start, s.end)))
            .collect()
    }

    /// `builtins.match`: does the whole input match?
    pub fn match_all(&mut self, input: &[u8]) -> Option<Groups> {
        if !self.prog.nullable {
            match input.first() {
                Some(&c) if set_has(&self.prog.first, c) => {}
                _ => return None,
            }
        }
        self.exact = true;
        self.not_null = false;
        self.prev_avail = false;
        self.run_from(input, 0).then(|| self.groups())
    }

    /// A search for the leftmost match at or after `start`, like
    /// `regex_search` with the given flags.
    fn search(
        &mut self,
        input: &[u8],
        start: usize,
        prev_avail: bool,
        not_null: bool,
        continuous: bool,
    ) -> Option<Groups> {
        self.exact = false;
        self.not_null = not_null;
        self.prev_avail = prev_avail;
        if self.try_at(input, start) {
            return Some(self.groups());
        }
        if continuous {
            return None;
        }
        self.prev_avail = true;
        let mut at = start;
        while at < input.len() {
            at += 1;
            if self.try_at(input, at) {
                return Some(self.groups());
            }
        }
        None
    }

    fn try_at(&mut self, input: &[u8], at: usize) -> bool {
        if !self.prog.nullable {
            match input.get(at) {
                Some(&c) if set_has(&self.prog.first, c) => {}
                _ => return false,
            }
        }
        self.run_from(input, at)
    }

    /// Every match `builtins.split` reports, as `regex_iterator` finds
    /// them: after an empty match, first a non-empty match at the same
    /// place is tried, else the search goes on one byte further.
    /// Returns (start of the text before the match, the match's groups).
    pub fn split(&mut self, input: &[u8]) -> Vec<(usize, Groups)> {
        let mut out = Vec::new();
        let mut prev_avail = false;
        let mut found = self.search(input, 0, false, false, false);
        let mut prefix_start = 0;
        while let Some(groups) = found {
            let (m_start, m_end) = match groups.first() {
                Some(Some(whole)) => *whole,
                _ => break,
            };
            out.push((prefix_start, groups));
            prefix_start = m_end;
            let mut start = m_end;
            if m_start == m_end {
                if start == input.len() {
                    break;
                }
                if let Some(g) = self.search(input, start, prev_avail, true, true) {
                    found = Some(g);
                    continue;
                }
                start += 1;
            }
            prev_avail = true;
            found = self.search(input, start, true, false, false);
        }
        out
    }

    /// One depth-first exploration from the program's start at `at`.
    fn run_from(&mut self, input: &[u8], at: usize) -> bool {
        self.begin = at;
        self.has_sol = false;
        self.sol_end = None;
        self.stack.clear();
        self.stack.push(Frame::Visit(0, at));
        while let Some(frame) = self.stack.pop() {
            match frame {
                Frame::Visit(s, p) => {
                    if self.visit(input, s, p) {
                        self.unwind();
                        break;
                    }
                }
                Frame::RepeatNext(next, p) => {
                    if !self.has_sol {
                        self.stack.push(Frame::Visit(next, p));
                    }
                }
                Frame::AltNext(next, p) => {
                    let had = std::mem::replace(&mut self.has_sol, false);
                    self.stack.push(Frame::AltJoin(had));
                    self.stack.push(Frame::Visit(next, p));
                }
                Frame::AltJoin(had) => self.has_sol |= had,
                frame => self.undo(frame),
            }
        }
        self.has_sol
    }

    fn undo(&mut self, frame: Frame) {
        match frame {
            Frame::RestoreRepeat(s, p, n) => {
                if let Some(r) = self.rep.get_mut(s as usize) {
                    *r = (p, n);
                }
            }
            Frame::RestoreStart(k, v) => {
                if let Some(g) = self.cur.get_mut(k as usize) {
                    g.start = v;
                }
            }
            Frame::RestoreEnd(k, v, m) => {
                if let Some(g) = self.cur.get_mut(k as usize) {
                    g.end = v;
                    g.matched = m;
                }
            }
            _ => {}
        }
    }

    /// Stop early: only the undo records matter any more.
    fn unwind(&mut self) {
        while let Some(frame) = self.stack.pop() {
            self.undo(frame);
        }
    }

    /// Follow one path from state `s` at position `p` until it fails, ends
    /// in acceptance, or branches (branches push their alternatives).
    /// True when the search can stop: no later path can do better.
    fn visit(&mut self, input: &[u8], mut s: u32, mut p: usize) -> bool {
        let prog = self.prog;
        loop {
            let Some(state) = prog.states.get(s as usize) else {
                return false;
            };
            match state.op {
                Op::Byte(c) => {
                    if input.get(p) != Some(&c) {
                        return false;
                    }
                    p += 1;
                }
                Op::Any => match input.get(p) {
                    Some(&c) if c != 0 => p += 1,
                    _ => return false,
                },
                Op::Set(i) => match (input.get(p), prog.sets.get(i as usize)) {
                    (Some(&c), Some(set)) if set_has(set, c) => p += 1,
                    _ => return false,
                },
                Op::GroupStart(k) => {
                    let Some(g) = self.cur.get_mut(k as usize) else {
                        return false;
                    };
                    self.stack.push(Frame::RestoreStart(k, g.start));
                    g.start = p;
                }
                Op::GroupEnd(k) => {
                    let Some(g) = self.cur.get_mut(k as usize) else {
                        return false;
                    };
                    self.stack.push(Frame::RestoreEnd(k, g.end, g.matched));
                    g.end = p;
                    g.matched = true;
                }
                Op::LineBegin => {
                    if p != self.begin || self.prev_avail {
                        return false;
                    }
                }
                Op::LineEnd => {
                    if p != input.len() {
                        return false;
                    }
                }
                Op::Alt => {
                    self.stack.push(Frame::AltNext(state.next, p));
                    s = state.alt;
                    continue;
                }
                Op::Repeat => {
                    let Some(&(at, n)) = self.rep.get(s as usize) else {
                        return false;
                    };
                    self.stack.push(Frame::RepeatNext(state.next, p));
                    if n == 0 || at != p {
                        self.stack.push(Frame::RestoreRepeat(s, at, n));
                        self.rep[s as usize] = (p, 1);
                    } else if n < 2 {
                        self.stack.push(Frame::RestoreRepeat(s, at, n));
                        self.rep[s as usize].1 = n + 1;
                    } else {
                        return false;
                    }
                    s = state.alt;
                    continue;
                }
                Op::Accept => return self.accept(input, p),
                Op::Dummy => {}
            }
            s = state.next;
            if s == NONE {
                return false;
            }
        }
    }

    fn accept(&mut self, input: &[u8], p: usize) -> bool {
        let mut ok = !self.exact || p == input.len();
        if p == self.begin && self.not_null {
            ok = false;
        }
        self.has_sol = ok;
        if !ok {
            return false;
        }
        if self.sol_end.is_none_or(|e| e < p) {
            self.sol_end = Some(p);
            self.best.copy_from_slice(&self.cur);
        }
        self.exact || p == input.len()
    }
}

#[cfg(test)]
mod tests {
    use super::super::compile::compile;
    use super::*;

    fn m(re: &str, s: &str) -> Option<Vec<Option<String>>> {
        let prog = compile(re.as_bytes()).unwrap();
        let mut mt = Matcher::new(&prog);
        mt.match_all(s.as_bytes()).map(|g| {
            g[1..]
                .iter()
                .map(|x| x.map(|(a, b)| s[a..b].to_string()))
                .collect()
        })
    }

    fn sp(re: &str, s: &str) -> String {
        let prog = compile(re.as_bytes()).unwrap();
        let mut mt = Matcher::new(&prog);
        let ms = mt.split(s.as_bytes());
        let mut out = String::new();
        let mut last = 0;
        for (pre, g) in &ms {
            let (a, b) = g[0].unwrap();
            out.push_str(&format!("{:?} ", &s[*pre..a]));
            let caps: Vec<String> = g[1..]
                .iter()
                .map(|x| match x {
                    Some((a, b)) => format!("{:?}", &s[*a..*b]),
                    None => "null".into(),
                })
                .collect();
            out.push_str(&format!("[{}] ", caps.join(" ")));
            last = b;
        }
        out.push_str(&format!("{:?}", &s[last..]));
        out
    }

    fn some(v: &[Option<&str>]) -> Option<Vec<Option<String>>> {
        Some(v.iter().map(|x| x.map(String::from)).collect())
    }

    #[test]
    fn match_semantics() {
        assert_eq!(
            m("(a|ab)(c|bcd)(d*)", "abcd"),
            some(&[Some("a"), Some("bcd"), Some("")])
        );
        assert_eq!(m("((a)|b)*", "ab"), some(&[Some("b"), Some("a")]));
        assert_eq!(m("(a*)*", "b"), None);
        assert_eq!(m("(a*)*", ""), some(&[Some("")]));
        assert_eq!(m("a{1,2}?", ""), some(&[]));
        assert_eq!(m("(^)*", ""), some(&[Some("")]));
    }

    #[test]
    fn split_semantics() {
        assert_eq!(sp("(a|ab)c?", "abc"), r#""" ["ab"] """#);
        assert_eq!(
            sp("(a|x)?(abc|b)?", "abc"),
            r#""" ["a" "b"] "" [null null] "c" [null null] """#
        );
        assert_eq!(sp("b*", "abc"), r#""" [] "a" [] "" [] "c" [] """#);
        assert_eq!(sp("", "ab"), r#""" [] "a" [] "b" [] """#);
        assert_eq!(sp("x", "abc"), r#""abc""#);
    }
}
