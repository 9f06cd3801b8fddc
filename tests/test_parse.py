"""The shared spaCy parse: the same Docs in one process or several, and read back from the cache."""

from __future__ import annotations

from pathlib import Path

from briefgen.model import Article
from briefgen.nlp.parse import parse_articles


def _articles() -> list[Article]:
    texts = [
        "Japanese Foreign Minister Taro Kono said on Friday that pressure must continue.",
        "“We are probing, so stay tuned,” Tillerson told reporters in Beijing.",
        "North Korea's KCNA said the drills were a rehearsal for invasion.",
        "South Korea's presidential office backed the State Department's statement.",
    ]
    return [
        Article(article_id=f"a{i}", title="t", text=t, source_path="x") for i, t in enumerate(texts)
    ]


def _signature(doc) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    return [(t.text, t.tag_, t.dep_, t.ent_type_) for t in doc]


def test_parallel_parse_equals_serial(tmp_path: Path) -> None:
    arts = _articles()
    serial = parse_articles(arts, n_process=1)
    parallel = parse_articles(arts, n_process=2, batch_size=1)
    assert {k: _signature(d) for k, d in serial.items()} == {
        k: _signature(d) for k, d in parallel.items()
    }


def test_cache_round_trip_keeps_the_parse(tmp_path: Path) -> None:
    arts = _articles()
    done: list[int] = []
    first = parse_articles(arts, cache_dir=tmp_path, progress=done.append)
    assert len(done) == len(arts)
    assert list((tmp_path / "spacy").rglob("*.spacy"))
    again = parse_articles(arts, cache_dir=tmp_path)
    assert {k: _signature(d) for k, d in first.items()} == {
        k: _signature(d) for k, d in again.items()
    }
    assert [e.text for e in again["a0"].ents]  # entities survive the cache


# Texts for the attribute ruler's rarer patterns: two-token ones (gonna, gotta, let's,
# ain't), spaces, 'gets'/'got' (a pattern of two alternatives), and the lemmatizer's
# proper nouns and base forms seen twice (cached answers reused).
_RULER_TEXTS = [
    "We're gonna win, and you gotta believe it. Let's go! He ain't coming, is he?",
    "She gets what she wants;  she got it  yesterday.\n\nThe U.S.  said Kim Jong Un's tests"
    " were a threat. Kim said nothing. The tests, the TESTS, the Tests.",
    "I'm not sure y'all know what 'wanna' means; Moon Jae-in didn't, and Moon won't.",
]


def test_cached_pipes_give_spacys_own_parse() -> None:
    """The cached attribute ruler and lemmatizer (nlp/fastpipes.py) annotate exactly as
    spaCy's own pipes: the same DocBin bytes, article for article."""
    import importlib
    import json

    from briefgen.nlp.fastpipes import FastRuler
    from briefgen.nlp.parse import PARAGRAPHS, SPACY_PACKAGE, load_spacy, pipe_texts
    from briefgen.nlp.worker import doc_to_bytes

    texts = list(_RULER_TEXTS)
    corpus = Path(__file__).resolve().parents[2] / "shared/data/corpora/allsides-korea.jsonl"
    if corpus.exists():  # real articles as well, when the shared data is there
        with corpus.open(encoding="utf-8") as f:
            for _, line in zip(range(12), f, strict=False):
                texts.append(json.loads(line).get("content_original") or "")
    fast = load_spacy()
    plain = importlib.import_module(SPACY_PACKAGE).load()
    plain.add_pipe(PARAGRAPHS, before="parser")  # ours, not what this test compares
    assert hasattr(fast.get_pipe("attribute_ruler"), "_briefgen_fast")  # the fast path runs
    index = fast.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(type(v).__name__ == "_WordList" for v in index.values())  # set lookups run
    assert FastRuler.of(plain.get_pipe("attribute_ruler")) is not None
    for _ in range(2):  # the second time from the caches
        want = [doc_to_bytes(d) for d in pipe_texts(plain, texts)]
        got = [doc_to_bytes(d) for d in pipe_texts(fast, texts)]
        assert got == want
    assert doc_to_bytes(fast(texts[0])) == doc_to_bytes(plain(texts[0]))


_PARSE_IN_A_FRESH_PROCESS = """
import hashlib, json, sys
if sys.argv[1] == "torch-first":
    import torch  # noqa: F401  (thinc then imports it as it always did)
from briefgen.nlp.parse import load_spacy, pipe_texts
from briefgen.nlp.worker import doc_to_bytes
nlp = load_spacy()
import thinc.compat
had_torch = "torch" in sys.modules
texts = json.loads(sys.stdin.read())
digest = hashlib.sha1(b"".join(doc_to_bytes(d) for d in pipe_texts(nlp, texts))).hexdigest()
import torch  # still importable for the embedder
print(json.dumps([had_torch, thinc.compat.has_torch, digest, torch.__name__]))
"""


def test_spacy_loads_without_torch_and_parses_the_same() -> None:
    """load_spacy keeps thinc from importing torch (1.7 s of CPU per worker process), and
    the parse is the same bytes as when thinc has torch; torch can still be imported."""
    import json
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    texts = json.dumps(_RULER_TEXTS)
    runs = {}
    for how in ("torch-first", "plain"):
        out = subprocess.run(
            [sys.executable, "-c", _PARSE_IN_A_FRESH_PROCESS, how],
            input=texts,
            capture_output=True,
            text=True,
            cwd=root,
            env={**os.environ, "PYTHONPATH": str(root)},
            check=True,
        )
        runs[how] = json.loads(out.stdout.strip().splitlines()[-1])
    assert runs["torch-first"][:2] == [True, True]  # the comparison is with thinc's torch
    assert runs["plain"][:2] == [False, False]  # spaCy loaded, torch not
    assert runs["plain"][2] == runs["torch-first"][2]  # the same DocBin bytes
    assert runs["plain"][3] == "torch"


def test_a_paragraph_break_ends_a_sentence_but_not_after_a_colon() -> None:
    """The parser ran a paragraph after "Inc." into the next one, so the second
    paragraph's "Kwon ... said he hasn't yet seen signs" lost its speaker; a list or a
    speech after a colon stays that sentence's."""
    from briefgen.nlp.parse import load_spacy
    from tests.texts import attribute_text

    nlp = load_spacy()
    text = (
        '"This needs to be a wake-up call," said Kwon Seok-chul, chief executive officer of '
        "Seoul-based cybersecurity firm Cuvepia Inc.\n\nKwon, who analyzed personal computers "
        "at one of the three broadcasters shut down Wednesday, said he hasn't yet seen signs "
        "that the malware was distributed by North Korea."
    )
    sents = [s.text for s in nlp(text).sents]
    assert len(sents) == 2 and sents[1].startswith("Kwon, who analyzed")
    got = [(q.kind, q.speaker) for q in attribute_text(nlp, text).quotes]
    assert got == [("direct", "Kwon Seok-chul"), ("indirect", "Kwon Seok-chul")]
    listed = "During the flight, Trump also:\n\n- Said that North Korea would be a big subject."
    assert not any(s.text.startswith("-") for s in nlp(listed).sents)
