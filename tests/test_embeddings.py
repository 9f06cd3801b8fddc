"""The sentence embedder: MiniLM on torch alone (nlp/minilm.py) gives the vectors of
sentence-transformers bit for bit, so briefs and stored vectors do not change; vectors
kept in the article store are used on the next run and equal fresh ones."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from briefgen.nlp.embeddings import DIM, Embedder, load_keybert, load_minilm  # noqa: E402
from briefgen.store import open_store  # noqa: E402
from briefgen.store.articles import EmbeddingTable  # noqa: E402

LONG = " ".join(
    "North Korea fired another intercontinental ballistic missile on Friday, and the "
    "United Nations Security Council met in emergency session to weigh new sanctions."
    for _ in range(20)
)  # well over the model's 256 tokens: cut as sentence-transformers cuts it

TEXTS = [
    "missile test",
    "Kim Jong Un",
    "North Korea vowed Monday to strike the U.S.",
    "China's foreign minister on Sunday urged North Korea to halt its missile and "
    "nuclear testing, one day after the Security Council vote.",
    LONG,
    "",
    "한반도 비핵화",
    "Tillerson: “We do not seek regime change.”",
    *[f"sanctions round {i} on coal, iron and seafood exports" for i in range(70)],
]  # more than one batch of 64, of very different lengths


def _reference(texts: list[str]) -> np.ndarray:
    """What the KeyBERT / sentence-transformers path gave before."""
    return np.asarray(load_keybert().model.embed(texts), dtype=np.float32)


def test_minilm_gives_sentence_transformers_vectors_bit_for_bit() -> None:
    ours = load_minilm().encode(TEXTS)
    assert ours.dtype == np.float32 and ours.shape == (len(TEXTS), DIM)
    assert np.array_equal(ours, _reference(TEXTS))
    # one text alone: a batch with no padding (no attention mask at all)
    one = [TEXTS[3]]
    assert np.array_equal(load_minilm().encode(one), _reference(one))


def test_unpadded_batches_keep_each_text_its_own_vector() -> None:
    """The embedder batches texts of one token length (no pad tokens): each row is still
    its own text's vector (to float rounding), and a text alone is embedded exactly as
    encode embeds it alone."""
    m = load_minilm()
    texts = [t for t in TEXTS if t]
    ours = m.encode_unpadded(texts)
    assert ours.dtype == np.float32 and ours.shape == (len(texts), DIM)
    assert np.allclose(ours, m.encode(texts), atol=1e-5)
    assert np.array_equal(m.encode_unpadded([TEXTS[3]]), m.encode([TEXTS[3]]))
    # the same text among others of its length or alone: the same vector to rounding
    assert np.allclose(m.encode_unpadded(texts[-5:])[0], ours[-5], atol=1e-6)


def test_stored_vectors_are_used_and_equal_fresh_ones(tmp_path: Path) -> None:
    texts = TEXTS[:8]
    with open_store(tmp_path / "store.sqlite") as store:
        first = Embedder(table=EmbeddingTable(store))
        v1 = first.embed(texts)
        assert first.embedded == len(set(texts))
    with open_store(tmp_path / "store.sqlite") as store:
        again = Embedder(table=EmbeddingTable(store))
        v2 = again.embed(texts)
        assert again.embedded == 0 and again.from_disk == len(set(texts))
    fresh = Embedder().embed(texts)  # no table: the model
    assert np.array_equal(v1, v2) and np.array_equal(v2, fresh)
    assert np.allclose(np.linalg.norm(fresh, axis=1), 1.0, atol=1e-5)


def test_embedding_imports_neither_sentence_transformers_nor_transformers() -> None:
    """The 3-4 s of imports a weekly brief paid for a dozen new texts stay out."""
    probe = (
        "import sys; from briefgen.nlp.embeddings import Embedder\n"
        "Embedder().embed(['North Korea fired a missile.'])\n"
        "heavy = [m for m in ('sentence_transformers', 'transformers', 'keybert', 'sklearn')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
