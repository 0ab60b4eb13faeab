//! Typed loading of a generated v1alpha2 stream against the baseline measured in the same run:
//! parsing the same bytes into an untyped tree (`serde_json::Value`) with the same YAML parser.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use oam_benches::{tiny_documents, untyped_options, v1alpha2_json_stream, v1alpha2_stream};
use oam_model::{LoadOptions, load_str};

fn yaml(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_yaml");
    group.sample_size(10);
    for n in [10usize, 1_000, 10_000] {
        let text = v1alpha2_stream(n);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("untyped_tree", n), &text, |b, text| {
            b.iter(|| {
                let trees: Vec<serde_json::Value> =
                    serde_saphyr::from_multiple_with_options(text, untyped_options(text.len()))
                        .expect("parses");
                assert_eq!(trees.len(), n + 1);
                trees
            });
        });
        group.bench_with_input(BenchmarkId::new("typed", n), &text, |b, text| {
            b.iter(|| {
                let report = load_str("bench.yaml", text, &LoadOptions::default());
                assert!(report.is_ok() && report.documents.len() == n + 1);
                report
            });
        });
    }
    group.finish();
}

fn json(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_json");
    group.sample_size(10);
    let n = 10_000;
    let text = v1alpha2_json_stream(n);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function(BenchmarkId::new("untyped_tree", n), |b| {
        b.iter(|| {
            serde_json::Deserializer::from_str(&text)
                .into_iter::<serde_json::Value>()
                .collect::<Result<Vec<_>, _>>()
                .expect("parses")
        });
    });
    group.bench_function(BenchmarkId::new("typed", n), |b| {
        b.iter(|| {
            let report = load_str("bench.json", &text, &LoadOptions::default());
            assert!(report.is_ok() && report.documents.len() == n + 1);
            report
        });
    });
    group.finish();
}

/// Many tiny documents: per-document work must not scan the whole source (it did, twice, and
/// 100,000 ConfigMaps took 29 s). 10x the documents should cost about 10x, typed as untyped.
fn tiny(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_tiny_documents");
    group.sample_size(10);
    for (n, tagged) in [
        (10_000usize, false),
        (100_000, false),
        (10_000, true),
        (100_000, true),
    ] {
        let text = tiny_documents(n, tagged);
        let id = |what: &str| {
            BenchmarkId::new(
                if tagged {
                    format!("{what}_tagged")
                } else {
                    what.to_owned()
                },
                n,
            )
        };
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(id("untyped_tree"), &text, |b, text| {
            b.iter(|| {
                let trees: Vec<serde_json::Value> =
                    serde_saphyr::from_multiple_with_options(text, untyped_options(text.len()))
                        .expect("parses");
                assert_eq!(trees.len(), n);
                trees
            });
        });
        group.bench_with_input(id("typed"), &text, |b, text| {
            b.iter(|| {
                let report = load_str("bench.yaml", text, &LoadOptions::default());
                assert!(report.is_ok() && report.documents.len() == n);
                report
            });
        });
    }
    group.finish();
}

criterion_group!(benches, yaml, json, tiny);
criterion_main!(benches);
