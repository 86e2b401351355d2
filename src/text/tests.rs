//! Tests of the text front end's patterns and select stage. Whole pages
//! are tested in `tests/fixtures.rs` (over `tests/fixtures/text/`).

use super::patterns::{LineKind, LinePatterns};
use super::*;

/// The text stages in the order `extractor/text_pipeline.rs` runs them.
fn extract(text: &str) -> Article {
    use crate::judge::{features, lexicon::Lexicon, score};
    let text_lexicon = TextLexicon::new();
    let (dom, blocks) = blocks(text);
    let features = features::compute(&dom, &blocks, &Lexicon::new());
    let balance = crate::model::options::Balance::Balanced;
    let verdicts = score::score(
        &blocks,
        &features.blocks,
        features.language.is_some(),
        balance,
    );
    let selection = select(&blocks, &features, &verdicts, &text_lexicon);
    let analysis = TextAnalysis {
        dom,
        blocks,
        features,
        verdicts,
        selection,
    };
    article(&analysis, &text_lexicon)
}

fn classify(line: &str) -> Option<LineKind> {
    LinePatterns::load().classify(line)
}

#[test]
fn furniture_lines_are_recognised_in_several_languages() {
    let cases = [
        ("9 hours ago", LineKind::Date),
        ("Jane Doe · 3 days ago", LineKind::Date),
        ("vor 2 Stunden", LineKind::Date),
        ("il y a 5 minutes", LineKind::Date),
        ("hace 3 horas", LineKind::Date),
        ("Last Updated: March 12, 2024, 10:32 IST", LineKind::Date),
        ("First Published: 12 Mar 2024", LineKind::Date),
        ("Publié le 12 mars 2024 à 10h32", LineKind::Date),
        ("(IMAGE: REUTERS FILE)", LineKind::Credit),
        ("Photo: AFP", LineKind::Credit),
        ("Foto: picture alliance/dpa", LineKind::Credit),
        (
            "Workers at the port on Monday. REUTERS/Jane Doe/File Photo Purchase Licensing Rights",
            LineKind::Credit,
        ),
        (
            "Des manifestants devant l'Assemblée, mardi. (Photo : AFP)",
            LineKind::Credit,
        ),
        ("Location : Mumbai, India", LineKind::Location),
        ("Read Full Article at Source", LineKind::Prompt),
        ("Lesen Sie auch: Was der Streik bedeutet", LineKind::Prompt),
        ("Related Stories", LineKind::Related),
        ("Lo más leído", LineKind::Related),
        ("12 Comments", LineKind::Comments),
        ("6 thoughts on “How to Adopt a Mindset”", LineKind::Comments),
        ("Ein Gedanke zu „Über uns“", LineKind::Comments),
        ("Schreibe einen Kommentar", LineKind::Comments),
        (
            "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
            LineKind::Comments,
        ),
        (
            "Boeing's chief executive, left, hands the chairman of Emirates a model of a 787 \
             Dreamliner at the Dubai Airshow in Dubai, United Arab Emirates, Wednesday, Nov. 20, \
             2019. (AP Photo/Jon Gambrell)",
            LineKind::Credit,
        ),
        ("###", LineKind::End),
    ];
    for (line, kind) in cases {
        assert_eq!(classify(line), Some(kind), "{line}");
    }
}

#[test]
fn prose_is_not_furniture() {
    for line in [
        "Von der Leyen sagte am Montag, die Gespräche gingen weiter.",
        "Watch the water level rise slowly in the old harbour basin.",
        "Stand up for what you believe in, she told the students.",
        "Ort des Geschehens war ein kleiner Bahnhof im Allgäu.",
        "The photo shows the river at its highest point in a century.",
        "AFP reported on Tuesday that talks had resumed in Geneva.",
        "Comments from residents were mostly positive, the council said.",
        // A news text ending with its agency is not a caption.
        "Zum Angebot gehören bei der ARD auch eine Podcast-Reihe sowie Sondersendungen, \
         darunter vom 6. bis 9. November viermal „Loriot vor acht“ vor der \
         20-Uhr-„Tagesschau“ im Ersten. (dpa)",
    ] {
        assert_eq!(classify(line), None, "{line}");
    }
}

#[test]
fn bios_are_recognised() {
    let patterns = LinePatterns::load();
    assert!(patterns
        .is_bio("Jane Doe is a local democracy reporter covering Northshire County Council."));
    assert!(patterns.is_bio("Max Muster ist Redakteur im Ressort Politik."));
    assert!(!patterns.is_bio("The bridge is a listed structure from 1820."));
}

#[test]
fn a_text_of_one_paragraph_gives_that_paragraph() {
    let article = extract("Just one short paragraph, but a real one.");
    assert_eq!(article.text, "Just one short paragraph, but a real one.");
}

#[test]
fn a_paragraph_around_the_article_is_dropped_and_a_repeat_in_it_given_once() {
    let bio = "Jane Doe is a local democracy reporter covering the county council.";
    let teaser =
        "The county will spend more on roads this year, and less on parks, its budget shows.";
    let para =
        "Councillors approved the budget by a wide margin on Tuesday evening, after a debate \
                that lasted more than four hours and ended with a vote on a late amendment.";
    let text = format!(
        "Budget approved after four-hour debate\n{teaser}\n{bio}\n{teaser}\n{para}\n{para}x\n{para}y\n{bio}\n"
    );
    let article = extract(&text);
    assert!(
        !article.text.contains("democracy reporter"),
        "{}",
        article.text
    );
    assert_eq!(
        article.text.matches("less on parks").count(),
        1,
        "{}",
        article.text
    );
    assert_eq!(article.authors, ["Jane Doe"]);
}
