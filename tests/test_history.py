"""The brief history: stored in the real SQLite store, listed by `briefgen history`, and
compared with by the next brief (or the one named by --compare-to)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import cli
from briefgen.model import Development, PeriodRecord, Position
from briefgen.store import history, open_store


def _record(label: str, start: date, end: date, text: str) -> PeriodRecord:
    return PeriodRecord(
        label=label,
        start=start,
        end=end,
        developments=[Development(text=text, kind="missile_launch", actor="PRK")],
        positions=[Position("PRK", "country", "talks", -1, "rejects talks", "PRK")],
    )


def test_history_keeps_one_brief_per_period_and_finds_the_last(tmp_path: Path) -> None:
    with open_store(tmp_path / "store.sqlite") as store:
        history.save(store, _record("2017-W41", date(2017, 10, 9), date(2017, 10, 15), "a"))
        history.save(store, _record("2017-W42", date(2017, 10, 16), date(2017, 10, 22), "b"))
        # A rebuild of a period replaces its brief.
        history.save(store, _record("2017-W42", date(2017, 10, 16), date(2017, 10, 22), "c"))
        listed = history.stored_briefs(store)
        assert [b.label for b in listed] == ["2017-W42", "2017-W41"]
        assert listed[0].headline == "c" and listed[0].developments == 1
        last = history.last_before(store, date(2017, 10, 23))
        assert last is not None and last.label == "2017-W42" and last.built
        assert last.positions[0].label == "rejects talks"
        # Long ago is not "the last brief".
        assert history.last_before(store, date(2018, 3, 1)) is None
        loaded = history.load(store, "2017-W41")
        assert loaded is not None and loaded.developments[0].text == "a"
        assert history.load(store, "2017-W40") is None


def _write(folder: Path, name: str, day: str, title: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.md").write_text(
        f"---\ntitle: {title}\ndate: {day}\nsource: Reuters\n---\n\n{body}\n", encoding="utf-8"
    )


@pytest.fixture(scope="module")
def two_weeks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("weeks")
    _write(
        root,
        "w42a",
        "2017-10-17",
        "Moon backs talks with the North",
        "South Korean President Moon Jae-in said on Tuesday that talks with North Korea were "
        "the only way to end the nuclear crisis.\n\nNorth Korea fired a ballistic missile "
        "into the sea on Monday, the South Korean military said.",
    )
    _write(
        root,
        "w43a",
        "2017-10-24",
        "North Korea fires missile over Japan",
        "North Korea fired a ballistic missile over Japan on Tuesday, the South Korean "
        "military said.\n\nJapan's Prime Minister Shinzo Abe called the launch an "
        "unprecedented threat and said Tokyo would push for new sanctions.",
    )
    return root


def _build(root: Path, store: Path, week: str, *extra: str) -> str:
    out = store.parent / f"out-{week}"
    result = CliRunner().invoke(
        cli,
        ["build", str(root), "--week", week, "--store", str(store), "--format", "html"]
        + ["-o", str(out), "-q", *extra],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return next(out.glob("*.html")).read_text(encoding="utf-8")


def test_build_stores_its_brief_and_the_next_says_what_changed(
    two_weeks: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store.sqlite"
    first = _build(two_weeks, store, "2017-W42")
    assert "What changed since the last brief" not in first or "no stored brief" in first
    second = _build(two_weeks, store, "2017-W43")
    assert "What changed since the last brief" in second
    assert "Compared with the brief for 16–22 October 2017" in second
    listed = CliRunner().invoke(cli, ["history", "--store", str(store), "--format", "json"])
    assert listed.exit_code == 0, listed.output
    assert '"label": "2017-W43"' in listed.output and '"label": "2017-W42"' in listed.output


def test_compare_to_names_the_brief_compared_with(two_weeks: Path, tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    _build(two_weeks, store, "2017-W42")
    # Another period named: not the last stored brief (W41 has neither brief nor articles).
    other = _build(two_weeks, store, "2017-W43", "--compare-to", "2017-W41")
    assert "Compared with the brief for 16–22 October 2017" not in other
    named = _build(two_weeks, store, "2017-W43", "--compare-to", "2017-W42")
    assert "Compared with the brief for 16–22 October 2017" in named


def test_compare_to_refuses_what_is_not_a_period(two_weeks: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["build", str(two_weeks), "--week", "2017-W43", "--compare-to", "last tuesday"],
    )
    assert result.exit_code == 2
    assert "briefgen history" in result.output


def test_a_development_is_told_to_its_sentence_end_not_to_an_abbreviation() -> None:
    """'What changed' cut 'North Korea, in an apparent show of defiance against U.S.' and
    'Mr.' at the period of the abbreviation, so a reader got half a line and the two
    periods' reports of one launch failed to match."""
    from briefgen.book.sentences import first_sentence

    text = (
        "North Korea, in an apparent show of defiance against U.S. President Donald Trump, "
        "tried to test a missile early Sunday. It failed."
    )
    assert first_sentence(text).endswith("tried to test a missile early Sunday.")
    assert first_sentence("Mr. Moon met Mr. Kim on Friday. Both smiled.") == (
        "Mr. Moon met Mr. Kim on Friday."
    )
    assert first_sentence("No end here") == "No end here"
