//! Reads a TOML document in the order Nix 2.8's toml11 does, building its
//! [`Tree`]: the top-level key/value lines go straight into the document;
//! the lines after a table header make a table of their own, inserted at
//! the header's key once the next header (or the end) is reached; an
//! inline table is filled key by key as it is read. Values are read with
//! a work list, so nesting depth costs no stack.
//!
//! The reader is strict: anything it does not take for valid TOML ends it
//! with [`Stop::Syntax`], and the caller has the document parsed again by
//! the `toml` crate for the error message.

use super::scalar::{self, Scalar};
use super::tree::{Conflict, KeyAt, Kind, NodeId, Origin, Tree};

/// Why reading stopped.
pub(super) enum Stop {
    /// Not TOML as this reader knows it.
    Syntax,
    /// A conflict toml11 reports.
    Conflict(Conflict),
}

impl From<Conflict> for Stop {
    fn from(c: Conflict) -> Stop {
        Stop::Conflict(c)
    }
}

type Read<T> = std::result::Result<T, Stop>;

/// Why a document could not be read.
pub(super) enum Failure {
    /// Not TOML as this reader knows it, in the statement (key/value line
    /// or table header) starting at this offset.
    Syntax { statement: usize },
    /// A conflict toml11 reports.
    Conflict(Conflict),
}

/// A container being read.
enum Open {
    Array(NodeId),
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

/// Reads `text`; the tree and its root.
pub(super) fn read(text: &str) -> std::result::Result<(Tree, NodeId), Failure> {
    let mut statement = 0;
    read_statements(text, &mut statement).map_err(|stop| match stop {
        Stop::Syntax => Failure::Syntax { statement },
        Stop::Conflict(c) => Failure::Conflict(c),
    })
}

/// Reads `text`, keeping in `statement` where the statement being read
/// starts.
fn read_statements(text: &str, statement: &mut usize) -> Read<(Tree, NodeId)> {
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
    loop {
        r.blanks();
        let Some(&c) = r.b.get(r.pos) else { break };
        *statement = r.pos;
        match c {
            b'#' | b'\n' | b'\r' => r.line_end()?,
            b'[' => {
                r.finish(&section, root)?;
                section = r.header()?;
                r.line_end()?;
            }
            _ => {
                let (path, start, end) = r.key()?;
                r.blanks();
                r.expect(b'=')?;
                r.blanks();
                let k = r.tree.keys.len();
                r.tree.keys.push(path);
                let value = r.value()?;
                let key = KeyAt {
                    path: &r.tree.keys[k].clone(),
                    start,
                    end,
                    origin: Origin::DottedKey(k),
                };
                r.tree.insert(section.table, &key, value, false, r.b)?;
                r.line_end()?;
            }
        }
    }
    r.finish(&section, root)?;
    Ok((r.tree, root))
}

impl Reader<'_> {
    fn blanks(&mut self) {
        while matches!(self.b.get(self.pos), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, c: u8) -> Read<()> {
        if self.b.get(self.pos) == Some(&c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Stop::Syntax)
        }
    }

    /// A comment, if any.
    fn comment(&mut self) -> Read<()> {
        if self.b.get(self.pos) != Some(&b'#') {
            return Ok(());
        }
        let end = self.text[self.pos..]
            .find('\n')
            .map_or(self.text.len(), |i| self.pos + i);
        let mut body = &self.text[self.pos + 1..end];
        if let Some(b) = body.strip_suffix('\r') {
            body = b;
        }
        if !body.chars().all(scalar::is_text_char) {
            return Err(Stop::Syntax);
        }
        self.pos += 1 + body.len();
        Ok(())
    }

    /// A line break (or the end of the text).
    fn newline(&mut self) -> Read<bool> {
        match self.b.get(self.pos) {
            None => Ok(false),
            Some(b'\n') => {
                self.pos += 1;
                Ok(true)
            }
            Some(b'\r') if self.b.get(self.pos + 1) == Some(&b'\n') => {
                self.pos += 2;
                Ok(true)
            }
            _ => Err(Stop::Syntax),
        }
    }

    /// Blanks, a comment, and the end of the line.
    fn line_end(&mut self) -> Read<()> {
        self.blanks();
        self.comment()?;
        self.newline().map(|_| ())
    }

    /// Blanks, comments and line breaks (inside an array).
    fn space(&mut self) -> Read<()> {
        loop {
            self.blanks();
            self.comment()?;
            if !matches!(self.b.get(self.pos), Some(b'\n' | b'\r')) {
                return Ok(());
            }
            self.newline()?;
        }
    }

    /// A key (possibly dotted): its parts and region.
    fn key(&mut self) -> Read<(Vec<String>, usize, usize)> {
        let start = self.pos;
        let mut parts = Vec::new();
        loop {
            let at = self.pos;
            match self.b.get(at) {
                Some(b'"' | b'\'') => {
                    if self.b[at..].starts_with(b"\"\"\"") || self.b[at..].starts_with(b"'''") {
                        return Err(Stop::Syntax);
                    }
                    let (s, next) = scalar::string(self.text, at).ok_or(Stop::Syntax)?;
                    parts.push(s);
                    self.pos = next;
                }
                _ => {
                    while self
                        .b
                        .get(self.pos)
                        .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
                    {
                        self.pos += 1;
                    }
                    if self.pos == at {
                        return Err(Stop::Syntax);
                    }
                    parts.push(self.text[at..self.pos].to_string());
                }
            }
            let end = self.pos;
            self.blanks();
            if self.b.get(self.pos) == Some(&b'.') {
                self.pos += 1;
                self.blanks();
            } else {
                self.pos = end;
                return Ok((parts, start, end));
            }
        }
    }

    /// A table header; the section it starts.
    fn header(&mut self) -> Read<Section> {
        let start = self.pos;
        let array = self.b[start..].starts_with(b"[[");
        self.pos += if array { 2 } else { 1 };
        self.blanks();
        let (path, _, _) = self.key()?;
        self.blanks();
        self.expect(b']')?;
        if array {
            self.expect(b']')?;
        }
        let end = self.pos;
        let k = self.tree.keys.len();
        self.tree.keys.push(path);
        let origin = if array {
            Origin::ArrayHeader
        } else {
            Origin::Header(k)
        };
        let table = self.tree.table(start, end, origin);
        Ok(Section {
            table,
            header: Some((k, start, end, array)),
        })
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

    /// A value (at `pos`); nested arrays and inline tables are read with a
    /// work list.
    fn value(&mut self) -> Read<NodeId> {
        let mut open: Vec<Open> = Vec::new();
        loop {
            // Read the start of a value: a scalar, or an opening bracket.
            let start = self.pos;
            let mut done = match self.b.get(start) {
                Some(b'[') => {
                    let id = self
                        .tree
                        .add(Kind::Array(Vec::new()), start, start, Origin::Literal);
                    self.pos += 1;
                    self.space()?;
                    if self.b.get(self.pos) == Some(&b']') {
                        self.pos += 1;
                        self.tree.nodes[id].end = self.pos;
                        Some(id)
                    } else {
                        open.push(Open::Array(id));
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
                        let (k, ks, ke) = self.inline_key()?;
                        open.push(Open::Inline(id, k, ks, ke));
                        None
                    }
                }
                Some(b'"' | b'\'') => {
                    let (s, end) = scalar::string(self.text, start).ok_or(Stop::Syntax)?;
                    self.pos = end;
                    Some(
                        self.tree
                            .add(Kind::Scalar(Scalar::Str(s)), start, end, Origin::Literal),
                    )
                }
                Some(_) => {
                    let end = scalar::token_end(self.b, start);
                    let s = scalar::bare(&self.text[start..end]).ok_or(Stop::Syntax)?;
                    self.pos = end;
                    Some(self.tree.add(Kind::Scalar(s), start, end, Origin::Literal))
                }
                None => return Err(Stop::Syntax),
            };
            // Hand finished values to the containers they are in.
            while let Some(id) = done {
                done = None;
                match open.last_mut() {
                    None => return Ok(id),
                    Some(Open::Array(array)) => {
                        let array = *array;
                        if let Kind::Array(items) = &mut self.tree.nodes[array].kind {
                            items.push(id);
                        }
                        self.space()?;
                        let mut close = self.b.get(self.pos) == Some(&b']');
                        if !close {
                            self.expect(b',')?;
                            self.space()?;
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
                        if self.b.get(self.pos) == Some(&b'}') {
                            self.pos += 1;
                            self.tree.nodes[table].end = self.pos;
                            open.pop();
                            done = Some(table);
                        } else {
                            self.expect(b',')?;
                            self.blanks();
                            let (k, ks, ke) = self.inline_key()?;
                            if let Some(Open::Inline(_, kk, s, e)) = open.last_mut() {
                                (*kk, *s, *e) = (k, ks, ke);
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
        self.blanks();
        self.expect(b'=')?;
        self.blanks();
        self.tree.keys.push(path);
        Ok((self.tree.keys.len() - 1, start, end))
    }
}
