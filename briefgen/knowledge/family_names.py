"""East Asian family names (which names are written family name first) and the given
names that are mostly one sex's (for he/she, and to tell a person's name from a body's).

Read from briefgen/data/family_names.yaml.  nlp/names.py uses it to keep "Moon Jae-in"
and "Kim Kye Gwan" whole, to find them from their family name alone, and to count the
romanisations of one family name ("Choe", "Choi") as one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from briefgen.knowledge.datafiles import packaged, str_list


@dataclass(frozen=True, eq=False)
class FamilyNames:
    names: frozenset[str]
    canonical: dict[str, str]  # every variant -> the first of its group
    female_given: frozenset[str] = frozenset()
    male_given: frozenset[str] = frozenset()

    def gender_of_given(self, word: str) -> str | None:
        """ "m" or "f" for a given name that is mostly one sex's ("Ted", "Carly"), else None."""
        if word in self.female_given:
            return "f"
        return "m" if word in self.male_given else None

    def is_family(self, word: str) -> bool:
        return word in self.names

    def same(self, a: str, b: str) -> bool:
        """True when `a` and `b` are one family name, romanised either way."""
        return self.canonical.get(a, a) == self.canonical.get(b, b)

    def norm(self, word: str) -> str:
        return self.canonical.get(word, word)


@lru_cache(maxsize=1)
def load_family_names() -> FamilyNames:
    raw = packaged("family_names.yaml")
    raw = raw if isinstance(raw, dict) else {}
    names = frozenset(str_list(raw.get("korean")) + str_list(raw.get("chinese")))
    canonical: dict[str, str] = {}
    for group in raw.get("variants") or []:
        words = str_list(group)
        for w in words:
            canonical[w] = words[0]
    family = names | set(canonical)  # "Jung", "Sun": a family name gives no gender
    female = set(str_list(raw.get("female_given_names")))
    female |= set(str_list(raw.get("census_female_given_names")))
    male = set(str_list(raw.get("census_male_given_names"))) - female
    return FamilyNames(names, canonical, frozenset(female - family), frozenset(male - family))
