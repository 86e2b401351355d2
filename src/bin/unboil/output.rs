//! Writing results: one [`Sink`] per output format.
//!
//! A sink receives every page's [`Outcome`], in input order with
//! `--ordered`, else as finished. Failures go to standard error as
//! `unboil: PATH: reason`, except in JSON Lines, where they are records of
//! their own. More formats (markdown, html) are more sinks.
//!
//! In JSON, a page from a file has a `path`; a WARC record has `url`,
//! `warc` (the archive) and `status` (HTTP) instead. Every field of the
//! [`Article`] follows, so metadata appears as the library adds it.

use crate::cli::Format;
use crate::input::Input;
use crate::Outcome;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt::Display;
use std::io::{self, Write};
use unboil::Article;

/// Where results go.
pub trait Sink {
    /// Write the result for one input.
    fn record(&mut self, input: &Input, outcome: &Outcome) -> io::Result<()>;
    /// Flush everything written so far.
    fn finish(&mut self) -> io::Result<()>;
}

/// The sink for `format`, writing to `out`. With `several`, text output
/// labels each page (WARC records are always labelled).
pub fn sink<'a, W: Write + 'a>(format: Format, out: W, several: bool) -> Box<dyn Sink + 'a> {
    match format {
        Format::Text => Box::new(TextSink {
            render: |a| Cow::Borrowed(a.text.as_str()),
            out,
            headers: several,
            written: 0,
        }),
        Format::Markdown => Box::new(TextSink {
            render: |a| Cow::Owned(a.to_markdown()),
            out,
            headers: several,
            written: 0,
        }),
        Format::Html => Box::new(TextSink {
            render: |a| Cow::Owned(a.to_html()),
            out,
            headers: several,
            written: 0,
        }),
        Format::Json => Box::new(JsonSink { out }),
        Format::Jsonl => Box::new(JsonlSink { out }),
    }
}

/// Report a problem with `what` (a file, the output) on standard error.
///
/// A failure to write to standard error itself is ignored: there is nowhere
/// left to report it.
pub fn warn(what: &str, reason: &dyn Display) {
    let _ = writeln!(io::stderr().lock(), "unboil: {what}: {reason}");
}

/// Report a failed input on standard error, after flushing `out` so that the
/// message lands after the output of the inputs before it.
fn report_failure(out: &mut impl Write, input: &Input, reason: &dyn Display) -> io::Result<()> {
    out.flush()?;
    warn(&input.label(), reason);
    Ok(())
}

/// Article text (plain, Markdown or HTML), like `head`: a `==> FILE <==`
/// header before each input's text when there are several, a blank line
/// between them.
struct TextSink<W> {
    render: fn(&Article) -> Cow<'_, str>,
    out: W,
    headers: bool,
    written: usize,
}

impl<W: Write> Sink for TextSink<W> {
    fn record(&mut self, input: &Input, outcome: &Outcome) -> io::Result<()> {
        let article = match outcome {
            Ok(article) => article,
            Err(failure) => return report_failure(&mut self.out, input, failure),
        };
        if self.headers || matches!(input, Input::Record(_)) {
            if self.written > 0 {
                writeln!(self.out)?;
            }
            writeln!(self.out, "==> {} <==", input.label())?;
        }
        self.written += 1;
        let text = (self.render)(article);
        self.out.write_all(text.as_bytes())?;
        if !text.is_empty() && !text.ends_with('\n') {
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Where a page came from, as JSON fields: `path`, or `url`, `warc` and `status`.
struct Origin<'a>(&'a Input);

impl Serialize for Origin<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        match self.0 {
            Input::Record(origin) => {
                map.serialize_entry("url", &origin.url)?;
                map.serialize_entry("warc", &origin.warc.to_string_lossy())?;
                map.serialize_entry("status", &origin.status)?;
            }
            input => map.serialize_entry("path", &input.json_path())?,
        }
        map.end()
    }
}

/// Everything in the [`Article`], plus where it came from.
#[derive(Serialize)]
struct JsonArticle<'a> {
    #[serde(flatten)]
    origin: Origin<'a>,
    #[serde(flatten)]
    article: &'a Article,
}

/// One pretty-printed JSON object per extracted input.
struct JsonSink<W> {
    out: W,
}

impl<W: Write> Sink for JsonSink<W> {
    fn record(&mut self, input: &Input, outcome: &Outcome) -> io::Result<()> {
        let article = match outcome {
            Ok(article) => article,
            Err(failure) => return report_failure(&mut self.out, input, failure),
        };
        let record = JsonArticle {
            origin: Origin(input),
            article,
        };
        serde_json::to_writer_pretty(&mut self.out, &record)?;
        writeln!(self.out)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A JSON Lines record: where the page came from, the article's fields
/// (`title` and `text` null on failure), and `error` (null on success).
#[derive(Serialize)]
struct JsonlRecord<'a> {
    #[serde(flatten)]
    origin: Origin<'a>,
    #[serde(flatten)]
    body: Body<'a>,
    error: Option<String>,
}

/// The article, or the two fields every record has, null.
#[derive(Serialize)]
#[serde(untagged)]
enum Body<'a> {
    Article(&'a Article),
    Missing {
        title: Option<&'a str>,
        text: Option<&'a str>,
    },
}

/// One compact JSON object per input and line, failures included.
struct JsonlSink<W> {
    out: W,
}

impl<W: Write> Sink for JsonlSink<W> {
    fn record(&mut self, input: &Input, outcome: &Outcome) -> io::Result<()> {
        let record = match outcome {
            Ok(article) => JsonlRecord {
                origin: Origin(input),
                body: Body::Article(article),
                error: None,
            },
            Err(failure) => JsonlRecord {
                origin: Origin(input),
                body: Body::Missing {
                    title: None,
                    text: None,
                },
                error: Some(failure.to_string()),
            },
        };
        serde_json::to_writer(&mut self.out, &record)?;
        writeln!(self.out)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Failure;
    use std::path::PathBuf;

    fn article(text: &str) -> Article {
        let mut article = Article::default();
        article.text = text.to_string();
        article
    }

    fn render(format: Format, records: &[(Input, Outcome)]) -> String {
        let mut out = Vec::new();
        {
            let mut sink = sink(format, &mut out, records.len() > 1);
            for (input, outcome) in records {
                sink.record(input, outcome).expect("write to a Vec");
            }
            sink.finish().expect("flush a Vec");
        }
        String::from_utf8(out).expect("sinks write UTF-8")
    }

    fn file(name: &str) -> Input {
        Input::File(PathBuf::from(name))
    }

    #[test]
    fn text_of_one_input_has_no_header() {
        let out = render(Format::Text, &[(file("a.html"), Ok(article("Alpha")))]);
        assert_eq!(out, "Alpha\n");
    }

    #[test]
    fn text_of_several_inputs_has_headers_and_skips_failures() {
        let records = [
            (file("a.html"), Ok(article("Alpha"))),
            (
                file("b.html"),
                Err(Failure::Extract(unboil::Error::EmptyInput)),
            ),
            (file("c.html"), Ok(article("Gamma\n"))),
        ];
        let out = render(Format::Text, &records);
        assert_eq!(out, "==> a.html <==\nAlpha\n\n==> c.html <==\nGamma\n");
    }

    #[test]
    fn jsonl_records_carry_the_whole_article_or_an_error() {
        let records = [
            (Input::Stdin, Ok(article("Alpha"))),
            (
                file("b.html"),
                Err(Failure::Extract(unboil::Error::EmptyInput)),
            ),
        ];
        let out = render(Format::Jsonl, &records);
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
            .collect();
        // Every field of the article, metadata included, as the library serialises it.
        let mut expected = serde_json::to_value(article("Alpha")).expect("an article serialises");
        expected["path"] = "-".into();
        expected["error"] = serde_json::Value::Null;
        assert_eq!(lines[0], expected);
        assert_eq!(
            lines[1],
            serde_json::json!({
                "path": "b.html",
                "title": null,
                "text": null,
                "error": unboil::Error::EmptyInput.to_string(),
            })
        );
    }
}
