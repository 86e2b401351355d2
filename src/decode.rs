//! Stage 0, decode: raw bytes in, a UTF-8 `String` out.
//! (Placeholder: UTF-8 with replacement; real sniffing lands with its own change.)

use crate::Error;
use std::borrow::Cow;

/// Decode page bytes to text.
pub(crate) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, Error> {
    if bytes.is_empty() {
        return Err(Error::EmptyInput);
    }
    Ok(String::from_utf8_lossy(bytes))
}
