//! [`RevisionHash`]: `sha256:` + lowercase hex of SHA-256 over canonical JSON.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::canonical::canonical_json;

/// A content hash: `sha256:` followed by 64 lowercase hex digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RevisionHash(String);

/// The algorithm prefix of every [`RevisionHash`], so the scheme can evolve.
pub const PREFIX: &str = "sha256:";

/// How many hex digits [`RevisionHash::short`] keeps: 16 (64 bits), well inside a Kubernetes
/// label value (at most 63 characters of `[A-Za-z0-9._-]`).
pub const SHORT_LEN: usize = 16;

impl RevisionHash {
    /// The hash of canonical JSON bytes.
    #[must_use]
    pub fn of_canonical(canonical: &str) -> Self {
        Self(format!(
            "{PREFIX}{}",
            hex::encode(Sha256::digest(canonical.as_bytes()))
        ))
    }

    /// The hash of a JSON value: SHA-256 of its canonical form.
    #[must_use]
    pub fn of_value(value: &Value) -> Self {
        Self::of_canonical(&canonical_json(value))
    }

    /// The full form, `sha256:<64 hex>`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The 64 hex digits.
    #[must_use]
    pub fn hex(&self) -> &str {
        &self.0[PREFIX.len()..]
    }

    /// The first [`SHORT_LEN`] hex digits: a valid Kubernetes label value.
    #[must_use]
    pub fn short(&self) -> &str {
        &self.hex()[..SHORT_LEN]
    }
}

impl fmt::Display for RevisionHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A string that is not `sha256:` followed by 64 lowercase hex digits.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid revision hash {0:?}: expected `sha256:` and 64 lowercase hex digits")]
pub struct InvalidHash(pub String);

impl FromStr for RevisionHash {
    type Err = InvalidHash;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.strip_prefix(PREFIX) {
            Some(hex)
                if hex.len() == 64
                    && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) =>
            {
                Ok(Self(s.to_owned()))
            }
            _ => Err(InvalidHash(s.to_owned())),
        }
    }
}

impl TryFrom<String> for RevisionHash {
    type Error = InvalidHash;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<RevisionHash> for String {
    fn from(h: RevisionHash) -> String {
        h.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digest_and_forms() {
        // SHA-256 of the two bytes `{}`.
        let h = RevisionHash::of_value(&serde_json::json!({}));
        assert_eq!(
            h.as_str(),
            "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
        );
        assert_eq!(h.short(), "44136fa355b3678a");
        assert_eq!(h.to_string().parse::<RevisionHash>().unwrap(), h);
        assert!("sha256:ABC".parse::<RevisionHash>().is_err());
        assert!(
            "md5:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
                .parse::<RevisionHash>()
                .is_err()
        );
    }
}
