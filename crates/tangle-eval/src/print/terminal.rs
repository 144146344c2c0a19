//! What Nix's logger does to a message on its way to a terminal that is
//! not shown colours (Nix 2.8 and current Nix alike, checked with
//! `nix-instantiate` writing to a pipe): escape sequences (`ESC [`,
//! parameters, final byte) are removed, carriage returns and bells are
//! dropped, and a tab becomes the spaces up to the next multiple of 8
//! columns. Columns count characters (not bytes) from the start of the
//! whole message, prefix (`error: `, `trace: `) included, and a line break
//! counts as one like any other: they do not start again on a new line.
//! (Nix 2.8 writes an error with its positions and source lines as one
//! message, so a tab in a source line is expanded by where it is in all
//! of that.)

/// `text` as the logger writes it.
pub fn filter(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut col = 0usize;
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        i += 1;
        match c {
            0x1b => {
                // A control sequence: `[`, parameter bytes, intermediate
                // bytes, one final byte; a lone ESC goes too.
                if text.get(i) == Some(&b'[') {
                    i += 1;
                    while matches!(text.get(i), Some(0x30..=0x3f)) {
                        i += 1;
                    }
                    while matches!(text.get(i), Some(0x20..=0x2f)) {
                        i += 1;
                    }
                    if matches!(text.get(i), Some(0x40..=0x7e)) {
                        i += 1;
                    }
                }
            }
            b'\r' | 0x07 => {}
            b'\t' => {
                out.push(b' ');
                col += 1;
                while !col.is_multiple_of(8) {
                    out.push(b' ');
                    col += 1;
                }
            }
            _ => {
                out.push(c);
                // UTF-8 continuation bytes do not start a column.
                if c & 0xc0 != 0x80 {
                    col += 1;
                }
            }
        }
    }
    out
}

/// [`filter`] for text that is UTF-8: it stays UTF-8 (only ASCII bytes are
/// removed or added).
pub fn filter_str(text: &str) -> String {
    String::from_utf8_lossy(&filter(text.as_bytes())).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> String {
        filter_str(s)
    }

    #[test]
    fn tabs_go_to_the_next_multiple_of_eight() {
        assert_eq!(f("error: a\tb"), "error: a        b");
        assert_eq!(f("error: abc\tb\tc"), "error: abc      b       c");
        // A line break is one column, as in Nix's logger.
        assert_eq!(f("error: x\n       y\tz"), "error: x\n       y       z");
        assert_eq!(f("x\ny\tz"), "x\ny     z");
        assert_eq!(f("\t"), "        ");
        // A character of several bytes is one column.
        assert_eq!(f("é\tx"), "é       x");
    }

    #[test]
    fn escapes_carriage_returns_and_bells_are_removed() {
        assert_eq!(f("a\x1b[31mb\x07c"), "abc");
        assert_eq!(f("a\x1b[1;2 qb"), "ab");
        assert_eq!(f("a\rb"), "ab");
        assert_eq!(f("a\x1b"), "a");
    }
}
