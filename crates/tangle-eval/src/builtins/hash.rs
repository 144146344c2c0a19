//! Hashing builtins: `hashString`, `hashFile`, `convertHash`.
//!
//! Nix checks the algorithm name before it forces the data, so only the
//! first argument is strict; the rest is forced by a continuation.

use super::{attrset, string, PrimOpDef, PrimRet};
use crate::error::{Error, Result};
use crate::gc::{Gc, Trace, Tracer};
use crate::io::describe_io_error;
use crate::value::{Attrs, Value};
use crate::vm::deep::CallOnce;
use crate::vm::{Cont, Step, Vm};
use tangle_store::{Hash, HashAlgo, HashError, HashFormat};

pub static PRIMOPS: &[PrimOpDef] = &[
    prim!("hashString", 2, 1, hash_string),
    prim!("hashFile", 2, 1, hash_file),
    prim!("convertHash", 1, 1, convert_hash),
];

/// Nix raises unknown names of algorithms and formats as usage errors,
/// which its command line follows with a hint line; they are not caught by
/// `tryEval`.
fn usage_error(message: String) -> Error {
    let mut e = Error::eval(message);
    e.usage = true;
    e
}

fn hash_error(e: HashError) -> Error {
    if e.is_usage_error() {
        usage_error(e.to_string())
    } else {
        Error::eval(e.to_string())
    }
}

fn algo_arg(v: &Value) -> Result<HashAlgo> {
    HashAlgo::parse(&super::text_no_context(v)?).map_err(hash_error)
}

fn hex_of(algo: HashAlgo, data: &[u8]) -> Value {
    Value::string(algo.digest(data).to_base16())
}

/// `hashString type s`: the base-16 hash of the bytes of `s` (its context
/// is ignored).
fn hash_string(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let algo = algo_arg(&a[0])?;
    Ok(PrimRet::Cont(Box::new(ForceThen {
        arg: Some(a[1]),
        algo,
    })))
}

/// Force the data argument, then hash the string.
struct ForceThen {
    arg: Option<Value>,
    algo: HashAlgo,
}

impl Cont for ForceThen {
    fn trace(&self, t: &mut Tracer) {
        self.arg.trace(t);
    }
    fn resume(&mut self, _: &mut Vm, input: Value) -> Result<Step> {
        match self.arg.take() {
            Some(v) => Ok(Step::Force(v)),
            None => Ok(Step::Done(hex_of(self.algo, &string(&input)?.bytes))),
        }
    }
}

/// `hashFile type p`: the base-16 hash of the file's contents.
fn hash_file(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let algo = algo_arg(&a[0])?;
    Ok(PrimRet::Cont(Box::new(HashFile {
        algo,
        next: Some(a[1]),
        coercing: true,
    })))
}

/// Coerce the argument to a path the way Nix does before reading a file
/// (strings, paths, sets with `__toString` or `outPath`; no copying to the
/// store), then read and hash it.
struct HashFile {
    algo: HashAlgo,
    /// A value to coerce that may still need forcing.
    next: Option<Value>,
    /// Still working out the path: Nix adds a trace entry to errors from
    /// this part, which makes it print the `--show-trace` hint.
    coercing: bool,
}

impl Cont for HashFile {
    fn trace(&self, t: &mut Tracer) {
        self.next.trace(t);
    }
    fn resume(&mut self, vm: &mut Vm, input: Value) -> Result<Step> {
        // The value to coerce: `next`, or the result of forcing it or of a
        // `__toString` call.
        let v = self.next.take().unwrap_or(input);
        if !v.is_forced() {
            self.next = Some(v);
            return Ok(Step::Force(v));
        }
        let v = v.shallow();
        let path = match &v {
            Value::Path(_) | Value::String(_) => super::control::real_path(vm, &v)?,
            Value::Attrs(set) => {
                if let Some(f) = set.get_str("__toString") {
                    return Ok(Step::Sub(Box::new(CallOnce::new(*f, v))));
                }
                if let Some(out) = set.get_str("outPath") {
                    self.next = Some(*out);
                    return Ok(Step::Force(*out));
                }
                return Err(crate::error::type_error::cannot_coerce(&v));
            }
            other => return Err(crate::error::type_error::cannot_coerce(other)),
        };
        self.coercing = false;
        let bytes = vm.io.read_file(&path).map_err(|e| {
            // Opening a directory succeeds; reading it is what fails.
            if e.kind() == std::io::ErrorKind::IsADirectory || vm.io.is_dir(&path) {
                Error::eval(format!("reading from file: {}", describe_io_error(&e)))
            } else {
                Error::eval(format!(
                    "opening file '{}': {}",
                    path,
                    describe_io_error(&e)
                ))
            }
        })?;
        Ok(Step::Done(hex_of(self.algo, &bytes)))
    }

    fn unwinding(&mut self, err: &mut Error) {
        if self.coercing {
            err.trace_hint = true;
        }
    }
}

/// `convertHash { hash; toHashFormat; hashAlgo ? }` (Nix 2.19 and later):
/// another textual form of a hash. The attributes are forced in Nix's
/// order: `hash`, `hashAlgo`, `toHashFormat`.
fn convert_hash(_: &mut Vm, a: &mut [Value]) -> Result<PrimRet> {
    let attrs = attrset(&a[0])?;
    Ok(PrimRet::Cont(Box::new(ConvertHash {
        attrs,
        stage: Stage::Hash,
        hash: String::new(),
        algo: None,
    })))
}

#[derive(Clone, Copy)]
enum Stage {
    Hash,
    GotHash,
    GotAlgo,
    GotFormat,
}

struct ConvertHash {
    attrs: Gc<Attrs>,
    stage: Stage,
    hash: String,
    algo: Option<HashAlgo>,
}

impl ConvertHash {
    fn required(&self, name: &str) -> Result<Value> {
        self.attrs
            .get_str(name)
            .cloned()
            .ok_or_else(|| Error::eval(format!("attribute '{}' missing", name)))
    }
}

impl Cont for ConvertHash {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.attrs);
    }
    fn resume(&mut self, vm: &mut Vm, input: Value) -> Result<Step> {
        match self.stage {
            Stage::Hash => {
                self.stage = Stage::GotHash;
                Ok(Step::Force(self.required("hash")?))
            }
            Stage::GotHash => {
                self.hash = super::text_no_context(&input)?;
                if let Some(v) = self.attrs.get_str("hashAlgo") {
                    self.stage = Stage::GotAlgo;
                    return Ok(Step::Force(*v));
                }
                self.stage = Stage::GotFormat;
                Ok(Step::Force(self.required("toHashFormat")?))
            }
            Stage::GotAlgo => {
                self.algo = Some(algo_arg(&input)?);
                self.stage = Stage::GotFormat;
                Ok(Step::Force(self.required("toHashFormat")?))
            }
            Stage::GotFormat => {
                let name = super::text_no_context(&input)?;
                let format = HashFormat::from_name(&name).ok_or_else(|| {
                    usage_error(format!(
                        "unknown hash format '{}', expect 'base16', 'base32', 'base64', or 'sri'",
                        name
                    ))
                })?;
                if name == "base32" {
                    vm.io.trace(
                        "warning: \"base32\" is a deprecated alias for hash format \"nix32\".",
                    );
                }
                let hash = Hash::parse_any(&self.hash, self.algo).map_err(hash_error)?;
                Ok(Step::Done(Value::string(
                    hash.to_string(format, format == HashFormat::Sri),
                )))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::io::{FileType, Io};
    use crate::{EvalOptions, Evaluator, StdIo, Value};
    use std::rc::Rc;

    fn eval_with(io: Rc<dyn Io>, src: &str) -> Result<String, String> {
        let mut ev = Evaluator::new(EvalOptions::default(), io);
        match ev
            .eval_string(src, "«test»", "/")
            .and_then(|v| ev.force_deep(&v))
        {
            Ok(Value::String(s)) => Ok(s.as_str_lossy().into_owned()),
            Ok(_) => Err("not a string".into()),
            Err(e) => Err(e.message.clone()),
        }
    }

    fn eval(src: &str) -> Result<String, String> {
        eval_with(Rc::new(StdIo), src)
    }

    #[test]
    fn hash_string_every_algo() {
        // nix-instantiate --eval -E 'builtins.hashString "ALGO" "abc"'
        for (algo, want) in [
            ("md5", "900150983cd24fb0d6963f7d28e17f72"),
            ("sha1", "a9993e364706816aba3e25717850c26c9cd0d89d"),
            ("sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("sha512", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
        ] {
            let src = format!(r#"builtins.hashString "{}" "abc""#, algo);
            assert_eq!(eval(&src).as_deref(), Ok(want));
        }
    }

    #[test]
    fn unknown_algo_is_checked_before_the_data_is_forced() {
        // nix-instantiate --eval -E 'builtins.hashString "sha3" (throw "x")'
        assert_eq!(
            eval(r#"builtins.hashString "sha3" (throw "x")"#).unwrap_err(),
            "unknown hash algorithm 'sha3'"
        );
    }

    /// A file system with one file, to show `hashFile` reads through `Io`.
    struct OneFile;

    impl Io for OneFile {
        fn read_file(&self, path: &str) -> std::io::Result<Vec<u8>> {
            match path {
                "/virtual/hello" => Ok(b"hello\n".to_vec()),
                _ => Err(std::io::ErrorKind::NotFound.into()),
            }
        }
        fn file_type(&self, _: &str) -> std::io::Result<FileType> {
            Ok(FileType::Regular)
        }
        fn is_dir(&self, _: &str) -> bool {
            false
        }
        fn read_dir(&self, _: &str) -> std::io::Result<Vec<(String, FileType)>> {
            Ok(Vec::new())
        }
        fn get_env(&self, _: &str) -> Option<String> {
            None
        }
        fn trace(&self, _: &str) {}
    }

    #[test]
    fn hash_file_reads_through_io() {
        // `nix-hash --flat --type sha256 f` of a file holding "hello\n".
        assert_eq!(
            eval_with(
                Rc::new(OneFile),
                r#"builtins.hashFile "sha256" /virtual/hello"#
            )
            .as_deref(),
            Ok("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03")
        );
        assert_eq!(
            eval_with(
                Rc::new(OneFile),
                r#"builtins.hashFile "md5" /virtual/other"#
            )
            .unwrap_err(),
            "opening file '/virtual/other': No such file or directory"
        );
    }
}
