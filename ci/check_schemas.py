#!/usr/bin/env python3
"""Validate the conformance corpus against the JSON Schemas exported by `oam schema`.

Proves that another language can use the schemas: every document that the corpus marks valid
and that oam-rs types must be accepted, and a copy with a wrong type must be rejected.
Usage: check_schemas.py SCHEMA_DIR [CONFORMANCE_DIR]

The corpus is CONFORMANCE_DIR, else $OAM_CONFORMANCE_DIR, else ../shared/conformance beside the
repository. Where it is absent the check says so and passes, unless OAM_REQUIRE_CONFORMANCE=1
(as in CI), which makes it fail.
"""
import copy
import csv
import json
import os
import pathlib
import sys

import jsonschema
from ruamel.yaml import YAML  # YAML 1.2, like oam-rs (PyYAML would read `yes` as a boolean)


def corpus_dir() -> pathlib.Path:
    if len(sys.argv) > 2:
        return pathlib.Path(sys.argv[2])
    if os.environ.get("OAM_CONFORMANCE_DIR"):
        return pathlib.Path(os.environ["OAM_CONFORMANCE_DIR"])
    return pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "conformance"


def main() -> int:
    schema_dir, corpus = pathlib.Path(sys.argv[1]), corpus_dir()
    if not (corpus / "MANIFEST.tsv").is_file():
        if os.environ.get("OAM_REQUIRE_CONFORMANCE") == "1":
            print(f"the conformance corpus is required (OAM_REQUIRE_CONFORMANCE=1) but {corpus} has no MANIFEST.tsv", file=sys.stderr)
            return 1
        print(f"note: schema check skipped: no conformance corpus at {corpus} (set OAM_CONFORMANCE_DIR)")
        return 0
    index = json.loads((schema_dir / "index.json").read_text())
    validators = {}
    for entry in index["schemas"]:
        schema = json.loads((schema_dir / entry["file"]).read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[(entry["apiVersion"], entry["kind"])] = jsonschema.Draft202012Validator(schema)

    with open(corpus / "MANIFEST.tsv", newline="") as f:
        plain = {row["file"] for row in csv.DictReader(f, delimiter="\t") if row["plain_yaml"] == "yes"}
    with open(corpus / "DOCUMENTS.tsv", newline="") as f:
        wanted = {}
        for row in csv.DictReader(f, delimiter="\t"):
            if row["expect"] == "valid" and row["file"] in plain:
                wanted.setdefault(row["file"], set()).add((row["apiVersion"], row["kind"]))

    yaml = YAML(typ="safe", pure=True)
    accepted = rejected = 0
    failures = []
    for file, kinds in sorted(wanted.items()):
        for doc in yaml.load_all((corpus / file).read_text()):
            if not isinstance(doc, dict):
                continue
            key = (doc.get("apiVersion"), doc.get("kind"))
            if key not in kinds or key not in validators:
                continue
            errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validators[key].iter_errors(doc)]
            if errors:
                failures.append(f"{file}: {key}: {errors}")
                continue
            accepted += 1
            broken = copy.deepcopy(doc)
            broken["spec"] = "not an object"
            if validators[key].is_valid(broken):
                failures.append(f"{file}: {key}: a string spec was accepted")
            else:
                rejected += 1
    print(f"{accepted} passed, {len(failures)} failed")
    for failure in failures:
        print(failure, file=sys.stderr)
    if accepted < 150 or rejected != accepted:
        print(f"too few documents checked ({accepted}) or not all rejected when broken ({rejected})", file=sys.stderr)
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
