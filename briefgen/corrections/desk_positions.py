"""The desk's position entries: set, flip or remove an actor's or a country's stance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.corrections.ledger import Ledger, mark
from briefgen.corrections.match import QUOTE_SIMILAR, find_actor, text_similarity
from briefgen.corrections.schema import Entry
from briefgen.corrections.seam import country_positions_again
from briefgen.knowledge.issues import get_issue
from briefgen.model import Article, Evidence, Position, Quote

if TYPE_CHECKING:
    from briefgen.nlp.attribution import Attribution


class PositionFixes(Ledger):
    """Applied after positions are derived (again, when a quotation or actor changed)."""

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
                done = existing is not None and self._remove(att, existing, name, why)
            elif e.do == "flip-position":
                done = existing is not None and self._flip(existing, name, why)
            else:
                holds = (holder, kind, country, name)
                done = self._set(att, e, existing, holds, why, by_article)
            if done:
                self._applied(e)
                actor_changed = actor_changed or kind == "actor"
        if actor_changed:
            self._country_positions_again(att)

    def _remove(self, att: Attribution, existing: Position, name: str, why: str) -> bool:
        att.positions.remove(existing)
        self._note(None, f"{name}: no longer “{existing.label}”{why}")
        return True

    def _flip(self, existing: Position, name: str, why: str) -> bool:
        old = existing.label
        existing.stance = -existing.stance
        existing.label = get_issue(existing.issue).label(existing.stance, existing.country)
        existing.confidence = 1.0
        mark(existing, f"flipped by the desk (was: {old})")
        self._note(None, f"{name} {existing.label} (was: {old}){why}")
        return True

    def _set(
        self,
        att: Attribution,
        e: Entry,
        existing: Position | None,
        holds: tuple[str, str, str | None, str],
        why: str,
        by_article: dict[str, list[Quote]],
    ) -> bool:
        """Set the stance (on the entry's quotation, when it names one); False when the
        quotation is not found (the entry's state is set)."""
        holder, kind, country, name = holds
        evidence: list[Evidence] = []
        if e.get("quote"):
            q = self._find_quote(e, by_article)
            if q is None:
                return False
            evidence = [Evidence(q.article_id, " ".join(q.text.split()), q.quote_id)]
        stance = int(e.get("stance"))
        label = get_issue(e.get("issue")).label(stance, country)
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
            return True
        existing.stance, existing.label, existing.confidence = stance, label, 1.0
        if evidence:
            existing.evidence = evidence + [
                x for x in existing.evidence if x.quote_id != evidence[0].quote_id
            ]
        mark(existing, "set by the desk")
        self._note(None, f"{name} {label}{why}")
        return True

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
        fresh = country_positions_again(actor_ps, att.actors, att.quotes)
        att.positions = actor_ps + kept + [p for p in fresh if (p.holder, p.issue) not in fixed]


def _rests_on(p: Position, article: Article, e: Entry) -> bool:
    """True when the position's evidence includes the entry's article (and words)."""
    ev = [x for x in p.evidence if x.article_id == article.article_id]
    if e.get("quote"):
        ev = [x for x in ev if text_similarity(e.get("quote"), x.text) >= QUOTE_SIMILAR]
    return bool(ev)
