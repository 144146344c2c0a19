//! The bridge to the `rnix` parser: source normalisation and parse errors.
//!
//! Before rnix builds the tree, the source goes through a re-creation of
//! Nix 2.8's own lexer (`lexer`) and bison parser (`grammar`), so that
//! what 2.8 rejects is rejected, with 2.8's words ("syntax error, unexpected
//! IN, expecting ';'", "path has a trailing slash", "invalid float ...").

use crate::error::{Error, ErrorKind, Result};
use crate::source::{Pos, Source};
use rnix::ParseError;
use std::rc::Rc;

mod grammar;
mod lexer;

/// Nix reads CR and CRLF line endings as LF (in strings and comments alike).
pub fn normalise_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Parse a source into rnix's syntax tree, turning the first parse error
/// into an error with a position.
pub fn parse(source: &Rc<Source>) -> Result<rnix::ast::Expr> {
    check_as_nix_2_8(source)?;
    let parse = rnix::Root::parse(&source.text);
    if let Some(err) = parse.errors().first() {
        return Err(parse_error(source, err));
    }
    match parse.tree().expr() {
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
/// errors differently).
fn check_as_nix_2_8(source: &Rc<Source>) -> Result<()> {
    let at = |offset: u32| {
        Some(Pos {
            source: source.clone(),
            offset,
        })
    };
    let mut lexer = lexer::Lexer::new(&source.text);
    match grammar::recognise(|| lexer.next_token()) {
        Ok(()) => Ok(()),
        Err(grammar::Failure::Lex(e)) => {
            Err(Error::new(ErrorKind::Parse, e.message).at(at(e.offset)))
        }
        Err(grammar::Failure::Syntax { message, offset }) => {
            Err(Error::new(ErrorKind::Parse, message).at(at(offset)))
        }
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

fn parse_error(source: &Rc<Source>, err: &ParseError) -> Error {
    let at = |offset: u32| {
        Some(Pos {
            source: source.clone(),
            offset,
        })
    };
    let end = source.text.len() as u32;
    let unexpected_at = |offset: u32| -> String {
        let rest = &source.text[offset as usize..];
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
            let o = u32::from(r.start());
            Error::new(ErrorKind::Parse, unexpected_at(o)).at(at(o))
        }
        ParseError::UnexpectedWanted(_, r, wanted) => {
            let o = u32::from(r.start());
            let wanted: Vec<String> = wanted.iter().map(|k| token_name(*k)).collect();
            let mut msg = unexpected_at(o);
            if !wanted.is_empty() {
                msg.push_str(&format!(", expecting {}", wanted.join(" or ")));
            }
            Error::new(ErrorKind::Parse, msg).at(at(o))
        }
        ParseError::UnexpectedDoubleBind(r) => {
            let o = u32::from(r.start());
            Error::new(ErrorKind::Parse, unexpected_at(o)).at(at(o))
        }
        ParseError::UnexpectedEOF | ParseError::UnexpectedEOFWanted(_) => {
            Error::new(ErrorKind::Parse, "syntax error, unexpected end of file").at(at(end))
        }
        ParseError::DuplicatedArgs(r, name) => Error::new(
            ErrorKind::Parse,
            format!("duplicate formal function argument '{}'", name),
        )
        .at(at(u32::from(r.start()))),
        ParseError::RecursionLimitExceeded => {
            Error::new(ErrorKind::Parse, "expression is nested too deeply to parse").at(at(0))
        }
        _ => Error::new(ErrorKind::Parse, format!("syntax error: {}", err)).at(at(0)),
    }
}
