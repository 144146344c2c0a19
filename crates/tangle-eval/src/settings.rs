//! The settings of Nix that change what code means or how it is read:
//! experimental features (`pipe-operators`, `parse-toml-timestamps`) and
//! the lints of path and URL literals. The CLI reads them
//! from `--option NAME VALUE` and the flags Nix has for them; the
//! evaluator gets them through `EvalOptions`.

/// Experimental features of Nix 2.34 that change evaluation; all off by
/// default, as in Nix.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Features {
    /// The `|>` and `<|` operators.
    pub pipe_operators: bool,
    /// `fromTOML` gives dates and times as `{ _type = "timestamp"; value
    /// = …; }` instead of refusing them.
    pub parse_toml_timestamps: bool,
    /// Flakes (no builtin of Tangle depends on it yet).
    pub flakes: bool,
}

impl Features {
    /// Every experimental feature Nix 2.34 knows, by its name.
    pub const KNOWN: &'static [&'static str] = &[
        "auto-allocate-uids",
        "blake3-hashes",
        "ca-derivations",
        "cgroups",
        "configurable-impure-env",
        "daemon-trust-override",
        "dynamic-derivations",
        "external-builders",
        "fetch-closure",
        "fetch-tree",
        "flakes",
        "git-hashing",
        "impure-derivations",
        "local-overlay-store",
        "mounted-ssh-store",
        "nix-command",
        "parse-toml-timestamps",
        "pipe-operators",
        "read-only-local-store",
        "recursive-nix",
        "verified-fetches",
    ];

    /// Turn on the feature `name` (one Tangle does not act on is
    /// accepted and ignored).
    pub fn enable(&mut self, name: &str) {
        match name {
            "pipe-operators" => self.pipe_operators = true,
            "parse-toml-timestamps" => self.parse_toml_timestamps = true,
            "flakes" => self.flakes = true,
            _ => {}
        }
    }

    /// Current Nix's error for using a feature that is not enabled.
    pub fn disabled_message(name: &str) -> String {
        format!(
            "experimental Nix feature '{0}' is disabled; add '--extra-experimental-features {0}' to enable it",
            name
        )
    }
}

/// What a lint does when it finds what it looks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LintLevel {
    #[default]
    Ignore,
    /// A warning, and evaluation goes on.
    Warn,
    /// An error where the literal is, as a syntax error would be.
    Fatal,
}

impl LintLevel {
    /// The level a setting's value names (`ignore`, `warn`, `fatal`).
    pub fn parse(value: &str) -> Option<LintLevel> {
        match value {
            "ignore" => Some(LintLevel::Ignore),
            "warn" => Some(LintLevel::Warn),
            "fatal" => Some(LintLevel::Fatal),
            _ => None,
        }
    }
}

/// The lint settings of Nix 2.34 (`lint-…-literals`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lints {
    /// Relative paths not starting with `./` or `../` (`a/b`).
    pub short_path_literals: LintLevel,
    /// Absolute (`/a`) and home (`~/a`) paths.
    pub absolute_path_literals: LintLevel,
    /// Unquoted URLs (`http://a`).
    pub url_literals: LintLevel,
}
