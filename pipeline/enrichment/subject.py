"""What a statistical figure counts: the noun phrase it quantifies (``subject``).

Rules, tried in order for each figure (the first that yields a phrase wins):

1. From the figure and the words around it, by kind:
   - count: an age (``over the age of 65``, ``aged 15-29``, ``are between 15 and
     29``) gives ``age``; ``100-kilometre`` gives ``kilometre``; else the noun
     phrase right after it (``478,000 citizens of Northern Central America`` →
     ``citizens of Northern Central America``), or after ``of`` (``two of the
     countries``); never a time unit (``12,000 a day``).
   - percent: ``30 percent of the population`` → ``population``; ``a 22 percent
     increase in deportations`` → ``deportations``.
   - ratio: the noun inside it (``one person in five`` → ``person``); else ``a
     third of young people`` → ``young people``; else the phrase after (``one in 50
     people`` → ``people``).
   - money: ``$5 billion in remittances``, ``of``, ``for the program`` → the
     phrase; else the noun before ``of`` (``a cost of $200 million`` → ``cost``).
   - multiplier: ``multiply their monthly incomes by a factor of 16`` → ``monthly
     incomes``.
   - any kind but multiplier, with nothing else found: the noun the figure is
     ``of`` (``a budget of just 47 million pesos`` → ``budget``), never a level
     reached (``record``, ``average``) or a change (``a drop of 82%``).
2. A figure referring back (``the other 49``, ``half of them``) takes the subject
   of the figure before it.
3. A percent of change (``down 9%``, ``a 41 per cent increase``) takes the
   subject of the figure before it in the sentence (``1,248 deaths``).
   A figure with no noun of its own counts what the figure before it in the
   sentence counts when it is a ratio (``a survey of 900 returnees found that
   one in four``), a multiplier compared with it (``double the 248,000``,
   ``three times as many``) or in apposition (``a third of all claims, some
   334,000``); a ratio with no figure before it reads the phrase after it.
4. ``Of these deaths, 686 ...`` → ``deaths``.
5. The subject of the previous figure of the same kind in the sentence (``and 28
   percent in El Salvador``).
6. The sentence's subject: the first noun phrase opening a clause, searching back
   from the figure's clause (``the population of young people ... has surged 51
   percent``); ``the number of X`` reduces to ``X``. Clauses open at punctuation
   and after ``that``, ``as``, ``how``, ``when``, ``said`` and the like (``said
   arrivals had tripled``); a parenthesis closed before the figure opens none
   (``countries (LMICs) are expected to reach``); an opening time phrase with
   no comma is skipped (``for fiscal 2024 the ceiling is``). When that subject
   is only a place (``Colombia hosts about 2.9 million``), the figure continues
   the last figure of the sentence before, if of the same kind.

A noun phrase runs from the first word after any determiner to the last word
before a verb, a preposition other than one ``of``, a conjunction not joining
two nouns, a pronoun, a number or punctuation; an ``-ed``/``-ing`` word opens it
only as an adjective before a noun. Pronouns, bare place names, time units,
month names, phrases ending in a time unit (``last year``), generic words
(``total``, ``share``) and whoever speaks or acts (``officials``, ``CBP``) are
no subject; the plural of a demonym (``Venezuelans``) names people, so it is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.enrichment.text import CLAUSE_BREAK, Words, words


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
    "including versus despite along amid amongst above below near en"
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
    "indicate indicates top tops set sets host hosts use uses used send sends pay pays hit hits pass passes "
    "depend depends wait waits"
)
ADVERBS = _wordset(
    "only also already still now then just nearly almost mostly mainly largely even ever never not often "
    "currently presently recently annually respectively approximately roughly about around some together "
    "instead however moreover furthermore indeed meanwhile here there alone down up least nationwide worldwide "
    "overall abroad back out present"
)
PRONOUNS = _wordset(
    "those these they them it this that he she we you who which one ones that's that’s it's it’s there's there’s "
    "what's what’s"
)
# Words ending in -ing, -ed or -ly that are nouns or adjectives, not verbs or adverbs.
NOT_VERB_FORMS = _wordset(
    "thing things building buildings funding housing training spending meeting meetings screening processing "
    "hearing hearings ruling rulings proceeding proceedings offering offerings earnings savings holdings "
    "crossing crossings opening openings warning warnings need seed speed bed red hundred hundreds shed "
    "family families supply ally italy july assembly anomaly monopoly belly rally daily weekly monthly yearly "
    "quarterly elderly"
)
CHANGE_NOUNS = _wordset("increase decrease rise fall drop growth decline jump surge gain loss reduction")
# Adverbs of frequency: after the head they end the phrase (`1,000 appointments daily`).
RATE_ADVERBS = _wordset("daily weekly monthly yearly annually quarterly")
# Words that open a clause inside a sentence: its subject follows (`said arrivals had tripled`, `as arrivals triple`).
CLAUSE_OPENERS = _wordset(
    "that as how why while whereas because when where although though if said says say told found finds shows "
    "showed warned warns"
)
TIME_UNITS = _wordset("day days week weeks month months quarter quarters year years annum")
# Phrases too generic to say what a figure counts.
GENERIC = _wordset(
    "total number figure figures sum rest majority share proportion numbers data statistics list date out contrary"
)
# Nouns of `N of <figure>` that name a level reached, not what is counted (`a record of 129,000`).
LEVEL_NOUNS = _wordset("record high low level peak average mean median factor age")
# Opening quotes and brackets a clause may start with.
OPENING_MARKS = frozenset("\"“‘'([")
# Who speaks or acts rather than what is counted: never a figure's subject.
SPEAKERS = _wordset(
    "officials official experts expert doctors director directors agency agencies authorities government "
    "governments ministry minister spokesperson spokesman spokeswoman analysts researchers report reports study "
    "studies survey surveys data statement police shelter organization organisation institute department office "
    "service commission agents agent officers officer guards rescuers"
)
NUMBER_WORDS = _wordset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds "
    "thousand thousands million millions billion half third thirds quarter quarters fifth fifths dozen dozens"
)
LEADING_SKIPS = DETERMINERS | ADVERBS | _wordset("and but or while yet so")
_CLAUSE_SKIPS = LEADING_SKIPS - DETERMINERS
MAX_WORDS = 6
# Bounds on the words one figure reads, far above what any sentence of prose needs, so that
# a run of figures or clauses without a full stop costs time in proportion to its length:
MAX_LOOKBACK = 1000  # characters before the figure its sentence is read back over
MAX_CLAUSES = 32  # clauses, nearest first, searched for the sentence's subject
MAX_SKIPS = 16  # words skipped at a clause's start (`and`, `only`, quotes)
MAX_DETERMINERS = 16  # determiners before a noun phrase's first word

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
# `of them`, `of whom`; `of these` only without a noun after it (`118,772 of these petitions` counts petitions)
_OF_PRONOUN = re.compile(r"\s+of\s+(?:them|which|whom|(?:these|those)(?!\s+[a-z]))\b", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(
    r"\b(?:down|up|rose|fell|increased|decreased|grew|dropped|declined|jumped|climbed|surged|plunged|rising|falling)"
    r"\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|some\s+|roughly\s+)?$",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(
    r"\s+(?:(?:annual|monthly|yearly|quarterly|year-on-year|year-over-year|interannual)\s+)?"
    r"(?:increase|decrease|rise|drop|decline|jump|fall|growth|reduction|gain)\b"
)
_OF_LEAD = re.compile(r"(?:^|[.;:]\s+|^\W*)Of\s+(?:these|those|the|all)?\s*(?P<np>[^,;]{1,60}),\s*$")
_NOUN_OF_BEFORE = re.compile(
    r"\b(?P<noun>[a-z][a-z-]+)[\"”’']?\s+of\s+(?:(?:about|nearly|almost|some|over|under|just|only|around|roughly|"
    r"approximately|at\s+least|more\s+than|less\s+than|fewer\s+than|up\s+to)\s+)*$"
)
_MONTH_WORDS = _wordset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_CHANGE_IN = re.compile(
    r"\s+(?:(?:annual|monthly|yearly|quarterly|year-on-year|year-over-year|interannual)\s+)?"
    r"(?:increase|decrease|rise|drop|decline|jump|fall|growth|reduction|gain)s?\s+(?:in|of)\s+",
    re.IGNORECASE,
)
_CHANGE_ON = re.compile(
    r"^\s+(?:increase|decrease|rise|drop|decline|jump|fall|reduction)\s+(?:on|over|from|compared\s+with)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:(?:about|nearly|some|roughly)\s+)?$",
    re.IGNORECASE,
)
_COMPARED_WITH = re.compile(r"\s+(?:the|what|as)\b")
_APPOSITION = re.compile(
    r"^[^,;:()—–]{0,80}(?:,|\s[-—–]|[—–])\s*(?:(?:some|about|around|roughly|nearly|almost|approximately|over|or|"
    r"more\s+than|at\s+least)\s+)*$"
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


_FUNCTION_WORDS = DETERMINERS | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES | VERBS | ADVERBS | {"of", "and", "or"}


def _is_content(word: str) -> bool:
    """Whether a word can be part of a noun phrase: a word of letters that is no function word or verb."""
    return word[0].isalpha() and word.lower() not in _FUNCTION_WORDS


def noun_phrase(text: str, pos: int, end: int, allow_of: bool = True) -> tuple[str, int] | None:
    """The noun phrase starting at ``text[pos:]`` (leading determiners dropped) and the offset where it ends."""
    return _phrase_at(text, Words(text, pos, end), 0, allow_of)  # read as far as the phrase goes, not to ``end``


def _phrase_at(text: str, tokens: Words, i: int, allow_of: bool = True) -> tuple[str, int] | None:
    """The noun phrase of ``noun_phrase`` starting at the word ``tokens[i]``."""
    first = last = None
    count = 0
    opening = i
    while (token := tokens.get(i)) is not None:
        word, w_start, w_end = token
        lw = word.lower()
        nxt = tokens.get(i + 1)
        if first is None and lw in DETERMINERS:
            if i - opening >= MAX_DETERMINERS:
                return None
            i += 1
            continue
        if first is None and lw == "least" and nxt is not None and _is_content(nxt[0]):
            first, last, count = w_start, nxt[2], 2  # `the 46 least developed countries`
            i += 2
            continue
        if lw == "of" and first is not None and allow_of:
            inner = _phrase_at(text, tokens, i + 1, allow_of=False)  # the words after ``of``
            if inner is not None:
                last = inner[1]
            break
        if lw in ("and", "or") and first is not None:
            if nxt is None or not _is_content(nxt[0]) or _is_verb_form(nxt[0]):
                break
            i += 1
            continue
        if _ends_phrase(tokens, i, opening, started=first is not None):
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


def _ends_phrase(tokens: Words, i: int, opening: int, started: bool) -> bool:
    """Whether the word ``tokens[i]`` ends the noun phrase read from ``tokens[opening]`` (``started``
    if it has a word already) instead of joining it: a function word, a number opening it, a verb."""
    word = tokens[i][0]
    if not _is_content(word) or not started and word.lower() in NUMBER_WORDS:
        return True
    if started:
        return _ends_after_head(tokens, i)
    return _verb_not_noun(tokens, i, opening)


def _ends_after_head(tokens: Words, i: int) -> bool:
    """Whether the word ``tokens[i]``, after the phrase's first word, opens what follows the phrase:
    a verb form, a pronoun, a rate adverb before no noun, or an acronym after a lower-case word."""
    word = tokens[i][0]
    lw = word.lower()
    nxt = tokens.get(i + 1)
    if lw in ("last", "next", "past", "previous") and nxt is not None and nxt[0].lower() in TIME_UNITS:
        return True  # `petitions last year`: the time, not part of what is counted
    if (
        _is_verb_form(word)
        or lw in VERBS_AFTER_HEAD
        or lw in PRONOUNS
        or lw in RATE_ADVERBS
        and (nxt is None or not _is_content(nxt[0]))
    ):
        return True
    return word.isupper() and len(word) > 1 and not tokens[i - 1][0].isupper()  # `people UNHCR helped`


def _verb_not_noun(tokens: Words, i: int, opening: int) -> bool:
    """Whether the word ``tokens[i]``, which would open the phrase, is a verb rather than a noun
    (``248,000 recorded in 2022``, ``the record of 129,000 set in 2021``; but ``the ceiling for
    the region`` is a noun)."""
    word = tokens[i][0]
    lw = word.lower()
    nxt = tokens.get(i + 1)
    if lw.endswith("ing") and i == opening and nxt is not None and nxt[0].lower() in ("the", "a", "an", "their"):
        return True  # `4,852 crossing the border`: a participle, not `crossings`
    if _is_verb_form(word) and (nxt is None or not _is_content(nxt[0])):
        before_preposition = nxt is not None and nxt[0].lower() in _PREPOSITIONS_OR_AUXILIARIES
        after_determiner = i > opening and tokens[i - 1][0].lower() in DETERMINERS
        if not (lw.endswith("ing") and after_determiner and before_preposition):
            return True
    return lw in VERBS_AFTER_HEAD and (nxt is None or nxt[0].lower() in PREPOSITIONS)


def _reduce(phrase: str | None, is_place: Callable[[str], bool]) -> str | None:
    """``the number of X`` → ``X``; pronouns and bare place names are no subject."""
    if phrase is None:
        return None
    m = _NUMBER_OF.match(phrase)
    if m is not None:
        rest = m.group("rest")
        first, _, tail = rest.partition(" ")
        phrase = tail if first.lower() in DETERMINERS and tail else rest
    if phrase.lower() in _NO_SUBJECT_WORDS or phrase.split()[-1].lower() in TIME_UNITS or is_place(phrase):
        return None  # `half a million last year`: a time, not what is counted
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


_DETERMINERS_OR_LEAST = DETERMINERS | {"least"}
_PREPOSITIONS_OR_AUXILIARIES = PREPOSITIONS | AUXILIARIES | {"of"}
_NO_SUBJECT_WORDS = PRONOUNS | GENERIC | NUMBER_WORDS
_NOT_COUNTED_NOUNS = GENERIC | LEVEL_NOUNS | CHANGE_NOUNS | TIME_UNITS | NUMBER_WORDS
_VERBS_OR_AUXILIARIES = VERBS | AUXILIARIES


def _direct(text: str, pos: int, end: int) -> str | None:
    """The noun phrase right after ``pos`` (``8,641 work visas`` → ``work visas``), or of ``N of NP``."""
    of = _after_of(text, pos, end)
    if of is not None:
        return of
    unit = _HYPHEN_UNIT.match(text, pos)
    if unit is not None:  # `100-kilometre stretch`
        return unit.group("unit")
    tokens = Words(text, pos, min(end, pos + 200))
    first, second = tokens.get(0), tokens.get(1)
    if first is None or not _is_content(first[0]) and first[0].lower() not in _DETERMINERS_OR_LEAST:
        return None
    if second is not None and first[0].lower() in ("a", "an", "each", "every") and second[0].lower() in TIME_UNITS:
        return None  # `12,000 a day`: a rate, not what is counted
    found = noun_phrase(text, pos, end)
    return None if found is None else found[0]


def is_age(text: str, start: int, end: int, value: float | None) -> bool:
    """Whether the count at ``text[start:end]`` is an age (``over the age of 65``, ``aged 15-29``)."""
    if value is None or not 0 <= value <= 130 or value != int(value):  # int() of 1e400 (infinity) overflows
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


_CLOSED_PARENTHESIS = re.compile(r"\([^()]*\)")
# A clause opener as a whole word of ``words``: not inside a longer word (``Texas``, ``that's``),
# though it may follow a hyphen or quote that is no part of one (``5-that``, `'as`).
_OPENER_RE = re.compile(
    r"(?<![A-Za-z'’-])[-'’]*(?:" + "|".join(sorted(CLAUSE_OPENERS, key=len, reverse=True)) + r")(?![A-Za-z'’-])",
    re.IGNORECASE | re.ASCII,
)
_LETTER_RE = re.compile(r"[A-Za-z]")
_CLAUSE_WINDOW = 256
_SPACE_RE = re.compile(r"\s")
_PARENTHESIS_RE = re.compile(r"[()]")
# Where a window's clause starts agree with the sentence's: after white space, at a character no
# break (``\s[-–—]\s``), opener or word cut at the window's edge reaches past.
_WINDOW_EDGE_RE = re.compile(r"\s[\s\-–—'’]*[^\s\-–—'’]")


def _clause_starts(text: str, context_start: int, pos: int, limit: int) -> list[int]:
    """The last ``limit`` places before ``pos`` where clauses open: the sentence start, after a clause break,
    after a clause opener.

    A parenthesis closed before ``pos`` (``countries (LMICs) are expected``) opens no clause.
    In a long sentence with many clauses (a list of figures), only its last ``_CLAUSE_WINDOW``
    characters are read when they hold that many.
    """
    lo = pos - _CLAUSE_WINDOW
    if lo > context_start:
        found = _window_clause_starts(text, context_start, lo, pos)
        if len(found) >= limit:
            return found[-limit:]
    return _starts_in(_masked(text, context_start, pos), context_start)[-limit:]


def _masked(text: str, lo: int, pos: int) -> str:
    """``text[lo:pos]`` with its closed parentheses blanked."""
    masked = text[lo:pos]
    if "(" in masked:
        masked = _CLOSED_PARENTHESIS.sub(lambda m: " " * len(m.group()), masked)
    return masked


def _starts_in(masked: str, lo: int) -> list[int]:
    """The clause starts of ``masked`` (``text[lo:pos]``, parentheses blanked) read as a sentence starting at ``lo``."""
    starts = {lo}
    starts.update(lo + m.end() for m in CLAUSE_BREAK.finditer(masked))
    if _LETTER_RE.search(masked):  # (a list of figures has none, and the scan costs more than this test)
        starts.update(lo + m.end() for m in _OPENER_RE.finditer(masked))  # the openers among ``words``
    return sorted(starts)


def _window_clause_starts(text: str, context_start: int, lo: int, pos: int) -> list[int]:
    """The clause starts of the sentence from ``context_start`` that the window ``text[lo:pos]`` decides alone.

    Those past the window's first character after white space that is neither white space nor
    a dash or quote: no break (``\\s[-–—]\\s``), opener or word cut by the window's edge reaches it.
    None when a parenthesis opened before the window closes inside it (the sentence blanks it, the window would not).
    """
    first = _PARENTHESIS_RE.search(text, lo, pos)
    if (
        first is not None
        and first.group() == ")"
        and text.rfind("(", context_start, lo) > text.rfind(")", context_start, lo)
    ):
        return []
    masked = _masked(text, lo, pos)
    edge = _WINDOW_EDGE_RE.search(masked)
    if edge is None:
        return []
    return [s for s in _starts_in(masked, lo) if s >= lo + edge.end()]


def _after_time_phrase(tokens: Words, i: int) -> int:
    """Index of the word after an opening time phrase with no comma (``for fiscal 2024 the ceiling``), else ``i``."""
    token = tokens.get(i)
    if token is None or token[0].lower() not in PREPOSITIONS:
        return i
    for j in range(i + 1, i + 6):
        after = tokens.get(j + 1)
        if after is None:
            break
        word = tokens[j][0].lower()
        is_time = word[0].isdigit() or word in TIME_UNITS or word.rstrip(".") in _MONTH_WORDS
        if is_time and after[0].lower() in DETERMINERS:
            return j + 1
    return i


def _lookback_start(text: str, context_start: int, pos: int) -> int:
    """Where the words before ``pos`` are read from: the sentence's start, or in a sentence with
    more than ``MAX_LOOKBACK`` characters before ``pos`` (no prose has one) the first word within them."""
    lo = pos - MAX_LOOKBACK
    if lo <= context_start:
        return context_start
    space = text.find(" ", lo, pos)
    return space + 1 if space >= 0 else lo


def clause_subject_phrase(
    text: str, context_start: int, pos: int, known: dict[int, tuple[bool, str | None]] | None = None
) -> str | None:
    """The first noun phrase opening a clause, from the clause holding ``pos`` back to the sentence start.

    None when there is none, or when it names whoever speaks or acts (``Officials say``).
    At most the ``MAX_CLAUSES`` nearest clauses are searched. ``known`` keeps, across the
    figures of one sentence, what a clause gave when that no longer depends on ``pos``.
    """
    for clause_start in reversed(_clause_starts(text, context_start, pos, MAX_CLAUSES)):
        found = known.get(clause_start) if known is not None else None
        if found is None:
            found, settled = _clause_subject(text, clause_start, pos)
            if settled and known is not None:
                known[clause_start] = found
        if found[0]:
            return found[1]
    return None


def _clause_subject(text: str, clause_start: int, pos: int) -> tuple[tuple[bool, str | None], bool]:
    """What the clause opening at ``clause_start`` gives: (whether it decides, the phrase), and whether
    that holds for any later ``pos`` (the words read end before white space before ``pos``)."""
    tokens = Words(text, clause_start, pos)
    found = _clause_phrase(text, tokens)
    settled = not tokens.exhausted and _SPACE_RE.search(text, tokens.reach, pos) is not None
    return found, settled


def _clause_phrase(text: str, tokens: Words) -> tuple[bool, str | None]:
    """(True, phrase) when the clause of ``tokens`` opens with a subject (phrase None for a speaker),
    else (False, None)."""
    i = 0
    while (token := tokens.get(i)) is not None and (token[0].lower() in _CLAUSE_SKIPS or token[0] in OPENING_MARKS):
        i += 1
        if i >= MAX_SKIPS:
            return False, None
    i = _after_time_phrase(tokens, i)
    token = tokens.get(i)
    if token is None:
        return False, None
    word = token[0]
    if word.lower() not in DETERMINERS and not _is_content(word):
        return False, None
    found = _phrase_at(text, tokens, i)
    if found is None:
        return False, None
    if _is_verb_form(word) and len(found[0].split()) < 2:
        return False, None  # `making it`, but `Unaccompanied children`
    head = found[0].split()[0].lower()
    if head in CHANGE_NOUNS or found[0].lower() in PRONOUNS:
        return False, None
    if _is_speaker(found[0]):
        return True, None
    return True, found[0]


def _noun_of_before(text: str, start: int) -> str | None:
    """``a cost of $200 million`` → ``cost``; None for a level reached (``a record of``) or a change (``a drop of``)."""
    m = _NOUN_OF_BEFORE.search(text[max(0, start - 80) : start])
    if m is None:
        return None
    noun = m.group("noun")
    if not _is_content(noun) or noun in _NOT_COUNTED_NOUNS:
        return None
    return noun


def _change_in(text: str, end: int, context_end: int) -> str | None:
    """``a 35 percent increase in crossings`` → ``crossings``."""
    m = _CHANGE_IN.match(text, end, context_end)
    if m is None:
        return None
    found = noun_phrase(text, m.end(), context_end)
    return None if found is None else _reduce(found[0], lambda _: False)  # `growth in the number of shipments`


def _verb_follows(text: str, end: int, context_end: int) -> bool:
    """Whether a verb form comes right after the figure (``one in three used part of the money``)."""
    tokens = words(text, end, min(context_end, end + 30))
    return bool(tokens) and tokens[0][0][0].isalpha() and _is_verb_form(tokens[0][0])


def own_subject(text: str, kind: str, start: int, end: int, value: float | None, context_end: int) -> str | None:
    """The subject read from the figure itself and the words right around it, or None."""
    found: str | None = None
    if kind == "count":
        if is_age(text, start, end, value):
            return "age"
        found = _direct(text, end, context_end)
    elif kind == "percent":
        found = _after_of(text, end, context_end) or _change_in(text, end, context_end)
    elif kind == "ratio":
        inside = _SPAN_NOUN.match(text[start:end])
        if inside is not None:
            return inside.group(1)
        found = _after_of(text, end, context_end)
        if found is None and not _verb_follows(text, end, context_end):
            found = _direct(text, end, context_end)
        if found is None:
            return None  # `one in three used part of the money`: the population of the figure before
    elif kind == "money":
        found = (
            _after_preposition(text, end, context_end, ("in", "of"))
            or _after_preposition(text, end, context_end, ("for", "on"))
            or _change_in(text, end, context_end)
        )
    elif kind == "multiplier":
        m = _MULTIPLY_BY.search(text[max(0, start - 120) : start])
        if m is not None:
            np = noun_phrase(m.group("np"), 0, len(m.group("np")))
            return None if np is None else np[0]
        return _change_in(text, end, context_end)
    if found is None:
        found = _noun_of_before(text, start)  # `at a cost of $200 million`, `the target of 3 percent`
    return found


def sentence_subjects(
    text: str,
    context_start: int,
    context_end: int,
    figures: Sequence[tuple[str, int, int, float | None]],
    antecedent_subject: str | None,
    is_place: Callable[[str], bool],
    antecedent_kind: str | None = None,
) -> list[str | None]:
    """Subjects of the statistical figures ``(kind, start, end, number)`` of one sentence, in order.

    ``antecedent_subject`` is the subject of the figure before the sentence (of
    kind ``antecedent_kind``), for figures that refer back to it (``the other
    49``) or continue it (``Colombia hosts about 2.9 million``).
    """
    subjects: list[str | None] = []
    recent = _RecentSubjects()
    known: dict[int, tuple[bool, str | None]] = {}  # what each clause gave, for the figures after
    for i, (kind, start, end, value) in enumerate(figures):
        subject = _reduce(own_subject(text, kind, start, end, value, context_end), lambda _: False)
        if subject is None and (refers_back(text, start) or _OF_PRONOUN.match(text, end)):
            subject = recent.any or antecedent_subject
        if subject is None and _is_change(text, kind, start, end):
            subject = recent.any
        if subject is None and i > 0 and _continues_previous(text, kind, figures[i - 1][2], start, end):
            subject = recent.any
        if subject is None and kind == "ratio":  # `1 in 4 recorded deaths`, with no figure before to count
            subject = _reduce(_direct(text, end, context_end), lambda _: False)
        lookback = _lookback_start(text, context_start, start)
        if subject is None:
            subject = _of_lead_subject(text, lookback, start, is_place)
        if subject is None:
            subject = recent.of_kind.get(kind)
        if subject is None:
            subject = _clause_opening_subject(
                text, lookback, start, kind, is_place, (antecedent_subject, antecedent_kind), known
            )
        subject = head_phrase(subject)
        subjects.append(subject)
        if not DEMONSTRATIVE.search(text, max(0, start - 8), start):  # `in those two countries`: no antecedent
            recent.add(kind, subject)
    _take_subject_after_change_on(text, figures, subjects)
    return subjects


# `those two countries`, `these three`: a count that refers back, no antecedent of its own
DEMONSTRATIVE = re.compile(r"\b(?:those|these)\s+$", re.IGNORECASE)
# Words before the head that say how a figure was totalled or where it was counted, not what it counts.
_TOTALLING = re.compile(r"^(?:(?:total|overall|cumulative|combined|latest|main)\s+)+", re.IGNORECASE)
# `asylum seekers' applications`, `Mexico's asylum requests`: the possessor says whose, the head what.
_POSSESSOR = re.compile(r"^[\w\s-]{1,40}?(?:'s|’s|s'|s’)\s+(?=\w)")
_BORDER_PLACE = re.compile(r"^(?:(?:southern|southwest|southwestern|northern)\s+)?border\s+(?=\w)", re.IGNORECASE)
# `the second-largest recipient of remittances`: the rank names a country, the figure counts the remittances.
_RANKED_OF = re.compile(
    r"^(?:\S+-)?(?:largest|biggest|main|top|leading|smallest)\s+(?:recipient|destination|source|sender|origin)s?\s+of\s+"
    r"(?P<rest>\w.*)$",
    re.IGNORECASE,
)
# Events counted per person: `encounters of people attempting entry` counts encounters.
_EVENTS = (
    r"(?:encounters|apprehensions|arrivals|crossings|expulsions|removals|deportations|returns|interceptions|rescues"
    r"|deaths|disappearances)"
)
_OF_PEOPLE = re.compile(
    rf"^(?P<head>(?:\w+\s+)?{_EVENTS}(?:\s+(?:and|or)\s+{_EVENTS})?)\s+of\s+"
    r"(?:people|persons|individuals|migrants|refugees)\b.*$",
    re.IGNORECASE,
)
# Words before the head that say how a figure was established, not what it counts (`documented deaths`).
_ESTABLISHED = re.compile(r"^(?:documented|confirmed|individual)\s+(?=\w)", re.IGNORECASE)


def head_phrase(subject: str | None) -> str | None:
    """The head noun phrase a reader names: ``total encounters`` and ``southern border encounters`` count
    ``encounters``, and so do ``encounters of people attempting entry``."""
    if subject is None:
        return None
    phrase = _BORDER_PLACE.sub("", _TOTALLING.sub("", _ESTABLISHED.sub("", _POSSESSOR.sub("", subject))))
    m = _OF_PEOPLE.match(phrase)
    if m is not None:
        phrase = m.group("head")
    m = _MEASURE_OF.match(phrase) or _RANKED_OF.match(phrase)
    if m is not None:
        phrase = m.group("rest")
    if not phrase or _generic(phrase) or phrase.lower() in NUMBER_WORDS:
        return None  # `the latest figures`, `the main list`, `nearly half (46%)`: no noun of what is counted
    return phrase


def _generic(phrase: str) -> bool:
    """Whether a phrase only names figures, the text itself or the figure's own change or size (``figures``,
    ``Home Office figures``, ``list``, ``monthly growth``, ``an amount``): it says nothing of what is counted."""
    words_ = phrase.lower().split()
    return (words_[-1] in GENERIC or words_[-1] in _SIZE_NOUNS) and len(words_) <= 3


# Nouns naming a figure's size or change rather than what it counts (`an amount that represented`, `an advance of`).
_SIZE_NOUNS = CHANGE_NOUNS | _wordset("amount value result period advance situation balance")
# `the monthly income of remittances`, `flows of remittances`: the measure of what is counted.
_MEASURE_OF = re.compile(
    r"^(?:\w+\s+)?(?:income|incomes|flows?|inflows?|outflows?|amount|value|volume|sum|level|arrival|entry|balance)\s+of\s+"
    r"(?P<rest>\w.*)$",
    re.IGNORECASE,
)


class _RecentSubjects:
    """The subjects of the figures read so far in a sentence, as the nearest one before the next figure needs them:
    the last one (an age only for a figure of the same kind) and the last one of each kind."""

    __slots__ = ("any", "of_kind")

    def __init__(self) -> None:
        self.any: str | None = None
        self.of_kind: dict[str, str] = {}

    def add(self, kind: str, subject: str | None) -> None:
        if subject:
            if subject != "age":
                self.any = subject
            self.of_kind[kind] = subject


def _is_change(text: str, kind: str, start: int, end: int) -> bool:
    """Whether the percent or multiplier at ``text[start:end]`` is a change (``down 9%``, ``a 41 per cent rise``)."""
    return kind in ("percent", "multiplier") and bool(
        _CHANGE_BEFORE.search(text[max(0, start - 40) : start]) or _CHANGE_AFTER.match(text, end)
    )


def _of_lead_subject(text: str, context_start: int, start: int, is_place: Callable[[str], bool]) -> str | None:
    """``Of these deaths, 686 ...`` → ``deaths``: the noun of an ``of`` phrase leading the figure's sentence."""
    if text.find("Of", context_start, start) < 0:
        return None  # the pattern needs it: no copy of the sentence so far
    lead = _OF_LEAD.search(text[context_start:start])
    if lead is None:
        return None
    found = noun_phrase(lead.group("np"), 0, len(lead.group("np")))
    return _reduce(found[0], is_place) if found else None


def _clause_opening_subject(
    text: str,
    context_start: int,
    start: int,
    kind: str,
    is_place: Callable[[str], bool],
    antecedent: tuple[str | None, str | None],
    known: dict[int, tuple[bool, str | None]],
) -> str | None:
    """The subject opening the figure's clause, reduced; when it is only a place (``Colombia hosts
    about 2.9 million``), the subject of the figure before the sentence (``antecedent``: subject
    and kind) if of the same kind."""
    antecedent_subject, antecedent_kind = antecedent
    phrase = clause_subject_phrase(text, context_start, start, known)
    subject = _reduce(phrase, is_place)
    if subject is None and phrase is not None and is_place(phrase) and antecedent_kind == kind:
        return antecedent_subject  # the place is where, not what
    return subject


def _take_subject_after_change_on(
    text: str, figures: Sequence[tuple[str, int, int, float | None]], subjects: list[str | None]
) -> None:
    """``a 35 percent increase on the 1,381 deaths``: a figure with no subject, followed by a change
    word, ``on``/``over``/``from``/``compared with`` and the next figure, takes that figure's subject (in place)."""
    for i in range(len(subjects) - 1):
        if subjects[i] is None and _CHANGE_ON.match(text[figures[i][2] : figures[i + 1][1]]):
            subjects[i] = subjects[i + 1]


def _continues_previous(text: str, kind: str, previous_end: int, start: int, end: int) -> bool:
    """Whether a figure with no noun of its own counts what the figure before it counts.

    A ratio (``one in five had been refused``), a multiplier compared with it
    (``double the 248,000``, ``three times as many``) or a figure in apposition
    (``a third of all claims, some 334,000``).
    """
    if kind == "ratio" or kind == "multiplier" and _COMPARED_WITH.match(text, end):
        return True
    gap = text[previous_end:start]
    if not _APPOSITION.match(gap):
        return False
    return not any(w.lower() in _VERBS_OR_AUXILIARIES or w[0].isalpha() and _is_verb_form(w) for w, _, _ in words(gap))
