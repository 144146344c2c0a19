//! XML, as `nix-instantiate --eval --xml` writes it and `builtins.toXML`
//! returns it.
//!
//! One printer serves both: [`to_xml`] prints what is already evaluated
//! (unforced parts print as `<unevaluated />`), and [`ToXml`] forces each
//! value just before printing it, in printing order, as Nix's strict XML
//! printer does (so the attributes of a repeated derivation are never
//! forced).

use super::{address, format_float, OpenPath};
use crate::error::Result;
use crate::gc::{Gc, Trace, Tracer};
use crate::value::{Attrs, Closure, Context, Value};
use crate::vm::{Cont, Step, Vm};
use std::collections::HashSet;
use std::fmt::Write;

/// Escape text for an attribute value: byte by byte, so bytes that are not
/// UTF-8 pass through unchanged, as in Nix.
fn escape(s: &[u8], out: &mut Vec<u8>) {
    for &b in s {
        match b {
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'&' => out.extend_from_slice(b"&amp;"),
            b'"' => out.extend_from_slice(b"&quot;"),
            b'\n' => out.extend_from_slice(b"&#xA;"),
            b => out.push(b),
        }
    }
}

fn indent(out: &mut Vec<u8>, depth: usize) {
    out.resize(out.len() + 2 * depth, b' ');
}

/// `<tag value="..." />` on its own line.
fn simple(out: &mut Vec<u8>, depth: usize, tag: &str, value: &[u8]) {
    indent(out, depth);
    out.push(b'<');
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(b" value=\"");
    escape(value, out);
    out.extend_from_slice(b"\" />\n");
}

fn line(out: &mut Vec<u8>, depth: usize, text: &str) {
    indent(out, depth);
    out.extend_from_slice(text.as_bytes());
    out.push(b'\n');
}

enum Task {
    Value(Value, usize),
    /// A closing tag at a depth.
    Close(&'static str, usize),
    /// The closing tag of a list or set, which leaves it (kept alive
    /// while open, see `OpenPath`).
    Leave(&'static str, usize, Value),
    /// `<attr name="...">` at a depth.
    OpenAttr(Gc<Attrs>, usize, usize),
    /// A derivation: its `drvPath` and `outPath` are forced (when forcing)
    /// before the element is opened.
    Derivation(Gc<Attrs>, usize, u8),
}

/// The printer's state: a work list, so depth costs no native stack.
struct Printer {
    work: Vec<Task>,
    out: Vec<u8>,
    location: bool,
    force: bool,
    drvs_seen: HashSet<Vec<u8>>,
    open: OpenPath,
    ctx: Option<Box<Context>>,
}

/// Either a value the printer needs forced before it can go on, or done.
enum Need {
    Force(Value),
    Done,
}

impl Printer {
    fn new(v: Value, location: bool, force: bool) -> Printer {
        Printer {
            work: vec![Task::Value(v, 1)],
            out: b"<?xml version='1.0' encoding='utf-8'?>\n<expr>\n".to_vec(),
            location,
            force,
            drvs_seen: HashSet::new(),
            open: OpenPath::default(),
            ctx: None,
        }
    }

    /// The value, if it can be printed now; None if it must be forced
    /// first (the task was put back).
    fn ready(&mut self, v: &Value, retry: Task) -> Option<Value> {
        match v.whnf() {
            Some(x) => Some(x),
            None if self.force => {
                self.work.push(retry);
                None
            }
            None => Some(*v),
        }
    }

    fn run(&mut self, max_depth: usize) -> Result<Need> {
        while let Some(task) = self.work.pop() {
            match task {
                Task::Close(tag, depth) | Task::Leave(tag, depth, _) => {
                    if let Task::Leave(_, _, container) = &task {
                        self.open.leave(container_address(container));
                    }
                    indent(&mut self.out, depth);
                    self.out.extend_from_slice(b"</");
                    self.out.extend_from_slice(tag.as_bytes());
                    self.out.extend_from_slice(b">\n");
                }
                Task::OpenAttr(attrs, index, depth) => {
                    if let Some((k, _)) = attrs.entries().get(index) {
                        indent(&mut self.out, depth);
                        // With locations, Nix gives each attribute the
                        // position of its definition, when it has one.
                        let pos = match (&attrs.pos, self.location) {
                            (Some(p), true) => p.find(*k),
                            _ => None,
                        };
                        if let Some(pos) = pos {
                            let (line, col) = pos.line_col();
                            let _ = write!(
                                Sink(&mut self.out),
                                "<attr column=\"{}\" line=\"{}\" name=\"",
                                col,
                                line
                            );
                            escape(k.as_str().as_bytes(), &mut self.out);
                            self.out.extend_from_slice(b"\" path=\"");
                            escape(pos.source.name.as_bytes(), &mut self.out);
                            self.out.extend_from_slice(b"\">\n");
                        } else {
                            self.out.extend_from_slice(b"<attr name=\"");
                            escape(k.as_str().as_bytes(), &mut self.out);
                            self.out.extend_from_slice(b"\">\n");
                        }
                    }
                }
                Task::Derivation(attrs, depth, stage) => {
                    if let Some(v) = self.derivation(attrs, depth, stage) {
                        return Ok(Need::Force(v));
                    }
                }
                Task::Value(v, depth) => {
                    let Some(x) = self.ready(&v, Task::Value(v, depth)) else {
                        return Ok(Need::Force(v));
                    };
                    if let Some(v) = self.value(x, depth, max_depth)? {
                        return Ok(Need::Force(v));
                    }
                }
            }
        }
        Ok(Need::Done)
    }

    /// Print one value in weak head normal form (or unforced, when not
    /// forcing); Some(v) if `v` must be forced first.
    fn value(&mut self, v: Value, depth: usize, max_depth: usize) -> Result<Option<Value>> {
        let out = &mut self.out;
        match &v {
            Value::Null => line(out, depth, "<null />"),
            Value::Bool(b) => simple(out, depth, "bool", if *b { b"true" } else { b"false" }),
            Value::Int(i) => simple(out, depth, "int", i.to_string().as_bytes()),
            Value::Float(f) => simple(out, depth, "float", format_float(*f).as_bytes()),
            Value::String(s) => {
                simple(out, depth, "string", &s.bytes);
                if let Some(c) = &s.context {
                    self.ctx
                        .get_or_insert_with(Default::default)
                        .extend(c.iter().cloned());
                }
            }
            Value::Path(p) => simple(out, depth, "path", p.path.as_bytes()),
            Value::List(l) => {
                self.open.enter(container_address(&v), max_depth)?;
                line(out, depth, "<list>");
                self.work.push(Task::Leave("list", depth, v));
                for e in l.iter().rev() {
                    self.work.push(Task::Value(*e, depth + 1));
                }
            }
            Value::Attrs(a) => {
                // Nix looks at `type` (forcing it) to spot a derivation.
                if let Some(t) = a.get_str("type") {
                    if !t.is_forced() && self.force {
                        self.work.push(Task::Value(v, depth));
                        return Ok(Some(*t));
                    }
                }
                if v.is_derivation() {
                    return Ok(self.derivation(*a, depth, 0));
                }
                self.open.enter(container_address(&v), max_depth)?;
                line(&mut self.out, depth, "<attrs>");
                self.work.push(Task::Leave("attrs", depth, v));
                self.push_attrs(a, depth);
            }
            Value::Closure(c) => self.function(c, depth),
            Value::PrimOp(_) | Value::PrimOpApp(_) | Value::Thunk(_) => {
                line(out, depth, "<unevaluated />")
            }
        }
        Ok(None)
    }

    fn push_attrs(&mut self, a: &Gc<Attrs>, depth: usize) {
        for (i, (_, e)) in a.entries().iter().enumerate().rev() {
            self.work.push(Task::Close("attr", depth + 1));
            self.work.push(Task::Value(*e, depth + 2));
            self.work.push(Task::OpenAttr(*a, i, depth + 1));
        }
    }

    /// `<derivation drvPath=".." outPath="..">`: the attributes the first
    /// time a `drvPath` is seen, `<repeated />` after that (and when it has
    /// no `drvPath`). Stages 0 and 1 force `drvPath` and `outPath`.
    fn derivation(&mut self, a: Gc<Attrs>, depth: usize, stage: u8) -> Option<Value> {
        for (i, name) in ["drvPath", "outPath"].iter().enumerate() {
            if (stage as usize) <= i {
                if let Some(x) = a.get_str(name) {
                    if !x.is_forced() && self.force {
                        self.work.push(Task::Derivation(a, depth, i as u8 + 1));
                        return Some(*x);
                    }
                }
            }
        }
        let text = |name: &str| match a.get_str(name).and_then(|x| x.whnf()) {
            Some(Value::String(s)) => Some(s.bytes.to_vec()),
            _ => None,
        };
        let drv_path = text("drvPath");
        let out_path = text("outPath");
        let out = &mut self.out;
        indent(out, depth);
        out.extend_from_slice(b"<derivation");
        // Attributes in name order, as Nix writes them.
        for (name, value) in [("drvPath", &drv_path), ("outPath", &out_path)] {
            if let Some(value) = value {
                out.extend_from_slice(format!(" {}=\"", name).as_bytes());
                escape(value, out);
                out.push(b'"');
            }
        }
        out.extend_from_slice(b">\n");
        self.work.push(Task::Close("derivation", depth));
        let first = match drv_path {
            Some(p) if !p.is_empty() => self.drvs_seen.insert(p),
            _ => false,
        };
        if first {
            self.push_attrs(&a, depth);
        } else {
            line(&mut self.out, depth + 1, "<repeated />");
        }
        None
    }

    fn function(&mut self, c: &Closure, depth: usize) {
        let l = &c.lambda;
        let out = &mut self.out;
        indent(out, depth);
        if self.location {
            let (line_no, col) = l.source.line_col(l.offset);
            let _ = write!(
                Sink(out),
                "<function column=\"{}\" line=\"{}\" path=\"",
                col,
                line_no
            );
            escape(l.source.name.as_bytes(), out);
            out.extend_from_slice(b"\">\n");
        } else {
            out.extend_from_slice(b"<function>\n");
        }
        match &l.formals {
            None => {
                indent(out, depth + 1);
                out.extend_from_slice(b"<varpat name=\"");
                if let Some(p) = l.param_name {
                    escape(p.as_str().as_bytes(), out);
                }
                out.extend_from_slice(b"\" />\n");
            }
            Some(f) => {
                indent(out, depth + 1);
                out.extend_from_slice(b"<attrspat");
                if f.ellipsis {
                    out.extend_from_slice(b" ellipsis=\"1\"");
                }
                if let Some(n) = l.at_name {
                    out.extend_from_slice(b" name=\"");
                    escape(n.as_str().as_bytes(), out);
                    out.push(b'"');
                }
                out.extend_from_slice(b">\n");
                let mut names: Vec<&str> = f.entries.iter().map(|e| e.name.as_str()).collect();
                names.sort_unstable();
                for n in names {
                    indent(out, depth + 2);
                    out.extend_from_slice(b"<attr name=\"");
                    escape(n.as_bytes(), out);
                    out.extend_from_slice(b"\" />\n");
                }
                line(out, depth + 1, "</attrspat>");
            }
        }
        line(out, depth, "</function>");
    }

    fn finish(&mut self) -> Vec<u8> {
        let mut out = std::mem::take(&mut self.out);
        out.extend_from_slice(b"</expr>\n");
        out
    }
}

fn container_address(v: &Value) -> usize {
    match v {
        Value::List(l) => address(l),
        Value::Attrs(a) => address(a),
        _ => 0,
    }
}

struct Sink<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Sink<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// The XML document for a value as far as it is evaluated (unforced parts
/// print as `<unevaluated />`); an error for a cyclic value.
pub fn to_xml(v: &Value, location: bool) -> Result<Vec<u8>> {
    let mut p = Printer::new(*v, location, false);
    // Without forcing, the printer never asks for a value to be forced, and
    // what is already evaluated is finite unless it is a cycle.
    p.run(usize::MAX)?;
    Ok(p.finish())
}

/// `builtins.toXML`: the XML document as a string (with the context of the
/// strings in it), forcing the value as it is printed.
pub struct ToXml(Printer);

impl ToXml {
    pub fn new(v: Value) -> ToXml {
        ToXml(Printer::new(v, false, true))
    }
}

impl Cont for ToXml {
    fn trace(&self, t: &mut Tracer) {
        for w in &self.0.work {
            match w {
                Task::Value(v, _) | Task::Leave(_, _, v) => v.trace(t),
                Task::Close(..) => {}
                Task::OpenAttr(a, ..) | Task::Derivation(a, ..) => t.mark(*a),
            }
        }
    }
    fn resume(&mut self, vm: &mut Vm, _input: Value) -> Result<Step> {
        match self.0.run(vm.options.max_call_depth)? {
            Need::Force(v) => Ok(Step::Force(v)),
            Need::Done => {
                let ctx = self.0.ctx.take();
                Ok(Step::Done(Value::string_ctx(self.0.finish(), ctx)))
            }
        }
    }
}
