"""Reading one quantity from the position where its number starts.

A quantity is a number (digits or words) with what is written around it: a
currency before it, a scale word, a percent sign or word, a currency word, a
duration unit, ``-fold``/``times``, ``in``/``of every`` with a second number
(a ratio), or a fraction word. The reader returns a :class:`Quantity`; turning
it into mentions (and joining ranges) is the extractor's job.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extraction.lexicon import (
    CURRENCY_ABBREVIATIONS,
    CURRENCY_CODES,
    CURRENCY_PREFIXES,
    CURRENCY_SIGNS_AFTER,
    CURRENCY_WORDS,
    CURRENCY_WORDS_AFTER_SCALE,
    DIGIT_SCALES,
    DURATION_UNITS,
    FRACTIONS,
    MONEY_SCALE_LETTERS,
    SCALE_ABBREVIATIONS,
    SCALES,
    SINGULAR_FRACTIONS,
    SUBUNIT_WORDS,
    TENS,
    UNITS,
)
from pipeline.extraction.lexicon import words as _words
from pipeline.extraction.numwords import read_number_words
from pipeline.extraction.values import parse_digits

_SP = r"[ \t\u00a0]"
_GROUP_SPACE = "[ \u00a0\u2009\u202f]"
_GROUP_SPACES = " \u00a0\u2009\u202f"
NUMBER_RE = re.compile(
    r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?!\d|,\d)"  # Indian grouping: "12,01,444", "1,54,26,441"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+(?:\.\d+)?|\.\d+"
)
# "25.000", "1.234.567": dots separating thousands (Spanish, European style), never "3.5"
DOT_THOUSANDS_RE = re.compile(r"\d{1,3}(?:(?:\.\d{3}){2,}|\.000)(?![\d]|[.,]\d)")
# "1 234 567", "45 000": thousands grouped by a (thin or no-break) space, as statistics offices write them
_SPACE_THOUSANDS_RE = re.compile(rf"[1-9]\d{{0,2}}(?:{_GROUP_SPACE}\d{{3}})+(?:[.,]\d+)?(?!\d|{_GROUP_SPACE}\d|[.,]\d)")
# "3,5 %", "2,5 millones": a decimal comma (one or two digits after it, never an English thousands group)
_DECIMAL_COMMA_RE = re.compile(
    rf"\d+,\d{{1,2}}(?![\d,])(?={_SP}?%|{_SP}+(?i:por{_SP}+ciento|millones|millón|mil|billones|milhões|bilhões"
    r"|million|billion)(?![A-Za-z]))"
)
_SIGN_SYMBOLS = "".join(sorted(k for k in CURRENCY_PREFIXES if len(k) == 1 and k != "$"))
_CUR_SYMBOLS = sorted((k for k in CURRENCY_PREFIXES if k != "$"), key=len, reverse=True)
_CURRENCY_BEFORE_RE = re.compile(
    r"(?:(?<![A-Za-z])("
    + "|".join(re.escape(c.replace("$", "")) + r"\\?\$" for c in _CUR_SYMBOLS if "$" in c)
    + r")|(\\?\$(?:US|USD)?)|(["
    + _SIGN_SYMBOLS
    + r"])|(?<![A-Za-z])("
    + "|".join(sorted(CURRENCY_CODES))
    + r")|(?<![A-Za-z.])("
    + "|".join(re.escape(a) for a in sorted(CURRENCY_ABBREVIATIONS, key=len, reverse=True))
    + r"))"
    + _SP
    + r"?$"
    + rf"|(?<![A-Za-z.])(Q){_SP}$"  # Guatemalan quetzal, written "Q 25 million" (but "Q1" is a quarter)
)
_SCALE_WORD_RE = re.compile(
    rf"(?:{_SP}*(?:-{_SP}*)?|{_SP}*\n{_SP}*)(million|billion|trillion|thousand|Million|Billion|Trillion|Thousand|MILLION|BILLION)"
    r"(?![A-Za-z])"
)
_DIGIT_SCALE_RE = re.compile(
    rf"{_SP}+(?i:("
    + "|".join(re.escape(w).replace(r"\ ", _SP + "+") for w in sorted(DIGIT_SCALES, key=len, reverse=True))
    + r"))(?![A-Za-z\u00c0-\u024f])"
)
# "mil" is a thousand only before a Spanish or Portuguese word ("45 mil migrantes", "5 mil pesos")
_AFTER_MIL_RE = re.compile(
    rf"{_SP}+(?:de|[a-z\u00e1\u00e9\u00ed\u00f3\u00fa\u00f1\u00e3\u00f5\u00e7]+(?:es|os|as))(?![A-Za-z])"
)
_GROUP_BEFORE_RE = re.compile(r"\d[ \u00a0\u2009\u202f]$")  # a column of figures, not one number
_CRORE_AFTER_LAKH_RE = re.compile(rf"{_SP}+(?i:crores?)(?![A-Za-z])")  # "1.5 lakh crore"
_SCALE_ABBR_RE = re.compile(rf"{_SP}?(bn|mn|mln|tn|trn|Bn|BN|Mn|MN)(?![A-Za-z])")
_SCALE_LETTER_RE = re.compile(r"([mMkKbB])(?![A-Za-z0-9])")
_UPPER_SCALE_LETTER_RE = re.compile(r"([MKB])(?![A-Za-z0-9])")  # "2.4M encounters", "3K a day"
_DECIMAL_SCALE_LETTER_RE = re.compile(r"([mkb])(?![A-Za-z0-9])")  # "5.6m people", "2.4b": not metres
_INTEGER_SCALE_LETTER_RE = re.compile(r"([mk])(?=[ \t\u00a0]+([a-z]+)(?![A-Za-z]))")  # "42m people", "15k jobs"
# plurals after "100m", "5k" that measure (distance races, lengths), not count
_MEASURED_AFTER_LETTER = frozenset(
    _words("hurdles metres meters kilometres kilometers miles yards feet inches seconds minutes hours laps races runs")
)
_CURRENCY_NAMES = sorted(CURRENCY_WORDS, key=len, reverse=True)
_CURRENCY_NAME_RE = re.compile(
    rf"(?:(?:{_SP}+de)?{_SP}+|[-\u2010\u2011])(?i:("
    + "|".join(re.escape(w).replace(r"\ ", _SP + "+") for w in _CURRENCY_NAMES)
    + r"))(?![A-Za-z\u00c0-\u024f])"
)
_SCALED_CURRENCY_NAME_RE = re.compile(rf"{_SP}+(" + "|".join(sorted(CURRENCY_WORDS_AFTER_SCALE)) + r")(?![A-Za-z])")
_CURRENCY_CODE_AFTER_RE = re.compile(
    rf"{_SP}?(M|m|K|k|bn|mn|mln)?(" + "|".join(sorted(CURRENCY_CODES)) + r")(?![A-Za-z])"
)
_SIGN_AFTER_RE = re.compile(
    rf"{_SP}?("
    + "|".join(re.escape(k) for k in sorted(CURRENCY_SIGNS_AFTER, key=len, reverse=True))
    + r")(?![A-Za-z0-9])"
)
# the first word after an amount (past a gap or hyphen, and a Spanish "de"): a currency can only start with one of
# _AFTER_AMOUNT_FIRST_WORDS or a sign, which spares the longer patterns on every other number
_NEXT_TOKEN_RE = re.compile(rf"(?:[-\u2010\u2011]|{_SP}*(?:de{_SP}+)?)([^\s\d,.;:()\-\u2010\u2011]{{1,12}})")
_AFTER_AMOUNT_FIRST_WORDS = frozenset(
    [w.split()[0] for w in (*CURRENCY_WORDS, *SUBUNIT_WORDS, *CURRENCY_WORDS_AFTER_SCALE)]
    + [c.lower() for c in CURRENCY_CODES]
    + [p + c.lower() for p in ("m", "k", "bn", "mn", "mln") for c in CURRENCY_CODES]
    + [k.lower() for k in CURRENCY_SIGNS_AFTER]
    + ["p"]
)
_SIGN_STARTS = frozenset("".join(k for k in CURRENCY_SIGNS_AFTER if len(k) == 1))
_KNOTS_AFTER_RE = re.compile(rf"{_SP}+(?:winds?|gusts?|breeze|speeds?)(?![A-Za-z])")  # "30 kn winds": knots
_SPACED_LETTER_BEFORE_CURRENCY_RE = re.compile(
    rf"{_SP}([BMK])(?=(?:{_SP}+(?i:dollars|euros|yuan|yen|rupees|pesos)|{_SP}?(?:"
    + "|".join(sorted(CURRENCY_CODES))
    + r"))(?![A-Za-z]))"
)  # "6 B dollars"
_PERCENT_RE = re.compile(
    rf"{_SP}?%|{_SP}*(?:-{_SP}*)?(?i:percent(?:age{_SP}+points?)?|per[-{_SP[1:-1]}]cent|pct\b\.?"
    rf"|percentage(?:{_SP}+points?)?|por{_SP}+ciento)(?![A-Za-z])|{_SP}?pc(?![A-Za-z])"
)
_FOLD_RE = re.compile(rf"{_SP}*[-\u2010\u2011]?{_SP}*fold(?![A-Za-z])|x(?![A-Za-z0-9])")
_TIMES_RE = re.compile(
    rf"{_SP}+times(?={_SP}+(?:more|higher|greater|larger|bigger|as|the|that|what|less|lower|fewer|smaller"
    r"|faster|slower|over|their|its|his|her|our|this|these|those|likelier|likely)(?![A-Za-z]))"
)
_BARE_TIMES_RE = re.compile(rf"{_SP}+times(?![A-Za-z])")
_GROWTH_BEFORE_RE = re.compile(
    r"(?<![A-Za-z])(?:rose|risen|rising|grew|grown|growing|increased|increasing|jumped|surged|climbed|soared"
    r"|multiplied|expanded|swelled|swollen)"
    rf"(?:{_SP}+(?:by|roughly|nearly|about|almost|around|some|more{_SP}+than|over|approximately|close{_SP}+to))+{_SP}+$"
)
_DURATION_RE = re.compile(
    rf"(?:{_SP}+|{_SP}*[-\u2010\u2011]{_SP}*)(?:(?:calendar|fiscal|full|consecutive|straight|more|long|working|business|school){_SP}+)?"
    r"((?i:days?|weeks?|months?|years?|decades?|century|centuries))(?![A-Za-z])"
)
_RATIO_LINK_RE = re.compile(
    rf"{_SP}+(?:(?:out{_SP}+)?of{_SP}+every|for{_SP}+every|in{_SP}+every|out{_SP}+of|in){_SP}+"
    r"|[-\u2010\u2011]in[-\u2010\u2011](?=\w)"  # 1-in-5
)
_RATIO_NOUN_LINK_RE = re.compile(rf"{_SP}+([a-z]+){_SP}+in{_SP}+(?:every{_SP}+)?")
_NOT_RATIO_NOUNS = frozenset(
    _words(
        "in of the and or to for from at by on with per a an is was are were be this that those these its "
        "their his her our which who than as"
    )
)
_AFTER_RATIO_DENOMINATOR_RE = re.compile(
    rf"{_SP}*(?:%|(?i:percent|per cent)|[-\u2010\u2011]?{_SP}*(?:hours?|days?|weeks?|months?|years?|minutes?"
    r"|decades?|million|billion|thousand)(?![A-Za-z]))"
)
_FRACTION_RE = re.compile(
    rf"({_SP}*[-\u2010\u2011]{_SP}*|{_SP}+)(" + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + r")(?![A-Za-z])",
    re.I,
)
_OF_AFTER_RE = re.compile(rf"{_SP}+of(?![A-Za-z])|{_SP}*(?:[,.;:)\]]|$)")
_SUBUNIT_RE = re.compile(
    rf"{_SP}+(?i:("
    + "|".join(re.escape(w).replace(r"\ ", _SP + "+") for w in sorted(SUBUNIT_WORDS, key=len, reverse=True))
    + r"))(?![A-Za-z])|(p)(?![A-Za-z0-9])"
)
_MIXED_FRACTION_RE = re.compile(rf"{_SP}([1-7])/([248])(?![\d/])")
_DIGIT_WORDS = {w: v for w, v in UNITS.items() if v < 10}
# "twelve point five percent": a decimal read aloud, taken only before a unit that makes it a quantity
_POINT_RE = re.compile(
    rf"{_SP}+point((?:{_SP}+(?i:" + "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True)) + r")(?![A-Za-z]))+)"
    rf"(?={_SP}*(?:%|(?i:percent|per{_SP}cent|million|billion|trillion|thousand|times|dollars|euros)(?![A-Za-z])))"
)
# "8.0 to the dollar", "17.05 pesos per dollar", "60.65 against the greenback": an exchange rate
_PER_DOLLAR_RE = re.compile(
    rf"{_SP}+(?:(?:to|per|against|a){_SP}+(?:(?:the|one|a|each){_SP}+)?(?:(?:U\.?S\.?|American){_SP}+)?"
    r"(?i:dollar|greenback|euro)(?![A-Za-z]))"
)
_RATE_CURRENCY_BEFORE_RE = re.compile(
    r"(?<![A-Za-z])(pesos?|rupees?|yuan|renminbi|reais|real|lira|liras|roubles?|rubles?|yen|rand|naira|shekels?"
    r"|hryvnias?|ringgit|baht|zlotys?|forints?|lei|leu|kwacha|cedis?|bolivars?|bol[ií]vares|soles|sol)(?![A-Za-z])",
    re.I,
)
_RATE_CURRENCY_CODES = {
    "real": "BRL",
    "roubles": "RUB",
    "rouble": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "sol": "PEN",
    "leu": "RON",
    "kwacha": "ZMW",
    "cedi": "GHS",
    "bolivar": "VES",
}
_AND_A_HALF_RE = re.compile(rf"{_SP}+and{_SP}+a{_SP}+half(?![A-Za-z])")
_FACTOR_BEFORE_RE = re.compile(rf"(?<![A-Za-z])[aA]{_SP}+factor{_SP}+of{_SP}+$")
_SMALL_WORD_NUMBERS = frozenset(range(1, 11))


class Quantity:
    """A number read from the text, with everything written around it."""

    __slots__ = (
        "start",
        "end",
        "num_start",
        "num_end",
        "raw",
        "scale",
        "currency",
        "kind",
        "unit",
        "factor",
        "ratio",
        "word",
        "suffixed",
        "first_word",
        "inherited",
    )

    def __init__(self, num_start: int, num_end: int, raw: Decimal, word: bool, first_word: str) -> None:
        self.start = num_start
        self.end = num_end
        self.num_start = num_start
        self.num_end = num_end
        self.raw = raw
        self.scale = 1
        self.currency = ""
        self.kind = ""
        self.unit = ""
        self.factor: int | Decimal = 1
        self.ratio: Decimal | None = None
        self.word = word
        self.suffixed = False
        self.first_word = first_word
        self.inherited = False  # the currency was given by the first number of a range

    @property
    def value(self) -> Decimal:
        """The value the mention reports (scale and unit factor applied)."""
        if self.ratio is not None:
            return self.ratio
        return self.raw * self.scale * self.factor

    def year_like(self, text: str) -> bool:
        """Four plain digits from 1900 to 2099, as a year is written."""
        return (
            not self.word
            and self.num_end - self.num_start == 4
            and self.scale == 1
            and not self.currency
            and text[self.num_start : self.num_start + 2] in ("19", "20")
            and text[self.num_start : self.num_end].isdigit()
        )


def read_core(text: str, pos: int, word: bool) -> Quantity | None:
    """Read the bare number at ``pos``: digits, or number words (with ``and a half``)."""
    if word:
        got = read_number_words(text, pos)
        if got is None:
            return None
        value, end = got
        p = _POINT_RE.match(text, end) if text.startswith("point", end + 1) else None
        if p is not None and value < 100 and text[pos:end].split()[-1].lower() in {*UNITS, *TENS}:
            digits = "".join(str(_DIGIT_WORDS[w.lower()]) for w in p.group(1).split())
            value, end = value + Decimal("0." + digits), p.end()
        value, end = with_a_half(text, pos, end, value)
        first = text[pos:end].split(None, 1)[0].split("-", 1)[0].lower()
        return Quantity(pos, end, value, True, first)
    j = pos
    while j < len(text) and text[j].isdigit():
        j += 1
    sep = text[j : j + 1]  # what follows the first digit run decides which grouping to try
    if sep == ".":
        m = DOT_THOUSANDS_RE.match(text, pos)
        if m is not None:
            return Quantity(pos, m.end(), Decimal(m.group().replace(".", "")), False, "")
    elif sep in _GROUP_SPACES and j - pos <= 3 and text[j + 1 : j + 2].isdigit():
        m = _SPACE_THOUSANDS_RE.match(text, pos)
        if m is not None and not _GROUP_BEFORE_RE.search(text, max(0, pos - 5), pos):
            digits = re.sub(_GROUP_SPACE, "", m.group()).replace(",", ".")
            return Quantity(pos, m.end(), Decimal(digits), False, "")
    elif sep == ",":
        m = _DECIMAL_COMMA_RE.match(text, pos)
        if m is not None:
            return Quantity(pos, m.end(), Decimal(m.group().replace(",", ".")), False, "")
    m = NUMBER_RE.match(text, pos)
    if m is None:
        return None
    raw = parse_digits(m.group())
    if raw is None:
        return None
    e = m.end()
    f = _MIXED_FRACTION_RE.match(text, e) if text[e + 2 : e + 3] == "/" and m.group().isdigit() else None
    if f is not None and int(f.group(1)) < int(f.group(2)):  # "2 1/2 years"
        return Quantity(pos, f.end(), raw + Decimal(int(f.group(1))) / int(f.group(2)), False, "")
    return Quantity(pos, m.end(), raw, False, "")


def with_a_half(text: str, start: int, end: int, value: Decimal) -> tuple[Decimal, int]:
    """``value`` and ``end`` extended by an ``and a half`` after the number ``text[start:end]``:
    half a unit (``two and a half``), or half of its last scale (``two million and a half``)."""
    h = _AND_A_HALF_RE.match(text, end)
    if h is None:
        return value, end
    last = text[start:end].rsplit(None, 1)[-1].lower()
    return value + Decimal(SCALES.get(last, 1)) / 2, h.end()


def currency_before(text: str, pos: int) -> tuple[int, str] | None:
    """A currency sign or code written right before ``pos``: (its start, ISO code)."""
    m = _CURRENCY_BEFORE_RE.search(text, max(0, pos - 8), pos)
    if m is None:
        return None
    if m.group(1) is not None:
        key = m.group(1).replace("\\", "")
        return m.start(), CURRENCY_PREFIXES.get(key, "USD")
    if m.group(2) is not None:
        return m.start(), "USD"
    if m.group(3) is not None:
        return m.start(), CURRENCY_PREFIXES[m.group(3)]
    if m.group(4) is not None:
        return m.start(), m.group(4)
    if m.group(5) is not None:
        return m.start(), CURRENCY_ABBREVIATIONS[m.group(5)]
    return m.start(), "GTQ"


def read_suffixes(text: str, q: Quantity, allow_ratio: bool = True) -> None:
    """Extend ``q`` with the scale, percent, currency word, fraction, ratio, multiplier or
    duration written right after its number; sets ``q.kind`` when one decides it."""
    if not q.word or q.raw != 0:
        _read_scale(text, q)
    if _read_percent(text, q) or _read_currency_word(text, q) or _read_exchange_rate(text, q):
        return
    if q.currency:
        q.kind = "money"
        if allow_ratio:
            _read_ratio(text, q)
        return
    if q.scale != 1:
        return
    if q.word and q.raw in _SMALL_WORD_NUMBERS and _read_fraction(text, q):
        return
    if allow_ratio and _read_ratio(text, q):
        return
    if _read_multiplier(text, q):
        return
    _read_duration(text, q)


def _set_scale(q: Quantity, scale: int, end: int) -> None:
    """Give ``q`` the scale read up to ``end``."""
    q.scale = scale
    q.end = end
    q.suffixed = True


def _read_scale(text: str, q: Quantity) -> None:
    """A scale word (``million``, ``- billion``), or after digits a South Asian, Spanish or
    Portuguese scale (``11 lakh``, ``2 crore``, ``3 millones``, ``3 hundred``), an abbreviation
    (``bn``) or a letter (``$5m``, ``2.4M``, ``42m people``, ``6 B dollars``), right after the number."""
    m = _SCALE_WORD_RE.match(text, q.end)
    if m is not None and q.scale == 1 and (not q.word or q.raw < 1000):
        _set_scale(q, SCALES[m.group(1).lower()], m.end())
        h = _AND_A_HALF_RE.match(text, q.end)
        if h is not None:  # "2 million and a half"
            q.raw += Decimal("0.5")
            q.end = h.end()
        return
    if q.word:
        return
    m = _DIGIT_SCALE_RE.match(text, q.end)
    if m is not None:
        word = " ".join(m.group(1).lower().split())
        if word != "mil" or _AFTER_MIL_RE.match(text, m.end()):
            scale, end = DIGIT_SCALES[word], m.end()
            c = _CRORE_AFTER_LAKH_RE.match(text, end) if word.startswith("la") else None
            if c is not None:
                scale, end = scale * DIGIT_SCALES["crore"], c.end()
            _set_scale(q, scale, end)
            return
    m = _SCALE_ABBR_RE.match(text, q.end)
    if m is not None:
        _set_scale(q, SCALE_ABBREVIATIONS[m.group(1).lower()], m.end())
        return
    m = _scale_letter_re(text, q).match(text, q.end)
    if m is None and not q.currency:
        m = _SPACED_LETTER_BEFORE_CURRENCY_RE.match(text, q.end)
    if m is not None:
        _set_scale(q, MONEY_SCALE_LETTERS[m.group(1)], m.end(1))


def _scale_letter_re(text: str, q: Quantity) -> re.Pattern[str]:
    """Which scale letters may follow the digits: any of ``mkb`` after a currency, a lower-case
    ``m``/``k``/``b`` after a decimal (``5.6m``), a lower-case ``m``/``k`` after whole digits when a
    plural that is no measure follows (``42m people``, not ``100m hurdles``), else only an
    upper-case ``M``/``K``/``B``."""
    if q.currency:
        return _SCALE_LETTER_RE
    nxt = text[q.end : q.end + 1]
    if "." in text[q.num_start : q.num_end]:
        return _DECIMAL_SCALE_LETTER_RE if nxt.islower() else _UPPER_SCALE_LETTER_RE
    if nxt in ("m", "k"):
        m = _INTEGER_SCALE_LETTER_RE.match(text, q.end)
        if m is not None and _counted_plural(m.group(2)):
            return _INTEGER_SCALE_LETTER_RE
    return _UPPER_SCALE_LETTER_RE


def _counted_plural(word: str) -> bool:
    """Whether ``word`` is a plural noun that a scaled number counts (``people``, ``jobs``), not a measure."""
    if word in ("people", "children", "women", "men"):
        return True
    return (
        len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")) and word not in _MEASURED_AFTER_LETTER
    )


def _read_percent(text: str, q: Quantity) -> bool:
    """``%``, ``percent``, ``percentage points`` right after: a percent."""
    m = _PERCENT_RE.match(text, q.end)
    if m is None:
        return False
    q.kind = "percent"
    q.end = m.end()
    q.suffixed = True
    return True


def _read_currency_word(text: str, q: Quantity) -> bool:
    """A currency after the amount, with no currency sign before it: a name (``dollars``,
    ``48 million yuan``, ``millones de dólares``), a code (``350 USD``, ``12 MUSD``) or a
    sign written after (``7 €``, ``240 kn``): money."""
    if q.currency and not q.inherited:  # a sign before wins
        return False
    end = q.end
    t = _NEXT_TOKEN_RE.match(text, end)
    if t is None or (t.group(1).lower() not in _AFTER_AMOUNT_FIRST_WORDS and t.group(1)[:1] not in _SIGN_STARTS):
        return False
    m = _SUBUNIT_RE.match(text, end)
    if m is not None and (m.group(1) is not None or (not q.word and q.scale == 1 and q.raw == int(q.raw) < 1000)):
        q.currency = SUBUNIT_WORDS[" ".join(m.group(1).lower().split())] if m.group(1) else "GBP"
        q.factor = Decimal("0.01")
        q.kind = "money"
        q.end = m.end()
        q.suffixed = True
        return True
    m = _CURRENCY_NAME_RE.match(text, end)
    if m is not None and m.group().lstrip(" \t\u00a0").startswith("de ") and q.scale == 1:
        m = None  # "de" links a currency only to a scaled amount: "2 millones de dólares"
    if m is not None:
        word = " ".join(m.group(1).lower().split())
        q.currency = CURRENCY_WORDS[word]
    elif (m := _SCALED_CURRENCY_NAME_RE.match(text, end)) is not None and q.scale != 1:
        q.currency = CURRENCY_WORDS_AFTER_SCALE[m.group(1)]
    elif (m := _CURRENCY_CODE_AFTER_RE.match(text, end)) is not None:
        q.currency = m.group(2)
        if m.group(1) is not None and q.scale == 1:
            q.scale = SCALE_ABBREVIATIONS.get(m.group(1).lower(), MONEY_SCALE_LETTERS.get(m.group(1), 1))
    elif (m := _SIGN_AFTER_RE.match(text, end)) is not None and not _KNOTS_AFTER_RE.match(text, m.end()):
        q.currency = CURRENCY_SIGNS_AFTER[m.group(1)]
    else:
        return False
    q.kind = "money"
    q.end = m.end()
    q.suffixed = True
    return True


def _read_exchange_rate(text: str, q: Quantity) -> bool:
    """``8.0 to the dollar``, ``17.05 pesos per dollar``: an exchange rate, money in the currency
    the sentence names before it (none named: not read as one)."""
    if q.word or q.currency:
        return False
    m = _PER_DOLLAR_RE.match(text, q.end)
    if m is None:
        return False
    names = list(_RATE_CURRENCY_BEFORE_RE.finditer(text, max(0, q.start - 160), q.start))
    if not names:
        return False
    name = names[-1].group(1).lower()
    code = _RATE_CURRENCY_CODES.get(name) or CURRENCY_WORDS.get(name) or CURRENCY_WORDS.get(name + "s", "")
    if not code:
        return False
    q.currency = code
    q.kind = "money"
    return True


def _read_multiplier(text: str, q: Quantity) -> bool:
    """``3-fold``, ``2x``, ``a factor of 16``, ``three times more``, ``1.5 times``: a multiplier."""
    m = _FOLD_RE.match(text, q.end)
    if m is not None and (m.group() != "x" or not q.word):
        q.kind = "multiplier"
        q.end = m.end()
        q.suffixed = True
        return True
    if _FACTOR_BEFORE_RE.search(text, max(0, q.start - 20), q.start):
        q.kind = "multiplier"
        q.start = _FACTOR_BEFORE_RE.search(text, max(0, q.start - 20), q.start).start()
        return True
    m = _TIMES_RE.match(text, q.end)
    if m is None and (
        q.raw != q.raw.to_integral_value() or _GROWTH_BEFORE_RE.search(text, max(0, q.start - 40), q.start)
    ):
        m = _BARE_TIMES_RE.match(text, q.end)  # "1.5 times", "rose roughly two and a half times": never occasions
    if m is None:
        return False
    q.kind = "multiplier"
    q.end = m.end()
    return True


def _read_duration(text: str, q: Quantity) -> None:
    """``90 days``, ``two-year``, ``18 consecutive months`` right after a number that is no year: a duration."""
    m = _DURATION_RE.match(text, q.end)
    if m is not None and not q.year_like(text):
        unit, factor = DURATION_UNITS[m.group(1).lower()]
        q.kind = "duration"
        q.unit = unit
        q.factor = factor
        q.end = m.end()
        q.suffixed = True


def _read_fraction(text: str, q: Quantity) -> bool:
    """``two thirds``, ``one-fifth``, ``three quarters``: a ratio."""
    m = _FRACTION_RE.match(text, q.end)
    if m is None:
        return False
    word = m.group(2).lower()
    plural = word not in SINGULAR_FRACTIONS
    if q.raw == 1 and plural or q.raw > 1 and not plural and word != "half":
        return False
    hyphenated = m.group(1).strip(" \t\u00a0") != ""
    if not plural and not hyphenated and not _OF_AFTER_RE.match(text, m.end()):
        return False
    q.ratio = q.raw / FRACTIONS[word]
    q.kind = "ratio"
    q.end = m.end()
    return True


def _read_ratio(text: str, q: Quantity) -> bool:
    """``one in 50``, ``3.5 for every 50``, ``$6 of every $10``, ``one person in five``."""
    end = q.end
    m = _RATIO_LINK_RE.match(text, end)
    if m is None:
        if q.raw != 1:
            return False
        m = _RATIO_NOUN_LINK_RE.match(text, end)
        if m is None or m.group(1) in _NOT_RATIO_NOUNS:
            return False
    link = m.group()
    every = "every" in link
    pos = m.end()
    cur = ""
    if q.currency:
        c = text[pos : pos + 1]
        if c in ("$", "\\", "€", "£"):
            while pos < len(text) and text[pos] in "\\$€£":
                pos += 1
            cur = "x"
        else:
            return False
    c = text[pos : pos + 1]
    if not c:
        return False
    second = read_core(text, pos, not c.isdigit())
    if second is None or second.raw == 0:
        return False
    if q.currency and not cur:
        return False
    if not every and (
        second.year_like(text)
        or second.raw < q.raw
        or "," in text[second.num_start : second.num_end]
        and second.raw >= 1000
        and q.raw > 1
    ):
        return False
    if not every and "for" in link:
        return False
    if _AFTER_RATIO_DENOMINATOR_RE.match(text, second.num_end):
        return False
    if second.word and (second.first_word == "one" and not every):
        return False
    q.ratio = q.raw / second.raw
    q.kind = "ratio"
    q.currency = ""
    q.end = second.num_end
    return True
