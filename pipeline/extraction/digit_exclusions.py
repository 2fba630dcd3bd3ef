"""Whether digits the scan reached are no mention at all.

Digits inside a web address, an enumerator or footnote marker, or a code such as
``H-2B`` or ``COVID-19``; a suffix that makes a quantity (``1990s``, ``100m``,
``5bn``) keeps them a mention. Shared by the digit reader and the range reader.
"""

from __future__ import annotations

import re

from pipeline.extraction.exclusions import is_code, is_enumerator, is_footnote_marker
from pipeline.extraction.found import ScanState
from pipeline.extraction.patterns import YEAR_SUFFIX_RE
from pipeline.extraction.quantities import Quantity, currency_before, read_core, read_suffixes

# units written right after the digits ("100m from the border", "30mph", "5kg", "2GW"): a measured quantity
_MEASURE_UNIT_RE = re.compile(
    r"(?:km|m|kg|mg|g|mi|ft|yd|cm|mm|lbs?|oz|ml|cl|ha|sq|sqm|m2|km2|mph|kmh|kph|km/h|nm|kW|MW|GW|kWh|MWh|GWh|TWh"
    r"|mAh|hp|bhp|cc|psi|Mbps|Gbps)(?![A-Za-z0-9])"
)


def excluded_digits(state: ScanState, q: Quantity) -> bool:
    """Whether the digits of ``q`` are no mention (web token, enumerator, footnote, code)."""
    text = state.text
    s, e = q.num_start, q.num_end
    if state.web.covers(s, e):
        return True
    if is_enumerator(text, s, e) or is_footnote_marker(text, s, e):
        return True
    allow_suffix = text[e : e + 1].isalpha() and _quantity_suffix(text, s, e)
    allow_prefix = text[s - 1 : s].isalpha() and currency_before(text, s) is not None
    return is_code(text, s, e, allow_suffix, allow_prefix)


def _quantity_suffix(text: str, s: int, e: int) -> bool:
    """Whether the letters right after the digits ``text[s:e]`` make them a quantity, not a code."""
    if YEAR_SUFFIX_RE.match(text, e) and e - s == 4 or _MEASURE_UNIT_RE.match(text, e):
        return True
    probe = read_core(text, s, False)
    if probe is None:
        return False
    cur = currency_before(text, s)
    if cur is not None:
        probe.currency = cur[1]
    read_suffixes(text, probe, allow_ratio=False)
    if probe.suffixed and (probe.end > e and text[probe.end - 1].isalpha()):
        return True
    return text[e : e + 1] == "x" and probe.kind == "multiplier"
