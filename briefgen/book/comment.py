"""Comment, not news: what a sentence tells in someone's view rather than as an act.

The writer's own voice (the first person, a conclusion: "All of this means..."), nobody
in particular ("Others warn..."), an analyst's, a journalist's or a former official's
view of the news, and a report about reporting.  book/reports.py weighs a report told so
less; book/bottomline.py puts it after every line of news.  The cue words are
data/events.yaml's (`not_news`), beside the words of guesses.
"""

from __future__ import annotations

import re

from briefgen.knowledge.events import conclusion, outside_voice

_FIRST_PERSON = re.compile(r"\b(?:we|our|us|I|my|me)\b")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")

_MEDIA_LED = re.compile(r"^(?:[\w.’'-]+\s){0,6}?(?:reported|reports|told|tells|according to)\b")

# Nobody in particular speaks: "Others warn…", "Critics say…", "Some analysts…".
_VAGUE_VOICES = re.compile(
    r"^(?:Others|Critics|Analysts|Experts|Observers|Skeptics|Sceptics|Some|Many|Several|"
    r"Most|Few)\b"
)


def opinion(text: str) -> bool:
    """Comment, not news: the writer in the first person outside quotation marks or
    drawing a conclusion, nobody in particular ("Others warn…"), or a commentator's view
    of the news."""
    return bool(
        _FIRST_PERSON.search(_QUOTED.sub(" ", text))
        or _VAGUE_VOICES.match(text)
        or conclusion(text)
        or commentary(text)
    )


# The verb a commentator's sentence turns on: what precedes it is who speaks.
_VIEW_VERB = re.compile(
    r"\b(?:said|says|noted|notes|wrote|writes|argued|argues|believed|believes?|thinks?|told|"
    r"explained|observed|pointed out|suggested|cautioned|warned|contend(?:s|ed)|to say|added|adds)\b"
)


def commentary(text: str) -> bool:
    """An analyst, scholar or journalist gives a view of the news ("BBC News Korea
    correspondent Stephen Evans noted that the statement has weight..."): what they think
    of a development, not the development (roles.yaml kinds expert and media).  So does
    one known only as a former official ("The former official went so far as to say they
    believed...": judges, 2018-W12, no act of anyone's this week)."""
    from briefgen.knowledge.roles import load_roles

    m = _VIEW_VERB.search(text[:120])
    if m is None:
        return False
    speaker = text[: m.start()]
    return outside_voice(speaker) or load_roles().kind_of(speaker) in ("expert", "media")


_ABOUT_REPORTING = re.compile(r"\b(?:broke the news|first reported|was first to report|scoop)\b")


def media_led(text: str) -> bool:
    """'The Yonhap news agency reported…', 'Dyn Research told USA TODAY…', '…broke the
    news…': the news is told as a report about reporting."""
    return bool(_MEDIA_LED.match(text) or _ABOUT_REPORTING.search(text))
