with;
