//! `__overrides` in a `rec` set.
//!
//! A `rec` set with a static attribute `__overrides` (bound, inherited or
//! made from nested keys) forces it once its attributes exist, and it must
//! be a set: each of its attributes replaces the set's attribute of that
//! name, in the set and for the set's own code (another attribute that
//! refers to the name sees the override), or is added to the set. Dynamic
//! attributes come after, so one named like an override is defined twice.
//! The override's position is the attribute's (`unsafeGetAttrPos`, and the
//! "already defined" error).
//!
//! The compiler gives every static attribute of such a set a thunk of its
//! own, and forces `__overrides` onto the operand stack just before the
//! dynamic attributes; the set's instruction then calls [`apply`]. An
//! override of a name is put in that name's slot by pointing the slot's
//! thunk at it: its value when the override is already computed, else a
//! small body that forces the override itself (so it is computed once, for
//! the set and the slot alike).

use crate::chunk::Proto;
use crate::error::{type_error, Result};
use crate::gc::Gc;
use crate::symbol::{Known, Symbol};
use crate::value::{AttrPositions, Attrs, Env, ThunkState, Value};
use std::rc::Rc;

/// Is this `rec` set's layout one with `__overrides`?
#[inline]
pub fn applies(layout: &[Symbol]) -> bool {
    layout
        .binary_search(&Symbol::known(Known::Overrides))
        .is_ok()
}

/// Apply the forced `__overrides` value `ov` to the static `entries` of a
/// `rec` set whose slots are in `env` (in `layout` order) and whose
/// positions are `statics`. Returns the positions of the result.
pub fn apply(
    entries: &mut Vec<(crate::symbol::Symbol, Value)>,
    layout: &[Symbol],
    env: Gc<Env>,
    ov: Value,
    statics: &Rc<AttrPositions>,
) -> Result<Rc<AttrPositions>> {
    let ov = match ov.shallow() {
        Value::Attrs(a) => a,
        // Nix has no position for this error.
        other => return Err(type_error::expected("a set", &other).positionless()),
    };
    for (name, v) in ov.entries().iter() {
        if let Ok(i) = layout.binary_search(name) {
            if let Some(Value::Thunk(slot)) = env.slot(i).get() {
                slot.set_state(pointing_at(*v));
            }
        }
    }
    let base = Attrs::new(std::mem::take(entries), Some(statics.clone()));
    let mut merged = base.merged_with(&ov);
    let pos = merged.pos.take();
    *entries = merged.into_entries();
    Ok(pos.unwrap_or_else(|| statics.clone()))
}

/// Where the attribute `name` of a set with overrides applied was defined,
/// as the "already defined" error shows it (current Nix's form when it has
/// no position).
pub fn defined_at(positions: &AttrPositions, name: Symbol) -> String {
    match positions.find(name) {
        Some(p) => {
            let (l, c) = p.line_col();
            format!("{}:{}:{}", p.source.name_in_messages(), l, c)
        }
        None => "«none»:0".to_string(),
    }
}

/// The state of a thunk that is `v`.
fn pointing_at(v: Value) -> ThunkState {
    if let Value::Thunk(t) = v {
        if let ThunkState::Done(x) = &t.state() {
            return ThunkState::Done(*x);
        }
        let env = Env::new(1, None);
        // A fresh environment: its one slot is empty.
        let _ = env.slot(0).set(v);
        return ThunkState::Pending(FORWARD.with(|f| f.clone()), env);
    }
    ThunkState::Done(v)
}

thread_local! {
    /// The body `x`, forcing its environment's one slot.
    static FORWARD: Rc<Proto> = forward();
}

fn forward() -> Rc<Proto> {
    let x = Symbol::new("x");
    let source = crate::source::Source::new("«overrides»".to_string(), "x".to_string());
    let globals = std::collections::HashMap::new();
    crate::syntax::parse(&source)
        .and_then(|expr| {
            crate::compiler::compile(
                source.clone(),
                &expr,
                crate::compiler::CompileEnv {
                    outer: &[x],
                    globals: &globals,
                    base_dir: "/",
                    home: None,
                },
            )
        })
        .expect("the body `x` compiles")
}
