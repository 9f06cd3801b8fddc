"""Minimal reader (placeholder until the full corpus stage lands): .txt files, first line is the title."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from briefgen.config import CorpusSettings
from briefgen.corpus import Corpus, SkippedFile
from briefgen.errors import CorpusError
from briefgen.model import Article, content_id


def load(
    paths: Sequence[str | Path], settings: CorpusSettings, progress: Callable[[int], None] | None
) -> Corpus:
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.is_file())
        elif p.is_file():
            files.append(p)
        else:
            raise CorpusError(f"{p} does not exist; give a file, folder or glob of articles")
    corpus = Corpus(articles=[])
    for f in files:
        try:
            raw = f.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            corpus.skipped.append(SkippedFile(str(f), f"cannot read: {e}"))
            continue
        lines = [ln.strip() for ln in raw.splitlines()]
        title = next((ln for ln in lines if ln), f.stem)
        body = "\n\n".join(p for p in raw.split("\n\n")[1:] if p.strip())
        corpus.articles.append(
            Article(article_id=content_id(body), title=title, text=body, source_path=str(f))
        )
        corpus.files_read += 1
        if progress:
            progress(1)
    return corpus
