"""Settings: the file is read, unknown keys are refused, CLI values override only when given."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.config import load_settings, override
from briefgen.errors import ConfigError


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    s = load_settings()
    assert s.brief.paper == "A4" and s.brief.formats == ["pdf", "html"] and s.config_path is None


def test_file_values_and_lists(tmp_path: Path) -> None:
    cfg = tmp_path / "briefgen.toml"
    cfg.write_text(
        '[brief]\ntitle = "Weekly Korea Brief"\npaper = "Letter"\n'
        "[corpus]\nrelevance_threshold = 0.5\n"
        '[email]\nsender = "brief@x.org"\n[email.lists]\nstaff = ["a@x.org", "b@x.org"]\n'
    )
    s = load_settings(cfg)
    assert s.brief.title == "Weekly Korea Brief" and s.brief.paper == "Letter"
    assert s.corpus.relevance_threshold == 0.5
    assert s.email.lists == {"staff": ["a@x.org", "b@x.org"]}


def test_cli_overrides_only_when_given(tmp_path: Path) -> None:
    cfg = tmp_path / "briefgen.toml"
    cfg.write_text('[brief]\ntitle = "From file"\npaper = "Letter"\n')
    s = load_settings(cfg)
    b = override(s.brief, title=None, paper="A4")
    assert b.title == "From file" and b.paper == "A4"


@pytest.mark.parametrize(
    "text,fragment",
    [
        ("[brief\n", "not valid TOML"),
        ("[brif]\nx=1\n", "unknown section"),
        ("[email]\nhost='x'\n", "email.host"),
    ],
)
def test_bad_files_say_what_to_fix(tmp_path: Path, text: str, fragment: str) -> None:
    cfg = tmp_path / "briefgen.toml"
    cfg.write_text(text)
    with pytest.raises(ConfigError, match=fragment):
        load_settings(cfg)


def test_missing_file_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml")


def test_knowledge_files_read_alike_by_libyaml_and_pure_python() -> None:
    """parse_yaml reads with libyaml's parser: every packaged knowledge file gives the
    same data as PyYAML's pure-Python safe loader, and a syntax error still names its line."""
    import yaml

    from briefgen.knowledge.datafiles import parse_yaml

    data = Path(__file__).resolve().parents[1] / "briefgen" / "data"
    files = sorted(data.glob("*.yaml"))
    assert len(files) >= 10
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert parse_yaml(text, f.name, "s") == yaml.safe_load(text), f.name
    with pytest.raises(ConfigError, match=r"x\.yaml line 2 is not valid YAML"):
        parse_yaml("a: [1, 2\nb: 3\n", "x.yaml", "s")
