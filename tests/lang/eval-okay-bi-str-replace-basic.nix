with builtins;
[ (replaceStrings ["a"] ["b"] "banana") (replaceStrings ["an" "a"] ["AN" "A"] "banana")
  (replaceStrings ["b"] ["xx"] "abcb") (replaceStrings ["abc"] [""] "xabcyabc")
  (replaceStrings [] [] "abc") (replaceStrings ["x"] ["y"] "") ]
