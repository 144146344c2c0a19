//! `--xml` output, as `nix-instantiate --eval --xml` writes it.

use super::format_float;
use crate::value::{ThunkState, Value};
use std::fmt::Write;

fn escape(s: &[u8], out: &mut String) {
    let text = String::from_utf8_lossy(s);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#xA;"),
            c => out.push(c),
        }
    }
}

enum Task {
    Value(Value, usize),
    Text(String),
}

/// The XML document for a value (forced as deeply as the caller wants;
/// unforced parts print as `<unevaluated />`).
pub fn to_xml(v: &Value, location: bool) -> Vec<u8> {
    let mut out = String::from("<?xml version='1.0' encoding='utf-8'?>\n<expr>\n");
    let mut work = vec![Task::Value(v.clone(), 1)];
    while let Some(t) = work.pop() {
        let (v, depth) = match t {
            Task::Text(s) => {
                out.push_str(&s);
                continue;
            }
            Task::Value(v, d) => (v, d),
        };
        let pad = "  ".repeat(depth);
        let v = match &v {
            Value::Thunk(t) => match &*t.state.borrow() {
                ThunkState::Done(x) => x.clone(),
                _ => {
                    let _ = writeln!(out, "{}<unevaluated />", pad);
                    continue;
                }
            },
            _ => v,
        };
        let simple = |out: &mut String, tag: &str, value: &[u8]| {
            let _ = write!(out, "{}<{} value=\"", pad, tag);
            escape(value, out);
            out.push_str("\" />\n");
        };
        match &v {
            Value::Null => {
                let _ = writeln!(out, "{}<null />", pad);
            }
            Value::Bool(b) => simple(&mut out, "bool", if *b { b"true" } else { b"false" }),
            Value::Int(i) => simple(&mut out, "int", i.to_string().as_bytes()),
            Value::Float(f) => simple(&mut out, "float", format_float(*f).as_bytes()),
            Value::String(s) => simple(&mut out, "string", &s.bytes),
            Value::Path(p) => simple(&mut out, "path", p.path.as_bytes()),
            Value::List(l) => {
                let _ = writeln!(out, "{}<list>", pad);
                work.push(Task::Text(format!("{}</list>\n", pad)));
                for e in l.iter().rev() {
                    work.push(Task::Value(e.clone(), depth + 1));
                }
            }
            Value::Attrs(a) => {
                let _ = writeln!(out, "{}<attrs>", pad);
                work.push(Task::Text(format!("{}</attrs>\n", pad)));
                for (k, e) in a.entries.iter().rev() {
                    let mut open = String::new();
                    let _ = write!(open, "{}  <attr name=\"", pad);
                    escape(k.as_str().as_bytes(), &mut open);
                    open.push_str("\">\n");
                    work.push(Task::Text(format!("{}  </attr>\n", pad)));
                    work.push(Task::Value(e.clone(), depth + 2));
                    work.push(Task::Text(open));
                }
            }
            Value::Closure(c) => {
                let l = &c.lambda;
                if location {
                    let (line, col) = l.source.line_col(l.offset);
                    let mut path = String::new();
                    escape(l.source.name.as_bytes(), &mut path);
                    let _ = writeln!(
                        out,
                        "{}<function column=\"{}\" line=\"{}\" path=\"{}\">",
                        pad, col, line, path
                    );
                } else {
                    let _ = writeln!(out, "{}<function>", pad);
                }
                match &l.formals {
                    None => {
                        // A plain parameter: its name is the first slot.
                        let _ = writeln!(out, "{}  <varpat name=\"{}\" />", pad, param_name(c));
                    }
                    Some(f) => {
                        let mut attrs = String::new();
                        if f.ellipsis {
                            attrs.push_str(" ellipsis=\"1\"");
                        }
                        if let Some(n) = at_name(c) {
                            let _ = write!(attrs, " name=\"{}\"", n);
                        }
                        let _ = writeln!(out, "{}  <attrspat{}>", pad, attrs);
                        for e in &f.entries {
                            let _ = writeln!(out, "{}    <attr name=\"{}\" />", pad, e.name);
                        }
                        let _ = writeln!(out, "{}  </attrspat>", pad);
                    }
                }
                let _ = writeln!(out, "{}</function>", pad);
            }
            Value::PrimOp(_) | Value::PrimOpApp(_) | Value::Thunk(_) => {
                let _ = writeln!(out, "{}<unevaluated />", pad);
            }
        }
    }
    out.push_str("</expr>\n");
    out.into_bytes()
}

fn param_name(c: &crate::value::Closure) -> String {
    c.lambda
        .param_name
        .map(|s| s.to_string())
        .unwrap_or_default()
}

fn at_name(c: &crate::value::Closure) -> Option<String> {
    c.lambda.at_name.map(|s| s.to_string())
}
