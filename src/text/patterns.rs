//! The line patterns of flattened text (`data/lines.txt`): what a line of
//! page furniture looks like once the markup is gone.
//!
//! A line is normalised into words (lowercased, punctuation trimmed from
//! both ends of each word, numbers written `<n>`) and matched against
//! word patterns; see the data file's header for the syntax.

use crate::html::segment::Block;
use crate::judge::lexicon::hash::{map_with_capacity, FxMap};
use crate::model::data::rows;
use std::borrow::Cow;

/// Lines of more words than this are never matched as furniture: a longer
/// line is prose, whatever phrase it holds. Twice the lexicon's
/// MAX_CRUFT_WORDS (12): a dateline or credit line carries a date, a place
/// and a name or two ("Last Updated: March 12, 2024, 10:32 IST").
pub(crate) const MAX_PATTERN_LINE_WORDS: usize = 24;

/// A line that ends like a sentence and has more words than this reads as
/// prose, so a label pattern (`von *`, `watch *`) matches it only when the
/// label is followed by a colon ("Watch: …"). Five words is a short
/// sentence ("Recommended for anyone who cooks.").
const LABEL_SENTENCE_WORDS: usize = 5;

/// A line that opens the comments or a list of other stories is a label
/// of a few words ("More from Politics", "Comments (12)"); a longer one
/// with a bar after the label carries a headline of its own and stands
/// alone ("Also Read | …").
const MAX_BOUNDARY_LABEL_WORDS: u32 = 5;

/// Whether a line is a link inside the article, a label and a headline
/// after a bar ("Also Read | Headline of another story"), not a label that
/// opens a list.
pub(crate) fn inline_link(block: &Block) -> bool {
    block.words > MAX_BOUNDARY_LABEL_WORDS && block.text.contains(" | ")
}

/// What kind of furniture a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// A date or time ("9 hours ago", "First Published: …").
    Date,
    /// A photo or image credit, or a caption that ends with one.
    Credit,
    /// A place label ("Location : Mumbai").
    Location,
    /// An author line ("Reported by …").
    Byline,
    /// A call to act: read on, share, subscribe, follow.
    Prompt,
    /// A disclaimer or notice (cookies, comment rules, syndication).
    Legal,
    /// The start of a list of other stories.
    Related,
    /// The start of the comments.
    Comments,
    /// The end mark of a press release ("###").
    End,
}

impl LineKind {
    fn from_name(name: &str) -> Option<Kind> {
        Some(match name {
            "date" => Kind::Line(LineKind::Date),
            "credit" => Kind::Line(LineKind::Credit),
            "location" => Kind::Line(LineKind::Location),
            "byline" => Kind::Line(LineKind::Byline),
            "prompt" => Kind::Line(LineKind::Prompt),
            "legal" => Kind::Line(LineKind::Legal),
            "related" => Kind::Line(LineKind::Related),
            "comments" => Kind::Line(LineKind::Comments),
            "end" => Kind::Line(LineKind::End),
            "bio" => Kind::Bio,
            "photo" => Kind::Photo,
            _ => return None,
        })
    }

    /// Whether the line ends the article when it follows it: what comes
    /// after is other stories or readers' comments.
    pub(crate) fn is_boundary(self) -> bool {
        matches!(self, LineKind::Related | LineKind::Comments | LineKind::End)
    }
}

/// The kinds in the data file: line kinds, bio phrases, and the words
/// that make a credit a photo's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Line(LineKind),
    Bio,
    Photo,
}

/// One pattern: its words (each a set of alternatives) and where it may sit.
#[derive(Debug)]
struct Pattern {
    kind: Kind,
    words: Vec<Vec<&'static str>>,
    /// Words may come before (`* ` in the data).
    floating: bool,
    /// Words may follow (` *` in the data).
    open: bool,
}

/// The parsed patterns. Built once per extractor.
#[derive(Debug)]
pub(crate) struct LinePatterns {
    patterns: Vec<Pattern>,
    /// End marks matched on the raw line ("###").
    raw_ends: Vec<&'static str>,
    /// Indices of the patterns that must start the line, by each
    /// alternative of their first word: a line is tried only against the
    /// patterns its first word opens.
    anchored: FxMap<&'static str, Vec<usize>>,
    /// The same for floating patterns, which may start at any word.
    floating: FxMap<&'static str, Vec<usize>>,
}

const LINES: &str = include_str!("data/lines.txt");

/// A line cut into words for matching.
pub(crate) struct Words<'a> {
    /// Normalised words.
    norm: Vec<Cow<'a, str>>,
    /// For each normalised word, its raw token.
    raw: Vec<&'a str>,
    /// For each normalised word, whether a colon follows it in the raw text.
    colon_after: Vec<bool>,
    /// The raw line ends like a sentence.
    sentence: bool,
}

impl<'a> Words<'a> {
    /// Normalise `line`; `None` when it has more than [`MAX_PATTERN_LINE_WORDS`] words.
    pub(crate) fn new(line: &'a str) -> Option<Words<'a>> {
        if line
            .split_whitespace()
            .nth(MAX_PATTERN_LINE_WORDS)
            .is_some()
        {
            return None;
        }
        let mut words = Words {
            norm: Vec::new(),
            raw: Vec::new(),
            colon_after: Vec::new(),
            sentence: ends_like_sentence(line),
        };
        // "REUTERS/Jane Doe", "Foto: dpa/Max Muster": slashes join credits.
        for token in line.split(|c: char| c.is_whitespace() || c == '/') {
            if token.is_empty() {
                continue;
            }
            let trimmed = token.trim_matches(|c: char| !c.is_alphanumeric());
            if trimmed.is_empty() {
                if token.starts_with(':') {
                    if let Some(last) = words.colon_after.last_mut() {
                        *last = true;
                    }
                }
                continue;
            }
            words.norm.push(normalise_word(trimmed));
            words.raw.push(token);
            let after = &token[token.find(trimmed).map_or(0, |i| i + trimmed.len())..];
            words.colon_after.push(after.starts_with(':'));
        }
        Some(words)
    }

    /// How many words there are.
    pub(crate) fn len(&self) -> usize {
        self.norm.len()
    }
}

/// A word lowercased, or `<n>` when it starts with a digit ("2024",
/// "10:32", "12th", "10h32"); borrowed when it already is lowercase ASCII.
fn normalise_word(word: &str) -> Cow<'_, str> {
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        Cow::Borrowed("<n>")
    } else if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(
            word.chars()
                .map(|c| if c == '’' { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect(),
        )
    }
}

/// Whether a line ends with sentence punctuation (before closing quotes
/// and brackets).
pub(crate) fn ends_like_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']'])
        .ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

impl LinePatterns {
    /// Parse the embedded data. Panics on a malformed line: the data is
    /// embedded and every test that builds an extractor loads it.
    pub(crate) fn load() -> LinePatterns {
        let mut patterns = Vec::new();
        let mut raw_ends = Vec::new();
        for row in rows("lines.txt", LINES) {
            let [kind, _lang, pattern] = row.expect("kind<TAB>lang<TAB>pattern");
            let kind = LineKind::from_name(kind)
                .unwrap_or_else(|| row.fail(format!("unknown kind {kind:?}")));
            if kind == Kind::Line(LineKind::End) && !pattern.contains(char::is_alphanumeric) {
                raw_ends.push(pattern);
                continue;
            }
            let (floating, rest) = match pattern.strip_prefix("* ") {
                Some(rest) => (true, rest),
                None => (false, pattern),
            };
            let (open, rest) = match rest.strip_suffix(" *") {
                Some(rest) => (true, rest),
                None => (false, rest),
            };
            let words: Vec<Vec<&'static str>> =
                rest.split(' ').map(|w| w.split('|').collect()).collect();
            if words.iter().flatten().any(|w| w.is_empty()) {
                row.fail("empty word in the pattern");
            }
            patterns.push(Pattern {
                kind,
                words,
                floating,
                open,
            });
        }
        let mut anchored: FxMap<&'static str, Vec<usize>> = map_with_capacity(patterns.len());
        let mut floating: FxMap<&'static str, Vec<usize>> = map_with_capacity(patterns.len());
        for (index, pattern) in patterns.iter().enumerate() {
            let by_first = if pattern.floating {
                &mut floating
            } else {
                &mut anchored
            };
            for alternative in &pattern.words[0] {
                by_first.entry(alternative).or_default().push(index);
            }
        }
        LinePatterns {
            patterns,
            raw_ends,
            anchored,
            floating,
        }
    }

    /// What kind of furniture `line` is, if any.
    pub(crate) fn classify(&self, line: &str) -> Option<LineKind> {
        let line = super::typography::for_matching(line);
        let trimmed = line.trim();
        if self
            .raw_ends
            .iter()
            .any(|end| trimmed.eq_ignore_ascii_case(end))
        {
            return Some(LineKind::End);
        }
        let Some(words) = Words::new(trimmed) else {
            // A long caption still ends with its credit: "… a model of a
            // Boeing 787 at the Dubai Airshow. (AP Photo/Jon Gambrell)";
            // a paragraph ending "(dpa)" is the agency's text.
            return self
                .parenthesised_credit(trimmed, true)
                .then_some(LineKind::Credit);
        };
        if words.len() == 0 {
            return None;
        }
        if let Some(kind) = self.find(&words, |k| matches!(k, Kind::Line(_))) {
            return Some(kind);
        }
        // A caption with its credit at the end: "(IMAGE: REUTERS FILE)", or
        // an unpunctuated last segment "REUTERS/Jane Doe/File Photo".
        self.credit_tail(trimmed).then_some(LineKind::Credit)
    }

    /// Whether `text` holds a phrase of an author's biography ("is a
    /// reporter", "ist Redakteurin") in its first words.
    pub(crate) fn is_bio(&self, text: &str) -> bool {
        let text = super::typography::for_matching(text);
        let head: String = text
            .split_whitespace()
            .take(MAX_PATTERN_LINE_WORDS)
            .collect::<Vec<_>>()
            .join(" ");
        Words::new(&head).is_some_and(|w| self.find(&w, |k| k == Kind::Bio).is_some())
    }

    /// The kind of the first pattern (of a kind `wanted` accepts) that `words` match.
    fn find(&self, words: &Words, wanted: impl Fn(Kind) -> bool) -> Option<LineKind> {
        // Only a pattern whose first word is among the line's can match:
        // gather those, and try them in data order as a full scan would.
        let mut candidates: Vec<usize> = Vec::new();
        if let Some(first) = words.norm.first().and_then(|w| self.anchored.get(&**w)) {
            candidates.extend(first);
        }
        for word in &words.norm {
            if let Some(list) = self.floating.get(&**word) {
                candidates.extend(list);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let in_order = candidates.into_iter().map(|i| &self.patterns[i]);
        for pattern in in_order.filter(|p| wanted(p.kind)) {
            if pattern_matches(pattern, words) {
                return match pattern.kind {
                    Kind::Line(kind) => Some(kind),
                    // Bio phrases report as bylines: author furniture.
                    Kind::Bio => Some(LineKind::Byline),
                    Kind::Photo => Some(LineKind::Credit),
                };
            }
        }
        None
    }

    /// Whether a caption ends with a credit: a parenthesised credit at its
    /// end, or, when it does not end like a sentence, a last segment (after
    /// the last full stop) that is a credit.
    fn credit_tail(&self, line: &str) -> bool {
        let credit = |text: &str| {
            Words::new(text).is_some_and(|w| {
                w.len() > 0
                    && self
                        .find(&w, |k| k == Kind::Line(LineKind::Credit))
                        .is_some()
            })
        };
        if self.parenthesised_credit(line, false) {
            return true;
        }
        if ends_like_sentence(line) {
            return false;
        }
        let last = line.rfind(". ").map_or(line, |i| &line[i + 2..]);
        last.len() < line.len() && credit(last)
    }

    /// Whether a line ends with a credit in brackets: "(IMAGE: REUTERS
    /// FILE)", "(AP Photo/Jon Gambrell)"; with `photo`, one that names a
    /// photo ("Photo", "Foto", "Getty"), not only an agency.
    fn parenthesised_credit(&self, line: &str, photo: bool) -> bool {
        let body = line.trim_end_matches(['.', ' ']);
        let Some(inner) = body.strip_suffix(')') else {
            return false;
        };
        let Some(open) = inner.rfind('(') else {
            return false;
        };
        Words::new(&inner[open + 1..]).is_some_and(|w| {
            w.len() > 0
                && self
                    .find(&w, |k| k == Kind::Line(LineKind::Credit))
                    .is_some()
                && (!photo || self.find(&w, |k| k == Kind::Photo).is_some())
        })
    }
}

/// Whether `pattern` matches `words` where it may sit.
fn pattern_matches(pattern: &Pattern, words: &Words) -> bool {
    let n = pattern.words.len();
    if words.len() < n || (!pattern.open && !pattern.floating && words.len() != n) {
        return false;
    }
    let last_start = if pattern.floating { words.len() - n } else { 0 };
    (0..=last_start).any(|start| {
        let end = start + n;
        if !pattern.open && end != words.len() {
            return false;
        }
        let hit = pattern
            .words
            .iter()
            .zip(&words.norm[start..end])
            .all(|(alts, word)| alts.iter().any(|alt| *alt == &**word));
        hit && tail_fits(pattern, words, end)
    })
}

/// Kind-specific checks on a label pattern's line.
fn tail_fits(pattern: &Pattern, words: &Words, end: usize) -> bool {
    if pattern.floating {
        return true;
    }
    let Kind::Line(kind) = pattern.kind else {
        return true;
    };
    let colon = words.colon_after.get(end - 1).copied().unwrap_or(false);
    let tail = &words.norm[end..];
    // A label that opens a sentence ("Watch the video…", "Von der Leyen
    // sagte…") is prose, unless a colon marks it as a label.
    if pattern.open && !colon && words.sentence && words.len() > LABEL_SENTENCE_WORDS {
        return false;
    }
    match kind {
        // "Stand: 12.03.2024" holds a number, "Stand up for it" does not.
        LineKind::Date => tail.iter().any(|w| w == "<n>") || tail.len() <= 2,
        // "Location : Mumbai", not "Ort des Geschehens war …".
        LineKind::Location => colon,
        // A byline names someone: "Von Max Muster", not "von der Leyen".
        LineKind::Byline => words.raw.get(end).is_none_or(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(char::is_uppercase)
        }),
        _ => true,
    }
}
