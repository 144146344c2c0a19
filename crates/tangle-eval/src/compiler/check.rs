//! The pre-pass: the errors Nix 2.8 raises while parsing, before it reports
//! any undefined variable: duplicate attributes, dynamic attributes in
//! `inherit` or `let`, duplicate formals. They are found in 2.8's order:
//! its parser checks a binding when it reaches the binding's end (its
//! value first), and a `let` or a lambda after its body.
//!
//! The walk is a stack of tasks, so it needs no native stack however deep
//! the tree is. The bindings of each set or `let` being walked are
//! collected as the compiler collects them (`Compiler::add_path`), which
//! is where duplicates show.

use super::{binds_start, inherit_def, offset, AttrsBody, BindValue, Compiler, Key};
use crate::error::Result;
use crate::symbol::Symbol;
use rnix::ast::{self, HasEntry};
use rowan::ast::AstNode;

enum Check {
    /// Check a node and everything under it.
    Node(rnix::SyntaxNode),
    /// Check these nodes, one after the other (taken one at a time).
    Children(rnix::SyntaxNodeChildren),
    /// Start collecting the bindings of a set or `let`.
    Begin { rec: bool, off: u32 },
    /// The bindings still to walk, one at a time.
    Entries {
        entries: rowan::ast::AstChildren<ast::Entry>,
        binds_at: u32,
    },
    /// A name of an `inherit` (its node is checked).
    InheritName(ast::Attr),
    /// The names of an `inherit` are known: add them.
    Inherited {
        from: Option<ast::Expr>,
        def: u32,
        binds_at: u32,
    },
    /// A key of a binding's attribute path (its node is checked).
    Key(ast::Attr),
    /// A binding's keys and value are checked: add it.
    Bind { value: ast::Expr, off: u32 },
    /// The bindings are collected; for a `let`, its body and position.
    End {
        let_in: Option<(Option<ast::Expr>, u32)>,
    },
    /// A `let`'s body is checked: now its dynamic attributes are an error.
    LetDynamics { any: bool, off: u32 },
    /// A lambda's body is checked: now its formals.
    Formals(ast::Pattern, u32),
}

/// Bindings being collected.
struct Collecting {
    body: AttrsBody,
    /// The names of the `inherit` being walked.
    names: Vec<(Symbol, u32)>,
    /// The keys of the binding being walked.
    keys: Vec<(Key, u32)>,
}

impl<'a> Compiler<'a> {
    /// Check the tree under `node` (see the module's comment).
    pub(super) fn check(&mut self, node: &rnix::SyntaxNode) -> Result<()> {
        let mut todo = vec![Check::Node(node.clone())];
        let mut planned: Vec<Check> = Vec::new();
        let mut bodies: Vec<Collecting> = Vec::new();
        while let Some(task) = todo.pop() {
            self.check_step(task, &mut planned, &mut bodies)?;
            while let Some(t) = planned.pop() {
                todo.push(t);
            }
        }
        Ok(())
    }

    fn check_step(
        &mut self,
        task: Check,
        plan: &mut Vec<Check>,
        bodies: &mut Vec<Collecting>,
    ) -> Result<()> {
        fn top(bodies: &mut [Collecting]) -> &mut Collecting {
            bodies
                .last_mut()
                .expect("bindings are collected between Begin and End")
        }
        match task {
            Check::Node(node) => {
                let Some(e) = ast::Expr::cast(node.clone()) else {
                    plan.push(Check::Children(node.children()));
                    return Ok(());
                };
                let off = offset(e.syntax());
                match &e {
                    ast::Expr::AttrSet(s) => {
                        let rec = s.rec_token().is_some();
                        self.plan_bindings(s.entries(), rec, off, binds_start(s.syntax()), plan);
                        plan.push(Check::End { let_in: None });
                    }
                    ast::Expr::LegacyLet(l) => {
                        self.plan_bindings(l.entries(), true, off, binds_start(l.syntax()), plan);
                        plan.push(Check::End { let_in: None });
                    }
                    ast::Expr::LetIn(l) => {
                        self.plan_bindings(l.entries(), true, off, binds_start(l.syntax()), plan);
                        plan.push(Check::End {
                            let_in: Some((l.body(), off)),
                        });
                    }
                    ast::Expr::Lambda(l) => {
                        plan.push(Check::Children(l.syntax().children()));
                        if let Some(ast::Param::Pattern(p)) = l.param() {
                            plan.push(Check::Formals(p, off));
                        }
                    }
                    _ => plan.push(Check::Children(e.syntax().children())),
                }
            }
            Check::Children(mut nodes) => {
                if let Some(n) = nodes.next() {
                    plan.push(Check::Node(n));
                    plan.push(Check::Children(nodes));
                }
            }
            Check::Entries {
                mut entries,
                binds_at,
            } => {
                if let Some(entry) = entries.next() {
                    plan_entry(entry, binds_at, plan);
                    plan.push(Check::Entries { entries, binds_at });
                }
            }
            Check::Begin { rec, off } => bodies.push(Collecting {
                body: AttrsBody::new(rec, off),
                names: Vec::new(),
                keys: Vec::new(),
            }),
            Check::InheritName(attr) => {
                let name = self.inherit_name(attr)?;
                top(bodies).names.push(name);
            }
            Check::Inherited {
                from,
                def,
                binds_at,
            } => {
                let c = top(bodies);
                let names = std::mem::take(&mut c.names);
                self.add_inherited(&mut c.body, names, from, def, binds_at)?;
            }
            Check::Key(attr) => {
                let o = offset(attr.syntax());
                let key = self.key(attr)?;
                top(bodies).keys.push((key, o));
            }
            Check::Bind { value, off } => {
                let c = top(bodies);
                let keys = std::mem::take(&mut c.keys);
                self.add_path(&mut c.body, &keys, BindValue::Expr(value), off)?;
            }
            Check::End { let_in } => {
                let c = bodies.pop().expect("Begin comes first");
                if let Some((inner, off)) = let_in {
                    let any = !c.body.dynamics.is_empty();
                    if let Some(inner) = inner {
                        plan.push(Check::Node(inner.syntax().clone()));
                    }
                    plan.push(Check::LetDynamics { any, off });
                }
            }
            Check::LetDynamics { any, off } => {
                if any {
                    return Err(self.dynamic_in_let(off));
                }
            }
            Check::Formals(p, off) => self.check_formals(&p, off)?,
        }
        Ok(())
    }

    /// Plan collecting bindings: each one's parts are checked before it is
    /// added, as 2.8's parser does.
    fn plan_bindings(
        &mut self,
        entries: rowan::ast::AstChildren<ast::Entry>,
        rec: bool,
        off: u32,
        binds_at: u32,
        plan: &mut Vec<Check>,
    ) {
        plan.push(Check::Begin { rec, off });
        plan.push(Check::Entries { entries, binds_at });
    }
}

/// Plan walking one binding: its parts, then adding it.
fn plan_entry(entry: ast::Entry, binds_at: u32, plan: &mut Vec<Check>) {
    match entry {
        ast::Entry::Inherit(inh) => {
            let from = inh.from().and_then(|f| f.expr());
            if let Some(e) = &from {
                plan.push(Check::Node(e.syntax().clone()));
            }
            for attr in inh.attrs() {
                plan.push(Check::Node(attr.syntax().clone()));
                plan.push(Check::InheritName(attr));
            }
            plan.push(Check::Inherited {
                from,
                def: inherit_def(&inh),
                binds_at,
            });
        }
        ast::Entry::AttrpathValue(apv) => {
            let aoff = offset(apv.syntax());
            for k in apv.attrpath().iter().flat_map(|p| p.attrs()) {
                plan.push(Check::Node(k.syntax().clone()));
                plan.push(Check::Key(k));
            }
            if let Some(value) = apv.value() {
                plan.push(Check::Node(value.syntax().clone()));
                plan.push(Check::Bind { value, off: aoff });
            }
        }
    }
}
