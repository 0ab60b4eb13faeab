//! Revision names (`<name>-v<N>`) and [`RevisionHistory`]: the same content reuses its revision,
//! new content gets a number never issued before, and pruning never removes a revision that is
//! still referenced.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use super::hash::RevisionHash;

/// How many revisions a history keeps by default (the runtime's `--revision-limit`).
pub const DEFAULT_REVISION_LIMIT: usize = 50;

/// A revision name: `<name>-v<N>`, `N` ≥ 1.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RevisionName {
    /// The component's or application's name.
    pub name: String,
    /// The revision number.
    pub number: u64,
}

impl fmt::Display for RevisionName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-v{}", self.name, self.number)
    }
}

/// A string that is not `<name>-v<N>`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid revision name {0:?}: expected `<name>-v<N>` with N ≥ 1, e.g. `frontend-v3`")]
pub struct InvalidRevisionName(pub String);

impl FromStr for RevisionName {
    type Err = InvalidRevisionName;
    /// Splits at the last `-v`: `api-v2-v3` is revision 3 of `api-v2`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidRevisionName(s.to_owned());
        let (name, number) = s.rsplit_once("-v").ok_or_else(invalid)?;
        if name.is_empty()
            || number.is_empty()
            || !number.bytes().all(|b| b.is_ascii_digit())
            || number.starts_with('0')
        {
            return Err(invalid());
        }
        let number = number.parse().map_err(|_| invalid())?;
        Ok(Self {
            name: name.to_owned(),
            number,
        })
    }
}

/// What [`RevisionHistory::record`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recorded {
    /// The content equals the latest revision's.
    Unchanged(RevisionName),
    /// The content equals an older revision's, which is the latest again (a rollback).
    Reused(RevisionName),
    /// New content: a new revision numbered one above the highest ever issued.
    Created(RevisionName),
}

impl Recorded {
    /// The revision the content now has.
    #[must_use]
    pub fn name(&self) -> &RevisionName {
        match self {
            Self::Unchanged(n) | Self::Reused(n) | Self::Created(n) => n,
        }
    }
}

/// One revision of a history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revision {
    /// Its name.
    pub name: RevisionName,
    /// Its content hash.
    pub hash: RevisionHash,
}

/// The revisions of one component or application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevisionHistory {
    name: String,
    revisions: Vec<Revision>,
    latest: Option<u64>,
    highest_issued: u64,
}

impl RevisionHistory {
    /// An empty history for `name`.
    #[must_use]
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            revisions: Vec::new(),
            latest: None,
            highest_issued: 0,
        }
    }

    /// A history that continues from a recorded latest revision (for example
    /// `status.latestRevision` with its hash): numbering goes on above it.
    #[must_use]
    pub fn resume(latest: Revision) -> Self {
        let number = latest.name.number;
        Self {
            name: latest.name.name.clone(),
            revisions: vec![latest],
            latest: Some(number),
            highest_issued: number,
        }
    }

    /// The revisions kept, by number.
    #[must_use]
    pub fn revisions(&self) -> &[Revision] {
        &self.revisions
    }

    /// The latest revision.
    #[must_use]
    pub fn latest(&self) -> Option<&Revision> {
        let n = self.latest?;
        self.revisions.iter().find(|r| r.name.number == n)
    }

    /// The highest number ever issued (kept or pruned).
    #[must_use]
    pub fn highest_issued(&self) -> u64 {
        self.highest_issued
    }

    /// Records content with hash `hash`: unchanged, a rollback to a kept revision, or a new
    /// revision `<name>-v<highest issued + 1>` — so a name is never reused for other content.
    pub fn record(&mut self, hash: RevisionHash) -> Recorded {
        if let Some(latest) = self.latest()
            && latest.hash == hash
        {
            return Recorded::Unchanged(latest.name.clone());
        }
        if let Some(old) = self.revisions.iter().find(|r| r.hash == hash) {
            let name = old.name.clone();
            self.latest = Some(name.number);
            return Recorded::Reused(name);
        }
        self.highest_issued += 1;
        let name = RevisionName {
            name: self.name.clone(),
            number: self.highest_issued,
        };
        self.revisions.push(Revision {
            name: name.clone(),
            hash,
        });
        self.latest = Some(name.number);
        Recorded::Created(name)
    }

    /// Removes the lowest-numbered revisions until at most `limit` unreferenced ones are kept.
    /// The latest revision and every revision named in `referenced` (for example by an
    /// ApplicationConfiguration's `revisionName`) are never removed. Returns what was removed.
    pub fn prune(&mut self, limit: usize, referenced: &BTreeSet<String>) -> Vec<RevisionName> {
        let latest = self.latest;
        let is_pinned = |r: &Revision| referenced.contains(&r.name.to_string());
        let mut unreferenced = self.revisions.iter().filter(|r| !is_pinned(r)).count();
        let mut removed = Vec::new();
        self.revisions.retain(|r| {
            if unreferenced > limit && !is_pinned(r) && Some(r.name.number) != latest {
                unreferenced -= 1;
                removed.push(r.name.clone());
                false
            } else {
                true
            }
        });
        removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(n: u8) -> RevisionHash {
        RevisionHash::of_value(&serde_json::json!(n))
    }

    #[test]
    fn names_parse_and_print() {
        let n: RevisionName = "frontend-v12".parse().unwrap();
        assert_eq!((n.name.as_str(), n.number), ("frontend", 12));
        assert_eq!(n.to_string(), "frontend-v12");
        assert_eq!("api-v2-v3".parse::<RevisionName>().unwrap().name, "api-v2");
        for bad in [
            "frontend",
            "-v1",
            "frontend-v",
            "frontend-v0",
            "frontend-v01",
            "frontend-vx",
            "frontend-v+1",
        ] {
            assert!(bad.parse::<RevisionName>().is_err(), "{bad}");
        }
    }

    #[test]
    fn same_content_reuses_new_content_never_reuses_a_number() {
        let mut history = RevisionHistory::new("php");
        assert_eq!(
            history.record(h(1)),
            Recorded::Created("php-v1".parse().unwrap())
        );
        assert_eq!(
            history.record(h(1)),
            Recorded::Unchanged("php-v1".parse().unwrap())
        );
        assert_eq!(
            history.record(h(2)),
            Recorded::Created("php-v2".parse().unwrap())
        );
        assert_eq!(
            history.record(h(1)),
            Recorded::Reused("php-v1".parse().unwrap()),
            "rollback"
        );
        assert_eq!(history.latest().unwrap().name.number, 1);
        assert_eq!(
            history.record(h(3)),
            Recorded::Created("php-v3".parse().unwrap()),
            "1 + highest, not latest"
        );
    }

    #[test]
    fn pruning_keeps_the_latest_and_referenced_revisions() {
        let mut history = RevisionHistory::new("php");
        for i in 1..=6 {
            history.record(h(i));
        }
        let referenced: BTreeSet<String> = ["php-v2".to_owned()].into();
        let removed: Vec<String> = history
            .prune(2, &referenced)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(removed, ["php-v1", "php-v3", "php-v4"]);
        let kept: Vec<u64> = history.revisions().iter().map(|r| r.name.number).collect();
        assert_eq!(kept, [2, 5, 6]);
        assert_eq!(
            history.record(h(1)),
            Recorded::Created("php-v7".parse().unwrap()),
            "pruned content is new again"
        );
    }
}
