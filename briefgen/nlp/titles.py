"""Titles and kinds: what the words before or beside a name say of the person.

"U.S. Defense Secretary Jim Mattis": the title is "U.S. Defense Secretary", the role
"Defense Secretary", the country USA and the kind government.  A country named as a
field or desk ("a China analyst") says what the person knows, not whom they speak for.
The words come from knowledge/roles.py; names.py keeps the names themselves whole.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefgen.knowledge.countries import BODIES, country_matches, country_of, joined_with_another
from briefgen.knowledge.countries import _norm_quotes as _norm_quotes
from briefgen.knowledge.roles import Roles, load_roles

if TYPE_CHECKING:
    from spacy.tokens import Doc

# ----------------------------------------------------------------------------- kinds


def infer_kind(
    role: str | None, country: str | None, default: str = "other", roles: Roles | None = None
) -> str:
    """The kind of actor from its role words: defectors, experts, media and legislators
    before governments; an official of a body (UN, IAEA) is international."""
    r = role or ""
    if set(r.lower().split()) == {"representative"}:
        return "legislator"  # "Rep. Jim Himes": the title alone is a seat in a house
    found = (roles or load_roles()).kind_of(r)
    if found == "government" and country in BODIES:
        return "international"
    if found is not None and found not in ("government", "legislator"):
        return found
    if country in BODIES and r:
        return "international"
    return found or default


# A country named as a field of study or a desk ("China analyst", "University of North
# Korean Studies", "top China official on the National Security Council") says what the
# person knows, not whom they speak for.
_FIELD_AFTER = re.compile(
    r"(?:\s+(?:and|or|&)\s+[A-Z][\w-]*)*\s+(?:analyst|expert|specialist|scholar|watcher|hand|"
    r"program|programme|desk|chair|official on|director on|adviser on)s?\b"
)
_STUDIES_AFTER = re.compile(r"\s+(?:\w+\s+)?studies\b", re.IGNORECASE)
# A country after these words is what the person works on or goes to, not whom they
# speak for ("research on North Korea's economy at IBK Bank in Seoul" -> KOR).
_TOPIC_BEFORE = re.compile(
    r"\b(?:on|to|about|towards?|into|over|against|regarding|concerning)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ... unless they moved there ("who came to the U.S. from South Korea" -> USA).
_MOVED_TO = re.compile(
    r"\b(?:came|come|comes|moved|emigrated|immigrated|returned|fled|defected|relocated)\s+"
    r"to\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A country after a portfolio ("director for Korea and China", "envoy for North Korea")
# is what the person works on, not whom they serve; a body after "for" is an employer
# ("director for Amnesty International USA").
_PORTFOLIO_BEFORE = re.compile(
    r"\b(?i:director|envoy|representative|coordinator|adviser|advisor|negotiator|czar|"
    r"official|specialist|chief|head)s?\s+(?i:for)\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w.'’-]*\s+){1,2}(?:and|&)\s+)?$"
)
# A delegate's office and the state it is "of" ("Ambassador of France", "envoy from
# Sweden").
# A body's members or members' diplomats ("U.N. Security Council diplomat", "U.N.
# members"): they speak for their states, which the words do not name.
_MEMBERS_AFTER = re.compile(
    r"^(?:\s+Security\s+Council)?\s+(?:diplomats?|members?|member\s+states|ambassadors?|"
    r"delegates?|delegations?)\b",
    re.IGNORECASE,
)
_DELEGATE_OF = re.compile(
    r"\b(?i:ambassador|envoy|representative|delegate)s?\s+(?:of|from)\s+(?:the\s+)?$"
)
_DEMONYM = re.compile(r"(?:ean|ian|can|man|ese|ish|ans|eses)$")  # not "Japan", "Iran"


def allegiance_country(text: str) -> str | None:
    """The first country in `text` that says whom the person speaks for, skipping countries
    named as a field or desk ("a China analyst at a Washington think tank" -> USA)."""
    text = re.sub(r"^The\s", "the ", text)  # "The North's minister": "the North" is PRK
    norm = _norm_quotes(text)
    found = country_matches(text)
    for at, (start, end, name, code) in enumerate(found):
        rest = norm[end:]
        if _STUDIES_AFTER.match(rest):
            continue  # "University of North Korean Studies"
        if not _DEMONYM.search(name) and _FIELD_AFTER.match(rest):
            continue  # "China analyst"; "South Korean analyst" is a nationality
        if norm[:start].endswith("National "):
            continue  # "National Security Council" is a country's own body, not the UN's
        if _TOPIC_BEFORE.search(norm[:start]) and not _MOVED_TO.search(norm[:start]):
            continue  # "an expert on North Korea", "a frequent traveler to North Korea"
        if _PORTFOLIO_BEFORE.search(norm[:start]):
            continue  # "director for Korea and China": the desk, not the employer
        if joined_with_another(text, at):
            return None  # "U.S. and South Korean officials": several states, no one of them
        if code not in BODIES:
            return code
        rep = _represented(norm, code, found[at + 1 :])
        if rep == code and _MEMBERS_AFTER.match(rest):
            return None  # "a U.N. Security Council diplomat", "U.N. members": some state's
        return rep
    return None


def members_of_body(text: str) -> bool:
    """ "a U.N. Security Council diplomat", "some U.N. members": the words name a body's
    members, who speak for their own states, not the body."""
    norm = _norm_quotes(text)
    return any(
        code in BODIES and _MEMBERS_AFTER.match(norm[end:])
        for _, end, _, code in country_matches(text)
    )


def _represented(norm: str, body: str, later: list[tuple[int, int, str, str]]) -> str:
    """ "Deputy U.N. Ambassador of France": the state a delegate to a body represents,
    named after the office with "of" or "from", is whom the delegate speaks for."""
    for start, _, _, code in later:
        if code not in BODIES and _DELEGATE_OF.search(norm[:start]):
            return code
    return body


# ----------------------------------------------------------------------------- titles


def role_and_country(title: str, roles: Roles | None = None) -> tuple[str | None, str | None]:
    """("Japanese Foreign Minister") -> ("Foreign Minister", "JPN"): role and country."""
    t0 = " ".join(title.split()).strip(" ,")
    t = re.sub(r"^(?:the|a|an)\s+", "", t0, flags=re.IGNORECASE)
    if not t:
        return None, None
    found = country_matches(t)
    if not found and re.match(r"the\s", t0, re.IGNORECASE):  # "the North's Vice-Foreign
        # Minister": "the North" is PRK
        found = [(0, e - 4, n, c) for s, e, n, c in country_matches(f"the {t}")[:1] if s == 0]
    country = found[0][3] if found else None
    role = t
    institutions = (roles or load_roles()).institution_names
    if found and found[0][0] == 0 and found[0][2] not in institutions:
        role = t[found[0][1] :].lstrip(" '’s").strip()
        role = re.sub(r"^s\s+", "", role)
    return (role or None), country


def title_before(doc: Doc, start: int, roles: Roles | None = None) -> str:
    """Words of the title right before a name ("U.S. Secretary of State" Rex Tillerson)."""
    r = roles or load_roles()
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
                or t.lower_ in r.role_nouns
                or t.pos_ == "ADJ"
                or t.lower_ in r.title_modifiers
                # "press" in "White House press secretary": a noun compounded into the title,
                # "prime" in "Australian prime minister" (tagged a noun's modifier)
                or (t.dep_ in ("compound", "amod") and lo <= t.head.i < start)
            )
        ) or (t.lower_ in r.title_connectives and i > 0 and i + 1 < start)
        # "former acting CIA Director": a modifier whatever its tag ("acting" is a verb's)
        ok = ok or (t.lower_ in r.title_modifiers and i + 1 < start)
        if not ok:
            break
        lo = i
        i -= 1
    # "and" joins words of an office's name only after its "of" or "for" ("Minister of
    # Trade and Industry"); before that it joins two people ("Pence and Defense Secretary
    # Jim Mattis"), and the title starts after it.
    for k in range(lo, start):
        if doc[k].lower_ in ("and", "&") and not any(
            doc[m].lower_ in ("of", "for") for m in range(lo, k)
        ):
            lo = k + 1
    while lo < start and doc[lo].lower_ in r.title_connectives:
        lo += 1
    if lo >= start:
        return ""
    if lo > 0 and doc[lo - 1].lower_ == "the" and lo + 1 < start and doc[lo + 1].tag_ == "POS":
        lo -= 1  # "the North's Vice-Foreign Minister": the article makes "the North"
    return normalize_title(doc[lo:start].text, r)


def normalize_title(title: str, roles: Roles | None = None) -> str:
    """ "Mr." is no role and "Sen." is "Senator": honorifics out, abbreviations spelled out."""
    r = roles or load_roles()
    words = [
        r.abbreviations.get(w.lower(), w)
        for w in title.split()
        if w.lower().rstrip(".") not in r.honorifics
    ]
    return " ".join(words)


def has_role_word(role: str | None, roles: Roles | None = None) -> bool:
    """True when a title names an office ("press secretary"), not just a place or an honorific."""
    r = roles or load_roles()
    words = re.findall(r"[a-z]+", (role or "").lower())
    return any(w in r.role_nouns or w in r.title_words for w in words if w not in r.not_offices)


def name_and_title(name: str, roles: Roles | None = None) -> tuple[str, str]:
    """("Secretary of State Rex Tillerson") -> ("Rex Tillerson", "Secretary of State")."""
    r = roles or load_roles()
    parts = name.split()
    k = 0
    while k < len(parts) - 1 and (parts[k].lower() in r.title_words or country_of(parts[k])):
        k += 1
    if len(parts) - k < 1:
        return name, ""
    return " ".join(parts[k:]), " ".join(parts[:k])
