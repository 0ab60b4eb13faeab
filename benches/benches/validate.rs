//! The whole `oam validate` pipeline (load, then every check with the standard catalog) on a
//! generated application, against the baseline measured in the same run: loading it alone.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use oam_benches::v1alpha2_stream;
use oam_model::{LoadOptions, load_str};

fn validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("validate");
    group.sample_size(10);
    for n in [1_000usize, 10_000] {
        let text = v1alpha2_stream(n);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("load", n), &text, |b, text| {
            b.iter(|| {
                let report = load_str("bench.yaml", text, &LoadOptions::default());
                assert!(report.is_ok());
                report
            });
        });
        group.bench_with_input(
            BenchmarkId::new("load_and_validate", n),
            &text,
            |b, text| {
                b.iter(|| {
                    let report = load_str("bench.yaml", text, &LoadOptions::default());
                    let findings =
                        oam_validate::validate(&report, &oam_validate::Options::default());
                    assert!(findings.is_empty(), "{:?}", findings.first());
                    findings
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, validate);
criterion_main!(benches);
