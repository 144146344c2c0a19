{
  /** Adds one. */
  inc = x: x + 1;

  /**
    Subtracts one.

    Example: `dec 2` is 1.
  */
  dec = x: x - 1;

  # plain
  double = x: x * 2;
}
