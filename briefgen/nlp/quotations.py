"""One article's quotations: direct, mixed and reported, each with its speaker and time.

quotes.py finds the stretches in quotation marks, reported.py the reported speech; this
module joins them (a reported clause that holds quoted words is one mixed quotation,
a reported clause that is only a quotation is the direct one), resolves each speaker
(speakers.py) and leaves out what is no quotation:

- scare quotes, names and titles in marks (quotes.py marks them);
- imagined, hypothetical and counterfactual speech ("even if Kim says “...”"), and
  questions put by reporters;
- a news agency or paper that merely reports ("Reuters reported", "according to
  Yonhap"): a source, not a speaker;
- a report inside another's quotation ("X said Y had warned ..."): part of X's words.

A direct quotation whose speaker cannot be found is kept with an unknown speaker; so is
a reported one whose subject is a pronoun ("he threatened to ...") no earlier speaker
fits.  Any other reported one without a speaker is no quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from briefgen.model import Article, Quote
from briefgen.nlp.carried import carried, press_carries
from briefgen.nlp.items import Item, Resolved
from briefgen.nlp.marks import QuoteSpans, spans_near
from briefgen.nlp.reported import Reported, content_of, not_a_statement
from briefgen.nlp.run_on import run_on
from briefgen.nlp.syntax import doc_text
from briefgen.nlp.titles import members_of_body
from briefgen.nlp.when import statement_time

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from briefgen.nlp.gazetteer import Lexicon
    from briefgen.nlp.marks import QuoteSpan
    from briefgen.nlp.names import Speaker
    from briefgen.nlp.quotes import RawQuote
    from briefgen.nlp.speakers import ArticleActors

# Share of a reported clause inside quotation marks above which it is the direct quotation.
_QUOTED_SHARE = 0.7
# Tags of a finite verb or a modal: quoted words with one are a clause.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# What may stand between two quoted phrases of one statement: marks, commas, a conjunction
# ("“A” and a “B”", "“A” but that “B”", "“A,” “B,” and “C”").
_JOINER = re.compile(
    r"[”\"’'\s,]*(?:(?:and|or|but)(?:\s+(?:that|a|an|the|to))?)?[\s“\"‘']*", re.IGNORECASE
)
# Cues by which a publication reports news: the publication is a source.
_SOURCE_CUES = frozenset({"report", "according", "carry", "quote", "cite"})


def _quoted_chars(a: int, b: int, spans: list[QuoteSpan]) -> int:
    return sum(max(0, min(b, s.mark_end) - max(a, s.mark_start)) for s in spans_near(spans, a, b))


def collect(doc: Doc, raws: list[RawQuote], reps: list[Reported], lex: Lexicon) -> list[Item]:
    """Direct and mixed quotations and reported speech as one list in text order."""
    marks = QuoteSpans(s for r in raws for s in r.spans)  # indexed: asked per report
    # Quotes by start, so each report looks only at those starting inside it: reports
    # times quotes was 13 s on a text of 14,000 marks.
    by_start = sorted(range(len(raws)), key=lambda k: raws[k].start)
    starts = [raws[k].start for k in by_start]
    absorbed: set[int] = set()
    items: list[Item] = []
    by_cue = _by_cue(raws)
    for rep in reps:
        quoted = _quoted_chars(rep.start, rep.end, marks)
        if quoted >= _QUOTED_SHARE * (rep.end - rep.start) or _quote_then_adverbial(
            doc, rep.start, rep.end, marks
        ):
            continue  # "He said: “...”": the direct quotation is the statement
        rep_end = run_on(doc, rep, raws, by_cue.get(rep.cue.i, ()), lex)
        quoted = _quoted_chars(rep.start, rep_end, marks)
        i = bisect_left(starts, rep.start)
        while i < len(starts) and starts[i] <= rep_end:
            k = by_start[i]
            if raws[k].kind != "direct" and raws[k].end <= rep_end:
                absorbed.add(k)
            i += 1
        items.append(
            Item(
                kind="mixed" if quoted else "indirect",
                start=rep.start,
                end=rep_end,
                sentence_start=rep.sentence_start,
                sentence_end=rep.sentence_end,
                cue=rep.cue,
                phrase=rep.speaker,
                head=rep.speaker_head,
                spans=rep.spans,
                via=rep.via,
            )
        )
    items = carried(items)
    kept = [
        _raw_item(r, marks, lex)
        for k, r in enumerate(raws)
        if not (k in absorbed or r.scare or _fragment(r))
    ]
    items += _joined(doc_text(doc), kept)
    items.sort(key=lambda it: (it.start, it.end))
    return items


def _by_cue(raws: list[RawQuote]) -> dict[int, list[int]]:
    """The quoted words of the writer's sentences (not direct, not scare), by the token of
    the cue they were read with."""
    out: dict[int, list[int]] = {}
    for k, r in enumerate(raws):
        if r.kind != "direct" and not r.scare and r.attribution.cue is not None:
            out.setdefault(r.attribution.cue.i, []).append(k)
    return out


def _raw_item(r: RawQuote, marks: QuoteSpans, lex: Lexicon) -> Item:
    """A quotation in marks no reported clause holds; quoted words that are what their cue
    says of its object take that object with them."""
    a, b = r.start, r.end
    cue = r.attribution.cue
    if r.kind != "direct" and cue is not None and r.attribution.via != "according":
        span = content_of(cue, lex.verbs, marks)
        whole = span is not None and span[0] >= r.spans[0].mark_start - 1
        if span is not None and span[0] <= a and b <= span[1] and not whole:
            a, b = span  # "called the drills “a rehearsal for invasion”"
    return Item(
        kind="direct" if r.kind == "direct" else "mixed",
        start=a,
        end=b,
        sentence_start=r.sentence_start,
        sentence_end=r.sentence_end,
        cue=cue,
        phrase=r.attribution.speaker,
        head=r.attribution.speaker_head,
        spans=list(r.spans),
        raw=r,
        via=r.attribution.via,
    )


def _joined(text: str, items: list[Item]) -> list[Item]:
    """Quoted phrases of one sentence joined only by "and", "or", "but (that)" or a comma
    ("calling Trump a “frightened dog” and a “mentally deranged dotard”", "saying that “good
    things are happening” but that “only time will tell”") are one statement, the first's."""
    out: list[Item] = []
    for it in sorted(items, key=lambda x: x.start):
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == it.kind == "mixed"
            and prev.sentence_start == it.sentence_start
            and prev.end <= it.start
            and _JOINER.fullmatch(text[prev.end : it.start])
        ):
            if prev.spans and prev.start == prev.spans[0].start:
                prev.start = prev.spans[0].mark_start  # the marks kept, as a mixed text is
            last = it.spans[-1] if it.spans else None
            prev.end = last.mark_end if last is not None and it.end == last.end else it.end
            prev.spans = prev.spans + it.spans
            continue
        out.append(it)
    return out


def _quote_then_adverbial(doc: Doc, start: int, end: int, marks: QuoteSpans) -> bool:
    """ "Nielsen said “the president speaks for himself” in response to a question": a
    reported clause that is one quoted clause from its first word, followed only by a phrase
    of the writer's that opens with a preposition or a subordinating word (when, where,
    why it was said), is that quotation; the phrase after it is not what was said."""
    near = [s for s in spans_near(marks, start, end) if start <= s.mark_start and s.mark_end <= end]
    if len(near) != 1 or doc_text(doc)[start : near[0].mark_start].strip():
        return False
    inside = doc.char_span(near[0].start, near[0].end, alignment_mode="expand")
    if not any(t.tag_ in _FINITE for t in inside or ()):
        return False  # "expressed “serious concern” about ...": a phrase, not a clause
    span = doc.char_span(near[0].mark_end, end, alignment_mode="expand")
    words = [t for t in span or () if not (t.is_punct or t.is_space)]
    return bool(words) and words[0].pos_ in ("ADP", "SCONJ") and words[0].lower_ != "that"


def _fragment(r: RawQuote) -> bool:
    """A few quoted words in the article's own sentence with no reported clause around
    them ("Trump's “fire and fury” remarks"): a phrase borrowed, not a statement."""
    if r.kind == "direct":
        return False
    doc_text = r.spans[0]
    words = sum(s.end - s.start for s in r.spans)
    return words < 25 and r.attribution.cue is None or (words < 12 and doc_text.single)


def _is_source(sp: Speaker, item: Item, lex: Lexicon) -> bool:
    """A publication that reports the news it carries is a source, not a speaker; so is
    the press described, not named ("according to local media", "the news organization
    reported")."""
    lemma = item.cue.lemma_.lower() if item.cue is not None else ""
    sourcing = lemma in _SOURCE_CUES or item.via == "according"
    e = lex.gaz.lookup(sp.name)
    if e is None or e.outlet is None:
        return not sp.named and _press(item, lex, sourcing)
    if sourcing:
        return True
    return e.outlet.wire and not e.outlet.state


def _quoted_by_press(item: Item, ctx: ArticleActors, lex: Lexicon) -> Speaker | None:
    """ "..., Yonhap News Agency reported, quoting the South Korean military": the press
    only carries it; whom it quotes or cites is the speaker (None when it names nobody,
    or when what it carries is itself a report: "Kang urged Ri to ..., Yonhap reported,
    citing an official" is Kang's)."""
    from briefgen.nlp.syntax import noun_phrase

    if item.cue is None:
        return None
    doc = item.cue.doc
    said = doc.char_span(item.start, item.end, alignment_mode="expand")
    if said is None or any(
        t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in lex.verbs.indirect for t in said
    ):
        return None
    for c in item.cue.children:
        if c.i < item.cue.i or c.tag_ != "VBG" or c.lemma_.lower() not in ("quote", "cite"):
            continue
        obj = next((o for o in c.children if o.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return ctx.resolve(noun_phrase(obj), obj, item.start)
    return None


def _press(item: Item, lex: Lexicon, sourcing: bool) -> bool:
    """Is the speaker phrase the press described: "local media", "a news organization"
    (whatever its cue), or "a newspaper" by a cue of sourcing ("according to")?"""
    if item.head is None or item.phrase is None:
        return False
    low = item.head.lower_
    words = {t.lower_ for t in item.phrase}
    if lex.roles.state_press_re.search(item.phrase.text):
        return False  # "Pyongyang's state-controlled media" speaks for its state
    if low in ("organization", "organisation", "agency"):
        return "news" in words
    return low in lex.roles.media_nouns or (sourcing and low in lex.roles.publication_words)


def _questioner(item: Item, sp: Speaker | None, text: str, lex: Lexicon) -> bool:
    """A question put by a reporter or an interviewer is no quotation of anyone."""
    words = set((sp.name.lower() if sp is not None else "").split())
    if item.head is not None:
        words.add(item.head.lower_)
    lemma = item.cue.lemma_.lower() if item.cue is not None else ""
    asks = lemma in lex.verbs.questions or text[item.start : item.end].rstrip("”\"' ").endswith("?")
    return asks and (
        bool(words & lex.roles.questioners) or (sp is None and lemma in lex.verbs.questions)
    )


def _passive_topic(item: Item) -> bool:
    """The subject of a passive cue with no "by" agent is what is said about, or to
    whom ("The Pentagon was reported to be scouting sites", "every North Korean is told
    to hate"), never who says it."""
    h, c = item.head, item.cue
    if h is None or c is None or h.dep_ != "nsubjpass" or h.head.i != c.i:
        return False
    # an agent says who spoke; an object says the parser misread "He's described the U.N."
    return not any(t.dep_ in ("agent", "dobj") for t in c.children)


def resolve_items(
    article: Article, items: list[Item], ctx: ArticleActors, lex: Lexicon
) -> list[Resolved]:
    """Speakers for the items, what is no quotation left out (module docstring)."""
    text = article.text
    out: list[Resolved] = []
    prev: Resolved | None = None
    for it in items:
        if (
            it.cue is not None
            and it.cue.lemma_.lower() != "according"
            and not_a_statement(it.cue, lex.verbs)
        ):
            continue
        if it.kind != "direct" and _passive_topic(it):
            continue  # "The Pentagon was reported to be ...": said of it, not by it
        sp = ctx.resolve(it.phrase, it.head, it.start) if it.cue is not None else None
        conf = _confidence(it, sp)
        cue = _cue_text(it, lex)
        if it.cue is None and it.kind == "direct":
            cont = _continues(text, it, prev) if prev is not None else None
            if cont is None and not _sentence_like(text, it):
                continue  # a title or a phrase in marks, with nobody saying it
            if cont is None:
                continue  # no cue and nobody before it: a quotation nobody can vouch for
            out.append(cont)
            prev = cont
            continue
        if sp is not None and _is_source(sp, it, lex):
            sp = _quoted_by_press(it, ctx, lex)
            if sp is None and it.kind != "direct":
                continue
            # “...,” Yonhap reported: the words stay, their speaker is unknown
        if _questioner(it, sp, text, lex):
            continue
        if sp is None and (it.kind != "direct" or it.cue is None) and not _someone(it):
            continue
        earlier, said_on = statement_time(it.cue, article.published, text[it.start : it.end])
        res = Resolved(it, sp, cue, conf, earlier, said_on)
        out.append(res)
        prev = res
    return _not_nested(out)


# Personal pronouns that, as a cue's subject, say someone other than the writer spoke.
_THIRD_PERSON = frozenset({"he", "she", "they", "it"})


def _someone(it: Item) -> bool:
    """A reported statement whose subject is a pronoun no earlier speaker fits ("he
    threatened to ...", "they accuse him of ..."): the text says someone said it, so it is kept
    with an unknown speaker (issue 10) rather than lost.  Any other subject that names
    nobody ("the fact suggests", "evidence links") is no speaker: no statement."""
    h = it.head
    return (
        it.kind != "direct"
        and it.cue is not None
        and h is not None
        and h.tag_ == "PRP"
        and h.dep_ == "nsubj"
        and h.lower_ in _THIRD_PERSON
        and it.cue.lemma_.lower() not in _SOURCE_CUES  # "He cited the minister, who said"
    )


def _continues(text: str, it: Item, prev: Resolved) -> Resolved | None:
    """A quote paragraph with no attribution of its own continues the previous speaker's
    quote: news style gives the speaker once."""
    first = it.spans[0]
    para_start = not text[it.sentence_start : first.mark_start].strip()
    gap = para_index(text, it.start) - para_index(text, prev.item.end)
    if prev.speaker is None or gap > 1:
        return None
    conf = 0.9 if para_start and prev.item.kind == "direct" else 0.6
    return Resolved(
        it, prev.speaker, prev.cue, min(prev.confidence, conf), prev.earlier, prev.said_on
    )


def _sentence_like(text: str, it: Item) -> bool:
    """Words in marks that read as a statement: four words or more, opening a sentence."""
    words = text[it.start : it.end].split()
    return len(words) >= 4 and (words[0][:1].isupper() or words[0][:1] in "[(")


def para_index(text: str, pos: int) -> int:
    """Which paragraph of `text` the offset `pos` is in."""
    return text.count("\n\n", 0, pos)


def _confidence(it: Item, sp: Speaker | None) -> float:
    if sp is None:
        return 0.0
    if it.head is not None and it.head.pos_ == "PRON":
        return min(sp.confidence, 0.8)
    return sp.confidence


def _cue_text(it: Item, lex: Lexicon) -> str | None:
    """The cue as the text has it, with its particle: "said", "called on", "according to"."""
    if it.cue is None:
        return None
    if it.via == "according":
        return "according to"
    if it.via == "colon":
        return None  # "Power was among those who spoke out: “...”": "was" is no cue word
    if it.via == "tweet":
        return "tweeted"  # an embedded post (tweets.py): its cue token is the signature's name
    parts = lex.verbs.particles.get(it.cue.lemma_.lower(), frozenset())
    particle = next(
        (c.lower_ for c in it.cue.children if c.dep_ in ("prep", "prt") and c.i == it.cue.i + 1),
        "",
    )
    word = it.cue.text.lower()
    return f"{word} {particle}" if particle in parts else word


def _not_nested(res: list[Resolved]) -> list[Resolved]:
    """A report whose cue lies inside another report's words is part of that quotation,
    unless that other is the press carrying it (carried.py)."""
    res = press_carries(res)
    reported = sorted((r.item.start, r.item.end) for r in res if r.item.kind != "direct")
    starts = [a for a, _ in reported]
    reach: list[int] = []  # the farthest end of the intervals up to each one
    for _, b in reported:
        reach.append(max(b, reach[-1]) if reach else b)

    def inside_another(x: int, own: tuple[int, int]) -> bool:
        k = bisect_right(starts, x) - 1
        while k >= 0 and reach[k] > x:  # stops as soon as no earlier interval reaches x
            if reported[k][1] > x and reported[k] != own:
                return True
            k -= 1
        return False

    out = []
    for r in res:
        c = r.item.cue
        if (
            r.item.kind != "direct"
            and c is not None
            and inside_another(c.idx, (r.item.start, r.item.end))
        ):
            continue
        out.append(r)
    return out


def to_quotes(
    article: Article, resolved: list[Resolved], home: str | None
) -> list[tuple[Quote, Speaker | None]]:
    """Quote records: one per quoted stretch of a direct quotation, one per reported clause."""
    text = article.text
    out: list[tuple[Quote, Speaker | None]] = []
    n = 0
    for r in resolved:
        it, sp = r.item, r.speaker
        if (
            sp is not None
            and sp.country is None
            and sp.kind == "government"
            and not sp.joint  # several states' officials together serve no one home
            and home is not None
            and not members_of_body(sp.role or sp.name)  # "a U.N. Security Council diplomat"
        ):
            # "National Security Adviser Wi Sung-lac" under a SEOUL dateline: an official the
            # article does not place serves the country the report is filed from
            sp.country = home
        # the parser may start a sentence at the previous quote's closing mark
        sentence = " ".join(text[it.sentence_start : it.sentence_end].split()).lstrip('”"’ ')
        pieces = (
            [(s.start, s.end) for s in it.spans]
            if it.kind == "direct" and it.spans
            else [(it.start, it.end)]  # a reported clause, a speech's paragraph (speeches.py)
        )
        for a, b in pieces:
            if not any(ch.isalnum() for ch in text[a:b]):
                continue  # marks around punctuation only
            n += 1
            q = Quote(
                quote_id=f"{article.article_id}-q{n}",
                article_id=article.article_id,
                text=text[a:b],
                start=a,
                end=b,
                speaker=sp.name if sp is not None else None,
                speaker_role=sp.role if sp is not None else None,
                country=sp.country if sp is not None else None,
                actor_id=sp.key if sp is not None else None,
                cue=r.cue,
                kind=it.kind,  # type: ignore[arg-type]
                sentence=sentence,
                speaker_confidence=round(r.confidence, 2),
                earlier=r.earlier,
                said_on=r.said_on,  # type: ignore[arg-type]
            )
            out.append((q, sp))
    return out
