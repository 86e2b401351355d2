//! `--dumps TOOL|FILE`: another tool's text dumps of a set's pages, for the
//! text front end to extract from (see tests/data/dumps/README.md).

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use flate2::read::GzDecoder;
use serde_json::{Map, Value};

use crate::corpus::Page;

use super::Result;

/// The dumps of `pages`, in page order. `tool` is a `{id: text}` JSON file
/// (gzip-compressed when its name ends in `.gz`), or a tool name whose
/// dumps are `<set dir>/../dumps/<set>/<tool>.json.gz` (as
/// scripts/make_text_dumps.sh writes them). A page missing from the dumps
/// counts as an empty text.
pub(super) fn load(dir: &Path, set: &str, tool: &str, pages: &[Page]) -> Result<Vec<String>> {
    let path = resolve(dir, set, tool);
    let file = fs::File::open(&path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let mut text = String::new();
    if path.extension().is_some_and(|e| e == "gz") {
        GzDecoder::new(file).read_to_string(&mut text)
    } else {
        std::io::BufReader::new(file).read_to_string(&mut text)
    }
    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let map: Map<String, Value> = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not a JSON object: {e}", path.display()))?;
    Ok(pages
        .iter()
        .map(|p| {
            map.get(&p.id)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        })
        .collect())
}

/// The file `tool` names: itself when it is one, else the stored dumps.
fn resolve(dir: &Path, set: &str, tool: &str) -> PathBuf {
    let given = PathBuf::from(tool);
    if given.is_file() {
        return given;
    }
    let base = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let parent = base.parent().unwrap_or(&base);
    parent
        .join("dumps")
        .join(set)
        .join(format!("{tool}.json.gz"))
}
