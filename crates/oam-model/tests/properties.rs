//! Properties: write → load gives back the same value for generated documents of every kind, in
//! YAML and JSON; the loader never panics, whatever the bytes or the tree.

use std::collections::BTreeMap;

use oam_model::definition::{
    ChildResourceKind, CueSchematic, DefinitionReference, Schematic, StatusRules,
};
use oam_model::v1alpha2 as a2;
use oam_model::v1beta1 as b1;
use oam_model::{
    Document, IntOrString, LoadOptions, ObjectMeta, Quantity, RawObject, TypedReference, V1alpha1,
    V1alpha2, V1beta1, load_bytes, load_str, to_json_string, to_yaml_string, v1alpha1,
};
use proptest::collection::{btree_map, vec};
use proptest::option::of;
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Strings a YAML writer must quote or escape to keep them strings.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9._/-]{0,12}",
        "\\PC{0,10}",
        prop::sample::select(vec![
            "",
            "yes",
            "no",
            "on",
            "off",
            "true",
            "False",
            "null",
            "~",
            "1.10",
            "0755",
            "0x1F",
            "1e3",
            ".inf",
            "-",
            "- a",
            ": x",
            "a: b",
            "#c",
            "[x]",
            "{y}",
            "'q'",
            "\"dq\"",
            "multi\nline\n",
            "  lead",
            "trail ",
            "é ü 中",
            "@at",
            "*star",
            "&amp",
            "!bang",
            "%pct",
            "---",
            "...",
            "\t",
            "a\\b",
            "12:30",
        ])
        .prop_map(str::to_owned),
    ]
}

/// [`text`] but never empty: in fields where Go clients write `""` for unset (`timeout`), an
/// empty string reads back as absent.
fn set_text() -> impl Strategy<Value = String> {
    text().prop_filter("an empty string means unset", |t| !t.is_empty())
}

fn name() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9-]{0,10}"
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1.0e12f64..1.0e12).prop_map(Value::from),
        text().prop_map(Value::String),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Value::Array),
            btree_map(text(), inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn object() -> impl Strategy<Value = Value> {
    btree_map(text(), json(), 0..4).prop_map(|m| Value::Object(m.into_iter().collect()))
}

fn strings() -> impl Strategy<Value = Vec<String>> {
    vec(text(), 0..3)
}

fn labels() -> impl Strategy<Value = Option<BTreeMap<String, String>>> {
    of(btree_map(text(), text(), 0..3))
}

fn meta() -> impl Strategy<Value = ObjectMeta> {
    (of(name()), of(name()), labels(), labels(), of(any::<i64>())).prop_map(
        |(name, namespace, labels, annotations, generation)| ObjectMeta {
            name,
            namespace,
            labels,
            annotations,
            generation,
            ..ObjectMeta::default()
        },
    )
}

fn raw() -> impl Strategy<Value = RawObject> {
    (
        of(text()),
        of(text()),
        of(meta()),
        btree_map(text(), json(), 0..3),
    )
        .prop_map(|(api_version, kind, metadata, rest)| {
            let rest: Map<String, Value> = rest
                .into_iter()
                .filter(|(k, _)| !matches!(k.as_str(), "apiVersion" | "kind" | "metadata"))
                .collect();
            RawObject {
                api_version,
                kind,
                metadata,
                rest,
            }
        })
}

fn typed_ref() -> impl Strategy<Value = TypedReference> {
    (text(), text(), text(), of(text())).prop_map(|(api_version, kind, name, uid)| TypedReference {
        api_version,
        kind,
        name,
        uid,
    })
}

fn int_or_string() -> impl Strategy<Value = IntOrString> {
    prop_oneof![
        any::<i32>().prop_map(IntOrString::Int),
        text().prop_map(IntOrString::String)
    ]
}

fn condition() -> impl Strategy<Value = a2::ConditionRequirement> {
    let op = prop::sample::select(vec![
        a2::ConditionOp::Eq,
        a2::ConditionOp::NotEq,
        a2::ConditionOp::NotEmpty,
    ]);
    // `valueFrom` with an empty field path is Go's "absent" form and reads back as None.
    (op, of(text()), of("[a-z.]{1,8}"), of(text())).prop_map(|(op, value, from, field_path)| {
        a2::ConditionRequirement {
            op,
            value,
            value_from: from.map(|field_path| a2::ValueFrom { field_path }),
            field_path,
        }
    })
}

fn data_output() -> impl Strategy<Value = a2::DataOutput> {
    (of(text()), of(text()), of(vec(condition(), 0..2))).prop_map(
        |(name, field_path, conditions)| a2::DataOutput {
            name,
            field_path,
            conditions,
            output_store: None,
        },
    )
}

fn data_input() -> impl Strategy<Value = a2::DataInput> {
    (
        of("[a-z]{1,6}"),
        of(strings()),
        of(vec(condition(), 0..2)),
        of(strings()),
    )
        .prop_map(|(from, to, conditions, keys)| a2::DataInput {
            value_from: from.map(|data_output_name| a2::DataInputValueFrom { data_output_name }),
            to_field_paths: to,
            conditions,
            input_store: None,
            strategy_merge_keys: keys,
        })
}

fn component() -> impl Strategy<Value = Document> {
    let parameter = (text(), strings(), of(any::<bool>()), of(text())).prop_map(
        |(name, field_paths, required, description)| a2::ComponentParameter {
            name,
            field_paths,
            required,
            description,
        },
    );
    (meta(), raw(), of(vec(parameter, 0..3))).prop_map(|(metadata, workload, parameters)| {
        Document::V1alpha2(V1alpha2::Component(a2::Component {
            metadata,
            spec: a2::ComponentSpec {
                workload,
                parameters,
                helm: None,
            },
            status: None,
        }))
    })
}

fn app_config() -> impl Strategy<Value = Document> {
    let traits = vec(
        (raw(), of(vec(data_output(), 0..2))).prop_map(|(t, outputs)| a2::ComponentTrait {
            trait_: t,
            data_outputs: outputs,
            data_inputs: None,
        }),
        0..2,
    );
    let values = vec(
        (text(), int_or_string())
            .prop_map(|(name, value)| a2::ComponentParameterValue { name, value }),
        0..3,
    );
    let entry = (
        of(name()),
        of(name()),
        of(vec(data_output(), 0..2)),
        of(vec(data_input(), 0..2)),
        of(values),
        of(traits),
        of(vec(typed_ref(), 0..2)),
    )
        .prop_map(
            |(
                component_name,
                revision_name,
                data_outputs,
                data_inputs,
                parameter_values,
                traits,
                scopes,
            )| {
                a2::ApplicationConfigurationComponent {
                    component_name,
                    revision_name,
                    data_outputs,
                    data_inputs,
                    parameter_values,
                    traits,
                    scopes: scopes.map(|s| {
                        s.into_iter()
                            .map(|scope_ref| a2::ComponentScope { scope_ref })
                            .collect()
                    }),
                }
            },
        );
    (meta(), vec(entry, 0..3)).prop_map(|(metadata, components)| {
        Document::V1alpha2(V1alpha2::ApplicationConfiguration(
            a2::ApplicationConfiguration {
                metadata,
                spec: a2::ApplicationConfigurationSpec { components },
                status: None,
            },
        ))
    })
}

fn schematic() -> impl Strategy<Value = Option<Schematic>> {
    of(text().prop_map(|template| Schematic {
        cue: Some(CueSchematic { template }),
        terraform: None,
    }))
}

fn def_ref() -> impl Strategy<Value = DefinitionReference> {
    (text(), of(text())).prop_map(|(name, version)| DefinitionReference { name, version })
}

fn definitions() -> impl Strategy<Value = Document> {
    let child =
        (text(), text(), labels()).prop_map(|(api_version, kind, selector)| ChildResourceKind {
            api_version,
            kind,
            selector,
        });
    let status = of(
        (of(text()), of(text())).prop_map(|(custom_status, health_policy)| StatusRules {
            custom_status,
            health_policy,
            details: None,
        }),
    );
    let workload = (
        meta(),
        def_ref(),
        of(vec(child, 0..2)),
        of(text()),
        status,
        schematic(),
        of(object()),
    )
        .prop_map(
            |(
                metadata,
                definition_ref,
                child_resource_kinds,
                pod_spec_path,
                status,
                schematic,
                extension,
            )| {
                Document::V1alpha2(V1alpha2::WorkloadDefinition(a2::WorkloadDefinition {
                    metadata,
                    spec: a2::WorkloadDefinitionSpec {
                        definition_ref,
                        child_resource_kinds,
                        revision_label: None,
                        pod_spec_path,
                        status,
                        schematic,
                        extension,
                    },
                    status: None,
                }))
            },
        );
    let trait_a2 = (
        meta(),
        of(def_ref()),
        of(any::<bool>()),
        of(text()),
        of(strings()),
        of(strings()),
    )
        .prop_map(
            |(
                metadata,
                definition_ref,
                revision_enabled,
                workload_ref_path,
                applies_to_workloads,
                conflicts_with,
            )| {
                Document::V1alpha2(V1alpha2::TraitDefinition(a2::TraitDefinition {
                    metadata,
                    spec: a2::TraitDefinitionSpec {
                        definition_ref,
                        revision_enabled,
                        workload_ref_path,
                        applies_to_workloads,
                        conflicts_with,
                        ..Default::default()
                    },
                    status: None,
                }))
            },
        );
    let scope = (meta(), def_ref(), of(text()), any::<bool>()).prop_map(
        |(metadata, definition_ref, workload_refs_path, allow_component_overlap)| {
            Document::V1beta1(V1beta1::ScopeDefinition(b1::ScopeDefinition {
                metadata,
                spec: a2::ScopeDefinitionSpec {
                    definition_ref,
                    workload_refs_path,
                    allow_component_overlap,
                    extension: None,
                },
                status: None,
            }))
        },
    );
    let stage = prop::sample::select(vec![
        b1::TraitStage::PreDispatch,
        b1::TraitStage::DefaultDispatch,
        b1::TraitStage::PostDispatch,
    ]);
    let trait_b1 = (
        meta(),
        of(def_ref()),
        of(strings()),
        of(strings()),
        of(stage),
        of(any::<bool>()),
        schematic(),
    )
        .prop_map(
            |(
                metadata,
                definition_ref,
                applies_to_workloads,
                conflicts_with,
                stage,
                pod_disruptive,
                schematic,
            )| {
                Document::V1beta1(V1beta1::TraitDefinition(b1::TraitDefinition {
                    metadata,
                    spec: b1::TraitDefinitionSpec {
                        definition_ref,
                        applies_to_workloads,
                        conflicts_with,
                        stage,
                        pod_disruptive,
                        schematic,
                        ..Default::default()
                    },
                    status: None,
                }))
            },
        );
    let component_def = (
        meta(),
        of(text()),
        of((text(), text())),
        of(text()),
        schematic(),
    )
        .prop_map(|(metadata, type_, gvk, version, schematic)| {
            Document::V1beta1(V1beta1::ComponentDefinition(b1::ComponentDefinition {
                metadata,
                spec: b1::ComponentDefinitionSpec {
                    workload: b1::WorkloadTypeDescriptor {
                        type_,
                        definition: gvk
                            .map(|(api_version, kind)| b1::WorkloadGvk { api_version, kind }),
                    },
                    version,
                    schematic,
                    ..Default::default()
                },
                status: None,
            }))
        });
    let scope_kind =
        prop::sample::select(vec![b1::PolicyScope::Default, b1::PolicyScope::Application]);
    let policy_def = (
        meta(),
        schematic(),
        of(scope_kind),
        of(any::<i32>()),
        of(any::<bool>()),
    )
        .prop_map(|(metadata, schematic, scope, priority, global)| {
            Document::V1beta1(V1beta1::PolicyDefinition(b1::PolicyDefinition {
                metadata,
                spec: b1::PolicyDefinitionSpec {
                    schematic,
                    scope,
                    priority,
                    global,
                    ..Default::default()
                },
                status: None,
            }))
        });
    let step_def = (meta(), of(def_ref()), schematic(), of(text())).prop_map(
        |(metadata, definition_ref, schematic, version)| {
            Document::V1beta1(V1beta1::WorkflowStepDefinition(
                b1::WorkflowStepDefinition {
                    metadata,
                    spec: b1::WorkflowStepDefinitionSpec {
                        definition_ref,
                        schematic,
                        version,
                    },
                    status: None,
                },
            ))
        },
    );
    prop_oneof![
        workload.boxed(),
        trait_a2.boxed(),
        scope.boxed(),
        trait_b1.boxed(),
        component_def.boxed(),
        policy_def.boxed(),
        step_def.boxed()
    ]
}

fn mode() -> impl Strategy<Value = b1::WorkflowExecuteMode> {
    prop::sample::select(vec![
        b1::WorkflowExecuteMode::Dag,
        b1::WorkflowExecuteMode::StepByStep,
    ])
}

fn inputs() -> impl Strategy<Value = Option<Vec<b1::InputItem>>> {
    of(vec(
        (text(), of(text())).prop_map(|(from, parameter_key)| b1::InputItem {
            from,
            parameter_key,
        }),
        0..2,
    ))
}

fn outputs() -> impl Strategy<Value = Option<Vec<b1::OutputItem>>> {
    of(vec(
        (text(), text()).prop_map(|(name, value_from)| b1::OutputItem { name, value_from }),
        0..2,
    ))
}

fn step() -> impl Strategy<Value = b1::WorkflowStep> {
    let sub = (
        of(name()),
        name(),
        of(set_text()),
        of(strings()),
        inputs(),
        outputs(),
        of(object()),
    )
        .prop_map(
            |(name, type_, timeout, depends_on, inputs, outputs, properties)| b1::WorkflowSubStep {
                name,
                type_,
                timeout,
                depends_on,
                inputs,
                outputs,
                properties,
                ..Default::default()
            },
        );
    (
        of(name()),
        name(),
        of(text()),
        of(set_text()),
        of(strings()),
        inputs(),
        of(mode()),
        of(vec(sub, 0..2)),
    )
        .prop_map(
            |(name, type_, if_, timeout, depends_on, inputs, mode, sub_steps)| b1::WorkflowStep {
                name,
                type_,
                if_,
                timeout,
                depends_on,
                inputs,
                mode,
                sub_steps,
                meta: None,
                ..Default::default()
            },
        )
}

fn application() -> impl Strategy<Value = Document> {
    let traits = of(vec(
        (text(), of(object()))
            .prop_map(|(type_, properties)| b1::ApplicationTrait { type_, properties }),
        0..2,
    ));
    let component = (
        name(),
        text(),
        of(object()),
        of(strings()),
        inputs(),
        outputs(),
        traits,
        of(btree_map(text(), text(), 0..2)),
        of(text()),
    )
        .prop_map(
            |(
                name,
                type_,
                properties,
                depends_on,
                inputs,
                outputs,
                traits,
                scopes,
                external_revision,
            )| b1::ApplicationComponent {
                name,
                type_,
                properties,
                depends_on,
                inputs,
                outputs,
                traits,
                scopes,
                external_revision,
            },
        );
    let policy =
        (of(text()), text(), of(object())).prop_map(|(name, type_, properties)| b1::AppPolicy {
            name,
            type_,
            properties,
        });
    let workflow = (
        of(text()),
        of((of(mode()), of(mode()))),
        of(vec(step(), 0..3)),
    )
        .prop_map(|(ref_, mode, steps)| b1::Workflow {
            ref_,
            mode: mode.map(|(steps, sub_steps)| b1::WorkflowMode { steps, sub_steps }),
            steps,
        });
    (
        meta(),
        vec(component, 0..3),
        of(vec(policy, 0..2)),
        of(workflow),
    )
        .prop_map(|(metadata, components, policies, workflow)| {
            Document::V1beta1(V1beta1::Application(b1::Application {
                metadata,
                spec: b1::ApplicationSpec {
                    components,
                    policies,
                    workflow,
                },
                status: None,
            }))
        })
}

fn builtins() -> impl Strategy<Value = Document> {
    let quantity = prop_oneof![
        text().prop_map(Quantity::String),
        any::<i64>().prop_map(|n| Quantity::Number(n.into()))
    ];
    let container = (
        name(),
        text(),
        quantity.clone(),
        quantity,
        of(strings()),
        of(vec(
            (name(), any::<i32>()).prop_map(|(name, container_port)| a2::ContainerPort {
                name,
                container_port,
                protocol: Some(a2::TransportProtocol::Tcp),
            }),
            0..2,
        )),
    )
        .prop_map(|(name, image, cpu, memory, args, ports)| a2::Container {
            name,
            image,
            resources: Some(a2::ContainerResources {
                cpu: a2::ResourceRequirement { required: cpu },
                memory: a2::ResourceRequirement { required: memory },
                gpu: None,
                volumes: None,
                extended: None,
            }),
            command: None,
            args,
            env: None,
            config: None,
            ports,
            liveness_probe: None,
            readiness_probe: None,
            image_pull_secret: None,
        });
    let workload = (meta(), vec(container, 0..2)).prop_map(|(metadata, containers)| {
        Document::V1alpha2(V1alpha2::ContainerizedWorkload(a2::ContainerizedWorkload {
            metadata,
            spec: a2::ContainerizedWorkloadSpec {
                os_type: Some(a2::OsType::Linux),
                arch: None,
                containers,
            },
            status: None,
        }))
    });
    let scaler = (meta(), any::<i32>(), of(typed_ref())).prop_map(
        |(metadata, replica_count, workload_ref)| {
            Document::V1alpha2(V1alpha2::ManualScalerTrait(a2::ManualScalerTrait {
                metadata,
                spec: a2::ManualScalerTraitSpec {
                    replica_count,
                    workload_ref: workload_ref.filter(|r| *r != TypedReference::default()),
                },
                status: None,
            }))
        },
    );
    let health = (meta(), of(any::<i32>()), vec(typed_ref(), 0..3)).prop_map(
        |(metadata, probe_timeout, workload_refs)| {
            Document::V1alpha2(V1alpha2::HealthScope(a2::HealthScope {
                metadata,
                spec: a2::HealthScopeSpec {
                    probe_timeout,
                    probe_interval: None,
                    workload_refs,
                },
                status: None,
            }))
        },
    );
    let policy = (meta(), text(), of(object())).prop_map(|(metadata, type_, properties)| {
        Document::V1alpha1(V1alpha1::Policy(v1alpha1::Policy {
            metadata,
            type_,
            properties,
        }))
    });
    let workflow = (meta(), vec(step(), 0..2)).prop_map(|(metadata, steps)| {
        Document::V1alpha1(V1alpha1::Workflow(v1alpha1::Workflow {
            metadata,
            mode: None,
            steps,
        }))
    });
    let raw_doc =
        (text(), text(), btree_map(text(), json(), 0..3)).prop_map(|(api, kind, rest)| {
            let rest: Map<String, Value> = rest
                .into_iter()
                .filter(|(k, _)| !matches!(k.as_str(), "apiVersion" | "kind" | "metadata"))
                .collect();
            Document::Raw(RawObject {
                api_version: Some(format!("example.com/{api}").replace(['\n', ' '], "")),
                kind: Some(kind),
                metadata: None,
                rest,
            })
        });
    prop_oneof![
        workload.boxed(),
        scaler.boxed(),
        health.boxed(),
        policy.boxed(),
        workflow.boxed(),
        raw_doc.boxed()
    ]
}

fn document() -> BoxedStrategy<Document> {
    prop_oneof![
        component().boxed(),
        app_config().boxed(),
        definitions().boxed(),
        application().boxed(),
        builtins().boxed()
    ]
    .boxed()
}

/// `RawObject` kinds that happen to be typed kinds are decoded as those kinds, not kept raw.
fn is_stable(doc: &Document) -> bool {
    match doc {
        Document::Raw(raw) => {
            raw.api_version
                .as_deref()
                .is_some_and(|a| !a.starts_with("core.oam.dev/"))
                && raw.kind.is_some()
        }
        _ => true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn write_then_load_gives_the_same_value(doc in document().prop_filter("raw objects that stay raw", is_stable)) {
        let yaml = to_yaml_string(&doc).unwrap();
        let back = load_str("p.yaml", &yaml, &LoadOptions::default());
        prop_assert!(back.is_ok(), "{:?}\n{}", back.errors, yaml);
        prop_assert_eq!(back.documents.len(), 1);
        prop_assert_eq!(&back.documents[0].value, &doc, "via YAML:\n{}", yaml);

        let json = to_json_string(&doc).unwrap();
        let back = load_str("p.json", &json, &LoadOptions::default());
        prop_assert!(back.is_ok(), "{:?}\n{}", back.errors, json);
        prop_assert_eq!(&back.documents[0].value, &doc, "via JSON");
    }

    #[test]
    fn the_loader_never_panics_on_arbitrary_bytes(bytes in vec(any::<u8>(), 0..512)) {
        let _ = load_bytes("fuzz.yaml", bytes.clone(), &LoadOptions::default());
        let _ = load_bytes("fuzz.json", bytes, &LoadOptions::default());
    }

    #[test]
    fn the_loader_never_panics_on_yaml_like_text(text in "[ -~\n\t]{0,300}") {
        let _ = load_str("fuzz.yaml", &text, &LoadOptions::lenient());
    }

    #[test]
    fn the_loader_never_panics_on_arbitrary_trees_of_known_kinds(
        kind in prop::sample::select(vec![
            ("core.oam.dev/v1alpha2", "Component"), ("core.oam.dev/v1alpha2", "ApplicationConfiguration"),
            ("core.oam.dev/v1alpha2", "TraitDefinition"), ("core.oam.dev/v1alpha2", "ContainerizedWorkload"),
            ("core.oam.dev/v1beta1", "Application"), ("core.oam.dev/v1beta1", "ComponentDefinition"),
            ("core.oam.dev/v1alpha1", "Workflow"), ("core.oam.dev/v1alpha1", "ComponentSchematic"),
            ("core.oam.dev/v1beta1", "Nope"), ("apps/v1", "Deployment"),
        ]),
        spec in json(),
        metadata in json(),
    ) {
        let tree = serde_json::json!({"apiVersion": kind.0, "kind": kind.1, "metadata": metadata, "spec": spec});
        for text in [serde_saphyr::to_string(&tree).unwrap(), tree.to_string()] {
            let report = load_str(if text.starts_with('{') { "t.json" } else { "t.yaml" }, &text, &LoadOptions::lenient());
            prop_assert_eq!(report.documents.len() + usize::from(!report.errors.is_empty()), 1);
            for e in &report.errors {
                prop_assert!(e.location().position.is_some(), "{} has no line:column", e);
            }
        }
    }
}
