//! `:doc`: a builtin's synopsis (its arguments' names, as current Nix
//! documents them, and where its manual entry is), or a function's name,
//! position and doc comment (`/** … */` right before the function or the
//! name bound to it), as current `nix repl` shows them.

use super::commands::error;
use tangle_eval::chunk::Lambda;
use tangle_eval::{Error, Value};

/// `NAME ARG…` lines (see the file's header).
const SYNOPSES: &str = include_str!("synopses.txt");

/// The text `:doc` prints for a value.
pub fn doc(v: &Value) -> Result<String, Error> {
    let name = match v {
        Value::PrimOp(op) => op.name,
        Value::PrimOpApp(app) => app.op.name,
        Value::Closure(c) => return Ok(lambda_doc(&c.lambda)),
        _ => return Err(no_doc()),
    };
    let name = name.trim_start_matches("__");
    let synopsis = SYNOPSES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .find(|l| l.split(' ').next() == Some(name))
        .ok_or_else(no_doc)?;
    Ok(format!(
        "Synopsis: builtins.{}\n\nSee https://nix.dev/manual/nix/latest/language/builtins.html#builtins-{}\n",
        synopsis, name
    ))
}

fn no_doc() -> Error {
    error("value does not have documentation")
}

fn lambda_doc(l: &Lambda) -> String {
    let (line, col) = l.source.line_col(l.offset);
    let at = format!("{}:{}:{}", l.source.name, line, col);
    let mut text = match l.name {
        Some(n) => format!("Function {}\n… defined at {}\n", n.as_str(), at),
        None => format!("Function defined at {}\n", at),
    };
    if let Some(c) = doc_comment(&l.source.text, l.offset as usize) {
        text.push('\n');
        text.push_str(&c);
        text.push('\n');
    }
    text
}

/// The doc comment before the expression at `offset`, or before the
/// attribute path it is bound to (`name = `), without its `/**`, `*/`
/// and common indentation.
pub fn doc_comment(text: &str, offset: usize) -> Option<String> {
    let b = text.as_bytes();
    let mut i = offset.min(b.len());
    let skip_ws = |mut i: usize| {
        while i > 0 && b[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
        i
    };
    i = skip_ws(i);
    if i > 0 && b[i - 1] == b'=' {
        i = skip_ws(i - 1);
        while i > 0 && (b[i - 1].is_ascii_alphanumeric() || b"_'-.\"".contains(&b[i - 1])) {
            i -= 1;
        }
        i = skip_ws(i);
    }
    let before = &text[..i];
    let body_end = before.strip_suffix("*/")?.len();
    let start = before[..body_end].rfind("/**")?;
    let body = &text[start + 3..body_end];
    if body.starts_with('*') || body.contains("*/") {
        return None;
    }
    Some(strip_indentation(body))
}

/// Lines less their common indentation, blank lines at both ends dropped.
fn strip_indentation(body: &str) -> String {
    let lines: Vec<&str> = body.lines().collect();
    let indent = lines
        .iter()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out: Vec<String> = Vec::new();
    for (n, l) in lines.iter().enumerate() {
        if n == 0 {
            out.push(l.trim().to_string());
        } else {
            out.push(l.get(indent..).unwrap_or("").trim_end().to_string());
        }
    }
    while out.first().is_some_and(|l| l.is_empty()) {
        out.remove(0);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::doc_comment;

    #[test]
    fn doc_comments_before_a_binding_or_a_lambda() {
        let t = "{\n  /** Adds one. */\n  inc = x: x + 1;\n}";
        let at = t.find("x:").unwrap_or(0);
        assert_eq!(doc_comment(t, at).as_deref(), Some("Adds one."));
        let t = "/**\n    Line one.\n      indented\n  */\nx: x";
        let at = t.find("x:").unwrap_or(0);
        assert_eq!(doc_comment(t, at).as_deref(), Some("Line one.\n  indented"));
        assert_eq!(doc_comment("# plain\nx: x", 8), None);
    }
}
