//! `unboil`: extract the main article text from saved web pages.
//!
//! The run is four separate steps, so that each can grow on its own:
//! [`input::enumerate`] lists the inputs, [`input::read`] gets one input's
//! bytes, [`extract`] runs the extractor on them, and an [`output::Sink`]
//! writes the outcome in the chosen format.

mod cli;
mod explain;
mod input;
mod output;

use clap::error::ErrorKind;
use clap::Parser;
use cli::{Args, InputKind};
use input::{Input, ReadError};
use std::fmt;
use std::io::{self, BufWriter, IsTerminal};
use std::process::ExitCode;
use unboil::{Article, Extractor};

/// Exit status when any input failed, or the output could not be written.
const EXIT_FAILURE: u8 = 1;
/// Exit status for a usage error (clap uses the same).
const EXIT_USAGE: u8 = 2;

/// What became of one input.
pub type Outcome = Result<Article, Failure>;

/// Why one input gave no article.
#[derive(Debug)]
pub enum Failure {
    /// Its bytes could not be read.
    Read(ReadError),
    /// The extractor refused them.
    Extract(unboil::Error),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Read(e) => e.fmt(f),
            Failure::Extract(e) => e.fmt(f),
        }
    }
}

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            // Help and version go to stdout, usage errors to stderr; a closed
            // pipe there is not worth a panic.
            let _ = e.print();
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => ExitCode::SUCCESS,
                _ => ExitCode::from(EXIT_USAGE),
            };
        }
    };
    if args.files.is_empty() && io::stdin().is_terminal() {
        output::warn(
            "no input",
            &"give FILE arguments or pipe a page into standard input (see --help)",
        );
        return ExitCode::from(EXIT_USAGE);
    }
    run(&args)
}

/// Extract every input and write the results; the exit status says whether all went well.
fn run(args: &Args) -> ExitCode {
    let extractor = Extractor::builder()
        .favor_precision(args.favor_precision)
        .favor_recall(args.favor_recall)
        .include_links(args.links)
        .include_images(args.images)
        .include_tables(!args.no_tables)
        .include_comments(!args.no_comments)
        .build();
    let inputs = input::enumerate(&args.files);
    if args.explain || args.highlight {
        let view = if args.explain {
            explain::View::Table
        } else {
            explain::View::Highlight
        };
        let mut out = BufWriter::new(io::stdout().lock());
        return match explain::run(&extractor, &inputs, view, &mut out) {
            Ok(false) => ExitCode::SUCCESS,
            Ok(true) => ExitCode::from(EXIT_FAILURE),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                output::warn("cannot write output", &e);
                ExitCode::from(EXIT_FAILURE)
            }
        };
    }
    let stdout = io::stdout();
    let mut sink = output::sink(args.format(), BufWriter::new(stdout.lock()), inputs.len());

    let mut failed = false;
    let written = write_all(&extractor, args.input, &inputs, sink.as_mut(), &mut failed);
    match written {
        Ok(()) => {}
        // The reader went away (`unboil page.html | head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            output::warn("cannot write output", &e);
            failed = true;
        }
    }
    if failed {
        ExitCode::from(EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    }
}

/// Extract each input in order and hand its outcome to `sink`. Sets `failed`
/// when an input fails; stops only when the output cannot be written.
fn write_all(
    extractor: &Extractor,
    kind: InputKind,
    inputs: &[Input],
    sink: &mut dyn output::Sink,
    failed: &mut bool,
) -> io::Result<()> {
    for input in inputs {
        let outcome = extract(extractor, kind, input);
        *failed |= outcome.is_err();
        sink.record(input, &outcome)?;
    }
    sink.finish()
}

/// Read one input and extract its article, as HTML or as text.
fn extract(extractor: &Extractor, kind: InputKind, input: &Input) -> Outcome {
    let limit = extractor.options().max_input_bytes;
    let bytes = input::read(input, limit).map_err(Failure::Read)?;
    let is_html = match kind {
        InputKind::Html => true,
        InputKind::Text => false,
        InputKind::Auto => input::looks_like_html(&bytes),
    };
    let result = if is_html {
        extractor.extract_bytes(&bytes)
    } else {
        extractor.extract_text_bytes(&bytes)
    };
    result.map_err(Failure::Extract)
}
