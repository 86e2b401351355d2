//! Cross-site-scripting vectors through every HTML output: `Article::to_html`,
//! `Explanation::to_html` (`--highlight`) and the CLI's `--format html`.
//! Each output is parsed as a browser would and every element and attribute
//! checked against what the renderer may write; Markdown output must escape
//! whatever would become raw HTML or a link.

use scraper::{Html, Node};

/// Known vectors, as markup in the page. Each sits inside a paragraph of an
/// article, so the extractor keeps what text it has.
const VECTORS: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<p onclick=alert(1) onmouseover=alert(1)>hover me</p>",
    "<a href=\"javascript:alert(1)\">click javascript</a>",
    "<a href=\"java&#x09;script:alert(1)\">click tab</a>",
    "<a href=\" JaVaScRiPt:alert(1)\">click case</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">click data</a>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
    "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>svg link</text></a></svg>",
    "<svg><animate attributeName=href to=javascript:alert(1) /></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    "<math href=\"javascript:alert(1)\">math link</math>",
    "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<div style=\"background:url(javascript:alert(1))\">styled url</div>",
    "<div style=\"width:expression(alert(1))\">styled expression</div>",
    "<style>@import 'javascript:alert(1)'; p{behavior:url(x.htc)}</style>",
    "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<template><script>alert(1)</script></template>",
    "<textarea></textarea><script>alert(1)</script>",
    "<isindex action=javascript:alert(1) type=image>",
    "<details open ontoggle=alert(1)>details</details>",
    "<video><source onerror=alert(1)></video>",
    "<link rel=import href=\"data:text/html,<script>alert(1)</script>\">",
    "<xmp><script>alert(1)</script></xmp>",
];

/// The same vectors as text: a page that shows code, escaped, e.g. a post
/// about XSS. Its text holds the markup characters themselves.
fn as_text(vector: &str) -> String {
    vector
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A page with every vector, as markup and as text, among ordinary prose,
/// also in the title, a heading, a list, a quote, code and a table.
fn hostile_page() -> String {
    let prose = "The committee said on Tuesday that the new rules would take effect \
                 next year, after a long consultation with residents and businesses.";
    let mut html = String::from("<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; \"><img src=x onerror=alert(1)></title>");
    html.push_str("<base href=\"javascript:alert(1)//\"><meta http-equiv=refresh content=\"0;url=javascript:alert(1)\"></head><body><article>");
    html.push_str("<h1>Headline <script>alert(1)</script></h1>");
    for v in VECTORS {
        html.push_str(&format!("<p>{prose} {v} and {} {prose}</p>\n", as_text(v)));
    }
    let t = as_text(VECTORS[0]);
    html.push_str(&format!(
        "<h2>{t}</h2><ul><li>{prose} {t}</li><li>{prose} {}</li></ul>",
        VECTORS[2]
    ));
    html.push_str(&format!("<blockquote>{prose} {t}</blockquote>"));
    html.push_str(&format!(
        "<pre><code>{t}\n{}</code></pre>",
        as_text(VECTORS[3])
    ));
    html.push_str(&format!(
        "<table><tr><th>{t}</th><th>b</th></tr><tr><td>{prose}</td><td>{}</td></tr></table>",
        VECTORS[4]
    ));
    html.push_str("</article></body></html>");
    html
}

/// Every element and attribute of `html`, as a browser parses it, is in the
/// allowed lists, and no attribute value or style holds script.
fn assert_safe(html: &str, tags: &[&str], attributes: &[&str], style: Option<&str>) {
    let doc = Html::parse_document(html);
    for node in doc.tree.nodes() {
        let Node::Element(e) = node.value() else {
            continue;
        };
        let name = e.name();
        assert!(tags.contains(&name), "element <{name}> in output:\n{html}");
        for (attr, value) in e.attrs() {
            assert!(
                attributes.contains(&attr),
                "attribute {attr}={value:?} on <{name}>:\n{html}"
            );
            let value = value.to_ascii_lowercase();
            assert!(!value.contains("javascript:") || attr == "title", "{value}");
        }
        if name == "style" {
            let css: String = node
                .children()
                .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                .collect();
            assert_eq!(Some(css.as_str()), style, "unexpected style sheet");
        }
        if name == "meta" {
            assert!(e.attr("http-equiv").is_none(), "{html}");
        }
    }
}

/// What `Article::to_html` may write (html, head and body are the parser's).
const ARTICLE_TAGS: &[&str] = &[
    "html",
    "head",
    "body",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "table",
    "tbody",
    "tr",
    "th",
    "td",
    "figcaption",
    "em",
    "strong",
];

/// With links and images on, `a` and `img` join them.
fn rich_tags() -> Vec<&'static str> {
    ARTICLE_TAGS.iter().copied().chain(["a", "img"]).collect()
}

/// Links and images of a hostile page: safe ones among the vectors, and
/// more vectors in `href` and `src`.
fn hostile_page_with_links() -> String {
    let prose = "Residents and businesses were consulted for a year before the rules were \
                 agreed, the committee said in its report on Tuesday evening.";
    let links = [
        "<a href=\"/rules\">the rules</a>",
        "<a href=\"https://ok.example/a b(c)\">a web link</a>",
        "<a href=\"mailto:desk@ok.example\">write</a>",
        "<a href=\"vbscript:msgbox(1)\">click vb</a>",
        "<a href=\"&#106;avascript:alert(1)\">click entity</a>",
        "<a href=\"\" onclick=\"alert(1)\">click empty</a>",
        "<img src=\"/chart.png\" alt=\"a chart\">",
        "<img src=\"javascript:alert(1)\" alt=\"js image\">",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\" alt=\"data image\">",
        "<img src=x onerror=alert(1) alt=\"\\\"><script>alert(1)</script>\">",
    ];
    let page = hostile_page();
    let mut html = page
        .strip_suffix("</article></body></html>")
        .unwrap_or(&page)
        .to_string();
    for link in links {
        html.push_str(&format!("<p>{prose} <em>{link}</em> <b>{prose}</b></p>\n"));
    }
    html.push_str("</article></body></html>");
    html
}

fn rich() -> unboil::Extractor {
    unboil::Extractor::builder()
        .include_links(true)
        .include_images(true)
        .build()
}

#[test]
fn links_and_images_run_no_code() {
    let article = rich().extract(&hostile_page_with_links()).expect("a page");
    let html = article.to_html();
    assert_safe(&html, &rich_tags(), &["href", "src", "alt", "rel"], None);
    let doc = Html::parse_document(&html);
    let mut urls = Vec::new();
    for node in doc.tree.nodes() {
        if let Node::Element(e) = node.value() {
            urls.extend(e.attr("href").or(e.attr("src")).map(str::to_string));
        }
    }
    // The `<base href="javascript:...">` is ignored: relative stays relative.
    assert!(urls.contains(&"/rules".to_string()), "{urls:?}");
    assert!(urls.contains(&"/chart.png".to_string()), "{urls:?}");
    assert!(urls.iter().any(|u| u.starts_with("mailto:")), "{urls:?}");
    for url in &urls {
        let lower = url.to_ascii_lowercase();
        assert!(
            lower.starts_with("https://") || lower.starts_with("mailto:") || !lower.contains(':'),
            "unsafe URL {url}"
        );
    }
    assert!(
        html.contains("click vb") && !html.contains("vbscript"),
        "{html}"
    );
}

#[test]
fn markdown_links_have_safe_targets() {
    let article = rich().extract(&hostile_page_with_links()).expect("a page");
    let markdown = article.to_markdown();
    assert!(markdown.contains("[the rules](/rules)"), "{markdown}");
    assert!(markdown.contains("![a chart](/chart.png)"), "{markdown}");
    assert!(
        markdown.contains("[a web link](https://ok.example/a%20b%28c%29)"),
        "{markdown}"
    );
    // Every unescaped `](` is a link the renderer wrote.
    let mut rest = markdown.as_str();
    while let Some(at) = rest.find("](") {
        let escaped = rest[..at].ends_with('\\');
        let target = &rest[at + 2..];
        let end = target.find(')').unwrap_or(target.len());
        let url = target[..end].to_ascii_lowercase();
        if !escaped {
            assert!(
                url.starts_with("https://") || url.starts_with("mailto:") || !url.contains(':'),
                "unsafe target {url}"
            );
            assert!(!url.contains(' ') && !url.contains('<'), "{url}");
        }
        rest = &target[end..];
    }
}

/// What `Explanation::to_html` may write.
const HIGHLIGHT_TAGS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "h1", "p", "span", "code", "div",
];

fn highlight_style(html: &str) -> Option<&str> {
    let start = html.find("<style>")? + "<style>".len();
    let end = html.find("</style>")?;
    html.get(start..end)
}

#[test]
fn the_hostile_page_keeps_its_text() {
    let article = unboil::extract(&hostile_page()).expect("a page");
    // The vectors written as text survive as text, so the test bites.
    assert!(
        article.text.contains("<script>alert(1)</script>"),
        "{}",
        article.text
    );
    assert!(article.text.contains("onerror=alert(1)"));
}

#[test]
fn article_html_runs_no_code() {
    let article = unboil::extract(&hostile_page()).expect("a page");
    let html = article.to_html();
    assert_safe(&html, ARTICLE_TAGS, &[], None);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn highlight_page_runs_no_code() {
    let explanation = unboil::Extractor::default()
        .explain(&hostile_page())
        .expect("a page");
    let html = explanation.to_html();
    let style = highlight_style(&html).map(str::to_string);
    let style = style.as_deref();
    assert!(style.is_some_and(|s| !s.contains("url(") && !s.contains("expression")));
    assert_safe(&html, HIGHLIGHT_TAGS, &["class", "title", "charset"], style);
}

#[test]
fn markdown_escapes_raw_html_and_links() {
    let article = unboil::extract(&hostile_page()).expect("a page");
    let markdown = article.to_markdown();
    let mut previous = ' ';
    let mut in_code = false;
    for line in markdown.lines() {
        // Fenced code is shown verbatim by every Markdown renderer.
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        // A leading "> " is the renderer's own block-quote marker.
        let mut line = line;
        while let Some(rest) = line.strip_prefix("> ") {
            line = rest;
        }
        for c in line.chars() {
            if matches!(c, '<' | '>' | '[' | ']' | '`' | '&') {
                assert_eq!(previous, '\\', "unescaped {c:?} in: {line}");
            }
            previous = if previous == '\\' { ' ' } else { c };
        }
    }
    assert!(markdown.contains("\\<script\\>"));
}

#[cfg(feature = "cli")]
#[test]
fn cli_html_and_highlight_run_no_code() {
    use std::process::Command;
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("xss");
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let page = dir.join("hostile.html");
    std::fs::write(&page, hostile_page()).expect("write the page");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_unboil"))
            .args(args)
            .arg(&page)
            .output()
            .expect("run unboil");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    };
    assert_safe(&run(&["--format", "html"]), ARTICLE_TAGS, &[], None);
    let highlight = run(&["--highlight"]);
    let style = highlight_style(&highlight).map(str::to_string);
    assert_safe(
        &highlight,
        HIGHLIGHT_TAGS,
        &["class", "title", "charset"],
        style.as_deref(),
    );
}

/// The checker itself bites: an event handler or a script fails it.
#[test]
#[should_panic(expected = "attribute onclick")]
fn the_checker_catches_an_event_handler() {
    assert_safe("<p onclick=alert(1)>x</p>", ARTICLE_TAGS, &[], None);
}

#[test]
#[should_panic(expected = "element <svg>")]
fn the_checker_catches_an_svg() {
    assert_safe(
        "<p><svg onload=alert(1)></svg></p>",
        ARTICLE_TAGS,
        &[],
        None,
    );
}
