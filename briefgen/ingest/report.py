"""What one ingest did, per file and per article: the counts and the one-line summary."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class IngestReport:
    """What one ingest did, per file and per article."""

    files_new: int = 0
    files_updated: int = 0
    files_unchanged: int = 0
    files_skipped: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    duplicates: int = 0
    analysed: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # files gone or unreadable before they could be stored (not in the store at all)
    vanished: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        files = self.files_new + self.files_updated + self.files_unchanged + self.files_skipped
        s = (
            f"{files} files: {self.files_new} new, {self.files_updated} updated, "
            f"{self.files_unchanged} unchanged"
        )
        if self.files_skipped:
            s += f", {self.files_skipped} skipped"
        s += (
            f"; articles: {self.articles_new} new, {self.duplicates} duplicate, "
            f"{self.articles_updated} updated"
        )
        if self.analysed:
            s += f"; parsed and analysed {self.analysed}"
        return s
