"""ISO 3166-1 countries, their names in English and Spanish, from maintained libraries rather than a hand table.

Codes and ISO names come from ``iso3166`` (MIT; the ISO 3166-1 list); the common
English and Spanish names from the Unicode CLDR through ``babel`` (BSD), the data
every major locale library uses: CLDR gives the short names documents use
(``Russia``, ``Bolivia``, ``Vietnam``) and the Spanish ones of the Spanish documents
(``México``, ``Estados Unidos``, ``Panamá``). The demonyms and abbreviations the
documents use are in ``countries.py``.
"""

from __future__ import annotations

import re
from functools import cache

import iso3166
from babel import Locale

#: The languages whose country names are matched: those of the corpus' documents.
LANGUAGES = ("en", "es")


def _usable(name: str) -> bool:
    """Whether a name reads as the text would write it (not ISO's inverted ``Congo, The Democratic Republic of``)."""
    return "," not in name and "(" not in name and " - " not in name and len(name) >= 4


def _plain(name: str) -> str:
    """A CLDR name as running text writes it (``St. Kitts & Nevis``: ``Saint Kitts and Nevis``)."""
    return re.sub(r"\bSt\. ", "Saint ", name.replace("’", "'").replace(" & ", " and "))


def _forms(name: str) -> set[str]:
    """A CLDR name as CLDR and as running text write it."""
    return {name.replace("’", "'"), _plain(name)}


@cache
def country_names() -> dict[str, str]:
    """Every ISO 3166-1 alpha-3 code with its display name: CLDR's common English name (``Venezuela``, not
    ISO's ``Venezuela, Bolivarian Republic of``), except where CLDR abbreviates with ``&`` and ISO's reads well
    (``Saint Vincent and the Grenadines``), else ISO's as running text writes it."""
    english = Locale("en").territories
    names: dict[str, str] = {}
    for country in iso3166.countries:
        iso, cldr = country.apolitical_name, english.get(country.alpha2, "")
        if cldr and "(" not in cldr and " - " not in cldr and not ("&" in cldr and _usable(iso)):
            names[country.alpha3] = _plain(cldr).removesuffix(" SAR China")
        else:
            names[country.alpha3] = iso if _usable(iso) else _uninverted(iso)
    return names


def _uninverted(name: str) -> str:
    """ISO's name as running text writes it: ``Korea, Republic of`` is ``Republic of Korea``, ``Falkland Islands
    (Malvinas)`` is ``Falkland Islands``."""
    name = re.sub(r"\s*\([^)]*\)", "", name)
    head, comma, tail = name.partition(", ")
    return f"{tail} {head}" if comma else name


@cache
def country_phrases() -> dict[str, frozenset[str]]:
    """Every alpha-3 code with the phrases naming it: ISO's name and CLDR's English and Spanish names."""
    territories = [Locale(language).territories for language in LANGUAGES]
    phrases: dict[str, frozenset[str]] = {}
    for country in iso3166.countries:
        found = {country_names()[country.alpha3]}
        if _usable(country.apolitical_name):
            found.add(country.apolitical_name)
        for names in territories:
            name = names.get(country.alpha2)
            if name and _usable(name):
                found |= _forms(name)
        phrases[country.alpha3] = frozenset(found)
    return phrases
