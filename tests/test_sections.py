"""Country sections: who is listed with the section's positions."""

from __future__ import annotations

import pytest

from briefgen.book.sections import BookContext, CountrySectionBuilder, SectionWeights
from briefgen.model import Actor, Position
from briefgen.nlp.attribution import Attribution
from tests.texts import news_article


def _quote_builder(*actors: Actor) -> CountrySectionBuilder:
    """A section builder over these actors and no sentences: what the quote-line tests need."""
    from briefgen.book.summarize import SentencePool

    ctx = BookContext(
        pool=SentencePool([], [], []),
        attribution=Attribution(actors=list(actors)),
        keyphrases={},
        cite=lambda _: 1,
        ranked_quotes=[],
        mentions={},
    )
    return CountrySectionBuilder(ctx)


def test_an_actor_holding_a_position_is_never_cut_from_the_section() -> None:
    """A senator below the actor limit had his position printed as 'United States as a
    whole'; whoever holds a printed position is listed, the rest fill the limit."""
    officials = [
        Actor(f"official-{i}", f"Official {i}", kind="government", country="USA", quote_count=9)
        for i in range(4)
    ]
    senator = Actor("tom-cotton", "Tom Cotton", kind="legislator", country="USA", quote_count=1)
    held = Position("tom-cotton", "actor", "sanctions", 1, "keeps up sanctions", "USA")
    ctx = BookContext(
        pool=None,  # type: ignore[arg-type]
        attribution=Attribution(actors=[*officials, senator], positions=[held]),
        keyphrases={},
        cite=lambda _: None,
        ranked_quotes=[],
        mentions={},
    )
    builder = CountrySectionBuilder(ctx, SectionWeights(max_actors=3))
    listed = [a.actor_id for a in builder._actors("USA", [held])]
    assert "tom-cotton" in listed
    assert len(listed) == 3  # the limit still holds: two officials and the senator
    assert [a.actor_id for a in builder._actors("USA")] == [f"official-{i}" for i in range(3)]


def test_a_disagreement_names_the_issue_as_a_reader_would() -> None:
    from briefgen.book.contradictions import contradiction_statement
    from briefgen.model import Evidence

    trump = Actor("donald-trump", "Donald Trump", kind="government", country="USA")
    rex = Actor("rex-tillerson", "Rex Tillerson", kind="government", country="USA")
    ev = [Evidence("a1", "words")]
    a = Position("donald-trump", "actor", "military_force", 1, "threatens force", "USA", ev)
    b = Position("rex-tillerson", "actor", "military_force", -1, "warns against force", "USA", ev)
    s = contradiction_statement(a, b, {x.actor_id: x for x in (trump, rex)}, lambda _: 1)
    assert s.text.endswith("watch which line prevails on military force.")


def test_a_voice_whose_role_is_its_name_is_not_named_twice() -> None:
    """'North Korea's foreign minister (North Korea's foreign minister)' in 'Also heard'."""
    from briefgen.render.html import render_html
    from tests.brief_fixture import rich_brief

    b = rich_brief()
    sec = b.countries[0]
    sec.positions = []
    sec.actors = [
        Actor("x", "North Korea's foreign minister", kind="government", role="foreign minister"),
        Actor("y", "Ri Yong Ho", kind="government", role="Foreign Minister"),
    ]
    html = render_html(b)
    assert "North Korea's foreign minister (foreign minister)" not in html.replace("&#39;", "'")
    assert "Ri Yong Ho (Foreign Minister)" in html


def test_the_watch_list_keeps_to_the_peninsula() -> None:
    """2017-W38's open questions carried Britain's Rohingya meeting and Iran's nuclear
    deal; a Korean state as subject ('his country would not pose a threat') still counts."""
    from types import SimpleNamespace

    from briefgen.book.watchlist import _plain_news

    def cand(text: str, subject: str) -> SimpleNamespace:
        return SimpleNamespace(
            usable=True,
            news=1,
            subject=subject,
            text=text,
            sent=SimpleNamespace(text=text),
            article=SimpleNamespace(url="https://example.com/news/2017/09/20/korea/"),
        )

    off = [
        cand("Britain is due to host a ministerial meeting on Monday on Myanmar.", "GBR"),
        cand("The White House has until mid-October to certify Iran's compliance.", "USA"),
    ]
    on = [
        cand("The White House will decide on new sanctions against Pyongyang.", "USA"),
        cand("Ja Song Nam said his country would not pose a threat to any state.", "PRK"),
    ]
    assert [_plain_news(c, None) for c in off] == [False, False]  # type: ignore[arg-type]
    assert [_plain_news(c, None) for c in on] == [True, True]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "code", "own"),
    [
        # the country, its organ or its named official acts
        ("North Korea has issued a new threat against the US over the hack of Sony.", "PRK", True),
        ("On Monday, China condemned the cyberattacks on Sony but argued there was no proof.", "CHN", True),
        ("Chinese Foreign Minister Wang Yi, meeting his counterpart in Manila, urged the North to keep calm.", "CHN", True),
        ("The U.S. Senate voted overwhelmingly on Wednesday to broaden sanctions on North Korea.", "USA", True),
        ("The U.N. Security Council unanimously adopted new sanctions on Saturday.", "UN", True),
        ("Mr. Trump had said on Tuesday that the sanctions would stay in place.", "USA", True),
        ("China's foreign ministry told reporters that the announcement was “great news”.", "CHN", True),
        ("South Korea said its top priority was the safe return of all of its people from the zone.", "KOR", True),
        # something the country has, not the country acting
        ("Original post: North Korea's Internet is offline, multiple news reports say.", "PRK", False),
        ("Prominent North Korean websites were back online Tuesday after a shutdown.", "PRK", False),
        ("North Korea's Internet service, which was out for ten hours, went down again.", "PRK", False),
        ("The UN measures forbid China and Russia from hiring more North Korean labourers.", "UN", False),
        ("Trump’s strategy with North Korea has been compared to Nixon’s madman theory.", "USA", False),
        # an unnamed voice, a description, background, a move not made, a back-reference
        ("A senior U.N. Security Council diplomat, speaking on condition of anonymity, said the council was split.", "UN", False),
        ("China is the North’s biggest economic partner and source of aid.", "CHN", False),
        ("China accounts for about 90 percent of North Korea’s trade.", "CHN", False),
        ("Seoul has fared little better, with China directing anger its way.", "KOR", False),
        ("The South Korean government had invested about 1 trillion won in Kaesong since it opened.", "KOR", False),
        ("Pyongyang hasn't leveled any blame or threats about its latest Internet outage.", "PRK", False),
        ("Tillerson made the comments at a regional security meeting in Manila.", "USA", False),
        ("North Korea has reneged on agreements before, its leader as unpredictable as ever.", "PRK", False),
        ("North Korea has learned that nuclear weapons bring the US president to the table.", "PRK", False),
        ("South Korea’s presidential office echoed the sentiment on Sunday, saying it welcomed the move.", "KOR", False),
        ("Many North Korea watchers believed the regime was years away from such a missile.", "PRK", False),
        ("Maybe South Korea misreads the North’s signals and thinks it is about to launch a war.", "KOR", False),
        # a list of countries: the last name heads the phrase
        ("Japan, South Korea and the U.S. have scheduled an emergency meeting at the G20 summit.", "JPN", True),
        ("U.S., South Korean and Japanese officials on Monday said North Korea launched a missile.", "USA", False),
        # another country's news in this country's plain words
        ("South Korea’s weather agency said a magnitude 3.0 earthquake rocked North Korea on Saturday.", "KOR", False),
        ("South Korean officials told the Associated Press that the North's news sites were working normally.", "KOR", False),
        ("South Korea's joint chiefs said the launch was made from North Korea's west, South Korea's Yonhap news agency said.", "KOR", False),
        ("North Korean leader Kim Jong Un said the ICBM test completed his country’s strategic weapons capability.", "PRK", True),
        # state media speak for their state, reported or not; a description is no move
        ("The Global Times, a Beijing-run newspaper, warned that China would punish any U.S. strike.", "CHN", True),
        ("China's state-run Global Times said in an editorial that war on the peninsula is unacceptable.", "CHN", True),
        ("Chinese state media warned the United States against a strike on North Korea.", "CHN", True),
        ("KCNA said the launch was a success.", "PRK", True),
        ("North Korea's official news agency said the test was a success.", "PRK", True),
        ("North Korea's ruling party's newspaper said the test was a success.", "PRK", True),
        ("China's government newspaper warned the United States against a strike.", "CHN", True),
        ("Rodong Sinmun said the summit was a success.", "PRK", True),
        ("KCNA said the launch was a success.", "CHN", False),
        ("The Global Times is a Beijing-run newspaper.", "CHN", False),
        ("South Korea's Yonhap news agency said the North fired a missile.", "KOR", False),
    ],
)  # fmt: skip
def test_a_judgement_tells_the_country_s_own_move(text: str, code: str, own: bool) -> None:
    """Held-out judging found judgements that were another country's news, a dateline, a
    label or background (issue 11, part 2)."""
    from briefgen.book.moves import own_move

    officials = {"Wang Yi": "CHN", "Trump": "USA", "Tillerson": "USA"}
    assert own_move(text, code, officials) is own


def test_a_judgement_is_the_country_s_own_move_of_the_period() -> None:
    """North Korea's outage (something that happened to it) led its developments and
    gave its judgement; China's condemnation, opening on 'On Monday,', gave none; South
    Korea's only lines report the North's earthquake; the rocket launched the Sunday
    before the week is last week's move."""
    from datetime import date

    from briefgen.book.assemble import assemble
    from briefgen.model import Article
    from briefgen.nlp.attribution import Attribution
    from briefgen.periods import Period

    week = Period(date(2014, 12, 22), date(2014, 12, 28), "2014-W52")

    def art(aid: str, title: str, text: str, day: int, outlet: str) -> Article:
        return Article(
            article_id=aid, title=title, text=text, source_path=f"{aid}.txt", outlet=outlet,
            published=date(2014, 12, day), date_source="metadata", outlets=[outlet],
        )  # fmt: skip

    outage = (
        "North Korea's Internet went down for ten hours on Monday, days after the Sony hack, "
        "and North Korean websites were back online on Tuesday.\n\n"
    )
    arts = [
        art("a1", "North Korea offline", outage + "North Korea launched a rocket on Sunday and put a satellite into orbit, its space agency said.", 23, "AP"),
        art("a2", "North Korean Internet outage", outage + "North Korea issued a new threat against the United States on Tuesday over its accusation that Pyongyang hacked Sony Pictures.", 23, "CNN"),
        art("a3", "Outage in North Korea", outage + "North Korea issued a new threat against the United States on Tuesday, calling the accusation over the Sony hack a lie.", 24, "NBC"),
        art("a4", "China and the hack", "On Monday, China condemned the cyberattacks on Sony but argued there was no proof of North Korea's hand in the attacks.\n\nChina is North Korea's biggest trading partner and source of aid.", 22, "Reuters"),
        art("a5", "Quake in North Korea", "South Korea's weather agency said a magnitude 3.0 earthquake rocked North Korea on Saturday near its nuclear test site.\n\nSouth Korea's weather agency said the quake in North Korea appeared to be natural.", 27, "Yonhap"),
    ]  # fmt: skip
    b = assemble(arts, Attribution(), {}, week, date(2014, 12, 28), "T")
    judged = {c.code: c.judgement.text if c.judgement else None for c in b.countries}
    assert (judged["PRK"] or "").startswith("North Korea issued a new threat"), judged
    assert (judged["CHN"] or "").startswith("On Monday, China condemned"), judged
    # nothing of South Korea's own: said plainly, not left blank
    assert (judged.get("KOR") or "").startswith("Too little basis for a judgement"), judged


def test_a_judgement_from_a_position_is_said_in_the_words_it_was_stated_in() -> None:
    """'Konstantin Kosachev demands or commits to denuclearization.' was a judgement: a
    position's two-sided label cannot say which it was.  The sentence that states the
    position, opening on its holder, says it; with no such sentence, no judgement."""
    from datetime import date

    from briefgen.book.summarize import SentencePool
    from briefgen.model import Article, Evidence

    text = (
        "Chinese Foreign Ministry spokesman Geng Shuang said on Tuesday that sanctions on North "
        "Korea could be eased in line with its actions.\n\nA step toward a nuclear-free "
        "peninsula was taken in Singapore, according to Russian senator Konstantin Kosachev."
    )
    a = Article("a1", "Reactions", text, "a1.txt", published=date(2018, 6, 12))
    geng = Actor("geng", "Geng Shuang", kind="government", country="CHN")
    kos = Actor("kos", "Konstantin Kosachev", kind="government", country="RUS")
    positions = [
        Position("geng", "actor", "sanctions", -1, "seeks sanctions relief", "CHN",
                 [Evidence("a1", "sanctions on North Korea could be eased")], 0.9),
        Position("kos", "actor", "denuclearization", 1, "demands or commits to denuclearization",
                 "RUS", [Evidence("a1", "a step toward a nuclear-free peninsula")], 0.9),
    ]  # fmt: skip
    ctx = BookContext(
        pool=SentencePool([a], [], [geng, kos]),
        attribution=Attribution(actors=[geng, kos], positions=positions),
        keyphrases={},
        cite=lambda _: 1,
        ranked_quotes=[],
        mentions={},
    )
    builder = CountrySectionBuilder(ctx)
    chn = builder._from_positions("CHN")
    assert chn is not None and chn.text.startswith("Chinese Foreign Ministry spokesman Geng")
    assert builder._from_positions("RUS") is None


def test_a_preview_is_not_yet_a_move() -> None:
    """'North Korean diplomats will have a front-row seat…' was North Korea's judgement in
    a week it vowed the 'highest-level' action; a move announced ('China announced on
    Saturday that it will limit exports…') is one."""
    from briefgen.book.moves import previews

    seat = "North Korean diplomats will have a front-row seat for Trump's speech on Tuesday."
    assert previews(seat, "PRK", {})
    limit = "China announced on Saturday that it will limit exports of petroleum to North Korea."
    assert not previews(limit, "CHN", {})


def test_a_country_that_only_spoke_is_judged_by_its_official_s_words() -> None:
    """China's only line of the week was a quotation ('"…," Chinese Foreign Minister Wang Yi
    said'): no sentence opens on China's move, so its section had no judgement at all.  Its
    highest official's words of the period are its stance; an earlier statement, a guessed
    speaker or another country's voice are not, and a country with none of its own says
    there is too little basis."""
    from datetime import date

    from briefgen.book.summarize import SentencePool
    from briefgen.model import Article, Quote

    said = (
        "“Kim Jong Un and Trump sitting together to talk has important and positive "
        "meaning,” Chinese Foreign Minister Wang Yi said on Tuesday."
    )
    old = "Chinese spokesman Lu Kang said in March that China opposed the drills."
    a = Article("a1", "Reactions", f"{said}\n\n{old}", "a1.txt", published=date(2018, 6, 12))
    wang = Actor("wang", "Wang Yi", role="Foreign Minister", kind="government", country="CHN")
    lu = Actor("lu", "Lu Kang", role="spokesman", kind="government", country="CHN")
    quotes = [
        Quote("q1", "a1", "Kim Jong Un and Trump sitting together to talk has important and positive meaning",
              1, 78, speaker="Wang Yi", country="CHN", actor_id="wang", sentence=said),
        Quote("q2", "a1", "China opposed the drills", 0, 0, speaker="Lu Kang", country="CHN",
              actor_id="lu", kind="indirect", sentence=old, earlier=True),
    ]  # fmt: skip
    ctx = BookContext(
        pool=SentencePool([a], quotes, [wang, lu]),
        attribution=Attribution(quotes=quotes, actors=[wang, lu]),
        keyphrases={},
        cite=lambda _: 1,
        ranked_quotes=[],
        mentions={},
    )
    builder = CountrySectionBuilder(ctx)
    judgement, _ = builder.judgement("CHN", [])
    assert judgement is not None
    assert judgement.text == (
        "Wang Yi, Foreign Minister, said: “Kim Jong Un and Trump sitting together to talk "
        "has important and positive meaning.”"
    )
    assert judgement.cites == [1]
    # words that name no actor, place or issue of the peninsula come only after every
    # line that does (here there is none, so they are still the judgement)
    quotes[0].text = "The two leaders sitting together to talk has important meaning"
    assert builder._from_quotes("CHN") is None
    assert builder._from_quotes("CHN", tied=False) is not None
    quotes[0].text = "Kim Jong Un and Trump sitting together to talk has important meaning"
    quotes[0].speaker_confidence = 0.5  # a guessed speaker is no basis
    russia, _ = builder.judgement("RUS", [])
    assert russia is not None and russia.text.startswith("Too little basis"), russia
    assert builder._from_quotes("CHN") is None


def test_a_line_that_is_not_the_official_s_own_statement_is_no_judgement() -> None:
    """Read on train weeks held apart while the quote judgement was written: 'UN Security
    Council said they were caused by a "heinous U.S. plot"' (the North's statement, the
    Council named before its 'saying'), 'U.S. government said annual defensive springtime
    war games' (a naming cue) and 'the unification ministry said neither Kim's father nor
    his grandfather had issued a similar statement' (background)."""
    from briefgen.model import Quote

    unsc = Actor("unsc", "UN Security Council", kind="international", country="UN")
    usg = Actor("usg", "U.S. government", kind="government", country="USA")
    mou = Actor("mou", "Unification Ministry", kind="government", country="KOR")
    b = _quote_builder(unsc, usg, mou)
    plot = Quote("q1", "a1", 'they were caused by a "heinous U.S. plot to stifle" North Korea', 0, 1,
                 country="UN", actor_id="unsc", kind="mixed", cue="saying",
                 sentence="The North's statement came two days after the U.N. Security Council "
                 'approved new sanctions, saying they were caused by a "heinous U.S. plot to '
                 'stifle" North Korea.')  # fmt: skip
    games = Quote("q2", "a1", "annual defensive springtime war games", 0, 1, country="USA",
                  actor_id="usg", kind="indirect", cue="call",
                  sentence="Tensions spike when Washington and Seoul stage what they call annual "
                  "defensive springtime war games.")  # fmt: skip
    past = Quote("q3", "a1", "neither Kim's father nor his grandfather had issued a similar statement",
                 0, 1, country="KOR", actor_id="mou", kind="indirect", cue="said",
                 sentence="South Korea's unification ministry said neither Kim's father nor his "
                 "grandfather had issued a similar statement.")  # fmt: skip
    assert b._quote_line(plot, unsc, "UN") is None
    assert b._quote_line(games, usg, "USA") is None
    assert b._quote_line(past, mou, "KOR") is None
    past.text = "Seoul would answer any provocation firmly and at once"
    past.sentence = f"South Korea's unification ministry said {past.text}."
    line = b._quote_line(past, mou, "KOR")
    assert line is not None and "would answer any provocation firmly" in line


def test_a_country_speaks_through_voices_described_and_stance_cues() -> None:
    """Judges counted 'too little basis' as none where the country spoke through a voice
    the text describes ('U.S. officials told…'), a cue that is itself a stance ('the
    Chinese insist that…', no modal) or an official's assessment of another country
    ('Abe said North Korea may have the capability…'). A voice whose country the words
    do not give ('a defense official') or a pronoun resolved to a name not in the
    sentence stays no basis."""
    from briefgen.model import Quote

    usa = Actor("uso", "U.S. officials", role="U.S. officials", kind="government", country="USA")
    anon = Actor("dfo", "a defense official", role="defense official", kind="government",
                 country="USA")  # fmt: skip
    chn = Actor("cg", "Chinese government", kind="government", country="CHN")
    abe = Actor("abe", "Shinzo Abe", role="Prime Minister", kind="government", country="JPN")
    b = _quote_builder(usa, anon, chn, abe)
    policy = (
        "U.S. officials told The Associated Press that the administration had settled on a "
        "policy that will emphasize increasing pressure on Pyongyang with the help of China."
    )
    q = Quote("q1", "a1", policy.split(" that ", 1)[1].rstrip("."), 0, 1, speaker="U.S. officials",
              country="USA", actor_id="uso", kind="indirect", cue="told",
              speaker_confidence=0.8, sentence=policy)  # fmt: skip
    assert b._quote_line(q, usa, "USA") == policy
    q.actor_id, q.speaker = "dfo", "a defense official"
    q.sentence = policy.replace("U.S. officials", "A defense official")
    assert b._quote_line(q, anon, "USA") is None  # whose official, the words do not say
    insist = "But the Chinese insist that they have only limited influence on Kim Jong Un."
    q2 = Quote("q2", "a1", "they have only limited influence on Kim Jong Un", 0, 1,
               speaker="Chinese government", country="CHN", actor_id="cg", kind="indirect",
               cue="insist", sentence=insist)  # fmt: skip
    assert b._quote_line(q2, chn, "CHN") == (
        "The Chinese insist that they have only limited influence on Kim Jong Un."
    )
    q2.cue = "said"  # no stance in the words nor in the cue: a report
    assert b._quote_line(q2, chn, "CHN") is None
    long = (
        "Their prediction comes as Japanese Prime Minister Shinzo Abe said Thursday that North "
        "Korea may have the capability to deliver missiles equipped with sarin nerve gas He and "
        "other analysts pore over commercial satellite imagery of the testing site, looking for "
        "signs of activity."
    )
    q3 = Quote("q3", "a1", "North Korea may have the capability to deliver missiles equipped "
               "with sarin nerve gas", 0, 1, speaker="Shinzo Abe", country="JPN", actor_id="abe",
               kind="indirect", cue="said", sentence=long)  # fmt: skip
    # an observation of the North, no stance of Japan's own (judg10: judges read a
    # judgement as the country's own move or stance, not its reading of another's)
    assert b._quote_line(q3, abe, "JPN") is None
    q3.text = "North Korea launched a missile from Sinpo"  # the other country's news
    assert b._quote_line(q3, abe, "JPN") is None
    q3.text, q3.sentence = "sanctions would stay", "He said sanctions would stay."
    q3.speaker_confidence = 0.8  # 'he' resolved to Abe: the name is not in the sentence
    assert b._quote_line(q3, abe, "JPN") is None


def test_an_assessment_is_a_stance_and_a_standing_perfect_is_no_news() -> None:
    """Train reuters 2016-W10: 'The U.S. Defence Department said this week it had seen no
    evidence that North Korea had succeeded in miniaturizing a warhead' is the country's
    assessment (the backshift of 'has seen no evidence'), not background; train 2017-W16:
    'North Korea has also developed a missile … but so far struggled to launch it' tells
    how things stand, not the period's move."""
    from briefgen.book.ownlines import PERFECT_RE, STANDING_RE
    from briefgen.model import Quote

    dod = Actor("dod", "The U.S. Defence Department", kind="government", country="USA")
    b = _quote_builder(dod)
    said = (
        "The U.S. Defence Department said this week it had seen no evidence that North Korea "
        "had succeeded in miniaturizing a warhead."
    )
    q = Quote("q1", "a1", said.split("week ", 1)[1].rstrip("."), 0, 1, country="USA",
              actor_id="dod", kind="indirect", cue="said", sentence=said)  # fmt: skip
    assert b._quote_line(q, dod, "USA") == said
    standing = (
        "North Korea has also developed a missile with an estimated range of 2,200 miles, "
        "but so far struggled to launch it."
    )

    def news(text: str) -> bool:  # the perfect that counts as the period's news
        return bool(PERFECT_RE.search(text) and not STANDING_RE.search(text))

    assert not news(standing)
    assert news("North Korea has agreed to hold talks with the South.")


def test_an_official_passing_on_anothers_news_is_not_the_judgement() -> None:
    """Train 2018-W16: the US judgement was Trump's tweet that North Korea had agreed to
    suspend its tests, the North's move; a line of the official's own (a modal, a stance,
    its own country named, quoted words) stays its judgement."""
    from briefgen.book.ownlines import tells_anothers_news

    tweet = (
        "President Donald Trump, referencing a North Korean state media report, tweeted Friday "
        "evening North Korea has agreed to suspend all nuclear weapons testing."
    )
    assert tells_anothers_news(tweet, "USA")
    assert not tells_anothers_news(tweet, "PRK")
    assert not tells_anothers_news("Haley said North Korea would face consequences.", "USA")
    assert not tells_anothers_news(
        "South Korea’s military said on Thursday that North Korea’s statements were a "
        "challenge against Seoul.",
        "KOR",
    )
    assert not tells_anothers_news(
        "China announced on Saturday that it will limit exports to North Korea.", "CHN"
    )


def test_a_judgement_is_the_countrys_own_line_of_the_period() -> None:
    """Blind judges found 10 of 22 judgements not sound: South Korea's "judgement" was its
    weather agency reporting an earthquake in the North, China's an analyst's account of
    Chinese firms (", Fisher said."), the UN's the words of a resolution of the November
    before an April week.  None of them is the country's own move of the period."""
    from datetime import date

    from briefgen.book.ownlines import credited_to_another, tells_anothers_news
    from briefgen.book.reports import earlier_month_subject
    from briefgen.model import Actor

    quake = (
        "South Korea’s weather agency said a magnitude 3.0 earthquake rocked North Korea on "
        "Saturday and that it appeared to be a natural occurrence."
    )
    assert tells_anothers_news(quake, "KOR")
    web = (
        "South Korean officials said that Internet access to the North's news agency was restored."
    )
    assert tells_anothers_news(web, "KOR")
    # the country a party to the act it reports is its own news
    assert not tells_anothers_news("Seoul said talks with North Korea were held on Tuesday.", "KOR")

    people = [
        Actor("fisher", "Richard Fisher", "expert"),
        Actor("yonhap", "Yonhap", "media", country="KOR"),
        Actor("wang", "Wang Yi", "government", country="CHN"),
    ]
    trucks = "Two Chinese firms have provided missile trucks to North Korea, Fisher said."
    assert credited_to_another(trucks, "CHN", people)
    assert credited_to_another(
        "China cut coal imports, according to Richard Fisher.", "CHN", people
    )
    assert not credited_to_another("China will cut coal imports, Wang Yi said.", "CHN", people)
    analysing = "The South Korean military is analyzing the missile, Yonhap added."
    assert not credited_to_another(analysing, "KOR", people)

    april = date(2017, 4, 28)
    resolution = "The November Security Council sanctions resolution “calls upon” states to act."
    assert earlier_month_subject(resolution, april)
    assert not earlier_month_subject("The June summit will go ahead, Moon said.", april)
    assert not earlier_month_subject("The April 27 summit was held in Panmunjom.", april)


def test_an_officials_words_come_before_a_positions_label() -> None:
    """Train 2018-W16: 'Shinzo Abe favours talks now.' (a label of one of his positions,
    with no sentence of his own move behind it) was Japan's judgement the week he urged
    that maximum pressure be kept; his words say which stance he pressed."""
    from briefgen.model import Evidence, Quote

    abe = Actor("abe", "Shinzo Abe", role="Prime Minister", kind="government", country="JPN")
    b = _quote_builder(abe)
    said = "Maximum pressure should be maintained."
    b.ctx.attribution.positions.append(
        Position("abe", "actor", "talks", 1, "favours talks now", "JPN",
                 [Evidence("a1", "Abe welcomed the talks.")])
    )  # fmt: skip
    b.ctx.attribution.quotes.append(
        Quote("q1", "a1", said, 0, 1, speaker="Shinzo Abe", country="JPN", actor_id="abe",
              kind="direct", cue="said", speaker_confidence=1.0,
              sentence=f"“{said}” Abe said.")
    )  # fmt: skip
    statement, _ = b.judgement("JPN", [])
    assert statement is not None
    assert (
        statement.text
        == "Shinzo Abe, Prime Minister, said: “Maximum pressure should be maintained.”"
    )
    b.ctx.attribution.quotes.clear()  # no words of his: the label, with its evidence
    statement, _ = b.judgement("JPN", [])
    assert statement is not None and statement.text == "Shinzo Abe favours talks now."


def test_a_judgement_and_its_basis_concern_the_peninsula() -> None:
    """A US act in another region ("struck an Islamic State complex") is no judgement of
    the US section of a Korea brief nor its trend basis; its act on the Koreas is."""
    from datetime import date

    from briefgen.book.assemble import assemble
    from briefgen.model import Article
    from briefgen.nlp.attribution import Attribution
    from briefgen.periods import Period

    week = Period(date(2018, 3, 5), date(2018, 3, 11), "2018-W10")

    def art(aid: str, title: str, text: str, outlet: str) -> Article:
        return news_article(aid, title, text, outlet, date(2018, 3, 9))

    arts = [
        art("a1", "Strike in Syria", "The United States launched a missile strike on a Syrian airbase on Friday.\n\nThe strike hit hangars and fuel depots near Homs.", "AP"),
        art("a2", "Talks with Pyongyang", "North Korea offered to hold talks with the United States on Thursday.\n\nThe United States imposed new sanctions on North Korea on Friday.", "CNN"),
        art("a3", "Xi and Trump", "North Korea agreed to a summit with South Korea on Thursday.\n\nChinese President Xi Jinping telephoned President Trump on Friday to welcome the development.", "Reuters"),
    ]  # fmt: skip
    b = assemble(arts, Attribution(), {}, week, date(2018, 3, 11), "T")
    sections = {c.code: c for c in b.countries}
    us = sections["USA"]
    assert us.judgement is not None and "sanctions on North Korea" in us.judgement.text
    assert "missile launch" not in us.trend_basis, us.trend_basis
    assert "sanctions imposed" in us.trend_basis, us.trend_basis


def test_the_state_s_officials_come_before_its_press() -> None:
    """State media speak for their state, but a line of its officials' own move is the
    judgement before one of its press (as for statements, quotelines.py)."""
    from datetime import date

    from briefgen.book.assemble import assemble
    from briefgen.model import Article
    from briefgen.nlp.attribution import Attribution
    from briefgen.periods import Period

    week = Period(date(2017, 8, 7), date(2017, 8, 13), "2017-W32")

    def art(aid: str, title: str, text: str, outlet: str) -> Article:
        return news_article(aid, title, text, outlet, date(2017, 8, 11))

    x = "The official Xinhua news agency on Thursday warned that China would retaliate against any strike on North Korea."
    arts = [
        art("a1", "China and the North", x + "\n\nChina's foreign ministry on Friday called for talks with North Korea.", "AP"),
        art("a2", "Xinhua warns", x + "\n\nThe warning came as tensions rose.", "Reuters"),
        art("a3", "Xinhua on a strike", x, "CNN"),
    ]  # fmt: skip
    from briefgen.model import Actor

    xinhua = Actor("xinhua", "Xinhua", "state-media", country="CHN", mentions=3)
    b = assemble(arts, Attribution(actors=[xinhua]), {}, week, date(2017, 8, 13), "T")
    cn = {c.code: c for c in b.countries}["CHN"]
    assert cn.judgement is not None
    assert cn.judgement.text.startswith("China's foreign ministry on Friday"), cn.judgement


def test_the_country_s_main_development_is_its_judgement_though_told_at_length() -> None:
    """2018-W24: the Singapore summit's joint statement, told in 44 words, was over the
    judgement's 40-word limit, so the US judgement was a side remark ('Mr. Trump had said
    on Tuesday that the sanctions would stay in place…').  The report of the country's
    own development may run to 50 words."""
    from datetime import date

    from briefgen.book.assemble import assemble
    from briefgen.model import Article
    from briefgen.nlp.attribution import Attribution
    from briefgen.periods import Period

    week = Period(date(2018, 6, 11), date(2018, 6, 17), "2018-W24")

    def art(aid: str, title: str, text: str, outlet: str) -> Article:
        return news_article(aid, title, text, outlet, date(2018, 6, 12))

    summit = (
        "Trump and North Korean leader Kim Jong Un issued a joint statement after their "
        "historic meeting in Singapore on Tuesday that reaffirmed the North's commitment to "
        "work toward complete denuclearization of the Korean Peninsula, while the United "
        "States committed to provide security guarantees to North Korea."
    )
    assert 40 < len(summit.split()) <= 50
    side = (
        "Mr. Trump had said on Tuesday that the sanctions would stay in place until North "
        "Korea dismantled its nuclear program."
    )
    arts = [
        art("a1", "Trump and Kim sign statement", f"{summit}\n\n{side}", "AP"),
        art(
            "a2",
            "Trump and Kim in Singapore",
            f"{summit}\n\nThe United States paused drills.",
            "Reuters",
        ),
        art("a3", "Trump meets Kim", f"{summit}\n\nThe United States praised the talks.", "CNN"),
    ]
    trump = Actor("trump", "Donald Trump", "government", country="USA", role="President")
    kim = Actor("kim", "Kim Jong Un", "government", country="PRK", role="leader")
    b = assemble(arts, Attribution(actors=[trump, kim]), {}, week, date(2018, 6, 17), "T")
    us = {c.code: c for c in b.countries}.get("USA")
    assert us is not None and us.judgement is not None, [c.code for c in b.countries]
    assert us.judgement.text.startswith("Trump and North Korean leader Kim Jong Un issued"), (
        us.judgement
    )


def test_an_official_s_own_quotation_credited_to_an_agency_is_his_words() -> None:
    """2017-W27: '"I hope North Korea will not cross the point of no return," Moon said in
    response to the launch, the South's Yonhap news agency reported' reaches the book as a
    mixed quote of Moon's cued by 'reported'; its opening on North Korea read as the
    North's news, and South Korea's judgement was 'Too little basis'.  Moon's own quotation
    and cue inside it are his words; another's quotation passed on is not."""
    from datetime import date

    from briefgen.book.summarize import SentencePool
    from briefgen.model import Article, Quote

    said = (
        "“I hope North Korea will not cross the point of no return,” Moon said in response "
        "to the launch, the South's Yonhap news agency reported."
    )
    a = Article("a1", "Moon's hope", said, "a1.txt", published=date(2017, 7, 4))
    moon = Actor("moon", "Moon Jae-in", role="President", kind="government", country="KOR")
    clause = "“I hope North Korea will not cross the point of no return,” Moon said in response to the launch"  # fmt: skip
    q = Quote("q1", "a1", clause, 0, 100, speaker="Moon Jae-in", country="KOR",
              actor_id="moon", cue="reported", kind="mixed", sentence=said)  # fmt: skip
    ctx = BookContext(
        pool=SentencePool([a], [q], [moon]),
        attribution=Attribution(quotes=[q], actors=[moon]),
        keyphrases={},
        cite=lambda _: 1,
        ranked_quotes=[],
        mentions={},
    )
    judgement, _ = CountrySectionBuilder(ctx).judgement("KOR", [])
    assert judgement is not None
    assert judgement.text == (
        "Moon Jae-in, President, said: “I hope North Korea will not cross the point of no return.”"
    )
    # a quotation of someone else's, passed on by Moon, is still not his line
    q.text = "“North Korea launched a missile,” Kim said in response to the launch"
    q.sentence = q.text + ", Moon told reporters."
    other, _ = CountrySectionBuilder(ctx).judgement("KOR", [])
    assert other is not None and other.text.startswith("Too little basis"), other


def test_an_overtaken_official_is_no_side_of_where_they_disagree() -> None:
    """2018-W10: with the open question gone, the US section still printed 'Its officials
    differ on talks: Rex Tillerson rejects or doubts talks now, while a senior
    administration official said Trump had accepted Kim's invitation…': Tillerson's
    printed position of the morning, overtaken by the President's acceptance that
    evening, set beside another official's statement.  Neither side of an overtaken line
    is printed as a split."""
    from datetime import date

    from briefgen.book.summarize import SentencePool
    from briefgen.model import Article, Evidence, Quote, Stance

    a8 = Article(
        "a8", "Tillerson", "Tillerson doubted talks.", "a8.txt", published=date(2018, 3, 8)
    )
    a9 = Article("a9", "Trump", "Trump will meet Kim.", "a9.txt", published=date(2018, 3, 9))
    trump = Actor("trump", "Donald Trump", role="President", kind="government", country="USA")
    rex = Actor("rex", "Rex Tillerson", role="Secretary of State", kind="government",
                country="USA")  # fmt: skip
    aide = Actor("aide", "a senior administration official", kind="government", country="USA")
    quotes = [
        Quote("qr", "a8", "we're a long way from negotiations", 0, 9, "Rex Tillerson",
              country="USA", actor_id="rex", stances=[Stance("talks", -1, 0.9)]),
        Quote("qt", "a9", "he will meet with Kim by May", 0, 9, "Donald Trump", country="USA",
              actor_id="trump", stances=[Stance("talks", 1, 0.9)]),
        Quote("qa", "a9", "it makes sense to accept an invitation to meet", 0, 9,
              "a senior administration official", country="USA", actor_id="aide",
              stances=[Stance("talks", 1, 0.9)]),
    ]  # fmt: skip
    positions = [
        Position("rex", "actor", "talks", -1, "rejects or doubts talks now", "USA",
                 [Evidence("a8", quotes[0].text, "qr")], 0.9),
        Position("trump", "actor", "talks", 1, "favours talks now", "USA",
                 [Evidence("a9", quotes[1].text, "qt")], 0.9),
    ]  # fmt: skip
    actors = [trump, rex, aide]
    ctx = BookContext(
        pool=SentencePool([a8, a9], quotes, actors),
        attribution=Attribution(quotes=quotes, actors=actors, positions=positions),
        keyphrases={},
        cite=lambda _: 1,
        ranked_quotes=[],
        mentions={},
    )
    builder = CountrySectionBuilder(ctx)
    found = builder._disagreements("USA", builder._positions("USA"))
    assert found == [], [s.text for s in found]


def test_an_official_s_observation_of_another_country_is_no_judgement() -> None:
    """Dev 2014-W52 and 2017-W38: South Korea's judgement was its officials reporting the
    North's news ("…said those sites … were earlier inaccessible", the weather agency's
    quake "in northeastern North Korea"), and train 2017-W15 Japan's was Abe's observation
    that "North Korea may have the capability…": no move or stance of the country's own.
    A demand of the other ("must"), a stance, its own country named or the other a party
    to the act keep the line."""
    from briefgen.book.ownlines import tells_anothers_news

    observed = [
        ("South Korean officials said those sites, all of which have servers abroad, were "
         "earlier inaccessible.", "KOR"),
        ("An official from Seoul's Korea Meteorological Administration said Saturday's quake "
         "was detected in an area around Kilju, in northeastern North Korea.", "KOR"),
        ("Shinzo Abe, Prime Minister, said North Korea may have the capability to deliver "
         "missiles equipped with sarin nerve gas.", "JPN"),
        ("The Korea Meteorological Administration said the activity occurred in Kilju in North "
         "Hamgyeong Province.", "KOR"),
        ("South Korea’s unification ministry said neither Kim’s father, Kim Jong-il, nor his "
         "grandfather had issued a similar statement.", "KOR"),
    ]  # fmt: skip
    for text, code in observed:
        assert tells_anothers_news(text, code), text
    own = [
        ("Trump said North Korea must denuclearize before sanctions are eased.", "USA"),
        ("Seoul said it will resume talks with North Korea next week.", "KOR"),
        ("Haley said North Korea would face consequences.", "USA"),
        ("Chinese Foreign Ministry spokesman Geng Shuang said that United Nations sanctions "
         "against North Korea could be suspended or lifted.", "CHN"),
        ("Abe said North Korea's launch was an unacceptable provocation that Japan strongly "
         "condemned.", "JPN"),
    ]  # fmt: skip
    for text, code in own:
        assert not tells_anothers_news(text, code), text
