//! Nix's base-32: the alphabet leaves out `e`, `o`, `u` and `t` (so no
//! words form by accident), and the digits run from the *last* byte to the
//! first, taking 5 bits at a time from the little end. The result is not
//! RFC 4648 base-32; store paths and `nix-hash --base32` use this one.

use std::fmt;

pub const ALPHABET: &[u8; 32] = b"0123456789abcdfghijklmnpqrsvwxyz";

/// Length of the encoding of `n` bytes.
pub fn encoded_len(n: usize) -> usize {
    if n == 0 {
        0
    } else {
        (n * 8 - 1) / 5 + 1
    }
}

/// Number of bytes a string of `len` digits decodes to.
pub fn decoded_len(len: usize) -> usize {
    len * 5 / 8
}

pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(encoded_len(bytes.len()));
    encode_into(bytes, &mut out);
    out
}

/// [`encode`], appending to `out`.
pub fn encode_into(bytes: &[u8], out: &mut String) {
    let len = encoded_len(bytes.len());
    out.reserve(len);
    for n in (0..len).rev() {
        let bit = n * 5;
        let i = bit / 8;
        let j = bit % 8;
        // `i` is below `bytes.len()` because `n < encoded_len`.
        let low = u16::from(bytes[i]) >> j;
        let high = match bytes.get(i + 1) {
            Some(b) => u16::from(*b) << (8 - j),
            None => 0,
        };
        out.push(char::from(ALPHABET[usize::from((low | high) & 0x1f)]));
    }
}

/// The value of one digit, if it is one.
pub fn digit_value(c: u8) -> Option<u8> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u8)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Base32Error {
    /// A character outside the alphabet.
    InvalidChar(u8),
    /// The digits carry set bits beyond the decoded length.
    TrailingBits,
}

impl fmt::Display for Base32Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Base32Error::InvalidChar(c) => {
                write!(f, "invalid character in base-32 string: '{}'", *c as char)
            }
            Base32Error::TrailingBits => f.write_str("base-32 string has excess bits set"),
        }
    }
}

impl std::error::Error for Base32Error {}

/// Decode into `decoded_len(s.len())` bytes; bits that do not fit must be
/// zero, as Nix requires.
pub fn decode(s: &[u8]) -> Result<Vec<u8>, Base32Error> {
    let size = decoded_len(s.len());
    let mut out = vec![0u8; size];
    for (n, &c) in s.iter().rev().enumerate() {
        let digit = digit_value(c).ok_or(Base32Error::InvalidChar(c))?;
        let bit = n * 5;
        let i = bit / 8;
        let j = bit % 8;
        let low = (u16::from(digit) << j) as u8;
        let carry = u16::from(digit) >> (8 - j);
        match out.get_mut(i) {
            Some(b) => *b |= low,
            None if low != 0 => return Err(Base32Error::TrailingBits),
            None => {}
        }
        match out.get_mut(i + 1) {
            Some(b) => *b |= carry as u8,
            None if carry != 0 => return Err(Base32Error::TrailingBits),
            None => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    // Vectors from `nix-hash --type T --to-base32 HEX` (Nix 2.8).
    const VECTORS: &[(&str, &str)] = &[
        (
            "b1946ac92492d2347c6235b4d2611184",
            "4425hx5d1mc9y39llj4k4nm55i",
        ),
        (
            "f572d396fae9206628714fb2ce00f72e94f2258f",
            "iwjz551fyw0cxcjgf4l6c879zabd6wpm",
        ),
        (
            "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03",
            "00xyyr3fi8l6hb839bv3f7yb86yjv7xi1cgh1xnhipym4asvb4aq",
        ),
        (
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73",
        ),
        (
            "e7c22b994c59d9cf2b48e549b1e24666636045930d3da7c1acb299d1c3b7f931f94aae41edda2c2b207a36e10f8bcb8d45223e54878f5b316e7ce3b6bc019629",
            "0lrc0dwnvipqviibf7qfm1y492qvjwb1zhkcyi05cndmva1mr5gjcgrnz1x36djmk0sfg8djd2n0qv68vib2jg590mwznar9jcjphp7",
        ),
    ];

    #[test]
    fn encode_matches_nix() {
        for (h, b32) in VECTORS {
            assert_eq!(encode(&hex(h)), *b32);
            assert_eq!(encoded_len(hex(h).len()), b32.len());
        }
    }

    #[test]
    fn decode_round_trips() {
        for (h, b32) in VECTORS {
            assert_eq!(decode(b32.as_bytes()).unwrap(), hex(h));
        }
    }

    #[test]
    fn empty() {
        assert_eq!(encode(&[]), "");
        assert_eq!(decode(b"").unwrap(), Vec::<u8>::new());
    }

    #[test]
    fn rejects_bad_digits_and_excess_bits() {
        // `e`, `o`, `u`, `t` are not digits.
        assert_eq!(
            decode(b"0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c7e"),
            Err(Base32Error::InvalidChar(b'e'))
        );
        // 52 digits hold 260 bits; the top 4 must be zero for 32 bytes
        // (`nix-hash --type sha256 --to-base16 zmdq…` fails the same way).
        assert_eq!(
            decode(b"zmdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73"),
            Err(Base32Error::TrailingBits)
        );
    }
}
