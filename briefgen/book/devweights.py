"""The knobs of finding, grouping, ranking and writing the period's developments
(book/reports.py, book/developments.py, book/writeup.py, book/bottomline.py), tuned on
the dev weeks only.  Their own module: every stage reads them, and benchmarks set them
(benchmarks/bottom_line.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DevelopmentWeights:
    """The knobs of finding and ranking developments (tuned on the dev weeks only)."""

    lead_sentences: int = 12  # a report sits in the first N usable sentences of its article
    deep_reports: int = 2  # ... or is one of the first N deeper ones telling a top event
    same_embedding: float = 0.53  # cosine of sentence embeddings: one development
    same_lexical: float = 0.3  # TF-IDF cosine, when there is no embedder
    same_kind_relief: float = 0.1  # same kind and actor: a little less similarity will do
    other_actor: float = 0.12  # another actor: more similarity needed
    same_day_family: float = 0.2  # same stated day, same family of event: likely one
    anchor_rank: int = 3  # an article's lead report is among its first 3 usable sentences
    same_article: float = 0.5  # title-and-lead similarity: two articles on one development
    retells: float = 0.45  # a report of the article this close to a lead tells the same
    absorb: float = 0.58  # best reports of two ranked groups this close: one development
    absorb_leads: float = 0.6  # ... or the reports the two are written from
    same_story: float = 0.45  # a lead-area report this close to one of its article's: one
    echo: float = 0.55  # a development no article leads with, this close to a higher one's
    opposite: float = 0.1  # one escalates, the other engages: more similarity needed
    max_days_apart: int = 1  # two stated dates further apart: two developments
    max_days_reported: int = 10  # two reports published further apart: two developments
    continued: float = 0.7  # this close to a development of the comparison period: continued
    continued_factor: float = 0.65
    untagged_weight: float = 0.35  # a report of no known kind of development
    no_action_factor: float = 0.6
    speculative_factor: float = 0.6
    opinion_factor: float = 0.5  # the writer's own voice ("we must…"): comment, not news
    min_items: int = 3
    max_items: int = 6
    floor: float = 0.3  # items below this share of the top score are left out (after min)
    lead_pool: float = 0.5  # the item is written from a report at least half the heaviest
    typical: float = 2.0  # ... the one closest, on average, to the rest of its group
    headline: float = 1.0  # ... and to its articles' headlines
    detail_max_sim: float = 0.45  # a second sentence must add, not repeat (TF-IDF cosine)
    detail_min_sim: float = 0.08  # ... and stay on the development (TF-IDF cosine)
    detail_min_embedding: float = 0.45
    paraphrase: float = 0.75  # embedding cosine: the same sentence in other words
    # An item adds up to three sentences of its group to the lead, within 130 words: a
    # week's main story holds more than one thing an analyst tells (the summit and its
    # statement, the accusation and the denial).  Chosen on train by leave one week out
    # over (1..3 details, 95..130 words); before: one detail, 95 words.
    max_item_words: int = 130
    max_details: int = 3  # sentences added to the lead
    outcome: float = 0.5  # the lead tells how the development came out (its latest state)
    outcome_pool: float = 0.3  # ... and may weigh this share of the heaviest report
    states_event: float = 0.6  # the lead states the group's event itself, not a reaction
    superseded: float = 0.3  # an opening or preview when the group reports the outcome
    detail_same_event: float = 0.3  # a detail of the lead's kind, action and day restates it
    detail_repeat: float = 1.5  # a detail's value falls with its similarity to the lead
    detail_containment: float = 0.4  # share of a detail's words (IDF) already said
    # A lead less likely a news line than this (book.newsline) is an item only to fill the
    # least number: at most one in twenty lines an analyst told falls below it (train
    # weeks, leave one week out: benchmarks/train_newsline.py).
    newsline_floor: float = 0.1


DEFAULT_WEIGHTS = DevelopmentWeights()
