# builtins.genericClosure over a generated graph of 50 000 nodes. Each node
# is a set { key = <int>; } pointing at three pseudo-random others (the
# edges are built once, up front), so most nodes are reached several times
# and the set of seen keys does the deduplication. Also a closure with
# string keys over a graph of 10 000 nodes, and one whose operator builds
# new sets on every visit.
let
  inherit (builtins) genericClosure genList length foldl' elemAt;
  n = 50000;
  mod = a: b: a - (a / b) * b;
  pick = k: i: mod ((k * 7919 + i * 104729 + 12345) * 31) n;
  nodes = genList (k: { key = k; }) n;
  edges = genList (k: [ (elemAt nodes (pick k 1)) (elemAt nodes (pick k 2)) (elemAt nodes (pick k 3)) ]) n;
  graph = genericClosure {
    startSet = [ (elemAt nodes 0) ];
    operator = node: elemAt edges node.key;
  };

  m = 10000;
  named = genList (k: { key = "node-${toString k}"; i = k; }) m;
  namedEdges = genList (k: [ (elemAt named (mod (k * 13 + 7) m)) (elemAt named (m - 1 - k)) ]) m;
  strings = genericClosure {
    startSet = [ (elemAt named 0) ];
    operator = node: elemAt namedEdges node.i;
  };

  chain = genericClosure {
    startSet = [ { key = 0; } ];
    operator = node: if node.key >= 20000 then [ ] else [ { key = node.key + 1; } { key = node.key; } ];
  };

  sumKeys = foldl' (a: x: a + x.key) 0 graph;
in
[ (length graph) sumKeys (length strings) (elemAt strings 1).key (length chain) ]
