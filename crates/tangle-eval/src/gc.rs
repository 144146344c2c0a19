//! The heap: a tracing mark-and-sweep collector for Nix values.
//!
//! Why a tracing collector: real Nix code is made of cycles (`rec` sets,
//! recursive `let`, fixpoints: an environment holds thunks that hold the
//! environment), which reference counting never frees. Here every heap
//! object (string, path, set, list, thunk, environment, closure, partial
//! builtin application) is a [`GcBox`] owned by one [`Heap`], and a
//! [`Gc<T>`] is a plain pointer to it: `Copy`, no counts, no drop glue.
//! Memory is reclaimed by a collection: mark everything reachable from the
//! roots, free everything else. Freeing one object never frees another
//! (a `Gc` has no destructor), so tearing down a million-deep structure is
//! a loop over the heap's pages (`space`), never Rust recursion; marking uses an
//! explicit gray stack for the same reason.
//!
//! # When collection runs, and the one rule that makes it sound
//!
//! A collection frees every object not reachable from the roots the VM
//! traces (`Vm::collect`): its operand and frame stacks (bytecode frames
//! and native continuations), the globals, the import cache, values the
//! evaluator has handed to its embedder ([`Heap`] pins them), and every
//! object allocated while no evaluation was running (compiled constants,
//! values an embedder built itself). It runs only at the VM's safe points
//! (the top of the instruction loop and of a frame switch in the hot loop),
//! where the VM keeps no value in a Rust local. Builtins and continuations
//! run between safe points, so a `Value` in a Rust local is valid until the
//! code holding it returns to the VM. Values that must survive longer live
//! in a continuation's fields, which the continuation traces
//! (`Cont::trace`).
//!
//! # The current heap
//!
//! `Gc::new` allocates in the heap of the evaluator that is running on this
//! thread ([`Heap::enter`] marks it; every entry point of the evaluator
//! does). With none entered (a unit test building values by hand), the
//! object is never freed. A value must not be moved from one evaluator to
//! another, and must not be used after its evaluator is dropped: dropping
//! the evaluator frees its heap.
//!
//! Measured choices: see ARCHITECTURE.md ("Memory").

use crate::chunk::Proto;
use space::Space;
use std::cell::Cell;
use std::ptr::NonNull;

mod space;

/// Something that can hold references to heap objects.
pub trait Trace {
    /// Mark every `Gc` this value holds directly (with [`Tracer::mark`]).
    fn trace(&self, t: &mut Tracer);
    /// Bytes owned outside the object itself (a list's buffer), for pacing.
    fn heap_bytes(&self) -> usize {
        0
    }
}

/// A heap object: the mark bit, a flag the object's type may use (a
/// thunk: "being forced"), the bytes it accounts for (for pacing), and the
/// value (all but the value fit in the word before it).
#[repr(C)]
pub struct GcBox<T: ?Sized> {
    marked: Cell<bool>,
    flag: Cell<bool>,
    size: u32,
    value: T,
}

type Erased = NonNull<GcBox<dyn Trace>>;

/// A pointer to a heap object. `Copy`; valid while the object is reachable
/// from the roots or no collection has run since it was read out of a
/// root (see the module docs).
pub struct Gc<T: Trace + 'static> {
    ptr: NonNull<GcBox<T>>,
}

impl<T: Trace + 'static> Clone for Gc<T> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Trace + 'static> Copy for Gc<T> {}

impl<T: Trace + 'static> std::ops::Deref for Gc<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: the object is alive: collections free only objects
        // unreachable from the roots, and collections run only at the VM's
        // safe points, where no `Gc` is held outside the roots (module
        // docs). Objects are never moved.
        unsafe { &self.ptr.as_ref().value }
    }
}

thread_local! {
    /// The heap `Gc::new` allocates in (null: none entered).
    static CURRENT: Cell<*mut Heap> = const { Cell::new(std::ptr::null_mut()) };
}

/// What kind of object a type is, for the counters of `--eval-stats`.
#[derive(Clone, Copy)]
#[repr(usize)]
pub enum Kind {
    String,
    Path,
    Attrs,
    List,
    Thunk,
    Env,
    Closure,
    PrimOpApp,
}

/// Number of [`Kind`]s.
pub const KINDS: usize = 8;

/// A type the heap holds: its kind and how many elements it counts as
/// (attributes of a set, elements of a list, slots of an environment).
pub trait Object: Trace {
    const KIND: Kind;
    fn elements(&self) -> usize {
        0
    }
}

impl<T: Object + 'static> Gc<T> {
    /// Allocate `value` in the current heap.
    #[inline]
    pub fn new(value: T) -> Gc<T> {
        let extra = value.heap_bytes();
        let elements = value.elements();
        let size = std::mem::size_of::<GcBox<T>>() + extra;
        // Never 0: that marks a free slot.
        let header = size.clamp(1, u32::MAX as usize) as u32;
        let heap = CURRENT.with(|c| c.get());
        if heap.is_null() {
            // No evaluator: an object never freed.
            let boxed = Box::new(GcBox {
                marked: Cell::new(false),
                flag: Cell::new(false),
                size: header,
                value,
            });
            return Gc {
                ptr: NonNull::from(Box::leak(boxed)),
            };
        }
        // SAFETY: `CURRENT` is only ever set by `Heap::enter` to a heap
        // that outlives the guard, which restores the previous value.
        let heap = unsafe { &mut *heap };
        let slot = heap.spaces[T::KIND as usize].alloc::<T>();
        // SAFETY: an unused slot of `GcBox<T>`'s size and alignment.
        unsafe {
            slot.write(GcBox {
                marked: Cell::new(false),
                flag: Cell::new(false),
                size: header,
                value,
            })
        };
        // SAFETY: just written; not null.
        let ptr = unsafe { NonNull::new_unchecked(slot) };
        heap.adopt(ptr as Erased, size, T::KIND, elements);
        Gc { ptr }
    }
}

impl<T: Trace + 'static> Gc<T> {
    /// Are both the very same object?
    #[inline(always)]
    pub fn ptr_eq(a: &Gc<T>, b: &Gc<T>) -> bool {
        a.ptr == b.ptr
    }

    /// The object's address (identity, for sets of seen objects).
    #[inline(always)]
    pub fn as_ptr(this: &Gc<T>) -> *const T {
        // SAFETY: computing a field address of a live object.
        unsafe { std::ptr::addr_of!((*this.ptr.as_ptr()).value) }
    }
}

/// The marking state of a collection: the objects marked but not yet
/// traced.
pub struct Tracer {
    gray: Vec<Erased>,
    /// Code whose constants are still to be traced.
    protos: Vec<*const Proto>,
    /// This collection's number (never 0, which new code carries).
    epoch: u32,
}

impl Tracer {
    /// Mark an object reachable; its contents are traced later.
    #[inline]
    pub fn mark<T: Trace + 'static>(&mut self, g: Gc<T>) {
        // SAFETY: `g` is alive (it is reachable, so not yet freed).
        let b = unsafe { g.ptr.as_ref() };
        if !b.marked.get() {
            b.marked.set(true);
            self.gray.push(g.ptr as Erased);
        }
    }

    /// Mark an object that holds no references (a string, a path): it
    /// needs no tracing, so it does not go on the gray stack.
    #[inline]
    pub fn mark_leaf<T: Trace + 'static>(&mut self, g: Gc<T>) {
        // SAFETY: `g` is alive (it is reachable, so not yet freed).
        unsafe { g.ptr.as_ref() }.marked.set(true);
    }

    /// Mark the constants of `p` and of all code nested in it, once per
    /// collection (later, from a work list: code nests as deeply as the
    /// source does).
    #[inline]
    pub fn proto(&mut self, p: &Proto) {
        if p.traced.get() != self.epoch {
            p.traced.set(self.epoch);
            self.protos.push(p as *const Proto);
        }
    }

    fn drain(&mut self) {
        loop {
            if let Some(p) = self.gray.pop() {
                // SAFETY: only live objects are pushed, and nothing is freed
                // while marking.
                unsafe { p.as_ref().value.trace(self) };
            } else if let Some(p) = self.protos.pop() {
                // SAFETY: code is owned (by `Rc`) by something marked in
                // this collection, and nothing is freed while marking.
                let p = unsafe { &*p };
                for c in &p.consts {
                    c.trace(self);
                }
                for child in &p.protos {
                    self.proto(child);
                }
                for l in &p.lambdas {
                    l.trace(self);
                }
            } else {
                break;
            }
        }
    }
}

/// What was allocated and collected, for `--eval-stats`.
#[derive(Default, Clone, Copy)]
pub struct HeapStats {
    pub collections: u64,
    pub collect_time: std::time::Duration,
    pub objects_allocated: u64,
    pub bytes_allocated: u64,
    pub objects_freed: u64,
    /// Objects made, by [`Kind`].
    pub made: [u64; KINDS],
    /// Elements of the objects made, by [`Kind`].
    pub elements: [u64; KINDS],
    /// Bytes of the objects made, by [`Kind`].
    pub bytes: [u64; KINDS],
    /// Environments made by calling a lambda.
    pub calls: u64,
}

/// The flag in the header of the object `obj` is the value of.
#[inline(always)]
pub(crate) fn flag_of(obj: &crate::value::Thunk) -> &Cell<bool> {
    type T = crate::value::Thunk;
    let offset = std::mem::offset_of!(GcBox<T>, value);
    let b = (obj as *const T as *const u8).wrapping_sub(offset) as *const GcBox<T>;
    // SAFETY: a `Thunk` is made only by `Gc::new` (its field is private to
    // `value`, whose constructors all allocate) and reached only through a
    // `Gc`, which hands out shared references to the value inside its
    // `GcBox`: `obj` is in one, so `b` is that box, alive as long as `obj`.
    unsafe { &(*b).flag }
}

/// Count a call of a lambda in the current heap's statistics.
#[inline]
pub fn count_call() {
    let heap = CURRENT.with(|c| c.get());
    if !heap.is_null() {
        // SAFETY: as in `Gc::new`.
        unsafe { (*heap).stats.calls += 1 };
    }
}

/// All the objects of one evaluator.
pub struct Heap {
    /// The objects, by kind (see `space`).
    spaces: [Space; KINDS],
    /// Objects in the spaces (live at the last collection, plus those
    /// allocated since).
    count: usize,
    /// The gray stack, kept between collections.
    gray: Vec<Erased>,
    /// Objects allocated while no evaluation ran: always roots.
    pinned: Vec<Erased>,
    /// Nested evaluations running (0: the embedder's code is running).
    running: usize,

    /// Bytes allocated since the last collection.
    debt: usize,
    /// Collect when `debt` exceeds this.
    threshold: usize,
    /// Bytes the objects that survived the last collection own.
    live_bytes: usize,
    /// GC torture (`TANGLE_GC_TORTURE=1`, for tests): collect at every
    /// safe point while fewer than 10 000 objects are live, and every
    /// `live` safe points when more are, so that big cases stay linear
    /// (0: collect by debt only).
    torture: usize,
    /// Safe points until the next torture collection.
    torture_countdown: usize,
    pub stats: HeapStats,
}

/// Collect at the first safe point after this many bytes were allocated,
/// at least. Measured on `bench/` (CPU seconds in collection / collections
/// / peak RSS): `calls` 0.28 / 52 / 51 MB at 16 MB, 0.20 / 26 / 74 MB at
/// 32 MB, 0.16 / 13 / 137 MB at 64 MB; `strings` 0.43, 0.31, 0.16 s.
const MIN_THRESHOLD: usize = 32 << 20;

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap {
    pub fn new() -> Heap {
        let torture = std::env::var("TANGLE_GC_TORTURE")
            .ok()
            .and_then(|s| s.parse::<usize>().ok())
            .unwrap_or(0);
        Heap {
            spaces: [const { Space::new() }; KINDS],
            count: 0,
            gray: Vec::new(),
            pinned: Vec::new(),
            running: 0,
            debt: 0,
            threshold: MIN_THRESHOLD,
            live_bytes: 0,
            torture,
            torture_countdown: torture,
            stats: HeapStats::default(),
        }
    }

    #[inline]
    fn adopt(&mut self, p: Erased, bytes: usize, kind: Kind, elements: usize) {
        self.count += 1;
        self.debt += bytes;
        self.stats.objects_allocated += 1;
        self.stats.bytes_allocated += bytes as u64;
        let k = kind as usize;
        self.stats.made[k] += 1;
        self.stats.elements[k] += elements as u64;
        self.stats.bytes[k] += bytes as u64;
        if self.running == 0 {
            self.pinned.push(p);
        }
    }

    /// Make this heap the one `Gc::new` allocates in, until the guard is
    /// dropped. The heap must not move while entered (evaluators keep it
    /// boxed).
    pub fn enter(&mut self) -> HeapGuard {
        let prev = CURRENT.with(|c| c.replace(self as *mut Heap));
        HeapGuard { prev }
    }

    /// An evaluation starts: objects allocated from now on are not pinned.
    pub fn begin_run(&mut self) {
        self.running += 1;
    }

    pub fn end_run(&mut self) {
        self.running -= 1;
    }

    /// Stop pinning what was allocated outside evaluations (see
    /// `Evaluator::release`).
    pub fn release_pinned(&mut self) {
        self.pinned = Vec::new();
    }

    /// Is a collection due at this safe point?
    #[inline(always)]
    pub fn due(&mut self) -> bool {
        if self.debt > self.threshold {
            return true;
        }
        if self.torture > 0 {
            self.torture_countdown -= 1;
            return self.torture_countdown == 0;
        }
        false
    }

    /// Start a collection: mark the pinned objects. The caller marks its
    /// roots with the tracer, then calls [`Heap::finish`].
    pub fn start(&mut self) -> Tracer {
        let epoch = (self.stats.collections as u32).wrapping_add(1).max(1);
        let mut t = Tracer {
            gray: std::mem::take(&mut self.gray),
            protos: Vec::new(),
            epoch,
        };
        for p in &self.pinned {
            // SAFETY: pinned objects are never freed before the heap.
            let b = unsafe { p.as_ref() };
            if !b.marked.get() {
                b.marked.set(true);
                t.gray.push(*p);
            }
        }
        t
    }

    /// Finish marking and free every object left unmarked.
    pub fn finish(&mut self, mut t: Tracer, started: std::time::Instant) {
        t.drain();
        self.gray = t.gray;
        let (mut j, mut live, mut freed) = (0usize, 0usize, 0u64);
        for space in self.spaces.iter_mut() {
            let (n, bytes, f) = space.sweep();
            j += n;
            live += bytes;
            freed += f;
        }
        self.count = j;
        self.live_bytes = live;
        self.debt = 0;
        self.threshold = MIN_THRESHOLD.max(live);
        if self.torture > 0 {
            self.torture_countdown = if j < 10_000 { self.torture } else { j };
        }
        self.stats.collections += 1;
        self.stats.objects_freed += freed;
        self.stats.collect_time += started.elapsed();
        if std::env::var_os("TANGLE_GC_DEBUG").is_some() {
            eprintln!(
                "gc #{}: {} live objects, {} live bytes, {} freed, {:?}",
                self.stats.collections,
                j,
                live,
                freed,
                started.elapsed()
            );
        }
    }

    /// Objects in the heap now.
    pub fn objects(&self) -> usize {
        self.count
    }

    /// Pages of 64 KiB the heap holds.
    pub fn pages(&self) -> usize {
        self.spaces.iter().map(|s| s.pages()).sum()
    }

    /// Bytes the heap holds now: what survived the last collection and
    /// what was allocated since.
    pub fn size(&self) -> usize {
        self.live_bytes + self.debt
    }
}

/// Restores the previously entered heap when dropped.
pub struct HeapGuard {
    prev: *mut Heap,
}

impl Drop for HeapGuard {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.prev));
    }
}

// Containers of traceable things.

impl<T: Trace + 'static> Trace for Gc<T> {
    #[inline]
    fn trace(&self, t: &mut Tracer) {
        t.mark(*self);
    }
}

impl<T: Trace> Trace for Option<T> {
    fn trace(&self, t: &mut Tracer) {
        if let Some(x) = self {
            x.trace(t);
        }
    }
}

impl<T: Trace> Trace for Vec<T> {
    fn trace(&self, t: &mut Tracer) {
        for x in self {
            x.trace(t);
        }
    }
    fn heap_bytes(&self) -> usize {
        self.capacity() * std::mem::size_of::<T>()
    }
}

impl<T: Trace> Trace for [T] {
    fn trace(&self, t: &mut Tracer) {
        for x in self {
            x.trace(t);
        }
    }
}

impl<T: Trace> Trace for Box<T> {
    fn trace(&self, t: &mut Tracer) {
        (**self).trace(t);
    }
}

impl<T: Trace> Trace for std::rc::Rc<T> {
    fn trace(&self, t: &mut Tracer) {
        (**self).trace(t);
    }
}

impl<T: Trace> Trace for std::cell::RefCell<T> {
    fn trace(&self, t: &mut Tracer) {
        self.borrow().trace(t);
    }
}

impl<A: Trace, B: Trace> Trace for (A, B) {
    fn trace(&self, t: &mut Tracer) {
        self.0.trace(t);
        self.1.trace(t);
    }
}

impl<A: smallvec::Array> Trace for smallvec::SmallVec<A>
where
    A::Item: Trace,
{
    fn trace(&self, t: &mut Tracer) {
        for x in self.iter() {
            x.trace(t);
        }
    }
}

impl<K, V: Trace, S> Trace for std::collections::HashMap<K, V, S> {
    fn trace(&self, t: &mut Tracer) {
        for v in self.values() {
            v.trace(t);
        }
    }
}

/// Values with no heap references.
macro_rules! no_trace {
    ($($t:ty),*) => {
        $(impl Trace for $t {
            #[inline]
            fn trace(&self, _: &mut Tracer) {}
        })*
    };
}
no_trace!(bool, usize, u32, i64, f64, String, crate::symbol::Symbol);
