//! Tab completion: the word before the cursor is a `:command`, a file
//! name (it holds a `/`), an attribute path (`lib.strings.con`: the part
//! before the last dot is evaluated, forcing only what selecting it
//! needs), or a name in scope (the REPL's variables, the globals,
//! `builtins`, keywords).

use super::commands;
use super::session::Session;
use tangle_eval::Value;

/// What completing a word found.
pub struct Completion {
    /// Byte offset in the line where the replaced word starts.
    pub start: usize,
    pub candidates: Vec<String>,
    /// Why an attribute path cannot be completed (shown dimmed, on a line
    /// of its own).
    pub failure: Option<String>,
}

const KEYWORDS: &[&str] = &[
    "assert", "else", "if", "in", "inherit", "let", "or", "rec", "then", "with",
];

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"_'-.:/~+".contains(&b)
}

pub fn complete(s: &mut Session, line: &str, pos: usize) -> Completion {
    let pos = pos.min(line.len());
    let bytes = line.as_bytes();
    let mut start = pos;
    while start > 0 && is_word_byte(bytes[start - 1]) {
        start -= 1;
    }
    let word = &line[start..pos];
    let done = |start: usize, mut candidates: Vec<String>| {
        candidates.sort();
        candidates.dedup();
        Completion {
            start,
            candidates,
            failure: None,
        }
    };
    if word.starts_with(':') && line[..start].trim().is_empty() {
        let c = commands::NAMES
            .iter()
            .filter(|n| n.starts_with(word))
            .map(|n| n.to_string())
            .collect();
        return done(start, c);
    }
    if word.contains('/') {
        return done(start, files(&s.cwd, word));
    }
    if let Some(dot) = word.rfind('.') {
        let (path, prefix) = (&word[..dot], &word[dot + 1..]);
        if path.is_empty() || path.ends_with('.') {
            return done(start, Vec::new());
        }
        return match s.eval(path) {
            Ok(Value::Attrs(a)) => {
                let c = a
                    .entries()
                    .iter()
                    .map(|(k, _)| k.as_str())
                    .filter(|n| n.starts_with(prefix))
                    .map(|n| format!("{}.{}", path, tangle_eval::print::attr_name_text(n)))
                    .collect();
                s.ev.release();
                done(start, c)
            }
            Ok(other) => {
                let why = format!(
                    "cannot complete: '{}' is {}, not a set",
                    path,
                    other.show_type()
                );
                s.ev.release();
                Completion {
                    start,
                    candidates: Vec::new(),
                    failure: Some(why),
                }
            }
            Err(e) => {
                s.ev.release();
                Completion {
                    start,
                    candidates: Vec::new(),
                    failure: Some(format!("cannot complete '{}': {}", path, e.message)),
                }
            }
        };
    }
    let globals: Vec<String> = s.global_names().map(str::to_string).collect();
    let mut c: Vec<String> = s
        .scope_names()
        .chain(globals.iter().map(String::as_str))
        .chain(KEYWORDS.iter().copied())
        .filter(|n| n.starts_with(word))
        .map(str::to_string)
        .collect();
    c.retain(|n| !n.starts_with("__") || word.starts_with("__"));
    done(start, c)
}

/// Entries of the directory part of `word` that start with its last
/// part; directories end in `/`.
fn files(cwd: &str, word: &str) -> Vec<String> {
    let (dir, prefix) = match word.rfind('/') {
        Some(i) => (&word[..=i], &word[i + 1..]),
        None => ("", word),
    };
    let real = if let Some(rest) = dir.strip_prefix("~/") {
        format!("{}/{}", std::env::var("HOME").unwrap_or_default(), rest)
    } else if dir.starts_with('/') {
        dir.to_string()
    } else {
        format!("{}/{}", cwd, dir)
    };
    let Ok(entries) = std::fs::read_dir(&real) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.starts_with(prefix) || (name.starts_with('.') && !prefix.starts_with('.')) {
                return None;
            }
            let slash = if e.file_type().is_ok_and(|t| t.is_dir()) {
                "/"
            } else {
                ""
            };
            Some(format!("{}{}{}", dir, name, slash))
        })
        .collect()
}
