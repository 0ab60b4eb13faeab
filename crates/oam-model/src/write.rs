//! Writing documents back as YAML or JSON. Absent optionals stay absent, integers and strings
//! keep their form, fields come in declaration order and free-form maps in sorted key order, so
//! output is deterministic.

use serde::Serialize;

use crate::error::{Error, ErrorKind, Location};

fn write_error(message: impl ToString) -> Error {
    Error::new(
        ErrorKind::Invalid {
            message: message.to_string(),
        },
        Location::default(),
    )
}

/// Writes a value as one YAML document, fields in the order the types declare them
/// (`apiVersion`, `kind`, `metadata`, `spec`, …), free-form maps sorted by key.
pub fn to_yaml_string<T: Serialize>(value: &T) -> Result<String, Error> {
    serde_saphyr::to_string(value).map_err(write_error)
}

/// Writes values as a multi-document YAML stream (`---` between documents).
pub fn to_yaml_stream<T: Serialize>(values: &[T]) -> Result<String, Error> {
    let mut out = String::new();
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.push_str("---\n");
        }
        out.push_str(&to_yaml_string(value)?);
    }
    Ok(out)
}

/// Writes a value as pretty-printed JSON.
pub fn to_json_string<T: Serialize>(value: &T) -> Result<String, Error> {
    serde_json::to_string_pretty(value).map_err(write_error)
}
