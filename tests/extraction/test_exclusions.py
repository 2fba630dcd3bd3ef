"""What is not a mention (guide, rules 2, 5 and 6): each sentence lists all that remains."""

from __future__ import annotations

import pytest
from extraction_cases import Row, found

CODES_AND_NAMES: list[tuple[str, list[Row]]] = [
    ("We learned during the COVID-19 pandemic that much work can be remote.", []),
    ("Visas such as the H-2B visa are not conducive.", []),
    ("SDG 17 - Partnerships for the Goals", []),
    ("Expulsions under Title 42 ended.", []),
    ("Public Policy to Support the Pilot – Phase 2", []),
    ("Leaders met at the G20 summit.", []),
    ("Form I-94 records arrivals.", []),
    ("Mexico, the No. 1 trading partner, agreed.", []),
    ("The 3rd-largest group of applicants.", []),
    ("Policy Brief No. 14 | Migration Research Center", []),
    ("Call 202-344-1780 for details.", []),
    ("At 7:30 a.m. the line was long.", []),
    ("Contact: Tel. +57 1 555 0100", []),
    ("Call 202 555 0100 or (502) 2410-0000.", []),
    ("Asylum under 8 U.S.C. 1158 and 8 CFR 208.13 applies.", []),
    ("The House passed H.R. 2 last spring.", []),
    ("Since the 9/11 attacks, with 24/7 monitoring.", []),
    ("Follow @IOM_2023 and #Migration2023 for updates.", []),
    ("Download the report (PDF, 1.2 MB).", []),
]

WEB_AND_FILES: list[tuple[str, list[Row]]] = [
    ("Read the report here: www.migrationpolicy.org/research/2021-report.", []),
    ("Write to info2021@example.org for a copy.", []),
    ("See https://doi.org/10.1080/08941920.2018.1482038 for details.", []),
    ("The data are in report_2021.pdf today.", []),
    ("It has [totaled 569,746](https://example.org/2021/data) so far.", [("569,746", "count", "569746", "", "")]),
    ("To view this license, visit [Creative Commons](https://creativecommons.org/licenses/by-nc-nd/4.0/).", []),
    ("See https://www.economist.com/the-americas/2021/10/23/as-mexico-ages today.", []),
]

ENUMERATORS_AND_FOOTNOTES: list[tuple[str, list[Row]]] = [
    ("Recommendations\n\n1. The US should act.\n2. Canada should too.", []),
    ("<p>2. Urgent Protection Pathways</p>", []),
    ("Developing Alternative Regular Migration Pathways¹", []),
    ("Text.\n\n² In the most recent statistics available, few.", []),
    ("Text.\n\n2 In the most recent statistics available, few.", []),
    ("They had 17,805 per week.12 The tiny number of pathways.", [("17,805", "count", "17805", "", "")]),
    ("Steps: (1) expand pathways; (2) invest.", []),
    ("The program began in 2021.3 The next year it grew.", [("2021", "year", "2021", "", "")]),
    ("Table of Contents\n\nExecutive Summary ...... 4\n\n1       Introduction .......... 3\n", []),
    ("Pages\n1 2 3 Next \u203a\n", []),
    ("1275 K St NW, Suite 800, Washington, DC 20005", []),
]

CITATIONS: list[tuple[str, list[Row]]] = [
    ("Fear and poverty interact (Clemens 2021a; Bermeo and Leblang 2021; Ibáñez et al 2021).", []),
    ("Advocates agree (e.g., Selee et al 2021; Newland and Riestler 2018; Hooper 2019).", []),
    ("Care matters (AARP 2020; US Bureau of Labor Statistics 2021).", []),
    ("As Abuelafia et al (2018) found, 40 percent cite violence.", [("40 percent", "percent", "40", "", "")]),
    ("According to IOM (2023), 686 people died.", [("686", "count", "686", "", "")]),
    ("Incomes rise sixteenfold (Brodbeck et al. 2018).", []),
    ("The criteria in the 1984 Cartagena Declaration (UNHCR 1984).", [("1984", "year", "1984", "", "")]),
    ("The Los Angeles Declaration on Migration and Protection (2022) helps.", [("2022", "year", "2022", "", "")]),
    ("Backlogs grew (Smith 2020, 45-67) again.", []),
]

VAGUE_AND_ORDINAL: list[tuple[str, list[Row]]] = [
    ("Hundreds of thousands of migrants have crossed.", []),
    ("Tens of thousands were released.", []),
    ("Dozens of families arrived.", []),
    ("Only a few Central Americans benefit.", []),
    ("It protects no more than a handful of people.", []),
    ("First, the motivations are mixed.", []),
    ("Secondly, the lack of workers matters.", []),
    ("A second phase led by MPI.", []),
    ("No one should have to risk their life.", []),
    ("It is one of the largest programs.", []),
    ("They work against one another.", []),
    ("Said one official, who asked not to be named.", []),
    ("Families move from one country to another.", []),
    ("A year-long study of reception.", []),
    ("Authorities expect flows to continue in the first quarter.", []),
    ("A safe third country agreement.", []),
    ("Double-digit growth and a double standard.", []),
    ("Pathways for Labor Migration: Five Difficult but Necessary Proposals", []),
    ("The time is ripe; MIRPS will meet in Guatemala in January.", []),
]


def test_reference_list_is_not_read() -> None:
    text = (
        "Arrivals rose by 30 percent.\n\nReferences\n\n"
        "- Smith, Jane. 2020. Migration in 2019. Journal 12 (3): 45-67. https://doi.org/10.1/x\n"
        "- UNHCR. 2021. Global Trends 2020.\n\n"
        "Acknowledgements\n\nCopyright © 2021 by the Council"
    )
    assert found(text) == [("30 percent", "percent", "30", "", ""), ("2021", "year", "2021", "", "")]


def test_sources_section_is_not_read_but_explanatory_endnotes_are() -> None:
    text = (
        "In FY 2023 there were 2.5 million encounters.\n\nEndnotes\n\n"
        "1. U.S. Customs and Border Protection, \u201cSouthwest Land Border Encounters,\u201d updated "
        "October 27, 2023, available online.\n"
        "2. In FY 2022, the total was 2.2 million; see note 1.\n\nSources\n\n"
        "Chishti, Muzaffar and Jessica Bolter. 2023. Title 42 Ends. Washington, DC: MPI.\n\n"
        "About the authors: 3 researchers."
    )
    assert [m[0] for m in found(text)] == ["2023", "2.5 million", "2022", "2.2 million", "3"]


@pytest.mark.parametrize(("sentence", "expected"), CODES_AND_NAMES)
def test_codes_and_names_with_digits(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), WEB_AND_FILES)
def test_digits_in_addresses_and_file_names(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), ENUMERATORS_AND_FOOTNOTES)
def test_enumerators_and_footnote_markers(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), CITATIONS)
def test_author_year_citations(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), VAGUE_AND_ORDINAL)
def test_vague_amounts_ordinals_and_pronoun_one(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


def test_federal_register_citation_is_not_a_mention() -> None:
    assert found("The rule was published at 89 FR 12345 and takes effect soon.") == []


def test_phone_number_with_country_code_and_area_code_is_not_a_mention() -> None:
    assert found("Press office: +1 (212) 555-0142, or write to us.") == []


def test_interstate_number_is_a_road_name() -> None:
    assert found("Agents patrol Interstate 8 near the border.") == []


def test_source_line_is_a_citation_line() -> None:
    text = "Arrests rose 12%.\n\nSource: Border Agency statistics (accessed March 3, 2024); Annual Report (May 2023).\n"
    assert found(text) == [("12%", "percent", "12", "", "")]


def test_footnote_citing_a_publication_is_bibliographic() -> None:
    text = "Flows grew 4% in 2023.\u00b9\n\n\u00b9 Remittance Outlook 12, June 2023. Available at www.example.org/x.\n"
    assert found(text) == [("4%", "percent", "4", "", ""), ("2023", "year", "2023", "", "")]
