//! The small, safe markup of bot answers: paragraphs, line breaks, `- ` lists, `**bold**` and
//! `[links](/orders)`. Parsed here into a tree the UI renders as elements: nothing is ever
//! handed to the browser as HTML, and links may only go to the web, a page of the site, an
//! email address or a phone number.

use std::fmt;

/// A block of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Lines of text; [`Inline::Break`] between them.
    Paragraph(Vec<Inline>),
    /// A bulleted list, one item per entry.
    List(Vec<Vec<Inline>>),
}

/// A piece of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Bold text.
    Bold(String),
    /// A link with its text.
    Link {
        /// What the visitor reads.
        text: String,
        /// Where it goes (checked).
        href: String,
    },
    /// A line break inside a paragraph.
    Break,
}

/// Why an answer was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkupError {
    /// A link to something other than http(s), a site path, `mailto:` or `tel:`.
    UnsafeLink(String),
}

impl fmt::Display for MarkupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnsafeLink(href) => write!(
                f,
                "the link \"{href}\" is not allowed (use https://…, a path like /orders, mailto: or tel:; javascript: and data: links are refused)"
            ),
        }
    }
}

impl std::error::Error for MarkupError {}

/// Whether a link target is safe to follow.
pub fn is_safe_href(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    if lower.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    if lower.starts_with("//") {
        return false;
    }
    if lower.starts_with('/')
        || lower.starts_with('#')
        || lower.starts_with("./")
        || lower.starts_with('?')
    {
        return true;
    }
    ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len())
}

/// Parses strictly: an unsafe link is an error (for FAQ files, checked at boot).
pub fn parse(text: &str) -> Result<Vec<Block>, MarkupError> {
    build(text, true)
}

/// Parses leniently: an unsafe link becomes plain text (for replies of remote bots).
pub fn parse_lenient(text: &str) -> Vec<Block> {
    build(text, false).unwrap_or_default()
}

fn build(text: &str, strict: bool) -> Result<Vec<Block>, MarkupError> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<Inline> = Vec::new();
    let mut list: Vec<Vec<Inline>> = Vec::new();
    let flush_paragraph = |paragraph: &mut Vec<Inline>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(std::mem::take(paragraph)));
        }
    };
    let flush_list = |list: &mut Vec<Vec<Inline>>, blocks: &mut Vec<Block>| {
        if !list.is_empty() {
            blocks.push(Block::List(std::mem::take(list)));
        }
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush_paragraph(&mut paragraph, &mut blocks);
            flush_list(&mut list, &mut blocks);
        } else if let Some(item) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
        {
            flush_paragraph(&mut paragraph, &mut blocks);
            list.push(inline(item.trim(), strict)?);
        } else {
            flush_list(&mut list, &mut blocks);
            if !paragraph.is_empty() {
                paragraph.push(Inline::Break);
            }
            paragraph.extend(inline(trimmed, strict)?);
        }
    }
    flush_paragraph(&mut paragraph, &mut blocks);
    flush_list(&mut list, &mut blocks);
    Ok(blocks)
}

/// Splits a line into text, `**bold**` and `[text](href)`.
fn inline(line: &str, strict: bool) -> Result<Vec<Inline>, MarkupError> {
    let mut out: Vec<Inline> = Vec::new();
    let mut text = String::new();
    let mut rest = line;
    let push_text = |text: &mut String, out: &mut Vec<Inline>| {
        if !text.is_empty() {
            out.push(Inline::Text(std::mem::take(text)));
        }
    };
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("**")
            && let Some(end) = after.find("**")
            && end > 0
        {
            push_text(&mut text, &mut out);
            out.push(Inline::Bold(after[..end].to_owned()));
            rest = &after[end + 2..];
            continue;
        }
        if c == '['
            && let Some(close) = rest.find("](")
            && let Some(end) = rest[close + 2..].find(')')
        {
            let label = &rest[1..close];
            let href = rest[close + 2..close + 2 + end].trim();
            if !label.is_empty() && !label.contains('[') {
                if is_safe_href(href) {
                    push_text(&mut text, &mut out);
                    out.push(Inline::Link {
                        text: label.to_owned(),
                        href: href.to_owned(),
                    });
                } else if strict {
                    return Err(MarkupError::UnsafeLink(href.to_owned()));
                } else {
                    text.push_str(label);
                }
                rest = &rest[close + 3 + end..];
                continue;
            }
        }
        text.push(c);
        rest = &rest[c.len_utf8()..];
    }
    push_text(&mut text, &mut out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn blocks_and_inlines() {
        let blocks = parse(
            "Usually **3 to 5** days.\n[Track it](/orders)\n\n- one\n- two [x](https://a.example)",
        )
        .unwrap();
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![
                    text("Usually "),
                    Inline::Bold("3 to 5".into()),
                    text(" days."),
                    Inline::Break,
                    Inline::Link {
                        text: "Track it".into(),
                        href: "/orders".into()
                    },
                ]),
                Block::List(vec![
                    vec![text("one")],
                    vec![
                        text("two "),
                        Inline::Link {
                            text: "x".into(),
                            href: "https://a.example".into()
                        }
                    ],
                ]),
            ]
        );
    }

    #[test]
    fn links() {
        for good in [
            "https://a.example/x",
            "http://a.example",
            "/orders",
            "#faq",
            "./page",
            "mailto:help@a.example",
            "tel:+441234",
        ] {
            assert!(is_safe_href(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:x",
            "data:text/html,x",
            "vbscript:x",
            "//evil.example",
            "https://",
            "java\tscript:x",
            "file:///etc/passwd",
        ] {
            assert!(!is_safe_href(bad), "{bad}");
        }
        assert_eq!(
            parse("[click](javascript:alert(1))"),
            Err(MarkupError::UnsafeLink("javascript:alert(1".into()))
        );
        assert_eq!(
            parse_lenient("see [click](javascript:x)"),
            vec![Block::Paragraph(vec![text("see click")])]
        );
    }

    #[test]
    fn html_stays_text_and_odd_input_is_fine() {
        assert_eq!(
            parse("<b>hi</b>").unwrap(),
            vec![Block::Paragraph(vec![text("<b>hi</b>")])]
        );
        for odd in [
            "", "**", "****", "[", "[]()", "[a](", "**a", "- ", "\n\n\n", "a](b)",
        ] {
            let _ = parse(odd);
            let _ = parse_lenient(odd);
        }
    }
}
