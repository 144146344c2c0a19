//! Bytecode: the compiled form of Nix code.
//!
//! A [`Proto`] is one straight-line body of code: a file's top level, a
//! lambda's body or a thunk's body. It runs on the VM's operand stack with
//! one current environment. Opcodes are documented where they are defined.

use crate::gc::{Trace, Tracer};
use crate::source::Source;
use crate::symbol::Symbol;
use crate::value::Value;
use std::rc::Rc;

/// Slots, depths and indices are `u32`: as wide as the `(u32, u32)` of
/// `Attrs` and `SelectOr`, so an instruction stays 12 bytes (asserted
/// below), and no count a source smaller than 4 GiB can hold overflows one.
#[derive(Clone, Copy, Debug)]
pub enum Op {
    /// Push `consts[i]`.
    Const(u32),
    /// Push slot `slot` of the environment `depth` hops up (not forced).
    Local(u32, u32),
    /// `Local` then `Force`, fused (the commonest pair).
    LocalForce(u32, u32),
    /// Look a name up in the enclosing `with` scopes: `dyn_vars[i]`.
    WithVar(u32),
    /// Force the top of the stack to weak head normal form.
    Force,
    /// Push a thunk of `protos[i]` over the current environment.
    Thunk(u32),
    /// Push a closure of `lambdas[i]` over the current environment.
    Closure(u32),
    /// `[f, arg]` → `f arg` (f forced). The result is in WHNF.
    Call,
    /// `Call` in tail position: the current frame is replaced.
    TailCall,
    /// `[f, a1, .., an]` → `f a1 .. an` (f forced, n ≥ 2): one instruction
    /// for a call with several arguments, so a curried lambda binds them
    /// all without making the closures in between, and a builtin gets
    /// them without a partial application.
    CallN(u8),
    /// `CallN` in tail position.
    TailCallN(u8),
    /// Return the top of the stack from this frame.
    Return,
    Pop,
    Jump(u32),
    /// Pop a Boolean; jump if it is false.
    JumpIfFalse(u32),
    /// Pop a Boolean; jump if it is true.
    JumpIfTrue(u32),
    /// Check that the top of the stack is a Boolean (right side of `&&` etc).
    AssertBool,
    Not,
    Negate,
    Add,
    Sub,
    Mul,
    Div,
    /// `[a, b]` → `a < b`. (`x > y` is compiled as `y < x` and `x <= y`
    /// as `!(y < x)`, the right operand first, as Nix computes them.)
    Less,
    /// `[a, b]` → `!(a < b)`.
    GreaterEq,
    /// `[a, b]` → `a == b` (forces as deep as needed).
    Equal,
    NotEqual,
    /// `++`
    Concat,
    /// `//`
    Update,
    /// Pop a forced set, push its attribute `syms[i]`.
    Select(u32),
    /// Like `Select`, but if the value is not a set or lacks the attribute,
    /// pop it and jump (to the `or` default).
    SelectOr(u32, u32),
    /// `[set, name]` → attribute.
    SelectDyn,
    SelectDynOr(u32),
    /// Pop a forced value, push whether it is a set with attribute `syms[i]`.
    HasAttr(u32),
    HasAttrDyn,
    /// Pop a list of `n` elements into a list value.
    List(u32),
    /// Push a new list with the elements of the list `consts[i]` (a list
    /// literal of constants: one instruction, no operand pushes; a new
    /// list each time, since Nix's printer tells shared lists apart).
    ConstList(u32),
    /// Build a set with the static names `layouts[i]` from that many values on
    /// the stack, then `n` dynamic `(name, value)` pairs.
    Attrs(u32, u32),
    /// Like `Attrs`, but the static values come from the current environment's
    /// slots (a `rec` set).
    RecAttrs(u32, u32),
    /// Enter a new environment of `n` slots.
    PushEnv(u32),
    /// Leave the current environment.
    PopEnv,
    /// Pop into slot `i` of the current environment.
    Store(u32),
    /// Pop a value and enter a `with` environment holding it.
    PushWith,
    /// Concatenate `n` forced values into a string (string interpolation).
    Interpolate(u32),
    /// Concatenate `n` forced values into a path (path interpolation).
    InterpolatePath(u32),
    /// Pop a Boolean; fail with "assertion '<consts[i]>' failed" if false.
    Assert(u32),
}

const _: () = assert!(std::mem::size_of::<Op>() == 12);

/// A compiled body of code.
pub struct Proto {
    pub code: Vec<Op>,
    /// Source offset of each op, for error positions.
    pub spans: Vec<u32>,
    pub source: Rc<Source>,
    pub consts: Vec<Value>,
    pub protos: Vec<Rc<Proto>>,
    pub lambdas: Vec<Rc<Lambda>>,
    pub layouts: Vec<Rc<[Symbol]>>,
    /// Source offsets of each layout's keys: the static ones (in layout
    /// order), then the dynamic ones (in the order they are defined).
    pub layout_offsets: Vec<Rc<[u32]>>,
    /// Per layout: where its static attributes are defined.
    pub layout_positions: Vec<Rc<crate::value::AttrPositions>>,
    pub dyn_vars: Vec<DynVar>,
    /// Attribute names used by `Select`/`SelectOr`/`HasAttr`.
    pub syms: Vec<Symbol>,
    /// Code positions of the `Select`s that take a path's second or later
    /// attribute (`c` in `a.b.c`), in order: a failure there comes after
    /// Nix has recorded "while evaluating the attribute" (its hint shows).
    pub nested_selects: Vec<u32>,
    /// For each `Interpolate` and `Add` (by code position, in order):
    /// where each of its parts (operands) starts, so that one that cannot
    /// be coerced or added is reported there (an interpolation at its
    /// `${`), as Nix does.
    pub part_offsets: Vec<(u32, Rc<[u32]>)>,
    /// The body is simple arithmetic a forced thunk may compute without a
    /// frame (`vm::inline`).
    pub inline: bool,
    /// The body is just `Closure(i); Return` (the outer lambda of a curried
    /// function `a: b: ...`): a call makes that closure without a frame.
    pub returns_lambda: Option<u32>,
    /// The collection that last traced this code's constants (see
    /// `gc::Tracer::proto`).
    pub traced: std::cell::Cell<u32>,
}

impl Drop for Proto {
    /// Nested code (a thunk's body inside a list inside a thunk's body …)
    /// is as deep as the source's nesting: it is freed one body at a time,
    /// not recursively.
    fn drop(&mut self) {
        if self.protos.is_empty() && self.lambdas.is_empty() {
            return;
        }
        let mut protos = std::mem::take(&mut self.protos);
        let mut lambdas = std::mem::take(&mut self.lambdas);
        loop {
            if let Some(p) = protos.pop() {
                // Code still used elsewhere is left to its other owners.
                if let Ok(mut p) = Rc::try_unwrap(p) {
                    protos.append(&mut p.protos);
                    lambdas.append(&mut p.lambdas);
                }
            } else if let Some(l) = lambdas.pop() {
                if let Ok(l) = Rc::try_unwrap(l) {
                    protos.push(l.body);
                    let defaults = l.formals.into_iter().flat_map(|f| f.entries);
                    protos.extend(defaults.filter_map(|e| e.default));
                }
            } else {
                break;
            }
        }
    }
}

/// Code is traced for its constants (strings, paths, constant lists), and
/// those of every nested body: a frame running this code may still make a
/// thunk or closure of any of them. Each body is traced once per
/// collection.
impl Trace for Proto {
    fn trace(&self, t: &mut Tracer) {
        t.proto(self);
    }
}

impl Trace for Lambda {
    fn trace(&self, t: &mut Tracer) {
        t.proto(&self.body);
        if let Some(f) = &self.formals {
            for e in &f.entries {
                if let Some(d) = &e.default {
                    t.proto(d);
                }
            }
        }
    }
}

/// A name resolved dynamically through `with` scopes.
pub struct DynVar {
    pub name: Symbol,
    /// Environment depths of the enclosing `with` scopes, innermost first.
    pub with_depths: Box<[u32]>,
}

/// A compiled lambda: its body and its parameter pattern.
pub struct Lambda {
    pub body: Rc<Proto>,
    pub formals: Option<Formals>,
    /// Slots of the call environment: 1 for `x: ...`, formals plus one for
    /// the `@` name otherwise.
    pub env_size: u32,
    /// The name it is bound to (`f = x: ...`), for error messages.
    pub name: Option<Symbol>,
    pub offset: u32,
    pub source: Rc<Source>,
    /// `x` in `x: ...`.
    pub param_name: Option<Symbol>,
    /// `args` in `{ ... }@args`.
    pub at_name: Option<Symbol>,
}

pub struct Formals {
    /// Sorted by name; slot `i` of the call environment holds entry `i`.
    pub entries: Vec<Formal>,
    pub ellipsis: bool,
    /// Slot of the `@` binding, if any.
    pub at_slot: Option<u32>,
}

pub struct Formal {
    pub name: Symbol,
    pub default: Option<Rc<Proto>>,
    /// Where the formal's name starts in the lambda's source (the position
    /// `functionArgs` gives the attribute).
    pub offset: u32,
}

impl Lambda {
    /// "function 'f'" or "anonymous function at FILE:L:C", as Nix names it.
    pub fn describe(&self) -> String {
        match self.name {
            Some(n) => format!("function '{}'", n),
            None => {
                let (l, c) = self.source.line_col(self.offset);
                format!(
                    "anonymous function at {}:{}:{}",
                    self.source.name_in_messages(),
                    l,
                    c
                )
            }
        }
    }
}
