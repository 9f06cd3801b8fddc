"""Corpus in: read article files of every common shape, clean, split, date, de-duplicate.

The one entry point is `load_corpus()`; the submodules each own one step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.config import CorpusSettings
from briefgen.model import Article

# A problem line that starts so reports something read differently (a field left out,
# a date refused); the file and its article were still read.
NOTE = "note: "


@dataclass
class SkippedFile:
    path: str
    reason: str  # one line: what is wrong with it and, when useful, the fix
    # False for a note: the file was read, something in it was left out (see NOTE)
    skipped: bool = True


@dataclass
class Corpus:
    articles: list[Article]
    files_read: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    duplicates_merged: int = 0
    # JSON records / split parts that held no article text after cleaning (not files).
    records_without_text: int = 0
    # (articles, low-relevance ones) of the whole corpus when `articles` holds only the
    # articles of some periods (read from the store by day); None: `articles` is whole.
    whole: tuple[int, int] | None = None

    @property
    def size(self) -> int:
        """How many articles the whole corpus has."""
        return self.whole[0] if self.whole else len(self.articles)

    def summary(self) -> str:
        n, low = self.whole or (
            len(self.articles),
            sum(1 for a in self.articles if a.low_relevance),
        )
        s = f"{n} articles from {self.files_read} files"
        if self.duplicates_merged:
            s += f", {self.duplicates_merged} duplicates merged"
        if low:
            s += f", {low} of low relevance"
        skipped = sum(1 for x in self.skipped if x.skipped)
        notes = len(self.skipped) - skipped
        if skipped:
            s += f", {skipped} files skipped"
        if notes:
            s += f", {notes} notes"
        return s


def load_corpus(
    paths: Sequence[str | Path],
    settings: CorpusSettings | None = None,
    progress: Callable[[int], None] | None = None,
) -> Corpus:
    """Read every file under `paths` (files, folders recursively, globs) into clean Articles.

    `progress(n)` is called with the number of files just finished, for a progress bar.
    Unreadable files are reported in Corpus.skipped, never raised; a path that does not
    exist at all raises CorpusError (that is a typo the user must fix).
    """
    from briefgen.corpus.load import load

    return load(paths, settings or CorpusSettings(), progress)
