//! A check on JSON text from outside the widget (page code, the site's config) before it is
//! parsed: serde_json parses recursively, and the widget's stack is kept small, so nesting is
//! bounded first. Real page data (a context object, a visitor's attributes) is a few levels deep.

/// The deepest nesting of objects and arrays accepted from page code.
pub const MAX_DEPTH: usize = 32;

/// The deepest nesting of `{`/`[` in JSON text, ignoring brackets inside strings. Linear, no
/// recursion, and meaningful even for invalid JSON.
pub fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depths() {
        let cases = [
            ("1", 0),
            ("{}", 1),
            (r#"{"a":[1,{"b":2}]}"#, 3),
            (r#"{"a":"[[[[{{{"}"#, 1),
            (r#"{"a":"\"[[["}"#, 1),
            (r#"[[],[[]],[]]"#, 3),
            ("]]]{", 1),
        ];
        for (text, depth) in cases {
            assert_eq!(nesting_depth(text), depth, "{text}");
        }
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(nesting_depth(&deep), 10_000);
    }
}
