# one row per predicate, one column per kind of value:
# int float bool null string list set lambda primop path
let
  values = [ 1 1.5 true null "s" [ ] { } (x: x) builtins.add /a ];
  preds = with builtins; [ isInt isFloat isBool isString isList isAttrs isNull isFunction isPath ];
in
map (p: map p values) preds
