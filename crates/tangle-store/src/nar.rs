//! The NAR (Nix ARchive) serialisation of a file system object, the input
//! of every recursive ("NAR") hash.
//!
//! The format is a sequence of strings, each an 8-byte little-endian length,
//! the bytes, and zero padding up to a multiple of 8:
//!
//! ```text
//! nar       = "nix-archive-1" node
//! node      = "(" "type" ( regular | symlink | directory ) ")"
//! regular   = "regular" [ "executable" "" ] "contents" <bytes>
//! symlink   = "symlink" "target" <target>
//! directory = "directory" { "entry" "(" "name" <name> "node" node ")" }
//! ```
//!
//! Directory entries come sorted by the bytes of their names.
//!
//! [`NarWriter`] writes the format from events, so any walk (the file
//! system, an in-memory [`NarNode`], an evaluator asking a Nix filter
//! function between steps) can produce a NAR without holding it in memory;
//! write into a [`Hasher`](crate::hash::Hasher) to hash it.

use crate::hash::{Hash, HashAlgo};
use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

const MAGIC: &[u8] = b"nix-archive-1";

/// The kind of a file system object as a path filter sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Regular,
    Directory,
    Symlink,
    /// Sockets, devices, FIFOs: a filter may see them, a NAR cannot hold
    /// them.
    Unknown,
}

impl FileKind {
    /// The name `builtins.filterSource` passes to its filter.
    pub fn nix_name(self) -> &'static str {
        match self {
            FileKind::Regular => "regular",
            FileKind::Directory => "directory",
            FileKind::Symlink => "symlink",
            FileKind::Unknown => "unknown",
        }
    }

    pub fn of(ft: std::fs::FileType) -> FileKind {
        if ft.is_symlink() {
            FileKind::Symlink
        } else if ft.is_dir() {
            FileKind::Directory
        } else if ft.is_file() {
            FileKind::Regular
        } else {
            FileKind::Unknown
        }
    }
}

/// An in-memory file system object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NarNode {
    Regular {
        executable: bool,
        contents: Vec<u8>,
    },
    Symlink {
        target: Vec<u8>,
    },
    /// Keyed by name; a `BTreeMap` of bytes has exactly the NAR order.
    Directory(BTreeMap<Vec<u8>, NarNode>),
}

/// A NAR that the writer was asked to produce does not follow the format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NarError {
    /// An event that is not allowed at this point (e.g. `entry` outside a
    /// directory, a second root).
    Misuse(&'static str),
    /// Entry names must be non-empty, without `/` or NUL, not `.`/`..`.
    BadEntryName(Vec<u8>),
    /// Entry names must come in strictly increasing byte order.
    Unsorted(Vec<u8>),
}

impl fmt::Display for NarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NarError::Misuse(what) => write!(f, "NAR writer misuse: {}", what),
            NarError::BadEntryName(n) => {
                write!(
                    f,
                    "invalid file name '{}' in NAR",
                    String::from_utf8_lossy(n)
                )
            }
            NarError::Unsorted(n) => write!(
                f,
                "NAR directory entry '{}' is out of order",
                String::from_utf8_lossy(n)
            ),
        }
    }
}

impl std::error::Error for NarError {}

impl From<NarError> for io::Error {
    fn from(e: NarError) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidInput, e)
    }
}

#[derive(Debug)]
enum Level {
    /// Inside an open directory; the name of the last entry started.
    Directory { last: Option<Vec<u8>> },
    /// After `entry(name)`: the entry's node comes next.
    Entry,
}

/// Writes a NAR from a walk of the tree, in order:
/// `regular`/`symlink` for leaves, `open_directory` … `close_directory`
/// around directories, and inside one, `entry(name)` before each child
/// (closed by the child itself).
pub struct NarWriter<W: Write> {
    out: W,
    stack: Vec<Level>,
    root_done: bool,
}

impl<W: Write> NarWriter<W> {
    pub fn new(mut out: W) -> io::Result<NarWriter<W>> {
        write_str(&mut out, MAGIC)?;
        Ok(NarWriter {
            out,
            stack: Vec::new(),
            root_done: false,
        })
    }

    fn begin_node(&mut self) -> io::Result<()> {
        match self.stack.last() {
            None if self.root_done => Err(NarError::Misuse("a second root node").into()),
            None | Some(Level::Entry) => {
                write_str(&mut self.out, b"(")?;
                write_str(&mut self.out, b"type")
            }
            Some(Level::Directory { .. }) => {
                Err(NarError::Misuse("a node in a directory without an entry").into())
            }
        }
    }

    /// After a node's closing `)`: close its entry, if it had one.
    fn end_node(&mut self) -> io::Result<()> {
        write_str(&mut self.out, b")")?;
        match self.stack.last() {
            Some(Level::Entry) => {
                self.stack.pop();
                write_str(&mut self.out, b")")
            }
            None => {
                self.root_done = true;
                Ok(())
            }
            Some(Level::Directory { .. }) => Err(NarError::Misuse("unbalanced node").into()),
        }
    }

    pub fn regular(&mut self, executable: bool, contents: &[u8]) -> io::Result<()> {
        self.regular_from(executable, contents.len() as u64, &mut &contents[..])
    }

    /// A regular file whose `len` bytes are read from `contents`; fails if
    /// it holds fewer.
    pub fn regular_from(
        &mut self,
        executable: bool,
        len: u64,
        contents: &mut dyn Read,
    ) -> io::Result<()> {
        self.begin_node()?;
        write_str(&mut self.out, b"regular")?;
        if executable {
            write_str(&mut self.out, b"executable")?;
            write_str(&mut self.out, b"")?;
        }
        write_str(&mut self.out, b"contents")?;
        self.out.write_all(&len.to_le_bytes())?;
        let copied = io::copy(&mut contents.take(len), &mut self.out)?;
        if copied != len {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "file changed while it was being read",
            ));
        }
        write_padding(&mut self.out, len)?;
        self.end_node()
    }

    pub fn symlink(&mut self, target: &[u8]) -> io::Result<()> {
        self.begin_node()?;
        write_str(&mut self.out, b"symlink")?;
        write_str(&mut self.out, b"target")?;
        write_str(&mut self.out, target)?;
        self.end_node()
    }

    pub fn open_directory(&mut self) -> io::Result<()> {
        self.begin_node()?;
        write_str(&mut self.out, b"directory")?;
        // An enclosing entry stays on the stack until the directory closes.
        self.stack.push(Level::Directory { last: None });
        Ok(())
    }

    /// Start the entry `name` of the innermost open directory.
    pub fn entry(&mut self, name: &[u8]) -> io::Result<()> {
        if name.is_empty()
            || name == b"."
            || name == b".."
            || name.iter().any(|&c| c == b'/' || c == 0)
        {
            return Err(NarError::BadEntryName(name.to_vec()).into());
        }
        match self.stack.last_mut() {
            Some(Level::Directory { last }) => {
                if let Some(prev) = last {
                    if prev.as_slice() >= name {
                        return Err(NarError::Unsorted(name.to_vec()).into());
                    }
                }
                *last = Some(name.to_vec());
            }
            _ => return Err(NarError::Misuse("an entry outside a directory").into()),
        }
        write_str(&mut self.out, b"entry")?;
        write_str(&mut self.out, b"(")?;
        write_str(&mut self.out, b"name")?;
        write_str(&mut self.out, name)?;
        write_str(&mut self.out, b"node")?;
        self.stack.push(Level::Entry);
        Ok(())
    }

    pub fn close_directory(&mut self) -> io::Result<()> {
        match self.stack.pop() {
            Some(Level::Directory { .. }) => self.end_node(),
            _ => Err(NarError::Misuse("close_directory without an open directory").into()),
        }
    }

    /// The sink, once the root node is complete.
    pub fn finish(self) -> io::Result<W> {
        if !self.root_done || !self.stack.is_empty() {
            return Err(NarError::Misuse("the NAR is incomplete").into());
        }
        Ok(self.out)
    }
}

fn write_padding(out: &mut dyn Write, len: u64) -> io::Result<()> {
    let pad = (8 - (len % 8) as usize) % 8;
    out.write_all(&[0u8; 8][..pad])
}

fn write_str(out: &mut dyn Write, s: &[u8]) -> io::Result<()> {
    out.write_all(&(s.len() as u64).to_le_bytes())?;
    out.write_all(s)?;
    write_padding(out, s.len() as u64)
}

/// Serialise an in-memory tree (no recursion: deep trees are fine).
pub fn write_node<W: Write>(node: &NarNode, out: W) -> io::Result<W> {
    let mut w = NarWriter::new(out)?;
    // Each directory on the path from the root, with the entries still to
    // write.
    let mut stack: Vec<std::collections::btree_map::Iter<'_, Vec<u8>, NarNode>> = Vec::new();
    let mut next = Some(node);
    loop {
        if let Some(n) = next.take() {
            match n {
                NarNode::Regular {
                    executable,
                    contents,
                } => w.regular(*executable, contents)?,
                NarNode::Symlink { target } => w.symlink(target)?,
                NarNode::Directory(entries) => {
                    w.open_directory()?;
                    stack.push(entries.iter());
                }
            }
        }
        let Some(iter) = stack.last_mut() else { break };
        match iter.next() {
            Some((name, child)) => {
                w.entry(name)?;
                next = Some(child);
            }
            None => {
                stack.pop();
                w.close_directory()?;
            }
        }
    }
    w.finish()
}

/// The NAR of an in-memory tree as bytes.
pub fn nar_bytes(node: &NarNode) -> Vec<u8> {
    // Writing into a Vec cannot fail, and an in-memory tree is always a
    // valid NAR: BTreeMap keys are sorted and unique; only names with `/`
    // or NUL, empty, `.` or `..` are refused.
    write_node(node, Vec::new()).unwrap_or_default()
}

/// The hash of an in-memory tree's NAR and the NAR's size.
pub fn hash_node(node: &NarNode, algo: HashAlgo) -> io::Result<(Hash, u64)> {
    let h = write_node(node, algo.hasher())?;
    let size = h.bytes_hashed();
    Ok((h.finish(), size))
}

/// A directory's entries (name, kind) not written yet, in NAR order.
type PendingEntries = std::vec::IntoIter<(Vec<u8>, FileKind)>;

/// Write the NAR of `path` (not following a symlink at `path` itself).
/// `filter` is asked about every object below `path` (not `path` itself),
/// with its full path and kind; a refused directory is not entered.
pub fn dump_path<W: Write>(
    path: &Path,
    filter: &mut dyn FnMut(&Path, FileKind) -> bool,
    out: W,
) -> io::Result<W> {
    let mut w = NarWriter::new(out)?;
    // Directories being written: the sorted entries still to do.
    let mut stack: Vec<(PathBuf, PendingEntries)> = Vec::new();
    let mut next: Option<PathBuf> = Some(path.to_path_buf());
    loop {
        if let Some(p) = next.take() {
            let meta = std::fs::symlink_metadata(&p)
                .map_err(|e| with_path(e, "getting attributes of path", &p))?;
            match FileKind::of(meta.file_type()) {
                FileKind::Regular => {
                    let mut f =
                        std::fs::File::open(&p).map_err(|e| with_path(e, "opening file", &p))?;
                    let exec = meta.permissions().mode() & 0o100 != 0;
                    w.regular_from(exec, meta.len(), &mut f)?;
                }
                FileKind::Symlink => {
                    let target = std::fs::read_link(&p)
                        .map_err(|e| with_path(e, "reading symbolic link", &p))?;
                    w.symlink(target.as_os_str().as_bytes())?;
                }
                FileKind::Directory => {
                    let mut entries = Vec::new();
                    for e in
                        std::fs::read_dir(&p).map_err(|e| with_path(e, "opening directory", &p))?
                    {
                        let e = e?;
                        entries.push((
                            e.file_name().as_bytes().to_vec(),
                            FileKind::of(e.file_type()?),
                        ));
                    }
                    entries.sort_by(|a, b| a.0.cmp(&b.0));
                    w.open_directory()?;
                    stack.push((p, entries.into_iter()));
                }
                FileKind::Unknown => {
                    return Err(io::Error::other(format!(
                        "file '{}' has an unsupported type",
                        p.display()
                    )))
                }
            }
        }
        let Some((dir, iter)) = stack.last_mut() else {
            break;
        };
        let mut child = None;
        for (name, kind) in iter.by_ref() {
            let full = dir.join(std::ffi::OsStr::from_bytes(&name));
            if filter(&full, kind) {
                child = Some((name, full));
                break;
            }
        }
        match child {
            Some((name, full)) => {
                w.entry(&name)?;
                next = Some(full);
            }
            None => {
                stack.pop();
                w.close_directory()?;
            }
        }
    }
    w.finish()
}

/// Nix's wording for a failed system call on a path: the OS message
/// without Rust's "(os error N)".
fn with_path(e: io::Error, what: &str, p: &Path) -> io::Error {
    let msg = e.to_string();
    let msg = match msg.find(" (os error") {
        Some(i) => &msg[..i],
        None => &msg,
    };
    io::Error::new(e.kind(), format!("{} '{}': {}", what, p.display(), msg))
}

/// The hash of the NAR of `path` and the NAR's size, streamed: the NAR is
/// never held in memory.
pub fn hash_path(
    path: &Path,
    algo: HashAlgo,
    filter: &mut dyn FnMut(&Path, FileKind) -> bool,
) -> io::Result<(Hash, u64)> {
    let h = dump_path(path, filter, algo.hasher())?;
    let size = h.bytes_hashed();
    Ok((h.finish(), size))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn file(contents: &[u8]) -> NarNode {
        NarNode::Regular {
            executable: false,
            contents: contents.to_vec(),
        }
    }

    fn dir(entries: Vec<(&str, NarNode)>) -> NarNode {
        NarNode::Directory(
            entries
                .into_iter()
                .map(|(n, c)| (n.as_bytes().to_vec(), c))
                .collect(),
        )
    }

    fn nix32(h: Hash) -> String {
        h.to_nix32()
    }

    #[test]
    fn regular_file_bytes() {
        // `nix-store --dump f1 | od -c` for a file holding "hello\n".
        let mut want = Vec::new();
        for s in [
            &b"nix-archive-1"[..],
            b"(",
            b"type",
            b"regular",
            b"contents",
        ] {
            want.extend((s.len() as u64).to_le_bytes());
            want.extend(s);
            want.extend(std::iter::repeat_n(0, (8 - s.len() % 8) % 8));
        }
        want.extend(6u64.to_le_bytes());
        want.extend(b"hello\n\0\0");
        want.extend(1u64.to_le_bytes());
        want.extend(b")\0\0\0\0\0\0\0");
        let got = nar_bytes(&file(b"hello\n"));
        assert_eq!(got.len(), 120);
        assert_eq!(got, want);
    }

    // Vectors: `nix-hash --type sha256 --base32 P` and
    // `nix-store --dump P | sha256sum` / `| wc -c` (Nix 2.8).
    #[test]
    fn leaves_match_nix() {
        let cases = [
            (
                file(b"hello\n"),
                "04zwf782yjwnh3q6hz5izfd6jyip8kgw6g6yj43fiqhbyhdd0dqw",
                120,
            ),
            (
                file(b""),
                "0ip26j2h11n1kgkz36rl4akv694yz65hr72q4kv4b3lxcbi65b3p",
                112,
            ),
            (
                NarNode::Regular {
                    executable: true,
                    contents: b"abc".to_vec(),
                },
                "17n9dn3zklvmb9i3pg0al9fsnfhr7ag3hliqk7x9yjd2xha3wn04",
                152,
            ),
            (
                NarNode::Symlink {
                    target: b"f1".to_vec(),
                },
                "0kwdz8csrjr6brf8v0qmfdwzz03ans6y2xnvzb46r3mlc90pfwpa",
                120,
            ),
            (
                dir(vec![]),
                "0sjjj9z1dhilhpc8pq4154czrb79z9cm044jvn75kxcjv6v5l2m5",
                96,
            ),
        ];
        for (node, want, size) in cases {
            let (h, n) = hash_node(&node, HashAlgo::Sha256).unwrap();
            assert_eq!((nix32(h), n), (want.to_string(), size));
        }
    }

    /// The tree `d1` the vectors were taken from.
    fn d1_tree() -> NarNode {
        dir(vec![
            ("a", file(b"hello\n")),
            ("empty", file(b"")),
            (
                "run.sh",
                NarNode::Regular {
                    executable: true,
                    contents: b"#!/bin/sh\necho hi\n".to_vec(),
                },
            ),
            (
                "sub",
                dir(vec![
                    ("deeper", dir(vec![("f", file(b"x"))])),
                    (
                        "link",
                        NarNode::Symlink {
                            target: b"../a".to_vec(),
                        },
                    ),
                ]),
            ),
            ("emptydir", dir(vec![])),
            (
                "dangling",
                NarNode::Symlink {
                    target: b"/nonexistent/target".to_vec(),
                },
            ),
            ("B", file(b"B")),
            ("Zz", file(b"u")),
            ("a-longer-file-name.txt", file(b"long name")),
        ])
    }

    fn make_d1(root: &Path) {
        let w = |p: &str, c: &[u8]| std::fs::write(root.join(p), c).unwrap();
        std::fs::create_dir_all(root.join("sub/deeper")).unwrap();
        std::fs::create_dir_all(root.join("emptydir")).unwrap();
        w("a", b"hello\n");
        w("empty", b"");
        w("run.sh", b"#!/bin/sh\necho hi\n");
        std::fs::set_permissions(root.join("run.sh"), std::fs::Permissions::from_mode(0o755))
            .unwrap();
        w("sub/deeper/f", b"x");
        symlink("../a", root.join("sub/link")).unwrap();
        symlink("/nonexistent/target", root.join("dangling")).unwrap();
        w("B", b"B");
        w("Zz", b"u");
        w("a-longer-file-name.txt", b"long name");
    }

    fn temp_dir(tag: &str) -> PathBuf {
        let p =
            std::env::temp_dir().join(format!("tangle-store-nar-{}-{}", tag, std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        p
    }

    // `nix-hash --type sha256 --base32 d1` = 05damgjn…,
    // `nix-store --dump d1 | sha256sum` = f61ddb0b…, 2408 bytes.
    const D1_NIX32: &str = "05damgjnmxsw9rjkk6c23s24mn3jwllllnv17619l6sj385xn7gn";
    const D1_HEX: &str = "f61ddb0b1a521b9a8239615b4a29e572d84a841e829939654e5cf76ae5abaa15";

    #[test]
    fn tree_matches_nix() {
        let (h, n) = hash_node(&d1_tree(), HashAlgo::Sha256).unwrap();
        assert_eq!(h.to_nix32(), D1_NIX32);
        assert_eq!(h.to_base16(), D1_HEX);
        assert_eq!(n, 2408);
    }

    #[test]
    fn file_system_matches_nix() {
        let root = temp_dir("d1");
        let d1 = root.join("d1");
        std::fs::create_dir(&d1).unwrap();
        make_d1(&d1);
        let (h, n) = hash_path(&d1, HashAlgo::Sha256, &mut |_, _| true).unwrap();
        assert_eq!((h.to_nix32().as_str(), n), (D1_NIX32, 2408));
        assert_eq!(
            dump_path(&d1, &mut |_, _| true, Vec::new()).unwrap(),
            nar_bytes(&d1_tree())
        );

        // A filter sees full paths and kinds; refusing drops the entry
        // (and everything under it).
        let mut seen = Vec::new();
        let (h, _) = hash_path(&d1, HashAlgo::Sha256, &mut |p, k| {
            seen.push((p.strip_prefix(&d1).unwrap().to_path_buf(), k));
            k != FileKind::Symlink
        })
        .unwrap();
        assert!(seen.contains(&(PathBuf::from("sub/deeper"), FileKind::Directory)));
        assert!(seen.contains(&(PathBuf::from("sub/link"), FileKind::Symlink)));
        let mut no_links = d1_tree();
        if let NarNode::Directory(m) = &mut no_links {
            m.remove(&b"dangling"[..]);
            if let Some(NarNode::Directory(sub)) = m.get_mut(&b"sub"[..]) {
                sub.remove(&b"link"[..]);
            }
        }
        assert_eq!(h, hash_node(&no_links, HashAlgo::Sha256).unwrap().0);

        let mut entered_sub = false;
        hash_path(&d1, HashAlgo::Sha256, &mut |p, _| {
            entered_sub |= p.starts_with(d1.join("sub")) && p != d1.join("sub");
            p.file_name() != Some(std::ffi::OsStr::new("sub"))
        })
        .unwrap();
        assert!(!entered_sub);

        // Single objects.
        let f = root.join("f3");
        std::fs::write(&f, b"abc").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o700)).unwrap();
        let (h, _) = hash_path(&f, HashAlgo::Sha256, &mut |_, _| true).unwrap();
        assert_eq!(
            h.to_nix32(),
            "17n9dn3zklvmb9i3pg0al9fsnfhr7ag3hliqk7x9yjd2xha3wn04"
        );
        let l = root.join("l1");
        symlink("f1", &l).unwrap();
        let (h, _) = hash_path(&l, HashAlgo::Sha256, &mut |_, _| true).unwrap();
        assert_eq!(
            h.to_nix32(),
            "0kwdz8csrjr6brf8v0qmfdwzz03ans6y2xnvzb46r3mlc90pfwpa"
        );
        assert!(hash_path(&root.join("missing"), HashAlgo::Sha256, &mut |_, _| true).is_err());
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn deep_tree_does_not_recurse() {
        let mut node = file(b"leaf");
        for _ in 0..100_000 {
            node = dir(vec![("d", node)]);
        }
        assert!(hash_node(&node, HashAlgo::Sha256).is_ok());
        // Dropping a 100 000-deep tree recursively would overflow the
        // test thread's stack; unwind it by hand.
        let mut cur = node;
        while let NarNode::Directory(mut m) = cur {
            match m.pop_first() {
                Some((_, c)) => cur = c,
                None => break,
            }
        }
    }

    #[test]
    fn writer_checks_its_input() {
        let mut w = NarWriter::new(Vec::new()).unwrap();
        w.open_directory().unwrap();
        w.entry(b"b").unwrap();
        w.regular(false, b"").unwrap();
        assert!(w.entry(b"a").is_err());
        assert!(w.entry(b"b").is_err());
        assert!(w.entry(b"x/y").is_err());
        assert!(w.entry(b"..").is_err());
        w.entry(b"c").unwrap();
        w.symlink(b"t").unwrap();
        w.close_directory().unwrap();
        assert!(w.regular(false, b"").is_err());
        assert!(w.finish().is_ok());

        let w = NarWriter::new(Vec::new()).unwrap();
        assert!(w.finish().is_err());
        let mut w = NarWriter::new(Vec::new()).unwrap();
        w.open_directory().unwrap();
        assert!(w.regular(false, b"").is_err());
        // Too short a reader for the announced length.
        let mut w = NarWriter::new(Vec::new()).unwrap();
        assert!(w.regular_from(false, 10, &mut &b"abc"[..]).is_err());
    }
}
