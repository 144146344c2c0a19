//! The evaluator's view of the Nix store.
//!
//! Tangle computes store paths without a store or a daemon: derivations
//! made during an evaluation are kept here (they are needed again when a
//! later derivation depends on them: its "hash modulo" and the closure of
//! its inputs), as are the store paths of source files copied by
//! interpolation and the text files of `toFile`. With a write directory set
//! (`tangle instantiate --drv-dir`), each `.drv` and text file is also
//! written there under its store path's base name.

use crate::error::{Error, Result};
use crate::io::Io;
use crate::value::Context;
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};
use tangle_store::hash::HashError;
use tangle_store::path::{make_fixed_output_path, text_path_for, FileIngestionMethod};
use tangle_store::{
    Derivation, DerivationError, DerivationOutput, Hash, HashAlgo, StorePath, StorePathError,
};

pub const STORE_DIR: &str = "/nix/store";

/// What `derivationStrict` gathered from the attributes.
#[derive(Default)]
pub struct DrvRequest {
    pub name: String,
    pub outputs: Vec<String>,
    pub builder: Option<Vec<u8>>,
    pub system: Option<Vec<u8>>,
    pub args: Vec<Vec<u8>>,
    /// Names and values, as bytes (the order of the ATerm).
    pub env: BTreeMap<Vec<u8>, Vec<u8>>,
    /// The union of the contexts of every string that went in.
    pub context: Context,
    pub output_hash: Option<String>,
    pub output_hash_algo: Option<String>,
    pub fixed: Option<FixedOutput>,
}

pub struct FixedOutput {
    pub hash: String,
    /// `outputHashAlgo`, possibly empty (then the hash must say it).
    pub algo: String,
    pub recursive: bool,
}

pub struct MadeDerivation {
    pub drv_path: String,
    /// `(output name, store path)`, in the derivation's output order.
    pub outputs: Vec<(String, String)>,
}

/// Input derivations and the outputs of each that are used.
type InputDrvs = BTreeMap<StorePath, BTreeSet<String>>;

/// What later derivations need to know of one made earlier. The
/// derivation itself is not kept (its environment can be large).
struct Known {
    /// Its "hash modulo", which a dependent derivation uses in place of
    /// the `.drv` path.
    modulo: Hash,
    /// Its output names: depending on its `.drv` path brings all of them.
    outputs: Vec<String>,
    /// What its `.drv` file refers to (input sources and derivations).
    references: Vec<StorePath>,
}

#[derive(Default)]
pub struct EvalStore {
    derivations: HashMap<StorePath, Known>,
    /// Source paths copied to the store, by absolute path.
    sources: HashMap<String, String>,
    /// The references of each `toFile` text: a `.drv`'s closure (what
    /// `=drv` context brings in) follows them.
    text_refs: HashMap<StorePath, BTreeSet<StorePath>>,
    /// Where to write `.drv` and text files, if anywhere.
    pub write_dir: Option<std::path::PathBuf>,
    /// Whether `builtins.storePath` requires its path to be valid, as
    /// `nix-instantiate` does except with `--eval` (Nix's read-only mode).
    pub check_store_paths: bool,
}

/// Store errors (bad names, bad hashes) come without a position in Nix.
fn store_error(e: impl std::fmt::Display) -> Error {
    Error::eval(e.to_string()).positionless()
}

/// A store path error, with its message byte for byte as Nix prints it.
fn path_error(e: StorePathError) -> Error {
    Error::eval(String::new())
        .with_message_bytes(e.message_bytes())
        .positionless()
}

/// A derivation error, with its message byte for byte as Nix prints it.
fn derivation_error(e: DerivationError) -> Error {
    Error::eval(String::new())
        .with_message_bytes(e.message_bytes())
        .positionless()
}

fn parse_path(p: &str) -> Result<StorePath> {
    StorePath::parse(STORE_DIR, p).map_err(path_error)
}

fn parse_paths(ps: &[String]) -> Result<BTreeSet<StorePath>> {
    ps.iter().map(|p| parse_path(p)).collect()
}

impl EvalStore {
    /// `"${./file}"`: the store path the file or directory gets, with no
    /// filter and the path's base name as its name.
    pub fn copy_path(&mut self, io: &dyn Io, path: &str) -> Result<String> {
        if let Some(p) = self.sources.get(path) {
            return Ok(p.clone());
        }
        let name = path.rsplit('/').next().unwrap_or("");
        if let Err(e) = io.file_type(path) {
            return Err(Error::eval(format!(
                "getting status of '{}': {}",
                path,
                crate::io::describe_io_error(&e)
            ))
            .positionless());
        }
        let nar = io
            .nar_hash(path, &mut |_, _| true)
            .map_err(|e| Error::eval(e.to_string()).positionless())?;
        let sp = make_fixed_output_path(
            STORE_DIR,
            FileIngestionMethod::Recursive,
            &nar,
            name,
            &BTreeSet::new(),
            false,
        )
        .map_err(path_error)?;
        let s = sp.to_absolute(STORE_DIR);
        self.sources.insert(path.to_string(), s.clone());
        Ok(s)
    }

    /// `toFile`: the text file's store path; written out too when there
    /// is a write directory.
    pub fn add_text(&mut self, name: &str, contents: &[u8], refs: &[String]) -> Result<String> {
        let refs = parse_paths(refs)?;
        let sp = text_path_for(STORE_DIR, name, contents, &refs).map_err(path_error)?;
        let p = sp.to_absolute(STORE_DIR);
        self.write_file(&p, contents)?;
        self.text_refs.insert(sp, refs);
        Ok(p)
    }

    fn write_file(&self, path: &str, contents: &[u8]) -> Result<()> {
        if let Some(dir) = &self.write_dir {
            let base = path.rsplit('/').next().unwrap_or("");
            let target = dir.join(base);
            std::fs::write(&target, contents).map_err(|e| {
                Error::eval(format!("writing '{}': {}", target.display(), e)).positionless()
            })?;
        }
        Ok(())
    }

    /// What `builtins.storePath` requires of the store object `path`
    /// (when [`EvalStore::check_store_paths`] is set): it is valid. Tangle
    /// has no store database, so a path counts as valid when this
    /// evaluation made it (a `.drv` file, a `toFile` text, a copied
    /// source; not an output, which is only built later) or when
    /// [`Io::store_path_exists`] finds it. The error is Nix's.
    pub fn ensure_valid(&self, io: &dyn Io, path: &str) -> Result<()> {
        let made = match StorePath::parse(STORE_DIR, path) {
            Ok(sp) => self.derivations.contains_key(&sp) || self.text_refs.contains_key(&sp),
            Err(_) => false,
        };
        if made || self.sources.values().any(|p| p == path) || io.store_path_exists(path) {
            return Ok(());
        }
        Err(Error::hinted(format!(
            "path '{}' does not exist and cannot be created",
            path
        )))
    }

    /// Split a context into the derivation's input derivations (with the
    /// outputs used) and input sources, as Nix does: `=drv` stands for the
    /// whole closure of the `.drv` file (following the references of
    /// `.drv` files and texts), every path of it an input source and every
    /// derivation in it an input with all its outputs.
    fn inputs(&self, context: &Context) -> Result<(InputDrvs, BTreeSet<StorePath>)> {
        let mut drvs = InputDrvs::new();
        let mut srcs: BTreeSet<StorePath> = BTreeSet::new();
        for e in context {
            if let Some(drv) = e.strip_prefix('=') {
                let mut stack = vec![parse_path(drv)?];
                let mut seen = BTreeSet::new();
                while let Some(p) = stack.pop() {
                    if !seen.insert(p.clone()) {
                        continue;
                    }
                    srcs.insert(p.clone());
                    if let Some(refs) = self.text_refs.get(&p) {
                        stack.extend(refs.iter().cloned());
                    }
                    if let Some(k) = self.derivations.get(&p) {
                        drvs.entry(p.clone())
                            .or_default()
                            .extend(k.outputs.iter().cloned());
                        stack.extend(k.references.iter().cloned());
                    }
                }
            } else if let Some(rest) = e.strip_prefix('!') {
                if let Some((out, drv)) = rest.split_once('!') {
                    drvs.entry(parse_path(drv)?)
                        .or_default()
                        .insert(out.to_string());
                }
            } else {
                srcs.insert(parse_path(e)?);
            }
        }
        Ok((drvs, srcs))
    }

    pub fn add_derivation(&mut self, req: DrvRequest) -> Result<MadeDerivation> {
        let (input_drvs, input_srcs) = self.inputs(&req.context)?;
        let mut drv = Derivation {
            name: req.name,
            outputs: BTreeMap::new(),
            input_drvs,
            input_srcs,
            platform: req.system.unwrap_or_default(),
            builder: req.builder.unwrap_or_default(),
            args: req.args,
            env: req.env,
        };
        if let Some(fixed) = &req.fixed {
            // An unknown algorithm counts as none: the hash itself must
            // then say which it is (SRI or `algo:` prefix).
            let algo = HashAlgo::parse(&fixed.algo).ok();
            let hash = match Hash::parse_allow_empty(&fixed.hash, algo) {
                Ok((h, _)) => h,
                // Nix 2.8 words this one without the final period.
                Err(HashError::NoAlgo(h)) => {
                    return Err(store_error(format!(
                        "hash '{}' does not include a type, nor is the type otherwise known from context",
                        h
                    )))
                }
                Err(e) => return Err(store_error(e)),
            };
            let method = if fixed.recursive {
                FileIngestionMethod::Recursive
            } else {
                FileIngestionMethod::Flat
            };
            drv.outputs.insert(
                "out".to_string(),
                DerivationOutput::fixed(method, &hash, None),
            );
        } else {
            for o in &req.outputs {
                drv.outputs.insert(o.clone(), DerivationOutput::deferred());
            }
        }
        let known = &self.derivations;
        let lookup = |p: &StorePath| known.get(p).map(|k| k.modulo);
        let made = drv
            .instantiate(STORE_DIR, &lookup)
            .map_err(derivation_error)?;
        let drv_path = made.drv_path;
        let modulo = made.hash_modulo;
        let aterm = made.aterm;
        let drv_path_text = drv_path.to_absolute(STORE_DIR);
        self.write_file(&drv_path_text, &aterm)?;
        let outputs = req
            .outputs
            .iter()
            .filter_map(|o| {
                let p = drv.outputs.get(o)?.path.as_ref()?;
                Some((o.clone(), p.to_absolute(STORE_DIR)))
            })
            .collect();
        // What the `.drv` file refers to; the order does not matter here.
        let mut references: Vec<StorePath> = drv.input_srcs.into_iter().collect();
        references.extend(drv.input_drvs.into_keys());
        self.derivations.insert(
            drv_path,
            Known {
                modulo,
                outputs: drv.outputs.into_keys().collect(),
                references,
            },
        );
        Ok(MadeDerivation {
            drv_path: drv_path_text,
            outputs,
        })
    }
}
