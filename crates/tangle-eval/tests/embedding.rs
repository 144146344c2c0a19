//! The library as an embedding uses it: one evaluator kept alive for many
//! evaluations, on an ordinary thread (2 MiB of stack), values held through
//! `Root` handles across collections.

mod common;
use common::on_small_stack;
use std::rc::Rc;
use tangle_eval::{EvalOptions, Evaluator, StdIo, Value};

fn printed(ev: &mut Evaluator, v: &Value) -> String {
    let v = ev.force_deep(v).expect("forces");
    String::from_utf8(ev.print(&v)).expect("UTF-8")
}

#[test]
fn roots_survive_collections_and_releases() {
    on_small_stack(|| {
        let mut ev = Evaluator::new(EvalOptions::default(), Rc::new(StdIo));
        let v = ev
            .eval_string(
                "let r = { self = r; xs = builtins.genList (i: { v = i; s = \"s${toString i}\"; }) 50; }; in r",
                "«test»",
                "/",
            )
            .expect("evaluates");
        let v = ev.force(&v).expect("forces");
        let xs = match v {
            Value::Attrs(a) => *a.get_str("xs").expect("xs"),
            _ => panic!("not a set"),
        };
        let before = printed(&mut ev, &xs);
        let root = ev.root(&v);
        ev.release();
        for i in 0..100 {
            // Garbage in between, then a collection.
            let g = ev
                .eval_string(
                    &format!("builtins.length (builtins.genList (j: {{ k = j + {i}; }}) 1000)"),
                    "«test»",
                    "/",
                )
                .expect("evaluates");
            assert!(matches!(ev.force(&g), Ok(Value::Int(1000))));
            ev.release();
            ev.collect_garbage();
        }
        let xs = match root.value() {
            Value::Attrs(a) => *a.get_str("xs").expect("xs"),
            _ => panic!("not a set"),
        };
        assert_eq!(printed(&mut ev, &xs), before);
        let objects = ev.heap_objects();
        drop(root);
        ev.release();
        ev.collect_garbage();
        assert!(
            ev.heap_objects() < objects,
            "dropping the handle freed nothing ({} objects)",
            objects
        );
    });
}

#[test]
fn deep_structures_need_no_big_stack() {
    on_small_stack(|| {
        let mut ev = Evaluator::new(EvalOptions::default(), Rc::new(StdIo));
        // A million-deep non-tail recursion and a 100 000-deep nested list,
        // forced, compared, printed and freed, all on a 2 MiB stack.
        // Deliberately beyond Nix: nix-instantiate 2.8 stops this with
        // "stack overflow"; at a tenth of the depth (f 10000, nest 10000)
        // it prints [ 10000 true 20002 ], and the values scale with depth.
        let v = ev
            .eval_string(
                "let f = n: if n == 0 then 0 else 1 + f (n - 1); \
                 nest = n: if n == 0 then [] else [ (nest (n - 1)) ]; \
                 a = nest 100000; b = nest 100000; \
                 in [ (f 1000000) (a == b) (builtins.stringLength (builtins.toJSON a)) ]",
                "«test»",
                "/",
            )
            .expect("evaluates");
        assert_eq!(printed(&mut ev, &v), "[ 1000000 true 200002 ]");
        ev.release();
        ev.collect_garbage();
    });
}
