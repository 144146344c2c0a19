# `derivationStrict` is bound by its plain name only: `__derivationStrict` is undefined.
let x = __derivationStrict; in x
