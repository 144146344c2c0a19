# Ways to depend on another derivation, and which of its outputs each
# brings in: the derivation itself (default output), a selected output,
# "${d.out}", the path of a specific output, drvPath (every output and
# the .drv's closure as sources), and drvPath without the output
# dependency (the .drv file only, as a source).
let
  d = derivation { name = "lib"; system = "s"; builder = "b"; outputs = [ "out" "dev" "doc" ]; };
  mk = name: attrs: derivation ({ inherit name; system = "s"; builder = "b"; } // attrs);
in
{
  whole = mk "uses-whole" { dep = d; };
  dev = mk "uses-dev" { dep = d.dev; };
  out-interp = mk "uses-out" { dep = "${d.out}"; };
  doc-path = mk "uses-doc" { dep = d.doc.outPath; };
  two = mk "uses-two" { a = d.dev; b = "${d.doc}/share"; };
  drv-path = mk "uses-drvpath" { dep = d.drvPath; };
  drv-only = mk "uses-drvfile" { dep = builtins.unsafeDiscardOutputDependency d.drvPath; };
  discarded = mk "uses-nothing" { dep = builtins.unsafeDiscardStringContext d.outPath; };
  all = mk "uses-all" { deps = map (o: o.outPath) d.all; };
}
