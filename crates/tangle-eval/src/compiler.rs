//! The compiler: rnix syntax tree → bytecode [`Proto`]s.
//!
//! Names are resolved here, once: a variable bound by `let`, `rec`, a lambda
//! or a formal becomes `Local(depth, slot)`; a global (`builtins`, `map`,
//! `true`, ...) becomes a constant; only a name that no lexical scope binds
//! and that sits under a `with` is looked up at run time (`WithVar`).
//! Lexical bindings, including the globals, always win over `with`; an inner
//! `with` wins over an outer one.
//!
//! Laziness is decided here too: an expression in a lazy position (a list
//! element, a binding, an argument) is compiled into its own `Proto` and
//! wrapped in a thunk, unless it is cheap and cannot fail (a literal, a
//! variable), in which case it is pushed directly. A lambda there is a thunk
//! too, as in 2.8 (lazy printing shows it as `<CODE>`).
//!
//! Before any code is generated, a pre-pass (`Compiler::check`) looks for
//! the errors 2.8 raises while parsing (duplicate attributes, duplicate
//! formals, dynamic attributes where none are allowed), so that they come
//! first and in 2.8's order, as its parser would report them.

mod indented;
pub mod show;

use crate::chunk::{DynVar, Formal, Formals, Lambda, Op, Proto};
use crate::error::{Error, ErrorKind, Result};
use crate::source::{Pos, Source};
use crate::symbol::{Known, Symbol};
use crate::value::Value;
use rnix::ast::{self, AstToken, HasEntry, InterpolPart};
use rowan::ast::AstNode;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// What the compiler needs from its surroundings.
pub struct CompileEnv<'a> {
    /// The global scope (built once, never changed afterwards).
    pub globals: &'a HashMap<Symbol, Value>,
    /// Directory relative paths in this source resolve against.
    pub base_dir: &'a str,
    /// `$HOME`, for `~/...` paths.
    pub home: Option<&'a str>,
    /// Names bound around the whole source, in slot order (the scope of
    /// `scopedImport`); the code then runs in an environment holding their
    /// values. Empty for ordinary sources.
    pub outer: &'a [Symbol],
}

enum Scope {
    Names(HashMap<Symbol, u32>),
    With,
}

enum Resolved {
    Local(u32, u32),
    Global(Value),
    With(Vec<u32>),
    Undefined,
}

#[derive(Default)]
struct Builder {
    code: Vec<Op>,
    spans: Vec<u32>,
    consts: Vec<Value>,
    protos: Vec<Rc<Proto>>,
    lambdas: Vec<Rc<Lambda>>,
    layouts: Vec<Rc<[Symbol]>>,
    layout_offsets: Vec<Rc<[u32]>>,
    layout_positions: Vec<Rc<crate::value::AttrPositions>>,
    dyn_vars: Vec<DynVar>,
    syms: Vec<Symbol>,
    /// See `Proto::nested_selects`.
    nested_selects: Vec<u32>,
    /// See `Proto::part_offsets`.
    part_offsets: Vec<(u32, Rc<[u32]>)>,
    /// Code position that a jump lands on (the last one patched): the
    /// instruction before it is not the only way to get there.
    label: usize,
}

/// The name part of an attribute path element.
#[derive(Clone)]
enum Key {
    Static(Symbol),
    Dynamic(ast::Expr, u32),
    /// A string key with interpolation: `"${a}b" = ...`.
    DynamicStr(ast::Str),
}

/// A binding's value before code generation.
enum BindValue {
    Expr(ast::Expr),
    /// A set made from nested keys (`a.b = 1; a.c = 2;`), or a literal set
    /// that nested keys were merged into.
    Attrs(Box<AttrsBody>),
    /// `inherit x;`, and where 2.8 places the lookup of `x` (the start of
    /// the bindings).
    Inherit(Symbol, u32),
    /// `inherit (e) x;`, and where 2.8 places the selection of `x`.
    InheritFrom(ast::Expr, Symbol, u32),
}

/// A statically named binding of a set or `let`.
struct StaticBind {
    name: Symbol,
    value: BindValue,
    /// Source offset of the binding's code.
    off: u32,
    /// Where 2.8 records the definition, which duplicate messages name: the
    /// start of its attribute path, or just after `inherit` / `inherit (e)`.
    def: u32,
}

struct AttrsBody {
    rec: bool,
    /// In source order; add them with [`AttrsBody::push`].
    statics: Vec<StaticBind>,
    /// Index in `statics` by name.
    index: HashMap<Symbol, usize>,
    /// Key, value, the key's offset, and where 2.8 records the definition
    /// (the start of its attribute path).
    dynamics: Vec<(Key, BindValue, u32, u32)>,
    offset: u32,
}

impl AttrsBody {
    fn new(rec: bool, offset: u32) -> AttrsBody {
        AttrsBody {
            rec,
            statics: Vec::new(),
            index: HashMap::new(),
            dynamics: Vec::new(),
            offset,
        }
    }

    fn get(&self, name: Symbol) -> Option<&StaticBind> {
        self.index.get(&name).map(|i| &self.statics[*i])
    }

    fn push(&mut self, b: StaticBind) {
        self.index.insert(b.name, self.statics.len());
        self.statics.push(b);
    }
}

/// Nested expressions deeper than this are refused with an error instead of
/// risking the native stack (the parser has a similar limit).
const MAX_NESTING: usize = 20_000;

/// The most arguments one `CallN` takes (`f a b c d`); a longer chain of
/// applications nests.
const MAX_CALL_ARGS: usize = 4;

pub struct Compiler<'a> {
    env: CompileEnv<'a>,
    source: Rc<Source>,
    scopes: Vec<Scope>,
    builders: Vec<Builder>,
    nesting: usize,
    filling: Filling,
}

/// While a `let` or `rec` stores its slots, one binding after the other in
/// source order: the source offset of the binding being compiled and of
/// every slot's. A binding that is just a sibling's name (`u = t;`) shares
/// that sibling's value, as in Nix, when the sibling is defined (so stored)
/// before it: Nix stores a `let`'s or `rec`'s values in the order the names
/// were first seen and makes a variable whose value is stored already no
/// thunk of its own, so the two names hold the very same value (which `==`
/// on lists and sets holding them can tell).
#[derive(Default)]
struct Filling {
    off: u32,
    offs: Vec<u32>,
}

/// Compile a whole source (a file or an `-E` expression).
pub fn compile(source: Rc<Source>, expr: &ast::Expr, env: CompileEnv<'_>) -> Result<Rc<Proto>> {
    let outer: Vec<Scope> = if env.outer.is_empty() {
        Vec::new()
    } else {
        let names = env
            .outer
            .iter()
            .enumerate()
            .map(|(i, n)| (*n, i as u32))
            .collect();
        vec![Scope::Names(names)]
    };
    let mut c = Compiler {
        env,
        source,
        scopes: outer,
        builders: vec![Builder::default()],
        nesting: 0,
        filling: Filling::default(),
    };
    c.check(expr.syntax())?;
    c.expr(expr, true)?;
    let off = offset(expr.syntax());
    c.emit(Op::Force, off);
    c.emit(Op::Return, off);
    Ok(c.finish())
}

fn offset(node: &rnix::SyntaxNode) -> u32 {
    u32::from(node.text_range().start())
}

/// Where 2.8 places the bindings of a set or `let` (and so the lookups that
/// `inherit` makes): just after the `{` or `let` that opens them.
fn binds_start(node: &rnix::SyntaxNode) -> u32 {
    let want = if node.kind() == rnix::SyntaxKind::NODE_LET_IN {
        rnix::SyntaxKind::TOKEN_LET
    } else {
        rnix::SyntaxKind::TOKEN_L_BRACE
    };
    node.children_with_tokens()
        .filter_map(|t| t.into_token())
        .find(|t| t.kind() == want)
        .map(|t| u32::from(t.text_range().end()))
        .unwrap_or_else(|| offset(node))
}

/// An attribute name as Nix shows it in messages: bare if it is an
/// identifier, quoted otherwise, keywords included (current Nix; 2.8
/// quoted only `if`).
fn show_attr_name(s: &str) -> String {
    if crate::print::error_value::is_var_name(s) {
        s.to_string()
    } else {
        show_string_lit(s)
    }
}

fn show_string_lit(s: &str) -> String {
    let mut out = String::new();
    show::show_string(&mut out, s);
    out
}

/// Lexically normalise an absolute path: collapse `//`, drop `.`, resolve `..`.
pub fn canon_path(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for comp in path.split('/') {
        match comp {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    if parts.is_empty() {
        "/".to_string()
    } else {
        let mut s = String::with_capacity(path.len());
        for p in parts {
            s.push('/');
            s.push_str(p);
        }
        s
    }
}

/// The text of a `"..."` string piece, escapes processed. As in 2.8, a raw
/// CR or CRLF is read as LF (one after a backslash is kept).
pub(crate) fn unescape_normal(raw: &str, out: &mut String) {
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(c) = chars.next() {
                    out.push(unescape_char(c));
                }
            }
            '\r' => {
                out.push('\n');
                chars.next_if_eq(&'\n');
            }
            c => out.push(c),
        }
    }
}

/// The character a backslash escape stands for: `\n`, `\r`, `\t`, or the
/// character itself.
pub(crate) fn unescape_char(c: char) -> char {
    match c {
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        c => c,
    }
}

enum Part {
    Lit(String),
    Interp(ast::Expr),
}

/// The parts of a string literal, escapes processed and (for `''` strings)
/// indentation stripped the way Nix does.
fn string_parts(s: &ast::Str) -> Vec<Part> {
    let indented = s
        .syntax()
        .first_token()
        .map(|t| t.text() == "''")
        .unwrap_or(false);
    let parts = if indented {
        let mut pieces = Vec::new();
        for (i, p) in s.parts().enumerate() {
            match p {
                InterpolPart::Literal(lit) => {
                    let mut raw = lit.syntax().text();
                    if i == 0 {
                        raw = indented::skip_opening_line(raw);
                    }
                    indented::lex(raw, &mut pieces);
                }
                InterpolPart::Interpolation(i) => {
                    if let Some(e) = i.expr() {
                        pieces.push(indented::Piece::Interp(e));
                    }
                }
            }
        }
        indented::strip(pieces)
            .into_iter()
            .map(|p| match p {
                indented::Piece::Text(s, _) => Part::Lit(s),
                indented::Piece::Interp(e) => Part::Interp(e),
            })
            .collect()
    } else {
        let mut parts = Vec::new();
        for p in s.parts() {
            match p {
                InterpolPart::Literal(lit) => {
                    let mut text = String::new();
                    unescape_normal(lit.syntax().text(), &mut text);
                    parts.push(Part::Lit(text));
                }
                InterpolPart::Interpolation(i) => {
                    if let Some(e) = i.expr() {
                        parts.push(Part::Interp(e));
                    }
                }
            }
        }
        parts
    };
    // Merge adjacent literals and drop empty ones.
    let mut out: Vec<Part> = Vec::new();
    for p in parts {
        match p {
            Part::Lit(s) if s.is_empty() => {}
            Part::Lit(s) => {
                if let Some(Part::Lit(prev)) = out.last_mut() {
                    prev.push_str(&s);
                } else {
                    out.push(Part::Lit(s));
                }
            }
            other => out.push(other),
        }
    }
    out
}

impl<'a> Compiler<'a> {
    fn b(&mut self) -> &mut Builder {
        // The builder stack is never empty: `compile` starts it with one and
        // every push is paired with a pop in `finish`.
        self.builders
            .last_mut()
            .expect("builder stack is never empty")
    }

    fn emit(&mut self, op: Op, off: u32) -> usize {
        let b = self.b();
        if let Op::Force = op {
            // The value on top is already in WHNF if the previous
            // instruction always produces one and no jump lands here.
            let whnf = b.label != b.code.len()
                && match b.code.last() {
                    Some(Op::Const(i)) => !matches!(b.consts[*i as usize], Value::Thunk(_)),
                    Some(
                        Op::Call
                        | Op::CallN(_)
                        | Op::Force
                        | Op::LocalForce(..)
                        | Op::Closure(_)
                        | Op::Not
                        | Op::Negate
                        | Op::Add
                        | Op::Sub
                        | Op::Mul
                        | Op::Div
                        | Op::Less
                        | Op::LessEq
                        | Op::Greater
                        | Op::GreaterEq
                        | Op::Equal
                        | Op::NotEqual
                        | Op::Concat
                        | Op::Update
                        | Op::HasAttr(_)
                        | Op::HasAttrDyn
                        | Op::List(_)
                        | Op::ConstList(_)
                        | Op::Attrs(..)
                        | Op::RecAttrs(..)
                        | Op::Interpolate(_)
                        | Op::InterpolatePath(_),
                    ) => true,
                    _ => false,
                };
            if whnf {
                return b.code.len() - 1;
            }
            if b.label != b.code.len() {
                if let Some(Op::Local(d, s)) = b.code.last().copied() {
                    let last = b.code.len() - 1;
                    b.code[last] = Op::LocalForce(d, s);
                    return last;
                }
            }
        }
        b.code.push(op);
        b.spans.push(off);
        b.code.len() - 1
    }

    fn here(&mut self) -> u32 {
        self.b().code.len() as u32
    }

    fn patch(&mut self, at: usize) {
        let target = self.here();
        let b = self.b();
        b.label = target as usize;
        b.code[at] = match b.code[at] {
            Op::Jump(_) => Op::Jump(target),
            Op::JumpIfFalse(_) => Op::JumpIfFalse(target),
            Op::JumpIfTrue(_) => Op::JumpIfTrue(target),
            Op::SelectOr(s, _) => Op::SelectOr(s, target),
            Op::SelectDynOr(_) => Op::SelectDynOr(target),
            other => other,
        };
    }

    fn constant(&mut self, v: Value) -> u32 {
        let b = self.b();
        b.consts.push(v);
        (b.consts.len() - 1) as u32
    }

    fn sym_const(&mut self, s: Symbol) -> u32 {
        let b = self.b();
        b.syms.push(s);
        (b.syms.len() - 1) as u32
    }

    fn push_const(&mut self, v: Value, off: u32) {
        let i = self.constant(v);
        self.emit(Op::Const(i), off);
    }

    fn finish(&mut self) -> Rc<Proto> {
        let b = self.builders.pop().expect("builder stack is never empty");
        let inline = crate::vm::inline::is_inline(&b.code, &b.consts);
        let returns_lambda = match b.code[..] {
            [Op::Closure(i), Op::Return] => Some(i),
            _ => None,
        };
        Rc::new(Proto {
            inline,
            returns_lambda,
            traced: std::cell::Cell::new(0),
            code: b.code,
            spans: b.spans,
            source: self.source.clone(),
            consts: b.consts,
            protos: b.protos,
            lambdas: b.lambdas,
            layouts: b.layouts,
            layout_offsets: b.layout_offsets,
            layout_positions: b.layout_positions,
            dyn_vars: b.dyn_vars,
            syms: b.syms,
            nested_selects: b.nested_selects,
            part_offsets: b.part_offsets,
        })
    }

    fn err(&self, off: u32, kind: ErrorKind, msg: impl Into<String>) -> Error {
        Error::new(kind, msg).at(Some(Pos {
            source: self.source.clone(),
            offset: off,
        }))
    }

    fn resolve(&self, name: Symbol, skip: usize) -> Resolved {
        let mut withs = Vec::new();
        for (i, scope) in self.scopes.iter().rev().enumerate().skip(skip) {
            // Environment depth: one hop per enclosing scope.
            let depth = i as u32;
            match scope {
                Scope::Names(m) => {
                    if let Some(slot) = m.get(&name) {
                        return Resolved::Local(depth, *slot);
                    }
                }
                Scope::With => withs.push(depth),
            }
        }
        if let Some(v) = self.env.globals.get(&name) {
            return Resolved::Global(*v);
        }
        if !withs.is_empty() {
            return Resolved::With(withs);
        }
        Resolved::Undefined
    }

    /// Push a variable's value (not forced). `skip` innermost scopes are not
    /// searched (for `inherit x;` inside `let`/`rec`).
    fn variable(&mut self, name: Symbol, skip: usize, off: u32) -> Result<()> {
        match self.resolve(name, skip) {
            Resolved::Local(d, s) => {
                self.emit(Op::Local(d, s), off);
            }
            Resolved::Global(v) => self.push_const(v, off),
            Resolved::With(depths) => {
                let b = self.b();
                b.dyn_vars.push(DynVar {
                    name,
                    with_depths: depths.into_boxed_slice(),
                });
                let i = (b.dyn_vars.len() - 1) as u32;
                self.emit(Op::WithVar(i), off);
            }
            Resolved::Undefined => {
                return Err(self.err(
                    off,
                    ErrorKind::Eval,
                    format!("undefined variable '{}'", name),
                ))
            }
        }
        Ok(())
    }

    /// Compile `body` into a separate proto (a thunk body) and return it.
    fn sub_proto(&mut self, f: impl FnOnce(&mut Self) -> Result<u32>) -> Result<Rc<Proto>> {
        self.builders.push(Builder::default());
        let res = f(self);
        match res {
            Ok(off) => {
                self.emit(Op::Force, off);
                self.emit(Op::Return, off);
                Ok(self.finish())
            }
            Err(e) => {
                self.builders.pop();
                Err(e)
            }
        }
    }

    fn push_thunk(&mut self, proto: Rc<Proto>, off: u32) {
        let b = self.b();
        b.protos.push(proto);
        let i = (b.protos.len() - 1) as u32;
        self.emit(Op::Thunk(i), off);
    }

    /// Is this expression cheap and unable to fail, so it needs no thunk?
    fn is_cheap(&self, e: &ast::Expr) -> bool {
        match e {
            ast::Expr::Literal(_) => true,
            ast::Expr::Ident(i) => {
                let name = ident_name(i);
                matches!(
                    self.resolve(Symbol::new(&name), 0),
                    Resolved::Local(..) | Resolved::Global(_)
                )
            }
            ast::Expr::Str(s) => s.parts().all(|p| matches!(p, InterpolPart::Literal(_))),
            ast::Expr::Paren(p) => p.expr().map(|e| self.is_cheap(&e)).unwrap_or(false),
            ast::Expr::PathAbs(_) | ast::Expr::PathRel(_) | ast::Expr::PathHome(_) => {
                let p: ast::Path = match ast::Path::cast(e.syntax().clone()) {
                    Some(p) => p,
                    None => return false,
                };
                p.parts()
                    .iter()
                    .all(|p| matches!(p, InterpolPart::Literal(_)))
            }
            _ => false,
        }
    }

    /// A list literal whose items are all constants (`[ "'" ]`, as passed
    /// to `replaceStrings`): its items compiled to one `Const` each from
    /// code index `start` on become one `ConstList` (or, for `[ ]`, one
    /// shared constant). A non-empty list is still a new value each time:
    /// Nix prints a list met twice as `«repeated»`, so sharing one would
    /// show. The list still gets a thunk where it is passed lazily
    /// (`lazy`), as Nix 2.8 prints an unforced list literal as `<CODE>`;
    /// that thunk is computed without a frame (`vm::inline`). Returns
    /// whether it folded.
    fn fold_constant_list(&mut self, start: usize, n: usize, off: u32) -> bool {
        let b = self.b();
        if b.code.len() - start != n {
            return false;
        }
        let items: Option<Vec<Value>> = b.code[start..]
            .iter()
            .map(|op| match op {
                Op::Const(i) => b.consts.get(*i as usize).cloned(),
                _ => None,
            })
            .collect();
        let Some(items) = items else {
            return false;
        };
        b.code.truncate(start);
        b.spans.truncate(start);
        if items.is_empty() {
            self.push_const(Value::list(items), off);
        } else {
            let i = self.constant(Value::list(items));
            self.emit(Op::ConstList(i), off);
        }
        true
    }

    /// Push an expression's value lazily: directly if cheap, else as a thunk.
    fn lazy(&mut self, e: &ast::Expr) -> Result<()> {
        if self.is_cheap(e) {
            return self.expr(e, false);
        }
        let off = offset(e.syntax());
        let e2 = e.clone();
        let proto = self.sub_proto(|c| {
            c.expr(&e2, true)?;
            Ok(off)
        })?;
        self.push_thunk(proto, off);
        Ok(())
    }

    fn expr(&mut self, e: &ast::Expr, tail: bool) -> Result<()> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(self.err(
                offset(e.syntax()),
                ErrorKind::Parse,
                "expression is nested too deeply",
            ));
        }
        let r = self.expr_inner(e, tail);
        self.nesting -= 1;
        r
    }

    fn expr_inner(&mut self, e: &ast::Expr, tail: bool) -> Result<()> {
        let off = offset(e.syntax());
        match e {
            ast::Expr::Literal(l) => {
                let v = match l.kind() {
                    ast::LiteralKind::Integer(i) => match i.value() {
                        Ok(v) => Value::Int(v),
                        Err(_) => {
                            return Err(self.err(
                                off,
                                ErrorKind::Parse,
                                format!("invalid integer '{}'", i.syntax().text()),
                            ))
                        }
                    },
                    ast::LiteralKind::Float(f) => match f.value() {
                        Ok(v) => Value::Float(v),
                        Err(_) => {
                            return Err(self.err(
                                off,
                                ErrorKind::Parse,
                                format!("invalid float '{}'", f.syntax().text()),
                            ))
                        }
                    },
                    ast::LiteralKind::Uri(u) => Value::string(u.syntax().text()),
                };
                self.push_const(v, off);
            }
            ast::Expr::Ident(i) if ident_name(i) == "__curPos" => {
                // Nix's parser turns `__curPos` into its own position,
                // whatever is in scope.
                let (line, col) = self.source.line_col(off);
                let pos = crate::value::Attrs::from_unsorted(vec![
                    (Symbol::new("column"), Value::Int(col as i64)),
                    (
                        Symbol::new("file"),
                        Value::string(self.source.name.as_str()),
                    ),
                    (Symbol::new("line"), Value::Int(line as i64)),
                ]);
                self.push_const(Value::attrs(pos), off);
            }
            ast::Expr::Ident(i) => {
                let name = Symbol::new(&ident_name(i));
                self.variable(name, 0, off)?;
            }
            ast::Expr::Str(s) => self.string(s, off)?,
            ast::Expr::PathAbs(_) | ast::Expr::PathRel(_) | ast::Expr::PathHome(_) => {
                let p = ast::Path::cast(e.syntax().clone())
                    .ok_or_else(|| self.err(off, ErrorKind::Parse, "malformed path"))?;
                self.path(&p, off)?;
            }
            ast::Expr::PathSearch(p) => {
                let text = p
                    .content()
                    .map(|c| c.text().to_string())
                    .unwrap_or_default();
                let name = text
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_string();
                // `<name>` means `__findFile __nixPath "name"`, looked up in scope.
                self.variable(Symbol::new("__findFile"), 0, off)?;
                self.emit(Op::Force, off);
                self.variable(Symbol::new("__nixPath"), 0, off)?;
                self.emit(Op::Call, off);
                self.push_const(Value::string(name), off);
                self.emit(Op::Call, off);
            }
            ast::Expr::Paren(p) => {
                let inner = self.child(p.expr(), off)?;
                self.expr(&inner, tail)?;
            }
            ast::Expr::Root(r) => {
                let inner = self.child(r.expr(), off)?;
                self.expr(&inner, tail)?;
            }
            ast::Expr::Lambda(l) => self.lambda(l, None)?,
            ast::Expr::Apply(a) => {
                // `f a b c` is `((f a) b) c`: the function, then every
                // argument (pushing an argument has no effects, so the
                // order is unchanged), then one `CallN`. The inner
                // applications start at the same offset, so errors point
                // at the same place either way. A parenthesised `(f a) b`
                // keeps its own call.
                let mut args = vec![self.child(a.argument(), off)?];
                let mut f = self.child(a.lambda(), off)?;
                while args.len() < MAX_CALL_ARGS {
                    let ast::Expr::Apply(inner) = &f else { break };
                    let arg = self.child(inner.argument(), off)?;
                    let g = self.child(inner.lambda(), off)?;
                    args.push(arg);
                    f = g;
                }
                self.expr(&f, false)?;
                self.emit(Op::Force, off);
                for arg in args.iter().rev() {
                    self.lazy(arg)?;
                }
                let n = args.len() as u8;
                let op = match (n, tail) {
                    (1, false) => Op::Call,
                    (1, true) => Op::TailCall,
                    (n, false) => Op::CallN(n),
                    (n, true) => Op::TailCallN(n),
                };
                self.emit(op, off);
            }
            ast::Expr::List(l) => {
                let start = self.b().code.len();
                let mut n = 0;
                for item in l.items() {
                    self.lazy(&item)?;
                    n += 1;
                }
                if !self.fold_constant_list(start, n as usize, off) {
                    self.emit(Op::List(n), off);
                }
            }
            ast::Expr::IfElse(i) => {
                let cond = self.child(i.condition(), off)?;
                let then = self.child(i.body(), off)?;
                let els = self.child(i.else_body(), off)?;
                self.expr(&cond, false)?;
                self.emit(Op::Force, offset(cond.syntax()));
                let j = self.emit(Op::JumpIfFalse(0), offset(cond.syntax()));
                self.expr(&then, tail)?;
                let j2 = self.emit(Op::Jump(0), off);
                self.patch(j);
                self.expr(&els, tail)?;
                self.patch(j2);
            }
            ast::Expr::Assert(a) => {
                let cond = self.child(a.condition(), off)?;
                let body = self.child(a.body(), off)?;
                self.expr(&cond, false)?;
                self.emit(Op::Force, off);
                let text =
                    show::show_expr_with_paths(&cond, Some(self.env.base_dir), self.env.home);
                let i = self.constant(Value::string(text));
                self.emit(Op::Assert(i), off);
                self.expr(&body, tail)?;
            }
            ast::Expr::With(w) => {
                let ns = self.child(w.namespace(), off)?;
                let body = self.child(w.body(), off)?;
                self.lazy(&ns)?;
                self.emit(Op::PushWith, off);
                self.scopes.push(Scope::With);
                let r = self.expr(&body, tail);
                self.scopes.pop();
                r?;
                self.emit(Op::PopEnv, off);
            }
            ast::Expr::UnaryOp(u) => {
                let inner = self.child(u.expr(), off)?;
                match u.operator() {
                    Some(ast::UnaryOpKind::Invert) => {
                        self.expr(&inner, false)?;
                        self.emit(Op::Force, off);
                        self.emit(Op::Not, off);
                    }
                    Some(ast::UnaryOpKind::Negate)
                        if !matches!(
                            self.resolve(Symbol::new("__sub"), 0),
                            Resolved::Global(_)
                        ) =>
                    {
                        // `-e` is `__sub 0 e`, and a user binding of `__sub` wins.
                        self.variable(Symbol::new("__sub"), 0, off)?;
                        self.emit(Op::Force, off);
                        self.push_const(Value::Int(0), off);
                        self.emit(Op::Call, off);
                        self.emit(Op::Force, off);
                        self.lazy(&inner)?;
                        self.emit(Op::Call, off);
                    }
                    Some(ast::UnaryOpKind::Negate) => {
                        self.expr(&inner, false)?;
                        self.emit(Op::Force, off);
                        self.emit(Op::Negate, off);
                    }
                    None => return Err(self.err(off, ErrorKind::Parse, "unknown operator")),
                }
            }
            ast::Expr::BinOp(b) => self.binop(b, off, tail)?,
            ast::Expr::Select(s) => self.select(s, off)?,
            ast::Expr::HasAttr(h) => self.has_attr(h, off)?,
            ast::Expr::AttrSet(s) => {
                let body = self.set_body(s, false)?;
                self.attrs(&body, false)?;
            }
            ast::Expr::LetIn(l) => {
                let body =
                    self.attrs_body(l.entries(), true, off, binds_start(l.syntax()), false)?;
                let inner = self.child(l.body(), off)?;
                self.let_in(body, &inner, tail)?;
            }
            ast::Expr::LegacyLet(l) => {
                // `let { ...; body = e; }` is `rec { ...; body = e; }.body`.
                let body =
                    self.attrs_body(l.entries(), true, off, binds_start(l.syntax()), false)?;
                self.attrs(&body, false)?;
                self.emit(Op::Force, off);
                let s = self.sym_const(Symbol::new("body"));
                self.emit(Op::Select(s), off);
            }
            ast::Expr::CurPos(_) => {
                let (line, col) = self.source.line_col(off);
                let attrs = crate::value::Attrs::from_unsorted(vec![
                    (Symbol::new("file"), Value::string(self.source.name.clone())),
                    (Symbol::new("line"), Value::Int(line as i64)),
                    (Symbol::new("column"), Value::Int(col as i64)),
                ]);
                self.push_const(Value::attrs(attrs), off);
            }
            ast::Expr::Error(_) => {
                return Err(self.err(off, ErrorKind::Parse, "syntax error"));
            }
        }
        Ok(())
    }

    fn child<T>(&self, c: Option<T>, off: u32) -> Result<T> {
        c.ok_or_else(|| self.err(off, ErrorKind::Parse, "syntax error, incomplete expression"))
    }

    fn string(&mut self, s: &ast::Str, off: u32) -> Result<()> {
        let parts = string_parts(s);
        match parts.as_slice() {
            [] => self.push_const(Value::string(""), off),
            [Part::Lit(l)] => self.push_const(Value::string(l.as_str()), off),
            _ => {
                let n = parts.len() as u32;
                // Where each part starts: an interpolation at its `${`
                // (where Nix reports a value that cannot be coerced).
                let mut starts = Vec::with_capacity(parts.len());
                for p in parts {
                    match p {
                        Part::Lit(l) => {
                            starts.push(off);
                            self.push_const(Value::string(l), off)
                        }
                        Part::Interp(e) => {
                            let o = offset(e.syntax());
                            starts.push(e.syntax().parent().map_or(o, |p| offset(&p)));
                            self.expr(&e, false)?;
                            self.emit(Op::Force, o);
                        }
                    }
                }
                let at = self.emit(Op::Interpolate(n), off);
                self.b().part_offsets.push((at as u32, starts.into()));
            }
        }
        Ok(())
    }

    fn path(&mut self, p: &ast::Path, off: u32) -> Result<()> {
        let parts = p.parts();
        let mut first = true;
        let mut n = 0;
        let mut literal_only = true;
        let mut prefix = String::new();
        for part in &parts {
            if let InterpolPart::Interpolation(_) = part {
                literal_only = false;
            }
        }
        for part in parts {
            match part {
                InterpolPart::Literal(l) => {
                    let mut text = l.text().to_string();
                    if first {
                        text = self.resolve_path_start(&text, off)?;
                    }
                    if literal_only {
                        prefix.push_str(&text);
                    } else {
                        self.push_const(Value::string(text), off);
                        n += 1;
                    }
                }
                InterpolPart::Interpolation(i) => {
                    let e = self.child(i.expr(), off)?;
                    self.expr(&e, false)?;
                    self.emit(Op::Force, offset(e.syntax()));
                    n += 1;
                }
            }
            first = false;
        }
        if literal_only {
            if prefix.len() > 1 && prefix.ends_with('/') {
                return Err(self.err(
                    off,
                    ErrorKind::Parse,
                    format!("path '{}' has a trailing slash", prefix),
                ));
            }
            self.push_const(Value::path(canon_path(&prefix)), off);
        } else {
            self.emit(Op::InterpolatePath(n), off);
        }
        Ok(())
    }

    /// Make the first literal piece of a path absolute.
    fn resolve_path_start(&self, text: &str, off: u32) -> Result<String> {
        if let Some(rest) = text.strip_prefix('~') {
            let home = self.env.home.ok_or_else(|| {
                self.err(off, ErrorKind::Eval, "cannot resolve '~': $HOME is not set")
            })?;
            Ok(format!("{}{}", home, rest))
        } else if text.starts_with('/') {
            Ok(text.to_string())
        } else {
            Ok(format!("{}/{}", self.env.base_dir, text))
        }
    }

    fn binop(&mut self, b: &ast::BinOp, off: u32, tail: bool) -> Result<()> {
        use ast::BinOpKind as K;
        let lhs = self.child(b.lhs(), off)?;
        let rhs = self.child(b.rhs(), off)?;
        let kind = b
            .operator()
            .ok_or_else(|| self.err(off, ErrorKind::Parse, "unknown operator"))?;
        match kind {
            K::And | K::Or | K::Implication => {
                self.expr(&lhs, false)?;
                self.emit(Op::Force, off);
                let j = match kind {
                    K::Or => self.emit(Op::JumpIfTrue(0), off),
                    _ => self.emit(Op::JumpIfFalse(0), off),
                };
                self.expr(&rhs, false)?;
                self.emit(Op::Force, off);
                self.emit(Op::AssertBool, off);
                let j2 = self.emit(Op::Jump(0), off);
                self.patch(j);
                self.push_const(Value::Bool(!matches!(kind, K::And)), off);
                self.patch(j2);
            }
            K::PipeRight | K::PipeLeft => {
                let (f, arg) = if kind == K::PipeRight {
                    (rhs, lhs)
                } else {
                    (lhs, rhs)
                };
                self.expr(&f, false)?;
                self.emit(Op::Force, off);
                self.lazy(&arg)?;
                self.emit(if tail { Op::TailCall } else { Op::Call }, off);
            }
            K::Equal | K::NotEqual => {
                self.expr(&lhs, false)?;
                self.expr(&rhs, false)?;
                self.emit(
                    if kind == K::Equal {
                        Op::Equal
                    } else {
                        Op::NotEqual
                    },
                    off,
                );
            }
            _ => {
                self.expr(&lhs, false)?;
                self.emit(Op::Force, off);
                self.expr(&rhs, false)?;
                self.emit(Op::Force, off);
                let op = match kind {
                    K::Add => Op::Add,
                    K::Sub => Op::Sub,
                    K::Mul => Op::Mul,
                    K::Div => Op::Div,
                    K::Less => Op::Less,
                    K::LessOrEq => Op::LessEq,
                    K::More => Op::Greater,
                    K::MoreOrEq => Op::GreaterEq,
                    K::Concat => Op::Concat,
                    K::Update => Op::Update,
                    _ => unreachable!("handled above"),
                };
                let at = self.emit(op, off);
                if kind == K::Add {
                    // Nix reports an operand of `+` that cannot be added or
                    // coerced where that operand starts.
                    let starts = [off, offset(rhs.syntax())];
                    self.b().part_offsets.push((at as u32, starts.into()));
                }
            }
        }
        Ok(())
    }

    fn key(&mut self, attr: ast::Attr) -> Result<Key> {
        let off = offset(attr.syntax());
        Ok(match attr {
            ast::Attr::Ident(i) => Key::Static(Symbol::new(&ident_name(&i))),
            ast::Attr::Str(s) => {
                let parts = string_parts(&s);
                match parts.as_slice() {
                    [] => Key::Static(Symbol::new("")),
                    [Part::Lit(l)] => Key::Static(Symbol::new(l)),
                    _ => Key::DynamicStr(s),
                }
            }
            ast::Attr::Dynamic(d) => {
                let e = self.child(d.expr(), off)?;
                // `${"literal"}` is a static key.
                if let ast::Expr::Str(s) = &e {
                    let parts = string_parts(s);
                    match parts.as_slice() {
                        [] => return Ok(Key::Static(Symbol::new(""))),
                        [Part::Lit(l)] => return Ok(Key::Static(Symbol::new(l))),
                        _ => {}
                    }
                }
                Key::Dynamic(e, off)
            }
        })
    }

    /// Push a dynamic key's name (forced).
    fn dyn_key(&mut self, key: &Key) -> Result<()> {
        match key {
            Key::Static(s) => {
                let s = *s;
                self.push_const(Value::string(s.as_str()), 0)
            }
            Key::Dynamic(e, off) => {
                self.expr(e, false)?;
                self.emit(Op::Force, *off);
            }
            Key::DynamicStr(s) => {
                let off = offset(s.syntax());
                self.string(s, off)?;
                self.emit(Op::Force, off);
            }
        }
        Ok(())
    }

    fn select(&mut self, s: &ast::Select, off: u32) -> Result<()> {
        let e = self.child(s.expr(), off)?;
        let path = self.child(s.attrpath(), off)?;
        let keys: Vec<ast::Attr> = path.attrs().collect();
        self.expr(&e, false)?;
        let default = s.default_expr();
        let mut jumps = Vec::new();
        let n = keys.len();
        for (i, attr) in keys.into_iter().enumerate() {
            // Nix reports a missing attribute or a value that is not a set
            // at the whole selection (`s.a.b`), not at the attribute.
            let aoff = off;
            self.emit(Op::Force, aoff);
            let key = self.key(attr)?;
            match (&key, default.is_some()) {
                (Key::Static(sym), false) => {
                    let c = self.sym_const(*sym);
                    let at = self.emit(Op::Select(c), aoff);
                    if i > 0 {
                        self.b().nested_selects.push(at as u32);
                    }
                }
                (Key::Static(sym), true) => {
                    let c = self.sym_const(*sym);
                    jumps.push(self.emit(Op::SelectOr(c, 0), aoff));
                }
                (_, has_default) => {
                    self.dyn_key(&key)?;
                    if has_default {
                        jumps.push(self.emit(Op::SelectDynOr(0), aoff));
                    } else {
                        self.emit(Op::SelectDyn, aoff);
                    }
                }
            }
            let _ = i < n;
        }
        // Like Nix, a selection evaluates the selected value: an error there
        // is reported "while evaluating the attribute".
        self.emit(Op::Force, off);
        if let Some(d) = default {
            let j = self.emit(Op::Jump(0), off);
            for at in jumps {
                self.patch(at);
            }
            self.expr(&d, false)?;
            self.patch(j);
        }
        Ok(())
    }

    fn has_attr(&mut self, h: &ast::HasAttr, off: u32) -> Result<()> {
        let e = self.child(h.expr(), off)?;
        let path = self.child(h.attrpath(), off)?;
        let keys: Vec<ast::Attr> = path.attrs().collect();
        self.expr(&e, false)?;
        let n = keys.len();
        let mut jumps = Vec::new();
        for (i, attr) in keys.into_iter().enumerate() {
            self.emit(Op::Force, off);
            let key = self.key(attr)?;
            let last = i + 1 == n;
            match (&key, last) {
                (Key::Static(sym), true) => {
                    let c = self.sym_const(*sym);
                    self.emit(Op::HasAttr(c), off);
                }
                (_, true) => {
                    self.dyn_key(&key)?;
                    self.emit(Op::HasAttrDyn, off);
                }
                (Key::Static(sym), false) => {
                    let c = self.sym_const(*sym);
                    jumps.push(self.emit(Op::SelectOr(c, 0), off));
                }
                (_, false) => {
                    self.dyn_key(&key)?;
                    jumps.push(self.emit(Op::SelectDynOr(0), off));
                }
            }
        }
        if !jumps.is_empty() {
            let j = self.emit(Op::Jump(0), off);
            for at in jumps {
                self.patch(at);
            }
            self.push_const(Value::Bool(false), off);
            self.patch(j);
        }
        Ok(())
    }

    // ----- bindings -----

    /// The pre-pass for the errors 2.8 raises while parsing, before it
    /// reports any undefined variable: duplicate attributes, dynamic
    /// attributes in `inherit` or `let`, duplicate formals. They are found in
    /// 2.8's order: its parser checks a binding when it reaches the binding's
    /// end (its value first), and a `let` or a lambda after its body.
    fn check(&mut self, node: &rnix::SyntaxNode) -> Result<()> {
        if let Some(e) = ast::Expr::cast(node.clone()) {
            if self.nesting >= MAX_NESTING {
                // Too deep to check here: compiling reports it.
                return Ok(());
            }
            self.nesting += 1;
            let r = self.check_expr(&e);
            self.nesting -= 1;
            return r;
        }
        for c in node.children() {
            self.check(&c)?;
        }
        Ok(())
    }

    fn check_expr(&mut self, e: &ast::Expr) -> Result<()> {
        let off = offset(e.syntax());
        match e {
            ast::Expr::AttrSet(s) => {
                self.set_body(s, true)?;
            }
            ast::Expr::LegacyLet(l) => {
                self.attrs_body(l.entries(), true, off, binds_start(l.syntax()), true)?;
            }
            ast::Expr::LetIn(l) => {
                let body =
                    self.attrs_body(l.entries(), true, off, binds_start(l.syntax()), true)?;
                if let Some(inner) = l.body() {
                    self.check(inner.syntax())?;
                }
                if !body.dynamics.is_empty() {
                    return Err(self.dynamic_in_let(off));
                }
            }
            ast::Expr::Lambda(l) => {
                for c in l.syntax().children() {
                    self.check(&c)?;
                }
                if let Some(ast::Param::Pattern(p)) = l.param() {
                    self.check_formals(&p, off)?;
                }
            }
            _ => {
                for c in e.syntax().children() {
                    self.check(&c)?;
                }
            }
        }
        Ok(())
    }

    fn dynamic_in_let(&self, off: u32) -> Error {
        self.err(
            off,
            ErrorKind::Parse,
            "dynamic attributes not allowed in let",
        )
    }

    /// No name twice in a formals pattern, the `@` name included.
    fn check_formals(&self, p: &ast::Pattern, off: u32) -> Result<()> {
        let mut seen = HashSet::new();
        let dup = |c: &Self, at: u32, sym: Symbol| {
            c.err(
                at,
                ErrorKind::Parse,
                format!("duplicate formal function argument '{}'", sym),
            )
        };
        for e in p.pat_entries() {
            let id = self.child(e.ident(), off)?;
            let sym = Symbol::new(&ident_name(&id));
            if !seen.insert(sym) {
                return Err(dup(self, offset(e.syntax()), sym));
            }
        }
        if let Some(bind) = p.pat_bind() {
            let id = self.child(bind.ident(), off)?;
            let sym = Symbol::new(&ident_name(&id));
            if seen.contains(&sym) {
                return Err(dup(self, off, sym));
            }
        }
        Ok(())
    }

    /// The bindings of a set literal.
    fn set_body(&mut self, s: &ast::AttrSet, check: bool) -> Result<AttrsBody> {
        let rec = s.rec_token().is_some();
        let (off, at) = (offset(s.syntax()), binds_start(s.syntax()));
        self.attrs_body(s.entries(), rec, off, at, check)
    }

    /// Collect the bindings of a set or `let` the way 2.8's parser does,
    /// merging nested keys and rejecting duplicates. `binds_at`: see
    /// [`binds_start`]. With `check` (the pre-pass, [`Compiler::check`]),
    /// each binding's parts are checked before it is added.
    fn attrs_body(
        &mut self,
        entries: impl Iterator<Item = ast::Entry>,
        rec: bool,
        off: u32,
        binds_at: u32,
        check: bool,
    ) -> Result<AttrsBody> {
        let mut body = AttrsBody::new(rec, off);
        for entry in entries {
            match entry {
                ast::Entry::Inherit(inh) => {
                    let from = inh.from();
                    let from_expr = from.as_ref().and_then(|f| f.expr());
                    if let (true, Some(e)) = (check, &from_expr) {
                        self.check(e.syntax())?;
                    }
                    // 2.8 records the names just after `inherit` or `inherit (e)`.
                    let def = match &from {
                        Some(f) => f.r_paren_token(),
                        None => inh.inherit_token(),
                    }
                    .map(|t| u32::from(t.text_range().end()))
                    .unwrap_or_else(|| offset(inh.syntax()));
                    let mut names = Vec::new();
                    for attr in inh.attrs() {
                        if check {
                            self.check(attr.syntax())?;
                        }
                        let aoff = offset(attr.syntax());
                        match self.key(attr)? {
                            Key::Static(s) => names.push((s, aoff)),
                            _ => {
                                return Err(self.err(
                                    aoff,
                                    ErrorKind::Parse,
                                    "dynamic attributes not allowed in inherit",
                                ))
                            }
                        }
                    }
                    for (name, aoff) in names {
                        if let Some(prev) = body.get(name) {
                            return Err(self.dup_error(
                                &show_attr_name(name.as_str()),
                                def,
                                prev.def,
                            ));
                        }
                        let value = match &from_expr {
                            Some(e) => BindValue::InheritFrom(e.clone(), name, binds_at),
                            None => BindValue::Inherit(name, binds_at),
                        };
                        body.push(StaticBind {
                            name,
                            value,
                            off: aoff,
                            def,
                        });
                    }
                }
                ast::Entry::AttrpathValue(apv) => {
                    let aoff = offset(apv.syntax());
                    let path = self.child(apv.attrpath(), aoff)?;
                    let value = self.child(apv.value(), aoff)?;
                    let mut keys = Vec::new();
                    for k in path.attrs() {
                        if check {
                            self.check(k.syntax())?;
                        }
                        let o = offset(k.syntax());
                        keys.push((self.key(k)?, o));
                    }
                    if check {
                        self.check(value.syntax())?;
                    }
                    self.add_path(&mut body, &keys, 0, BindValue::Expr(value), aoff)?;
                }
            }
        }
        Ok(body)
    }

    /// 2.8's "attribute 'NAME' already defined at PREV", raised at `at`.
    fn dup_error(&self, name: &str, at: u32, prev: u32) -> Error {
        let (l, c) = self.source.line_col(prev);
        let file = self.source.name_in_messages();
        self.err(
            at,
            ErrorKind::Parse,
            format!(
                "attribute '{}' already defined at {}:{}:{}",
                name, file, l, c
            ),
        )
    }

    /// An attribute path as 2.8 shows it: `a."b c"."${expr}"`.
    fn show_path(&self, path: &[(Key, u32)]) -> String {
        let mut out = String::new();
        for (i, (k, _)) in path.iter().enumerate() {
            if i > 0 {
                out.push('.');
            }
            let show = |e: &ast::Expr| {
                show::show_expr_with_paths(e, Some(self.env.base_dir), self.env.home)
            };
            let shown = match k {
                Key::Static(s) => {
                    out.push_str(&show_attr_name(s.as_str()));
                    continue;
                }
                Key::Dynamic(e, _) => show(e),
                // 2.8 parses `"a${x}"` into a concatenation `("a" + x)`, even
                // of a single part.
                Key::DynamicStr(s) => {
                    let parts: Vec<String> = string_parts(s)
                        .iter()
                        .map(|p| match p {
                            Part::Lit(l) => show_string_lit(l),
                            Part::Interp(e) => show(e),
                        })
                        .collect();
                    format!("({})", parts.join(" + "))
                }
            };
            out.push_str("\"${");
            out.push_str(&shown);
            out.push_str("}\"");
        }
        out
    }

    /// Add the binding `path = value` (the path starting at offset `pos`) to
    /// a body, from `path[i]` on, as 2.8's parser does (`addAttr`): a name
    /// already bound to a set (a literal or one made from nested keys) is
    /// entered; a set literal bound to a name already bound to a set is
    /// merged into it one level deep (keeping that set's `rec`; the
    /// literal's dynamic attributes come after the set's own, as in current
    /// Nix, where 2.8 loses them); anything else bound twice is an error
    /// naming the whole path and the first definition. Dynamic names are
    /// never merged.
    fn add_path(
        &mut self,
        body: &mut AttrsBody,
        path: &[(Key, u32)],
        i: usize,
        value: BindValue,
        pos: u32,
    ) -> Result<()> {
        let (key, koff) = &path[i];
        let last = i + 1 == path.len();
        let existing = match key {
            Key::Static(name) => body.index.get(name).copied(),
            _ => None,
        };
        let idx = match existing {
            Some(idx) => idx,
            None => {
                let value = if last {
                    value
                } else {
                    let mut inner = AttrsBody::new(false, pos);
                    self.add_path(&mut inner, path, i + 1, value, pos)?;
                    BindValue::Attrs(Box::new(inner))
                };
                match key {
                    Key::Static(name) => body.push(StaticBind {
                        name: *name,
                        value,
                        off: *koff,
                        def: pos,
                    }),
                    k => body.dynamics.push((k.clone(), value, *koff, pos)),
                }
                return Ok(());
            }
        };
        let prev = body.statics[idx].def;
        let new_set = match &value {
            BindValue::Expr(e) if last => unparen_set(e),
            _ => None,
        };
        if last && new_set.is_none() {
            return Err(self.dup_error(&self.show_path(path), pos, prev));
        }
        let inner = match self.as_attrs_body(&mut body.statics[idx].value)? {
            Some(inner) => inner,
            None => return Err(self.dup_error(&self.show_path(path), pos, prev)),
        };
        match new_set {
            None => self.add_path(inner, path, i + 1, value, pos),
            Some(s) => {
                let new_body = self.set_body(&s, false)?;
                for b in new_body.statics {
                    if let Some(old) = inner.get(b.name) {
                        // 2.8 names the new definition here, at the old one.
                        let name = show_attr_name(b.name.as_str());
                        return Err(self.dup_error(&name, old.def, b.def));
                    }
                    inner.push(b);
                }
                // Current Nix keeps them (2.8 drops them): a name defined
                // twice is then an error when the set is made.
                inner.dynamics.extend(new_body.dynamics);
                Ok(())
            }
        }
    }

    /// View a binding as a set body that nested keys can be merged into
    /// (turning a literal set expression into one), if it is one.
    fn as_attrs_body<'b>(&mut self, v: &'b mut BindValue) -> Result<Option<&'b mut AttrsBody>> {
        if let Some(s) = match &*v {
            BindValue::Expr(e) => unparen_set(e),
            _ => None,
        } {
            let body = self.set_body(&s, false)?;
            *v = BindValue::Attrs(Box::new(body));
        }
        match v {
            BindValue::Attrs(b) => Ok(Some(b)),
            _ => Ok(None),
        }
    }

    /// Push a binding's value lazily. `own_scope`: the innermost scope is
    /// the `let`/`rec` being defined, which `inherit x;` must skip.
    /// `filling`: the innermost scope is a `let`/`rec` whose slots are still
    /// being stored (also in a plain set built inline among its bindings), so
    /// reading one of them must be deferred into a thunk.
    fn bind_value(
        &mut self,
        v: &BindValue,
        name: Option<Symbol>,
        own_scope: bool,
        filling: bool,
        off: u32,
    ) -> Result<()> {
        match v {
            BindValue::Expr(e) if unparen_lambda(e).is_some() => {
                // 2.8 allocates a thunk for a bound lambda too (it shows as
                // `<CODE>` when printed lazily), and names the lambda after
                // its binding, parentheses or not.
                let l = unparen_lambda(e).expect("checked above");
                let proto = self.sub_proto(|c| {
                    c.lambda(&l, name)?;
                    Ok(off)
                })?;
                self.push_thunk(proto, off);
                Ok(())
            }
            BindValue::Expr(e) if filling && self.refers_to_own_scope(e) => {
                if self.own_slot(e).is_some_and(|s| self.stored_before(s)) {
                    // Stored already: the very same value (see `Filling`).
                    return self.expr(e, false);
                }
                // A sibling binding may not be stored yet: defer the read.
                let e2 = e.clone();
                let proto = self.sub_proto(|c| {
                    c.expr(&e2, true)?;
                    Ok(off)
                })?;
                self.push_thunk(proto, off);
                Ok(())
            }
            BindValue::Expr(e) => self.lazy(e),
            BindValue::Attrs(body) => {
                // Built inline unless it reads a sibling not stored yet: a
                // thunk then reads the sibling itself, as in Nix (where the
                // set is always a thunk), not a thunk of it.
                if body.dynamics.is_empty() && !body.rec && !(filling && self.reads_unstored(body))
                {
                    self.attrs(body, filling)
                } else {
                    let proto = self.sub_proto(|c| {
                        c.attrs(body, false)?;
                        Ok(off)
                    })?;
                    self.push_thunk(proto, off);
                    Ok(())
                }
            }
            BindValue::Inherit(n, at) => {
                let skip = usize::from(own_scope);
                let resolved = self.resolve(*n, skip);
                let sibling = match resolved {
                    Resolved::Local(0, slot) => Some(slot as usize),
                    _ => None,
                };
                // `inherit x;` in a plain set among a `rec`'s bindings reads
                // the `rec`'s `x`, which may not be stored yet; one found
                // through `with` is looked up only when used.
                if matches!(resolved, Resolved::With(_))
                    || (filling && sibling.is_some_and(|s| !self.stored_before(s)))
                {
                    let (n, at) = (*n, *at);
                    let proto = self.sub_proto(|c| {
                        c.variable(n, skip, at)?;
                        Ok(at)
                    })?;
                    self.push_thunk(proto, off);
                    Ok(())
                } else {
                    self.variable(*n, skip, *at)
                }
            }
            BindValue::InheritFrom(e, n, at) => {
                // `inherit (e) x;` is `x = e.x;`, with `e` evaluated in the
                // scope of the bindings (including a `let`'s or `rec`'s own).
                let (n, at) = (*n, *at);
                let proto = self.sub_proto(|c| {
                    c.expr(e, false)?;
                    c.emit(Op::Force, at);
                    let k = c.sym_const(n);
                    c.emit(Op::Select(k), at);
                    Ok(off)
                })?;
                self.push_thunk(proto, off);
                Ok(())
            }
        }
    }

    /// Is this slot of the `let` or `rec` being filled stored already, and
    /// defined before the binding being compiled? (See [`Filling`].)
    fn stored_before(&self, slot: usize) -> bool {
        let f = &self.filling;
        f.offs.get(slot).is_some_and(|o| *o < f.off)
    }

    /// Does a set built inline among a `let`'s or `rec`'s bindings read one
    /// of them that is not [`stored_before`](Compiler::stored_before)?
    fn reads_unstored(&self, body: &AttrsBody) -> bool {
        let unstored = |slot: Option<usize>| slot.is_some_and(|s| !self.stored_before(s));
        body.statics.iter().any(|b| match &b.value {
            BindValue::Expr(e) => unstored(self.own_slot(e)),
            BindValue::Inherit(n, _) => unstored(match self.resolve(*n, 0) {
                Resolved::Local(0, slot) => Some(slot as usize),
                _ => None,
            }),
            BindValue::Attrs(inner) => {
                inner.dynamics.is_empty() && !inner.rec && self.reads_unstored(inner)
            }
            BindValue::InheritFrom(..) => false,
        })
    }

    fn refers_to_own_scope(&self, e: &ast::Expr) -> bool {
        self.own_slot(e).is_some()
    }

    /// The slot of the innermost scope that `e`, a (parenthesised) name,
    /// refers to.
    fn own_slot(&self, e: &ast::Expr) -> Option<usize> {
        match e {
            ast::Expr::Ident(i) => match self.resolve(Symbol::new(&ident_name(i)), 0) {
                Resolved::Local(0, slot) => Some(slot as usize),
                _ => None,
            },
            ast::Expr::Paren(p) => p.expr().and_then(|e| self.own_slot(&e)),
            _ => None,
        }
    }

    /// Build a (rec or plain) attribute set. `filling`: see
    /// [`Compiler::bind_value`].
    fn attrs(&mut self, body: &AttrsBody, filling: bool) -> Result<()> {
        let off = body.offset;
        let mut statics: Vec<&StaticBind> = body.statics.iter().collect();
        statics.sort_by_key(|b| b.name);
        let layout: Rc<[Symbol]> = statics.iter().map(|s| s.name).collect();
        // Where each attribute is defined, as `unsafeGetAttrPos` and
        // duplicate messages report it.
        let offsets: Rc<[u32]> = statics
            .iter()
            .map(|s| s.def)
            .chain(body.dynamics.iter().map(|(_, _, _, def)| *def))
            .collect();
        let positions = Rc::new(crate::value::AttrPositions::Literal {
            source: self.source.clone(),
            names: layout.clone(),
            offsets: offsets.iter().take(layout.len()).copied().collect(),
        });
        let b = self.b();
        b.layouts.push(layout);
        b.layout_offsets.push(offsets);
        b.layout_positions.push(positions);
        let li = (b.layouts.len() - 1) as u32;
        if body.rec {
            let names: HashMap<Symbol, u32> = statics
                .iter()
                .enumerate()
                .map(|(i, s)| (s.name, i as u32))
                .collect();
            self.emit(Op::PushEnv(statics.len() as u32), off);
            self.scopes.push(Scope::Names(names));
            // With `__overrides` (`vm::overrides`), every slot is a thunk of
            // its own, and no binding shares a sibling's value.
            let overrides = statics
                .iter()
                .position(|b| b.name == Symbol::known(Known::Overrides));
            let offs = match overrides {
                None => statics.iter().map(|b| b.off).collect(),
                Some(_) => Vec::new(),
            };
            let outer = std::mem::replace(&mut self.filling, Filling { off: 0, offs });
            // Slots are in name order; they are stored in source order.
            let mut order: Vec<usize> = (0..statics.len()).collect();
            order.sort_by_key(|i| statics[*i].off);
            let r = (|| -> Result<()> {
                for i in order {
                    let b = statics[i];
                    self.filling.off = b.off;
                    if overrides.is_some() {
                        let proto = self.sub_proto(|c| {
                            c.bind_value(&b.value, Some(b.name), true, false, b.off)?;
                            Ok(b.off)
                        })?;
                        self.push_thunk(proto, b.off);
                    } else {
                        self.bind_value(&b.value, Some(b.name), true, true, b.off)?;
                    }
                    self.emit(Op::Store(i as u32), b.off);
                }
                if let Some(k) = overrides {
                    // Forced before the dynamic attributes' names.
                    self.emit(Op::Local(0, k as u32), off);
                    self.emit(Op::Force, off);
                }
                for (k, v, o, _) in &body.dynamics {
                    self.dyn_key(k)?;
                    self.bind_value(v, None, false, false, *o)?;
                }
                Ok(())
            })();
            self.scopes.pop();
            self.filling = outer;
            r?;
            self.emit(Op::RecAttrs(li, body.dynamics.len() as u32), off);
            self.emit(Op::PopEnv, off);
        } else {
            for b in &statics {
                self.bind_value(&b.value, Some(b.name), false, filling, b.off)?;
            }
            for (k, v, o, _) in &body.dynamics {
                self.dyn_key(k)?;
                self.bind_value(v, None, false, filling, *o)?;
            }
            self.emit(Op::Attrs(li, body.dynamics.len() as u32), off);
        }
        Ok(())
    }

    fn let_in(&mut self, body: AttrsBody, inner: &ast::Expr, tail: bool) -> Result<()> {
        let off = body.offset;
        if !body.dynamics.is_empty() {
            return Err(self.dynamic_in_let(off));
        }
        let names: HashMap<Symbol, u32> = body
            .statics
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name, i as u32))
            .collect();
        self.emit(Op::PushEnv(body.statics.len() as u32), off);
        self.scopes.push(Scope::Names(names));
        let offs = body.statics.iter().map(|b| b.off).collect();
        let outer = std::mem::replace(&mut self.filling, Filling { off: 0, offs });
        let r = (|| -> Result<()> {
            for (i, b) in body.statics.iter().enumerate() {
                self.filling.off = b.off;
                self.bind_value(&b.value, Some(b.name), true, true, b.off)?;
                self.emit(Op::Store(i as u32), b.off);
            }
            self.expr(inner, tail)
        })();
        self.scopes.pop();
        self.filling = outer;
        r?;
        self.emit(Op::PopEnv, off);
        Ok(())
    }

    fn lambda(&mut self, l: &ast::Lambda, name: Option<Symbol>) -> Result<()> {
        let off = offset(l.syntax());
        let param = self.child(l.param(), off)?;
        let body = self.child(l.body(), off)?;
        let mut param_name = None;
        let mut at_name = None;
        let (names, formals, env_size) = match param {
            ast::Param::IdentParam(p) => {
                let id = self.child(p.ident(), off)?;
                let mut m = HashMap::new();
                param_name = Some(Symbol::new(&ident_name(&id)));
                m.insert(Symbol::new(&ident_name(&id)), 0u32);
                (m, None, 1u32)
            }
            ast::Param::Pattern(p) => {
                self.check_formals(&p, off)?;
                let mut entries: Vec<(Symbol, Option<ast::Expr>, u32)> = Vec::new();
                for e in p.pat_entries() {
                    let id = self.child(e.ident(), off)?;
                    let sym = Symbol::new(&ident_name(&id));
                    entries.push((sym, e.default(), offset(e.syntax())));
                }
                entries.sort_by_key(|e| e.0);
                let mut m: HashMap<Symbol, u32> = entries
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (e.0, i as u32))
                    .collect();
                let mut at_slot = None;
                if let Some(bind) = p.pat_bind() {
                    let id = self.child(bind.ident(), off)?;
                    let sym = Symbol::new(&ident_name(&id));
                    at_slot = Some(entries.len() as u32);
                    at_name = Some(sym);
                    m.insert(sym, entries.len() as u32);
                }
                let size = entries.len() as u32 + u32::from(at_slot.is_some());
                (
                    m,
                    Some((entries, p.ellipsis_token().is_some(), at_slot)),
                    size,
                )
            }
        };
        self.scopes.push(Scope::Names(names));
        let r = (|| -> Result<(Rc<Proto>, Option<Formals>)> {
            let formals = match formals {
                None => None,
                Some((entries, ellipsis, at_slot)) => {
                    let mut out = Vec::new();
                    for (name, default, at) in entries {
                        let default = match default {
                            Some(d) => {
                                let doff = offset(d.syntax());
                                Some(self.sub_proto(|c| {
                                    c.expr(&d, true)?;
                                    Ok(doff)
                                })?)
                            }
                            None => None,
                        };
                        out.push(Formal {
                            name,
                            default,
                            offset: at,
                        });
                    }
                    Some(Formals {
                        entries: out,
                        ellipsis,
                        at_slot,
                    })
                }
            };
            let boff = offset(body.syntax());
            let proto = self.sub_proto(|c| {
                // Nix names a curried function's inner lambdas after the
                // binding too (`f = a: { x }: …` reports 'f' for either).
                match (name, unparen_lambda(&body)) {
                    (Some(_), Some(inner)) => {
                        // Counted like any nested expression.
                        c.nesting += 1;
                        if c.nesting > MAX_NESTING {
                            return Err(c.err(
                                boff,
                                ErrorKind::Parse,
                                "expression is nested too deeply",
                            ));
                        }
                        c.lambda(&inner, name)?;
                        c.nesting -= 1;
                    }
                    _ => c.expr(&body, true)?,
                }
                Ok(boff)
            })?;
            Ok((proto, formals))
        })();
        self.scopes.pop();
        let (proto, formals) = r?;
        let lambda = Rc::new(Lambda {
            body: proto,
            formals,
            env_size,
            name,
            offset: off,
            source: self.source.clone(),
            param_name,
            at_name,
        });
        let b = self.b();
        b.lambdas.push(lambda);
        let i = (b.lambdas.len() - 1) as u32;
        self.emit(Op::Closure(i), off);
        Ok(())
    }
}

/// The set literal an expression is, under any parentheses.
fn unparen_set(e: &ast::Expr) -> Option<ast::AttrSet> {
    match e {
        ast::Expr::AttrSet(s) => Some(s.clone()),
        ast::Expr::Paren(p) => p.expr().and_then(|e| unparen_set(&e)),
        _ => None,
    }
}

/// The lambda an expression is, under any parentheses.
fn unparen_lambda(e: &ast::Expr) -> Option<ast::Lambda> {
    match e {
        ast::Expr::Lambda(l) => Some(l.clone()),
        ast::Expr::Paren(p) => p.expr().and_then(|e| unparen_lambda(&e)),
        _ => None,
    }
}

fn ident_name(i: &ast::Ident) -> String {
    i.syntax().text().to_string()
}

#[cfg(test)]
mod tests {
    use crate::chunk::{Op, Proto};
    use std::rc::Rc;

    fn compile_str(text: &str) -> Rc<Proto> {
        let globals = crate::builtins::globals(&[]);
        let source = crate::source::Source::new("«test»".into(), text.into());
        let expr = crate::syntax::parse(&source).expect("parses");
        super::compile(
            source,
            &expr,
            super::CompileEnv {
                outer: &[],
                globals: &globals,
                base_dir: "/base",
                home: Some("/home/u"),
            },
        )
        .expect("compiles")
    }

    /// The ops of the first lambda's body (or of the top level).
    fn body_ops(p: &Proto) -> Vec<Op> {
        match p.lambdas.first() {
            Some(l) => body_ops(&l.body),
            None => p.code.clone(),
        }
    }

    fn has(ops: &[Op], pred: impl Fn(&Op) -> bool) -> bool {
        ops.iter().any(pred)
    }

    /// Does the code read slot `slot` of the environment `depth` hops up?
    fn reads_local(ops: &[Op], depth: u32, slot: u32) -> bool {
        has(
            ops,
            |o| matches!(o, Op::Local(d, s) | Op::LocalForce(d, s) if (*d, *s) == (depth, slot)),
        )
    }

    #[test]
    fn let_binding_is_a_local_slot() {
        let p = compile_str("let a = 1; b = 2; in b");
        assert!(reads_local(&p.code, 0, 1));
    }

    #[test]
    fn captured_variable_counts_environment_hops() {
        // Inside `y: x`, `x` is one environment up.
        let p = compile_str("x: y: x");
        assert!(reads_local(&body_ops(&p), 1, 0));
    }

    #[test]
    fn with_is_only_a_fallback() {
        let p = compile_str("s: with s; x");
        assert!(has(&body_ops(&p), |o| matches!(o, Op::WithVar(_))));
        // A lexical binding wins over `with`.
        let p = compile_str("x: with { x = 2; }; x");
        let ops = body_ops(&p);
        assert!(reads_local(&ops, 1, 0));
        assert!(!has(&ops, |o| matches!(o, Op::WithVar(_))));
    }

    #[test]
    fn globals_are_constants_and_can_be_shadowed() {
        let p = compile_str("with { true = 1; }; true");
        assert!(!has(&p.code, |o| matches!(o, Op::WithVar(_))));
        let p = compile_str("let true = 1; in true");
        assert!(reads_local(&p.code, 0, 0));
    }

    #[test]
    fn inner_with_is_searched_first() {
        let p = compile_str("a: b: with a; with b; z");
        let l = &p.lambdas[0].body.lambdas[0].body;
        let dv = &l.dyn_vars[0];
        assert_eq!(&*dv.with_depths, &[0, 1]);
    }

    #[test]
    fn undefined_variable_is_a_compile_error() {
        let globals = crate::builtins::globals(&[]);
        let source = crate::source::Source::new("«test»".into(), "x: y".into());
        let expr = crate::syntax::parse(&source).unwrap();
        let err = super::compile(
            source,
            &expr,
            super::CompileEnv {
                outer: &[],
                globals: &globals,
                base_dir: "/",
                home: None,
            },
        )
        .err()
        .expect("fails");
        assert_eq!(err.message, "undefined variable 'y'");
    }

    #[test]
    fn cheap_expressions_need_no_thunk() {
        let p = compile_str("let f = 1; in [ 1 \"s\" f ./p (f 1) ]");
        // Only `f 1` becomes a thunk.
        assert_eq!(p.protos.len(), 1);
        // A lambda in a lazy position is a thunk, as in 2.8, and a bound
        // one still carries its binding's name.
        let p = compile_str("let f = x: x; in [ (y: y) ]");
        assert_eq!(p.protos.len(), 2);
        assert!(p.lambdas.is_empty());
        let name = p.protos[0].lambdas[0].name.expect("named");
        assert_eq!(name.as_str(), "f");
    }

    /// The string constant a literal compiles to.
    fn string_const(text: &str) -> String {
        let p = compile_str(text);
        match p.consts.as_slice() {
            [crate::value::Value::String(s)] => s.as_str_lossy().into_owned(),
            _ => panic!("{:?} is not one string constant", text),
        }
    }

    #[test]
    fn indented_strings_follow_2_8() {
        // A CR is text, not a line break (the corpus cannot show this while
        // sources are read with CRs turned into LFs).
        assert_eq!(string_const("''\n  a\r  b\n''"), "a\r  b\n");
        assert_eq!(string_const("''\n  a\r\n  b\r\n''"), "a\r\nb\r\n");
        // In a `"` string a CR or CRLF is a newline.
        assert_eq!(string_const("\"a\r\nb\rc\""), "a\nb\nc");
        // An escape ends a line's indentation; an escaped newline starts one.
        assert_eq!(string_const("''\n    a\n  ''\\ b\n''"), "  a\n b\n");
        assert_eq!(string_const("'' ''\\n ''\\t x''"), "\n\t x");
        assert_eq!(string_const("''''\\n''\\t''\\r''"), "\n\t\r");
    }

    fn compile_err(text: &str) -> String {
        let globals = crate::builtins::globals(&[]);
        let source = crate::source::Source::new("/f.nix".into(), text.into());
        let expr = crate::syntax::parse(&source).expect("parses");
        let env = super::CompileEnv {
            outer: &[],
            globals: &globals,
            base_dir: "/",
            home: None,
        };
        super::compile(source, &expr, env)
            .err()
            .expect("fails")
            .message
            .clone()
    }

    #[test]
    fn duplicate_attributes_are_reported_as_2_8_does() {
        // The whole path of the second definition, at the first one.
        assert_eq!(
            compile_err("{ a = 1; a.b.c = 2; }"),
            "attribute 'a.b.c' already defined at /f.nix:1:3"
        );
        // Merging two set literals: the inner name, at its new definition.
        assert_eq!(
            compile_err("{ a.b.c = 1; a = { b = { d = 2; }; }; }"),
            "attribute 'b' already defined at /f.nix:1:20"
        );
        // An inherited name is defined just after `inherit` or `(e)`.
        assert_eq!(
            compile_err("{ inherit ({ a = 1; })  a; a = 2; }"),
            "attribute 'a' already defined at /f.nix:1:23"
        );
        // 2.8 finds these while parsing, before any undefined variable.
        assert_eq!(
            compile_err("{ a = y; b = { c = 1; c = 2; }; }"),
            "attribute 'c' already defined at /f.nix:1:16"
        );
    }

    #[test]
    fn paths_are_resolved_at_compile_time() {
        let p = compile_str("./a/../b");
        assert!(p
            .consts
            .iter()
            .any(|c| matches!(c, crate::value::Value::Path(p) if p.path == "/base/b")));
    }
}
