"""Pronouns: "he", "she", "it", "they" to the nearest compatible earlier speaker.

A he or she is a person of that gender (or of none known), an "it" a body, a "they" a
body or a group; the nearest sentence back is read first, its subjects before its
other mentions.  A chain of sentences led by the same he or she goes back to its name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefgen.nlp.descriptions import ArticleDescriptions
from briefgen.nlp.people import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from briefgen.nlp.gazetteer import Lexicon
    from briefgen.nlp.names import Speaker

# Sentences back a pronoun's chain may reach through sentences led by pronouns.
_CHAIN_REACH = 20
# Sentences back (besides its own) in which a bare "the official" means who spoke last.
_OFFICIAL_BACK = 3


class ArticlePronouns(ArticleDescriptions):
    """The speakers resolved so far, and the pronouns that refer back to them."""

    def __init__(self, doc: Doc, lex: Lexicon, quoted: Sequence[tuple[int, int]]) -> None:
        self.spoken: list[Mention] = []  # speakers already resolved, for pronouns
        super().__init__(doc, lex, quoted)

    def _candidates(self, pos: int) -> list[Mention]:
        return [m for m in (*self.mentions, *self.spoken) if m.pos < pos]

    def salient(
        self, pos: int, gender: str | None, person: bool = True, plural: bool = False
    ) -> Speaker | None:
        """The speaker a pronoun at `pos` refers to: in the nearest sentence back, who
        spoke there (the nearest first), then its subjects (the main clause's before a
        clause's), then its other mentions from the last; of the right sort (a person for he/she, a body for it, a body or a group
        for they).  Six sentences back at most, not counting those led by the same he or
        she ("He began ... He argued ... he complained": the chain goes back to its name)."""
        cur = self.sent_index(pos)
        before = self._candidates(pos)
        budget, s = 6, cur + 1
        while budget > 0 and s > max(0, cur - _CHAIN_REACH):
            s -= 1
            lead = self._lead_pronoun(s) if s != cur else None
            budget -= 0 if gender and self.roles.pronouns.get(lead or "") == gender else 1
            in_s = sorted((m for m in before if m.sent == s), key=lambda m: m.pos)
            # who spoke in the sentence, the nearest first, before who else is its subject
            spoke = sorted((m for m in self.spoken if m.sent == s and m.pos < pos), key=_back)
            ordered = spoke + [m for m in in_s if m.subject]
            if s == cur:  # "Trump's speech, in which he threatened": its possessor
                ordered += [m for m in reversed(in_s) if m.person and self._possessor(m.pos)]
            if s != cur and not any(m.subject for m in in_s):
                ordered += self._described_subject(s)  # "The president did not ... he"
            if s != cur and lead is None:  # in its own sentence a pronoun is
                # no object's ("Singling out Maduro, he accused ..."): only subjects there;
                # nor is it in one led by a pronoun ("He said China could press Kim
                # Jong Un"): that pronoun carries the chain back, Kim is what was said
                ordered += [m for m in reversed(in_s) if not m.subject]
            for m in ordered:
                sp = self.people.get(m.key)
                if sp is not None and self._fits(sp, gender, person, plural):
                    return sp
        return None

    def _described_subject(self, s: int) -> list[Mention]:
        """ "The president did not reference military action. Instead, he criticized ...":
        a sentence whose subject is a definite description of a named person ("the
        president", "the congressman") holds a mention of that person for the pronouns
        after it (once per sentence)."""
        from briefgen.nlp.names import root_subject
        from briefgen.nlp.syntax import noun_phrase

        memo: dict[int, list[Mention]] = self.__dict__.setdefault("_described_subject_memo", {})
        if s in memo:
            return memo[s]
        memo[s] = []
        subj = root_subject(self.sents[s])
        if subj is not None and subj.lower_ in self.roles.counterpart_nouns:
            group = self._group(subj)  # "the two leaders shared an embrace. They agreed"
            if group is not None:
                memo[s] = [Mention(subj.idx, s, group.key, True, False)]
            return memo[s]
        if (
            subj is not None
            and subj.tag_ in ("NN", "NNP")
            and subj.text.islower()
            and subj.lower_ in self.roles.role_nouns
            and subj.lower_ not in self.roles.anonymous_heads
            and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)
        ):
            sp = self.match_description(noun_phrase(subj).text, None, subj.idx)
            if sp is not None:
                memo[s] = [Mention(subj.idx, s, sp.key, True, True)]
        return memo[s]

    def _possessor(self, pos: int) -> bool:
        """Is the name mentioned at `pos` a possessor ("President Trump's speech")?"""
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None:
            return False
        tok = span[0]
        while tok.dep_ in ("compound", "flat") and tok.head is not tok:
            tok = tok.head
        return tok.dep_ == "poss"

    def _group(self, head: Token) -> Speaker | None:
        """The people a group noun ("the two leaders") means (unnamed.ArticleUnnamed)."""
        return None

    def _lead_pronoun(self, s: int) -> str | None:
        """Sentence `s`'s main subject when it is a personal pronoun ("He said ...")."""
        from briefgen.nlp.names import root_subject

        subj = root_subject(self.sents[s])
        return subj.lower_ if subj is not None and subj.lower_ in self.roles.pronouns else None

    @staticmethod
    def _fits(sp: Speaker, gender: str | None, person: bool, plural: bool) -> bool:
        if person:
            return (
                sp.person and not sp.plural and not (gender and sp.gender and sp.gender != gender)
            )
        if plural:
            return sp.plural or not sp.person
        return not sp.person and not sp.plural

    def _pronoun(self, low: str, pos: int) -> Speaker | None:
        if low in ("i", "we", "you", "me", "us", "one"):
            return None
        gender = self.roles.pronouns.get(low)
        if gender is not None:
            sp = self.salient(pos, gender)
            if sp is not None and sp.gender is None:
                sp.gender = gender  # what the article calls them, for the next pronoun
            return sp
        return self.salient(pos, None, person=False, plural=low in ("they", "them", "their"))

    def earlier_body(self, head: Token, pos: int) -> Speaker | None:
        """The nearest body named before `pos` whose name has the description's head for
        its own ("the ministry" after "the Unification Ministry", "the institute" after
        "the Korea Institute for National Unification": the word before "for" or "of")
        and holds the words that set it apart ("The Defense Ministry" is no earlier
        Foreign Ministry, only a Defense one)."""
        own = {
            c.lower_
            for c in head.children
            if c.dep_ in ("compound", "amod")
            and (c.text[:1].isupper() or c.lower_ in self.roles.title_words)
        }
        for m in sorted(self._candidates(pos), key=_back):
            sp = self.people.get(m.key)
            if sp is None or sp.person or _name_head(sp.name) != head.lower_:
                continue
            if own <= set(re.findall(r"[a-z]+", sp.name.lower())):  # "Self-Defence Force"
                return sp
        return None

    def official_spoke_last(self, phrase: Span, head: Token, pos: int) -> Speaker | None:
        """A bare "the official" with no official described in the last _OFFICIAL_BACK
        sentences: the official who spoke last in them ("the Blue House spokesman said
        ... the official said"; "The adviser ... said ... The official said"), not an
        official of another country described paragraphs before, nor a new one."""
        if [t.lower_ for t in phrase] != ["the", "official"]:
            return None
        here = self.sent_index(pos)
        if any(
            h == "official" and p < pos and here - self.sent_index(p) <= _OFFICIAL_BACK
            for p, _sp, h in self.descriptions
        ):
            return None  # "A senior U.S. official said ... the official said": that one
        for m in sorted(self.spoken, key=_back):
            if m.pos >= pos:
                continue
            if here - m.sent > _OFFICIAL_BACK:
                break
            sp = self.people.get(m.key)
            if sp is None or not sp.person or sp.plural or sp.joint:
                continue
            role = (sp.role or sp.name).lower().split()
            if sp.kind == "government" and role and role[-1] in self.roles.official_heads:
                return sp
        return None

    def placed_body(self, name: str, pos: int) -> Speaker | None:
        """The nearest body named before `pos`, placed in a country, whose name ends in
        `name` ("North Korean Foreign Ministry" for a later "the Foreign Ministry"): a
        body called by its short name is the one the article named in full, not a
        body of no country that the outlet's home then claims."""
        tail = name.lower().split()
        if len(tail) < 2:
            return None  # "Ministry" alone is a description's head (unnamed.py)
        for m in sorted(self._candidates(pos), key=_back):
            sp = self.people.get(m.key)
            if sp is None or sp.person or sp.country is None or sp.joint:
                continue
            words = sp.name.lower().split()
            if len(words) > len(tail) and words[-len(tail) :] == tail:
                return sp
        return None

    def remember(self, sp: Speaker, pos: int, subject: bool = True) -> Speaker:
        """Note a resolved speaker so a later pronoun can find it."""
        self.people.setdefault(sp.key, sp)
        self.spoken.append(Mention(pos, self.sent_index(pos), sp.key, subject, sp.person))
        return self.people[sp.key]


def _back(m: Mention) -> int:
    return -m.pos


def _name_head(name: str) -> str:
    """The head word of a body's name: its last word, or the one before its first "for",
    "of" or "on" ("Korea Institute for National Unification": institute)."""
    words = name.lower().split()
    for k, w in enumerate(words):
        if w in ("for", "of", "on") and k > 0:
            return words[k - 1]
    return words[-1] if words else ""
