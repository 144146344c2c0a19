//! Source files added to the store on request: `builtins.path` and
//! `builtins.filterSource`.
//!
//! The filter is Nix code, so it cannot run inside the NAR writer's
//! callback (the VM is stackless). Instead a continuation walks the tree
//! first, in the order the NAR is written (sorted entries, depth first,
//! not entering refused directories), calls the filter on each entry and
//! records what it kept; the NAR is then hashed with that answer.

use super::{attrset, boolean, function, string, PrimOpDef, PrimRet};
use crate::error::{Error, Result};
use crate::gc::{Gc, Trace, Tracer};
use crate::io::FileType;
use crate::store::STORE_DIR;
use crate::value::{Context, Value};
use crate::vm::{Cont, Step, Vm};
use std::collections::HashSet;
use tangle_store::path::{make_fixed_output_path, FileIngestionMethod};
use tangle_store::{Hash, HashAlgo};

pub static PRIMOPS: &[PrimOpDef] = &[
    prim!("filterSource", 2, 3, filter_source),
    prim!("path", 1, 1, path),
];

/// The absolute path a path-like argument names: a path, or a string
/// without context.
fn source_path(v: &Value) -> Result<String> {
    match v {
        Value::Path(p) => Ok(p.path.clone()),
        Value::String(s) => {
            if let Some(c) = &s.context {
                let first = c.iter().next().map(String::as_str).unwrap_or("");
                return Err(Error::eval(format!(
                    "string '{}' cannot refer to other paths (such as '{}')",
                    s.as_str_lossy(),
                    first
                )));
            }
            let p = s.as_str_lossy().into_owned();
            if !p.starts_with('/') {
                return Err(Error::eval(format!(
                    "string '{}' doesn't represent an absolute path",
                    p
                )));
            }
            Ok(crate::compiler::canon_path(&p))
        }
        other => Err(crate::error::type_error::cannot_coerce(other)),
    }
}

fn base_name(p: &str) -> String {
    p.rsplit('/').next().unwrap_or("").to_string()
}

fn filter_source(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    if function(&a[0]).is_err() {
        return Err(Error::eval(format!(
            "first argument in call to 'filterSource' is not a function but {}",
            a[0].show_type()
        )));
    }
    let root = source_path(&a[1])?;
    let name = base_name(&root);
    Ok(PrimRet::Cont(Box::new(AddPath::new(
        root,
        name,
        Some(a[0]),
        true,
        None,
    ))))
}

/// `builtins.path { path; name ? <base name>; filter ? null;
/// recursive ? true; sha256 ? null; }`.
fn path(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let set = attrset(&a[0])?;
    Ok(PrimRet::Cont(Box::new(PathArgs {
        set,
        idx: 0,
        path: None,
        name: None,
        filter: None,
        recursive: true,
        sha256: None,
    })))
}

/// Reads the attributes of `builtins.path`'s argument one by one, forcing
/// each, then hands over to [`AddPath`].
struct PathArgs {
    set: Gc<crate::value::Attrs>,
    idx: usize,
    path: Option<String>,
    name: Option<String>,
    filter: Option<Value>,
    recursive: bool,
    sha256: Option<String>,
}

impl Cont for PathArgs {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.set);
        self.filter.trace(t);
    }
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        if self.idx > self.set.entries().len() {
            // The result of `AddPath`.
            return Ok(Step::Done(input));
        }
        if self.idx > 0 {
            let key = self.set.entries()[self.idx - 1].0.as_str();
            match key {
                "path" => self.path = Some(source_path(&input)?),
                "name" => self.name = Some(string(&input)?.as_str_lossy().into_owned()),
                "filter" => {
                    function(&input)?;
                    self.filter = Some(input);
                }
                "recursive" => self.recursive = boolean(&input)?,
                "sha256" => self.sha256 = Some(string(&input)?.as_str_lossy().into_owned()),
                other => {
                    return Err(Error::eval(format!(
                        "unsupported argument '{}' to 'addPath'",
                        other
                    )))
                }
            }
        }
        if let Some((_, v)) = self.set.entries().get(self.idx) {
            self.idx += 1;
            return Ok(Step::Force(*v));
        }
        let Some(root) = self.path.take() else {
            return Err(Error::eval("'path' required"));
        };
        let expected = match self.sha256.take() {
            Some(h) if !h.is_empty() => Some(
                Hash::parse_any(&h, Some(HashAlgo::Sha256))
                    .map_err(|e| Error::eval(e.to_string()))?,
            ),
            _ => None,
        };
        let name = self.name.take().unwrap_or_else(|| base_name(&root));
        self.idx += 1;
        Ok(Step::Sub(Box::new(AddPath::new(
            root,
            name,
            self.filter.take(),
            self.recursive,
            expected,
        ))))
    }
}

struct Dir {
    entries: Vec<(String, FileType)>,
    next: usize,
}

struct AddPath {
    root: String,
    name: String,
    filter: Option<Value>,
    recursive: bool,
    expected: Option<Hash>,
    started: bool,
    /// Directories being walked, innermost last.
    dirs: Vec<Dir>,
    /// The entry the filter is being asked about, and whether its first
    /// argument has been applied.
    asking: Option<(String, FileType, bool)>,
    kept: HashSet<String>,
}

impl AddPath {
    fn new(
        root: String,
        name: String,
        filter: Option<Value>,
        recursive: bool,
        expected: Option<Hash>,
    ) -> AddPath {
        AddPath {
            root,
            name,
            filter,
            recursive,
            expected,
            started: false,
            dirs: Vec::new(),
            asking: None,
            kept: HashSet::new(),
        }
    }

    fn open_dir(&mut self, vm: &Vm, path: &str) -> Result<()> {
        let mut entries = vm
            .io
            .read_dir(path)
            .map_err(|e| {
                Error::eval(format!(
                    "opening directory '{}': {}",
                    path,
                    crate::io::describe_io_error(&e)
                ))
            })?
            .into_iter()
            .map(|(n, t)| (format!("{}/{}", path.trim_end_matches('/'), n), t))
            .collect::<Vec<_>>();
        entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        self.dirs.push(Dir { entries, next: 0 });
        Ok(())
    }

    fn finish(&mut self, vm: &mut Vm) -> Result<Value> {
        let hash = if self.recursive {
            let kept = &self.kept;
            let filtered = self.filter.is_some();
            let mut keep = |p: &str, _: FileType| !filtered || kept.contains(p);
            vm.io
                .nar_hash(&self.root, &mut keep)
                .map_err(|e| Error::eval(e.to_string()))?
        } else {
            let bytes = vm
                .io
                .read_file(&self.root)
                .map_err(|e| Error::eval(format!("opening file '{}': {}", self.root, e)))?;
            HashAlgo::Sha256.digest(&bytes)
        };
        let method = if self.recursive {
            FileIngestionMethod::Recursive
        } else {
            FileIngestionMethod::Flat
        };
        let sp = make_fixed_output_path(
            STORE_DIR,
            method,
            &hash,
            &self.name,
            &Default::default(),
            false,
        )
        .map_err(|e| Error::hinted(String::new()).with_message_bytes(e.message_bytes()))?;
        if let Some(expected) = &self.expected {
            if expected.as_bytes() != hash.as_bytes() {
                return Err(Error::hinted(format!(
                    "store path mismatch in (possibly filtered) path added from '{}'",
                    self.root
                )));
            }
        }
        let p = sp.to_absolute(STORE_DIR);
        let mut ctx = Context::new();
        ctx.insert(p.clone());
        Ok(Value::string_ctx(p.into_bytes(), Some(Box::new(ctx))))
    }
}

impl Cont for AddPath {
    fn trace(&self, t: &mut Tracer) {
        self.filter.trace(t);
    }
    fn resume(&mut self, vm: &mut Vm, input: Value) -> Result<Step> {
        if !self.started {
            self.started = true;
            let t = vm.io.file_type(&self.root).map_err(|e| {
                Error::hinted(format!(
                    "getting status of '{}': {}",
                    self.root,
                    crate::io::describe_io_error(&e)
                ))
            })?;
            if self.filter.is_some() && t == FileType::Directory {
                let root = self.root.clone();
                self.open_dir(vm, &root)?;
            }
        }
        if let Some((path, t, applied)) = self.asking.take() {
            if !applied {
                // `filter path` is a function; apply it to the type.
                self.asking = Some((path, t, true));
                return Ok(Step::Call(input, Value::string(t.nix_name())));
            }
            if boolean(&input)? {
                self.kept.insert(path.clone());
                if t == FileType::Directory {
                    self.open_dir(vm, &path)?;
                }
            }
        }
        while let Some(dir) = self.dirs.last_mut() {
            let Some((path, t)) = dir.entries.get(dir.next).cloned() else {
                self.dirs.pop();
                continue;
            };
            dir.next += 1;
            let Some(f) = self.filter else {
                break;
            };
            self.asking = Some((path.clone(), t, false));
            return Ok(Step::Call(f, Value::string(path)));
        }
        Ok(Step::Done(self.finish(vm)?))
    }
}
