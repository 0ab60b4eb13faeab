//! The dependency graph: edges, errors, order, waves and cycles.

use std::collections::BTreeSet;

use oam_graph::{Graph, GraphErrorKind, cycles, order, waves};
use oam_model::v1alpha2::ApplicationConfiguration;
use oam_model::v1beta1::Application;
use oam_model::{Document, LoadOptions, V1alpha2, V1beta1, load_path, load_str};
use proptest::prelude::*;

fn app_config(yaml: &str) -> ApplicationConfiguration {
    match load_str("a.yaml", yaml, &LoadOptions::default())
        .documents
        .remove(0)
        .value
    {
        Document::V1alpha2(V1alpha2::ApplicationConfiguration(a)) => a,
        other => panic!("{other:?}"),
    }
}

fn application(yaml: &str) -> Application {
    match load_str("a.yaml", yaml, &LoadOptions::default())
        .documents
        .remove(0)
        .value
    {
        Document::V1beta1(V1beta1::Application(a)) => a,
        other => panic!("{other:?}"),
    }
}

fn names(graph: &Graph, ids: &[oam_graph::NodeId]) -> Vec<String> {
    ids.iter()
        .map(|id| graph.node(*id).unwrap().name.clone())
        .collect()
}

#[test]
fn the_php_mysql_example_orders_mysql_first() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/apps/php-mysql");
    let report = load_path(&dir, &LoadOptions::default());
    let app = report
        .documents
        .iter()
        .find_map(|d| match &d.value {
            Document::V1alpha2(V1alpha2::ApplicationConfiguration(a)) => Some(a),
            _ => None,
        })
        .unwrap();
    let (graph, errors) = Graph::from_application_configuration(app);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        names(&graph, &order(&graph).expect("no cycle")),
        ["mysql", "php/ManualScalerTrait", "php"]
    );
    let waves: Vec<Vec<String>> = waves(&graph).iter().map(|w| names(&graph, w)).collect();
    assert_eq!(waves, [vec!["mysql", "php/ManualScalerTrait"], vec!["php"]]);
    assert_eq!(
        graph.edges()[0].path.to_string(),
        "spec.components[1].dataInputs[0].valueFrom.dataOutputName"
    );
    assert!(cycles(&graph).is_empty());
}

const HEAD: &str = "apiVersion: core.oam.dev/v1alpha2\nkind: ApplicationConfiguration\nmetadata: {name: a}\nspec:\n  components:\n";

#[test]
fn unknown_duplicate_and_self_references_are_all_reported() {
    let yaml = format!(
        "{HEAD}    - componentName: db\n      dataOutputs: [{{name: db-conn, fieldPath: status.secret}}]\n    - componentName: web\n      dataOutputs: [{{name: db-conn, fieldPath: status.x}}, {{name: web-url, fieldPath: status.url}}]\n      dataInputs:\n        - valueFrom: {{dataOutputName: db-con}}\n        - valueFrom: {{dataOutputName: web-url}}\n"
    );
    let (_, errors) = Graph::from_application_configuration(&app_config(&yaml));
    let seen: Vec<(String, String)> = errors
        .iter()
        .map(|e| (e.path.to_string(), e.kind.to_string()))
        .collect();
    assert_eq!(
        seen,
        [
            (
                "spec.components[1].dataOutputs[0].name".into(),
                "data output \"db-conn\" is declared twice, first at spec.components[0].dataOutputs[0]".into()
            ),
            (
                "spec.components[1].dataInputs[0].valueFrom.dataOutputName".into(),
                "no data output is named \"db-con\", did you mean \"db-conn\"?".into()
            ),
            ("spec.components[1].dataInputs[1].valueFrom.dataOutputName".into(), "web depends on itself".into()),
        ]
    );
}

#[test]
fn every_cycle_is_named_in_full_and_left_out_of_the_order() {
    let yaml = format!(
        "{HEAD}    - componentName: php\n      dataOutputs: [{{name: php-url}}]\n      dataInputs: [{{valueFrom: {{dataOutputName: db-secret}}}}]\n    - componentName: mysql\n      dataOutputs: [{{name: db-secret}}]\n      dataInputs: [{{valueFrom: {{dataOutputName: php-url}}}}]\n    - componentName: cache\n    - componentName: a\n      dataOutputs: [{{name: a-out}}]\n      dataInputs: [{{valueFrom: {{dataOutputName: c-out}}}}]\n    - componentName: b\n      dataOutputs: [{{name: b-out}}]\n      dataInputs: [{{valueFrom: {{dataOutputName: a-out}}}}]\n    - componentName: c\n      dataOutputs: [{{name: c-out}}]\n      dataInputs: [{{valueFrom: {{dataOutputName: b-out}}}}]\n"
    );
    let (graph, errors) = Graph::from_application_configuration(&app_config(&yaml));
    assert!(errors.is_empty());
    let found: Vec<String> = cycles(&graph).iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "php -[db-secret]-> mysql -[php-url]-> php",
            "a -[c-out]-> c -[b-out]-> b -[a-out]-> a"
        ]
    );
    let cycle = GraphErrorKind::Cycle(cycles(&graph).remove(0));
    assert_eq!(
        cycle.to_string(),
        "dependency cycle: php -[db-secret]-> mysql -[php-url]-> php"
    );
    let Err(in_the_way) = order(&graph) else {
        panic!("a graph with cycles has no order");
    };
    assert_eq!(in_the_way, cycles(&graph), "the error carries every cycle");
    let waves: Vec<Vec<String>> = waves(&graph).iter().map(|w| names(&graph, w)).collect();
    assert_eq!(waves, [["cache"]], "the waves stop before the cycles");
}

#[test]
fn applications_use_depends_on_and_inputs_with_the_properties_fallback() {
    let yaml = "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata: {name: shop}\nspec:\n  components:\n    - name: web\n      type: webservice\n      dependsOn: [db, cahce]\n      inputs: [{from: db-conn, parameterKey: dbSecret}, {from: image}, {from: nothing}]\n      properties: {image: nginx}\n    - name: db\n      type: mysql\n      outputs: [{name: db-conn, valueFrom: output.status.secret}]\n    - name: cache\n      type: redis\n";
    let (graph, errors) = Graph::from_application(&application(yaml));
    let seen: Vec<(String, String)> = errors
        .iter()
        .map(|e| (e.path.to_string(), e.kind.to_string()))
        .collect();
    assert_eq!(
        seen,
        [
            (
                "spec.components[0].dependsOn[1]".into(),
                "no component is named \"cahce\", did you mean \"cache\"?".into()
            ),
            (
                "spec.components[0].inputs[2].from".into(),
                "no data output is named \"nothing\"".into()
            ),
        ]
    );
    assert_eq!(
        names(&graph, &order(&graph).expect("no cycle")),
        ["db", "cache", "web"]
    );
    assert_eq!(
        graph.edges().len(),
        2,
        "dependsOn db and the db-conn input; `image` resolves in web's own properties"
    );
}

/// Nodes that can reach themselves through at least one edge, computed independently.
fn on_cycles(n: usize, edges: &[(usize, usize)]) -> BTreeSet<usize> {
    let mut reach = vec![vec![false; n]; n];
    for &(a, b) in edges {
        reach[a][b] = true;
    }
    for k in 0..n {
        for i in 0..n {
            for j in 0..n {
                if reach[i][k] && reach[k][j] {
                    reach[i][j] = true;
                }
            }
        }
    }
    (0..n).filter(|i| reach[*i][*i]).collect()
}

fn graph_yaml(n: usize, edges: &[(usize, usize)]) -> String {
    let mut yaml = HEAD.to_owned();
    for i in 0..n {
        yaml.push_str(&format!(
            "    - componentName: c{i}\n      dataOutputs: [{{name: o{i}}}]\n"
        ));
        let inputs: Vec<String> = edges
            .iter()
            .filter(|(_, to)| *to == i)
            .map(|(from, _)| format!("{{valueFrom: {{dataOutputName: o{from}}}}}"))
            .collect();
        if !inputs.is_empty() {
            yaml.push_str(&format!("      dataInputs: [{}]\n", inputs.join(", ")));
        }
    }
    yaml
}

proptest! {
    #[test]
    fn order_respects_every_edge_of_a_dag(
        n in 1usize..12,
        raw in prop::collection::vec((0usize..12, 0usize..12), 0..30),
        rank in Just((0usize..12).collect::<Vec<_>>()).prop_shuffle(),
    ) {
        // A DAG whose edges follow a random ranking, unrelated to the declaration order.
        let rank: Vec<usize> = rank.into_iter().filter(|r| *r < n).collect();
        let edges: BTreeSet<(usize, usize)> =
            raw.into_iter().map(|(a, b)| (a % n, b % n)).filter(|(a, b)| rank[*a] < rank[*b]).collect();
        let edges: Vec<_> = edges.into_iter().collect();
        let (graph, errors) = Graph::from_application_configuration(&app_config(&graph_yaml(n, &edges)));
        prop_assert!(errors.is_empty());
        let order = order(&graph).expect("a DAG has an order");
        prop_assert_eq!(order.len(), n);
        let mut position = vec![0; n];
        for (i, id) in order.iter().enumerate() {
            position[id.index()] = i;
        }
        for e in graph.edges() {
            prop_assert!(position[e.from.index()] < position[e.to.index()]);
        }
        let waves = waves(&graph);
        let mut wave_of = vec![0; n];
        for (i, wave) in waves.iter().enumerate() {
            for id in wave {
                wave_of[id.index()] = i;
            }
        }
        for e in graph.edges() {
            prop_assert!(wave_of[e.from.index()] < wave_of[e.to.index()]);
        }
        prop_assert!(cycles(&graph).is_empty());
        let again = Graph::from_application_configuration(&app_config(&graph_yaml(n, &edges))).0;
        prop_assert_eq!(oam_graph::order(&again), Ok(order), "reproducible");
    }

    #[test]
    fn reported_cycles_are_real_and_cover_every_node_on_a_cycle(
        n in 2usize..9,
        raw in prop::collection::vec((0usize..9, 0usize..9), 1..20),
    ) {
        let edges: BTreeSet<(usize, usize)> = raw.into_iter().map(|(a, b)| (a % n, b % n)).filter(|(a, b)| a != b).collect();
        let edges: Vec<_> = edges.into_iter().collect();
        let (graph, _) = Graph::from_application_configuration(&app_config(&graph_yaml(n, &edges)));
        let mut covered = BTreeSet::new();
        for cycle in &cycles(&graph) {
            let steps: Vec<usize> = cycle.steps.iter().map(|(name, _)| name[1..].parse().unwrap()).collect();
            // Each node waits for the next one: an edge runs from the next to it.
            for (i, waiting) in steps.iter().enumerate() {
                let producer = steps[(i + 1) % steps.len()];
                prop_assert!(edges.contains(&(producer, *waiting)), "{} uses a missing edge c{} -> c{}", cycle, producer, waiting);
            }
            covered.extend(cycle.members.iter().map(|m| m.index()));
        }
        prop_assert_eq!(covered, on_cycles(n, &edges));
    }
}

const WORKFLOW: &str = "
apiVersion: core.oam.dev/v1beta1
kind: Application
metadata: {name: wf}
spec:
  components:
    - {name: db, type: worker}
  workflow:
    steps:
      - name: deploy-db
        type: apply-component
        properties: {component: db}
        outputs: [{name: db-ip, valueFrom: output.status.podIP}]
      - name: prepare
        type: step-group
        dependsOn: [deploy-db]
        subSteps:
          - name: notify
            type: notification
            inputs: [{from: db-ip, parameterKey: slack.message.text}]
          - name: migrate
            type: webhook
            dependsOn: [notify]
            outputs: [{name: migrated, valueFrom: output.done}]
      - name: web
        type: apply-component
        inputs: [{from: migrated}]
";

#[test]
fn workflow_steps_and_sub_steps_are_nodes_with_scoped_depends_on_and_flat_outputs() {
    let app = application(WORKFLOW);
    let (graph, errors) = Graph::from_application(&app);
    assert!(errors.is_empty(), "{errors:?}");
    let all: Vec<String> = graph.nodes().iter().map(|n| n.name.clone()).collect();
    assert_eq!(
        all,
        [
            "db",
            "deploy-db",
            "prepare",
            "prepare/notify",
            "prepare/migrate",
            "web"
        ]
    );
    assert_eq!(
        names(&graph, &order(&graph).expect("no cycle")),
        [
            "db",
            "deploy-db",
            "prepare",
            "prepare/notify",
            "prepare/migrate",
            "web"
        ]
    );
    let edges: Vec<(String, String)> = graph
        .edges()
        .iter()
        .map(|e| {
            (
                graph.node(e.from).unwrap().name.clone(),
                graph.node(e.to).unwrap().name.clone(),
            )
        })
        .collect();
    assert!(edges.contains(&("deploy-db".into(), "prepare/notify".into())));
    assert!(edges.contains(&("prepare/notify".into(), "prepare/migrate".into())));
    assert!(edges.contains(&("prepare/migrate".into(), "web".into())));
    assert_eq!(
        graph.nodes()[4].path.to_string(),
        "spec.workflow.steps[1].subSteps[1]"
    );
}

#[test]
fn a_sub_step_cannot_depend_on_a_top_level_step_and_step_cycles_are_named() {
    let yaml = WORKFLOW.replace("dependsOn: [notify]", "dependsOn: [deploy-db]");
    let (_, errors) = Graph::from_application(&application(&yaml));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].kind.to_string(),
        "no sub-step of prepare is named \"deploy-db\""
    );
    assert_eq!(
        errors[0].path.to_string(),
        "spec.workflow.steps[1].subSteps[1].dependsOn[0]"
    );
    let cyclic = WORKFLOW.replace(
        "properties: {component: db}",
        "properties: {component: db}\n        dependsOn: [web]",
    );
    let (graph, errors) = Graph::from_application(&application(&cyclic));
    assert!(errors.is_empty(), "{errors:?}");
    let found: Vec<String> = cycles(&graph).iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "deploy-db -[dependsOn]-> web -[migrated]-> prepare/migrate -[dependsOn]-> prepare/notify -[db-ip]-> deploy-db"
        ]
    );
}

/// An Application whose `n` components each depend on the one before (and the first on the last
/// when `ring`), as JSON: the loader's fast path.
fn chain_json(n: usize, ring: bool) -> String {
    let components: Vec<String> = (0..n)
        .map(|i| {
            let before = if i > 0 {
                format!(",\"dependsOn\":[\"c{}\"]", i - 1)
            } else if ring {
                format!(",\"dependsOn\":[\"c{}\"]", n - 1)
            } else {
                String::new()
            };
            format!("{{\"name\":\"c{i}\",\"type\":\"webservice\"{before}}}")
        })
        .collect();
    format!(
        "{{\"apiVersion\":\"core.oam.dev/v1beta1\",\"kind\":\"Application\",\"metadata\":{{\"name\":\"chain\"}},\"spec\":{{\"components\":[{}]}}}}",
        components.join(",")
    )
}

#[test]
fn a_hundred_thousand_long_chain_neither_overflows_the_stack_nor_loses_a_node() {
    // A regression: cycle detection recursed once per node and aborted the process.
    let n = 100_000;
    let report = load_str("chain.json", &chain_json(n, false), &LoadOptions::default());
    let Document::V1beta1(V1beta1::Application(app)) = &report.documents[0].value else {
        panic!("{:?}", report.errors);
    };
    let (graph, errors) = Graph::from_application(app);
    assert!(errors.is_empty());
    assert!(cycles(&graph).is_empty());
    assert_eq!(waves(&graph).len(), n);
    assert_eq!(order(&graph).map(|o| o.len()), Ok(n));

    let report = load_str("ring.json", &chain_json(n, true), &LoadOptions::default());
    let Document::V1beta1(V1beta1::Application(app)) = &report.documents[0].value else {
        panic!("{:?}", report.errors);
    };
    let (graph, _) = Graph::from_application(app);
    let found = cycles(&graph);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].members.len(), n, "every node of the ring is named");
    assert_eq!(order(&graph), Err(found));
}
