//! `builtins.sort`: a stable merge sort that asks for one comparison at a
//! time, so the comparator (Nix code) runs on the VM's frame stack.
//!
//! C++ Nix sorts with libstdc++'s `std::stable_sort` and a buffer of half
//! the list. The order in which that algorithm calls the comparator is
//! observable (`builtins.trace` in a comparator, the first comparison that
//! fails, comparators that are not a strict weak order), so [`Merger`]
//! follows the same plan step for step:
//!
//! 1. split at `mid = (n + 1) / 2`; sort each half with a buffer:
//!    insertion sort of runs of 7, then merge passes that alternate between
//!    the list and the buffer, doubling the run length each pass;
//! 2. merge the halves: forwards (left half moved to the buffer) when both
//!    halves are the same size, backwards (right half moved to the buffer)
//!    when the left half is longer.
//!
//! The insertion sort, like libstdc++'s, first compares an element with the
//! first of its run, and only then walks left without a bounds check: a
//! deterministic comparator never walks past the run's start; an
//! inconsistent one walks on into the runs before, as in libstdc++, and is
//! stopped at the start of the list instead of running off it.
//!
//! [`Sort`] drives the [`Merger`] and runs the comparator, avoiding a Nix
//! call per comparison where that cannot be observed ([`Comparator`]).

use super::force_then;
use crate::builtins::{boolean, function, list, PrimRet};
use crate::chunk::{Lambda, Op};
use crate::error::{Error, Result};
use crate::gc::{Gc, Trace, Tracer};
use crate::source::Pos;
use crate::value::{Closure, Env, Value};
use crate::vm::compare::{less_than_fast, LessThan};
use crate::vm::{Cont, Step, Vm};
use std::rc::Rc;

/// Run length of the first (insertion sort) pass, as in libstdc++.
const CHUNK: usize = 7;

/// Which array a range lives in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Arr {
    List,
    Buf,
}

/// One step of the plan.
#[derive(Clone, Copy, Debug)]
enum Task {
    /// Insertion sort of `list[lo..hi]`.
    Insertion { lo: usize, hi: usize },
    /// Merge `a[l1..h1]` and `b[l2..h2]` forwards into `dst[out..]`; on
    /// equal elements the first range goes first.
    Merge {
        a: Arr,
        l1: usize,
        h1: usize,
        b: Arr,
        l2: usize,
        h2: usize,
        dst: Arr,
        out: usize,
    },
    /// Move `list[lo..hi]` to `buf[0..]` (before the final merge).
    ToBuffer { lo: usize, hi: usize },
    /// Merge `list[0..mid]` and `buf[0..n - mid]` backwards into
    /// `list[..n]`.
    MergeBack { mid: usize, n: usize },
}

/// Where the current task stands.
#[derive(Clone, Copy, Debug)]
enum Cur {
    Idle,
    /// Insertion sort: `i` is the element being placed; `j` its position
    /// while walking left (None: not compared with the run's first yet).
    Insertion {
        lo: usize,
        hi: usize,
        i: usize,
        j: Option<usize>,
    },
    Merge {
        a: Arr,
        p1: usize,
        h1: usize,
        b: Arr,
        p2: usize,
        h2: usize,
        dst: Arr,
        out: usize,
    },
    /// Backward merge: `p1`/`p2` are one past the last unmerged element of
    /// the left half (in the list) and the right half (in the buffer),
    /// `res` one past where the next largest element goes.
    MergeBack {
        p1: usize,
        p2: usize,
        res: usize,
    },
}

/// What the merger needs next. Elements are named by their index in the
/// original list: the merger moves indices, not values.
pub enum Need {
    /// Is element `x` less than element `y`? Answer with [`Merger::step`].
    Less(usize, usize),
    /// The indices of the elements in sorted order.
    Done(Vec<usize>),
}

pub struct Merger {
    list: Vec<usize>,
    buf: Vec<usize>,
    tasks: Vec<Task>,
    next_task: usize,
    cur: Cur,
}

fn plan_half(tasks: &mut Vec<Task>, lo: usize, hi: usize) {
    let len = hi - lo;
    let mut c = lo;
    while hi - c >= CHUNK {
        tasks.push(Task::Insertion {
            lo: c,
            hi: c + CHUNK,
        });
        c += CHUNK;
    }
    tasks.push(Task::Insertion { lo: c, hi });
    let mut step = CHUNK;
    while step < len {
        plan_pass(tasks, Arr::List, lo, hi, Arr::Buf, 0, step);
        step *= 2;
        plan_pass(tasks, Arr::Buf, 0, len, Arr::List, lo, step);
        step *= 2;
    }
}

/// One merge pass over `src[first..last]` with runs of `step`, written to
/// `dst` from `out`.
fn plan_pass(
    tasks: &mut Vec<Task>,
    src: Arr,
    mut first: usize,
    last: usize,
    dst: Arr,
    mut out: usize,
    step: usize,
) {
    let two = 2 * step;
    while last - first >= two {
        tasks.push(Task::Merge {
            a: src,
            l1: first,
            h1: first + step,
            b: src,
            l2: first + step,
            h2: first + two,
            dst,
            out,
        });
        first += two;
        out += two;
    }
    let step = step.min(last - first);
    tasks.push(Task::Merge {
        a: src,
        l1: first,
        h1: first + step,
        b: src,
        l2: first + step,
        h2: last,
        dst,
        out,
    });
}

impl Merger {
    /// A merger for a list of `n` elements.
    pub fn new(n: usize) -> Merger {
        let list: Vec<usize> = (0..n).collect();
        let mut tasks = Vec::new();
        if n >= 2 {
            let mid = n.div_ceil(2);
            plan_half(&mut tasks, 0, mid);
            plan_half(&mut tasks, mid, n);
            if mid <= n - mid {
                tasks.push(Task::ToBuffer { lo: 0, hi: mid });
                tasks.push(Task::Merge {
                    a: Arr::Buf,
                    l1: 0,
                    h1: mid,
                    b: Arr::List,
                    l2: mid,
                    h2: n,
                    dst: Arr::List,
                    out: 0,
                });
            } else {
                tasks.push(Task::ToBuffer { lo: mid, hi: n });
                tasks.push(Task::MergeBack { mid, n });
            }
        }
        Merger {
            buf: vec![0; n.div_ceil(2)],
            list,
            tasks,
            next_task: 0,
            cur: Cur::Idle,
        }
    }

    fn arr(&mut self, a: Arr) -> &mut Vec<usize> {
        match a {
            Arr::List => &mut self.list,
            Arr::Buf => &mut self.buf,
        }
    }

    fn take(&mut self, a: Arr, i: usize) -> usize {
        self.get(a, i)
    }

    fn get(&self, a: Arr, i: usize) -> usize {
        match a {
            Arr::List => self.list[i],
            Arr::Buf => self.buf[i],
        }
    }

    /// Go on with a forward merge while it needs comparisons: Some(the next
    /// one), or None when the merge is over (or none is running).
    #[inline]
    fn merge_fast(&mut self, answer: &mut Option<bool>) -> Option<Need> {
        let Merger { list, buf, cur, .. } = self;
        if let Cur::Merge {
            a,
            p1,
            h1,
            b,
            p2,
            h2,
            dst,
            out,
        } = cur
        {
            let src = |arr: Arr, list: &Vec<usize>, buf: &Vec<usize>, i: usize| match arr {
                Arr::List => list[i],
                Arr::Buf => buf[i],
            };
            if let Some(second_first) = answer.take() {
                let v = if second_first {
                    *p2 += 1;
                    src(*b, list, buf, *p2 - 1)
                } else {
                    *p1 += 1;
                    src(*a, list, buf, *p1 - 1)
                };
                match dst {
                    Arr::List => list[*out] = v,
                    Arr::Buf => buf[*out] = v,
                }
                *out += 1;
            }
            if *p1 < *h1 && *p2 < *h2 {
                return Some(Need::Less(src(*b, list, buf, *p2), src(*a, list, buf, *p1)));
            }
        }
        None
    }

    /// Go on with the answer to the last [`Need::Less`] (None at the
    /// start) until the next comparison is needed or the list is sorted.
    pub fn step(&mut self, mut answer: Option<bool>) -> Need {
        // Indices below stay inside the arrays: the plan only names ranges
        // within `0..n` of the list and `0..(n + 1) / 2` of the buffer.
        //
        // Merging is where nearly all comparisons happen: it runs first,
        // on the current task's fields in place.
        if let Some(need) = self.merge_fast(&mut answer) {
            return need;
        }
        loop {
            match self.cur {
                Cur::Idle => {
                    let task = match self.tasks.get(self.next_task) {
                        Some(t) => *t,
                        None => return Need::Done(std::mem::take(&mut self.list)),
                    };
                    self.next_task += 1;
                    self.cur = match task {
                        Task::Insertion { lo, hi } => Cur::Insertion {
                            lo,
                            hi,
                            i: lo + 1,
                            j: None,
                        },
                        Task::Merge {
                            a,
                            l1,
                            h1,
                            b,
                            l2,
                            h2,
                            dst,
                            out,
                        } => Cur::Merge {
                            a,
                            p1: l1,
                            h1,
                            b,
                            p2: l2,
                            h2,
                            dst,
                            out,
                        },
                        Task::ToBuffer { lo, hi } => {
                            for k in lo..hi {
                                let v = self.take(Arr::List, k);
                                self.buf[k - lo] = v;
                            }
                            Cur::Idle
                        }
                        Task::MergeBack { mid, n } => Cur::MergeBack {
                            p1: mid,
                            p2: n - mid,
                            res: n,
                        },
                    };
                }
                Cur::Insertion { lo, hi, i, j } => {
                    if i >= hi {
                        self.cur = Cur::Idle;
                        continue;
                    }
                    match (j, answer.take()) {
                        (None, None) => {
                            return Need::Less(self.list[i], self.list[lo]);
                        }
                        (None, Some(true)) => {
                            self.list[lo..=i].rotate_right(1);
                            self.cur = Cur::Insertion {
                                lo,
                                hi,
                                i: i + 1,
                                j: None,
                            };
                        }
                        (None, Some(false)) => {
                            self.cur = Cur::Insertion {
                                lo,
                                hi,
                                i,
                                j: Some(i),
                            };
                            return Need::Less(self.list[i], self.list[i - 1]);
                        }
                        (Some(j), Some(true)) if j >= 2 => {
                            self.list.swap(j - 1, j);
                            self.cur = Cur::Insertion {
                                lo,
                                hi,
                                i,
                                j: Some(j - 1),
                            };
                            return Need::Less(self.list[j - 1], self.list[j - 2]);
                        }
                        (Some(j), Some(true)) => {
                            // Only an inconsistent comparator gets here (it
                            // said "not less" than the run's first before);
                            // libstdc++ would read before the list.
                            self.list.swap(j - 1, j);
                            self.cur = Cur::Insertion {
                                lo,
                                hi,
                                i: i + 1,
                                j: None,
                            };
                        }
                        (Some(_), _) => {
                            self.cur = Cur::Insertion {
                                lo,
                                hi,
                                i: i + 1,
                                j: None,
                            };
                        }
                    }
                }
                Cur::Merge {
                    a,
                    mut p1,
                    h1,
                    b,
                    mut p2,
                    h2,
                    dst,
                    mut out,
                } => {
                    if let Some(second_first) = answer.take() {
                        let v = if second_first {
                            p2 += 1;
                            self.take(b, p2 - 1)
                        } else {
                            p1 += 1;
                            self.take(a, p1 - 1)
                        };
                        self.arr(dst)[out] = v;
                        out += 1;
                    }
                    if p1 < h1 && p2 < h2 {
                        self.cur = Cur::Merge {
                            a,
                            p1,
                            h1,
                            b,
                            p2,
                            h2,
                            dst,
                            out,
                        };
                        return Need::Less(self.get(b, p2), self.get(a, p1));
                    }
                    for k in p1..h1 {
                        let v = self.take(a, k);
                        self.arr(dst)[out] = v;
                        out += 1;
                    }
                    for k in p2..h2 {
                        let v = self.take(b, k);
                        self.arr(dst)[out] = v;
                        out += 1;
                    }
                    self.cur = Cur::Idle;
                }
                Cur::MergeBack {
                    mut p1,
                    mut p2,
                    mut res,
                } => {
                    if let Some(right_smaller) = answer.take() {
                        res -= 1;
                        if right_smaller {
                            // The left element is the larger: it goes last.
                            let v = self.take(Arr::List, p1 - 1);
                            self.list[res] = v;
                            p1 -= 1;
                            if p1 == 0 {
                                for k in (0..p2).rev() {
                                    let v = self.take(Arr::Buf, k);
                                    res -= 1;
                                    self.list[res] = v;
                                }
                                self.cur = Cur::Idle;
                                continue;
                            }
                        } else {
                            let v = self.take(Arr::Buf, p2 - 1);
                            self.list[res] = v;
                            p2 -= 1;
                            if p2 == 0 {
                                self.cur = Cur::Idle;
                                continue;
                            }
                        }
                    }
                    self.cur = Cur::MergeBack { p1, p2, res };
                    return Need::Less(self.buf[p2 - 1], self.list[p1 - 1]);
                }
            }
        }
    }
}

/// `sort`: Nix forces every element first, in order, then sorts with
/// `std::stable_sort`; see [`Merger`] for the comparison order.
/// `sort f list`: as in current Nix, the list is forced first (by the VM),
/// an empty one is the result as it is, and only then is the comparator
/// forced and checked to be a function.
pub fn sort(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let items = list(&a[1])?;
    if items.is_empty() {
        return Ok(PrimRet::Value(a[1]));
    }
    force_then(vm, &a[0], a, move |_, f| {
        function(&f)?;
        Ok(PrimRet::Cont(Box::new(Sort {
            how: Comparator::of(&f),
            partials: Vec::new(),
            f,
            items,
            forced: 0,
            values: Vec::new(),
            merger: None,
            wait: SortWait::Nothing,
        })))
    })
}

/// How the comparator is run.
enum Comparator {
    /// `builtins.lessThan` itself is compared without a call, as in Nix
    /// (not a partial application or a wrapper).
    LessThan,
    /// `a: b: a < b`, `a: b: b < a`, `a: b: a > b`, `a: b: b > a`: the
    /// body is a single comparison of the two arguments, which is done
    /// without a call (`swap`: compare `b < a`). An error in it gets the
    /// position and trace entry the call would have given it.
    Inline { swap: bool, lambda: Rc<Lambda> },
    /// `a: b: ...`: the sort makes the closure `f x` itself (the outer
    /// body does nothing else), once per element.
    Curried {
        inner: Rc<Lambda>,
        env: Option<Gc<Env>>,
    },
    /// Anything else: `f x y`.
    Call,
}

impl Comparator {
    fn of(f: &Value) -> Comparator {
        if matches!(f, Value::PrimOp(op) if op.name == "lessThan") {
            return Comparator::LessThan;
        }
        let c = match f {
            Value::Closure(c) if c.lambda.formals.is_none() => c,
            _ => return Comparator::Call,
        };
        let inner = match c.lambda.body.code.as_slice() {
            [Op::Closure(k), Op::Return] => match c.lambda.body.lambdas.get(*k as usize) {
                Some(inner) => inner.clone(),
                None => return Comparator::Call,
            },
            _ => return Comparator::Call,
        };
        if inner.formals.is_none() {
            // Depth 1 is the outer argument, depth 0 the inner one.
            let swap = match inner.body.code.as_slice() {
                [Op::LocalForce(1, 0), Op::LocalForce(0, 0), Op::Less, Op::Return] => Some(false),
                [Op::LocalForce(0, 0), Op::LocalForce(1, 0), Op::Less, Op::Return] => Some(true),
                _ => None,
            };
            if let Some(swap) = swap {
                return Comparator::Inline {
                    swap,
                    lambda: inner,
                };
            }
        }
        Comparator::Curried { inner, env: c.env }
    }
}

enum SortWait {
    Nothing,
    /// An element is being forced.
    Element,
    /// `f x` is being computed; then it is called with this value.
    Partial(Value),
    /// The comparator's result.
    Answer,
    /// The result of an inline comparison run on the VM (lists).
    InlineAnswer,
}

struct Sort {
    f: Value,
    how: Comparator,
    /// `f x` for each element `x`, made for `Comparator::Curried` when
    /// first needed (each element is compared about log n times).
    partials: Vec<Option<Value>>,
    items: Gc<Vec<Value>>,
    forced: usize,
    /// The elements, forced, once they all are.
    values: Vec<Value>,
    merger: Option<Merger>,
    wait: SortWait,
}

impl Cont for Sort {
    fn trace(&self, t: &mut Tracer) {
        self.f.trace(t);
        match &self.how {
            Comparator::Inline { lambda, .. } => lambda.trace(t),
            Comparator::Curried { inner, env } => {
                inner.trace(t);
                env.trace(t);
            }
            Comparator::LessThan | Comparator::Call => {}
        }
        self.partials.trace(t);
        t.mark(self.items);
        self.values.trace(t);
        if let SortWait::Partial(v) = &self.wait {
            v.trace(t);
        }
    }
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        let mut answer = None;
        match std::mem::replace(&mut self.wait, SortWait::Nothing) {
            SortWait::Nothing | SortWait::Element => {}
            SortWait::Partial(y) => {
                self.wait = SortWait::Answer;
                return Ok(Step::Call(input, y));
            }
            SortWait::Answer | SortWait::InlineAnswer => answer = Some(boolean(&input)?),
        }
        let merger = match &mut self.merger {
            Some(m) => m,
            None => {
                while self.forced < self.items.len() {
                    let x = &self.items[self.forced];
                    if !x.is_forced() {
                        self.wait = SortWait::Element;
                        return Ok(Step::Force(*x));
                    }
                    self.forced += 1;
                }
                self.values = self.items.iter().map(|v| v.shallow()).collect();
                let descending = match &self.how {
                    Comparator::LessThan => Some(false),
                    Comparator::Inline { swap, .. } => Some(*swap),
                    _ => None,
                };
                if let Some(descending) = descending {
                    if let Some(sorted) = sort_scalars(&self.values, descending) {
                        return Ok(Step::Done(Value::list(sorted)));
                    }
                }
                self.merger.insert(Merger::new(self.values.len()))
            }
        };
        loop {
            let (i, j) = match merger.step(answer.take()) {
                Need::Done(order) => {
                    let out = order.iter().map(|&i| self.values[i]).collect();
                    return Ok(Step::Done(Value::list(out)));
                }
                Need::Less(i, j) => (i, j),
            };
            match &self.how {
                Comparator::Curried { inner, env } => {
                    if self.partials.is_empty() {
                        self.partials = vec![None; self.values.len()];
                    }
                    let g = match &self.partials[i] {
                        Some(g) => *g,
                        None => {
                            let call_env = Env::for_call(1, *env);
                            let _ = call_env.slot(0).set(self.values[i]);
                            let g = Value::Closure(Gc::new(Closure {
                                lambda: inner.clone(),
                                env: Some(call_env),
                            }));
                            self.partials[i] = Some(g);
                            g
                        }
                    };
                    self.wait = SortWait::Answer;
                    return Ok(Step::Call(g, self.values[j]));
                }
                Comparator::Call => {
                    self.wait = SortWait::Partial(self.values[j]);
                    return Ok(Step::Call(self.f, self.values[i]));
                }
                Comparator::LessThan | Comparator::Inline { .. } => {
                    let (x, y) = match &self.how {
                        Comparator::Inline { swap: true, .. } => (&self.values[j], &self.values[i]),
                        _ => (&self.values[i], &self.values[j]),
                    };
                    match less_than_fast(x, y) {
                        Ok(Some(r)) => answer = Some(r),
                        Ok(None) => {
                            let sub = LessThan::new(*x, *y, false);
                            self.wait = match self.how {
                                Comparator::Inline { .. } => SortWait::InlineAnswer,
                                _ => SortWait::Answer,
                            };
                            return Ok(Step::Sub(Box::new(sub)));
                        }
                        Err(mut e) => {
                            if let Comparator::Inline { lambda, .. } = &self.how {
                                // Where the comparison is in the lambda.
                                e.pos = lambda.body.spans.get(2).map(|off| Pos {
                                    source: lambda.body.source.clone(),
                                    offset: *off,
                                });
                                self.wait = SortWait::InlineAnswer;
                            }
                            return Err(e);
                        }
                    }
                }
            }
        }
    }

    fn unwinding(&mut self, err: &mut Error) {
        // The frame the inline comparator's call would have had.
        if let (SortWait::InlineAnswer, Comparator::Inline { lambda, .. }) = (&self.wait, &self.how)
        {
            if err.trace.len() < 64 {
                err.trace.push((
                    format!("while calling {}", lambda.describe()),
                    Some(Pos {
                        source: lambda.source.clone(),
                        offset: lambda.offset,
                    }),
                ));
            }
        }
    }
}

/// Sort with `<` (or `>`, `descending`) directly when it is a strict weak
/// order on the elements
/// (then every stable sort gives the same result as Nix's): all integers,
/// all strings, all paths, or numbers without NaN where every integer is
/// exact as a float.
fn sort_scalars(values: &[Value], descending: bool) -> Option<Vec<Value>> {
    const EXACT: i64 = 1 << 53;
    let mut out = values.to_vec();
    let first = values.first()?;
    match first {
        Value::Int(_) | Value::Float(_) => {
            let (mut has_float, mut has_big_int) = (false, false);
            for v in values {
                match v {
                    Value::Int(i) => has_big_int |= !(-EXACT..=EXACT).contains(i),
                    Value::Float(f) if !f.is_nan() => has_float = true,
                    _ => return None,
                }
            }
            if !has_float {
                out.sort_by_key(|v| match v {
                    Value::Int(i) => *i,
                    _ => 0,
                });
            } else if has_big_int {
                return None;
            } else {
                let num = |v: &Value| match v {
                    Value::Int(i) => *i as f64,
                    Value::Float(f) => *f,
                    _ => 0.0,
                };
                out.sort_by(|a, b| {
                    num(a)
                        .partial_cmp(&num(b))
                        .unwrap_or(std::cmp::Ordering::Equal)
                });
            }
        }
        Value::String(_) => {
            if !values.iter().all(|v| matches!(v, Value::String(_))) {
                return None;
            }
            out.sort_by(|a, b| match (a, b) {
                (Value::String(x), Value::String(y)) => x.bytes.cmp(&y.bytes),
                _ => std::cmp::Ordering::Equal,
            });
        }
        Value::Path(_) => {
            if !values.iter().all(|v| matches!(v, Value::Path(_))) {
                return None;
            }
            out.sort_by(|a, b| match (a, b) {
                (Value::Path(x), Value::Path(y)) => x.path.cmp(&y.path),
                _ => std::cmp::Ordering::Equal,
            });
        }
        _ => return None,
    }
    if descending {
        // A stable sort by "greater": equal elements keep their order.
        let mut runs: Vec<Vec<Value>> = Vec::new();
        for v in out {
            match runs.last_mut() {
                Some(run) if !less_than_fast(&run[0], &v).ok().flatten().unwrap_or(true) => {
                    run.push(v)
                }
                _ => runs.push(vec![v]),
            }
        }
        return Some(runs.into_iter().rev().flatten().collect());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{Merger, Need};

    /// Sort ints with `less`, recording each comparison.
    fn run(xs: &[i64], less: impl Fn(i64, i64) -> bool) -> (Vec<i64>, Vec<(i64, i64)>) {
        let mut m = Merger::new(xs.len());
        let mut calls = Vec::new();
        let mut answer = None;
        loop {
            match m.step(answer) {
                Need::Less(a, b) => {
                    calls.push((xs[a], xs[b]));
                    answer = Some(less(xs[a], xs[b]));
                }
                Need::Done(out) => return (out.iter().map(|&i| xs[i]).collect(), calls),
            }
        }
    }

    #[test]
    fn sorts_like_a_stable_sort() {
        let mut seed = 12345u64;
        for n in 0..300 {
            let xs: Vec<i64> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    ((seed >> 33) % 50) as i64
                })
                .collect();
            // Compare on the tens only, so stability shows.
            let (out, _) = run(&xs, |a, b| a / 10 < b / 10);
            let mut want = xs.clone();
            want.sort_by_key(|x| x / 10);
            assert_eq!(out, want, "n = {}", n);
        }
    }

    #[test]
    fn calls_the_comparator_in_libstdcxx_order() {
        // Recorded from C++ Nix 2.8 with `builtins.trace` in the comparator.
        let (out, calls) = run(&[5, 3, 9, 1, 7, 2, 8, 6, 4, 0, 11, 10], |a, b| a < b);
        assert_eq!(out, (0..12).collect::<Vec<_>>());
        let want = [
            (3, 5),
            (9, 3),
            (9, 5),
            (1, 3),
            (7, 1),
            (7, 9),
            (7, 5),
            (2, 1),
            (2, 9),
            (2, 7),
            (2, 5),
            (2, 3),
            (2, 1),
            (6, 8),
            (4, 6),
            (0, 4),
            (11, 0),
            (11, 8),
            (10, 0),
            (10, 11),
            (10, 8),
            (0, 1),
            (4, 1),
            (4, 2),
            (4, 3),
            (4, 5),
            (6, 5),
            (6, 7),
            (8, 7),
            (8, 9),
            (10, 9),
        ];
        assert_eq!(calls, want);
    }

    #[test]
    fn inconsistent_comparators_terminate() {
        for n in 0..100 {
            let xs: Vec<i64> = (0..n).collect();
            let (out, _) = run(&xs, |_, _| true);
            assert_eq!(out.len(), xs.len());
            let (out, _) = run(&xs, |a, b| (a + b) % 3 == 0);
            let mut sorted = out.clone();
            sorted.sort();
            assert_eq!(sorted, xs);
        }
    }
}
