//! Parsing a POSIX extended regular expression into a backtracking program.
//!
//! C++ Nix hands the pattern to `std::regex` with the `extended` flag, and
//! what it accepts and how it matches is that library's, not the letter of
//! POSIX. So this parser follows libstdc++'s reading of the syntax (the
//! facts below were all checked against Nix 2.8):
//!
//! - a backslash may only escape one of `.[\()*+?{|^$`; `\d`, `\n`, `\]`
//!   and a trailing `\` are invalid, and there are no back-references;
//! - `]` and `}` outside brackets are ordinary characters, `)` without an
//!   open group is an error, and so is a quantifier with nothing before it
//!   (`*a`, `^*`, `a|*`);
//! - quantifiers stack (`a**`, `a+?` is `(a+)?`: there are no lazy ones);
//! - empty alternatives and groups are fine (`|`, `()`, `(|a)`);
//! - `{n,m}` copies its operand; counts are read as C `int`s with wrapping
//!   (so `a{4294967296}` is `a{0}`), and a program of more than 100 000
//!   states is refused with its own error (`a{99999}`);
//! - in brackets a backslash is literal, `]` first is literal, `-` is
//!   literal first or last, a range starting right after another range is
//!   invalid, range ends compare as *signed* chars (`[a-é]` is invalid),
//!   classes (`[:alpha:]`, also `[:w:]`, `[:d:]`, `[:s:]`, any case) are
//!   those of the C locale, collating symbols use POSIX names
//!   (`[[.space.]]`), and an equivalence class matches both cases.
//!
//! The program is built the same way as libstdc++ builds its automaton
//! (state for state, including the copies an interval makes), because two
//! things depend on that shape: the matching semantics, which
//! [`super::exec`] reproduces, and the state limit.

/// Why a pattern was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompileError {
    /// "invalid regular expression".
    Invalid,
    /// The automaton grew past the state limit ("memory limit exceeded").
    Space,
}

type CResult<T> = Result<T, CompileError>;

/// libstdc++'s `_GLIBCXX_REGEX_STATE_LIMIT`.
const STATE_LIMIT: usize = 100_000;

/// Link target that is not set (yet).
pub const NONE: u32 = u32::MAX;

/// One instruction. `next` is where matching continues; for `Alt` and
/// `Repeat`, `alt` is the branch tried first (the left alternative, or one
/// more repetition).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Byte(u8),
    /// `.`: any byte but NUL.
    Any,
    /// A bracket expression: index into [`Program::sets`].
    Set(u32),
    Alt,
    Repeat,
    GroupStart(u32),
    GroupEnd(u32),
    LineBegin,
    LineEnd,
    Accept,
    /// Placeholder used while building; removed before matching.
    Dummy,
}

#[derive(Clone, Copy, Debug)]
pub struct State {
    pub op: Op,
    pub next: u32,
    pub alt: u32,
}

impl State {
    fn new(op: Op) -> State {
        State {
            op,
            next: NONE,
            alt: NONE,
        }
    }

    fn has_alt(&self) -> bool {
        matches!(self.op, Op::Alt | Op::Repeat)
    }
}

/// A compiled pattern.
#[derive(Debug)]
pub struct Program {
    pub states: Vec<State>,
    /// Byte sets of the bracket expressions, 256 bits each.
    pub sets: Vec<[u64; 4]>,
    /// Number of groups, counting group 0 (the whole match).
    pub groups: usize,
    /// Bytes a match can start with, and whether it can match the empty
    /// string (then every position is a candidate).
    pub first: [u64; 4],
    pub nullable: bool,
}

pub fn set_has(set: &[u64; 4], b: u8) -> bool {
    set[(b >> 6) as usize] & (1u64 << (b & 63)) != 0
}

fn set_add(set: &mut [u64; 4], b: u8) {
    set[(b >> 6) as usize] |= 1u64 << (b & 63);
}

// ---------------------------------------------------------------------------
// Scanner

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    OrdChar,
    AnyChar,
    GroupBegin,
    GroupEnd,
    BracketBegin,
    BracketNegBegin,
    BracketEnd,
    BracketDash,
    IntervalBegin,
    IntervalEnd,
    ClassName,
    CollSymbol,
    EquivClassName,
    Opt,
    Or,
    Closure0,
    Closure1,
    LineBegin,
    LineEnd,
    Comma,
    DupCount,
    Eof,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ScanState {
    Normal,
    InBracket,
    InBrace,
}

/// Characters with a meaning outside brackets; only these may be escaped.
const SPECIAL: &[u8] = b".[\\()*+?{|^$";

/// One token of lookahead, like libstdc++'s scanner: a syntax error in the
/// token after the current one is raised as soon as the current one is
/// consumed. (This only matters for which of the two errors wins when a
/// pattern is both too big and malformed.)
struct Scanner<'a> {
    input: &'a [u8],
    pos: usize,
    state: ScanState,
    at_bracket_start: bool,
    token: Token,
    value: Vec<u8>,
}

impl<'a> Scanner<'a> {
    fn new(input: &'a [u8]) -> CResult<Scanner<'a>> {
        let mut s = Scanner {
            input,
            pos: 0,
            state: ScanState::Normal,
            at_bracket_start: false,
            token: Token::Eof,
            value: Vec::new(),
        };
        s.advance()?;
        Ok(s)
    }

    fn bump(&mut self) -> Option<u8> {
        let c = self.input.get(self.pos).copied();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    fn peek(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    fn ord(&mut self, c: u8) {
        self.token = Token::OrdChar;
        self.value.clear();
        self.value.push(c);
    }

    fn advance(&mut self) -> CResult<()> {
        let Some(c) = self.bump() else {
            self.token = Token::Eof;
            return Ok(());
        };
        match self.state {
            ScanState::Normal => self.scan_normal(c),
            ScanState::InBracket => self.scan_in_bracket(c),
            ScanState::InBrace => self.scan_in_brace(c),
        }
    }

    fn scan_normal(&mut self, c: u8) -> CResult<()> {
        // NUL ends a C string; Nix never sees one inside a pattern.
        if c == 0 {
            return Err(CompileError::Invalid);
        }
        if !SPECIAL.contains(&c) {
            self.ord(c);
            return Ok(());
        }
        self.token = match c {
            b'\\' => match self.bump() {
                Some(e) if e != 0 && SPECIAL.contains(&e) => {
                    self.ord(e);
                    return Ok(());
                }
                _ => return Err(CompileError::Invalid),
            },
            b'(' => Token::GroupBegin,
            b')' => Token::GroupEnd,
            b'[' => {
                self.state = ScanState::InBracket;
                self.at_bracket_start = true;
                if self.peek() == Some(b'^') {
                    self.pos += 1;
                    Token::BracketNegBegin
                } else {
                    Token::BracketBegin
                }
            }
            b'{' => {
                self.state = ScanState::InBrace;
                Token::IntervalBegin
            }
            b'^' => Token::LineBegin,
            b'$' => Token::LineEnd,
            b'.' => Token::AnyChar,
            b'*' => Token::Closure0,
            b'+' => Token::Closure1,
            b'?' => Token::Opt,
            // The only one left in SPECIAL.
            _ => Token::Or,
        };
        Ok(())
    }

    fn scan_in_bracket(&mut self, c: u8) -> CResult<()> {
        match c {
            b'-' => self.token = Token::BracketDash,
            b'[' => match self.peek() {
                None => return Err(CompileError::Invalid),
                Some(k @ (b'.' | b':' | b'=')) => {
                    self.pos += 1;
                    self.token = match k {
                        b'.' => Token::CollSymbol,
                        b':' => Token::ClassName,
                        _ => Token::EquivClassName,
                    };
                    self.eat_class(k)?;
                }
                Some(_) => self.ord(b'['),
            },
            b']' if !self.at_bracket_start => {
                self.token = Token::BracketEnd;
                self.state = ScanState::Normal;
            }
            _ => self.ord(c),
        }
        self.at_bracket_start = false;
        Ok(())
    }

    /// The name of `[:name:]`, `[.name.]` or `[=name=]`.
    fn eat_class(&mut self, delim: u8) -> CResult<()> {
        self.value.clear();
        while let Some(c) = self.peek() {
            if c == delim {
                break;
            }
            self.value.push(c);
            self.pos += 1;
        }
        if self.bump() != Some(delim) || self.bump() != Some(b']') {
            return Err(CompileError::Invalid);
        }
        Ok(())
    }

    fn scan_in_brace(&mut self, c: u8) -> CResult<()> {
        if c.is_ascii_digit() {
            self.token = Token::DupCount;
            self.value.clear();
            self.value.push(c);
            while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
                self.value.push(d);
                self.pos += 1;
            }
        } else if c == b',' {
            self.token = Token::Comma;
        } else if c == b'}' {
            self.state = ScanState::Normal;
            self.token = Token::IntervalEnd;
        } else {
            return Err(CompileError::Invalid);
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Character classes of the C locale.

const C_ALNUM: u16 = 1;
const C_ALPHA: u16 = 1 << 1;
const C_BLANK: u16 = 1 << 2;
const C_CNTRL: u16 = 1 << 3;
const C_DIGIT: u16 = 1 << 4;
const C_GRAPH: u16 = 1 << 5;
const C_LOWER: u16 = 1 << 6;
const C_PRINT: u16 = 1 << 7;
const C_PUNCT: u16 = 1 << 8;
const C_SPACE: u16 = 1 << 9;
const C_UPPER: u16 = 1 << 10;
const C_XDIGIT: u16 = 1 << 11;
/// `[:w:]` is alnum plus `_`.
const C_UNDER: u16 = 1 << 12;

fn class_mask(name: &[u8]) -> Option<u16> {
    let lower: Vec<u8> = name.iter().map(u8::to_ascii_lowercase).collect();
    Some(match &lower[..] {
        b"d" | b"digit" => C_DIGIT,
        b"w" => C_ALNUM | C_UNDER,
        b"s" | b"space" => C_SPACE,
        b"alnum" => C_ALNUM,
        b"alpha" => C_ALPHA,
        b"blank" => C_BLANK,
        b"cntrl" => C_CNTRL,
        b"graph" => C_GRAPH,
        b"lower" => C_LOWER,
        b"print" => C_PRINT,
        b"punct" => C_PUNCT,
        b"upper" => C_UPPER,
        b"xdigit" => C_XDIGIT,
        _ => return None,
    })
}

/// Is byte `c` in one of the classes of `mask`, in the C locale (where no
/// byte above 0x7f is in any class)?
fn in_class(c: u8, mask: u16) -> bool {
    let has = |bit: u16, yes: bool| mask & bit != 0 && yes;
    has(C_ALNUM, c.is_ascii_alphanumeric())
        || has(C_ALPHA, c.is_ascii_alphabetic())
        || has(C_BLANK, c == b' ' || c == b'\t')
        || has(C_CNTRL, c.is_ascii_control())
        || has(C_DIGIT, c.is_ascii_digit())
        || has(C_GRAPH, c.is_ascii_graphic())
        || has(C_LOWER, c.is_ascii_lowercase())
        || has(C_PRINT, c.is_ascii_graphic() || c == b' ')
        || has(C_PUNCT, c.is_ascii_punctuation())
        || has(C_SPACE, matches!(c, b' ' | b'\t'..=b'\r'))
        || has(C_UPPER, c.is_ascii_uppercase())
        || has(C_XDIGIT, c.is_ascii_hexdigit())
        || has(C_UNDER, c == b'_')
}

/// POSIX names of the collating elements of the C locale, by code.
const COLLATE_NAMES: [&str; 128] = [
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "alert",
    "backspace",
    "tab",
    "newline",
    "vertical-tab",
    "form-feed",
    "carriage-return",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "IS4",
    "IS3",
    "IS2",
    "IS1",
    "space",
    "exclamation-mark",
    "quotation-mark",
    "number-sign",
    "dollar-sign",
    "percent-sign",
    "ampersand",
    "apostrophe",
    "left-parenthesis",
    "right-parenthesis",
    "asterisk",
    "plus-sign",
    "comma",
    "hyphen",
    "period",
    "slash",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "colon",
    "semicolon",
    "less-than-sign",
    "equals-sign",
    "greater-than-sign",
    "question-mark",
    "commercial-at",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "M",
    "N",
    "O",
    "P",
    "Q",
    "R",
    "S",
    "T",
    "U",
    "V",
    "W",
    "X",
    "Y",
    "Z",
    "left-square-bracket",
    "backslash",
    "right-square-bracket",
    "circumflex",
    "underscore",
    "grave-accent",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "left-curly-bracket",
    "vertical-line",
    "right-curly-bracket",
    "tilde",
    "DEL",
];

fn collate_char(name: &[u8]) -> Option<u8> {
    COLLATE_NAMES
        .iter()
        .position(|n| n.as_bytes() == name)
        .map(|i| i as u8)
}

/// A bracket expression being read.
#[derive(Default)]
struct Bracket {
    chars: Vec<u8>,
    /// Inclusive ranges, compared as signed chars.
    ranges: Vec<(i8, i8)>,
    classes: u16,
    /// Equivalence classes: lower-cased characters.
    equiv: Vec<u8>,
}

impl Bracket {
    fn range(&mut self, lo: u8, hi: u8) -> CResult<()> {
        let (lo, hi) = (lo as i8, hi as i8);
        if lo > hi {
            return Err(CompileError::Invalid);
        }
        self.ranges.push((lo, hi));
        Ok(())
    }

    fn to_set(&self, negated: bool) -> [u64; 4] {
        let mut set = [0u64; 4];
        for c in 0..=255u8 {
            let signed = c as i8;
            let hit = self.chars.contains(&c)
                || self
                    .ranges
                    .iter()
                    .any(|&(lo, hi)| lo <= signed && signed <= hi)
                || in_class(c, self.classes)
                || self.equiv.contains(&c.to_ascii_lowercase());
            if hit != negated {
                set_add(&mut set, c);
            }
        }
        set
    }
}

/// What the last bracket item was: a range may only start at a character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Nothing,
    Char(u8),
    Class,
}

// ---------------------------------------------------------------------------
// Building

/// A fragment of the program under construction: its first state and the
/// state whose `next` continues it.
#[derive(Clone, Copy, Debug)]
struct Seq {
    start: u32,
    end: u32,
}

/// An open alternation level: the top level or a group.
struct Level {
    /// The group's start state; `None` at the top level.
    group: Option<u32>,
    /// Terms of the alternative being read.
    terms: Vec<Seq>,
    /// The alternatives before it, already joined.
    done: Option<Seq>,
}

struct Builder<'a> {
    scan: Scanner<'a>,
    states: Vec<State>,
    sets: Vec<[u64; 4]>,
    groups: u32,
    open_groups: Vec<u32>,
}

impl<'a> Builder<'a> {
    fn insert(&mut self, s: State) -> CResult<u32> {
        self.states.push(s);
        if self.states.len() > STATE_LIMIT {
            return Err(CompileError::Space);
        }
        Ok((self.states.len() - 1) as u32)
    }

    fn insert_op(&mut self, op: Op) -> CResult<u32> {
        self.insert(State::new(op))
    }

    fn insert_branch(&mut self, op: Op, next: u32, alt: u32) -> CResult<u32> {
        self.insert(State { op, next, alt })
    }

    fn state(&mut self, id: u32) -> CResult<&mut State> {
        self.states
            .get_mut(id as usize)
            .ok_or(CompileError::Invalid)
    }

    fn set_next(&mut self, id: u32, next: u32) -> CResult<()> {
        self.state(id)?.next = next;
        Ok(())
    }

    fn append(&mut self, seq: &mut Seq, id: u32) -> CResult<()> {
        self.set_next(seq.end, id)?;
        seq.end = id;
        Ok(())
    }

    fn append_seq(&mut self, seq: &mut Seq, other: Seq) -> CResult<()> {
        self.set_next(seq.end, other.start)?;
        seq.end = other.end;
        Ok(())
    }

    fn eat(&mut self, t: Token) -> CResult<bool> {
        if self.scan.token == t {
            self.scan.advance()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// Consume an ordinary character token, giving its byte.
    fn eat_char(&mut self) -> CResult<Option<u8>> {
        if self.scan.token == Token::OrdChar {
            let c = self.scan.value.first().copied();
            self.scan.advance()?;
            Ok(c)
        } else {
            Ok(None)
        }
    }

    /// The digits of the last `DupCount`, read as libstdc++ does: into a
    /// `long` without overflow checks, handed on as an `int`.
    fn count(digits: &[u8]) -> i64 {
        let mut v: i64 = 0;
        for d in digits {
            v = v.wrapping_mul(10).wrapping_add((d - b'0') as i64);
        }
        v as i32 as i64
    }

    /// Copy the states of `seq` (reachable from its start, stopping at its
    /// end) the way libstdc++ does, so that the state count matches.
    fn clone_seq(&mut self, seq: Seq) -> CResult<Seq> {
        let mut map: std::collections::BTreeMap<u32, u32> = Default::default();
        let mut stack = vec![seq.start];
        while let Some(u) = stack.pop() {
            let dup = *self.state(u)?;
            let id = self.insert(dup)?;
            map.insert(u, id);
            if dup.has_alt() && dup.alt != NONE && !map.contains_key(&dup.alt) {
                stack.push(dup.alt);
            }
            if u == seq.end {
                continue;
            }
            if dup.next != NONE && !map.contains_key(&dup.next) {
                stack.push(dup.next);
            }
        }
        for &v in map.values() {
            let s = *self.state(v)?;
            let next = if s.next != NONE {
                map.get(&s.next).copied().unwrap_or(NONE)
            } else {
                NONE
            };
            let alt = if s.has_alt() && s.alt != NONE {
                map.get(&s.alt).copied().unwrap_or(NONE)
            } else {
                s.alt
            };
            let st = self.state(v)?;
            st.next = next;
            st.alt = alt;
        }
        let start = map.get(&seq.start).copied().ok_or(CompileError::Invalid)?;
        let end = map.get(&seq.end).copied().ok_or(CompileError::Invalid)?;
        Ok(Seq { start, end })
    }

    /// Quantifiers after an atom.
    fn quantifiers(&mut self, mut e: Seq) -> CResult<Seq> {
        loop {
            if self.eat(Token::Closure0)? {
                let r = self.insert_branch(Op::Repeat, NONE, e.start)?;
                self.append(&mut e, r)?;
                e = Seq { start: r, end: r };
            } else if self.eat(Token::Closure1)? {
                let r = self.insert_branch(Op::Repeat, NONE, e.start)?;
                self.append(&mut e, r)?;
            } else if self.eat(Token::Opt)? {
                let end = self.insert_op(Op::Dummy)?;
                let r = self.insert_branch(Op::Repeat, NONE, e.start)?;
                self.append(&mut e, end)?;
                self.set_next(r, end)?;
                e = Seq { start: r, end };
            } else if self.eat(Token::IntervalBegin)? {
                e = self.interval(e)?;
            } else {
                return Ok(e);
            }
        }
    }

    fn interval(&mut self, r: Seq) -> CResult<Seq> {
        if self.scan.token != Token::DupCount {
            return Err(CompileError::Invalid);
        }
        let min = Self::count(&self.scan.value);
        self.scan.advance()?;
        let d = self.insert_op(Op::Dummy)?;
        let mut e = Seq { start: d, end: d };
        let mut infinite = false;
        let mut extra: i64 = 0;
        if self.eat(Token::Comma)? {
            if self.scan.token == Token::DupCount {
                extra = Self::count(&self.scan.value) - min;
                self.scan.advance()?;
            } else {
                infinite = true;
            }
        }
        if !self.eat(Token::IntervalEnd)? {
            return Err(CompileError::Invalid);
        }
        for _ in 0..min.max(0) {
            let c = self.clone_seq(r)?;
            self.append_seq(&mut e, c)?;
        }
        if infinite {
            let mut tmp = self.clone_seq(r)?;
            let s = self.insert_branch(Op::Repeat, NONE, tmp.start)?;
            self.append(&mut tmp, s)?;
            self.append(&mut e, s)?;
        } else {
            if extra < 0 {
                return Err(CompileError::Invalid);
            }
            let end = self.insert_op(Op::Dummy)?;
            let mut optional = Vec::new();
            for _ in 0..extra {
                let tmp = self.clone_seq(r)?;
                // One more copy, or skip to the end: more is tried first.
                let alt = self.insert_branch(Op::Repeat, end, tmp.start)?;
                optional.push(alt);
                self.append_seq(
                    &mut e,
                    Seq {
                        start: alt,
                        end: tmp.end,
                    },
                )?;
            }
            self.append(&mut e, end)?;
        }
        Ok(e)
    }

    fn bracket(&mut self, negated: bool) -> CResult<u32> {
        let mut b = Bracket::default();
        let mut last = match self.eat_char()? {
            Some(c) => Last::Char(c),
            None if self.eat(Token::BracketDash)? => Last::Char(b'-'),
            None => Last::Nothing,
        };
        while self.bracket_item(&mut b, &mut last)? {}
        if let Last::Char(c) = last {
            b.chars.push(c);
        }
        self.sets.push(b.to_set(negated));
        self.insert_op(Op::Set((self.sets.len() - 1) as u32))
    }

    /// One item of a bracket expression; false at its end.
    fn bracket_item(&mut self, b: &mut Bracket, last: &mut Last) -> CResult<bool> {
        if self.eat(Token::BracketEnd)? {
            return Ok(false);
        }
        let push_char = |b: &mut Bracket, last: &mut Last, c: u8| {
            if let Last::Char(p) = *last {
                b.chars.push(p);
            }
            *last = Last::Char(c);
        };
        let push_class = |b: &mut Bracket, last: &mut Last| {
            if let Last::Char(p) = *last {
                b.chars.push(p);
            }
            *last = Last::Class;
        };
        match self.scan.token {
            Token::CollSymbol => {
                let c = collate_char(&self.scan.value).ok_or(CompileError::Invalid)?;
                self.scan.advance()?;
                b.chars.push(c);
                push_char(b, last, c);
            }
            Token::EquivClassName => {
                let c = collate_char(&self.scan.value).ok_or(CompileError::Invalid)?;
                self.scan.advance()?;
                push_class(b, last);
                b.equiv.push(c.to_ascii_lowercase());
            }
            Token::ClassName => {
                let m = class_mask(&self.scan.value).ok_or(CompileError::Invalid)?;
                self.scan.advance()?;
                push_class(b, last);
                b.classes |= m;
            }
            Token::OrdChar => {
                if let Some(c) = self.eat_char()? {
                    push_char(b, last, c);
                }
            }
            Token::BracketDash => {
                self.scan.advance()?;
                if self.eat(Token::BracketEnd)? {
                    push_char(b, last, b'-');
                    return Ok(false);
                }
                match *last {
                    Last::Char(lo) => {
                        if let Some(hi) = self.eat_char()? {
                            b.range(lo, hi)?;
                        } else if self.eat(Token::BracketDash)? {
                            b.range(lo, b'-')?;
                        } else {
                            return Err(CompileError::Invalid);
                        }
                        *last = Last::Nothing;
                    }
                    Last::Class | Last::Nothing => return Err(CompileError::Invalid),
                }
            }
            _ => return Err(CompileError::Invalid),
        }
        Ok(true)
    }

    /// Join the terms of an alternative, ending in a placeholder state.
    fn finish_alternative(&mut self, terms: Vec<Seq>) -> CResult<Seq> {
        let d = self.insert_op(Op::Dummy)?;
        let mut rest = Seq { start: d, end: d };
        for mut t in terms.into_iter().rev() {
            self.append_seq(&mut t, rest)?;
            rest = t;
        }
        Ok(rest)
    }

    /// The whole pattern. Nesting is kept on `levels`, not the native
    /// stack, so deeply nested groups cannot overflow it.
    fn pattern(&mut self) -> CResult<Seq> {
        let mut levels = vec![Level {
            group: None,
            terms: Vec::new(),
            done: None,
        }];
        loop {
            let atom = match self.scan.token {
                Token::LineBegin | Token::LineEnd => {
                    let op = if self.scan.token == Token::LineBegin {
                        Op::LineBegin
                    } else {
                        Op::LineEnd
                    };
                    self.scan.advance()?;
                    let id = self.insert_op(op)?;
                    if let Some(level) = levels.last_mut() {
                        level.terms.push(Seq { start: id, end: id });
                    }
                    continue;
                }
                Token::AnyChar => {
                    self.scan.advance()?;
                    Some(self.insert_op(Op::Any)?)
                }
                Token::OrdChar => {
                    let c = self.eat_char()?.unwrap_or(0);
                    Some(self.insert_op(Op::Byte(c))?)
                }
                Token::BracketBegin | Token::BracketNegBegin => {
                    let negated = self.scan.token == Token::BracketNegBegin;
                    self.scan.advance()?;
                    Some(self.bracket(negated)?)
                }
                Token::GroupBegin => {
                    self.scan.advance()?;
                    let k = self.groups;
                    self.groups += 1;
                    self.open_groups.push(k);
                    let id = self.insert_op(Op::GroupStart(k))?;
                    levels.push(Level {
                        group: Some(id),
                        terms: Vec::new(),
                        done: None,
                    });
                    continue;
                }
                _ => None,
            };
            if let Some(id) = atom {
                let seq = self.quantifiers(Seq { start: id, end: id })?;
                if let Some(level) = levels.last_mut() {
                    level.terms.push(seq);
                }
                continue;
            }
            // No term here: the alternative ends.
            let Some(level) = levels.last_mut() else {
                return Err(CompileError::Invalid);
            };
            let terms = std::mem::take(&mut level.terms);
            let alt2 = self.finish_alternative(terms)?;
            let joined = match levels.last_mut().and_then(|l| l.done.take()) {
                None => alt2,
                Some(mut alt1) => {
                    let end = self.insert_op(Op::Dummy)?;
                    let mut alt2 = alt2;
                    self.append(&mut alt1, end)?;
                    self.append(&mut alt2, end)?;
                    let a = self.insert_branch(Op::Alt, alt2.start, alt1.start)?;
                    Seq { start: a, end }
                }
            };
            if let Some(level) = levels.last_mut() {
                level.done = Some(joined);
            }
            if self.eat(Token::Or)? {
                continue;
            }
            let Some(level) = levels.pop() else {
                return Err(CompileError::Invalid);
            };
            let body = level.done.ok_or(CompileError::Invalid)?;
            let Some(start) = level.group else {
                // Top level: the pattern must end here.
                if self.scan.token != Token::Eof {
                    return Err(CompileError::Invalid);
                }
                return Ok(body);
            };
            if !self.eat(Token::GroupEnd)? {
                return Err(CompileError::Invalid);
            }
            let mut r = Seq { start, end: start };
            self.append_seq(&mut r, body)?;
            let k = self.open_groups.pop().ok_or(CompileError::Invalid)?;
            let end = self.insert_op(Op::GroupEnd(k))?;
            self.append(&mut r, end)?;
            let seq = self.quantifiers(r)?;
            match levels.last_mut() {
                Some(parent) => parent.terms.push(seq),
                None => return Err(CompileError::Invalid),
            }
        }
    }
}

pub fn compile(pattern: &[u8]) -> Result<Program, CompileError> {
    let mut b = Builder {
        scan: Scanner::new(pattern)?,
        states: Vec::new(),
        sets: Vec::new(),
        groups: 0,
        open_groups: Vec::new(),
    };
    // Group 0 is the whole match.
    b.groups = 1;
    b.open_groups.push(0);
    let s0 = b.insert_op(Op::GroupStart(0))?;
    let mut whole = Seq { start: s0, end: s0 };
    let body = b.pattern()?;
    b.append_seq(&mut whole, body)?;
    let k = b.open_groups.pop().ok_or(CompileError::Invalid)?;
    let end = b.insert_op(Op::GroupEnd(k))?;
    b.append(&mut whole, end)?;
    let accept = b.insert_op(Op::Accept)?;
    b.append(&mut whole, accept)?;
    let mut states = b.states;
    skip_placeholders(&mut states);
    let (first, nullable) = first_bytes(&states, &b.sets);
    Ok(Program {
        states,
        sets: b.sets,
        groups: b.groups as usize,
        first,
        nullable,
    })
}

/// Point every link past placeholder states.
fn skip_placeholders(states: &mut [State]) {
    let through = |states: &[State], mut id: u32| {
        // A chain of placeholders is acyclic; the bound is only a guard.
        for _ in 0..states.len() {
            match states.get(id as usize) {
                Some(s) if s.op == Op::Dummy => id = s.next,
                _ => break,
            }
        }
        id
    };
    for i in 0..states.len() {
        let s = states[i];
        let next = through(states, s.next);
        let alt = if s.has_alt() {
            through(states, s.alt)
        } else {
            s.alt
        };
        states[i].next = next;
        states[i].alt = alt;
    }
}

/// The bytes a match can begin with, and whether it can be empty. Anchors
/// are assumed to hold, so the set may be larger than needed, never smaller.
fn first_bytes(states: &[State], sets: &[[u64; 4]]) -> ([u64; 4], bool) {
    let mut first = [0u64; 4];
    let mut nullable = false;
    let mut seen = vec![false; states.len()];
    let mut work = vec![0u32];
    while let Some(id) = work.pop() {
        let Some(s) = states.get(id as usize) else {
            continue;
        };
        if std::mem::replace(&mut seen[id as usize], true) {
            continue;
        }
        match s.op {
            Op::Byte(c) => set_add(&mut first, c),
            Op::Any => {
                for c in 1..=255u8 {
                    set_add(&mut first, c);
                }
            }
            Op::Set(i) => {
                if let Some(set) = sets.get(i as usize) {
                    for (f, s) in first.iter_mut().zip(set) {
                        *f |= s;
                    }
                }
            }
            Op::Accept => nullable = true,
            Op::Alt | Op::Repeat => {
                work.push(s.next);
                work.push(s.alt);
            }
            Op::GroupStart(_) | Op::GroupEnd(_) | Op::LineBegin | Op::LineEnd | Op::Dummy => {
                work.push(s.next)
            }
        }
    }
    (first, nullable)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(p: &str) -> bool {
        compile(p.as_bytes()).is_ok()
    }

    #[test]
    fn accepts_and_rejects_like_libstdcxx() {
        for p in [
            "",
            "a",
            "\\.",
            "\\{",
            "\\|",
            "[\\]",
            "[]a]",
            "[^]a]",
            "[a-]",
            "[-a]",
            "[--0]",
            "[[:ALPHA:]]",
            "[[:w:]]",
            "[[.a.]]",
            "[[.space.]]",
            "[[=a=]]",
            "]",
            "}",
            "a{1}{2}",
            "a**",
            "(^)*",
            "()",
            "(|)",
            "|",
            "a{1,2}?",
            "a+?",
            "a??",
            "x{01}",
            "[[a]",
        ] {
            assert!(ok(p), "should compile: {p}");
        }
        for p in [
            "\\d",
            "\\]",
            "\\}",
            "\\/",
            "\\-",
            "\\n",
            "\\1",
            "\\",
            "a\\",
            "[a-z-0]",
            "[z-a]",
            "[[:foo:]]",
            "[[:alpha:]",
            "[",
            ")",
            "a{",
            "a{1",
            "a{,2}",
            "a{2,1}",
            "*a",
            "^*",
            "$*",
            "a|*",
            "[a",
            "[]",
            "[^]",
            "{1}",
            "[a-\u{e9}]",
            "(a",
            "a)",
            "[[.+.]]",
        ] {
            assert!(!ok(p), "should not compile: {p}");
        }
    }

    #[test]
    fn state_limit() {
        assert_eq!(compile(b"a{99999}").err(), Some(CompileError::Space));
        assert!(compile(b"a{1000}").is_ok());
        // The count wraps like a C int: 2^32 is 0.
        assert!(compile(b"a{4294967296}").is_ok());
        // A syntax error in the token after the interval is found before
        // the copies are made; a later one only after.
        assert_eq!(compile(b"a{99999}\\").err(), Some(CompileError::Invalid));
        assert_eq!(compile(b"a{99999})").err(), Some(CompileError::Space));
        assert_eq!(compile(b"(a{99999}").err(), Some(CompileError::Space));
    }

    #[test]
    fn deep_nesting() {
        let p = format!("{}a{}", "(".repeat(30000), ")".repeat(30000));
        assert_eq!(compile(p.as_bytes()).map(|p| p.groups).ok(), Some(30001));
    }

    #[test]
    fn brackets() {
        let p = compile(b"[]a-c[:digit:]]").unwrap();
        let set = &p.sets[0];
        for c in [b']', b'a', b'b', b'c', b'0', b'9'] {
            assert!(set_has(set, c));
        }
        assert!(!set_has(set, b'd'));
        let p = compile(b"[^a]").unwrap();
        assert!(set_has(&p.sets[0], b'\n'));
        assert!(set_has(&p.sets[0], 0xe9));
        assert!(!set_has(&p.sets[0], b'a'));
        let p = compile(b"[[=a=]]").unwrap();
        assert!(set_has(&p.sets[0], b'A'));
    }

    #[test]
    fn first_bytes_and_nullable() {
        let p = compile(b"ab|c").unwrap();
        assert!(!p.nullable);
        assert!(set_has(&p.first, b'a') && set_has(&p.first, b'c'));
        assert!(!set_has(&p.first, b'b'));
        assert!(compile(b"a*").unwrap().nullable);
        assert!(compile(b"^").unwrap().nullable);
    }
}
