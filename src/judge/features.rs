//! Stage 4, features: the [`Block`]s and the [`Dom`] in, one [`Features`]
//! record per block out.
//!
//! Everything the scorer looks at is computed here, once per block: sizes
//! and densities, stop words (in the page's own language), punctuation,
//! cruft phrases, and the class/id/role hints of the block's ancestors.
//! Nothing here decides anything.

use crate::html::dom::{Dom, NodeId, NONE};
use crate::html::segment::Block;
use crate::judge::lexicon::{CruftKind, Hints, Lang, Lexicon, MAX_CRUFT_WORDS};
use crate::judge::thresholds;
use crate::model::options::Balance;
use ahash::RandomState;
use html5ever::local_name;
use std::collections::HashMap;

/// Width of a wrapped line for text density, as in boilerpipe
/// (Kohlschütter et al., "Boilerplate Detection using Shallow Text Features", 2010).
/// Blocks of more words are not searched for strong cruft phrases: notices
/// (cookies, copyright, comment forms, disclaimers) are a few sentences,
/// and a long block that mentions one is prose about it.
const MAX_PHRASE_SEARCH_WORDS: u32 = 80;

const WRAP_COLUMNS: f32 = 80.0;

/// CJK characters per word-equivalent: Chinese words average about 1.7
/// characters (a common figure for segmented Mandarin text).
const CJK_CHARS_PER_WORD: f32 = 1.7;

/// How many Latin characters one CJK character counts for in length
/// thresholds: a Han character carries about one syllable-word, some three
/// to four Latin letters' worth of text.
const CJK_CHAR_WEIGHT: u32 = 3;

/// CJK particles make up about a tenth of running Chinese or Japanese
/// prose, where Latin-script stop words make up a third or more; scaling by
/// this puts both on the one stop-word-density scale.
const CJK_PARTICLE_SCALE: f32 = 3.2;

/// What the scorer knows about one block.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub(crate) struct Features {
    /// Words, with CJK text counted in word-equivalents.
    pub(crate) words: f32,
    /// Non-space characters, each CJK one counted as [`CJK_CHAR_WEIGHT`].
    pub(crate) length: u32,
    /// Share of the words that sit inside links.
    pub(crate) link_density: f32,
    /// Words per 80-column wrapped line (boilerpipe's text density).
    pub(crate) text_density: f32,
    /// Share of words that are stop words of the page's language; for CJK
    /// text, the share of characters that are common particles.
    pub(crate) stopword_density: f32,
    /// Sentence-ending marks (. ! ? and CJK equivalents).
    pub(crate) sentence_ends: u16,
    /// Commas (Latin and CJK).
    pub(crate) commas: u16,
    /// The text ends like a sentence.
    pub(crate) ends_with_punctuation: bool,
    /// Share of characters that are digits.
    pub(crate) digit_ratio: f32,
    /// A short block that is a boilerplate phrase, or a longer one containing
    /// a strong one ("all rights reserved").
    #[serde(skip)]
    pub(crate) cruft: Option<CruftKind>,
    /// Position of the block in the page, 0 (first) to 1 (last).
    pub(crate) position: f32,
}

/// Features for every block, and the page language guessed on the way.
pub(crate) struct PageFeatures {
    pub(crate) blocks: Vec<Features>,
    pub(crate) language: Option<Lang>,
    /// Each element's own class/id/role/itemprop hints, by node id; filled
    /// for the ancestors of blocks (other nodes hold no hints).
    pub(crate) node_hints: Vec<Hints>,
}

/// Compute features for all `blocks` of `dom`.
pub(crate) fn compute(dom: &Dom, blocks: &[Block], lexicon: &Lexicon) -> PageFeatures {
    let mut word = String::new();
    // Per block: stop-word hits by language; the page language is the one
    // with most hits overall, and densities use only its list.
    let mut hits: Vec<[u16; Lang::ALL.len()]> = Vec::with_capacity(blocks.len());
    let mut page_hits = [0u32; Lang::ALL.len()];
    let mut text_stats = Vec::with_capacity(blocks.len());
    for block in blocks {
        let mut block_hits = [0u16; Lang::ALL.len()];
        let stats = scan_text(&block.text, &mut word, |w| {
            let langs = lexicon.stopword_languages(w);
            if !langs.is_empty() {
                for lang in langs.iter() {
                    let slot = &mut block_hits[lang as usize];
                    *slot = slot.saturating_add(1);
                }
            }
        });
        for (total, &n) in page_hits.iter_mut().zip(&block_hits) {
            *total += u32::from(n);
        }
        hits.push(block_hits);
        text_stats.push(stats);
    }
    let language = page_hits
        .iter()
        .enumerate()
        .max_by_key(|&(_, &n)| n)
        .filter(|&(_, &n)| n > 0)
        .map(|(i, _)| Lang::ALL[i]);

    let mut node_hints = vec![Hints::NONE; dom.nodes.len()];
    let mut hinted = vec![false; dom.nodes.len()];
    // Pages repeat the same class lists on many elements: ask the lexicon
    // once per distinct value. The keys are page text, so they are hashed
    // with a randomly keyed hasher (ahash): crafted values cannot make
    // lookups collide.
    let mut hints_by_value: HashMap<&str, Hints, RandomState> =
        HashMap::with_hasher(RandomState::new());
    for block in blocks {
        let mut id = block.container;
        while id != NONE && !hinted[id as usize] {
            hinted[id as usize] = true;
            node_hints[id as usize] = element_hints(dom, id, lexicon, &mut hints_by_value);
            id = dom.node(id).parent;
        }
    }
    let last = blocks.len().saturating_sub(1).max(1) as f32;
    let features = blocks
        .iter()
        .zip(hits.iter().zip(&text_stats))
        .enumerate()
        .map(|(index, (block, (block_hits, stats)))| {
            let latin_words = block.words.saturating_sub(stats.cjk_runs_as_words) as f32;
            let cjk_words = stats.cjk_chars as f32 / CJK_CHARS_PER_WORD;
            let words = latin_words + cjk_words;
            let stopword_density = if cjk_words > latin_words {
                CJK_PARTICLE_SCALE * stats.cjk_particles as f32 / stats.cjk_chars.max(1) as f32
            } else {
                // The block's own best language: pages quote and mix languages.
                let stop = block_hits.iter().copied().max().unwrap_or(0);
                f32::from(stop) / latin_words.max(1.0)
            };
            let chars = block.chars.max(1) as f32;
            let text_density = if chars <= WRAP_COLUMNS {
                words
            } else {
                words * WRAP_COLUMNS / chars
            };
            let length = block.chars + (CJK_CHAR_WEIGHT - 1) * stats.cjk_chars;
            let link_density = block.link_words as f32 / block.words.max(1) as f32;
            // A link list is judged as one whatever its words say, with any
            // balance: its phrases need no search.
            let cruft = if link_density > thresholds::max_link_density(length, Balance::Recall) {
                None
            } else if block.words as usize <= MAX_CRUFT_WORDS {
                lexicon.cruft(&block.text)
            } else if block.words <= MAX_PHRASE_SEARCH_WORDS {
                lexicon.contains_cruft_phrase(&block.text)
            } else {
                None
            };
            Features {
                words,
                length,
                link_density,
                text_density,
                stopword_density,
                sentence_ends: stats.sentence_ends,
                commas: stats.commas,
                ends_with_punctuation: stats.ends_with_punctuation,
                digit_ratio: stats.digits as f32 / chars,
                cruft,
                position: index as f32 / last,
            }
        })
        .collect();
    PageFeatures {
        blocks: features,
        language,
        node_hints,
    }
}

/// Counts from one pass over a block's characters.
#[derive(Default)]
struct TextStats {
    sentence_ends: u16,
    commas: u16,
    digits: u32,
    cjk_chars: u32,
    cjk_particles: u32,
    /// Whitespace-separated words that were CJK runs (counted again as characters).
    cjk_runs_as_words: u32,
    ends_with_punctuation: bool,
}

/// One pass over `text`: punctuation and CJK counts, and each word
/// (lower-cased into `word`, punctuation trimmed) handed to `on_word`.
fn scan_text(text: &str, word: &mut String, mut on_word: impl FnMut(&str)) -> TextStats {
    let mut stats = TextStats::default();
    let mut word_is_cjk = false;
    let mut finish_word = |word: &mut String, is_cjk: bool, stats: &mut TextStats| {
        if is_cjk {
            stats.cjk_runs_as_words += 1;
        } else if !word.is_empty() {
            on_word(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii() {
            // The same rules as below, without the Unicode tables and the
            // CJK ranges, for the characters most text is made of.
            match c {
                '.' | '!' | '?' => stats.sentence_ends = stats.sentence_ends.saturating_add(1),
                ',' => stats.commas = stats.commas.saturating_add(1),
                _ => {}
            }
            if c.is_ascii_alphanumeric() {
                if c.is_ascii_digit() {
                    stats.digits += 1;
                }
                word.push(c.to_ascii_lowercase());
            } else if c.is_whitespace() {
                finish_word(word, word_is_cjk, &mut stats);
                word_is_cjk = false;
            } else if c == '\'' {
                word.push('\'');
            }
            continue;
        }
        if is_general_punctuation(c) && !c.is_whitespace() {
            // Dashes, curly quotes, ellipses: neither letters nor digits.
            if c == '’' {
                word.push('\'');
            }
            continue;
        }
        if is_common_letter(c) {
            word.extend(c.to_lowercase());
            continue;
        }
        match c {
            '。' | '！' | '？' => stats.sentence_ends = stats.sentence_ends.saturating_add(1),
            '，' | '、' | '،' => stats.commas = stats.commas.saturating_add(1),
            _ => {}
        }
        if c.is_whitespace() {
            finish_word(word, word_is_cjk, &mut stats);
            word_is_cjk = false;
        } else if is_cjk(c) {
            stats.cjk_chars += 1;
            if is_cjk_particle(c) {
                stats.cjk_particles += 1;
            }
            word_is_cjk = true;
        } else if c.is_alphanumeric() {
            if c.is_numeric() {
                stats.digits += 1;
            }
            word.extend(c.to_lowercase());
        }
    }
    finish_word(word, word_is_cjk, &mut stats);
    stats.ends_with_punctuation = text
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', '」', '』'])
        .ends_with(['.', '!', '?', ':', ';', '。', '！', '？', '…']);
    stats
}

/// The General Punctuation block (dashes, quotes, ellipsis, the odd
/// space), where no character is a letter or digit (a test checks).
fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206f}')
}

/// Latin, Greek and Cyrillic letters beyond ASCII: alphabetic and never
/// digits (a test checks every one), so the Unicode tables need not be asked.
fn is_common_letter(c: char) -> bool {
    matches!(c,
        '\u{c0}'..='\u{d6}'        // Latin-1 letters, less ×
        | '\u{d8}'..='\u{f6}'      // and ÷
        | '\u{f8}'..='\u{24f}'     // Latin Extended-A and -B
        | '\u{391}'..='\u{3a1}'    // Greek capitals
        | '\u{3a3}'..='\u{3ce}'    // Greek capitals and small letters
        | '\u{400}'..='\u{481}'    // Cyrillic, before its signs and marks
        | '\u{48a}'..='\u{52f}') // Cyrillic and Cyrillic Supplement
}

/// Han, kana and hangul characters.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff     // hiragana, katakana
        | 0x3400..=0x4dbf   // CJK extension A
        | 0x4e00..=0x9fff   // CJK unified ideographs
        | 0xac00..=0xd7af   // hangul syllables
        | 0xf900..=0xfaff) // CJK compatibility ideographs
}

/// The commonest grammatical particles and function characters of
/// Chinese, Japanese and Korean, sorted: the CJK stand-in for stop words
/// (prose is dense with them, menus are not).
const CJK_PARTICLES: &[char] = &[
    'が', 'し', 'た', 'て', 'で', 'と', 'な', 'に', 'の', 'は', 'も', 'を', '不', '与', '个', '为',
    '之', '也', '了', '于', '从', '他', '以', '们', '会', '其', '到', '和', '在', '对', '将', '就',
    '我', '把', '是', '有', '的', '等', '而', '被', '要', '说', '这', '都', '가', '고', '는', '다',
    '도', '로', '를', '에', '은', '을', '의', '이',
];

fn is_cjk_particle(c: char) -> bool {
    CJK_PARTICLES.binary_search(&c).is_ok()
}

/// Hints of one element from its tag, class, id, role and itemprop.
fn element_hints<'a>(
    dom: &'a Dom,
    id: NodeId,
    lexicon: &Lexicon,
    hints_by_value: &mut HashMap<&'a str, Hints, RandomState>,
) -> Hints {
    let Some(element) = dom.element(id) else {
        return Hints::NONE;
    };
    // Classes on <html> and <body> describe the page, not a region of it
    // ("single-post has-sidebar"), so they would taint every block.
    if matches!(element.name, local_name!("html") | local_name!("body")) {
        return Hints::NONE;
    }
    // Sectioning tags say what class names say: ask the lexicon with the tag name.
    let mut hints = match element.name {
        local_name!("nav")
        | local_name!("aside")
        | local_name!("footer")
        | local_name!("article")
        | local_name!("main") => lexicon.class_hints(&element.name),
        local_name!("figcaption") => lexicon.class_hints("caption"),
        _ => Hints::NONE,
    };
    for attr in &element.attrs {
        if matches!(
            attr.name.local,
            local_name!("class")
                | local_name!("id")
                | local_name!("role")
                | local_name!("itemprop")
        ) && !attr.value.is_empty()
        {
            let value: &str = &attr.value;
            let value_hints = *hints_by_value
                .entry(value)
                .or_insert_with(|| lexicon.class_hints(value));
            hints = hints.merge(value_hints);
        }
    }
    hints
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_punctuation_holds_no_letters_or_digits() {
        let block = ('\u{2000}'..='\u{206f}').filter(|&c| is_general_punctuation(c));
        assert_eq!(block.clone().count(), 0x70);
        assert!(block.clone().all(|c| !c.is_alphanumeric() && !is_cjk(c)));
        assert!(!is_general_punctuation('\u{1fff}') && !is_general_punctuation('\u{2070}'));
    }

    #[test]
    fn common_letters_are_letters_and_never_digits() {
        let letters: Vec<char> = ('\u{80}'..='\u{52f}')
            .filter(|&c| is_common_letter(c))
            .collect();
        assert_eq!(letters.len(), 755);
        for c in letters {
            assert!(c.is_alphabetic() && !c.is_numeric(), "{c:?}");
            assert!(
                !c.is_whitespace() && !is_cjk(c) && !is_general_punctuation(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn ascii_and_other_text_scan_alike() {
        let mut word = String::new();
        let mut words = Vec::new();
        let stats = scan_text(
            "It’s 1,000\u{a0}km. Don't stop—Ёлка 42! 東京の町、“x”\u{2003}y?",
            &mut word,
            |w| words.push(w.to_string()),
        );
        // "x" follows CJK text with no space between: part of its run.
        assert_eq!(
            words,
            ["it's", "1000", "km", "don't", "stopёлка", "42", "y"]
        );
        assert_eq!((stats.sentence_ends, stats.commas, stats.digits), (3, 2, 6));
        assert_eq!((stats.cjk_chars, stats.cjk_runs_as_words), (4, 1));
    }

    #[test]
    fn particle_table_is_sorted_for_binary_search() {
        assert!(CJK_PARTICLES.windows(2).all(|w| w[0] < w[1]));
        assert!(is_cjk_particle('的') && is_cjk_particle('は') && !is_cjk_particle('京'));
    }
}
