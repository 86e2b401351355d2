//! Between Python objects and the binding's Rust values: inputs held so the
//! GIL can be released while they are read, JSON values as Python objects,
//! failures as exceptions.

use crate::engine::{Failure, Source};
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use serde_json::Value;

pyo3::create_exception!(
    unboil,
    UnboilError,
    pyo3::exceptions::PyValueError,
    "The input is not a page unboil can extract: empty, binary, or over a limit.\n\n\
     ``str(error)`` is the library's message; ``error.kind`` is ``'empty'``,\n\
     ``'too_large'``, ``'binary'`` or ``'limit'``; ``error.limit`` names the\n\
     option whose limit was hit (``'max_input_bytes'``, ``'max_dom_nodes'``,\n\
     ``'max_output_bytes'``), else None."
);

/// An input page, held without the GIL: a `str` or `bytes` (`bytearray` is copied).
pub enum Held {
    Str(PyBackedStr),
    Bytes(PyBackedBytes),
}

impl Held {
    /// Hold `object`, which must be `str` or `bytes`.
    pub fn new(object: &Bound<'_, PyAny>) -> PyResult<Held> {
        if let Ok(s) = object.cast::<PyString>() {
            return Ok(Held::Str(s.clone().try_into()?));
        }
        if object.is_instance_of::<PyBytes>() || object.is_instance_of::<pyo3::types::PyByteArray>()
        {
            return Ok(Held::Bytes(object.extract()?));
        }
        Err(PyTypeError::new_err(format!(
            "a page must be str or bytes, not {}",
            object.get_type().name()?
        )))
    }

    pub fn source(&self) -> Source<'_> {
        match self {
            Held::Str(s) => Source::Str(s),
            Held::Bytes(b) => Source::Bytes(b),
        }
    }
}

/// The exception for a failure: [`UnboilError`] for input that is not a
/// page, `RuntimeError` for a bug.
pub fn exception(py: Python<'_>, failure: &Failure) -> PyErr {
    if failure.bug {
        return PyRuntimeError::new_err(failure.message.clone());
    }
    let error = UnboilError::new_err(failure.message.clone());
    let value = error.value(py);
    // Setting attributes on a fresh exception object cannot fail short of
    // memory exhaustion; if it does, the message still says everything.
    let _ = value.setattr("kind", failure.kind);
    let _ = value.setattr("limit", failure.limit.as_deref());
    error
}

/// A JSON value as the Python object `json.loads` would give.
pub fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (_, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, to_python(py, item)?)?;
            }
            dict.into_any()
        }
    })
}
