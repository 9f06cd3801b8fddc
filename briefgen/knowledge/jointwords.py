"""Words of who truly acts in a sentence (book/sharedacts.py reads them), one home.

Data only: the nouns that head a group of several countries' forces or officials, the
military units a country joins a drill with, the words of a drill, the verbs that open a
group's act, the predicates of a status another country confers, and the words that
credit a quotation to a newspaper or its editorial.
"""

from __future__ import annotations

# "The militaries of the U.S., South Korea and Japan", "forces from the U.S. and …".
GROUP_NOUNS = (
    "militaries", "forces", "troops", "navies", "air forces", "leaders", "officials",
    "governments", "delegations", "defense ministers", "defence ministers",
    "foreign ministers", "envoys", "negotiators",
)  # fmt: skip
# After a list's last name: "… South Korean and Japanese air forces", "(Japan Air Self
# Defense Force) F-2 fighter jets".
UNIT_WORDS = (
    "air forces?", "air self[- ]defen[cs]e forces?", "self[- ]defen[cs]e forces?",
    "navy", "navies", "naval forces", "forces", "military", "militaries", "troops",
    "jets", "fighters", "fighter jets", "warplanes", "aircraft", "bombers", "warships",
    "destroyers", "ships", "marines", "army", "coast guard",
)  # fmt: skip
# What a joint act of forces is called ("sequenced bilateral missions", "joint drills").
DRILL_WORDS = (
    "exercises?", "drills?", "missions?", "war games?", "maneuvers?", "manoeuvres?",
    "sorties?", "show of force", "flyovers?",
)  # fmt: skip
# Words that take another country's forces in: "joined counterparts from", "joined by".
JOIN_WORDS = ("joined", "joins", "joining", "alongside", "together with", "with")
# Verbs a group of countries opens its act on ("North and South Korea have reached…",
# "the U.S. and South Korea held…"), beside any verb in -ed.
GROUP_VERBS = (
    "have", "had", "will", "would", "are", "were", "agree", "hold", "held", "met", "meet",
    "spent", "sent", "began", "begin", "signed", "sign", "vowed", "vow", "launch",
    "fire", "fired", "flew", "fly", "stage", "made", "took", "say", "said", "plan", "kept",
    "conduct", "issued", "issue",
)  # fmt: skip
# A status another country confers, told with the country as subject: "North Korea will
# now join Iran, Sudan and Syria on the terrorism list", "was designated", "was hit with".
CONFERRED = (
    r"join\w*\s+[^.;]{0,80}?\b(?:list|blacklist|designation)",
    r"(?:be\s+|been\s+|being\s+)?(?:placed|put|added|returned|relisted|listed|designated|"
    r"labell?ed|branded|hit|targeted|slapped|sanctioned|punished|removed|delisted|named)"
    r"\s+(?:back\s+)?(?:on|onto|to|as|with|by|from|a|an|the)\b",
)
# A quotation credited to a newspaper or its editorial, not to the person it names:
# "The paper added that Mr. Bolton “has argued…”", "the editorial argued".
PRESS_NOUNS = (
    "paper", "newspaper", "editorial", "editorial board", "op-ed", "column", "columnist",
    "editors", "leader column",
)  # fmt: skip
PRESS_VERBS = (
    "added", "said", "says", "argued", "argues", "wrote", "writes", "noted", "notes",
    "warned", "warns", "contended", "concluded", "declared", "stated", "opined",
)  # fmt: skip
# Where a state makes its decision known: "via a statement in state media", "in a
# statement carried by the official news agency".
STATE_CHANNELS = (
    r"state(?:-run|-controlled)?\s+(?:media|news\s+agency|television|TV|radio)",
    r"official\s+(?:media|news\s+agency)",
)
STATEMENT_WORDS = ("statement", "announcement", "communique", "declaration")
# A piece of a writer's opinion a quotation may come from: "a February 28 op-ed", "a blog".
OPINION_PIECES = ("op-ed", "editorial", "column", "blog", "opinion piece", "commentary")
WRITING_VERBS = ("wrote", "writes", "argued", "argues", "added", "penned")
# What a sentence names as why a move was made ("the case of Warmbier was part of the
# impetus for the decision"): the move's reasons, not the move.
RATIONALE_NOUNS = ("impetus", "reason", "reasons", "rationale", "motivation", "justification")
# The nouns a line points back with ("announced the measure", "the decision").
BACK_NOUNS = ("measure", "move", "decision", "step", "designation", "announcement", "action")
# Learning of another's act is no move of one's own: "Washington and Seoul were trying to
# determine what North Korea exactly launched", "South Korea's military was analysing
# the launch".
EFFORT_VERBS = ("trying", "working", "seeking", "scrambling", "struggling", "still trying")
LEARNING_VERBS = (
    "determine", "confirm", "verify", "figure out", "find out", "establish", "ascertain",
    "assess", "learn", "identify",
)  # fmt: skip
STUDY_VERBS = ("analyzing", "analysing", "assessing", "monitoring", "investigating", "studying")
