"""Where a statement stands on each tracked issue: a small trained model, not word lists.

For each quotation (direct, mixed or reported) the model reads the statement's words
as a MiniLM sentence embedding plus features from the parse: for each mention of an
issue's terms, whether the verb that governs it pushes for it or against it, whether
that verb is negated or modal, and whether its subject is North Korea (a demand *on*
Pyongyang is the speaker's own position, not a North Korean concession); plus who
speaks (country, kind) and how (cue, kind of quotation).  Per issue two logistic
models give P(the statement takes a stance on it) and P(the stance is +1); a third,
per issue, calibrates the two into P(the statement takes this stance), learnt on whole
articles' quotations (where most statements take none); a stance is kept only when that
is high enough, otherwise the model abstains.  How
statements add up to an actor's or a country's position is nlp/positions.py's job.

Weights ship in briefgen/data/models/stance.npz; `benchmarks/train_stance.py` trains
them from the labelled statements of the train split in benchmarks/labels/ (C, the
calibration and the thresholds chosen by cross-validation grouped by week) and
`benchmarks/positions.py` reports the dev and held-out test figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from importlib import resources
from typing import TYPE_CHECKING, Any

from briefgen.errors import ModelError
from briefgen.knowledge.countries import country_of
from briefgen.knowledge.issues import issue_keys, terms_regex
from briefgen.knowledge.stance_cues import (
    cue_regexes,
    issue_phrase_regexes,
    narration_words,
    own_words_sides,
)
from briefgen.model import OFFICIAL_KINDS, Stance
from briefgen.nlp.backed import lifted
from briefgen.nlp.calibration import calibrated, side_of
from briefgen.nlp.elsewhere import about_elsewhere
from briefgen.nlp.narration import narrates
from briefgen.nlp.ruled_out import not_ruled_out
from briefgen.nlp.said import analysis
from briefgen.nlp.syntax import governor, verb_phrase
from briefgen.nlp.wishes import reports_north_wish

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Span

MODEL_FILE = "data/models/stance.npz"
COUNTRIES = ("USA", "PRK", "KOR", "CHN", "JPN", "RUS", "UN")
KINDS = ("government", "international", "legislator", "state-media", "expert", "media", "other")
QUOTE_KINDS = ("direct", "mixed", "indirect")
CUE_CLASSES = {
    "urge": r"urg|call|demand|press|insist|ask",
    "warn": r"warn|threat|vow|caution",
    "deny": r"den|reject|refus|dismiss|rebuff",
    "welcome": r"welcom|prais|hail|back|support|applaud",
    "criticise": r"critic|condemn|denounc|slam|blast|accus|blam",
    "propose": r"propos|offer|suggest|pledg|promis|commit|agree",
}
# Per issue, per mention of its terms: what the parse says about that mention.
MENTION_FEATURES = (
    "present",
    "count",
    "gov_push",
    "gov_against",
    "gov_threat",
    "gov_restraint",
    "gov_negated",
    "gov_modal",
    "subject_prk",
    "conditional",
    "pro_phrase",
    "con_phrase",
    "pro_negated",
    "con_negated",
)
# Cue classes counted over the whole statement (the stance may sit far from the term).
WHOLE_CUES = ("push", "against", "threat", "restraint", "negator", "modal", "condition")
# Facts of the parse that only the rules read, not the model (stored with the text
# features, left out of its design): the statement narrates a past event (nlp/narration.py),
# reports North Korea's wish (nlp/wishes.py), is about another people (nlp/elsewhere.py).
RULE_FEATURES = ("rule:narrated", "rule:north_wish", "rule:elsewhere")
_PRK_WORDS = re.compile(r"^(?:it|they|the north|pyongyang|north korea|the regime|kim\b)", re.I)


@dataclass
class StanceInput:
    """One statement to read: its words (the span in the parse) and who says them how."""

    span: Span  # the statement's words in the article's parse
    country: str | None
    kind: str
    quote_kind: str
    cue: str | None


def mention_features(span: Span, issue: str, text: str | None = None) -> list[float]:
    """MENTION_FEATURES for one issue over one statement's tokens (`text`: span.text,
    when the caller has it)."""
    rx = terms_regex(issue)
    cues = cue_regexes()
    text = span.text if text is None else text
    hits = list(rx.finditer(text))
    f = dict.fromkeys(MENTION_FEATURES, 0.0)
    _phrase_features(text.lower(), issue, f)
    if not hits:
        return [f[k] for k in MENTION_FEATURES]
    f["present"] = 1.0
    f["count"] = min(3.0, float(len(hits))) / 3.0
    base = span.start_char
    for m in hits:
        tok = span.doc.char_span(base + m.start(), base + m.end(), alignment_mode="expand")
        if tok is None:
            continue
        t = tok.root
        v = governor(t)
        window = text[max(0, m.start() - 40) : m.start()].lower()
        phrase = (verb_phrase(v) if v is not None else "") + " " + window[-25:]
        for cls, name in (
            ("push", "gov_push"),
            ("against", "gov_against"),
            ("threat", "gov_threat"),
            ("restraint", "gov_restraint"),
        ):
            if cues[cls].search(phrase) or cues[cls].search(m.group(0).lower()):
                f[name] = 1.0
        if v is not None:
            if any(c.dep_ == "neg" for c in v.children) or cues["negator"].search(window[-20:]):
                f["gov_negated"] = 1.0
            if any(c.dep_ == "aux" and cues["modal"].fullmatch(c.lower_) for c in v.children):
                f["gov_modal"] = 1.0
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                # the subject's own phrase up to its head ("Kim", "the North Korean
                # regime"), not what hangs after it: "talks with North Korea will not work"
                # is a doubt about talks, not a forecast of Pyongyang
                words = subj.doc[subj.left_edge.i : subj.i + 1].text
                if country_of(words) == "PRK" or _PRK_WORDS.match(words):
                    f["subject_prk"] = 1.0
        if cues["condition"].search(text.lower()):
            f["conditional"] = 1.0
    return [f[k] for k in MENTION_FEATURES]


def _phrase_features(low: str, issue: str, f: dict[str, float]) -> None:
    """The issue's own pro and con phrases, and whether a negation or an opposing word
    just precedes one ("will not lift sanctions", "opposition to a freeze-for-freeze")."""
    cues = cue_regexes()
    for side in ("pro", "con"):
        for m in issue_phrase_regexes()[issue][side].finditer(low):
            near = low[max(0, m.start() - 20) : m.start()]
            wider = low[max(0, m.start() - 45) : m.start()]
            flipped = cues["negator"].search(near) or cues["against"].search(wider)
            name = f"{side}_negated" if flipped else f"{side}_phrase"
            f[name] = min(1.0, f[name] + 0.5)


def text_features(span: Span) -> list[float]:
    """What the words say, independent of who says them: each issue's mention features,
    cue words over the whole statement, a question mark, length.  Computed once per
    article with its parse and stored with its analysis."""
    out: list[float] = []
    text = span.text  # spaCy joins the tokens again on each call
    for issue in issue_keys():
        out += mention_features(span, issue, text)
    low = text.lower()
    cues = cue_regexes()
    for cls in WHOLE_CUES:
        out.append(min(3, len(cues[cls].findall(low))) / 3.0)
    out.append(1.0 if "?" in text else 0.0)
    out.append(min(1.0, len(span) / 60.0))
    out.append(1.0 if narrates(span) else 0.0)
    out.append(1.0 if reports_north_wish(span) else 0.0)
    out.append(1.0 if about_elsewhere(span) else 0.0)
    return [round(x, 3) for x in out]


def speaker_features(
    country: str | None, kind: str, quote_kind: str, cue: str | None
) -> list[float]:
    """Who says it and how: country, kind of speaker, kind of quotation, cue.  Computed
    when stances are read, so a speaker the desk corrected counts as corrected.  A
    defector does not speak for the state he left: his country is no prior (the model
    learnt that North Korean voices seek sanctions relief, which a defector backing
    pressure is not)."""
    if kind == "defector":
        country = None
    c = country if country in COUNTRIES else None
    out = [1.0 if c == x else 0.0 for x in COUNTRIES] + [1.0 if country is None else 0.0]
    out += [1.0 if kind == k else 0.0 for k in KINDS]
    out += [1.0 if quote_kind == k else 0.0 for k in QUOTE_KINDS]
    low = (cue or "").lower()
    out += [1.0 if re.match(rx, low) else 0.0 for rx in CUE_CLASSES.values()]
    return out


def hand_features(inp: StanceInput) -> list[float]:
    """Everything but the embedding, in the order of feature_names()."""
    return text_features(inp.span) + speaker_features(
        inp.country, inp.kind, inp.quote_kind, inp.cue
    )


def feature_names() -> list[str]:
    """Every hand feature, in the order of hand_features()."""
    names = [f"{i}:{m}" for i in issue_keys() for m in MENTION_FEATURES]
    names += [f"words:{c}" for c in WHOLE_CUES] + ["question", "length", *RULE_FEATURES]
    names += [f"country:{c}" for c in COUNTRIES] + ["country:none"]
    names += [f"kind:{k}" for k in KINDS] + [f"quote:{k}" for k in QUOTE_KINDS]
    names += [f"cue:{c}" for c in CUE_CLASSES]
    return names


def model_feature_names() -> list[str]:
    """The hand features the model reads: all but RULE_FEATURES."""
    return [n for n in feature_names() if n not in RULE_FEATURES]


@lru_cache(maxsize=1)
def _model_columns() -> list[int]:
    names = feature_names()
    return [names.index(n) for n in model_feature_names()]


def issue_design(hand: np.ndarray, emb: np.ndarray, k: int) -> np.ndarray:
    """The raw inputs of issue k's models: the embedding, issue k's mention features, the
    shared features, and issue k's presence crossed with the speaker's country and with
    the statement's cue words (so "threat" can count differently for each issue).  `hand`
    has every feature_names() column; the RULE_FEATURES are left out."""
    import numpy as np

    hand = hand[:, _model_columns()]
    names = model_feature_names()
    n_issue = len(MENTION_FEATURES)
    n_all = n_issue * len(issue_keys())
    mention = hand[:, k * n_issue : (k + 1) * n_issue]
    shared = hand[:, n_all:]
    present = mention[:, :1]
    country = hand[:, names.index(f"country:{COUNTRIES[0]}") :][:, : len(COUNTRIES)]
    cues = hand[:, names.index(f"words:{WHOLE_CUES[0]}") :][:, : len(WHOLE_CUES)]
    return np.hstack([emb, mention, shared, present * country, present * cues])


class StanceModel:
    """Per issue: P(the statement takes a stance on it) and P(+1 | stance), two logistic
    models over `issue_design`, and their calibration; a stance is kept when its
    calibrated confidence reaches the model's threshold."""

    def __init__(self, arrays: dict[str, Any]) -> None:
        self.a = arrays
        self.issues = [str(x) for x in arrays["issues"]]
        names = [str(x) for x in arrays["feature_names"]]
        if names != model_feature_names() or self.issues != list(issue_keys()):
            raise ModelError(
                "the stance model was trained on other features or issues; retrain it with "
                "benchmarks/train_stance.py"
            )

    @classmethod
    def load(cls) -> StanceModel:
        return _load_model()

    @property
    def threshold(self) -> float:
        return float(self.a["threshold"])

    def probabilities(self, hand: np.ndarray, emb: np.ndarray) -> dict[str, tuple[Any, Any]]:
        """{issue: (P(stance), P(+1 | stance))}, one value per statement."""
        import numpy as np

        out: dict[str, tuple[Any, Any]] = {}
        for k, issue in enumerate(self.issues):
            x = (issue_design(hand, emb, k) - self.a["x_mean"][k]) / self.a["x_scale"][k]
            rel = x @ self.a["rel_coef"][k] + self.a["rel_icpt"][k]
            pos = x @ self.a["pos_coef"][k] + self.a["pos_icpt"][k]
            out[issue] = (1 / (1 + np.exp(-rel)), 1 / (1 + np.exp(-pos)))
        return out

    def confidences(self, k: int, p_rel: Any, p_pos: Any) -> Any:
        """How likely each statement takes issue k's stance on the side P(+1) points to:
        P(stance) x P(side) through the issue's calibration when the model has one
        (nlp/calibration.py), 0 below its RAW_FLOOR."""
        if "cal_coef" not in self.a:
            return p_rel * side_of(p_pos)
        return calibrated(p_rel, p_pos, self.a["cal_coef"][k], self.a["cal_icpt"][k])

    def predict(
        self, hand: np.ndarray, emb: np.ndarray, floor: float | None = None
    ) -> list[list[Stance]]:
        """Stances per statement, each with its (calibrated) confidence; those below
        `floor` (default: the model's threshold) are left out: the model abstains."""
        tau = self.threshold if floor is None else floor
        probs = self.probabilities(hand, emb)
        out: list[list[Stance]] = [[] for _ in range(len(hand))]
        for k, issue in enumerate(self.issues):
            p_rel, p_pos = probs[issue]
            confs = self.confidences(k, p_rel, p_pos)
            for n in range(len(hand)):
                sign = 1 if p_pos[n] >= 0.5 else -1
                conf = float(confs[n])
                if conf >= tau and not vetoed(hand[n], k, sign):
                    out[n].append(Stance(issue, sign, round(conf, 3)))
        return out


def _has(hand: Sequence[float], k: int, name: str) -> bool:
    """Issue k's mention feature `name` is set in a statement's hand features (the
    vetoes below all read them this way)."""
    return hand[k * len(MENTION_FEATURES) + MENTION_FEATURES.index(name)] > 0


def _phrase_sides(hand: Sequence[float], k: int) -> tuple[bool, bool]:
    """(for, against): whether issue k's own phrases point each way (a pro phrase or a
    negated con phrase is for; a con phrase or a negated pro phrase is against)."""
    plus = _has(hand, k, "pro_phrase") or _has(hand, k, "con_negated")
    minus = _has(hand, k, "con_phrase") or _has(hand, k, "pro_negated")
    return plus, minus


def words_back(hand: Sequence[float], issue: str, sign: int) -> bool:
    """The issue's own phrases point to `sign` and not the other way (nlp/backed.py)."""
    return contradicted(hand, issue_keys().index(issue), -sign)


def official_voice(hand: Sequence[float]) -> bool:
    """The speaker is a government, an international body or state media."""
    return any(hand[_column(f"kind:{k}")] > 0 for k in OFFICIAL_KINDS)


def own_official_word(hand: Sequence[float]) -> bool:
    """An official voice stating its own line on the Korean question (nlp/backed.py
    lifts only these): not a question, not a report of North Korea's wish by someone who
    does not speak for it ("Kim wants to meet Trump", said in Seoul), not about a people
    the question does not involve (nlp/elsewhere.py: "the Venezuelan people")."""
    if not official_voice(hand) or hand[_column("question")] > 0:
        return False
    return not north_wish(hand) and hand[_column("rule:elsewhere")] <= 0


def north_wish(hand: Sequence[float]) -> bool:
    """The statement reports North Korea's wish (nlp/wishes.py) and its speaker is not
    North Korean: the other side's want, not the speaker's."""
    return hand[_column("rule:north_wish")] > 0 and hand[_column("country:PRK")] <= 0


def contradicted(hand: Sequence[float], k: int, sign: int) -> bool:
    """The issue's own phrases point only the other way: abstain rather than state a side
    the words contradict.  "US opposition to a freeze-for-freeze" is a negated con phrase
    (for the exercises), so a -1 read from it is dropped; "the lifting of sanctions" is a
    con phrase, so a +1 on sanctions from it is dropped.  Phrases on both sides leave the
    model to decide."""
    plus, minus = _phrase_sides(hand, k)
    return (minus and not plus) if sign > 0 else (plus and not minus)


def mixed(hand: Sequence[float], k: int) -> bool:
    """The statement's own phrases take both sides of the issue ("supports tightening
    sanctions" beside "wants sanctions relief"): whichever side the model reads, the words
    also say the other, so no position rests on them."""
    plus, minus = _phrase_sides(hand, k)
    return plus and minus


def unnamed(hand: Sequence[float], k: int) -> bool:
    """The statement names none of the issue's terms and none of its phrases: a side read
    from the embedding alone ("urged keeping up maximum pressure" read as restraint on
    military force) rests on nothing the speaker said about the issue."""
    names = ("present", "pro_phrase", "con_phrase", "pro_negated", "con_negated")
    phrased = ("pro_phrase", "con_phrase")
    others = (j for j in range(len(issue_keys())) if j != k)
    return not any(_has(hand, k, n) for n in names) and any(
        _has(hand, j, n) for j in others for n in phrased
    )


def about_other(hand: Sequence[float], k: int) -> bool:
    """The issue's verb has North Korea as its subject and is negated, without a modal
    of duty, and the speaker is not North Korean: "Kim will not denuclearize" is the
    speaker's forecast of Pyongyang's intention, not the speaker's own demand or refusal
    ("North Korea must not keep its weapons" is a demand and stays)."""
    prk = hand[_column("country:PRK")] > 0
    negated = _has(hand, k, "gov_negated") and not _has(hand, k, "gov_modal")
    return _has(hand, k, "subject_prk") and negated and not prk


def _kind(hand: Sequence[float]) -> str | None:
    """The speaker's kind, from its one-hot columns."""
    return next((k for k in KINDS if hand[_column(f"kind:{k}")] > 0), None)


def _demands(hand: Sequence[float]) -> bool:
    """A word of duty in the statement, or a cue of urging."""
    return hand[_column("words:modal")] > 0 or hand[_column("cue:urge")] > 0


@cache
def _column(name: str) -> int:
    """A hand feature's column, found once (feature_names() builds its list on every call,
    and the vetoes and official_voice run for every statement read)."""
    return feature_names().index(name)


def narrated(hand: Sequence[float], k: int) -> bool:
    """The statement only narrates a past event (nlp/narration.py: "the latest talks were
    held at Panmunjom"), on an issue where a past act is not itself a position
    (data/stance_cues.yaml narration keep: "had miniaturized nuclear warheads" is one)."""
    return hand[_column("rule:narrated")] > 0 and issue_keys()[k] not in narration_words().keep


# Which vetoes apply to a read stance: "contradicted" (the phrases point only the other
# way) and optionally "mixed" (they point both ways).  benchmarks/train_stance.py
# --vetoes and benchmarks/stance_curve.py measure each; "mixed" is off: on week-grouped
# CV train it found no more positions and on dev it dropped one that was right.
# "narrated": a past event only (nlp/narration.py); "others_wish": north_wish;
# "analysis": an expert's reading that only a demand could carry, undemanded
# (nlp/said.py).
VETOES: tuple[str, ...] = (
    "contradicted",
    "unnamed",
    "about_other",
    "narrated",
    "others_wish",
    "analysis",
)


def vetoed(hand: Sequence[float], k: int, sign: int, vetoes: Sequence[str] | None = None) -> bool:
    """Whether a stance of `sign` read on issue k is dropped: its words contradict it
    or (when "mixed" applies) take both sides."""
    on = VETOES if vetoes is None else vetoes
    if "contradicted" in on and contradicted(hand, k, sign):
        return True
    if "unnamed" in on and (issue_keys()[k], sign) in own_words_sides() and unnamed(hand, k):
        return True
    if "about_other" in on and about_other(hand, k):
        return True
    if "narrated" in on and narrated(hand, k):
        return True
    if "others_wish" in on and north_wish(hand):
        return True
    if "analysis" in on and analysis(issue_keys()[k], sign, _kind(hand), _demands(hand)):
        return True
    return "mixed" in on and mixed(hand, k)


@lru_cache(maxsize=1)
def _load_model() -> StanceModel:
    import numpy as np

    path = resources.files("briefgen").joinpath(MODEL_FILE)
    try:
        with path.open("rb") as f:
            arrays = dict(np.load(f, allow_pickle=False))
    except FileNotFoundError:
        raise ModelError(
            f"the stance model {MODEL_FILE} is missing from the package; reinstall briefgen"
        ) from None
    return StanceModel(arrays)


def statement_text(text: str) -> str | None:
    """The words of a statement as the stance model embeds them; None for one of a few
    words ("yes", "a disaster"), which says nothing the model can read."""
    words = text.split()
    return " ".join(words) if len(words) >= 4 else None


def read_statements(
    rows: Sequence[tuple[Sequence[float], str]],
    embed: Callable[[list[str]], Any],
    model: StanceModel | None = None,
) -> list[list[Stance]]:
    """The stances of each statement, given as (hand features in feature_names() order,
    its words); empty where the model abstains.  An official's reading its own phrases
    back counts at the backed confidence (nlp/backed.py)."""
    import numpy as np

    out: list[list[Stance]] = [[] for _ in rows]
    said = [statement_text(text) for _, text in rows]
    todo = [n for n, text in enumerate(said) if text is not None]
    if not todo:
        return out
    m = model or StanceModel.load()
    hand = np.array([list(rows[n][0]) for n in todo], dtype=np.float32)
    emb = np.asarray(embed([said[n] or "" for n in todo]))
    for n, st in zip(todo, m.predict(hand, emb), strict=True):
        row = rows[n][0]  # a North Korean's offer of a trade is its own demand
        st = not_ruled_out(rows[n][1], st, row[_column("country:PRK")] > 0)
        out[n] = lifted(st, own_official_word(row), partial(words_back, row))
    return out


def read_stances(
    inputs: Sequence[StanceInput],
    embed: Callable[[list[str]], Any],
    model: StanceModel | None = None,
) -> list[list[Stance]]:
    """The stances of each statement read from its parse (empty where the model abstains)."""
    return read_statements([(hand_features(i), i.span.text) for i in inputs], embed, model)
