# Regular expressions: `match` and `split` in loops over a few thousand
# generated strings (package names with versions, store paths, CSV-like
# lines, padded words), the way nixpkgs' library code uses them: 14
# patterns, with and without capture groups, alternations and character
# classes, matching and failing, each run over 3 000 strings of its kind,
# in 3 rounds with different strings (about 125 000 calls). The result is
# a list of counts.
let
  inherit (builtins) genList length filter foldl' match split elemAt stringLength;

  n = 3000;
  sum = foldl' (a: b: a + b) 0;
  count = p: xs: length (filter p xs);
  digit = i: toString (i - i / 10 * 10);

  round = k:
    let
      names = genList
        (j: let i = j + k * n; in "pkg${toString i}-${if i / 3 * 3 == i then "lib-" else ""}${digit i}.${digit (i / 10)}.${toString (i / 100)}")
        n;
      paths = genList
        (j: let i = j + k * n; in "/nix/store/abc${toString i}-src/lib/module${toString i}.${if i / 2 * 2 == i then "nix" else "json"}")
        n;
      lines = genList
        (j: let i = j + k * n; in "key${toString i},value ${toString (i * 7)};flag,${digit i};end")
        n;
      padded = genList (j: "   word${toString (j + k * n)}  ") n;

      # Name and version, like parseDrvName.
      drv = map (s: match "(.*)-([0-9][^-]*)" s) names;
      drvOk = count (m: m != null) drv;
      versions = sum (map (m: length (split "[.]" (elemAt m 1))) (filter (m: m != null) drv));
      libs = count (s: match "pkg[0-9]+-lib-.*" s != null) names;
      upper = count (s: match "[A-Z].*" s != null) names;
      parts = sum (map (s: length (split "-" s)) names);

      # File name and extension of store paths.
      ext = map (p: match ".*/([^/]*)\\.(nix|json)" p) paths;
      nixFiles = count (m: m != null && elemAt m 1 == "nix") ext;
      toml = count (p: match ".*\\.toml" p != null) paths;
      hashes = count (p: match "/nix/store/[a-z0-9]+-[^/]+/.*" p != null) paths;
      components = sum (map (p: length (split "/" p)) paths);

      # Fields of CSV-like lines, with alternation and groups.
      fields = sum (map (l: length (split "(,)|(;)" l)) lines);
      words = sum (map (l: length (split "[[:space:]]+" l)) lines);
      keyed = count (l: match "key([0-9]+),value ([0-9]+);(flag|opt),[0-9];end" l != null) lines;

      # Trimming.
      trimmed = map (s: elemAt (match "[[:space:]]*([^[:space:]]+)[[:space:]]*" s) 0) padded;
      trimLen = sum (map stringLength trimmed);
      blank = count (s: match "[[:space:]]*" s != null) padded;
    in
    [ drvOk versions libs upper parts nixFiles toml hashes components fields words keyed trimLen blank ];
in
  map round [ 0 1 2 ]
