"""A lone family name on short texts written here: which of two people of one name it
means, by the honorific and the title it comes with and by whom the text named first."""

from __future__ import annotations

import pytest

from briefgen.model import Article
from briefgen.nlp.attribution import attribute


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from briefgen.nlp.parse import load_spacy

    return load_spacy()


def speakers(nlp, text: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    art = Article(article_id="t", title="", text=text, source_path="t.txt")
    return [q.speaker for q in attribute([art], {"t": nlp(text)}, with_positions=False).quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "Mr." is a man: never the first lady named after him
        (
            "“We’ll see,” Mr. Trump said when asked by a reporter. He made the comment as "
            "he and first lady Melania Trump departed church.",
            "Donald Trump",
        ),
        # the title fits the known president, not the first lady named before
        (
            "First lady Melania Trump visited the school.\n\n“We want peace,” President "
            "Trump said.",
            "Donald Trump",
        ),
        # a lone name the text uses before naming another of that name in full
        (
            "“The fact we were able to get them out so soon was a tribute,” Trump said. He "
            "and first lady Melania Trump then boarded the plane.",
            "Donald Trump",
        ),
        # the nearest full name still wins when nothing in the title says otherwise
        (
            "Moon Chung-in, an adviser, spoke in Seoul. Moon said the talks would go on.",
            "Moon Chung-in",
        ),
        (
            "Moon Chung-in, an adviser, spoke in Seoul. President Moon said the talks would go on.",
            "Moon Jae-in",
        ),
        # "Mrs." finds her
        (
            "President Donald Trump and first lady Melania Trump visited the school. Mrs. "
            "Trump said the children had been wonderful.",
            "Melania Trump",
        ),
    ],
)
def test_lone_name_means_the_person_its_title_fits(nlp, text, speaker) -> None:  # type: ignore[no-untyped-def]
    assert speakers(nlp, text) == [speaker]
