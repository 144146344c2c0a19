//! toml11's error messages, as Nix 2.8 shows them: a title, then each place
//! the error concerns (its line, with a marker under it and a label), then
//! hints.
//!
//! ```text
//! [error] bad integer: leading zero
//!  --> fromTOML
//!    |
//!  1 | a = 01
//!    |     ^--- here
//!    |
//! Hint: pass: -42, 1_000, 1_2_3_4_5, 0xC0FFEE, 0b0010, 0o755
//! ```
//!
//! Places are byte offsets into the document as toml11 reads it (with a
//! line break added at the end if it has none), or into a piece of text of
//! their own (toml11 checks the date and time of a date-time on a copy of
//! its text, shown as line 1).

/// One place an error concerns.
pub(super) struct Place {
    /// Byte offsets of the region; an empty or one-byte region is a point
    /// (marked `^---`), a longer one is underlined on its first line.
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// The text the offsets are in, if not the document.
    pub own_text: Option<String>,
}

impl Place {
    /// A point in the document.
    pub(super) fn at(offset: usize, label: impl Into<String>) -> Place {
        Place {
            start: offset,
            end: offset,
            label: label.into(),
            own_text: None,
        }
    }
}

/// A toml11 error: its title, one or two places, and hints.
pub(super) struct Report {
    pub title: String,
    pub places: Vec<Place>,
    pub hints: &'static [&'static str],
    /// Whether toml11 throws this error, so that no array it is in replaces
    /// it with its own ("value having invalid format appeared in an
    /// array"); errors it returns are replaced.
    pub thrown: bool,
}

impl Report {
    /// An error toml11 returns, at one point of the document.
    pub(super) fn at(title: impl Into<String>, offset: usize, label: impl Into<String>) -> Report {
        Report {
            title: title.into(),
            places: vec![Place::at(offset, label)],
            hints: &[],
            thrown: false,
        }
    }

    /// The same error, with hints.
    pub(super) fn hints(mut self, hints: &'static [&'static str]) -> Report {
        self.hints = hints;
        self
    }

    /// The same error, thrown.
    pub(super) fn thrown(mut self) -> Report {
        self.thrown = true;
        self
    }
}

/// Hints toml11 gives with malformed integers.
pub(super) const INTEGER_HINTS: &[&str] = &[
    "pass: -42, 1_000, 1_2_3_4_5, 0xC0FFEE, 0b0010, 0o755",
    "fail: 1__000, 0123",
];

/// Hints toml11 gives with malformed floats.
pub(super) const FLOAT_HINTS: &[&str] = &[
    "pass: +1.0, -2e-2, 3.141_592_653_589, inf, nan",
    "fail: .0, 1., _1.0, 1.0_, 1_.0, 1.0__0",
];

/// Hints toml11 gives with malformed dates and times.
pub(super) const DATETIME_HINTS: &[&str] = &[
    "pass: 1979-05-27T07:32:00-07:00, 1979-05-27 07:32:00.999999Z",
    "fail: 1979-05-27T7:32:00-7:00, 1979-05-27 7:32-00:30",
];

/// Hints toml11 gives with keys that are not keys.
pub(super) const KEY_HINTS: &[&str] = &[
    "bare keys  : non-empty strings composed only of [A-Za-z0-9_-].",
    "quoted keys: same as \"basic strings\" or 'literal strings'.",
    "dotted keys: sequence of bare or quoted keys joined with a dot.",
];

/// The line a place is on: its number, its text (as Nix shows it: carriage
/// returns dropped) and the place's column and length on it (in bytes, as
/// toml11 counts).
fn locate(text: &str, start: usize, end: usize) -> (usize, String, usize, usize) {
    let start = start.min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let number = text[..line_start].matches('\n').count() + 1;
    let mut len = end.saturating_sub(start);
    if end > line_end {
        len = len.min(line_end - line_start);
    }
    let line = text[line_start..line_end].replace('\r', "");
    (number, line, start - line_start, len)
}

/// The message of `report` on the document `text`.
pub(super) fn layout(text: &str, report: &Report) -> String {
    let lines: Vec<(String, String, String)> = report
        .places
        .iter()
        .map(|p| {
            let source = p.own_text.as_deref().unwrap_or(text);
            let (number, line, column, len) = locate(source, p.start, p.end);
            let marker = if len <= 1 {
                format!("^--- {}", p.label)
            } else {
                format!("{} {}", "~".repeat(len), p.label)
            };
            (number.to_string(), line, " ".repeat(column) + &marker)
        })
        .collect();
    let width = lines.iter().map(|l| l.0.len()).max().unwrap_or(1);
    let pad = " ".repeat(width);
    let mut out = vec![
        format!("[error] {}", report.title),
        " --> fromTOML".to_string(),
        format!(" {pad} |"),
    ];
    for (i, (number, line, marker)) in lines.iter().enumerate() {
        if i > 0 {
            out.push(" ...".to_string());
        }
        out.push(format!(" {number:>width$} | {line}"));
        out.push(format!(" {pad} | {marker}"));
    }
    if !report.hints.is_empty() {
        out.push(format!(" {pad} |"));
        out.extend(report.hints.iter().map(|h| format!("Hint: {}", h)));
    }
    // Nix shows each line without its trailing blanks.
    out.iter()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Current Nix's error (toml11 4's wording and layout) for an integer that
/// does not fit in 64 signed bits: in `radix`, ending at byte `end` of
/// `text`, inside `arrays` arrays (toml11 4 repeats the error once for
/// each array it is in).
pub(super) fn too_large(text: &str, radix: u32, end: usize, arrays: usize) -> String {
    let (reader, limit) = match radix {
        16 => ("hex", "value"),
        8 => ("oct", "value"),
        2 => ("bin", "value"),
        _ => ("dec", "digits"),
    };
    let end = end.min(text.len());
    let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let number = text[..line_start].matches('\n').count() + 1;
    let line = &text.as_bytes()[line_start..line_end];
    let column = end - line_start;
    // toml11 4 shows 30 bytes either side of the column, marking a cut
    // with `...`, and bytes that are not printable ASCII by their value.
    const SIDE: usize = 30;
    let from = column.saturating_sub(SIDE);
    let to = line.len().min(column + SIDE);
    let mut shown = String::new();
    if from > 0 {
        shown.push_str("... ");
    }
    for &c in &line[from..to] {
        match c {
            b'\r' => shown.push_str("0x0d(CARRIAGE RETURN)"),
            0x20..=0x7e | b'\t' => shown.push(char::from(c)),
            _ => shown.push_str(&format!("0x{:02x}", c)),
        }
    }
    if to < line.len() {
        shown.push_str(" ...");
    }
    let caret = column - from + if from > 0 { 4 } else { 0 };
    let width = number.to_string().len();
    let pad = " ".repeat(width);
    let block = format!(
        "[error] toml::parse_{reader}_integer: too large integer: current max {limit} = 2^63\n \
         --> fromTOML\n {pad} |\n {number} | {shown}\n {pad} | {spaces}^-- must be < 2^63\n",
        spaces = " ".repeat(caret)
    );
    block.repeat(arrays + 1)
}
