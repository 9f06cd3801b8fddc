"""Keyphrase candidates: the noun phrases of the shared spaCy parse, variants merged.

Runs of adjectives and nouns ending in a noun, cut where the dependency parse says a
word does not modify the next; merged across surface variants (plural and singular;
"North Korea" / "North Korean" / "Pyongyang" by the country gazetteer).  Named
programmes, sites, weapons systems and operations (knowledge/named.py: "Foal Eagle",
"Hwasong-15") are candidates whole, even where the parser takes them for a person or
splits them at a hyphen.  People are not candidates, in any case ("trump"; the brief
lists its actors apart), nor a known person with what the text uses as a verb ("Trump
plans"), nor their families ("Kushner family"), nor pieces of a known
body's name ("International Studies"), nor venues ("Mar-a-Lago estate"); a phrase keeps
the case it is written in.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefgen.knowledge.keyphrase_words import institutions, words
from briefgen.nlp.kppeople import actors, known_person, person_words
from briefgen.nlp.kpunits import (
    capitalised,
    unit_class,
    unit_key,
    unit_surface,
    unit_text,
    word_units,
)
from briefgen.nlp.syntax import doc_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token


_GENERIC = words("generic")
_VAGUE_HEADS = words("vague_heads")
_MEDIA_HEADS = words("media_heads")
_LOWER_VAGUE_HEADS = words("lower_vague_heads")
_VENUE_HEADS = words("venue_heads")
_TITLES = words("titles")
_PEOPLE = words("people")
_KIN_HEADS = words("kin_heads")
INSTITUTION_CODE = institutions()
_INSTITUTIONS = frozenset(INSTITUTION_CODE)


@dataclass
class Candidate:
    """One candidate phrase in one article, its variants merged."""

    key: str
    forms: Counter[str] = field(default_factory=Counter)
    count: int = 0
    first_sent: int = 10**9
    first_tok: int = 10**9
    country: str | None = None
    sents: list[int] = field(default_factory=list)  # sentence of each occurrence

    @property
    def display(self) -> str:
        if self.country:
            return self.country
        # Most frequent surface form; ties go to the first seen.
        return self.forms.most_common(1)[0][0]


def _gazetteer() -> dict[str, tuple[str, str]]:
    """{surface name: (code, display name)} for names that stand for a country or body."""
    from briefgen.knowledge.countries import load_countries

    out: dict[str, tuple[str, str]] = {}
    for e in load_countries():
        for n in (e.name, *e.names):
            if n not in _INSTITUTIONS:
                out[n] = (e.code, e.name)
    return out


_GAZ: dict[str, tuple[str, str]] | None = None


def gazetteer() -> dict[str, tuple[str, str]]:
    global _GAZ
    if _GAZ is None:
        _GAZ = _gazetteer()
    return _GAZ


_LOWER_GAZ: dict[str, tuple[str, str]] | None = None


def lower_gazetteer() -> dict[str, tuple[str, str]]:
    """The gazetteer keyed by lower-cased multi-word names only: "north korea" is the
    country, but a lone "china" or "korea" in lower case could be a common word."""
    global _LOWER_GAZ
    if _LOWER_GAZ is None:
        _LOWER_GAZ = {n.lower(): v for n, v in gazetteer().items() if " " in n}
    return _LOWER_GAZ


class _Collector:
    """Collects one parsed text's candidates; one method per rule."""

    def __init__(
        self,
        doc: Doc,
        max_words: int,
        drop_people: bool,
        people: frozenset[str] = frozenset(),
    ) -> None:
        self.doc = doc
        self.max_words = max_words
        self.drop_people = drop_people
        # lemmas the text uses as verbs: "backs" after a name is "Trump backs ..."
        self.verbs = {t.lemma_ for t in doc if t.pos_ == "VERB"}
        self.gaz = gazetteer()
        self.out: dict[str, Candidate] = {}
        self.sent_of = {t.i: si for si, sent in enumerate(doc.sents) for t in sent}
        # Words of names the tagger saw as a person somewhere in the text: "Rex Tillerson"
        # is a person even where it was missed; "Trump administration" (head noun) is kept.
        self.person_words = person_words(doc) | people
        # Tokens inside a named programme, site, weapon or operation: taken whole.
        self.named_tokens: set[int] = set()
        # Where known bodies are named: a phrase inside one is a piece of an actor's name.
        self.body_spans = actors().body_spans(doc_text(doc))
        self._classes: dict[int, str] = {}  # unit_class by a word's first token

    def unit_class(self, u: list[Token]) -> str:
        """unit_class(u), worked out once per word (a phrase's words are asked again as
        it is trimmed and checked)."""
        cls = self._classes.get(u[0].i)
        if cls is None:
            cls = self._classes[u[0].i] = unit_class(u)
        return cls

    def collect(self) -> dict[str, Candidate]:
        self.named()
        units = word_units(self.doc)
        run: list[list[Token]] = []
        for u in units:
            cls = "O" if any(t.i in self.named_tokens for t in u) else self.unit_class(u)
            if cls == "O" or (run and u[0].is_sent_start):
                if run:
                    self.split(run)
                run = [] if cls == "O" else [u]
                continue
            run.append(u)
        if run:
            self.split(run)
        return self.out

    def named(self) -> None:
        """Named programmes, sites, weapons and operations, whole ("Hwasong-15")."""
        from briefgen.knowledge.named import named_matches

        for m in named_matches(doc_text(self.doc)):
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            self.named_tokens.update(t.i for t in span)
            self.note(f"named:{m.name.lower()}", m.name, span[0].i, None)

    def note(self, key: str, surface: str, first_token: int, country: str | None) -> None:
        c = self.out.get(key)
        if c is None:
            c = self.out[key] = Candidate(key=key, country=country)
        c.forms[surface] += 1
        c.count += 1
        sent = self.sent_of.get(first_token, 0)
        c.first_tok = min(c.first_tok, first_token)
        c.first_sent = min(c.first_sent, sent)
        c.sents.append(sent)

    def is_person(self, run: list[list[Token]]) -> bool:
        """The phrase names a person: a person's name at its head, or a title before a name
        ("U.S. President Donald Trump", "President Moon Jae-in")."""
        head = run[-1]
        if head[-1].ent_type_ == "PERSON" or unit_text(head).lower() in _PEOPLE:
            return True
        if capitalised(head) and any(t.text in self.person_words for t in head):
            return True  # "Trump" the tagger took for a common noun
        if self.kin(run):
            return True  # "Kushner family": people, not a subject
        names = (" ".join(unit_text(u) for u in run[i:]) for i in range(len(run)))
        if any(known_person(n) for n in names):
            return True  # a person of the actors list, whatever the tagger saw, and
            # whatever titles come first ("Vice President Pence")
        word = unit_text(head)
        if (
            len(run) == 2
            and word.islower()
            and word.endswith("s")
            and self.verb_like(head[-1])
            and known_person(unit_text(run[0]))
        ):
            # a known person and a word of "-s" read as a verb ("Trump backs ...",
            # "Trump plans to meet ..."): headline grammar, a subject and its verb
            return True
        if unit_text(head).endswith("ing") and unit_text(head).islower() and len(run) > 1:
            # a person doing something, not a subject: "(coupled with) Trump dispatching"
            before = " ".join(unit_text(u) for u in run[:-1])
            return known_person(before) or all(t.text in self.person_words for t in run[-2])
        # A name written in lower case ("... we are helping kim jong un" in a pull quote,
        # "trump" in a hashtag): the tagger misses it, but every word is a word of a name
        # it saw elsewhere in the text.
        lower = all(unit_text(u).islower() for u in run)
        if lower and all(unit_text(u).capitalize() in self.person_words for u in run):
            return True
        for i, u in enumerate(run[:-1]):
            if unit_text(u).lower() in _TITLES and unit_text(u)[:1].isupper():
                after = run[i + 1]
                if after[0].pos_ == "PROPN" and after[0].text in self.person_words:
                    return True
        return False

    def verb_like(self, t: Token) -> bool:
        """A noun that is a verb the tagger missed: the text uses its lemma as a verb,
        or it is its sentence's root, or it takes a "to" infinitive ("plans to meet")."""
        if t.lemma_ in self.verbs or t.dep_ == "ROOT":
            return True
        return any(c.dep_ in ("acl", "xcomp") and c.tag_ == "VB" for c in t.children)

    def kin(self, run: list[list[Token]]) -> bool:
        """A kin or household noun after a name ("Kushner family", "Kim clan"): people.
        The name is a capitalised word that names no country ("Korean families" and
        "separated families" stay: divided families are a subject)."""
        if len(run) < 2 or unit_text(run[-1]).lower() not in _KIN_HEADS:
            return False
        before = unit_text(run[-2]).removesuffix("'s").removesuffix("’s")
        return before[:1].isupper() and not before.isupper() and before not in self.gaz

    def fragment(self, run: list[list[Token]]) -> bool:
        """The phrase is part of a known body's longer name (data/actors.yaml):
        "International Studies" of the "Center for Strategic and International Studies"
        is a piece of an actor's name, not a subject.  Parts of other names stay: DUC-2001's
        annotators keep "Disease Control" (of the Centers for Disease Control), and
        dropping every piece of a name with "of" or "for" in it cost 0.4 F1@10 there."""
        lo, hi = run[0][0].idx, run[-1][-1].idx + len(run[-1][-1])
        return any(s <= lo and hi <= e and (s, e) != (lo, hi) for s, e in self.body_spans)

    def venue(self, run: list[list[Token]]) -> bool:
        """The phrase names where something took place, not what: a venue's head noun
        ("Mar-a-Lago estate", "Trump International Golf Club").  Places ("in the
        Atlantic Ocean") and events ("at the Seoul Olympics") stay: they can be the
        news, and DUC-2001's annotators keep them."""
        return unit_text(run[-1]).lower() in _VENUE_HEADS

    def add(self, run: list[list[Token]]) -> None:
        # Trim trailing adjectives (a phrase ends in a noun) and leading filler ("time Pyongyang").
        while run and self.unit_class(run[-1]) != "N":
            run = run[:-1]
        while run and unit_text(run[0]).lower() in _GENERIC:
            run = run[1:]
        if not run or len(run) > self.max_words:
            return
        if self.drop_people and self.is_person(run):
            return
        words = [unit_surface(u) for u in run]
        if all(w.lower() in _GENERIC or w.lower() in _TITLES for w in words):
            return
        if words[-1].lower() in _VAGUE_HEADS or words[-1].lower() in _MEDIA_HEADS:
            return
        if words[-1] in _LOWER_VAGUE_HEADS:
            return  # "press conference"; "Munich Security Conference" is a subject
        # Only a generic noun, the rest adjectives: "wrong thing", "important issue".
        nouns = [u for u in run if self.unit_class(u) == "N"]
        if all(unit_text(u).lower() in _GENERIC and u[-1].pos_ != "PROPN" for u in nouns):
            return
        if _is_outlet(" ".join(unit_text(u) for u in run)):
            return  # a publication is a source or a speaker, not a subject
        country = self.country(run)
        if country is None and (self.fragment(run) or self.venue(run)):
            return
        key = f"country:{country[0]}" if country else " ".join(unit_key(u) for u in run)
        self.note(key, " ".join(words), run[0][0].i, country[1] if country else None)

    def country(self, run: list[list[Token]]) -> tuple[str, str] | None:
        """The country the phrase names, alone or with an epithet ("ally South Korea")."""
        gaz = self.gaz
        if all(unit_text(u).islower() for u in run):
            gaz = lower_gazetteer()  # "north korea" in a lower-case pull quote
        found = gaz.get(" ".join(unit_text(u) for u in run))
        for i in range(1, len(run)):
            if found is not None:
                break
            found = gaz.get(" ".join(unit_text(u) for u in run[i:]))
        return found

    def split(self, run: list[list[Token]]) -> None:
        """Cut a run where a word does not modify a later one ("give North Korea | room")."""
        start = 0
        for i in range(len(run) - 1):
            lo, hi = run[i][0].i, run[i][-1].i
            head = next((t.head.i for t in run[i] if not lo <= t.head.i <= hi), hi + 1)
            # People in the plural do not modify what follows: "told the senior envoys
            # sanctions pressure is ..." is two phrases, though the parser chains them.
            people = run[i][-1].tag_ == "NNS" and unit_text(run[i]).lower() in _PEOPLE
            if people or not run[i + 1][0].i <= head <= run[-1][-1].i:
                self.add(run[start : i + 1])
                start = i + 1
        self.add(run[start:])


def _is_outlet(phrase: str) -> bool:
    from briefgen.knowledge.outlets import load_outlets

    return load_outlets().lookup(phrase) is not None


# The brief's subject itself, like a country name: no keyphrase of a section or a brief.
SUBJECT_KEYS = frozenset({"korean peninsula", "peninsula", "korea", "north", "south"})


def candidates(
    doc: Doc,
    max_words: int = 5,
    drop_people: bool = True,
    people: frozenset[str] = frozenset(),
) -> dict[str, Candidate]:
    """{key: candidate} of one parsed text: runs of adjectives and nouns ending in a noun,
    and named programmes, sites, weapons and operations.

    The key merges variants: plural and singular (lemmas), case, and every gazetteer name of
    one country ("North Korea", "North Korean", "Pyongyang" -> "country:PRK").  Phrases
    naming a person ("U.S. President Donald Trump") are dropped by default: the brief lists
    its actors apart, and a name is not a subject.  `people`: more words of persons' names
    (a headline's, from its article).
    """
    return _Collector(doc, max_words, drop_people, people).collect()


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def sentence_case(title: str, text: str) -> str:
    """'North Korea Fires Missile Over Japan' -> 'North Korea fires missile over Japan': a
    word capitalised only by headline style is lower-cased when the text writes it so,
    so the parser does not take every headline word for a name."""
    lower = {m.group(0) for m in _WORD.finditer(text) if m.group(0)[:1].islower()}
    upper = Counter(m.group(0) for m in _WORD.finditer(text) if m.group(0)[:1].isupper())

    def fix(m: re.Match[str]) -> str:
        w = m.group(0)
        low = w[:1].lower() + w[1:]
        if w[:1].isupper() and not w.isupper() and low in lower and upper[w] <= 1:
            return low
        return w

    return _WORD.sub(fix, title)


def merge_title(found: dict[str, Candidate], title_cands: dict[str, Candidate], text: str) -> None:
    """The headline's phrases count as said first: a phrase of the text gains a mention
    at the top; a phrase the parser did not chunk in the text becomes a candidate when
    the text has its words together (headline grammar, "South Korea Commit", does not) or
    it names a programme, site, weapon or operation."""
    low = " ".join(text.lower().split())
    for key, t in title_cands.items():
        c = found.get(key)
        if c is None:
            surface = t.forms.most_common(1)[0][0]
            if not key.startswith("named:") and surface.lower() not in low:
                continue
            c = found[key] = Candidate(key=key, country=t.country)
            c.forms.update(t.forms)
        c.count += 1
        c.first_sent = 0
        c.first_tok = min(c.first_tok, 0)
        c.sents.append(0)


@dataclass
class ArticleTerms:
    """What keyphrase extraction reads from one article's parse: its candidate phrases
    (the headline's merged in) and the text of each sentence.  It depends on the parse
    and the title alone, so the article store keeps it (the workers compute it beside the
    analysis) and a warm build reads no parse."""

    cands: list[Candidate]
    sentences: list[str]

    def to_bytes(self) -> bytes:
        rows = [
            [c.key, dict(c.forms), c.count, c.first_sent, c.first_tok, c.country, c.sents]
            for c in self.cands
        ]
        return json.dumps([rows, self.sentences], ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> ArticleTerms:
        rows, sentences = json.loads(data.decode("utf-8"))
        cands = [
            Candidate(
                key=k, forms=Counter(f), count=n, first_sent=fs, first_tok=ft, country=c, sents=ss
            )
            for k, f, n, fs, ft, c, ss in rows
        ]
        return cls(cands, sentences)


def article_terms(
    doc: Doc,
    max_words: int = 5,
    title: str = "",
    nlp: Language | None = None,
    title_doc: Doc | None = None,
) -> ArticleTerms:
    """The article's terms; with its `title` (and the spaCy pipeline to parse it, loaded
    when not given, or its parse `title_doc` from `headline_docs`) the headline's phrases
    are merged in."""
    found = candidates(doc, max_words)
    if title.strip():
        if title_doc is None:
            if nlp is None:
                from briefgen.nlp.parse import load_spacy

                nlp = load_spacy()
            title_doc = nlp(sentence_case(title, doc_text(doc)))
        people = frozenset(person_words(doc))
        merge_title(found, candidates(title_doc, max_words, people=people), doc_text(doc))
    return ArticleTerms(list(found.values()), [sent.text for sent in doc.sents])


def headline_docs(
    pairs: Sequence[tuple[Doc, str]], nlp: Language | None = None
) -> list[Doc | None]:
    """The parse of each (article parse, title) pair's headline, None where the title is
    blank: one `nlp.pipe` over all headlines, which parses the 749 AllSides headlines
    in 2.0 s CPU against 7.5 s one by one, with token-for-token the same parses."""
    cased = [sentence_case(t, doc_text(d)) for d, t in pairs if t.strip()]
    if not cased:
        return [None] * len(pairs)
    if nlp is None:
        from briefgen.nlp.parse import load_spacy

        nlp = load_spacy()
    parsed = iter(nlp.pipe(cased, batch_size=64))
    return [next(parsed) if t.strip() else None for _, t in pairs]


def many_article_terms(
    pairs: Sequence[tuple[Doc, str]], max_words: int = 5, nlp: Language | None = None
) -> list[ArticleTerms]:
    """`article_terms` of each (article parse, title) pair, the headlines parsed in one
    batch."""
    heads = headline_docs(pairs, nlp)
    return [
        article_terms(d, max_words, t, title_doc=h) for (d, t), h in zip(pairs, heads, strict=True)
    ]
