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

impl DerivationError {
    /// The message byte for byte as Nix prints it (see
    /// [`StorePathError::message_bytes`]).
    pub fn message_bytes(&self) -> Vec<u8> {
        match self {
            DerivationError::StorePath(e) => e.message_bytes(),
            other => other.to_string().into_bytes(),
        }
    }
}

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

/// What the input derivations section of an ATerm holds.
enum InputsSection<'a> {
    /// The `.drv` paths: the text of the `.drv` file.
    Paths,
    /// Each input's hash modulo in base-16 instead: the text the hash
    /// modulo is taken over.
    Hashes(&'a ModuloInputs<'a>),
}

/// The input derivations as the hash modulo writes them: keyed by the
/// input's hash modulo (all SHA-256, so this is the order of their base-16
/// forms); inputs with equal hashes share one entry, as in Nix's map.
type ModuloInputs<'a> = BTreeMap<Hash, BTreeSet<&'a str>>;

/// Append `s` quoted (see [`push_string`]); `s` is the absolute path of
/// `p`.
fn push_path(out: &mut Vec<u8>, store_dir: &str, p: &StorePath) {
    // Store paths hold nothing ATerm escapes.
    out.push(b'"');
    out.extend_from_slice(store_dir.as_bytes());
    out.push(b'/');
    out.extend_from_slice(p.base_name().as_bytes());
    out.push(b'"');
}

/// The ATerm of a new derivation with everything computed from it at once
/// ([`Derivation::instantiate`]).
pub struct Instantiated {
    /// The text of the `.drv` file.
    pub aterm: Vec<u8>,
    /// The path of the `.drv` file.
    pub drv_path: StorePath,
    /// The derivation's hash modulo (with its output paths filled in): what
    /// a dependent derivation needs.
    pub hash_modulo: Hash,
}

impl Derivation {
    /// The ATerm text, byte for byte as Nix writes the `.drv` file.
    pub fn to_aterm(&self, store_dir: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(1024);
        self.write_aterm(store_dir, &mut out);
        out
    }

    /// [`Derivation::to_aterm`], appending to `out`.
    pub fn write_aterm(&self, store_dir: &str, out: &mut Vec<u8>) {
        self.unparse(out, store_dir, false, &InputsSection::Paths);
    }

    /// Append the ATerm to `out`; `mask_outputs` blanks the output paths.
    /// Returns where the input derivations section is in `out`.
    fn unparse(
        &self,
        out: &mut Vec<u8>,
        store_dir: &str,
        mask_outputs: bool,
        inputs: &InputsSection,
    ) -> std::ops::Range<usize> {
        out.extend_from_slice(b"Derive(");
        push_list(out, &self.outputs, |out, (name, o)| {
            out.push(b'(');
            push_string(out, name.as_bytes());
            out.push(b',');
            match (&o.path, mask_outputs) {
                (Some(p), false) => push_path(out, store_dir, p),
                _ => out.extend_from_slice(b"\"\""),
            }
            out.push(b',');
            push_string(out, o.hash_algo.as_bytes());
            out.push(b',');
            push_string(out, o.hash.as_bytes());
            out.push(b')');
        });
        out.push(b',');
        let start = out.len();
        self.write_inputs(out, store_dir, inputs);
        let end = out.len();
        out.push(b',');
        push_list(out, &self.input_srcs, |out, p| push_path(out, store_dir, p));
        out.push(b',');
        push_string(out, &self.platform);
        out.push(b',');
        push_string(out, &self.builder);
        out.push(b',');
        push_list(out, &self.args, |out, a| push_string(out, a));
        out.push(b',');
        push_list(out, &self.env, |out, (k, v)| {
            out.push(b'(');
            push_string(out, k);
            out.push(b',');
            push_string(out, v);
            out.push(b')');
        });
        out.push(b')');
        start..end
    }

    /// The input derivations section of the ATerm.
    fn write_inputs(&self, out: &mut Vec<u8>, store_dir: &str, inputs: &InputsSection) {
        let each_output = |out: &mut Vec<u8>, outputs: &mut dyn Iterator<Item = &str>| {
            out.push(b',');
            push_list(out, outputs, |out, o| push_string(out, o.as_bytes()));
            out.push(b')');
        };
        match inputs {
            InputsSection::Paths => push_list(out, &self.input_drvs, |out, (path, outputs)| {
                out.push(b'(');
                push_path(out, store_dir, path);
                each_output(out, &mut outputs.iter().map(String::as_str));
            }),
            InputsSection::Hashes(hashes) => push_list(out, hashes.iter(), |out, (h, outputs)| {
                let mut hex = String::with_capacity(h.algo().base16_len());
                h.push_base16(&mut hex);
                out.push(b'(');
                push_string(out, hex.as_bytes());
                each_output(out, &mut outputs.iter().copied());
            }),
        }
    }

    /// The input derivations keyed by their hash modulo, which `input_hash`
    /// supplies.
    fn modulo_inputs(
        &self,
        input_hash: &dyn Fn(&StorePath) -> Option<Hash>,
    ) -> Result<ModuloInputs<'_>, DerivationError> {
        let mut inputs = ModuloInputs::new();
        for (path, outs) in &self.input_drvs {
            let h =
                input_hash(path).ok_or_else(|| DerivationError::MissingInputHash(path.clone()))?;
            inputs
                .entry(h)
                .or_default()
                .extend(outs.iter().map(String::as_str));
        }
        Ok(inputs)
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
            return self.fixed_hash_modulo(store_dir, method, &hash);
        }
        let inputs = self.modulo_inputs(input_hash)?;
        let mut text = Vec::with_capacity(1024);
        self.unparse(
            &mut text,
            store_dir,
            mask_outputs,
            &InputsSection::Hashes(&inputs),
        );
        Ok(HashAlgo::Sha256.digest(&text))
    }

    /// The hash modulo of a fixed-output derivation:
    /// `sha256("fixed:out:<[r:]algo>:<base16>:<out path>")`.
    fn fixed_hash_modulo(
        &self,
        store_dir: &str,
        method: FileIngestionMethod,
        hash: &Hash,
    ) -> Result<Hash, DerivationError> {
        let path = match self.outputs.get("out").and_then(|o| o.path.clone()) {
            Some(p) => p,
            None => self.fixed_output_path(store_dir, method, hash)?,
        };
        let mut s = String::with_capacity(160);
        s.push_str("fixed:out:");
        s.push_str(method.prefix());
        s.push_str(hash.algo().name());
        s.push(':');
        hash.push_base16(&mut s);
        s.push(':');
        path.push_absolute(store_dir, &mut s);
        Ok(HashAlgo::Sha256.digest(s.as_bytes()))
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
        self.fill_output_paths_in(store_dir, input_hash, &mut Vec::with_capacity(1024))
    }

    /// [`Derivation::fill_output_paths`] with `scratch` as the buffer for
    /// the masked ATerm; `scratch` is cleared first.
    fn fill_output_paths_in(
        &mut self,
        store_dir: &str,
        input_hash: &dyn Fn(&StorePath) -> Option<Hash>,
        scratch: &mut Vec<u8>,
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
        for (o, out) in self.outputs.iter_mut() {
            self.env.insert(o.as_bytes().to_vec(), Vec::new());
            *out = DerivationOutput::deferred();
        }
        let h = {
            let inputs = self.modulo_inputs(input_hash)?;
            scratch.clear();
            self.unparse(scratch, store_dir, true, &InputsSection::Hashes(&inputs));
            HashAlgo::Sha256.digest(scratch)
        };
        for (o, out) in self.outputs.iter_mut() {
            let path = make_output_path(store_dir, o, &h, &self.name)?;
            if let Some(v) = self.env.get_mut(o.as_bytes()) {
                *v = path.to_absolute(store_dir).into_bytes();
            }
            *out = DerivationOutput::input_addressed(path);
        }
        Ok(())
    }

    /// What `derivation` does with a new derivation, at the cost of two
    /// ATerms and three hashes: fill in the output paths
    /// ([`Derivation::fill_output_paths`]), then make the `.drv` file's
    /// text, its path, and the hash modulo. The last two texts differ only
    /// in the input derivations section, so the hash modulo is taken over
    /// the `.drv` text with that section swapped, without writing the rest
    /// again.
    pub fn instantiate(
        &mut self,
        store_dir: &str,
        input_hash: &dyn Fn(&StorePath) -> Option<Hash>,
    ) -> Result<Instantiated, DerivationError> {
        let mut aterm = Vec::with_capacity(1024);
        self.fill_output_paths_in(store_dir, input_hash, &mut aterm)?;
        aterm.clear();
        let section = self.unparse(&mut aterm, store_dir, false, &InputsSection::Paths);
        let mut drv_name = String::with_capacity(self.name.len() + 4);
        drv_name.push_str(&self.name);
        drv_name.push_str(".drv");
        let drv_path = text_path_for(store_dir, &drv_name, &aterm, self.sorted_references())?;
        let hash_modulo = if let Some((method, hash)) = self.fixed_output()? {
            self.fixed_hash_modulo(store_dir, method, &hash)?
        } else if self.input_drvs.is_empty() {
            HashAlgo::Sha256.digest(&aterm)
        } else {
            let inputs = self.modulo_inputs(input_hash)?;
            let mut hashes = Vec::with_capacity(section.len());
            self.write_inputs(&mut hashes, store_dir, &InputsSection::Hashes(&inputs));
            let mut h = HashAlgo::Sha256.hasher();
            h.update(aterm.get(..section.start).unwrap_or_default());
            h.update(&hashes);
            h.update(aterm.get(section.end..).unwrap_or_default());
            h.finish()
        };
        Ok(Instantiated {
            aterm,
            drv_path,
            hash_modulo,
        })
    }

    /// [`Derivation::references`] without building the set: the sources
    /// and input derivations merged in order, each once.
    fn sorted_references(&self) -> SortedReferences<'_> {
        SortedReferences {
            srcs: self.input_srcs.iter().peekable(),
            drvs: self.input_drvs.keys().peekable(),
        }
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

/// Two sorted sets of store paths merged (see
/// [`Derivation::sorted_references`]).
#[derive(Clone)]
struct SortedReferences<'a> {
    srcs: std::iter::Peekable<std::collections::btree_set::Iter<'a, StorePath>>,
    drvs: std::iter::Peekable<std::collections::btree_map::Keys<'a, StorePath, BTreeSet<String>>>,
}

impl<'a> Iterator for SortedReferences<'a> {
    type Item = &'a StorePath;

    fn next(&mut self) -> Option<&'a StorePath> {
        match (self.srcs.peek(), self.drvs.peek()) {
            (Some(s), Some(d)) if s == d => {
                self.drvs.next();
                self.srcs.next()
            }
            (Some(s), Some(d)) if s > d => self.drvs.next(),
            (Some(_), _) => self.srcs.next(),
            (None, _) => self.drvs.next(),
        }
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
