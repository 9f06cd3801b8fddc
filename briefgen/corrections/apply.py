"""Applying the desk's corrections at each stage of one run, and saying what they did.

`Desk` is made once per run (pipeline.analyse) and called at each stage, in the order
the records are made:

    articles()     after reading: drop an article, set its date, outlet, relevance
    attribution()  after quotes and actors are found: actor merges, aliases and fixes,
                   then quotation fixes, then positions derived again from the fixed
                   quotations, then position set / flip / remove
    keyphrases()   after keyphrases: ban, rename, pin
    brief()        after the book is assembled: key-quote and bottom-line pins and bans,
                   and the desk's notes for the sources

Every entry ends the run in one of four states: applied; stale (what it names is no
longer there: it needs the analyst); for another period (its article is outside this
one); or not needed this period (its actor, position or phrase does not come up).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.corrections.match import (
    QUOTE_SIMILAR,
    ArticleIndex,
    find_actor,
    find_quote,
    find_sentence,
    norm,
    text_similarity,
)
from briefgen.corrections.schema import ArticleRef, Corrections, Entry
from briefgen.corrections.seam import (
    country_positions_again,
    derive_positions_again,
    issue_label,
)
from briefgen.model import (
    Actor,
    Article,
    Brief,
    Evidence,
    Keyphrase,
    KeyphraseScope,
    Position,
    Quote,
    Statement,
)
from briefgen.periods import Period

if TYPE_CHECKING:
    from briefgen.nlp.attribution import Attribution

MARK = "✎"
_REPLACED = frozenset({"speaker", "country", "role", "kind", "named"})
# A bottom-line item this close to a banned sentence is that sentence.
BLUF_BAN_SIMILAR = 0.8
KEY_QUOTES_MIN = 5
# Entries only a brief can apply (exports leave them out of their counts).
BRIEF_ONLY = frozenset({"pin-quote", "ban-quote", "pin-bottom-line", "ban-bottom-line"})


def mark(item: Article | Quote | Actor | Position | Keyphrase | Statement, note: str) -> None:
    """Add a note to what the desk changed in an item (shown discreetly in the brief)."""
    if not note:
        return
    notes = [n for n in item.edited.split("; ") if n]
    # a later "speaker X" replaces an earlier one: the note says what stands
    key = note.split(" ", 1)[0]
    if key in _REPLACED:
        notes = [n for n in notes if n.split(" ", 1)[0] != key]
    if note not in notes:
        notes.append(note)
    item.edited = "; ".join(notes)


def _short(text: str, n: int = 60) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1].rstrip() + "…"


@dataclass
class Desk:
    """The corrections of one run and what became of each entry."""

    corrections: Corrections
    relevance_threshold: float = 0.35
    actor_files: Sequence[str] = ()
    applied: dict[int, str] = field(default_factory=dict)
    stale: dict[int, str] = field(default_factory=dict)
    elsewhere: set[int] = field(default_factory=set)
    # notes for the brief's sources: per article id, and the rest
    article_notes: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    _index: ArticleIndex | None = None
    _in_period: set[str] = field(default_factory=set)
    _analysed: set[str] = field(default_factory=set)
    _pins: list[tuple[int, str]] = field(default_factory=list)  # (entry, quote_id)
    _bans: dict[str, int] = field(default_factory=dict)  # quote_id -> entry
    # False until brief() ran: an export has no key quotes or bottom line to pin
    brief_done: bool = False
    # each quotation's speaker as the extraction found it, for the notes
    _was: dict[str, str | None] = field(default_factory=dict)

    # ------------------------------------------------------------------ bookkeeping

    def _pos(self, e: Entry) -> int:
        return next(i for i, x in enumerate(self.corrections.entries) if x is e)

    def _applied(self, e: Entry, note: str = "") -> None:
        i = self._pos(e)
        self.stale.pop(i, None)
        self.elsewhere.discard(i)
        self.applied[i] = note

    def _stale(self, e: Entry, why: str) -> None:
        i = self._pos(e)
        if i not in self.applied:
            self.stale[i] = why

    def _elsewhere(self, e: Entry) -> None:
        i = self._pos(e)
        if i not in self.applied and i not in self.stale:
            self.elsewhere.add(i)

    def _note(self, article_id: str | None, note: str) -> None:
        if article_id:
            self.article_notes.setdefault(article_id, []).append(note)
        else:
            self.notes.append(note)

    @property
    def unused(self) -> list[int]:
        done = set(self.applied) | set(self.stale) | self.elsewhere
        return [
            i
            for i, e in enumerate(self.corrections.entries)
            if i not in done and (self.brief_done or e.do not in BRIEF_ONLY)
        ]

    def summary(self) -> str:
        """The one line a run prints about the corrections."""
        files = ", ".join(Path(f).name for f in self.corrections.files) or "no file"
        applied = [i for i, e in enumerate(self.corrections.entries) if i in self.applied]
        pending = (
            []
            if self.brief_done
            else [
                i
                for i, e in enumerate(self.corrections.entries)
                if e.do in BRIEF_ONLY
                and i not in self.applied
                and i not in self.stale
                and i not in self.elsewhere
            ]
        )
        parts = [f"{len(applied)} applied"]
        if self.stale:
            parts.append(f"{len(self.stale)} stale")
        if self.elsewhere:
            parts.append(f"{len(self.elsewhere)} for other periods")
        if self.unused:
            parts.append(f"{len(self.unused)} not needed this period")
        if pending:
            parts.append(f"{len(pending)} for the brief only")
        return f"Corrections ({files}): " + ", ".join(parts)

    def stale_lines(self) -> list[str]:
        """One line per stale entry: where it is, what it says, why, and what to do."""
        out = []
        for i, why in sorted(self.stale.items()):
            e = self.corrections.entries[i]
            out.append(f"stale correction {e.key} ({e.describe()}): {why}")
        return out

    def status(self) -> list[dict[str, str]]:
        """Every entry with its state this run (for `briefgen corrections check`)."""
        rows = []
        for i, e in enumerate(self.corrections.entries):
            if i in self.applied:
                state, detail = "applied", self.applied[i]
            elif i in self.stale:
                state, detail = "stale", self.stale[i]
            elif i in self.elsewhere:
                state, detail = "other period", "its article is outside this period"
            elif e.do in BRIEF_ONLY and not self.brief_done:
                state, detail = "brief only", "applies when the brief is built"
            else:
                state, detail = "not needed", "nothing it names comes up in this period"
            rows.append(
                {"entry": e.key, "do": e.do, "what": e.describe(), "state": state, "detail": detail}
            )
        return rows

    def only(self, *verbs: str) -> Desk:
        """This desk with only the entries of these verbs (a run that makes nothing else
        counts nothing else)."""
        kept = Corrections(self.corrections.of(*verbs), self.corrections.files)
        return Desk(kept, self.relevance_threshold, self.actor_files)

    # ------------------------------------------------------------------ articles

    def articles(self, articles: list[Article], period: Period) -> list[Article]:
        """The corpus with article corrections applied (dropped ones left out)."""
        entries = self.corrections.of("drop-article", "set-article")
        if not entries:
            self._index = None
            return articles
        index = ArticleIndex(articles)
        dropped: set[str] = set()
        for e in entries:
            ref: ArticleRef = e.get("article")
            a = index.find(ref)
            if a is None:
                self._stale(e, _no_article(ref))
                continue
            was_in = period.contains(a.published)
            if e.do == "drop-article":
                dropped.add(a.article_id)
                if was_in:
                    self._applied(e)
                    why = f" ({e.reason})" if e.reason else ""
                    self._note(None, f"left out “{_short(a.title)}”{why}")
                else:
                    self._elsewhere(e)
                continue
            changes = self._set_article(a, e)
            if was_in or period.contains(a.published):
                self._applied(e)
                if changes:
                    self._note(a.article_id, "; ".join(changes))
            else:
                self._elsewhere(e)
        self._index = None
        return [a for a in articles if a.article_id not in dropped]

    def _set_article(self, a: Article, e: Entry) -> list[str]:
        changes = []
        if e.get("date") is not None and e.get("date") != a.published:
            changes.append(
                f"date set to {e.get('date').isoformat()}"
                + (f" (was {a.published.isoformat()})" if a.published else "")
            )
            a.published = e.get("date")
            a.date_source = "desk"
        if e.get("outlet") and e.get("outlet") != a.outlet:
            old = a.outlet
            changes.append(f"outlet set to {e.get('outlet')}" + (f" (was {old})" if old else ""))
            a.outlet = e.get("outlet")
            a.outlets = [a.outlet] + [o for o in a.outlets if o not in (old, a.outlet)]
        if e.get("relevance") is not None:
            r = float(e.get("relevance"))
            low = r < self.relevance_threshold
            if low != a.low_relevance or r != a.relevance:
                changes.append(f"relevance set to {r:.2f}" + (" (low)" if low else ""))
            a.relevance = r
            a.low_relevance = low
        for c in changes:
            mark(a, c)
        return changes

    def analysed(
        self, corpus: Sequence[Article], in_period: Sequence[Article], analysed: Sequence[Article]
    ) -> None:
        """Which articles the run can find (all read), holds (the period) and analyses
        (the period's, less low-relevance ones)."""
        self._index = ArticleIndex(corpus)
        self._in_period = {a.article_id for a in in_period}
        self._analysed = {a.article_id for a in analysed}

    def _article_for(self, e: Entry) -> Article | None:
        """The entry's article when the run analyses it; None (and the entry's state set)
        otherwise."""
        ref: ArticleRef = e.get("article")
        if self._index is None:
            return None
        a = self._index.find(ref, e.get("quote") or e.get("text"))
        if a is None:
            self._stale(e, _no_article(ref))
            return None
        if a.article_id not in self._analysed:
            self._elsewhere(e)
            return None
        return a

    # ------------------------------------------------------------------ attribution

    def attribution(
        self, att: Attribution, period: Period, analysed: Sequence[Article] | None = None
    ) -> None:
        """Actor, quotation and position corrections, in place; positions are derived
        again when a quotation or an actor changed.

        `analysed`: the articles of another period `att` was made from (the one a brief
        compares with): corrected the same way, without counting towards this run's
        report.
        """
        if analysed is not None:
            other = Desk(self.corrections, self.relevance_threshold, self.actor_files)
            other._index = self._index
            other._analysed = {a.article_id for a in analysed}
            other.attribution(att, period)
            return
        self._was = {q.quote_id: q.speaker for q in att.quotes}
        changed = self._actors(att)
        changed = self._quotes(att) or changed
        if changed:
            self._recount(att)
            att.positions = derive_positions_again(att, period)
        self._positions(att)
        self._quote_pins(att)

    def _quotes_by_article(self, att: Attribution) -> dict[str, list[Quote]]:
        out: dict[str, list[Quote]] = {}
        for q in att.quotes:
            out.setdefault(q.article_id, []).append(q)
        return out

    def _find_quote(self, e: Entry, by_article: dict[str, list[Quote]]) -> Quote | None:
        a = self._article_for(e)
        if a is None:
            return None
        q, score = find_quote(by_article.get(a.article_id, []), e.get("quote"), e.get("was"))
        if q is None:
            near = f" (the closest is {score:.0%} alike)" if score >= 0.5 else ""
            self._stale(
                e,
                f"no quotation with these words in “{_short(a.title, 50)}”{near}; "
                "copy the words again from `briefgen quotes` or delete the entry",
            )
        return q

    def _actors(self, att: Attribution) -> bool:
        changed = False
        for e in self.corrections.of("merge-actors", "add-alias"):
            names = e.get("merge") if e.do == "merge-actors" else e.get("alias")
            sources = [a for a in (find_actor(att.actors, n) for n in names) if a is not None]
            target = find_actor(att.actors, e.get("actor"))
            if e.do == "add-alias" and target is not None:
                for n in names:
                    if n not in target.aliases and norm(n) != norm(target.name):
                        target.aliases.append(n)
            sources = list({id(s): s for s in sources if s is not target}.values())
            if not sources:
                if e.do == "add-alias" and target is not None:
                    self._applied(e)
                continue
            if target is None:
                target = self._new_actor(e.get("actor"))
                att.actors.append(target)
            self._merge(att, target, sources, e)
            self._applied(e)
            changed = True
        for e in self.corrections.of("set-actor"):
            a = find_actor(att.actors, e.get("actor"))
            if a is None:
                continue
            old_name = a.name
            notes = self._set_actor(att, a, e)
            self._applied(e)
            if notes:
                changed = True
                why = f" ({e.reason})" if e.reason else ""
                self._note(None, f"{old_name}: " + "; ".join(notes) + why)
        return changed

    def _new_actor(self, name: str) -> Actor:
        """An actor the period's extraction did not produce: from the gazetteer when it
        knows the name, else as the desk names it."""
        from briefgen.nlp.gazetteer import load_gazetteer
        from briefgen.nlp.names import slugify

        hit = load_gazetteer([Path(p) for p in self.actor_files]).lookup(name)
        if hit is not None:
            return Actor(
                actor_id=slugify(hit.name),
                name=hit.name,
                kind=hit.kind,  # type: ignore[arg-type]
                role=hit.role,
                country=hit.country,
                aliases=list(hit.aliases),
            )
        return Actor(actor_id=slugify(name), name=name)

    def _merge(self, att: Attribution, target: Actor, sources: list[Actor], e: Entry) -> None:
        ids = {s.actor_id for s in sources}
        for s in sources:
            for n in (s.name, *s.aliases):
                if norm(n) != norm(target.name) and n not in target.aliases:
                    target.aliases.append(n)
            target.article_ids += [x for x in s.article_ids if x not in target.article_ids]
            target.mentions += s.mentions
            target.role = target.role or s.role
            target.country = target.country or s.country
            if target.kind == "other":
                target.kind = s.kind
        att.actors = [a for a in att.actors if a.actor_id not in ids or a is target]
        names = ", ".join(s.name for s in sources)
        mark(target, f"merged with {names}")
        self._note(
            None, f"{names} counted as {target.name}" + (f" ({e.reason})" if e.reason else "")
        )
        for q in att.quotes:
            if q.actor_id in ids:
                was = self._was.get(q.quote_id, q.speaker)
                q.actor_id = target.actor_id
                q.speaker = target.name
                q.country = target.country or q.country
                q.speaker_role = q.speaker_role or target.role
                if was != target.name:
                    mark(q, f"speaker {target.name} (was {was})")

    def _set_actor(self, att: Attribution, a: Actor, e: Entry) -> list[str]:
        notes = []
        if e.get("name") and e.get("name") != a.name:
            notes.append(f"named {e.get('name')}")
            if a.name not in a.aliases:
                a.aliases.append(a.name)
            a.name = e.get("name")
        if e.get("country") and e.get("country") != a.country:
            notes.append(
                f"country {e.get('country')}" + (f" (was {a.country})" if a.country else "")
            )
            a.country = e.get("country")
        if e.get("role") and e.get("role") != a.role:
            notes.append(f"role {e.get('role')}")
            a.role = e.get("role")
        if e.get("kind") and e.get("kind") != a.kind:
            notes.append(f"kind {e.get('kind')} (was {a.kind})")
            a.kind = e.get("kind")
        for n in notes:
            mark(a, n)
        for q in att.quotes:
            if q.actor_id != a.actor_id:
                continue
            q.speaker = a.name
            if e.get("country") and not _quote_country_set(q):
                q.country = a.country
            if e.get("role"):
                q.speaker_role = a.role
        return notes

    def _quotes(self, att: Attribution) -> bool:
        changed = False
        by_article = self._quotes_by_article(att)
        drop: set[str] = set()
        for e in self.corrections.of("drop-quote"):
            q = self._find_quote(e, by_article)
            if q is not None:
                drop.add(q.quote_id)
                self._applied(e)
                why = f" ({e.reason})" if e.reason else ""
                self._note(q.article_id, f"dropped the quotation “{_short(q.text, 50)}”{why}")
        for e in self.corrections.of("set-quote"):
            q = self._find_quote(e, by_article)
            if q is None:
                continue
            self._set_quote(att, q, e)
            self._applied(e)
            changed = True
        if drop:
            att.quotes = [q for q in att.quotes if q.quote_id not in drop]
            changed = True
        return changed

    def _set_quote(self, att: Attribution, q: Quote, e: Entry) -> None:
        notes = []
        if e.get("speaker") and norm(e.get("speaker")) != norm(q.speaker or ""):
            actor = find_actor(att.actors, e.get("speaker"))
            if actor is None:
                actor = self._new_actor(e.get("speaker"))
                # what the text said of the speaker still holds when only the name was
                # missing: "France's foreign minister" named is still a foreign minister
                before = next((a for a in att.actors if a.actor_id == q.actor_id), None)
                actor.country = (
                    e.get("country") or actor.country or (before.country if before else None)
                )
                actor.role = e.get("role") or actor.role or q.speaker_role
                if actor.kind == "other" and before is not None:
                    actor.kind = before.kind
                actor.article_ids.append(q.article_id)
                att.actors.append(actor)
            was = self._was.get(q.quote_id, q.speaker)
            notes.append(f"speaker {actor.name}" + (f" (was {was})" if was else ""))
            q.speaker = actor.name
            q.actor_id = actor.actor_id
            q.speaker_role = actor.role
            q.country = actor.country
            q.speaker_confidence = 1.0
        if e.get("role") and e.get("role") != q.speaker_role:
            notes.append(f"role {e.get('role')}")
            q.speaker_role = e.get("role")
        if e.get("country") and e.get("country") != q.country:
            notes.append(
                f"country {e.get('country')}" + (f" (was {q.country})" if q.country else "")
            )
            q.country = e.get("country")
        for n in notes:
            mark(q, n)
        if notes:
            self._note(q.article_id, f"“{_short(q.text, 50)}”: " + "; ".join(notes))

    def _recount(self, att: Attribution) -> None:
        """Quote counts after fixes; an actor left without a word of its own goes."""
        counts: dict[str, int] = {}
        for q in att.quotes:
            if q.actor_id:
                counts[q.actor_id] = counts.get(q.actor_id, 0) + 1
        keep = []
        for a in att.actors:
            n = counts.get(a.actor_id, 0)
            if n == 0 and a.quote_count > 0:
                continue
            a.quote_count = n
            keep.append(a)
        att.actors = sorted(keep, key=lambda x: (-x.quote_count, -x.mentions, x.name))

    # ------------------------------------------------------------------ positions

    def _positions(self, att: Attribution) -> None:
        entries = self.corrections.of("set-position", "flip-position", "remove-position")
        if not entries:
            return
        actor_changed = False
        by_article = self._quotes_by_article(att)
        for e in entries:
            holder, kind, country, name = self._holder(att, e)
            if holder is None:
                continue
            existing = next(
                (p for p in att.positions if p.holder == holder and p.issue == e.get("issue")), None
            )
            # a flip or removal naming statements holds only where the position rests on them
            if e.do != "set-position" and e.get("article") is not None:
                art = self._article_for(e)  # stale or another period: its state is set
                if art is None or existing is None or not _rests_on(existing, art, e):
                    continue
            why = f" ({e.reason})" if e.reason else ""
            if e.do == "remove-position":
                if existing is None:
                    continue
                att.positions.remove(existing)
                self._note(None, f"{name}: no longer “{existing.label}”{why}")
            elif e.do == "flip-position":
                if existing is None:
                    continue
                old = existing.label
                existing.stance = -existing.stance
                existing.label = issue_label(existing.issue, existing.stance)
                existing.confidence = 1.0
                mark(existing, f"flipped by the desk (was: {old})")
                self._note(None, f"{name} {existing.label} (was: {old}){why}")
            else:
                evidence: list[Evidence] = []
                if e.get("quote"):
                    q = self._find_quote(e, by_article)
                    if q is None:
                        continue
                    evidence = [Evidence(q.article_id, " ".join(q.text.split()), q.quote_id)]
                stance = int(e.get("stance"))
                label = issue_label(e.get("issue"), stance)
                if existing is None:
                    existing = Position(
                        holder=holder,
                        holder_kind=kind,  # type: ignore[arg-type]
                        issue=e.get("issue"),
                        stance=stance,
                        label=label,
                        country=country,
                        evidence=evidence,
                    )
                    att.positions.append(existing)
                elif existing.stance == stance and not evidence:
                    existing.confidence = 1.0
                    mark(existing, "confirmed by the desk")
                    self._applied(e)
                    actor_changed = actor_changed or kind == "actor"
                    continue
                existing.stance, existing.label, existing.confidence = stance, label, 1.0
                if evidence:
                    existing.evidence = evidence + [
                        x for x in existing.evidence if x.quote_id != evidence[0].quote_id
                    ]
                mark(existing, "set by the desk")
                self._note(None, f"{name} {label}{why}")
            self._applied(e)
            actor_changed = actor_changed or kind == "actor"
        if actor_changed:
            self._country_positions_again(att)

    def _holder(self, att: Attribution, e: Entry) -> tuple[str | None, str, str | None, str]:
        """(holder id, holder kind, country, display name) of a position entry; None
        when the holder does not speak this period."""
        from briefgen.knowledge.countries import country_name

        if e.get("actor"):
            a = find_actor(att.actors, e.get("actor"))
            if a is None:
                return None, "actor", None, ""
            return a.actor_id, "actor", a.country, a.name
        code = e.get("country")
        speaks = any(p.country == code for p in att.positions) or any(
            a.country == code for a in att.actors
        )
        if not speaks:
            return None, "country", code, ""
        return code, "country", code, country_name(code)

    def _country_positions_again(self, att: Attribution) -> None:
        """Country positions follow their officials' positions, the desk's included; a
        country position the desk set itself stays as set."""
        actor_ps = [p for p in att.positions if p.holder_kind == "actor"]
        kept = [p for p in att.positions if p.holder_kind == "country" and p.edited]
        fixed = {(p.holder, p.issue) for p in kept}
        fresh = country_positions_again(actor_ps, att.actors)
        att.positions = actor_ps + kept + [p for p in fresh if (p.holder, p.issue) not in fixed]

    # ------------------------------------------------------------------ key quotes

    def _quote_pins(self, att: Attribution) -> None:
        by_article = self._quotes_by_article(att)
        for e in self.corrections.of("pin-quote", "ban-quote"):
            q = self._find_quote(e, by_article)
            if q is None:
                continue
            if e.do == "pin-quote":
                self._pins.append((self._pos(e), q.quote_id))
            else:
                self._bans[q.quote_id] = self._pos(e)

    # ------------------------------------------------------------------ keyphrases

    def keyphrases(
        self, scopes: dict[str, list[Keyphrase]], texts: dict[str, Sequence[Article]]
    ) -> None:
        """Ban, rename and pin keyphrases, in place.  A pinned phrase the extraction did
        not pick is added only where the scope's articles (`texts`) use it."""
        for e in self.corrections.of("ban-keyphrase", "rename-keyphrase", "pin-keyphrase"):
            want = norm(e.get("phrase"))
            if e.do == "pin-keyphrase":
                targets = [e.get("scope") or "corpus"]
            else:
                targets = [e.get("scope")] if e.get("scope") else list(scopes)
            hit = False
            for sid in targets:
                ks = scopes.get(sid)
                if ks is None:
                    continue
                found = [k for k in ks if want in {norm(k.phrase), *map(norm, k.variants)}]
                if e.do == "ban-keyphrase" and found:
                    scopes[sid] = [k for k in ks if k not in found]
                    hit = True
                elif e.do == "rename-keyphrase" and found:
                    for k in found:
                        if k.phrase not in k.variants:
                            k.variants.append(k.phrase)
                        k.phrase = e.get("to")
                        mark(k, f"renamed from “{k.variants[-1]}”")
                    hit = True
                elif e.do == "pin-keyphrase":
                    top = max((k.score for k in ks), default=1.0)
                    if found:
                        k = found[0]
                        ks.remove(k)
                    else:
                        if not _used_in(e.get("phrase"), texts.get(sid, ())):
                            continue
                        scope: KeyphraseScope = "corpus" if sid == "corpus" else "country"
                        k = Keyphrase(e.get("phrase"), top, scope, sid)
                        if ks:
                            ks.pop()  # the list keeps its length
                    mark(k, "pinned by the desk")
                    ks.insert(0, k)
                    hit = True
            if hit:
                self._applied(e)
                if e.do == "ban-keyphrase":
                    self._note(None, f"keyphrase “{e.get('phrase')}” left out")

    # ------------------------------------------------------------------ the brief

    def brief(self, brief: Brief) -> None:
        """Key-quote and bottom-line pins and bans; the desk's notes on the sources."""
        self.brief_done = True
        if not self.corrections.entries:
            return
        by_id = {q.quote_id: q for q in brief.quotes}
        self._key_quotes(brief, by_id)
        self._bottom_line(brief)
        for s in brief.sources:
            notes = self.article_notes.get(s.article_id, [])
            art = next((a for a in brief.articles if a.article_id == s.article_id), None)
            if notes:
                s.edited = "; ".join(dict.fromkeys(notes))
            elif art is not None and art.edited:
                s.edited = art.edited
        brief.stats["desk"] = {
            "applied": len(self.applied),
            "notes": list(dict.fromkeys(self.notes)),
        }

    def _key_quotes(self, brief: Brief, by_id: dict[str, Quote]) -> None:
        banned = set(self._bans)
        if banned:
            before = len(brief.key_quotes)
            for qid, i in self._bans.items():
                if qid in by_id:
                    self._applied(self.corrections.entries[i])
                    why = (
                        f" ({self.corrections.entries[i].reason})"
                        if self.corrections.entries[i].reason
                        else ""
                    )
                    self._note(None, f"“{_short(by_id[qid].text, 50)}” kept out of the quotes{why}")
            brief.key_quotes = [q for q in brief.key_quotes if q.quote_id not in banned]
            for c in brief.countries:
                c.quotes = [q for q in c.quotes if q.quote_id not in banned]
            self._refill(brief, banned, max(before, KEY_QUOTES_MIN))
        pinned: list[Quote] = []
        for i, qid in self._pins:
            q = by_id.get(qid)
            if q is None or qid in banned:
                continue
            mark(q, "pinned by the desk")
            pinned.append(q)
            self._applied(self.corrections.entries[i])
        if pinned:
            n = len(brief.key_quotes)
            rest = [q for q in brief.key_quotes if q not in pinned]
            brief.key_quotes = (pinned + rest)[: max(n, len(pinned))]

    def _refill(self, brief: Brief, banned: set[str], want: int) -> None:
        """Fill the key quotes back up from the ranking, one quote per speaker."""
        from briefgen.book.keyquotes import rank_quotes

        if len(brief.key_quotes) >= want:
            return
        ranked = rank_quotes(
            [q for q in brief.quotes if q.quote_id not in banned],
            brief.actors,
            {a.article_id: a for a in brief.articles},
        )
        have = {q.actor_id or q.speaker for q in brief.key_quotes}
        seen = {norm(q.text) for q in brief.key_quotes}
        for _, q in ranked:
            if len(brief.key_quotes) >= want:
                break
            who = q.actor_id or q.speaker
            if who in have or norm(q.text) in seen:
                continue
            brief.key_quotes.append(q)
            have.add(who)
            seen.add(norm(q.text))

    def _bottom_line(self, brief: Brief) -> None:
        index = ArticleIndex(brief.articles)
        for e in self.corrections.of("ban-bottom-line"):
            ref = e.get("article")
            if ref is not None and self._index is not None and self._index.find(ref) is None:
                self._stale(e, _no_article(ref))
                continue
            keep = [
                s for s in brief.bluf if _bluf_similarity(e.get("text"), s.text) < BLUF_BAN_SIMILAR
            ]
            if len(keep) < len(brief.bluf):
                brief.bluf = keep
                self._applied(e)
                why = f" ({e.reason})" if e.reason else ""
                self._note(None, f"bottom line: “{_short(e.get('text'), 50)}” left out{why}")
        pins: list[Statement] = []
        for e in self.corrections.of("pin-bottom-line"):
            a = self._article_for(e)
            if a is None:
                continue
            a = index.find(e.get("article"), e.get("text")) or a
            sentence, score = find_sentence(a.text, e.get("text"))
            if sentence is None:
                self._stale(
                    e,
                    f"no sentence like this in “{_short(a.title, 50)}” now; copy it again from the article",
                )
                continue
            n = brief.source_number(a.article_id)
            same = [s for s in brief.bluf if _bluf_similarity(sentence, s.text) >= BLUF_BAN_SIMILAR]
            st = same[0] if same else Statement(text=sentence, cites=[n] if n else [])
            brief.bluf = [s for s in brief.bluf if s is not st]
            mark(st, "pinned by the desk")
            pins.append(st)
            self._applied(e)
        if pins:
            brief.bluf = pins + brief.bluf


def _rests_on(p: Position, article: Article, e: Entry) -> bool:
    """True when the position's evidence includes the entry's article (and words)."""
    ev = [x for x in p.evidence if x.article_id == article.article_id]
    if e.get("quote"):
        ev = [x for x in ev if text_similarity(e.get("quote"), x.text) >= QUOTE_SIMILAR]
    return bool(ev)


def _used_in(phrase: str, articles: Sequence[Article]) -> bool:
    want = f" {norm(phrase)} "
    return any(want in f" {norm(a.title)} {norm(a.text)} " for a in articles)


def _bluf_similarity(a: str, b: str) -> float:
    return text_similarity(a, b)


def _quote_country_set(q: Quote) -> bool:
    return any(n.startswith("country ") for n in q.edited.split("; "))


def _no_article(ref: ArticleRef) -> str:
    return (
        f"no article in the corpus matches {ref.describe()}; check its url/path/title "
        "with `briefgen articles` or delete the entry"
    )
