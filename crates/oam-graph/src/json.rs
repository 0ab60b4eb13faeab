//! The graph as JSON for tools: nodes, edges, order, waves and cycles, with names and paths
//! rather than indices only, so a consumer needs nothing else to draw or check it.

use serde_json::{Value, json};

use crate::graph::{Graph, NodeKind};
use crate::order::{cycles, order, waves};

/// The graph as one JSON object:
/// `{"nodes": [{"name", "kind", "path"}], "edges": [{"from", "to", "via", "path"}],
///   "order": [name] | null, "waves": [[name]], "cycles": ["a -[x]-> b -[y]-> a"]}`; `order` is
/// `null` when there is a cycle (the waves stop before it).
/// `kind` is `workload`, `trait`, `component`, `step` or `subStep`; `via` is the data name or `dependsOn`; edges go
/// from what is applied first. Deterministic: same documents, same bytes.
///
/// ```
/// let (graph, _) = oam_graph::Graph::from_application_configuration(&Default::default());
/// let json = oam_graph::to_json(&graph);
/// assert_eq!(json["nodes"], serde_json::json!([]));
/// ```
#[must_use]
pub fn to_json(graph: &Graph) -> Value {
    let name = |id: &crate::NodeId| {
        graph
            .node(*id)
            .map_or(Value::Null, |n| n.name.clone().into())
    };
    let nodes: Vec<Value> = graph
        .nodes()
        .iter()
        .map(|n| {
            let kind = match n.kind {
                NodeKind::Workload => "workload",
                NodeKind::Trait => "trait",
                NodeKind::Component => "component",
                NodeKind::Step => "step",
                NodeKind::SubStep => "subStep",
            };
            json!({"name": n.name, "kind": kind, "path": n.path.to_string()})
        })
        .collect();
    let edges: Vec<Value> = graph
        .edges()
        .iter()
        .map(|e| {
            let via = e.kind.label();
            json!({"from": name(&e.from), "to": name(&e.to), "via": via, "path": e.path.to_string()})
        })
        .collect();
    json!({
        "nodes": nodes,
        "edges": edges,
        // No order at all when there is a cycle: a partial one would read as complete.
        "order": order(graph).ok().map(|o| o.iter().map(name).collect::<Vec<_>>()),
        "waves": waves(graph).iter().map(|w| w.iter().map(name).collect::<Vec<_>>()).collect::<Vec<_>>(),
        "cycles": cycles(graph).iter().map(ToString::to_string).collect::<Vec<_>>(),
    })
}
