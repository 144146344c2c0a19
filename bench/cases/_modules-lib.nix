# Not a benchmark case (run.py skips files whose name starts with `_`).
# A small module system, written for the modules-*.nix benchmarks, with
# the shape of the NixOS one:
#
# - `evalModules { modules; specialArgs; }` loads modules (sets, or
#   functions of `{ config, options, lib, ... }`, with `imports`), merges
#   their option declarations into one tree and evaluates every option from
#   all definitions. `config` is the result, and is also what the modules
#   receive, so definitions read it lazily (a fixpoint).
# - Properties: `mkIf`, `mkMerge`, `mkOverride` (`mkDefault`, `mkForce`,
#   `mkOptionDefault` for declared defaults) and `mkOrder` (`mkBefore`,
#   `mkAfter`). Properties around a set of definitions are pushed down to
#   its attributes, so a module's whole `config` can be `mkIf` on a value of
#   `config` itself; `mkIf` conditions are evaluated only at the options
#   they guard.
# - Types with `check` and `merge`: str, int, bool, lines, enum, nullOr,
#   listOf, attrsOf and submodule (evaluated with `evalModules` again, the
#   definitions becoming modules, with the attribute name as `name`).
# - Definitions remember the module (file) they come from. Defining an
#   option that was not declared is an error, as is a value of the wrong
#   type, conflicting definitions, or reading an option that has neither a
#   definition nor a default; the messages name the files.
# - `options` (also passed to the modules) is the declarations with each
#   option's `value`, `isDefined`, `highestPrio` and `files`.
let
  inherit (builtins) foldl' genList listToAttrs mapAttrs attrNames
    isAttrs isList isString isInt isBool isFunction length elem filter
    concatLists sort head tail elemAt removeAttrs concatStringsSep
    toJSON;

  concatMap = f: xs: concatLists (map f xs);
  showLoc = concatStringsSep ".";
  typeOf = v: if isAttrs v then v._type or null else null;
  isOption = v: typeOf v == "option";

  # --- properties -------------------------------------------------------

  mkIf = condition: content: { _type = "if"; inherit condition content; };
  mkMerge = contents: { _type = "merge"; inherit contents; };
  mkOverride = priority: content: { _type = "override"; inherit priority content; };
  mkOptionDefault = mkOverride 1500;
  mkDefault = mkOverride 1000;
  mkForce = mkOverride 50;
  mkOrder = priority: content: { _type = "order"; inherit priority content; };
  mkBefore = mkOrder 500;
  mkAfter = mkOrder 1500;

  # A definition is `{ file; value; }`: `file` names the module it comes
  # from, for error messages and `options.*.files`.

  # Splits one definition of a set of options into plain sets, wrapping
  # each attribute in the properties found around the set. Conditions are
  # not evaluated here.
  pushDown = def:
    let t = typeOf def; in
    if t == "merge" then concatMap pushDown def.contents
    else if t == "if" then map (mapAttrs (_: mkIf def.condition)) (pushDown def.content)
    else if t == "override" then map (mapAttrs (_: mkOverride def.priority)) (pushDown def.content)
    else if t == "order" then map (mapAttrs (_: mkOrder def.priority)) (pushDown def.content)
    else if isAttrs def then [ def ]
    else throw "a definition of a set of options is not a set";

  # Turns the definition of one option into a list of plain values, each
  # with its file, priority and order: mkMerge is flattened, mkIf evaluates
  # its condition, mkOverride/mkOrder are recorded (the outermost counts).
  discharge = file: def:
    let t = typeOf def; in
    if t == "merge" then concatMap (discharge file) def.contents
    else if t == "if" then
      (if !isBool def.condition then throw "mkIf: the condition in `${file}' is not a boolean"
       else if def.condition then discharge file def.content
       else [ ])
    else if t == "override" then map (d: d // { priority = def.priority; }) (discharge file def.content)
    else if t == "order" then map (d: d // { order = def.priority; }) (discharge file def.content)
    else [{ inherit file; value = def; priority = 100; order = 1000; }];

  uniqueFiles = foldl' (acc: d: if elem d.file acc then acc else acc ++ [ d.file ]) [ ];

  # Merges the definitions of one value of type `type` at `loc`. Only the
  # definitions with the best (lowest) priority count; they are sorted by
  # order (a stable sort), checked, and merged by the type.
  mergeDefs = loc: type: defs:
    let
      all = concatMap (d: discharge d.file d.value) defs;
      best = foldl' (m: d: if d.priority < m then d.priority else m) 100000 all;
      winners = filter (d: d.priority == best) all;
      ordered = sort (a: b: a.order < b.order) winners;
      checked = map
        (d:
          if type.check d.value then { inherit (d) file value; }
          else throw "The option `${showLoc loc}' in `${d.file}' is not of type ${type.description}.")
        ordered;
    in
    {
      defined = length winners > 0;
      highestPrio = best;
      files = uniqueFiles winners;
      value =
        if length winners == 0
        then throw "The option `${showLoc loc}' is used but not defined."
        else type.merge loc checked;
    };

  # --- types --------------------------------------------------------------

  mergeEqual = loc: defs:
    let first = (head defs).value; in
    if foldl' (ok: d: ok && d.value == first) true (tail defs) then first
    else throw "The option `${showLoc loc}' has conflicting definition values in ${concatStringsSep ", " (map (d: "`${d.file}'") defs)}.";

  mkType = { name, description ? name, check, merge ? mergeEqual }:
    { _type = "type"; inherit name description check merge; };

  types = {
    str = mkType { name = "str"; description = "string"; check = isString; };
    int = mkType { name = "int"; description = "signed integer"; check = isInt; };
    bool = mkType { name = "bool"; description = "boolean"; check = isBool; };

    # Strings from several definitions, one per line, in order.
    lines = mkType {
      name = "lines";
      description = "lines of text";
      check = isString;
      merge = _: defs: concatStringsSep "\n" (map (d: d.value) defs);
    };

    enum = choices: mkType {
      name = "enum";
      description = "one of ${concatStringsSep ", " (map toJSON choices)}";
      check = v: elem v choices;
    };

    nullOr = t: mkType {
      name = "nullOr";
      description = "null or ${t.description}";
      check = v: v == null || t.check v;
      merge = loc: defs:
        let nulls = length (filter (d: d.value == null) defs); in
        if nulls == length defs then null
        else if nulls == 0 then t.merge loc defs
        else throw "The option `${showLoc loc}' is defined both null and not null.";
    };

    # Elements of all definitions, in order; every element is merged on its
    # own, so elements can be `mkIf`.
    listOf = t: mkType {
      name = "listOf";
      description = "list of ${t.description}";
      check = isList;
      merge = loc: defs:
        let
          elems = concatMap (d: map (value: { inherit (d) file; inherit value; }) d.value) defs;
          merged = genList
            (i: mergeDefs (loc ++ [ "[${toString i}]" ]) t [ (elemAt elems i) ])
            (length elems);
        in
        map (m: m.value) (filter (m: m.defined) merged);
    };

    # Attributes of all definitions; the definitions of one attribute are
    # merged together, and attributes with no definition left are dropped.
    attrsOf = t: mkType {
      name = "attrsOf";
      description = "attribute set of ${t.description}";
      check = isAttrs;
      merge = loc: defs:
        let
          names = attrNames (foldl' (acc: d: acc // d.value) { } defs);
          merged = map
            (name: {
              inherit name;
              m = mergeDefs (loc ++ [ name ]) t (concatMap
                (d: if d.value ? ${name} then [{ inherit (d) file; value = d.value.${name}; }] else [ ])
                defs);
            })
            names;
        in
        listToAttrs (map (x: { inherit (x) name; value = x.m.value; })
          (filter (x: x.m.defined) merged));
    };

    # Every definition is a module (keeping its file); they are evaluated
    # together with the type's own modules.
    submodule = modules: mkType {
      name = "submodule";
      description = "submodule";
      check = v: isAttrs v || isFunction v;
      merge = loc: defs:
        (evalModules {
          modules = (if isList modules then modules else [ modules ])
            ++ map (d: { _file = d.file; imports = [ d.value ]; }) defs;
          specialArgs = { name = elemAt loc (length loc - 1); };
          prefix = loc;
        }).config;
    };
  };

  mkOption = attrs: attrs // { _type = "option"; };

  # --- evaluation ---------------------------------------------------------

  # Option declaration trees merge like sets; an option is a leaf and may
  # be declared only once.
  mergeDecls = a: b: a // mapAttrs
    (name: bv:
      if !(a ? ${name}) then bv
      else if isOption bv || isOption a.${name}
      then throw "The option `${name}' is declared twice."
      else mergeDecls a.${name} bv)
    b;

  # Evaluates all options in `decls` (a tree of declarations) from the
  # definitions `defs` (a list of `{ file; value; }`, the values possibly
  # wrapped in properties). Every option becomes its declaration plus
  # `value`, `isDefined`, `highestPrio` and `files`.
  evalTree = loc: decls: defs:
    let
      pushed = concatMap (d: map (value: { inherit (d) file; inherit value; }) (pushDown d.value)) defs;
      unknown = concatMap
        (d: map (n: "`${showLoc (loc ++ [ n ])}' (defined in `${d.file}')")
          (filter (n: !(decls ? ${n})) (attrNames d.value)))
        pushed;
      checked =
        if unknown == [ ] then decls
        else throw "The option ${head unknown} does not exist.";
    in
    mapAttrs
      (name: decl:
        let
          subLoc = loc ++ [ name ];
          sub = concatMap
            (d: if d.value ? ${name} then [{ inherit (d) file; value = d.value.${name}; }] else [ ])
            pushed;
        in
        if isOption decl then
          let
            r = mergeDefs subLoc decl.type
              (if decl ? default
               then sub ++ [{ file = "default of ${showLoc subLoc}"; value = mkOptionDefault decl.default; }]
               else sub);
          in
          decl // {
            loc = subLoc;
            inherit (r) value highestPrio files;
            isDefined = r.defined;
          }
        else evalTree subLoc decl sub)
      checked;

  # The values of an evaluated option tree.
  valuesOf = tree: mapAttrs (_: o: if isOption o then o.value else valuesOf o) tree;

  evalModules = { modules, specialArgs ? { }, prefix ? [ ] }:
    let
      args = specialArgs // { inherit lib config options; };
      # A module is a set or a function returning one; a set without
      # `options` and `config` is all config (besides `imports` and
      # `_file`). Imported modules inherit the importer's file name.
      load = file: m:
        let
          v = if isFunction m then m args else m;
          file' = v._file or file;
          full = v ? options || v ? config;
          own = {
            file = file';
            options = if full then v.options or { } else { };
            config =
              if full then v.config or { }
              else if v ? imports || v ? _file then removeAttrs v [ "imports" "_file" ]
              else v;
          };
        in
        [ own ] ++ concatMap (load file') (v.imports or [ ]);
      loaded = concatLists (genList
        (i: load "${if prefix == [ ] then "modules" else showLoc prefix}#${toString i}" (elemAt modules i))
        (length modules));
      declarations = foldl' mergeDecls { } (map (m: m.options) loaded);
      options = evalTree prefix declarations
        (map (m: { inherit (m) file; value = m.config; }) loaded);
      config = valuesOf options;
    in
    { inherit config options; };

  # --- small helpers for the modules ---------------------------------------

  nameValuePair = name: value: { inherit name value; };
  mapAttrs' = f: set: listToAttrs (map (n: f n set.${n}) (attrNames set));
  filterAttrs = pred: set: listToAttrs (concatMap
    (n: if pred n set.${n} then [ (nameValuePair n set.${n}) ] else [ ])
    (attrNames set));
  optional = cond: x: if cond then [ x ] else [ ];
  mod = a: b: a - a / b * b;

  lib = {
    inherit mkIf mkMerge mkOverride mkOptionDefault mkDefault mkForce mkOrder
      mkBefore mkAfter mkOption types evalModules nameValuePair mapAttrs'
      filterAttrs optional mod concatMap;
  };
in
lib
