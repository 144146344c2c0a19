//! One evaluator kept alive for 10 000 evaluations that each build cyclic
//! structures, as a REPL or a Python program does: its heap and the
//! process's resident memory stay flat. Alone in its test binary, so no
//! other test's memory shows in the process's RSS.
//!
//! The heap is compared after a collection (objects and bytes: exact).
//! Resident memory also holds the garbage the collector lets pile up
//! between collections (32 MB at least, which these small evaluations take
//! thousands of iterations to fill), so the loop collects every 100
//! evaluations, as a REPL may between inputs; resident memory after the
//! 1 000th and after the last evaluation are then compared.

mod common;
use common::on_small_stack;
use std::rc::Rc;
use tangle_eval::{EvalOptions, Evaluator, StdIo, Value};

/// Resident memory of this process, in bytes (Linux).
fn rss() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: usize = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

#[test]
fn many_evaluations_of_cyclic_structures_stay_small() {
    on_small_stack(|| {
        let mut ev = Evaluator::new(EvalOptions::default(), Rc::new(StdIo));
        let mut at_1000 = (0, 0);
        let mut rss_at_1000 = 0;
        for i in 0..10_000 {
            // A recursive set, a list holding itself and a closure over
            // both: every structure is a cycle, which reference counting
            // would never free.
            let src = format!(
                "let x = {{ a = x; n = {i}; s = \"v{i}\"; }}; \
                 l = [ l x ]; f = y: if y == 0 then x.n else f (y - 1); \
                 in f 3 + builtins.length (builtins.elemAt l 0) + builtins.stringLength x.a.s"
            );
            let v = ev.eval_string(&src, "«test»", "/").expect("evaluates");
            let v = ev.force_deep(&v).expect("forces");
            let want = i + 2 + format!("v{i}").len() as i64;
            assert!(matches!(v, Value::Int(n) if n == want), "evaluation {i}");
            ev.release();
            if i % 100 == 99 {
                ev.collect_garbage();
            }
            if i == 999 {
                at_1000 = (ev.heap_objects(), ev.heap_bytes());
                rss_at_1000 = rss();
            }
        }
        ev.collect_garbage();
        let at_10000 = (ev.heap_objects(), ev.heap_bytes());
        let rss_at_10000 = rss();
        assert!(
            at_10000.0 <= at_1000.0 + at_1000.0 / 10,
            "heap objects grew from {} to {}",
            at_1000.0,
            at_10000.0
        );
        assert!(
            at_10000.1 <= at_1000.1 + at_1000.1 / 10,
            "heap bytes grew from {} to {}",
            at_1000.1,
            at_10000.1
        );
        assert!(
            rss_at_10000 <= rss_at_1000 + rss_at_1000 / 10,
            "RSS grew from {} to {}",
            rss_at_1000,
            rss_at_10000
        );
    });
}
