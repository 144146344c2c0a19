builtins.toJSON [ [ ] { } [ [ ] ] { a = { }; } [ { } [ ] ] ]
