//! Arithmetic operators, with Nix's int/float promotion and error texts.
//! Integer overflow is an error, as in current Nix (2.8 wrapped silently).

use super::Vm;
use crate::compiler::canon_path;
use crate::error::{type_error, Error, Result};
use crate::value::{NixString, Value};

pub fn expect_int(v: &Value) -> Result<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        other => Err(type_error::expected("an integer", other)),
    }
}

pub fn expect_float(v: &Value) -> Result<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Float(f) => Ok(*f),
        other => Err(type_error::expected("a float", other)),
    }
}

fn overflow(verb: &str, a: i64, op: &str, b: i64) -> Error {
    Error::eval(format!("integer overflow in {} {} {} {}", verb, a, op, b))
}

/// `builtins.add`: floats if either side is one, else integers.
pub fn add_numbers(a: &Value, b: &Value) -> Result<Value> {
    match (a, b) {
        (Value::Float(_), _) | (_, Value::Float(_)) => {
            Ok(Value::Float(expect_float(a)? + expect_float(b)?))
        }
        _ => {
            let (x, y) = (expect_int(a)?, expect_int(b)?);
            x.checked_add(y)
                .map(Value::Int)
                .ok_or_else(|| overflow("adding", x, "+", y))
        }
    }
}

/// `a + b`. Returns None when coercing needs to call back into Nix code
/// (a set with `__toString`): the caller then runs the slow path.
pub fn add(_vm: &mut Vm, a: &Value, b: &Value) -> Result<Option<Value>> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x
            .checked_add(*y)
            .map(|v| Some(Value::Int(v)))
            .ok_or_else(|| overflow("adding", *x, "+", *y)),
        (Value::Float(x), Value::Float(y)) => Ok(Some(Value::Float(x + y))),
        (Value::Int(x), Value::Float(y)) => Ok(Some(Value::Float(*x as f64 + y))),
        (Value::Float(x), Value::Int(y)) => Ok(Some(Value::Float(x + *y as f64))),
        (Value::Int(_), other) => Err(Error::eval(format!(
            "cannot add {} to an integer",
            other.show_type()
        ))),
        (Value::Float(_), other) => Err(Error::eval(format!(
            "cannot add {} to a float",
            other.show_type()
        ))),
        (Value::String(x), Value::String(y)) => Ok(Some(concat_strings(x, y))),
        (Value::Path(p), Value::String(s)) => {
            if s.context.is_some() {
                return Err(Error::eval(
                    "a string that refers to a store path cannot be appended to a path".to_string(),
                ));
            }
            let joined = format!("{}{}", p.path, s.as_str_lossy());
            Ok(Some(Value::path(canon_path(&joined))))
        }
        (Value::Path(p), Value::Path(q)) => {
            let joined = format!("{}{}", p.path, q.path);
            Ok(Some(Value::path(canon_path(&joined))))
        }
        _ => Ok(None),
    }
}

pub fn concat_strings(x: &NixString, y: &NixString) -> Value {
    let mut bytes = Vec::with_capacity(x.bytes.len() + y.bytes.len());
    bytes.extend_from_slice(&x.bytes);
    bytes.extend_from_slice(&y.bytes);
    let context = match (&x.context, &y.context) {
        (None, None) => None,
        (Some(c), None) | (None, Some(c)) => Some(c.clone()),
        (Some(c), Some(d)) => {
            let mut c = c.clone();
            c.extend(d.iter().cloned());
            Some(c)
        }
    };
    Value::string_ctx(bytes, context)
}

pub fn sub(a: &Value, b: &Value) -> Result<Value> {
    Ok(match (a, b) {
        (Value::Float(_), _) | (_, Value::Float(_)) => {
            Value::Float(expect_float(a)? - expect_float(b)?)
        }
        _ => {
            let (x, y) = (expect_int(a)?, expect_int(b)?);
            Value::Int(
                x.checked_sub(y)
                    .ok_or_else(|| overflow("subtracting", x, "-", y))?,
            )
        }
    })
}

pub fn mul(a: &Value, b: &Value) -> Result<Value> {
    Ok(match (a, b) {
        (Value::Float(_), _) | (_, Value::Float(_)) => {
            Value::Float(expect_float(a)? * expect_float(b)?)
        }
        _ => {
            let (x, y) = (expect_int(a)?, expect_int(b)?);
            Value::Int(
                x.checked_mul(y)
                    .ok_or_else(|| overflow("multiplying", x, "*", y))?,
            )
        }
    })
}

pub fn div(a: &Value, b: &Value) -> Result<Value> {
    let divisor = expect_float(b)?;
    if divisor == 0.0 {
        return Err(Error::eval("division by zero"));
    }
    Ok(match (a, b) {
        (Value::Float(_), _) | (_, Value::Float(_)) => Value::Float(expect_float(a)? / divisor),
        _ => {
            let (x, y) = (expect_int(a)?, expect_int(b)?);
            Value::Int(
                x.checked_div(y)
                    .ok_or_else(|| overflow("dividing", x, "/", y))?,
            )
        }
    })
}
