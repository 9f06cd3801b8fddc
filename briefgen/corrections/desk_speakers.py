"""The desk's actor and quotation entries: merge actors, add aliases, set an actor's
name, country, role or kind; drop a quotation or set its speaker, role or country."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.corrections.ledger import Ledger, mark, short
from briefgen.corrections.match import find_actor, norm
from briefgen.corrections.schema import Entry
from briefgen.model import Actor, Quote

if TYPE_CHECKING:
    from briefgen.nlp.attribution import Attribution


class SpeakerFixes(Ledger):
    """Applied after quotations and actors are found, before positions are derived."""

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
                self._note(q.article_id, f"dropped the quotation “{short(q.text, 50)}”{why}")
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
            self._note(q.article_id, f"“{short(q.text, 50)}”: " + "; ".join(notes))

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


def _quote_country_set(q: Quote) -> bool:
    return any(n.startswith("country ") for n in q.edited.split("; "))
