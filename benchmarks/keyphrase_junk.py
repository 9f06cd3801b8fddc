"""Junk in keyphrase_lists.py's printed lists, counted against a hand-judged set (stop 30).

    .venv/bin/python benchmarks/keyphrase_lists.py --cache DIR --split tune \
        $(for w in <USED_JUDGE_WEEKS>; do echo --week allsides:$w; done) > lists.txt
    .venv/bin/python benchmarks/keyphrase_junk.py before.txt after.txt

Counts, per file, every entry of every corpus and country list of the train and dev
weeks, and apart of the used judge weeks (printed as "debug"), and how many are in JUNK,
by kind: people described, bodies described, a country's common thing, colour (judged,
figurative, off the subject, places).  The set is one reader's judgement of the lists
of stop 30 (before and after the kind rules of nlp/kpkeep.py); a phrase new in a later
list is not junk until someone judges it and adds it here.  Never run on test weeks.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

JUNK: dict[str, str] = {
    "people": """North Korean hackers|North Korean spies|permanent council member|UN assistant secretary-general|California Democrat|Hollywood royalty|evil foreign imperialists|Hollywood talkers|frightened executives|regional powers|military personnel|global powers|North Korean soldiers|revolutionary forces|American public|Jeb Bushes|business executive|famous Korean pop stars|senior research associate|Cui Tiankai|Sean Hannity|South Korean railway workers|South Korean troops|main economic backer|great American workers|Exxon Mobil Corp chief executive|double agent|political partisan|Senate Democrat|Venezuelan security agents|low IQ individual|Japanese host|Democratic presidential hopeful|North Korean operatives|South Korean agent|U.S. rulers|U.N. suspects|White House Correspondents|wonderful gentlemen|human rights advocates|Federalist Co-Founder Sean Davis|world powers|member countries|U.S. imperialist aggressor forces|biggest economic patron|communist dictatorship|neo-imperialist Communist dictatorship|South Korean police|Trump scuttle|trump plans|trump warns|Trump backs|Maduro subject|Pyongyang McDonald""",
    "body": """human rights group|non-partisan foreign policy think tank|think tank|Korean Peninsula Future Forum|Asia Society|House intelligence committee|South Korea National Assembly|South Korean National Assembly|U.S. Senate|U.S. Congress|Central Military Commission|supreme command|powerful National Defense Commission|Regal Entertainment|major multinational corporation|Hollywood studio|Chinese conglomerate|South Korean companies|great American companies|U.S. Navy|North Korean monitoring service|world body|international society|staid United Nations General Assembly|Foreign Assets Control|New American Security discussion|White House position""",
    "country_thing": """South Korean trucks|Japanese Navy ships|Japanese destroyers|U.S. warships|U.S. warship|South Korean warship|U.S. mainland|U.S. states|U.S. capabilities|American commitment|U.S. credibility|U.S. frustration|South Korean fatalities|preferential American visas|Chinese border|North Korean border|Pyongyang time|U.S. presidency|Chinese cooperation|U.S. naïveté|U.S. jurisdiction|Chinese investments|Chinese mercantilism|North Korean prison|North Korean custody|North Korean malfeasance|Russia inquiry|U.S. military equipment""",
    "colour": """Hollywood lingo|IP addresses|North Korean national Internet|U.S. Pacific Northwest|acid-resistant tiles|bizarre existence|box office|central goal|closed-door briefings|direct address|global uncertainty|halting activity|high-profile posts|intractable problem|ironclad commitment|lowest Internet penetrations|media coverage|missed opportunity|nefarious foreign espionage operations|personal cowardice|political contributions|red light|regular contact|remarkable foreign policy moment|straight failure|supreme test|undisclosed location|union speech|unreleased movie|unusual press announcement|South summit|Foreign Investment|little family business|long line|little success|little agreement|wonderful|easy answers|fragile patience|illusory promises|delusional fashion|stable world|messy intervention|scathing personal attack|savvy politicking|senseless cultural arrogance|groundless slander|motivated dangerous attempt|acceptable international behavior|minimum standards|different priorities|distant future|short term|long flight|positive development results|quantum leap|iron grip|Easter weekend|earliest possible date|conflicting information|natural event|strategic thought|strategic implications|international attention|imminent release|exact capabilities|cautious American reaction|similar thought process|personnel decision|internal deliberations|subsequent tweets|small meeting|presidential watch|Twitter post|sales job|charter fight|press briefing|campaign ads|flag-waving ceremony|closing ceremony|Olympics closing ceremony|Gridiron event|pop culture|holiday blockbuster|London subway station figure|World Trade Center II|Palm Beach|real estate projects|business dealings|taxpayer dollars|infrastructure sectors|mobile phones|search engine|World Wide Web|human conditions|climate change|economic partnerships|aggressive speech|national pride|single strike|Rodong Sinmum|strategic calculus|heavily-fortified buffer|high trajectory|democratic Korea|presidential trip|infamous unconfirmed Trump dossier|UN processes|war skepticism|technical checks|Democratic demands|juvenile Twitter taunts|eke concessions|Israeli-Palestinian conflict|White House Easter Egg Roll|recent Chinese research|powerful U.S. aircraft|Trump-Kim handshake|main channels|great Economic Powerhouse|revived economy|Sunni states|Islamic world|Middle East|Southeast Asia|East Asia|Eastern Europe|Union address|productive meeting|sanctions ban countries|War|wonderful gentlemen|Obama policies|ObamaCare Individual Mandate|Iran Deal announcement|significant diplomatic announcement|world commerce|Japanese host|European-brokered fix|great American companies|great American workers|Republican presidential nomination|Democratic presidential nomination|member countries|world powers|Maduro subject|international society|de-escalate tensions|White House Correspondents|U.S. rulers|Asia Society""",
}
KIND = {p: k for k, v in JUNK.items() for p in v.split("|")}


def weeks(path: str) -> Iterator[tuple[tuple[str, str], str, list[str]]]:
    """((week, split), list id, phrases) of each printed list."""
    cur = None
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in lines:
        m = re.match(r"== (\S+) \((\w+)\)", line)
        if m:
            cur = (m.group(1), m.group(2))
            continue
        m = re.match(r"\s+\[(\w+)\] ?(.*)", line)
        if m and cur:
            yield cur, m.group(1), [p.strip() for p in m.group(2).split(" | ") if p.strip()]


def count(path: str, splits: set[str]) -> tuple[int, dict[str, list[str]]]:
    """Entries of the lists of weeks in `splits`, and the junk among them by kind."""
    tot = 0
    junk: dict[str, list[str]] = {}
    for (_week, sp), _gid, ps in weeks(path):
        if sp not in splits:
            continue
        tot += len(ps)
        for p in ps:
            if p in KIND:
                junk.setdefault(KIND[p], []).append(p)
    return tot, junk


def main(paths: list[str]) -> int:
    for label, splits in (("train+dev", {"train", "dev"}), ("used judge", {"debug"})):
        for path in paths:
            tot, junk = count(path, splits)
            n = sum(len(v) for v in junk.values())
            kinds = "  ".join(f"{k} {len(v)}" for k, v in sorted(junk.items()))
            print(f"{label:10s} {path.split('/')[-1]:18s} entries {tot:4d} junk {n:3d}  {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
