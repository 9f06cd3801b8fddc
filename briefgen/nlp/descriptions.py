"""Unnamed speakers: descriptions ("a senior U.S. official", "the ministry", "analysts")
kept as the article first gives them, matched to a named actor they point to ("Japan's
foreign minister" after "Japanese Foreign Minister Taro Kono"), never for sources kept
unnamed on purpose ("a senior White House official"), and placed in a country from
their own words, a person named in front ("a Trump aide") or an earlier fuller
description ("a foreign ministry official" after "a Chinese foreign ministry official").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from briefgen.knowledge.countries import country_matches, country_of, joined_with_another
from briefgen.nlp.mentions import ArticleMentions
from briefgen.nlp.names import Speaker, name_at
from briefgen.nlp.titles import infer_kind, role_and_country

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# How many earlier phrases with the same head a description looks back through.
LOOK_BACK = 100


class ArticleDescriptions(ArticleMentions):
    """The article's unnamed speakers and what they point to."""

    def _modifier_country(self, phrase: Span, head: Token) -> str | None:
        """ "a Trump aide", "a Moon spokesman": the country of the person named in front."""
        for t in phrase:
            if t.i < head.i and t.ent_type_ == "PERSON":
                name = name_at(t, self.roles)
                if name is not None:
                    return self.person(name, pos=t.idx).country
            if t.i < head.i and t.dep_ in ("poss", "compound") and t.pos_ == "PROPN":
                e = self.gaz.lookup(t.text)  # "Trump's administration", "Trump" tagged ORG
                if e is not None and e.person and e.country:
                    return e.country
        return None

    def _earlier_country(self, text: str, head: Token, pos: int) -> str | None:
        """ "a foreign ministry official" after "a Chinese foreign ministry official": the
        country of the nearest earlier phrase with the same head and all these words."""
        from briefgen.nlp.syntax import noun_phrase

        words = set(re.findall(r"[a-z]+", text.lower())) - {"a", "an", "the", "one"}
        same = self._nouns().get(head.lower_, [])
        cut = bisect.bisect_left(same, head.i)
        # The nearest LOOK_BACK phrases only: a text repeating "minister" thousands of
        # times made this a scan of every earlier one per description (quadratic).
        for i in reversed(same[max(0, cut - LOOK_BACK) : cut]):
            prev, prev_words = self._phrase_words(i, noun_phrase)
            if words <= prev_words:
                code = self._phrase_country(i, prev)
                if code is not None:
                    return code
        return None

    def _phrase_country(self, i: int, phrase: str) -> str | None:
        """country_of the noun phrase headed by token i, once per token."""
        memo: dict[int, str | None] = self.__dict__.setdefault("_phrase_country_memo", {})
        if i not in memo:
            memo[i] = country_of(phrase)
        return memo[i]

    def _described(self, head: str) -> list[tuple[int, Speaker, str]]:
        """The descriptions with this head noun, in the order they were made (the list of
        all of them was scanned per new description)."""
        by_head: dict[str, list[tuple[int, Speaker, str]]] = self.__dict__.setdefault(
            "_descriptions_by_head", {}
        )
        return by_head.setdefault(head, [])

    def _nearest_mentions(self, pos: int) -> Iterator[Any]:
        """The mentions at or before `pos`, nearest first, then those after it, nearest
        first (ties in the order they were found): the order a sort by
        (m.pos > pos, |m.pos - pos|) gives, without sorting every mention per call."""
        order: list[int] | None = self.__dict__.get("_mention_order")
        if order is None or len(order) != len(self.mentions):
            order = sorted(range(len(self.mentions)), key=lambda k: (self.mentions[k].pos, k))
            self._mention_order = order
            self._mention_pos = [self.mentions[k].pos for k in order]
        at: list[int] = self._mention_pos  # bound here: a rebuild mid-walk must not mix
        cut = bisect.bisect_right(at, pos)
        i = cut
        while i > 0:  # before: groups of equal position, nearest first, each in found order
            j = i
            while j > 0 and at[j - 1] == at[i - 1]:
                j -= 1
            for k in order[j:i]:
                yield self.mentions[k]
            i = j
        for k in order[cut:]:
            yield self.mentions[k]

    def _nouns(self) -> dict[str, list[int]]:
        """Token positions of each noun, once per article: the earlier phrases with a head
        were found by a scan of every earlier token per description, quadratic."""
        index: dict[str, list[int]] | None = getattr(self, "_noun_index", None)
        if index is None:
            index = {}
            for t in self.tokens:
                if t.pos_ == "NOUN":
                    index.setdefault(t.lower_, []).append(t.i)
            self._noun_index = index
        return index

    def _phrase_words(self, i: int, noun_phrase: Any) -> tuple[str, set[str]]:
        """The noun phrase headed by token i and its words, once per token."""
        memo: dict[int, tuple[str, set[str]]] = self.__dict__.setdefault("_phrase_memo", {})
        if i not in memo:
            text = noun_phrase(self.tokens[i]).text
            memo[i] = (text, set(re.findall(r"[a-z]+", text.lower())))
        return memo[i]

    def match_description(self, phrase: str, country: str | None, pos: int) -> Speaker | None:
        """A named actor of this article the description points to ("Japan's foreign minister")."""
        kind = infer_kind(phrase, country, "other", self.roles)
        if kind in ("defector", "expert"):
            # "a high-ranking North Korean defector": the one named defector of the
            # article; "experts say" is a group, not the one expert named
            said = self.roles.kind_patterns[kind].findall(phrase)
            if said and all(w.lower().endswith("s") for w in said):
                return None
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
        role, _ = role_and_country(phrase, self.roles)
        # "the nation's foreign minister", "its envoy": the country was read from the text
        role = re.sub(r"^(?:[a-z]+['’]s|its|their)\s+", "", role or "")
        role_l = re.sub(
            r"^(?:(?:the|a|an|top|senior|chief|current|sitting|incumbent)\s+)+", "", role.lower()
        )
        words = set(re.findall(r"[a-z]+", role_l))
        head = role_l.split()[-1] if role_l.split() else ""
        if head in self.roles.anonymous_heads:
            return None  # "a senior White House official" is unnamed on purpose
        seen: set[str] = set()
        for m in self._nearest_mentions(pos):
            sp = self.people.get(m.key)
            if sp is None or m.key in seen or not sp.named or not m.person:
                continue
            seen.add(m.key)
            if country and sp.country != country:
                continue
            if role_fits(words, (sp.role or "").lower()) or self._house_fits(head, sp):
                return sp
        return None

    def _house_fits(self, head: str, sp: Speaker) -> bool:
        """ "the congressman added" after "Rep. Jim Himes": a legislator's description fits
        a named legislator whatever the title's words ("Rep.", "Representative": alone, the
        title is only a legislator's; "Trade Representative" is no member of a house)."""
        if head.endswith(("s", "men")):
            return False  # "lawmakers", "congressmen": a group, not the one named
        role = (sp.role or "").strip().lower()
        return self.roles.kind_of(head) == "legislator" and (
            role == "representative" or self.roles.kind_of(role) == "legislator"
        )

    def describe(self, text: str, head: str, country: str | None, pos: int) -> Speaker:
        """An unnamed speaker, kept as the article first described it."""
        core = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
        mods = set(re.findall(r"\w+", core.lower())) - {head}
        for p, sp, h in reversed(self._described(head)):
            if p > pos or h != head:
                continue
            sp_mods = set(re.findall(r"\w+", sp.name.lower()))
            if mods <= sp_mods and (country is None or sp.country in (None, country)):
                return sp
        name = _described_name(text, head, self.roles.body_nouns, self.roles.single_offices)
        former = self._former_office(core)
        if former:  # "a former Trump administration official" comments for no state
            country = None
        # "leaders of North and South Korea": several states' officials together, of no
        # one state (not the outlet's or the dateline's either)
        joint = country is None and any(
            joined_with_another(core, i) for i in range(len(country_matches(core)))
        )
        default = "government" if country is not None or joint else "other"
        kind = "expert" if former else infer_kind(core, country, default, self.roles)
        sp = Speaker(
            name=name,
            role=core,
            country=country,
            kind=kind,
            named=False,
            person=head not in self.roles.body_nouns,
            plural=_plural_head(head) and head not in self.roles.body_nouns,
            confidence=0.8,
            joint=joint,
        )
        self.descriptions.append((pos, sp, head))
        self._described(head).append((pos, sp, head))
        return sp


# Heads of a group described by what follows them ("those around her").
_GROUP_WORDS = frozenset({"those", "these"})
# A description that opens on a number or quantifier takes no article ("two congressmen",
# "another source", "several analysts").
_QUANTIFIED = re.compile(
    r"^(?:another|each|every|some|any|several|many|most|both|all|no|\d+|two|three|four|"
    r"five|six|seven|eight|nine|ten|dozens?|hundreds?)\s",
    re.IGNORECASE,
)


def _plural_head(head: str) -> bool:
    """ "officials", "congressmen", "people", "those": a plural head."""
    return head.endswith(("s", "men", "people")) or head in _GROUP_WORDS


# Roles a "leader" holds: the first office of a state or party, not its deputy's.
_LEADER_ROLE = re.compile(
    r"(?<!vice )(?<!vice-)(?<!deputy )\b(?:president|prime minister|chairman|leader)\b"
)


def role_fits(words: set[str], role: str) -> bool:
    """Does a described role ("the American leader", "the US envoy") fit a named role?"""
    if not role:
        return False
    if words & {"leader"} and re.search(_LEADER_ROLE, role):
        return True  # "the American leader" is the President (not a vice chairman)
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


def _described_name(
    text: str, head: str, bodies: frozenset[str], single: frozenset[str] = frozenset()
) -> str:
    """ "the official" -> "an official"; a body, a possessive or an office one person
    holds ("the president", not "a president") keeps its article."""
    if head in single and re.fullmatch(rf"the\s+{re.escape(head)}", text.strip(), re.I):
        return f"the {head}"
    name = (
        text if re.match(r"^(?:a|an)\s", text, re.I) else re.sub(r"^the\s+", "", text, flags=re.I)
    )
    possessive = (
        re.search(r"\w(?:’s|'s)\s", name) is not None
        or re.match(r"(?:his|her|their|its)\s", name, re.I) is not None  # "her husband"
    )
    plural = _plural_head(head) and head not in bodies
    if (
        not possessive
        and not plural
        and not _QUANTIFIED.match(name)
        and not re.match(r"^(?:a|an)\s", name, re.I)
        and head not in bodies
    ):
        name = re.sub(r"^one\s+", "", name, flags=re.IGNORECASE)  # "one White House official"
        acronym_u = re.match(r"U[.A-Z]", name) is not None  # "a U.S. official", "a UN envoy"
        art = "an" if name[:1].lower() in "aeiou" and not acronym_u else "a"
        name = f"{art} {name}"
    return re.sub(r"^(A|An)\s", lambda m: m.group(1).lower() + " ", name)
