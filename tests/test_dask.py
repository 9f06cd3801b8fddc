"""The Dask path: a real LocalCluster of two worker processes reads, parses and analyses,
and the store and the brief come out exactly as on the local path."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from briefgen.config import Settings
from briefgen.ingest import ingest
from briefgen.periods import resolve_period
from briefgen.pipeline import build
from tests.conftest import SEEDS

distributed = pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")

DAY = date(2017, 12, 20)


def _settings(tmp: Path, name: str) -> Settings:
    s = Settings(cache_dir=tmp / f"cache-{name}")
    s.brief = replace(s.brief, output_dir=str(tmp / f"out-{name}"))
    s.store = replace(s.store, path=str(tmp / f"store-{name}"), workers=1)
    return s


def _rows(store_dir: Path) -> dict[str, list[tuple[object, ...]]]:
    db = sqlite3.connect(store_dir / "briefgen-store.sqlite")
    try:
        return {
            "files": db.execute(
                "SELECT path, digest, error, problems, empty FROM files ORDER BY seq"
            ).fetchall(),
            "file_articles": db.execute(
                "SELECT * FROM file_articles ORDER BY path, idx"
            ).fetchall(),
            "articles": db.execute(
                "SELECT hash, record, signature FROM articles ORDER BY hash"
            ).fetchall(),
            "derived": db.execute(
                "SELECT key, kind, version, data FROM derived ORDER BY kind, key"
            ).fetchall(),
        }
    finally:
        db.close()


def test_dask_path_equals_the_local_path(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    local = _settings(tmp_path, "local")
    on_dask = _settings(tmp_path, "dask")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        rep = ingest(on_dask, [corpus], client=client)
        assert rep.files_new == len(list(corpus.iterdir())) and rep.analysed >= 4
        # both workers did some of the work
        assert len(client.scheduler_info()["workers"]) == 2
        dask_brief = build(on_dask, DAY, resolve_period(DAY), client=client)
    ingest(local, [corpus])
    local_brief = build(local, DAY, resolve_period(DAY))
    a, b = _rows(tmp_path / "store-dask"), _rows(tmp_path / "store-local")
    for table in a:
        assert a[table] == b[table], f"{table} differs between the Dask and the local path"
    assert a["derived"], "nothing was parsed or analysed"
    for p, q in zip(dask_brief.paths, local_brief.paths, strict=True):
        assert p.read_bytes() == q.read_bytes(), f"{p.name} differs"
