//! `--eval-stats` (and `NIX_SHOW_STATS=1`): what an evaluation did, as JSON
//! shaped like the statistics C++ Nix prints, so the same workload's counts
//! can be put side by side.
//!
//! Nix's names are kept where Tangle counts the same thing: `envs`
//! (environments, `elements` their slots), `list` (lists made, `elements`
//! their length, `concats` the `++` operations), `sets` (`elements`: their
//! attributes), `nrThunks`, `nrFunctionCalls` (lambda calls),
//! `nrPrimOpCalls`, `nrOpUpdates` (`//` with both sides non-empty:
//! `nrOpUpdateValuesCopied` counts the attributes of the results),
//! `nrLookups` (attribute selections `a.b`, `a.b or c`, `a.${b}`),
//! `symbols`, and with `NIX_COUNT_CALLS=1`, `primops` by name. Byte counts
//! are Tangle's own object sizes, which differ from Nix's (`sizes` gives
//! them). `gc` adds what Nix does not print: collections, seconds spent
//! collecting, objects freed. Not counted: `nrAvoided` (the compiler
//! decides which lazy positions need no thunk, so there is nothing to count
//! at run time), per-function and per-attribute counts.

use crate::builtins::PrimOpDef;
use crate::gc::{HeapStats, Kind};
use std::fmt::Write;

/// Operations the VM counts as it runs.
#[derive(Default)]
pub struct Counters {
    pub primop_calls: u64,
    pub lookups: u64,
    pub updates: u64,
    pub update_values_copied: u64,
    pub concats: u64,
    /// Count builtin calls by name as well (`NIX_COUNT_CALLS=1`).
    pub by_name: bool,
    pub primops: std::collections::BTreeMap<&'static str, u64>,
}

impl Counters {
    #[inline]
    pub fn primop_call(&mut self, op: &'static PrimOpDef) {
        self.primop_calls += 1;
        if self.by_name {
            *self.primops.entry(op.name).or_insert(0) += 1;
        }
    }
}

/// CPU seconds this process has used (user and system), from
/// `/proc/self/stat`; 0 where that is not readable.
fn cpu_time() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name, which is in parentheses and may hold
    // spaces: utime and stime are fields 14 and 15 of the line.
    let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
        return 0.0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // `rest` starts at field 3 (state); utime is field 14.
    (tick(11) + tick(12)) as f64 / 100.0
}

/// The statistics as JSON.
pub fn to_json(c: &Counters, h: &HeapStats, heap_size: usize) -> String {
    let k = |kind: Kind| kind as usize;
    let (symbols, symbol_bytes) = crate::symbol::Symbol::interned();
    let mut o = String::new();
    let _ = writeln!(o, "{{");
    let _ = writeln!(o, "  \"cpuTime\": {:.5},", cpu_time());
    let obj = |o: &mut String, name: &str, kind: Kind, extra: &str| {
        let _ = writeln!(
            o,
            "  \"{}\": {{\n    \"number\": {},\n    \"elements\": {},\n    \"bytes\": {}{}\n  }},",
            name,
            h.made[k(kind)],
            h.elements[k(kind)],
            h.bytes[k(kind)],
            extra
        );
    };
    obj(&mut o, "envs", Kind::Env, "");
    obj(
        &mut o,
        "list",
        Kind::List,
        &format!(",\n    \"concats\": {}", c.concats),
    );
    let _ = writeln!(
        o,
        "  \"values\": {{\n    \"number\": {},\n    \"bytes\": {}\n  }},",
        h.objects_allocated, h.bytes_allocated
    );
    let _ = writeln!(
        o,
        "  \"symbols\": {{\n    \"number\": {},\n    \"bytes\": {}\n  }},",
        symbols, symbol_bytes
    );
    obj(&mut o, "sets", Kind::Attrs, "");
    let _ = writeln!(
        o,
        "  \"sizes\": {{\n    \"Env\": {},\n    \"Value\": {},\n    \"Bindings\": {},\n    \"Attr\": {}\n  }},",
        std::mem::size_of::<crate::value::Env>(),
        std::mem::size_of::<crate::value::Value>(),
        std::mem::size_of::<crate::value::Attrs>(),
        std::mem::size_of::<(crate::symbol::Symbol, crate::value::Value)>()
    );
    let _ = writeln!(o, "  \"nrOpUpdates\": {},", c.updates);
    let _ = writeln!(
        o,
        "  \"nrOpUpdateValuesCopied\": {},",
        c.update_values_copied
    );
    let _ = writeln!(o, "  \"nrThunks\": {},", h.made[k(Kind::Thunk)]);
    let _ = writeln!(o, "  \"nrLookups\": {},", c.lookups);
    let _ = writeln!(o, "  \"nrPrimOpCalls\": {},", c.primop_calls);
    let _ = writeln!(o, "  \"nrFunctionCalls\": {},", h.calls);
    let _ = write!(
        o,
        "  \"gc\": {{\n    \"heapSize\": {},\n    \"totalBytes\": {},\n    \"collections\": {},\n    \"collectSeconds\": {:.5},\n    \"objectsFreed\": {}\n  }}",
        heap_size,
        h.bytes_allocated,
        h.collections,
        h.collect_time.as_secs_f64(),
        h.objects_freed
    );
    if c.by_name {
        let _ = write!(o, ",\n  \"primops\": {{");
        for (i, (name, n)) in c.primops.iter().enumerate() {
            let sep = if i == 0 { "" } else { "," };
            let _ = write!(o, "{}\n    \"{}\": {}", sep, name, n);
        }
        let _ = write!(o, "\n  }}");
    }
    let _ = writeln!(o, "\n}}");
    o
}
