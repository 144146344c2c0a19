# `<name>` is sugar for `__findFile __nixPath "name"`, looked up in scope.
let __findFile = path: name: "found ${name}"; in <some/thing>
