# A small tour: recursion, laziness, sets, strings.
let
  fib = n: if n < 2 then n else fib (n - 1) + fib (n - 2);
  people = [
    { name = "ada"; age = 36; }
    { name = "alan"; age = 41; }
  ];
  greet = p: "hello, ${p.name} (${toString p.age})";
in
{
  fib20 = fib 20;
  greetings = map greet people;
  deep = let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 1000000;
  lazy = let unused = throw "never forced"; in "fine";
}
