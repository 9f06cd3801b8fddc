"""Is a read article already in the store?  The same record, the same text, or a near
twin (MinHash bands, then shingle overlap); a changed file's own earlier articles are
its old version, not duplicates."""

from __future__ import annotations

from briefgen.corpus.load import FileResult
from briefgen.ingest.report import IngestReport
from briefgen.store import Store
from briefgen.store import articles as st


def count_articles(
    store: Store,
    res: FileResult,
    sigs: list[bytes | None],
    old: st.StoredFile | None,
    report: IngestReport,
) -> list[list[bytes]]:
    """Counts each article of `res` in `report` as new, updated or duplicate (with a note
    naming a near twin); returns each article's MinHash bands, for storing."""
    import numpy as np

    from briefgen.corpus.dedupe import alike, bands, shingles

    hashes = [st.record_hash(a) for a in res.articles]
    # the file's own earlier articles are its old version, not duplicates
    before = st.load_files(store, [old]) if old is not None else []
    own = set(before[0].hashes) if before else set()
    own_texts = {st.sha1(a.text) for a in before[0].articles} if before else set()
    have = st.known_hashes(store, hashes) - own
    have_text = st.known_texts(store, [st.sha1(a.text) for a in res.articles]) - own_texts
    all_bands: list[list[bytes]] = []
    for a, h, sig in zip(res.articles, hashes, sigs, strict=True):
        sig_bands = bands(np.frombuffer(sig, dtype=np.uint64)) if sig else []
        all_bands.append(sig_bands)
        if h in own:
            continue  # unchanged inside a changed file
        if h in have or st.sha1(a.text) in have_text:
            report.duplicates += 1
            continue
        near = st.near_candidates(store, sig_bands) - own if sig_bands else set()
        if near:
            mine = shingles(a.text)
            others = st.article_records(store, near)
            twin = next((o for o in others.values() if alike(mine, shingles(o.text))), None)
            if twin is not None:
                report.duplicates += 1
                report.notes.append(
                    f"{res.path}#{a.part} repeats {twin.source_path}#{twin.part} ({twin.title[:60]})"
                )
                continue
        if old is not None:
            report.articles_updated += 1
        else:
            report.articles_new += 1
    return all_bands
