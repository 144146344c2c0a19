//! Nix's settings on the command line: `--option NAME VALUE`, and the flag
//! Nix makes of every setting (`--NAME VALUE`; `--NAME` and `--no-NAME`
//! for a Boolean one; `--extra-NAME VALUE` to add to a list), with Nix
//! 2.34's warnings and errors. The settings that matter to an evaluator
//! are acted on (`show-trace`, `abort-on-warn`, `trace-verbose`,
//! `max-call-depth`, `nix-path`, the experimental features, the lints);
//! every other setting Nix knows is accepted and has no effect; an
//! unknown one given with `--option` is warned about, as Nix does.

use tangle_eval::settings::{Features, LintLevel, Lints};

/// Whether a setting is Boolean (`--NAME`, `--no-NAME`) or takes a value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Bool,
    Value,
}

/// Every setting of Nix 2.34 (from its `nix.conf` manual), with its kind;
/// deprecated aliases included.
const KNOWN: &[(&str, Kind)] = {
    use Kind::{Bool as B, Value as V};
    &[
        ("abort-on-warn", B),
        ("accept-flake-config", B),
        ("access-tokens", V),
        ("allow-dirty", B),
        ("allow-dirty-locks", B),
        ("allow-import-from-derivation", B),
        ("allow-new-privileges", B),
        ("allow-symlinked-store", B),
        ("allow-unsafe-native-code-during-evaluation", B),
        ("allowed-impure-host-deps", V),
        ("allowed-uris", V),
        ("allowed-users", V),
        ("always-allow-substitutes", B),
        ("auto-allocate-uids", B),
        ("auto-optimise-store", B),
        ("bash-prompt", V),
        ("bash-prompt-prefix", V),
        ("bash-prompt-suffix", V),
        ("binary-cache-public-keys", V),
        ("binary-caches", V),
        ("binary-caches-parallel-connections", V),
        ("build-chroot-dirs", V),
        ("build-compress-log", B),
        ("build-cores", V),
        ("build-dir", V),
        ("build-fallback", B),
        ("build-hook", V),
        ("build-impersonate-linux-26", B),
        ("build-keep-log", B),
        ("build-max-jobs", V),
        ("build-max-log-size", V),
        ("build-max-silent-time", V),
        ("build-poll-interval", V),
        ("build-sandbox-paths", V),
        ("build-timeout", V),
        ("build-use-chroot", B),
        ("build-use-sandbox", B),
        ("build-use-substitutes", B),
        ("build-users-group", V),
        ("builders", V),
        ("builders-use-substitutes", B),
        ("commit-lock-file-summary", V),
        ("commit-lockfile-summary", V),
        ("compress-build-log", B),
        ("connect-timeout", V),
        ("cores", V),
        ("debugger-on-trace", B),
        ("debugger-on-warn", B),
        ("diff-hook", V),
        ("download-attempts", V),
        ("download-buffer-size", V),
        ("download-speed", V),
        ("env-keep-derivations", B),
        ("eval-attrset-update-layer-rhs-threshold", V),
        ("eval-cache", B),
        ("eval-profile-file", V),
        ("eval-profiler", V),
        ("eval-profiler-frequency", V),
        ("eval-system", V),
        ("experimental-features", V),
        ("external-builders", V),
        ("extra-platforms", V),
        ("fallback", B),
        ("filter-syscalls", B),
        ("flake-registry", V),
        ("fsync-metadata", B),
        ("fsync-store-paths", B),
        ("gc-keep-derivations", B),
        ("gc-keep-outputs", B),
        ("gc-reserved-space", V),
        ("hashed-mirrors", V),
        ("http-connections", V),
        ("http2", B),
        ("id-count", V),
        ("ignore-try", B),
        ("ignored-acls", V),
        ("impersonate-linux-26", B),
        ("impure-env", V),
        ("json-log-path", V),
        ("keep-build-log", B),
        ("keep-derivations", B),
        ("keep-env-derivations", B),
        ("keep-failed", B),
        ("keep-going", B),
        ("keep-outputs", B),
        ("lint-absolute-path-literals", V),
        ("lint-short-path-literals", V),
        ("lint-url-literals", V),
        ("log-lines", V),
        ("max-build-log-size", V),
        ("max-call-depth", V),
        ("max-free", V),
        ("max-jobs", V),
        ("max-silent-time", V),
        ("max-substitution-jobs", V),
        ("min-free", V),
        ("min-free-check-interval", V),
        ("nar-buffer-size", V),
        ("narinfo-cache-meta-ttl", V),
        ("narinfo-cache-negative-ttl", V),
        ("narinfo-cache-positive-ttl", V),
        ("netrc-file", V),
        ("nix-path", V),
        ("nix-shell-always-looks-for-shell-nix", B),
        ("nix-shell-shebang-arguments-relative-to-script", B),
        ("plugin-files", V),
        ("post-build-hook", V),
        ("pre-build-hook", V),
        ("preallocate-contents", B),
        ("print-missing", B),
        ("pure-eval", B),
        ("require-drop-supplementary-groups", B),
        ("require-sigs", B),
        ("restrict-eval", B),
        ("run-diff-hook", B),
        ("sandbox", B),
        ("sandbox-build-dir", V),
        ("sandbox-dev-shm-size", V),
        ("sandbox-fallback", B),
        ("sandbox-paths", V),
        ("secret-key-files", V),
        ("show-trace", B),
        ("ssl-cert-file", V),
        ("stalled-download-timeout", V),
        ("start-id", V),
        ("store", V),
        ("substitute", B),
        ("substituters", V),
        ("substitution-max-jobs", V),
        ("sync-before-registering", B),
        ("system", V),
        ("system-features", V),
        ("tarball-ttl", V),
        ("timeout", V),
        ("trace-function-calls", B),
        ("trace-import-from-derivation", B),
        ("trace-verbose", B),
        ("trust-tarballs-from-git-forges", B),
        ("trusted-binary-caches", V),
        ("trusted-public-keys", V),
        ("trusted-substituters", V),
        ("trusted-users", V),
        ("upgrade-nix-store-path-url", V),
        ("use-case-hack", B),
        ("use-cgroups", B),
        ("use-registries", B),
        ("use-sqlite-wal", B),
        ("use-xdg-base-directories", B),
        ("user-agent-suffix", V),
        ("warn-dirty", B),
        ("warn-large-path-threshold", V),
        ("warn-short-path-literals", B),
    ]
};

fn kind_of(name: &str) -> Option<Kind> {
    KNOWN
        .binary_search_by(|(n, _)| n.cmp(&name))
        .ok()
        .map(|i| KNOWN[i].1)
}

/// Where a value came from: `--option` (a bad value is a warning) or a
/// flag (a bad value is a usage error).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Origin {
    Option,
    Flag,
}

/// The settings given on the command line.
#[derive(Default)]
pub struct Settings {
    pub show_trace: bool,
    pub abort_on_warn: bool,
    pub trace_verbose: bool,
    pub max_call_depth: Option<usize>,
    /// `experimental-features` as given (replaced by the setting, added to
    /// by `extra-…`).
    experimental: Vec<String>,
    pub lints: Lints,
    /// `nix-path`, if set (it replaces `$NIX_PATH`), and `extra-nix-path`.
    pub nix_path: Option<Vec<String>>,
    pub extra_nix_path: Vec<String>,
    /// Warnings to print before evaluating, in order.
    pub warnings: Vec<String>,
    /// Unknown settings given with `--option`: Nix warns about them after
    /// the others, in name order.
    unknown: std::collections::BTreeSet<String>,
}

impl Settings {
    /// The experimental features enabled.
    pub fn features(&self) -> Features {
        let mut f = Features::default();
        for name in &self.experimental {
            f.enable(name);
        }
        f
    }

    /// A bad value: a warning from `--option`, an error from a flag.
    fn bad(&mut self, origin: Origin, message: String) -> Result<(), String> {
        match origin {
            Origin::Option => {
                self.warnings.push(message);
                Ok(())
            }
            Origin::Flag => Err(message),
        }
    }

    fn boolean(&mut self, name: &str, value: &str, origin: Origin) -> Result<Option<bool>, String> {
        match value {
            "true" | "yes" | "1" => Ok(Some(true)),
            "false" | "no" | "0" => Ok(Some(false)),
            _ => self
                .bad(
                    origin,
                    format!("Boolean setting '{}' has invalid value '{}'", name, value),
                )
                .map(|()| None),
        }
    }

    fn features_list(&mut self, value: &str) -> Vec<String> {
        let mut out = Vec::new();
        for name in value.split_whitespace() {
            if name == "no-url-literals" {
                self.warnings.push("experimental feature 'no-url-literals' has been stabilized and renamed; use 'lint-url-literals = fatal' setting instead".into());
            } else if !Features::KNOWN.contains(&name) {
                self.warnings
                    .push(format!("unknown experimental feature '{}'", name));
            } else {
                out.push(name.to_string());
            }
        }
        out
    }

    /// Set `name` (a known setting, or `extra-` and a known setting) to
    /// `value`.
    fn set(&mut self, name: &str, value: &str, origin: Origin) -> Result<(), String> {
        if let Some(base) = name.strip_prefix("extra-").filter(|b| kind_of(b).is_some()) {
            match base {
                "experimental-features" => {
                    let list = self.features_list(value);
                    self.experimental.extend(list);
                }
                "nix-path" => self
                    .extra_nix_path
                    .extend(value.split_whitespace().map(String::from)),
                _ => {}
            }
            return Ok(());
        }
        let lint = |s: &mut Settings, level: &mut dyn FnMut(&mut Lints) -> &mut LintLevel| {
            match LintLevel::parse(value) {
                Some(l) => {
                    *level(&mut s.lints) = l;
                    Ok(())
                }
                None => s.bad(
                    origin,
                    format!(
                        "option '{}' has invalid value '{}' (expected 'ignore', 'warn', or 'fatal')",
                        name, value
                    ),
                ),
            }
        };
        match name {
            "show-trace" => {
                if let Some(b) = self.boolean(name, value, origin)? {
                    self.show_trace = b;
                }
            }
            "abort-on-warn" => {
                if let Some(b) = self.boolean(name, value, origin)? {
                    self.abort_on_warn = b;
                }
            }
            "trace-verbose" => {
                if let Some(b) = self.boolean(name, value, origin)? {
                    self.trace_verbose = b;
                }
            }
            "max-call-depth" => match value.parse::<usize>() {
                Ok(n) => self.max_call_depth = Some(n),
                Err(_) => self.bad(
                    origin,
                    format!("setting '{}' has invalid value '{}'", name, value),
                )?,
            },
            "experimental-features" => self.experimental = self.features_list(value),
            "nix-path" => {
                self.nix_path = Some(value.split_whitespace().map(String::from).collect())
            }
            "lint-short-path-literals" => lint(self, &mut |l| &mut l.short_path_literals)?,
            "lint-absolute-path-literals" => lint(self, &mut |l| &mut l.absolute_path_literals)?,
            "lint-url-literals" => lint(self, &mut |l| &mut l.url_literals)?,
            "warn-short-path-literals" => {
                if let Some(b) = self.boolean(name, value, origin)? {
                    let level = if b { "warn" } else { "ignore" };
                    self.warnings.push(format!(
                        "'warn-short-path-literals' is deprecated, use 'lint-short-path-literals = {}' instead",
                        level
                    ));
                    self.lints.short_path_literals = LintLevel::parse(level).unwrap_or_default();
                }
            }
            _ if kind_of(name).is_some() => {
                if kind_of(name) == Some(Kind::Bool) {
                    self.boolean(name, value, origin)?;
                }
            }
            _ => {
                self.unknown.insert(name.to_string());
            }
        }
        Ok(())
    }
}

/// Flags of `tangle eval` and `nix-instantiate` that are not settings and
/// take values, with how many (so a value is never read as a flag).
fn operands(flag: &str) -> usize {
    match flag {
        "--arg" | "--argstr" => 2,
        "-A" | "--attr" | "-I" | "--include" | "--drv-dir" | "--add-root" => 1,
        _ => 0,
    }
}

/// Take the settings out of `args` (the arguments after the command):
/// the other arguments, in order, and the settings; or a usage error's
/// message.
pub fn extract(args: &[String]) -> Result<(Vec<String>, Settings), String> {
    let mut s = Settings::default();
    let mut rest = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let n = operands(a);
        if n > 0 || a == "--" {
            let end = if a == "--" {
                args.len()
            } else {
                (i + 1 + n).min(args.len())
            };
            rest.extend_from_slice(&args[i..end]);
            i = end;
            continue;
        }
        if a == "--option" {
            if args.len() < i + 3 {
                return Err(format!(
                    "flag '--option' requires 2 argument(s), but only {} were given",
                    args.len() - i - 1
                ));
            }
            s.set(&args[i + 1], &args[i + 2], Origin::Option)?;
            i += 3;
            continue;
        }
        if a == "--impure" {
            // Pure evaluation is off in nix-instantiate already.
            i += 1;
            continue;
        }
        let Some(flag) = a.strip_prefix("--") else {
            rest.push(args[i].clone());
            i += 1;
            continue;
        };
        let negated = flag.strip_prefix("no-").and_then(kind_of);
        let extra = flag.strip_prefix("extra-").and_then(kind_of);
        match (kind_of(flag), negated, extra) {
            (Some(Kind::Bool), _, _) => {
                s.set(flag, "true", Origin::Flag)?;
                i += 1;
            }
            (None, Some(Kind::Bool), _) => {
                s.set(&flag[3..], "false", Origin::Flag)?;
                i += 1;
            }
            (Some(Kind::Value), _, _) | (None, _, Some(_)) => {
                let Some(value) = args.get(i + 1) else {
                    return Err(format!(
                        "flag '{}' requires 1 argument(s), but only 0 were given",
                        a
                    ));
                };
                s.set(flag, value, Origin::Flag)?;
                i += 2;
            }
            _ => {
                rest.push(args[i].clone());
                i += 1;
            }
        }
    }
    let unknown = std::mem::take(&mut s.unknown);
    s.warnings
        .extend(unknown.iter().map(|n| format!("unknown setting '{}'", n)));
    Ok((rest, s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_table_is_sorted() {
        assert!(KNOWN.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn settings_come_out_of_the_arguments() {
        let (rest, s) = extract(&strings(&[
            "--strict",
            "--show-trace",
            "--arg",
            "--no-show-trace",
            "x",
            "--extra-experimental-features",
            "pipe-operators bogus",
            "--option",
            "foo",
            "bar",
            "--lint-url-literals",
            "fatal",
            "-E",
            "1",
        ]))
        .unwrap_or_else(|e| panic!("{}", e));
        assert_eq!(
            rest,
            strings(&["--strict", "--arg", "--no-show-trace", "x", "-E", "1"])
        );
        assert!(s.show_trace);
        assert!(s.features().pipe_operators);
        assert_eq!(s.lints.url_literals, LintLevel::Fatal);
        assert_eq!(
            s.warnings,
            strings(&[
                "unknown experimental feature 'bogus'",
                "unknown setting 'foo'"
            ])
        );
    }

    #[test]
    fn later_settings_win() {
        let (_, s) = extract(&strings(&[
            "--extra-experimental-features",
            "pipe-operators",
            "--experimental-features",
            "flakes",
            "--show-trace",
            "--no-show-trace",
        ]))
        .unwrap_or_else(|e| panic!("{}", e));
        assert!(!s.features().pipe_operators);
        assert!(s.features().flakes);
        assert!(!s.show_trace);
    }

    #[test]
    fn bad_values() {
        let err = |a: &[&str]| extract(&strings(a)).err().unwrap_or_default();
        assert_eq!(
            err(&["--lint-url-literals", "bogus"]),
            "option 'lint-url-literals' has invalid value 'bogus' (expected 'ignore', 'warn', or 'fatal')"
        );
        assert_eq!(
            err(&["--max-call-depth", "x"]),
            "setting 'max-call-depth' has invalid value 'x'"
        );
        assert_eq!(
            err(&["-E", "1", "--option", "foo"]),
            "flag '--option' requires 2 argument(s), but only 1 were given"
        );
        let (_, s) = extract(&strings(&["--option", "show-trace", "maybe"]))
            .unwrap_or_else(|e| panic!("{}", e));
        assert_eq!(
            s.warnings,
            strings(&["Boolean setting 'show-trace' has invalid value 'maybe'"])
        );
    }
}
