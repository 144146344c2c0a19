# args: --strict -I foo=s3://bucket/x
# An s3:// entry is an error (not a warning), which tryEval does not catch.
builtins.tryEval <foo>
