"""The desk's corrections: every kind applied to a small corpus, surviving a new version of
its articles; stale entries reported; bad entries refused in one line.  Real pipeline,
real models, real files."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefgen.config import Settings, load_settings
from briefgen.corrections import CorrectionError, desk_for, load_corrections
from briefgen.corrections.match import ArticleIndex, find_quote, norm_url, text_similarity
from briefgen.corrections.schema import ArticleRef, parse_corrections
from briefgen.model import Article, Quote
from briefgen.periods import resolve_period
from briefgen.pipeline import BuildResult, build
from briefgen.progress import Reporter

from . import corrections_corpus as cc

AS_OF = date(2017, 9, 24)


class Notes(Reporter):
    def __init__(self) -> None:
        self.steps: list[str] = []
        self.warnings: list[str] = []

    def step(self, message: str) -> None:
        self.steps.append(message)

    def warn(self, message: str) -> None:
        self.warnings.append(message)


def run_build(
    corpus: Path, out: Path, corrections: list[Path] | None, formats: tuple[str, ...] = ("html",)
) -> tuple[BuildResult, Notes]:
    s = Settings()
    s.brief = replace(s.brief, output_dir=str(out), formats=list(formats))
    s.corrections.files = [str(p) for p in corrections or []]
    notes = Notes()
    period = resolve_period(AS_OF, week=cc.WEEK)
    return build(s, AS_OF, period, reporter=notes, paths=[corpus]), notes


# The article corrections: the baseline the other entries are picked from has them too
# (what the bottom line and keyphrases are depends on which articles are in).
ARTICLE_ENTRIES: list[dict[str, Any]] = [
    {
        "do": "set-article",
        "article": {
            "url": "https://news.example.org/world/tillerson-talks",
            "title": "Tillerson says US ready to talk with North Korea",
        },
        "date": "2017-09-18",
        "outlet": "Reuters",
    },
    {
        "do": "set-article",
        "article": {
            "title": '=HYPERLINK("http://evil.example") South Korea weighs new sanctions on Pyongyang',
            "path": "feed.jsonl",
        },
        "relevance": "low",
    },
    {
        "do": "drop-article",
        "article": "https://post.example.net/nk-missile",
        "reason": "duplicate",
    },
]


@dataclass
class World:
    """The baseline (article corrections only) of version 1, the corrections written against it, and
    the corrected builds of both versions."""

    baseline: BuildResult
    corrections: Path
    v1: tuple[BuildResult, Notes]
    v2: tuple[BuildResult, Notes]
    flip: tuple[str, str, int]  # (actor name, issue, stance before)
    removed_issue: str  # Donald Trump's position on it is removed
    banned_bluf: str
    keyphrases: tuple[str, str]  # (banned, renamed)
    corpus: Path  # the feed file (version 2 at the end)


def _position(result: BuildResult, holder_name: str, issue: str) -> Any:
    assert result.analysis is not None
    att = result.analysis.attribution
    ids = {a.actor_id for a in att.actors if a.name == holder_name}
    return next((p for p in att.positions if p.holder in ids and p.issue == issue), None)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("corr")
    feed = cc.write(root / "corpus", 1)
    base_file = root / "articles.yaml"
    base_file.write_text(yaml.safe_dump(ARTICLE_ENTRIES, sort_keys=False), encoding="utf-8")
    base, _ = run_build(feed, root / "base", [base_file])
    att = base.analysis.attribution  # type: ignore[union-attr]
    names = {a.actor_id: a.name for a in att.actors}
    touched = {"Donald Trump", "Ri Yong Ho", "Moon Jae", "a senior State Department official"}
    # a position the extraction found, of an actor no other entry changes, to flip
    flip = next(
        p
        for p in att.positions
        if p.holder_kind == "actor" and names.get(p.holder, "Donald Trump") not in touched
    )
    trump = next(
        p
        for p in att.positions
        if p.holder_kind == "actor" and names.get(p.holder) == "Donald Trump"
    )
    # a bottom-line item and keyphrases of the two articles that stay in the sections
    kept = {a.article_id for a in base.brief.articles if not a.title.startswith("=")}
    first_source = {s.number: s.article_id for s in base.brief.sources}
    banned = next(
        s.text
        for s in base.brief.bluf
        if "Victor Cha" not in s.text and s.cites and first_source[s.cites[0]] in kept
    )
    kps = [k.phrase for k in base.analysis.keyphrases["corpus"] if set(k.article_ids) <= kept]  # type: ignore[union-attr]
    ban_kp, rename_kp = kps[0], kps[1]
    entries = [
        {
            "do": "set-quote",
            "article": {"url": "http://news.example.org/world/tillerson-talks/"},
            "quote": cc.CHANNELS,
            "speaker": "Joseph Yun",
            "country": "USA",
            "reason": "Yun is the official, per the desk",
        },
        {
            "do": "drop-quote",
            "article": "Japan calls for maximum pressure on North Korea",
            "quote": "Sanctions take years to bite, and Pyongyang is moving much faster",
        },
        {"do": "add-alias", "actor": "Moon Jae-in", "alias": "Moon Jae"},
        {
            "do": "merge-actors",
            "actor": "Rex Tillerson",
            "merge": ["a senior State Department official"],
        },
        {
            "do": "set-actor",
            "actor": "Ri Yong Ho",
            "role": "DPRK Foreign Minister",
            "kind": "government",
        },
        {
            "do": "set-position",
            "actor": "Ri Yong Ho",
            "issue": "denuclearization",
            "stance": -1,
            "article": {"url": "https://news.example.org/world/tillerson-talks"},
            "quote": "We will never give up our nuclear deterrent",
            "reason": "refuses to give up the deterrent",
        },
        {
            "do": "flip-position",
            "actor": names[flip.holder],
            "issue": flip.issue,
            "reason": "read the other way by the desk",
        },
        {
            "do": "remove-position",
            "actor": "Donald Trump",
            "issue": trump.issue,
            "reason": "a threat reported, not said this week",
        },
        {
            "do": "pin-quote",
            "article": "Tillerson says US ready to talk with North Korea",
            "quote": "All parties should exercise restraint and return to dialogue",
        },
        {
            "do": "ban-quote",
            "article": "Tillerson says US ready to talk with North Korea",
            "quote": "We are ready to talk any time North Korea would like to talk",
        },
        {
            "do": "pin-bottom-line",
            "article": "Japan calls for maximum pressure",
            "text": cc.CHA_SENTENCE,
        },
        {"do": "ban-bottom-line", "text": banned},
        {"do": "ban-keyphrase", "phrase": ban_kp},
        {"do": "rename-keyphrase", "phrase": rename_kp, "to": "the desk's wording"},
        {"do": "pin-keyphrase", "phrase": "missile launch over Hokkaido"},
        *ARTICLE_ENTRIES,
    ]
    path = root / "corrections.yaml"
    path.write_text(
        "# the desk's corrections\n" + yaml.safe_dump(entries, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    r1 = run_build(feed, root / "out1", [path])
    cc.write(root / "corpus", 2)  # a later scrape of the same stories, in the same file
    r2 = run_build(feed, root / "out2", [path])
    flipped = (names[flip.holder], flip.issue, flip.stance)
    return World(base, path, r1, r2, flipped, trump.issue, banned, (ban_kp, rename_kp), feed)


@pytest.mark.parametrize("version", [1, 2])
def test_every_kind_of_correction_applies_and_survives_a_new_version(
    world: World, version: int
) -> None:
    result, notes = world.v1 if version == 1 else world.v2
    brief, an = result.brief, result.analysis
    assert an is not None
    att = an.attribution
    n = len(load_corrections([world.corrections]))
    assert f"Corrections (corrections.yaml): {n} applied" in notes.steps, [
        r
        for r in an.desk.status()
        if r["state"] != "applied"  # type: ignore[union-attr]
    ]
    assert not [w for w in notes.warnings if "correction" in w]

    # articles: date and outlet set, one moved to low relevance, one dropped
    a = next(x for x in brief.articles if x.url and "tillerson-talks" in x.url)
    assert (a.published, a.outlet, a.date_source) == (date(2017, 9, 18), "Reuters", "desk")
    assert [x.title for x in brief.low_relevance] == [
        x.title for x in brief.low_relevance if x.title.startswith("=HYPERLINK")
    ]
    assert len(brief.low_relevance) == 1
    assert all("nk-missile" not in (s.url or "") for s in brief.sources)

    # quotations: speaker and country fixed, one dropped
    q = next(q for q in att.quotes if q.text.startswith("The channels are open"))
    assert (q.speaker, q.country) == ("Joseph Yun", "USA") and "Joseph Yun" in q.edited
    assert not any(q.text.startswith("Sanctions take years") for q in att.quotes)

    # actors: alias (merging the mis-split name), merge, role and kind
    names = {x.name for x in att.actors}
    assert "Moon Jae-in" in names and "Moon Jae" not in names
    moon = next(x for x in att.actors if x.name == "Moon Jae-in")
    assert "Moon Jae" in moon.aliases and moon.country == "KOR"
    assert "a senior State Department official" not in names
    ri = next(x for x in att.actors if x.name == "Ri Yong Ho")
    assert (ri.role, ri.kind) == ("DPRK Foreign Minister", "government") and ri.edited

    # positions: set (with its evidence), flipped, removed
    p = _position(result, "Ri Yong Ho", "denuclearization")
    assert p is not None and p.stance == -1 and p.edited
    assert p.evidence and "nuclear deterrent" in p.evidence[0].text
    name, issue, before = world.flip
    flipped = _position(result, name, issue)
    assert flipped is not None and flipped.stance == -before and "flipped" in flipped.edited
    assert _position(result, "Donald Trump", world.removed_issue) is None

    # key quotes: pinned first, banned nowhere
    assert brief.key_quotes[0].text.startswith("All parties should exercise restraint")
    assert "pinned" in brief.key_quotes[0].edited
    shown = brief.key_quotes + [q for c in brief.countries for q in c.quotes]
    assert not any(q.text.startswith("We are ready to talk any time") for q in shown)

    # bottom line: the pinned sentence first (verbatim, cited), the banned one gone
    assert brief.bluf[0].text == cc.CHA_SENTENCE and brief.bluf[0].cites
    assert brief.bluf[0].edited
    assert all(text_similarity(s.text, world.banned_bluf) < 0.8 for s in brief.bluf)

    # keyphrases: banned, renamed, pinned
    phrases = [k.phrase for k in an.keyphrases["corpus"]]
    banned_kp, renamed_kp = world.keyphrases
    assert banned_kp not in phrases
    assert "the desk's wording" in phrases and renamed_kp not in phrases
    assert phrases[0] == "missile launch over Hokkaido"

    # the brief shows what the desk changed
    html = result.paths[0].read_text(encoding="utf-8")
    assert html.count('class="desk"') >= 5
    assert (
        "Edited by the desk" in html
        and "Joseph Yun (was a senior State Department official)" in html
    )


def test_the_new_version_has_new_article_ids(world: World) -> None:
    """The rebuild really is of changed texts: the ids (hashes of the text) moved."""
    ids1 = {a.title: a.article_id for a in world.v1[0].brief.articles}
    ids2 = {a.title: a.article_id for a in world.v2[0].brief.articles}
    moved = [t for t in ids1 if t in ids2 and ids1[t] != ids2[t]]
    assert len(moved) == 2  # the typo fix and the added paragraph


def test_without_corrections_nothing_is_marked(world: World, tmp_path: Path) -> None:
    raw, notes = run_build(world.corpus, tmp_path, None)
    assert not any(q.edited for q in raw.brief.quotes)
    assert not any(s.edited for s in raw.brief.sources)
    assert "desk" not in raw.brief.stats
    assert not [n for n in notes.steps if n.startswith("Corrections")]
    html = raw.paths[0].read_text(encoding="utf-8")
    assert 'class="desk"' not in html and "Edited by the desk" not in html


def test_stale_entries_are_reported_not_fatal(world: World, tmp_path: Path) -> None:
    path = tmp_path / "stale.yaml"
    path.write_text(
        yaml.safe_dump(
            [
                {
                    "do": "set-quote",
                    "article": "Japan calls for maximum pressure on North Korea",
                    "quote": "We will bomb them all tomorrow morning",
                    "speaker": "Taro Kono",
                },
                {"do": "drop-article", "article": "https://gone.example/story"},
                {"do": "ban-keyphrase", "phrase": "maximum pressure"},
            ],
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    corpus = cc.write(tmp_path / "c", 2)
    _, notes = run_build(corpus, tmp_path / "out", [path])
    assert "Corrections (stale.yaml): 1 applied, 2 stale" in notes.steps
    stale = [w for w in notes.warnings if w.startswith("stale correction")]
    assert len(stale) == 2 and all("\n" not in w for w in stale)
    assert stale[0].startswith("stale correction stale.yaml:1 (set-quote")
    assert "no quotation with these words" in stale[0] and "delete the entry" in stale[0]
    assert "no article in the corpus matches https://gone.example/story" in stale[1]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "- do: set-qoute\n  article: x\n",
            r"corrections\.yaml:1: entry 1: unknown `do: set-qoute` \(did you mean `set-quote`\?\)",
        ),
        (
            "- do: set-quote\n  article: Some title\n  quote: the words here\n  speeker: Kim\n",
            r"corrections\.yaml:1: entry 1 \(set-quote\): unknown field `speeker` \(did you mean `speaker`\?\)",
        ),
        (
            "- do: drop-article\n  article: a\n- do: set-actor\n  actor: Kim\n  country: Nroth Korea\n",
            r"corrections\.yaml:3: entry 2 \(set-actor\): country `Nroth Korea` is not a known country",
        ),
        (
            "- do: flip-position\n  actor: Kim\n  issue: dialogue\n",
            r"entry 1 \(flip-position\): needs `reason:`",
        ),
        (
            "- do: set-article\n  article: T\n  date: 18/09/2017\n",
            r"date `18/09/2017` is not a day; write it as YYYY-MM-DD",
        ),
        (
            "- do: set-position\n  actor: Kim\n  issue: {ISSUE}\n  stance: maybe\n  reason: r\n",
            r"stance `maybe` must be \+1 or -1",
        ),
        (
            "- do: set-quote\n  article: T\n  quote: words words\n",
            r"says nothing to set; add one of `speaker:`",
        ),
        ("do: set-quote\n", r"must be a list of entries"),
        ("- do: set-quote\n  article: [unclosed\n", r"corrections\.yaml:\d+: .*fix the YAML there"),
    ],
)
def test_a_bad_entry_is_refused_in_one_line(text: str, expected: str, tmp_path: Path) -> None:
    from briefgen.knowledge.issues import issue_keys

    path = tmp_path / "corrections.yaml"
    path.write_text(text.replace("{ISSUE}", issue_keys()[0]), encoding="utf-8")
    with pytest.raises(CorrectionError) as e:
        load_corrections([path])
    msg = str(e.value)
    assert "\n" not in msg and re.search(expected, msg), msg
    assert e.value.exit_code == 2


def test_a_bad_entry_stops_the_build_before_any_work(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from briefgen.cli import cli

    bad = tmp_path / "c.yaml"
    bad.write_text("- do: set-actor\n  actor: Kim\n  kind: dictator\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["build", "nowhere/", "--corrections", str(bad)])
    assert r.exit_code == 2
    line = r.output.strip()
    assert (
        line.startswith("Error: c.yaml:1: entry 1 (set-actor): kind `dictator`")
        and "\n" not in line
    )


def test_corrections_files_come_from_the_config_beside_it(tmp_path: Path) -> None:
    (tmp_path / "briefgen.toml").write_text('[corrections]\nfiles = ["desk/fixes.yaml"]\n')
    s = load_settings(tmp_path / "briefgen.toml")
    assert s.corrections.files == [str(tmp_path / "desk" / "fixes.yaml")]
    with pytest.raises(CorrectionError, match="fixes.yaml not found"):
        desk_for(s)
    s.corrections.files = []
    assert len(desk_for(s).corrections) == 0


# ----------------------------------------------------------------------------- matching


def _article(title: str, text: str = "", url: str | None = None, path: str = "a.txt") -> Article:
    return Article(article_id=title[:6], title=title, text=text, source_path=path, url=url)


def test_articles_are_found_by_url_title_or_path_and_not_by_a_copy() -> None:
    wire = _article("US and China agree on sanctions", url="https://a.example/x", path="feed.jsonl")
    copy = _article("US and China agree on sanctions", url="https://b.example/y", path="feed.jsonl")
    other = _article("Seoul weighs new sanctions on Pyongyang", path="/data/k/seoul.txt")
    idx = ArticleIndex([wire, copy, other])
    assert idx.find(ArticleRef(url="http://www.a.example/x/?utm_source=rss")) is wire
    # the same wire story at another outlet is another article
    assert idx.find(ArticleRef(url="https://b.example/y", title=wire.title)) is copy
    # a headline edited a little, found by its title and file
    assert (
        idx.find(ArticleRef(title="Seoul weighs new sanctions on North Korea", path="k/seoul.txt"))
        is other
    )
    assert idx.find(ArticleRef(title="Tokyo weighs something else entirely")) is None
    assert idx.find(ArticleRef(path="k/seoul.txt")) is other
    assert norm_url("HTTPS://www.Example.org/a/b/?utm_medium=x&id=3#top") == "example.org/a/b?id=3"


def test_quotes_are_found_by_their_words_despite_small_changes() -> None:
    def q(i: int, text: str, speaker: str) -> Quote:
        return Quote(quote_id=f"q{i}", article_id="a", text=text, start=0, end=0, speaker=speaker)

    quotes = [
        q(1, "We are ready to talk any time North Korea would like to talk.", "Rex Tillerson"),
        q(
            2,
            "North Korea must earn its way back to the table. The pressure campaign must continue until denuclearization is achieved.",
            "Rex Tillerson",
        ),
        q(3, "It is a waste of time", "Donald Trump"),
    ]
    # quote marks, case and a typo fixed since
    assert (
        find_quote(quotes, "we’re ready to talk anytime North Korea would like to talk", None)[0]
        is quotes[0]
    )
    # the first sentence of a long quotation
    assert (
        find_quote(quotes, "North Korea must earn its way back to the table", None)[0] is quotes[1]
    )
    assert find_quote(quotes, "Sanctions will bite hard this winter", None)[0] is None
    # the same words from two speakers: the entry's `was` decides
    twice = [q(4, "It is a waste of time", "Rex Tillerson"), quotes[2]]
    assert find_quote(twice, "It is a waste of time", "Donald Trump")[0] is twice[1]


def test_the_file_keeps_the_order_and_lines_of_its_entries() -> None:
    text = "# mine\n- do: drop-article\n  article: A title\n\n# later\n- do: ban-keyphrase\n  phrase: talks\n"
    entries = parse_corrections(text, "c.yaml")
    assert [(e.do, e.line, e.key) for e in entries] == [
        ("drop-article", 2, "c.yaml:2"),
        ("ban-keyphrase", 6, "c.yaml:6"),
    ]


def test_a_flip_naming_its_statement_holds_only_where_the_position_rests_on_it() -> None:
    """Positions are weekly: "remove Kim's stance, it rested on a misread line" must not
    remove next week's stance that rests on other statements."""
    from briefgen.corrections import Corrections
    from briefgen.corrections.apply import Desk
    from briefgen.knowledge.issues import issue_keys
    from briefgen.model import Actor, Evidence, Keyphrase, Position
    from briefgen.nlp.attribution import Attribution

    issue = issue_keys()[0]
    a = _article("Kim offers talks", "We want talks now, Kim said.")
    b = _article("Seoul answers", "Seoul said it would think about it.", path="b.txt")
    text = f"""
- do: flip-position
  actor: Kim
  issue: {issue}
  article: Seoul answers
  reason: not what he said
- do: remove-position
  actor: Kim
  issue: {issue}
  article: Kim offers talks
  quote: We want talks now
  reason: misread
- do: pin-keyphrase
  phrase: frozen assets
- do: pin-keyphrase
  phrase: talks now
"""
    desk = Desk(Corrections(parse_corrections(text, "c.yaml"), ["c.yaml"]))
    period = resolve_period(AS_OF)
    desk.analysed([a, b], [a, b], [a, b])
    pos = Position(
        "kim", "actor", issue, 1, "x", evidence=[Evidence(a.article_id, "We want talks now")]
    )
    att = Attribution(actors=[Actor("kim", "Kim")], positions=[pos])
    desk.attribution(att, period)
    assert att.positions == []  # removed: it rested on the statement named
    states = {r["do"]: r["state"] for r in desk.status()}
    assert states["remove-position"] == "applied" and states["flip-position"] == "not needed"
    scopes = {"corpus": [Keyphrase("Kim", 1.0, "corpus", "corpus")]}
    desk.keyphrases(scopes, {"corpus": [a, b]})
    # a pinned phrase is put first only where the articles use it
    assert [k.phrase for k in scopes["corpus"]] == ["talks now"]


def test_the_period_compared_with_is_corrected_too_but_not_counted() -> None:
    """A brief compares with the week before: its quotations are fixed the same way,
    while the report speaks of this week only."""
    from briefgen.corrections import Corrections
    from briefgen.corrections.apply import Desk
    from briefgen.nlp.attribution import Attribution

    now = _article("Seoul answers", "Seoul said it would think about it.", path="b.txt")
    before = _article("Kim offers talks", "“We want talks now,” an official said.")
    text = """
- do: set-quote
  article: Kim offers talks
  quote: We want talks now
  speaker: Kim Yo Jong
  country: PRK
"""
    desk = Desk(Corrections(parse_corrections(text, "c.yaml"), ["c.yaml"]))
    desk.analysed([now, before], [now], [now])
    desk.attribution(Attribution(), resolve_period(AS_OF))
    q = Quote("q1", before.article_id, "We want talks now", 1, 18, speaker="an official")
    prev = Attribution(quotes=[q])
    desk.attribution(prev, resolve_period(date(2017, 9, 17)), analysed=[before])
    assert (q.speaker, q.country) == ("Kim Yo Jong", "PRK") and q.edited
    assert [r["state"] for r in desk.status()] == ["other period"]
    assert desk.summary() == "Corrections (c.yaml): 0 applied, 1 for other periods"
