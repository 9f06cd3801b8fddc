"""Finding what an entry means again, in a corpus that may have changed since it was written.

An article's id is a hash of its text, so a fixed typo or an added paragraph gives it a
new one.  Entries therefore match by content: an article by its URL, its file and its
title (a near title counts: a typo fixed in a headline), a quotation by its words within
that article (normalised: case, quote marks, dashes and spacing do not matter; a span
that grew or shrank a little still matches), an actor by id, name or alias.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit

from briefgen.corrections.schema import ArticleRef
from briefgen.model import Actor, Article, Quote

# A title this close (difflib ratio over its words) is the same title with an edit.
TITLE_SIMILAR = 0.85
# ... and this close, with the same file, the same title edited ("Pyongyang" -> "North Korea").
TITLE_EDITED = 0.7
# A quotation this close (over its words) is the same quotation.
QUOTE_SIMILAR = 0.8
# One quotation inside the other counts when the inner one has this share of the words.
CONTAINED_SHARE = 0.6
# ... or when it has at least this many words (the first sentence of a long quotation).
CONTAINED_WORDS = 6

_WORD = re.compile(r"\w+", re.UNICODE)
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref)$", re.I)


def words(text: str) -> list[str]:
    """Lower-case words, with accents, quote marks and dashes out of the way."""
    norm = unicodedata.normalize("NFKD", text)
    norm = "".join(c for c in norm if not unicodedata.combining(c))
    return _WORD.findall(norm.lower().replace("’", "'").replace("'", ""))


def norm(text: str) -> str:
    return " ".join(words(text))


def ratio(a: Sequence[str], b: Sequence[str]) -> float:
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, list(a), list(b), autojunk=False).ratio()


def _contains(outer: Sequence[str], inner: Sequence[str]) -> bool:
    n = len(inner)
    return any(list(outer[i : i + n]) == list(inner) for i in range(len(outer) - n + 1))


def char_ratio(a: str, b: str, floor: float = 0.0) -> float:
    """difflib's ratio over characters; 0 at once when its cheap bounds are below `floor`."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if sm.real_quick_ratio() < floor or sm.quick_ratio() < floor:
        return 0.0
    return sm.ratio()


def text_similarity(a: str, b: str) -> float:
    """0..1: the same words in the same order, by words or by characters ("we're" and
    "we are", "any time" and "anytime" differ in words, barely in characters); one span
    inside the other counts high when it has most of the words (an extractor that now
    stops a word earlier)."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    if wa == wb:
        return 1.0
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    r = max(ratio(wa, wb), char_ratio(" ".join(wa), " ".join(wb), floor=0.75))
    if len(short) >= 3 and _contains(long_, short):
        share = len(short) / len(long_)
        if share >= CONTAINED_SHARE:
            r = max(r, 0.8 + 0.2 * share)
        elif len(short) >= CONTAINED_WORDS:
            r = max(r, 0.8 + 0.15 * share)  # a sentence copied out of a long quotation
    return r


def norm_url(url: str) -> str:
    """Scheme, www., a trailing slash, tracking parameters and fragments do not matter."""
    try:
        u = urlsplit(url.strip())
    except ValueError:
        return url.strip().lower()
    host = u.netloc.lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(u.query) if not _TRACKING.match(k)])
    path = u.path.rstrip("/")
    return f"{host}{path}" + (f"?{query}" if query else "")


def _norm_path(p: str) -> str:
    return p.replace("\\", "/").split("#", 1)[0].rstrip("/")


def _path_matches(spec: str, article: Article) -> bool:
    want = _norm_path(spec)
    for have in (article.source_path, *article.merged_from):
        h = _norm_path(have)
        if h == want or h.endswith("/" + want.lstrip("./")) or want.endswith("/" + h.lstrip("./")):
            return True
    return False


class ArticleIndex:
    """The corpus's articles, found again by an entry's article reference."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = list(articles)
        self._titles = [words(a.title) for a in self.articles]
        self._flat = [" ".join(t) for t in self._titles]
        self._urls = [norm_url(a.url) if a.url else None for a in self.articles]
        self._by_url: dict[str, list[int]] = {}
        self._by_title: dict[str, list[int]] = {}
        for i, (u, t) in enumerate(zip(self._urls, self._flat, strict=True)):
            if u:
                self._by_url.setdefault(u, []).append(i)
            self._by_title.setdefault(t, []).append(i)

    def find(self, ref: ArticleRef, quote: str | None = None) -> Article | None:
        """The article `ref` names, or None.  With several equally good, the one whose
        text holds `quote` (when given), else the first."""
        near: set[int] = set()
        if ref.url:
            near.update(self._by_url.get(norm_url(ref.url), []))
        if ref.title:
            near.update(self._by_title.get(norm(ref.title), []))
        if ref.id:
            near.update(i for i, a in enumerate(self.articles) if a.article_id == ref.id)
        # the same URL or title first; else every article (a headline edited since)
        best = self._best(ref, sorted(near)) or self._best(ref, range(len(self.articles)))
        if not best:
            return None
        top = max(s for s, _ in best)
        tied = [self.articles[i] for s, i in best if s >= top - 1e-9]
        if quote and len(tied) > 1:
            q = norm(quote)
            holding = [a for a in tied if q and q in norm(a.text)]
            tied = holding or tied
        return tied[0]

    def _best(self, ref: ArticleRef, candidates: Iterable[int]) -> list[tuple[float, int]]:
        want_title = words(ref.title) if ref.title else None
        want_url = norm_url(ref.url) if ref.url else None
        out = []
        for i in candidates:
            s = self._score(i, self.articles[i], ref, want_title, want_url)
            if s is not None:
                out.append((s, i))
        return out

    def _title_similarity(self, i: int, want: list[str]) -> float:
        flat = " ".join(want)
        if not set(want) <= set(self._titles[i]) and not char_ratio(
            self._flat[i], flat, floor=TITLE_EDITED
        ):
            return 0.0  # far apart: most of the corpus, ruled out cheaply
        return text_similarity(self._flat[i], flat)

    def _score(
        self,
        i: int,
        a: Article,
        ref: ArticleRef,
        want_title: list[str] | None,
        want_url: str | None,
    ) -> float | None:
        if ref.id and a.article_id == ref.id:
            return 10.0
        score = 0.0
        if want_url:
            have = self._urls[i]
            if have is not None and have != want_url:
                return None  # another outlet's copy of the same wire story is another article
            if have == want_url:
                score += 3.0
        path_ok = bool(ref.path) and _path_matches(ref.path or "", a)
        if want_title:
            r = 1.0 if self._titles[i] == want_title else self._title_similarity(i, want_title)
            if r >= 1.0:
                score += 2.0
            elif r >= TITLE_SIMILAR:
                score += 2.0 * r - 0.3
            elif r >= TITLE_EDITED and path_ok:
                score += 1.4 * r - 0.5  # the headline itself edited: the file must agree
            elif score == 0.0:
                return None
        if ref.path:
            if path_ok:
                score += 1.0
            elif not want_title and not want_url:
                return None
            else:
                score -= 0.4  # a renamed file: the title must carry it
        return score if score >= 1.0 else None


def find_quote(
    quotes: Sequence[Quote], text: str, was: str | None = None
) -> tuple[Quote | None, float]:
    """The quotation (of one article) with these words, and how close it is."""
    best: Quote | None = None
    best_score = 0.0
    for q in quotes:
        s = text_similarity(text, q.text)
        if was and q.speaker and norm(was) == norm(q.speaker):
            s += 0.01  # the same words said twice: the entry's speaker decides
        if s > best_score:
            best, best_score = q, s
    if best is None or best_score < QUOTE_SIMILAR:
        return None, best_score
    return best, best_score


def actor_keys(name: str) -> set[str]:
    """The forms an actor reference is compared in: its slug and its normalised words."""
    from briefgen.nlp.names import slugify

    n = " ".join(name.split())
    keys = {slugify(n), norm(n)}
    bare = re.sub(r"^(?:the|a|an)\s+", "", n, flags=re.I)
    keys |= {slugify(bare), norm(bare)}
    return {k for k in keys if k and k != "unknown"}


def find_actor(actors: Sequence[Actor], ref: str) -> Actor | None:
    """The actor `ref` names: its id, name or one of its aliases."""
    want = actor_keys(ref)
    for a in actors:
        if a.actor_id == ref.strip():
            return a
    for a in actors:
        names = {a.actor_id} | actor_keys(a.name)
        for al in a.aliases:
            names |= actor_keys(al)
        if want & names:
            return a
    return None


_SENT_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    """The sentences of an article, on one line each (plain splitting: enough to find a
    sentence an analyst copied)."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        flat = " ".join(para.split())
        start = 0
        for m in _SENT_END.finditer(flat):
            out.append(flat[start : m.end()].strip())
            start = m.end()
        if flat[start:].strip():
            out.append(flat[start:].strip())
    return out


def find_sentence(text: str, wanted: str) -> tuple[str | None, float]:
    """The sentence of `text` closest to `wanted`, verbatim as the article has it."""
    pieces = sentences(text)
    # a sentence the splitter cut in two (at an abbreviation) is tried joined as well
    cands = pieces + [f"{a} {b}" for a, b in zip(pieces, pieces[1:], strict=False)]
    best: str | None = None
    best_score = 0.0
    for s in cands:
        sc = text_similarity(wanted, s)
        if sc > best_score:
            best, best_score = s, sc
    if best is None or best_score < QUOTE_SIMILAR:
        return None, best_score
    return best, best_score
