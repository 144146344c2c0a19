# oracle-skip: these names are bound in current Nix (2.26) but not in 2.8, which predates the builtins (`break`, `addDrvOutputDependencies`, `convertHash`, `readFileType`, `traceVerbose`, `warn`); expected output from Nix 2.26.3 (oracle.py check-current)
{
  "__addDrvOutputDependencies" = builtins.typeOf __addDrvOutputDependencies;
  "break" = builtins.typeOf break;
  "__convertHash" = builtins.typeOf __convertHash;
  "__readFileType" = builtins.typeOf __readFileType;
  "__traceVerbose" = builtins.typeOf __traceVerbose;
  "__warn" = builtins.typeOf __warn;
}
