//! Hashing a 10,000-component application against the baselines measured in the same run:
//! SHA-256 alone over the same canonical bytes, and serde_json's writer over the same documents.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use oam_benches::v1alpha2_stream;
use oam_model::revision::{RevisionHash, app_hash, canonical_json};
use oam_model::{App, Document, Inputs, LoadOptions, V1alpha2, load_str};
use sha2::{Digest, Sha256};

fn hashing(c: &mut Criterion) {
    let report = load_str(
        "bench.yaml",
        &v1alpha2_stream(10_000),
        &LoadOptions::default(),
    );
    let documents: Vec<Document> = report.documents.into_iter().map(|d| d.value).collect();
    let inputs = Inputs::from_documents(&documents);
    let app = documents
        .iter()
        .find_map(|d| match d {
            Document::V1alpha2(V1alpha2::ApplicationConfiguration(a)) => Some(a),
            _ => None,
        })
        .expect("the stream ends with an ApplicationConfiguration");
    // The bytes the application hash covers: its spec and the hashes of its 10,000 components.
    let spec = serde_json::to_value(&app.spec).expect("serialisable");
    let canonical = canonical_json(&spec);

    let mut group = c.benchmark_group("revision_hash");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(canonical.len() as u64));
    group.bench_function("sha256_of_canonical_bytes", |b| {
        b.iter(|| hex::encode(Sha256::digest(canonical.as_bytes())))
    });
    // A reference point, not a target: serde_json's own (non-canonical) writer over the same tree.
    group.bench_function("serde_json_to_string_reference", |b| {
        b.iter(|| serde_json::to_string(&spec))
    });
    group.bench_function("canonicalise_and_hash_spec", |b| {
        b.iter(|| RevisionHash::of_value(&spec))
    });
    group.bench_function("application_configuration_hash_10000", |b| {
        b.iter(|| app_hash(App::Configuration(app), &inputs))
    });
    // The baseline of the whole application hash: serde_json's own writer over the same
    // documents (the 10,000 Components and the ApplicationConfiguration), as typed.
    group.bench_function("serde_json_to_string_of_the_documents", |b| {
        b.iter(|| serde_json::to_string(&documents))
    });
    group.finish();
}

criterion_group!(benches, hashing);
criterion_main!(benches);
