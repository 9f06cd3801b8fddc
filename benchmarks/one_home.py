"""Where each kind of shared knowledge is defined in code: one home each (issue 14).

    .venv/bin/python -m benchmarks.one_home [-v]

A definition is one assignment (or one regex call outside an assignment) whose string
literals name enough words of a concept: four reporting verbs, three countries, four
months... The counts are per concept; `-v` lists each place.  Data files
(briefgen/data/) are not code and are not counted; the knowledge package's own readers
are listed like any other place, so the ideal count is the one home (or zero when the
words live only in a data file).  Code-shaped concepts (long-date formatters, atomic
writers, MMR, low-relevance filters) are found by their calls.  A figure to read, not a
verdict: a stop-word list that happens to hold "said" and "told" is counted as reporting
verbs because it is a second list of them.
"""

from __future__ import annotations

import argparse
import ast
import re
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "briefgen"

# concept: (threshold, [marker regexes; each counts once])
WORD_CONCEPTS: dict[str, tuple[int, list[str]]] = {
    "reporting verbs": (
        4,
        [
            r"sa(?:y|id|ys)", r"t(?:ell|old|ells)", r"stated?", r"insist(?:ed|s)?",
            r"warn(?:ed|s)?", r"claim(?:ed|s)?", r"announc(?:e|ed|es)", r"declar(?:e|ed|es)",
            r"urg(?:e|ed|es)", r"not(?:e|ed|es)", r"argu(?:e|ed|es)", r"add(?:ed|s)?",
            r"accus(?:e|ed|es)", r"vow(?:ed|s)?", r"threaten(?:ed|s)?",
        ],
    ),
    "country names": (
        3,
        [
            r"north korea", r"south korea", r"china", r"japan", r"russia", r"pyongyang",
            r"seoul", r"beijing", r"tokyo", r"moscow", r"united states", r"u\.s\.",
        ],
    ),
    "peninsula terms": (
        3,
        [r"peninsula", r"korean?s?", r"dmz", r"panmunjom", r"inter-korean", r"kim jong"],
    ),
    "month names": (
        4,
        [
            r"jan(?:uary)?", r"feb(?:ruary)?", r"mar(?:ch)?", r"apr(?:il)?", r"may",
            r"june?", r"july?", r"aug(?:ust)?", r"sept?(?:ember)?", r"oct(?:ober)?",
            r"nov(?:ember)?", r"dec(?:ember)?",
        ],
    ),
    "weekday names": (
        4,
        [
            r"mon(?:day)?", r"tue(?:s|sday)?", r"wed(?:nesday)?", r"thu(?:rs|rsday)?",
            r"fri(?:day)?", r"sat(?:urday)?", r"sun(?:day)?",
        ],
    ),
    "news agencies": (
        3,
        [
            r"reuters", r"afp", r"yonhap", r"kcna", r"xinhua", r"kyodo", r"tass",
            r"associated press", r"epa", r"ap", r"news1", r"newsis",
        ],
    ),
}  # fmt: skip


def _strings(node: ast.AST) -> str:
    parts: list[str] = []
    for n in ast.walk(node):
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            parts.append(n.value)
    return " ".join(parts).lower()


_REGEX_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "finditer", "findall"}


def _units(tree: ast.AST) -> Iterator[ast.AST]:
    """Assignments, and regex calls not inside one (docstrings are not units)."""
    inside: set[int] = set()
    for n in ast.walk(tree):
        if isinstance(n, (ast.Assign, ast.AnnAssign)) and n.value is not None:
            inside |= {id(c) for c in ast.walk(n)}
            yield n
    for n in ast.walk(tree):
        if (
            isinstance(n, ast.Call)
            and id(n) not in inside
            and isinstance(n.func, ast.Attribute)
            and isinstance(n.func.value, ast.Name)
            and n.func.value.id == "re"
            and n.func.attr in _REGEX_CALLS
        ):
            yield n


def _word_hits(text: str, markers: list[str]) -> int:
    return sum(1 for m in markers if re.search(rf"(?<![a-z]){m}(?![a-z])", text))


def _is_long_date(n: ast.AST) -> bool:
    """strftime("...%B...") or f"{d:%B %Y}"."""
    if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "strftime":
        return "%B" in _strings(n).upper().replace("%b", "")  # %B, not %b
    if isinstance(n, ast.FormattedValue) and n.format_spec is not None:
        return any(
            isinstance(c, ast.Constant) and "%B" in str(c.value) for c in ast.walk(n.format_spec)
        )
    return False


def _is_atomic_replace(n: ast.AST) -> bool:
    """os.replace/os.rename, or tmp.replace(path): a write-then-rename."""
    if not (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)):
        return False
    f = n.func
    if isinstance(f.value, ast.Name) and f.value.id == "os" and f.attr in ("replace", "rename"):
        return True
    return (
        f.attr in ("replace", "rename")
        and isinstance(f.value, ast.Name)
        and "tmp" in f.value.id.lower()
        and len(n.args) == 1
    )


def _is_mmr(n: ast.AST) -> bool:
    if not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    doc = (ast.get_docstring(n) or "").lower()
    return "mmr" in n.name.lower() or "mmr" in doc or "marginal relevance" in doc


def _is_low_relevance_filter(n: ast.AST) -> bool:
    """A comprehension that keeps or leaves out articles by their low_relevance flag."""
    if not isinstance(n, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
        return False
    return any(
        isinstance(a, ast.Attribute) and a.attr == "low_relevance"
        for g in n.generators
        for t in g.ifs
        for a in ast.walk(t)
    )


CODE_CONCEPTS = {
    "long-date formatters": _is_long_date,
    "atomic writers": _is_atomic_replace,
    "MMR implementations": _is_mmr,
    "low-relevance filters": _is_low_relevance_filter,
}


def definitions(root: Path = PACKAGE) -> dict[str, list[str]]:
    """{concept: ["path:line", ...]} over every module below `root`."""
    out: dict[str, list[str]] = {c: [] for c in (*WORD_CONCEPTS, *CODE_CONCEPTS)}
    for p in sorted(root.rglob("*.py")):
        tree = ast.parse(p.read_text(encoding="utf-8"))
        rel = p.relative_to(root.parent)
        for unit in _units(tree):
            text = _strings(unit)
            for concept, (threshold, markers) in WORD_CONCEPTS.items():
                if _word_hits(text, markers) >= threshold:
                    out[concept].append(f"{rel}:{unit.lineno}")
        for n in ast.walk(tree):
            for concept, test in CODE_CONCEPTS.items():
                if test(n):
                    out[concept].append(f"{rel}:{getattr(n, 'lineno', 0)}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list each place")
    args = ap.parse_args()
    for concept, places in definitions().items():
        files = sorted({p.split(":")[0] for p in places})
        print(f"{concept:24s} {len(places):3d} definitions in {len(files)} modules")
        if args.verbose:
            for p in places:
                print(f"    {p}")


if __name__ == "__main__":
    main()
