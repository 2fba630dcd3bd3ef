"""How to cite the release: ``CITATION.cff`` (Citation File Format 1.2.0), a plain reference and BibTeX.

Generated from the release description; the source documents are listed as
references, with the licence each states where it is a known SPDX licence.
"""

from __future__ import annotations

import re
from itertools import groupby

import pandas as pd
import yaml

from pipeline.common.isodates import stated_date
from pipeline.release.info import ReleaseInfo
from pipeline.release.licences import spdx_id

CITATION_FILE = "CITATION.cff"


def _reference(row: object) -> dict[str, object]:
    ref: dict[str, object] = {
        "type": "report",
        "title": str(row.title),  # type: ignore[attr-defined]
        "authors": [{"name": str(row.publisher)}],  # type: ignore[attr-defined]
    }
    published = stated_date(row.published, row.published_precision)  # type: ignore[attr-defined]
    if published is not None:
        parts = str(published).split("-")
        ref["year"] = int(parts[0])
        if len(parts) > 1:
            ref["month"] = int(parts[1])
        if len(parts) > 2:
            ref["date-published"] = str(published)
    url = row.url  # type: ignore[attr-defined]
    if not pd.isna(url):
        ref["url"] = str(url)
    licence = spdx_id(str(row.license))  # type: ignore[attr-defined]
    if licence:
        ref["license"] = licence
    ref["notes"] = f"Document {row.doc_id} of the dataset; licence as stated: {row.license}."  # type: ignore[attr-defined]
    return ref


def citation_data(info: ReleaseInfo, documents: pd.DataFrame) -> dict[str, object]:
    """What ``CITATION.cff`` states: the release, and each source document as a reference (by ``doc_id``)."""
    cff: dict[str, object] = {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite it as below, and cite the source documents you rely on.",
        "type": "dataset",
        "title": info.title,
        "abstract": info.description,
        "version": info.version,
        "date-released": info.date,
        "authors": [{"name": name} for name in info.creators],
    }
    if info.licence.name:
        cff["license"] = info.licence.name
    if info.homepage:
        cff["url"] = info.homepage
    if info.keywords:
        cff["keywords"] = list(info.keywords)
    cff["references"] = [_reference(row) for row in documents.sort_values("doc_id").itertuples(index=False)]
    return cff


def citation_cff(info: ReleaseInfo, documents: pd.DataFrame) -> bytes:
    """``CITATION.cff`` for the release: ``citation_data`` as one ``yaml.safe_dump`` writes it."""
    cff = citation_data(info, documents)
    references = cff.pop("references")
    assert isinstance(references, list)
    if not references:
        return _yaml({**cff, "references": []}, yaml.SafeDumper).encode("utf-8")
    items = "".join(_references_yaml(list(run)) for _, run in groupby(references, key=_is_plain))
    return (_yaml(cff, yaml.SafeDumper) + _REFERENCES_KEY + items).encode("utf-8")


#: libyaml's emitter where PyYAML has it; it writes what PyYAML's own emitter writes for plain texts (below).
_FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_REFERENCES_KEY = "references:\n"
#: Texts both emitters write alike: printable characters of the Basic Multilingual Plane, no line break of any
#: kind, no byte-order mark. Outside it they differ (libyaml escapes astral characters, folds escaped
#: double-quoted texts at other columns), so a reference holding any other character is written by PyYAML.
_PLAIN_TEXT = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")


def _yaml(data: object, dumper: type) -> str:
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def _is_plain(value: object) -> bool:
    """Whether every text inside ``value`` (a reference: dicts, lists, texts, numbers) is plain."""
    if isinstance(value, str):
        return _PLAIN_TEXT.fullmatch(value) is not None
    if isinstance(value, dict):
        return all(_is_plain(v) for v in value.values())
    if isinstance(value, list):
        return all(_is_plain(v) for v in value)
    return True


def _references_yaml(references: list[dict[str, object]]) -> str:
    """Items of the ``references`` list, all plain or none, as the whole file's YAML writes them (PyYAML took
    seconds for 10,000)."""
    dumper = _FAST_DUMPER if _is_plain(references) else yaml.SafeDumper
    return _yaml({"references": references}, dumper).removeprefix(_REFERENCES_KEY)


def plain_reference(info: ReleaseInfo) -> str:
    """The release as a one-line reference: authors (year). Title (version x) [Data set]."""
    return f"{'; '.join(info.creators)} ({info.date[:4]}). {info.title} (Version {info.version}) [Data set]."


def bibtex(info: ReleaseInfo) -> str:
    """The release as a BibTeX ``@misc`` entry."""
    key = re.sub(r"[^A-Za-z0-9]+", "_", f"{info.name}_{info.version}").strip("_")
    authors = " and ".join("{" + name + "}" for name in info.creators)
    return (
        f"@misc{{{key},\n"
        f"  author = {{{authors}}},\n"
        f"  title = {{{info.title}}},\n"
        f"  year = {{{info.date[:4]}}},\n"
        f"  version = {{{info.version}}},\n"
        f"  note = {{Data set, released {info.date}}},\n"
        "}"
    )
