#!/usr/bin/env python3
"""The scripted alternative to `oam validate` that a platform team would write, for comparison.

PyYAML's C loader reads the stream, `jsonschema` (Draft 4) checks every document against the
openAPIV3Schema of its kind in the upstream oam-kubernetes-runtime CRDs, `graphlib` orders each
ApplicationConfiguration's components by their data dependencies, and `hashlib` takes the
SHA-256 of every document's sorted-key JSON. It prints what it found and exits 1 on a finding.

Usage: pipeline.py STREAM.yaml [CRD_DIR]
CRD_DIR defaults to crds/oam-kubernetes-runtime/charts/oam-kubernetes-runtime/crds under the
conformance corpus ($OAM_CONFORMANCE_DIR, else ../shared/conformance beside the repository).
Needs PyYAML built with libyaml and jsonschema (pip install pyyaml jsonschema).
"""
import graphlib
import hashlib
import json
import os
import pathlib
import sys

import jsonschema
import yaml


def crd_dir() -> pathlib.Path:
    if len(sys.argv) > 2:
        return pathlib.Path(sys.argv[2])
    corpus = os.environ.get("OAM_CONFORMANCE_DIR") or str(
        pathlib.Path(__file__).resolve().parents[3] / "shared" / "conformance"
    )
    return pathlib.Path(corpus) / "crds/oam-kubernetes-runtime/charts/oam-kubernetes-runtime/crds"


def validators(directory: pathlib.Path) -> dict:
    """A Draft 4 validator per (apiVersion, kind) served by the CRDs in `directory`."""
    out = {}
    for path in sorted(directory.glob("*.yaml")):
        with open(path, encoding="utf-8") as f:
            for crd in yaml.load_all(f, Loader=yaml.CSafeLoader):
                if not crd or crd.get("kind") != "CustomResourceDefinition":
                    continue
                spec = crd["spec"]
                group, kind = spec["group"], spec["names"]["kind"]
                for version in spec.get("versions", []):
                    schema = (version.get("schema") or {}).get("openAPIV3Schema") or spec.get(
                        "validation", {}
                    ).get("openAPIV3Schema")
                    if schema:
                        out[(f"{group}/{version['name']}", kind)] = jsonschema.Draft4Validator(schema)
    return out


def main() -> int:
    if not yaml.__with_libyaml__:
        print("PyYAML without libyaml: the C loader is what this pipeline measures", file=sys.stderr)
        return 2
    checks = validators(crd_dir())
    if not checks:
        print(f"no CRD schemas under {crd_dir()}", file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        docs = [d for d in yaml.load_all(f, Loader=yaml.CSafeLoader) if d]
    findings = 0
    hashes = []
    for i, doc in enumerate(docs):
        validator = checks.get((doc.get("apiVersion"), doc.get("kind")))
        if validator is not None:
            for error in validator.iter_errors(doc):
                findings += 1
                print(f"document {i}: {'.'.join(map(str, error.path))}: {error.message}")
        canonical = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        hashes.append(hashlib.sha256(canonical.encode()).hexdigest())
        if doc.get("kind") == "ApplicationConfiguration":
            outputs = {}
            for c in doc["spec"].get("components", []):
                for o in c.get("dataOutputs", []):
                    outputs[o["name"]] = c["componentName"]
            order = graphlib.TopologicalSorter()
            for c in doc["spec"].get("components", []):
                needs = [
                    outputs[i["valueFrom"]["dataOutputName"]]
                    for i in c.get("dataInputs", [])
                    if i.get("valueFrom", {}).get("dataOutputName") in outputs
                ]
                order.add(c["componentName"], *needs)
            try:
                waves = list(order.static_order())
            except graphlib.CycleError as e:
                findings += 1
                print(f"document {i}: dependency cycle: {e.args[1]}")
                waves = []
            print(f"{doc['metadata']['name']}: {len(waves)} components in order")
    print(f"checked {len(docs)} documents: {findings} findings, {len(hashes)} hashes")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
