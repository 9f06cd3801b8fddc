"""Small shared views of a spaCy parse: sentences, tokens, noun phrases, subjects.

quotes.py, reported.py, the speaker resolution and positions.py all walk the same parse;
these helpers compute each view once per doc (spaCy rebuilds `doc.sents` on every call).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _unquoted_first(verb: Token) -> list[Token]:
    """The verb's children, those with no quotation mark between them and it first: in
    "“Only newcomers,” said Middlebury's Pollack" the parser gives "said" two subjects,
    and the quotation's word is not the speaker."""
    kids = list(verb.children)
    doc = verb.doc

    def marked(c: Token) -> bool:
        lo, hi = sorted((c.i, verb.i))
        return any(t.is_quote for t in doc[lo + 1 : hi])

    return sorted(kids, key=marked)  # stable: text order otherwise


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a cue verb, climbing conj/advcl/xcomp when it has none."""
    if verb.dep_ == "conj":
        named = _named_before(verb)
        if named is not None:
            return named
    v: Token | None = verb
    for _ in range(6):
        if v is None:
            return None
        for c in _unquoted_first(v):
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in (
                "it",
                "there",
                "that",
                "which",
                "who",
            ):
                return c
            if (
                c.dep_ in ("nsubj", "nsubjpass")
                and c.lower_ in ("who", "which", "that")
                and v.dep_ == "relcl"
            ):
                return v.head  # "Marsudi, who said ..." -> the noun the clause modifies
            if c.dep_ == "nsubj" and c.lower_ == "it" and c.i > verb.i:
                return c
        # "went so far as to say", "corrected himself to say": an infinitive's subject
        # is its clause's, through an adverb ("so far") or a clause the parser left loose
        infinitive = v.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in v.children
        )
        nonfinite = (
            v.tag_ in ("VBG", "VBN", "TO")
            or infinitive
            or v.dep_ in ("conj", "xcomp", "pcomp", "dep")
        )
        if (
            v.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep", "relcl", "acl", "dep")
            and nonfinite
            and v.head is not v
            or v.dep_ in ("prep", "advmod")
            and v.pos_ in ("ADV", "ADP")
            and v.head is not v
        ):
            v = v.head
        else:
            return None
    return None


def _named_before(verb: Token) -> Token | None:
    """ "As Obama expressed disappointment ..., Michael Lynton, the studio's chief
    executive, insisted ...": a person set off by commas with an apposition right before
    a verb is its subject, though the parser hung the name on the phrase before and the
    verb on the first clause's (whose subject would otherwise be climbed to)."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and (doc[i].is_space or doc[i].pos_ == "ADV" and i > verb.i - 3):
        i -= 1
    if i < 1 or doc[i].text != ",":
        return None
    t = doc[i - 1]
    for _ in range(4):  # from the apposition's last word up to its head
        if t.dep_ == "appos" or not t.i < t.head.i < verb.i:
            break
        t = t.head
    name = t.head
    if t.dep_ != "appos" or name.i > t.i or name.ent_type_ != "PERSON":
        return None
    j = name.left_edge.i - 1
    return name if j >= 0 and doc[j].text == "," else None


def doc_sents(doc: Doc) -> list[Span]:
    """The parse's sentences, computed once per doc: quotes, actors and positions all walk
    them, and spaCy rebuilds them on every `doc.sents`."""
    cached = doc.user_data.get("briefgen_sents")
    if cached is None:
        cached = doc.user_data["briefgen_sents"] = list(doc.sents)
    return cached


def sent_of(tok: Token) -> Span:
    """`tok.sent` without spaCy's scan over every sentence of the doc."""
    import bisect

    sents = doc_sents(tok.doc)
    starts = tok.doc.user_data.get("briefgen_sent_starts")
    if starts is None:
        starts = tok.doc.user_data["briefgen_sent_starts"] = [s.start for s in sents]
    return sents[max(0, bisect.bisect_right(starts, tok.i) - 1)]


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per doc: spaCy joins every token's text on each call (a
    few hundred calls an article made it 5% of a cold build's CPU)."""
    cached = doc.user_data.get("briefgen_text")
    if cached is None:
        cached = doc.user_data["briefgen_text"] = doc.text
    return str(cached)


def doc_tokens(doc: Doc) -> list[Token]:
    """The doc's tokens as one list: iterating a Doc builds a new Token object per step."""
    cached = doc.user_data.get("briefgen_tokens")
    if cached is None:
        cached = doc.user_data["briefgen_tokens"] = list(doc)
    return cached


def _says_when(prep: Token) -> bool:
    """Is the prepositional phrase a time ("for the first time", "in 2013"), an adverbial
    the parser hung on the noun rather than part of the name of who spoke?"""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return any(o.ent_type_ in ("DATE", "TIME") or o.lower_ in ("time", "times") for o in objs)


def noun_phrase(tok: Token) -> Span:
    """The noun phrase headed by `tok`, without relative clauses, appositions or verbs."""
    doc = tok.doc
    lo = hi = tok.i
    keep = (
        "compound",
        "amod",
        "det",
        "poss",
        "case",
        "nmod",
        "nummod",
        "quantmod",
        "flat",
        "prep",
        "pobj",
        "punct",
    )
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("relcl", "appos", "acl", "advcl", "cc", "conj", "ccomp", "xcomp"):
                continue
            if c.dep_ == "punct" and (c.text in ',;:—–“”"' or c.text in ("''", "``")):
                continue
            if c.dep_ not in keep and t is tok:
                continue
            if c.dep_ == "prep" and c.lower_ not in ("of", "at", "to", "for", "in", "with", "from"):
                continue
            if c.dep_ == "prep" and _says_when(c):
                continue  # "media for the first time", "the head in 2013": when, not who
            lo, hi = min(lo, c.i), max(hi, c.i)
            stack.append(c)
    span = doc[lo : hi + 1]
    # never cross a quotation mark or a comma block
    toks = [t for t in span]
    cut_lo = lo
    for t in toks:
        if t.i < tok.i and (t.text in '“”",;' or t.text in ("''", "``")):
            cut_lo = t.i + 1
    cut_hi = hi
    for t in toks:
        if t.i > tok.i and (t.text in '“”",;' or t.text in ("''", "``")):
            cut_hi = t.i - 1
            break
    return doc[cut_lo : cut_hi + 1]


def appos_text(tok: Token) -> str | None:
    """The apposition after `tok` ("Doug Madory, the director of Internet analysis at
    Dyn Research, said"), up to a clause of its own."""
    for c in tok.children:
        if c.dep_ == "appos" and c.i > tok.i:
            sub = [t for t in c.subtree if t.dep_ != "relcl"]
            lo, hi = sub[0].i, sub[-1].i
            # stop at a clause ("until he defected ...", "who ...")
            doc = tok.doc
            for t in doc[c.i + 1 : hi + 1]:
                glued = t.i > 0 and doc[t.i - 1].text == "-" and doc[t.i - 1].whitespace_ == ""
                if (
                    t.pos_ in ("VERB", "AUX", "SCONJ")
                    and not glued  # "New Hampshire-based Dyn Research" is no clause
                    or t.dep_ in ("mark", "relcl")
                    or t.tag_ in ("WP", "WDT")
                ):
                    hi = t.i - 1
                    break
            txt = tok.doc[lo : hi + 1].text.strip(" ,")
            return txt or None
    return None


def governor(tok: Token) -> Token | None:
    """The verb (or predicate adjective) whose argument the mention is."""
    t = tok
    for _ in range(6):
        if t.head.i == t.i:
            return t if t.pos_ in ("VERB", "AUX", "ADJ") else None
        t = t.head
        if t.pos_ in ("VERB", "AUX") or (t.pos_ == "ADJ" and t.dep_ in ("ROOT", "acomp")):
            return t
    return None


def verb_phrase(v: Token) -> str:
    """The verb with its particles and auxiliaries, lower-cased ("called off", "must not")."""
    parts = [c for c in v.children if c.dep_ in ("prt", "aux", "auxpass", "neg", "prep")]
    toks = sorted([v, *parts], key=lambda t: t.i)
    return " ".join(t.lower_ for t in toks)


def is_age_alone(head: Token) -> bool:
    """ "the 58-year-old said": a definite phrase whose head is an age, no noun after it."""
    return (
        head.lower_ == "old"
        and any(c.lower_ in ("year", "years") for c in head.children)
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    )
