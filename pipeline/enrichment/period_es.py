"""Time expressions as Spanish documents write them (news wires, central banks, migration offices of Latin America).

Read with a year mention (``en abril de 2020``, ``entre enero y abril de 2023``,
``el primer semestre de 2019``, ``el tercer trimestre de 2022``, ``los primeros
cinco meses de 2021``) or against the document's date (``el año pasado``,
``este año``, ``en lo que va del año``, ``en lo que va de 2024``, ``el mes
pasado``, ``el pasado sábado``, ``este mismo lunes``, ``entre enero y octubre``,
``en mayo``). The same periods as their English counterparts in ``period``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from pipeline.extraction.lexicon import SPANISH_MONTHS

MESES = SPANISH_MONTHS  # the extractor's Spanish month names, one list for both
_MES = r"(?:" + "|".join(MESES) + r")"
_NUMEROS = {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10}
_NUMEROS["once"] = 11
_ORDINALES = {"primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4}
_DIAS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")

# Words right before a year mention (`en abril de 2020`): the part of that year they name.
_BEFORE_YEAR = re.compile(
    rf"(?:\b(?:entre|de|desde)\s+(?P<m1>{_MES})\s+(?:y|a|hasta|al?)\s+)?\b(?P<m>{_MES})\s+(?:de|del)\s+$"
    r"|\b(?P<ord>primer|primero|segundo)\s+semestre\s+(?:de|del)\s+(?:año\s+)?$"
    r"|\b(?P<qord>primer|primero|segundo|tercer|tercero|cuarto)\s+trimestre\s+(?:de|del)\s+(?:año\s+)?$"
    r"|\bprimeros\s+(?P<n>\d{1,2}|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once)\s+meses\s+(?:de|del)\s+"
    r"(?:año\s+)?$",
    re.IGNORECASE,
)

# Relative expressions read against the document's date.
RELATIVE_ES = re.compile(  # every branch starts a word with a letter: the leading test skips other positions fast
    r"(?<!\w)(?=[A-Za-z])(?:"
    r"\b(?P<pasado>el\s+año\s+pasado|el\s+año\s+anterior)\b"
    r"|\b(?P<este>este\s+año|el\s+presente\s+año|el\s+año\s+en\s+curso)\b"
    r"|\b(?P<vafar>en\s+lo\s+que\s+va\s+(?:del|de)\s+(?:año|(?P<vayear>(?:19|20)\d\d)))\b"
    r"|\b(?P<mespasado>el\s+mes\s+pasado)\b"
    rf"|\b(?P<dia>(?:el\s+pasado|este\s+mismo|este|el)\s+(?P<d>{'|'.join(_DIAS)})(?:\s+pasado)?)\b"
    r"|\b(?P<ayer>ayer)\b"
    rf"|\b(?P<rango>entre\s+(?P<r1>{_MES})\s+y\s+(?P<r2>{_MES}))\b(?!\s+(?:de|del)\s+(?:19|20)\d\d)"
    rf"|\b(?P<mes>(?:en|durante|hasta|desde)\s+(?:el\s+mes\s+de\s+)?(?P<mm>{_MES}))\b(?!\s+(?:de|del)\s+(?:19|20)\d\d)"
    r")",
    re.IGNORECASE,
)


def _last_day(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _months(year: int, first: int, last: int) -> tuple[str, str]:
    return f"{year:04d}-{first:02d}-01", _last_day(year, last)


def year_part(before: str, year: int) -> tuple[str, str, int] | None:
    """The period and the offset in ``before`` where the Spanish words naming a part of ``year`` start, or None."""
    m = _BEFORE_YEAR.search(before)
    if m is None:
        return None
    if m.group("m"):
        last = MESES[m.group("m").lower()]
        first = MESES[m.group("m1").lower()] if m.group("m1") else last
        if first > last:
            return None
        lo, hi = _months(year, first, last)
    elif m.group("ord"):
        half = _ORDINALES[m.group("ord").lower()]
        lo, hi = _months(year, 6 * half - 5, 6 * half)
    elif m.group("qord"):
        quarter = _ORDINALES[m.group("qord").lower()]
        lo, hi = _months(year, 3 * quarter - 2, 3 * quarter)
    else:
        n = m.group("n").lower()
        lo, hi = _months(year, 1, min(12, int(n) if n.isdigit() else _NUMEROS[n]))
    return lo, hi, m.start()


def relative_period(m: re.Match[str], today: str) -> tuple[str | None, str | None]:
    """The first and last day of a match of ``RELATIVE_ES`` read against the document's date ``today``."""
    year, month = int(today[:4]), int(today[5:7])
    if m.group("pasado"):
        return f"{year - 1:04d}-01-01", f"{year - 1:04d}-12-31"
    if m.group("este"):
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    if m.group("vafar"):
        named = int(m.group("vayear")) if m.group("vayear") else year
        return f"{named:04d}-01-01", today if named == year else f"{named:04d}-12-31"
    if m.group("mespasado"):
        previous = (year, month - 1) if month > 1 else (year - 1, 12)
        return _months(previous[0], previous[1], previous[1])
    if m.group("dia") or m.group("ayer"):
        day = date.fromisoformat(today)
        back = (day.weekday() - _DIAS.index(m.group("d").lower())) % 7 if m.group("dia") else 1
        named_day = (day - timedelta(days=back)).isoformat()
        return named_day, named_day
    if m.group("rango"):
        first, last = MESES[m.group("r1").lower()], MESES[m.group("r2").lower()]
        in_year = year if last <= month else year - 1
        return _months(in_year, first, last) if first <= last else (None, None)
    named_month = MESES[m.group("mm").lower()]
    lo, hi = _months(year if named_month <= month else year - 1, named_month, named_month)
    prep = m.group("mes").split()[0].lower()
    return (None, hi) if prep == "hasta" else (lo, None) if prep == "desde" else (lo, hi)
