//! The bridge to the `rnix` parser: Nix 2.8's syntax check, the text rnix
//! is given, and parse errors.
//!
//! Before rnix builds the tree, the source goes through a re-creation of
//! Nix 2.8's own lexer (`lexer`) and bison parser (`grammar`), so that
//! what 2.8 rejects is rejected, with 2.8's words ("syntax error, unexpected
//! IN, expecting ';'", "path has a trailing slash", "invalid float ...").

use crate::error::{Error, ErrorKind, Result};
use crate::source::{Pos, Source};
use rnix::ParseError;
use rowan::ast::AstNode;
use std::rc::Rc;

mod grammar;
mod lexer;

/// Parse a source into rnix's syntax tree, turning the first parse error
/// into an error with a position.
///
/// The source text is kept as written: 2.8 does not normalise line endings
/// in a file or an `-E` string. A CR or CRLF still ends a line for
/// positions (`Source`), a raw CR in a `"..."` string reads as LF (the
/// compiler's unescaping), and one in a `''...''` string is kept.
pub fn parse(source: &Rc<Source>) -> Result<rnix::ast::Expr> {
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
        .at(Some(Pos {
            source: source.clone(),
            offset: 0,
        })));
    }
    let edits = check_as_nix_2_8(source)?;
    let rnix_text = RnixText::new(&source.text, &edits);
    let parse = rnix::Root::parse(&rnix_text.text);
    if let Some(err) = parse.errors().first() {
        return Err(parse_error(source, err, &rnix_text));
    }
    let root = rnix_text
        .remove_inserted(parse.syntax())
        .and_then(rnix::ast::Root::cast);
    match root.and_then(|r| r.expr()) {
        Some(e) => Ok(e),
        None => Err(
            Error::new(ErrorKind::Parse, "syntax error, unexpected end of file").at(Some(Pos {
                source: source.clone(),
                offset: source.text.len() as u32,
            })),
        ),
    }
}

/// Run Nix 2.8's lexer and parser over the source, so that what 2.8 rejects
/// is rejected with 2.8's message (rnix accepts some of it, and words its
/// errors differently). Returns where rnix needs the text changed to split
/// it into the tokens 2.8 reads.
fn check_as_nix_2_8(source: &Rc<Source>) -> Result<lexer::RnixEdits> {
    let at = |offset: u32| {
        Some(Pos {
            source: source.clone(),
            offset,
        })
    };
    let mut lexer = lexer::Lexer::new(&source.text);
    match grammar::recognise(|| lexer.next_token()) {
        Ok(()) => Ok(lexer.rnix_edits),
        Err(grammar::Failure::Lex(e)) => {
            Err(Error::new(ErrorKind::Parse, e.message).at(at(e.offset)))
        }
        Err(grammar::Failure::Syntax { message, offset }) => {
            Err(Error::new(ErrorKind::Parse, message).at(at(offset)))
        }
    }
}

/// The text rnix parses: the source with the `RnixEdits` applied. CRs
/// become LFs in place; spaces are inserted, so the tree rnix builds is
/// cut back to the source's offsets by `remove_inserted`.
struct RnixText {
    text: String,
    /// The offsets, in `text`, of the inserted spaces, ascending.
    inserted: Vec<usize>,
}

impl RnixText {
    fn new(source: &str, edits: &lexer::RnixEdits) -> RnixText {
        if edits.bare_crs.is_empty() && edits.number_ends.is_empty() {
            return RnixText {
                text: source.to_owned(),
                inserted: Vec::new(),
            };
        }
        // Both lists are ascending; every offset is at an ASCII byte.
        let mut marks: Vec<(usize, bool)> = edits
            .bare_crs
            .iter()
            .map(|o| (*o, false))
            .chain(edits.number_ends.iter().map(|o| (*o, true)))
            .collect();
        marks.sort_unstable();
        let mut text = String::with_capacity(source.len() + edits.number_ends.len());
        let mut inserted = Vec::with_capacity(edits.number_ends.len());
        let mut done = 0;
        for (offset, insert) in marks {
            text.push_str(source.get(done..offset).unwrap_or(""));
            done = offset;
            if insert {
                inserted.push(text.len());
                text.push(' ');
            } else {
                text.push('\n');
                done += 1;
            }
        }
        text.push_str(source.get(done..).unwrap_or(""));
        RnixText { text, inserted }
    }

    /// The source offset of an offset in `text`.
    fn source_offset(&self, offset: u32) -> u32 {
        let before = self.inserted.partition_point(|i| (*i as u32) < offset);
        offset - before as u32
    }

    /// Take the inserted spaces (each a whitespace token of its own, after
    /// a number) out of rnix's tree, so that its offsets are the source's
    /// again.
    fn remove_inserted(&self, mut root: rnix::SyntaxNode) -> Option<rnix::SyntaxNode> {
        for offset in self.inserted.iter().rev() {
            let space = match root.token_at_offset(rnix::TextSize::from(*offset as u32)) {
                rnix::TokenAtOffset::Between(_, t) | rnix::TokenAtOffset::Single(t) => t,
                rnix::TokenAtOffset::None => return None,
            };
            if space.kind() != rnix::SyntaxKind::TOKEN_WHITESPACE || space.text() != " " {
                return None;
            }
            let parent = space.parent()?;
            let green = parent.green().remove_child(space.index());
            root = rnix::SyntaxNode::new_root(parent.replace_with(green));
        }
        Some(root)
    }
}

fn token_name(kind: rnix::SyntaxKind) -> String {
    use rnix::SyntaxKind::*;
    let s = match kind {
        TOKEN_SEMICOLON => "';'",
        TOKEN_R_BRACE => "'}'",
        TOKEN_L_BRACE => "'{'",
        TOKEN_R_PAREN => "')'",
        TOKEN_L_PAREN => "'('",
        TOKEN_R_BRACK => "']'",
        TOKEN_L_BRACK => "'['",
        TOKEN_ASSIGN => "'='",
        TOKEN_COLON => "':'",
        TOKEN_COMMA => "','",
        TOKEN_DOT => "'.'",
        TOKEN_IN => "'in'",
        TOKEN_THEN => "'then'",
        TOKEN_ELSE => "'else'",
        TOKEN_IDENT => "identifier",
        _ => return format!("{:?}", kind).to_lowercase(),
    };
    s.to_string()
}

fn parse_error(source: &Rc<Source>, err: &ParseError, rnix_text: &RnixText) -> Error {
    let at = |offset: u32| {
        Some(Pos {
            source: source.clone(),
            offset,
        })
    };
    let end = source.text.len() as u32;
    let unexpected_at = |offset: u32| -> String {
        let rest = source.text.get(offset as usize..).unwrap_or("");
        let tok: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace())
            .take(20)
            .collect();
        if tok.is_empty() {
            "syntax error, unexpected end of file".to_string()
        } else {
            format!("syntax error, unexpected '{}'", tok)
        }
    };
    match err {
        ParseError::Unexpected(r) | ParseError::UnexpectedExtra(r) => {
            let o = rnix_text.source_offset(u32::from(r.start()));
            Error::new(ErrorKind::Parse, unexpected_at(o)).at(at(o))
        }
        ParseError::UnexpectedWanted(_, r, wanted) => {
            let o = rnix_text.source_offset(u32::from(r.start()));
            let wanted: Vec<String> = wanted.iter().map(|k| token_name(*k)).collect();
            let mut msg = unexpected_at(o);
            if !wanted.is_empty() {
                msg.push_str(&format!(", expecting {}", wanted.join(" or ")));
            }
            Error::new(ErrorKind::Parse, msg).at(at(o))
        }
        ParseError::UnexpectedDoubleBind(r) => {
            let o = rnix_text.source_offset(u32::from(r.start()));
            Error::new(ErrorKind::Parse, unexpected_at(o)).at(at(o))
        }
        ParseError::UnexpectedEOF | ParseError::UnexpectedEOFWanted(_) => {
            Error::new(ErrorKind::Parse, "syntax error, unexpected end of file").at(at(end))
        }
        ParseError::DuplicatedArgs(r, name) => Error::new(
            ErrorKind::Parse,
            format!("duplicate formal function argument '{}'", name),
        )
        .at(at(rnix_text.source_offset(u32::from(r.start())))),
        ParseError::RecursionLimitExceeded => {
            Error::new(ErrorKind::Parse, "expression is nested too deeply to parse").at(at(0))
        }
        _ => Error::new(ErrorKind::Parse, format!("syntax error: {}", err)).at(at(0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree_text(text: &str) -> String {
        let source = Source::new("«test»".into(), text.into());
        let Ok(expr) = parse(&source) else {
            panic!("the test source parses")
        };
        let root = expr.syntax().ancestors().last().expect("a root");
        root.text().to_string()
    }

    #[test]
    fn rnix_tree_keeps_the_source_offsets() {
        // Only the CRs in whitespace differ: rnix is given LFs there.
        for (text, tree) in [
            ("[ 1.0e 0.e5 ]", "[ 1.0e 0.e5 ]"),
            ("let e = 1; in [ .5E 1.e ]", "let e = 1; in [ .5E 1.e ]"),
            (
                "# c\r[ 1 ''\r\n  a\r'' ]\r\n",
                "# c\n[ 1 ''\r\n  a\r'' ]\n\n",
            ),
            ("if true then 1.0else 2", "if true then 1.0else 2"),
        ] {
            assert_eq!(tree_text(text), tree);
        }
    }
}
