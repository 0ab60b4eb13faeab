//! The dependency graph of an application: nodes are the workloads and traits of an
//! ApplicationConfiguration, or the components of an Application; edges come from data outputs →
//! data inputs, `dependsOn`, and `inputs.from` → `outputs.name`. Every problem is collected, not
//! only the first.

use std::collections::BTreeMap;
use std::fmt;

use oam_model::v1alpha2::ApplicationConfiguration;
use oam_model::v1beta1::{Application, InputItem};
use oam_model::{App, FieldPath};

/// A node's index in [`Graph::nodes`] (declaration order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub(crate) usize);

impl NodeId {
    /// The index in [`Graph::nodes`].
    #[must_use]
    pub fn index(self) -> usize {
        self.0
    }
}

/// What a node is.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// The workload of an ApplicationConfiguration entry.
    Workload,
    /// A trait of an ApplicationConfiguration entry.
    Trait,
    /// A component of an Application.
    Component,
    /// A step of an Application's explicit workflow.
    Step,
    /// A sub-step of a `step-group` step.
    SubStep,
}

/// A node: a thing that is applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// What it is.
    pub kind: NodeKind,
    /// Its display name: the component's name, or `<component>/<trait kind>` for a trait.
    pub name: String,
    /// Where it is declared (`spec.components[1]`, `spec.components[1].traits[0]`).
    pub path: FieldPath,
}

/// Why an edge exists.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    /// A data output read by a data input (v1alpha2), or an output read by an input (v1beta1).
    Data(String),
    /// A `dependsOn` entry.
    DependsOn,
}

impl EdgeKind {
    /// What the edge is labelled with: the output's name, or `dependsOn`.
    #[must_use]
    pub fn label(&self) -> &str {
        match self {
            Self::Data(name) => name,
            Self::DependsOn => "dependsOn",
        }
    }
}

/// An edge: `from` must be ready before `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// The node applied first.
    pub from: NodeId,
    /// The node that waits.
    pub to: NodeId,
    /// Why.
    pub kind: EdgeKind,
    /// The field that creates the edge (the data input or `dependsOn` entry).
    pub path: FieldPath,
}

/// A problem in the graph.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GraphErrorKind {
    /// An input names an output that does not exist.
    #[error("no data output is named {name:?}{}", hint(suggestion))]
    UnknownOutput {
        /// The name used.
        name: String,
        /// The closest existing name.
        suggestion: Option<String>,
    },
    /// Two outputs share a name (upstream the later one silently wins).
    #[error("data output {name:?} is declared twice, first at {first}")]
    DuplicateOutput {
        /// The name.
        name: String,
        /// Where the first one is.
        first: FieldPath,
    },
    /// `dependsOn` names a component (or a step, among steps) that does not exist.
    #[error("no {what} is named {name:?}{}", hint(suggestion))]
    UnknownDependency {
        /// What was looked for: `component`, `step`, or `sub-step of <group>`.
        what: String,
        /// The name used.
        name: String,
        /// The closest existing name.
        suggestion: Option<String>,
    },
    /// A node depends on itself.
    #[error("{name} depends on itself")]
    SelfDependency {
        /// The node.
        name: String,
    },
    /// A cycle, named in full: `php -[db-secret]-> mysql -[php-url]-> php`.
    #[error("dependency cycle: {0}")]
    Cycle(Cycle),
}

impl GraphErrorKind {
    /// The stable diagnostic code (`docs/diagnostics.md`).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownOutput { .. } => "OAM020",
            Self::DuplicateOutput { .. } => "OAM021",
            Self::UnknownDependency { .. } => "OAM022",
            Self::SelfDependency { .. } => "OAM023",
            Self::Cycle(_) => "OAM024",
        }
    }

    /// How to fix it.
    #[must_use]
    pub fn hint(&self) -> String {
        match self {
            Self::UnknownOutput {
                suggestion: Some(s),
                ..
            } => format!("use the output {s:?}, or declare this one"),
            Self::UnknownOutput { .. } => {
                "declare a data output (or component output) of that name, or fix the name".into()
            }
            Self::DuplicateOutput { .. } => {
                "give each output its own name: inputs refer to outputs by name".into()
            }
            Self::UnknownDependency {
                what,
                suggestion: Some(s),
                ..
            } => format!("use the {what} {s:?}"),
            Self::UnknownDependency { what, .. } => {
                format!("name a {what} of this application")
            }
            Self::SelfDependency { .. } => {
                "an object cannot wait for itself; remove the input or dependsOn entry".into()
            }
            Self::Cycle(_) => {
                "break the cycle: one of these objects must not wait for the next".into()
            }
        }
    }
}

fn hint(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!(", did you mean {s:?}?"))
        .unwrap_or_default()
}

/// A graph error and the field it is about.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{kind} (at {path})")]
pub struct GraphError {
    /// The field (in the application) the error is about.
    pub path: FieldPath,
    /// What is wrong.
    pub kind: GraphErrorKind,
}

/// A cycle: the nodes in order, each with what it waits for from the next; the last waits for
/// the first. One per strongly connected component, with all of its members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cycle {
    /// `(node name, edge label)` pairs: the shortest cycle through the first-declared member.
    pub steps: Vec<(String, String)>,
    /// Every node of the strongly connected component, in declaration order (a component can
    /// hold more cycles than the one in `steps`).
    pub members: Vec<NodeId>,
}

impl fmt::Display for Cycle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (name, via) in &self.steps {
            write!(f, "{name} -[{via}]-> ")?;
        }
        f.write_str(self.steps.first().map_or("", |(n, _)| n.as_str()))
    }
}

/// The dependency graph: data, with the algorithms in the [`order`](mod@crate::order) module.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graph {
    pub(crate) nodes: Vec<Node>,
    pub(crate) edges: Vec<Edge>,
}

impl Graph {
    /// The nodes, in declaration order.
    #[must_use]
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// The edges, in declaration order of the fields that create them.
    #[must_use]
    pub fn edges(&self) -> &[Edge] {
        &self.edges
    }

    /// The node with this id, if it is one of this graph's.
    #[must_use]
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id.0)
    }

    /// The graph in Graphviz DOT: one node per workload, trait or component, edges labelled
    /// with the data name (or `dependsOn`), pointing from what is applied first.
    #[must_use]
    pub fn to_dot(&self) -> String {
        let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
        let mut out = String::from("digraph oam {\n  rankdir=LR;\n");
        for (i, n) in self.nodes.iter().enumerate() {
            let shape = match n.kind {
                NodeKind::Trait => "note",
                NodeKind::Workload | NodeKind::Component => "box",
                NodeKind::Step | NodeKind::SubStep => "ellipse",
            };
            out.push_str(&format!(
                "  n{i} [label={}, shape={shape}];\n",
                quote(&n.name)
            ));
        }
        for e in &self.edges {
            let label = e.kind.label();
            out.push_str(&format!(
                "  n{} -> n{} [label={}];\n",
                e.from.0,
                e.to.0,
                quote(label)
            ));
        }
        out.push_str("}\n");
        out
    }

    /// For each node, the indices of the edges leaving it, in declaration order.
    pub(crate) fn successors(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.nodes.len()];
        for (k, e) in self.edges.iter().enumerate() {
            out[e.from.0].push(k);
        }
        out
    }

    fn add(&mut self, kind: NodeKind, name: String, path: FieldPath) -> NodeId {
        self.nodes.push(Node { kind, name, path });
        NodeId(self.nodes.len() - 1)
    }

    /// The graph of an application of either generation, with the problems found on the way
    /// (see [`Graph::from_application_configuration`] and [`Graph::from_application`]).
    #[must_use]
    pub fn of(app: App<'_>) -> (Self, Vec<GraphError>) {
        match app {
            App::Configuration(a) => Self::from_application_configuration(a),
            App::Application(a) => Self::from_application(a),
            // `App` may gain a generation; until then there is nothing else to build.
            _ => (Self::default(), Vec::new()),
        }
    }

    /// The graph of an ApplicationConfiguration: a node per workload and per trait; an edge per
    /// data input whose `valueFrom.dataOutputName` names a data output of another node. Inputs
    /// without `valueFrom` create no edge.
    #[must_use]
    pub fn from_application_configuration(
        app: &ApplicationConfiguration,
    ) -> (Self, Vec<GraphError>) {
        let mut graph = Self::default();
        let mut errors = Vec::new();
        // Pass 1: nodes and outputs (an input may name an output declared later).
        let mut outputs: BTreeMap<String, (NodeId, FieldPath)> = BTreeMap::new();
        let mut sinks = Vec::new();
        for (i, entry) in app.spec.components.iter().enumerate() {
            let at = FieldPath::root().field("spec").field("components").index(i);
            let component = entry
                .component_name
                .clone()
                .or_else(|| entry.revision_name.clone())
                .unwrap_or_else(|| at.to_string());
            let workload = graph.add(NodeKind::Workload, component.clone(), at.clone());
            let mut objects = vec![(
                workload,
                at.clone(),
                entry.data_outputs.as_deref(),
                entry.data_inputs.as_deref(),
            )];
            for (j, t) in entry.traits.iter().flatten().enumerate() {
                let tat = at.clone().field("traits").index(j);
                let kind = t
                    .trait_
                    .kind
                    .clone()
                    .unwrap_or_else(|| format!("traits[{j}]"));
                let id = graph.add(NodeKind::Trait, format!("{component}/{kind}"), tat.clone());
                objects.push((id, tat, t.data_outputs.as_deref(), t.data_inputs.as_deref()));
            }
            for (id, oat, outs, ins) in objects {
                for (k, out) in outs.unwrap_or_default().iter().enumerate() {
                    if let Some(name) = out.name.as_deref() {
                        let path = oat.clone().field("dataOutputs").index(k);
                        register_output(&mut outputs, name, id, path, &mut errors);
                    }
                }
                for (k, input) in ins.unwrap_or_default().iter().enumerate() {
                    if let Some(from) = &input.value_from {
                        let path = oat
                            .clone()
                            .field("dataInputs")
                            .index(k)
                            .field("valueFrom")
                            .field("dataOutputName");
                        sinks.push((id, from.data_output_name.clone(), path));
                    }
                }
            }
        }
        // Pass 2: edges.
        let names: Vec<String> = outputs.keys().cloned().collect();
        for (to, name, path) in sinks {
            let from = outputs.get(&name).map(|(from, _)| *from);
            let unknown = || GraphErrorKind::UnknownOutput {
                suggestion: oam_model::suggest::closest(&name, &names).map(str::to_owned),
                name: name.clone(),
            };
            graph.link(
                from,
                to,
                EdgeKind::Data(name.clone()),
                path,
                unknown,
                &mut errors,
            );
        }
        (graph, errors)
    }

    /// The graph of an Application: a node per component; an edge per `dependsOn` entry and per
    /// `inputs[].from` that names another component's output. An input that names no output is
    /// accepted when it resolves as a field path inside the consumer's own `properties` (the
    /// upstream fallback); otherwise it is an error.
    ///
    /// An explicit workflow adds its own nodes, apart from the components' (`oam-v1beta1.md`
    /// §7.5): a node per step, named after it, and per sub-step, named `<group>/<sub-step>`. A
    /// step's `dependsOn` names top-level steps, a sub-step's names its siblings; `inputs.from`
    /// names an output of any step or sub-step (one flat namespace per workflow run).
    #[must_use]
    pub fn from_application(app: &Application) -> (Self, Vec<GraphError>) {
        let mut graph = Self::default();
        let mut errors = Vec::new();
        let mut by_name: BTreeMap<&str, NodeId> = BTreeMap::new();
        let mut outputs: BTreeMap<String, (NodeId, FieldPath)> = BTreeMap::new();
        for (i, c) in app.spec.components.iter().enumerate() {
            let at = FieldPath::root().field("spec").field("components").index(i);
            let id = graph.add(NodeKind::Component, c.name.clone(), at.clone());
            by_name.entry(&c.name).or_insert(id);
            for (k, out) in c.outputs.iter().flatten().enumerate() {
                let path = at.clone().field("outputs").index(k);
                register_output(&mut outputs, &out.name, id, path, &mut errors);
            }
        }
        let components: Vec<String> = by_name.keys().map(|k| (*k).to_owned()).collect();
        for (i, c) in app.spec.components.iter().enumerate() {
            let to = NodeId(i);
            let at = FieldPath::root().field("spec").field("components").index(i);
            for (k, dep) in c.depends_on.iter().flatten().enumerate() {
                let path = at.clone().field("dependsOn").index(k);
                let from = by_name.get(dep.as_str()).copied();
                let unknown = || GraphErrorKind::UnknownDependency {
                    what: "component".into(),
                    name: dep.clone(),
                    suggestion: oam_model::suggest::closest(dep, &components).map(str::to_owned),
                };
                graph.link(from, to, EdgeKind::DependsOn, path, unknown, &mut errors);
            }
            let inputs = c.inputs.as_deref().unwrap_or_default();
            let properties = c.properties.as_ref();
            graph.link_inputs(to, inputs, &at, properties, &outputs, &mut errors);
        }
        graph.add_workflow(app, &mut errors);
        (graph, errors)
    }

    /// The one way an edge is made: `to` waits for `from`, the node a reference at `path`
    /// names; a reference to `to` itself is a self-dependency, one that names nothing is the
    /// error `unknown` builds.
    fn link(
        &mut self,
        from: Option<NodeId>,
        to: NodeId,
        kind: EdgeKind,
        path: FieldPath,
        unknown: impl FnOnce() -> GraphErrorKind,
        errors: &mut Vec<GraphError>,
    ) {
        let kind = match from {
            Some(from) if from == to => GraphErrorKind::SelfDependency {
                name: self.nodes[to.0].name.clone(),
            },
            Some(from) => {
                self.edges.push(Edge {
                    from,
                    to,
                    kind,
                    path,
                });
                return;
            }
            None => unknown(),
        };
        errors.push(GraphError { path, kind });
    }

    /// Links `to` to the producer of each of its `inputs` (declared at `at`), by output name. An
    /// input that names no output is accepted when it resolves as a field path inside the
    /// consumer's own `properties` (the upstream fallback).
    fn link_inputs(
        &mut self,
        to: NodeId,
        inputs: &[InputItem],
        at: &FieldPath,
        properties: Option<&serde_json::Value>,
        outputs: &BTreeMap<String, (NodeId, FieldPath)>,
        errors: &mut Vec<GraphError>,
    ) {
        for (k, input) in inputs.iter().enumerate() {
            let path = at.clone().field("inputs").index(k).field("from");
            let from = outputs.get(&input.from).map(|(from, _)| *from);
            if from.is_none() && resolves_in(properties, &input.from) {
                continue;
            }
            // Only a name that resolves nowhere pays for the list of names.
            let unknown = || {
                let names: Vec<String> = outputs.keys().cloned().collect();
                GraphErrorKind::UnknownOutput {
                    name: input.from.clone(),
                    suggestion: oam_model::suggest::closest(&input.from, &names).map(str::to_owned),
                }
            };
            let kind = EdgeKind::Data(input.from.clone());
            self.link(from, to, kind, path, unknown, errors);
        }
    }

    fn add_workflow(&mut self, app: &Application, errors: &mut Vec<GraphError>) {
        let Some(steps) = app.spec.workflow.as_ref().and_then(|w| w.steps.as_ref()) else {
            return;
        };
        let at = FieldPath::root()
            .field("spec")
            .field("workflow")
            .field("steps");
        // Every step and sub-step, with its siblings' scope: (node, unit).
        let mut units = Vec::new();
        let mut scopes: Vec<(String, BTreeMap<String, NodeId>)> = Vec::new();
        let mut top: BTreeMap<String, NodeId> = BTreeMap::new();
        for (i, step) in steps.iter().enumerate() {
            let path = at.clone().index(i);
            let name = step.name.clone().unwrap_or_else(|| format!("steps[{i}]"));
            let id = self.add(NodeKind::Step, name.clone(), path.clone());
            top.entry(name.clone()).or_insert(id);
            let unit = Unit {
                scope: 0,
                depends_on: step.depends_on.as_deref(),
                inputs: step.inputs.as_deref(),
                outputs: step.outputs.as_deref(),
                properties: step.properties.as_ref(),
                path: path.clone(),
            };
            units.push((id, unit));
            let mut siblings: BTreeMap<String, NodeId> = BTreeMap::new();
            for (k, sub) in step.sub_steps.iter().flatten().enumerate() {
                let spath = path.clone().field("subSteps").index(k);
                let sname = sub.name.clone().unwrap_or_else(|| format!("subSteps[{k}]"));
                let sid = self.add(NodeKind::SubStep, format!("{name}/{sname}"), spath.clone());
                siblings.entry(sname).or_insert(sid);
                let unit = Unit {
                    scope: i + 1,
                    depends_on: sub.depends_on.as_deref(),
                    inputs: sub.inputs.as_deref(),
                    outputs: sub.outputs.as_deref(),
                    properties: sub.properties.as_ref(),
                    path: spath,
                };
                units.push((sid, unit));
            }
            scopes.push((format!("sub-step of {name}"), siblings));
        }
        scopes.insert(0, ("step".to_owned(), top));
        let mut outputs: BTreeMap<String, (NodeId, FieldPath)> = BTreeMap::new();
        for (id, unit) in &units {
            for (k, out) in unit.outputs.unwrap_or_default().iter().enumerate() {
                let path = unit.path.clone().field("outputs").index(k);
                register_output(&mut outputs, &out.name, *id, path, errors);
            }
        }
        for (to, unit) in &units {
            let (what, names) = &scopes[unit.scope];
            let known: Vec<String> = names.keys().cloned().collect();
            for (k, dep) in unit.depends_on.unwrap_or_default().iter().enumerate() {
                let path = unit.path.clone().field("dependsOn").index(k);
                let unknown = || GraphErrorKind::UnknownDependency {
                    what: what.clone(),
                    name: dep.clone(),
                    suggestion: oam_model::suggest::closest(dep, &known).map(str::to_owned),
                };
                let from = names.get(dep).copied();
                self.link(from, *to, EdgeKind::DependsOn, path, unknown, errors);
            }
            let inputs = unit.inputs.unwrap_or_default();
            self.link_inputs(*to, inputs, &unit.path, unit.properties, &outputs, errors);
        }
    }
}

/// Records an output of `id` declared at `path`, or reports it as a duplicate of the first one
/// of that name (upstream, the later one silently wins).
fn register_output(
    outputs: &mut BTreeMap<String, (NodeId, FieldPath)>,
    name: &str,
    id: NodeId,
    path: FieldPath,
    errors: &mut Vec<GraphError>,
) {
    if let Some((_, first)) = outputs.get(name) {
        let kind = GraphErrorKind::DuplicateOutput {
            name: name.to_owned(),
            first: first.clone(),
        };
        errors.push(GraphError {
            path: path.field("name"),
            kind,
        });
    } else {
        outputs.insert(name.to_owned(), (id, path));
    }
}

/// A workflow step or sub-step, as the graph reads it.
struct Unit<'a> {
    /// Index into the scopes its `dependsOn` names resolve in (0: top-level steps).
    scope: usize,
    depends_on: Option<&'a [String]>,
    inputs: Option<&'a [oam_model::v1beta1::InputItem]>,
    outputs: Option<&'a [oam_model::v1beta1::OutputItem]>,
    properties: Option<&'a serde_json::Value>,
    path: FieldPath,
}

fn resolves_in(properties: Option<&serde_json::Value>, from: &str) -> bool {
    let (Some(properties), Ok(path)) = (properties, from.parse::<FieldPath>()) else {
        return false;
    };
    !path.is_empty() && path.get(properties).is_ok()
}
