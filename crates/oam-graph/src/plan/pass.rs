//! One pass of the dependency engine over the rendered objects (`oam-v1alpha2.md` §9.3–9.5):
//! the readiness of every data output, decided once, then each sink's inputs — written into the
//! rendered object, or recorded as unsatisfied in the runtime's status shape.

use std::collections::BTreeMap;

use oam_model::FieldPath;
use oam_model::v1alpha2::{
    ApplicationConfiguration, DataInput, DataOutput, DependencyFrom, DependencyTo,
    UnsatisfiedDependency,
};
use serde_json::Value;

use super::error::{PlanError, PlanErrorKind};
use super::outcome::{PlanState, Unsatisfied};
use super::readiness::{Readiness, check_conditions, output_readiness, parse_path};
use super::warning::{PlanWarning, PlanWarningKind};
use crate::graph::Graph;
use crate::observed::{ObjectKey, Observed};

/// An output: the node that declares it, the declaration, and where it is.
type Source<'a> = (usize, &'a DataOutput, FieldPath);

pub(crate) struct Pass<'a> {
    app: &'a ApplicationConfiguration,
    graph: &'a Graph,
    keys: &'a [ObjectKey],
    observed: &'a dyn Observed,
    app_json: Value,
    /// Live objects read so far, by node (each is read at most once per pass).
    live: BTreeMap<usize, Option<Value>>,
    sources: BTreeMap<&'a str, Source<'a>>,
    readiness: BTreeMap<&'a str, Readiness>,
    errors: Vec<PlanError>,
    warnings: Vec<PlanWarning>,
}

impl<'a> Pass<'a> {
    pub(crate) fn new(
        app: &'a ApplicationConfiguration,
        graph: &'a Graph,
        keys: &'a [ObjectKey],
        observed: &'a dyn Observed,
        warnings: Vec<PlanWarning>,
    ) -> Self {
        let mut pass = Self {
            app,
            graph,
            keys,
            observed,
            app_json: serde_json::to_value(app).unwrap_or(Value::Null),
            live: BTreeMap::new(),
            sources: BTreeMap::new(),
            readiness: BTreeMap::new(),
            errors: Vec::new(),
            warnings,
        };
        for (node, (outputs, _)) in pass.declared().into_iter().enumerate() {
            for (k, out) in outputs.iter().enumerate() {
                if let Some(name) = out.name.as_deref() {
                    let path = graph.nodes()[node]
                        .path
                        .clone()
                        .field("dataOutputs")
                        .index(k);
                    pass.sources.entry(name).or_insert((node, out, path));
                }
            }
        }
        pass
    }

    /// Each object's outputs and inputs, in node order (the workload, then its traits).
    fn declared(&self) -> Vec<(&'a [DataOutput], &'a [DataInput])> {
        let mut out = Vec::with_capacity(self.keys.len());
        for entry in &self.app.spec.components {
            out.push((
                entry.data_outputs.as_deref().unwrap_or_default(),
                entry.data_inputs.as_deref().unwrap_or_default(),
            ));
            let traits = entry.traits.iter().flatten();
            out.extend(
                traits
                    .filter(|t| t.trait_.api_version.is_some() && t.trait_.kind.is_some())
                    .map(|t| {
                        (
                            t.data_outputs.as_deref().unwrap_or_default(),
                            t.data_inputs.as_deref().unwrap_or_default(),
                        )
                    }),
            );
        }
        out
    }

    /// Each object's inputs, in node order.
    pub(crate) fn sinks(&self) -> Vec<&'a [DataInput]> {
        self.declared().into_iter().map(|(_, i)| i).collect()
    }

    fn observe(&mut self, node: usize) -> Result<Option<Value>, PlanErrorKind> {
        if let Some(v) = self.live.get(&node) {
            return Ok(v.clone());
        }
        let v = self
            .observed
            .get(&self.keys[node])
            .map_err(|e| PlanErrorKind::Observe(Box::new(e)))?;
        self.live.insert(node, v.clone());
        Ok(v)
    }

    /// Decides every output once: a source is read at most once, whatever reads it.
    pub(crate) fn decide_outputs(&mut self) {
        let sources: Vec<(&'a str, Source<'a>)> =
            self.sources.iter().map(|(n, s)| (*n, s.clone())).collect();
        for (name, (node, out, path)) in sources {
            let state = self.observe(node).and_then(|object| {
                output_readiness(out, &self.keys[node], object.as_ref(), &self.app_json)
            });
            match state {
                Ok(r) => {
                    self.readiness.insert(name, r);
                }
                Err(kind) => self.errors.push(PlanError { path, kind }),
            }
            if out.output_store.is_some() {
                self.warnings.push(PlanWarning {
                    path: self.graph.nodes()[node].path.clone(),
                    kind: PlanWarningKind::StoreNotPlanned,
                });
            }
        }
    }

    /// The status entry for `input` of `node`, fed by `source`.
    fn unsatisfied(
        &self,
        reason: String,
        (source, out): (usize, &DataOutput),
        node: usize,
        input: &DataInput,
    ) -> UnsatisfiedDependency {
        let (from, to) = (&self.keys[source], &self.keys[node]);
        UnsatisfiedDependency {
            reason,
            from: DependencyFrom {
                api_version: from.api_version.clone(),
                kind: from.kind.clone(),
                name: from.name.clone(),
                uid: None,
                field_path: out.field_path.clone(),
            },
            to: DependencyTo {
                api_version: to.api_version.clone(),
                kind: to.kind.clone(),
                name: to.name.clone(),
                uid: None,
                field_paths: input.to_field_paths.clone(),
            },
        }
    }

    /// Judges one object on its own inputs: every input is checked (not only the first), ready
    /// values are written into `object`, and the object is ready only if none is unsatisfied.
    pub(crate) fn sink(
        &mut self,
        node: usize,
        mut object: Value,
        inputs: &[DataInput],
    ) -> PlanState {
        let at = self.graph.nodes()[node].path.clone();
        let mut unsatisfied = Vec::new();
        for (k, input) in inputs.iter().enumerate() {
            let iat = at.clone().field("dataInputs").index(k);
            if input.input_store.is_some() {
                self.warnings.push(PlanWarning {
                    path: iat.clone(),
                    kind: PlanWarningKind::StoreNotPlanned,
                });
            }
            let Some(name) = input
                .value_from
                .as_ref()
                .map(|f| f.data_output_name.as_str())
            else {
                continue;
            };
            let (Some((source, out, _)), Some(state)) =
                (self.sources.get(name), self.readiness.get(name))
            else {
                continue;
            };
            let feed = (*source, *out);
            match state.clone() {
                Readiness::NotReady(reason) => {
                    unsatisfied.push(self.unsatisfied(reason, feed, node, input));
                }
                Readiness::Ready(None) => {
                    if !input
                        .to_field_paths
                        .as_deref()
                        .unwrap_or_default()
                        .is_empty()
                    {
                        self.warnings.push(PlanWarning {
                            path: iat.clone(),
                            kind: PlanWarningKind::OrderingOnly {
                                output: name.to_owned(),
                            },
                        });
                    }
                }
                Readiness::Ready(Some(value)) => self.write(node, &mut object, input, &value, &iat),
            }
            if let Some(u) = self.sink_conditions(node, input, iat, feed) {
                unsatisfied.push(u);
            }
        }
        if unsatisfied.is_empty() {
            PlanState::Ready(object)
        } else {
            PlanState::Blocked(
                unsatisfied
                    .into_iter()
                    .map(|u| Unsatisfied::Data(Box::new(u)))
                    .collect(),
            )
        }
    }

    /// The input's sink-side conditions, checked against the observed sink: unsatisfied, or
    /// `None` when they hold, when there are none, or when the sink does not exist yet.
    fn sink_conditions(
        &mut self,
        node: usize,
        input: &DataInput,
        iat: FieldPath,
        feed: (usize, &DataOutput),
    ) -> Option<UnsatisfiedDependency> {
        let conditions = input.conditions.as_deref().unwrap_or_default();
        if conditions.is_empty() {
            return None;
        }
        let sink = match self.observe(node) {
            Ok(sink) => sink?,
            Err(kind) => {
                let path = self.graph.nodes()[node].path.clone();
                self.errors.push(PlanError { path, kind });
                return None;
            }
        };
        match check_conditions(conditions, &sink, None, &self.app_json) {
            Ok(Some(reason)) => {
                let reason = format!("DataInputs Conditions: {reason}");
                Some(self.unsatisfied(reason, feed, node, input))
            }
            Ok(None) => None,
            Err(kind) => {
                self.errors.push(PlanError {
                    path: iat.field("conditions"),
                    kind,
                });
                None
            }
        }
    }

    /// Writes a ready value at every `toFieldPaths` entry of `input`.
    fn write(
        &mut self,
        node: usize,
        object: &mut Value,
        input: &DataInput,
        value: &Value,
        iat: &FieldPath,
    ) {
        let merge_keys = input.strategy_merge_keys.as_deref().unwrap_or_default();
        let targets = input.to_field_paths.as_deref().unwrap_or_default();
        for (m, text) in targets.iter().enumerate() {
            let written = parse_path(text).and_then(|path| {
                super::inject::write(object, &path, value, merge_keys).map_err(|source| {
                    PlanErrorKind::WriteFailed {
                        sink: self.keys[node].namespaced_name(),
                        path: text.clone(),
                        source,
                    }
                })
            });
            if let Err(kind) = written {
                let path = iat.clone().field("toFieldPaths").index(m);
                self.errors.push(PlanError { path, kind });
            }
        }
    }

    /// The errors and warnings of the pass.
    pub(crate) fn finish(self) -> (Vec<PlanError>, Vec<PlanWarning>) {
        (self.errors, self.warnings)
    }
}
