"""What a statistical figure counts: the noun phrase it quantifies (``subject``).

Rules, tried in order for each figure (the first that yields a phrase wins):

1. From the figure and the words around it, by kind:
   - count: an age (``over the age of 65``, ``aged 15-29``, ``are between 15 and
     29``) gives ``age``; ``100-kilometre`` gives ``kilometre``; else the noun
     phrase right after it (``478,000 citizens of Northern Central America`` →
     ``citizens of Northern Central America``), or after ``of`` (``two of the
     countries``); never a time unit (``12,000 a day``).
   - percent: ``30 percent of the population`` → ``population``.
   - ratio: the noun inside it (``one person in five`` → ``person``); else ``a
     third of young people`` → ``young people``; else the phrase after (``one in 50
     people`` → ``people``).
   - money: ``$5 billion in remittances``, ``of``, ``for the program`` → the
     phrase; else the noun before ``of`` (``a cost of $200 million`` → ``cost``).
   - multiplier: ``multiply their monthly incomes by a factor of 16`` → ``monthly
     incomes``.
2. A figure referring back (``the other 49``, ``half of them``) takes the subject
   of the figure before it.
3. A percent of change (``down 9%``, ``a 41 per cent increase``) takes the
   subject of the figure before it in the sentence (``1,248 deaths``).
4. ``Of these deaths, 686 ...`` → ``deaths``.
5. The subject of the previous figure of the same kind in the sentence (``and 28
   percent in El Salvador``).
6. The sentence's subject: the first noun phrase opening a clause, searching back
   from the figure's clause (``the population of young people ... has surged 51
   percent``); ``the number of X`` reduces to ``X``.

A noun phrase runs from the first word after any determiner to the last word
before a verb, a preposition other than one ``of``, a conjunction not joining
two nouns, a pronoun, a number or punctuation; an ``-ed``/``-ing`` word opens it
only as an adjective before a noun. Pronouns, bare place names, time units,
month names, generic words (``total``, ``share``) and whoever speaks or acts
(``officials``, ``CBP``) are no subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.enrichment.text import CLAUSE_BREAK, words


def _wordset(text: str) -> frozenset[str]:
    """The words of ``text`` as a set (word lists read better as one string)."""
    return frozenset(text.split())


DETERMINERS = _wordset(
    "the a an this that these those their its his her our your my all some any each every no another such "
    "both either neither more most less fewer many several"
)
PREPOSITIONS = _wordset(
    "in at on for to from by with over under since during between into through per than as about across within "
    "without among against via after before until till toward towards onto upon like beyond around throughout "
    "including versus despite along amid amongst above below"
)
CONJUNCTIONS = _wordset(
    "but nor yet so while whereas because if although though when where which who whom whose that there then "
    "whether unless"
)
AUXILIARIES = _wordset(
    "is are was were be been being has have had do does did will would can could shall should may might must "
    "am isn't aren't wasn't weren't hasn't haven't won't"
)
VERBS = _wordset(
    "said made took came went left fled rose fell grew got saw found became began kept held met paid sent spent "
    "won lost gave brought bought built thought told stood ran say says make makes take takes come comes go goes "
    "live cross crosses cite cites want wants receive receives seek seeks flee flees reach reaches include "
    "includes represent represents remain remains arrive arrives enter enters exceed exceeds reported estimated "
    "warn warns expect expects estimate estimates predict predicts believe believes die dies"
)
# Nouns that are also verbs: a verb when they follow the head of the phrase (`people face`, `population needs`).
VERBS_AFTER_HEAD = _wordset(
    "face faces need needs lack lacks brave braves hold holds risk risks stand stands show shows suggest suggests "
    "indicate indicates top tops set sets host hosts use uses used send sends"
)
ADVERBS = _wordset(
    "only also already still now then just nearly almost mostly mainly largely even ever never not often "
    "currently presently recently annually respectively approximately roughly about around some together "
    "instead however moreover furthermore indeed meanwhile here there alone down up least"
)
PRONOUNS = _wordset("those these they them it this that he she we you who which one ones")
# Words ending in -ing, -ed or -ly that are nouns or adjectives, not verbs or adverbs.
NOT_VERB_FORMS = _wordset(
    "thing things building buildings funding housing training spending meeting meetings screening processing "
    "hearing hearings ruling rulings proceeding proceedings offering offerings earnings savings holdings "
    "crossing crossings opening openings warning warnings need seed speed bed red hundred hundreds shed "
    "family families supply ally italy july assembly anomaly monopoly belly rally daily weekly monthly yearly "
    "quarterly elderly"
)
CHANGE_NOUNS = _wordset("increase decrease rise fall drop growth decline jump surge gain loss reduction")
TIME_UNITS = _wordset("day days week weeks month months quarter quarters year years annum")
# Phrases too generic to say what a figure counts.
GENERIC = _wordset("total number figure figures sum rest majority share proportion")
# Who speaks or acts rather than what is counted: never a figure's subject.
SPEAKERS = _wordset(
    "officials official experts expert doctors director directors agency agencies authorities government "
    "governments ministry minister spokesperson spokesman spokeswoman analysts researchers report reports study "
    "studies survey surveys data statement police shelter organization organisation"
)
LEADING_SKIPS = DETERMINERS | ADVERBS | _wordset("and but or while yet so")
MAX_WORDS = 6

# `age of 65`, `aged 15` and the second number of `aged 15-29`.
_AGE_DIRECT = re.compile(r"(?:\bage[sd]?\s+(?:of\s+)?|\bthe\s+age\s+of\s+)(?:\d{1,3}\s*(?:-|–|to|and)\s*)?$")
# `are between 15 and 29`, with no noun after the pair.
_AGE_PAIR_FIRST = re.compile(r"\b(?:are|were|is|was)\s+between\s+$")
_AGE_PAIR_SECOND = re.compile(r"\b(?:are|were|is|was)\s+between\s+\d{1,3}\s+(?:and|to)\s+$")
_PAIR_REST = re.compile(r"\s+(?:and|to)\s+\d{1,3}\b")
_OTHER_BEFORE = re.compile(r"\b(?:other|remaining|rest\s+of\s+the)\s+$", re.IGNORECASE)
_SPAN_NOUN = re.compile(r"^(?:one|a|an|\d+)\s+([a-z]+)\s+(?:in|out\s+of)\s+")
_MULTIPLY_BY = re.compile(
    r"\b(?:multipl|increas|rais|grow|grew|boost|expand|cut|reduc|divid)\w*\s+(?P<np>[^,;:()]{1,80}?)\s+by\s+$"
)
_OF_PRONOUN = re.compile(r"\s+of\s+(?:them|these|those|which|whom)\b", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(
    r"\b(?:down|up|rose|fell|increased|decreased|grew|dropped|declined|jumped|climbed|surged|plunged|rising|falling)"
    r"\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|some\s+|roughly\s+)?$",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(r"\s+(?:increase|decrease|rise|drop|decline|jump|fall|growth|reduction|gain)\b")
_OF_LEAD = re.compile(r"(?:^|[.;:]\s+|^\W*)Of\s+(?:these|those|the|all)?\s*(?P<np>[^,;]{1,60}),\s*$")
_NOUN_OF_BEFORE = re.compile(
    r"\b(?P<noun>[a-z][a-z-]+)\s+of\s+(?:about\s+|nearly\s+|almost\s+|some\s+|over\s+|more\s+than\s+|up\s+to\s+)?$"
)
_MONTH_WORDS = _wordset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_HYPHEN_UNIT = re.compile(r"-(?P<unit>[a-z]+)\b")
_NUMBER_OF = re.compile(r"^(?:total\s+)?(?:number|numbers|count|total|amount)\s+of\s+(?P<rest>.+)$", re.IGNORECASE)


def _is_verb_form(word: str) -> bool:
    lw = word.lower()
    if lw in NOT_VERB_FORMS:
        return False
    return lw.endswith(("ing", "ed")) or (len(lw) > 4 and lw.endswith("ly"))


def _is_speaker(phrase: str) -> bool:
    """Whether the phrase names who speaks or acts (``Officials``, ``CBP``) rather than what is counted."""
    tokens = phrase.split()
    return tokens[-1].lower() in SPEAKERS or (len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1)


def _is_content(word: str) -> bool:
    lw = word.lower()
    return (
        word[0].isalpha()
        and lw not in DETERMINERS | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES | VERBS | ADVERBS
        and lw not in ("of", "and", "or")
    )


def noun_phrase(text: str, pos: int, end: int, allow_of: bool = True) -> tuple[str, int] | None:
    """The noun phrase starting at ``text[pos:]`` (leading determiners dropped) and the offset where it ends."""
    tokens = words(text, pos, end)
    first = last = None
    count = 0
    i = 0
    while i < len(tokens):
        word, w_start, w_end = tokens[i]
        lw = word.lower()
        if first is None and lw in DETERMINERS:
            i += 1
            continue
        if lw == "of" and first is not None and allow_of:
            inner = noun_phrase(text, w_end, end, allow_of=False)
            if inner is not None:
                last = inner[1]
            break
        if lw in ("and", "or") and first is not None:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is None or not _is_content(nxt[0]) or _is_verb_form(nxt[0]):
                break
            i += 1
            continue
        if not _is_content(word):
            break
        if first is not None and (_is_verb_form(word) or lw in VERBS_AFTER_HEAD or lw in PRONOUNS):
            break
        if first is not None and word.isupper() and len(word) > 1 and not tokens[i - 1][0].isupper():
            break  # `people UNHCR helped`: an acronym after the head opens a clause
        if first is None and _is_verb_form(word):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is None or not _is_content(nxt[0]):  # `248,000 recorded in 2022`: a verb, not an adjective
                break
        if first is None:
            first = w_start
        last = w_end
        count += 1
        if count >= MAX_WORDS:
            break
        i += 1
    if first is None or last is None:
        return None
    return text[first:last], last


def _reduce(phrase: str | None, is_place: Callable[[str], bool]) -> str | None:
    """``the number of X`` → ``X``; pronouns and bare place names are no subject."""
    if phrase is None:
        return None
    m = _NUMBER_OF.match(phrase)
    if m is not None:
        rest = m.group("rest")
        first, _, tail = rest.partition(" ")
        phrase = tail if first.lower() in DETERMINERS and tail else rest
    if phrase.lower() in PRONOUNS | GENERIC | TIME_UNITS or is_place(phrase):
        return None
    if phrase.split()[0].lower().rstrip(".") in _MONTH_WORDS:
        return None
    return phrase


def _after_of(text: str, pos: int, end: int) -> str | None:
    """The noun phrase of ``of NP`` right after ``pos``."""
    tokens = words(text, pos, min(end, pos + 40))
    if not tokens or tokens[0][0].lower() != "of":
        return None
    found = noun_phrase(text, tokens[0][2], end)
    return None if found is None else found[0]


def _after_preposition(text: str, pos: int, end: int, prepositions: tuple[str, ...]) -> str | None:
    tokens = words(text, pos, min(end, pos + 40))
    if not tokens or tokens[0][0].lower() not in prepositions:
        return None
    found = noun_phrase(text, tokens[0][2], end)
    return None if found is None else found[0]


def _direct(text: str, pos: int, end: int) -> str | None:
    """The noun phrase right after ``pos`` (``8,641 work visas`` → ``work visas``), or of ``N of NP``."""
    of = _after_of(text, pos, end)
    if of is not None:
        return of
    unit = _HYPHEN_UNIT.match(text, pos)
    if unit is not None:  # `100-kilometre stretch`
        return unit.group("unit")
    tokens = words(text, pos, min(end, pos + 200))
    if not tokens or not _is_content(tokens[0][0]) and tokens[0][0].lower() not in DETERMINERS:
        return None
    if len(tokens) > 1 and tokens[0][0].lower() in ("a", "an", "each", "every") and tokens[1][0].lower() in TIME_UNITS:
        return None  # `12,000 a day`: a rate, not what is counted
    found = noun_phrase(text, pos, end)
    return None if found is None else found[0]


def is_age(text: str, start: int, end: int, value: float | None) -> bool:
    """Whether the count at ``text[start:end]`` is an age (``over the age of 65``, ``aged 15-29``)."""
    if value is None or value != int(value) or not 0 <= value <= 130:
        return False
    before = text[max(0, start - 40) : start]
    if _AGE_DIRECT.search(before):
        return True
    if _AGE_PAIR_FIRST.search(before):
        rest = _PAIR_REST.match(text, end)
        return rest is not None and _no_noun_at(text, rest.end())
    return bool(_AGE_PAIR_SECOND.search(before)) and _no_noun_at(text, end)


def _no_noun_at(text: str, pos: int) -> bool:
    tokens = words(text, pos, min(len(text), pos + 40))
    return not tokens or not _is_content(tokens[0][0])


def refers_back(text: str, start: int) -> bool:
    """Whether the figure at ``start`` refers back to an earlier one (``the other 49``)."""
    return bool(_OTHER_BEFORE.search(text[max(0, start - 30) : start]))


def clause_subject(text: str, context_start: int, pos: int, is_place: Callable[[str], bool]) -> str | None:
    """The first noun phrase opening a clause, from the clause holding ``pos`` back to the sentence start."""
    starts = [context_start] + [m.end() for m in CLAUSE_BREAK.finditer(text, context_start, pos)]
    for clause_start in reversed(starts):
        tokens = words(text, clause_start, pos)
        i = 0
        while i < len(tokens) and tokens[i][0].lower() in LEADING_SKIPS - DETERMINERS:
            i += 1
        if i >= len(tokens):
            continue
        word = tokens[i][0]
        if word.lower() not in DETERMINERS and (not _is_content(word) or _is_verb_form(word)):
            continue
        found = noun_phrase(text, tokens[i][1], pos)
        if found is None:
            continue
        head = found[0].split()[0].lower()
        if head in CHANGE_NOUNS:
            continue
        if _is_speaker(found[0]):
            return None
        return _reduce(found[0], is_place)
    return None


def own_subject(text: str, kind: str, start: int, end: int, value: float | None, context_end: int) -> str | None:
    """The subject read from the figure itself and the words right around it, or None."""
    if kind == "count":
        if is_age(text, start, end, value):
            return "age"
        return _direct(text, end, context_end)
    if kind == "percent":
        return _after_of(text, end, context_end)
    if kind == "ratio":
        inside = _SPAN_NOUN.match(text[start:end])
        if inside is not None:
            return inside.group(1)
        return _after_of(text, end, context_end) or _direct(text, end, context_end)
    if kind == "money":
        found = _after_preposition(text, end, context_end, ("in", "of")) or _after_preposition(
            text, end, context_end, ("for",)
        )
        if found is None:
            noun = _NOUN_OF_BEFORE.search(text[max(0, start - 60) : start])  # `at a cost of $200 million`
            if noun is not None and _is_content(noun.group("noun")) and noun.group("noun") not in GENERIC:
                found = noun.group("noun")
        return found
    if kind == "multiplier":
        m = _MULTIPLY_BY.search(text[max(0, start - 120) : start])
        if m is not None:
            found = noun_phrase(m.group("np"), 0, len(m.group("np")))
            return None if found is None else found[0]
    return None


def sentence_subjects(
    text: str,
    context_start: int,
    context_end: int,
    figures: Sequence[tuple[str, int, int, float | None]],
    antecedent_subject: str | None,
    is_place: Callable[[str], bool],
) -> list[str | None]:
    """Subjects of the statistical figures ``(kind, start, end, number)`` of one sentence, in order.

    ``antecedent_subject`` is the subject of the figure before the sentence, for
    figures that refer back to it (``the other 49``).
    """
    subjects: list[str | None] = []

    def previous(i: int, same_kind: str | None = None) -> str | None:
        """The subject of the nearest earlier figure (of ``same_kind``; an age only for one of the same kind)."""
        for j in range(i - 1, -1, -1):
            if subjects[j] and (same_kind is None and subjects[j] != "age" or figures[j][0] == same_kind):
                return subjects[j]
        return None

    for i, (kind, start, end, value) in enumerate(figures):
        subject = _reduce(own_subject(text, kind, start, end, value, context_end), lambda _: False)
        if subject is None and (refers_back(text, start) or _OF_PRONOUN.match(text, end)):
            subject = previous(i) or antecedent_subject
        if (
            subject is None
            and kind == "percent"
            and (_CHANGE_BEFORE.search(text[max(0, start - 40) : start]) or _CHANGE_AFTER.match(text, end))
        ):
            subject = previous(i)
        if subject is None:
            lead = _OF_LEAD.search(text[context_start:start])
            if lead is not None:
                found = noun_phrase(lead.group("np"), 0, len(lead.group("np")))
                subject = _reduce(found[0], is_place) if found else None
        if subject is None:
            subject = previous(i, same_kind=kind)
        if subject is None:
            subject = clause_subject(text, context_start, start, is_place)
        subjects.append(subject)
    return subjects
