"""The assemble stage: what the brief says, where each line comes from, and why it was chosen.

Hand-made records (articles, quotes, actors, positions) so these tests do not move
when the analysis stages change; one end-to-end check on seeds/ asserts structure.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import date

import pytest

from briefgen.book.assemble import assemble, country_groups
from briefgen.book.chart import section_order
from briefgen.book.keyquotes import not_shown, pick_quotes, rank_quotes, same_words, shown_in
from briefgen.book.questions import phrase_question
from briefgen.book.sentences import condense, split_sentences, strip_dateline, usable
from briefgen.book.timeline import _date_note, _shorten
from briefgen.knowledge.countries import countries_mentioned
from briefgen.knowledge.dates import date_range, resolve_dates
from briefgen.model import Actor, Article, Brief, Evidence, Position, Quote, Statement
from briefgen.nlp.attribution import Attribution
from briefgen.periods import Period

WEEK = Period(date(2017, 10, 23), date(2017, 10, 29), "2017-W43")


def art(aid: str, title: str, text: str, day: int | None, outlet: str, **kw: object) -> Article:
    return Article(
        article_id=aid,
        title=title,
        text=text,
        source_path=f"{aid}.txt",
        outlet=outlet,
        published=date(2017, 10, day) if day else None,
        date_source="metadata" if day else "unknown",
        url=f"https://example.org/{aid}",
        outlets=[outlet],
        **kw,  # type: ignore[arg-type]
    )


TALKS = (
    "The United States is quietly pursuing direct talks with North Korea through the New York "
    "channel, a senior State Department official said on Tuesday."
)
A1 = art(
    "a1",
    "US pursues quiet talks with North Korea",
    "WASHINGTON (Reuters) – "
    + TALKS
    + "\n\n"
    + "The official declined to say whether the United States would offer to ease sanctions "
    "in exchange for a freeze.\n\n"
    + "He also said the channel was open.\n\n"
    + "North Korea fired a ballistic missile over Japan on Oct. 17, drawing condemnation from "
    "Tokyo and Seoul.\n\n"
    + "U.S. Secretary of State Rex Tillerson speaks during a meeting in Riyadh, Saudi Arabia, "
    "October 22, 2017.",
    24,
    "Reuters",
)
A2 = art(
    "a2",
    "Washington keeps a channel to Pyongyang open",
    "Washington is pursuing direct talks with North Korea through the New York channel, "
    "officials in the State Department confirmed on Tuesday.\n\n"
    + "China urged North Korea to halt its missile tests and return to the negotiating table "
    "without delay.\n\n"
    + "South Korea's President Moon Jae-in said on Wednesday that Seoul would not accept a war "
    "on the Korean peninsula under any circumstances.",
    25,
    "CNN",
)
A3 = art(
    "a3",
    "North Korea rejects talks as missile work goes on",
    "North Korea's foreign ministry said on Thursday that it would never put its nuclear "
    "deterrent on the negotiating table with the United States.\n\n"
    + "The United States has been pursuing direct talks with North Korea through a channel at "
    "the United Nations, according to officials in Washington.\n\n"
    + "Japan's Prime Minister Shinzo Abe said Tokyo would raise pressure on Pyongyang with new "
    "sanctions on North Korean shipping companies.\n\n"
    + "Japan will host a meeting of foreign ministers on Nov. 2 to discuss tougher sanctions on "
    "North Korea.",
    26,
    "BBC",
)
LOW = art(
    "low",
    "Football results from Brazil",
    "Brazil beat Argentina in a friendly match in Rio de Janeiro on Saturday, fans said. "
    "Brazil played well and Brazil scored twice in the second half of the game.",
    28,
    "Sports Daily",
    relevance=0.05,
    low_relevance=True,
)
ARTICLES = [A1, A2, A3]

ACTORS = [
    Actor("rex-tillerson", "Rex Tillerson", "government", "Secretary of State", "USA"),
    Actor("moon-jae-in", "Moon Jae-in", "government", "President", "KOR"),
    Actor("shinzo-abe", "Shinzo Abe", "government", "Prime Minister", "JPN"),
    Actor("kcna", "Korean Central News Agency", "state-media", "state news agency", "PRK"),
    Actor("an-official", "a senior State Department official", "government", None, "USA"),
]


def quote(
    qid: str, a: Article, text: str, speaker: str, actor: str | None, country: str | None
) -> Quote:
    start = a.text.find(text)
    start = start if start >= 0 else 0
    return Quote(
        quote_id=qid,
        article_id=a.article_id,
        text=text,
        start=start,
        end=start + len(text),
        speaker=speaker,
        country=country,
        actor_id=actor,
        cue="said",
        sentence=text,
    )


QUOTES = [
    quote(
        "q1",
        A1,
        "We will continue our diplomatic efforts until the first bomb drops on the peninsula",
        "Rex Tillerson",
        "rex-tillerson",
        "USA",
    ),
    quote(
        "q1b",
        A2,
        "We will continue our diplomatic efforts until the first bomb drops on the peninsula",
        "Rex Tillerson",
        "rex-tillerson",
        "USA",
    ),
    quote(
        "q2",
        A1,
        "It has not been limited at all, both in frequency and substance of the talks",
        "a senior State Department official",
        "an-official",
        "USA",
    ),
    quote(
        "q3",
        A2,
        "Seoul would not accept a war on the Korean peninsula under any circumstances",
        "Moon Jae-in",
        "moon-jae-in",
        "KOR",
    ),
    quote(
        "q4",
        A3,
        "Tokyo would raise pressure on Pyongyang with new sanctions on North Korean shipping",
        "Shinzo Abe",
        "shinzo-abe",
        "JPN",
    ),
    quote(
        "q5",
        A3,
        "We will never put our nuclear deterrent on the negotiating table with the United States",
        "Korean Central News Agency",
        "kcna",
        "PRK",
    ),
    quote("q6", A3, "No way", "Rex Tillerson", "rex-tillerson", "USA"),  # too short
    quote(
        "q7",
        A1,
        "We should keep talking to them because a war would be far worse for everyone involved",
        "Rex Tillerson",
        "rex-tillerson",
        "USA",
    ),
]

POSITIONS = [
    Position(
        "USA",
        "country",
        "dialogue",
        0.7,
        "favours dialogue and engagement",
        "USA",
        [Evidence("a1", TALKS)],
    ),
    Position(
        "PRK",
        "country",
        "dialogue",
        -0.8,
        "rejects talks on its nuclear deterrent",
        "PRK",
        [Evidence("a3", "it would never put its nuclear deterrent on the negotiating table")],
    ),
]

ATT = Attribution(quotes=QUOTES, actors=ACTORS, positions=POSITIONS)


@pytest.fixture(scope="module")
def brief() -> Brief:
    return assemble(
        ARTICLES,
        ATT,
        {"corpus": [], "USA": []},
        WEEK,
        date(2017, 10, 29),
        "Test brief",
        low_relevance=[LOW],
    )


def _all_statements(b: Brief) -> list[Statement]:
    out = list(b.bluf) + list(b.open_questions)
    for c in b.countries:
        out += ([c.judgement] if c.judgement else []) + c.summary + c.disagreements
    return out


def _article_of(b: Brief, number: int) -> Article:
    src = next(s for s in b.sources if s.number == number)
    return next(a for a in [*b.articles, *b.low_relevance] if a.article_id == src.article_id)


def _norm(t: str) -> str:
    return " ".join(t.split())


# --- sentences ---------------------------------------------------------------------------


def test_split_keeps_abbreviations_and_initials_inside_sentences() -> None:
    a = art(
        "s",
        "t",
        "U.S. Secretary of State Rex Tillerson met Gen. Mattis on Sept. 19 in Washington. "
        "National security adviser H.R. McMaster was there too.",
        24,
        "X",
    )
    sents = [s.text for s in split_sentences(a)]
    assert sents == [
        "U.S. Secretary of State Rex Tillerson met Gen. Mattis on Sept. 19 in Washington.",
        "National security adviser H.R. McMaster was there too.",
    ]
    # Offsets point into the article text.
    s = split_sentences(a)[1]
    assert a.text[s.start : s.end].startswith("National security adviser")


@pytest.mark.parametrize(
    "text",
    [
        "He also said the channel between the two governments was open.",  # no antecedent
        "But the talks have not made much progress on the nuclear issue at all.",
        "Will North Korea accept talks with the United States this year at all?",  # question
        "Talks went on.",  # too short
        "Rex Tillerson speaks during a meeting in Riyadh, Saudi Arabia, October 22, 2017.",
        "Kim Jong Un (not pictured) guides the launch of a missile in this undated photo.",
        "Sign up for our newsletter to get breaking news about North Korea every day.",
        "AMY GOODMAN: We begin today's show looking at North Korea and the crisis.",
        "North Korea was not happy about it — Pyongyang even threatened military action.",
        "Saying that the hot water was very good, he asked whether it had been analysed.",
        "The following is a summary of domestic news in North Korea this week.",
        "Lee to make state visit to China for summit with Xi SEOUL -- President Lee will go.",
    ],
)
def test_usable_rejects_sentences_that_cannot_stand_alone(text: str) -> None:
    assert not usable(text)


def test_usable_accepts_a_plain_news_sentence_and_strips_the_dateline() -> None:
    s = "WASHINGTON (Reuters) – " + TALKS
    assert usable(s)
    assert strip_dateline(s) == TALKS
    assert condense("Meanwhile, Japan said it would deploy interceptors.").startswith("Japan")


# --- dates ---------------------------------------------------------------------------------


def test_stated_dates_resolve_against_the_publication_date() -> None:
    pub = date(2017, 10, 24)  # a Tuesday
    hits = resolve_dates("Tillerson on Oct. 17 said he would go on.", pub)
    assert hits[0].when == date(2017, 10, 17)
    # A month-day later than the story is last year's.
    assert resolve_dates("It began on Dec. 28.", date(2018, 1, 3))[0].when == date(2017, 12, 28)
    # A weekday is the last such day on or before the story...
    assert resolve_dates("The official said on Monday.", pub)[0].when == date(2017, 10, 23)
    assert resolve_dates("The official said on Tuesday.", pub)[0].when == pub
    # ...unless the sentence looks ahead; then it is marked as an estimate.
    ahead = resolve_dates("Tillerson will travel to Seoul on Friday.", pub)[0]
    assert ahead.when == date(2017, 10, 27) and ahead.estimate
    # A "will" inside a quotation does not make the reported event future.
    past = resolve_dates('On Thursday Trump warned that "it will be an event".', pub)[0]
    assert past.when == date(2017, 10, 19)


# --- open questions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The official declined to say whether the United States would ease sanctions.",
            "Would the United States ease sanctions?",
        ),
        (
            "He added without specifying how long the lull should last.",
            "How long should the lull last?",
        ),
        (
            "The president refused to say whether he is considering pre-emptive attacks, "
            "saying he did not want to tip his hand.",
            "Is the president considering pre-emptive attacks?",
        ),
        (
            "Asked Friday if he supported unconditional talks, US President Donald Trump did "
            "not answer directly.",
            "Watch for: whether President Donald Trump supported unconditional talks "
            "(did not answer directly when asked).",
        ),
        (
            "He did not indicate what action North Korea was considering in response.",
            "Watch for: what action North Korea was considering in response.",
        ),
        (
            "The White House declined to say whether the U.S. government had any role in "
            "North Korea's Internet problems.",
            "Did the U.S. government have any role in North Korea's Internet problems?",
        ),
        (
            "Officials would not say whether Pyongyang has received the letter.",
            "Has Pyongyang received the letter?",
        ),
        ("The sky was blue over Seoul on the day of the meeting.", None),
    ],
)
def test_unanswered_matters_become_questions(sentence: str, expected: str | None) -> None:
    assert phrase_question(sentence) == expected


# --- the brief -------------------------------------------------------------------------------


def test_sources_are_numbered_by_date_and_low_relevance_is_listed_but_kept_out(
    brief: Brief,
) -> None:
    assert [s.number for s in brief.sources] == [1, 2, 3, 4]
    assert [s.article_id for s in brief.sources] == ["a1", "a2", "a3", "low"]
    assert [s.low_relevance for s in brief.sources] == [False, False, False, True]
    assert brief.stats["articles"] == 3 and brief.stats["low_relevance"] == 1
    assert "BRA" not in {c.code for c in brief.countries}
    assert all(c.article_count <= 3 for c in brief.countries)


def test_every_statement_cites_real_sources_and_quotes_its_article_verbatim(
    brief: Brief,
) -> None:
    numbers = {s.number for s in brief.sources}
    statements = _all_statements(brief)
    assert statements
    for st in statements:
        assert st.cites, st.text
        assert set(st.cites) <= numbers
    # Bottom line, judgements and summaries are sentences taken from the first cited article.
    chosen = list(brief.bluf) + [
        s for c in brief.countries for s in ([c.judgement] if c.judgement else []) + c.summary
    ]
    for st in chosen:
        assert _norm(st.text) in _norm(_article_of(brief, st.cites[0]).text), st.text
    for entry in brief.timeline:
        assert entry.cites and set(entry.cites) <= numbers
        head = entry.text.rstrip(" …")
        assert any(_norm(head) in _norm(_article_of(brief, n).text) for n in entry.cites)


def test_bottom_line_leads_with_the_development_most_outlets_carry(brief: Brief) -> None:
    assert 3 <= len(brief.bluf) <= 5
    assert len({b.text for b in brief.bluf}) == len(brief.bluf)
    talks = [b for b in brief.bluf if "New York channel" in b.text or "direct talks" in b.text]
    assert talks, [b.text for b in brief.bluf]
    # Carried by all three articles: the line cites them all.
    assert set(talks[0].cites) == {1, 2, 3}
    # Variety: never two lines on the same development.
    assert sum(1 for b in brief.bluf if "direct talks" in b.text) == 1
    # Captions and pronoun-led sentences never make the bottom line.
    assert not any("speaks during" in b.text or b.text.startswith("He ") for b in brief.bluf)


def test_country_sections_come_in_crisiswatch_order_with_judgements(brief: Brief) -> None:
    codes = [c.code for c in brief.countries]
    assert codes[:3] == ["USA", "PRK", "KOR"]
    assert codes.index("JPN") > codes.index("KOR")
    assert codes == section_order(codes)
    by = {c.code: c for c in brief.countries}
    # The bold line is a sentence whose subject is the country (or its officials).
    assert by["PRK"].judgement is not None
    assert by["PRK"].judgement.text.startswith("North Korea")
    assert by["JPN"].judgement is not None and "Japan" in by["JPN"].judgement.text[:40]
    for c in brief.countries:
        assert c.name and c.name != c.code
        assert 1 <= len(c.summary) <= 4 or c.judgement is not None
        # Government actors first, and only this country's.
        kinds = [a.kind for a in c.actors]
        assert kinds == sorted(kinds, key=lambda k: k not in ("government", "international"))
        assert all(a.country == c.code for a in c.actors)
        assert all(q.country == c.code for q in c.quotes)
    # No previous period given: no trend claimed.
    assert all(c.trend is None for c in brief.countries)


def test_key_quotes_weigh_named_officials_and_spread_over_speakers(brief: Brief) -> None:
    kq = brief.key_quotes
    assert kq and len(kq) <= 8
    assert all(q.words >= 8 for q in kq)
    texts = [q.text for q in kq]
    assert len(set(texts)) == len(texts), "the same words twice"
    speakers = [q.speaker for q in kq]
    assert speakers.count("Rex Tillerson") == 1 or len(set(speakers)) >= 5
    # The quote two outlets carried, by a named Secretary of State, weighs most; the US
    # section boxes it, so the key quotes (read just after) do not print it again.
    ranked = pick_quotes(rank_quotes(QUOTES, ACTORS, {a.article_id: a for a in ARTICLES}))
    assert ranked[0].text.startswith("We will continue our diplomatic efforts")
    usa = next(c for c in brief.countries if c.code == "USA")
    assert usa.quotes[0].text.startswith("We will continue our diplomatic efforts")
    assert not any(q.text.startswith("We will continue") for q in kq)
    # The anonymous official ranks below every named official.
    names = [q.speaker for q in kq]
    if "a senior State Department official" in names:
        anon = names.index("a senior State Department official")
        assert all(not n or n[0].isupper() for n in names[:anon])


def test_a_quotation_is_printed_once_per_section_and_key_quotes_repeat_none_shown(
    brief: Brief,
) -> None:
    """W38 printed Trump's tweet four times: in the US lead, boxed under the US, boxed
    again under North Korea (misattributed) and in the key quotes."""
    boxed: list[Quote] = []
    lines = [s.text for s in brief.bluf]
    for c in brief.countries:
        own = [s.text for s in ([c.judgement] if c.judgement else []) + c.summary]
        for q in c.quotes:
            assert not shown_in(q, own), f"{q.text!r} boxed under a line that quotes it"
            assert not any(same_words(q, b) for b in boxed), f"{q.text!r} boxed twice"
        boxed += c.quotes
        lines += own
    assert boxed, "the fixture boxes quotes in its sections"
    for q in brief.key_quotes:
        assert not any(same_words(q, b) for b in boxed) and not shown_in(q, lines)


def test_a_quote_shown_in_a_line_or_box_is_not_shown_again() -> None:
    tweet = quote(
        "t1",
        A1,
        "Kim Jong Un, who is obviously a madman, will be tested like never before",
        "Donald Trump",
        None,
        "USA",
    )
    copy = quote(
        "t2",
        A1,
        "Kim Jong Un who is obviously a madman will be tested like never before!",
        "Ri Yong Ho",
        None,
        "PRK",
    )
    other = QUOTES[0]
    ranked = [(1.0, tweet), (0.9, copy), (0.5, other)]
    lead = (
        "Trump tweeted: “Kim Jong Un, who is obviously a madman, will be tested like never before!”"
    )
    assert [q for _, q in not_shown(ranked, [], [lead])] == [other]
    assert [q for _, q in not_shown(ranked, [copy])] == [other]
    assert [q for _, q in not_shown(ranked, [], ["Trump tweeted about Kim on Friday."])] == [
        tweet,
        copy,
        other,
    ]


def test_rank_and_pick_quotes_directly() -> None:
    ranked = rank_quotes(QUOTES, ACTORS, {a.article_id: a for a in ARTICLES})
    assert all(q.quote_id != "q6" for _, q in ranked)  # too short to stand alone
    picked = pick_quotes(ranked, k=3, min_k=3)
    assert len(picked) == 3
    assert len({q.country for q in picked}) >= 2


def test_open_questions_rest_on_cited_evidence(brief: Brief) -> None:
    qs = brief.open_questions
    kinds = {q.kind for q in qs}
    assert "unanswered" in kinds and "contradiction" in kinds
    unanswered = next(q for q in qs if q.kind == "unanswered")
    assert (
        unanswered.text
        == "Would the United States offer to ease sanctions in exchange for a freeze?"
    )
    assert unanswered.cites == [1]
    assert "declined to say" in unanswered.basis
    contra = next(q for q in qs if q.kind == "contradiction")
    assert "United States" in contra.text and "North Korea" in contra.text
    assert contra.cites == [1, 3]
    # China urged North Korea; nothing shows the North answering China.
    no_resp = [q for q in qs if q.kind == "no-response"]
    assert no_resp and "North Korea" in no_resp[0].text and no_resp[0].cites == [2]
    # The Nov. 2 meeting is after the story: a dated thing to watch.
    sched = [q for q in qs if q.kind == "scheduled"]
    assert sched and "2 November 2017" in sched[0].text and sched[0].cites == [3]


def test_timeline_is_sorted_dated_and_keeps_to_the_period(brief: Brief) -> None:
    tl = brief.timeline
    assert tl
    whens = [e.when for e in tl]
    assert whens == sorted(whens)
    assert all(WEEK.contains(w) for w in whens)
    # "said on Tuesday" in a Tuesday story is that Tuesday; the Oct. 17 launch is before the week.
    assert date(2017, 10, 24) in whens
    assert date(2017, 10, 17) not in whens
    # The two stories of the same Tuesday event become one line citing both.
    tuesday = [e for e in tl if e.when == date(2017, 10, 24)]
    assert any(set(e.cites) >= {1, 2} for e in tuesday)
    assert all(e.date_basis for e in tl)


def test_a_long_timeline_line_ends_at_a_clause_not_mid_thought() -> None:
    """W38's timeline cut lines off with '…' mid-sentence ('… for Pyongyang's …')."""
    tweet = (
        "On Friday morning, Trump responded to the North’s twin statements with yet another "
        "bellicose tweet: “Kim Jong Un of North Korea, who is obviously a madman who doesn't "
        "mind starving or killing his people, will be tested like never before!” and aides "
        "said more of the same would follow in the days and weeks ahead of the talks."
    )
    assert _shorten(tweet) == (
        "On Friday morning, Trump responded to the North’s twin statements with yet another "
        "bellicose tweet."
    )  # the colon ends a clause; the commas inside the quotation do not
    urged = (
        "President Trump on Wednesday urged world leaders at the United Nations to thwart the "
        '"enormous security threat" from North Korea – even as he blamed his predecessors and '
        "previous political rival Hillary Clinton for Pyongyang's nuclear advances over two "
        "decades of failed diplomacy and of sanctions that never bit, officials at the White House "
        "said late on Wednesday."
    )
    assert _shorten(urged).endswith("from North Korea.")
    # a list's commas end nothing: a line a little long is printed whole, not cut
    listed = (
        "The foreign ministers of Iran, the United States, Britain, Germany, Russia, China and "
        "France - the parties to the agreement - are due to meet on Wednesday ahead of an "
        "October deadline for Trump to decide whether to certify that Iran is complying."
    )
    assert _shorten(listed) == listed


def test_an_uncertain_timeline_date_says_where_it_came_from_in_words() -> None:
    """W38 printed 'Date: weekday resolved against the publication date.' and a red 'est.'"""
    story = date(2017, 9, 17)  # a Sunday
    hit = resolve_dates("Trump will address the General Assembly on Tuesday.", story)[0]
    assert hit.estimate and hit.when == date(2017, 9, 19)
    note = _date_note(hit, story, unsure=False)
    assert note == "date inferred from ‘on Tuesday’ in a report of 17 September 2017"
    assert "resolved" not in note and "publication date" not in note
    assert _date_note(hit, story, unsure=True).endswith("in a report of about 17 September 2017")


def test_a_period_is_named_by_its_days() -> None:
    """'What changed' printed '(built 2026-12-02)'; it names the period compared with."""
    assert date_range(date(2017, 9, 11), date(2017, 9, 17)) == "11–17 September 2017"
    assert date_range(date(2017, 8, 28), date(2017, 9, 3)) == "28 August – 3 September 2017"
    assert date_range(date(2017, 12, 25), date(2018, 1, 1)) == "25 December 2017 – 1 January 2018"


def test_chart_and_stats_follow_the_sections(brief: Brief) -> None:
    codes = [c.code for c in brief.countries]
    assert [s["code"] for s in brief.chart["series"]] == codes
    by = {s["code"]: s for s in brief.chart["series"]}
    assert (
        by["PRK"]["mentions"]
        == countries_mentioned("\n".join(a.title + "\n\n" + a.text for a in ARTICLES))["PRK"]
    )
    assert by["USA"]["quotes"] == 5  # q1, q1b, q2, q6, q7
    assert brief.stats["quotes"] == len(QUOTES)
    assert brief.stats["countries"] == len(codes)
    assert brief.stats["outlets"] == 3


def test_same_input_same_brief() -> None:
    def build() -> dict[str, object]:
        b = assemble(ARTICLES, ATT, {}, WEEK, date(2017, 10, 29), "T", low_relevance=[LOW])
        return asdict(b)

    assert build() == build()
    # Input order does not change the brief either.
    rev = assemble(list(reversed(ARTICLES)), ATT, {}, WEEK, date(2017, 10, 29), "T", [LOW])
    assert asdict(rev)["bluf"] == build()["bluf"]
    assert asdict(rev)["countries"] == build()["countries"]


def test_country_groups_need_real_material() -> None:
    groups = country_groups([*ARTICLES], ATT)
    assert list(groups)[:3] == ["USA", "PRK", "KOR"]
    assert {a.article_id for a in groups["PRK"]} == {"a1", "a2", "a3"}
    # Named once, in passing, in one article: no group for Saudi Arabia.
    assert "SAU" not in groups


def test_an_opinion_column_alone_makes_no_country_section() -> None:
    """A columnist's view of Russia (2019-W22) made a Russia section and judgement; an
    opinion piece joins a country's group only beside a news article about it."""
    text = (
        "Russia is quietly winning in Korea. Russia has long wanted a seat at the table, "
        "and Moscow will use North Korea to needle Washington, I believe."
    )
    column = art("op1", "Why Russia wins in Korea", text, 24, "Op-Ed Daily")
    column.url = "https://example.org/opinion/why-russia-wins"
    assert "RUS" not in country_groups([*ARTICLES, column], ATT)
    news = art("n1", "Russia on Korea", "Russia said on Tuesday that Russia backs talks.", 24, "X")
    groups = country_groups([*ARTICLES, column, news], ATT)
    assert {a.article_id for a in groups["RUS"]} == {"op1", "n1"}


# --- trend ---------------------------------------------------------------------------------


def test_assemble_compares_with_the_previous_period_when_given() -> None:
    prev = [
        art(
            f"p{i}",
            "Talks",
            "North Korea agreed on Monday to hold talks with South Korea on humanitarian "
            "cooperation. North Korea welcomed the dialogue and the summit plans for peace.",
            17 + i,
            "X",
        )
        for i in range(3)
    ]
    b = assemble(ARTICLES, ATT, {}, WEEK, date(2017, 10, 29), "T", previous=prev)
    by = {c.code: c for c in b.countries}
    # Every section says what its marker rests on (no marker when a period leans no way
    # or both ways), or that nothing of its own is reported.
    assert all(c.trend_basis for c in b.countries)
    # the North agreed to talks the week before and refuses them now, in words: one
    # stated position against one act is too thin a basis for a marker (issue 11, part 3),
    # and the basis says so, with both periods' moves and where this one is reported
    assert by["PRK"].trend is None
    assert by["PRK"].trend_basis == (
        "insufficient basis for a trend (this period 1 of its acts and statements lean "
        "toward escalation; in 2017-W42, 1 toward engagement; a marker needs 3 acts or "
        "statements leaning one way or the other in each period); new: stated: rejects "
        "talks on its nuclear deterrent [3] (escalation); no longer reported: agreement "
        "(engagement)"
    )
    assert b.stats["previous_articles"] == 3


def test_empty_attribution_still_gives_a_brief() -> None:
    b = assemble(ARTICLES, Attribution(), {}, WEEK, date(2017, 10, 29), "T")
    assert b.bluf and b.countries and b.key_quotes == []
    assert re.match(r"^\d{4}-\d{2}-\d{2}$", b.timeline[0].when.isoformat())


# --- end to end on seeds -------------------------------------------------------------------


def test_seeds_brief_has_every_part() -> None:
    from briefgen.config import Settings
    from briefgen.pipeline import analyse
    from briefgen.progress import Reporter
    from tests.conftest import SEEDS

    period = Period(None, None, "")
    an = analyse(Settings(), period, Reporter(), [SEEDS], keyphrases="none")
    main, low, att = an.articles, an.low_relevance, an.attribution
    assert main and low and all(a.low_relevance for a in low)
    b = assemble(main, att, {}, period, date(2017, 12, 20), "Seeds", low_relevance=low)
    assert 3 <= len(b.bluf) <= 6
    assert [c.code for c in b.countries][:2] == ["USA", "PRK"]
    assert all(c.summary for c in b.countries)
    # the heaviest quotes are boxed in the country sections; the key quotes add others
    assert 3 <= len(b.key_quotes) <= 8
    boxed = [q for c in b.countries for q in c.quotes]
    assert not any(same_words(q, x) for q in b.key_quotes for x in boxed)
    assert b.open_questions and b.timeline
    numbers = {s.number for s in b.sources}
    assert all(set(s.cites) <= numbers and s.cites for s in _all_statements(b))
    assert sum(s["mentions"] for s in b.chart["series"]) > 0


# --- paraphrase in the bottom line (real embedding model) ------------------------------------


def test_embeddings_keep_paraphrases_of_one_development_out_of_the_bottom_line() -> None:
    from briefgen.nlp.embeddings import Embedder

    texts = {
        "r1": "Three Americans held in North Korea were released on Wednesday and are flying "
        "home with Secretary of State Mike Pompeo.",
        "r2": "The three American prisoners freed by Pyongyang landed at Andrews air base "
        "early on Thursday after their long detention.",
        "d1": "North Korea said on Saturday it will dismantle its nuclear test site at "
        "Punggye-ri in a ceremony later this month.",
        "s1": "President Trump said on Thursday that his summit with Kim Jong Un will take "
        "place in Singapore on June 12.",
    }
    arts = [art(k, k, v, 12 + i, f"Outlet {i}") for i, (k, v) in enumerate(texts.items())]
    week = Period(date(2017, 10, 9), date(2017, 10, 15), "w")
    emb = assemble(arts, Attribution(), {}, week, date(2017, 10, 15), "T", embed=Embedder().embed)
    released = ("released", "freed")
    assert sum(any(w in b.text for w in released) for b in emb.bluf) == 1  # one development
    item = next(b for b in emb.bluf if any(w in b.text for w in released))
    assert set(item.cites) == {1, 2}  # citing both reports
    assert len(emb.bluf) == 3
