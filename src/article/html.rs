//! HTML pages saved from a browser, read with a real HTML parser (`scraper`, on
//! html5ever).

use super::timestamp::{parse_timestamp, plausible};
use super::{ArticleFormat, Body, Item, shorten};
use crate::problem::ProblemKind;
use chrono::{DateTime, FixedOffset};
use scraper::{ElementRef, Html, Selector};

/// Elements whose text is article text.
const TEXT_ELEMENTS: &[&str] = &["p", "h2", "h3", "h4", "li", "blockquote", "figcaption"];
/// Elements whose contents are page furniture.
const SKIPPED_CONTAINERS: &[&str] = &[
    "nav", "footer", "aside", "header", "form", "script", "style", "noscript", "button",
];

/// True when the text is an HTML page (by content, or by extension with a tag inside).
pub(super) fn looks_like_html(head: &str, ext: &str) -> bool {
    let start: String = head
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || start.contains("<body")
        || start.contains("<head")
        || (matches!(ext, "html" | "htm" | "xhtml") && start.contains('<'))
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn first_attr(doc: &Html, css: &str, attr: &str) -> Option<String> {
    let sel = selector(css)?;
    doc.select(&sel)
        .find_map(|e| e.value().attr(attr))
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

fn first_text(doc: &Html, css: &str) -> Option<String> {
    let sel = selector(css)?;
    doc.select(&sel)
        .map(|e| clean(&e.text().collect::<String>()))
        .find(|s| !s.is_empty())
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads an HTML page into a one-item article: title, then the body's paragraphs.
pub(super) fn parse(
    raw: &str,
    modified: Option<DateTime<FixedOffset>>,
    problems: &mut Vec<ProblemKind>,
) -> Result<Body, ProblemKind> {
    let doc = Html::parse_document(raw);
    let title = first_attr(&doc, r#"meta[property="og:title"]"#, "content")
        .or_else(|| first_text(&doc, "h1"))
        .or_else(|| first_text(&doc, "title"))
        .map(|t| clean(&t));
    let paragraphs = body_paragraphs(&doc, title.as_deref());
    if paragraphs.is_empty() {
        return Err(ProblemKind::NoText {
            what: "no paragraphs in the HTML body".into(),
        });
    }
    let published = if let Some(t) = published_time(&doc) {
        t
    } else {
        let t = modified.ok_or(ProblemKind::Undated)?;
        problems.push(ProblemKind::NoDate {
            used: t.to_rfc3339(),
        });
        t
    };
    let source = first_attr(&doc, r#"meta[property="og:site_name"]"#, "content");
    let url = first_attr(&doc, r#"link[rel="canonical"]"#, "href")
        .or_else(|| first_attr(&doc, r#"meta[property="og:url"]"#, "content"));
    let mut text = String::new();
    let mut segments = Vec::new();
    let heading = title.as_ref().map(|t| {
        text.push_str(t);
        text.push_str("\n\n");
        0..t.len()
    });
    if let Some(h) = &heading {
        segments.push(h.clone());
    }
    for p in &paragraphs {
        let start = text.len();
        text.push_str(p);
        segments.push(start..text.len());
        text.push_str("\n\n");
    }
    let title = title.unwrap_or_else(|| {
        paragraphs
            .first()
            .map_or_else(String::new, |p| shorten(p, 120))
    });
    let item = Item {
        title,
        heading,
        published,
        segments,
        span: 0..text.len(),
        source,
        url,
    };
    Ok((ArticleFormat::Html, text, vec![item], true))
}

/// The readable blocks of `<article>` (else `<main>`, else `<body>`), in document order.
fn body_paragraphs(doc: &Html, title: Option<&str>) -> Vec<String> {
    let root = ["article", "main", "body"].iter().find_map(|css| {
        let sel = selector(css)?;
        doc.select(&sel).next()
    });
    let Some(root) = root else { return Vec::new() };
    let Some(sel) = selector(&TEXT_ELEMENTS.join(", ")) else {
        return Vec::new();
    };
    root.select(&sel)
        .filter(|e| !inside(e, root, TEXT_ELEMENTS) && !inside(e, root, SKIPPED_CONTAINERS))
        .map(|e| clean(&e.text().collect::<String>()))
        .filter(|t| !t.is_empty() && Some(t.as_str()) != title)
        .collect()
}

/// True when an ancestor of `e` below `root` is one of `names`.
fn inside(e: &ElementRef<'_>, root: ElementRef<'_>, names: &[&str]) -> bool {
    e.ancestors()
        .take_while(|a| a.id() != root.id())
        .filter_map(|a| a.value().as_element().map(|el| el.name().to_owned()))
        .any(|name| names.contains(&name.as_str()))
}

fn published_time(doc: &Html) -> Option<DateTime<FixedOffset>> {
    let candidates = [
        first_attr(doc, r#"meta[property="article:published_time"]"#, "content"),
        first_attr(doc, r#"meta[itemprop="datePublished"]"#, "content"),
        first_attr(
            doc,
            r#"meta[name="pubdate"], meta[name="publishdate"], meta[name="date"], meta[name="dc.date"], meta[name="DC.date.issued"], meta[name="parsely-pub-date"], meta[name="sailthru.date"]"#,
            "content",
        ),
        first_attr(doc, "time[datetime]", "datetime"),
        json_ld_date(doc),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|s| parse_timestamp(&s))
        .filter(plausible)
}

fn json_ld_date(doc: &Html) -> Option<String> {
    let sel = selector(r#"script[type="application/ld+json"]"#)?;
    doc.select(&sel).find_map(|e| {
        let value: serde_json::Value = serde_json::from_str(&e.text().collect::<String>()).ok()?;
        find_key(&value, "datePublished")
    })
}

fn find_key(value: &serde_json::Value, key: &str) -> Option<String> {
    match value {
        serde_json::Value::Object(o) => o
            .get(key)
            .and_then(|v| v.as_str().map(str::to_owned))
            .or_else(|| o.values().find_map(|v| find_key(v, key))),
        serde_json::Value::Array(a) => a.iter().find_map(|v| find_key(v, key)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Title, time and paragraphs come from the page; navigation and footers do not.
    #[test]
    fn article_page_reads_title_time_and_paragraphs() {
        let page = r#"<!DOCTYPE html><html><head><title>Site | Blasts</title>
            <meta property="og:title" content="Blasts in Kyiv">
            <meta property="article:published_time" content="2023-06-01T06:30:00+03:00"></head>
            <body><nav><p>Home</p></nav><article><h1>Blasts in Kyiv</h1>
            <p>Explosions were heard in <b>Kyiv</b> overnight.</p><p>Officials said three died.</p></article>
            <footer><p>Sign up</p></footer></body></html>"#;
        let (format, text, items, _) = parse(page, None, &mut Vec::new()).expect("reads");
        assert_eq!(format, ArticleFormat::Html);
        assert_eq!(items[0].title, "Blasts in Kyiv");
        assert_eq!(items[0].published.to_rfc3339(), "2023-06-01T06:30:00+03:00");
        assert_eq!(
            text,
            "Blasts in Kyiv\n\nExplosions were heard in Kyiv overnight.\n\nOfficials said three died.\n\n"
        );
    }

    /// A page with no paragraphs is refused with a reason.
    #[test]
    fn page_without_text_is_refused() {
        let err = parse(
            "<html><body><div></div></body></html>",
            None,
            &mut Vec::new(),
        )
        .unwrap_err();
        assert!(matches!(err, ProblemKind::NoText { .. }), "{err:?}");
    }
}
