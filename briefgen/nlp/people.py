"""The people, bodies and publications an article names, as records: one `Speaker` per
actor, with what its titles and asides say of it, and the lone name forms that may
later mean it.

mentions.py fills these records from the parse; a lone family name is the nearest
person of that name in the article ("Moon" after "Moon Chung-in" is the adviser, not the
president of the same name).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from briefgen.knowledge.countries import BODIES
from briefgen.knowledge.family_names import load_family_names
from briefgen.knowledge.places import place_country
from briefgen.knowledge.roles import US_POLITICS_COUNTRY
from briefgen.nlp.gazetteer import GazEntry, Lexicon
from briefgen.nlp.names import Speaker, clean_name, lone_forms, same_name, slugify
from briefgen.nlp.titles import (
    allegiance_country,
    has_role_word,
    infer_kind,
    members_of_body,
    name_and_title,
    normalize_title,
    role_and_country,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Words of a description that do not tell one person from another.
DESCRIPTION_FILLERS = frozenset({"a", "an", "the", "one", "his", "her", "their", "its"})
# A full name this many sentences back, as a subject, is what a lone family name means.
_RECENT_SENTS = 2
# Words that put an office in the past ("former acting CIA Director", "ex-minister").
_FORMER = re.compile(r"\b(?:former|formerly|onetime|one-time|ex)\b(?!-officio)", re.IGNORECASE)
# An office its dates put in the past: "in the Obama administration" in 2018 (an
# administration whose known head was not in office on the article's day), "official
# from 2012 to 2014".
_ADMINISTRATION = re.compile(r"\b([A-Z][\w.-]*)\s+administration\b")
_YEARS = re.compile(
    r"\b(?:from|between)\s+(?:19|20)\d\d\s+(?:to|until|through|and)\s+((?:19|20)\d\d)\b"
)
# An aside that tells of a defection: the state it names is the one the person left.
_DEFECTED = re.compile(r"\bdefect(?:ed|ing|ion|ors?)\b", re.IGNORECASE)
# A name, possessive or not, and the word after it ("Trump confidante", "Moon's aide").
_PATRON = re.compile(r"\b([A-Z][\w-]+)(?:['’]s)?\s+(?:(?:19|20)\d\d\s+)?([a-z]+)\b")
# A relative clause, and the verbs by which one says where a person lives or works.
_CLAUSE = re.compile(r"(?:who|which|whose)\b", re.IGNORECASE)
_LIVES_WORKS = re.compile(
    r"\b(?:lives?|living|based|works?|working|teach(?:es)?|heads?|runs?|leads?|serves?|"
    r"represents?|directs?|chairs?|manage[sd]?|is\s+(?:a|an|the)\b|(?-i:for\s+(?:the\s+)?[A-Z]))",
    re.IGNORECASE,
)
# What follows says where a former official is now ("..., who is now at CSIS").
_NOW = re.compile(r"\b(?:now|currently|today)\b", re.IGNORECASE)
# A US party and state after a name ("Rep. Jim Himes (D-Conn.)", "Sen. Mitch McConnell
# (R-Ky.)"): a member of Congress.
_PARTY_STATE = re.compile(r"\b[DRI]-[A-Z][a-z]{0,5}\b\.?")
# Kinds that speak for a state while in office, and only then.
_OFFICE_KINDS = frozenset({"government", "legislator", "international"})


@dataclass
class Mention:
    pos: int  # char offset
    sent: int  # sentence index
    key: str
    subject: bool
    person: bool


class ArticlePeople:
    """The actors of one article by key, their mentions in text order, and the records
    a name, title or aside adds to."""

    # the article's date: which known person a common family name alone means (set
    # before the mentions are collected, see sources.ArticleSources)
    day: date | None = None

    def __init__(self, doc: Doc, lex: Lexicon, quoted: Sequence[tuple[int, int]]) -> None:
        from briefgen.nlp.syntax import doc_sents, doc_tokens

        self.doc = doc
        self.lex = lex
        self.gaz = lex.gaz
        self.roles = lex.roles
        self.quoted = sorted(quoted)
        self._q_starts = [a for a, _ in self.quoted]
        self.people: dict[str, Speaker] = {}  # key -> speaker (people, bodies, publications)
        # lone name form -> [(offset, key)] of the full names that may be called by it
        self.lone: dict[str, list[tuple[int, str]]] = {}
        self.mentions: list[Mention] = []
        self.descriptions: list[tuple[int, Speaker, str]] = []  # (pos, speaker, head noun)
        self.publications: list[tuple[int, str]] = []  # (pos, key) of publications named
        self.subject_names: set[tuple[int, str]] = set()  # full names that are subjects
        # (pos, head noun, its words, key) of descriptions set beside a name ("her husband,
        # Bryan Sanders"), so that a later "her husband says" is that person
        self.appositives: list[tuple[int, str, frozenset[str], str]] = []
        self.sents = doc_sents(doc)
        self.tokens = doc_tokens(doc)
        self.sent_starts = [s.start_char for s in self.sents]
        self._tok_starts = [t.idx for t in self.tokens]

    # -- helpers
    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._q_starts, pos)
        # spans may nest (a quote inside a quote): look back over the few that start before
        return any(a <= pos < b for a, b in self.quoted[max(0, k - 3) : k])

    def sent_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def from_gaz(self, e: GazEntry) -> Speaker:
        key = slugify(e.name)
        sp = self.people.get(key)
        if sp is None:
            sp = self.people[key] = Speaker(
                name=e.name,
                role=e.role,
                country=e.country,
                kind=e.kind,
                gender=e.gender,
                named=True,
                person=e.person,
            )
        return sp

    def nearest_full(self, word: str, pos: int, title: str = "") -> str | None:
        """The key of the person a lone name at `pos` means: the nearest full name before
        it that is the subject of its clause (a speaker, not a relative named in passing),
        else the nearest before it, else the first after it, unless a known person goes
        by that name (the article then uses it before naming the other in full).  A full
        name the lone name's `title` rules out (`fits`) is not meant."""
        title = f"{self._honorific(pos)} {title}".strip()
        cands = [pk for pk in self.lone.get(word) or [] if self.fits(pk[1], word, title)]
        before = [(p, k) for p, k in cands if p <= pos]
        subjects = [(p, k) for p, k in before if (p, k) in self.subject_names]
        if len({k for _, k in before}) > 1:
            # several people of that name: one just named as a subject is meant ("Moon
            # Chung-in, an adviser, said ... Moon added"); else the one the article has
            # named most so far, not one named in passing ("First lady Melania Trump")
            here = self.sent_index(pos)
            recent = [(p, k) for p, k in subjects if here - self.sent_index(p) <= _RECENT_SENTS]
            if recent:
                return max(recent)[1]
            # "Hillary Clinton ... her husband, Bill Clinton ... Clinton said": one named
            # as another's relative is named in passing
            kin = {k for _, h, _, k in self.appositives if h in self.roles.kin_nouns}
            if {k for _, k in before} - kin:
                before = [(p, k) for p, k in before if k not in kin]
            keys = {k for _, k in before}
            counts = Counter(k for _, k in set(before))
            counts.update(m.key for m in self.mentions if m.pos < pos and m.key in keys)
            return max(before, key=lambda pk: (counts[pk[1]], pk[0]))[1]
        if subjects:
            return max(subjects)[1]
        if before:
            return max(before)[1]
        known = self.gaz.lookup(word)
        if cands and known is not None and known.person:
            return None  # "Trump said ... first lady Melania Trump": the known Trump
        return min(cands)[1] if cands else None

    def _honorific(self, pos: int) -> str:
        """The word right before the token at `pos` ("Mr." in "Mr. Trump"), which titles
        lose (normalize_title) but which says whom a lone name means."""
        k = bisect.bisect_left(self._tok_starts, pos)
        if k == 0 or k >= len(self._tok_starts) or self._tok_starts[k] != pos:
            return ""
        return self.tokens[k - 1].text

    def fits(self, key: str, word: str, title: str) -> bool:
        """Whether the lone name `word` with `title` may mean the full name `key`: not
        "Mr. Trump" for Melania Trump (gender), nor "President Trump" for her when the
        known person of that name holds the title and she does not (role)."""
        sp = self.people.get(key)
        if sp is None or not title:
            return True
        gender = self.roles.gender_of(title)
        if gender and sp.gender and gender != sp.gender:
            return False
        known = self.gaz.lookup(word)
        if known is None or not known.person or slugify(known.name) == key:
            return True
        said = set(title.lower().split()) - self.roles.not_offices
        return not (said & set((known.role or "").lower().split())) or bool(
            said & set((sp.role or "").lower().split())
        )

    # -- people
    def person(
        self,
        name: str,
        title: str = "",
        appos: str | None = None,
        pos: int = -1,
        about: str = "",
    ) -> Speaker:
        """The speaker for a person's name; a lone family name is the nearest full name.
        `about` is what else the text says of them ("from Queens", ", who works at ...")."""
        name, lead = name_and_title(clean_name(name), self.roles)
        if lead:
            title = normalize_title(f"{title} {lead}".strip(), self.roles)
        sp, e = self._person_record(name, pos, title)
        self._learn(sp, name, title, appos, e)
        if about and (e is None or e.kind == "other"):
            self._learn_about(sp, about)
        return sp

    def _learn_about(self, sp: Speaker, about: str) -> None:
        """A country (and an employer's kind) from what the text says of a person beyond
        the title: "a Web developer from Queens", "who works at CloudFlare".  An office
        held before ("who formerly served as U.S. ambassador") places nobody now, nor
        does a state left ("who worked for North Korea's government before defecting")."""
        if _DEFECTED.search(about):
            about = _now_part(about)  # "a North Korean defector now living in South Korea"
            if not about:
                return
        if self._former_office(about):
            sp.kind = "expert" if sp.kind == "other" else sp.kind
            about = _now_part(about)
            if not about:
                return
        employer = self.employer(about)
        # "who visited Pyongyang", "who was detained in North Korea": a clause of what the
        # person did names places they went, not whom they speak for
        about = "; ".join(p for p in about.split(" ; ") if _places_person(p))
        if sp.country is None:
            sp.country = (
                allegiance_country(about)
                or (employer.country if employer is not None else None)
                or place_country(about)
                or (None if self._past(about) else self.patron_country(about))
            )  # "who managed the Trump campaign", not "a former Trump aide"
        if employer is not None and sp.kind == "other":
            sp.kind = employer.kind

    def _person_record(self, name: str, pos: int, title: str) -> tuple[Speaker, GazEntry | None]:
        if " " not in name:
            key = self.nearest_full(name, pos if pos >= 0 else 10**9, title)
            if key is not None:
                return self.people[key], None
        e = self.gaz.lookup(name)
        if e is None and " " not in name:
            e = self.gaz.alone(name, self.day)  # "Kim said", no Kim named in full: the leader
        if e is not None:
            return self.from_gaz(e), e
        for key, sp in self.people.items():  # "Kim Jong-un" after "Kim Jong Un"
            if sp.named and sp.person and " " in name and same_name(sp.name, name):
                return self.people[key], None
        key = slugify(name)
        if key not in self.people:
            first = name.split()[0]
            gender = load_family_names().gender_of_given(first) if " " in name else None
            self.people[key] = Speaker(name=name, named=True, gender=gender)
        return self.people[key], None

    def _learn(
        self, sp: Speaker, name: str, title: str, appos: str | None, e: GazEntry | None
    ) -> None:
        """What a mention's title and apposition add: role, country, kind, gender."""
        self._employer_kind: str | None = None
        if " " in name and name != sp.name:
            sp.aliases.add(name)  # a lone family name is no alias: it may mean another
        former = False
        for source in (title, appos or ""):
            if not source:
                continue
            if self._former_office(source):
                # "former acting CIA Director Michael Morell": he no longer speaks for the
                # state; a former official commenting is an expert, placed only by where he
                # works now (labels/GUIDE.md, country)
                former = True
                if e is None or e.kind == "other":
                    sp.role = sp.role or role_and_country(source, self.roles)[0]
                source = _now_part(source)  # "... who is now at the Heritage Foundation"
                if not source:
                    continue
            role, country = role_and_country(source, self.roles)
            if (
                role
                and has_role_word(role, self.roles)
                and (sp.role is None or source is title or e is None)
                and not (source is appos and sp.role)
            ):
                sp.role = role
            if country:
                country = allegiance_country(source)  # not "a China analyst"
            if country and _DEFECTED.search(source):
                # "a North Korean defector": the state left; only where he lives now counts
                country = allegiance_country(_now_part(source)) if _now_part(source) else None
            employer = self.employer(source)
            if country is None and employer is not None:
                country = employer.country
            if country is None and employer is None and source is title:
                country = self._office_place(source)  # "Utah State Representative"
            if country and (sp.country is None or e is None):
                sp.country = country
            if employer is not None and (e is None or e.kind == "other"):
                self._employer_kind = employer.kind
        text_bits = " ".join(
            x for x in (title, appos or "", sp.role or "") if x and not self._past(x)
        )
        if sp.country is None:
            sp.country = self.patron_country(text_bits)  # "Trump confidante Hope Hicks"
        party = _PARTY_STATE.search(text_bits) is not None
        if sp.country is None and (party or self.roles.politics_country(text_bits)):
            sp.country = US_POLITICS_COUNTRY  # "Sen. Chris Coons, Delaware Democrat"
        if e is None or e.kind == "other":
            kind = infer_kind(text_bits, sp.country, "other", self.roles)
            kind = "legislator" if party and kind == "other" else kind
            if former and kind == "other" and sp.kind not in _OFFICE_KINDS:
                kind = "expert"  # no office held now: a former official comments
            if self._employer_kind is not None and kind not in ("defector", "legislator"):
                kind = self._employer_kind  # "chief executive of CloudFlare": as the body is
            if (kind != "other" or sp.kind == "other") and sp.kind != "defector":
                sp.kind = kind  # a defector stays one whatever later titles say
        elif self.roles.has("defector", text_bits):
            sp.kind = "defector"
        if sp.gender is None and self.roles.female_re.search(text_bits):
            sp.gender = "f"

    def patron_country(self, text: str) -> str | None:
        """ "Trump confidante", "the Trump campaign", "Huckabee's 2008 campaign manager":
        the country of the person whom the words say the speaker serves, known
        (actors.yaml) or placed by the article so far."""
        for m in _PATRON.finditer(text):
            if m.group(2).lower() not in self.roles.serving_nouns:
                continue
            e = self.gaz.lookup(m.group(1))
            if e is not None and e.person and e.country:
                return e.country
            key = self.nearest_full(m.group(1), 10**9) if e is None else None
            sp = self.people.get(key) if key is not None else None
            if sp is not None and sp.person and sp.country:
                return sp.country
        return None

    def nationality(self, text: str) -> str | None:
        """ "Australian traveler": the nationality of a person of no office; not the state a
        defector left ("North Korean defector")."""
        if not text or _DEFECTED.search(text):
            return None
        return allegiance_country(text)

    def _office_place(self, title: str) -> str | None:
        """ "Utah State Representative", "Texas Gov.": an office of a state or city the
        places list knows serves that place's country (not "former": see _learn), and
        the office's kind is the holder's."""
        office = " ".join(
            w
            for w in title.split()
            if w.lower() in self.roles.title_words or w.lower() in self.roles.role_nouns
        )
        kind = infer_kind(office, None, "", self.roles)
        code = place_country(title) if kind in ("government", "legislator") else None
        if code is not None:
            self._employer_kind = kind
        return code

    def learn_employer(self, sp: Speaker, about: str) -> None:
        """A lone family name's aside ("Rogers, who works at CloudFlare", "Kelley, the
        former IAEA inspector who is now a fellow at SIPRI"): only a known employer places
        the person, since a place or country in an aside on a name met before tells of
        what they did ("who visited Pyongyang"), not whom they speak for."""
        if not about:
            return
        if self._former_office(about):
            about = _now_part(about)
        employer = self.employer(about)
        if employer is None or employer.kind in ("media", "state-media"):
            return
        if sp.country is None:
            sp.country = employer.country
        if sp.kind == "other":
            sp.kind = employer.kind

    def _past(self, text: str) -> bool:
        """Words that put what `text` says in the past: "former", "ex-", or dates that
        ended before the article's day ("in the Obama administration" in 2018, "from
        2012 to 2014")."""
        if _FORMER.search(text):
            return True
        if self.day is None:
            return False
        if any(int(m.group(1)) < self.day.year for m in _YEARS.finditer(text)):
            return True
        return any(
            self.gaz.in_office(m.group(1), self.day) is False
            for m in _ADMINISTRATION.finditer(text)
        )

    def _former_office(self, text: str) -> bool:
        """ "former Secretary of State", "who formerly served as U.S. ambassador",
        "ex-CIA chief", "official in the Obama administration" (in 2018): an office in a
        state or body held before (not "a former lawyer")."""
        if not self._past(text):
            return False
        if infer_kind(text, None, "", self.roles) in _OFFICE_KINDS:
            return True
        if allegiance_country(text) in BODIES:
            return True  # "a former inspector for the IAEA": no longer the body's voice
        employer = self.employer(text)
        return employer is not None and employer.kind in _OFFICE_KINDS

    def employer(self, text: str) -> GazEntry | None:
        """The first known body named in a role that says where the person works ("a
        researcher at the Korea Institute for National Unification")."""
        for e in self.gaz.bodies_in(text):
            if e.country in BODIES and members_of_body(text):
                continue  # "a U.N. Security Council diplomat" serves a member state
            if e.country:
                return e
        return None

    def employer_country(self, text: str) -> str | None:
        """The country of the known body the role says the person works for, if any."""
        e = self.employer(text)
        return e.country if e is not None else None

    def _register(self, sp: Speaker, name: str, pos: int) -> None:
        for n in {sp.name, name}:
            for form in lone_forms(n):
                self.lone.setdefault(form, []).append((pos, sp.key))

    def described_as(self, head: str, words: set[str], pos: int) -> Speaker | None:
        """The named person last described by these words beside their name before `pos`."""
        words = words - DESCRIPTION_FILLERS
        for p, h, ws, key in reversed(self.appositives):
            if p < pos and h == head and words <= ws:
                return self.people.get(key)
        return None

    def _appos(self, tok: Token) -> str | None:
        from briefgen.nlp.syntax import appos_text

        return appos_text(tok)

    def _mention(self, pos: int, key: str, subject: bool, person: bool) -> None:
        self.mentions.append(Mention(pos, self.sent_index(pos), key, subject, person))


def _places_person(part: str) -> bool:
    """Whether an aside may place the person by the places it names: a description
    ("a Web developer from Queens"), or a clause of where they live or work ("who
    lives in Seoul", "who works at CloudFlare", "who brought challenges for the ACLU"),
    not one of what they did ("who visited Pyongyang")."""
    if not _CLAUSE.match(part):
        return True
    return _LIVES_WORKS.search(part) is not None


def _now_part(text: str) -> str:
    """What a description says of the present after a past office ("a former Pentagon
    official who is now an expert at the Heritage Foundation" -> "an expert at the
    Heritage Foundation"); "" when it says nothing of it."""
    m = _NOW.search(text)
    return text[m.end() :].strip(" ,") if m else ""
