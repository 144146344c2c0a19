//! Interned identifiers and attribute names.
//!
//! A [`Symbol`] is a pointer to a leaked, deduplicated string: equality is a
//! pointer comparison, ordering is byte order of the names (the order Nix
//! sorts attribute sets in). Names are never freed; the set of distinct names
//! an evaluation sees is small and bounded by its source text and data.

use rustc_hash::FxHashSet;
use std::cell::RefCell;
use std::fmt;

#[derive(Clone, Copy)]
pub struct Symbol(&'static str);

thread_local! {
    // Fx hashing: interning happens on every dynamic attribute name, and
    // SipHash showed up in profiles of attribute-heavy code.
    static INTERNER: RefCell<FxHashSet<&'static str>> = RefCell::new(FxHashSet::default());
}

impl Symbol {
    pub fn new(name: &str) -> Symbol {
        INTERNER.with(|set| {
            let mut set = set.borrow_mut();
            if let Some(existing) = set.get(name) {
                return Symbol(existing);
            }
            let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
            set.insert(leaked);
            Symbol(leaked)
        })
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl PartialEq for Symbol {
    fn eq(&self, other: &Symbol) -> bool {
        std::ptr::eq(self.0.as_ptr(), other.0.as_ptr())
    }
}
impl Eq for Symbol {}

impl PartialOrd for Symbol {
    fn partial_cmp(&self, other: &Symbol) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Symbol {
    fn cmp(&self, other: &Symbol) -> std::cmp::Ordering {
        if self == other {
            std::cmp::Ordering::Equal
        } else {
            self.0.as_bytes().cmp(other.0.as_bytes())
        }
    }
}

impl std::hash::Hash for Symbol {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.0.as_ptr() as usize).hash(state)
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Symbol;

    #[test]
    fn interning_dedups_and_orders_by_name() {
        let a = Symbol::new("abc");
        let b = Symbol::new(&String::from("abc"));
        assert!(a == b);
        assert!(Symbol::new("a") < Symbol::new("b"));
        assert!(Symbol::new("B") < Symbol::new("a"));
    }
}
