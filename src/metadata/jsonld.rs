//! JSON-LD: the `<script type="application/ld+json">` blocks in, what they
//! say about the page's main entity out.
//!
//! Blocks may hold one object, an array, or a `@graph`; entities refer to
//! each other by `@id` (Yoast's graphs name the author that way). The main
//! entity is the first of the most article-like type. Broken JSON is common:
//! raw newlines inside strings, HTML comment or CDATA wrappers, trailing
//! commas, several objects in a row; those are repaired, and anything still
//! unreadable is skipped.

use serde_json::{Map, Value};
use std::collections::HashMap;

/// Nested deeper than this, objects are not looked at.
const MAX_DEPTH: usize = 12;
/// Blocks larger than this are skipped (they are data dumps, not metadata).
const MAX_BLOCK_BYTES: usize = 2_000_000;

/// An author as JSON-LD names it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LdAuthor {
    pub(crate) name: String,
    /// Typed `Organization` (or a subtype), not a person.
    pub(crate) organization: bool,
}

/// What the blocks say, each field from the main entity when it has it.
#[derive(Debug, Default, Clone)]
pub(crate) struct Facts {
    /// The main entity's type, e.g. `NewsArticle`.
    pub(crate) main_type: Option<String>,
    /// Every type seen, in order.
    pub(crate) types: Vec<String>,
    pub(crate) headline: Option<String>,
    /// The `name` of a web-page entity (often the `<title>`).
    pub(crate) page_name: Option<String>,
    pub(crate) authors: Vec<LdAuthor>,
    pub(crate) date_published: Option<String>,
    pub(crate) date_modified: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) image: Option<String>,
    pub(crate) keywords: Vec<String>,
    pub(crate) sections: Vec<String>,
    pub(crate) publisher: Option<String>,
    pub(crate) website: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) language: Option<String>,
    /// The article-like main entity's `articleBody`, as written (line
    /// breaks kept).
    pub(crate) article_body: Option<String>,
    /// The description of the page's one product (every `Product` entity
    /// that has a description gives the same), as written.
    pub(crate) product_description: Option<String>,
}

/// How article-like a type is: higher is more.
fn rank(ty: &str) -> u8 {
    match ty {
        "Article"
        | "NewsArticle"
        | "BlogPosting"
        | "Report"
        | "ScholarlyArticle"
        | "TechArticle"
        | "OpinionNewsArticle"
        | "AnalysisNewsArticle"
        | "ReportageNewsArticle"
        | "BackgroundNewsArticle"
        | "ReviewNewsArticle"
        | "LiveBlogPosting"
        | "SocialMediaPosting"
        | "DiscussionForumPosting"
        | "Recipe"
        | "HowTo"
        | "Review"
        | "Question"
        | "PressRelease"
        | "MedicalScholarlyArticle"
        | "SatiricalArticle"
        | "AdvertiserContentArticle"
        | "Guide" => 4,
        "Product" | "Event" | "VideoObject" | "Course" | "JobPosting" | "Book" | "Movie" => 3,
        "WebPage" | "ItemPage" | "AboutPage" | "CollectionPage" | "ProfilePage" | "QAPage"
        | "FAQPage" | "SearchResultsPage" | "MedicalWebPage" | "ContactPage" | "Blog" => 1,
        _ => 0,
    }
}

fn is_organization(ty: &str) -> bool {
    matches!(
        ty,
        "Organization"
            | "NewsMediaOrganization"
            | "Corporation"
            | "LocalBusiness"
            | "EducationalOrganization"
            | "GovernmentOrganization"
            | "NGO"
            | "WebSite"
            | "Brand"
    )
}

/// Read every block; blocks that cannot be read add nothing.
pub(crate) fn read(blocks: &[String]) -> Facts {
    let values: Vec<Value> = blocks
        .iter()
        .filter(|b| b.len() <= MAX_BLOCK_BYTES)
        .flat_map(|b| parse_block(b))
        .collect();
    let mut entities = Vec::new();
    for v in &values {
        collect(v, 0, &mut entities);
    }
    let ids: HashMap<&str, &Map<String, Value>> = entities
        .iter()
        .filter(|e| e.len() > 1)
        .filter_map(|e| Some((e.get("@id")?.as_str()?, *e)))
        .collect();
    let graph = Graph { ids };

    let mut facts = Facts::default();
    for e in &entities {
        for ty in types(e) {
            if !facts.types.contains(&ty) {
                facts.types.push(ty);
            }
        }
    }
    let main = entities
        .iter()
        .copied()
        .filter(|e| types(e).iter().any(|t| rank(t) > 0))
        .max_by_key(|e| {
            (
                types(e).iter().map(|t| rank(t)).max().unwrap_or(0),
                // earliest wins among equals
                std::cmp::Reverse(entities.iter().position(|x| std::ptr::eq(*x, *e))),
            )
        });
    let page = entities
        .iter()
        .copied()
        .find(|e| types(e).iter().any(|t| rank(t) == 1));
    let website = entities
        .iter()
        .copied()
        .find(|e| types(e).iter().any(|t| t == "WebSite"));
    facts.website = website.and_then(|w| graph.text(w.get("name")));
    facts.product_description = product_description(&entities);
    facts.page_name = page.and_then(|p| graph.text(p.get("name")));

    let Some(main) = main else {
        return facts;
    };
    let main_rank = types(main).iter().map(|t| rank(t)).max().unwrap_or(0);
    facts.main_type = types(main)
        .into_iter()
        .max_by_key(|t| (rank(t), std::cmp::Reverse(t.len())));
    facts.headline = graph.text(main.get("headline")).or_else(|| {
        (main_rank > 1)
            .then(|| graph.text(main.get("name")))
            .flatten()
    });
    // Fields the main entity lacks are taken from the others, most
    // article-like first (a WebPage often carries the dates).
    let mut ordered: Vec<&Map<String, Value>> = vec![main];
    let mut rest: Vec<_> = entities
        .iter()
        .copied()
        .filter(|e| !std::ptr::eq(*e, main) && types(e).iter().any(|t| rank(t) > 0))
        .collect();
    rest.sort_by_key(|e| std::cmp::Reverse(types(e).iter().map(|t| rank(t)).max()));
    ordered.extend(rest);
    let first = |keys: &[&str]| {
        ordered
            .iter()
            .flat_map(|e| keys.iter().filter_map(move |k| e.get(*k)))
            .find_map(|v| graph.text(Some(v)))
    };
    facts.date_published = first(&["datePublished", "dateCreated", "uploadDate"]);
    facts.date_modified = first(&["dateModified"]);
    facts.description = graph.text(main.get("description"));
    facts.article_body = (main_rank > 1)
        .then(|| main.get("articleBody").and_then(Value::as_str))
        .flatten()
        .map(str::to_string);
    facts.image = ordered
        .iter()
        .find_map(|e| graph.image(e.get("image").or_else(|| e.get("thumbnailUrl")), 0));
    facts.keywords = graph.list(main.get("keywords"), true);
    facts.sections = graph.list(main.get("articleSection"), false);
    facts.publisher = graph.name_of(main.get("publisher"));
    facts.url = graph
        .text(main.get("url"))
        .or_else(|| graph.id_or_text(main.get("mainEntityOfPage")));
    facts.language = first(&["inLanguage"]);
    for e in &ordered {
        let authors = graph.authors(e.get("author").or_else(|| e.get("creator")), 0);
        if !authors.is_empty() {
            facts.authors = authors;
            break;
        }
    }
    facts
}

/// The description every product entity that has one gives, when they
/// agree: a page of many products (a category's `ItemList`) describes none.
fn product_description(entities: &[&Map<String, Value>]) -> Option<String> {
    let mut found: Option<&str> = None;
    for e in entities {
        if !types(e)
            .iter()
            .any(|t| matches!(t.as_str(), "Product" | "ProductGroup" | "IndividualProduct"))
        {
            continue;
        }
        let Some(d) = e.get("description").and_then(Value::as_str) else {
            continue;
        };
        if d.trim().is_empty() {
            continue;
        }
        match found {
            Some(f) if f != d => return None,
            _ => found = Some(d),
        }
    }
    found.map(super::clean_text)
}

/// The JSON values in one block, repairing what is commonly broken.
fn parse_block(block: &str) -> Vec<Value> {
    let mut text = block.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        text = text.strip_prefix(open).unwrap_or(text).trim();
        text = text.strip_suffix(close).unwrap_or(text).trim();
    }
    // Raw control characters are invalid inside JSON strings and mere
    // whitespace outside them.
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let values = parse_stream(&text);
    if !values.is_empty() {
        return values;
    }
    parse_stream(&drop_trailing_commas(&text))
}

/// Every value of a stream of JSON values, up to the first error.
fn parse_stream(text: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    while let Some(Ok(v)) = stream.next() {
        out.push(v);
        // A `;` between objects is a common slip.
        let rest = text.get(stream.byte_offset()..).unwrap_or("").trim_start();
        if let Some(after) = rest.strip_prefix(';') {
            let offset = text.len() - after.len();
            out.extend(parse_stream(&text[offset..]));
            break;
        }
    }
    out
}

/// Remove commas that stand right before `}` or `]`, outside strings.
fn drop_trailing_commas(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        } else if c == ',' {
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            if matches!(next, Some('}' | ']')) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Every object with a `@type` or `@id`, depth-first.
fn collect<'a>(value: &'a Value, depth: usize, out: &mut Vec<&'a Map<String, Value>>) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Object(map) => {
            if map.contains_key("@type") || map.contains_key("@id") {
                out.push(map);
            }
            for v in map.values() {
                collect(v, depth + 1, out);
            }
        }
        Value::Array(items) => {
            for v in items {
                collect(v, depth + 1, out);
            }
        }
        _ => {}
    }
}

/// The types of an entity, without a schema.org prefix.
fn types(entity: &Map<String, Value>) -> Vec<String> {
    let strip = |t: &str| t.rsplit(['/', ':']).next().unwrap_or(t).trim().to_string();
    match entity.get("@type") {
        Some(Value::String(t)) => vec![strip(t)],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(strip).collect(),
        _ => Vec::new(),
    }
}

/// Entities by `@id`, to follow references.
struct Graph<'a> {
    ids: HashMap<&'a str, &'a Map<String, Value>>,
}

impl<'a> Graph<'a> {
    /// An object, or the object its `@id` names when it has no name of its
    /// own (`{"@id": "#author"}`).
    fn resolve(&self, map: &'a Map<String, Value>) -> &'a Map<String, Value> {
        if !map.contains_key("name") {
            if let Some(target) = map
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| self.ids.get(id))
            {
                return target;
            }
        }
        map
    }

    /// A string value (the first of an array), whitespace-collapsed and
    /// entity-decoded; empty strings count as absent.
    fn text(&self, value: Option<&Value>) -> Option<String> {
        self.text_at(value, 0)
    }

    fn text_at(&self, value: Option<&Value>, depth: usize) -> Option<String> {
        if depth > 3 {
            return None;
        }
        match value? {
            Value::String(s) => Some(super::clean_text(s)).filter(|s| !s.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            Value::Array(items) => items.iter().find_map(|v| self.text_at(Some(v), depth + 1)),
            Value::Object(map) => {
                let map = self.resolve(map);
                ["@value", "name"]
                    .iter()
                    .find_map(|k| self.text_at(map.get(*k), depth + 1))
            }
            _ => None,
        }
    }

    /// `{"@id": url}` or a plain string.
    fn id_or_text(&self, value: Option<&Value>) -> Option<String> {
        match value? {
            Value::Object(map) => map.get("@id").and_then(|v| self.text(Some(v))),
            v => self.text(Some(v)),
        }
    }

    /// The `name` of an entity, which may be given as a bare string.
    fn name_of(&self, value: Option<&Value>) -> Option<String> {
        match value? {
            Value::Object(map) => self.text(self.resolve(map).get("name")),
            Value::Array(items) => items.iter().find_map(|v| self.name_of(Some(v))),
            v => self.text(Some(v)),
        }
    }

    /// An image URL from a string, an `ImageObject` or an array of either.
    fn image(&self, value: Option<&Value>, depth: usize) -> Option<String> {
        if depth > 3 {
            return None;
        }
        match value? {
            Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Array(items) => items.iter().find_map(|v| self.image(Some(v), depth + 1)),
            Value::Object(map) => {
                let map = self.resolve(map);
                ["url", "contentUrl", "@id"]
                    .iter()
                    .find_map(|k| self.image(map.get(*k), depth + 1))
            }
            _ => None,
        }
    }

    /// A list given as an array, or as one string (split at commas when
    /// `split`).
    fn list(&self, value: Option<&Value>, split: bool) -> Vec<String> {
        let mut out = Vec::new();
        let mut push = |s: &str| {
            let pieces: Vec<&str> = if split {
                s.split(',').collect()
            } else {
                vec![s]
            };
            for p in pieces {
                let p = super::clean_text(p);
                if !p.is_empty() && !out.contains(&p) {
                    out.push(p);
                }
            }
        };
        match value {
            Some(Value::String(s)) => push(s),
            Some(Value::Array(items)) => {
                for s in items.iter().filter_map(Value::as_str) {
                    push(s);
                }
            }
            _ => {}
        }
        out
    }

    /// Authors from a string, a `Person`/`Organization` (maybe by `@id`) or
    /// an array of them.
    fn authors(&self, value: Option<&Value>, depth: usize) -> Vec<LdAuthor> {
        let Some(value) = value.filter(|_| depth <= 3) else {
            return Vec::new();
        };
        match value {
            Value::String(s) => {
                let name = super::clean_text(s);
                if name.is_empty() {
                    Vec::new()
                } else {
                    vec![LdAuthor {
                        name,
                        organization: false,
                    }]
                }
            }
            Value::Array(items) => items
                .iter()
                .flat_map(|v| self.authors(Some(v), depth + 1))
                .collect(),
            Value::Object(map) => {
                let map = self.resolve(map);
                let organization = types(map).iter().any(|t| is_organization(t));
                let name = self.text(map.get("name")).or_else(|| {
                    let given = self.text(map.get("givenName"))?;
                    Some(match self.text(map.get("familyName")) {
                        Some(family) => format!("{given} {family}"),
                        None => given,
                    })
                });
                name.map(|name| LdAuthor { name, organization })
                    .into_iter()
                    .collect()
            }
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
#[path = "jsonld_tests.rs"]
mod tests;
