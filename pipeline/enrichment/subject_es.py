"""What a figure counts in a Spanish document: the noun phrase it quantifies, read with Spanish function words.

The English rules of ``subject`` read Spanish clauses wrongly (``representaron el``,
``cabe destacar que el``), so a document written in Spanish (``is_spanish``) is read
with these simpler ones: the noun phrase right after the figure (``40.000 migrantes``
→ ``migrantes``, ``28.896 solicitudes de asilo`` → ``solicitudes de asilo``), after
``de`` for a percent or share (``el 50% de los ingresos por remesas`` → ``ingresos por
remesas``), and, with neither, nothing: the caller then takes the subject of the
figure before, as for English. A phrase keeps one complement with ``de`` or ``por``
and stops at any other function word, a number or punctuation.
"""

from __future__ import annotations

import re

_STOPWORDS = frozenset(
    str.split(
        """a al ante bajo con contra desde durante en entre hacia hasta mediante para por según sin sobre tras y e o
        u ni que como pero cuando donde mientras aunque si porque pues ya más menos muy también solo sólo se su sus
        lo le les es son fue fueron era eran ha han había habían será serán está están estaba estaban el la los las
        un una unos unas este esta estos estas ese esa esos esas del"""
    )
)
_DETERMINERS = frozenset(
    [
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "unos",
        "unas",
        "este",
        "esta",
        "estos",
        "estas",
        "ese",
        "esa",
        "esos",
        "esas",
        "sus",
        "su",
    ]
)
# Scale and currency words after a figure: `2.7 millones de guatemaltecos` counts guatemaltecos, `de dólares` nothing.
_SCALE = frozenset(["mil", "miles", "millón", "millones", "billón", "billones"])
_CURRENCY = frozenset(["dólares", "dólar", "pesos", "peso", "euros", "euro", "quetzales", "lempiras", "colones"])
# Verb endings and common verbs that end a noun phrase (`personas alcanzaron`, `remesas llegan`).
_VERB_ENDINGS = ("aron", "ieron", "aban", "ían", "arán", "erán", "irán")
_PARTICIPLES = ("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas")
_VERBS = frozenset(
    [
        "llegan",
        "llegó",
        "llega",
        "suman",
        "suma",
        "sumaron",
        "representan",
        "representa",
        "representó",
        "alcanzan",
        "alcanza",
        "alcanzó",
        "cayeron",
        "cayó",
        "subieron",
        "subió",
        "crecieron",
        "creció",
        "aumentaron",
        "aumentó",
        "registraron",
        "registró",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_MAX_WORDS = 5
# Words Spanish writes often and French, Portuguese and English do not.
_SPANISH_MARKERS = re.compile(r"\b(?:el|los|las|del|y|por|para|con|una|según|millones|año|años)\b")
_ENGLISH_MARKERS = re.compile(r"\b(?:the|of|and|to|in|that|for|with|was|were|from|by)\b")


def is_spanish(text: str) -> bool:
    """Whether a document is written in Spanish: its Spanish function words outnumber its English ones."""
    sample = text[:20_000].lower()
    return len(_SPANISH_MARKERS.findall(sample)) > 2 * len(_ENGLISH_MARKERS.findall(sample)) + 5


def _phrase(text: str, pos: int, end: int) -> str | None:
    """The noun phrase starting at ``pos`` (determiners skipped), keeping one ``de``/``por`` complement."""
    words: list[str] = []
    complement = False
    for m in _WORD.finditer(text, pos, end):
        gap = text[pos : m.start()]
        if gap.strip():  # punctuation or a number between words ends the phrase
            break
        word = m.group().lower()
        pos = m.end()
        if not words and word in _DETERMINERS:
            continue
        if not words and word == "de":
            continue  # after a scale word
        if words and word in ("de", "por") and not complement:
            complement = True
            words.append(word)
            continue
        if word in _STOPWORDS or word in _VERBS or word.endswith(_VERB_ENDINGS):
            break
        if words and word.endswith(_PARTICIPLES):
            break  # `28.896 guatemaltecos deportados por vía aérea` counts guatemaltecos
        if not words and word in _SCALE:
            continue  # `2.7 millones de guatemaltecos`
        if not words and word in _CURRENCY:
            return None
        if complement and words[-1] not in ("de", "por") and len(words) >= 3:
            break
        words.append(m.group())
        if len(words) >= _MAX_WORDS:
            break
    while words and words[-1].lower() in ("de", "por"):
        words.pop()
    return " ".join(words) if words else None


def spanish_subject(text: str, kind: str, start: int, end: int, sentence_end: int) -> str | None:
    """The subject of the figure ``text[start:end]`` of a Spanish sentence ending at ``sentence_end``, or None."""
    after = text[end:sentence_end]
    lead = re.match(r"\s*(?:de\s+(?:los\s+|las\s+|el\s+|la\s+)?|del\s+)", after)
    if kind in ("percent", "ratio") or lead is not None:
        if lead is None:
            return None  # `un aumento del 7%`: the change of what the figure before counts
        return _phrase(text, end + lead.end(), sentence_end)
    return _phrase(text, end, sentence_end)
