#!/usr/bin/env python3
"""Recompute the revision-hash vectors with Python's standard library alone.

Proves docs/revision-hash.md is enough to reproduce oam-rs hashes in another language.
Usage: check_vectors.py crates/oam-model/tests/vectors/revisions.json
"""
import decimal
import hashlib
import json
import sys


def es_number(f: float) -> str:
    """ECMAScript Number.prototype.toString of a finite double."""
    if f == 0:
        return "0"
    if f < 0:
        return "-" + es_number(-f)
    sign, digits, exponent = decimal.Decimal(repr(f)).normalize().as_tuple()
    s = "".join(map(str, digits))
    k = len(s)
    n = exponent + k
    if k <= n <= 21:
        return s + "0" * (n - k)
    if 0 < n <= 21:
        return s[:n] + "." + s[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + s
    e = n - 1
    return (s[0] + ("." + s[1:] if k > 1 else "")) + "e" + ("+" if e >= 0 else "-") + str(abs(e))


def canonical(v) -> str:
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        # Integers within 64 bits are written verbatim; larger ones are doubles, as in oam-rs.
        return str(v) if -(2**63) <= v <= 2**64 - 1 else es_number(float(v))
    if isinstance(v, float):
        return es_number(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ",".join(canonical(x) for x in v) + "]"
    if isinstance(v, dict):
        keys = sorted(v, key=lambda key: key.encode("utf-16-be"))
        return "{" + ",".join(json.dumps(key, ensure_ascii=False) + ":" + canonical(v[key]) for key in keys) + "}"
    raise TypeError(type(v))


def main() -> int:
    vectors = json.load(open(sys.argv[1], encoding="utf-8"))["vectors"]
    failed = 0
    for vec in vectors:
        subject = vec["input"] if vec["kind"] == "value" else vec["input"]["spec"]
        text = canonical(subject)
        digest = "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
        if text != vec["canonical"] or digest != vec["hash"]:
            failed += 1
            print(f"FAIL {vec['name']}:\n  got  {text}\n  want {vec['canonical']}", file=sys.stderr)
    print(f"{len(vectors) - failed} passed, {failed} failed")
    return 1 if failed or len(vectors) < 20 else 0


if __name__ == "__main__":
    sys.exit(main())
