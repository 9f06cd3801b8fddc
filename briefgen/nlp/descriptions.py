"""Unnamed speakers: descriptions ("a senior U.S. official", "the ministry", "analysts")
kept as the article first gives them, matched to a named actor they point to ("Japan's
foreign minister" after "Japanese Foreign Minister Taro Kono"), never for sources kept
unnamed on purpose ("a senior White House official"), and placed in a country from
their own words, a person named in front ("a Trump aide") or an earlier fuller
description ("a foreign ministry official" after "a Chinese foreign ministry official").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefgen.knowledge.countries import country_of
from briefgen.nlp.mentions import ArticleMentions
from briefgen.nlp.names import Speaker, infer_kind, name_at, split_title

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class ArticleDescriptions(ArticleMentions):
    """The article's unnamed speakers and what they point to."""

    def _modifier_country(self, phrase: Span, head: Token) -> str | None:
        """ "a Trump aide", "a Moon spokesman": the country of the person named in front."""
        for t in phrase:
            if t.i < head.i and t.ent_type_ == "PERSON":
                name = name_at(t, self.roles)
                if name is not None:
                    return self.person(name, pos=t.idx).country
        return None

    def _earlier_country(self, text: str, head: Token, pos: int) -> str | None:
        """ "a foreign ministry official" after "a Chinese foreign ministry official": the
        country of the nearest earlier phrase with the same head and all these words."""
        from briefgen.nlp.syntax import noun_phrase

        words = set(re.findall(r"[a-z]+", text.lower())) - {"a", "an", "the", "one"}
        for t in reversed(self.tokens[: head.i]):
            if t.lower_ != head.lower_ or t.pos_ != "NOUN":
                continue
            prev = noun_phrase(t).text
            if words <= set(re.findall(r"[a-z]+", prev.lower())):
                code = country_of(prev)
                if code is not None:
                    return code
        return None

    def match_description(self, phrase: str, country: str | None, pos: int) -> Speaker | None:
        """A named actor of this article the description points to ("Japan's foreign minister")."""
        kind = infer_kind(phrase, country, "other", self.roles)
        if kind in ("defector", "expert"):
            # "a high-ranking North Korean defector": the one named defector of the article
            same = {
                m.key
                for m in self.mentions
                if m.person
                and (sp := self.people.get(m.key)) is not None
                and sp.named
                and sp.kind == kind
                and (country is None or sp.country in (None, country))
            }
            return self.people[same.pop()] if len(same) == 1 else None
        role, _ = split_title(phrase, self.roles)
        role_l = re.sub(r"^(?:the|a|an|top|senior|chief)\s+", "", (role or "").lower())
        words = set(re.findall(r"[a-z]+", role_l))
        head = role_l.split()[-1] if role_l.split() else ""
        if head in self.roles.anonymous_heads:
            return None  # "a senior White House official" is unnamed on purpose
        seen: set[str] = set()
        for m in sorted(self.mentions, key=lambda m: (m.pos > pos, abs(m.pos - pos))):
            sp = self.people.get(m.key)
            if sp is None or m.key in seen or not sp.named or not m.person:
                continue
            seen.add(m.key)
            if country and sp.country != country:
                continue
            if _role_fits(words, (sp.role or "").lower()):
                return sp
        return None

    def describe(self, text: str, head: str, country: str | None, pos: int) -> Speaker:
        """An unnamed speaker, kept as the article first described it."""
        core = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
        mods = set(re.findall(r"\w+", core.lower())) - {head}
        for p, sp, h in reversed(self.descriptions):
            if p > pos or h != head:
                continue
            sp_mods = set(re.findall(r"\w+", sp.name.lower()))
            if mods <= sp_mods and (country is None or sp.country in (None, country)):
                return sp
        name = _described_name(text, head, self.roles.body_nouns)
        kind = infer_kind(core, country, "government" if country else "other", self.roles)
        sp = Speaker(
            name=name,
            role=core,
            country=country,
            kind=kind,
            named=False,
            person=head not in self.roles.body_nouns,
            plural=head.endswith("s") and head not in self.roles.body_nouns,
            confidence=0.8,
        )
        self.descriptions.append((pos, sp, head))
        return sp


def _role_fits(words: set[str], role: str) -> bool:
    """Does a described role ("the American leader", "the US envoy") fit a named role?"""
    if not role:
        return False
    if words & {"leader"} and re.search(r"president|prime minister|chairman|leader", role):
        return True  # "the American leader" is the President
    if words & {"envoy", "diplomat"}:
        return bool(
            re.search(
                r"secretary of state|foreign (minister|secretary)|ambassador|envoy|negotiator|"
                r"representative|diplomat",
                role,
            )
        )
    core = [w for w in words if w not in {"the", "a", "an"}]
    role_words = set(re.findall(r"[a-z]+", role))
    return bool(core) and all(w in role_words for w in core)


def _described_name(text: str, head: str, bodies: frozenset[str]) -> str:
    """ "the official" -> "an official"; a body or a possessive keeps its article."""
    name = (
        text if re.match(r"^(?:a|an)\s", text, re.I) else re.sub(r"^the\s+", "", text, flags=re.I)
    )
    possessive = (
        re.search(r"\w(?:’s|'s)\s", name) is not None
        or re.match(r"(?:his|her|their|its)\s", name, re.I) is not None  # "her husband"
    )
    plural = head.endswith("s") and head not in bodies
    if (
        not possessive
        and not plural
        and not re.match(r"^(?:a|an)\s", name, re.I)
        and head not in bodies
    ):
        name = re.sub(r"^one\s+", "", name, flags=re.IGNORECASE)  # "one White House official"
        acronym_u = re.match(r"U[.A-Z]", name) is not None  # "a U.S. official", "a UN envoy"
        art = "an" if name[:1].lower() in "aeiou" and not acronym_u else "a"
        name = f"{art} {name}"
    return re.sub(r"^(A|An)\s", lambda m: m.group(1).lower() + " ", name)
