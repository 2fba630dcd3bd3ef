"""The gazetteer: which phrases name which places, and where a text names them.

Countries come from ISO 3166-1 and the CLDR names (``iso_countries.py``) with the abbreviations and
demonyms of ``countries.py``; regions come from the curated ``sources/regions.yaml``
and are handed in as ``Region`` records, so this module reads no file. Matching is
case-sensitive and on whole words (one pattern: a prefix tree of the phrases), the longest phrase first
(``Northern Central America`` before ``Central America``), and ignores a place that is only part of
an organisation's or instrument's name (``Mexico Institute``, ``Central America
Free Trade Agreement``) or of a currency (``US$3 million``, ``100 US dollars``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pipeline.places.countries import AGENCIES, DEMONYM_SUFFIXES, EXTRA_ALIASES, PLACES_WITHIN
from pipeline.places.iso_countries import country_names, country_phrases
from pipeline.text.phrase_pattern import phrase_alternation

COUNTRY_NAMES: dict[str, str] = country_names()

# A place followed by one of these words is part of a name, not a place the text speaks of.
NAME_WORDS = frozenset(
    str.split(
        """Program Programme Institute Initiative Declaration Convention Council Center Centre Conference Process
    Summit Dialogue Studies Foundation University Free Trade Agreement Task Force Framework Bank Office Commission
    Compact Fund Forum Group Project Partnership Platform Network Alliance Association Society Times Post Herald
    Journal Review Customs Citizenship Immigration Department Embassy Ministry Coast Navy Army Agency Census"""
    )
)


@dataclass(frozen=True, slots=True)
class Region:
    """A region the documents name: code, name, the phrases naming it and its member countries."""

    code: str
    name: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A phrase of a text naming one or more places."""

    start: int
    end: int
    codes: tuple[str, ...]


class Gazetteer:
    """Phrases naming places (ISO countries, their aliases and demonyms, the regions given), as one pattern."""

    def __init__(
        self, regions: tuple[Region, ...], shared_aliases: Mapping[str, tuple[str, ...]] | None = None
    ) -> None:
        self.regions = regions
        self.shared_aliases = dict(shared_aliases or {})
        phrases: dict[str, set[str]] = {}
        for code, names in country_phrases().items():
            for name in names:
                phrases.setdefault(name, set()).add(code)
        for code, aliases in EXTRA_ALIASES.items():
            for alias in aliases:
                for form in _with_plural(alias):
                    phrases.setdefault(form, set()).add(code)
        for code, names in PLACES_WITHIN.items():
            for name in names:
                phrases.setdefault(name, set()).add(code)
        self._agencies = frozenset(name for names in AGENCIES.values() for name in names)
        for code, names in AGENCIES.items():
            for name in names:
                phrases.setdefault(name, set()).add(code)
        for region in regions:
            for alias in (region.name, *region.aliases):
                phrases.setdefault(alias, set()).add(region.code)
        for alias, codes in self.shared_aliases.items():
            phrases[alias] = set(codes)
        self._phrases = {p: tuple(sorted(c)) for p, c in phrases.items()}
        self._pattern = re.compile(r"(?<![\w.-])" + phrase_alternation(phrases) + r"(?![\w$-])")

    @property
    def codes(self) -> dict[str, str]:
        """Every code the gazetteer can give, with its name."""
        return {**COUNTRY_NAMES, **{r.code: r.name for r in self.regions}}

    def names_people(self, phrase: str) -> bool:
        """Whether ``phrase`` is a demonym's plural (``Venezuelans``, ``Central Americans``): people, not a place."""
        return phrase.endswith("s") and phrase in self._phrases and phrase[:-1] in self._phrases

    def find(self, text: str) -> list[PlaceMatch]:
        """Every phrase of ``text`` naming a place, in order, names of organisations excluded."""
        found = []
        for m in self._pattern.finditer(text):
            agency = m.group() in self._agencies
            if not agency and _is_part_of_name(text, m.end()) or _is_other_border(text, m):
                continue
            found.append(PlaceMatch(m.start(), m.end(), self._phrases[m.group()]))
        return found


def _with_plural(alias: str) -> Iterable[str]:
    yield alias
    if alias.endswith(DEMONYM_SUFFIXES):
        yield alias + "s"


_NEXT_WORD = re.compile(r"(?:['’]s)?\s+([A-Z][A-Za-z]*)")


_CURRENCY = re.compile(r"\s+(?:dollars?|pesos?|cents?)\b")


def _is_part_of_name(text: str, end: int) -> bool:
    """Whether the place ending at ``end`` is part of a name (``Mexico Institute``) or a currency (``US dollars``)."""
    if _CURRENCY.match(text, end):
        return True
    m = _NEXT_WORD.match(text, end)
    if m is None or text[end : end + 2] in ("'s", "’s"):
        return False
    return m.group(1) in NAME_WORDS


# `the southern border of Mexico`, `the southern border with Guatemala`: another country's border, not the US one.
_OTHER_BORDER = re.compile(r"\s+(?:of|with)\s+(?!the\s+(?:United\s+States|U\.?S\.?A?\.?)(?!\w))")


def _is_other_border(text: str, m: re.Match[str]) -> bool:
    """Whether a border phrase naming no country (``southern border``) is followed by the country it belongs to."""
    return m.group().endswith("border") and _OTHER_BORDER.match(text, m.end()) is not None


def codes_text(codes: Iterable[str]) -> str | None:
    """Codes as the ``geography`` column writes them: sorted, unique, joined by ``;``; None if there are none."""
    unique = sorted(set(codes))
    return ";".join(unique) if unique else None
