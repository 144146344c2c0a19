//! Source files and positions inside them.

use std::fmt;
use std::rc::Rc;

/// One piece of Nix source text: a file or a `-E` string.
pub struct Source {
    /// The file's path, or `«string»` / `«stdin»`.
    pub name: String,
    pub text: String,
    line_starts: Vec<u32>,
}

impl Source {
    pub fn new(name: String, text: String) -> Rc<Source> {
        // As in 2.8's lexer, LF, CR and CRLF each end a line.
        let mut line_starts = vec![0];
        let b = text.as_bytes();
        for (i, c) in b.iter().enumerate() {
            let ends_line = match c {
                b'\n' => true,
                b'\r' => b.get(i + 1) != Some(&b'\n'),
                _ => false,
            };
            if ends_line {
                line_starts.push(i as u32 + 1);
            }
        }
        Rc::new(Source {
            name,
            text,
            line_starts,
        })
    }

    /// The name inside error messages ("defined at NAME:L:C"): Nix calls a
    /// `-E` or stdin source "(string)" there (positions print `«string»`).
    pub fn name_in_messages(&self) -> &str {
        if self.name.starts_with('«') {
            "(string)"
        } else {
            &self.name
        }
    }

    /// 1-based line and column of a byte offset. Like 2.8, the column
    /// counts bytes, not characters.
    pub fn line_col(&self, offset: u32) -> (usize, usize) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
        let end = (offset as usize).min(self.text.len());
        (line + 1, end.saturating_sub(start) + 1)
    }

    /// Line `line` (1-based) as Nix 2.8 shows it under an error, if it has
    /// one: a file's lines are those ended by a line break (2.8 shows no
    /// code for an error on an unterminated last line), while an
    /// expression given as a string (`«string»`, `«stdin»`) also has the
    /// piece after its last line break, empty or not.
    pub fn code_line(&self, line: usize) -> Option<&str> {
        if line == 0 || line > self.line_starts.len() {
            return None;
        }
        let terminated = line < self.line_starts.len();
        (terminated || self.name.starts_with('«')).then(|| self.line_text(line))
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self.line_starts[line - 1] as usize;
        let end = self
            .line_starts
            .get(line)
            .map(|e| *e as usize)
            .unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches('\n')
            .trim_end_matches('\r')
    }
}

/// A position in a source: where an error arose or a value was defined.
#[derive(Clone)]
pub struct Pos {
    pub source: Rc<Source>,
    pub offset: u32,
}

impl Pos {
    pub fn line_col(&self) -> (usize, usize) {
        self.source.line_col(self.offset)
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (l, c) = self.line_col();
        write!(f, "{}:{}:{}", self.source.name, l, c)
    }
}

impl fmt::Debug for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}
