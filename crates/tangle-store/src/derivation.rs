//! Store derivations: the `Derive(…)` ATerm text of a `.drv` file, its
//! parser, the "hash modulo" that identifies a derivation independently of
//! its fixed-output inputs, and the output and `.drv` paths of a new
//! derivation.

use crate::hash::{Hash, HashAlgo, HashError};
use crate::path::{
    make_fixed_output_path, make_output_path, text_path_for, FileIngestionMethod, StorePath,
    StorePathError,
};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// One output as the ATerm holds it: `(name, path, hashAlgo, hash)`.
///
/// - input-addressed: `path` set, `hash_algo` and `hash` empty;
/// - fixed-output: `hash_algo` is `[r:]algo` and `hash` the base-16 digest;
/// - not computed yet (or masked): `path` is `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DerivationOutput {
    pub path: Option<StorePath>,
    pub hash_algo: String,
    pub hash: String,
}

impl DerivationOutput {
    pub fn input_addressed(path: StorePath) -> DerivationOutput {
        DerivationOutput {
            path: Some(path),
            hash_algo: String::new(),
            hash: String::new(),
        }
    }

    /// An output whose path is still to be computed.
    pub fn deferred() -> DerivationOutput {
        DerivationOutput {
            path: None,
            hash_algo: String::new(),
            hash: String::new(),
        }
    }

    /// A fixed output; `path` may be filled in later by
    /// [`Derivation::fill_output_paths`].
    pub fn fixed(method: FileIngestionMethod, hash: &Hash, path: Option<StorePath>) -> Self {
        DerivationOutput {
            path,
            hash_algo: format!("{}{}", method.prefix(), hash.algo()),
            hash: hash.to_base16(),
        }
    }

    /// The method and hash of a fixed output, `None` for other outputs.
    pub fn fixed_hash(&self) -> Result<Option<(FileIngestionMethod, Hash)>, DerivationError> {
        if self.hash_algo.is_empty() || self.hash.is_empty() {
            return Ok(None);
        }
        let (method, algo) = match self.hash_algo.strip_prefix("r:") {
            Some(a) => (FileIngestionMethod::Recursive, a),
            None => (FileIngestionMethod::Flat, self.hash_algo.as_str()),
        };
        let algo = HashAlgo::parse(algo)?;
        let hash = Hash::parse_non_sri_unprefixed(&self.hash, algo)?;
        Ok(Some((method, hash)))
    }
}

/// A derivation. Maps and sets keep Nix's order (bytes / base names), so
/// the ATerm comes out sorted as Nix writes it. Strings the user controls
/// (platform, builder, arguments, environment) are bytes, as Nix strings
/// are.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Derivation {
    /// The `name` attribute; not part of the ATerm, but of every path.
    pub name: String,
    pub outputs: BTreeMap<String, DerivationOutput>,
    /// Input derivations (`.drv` paths) and which of their outputs are used.
    pub input_drvs: BTreeMap<StorePath, BTreeSet<String>>,
    pub input_srcs: BTreeSet<StorePath>,
    pub platform: Vec<u8>,
    pub builder: Vec<u8>,
    pub args: Vec<Vec<u8>>,
    pub env: BTreeMap<Vec<u8>, Vec<u8>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DerivationError {
    Hash(HashError),
    StorePath(StorePathError),
    /// The ATerm text is malformed.
    Parse(String),
    /// The caller's lookup knows no hash for this input derivation.
    MissingInputHash(StorePath),
    /// More than one output, or one not called `out`, on a fixed-output
    /// derivation.
    BadFixedOutputs,
    /// Fixed and other outputs in one derivation.
    MixedOutputs,
}

impl fmt::Display for DerivationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DerivationError::Hash(e) => e.fmt(f),
            DerivationError::StorePath(e) => e.fmt(f),
            DerivationError::Parse(m) => m.fmt(f),
            DerivationError::MissingInputHash(p) => {
                write!(f, "no hash known for input derivation '{}'", p)
            }
            DerivationError::BadFixedOutputs => {
                f.write_str("multiple outputs are not supported in fixed-output derivations")
            }
            DerivationError::MixedOutputs => f.write_str("can't mix derivation output types"),
        }
    }
}

impl std::error::Error for DerivationError {}

impl From<HashError> for DerivationError {
    fn from(e: HashError) -> Self {
        DerivationError::Hash(e)
    }
}

impl From<StorePathError> for DerivationError {
    fn from(e: StorePathError) -> Self {
        DerivationError::StorePath(e)
    }
}

/// Append `s` quoted, escaping `"`, `\`, newline, carriage return and tab.
fn push_string(out: &mut Vec<u8>, s: &[u8]) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    // Copy runs of plain bytes at once; most strings have nothing to escape.
    let mut start = 0;
    for (i, &c) in s.iter().enumerate() {
        let esc: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            _ => continue,
        };
        out.extend_from_slice(&s[start..i]);
        out.extend_from_slice(esc);
        start = i + 1;
    }
    out.extend_from_slice(&s[start..]);
    out.push(b'"');
}

fn push_list<T>(
    out: &mut Vec<u8>,
    items: impl IntoIterator<Item = T>,
    mut each: impl FnMut(&mut Vec<u8>, T),
) {
    out.push(b'[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        each(out, item);
    }
    out.push(b']');
}

impl Derivation {
    /// The ATerm text, byte for byte as Nix writes the `.drv` file.
    pub fn to_aterm(&self, store_dir: &str) -> Vec<u8> {
        let inputs = self
            .input_drvs
            .iter()
            .map(|(p, o)| (p.to_absolute(store_dir), o.clone()))
            .collect();
        self.unparse(store_dir, false, &inputs)
    }

    /// `inputs` stands in for `input_drvs` (the hash modulo puts hashes
    /// where the paths were); `mask_outputs` blanks the output paths.
    fn unparse(
        &self,
        store_dir: &str,
        mask_outputs: bool,
        inputs: &BTreeMap<String, BTreeSet<String>>,
    ) -> Vec<u8> {
        let mut out = Vec::with_capacity(1024);
        out.extend_from_slice(b"Derive(");
        push_list(&mut out, &self.outputs, |out, (name, o)| {
            out.push(b'(');
            push_string(out, name.as_bytes());
            out.push(b',');
            let path = match (&o.path, mask_outputs) {
                (Some(p), false) => p.to_absolute(store_dir),
                _ => String::new(),
            };
            push_string(out, path.as_bytes());
            out.push(b',');
            push_string(out, o.hash_algo.as_bytes());
            out.push(b',');
            push_string(out, o.hash.as_bytes());
            out.push(b')');
        });
        out.push(b',');
        push_list(&mut out, inputs, |out, (path, outputs)| {
            out.push(b'(');
            push_string(out, path.as_bytes());
            out.push(b',');
            push_list(out, outputs, |out, o| push_string(out, o.as_bytes()));
            out.push(b')');
        });
        out.push(b',');
        push_list(&mut out, &self.input_srcs, |out, p| {
            push_string(out, p.to_absolute(store_dir).as_bytes())
        });
        out.push(b',');
        push_string(&mut out, &self.platform);
        out.push(b',');
        push_string(&mut out, &self.builder);
        out.push(b',');
        push_list(&mut out, &self.args, |out, a| push_string(out, a));
        out.push(b',');
        push_list(&mut out, &self.env, |out, (k, v)| {
            out.push(b'(');
            push_string(out, k);
            out.push(b',');
            push_string(out, v);
            out.push(b')');
        });
        out.push(b')');
        out
    }

    /// Read a `.drv` file's text. `name` is the derivation's name (the
    /// file's name without `.drv`).
    pub fn parse(store_dir: &str, name: &str, text: &[u8]) -> Result<Derivation, DerivationError> {
        let mut p = Parser { s: text, pos: 0 };
        let mut drv = Derivation {
            name: name.to_string(),
            ..Derivation::default()
        };
        p.expect(b"Derive([")?;
        let mut first = true;
        while p.more(&mut first)? {
            p.expect(b"(")?;
            let id = p.string_utf8()?;
            p.expect(b",")?;
            let path = p.string_utf8()?;
            p.expect(b",")?;
            let hash_algo = p.string_utf8()?;
            p.expect(b",")?;
            let hash = p.string_utf8()?;
            p.expect(b")")?;
            let path = if path.is_empty() {
                None
            } else {
                Some(StorePath::parse(store_dir, &path)?)
            };
            drv.outputs.insert(
                id,
                DerivationOutput {
                    path,
                    hash_algo,
                    hash,
                },
            );
        }
        p.expect(b",[")?;
        let mut first = true;
        while p.more(&mut first)? {
            p.expect(b"(")?;
            let path = StorePath::parse(store_dir, &p.string_utf8()?)?;
            p.expect(b",[")?;
            let mut outs = BTreeSet::new();
            let mut first_out = true;
            while p.more(&mut first_out)? {
                outs.insert(p.string_utf8()?);
            }
            p.expect(b")")?;
            drv.input_drvs.insert(path, outs);
        }
        p.expect(b",[")?;
        let mut first = true;
        while p.more(&mut first)? {
            drv.input_srcs
                .insert(StorePath::parse(store_dir, &p.string_utf8()?)?);
        }
        p.expect(b",")?;
        drv.platform = p.string()?;
        p.expect(b",")?;
        drv.builder = p.string()?;
        p.expect(b",[")?;
        let mut first = true;
        while p.more(&mut first)? {
            drv.args.push(p.string()?);
        }
        p.expect(b",[")?;
        let mut first = true;
        while p.more(&mut first)? {
            p.expect(b"(")?;
            let k = p.string()?;
            p.expect(b",")?;
            let v = p.string()?;
            p.expect(b")")?;
            drv.env.insert(k, v);
        }
        p.expect(b")")?;
        if p.pos != p.s.len() {
            return Err(DerivationError::Parse(
                "extra data after the derivation".to_string(),
            ));
        }
        Ok(drv)
    }

    /// The fixed output's method and hash if this is a fixed-output
    /// derivation (exactly one output, `out`, with a hash).
    pub fn fixed_output(&self) -> Result<Option<(FileIngestionMethod, Hash)>, DerivationError> {
        let mut fixed = None;
        let mut other = false;
        for (name, o) in &self.outputs {
            match o.fixed_hash()? {
                Some(h) => {
                    if name != "out" || fixed.is_some() {
                        return Err(DerivationError::BadFixedOutputs);
                    }
                    fixed = Some(h);
                }
                None => other = true,
            }
        }
        if fixed.is_some() && other {
            return Err(DerivationError::MixedOutputs);
        }
        Ok(fixed)
    }

    /// The path of the fixed output, from its hash.
    fn fixed_output_path(
        &self,
        store_dir: &str,
        method: FileIngestionMethod,
        hash: &Hash,
    ) -> Result<StorePath, DerivationError> {
        Ok(make_fixed_output_path(
            store_dir,
            method,
            hash,
            &self.name,
            &BTreeSet::new(),
            false,
        )?)
    }

    /// Nix's "hash derivation modulo": what the output paths of a
    /// derivation — and of everything that depends on it — are computed
    /// from.
    ///
    /// - A fixed-output derivation's hash is
    ///   `sha256("fixed:out:<[r:]algo>:<base16>:<out path>")`: it depends on
    ///   the promised contents only, not on how they are fetched.
    /// - Otherwise it is the SHA-256 of the ATerm with each input `.drv`
    ///   path replaced by the base-16 of that input's own hash modulo, which
    ///   `input_hash` supplies (no recursion here: the caller keeps a table).
    ///   The entry for an input must be its hash modulo with
    ///   `mask_outputs = false` — computed on the finished derivation, with
    ///   output paths filled in — which is what Nix records for each
    ///   derivation it creates or reads.
    ///
    /// `mask_outputs` blanks this derivation's output paths (for a new
    /// derivation whose paths are being computed).
    pub fn hash_modulo(
        &self,
        store_dir: &str,
        mask_outputs: bool,
        input_hash: &dyn Fn(&StorePath) -> Option<Hash>,
    ) -> Result<Hash, DerivationError> {
        if let Some((method, hash)) = self.fixed_output()? {
            let path = match self.outputs.get("out").and_then(|o| o.path.clone()) {
                Some(p) => p,
                None => self.fixed_output_path(store_dir, method, &hash)?,
            };
            let s = format!(
                "fixed:out:{}{}:{}:{}",
                method.prefix(),
                hash.algo(),
                hash.to_base16(),
                path.to_absolute(store_dir)
            );
            return Ok(HashAlgo::Sha256.digest(s.as_bytes()));
        }
        // Keyed by hash: inputs with equal hashes share one entry, as in
        // Nix's map.
        let mut inputs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (path, outs) in &self.input_drvs {
            let h =
                input_hash(path).ok_or_else(|| DerivationError::MissingInputHash(path.clone()))?;
            inputs
                .entry(h.to_base16())
                .or_default()
                .extend(outs.iter().cloned());
        }
        Ok(HashAlgo::Sha256.digest(&self.unparse(store_dir, mask_outputs, &inputs)))
    }

    /// Compute the output paths of a new derivation and put them into
    /// `outputs` and into the environment variables named after the
    /// outputs, as `derivation` does before writing the `.drv`:
    ///
    /// - fixed-output: the path comes from the promised hash;
    /// - otherwise: outputs and their environment variables are blanked,
    ///   the hash modulo taken, and each output `o` gets the path with type
    ///   `output:o`.
    pub fn fill_output_paths(
        &mut self,
        store_dir: &str,
        input_hash: &dyn Fn(&StorePath) -> Option<Hash>,
    ) -> Result<(), DerivationError> {
        if let Some((method, hash)) = self.fixed_output()? {
            let path = self.fixed_output_path(store_dir, method, &hash)?;
            self.env
                .insert(b"out".to_vec(), path.to_absolute(store_dir).into_bytes());
            self.outputs.insert(
                "out".to_string(),
                DerivationOutput::fixed(method, &hash, Some(path)),
            );
            return Ok(());
        }
        let names: Vec<String> = self.outputs.keys().cloned().collect();
        for o in &names {
            self.env.insert(o.as_bytes().to_vec(), Vec::new());
            self.outputs.insert(o.clone(), DerivationOutput::deferred());
        }
        let h = self.hash_modulo(store_dir, true, input_hash)?;
        for o in &names {
            let path = make_output_path(store_dir, o, &h, &self.name)?;
            self.env.insert(
                o.as_bytes().to_vec(),
                path.to_absolute(store_dir).into_bytes(),
            );
            self.outputs
                .insert(o.clone(), DerivationOutput::input_addressed(path));
        }
        Ok(())
    }

    /// What the `.drv` file refers to: its sources and input derivations.
    pub fn references(&self) -> BTreeSet<StorePath> {
        let mut r = self.input_srcs.clone();
        r.extend(self.input_drvs.keys().cloned());
        r
    }

    /// The path of the `.drv` file: a text path named `<name>.drv` over the
    /// ATerm, referring to [`Derivation::references`].
    pub fn drv_path(&self, store_dir: &str) -> Result<StorePath, DerivationError> {
        Ok(text_path_for(
            store_dir,
            &format!("{}.drv", self.name),
            &self.to_aterm(store_dir),
            &self.references(),
        )?)
    }
}

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> DerivationError {
        DerivationError::Parse(format!(
            "expected {} at offset {} of the derivation",
            what, self.pos
        ))
    }

    fn expect(&mut self, lit: &[u8]) -> Result<(), DerivationError> {
        if self.s.get(self.pos..).is_some_and(|r| r.starts_with(lit)) {
            self.pos += lit.len();
            Ok(())
        } else {
            Err(self.error(&format!("string '{}'", String::from_utf8_lossy(lit))))
        }
    }

    /// Before a list item: false (and `]` consumed) at the end of the
    /// list; otherwise the `,` separating it from the previous item is
    /// consumed.
    fn more(&mut self, first: &mut bool) -> Result<bool, DerivationError> {
        if self.s.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(false);
        }
        if !*first {
            self.expect(b",")?;
        }
        *first = false;
        Ok(true)
    }

    fn string(&mut self) -> Result<Vec<u8>, DerivationError> {
        self.expect(b"\"")?;
        let mut out = Vec::new();
        loop {
            match self.s.get(self.pos) {
                None => return Err(self.error("'\"'")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let c = *self
                        .s
                        .get(self.pos + 1)
                        .ok_or_else(|| self.error("an escaped character"))?;
                    out.push(match c {
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        other => other,
                    });
                    self.pos += 2;
                }
                Some(&c) => {
                    out.push(c);
                    self.pos += 1;
                }
            }
        }
    }

    fn string_utf8(&mut self) -> Result<String, DerivationError> {
        String::from_utf8(self.string()?).map_err(|_| self.error("a UTF-8 string"))
    }
}
