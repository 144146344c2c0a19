//! Hash algorithms and every textual form of a hash that Nix reads or
//! writes: base-16, Nix base-32, base-64, SRI (`sha256-…`) and the
//! `algo:digest` prefixed form.

use crate::base32;
use base64::Engine as _;
use sha1::Digest as _;
use std::fmt;
use std::io;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HashAlgo {
    Md5,
    Sha1,
    Sha256,
    Sha512,
}

/// The largest digest (SHA-512).
pub const MAX_HASH_SIZE: usize = 64;

impl HashAlgo {
    pub const ALL: [HashAlgo; 4] = [
        HashAlgo::Md5,
        HashAlgo::Sha1,
        HashAlgo::Sha256,
        HashAlgo::Sha512,
    ];

    /// Only the lowercase names Nix prints are accepted.
    pub fn from_name(name: &str) -> Option<HashAlgo> {
        match name {
            "md5" => Some(HashAlgo::Md5),
            "sha1" => Some(HashAlgo::Sha1),
            "sha256" => Some(HashAlgo::Sha256),
            "sha512" => Some(HashAlgo::Sha512),
            _ => None,
        }
    }

    /// Like [`HashAlgo::from_name`], with Nix's error for an unknown name.
    pub fn parse(name: &str) -> Result<HashAlgo, HashError> {
        HashAlgo::from_name(name).ok_or_else(|| HashError::UnknownAlgo(name.to_string()))
    }

    pub fn name(self) -> &'static str {
        match self {
            HashAlgo::Md5 => "md5",
            HashAlgo::Sha1 => "sha1",
            HashAlgo::Sha256 => "sha256",
            HashAlgo::Sha512 => "sha512",
        }
    }

    /// Digest size in bytes.
    pub fn size(self) -> usize {
        match self {
            HashAlgo::Md5 => 16,
            HashAlgo::Sha1 => 20,
            HashAlgo::Sha256 => 32,
            HashAlgo::Sha512 => 64,
        }
    }

    pub fn base16_len(self) -> usize {
        self.size() * 2
    }

    pub fn base32_len(self) -> usize {
        base32::encoded_len(self.size())
    }

    /// Padded base-64 length.
    pub fn base64_len(self) -> usize {
        self.size().div_ceil(3) * 4
    }

    pub fn hasher(self) -> Hasher {
        Hasher::new(self)
    }

    pub fn digest(self, data: &[u8]) -> Hash {
        let mut h = self.hasher();
        h.update(data);
        h.finish()
    }
}

impl fmt::Display for HashAlgo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How a hash is written out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashFormat {
    Base16,
    /// Nix's base-32 (`nix32`; "base32" in older interfaces).
    Nix32,
    Base64,
    /// `algo-base64`, always with the algorithm.
    Sri,
}

impl HashFormat {
    /// The names `convertHash` and `nix hash convert` take; `base32` is
    /// the older name of `nix32`.
    pub fn from_name(name: &str) -> Option<HashFormat> {
        match name {
            "base16" => Some(HashFormat::Base16),
            "nix32" | "base32" => Some(HashFormat::Nix32),
            "base64" => Some(HashFormat::Base64),
            "sri" => Some(HashFormat::Sri),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            HashFormat::Base16 => "base16",
            HashFormat::Nix32 => "nix32",
            HashFormat::Base64 => "base64",
            HashFormat::Sri => "sri",
        }
    }
}

/// A digest together with its algorithm.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Hash {
    algo: HashAlgo,
    bytes: [u8; MAX_HASH_SIZE],
}

impl fmt::Debug for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string(HashFormat::Base16, true))
    }
}

impl PartialOrd for Hash {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Hash {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.algo, self.as_bytes()).cmp(&(other.algo, other.as_bytes()))
    }
}

/// Why a hash could not be parsed; `Display` gives Nix's wording.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HashError {
    /// Nix reports this one as a usage error (the CLI adds "Try '… --help'
    /// for more information.").
    UnknownAlgo(String),
    BadBase16(String),
    BadBase32(String),
    /// Base-64 of the right length that decodes to the wrong size.
    BadBase64(String),
    BadSri(String),
    /// A character outside the base-64 alphabet. Nix 2.8 prints the
    /// character with a format that comes out empty, so the text is
    /// always `''`.
    InvalidBase64Char,
    WrongLength {
        hash: String,
        algo: HashAlgo,
    },
    /// Neither the string nor the caller says which algorithm.
    NoAlgo(String),
    /// `parse_any_prefixed` got a hash without `algo:`/`algo-`.
    NotPrefixed(String),
    NotSri(String),
    /// The prefix names another algorithm than the caller expects.
    WrongAlgo {
        hash: String,
        expected: HashAlgo,
    },
    EmptyNeedsAlgo,
}

impl HashError {
    /// Errors Nix raises as usage errors rather than plain errors.
    pub fn is_usage_error(&self) -> bool {
        matches!(self, HashError::UnknownAlgo(_))
    }
}

impl fmt::Display for HashError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HashError::UnknownAlgo(s) => write!(f, "unknown hash algorithm '{}'", s),
            HashError::BadBase16(s) => write!(f, "invalid base-16 hash '{}'", s),
            HashError::BadBase32(s) => write!(f, "invalid base-32 hash '{}'", s),
            HashError::BadBase64(s) => write!(f, "invalid base-64 hash '{}'", s),
            HashError::BadSri(s) => write!(f, "invalid SRI hash '{}'", s),
            HashError::InvalidBase64Char => f.write_str("invalid character in Base64 string: ''"),
            HashError::WrongLength { hash, algo } => write!(
                f,
                "hash '{}' has wrong length for hash type '{}'",
                hash, algo
            ),
            HashError::NoAlgo(s) => write!(
                f,
                "hash '{}' does not include a type, nor is the type otherwise known from context.",
                s
            ),
            HashError::NotPrefixed(s) => write!(f, "hash '{}' does not include a type", s),
            HashError::NotSri(s) => write!(f, "hash '{}' is not SRI", s),
            HashError::WrongAlgo { hash, expected } => {
                write!(f, "hash '{}' should have type '{}'", hash, expected)
            }
            HashError::EmptyNeedsAlgo => f.write_str("empty hash requires explicit hash type"),
        }
    }
}

impl std::error::Error for HashError {}

impl Hash {
    /// `None` if `digest` is not exactly `algo.size()` bytes.
    pub fn from_digest(algo: HashAlgo, digest: &[u8]) -> Option<Hash> {
        if digest.len() != algo.size() {
            return None;
        }
        let mut bytes = [0u8; MAX_HASH_SIZE];
        bytes[..digest.len()].copy_from_slice(digest);
        Some(Hash { algo, bytes })
    }

    /// The all-zero hash (what Nix assumes for an empty `outputHash`).
    pub fn zero(algo: HashAlgo) -> Hash {
        Hash {
            algo,
            bytes: [0u8; MAX_HASH_SIZE],
        }
    }

    pub fn algo(&self) -> HashAlgo {
        self.algo
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.algo.size()]
    }

    pub fn to_base16(&self) -> String {
        let mut s = String::with_capacity(self.algo.base16_len());
        self.push_base16(&mut s);
        s
    }

    /// [`Hash::to_base16`], appending to `out`.
    pub fn push_base16(&self, out: &mut String) {
        out.reserve(self.algo.base16_len());
        for b in self.as_bytes() {
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        }
    }

    pub fn to_nix32(&self) -> String {
        base32::encode(self.as_bytes())
    }

    pub fn to_base64(&self) -> String {
        base64::engine::general_purpose::STANDARD.encode(self.as_bytes())
    }

    pub fn to_sri(&self) -> String {
        format!("{}-{}", self.algo, self.to_base64())
    }

    /// `include_algo` adds `algo:` in front (SRI always has its `algo-`).
    pub fn to_string(&self, format: HashFormat, include_algo: bool) -> String {
        let body = match format {
            HashFormat::Base16 => self.to_base16(),
            HashFormat::Nix32 => self.to_nix32(),
            HashFormat::Base64 => self.to_base64(),
            HashFormat::Sri => return self.to_sri(),
        };
        if include_algo {
            format!("{}:{}", self.algo, body)
        } else {
            body
        }
    }

    /// Parse a hash in any form: `algo:body`, `algo-base64` (SRI) or a
    /// bare body whose algorithm `algo` gives. If both give one they must
    /// agree. A bare body's encoding is chosen by its length.
    pub fn parse_any(s: &str, algo: Option<HashAlgo>) -> Result<Hash, HashError> {
        let (prefix, rest, sri) = split_algo(s)?;
        let algo = match (prefix, algo) {
            (None, None) => return Err(HashError::NoAlgo(rest.to_string())),
            (Some(p), Some(a)) if p != a => {
                return Err(HashError::WrongAlgo {
                    hash: s.to_string(),
                    expected: a,
                })
            }
            (Some(p), _) => p,
            (None, Some(a)) => a,
        };
        Hash::parse_body(rest, algo, sri)
    }

    /// A hash that must carry its algorithm (`algo:body` or SRI).
    pub fn parse_any_prefixed(s: &str) -> Result<Hash, HashError> {
        let (prefix, rest, sri) = split_algo(s)?;
        match prefix {
            Some(algo) => Hash::parse_body(rest, algo, sri),
            None => Err(HashError::NotPrefixed(rest.to_string())),
        }
    }

    /// Only `algo-base64`.
    pub fn parse_sri(s: &str) -> Result<Hash, HashError> {
        match s.split_once('-') {
            Some((name, rest)) => Hash::parse_body(rest, HashAlgo::parse(name)?, true),
            None => Err(HashError::NotSri(s.to_string())),
        }
    }

    /// A bare body in base-16, Nix base-32 or base-64 (chosen by length).
    pub fn parse_non_sri_unprefixed(s: &str, algo: HashAlgo) -> Result<Hash, HashError> {
        Hash::parse_body(s, algo, false)
    }

    /// As `outputHash` is read: the empty string means the all-zero hash
    /// (Nix then warns "found empty hash, assuming '<SRI>'"; the caller
    /// prints that warning when the second value is true).
    pub fn parse_allow_empty(s: &str, algo: Option<HashAlgo>) -> Result<(Hash, bool), HashError> {
        if s.is_empty() {
            match algo {
                Some(a) => Ok((Hash::zero(a), true)),
                None => Err(HashError::EmptyNeedsAlgo),
            }
        } else {
            Ok((Hash::parse_any(s, algo)?, false))
        }
    }

    fn parse_body(rest: &str, algo: HashAlgo, sri: bool) -> Result<Hash, HashError> {
        let bytes = rest.as_bytes();
        // `size` is at most MAX_HASH_SIZE, and each branch writes at most
        // `size` bytes into `out`.
        let mut out = [0u8; MAX_HASH_SIZE];
        let size = algo.size();
        if !sri && bytes.len() == algo.base16_len() {
            for (i, pair) in bytes.chunks_exact(2).enumerate() {
                let hi = hex_value(pair[0]).ok_or_else(|| HashError::BadBase16(rest.into()))?;
                let lo = hex_value(pair[1]).ok_or_else(|| HashError::BadBase16(rest.into()))?;
                out[i] = hi << 4 | lo;
            }
        } else if !sri && bytes.len() == algo.base32_len() {
            let decoded = base32::decode(bytes).map_err(|_| HashError::BadBase32(rest.into()))?;
            if decoded.len() != size {
                return Err(HashError::BadBase32(rest.into()));
            }
            out[..size].copy_from_slice(&decoded);
        } else if sri || bytes.len() == algo.base64_len() {
            let decoded = decode_base64_lenient(bytes)?;
            if decoded.len() != size {
                return Err(if sri {
                    HashError::BadSri(rest.into())
                } else {
                    HashError::BadBase64(rest.into())
                });
            }
            out[..size].copy_from_slice(&decoded);
        } else {
            return Err(HashError::WrongLength {
                hash: rest.to_string(),
                algo,
            });
        }
        Ok(Hash { algo, bytes: out })
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Split off `algo:` (tried first) or `algo-` (SRI). Returns the algorithm
/// if there was a prefix, the rest, and whether it was SRI.
fn split_algo(s: &str) -> Result<(Option<HashAlgo>, &str, bool), HashError> {
    if let Some((name, rest)) = s.split_once(':') {
        return Ok((Some(HashAlgo::parse(name)?), rest, false));
    }
    if let Some((name, rest)) = s.split_once('-') {
        return Ok((Some(HashAlgo::parse(name)?), rest, true));
    }
    Ok((None, s, false))
}

/// Base-64 decoding as Nix does it, which is more forgiving than RFC 4648:
/// decoding stops at the first `=`, newlines are skipped, and missing
/// padding or stray low bits are not errors. Hashes that Nix accepts this
/// way must be accepted here too, so the strict decoder of the `base64`
/// crate does not fit.
fn decode_base64_lenient(s: &[u8]) -> Result<Vec<u8>, HashError> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for &c in s {
        let v = match c {
            b'=' => break,
            b'\n' => continue,
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return Err(HashError::InvalidBase64Char),
        };
        acc = (acc << 6 | u32::from(v)) & 0xffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Ok(out)
}

/// XOR-fold a digest into `size` bytes: byte `i` goes into `i % size`.
/// Store paths use the SHA-256 of their fingerprint folded to 20 bytes.
pub fn compress_hash(digest: &[u8], size: usize) -> Vec<u8> {
    let mut out = vec![0u8; size];
    if size == 0 {
        return out;
    }
    for (i, b) in digest.iter().enumerate() {
        out[i % size] ^= b;
    }
    out
}

/// A running hash of one algorithm; also an `io::Write` sink, so a NAR or
/// a file can be streamed into it.
#[derive(Clone)]
pub struct Hasher {
    state: State,
    bytes: u64,
}

#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha256(sha2::Sha256),
    Sha512(sha2::Sha512),
}

impl Hasher {
    pub fn new(algo: HashAlgo) -> Hasher {
        let state = match algo {
            HashAlgo::Md5 => State::Md5(md5::Md5::new()),
            HashAlgo::Sha1 => State::Sha1(sha1::Sha1::new()),
            HashAlgo::Sha256 => State::Sha256(sha2::Sha256::new()),
            HashAlgo::Sha512 => State::Sha512(sha2::Sha512::new()),
        };
        Hasher { state, bytes: 0 }
    }

    pub fn update(&mut self, data: &[u8]) {
        self.bytes += data.len() as u64;
        match &mut self.state {
            State::Md5(h) => h.update(data),
            State::Sha1(h) => h.update(data),
            State::Sha256(h) => h.update(data),
            State::Sha512(h) => h.update(data),
        }
    }

    /// How many bytes went in so far (the NAR size, when hashing a NAR).
    pub fn bytes_hashed(&self) -> u64 {
        self.bytes
    }

    pub fn finish(self) -> Hash {
        let mut bytes = [0u8; MAX_HASH_SIZE];
        // Each digest has exactly `algo.size()` bytes.
        let mut put = |digest: &[u8]| bytes[..digest.len()].copy_from_slice(digest);
        let algo = match self.state {
            State::Md5(h) => {
                put(&h.finalize());
                HashAlgo::Md5
            }
            State::Sha1(h) => {
                put(&h.finalize());
                HashAlgo::Sha1
            }
            State::Sha256(h) => {
                put(&h.finalize());
                HashAlgo::Sha256
            }
            State::Sha512(h) => {
                put(&h.finalize());
                HashAlgo::Sha512
            }
        };
        Hash { algo, bytes }
    }
}

impl io::Write for Hasher {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    #[test]
    fn digests_match_nix() {
        // `nix-instantiate --eval -E 'builtins.hashString "ALGO" "abc"'`
        let abc = [
            (HashAlgo::Md5, "900150983cd24fb0d6963f7d28e17f72"),
            (HashAlgo::Sha1, "a9993e364706816aba3e25717850c26c9cd0d89d"),
            (
                HashAlgo::Sha256,
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            ),
            (
                HashAlgo::Sha512,
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            ),
        ];
        for (algo, hex) in abc {
            assert_eq!(algo.digest(b"abc").to_base16(), hex);
        }
        assert_eq!(HashAlgo::Sha256.digest(b"").to_base16(), EMPTY_SHA256);
    }

    #[test]
    fn every_format_of_one_file() {
        // The file holds "hello\n". `nix-hash --flat --type T f`, then
        // `nix-hash --type T --to-base32 H` and
        // `nix hash to-sri --type T H` / `nix hash to-base64 --type T H`.
        let rows = [
            (
                HashAlgo::Md5,
                "b1946ac92492d2347c6235b4d2611184",
                "4425hx5d1mc9y39llj4k4nm55i",
                "sZRqySSS0jR8YjW00mERhA==",
            ),
            (
                HashAlgo::Sha1,
                "f572d396fae9206628714fb2ce00f72e94f2258f",
                "iwjz551fyw0cxcjgf4l6c879zabd6wpm",
                "9XLTlvrpIGYocU+yzgD3LpTyJY8=",
            ),
            (
                HashAlgo::Sha256,
                "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03",
                "00xyyr3fi8l6hb839bv3f7yb86yjv7xi1cgh1xnhipym4asvb4aq",
                "WJG1tSLV3whtD/CxEPvZ0hu0/HFjrzTQgoai6Eb2vgM=",
            ),
            (
                HashAlgo::Sha512,
                "e7c22b994c59d9cf2b48e549b1e24666636045930d3da7c1acb299d1c3b7f931f94aae41edda2c2b207a36e10f8bcb8d45223e54878f5b316e7ce3b6bc019629",
                "0lrc0dwnvipqviibf7qfm1y492qvjwb1zhkcyi05cndmva1mr5gjcgrnz1x36djmk0sfg8djd2n0qv68vib2jg590mwznar9jcjphp7",
                "58IrmUxZ2c8rSOVJseJGZmNgRZMNPafBrLKZ0cO3+TH5Sq5B7dosKyB6NuEPi8uNRSI+VIePWzFufOO2vAGWKQ==",
            ),
        ];
        for (algo, b16, b32, b64) in rows {
            let h = algo.digest(b"hello\n");
            assert_eq!(h.to_base16(), b16);
            assert_eq!(h.to_nix32(), b32);
            assert_eq!(h.to_base64(), b64);
            assert_eq!(h.to_sri(), format!("{}-{}", algo, b64));
            assert_eq!(
                h.to_string(HashFormat::Base16, true),
                format!("{}:{}", algo, b16)
            );
            for s in [b16, b32, b64] {
                assert_eq!(Hash::parse_any(s, Some(algo)), Ok(h));
                assert_eq!(Hash::parse_any(&format!("{}:{}", algo, s), None), Ok(h));
                assert_eq!(Hash::parse_non_sri_unprefixed(s, algo), Ok(h));
            }
            assert_eq!(Hash::parse_any(&h.to_sri(), None), Ok(h));
            assert_eq!(Hash::parse_sri(&h.to_sri()), Ok(h));
            assert_eq!(Hash::parse_any_prefixed(&h.to_sri()), Ok(h));
        }
    }

    fn err(s: &str, algo: Option<HashAlgo>) -> String {
        Hash::parse_any(s, algo).unwrap_err().to_string()
    }

    #[test]
    fn parse_errors_match_nix() {
        // Texts from `nix-hash --type sha256 --to-base16 INPUT` (Nix 2.8).
        let s = Some(HashAlgo::Sha256);
        assert_eq!(
            err("sha1:0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73", s),
            "hash 'sha1:0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73' should have type 'sha256'"
        );
        assert_eq!(
            err("sha256-47DEQpj8HBSa", s),
            "invalid SRI hash '47DEQpj8HBSa'"
        );
        assert_eq!(
            err("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF=", s),
            "invalid SRI hash '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF='"
        );
        assert_eq!(
            err("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF!", s),
            "invalid character in Base64 string: ''"
        );
        assert_eq!(
            err("abc", s),
            "hash 'abc' has wrong length for hash type 'sha256'"
        );
        assert_eq!(
            err(
                "g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                s
            ),
            "invalid base-16 hash 'g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'"
        );
        assert_eq!(
            err("emdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73", s),
            "invalid base-32 hash 'emdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73'"
        );
        assert_eq!(
            err("zmdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73", s),
            "invalid base-32 hash 'zmdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73'"
        );
        // Unpadded base-64 is only base-64 in SRI form.
        assert_eq!(
            err("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", s),
            "hash '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU' has wrong length for hash type 'sha256'"
        );
        assert_eq!(err("foo:abc", s), "unknown hash algorithm 'foo'");
        assert_eq!(err("foo-abc", s), "unknown hash algorithm 'foo'");
        assert!(Hash::parse_any("foo-abc", s).unwrap_err().is_usage_error());
        assert_eq!(
            err(EMPTY_SHA256, None),
            format!(
                "hash '{}' does not include a type, nor is the type otherwise known from context.",
                EMPTY_SHA256
            )
        );
    }

    #[test]
    fn lenient_forms_nix_accepts() {
        // All accepted by `nix-hash --type sha256 --to-base16` and give
        // the hash of the empty string.
        let want = Hash::parse_any(EMPTY_SHA256, Some(HashAlgo::Sha256)).unwrap();
        for s in [
            "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU",
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=garbage!!",
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFV",
            "sha256-47DEQpj8HBSa+/TImW+5JCeu\nQeRkm5NMpJWZG3hSuFU=",
            "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73",
        ] {
            assert_eq!(
                Hash::parse_any(s, Some(HashAlgo::Sha256)),
                Ok(want),
                "{}",
                s
            );
        }
    }

    #[test]
    fn empty_outputs_hash() {
        let (h, warn) = Hash::parse_allow_empty("", Some(HashAlgo::Sha256)).unwrap();
        assert!(warn);
        assert_eq!(h.to_base16(), "0".repeat(64));
        assert_eq!(
            Hash::parse_allow_empty("", None).unwrap_err().to_string(),
            "empty hash requires explicit hash type"
        );
    }

    #[test]
    fn compress_matches_nix_truncate() {
        // `nix-hash --type sha256 --truncate f` (NAR of a file "hello\n")
        // against `nix-store --dump f | sha256sum`.
        let nar = Hash::parse_any(
            "1c37d01af40be2e80691de3cc3df44377a699afbb17c68f080964b2fd071fc13",
            Some(HashAlgo::Sha256),
        )
        .unwrap();
        let c = compress_hash(nar.as_bytes(), 20);
        let hex: String = c.iter().map(|b| format!("{:02x}", b)).collect();
        assert_eq!(hex, "ad4bb8ea749da9c7d6e0222fc3df44377a699afb");
        assert_eq!(
            crate::base32::encode(&c),
            "zfd6jyip8kgw6br2w3bcgacxfkmbhjxd"
        );
    }

    #[test]
    fn streaming_equals_one_shot() {
        let mut h = HashAlgo::Sha512.hasher();
        h.update(b"hel");
        h.update(b"lo\n");
        assert_eq!(h.bytes_hashed(), 6);
        assert_eq!(h.finish(), HashAlgo::Sha512.digest(b"hello\n"));
    }
}
