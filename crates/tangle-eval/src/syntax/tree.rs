//! The syntax tree, built by 2.8's own parser (`grammar::parse`): rnix's
//! node and token kinds in the shapes rnix gives them, so that rnix's typed
//! view (`rnix::ast`) reads it, but made here, from 2.8's tokens and
//! reductions.
//!
//! The parse tells the builder what it shifts and reduces. Pieces of the
//! tree wait in one flat list (`kids`), in source order; each symbol on the
//! parser's stack knows where its pieces are. A rule named in the grammar
//! (`@binary`, `@attr_set`, …) turns its symbols' pieces into a node; a
//! rule without a name leaves them for an enclosing rule (the bindings of
//! a set, the parts of a string). Whitespace and comments are the text
//! between two tokens; they land in the smallest node holding both, so no
//! node starts or ends with them (rnix puts them in the same places).
//!
//! Nothing here recurses, however deep the nesting. Nodes are made with
//! `GreenNode::new`, not rowan's `GreenNodeBuilder`: its node cache hashes
//! a node's whole subtree whenever its table grows, so a deep chain of
//! small nodes (`[[[…]]]`) costs time that grows with the square of the
//! depth (and recursion as deep as the tree). Sharing is kept with caches
//! of our own: tokens with short texts by kind and text, and nodes of up
//! to three children by kind and the children's addresses (equal children
//! are already one object), so nothing is hashed twice. Dropping a deep
//! tree would recurse in rowan, so [`Tree`] (and the builder, if a parse
//! fails) takes it apart from the top down instead.

use super::grammar::{self, t, Sink, Token};
use rnix::SyntaxKind::{self, *};
use rowan::{GreenNode, GreenToken, Language, NodeOrToken};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

type Green = NodeOrToken<GreenNode, GreenToken>;

/// A piece of the tree being built.
enum Elem {
    Green(Green),
    /// A token not made yet: its kind and where its text is.
    Tok {
        kind: SyntaxKind,
        start: u32,
        end: u32,
    },
}

/// What reducing a rule builds (`@name` in the grammar).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Build {
    /// Nothing: the pieces wait for an enclosing rule.
    Pieces,
    LambdaIdent,
    LambdaFormals,
    LambdaFormalsAt,
    LambdaAtFormals,
    Node(SyntaxKind),
    HasAttr,
    Select,
    ApplyOr,
    Var,
    String,
    Path,
    Interpolation,
    Binding,
    Inherit,
    InheritFrom,
    Name,
    Dynamic,
    Formal,
}

fn build_named(name: &str) -> Build {
    match name {
        "" => Build::Pieces,
        "lambda_ident" => Build::LambdaIdent,
        "lambda_formals" => Build::LambdaFormals,
        "lambda_formals_at" => Build::LambdaFormalsAt,
        "lambda_at_formals" => Build::LambdaAtFormals,
        "assert" => Build::Node(NODE_ASSERT),
        "with" => Build::Node(NODE_WITH),
        "let_in" => Build::Node(NODE_LET_IN),
        "if_else" => Build::Node(NODE_IF_ELSE),
        "unary" => Build::Node(NODE_UNARY_OP),
        "binary" => Build::Node(NODE_BIN_OP),
        "has_attr" => Build::HasAttr,
        "apply" => Build::Node(NODE_APPLY),
        "select" | "select_or" => Build::Select,
        "apply_or" => Build::ApplyOr,
        "var" => Build::Var,
        "literal" => Build::Node(NODE_LITERAL),
        "string" => Build::String,
        "path" => Build::Path,
        "search_path" => Build::Node(NODE_PATH_SEARCH),
        "paren" => Build::Node(NODE_PAREN),
        "legacy_let" => Build::Node(NODE_LEGACY_LET),
        "attr_set" => Build::Node(NODE_ATTR_SET),
        "list" => Build::Node(NODE_LIST),
        "interpolation" => Build::Interpolation,
        "binding" => Build::Binding,
        "inherit" => Build::Inherit,
        "inherit_from" => Build::InheritFrom,
        "name" => Build::Name,
        "dynamic" => Build::Dynamic,
        "formal" => Build::Formal,
        other => panic!("the grammar names an unknown build: @{}", other),
    }
}

/// What each rule builds, by rule number.
fn builds() -> &'static [Build] {
    static BUILDS: OnceLock<Vec<Build>> = OnceLock::new();
    BUILDS.get_or_init(|| {
        let tables = grammar::tables();
        (0..tables.rule_count())
            .map(|r| build_named(tables.rule_build(r as u16)))
            .collect()
    })
}

/// The token kind a terminal is shifted as (a rule may change it: a `}`
/// that closes an interpolation, an `or` used as a name).
fn token_kind(term: u8) -> SyntaxKind {
    match term {
        t::ID => TOKEN_IDENT,
        t::INT => TOKEN_INTEGER,
        t::FLOAT => TOKEN_FLOAT,
        t::URI => TOKEN_URI,
        t::SPATH => TOKEN_PATH_SEARCH,
        t::HPATH => TOKEN_PATH_HOME,
        t::STR | t::IND_STR => TOKEN_STRING_CONTENT,
        t::IF => TOKEN_IF,
        t::THEN => TOKEN_THEN,
        t::ELSE => TOKEN_ELSE,
        t::ASSERT => TOKEN_ASSERT,
        t::WITH => TOKEN_WITH,
        t::LET => TOKEN_LET,
        t::IN => TOKEN_IN,
        t::REC => TOKEN_REC,
        t::INHERIT => TOKEN_INHERIT,
        t::EQ => TOKEN_EQUAL,
        t::NEQ => TOKEN_NOT_EQUAL,
        t::AND => TOKEN_AND_AND,
        t::OR => TOKEN_OR_OR,
        t::IMPL => TOKEN_IMPLICATION,
        t::OR_KW => TOKEN_OR,
        t::DOLLAR_CURLY => TOKEN_INTERPOL_START,
        t::IND_STRING_CLOSE => TOKEN_STRING_END,
        t::ELLIPSIS => TOKEN_ELLIPSIS,
        t::LEQ => TOKEN_LESS_OR_EQ,
        t::GEQ => TOKEN_MORE_OR_EQ,
        t::UPDATE => TOKEN_UPDATE,
        t::CONCAT => TOKEN_CONCAT,
        t::PIPE_FROM => TOKEN_PIPE_LEFT,
        t::PIPE_INTO => TOKEN_PIPE_RIGHT,
        t::QUOTE => TOKEN_STRING_START,
        _ => match grammar::TERMINALS[term as usize].as_bytes() {
            [b'\'', c, b'\''] => match c {
                b'<' => TOKEN_LESS,
                b'>' => TOKEN_MORE,
                b'+' => TOKEN_ADD,
                b'-' => TOKEN_SUB,
                b'*' => TOKEN_MUL,
                b'/' => TOKEN_DIV,
                b'?' => TOKEN_QUESTION,
                b':' => TOKEN_COLON,
                b'{' => TOKEN_L_BRACE,
                b'}' => TOKEN_R_BRACE,
                b'@' => TOKEN_AT,
                b';' => TOKEN_SEMICOLON,
                b'!' => TOKEN_INVERT,
                b'.' => TOKEN_DOT,
                b'(' => TOKEN_L_PAREN,
                b')' => TOKEN_R_PAREN,
                b'[' => TOKEN_L_BRACK,
                b']' => TOKEN_R_BRACK,
                b'=' => TOKEN_ASSIGN,
                b',' => TOKEN_COMMA,
                _ => TOKEN_ERROR,
            },
            _ => TOKEN_ERROR,
        },
    }
}

fn raw(kind: SyntaxKind) -> rowan::SyntaxKind {
    rnix::NixLanguage::kind_to_raw(kind)
}

/// Tokens this short are shared: keywords, punctuation, most names and
/// whitespace.
const SHARED_TOKEN_LEN: usize = 16;

/// Builds the tree as the parser reduces (see the module's comment).
pub struct Builder<'a> {
    text: &'a str,
    kids: Vec<Elem>,
    /// Per symbol on the parser's stack (above its bottom): where its
    /// pieces are in `kids`, from the first to just past the last.
    syms: Vec<(u32, u32)>,
    /// The end of the last token shifted.
    pos: u32,
    builds: &'static [Build],
    tokens: FxHashMap<(SyntaxKind, &'a str), GreenToken>,
    nodes: FxHashMap<(SyntaxKind, [usize; 3]), GreenNode>,
    /// A token's text did not start and end on character boundaries (it
    /// cannot: tokens end at ASCII bytes, or inside strings, whose pieces
    /// are joined).
    broken: bool,
}

impl<'a> Builder<'a> {
    pub fn new(text: &'a str) -> Builder<'a> {
        Builder {
            text,
            kids: Vec::new(),
            syms: Vec::new(),
            pos: 0,
            builds: builds(),
            tokens: FxHashMap::default(),
            nodes: FxHashMap::default(),
            broken: false,
        }
    }

    /// The whole tree, once the parse has accepted: a root node holding
    /// the expression and the whitespace and comments around it.
    pub fn finish(mut self) -> Option<GreenNode> {
        self.trivia(self.text.len() as u32);
        self.node(NODE_ROOT, 0);
        if self.broken {
            return None;
        }
        match self.kids.pop() {
            Some(Elem::Green(NodeOrToken::Node(n))) => Some(n),
            _ => None,
        }
    }

    fn green(&mut self, kind: SyntaxKind, start: u32, end: u32) -> Green {
        let Some(s) = self.text.get(start as usize..end as usize) else {
            self.broken = true;
            return NodeOrToken::Token(GreenToken::new(raw(kind), ""));
        };
        let tok = if s.len() <= SHARED_TOKEN_LEN {
            self.tokens
                .entry((kind, s))
                .or_insert_with(|| GreenToken::new(raw(kind), s))
                .clone()
        } else {
            GreenToken::new(raw(kind), s)
        };
        NodeOrToken::Token(tok)
    }

    fn push(&mut self, kind: SyntaxKind, start: u32, end: u32) {
        self.kids.push(Elem::Tok { kind, start, end });
    }

    /// Whitespace and comments from the end of the last token to `to`.
    fn trivia(&mut self, to: u32) {
        let s = self.text.as_bytes();
        let mut i = self.pos as usize;
        let to = to as usize;
        while i < to {
            let (kind, end) = match s[i] {
                b' ' | b'\t' | b'\r' | b'\n' => {
                    let n = s[i..to]
                        .iter()
                        .take_while(|c| matches!(c, b' ' | b'\t' | b'\r' | b'\n'))
                        .count();
                    (TOKEN_WHITESPACE, i + n)
                }
                b'#' => {
                    let n = s[i..to]
                        .iter()
                        .take_while(|c| !matches!(c, b'\r' | b'\n'))
                        .count();
                    (TOKEN_COMMENT, i + n)
                }
                b'/' if s[i..to].starts_with(b"/*") => {
                    let end = s[i + 2..to]
                        .windows(2)
                        .position(|w| w == b"*/")
                        .map_or(to, |p| i + 2 + p + 2);
                    (TOKEN_COMMENT, end)
                }
                // What follows a NUL byte, which ends 2.8's input.
                _ => (TOKEN_ERROR, to),
            };
            self.push(kind, i as u32, end as u32);
            i = end;
        }
        self.pos = to as u32;
    }

    /// Make the pieces from `kids[from]` on into one node.
    fn node(&mut self, kind: SyntaxKind, from: usize) {
        for i in from..self.kids.len() {
            if let Elem::Tok { kind, start, end } = self.kids[i] {
                self.kids[i] = Elem::Green(self.green(kind, start, end));
            }
        }
        let children = self.kids.drain(from..).map(|e| match e {
            Elem::Green(g) => g,
            Elem::Tok { .. } => unreachable!("made green above"),
        });
        let node = if children.len() <= 3 {
            let children: smallvec::SmallVec<[Green; 3]> = children.collect();
            let mut key = [0usize; 3];
            for (k, c) in key.iter_mut().zip(&children) {
                *k = match c {
                    NodeOrToken::Node(n) => &**n as *const rowan::GreenNodeData as usize,
                    NodeOrToken::Token(t) => &**t as *const rowan::GreenTokenData as usize,
                };
            }
            self.nodes
                .entry((kind, key))
                .or_insert_with(|| GreenNode::new(raw(kind), children))
                .clone()
        } else {
            GreenNode::new(raw(kind), children)
        };
        self.kids.push(Elem::Green(NodeOrToken::Node(node)));
    }

    /// Make the pieces `kids[from..to]` into one node, in place.
    fn node_within(&mut self, kind: SyntaxKind, from: usize, to: usize) {
        let rest: Vec<Elem> = self.kids.drain(to..).collect();
        self.node(kind, from);
        self.kids.extend(rest);
    }

    fn retag(&mut self, at: usize, new: SyntaxKind) {
        if let Some(Elem::Tok { kind, .. }) = self.kids.get_mut(at) {
            *kind = new;
        }
    }

    fn retag_last(&mut self, new: SyntaxKind) {
        let last = self.kids.len() - 1;
        self.retag(last, new);
    }
}

impl Sink for Builder<'_> {
    fn shift(&mut self, tok: Token) {
        if tok.term == t::EOF {
            // The end of the input (at the last lexeme, not the end of the
            // text): what follows the last token is added by `finish`.
            self.syms
                .push((self.kids.len() as u32, self.kids.len() as u32));
            return;
        }
        self.trivia(tok.offset);
        let first = self.kids.len() as u32;
        let (start, end) = (tok.offset, tok.offset + tok.len);
        match tok.term {
            t::STR | t::IND_STR => match self.kids.last_mut() {
                // A string's text comes in several tokens; rnix has one
                // piece from one interpolation to the next.
                Some(Elem::Tok {
                    kind: TOKEN_STRING_CONTENT,
                    end: e,
                    ..
                }) if *e == start => *e = end,
                _ => self.push(TOKEN_STRING_CONTENT, start, end),
            },
            t::PATH => {
                let kind = if self.text.as_bytes()[start as usize] == b'/' {
                    TOKEN_PATH_ABS
                } else {
                    TOKEN_PATH_REL
                };
                self.push(kind, start, end);
            }
            // A path's end is no text.
            t::PATH_END => {}
            // `''` and, if only blanks follow on its line, that line: rnix
            // has the `''` and the rest is text.
            t::IND_STRING_OPEN => {
                self.push(TOKEN_STRING_START, start, start + 2);
                if end > start + 2 {
                    self.push(TOKEN_STRING_CONTENT, start + 2, end);
                }
            }
            term => self.push(token_kind(term), start, end),
        }
        self.syms.push((first, self.kids.len() as u32));
        self.pos = end;
    }

    fn reduce(&mut self, rule: u16) {
        let n = grammar::tables().rule_len(rule);
        let base = self.syms.len() - n;
        let start = match self.syms.get(base) {
            Some((s, _)) => *s as usize,
            None => self.kids.len(),
        };
        // Where symbol `i` of the rule starts and ends in `kids`.
        let at = |i: usize| self.syms[base + i].0 as usize;
        let end = |i: usize| self.syms[base + i].1 as usize;
        match self.builds[rule as usize] {
            Build::Pieces => {}
            Build::Node(kind) => self.node(kind, start),
            Build::LambdaIdent => {
                // ID ':' body
                let id = at(0);
                self.node_within(NODE_IDENT, id, id + 1);
                self.node_within(NODE_IDENT_PARAM, id, id + 1);
                self.node(NODE_LAMBDA, start);
            }
            Build::LambdaFormals => {
                // '{' formals '}' ':' body
                let close = end(2);
                self.node_within(NODE_PATTERN, start, close);
                self.node(NODE_LAMBDA, start);
            }
            Build::LambdaFormalsAt => {
                // '{' formals '}' '@' ID ':' body
                let (at_sign, id) = (at(3), at(4));
                self.node_within(NODE_IDENT, id, id + 1);
                self.node_within(NODE_PAT_BIND, at_sign, id + 1);
                self.node_within(NODE_PATTERN, start, at_sign + 1);
                self.node(NODE_LAMBDA, start);
            }
            Build::LambdaAtFormals => {
                // ID '@' '{' formals '}' ':' body
                let (at_end, close) = (end(1), end(4));
                self.node_within(NODE_IDENT, start, start + 1);
                self.node_within(NODE_PAT_BIND, start, at_end);
                // The binding took the pieces from `start` to `at_end`.
                let close = close - (at_end - start) + 1;
                self.node_within(NODE_PATTERN, start, close);
                self.node(NODE_LAMBDA, start);
            }
            Build::HasAttr => {
                // expr '?' attrpath
                let path = at(2);
                self.node(NODE_ATTRPATH, path);
                self.node(NODE_HAS_ATTR, start);
            }
            Build::Select => {
                // expr '.' attrpath [or default]
                let (path, path_end) = (at(2), end(2));
                self.node_within(NODE_ATTRPATH, path, path_end);
                self.node(NODE_SELECT, start);
            }
            Build::ApplyOr => {
                // expr OR_KW: a call of `expr` with the variable `or`.
                let or = at(1);
                self.retag(or, TOKEN_IDENT);
                self.node(NODE_IDENT, or);
                self.node(NODE_APPLY, start);
            }
            Build::Var => {
                let text = match &self.kids[start] {
                    Elem::Tok { start, end, .. } => &self.text[*start as usize..*end as usize],
                    Elem::Green(_) => "",
                };
                if text == "__curPos" {
                    self.retag(start, TOKEN_CUR_POS);
                    self.node(NODE_CUR_POS, start);
                } else {
                    self.node(NODE_IDENT, start);
                }
            }
            Build::String => {
                self.retag_last(TOKEN_STRING_END);
                self.node(NODE_STRING, start);
            }
            Build::Path => {
                let (node, tok) = match &self.kids[start] {
                    Elem::Tok {
                        kind: TOKEN_PATH_HOME,
                        ..
                    } => (NODE_PATH_HOME, TOKEN_PATH_HOME),
                    Elem::Tok {
                        kind: TOKEN_PATH_ABS,
                        ..
                    } => (NODE_PATH_ABS, TOKEN_PATH_ABS),
                    _ => (NODE_PATH_REL, TOKEN_PATH_REL),
                };
                for e in &mut self.kids[start..] {
                    if let Elem::Tok { kind, .. } = e {
                        *kind = tok;
                    }
                }
                self.node(node, start);
            }
            Build::Interpolation => {
                // DOLLAR_CURLY expr '}', the rule's last three symbols.
                let open = at(n - 3);
                self.retag_last(TOKEN_INTERPOL_END);
                self.node(NODE_INTERPOL, open);
            }
            Build::Binding => {
                // binds attrpath '=' expr ';'
                let (path, path_end) = (at(1), end(1));
                self.node_within(NODE_ATTRPATH, path, path_end);
                self.node(NODE_ATTRPATH_VALUE, path);
            }
            Build::Inherit => {
                // binds INHERIT attrs ';'
                let inherit = at(1);
                self.node(NODE_INHERIT, inherit);
            }
            Build::InheritFrom => {
                // binds INHERIT '(' expr ')' attrs ';'
                let (inherit, open, close) = (at(1), at(2), end(4));
                self.node_within(NODE_INHERIT_FROM, open, close);
                self.node(NODE_INHERIT, inherit);
            }
            Build::Name => {
                self.retag(start, TOKEN_IDENT);
                self.node(NODE_IDENT, start);
            }
            Build::Dynamic => {
                self.retag_last(TOKEN_INTERPOL_END);
                self.node(NODE_DYNAMIC, start);
            }
            Build::Formal => {
                // ID ['?' expr]
                self.node_within(NODE_IDENT, start, start + 1);
                self.node(NODE_PAT_ENTRY, start);
            }
        }
        self.syms.truncate(base);
        self.syms.push((start as u32, self.kids.len() as u32));
    }
}

/// A syntax tree, taken apart without recursion when dropped ([`dismantle`]).
pub struct Tree {
    green: Option<GreenNode>,
}

impl Tree {
    pub fn new(green: GreenNode) -> Tree {
        Tree { green: Some(green) }
    }

    pub fn green(&self) -> &GreenNode {
        self.green.as_ref().expect("a tree until dropped")
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        if let Some(root) = self.green.take() {
            dismantle(root);
        }
    }
}

impl Drop for Builder<'_> {
    /// After a syntax error, the pieces built so far may be deep.
    fn drop(&mut self) {
        // The caches hold nodes the pieces hold too: let go of them first,
        // so that the pieces are the last holders.
        self.nodes.clear();
        for e in self.kids.drain(..) {
            if let Elem::Green(NodeOrToken::Node(n)) = e {
                dismantle(n);
            }
        }
    }
}

/// Drop a tree without recursion. rowan frees a node's children from inside
/// the node's own drop, so a tree a million levels deep would need a
/// million nested calls. Holding every node first (parents before
/// children) and then letting go in that order frees each node while its
/// children are still held: every drop frees one node and no deeper. (A
/// node shared by several parents is held once per parent, which is
/// harmless.)
fn dismantle(root: GreenNode) {
    let mut held: Vec<GreenNode> = vec![root];
    let mut i = 0;
    while i < held.len() {
        let node = held[i].clone();
        for c in node.children() {
            if let NodeOrToken::Node(n) = c {
                if n.children().any(|c| c.as_node().is_some()) {
                    held.push(n.to_owned());
                }
            }
        }
        i += 1;
    }
    drop(held);
}
