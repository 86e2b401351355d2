//! What a batch run says on standard error: a progress bar while it runs
//! (only on a terminal), and a one-line summary at the end.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::time::{Duration, Instant};

/// How often the bar's figures are refreshed.
const REFRESH: Duration = Duration::from_millis(200);

/// Counts of a run, and the bar that shows them.
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    last_refresh: Instant,
    /// Pages written (failed ones included).
    pub pages: u64,
    /// Pages that failed.
    pub errors: u64,
    /// Bytes of the pages extracted, after decompression.
    pub bytes: u64,
}

impl Progress {
    /// Start counting; draw a bar when `bar` is set.
    pub fn new(bar: bool) -> Self {
        let bar = bar.then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template("{spinner} [{elapsed}] {msg}") {
                bar.set_style(style);
            }
            bar.enable_steady_tick(REFRESH);
            bar
        });
        let now = Instant::now();
        Progress {
            bar,
            start: now,
            last_refresh: now,
            pages: 0,
            errors: 0,
            bytes: 0,
        }
    }

    /// Count one written page.
    pub fn add(&mut self, page_bytes: u64, failed: bool) {
        self.pages += 1;
        self.errors += u64::from(failed);
        self.bytes += page_bytes;
        if let Some(bar) = &self.bar {
            if self.last_refresh.elapsed() >= REFRESH {
                self.last_refresh = Instant::now();
                bar.set_message(self.figures());
            }
        }
    }

    /// Run `f` (which writes to standard error) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Take the bar off the screen.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// The run in one line: pages, errors, skipped records, time, speed.
    pub fn summary(&self, skipped: u64) -> String {
        let mut line = format!("{} in {:.1} s", self.figures(), self.seconds());
        if skipped > 0 {
            line.push_str(&format!(
                "; {skipped} WARC record{} skipped (not HTML responses)",
                plural(skipped)
            ));
        }
        line
    }

    fn seconds(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }

    /// "1234 pages, 56.7 MB, 210.3 pages/s, 2 errors"
    fn figures(&self) -> String {
        let seconds = self.seconds().max(1e-9);
        format!(
            "{} page{}, {:.1} MB, {:.1} pages/s, {} error{}",
            self.pages,
            plural(self.pages),
            self.bytes as f64 / 1e6,
            self.pages as f64 / seconds,
            self.errors,
            plural(self.errors),
        )
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
