//! Algorithms over a [`Graph`]: a reproducible topological order, the waves that can be applied
//! in parallel, and every cycle named in full.

use std::collections::BTreeSet;

use petgraph::algo::kosaraju_scc;
use petgraph::graph::DiGraph;

use crate::graph::{Cycle, Graph, GraphError, GraphErrorKind, NodeId};

/// The nodes in waves: every node of a wave depends only on nodes of earlier waves, so a wave can
/// be applied in parallel. Within a wave, nodes keep declaration order. Kahn's algorithm; nodes on
/// or behind a cycle are left out (see [`cycles`]).
#[must_use]
pub fn waves(graph: &Graph) -> Vec<Vec<NodeId>> {
    let n = graph.nodes().len();
    let mut indegree = vec![0usize; n];
    for e in graph.edges() {
        indegree[e.to.0] += 1;
    }
    let successors = graph.successors();
    let mut ready: BTreeSet<usize> = (0..n).filter(|i| indegree[*i] == 0).collect();
    let mut waves = Vec::new();
    while !ready.is_empty() {
        let wave: Vec<usize> = std::mem::take(&mut ready).into_iter().collect();
        for &i in &wave {
            for e in successors[i].iter().map(|k| &graph.edges()[*k]) {
                indegree[e.to.0] -= 1;
                if indegree[e.to.0] == 0 {
                    ready.insert(e.to.0);
                }
            }
        }
        waves.push(wave.into_iter().map(NodeId).collect());
    }
    waves
}

/// A topological order of every node: the waves one after another, so ties are broken by
/// declaration order and anyone can reproduce it from the same documents. A graph with a cycle
/// has no such order: then the `Err` holds every cycle (at least one), as petgraph's `toposort`
/// returns the cycle it met, so no caller can apply a partial order by mistake. (The waves
/// before a cycle are still there, from [`waves`].)
///
/// # Errors
///
/// Every cycle of the graph, as [`cycles`] names them, when there is one.
pub fn order(graph: &Graph) -> Result<Vec<NodeId>, Vec<Cycle>> {
    let order: Vec<NodeId> = waves(graph).into_iter().flatten().collect();
    if order.len() == graph.nodes().len() {
        Ok(order)
    } else {
        Err(cycles(graph))
    }
}

/// Every cycle, one per strongly connected component, named in full from its first-declared
/// node in the waiting direction: `php -[db-secret]-> mysql -[php-url]-> php` reads "php waits
/// for mysql's `db-secret`, which waits for php's `php-url`". Sorted by that first node.
#[must_use]
pub fn cycles(graph: &Graph) -> Vec<Cycle> {
    let mut g: DiGraph<usize, usize> = DiGraph::new();
    let ids: Vec<_> = (0..graph.nodes().len()).map(|i| g.add_node(i)).collect();
    for (k, e) in graph.edges().iter().enumerate() {
        g.add_edge(ids[e.from.0], ids[e.to.0], k);
    }
    let successors = graph.successors();
    // The builder reports a node that waits for itself and adds no such edge; should one be
    // there, it is a cycle of one.
    let self_loops: BTreeSet<usize> = graph
        .edges()
        .iter()
        .filter(|e| e.from == e.to)
        .map(|e| e.from.0)
        .collect();
    let mut found: Vec<(usize, Cycle)> = Vec::new();
    // Kosaraju: petgraph's Tarjan recurses once per node and overflowed the stack on a
    // 100,000-long dependsOn chain; Kosaraju walks with explicit stacks. Members are sorted
    // below, so the order within a component does not matter.
    for component in kosaraju_scc(&g) {
        let members: BTreeSet<usize> = component.iter().map(|n| g[*n]).collect();
        if members.len() < 2 && !members.iter().any(|m| self_loops.contains(m)) {
            continue; // one node, no edge to itself: no cycle
        }
        let start = *members.iter().next().unwrap_or(&0);
        if let Some(path) = shortest_cycle(graph, &successors, start, &members) {
            // Edges run from what is applied first to what waits; a cycle reads better in the
            // waiting direction: `php -[db-secret]-> mysql` is "php waits for mysql's db-secret".
            let steps = path
                .into_iter()
                .rev()
                .map(|k| {
                    let e = &graph.edges()[k];
                    (
                        graph.nodes()[e.to.0].name.clone(),
                        e.kind.label().to_owned(),
                    )
                })
                .collect();
            let members = members.into_iter().map(NodeId).collect();
            found.push((start, Cycle { steps, members }));
        }
    }
    found.sort_by_key(|(start, _)| *start);
    found.into_iter().map(|(_, c)| c).collect()
}

/// The shortest cycle through `start` inside `members`, as edge indices (breadth-first, edges in
/// declaration order, so the result is reproducible).
fn shortest_cycle(
    graph: &Graph,
    successors: &[Vec<usize>],
    start: usize,
    members: &BTreeSet<usize>,
) -> Option<Vec<usize>> {
    let mut previous: Vec<Option<usize>> = vec![None; graph.nodes().len()];
    let mut queue = std::collections::VecDeque::from([start]);
    let mut seen = BTreeSet::from([start]);
    while let Some(node) = queue.pop_front() {
        for &k in &successors[node] {
            let e = &graph.edges()[k];
            if !members.contains(&e.to.0) {
                continue;
            }
            if e.to.0 == start {
                let mut path = vec![k];
                let mut at = node;
                while at != start {
                    let edge = previous[at]?;
                    path.push(edge);
                    at = graph.edges()[edge].from.0;
                }
                path.reverse();
                return Some(path);
            }
            if seen.insert(e.to.0) {
                previous[e.to.0] = Some(k);
                queue.push_back(e.to.0);
            }
        }
    }
    None
}

/// Every cycle as a [`GraphError`], located at its first-declared member, for reporting beside
/// the errors [`Graph::from_application_configuration`] and [`Graph::from_application`] return.
#[must_use]
pub fn cycle_errors(graph: &Graph) -> Vec<GraphError> {
    cycles(graph)
        .into_iter()
        .map(|cycle| GraphError {
            path: cycle
                .members
                .first()
                .and_then(|id| graph.node(*id))
                .map(|n| n.path.clone())
                .unwrap_or_default(),
            kind: GraphErrorKind::Cycle(cycle),
        })
        .collect()
}
