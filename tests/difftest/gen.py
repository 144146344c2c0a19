"""Random well-typed Nix programs from a seed.

A program is a tree of `Node`s: each node is an expression of a known type
(or a fragment such as a binding or a list element, which the shrinker may
delete) made of text and child nodes. The generator is type directed: it
asks for an expression of a type in an environment of typed variables and
picks one of the productions that can make it. Every production has a
feature name (`FEATURES`), so a run can leave some out (`--exclude`).

Some programs fail on purpose: with probability `error_rate` a production
is replaced, once or twice per program, by an expression that raises an
error (throw, abort, a failing assert, a type error, a missing attribute,
division by zero, ...). Laziness means some of these are never forced.

Types are tuples:
  ("int",) ("float",) ("bool",) ("str",) ("null",)
  ("list", T)                  a list whose elements all have type T
  ("set", ((name, T), ...))    a set with exactly these attributes, sorted
  ("fn", A, R)                 a function from A to R
"""
import random

INT = ("int",)
FLOAT = ("float",)
BOOL = ("bool",)
STR = ("str",)
NULL = ("null",)


def LIST(t):
    return ("list", t)


def SET(d):
    return ("set", tuple(sorted(d.items())))


def FN(a, r):
    return ("fn", a, r)


def set_fields(t):
    return dict(t[1])


class Node:
    """An expression of type `ty` (None: a fragment the shrinker may drop),
    made of strings and child nodes."""
    __slots__ = ("ty", "parts", "opt")

    def __init__(self, ty, parts, opt=False):
        self.ty = ty
        self.parts = parts
        self.opt = opt

    def render(self):
        out = []
        stack = [self]
        while stack:
            x = stack.pop()
            if isinstance(x, str):
                out.append(x)
            else:
                stack.extend(reversed(x.parts))
        return "".join(out)

    def walk(self):
        """Every node below and including this one, pre-order, with its
        parent and index in the parent's parts."""
        stack = [(self, None, -1)]
        while stack:
            n, parent, i = stack.pop()
            yield n, parent, i
            for j in range(len(n.parts) - 1, -1, -1):
                c = n.parts[j]
                if isinstance(c, Node):
                    stack.append((c, n, j))

    def size(self):
        return sum(1 for _ in self.walk())


def N(ty, *parts):
    return Node(ty, list(parts))


def OPT(*parts):
    return Node(None, list(parts), opt=True)


# Feature names (a production is skipped when its feature is excluded).
FEATURES = [
    # literals and plumbing
    "int-lit", "big-int", "float-lit", "str-lit", "str-escape", "interp",
    "indented", "indented-escape", "var", "if", "let", "rec-let", "rec-set",
    "with", "inherit", "inherit-from", "lambda", "formals", "formals-default",
    "formals-at", "formals-ellipsis", "select", "select-or", "has-attr-op",
    "dynamic-attr", "nested-attr", "quoted-attr", "keyword-attr",
    # operators
    "arith", "div", "mixed-arith", "compare", "eq", "logic", "implies",
    "not", "concat-list", "update", "str-concat", "list-compare",
    # builtins
    "b-map", "b-filter", "b-foldl", "b-genList", "b-attrNames",
    "b-attrValues", "b-mapAttrs", "b-listToAttrs", "b-removeAttrs",
    "b-intersectAttrs", "b-concatMap", "b-concatStringsSep",
    "b-replaceStrings", "b-substring", "b-stringLength", "b-elem",
    "b-elemAt", "b-head", "b-tail", "b-length", "b-sort", "b-lessThan",
    "b-toString", "b-toJSON", "b-fromJSON", "b-typeOf", "b-isX",
    "b-hasAttr", "b-getAttr", "b-seq", "b-deepSeq", "b-tryEval", "b-split",
    "b-match", "b-splitVersion", "b-compareVersions", "b-arith",
    "b-bit", "b-all-any", "b-catAttrs", "b-concatLists", "b-partition",
    "b-groupBy", "b-zipAttrsWith", "b-functionArgs", "b-floor-ceil",
    "b-hashString", "b-toXML", "b-attrset-misc",
    # errors on purpose
    "err-throw", "err-abort", "err-assert", "err-assert-eq", "err-type",
    "err-missing-attr", "err-div-zero", "err-head-empty", "err-elemAt",
    "err-call-args", "err-coerce", "err-substring", "err-overflow",
    "err-fromJSON", "tryEval-error",
]

NAMES = ["a", "b", "c", "x", "y", "z", "n", "s", "t", "u", "v", "foo", "bar",
         "baz", "k", "m", "p", "q"]
ATTR_NAMES = ["a", "b", "c", "x", "y", "z", "foo", "bar", "n", "s", "alpha", "beta"]
WEIRD_ATTRS = ['"a b"', '"1x"', '"$"', '"x-y"', '"\\""', '""']
KEYWORD_ATTRS = ["in", "let", "if", "or", "with", "rec", "assert", "inherit", "then", "else"]
WORDS = ["", "a", "b", "ab", "foo", "bar", "1.2", "x y", "a-b", "0", "1.2.3",
         "2.0pre", "1.10", "abc", "hello", " ", "A", "Zz", "a.b", "-"]
REGEXES = ['"a"', '"(a)(b)?"', '"[a-c]+"', '"(.*)b(.*)"', '"x|y"', '"([0-9]+)"',
           '"(a|ab)c?"', '" "', '"[.]"', '"(-)?"', '".*"']


def nix_string(s):
    out = ['"']
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "$":
            out.append("\\$")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


class Env:
    """Lexical scopes and `with` scopes, innermost last."""

    def __init__(self, scopes=()):
        self.scopes = list(scopes)

    def push(self, kind, names):
        return Env(self.scopes + [(kind, dict(names))])

    def resolve(self):
        """{name: type} as a variable reference would see it."""
        out = {}
        for kind, names in self.scopes:
            if kind == "with":
                for n, t in names.items():
                    if n not in out or out[n][0] == "with":
                        out[n] = ("with", t)
        for kind, names in self.scopes:
            if kind == "lex":
                for n, t in names.items():
                    out[n] = ("lex", t)
        return {n: t for n, (_, t) in out.items()}

    def lexical(self):
        out = {}
        for kind, names in self.scopes:
            if kind == "lex":
                out.update(names)
        return out


SCALARS = [INT, FLOAT, BOOL, STR]


class Gen:
    def __init__(self, seed, exclude=(), error_rate=0.15, max_depth=5):
        self.rng = random.Random(seed)
        self.exclude = set(exclude)
        self.max_depth = max_depth
        self.errors_left = 0
        if self.rng.random() < error_rate:
            self.errors_left = self.rng.choice([1, 1, 2])
        self.error_p = 0.08

    def on(self, feature):
        return feature not in self.exclude

    # ------------------------------------------------------------ types

    def rand_type(self, depth=0, simple=False):
        r = self.rng.random()
        if depth > 1 or simple or r < 0.55:
            return self.rng.choice([INT, INT, FLOAT, BOOL, STR, STR, NULL])
        if r < 0.75:
            return LIST(self.rand_type(depth + 1))
        if r < 0.95 or depth > 0:
            return SET(self.rand_fields(depth + 1))
        return FN(self.rand_type(depth + 1, True), self.rand_type(depth + 1, True))

    def rand_fields(self, depth):
        k = self.rng.randint(0, 3)
        names = self.rng.sample(ATTR_NAMES, k)
        return {n: self.rand_type(depth + 1) for n in names}

    def attr_name(self):
        r = self.rng.random()
        if r < 0.06 and self.on("quoted-attr"):
            return self.rng.choice(WEIRD_ATTRS)
        if r < 0.1 and self.on("keyword-attr"):
            return self.rng.choice(KEYWORD_ATTRS)
        return self.rng.choice(ATTR_NAMES)

    # ------------------------------------------------------------ entry

    def program(self):
        t = self.rand_type()
        return self.expr(t, Env(), 0)

    def expr(self, t, env, depth):
        if self.errors_left and self.rng.random() < self.error_p:
            e = self.error_expr(t, env, depth)
            if e is not None:
                self.errors_left -= 1
                return e
        budget = self.max_depth - depth
        cands = []
        self.generic(cands, t, env, depth, budget)
        kind = t[0]
        getattr(self, "gen_" + kind)(cands, t, env, depth, budget)
        cands = [(w, f, p) for (w, f, p) in cands if self.on(f)]
        if budget <= 0:
            leafs = [(w, f, p) for (w, f, p) in cands if f in ("int-lit", "float-lit", "str-lit", "var", "lit")]
            if leafs:
                cands = leafs
        if not cands:
            return self.literal(t, env)
        total = sum(w for w, _, _ in cands)
        r = self.rng.random() * total
        for w, f, p in cands:
            r -= w
            if r <= 0:
                out = p()
                if out is not None:
                    return out
                break
        return self.literal(t, env)

    def sub(self, t, env, depth):
        return self.expr(t, env, depth + 1)

    # ------------------------------------------------------------ literals

    def literal(self, t, env=None):
        """The simplest value of a type (never fails)."""
        k = t[0]
        if k == "int":
            return N(t, str(self.rng.randint(0, 9)))
        if k == "float":
            return N(t, self.rng.choice(["1.5", "0.25", "2.0", "0.1", "3.75"]))
        if k == "bool":
            return N(t, self.rng.choice(["true", "false"]))
        if k == "str":
            return N(t, nix_string(self.rng.choice(WORDS)))
        if k == "null":
            return N(t, "null")
        if k == "list":
            return N(t, "[ ]")
        if k == "set":
            parts = ["{"]
            for name, ft in t[1]:
                parts.append(OPT(" ", name, " = ", self.literal(ft), ";"))
            parts.append(" }")
            return N(t, *parts)
        if k == "fn":
            v = self.fresh(env)
            return N(t, "(", v, ": ", self.literal(t[2]), ")")
        raise ValueError(t)

    def minimal(self, t):
        """The smallest text of type t, for the shrinker."""
        k = t[0]
        return {"int": "0", "float": "0.5", "bool": "true", "str": '""',
                "null": "null", "list": "[ ]"}.get(k) or (
            self.literal(t).render() if k != "set" else
            "{ " + "".join("%s = %s; " % (n, self.minimal(ft)) for n, ft in t[1]) + "}")

    def fresh(self, env):
        used = env.resolve() if env else {}
        for _ in range(8):
            n = self.rng.choice(NAMES)
            if n not in used:
                return n
        return self.rng.choice(NAMES) + str(self.rng.randint(0, 99))

    # ------------------------------------------------------------ generic

    def generic(self, c, t, env, depth, budget):
        R = self.rng
        vars_ = [n for n, vt in env.resolve().items() if vt == t]
        if vars_:
            c.append((6, "var", lambda: N(t, R.choice(vars_))))
        if budget <= 0:
            return
        c.append((1.5, "if", lambda: N(t, "(if ", self.sub(BOOL, env, depth), " then ",
                                       self.sub(t, env, depth), " else ",
                                       self.sub(t, env, depth), ")")))
        c.append((2, "let", lambda: self.let_expr(t, env, depth, rec=False)))
        c.append((1, "rec-let", lambda: self.let_expr(t, env, depth, rec=True)))
        c.append((1, "with", lambda: self.with_expr(t, env, depth)))
        c.append((1.5, "lambda", lambda: self.apply_expr(t, env, depth)))
        c.append((1.5, "select", lambda: self.select_expr(t, env, depth)))
        c.append((0.7, "select-or", lambda: self.select_or(t, env, depth)))
        c.append((0.4, "b-seq", lambda: N(t, "(builtins.seq ", self.sub(self.rand_type(), env, depth),
                                           " ", self.sub(t, env, depth), ")")))
        c.append((0.3, "b-deepSeq", lambda: N(t, "(builtins.deepSeq ",
                                               self.sub(self.rand_type(), env, depth), " ",
                                               self.sub(t, env, depth), ")")))
        c.append((0.6, "b-getAttr", lambda: self.getattr_expr(t, env, depth)))
        c.append((0.3, "err-assert", lambda: N(t, "(assert ", self.holds(env, depth), "; ",
                                                self.sub(t, env, depth), ")")))
        c.append((0.6, "b-foldl", lambda: self.foldl_expr(t, env, depth)))
        if t[0] not in ("fn",):
            c.append((0.4, "b-elemAt", lambda: self.elemat_expr(t, env, depth)))
            c.append((0.4, "b-head", lambda: N(t, "(builtins.head ([ ", self.sub(t, env, depth),
                                                " ] ++ ", self.sub(LIST(t), env, depth), "))")))

    def holds(self, env, depth):
        """A condition that is true unless it fails."""
        b = self.sub(BOOL, env, depth)
        return self.rng.choice([N(BOOL, "true"), N(BOOL, "(", b, " || true)"), N(BOOL, "!(", b, " && false)"),
                                N(BOOL, "(", b, " -> true)")])

    def bindings(self, env, depth, n, rec):
        """n bindings (name, type, node); with rec, later ones may use earlier
        ones (and earlier ones later ones through laziness; kept acyclic)."""
        out = []
        names = []
        for _ in range(n):
            name = self.fresh(Env(env.scopes + [("lex", {m: None for m in names})]))
            names.append(name)
        scope = {m: None for m in names}
        for name in names:
            t = self.rand_type()
            benv = env.push("lex", scope)
            out.append((name, t, self.sub(t, benv, depth)))
            if rec:
                scope[name] = t
        return out

    def binding_parts(self, binds, env, depth):
        parts = []
        R = self.rng
        for name, t, node in binds:
            if t[0] == "set" and t[1] and R.random() < 0.3 and self.on("nested-attr"):
                # a.b = v; a.c = w;
                for fname, ft in t[1]:
                    parts.append(OPT(" %s.%s = " % (name, fname), self.literal(ft)
                                     if R.random() < 0.5 else self.sub(ft, env, depth), ";"))
                if not t[1]:
                    parts.append(" %s = { };" % name)
                continue
            parts.append(Node(None, [" %s = " % name, node, ";"]))
        return parts

    def let_expr(self, t, env, depth, rec):
        R = self.rng
        binds = self.bindings(env, depth, R.randint(1, 3), rec)
        scope = {n: bt for n, bt, _ in binds}
        inner = env.push("lex", scope)
        parts = ["(let"]
        if rec:
            # everything sees everything: reuse bindings made in order
            pass
        shadow = env.push("lex", {n: (bt if rec else None) for n, bt, _ in binds})
        parts += self.binding_parts(binds, shadow, depth)
        lex = env.lexical()
        if lex and R.random() < 0.3 and self.on("inherit"):
            n = R.choice(sorted(lex))
            if n not in scope:
                parts.append(OPT(" inherit %s;" % n))
                scope[n] = lex[n]
                inner = env.push("lex", scope)
        parts += [" in ", self.sub(t, inner, depth), ")"]
        return N(t, *parts)

    def with_expr(self, t, env, depth):
        st = SET(self.rand_fields(0))
        inner = env.push("with", set_fields(st))
        return N(t, "(with ", self.sub(st, env, depth), "; ", self.sub(t, inner, depth), ")")

    def select_expr(self, t, env, depth):
        R = self.rng
        name = R.choice(ATTR_NAMES)
        fields = self.rand_fields(1)
        fields[name] = t
        st = SET(fields)
        sel = name
        if R.random() < 0.15 and self.on("dynamic-attr"):
            sel = '${"%s"}' % name
        elif R.random() < 0.15:
            sel = '"%s"' % name
        return N(t, "(", self.sub(st, env, depth), ").", sel)

    def select_or(self, t, env, depth):
        R = self.rng
        fields = self.rand_fields(1)
        name = R.choice(ATTR_NAMES)
        if R.random() < 0.5:
            fields.pop(name, None)
        else:
            fields[name] = t
        return N(t, "((", self.sub(SET(fields), env, depth), ").", name, " or ",
                 self.sub(t, env, depth), ")")

    def getattr_expr(self, t, env, depth):
        name = self.rng.choice(ATTR_NAMES)
        fields = self.rand_fields(1)
        fields[name] = t
        return N(t, "(builtins.getAttr ", nix_string(name), " ", self.sub(SET(fields), env, depth), ")")

    def foldl_expr(self, t, env, depth):
        et = self.rand_type(1)
        acc = self.fresh(env)
        x = self.fresh(env.push("lex", {acc: t}))
        inner = env.push("lex", {acc: t, x: et})
        return N(t, "(builtins.foldl' (", acc, ": ", x, ": ", self.sub(t, inner, depth + 1), ") ",
                 self.sub(t, env, depth), " ", self.sub(LIST(et), env, depth), ")")

    def elemat_expr(self, t, env, depth):
        k = self.rng.randint(1, 3)
        items = []
        for _ in range(k):
            items += [" ", self.sub(t, env, depth + 1)]
        return N(t, "(builtins.elemAt [", *items, " ] ", str(self.rng.randint(0, k - 1)), ")")

    def fn_expr(self, a, r, env, depth):
        """A function from a to r: a plain lambda, or for a set argument,
        formals (with defaults, @ and ... as the argument allows)."""
        R = self.rng
        if a[0] == "set" and R.random() < 0.6 and self.on("formals"):
            fields = set_fields(a)
            names = list(fields)
            R.shuffle(names)
            formals = []
            scope = {}
            denv = env.push("lex", {n: None for n in names})
            for n in names:
                if n.startswith('"') or n in KEYWORD_ATTRS:
                    continue
                if R.random() < 0.8:
                    scope[n] = fields[n]
                    if R.random() < 0.3 and self.on("formals-default"):
                        formals.append([n, " ? ", self.sub(fields[n], denv, depth + 1)])
                    else:
                        formals.append([n])
            ellipsis = len(scope) < len(fields) or (R.random() < 0.3 and self.on("formals-ellipsis"))
            if len(scope) < len(fields) and not self.on("formals-ellipsis"):
                return N(FN(a, r), "(", self.fresh(env), ": ", self.sub(r, env, depth), ")")
            # an extra optional formal the argument never has
            if R.random() < 0.2 and self.on("formals-default"):
                extra = self.fresh(env.push("lex", scope))
                if extra not in fields:
                    et = self.rand_type(2, True)
                    formals.append([extra, " ? ", self.sub(et, denv.push("lex", {extra: None}), depth + 1)])
                    scope[extra] = et
            parts = ["({"]
            for i, f in enumerate(formals):
                parts += [" " if i == 0 else ", "] + f
            if ellipsis:
                parts.append(", ..." if formals else " ...")
            parts.append(" }")
            if R.random() < 0.25 and self.on("formals-at"):
                at = self.fresh(env.push("lex", scope))
                if R.random() < 0.5:
                    parts.insert(1, "")
                    parts[0] = "(" + at + " @ {"
                else:
                    parts.append(" @ " + at)
                scope[at] = a
            parts.append(": ")
            parts.append(self.sub(r, env.push("lex", scope), depth))
            parts.append(")")
            return N(FN(a, r), *parts)
        v = self.fresh(env)
        return N(FN(a, r), "(", v, ": ", self.sub(r, env.push("lex", {v: a}), depth), ")")

    def apply_expr(self, t, env, depth):
        a = self.rand_type(1)
        if self.rng.random() < 0.3:
            a = SET(self.rand_fields(1))
        f = self.fn_expr(a, t, env, depth + 1) if self.rng.random() < 0.7 else self.sub(FN(a, t), env, depth)
        return N(t, "(", f, " ", self.sub(a, env, depth), ")")

    # ------------------------------------------------------------ per type

    def gen_int(self, c, t, env, depth, budget):
        R = self.rng
        c.append((3, "int-lit", lambda: N(t, str(R.randint(0, 20)) if R.random() < 0.8
                                          else "(%d)" % R.randint(-20, -1))))
        if budget <= 0:
            return
        c.append((0.0, "big-int", lambda: N(t, R.choice(["9223372036854775807", "(-9223372036854775807)",
                                                           "4611686018427387904"]))))
        for op in ["+", "-", "*"]:
            c.append((1, "arith", lambda op=op: N(t, "(", self.sub(INT, env, depth), " %s " % op,
                                                   self.sub(INT, env, depth), ")")))
        c.append((0.7, "div", lambda: N(t, "(", self.sub(INT, env, depth), " / ",
                                        str(R.randint(1, 7)), ")")))
        c.append((0.5, "b-arith", lambda: N(t, "(builtins.%s " % R.choice(["add", "sub", "mul"]),
                                             self.sub(INT, env, depth), " ", self.sub(INT, env, depth), ")")))
        c.append((0.3, "b-arith", lambda: N(t, "(builtins.div ", self.sub(INT, env, depth), " ",
                                             str(R.choice([1, 2, 3, -2])), ")")))
        c.append((0.4, "b-bit", lambda: N(t, "(builtins.%s " % R.choice(["bitAnd", "bitOr", "bitXor"]),
                                           self.sub(INT, env, depth), " ", self.sub(INT, env, depth), ")")))
        c.append((1, "b-length", lambda: N(t, "(builtins.length ", self.sub(LIST(self.rand_type(1)), env, depth), ")")))
        c.append((1, "b-stringLength", lambda: N(t, "(builtins.stringLength ", self.sub(STR, env, depth), ")")))
        c.append((0.5, "b-compareVersions", lambda: N(t, "(builtins.compareVersions ", self.sub(STR, env, depth),
                                                       " ", self.sub(STR, env, depth), ")")))
        c.append((0.4, "b-floor-ceil", lambda: N(t, "(builtins.%s " % R.choice(["floor", "ceil"]),
                                                  self.sub(FLOAT, env, depth), ")")))
        c.append((0.3, "b-fromJSON", lambda: N(t, "(builtins.fromJSON ", nix_string(R.choice(
            ["1", "-3", "42", " 7 ", "1e0", "0"])), ")")))
        c.append((0.3, "b-length", lambda: N(t, "(builtins.length (builtins.attrNames ",
                                              self.sub(SET(self.rand_fields(1)), env, depth), "))")))

    def gen_float(self, c, t, env, depth, budget):
        R = self.rng
        c.append((3, "float-lit", lambda: N(t, R.choice(["1.5", "0.25", "2.0", "0.1", "3.75", "100.125",
                                                           "1.0e3", "2.5e-3", ".5", "7.", "0.3333"])
                                            if R.random() < 0.9 else "(-%s)" % R.choice(["1.5", "0.5"]))))
        if budget <= 0:
            return
        for op in ["+", "-", "*", "/"]:
            c.append((1, "mixed-arith", lambda op=op: self.mixed(t, op, env, depth)))
        c.append((0.4, "b-arith", lambda: N(t, "(builtins.%s " % R.choice(["add", "sub", "mul", "div"]),
                                             self.sub(FLOAT, env, depth), " ",
                                             self.sub(R.choice([INT, FLOAT]), env, depth), ")")))
        c.append((0.3, "b-fromJSON", lambda: N(t, "(builtins.fromJSON ", nix_string(R.choice(
            ["1.5", "-0.25", "1e2", "2.5E1", "0.0"])), ")")))

    def mixed(self, t, op, env, depth):
        R = self.rng
        a, b = R.choice([(INT, FLOAT), (FLOAT, INT), (FLOAT, FLOAT)])
        if op == "/":
            right = N(b, R.choice(["2", "3", "0.5", "4.0", "(-2)"] if b == INT else ["2.0", "0.5", "3.0", "(-4.0)"]))
            if b == INT and right.parts[0] in ("0.5", "4.0"):
                right = N(b, "3")
            if b == FLOAT and right.parts[0].strip("()-").isdigit():
                right = N(b, "2.0")
        else:
            right = self.sub(b, env, depth)
        return N(t, "(", self.sub(a, env, depth), " %s " % op, right, ")")

    def gen_bool(self, c, t, env, depth, budget):
        R = self.rng
        c.append((3, "lit", lambda: N(t, R.choice(["true", "false"]))))
        if budget <= 0:
            return
        for op in ["<", "<=", ">", ">="]:
            c.append((0.4, "compare", lambda op=op: self.cmp(t, op, env, depth)))
        for op in ["==", "!="]:
            c.append((0.6, "eq", lambda op=op: self.eq(t, op, env, depth)))
        for op in ["&&", "||"]:
            c.append((0.6, "logic", lambda op=op: N(t, "(", self.sub(BOOL, env, depth), " %s " % op,
                                                     self.sub(BOOL, env, depth), ")")))
        c.append((0.4, "implies", lambda: N(t, "(", self.sub(BOOL, env, depth), " -> ",
                                            self.sub(BOOL, env, depth), ")")))
        c.append((0.5, "not", lambda: N(t, "(!", self.sub(BOOL, env, depth), ")")))
        c.append((0.8, "has-attr-op", lambda: self.has_attr(t, env, depth)))
        c.append((0.5, "b-elem", lambda: self.elem(t, env, depth)))
        c.append((0.3, "b-match", lambda: N(t, "(builtins.match ", R.choice(REGEXES), " ", self.sub(STR, env, depth),
                                             " == null)")))
        c.append((0.6, "b-isX", lambda: N(t, "(builtins.%s " % R.choice(
            ["isInt", "isFloat", "isBool", "isString", "isList", "isAttrs", "isFunction", "isNull", "isPath"]),
            self.sub(self.rand_type(), env, depth), ")")))
        c.append((0.5, "b-hasAttr", lambda: N(t, "(builtins.hasAttr ", nix_string(R.choice(ATTR_NAMES)), " ",
                                               self.sub(SET(self.rand_fields(1)), env, depth), ")")))
        c.append((0.5, "b-lessThan", lambda: self.cmp(t, None, env, depth)))
        c.append((0.5, "b-all-any", lambda: self.all_any(t, env, depth)))
        c.append((0.8, "b-tryEval", lambda: N(t, "(builtins.tryEval ", self.sub(self.rand_type(), env, depth),
                                               ").success")))
        c.append((0.3, "tryEval-error", lambda: N(t, "(builtins.tryEval ", self.catchable_error(), ").success")))

    def cmp(self, t, op, env, depth):
        R = self.rng
        k = R.random()
        if k < 0.4:
            a, b = INT, R.choice([INT, FLOAT])
        elif k < 0.55:
            a, b = FLOAT, R.choice([INT, FLOAT])
        elif k < 0.85 or not self.on("list-compare"):
            a = b = STR
        else:
            a = b = LIST(R.choice([INT, STR]))
        if op is None:
            return N(t, "(builtins.lessThan ", self.sub(a, env, depth), " ", self.sub(b, env, depth), ")")
        return N(t, "(", self.sub(a, env, depth), " %s " % op, self.sub(b, env, depth), ")")

    def eq(self, t, op, env, depth):
        R = self.rng
        a = self.rand_type()
        if a[0] == "fn":
            a = INT
        b = a
        if R.random() < 0.15:
            b = self.rand_type()
            if b[0] == "fn":
                b = a
        if a in (INT, FLOAT) and R.random() < 0.3:
            b = FLOAT if a == INT else INT
        return N(t, "(", self.sub(a, env, depth), " %s " % op, self.sub(b, env, depth), ")")

    def has_attr(self, t, env, depth):
        R = self.rng
        fields = self.rand_fields(1)
        path = R.choice(ATTR_NAMES)
        if R.random() < 0.3 and self.on("nested-attr"):
            path += "." + R.choice(ATTR_NAMES)
        elif R.random() < 0.15 and self.on("dynamic-attr"):
            path = '${"%s"}' % path
        elif R.random() < 0.1:
            path = '"%s"' % path
        return N(t, "(", self.sub(SET(fields), env, depth), " ? ", path, ")")

    def elem(self, t, env, depth):
        a = self.rng.choice([INT, STR, FLOAT, BOOL])
        return N(t, "(builtins.elem ", self.sub(a, env, depth), " ", self.sub(LIST(a), env, depth), ")")

    def all_any(self, t, env, depth):
        a = self.rand_type(1)
        return N(t, "(builtins.%s " % self.rng.choice(["all", "any"]), self.fn_expr(a, BOOL, env, depth + 1),
                 " ", self.sub(LIST(a), env, depth), ")")

    def gen_null(self, c, t, env, depth, budget):
        c.append((3, "lit", lambda: N(t, "null")))
        if budget <= 0:
            return
        c.append((0.5, "b-fromJSON", lambda: N(t, '(builtins.fromJSON "null")')))
        c.append((0.4, "b-match", lambda: N(t, '(builtins.match "x" "y")')))

    def gen_str(self, c, t, env, depth, budget):
        R = self.rng
        c.append((3, "str-lit", lambda: N(t, nix_string(R.choice(WORDS)))))
        c.append((0.6, "str-escape", lambda: N(t, R.choice([
            r'"a\nb"', r'"tab\there"', r'"q\"q"', r'"back\\slash"', r'"\${x}"', r'"$"', r'"a$b"',
            r'"$${x}"', r'"\r"', r'"\x"', '"é"', '"multi\nline"', r'"$$"']))))
        if budget <= 0:
            return
        c.append((1, "interp", lambda: self.interp(t, env, depth)))
        c.append((0.8, "indented", lambda: self.indented(t, env, depth)))
        c.append((1, "str-concat", lambda: N(t, "(", self.sub(STR, env, depth), " + ",
                                              self.sub(STR, env, depth), ")")))
        c.append((1, "b-toString", lambda: N(t, "(builtins.toString ",
                                              self.sub(R.choice([INT, FLOAT, BOOL, NULL, STR, LIST(INT),
                                                                 LIST(STR), LIST(BOOL)]), env, depth), ")")))
        c.append((1, "b-toJSON", lambda: N(t, "(builtins.toJSON ", self.sub(self.data_type(), env, depth), ")")))
        c.append((0.2, "b-toXML", lambda: N(t, "(builtins.toXML ", self.sub(self.data_type(), env, depth), ")")))
        c.append((0.8, "b-concatStringsSep", lambda: N(t, "(builtins.concatStringsSep ", self.sub(STR, env, depth),
                                                        " ", self.sub(LIST(STR), env, depth), ")")))
        c.append((0.7, "b-replaceStrings", lambda: self.replace(t, env, depth)))
        c.append((0.7, "b-substring", lambda: N(t, "(builtins.substring ", str(R.randint(0, 4)), " ",
                                                 str(R.choice([0, 1, 2, 5, -1])), " ",
                                                 self.sub(STR, env, depth), ")")))
        c.append((0.6, "b-typeOf", lambda: N(t, "(builtins.typeOf ", self.sub(self.rand_type(), env, depth), ")")))
        c.append((0.3, "b-hashString", lambda: N(t, "(builtins.hashString \"%s\" " % R.choice(["md5", "sha1", "sha256"]),
                                                  self.sub(STR, env, depth), ")")))
        c.append((0.3, "b-fromJSON", lambda: N(t, "(builtins.fromJSON ", nix_string(R.choice(
            ['"a"', '"\\u00e9"', '"x\\ny"', '"\\"q\\""', '""']), ), ")")))

    def data_type(self):
        t = self.rand_type()
        while self.contains_fn(t):
            t = self.rand_type()
        return t

    def contains_fn(self, t):
        if t[0] == "fn":
            return True
        if t[0] == "list":
            return self.contains_fn(t[1])
        if t[0] == "set":
            return any(self.contains_fn(ft) for _, ft in t[1])
        return False

    def interp(self, t, env, depth):
        R = self.rng
        parts = ['"']
        for _ in range(R.randint(1, 3)):
            parts.append(R.choice(["", "a", "-", " x ", "\\n", "$ ", "\\${"]))
            if R.random() < 0.3:
                parts += ["${toString ", self.sub(R.choice([INT, FLOAT, BOOL]), env, depth), "}"]
            else:
                parts += ["${", self.sub(STR, env, depth), "}"]
        parts.append('"')
        return N(t, *parts)

    def indented(self, t, env, depth):
        R = self.rng
        lines = []
        indent = R.choice(["  ", "    ", ""])
        parts = ["''"]
        if R.random() < 0.5:
            parts.append("\n")
        for i in range(R.randint(1, 3)):
            parts.append(indent + R.choice(["", "  "]) + R.choice(["a", "line b", "x = 1;", "tab\t", "$x"]))
            r = R.random()
            if r < 0.3:
                parts += ["${", self.sub(STR, env, depth), "}"]
            elif r < 0.5 and self.on("indented-escape"):
                parts.append(R.choice(["''$", "'''", "''\\n", "''\\t", "''${x}", "$${", "''\\\\", "''\\x"]))
            parts.append(R.choice(["\n", "\n", "\n\n", " \n"]))
        parts.append(R.choice(["", indent, "  "]) + "''")
        return N(t, *parts)

    def replace(self, t, env, depth):
        R = self.rng
        k = R.randint(0, 3)
        froms = R.sample(["a", "b", "", "o", "ab", "x", "-", "."], k)
        tos = []
        for _ in range(k):
            tos += [" ", self.sub(STR, env, depth + 1)]
        return N(t, "(builtins.replaceStrings [ ", " ".join(nix_string(f) for f in froms), " ] [",
                 *tos, " ] ", self.sub(STR, env, depth), ")")

    def gen_list(self, c, t, env, depth, budget):
        R = self.rng
        et = t[1]
        c.append((3, "lit", lambda: self.list_lit(t, env, depth)))
        if budget <= 0:
            return
        c.append((1, "concat-list", lambda: N(t, "(", self.sub(t, env, depth), " ++ ", self.sub(t, env, depth), ")")))
        c.append((1, "b-map", lambda: self.map_expr(t, env, depth)))
        c.append((0.8, "b-filter", lambda: N(t, "(builtins.filter ", self.fn_expr(et, BOOL, env, depth + 1), " ",
                                              self.sub(t, env, depth), ")")))
        c.append((0.8, "b-genList", lambda: N(t, "(builtins.genList ", self.fn_expr(INT, et, env, depth + 1), " ",
                                               str(R.randint(0, 4)), ")")))
        c.append((0.6, "b-concatMap", lambda: self.concatmap(t, env, depth)))
        c.append((0.5, "b-tail", lambda: N(t, "(builtins.tail ([ ", self.sub(et, env, depth), " ] ++ ",
                                            self.sub(t, env, depth), "))")))
        c.append((0.4, "b-concatLists", lambda: N(t, "(builtins.concatLists ", self.sub(LIST(t), env, depth), ")")))
        if et in (INT, STR, FLOAT):
            c.append((0.8, "b-sort", lambda: N(t, "(builtins.sort ", R.choice([
                "builtins.lessThan", "(a: b: a < b)", "(a: b: b < a)", "(a: b: a > b)"]), " ",
                self.sub(t, env, depth), ")")))
        if et == STR:
            c.append((0.8, "b-attrNames", lambda: N(t, "(builtins.attrNames ",
                                                     self.sub(SET(self.rand_fields(1)), env, depth), ")")))
            c.append((0.5, "b-match", lambda: self.match_expr(t, env, depth)))
            c.append((0.5, "b-splitVersion", lambda: N(t, "(builtins.splitVersion ", self.sub(STR, env, depth), ")")))
            c.append((0.3, "b-functionArgs", lambda: N(t, "(builtins.attrNames (builtins.functionArgs ",
                                                        self.fn_expr(SET(self.rand_fields(1)), INT, env, depth + 1),
                                                        "))")))
        if et == STR or et == LIST(STR):
            c.append((0.5, "b-split", lambda: self.split_expr(t, env, depth)))
        c.append((0.5, "b-attrValues", lambda: self.attrvalues(t, env, depth)))
        c.append((0.3, "b-catAttrs", lambda: N(t, "(builtins.catAttrs \"a\" ", self.sub(LIST(SET(
            {"a": et, "b": INT} if R.random() < 0.5 else {"b": INT})), env, depth), ")")))
        if et == INT:
            c.append((0.3, "b-fromJSON", lambda: N(t, "(builtins.fromJSON ", nix_string(R.choice(
                ["[1,2,3]", "[]", " [ 4 ] "])), ")")))

    def list_lit(self, t, env, depth):
        parts = ["["]
        for _ in range(self.rng.randint(0, 3)):
            parts.append(OPT(" ", self.sub(t[1], env, depth)))
        parts.append(" ]")
        return N(t, *parts)

    def map_expr(self, t, env, depth):
        a = self.rand_type(1)
        return N(t, "(builtins.map ", self.fn_expr(a, t[1], env, depth + 1), " ",
                 self.sub(LIST(a), env, depth), ")")

    def concatmap(self, t, env, depth):
        a = self.rand_type(1)
        return N(t, "(builtins.concatMap ", self.fn_expr(a, t, env, depth + 1), " ",
                 self.sub(LIST(a), env, depth), ")")

    def split_expr(self, t, env, depth):
        """split's result mixes strings and lists of groups: keep the
        strings (a list of strings) or the groups (a list of lists)."""
        if t[1] == STR:
            return N(t, "(builtins.filter builtins.isString (builtins.split ", self.rng.choice(REGEXES), " ",
                     self.sub(STR, env, depth), "))")
        return N(t, "(builtins.map (builtins.map (g: if g == null then \"\" else g)) "
                    "(builtins.filter builtins.isList (builtins.split ",
                 self.rng.choice(['"(a)"', '"([0-9])"', '"(x)(y)?"', '"(a|ab)(c)?"']), " ",
                 self.sub(STR, env, depth), ")))")

    def match_expr(self, t, env, depth):
        """match's groups, strings (an unmatched group as "")."""
        m = self.fresh(env)
        return N(t, "(let %s = builtins.match " % m, self.rng.choice(REGEXES), " ", self.sub(STR, env, depth),
                 "; in if %s == null then [ ] else builtins.map (g: if g == null then \"\" else g) %s)" % (m, m))

    def attrvalues(self, t, env, depth):
        fields = {n: t[1] for n in self.rng.sample(ATTR_NAMES, self.rng.randint(0, 3))}
        return N(t, "(builtins.attrValues ", self.sub(SET(fields), env, depth), ")")

    def gen_set(self, c, t, env, depth, budget):
        R = self.rng
        fields = set_fields(t)
        c.append((3, "lit", lambda: self.set_lit(t, env, depth)))
        if budget <= 0:
            return
        c.append((0.6, "rec-set", lambda: self.set_lit(t, env, depth, rec=True)))
        c.append((0.5, "dynamic-attr", lambda: self.set_lit(t, env, depth, dynamic=True)))
        c.append((1, "update", lambda: self.update(t, env, depth)))
        c.append((0.6, "b-mapAttrs", lambda: self.mapattrs(t, env, depth)))
        c.append((0.6, "b-listToAttrs", lambda: self.listtoattrs(t, env, depth)))
        c.append((0.5, "b-removeAttrs", lambda: self.removeattrs(t, env, depth)))
        c.append((0.5, "b-intersectAttrs", lambda: self.intersect(t, env, depth)))
        c.append((0.5, "inherit-from", lambda: self.inherit_from(t, env, depth)))
        if not fields:
            c.append((0.3, "b-attrset-misc", lambda: N(t, R.choice(["{ }", "(builtins.removeAttrs { } [ ])",
                                                                    "(builtins.listToAttrs [ ])"]))))
        if set(fields) == {"success", "value"}:
            pass
        if set(fields) == {"right", "wrong"} and fields["right"] == fields["wrong"] and fields["right"][0] == "list":
            et = fields["right"][1]
            c.append((5, "b-partition", lambda: N(t, "(builtins.partition ", self.fn_expr(et, BOOL, env, depth + 1),
                                                   " ", self.sub(fields["right"], env, depth), ")")))
        vals = set(fields.values())
        if len(vals) == 1:
            vt = vals.pop()
            if vt[0] == "list":
                c.append((0.6, "b-groupBy", lambda: self.groupby(t, vt, env, depth)))
                c.append((0.6, "b-zipAttrsWith", lambda: self.zip(t, vt, env, depth)))

    def set_lit(self, t, env, depth, rec=False, dynamic=False):
        R = self.rng
        fields = set_fields(t)
        parts = ["rec {" if rec else "{"]
        scope = {}
        if rec:
            scope = {n: None for n in fields if not n.startswith('"') and n not in KEYWORD_ATTRS}
        inner = env.push("lex", scope) if rec else env
        lex = env.lexical()
        for name, ft in fields.items():
            if rec and len(scope) and name in scope:
                inner = env.push("lex", scope)
            if (R.random() < 0.2 and self.on("inherit") and lex.get(name) == ft and not rec
                    and name not in KEYWORD_ATTRS):
                parts.append(OPT(" inherit %s;" % name))
                continue
            key = name
            if dynamic and R.random() < 0.5:
                if R.random() < 0.5:
                    key = '${"%s"}' % name.strip('"')
                else:
                    key = N(STR, "${", nix_string(name.strip('"')[:1]), " + ", nix_string(name.strip('"')[1:]), "}")
                    parts.append(Node(None, [" ", key, " = ", self.sub(ft, env if dynamic else inner, depth), ";"]))
                    continue
            if ft[0] == "set" and ft[1] and R.random() < 0.25 and self.on("nested-attr") and not rec:
                for fname, fft in ft[1]:
                    parts.append(Node(None, [" %s.%s = " % (key, fname), self.sub(fft, inner, depth + 1), ";"]))
                continue
            parts.append(Node(None, [" ", key, " = ", self.sub(ft, inner, depth), ";"]))
            if rec and name in scope:
                scope[name] = ft
        if R.random() < 0.15 and self.on("keyword-attr") and not fields:
            pass
        parts.append(" }")
        return N(t, *parts)

    def update(self, t, env, depth):
        R = self.rng
        fields = set_fields(t)
        left, right = {}, {}
        for n, ft in fields.items():
            r = R.random()
            if r < 0.4:
                left[n] = ft
            elif r < 0.8:
                right[n] = ft
            else:
                left[n] = self.rand_type(1)  # shadowed by the right
                right[n] = ft
        return N(t, "(", self.sub(SET(left), env, depth), " // ", self.sub(SET(right), env, depth), ")")

    def mapattrs(self, t, env, depth):
        fields = set_fields(t)
        vals = set(fields.values())
        if len(vals) > 1:
            return None
        vt = vals.pop() if vals else INT
        a = self.rand_type(1)
        n = self.fresh(env)
        inner = env.push("lex", {n: STR})
        src = SET({k: a for k in fields})
        return N(t, "(builtins.mapAttrs (", n, ": ", self.fn_expr(a, vt, inner, depth + 1), ") ",
                 self.sub(src, env, depth), ")")

    def listtoattrs(self, t, env, depth):
        R = self.rng
        parts = ["(builtins.listToAttrs ["]
        for n, ft in set_fields(t).items():
            if R.random() < 0.2:
                # an earlier duplicate wins
                parts.append(OPT(" { name = %s; value = " % nix_string(n.strip('"')), self.sub(ft, env, depth + 1), "; }"))
                parts.append(OPT(" { name = %s; value = " % nix_string(n.strip('"')),
                                 self.sub(self.rand_type(2), env, depth + 1), "; }"))
            else:
                parts.append(OPT(" { name = %s; value = " % nix_string(n.strip('"')), self.sub(ft, env, depth + 1), "; }"))
        parts.append(" ])")
        return N(t, *parts)

    def removeattrs(self, t, env, depth):
        R = self.rng
        fields = set_fields(t)
        extra = {n: self.rand_type(2) for n in R.sample(ATTR_NAMES, 2) if n not in fields}
        src = dict(fields)
        src.update(extra)
        names = list(extra) + ([R.choice(ATTR_NAMES)] if R.random() < 0.3 else [])
        names = [n for n in names if n not in fields]
        return N(t, "(builtins.removeAttrs ", self.sub(SET(src), env, depth), " [ ",
                 " ".join(nix_string(n.strip('"')) for n in names), " ])")

    def intersect(self, t, env, depth):
        R = self.rng
        fields = set_fields(t)
        left = {n: self.rand_type(2) for n in fields}
        for n in R.sample(ATTR_NAMES, 2):
            if n not in fields:
                left[n] = INT
        right = dict(fields)
        for n in R.sample(ATTR_NAMES, 2):
            if n not in left:
                right[n] = STR
        return N(t, "(builtins.intersectAttrs ", self.sub(SET(left), env, depth), " ",
                 self.sub(SET(right), env, depth), ")")

    def inherit_from(self, t, env, depth):
        R = self.rng
        fields = set_fields(t)
        plain = [n for n in fields if not n.startswith('"') and n not in KEYWORD_ATTRS]
        if not plain:
            return None
        take = R.sample(plain, R.randint(1, len(plain)))
        src = {n: fields[n] for n in take}
        for n in R.sample(ATTR_NAMES, 1):
            if n not in src:
                src[n] = self.rand_type(2)
        v = self.fresh(env)
        parts = ["(let ", v, " = ", self.sub(SET(src), env, depth), "; in {", " inherit (%s) %s;" % (v, " ".join(take))]
        inner = env.push("lex", {v: SET(src)})
        for n, ft in fields.items():
            if n not in take:
                parts.append(Node(None, [" ", n, " = ", self.sub(ft, inner, depth), ";"]))
        parts.append(" })")
        return N(t, *parts)

    def groupby(self, t, vt, env, depth):
        # only for an empty result or a single group keyed by a known name
        fields = set_fields(t)
        if len(fields) != 1 or fields[list(fields)[0]] != vt:
            return None
        (name,) = fields
        if name.startswith('"') or name in KEYWORD_ATTRS:
            return None
        et = vt[1]
        x = self.fresh(env)
        return N(t, "(builtins.groupBy (%s: %s) [ " % (x, nix_string(name)), self.sub(et, env, depth), " ",
                 self.sub(et, env, depth), " ])")

    def zip(self, t, vt, env, depth):
        fields = set_fields(t)
        et = vt[1]
        n, vs = self.fresh(env), self.fresh(env)
        # zipAttrsWith (name: values: values) [ sets ] gives lists of values
        k = self.rng.randint(1, 2)
        parts = ["(builtins.zipAttrsWith (%s: %s: %s) [" % (n, vs, vs)]
        for _ in range(k):
            parts += [" ", self.sub(SET({f: et for f in fields}), env, depth)]
        parts.append(" ])")
        return N(t, *parts)

    def gen_fn(self, c, t, env, depth, budget):
        c.append((3, "lambda", lambda: self.fn_expr(t[1], t[2], env, depth)))

    # ------------------------------------------------------------ errors

    def catchable_error(self):
        R = self.rng
        return N(None, R.choice(['(throw "boom")', "(assert false; 1)", '(throw "")',
                                 "(assert 1 == 2; 3)", '(throw "a\\tb")']))

    def error_expr(self, t, env, depth):
        R = self.rng
        opts = [
            ("err-throw", lambda: N(t, "(throw ", nix_string(R.choice(["boom", "no", "x y", "é"])), ")")),
            ("err-abort", lambda: N(t, '(abort "stop")')),
            ("err-assert", lambda: N(t, "(assert ", R.choice(["false", "(1 > 2)", '("a" == "b") && true',
                                                            "!true"]), "; ", self.literal(t), ")")),
            ("err-assert-eq", lambda: N(t, "(assert ", R.choice(["1 == 2", '"a" == "b"', "[ 1 ] == [ 2 ]",
                                                               "{ a = 1; } == { a = 2; }", "1.5 == 2"]),
                                        "; ", self.literal(t), ")")),
            ("err-type", lambda: N(t, "(", R.choice(['1 + "a"', '"a" + 1', "true + 1", "{ } + 1", "[ ] + [ ]",
                                                     '1 - "x"', "null * 2", "!1", "1 && true", "(1 2)",
                                                     "builtins.length 1", "builtins.attrNames [ ]",
                                                     "builtins.head { }", "builtins.map 1 [ 1 ]",
                                                     '"a" < 1', "[ 1 ] < 2", "{ } < { }",
                                                     "builtins.stringLength 1", "1 // { }",
                                                     "[ 1 ] ++ 2", "if 1 then 2 else 3",
                                                     "builtins.filter (x: 1) [ 1 ]", "(x: x) 1 2"]), ")")),
            ("err-missing-attr", lambda: N(t, "(", R.choice(["{ a = 1; }.b", "{ }.x", "{ foo = 1; }.fo",
                                                             'builtins.getAttr "q" { }', "(let s = { a.b = 1; }; in s.a.c)",
                                                             "{ a = 1; }.a.b", "1 .a"]), ")")),
            ("err-div-zero", lambda: N(t, "(", R.choice(["1 / 0", "builtins.div 5 0", "1.5 / 0", "0 / 0.0"]), ")")),
            ("err-head-empty", lambda: N(t, "(", R.choice(["builtins.head [ ]", "builtins.tail [ ]"]), ")")),
            ("err-elemAt", lambda: N(t, "(", R.choice(["builtins.elemAt [ 1 ] 3", "builtins.elemAt [ ] 0",
                                                       "builtins.elemAt [ 1 ] (-1)"]), ")")),
            ("err-call-args", lambda: N(t, "(", R.choice(["({ a }: a) { }", "({ a }: a) { a = 1; b = 2; }",
                                                          "({ a, b ? 1 }: a) { b = 1; }", "(x: x) { } { }",
                                                          "({ a, ... }@s: a) { }"]), ")")),
            ("err-coerce", lambda: N(t, "(", R.choice(['"${{ }}"', "toString { }", '"${1}"', "toString (x: x)",
                                                       "builtins.concatStringsSep 1 [ ]", '"${[ ]}"',
                                                       "builtins.toJSON (x: x)"]), ")")),
            ("err-substring", lambda: N(t, '(builtins.substring (-1) 1 "abc")')),
            ("err-overflow", lambda: N(t, "(", R.choice(["9223372036854775807 + 1", "(-9223372036854775807) - 2",
                                                         "4611686018427387904 * 2", "builtins.mul 3037000500 3037000500"]),
                                       ")")),
            ("err-fromJSON", lambda: N(t, "(builtins.fromJSON ", nix_string(R.choice(["[1,", "{", "tru", "", "1 2"])),
                                       ")")),
        ]
        opts = [(f, p) for f, p in opts if self.on(f)]
        if not opts:
            return None
        f, p = R.choice(opts)
        return p()


def generate(seed, exclude=(), error_rate=0.15, max_depth=5):
    """The expression tree of program number `seed`."""
    g = Gen(seed, exclude, error_rate, max_depth)
    return g.program(), g
