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
//! Before any code is generated, a pre-pass (`compiler::check`) looks for
//! the errors 2.8 raises while parsing (duplicate attributes, duplicate
//! formals, dynamic attributes where none are allowed), so that they come
//! first and in 2.8's order, as its parser would report them.
//!
//! Neither pass recurses on the tree: each works through a stack of tasks
//! ([`Task`], `check::Check`) on the heap. Compiling an expression runs
//! what it can at once and plans the rest, in order: its subexpressions
//! (`Task::Expr`), instructions, and what has to follow them
//! (`Task::Then`, a continuation that may plan more). So nesting of any
//! depth compiles on an ordinary thread's stack.

mod check;
mod indented;
pub mod show;

use crate::chunk::{DynVar, Formal, Formals, Lambda, Op, Proto};
use crate::error::{Error, ErrorKind, Result};
use crate::source::{Pos, Source};
use crate::symbol::{Known, Symbol};
use crate::value::Value;
use rnix::ast::{self, AstToken, HasEntry, InterpolPart};
use rowan::ast::AstNode;
use rustc_hash::{FxHashMap, FxHashSet};
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

/// The lexical scopes around the code being compiled, innermost last, with
/// an index from each name to the scopes binding it, so that resolving a
/// name costs the same however deep the nesting.
#[derive(Default)]
struct Scopes {
    /// For each scope: the names it binds (none for a `with`).
    list: Vec<Option<Box<[Symbol]>>>,
    /// For each name: the scopes binding it (outermost first) and its slot.
    names: FxHashMap<Symbol, Vec<(u32, u32)>>,
    /// The `with` scopes, outermost first, and the names of a namespace
    /// that is a set literal with static names ([`literal_names`]).
    withs: Vec<(u32, Option<Rc<FxHashSet<Symbol>>>)>,
}

impl Scopes {
    /// Enter a scope binding these names to these slots.
    fn push_names(&mut self, names: impl Iterator<Item = (Symbol, u32)>) {
        let at = self.list.len() as u32;
        let mut bound = Vec::new();
        for (name, slot) in names {
            self.names.entry(name).or_default().push((at, slot));
            bound.push(name);
        }
        self.list.push(Some(bound.into_boxed_slice()));
    }

    fn push_with(&mut self, names: Option<Rc<FxHashSet<Symbol>>>) {
        self.withs.push((self.list.len() as u32, names));
        self.list.push(None);
    }

    fn pop(&mut self) {
        match self.list.pop() {
            Some(Some(names)) => {
                for n in names.iter() {
                    if let Some(v) = self.names.get_mut(n) {
                        v.pop();
                    }
                }
            }
            Some(None) => {
                self.withs.pop();
            }
            None => {}
        }
    }
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

/// A binding with a dynamic name: its key, value, the key's offset, and
/// where 2.8 records the definition (the start of its attribute path).
type DynamicBind = (Key, BindValue, u32, u32);

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
    index: FxHashMap<Symbol, usize>,
    /// Key, value, the key's offset, and where 2.8 records the definition
    /// (the start of its attribute path).
    dynamics: Vec<DynamicBind>,
    offset: u32,
}

impl AttrsBody {
    fn new(rec: bool, offset: u32) -> AttrsBody {
        AttrsBody {
            rec,
            statics: Vec::new(),
            index: FxHashMap::default(),
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

    /// Bind a name not bound yet (static or dynamic) to a value.
    fn add_new(&mut self, key: &Key, off: u32, value: BindValue, def: u32) {
        match key {
            Key::Static(name) => self.push(StaticBind {
                name: *name,
                value,
                off,
                def,
            }),
            k => self.dynamics.push((k.clone(), value, off, def)),
        }
    }

    /// The static bindings (in source order) and the dynamic ones.
    fn into_parts(mut self) -> (Vec<StaticBind>, Vec<DynamicBind>) {
        (
            std::mem::take(&mut self.statics),
            std::mem::take(&mut self.dynamics),
        )
    }
}

impl Drop for AttrsBody {
    /// Nested keys (`a.b.c… = 1`) make bodies inside bodies, as deep as the
    /// path is long: they are freed one at a time, not recursively.
    fn drop(&mut self) {
        let mut inner: Vec<Box<AttrsBody>> = Vec::new();
        let take = |statics: &mut Vec<StaticBind>,
                    dynamics: &mut Vec<DynamicBind>,
                    into: &mut Vec<Box<AttrsBody>>| {
            let values = statics
                .drain(..)
                .map(|b| b.value)
                .chain(dynamics.drain(..).map(|d| d.1));
            for v in values {
                if let BindValue::Attrs(b) = v {
                    into.push(b);
                }
            }
        };
        take(&mut self.statics, &mut self.dynamics, &mut inner);
        while let Some(mut b) = inner.pop() {
            take(&mut b.statics, &mut b.dynamics, &mut inner);
        }
    }
}

/// The most items of a list planned at once; a longer list's are planned
/// one at a time (`Task::Each`).
const SHORT_LIST: u32 = 16;

/// The most arguments one `CallN` takes (`f a b c d`); a longer chain of
/// applications nests.
const MAX_CALL_ARGS: usize = 4;

pub struct Compiler<'a> {
    env: CompileEnv<'a>,
    source: Rc<Source>,
    scopes: Scopes,
    builders: Vec<Builder>,
    /// What is left to do, the next task last.
    tasks: Vec<Task<'a>>,
    /// What the task being run plans, in order (moved onto `tasks` when it
    /// is done).
    planned: Vec<Task<'a>>,
    /// Bodies finished by `Task::EndProto`, for a lambda to collect.
    done: Vec<Rc<Proto>>,
    /// The `let` or `rec` whose slots are being stored.
    filling: Filling,
    /// Those around it, innermost last.
    fillings: Vec<Filling>,
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

/// What a task leaves to do after what it planned before it (may plan
/// more).
type Continuation<'a> = Box<dyn FnOnce(&mut Compiler<'a>) -> Result<()> + 'a>;

/// A step of compiling (see the module's comment).
enum Task<'a> {
    /// Compile an expression (in tail position or not).
    Expr(ast::Expr, bool),
    /// Push an expression's value lazily ([`Compiler::lazy`]).
    Lazy(ast::Expr),
    /// Push a closure of a lambda (named after its binding, if any).
    Lambda(ast::Lambda, Option<Symbol>),
    /// Push a binding's value ([`Compiler::bind_value`]).
    Bind {
        value: BindValue,
        name: Option<Symbol>,
        own_scope: bool,
        filling: bool,
        off: u32,
    },
    Emit(Op, u32),
    Const(Value, u32),
    /// Push the values of bindings, one at a time.
    Bindings(Box<Bindings>),
    /// Tasks planned one at a time (a list's items, a string's parts):
    /// planning a long sequence at once would hold all of it.
    Each(Box<dyn Iterator<Item = Task<'a>> + 'a>),
    /// The items of a list pushed from code index `start` on: make the
    /// list ([`Compiler::fold_constant_list`], else `List`).
    EndList {
        start: usize,
        n: u32,
        off: u32,
    },
    /// `Add`, for operands starting at these offsets: Nix reports one that
    /// cannot be added or coerced where it starts.
    Add {
        off: u32,
        rhs_off: u32,
    },
    /// The condition of an `if` is pushed: jump over the `then` branch
    /// if false.
    IfThen(Box<Branch>),
    /// The `then` branch is compiled (the jump over it at this index):
    /// jump over the `else` branch.
    IfElse(Box<Branch>, usize),
    /// Select the attribute (a `Select` of a new `syms` entry).
    Select(Symbol, u32),
    /// Point a jump here ([`Compiler::patch`]).
    Patch(usize),
    PopScope,
    /// The slots of the innermost `let` or `rec` are stored
    /// ([`Compiler::unfill`]).
    Unfill,
    /// Start a new body of code.
    BeginProto,
    /// End the body of code started last: it forces and returns its value
    /// (at `force_at`) and is pushed as a thunk (at `at`).
    EndThunk {
        force_at: u32,
        at: u32,
    },
    /// End the body of code started last into [`Compiler::done`].
    EndProto(u32),
    Then(Continuation<'a>),
}

/// The branches of an `if`, the offsets of its condition and of itself.
struct Branch {
    then: ast::Expr,
    els: ast::Expr,
    tail: bool,
    coff: u32,
    off: u32,
}

/// The bindings of a set or `let` whose values are still to be pushed:
/// each static one (stored in its slot in a `let` or `rec`), then each
/// dynamic one (its name, then its value).
struct Bindings {
    /// In the order their values are pushed (source order for a `let` or
    /// `rec`), each with its slot.
    statics: std::vec::IntoIter<(u32, StaticBind)>,
    dynamics: std::vec::IntoIter<DynamicBind>,
    /// Store each static value in its slot (`let` and `rec`), keeping
    /// [`Compiler::filling`] at the binding being compiled.
    store: bool,
    /// Each static value is a thunk of its own (a `rec` with
    /// `__overrides`: `vm::overrides` points those thunks elsewhere).
    own_thunks: bool,
    /// See [`Compiler::bind_value`]: for static and for dynamic bindings.
    own_scope: bool,
    filling: bool,
    dynamic_filling: bool,
}

impl Bindings {
    /// The static bindings of a `let` or `rec` (`slots`: in slot order),
    /// stored in source order.
    fn stored(slots: Vec<StaticBind>, own_thunks: bool) -> Box<Bindings> {
        let mut order: Vec<(u32, StaticBind)> = (0..).zip(slots).collect();
        order.sort_by_key(|(_, b)| b.off);
        Box::new(Bindings {
            statics: order.into_iter(),
            dynamics: Vec::new().into_iter(),
            store: true,
            own_thunks,
            own_scope: true,
            filling: !own_thunks,
            dynamic_filling: false,
        })
    }

    /// Dynamic bindings only (a `rec`'s, after its static ones).
    fn dynamic(dynamics: Vec<DynamicBind>, filling: bool) -> Box<Bindings> {
        Box::new(Bindings {
            statics: Vec::new().into_iter(),
            dynamics: dynamics.into_iter(),
            store: false,
            own_thunks: false,
            own_scope: false,
            filling: false,
            dynamic_filling: filling,
        })
    }
}

/// Compile a whole source (a file or an `-E` expression).
pub fn compile(source: Rc<Source>, expr: &ast::Expr, env: CompileEnv<'_>) -> Result<Rc<Proto>> {
    let mut scopes = Scopes::default();
    if !env.outer.is_empty() {
        scopes.push_names(env.outer.iter().enumerate().map(|(i, n)| (*n, i as u32)));
    }
    let mut c = Compiler {
        env,
        source,
        scopes,
        builders: vec![Builder::default()],
        tasks: Vec::new(),
        planned: Vec::new(),
        done: Vec::new(),
        filling: Filling::default(),
        fillings: Vec::new(),
    };
    c.check(expr.syntax())?;
    c.tasks.push(Task::Expr(expr.clone(), true));
    c.run()?;
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
        let top = self.scopes.list.len();
        // Scopes from `limit` on are skipped.
        let limit = top.saturating_sub(skip) as u32;
        let depth = |scope: u32| top as u32 - 1 - scope;
        if let Some(bound) = self.scopes.names.get(&name) {
            // A scope binds a name once, so at most the last is skipped.
            if let Some((scope, slot)) = bound.iter().rev().find(|(sc, _)| *sc < limit) {
                return Resolved::Local(depth(*scope), *slot);
            }
        }
        if let Some(v) = self.env.globals.get(&name) {
            return Resolved::Global(*v);
        }
        let withs = self.scopes.withs.iter().rev().filter(|(sc, _)| *sc < limit);
        let Some((innermost, _)) = withs.clone().next() else {
            return Resolved::Undefined;
        };
        // A namespace known not to have the name is not searched (it is a
        // set literal: making it has no effects); if none is left, the
        // lookup still fails when run, not now, as in Nix.
        let searched: Vec<u32> = withs
            .filter(|(_, names)| names.as_ref().is_none_or(|n| n.contains(&name)))
            .map(|(sc, _)| depth(*sc))
            .collect();
        if searched.is_empty() {
            return Resolved::With(vec![depth(*innermost)]);
        }
        Resolved::With(searched)
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

    // ----- the task machine -----

    /// Plan a task: it runs after the ones planned before it, once the
    /// current task is done.
    fn plan(&mut self, t: Task<'a>) {
        self.planned.push(t);
    }

    /// Plan a continuation.
    fn then(&mut self, f: impl FnOnce(&mut Compiler<'a>) -> Result<()> + 'a) {
        self.planned.push(Task::Then(Box::new(f)));
    }

    /// Run the tasks until none is left.
    fn run(&mut self) -> Result<()> {
        while let Some(task) = self.tasks.pop() {
            self.step(task)?;
            // The planned tasks come next, in the order planned.
            while let Some(t) = self.planned.pop() {
                self.tasks.push(t);
            }
        }
        Ok(())
    }

    fn step(&mut self, task: Task<'a>) -> Result<()> {
        match task {
            Task::Expr(e, tail) => self.expr(&e, tail)?,
            Task::Lazy(e) => self.lazy(&e)?,
            Task::Lambda(l, name) => self.lambda(&l, name)?,
            Task::Bind {
                value,
                name,
                own_scope,
                filling,
                off,
            } => self.bind_value(value, name, own_scope, filling, off)?,
            Task::Bindings(mut b) => {
                if let Some((slot, s)) = b.statics.next() {
                    if b.store {
                        // The binding's value is compiled next, with this
                        // as the point in source order reached.
                        self.filling.off = s.off;
                    }
                    if b.own_thunks {
                        self.begin_proto();
                    }
                    self.plan(Task::Bind {
                        value: s.value,
                        name: Some(s.name),
                        own_scope: b.own_scope,
                        filling: b.filling,
                        off: s.off,
                    });
                    if b.own_thunks {
                        self.plan(Task::EndThunk {
                            force_at: s.off,
                            at: s.off,
                        });
                    }
                    if b.store {
                        self.plan(Task::Emit(Op::Store(slot), s.off));
                    }
                    self.plan(Task::Bindings(b));
                } else if let Some((k, v, o, _)) = b.dynamics.next() {
                    self.dyn_key(k);
                    self.plan(Task::Bind {
                        value: v,
                        name: None,
                        own_scope: false,
                        filling: b.dynamic_filling,
                        off: o,
                    });
                    self.plan(Task::Bindings(b));
                }
            }
            Task::Each(mut tasks) => {
                if let Some(t) = tasks.next() {
                    self.plan(t);
                    self.plan(Task::Each(tasks));
                }
            }
            Task::Emit(op, off) => {
                self.emit(op, off);
            }
            Task::IfThen(b) => {
                self.emit(Op::Force, b.coff);
                let j = self.emit(Op::JumpIfFalse(0), b.coff);
                self.plan(Task::Expr(b.then.clone(), b.tail));
                self.plan(Task::IfElse(b, j));
            }
            Task::IfElse(b, j) => {
                let j2 = self.emit(Op::Jump(0), b.off);
                self.patch(j);
                let Branch { els, tail, .. } = *b;
                self.plan(Task::Expr(els, tail));
                self.plan(Task::Patch(j2));
            }
            Task::Add { off, rhs_off } => {
                let at = self.emit(Op::Add, off);
                let starts = [off, rhs_off];
                self.b().part_offsets.push((at as u32, starts.into()));
            }
            Task::EndList { start, n, off } => {
                if !self.fold_constant_list(start, n as usize, off) {
                    self.emit(Op::List(n), off);
                }
            }
            Task::Const(v, off) => self.push_const(v, off),
            Task::Select(sym, off) => {
                let k = self.sym_const(sym);
                self.emit(Op::Select(k), off);
            }
            Task::Patch(at) => self.patch(at),
            Task::PopScope => self.scopes.pop(),
            Task::Unfill => self.unfill(),
            Task::BeginProto => self.builders.push(Builder::default()),
            Task::EndThunk { force_at, at } => {
                self.emit(Op::Force, force_at);
                self.emit(Op::Return, force_at);
                let proto = self.finish();
                self.push_thunk(proto, at);
            }
            Task::EndProto(off) => {
                self.emit(Op::Force, off);
                self.emit(Op::Return, off);
                let proto = self.finish();
                self.done.push(proto);
            }
            Task::Then(f) => f(self)?,
        }
        Ok(())
    }

    /// Start a separate body of code (a thunk's): what is planned next
    /// compiles into it, until `Task::EndThunk` or `Task::EndProto`.
    fn begin_proto(&mut self) {
        self.builders.push(Builder::default());
    }

    fn push_thunk(&mut self, proto: Rc<Proto>, off: u32) {
        let b = self.b();
        b.protos.push(proto);
        let i = (b.protos.len() - 1) as u32;
        self.emit(Op::Thunk(i), off);
    }

    /// Is this expression cheap and unable to fail, so it needs no thunk?
    fn is_cheap(&self, e: &ast::Expr) -> bool {
        let e = unparen(e);
        match &e {
            ast::Expr::Literal(_) => true,
            ast::Expr::Ident(i) => {
                let name = ident_name(i);
                matches!(
                    self.resolve(Symbol::new(&name), 0),
                    Resolved::Local(..) | Resolved::Global(_)
                )
            }
            ast::Expr::Str(s) => s.parts().all(|p| matches!(p, InterpolPart::Literal(_))),
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
        self.begin_proto();
        self.plan(Task::Expr(e.clone(), true));
        self.plan(Task::EndThunk {
            force_at: off,
            at: off,
        });
        Ok(())
    }

    /// Compile an expression: what comes first is done now, the rest is
    /// planned.
    fn expr(&mut self, e: &ast::Expr, tail: bool) -> Result<()> {
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
            ast::Expr::Str(s) => self.string(s, off),
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
                self.plan(Task::Expr(inner, tail));
            }
            ast::Expr::Root(r) => {
                let inner = self.child(r.expr(), off)?;
                self.plan(Task::Expr(inner, tail));
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
                let n = args.len() as u8;
                self.plan(Task::Expr(f, false));
                self.plan(Task::Emit(Op::Force, off));
                for arg in args.into_iter().rev() {
                    self.plan(Task::Lazy(arg));
                }
                let op = match (n, tail) {
                    (1, false) => Op::Call,
                    (1, true) => Op::TailCall,
                    (n, false) => Op::CallN(n),
                    (n, true) => Op::TailCallN(n),
                };
                self.plan(Task::Emit(op, off));
            }
            ast::Expr::List(l) => {
                let start = self.b().code.len();
                let n = l.items().count() as u32;
                if n <= SHORT_LIST {
                    for item in l.items() {
                        self.plan(Task::Lazy(item));
                    }
                } else {
                    self.plan(Task::Each(Box::new(l.items().map(Task::Lazy))));
                }
                self.plan(Task::EndList { start, n, off });
            }
            ast::Expr::IfElse(i) => {
                let cond = self.child(i.condition(), off)?;
                let then = self.child(i.body(), off)?;
                let els = self.child(i.else_body(), off)?;
                let coff = offset(cond.syntax());
                self.plan(Task::Expr(cond, false));
                self.plan(Task::IfThen(Box::new(Branch {
                    then,
                    els,
                    tail,
                    coff,
                    off,
                })));
            }
            ast::Expr::Assert(a) => {
                let cond = self.child(a.condition(), off)?;
                let body = self.child(a.body(), off)?;
                self.plan(Task::Expr(cond.clone(), false));
                self.then(move |c| {
                    c.emit(Op::Force, off);
                    let text = show::show_expr_with_paths(&cond, Some(c.env.base_dir), c.env.home);
                    let i = c.constant(Value::string(text));
                    c.emit(Op::Assert(i), off);
                    Ok(())
                });
                self.plan(Task::Expr(body, tail));
            }
            ast::Expr::With(w) => {
                let ns = self.child(w.namespace(), off)?;
                let body = self.child(w.body(), off)?;
                let names = self.literal_names(&ns)?;
                self.plan(Task::Lazy(ns));
                self.then(move |c| {
                    c.emit(Op::PushWith, off);
                    c.scopes.push_with(names);
                    Ok(())
                });
                self.plan(Task::Expr(body, tail));
                self.plan(Task::PopScope);
                self.plan(Task::Emit(Op::PopEnv, off));
            }
            ast::Expr::UnaryOp(u) => {
                let inner = self.child(u.expr(), off)?;
                match u.operator() {
                    Some(ast::UnaryOpKind::Invert) => {
                        self.plan(Task::Expr(inner, false));
                        self.plan(Task::Emit(Op::Force, off));
                        self.plan(Task::Emit(Op::Not, off));
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
                        self.plan(Task::Lazy(inner));
                        self.plan(Task::Emit(Op::Call, off));
                    }
                    Some(ast::UnaryOpKind::Negate) => {
                        self.plan(Task::Expr(inner, false));
                        self.plan(Task::Emit(Op::Force, off));
                        self.plan(Task::Emit(Op::Negate, off));
                    }
                    None => return Err(self.err(off, ErrorKind::Parse, "unknown operator")),
                }
            }
            ast::Expr::BinOp(b) => self.binop(b, off, tail)?,
            ast::Expr::Select(s) => self.select(s, off)?,
            ast::Expr::HasAttr(h) => self.has_attr(h, off)?,
            ast::Expr::AttrSet(s) => {
                let body = self.set_body(s)?;
                self.attrs(body, false);
            }
            ast::Expr::LetIn(l) => {
                let body = self.attrs_body(l.entries(), true, off, binds_start(l.syntax()))?;
                let inner = self.child(l.body(), off)?;
                self.let_in(body, inner, tail)?;
            }
            ast::Expr::LegacyLet(l) => {
                // `let { ...; body = e; }` is `rec { ...; body = e; }.body`.
                let body = self.attrs_body(l.entries(), true, off, binds_start(l.syntax()))?;
                self.attrs(body, false);
                self.plan(Task::Emit(Op::Force, off));
                self.plan(Task::Select(Symbol::new("body"), off));
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

    fn string(&mut self, s: &ast::Str, off: u32) {
        let parts = string_parts(s);
        match parts.as_slice() {
            [] => self.plan(Task::Const(Value::string(""), off)),
            [Part::Lit(l)] => self.plan(Task::Const(Value::string(l.as_str()), off)),
            _ => {
                let n = parts.len() as u32;
                // Where each part starts: an interpolation at its `${`
                // (where Nix reports a value that cannot be coerced).
                let starts: Rc<[u32]> = parts
                    .iter()
                    .map(|p| match p {
                        Part::Lit(_) => off,
                        Part::Interp(e) => {
                            let o = offset(e.syntax());
                            e.syntax().parent().map_or(o, |p| offset(&p))
                        }
                    })
                    .collect();
                let tasks = parts.into_iter().flat_map(move |p| {
                    let (first, then) = match p {
                        Part::Lit(l) => (Task::Const(Value::string(l), off), None),
                        Part::Interp(e) => {
                            let o = offset(e.syntax());
                            (Task::Expr(e, false), Some(Task::Emit(Op::Force, o)))
                        }
                    };
                    std::iter::once(first).chain(then)
                });
                self.plan(Task::Each(Box::new(tasks)));
                self.then(move |c| {
                    let at = c.emit(Op::Interpolate(n), off);
                    c.b().part_offsets.push((at as u32, starts));
                    Ok(())
                });
            }
        }
    }

    fn path(&mut self, p: &ast::Path, off: u32) -> Result<()> {
        let parts = p.parts();
        let mut first = true;
        let mut n = 0;
        let literal_only = parts
            .iter()
            .all(|p| !matches!(p, InterpolPart::Interpolation(_)));
        let mut prefix = String::new();
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
                        self.plan(Task::Const(Value::string(text), off));
                        n += 1;
                    }
                }
                InterpolPart::Interpolation(i) => {
                    let e = self.child(i.expr(), off)?;
                    let o = offset(e.syntax());
                    self.plan(Task::Expr(e, false));
                    self.plan(Task::Emit(Op::Force, o));
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
            self.plan(Task::Emit(Op::InterpolatePath(n), off));
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
                self.plan(Task::Expr(lhs, false));
                self.then(move |c| {
                    c.emit(Op::Force, off);
                    let j = match kind {
                        K::Or => c.emit(Op::JumpIfTrue(0), off),
                        _ => c.emit(Op::JumpIfFalse(0), off),
                    };
                    c.plan(Task::Expr(rhs, false));
                    c.then(move |c| {
                        c.emit(Op::Force, off);
                        c.emit(Op::AssertBool, off);
                        let j2 = c.emit(Op::Jump(0), off);
                        c.patch(j);
                        c.push_const(Value::Bool(!matches!(kind, K::And)), off);
                        c.patch(j2);
                        Ok(())
                    });
                    Ok(())
                });
            }
            K::PipeRight | K::PipeLeft => {
                let (f, arg) = if kind == K::PipeRight {
                    (rhs, lhs)
                } else {
                    (lhs, rhs)
                };
                self.plan(Task::Expr(f, false));
                self.plan(Task::Emit(Op::Force, off));
                self.plan(Task::Lazy(arg));
                self.plan(Task::Emit(if tail { Op::TailCall } else { Op::Call }, off));
            }
            K::Equal | K::NotEqual => {
                self.plan(Task::Expr(lhs, false));
                self.plan(Task::Expr(rhs, false));
                let op = if kind == K::Equal {
                    Op::Equal
                } else {
                    Op::NotEqual
                };
                self.plan(Task::Emit(op, off));
            }
            _ => {
                // Nix computes `a > b` as `b < a` and `a <= b` as
                // `!(b < a)`: the right operand is evaluated first (its
                // error is the one reported), and the comparison runs
                // with the operands swapped.
                let rhs_off = offset(rhs.syntax());
                let (op, first, second) = match kind {
                    K::Add => (Op::Add, lhs, rhs),
                    K::Sub => (Op::Sub, lhs, rhs),
                    K::Mul => (Op::Mul, lhs, rhs),
                    K::Div => (Op::Div, lhs, rhs),
                    K::Less => (Op::Less, lhs, rhs),
                    K::LessOrEq => (Op::GreaterEq, rhs, lhs),
                    K::More => (Op::Less, rhs, lhs),
                    K::MoreOrEq => (Op::GreaterEq, lhs, rhs),
                    K::Concat => (Op::Concat, lhs, rhs),
                    K::Update => (Op::Update, lhs, rhs),
                    _ => unreachable!("handled above"),
                };
                self.plan(Task::Expr(first, false));
                self.plan(Task::Emit(Op::Force, off));
                self.plan(Task::Expr(second, false));
                self.plan(Task::Emit(Op::Force, off));
                if kind == K::Add {
                    self.plan(Task::Add { off, rhs_off });
                } else {
                    self.plan(Task::Emit(op, off));
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

    /// Plan pushing a dynamic key's name (forced).
    fn dyn_key(&mut self, key: Key) {
        match key {
            Key::Static(s) => self.plan(Task::Const(Value::string(s.as_str()), 0)),
            Key::Dynamic(e, off) => {
                self.plan(Task::Expr(e, false));
                self.plan(Task::Emit(Op::Force, off));
            }
            Key::DynamicStr(s) => {
                let off = offset(s.syntax());
                self.string(&s, off);
                self.plan(Task::Emit(Op::Force, off));
            }
        }
    }

    fn select(&mut self, s: &ast::Select, off: u32) -> Result<()> {
        let e = self.child(s.expr(), off)?;
        let path = self.child(s.attrpath(), off)?;
        let keys: Vec<ast::Attr> = path.attrs().collect();
        self.plan(Task::Expr(e, false));
        let default = s.default_expr();
        self.then(move |c| c.select_keys(keys, 0, default, Vec::new(), off));
        Ok(())
    }

    /// The keys of a selection from `keys[i]` on (`jumps`: the `or` jumps
    /// so far).
    fn select_keys(
        &mut self,
        keys: Vec<ast::Attr>,
        mut i: usize,
        default: Option<ast::Expr>,
        mut jumps: Vec<usize>,
        off: u32,
    ) -> Result<()> {
        while i < keys.len() {
            // Nix reports a missing attribute or a value that is not a set
            // at the whole selection (`s.a.b`), not at the attribute.
            self.emit(Op::Force, off);
            let attr = keys[i].clone();
            let key = self.key(attr)?;
            match (key, default.is_some()) {
                (Key::Static(sym), false) => {
                    let k = self.sym_const(sym);
                    let at = self.emit(Op::Select(k), off);
                    if i > 0 {
                        self.b().nested_selects.push(at as u32);
                    }
                }
                (Key::Static(sym), true) => {
                    let k = self.sym_const(sym);
                    jumps.push(self.emit(Op::SelectOr(k, 0), off));
                }
                (key, has_default) => {
                    self.dyn_key(key);
                    self.then(move |c| {
                        if has_default {
                            jumps.push(c.emit(Op::SelectDynOr(0), off));
                        } else {
                            c.emit(Op::SelectDyn, off);
                        }
                        c.select_keys(keys, i + 1, default, jumps, off)
                    });
                    return Ok(());
                }
            }
            i += 1;
        }
        // Like Nix, a selection evaluates the selected value: an error there
        // is reported "while evaluating the attribute".
        self.emit(Op::Force, off);
        if let Some(d) = default {
            let j = self.emit(Op::Jump(0), off);
            for at in jumps {
                self.patch(at);
            }
            self.plan(Task::Expr(d, false));
            self.plan(Task::Patch(j));
        }
        Ok(())
    }

    fn has_attr(&mut self, h: &ast::HasAttr, off: u32) -> Result<()> {
        let e = self.child(h.expr(), off)?;
        let path = self.child(h.attrpath(), off)?;
        let keys: Vec<ast::Attr> = path.attrs().collect();
        self.plan(Task::Expr(e, false));
        self.then(move |c| c.has_attr_keys(keys, 0, Vec::new(), off));
        Ok(())
    }

    /// The keys of `e ? a.b.c` from `keys[i]` on (`jumps`: to the `false`).
    fn has_attr_keys(
        &mut self,
        keys: Vec<ast::Attr>,
        mut i: usize,
        mut jumps: Vec<usize>,
        off: u32,
    ) -> Result<()> {
        let n = keys.len();
        while i < n {
            self.emit(Op::Force, off);
            let attr = keys[i].clone();
            let key = self.key(attr)?;
            let last = i + 1 == n;
            match (key, last) {
                (Key::Static(sym), true) => {
                    let k = self.sym_const(sym);
                    self.emit(Op::HasAttr(k), off);
                }
                (Key::Static(sym), false) => {
                    let k = self.sym_const(sym);
                    jumps.push(self.emit(Op::SelectOr(k, 0), off));
                }
                (key, last) => {
                    self.dyn_key(key);
                    self.then(move |c| {
                        if last {
                            c.emit(Op::HasAttrDyn, off);
                        } else {
                            jumps.push(c.emit(Op::SelectDynOr(0), off));
                        }
                        c.has_attr_keys(keys, i + 1, jumps, off)
                    });
                    return Ok(());
                }
            }
            i += 1;
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
    fn set_body(&mut self, s: &ast::AttrSet) -> Result<AttrsBody> {
        let rec = s.rec_token().is_some();
        let (off, at) = (offset(s.syntax()), binds_start(s.syntax()));
        self.attrs_body(s.entries(), rec, off, at)
    }

    /// Collect the bindings of a set or `let` the way 2.8's parser does,
    /// merging nested keys and rejecting duplicates. `binds_at`: see
    /// [`binds_start`]. (The pre-pass, `compiler::check`, collects them
    /// the same way, checking each binding's parts before adding it.)
    fn attrs_body(
        &mut self,
        entries: impl Iterator<Item = ast::Entry>,
        rec: bool,
        off: u32,
        binds_at: u32,
    ) -> Result<AttrsBody> {
        let mut body = AttrsBody::new(rec, off);
        for entry in entries {
            match entry {
                ast::Entry::Inherit(inh) => {
                    let from = inh.from().and_then(|f| f.expr());
                    let def = inherit_def(&inh);
                    let mut names = Vec::new();
                    for attr in inh.attrs() {
                        names.push(self.inherit_name(attr)?);
                    }
                    self.add_inherited(&mut body, names, from, def, binds_at)?;
                }
                ast::Entry::AttrpathValue(apv) => {
                    let aoff = offset(apv.syntax());
                    let path = self.child(apv.attrpath(), aoff)?;
                    let value = self.child(apv.value(), aoff)?;
                    let mut keys = Vec::new();
                    for k in path.attrs() {
                        let o = offset(k.syntax());
                        keys.push((self.key(k)?, o));
                    }
                    self.add_path(&mut body, &keys, BindValue::Expr(value), aoff)?;
                }
            }
        }
        Ok(body)
    }

    /// A name an `inherit` binds, and where it is.
    fn inherit_name(&mut self, attr: ast::Attr) -> Result<(Symbol, u32)> {
        let aoff = offset(attr.syntax());
        match self.key(attr)? {
            Key::Static(s) => Ok((s, aoff)),
            _ => Err(self.err(
                aoff,
                ErrorKind::Parse,
                "dynamic attributes not allowed in inherit",
            )),
        }
    }

    /// Add the names of one `inherit` (from `from`, if given) to a body.
    fn add_inherited(
        &mut self,
        body: &mut AttrsBody,
        names: Vec<(Symbol, u32)>,
        from: Option<ast::Expr>,
        def: u32,
        binds_at: u32,
    ) -> Result<()> {
        for (name, aoff) in names {
            if let Some(prev) = body.get(name) {
                return Err(self.dup_error(&show_attr_name(name.as_str()), def, prev.def));
            }
            let value = match &from {
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
        Ok(())
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

    /// Add the binding `path = value` (the path starting at offset `pos`)
    /// to a body, as 2.8's parser does (`addAttr`): a name already bound to
    /// a set (a literal or one made from nested keys) is entered; a set
    /// literal bound to a name already bound to a set is merged into it one
    /// level deep (keeping that set's `rec`; the literal's dynamic
    /// attributes come after the set's own, as in current Nix, where 2.8
    /// loses them); anything else bound twice is an error naming the whole
    /// path and the first definition. Dynamic names are never merged.
    fn add_path(
        &mut self,
        body: &mut AttrsBody,
        path: &[(Key, u32)],
        value: BindValue,
        pos: u32,
    ) -> Result<()> {
        let mut body = body;
        let mut i = 0;
        loop {
            let (key, koff) = &path[i];
            let last = i + 1 == path.len();
            let existing = match key {
                Key::Static(name) => body.index.get(name).copied(),
                _ => None,
            };
            let Some(idx) = existing else {
                // A new name: the rest of the path becomes nested sets,
                // made from the inside out.
                let mut value = value;
                for (k, o) in path[i + 1..].iter().rev() {
                    let mut inner = AttrsBody::new(false, pos);
                    inner.add_new(k, *o, value, pos);
                    value = BindValue::Attrs(Box::new(inner));
                }
                body.add_new(key, *koff, value, pos);
                return Ok(());
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
            let Some(s) = new_set else {
                body = inner;
                i += 1;
                continue;
            };
            let (statics, dynamics) = self.set_body(&s)?.into_parts();
            for b in statics {
                if let Some(old) = inner.get(b.name) {
                    // 2.8 names the new definition here, at the old one.
                    let name = show_attr_name(b.name.as_str());
                    return Err(self.dup_error(&name, old.def, b.def));
                }
                inner.push(b);
            }
            // Current Nix keeps them (2.8 drops them): a name defined
            // twice is then an error when the set is made.
            inner.dynamics.extend(dynamics);
            return Ok(());
        }
    }

    /// View a binding as a set body that nested keys can be merged into
    /// (turning a literal set expression into one), if it is one.
    fn as_attrs_body<'b>(&mut self, v: &'b mut BindValue) -> Result<Option<&'b mut AttrsBody>> {
        if let Some(s) = match &*v {
            BindValue::Expr(e) => unparen_set(e),
            _ => None,
        } {
            let body = self.set_body(&s)?;
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
        v: BindValue,
        name: Option<Symbol>,
        own_scope: bool,
        filling: bool,
        off: u32,
    ) -> Result<()> {
        let thunk_end = Task::EndThunk {
            force_at: off,
            at: off,
        };
        match v {
            BindValue::Expr(e) => {
                if let Some(l) = unparen_lambda(&e) {
                    // 2.8 allocates a thunk for a bound lambda too (it shows
                    // as `<CODE>` when printed lazily), and names the lambda
                    // after its binding, parentheses or not.
                    self.begin_proto();
                    self.plan(Task::Lambda(l, name));
                    self.plan(thunk_end);
                } else if let Some(slot) = self.own_slot(&e).filter(|_| filling) {
                    if self.stored_before(slot) {
                        // Stored already: the very same value (see `Filling`).
                        return self.expr(&e, false);
                    }
                    // A sibling binding may not be stored yet: defer the read.
                    self.begin_proto();
                    self.plan(Task::Expr(e, true));
                    self.plan(thunk_end);
                } else {
                    self.lazy(&e)?;
                }
            }
            BindValue::Attrs(body) => {
                // Built inline unless it reads a sibling not stored yet: a
                // thunk then reads the sibling itself, as in Nix (where the
                // set is always a thunk), not a thunk of it.
                if body.dynamics.is_empty() && !body.rec && !(filling && self.reads_unstored(&body))
                {
                    self.attrs(*body, filling);
                } else {
                    self.begin_proto();
                    self.attrs(*body, false);
                    self.plan(thunk_end);
                }
            }
            BindValue::Inherit(n, at) => {
                let skip = usize::from(own_scope);
                let resolved = self.resolve(n, skip);
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
                    self.begin_proto();
                    self.variable(n, skip, at)?;
                    self.plan(Task::EndThunk {
                        force_at: at,
                        at: off,
                    });
                } else {
                    self.variable(n, skip, at)?;
                }
            }
            BindValue::InheritFrom(e, n, at) => {
                // `inherit (e) x;` is `x = e.x;`, with `e` evaluated in the
                // scope of the bindings (including a `let`'s or `rec`'s own).
                self.begin_proto();
                self.plan(Task::Expr(e, false));
                self.plan(Task::Emit(Op::Force, at));
                self.plan(Task::Select(n, at));
                self.plan(thunk_end);
            }
        }
        Ok(())
    }

    /// The names of a `with`'s namespace, if it is a set literal whose
    /// names are all static: it has those and no others. (A `rec` set
    /// with `__overrides` may have more.)
    fn literal_names(&mut self, ns: &ast::Expr) -> Result<Option<Rc<FxHashSet<Symbol>>>> {
        let ast::Expr::AttrSet(set) = unparen(ns) else {
            return Ok(None);
        };
        let mut names = FxHashSet::default();
        for entry in set.entries() {
            let keys: Vec<ast::Attr> = match entry {
                ast::Entry::Inherit(inh) => inh.attrs().collect(),
                ast::Entry::AttrpathValue(apv) => apv
                    .attrpath()
                    .and_then(|p| p.attrs().next())
                    .into_iter()
                    .collect(),
            };
            for k in keys {
                match self.key(k)? {
                    Key::Static(name) => {
                        names.insert(name);
                    }
                    _ => return Ok(None),
                }
            }
        }
        if names.contains(&Symbol::known(Known::Overrides)) {
            return Ok(None);
        }
        Ok(Some(Rc::new(names)))
    }

    /// Is this slot of the `let` or `rec` being filled stored already, and
    /// defined before the binding being compiled? (See [`Filling`].)
    fn stored_before(&self, slot: usize) -> bool {
        let f = &self.filling;
        f.offs.get(slot).is_some_and(|o| *o < f.off)
    }

    /// Does a set built inline among a `let`'s or `rec`'s bindings read one
    /// of them that is not [`stored_before`](Compiler::stored_before)?
    /// (Nested keys make sets inside sets as deep as the path is long: they
    /// are looked at one after the other, not recursively.)
    fn reads_unstored(&self, body: &AttrsBody) -> bool {
        let unstored = |slot: Option<usize>| slot.is_some_and(|s| !self.stored_before(s));
        let mut todo = vec![body];
        while let Some(body) = todo.pop() {
            for b in &body.statics {
                let reads = match &b.value {
                    BindValue::Expr(e) => unstored(self.own_slot(e)),
                    BindValue::Inherit(n, _) => unstored(match self.resolve(*n, 0) {
                        Resolved::Local(0, slot) => Some(slot as usize),
                        _ => None,
                    }),
                    BindValue::Attrs(inner) => {
                        if inner.dynamics.is_empty() && !inner.rec {
                            todo.push(inner);
                        }
                        false
                    }
                    BindValue::InheritFrom(..) => false,
                };
                if reads {
                    return true;
                }
            }
        }
        false
    }

    /// The slot of the innermost scope that `e`, a (parenthesised) name,
    /// refers to.
    fn own_slot(&self, e: &ast::Expr) -> Option<usize> {
        match unparen(e) {
            ast::Expr::Ident(i) => match self.resolve(Symbol::new(&ident_name(&i)), 0) {
                Resolved::Local(0, slot) => Some(slot as usize),
                _ => None,
            },
            _ => None,
        }
    }

    /// Build a (rec or plain) attribute set. `filling`: see
    /// [`Compiler::bind_value`].
    fn attrs(&mut self, body: AttrsBody, filling: bool) {
        let off = body.offset;
        let rec = body.rec;
        let (mut statics, dynamics) = body.into_parts();
        statics.sort_by_key(|b| b.name);
        let layout: Rc<[Symbol]> = statics.iter().map(|s| s.name).collect();
        // Where each attribute is defined, as `unsafeGetAttrPos` and
        // duplicate messages report it.
        let offsets: Rc<[u32]> = statics
            .iter()
            .map(|s| s.def)
            .chain(dynamics.iter().map(|(_, _, _, def)| *def))
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
        let ndyn = dynamics.len() as u32;
        if rec {
            self.emit(Op::PushEnv(statics.len() as u32), off);
            self.scopes
                .push_names(statics.iter().enumerate().map(|(i, s)| (s.name, i as u32)));
            // With `__overrides` (`vm::overrides`), every slot is a thunk of
            // its own, and no binding shares a sibling's value.
            let overrides = statics
                .iter()
                .position(|b| b.name == Symbol::known(Known::Overrides));
            let offs = match overrides {
                None => statics.iter().map(|b| b.off).collect(),
                Some(_) => Vec::new(),
            };
            self.fill(offs);
            self.plan(Task::Bindings(Bindings::stored(
                statics,
                overrides.is_some(),
            )));
            if let Some(k) = overrides {
                // Forced before the dynamic attributes' names.
                self.plan(Task::Emit(Op::Local(0, k as u32), off));
                self.plan(Task::Emit(Op::Force, off));
            }
            self.plan(Task::Bindings(Bindings::dynamic(dynamics, false)));
            self.plan(Task::PopScope);
            self.plan(Task::Unfill);
            self.plan(Task::Emit(Op::RecAttrs(li, ndyn), off));
            self.plan(Task::Emit(Op::PopEnv, off));
        } else {
            self.plan(Task::Bindings(Box::new(Bindings {
                statics: (0..).zip(statics).collect::<Vec<_>>().into_iter(),
                dynamics: dynamics.into_iter(),
                store: false,
                own_thunks: false,
                own_scope: false,
                filling,
                dynamic_filling: filling,
            })));
            self.plan(Task::Emit(Op::Attrs(li, ndyn), off));
        }
    }

    /// Start storing the slots of a `let` or `rec` defined at these
    /// offsets (see [`Filling`]); the one being filled around it is
    /// taken up again by [`unfill`](Compiler::unfill).
    fn fill(&mut self, offs: Vec<u32>) {
        let inner = Filling { off: 0, offs };
        let outer = std::mem::replace(&mut self.filling, inner);
        self.fillings.push(outer);
    }

    fn unfill(&mut self) {
        self.filling = self.fillings.pop().expect("fill comes first");
    }

    fn let_in(&mut self, body: AttrsBody, inner: ast::Expr, tail: bool) -> Result<()> {
        let off = body.offset;
        if !body.dynamics.is_empty() {
            return Err(self.dynamic_in_let(off));
        }
        let (statics, _) = body.into_parts();
        self.emit(Op::PushEnv(statics.len() as u32), off);
        self.scopes
            .push_names(statics.iter().enumerate().map(|(i, s)| (s.name, i as u32)));
        self.fill(statics.iter().map(|b| b.off).collect());
        self.plan(Task::Bindings(Bindings::stored(statics, false)));
        self.plan(Task::Expr(inner, tail));
        self.plan(Task::PopScope);
        self.plan(Task::Unfill);
        self.plan(Task::Emit(Op::PopEnv, off));
        Ok(())
    }

    fn lambda(&mut self, l: &ast::Lambda, name: Option<Symbol>) -> Result<()> {
        let off = offset(l.syntax());
        let param = self.child(l.param(), off)?;
        let body = self.child(l.body(), off)?;
        let mut param_name = None;
        let mut at_name = None;
        let mut entries: Vec<(Symbol, Option<ast::Expr>, u32)> = Vec::new();
        let mut pattern = None;
        match param {
            ast::Param::IdentParam(p) => {
                let id = self.child(p.ident(), off)?;
                let sym = Symbol::new(&ident_name(&id));
                param_name = Some(sym);
                self.scopes.push_names(std::iter::once((sym, 0)));
            }
            ast::Param::Pattern(p) => {
                self.check_formals(&p, off)?;
                for e in p.pat_entries() {
                    let id = self.child(e.ident(), off)?;
                    let sym = Symbol::new(&ident_name(&id));
                    entries.push((sym, e.default(), offset(e.syntax())));
                }
                entries.sort_by_key(|e| e.0);
                let mut at_slot = None;
                if let Some(bind) = p.pat_bind() {
                    let id = self.child(bind.ident(), off)?;
                    at_slot = Some(entries.len() as u32);
                    at_name = Some(Symbol::new(&ident_name(&id)));
                }
                let names = entries.iter().enumerate().map(|(i, e)| (e.0, i as u32));
                let at = at_name.zip(at_slot);
                self.scopes.push_names(names.chain(at));
                pattern = Some((p.ellipsis_token().is_some(), at_slot));
            }
        }
        let env_size = match pattern {
            None => 1,
            Some((_, at_slot)) => entries.len() as u32 + u32::from(at_slot.is_some()),
        };
        // The defaults, then the body, each a body of code of its own.
        let mut formals = Vec::with_capacity(entries.len());
        let mut default_exprs = Vec::new();
        for (name, default, at) in entries {
            formals.push((name, default.is_some(), at));
            default_exprs.extend(default);
        }
        let defaults = default_exprs.len();
        let tasks = default_exprs.into_iter().flat_map(|d| {
            let doff = offset(d.syntax());
            [Task::BeginProto, Task::Expr(d, true), Task::EndProto(doff)]
        });
        self.plan(Task::Each(Box::new(tasks)));
        let boff = offset(body.syntax());
        self.plan(Task::BeginProto);
        // Nix names a curried function's inner lambdas after the binding
        // too (`f = a: { x }: …` reports 'f' for either).
        match (name, unparen_lambda(&body)) {
            (Some(_), Some(inner)) => self.plan(Task::Lambda(inner, name)),
            _ => self.plan(Task::Expr(body, true)),
        }
        self.plan(Task::EndProto(boff));
        self.then(move |c| {
            c.scopes.pop();
            let body = c.done.pop().expect("the body was compiled");
            let mut done = c.done.split_off(c.done.len() - defaults).into_iter();
            let formals = pattern.map(|(ellipsis, at_slot)| Formals {
                entries: formals
                    .into_iter()
                    .map(|(name, has_default, offset)| Formal {
                        name,
                        default: if has_default { done.next() } else { None },
                        offset,
                    })
                    .collect(),
                ellipsis,
                at_slot,
            });
            let lambda = Rc::new(Lambda {
                body,
                formals,
                env_size,
                name,
                offset: off,
                source: c.source.clone(),
                param_name,
                at_name,
            });
            let b = c.b();
            b.lambdas.push(lambda);
            let i = (b.lambdas.len() - 1) as u32;
            c.emit(Op::Closure(i), off);
            Ok(())
        });
        Ok(())
    }
}

/// An expression under any parentheses.
fn unparen(e: &ast::Expr) -> ast::Expr {
    let mut e = e.clone();
    while let ast::Expr::Paren(p) = &e {
        match p.expr() {
            Some(inner) => e = inner,
            None => break,
        }
    }
    e
}

/// The set literal an expression is, under any parentheses.
fn unparen_set(e: &ast::Expr) -> Option<ast::AttrSet> {
    match unparen(e) {
        ast::Expr::AttrSet(s) => Some(s),
        _ => None,
    }
}

/// The lambda an expression is, under any parentheses.
fn unparen_lambda(e: &ast::Expr) -> Option<ast::Lambda> {
    match unparen(e) {
        ast::Expr::Lambda(l) => Some(l),
        _ => None,
    }
}

/// Where 2.8 records the names an `inherit` binds (for duplicate
/// messages): just after `inherit`, or after `inherit (e)`.
fn inherit_def(inh: &ast::Inherit) -> u32 {
    match inh.from() {
        Some(f) => f.r_paren_token(),
        None => inh.inherit_token(),
    }
    .map(|t| u32::from(t.text_range().end()))
    .unwrap_or_else(|| offset(inh.syntax()))
}

fn ident_name(i: &ast::Ident) -> String {
    // An identifier node holds one token (its text, without formatting
    // the node's text).
    match i.syntax().first_token() {
        Some(t) => t.text().to_string(),
        None => String::new(),
    }
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
