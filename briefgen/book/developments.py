"""The period's developments: who did what, when, grouped across articles and ranked.

Reports (book/reports.py) of one development in several articles are grouped: articles
by their titles and leads first (a news article mostly tells one development), then the
reports their leads do not cover, by meaning (sentence embeddings; TF-IDF without them),
never across two stated dates, with who acted, the kind of event and the day weighing in.
A group is ranked by consequence: the kind of event, the rank of who acted, how many
articles and outlets carried it, how prominently, and whether it is new against the
comparison period.  Each development is written (book/writeup.py) from the clearest
report of its group, cited to every article of the group.  Whether two groups' leads
tell two acts, or one previews the other, is book/grouplinks.py's to say.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from briefgen.book.grouplinks import previews as _previews
from briefgen.book.grouplinks import two_acts as _two_acts
from briefgen.book.grouptables import KeyTable, adjusted
from briefgen.book.newsline import mark_newslines
from briefgen.book.ranker import TITLE_TELLS, TITLE_TELLS_LEXICAL, group_features, shipped_ranker
from briefgen.book.reports import (
    DEFAULT_WEIGHTS,
    DevelopmentWeights,
    Group,
    Report,
    actors_of,
    distinct,
    find_reports,
    names_other,
    outlets_of,
)
from briefgen.book.sentences import condense
from briefgen.book.summarize import SentencePool
from briefgen.book.textsim import cosine
from briefgen.book.writeup import choose_lead, quality, write
from briefgen.model import Development
from briefgen.periods import Period

# texts -> unit vectors, one row per text (numpy); see nlp.embeddings.Embedder.embed.
Embed = Callable[[list[str]], Any]


class DevelopmentFinder:
    """Reports -> groups -> ranked developments, for one period's sentence pool."""

    def __init__(
        self,
        pool: SentencePool,
        period: Period,
        embed: Embed | None = None,
        weights: DevelopmentWeights | None = None,
        learned: bool = True,
    ) -> None:
        self.pool = pool
        self.period = period
        self.embed = embed
        self.w = weights or DEFAULT_WEIGHTS
        self._sim: Any = None
        self._reports: list[Report] = []
        self._joint: Any = None
        self._has_when: Any = None  # per report: a stated date?  (set by group())
        self._when: Any = None  # ... its day number
        self._done: Any = None  # ... told as done (not looking ahead)
        self._rows_of: dict[str, list[int]] = {}  # article id -> its reports' rows
        # After find(): the developments and the groups they were written from, aligned.
        self.developments: list[Development] = []
        self.groups: list[Group] = []
        self.features: list[dict[str, float]] = []  # book.ranker's, aligned with groups
        self.learned = learned  # rank by the shipped model (book.ranker) when there is one
        self.hand_scores: list[float] = []  # the hand-set scores of the groups, aligned
        self.newslines: list[float | None] = []  # their leads' book.newsline, aligned

    # -- grouping ------------------------------------------------------------------------

    def _similarity(self, reports: Sequence[Report]) -> Any:
        """Pairwise similarity of the reports: embedding cosine, else TF-IDF cosine."""
        import numpy as np

        if self.embed is not None and reports:
            vecs = np.asarray(self.embed([condense(r.cand.sent.text) for r in reports]))
            mark_newslines(list(reports), vecs)
            return vecs @ vecs.T
        n = len(reports)
        sim = np.zeros((n, n))
        for i in range(n):
            for j in range(i, n):
                sim[i, j] = sim[j, i] = cosine(reports[i].cand.vec, reports[j].cand.vec)
        return sim

    def _threshold(self) -> float:
        return self.w.same_embedding if self.embed is not None else self.w.same_lexical

    def _pair(self, a: Report, b: Report) -> float:
        """What, besides the words, says two reports tell one development (or two)."""
        if a.when and b.when and abs((a.when.when - b.when.when).days) > self.w.max_days_apart:
            return float("-inf")  # two dates, two developments
        pa, pb = a.cand.article.published, b.cand.article.published
        if pa and pb and abs((pa - pb).days) > self.w.max_days_reported:
            return float("-inf")  # news of one development is reported within days
        adj = 0.0
        if a.cand.subject and b.cand.subject and a.cand.subject != b.cand.subject:
            adj -= self.w.other_actor  # who did it is part of what happened
        if a.tag and b.tag:
            same_day = a.when and b.when and a.when.when == b.when.when
            if same_day and a.tag.family == b.tag.family and actors_of(a) & actors_of(b):
                adj += self.w.same_day_family  # a summit and its declaration, same day
            if a.tag.direction * b.tag.direction < 0:
                adj -= self.w.opposite  # a launch and an offer of talks: two developments
            elif a.tag.kind == b.tag.kind and a.cand.subject == b.cand.subject:
                adj += self.w.same_kind_relief
        return adj

    def group(self, reports: Sequence[Report]) -> list[Group]:
        """Articles first, then the reports their leads do not cover.

        News articles mostly tell one development each, in the title and lead: articles are
        grouped by those (average linkage), and each article group takes its articles'
        reports that retell its leads.  The remaining reports (a second development deep in
        one article) are grouped among themselves and join an article group they retell, or
        stand alone."""
        from briefgen.book.clusters import average_linkage

        self._reports = list(reports)
        self._sim = self._similarity(reports)
        self._joint = self._adjusted(self._sim, reports)
        import numpy as np

        whens = [r.when.when.toordinal() if r.when else None for r in self._reports]
        self._has_when = np.array([x is not None for x in whens], dtype=bool)
        self._when = np.array([x or 0 for x in whens], dtype=np.int64)
        self._done = np.array([not r.future for r in self._reports], dtype=bool)
        self._rows_of = {}
        for i, r in enumerate(self._reports):
            self._rows_of.setdefault(r.article_id, []).append(i)
        anchors = self._anchors(reports)
        groups = []
        for cluster in average_linkage(self._article_sim(anchors), self.w.same_article):
            rows = [anchors[k][1] for k in cluster]
            groups.append(self._article_group(rows, {anchors[k][0] for k in cluster}))
        taken = {i for g in groups for i in g.rows}
        rest = [i for i in range(len(reports)) if i not in taken]
        sub = self._joint[rest][:, rest] if rest else self._joint[:0, :0]
        keys = KeyTable(len(reports))
        for h in groups:
            keys.append(self._keys(h))
        for cluster in average_linkage(sub, self._threshold()):
            g = self._make([rest[k] for k in cluster])
            k = self._home(g, groups, keys.array())
            if k < 0:
                groups.append(g)
                keys.append(self._keys(g))
            else:
                groups[k].members += g.members
                groups[k].rows += g.rows
                keys[k] = self._keys(groups[k])
        return groups

    def _adjusted(self, sim: Any, reports: Sequence[Report]) -> Any:
        """sim plus _pair of every two reports (book.grouptables.adjusted)."""
        return adjusted(sim, reports, self.w)

    def _anchors(self, reports: Sequence[Report]) -> list[tuple[str, int]]:
        """(article id, row of its lead report): the heaviest of its first few reports."""
        best: dict[str, int] = {}
        for i, r in enumerate(reports):
            if r.cand.rank >= self.w.anchor_rank:
                continue
            j = best.get(r.article_id)
            if j is None or r.weight > reports[j].weight:
                best[r.article_id] = i
        return sorted(best.items())

    def _article_sim(self, anchors: Sequence[tuple[str, int]]) -> Any:
        """Similarity of articles: their titles and lead reports together."""
        import numpy as np

        rows = [i for _, i in anchors]
        lead = self._joint[np.ix_(rows, rows)] if rows else self._joint[:0, :0]
        if self.embed is None or not rows:
            return lead
        titles = [self._reports[i].cand.article.title or "" for i in rows]
        tv = np.asarray(self.embed(titles))
        return 0.5 * lead + 0.5 * (tv @ tv.T)

    def _article_group(self, anchor_rows: list[int], articles: set[str]) -> Group:
        """The anchors plus their articles' reports that retell one of them (of a kind the
        anchor may be: reports.distinct; another kind stays a development of its own)."""
        rows = list(anchor_rows)
        anchors, reps, joint = set(anchor_rows), self._reports, self._joint
        # the articles' reports in report order (not every report of the period per group)
        own = sorted(i for a in articles for i in self._rows_of.get(a, ()))
        for i in own:
            if i not in anchors and any(
                joint[i, a] >= self.w.retells and not distinct(reps[i], reps[a])
                for a in anchor_rows
            ):
                rows.append(i)
        return self._make(rows)

    def _make(self, rows: list[int]) -> Group:
        rows = sorted(rows, key=lambda i: (-self._reports[i].weight, self._reports[i].cand.key()))
        return Group([self._reports[i] for i in rows], rows)

    # -- ranking -------------------------------------------------------------------------

    def _consequence(self, g: Group) -> float:
        kinds = Counter(r.tag.kind for r in g.members if r.tag)
        weight = max(
            (r.tag.weight for r in g.members if r.tag and kinds[r.tag.kind] == max(kinds.values())),
            default=self.w.untagged_weight,
        )
        actor = max(max(r.cand.official, 0.6 if r.cand.subject else 0.2) for r in g.members)
        arts = len(g.articles())
        outlets = outlets_of(g.members)
        prominence = max(1.0 / (1.0 + 0.25 * r.cand.rank) for r in g.members)
        plain = sum(1 for r in g.members if not r.speculative and not r.future) / len(g.members)
        return (
            weight
            * (0.5 + 0.5 * actor)
            * (1.0 + math.log(arts))
            * (1.0 + 0.1 * max(0, len(outlets) - 1))
            * (0.5 + 0.5 * prominence)
            * (0.6 + 0.4 * plain)
            * (0.5 + max(r.cand.score for r in g.members))
        )

    def rank(
        self, groups: list[Group], before: Sequence[str] = (), keep_lead: bool = False
    ) -> list[Group]:
        """Score every group; one the comparison period reported already is 'continued'.

        `keep_lead`: a group that absorbed lower ones is still told from its own lead (the
        reports that joined it say less of the development: a warning it prompted abroad
        must not take the place of the statement itself)."""
        prev = self._previous_vectors(before)
        for g in groups:
            if not (keep_lead and g.lead is not None):
                g.lead = choose_lead(g, self.w, self._sim, self.pool.title_vecs)
            g.score = self._consequence(g) * quality(g.lead)
            if prev is not None and len(prev):
                text = condense(g.seed.cand.sent.text)
                near = float((prev @ self._vector(text)).max())
                if near >= self.w.continued:
                    g.novelty = "continued"
                    g.score *= self.w.continued_factor
        groups.sort(key=lambda g: (-g.score, g.seed.cand.key()))
        return groups

    def _linked(self, g: Group, h: Group) -> bool:
        """Two groups that still tell one development: their best reports are close, or
        one previews what the other reports (same kind of event, same day)."""
        if _previews(g, h) or _previews(h, g):
            return True
        if _two_acts(g, h):
            return False
        if g.lead is not None and h.lead is not None:
            i, j = g.rows[g.members.index(g.lead)], h.rows[h.members.index(h.lead)]
            if not self._dated_apart(i, j) and float(self._joint[i, j]) >= self.w.absorb_leads:
                return True
        pairs = [(i, j) for i in g.rows[:2] for j in h.rows[:2]]
        if any(self._dated_apart(i, j) for i, j in pairs):
            return False
        return sum(float(self._joint[i, j]) for i, j in pairs) / len(pairs) >= self.w.absorb

    def _keys(self, g: Group) -> tuple[int, int, int]:
        """(first row, second row or -1, lead row or -1): what _linked reads of a group."""
        lead = g.rows[g.members.index(g.lead)] if g.lead is not None else -1
        return g.rows[0], g.rows[1] if len(g.rows) > 1 else -1, lead

    def _home(
        self,
        g: Group,
        hs: Sequence[Group],
        keys: Any,
        ahead: Sequence[int] | None = None,
        owner: Any = None,
    ) -> int:
        """Index of the first of `hs` that g is _linked with, else -1: the same test over
        arrays (thousands of groups in a whole-corpus brief).  `keys`: _keys of each, a
        list or an (n, 3) int64 array (KeyTable: not converted anew on every call);
        `ahead`: the indices of those whose lead looks ahead (None: found here); `owner`:
        each report row's index in `hs` (-1: none), to find the groups that report a day."""
        import numpy as np

        if not hs:
            return -1
        k = np.asarray(keys, dtype=np.int64)
        h0, h1, hl = k[:, 0], k[:, 1], k[:, 2]
        joint, has_when, when = self._joint, self._has_when, self._when
        limit = self.w.max_days_apart

        def apart(i: int, js: Any) -> Any:
            return has_when[i] & has_when[js] & (np.abs(when[i] - when[js]) > limit)

        linked = np.zeros(len(hs), dtype=bool)
        if g.lead is not None and g.lead.future:
            if g.lead.when is not None:  # (else g previews none of them)
                linked |= self._previewed(g, hs, owner)
        elif g.lead is not None:
            # a preview ranked above the development it previews (only a group whose
            # lead looks ahead can be one)
            if ahead is None:
                ahead = [n for n, h in enumerate(hs) if h.lead is not None and h.lead.future]
            for n in ahead:
                if _previews(hs[n], g):
                    linked[n] = True
        g0, g1, gl = self._keys(g)
        if gl >= 0:
            has_lead = hl >= 0
            hls = np.where(has_lead, hl, 0)
            linked |= has_lead & ~apart(gl, hls) & (joint[gl, hls] >= self.w.absorb_leads)
        has1 = h1 >= 0
        h1s = np.where(has1, h1, h0)
        far = apart(g0, h0) | (has1 & apart(g0, h1s))
        total = joint[g0, h0]
        total = np.where(has1, total + joint[g0, h1s], total)
        count = 1 + has1.astype(np.int64)
        if g1 >= 0:
            far |= apart(g1, h0) | (has1 & apart(g1, h1s))
            total = total + joint[g1, h0]
            total = np.where(has1, total + joint[g1, h1s], total)
            count = 2 * count
        linked |= ~far & (total / count >= self.w.absorb)
        # (no preview links two acts: _previews asks the same of the leads)
        hits = [int(n) for n in np.flatnonzero(linked) if not _two_acts(g, hs[int(n)])]
        return hits[0] if hits else -1

    def _previewed(self, g: Group, hs: Sequence[Group], owner: Any) -> Any:
        """_previews(g, h) for each of `hs`.  With `owner`, only the groups with a report
        done on the day g's lead looks ahead to are tested (_previews is False for the
        others): not every group, for each lead that looks ahead."""
        import numpy as np

        out = np.zeros(len(hs), dtype=bool)
        if owner is None or g.lead is None or g.lead.when is None:
            return np.array([_previews(g, h) for h in hs], dtype=bool)
        day = g.lead.when.when.toordinal()
        on_day = self._has_when & (self._when == day) & self._done & (owner >= 0)
        for n in sorted({int(k) for k in owner[on_day]}):
            out[n] = _previews(g, hs[n])
        return out

    def _dated_apart(self, i: int, j: int) -> bool:
        a, b = self._reports[i].when, self._reports[j].when
        return bool(a and b and abs((a.when - b.when).days) > self.w.max_days_apart)

    def absorb(self, groups: list[Group]) -> list[Group]:
        """In rank order, a group that retells a higher one joins it (its articles are cited
        too): the bottom line never shows one development twice."""
        import numpy as np

        kept: list[Group] = []
        keys = KeyTable(len(self._reports))
        ahead: list[int] = []  # kept groups whose lead looks ahead (a lead stays put here)
        by_article: dict[str, list[int]] = {}  # article -> kept groups with a report of it
        owner = np.full(len(self._reports), -1, dtype=np.int64)  # row -> its kept group
        for g in groups:
            k = self._same_story(g, kept, by_article)
            if k < 0:
                k = self._echo(g, owner)
            if k < 0:
                k = self._home(g, kept, keys.array(), ahead, owner)
            if k < 0:
                k = len(kept)
                kept.append(g)
                keys.append(self._keys(g))
                if g.lead is not None and g.lead.future:
                    ahead.append(k)
            else:
                kept[k].members += g.members
                kept[k].rows += g.rows
                keys[k] = self._keys(kept[k])
            owner[g.rows] = k
            for a in g.articles():
                if k not in by_article.setdefault(a, []):
                    by_article[a].append(k)
        return kept

    def _echo(self, g: Group, owner: Any) -> int:
        """Index of the first kept group with a report close to g's lead (echo), when no
        article leads with g's development (every report deeper than its lead area): a
        development told only in passing by stories of others ("Kim has vowed to take the
        highest-level action...", six sentences into a story about an earthquake) is one
        of those others' news, told again.  Else -1.  `owner`: each report row's kept
        group, -1 for none (one pass over the row, not a loop over groups and rows)."""
        import numpy as np

        lead = g.lead
        if lead is None or any(r.cand.rank < self.w.anchor_rank for r in g.members):
            return -1
        i = g.rows[g.members.index(lead)]
        has_when, when = self._has_when, self._when
        apart = has_when[i] & has_when & (np.abs(when - when[i]) > self.w.max_days_apart)
        # compared as float() did, in float64 (a float32 row would round the threshold)
        close = (owner >= 0) & (self._sim[i].astype(np.float64) >= self.w.echo) & ~apart
        # a report of another kind of event (reports.distinct) echoes nothing of this one
        rows = [int(j) for j in np.flatnonzero(close) if not distinct(lead, self._reports[j])]
        return int(owner[rows].min()) if rows else -1

    def _same_story(self, g: Group, hs: Sequence[Group], by_article: dict[str, list[int]]) -> int:
        """Index of the first of `hs` that holds a lead-area report of the one article g
        tells of, close to g's lead (itself in that lead area), else -1.  A news article
        tells one development up top: its second sentence ("In a statement carried by KCNA
        on Monday, the commission said...") tells the news its first one does ("North Korea
        issued a new threat..."), in other words.  A group carried by other articles too is
        a story of its own (the reactions to a summit, led by a line of one summit report)."""
        lead = g.lead
        top = self.w.anchor_rank
        if lead is None or lead.cand.rank >= top or g.articles() != [lead.article_id]:
            return -1
        i = g.rows[g.members.index(lead)]
        for k in by_article.get(lead.article_id, ()):
            h = hs[k]
            for m, j in zip(h.members, h.rows, strict=True):
                if m.article_id != lead.article_id or m.cand.rank >= top:
                    continue
                if self._dated_apart(i, j) or (distinct(lead, m) and not names_other(lead, m)):
                    continue  # another date or another kind of event: another development
                if float(self._sim[i, j]) >= self.w.same_story:
                    return k
        return -1

    def _vector(self, text: str) -> Any:
        assert self.embed is not None
        return self.embed([text])[0]

    def _previous_vectors(self, before: Sequence[str]) -> Any:
        if self.embed is None or not before:
            return None
        return self.embed(list(before))

    # -- the learned ranking -------------------------------------------------------------

    def features_of(self, groups: Sequence[Group]) -> list[dict[str, float]]:
        """book.ranker's features of each ranked group, against the whole week."""
        arts = self.pool.articles
        outlets = {o for a in arts for o in (a.outlets or ([a.outlet] if a.outlet else [])) if o}
        ids = [a.article_id for a in arts]
        leads = [g.lead or g.seed for g in groups]
        if self.embed is not None and groups and arts:
            tv = self.embed([a.title or "" for a in arts])
            lv = self.embed([condense(r.cand.sent.text) for r in leads])
            sims = lv @ tv.T
            rows = [dict(zip(ids, (float(x) for x in row), strict=True)) for row in sims]
            cut = TITLE_TELLS
        else:
            tvs = self.pool.title_vecs
            rows = [{a: cosine(r.cand.vec, tvs.get(a, {})) for a in ids} for r in leads]
            cut = TITLE_TELLS_LEXICAL
        return group_features(groups, self.w, len(arts), len(outlets), rows, cut)

    # -- writing -------------------------------------------------------------------------

    def find(self, before: Sequence[str] = ()) -> list[Development]:
        """Every development of the period, most consequential first.

        `before`: the comparison period's development texts (novelty)."""
        reports = find_reports(self.pool, self.period, self.w)
        groups = self.rank(self.group(reports), before)
        groups = self.rank(self.absorb(groups), before, keep_lead=True)
        self.features = self.features_of(groups)
        model = shipped_ranker() if self.learned else None
        self.hand_scores = [g.score for g in groups]
        if model is not None:
            for g, f in zip(groups, self.features, strict=True):
                g.score = model.score(f)
            order = sorted(range(len(groups)), key=lambda i: (-groups[i].score, i))
            groups = [groups[i] for i in order]
            self.features = [self.features[i] for i in order]
            self.hand_scores = [self.hand_scores[i] for i in order]
        sim = self._sim if self.embed is not None else None
        self.groups = groups
        self.developments = [write(g, self.w, sim) for g in groups]
        self.newslines = [(g.lead or g.seed).newsline for g in groups]
        return self.developments
