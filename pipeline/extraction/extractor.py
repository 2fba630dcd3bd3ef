"""``extract(text)``: every numeric mention of a document, in order.

One scan (:data:`~pipeline.extraction.triggers.TRIGGER_RE`) stops where a
mention may start; from there anchored patterns read the whole mention (dates
first, then quantities and ranges), the exclusions drop what is not a mention,
and only then are qualifiers and sentences read, for the mentions kept.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

from pipeline.extraction.approx import qualifier
from pipeline.extraction.dates import DateHit, dates_at_digit, dates_at_month
from pipeline.extraction.exclusions import (
    WebTokens,
    citation_end,
    citation_lines,
    fiscal_prefix,
    is_code,
    is_enumerator,
    is_footnote_marker,
    reference_sections,
)
from pipeline.extraction.lexicon import (
    ADVERB_MULTIPLIERS,
    DURATION_UNITS,
    FRACTIONS,
    MONTHS,
    MULTIPLIER_WORDS,
    NON_MULTIPLIER_FOLLOWERS,
    ONE_COUNTED_NOUNS,
    SCALES,
    SINGULAR_FRACTIONS,
)
from pipeline.extraction.lexicon import words as _words
from pipeline.extraction.model import Mention
from pipeline.extraction.numwords import read_number_words
from pipeline.extraction.quantities import DOT_THOUSANDS_RE, Quantity, currency_before, read_core, read_suffixes
from pipeline.extraction.sentences import SentenceFinder
from pipeline.extraction.text_tables import table_cells
from pipeline.extraction.triggers import TRIGGER_RE
from pipeline.extraction.values import plain, ratio

_SP = r"[ \t\u00a0]"
_RANGE_LINK_RE = re.compile(
    rf"(?:{_SP}*[-\u2010\u2011\u2013\u2014]{_SP}*|{_SP}+(?:to|and|or|through|until){_SP}+)"
    r"(?=[0-9$\u20ac\u00a3\\]|[A-Za-z])"
)
_YEAR_SUFFIX_RE = re.compile(r"(?:'|\u2019)?s(?![A-Za-z])")
_NEXT_CAP_WORD_RE = re.compile(rf"{_SP}+[A-Z]")
_NEXT_WORD_RE = re.compile(rf"{_SP}+([a-z][a-z'-]*)")
_ONE_QUALIFIER_RE = re.compile(
    r"(?:^|[^a-z])(?:just|only|exactly|at least|more than|less than|fewer than|than|over|under|nearly|almost|"
    r"about|around|roughly|approximately|some|by|with|to|from)[\s*_]*$"
)
_NOT_NOUNS = frozenset(
    _words(
        "of another other the a an and or but to in on at by for from with who that which whom whose is "
        "was are were be been has have had can could would will may might should must shall more such way "
        "thing day side hand time point another more less"
    )
)
_FRACTION_END_RE = re.compile(rf"{_SP}+of(?![A-Za-z])|{_SP}*(?:[,.;:)\]]|$)")
_BY_BEFORE_RE = re.compile(rf"(?<![A-Za-z])by{_SP}+$")
_ANOTHER_AFTER_RE = re.compile(r"[^.;\n]{0,40}?(?<![A-Za-z])(?:another|the other|the next)(?![A-Za-z])")
_ARTICLE_BEFORE_RE = re.compile(rf"(?<![A-Za-z])([aA]n?){_SP}+$")
_HALF_BLOCKERS_BEFORE_RE = re.compile(
    rf"(?<![A-Za-z])(?:first|second|third|fourth|latter|former|last|other|earlier|later|lower|upper|top|"
    rf"bottom|back|front|better|worse|opening|closing|final){_SP}+$",
    re.I,
)
_HALF_BLOCKERS_AFTER_RE = re.compile(
    rf"[-\u2010\u2011]|{_SP}+(?:an?{_SP}+)?(?:hour|day|week|month|year|century|decade|time|way|mile|step|dozen|"
    r"measures?|hearted|term|price|brother|sister|truth)s?(?![A-Za-z])"
)
_POSSESSIVE_RE = re.compile(r"['\u2019]s(?![A-Za-z])")
_ONE_UNIT_QUALIFIER_RE = re.compile(
    r"(?<![A-Za-z])(?:more than|less than|fewer than|over|under|nearly|almost|about|around|for|within|after|than"
    r"|at least|up to|roughly|some|barely|only|just)[ \t\u00a0]+$",
    re.I,
)
_UNIT_AND_A_HALF_RE = re.compile(rf"(?<![A-Za-z])(?:[aA]n?|[oO]ne){_SP}+(year|month|week|day){_SP}+and{_SP}+a{_SP}+$")
_HALF_SCALE_RE = re.compile(rf"{_SP}+an?{_SP}+(million|billion|thousand|dozen)(?![A-Za-z])")
_QUARTER_SCALE_RE = re.compile(rf"(?:{_SP}+of)?{_SP}+an?{_SP}+(million|billion)(?![A-Za-z])")
_TWICE_RE = re.compile(
    rf"{_SP}+(?:as|the|that|what|its|their|his|her|our|this|these|those|more|higher|larger|bigger|greater|"
    r"faster|over|likely|many|much)(?![A-Za-z])"
)
_HYPHEN_WORD_RE = re.compile(r"[-\u2010\u2011]([A-Za-z]+)")
_HYPHEN_OK = frozenset(["member", "person", "nation", "country", "state", "party"])
_MEASURE_UNIT_RE = re.compile(r"(?:km|m|kg|mi|ft|cm|mm|lbs?|ha|sq)(?![A-Za-z0-9])")  # "100m from the border"
_YEAR_AND_NOTE_RE = re.compile(r"(?:19|20)\d\d\.\d{1,2}(?=\s+[A-Z\u201c\"]|\s*$)")
_SLASHED_RE = re.compile(r"(\d+)/(\d+)(?![\d/])")
_SENTENCE_OPENERS = frozenset('.!?:;"\u201c\u2018(\n\u2014\u2013-\u2022*>[|')
_FUTURE_RE = re.compile(
    r"(?<![A-Za-z])(?:will|shall|scheduled|expected|expects|plans?|planned|planning|next|upcoming|coming|"
    r"forthcoming|due|to be|set to|aims? to|deadline)(?![A-Za-z])",
    re.I,
)
_DOC_DATE_REACH = 600
_DATELINE_REACH = 60
_SHORT_LINE = 70
_DATELINE_AFTER_RE = re.compile(r"[ \t\u00a0]*(?:[-\u2013\u2014]|\()")
_DATE_LABEL_BEFORE_RE = re.compile(r"(?i)(?:date|published|updated|posted|released?|issued)[\s:|-]*$")
_SAME_CLAUSE_REACH = 80
_MONTH_DAY_RE = re.compile(r"\d{4}-(\d\d)-(\d\d)$")
# "April 1 to May 14, 2024", "between March 3 and April 9, 2023": the link to a range's dated end
_DATE_RANGE_LINK_RE = re.compile(rf"{_SP}*(?:[-\u2013\u2014]|to|through|until|till|and){_SP}*")
# a year that does not say when the text reports: "since 2021", "compared with 2019", "by 2030"
_NOT_REPORTING_YEAR_RE = re.compile(
    rf"(?<![A-Za-z])(?:since|from|before|after|by|until|than|with|to|in all of){_SP}+(?:the{_SP}+end{_SP}+of{_SP}+)?$",
    re.I,
)


class _Doc:
    """State of one extraction: the text, what was found so far and where."""

    __slots__ = ("text", "found", "years", "full_dates", "pending", "doc_date", "web")

    def __init__(self, text: str) -> None:
        self.text = text
        # (start, end, kind, value, unit)
        self.found: list[tuple[int, int, str, str, str]] = []
        # (offset, year) of every year written out, for days and months without one
        self.years: list[tuple[int, int]] = []
        self.full_dates: set[int] = set()  # offsets of dates written with day, month and year
        self.pending: list[tuple[int, DateHit]] = []
        # the document's own date: the first dated hit near its top
        self.doc_date: DateHit | None = None
        self.web = WebTokens(text)

    # -- adding ---------------------------------------------------------------------------

    def add(self, start: int, end: int, kind: str, value: str, unit: str = "") -> None:
        self.found.append((start, end, kind, value, unit))
        if kind == "year":
            self.years.append((start, int(value)))

    def add_date(self, hit: DateHit) -> None:
        if hit.year is None:
            self.pending.append((len(self.found), hit))
            self.found.append((hit.start, hit.end, "date", "", ""))
        else:
            self.years.append((hit.start, hit.year))
            if hit.day is not None:
                self.full_dates.add(hit.start)
            self.found.append((hit.start, hit.end, "date", hit.iso(hit.year), ""))
            # the document's own date: the first full date opening a line, else the first month
            better = self.doc_date is None or self.doc_date.day is None and hit.day is not None
            if better and hit.start < _DOC_DATE_REACH and self._dateline(hit):
                self.doc_date = hit

    def _dateline(self, hit: DateHit) -> bool:
        """Whether ``hit`` is written as a document's own date: near the start of a short
        line (``May 2023``, ``NEWS RELEASE — 16 November 2021``), as a dateline before a
        dash (``PANAMA CITY, Jan. 5, 2024 — More than...``), or after a label such as
        ``Release Date:``."""
        text = self.text
        line_start = text.rfind("\n", 0, hit.start) + 1
        if hit.start - line_start > _DATELINE_REACH:
            return False
        line_end = text.find("\n", hit.end, hit.end + _SHORT_LINE)
        if line_end >= 0 and line_end - line_start <= _SHORT_LINE:
            return True
        if _DATELINE_AFTER_RE.match(text, hit.end):
            return True
        return _DATE_LABEL_BEFORE_RE.search(text, line_start, hit.start) is not None

    def add_quantity(self, q: Quantity) -> None:
        text = self.text
        kind = q.kind
        if kind == "year":
            self.add(q.start, q.end, "year", plain(q.raw))
        elif kind == "ratio":
            self.add(q.start, q.end, "ratio", ratio(q.ratio or Decimal(0), Decimal(1)))
        elif kind == "":
            if q.year_like(text):
                end = q.end
                s = _YEAR_SUFFIX_RE.match(text, end)
                if s is not None:
                    end = s.end()
                self.add(q.start, end, "year", text[q.num_start : q.num_end])
            else:
                self.add(q.start, q.end, "count", plain(q.value))
        elif kind == "money":
            self.add(q.start, q.end, "money", plain(q.value), q.currency)
        else:
            self.add(q.start, q.end, kind, plain(q.value), q.unit)

    # -- reading at a trigger --------------------------------------------------------------

    def at_digits(self, s: int, token_end: int) -> int:
        """Read whatever starts with the digits at ``s``; return where reading stopped."""
        text = self.text
        n = len(text)
        nxt = text[token_end] if token_end < n else ""
        tlen = token_end - s
        if self.web.covers(s, token_end):
            return token_end
        dots = text.count(".", s, token_end)
        if (nxt in "-/" and tlen in (1, 2, 4)) or (nxt in " \t\u00a0" and tlen <= 2) or dots == 2:
            hits = dates_at_digit(text, s)
            if hits:
                for h in hits:
                    self.add_date(h)
                return hits[-1].end
        if dots >= 2 and not DOT_THOUSANDS_RE.match(text, s, token_end):
            return token_end  # a version or section number such as 4.0.1; not 1.234.567
        if dots == 1 and _YEAR_AND_NOTE_RE.match(text, s):
            self.add(s, s + 4, "year", text[s : s + 4])  # "began in 2021.3 The next": a year, then a note
            return token_end
        if tlen == 2 and fiscal_prefix(text, s) and not nxt.isalnum():
            self.add(s, token_end, "year", str(2000 + int(text[s:token_end])))  # FY23
            return token_end
        if nxt == "/" and text[token_end + 1 : token_end + 2].isdigit():
            return self._slashed(s)
        q = read_core(text, s, False)
        if q is None:
            return token_end
        if self._excluded_digits(q):
            c = citation_end(text, q.num_start, q.num_end) if q.num_end - q.num_start == 4 else None
            return max(token_end, c or 0)
        if q.num_end - q.num_start == 4:
            c = citation_end(text, q.num_start, q.num_end)
            if c is not None:
                return max(c, token_end)
        return self._quantity(q)

    def _slashed(self, s: int) -> int:
        """Digits joined by a slash: years (``2022/23``), a small fraction (``1/3``), or a
        code that is no mention (``9/11``, ``24/7``)."""
        text = self.text
        m = _SLASHED_RE.match(text, s)
        if m is None:  # three or more parts: not a date (those were read before), so a code
            k = s
            while k < len(text) and (text[k].isdigit() or text[k] == "/"):
                k += 1
            return k
        a, b = m.group(1), m.group(2)
        if self._excluded_digits(Quantity(s, m.end(1), Decimal(a), False, "")):
            return m.end()
        if len(a) == 4 and a[:2] in ("19", "20") and len(b) in (2, 4):
            yb = int(b) if len(b) == 4 else int(a[:2]) * 100 + int(b)
            if yb > int(a):
                self.add(s, m.end(1), "year", a)
                self.add(m.start(2), m.end(2), "year", str(yb))
                return m.end()
        if len(a) == 1 and len(b) <= 2 and 0 < int(a) < int(b) <= 10:
            self.add(s, m.end(), "ratio", ratio(Decimal(a), Decimal(b)))
        return m.end()

    def _excluded_digits(self, q: Quantity) -> bool:
        text = self.text
        s, e = q.num_start, q.num_end
        if self.web.covers(s, e):
            return True
        if is_enumerator(text, s, e) or is_footnote_marker(text, s, e):
            return True
        after = text[e : e + 1]
        allow_suffix = False
        if after.isalpha():
            if _YEAR_SUFFIX_RE.match(text, e) and e - s == 4 or _MEASURE_UNIT_RE.match(text, e):
                allow_suffix = True
            else:
                probe = read_core(text, s, False)
                if probe is not None:
                    cur = currency_before(text, s)
                    if cur is not None:
                        probe.currency = cur[1]
                    read_suffixes(text, probe, allow_ratio=False)
                    allow_suffix = probe.suffixed and (probe.end > e and text[probe.end - 1].isalpha())
                    if not allow_suffix and after == "x" and probe.kind == "multiplier":
                        allow_suffix = True
        allow_prefix = text[s - 1 : s].isalpha() and currency_before(text, s) is not None
        return is_code(text, s, e, allow_suffix, allow_prefix)

    def _quantity(self, q: Quantity) -> int:
        """Finish reading ``q`` (prefix, suffixes, a range after it) and record it."""
        text = self.text
        if not q.word:
            cur = currency_before(text, q.num_start)
            if cur is not None:
                q.start, q.currency = cur
        read_suffixes(text, q)
        if q.word and not self._word_counts(q):
            return q.end
        if q.kind in ("", "percent", "money", "duration") and q.ratio is None:
            other = self._range_partner(q)
            if other is not None:
                self.add_quantity(q)
                self.add_quantity(other)
                return other.end
        self.add_quantity(q)
        return q.end

    def _range_partner(self, a: Quantity) -> Quantity | None:
        """The second number of a range (``2010-2015``, ``15 and 29``, ``$5-10 million``),
        with what the two share given to both."""
        text = self.text
        m = _RANGE_LINK_RE.match(text, a.end)
        if m is None:
            return None
        pos = m.end()
        b_cur = None
        c = text[pos]
        if c in "$\u20ac\u00a3\\":
            b_cur = currency_before(text, pos + (2 if c == "\\" else 1))
            if b_cur is None:
                return None
            pos = pos + (2 if c == "\\" else 1)
            c = text[pos : pos + 1]
        if not c or not (c.isdigit() or c.isalpha()):
            return None
        if c.isalpha():
            b = read_core(text, pos, True)
            if b is None or b.first_word == "one" and not b.raw > 1:
                return None
        else:
            b = read_core(text, pos, False)
            if b is None or self._excluded_digits(b):
                return None
        if b_cur is not None:
            b.start, b.currency = b_cur[0], b_cur[1]
        elif a.currency and not b.word:
            b.currency = a.currency
        a_year = a.year_like(text)
        # 2019-20: a two-digit year after a four-digit one
        if (
            a_year
            and a.kind == ""
            and not b.word
            and b.num_end - b.num_start == 2
            and m.group().strip() in ("-", "\u2013", "\u2010", "\u2011", "/")
        ):
            century = int(text[a.num_start : a.num_start + 2]) * 100
            yb = century + int(text[b.num_start : b.num_end])
            if yb > int(text[a.num_start : a.num_end]) and not text[b.num_end : b.num_end + 1].isalnum():
                b.raw = Decimal(yb)
                b.kind = "year"
                return b
        read_suffixes(text, b, allow_ratio=False)
        if b.kind == "multiplier" and a.kind == "" and not a_year:
            a.kind = "multiplier"  # "two to three times higher"
            return b
        if b.kind in ("ratio", "multiplier"):
            return None
        if b.word and not self._word_counts(b, in_range=True):
            return None
        if a.kind and a.kind != b.kind and not (a.kind == "money" and b.kind == ""):
            return None
        b_year = b.year_like(text)
        if a_year != b_year and b.kind != "":
            return None
        if a.kind == "" and not a_year:
            if b.kind in ("percent", "money", "duration"):
                a.kind, a.unit, a.factor = b.kind, b.unit, b.factor
                if b.kind == "money" and not a.currency:
                    a.currency = b.currency
            if b.scale != 1 and a.scale == 1 and a.raw <= b.raw:
                a.scale = b.scale
        elif a.kind == "money":
            if b.kind == "":
                b.kind = "money"
                b.currency = b.currency or a.currency
            if b.scale != 1 and a.scale == 1 and a.raw <= b.raw:
                a.scale = b.scale
        return b

    def _word_counts(self, q: Quantity, in_range: bool = False) -> bool:
        """Whether the number words of ``q`` quantify (guide, rules 1 and 2)."""
        text = self.text
        s = q.num_start
        first = text[s]
        if first.isupper() and not self._sentence_opening(s, q.end):
            return False  # part of a title or a name: "Five Difficult but Necessary Proposals"
        if q.kind in ("ratio", "percent", "money", "duration", "multiplier") or q.scale != 1:
            return True
        h = _HYPHEN_WORD_RE.match(text, q.num_end)
        if h is not None and h.group(1).lower() not in _HYPHEN_OK:
            return False
        if q.raw == 1 and q.first_word == "one" and q.num_end - s == 3:
            if in_range:
                return True
            if _RANGE_LINK_RE.match(text, q.end):
                return True
            nw = _NEXT_WORD_RE.match(text, q.end)
            if nw is None:
                return False
            noun = nw.group(1)
            if noun in _NOT_NOUNS or _ANOTHER_AFTER_RE.match(text, nw.end()):
                return False  # "one of the", "from one country to another"
            if noun in ONE_COUNTED_NOUNS:
                return True
            before = text[max(0, s - 30) : s].lower()
            return _ONE_QUALIFIER_RE.search(before) is not None
        if q.raw == 0:
            nw = _NEXT_WORD_RE.match(text, q.end)
            return nw is not None and nw.group(1) not in ("tolerance", "sum", "hour", "point")
        return True

    def _sentence_opening(self, s: int, e: int = -1) -> bool:
        """Whether the word at ``s`` opens a sentence, a line or a quotation (and, after a
        colon, is not followed by a capitalised word, as in a title: ``: Five Difficult...``)."""
        text = self.text
        i = s
        while i > 0 and text[i - 1] in " \t\u00a0":
            i -= 1
        if i == 0:
            return True
        c = text[i - 1]
        if c == ":" and e >= 0:
            nw = _NEXT_CAP_WORD_RE.match(text, e)
            return nw is None
        return c in _SENTENCE_OPENERS or c == "\n"

    def at_word(self, s: int, e: int, word: str) -> int:
        """Read whatever starts with the trigger word ``text[s:e]``; return where reading stopped."""
        low = word.lower()
        text = self.text
        if low in MONTHS and word[0].isupper():
            hits, year_at = dates_at_month(text, s)
            for h in hits:
                self.add_date(h)
            if hits:
                return hits[-1].end
            if year_at is not None:
                self.add(year_at, year_at + 4, "year", text[year_at : year_at + 4])
                return year_at + 4
            return e
        if low.startswith("a "):
            if _ONE_UNIT_QUALIFIER_RE.search(text, max(0, s - 20), s) and not _POSSESSIVE_RE.match(text, e):
                unit, factor = DURATION_UNITS[low[2:]]
                self.add(s, e, "duration", str(factor), unit)
            return e
        if low in MULTIPLIER_WORDS:
            return self._multiplier_word(s, e, word, MULTIPLIER_WORDS[low])
        if low in ADVERB_MULTIPLIERS:
            if _TWICE_RE.match(text, e) and (word.islower() or self._sentence_opening(s)):
                self.add(s, e, "multiplier", str(ADVERB_MULTIPLIERS[low]))
            return e
        if low in FRACTIONS:
            return self._fraction_word(s, e, low)
        if low in SCALES or low == "dozen":
            art = _ARTICLE_BEFORE_RE.search(text, max(0, s - 4), s)
            got = read_number_words(text, s, start_at_one=True) if art is not None else None
            if art is None or got is None:
                return e
            q = Quantity(art.start(), got[1], got[0], True, "a")
            return self._quantity_from_article(q)
        q = read_core(text, s, True)
        if q is None:
            return e
        return self._quantity(q)

    def _quantity_from_article(self, q: Quantity) -> int:
        """``a million``, ``a dozen``: the article counts as one."""
        read_suffixes(self.text, q, allow_ratio=False)
        if q.kind in ("", "percent", "money", "duration"):
            self.add_quantity(q)
        return q.end

    def _multiplier_word(self, s: int, e: int, word: str, value: int) -> int:
        text = self.text
        if word[0].isupper() and not self._sentence_opening(s):
            return e
        nxt = text[e : e + 1]
        if nxt in ("-", "\u2010", "\u2011"):
            return e
        nw = _NEXT_WORD_RE.match(text, e)
        if nw is not None and nw.group(1) in NON_MULTIPLIER_FOLLOWERS:
            return e
        self.add(s, e, "multiplier", str(value))
        return e

    def _fraction_word(self, s: int, e: int, low: str) -> int:
        """``half``, ``a third``, ``a quarter`` reached without a number word before them."""
        text = self.text
        if low in ("half", "halves"):
            and_a_half = _UNIT_AND_A_HALF_RE.search(text, max(0, s - 24), s)
            if and_a_half is not None:  # a year and a half
                unit = and_a_half.group(1).lower()
                self.add(and_a_half.start(), e, "duration", "1.5", unit)
                return e
            if _HALF_BLOCKERS_BEFORE_RE.search(text, max(0, s - 12), s):
                return e
            sc = _HALF_SCALE_RE.match(text, e)
            if sc is not None:
                unit = sc.group(1).lower()
                mult = 12 if unit == "dozen" else SCALES[unit]
                self.add(s, sc.end(), "count", plain(Decimal(mult) / 2))
                return sc.end()
            if _HALF_BLOCKERS_AFTER_RE.match(text, e):
                return e
            if text[s].isupper() and not self._sentence_opening(s):
                return e
            self.add(s, e, "ratio", "0.5")
            return e
        art = _ARTICLE_BEFORE_RE.search(text, max(0, s - 4), s)
        if art is None or low not in SINGULAR_FRACTIONS:
            return e
        start = art.start()
        if low == "quarter":
            sc = _QUARTER_SCALE_RE.match(text, e)
            if sc is not None:
                self.add(start, sc.end(), "count", plain(Decimal(SCALES[sc.group(1).lower()]) / 4))
                return sc.end()
        # "a third of", "by a third." or "nearly a third": a fraction; "a third country" is not
        if (
            not _FRACTION_END_RE.match(text, e)
            and not qualifier(text, start)
            and not _BY_BEFORE_RE.search(text, max(0, start - 4), start)
        ):
            return e
        self.add(start, e, "ratio", ratio(Decimal(1), Decimal(FRACTIONS[low])))
        return e

    # -- finishing -------------------------------------------------------------------------

    def resolve_dates(self) -> None:
        """Give days written without a year the year their context makes plain (guide, rule 4).

        In order: a year written just before in the same sentence (``fiscal year 2023,
        which ended Sept. 30``); the year of the document's own date (a date opening
        one of its first lines), or the year before it when the day would fall after
        that date and nothing before it in the sentence speaks of the future; the
        last full date written before, else the last year; the first year written.
        """
        if not self.pending:
            return
        years = sorted(self.years)
        doc = self.doc_date
        sentences = SentenceFinder(self.text)
        positions = [y[0] for y in years]
        dated_years = [y for y in years if y[0] in self.full_dates]
        dated_positions = [y[0] for y in dated_years]
        year_at = dict(years)
        date_values = {f[0]: f[3] for f in self.found if f[2] == "date" and f[3]}
        reporting = self._reporting_years(years)
        for index, hit in self.pending:
            k = bisect.bisect_left(positions, hit.start)
            last = years[k - 1] if k else None  # the last year written before
            year = self._range_end_year(hit, year_at, date_values)
            if year is not None:
                pass
            elif (
                last is not None
                and hit.start - last[0] <= _SAME_CLAUSE_REACH
                and (doc is None or last[0] != doc.start)
                and sentences.around(hit.start, hit.end)[0] <= last[0]
            ):
                year = last[1]
            elif doc is not None and doc.year is not None:
                year = doc.year
                if self._after_document_date(hit, year) and not self._speaks_of_future(sentences, hit):
                    year -= 1
            elif last is not None:  # the last full date written before, else the reporting year
                j = bisect.bisect_left(dated_positions, hit.start)
                year = dated_years[j - 1][1] if j else reporting[k - 1]
            elif years:
                year = years[0][1]
            start, end, kind, _, unit = self.found[index]
            self.found[index] = (start, end, kind, hit.iso(year) if year is not None else "", unit)

    def _range_end_year(self, hit: DateHit, year_at: dict[int, int], date_values: dict[int, str]) -> int | None:
        """The year of a range's other end written with one (``April 1 to May 14, 2024``),
        the year before when the yearless end falls later in the calendar (``Dec. 1 to Jan. 5, 2024``)."""
        m = _DATE_RANGE_LINK_RE.match(self.text, hit.end)
        if m is None or m.end() == hit.end or m.end() not in year_at or m.end() not in self.full_dates:
            return None
        other = _MONTH_DAY_RE.match(date_values.get(m.end(), ""))
        year = year_at[m.end()]
        if other is not None and hit.day is not None and (hit.month, hit.day) > (int(other[1]), int(other[2])):
            year -= 1
        return year

    def _reporting_years(self, years: list[tuple[int, int]]) -> list[int]:
        """For each year written, the year the text reports on up to there, for a day without a
        year and no document date: the latest year written so far that is not a point of
        comparison or a target (``since 2021``, ``compared with 2019``, ``by 2030``); the last
        year written while all are."""
        text = self.text
        out: list[int] = []
        best: int | None = None
        for p, y in years:
            if not _NOT_REPORTING_YEAR_RE.search(text, max(0, p - 30), p):
                best = y if best is None else max(best, y)
            out.append(best if best is not None else y)
        return out

    def _after_document_date(self, hit: DateHit, year: int) -> bool:
        d = self.doc_date
        if d is None or d.year != year or hit.day is None or d.day is None:
            return False
        return (hit.month, hit.day) > (d.month, d.day)

    def _speaks_of_future(self, sentences: SentenceFinder, hit: DateHit) -> bool:
        s, _ = sentences.around(hit.start, hit.end)
        return _FUTURE_RE.search(self.text, s, hit.start) is not None


def _allowed_segments(text: str) -> list[tuple[int, int]]:
    segments = []
    pos = 0
    for start, end in sorted(reference_sections(text) + citation_lines(text)):
        if start > pos:
            segments.append((pos, start))
        pos = max(pos, end)
    segments.append((pos, len(text)))
    return segments


def extract(text: str) -> list[Mention]:
    """Every numeric mention of ``text``, sorted by (start, end); see the extraction guide."""
    doc = _Doc(text)
    for seg_start, seg_end in _allowed_segments(text):
        consumed = seg_start
        for m in TRIGGER_RE.finditer(text, seg_start, seg_end):
            s = m.start()
            if s < consumed:
                continue
            word = m.group("w")
            consumed = doc.at_digits(s, m.end()) if word is None else doc.at_word(s, m.end(), word)
    doc.resolve_dates()
    return _finish(text, _read_table_columns(text, _attach_signs(text, doc.found)))


_SIGNED_KINDS = frozenset(("count", "percent", "ratio"))
_SIGN_OPENERS = frozenset("( \t\n\u00a0|[")
_RANGE_BEFORE_SIGN_RE = re.compile(rf"[\d%]{_SP}+$")  # "10 -15 percent": a range, not a sign


def _attach_signs(text: str, found: list[tuple[int, int, str, str, str]]) -> list[tuple[int, int, str, str, str]]:
    """A sign written right before the digits belongs to the number: ``(\u22121.3%)`` is -1.3,
    ``fell to -2.5 percent`` -2.5, ``(+12%)`` 12. The sign must open a word (after a
    parenthesis, a cell bar, white space or the start of the text), so ranges such as
    ``8-9%`` or ``2010-2015`` keep their hyphen as a link."""
    out = []
    for start, end, kind, value, unit in found:
        if kind in _SIGNED_KINDS and start > 0 and text[start - 1] in "\u2212-+" and text[start].isdigit():
            before = text[start - 2] if start >= 2 else "\n"
            if before in _SIGN_OPENERS and not _RANGE_BEFORE_SIGN_RE.search(text, max(0, start - 12), start - 1):
                sign = text[start - 1]
                start -= 1
                if sign != "+" and value and not value.startswith("-") and value.strip("0.") != "":
                    value = "-" + value
        out.append((start, end, kind, value, unit))
    return out


def _read_table_columns(text: str, found: list[tuple[int, int, str, str, str]]) -> list[tuple[int, int, str, str, str]]:
    """A bare count alone in a table cell takes the kind, scale and unit of its column header."""
    cells = table_cells(text)
    if not cells:
        return found
    out = []
    for start, end, kind, value, unit in found:
        cell = cells.get(start)
        if cell is not None and cell[0] == end and kind == "count" and not unit:
            column = cell[1]
            kind, value, unit = column.kind, column.value(Decimal(value)), column.unit
        out.append((start, end, kind, value, unit))
    return out


def _finish(text: str, found: list[tuple[int, int, str, str, str]]) -> list[Mention]:
    rows = sorted(set(found), key=lambda r: (r[0], r[1], r[2]))
    sentences = SentenceFinder(text)
    out: list[Mention] = []
    seen: set[tuple[int, int, str]] = set()
    for start, end, kind, value, unit in rows:
        if not value or end <= start or (start, end, kind) in seen:
            continue
        seen.add((start, end, kind))
        ss, se = sentences.around(start, end)
        approx = qualifier(text, start)
        if kind in ("year", "date") and approx != "approx":
            approx = ""  # "over 2022" compares with a year; it does not bound it
        out.append(Mention(start, end, text[start:end], kind, value, unit, approx, ss, se, text[ss:se]))
    return out
