//! Nix values.
//!
//! [`Value`] is 16 bytes: a tag and either an immediate (`Int`, `Float`,
//! `Bool`) or one counted pointer. Cloning is a reference-count bump.
//! `Value` deliberately implements neither `PartialEq` nor `Hash`: equality
//! forces thunks and is an evaluator operation (see `vm::equality`).

use crate::builtins::PrimOpDef;
use crate::chunk::{Lambda, Proto};
use crate::gc::{Gc, Kind, Object, Trace, Tracer};
use crate::symbol::Symbol;
use std::cell::{OnceCell, UnsafeCell};
use std::collections::BTreeSet;
use std::rc::Rc;

/// `repr(C, u8)` puts every payload at offset 8, so moving a `Value` is two
/// aligned words (measured: the default layout made clones copy odd byte
/// ranges and stall on store forwarding in the VM loop).
#[derive(Clone, Copy)]
#[repr(C, u8)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(Gc<NixString>),
    Path(Gc<PathValue>),
    Attrs(Gc<Attrs>),
    List(Gc<Vec<Value>>),
    Thunk(Gc<Thunk>),
    Closure(Gc<Closure>),
    PrimOp(&'static PrimOpDef),
    PrimOpApp(Gc<PrimOpApp>),
}

// `Value` is two words and has no destructor: copying one is a move of 16
// bytes, and freeing a structure never recurses.
const _: () = assert!(std::mem::size_of::<Value>() <= 16);
const _: () = assert!(!std::mem::needs_drop::<Value>());

impl Trace for Value {
    #[inline]
    fn trace(&self, t: &mut Tracer) {
        match *self {
            Value::Null | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::PrimOp(_) => {}
            Value::String(g) => t.mark_leaf(g),
            Value::Path(g) => t.mark_leaf(g),
            Value::Attrs(g) => t.mark(g),
            Value::List(g) => t.mark(g),
            Value::Thunk(g) => t.mark(g),
            Value::Closure(g) => t.mark(g),
            Value::PrimOpApp(g) => t.mark(g),
        }
    }
}

impl Object for NixString {
    const KIND: Kind = Kind::String;
}
impl Object for PathValue {
    const KIND: Kind = Kind::Path;
}
impl Object for Attrs {
    const KIND: Kind = Kind::Attrs;
    fn elements(&self) -> usize {
        self.own.len()
    }
}
impl Object for Vec<Value> {
    const KIND: Kind = Kind::List;
    fn elements(&self) -> usize {
        self.len()
    }
}
impl Object for Thunk {
    const KIND: Kind = Kind::Thunk;
}
impl Object for Env {
    const KIND: Kind = Kind::Env;
    fn elements(&self) -> usize {
        1 + self.rest.len()
    }
}
impl Object for Closure {
    const KIND: Kind = Kind::Closure;
}
impl Object for PrimOpApp {
    const KIND: Kind = Kind::PrimOpApp;
}

impl Trace for NixString {
    fn trace(&self, _: &mut Tracer) {}
    fn heap_bytes(&self) -> usize {
        self.bytes.len()
    }
}

impl Trace for PathValue {
    fn trace(&self, _: &mut Tracer) {}
    fn heap_bytes(&self) -> usize {
        self.path.len()
    }
}

impl Trace for Attrs {
    fn trace(&self, t: &mut Tracer) {
        // A layer's merged entries are values of its own entries and of
        // the layers below: tracing those covers them.
        for (_, v) in &self.own {
            v.trace(t);
        }
        if let Some(l) = &self.layer {
            t.mark(l.base);
        }
    }
    fn heap_bytes(&self) -> usize {
        self.own.capacity() * std::mem::size_of::<(Symbol, Value)>()
    }
}

impl Trace for Env {
    fn trace(&self, t: &mut Tracer) {
        if let Some(v) = self.first.get() {
            v.trace(t);
        }
        for s in self.rest.iter() {
            if let Some(v) = s.get() {
                v.trace(t);
            }
        }
        if let Some(p) = self.parent {
            t.mark(p);
        }
    }
    fn heap_bytes(&self) -> usize {
        self.rest.len() * std::mem::size_of::<OnceCell<Value>>()
    }
}

impl Trace for Thunk {
    fn trace(&self, t: &mut Tracer) {
        // SAFETY: a collection runs only at safe points, where no state is
        // being written or read (see `Thunk::with`).
        match unsafe { &*self.state.get() } {
            ThunkState::Pending(proto, env) => {
                proto.trace(t);
                t.mark(*env);
            }
            ThunkState::Apply(f, a) => {
                f.trace(t);
                a.trace(t);
            }
            ThunkState::Blackhole => {}
            ThunkState::Done(v) => v.trace(t),
        }
    }
}

impl Trace for Closure {
    fn trace(&self, t: &mut Tracer) {
        self.lambda.trace(t);
        if let Some(e) = self.env {
            t.mark(e);
        }
    }
}

impl Trace for PrimOpApp {
    fn trace(&self, t: &mut Tracer) {
        for a in self.args.iter() {
            a.trace(t);
        }
    }
}

/// String context: the store paths a string refers to.
pub type Context = BTreeSet<String>;

/// A Nix string: bytes (not necessarily UTF-8) plus its context.
pub struct NixString {
    pub bytes: Box<[u8]>,
    pub context: Option<Box<Context>>,
}

impl NixString {
    pub fn as_str_lossy(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.bytes)
    }
}

/// An absolute, lexically normalised path.
pub struct PathValue {
    pub path: String,
}

/// An attribute set: entries sorted by name, unique names.
///
/// Most sets hold all their entries (`own`). A set made by `//` of a few
/// attributes onto a big set is a layer instead: `own` is the right side
/// and the big left side is shared, not copied (`left // { x = …; }` in
/// a fold copied the whole set at every step). Lookups search the layers
/// from the top; what needs the entries in order (iteration, printing,
/// `==`) gets them merged once, on first use (`entries`). Layers stack at
/// most [`MAX_LAYERS`] deep; the next `//` copies.
#[derive(Default)]
pub struct Attrs {
    own: Vec<(Symbol, Value)>,
    layer: Option<Box<Layer>>,
    /// Where the attributes were defined, for `unsafeGetAttrPos`: kept for
    /// sets written in the source and through `//`.
    pub pos: Option<Rc<AttrPositions>>,
}

/// What a layered set adds to its own entries (see [`Attrs`]).
struct Layer {
    /// The left side of the `//`.
    base: Gc<Attrs>,
    /// Distinct names in the whole set.
    len: usize,
    /// Layers below and including this one.
    depth: u32,
    /// All the entries, merged in order, once asked for.
    merged: OnceCell<Vec<(Symbol, Value)>>,
}

/// Deepest stack of `//` layers; the next `//` onto it copies. A lookup
/// of a name from the bottom set searches this many small sets first.
const MAX_LAYERS: u32 = 16;

/// Definition positions of attributes (see [`Attrs::pos`]).
///
/// Every node knows exactly which names its set defines: a name it does not
/// define is looked up further down a `//` chain, while a name it defines
/// without a position (a value made by a builtin, say) gives none, as in
/// Nix, where each attribute carries its own position.
pub enum AttrPositions {
    /// The static attributes of a set literal: sorted names and the source
    /// offset of each.
    Literal {
        source: Rc<crate::source::Source>,
        names: Rc<[Symbol]>,
        offsets: Rc<[u32]>,
    },
    /// Names with a position each or none, sorted by name (the dynamic
    /// attributes of a literal, `listToAttrs`, the names `//` takes from a
    /// set without positions).
    Table(Box<[(Symbol, Option<crate::source::Pos>)]>),
    /// `left // right`: a name defined on the right is looked up there.
    Update(Rc<AttrPositions>, Rc<AttrPositions>),
    /// The positions of a set less some sorted names (`removeAttrs`).
    Without(Rc<AttrPositions>, Box<[Symbol]>),
    /// The positions of a set, for some sorted names only
    /// (`intersectAttrs`).
    Only(Rc<AttrPositions>, Box<[Symbol]>),
    /// Sorted names, each at the position of the `value` attribute in the
    /// positions given (`listToAttrs`: the set of each list element).
    Values(Box<[(Symbol, Option<Rc<AttrPositions>>)]>),
}

impl AttrPositions {
    /// The position of `name`, searching `//` chains without recursion.
    pub fn find(&self, mut name: Symbol) -> Option<crate::source::Pos> {
        // The node to ask next, and the left sides of `//` still to ask
        // (the right side of a `//` is asked first).
        let mut next = Some(self);
        let mut lefts: Vec<&AttrPositions> = Vec::new();
        while let Some(p) = next.or_else(|| lefts.pop()) {
            next = None;
            match p {
                AttrPositions::Literal {
                    source,
                    names,
                    offsets,
                } => {
                    if let Ok(i) = names.binary_search(&name) {
                        return Some(crate::source::Pos {
                            source: source.clone(),
                            offset: offsets[i],
                        });
                    }
                }
                AttrPositions::Table(entries) => {
                    if let Ok(i) = entries.binary_search_by(|(k, _)| k.cmp(&name)) {
                        return entries[i].1.clone();
                    }
                }
                AttrPositions::Update(left, right) => {
                    lefts.push(left);
                    next = Some(right);
                }
                AttrPositions::Without(base, names) => {
                    if names.binary_search(&name).is_err() {
                        next = Some(base);
                    }
                }
                AttrPositions::Only(base, names) => {
                    if names.binary_search(&name).is_ok() {
                        next = Some(base);
                    }
                }
                AttrPositions::Values(entries) => {
                    if let Ok(i) = entries.binary_search_by(|(k, _)| k.cmp(&name)) {
                        // Defined here: the element's `value` decides, and
                        // nothing further left is asked.
                        lefts.clear();
                        name = Symbol::known(crate::symbol::Known::Value);
                        // An element without positions: none.
                        next = Some(entries[i].1.as_deref()?);
                    }
                }
            }
        }
        None
    }

    /// The positions of a literal with dynamic attributes: its static
    /// table and the dynamic names defined, with their source offsets.
    #[inline(never)]
    pub fn with_dynamic(
        statics: &Rc<AttrPositions>,
        source: &Rc<crate::source::Source>,
        mut dynamic: Vec<(Symbol, u32)>,
    ) -> Rc<AttrPositions> {
        if dynamic.is_empty() {
            return statics.clone();
        }
        dynamic.sort_by_key(|(k, _)| *k);
        let table = dynamic
            .into_iter()
            .map(|(k, offset)| {
                let pos = crate::source::Pos {
                    source: source.clone(),
                    offset,
                };
                (k, Some(pos))
            })
            .collect();
        Rc::new(AttrPositions::Update(
            statics.clone(),
            Rc::new(AttrPositions::Table(table)),
        ))
    }

    /// The positions of `left // right`, whose result has `merged` entries.
    /// Free unless exactly one side has positions; then, if the sides share
    /// names and the right one has none, those names are recorded as
    /// defined without a position.
    #[inline]
    fn of_update(left: &Attrs, right: &Attrs, merged: usize) -> Option<Rc<AttrPositions>> {
        match (&left.pos, &right.pos) {
            (None, None) => None,
            (None, Some(r)) => Some(r.clone()),
            (Some(l), None) if merged == left.len() + right.len() => Some(l.clone()),
            (Some(l), None) => Some(AttrPositions::hiding_right(l, left, right)),
            (Some(l), Some(r)) => Some(Rc::new(AttrPositions::Update(l.clone(), r.clone()))),
        }
    }

    /// `left`'s positions less the names `right` (a set without positions)
    /// redefines.
    #[cold]
    #[inline(never)]
    fn hiding_right(l: &Rc<AttrPositions>, left: &Attrs, right: &Attrs) -> Rc<AttrPositions> {
        let hidden: Box<[(Symbol, Option<crate::source::Pos>)]> = right
            .entries()
            .iter()
            .filter(|(k, _)| left.get(*k).is_some())
            .map(|(k, _)| (*k, None))
            .collect();
        Rc::new(AttrPositions::Update(
            l.clone(),
            Rc::new(AttrPositions::Table(hidden)),
        ))
    }
}

impl Attrs {
    /// A set of these entries (sorted by name, unique) and positions.
    pub fn new(entries: Vec<(Symbol, Value)>, pos: Option<Rc<AttrPositions>>) -> Attrs {
        Attrs {
            own: entries,
            layer: None,
            pos,
        }
    }

    pub fn from_sorted(entries: Vec<(Symbol, Value)>) -> Attrs {
        Attrs::new(entries, None)
    }

    /// Build from unsorted entries; later entries win on duplicates.
    pub fn from_unsorted(mut entries: Vec<(Symbol, Value)>) -> Attrs {
        entries.sort_by_key(|a| a.0);
        let mut out: Vec<(Symbol, Value)> = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            match out.last_mut() {
                Some(last) if last.0 == k => last.1 = v,
                _ => out.push((k, v)),
            }
        }
        Attrs::new(out, None)
    }

    /// The entries, sorted by name (a layered set merges them on first
    /// use).
    #[inline]
    pub fn entries(&self) -> &[(Symbol, Value)] {
        match &self.layer {
            None => &self.own,
            Some(l) => l.merged.get_or_init(|| self.flatten(&[])),
        }
    }

    /// The entries of this set with `extra` on top (winning), merged
    /// from the nearest flat set (or merged layer) below and the small
    /// sets of the layers above it: one copy of the big set, however
    /// many layers there are.
    fn flatten(&self, extra: &[(Symbol, Value)]) -> Vec<(Symbol, Value)> {
        let mut tops: Vec<&[(Symbol, Value)]> = Vec::new();
        let mut set = self;
        let bottom: &[(Symbol, Value)] = loop {
            match &set.layer {
                None => break &set.own,
                Some(l) => match l.merged.get() {
                    Some(m) => break m,
                    None => {
                        tops.push(&set.own);
                        set = &l.base;
                    }
                },
            }
        };
        let mut small: Vec<(Symbol, Value)> = Vec::new();
        for t in tops.iter().rev().copied().chain(std::iter::once(extra)) {
            if !t.is_empty() {
                small = merge(&small, t);
            }
        }
        merge(bottom, &small)
    }

    /// The entries, taken out of a set that is not shared yet.
    pub fn into_entries(self) -> Vec<(Symbol, Value)> {
        match self.layer {
            None => self.own,
            Some(_) => self.flatten(&[]),
        }
    }

    #[inline(always)]
    fn own_get(own: &[(Symbol, Value)], key: Symbol) -> Option<&Value> {
        if own.len() < 8 {
            return own.iter().find(|(k, _)| *k == key).map(|(_, v)| v);
        }
        own.binary_search_by(|(k, _)| k.cmp(&key))
            .ok()
            .map(|i| &own[i].1)
    }

    #[inline]
    pub fn get(&self, key: Symbol) -> Option<&Value> {
        match Attrs::own_get(&self.own, key) {
            Some(v) => Some(v),
            None => match &self.layer {
                None => None,
                Some(l) => l.base.get_below(key),
            },
        }
    }

    /// `get` in a set below a layer.
    #[inline(never)]
    fn get_below(&self, key: Symbol) -> Option<&Value> {
        let mut set = self;
        loop {
            if let Some(v) = Attrs::own_get(&set.own, key) {
                return Some(v);
            }
            match &set.layer {
                None => return None,
                Some(l) => set = &l.base,
            }
        }
    }

    /// Look up by name text, without interning it (entries are sorted by
    /// the bytes of their names).
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        let mut set = self;
        loop {
            if let Ok(i) = set.own.binary_search_by(|(k, _)| k.cmp_str(key)) {
                return Some(&set.own[i].1);
            }
            match &set.layer {
                None => return None,
                Some(l) => set = &l.base,
            }
        }
    }

    pub fn len(&self) -> usize {
        match &self.layer {
            None => self.own.len(),
            Some(l) => l.len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `left // right`. A few attributes onto a big set make a layer over
    /// it (see [`Attrs`]); anything else is merged into a new vector.
    pub fn update(left: Gc<Attrs>, right: &Attrs) -> Attrs {
        let depth = left.layer.as_ref().map_or(0, |l| l.depth);
        if right.len() * 8 < left.len() && depth < MAX_LAYERS {
            let own = right.entries().to_vec();
            let added = own.iter().filter(|(k, _)| left.get(*k).is_none()).count();
            let len = left.len() + added;
            let pos = AttrPositions::of_update(&left, right, len);
            return Attrs {
                own,
                layer: Some(Box::new(Layer {
                    base: left,
                    len,
                    depth: depth + 1,
                    merged: OnceCell::new(),
                })),
                pos,
            };
        }
        let out = left.flatten(right.entries());
        let pos = AttrPositions::of_update(&left, right, out.len());
        Attrs::new(out, pos)
    }

    /// `self // other` as a new vector, right side wins.
    pub fn merged_with(&self, other: &Attrs) -> Attrs {
        let out = merge(self.entries(), other.entries());
        let pos = AttrPositions::of_update(self, other, out.len());
        Attrs::new(out, pos)
    }
}

/// Two sorted entry vectors merged, `b` winning on equal names.
fn merge(a: &[(Symbol, Value)], b: &[(Symbol, Value)]) -> Vec<(Symbol, Value)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    if b.len() * 8 < a.len() {
        // A few names into a big set (`acc // { x = …; }`): find each
        // by binary search and copy the runs between them whole.
        let mut start = 0;
        for e in b {
            let (k, replaces) = match a[start..].binary_search_by(|x| x.0.cmp(&e.0)) {
                Ok(k) => (k, 1),
                Err(k) => (k, 0),
            };
            out.extend_from_slice(&a[start..start + k]);
            out.push(*e);
            start += k + replaces;
        }
        out.extend_from_slice(&a[start..]);
        return out;
    }
    if a.len() * 8 < b.len() {
        // A small set under a big one: its names survive where the
        // right side does not define them.
        let mut start = 0;
        for e in a {
            match b[start..].binary_search_by(|x| x.0.cmp(&e.0)) {
                Ok(k) => {
                    out.extend_from_slice(&b[start..start + k + 1]);
                    start += k + 1;
                }
                Err(k) => {
                    out.extend_from_slice(&b[start..start + k]);
                    out.push(*e);
                    start += k;
                }
            }
        }
        out.extend_from_slice(&b[start..]);
        return out;
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(b[j]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// A variable environment: the slots of one `let`, `rec`, lambda call or
/// `with`. Every slot is written exactly once while the scope is built, before
/// any code that reads it runs.
pub struct Env {
    /// Slot 0 lives inline: a one-argument lambda call, the most common
    /// environment, is a single allocation (`rest` is then an empty boxed
    /// slice, which allocates nothing).
    first: OnceCell<Value>,
    rest: Box<[OnceCell<Value>]>,
    pub parent: Option<Gc<Env>>,
}

impl Env {
    /// The environment of a lambda being called (counted as a call).
    #[inline]
    pub fn for_call(size: usize, parent: Option<Gc<Env>>) -> Gc<Env> {
        crate::gc::count_call();
        Env::new(size, parent)
    }

    pub fn new(size: usize, parent: Option<Gc<Env>>) -> Gc<Env> {
        let rest: Box<[OnceCell<Value>]> = if size > 1 {
            (1..size).map(|_| OnceCell::new()).collect()
        } else {
            Box::new([])
        };
        Gc::new(Env {
            first: OnceCell::new(),
            rest,
            parent,
        })
    }

    /// Slot `i` (the compiler only emits slots that exist).
    #[inline]
    pub fn slot(&self, i: usize) -> &OnceCell<Value> {
        if i == 0 {
            &self.first
        } else {
            &self.rest[i - 1]
        }
    }
}

/// A lazy value. `Pending`/`Apply` hold what computes it, `Done` is its
/// value in weak head normal form. While it is being computed, it is
/// marked as being forced (forcing it again is infinite recursion); the
/// pending state stays in place, so an error that unwinds through it
/// leaves it ready to be forced again.
///
/// 32 bytes (asserted below): the state is read and written only through
/// the methods here, each of which touches it within its own body and
/// calls out to nothing that could reach the thunk again, so a plain
/// `UnsafeCell` serves where a `RefCell` would add a borrow flag; the
/// "being forced" mark lives in the heap object's header
/// (`gc::flag_of`), where there is room for it.
pub struct Thunk {
    state: UnsafeCell<ThunkState>,
}

const _: () = assert!(std::mem::size_of::<Thunk>() == 32);

#[derive(Clone)]
pub enum ThunkState {
    Pending(Rc<Proto>, Gc<Env>),
    /// Apply a function to an argument (made by builtins such as `map`).
    Apply(Value, Value),
    /// Not computable yet (only while the globals are being built).
    Blackhole,
    Done(Value),
}

impl Thunk {
    /// A new thunk, as a value.
    #[inline]
    pub fn value_of(state: ThunkState) -> Value {
        Value::Thunk(Gc::new(Thunk {
            state: UnsafeCell::new(state),
        }))
    }

    /// A thunk to be filled in later (with [`Thunk::set_state`]); forcing
    /// it before is an error.
    pub fn blackhole() -> Gc<Thunk> {
        Gc::new(Thunk {
            state: UnsafeCell::new(ThunkState::Blackhole),
        })
    }

    pub fn apply(f: Value, arg: Value) -> Value {
        Thunk::value_of(ThunkState::Apply(f, arg))
    }

    /// Look at the state in place.
    #[inline(always)]
    fn with<R>(&self, f: impl FnOnce(&ThunkState) -> R) -> R {
        // SAFETY: the only writer is `set_state`, which does not run while
        // this shared reference lives: `with` is private, and every caller
        // here passes a closure that only reads the state (no call that
        // could reach a thunk).
        f(unsafe { &*self.state.get() })
    }

    /// A copy of the state.
    #[inline]
    pub fn state(&self) -> ThunkState {
        self.with(|s| s.clone())
    }

    /// The value if already computed.
    #[inline]
    pub fn value(&self) -> Option<Value> {
        self.with(|s| match s {
            ThunkState::Done(v) => Some(*v),
            _ => None,
        })
    }

    /// Is the value computed?
    #[inline]
    pub fn is_done(&self) -> bool {
        self.with(|s| matches!(s, ThunkState::Done(_)))
    }

    /// Replace the state (computed, or pointed elsewhere).
    #[inline]
    pub fn set_state(&self, state: ThunkState) {
        // SAFETY: no reference into the state is alive (see `with`); the
        // old state is dropped after the write, outside the cell.
        let old = unsafe { std::ptr::replace(self.state.get(), state) };
        drop(old);
    }

    /// Is it being computed?
    #[inline(always)]
    pub fn forcing(&self) -> bool {
        crate::gc::flag_of(self).get()
    }

    #[inline(always)]
    pub fn set_forcing(&self, on: bool) {
        crate::gc::flag_of(self).set(on)
    }
}

pub struct Closure {
    pub lambda: Rc<Lambda>,
    pub env: Option<Gc<Env>>,
}

pub struct PrimOpApp {
    pub op: &'static PrimOpDef,
    pub args: PrimArgs,
}

/// A builtin's arguments. No builtin takes more than three, so they live
/// inline: calling one or applying it partly allocates nothing for them.
pub type PrimArgs = smallvec::SmallVec<[Value; 3]>;

/// The arguments of one `CallN` instruction (at most four).
pub type CallArgs = smallvec::SmallVec<[Value; 4]>;

impl Value {
    pub fn string(s: impl Into<Vec<u8>>) -> Value {
        Value::String(Gc::new(NixString {
            bytes: s.into().into_boxed_slice(),
            context: None,
        }))
    }

    pub fn string_ctx(s: Vec<u8>, context: Option<Box<Context>>) -> Value {
        Value::String(Gc::new(NixString {
            bytes: s.into_boxed_slice(),
            context: context.filter(|c| !c.is_empty()),
        }))
    }

    pub fn path(p: String) -> Value {
        Value::Path(Gc::new(PathValue { path: p }))
    }

    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Gc::new(v))
    }

    pub fn attrs(a: Attrs) -> Value {
        Value::Attrs(Gc::new(a))
    }

    /// The value itself, or the value of an already-forced thunk.
    #[inline]
    pub fn shallow(&self) -> Value {
        match self {
            Value::Thunk(t) => t.value().unwrap_or(*self),
            _ => *self,
        }
    }

    /// The value in weak head normal form, if it is one already (a forced
    /// thunk gives its value).
    #[inline]
    pub fn whnf(&self) -> Option<Value> {
        match self {
            Value::Thunk(t) => t.value(),
            _ => Some(*self),
        }
    }

    pub fn is_forced(&self) -> bool {
        match self {
            Value::Thunk(t) => t.is_done(),
            _ => true,
        }
    }

    /// Nix's `builtins.typeOf` name.
    pub fn type_of(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::String(_) => "string",
            Value::Path(_) => "path",
            Value::Attrs(_) => "set",
            Value::List(_) => "list",
            Value::Closure(_) | Value::PrimOp(_) | Value::PrimOpApp(_) => "lambda",
            Value::Thunk(_) => "thunk",
        }
    }

    /// The phrase C++ Nix uses in type errors ("an integer", "a set", ...).
    pub fn show_type(&self) -> String {
        match self {
            Value::PrimOp(op) => return format!("the built-in function '{}'", op.name),
            Value::PrimOpApp(app) => {
                return format!("the partially applied built-in function '{}'", app.op.name)
            }
            Value::String(s) if s.context.as_ref().is_some_and(|c| !c.is_empty()) => {
                return "a string with context".into()
            }
            _ => {}
        }
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a Boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a float",
            Value::String(_) => "a string",
            Value::Path(_) => "a path",
            Value::Attrs(_) => "a set",
            Value::List(_) => "a list",
            Value::Closure(_) => "a function",
            Value::PrimOp(_) => "a built-in function",
            Value::PrimOpApp(_) => "a partially applied built-in function",
            Value::Thunk(_) => "a thunk",
        }
        .to_string()
    }

    pub fn is_function(&self) -> bool {
        matches!(
            self,
            Value::Closure(_) | Value::PrimOp(_) | Value::PrimOpApp(_)
        )
    }

    /// Is this an attribute set with `type = "derivation"` (already forced)?
    pub fn is_derivation(&self) -> bool {
        if let Value::Attrs(a) = self {
            if let Some(Value::String(s)) = a.get_str("type").map(|v| v.shallow()) {
                return &*s.bytes == b"derivation";
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::{Attrs, Gc, Value, MAX_LAYERS};
    use crate::symbol::Symbol;

    fn set(entries: &[(&str, i64)]) -> Attrs {
        Attrs::from_unsorted(
            entries
                .iter()
                .map(|(k, v)| (Symbol::new(k), Value::Int(*v)))
                .collect(),
        )
    }

    fn show(a: &Attrs) -> Vec<(String, i64)> {
        a.entries()
            .iter()
            .map(|(k, v)| match v {
                Value::Int(i) => (k.to_string(), *i),
                _ => (k.to_string(), -1),
            })
            .collect()
    }

    #[test]
    fn update_matches_a_plain_merge_for_every_size_ratio() {
        // Left and right of very different sizes take the binary-search
        // paths; the result must be the same as a map where right wins.
        let names: Vec<String> = (0..64).map(|i| format!("n{:02}", i)).collect();
        for (left_step, right_step) in [(1, 16), (16, 1), (1, 1), (2, 3), (1, 63), (63, 1)] {
            for offset in 0..3 {
                let left: Vec<(&str, i64)> = names
                    .iter()
                    .step_by(left_step)
                    .map(|n| (n.as_str(), 1))
                    .collect();
                let right: Vec<(&str, i64)> = names
                    .iter()
                    .skip(offset)
                    .step_by(right_step)
                    .map(|n| (n.as_str(), 2))
                    .collect();
                let mut want = std::collections::BTreeMap::new();
                for (k, v) in left.iter().chain(right.iter()) {
                    want.insert(k.to_string(), *v);
                }
                let want: Vec<(String, i64)> = want.into_iter().collect();
                let copied = set(&left).merged_with(&set(&right));
                assert_eq!(
                    show(&copied),
                    want,
                    "left every {left_step}, right every {right_step} from {offset}"
                );
                // `//` itself (a layer when the right side is small).
                let updated = Attrs::update(Gc::new(set(&left)), &set(&right));
                assert_eq!(show(&updated), want, "layered or not");
                assert_eq!(updated.len(), want.len());
                for (k, v) in &want {
                    assert_eq!(
                        updated
                            .get(Symbol::new(k))
                            .map(|x| matches!(x, Value::Int(i) if *i == *v)),
                        Some(true)
                    );
                }
            }
        }
    }

    #[test]
    fn layered_updates_look_up_count_and_list_like_copies() {
        // 100 small `//`s onto a big set: layers stack up to MAX_LAYERS,
        // then one copies; at every step lookups, `len` and the ordered
        // entries are those of a map where the right side wins.
        let names: Vec<String> = (0..200).map(|i| format!("n{:03}", i)).collect();
        let base: Vec<(&str, i64)> = names.iter().take(150).map(|n| (n.as_str(), 0)).collect();
        let mut want: std::collections::BTreeMap<String, i64> =
            base.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        let mut cur = Gc::new(set(&base));
        let mut deepest = 0;
        for step in 1..=100i64 {
            // Overwrite one old name, add one new one every 4 steps.
            let over = names[(step as usize * 7) % 150].as_str();
            let mut right = vec![(over, step)];
            if step % 4 == 0 {
                right.push((names[150 + (step as usize / 4) % 50].as_str(), -step));
            }
            right.sort();
            for (k, v) in &right {
                want.insert(k.to_string(), *v);
            }
            cur = Gc::new(Attrs::update(cur, &set(&right)));
            deepest = deepest.max(cur.layer.as_ref().map_or(0, |l| l.depth));
            assert_eq!(cur.len(), want.len(), "step {step}");
            for (k, v) in &want {
                let got = cur.get(Symbol::new(k));
                assert!(
                    matches!(got, Some(Value::Int(i)) if *i == *v),
                    "step {step}: {k}"
                );
                assert!(matches!(cur.get_str(k), Some(Value::Int(i)) if *i == *v));
            }
            assert!(cur.get(Symbol::new("absent")).is_none());
            if step % 10 == 0 {
                let want_list: Vec<(String, i64)> =
                    want.iter().map(|(k, v)| (k.clone(), *v)).collect();
                assert_eq!(show(&cur), want_list, "step {step}");
            }
        }
        assert_eq!(deepest, MAX_LAYERS);
    }

    #[test]
    fn value_is_16_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }
}
