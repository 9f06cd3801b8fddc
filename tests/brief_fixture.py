"""Hand-built Briefs for the render tests: a rich one (every section filled, Hangul in it),
an empty one, and a hostile one whose article text tries to inject markup.

The render stage is designed and tested against these, independent of how the analysis
stages change; the golden test uses a Brief stored as JSON (tests/golden/).
"""

from __future__ import annotations

from datetime import date

from briefgen.model import (
    Actor,
    Article,
    Brief,
    CountrySection,
    Evidence,
    Keyphrase,
    Position,
    Quote,
    Source,
    Statement,
    TimelineEntry,
)


def _article(n: int, title: str, outlet: str, published: date | None, **kw: object) -> Article:
    return Article(
        article_id=f"a{n:03d}",
        title=title,
        text=f"Body of article {n}.",
        source_path=f"seeds/{n:03d}.txt",
        outlet=outlet,
        published=published,
        outlets=[outlet],
        **kw,  # type: ignore[arg-type]
    )


def _source(a: Article, number: int) -> Source:
    return Source(
        number=number,
        article_id=a.article_id,
        title=a.title,
        outlet=a.outlet,
        published=a.published,
        date_source=a.date_source,
        url=a.url,
        source_path=a.source_path,
        outlets=a.outlets,
        low_relevance=a.low_relevance,
    )


def _quote(
    n: int, article: str, text: str, speaker: str, role: str | None, country: str, cue: str
) -> Quote:
    return Quote(
        quote_id=f"q{n}",
        article_id=article,
        text=text,
        start=0,
        end=len(text),
        speaker=speaker,
        speaker_role=role,
        country=country,
        cue=cue,
    )


def rich_brief() -> Brief:
    """Every section filled; long enough to span pages; Korean text on the cover and in quotes."""
    arts = [
        _article(
            0,
            "US probing NK for talks, as regime calls for end to US ‘hostilities’ — 지나쌤",
            "The Korea Herald",
            date(2017, 10, 1),
            date_source="published-line",
            url="http://www.koreaherald.com/view.php?ud=20171001000123",
        ),
        _article(
            1,
            "Despite Trump threats, US-North Korea talks not ‘limited at all’",
            "Asia Times",
            date(2017, 10, 2),
            date_source="metadata",
            url="https://www.asiatimes.com/2017/10/article/us-north-korea-talks/",
        ),
        _article(
            3,
            "US meets 1950-53 Korean War allies, wants more pressure on North Korea",
            "Sputnik",
            date(2018, 1, 16),
            date_source="estimate",
            url=None,
        ),
        _article(
            4,
            "US Urges North Korea to Cease Weapons Testing for Talks to be Held",
            "Asharq Al-Awsat",
            date(2017, 12, 16),
            date_source="dateline",
            url="https://aawsat.com/english/home/article/1114961/us-urges-north-korea-cease-weapons-testing",
        ),
    ]
    low = _article(
        9,
        "Seoul stock market closes higher on chip exports",
        "Yonhap",
        date(2017, 12, 18),
        date_source="metadata",
        low_relevance=True,
        relevance=0.12,
    )
    sources = [_source(a, i) for i, a in enumerate(arts, 1)] + [_source(low, 5)]

    q_tillerson = _quote(
        1,
        "a000",
        "We are probing, so stay tuned.",
        "Rex Tillerson",
        "Secretary of State",
        "USA",
        "said",
    )
    q_tillerson2 = _quote(
        2,
        "a004",
        "A sustained cessation of North Korea’s threatening behaviour must occur before talks "
        "can begin. We will not accept a nuclear-armed North Korea; the pressure campaign "
        "will continue until denuclearisation, and every member of this Council has a "
        "responsibility to enforce the sanctions it has voted for.",
        "Rex Tillerson",
        "Secretary of State",
        "USA",
        "told the Security Council",
    )
    q_kcna = _quote(
        3,
        "a000",
        "The US must end its hostile policy before any dialogue — 대화는 없다.",
        "Choe Son Hui",
        "Director-General, Foreign Ministry North America Department",
        "PRK",
        "said",
    )
    q_china = _quote(
        4,
        "a003",
        "All parties should exercise restraint and avoid steps that escalate tension.",
        "Lu Kang",
        "Foreign Ministry spokesman",
        "CHN",
        "urged",
    )
    q_moon = _quote(
        5,
        "a001",
        "There must be no war on the Korean peninsula again. 한반도에서 전쟁은 안 된다.",
        "Moon Jae-in",
        "President",
        "KOR",
        "said",
    )
    tillerson = Actor(
        "rex-tillerson",
        "Rex Tillerson",
        "government",
        "Secretary of State",
        "USA",
        article_ids=["a000", "a001", "a004"],
        mentions=14,
        quote_count=2,
    )
    trump = Actor(
        "donald-trump", "Donald Trump", "government", "President", "USA", mentions=9, quote_count=1
    )
    choe = Actor(
        "choe-son-hui",
        "Choe Son Hui",
        "government",
        "Director-General, Foreign Ministry",
        "PRK",
        mentions=3,
        quote_count=1,
    )
    kcna = Actor("kcna", "KCNA", "state-media", None, "PRK", mentions=4, quote_count=0)
    lu = Actor(
        "lu-kang", "Lu Kang", "government", "Foreign Ministry spokesman", "CHN", quote_count=1
    )
    moon = Actor("moon-jae-in", "Moon Jae-in (문재인)", "government", "President", "KOR")
    expert = Actor(
        "andrei-lankov", "Andrei Lankov", "expert", "Kookmin University", "KOR", quote_count=0
    )

    def pos(holder: str, issue: str, stance: float, label: str, art: str, ev: str) -> Position:
        return Position(
            holder=holder,
            holder_kind="actor",
            issue=issue,
            stance=stance,
            label=label,
            evidence=[Evidence(article_id=art, text=ev)],
        )

    usa = CountrySection(
        code="USA",
        name="United States",
        judgement=Statement(
            "Washington kept talks conditional on a halt to testing while pressing allies "
            "for more sanctions.",
            [2, 4],
        ),
        trend="deteriorated",
        trend_basis="more pressure statements (6) than dialogue statements (2) this period",
        summary=[
            Statement(
                "Tillerson said the US had opened channels to Pyongyang to probe its readiness "
                "to talk.",
                [1],
                quote=q_tillerson,
            ),
            Statement(
                "The President publicly said his Secretary of State was “wasting his time”.", [2]
            ),
            Statement(
                "At the Security Council the US demanded a sustained halt to threatening "
                "behaviour before any talks.",
                [4],
            ),
        ],
        actors=[tillerson, trump],
        positions=[
            pos(
                "rex-tillerson",
                "dialogue",
                0.4,
                "open to talks once testing stops",
                "a004",
                "cessation ... before talks",
            ),
            pos(
                "donald-trump",
                "pressure",
                0.9,
                "favours maximum pressure over talks",
                "a001",
                "wasting his time",
            ),
        ],
        quotes=[q_tillerson, q_tillerson2],
        keyphrases=[
            Keyphrase("maximum pressure", 0.71, "country", "USA", article_ids=["a001"]),
            Keyphrase("channels to Pyongyang", 0.65, "country", "USA"),
            Keyphrase("Security Council", 0.52, "country", "USA"),
        ],
        disagreements=[
            Statement(
                "Trump and Tillerson differ in public on whether talks are worth pursuing.",
                [1, 2],
            )
        ],
        article_count=4,
        mentions=31,
    )
    prk = CountrySection(
        code="PRK",
        name="North Korea",
        judgement=Statement(
            "Pyongyang rejected talks while what it calls US hostile policy continues.", [1]
        ),
        trend="unchanged",
        trend_basis="no new statement of position this period",
        summary=[
            Statement(
                "The regime called in Moscow for an end to US ‘hostilities’ (북한 외무성).", [1]
            )
        ],
        actors=[choe, kcna],
        positions=[
            pos(
                "choe-son-hui",
                "dialogue",
                -0.7,
                "rejects talks under pressure",
                "a000",
                "end its hostile policy",
            )
        ],
        quotes=[q_kcna],
        keyphrases=[Keyphrase("hostile policy", 0.8, "country", "PRK")],
        article_count=3,
        mentions=44,
    )
    chn = CountrySection(
        code="CHN",
        name="China",
        judgement=Statement("Beijing urged restraint on all sides.", [3]),
        trend="improved",
        trend_basis="two calls for restraint, none for pressure",
        summary=[Statement("China asked all parties to avoid escalation.", [3])],
        actors=[lu],
        quotes=[q_china],
        article_count=2,
        mentions=12,
    )
    kor = CountrySection(
        code="KOR",
        name="South Korea",
        judgement=None,
        trend="new",
        summary=[],
        actors=[moon, expert],
        quotes=[q_moon],
        article_count=1,
        mentions=6,
    )
    countries = [usa, prk, chn, kor]
    chart = {
        "title": "Mentions and quotes by country",
        "unit": "count",
        "series": [
            {"code": c.code, "label": c.name, "mentions": c.mentions, "quotes": len(c.quotes)}
            for c in countries
        ],
    }
    return Brief(
        title="Korean Peninsula Briefing Book",
        as_of=date(2017, 12, 20),
        period_start=date(2017, 10, 1),
        period_end=date(2017, 12, 20),
        articles=arts,
        sources=sources,
        bluf=[
            Statement(
                "The US is probing Pyongyang for talks while keeping maximum pressure; the "
                "White House and State Department send mixed signals.",
                [1, 2],
            ),
            Statement(
                "North Korea rejects dialogue while sanctions continue (대북 제재).",
                [1],
            ),
            Statement("China and Russia call for restraint on all sides.", [3]),
        ],
        countries=countries,
        key_quotes=[q_tillerson2, q_kcna, q_moon, q_china],
        open_questions=[
            Statement(
                "Will Pyongyang answer the US channel before the winter exercises?",
                [1],
                kind="unanswered",
                basis="His office quickly clarified that North Korea has shown no interest.",
            ),
            Statement(
                "Does the President back his Secretary of State's outreach?",
                [1, 2],
                kind="contradiction",
            ),
            Statement(
                "No response from Tokyo to the Vancouver meeting call.", [3], kind="no-response"
            ),
        ],
        timeline=[
            TimelineEntry(
                date(2017, 9, 30),
                "Tillerson meets Xi Jinping in Beijing.",
                [1],
                date_basis="weekday resolved against the publication date",
                date_is_estimate=True,
                date_note="date inferred from ‘on Saturday’ in a report of 1 October 2017",
            ),
            TimelineEntry(date(2017, 10, 1), "Tillerson discloses US channels to Pyongyang.", [1]),
            TimelineEntry(date(2017, 12, 15), "Security Council ministerial on North Korea.", [4]),
            TimelineEntry(
                date(2018, 1, 16),
                "Vancouver meeting of Korean War allies.",
                [3],
                date_is_estimate=True,
                date_basis="stated date",
            ),
        ],
        keyphrases=[
            Keyphrase("maximum pressure", 0.7, "corpus", "corpus"),
            Keyphrase("denuclearization", 0.6, "corpus", "corpus"),
            Keyphrase("북한", 0.3, "corpus", "corpus"),
        ],
        actors=[tillerson, trump, choe, kcna, lu, moon, expert],
        quotes=[q_tillerson, q_tillerson2, q_kcna, q_china, q_moon],
        stats={"articles": 4, "outlets": 4, "quotes": 5, "actors": 7, "low_relevance": 1},
        low_relevance=[low],
        chart=chart,
    )


def empty_brief() -> Brief:
    """Nothing found: every section empty; the templates must still render."""
    return Brief(
        title="Empty Brief",
        as_of=date(2017, 12, 20),
        period_start=None,
        period_end=None,
        articles=[],
        sources=[],
    )


SCRIPT = "<script>alert(1)</script>"
IMG = '<img src="file:///etc/passwd">'
HOSTILE = f"{SCRIPT} {IMG}"


def hostile_brief() -> Brief:
    """Article-derived strings carrying markup: it must come out as text, never as markup."""
    b = rich_brief()
    b.title = f"Brief {HOSTILE}"
    b.articles[0].title = f"Title {HOSTILE}"
    b.sources[0].title = f"Title {HOSTILE}"
    b.sources[0].url = "file:///etc/passwd"
    b.sources[1].outlet = f"Outlet {HOSTILE}"
    b.bluf[0].text = f"Bluf {HOSTILE}"
    b.countries[0].judgement = Statement(f"Judgement {HOSTILE}", [1])
    b.countries[0].name = f"Name {HOSTILE}"
    b.key_quotes[0].text = f"Quote {HOSTILE}"
    b.key_quotes[0].speaker = f"Speaker {HOSTILE}"
    b.open_questions[0].text = f"Question {HOSTILE}"
    b.timeline[0].text = f"Event {HOSTILE}"
    b.low_relevance[0].title = f"Low {HOSTILE}"
    b.countries[0].keyphrases[0].phrase = f"kp {HOSTILE}"
    b.chart["series"][0]["label"] = f"Label {HOSTILE}"
    return b
