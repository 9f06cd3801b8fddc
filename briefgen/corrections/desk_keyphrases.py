"""The desk's keyphrase entries: ban, rename or pin a phrase."""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.corrections.ledger import Ledger, mark
from briefgen.corrections.match import norm
from briefgen.model import Article, Keyphrase, KeyphraseScope


class KeyphraseFixes(Ledger):
    """Applied after keyphrases are picked."""

    def keyphrases(
        self, scopes: dict[str, list[Keyphrase]], texts: dict[str, Sequence[Article]]
    ) -> None:
        """Ban, rename and pin keyphrases, in place.  A pinned phrase the extraction did
        not pick is added only where the scope's articles (`texts`) use it."""
        for e in self.corrections.of("ban-keyphrase", "rename-keyphrase", "pin-keyphrase"):
            want = norm(e.get("phrase"))
            if e.do == "pin-keyphrase":
                targets = [e.get("scope") or "corpus"]
            else:
                targets = [e.get("scope")] if e.get("scope") else list(scopes)
            hit = False
            for sid in targets:
                ks = scopes.get(sid)
                if ks is None:
                    continue
                found = [k for k in ks if want in {norm(k.phrase), *map(norm, k.variants)}]
                if e.do == "ban-keyphrase" and found:
                    scopes[sid] = [k for k in ks if k not in found]
                    hit = True
                elif e.do == "rename-keyphrase" and found:
                    for k in found:
                        if k.phrase not in k.variants:
                            k.variants.append(k.phrase)
                        k.phrase = e.get("to")
                        mark(k, f"renamed from “{k.variants[-1]}”")
                    hit = True
                elif e.do == "pin-keyphrase":
                    top = max((k.score for k in ks), default=1.0)
                    if found:
                        k = found[0]
                        ks.remove(k)
                    else:
                        if not _used_in(e.get("phrase"), texts.get(sid, ())):
                            continue
                        scope: KeyphraseScope = "corpus" if sid == "corpus" else "country"
                        k = Keyphrase(e.get("phrase"), top, scope, sid)
                        if ks:
                            ks.pop()  # the list keeps its length
                    mark(k, "pinned by the desk")
                    ks.insert(0, k)
                    hit = True
            if hit:
                self._applied(e)
                if e.do == "ban-keyphrase":
                    self._note(None, f"keyphrase “{e.get('phrase')}” left out")


def _used_in(phrase: str, articles: Sequence[Article]) -> bool:
    want = f" {norm(phrase)} "
    return any(want in f" {norm(a.title)} {norm(a.text)} " for a in articles)
