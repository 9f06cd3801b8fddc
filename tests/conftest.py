"""Shared fixtures: the seeds brief is built once per test session, with the real models."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"
SEEDS_DATE = "2017-12-20"


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the user's cache, so a stale entry cannot hide a defect."""
    os.environ["BRIEFGEN_CACHE"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The shipped spaCy pipeline, loaded once for every test that parses a short text."""
    from briefgen.nlp.parse import load_spacy

    return load_spacy()


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """`briefgen build seeds/ --date 2017-12-20` through the CLI, once; its outputs and log."""
    from click.testing import CliRunner

    from briefgen.cli import cli

    out = tmp_path_factory.mktemp("brief")
    result = CliRunner().invoke(
        cli, ["build", str(SEEDS), "--date", SEEDS_DATE, "-o", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    pdf = out / f"korea-brief-{SEEDS_DATE}.pdf"
    html = out / f"korea-brief-{SEEDS_DATE}.html"
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return {
        "out": out,
        "pdf": pdf,
        "html": html,
        "html_text": html.read_text(encoding="utf-8"),
        "pdf_text": text,
        "reader": reader,
        "output": result.output,
    }


@pytest.fixture(scope="session")
def seeds_brief_json() -> str:
    """The seeds Brief from a fresh library run (as `make golden` builds it), as stored JSON."""
    from tests.regen_golden import brief_json, seeds_brief

    return brief_json(seeds_brief())
