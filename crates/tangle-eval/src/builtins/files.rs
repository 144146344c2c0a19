//! Files and the environment: reading files and directories, file types,
//! the search path, environment variables, the clock. Everything goes
//! through [`crate::io::Io`], so an embedding decides what the evaluator
//! may see.

use super::control::real_path;
use super::{list, ok, string, PrimOpDef, PrimRet};
use crate::error::{Error, ErrorKind, Result};
use crate::gc::{Gc, Trace, Tracer};
use crate::io::describe_io_error;
use crate::symbol::Symbol;
use crate::value::{Attrs, PrimArgs, PrimOpApp, Thunk, Value};
use crate::vm::coerce::{Concat, Mode};
use crate::vm::{Cont, Step, Vm};

pub static PRIMOPS: &[PrimOpDef] = &[
    prim!("readDir", 1, 1, read_dir),
    prim!("readFileType", 1, 1, read_file_type),
    prim!("readFile", 1, 1, read_file),
    prim!("pathExists", 1, 1, path_exists),
    prim!("toPath", 1, 1, to_path),
    prim!("getEnv", 1, 1, get_env),
    prim!("findFile", 2, 1, find_file),
];

/// Coerce a path-like argument the way Nix's `coerceToPath` does
/// (strings, paths, sets with `__toString` or `outPath`, without copying
/// anything to the store), then go on with the absolute path.
fn with_path(
    vm: &mut Vm,
    v: &Value,
    k: impl FnOnce(&mut Vm, String) -> Result<Value> + 'static,
) -> Result<PrimRet> {
    match v {
        Value::Attrs(_) => Ok(PrimRet::Cont(Box::new(CoercePath {
            inner: Some(Box::new(Concat::new(vec![*v], Mode::ToString))),
            k: Some(Box::new(k)),
        }))),
        _ => {
            let path = real_path(vm, v)?;
            ok(k(vm, path)?)
        }
    }
}

type PathThen = Box<dyn FnOnce(&mut Vm, String) -> Result<Value>>;

struct CoercePath {
    inner: Option<Box<dyn Cont>>,
    k: Option<PathThen>,
}

impl Cont for CoercePath {
    fn trace(&self, t: &mut Tracer) {
        if let Some(c) = &self.inner {
            c.trace(t);
        }
    }
    fn resume(&mut self, vm: &mut Vm, input: Value) -> Result<Step> {
        if let Some(c) = self.inner.take() {
            return Ok(Step::Sub(c));
        }
        let path = real_path(vm, &input)?;
        match self.k.take() {
            Some(k) => Ok(Step::Done(k(vm, path)?)),
            None => Ok(Step::Done(input)),
        }
    }
}

pub fn read_dir(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    with_path(vm, &a[0], |vm, path| {
        let entries = vm.io.read_dir(&path).map_err(|e| {
            Error::eval(format!(
                "opening directory '{}': {}",
                path,
                describe_io_error(&e)
            ))
        })?;
        Ok(Value::attrs(Attrs::from_unsorted(
            entries
                .into_iter()
                .map(|(name, ft)| (Symbol::new(&name), Value::string(ft.nix_name())))
                .collect(),
        )))
    })
}

/// `readFileType` (Nix 2.14): the type of the file itself, a final symlink
/// not followed.
pub fn read_file_type(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    with_path(vm, &a[0], |vm, path| {
        let ft = vm.io.file_type(&path).map_err(|e| {
            // Current Nix (checked with 2.26) names a missing path plainly.
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::eval(format!("path '{}' does not exist", path))
            } else {
                Error::eval(format!(
                    "getting status of '{}': {}",
                    path,
                    describe_io_error(&e)
                ))
            }
        })?;
        Ok(Value::string(ft.nix_name()))
    })
}

pub fn read_file(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    with_path(vm, &a[0], |vm, path| {
        let bytes = vm.io.read_file(&path).map_err(|e| {
            // Opening a directory succeeds; reading it is what fails.
            let what = if e.kind() == std::io::ErrorKind::IsADirectory {
                "reading from file".to_string()
            } else {
                format!("opening file '{}'", path)
            };
            Error::eval(format!("{}: {}", what, describe_io_error(&e)))
        })?;
        if bytes.contains(&0) {
            return Err(Error::eval(format!(
                "the contents of the file '{}' cannot be represented as a Nix string",
                path
            )));
        }
        Ok(Value::string(bytes))
    })
}

/// `pathExists`: whether the path itself exists (a dangling symlink does;
/// with a trailing slash the path must be a directory).
pub fn path_exists(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    with_path(vm, &a[0], |vm, path| {
        Ok(Value::Bool(vm.io.file_type(&path).is_ok()))
    })
}

/// `toPath`: the canonical absolute path, as a string.
pub fn to_path(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let ctx = match &a[0] {
        Value::String(s) => s.context.clone(),
        _ => None,
    };
    with_path(vm, &a[0], move |_, path| {
        Ok(Value::string_ctx(
            crate::compiler::canon_path(&path).into_bytes(),
            ctx,
        ))
    })
}

pub fn get_env(vm: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let name = string(&a[0])?.as_str_lossy().into_owned();
    ok(Value::string(vm.io.get_env(&name).unwrap_or_default()))
}

/// `builtins.currentTime`: an integer, read once (when first used) per
/// evaluation.
pub fn current_time() -> Value {
    Thunk::apply(
        Value::PrimOpApp(Gc::new(PrimOpApp {
            op: &CURRENT_TIME,
            args: PrimArgs::new(),
        })),
        Value::Null,
    )
}

/// Not in any table: only reachable through `currentTime`'s thunk.
static CURRENT_TIME: PrimOpDef = prim!("currentTime", 1, 0, |vm, _| ok(Value::Int(
    vm.io.current_time()
)));

/// `findFile searchPath name`: every entry is checked first (a set with a
/// string `prefix`, default "", and a `path` coercible to a string); then
/// the first entry whose prefix is the name or a leading component of it,
/// and under whose path the rest exists, wins. Not found is an error
/// `tryEval` catches, as in Nix.
pub fn find_file(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let entries = list(&a[0])?;
    Ok(PrimRet::Cont(Box::new(FindFile {
        entries,
        name: a[1],
        index: 0,
        resolved: Vec::new(),
        state: FindState::Entry,
    })))
}

enum FindState {
    /// Force entry `index`.
    Entry,
    /// Its `prefix` is being forced (the set is kept for its `path`).
    Prefix(Gc<Attrs>),
    /// Its `path` is being forced.
    Path(String),
    /// Its `path`, a set, is being coerced to a string.
    PathText(String),
    /// The name is being forced.
    Name,
}

struct FindFile {
    entries: Gc<Vec<Value>>,
    name: Value,
    index: usize,
    resolved: Vec<(String, String)>,
    state: FindState,
}

impl Cont for FindFile {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.entries);
        self.name.trace(t);
        if let FindState::Prefix(s) = &self.state {
            t.mark(*s);
        }
    }
    fn resume(&mut self, vm: &mut Vm, input: Value) -> Result<Step> {
        let mut input = input;
        loop {
            match std::mem::replace(&mut self.state, FindState::Entry) {
                FindState::Entry => {
                    let e = match self.entries.get(self.index) {
                        Some(e) => e,
                        None => {
                            self.state = FindState::Name;
                            if !self.name.is_forced() {
                                return Ok(Step::Force(self.name));
                            }
                            continue;
                        }
                    };
                    if !e.is_forced() {
                        return Ok(Step::Force(*e));
                    }
                    let set = super::attrset(&e.shallow())?;
                    let prefix = set.get_str("prefix").cloned();
                    self.state = FindState::Prefix(set);
                    match prefix {
                        Some(p) if !p.is_forced() => return Ok(Step::Force(p)),
                        Some(p) => input = p.shallow(),
                        None => input = Value::string(""),
                    }
                }
                FindState::Prefix(set) => {
                    let prefix = super::string_no_context(&input)?;
                    let path = match set.get_str("path") {
                        Some(p) => *p,
                        None => {
                            return Err(Error::eval(
                                "attribute 'path' missing for call to 'findFile'",
                            ))
                        }
                    };
                    self.state = FindState::Path(prefix.as_str_lossy().into_owned());
                    if !path.is_forced() {
                        return Ok(Step::Force(path));
                    }
                    input = path.shallow();
                }
                FindState::Path(prefix) => {
                    // Coerced without copying to the store: a path stays text.
                    let text = match &input {
                        Value::String(s) => s.as_str_lossy().into_owned(),
                        Value::Path(p) => p.path.clone(),
                        Value::Attrs(_) => {
                            self.state = FindState::PathText(prefix);
                            return Ok(Step::Sub(Box::new(Concat::new(
                                vec![input],
                                Mode::ToString,
                            ))));
                        }
                        other => return Err(crate::error::type_error::cannot_coerce(other)),
                    };
                    self.resolved.push((prefix, text));
                    self.index += 1;
                }
                FindState::PathText(prefix) => {
                    let text = string(&input)?.as_str_lossy().into_owned();
                    self.resolved.push((prefix, text));
                    self.index += 1;
                }
                FindState::Name => {
                    let name = string(&self.name.shallow())?.as_str_lossy().into_owned();
                    return Ok(Step::Done(search(vm, &self.resolved, &name)?));
                }
            }
        }
    }
}

/// Look `name` up in resolved search path entries.
pub fn search(vm: &mut Vm, entries: &[(String, String)], name: &str) -> Result<Value> {
    for (prefix, path) in entries {
        let suffix = if prefix.is_empty() {
            format!("/{}", name)
        } else {
            match name.strip_prefix(prefix.as_str()) {
                Some("") => String::new(),
                Some(rest) if rest.starts_with('/') => format!("/{}", rest),
                _ => continue,
            }
        };
        let Some(base) = resolve_entry(vm, path)? else {
            continue;
        };
        let candidate = format!("{}{}", base, suffix);
        if vm.io.file_type(&candidate).is_ok() {
            return Ok(Value::path(crate::compiler::canon_path(&candidate)));
        }
    }
    if let Some(rest) = name.strip_prefix("nix/") {
        return Ok(Value::path(format!("/__corepkgs__/{}", rest)));
    }
    Err(Error::new(
        ErrorKind::Throw,
        format!(
            "file '{}' was not found in the Nix search path (add it using $NIX_PATH or -I)",
            name
        ),
    ))
}

/// The directory a search path entry stands for, or `None` if it cannot be
/// used. Nix looks at each entry (by its text) once per evaluation and warns
/// then about one it cannot use.
fn resolve_entry(vm: &mut Vm, path: &str) -> Result<Option<String>> {
    let usable = match vm.search_path_resolved.get(path) {
        Some(usable) => *usable,
        None => {
            let usable = check_entry(vm, path)?;
            vm.search_path_resolved.insert(path.to_string(), usable);
            usable
        }
    };
    Ok(usable.then(|| entry_dir(vm, path)))
}

/// An entry's path made absolute against the working directory.
fn entry_dir(vm: &Vm, path: &str) -> String {
    if path.starts_with('/') {
        crate::compiler::canon_path(path)
    } else {
        crate::compiler::canon_path(&format!("{}/{}", vm.io.current_dir(), path))
    }
}

/// Whether an entry can be used, warning if not. URLs would be downloaded;
/// Tangle has no fetcher, so it treats them as Nix does when the download
/// fails.
fn check_entry(vm: &mut Vm, path: &str) -> Result<bool> {
    if is_uri(path) {
        if path.starts_with("s3://") {
            // The message of Nix 2.8 built without S3 support.
            return Err(Error::eval(format!(
                "cannot download '{}' because Nix is not built with S3 support",
                path
            ))
            .positionless());
        }
        vm.io.trace(&format!(
            "warning: Nix search path entry '{}' cannot be downloaded, ignoring",
            path
        ));
        return Ok(false);
    }
    if vm.io.file_type(&entry_dir(vm, path)).is_err() {
        vm.io.trace(&format!(
            "warning: Nix search path entry '{}' does not exist, ignoring",
            path
        ));
        return Ok(false);
    }
    Ok(true)
}

/// Whether a search path entry is a URL Nix 2.8 would download: `channel:`
/// or one of the schemes its fetcher knows. Anything else is a path.
fn is_uri(path: &str) -> bool {
    if path.starts_with("channel:") {
        return true;
    }
    match path.split_once("://") {
        Some((scheme, _)) => matches!(
            scheme,
            "http" | "https" | "file" | "channel" | "git" | "s3" | "ssh"
        ),
        None => false,
    }
}
