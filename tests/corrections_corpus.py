"""A small corpus in two versions, for the corrections tests.

Version 2 is what a later scrape of the same stories gives: a typo fixed in one article
(its id, a hash of the text, changes), a paragraph added to another, a headline edited
in a third that has no URL (so only its title and file can find it again).  One title
starts with "=" as a spreadsheet formula would.
"""

from __future__ import annotations

import json
from pathlib import Path

WEEK = "2017-W38"
CHANNELS = "The channels are open and we use them every week to pass messages"
CHA_SENTENCE = (
    "Victor Cha, a Korea expert at a Washington think tank, said sanctions alone would "
    "not stop the missile program."
)


def articles(version: int) -> list[dict[str, str]]:
    a = {
        "title": "Tillerson says US ready to talk with North Korea",
        "date": "2017-09-19",
        "source": "Example Wire",
        "url": "https://news.example.org/world/tillerson-talks?utm_source=feed",
        "text": "\n\n".join(
            [
                "WASHINGTON — Secretary of State Rex Tillerson said on Tuesday that the United "
                + ("Sates" if version == 1 else "States")
                + " is ready to talk with North Korea about its nuclear weapons program.",
                "“We are ready to talk any time North Korea would like to talk, but they must "
                "stop testing missiles first,” Tillerson told reporters at the State Department.",
                "A senior State Department official said the diplomatic channels with Pyongyang "
                f"remained open. “{CHANNELS},” the official said.",
                "North Korean Foreign Minister Ri Yong Ho rejected the offer in New York. “We "
                "will never give up our nuclear deterrent as long as the hostile policy of the "
                "United States continues,” Ri said.",
                "Chinese Foreign Ministry spokeswoman Hua Chunying urged restraint on all sides. "
                "“All parties should exercise restraint and return to dialogue and negotiation "
                "as soon as possible,” Hua said in Beijing.",
                "President Donald Trump has threatened to totally destroy North Korea if it "
                "attacks the United States or its allies.",
            ]
        ),
    }
    b_paras = [
        "TOKYO — Japanese Foreign Minister Taro Kono called on Wednesday for maximum pressure "
        "on North Korea after its latest missile launch over Hokkaido.",
        "“This is not the time for dialogue with North Korea, it is the time to put maximum "
        "pressure on the regime,” Kono told a news conference in Tokyo.",
        CHA_SENTENCE + " “Sanctions take years to bite, and Pyongyang is moving much faster "
        "than that,” Cha said.",
        "South Korean President Moon Jae-in said Seoul would keep the door open to talks. “We "
        "must not close the door to dialogue even as we tighten sanctions on the North,” Moon "
        "said.",
    ]
    if version == 2:
        b_paras.append(
            "Kono is due to meet his South Korean counterpart Kang Kyung-wha in New York next "
            "week to coordinate sanctions against North Korea at the United Nations."
        )
    b = {
        "title": "Japan calls for maximum pressure on North Korea",
        "date": "2017-09-20",
        "source": "Example Times",
        "url": "https://example.com/asia/japan-pressure",
        "text": "\n\n".join(b_paras),
    }
    c = {
        "title": '=HYPERLINK("http://evil.example") South Korea weighs new sanctions on '
        + ("Pyongyang" if version == 1 else "North Korea"),
        "date": "2017-09-21",
        "source": "Example Daily",
        "text": "\n\n".join(
            [
                "SEOUL — South Korea is weighing new unilateral sanctions on North Korea after "
                "the missile launch, officials in Seoul said on Thursday.",
                "“We are reviewing every option, including new sanctions on North Korean "
                "shipping companies,” South Korean Foreign Minister Kang Kyung-wha told "
                "lawmakers in Seoul.",
                "The Unification Ministry said humanitarian aid to North Korea would continue "
                "despite the tension on the Korean Peninsula.",
            ]
        ),
    }
    d = {
        "title": "North Korea fires another missile over Japan",
        "date": "2017-09-22",
        "source": "Example Post",
        "url": "https://post.example.net/nk-missile",
        "text": "North Korea fired another ballistic missile over northern Japan on Friday, "
        "the South Korean military said, the second launch over Japan in a month.\n\n"
        "The missile flew over Hokkaido before falling into the Pacific Ocean.",
    }
    return [a, b, c, d]


def write(folder: Path, version: int) -> Path:
    """The corpus of `version` as feed.jsonl in `folder` (same file name in both versions)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "feed.jsonl"
    path.write_text(
        "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in articles(version)),
        encoding="utf-8",
    )
    return path
