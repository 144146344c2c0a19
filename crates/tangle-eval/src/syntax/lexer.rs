//! Nix 2.8's lexer (`src/libexpr/lexer.l`), re-created rule by rule: flex
//! picks the longest match among the rules of the current start condition
//! (the earliest rule on a tie), and start conditions are pushed and popped
//! by braces, strings and paths exactly as there.
//!
//! It classifies tokens (bison terminals), says where each one is, and
//! reports the lexer's own errors; whitespace and comments are what lies
//! between tokens. Values are read from the tree (`syntax::tree`).

use super::grammar::{char_terminal, t, Token};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Cond {
    Initial,
    Default,
    String,
    IndString,
    InPath,
    InPathSlash,
    PathStart,
}

pub struct LexError {
    pub message: String,
    pub offset: u32,
}

pub struct Lexer<'a> {
    s: &'a [u8],
    pos: usize,
    cond: Cond,
    stack: Vec<Cond>,
    /// Where the last lexeme (token, whitespace or comment) started: the
    /// end of the input is reported there, as 2.8's location of the end of
    /// file is that of the last text it matched.
    last_start: usize,
    /// The last runs of path characters and of URI scheme characters
    /// scanned (see [`run_end`]).
    path_run: (usize, usize),
    scheme_run: (usize, usize),
}

fn is_path_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-' | b'+')
}

fn is_id_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'\'' | b'-')
}

fn is_uri_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"%/?:@&=+$,-_.!~*'".contains(&c)
}

fn run(s: &[u8], p: usize, f: impl Fn(u8) -> bool) -> usize {
    s[p.min(s.len())..].iter().take_while(|c| f(**c)).count()
}

/// `(\/{PATH_CHAR}+)+` from `p`: the end of the last group, if any.
fn path_groups(s: &[u8], mut p: usize) -> Option<usize> {
    let mut any = false;
    while s.get(p) == Some(&b'/') && s.get(p + 1).is_some_and(|c| is_path_char(*c)) {
        p += 1 + run(s, p + 1, is_path_char);
        any = true;
    }
    any.then_some(p)
}

/// The end of a run of bytes matching `f` from `p`, knowing (`known`)
/// where the run that some earlier position was in ends: every position
/// inside a run has the same end, so scanning the same long run again for
/// each token that starts in it (`a.b.c.d…`: each rule that begins with a
/// run of path characters) is avoided, which would take time that grows
/// with the square of the run's length.
fn run_end(s: &[u8], p: usize, f: impl Fn(u8) -> bool, known: &mut (usize, usize)) -> usize {
    if known.0 <= p && p < known.1 {
        return known.1;
    }
    let end = p + run(s, p, f);
    *known = (p, end);
    end
}

/// PATH: `{PATH_CHAR}*(\/{PATH_CHAR}+)+\/?`, where the path characters
/// from `p` run to `pe`.
fn m_path(s: &[u8], p: usize, pe: usize) -> usize {
    match path_groups(s, pe) {
        Some(e) => e + usize::from(s.get(e) == Some(&b'/')) - p,
        None => 0,
    }
}

/// PATH_SEG: `{PATH_CHAR}*\/`, where the path characters from `p` run to
/// `pe`.
fn m_path_seg(s: &[u8], p: usize, pe: usize) -> usize {
    if s.get(pe) == Some(&b'/') {
        pe + 1 - p
    } else {
        0
    }
}

/// HPATH: `\~(\/{PATH_CHAR}+)+\/?`.
fn m_hpath(s: &[u8], p: usize) -> usize {
    if s.get(p) != Some(&b'~') {
        return 0;
    }
    match path_groups(s, p + 1) {
        Some(e) => e + usize::from(s.get(e) == Some(&b'/')) - p,
        None => 0,
    }
}

/// SPATH: `\<{PATH_CHAR}+(\/{PATH_CHAR}+)*\>`.
fn m_spath(s: &[u8], p: usize) -> usize {
    if s.get(p) != Some(&b'<') {
        return 0;
    }
    let n = run(s, p + 1, is_path_char);
    if n == 0 {
        return 0;
    }
    let e = p + 1 + n;
    let e = path_groups(s, e).unwrap_or(e);
    if s.get(e) == Some(&b'>') {
        e + 1 - p
    } else {
        0
    }
}

/// URI: `[a-zA-Z][a-zA-Z0-9\+\-\.]*\:[a-zA-Z0-9\%\/\?\:\@\&\=\+\$\,\-\_\.\!\~\*\']+`,
/// where the scheme's characters after its first run to `ue`.
fn m_uri(s: &[u8], p: usize, ue: usize) -> usize {
    if !s.get(p).is_some_and(|c| c.is_ascii_alphabetic()) {
        return 0;
    }
    if s.get(ue) != Some(&b':') {
        return 0;
    }
    let n = run(s, ue + 1, is_uri_char);
    if n == 0 {
        0
    } else {
        ue + 1 + n - p
    }
}

fn is_scheme_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.')
}

/// FLOAT: `(([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?`.
fn m_float(s: &[u8], p: usize) -> usize {
    let digit = |c: u8| c.is_ascii_digit();
    let mantissa_end = match s.get(p) {
        Some(b'1'..=b'9') => {
            let e = p + 1 + run(s, p + 1, digit);
            if s.get(e) != Some(&b'.') {
                return 0;
            }
            e + 1 + run(s, e + 1, digit)
        }
        Some(b'0') | Some(b'.') => {
            let dot = if s[p] == b'0' { p + 1 } else { p };
            if s.get(dot) != Some(&b'.') {
                return 0;
            }
            let n = run(s, dot + 1, digit);
            if n == 0 {
                return 0;
            }
            dot + 1 + n
        }
        _ => return 0,
    };
    let mut e = mantissa_end;
    if matches!(s.get(e), Some(b'e') | Some(b'E')) {
        let mut d = e + 1;
        if matches!(s.get(d), Some(b'+') | Some(b'-')) {
            d += 1;
        }
        let n = run(s, d, digit);
        if n > 0 {
            e = d + n;
        }
    }
    e - p
}

/// The long comment `\/\*([^*]|\*+[^*/])*\*+\/`: up to the first `*/`.
fn m_long_comment(s: &[u8], p: usize) -> usize {
    if !s[p..].starts_with(b"/*") {
        return 0;
    }
    match s[p + 2..].windows(2).position(|w| w == b"*/") {
        Some(i) => i + 4,
        None => 0,
    }
}

/// Longest run of a repeated alternation whose branches are one to three
/// bytes long; `step(i)` gives the lengths of the branches matching at `i`
/// (as a bitmask: bit n set = a branch of length n matches). Returns the
/// reachable end positions' maximum, and a callback sees each reachable
/// position.
fn repeat_ends(
    s: &[u8],
    p: usize,
    step: impl Fn(usize) -> u8,
    mut visit: impl FnMut(usize),
) -> usize {
    let mut window = [true, false, false, false];
    let mut i = p;
    let mut last = p;
    loop {
        if window[0] {
            last = i;
            visit(i);
            if i < s.len() {
                let m = step(i);
                for (n, w) in window.iter_mut().enumerate().skip(1) {
                    if m & (1 << n) != 0 {
                        *w = true;
                    }
                }
            }
        }
        if !window[1] && !window[2] && !window[3] {
            return last;
        }
        window = [window[1], window[2], window[3], false];
        i += 1;
    }
}

const KEYWORDS: [(&[u8], u8); 10] = [
    (b"if", t::IF),
    (b"then", t::THEN),
    (b"else", t::ELSE),
    (b"assert", t::ASSERT),
    (b"with", t::WITH),
    (b"let", t::LET),
    (b"in", t::IN),
    (b"rec", t::REC),
    (b"inherit", t::INHERIT),
    (b"or", t::OR_KW),
];

const OPERATORS: [(&[u8], u8); 12] = [
    (b"...", t::ELLIPSIS),
    (b"<|", t::PIPE_FROM),
    (b"|>", t::PIPE_INTO),
    (b"==", t::EQ),
    (b"!=", t::NEQ),
    (b"<=", t::LEQ),
    (b">=", t::GEQ),
    (b"&&", t::AND),
    (b"||", t::OR),
    (b"->", t::IMPL),
    (b"//", t::UPDATE),
    (b"++", t::CONCAT),
];

/// What a rule of the default start condition does.
#[derive(Clone, Copy)]
enum Rule {
    Token(u8),
    Int,
    Float,
    DollarCurly,
    CloseBrace,
    OpenBrace,
    Quote,
    IndOpen,
    PathStart,
    Path(u8),
    Skip,
    Any,
}

impl<'a> Lexer<'a> {
    pub fn new(text: &'a str) -> Lexer<'a> {
        Lexer {
            s: text.as_bytes(),
            pos: 0,
            cond: Cond::Initial,
            stack: Vec::new(),
            last_start: 0,
            path_run: (0, 0),
            scheme_run: (0, 0),
        }
    }

    fn push(&mut self, c: Cond) {
        self.stack.push(self.cond);
        self.cond = c;
    }

    fn pop(&mut self) {
        self.cond = self.stack.pop().unwrap_or(Cond::Initial);
    }

    fn token(&mut self, term: u8, start: usize, len: usize) -> Result<Token, LexError> {
        if term == t::EOF {
            return Ok(Token {
                term,
                offset: self.last_start as u32,
                len: 0,
            });
        }
        self.pos = start + len;
        // A path's end is a token of no text, not a lexeme of its own.
        if len > 0 {
            self.last_start = start;
        }
        Ok(Token {
            term,
            offset: start as u32,
            len: len as u32,
        })
    }

    pub fn next_token(&mut self) -> Result<Token, LexError> {
        loop {
            let p = self.pos;
            let s = self.s;
            match self.cond {
                Cond::Initial | Cond::Default => {
                    if p >= s.len() {
                        return self.token(t::EOF, p, 0);
                    }
                    if let Some(tok) = self.default_rule(p)? {
                        return Ok(tok);
                    }
                }
                Cond::String => {
                    if p >= s.len() {
                        return self.token(t::EOF, p, 0);
                    }
                    if s[p..].starts_with(b"${") {
                        self.push(Cond::Default);
                        return self.token(t::DOLLAR_CURLY, p, 2);
                    }
                    if s[p] == b'"' {
                        self.pop();
                        return self.token(t::QUOTE, p, 1);
                    }
                    let mut dollar_quote = None;
                    let end = repeat_ends(
                        s,
                        p,
                        |i| {
                            let c = s[i];
                            let next = s.get(i + 1).copied();
                            let mut m = 0;
                            if !matches!(c, b'$' | b'"' | b'\\') {
                                m |= 1 << 1;
                            }
                            if c == b'$' && next.is_some_and(|n| !matches!(n, b'{' | b'"' | b'\\'))
                            {
                                m |= 1 << 2;
                            }
                            if c == b'\\' && next.is_some() {
                                m |= 1 << 2;
                            }
                            if c == b'$' && next == Some(b'\\') && i + 2 < s.len() {
                                m |= 1 << 3;
                            }
                            m
                        },
                        |i| {
                            if s.get(i) == Some(&b'$') && s.get(i + 1) == Some(&b'"') {
                                dollar_quote = Some(i + 1);
                            }
                        },
                    );
                    let end = end.max(dollar_quote.unwrap_or(p));
                    // `\$|\\|\$\\` (only reached at the end of the input).
                    let short = if s[p..].starts_with(b"$\\") { 2 } else { 1 };
                    let len = (end - p).max(short);
                    return self.token(t::STR, p, len);
                }
                Cond::IndString => {
                    if p >= s.len() {
                        return self.token(t::EOF, p, 0);
                    }
                    let rest = &s[p..];
                    let body = repeat_ends(
                        s,
                        p,
                        |i| {
                            let c = s[i];
                            let next = s.get(i + 1).copied();
                            let mut m = 0;
                            if c != b'$' && c != b'\'' {
                                m |= 1 << 1;
                            }
                            if c == b'$' && next.is_some_and(|n| n != b'{' && n != b'\'') {
                                m |= 1 << 2;
                            }
                            if c == b'\'' && next.is_some_and(|n| n != b'\'' && n != b'$') {
                                m |= 1 << 2;
                            }
                            m
                        },
                        |_| {},
                    ) - p;
                    // (length, terminal) per rule, in rule order.
                    let candidates = [
                        (body, t::IND_STR),
                        (if rest.starts_with(b"''$") { 3 } else { 0 }, t::IND_STR),
                        (usize::from(rest[0] == b'$'), t::IND_STR),
                        (if rest.starts_with(b"'''") { 3 } else { 0 }, t::IND_STR),
                        (
                            if rest.starts_with(b"''\\") && rest.len() > 3 {
                                4
                            } else {
                                0
                            },
                            t::IND_STR,
                        ),
                        (if rest.starts_with(b"${") { 2 } else { 0 }, t::DOLLAR_CURLY),
                        (
                            if rest.starts_with(b"''") { 2 } else { 0 },
                            t::IND_STRING_CLOSE,
                        ),
                        (usize::from(rest[0] == b'\''), t::IND_STR),
                    ];
                    let mut best = (0, t::IND_STR);
                    for c in candidates {
                        if c.0 > best.0 {
                            best = c;
                        }
                    }
                    match best.1 {
                        t::DOLLAR_CURLY => self.push(Cond::Default),
                        t::IND_STRING_CLOSE => self.pop(),
                        _ => {}
                    }
                    return self.token(best.1, p, best.0);
                }
                Cond::InPath | Cond::InPathSlash => {
                    if s[p.min(s.len())..].starts_with(b"${") {
                        self.pop();
                        self.push(Cond::InPath);
                        self.push(Cond::Default);
                        return self.token(t::DOLLAR_CURLY, p, 2);
                    }
                    let pe = run_end(s, p, is_path_char, &mut self.path_run);
                    let len = m_path(s, p, pe).max(m_path_seg(s, p, pe)).max(pe - p);
                    if len > 0 {
                        self.pop();
                        if s[p + len - 1] == b'/' {
                            self.push(Cond::InPathSlash);
                        } else {
                            self.push(Cond::InPath);
                        }
                        return self.token(t::STR, p, len);
                    }
                    if self.cond == Cond::InPathSlash {
                        return Err(LexError {
                            message: "path has a trailing slash".into(),
                            offset: p as u32,
                        });
                    }
                    self.pop();
                    return self.token(t::PATH_END, p, 0);
                }
                Cond::PathStart => {
                    self.pop();
                    self.push(Cond::InPathSlash);
                    if s[p..].starts_with(b"~/") {
                        return self.token(t::HPATH, p, 2);
                    }
                    let pe = run_end(s, p, is_path_char, &mut self.path_run);
                    let len = m_path_seg(s, p, pe);
                    return self.token(t::PATH, p, len);
                }
            }
        }
    }

    /// The rules of the INITIAL/DEFAULT start conditions: returns the token,
    /// or None when the match produced none (whitespace, comments, or the
    /// switch to PATH_START).
    fn default_rule(&mut self, p: usize) -> Result<Option<Token>, LexError> {
        let s = self.s;
        let rest = &s[p..];
        let c0 = rest[0];
        // Whitespace starts no other rule's match (but ANY's, which is shorter).
        if matches!(c0, b' ' | b'\t' | b'\r' | b'\n') {
            self.pos = p + run(s, p, |c| matches!(c, b' ' | b'\t' | b'\r' | b'\n'));
            self.last_start = p;
            return Ok(None);
        }
        let mut best: (usize, Rule) = (0, Rule::Any);
        let mut offer = |len: usize, rule: Rule| {
            if len > best.0 {
                best = (len, rule);
            }
        };
        if c0.is_ascii_lowercase() {
            for (kw, term) in KEYWORDS {
                if rest.starts_with(kw) {
                    offer(kw.len(), Rule::Token(term));
                }
            }
        }
        if c0.is_ascii_punctuation() {
            for (op, term) in OPERATORS {
                if rest.starts_with(op) {
                    offer(op.len(), Rule::Token(term));
                }
            }
        }
        if rest[0].is_ascii_alphabetic() || rest[0] == b'_' {
            offer(1 + run(s, p + 1, is_id_char), Rule::Token(t::ID));
        }
        if c0.is_ascii_digit() || c0 == b'.' {
            offer(run(s, p, |c| c.is_ascii_digit()), Rule::Int);
            offer(m_float(s, p), Rule::Float);
        }
        if rest.starts_with(b"${") {
            offer(2, Rule::DollarCurly);
        }
        if rest[0] == b'}' {
            offer(1, Rule::CloseBrace);
        }
        if rest[0] == b'{' {
            offer(1, Rule::OpenBrace);
        }
        if rest[0] == b'"' {
            offer(1, Rule::Quote);
        }
        if rest.starts_with(b"''") {
            let spaces = run(s, p + 2, |c| c == b' ');
            let len = if s.get(p + 2 + spaces) == Some(&b'\n') {
                3 + spaces
            } else {
                2
            };
            offer(len, Rule::IndOpen);
        }
        if is_path_char(c0) || c0 == b'/' {
            let pe = run_end(s, p, is_path_char, &mut self.path_run);
            let seg = m_path_seg(s, p, pe);
            if seg > 0 && s[p + seg..].starts_with(b"${") {
                offer(seg + 2, Rule::PathStart);
            }
            offer(m_path(s, p, pe), Rule::Path(t::PATH));
        }
        if c0 == b'~' {
            if rest.starts_with(b"~/${") {
                offer(4, Rule::PathStart);
            }
            offer(m_hpath(s, p), Rule::Path(t::HPATH));
        }
        offer(m_spath(s, p), Rule::Token(t::SPATH));
        if c0.is_ascii_alphabetic() {
            let ue = run_end(s, p + 1, is_scheme_char, &mut self.scheme_run);
            offer(m_uri(s, p, ue), Rule::Token(t::URI));
        }
        if rest[0] == b'#' {
            offer(1 + run(s, p + 1, |c| c != b'\r' && c != b'\n'), Rule::Skip);
        }
        offer(m_long_comment(s, p), Rule::Skip);
        offer(1, Rule::Any);

        let (len, rule) = best;
        let text = &s[p..p + len];
        let text_str = || String::from_utf8_lossy(text).into_owned();
        let tok = match rule {
            Rule::Token(term) => term,
            Rule::Int => {
                if std::str::from_utf8(text)
                    .ok()
                    .and_then(|t| t.parse::<i64>().ok())
                    .is_none()
                {
                    return Err(LexError {
                        message: format!("invalid integer '{}'", text_str()),
                        offset: p as u32,
                    });
                }
                t::INT
            }
            Rule::Float => {
                if !float_in_range(&text_str()) {
                    return Err(LexError {
                        message: format!("invalid float '{}'", text_str()),
                        offset: p as u32,
                    });
                }
                t::FLOAT
            }
            Rule::DollarCurly => {
                self.push(Cond::Default);
                t::DOLLAR_CURLY
            }
            Rule::CloseBrace => {
                if self.cond != Cond::Initial {
                    self.pop();
                }
                t::RBRACE
            }
            Rule::OpenBrace => {
                self.push(Cond::Default);
                t::LBRACE
            }
            Rule::Quote => {
                self.push(Cond::String);
                t::QUOTE
            }
            Rule::IndOpen => {
                self.push(Cond::IndString);
                t::IND_STRING_OPEN
            }
            Rule::PathStart => {
                // yyless(0): rescan the same text in PATH_START.
                self.push(Cond::PathStart);
                return Ok(None);
            }
            Rule::Path(term) => {
                if text.last() == Some(&b'/') {
                    self.push(Cond::InPathSlash);
                } else {
                    self.push(Cond::InPath);
                }
                term
            }
            Rule::Skip => {
                self.pos = p + len;
                self.last_start = p;
                return Ok(None);
            }
            // A NUL byte reads as the end of the input, as in flex's buffer.
            Rule::Any if text[0] == 0 => t::EOF,
            Rule::Any => char_terminal(text[0]),
        };
        self.token(tok, p, len).map(Some)
    }
}

/// Whether C's `strtod` reads a float literal without `ERANGE`: it
/// overflows to infinity, or underflows to a subnormal number or zero.
fn float_in_range(text: &str) -> bool {
    let v: f64 = match text.parse() {
        Ok(v) => v,
        Err(_) => return true,
    };
    if v.is_infinite() {
        return false;
    }
    if v == 0.0 {
        // Zero is exact only when every mantissa digit is zero.
        let mantissa = text.split(['e', 'E']).next().unwrap_or("");
        return !mantissa.bytes().any(|c| (b'1'..=b'9').contains(&c));
    }
    v.abs() >= f64::MIN_POSITIVE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<u8> {
        let mut lx = Lexer::new(text);
        let mut out = Vec::new();
        loop {
            let tok = lx.next_token().ok().expect("lexes");
            out.push(tok.term);
            if tok.term == t::EOF {
                return out;
            }
        }
    }

    #[test]
    fn numbers_and_paths() {
        assert_eq!(kinds("1.0e"), vec![t::FLOAT, t::ID, t::EOF]);
        assert_eq!(kinds("0."), vec![t::INT, 52, t::EOF]);
        assert_eq!(kinds(".5.5"), vec![t::FLOAT, t::FLOAT, t::EOF]);
        assert_eq!(kinds("1/2"), vec![t::PATH, t::PATH_END, t::EOF]);
        assert_eq!(kinds("/a//b"), vec![t::PATH, t::STR, t::PATH_END, t::EOF]);
        assert_eq!(
            kinds("./a/${x}/b"),
            vec![
                t::PATH,
                t::DOLLAR_CURLY,
                t::ID,
                t::RBRACE,
                t::STR,
                t::PATH_END,
                t::EOF
            ]
        );
        assert_eq!(kinds("x:x"), vec![t::URI, t::EOF]);
        assert_eq!(kinds("<nixpkgs>"), vec![t::SPATH, t::EOF]);
        assert_eq!(kinds("a-b'"), vec![t::ID, t::EOF]);
    }

    #[test]
    fn end_of_file_is_at_the_last_lexeme() {
        let eof = |text: &str| {
            let mut lx = Lexer::new(text);
            loop {
                let tok = lx.next_token().ok().expect("lexes");
                if tok.term == t::EOF {
                    return tok.offset;
                }
            }
        };
        assert_eq!(eof("1 +"), 2);
        assert_eq!(eof("(1  "), 2);
        assert_eq!(eof("x # c"), 2);
        assert_eq!(eof(""), 0);
    }

    #[test]
    fn strings() {
        assert_eq!(
            kinds(r#""a$" "$$" "x${y}z""#),
            vec![
                t::QUOTE,
                t::STR,
                t::QUOTE,
                t::QUOTE,
                t::STR,
                t::QUOTE,
                t::QUOTE,
                t::STR,
                t::DOLLAR_CURLY,
                t::ID,
                t::RBRACE,
                t::STR,
                t::QUOTE,
                t::EOF
            ]
        );
        assert_eq!(kinds("'''''"), vec![t::IND_STRING_OPEN, t::IND_STR, t::EOF]);
        assert_eq!(
            kinds("''a''${b}''"),
            vec![
                t::IND_STRING_OPEN,
                t::IND_STR,
                t::IND_STR,
                t::IND_STR,
                t::IND_STRING_CLOSE,
                t::EOF
            ]
        );
    }
}
