# Two fixed-output derivations with the same promised output (different
# .drv files) used by one derivation: they share one entry in its hash
# modulo but are two inputs in its .drv.
let
  fod = url: derivation {
    name = "src"; system = "s"; builder = "b"; inherit url;
    outputHashMode = "recursive"; outputHash = "sha256-rc95GuKAPAwQ8Nq5xDDDmsWAv5XWqDSiSPTe3XLGlmU=";
  };
  a = fod "https://a.example";
  b = fod "https://b.example";
in
{
  both = derivation { name = "both"; system = "s"; builder = "b"; inherit a b; };
  one = derivation { name = "both"; system = "s"; builder = "b"; a = a; b = a; };
  drvs = derivation { name = "drvs"; system = "s"; builder = "b"; x = a.drvPath; y = b.drvPath; };
}
