//! Thunks simple enough to compute without a frame.
//!
//! Many thunks are a little arithmetic on variables: `n - 1`, `i * 2`,
//! `a < b`. When one of them is forced and every variable it reads is
//! already a number, pushing a frame, running four instructions and
//! returning costs far more than the arithmetic. [`is_inline`] marks such
//! bodies when they are compiled; [`compute`] evaluates one directly when
//! the thunk is forced. If anything is not as simple as it looked (a
//! variable still unevaluated, a non-number, an overflow, a division by
//! zero), it gives up and the thunk is forced the ordinary way, which also
//! produces the error. Forcing order and results are unchanged: this only
//! skips the frame. A thunk that is just a constant (a list literal of
//! constants, which the compiler makes one constant) is inline too, and so
//! is an attribute path on a variable (`node.key`, `x.a.b`) when the
//! variable and every attribute on the way are already evaluated.

use crate::chunk::{Op, Proto};
use crate::value::{Env, ThunkState, Value};

/// Deepest operand stack an inline body may need.
const MAX_DEPTH: usize = 4;

/// Whether `code` (with constants `consts`) qualifies: one constant that
/// is a value in weak head normal form, or a list of constants; or only number constants, forced
/// locals and arithmetic, optionally one comparison as the last operator;
/// then `Return`.
pub fn is_inline(code: &[Op], consts: &[Value]) -> bool {
    let mut depth = 0usize;
    let Some((Op::Return, body)) = code.split_last() else {
        return false;
    };
    match body {
        [Op::Const(c)] => return !matches!(consts.get(*c as usize), Some(Value::Thunk(_)) | None),
        [Op::ConstList(_)] => return true,
        [Op::LocalForce(..), rest @ ..] if is_select_path(rest) => return true,
        _ => {}
    }
    for (i, op) in body.iter().enumerate() {
        match op {
            Op::Const(c) => {
                if !matches!(
                    consts.get(*c as usize),
                    Some(Value::Int(_) | Value::Float(_))
                ) {
                    return false;
                }
                depth += 1;
            }
            Op::LocalForce(..) => depth += 1,
            Op::Add | Op::Sub | Op::Mul | Op::Div if depth >= 2 => depth -= 1,
            Op::Less | Op::GreaterEq if depth >= 2 && i + 1 == body.len() => depth -= 1,
            _ => return false,
        }
        if depth > MAX_DEPTH {
            return false;
        }
    }
    depth == 1
}

/// `(Select, Force)+`: the attribute path of `x.a.b` after reading `x`.
fn is_select_path(ops: &[Op]) -> bool {
    !ops.is_empty()
        && ops.len().is_multiple_of(2)
        && ops
            .chunks(2)
            .all(|pair| matches!(pair, [Op::Select(_), Op::Force]))
}

/// `v` if it is in weak head normal form already (a forced thunk gives
/// its value).
fn whnf(v: &Value) -> Option<Value> {
    match v {
        Value::Thunk(t) => t.value(),
        v => Some(*v),
    }
}

/// `x.a.b` (`LocalForce`, then `Select, Force` pairs): only when `x` and
/// every attribute on the way are there and already evaluated.
fn select_path(proto: &Proto, env: &Env, depth: u32, slot: u32) -> Option<Value> {
    let mut e = env;
    for _ in 0..depth {
        e = e.parent.as_deref()?;
    }
    let mut v = whnf(e.slot(slot as usize).get()?)?;
    for op in &proto.code[1..] {
        match *op {
            Op::Select(i) => {
                let name = *proto.syms.get(i as usize)?;
                v = match &v {
                    Value::Attrs(a) => whnf(a.get(name)?)?,
                    _ => return None,
                };
            }
            Op::Force => {}
            _ => return Some(v),
        }
    }
    Some(v)
}

/// A number read by an inline body.
#[derive(Clone, Copy)]
enum Num {
    Int(i64),
    Float(f64),
}

/// A new list with the elements of the list `template` (`Op::ConstList`).
pub fn fresh_list(template: &Value) -> Value {
    match template {
        Value::List(items) => Value::list(items.to_vec()),
        other => *other,
    }
}

/// `v` in weak head normal form if that needs no frame: a value, a forced
/// thunk, or a pending thunk with an inline body (computed now and the
/// thunk completed). For builtins that force their arguments themselves:
/// computing such a thunk early cannot fail or be seen.
pub fn settle(v: &Value) -> Option<Value> {
    let Value::Thunk(t) = v else {
        return Some(*v);
    };
    if let Some(x) = t.value() {
        return Some(x);
    }
    let computed = match &t.state() {
        ThunkState::Pending(p, e) if p.inline && !t.forcing() => compute(p, e)?,
        _ => return None,
    };
    t.set_state(ThunkState::Done(computed));
    Some(computed)
}

/// Evaluate an inline body in `env`, or None to force it the ordinary way.
pub fn compute(proto: &Proto, env: &Env) -> Option<Value> {
    match proto.code[..] {
        [Op::Const(i), Op::Return] => return proto.consts.get(i as usize).cloned(),
        [Op::ConstList(i), Op::Return] => return proto.consts.get(i as usize).map(fresh_list),
        [Op::LocalForce(depth, slot), Op::Select(_), ..] => {
            return select_path(proto, env, depth, slot)
        }
        _ => {}
    }
    let mut stack = [Num::Int(0); MAX_DEPTH];
    let mut sp = 0usize;
    for op in &proto.code {
        match *op {
            Op::Const(i) => {
                *stack.get_mut(sp)? = number(proto.consts.get(i as usize)?)?;
                sp += 1;
            }
            Op::LocalForce(depth, slot) => {
                let mut e = env;
                for _ in 0..depth {
                    e = e.parent.as_deref()?;
                }
                *stack.get_mut(sp)? = match e.slot(slot as usize).get()? {
                    Value::Thunk(t) => number(&t.value()?)?,
                    v => number(v)?,
                };
                sp += 1;
            }
            Op::Return => {
                return match stack[0] {
                    Num::Int(i) => Some(Value::Int(i)),
                    Num::Float(f) => Some(Value::Float(f)),
                };
            }
            ref op @ (Op::Less | Op::GreaterEq) => {
                // The last operator (see `is_inline`): its Boolean is the result.
                let (a, b) = (*stack.first()?, *stack.get(1)?);
                return compare(*op, a, b).map(Value::Bool);
            }
            op => {
                sp = sp.checked_sub(1)?;
                let (a, b) = (*stack.get(sp.checked_sub(1)?)?, stack[sp]);
                stack[sp - 1] = arith(op, a, b)?;
            }
        }
    }
    None
}

fn number(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Float(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

fn float(n: Num) -> f64 {
    match n {
        Num::Int(i) => i as f64,
        Num::Float(f) => f,
    }
}

/// `+ - * /` with Nix's promotion to float when either side is one. None
/// where Nix raises an error (overflow, division by zero).
fn arith(op: Op, a: Num, b: Num) -> Option<Num> {
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        return match op {
            Op::Add => x.checked_add(y),
            Op::Sub => x.checked_sub(y),
            Op::Mul => x.checked_mul(y),
            Op::Div => x.checked_div(y),
            _ => None,
        }
        .map(Num::Int);
    }
    let (x, y) = (float(a), float(b));
    match op {
        Op::Add => Some(Num::Float(x + y)),
        Op::Sub => Some(Num::Float(x - y)),
        Op::Mul => Some(Num::Float(x * y)),
        Op::Div if y != 0.0 => Some(Num::Float(x / y)),
        _ => None,
    }
}

fn compare(op: Op, a: Num, b: Num) -> Option<bool> {
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        return Some(match op {
            Op::Less => x < y,
            _ => x >= y,
        });
    }
    // Mixed comparisons are left to the VM (Nix's own promotion rules).
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;
    use crate::value::Thunk;
    use std::rc::Rc;

    fn proto(code: Vec<Op>, consts: Vec<Value>) -> Proto {
        let inline = is_inline(&code, &consts);
        Proto {
            spans: vec![0; code.len()],
            code,
            source: Source::new("«test»".into(), String::new()),
            consts,
            protos: Vec::new(),
            lambdas: Vec::new(),
            layouts: Vec::new(),
            layout_offsets: Vec::new(),
            layout_positions: Vec::new(),
            dyn_vars: Vec::new(),
            syms: Vec::new(),
            nested_selects: Vec::new(),
            part_offsets: Vec::new(),
            inline,
            returns_lambda: None,
            traced: std::cell::Cell::new(0),
        }
    }

    /// An environment whose slot 0 holds `v`.
    fn env_with(v: Value) -> crate::gc::Gc<Env> {
        let e = Env::new(1, None);
        let _ = e.slot(0).set(v);
        e
    }

    fn show(v: Option<Value>) -> String {
        match v {
            None => "none".into(),
            Some(Value::Int(i)) => format!("int {}", i),
            Some(Value::Float(f)) => format!("float {}", f),
            Some(Value::Bool(b)) => format!("bool {}", b),
            Some(_) => "other".into(),
        }
    }

    /// `n OP c` over slot 0 and one constant.
    fn run(op: Op, n: Value, c: Value) -> String {
        let p = proto(
            vec![Op::LocalForce(0, 0), Op::Const(0), op, Op::Return],
            vec![c],
        );
        assert!(p.inline);
        show(compute(&p, &env_with(n)))
    }

    #[test]
    fn which_bodies_qualify() {
        let ints = vec![Value::Int(1)];
        let q = |code: Vec<Op>, consts: &Vec<Value>| is_inline(&code, consts);
        assert!(q(
            vec![Op::LocalForce(1, 2), Op::Const(0), Op::Sub, Op::Return],
            &ints
        ));
        // A comparison only as the last operator.
        assert!(q(
            vec![Op::LocalForce(0, 0), Op::Const(0), Op::Less, Op::Return],
            &ints
        ));
        assert!(!q(
            vec![
                Op::LocalForce(0, 0),
                Op::Const(0),
                Op::Less,
                Op::Const(0),
                Op::Add,
                Op::Return
            ],
            &ints
        ));
        // A lone constant of any value qualifies (a list of constants);
        // one that is a thunk does not.
        let list = vec![Value::list(vec![Value::string("x")])];
        assert!(q(vec![Op::Const(0), Op::Return], &list));
        let p = proto(vec![Op::Const(0), Op::Return], list);
        assert!(
            matches!(compute(&p, &env_with(Value::Null)), Some(Value::List(l)) if l.len() == 1)
        );
        let thunk = vec![crate::value::Thunk::apply(Value::Null, Value::Null)];
        assert!(!q(vec![Op::Const(0), Op::Return], &thunk));
        // Non-number constants in arithmetic, unforced reads, other
        // operators, no Return.
        assert!(!q(
            vec![Op::Const(0), Op::Const(1), Op::Add, Op::Return],
            &vec![Value::string("x"), Value::Int(1)]
        ));
        assert!(!q(vec![Op::Local(0, 0), Op::Return], &ints));
        assert!(!q(
            vec![Op::LocalForce(0, 0), Op::Const(0), Op::Equal, Op::Return],
            &ints
        ));
        assert!(!q(vec![Op::LocalForce(0, 0), Op::Const(0), Op::Sub], &ints));
        // Too deep for the fixed stack.
        let mut deep = vec![Op::Const(0); MAX_DEPTH + 1];
        deep.extend(vec![Op::Add; MAX_DEPTH]);
        deep.push(Op::Return);
        assert!(!q(deep, &ints));
    }

    #[test]
    fn arithmetic_follows_nix() {
        assert_eq!(run(Op::Sub, Value::Int(5), Value::Int(1)), "int 4");
        assert_eq!(run(Op::Div, Value::Int(-7), Value::Int(2)), "int -3");
        assert_eq!(run(Op::Mul, Value::Int(3), Value::Float(0.5)), "float 1.5");
        assert_eq!(
            run(Op::Add, Value::Float(1.25), Value::Int(1)),
            "float 2.25"
        );
        assert_eq!(run(Op::Less, Value::Int(1), Value::Int(2)), "bool true");
        assert_eq!(
            run(Op::GreaterEq, Value::Int(1), Value::Int(2)),
            "bool false"
        );
    }

    #[test]
    fn anything_that_would_fail_is_left_to_the_vm() {
        assert_eq!(run(Op::Add, Value::Int(i64::MAX), Value::Int(1)), "none");
        assert_eq!(run(Op::Mul, Value::Int(i64::MIN), Value::Int(-1)), "none");
        assert_eq!(run(Op::Div, Value::Int(i64::MIN), Value::Int(-1)), "none");
        assert_eq!(run(Op::Div, Value::Int(1), Value::Int(0)), "none");
        assert_eq!(run(Op::Div, Value::Float(1.0), Value::Int(0)), "none");
        assert_eq!(run(Op::Add, Value::string("a"), Value::Int(1)), "none");
        // Mixed comparisons use the VM's promotion rules.
        assert_eq!(run(Op::Less, Value::Int(1), Value::Float(1.5)), "none");
    }

    #[test]
    fn variables_must_already_be_values() {
        let p = proto(
            vec![Op::LocalForce(0, 0), Op::Const(0), Op::Add, Op::Return],
            vec![Value::Int(1)],
        );
        let done = Thunk::value_of(ThunkState::Done(Value::Int(41)));
        assert_eq!(show(compute(&p, &env_with(done))), "int 42");
        let pending = Thunk::value_of(ThunkState::Pending(
            Rc::new(proto(vec![], vec![])),
            Env::new(0, None),
        ));
        assert_eq!(show(compute(&p, &env_with(pending))), "none");
        // An unset slot (a sibling binding not built yet).
        assert_eq!(show(compute(&p, &Env::new(1, None))), "none");
    }
}
