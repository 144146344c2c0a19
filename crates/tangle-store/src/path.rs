//! Store paths (`/nix/store/<hash>-<name>`) and how Nix computes them for
//! each kind of store object.
//!
//! Every store path comes from a *fingerprint*
//! `"<type>:sha256:<inner hash in base-16>:<store dir>:<name>"`: its SHA-256,
//! XOR-folded to 20 bytes and written in Nix base-32, is the hash part. The
//! `<type>` says what kind of object it is (`text`, `source`, `output:out`,
//! …) and lists the paths it refers to.

use crate::base32;
use crate::hash::{compress_hash, Hash, HashAlgo};
use std::collections::BTreeSet;
use std::fmt;

pub const DEFAULT_STORE_DIR: &str = "/nix/store";

/// Characters in the hash part of a store path.
pub const HASH_PART_LEN: usize = 32;

/// Longest name Nix allows.
pub const MAX_NAME_LEN: usize = 211;

/// A store path without its store directory: hash part and name. Ordered
/// like Nix orders them (by base name), which is also the order of the
/// full paths within one store.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StorePath {
    /// `<hash part>-<name>`: the hash part is always [`HASH_PART_LEN`]
    /// ASCII characters, so one string holds both.
    base_name: String,
}

impl fmt::Debug for StorePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.base_name)
    }
}

impl fmt::Display for StorePath {
    /// The base name; use [`StorePath::to_absolute`] for the full path.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.base_name)
    }
}

/// Why a string is not a store path; `Display` gives Nix's wording.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorePathError {
    /// The base name (`<hash>-<name>`) and the first character that is not
    /// allowed in a name.
    IllegalChar {
        base_name: String,
        c: char,
    },
    EmptyName {
        base_name: String,
    },
    NameTooLong {
        base_name: String,
    },
    TooShort {
        base_name: String,
    },
    IllegalHashChar {
        base_name: String,
        c: char,
    },
    NotInStore {
        path: String,
    },
    /// A fixed-output path other than recursive SHA-256 cannot have
    /// references.
    ReferencesNotAllowed,
}

impl fmt::Display for StorePathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorePathError::IllegalChar { base_name, c } => write!(
                f,
                "store path '{}' contains illegal character '{}'",
                base_name, c
            ),
            StorePathError::EmptyName { base_name } => {
                write!(f, "store path '{}' has an empty name", base_name)
            }
            StorePathError::NameTooLong { base_name } => write!(
                f,
                "store path '{}' has a name longer than {} characters",
                base_name, MAX_NAME_LEN
            ),
            StorePathError::TooShort { base_name } => {
                write!(f, "'{}' is too short to be a valid store path", base_name)
            }
            StorePathError::IllegalHashChar { base_name, c } => write!(
                f,
                "store path '{}' contains illegal base-32 character '{}'",
                base_name, c
            ),
            StorePathError::NotInStore { path } => {
                write!(f, "path '{}' is not in the Nix store", path)
            }
            StorePathError::ReferencesNotAllowed => {
                f.write_str("only recursive SHA-256 fixed-output paths can have references")
            }
        }
    }
}

impl std::error::Error for StorePathError {}

impl StorePathError {
    /// The message byte for byte as Nix prints it. Nix checks names byte
    /// by byte, so an illegal character outside ASCII shows as the first
    /// byte of its UTF-8 encoding alone, and the message is then not
    /// UTF-8; `Display` shows the whole character instead.
    pub fn message_bytes(&self) -> Vec<u8> {
        match self {
            StorePathError::IllegalChar { base_name, c } if !c.is_ascii() => {
                let mut buf = [0u8; 4];
                let first = c.encode_utf8(&mut buf).as_bytes()[0];
                let mut out =
                    format!("store path '{}' contains illegal character '", base_name).into_bytes();
                out.push(first);
                out.push(b'\'');
                out
            }
            other => other.to_string().into_bytes(),
        }
    }
}

/// Check a store object name as Nix 2.8 does: non-empty, at most 211
/// characters of `[a-zA-Z0-9+-._?=]`. (A leading `.` is allowed in 2.8:
/// `builtins.toFile ".foo" "x"` succeeds.) `hash_part` only goes into the
/// error message, which names the whole base name.
pub fn check_name(hash_part: &str, name: &str) -> Result<(), StorePathError> {
    let base_name = || format!("{}-{}", hash_part, name);
    if name.is_empty() {
        return Err(StorePathError::EmptyName {
            base_name: base_name(),
        });
    }
    if name.len() > MAX_NAME_LEN {
        return Err(StorePathError::NameTooLong {
            base_name: base_name(),
        });
    }
    if let Some(c) = name.chars().find(|&c| !is_name_char(c)) {
        return Err(StorePathError::IllegalChar {
            base_name: base_name(),
            c,
        });
    }
    Ok(())
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.' | '_' | '?' | '=')
}

impl StorePath {
    /// From a 20-byte digest (already compressed) and a name.
    pub fn from_digest(digest: &[u8], name: &str) -> Result<StorePath, StorePathError> {
        let mut base_name =
            String::with_capacity(base32::encoded_len(digest.len()) + 1 + name.len());
        base32::encode_into(digest, &mut base_name);
        check_name(&base_name, name)?;
        base_name.push('-');
        base_name.push_str(name);
        Ok(StorePath { base_name })
    }

    /// From `<hash>-<name>`.
    pub fn from_base_name(base_name: &str) -> Result<StorePath, StorePathError> {
        let (Some(hash_part), Some(name)) = (
            base_name.get(..HASH_PART_LEN),
            base_name.get(HASH_PART_LEN + 1..),
        ) else {
            return Err(StorePathError::TooShort {
                base_name: base_name.to_string(),
            });
        };
        // Nix checks the hash part only against the letters base-32
        // leaves out; it does not check the `-` after it either.
        if let Some(c) = hash_part
            .chars()
            .find(|&c| !(c.is_ascii_digit() || c.is_ascii_lowercase()) || "eout".contains(c))
        {
            return Err(StorePathError::IllegalHashChar {
                base_name: base_name.to_string(),
                c,
            });
        }
        check_name(hash_part, name)?;
        Ok(StorePath {
            base_name: base_name.to_string(),
        })
    }

    /// From an absolute path directly inside `store_dir`.
    pub fn parse(store_dir: &str, path: &str) -> Result<StorePath, StorePathError> {
        let not_in_store = || StorePathError::NotInStore {
            path: path.to_string(),
        };
        let base = path
            .strip_prefix(store_dir)
            .and_then(|r| r.strip_prefix('/'))
            .ok_or_else(not_in_store)?;
        if base.is_empty() || base.contains('/') {
            return Err(not_in_store());
        }
        StorePath::from_base_name(base)
    }

    pub fn hash_part(&self) -> &str {
        self.base_name.get(..HASH_PART_LEN).unwrap_or_default()
    }

    pub fn name(&self) -> &str {
        self.base_name.get(HASH_PART_LEN + 1..).unwrap_or_default()
    }

    /// `<hash part>-<name>`.
    pub fn base_name(&self) -> &str {
        &self.base_name
    }

    pub fn to_absolute(&self, store_dir: &str) -> String {
        let mut s = String::with_capacity(store_dir.len() + 1 + self.base_name.len());
        self.push_absolute(store_dir, &mut s);
        s
    }

    /// Append the absolute path to `out` (no allocation of its own).
    pub fn push_absolute(&self, store_dir: &str, out: &mut String) {
        out.push_str(store_dir);
        out.push('/');
        out.push_str(&self.base_name);
    }

    pub fn is_derivation(&self) -> bool {
        self.base_name.ends_with(".drv")
    }
}

/// The store path for a fingerprint type and inner hash.
pub fn make_store_path(
    store_dir: &str,
    path_type: &str,
    inner: &Hash,
    name: &str,
) -> Result<StorePath, StorePathError> {
    let algo = inner.algo().name();
    let mut fingerprint = String::with_capacity(
        path_type.len() + algo.len() + inner.algo().base16_len() + store_dir.len() + name.len() + 4,
    );
    fingerprint.push_str(path_type);
    fingerprint.push(':');
    fingerprint.push_str(algo);
    fingerprint.push(':');
    inner.push_base16(&mut fingerprint);
    fingerprint.push(':');
    fingerprint.push_str(store_dir);
    fingerprint.push(':');
    fingerprint.push_str(name);
    let digest = HashAlgo::Sha256.digest(fingerprint.as_bytes());
    StorePath::from_digest(&compress_hash(digest.as_bytes(), 20), name)
}

/// `<type>:<ref1>:<ref2>…[:self]`: the references as absolute paths, in
/// the order given (a store path set's order: sorted, no duplicates).
pub fn make_type<'a>(
    store_dir: &str,
    path_type: &str,
    references: impl IntoIterator<Item = &'a StorePath> + Clone,
    self_reference: bool,
) -> String {
    let len = references
        .clone()
        .into_iter()
        .map(|r| r.base_name.len() + store_dir.len() + 2)
        .sum::<usize>();
    let mut s = String::with_capacity(path_type.len() + len + 5);
    s.push_str(path_type);
    for r in references {
        s.push(':');
        r.push_absolute(store_dir, &mut s);
    }
    if self_reference {
        s.push_str(":self");
    }
    s
}

/// A `text` object (`builtins.toFile`, `.drv` files): `content_hash` is the
/// SHA-256 of the contents.
pub fn make_text_path<'a>(
    store_dir: &str,
    name: &str,
    content_hash: &Hash,
    references: impl IntoIterator<Item = &'a StorePath> + Clone,
) -> Result<StorePath, StorePathError> {
    let t = make_type(store_dir, "text", references, false);
    make_store_path(store_dir, &t, content_hash, name)
}

/// [`make_text_path`] from the contents themselves.
pub fn text_path_for<'a>(
    store_dir: &str,
    name: &str,
    contents: &[u8],
    references: impl IntoIterator<Item = &'a StorePath> + Clone,
) -> Result<StorePath, StorePathError> {
    make_text_path(
        store_dir,
        name,
        &HashAlgo::Sha256.digest(contents),
        references,
    )
}

/// How a file system object is turned into the bytes a fixed-output hash
/// covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileIngestionMethod {
    /// The contents of a single regular file.
    Flat,
    /// The NAR serialisation.
    Recursive,
}

impl FileIngestionMethod {
    /// `r:` for recursive, nothing for flat: the prefix Nix puts before an
    /// algorithm name in fixed-output descriptions.
    pub fn prefix(self) -> &'static str {
        match self {
            FileIngestionMethod::Flat => "",
            FileIngestionMethod::Recursive => "r:",
        }
    }
}

/// A content-addressed path: `builtins.path`, `filterSource`, paths copied
/// by interpolation (all recursive SHA-256, which use the `source` type and
/// may have references), and fixed-output derivation outputs (any method
/// and algorithm; all but recursive SHA-256 go through an inner
/// `fixed:out:…` hash and may not have references).
pub fn make_fixed_output_path(
    store_dir: &str,
    method: FileIngestionMethod,
    hash: &Hash,
    name: &str,
    references: &BTreeSet<StorePath>,
    self_reference: bool,
) -> Result<StorePath, StorePathError> {
    if method == FileIngestionMethod::Recursive && hash.algo() == HashAlgo::Sha256 {
        let t = make_type(store_dir, "source", references, self_reference);
        make_store_path(store_dir, &t, hash, name)
    } else {
        if !references.is_empty() || self_reference {
            return Err(StorePathError::ReferencesNotAllowed);
        }
        let mut inner = String::with_capacity(80);
        inner.push_str("fixed:out:");
        inner.push_str(method.prefix());
        inner.push_str(hash.algo().name());
        inner.push(':');
        hash.push_base16(&mut inner);
        inner.push(':');
        make_store_path(
            store_dir,
            "output:out",
            &HashAlgo::Sha256.digest(inner.as_bytes()),
            name,
        )
    }
}

/// The name of output `output` of a derivation called `drv_name`: the
/// name itself for `out`, `<name>-<output>` otherwise.
pub fn output_path_name(drv_name: &str, output: &str) -> String {
    if output == "out" {
        drv_name.to_string()
    } else {
        format!("{}-{}", drv_name, output)
    }
}

/// The path of output `output` of an input-addressed derivation whose
/// "hash modulo" is `drv_hash`.
pub fn make_output_path(
    store_dir: &str,
    output: &str,
    drv_hash: &Hash,
    drv_name: &str,
) -> Result<StorePath, StorePathError> {
    let mut path_type = String::with_capacity(7 + output.len());
    path_type.push_str("output:");
    path_type.push_str(output);
    make_store_path(
        store_dir,
        &path_type,
        drv_hash,
        &output_path_name(drv_name, output),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::HashAlgo;

    const S: &str = DEFAULT_STORE_DIR;

    fn sp(p: &str) -> StorePath {
        StorePath::parse(S, p).unwrap()
    }

    fn refs(ps: &[&str]) -> BTreeSet<StorePath> {
        ps.iter().map(|p| sp(p)).collect()
    }

    #[test]
    fn text_paths_match_to_file() {
        // nix-instantiate --eval -E 'builtins.toFile "hello.txt" "hello\n"'
        assert_eq!(
            text_path_for(S, "hello.txt", b"hello\n", &BTreeSet::new())
                .unwrap()
                .to_absolute(S),
            "/nix/store/qa1w9gdfrba6jl2r57mb3c43863gqywp-hello.txt"
        );
        // nix-instantiate --eval --strict -E 'let a = builtins.toFile "a" "A";
        //   in [ a (builtins.toFile "b" "ref ${a}")
        //        (builtins.toFile "c" "refs ${a} ${builtins.toFile "b" "ref ${a}"}") ]'
        let a = "/nix/store/draf2pm7skqzj8g3kv0bamg214p6sd70-a";
        let b = "/nix/store/i93i2hjzgf30qy874y8ib793jbfcncmq-b";
        let c = "/nix/store/jyjgnp3jhk51a7n03jrrggp14zjdnqy5-c";
        assert_eq!(text_path_for(S, "a", b"A", &refs(&[])).unwrap(), sp(a));
        let b_text = format!("ref {}", a);
        assert_eq!(
            text_path_for(S, "b", b_text.as_bytes(), &refs(&[a])).unwrap(),
            sp(b)
        );
        let c_text = format!("refs {} {}", a, b);
        assert_eq!(
            text_path_for(S, "c", c_text.as_bytes(), &refs(&[b, a])).unwrap(),
            sp(c)
        );
    }

    fn nar_sha256(nix32: &str) -> Hash {
        Hash::parse_any(nix32, Some(HashAlgo::Sha256)).unwrap()
    }

    #[test]
    fn source_and_fixed_paths_match_nix() {
        // Directory d1 of the NAR tests: `nix-hash --type sha256 --base32 d1`.
        let d1 = nar_sha256("05damgjnmxsw9rjkk6c23s24mn3jwllllnv17619l6sj385xn7gn");
        let none = BTreeSet::new();
        let rec = FileIngestionMethod::Recursive;
        // nix-instantiate --eval --strict -E '[ (builtins.path { path = /tmp/narv/d1; })
        //   (builtins.path { path = /tmp/narv/d1; name = "custom"; }) … ]'
        assert_eq!(
            make_fixed_output_path(S, rec, &d1, "d1", &none, false).unwrap(),
            sp("/nix/store/8cqraxaijyqglr3pd6kqi77jnnmiwwhr-d1")
        );
        assert_eq!(
            make_fixed_output_path(S, rec, &d1, "custom", &none, false).unwrap(),
            sp("/nix/store/wa5qykdiqp2v1hih6z75sb5r8jwjhnfk-custom")
        );
        // f1 holds "hello\n": `builtins.path { path = f1; }` hashes the NAR,
        // `recursive = false` the contents.
        let f1_nar = nar_sha256("04zwf782yjwnh3q6hz5izfd6jyip8kgw6g6yj43fiqhbyhdd0dqw");
        assert_eq!(
            make_fixed_output_path(S, rec, &f1_nar, "f1", &none, false).unwrap(),
            sp("/nix/store/g1nbmnqnx4gpnv32yprf4ql87ccg5035-f1")
        );
        let f1_flat = HashAlgo::Sha256.digest(b"hello\n");
        assert_eq!(
            make_fixed_output_path(S, FileIngestionMethod::Flat, &f1_flat, "f1", &none, false)
                .unwrap(),
            sp("/nix/store/84n84kxlv4b8k6ka4vdbkfb5xm5biv1k-f1")
        );
        // Outputs of fixed-output derivations (see derivation tests):
        // flat sha1 and recursive sha512.
        let sha1 = HashAlgo::Sha1.digest(b"hello\n");
        assert_eq!(
            make_fixed_output_path(
                S,
                FileIngestionMethod::Flat,
                &sha1,
                "fixed-sha1",
                &none,
                false
            )
            .unwrap(),
            sp("/nix/store/nmgdpynwhd4yljfay4r39m8n1m0khqf9-fixed-sha1")
        );
        let sha512 = HashAlgo::Sha512.digest(b"hello\n");
        assert_eq!(
            make_fixed_output_path(S, rec, &sha512, "fixed-rec-sha512", &none, false).unwrap(),
            sp("/nix/store/50hbcnsxbzq5m62y00m3dnasc3bx09jq-fixed-rec-sha512")
        );
        assert_eq!(
            make_fixed_output_path(
                S,
                FileIngestionMethod::Flat,
                &sha1,
                "x",
                &refs(&["/nix/store/draf2pm7skqzj8g3kv0bamg214p6sd70-a"]),
                false
            ),
            Err(StorePathError::ReferencesNotAllowed)
        );
    }

    #[test]
    fn filtered_source_paths() {
        // `builtins.filterSource (p: t: t != "symlink") /tmp/narv/d1` and
        // `builtins.path { path = /tmp/narv/d1; filter = p: t: baseNameOf p != "sub"; }`
        // give /nix/store/jsfvv1kn…-d1 and /nix/store/yxs8avnf…-d1; the NAR
        // hashes of the filtered trees are checked in `nar`, here the path
        // from the hash of the tree without symlinks.
        let root = std::env::temp_dir().join(format!("tangle-store-path-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let d1 = root.join("d1");
        std::fs::create_dir_all(d1.join("sub/deeper")).unwrap();
        std::fs::create_dir_all(d1.join("emptydir")).unwrap();
        for (p, c) in [
            ("a", &b"hello\n"[..]),
            ("empty", b""),
            ("run.sh", b"#!/bin/sh\necho hi\n"),
            ("sub/deeper/f", b"x"),
            ("B", b"B"),
            ("Zz", b"u"),
            ("a-longer-file-name.txt", b"long name"),
        ] {
            std::fs::write(d1.join(p), c).unwrap();
        }
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(d1.join("run.sh"), std::fs::Permissions::from_mode(0o755))
            .unwrap();
        std::os::unix::fs::symlink("../a", d1.join("sub/link")).unwrap();
        std::os::unix::fs::symlink("/nonexistent/target", d1.join("dangling")).unwrap();
        let none = BTreeSet::new();
        let rec = FileIngestionMethod::Recursive;
        let (h, _) = crate::nar::hash_path(&d1, HashAlgo::Sha256, &mut |_, k| {
            k != crate::nar::FileKind::Symlink
        })
        .unwrap();
        assert_eq!(
            make_fixed_output_path(S, rec, &h, "d1", &none, false).unwrap(),
            sp("/nix/store/jsfvv1knh8c2bdh4ni0cyninxqdjdam1-d1")
        );
        let (h, _) = crate::nar::hash_path(&d1, HashAlgo::Sha256, &mut |p, _| {
            p.file_name() != Some(std::ffi::OsStr::new("sub"))
        })
        .unwrap();
        assert_eq!(
            make_fixed_output_path(S, rec, &h, "d1", &none, false).unwrap(),
            sp("/nix/store/yxs8avnfmwrqpqkwrgk0gbfyn9cl5lxd-d1")
        );
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn output_paths() {
        assert_eq!(output_path_name("multi", "out"), "multi");
        assert_eq!(output_path_name("multi", "dev"), "multi-dev");
    }

    #[test]
    fn name_errors_match_nix() {
        // nix-instantiate --eval -E 'builtins.toFile "" "x"' etc. (Nix 2.8)
        let none = BTreeSet::new();
        assert_eq!(
            text_path_for(S, "", b"x", &none).unwrap_err().to_string(),
            "store path '9r1mh2rc3s3i33vpdw86kqqyvy9i1y4w-' has an empty name"
        );
        assert_eq!(
            text_path_for(S, "a b", b"x", &none)
                .unwrap_err()
                .to_string(),
            "store path 'dm85kbl5cy82j2dzvy1874s14y3salv3-a b' contains illegal character ' '"
        );
        // A character outside ASCII: Nix shows its first byte alone
        // (tests/drv/inst-fail-name-unicode).
        let e =
            make_output_path(S, "out", &HashAlgo::Sha256.digest(b""), "h\u{e9}llo").unwrap_err();
        let mut want = b"store path '".to_vec();
        want.extend_from_slice(&e.to_string().as_bytes()[12..45]);
        want.extend_from_slice(b"h\xc3\xa9llo' contains illegal character '\xc3'");
        assert_eq!(e.message_bytes(), want);
        assert!(e.to_string().ends_with("illegal character '\u{e9}'"));
        let long = "a".repeat(212);
        assert_eq!(
            text_path_for(S, &long, b"x", &none).unwrap_err().to_string(),
            format!(
                "store path 'sk7z62nqxdj2sb8x397my8i4803lhvai-{}' has a name longer than 211 characters",
                long
            )
        );
        assert_eq!(
            text_path_for(S, &"a".repeat(211), b"x", &none)
                .unwrap()
                .hash_part(),
            "yx91frwj9qkga75f8habg8q40arnqila"
        );
        // Leading dots, `.` and `..` are fine in 2.8.
        for (name, hash) in [
            (".foo", "q144f75swlv405pb69crqqkdwiza7nlk"),
            (".", "1ka9gw6ddkrf0b8k65q7p46xbgb9wdr8"),
            ("..", "hv29bhyiqgqrrvfwnrc9gg9g9cw83k4b"),
        ] {
            assert_eq!(
                text_path_for(S, name, b"x", &none).unwrap().hash_part(),
                hash
            );
        }
    }

    #[test]
    fn parsing() {
        let p = sp("/nix/store/qa1w9gdfrba6jl2r57mb3c43863gqywp-hello.txt");
        assert_eq!(p.hash_part(), "qa1w9gdfrba6jl2r57mb3c43863gqywp");
        assert_eq!(p.name(), "hello.txt");
        assert_eq!(p.to_string(), "qa1w9gdfrba6jl2r57mb3c43863gqywp-hello.txt");
        assert!(!p.is_derivation());
        assert_eq!(
            StorePath::parse(S, "/tmp/x").unwrap_err().to_string(),
            "path '/tmp/x' is not in the Nix store"
        );
        assert!(StorePath::parse(S, "/nix/store/qa1w9gdfrba6jl2r57mb3c43863gqywp-a/b").is_err());
        assert!(StorePath::parse(S, "/nix/storeX/qa1w9gdfrba6jl2r57mb3c43863gqywp-a").is_err());
        assert_eq!(
            StorePath::from_base_name("abc").unwrap_err().to_string(),
            "'abc' is too short to be a valid store path"
        );
        assert_eq!(
            StorePath::from_base_name("ea1w9gdfrba6jl2r57mb3c43863gqywp-x")
                .unwrap_err()
                .to_string(),
            "store path 'ea1w9gdfrba6jl2r57mb3c43863gqywp-x' contains illegal base-32 character 'e'"
        );
        // Another store directory.
        let q = StorePath::parse(
            "/gnu/store",
            "/gnu/store/qa1w9gdfrba6jl2r57mb3c43863gqywp-x",
        )
        .unwrap();
        assert_eq!(
            q.to_absolute("/gnu/store"),
            "/gnu/store/qa1w9gdfrba6jl2r57mb3c43863gqywp-x"
        );
        // Multi-byte characters are not split when slicing.
        assert!(StorePath::from_base_name("☃☃☃☃☃☃☃☃☃☃☃-x").is_err());
    }
}
