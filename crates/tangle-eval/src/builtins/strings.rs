//! String builtins.

use super::{int, list, ok, string, PrimRet};
use crate::error::{Error, Result};
use crate::value::{Context, Value};
use crate::vm::coerce::{Concat, Mode};
use crate::vm::{Cont, Step, Vm};

pub fn to_string(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    if let Value::String(_) = &a[0] {
        return ok(a[0].clone());
    }
    Ok(PrimRet::Cont(Box::new(Concat::new(
        vec![a[0].clone()],
        Mode::ToString,
    ))))
}

pub fn string_length(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    match &a[0] {
        Value::String(s) => ok(Value::Int(s.bytes.len() as i64)),
        _ => Ok(PrimRet::Cont(Box::new(ThenMap {
            inner: Some(Box::new(Concat::interpolation(vec![a[0].clone()]))),
            map: |v| match v {
                Value::String(s) => Ok(Value::Int(s.bytes.len() as i64)),
                _ => Ok(Value::Int(0)),
            },
        }))),
    }
}

/// Run a continuation, then transform its result.
pub struct ThenMap {
    pub inner: Option<Box<dyn Cont>>,
    pub map: fn(Value) -> Result<Value>,
}

impl Cont for ThenMap {
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        match self.inner.take() {
            Some(c) => Ok(Step::Sub(c)),
            None => Ok(Step::Done((self.map)(input)?)),
        }
    }
}

pub fn substring(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let start = int(&a[0])?;
    let len = int(&a[1])?;
    let s = string(&a[2])?;
    if start < 0 {
        return Err(Error::eval("negative start position in 'substring'"));
    }
    let bytes = &s.bytes;
    let start = (start as usize).min(bytes.len());
    let end = if len < 0 {
        bytes.len()
    } else {
        start.saturating_add(len as usize).min(bytes.len())
    };
    ok(Value::string_ctx(
        bytes[start..end].to_vec(),
        s.context.clone(),
    ))
}

pub fn concat_strings_sep(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let sep = string(&a[0])?;
    let items = list(&a[1])?;
    Ok(PrimRet::Cont(Box::new(JoinStrings {
        sep: sep.bytes.to_vec(),
        sep_ctx: sep.context.clone(),
        items,
        index: 0,
        out: Vec::new(),
        ctx: None,
        waiting: false,
    })))
}

struct JoinStrings {
    sep: Vec<u8>,
    sep_ctx: Option<Box<Context>>,
    items: std::rc::Rc<Vec<Value>>,
    index: usize,
    out: Vec<u8>,
    ctx: Option<Box<Context>>,
    waiting: bool,
}

impl Cont for JoinStrings {
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        let mut pending = if self.waiting { Some(input) } else { None };
        self.waiting = false;
        loop {
            if let Some(v) = pending.take() {
                if self.index > 0 {
                    self.out.extend_from_slice(&self.sep);
                }
                if let Value::String(s) = &v {
                    self.out.extend_from_slice(&s.bytes);
                    if let Some(c) = &s.context {
                        self.ctx
                            .get_or_insert_with(Default::default)
                            .extend(c.iter().cloned());
                    }
                }
                self.index += 1;
            }
            if self.index >= self.items.len() {
                if self.items.len() > 1 {
                    if let Some(c) = &self.sep_ctx {
                        self.ctx
                            .get_or_insert_with(Default::default)
                            .extend(c.iter().cloned());
                    }
                }
                return Ok(Step::Done(Value::string_ctx(
                    std::mem::take(&mut self.out),
                    self.ctx.take(),
                )));
            }
            let item = self.items[self.index].clone();
            match item.shallow() {
                v @ Value::String(_) => pending = Some(v),
                _ => {
                    self.waiting = true;
                    return Ok(Step::Sub(Box::new(Concat::interpolation(vec![item]))));
                }
            }
        }
    }
}

fn path_text(v: &Value) -> Result<(String, Option<Box<Context>>, bool)> {
    match v {
        Value::String(s) => Ok((s.as_str_lossy().into_owned(), s.context.clone(), false)),
        Value::Path(p) => Ok((p.path.clone(), None, true)),
        other => Err(Error::eval(format!(
            "cannot coerce {} to a string",
            other.show_type()
        ))),
    }
}

pub fn base_name_of(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let (s, ctx, _) = path_text(&a[0])?;
    let trimmed = s.strip_suffix('/').unwrap_or(&s);
    let base = match trimmed.rfind('/') {
        Some(i) => &trimmed[i + 1..],
        None => trimmed,
    };
    ok(Value::string_ctx(base.as_bytes().to_vec(), ctx))
}

pub fn dir_of(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let (s, ctx, is_path) = path_text(&a[0])?;
    let dir = match s.rfind('/') {
        Some(0) => "/".to_string(),
        Some(i) => s[..i].to_string(),
        None => ".".to_string(),
    };
    if is_path {
        ok(Value::path(dir))
    } else {
        ok(Value::string_ctx(dir.into_bytes(), ctx))
    }
}
