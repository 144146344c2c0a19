# Paths interpolated into attributes are copied: a file, an executable, a
# directory (with a subdirectory, an executable and symlinks inside), a
# symlink to a file, a symlink to a directory and an empty file.
derivation {
  name = "paths";
  system = "x86_64-linux";
  builder = ./fixtures/builder.sh;
  file = ./fixtures/file.txt;
  dir = ./fixtures/dir;
  sub = "${./fixtures/dir/sub}/run";
  link = ./fixtures/link-to-file;
  linkdir = ./fixtures/link-to-dir;
  empty = ./fixtures/empty;
  inside = ./fixtures/dir/sub/b;
  list = [ ./fixtures/file.txt ./fixtures/empty ];
}
