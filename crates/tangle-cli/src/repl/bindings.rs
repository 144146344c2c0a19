//! Lines that bind names rather than evaluate an expression: what may
//! stand between the braces of a set (`x = e`, `a.b.c = e;`, `inherit x`,
//! `inherit (s) a b`, several separated by `;`, the last `;` optional),
//! as current `nix repl` accepts them. The line is parsed wrapped in
//! braces; each binding is then compiled on its own from the line with
//! everything else blanked out, so positions and error excerpts point
//! into the line as typed.

use rowan::ast::AstNode;
use std::ops::Range;
use tangle_eval::source::Source;

/// One binding of a line; ranges are byte ranges of the line.
pub enum Binding {
    /// `a.b.c = e`.
    Value {
        path: Vec<String>,
        expr: Range<usize>,
    },
    /// `inherit a` (`from` None) or `inherit (e) a` (`from` the range of
    /// `(e)`).
    Inherit {
        name: String,
        at: Range<usize>,
        from: Option<Range<usize>>,
    },
}

/// The line's bindings, or None if it is not a list of bindings (then it
/// is an expression). An empty line is an empty list.
pub fn parse(line: &str) -> Option<Vec<Binding>> {
    for close in ["\n}", "\n;}"] {
        let wrapped = format!("{{ {}{}", line, close);
        let source = Source::new("«string»".into(), wrapped.clone());
        let Ok(parsed) = tangle_eval::syntax::parse(&source) else {
            continue;
        };
        let rnix::ast::Expr::AttrSet(set) = &*parsed else {
            continue;
        };
        let range = set.syntax().text_range();
        if usize::from(range.start()) != 0 || usize::from(range.end()) != wrapped.len() {
            continue;
        }
        return bindings_of(set);
    }
    None
}

/// Offsets in the wrapped text are 2 bytes past the line's (`{ `).
fn line_range(node: &rowan::SyntaxNode<rnix::NixLanguage>) -> Range<usize> {
    let r = node.text_range();
    usize::from(r.start()) - 2..usize::from(r.end()) - 2
}

fn bindings_of(set: &rnix::ast::AttrSet) -> Option<Vec<Binding>> {
    use rnix::ast::{Entry, HasEntry};
    let mut out = Vec::new();
    for entry in set.entries() {
        match entry {
            Entry::AttrpathValue(av) => {
                let path = av
                    .attrpath()?
                    .attrs()
                    .map(|a| static_name(&a))
                    .collect::<Option<Vec<_>>>()?;
                let expr = line_range(av.value()?.syntax());
                out.push(Binding::Value { path, expr });
            }
            Entry::Inherit(inh) => {
                let from = inh.from().map(|f| line_range(f.syntax()));
                for a in inh.attrs() {
                    let name = static_name(&a)?;
                    out.push(Binding::Inherit {
                        name,
                        at: line_range(a.syntax()),
                        from: from.clone(),
                    });
                }
            }
        }
    }
    Some(out)
}

/// The name an attribute spells out (`a`, `"a b"`, `${"a"}`), if it is a
/// constant; dynamic names are not bindings the REPL can make.
fn static_name(a: &rnix::ast::Attr) -> Option<String> {
    use rnix::ast::{Attr, InterpolPart};
    let str_text = |s: &rnix::ast::Str| -> Option<String> {
        let mut text = String::new();
        for part in s.normalized_parts() {
            match part {
                InterpolPart::Literal(l) => text.push_str(&l),
                InterpolPart::Interpolation(_) => return None,
            }
        }
        Some(text)
    };
    match a {
        Attr::Ident(i) => Some(i.ident_token()?.text().to_string()),
        Attr::Str(s) => str_text(s),
        Attr::Dynamic(d) => match d.expr()? {
            rnix::ast::Expr::Str(s) => str_text(&s),
            _ => None,
        },
    }
}

/// `line` with every byte outside `keep` a space (line breaks stay, so
/// lines and columns do not move).
pub fn blank_except(line: &str, keep: &[Range<usize>]) -> String {
    let bytes: Vec<u8> = line
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            if b == b'\n' || b == b'\r' || keep.iter().any(|r| r.contains(&i)) {
                b
            } else {
                b' '
            }
        })
        .collect();
    // Whole characters are kept or blanked byte by byte: valid UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

/// The text to compile for a binding and the text to show for it (the
/// line, padded to the same length).
pub fn texts(line: &str, b: &Binding) -> (String, String) {
    match b {
        Binding::Value { expr, .. } => (
            blank_except(line, std::slice::from_ref(expr)),
            line.to_string(),
        ),
        Binding::Inherit { at, from: None, .. } => (
            blank_except(line, std::slice::from_ref(at)),
            line.to_string(),
        ),
        Binding::Inherit {
            name,
            from: Some(from),
            ..
        } => {
            // `(e).name`, `(e)` where it was typed.
            let mut text = blank_except(line, std::slice::from_ref(from));
            let mut sel = String::from(".");
            sel.push_str(&quote(name));
            let tail = from.end + sel.len();
            while text.len() < tail {
                text.push(' ');
            }
            text.replace_range(from.end..tail, &sel);
            let mut shown = line.to_string();
            while shown.len() < text.len() {
                shown.push(' ');
            }
            (text, shown)
        }
    }
}

/// A name as an attribute in source: a string literal.
fn quote(name: &str) -> String {
    let mut out = Vec::new();
    tangle_eval::print::escape_string(name.as_bytes(), &mut out);
    String::from_utf8_lossy(&out).into_owned()
}
