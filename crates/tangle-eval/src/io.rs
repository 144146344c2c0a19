//! The evaluator's only door to the outside world. An embedding (a test, a
//! sandbox, Python) can supply its own [`Io`].

use std::io;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileType {
    Regular,
    Directory,
    Symlink,
    Unknown,
}

impl FileType {
    /// The name `builtins.readDir` / `readFileType` use.
    pub fn nix_name(self) -> &'static str {
        match self {
            FileType::Regular => "regular",
            FileType::Directory => "directory",
            FileType::Symlink => "symlink",
            FileType::Unknown => "unknown",
        }
    }
}

pub trait Io {
    fn read_file(&self, path: &str) -> io::Result<Vec<u8>>;
    /// The type of the file at `path`, not following a final symlink.
    fn file_type(&self, path: &str) -> io::Result<FileType>;
    /// Follows symlinks.
    fn is_dir(&self, path: &str) -> bool;
    fn read_dir(&self, path: &str) -> io::Result<Vec<(String, FileType)>>;
    fn get_env(&self, name: &str) -> Option<String>;
    /// Where `builtins.trace` and warnings go.
    fn trace(&self, line: &str);
    /// The SHA-256 of the NAR serialisation of `path` (what copying it to
    /// the store hashes). `keep` is asked about every object below `path`
    /// (full path, type); a refused directory is not entered. The default
    /// reads the real file system.
    fn nar_hash(
        &self,
        path: &str,
        keep: &mut dyn FnMut(&str, FileType) -> bool,
    ) -> io::Result<tangle_store::Hash> {
        let mut filter = |p: &std::path::Path, kind: tangle_store::FileKind| {
            let t = match kind {
                tangle_store::FileKind::Regular => FileType::Regular,
                tangle_store::FileKind::Directory => FileType::Directory,
                tangle_store::FileKind::Symlink => FileType::Symlink,
                tangle_store::FileKind::Unknown => FileType::Unknown,
            };
            keep(&p.to_string_lossy(), t)
        };
        tangle_store::nar::hash_path(
            std::path::Path::new(path),
            tangle_store::HashAlgo::Sha256,
            &mut filter,
        )
        .map(|(h, _)| h)
    }
    /// Whether the store object `path` (`<store dir>/<hash>-<name>`) is
    /// valid, which `builtins.storePath` requires outside `--eval` mode
    /// (objects made by the evaluation itself count as valid without
    /// asking). Tangle has no store database: the default says yes when
    /// something exists at that path in the file system; an embedding
    /// with a real store can ask it instead.
    fn store_path_exists(&self, path: &str) -> bool {
        self.file_type(path).is_ok()
    }
    /// Seconds since the Unix epoch (`builtins.currentTime`).
    fn current_time(&self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    }
    /// The directory relative search path entries are resolved against.
    fn current_dir(&self) -> String {
        std::env::current_dir()
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_else(|_| "/".to_string())
    }
}

/// The real file system and process environment.
pub struct StdIo;

fn convert(ft: std::fs::FileType) -> FileType {
    if ft.is_symlink() {
        FileType::Symlink
    } else if ft.is_dir() {
        FileType::Directory
    } else if ft.is_file() {
        FileType::Regular
    } else {
        FileType::Unknown
    }
}

impl Io for StdIo {
    fn read_file(&self, path: &str) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn file_type(&self, path: &str) -> io::Result<FileType> {
        Ok(convert(std::fs::symlink_metadata(path)?.file_type()))
    }

    fn is_dir(&self, path: &str) -> bool {
        std::fs::metadata(path).map(|m| m.is_dir()).unwrap_or(false)
    }

    fn read_dir(&self, path: &str) -> io::Result<Vec<(String, FileType)>> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(path)? {
            let entry = entry?;
            out.push((
                entry.file_name().to_string_lossy().into_owned(),
                convert(entry.file_type()?),
            ));
        }
        Ok(out)
    }

    fn get_env(&self, name: &str) -> Option<String> {
        std::env::var(name).ok()
    }

    fn trace(&self, line: &str) {
        eprintln!("{}", line);
    }
}

/// The message C++ Nix puts after a path in I/O errors.
pub fn describe_io_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "No such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}
