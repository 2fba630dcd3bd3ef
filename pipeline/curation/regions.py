"""``sources/regions.yaml``: the regions the documents name, their codes and member countries.

Checks that every region code is new (not an ISO 3166-1 alpha-3 code, so a
geography code is never ambiguous), that members are ISO codes, and that every
shared alias names known codes.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.common.yamlfile import load_mapping
from pipeline.curation.errors import CurationError
from pipeline.curation.fields import check_fields, text_field
from pipeline.places.gazetteer import COUNTRY_NAMES, Gazetteer, Region

REGIONS_FILE = "regions.yaml"
_CODE = re.compile(r"^[A-Z]{3}(-[A-Z]{3})?$")


def load_gazetteer(sources_dir: Path) -> Gazetteer:
    """The gazetteer of ISO countries and the regions of ``sources_dir/regions.yaml``."""
    path = sources_dir / REGIONS_FILE
    data = load_mapping(path, "regions", CurationError)
    raw = data["regions"]
    if not isinstance(raw, dict) or not raw:
        raise CurationError(path, "'regions' must map region codes to their definitions")
    regions = tuple(_region(path, str(code), entry) for code, entry in raw.items())
    known = set(COUNTRY_NAMES) | {r.code for r in regions}
    shared = data.get("shared_aliases") or {}
    if not isinstance(shared, dict):
        raise CurationError(path, "'shared_aliases' must map phrases to lists of codes")
    shared_aliases: dict[str, tuple[str, ...]] = {}
    for phrase, codes in shared.items():
        entry = f"shared alias {phrase!r}"
        if not isinstance(codes, list) or not codes or any(c not in known for c in codes):
            raise CurationError(path, f"must list known country or region codes, got {codes!r}", entry)
        shared_aliases[str(phrase)] = tuple(codes)
    return Gazetteer(regions=regions, shared_aliases=shared_aliases)


def _region(path: Path, code: str, entry: object) -> Region:
    name = f"region {code!r}"
    entry = check_fields(path, name, entry, ("name", "aliases", "members"), ("note",))
    if not _CODE.match(code):
        raise CurationError(path, "code must be three capital letters, optionally '-' and three more", name)
    if code in COUNTRY_NAMES:
        raise CurationError(path, f"code is the ISO 3166-1 code of {COUNTRY_NAMES[code]}; choose another", name)
    aliases, members = entry["aliases"], entry["members"]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise CurationError(path, "aliases must be a list of phrases", name)
    if not isinstance(members, list) or not members:
        raise CurationError(path, "members must be a non-empty list of ISO 3166-1 alpha-3 codes", name)
    unknown = [m for m in members if m not in COUNTRY_NAMES]
    if unknown:
        raise CurationError(path, f"unknown ISO 3166-1 alpha-3 member code(s): {', '.join(map(str, unknown))}", name)
    if len(set(members)) != len(members):
        raise CurationError(path, "members lists a country twice", name)
    return Region(
        code=code,
        name=text_field(path, name, entry, "name") or code,
        aliases=tuple(a.strip() for a in aliases),
        members=tuple(sorted(members)),
        note=(text_field(path, name, entry, "note", required=False) or ""),
    )
