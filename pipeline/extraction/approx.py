"""Qualifiers read from the words right before a mention: ``approx``, ``min`` or ``max``.

``nearly 2 million`` is approx, ``over 100`` min, ``under 50`` max; ``just over``
is min and ``just under`` max; ``only`` and ``just`` alone set nothing. ``over the age of 65`` reads
through ``the age of``. Spanish qualifiers count too (``más de 25.000`` is min).
"""

from __future__ import annotations

import re

_QUALIFIERS: dict[str, str] = {
    # approx
    "nearly": "approx",
    "practically": "approx",
    "virtually": "approx",
    "almost": "approx",
    "about": "approx",
    "around": "approx",
    "roughly": "approx",
    "some": "approx",
    "approximately": "approx",
    "close to": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "circa": "approx",
    "ca.": "approx",
    "c.": "approx",
    "approx.": "approx",
    "just about": "approx",
    "more or less": "approx",
    "in the region of": "approx",
    "on the order of": "approx",
    "an approximate": "approx",
    "~": "approx",
    "\u2248": "approx",
    "nearly about": "approx",
    "almost exactly": "approx",
    "upwards of": "min",
    "upward of": "min",
    # min
    "over": "min",
    "more than": "min",
    "at least": "min",
    "above": "min",
    "just over": "min",
    "well over": "min",
    "well above": "min",
    "far more than": "min",
    "much more than": "min",
    "slightly more than": "min",
    "a little more than": "min",
    "a little over": "min",
    "slightly over": "min",
    "in excess of": "min",
    "no fewer than": "min",
    "no less than": "min",
    "not less than": "min",
    "not fewer than": "min",
    "a minimum of": "min",
    "greater than": "min",
    "north of": "min",
    "exceeding": "min",
    ">": "min",
    "\u2265": "min",
    "over and above": "min",
    "just above": "min",
    "just more than": "min",
    # max
    "under": "max",
    "less than": "max",
    "up to": "max",
    "at most": "max",
    "fewer than": "max",
    "just under": "max",
    "below": "max",
    "just below": "max",
    "no more than": "max",
    "not more than": "max",
    "a maximum of": "max",
    "as many as": "max",
    "as much as": "max",
    "barely": "max",
    "well under": "max",
    "well below": "max",
    "slightly less than": "max",
    "slightly fewer than": "max",
    "just less than": "max",
    "just shy of": "max",
    "shy of": "max",
    "a little under": "max",
    "a little less than": "max",
    "<": "max",
    "\u2264": "max",
    "only just": "max",
    "far fewer than": "max",
    "far less than": "max",
    # Spanish, in quotes and Spanish-language releases
    "más de": "min",
    "mas de": "min",
    "menos de": "max",
    "no más de": "max",
    "hasta": "max",
    "cerca de": "approx",
    "casi": "approx",
    "alrededor de": "approx",
    "aproximadamente": "approx",
}
_ALTERNATIVES = "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))
_QUALIFIER_RE = re.compile(rf"(?:^|(?<=[^a-z]))({_ALTERNATIVES})[\s*_(\"\u201c]*$")
#: "centred around four pillars": ``around`` after such verbs means a topic, not a quantity's vagueness.
_AROUND_AS_TOPIC_RE = re.compile(
    r"(?:cent(?:ere|re)d|revolv(?:e|es|ed|ing)|built|organi[sz]ed|structured|focused|focussed|gathered|clustered"
    r"|based|wrapped|arranged|grouped|designed|united|rallied)[\s*_]+around[\s*_(\"\u201c]*$"
)
_AGE_RE = re.compile(r"(?:the\s+)?ages?\s+(?:of\s+)?[\s*_]*$|aged\s+$")
_WINDOW = 40


def qualifier(text: str, start: int) -> str:
    """The approx value (``approx``, ``min``, ``max`` or ``""``) for a mention at ``start``."""
    window = text[max(0, start - _WINDOW) : start].lower()
    age = _AGE_RE.search(window)
    if age is not None and age.group().startswith(("the", "age")):
        window = window[: age.start()]
    m = _QUALIFIER_RE.search(window)
    if m is None:
        return ""
    if m.group(1) == "around" and _AROUND_AS_TOPIC_RE.search(window):
        return ""
    return _QUALIFIERS[m.group(1)]
