"""A reader's view of a Brief's JSON, section by section, for the analysis golden.

The analysis golden compares what a reader would see change: bottom-line items, each
country's judgement, summary, positions, quotes and keyphrases, the key quotes, open
questions, timeline, actors, quotations and sources.  Scores are shown rounded, so
float noise across machines does not count as a change; a moved stance does.
"""

from __future__ import annotations

import difflib
from typing import Any


def _cites(s: dict[str, Any] | None) -> str:
    return f" {s.get('cites')}" if s and s.get("cites") else ""


def _stmt(s: dict[str, Any] | None) -> str:
    if not s:
        return "—"
    return f"{s['text']}{_cites(s)}" + (f" [{s['kind']}]" if s.get("kind") else "")


def _position(p: dict[str, Any]) -> str:
    ev = p.get("evidence") or []
    return (
        f"{p['holder']} ({p.get('holder_kind')}) {p['issue']} {p['stance']:+.0f} "
        f"(confidence {p.get('confidence', 1.0):.1f}) "
        f"'{p['label']}' on {len(ev)}: " + " / ".join(e["text"][:70] for e in ev[:2])
    )


def _quote(q: dict[str, Any]) -> str:
    text = " ".join(q["text"].split())
    return f"{q.get('speaker')} | {q.get('country')} | {q.get('kind')} | {text[:100]}"


def _actor(a: dict[str, Any]) -> str:
    return (
        f"{a['name']} | {a.get('kind')} | {a.get('role')} | {a.get('country')} | "
        f"quotes {a.get('quote_count')}"
    )


def _development(g: dict[str, Any]) -> str:
    """A ranked development as a reader sees it: its score to two places only, since the
    sixth decimal moves with the machine's float arithmetic (0.305891 on one, 0.30589 on
    another), which is not a change of the analysis."""
    return (
        f"{g.get('score', 0):.2f} {g.get('kind')} {g.get('actor')} {g.get('action')} "
        f"{g.get('direction')} {g.get('when')} ({g.get('date_basis')}) "
        f"{g.get('novelty')} {g['text']}{_cites(g)} {g.get('outlets')}"
    )


def sections(d: dict[str, Any]) -> dict[str, list[str]]:
    """{section name: lines} of a Brief as dumped by tests.briefjson.brief_to_json."""
    out: dict[str, list[str]] = {}
    out["bottom line"] = [_stmt(s) for s in d.get("bluf", [])]
    for c in d.get("countries", []):
        lines = [
            f"judgement: {_stmt(c.get('judgement'))}",
            f"trend: {c.get('trend')} ({c.get('trend_basis')})",
        ]
        lines += [f"summary: {_stmt(s)}" for s in c.get("summary", [])]
        lines += [f"position: {_position(p)}" for p in c.get("positions", [])]
        lines += [f"disagreement: {_stmt(s)}" for s in c.get("disagreements", [])]
        lines += [f"quote: {_quote(q)}" for q in c.get("quotes", [])]
        lines += [f"actor: {_actor(a)}" for a in c.get("actors", [])]
        lines.append("keyphrases: " + ", ".join(k["phrase"] for k in c.get("keyphrases", [])))
        for key in sorted(set(c) - _COUNTRY_SHOWN):
            lines.append(f"{key}: {c[key]}")
        out[f"country {c['code']}"] = lines
    out["key quotes"] = [_quote(q) for q in d.get("key_quotes", [])]
    out["open questions"] = [_stmt(s) for s in d.get("open_questions", [])]
    out["timeline"] = [
        f"{e['when']}{' (est.)' if e.get('date_is_estimate') else ''} {e['text']}{_cites(e)}"
        for e in d.get("timeline", [])
    ]
    out["keyphrases"] = [k["phrase"] for k in d.get("keyphrases", [])]
    out["actors"] = [_actor(a) for a in d.get("actors", [])]
    out["quotations"] = [_quote(q) for q in d.get("quotes", [])]
    out["sources"] = [
        f"{s['number']}. {s['title']} | {s.get('outlet')} | {s.get('published')} "
        f"({s.get('date_source')})" + (" low relevance" if s.get("low_relevance") else "")
        for s in d.get("sources", [])
    ]
    out["articles"] = [
        f"{a['article_id']} {a['title']} | relevance {a.get('relevance', 0):.2f}"
        for a in [*d.get("articles", []), *d.get("low_relevance", [])]
    ]
    out["stats"] = [f"{k}: {v}" for k, v in sorted(d.get("stats", {}).items())]
    out["developments"] = [_development(g) for g in d.get("developments", [])]
    for key in sorted(set(d) - _BRIEF_SHOWN):
        out[key] = [str(d[key])]
    return out


_COUNTRY_SHOWN = {
    "judgement",
    "trend",
    "trend_basis",
    "summary",
    "positions",
    "disagreements",
    "quotes",
    "actors",
    "keyphrases",
    "code",
}
_BRIEF_SHOWN = {
    "bluf",
    "countries",
    "key_quotes",
    "open_questions",
    "timeline",
    "keyphrases",
    "actors",
    "quotes",
    "sources",
    "articles",
    "low_relevance",
    "stats",
    "developments",
    "chart",
}


def section_diffs(old: dict[str, Any], new: dict[str, Any]) -> dict[str, str]:
    """{section: unified diff} for every section whose view changed."""
    a, b = sections(old), sections(new)
    out: dict[str, str] = {}
    for name in [*a, *(k for k in b if k not in a)]:
        la, lb = a.get(name, []), b.get(name, [])
        if la != lb:
            out[name] = "\n".join(difflib.unified_diff(la, lb, "golden", "fresh", lineterm="", n=1))
    return out


def report(diffs: dict[str, str]) -> str:
    return "\n\n".join(f"== {name} ==\n{diff}" for name, diff in diffs.items())
