#!/usr/bin/env bash
# Builds the seed corpora (fuzz/corpus/<target>/, not committed) from the repository's own
# documents: the example apps and mistakes, the validation fixtures, and small hand-made seeds.
set -euo pipefail
cd "$(dirname "$0")"
root=..
documents=$(find "$root/examples" "$root/crates/oam-validate/tests/fixtures" -name '*.yaml' | sort)
for target in load_yaml validate plan; do
  mkdir -p "corpus/$target"
  for f in $documents; do cp "$f" "corpus/$target/$(echo "$f" | tr '/.' '__')"; done
done
mkdir -p corpus/load_json corpus/canonical_json corpus/field_path
for f in $documents; do
  python3 - "$f" "corpus/load_json/$(basename "$f").json" <<'PY'
import json, sys
try:
    import yaml  # PyYAML, when present; otherwise the JSON seeds below suffice
except ImportError:
    sys.exit(0)
try:
    docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d is not None]
except Exception:
    sys.exit(0)
with open(sys.argv[2], "w") as out:
    out.write("\n".join(json.dumps(d) for d in docs))
PY
done
printf '{"apiVersion":"core.oam.dev/v1beta1","kind":"Application","metadata":{"name":"a"},"spec":{"components":[{"name":"w","type":"webservice","properties":{"image":"a","n":-0}}]}}' > corpus/load_json/seed-app.json
printf '{"a":[1,2.5,-0,1e300,"\\u00e9",null,true,{"b":{}}],"\\ud83d\\ude00":1}' > corpus/canonical_json/seed-mixed.json
printf '[0.1,1e21,1e-7,123456789012345678,-1.5e-300]' > corpus/canonical_json/seed-numbers.json
printf 'spec.containers[0].image\n{"spec":{"containers":[{"image":"a"}]}}' > corpus/field_path/seed-get.txt
printf 'metadata.labels["app.oam.dev/name"]\n{}' > corpus/field_path/seed-quoted.txt
printf 'a[1025].b\n{"a":[]}' > corpus/field_path/seed-padding.txt
