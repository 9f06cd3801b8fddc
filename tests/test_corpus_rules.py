"""One test per cleaning / splitting / dating / dedupe / relevance rule, on small texts."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.corpus.clean import clean_article
from briefgen.corpus.dates import estimate_date, parse_date_value, published_line_date, url_date
from briefgen.corpus.dedupe import duplicate_groups
from briefgen.corpus.kinds import is_caption
from briefgen.corpus.outlets import canonical_outlet, outlet_from_url
from briefgen.corpus.paragraphs import to_paragraphs
from briefgen.corpus.relevance import relevance
from briefgen.corpus.split import split_articles

LEAD = (
    "The two Koreas agreed on Monday to reopen a military hotline that had been cut for "
    "more than a year, officials in Seoul said, in a rare sign of easing tension."
)
PARA2 = (
    "North Korea's state media confirmed the decision later in the day and said leader Kim "
    "Jong Un had ordered the line restored as a gesture of goodwill toward the South."
)
PARA3 = (
    "Analysts cautioned that the hotline has been restored and cut several times before, and "
    "that Pyongyang often uses it as a bargaining chip in talks with Seoul and Washington."
)


def body(*paras: str) -> str:
    return "\n\n".join(paras)


def test_hard_wrapped_lines_are_rejoined_into_paragraphs() -> None:
    wrapped = (
        "The two Koreas agreed on Monday to reopen a military hotline that\n"
        "had been cut for more than a year, officials in Seoul said, in a\n"
        "rare sign of easing tension on the divided peninsula this week.\n\n"
        "North Korea's state media confirmed the decision later in the day\n"
        "and said leader Kim Jong Un had ordered the line restored as a\n"
        "gesture of goodwill toward the South and its new government.\n"
    )
    paras = to_paragraphs(wrapped)
    assert len(paras) == 2
    assert "hotline that had been cut" in paras[0]
    assert "\n" not in paras[0]


def test_one_paragraph_per_line_text_is_not_glued_together() -> None:
    text = LEAD + "\n" + PARA2 + "\n" + PARA3
    assert len(to_paragraphs(text)) == 3


@pytest.mark.parametrize(
    "junk",
    [
        "Share This Post",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Source link",
        "• Link copied",
        "Facebook Comments",
        "Sign up for Daily Newsletters Manage Newsletters",
        "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.",
        "Media playback is unsupported on your device Media caption How could war unfold?",
        "Read more: Why the hotline matters",
        "More: North Korea fires missile",
        "The Associated Press contributed to this report.",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Story Continued Below",
        "ADVERTISEMENT",
    ],
)
def test_boilerplate_lines_leave_the_body(junk: str) -> None:
    c = clean_article(body("Hotline reopened", LEAD, junk, PARA2, PARA3))
    assert all(junk.strip("• ") not in p for p in c.paragraphs)
    assert c.paragraphs[0] == LEAD and len(c.paragraphs) == 3


@pytest.mark.parametrize(
    "caption",
    [
        "U.S. Secretary of State Rex Tillerson speaks in Riyadh, Saudi Arabia, October 22, 2017. REUTERS/Alex Brandon/Pool",
        "Kim Jong Un guides a missile launch in this undated photo released by KCNA on September 16, 2017. KCNA via REUTERS",
        "Chinese President Xi Jinping and Rex Tillerson shake hands in Beijing on Saturday. AP-Yonhap",
        "Kim Jong-un (left) shakes hands with Vladimir Putin in Vladivostok, on April 25, 2019. (Korea Herald DB)",
        "FILE PHOTO: North Korean leader Kim Jong Un reacts during a celebration.",
    ],
)
def test_photo_captions_and_credits_are_dropped(caption: str) -> None:
    assert is_caption(caption)
    c = clean_article(body("Hotline reopened", LEAD, caption, PARA2, PARA3))
    assert c.paragraphs == [LEAD, PARA2, PARA3]
    assert caption in c.captions


def test_caption_repeated_in_other_words_after_the_credit_is_dropped() -> None:
    cap = "North Korean leader Kim Jong Un reacts during a celebration for nuclear scientists in Pyongyang on September 10, 2017. KCNA via REUTERS"
    echo = "North\nKorean leader Kim Jong Un reacts during a celebration for nuclear\nscientists in Pyongyang"
    c = clean_article(body("Title here now", LEAD, cap, echo, "Thomson\nReuters", PARA2, PARA3))
    assert c.paragraphs == [LEAD, PARA2, PARA3]


def test_quotes_are_not_taken_for_captions() -> None:
    quote = (
        '"We will respond firmly to any provocation," the ministry said in a statement. (Reuters)'
    )
    long_quote = quote + " " + PARA3
    assert not is_caption(long_quote)


def test_header_gives_title_outlet_byline_and_published_date() -> None:
    text = body(
        "The Korea Herald",
        "지나쌤",
        "Koreas reopen military hotline",
        "By Kim Min-ji",
        "Published : Oct. 1, 2017 - 14:47",
        "• Link copied",
        LEAD,
        PARA2,
    )
    c = clean_article(text)
    assert c.title == "Koreas reopen military hotline"
    assert c.outlet == "The Korea Herald"
    assert c.byline == "Kim Min-ji"
    assert c.published == date(2017, 10, 1) and c.date_source == "published-line"
    assert c.paragraphs == [LEAD, PARA2]


def test_navigation_and_repeated_title_are_not_the_title() -> None:
    c = clean_article(
        body(
            "Share This Post",
            "Featured Slider / Foreign News / News",
            "Hotline back",
            "Hotline back",
            LEAD,
        )
    )
    assert c.title == "Hotline back"
    assert c.paragraphs == [LEAD]


def test_dateline_becomes_metadata_and_names_the_wire() -> None:
    c = clean_article(body("Hotline back", "SEOUL (Reuters) – " + LEAD, PARA2))
    assert c.paragraphs[0] == LEAD
    assert c.wire == "Reuters"
    assert c.dateline is not None and c.dateline.startswith("SEOUL")


def test_dateline_year_is_inferred_from_the_text() -> None:
    lead = "SEOUL, Dec. 28 (Yonhap) -- " + LEAD
    c = clean_article(body("Hotline back", lead, PARA2 + " The line was first opened in 2025."))
    assert c.published == date(2025, 12, 28) and c.date_source == "dateline"


def test_run_together_kicker_title_byline_and_entities() -> None:
    title = "Koreas agree to reopen military hotline"
    lead = (
        "N Korea-hotline "
        + title
        + "By Kim Hyun-soo SEOUL, Dec. 28 (Yonhap) -- The two Koreas agreed "
        "on Monday to reopen a military hotline, officials said, calling it &quot;a first step&quot; "
        "toward talks. " + PARA3 + " " + PARA2 + " sookim@yna.co.kr(END)"
    )
    c = clean_article(lead, title=title)
    assert c.byline == "Kim Hyun-soo"
    assert c.paragraphs[0].startswith("The two Koreas agreed")
    assert '"a first step"' in c.paragraphs[0]
    assert "(END)" not in c.paragraphs[-1] and "@" not in c.paragraphs[-1]


def test_sentences_glued_without_space_are_split_into_paragraphs() -> None:
    c = clean_article(LEAD + PARA2, title="Hotline")
    assert c.paragraphs == [LEAD, PARA2]


def test_lines_repeated_inside_an_article_are_folded() -> None:
    c = clean_article(body("Hotline back", LEAD, PARA2, LEAD, PARA3))
    assert c.paragraphs == [LEAD, PARA2, PARA3]


def test_crossheads_and_leading_bullets_leave_the_body() -> None:
    c = clean_article(
        body(
            "Hotline back",
            "• Koreas reopen hotline\n• North confirms",
            LEAD,
            "GAZA SITUATION 'DIRE'",
            PARA2,
            "Sanctions and engagement",
            PARA3,
        )
    )
    assert c.paragraphs == [LEAD, PARA2, PARA3]
    assert c.highlights


def test_author_bio_at_the_end_is_dropped() -> None:
    c = clean_article(
        body("Hotline", LEAD, PARA2, "• Wesley Pruden is editor emeritus of The Washington Times.")
    )
    assert c.paragraphs == [LEAD, PARA2]


# --- split ---


def _article(title: str, caption: str, paras: list[str]) -> str:
    return body(title, caption, "TT", title, caption, *paras)


def test_file_with_two_articles_is_split_at_the_second_header() -> None:
    a = _article(
        "US urges North Korea to stop tests",
        "Rex Tillerson speaks at the UN. (Reuters)",
        [LEAD, PARA2, PARA3],
    )
    b = _article(
        "Blinken meets Wang in Laos",
        "Antony Blinken speaks in Vientiane, Laos, July 27, 2024. (Reuters)",
        [PARA3, PARA2, LEAD],
    )
    parts = split_articles(a + "\n\n\n\n" + b)
    assert len(parts) == 2
    assert parts[1].startswith("Blinken meets Wang")


def test_interview_speaker_labels_do_not_split() -> None:
    text = body(
        "An expert on the talks",
        LEAD,
        "Jane Doe",
        PARA2,
        "Jane Doe",
        PARA3,
        "Jane Doe",
        LEAD + " Again.",
    )
    assert len(split_articles(text)) == 1


def test_section_break_inside_an_article_does_not_split() -> None:
    assert (
        len(
            split_articles(
                body("Title", LEAD, PARA2, "***", PARA3, LEAD + " More.", PARA2 + " Yes.")
            )
        )
        == 1
    )


# --- dates ---


def test_metadata_date_values() -> None:
    assert parse_date_value(1722643200000) == date(2024, 8, 3)  # epoch milliseconds
    assert parse_date_value(1722643200) == date(2024, 8, 3)  # epoch seconds
    assert parse_date_value("2016-01-13 03:02:59") == date(2016, 1, 13)
    assert parse_date_value("Tue, 24 Oct 2017 10:00:00 GMT") == date(2017, 10, 24)
    assert parse_date_value("Monday") is None  # no year: never guess
    assert parse_date_value(True) is None
    assert parse_date_value("") is None


def test_published_line_and_url_dates() -> None:
    assert published_line_date("Published : Oct. 1, 2017 - 14:47") == date(2017, 10, 1)
    assert published_line_date("He published a book in 2017") is None
    assert url_date("http://www.foxnews.com/opinion/2018/06/01/x.html") == date(2018, 6, 1)
    assert url_date("https://example.com/news/12345") is None


def test_estimate_uses_latest_date_and_weekday_and_never_today() -> None:
    text = (
        "A photo taken October 22, 2017. Tillerson said on Oct. 17 ... officials said on Tuesday."
    )
    assert estimate_date(text) == date(2017, 10, 24)  # the Tuesday after Oct 22
    assert estimate_date("Officials met on Tuesday to discuss the issue.") is None
    # a month-day without year is not placed after the latest full date
    assert estimate_date("Blinken spoke on July 27, 2024. The war began on Oct. 7.") == date(
        2024, 7, 27
    )


# --- outlets, dedupe, relevance ---


def test_outlet_names_are_canonical() -> None:
    assert canonical_outlet("연합뉴스") == "Yonhap"
    assert canonical_outlet("Fox Online News") == "Fox News"
    assert canonical_outlet("Some Local Paper") == "Some Local Paper"
    assert (
        outlet_from_url("http://feeds.reuters.com/~r/reuters/topNews/~3/x/story01.htm") == "Reuters"
    )
    assert (
        outlet_from_url(
            "http://news.google.com/news/url?sa=t&#038;url=http://www.cnn.com/2016/01/22/x/"
        )
        == "CNN"
    )


def test_near_duplicates_are_grouped_and_different_stories_are_not() -> None:
    a = body(LEAD, PARA2, PARA3)
    b = body(
        LEAD.replace("Monday", "Tuesday"), PARA2, PARA3, "Reporting by the wire service staff."
    )
    c = "A different story about rice prices in Thailand and the monsoon season. " * 5
    assert duplicate_groups([a, c, b]) == [[0, 2]]
    assert duplicate_groups([a, c, b], can_merge=lambda i, j: False) == []


def test_relevance_separates_korea_stories_from_passing_mentions() -> None:
    korea = relevance("Koreas reopen hotline", [LEAD, PARA2, PARA3])
    passing = relevance(
        "Blinken meets Wang in Laos",
        [
            "Antony Blinken met Wang Yi in Vientiane to discuss the South China Sea and trade.",
            "Ministers also spoke about Gaza, Myanmar and the Philippines at length.",
            "The statement described North Korea's missile tests as worrisome developments.",
        ],
    )
    assert korea > 0.7
    assert passing < 0.35


def test_glued_leader_names_from_kcna_pages_are_separated() -> None:
    c = clean_article(
        "The respected ComradeKim Jong Unreceived a floral basket from the president of Mongolia "
        "on the birthday of the DPRK, and PresidentKim Il Sungand ChairmanKim Jong Il were honoured.",
        title="Floral basket",
    )
    assert "Comrade Kim Jong Un received" in c.paragraphs[0]
    assert "President Kim Il Sung and Chairman Kim Jong Il" in c.paragraphs[0]


def test_short_first_sentence_after_a_known_title_stays_in_the_body() -> None:
    c = clean_article(
        "One day in April Juche 43 (1954), President Kim Il Sung visited Mt Myohyang.\n"
        + LEAD
        + "\n"
        + PARA2,
        title="Patriotic Truth",
    )
    assert c.paragraphs[0].startswith("One day in April")


def test_foreign_script_footer_glued_to_the_last_paragraph_is_cut() -> None:
    tail = "■ 제보하기▷ 전화 : 02-781-1234▷ 이메일 : kbs1234@kbs.co.kr▷ 카카오톡 : 'KBS제보' 검색, 채널 추가"
    c = clean_article(body("Hotline", LEAD, PARA2 + tail))
    assert c.paragraphs == [LEAD, PARA2]


def test_minhash_agreement_tracks_jaccard() -> None:
    from briefgen.corpus.dedupe import minhash

    a = set(range(1000))
    b = set(range(200, 1200))  # Jaccard 2/3
    agree = float((minhash(a) == minhash(b)).mean())
    assert 0.45 < agree < 0.85


def test_short_templated_items_are_not_merged() -> None:
    arrive = "A delegation of the Ministry of Culture of Laos led by its vice-minister arrived here by air on Friday."
    leave = "A delegation of the Ministry of Culture of Laos led by its vice-minister left here by air on Friday."
    assert duplicate_groups([arrive * 2, leave * 2]) == []


def test_name_hovercards_injected_into_prose_are_removed() -> None:
    text = (
        "Secretary of State Rex Tillerson Rex Wayne TillersonSteve Schmidt: 'Overwhelming chance' "
        "for Haley Nikki Haley: Trump 'truthful' Tillerson denies Haley's claims MORE on Wednesday "
        "told reporters that the United States was ready to talk to North Korea without conditions."
    )
    c = clean_article(text, title="Tillerson")
    assert c.paragraphs[0].startswith(
        "Secretary of State Rex Tillerson on Wednesday told reporters"
    )


def test_peninsula_outlets_lift_stories_that_never_name_korea() -> None:
    paras = [
        "Working people and students enjoyed skating at the new open-air rink in the capital city.",
        "The rink, built in a short period, is open all the year round for amateurs and families.",
    ]
    assert relevance("Open-air ice rink", paras) < relevance(
        "Open-air ice rink", paras, outlet="KCNA"
    )


def test_articles_joined_with_a_rule_line_are_split() -> None:
    text = body(
        "Koreas reopen hotline", LEAD, PARA2, PARA3, "----------",
        "Analysts doubt the thaw", PARA3, PARA2, LEAD + " Again.",
    )  # fmt: skip
    parts = split_articles(text)
    assert len(parts) == 2 and parts[1].startswith("Analysts doubt the thaw")


# --- scraper word damage ------------------------------------------------------------------


def test_profanity_filter_damage_is_undone_when_the_text_shows_it() -> None:
    from briefgen.corpus.wordfix import undo_ass_filter

    damaged = (
        "The US embbady said the ambbadador rejected the public badertion that a mbadive "
        "clbad of missiles could bypbad the defences. Badembly members left the embbadies."
    )
    fixed = undo_ass_filter(damaged)
    assert fixed == (
        "The US embassy said the ambassador rejected the public assertion that a massive "
        "class of missiles could bypass the defences. Assembly members left the embassies."
    )
    # real words with "bad" stay, even in a damaged text
    keep = "A bad day: badly hurt, a badge, a badger, badminton in Islamabad, Ahmedabad, Hyderabad, Abad and Sinbad."
    assert undo_ass_filter(keep + " The badertion.") == keep + " The assertion."
    # a text with an intact "ass" was not filtered: leave its odd tokens alone
    assert undo_ass_filter("The badertion of the class.") == "The badertion of the class."


def test_profanity_filter_repair_reaches_title_and_body() -> None:
    text = body(
        "The embbady in Seoul said on Monday that the ambbadador would return to the talks "
        "next week, officials said, in a rare sign of easing tension between the allies.",
        PARA2,
    )
    c = clean_article(text, title="Ambbadador returns to embbady")
    assert c.title == "Ambassador returns to embassy"
    assert c.paragraphs[0].startswith("The embassy in Seoul said on Monday that the ambassador")


# --- section subheads, hover-cards, capital link lines, broken lines ------------------------


def test_reader_question_subheads_leave_but_a_rhetorical_question_stays() -> None:
    sectioned = body(
        LEAD,
        "What did Trump say about Kim?",
        PARA2,
        "Why does the summit matter?",
        PARA3,
    )
    c = clean_article(sectioned)
    assert c.paragraphs == [LEAD, PARA2, PARA3]
    # one question in running prose is the writer's, not a subhead
    prose = body(LEAD, "Will the talks succeed?", PARA2, PARA3)
    assert "Will the talks succeed?" in clean_article(prose).paragraphs
    # a quoted question is never a subhead
    quoted = body(LEAD, "“What did Trump say about Kim?”", PARA2, "Why now?", PARA3)
    assert "“What did Trump say about Kim?”" in clean_article(quoted).paragraphs


@pytest.mark.parametrize(
    ("card", "name"),
    [
        ("John McCain John Sidney McCain2020 Democrats make play for votes The Memo: Defending their honor MORE", "John McCain"),
        ("John Kelly John Francis KellyMORE", "John Kelly"),
        ("Jim Cooper James (Jim) Hayes Shofner CooperOvernight Health Care | Judge rules | Poll sees drop MORE", "Jim Cooper"),
    ],
)  # fmt: skip
def test_name_hovercards_with_years_glued_more_and_many_given_names(card: str, name: str) -> None:
    p = f"Senator {card} said on Friday that moving strategic assets onto the peninsula could help."
    c = clean_article(body(LEAD, p, PARA2))
    assert (
        c.paragraphs[1]
        == f"Senator {name} said on Friday that moving strategic assets onto the peninsula could help."
    )


def test_related_story_links_in_capitals_leave_the_body() -> None:
    link = "REX TILLERSON OUT AS SECRETARY OF STATE, REPLACED BY MIKE POMPEO AFTER A LONG FEUD"
    quoted_link = "NYU PROFESSOR BLASTED FOR TWEETING FAKE TRUMP QUOTE, CALLING IT 'PLAUSIBLE'"
    shout = "“WE ARE NO LONGER A COUNTRY THAT WILL STAND FOR YOUR DEMENTED WORDS. BE CAUTIOUS!”"
    c = clean_article(body(LEAD, link, PARA2, quoted_link, shout, PARA3))
    assert c.paragraphs == [LEAD, PARA2, shout, PARA3]


def test_interactive_widget_leftovers_leave() -> None:
    widget = (
        "Please upgrade your browser to view this content. Timeline hide How the two leaders "
        "changed their tone Show all Was this timeline useful? Yes No Thank you for your feedback."
    )
    assert clean_article(body(LEAD, PARA2, widget, PARA3)).paragraphs == [LEAD, PARA2, PARA3]


def test_subscription_pitch_leaves_even_when_long() -> None:
    pitch = (
        "Something to Consider If you enjoyed this article, and were stimulated by its contents, "
        "we have a proposition for you: "
        + "join us and get all of our content with no paywalls and unique access to writers. "
        * 6
    )
    assert clean_article(body(LEAD, PARA2, pitch, PARA3)).paragraphs == [LEAD, PARA2, PARA3]


def test_sentence_broken_across_a_blank_line_is_joined() -> None:
    text = (
        "The United States said it would propose new U.N. sanctions on North Korea and warned that"
        "\n\nif Russia and China did not support the move, it would act alone, officials said.\n\n"
        "Pompeo said the regime had been warned repeatedly about its missile tests and that"
        "\n\nThe talks would go on regardless of what happened at the border next week.\n\n"
        "rushes to office\n\nboots up computer"
    )
    paras = to_paragraphs(text)
    assert paras[0].endswith(
        "warned that if Russia and China did not support the move, it would act alone, officials said."
    )
    assert paras[1].endswith(
        "missile tests and that The talks would go on regardless of what happened at the border next week."
    )
    assert paras[2:] == ["rushes to office", "boots up computer"]


# --- wire-service leftovers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("[News Today] NK fires long-range cruise missiles", "NK fires long-range cruise missiles"),
        ("(News Focus) Kim's daughter pays tribute", "Kim's daughter pays tribute"),
        ("(LEAD) (Yonhap Interview) Envoy says talks possible", "Envoy says talks possible"),
        (
            "[2024.11.01.] stays a date tag, not a kicker",
            "[2024.11.01.] stays a date tag, not a kicker",
        ),
    ],
)
def test_programme_and_kicker_tags_leave_titles(raw: str, clean: str) -> None:
    from briefgen.corpus.clean import clean_title

    assert clean_title(raw) == clean


def test_day_glued_to_year_is_split_and_not_read_as_a_date() -> None:
    text = body(
        "Today in Korean history",
        "Jan. 11883 -- The port of Jemulpo, 40 kilometers west of Seoul, is opened to foreign trade.",
        "Dec. 311973 -- South Korea establishes diplomatic relations with a new partner in Africa.",
    )
    c = clean_article(text, title="Today in Korean history")
    assert c.paragraphs[0].startswith("Jan. 1, 1883 -- The port")
    assert c.paragraphs[1].startswith("Dec. 31, 1973 -- South Korea")
    assert estimate_date("\n".join(c.paragraphs)) == date(1973, 12, 31)


def test_photo_caption_with_a_social_media_credit_run_into_the_lead() -> None:
    text = (
        "The ambassador (left) receives a portrait created by a Russian artist. The vase in the "
        "photo was given to the spokesperson, according to her post. (Maria Zakharova's Telegram "
        "channel)Maria Zakharova, spokesperson for Russia's Foreign Ministry, said on Monday that "
        "she exchanged New Year gifts with Kim Yo-jong, the sister of North Korean leader Kim Jong-un.\n\n"
        + PARA2
    )
    c = clean_article(text, title="Russia, North Korea exchange New Year's gifts")
    assert c.paragraphs[0].startswith("Maria Zakharova, spokesperson for Russia's Foreign Ministry")
    assert c.captions and "Telegram" in c.captions[0]


def test_picture_agency_slug_title_and_credit() -> None:
    text = (
        "Reaction from Seoul as North Korea tests long-range cruise missilesepaselect epa12616479 "
        "People watch a TV news report at Seoul Station in Seoul, South Korea, 29 December 2025. "
        "North Korea launched several long-range strategic cruise missiles on 28 December. EPA/JEON HEON-KYUN"
    )
    c = clean_article(text, title="epaselect SOUTH KOREA NORTH KOREA DEFENSE")
    assert c.title == "Reaction from Seoul as North Korea tests long-range cruise missiles"
    assert c.paragraphs[0].startswith("People watch a TV news report")
    assert c.paragraphs[-1].endswith("on 28 December.")


# --- dates in links -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://www.aljazeera.com/news/2020/03/korea-fires-missiles-200329043852437.html", date(2020, 3, 29)),
        ("https://www.wsj.com/articles/trump-stretches-foreign-policys-boundaries-1525858203", date(2018, 5, 9)),
        ("https://www.wsj.com/articles/trump-calls-on-abe-to-lift-tariffs-11556319005?mod=hp", date(2019, 4, 26)),
        # an id that does not repeat the path's year and month, or a 10-digit id elsewhere: no date
        ("https://www.example.com/news/2020/03/story-190329043852437.html", None),
        ("https://www.example.com/articles/story-1525858203", None),
    ],
)  # fmt: skip
def test_dates_encoded_in_article_ids(url: str, day: date | None) -> None:
    assert url_date(url) == day


def test_year_month_link_gives_an_estimate_inside_that_month() -> None:
    from briefgen.corpus.dates import url_month_estimate

    url = "https://www.vanityfair.com/news/2018/04/pompeo-bolton-north-korea"
    assert url_month_estimate(url, "They met on April 3. A 2016 deal was signed on May 9.") == date(
        2018, 4, 3
    )
    assert url_month_estimate(url, "No day is named here.") == date(2018, 4, 15)
    assert url_month_estimate("https://example.com/news/story", "On April 3.") is None


@pytest.mark.parametrize(
    "caption",
    [
        "Fans line up at The Texas Theatre in Dallas on Christmas Day. Dan Molinski/The Wall Street Journal",
        "Artwork by her children hangs in her office. | Evan Vucci/AP",
        "Trump with the First Lady at the White House on May 10. Photographer: Yuri Gripas/Bloomberg",
    ],
)
def test_captions_ending_in_photographer_slash_outlet(caption: str) -> None:
    assert is_caption(caption)
    assert not is_caption(
        "The White House is doubling down on its comments re: Otto Warmbier/Kim Jong Un..."
    )


def test_paragraph_ending_in_a_comma_continues() -> None:
    text = (
        "A former foreign policy adviser to Ronald Reagan and George W Bush told CBS News,\n\n"
        '"I hope we are not about to fall into their trap yet again," he said on Sunday.'
    )
    assert len(to_paragraphs(text)) == 1


def test_glued_leader_names_after_a_comma_and_before_a_capital_are_separated() -> None:
    c = clean_article(
        "At that time,Kim Jong Un stopped walking and told the officials of the Kim Il "
        "SungUniversity and the Kim Il Sung-Kim Jong IlFoundation that the work must go on.",
        title="Reminiscences",
    )
    p = c.paragraphs[0]
    assert p.startswith("At that time, Kim Jong Un stopped")
    assert "Kim Il Sung University" in p and "Kim Jong Il Foundation" in p


def test_kcna_photos_note_leaves_the_text() -> None:
    c = clean_article(
        "Kim Jong Un inspected the flood-hit areas of North Phyongan Province again and took "
        "important measures for rehabilitation. (photos accompanied)\n\n" + LEAD,
        title="Inspection",
    )
    assert c.paragraphs[0].endswith("took important measures for rehabilitation.")
    assert not any("accompanied" in p for p in c.paragraphs)


def test_sentence_glued_to_an_opening_curly_quote_is_split() -> None:
    quote = "“North Korea remains focused on demonstration effects,” he said."
    c = clean_article(LEAD + quote, title="Hotline")
    assert c.paragraphs == [LEAD, quote]


def test_dated_list_entries_run_together_are_one_paragraph_each() -> None:
    entries = [
        "1967 -- Mount Jiri is designated as the country's first national park.",
        "1980 -- Seoul and Libya establish ambassador-level relations.",
        "2007 -- South and North Korea agree to study a joint economic district in Haeju.",
    ]
    c = clean_article(
        "Today in Korean history Dec. 29 " + "".join(entries), title="Today in Korean history"
    )
    assert c.paragraphs == entries
    # the heading lost its space ("Dec. 291967"): it still comes off the first entry
    c = clean_article(
        "Dec. 291967 -- " + entries[0][8:] + entries[1], title="Today in Korean history"
    )
    assert c.paragraphs == entries[:2]


def test_dates_and_dashes_in_prose_are_not_list_entries() -> None:
    prose = (
        "The accord, signed on Dec. 29, 2007 -- a day before the deadline -- was the last one "
        "the two Koreas reached before relations froze, officials in Seoul said on Monday."
    )
    c = clean_article(prose + " " + PARA2, title="Accord")
    assert c.paragraphs[0] == prose + " " + PARA2
