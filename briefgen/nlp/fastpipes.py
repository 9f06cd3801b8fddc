"""The same annotations as spaCy's attribute ruler and rule lemmatizer, at a fraction of
the CPU: both are pure functions of a few token attributes, so each distinct input is
worked out once per process and the answer reused.

Measured on AllSides articles (en_core_web_sm 3.8): the attribute ruler ran its
Matcher over every token (14% of the parse's CPU) and the lemmatizer recomputed every
base form and proper noun (spaCy caches only some of its answers; 10%).  Here the
attribute ruler's patterns are read once and evaluated per distinct (tag, lower form,
dependency, is-space) of a token, a lower form no pattern names standing for all
those with its answers to the patterns' regexes; the lemmatizer's answers are cached
per (form, POS, morphology), as spaCy's own cache is keyed, and its word index is
asked through a set (spaCy searches a list of up to 57,000 words).  A pattern of a form not handled here
leaves that pipe as spaCy made it.  tests/test_parse.py compares the parses with
spaCy's own pipes, byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# The token attributes the attribute ruler's patterns may test here (Matcher names).
_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
# Past this many distinct inputs a cache starts again (bounded memory on any corpus).
_MAX_CACHE = 500_000


def speed_up(nlp: Language) -> None:
    """Swap the attribute ruler's and the lemmatizer's per-token work for cached
    equivalents, in place (the pipe names, the config and the annotations stay)."""
    if "attribute_ruler" in nlp.pipe_names:
        _cache_ruler(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        _cache_lemmas(nlp.get_pipe("lemmatizer"))


def _cache_ruler(ruler: Any) -> None:
    from spacy.pipeline import AttributeRuler

    if type(ruler) is not AttributeRuler:  # another class, or done already
        return
    fast = FastRuler.of(ruler)
    if fast is not None:
        setattr(ruler, "_briefgen_fast", fast)  # noqa: B010 (spaCy's class has no such slot)
        ruler.__class__ = _cached_ruler_class()


@lru_cache(maxsize=1)
def _cached_ruler_class() -> type:
    """AttributeRuler whose call runs the FastRuler (nlp(text) and nlp.pipe alike)."""
    from spacy.pipeline import AttributeRuler

    class CachedAttributeRuler(AttributeRuler):
        def __call__(self, doc: Doc) -> Doc:
            fast: FastRuler = getattr(self, "_briefgen_fast")  # noqa: B009
            return fast(doc)

    return CachedAttributeRuler


def _cache_lemmas(lem: Any) -> None:
    """The rule lemmatizer's answer per (form, POS, morphology): spaCy's rule_lemmatize
    is a function of these alone but caches only the words it inflects."""
    if getattr(lem, "mode", None) != "rule" or getattr(lem, "_briefgen_cached", False):
        return
    _index_sets(lem)
    rule = lem.rule_lemmatize
    cache: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        forms = cache.get(key)
        if forms is None:
            if len(cache) >= _MAX_CACHE:
                cache.clear()
            forms = cache[key] = rule(token)
        return forms

    lem.lemmatize = lemmatize
    lem._briefgen_cached = True


class _WordList(list[str]):
    """A lemma index (a list of words) whose `in` is a set lookup: rule_lemmatize asks
    `form in index` of lists of up to 57,000 nouns, some 0.3 ms a word not yet cached.
    The list itself, its order and its answers stay spaCy's."""

    def __init__(self, items: Sequence[str]) -> None:
        super().__init__(items)
        self._set = frozenset(items)

    def __contains__(self, item: object) -> bool:
        return item in self._set


def _index_sets(lem: Any) -> None:
    """The lemmatizer's lemma_index lists, each as a _WordList (the same words)."""
    if not lem.lookups.has_table("lemma_index"):
        return
    table = lem.lookups.get_table("lemma_index")
    for key in list(table.keys()):
        words = table[key]
        if type(words) is list and all(isinstance(w, str) for w in words):
            table[key] = _WordList(words)


def _lower_tests(ruler: Any) -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """The lower forms the ruler's patterns name (equal to, in or not in) and the regexes
    they test lower forms with (FastRuler.of has checked there is nothing else)."""
    named: set[str] = set()
    regexes: list[re.Pattern[str]] = []
    for i in range(len(ruler.attrs)):
        for pattern in ruler.matcher.get(str(i))[1]:
            for spec in pattern:
                value = spec.get("LOWER")
                if isinstance(value, str):
                    named.add(value)
                elif isinstance(value, Mapping):
                    for op, arg in value.items():
                        if op == "REGEX":
                            regexes.append(re.compile(arg))
                        else:
                            named.update(arg)
    return frozenset(named), tuple(regexes)


def _predicate(spec: Any) -> Callable[[Any], bool] | None:
    """A test of one attribute value as the Matcher makes it; None: not handled here."""
    if isinstance(spec, (str, bool, int)):
        return lambda v: v == spec
    if isinstance(spec, Mapping) and len(spec) == 1:
        ((op, arg),) = spec.items()
        if op == "IN" and isinstance(arg, Sequence):
            allowed = set(arg)
            return lambda v: v in allowed
        if op == "NOT_IN" and isinstance(arg, Sequence):
            banned = set(arg)
            return lambda v: v not in banned
        if op == "REGEX" and isinstance(arg, str):
            rx = re.compile(arg)
            return lambda v: isinstance(v, str) and rx.search(v) is not None
    return None


TokenTest = Callable[[tuple[str, str, str, bool]], bool]


# What a pattern requires of a token's tag or lower form, for the index: (attribute
# position in _ATTRS, the values it allows); None: nothing simple, tested on every token.
Gate = tuple[int, frozenset[str]] | None


def _token_test(spec: Mapping[str, Any]) -> TokenTest | None:
    tests: list[tuple[int, Callable[[Any], bool]]] = []
    for name, value in spec.items():
        if name not in _ATTRS:
            return None
        pred = _predicate(value)
        if pred is None:
            return None
        tests.append((_ATTRS.index(name), pred))
    return lambda vals: all(pred(vals[i]) for i, pred in tests)


def _gate(spec: Mapping[str, Any]) -> Gate:
    """The tag (else lower form) values `spec` requires, when it names them."""
    for pos in (0, 1):  # TAG, then LOWER
        value = spec.get(_ATTRS[pos])
        if isinstance(value, str):
            return pos, frozenset([value])
        if isinstance(value, Mapping) and set(value) == {"IN"}:
            return pos, frozenset(value["IN"])
    return None


def _any(tests: list[TokenTest]) -> TokenTest:
    if len(tests) == 1:
        return tests[0]
    return lambda vals: any(t(vals) for t in tests)


class FastRuler:
    """The attribute ruler's patterns evaluated once per distinct token, not by the
    Matcher per token; applied as the ruler applies its matches."""

    def __init__(
        self,
        ruler: Any,
        single: list[TokenTest | None],
        pairs: list[list[TokenTest]],
        gates: list[list[Gate]],
    ) -> None:
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        self.single = dict((i, t) for i, t in enumerate(single) if t is not None)
        # one-token patterns by the tag or lower form they require; the rest always tried
        self.by_value: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
        self.always: list[int] = []
        for i in self.single:
            if any(g is None for g in gates[i]):
                self.always.append(i)
                continue
            for pos, values in (g for g in gates[i] if g is not None):
                for v in values:
                    self.by_value[pos].setdefault(v, []).append(i)
        self.pairs = [(i, p) for i, p in enumerate(pairs) if p]
        self.indices = list(ruler.indices)
        # (tag, lower, dep, is_space) -> (one-token patterns matched, their attributes
        # merged, two-token patterns whose first token it is, ... whose second)
        self._cache: dict[tuple[int, ...], _About] = {}
        # The lower forms the patterns name, and their regexes over lower forms: any
        # other lower form matches as every other one with the same regex answers does,
        # so those share one cache key (a negative number) and the cache holds a few
        # thousand keys, not one per word of the corpus.
        self.named_lower, self.lower_regexes = _lower_tests(ruler)
        self._lower_key: dict[int, int] = {}
        self._classes: dict[tuple[bool, ...], int] = {}
        self._example: dict[int, int] = {}  # a class's first lower form
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}

    @classmethod
    def of(cls, ruler: Any) -> FastRuler | None:
        """The fast equivalent of `ruler`, or None when a pattern is not of a handled form."""
        single: list[TokenTest | None] = []
        pairs: list[list[TokenTest]] = []
        gates: list[list[Gate]] = []
        for i in range(len(ruler.attrs)):
            _, alternatives = ruler.matcher.get(str(i))
            index = ruler.indices[i]
            if all(len(p) == 1 for p in alternatives) and index in (0, -1):
                one = [_token_test(p[0]) for p in alternatives]
                if not one or any(t is None for t in one):
                    return None
                single.append(_any([t for t in one if t is not None]))
                pairs.append([])
                gates.append([_gate(p[0]) for p in alternatives])
                continue
            if len(alternatives) != 1:
                return None
            (pattern,) = alternatives
            tests = [_token_test(tok) for tok in pattern]
            if any(t is None for t in tests):
                return None
            if len(pattern) == 2 and index in (0, 1, -1):
                single.append(None)
                pairs.append([t for t in tests if t is not None])
                gates.append([])
            else:
                return None
        return cls(ruler, single, pairs, gates)

    def _key(self, lower: int) -> int:
        """The lower form's cache key: itself when a pattern names it, else its class."""
        key = self._lower_key.get(lower)
        if key is None:
            text = self.strings[lower]
            if text in self.named_lower:
                key = lower
            else:
                answers = tuple(rx.search(text) is not None for rx in self.lower_regexes)
                key = self._classes.setdefault(answers, -1 - len(self._classes))
                self._example.setdefault(key, lower)
            if len(self._lower_key) >= _MAX_CACHE:
                self._lower_key.clear()
            self._lower_key[lower] = key
        return key

    def _about(self, key: tuple[int, ...]) -> _About:
        found = self._cache.get(key)
        if found is None:
            tag, lower, dep, space = key
            lower = self._example.get(lower, lower)
            vals = (self.strings[tag], self.strings[lower], self.strings[dep], bool(space))
            tried = {
                *self.by_value[0].get(vals[0], ()),
                *self.by_value[1].get(vals[1], ()),
                *self.always,
            }
            ids = tuple(i for i in sorted(tried) if self.single[i](vals))
            firsts = tuple(i for i, p in self.pairs if p[0](vals))
            seconds = frozenset(i for i, p in self.pairs if p[1](vals))
            if len(self._cache) >= _MAX_CACHE:
                self._cache.clear()
                self._merged.clear()
            found = self._cache[key] = (ids, self._merge(ids), firsts, seconds)
        return found

    def _merge(self, ids: Sequence[int]) -> dict[Any, Any]:
        """The attributes of patterns `ids` applied in pattern order, later ones winning
        (the ruler sorts its matches by pattern number before applying them)."""
        key = tuple(sorted(ids))
        merged = self._merged.get(key)
        if merged is None:
            merged = {}
            for i in key:
                merged.update(self.ruler.attrs[i])
            self._merged[key] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return doc
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        about = [self._about((t, self._key(low), d, sp)) for t, low, d, sp in rows]
        extra: dict[int, list[int]] = {}  # token -> two-token patterns that set it
        for t in range(len(about) - 1):
            for i in about[t][2]:
                if i in about[t + 1][3]:
                    extra.setdefault(t if self.indices[i] == 0 else t + 1, []).append(i)
        for t, (ids, merged, _, _) in enumerate(about):
            more = extra.get(t)
            attrs = self._merge([*ids, *more]) if more else merged
            if attrs:
                set_token_attrs(doc[t], attrs)
        return doc


_About = tuple[tuple[int, ...], dict[Any, Any], tuple[int, ...], frozenset[int]]
