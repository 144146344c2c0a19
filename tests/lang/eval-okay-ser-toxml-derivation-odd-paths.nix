[
  (builtins.toXML { type = "derivation"; drvPath = 1; outPath = 2; z = 3; })
  (builtins.toXML { type = "derivation"; drvPath = ""; outPath = "o"; })
  (builtins.toXML { type = "derivationx"; drvPath = "d"; })
]
