//! Dump the page-type classifier's and the confidence model's features of
//! every page of an evaluation set, with the page's true type and the word
//! F1 of its extraction, as tab-separated lines: the input of
//! `scripts/fit_assess.rs`, which fits both models.
//!
//! ```sh
//! cargo run --release --all-features --example assess_features -- tests/data/wcxb-dev > /tmp/assess.tsv
//! ```

use std::process::ExitCode;

use unboil::{Extractor, Input};
use unboil_eval::metric::words::word_score;
use unboil_eval::Corpus;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: assess_features DATASET_DIR");
        return ExitCode::FAILURE;
    };
    let run = || -> Result<(), Box<dyn std::error::Error>> {
        let corpus = Corpus::open(&dir)?;
        let extractor = Extractor::default();
        let mut header = false;
        for page in corpus.pages()? {
            let mut input = Input::html(&page.html);
            if let Some(url) = corpus.url(&page.id) {
                input = input.url(url);
            }
            let Ok((article, types, confidence)) = extractor.extract_with_features(input) else {
                continue;
            };
            let f1 = corpus
                .body(&page.id)
                .map_or(f64::NAN, |body| word_score(&article.text, body).f1);
            if !header {
                let names: Vec<String> = types
                    .iter()
                    .map(|(n, _)| format!("t:{n}"))
                    .chain(confidence.iter().map(|(n, _)| format!("c:{n}")))
                    .collect();
                println!("id\ttruth\tpredicted\tf1\t{}", names.join("\t"));
                header = true;
            }
            let values: Vec<String> = types
                .iter()
                .chain(&confidence)
                .map(|(_, v)| format!("{v:.4}"))
                .collect();
            println!(
                "{}\t{}\t{}\t{f1:.4}\t{}",
                page.id,
                corpus.page_type(&page.id).unwrap_or("-"),
                article.page_type.name(),
                values.join("\t")
            );
        }
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("assess_features: {e}");
            ExitCode::FAILURE
        }
    }
}
