# `replaceStrings`: escaping a long text (about 900 KB) with several
# patterns at once, an empty pattern that matches between every byte, and
# many short strings (attribute names, shell words) escaped the way
# nixpkgs' `escapeShellArg` and `lib.strings` functions do. The result is a
# few lengths.
let
  inherit (builtins) genList length foldl' replaceStrings concatStringsSep stringLength;

  sum = foldl' (a: b: a + b) 0;

  para = i: "Line ${toString i}: the \"quick\" brown fox's \$HOME & <tag> jumps\tover\\the lazy dog.";
  long = concatStringsSep "\n" (genList para 10000);

  escaped = replaceStrings [ "&" "<" ">" "\"" "'" ] [ "&amp;" "&lt;" "&gt;" "&quot;" "&#39;" ] long;
  shell = replaceStrings [ "\\" "\"" "$" "`" ] [ "\\\\" "\\\"" "\\$" "\\`" ] long;
  spaced = replaceStrings [ "" ] [ " " ] (builtins.substring 0 20000 long);
  unchanged = replaceStrings [ "@@@" "###" ] [ "x" "y" ] long;

  words = genList (i: "it's word-${toString i} with 'quotes' and spaces") 60000;
  shellArgs = map (w: "'" + replaceStrings [ "'" ] [ "'\\''" ] w + "'") words;
  attrNames = map (w: replaceStrings [ " " "-" "'" ] [ "_" "_" "" ] w) words;
in
  [
    (stringLength escaped)
    (stringLength shell)
    (stringLength spaced)
    (stringLength unchanged)
    (sum (map stringLength shellArgs))
    (sum (map stringLength attrNames))
  ]
