//! Reads a TOML document in the order Nix 2.8's toml11 does, building its
//! [`Tree`]: the top-level key/value lines go straight into the document;
//! the lines after a table header make a table of their own, inserted at
//! the header's key once the next header (or the end) is reached; an
//! inline table is filled key by key as it is read. Values are read with
//! a work list, so nesting depth costs no stack.
//!
//! What is not TOML ends the reading with toml11's error for it (a
//! [`Report`]), found where toml11 finds it: a value is the longest text
//! that is one, and what follows it is judged by the line, array or inline
//! table it is in.

use super::report::{Place, Report, KEY_HINTS};
use super::scalar::{self, BadString, Scalar};
use super::tree::{Conflict, KeyAt, Kind, NodeId, Origin, Tree};

/// Why reading stopped.
pub(super) enum Stop {
    /// Not TOML: toml11's error.
    Syntax(Report),
    /// A conflict toml11 reports.
    Conflict(Conflict),
    /// Integers that do not fit in 64 signed bits: for each, its radix,
    /// where it ends, and how many arrays it is in (`report::too_large`).
    /// toml11 4 goes on to the next line after one outside an array and
    /// reports them all.
    TooLarge(Vec<(u32, usize, usize)>),
}

impl From<Conflict> for Stop {
    fn from(c: Conflict) -> Stop {
        Stop::Conflict(c)
    }
}

impl From<Report> for Stop {
    fn from(r: Report) -> Stop {
        Stop::Syntax(r)
    }
}

type Read<T> = std::result::Result<T, Stop>;

/// A container being read.
enum Open {
    /// An array: its node, where it starts, and where the item being read
    /// starts.
    Array(NodeId, usize, usize),
    /// An inline table, with the key whose value is being read (its
    /// index in [`Tree::keys`] and its region).
    Inline(NodeId, usize, usize, usize),
}

/// The table being filled: the document, or the lines after a header.
struct Section {
    table: NodeId,
    /// The header: its key, region, and whether it is `[[…]]`.
    header: Option<(usize, usize, usize, bool)>,
}

struct Reader<'a> {
    text: &'a str,
    b: &'a [u8],
    pos: usize,
    tree: Tree,
}

/// Reads `text` (which toml11 reads with a line break at the end); the
/// tree and its root.
pub(super) fn read(text: &str) -> Read<(Tree, NodeId)> {
    let mut too_large = Vec::new();
    let result = read_noting(text, &mut too_large);
    if too_large.is_empty() {
        result
    } else {
        Err(Stop::TooLarge(too_large))
    }
}

/// [`read`], noting in `too_large` each integer out of range outside an
/// array and going on with the next line.
fn read_noting(text: &str, too_large: &mut Vec<(u32, usize, usize)>) -> Read<(Tree, NodeId)> {
    let mut r = Reader {
        text,
        b: text.as_bytes(),
        pos: 0,
        tree: Tree::default(),
    };
    if text.starts_with('\u{feff}') {
        r.pos = 3;
    }
    let root = r.tree.table(r.pos, r.pos + 1, Origin::Document);
    let mut section = Section {
        table: root,
        header: None,
    };
    // Whether a key/value line was read since the last header.
    let mut after_pair = false;
    loop {
        r.blanks();
        let Some(&c) = r.b.get(r.pos) else { break };
        let start = r.pos;
        if matches!(c, b'#' | b'\n' | b'\r') {
            if r.line_end().is_ok() {
                continue;
            }
            // Not a comment toml11 takes: it reads a key there, or, after
            // a key/value line of the same table, where the comment's
            // characters end.
            if !after_pair {
                r.pos = start;
            }
        }
        let start = r.pos;
        if c == b'[' {
            let Some(header) = r.header()? else {
                return Err(key_error(r.b, start).into());
            };
            r.finish(&section, root)?;
            section = header;
            after_pair = false;
            let end = r.pos;
            if r.line_end().is_err() {
                let (title, what) = match section.header {
                    Some((.., true)) => ("toml::parse_array_table_key", "[[table.key]]"),
                    _ => ("toml::parse_table_key", "[table.key]"),
                };
                return Err(Report::at(
                    format!("{}: newline required after {}", title, what),
                    end,
                    "expected newline",
                )
                .into());
            }
            continue;
        }
        let (path, start, end) = r.key()?;
        r.key_value_separator(end)?;
        let k = r.tree.keys.len();
        r.tree.keys.push(path);
        let after = r.pos;
        let value = match r.value() {
            Err(Stop::Syntax(e)) if !e.thrown && r.blank_line(after) => {
                return Err(missing_value(after).into())
            }
            Err(Stop::TooLarge(found)) => {
                let in_array = found.iter().any(|&(_, _, arrays)| arrays > 0);
                too_large.extend(found);
                if in_array {
                    return Err(Stop::TooLarge(Vec::new()));
                }
                r.pos = r.b[r.pos..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(r.b.len(), |i| r.pos + i + 1);
                continue;
            }
            v => v?,
        };
        let key = KeyAt {
            path: &r.tree.keys[k].clone(),
            start,
            end,
            origin: Origin::DottedKey(k),
        };
        r.tree.insert(section.table, &key, value, false, r.b)?;
        after_pair = true;
        if r.line_end().is_err() {
            let got = match r.b.get(r.pos) {
                Some(&c) if c.is_ascii_graphic() => format!("'{}'", char::from(c)),
                Some(&c) => format!("'0x{:02x}'", c),
                None => "nothing".into(),
            };
            return Err(Report::at(
                "toml::parse_table: invalid line format",
                r.pos,
                format!("expected newline, but got {}.", got),
            )
            .into());
        }
    }
    r.finish(&section, root)?;
    Ok((r.tree, root))
}

/// toml11's error for a key that is not one, at `at`.
fn key_error(b: &[u8], at: usize) -> Report {
    let mut i = at;
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    if b.get(i) == Some(&b'=') {
        Report::at(
            "toml::parse_key_value_pair: empty key is not allowed.",
            at,
            "key expected before '='",
        )
    } else {
        Report::at(
            "toml::parse_key: an invalid key appeared.",
            at,
            "is not a valid key",
        )
        .hints(KEY_HINTS)
    }
}

/// toml11's error for a key and `=` with no value after them.
fn missing_value(at: usize) -> Report {
    Report::at(
        "toml::parse_key_value_pair: missing value after key-value separator '='",
        at,
        "expected value, but got nothing",
    )
}

impl Reader<'_> {
    fn blanks(&mut self) {
        while matches!(self.b.get(self.pos), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// A comment, if any: as far as it is made of characters a comment may
    /// hold (what follows must then be a line break).
    fn comment(&mut self) {
        if self.b.get(self.pos) != Some(&b'#') {
            return;
        }
        self.pos += 1;
        while let Some(c) = self.text[self.pos..].chars().next() {
            if c == '\n' || !scalar::is_text_char(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
    }

    /// A line break (or the end of the text).
    fn newline(&mut self) -> Result<(), ()> {
        match self.b.get(self.pos) {
            None => Ok(()),
            Some(b'\n') => {
                self.pos += 1;
                Ok(())
            }
            Some(b'\r') if self.b.get(self.pos + 1) == Some(&b'\n') => {
                self.pos += 2;
                Ok(())
            }
            _ => Err(()),
        }
    }

    /// Blanks, a comment, and the end of the line; if they are not there,
    /// `pos` is where they end.
    fn line_end(&mut self) -> Result<(), ()> {
        self.blanks();
        self.comment();
        self.newline()
    }

    /// Whether the line from `at` holds nothing but blanks and a comment.
    fn blank_line(&self, at: usize) -> bool {
        let mut probe = Reader {
            text: self.text,
            b: self.b,
            pos: at,
            tree: Tree::default(),
        };
        probe.line_end().is_ok()
    }

    /// Blanks, comments and line breaks (inside an array).
    fn space(&mut self) {
        loop {
            self.blanks();
            self.comment();
            if self.newline().is_err() || self.pos >= self.b.len() {
                return;
            }
        }
    }

    /// One part of a key at `pos`, if there is one: its text and end (or
    /// the error of an escape in it).
    fn simple_key(&self) -> Option<Result<(String, usize), Report>> {
        let at = self.pos;
        match self.b.get(at) {
            // `""` (or `''`) before a third quote is an empty key.
            Some(&q @ (b'"' | b'\'')) if self.b.get(at + 1) == Some(&q) => {
                Some(Ok((String::new(), at + 2)))
            }
            Some(b'"' | b'\'') => match scalar::string(self.text, at) {
                Ok(s) => Some(Ok(s)),
                Err(BadString::Shape(_)) => None,
                Err(e @ BadString::Codepoint(_)) => Some(Err(e.report().thrown())),
            },
            _ => {
                let end = at
                    + self.b[at..]
                        .iter()
                        .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
                        .count();
                (end > at).then(|| Ok((self.text[at..end].to_string(), end)))
            }
        }
    }

    /// A key (possibly dotted) at `pos`: its parts and region, or `None`
    /// if there is none.
    fn lex_key(&mut self) -> Read<Option<(Vec<String>, usize, usize)>> {
        let start = self.pos;
        let mut parts = Vec::new();
        loop {
            let Some(part) = self.simple_key() else {
                // Only the first part can be missing: a dot is taken only
                // with a part after it.
                self.pos = start;
                return Ok(None);
            };
            let (s, end) = match part {
                Ok(part) => part,
                Err(report) => return Err(self.within_dotted_key(start, report).into()),
            };
            parts.push(s);
            self.pos = end;
            self.blanks();
            if self.b.get(self.pos) == Some(&b'.') {
                self.pos += 1;
                self.blanks();
                if self.simple_key().is_some() {
                    continue;
                }
            }
            self.pos = end;
            return Ok(Some((parts, start, end)));
        }
    }

    /// toml11 reads the parts of a dotted key (`a."b".c`) from a copy of
    /// the key's text: an error in a part (a bad `\u` code point) shows
    /// that text as line 1, with the column counted from the key's start.
    /// A key of one part is read in place.
    fn within_dotted_key(&self, start: usize, mut report: Report) -> Report {
        let Some(end) = self.dotted_key_end(start) else {
            return report;
        };
        for place in report.places.iter_mut().filter(|p| p.own_text.is_none()) {
            place.own_text = Some(self.text[start..end].to_string());
            place.start -= start.min(place.start);
            place.end -= start.min(place.end);
        }
        report
    }

    /// The end of the dotted key at `start`, by its shape alone (quoted
    /// parts are not decoded), if it has at least two parts.
    fn dotted_key_end(&self, start: usize) -> Option<usize> {
        let blanks = |mut i: usize| {
            while matches!(self.b.get(i), Some(b' ' | b'\t')) {
                i += 1;
            }
            i
        };
        let mut parts = 0;
        let mut end = start;
        let mut at = start;
        while let Some(e) = self.simple_key_end(at) {
            parts += 1;
            end = e;
            let dot = blanks(e);
            if self.b.get(dot) != Some(&b'.') {
                break;
            }
            at = blanks(dot + 1);
        }
        (parts >= 2).then_some(end)
    }

    /// The end of the key part at `at` by its shape: a bare key, or a
    /// quoted one up to its closing quote on the same line.
    fn simple_key_end(&self, at: usize) -> Option<usize> {
        match *self.b.get(at)? {
            q @ (b'"' | b'\'') => {
                let mut i = at + 1;
                while let Some(&c) = self.b.get(i) {
                    match c {
                        b'\\' if q == b'"' => i += 2,
                        b'\n' => return None,
                        c if c == q => return Some(i + 1),
                        _ => i += 1,
                    }
                }
                None
            }
            _ => {
                let n = self.b[at..]
                    .iter()
                    .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
                    .count();
                (n > 0).then_some(at + n)
            }
        }
    }

    /// A key at `pos`, or toml11's error for a key that is not one.
    fn key(&mut self) -> Read<(Vec<String>, usize, usize)> {
        let at = self.pos;
        match self.lex_key()? {
            Some(key) => Ok(key),
            None => Err(key_error(self.b, at).into()),
        }
    }

    /// The `=` after a key ending at `end`, with blanks around it; toml11's
    /// error if it is not there.
    fn key_value_separator(&mut self, end: usize) -> Read<()> {
        self.pos = end;
        self.blanks();
        if self.b.get(self.pos) == Some(&b'=') {
            self.pos += 1;
            self.blanks();
            return Ok(());
        }
        self.pos = end;
        let line = self.text[end..].split('\n').next().unwrap_or("");
        Err(if line.contains('=') {
            Report::at(
                "toml::parse_key_value_pair: invalid format for key",
                end,
                "invalid character in key",
            )
            .hints(&[
                "Did you forget '.' to separate dotted-key?",
                "Allowed characters for bare key are [0-9a-zA-Z_-].",
            ])
        } else {
            Report::at(
                "toml::parse_key_value_pair: missing key-value separator `=`",
                end,
                "should be `=`",
            )
        }
        .into())
    }

    /// A table header at `pos` (a `[`), if the line starts with one: the
    /// section it starts.
    fn header(&mut self) -> Read<Option<Section>> {
        let start = self.pos;
        let array = self.b[start..].starts_with(b"[[");
        self.pos += if array { 2 } else { 1 };
        self.blanks();
        let Some((path, _, _)) = self.lex_key()? else {
            return Ok(None);
        };
        self.blanks();
        let closing: &[u8] = if array { b"]]" } else { b"]" };
        if !self.b[self.pos..].starts_with(closing) {
            return Ok(None);
        }
        self.pos += closing.len();
        let end = self.pos;
        let k = self.tree.keys.len();
        self.tree.keys.push(path);
        let origin = if array {
            Origin::ArrayHeader
        } else {
            Origin::Header(k)
        };
        let table = self.tree.table(start, end, origin);
        Ok(Some(Section {
            table,
            header: Some((k, start, end, array)),
        }))
    }

    /// Inserts a header's table into the document.
    fn finish(&mut self, section: &Section, root: NodeId) -> Read<()> {
        let Some((k, start, end, array)) = section.header else {
            return Ok(());
        };
        let path = self.tree.keys[k].clone();
        let key = KeyAt {
            path: &path,
            start,
            end,
            origin: self.tree.nodes[section.table].origin,
        };
        self.tree
            .insert(root, &key, section.table, array, self.b)
            .map_err(Stop::from)
    }

    /// A value (at `pos`). An error toml11 returns (rather than throws)
    /// from inside an array becomes the array's error about its item.
    fn value(&mut self) -> Read<NodeId> {
        let mut open: Vec<Open> = Vec::new();
        match self.nested_value(&mut open) {
            Err(Stop::Syntax(e)) if !e.thrown => {
                // The nearest array: where it starts, and where toml11 is
                // left in its item (at the start of a scalar; in an inline
                // table, at the start of its key/value pair that failed).
                let array = open
                    .iter()
                    .enumerate()
                    .rev()
                    .find_map(|(i, o)| match o {
                        Open::Array(_, start, item) => Some((i, *start, *item)),
                        Open::Inline(..) => None,
                    })
                    .map(|(i, start, item)| match open.get(i + 1) {
                        Some(Open::Inline(_, _, pair, _)) => (start, *pair),
                        _ => (start, item),
                    });
                Err(Stop::Syntax(match array {
                    None => e,
                    Some((start, item)) => Report {
                        title:
                            "toml::parse_array: value having invalid format appeared in an array"
                                .into(),
                        places: vec![
                            Place::at(start, "array starts here"),
                            Place::at(item, "it is not a valid value."),
                        ],
                        hints: &[],
                        thrown: true,
                    },
                }))
            }
            v => v,
        }
    }

    /// A value, with the containers it is in kept in `open`.
    fn nested_value(&mut self, open: &mut Vec<Open>) -> Read<NodeId> {
        loop {
            // Read the start of a value: a scalar, or an opening bracket.
            let start = self.pos;
            match open.last_mut() {
                Some(Open::Array(_, _, item)) => *item = start,
                Some(Open::Inline(..)) if self.blank_line(start) => {
                    return Err(missing_value(start).into())
                }
                _ => {}
            }
            let mut done = match self.b.get(start) {
                Some(b'[') => {
                    let id = self
                        .tree
                        .add(Kind::Array(Vec::new()), start, start, Origin::Literal);
                    self.pos += 1;
                    self.space();
                    if self.b.get(self.pos) == Some(&b']') {
                        self.pos += 1;
                        self.tree.nodes[id].end = self.pos;
                        Some(id)
                    } else {
                        open.push(Open::Array(id, start, self.pos));
                        None
                    }
                }
                Some(b'{') => {
                    let id = self.tree.table(start, start, Origin::Literal);
                    self.pos += 1;
                    self.blanks();
                    if self.b.get(self.pos) == Some(&b'}') {
                        self.pos += 1;
                        self.tree.nodes[id].end = self.pos;
                        Some(id)
                    } else {
                        open.push(Open::Inline(id, usize::MAX, self.pos, self.pos));
                        let (k, ks, ke) = self.inline_key()?;
                        if let Some(Open::Inline(_, kk, s, e)) = open.last_mut() {
                            (*kk, *s, *e) = (k, ks, ke);
                        }
                        None
                    }
                }
                Some(b'"' | b'\'') => {
                    let (s, end) = scalar::string(self.text, start).map_err(|e| e.report())?;
                    self.pos = end;
                    Some(
                        self.tree
                            .add(Kind::Scalar(Scalar::Str(s)), start, end, Origin::Literal),
                    )
                }
                _ => {
                    let (s, end) = scalar::bare_value(self.text, start)?;
                    if let Scalar::TooLarge(radix) = s {
                        let arrays = open.iter().filter(|o| matches!(o, Open::Array(..))).count();
                        return Err(Stop::TooLarge(vec![(radix, end, arrays)]));
                    }
                    self.pos = end;
                    Some(self.tree.add(Kind::Scalar(s), start, end, Origin::Literal))
                }
            };
            // Hand finished values to the containers they are in.
            while let Some(id) = done {
                done = None;
                match open.last_mut() {
                    None => return Ok(id),
                    Some(Open::Array(array, array_start, _)) => {
                        let (array, array_start) = (*array, *array_start);
                        if let Kind::Array(items) = &mut self.tree.nodes[array].kind {
                            items.push(id);
                        }
                        self.space();
                        let mut close = self.b.get(self.pos) == Some(&b']');
                        if !close {
                            if self.b.get(self.pos) != Some(&b',') {
                                return Err(Report {
                                    title: "toml::parse_array: missing array separator `,` after a value".into(),
                                    places: vec![
                                        Place::at(array_start, "array starts here"),
                                        Place::at(self.pos, "should be `,`"),
                                    ],
                                    hints: &[],
                                    thrown: true,
                                }
                                .into());
                            }
                            self.pos += 1;
                            self.space();
                            close = self.b.get(self.pos) == Some(&b']');
                        }
                        if close {
                            self.pos += 1;
                            self.tree.nodes[array].end = self.pos;
                            open.pop();
                            done = Some(array);
                        }
                    }
                    Some(Open::Inline(table, k, ks, ke)) => {
                        let (table, k, ks, ke) = (*table, *k, *ks, *ke);
                        let key = KeyAt {
                            path: &self.tree.keys[k].clone(),
                            start: ks,
                            end: ke,
                            origin: Origin::DottedKey(k),
                        };
                        self.tree.insert(table, &key, id, false, self.b)?;
                        self.blanks();
                        match self.b.get(self.pos) {
                            Some(b'}') => {
                                self.pos += 1;
                                self.tree.nodes[table].end = self.pos;
                                open.pop();
                                done = Some(table);
                            }
                            Some(b',') => {
                                self.pos += 1;
                                self.blanks();
                                if self.b.get(self.pos) == Some(&b'}') {
                                    return Err(Report::at(
                                        "toml::parse_inline_table: trailing comma is not allowed in an inline table",
                                        self.pos,
                                        "should be `}`",
                                    )
                                    .thrown()
                                    .into());
                                }
                                if let Some(Open::Inline(_, _, s, _)) = open.last_mut() {
                                    *s = self.pos;
                                }
                                let (k, ks, ke) = self.inline_key()?;
                                if let Some(Open::Inline(_, kk, s, e)) = open.last_mut() {
                                    (*kk, *s, *e) = (k, ks, ke);
                                }
                            }
                            None | Some(b'#' | b'\n' | b'\r') => {
                                return Err(Report::at(
                                    "toml::parse_inline_table: missing curly brace `}`",
                                    self.pos,
                                    "should be `}`",
                                )
                                .thrown()
                                .into())
                            }
                            Some(_) => {
                                return Err(Report::at(
                                    "toml::parse_inline_table: missing table separator `,`",
                                    self.pos,
                                    "should be `,`",
                                )
                                .thrown()
                                .into())
                            }
                        }
                    }
                }
            }
        }
    }

    /// A key and its `=` inside an inline table: the key's index in
    /// [`Tree::keys`] and its region.
    fn inline_key(&mut self) -> Read<(usize, usize, usize)> {
        let (path, start, end) = self.key()?;
        self.key_value_separator(end)?;
        self.tree.keys.push(path);
        Ok((self.tree.keys.len() - 1, start, end))
    }
}
