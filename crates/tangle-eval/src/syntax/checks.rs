//! What current Nix's parser refuses or warns about in a token, beyond the
//! grammar, as it reads it (so in source order, and warnings before an
//! error found later):
//!
//! - a string literal holding a NUL byte ("input string '…' cannot be
//!   represented as Nix string because it contains null bytes"), at the
//!   string token that holds it;
//! - `|>` and `<|` while the experimental feature `pipe-operators` is off;
//! - the lints of path and URL literals (`lint-short-path-literals`,
//!   `lint-absolute-path-literals`, `lint-url-literals`): a warning, or an
//!   error with `fatal`.

use super::grammar::{t, Token};
use super::lexer::LexError;
use crate::settings::{Features, LintLevel, Lints};

/// The settings the checks follow.
#[derive(Clone, Copy, Debug, Default)]
pub struct ParseSettings {
    pub features: Features,
    pub lints: Lints,
}

impl ParseSettings {
    /// Everything the grammar accepts, and no lints (the evaluator's own
    /// Nix code, tests).
    pub fn permissive() -> ParseSettings {
        ParseSettings {
            features: Features {
                pipe_operators: true,
                ..Features::default()
            },
            lints: Lints::default(),
        }
    }
}

/// Check one token (`text` is the source); a warning goes to `warn` with
/// its offset, an error is returned as the lexer's.
pub fn check(
    settings: &ParseSettings,
    text: &str,
    token: &Token,
    warn: &mut dyn FnMut(String, u32),
) -> Result<(), LexError> {
    let start = token.offset as usize;
    let raw = text
        .get(start..start + token.len as usize)
        .unwrap_or_default();
    let error = |message: String| LexError {
        message,
        offset: token.offset,
    };
    let mut lint = |level: LintLevel, message: String| match level {
        LintLevel::Ignore => Ok(()),
        LintLevel::Warn => {
            warn(message, token.offset);
            Ok(())
        }
        LintLevel::Fatal => Err(error(message)),
    };
    match token.term {
        t::STR if has_raw_nul(raw) => {
            let mut value = String::new();
            crate::compiler::unescape_normal(raw, &mut value);
            Err(error(nul_message(&value)))
        }
        // An escape (`''\x`, `''$`, `'''`) is a token of its own.
        t::IND_STR if !raw.starts_with("''") && raw.contains('\0') => Err(error(nul_message(raw))),
        t::PIPE_FROM | t::PIPE_INTO if !settings.features.pipe_operators => {
            Err(error(Features::disabled_message("pipe-operators")))
        }
        t::PATH if raw.starts_with('/') => lint(
            settings.lints.absolute_path_literals,
            format!(
                "absolute path literals are not portable. Consider replacing path literal '{}' by a string, relative path, or parameter (lint-absolute-path-literals)",
                raw
            ),
        ),
        t::PATH if !raw.starts_with("./") && !raw.starts_with("../") => lint(
            settings.lints.short_path_literals,
            format!(
                "relative path literal '{0}' should be prefixed with '.' for clarity: './{0}' (lint-short-path-literals)",
                raw
            ),
        ),
        t::HPATH => lint(
            settings.lints.absolute_path_literals,
            format!(
                "home path literals are not portable. Consider replacing path literal '{}' by a string, relative path, or parameter (lint-absolute-path-literals)",
                raw
            ),
        ),
        t::URI => {
            let verb = match settings.lints.url_literals {
                LintLevel::Fatal => "disallowed",
                _ => "discouraged",
            };
            lint(
                settings.lints.url_literals,
                format!(
                    "URL literals are {}. Consider using a string literal \"{}\" instead (lint-url-literals)",
                    verb, raw
                ),
            )
        }
        _ => Ok(()),
    }
}

/// Whether a `"…"` string token holds a NUL byte as itself (a NUL after a
/// backslash is an escape, which current Nix lets through).
fn has_raw_nul(raw: &str) -> bool {
    let b = raw.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            0 => return true,
            _ => i += 1,
        }
    }
    false
}

/// Current Nix's error for a string holding a NUL: the string, each NUL
/// shown as `␀`.
fn nul_message(value: &str) -> String {
    format!(
        "input string '{}' cannot be represented as Nix string because it contains null bytes",
        value.replace('\0', "\u{2400}")
    )
}

#[cfg(test)]
mod tests {
    use super::has_raw_nul;

    #[test]
    fn escaped_nul_is_not_raw() {
        assert!(has_raw_nul("a\0b"));
        assert!(!has_raw_nul("a\\\0b"));
        assert!(has_raw_nul("a\\\\\0b"));
        assert!(!has_raw_nul("ab"));
    }
}
