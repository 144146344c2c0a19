//! Parsing: Nix 2.8's grammar, and the syntax tree the compiler reads.
//!
//! The source goes through a re-creation of Nix 2.8's own lexer (`lexer`)
//! and bison parser (`grammar`), so that what 2.8 rejects is rejected, with
//! 2.8's words ("syntax error, unexpected IN, expecting ';'", "path has a
//! trailing slash", "invalid float ..."), and what it accepts is read as
//! it reads it. The same parse builds the tree (`tree`): rnix's node kinds
//! in rnix's shapes, read through `rnix::ast`. No part of it recurses, so
//! nesting of any depth parses on any thread.

use crate::error::{Error, ErrorKind, Result};
use crate::source::{Pos, Source};
use rowan::ast::AstNode;
use std::rc::Rc;

mod checks;
mod grammar;
mod lexer;
mod tree;

pub use checks::ParseSettings;

/// A parsed source: its expression, as rnix's typed tree.
///
/// Dropping it takes the tree apart without recursion (`tree::Tree`); a
/// node kept beyond it (a clone of a node of `expr`) keeps the whole tree,
/// which rowan then frees recursively.
pub struct Parsed {
    // Dropped first: the tree's nodes are freed by `tree`.
    expr: rnix::ast::Expr,
    #[allow(dead_code)]
    tree: tree::Tree,
}

impl std::ops::Deref for Parsed {
    type Target = rnix::ast::Expr;

    fn deref(&self) -> &rnix::ast::Expr {
        &self.expr
    }
}

/// Parse a source into its syntax tree, or the first syntax error, as 2.8
/// reports it.
///
/// The source text is kept as written: 2.8 does not normalise line endings
/// in a file or an `-E` string. A CR or CRLF still ends a line for
/// positions (`Source`), a raw CR in a `"..."` string reads as LF (the
/// compiler's unescaping), and one in a `''...''` string is kept.
pub fn parse(source: &Rc<Source>) -> Result<Parsed> {
    parse_with(source, &ParseSettings::permissive(), &mut |_, _| {})
}

/// [`parse`] with current Nix's checks of tokens under `settings`
/// (`checks`: NUL bytes in strings, disabled pipe operators, lints of
/// literals); each lint warning goes to `warn` with its offset, as it is
/// met.
pub fn parse_with(
    source: &Rc<Source>,
    settings: &ParseSettings,
    warn: &mut dyn FnMut(String, u32),
) -> Result<Parsed> {
    let at = |offset: u32| {
        Some(Pos {
            source: source.clone(),
            offset,
        })
    };
    if u32::try_from(source.text.len()).is_err() {
        // Offsets are `u32` (here and in rowan's trees), which is also what
        // keeps every slot, depth and index of the compiled code in range.
        return Err(Error::new(
            ErrorKind::Parse,
            format!(
                "source is too large ({} bytes; at most 4 GiB is supported)",
                source.text.len()
            ),
        )
        .at(at(0)));
    }
    let mut lexer = lexer::Lexer::new(&source.text);
    let mut builder = tree::Builder::new(&source.text);
    let next = || {
        let token = lexer.next_token()?;
        checks::check(settings, &source.text, &token, warn)?;
        Ok::<_, lexer::LexError>(token)
    };
    match grammar::parse(next, &mut builder) {
        Ok(()) => {}
        Err(grammar::Failure::Lex(e)) => {
            return Err(Error::new(ErrorKind::Parse, e.message).at(at(e.offset)))
        }
        Err(grammar::Failure::Syntax { message, offset }) => {
            return Err(Error::new(ErrorKind::Parse, message).at(at(offset)))
        }
    }
    let internal = || {
        Error::new(
            ErrorKind::Parse,
            "internal error: the syntax tree could not be built",
        )
        .at(at(0))
    };
    let green = builder.finish().ok_or_else(internal)?;
    let tree = tree::Tree::new(green);
    let root = rnix::SyntaxNode::new_root(tree.green().clone());
    let expr = rnix::ast::Root::cast(root)
        .and_then(|r| r.expr())
        .ok_or_else(internal)?;
    Ok(Parsed { expr, tree })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree_text(text: &str) -> String {
        let source = Source::new("«test»".into(), text.into());
        let Ok(parsed) = parse(&source) else {
            panic!("the test source parses")
        };
        let expr: &rnix::ast::Expr = &parsed;
        let root = expr.syntax().ancestors().last().expect("a root");
        root.text().to_string()
    }

    /// Nodes and tokens, with their kinds, texts and offsets, in order
    /// (whitespace and comments left out).
    fn shape(root: &rnix::SyntaxNode) -> Vec<String> {
        let mut out = Vec::new();
        for ev in root.preorder_with_tokens() {
            match ev {
                rowan::WalkEvent::Enter(rowan::NodeOrToken::Node(n)) => {
                    out.push(format!("({:?}", n.kind()))
                }
                rowan::WalkEvent::Leave(rowan::NodeOrToken::Node(_)) => out.push(")".into()),
                rowan::WalkEvent::Enter(rowan::NodeOrToken::Token(t)) => {
                    use rnix::SyntaxKind::{TOKEN_COMMENT, TOKEN_WHITESPACE};
                    if !matches!(t.kind(), TOKEN_WHITESPACE | TOKEN_COMMENT) {
                        out.push(format!(
                            "{:?} {:?} {:?}",
                            t.kind(),
                            t.text(),
                            t.text_range()
                        ))
                    }
                }
                rowan::WalkEvent::Leave(_) => {}
            }
        }
        out
    }

    /// The tree is the one rnix's own parser builds, for every source of
    /// the corpus both accept, but where 2.8 splits the text into tokens
    /// differently from rnix (`0.e5` is a selection from `0` in 2.8).
    #[test]
    fn the_tree_is_rnix_s_tree() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/lang");
        let differ = [
            "eval-fail-lex2-zero-dot-select.nix",
            "eval-fail-lex2-assert-zero-dot-select.nix",
        ];
        let mut dirs = vec![std::path::PathBuf::from(dir)];
        let mut compared = 0;
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).expect("corpus") {
                let p = e.expect("entry").path();
                if p.is_dir() {
                    dirs.push(p);
                    continue;
                }
                let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
                let name = name.unwrap_or_default();
                if !name.ends_with(".nix") || differ.contains(&name.as_str()) {
                    continue;
                }
                let text = String::from_utf8_lossy(&std::fs::read(&p).expect("read")).into_owned();
                // rnix's parser recurses: the generated deep sources would
                // overflow this thread's stack.
                if text.len() > 40_000 || text.contains("(generated by tests/gen_big_cases.py)") {
                    continue;
                }
                let theirs = rnix::Root::parse(&text);
                let source = Source::new(name.clone(), text.clone());
                let (true, Ok(ours)) = (theirs.errors().is_empty(), parse(&source)) else {
                    continue;
                };
                let ours = ours.syntax().ancestors().last().expect("a root");
                assert_eq!(shape(&ours), shape(&theirs.syntax()), "{}", name);
                compared += 1;
            }
        }
        assert!(compared > 1000, "{} sources compared", compared);
    }

    #[test]
    fn the_tree_holds_the_source_text() {
        for text in [
            "[ 1.0e 0.e5 ]",
            "let e = 1; in [ .5E 1.e ]",
            "# c\r[ 1 ''\r\n  a\r'' ]\r\n",
            "if true then 1.0else 2",
            " /* a */ x: # b\n { y ? 1, ... }@z: ./a/${x}/b + \"${y}\" # end",
        ] {
            assert_eq!(tree_text(text), text);
        }
    }
}
