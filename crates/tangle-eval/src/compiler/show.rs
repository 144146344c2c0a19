//! Printing an expression back the way C++ Nix 2.8 does.
//!
//! Nix 2.8 reports a failed `assert` as `assertion '<cond>' failed`, where
//! `<cond>` is not the source text but the condition's *parsed* expression
//! printed back. Its parser desugars as it goes, so the printed form shows
//! the desugaring: `a - b` is a call `(__sub a b)`, `a > b` is
//! `(__lessThan b a)`, `a <= b` is `(! (__lessThan b a))`, `-x` is
//! `(__sub 0 x)`, `a.b.c = 1` is a nested set, `"a${x}"` is a concatenation
//! `("a" + x)`, relative paths are made absolute, `<p>` is
//! `(__findFile __nixPath "p")`, and calls are flattened (`(f a) b` and
//! `f a b` are both `(f a b)`). Parentheses leave no trace in the tree; every
//! compound node prints its own.
//!
//! So the condition is first lowered into a small tree mirroring 2.8's
//! expression nodes ([`Node`]), then printed.
//!
//! Two orders matter. A set literal prints its attributes sorted by name. A
//! `let` prints its bindings, and a lambda its formals, in the order of 2.8's
//! symbol map, which compares symbols by their address in memory. That is
//! approximated here, and matches 2.8 for small files: names the evaluator
//! interns at startup (builtins and a few attribute names, [`PREINTERNED`])
//! come first, then the file's names in the order the parser first creates
//! them, then the names of 2.8's built-in `derivation.nix`
//! ([`PREINTERNED_LATE`], which includes `x`). The parser creates most names
//! where they appear, but a lambda's argument name only after its body, and a
//! formal with a default only after the default. The file's order is
//! reconstructed from the whole file, and only when a `let` or a formals list
//! has more than one name to order. In large files 2.8's order depends on
//! how its allocator reuses memory and cannot be reproduced exactly.

use super::{canon_path, indented};
use rnix::ast::{self, AstToken, HasEntry, InterpolPart};
use rowan::ast::AstNode;
use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

/// Print `e` the way C++ Nix 2.8's `Expr::show` prints its parsed form.
///
/// Relative and `~` paths are printed as written; use
/// [`show_expr_with_paths`] to resolve them the way 2.8 does.
#[cfg(test)]
pub fn show_expr(e: &ast::Expr) -> String {
    show_expr_with_paths(e, None, None)
}

/// Like [`show_expr`], with relative paths resolved against `base_dir` and
/// `~` against `home` (2.8 prints paths absolute).
pub fn show_expr_with_paths(e: &ast::Expr, base_dir: Option<&str>, home: Option<&str>) -> String {
    let lower = Lower {
        base_dir,
        home,
        root: e.syntax().ancestors().last(),
        order: OnceCell::new(),
    };
    let node = lower.expr(e);
    let mut out = String::new();
    node.show(&mut out);
    out
}

/// Names interned by a fresh Nix 2.8 evaluator before it parses anything, in
/// the order 2.8 sorts them (observed from `nix-instantiate` 2.8.0),
/// separated by spaces.
const PREINTERNED: &str = "\
    meta name value system __overrides outputs outputName __ignoreNulls \
    file line column outPath drvPath type __functor __toString right wrong \
    __structuredAttrs builder args __contentAddressed __impure outputHash \
    outputHashAlgo outputHashMode recurseForDerivations description self \
    startSet operator key path prefix builtins true false null \
    __currentTime currentTime __currentSystem currentSystem __nixVersion \
    nixVersion __storeDir storeDir __langVersion langVersion __nixPath \
    nixPath scopedImport import __typeOf typeOf isNull __isFunction \
    isFunction __isInt isInt __isFloat isFloat __isString isString \
    __isBool isBool __isPath isPath __genericClosure genericClosure abort \
    throw __addErrorContext addErrorContext __ceil ceil __floor floor \
    __tryEval tryEval __getEnv getEnv __seq seq __deepSeq deepSeq __trace \
    trace derivationStrict placeholder __toPath toPath __storePath \
    storePath __pathExists pathExists baseNameOf dirOf __readFile readFile \
    __findFile findFile __hashFile hashFile __readDir readDir __toXML \
    toXML __toJSON toJSON __fromJSON fromJSON __toFile toFile \
    __filterSource filterSource __path __attrNames attrNames __attrValues \
    attrValues __getAttr getAttr __unsafeGetAttrPos unsafeGetAttrPos \
    __hasAttr hasAttr __scopedImport __isAttrs isAttrs removeAttrs \
    __listToAttrs listToAttrs __intersectAttrs intersectAttrs __catAttrs \
    catAttrs __functionArgs functionArgs __mapAttrs mapAttrs \
    __zipAttrsWith zipAttrsWith __isList isList __elemAt elemAt __head \
    head __tail tail map __filter filter __elem elem __concatLists \
    concatLists __length length __foldl' foldl' __any any __all all \
    __genList genList __sort sort __partition partition __groupBy groupBy \
    __concatMap concatMap __add add __sub sub __mul mul __div div __bitAnd \
    bitAnd __bitOr bitOr __bitXor bitXor __lessThan lessThan toString \
    __substring substring __stringLength stringLength __hashString \
    hashString __match match __split split __concatStringsSep \
    concatStringsSep __replaceStrings replaceStrings __parseDrvName \
    parseDrvName __compareVersions compareVersions __splitVersion \
    splitVersion __unsafeDiscardStringContext unsafeDiscardStringContext \
    __hasContext hasContext __unsafeDiscardOutputDependency \
    unsafeDiscardOutputDependency __getContext getContext __appendContext \
    appendContext fetchMercurial fetchTree __fetchurl fetchurl \
    fetchTarball fetchGit fromTOML derivation";

/// Names a fresh Nix 2.8 evaluator interns when it parses its built-in
/// `derivation.nix`, in order. 2.8 orders symbols by address; these land
/// above the names a (small) file creates, so they sort after them.
const PREINTERNED_LATE: &str = "\
    strict drvAttrs commonAttrs outputsList x outputToAttrListElement";

/// An expression as Nix 2.8's parser would have built it.
enum Node {
    Int(i64),
    Float(f64),
    Str(String),
    Path(String),
    Var(String),
    Select(Box<Node>, Vec<Name>, Option<Box<Node>>),
    HasAttr(Box<Node>, Vec<Name>),
    Attrs(Attrs),
    List(Vec<Node>),
    Lambda(Box<LambdaNode>),
    Call(Box<Node>, Vec<Node>),
    /// Bindings already in symbol-table order.
    Let(Vec<(String, Def)>, Box<Node>),
    With(Box<Node>, Box<Node>),
    If(Box<Node>, Box<Node>, Box<Node>),
    Assert(Box<Node>, Box<Node>),
    Not(Box<Node>),
    /// A binary operator 2.8 keeps as its own node: `==`, `&&`, `+`, `++`, ...
    Op(&'static str, Box<Node>, Box<Node>),
    Concat(Vec<Node>),
    CurPos,
    /// Anything 2.8 has no node for (syntax errors, newer syntax).
    Raw(String),
}

/// One element of an attribute path.
enum Name {
    Sym(String),
    Dyn(Node),
}

struct Def {
    inherited: bool,
    e: Node,
}

#[derive(Default)]
struct Attrs {
    rec: bool,
    /// Static attributes, in name order (as a set literal prints them).
    stat: BTreeMap<String, Def>,
    dynamic: Vec<(Node, Node)>,
}

struct LambdaNode {
    arg: Option<String>,
    formals: Option<FormalsNode>,
    body: Node,
}

struct FormalsNode {
    /// Names and defaults, in symbol-table order.
    list: Vec<(String, Option<Node>)>,
    ellipsis: bool,
}

fn boxed(n: Node) -> Box<Node> {
    Box::new(n)
}

fn var(name: &str) -> Node {
    Node::Var(name.to_string())
}

struct Lower<'a> {
    base_dir: Option<&'a str>,
    home: Option<&'a str>,
    root: Option<rnix::SyntaxNode>,
    /// Parse-time creation order of the file's names (computed on demand).
    order: OnceCell<HashMap<String, usize>>,
}

impl Lower<'_> {
    fn sub(&self, e: Option<ast::Expr>) -> Node {
        match e {
            Some(e) => self.expr(&e),
            None => Node::Raw(String::new()),
        }
    }

    fn expr(&self, e: &ast::Expr) -> Node {
        match e {
            ast::Expr::Literal(l) => match l.kind() {
                ast::LiteralKind::Integer(i) => match i.value() {
                    Ok(v) => Node::Int(v),
                    Err(_) => Node::Raw(i.syntax().text().to_string()),
                },
                ast::LiteralKind::Float(f) => match f.value() {
                    Ok(v) => Node::Float(v),
                    Err(_) => Node::Raw(f.syntax().text().to_string()),
                },
                ast::LiteralKind::Uri(u) => Node::Str(u.syntax().text().to_string()),
            },
            ast::Expr::Ident(i) => Node::Var(i.syntax().text().to_string()),
            ast::Expr::CurPos(_) => Node::CurPos,
            ast::Expr::Str(s) => self.string(s),
            ast::Expr::PathAbs(_) | ast::Expr::PathRel(_) | ast::Expr::PathHome(_) => {
                match ast::Path::cast(e.syntax().clone()) {
                    Some(p) => self.path(&p),
                    None => Node::Raw(e.syntax().text().to_string()),
                }
            }
            ast::Expr::PathSearch(p) => {
                let text = p
                    .content()
                    .map(|c| c.text().to_string())
                    .unwrap_or_default();
                let name = text.trim_start_matches('<').trim_end_matches('>');
                Node::Call(
                    boxed(var("__findFile")),
                    vec![var("__nixPath"), Node::Str(name.to_string())],
                )
            }
            ast::Expr::Paren(p) => self.sub(p.expr()),
            ast::Expr::Root(r) => self.sub(r.expr()),
            ast::Expr::Apply(a) => {
                let f = self.sub(a.lambda());
                let arg = self.sub(a.argument());
                call(f, arg)
            }
            ast::Expr::Select(s) => {
                let e = self.sub(s.expr());
                let path = self.attrpath(s.attrpath());
                let def = s.default_expr().map(|d| boxed(self.expr(&d)));
                Node::Select(boxed(e), path, def)
            }
            ast::Expr::HasAttr(h) => {
                let e = self.sub(h.expr());
                Node::HasAttr(boxed(e), self.attrpath(h.attrpath()))
            }
            ast::Expr::AttrSet(s) => {
                let mut attrs = self.bindings(s);
                attrs.rec = s.rec_token().is_some();
                Node::Attrs(attrs)
            }
            ast::Expr::LetIn(l) => {
                let attrs = self.bindings(l);
                Node::Let(self.let_order(attrs), boxed(self.sub(l.body())))
            }
            ast::Expr::LegacyLet(l) => {
                let mut attrs = self.bindings(l);
                attrs.rec = true;
                Node::Select(
                    boxed(Node::Attrs(attrs)),
                    vec![Name::Sym("body".to_string())],
                    None,
                )
            }
            ast::Expr::List(l) => Node::List(l.items().map(|i| self.expr(&i)).collect()),
            ast::Expr::Lambda(l) => self.lambda(l),
            ast::Expr::With(w) => {
                Node::With(boxed(self.sub(w.namespace())), boxed(self.sub(w.body())))
            }
            ast::Expr::IfElse(i) => Node::If(
                boxed(self.sub(i.condition())),
                boxed(self.sub(i.body())),
                boxed(self.sub(i.else_body())),
            ),
            ast::Expr::Assert(a) => {
                Node::Assert(boxed(self.sub(a.condition())), boxed(self.sub(a.body())))
            }
            ast::Expr::UnaryOp(u) => {
                let e = self.sub(u.expr());
                match u.operator() {
                    Some(ast::UnaryOpKind::Invert) => Node::Not(boxed(e)),
                    Some(ast::UnaryOpKind::Negate) => {
                        Node::Call(boxed(var("__sub")), vec![Node::Int(0), e])
                    }
                    None => Node::Raw(u.syntax().text().to_string()),
                }
            }
            ast::Expr::BinOp(b) => self.binop(b),
            ast::Expr::Error(_) => Node::Raw(e.syntax().text().to_string()),
        }
    }

    fn binop(&self, b: &ast::BinOp) -> Node {
        use ast::BinOpKind as K;
        let l = self.sub(b.lhs());
        let r = self.sub(b.rhs());
        let builtin = |name: &str, x: Node, y: Node| Node::Call(boxed(var(name)), vec![x, y]);
        let op = |s: &'static str, x: Node, y: Node| Node::Op(s, boxed(x), boxed(y));
        match b.operator() {
            Some(K::Concat) => op("++", l, r),
            Some(K::Update) => op("//", l, r),
            Some(K::Add) => op("+", l, r),
            Some(K::Sub) => builtin("__sub", l, r),
            Some(K::Mul) => builtin("__mul", l, r),
            Some(K::Div) => builtin("__div", l, r),
            Some(K::And) => op("&&", l, r),
            Some(K::Or) => op("||", l, r),
            Some(K::Implication) => op("->", l, r),
            Some(K::Equal) => op("==", l, r),
            Some(K::NotEqual) => op("!=", l, r),
            Some(K::Less) => builtin("__lessThan", l, r),
            Some(K::More) => builtin("__lessThan", r, l),
            Some(K::LessOrEq) => Node::Not(boxed(builtin("__lessThan", r, l))),
            Some(K::MoreOrEq) => Node::Not(boxed(builtin("__lessThan", l, r))),
            // Not Nix 2.8 syntax; print them plainly.
            Some(K::PipeRight) => op("|>", l, r),
            Some(K::PipeLeft) => op("<|", l, r),
            None => Node::Raw(b.syntax().text().to_string()),
        }
    }

    /// A `"..."` or `''...''` string: one string if it has a single piece,
    /// else a concatenation of its pieces.
    fn string(&self, s: &ast::Str) -> Node {
        let indented = s
            .syntax()
            .first_token()
            .map(|t| t.text() == "''")
            .unwrap_or(false);
        if indented {
            return self.indented_string(s);
        }
        let mut parts: Vec<Node> = Vec::new();
        for p in s.parts() {
            match p {
                InterpolPart::Literal(lit) => {
                    let text = unescape(lit.syntax().text());
                    if let Some(Node::Str(prev)) = parts.last_mut() {
                        prev.push_str(&text);
                    } else {
                        parts.push(Node::Str(text));
                    }
                }
                InterpolPart::Interpolation(i) => parts.push(self.sub(i.expr())),
            }
        }
        match parts.len() {
            0 => Node::Str(String::new()),
            1 if matches!(parts[0], Node::Str(_)) => parts.pop().unwrap_or(Node::CurPos),
            _ => Node::Concat(parts),
        }
    }

    /// 2.8 lexes an indented string into pieces (plain runs, each escape on
    /// its own, each `${...}`), strips the indentation across them, and keeps
    /// every piece, empty or not.
    fn indented_string(&self, s: &ast::Str) -> Node {
        let mut pieces: Vec<indented::Piece<Node>> = Vec::new();
        let mut first = true;
        for p in s.parts() {
            match p {
                InterpolPart::Literal(lit) => {
                    let mut raw = lit.syntax().text();
                    if first {
                        raw = indented::skip_opening_line(raw);
                    }
                    indented::lex(raw, &mut pieces);
                }
                InterpolPart::Interpolation(i) => {
                    pieces.push(indented::Piece::Interp(self.sub(i.expr())))
                }
            }
            first = false;
        }
        if pieces.is_empty() {
            return Node::Str(String::new());
        }
        let mut out: Vec<Node> = indented::strip(pieces)
            .into_iter()
            .map(|p| match p {
                indented::Piece::Text(t, _) => Node::Str(t),
                indented::Piece::Interp(e) => e,
            })
            .collect();
        if out.len() == 1 && matches!(out[0], Node::Str(_)) {
            return out.pop().unwrap_or(Node::CurPos);
        }
        Node::Concat(out)
    }

    fn path(&self, p: &ast::Path) -> Node {
        let parts = p.parts();
        let interpolated = parts
            .iter()
            .any(|p| matches!(p, InterpolPart::Interpolation(_)));
        let mut out = Vec::new();
        for (i, part) in parts.into_iter().enumerate() {
            match part {
                InterpolPart::Literal(l) => {
                    let text = l.text();
                    if i == 0 {
                        out.push(Node::Path(self.path_start(text, interpolated)));
                    } else {
                        out.push(Node::Str(text.to_string()));
                    }
                }
                InterpolPart::Interpolation(e) => out.push(self.sub(e.expr())),
            }
        }
        if !interpolated && out.len() == 1 {
            return out.pop().unwrap_or(Node::CurPos);
        }
        Node::Concat(out)
    }

    /// The first literal piece of a path, made absolute the way 2.8 does:
    /// `~` is replaced by the home directory as is, other paths are
    /// normalised, and a piece followed by an interpolation keeps its `/`.
    fn path_start(&self, text: &str, interpolated: bool) -> String {
        if let Some(rest) = text.strip_prefix('~') {
            return match self.home {
                Some(home) => format!("{}{}", home, rest),
                None => text.to_string(),
            };
        }
        let abs = if text.starts_with('/') {
            text.to_string()
        } else {
            match self.base_dir {
                Some(dir) => format!("{}/{}", dir, text),
                None => return text.to_string(),
            }
        };
        let mut p = canon_path(&abs);
        if interpolated && text.len() > 1 && text.ends_with('/') && !p.ends_with('/') {
            p.push('/');
        }
        p
    }

    fn attrpath(&self, p: Option<ast::Attrpath>) -> Vec<Name> {
        match p {
            Some(p) => p.attrs().map(|a| self.attr_name(&a)).collect(),
            None => Vec::new(),
        }
    }

    /// An attribute name: static if it is an identifier or evaluates to a
    /// constant string, else the expression computing it.
    fn attr_name(&self, a: &ast::Attr) -> Name {
        let n = match a {
            ast::Attr::Ident(i) => return Name::Sym(i.syntax().text().to_string()),
            ast::Attr::Str(s) => self.string(s),
            ast::Attr::Dynamic(d) => self.sub(d.expr()),
        };
        match n {
            Node::Str(s) => Name::Sym(s),
            other => Name::Dyn(other),
        }
    }

    /// The bindings of a set or `let`, nested paths merged into sets.
    fn bindings(&self, node: &impl HasEntry) -> Attrs {
        let mut attrs = Attrs::default();
        for entry in node.entries() {
            match entry {
                ast::Entry::AttrpathValue(av) => {
                    let path = self.attrpath(av.attrpath());
                    let value = self.sub(av.value());
                    add_attr(&mut attrs, path, value);
                }
                ast::Entry::Inherit(inh) => {
                    let from = inh.from().map(|f| f.expr());
                    for a in inh.attrs() {
                        let name = match self.attr_name(&a) {
                            Name::Sym(s) => s,
                            Name::Dyn(_) => continue,
                        };
                        let def = match &from {
                            // `inherit (e) x;` is `x = e.x;`, not marked inherited.
                            Some(e) => Def {
                                inherited: false,
                                e: Node::Select(
                                    boxed(self.sub(e.clone())),
                                    vec![Name::Sym(name.clone())],
                                    None,
                                ),
                            },
                            None => Def {
                                inherited: true,
                                e: Node::Var(name.clone()),
                            },
                        };
                        attrs.stat.entry(name).or_insert(def);
                    }
                }
            }
        }
        attrs
    }

    fn lambda(&self, l: &ast::Lambda) -> Node {
        let body = self.sub(l.body());
        let (arg, formals) = match l.param() {
            Some(ast::Param::IdentParam(p)) => {
                (p.ident().map(|i| i.syntax().text().to_string()), None)
            }
            Some(ast::Param::Pattern(p)) => {
                let arg = p
                    .pat_bind()
                    .and_then(|b| b.ident())
                    .map(|i| i.syntax().text().to_string());
                let mut formals: Vec<(String, Option<Node>)> = p
                    .pat_entries()
                    .map(|e| {
                        let name = e.ident().map(|i| i.syntax().text().to_string());
                        (name.unwrap_or_default(), e.default().map(|d| self.expr(&d)))
                    })
                    .collect();
                if formals.len() > 1 {
                    formals.sort_by_cached_key(|(name, _)| self.rank(name));
                }
                let ellipsis = p.ellipsis_token().is_some();
                (
                    arg,
                    Some(FormalsNode {
                        list: formals,
                        ellipsis,
                    }),
                )
            }
            None => (None, None),
        };
        Node::Lambda(Box::new(LambdaNode { arg, formals, body }))
    }

    /// A `let`'s bindings in symbol-table order.
    fn let_order(&self, attrs: Attrs) -> Vec<(String, Def)> {
        let mut v: Vec<(String, Def)> = attrs.stat.into_iter().collect();
        if v.len() > 1 {
            v.sort_by_cached_key(|(name, _)| self.rank(name));
        }
        v
    }

    /// Where `name` sits in 2.8's symbol table.
    fn rank(&self, name: &str) -> (u8, usize, String) {
        if let Some(i) = PREINTERNED.split(' ').position(|p| p == name) {
            return (0, i, String::new());
        }
        if let Some(i) = PREINTERNED_LATE.split(' ').position(|p| p == name) {
            return (2, i, String::new());
        }
        let order = self.order.get_or_init(|| {
            let mut o = SymbolOrder::default();
            if let Some(root) = self.root.as_ref().and_then(|r| ast::Root::cast(r.clone())) {
                if let Some(e) = root.expr() {
                    o.expr(self, &e);
                }
            }
            o.map
        });
        match order.get(name) {
            Some(i) => (1, *i, String::new()),
            None => (3, 0, name.to_string()),
        }
    }
}

/// Apply `f` to `arg`; a call applied again takes one more argument, as in
/// 2.8's parser.
fn call(f: Node, arg: Node) -> Node {
    match f {
        Node::Call(fun, mut args) => {
            args.push(arg);
            Node::Call(fun, args)
        }
        other => Node::Call(boxed(other), vec![arg]),
    }
}

/// Add `path = e` to `attrs` as 2.8's parser does: intermediate names make
/// (or extend) nested sets; a set assigned to a name that already holds a set
/// has its static attributes merged into it.
fn add_attr(attrs: &mut Attrs, mut path: Vec<Name>, e: Node) {
    if path.is_empty() {
        return;
    }
    let first = path.remove(0);
    if path.is_empty() {
        match first {
            Name::Sym(s) => match attrs.stat.get_mut(&s) {
                Some(existing) => {
                    if let (Node::Attrs(into), Node::Attrs(from)) = (&mut existing.e, e) {
                        for (k, v) in from.stat {
                            into.stat.entry(k).or_insert(v);
                        }
                    }
                }
                None => {
                    attrs.stat.insert(
                        s,
                        Def {
                            inherited: false,
                            e,
                        },
                    );
                }
            },
            Name::Dyn(n) => attrs.dynamic.push((n, e)),
        }
        return;
    }
    match first {
        Name::Sym(s) => {
            let def = attrs.stat.entry(s).or_insert_with(|| Def {
                inherited: false,
                e: Node::Attrs(Attrs::default()),
            });
            if def.inherited {
                return;
            }
            if let Node::Attrs(inner) = &mut def.e {
                add_attr(inner, path, e);
            }
        }
        Name::Dyn(n) => {
            let mut inner = Attrs::default();
            add_attr(&mut inner, path, e);
            attrs.dynamic.push((n, Node::Attrs(inner)));
        }
    }
}

/// Unescape a `"..."` string piece as 2.8 does (`\r` and `\r\n` become `\n`).
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('t') => out.push('\t'),
                Some(c) => out.push(c),
                None => {}
            },
            '\r' => {
                out.push('\n');
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// The order in which 2.8's parser would create the names of a file.
#[derive(Default)]
struct SymbolOrder {
    map: HashMap<String, usize>,
}

impl SymbolOrder {
    fn intern(&mut self, name: &str) {
        if !self.map.contains_key(name) {
            let n = self.map.len();
            self.map.insert(name.to_string(), n);
        }
    }

    fn sub(&mut self, lower: &Lower, e: Option<ast::Expr>) {
        if let Some(e) = e {
            self.expr(lower, &e);
        }
    }

    fn expr(&mut self, lower: &Lower, e: &ast::Expr) {
        match e {
            ast::Expr::Ident(i) => self.intern(&i.syntax().text().to_string()),
            ast::Expr::Literal(_) | ast::Expr::CurPos(_) | ast::Expr::PathSearch(_) => {}
            ast::Expr::Error(_) => {}
            ast::Expr::Str(s) => self.string(lower, s),
            ast::Expr::PathAbs(_) | ast::Expr::PathRel(_) | ast::Expr::PathHome(_) => {
                if let Some(p) = ast::Path::cast(e.syntax().clone()) {
                    for part in p.parts() {
                        if let InterpolPart::Interpolation(i) = part {
                            self.sub(lower, i.expr());
                        }
                    }
                }
            }
            ast::Expr::Apply(a) => {
                self.sub(lower, a.lambda());
                self.sub(lower, a.argument());
            }
            ast::Expr::Assert(a) => {
                self.sub(lower, a.condition());
                self.sub(lower, a.body());
            }
            ast::Expr::IfElse(i) => {
                self.sub(lower, i.condition());
                self.sub(lower, i.body());
                self.sub(lower, i.else_body());
            }
            ast::Expr::Select(s) => {
                self.sub(lower, s.expr());
                self.attrpath(lower, s.attrpath());
                self.sub(lower, s.default_expr());
            }
            ast::Expr::HasAttr(h) => {
                self.sub(lower, h.expr());
                self.attrpath(lower, h.attrpath());
            }
            ast::Expr::Lambda(l) => match l.param() {
                Some(ast::Param::IdentParam(p)) => {
                    // `x: body` creates `x` once the body is parsed.
                    self.sub(lower, l.body());
                    if let Some(i) = p.ident() {
                        self.intern(&i.syntax().text().to_string());
                    }
                }
                Some(ast::Param::Pattern(p)) => {
                    for entry in p.pat_entries() {
                        self.sub(lower, entry.default());
                        if let Some(i) = entry.ident() {
                            self.intern(&i.syntax().text().to_string());
                        }
                    }
                    self.sub(lower, l.body());
                    if let Some(i) = p.pat_bind().and_then(|b| b.ident()) {
                        self.intern(&i.syntax().text().to_string());
                    }
                }
                None => self.sub(lower, l.body()),
            },
            ast::Expr::LegacyLet(l) => {
                self.entries(lower, l);
                self.intern("body");
            }
            ast::Expr::LetIn(l) => {
                self.entries(lower, l);
                self.sub(lower, l.body());
            }
            ast::Expr::AttrSet(s) => self.entries(lower, s),
            ast::Expr::List(l) => {
                for item in l.items() {
                    self.expr(lower, &item);
                }
            }
            ast::Expr::BinOp(b) => {
                self.sub(lower, b.lhs());
                self.sub(lower, b.rhs());
            }
            ast::Expr::UnaryOp(u) => self.sub(lower, u.expr()),
            ast::Expr::Paren(p) => self.sub(lower, p.expr()),
            ast::Expr::Root(r) => self.sub(lower, r.expr()),
            ast::Expr::With(w) => {
                self.sub(lower, w.namespace());
                self.sub(lower, w.body());
            }
        }
    }

    fn string(&mut self, lower: &Lower, s: &ast::Str) {
        for part in s.parts() {
            if let InterpolPart::Interpolation(i) = part {
                self.sub(lower, i.expr());
            }
        }
    }

    fn attr(&mut self, lower: &Lower, a: &ast::Attr) {
        match a {
            ast::Attr::Ident(i) => self.intern(&i.syntax().text().to_string()),
            ast::Attr::Str(s) => self.string(lower, s),
            ast::Attr::Dynamic(d) => self.sub(lower, d.expr()),
        }
        if !matches!(a, ast::Attr::Ident(_)) {
            if let Name::Sym(s) = lower.attr_name(a) {
                self.intern(&s);
            }
        }
    }

    fn attrpath(&mut self, lower: &Lower, p: Option<ast::Attrpath>) {
        if let Some(p) = p {
            for a in p.attrs() {
                self.attr(lower, &a);
            }
        }
    }

    fn entries(&mut self, lower: &Lower, node: &impl HasEntry) {
        for entry in node.entries() {
            match entry {
                ast::Entry::AttrpathValue(av) => {
                    self.attrpath(lower, av.attrpath());
                    self.sub(lower, av.value());
                }
                ast::Entry::Inherit(inh) => {
                    if let Some(f) = inh.from() {
                        self.sub(lower, f.expr());
                    }
                    for a in inh.attrs() {
                        self.attr(lower, &a);
                    }
                }
            }
        }
    }
}

impl Node {
    fn show(&self, out: &mut String) {
        match self {
            Node::Int(n) => {
                let _ = write!(out, "{}", n);
            }
            Node::Float(f) => out.push_str(&crate::print::format_float(*f)),
            Node::Str(s) => show_string(out, s),
            Node::Path(p) => out.push_str(p),
            Node::Var(v) => show_id(out, v),
            Node::Select(e, path, def) => {
                out.push('(');
                e.show(out);
                out.push_str(").");
                show_attrpath(out, path);
                if let Some(d) = def {
                    out.push_str(" or (");
                    d.show(out);
                    out.push(')');
                }
            }
            Node::HasAttr(e, path) => {
                out.push_str("((");
                e.show(out);
                out.push_str(") ? ");
                show_attrpath(out, path);
                out.push(')');
            }
            Node::Attrs(a) => {
                if a.rec {
                    out.push_str("rec ");
                }
                out.push_str("{ ");
                for (name, def) in &a.stat {
                    if def.inherited {
                        out.push_str("inherit ");
                        show_id(out, name);
                        out.push_str(" ; ");
                    } else {
                        show_id(out, name);
                        out.push_str(" = ");
                        def.e.show(out);
                        out.push_str("; ");
                    }
                }
                for (name, value) in &a.dynamic {
                    out.push_str("\"${");
                    name.show(out);
                    out.push_str("}\" = ");
                    value.show(out);
                    out.push_str("; ");
                }
                out.push('}');
            }
            Node::List(items) => {
                out.push_str("[ ");
                for i in items {
                    out.push('(');
                    i.show(out);
                    out.push_str(") ");
                }
                out.push(']');
            }
            Node::Lambda(l) => {
                out.push('(');
                if let Some(formals) = &l.formals {
                    out.push_str("{ ");
                    let mut first = true;
                    for (name, def) in &formals.list {
                        if !first {
                            out.push_str(", ");
                        }
                        first = false;
                        show_id(out, name);
                        if let Some(d) = def {
                            out.push_str(" ? ");
                            d.show(out);
                        }
                    }
                    if formals.ellipsis {
                        if !first {
                            out.push_str(", ");
                        }
                        out.push_str("...");
                    }
                    out.push_str(" }");
                    if l.arg.is_some() {
                        out.push_str(" @ ");
                    }
                }
                if let Some(arg) = &l.arg {
                    show_id(out, arg);
                }
                out.push_str(": ");
                l.body.show(out);
                out.push(')');
            }
            Node::Call(f, args) => {
                out.push('(');
                f.show(out);
                for a in args {
                    out.push(' ');
                    a.show(out);
                }
                out.push(')');
            }
            Node::Let(binds, body) => {
                out.push_str("(let ");
                for (name, def) in binds {
                    if def.inherited {
                        out.push_str("inherit ");
                        show_id(out, name);
                        out.push_str("; ");
                    } else {
                        show_id(out, name);
                        out.push_str(" = ");
                        def.e.show(out);
                        out.push_str("; ");
                    }
                }
                out.push_str("in ");
                body.show(out);
                out.push(')');
            }
            Node::With(ns, body) => {
                out.push_str("(with ");
                ns.show(out);
                out.push_str("; ");
                body.show(out);
                out.push(')');
            }
            Node::If(c, t, e) => {
                out.push_str("(if ");
                c.show(out);
                out.push_str(" then ");
                t.show(out);
                out.push_str(" else ");
                e.show(out);
                out.push(')');
            }
            Node::Assert(c, body) => {
                out.push_str("assert ");
                c.show(out);
                out.push_str("; ");
                body.show(out);
            }
            Node::Not(e) => {
                out.push_str("(! ");
                e.show(out);
                out.push(')');
            }
            Node::Op(op, l, r) => {
                out.push('(');
                l.show(out);
                out.push(' ');
                out.push_str(op);
                out.push(' ');
                r.show(out);
                out.push(')');
            }
            Node::Concat(parts) => {
                out.push('(');
                for (i, p) in parts.iter().enumerate() {
                    if i > 0 {
                        out.push_str(" + ");
                    }
                    p.show(out);
                }
                out.push(')');
            }
            Node::CurPos => out.push_str("__curPos"),
            Node::Raw(s) => out.push_str(s),
        }
    }
}

fn show_attrpath(out: &mut String, path: &[Name]) {
    for (i, name) in path.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        match name {
            Name::Sym(s) => show_id(out, s),
            Name::Dyn(e) => {
                out.push_str("\"${");
                e.show(out);
                out.push_str("}\"");
            }
        }
    }
}

/// A string literal, with `"`, `\`, `$` and control characters escaped.
pub(crate) fn show_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A name: bare if it is an identifier, quoted otherwise, keywords
/// included (current Nix; 2.8 quotes only `if`).
fn show_id(out: &mut String, s: &str) {
    if crate::print::error_value::is_var_name(s) {
        out.push_str(s);
    } else {
        show_string(out, s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The condition of the first `assert` in `src`, printed.
    fn cond(src: &str) -> String {
        let root = rnix::Root::parse(src).tree();
        let a = root
            .syntax()
            .descendants()
            .find_map(ast::Assert::cast)
            .expect("an assert");
        show_expr(&a.condition().expect("a condition"))
    }

    #[test]
    fn corpus_renderings() {
        let cases = [
            ("let a = { b = 2; }; in assert a.b == 1; 1", "((a).b == 1)"),
            ("assert 1 + 2 * 3 == 8; 1", "((1 + (__mul 2 3)) == 8)"),
            (
                "let x = 1; in assert x < 0 || x > 2 || x <= 0 || x >= 2; 1",
                "((((__lessThan x 0) || (__lessThan 2 x)) || (! (__lessThan 0 x))) || (! (__lessThan x 2)))",
            ),
            (
                "let x = 1; in assert -x == x - 1 / 1; 1",
                "((__sub 0 x) == (__sub x (__div 1 1)))",
            ),
            (
                "let x = 1; in assert { a.b = 1; \"c d\" = 2; inherit x; } == { }; 1",
                "({ a = { b = 1; }; \"c d\" = 2; inherit x ; } == { })",
            ),
            (
                "let k = \"c\"; in assert { ${k} = 2; } == { }; 1",
                "({ \"${k}\" = 2; } == { })",
            ),
            (
                "assert [ 1 ] ++ [ 2 ] == [ ] || { a = 1; } // { } == { }; 1",
                "((([ (1) ] ++ [ (2) ]) == [ ]) || (({ a = 1; } // { }) == { }))",
            ),
            ("assert builtins.isInt \"x\"; 1", "((builtins).isInt \"x\")"),
            ("assert 1.0 == 2.5; 1", "(1 == 2.5)"),
            ("let x = { }; in assert x ? y.z; 1", "((x) ? y.z)"),
            (
                "assert ({ a, b ? 1, ... }@x: false) { a = 1; }; 1",
                "(({ a, b ? 1, ... } @ x: false) { a = 1; })",
            ),
            ("assert let x = false; in x; 1", "(let x = false; in x)"),
            (
                "assert with { x = false; }; x; 1",
                "(with { x = false; }; x)",
            ),
            (
                "assert if true then false else true; 1",
                "(if true then false else true)",
            ),
            (
                "let x = \"y\"; in assert \"a${x}b\" == \"z\"; 1",
                "((\"a\" + x + \"b\") == \"z\")",
            ),
            (
                "let x = \"y\"; in assert \"${x}\" == \"z\"; 1",
                "((x) == \"z\")",
            ),
            (
                "assert \"a\\nb\\\"c$d\\${e}\" == \"\"; 1",
                "(\"a\\nb\\\"c\\$d\\${e}\" == \"\")",
            ),
            ("assert (assert true; false); 1", "assert true; false"),
            ("let a = { }; in assert a.b.c or false; 1", "(a).b.c or (false)"),
            ("assert (rec { a = false; }).a; 1", "(rec { a = false; }).a"),
            ("let x = true; in assert !x; 1", "(! x)"),
            ("let x = true; y = false; in assert x -> y; 1", "(x -> y)"),
            ("assert [ 1 2 ] == [ ]; 1", "([ (1) (2) ] == [ ])"),
        ];
        for (src, want) in cases {
            assert_eq!(cond(src), want, "for {}", src);
        }
    }

    #[test]
    fn calls_flatten() {
        assert_eq!(cond("assert (f a) b; 1"), "(f a b)");
        assert_eq!(cond("assert (d - 2) 3; 1"), "(__sub d 2 3)");
        assert_eq!(cond("assert (d <= 2) 3; 1"), "((! (__lessThan 2 d)) 3)");
        assert_eq!(
            cond("assert <nixpkgs> 3; 1"),
            "(__findFile __nixPath \"nixpkgs\" 3)"
        );
    }

    #[test]
    fn let_and_formals_follow_symbol_order() {
        assert_eq!(
            cond("let b = 1; d = 2; in assert (let inherit (a) b c; inherit d; e.f = 1; in 1) == 2; 1"),
            "((let b = (a).b; inherit d; c = (a).c; e = { f = 1; }; in 1) == 2)"
        );
        assert_eq!(
            cond("assert (let zz = 1; map = 2; true = 3; yy = 4; in 1) == 2; 1"),
            "((let true = 3; map = 2; zz = 1; yy = 4; in 1) == 2)"
        );
        assert_eq!(
            cond("let m = 1; in assert ({ z, a, m }: 1) == 2; 1"),
            "(({ m, z, a }: 1) == 2)"
        );
        assert_eq!(
            cond("assert (bb: aa: let zz = 1; aa = 2; bb = 3; in 1) == 2; 1"),
            "((bb: (aa: (let zz = 1; aa = 2; bb = 3; in 1))) == 2)"
        );
    }

    #[test]
    fn names_and_strings() {
        assert_eq!(
            cond("assert { b = 2; a = 1; \"1x\" = 3; \"if\" = 1; \"then\" = 2; x-y = 1; \"a b\" = 2; } == { }; 1"),
            "({ \"1x\" = 3; a = 1; \"a b\" = 2; b = 2; \"if\" = 1; \"then\" = 2; x-y = 1; } == { })"
        );
        assert_eq!(
            cond("assert a.\"${x}\".${y}.\"z\".${\"w\"} == 1; 1"),
            "((a).\"${(x)}\".\"${y}\".z.w == 1)"
        );
        assert_eq!(
            cond("assert ''a''$b'' == 1; 1"),
            "((\"a\" + \"\\$\" + \"b\") == 1)"
        );
        assert_eq!(
            cond("assert ''\n  ${x}\n  b\n  '' == 1; 1"),
            "((\"\" + x + \"\\nb\\n\") == 1)"
        );
    }

    #[test]
    fn paths() {
        let show = |src: &str| {
            let root = rnix::Root::parse(src).tree();
            let e = root.expr().expect("an expression");
            show_expr_with_paths(&e, Some("/tmp/probe"), Some("/root"))
        };
        assert_eq!(show("./a/b/../c"), "/tmp/probe/a/c");
        assert_eq!(show("../a"), "/tmp/a");
        assert_eq!(show("a/b"), "/tmp/probe/a/b");
        assert_eq!(show("/a/../b/./c"), "/b/c");
        assert_eq!(show("~/foo"), "/root/foo");
        assert_eq!(show("./${x}"), "(/tmp/probe/ + x)");
        assert_eq!(show("/${x}"), "(/ + x)");
        assert_eq!(show("~/a/${x}"), "(/root/a/ + x)");
        assert_eq!(show("./a/../b/${x}"), "(/tmp/probe/b/ + x)");
        assert_eq!(
            show("./a/b/${x}${y}/c"),
            "(/tmp/probe/a/b/ + x + y + \"/c\")"
        );
        assert_eq!(show("/a/b/${x}c"), "(/a/b/ + x + \"c\")");
        assert_eq!(
            show("<nixpkgs/lib>"),
            "(__findFile __nixPath \"nixpkgs/lib\")"
        );
    }

    #[test]
    fn preinterned_lists_are_well_formed() {
        assert_eq!(PREINTERNED.split(' ').count(), 230);
        assert!(PREINTERNED.split(' ').all(|n| !n.is_empty()));
        assert_eq!(PREINTERNED_LATE.split(' ').count(), 6);
    }

    #[test]
    fn floats() {
        let cases = [
            (0.1, "0.1"),
            (1e10, "1e+10"),
            (123456789.0, "1.23457e+08"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (100000.0, "100000"),
            (1000000.0, "1e+06"),
            (1500.0, "1500"),
            (99999950.0, "1e+08"),
        ];
        for (v, want) in cases {
            assert_eq!(crate::print::format_float(v), want);
        }
    }
}
