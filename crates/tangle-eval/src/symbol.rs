//! Interned identifiers and attribute names.
//!
//! A [`Symbol`] is a pointer to a leaked, deduplicated name: equality is a
//! pointer comparison, ordering is byte order of the names (the order Nix
//! sorts attribute sets in). Names are never freed; the set of distinct names
//! an evaluation sees is small and bounded by its source text and data.

use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::fmt;

#[derive(Clone, Copy)]
pub struct Symbol(&'static Name);

/// An interned name and its ordering key.
struct Name {
    /// The first 8 bytes of the name, big-endian, zero-padded: two names
    /// whose keys differ are ordered as their keys are (a shorter name
    /// pads with zeros, which sort before any byte that differs), so most
    /// comparisons in attribute lookups never touch the text.
    key: u64,
    text: &'static str,
}

thread_local! {
    // Fx hashing: interning happens on every dynamic attribute name, and
    // SipHash showed up in profiles of attribute-heavy code.
    static INTERNER: RefCell<FxHashMap<&'static str, Symbol>> = RefCell::new(FxHashMap::default());
}

fn order_key(text: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let n = text.len().min(8);
    bytes[..n].copy_from_slice(&text.as_bytes()[..n]);
    u64::from_be_bytes(bytes)
}

/// Names the evaluator itself looks up often (see [`Symbol::known`]).
#[derive(Clone, Copy)]
pub enum Known {
    Type,
    OutPath,
    Functor,
    ToString,
    Name,
    Value,
    Overrides,
}

const KNOWN_NAMES: [&str; 7] = [
    "type",
    "outPath",
    "__functor",
    "__toString",
    "name",
    "value",
    "__overrides",
];

thread_local! {
    static KNOWN: [Symbol; 7] = KNOWN_NAMES.map(Symbol::new);
}

impl Symbol {
    /// A name the evaluator looks up often, interned once per thread.
    #[inline]
    pub fn known(name: Known) -> Symbol {
        KNOWN.with(|k| k[name as usize])
    }

    pub fn new(name: &str) -> Symbol {
        INTERNER.with(|set| {
            let mut set = set.borrow_mut();
            if let Some(existing) = set.get(name) {
                return *existing;
            }
            let text: &'static str = Box::leak(name.to_owned().into_boxed_str());
            let symbol = Symbol(Box::leak(Box::new(Name {
                key: order_key(text),
                text,
            })));
            set.insert(text, symbol);
            symbol
        })
    }

    pub fn as_str(self) -> &'static str {
        self.0.text
    }

    /// How many names this thread has interned, and their bytes.
    pub fn interned() -> (usize, usize) {
        INTERNER.with(|set| {
            let set = set.borrow();
            (set.len(), set.keys().map(|k| k.len()).sum())
        })
    }

    /// Compare with a name that may not be interned, in the order symbols
    /// sort in.
    #[inline]
    pub fn cmp_str(self, other: &str) -> std::cmp::Ordering {
        match self.0.key.cmp(&order_key(other)) {
            std::cmp::Ordering::Equal => self.0.text.as_bytes().cmp(other.as_bytes()),
            unequal => unequal,
        }
    }
}

impl PartialEq for Symbol {
    #[inline]
    fn eq(&self, other: &Symbol) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}
impl Eq for Symbol {}

impl PartialOrd for Symbol {
    fn partial_cmp(&self, other: &Symbol) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Symbol {
    #[inline]
    fn cmp(&self, other: &Symbol) -> std::cmp::Ordering {
        if self == other {
            return std::cmp::Ordering::Equal;
        }
        match self.0.key.cmp(&other.0.key) {
            std::cmp::Ordering::Equal => self.0.text.as_bytes().cmp(other.0.text.as_bytes()),
            unequal => unequal,
        }
    }
}

impl std::hash::Hash for Symbol {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.0 as *const Name as usize).hash(state)
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0.text)
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.text)
    }
}

#[cfg(test)]
mod tests {
    use super::Symbol;
    use std::cmp::Ordering;

    #[test]
    fn interning_dedups_and_orders_by_name() {
        let a = Symbol::new("abc");
        let b = Symbol::new(&String::from("abc"));
        assert!(a == b);
        assert!(Symbol::new("a") < Symbol::new("b"));
        assert!(Symbol::new("B") < Symbol::new("a"));
    }

    #[test]
    fn order_is_byte_order_across_the_key_boundary() {
        // Names that agree on their first 8 bytes, names with NUL bytes,
        // prefixes, and non-ASCII bytes (above 0x7f) must all sort exactly
        // as their bytes do.
        let names = [
            "",
            "\0",
            "\0\0",
            "a",
            "a\0",
            "a\0b",
            "ab",
            "abcdefgh",
            "abcdefgh\0",
            "abcdefghi",
            "abcdefghij",
            "abcdefgz",
            "abcdefg",
            "b",
            "\u{e9}",
            "\u{e9}t\u{e9}",
            "zzzzzzzzzzzz",
            "zzzzzzzzzzzy",
            "p1000",
            "p10000",
            "p999",
        ];
        for x in names {
            for y in names {
                let want = x.as_bytes().cmp(y.as_bytes());
                assert_eq!(Symbol::new(x).cmp(&Symbol::new(y)), want, "{x:?} vs {y:?}");
                assert_eq!(Symbol::new(x).cmp_str(y), want, "{x:?} vs {y:?} (str)");
            }
        }
        assert_eq!(
            Symbol::new("same").cmp(&Symbol::new("same")),
            Ordering::Equal
        );
    }
}
