//! The YAML parsers on crates.io that are maintained, on oam-rs's inputs: each parses the same
//! bytes into its own tree (serde-saphyr and serde_norway into `serde_json::Value`, the tree
//! oam-rs types from; yaml-rust2 and saphyr into their own `Yaml` values). Inputs: the
//! 10,000-component stream, a typical 5 KB Application, and a definition with a 17 KB CUE block
//! scalar. benches/README.md has the results and what each parser gives besides speed.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use oam_benches::{cue_definition, typical_application, untyped_options, v1alpha2_stream};
use serde::Deserialize as _;

fn serde_saphyr(text: &str) -> usize {
    let trees: Vec<serde_json::Value> =
        serde_saphyr::from_multiple_with_options(text, untyped_options(text.len()))
            .expect("parses");
    trees.len()
}

fn serde_norway(text: &str) -> usize {
    let mut trees = Vec::new();
    for doc in serde_norway::Deserializer::from_str(text) {
        trees.push(serde_json::Value::deserialize(doc).expect("parses"));
    }
    trees.len()
}

fn yaml_rust2(text: &str) -> usize {
    yaml_rust2::YamlLoader::load_from_str(text)
        .expect("parses")
        .len()
}

fn saphyr(text: &str) -> usize {
    use saphyr::LoadableYamlNode as _;
    saphyr::Yaml::load_from_str(text).expect("parses").len()
}

/// saphyr, then its tree turned into the `serde_json::Value` oam-rs types from: the fair
/// comparison with the serde parsers.
fn saphyr_to_json(text: &str) -> usize {
    use saphyr::LoadableYamlNode as _;
    fn json(node: saphyr::Yaml<'_>) -> serde_json::Value {
        use saphyr::{Scalar, Yaml};
        use serde_json::Value;
        match node {
            Yaml::Value(Scalar::Null) => Value::Null,
            Yaml::Value(Scalar::Boolean(b)) => Value::Bool(b),
            Yaml::Value(Scalar::Integer(i)) => Value::from(i),
            Yaml::Value(Scalar::FloatingPoint(f)) => Value::from(f.into_inner()),
            Yaml::Value(Scalar::String(s)) => Value::String(s.into_owned()),
            Yaml::Representation(s, ..) => Value::String(s.into_owned()),
            Yaml::Sequence(items) => Value::Array(items.into_iter().map(json).collect()),
            Yaml::Mapping(map) => Value::Object(
                map.into_iter()
                    .map(|(k, v)| {
                        let key = match json(k) {
                            Value::String(s) => s,
                            other => other.to_string(),
                        };
                        (key, json(v))
                    })
                    .collect(),
            ),
            Yaml::Tagged(_, inner) => json(*inner),
            Yaml::Alias(_) | Yaml::BadValue => Value::Null,
        }
    }
    let docs = saphyr::Yaml::load_from_str(text).expect("parses");
    docs.into_iter().map(json).filter(|v| !v.is_null()).count()
}

/// A parser under test: the number of documents it found.
type Parse = fn(&str) -> usize;

fn parsers(c: &mut Criterion) {
    let inputs = [
        ("stream_10000", v1alpha2_stream(10_000)),
        ("application_5kb", typical_application()),
        ("cue_definition", cue_definition(280)),
    ];
    let parsers: [(&str, Parse); 5] = [
        ("serde-saphyr", serde_saphyr),
        ("serde_norway", serde_norway),
        ("yaml-rust2", yaml_rust2),
        ("saphyr", saphyr),
        ("saphyr_to_json", saphyr_to_json),
    ];
    for (input, text) in &inputs {
        let mut group = c.benchmark_group(format!("parse_{input}"));
        if text.len() > 1 << 20 {
            group.sample_size(10);
        }
        group.throughput(Throughput::Bytes(text.len() as u64));
        let expected = serde_saphyr(text);
        for (name, parse) in parsers {
            assert_eq!(
                parse(text),
                expected,
                "{name} finds another number of documents"
            );
            group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
                b.iter(|| parse(text))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, parsers);
criterion_main!(benches);
