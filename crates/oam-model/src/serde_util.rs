//! Small serde helpers shared by the model types.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// Reads `null`, an absent field or an all-empty object as `None`.
///
/// Go clients always send struct-valued optionals (`valueFrom: {dataOutputName: ""}`); the
/// runtime treats the all-empty form as absent, and so does oam-rs (it never writes that form).
pub(crate) fn empty_as_none<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default + PartialEq,
{
    Ok(Option::<T>::deserialize(deserializer)?.filter(|v| *v != T::default()))
}

/// The JSON tree of one of our model values. Serialising them cannot fail (every map key is a
/// string and a `serde_json::Value` holds no non-finite number), so `null` is never produced.
pub(crate) fn tree<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}
