# A bad hash reached through the user's own attribute: selecting that
# attribute adds a trace entry (unlike drvPath of the wrapper itself).
let x = { a = (derivation { name = "n"; system = "s"; builder = "b"; outputHashAlgo = "sha256"; outputHash = "abc"; }).drvPath; }; in x.a
