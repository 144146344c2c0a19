# The imported file has CRLF line endings: kept in '' strings, read as LF in "..." strings.
import ./lex2-crlf-import.nix
