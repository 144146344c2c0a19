# Without a drvPath a derivation prints as repeated, and its attributes are
# never forced.
builtins.toXML { type = "derivation"; a = throw "never forced"; }
