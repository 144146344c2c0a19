//! A TOML document as Nix 2.8's toml11 builds it: tables, arrays and
//! scalars, each remembering the text it came from (its region), and the
//! rules by which toml11 inserts a value at a dotted key or table header,
//! with its error for each conflict (shown at two places: what was there,
//! and what was being inserted).
//!
//! The nodes live in one vector (no recursion to build, convert or drop
//! them, however deeply they nest).

use super::scalar::Scalar;
use crate::value::Value;
use rustc_hash::FxHashMap;

/// A node's index in its [`Tree`].
pub(super) type NodeId = usize;

/// Where a node's region comes from; toml11 tells tables apart by it.
#[derive(Clone, Copy)]
pub(super) enum Origin {
    /// A value written out: a scalar, `[…]` or `{…}`.
    Literal,
    /// A table header `[a.b]`; the index of its key in [`Tree::keys`].
    Header(usize),
    /// An array-of-tables header `[[a.b]]`.
    ArrayHeader,
    /// A dotted key `a.b = …` (its tables are made implicitly); the index
    /// of its key in [`Tree::keys`].
    DottedKey(usize),
    /// The document itself.
    Document,
}

/// What a node holds.
pub(super) enum Kind {
    Table(Vec<(String, NodeId)>, FxHashMap<String, NodeId>),
    Array(Vec<NodeId>),
    Scalar(Scalar),
}

/// One value and the region of text it came from.
pub(super) struct Node {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub origin: Origin,
}

/// The nodes of a document, and the keys of its headers and dotted keys.
#[derive(Default)]
pub(super) struct Tree {
    pub nodes: Vec<Node>,
    pub keys: Vec<Vec<String>>,
}

/// A conflict toml11 reports: its title and the two places.
pub(super) struct Conflict {
    pub title: String,
    pub first: (usize, usize, String),
    pub second: (usize, usize, &'static str),
}

/// A key being inserted: its parts, region and origin (given to the
/// tables it makes on the way).
pub(super) struct KeyAt<'a> {
    pub path: &'a [String],
    pub start: usize,
    pub end: usize,
    pub origin: Origin,
}

impl Tree {
    /// A new node.
    pub(super) fn add(&mut self, kind: Kind, start: usize, end: usize, origin: Origin) -> NodeId {
        self.nodes.push(Node {
            kind,
            start,
            end,
            origin,
        });
        self.nodes.len() - 1
    }

    /// A new empty table.
    pub(super) fn table(&mut self, start: usize, end: usize, origin: Origin) -> NodeId {
        self.add(
            Kind::Table(Vec::new(), FxHashMap::default()),
            start,
            end,
            origin,
        )
    }

    fn get(&self, table: NodeId, key: &str) -> Option<NodeId> {
        match &self.nodes[table].kind {
            Kind::Table(_, index) => index.get(key).copied(),
            _ => None,
        }
    }

    fn put(&mut self, table: NodeId, key: &str, value: NodeId) {
        if let Kind::Table(entries, index) = &mut self.nodes[table].kind {
            index.insert(key.to_string(), value);
            entries.push((key.to_string(), value));
        }
    }

    fn is_table(&self, id: NodeId) -> bool {
        matches!(self.nodes[id].kind, Kind::Table(..))
    }

    /// toml11's name of a node's type.
    fn type_name(&self, id: NodeId) -> &'static str {
        match &self.nodes[id].kind {
            Kind::Table(..) => "table",
            Kind::Array(_) => "array",
            Kind::Scalar(s) => s.type_name(),
        }
    }

    /// Whether a node is an inline table `{…}`.
    fn is_inline(&self, id: NodeId, text: &[u8]) -> bool {
        let n = &self.nodes[id];
        matches!(n.origin, Origin::Literal) && text.get(n.start) == Some(&b'{')
    }

    /// Whether toml11 lets table `value` be merged into the table
    /// `existing` found at `key.path[at]`: only a table header may do it,
    /// and only where `existing` was made on the way to a different key.
    fn may_merge(
        &self,
        existing: NodeId,
        value: NodeId,
        key: &KeyAt,
        at: usize,
        text: &[u8],
    ) -> bool {
        if self.is_inline(value, text) {
            return false;
        }
        match self.nodes[existing].origin {
            Origin::Header(k) => self.keys[k] != key.path,
            Origin::DottedKey(k) => self.keys[k] != key.path[at..],
            _ => false,
        }
    }

    /// Inserts `value` into `table` at `key`, as toml11 does; `array`: the
    /// key is an array-of-tables header.
    pub(super) fn insert(
        &mut self,
        mut table: NodeId,
        key: &KeyAt,
        value: NodeId,
        array: bool,
        text: &[u8],
    ) -> Result<(), Conflict> {
        let full = key.path.join(".");
        let here = |id: NodeId, hint: String, tree: &Tree| {
            (tree.nodes[id].start, tree.nodes[id].end, hint)
        };
        let v = (self.nodes[value].start, self.nodes[value].end);
        let conflict =
            |title: String, first: (usize, usize, String), second: &'static str| Conflict {
                title: format!("toml::insert_value: {}", title),
                first,
                second: (v.0, v.1, second),
            };
        for (i, k) in key.path.iter().enumerate() {
            let existing = self.get(table, k);
            if i + 1 < key.path.len() {
                let next = match existing {
                    Some(id) => id,
                    None => {
                        let id = self.table(key.start, key.end, key.origin);
                        self.put(table, k, id);
                        id
                    }
                };
                let so_far = || key.path[..=i].join(".");
                table = match &self.nodes[next].kind {
                    Kind::Table(..) if self.is_inline(next, text) => {
                        return Err(conflict(
                            format!(
                                "inserting to an inline table ({}) but inline tables are immutable",
                                so_far()
                            ),
                            here(next, "inline tables are immutable".into(), self),
                            "inserting this",
                        ))
                    }
                    Kind::Table(..) => next,
                    Kind::Array(items) => match items.last() {
                        Some(&last) if self.is_table(last) => last,
                        Some(&last) => {
                            return Err(conflict(
                                format!(
                                    "target ({}) is neither table nor an array of tables",
                                    so_far()
                                ),
                                here(
                                    last,
                                    format!("actual type is {}", self.type_name(last)),
                                    self,
                                ),
                                "inserting this",
                            ))
                        }
                        None => {
                            return Err(conflict(
                                format!(
                                    "target ({}) is neither table nor an array of tables",
                                    so_far()
                                ),
                                here(next, "actual type is array".into(), self),
                                "inserting this",
                            ))
                        }
                    },
                    Kind::Scalar(_) => {
                        return Err(conflict(
                            format!(
                                "target ({}) is neither table nor an array of tables",
                                so_far()
                            ),
                            here(
                                next,
                                format!("actual type is {}", self.type_name(next)),
                                self,
                            ),
                            "inserting this",
                        ))
                    }
                };
                continue;
            }
            let Some(existing) = existing else {
                if array {
                    let aot = self.add(
                        Kind::Array(vec![value]),
                        key.start,
                        key.end,
                        Origin::ArrayHeader,
                    );
                    self.put(table, k, aot);
                } else {
                    self.put(table, k, value);
                }
                return Ok(());
            };
            let ty = self.type_name(existing);
            if array {
                let first_item = match &self.nodes[existing].kind {
                    Kind::Table(..) => {
                        return Err(conflict(
                            format!("array of table (\"{}\") cannot be defined", full),
                            here(existing, "table already defined".into(), self),
                            "this conflicts with the previous table",
                        ))
                    }
                    Kind::Array(items) => items.first().copied().filter(|&f| self.is_table(f)),
                    Kind::Scalar(_) => None,
                };
                let Some(first_item) = first_item else {
                    return Err(conflict(
                        format!("array of table (\"{}\") collides with existing value", full),
                        here(existing, format!("this {} value already exists", ty), self),
                        "while inserting this array-of-tables",
                    ));
                };
                if !matches!(self.nodes[first_item].origin, Origin::ArrayHeader) {
                    return Err(conflict(
                        format!(
                            "array of table (\"{}\") collides with existing array-of-tables",
                            full
                        ),
                        here(existing, format!("this {} value has static size", ty), self),
                        "appending it to the statically sized array",
                    ));
                }
                if let Kind::Array(items) = &mut self.nodes[existing].kind {
                    items.push(value);
                }
                return Ok(());
            }
            if self.is_table(existing) && self.is_table(value) {
                if !self.may_merge(existing, value, key, i, text) {
                    return Err(conflict(
                        format!("table (\"{}\") already exists.", full),
                        here(existing, "table already exists here".into(), self),
                        "table defined twice",
                    ));
                }
                let entries = match &mut self.nodes[value].kind {
                    Kind::Table(entries, _) => std::mem::take(entries),
                    _ => Vec::new(),
                };
                for (name, member) in entries {
                    if let Some(there) = self.get(existing, &name) {
                        return Err(conflict(
                            format!("value (\"{}\") already exists.", full),
                            here(there, "already exists here".into(), self),
                            "this defined twice",
                        ));
                    }
                    self.put(existing, &name, member);
                }
                let n = &mut self.nodes[existing];
                (n.start, n.end, n.origin) = (key.start, key.end, key.origin);
                return Ok(());
            }
            let aot = match &self.nodes[existing].kind {
                Kind::Array(items) => items.first().is_some_and(|&f| self.is_table(f)),
                _ => false,
            };
            return Err(if self.is_table(value) && aot {
                conflict(
                    format!("array of tables (\"{}\") already exists.", full),
                    here(existing, "array of tables defined here".into(), self),
                    "table conflicts with the previous array of table",
                )
            } else {
                conflict(
                    format!("value (\"{}\") already exists.", full),
                    here(existing, "value already exists here".into(), self),
                    "value defined twice",
                )
            });
        }
        Ok(())
    }
}

impl Tree {
    /// The Nix value of the node `root`: tables become sets, arrays lists
    /// (with a work list). A date or time is a `timestamp` set if
    /// `timestamps` (`parse-toml-timestamps`), an error otherwise; a string
    /// holding a NUL byte is an error. The error's message is returned.
    pub(super) fn into_value(mut self, root: NodeId, timestamps: bool) -> Result<Value, String> {
        super::build_value(root, |id| {
            let kind = std::mem::replace(&mut self.nodes[id].kind, Kind::Array(Vec::new()));
            Ok(match kind {
                Kind::Scalar(Scalar::Str(s)) => super::Node::Scalar(super::toml_string(&s)?),
                Kind::Scalar(Scalar::Int(i)) => super::Node::Scalar(Value::Int(i)),
                Kind::Scalar(Scalar::Float(f)) => super::Node::Scalar(Value::Float(f)),
                Kind::Scalar(Scalar::Bool(b)) => super::Node::Scalar(Value::Bool(b)),
                Kind::Scalar(Scalar::Datetime(_, token)) if timestamps => {
                    super::Node::Scalar(super::timestamp_value(&token))
                }
                Kind::Scalar(Scalar::Datetime(..)) => {
                    return Err("Dates and times are not supported".into())
                }
                // The reader stops at an integer out of range.
                Kind::Scalar(Scalar::TooLarge(_)) => return Err("integer out of range".into()),
                Kind::Array(items) => super::Node::Array(items),
                Kind::Table(entries, _) => super::Node::Table(entries),
            })
        })
    }
}

impl From<Conflict> for super::report::Report {
    fn from(c: Conflict) -> Self {
        use super::report::Place;
        let place = |(start, end, label): (usize, usize, String)| Place {
            start,
            end,
            label,
            own_text: None,
        };
        super::report::Report {
            title: c.title,
            places: vec![
                place(c.first),
                place((c.second.0, c.second.1, c.second.2.to_string())),
            ],
            hints: &[],
            thrown: true,
        }
    }
}
