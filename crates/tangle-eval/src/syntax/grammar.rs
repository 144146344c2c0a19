//! Nix 2.8's grammar (`src/libexpr/parser.y`) and the parse tables bison
//! builds from it, computed the way bison does: LALR(1) lookaheads,
//! shift/reduce conflicts resolved by the `%left`/`%right`/`%nonassoc`
//! declarations (with explicit error actions for `%nonassoc`), and the most
//! common reduction of each state made its default action.
//!
//! The tables drive [`parse`], a parser that follows bison's GLR skeleton
//! (2.8's parser is `%glr-parser`) closely enough to detect a syntax error
//! at the same token, in the same parser state, as 2.8 does, and so to word
//! the error the same way ("syntax error, unexpected X, expecting Y"). What
//! it shifts and reduces builds the syntax tree (`syntax::tree`).

use std::collections::HashMap;
use std::sync::OnceLock;

/// Terminal symbols, numbered as bison numbers them: `$end`, `error`,
/// `$undefined`, then the `%token`s, then the tokens first named in the
/// precedence declarations, then the character literals in the order the
/// rules first use them.
pub const TERMINALS: [&str; 62] = [
    "$end",
    "error",
    "$undefined",
    "ID",
    "ATTRPATH",
    "STR",
    "IND_STR",
    "INT",
    "FLOAT",
    "PATH",
    "HPATH",
    "SPATH",
    "PATH_END",
    "URI",
    "IF",
    "THEN",
    "ELSE",
    "ASSERT",
    "WITH",
    "LET",
    "IN",
    "REC",
    "INHERIT",
    "EQ",
    "NEQ",
    "AND",
    "OR",
    "IMPL",
    "OR_KW",
    "DOLLAR_CURLY",
    "IND_STRING_OPEN",
    "IND_STRING_CLOSE",
    "ELLIPSIS",
    "'<'",
    "'>'",
    "LEQ",
    "GEQ",
    "UPDATE",
    "NOT",
    "'+'",
    "'-'",
    "'*'",
    "'/'",
    "CONCAT",
    "'?'",
    "NEGATE",
    "':'",
    "'{'",
    "'}'",
    "'@'",
    "';'",
    "'!'",
    "'.'",
    "'\"'",
    "'('",
    "')'",
    "'['",
    "']'",
    "'='",
    "','",
    // Not in 2.8: the pipe operators of Nix 2.24, which Tangle accepts.
    "PIPE_FROM",
    "PIPE_INTO",
];

pub const NTERMS: usize = TERMINALS.len();

// Terminal sets are `u64` bitsets, with bit 63 spare for the LALR dummy.
const _: () = assert!(NTERMS < 63);

pub mod t {
    pub const EOF: u8 = 0;
    pub const UNDEF: u8 = 2;
    pub const ID: u8 = 3;
    pub const STR: u8 = 5;
    pub const IND_STR: u8 = 6;
    pub const INT: u8 = 7;
    pub const FLOAT: u8 = 8;
    pub const PATH: u8 = 9;
    pub const HPATH: u8 = 10;
    pub const SPATH: u8 = 11;
    pub const PATH_END: u8 = 12;
    pub const URI: u8 = 13;
    pub const IF: u8 = 14;
    pub const THEN: u8 = 15;
    pub const ELSE: u8 = 16;
    pub const ASSERT: u8 = 17;
    pub const WITH: u8 = 18;
    pub const LET: u8 = 19;
    pub const IN: u8 = 20;
    pub const REC: u8 = 21;
    pub const INHERIT: u8 = 22;
    pub const EQ: u8 = 23;
    pub const NEQ: u8 = 24;
    pub const AND: u8 = 25;
    pub const OR: u8 = 26;
    pub const IMPL: u8 = 27;
    pub const OR_KW: u8 = 28;
    pub const DOLLAR_CURLY: u8 = 29;
    pub const IND_STRING_OPEN: u8 = 30;
    pub const IND_STRING_CLOSE: u8 = 31;
    pub const ELLIPSIS: u8 = 32;
    pub const LEQ: u8 = 35;
    pub const GEQ: u8 = 36;
    pub const UPDATE: u8 = 37;
    pub const CONCAT: u8 = 43;
    pub const LBRACE: u8 = 47;
    pub const RBRACE: u8 = 48;
    pub const QUOTE: u8 = 53;
    pub const PIPE_FROM: u8 = 60;
    pub const PIPE_INTO: u8 = 61;
}

/// The terminal a single character stands for when the lexer returns it as
/// itself; characters the grammar never mentions are `$undefined`.
pub fn char_terminal(c: u8) -> u8 {
    match c {
        b'<' => 33,
        b'>' => 34,
        b'+' => 39,
        b'-' => 40,
        b'*' => 41,
        b'/' => 42,
        b'?' => 44,
        b':' => 46,
        b'{' => 47,
        b'}' => 48,
        b'@' => 49,
        b';' => 50,
        b'!' => 51,
        b'.' => 52,
        b'"' => 53,
        b'(' => 54,
        b')' => 55,
        b'[' => 56,
        b']' => 57,
        b'=' => 58,
        b',' => 59,
        _ => t::UNDEF,
    }
}

/// How bison's `yytname` shows a terminal in an error message.
pub fn display_name(term: u8) -> &'static str {
    match term {
        0 => "end of file",
        2 => "invalid token",
        _ => TERMINALS[term as usize],
    }
}

/// Precedence declarations, lowest first: (associativity, tokens).
const PRECEDENCE: &[(Associativity, &[&str])] = &[
    (Associativity::Right, &["PIPE_FROM"]),
    (Associativity::Left, &["PIPE_INTO"]),
    (Associativity::Right, &["IMPL"]),
    (Associativity::Left, &["OR"]),
    (Associativity::Left, &["AND"]),
    (Associativity::NonAssoc, &["EQ", "NEQ"]),
    (Associativity::NonAssoc, &["'<'", "'>'", "LEQ", "GEQ"]),
    (Associativity::Right, &["UPDATE"]),
    (Associativity::Left, &["NOT"]),
    (Associativity::Left, &["'+'", "'-'"]),
    (Associativity::Left, &["'*'", "'/'"]),
    (Associativity::Right, &["CONCAT"]),
    (Associativity::NonAssoc, &["'?'"]),
    (Associativity::NonAssoc, &["NEGATE"]),
];

/// The rules of 2.8's parser.y, in order (plus, last among `expr_op`'s, the
/// pipe operators). Instead of 2.8's actions, a rule names (`@name`) how the
/// syntax tree is built when it is reduced (`syntax::tree`); a rule without
/// a name leaves its symbols' pieces as they are, for an enclosing rule.
const GRAMMAR: &str = r#"
start: expr
expr: expr_function
expr_function: ID ':' expr_function  @lambda_ident
  | '{' formals '}' ':' expr_function  @lambda_formals
  | '{' formals '}' '@' ID ':' expr_function  @lambda_formals_at
  | ID '@' '{' formals '}' ':' expr_function  @lambda_at_formals
  | ASSERT expr ';' expr_function  @assert
  | WITH expr ';' expr_function  @with
  | LET binds IN expr_function  @let_in
  | expr_if
expr_if: IF expr THEN expr ELSE expr  @if_else
  | expr_op
expr_op: '!' expr_op %prec NOT  @unary
  | '-' expr_op %prec NEGATE  @unary
  | expr_op EQ expr_op  @binary
  | expr_op NEQ expr_op  @binary
  | expr_op '<' expr_op  @binary
  | expr_op LEQ expr_op  @binary
  | expr_op '>' expr_op  @binary
  | expr_op GEQ expr_op  @binary
  | expr_op AND expr_op  @binary
  | expr_op OR expr_op  @binary
  | expr_op IMPL expr_op  @binary
  | expr_op UPDATE expr_op  @binary
  | expr_op '?' attrpath  @has_attr
  | expr_op '+' expr_op  @binary
  | expr_op '-' expr_op  @binary
  | expr_op '*' expr_op  @binary
  | expr_op '/' expr_op  @binary
  | expr_op CONCAT expr_op  @binary
  | expr_app
  | expr_op PIPE_FROM expr_op  @binary
  | expr_op PIPE_INTO expr_op  @binary
expr_app: expr_app expr_select  @apply
  | expr_select
expr_select: expr_simple '.' attrpath  @select
  | expr_simple '.' attrpath OR_KW expr_select  @select_or
  | expr_simple OR_KW  @apply_or
  | expr_simple
expr_simple: ID  @var
  | INT  @literal
  | FLOAT  @literal
  | '"' string_parts '"'  @string
  | IND_STRING_OPEN ind_string_parts IND_STRING_CLOSE  @string
  | path_start PATH_END  @path
  | path_start string_parts_interpolated PATH_END  @path
  | SPATH  @search_path
  | URI  @literal
  | '(' expr ')'  @paren
  | LET '{' binds '}'  @legacy_let
  | REC '{' binds '}'  @attr_set
  | '{' binds '}'  @attr_set
  | '[' expr_list ']'  @list
string_parts: STR
  | string_parts_interpolated
  |
string_parts_interpolated: string_parts_interpolated STR
  | string_parts_interpolated DOLLAR_CURLY expr '}'  @interpolation
  | DOLLAR_CURLY expr '}'  @interpolation
  | STR DOLLAR_CURLY expr '}'  @interpolation
path_start: PATH
  | HPATH
ind_string_parts: ind_string_parts IND_STR
  | ind_string_parts DOLLAR_CURLY expr '}'  @interpolation
  |
binds: binds attrpath '=' expr ';'  @binding
  | binds INHERIT attrs ';'  @inherit
  | binds INHERIT '(' expr ')' attrs ';'  @inherit_from
  |
attrs: attrs attr
  | attrs string_attr
  |
attrpath: attrpath '.' attr
  | attrpath '.' string_attr
  | attr
  | string_attr
attr: ID  @name
  | OR_KW  @name
string_attr: '"' string_parts '"'  @string
  | DOLLAR_CURLY expr '}'  @dynamic
expr_list: expr_list expr_select
  |
formals: formal ',' formals
  | formal
  |
  | ELLIPSIS
formal: ID  @formal
  | ID '?' expr  @formal
"#;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Associativity {
    Left,
    Right,
    NonAssoc,
}

/// A grammar symbol: terminals are `0..NTERMS`, nonterminals follow.
type Sym = u16;

struct Rule {
    lhs: Sym,
    rhs: Vec<Sym>,
    /// The rule's precedence level (0: none), from `%prec` or its last token.
    prec: u8,
    /// How the tree is built (`@name` in [`GRAMMAR`]; empty: not at all).
    build: &'static str,
}

/// One entry of a state's action row.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Act {
    /// No explicit entry: the state's default reduction (or an error).
    Default,
    Shift(u16),
    Reduce(u16),
    /// An explicit error (`%nonassoc`).
    Error,
}

pub struct Tables {
    rules: Vec<Rule>,
    /// `actions[state * NTERMS + terminal]`.
    actions: Vec<Act>,
    /// Other reductions a GLR parser also tries: `(state, terminal) -> rules`.
    conflicts: HashMap<(u16, u8), Vec<u16>>,
    has_conflicts: Vec<bool>,
    default_rule: Vec<Option<u16>>,
    /// A state with no explicit entries: it reduces without a lookahead.
    defaulted: Vec<bool>,
    /// `gotos[state * nnonterms + (nonterminal - NTERMS)]`.
    gotos: Vec<u16>,
    nnonterms: usize,
    final_state: u16,
    #[cfg(test)]
    pub sr_conflicts: usize,
    #[cfg(test)]
    pub rr_conflicts: usize,
}

const NONE: u16 = u16::MAX;

fn parse_grammar() -> (Vec<Rule>, Vec<String>) {
    let mut nonterms: Vec<String> = vec!["$accept".into()];
    // Collect the nonterminals first, in order of definition.
    for line in GRAMMAR.lines() {
        if let Some((lhs, _)) = line.split_once(':') {
            if !line.starts_with(' ') && !lhs.trim().is_empty() {
                nonterms.push(lhs.trim().to_string());
            }
        }
    }
    let term_index = |name: &str| TERMINALS.iter().position(|t| *t == name);
    let prec_of = |name: &str| -> u8 {
        for (level, (_, toks)) in PRECEDENCE.iter().enumerate() {
            if toks.contains(&name) {
                return level as u8 + 1;
            }
        }
        0
    };
    let sym = |name: &str| -> Sym {
        if let Some(t) = term_index(name) {
            t as Sym
        } else {
            let n = nonterms
                .iter()
                .position(|n| n == name)
                .unwrap_or_else(|| panic!("unknown grammar symbol {}", name));
            (NTERMS + n) as Sym
        }
    };
    let start = sym("start");
    let mut rules = vec![Rule {
        lhs: NTERMS as Sym,
        rhs: vec![start, 0],
        prec: 0,
        build: "",
    }];
    let mut lhs = 0;
    for line in GRAMMAR.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let alts = if let Some(rest) = trimmed.strip_prefix('|') {
            rest
        } else {
            let (l, rest) = trimmed.split_once(':').expect("rule head");
            lhs = sym(l.trim());
            rest
        };
        let mut rhs = Vec::new();
        let mut prec = None;
        let mut build = "";
        let mut words = alts.split_whitespace();
        while let Some(w) = words.next() {
            if w == "%prec" {
                prec = Some(prec_of(words.next().expect("%prec token")));
            } else if let Some(name) = w.strip_prefix('@') {
                build = name;
            } else {
                rhs.push(sym(w));
            }
        }
        let prec = prec.unwrap_or_else(|| {
            rhs.iter()
                .rev()
                .find(|s| (**s as usize) < NTERMS)
                .map(|s| prec_of(TERMINALS[*s as usize]))
                .unwrap_or(0)
        });
        rules.push(Rule {
            lhs,
            rhs,
            prec,
            build,
        });
    }
    (rules, nonterms)
}

fn assoc_of(term: usize) -> Option<(u8, Associativity)> {
    for (level, (assoc, toks)) in PRECEDENCE.iter().enumerate() {
        if toks.contains(&TERMINALS[term]) {
            return Some((level as u8 + 1, *assoc));
        }
    }
    None
}

/// An LR(0) item: rule and dot position.
type Item = (u16, u16);

fn build() -> Tables {
    let (rules, nonterms) = parse_grammar();
    let nnonterms = nonterms.len();
    let nsyms = NTERMS + nnonterms;
    let is_term = |s: Sym| (s as usize) < NTERMS;
    let nt = |s: Sym| s as usize - NTERMS;

    // Nullable nonterminals and FIRST sets (terminal bitsets).
    let mut nullable = vec![false; nnonterms];
    let mut first = vec![0u64; nnonterms];
    loop {
        let mut changed = false;
        for r in &rules {
            let l = nt(r.lhs);
            let mut all_nullable = true;
            for &s in &r.rhs {
                let f = if is_term(s) { 1u64 << s } else { first[nt(s)] };
                if first[l] | f != first[l] {
                    first[l] |= f;
                    changed = true;
                }
                if is_term(s) || !nullable[nt(s)] {
                    all_nullable = false;
                    break;
                }
            }
            if all_nullable && !nullable[l] {
                nullable[l] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut rules_of = vec![Vec::new(); nnonterms];
    for (i, r) in rules.iter().enumerate() {
        rules_of[nt(r.lhs)].push(i as u16);
    }
    // FIRST of a symbol string followed by lookahead set `la`.
    let first_of = |syms: &[Sym], la: u64| -> u64 {
        let mut out = 0u64;
        for &s in syms {
            if is_term(s) {
                return out | (1u64 << s);
            }
            out |= first[nt(s)];
            if !nullable[nt(s)] {
                return out;
            }
        }
        out | la
    };

    // LR(0) automaton.
    let closure0 = |kernel: &[Item]| -> Vec<Item> {
        let mut items: Vec<Item> = kernel.to_vec();
        let mut seen = vec![false; nnonterms];
        let mut i = 0;
        while i < items.len() {
            let (r, d) = items[i];
            if let Some(&s) = rules[r as usize].rhs.get(d as usize) {
                if !is_term(s) && !seen[nt(s)] {
                    seen[nt(s)] = true;
                    for &r2 in &rules_of[nt(s)] {
                        items.push((r2, 0));
                    }
                }
            }
            i += 1;
        }
        items
    };
    let mut kernels: Vec<Vec<Item>> = vec![vec![(0, 0)]];
    let mut index: HashMap<Vec<Item>, u16> = HashMap::new();
    index.insert(kernels[0].clone(), 0);
    let mut trans: Vec<Vec<(Sym, u16)>> = Vec::new();
    let mut s = 0;
    while s < kernels.len() {
        let items = closure0(&kernels[s]);
        let mut by_sym: Vec<(Sym, Vec<Item>)> = Vec::new();
        for &(r, d) in &items {
            if let Some(&x) = rules[r as usize].rhs.get(d as usize) {
                match by_sym.iter_mut().find(|(y, _)| *y == x) {
                    Some((_, k)) => k.push((r, d + 1)),
                    None => by_sym.push((x, vec![(r, d + 1)])),
                }
            }
        }
        by_sym.sort_by_key(|(x, _)| *x);
        let mut tr = Vec::new();
        for (x, mut k) in by_sym {
            k.sort_unstable();
            let target = match index.get(&k) {
                Some(&t) => t,
                None => {
                    let t = kernels.len() as u16;
                    index.insert(k.clone(), t);
                    kernels.push(k);
                    t
                }
            };
            tr.push((x, target));
        }
        trans.push(tr);
        s += 1;
    }
    let nstates = kernels.len();
    let goto = |s: usize, x: Sym| -> u16 {
        trans[s]
            .iter()
            .find(|(y, _)| *y == x)
            .map(|(_, t)| *t)
            .expect("goto")
    };

    // LALR(1) lookaheads by propagation (the dragon book's algorithm).
    // Nodes: one per kernel item, one per (state, reducible rule).
    const HASH: u64 = 1 << 63; // the dummy lookahead
    let mut kernel_base = Vec::with_capacity(nstates);
    let mut la: Vec<u64> = Vec::new();
    for k in &kernels {
        kernel_base.push(la.len());
        la.resize(la.len() + k.len(), 0);
    }
    let node_of = |s: usize, it: Item| -> usize {
        kernel_base[s] + kernels[s].binary_search(&it).expect("kernel item")
    };
    let mut red_nodes: Vec<Vec<(u16, usize)>> = vec![Vec::new(); nstates];
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); la.len()];
    // The LR(1) closure of the items (rule, 0) that a nonterminal X after a
    // dot brings in: per rule, the lookaheads it always gets, and whether
    // it also gets those passed in (what follows X).
    const PASSED: u64 = 1 << 62;
    let mut templates: Vec<Vec<(u16, u64)>> = Vec::with_capacity(nnonterms);
    let mut slot = vec![usize::MAX; rules.len()];
    for x in 0..nnonterms {
        let mut items: Vec<(u16, u64)> = Vec::new();
        let mut work: Vec<usize> = Vec::new();
        let mut add = |items: &mut Vec<(u16, u64)>, work: &mut Vec<usize>, x: usize, f: u64| {
            for &r in &rules_of[x] {
                let j = slot[r as usize];
                if j == usize::MAX {
                    slot[r as usize] = items.len();
                    items.push((r, f));
                    work.push(items.len() - 1);
                } else if items[j].1 | f != items[j].1 {
                    items[j].1 |= f;
                    work.push(j);
                }
            }
        };
        add(&mut items, &mut work, x, PASSED);
        while let Some(i) = work.pop() {
            let (r, l) = items[i];
            let rhs = &rules[r as usize].rhs;
            if let Some(&y) = rhs.first() {
                if !is_term(y) {
                    add(&mut items, &mut work, nt(y), first_of(&rhs[1..], l));
                }
            }
        }
        for (r, _) in &items {
            slot[*r as usize] = usize::MAX;
        }
        templates.push(items);
    }
    // The LR(1) closure of [kernel item, #].
    let closure1 = |(r, d): Item| -> Vec<(Item, u64)> {
        let mut items = vec![((r, d), HASH)];
        let rhs = &rules[r as usize].rhs;
        if let Some(&x) = rhs.get(d as usize) {
            if !is_term(x) {
                let passed = first_of(&rhs[d as usize + 1..], HASH);
                for &(r2, l) in &templates[nt(x)] {
                    let l = if l & PASSED != 0 {
                        (l & !PASSED) | passed
                    } else {
                        l
                    };
                    items.push(((r2, 0), l));
                }
            }
        }
        items
    };
    for s in 0..nstates {
        for &kit in &kernels[s] {
            let from = node_of(s, kit);
            let items = closure1(kit);
            for &((r, d), l) in items.iter() {
                let rhs = &rules[r as usize].rhs;
                let target = match rhs.get(d as usize) {
                    Some(&x) => node_of(goto(s, x) as usize, (r, d + 1)),
                    None => match red_nodes[s].iter().find(|(rr, _)| *rr == r) {
                        Some((_, n)) => *n,
                        None => {
                            la.push(0);
                            edges.push(Vec::new());
                            red_nodes[s].push((r, la.len() - 1));
                            la.len() - 1
                        }
                    },
                };
                la[target] |= l & !HASH;
                if l & HASH != 0 {
                    edges[from].push(target);
                }
            }
        }
    }
    let mut work: Vec<usize> = (0..la.len()).filter(|n| la[*n] != 0).collect();
    while let Some(from) = work.pop() {
        let l = la[from];
        for &to in &edges[from] {
            if la[to] | l != la[to] {
                la[to] |= l;
                work.push(to);
            }
        }
    }

    // Action rows, as bison's conflicts.c and tables.c make them.
    let mut actions = vec![Act::Default; nstates * NTERMS];
    let mut conflicts: HashMap<(u16, u8), Vec<u16>> = HashMap::new();
    let mut default_rule = vec![None; nstates];
    let mut defaulted = vec![false; nstates];
    let mut gotos = vec![NONE; nstates * nnonterms];
    let mut final_state = NONE;
    #[cfg(test)]
    let (mut sr_count, mut rr_count) = (0usize, 0usize);
    for s in 0..nstates {
        for &(x, tgt) in &trans[s] {
            if !is_term(x) {
                gotos[s * nnonterms + nt(x)] = tgt;
            }
        }
        // Reductions, in rule order, with their lookaheads.
        let mut reds: Vec<(u16, u64)> = red_nodes[s].iter().map(|(r, n)| (*r, la[*n])).collect();
        reds.sort_by_key(|(r, _)| *r);
        if reds.iter().any(|(r, _)| *r == 0) {
            final_state = s as u16;
        }
        let mut shifts: Vec<(u8, u16)> = trans[s]
            .iter()
            .filter(|(x, _)| is_term(*x))
            .map(|(x, t)| (*x as u8, *t))
            .collect();
        let consistent = !(reds.len() > 1 || (reds.len() == 1 && !shifts.is_empty()));
        if consistent {
            for &(x, tgt) in &shifts {
                actions[s * NTERMS + x as usize] = Act::Shift(tgt);
            }
            default_rule[s] = reds.first().map(|(r, _)| *r);
            defaulted[s] = shifts.is_empty();
            continue;
        }
        // set_conflicts: resolve shift/reduce conflicts by precedence.
        let mut errs: Vec<u8> = Vec::new();
        let mut shift_set: u64 = shifts.iter().fold(0, |a, (x, _)| a | (1u64 << x));
        for (r, l) in reds.iter_mut() {
            let redprec = rules[*r as usize].prec;
            if redprec == 0 || *l & shift_set == 0 {
                continue;
            }
            for tok in 0..NTERMS {
                if *l & shift_set & (1u64 << tok) == 0 {
                    continue;
                }
                let Some((tprec, assoc)) = assoc_of(tok) else {
                    continue;
                };
                let flush_shift = |shift_set: &mut u64, shifts: &mut Vec<(u8, u16)>| {
                    *shift_set &= !(1u64 << tok);
                    shifts.retain(|(x, _)| *x as usize != tok);
                };
                if tprec < redprec {
                    flush_shift(&mut shift_set, &mut shifts);
                } else if tprec > redprec {
                    *l &= !(1u64 << tok);
                } else {
                    match assoc {
                        Associativity::Right => *l &= !(1u64 << tok),
                        Associativity::Left => flush_shift(&mut shift_set, &mut shifts),
                        Associativity::NonAssoc => {
                            flush_shift(&mut shift_set, &mut shifts);
                            *l &= !(1u64 << tok);
                            errs.push(tok as u8);
                        }
                    }
                }
            }
        }
        #[cfg(test)]
        {
            let mut seen = shift_set;
            for (_, l) in &reds {
                sr_count += (l & shift_set).count_ones() as usize;
                rr_count += (l & seen & !shift_set).count_ones() as usize;
                seen |= l;
            }
        }
        // action_row.
        let mut row = vec![Act::Default; NTERMS];
        let mut conflicted = [false; NTERMS];
        for &(r, l) in reds.iter().rev() {
            for (tok, slot) in row.iter_mut().enumerate() {
                if l & (1u64 << tok) != 0 {
                    if *slot != Act::Default {
                        conflicted[tok] = true;
                    }
                    *slot = Act::Reduce(r);
                }
            }
        }
        for &(x, tgt) in &shifts {
            if row[x as usize] != Act::Default {
                conflicted[x as usize] = true;
            }
            row[x as usize] = Act::Shift(tgt);
        }
        for &e in &errs {
            row[e as usize] = Act::Error;
        }
        let mut default = None;
        let mut max = 0;
        for &(r, _) in &reds {
            let count = row.iter().filter(|a| **a == Act::Reduce(r)).count();
            if count > max {
                max = count;
                default = Some(r);
            }
        }
        if let Some(d) = default {
            for (tok, slot) in row.iter_mut().enumerate() {
                if *slot == Act::Reduce(d) && !conflicted[tok] {
                    *slot = Act::Default;
                }
            }
        } else {
            for slot in row.iter_mut() {
                if *slot == Act::Error {
                    *slot = Act::Default;
                }
            }
        }
        for tok in 0..NTERMS {
            if conflicted[tok] {
                let others: Vec<u16> = reds
                    .iter()
                    .filter(|(r, l)| l & (1u64 << tok) != 0 && row[tok] != Act::Reduce(*r))
                    .map(|(r, _)| *r)
                    .collect();
                if !others.is_empty() {
                    conflicts.insert((s as u16, tok as u8), others);
                }
            }
        }
        defaulted[s] = row.iter().all(|a| *a == Act::Default);
        default_rule[s] = default;
        actions[s * NTERMS..(s + 1) * NTERMS].copy_from_slice(&row);
    }
    let _ = nsyms;
    let mut has_conflicts = vec![false; nstates];
    for (s, _) in conflicts.keys() {
        has_conflicts[*s as usize] = true;
    }
    Tables {
        rules,
        actions,
        conflicts,
        has_conflicts,
        default_rule,
        defaulted,
        gotos,
        nnonterms,
        final_state,
        #[cfg(test)]
        sr_conflicts: sr_count,
        #[cfg(test)]
        rr_conflicts: rr_count,
    }
}

pub fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build)
}

/// What happens on a terminal in a state, as bison's `yygetLRActions`.
enum Action {
    Shift(u16),
    Reduce(u16),
    Error,
}

impl Tables {
    fn action(&self, state: u16, tok: u8) -> Action {
        match self.actions[state as usize * NTERMS + tok as usize] {
            Act::Default => match self.default_rule[state as usize] {
                Some(r) => Action::Reduce(r),
                None => Action::Error,
            },
            Act::Shift(s) => Action::Shift(s),
            Act::Reduce(r) => Action::Reduce(r),
            Act::Error => Action::Error,
        }
    }

    fn conflicts(&self, state: u16, tok: u8) -> &[u16] {
        if !self.has_conflicts[state as usize] {
            return &[];
        }
        self.conflicts
            .get(&(state, tok))
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }

    fn reduce(&self, stack: &mut Vec<u16>, rule: u16) {
        stack.truncate(stack.len() - self.rule_len(rule));
        let top = *stack.last().expect("stack bottom");
        stack.push(self.goto(top, rule));
    }

    /// Bison's verbose message for an unexpected `tok` in `state`.
    fn message(&self, state: u16, tok: u8) -> String {
        let mut msg = format!("syntax error, unexpected {}", display_name(tok));
        if self.defaulted[state as usize] {
            return msg;
        }
        let row = &self.actions[state as usize * NTERMS..(state as usize + 1) * NTERMS];
        let expected: Vec<usize> = (0..NTERMS)
            .filter(|&x| x != 1 && matches!(row[x], Act::Shift(_) | Act::Reduce(_)))
            .collect();
        if expected.len() <= 4 {
            for (i, x) in expected.iter().enumerate() {
                msg.push_str(if i == 0 { ", expecting " } else { " or " });
                msg.push_str(display_name(*x as u8));
            }
        }
        msg
    }
}

/// A token as the parser sees it: its terminal and where its text is.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub term: u8,
    pub offset: u32,
    pub len: u32,
}

/// Why parsing stopped.
pub enum Failure<E> {
    /// The token source failed (a lexer error).
    Lex(E),
    /// A syntax error at the token at `offset`.
    Syntax { message: String, offset: u32 },
}

/// What a parse does, in order: the parser tells it each token it shifts
/// and each rule it reduces (`syntax::tree` builds the tree from them).
pub trait Sink {
    fn shift(&mut self, tok: Token);
    fn reduce(&mut self, rule: u16);
}

impl Tables {
    /// The number of symbols on a rule's right-hand side.
    pub fn rule_len(&self, rule: u16) -> usize {
        self.rules[rule as usize].rhs.len()
    }

    /// How a rule builds the tree (`@name` in the grammar; empty: it does
    /// not).
    pub fn rule_build(&self, rule: u16) -> &'static str {
        self.rules[rule as usize].build
    }

    /// The rules, for building a table indexed by rule.
    pub fn rule_count(&self) -> usize {
        self.rules.len()
    }
}

/// One of the parses a split runs side by side: the shared stack's first
/// `base` states, then `own`; and what it did since the split, to be done
/// for real if it is the one left.
#[derive(Clone)]
struct Split {
    base: usize,
    own: Vec<u16>,
    log: Vec<Event>,
}

#[derive(Clone, Copy)]
enum Event {
    Shift(Token),
    Reduce(u16),
}

impl Split {
    fn len(&self) -> usize {
        self.base + self.own.len()
    }

    fn at(&self, i: usize, shared: &[u16]) -> u16 {
        if i < self.base {
            shared[i]
        } else {
            self.own[i - self.base]
        }
    }

    fn top(&self, shared: &[u16]) -> u16 {
        match self.own.last() {
            Some(s) => *s,
            None => shared[self.base - 1],
        }
    }

    fn reduce(&mut self, tables: &Tables, shared: &[u16], rule: u16) {
        let n = tables.rule_len(rule);
        let from_own = n.min(self.own.len());
        self.own.truncate(self.own.len() - from_own);
        self.base -= n - from_own;
        let top = self.top(shared);
        self.own.push(tables.goto(top, rule));
        self.log.push(Event::Reduce(rule));
    }

    /// The same states (however much of them is shared).
    fn same(&self, other: &Split, shared: &[u16]) -> bool {
        let len = self.len();
        len == other.len()
            && (self.base.min(other.base)..len).all(|i| self.at(i, shared) == other.at(i, shared))
    }
}

impl Tables {
    fn goto(&self, top: u16, rule: u16) -> u16 {
        let lhs = self.rules[rule as usize].lhs as usize - NTERMS;
        let g = self.gotos[top as usize * self.nnonterms + lhs];
        debug_assert!(g != NONE);
        g
    }
}

/// Run 2.8's parser over the tokens `next` yields (it is called only when
/// the parser needs a lookahead, as bison calls `yylex`), telling `sink`
/// what it shifts and reduces.
///
/// Where the grammar is ambiguous for a while (a `{` that may open a set
/// or a formals list), the parse splits as bison's GLR parser does; the
/// parses share the stack below the split, and what they do goes to `sink`
/// once one is left. The stack is a vector: no depth of nesting recurses.
pub fn parse<E>(
    mut next: impl FnMut() -> Result<Token, E>,
    sink: &mut impl Sink,
) -> Result<(), Failure<E>> {
    let tables = tables();
    let mut lookahead: Option<Token> = None;
    macro_rules! token {
        () => {{
            if lookahead.is_none() {
                lookahead = Some(next().map_err(Failure::Lex)?);
            }
            lookahead.expect("just read")
        }};
    }
    let syntax = |state: u16, tok: Token| Failure::Syntax {
        message: tables.message(state, tok.term),
        offset: tok.offset,
    };
    let mut stack: Vec<u16> = vec![0];
    loop {
        // Deterministic operation.
        let state = *stack.last().expect("stack bottom");
        if state == tables.final_state {
            return Ok(());
        }
        if tables.defaulted[state as usize] {
            match tables.default_rule[state as usize] {
                Some(r) => {
                    tables.reduce(&mut stack, r);
                    sink.reduce(r);
                }
                None => {
                    let tok = token!();
                    return Err(syntax(state, tok));
                }
            }
            continue;
        }
        let tok = token!();
        let term = tok.term;
        if !tables.conflicts(state, term).is_empty() {
            // Split: run every parse in step until one is left.
            let mut splits = vec![Some(Split {
                base: stack.len(),
                own: Vec::new(),
                log: Vec::new(),
            })];
            loop {
                let tok = token!();
                let mut last_deleted: Option<Split> = None;
                let mut k = 0;
                while k < splits.len() {
                    process_one(tables, &stack, &mut splits, k, tok.term, &mut last_deleted);
                    k += 1;
                }
                splits.retain(|s| s.is_some());
                if splits.is_empty() {
                    let s = last_deleted.expect("a deleted parse");
                    return Err(syntax(s.top(&stack), tok));
                }
                for s in splits.iter_mut().flatten() {
                    if let Action::Shift(t) = tables.action(s.top(&stack), tok.term) {
                        s.own.push(t);
                        s.log.push(Event::Shift(tok));
                    }
                }
                lookahead = None;
                if splits.len() == 1 {
                    let s = splits.pop().flatten().expect("one parse left");
                    stack.truncate(s.base);
                    stack.extend_from_slice(&s.own);
                    for e in s.log {
                        match e {
                            Event::Shift(t) => sink.shift(t),
                            Event::Reduce(r) => sink.reduce(r),
                        }
                    }
                    break;
                }
            }
            continue;
        }
        match tables.action(state, term) {
            Action::Shift(t) => {
                stack.push(t);
                sink.shift(tok);
                lookahead = None;
            }
            Action::Reduce(r) => {
                tables.reduce(&mut stack, r);
                sink.reduce(r);
            }
            Action::Error => return Err(syntax(state, tok)),
        }
    }
}

/// Bison's `yyprocessOneStack`: reduce parse `k` until it can shift `term`,
/// splitting off a parse for each conflicting reduction; a parse that
/// cannot go on is deleted.
fn process_one(
    tables: &Tables,
    shared: &[u16],
    splits: &mut Vec<Option<Split>>,
    k: usize,
    term: u8,
    last_deleted: &mut Option<Split>,
) {
    loop {
        let Some(split) = splits[k].as_ref() else {
            return;
        };
        let state = split.top(shared);
        if state == tables.final_state {
            return;
        }
        let rule = if tables.defaulted[state as usize] {
            match tables.default_rule[state as usize] {
                Some(r) => r,
                None => {
                    *last_deleted = splits[k].take();
                    return;
                }
            }
        } else {
            let base = split.clone();
            for &r in tables.conflicts(state, term) {
                let mut copy = base.clone();
                copy.reduce(tables, shared, r);
                splits.push(Some(copy));
                let n = splits.len() - 1;
                merge_if_duplicate(shared, splits, n, last_deleted);
                process_one(tables, shared, splits, n, term, last_deleted);
            }
            match tables.action(state, term) {
                Action::Shift(_) => return,
                Action::Error => {
                    *last_deleted = splits[k].take();
                    return;
                }
                Action::Reduce(r) => r,
            }
        };
        if let Some(split) = splits[k].as_mut() {
            split.reduce(tables, shared, rule);
        }
        merge_if_duplicate(shared, splits, k, last_deleted);
    }
}

/// Two parses that have reached the same stack are one parse from now on.
fn merge_if_duplicate(
    shared: &[u16],
    splits: &mut [Option<Split>],
    k: usize,
    last_deleted: &mut Option<Split>,
) {
    let Some(this) = splits[k].as_ref() else {
        return;
    };
    let dup = splits
        .iter()
        .enumerate()
        .any(|(j, s)| j != k && s.as_ref().is_some_and(|s| s.same(this, shared)));
    if dup {
        *last_deleted = splits[k].take();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflicts_are_those_bison_expects() {
        // parser.y says `%expect 1` and `%expect-rr 1`.
        let t = tables();
        assert_eq!((t.sr_conflicts, t.rr_conflicts), (1, 1));
    }
}
