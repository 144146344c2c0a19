git+ssh://a@b:c/d
