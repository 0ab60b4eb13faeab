//! The webhook's hot path: one typical 5 KB Application (`oam_benches::typical_application`)
//! loaded, validated with the standard catalog and planned in-process, each against the
//! baseline measured in the same run: the bare untyped parse of the same bytes.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use oam_benches::{typical_application, untyped_options};
use oam_graph::{Inputs, ObservedObjects, plan};
use oam_model::{LoadOptions, load_str};

fn embedder(c: &mut Criterion) {
    let text = typical_application();
    let mut group = c.benchmark_group("embedder_5kb");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("untyped_parse", |b| {
        b.iter(|| {
            let trees: Vec<serde_json::Value> =
                serde_saphyr::from_multiple_with_options(&text, untyped_options(text.len()))
                    .expect("parses");
            trees
        })
    });
    group.bench_function("load", |b| {
        b.iter(|| {
            let report = load_str("app.yaml", &text, &LoadOptions::default());
            assert!(report.is_ok());
            report
        })
    });
    group.bench_function("load_and_validate", |b| {
        b.iter(|| {
            let report = load_str("app.yaml", &text, &LoadOptions::default());
            let found = oam_validate::validate(&report, &oam_validate::Options::default());
            assert!(found.is_empty(), "{:?}", found.first());
            found
        })
    });
    let observed = ObservedObjects::default();
    group.bench_function("load_and_plan", |b| {
        b.iter(|| {
            let report = load_str("app.yaml", &text, &LoadOptions::default());
            let inputs = Inputs::from_report(&report);
            let (_, app) = report.apps().next().expect("an application");
            let planned = plan(app, &inputs, &observed).expect("plans");
            planned.ready().count()
        })
    });
    group.finish();
}

criterion_group!(benches, embedder);
criterion_main!(benches);
