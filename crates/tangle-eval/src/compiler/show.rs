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
    let node = lower.lower(Some(e.clone()));
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

impl Node {
    /// A placeholder: what a missing subexpression lowers to.
    fn empty() -> Node {
        Node::Raw(String::new())
    }

    /// Move this node's children into `out`.
    fn take_children(&mut self, out: &mut Vec<Node>) {
        fn take(b: &mut Node) -> Node {
            std::mem::replace(b, Node::empty())
        }
        fn names(path: &mut Vec<Name>, out: &mut Vec<Node>) {
            for name in path.drain(..) {
                if let Name::Dyn(mut n) = name {
                    out.push(take(&mut n));
                }
            }
        }
        match self {
            Node::Int(_)
            | Node::Float(_)
            | Node::Str(_)
            | Node::Path(_)
            | Node::Var(_)
            | Node::CurPos
            | Node::Raw(_) => {}
            Node::Select(e, path, def) => {
                out.push(take(e));
                names(path, out);
                if let Some(d) = def {
                    out.push(take(d));
                }
            }
            Node::HasAttr(e, path) => {
                out.push(take(e));
                names(path, out);
            }
            Node::Attrs(a) => {
                out.extend(
                    std::mem::take(&mut a.stat)
                        .into_values()
                        .map(|mut d| take(&mut d.e)),
                );
                for (mut k, mut v) in a.dynamic.drain(..) {
                    out.push(take(&mut k));
                    out.push(take(&mut v));
                }
            }
            Node::List(items) | Node::Concat(items) => out.append(items),
            Node::Lambda(l) => {
                out.push(take(&mut l.body));
                if let Some(f) = &mut l.formals {
                    out.extend(f.list.iter_mut().filter_map(|(_, d)| d.as_mut().map(take)));
                }
            }
            Node::Call(f, args) => {
                out.push(take(f));
                out.append(args);
            }
            Node::Let(binds, body) => {
                out.extend(binds.iter_mut().map(|(_, d)| take(&mut d.e)));
                out.push(take(body));
            }
            Node::With(a, b) | Node::Assert(a, b) | Node::Op(_, a, b) => {
                out.push(take(a));
                out.push(take(b));
            }
            Node::If(c, t, e) => {
                out.push(take(c));
                out.push(take(t));
                out.push(take(e));
            }
            Node::Not(e) => out.push(take(e)),
        }
    }
}

impl Drop for Node {
    /// A node is as deep as the expression it stands for: its children are
    /// freed one at a time, not recursively.
    fn drop(&mut self) {
        let mut nodes = Vec::new();
        self.take_children(&mut nodes);
        while let Some(mut n) = nodes.pop() {
            n.take_children(&mut nodes);
        }
    }
}

/// One element of an attribute path.
enum Name {
    Sym(String),
    Dyn(Node),
}

/// A name as lowered: static if it is a string, else the expression
/// computing it.
fn name_of(mut n: Node) -> Name {
    match &mut n {
        Node::Str(s) => Name::Sym(std::mem::take(s)),
        _ => Name::Dyn(n),
    }
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

/// A step of lowering ([`Lower::lower`]).
enum Step {
    /// Lower an expression (a missing one is [`Node::empty`]): one more
    /// node on the stack of nodes made.
    Expr(Option<ast::Expr>),
    /// Make a node of the last `n` nodes made (in order), in their place.
    Build(Build, usize),
}

/// A node to make from its lowered parts, with what else it needs.
enum Build {
    /// The function, the argument.
    Call,
    /// The set, the path's dynamic names (`None` in `path`), the default.
    Select {
        path: Vec<Option<String>>,
        default: bool,
    },
    /// The set, the path's dynamic names.
    HasAttr(Vec<Option<String>>),
    /// The bindings' parts ([`Entry`]); for a `let`, then its body.
    Attrs(Vec<Entry>, Bindings),
    List,
    /// The body, then each default.
    Lambda {
        arg: Option<String>,
        /// Each formal's name and whether it has a default; `...`.
        formals: Option<(Vec<(String, bool)>, bool)>,
    },
    With,
    If,
    Assert,
    /// The operand.
    Unary(ast::UnaryOp),
    /// The operands.
    Binary(ast::BinOp),
    /// A `"..."` string: its pieces, text or (`None`) an interpolation.
    Str(Vec<Option<String>>),
    /// A `''...''` string: its pieces, each interpolation a placeholder.
    Indented(Vec<indented::Piece<Node>>),
    /// A path: its pieces (`None`: an interpolation), and whether there is
    /// any interpolation.
    Path(Vec<Option<Node>>, bool),
}

/// What bindings make.
#[derive(Clone, Copy)]
enum Bindings {
    Set { rec: bool },
    Let,
    LegacyLet,
}

/// The parts of one binding, as lowered.
enum Entry {
    /// `path = value;`: the path's dynamic names (`None` in the list), then
    /// the value.
    Value(Vec<Option<String>>),
    /// `inherit a b;` or `inherit (e) a b;`: for each name, the name if
    /// dynamic (`None` in the list), then (with `from`) `e`, once for
    /// each name.
    Inherit {
        names: Vec<Option<String>>,
        from: bool,
    },
}

/// Planning a node: the steps that lower its parts, counted.
struct Parts<'s> {
    steps: &'s mut Vec<Step>,
    n: usize,
}

impl Parts<'_> {
    fn sub(&mut self, e: Option<ast::Expr>) {
        self.steps.push(Step::Expr(e));
        self.n += 1;
    }

    /// An attribute name: static if it is an identifier, else lowered
    /// (it may still turn out to be a constant string).
    fn attr(&mut self, a: &ast::Attr) -> Option<String> {
        match attr_part(a) {
            Ok(name) => Some(name),
            Err(e) => {
                self.sub(e);
                None
            }
        }
    }

    fn attrpath(&mut self, p: Option<ast::Attrpath>) -> Vec<Option<String>> {
        p.iter()
            .flat_map(|p| p.attrs())
            .map(|a| self.attr(&a))
            .collect()
    }

    fn build(self, b: Build) {
        self.steps.push(Step::Build(b, self.n));
    }
}

/// An attribute's name if it is an identifier, else the expression that
/// computes it.
fn attr_part(a: &ast::Attr) -> std::result::Result<String, Option<ast::Expr>> {
    match a {
        ast::Attr::Ident(i) => Ok(i.syntax().text().to_string()),
        ast::Attr::Str(s) => Err(Some(ast::Expr::Str(s.clone()))),
        ast::Attr::Dynamic(d) => Err(d.expr()),
    }
}

impl Lower<'_> {
    /// Lower an expression. Nothing here recurses on the tree: a stack of
    /// steps and one of the nodes made so far take the place of the native
    /// stack.
    fn lower(&self, e: Option<ast::Expr>) -> Node {
        let mut steps = vec![Step::Expr(e)];
        let mut planned = Vec::new();
        let mut nodes: Vec<Node> = Vec::new();
        while let Some(step) = steps.pop() {
            match step {
                Step::Expr(None) => nodes.push(Node::empty()),
                Step::Expr(Some(e)) => {
                    if let Some(n) = self.plan(&e, &mut planned) {
                        nodes.push(n);
                    }
                    // Planned in order; the first runs first.
                    steps.extend(planned.drain(..).rev());
                }
                Step::Build(b, n) => {
                    let parts = nodes.split_off(nodes.len() - n);
                    let node = self.build(b, parts.into_iter());
                    nodes.push(node);
                }
            }
        }
        nodes.pop().unwrap_or_else(Node::empty)
    }

    /// An expression's node if it has no parts to lower; else plan the
    /// steps that make it.
    fn plan(&self, e: &ast::Expr, steps: &mut Vec<Step>) -> Option<Node> {
        let mut p = Parts { steps, n: 0 };
        let build = match e {
            ast::Expr::Literal(l) => {
                return Some(match l.kind() {
                    ast::LiteralKind::Integer(i) => match i.value() {
                        Ok(v) => Node::Int(v),
                        Err(_) => Node::Raw(i.syntax().text().to_string()),
                    },
                    ast::LiteralKind::Float(f) => match f.value() {
                        Ok(v) => Node::Float(v),
                        Err(_) => Node::Raw(f.syntax().text().to_string()),
                    },
                    ast::LiteralKind::Uri(u) => Node::Str(u.syntax().text().to_string()),
                })
            }
            ast::Expr::Ident(i) => return Some(Node::Var(i.syntax().text().to_string())),
            ast::Expr::CurPos(_) => return Some(Node::CurPos),
            ast::Expr::Error(_) => return Some(Node::Raw(e.syntax().text().to_string())),
            ast::Expr::Str(s) => self.plan_string(s, &mut p),
            ast::Expr::PathAbs(_) | ast::Expr::PathRel(_) | ast::Expr::PathHome(_) => {
                match ast::Path::cast(e.syntax().clone()) {
                    Some(path) => self.plan_path(&path, &mut p),
                    None => return Some(Node::Raw(e.syntax().text().to_string())),
                }
            }
            ast::Expr::PathSearch(s) => {
                let text = s
                    .content()
                    .map(|c| c.text().to_string())
                    .unwrap_or_default();
                let name = text.trim_start_matches('<').trim_end_matches('>');
                return Some(Node::Call(
                    boxed(var("__findFile")),
                    vec![var("__nixPath"), Node::Str(name.to_string())],
                ));
            }
            // Parentheses leave no node: the inner expression's takes
            // their place.
            ast::Expr::Paren(paren) => {
                p.steps.push(Step::Expr(paren.expr()));
                return None;
            }
            ast::Expr::Root(r) => {
                p.steps.push(Step::Expr(r.expr()));
                return None;
            }
            ast::Expr::Apply(a) => {
                p.sub(a.lambda());
                p.sub(a.argument());
                Build::Call
            }
            ast::Expr::Select(s) => {
                p.sub(s.expr());
                let path = p.attrpath(s.attrpath());
                let default = s.default_expr();
                let has_default = default.is_some();
                if has_default {
                    p.sub(default);
                }
                Build::Select {
                    path,
                    default: has_default,
                }
            }
            ast::Expr::HasAttr(h) => {
                p.sub(h.expr());
                Build::HasAttr(p.attrpath(h.attrpath()))
            }
            ast::Expr::AttrSet(s) => {
                let rec = s.rec_token().is_some();
                Build::Attrs(plan_bindings(s, &mut p), Bindings::Set { rec })
            }
            ast::Expr::LetIn(l) => {
                let entries = plan_bindings(l, &mut p);
                p.sub(l.body());
                Build::Attrs(entries, Bindings::Let)
            }
            ast::Expr::LegacyLet(l) => Build::Attrs(plan_bindings(l, &mut p), Bindings::LegacyLet),
            ast::Expr::List(l) => {
                for item in l.items() {
                    p.sub(Some(item));
                }
                Build::List
            }
            ast::Expr::Lambda(l) => {
                p.sub(l.body());
                let (arg, formals) = match l.param() {
                    Some(ast::Param::IdentParam(ip)) => {
                        (ip.ident().map(|i| i.syntax().text().to_string()), None)
                    }
                    Some(ast::Param::Pattern(pat)) => {
                        let arg = pat
                            .pat_bind()
                            .and_then(|b| b.ident())
                            .map(|i| i.syntax().text().to_string());
                        let mut list = Vec::new();
                        for entry in pat.pat_entries() {
                            let name = entry.ident().map(|i| i.syntax().text().to_string());
                            let default = entry.default();
                            list.push((name.unwrap_or_default(), default.is_some()));
                            if default.is_some() {
                                p.sub(default);
                            }
                        }
                        (arg, Some((list, pat.ellipsis_token().is_some())))
                    }
                    None => (None, None),
                };
                Build::Lambda { arg, formals }
            }
            ast::Expr::With(w) => {
                p.sub(w.namespace());
                p.sub(w.body());
                Build::With
            }
            ast::Expr::IfElse(i) => {
                p.sub(i.condition());
                p.sub(i.body());
                p.sub(i.else_body());
                Build::If
            }
            ast::Expr::Assert(a) => {
                p.sub(a.condition());
                p.sub(a.body());
                Build::Assert
            }
            ast::Expr::UnaryOp(u) => {
                p.sub(u.expr());
                Build::Unary(u.clone())
            }
            ast::Expr::BinOp(b) => {
                p.sub(b.lhs());
                p.sub(b.rhs());
                Build::Binary(b.clone())
            }
        };
        p.build(build);
        None
    }

    /// Make a node from its lowered parts.
    fn build(&self, b: Build, mut parts: std::vec::IntoIter<Node>) -> Node {
        let mut next = || parts.next().unwrap_or_else(Node::empty);
        match b {
            Build::Call => {
                let f = next();
                call(f, next())
            }
            Build::Select { path, default } => {
                let e = next();
                let path = names(path, &mut next);
                let default = default.then(|| boxed(next()));
                Node::Select(boxed(e), path, default)
            }
            Build::HasAttr(path) => {
                let e = next();
                Node::HasAttr(boxed(e), names(path, &mut next))
            }
            Build::Attrs(entries, kind) => {
                let mut attrs = bindings(entries, &mut next);
                match kind {
                    Bindings::Set { rec } => {
                        attrs.rec = rec;
                        Node::Attrs(attrs)
                    }
                    Bindings::Let => Node::Let(self.let_order(attrs), boxed(next())),
                    Bindings::LegacyLet => {
                        attrs.rec = true;
                        Node::Select(
                            boxed(Node::Attrs(attrs)),
                            vec![Name::Sym("body".to_string())],
                            None,
                        )
                    }
                }
            }
            Build::List => Node::List(parts.collect()),
            Build::Lambda { arg, formals } => {
                let body = next();
                let formals = formals.map(|(list, ellipsis)| {
                    let mut list: Vec<(String, Option<Node>)> = list
                        .into_iter()
                        .map(|(name, has_default)| (name, has_default.then(&mut next)))
                        .collect();
                    if list.len() > 1 {
                        list.sort_by_cached_key(|(name, _)| self.rank(name));
                    }
                    FormalsNode { list, ellipsis }
                });
                Node::Lambda(Box::new(LambdaNode { arg, formals, body }))
            }
            Build::With => {
                let ns = next();
                Node::With(boxed(ns), boxed(next()))
            }
            Build::If => {
                let c = next();
                let t = next();
                Node::If(boxed(c), boxed(t), boxed(next()))
            }
            Build::Assert => {
                let c = next();
                Node::Assert(boxed(c), boxed(next()))
            }
            Build::Unary(u) => {
                let e = next();
                match u.operator() {
                    Some(ast::UnaryOpKind::Invert) => Node::Not(boxed(e)),
                    Some(ast::UnaryOpKind::Negate) => {
                        Node::Call(boxed(var("__sub")), vec![Node::Int(0), e])
                    }
                    None => Node::Raw(u.syntax().text().to_string()),
                }
            }
            Build::Binary(b) => {
                let l = next();
                binop(&b, l, next())
            }
            Build::Str(pieces) => {
                let mut out: Vec<Node> = Vec::new();
                for piece in pieces {
                    match piece {
                        Some(text) => {
                            if let Some(Node::Str(prev)) = out.last_mut() {
                                prev.push_str(&text);
                            } else {
                                out.push(Node::Str(text));
                            }
                        }
                        None => out.push(next()),
                    }
                }
                match out.len() {
                    0 => Node::Str(String::new()),
                    1 if matches!(out[0], Node::Str(_)) => out.pop().unwrap_or_else(Node::empty),
                    _ => Node::Concat(out),
                }
            }
            Build::Indented(mut pieces) => {
                if pieces.is_empty() {
                    return Node::Str(String::new());
                }
                for piece in pieces.iter_mut() {
                    if let indented::Piece::Interp(e) = piece {
                        *e = next();
                    }
                }
                let mut out: Vec<Node> = indented::strip(pieces)
                    .into_iter()
                    .map(|p| match p {
                        indented::Piece::Text(t, _) => Node::Str(t),
                        indented::Piece::Interp(e) => e,
                    })
                    .collect();
                if out.len() == 1 && matches!(out[0], Node::Str(_)) {
                    return out.pop().unwrap_or_else(Node::empty);
                }
                Node::Concat(out)
            }
            Build::Path(pieces, interpolated) => {
                let mut out: Vec<Node> = pieces
                    .into_iter()
                    .map(|p| p.unwrap_or_else(&mut next))
                    .collect();
                if !interpolated && out.len() == 1 {
                    return out.pop().unwrap_or_else(Node::empty);
                }
                Node::Concat(out)
            }
        }
    }

    /// A `"..."` or `''...''` string: one string if it has a single piece,
    /// else a concatenation of its pieces.
    fn plan_string(&self, s: &ast::Str, p: &mut Parts) -> Build {
        let indented = s
            .syntax()
            .first_token()
            .map(|t| t.text() == "''")
            .unwrap_or(false);
        if indented {
            return self.plan_indented_string(s, p);
        }
        let mut pieces = Vec::new();
        for part in s.parts() {
            match part {
                InterpolPart::Literal(lit) => pieces.push(Some(unescape(lit.syntax().text()))),
                InterpolPart::Interpolation(i) => {
                    p.sub(i.expr());
                    pieces.push(None);
                }
            }
        }
        Build::Str(pieces)
    }

    /// 2.8 lexes an indented string into pieces (plain runs, each escape on
    /// its own, each `${...}`), strips the indentation across them, and keeps
    /// every piece, empty or not.
    fn plan_indented_string(&self, s: &ast::Str, p: &mut Parts) -> Build {
        let mut pieces: Vec<indented::Piece<Node>> = Vec::new();
        let mut first = true;
        for part in s.parts() {
            match part {
                InterpolPart::Literal(lit) => {
                    let mut raw = lit.syntax().text();
                    if first {
                        raw = indented::skip_opening_line(raw);
                    }
                    indented::lex(raw, &mut pieces);
                }
                InterpolPart::Interpolation(i) => {
                    p.sub(i.expr());
                    pieces.push(indented::Piece::Interp(Node::empty()));
                }
            }
            first = false;
        }
        Build::Indented(pieces)
    }

    fn plan_path(&self, path: &ast::Path, p: &mut Parts) -> Build {
        let parts = path.parts();
        let interpolated = parts
            .iter()
            .any(|p| matches!(p, InterpolPart::Interpolation(_)));
        let mut pieces = Vec::new();
        for (i, part) in parts.into_iter().enumerate() {
            match part {
                InterpolPart::Literal(l) => {
                    let text = l.text();
                    if i == 0 {
                        pieces.push(Some(Node::Path(self.path_start(text, interpolated))));
                    } else {
                        pieces.push(Some(Node::Str(text.to_string())));
                    }
                }
                InterpolPart::Interpolation(e) => {
                    p.sub(e.expr());
                    pieces.push(None);
                }
            }
        }
        Build::Path(pieces, interpolated)
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

    /// The name an attribute stands for, if static (an identifier, or a
    /// string that lowers to a constant).
    fn static_attr_name(&self, a: &ast::Attr) -> Option<String> {
        match attr_part(a) {
            Ok(name) => Some(name),
            // Only a string (or a URI) lowers to a string: anything else
            // need not be lowered to know.
            Err(Some(e))
                if matches!(
                    super::unparen(&e),
                    ast::Expr::Str(_) | ast::Expr::Literal(_)
                ) =>
            {
                match name_of(self.lower(Some(e))) {
                    Name::Sym(s) => Some(s),
                    Name::Dyn(_) => None,
                }
            }
            Err(_) => None,
        }
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
                    o.walk(self, e);
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

/// Plan lowering the parts of a set's or `let`'s bindings.
fn plan_bindings(node: &impl HasEntry, p: &mut Parts) -> Vec<Entry> {
    let mut entries = Vec::new();
    for entry in node.entries() {
        match entry {
            ast::Entry::AttrpathValue(av) => {
                let path = p.attrpath(av.attrpath());
                p.sub(av.value());
                entries.push(Entry::Value(path));
            }
            ast::Entry::Inherit(inh) => {
                let from = inh.from().map(|f| f.expr());
                let mut names = Vec::new();
                for a in inh.attrs() {
                    names.push(p.attr(&a));
                    if let Some(e) = &from {
                        p.sub(e.clone());
                    }
                }
                entries.push(Entry::Inherit {
                    names,
                    from: from.is_some(),
                });
            }
        }
    }
    entries
}

/// An attribute path from its static names and its lowered dynamic ones.
fn names(path: Vec<Option<String>>, next: &mut impl FnMut() -> Node) -> Vec<Name> {
    path.into_iter()
        .map(|n| match n {
            Some(s) => Name::Sym(s),
            None => name_of(next()),
        })
        .collect()
}

/// The bindings of a set or `let` from their lowered parts, nested paths
/// merged into sets.
fn bindings(entries: Vec<Entry>, next: &mut impl FnMut() -> Node) -> Attrs {
    let mut attrs = Attrs::default();
    for entry in entries {
        match entry {
            Entry::Value(path) => {
                let path = names(path, next);
                add_attr(&mut attrs, path, next());
            }
            Entry::Inherit { names: list, from } => {
                for n in list {
                    let name = match n {
                        Some(s) => Name::Sym(s),
                        None => name_of(next()),
                    };
                    let from = from.then(&mut *next);
                    let name = match name {
                        Name::Sym(s) => s,
                        Name::Dyn(_) => continue,
                    };
                    let def = match from {
                        // `inherit (e) x;` is `x = e.x;`, not marked inherited.
                        Some(e) => Def {
                            inherited: false,
                            e: Node::Select(boxed(e), vec![Name::Sym(name.clone())], None),
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

/// A binary operator as 2.8's parser desugars it.
fn binop(b: &ast::BinOp, l: Node, r: Node) -> Node {
    use ast::BinOpKind as K;
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

/// Apply `f` to `arg`; a call applied again takes one more argument, as in
/// 2.8's parser.
fn call(mut f: Node, arg: Node) -> Node {
    if let Node::Call(_, args) = &mut f {
        args.push(arg);
        return f;
    }
    Node::Call(boxed(f), vec![arg])
}

/// Add `path = e` to `attrs` as 2.8's parser does: intermediate names make
/// (or extend) nested sets; a set assigned to a name that already holds a set
/// has its static attributes merged into it.
fn add_attr(attrs: &mut Attrs, path: Vec<Name>, mut e: Node) {
    let mut attrs = attrs;
    let mut path = path.into_iter().peekable();
    while let Some(first) = path.next() {
        if path.peek().is_none() {
            match first {
                Name::Sym(s) => match attrs.stat.get_mut(&s) {
                    Some(existing) => {
                        if let (Node::Attrs(into), Node::Attrs(from)) = (&mut existing.e, &mut e) {
                            for (k, v) in std::mem::take(&mut from.stat) {
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
        attrs = match first {
            Name::Sym(s) => {
                let def = attrs.stat.entry(s).or_insert_with(|| Def {
                    inherited: false,
                    e: Node::Attrs(Attrs::default()),
                });
                match &mut def.e {
                    Node::Attrs(inner) if !def.inherited => inner,
                    _ => return,
                }
            }
            Name::Dyn(n) => {
                attrs.dynamic.push((n, Node::Attrs(Attrs::default())));
                match attrs.dynamic.last_mut() {
                    Some((_, Node::Attrs(inner))) => inner,
                    _ => return,
                }
            }
        };
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

/// A step of [`SymbolOrder::walk`].
enum Visit {
    Expr(Option<ast::Expr>),
    Name(String),
    /// An attribute name: its parts, then the name itself if static.
    Attr(ast::Attr),
    /// The name of an attribute whose parts were walked, if static.
    AttrName(ast::Attr),
}

impl SymbolOrder {
    fn intern(&mut self, name: &str) {
        if !self.map.contains_key(name) {
            let n = self.map.len();
            self.map.insert(name.to_string(), n);
        }
    }

    /// Walk an expression in the order 2.8's parser creates its names,
    /// with a stack of steps (no recursion on the tree).
    fn walk(&mut self, lower: &Lower, e: ast::Expr) {
        let mut todo = vec![Visit::Expr(Some(e))];
        let mut next = Vec::new();
        while let Some(v) = todo.pop() {
            match v {
                Visit::Expr(None) => {}
                Visit::Expr(Some(e)) => plan_visit(&e, &mut next),
                Visit::Name(name) => self.intern(&name),
                Visit::Attr(a) => {
                    match &a {
                        ast::Attr::Ident(i) => {
                            next.push(Visit::Name(i.syntax().text().to_string()))
                        }
                        ast::Attr::Str(s) => plan_string_visit(s, &mut next),
                        ast::Attr::Dynamic(d) => next.push(Visit::Expr(d.expr())),
                    }
                    if !matches!(a, ast::Attr::Ident(_)) {
                        next.push(Visit::AttrName(a));
                    }
                }
                Visit::AttrName(a) => {
                    if let Some(s) = lower.static_attr_name(&a) {
                        self.intern(&s);
                    }
                }
            }
            // Planned in order; the first runs first.
            todo.extend(next.drain(..).rev());
        }
    }
}

fn ident_text(i: Option<ast::Ident>) -> Option<Visit> {
    i.map(|i| Visit::Name(i.syntax().text().to_string()))
}

fn plan_string_visit(s: &ast::Str, next: &mut Vec<Visit>) {
    for part in s.parts() {
        if let InterpolPart::Interpolation(i) = part {
            next.push(Visit::Expr(i.expr()));
        }
    }
}

fn plan_attrpath_visit(p: Option<ast::Attrpath>, next: &mut Vec<Visit>) {
    next.extend(p.iter().flat_map(|p| p.attrs()).map(Visit::Attr));
}

fn plan_entries_visit(node: &impl HasEntry, next: &mut Vec<Visit>) {
    for entry in node.entries() {
        match entry {
            ast::Entry::AttrpathValue(av) => {
                plan_attrpath_visit(av.attrpath(), next);
                next.push(Visit::Expr(av.value()));
            }
            ast::Entry::Inherit(inh) => {
                if let Some(f) = inh.from() {
                    next.push(Visit::Expr(f.expr()));
                }
                next.extend(inh.attrs().map(Visit::Attr));
            }
        }
    }
}

/// What to walk of an expression, in order.
fn plan_visit(e: &ast::Expr, next: &mut Vec<Visit>) {
    let sub = Visit::Expr;
    match e {
        ast::Expr::Ident(i) => next.push(Visit::Name(i.syntax().text().to_string())),
        ast::Expr::Literal(_) | ast::Expr::CurPos(_) | ast::Expr::PathSearch(_) => {}
        ast::Expr::Error(_) => {}
        ast::Expr::Str(s) => plan_string_visit(s, next),
        ast::Expr::PathAbs(_) | ast::Expr::PathRel(_) | ast::Expr::PathHome(_) => {
            if let Some(p) = ast::Path::cast(e.syntax().clone()) {
                for part in p.parts() {
                    if let InterpolPart::Interpolation(i) = part {
                        next.push(sub(i.expr()));
                    }
                }
            }
        }
        ast::Expr::Apply(a) => next.extend([sub(a.lambda()), sub(a.argument())]),
        ast::Expr::Assert(a) => next.extend([sub(a.condition()), sub(a.body())]),
        ast::Expr::IfElse(i) => {
            next.extend([sub(i.condition()), sub(i.body()), sub(i.else_body())]);
        }
        ast::Expr::Select(s) => {
            next.push(sub(s.expr()));
            plan_attrpath_visit(s.attrpath(), next);
            next.push(sub(s.default_expr()));
        }
        ast::Expr::HasAttr(h) => {
            next.push(sub(h.expr()));
            plan_attrpath_visit(h.attrpath(), next);
        }
        ast::Expr::Lambda(l) => match l.param() {
            Some(ast::Param::IdentParam(p)) => {
                // `x: body` creates `x` once the body is parsed.
                next.push(sub(l.body()));
                next.extend(ident_text(p.ident()));
            }
            Some(ast::Param::Pattern(p)) => {
                for entry in p.pat_entries() {
                    next.push(sub(entry.default()));
                    next.extend(ident_text(entry.ident()));
                }
                next.push(sub(l.body()));
                next.extend(ident_text(p.pat_bind().and_then(|b| b.ident())));
            }
            None => next.push(sub(l.body())),
        },
        ast::Expr::LegacyLet(l) => {
            plan_entries_visit(l, next);
            next.push(Visit::Name("body".to_string()));
        }
        ast::Expr::LetIn(l) => {
            plan_entries_visit(l, next);
            next.push(sub(l.body()));
        }
        ast::Expr::AttrSet(s) => plan_entries_visit(s, next),
        ast::Expr::List(l) => next.extend(l.items().map(|i| sub(Some(i)))),
        ast::Expr::BinOp(b) => next.extend([sub(b.lhs()), sub(b.rhs())]),
        ast::Expr::UnaryOp(u) => next.push(sub(u.expr())),
        ast::Expr::Paren(p) => next.push(sub(p.expr())),
        ast::Expr::Root(r) => next.push(sub(r.expr())),
        ast::Expr::With(w) => next.extend([sub(w.namespace()), sub(w.body())]),
    }
}

/// A step of printing ([`Node::show`]).
enum Out<'a> {
    Node(&'a Node),
    Text(&'static str),
    Id(&'a str),
}

impl Node {
    /// Print the node, with a stack of what is left to print (no recursion
    /// on the tree).
    fn show(&self, out: &mut String) {
        let mut todo = vec![Out::Node(self)];
        let mut next = Vec::new();
        while let Some(item) = todo.pop() {
            match item {
                Out::Text(t) => out.push_str(t),
                Out::Id(s) => show_id(out, s),
                Out::Node(n) => {
                    n.show_one(out, &mut next);
                    // Planned in order; the first comes first.
                    todo.extend(next.drain(..).rev());
                }
            }
        }
    }

    /// Print a leaf; for any other node, list what it prints, in order.
    fn show_one<'a>(&'a self, out: &mut String, next: &mut Vec<Out<'a>>) {
        use Out::{Id, Text};
        let node = |n: &'a Node| Out::Node(n);
        match self {
            Node::Int(n) => {
                let _ = write!(out, "{}", n);
            }
            Node::Float(f) => out.push_str(&crate::print::format_float(*f)),
            Node::Str(s) => show_string(out, s),
            Node::Path(p) => out.push_str(p),
            Node::Var(v) => show_id(out, v),
            Node::CurPos => out.push_str("__curPos"),
            Node::Raw(s) => out.push_str(s),
            Node::Select(e, path, def) => {
                next.extend([Text("("), node(e), Text(").")]);
                show_attrpath(next, path);
                if let Some(d) = def {
                    next.extend([Text(" or ("), node(d), Text(")")]);
                }
            }
            Node::HasAttr(e, path) => {
                next.extend([Text("(("), node(e), Text(") ? ")]);
                show_attrpath(next, path);
                next.push(Text(")"));
            }
            Node::Attrs(a) => {
                if a.rec {
                    next.push(Text("rec "));
                }
                next.push(Text("{ "));
                for (name, def) in &a.stat {
                    if def.inherited {
                        next.extend([Text("inherit "), Id(name), Text(" ; ")]);
                    } else {
                        next.extend([Id(name), Text(" = "), node(&def.e), Text("; ")]);
                    }
                }
                for (name, value) in &a.dynamic {
                    next.extend([
                        Text("\"${"),
                        node(name),
                        Text("}\" = "),
                        node(value),
                        Text("; "),
                    ]);
                }
                next.push(Text("}"));
            }
            Node::List(items) => {
                next.push(Text("[ "));
                for i in items {
                    next.extend([Text("("), node(i), Text(") ")]);
                }
                next.push(Text("]"));
            }
            Node::Lambda(l) => {
                next.push(Text("("));
                if let Some(formals) = &l.formals {
                    next.push(Text("{ "));
                    let mut first = true;
                    for (name, def) in &formals.list {
                        if !first {
                            next.push(Text(", "));
                        }
                        first = false;
                        next.push(Id(name));
                        if let Some(d) = def {
                            next.extend([Text(" ? "), node(d)]);
                        }
                    }
                    if formals.ellipsis {
                        if !first {
                            next.push(Text(", "));
                        }
                        next.push(Text("..."));
                    }
                    next.push(Text(" }"));
                    if l.arg.is_some() {
                        next.push(Text(" @ "));
                    }
                }
                if let Some(arg) = &l.arg {
                    next.push(Id(arg));
                }
                next.extend([Text(": "), node(&l.body), Text(")")]);
            }
            Node::Call(f, args) => {
                next.extend([Text("("), node(f)]);
                for a in args {
                    next.extend([Text(" "), node(a)]);
                }
                next.push(Text(")"));
            }
            Node::Let(binds, body) => {
                next.push(Text("(let "));
                for (name, def) in binds {
                    if def.inherited {
                        next.extend([Text("inherit "), Id(name), Text("; ")]);
                    } else {
                        next.extend([Id(name), Text(" = "), node(&def.e), Text("; ")]);
                    }
                }
                next.extend([Text("in "), node(body), Text(")")]);
            }
            Node::With(ns, body) => {
                next.extend([Text("(with "), node(ns), Text("; "), node(body), Text(")")]);
            }
            Node::If(c, t, e) => {
                next.extend([
                    Text("(if "),
                    node(c),
                    Text(" then "),
                    node(t),
                    Text(" else "),
                    node(e),
                    Text(")"),
                ]);
            }
            Node::Assert(c, body) => {
                next.extend([Text("assert "), node(c), Text("; "), node(body)]);
            }
            Node::Not(e) => next.extend([Text("(! "), node(e), Text(")")]),
            Node::Op(op, l, r) => {
                next.extend([
                    Text("("),
                    node(l),
                    Text(" "),
                    Text(op),
                    Text(" "),
                    node(r),
                    Text(")"),
                ]);
            }
            Node::Concat(parts) => {
                next.push(Text("("));
                for (i, p) in parts.iter().enumerate() {
                    if i > 0 {
                        next.push(Text(" + "));
                    }
                    next.push(node(p));
                }
                next.push(Text(")"));
            }
        }
    }
}

fn show_attrpath<'a>(next: &mut Vec<Out<'a>>, path: &'a [Name]) {
    for (i, name) in path.iter().enumerate() {
        if i > 0 {
            next.push(Out::Text("."));
        }
        match name {
            Name::Sym(s) => next.push(Out::Id(s)),
            Name::Dyn(e) => next.extend([Out::Text("\"${"), Out::Node(e), Out::Text("}\"")]),
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
