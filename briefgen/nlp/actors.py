"""Actors: who speaks, in what role, for which country or body.

Two sources, text first: titles and appositions in the article ("Japanese Foreign
Minister Taro Kono", "Cheong Wa Dae spokesman Park Soo-hyun") and the editable
gazetteer (briefgen/data/actors.yaml plus the user's files) for what the text leaves
out.  `ArticleActors` resolves a speaker phrase from quotes.py ("he", "the official",
"Japan's foreign minister", "the KCNA") to a `Speaker` using the article's own mentions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.errors import ConfigError
from briefgen.knowledge.countries import (
    BODIES,
    country_matches,
    country_of,
    government_name,
)
from briefgen.knowledge.countries import _norm_quotes as _norm_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

KINDS = frozenset(
    {
        "government",
        "international",
        "legislator",
        "state-media",
        "expert",
        "defector",
        "media",
        "other",
    }
)

# Country names that are really institutions: kept inside a role, never stripped from it.
_INSTITUTION_NAMES = frozenset(
    {
        "White House",
        "State Department",
        "Pentagon",
        "Cheong Wa Dae",
        "Blue House",
        "KCNA",
        "Kremlin",
        "Security Council",
        "UN Security Council",
        "UNSC",
    }
)

_ROLE_NOUNS = frozenset(
    [
        "official",
        "officials",
        "minister",
        "ministers",
        "secretary",
        "president",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "envoy",
        "ambassador",
        "diplomat",
        "diplomats",
        "negotiator",
        "leader",
        "chief",
        "adviser",
        "advisor",
        "aide",
        "general",
        "commander",
        "director",
        "chairman",
        "chairwoman",
        "premier",
        "representative",
        "senator",
        "lawmaker",
        "lawmakers",
        "congressman",
        "governor",
        "mayor",
        "agency",
        "ministry",
        "office",
        "department",
        "government",
        "administration",
        "regime",
        "defector",
        "analyst",
        "analysts",
        "expert",
        "experts",
        "professor",
        "researcher",
        "scholar",
        "fellow",
        "observer",
        "source",
        "sources",
        "counterpart",
        "delegate",
        "delegation",
        "military",
        "army",
        "navy",
        "command",
        "council",
        "committee",
        "party",
        "media",
        "newspaper",
        "chancellor",
        "king",
        "vice",
        "deputy",
        "head",
    ]
)
_EXPERT_WORDS = re.compile(
    r"\b(analyst|expert|professor|researcher|scholar|fellow|think[- ]tank|institute|"
    r"university|academy|center for|centre for|foundation|brookings|rand|heritage|"
    r"carnegie|stimson|38 north|observer|specialist)\b",
    re.IGNORECASE,
)
_DEFECTOR_WORDS = re.compile(r"\b(defector|defected|escapee|fled north korea)\b", re.IGNORECASE)
_MEDIA_WORDS = re.compile(
    r"\b(journalist|reporter|editor|correspondent|columnist|newspaper|news agency|"
    r"broadcaster|television|tv)\b",
    re.IGNORECASE,
)
_STATE_MEDIA_WORDS = re.compile(r"\b(state[- ]run|state media|state news|mouthpiece)\b", re.I)
_GOV_WORDS = re.compile(
    r"\b(president|minister|ministry|secretary|spokes\w+|envoy|ambassador|diplomat|"
    r"negotiator|leader|official|government|administration|department|office|premier|"
    r"chancellor|senator|lawmaker|general|commander|military|army|navy|adviser|advisor|"
    r"chief|representative|regime|mission|house|council|cabinet|party)\b",
    re.IGNORECASE,
)
# Offices and parties that only the United States has among the brief's countries.
_US_POLITICS = re.compile(
    r"\b(Democrats?|Republicans?|GOP|Senate|Senator|Congressman|Congresswoman|"
    r"House Speaker|Speaker of the House)\b"
)
_FEMALE_WORDS = re.compile(
    r"\b(spokeswoman|chairwoman|congresswoman|businesswoman|Mrs|Ms|Madam|queen|her)\b"
)
_PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
}
_GROUP_PRONOUNS = frozenset({"it", "they", "them", "its", "their"})
# Head nouns of a description that names a body ("KCNA news agency").
_BODY_HEADS = frozenset(
    {"agency", "newspaper", "ministry", "office", "department", "council", "command", "media"}
)
# A document speaks for whoever issued it ("a White House statement").
_DOC_WORDS = frozenset(
    {"statement", "readout", "release", "communique", "announcement", "commentary", "editorial"}
)


@lru_cache(maxsize=8192)
def slugify(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", norm.lower()).strip("-") or "unknown"


def clean_name(text: str) -> str:
    """One line, no possessive, no leading article: the form names are compared in."""
    t = " ".join(text.split())
    t = re.sub(r"(?:’s|'s|’|')$", "", t)
    return t.strip(" ,.;:")


def _only_country(text: str) -> str | None:
    """The code when `text` is nothing but a country's name ("the North", "Beijing")."""
    full = clean_name(text)
    for cand in (full, re.sub(r"^the\s+", "", full, flags=re.IGNORECASE)):
        found = country_matches(cand)
        if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(cand):
            return found[0][3]
    return None


def country_voice(code: str) -> Speaker:
    """The speaker for "China said", "Pyongyang warned": the country's government."""
    return Speaker(
        name=government_name(code),
        role="government" if code not in BODIES else None,
        country=code,
        kind="international" if code in BODIES else "government",
    )


def is_country_voice(actor_id: str, country: str | None) -> bool:
    """True for the actor `country_voice` makes: a country speaking, not one of its officials."""
    return country is not None and actor_id == slugify(government_name(country))


# ----------------------------------------------------------------------------- gazetteer


@dataclass
class GazEntry:
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    kind: str = "other"
    gender: str | None = None


class Gazetteer:
    """Known actors by every name they go by (case-sensitive, exact)."""

    def __init__(self, entries: Iterable[GazEntry]) -> None:
        self.entries: dict[str, GazEntry] = {}
        for e in entries:
            self.entries[e.name] = e
        self.by_alias: dict[str, GazEntry] = {}
        for e in self.entries.values():
            for a in (e.name, *e.aliases):
                self.by_alias[clean_name(a)] = e
                self.by_alias[clean_name(a).replace("’", "'")] = e

    def lookup(self, name: str) -> GazEntry | None:
        n = clean_name(name)
        hit = self.by_alias.get(n) or self.by_alias.get(n.replace("’", "'"))
        if hit is None and n.lower().startswith("the "):
            hit = self.by_alias.get(n[4:])
        return hit


def _read_entries(text: str, where: str) -> list[GazEntry]:
    import yaml

    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(
            f"actor file {where}{line} is not valid YAML; fix it or remove it from actors_files"
        ) from None
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ConfigError(
            f"actor file {where} must be a list of entries with name, aliases, role, country, kind"
        )
    out = []
    for i, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not item.get("name"):
            raise ConfigError(
                f"actor file {where}: entry {i} has no name; every entry needs `name:`"
            )
        kind = str(item.get("kind") or "other")
        kind = "international" if kind == "body" else kind  # the 0.1 name
        if kind not in KINDS:
            raise ConfigError(
                f"actor file {where}: entry {item['name']!r} has kind {kind!r}; use one of {', '.join(sorted(KINDS))}"
            )
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list):
            aliases = [aliases]
        country = item.get("country")
        out.append(
            GazEntry(
                name=str(item["name"]),
                aliases=[str(a) for a in aliases],
                role=str(item["role"]) if item.get("role") else None,
                country=str(country).upper() if country else None,
                kind=kind,
                gender=str(item["gender"]).lower()[:1] if item.get("gender") else None,
            )
        )
    return out


def load_gazetteer(extra_files: Sequence[Path] = ()) -> Gazetteer:
    """The packaged actors.yaml, then each user file (later entries replace earlier ones)."""
    text = resources.files("briefgen").joinpath("data/actors.yaml").read_text(encoding="utf-8")
    entries = _read_entries(text, "briefgen/data/actors.yaml")
    for f in extra_files:
        try:
            entries += _read_entries(Path(f).read_text(encoding="utf-8"), str(f))
        except FileNotFoundError:
            raise ConfigError(f"actor file {f} not found; check [corpus] actors_files") from None
        except (OSError, UnicodeDecodeError) as e:
            raise ConfigError(f"cannot read actor file {f} ({e}); save it as UTF-8 YAML") from None
    return Gazetteer(entries)


# ----------------------------------------------------------------------------- speakers


@dataclass
class Speaker:
    """A resolved speaker: a named person or body, or a description kept as written."""

    name: str
    role: str | None = None
    country: str | None = None
    kind: str = "other"
    named: bool = True
    gender: str | None = None
    aliases: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        return slugify(self.name)


def infer_kind(role: str | None, country: str | None, default: str = "other") -> str:
    """The kind of actor from its role words; experts and defectors before governments."""
    r = role or ""
    if _DEFECTOR_WORDS.search(r):
        return "defector"
    if _EXPERT_WORDS.search(r):
        return "expert"
    if _STATE_MEDIA_WORDS.search(r):
        return "state-media"
    if _MEDIA_WORDS.search(r):
        return "media"
    if country in BODIES and r:
        return "international"
    if _GOV_WORDS.search(r):
        return "international" if country in BODIES else "government"
    return default


# A country named as a field of study or a desk ("China analyst", "University of North
# Korean Studies", "top China official on the National Security Council") says what the
# person knows, not whom they speak for.
_FIELD_AFTER = re.compile(
    r"(?:\s+(?:and|or|&)\s+[A-Z][\w-]*)*\s+(?:analyst|expert|specialist|scholar|watcher|hand|"
    r"program|programme|desk|official on|director on|adviser on)s?\b"
)
_STUDIES_AFTER = re.compile(r"\s+(?:\w+\s+)?studies\b", re.IGNORECASE)
_DEMONYM = re.compile(r"(?:an|ese|ish|ian|ans|eses)$")


def allegiance_country(text: str) -> str | None:
    """The first country in `text` that says whom the person speaks for, skipping countries
    named as a field or desk ("a China analyst at a Washington think tank" -> USA)."""
    norm = _norm_quotes(text)
    for start, end, name, code in country_matches(text):
        rest = norm[end:]
        if _STUDIES_AFTER.match(rest):
            continue  # "University of North Korean Studies"
        if not _DEMONYM.search(name) and _FIELD_AFTER.match(rest):
            continue  # "China analyst"; "South Korean analyst" is a nationality
        if norm[:start].endswith("National "):
            continue  # "National Security Council" is a country's own body, not the UN's
        return code
    return None


def split_title(title: str) -> tuple[str | None, str | None]:
    """("Japanese Foreign Minister") -> ("Foreign Minister", "JPN"): role and country."""
    t = " ".join(title.split()).strip(" ,")
    t = re.sub(r"^(?:the|a|an)\s+", "", t, flags=re.IGNORECASE)
    if not t:
        return None, None
    found = country_matches(t)
    country = found[0][3] if found else None
    role = t
    if found and found[0][0] == 0 and found[0][2] not in _INSTITUTION_NAMES:
        role = t[found[0][1] :].lstrip(" '’s").strip()
        role = re.sub(r"^s\s+", "", role)
    return (role or None), country


_TITLE_CONNECT = frozenset({"of", "for", "to", "at", "and", "&", "'s", "’s", "-"})


def title_before(doc: Doc, start: int) -> str:
    """Words of the title right before a name ("U.S. Secretary of State" Rex Tillerson)."""
    i = start - 1
    lo = start
    while i >= 0:
        t = doc[i]
        if t.is_space:
            i -= 1
            continue
        ok = (
            t.pos_ in ("PROPN", "NOUN", "ADJ", "NUM")
            and t.ent_type_ not in ("PERSON", "DATE", "TIME")
            and (
                t.text[:1].isupper()
                or t.lower_ in _ROLE_NOUNS
                or t.pos_ == "ADJ"
                or t.lower_ in ("deputy", "vice", "chief", "top", "senior", "former")
                # "press" in "White House press secretary": a noun compounded into the title
                or (t.dep_ == "compound" and lo <= t.head.i < start)
            )
        ) or (t.lower_ in _TITLE_CONNECT and i > 0 and i + 1 < start)
        if not ok:
            break
        lo = i
        i -= 1
    while lo < start and doc[lo].lower_ in _TITLE_CONNECT:
        lo += 1
    if lo >= start:
        return ""
    return normalize_title(doc[lo:start].text)


_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|madam|sir|mister)\.?$", re.IGNORECASE)
_ABBREVIATED = {
    "sen.": "Senator",
    "sen": "Senator",
    "rep.": "Representative",
    "gov.": "Governor",
    "gen.": "General",
    "adm.": "Admiral",
    "lt.": "Lieutenant",
    "col.": "Colonel",
    "amb.": "Ambassador",
}


def normalize_title(title: str) -> str:
    """ "Mr." is no role and "Sen." is "Senator": honorifics out, abbreviations spelled out."""
    words = [_ABBREVIATED.get(w.lower(), w) for w in title.split() if not _HONORIFIC.match(w)]
    return " ".join(words)


def has_role_word(role: str | None) -> bool:
    """True when a title names an office ("press secretary"), not just a place or an honorific."""
    words = re.findall(r"[a-z]+", (role or "").lower())
    return any(w in _ROLE_NOUNS or w in _TITLE_WORDS for w in words if w not in _PLACE_WORDS)


_PLACE_WORDS = frozenset({"of", "us", "u", "s", "un", "state", "national", "security", "foreign"})


@dataclass
class _Mention:
    pos: int  # char offset
    sent: int  # sentence index
    key: str
    subject: bool
    person: bool


class ArticleActors:
    """Every actor an article names, and the resolution of speaker phrases against them."""

    def __init__(self, doc: Doc, gaz: Gazetteer, quoted: Sequence[tuple[int, int]]) -> None:
        self.doc = doc
        self.gaz = gaz
        self.quoted = list(quoted)
        self.people: dict[str, Speaker] = {}  # key -> speaker
        self.surname: dict[str, str] = {}  # last name -> key
        self.mentions: list[_Mention] = []
        self.descriptions: list[tuple[int, Speaker, str]] = []  # (pos, speaker, head noun)
        from briefgen.nlp.quotes import doc_sents, doc_tokens

        self.sents = doc_sents(doc)
        self.tokens = doc_tokens(doc)
        self.sent_starts = [s.start_char for s in self.sents]
        self.quoted.sort()
        self._q_starts = [a for a, _ in self.quoted]
        self._last_document_source: Speaker | None = None
        self._collect()

    # -- helpers
    def _in_quote(self, pos: int) -> bool:
        import bisect

        k = bisect.bisect_right(self._q_starts, pos)
        # spans may nest (a quote inside a quote): look back over the few that start before
        return any(a <= pos < b for a, b in self.quoted[max(0, k - 3) : k])

    def _sent_index(self, pos: int) -> int:
        import bisect

        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def _from_gaz(self, e: GazEntry) -> Speaker:
        return Speaker(
            name=e.name,
            role=e.role,
            country=e.country,
            kind=e.kind,
            gender=e.gender,
            named=True,
        )

    def _person(self, name: str, title: str = "", appos: str | None = None) -> Speaker:
        """The speaker for a person's name, merging surname mentions into the full name."""
        name, lead = strip_title(clean_name(name))
        if lead:
            title = normalize_title(f"{title} {lead}".strip())
        key = None
        e = self.gaz.lookup(name)
        if e is not None:
            key = slugify(e.name)
            if key not in self.people:
                self.people[key] = self._from_gaz(e)
        elif " " not in name and name in self.surname:
            key = self.surname[name]
        else:
            key = slugify(name)
            if key not in self.people:
                self.people[key] = Speaker(name=name, named=True)
        sp = self.people[key]
        if " " in name or name != sp.name:
            sp.aliases.add(name)
        # Western names end with the family name, Korean and Chinese ones start with it.
        for n in (sp.name, name):
            parts = n.split()
            if len(parts) > 1:
                self.surname.setdefault(parts[-1], key)
                self.surname.setdefault(parts[0], key)
        # the article's own words beat the gazetteer's fallback role
        for source in (title, appos or ""):
            if not source:
                continue
            role, country = split_title(source)
            if (
                role
                and has_role_word(role)
                and (sp.role is None or source is title or e is None)
                and not (source is appos and sp.role)
            ):
                sp.role = role
            if country:
                country = allegiance_country(source)  # not "a China analyst"
            if country and (sp.country is None or e is None):
                sp.country = country
        text_bits = " ".join(x for x in (title, appos or "", sp.role or "") if x)
        if sp.country is None and _US_POLITICS.search(text_bits):
            sp.country = "USA"  # "Sen. Chris Coons, Delaware Democrat": Congress is American
        if e is None or e.kind == "other":
            kind = infer_kind(text_bits, sp.country, default="other")
            if (kind != "other" or sp.kind == "other") and sp.kind != "defector":
                sp.kind = kind  # a defector stays one whatever later titles say
        elif _DEFECTOR_WORDS.search(text_bits):
            sp.kind = "defector"
        if sp.gender is None and _FEMALE_WORDS.search(text_bits):
            sp.gender = "f"
        return sp

    def _collect(self) -> None:
        """Person and organisation mentions outside quotes, with the title words before them."""
        doc = self.doc
        for ent in doc.ents:
            if self._in_quote(ent.start_char):
                continue
            if ent.label_ == "PERSON":
                txt = clean_name(ent.text)
                if not re.search(r"[A-Z]", txt):
                    continue
                title = title_before(doc, ent.start)
                sp = self._person(txt, title, _appos_text(ent))
                if sp.kind != "defector" and _DEFECTOR_WORDS.search(_comma_block(ent)):
                    sp.kind = "defector"  # "Ri, a diplomat until he defected in 2019"
                subj = ent.root.dep_ in ("nsubj", "nsubjpass") or any(
                    t.dep_ in ("nsubj", "nsubjpass") for t in ent
                )
                self.mentions.append(
                    _Mention(
                        ent.start_char,
                        self._sent_index(ent.start_char),
                        slugify(sp.name),
                        subj,
                        True,
                    )
                )
            elif ent.label_ in ("ORG", "GPE", "NORP"):
                e = self.gaz.lookup(ent.text)
                subj = ent.root.dep_ in ("nsubj", "nsubjpass")
                if e is not None:
                    key = slugify(e.name)
                    self.people.setdefault(key, self._from_gaz(e))
                    self.mentions.append(
                        _Mention(
                            ent.start_char,
                            self._sent_index(ent.start_char),
                            key,
                            subj,
                            e.gender is not None,  # people in the gazetteer have a gender
                        )
                    )
                elif clean_name(ent.text) in self.surname:  # a surname the NER took for an org
                    key = self.surname[clean_name(ent.text)]
                    self.mentions.append(
                        _Mention(ent.start_char, self._sent_index(ent.start_char), key, subj, True)
                    )
        # Surnames and aliases the NER missed ("For her part, Kang welcomed ...").
        seen = {m.pos for m in self.mentions}
        for t in self.tokens:
            if t.pos_ != "PROPN" or t.ent_type_ or t.idx in seen or self._in_quote(t.idx):
                continue
            found = self.surname.get(t.text)
            if found is None:
                e = self.gaz.lookup(t.text)
                if e is None or e.gender is None:
                    continue
                found = slugify(e.name)
                self.people.setdefault(found, self._from_gaz(e))
            key = found
            is_subj = t.dep_ in ("nsubj", "nsubjpass")
            self.mentions.append(_Mention(t.idx, self._sent_index(t.idx), key, is_subj, True))
        self.mentions.sort(key=lambda m: m.pos)
        # Unnamed sources introduced outside quotes ("a senior State Department official
        # said on Tuesday") so that a later "the official said" finds them.
        from briefgen.nlp.quotes import CUE_LEMMAS, noun_phrase

        for t in self.tokens:
            if t.lemma_.lower() not in CUE_LEMMAS or t.pos_ != "VERB" or self._in_quote(t.idx):
                continue
            ds = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if ds is None or ds.pos_ != "NOUN" or ds.lower_ not in _ROLE_NOUNS:
                continue
            phrase = clean_name(noun_phrase(ds).text)
            country = country_of(phrase)
            if country is not None and self.match_description(phrase, country, ds.idx) is None:
                self._description(phrase, ds.lower_, country, ds.idx)
        # "China's deputy UN ambassador pushed back ... Wu Haitao told": a described subject
        # followed by a newly named subject lends the name its role and country.
        sents = self.sents
        for k in range(len(sents) - 1):
            rs = _root_subject(sents[k])
            if rs is None or rs.pos_ != "NOUN" or rs.lower_ not in _ROLE_NOUNS:
                continue
            if any(t.ent_type_ == "PERSON" for t in rs.subtree):
                continue  # "the US defence secretary, James Mattis, said": already named
            phrase = _phrase_text(rs)
            role, country = split_title(phrase)
            if country is None:
                continue
            for nxt in sents[k + 1 : k + 3]:
                ns = _root_subject(nxt)
                if ns is not None and (
                    ns.ent_type_ == "PERSON"
                    or (ns.pos_ == "PROPN" and not ns.ent_type_ and country_of(ns.text) is None)
                ):
                    first = (
                        _ent_start(ns) if ns.ent_type_ else ns.i - len(_propn_run(ns).split()) + 1
                    )
                    if _appos_text_tok(ns) or title_before(self.doc, first):
                        break  # the name brings its own title ("deputy assistant, X")
                    name = _ent_text(ns) if ns.ent_type_ else _propn_run(ns)
                    sp = self._person(name)
                    if sp.country is None:
                        sp.country = country
                    if sp.role is None and role:
                        sp.role = role
                        sp.kind = infer_kind(role, country, sp.kind)
                    break

    # -- resolution
    def salient(self, pos: int, gender: str | None, person: bool = True) -> Speaker | None:
        """The person a pronoun at `pos` refers to: latest subject first, same sentence back."""
        cur = self._sent_index(pos)
        before = [m for m in self.mentions if m.pos < pos and m.person == person]
        for s in range(cur, max(-1, cur - 6), -1):
            in_s = [m for m in before if m.sent == s]
            ordered = [m for m in in_s if m.subject] + [m for m in reversed(in_s) if not m.subject]
            for m in ordered:
                sp = self.people.get(m.key)
                if sp is None:
                    continue
                if gender and sp.gender and sp.gender != gender:
                    continue
                return sp
        return None

    def match_description(self, phrase: str, country: str | None, pos: int) -> Speaker | None:
        """A named actor of this article the description points to ("Japan's foreign minister")."""
        kind = infer_kind(phrase, country)
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
            if len(same) == 1:
                return self.people[same.pop()]
            return None
        role, _ = split_title(phrase)
        role_l = (role or "").lower()
        role_l = re.sub(r"^(?:the|a|an|top|senior|chief)\s+", "", role_l)
        words = set(re.findall(r"[a-z]+", role_l))
        generic_diplomat = words & {"envoy", "diplomat"}
        cands: list[tuple[int, Speaker]] = []
        seen: set[str] = set()
        for m in sorted(self.mentions, key=lambda m: (m.pos > pos, abs(m.pos - pos))):
            sp = self.people.get(m.key)
            if sp is None or m.key in seen or not sp.named or not m.person:
                continue
            seen.add(m.key)
            if country and sp.country and sp.country != country:
                continue
            if country and not sp.country:
                continue
            r = (sp.role or "").lower()
            if not r:
                continue
            if words & {"leader"} and re.search(r"president|prime minister|chairman|leader", r):
                cands.append((0, sp))  # "the American leader" is the President
                continue
            if generic_diplomat:
                if re.search(
                    r"secretary of state|foreign (minister|secretary)|ambassador|envoy|negotiator|representative|diplomat",
                    r,
                ):
                    cands.append((0, sp))
                continue
            core = [w for w in words if w not in {"the", "a", "an"}]
            if core and all(w in r for w in core):
                cands.append((0, sp))
        return cands[0][1] if cands else None

    def resolve(self, phrase: Span | None, head: Token | None, pos: int) -> Speaker | None:
        """A speaker phrase from quotes.py to a Speaker, or None when there is nobody."""
        if phrase is None or head is None:
            return None
        text = clean_name(phrase.text)
        low = head.lower_
        if head.pos_ == "PRON" or low in _PRONOUNS or low in _GROUP_PRONOUNS:
            if low in _PRONOUNS:
                return self.salient(pos, _PRONOUNS[low])
            if low in ("i", "we", "you"):
                return None
            return self.salient(pos, None, person=False)
        if head.pos_ == "PROPN" and (text in self.surname or _ent_text(head) in self.surname):
            return self.people[self.surname.get(text) or self.surname[_ent_text(head)]]
        if head.ent_type_ == "PERSON":
            return self._person(
                _ent_text(head), title_before(self.doc, _ent_start(head)), _appos_text_tok(head)
            )
        titled = self._titled_person(phrase, head)
        if titled is not None:
            return titled
        if head.lemma_.lower() in _DOC_WORDS:
            src = self._document_source(head, pos)
            if src is not None:
                return src
        e = (
            self.gaz.lookup(text) or self.gaz.lookup(_ent_text(head))
            if head.ent_type_
            else self.gaz.lookup(text)
        )
        if e is not None:
            key = slugify(e.name)
            self.people.setdefault(key, self._from_gaz(e))
            return self.people[key]
        if head.ent_type_ in ("GPE", "NORP") or (
            head.pos_ == "PROPN" and country_of(text) and head.lower_ not in _ROLE_NOUNS
        ):
            code = _only_country(text)  # "China", "Beijing"; not "U.S. Forces Korea"
            if code is not None:
                return country_voice(code)
        if head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "", "GPE", "NORP"):
            code = country_of(text)
            kind = infer_kind(text, code, default="other")
            if kind == "other" and code:
                kind = "government"
            return Speaker(
                name=re.sub(r"^(?:the)\s+", "", text), role=None, country=code, kind=kind
            )
        # "KCNA state news agency", "the dictatorship's official KCNA news agency": a known
        # body named inside the description is that body
        for t in phrase:
            if t.pos_ == "PROPN" and t.i != head.i and t.ent_type_ != "PERSON":
                e2 = self.gaz.lookup(t.text)
                if e2 is not None and e2.gender is None and low in _BODY_HEADS:
                    key = slugify(e2.name)
                    self.people.setdefault(key, self._from_gaz(e2))
                    return self.people[key]
        # a description: a role noun with or without a country
        country = country_of(text)
        named = self.match_description(text, country, pos)
        if named is not None:
            return named
        if country is None and head.tag_ in ("NNS", "NNPS") and low not in ("analysts", "experts"):
            return None  # "the ministers": nobody we can name or place
        if low in _ROLE_NOUNS or head.pos_ == "NOUN":
            return self._description(text, low, country, pos)
        return None

    def _titled_person(self, phrase: Span, head: Token) -> Speaker | None:
        """ "U.S. Ambassador to the United Nations Nikki Haley": a title whose phrase ends in
        a name is that person, the title is the role (the parser heads it on the title)."""
        if head.pos_ in ("NOUN", "PROPN"):
            for c in head.children:  # "the US defence secretary, James Mattis, said"
                if c.dep_ == "appos" and c.i > head.i and c.ent_type_ == "PERSON":
                    return self._person(_ent_text(c), normalize_title(phrase.text))
        if head.lower_ not in _ROLE_NOUNS and head.lower_ not in _TITLE_WORDS:
            return None
        toks = [t for t in phrase if not t.is_space and not t.is_punct]
        if not toks or toks[-1].ent_type_ != "PERSON":
            return None
        last = toks[-1]
        start = _ent_start(last)
        if start <= phrase.start:
            return None
        for t in self.doc[phrase.start : start]:
            if t.is_space or t.is_punct and t.text not in ",;":
                continue
            if not (
                t.text[:1].isupper()
                or t.lower_ in _ROLE_NOUNS
                or t.lower_ in _TITLE_CONNECT
                or t.pos_ in ("DET", "ADJ")
                or t.dep_ == "compound"
            ):
                return None
        title = normalize_title(self.doc[phrase.start : start].text)
        return self._person(_ent_text(last), title, _appos_text_tok(last))

    def _document_source(self, head: Token, pos: int) -> Speaker | None:
        """ "a White House statement", "a statement from U.S. Pacific Command", "the
        ministry's statement": a document speaks for whoever issued it."""
        doc = self.doc
        found: Speaker | None = None
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() not in _DOC_WORDS:
                    from briefgen.nlp.quotes import noun_phrase

                    found = self.resolve(noun_phrase(obj), obj, pos)
            elif c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
                from briefgen.nlp.quotes import noun_phrase

                found = self.resolve(noun_phrase(c), c, pos)
            if found is not None:
                break
        if found is None:
            mods = [
                t
                for t in head.lefts
                if (t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP"))
                and t.dep_ in ("compound", "amod", "nmod")
            ]
            if mods:
                lo = min(m.left_edge.i if m.dep_ == "compound" else m.i for m in mods)
                lo = min(lo, mods[0].i)
                span = doc[lo : mods[-1].i + 1]
                found = self.resolve(span, span[-1], pos)
        if found is None:
            return self._last_document_source
        self._last_document_source = found
        return found

    def _description(self, text: str, head: str, country: str | None, pos: int) -> Speaker:
        """An unnamed speaker, kept as the article first described it."""
        core = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
        mods = set(re.findall(r"\w+", core.lower())) - {head}
        for p, sp, h in reversed(self.descriptions):
            if p > pos or h != head:
                continue
            sp_mods = set(re.findall(r"\w+", sp.name.lower()))
            if mods <= sp_mods and (country is None or sp.country in (None, country)):
                return sp
        name = (
            text
            if re.match(r"^(?:a|an)\s", text, re.I)
            else re.sub(r"^the\s+", "", text, flags=re.I)
        )
        possessive = re.search(r"\w(?:’s|'s)\s", name) is not None
        if (
            not possessive
            and not re.match(r"^(?:a|an)\s", name, re.I)
            and head
            not in (
                "ministry",
                "office",
                "agency",
                "department",
                "council",
                "government",
                "administration",
                "regime",
            )
        ):
            name = re.sub(r"^one\s+", "", name, flags=re.IGNORECASE)  # "one White House official"
            acronym_u = re.match(r"U[.A-Z]", name) is not None  # "a U.S. official", "a UN envoy"
            art = "an" if name[:1].lower() in "aeiou" and not acronym_u else "a"
            name = f"{art} {name}"
        name = re.sub(r"^(A|An)\s", lambda m: m.group(1).lower() + " ", name)
        kind = infer_kind(core, country, default="government" if country else "other")
        sp = Speaker(name=name, role=core, country=country, kind=kind, named=False)
        self.descriptions.append((pos, sp, head))
        return sp


_TITLE_WORDS = frozenset(
    [
        "secretary",
        "president",
        "minister",
        "prime",
        "foreign",
        "state",
        "of",
        "defense",
        "defence",
        "general",
        "ambassador",
        "envoy",
        "chairman",
        "chairwoman",
        "leader",
        "spokesman",
        "spokeswoman",
        "chief",
        "deputy",
        "vice",
        "senator",
        "representative",
        "rep.",
        "sen.",
        "gov.",
        "governor",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "u.s.",
        "us",
        "un",
        "national",
        "security",
        "adviser",
        "advisor",
        "director",
        "special",
        "supreme",
    ]
)


def strip_title(name: str) -> tuple[str, str]:
    """("Secretary of State Rex Tillerson") -> ("Rex Tillerson", "Secretary of State")."""
    parts = name.split()
    k = 0
    while k < len(parts) - 1 and (parts[k].lower() in _TITLE_WORDS or country_of(parts[k])):
        k += 1
    if len(parts) - k < 1:
        return name, ""
    return " ".join(parts[k:]), " ".join(parts[:k])


def _root_subject(sent: Span) -> Token | None:
    return next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _phrase_text(tok: Token) -> str:
    toks = [t for t in tok.subtree if t.i <= tok.i or t.dep_ in ("compound",)]
    return " ".join(t.text for t in toks if not t.is_space)


def _propn_run(tok: Token) -> str:
    """ "Ganbold Dorj": the proper nouns compounded onto a head the NER missed."""
    i = tok.i
    while i > 0 and tok.doc[i - 1].pos_ == "PROPN" and tok.doc[i - 1].dep_ == "compound":
        i -= 1
    return tok.doc[i : tok.i + 1].text


def _ent_start(tok: Token) -> int:
    i = tok.i
    while i > 0 and tok.doc[i].ent_iob_ == "I" and tok.doc[i - 1].ent_type_ == tok.ent_type_:
        i -= 1
    return i


def _ent_text(tok: Token) -> str:
    if not tok.ent_type_:
        return tok.text
    doc = tok.doc
    i = _ent_start(tok)
    j = tok.i
    while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
        j += 1
    return clean_name(doc[i : j + 1].text)


def _comma_block(ent: Span) -> str:
    """ "Ri, a diplomat until he defected in 2019, told": the aside after a name, clauses
    included, for kind words the short role leaves out."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return ""
    j = ent.end + 1
    while j < len(doc) and j < ent.end + 25 and doc[j].text not in (",", ";", ".", "“", "”"):
        j += 1
    return doc[ent.end + 1 : j].text


def _appos_text(ent: Span) -> str | None:
    return _appos_text_tok(ent.root)


def _appos_text_tok(tok: Token) -> str | None:
    from briefgen.nlp.quotes import _appos

    return _appos(tok)


def speaker_dict(sp: Speaker) -> dict[str, Any]:
    return {"name": sp.name, "role": sp.role, "country": sp.country, "kind": sp.kind}
