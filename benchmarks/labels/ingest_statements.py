"""Turn single-statement labels (GUIDE-statements.md) into an offset-only gold file.

    .venv/bin/python benchmarks/labels/ingest_statements.py STATEMENT_DIR NAME

STATEMENT_DIR holds manifest.jsonl (item -> source key and the sentence's raw offsets,
written by statements.py) and labels/batch-*.json.  Items the annotator judged not to be
statements are left out.  Training data only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gold import GoldQuote, raw_text, save_gold, span_hash  # noqa: E402


def main() -> int:
    folder, name = Path(sys.argv[1]), sys.argv[2]
    where = {}
    for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        m = json.loads(line)
        where[m["item"]] = (m["key"], m["raw"])
    out = []
    skipped = 0
    for f in sorted((folder / "labels").glob("batch-*.json")):
        for it in json.loads(f.read_text(encoding="utf-8"))["items"]:
            key, raw = where[it["item"]]
            if not it.get("statement") or raw is None:
                skipped += 1
                continue
            s, e = raw
            out.append(
                GoldQuote(
                    key=key,
                    start=s,
                    end=e,
                    hash=span_hash(raw_text(key)[s:e]),
                    kind="indirect",
                    speaker=it.get("speaker"),
                    speaker_type="unknown",
                    speaker_group="unknown",
                    country=it.get("country"),
                    earlier=False,
                    cue=None,
                    positions=[
                        {"issue": p["issue"], "stance": int(p["stance"])}
                        for p in it.get("positions", [])
                    ],
                    packet=it["item"],
                )
            )
    n = save_gold(name, out)
    print(
        f"{name}: {n} statements, {sum(len(q.positions) for q in out)} positions; {skipped} items left out"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
