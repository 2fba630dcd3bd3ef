"""Enrichment read as a reader reads a whole document: its date, its scope, and what each sentence carries on.

Each case is a short text written for these tests (no sentence of an evaluation
set), the publication date the pipeline has for it, the statistical figure as
written, the column looked at and the value a careful reader gives it. The
extractor finds the figure; nothing is stubbed.
"""

from __future__ import annotations

from functools import cache

import pytest

from pipeline.curation.regions import load_gazetteer
from pipeline.enrichment import STATISTICAL_KINDS, Enrichment, Gazetteer, enrich
from pipeline.extraction import extract_with_date
from tests.conftest import SEED_SOURCES


@cache
def gazetteer() -> Gazetteer:
    return load_gazetteer(SEED_SOURCES)


def enrichment_of(text: str, figure: str, published: str | None = None) -> Enrichment:
    """The enrichment of the one statistical mention written ``figure`` of ``text``, published on ``published``."""
    mentions, document_date = extract_with_date(text, published)
    found = [
        e
        for m, e in zip(mentions, enrich(text, mentions, gazetteer(), document_date), strict=True)
        if m.text == figure and m.kind in STATISTICAL_KINDS
    ]
    assert len(found) == 1, f"no single statistical mention {figure!r} in {[m.text for m in mentions]}"
    return found[0]


def period(text: str, figure: str, published: str | None = None) -> tuple[str | None, str | None]:
    e = enrichment_of(text, figure, published)
    return e.period_start, e.period_end


def geography(text: str, figure: str, published: str | None = None) -> str | None:
    return enrichment_of(text, figure, published).geography_text


# --- periods carried on -------------------------------------------------------------------------------------------


def test_the_next_paragraph_keeps_the_time_frame_of_the_figure_before() -> None:
    text = "Border agents recorded 204,000 encounters in May.\n\nAgents also seized 1,200 pounds of fentanyl."
    assert period(text, "1,200", "2023-06-15") == ("2023-05-01", "2023-05-31")


def test_the_frame_is_not_carried_past_a_paragraph_without_figures() -> None:
    text = (
        "Border agents recorded 204,000 encounters in May.\n\nThe agency gave no breakdown.\n\n"
        "Shelters hold 3,000 beds."
    )
    assert period(text, "3,000", "2023-06-15") == (None, None)


def test_an_open_period_is_carried_on_as_well() -> None:
    text = "Since 2014, 8,500 migrants have died on the route.\n\nIn addition, 190 migrants died at sea."
    assert period(text, "190", "2023-11-23") == ("2014-01-01", None)


@pytest.mark.parametrize(
    "sentence",
    ["Presently 30 percent of workers are informal.", "About 30 percent of workers are informal (Lopez et al. 2018)."],
)
def test_a_sentence_about_the_present_or_citing_a_study_keeps_no_earlier_frame(sentence: str) -> None:
    text = f"Remittances reached $8 billion in 2021. {sentence}"
    assert period(text, "30 percent", "2022-03-01") == (None, None)


def test_a_change_from_a_base_takes_the_current_month_not_the_base() -> None:
    text = "Encounters reached 191,900 in March, up 23% from 156,000 in February, and up 40% from January."
    assert period(text, "40%", "2023-04-19") == ("2023-03-01", "2023-03-31")
    assert period(text, "156,000", "2023-04-19") == ("2023-02-01", "2023-02-28")


def test_the_time_of_a_base_does_not_date_the_change_measured_from_it() -> None:
    text = "A record 269,000 people were counted in September.\n\nThat is up 16% from 233,000 in August."
    assert period(text, "16%", "2023-10-31") == ("2023-09-01", "2023-09-30")


def test_a_change_on_the_same_months_of_an_earlier_year_takes_the_current_months() -> None:
    text = "Remittances reached $11 billion between January and April, 7.8% more than in the same months of 2022."
    assert period(text, "7.8%", "2023-06-18") == ("2023-01-01", "2023-04-30")


def test_a_time_at_the_end_of_a_clause_dates_the_figures_before_it_in_the_clause() -> None:
    assert period("Some 200 people crossed in four boats on Monday.", "200", "2024-08-20") == (
        "2024-08-19",
        "2024-08-19",
    )


def test_the_only_time_of_a_sentence_dates_all_its_figures() -> None:
    text = "At least 900 migrants, 60 of them children, died on the route in 2023."
    assert period(text, "900") == ("2023-01-01", "2023-12-31")


def test_the_same_time_last_year_takes_the_current_frame_a_year_earlier() -> None:
    text = "So far this year 29,000 people have crossed, against 26,500 at the same time last year."
    assert period(text, "26,500", "2024-10-26") == ("2023-01-01", "2023-10-26")


def test_the_same_period_of_an_earlier_year_takes_the_current_frame_in_that_year() -> None:
    text = "Between January and April 2020, 6,200 migrants arrived. In the same period of 2019, 9,000 arrived."
    assert period(text, "9,000") == ("2019-01-01", "2019-04-30")


# --- relative time read against the publication date --------------------------------------------------------------

RELATIVE = [
    (
        "So far this fiscal year, officers have made 410,000 arrests.",
        "410,000",
        "2024-02-10",
        ("2023-10-01", "2024-02-10"),
    ),
    ("Rescuers brought 140 people ashore on Sunday.", "140", "2024-06-11", ("2024-06-09", "2024-06-09")),
    ("Officials counted 1,200 arrivals so far in 2022.", "1,200", "2022-05-04", ("2022-01-01", "2022-05-04")),
    (
        "Applications rose to 99,000 in the first three quarters of the year.",
        "99,000",
        "2023-10-04",
        ("2023-01-01", "2023-09-30"),
    ),
    (
        "Guatemala received $90 billion in the last five years.",
        "$90 billion",
        "2023-06-18",
        ("2018-01-01", "2022-12-31"),
    ),
    (
        "The office issued 2,000 permits in the first half of the year.",
        "2,000",
        "2021-08-02",
        ("2021-01-01", "2021-06-30"),
    ),
    ("The agency's report for June counts 88,000 returns.", "88,000", "2021-07-20", ("2021-06-01", "2021-06-30")),
    ("In the first eight days of 2023, 2,500 migrants landed.", "2,500", None, ("2023-01-01", "2023-01-08")),
    (
        "In the first four-month period of 2023 El Salvador received $2.6 billion.",
        "$2.6 billion",
        None,
        ("2023-01-01", "2023-04-30"),
    ),
    (
        "Remittances between January and October reached $52 billion.",
        "$52 billion",
        "2023-12-03",
        ("2023-01-01", "2023-10-31"),
    ),
    (
        "From January to February of last year, 49,000 people crossed.",
        "49,000",
        "2024-03-14",
        ("2023-01-01", "2023-02-28"),
    ),
    ("The agency logged 51,000 claims in the first semester of 2021.", "51,000", None, ("2021-01-01", "2021-06-30")),
    ("In the years prior to 2021, deaths never exceeded 170.", "170", None, (None, "2020-12-31")),
    (
        "The agency made 271,000 removals in its fiscal year ended Sept. 30.",
        "271,000",
        "2024-12-19",
        ("2023-10-01", "2024-09-30"),
    ),
    ("Claims have risen 30 percent thus far in 2023.", "30 percent", "2023-04-04", ("2023-01-01", "2023-04-04")),
    (
        "Officers processed 37,000 claims in the year's first quarter.",
        "37,000",
        "2023-04-04",
        ("2023-01-01", "2023-03-31"),
    ),
    (
        "Agents made 900,000 arrests in the first five months of this fiscal year.",
        "900,000",
        "2024-03-09",
        ("2023-10-01", "2024-02-29"),
    ),
    (
        "In 2024 some 1,000,000 people fled, three times more than the previous year.",
        "three times",
        None,
        ("2024-01-01", "2024-12-31"),
    ),
    ("As of Sunday, 240,000 people had crossed the jungle.", "240,000", "2023-07-31", ("2023-07-30", "2023-07-30")),
    # a part of the year not over by the document's date is that of the year before
    (
        "In the first 11 months of the fiscal year, Congo sent 21% of refugees.",
        "21%",
        "2024-10-01",
        ("2023-10-01", "2024-08-31"),
    ),
]


@pytest.mark.parametrize(("text", "figure", "published", "expected"), RELATIVE, ids=[c[1] for c in RELATIVE])
def test_relative_time_is_read_against_the_publication_date(
    text: str, figure: str, published: str | None, expected: tuple[str | None, str]
) -> None:
    assert period(text, figure, published) == expected


SPANISH = [
    ("Las remesas cayeron un 40% en abril de 2020.", "40%", None, ("2020-04-01", "2020-04-30")),
    (
        "En el primer semestre de 2019 se registraron 28.896 deportaciones.",
        "28.896",
        None,
        ("2019-01-01", "2019-06-30"),
    ),
    ("En lo que va del año han llegado 40.000 migrantes.", "40.000", "2024-11-18", ("2024-01-01", "2024-11-18")),
    ("El pasado sábado llegaron 200 personas a El Hierro.", "200", "2024-11-18", ("2024-11-16", "2024-11-16")),
    ("El año pasado se registraron 32.209 llegadas.", "32.209", "2024-11-18", ("2023-01-01", "2023-12-31")),
    ("Entre enero y octubre llegaron 35.000 personas.", "35.000", "2024-11-18", ("2024-01-01", "2024-10-31")),
    # a change compared with a base takes the current period
    (
        "Durante enero llegaron 4.500 personas, un incremento del 3% en comparación con el año anterior.",
        "3%",
        "2024-03-04",
        ("2024-01-01", "2024-01-31"),
    ),
]


@pytest.mark.parametrize(("text", "figure", "published", "expected"), SPANISH, ids=[c[1] for c in SPANISH])
def test_spanish_time_expressions(
    text: str, figure: str, published: str | None, expected: tuple[str | None, str | None]
) -> None:
    assert period(text, figure, published) == expected


SPANISH_DOCUMENT = (
    "Las remesas familiares que los migrantes envían a sus familias en Guatemala sumaron 9.287 millones en 2018. "
    "Según el banco central, en 2019 llegaron 28.896 guatemaltecos deportados por vía aérea, y cerca de "
    "2,7 millones de guatemaltecos viven en Estados Unidos. El 80% de los ingresos por remesas llega por "
    "transferencias electrónicas. Las autoridades registraron 500 personas alcanzaron la frontera."
)


@pytest.mark.parametrize(
    ("figure", "expected"),
    [("28.896", "guatemaltecos"), ("80%", "ingresos por remesas"), ("500", "personas")],
)
def test_a_spanish_document_is_read_with_spanish_function_words(figure: str, expected: str) -> None:
    assert enrichment_of(SPANISH_DOCUMENT, figure).subject == expected


def test_a_us_document_counting_in_fiscal_years_reads_its_bare_years_as_fiscal_years() -> None:
    text = (
        "ICE removals reach a decade high\n\nICE removed 271,000 people in fiscal year 2024. "
        "The highest total of the previous administration was 267,000 in 2019."
    )
    assert period(text, "267,000", "2024-12-19") == ("2018-10-01", "2019-09-30")


def test_a_document_naming_no_fiscal_year_keeps_calendar_years() -> None:
    text = "ICE removals reach a decade high\n\nThe highest total of the previous administration was 267,000 in 2019."
    assert period(text, "267,000", "2024-12-19") == ("2019-01-01", "2019-12-31")


def test_a_parenthesised_figure_takes_the_time_it_follows() -> None:
    text = "In 2024 one million people fled, three times more than the previous year (315,000)."
    assert period(text, "315,000", "2025-01-14") == ("2023-01-01", "2023-12-31")


def test_a_document_dated_to_a_month_reads_no_weekday() -> None:
    assert period("Last Sunday, 243 people landed on the island.", "243", "2023-01") == (None, None)


def test_the_previous_year_is_the_year_before_the_one_just_named() -> None:
    text = "In 2024 one million people fled, against 315,000 the previous year."
    assert period(text, "315,000", "2025-01-14") == ("2023-01-01", "2023-12-31")


def test_more_than_is_a_qualifier_not_a_base_of_comparison() -> None:
    text = "More than 900 people arrived in March, a 20% rise."
    assert period(text, "20%", "2024-04-02") == ("2024-03-01", "2024-03-31")


def test_a_stock_as_of_today_is_dated_by_the_publication_day() -> None:
    assert period("As of today, close to six million refugees are in Europe.", "six million", "2022-07-22") == (
        "2022-07-22",
        "2022-07-22",
    )


def test_a_target_by_the_end_of_a_month_is_a_deadline() -> None:
    text = "IOM expects the number of returnees to rise to 150,000 by the end of March 2024."
    assert period(text, "150,000", "2024-01-12") == (None, "2024-03-31")


def test_a_deadline_month_is_no_period_of_the_past() -> None:
    text = "Some 780,000 refugees may stay without registration until the end of August."
    assert period(text, "780,000", "2022-06-20") == (None, "2022-08-31")


def test_a_figure_with_no_time_of_its_own_takes_the_period_the_document_reports_on() -> None:
    text = (
        "CBP releases encounter data for August 2022\n\nSeptember 20, 2022\n\nThe agency counted 203,000 encounters."
        "\n\nA new processing centre opened.\n\nNearly 4 out of 10 people were expelled."
    )
    assert period(text, "4 out of 10", "2022-09-20") == ("2022-08-01", "2022-08-31")


# --- the document's scope -----------------------------------------------------------------------------------------


def test_a_figure_naming_no_place_takes_the_place_of_the_document_title() -> None:
    text = "CBP releases encounter figures for the Southwest border\n\nAgents recorded 150,000 encounters in June."
    assert geography(text, "150,000") == "USA-SWB"


def test_a_long_report_has_no_scope() -> None:
    filler = "The report reviews the policies of the last decade and what they achieved. " * 200
    text = f"Migration pathways from Central America\n\n{filler}\n\nThe programme raised $1 million."
    assert geography(text, "$1 million") is None


def test_people_named_by_a_demonym_set_no_scope() -> None:
    text = "Venezuelans lead the arrivals\n\nOfficials counted 5,000 arrivals in March."
    assert geography(text, "5,000") is None


def test_a_figure_about_another_country_is_about_its_relation_to_the_documents_country() -> None:
    text = (
        "Mexico receives record asylum claims\n\nMexico's refugee commission received 140,000 claims in 2023. "
        "Applicants from Honduras lodged 31,000 claims."
    )
    assert geography(text, "31,000") == "HND;MEX"


def test_naming_a_country_of_origin_is_no_scope_of_its_own() -> None:
    text = (
        "Mexico receives record asylum claims\n\nMexico's refugee commission received 140,000 claims in 2023. "
        "The main country of origin is Haiti, with 37,000 claims."
    )
    assert geography(text, "37,000") == "HTI;MEX"


def test_a_place_the_document_names_once_is_no_country_its_other_figures_relate_to() -> None:
    text = "Remittances by country:\n\nColombia: $10.8 billion\n\nHonduras: $8.8 billion"
    assert geography(text, "$8.8 billion") == "HND"


def test_a_sentence_naming_its_own_scope_takes_no_document_scope() -> None:
    text = "Record arrivals in Spain\n\nWorldwide, 110 million people are displaced."
    assert geography(text, "110 million") is None


# --- places --------------------------------------------------------------------------------------------------------

PLACES = [
    ("Some 250,000 people crossed Panama's Darién jungle in 2023.", "250,000", "PAN-DAR"),
    ("At the US/Mexico border, 800 migrants died in 2022.", "800", "USA-SWB"),
    ("On the American continent 1,300 migrants died in 2022.", "1,300", "AMR"),
    ("Some 40,000 people reached the Canary Islands in 2023.", "40,000", "ESP"),
    ("In Tapachula, on the southern border of Mexico, 30,000 people applied for asylum.", "30,000", "MEX"),
    ("U.S. Customs and Border Protection said 170,000 people crossed the Southwest border.", "170,000", "USA-SWB"),
    ("Applicants came mainly from Haiti (4,200), Cuba (3,100) and Chile (900).", "4,200", "HTI"),
    # a list line labels its figure
    ("Mexico was the main destination (87,000), followed by Guatemala (66,000).", "66,000", "GTM"),
    ("The French coastguard rescued 76 migrants.", "76", "FRA"),
    # a neighbour is not where the figure is; a place `with` a figure labels it
    ("Chiapas, a state bordering Guatemala, received 76,000 requests.", "76,000", "MEX"),
    (
        "Guatemala received $19.9 billion, followed by the Dominican Republic with $10.3 billion.",
        "$10.3 billion",
        "DOM",
    ),
    # a continent people come from sets no scope of its own
    ("2,500 migrants from North Africa landed on Italian shores, compared to 370 a year earlier.", "370", "ITA"),
    # a sea or a continent has no code: the figure is about no country
    ("Channel crossings hit a record\n\nAt least 1,874 people died in the Mediterranean.", "1,874", None),
    (
        "Remittances to East Asia should fall 4 per cent, though excluding China they would rise 1.4 per cent.",
        "1.4 per cent",
        None,
    ),
    # a national agency's figures are its country's
    ("Immigration and Customs Enforcement deported 270,000 people.", "270,000", "USA"),
    ("The Home Office said 600 people crossed.", "600", "GBR"),
    # the Border Patrol's sectors lie on the southwest border
    ("Apprehensions in the Yuma Sector rose to 40,000.", "40,000", "USA-SWB"),
    # a breakdown after the figure says where most of it is, not what it is about
    ("Some 90,000 migrants crossed the Darién in 2023, mostly Venezuelans and Ecuadorians.", "90,000", "PAN-DAR"),
    ("Estados Unidos recibió 80.000 solicitudes de asilo en 2023.", "80.000", "USA"),
]


@pytest.mark.parametrize(("text", "figure", "expected"), PLACES, ids=[f"{c[2]}:{c[1]}" for c in PLACES])
def test_places_as_documents_name_them(text: str, figure: str, expected: str | None) -> None:
    assert geography(text, figure) == expected


# --- subjects ------------------------------------------------------------------------------------------------------

SUBJECTS = [
    ("Agents logged 150,000 southern border encounters in June.", "150,000", "encounters"),
    ("Total encounters reached 2.1 million.", "2.1 million", "encounters"),
    ("There were 190,000 encounters of people trying to enter the country.", "190,000", "encounters"),
    ("The monthly income of remittances reached $2.6 billion.", "$2.6 billion", "remittances"),
    (
        "Honduras ranks as the largest recipient of remittances in the region, receiving $9 billion.",
        "$9 billion",
        "remittances",
    ),
    ("Mexico was the main destination for deportees (87,000).", "87,000", "deportees"),
    ("More than 600 ships pass through the strait every day.", "600", "ships"),
    ("The rise was explained by the 5.2 percent annual growth in the number of shipments.", "5.2 percent", "shipments"),
    ("Officials said refugees' claims would exceed 90,000 this year.", "90,000", "claims"),
    (
        "The agency documented 686 deaths and disappearances of migrants on the border.",
        "686",
        "deaths and disappearances",
    ),
    ("There were 350 documented deaths on the route.", "350", "deaths"),
    ("Mexico received 118,772 of these petitions last year.", "118,772", "petitions"),
    ("Almost 3.8 million movements back into the country were recorded.", "3.8 million", "movements"),
]


@pytest.mark.parametrize(("text", "figure", "expected"), SUBJECTS, ids=[c[1] for c in SUBJECTS])
def test_the_subject_is_the_head_noun_a_reader_names(text: str, figure: str, expected: str) -> None:
    assert enrichment_of(text, figure).subject == expected


def test_a_figure_with_no_noun_of_its_own_counts_what_the_figure_before_it_counts() -> None:
    text = "Border agents made 50,000 arrests in May.\n\nThe figure for June was 61,000."
    assert enrichment_of(text, "61,000").subject == "arrests"


def test_a_figure_left_without_subject_counts_what_its_kind_mostly_counts_in_the_document() -> None:
    text = (
        "Remittances to Mexico hit a record\n\nRemittances reached $5.8 billion in October. "
        "Remittances totaled $52.9 billion between January and October.\n\nAnalysts expect the trend to continue."
        "\n\nThe peso stayed strong.\n\nIn May they totaled $5.7 billion."
    )
    assert enrichment_of(text, "$5.7 billion", "2023-12-03").subject == "Remittances"


def test_a_participle_after_a_figure_is_no_subject() -> None:
    text = "Since 2014, 8,500 migrants have died, of them 4,800 crossing the US-Mexico border."
    assert enrichment_of(text, "4,800").subject == "migrants"


def test_a_number_word_is_no_subject() -> None:
    text = "Of those encountered, nearly half (46%) were expelled."
    assert enrichment_of(text, "46%").subject != "half"


def test_a_figure_naming_its_own_size_takes_the_subject_before_it() -> None:
    text = "Remittances totaled $5.8 billion in October, an amount that represented an increase of 8 percent."
    assert enrichment_of(text, "8 percent").subject == "Remittances"


# --- the kinds of sentence the issue lists (its own paraphrases) ---------------------------------------------------

ISSUE_CASES = [
    (
        "Encounters fell 8 percent from April (231,400) to May (212,900).",
        "2022-06-15",
        "8 percent",
        "period",
        ("2022-05-01", "2022-05-31"),
    ),
    (
        "Encounters fell 8 percent from April (231,400) to May (212,900).",
        "2022-06-15",
        "231,400",
        "period",
        ("2022-04-01", "2022-04-30"),
    ),
    (
        "Encounters fell 8 percent from April (231,400) to May (212,900).",
        "2022-06-15",
        "212,900",
        "period",
        ("2022-05-01", "2022-05-31"),
    ),
    (
        "At the Southwest border, encounters in March (180,300) rose 12 percent from 161,000 in February.",
        "2022-04-15",
        "161,000",
        "geography",
        "USA-SWB",
    ),
    (
        "At the Southwest border, encounters in March (180,300) rose 12 percent from 161,000 in February.",
        "2022-04-15",
        "12 percent",
        "period",
        ("2022-03-01", "2022-03-31"),
    ),
    (
        "Remittances could reach $140 billion this year, an 8% rise.",
        "2023-06-15",
        "8%",
        "period",
        ("2023-01-01", "2023-12-31"),
    ),
    (
        "Remittances will grow 6.1% this year after 11.2% last year.",
        "2023-06-15",
        "11.2%",
        "period",
        ("2022-01-01", "2022-12-31"),
    ),
    (
        "The US–Mexico border remained the deadliest land route, with 686 deaths.",
        "2023-09-12",
        "686",
        "geography",
        "USA-SWB",
    ),
    (
        "Boats reached Greece and Italy in May. Arrivals in those two countries were, respectively, 4,100 and 2,700.",
        "2023-06-10",
        "2,700",
        "geography",
        "ITA",
    ),
    (
        "Boats reached Greece and Italy in May. Arrivals in those two countries were, respectively, 4,100 and 2,700.",
        "2023-06-10",
        "4,100",
        "subject",
        "Arrivals",
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "figure", "name", "expected"), ISSUE_CASES, ids=[f"{c[3]}:{c[2]}" for c in ISSUE_CASES]
)
def test_the_sentences_the_issue_lists(text: str, published: str, figure: str, name: str, expected: object) -> None:
    e = enrichment_of(text, figure, published)
    got = {"period": (e.period_start, e.period_end), "geography": e.geography_text, "subject": e.subject}[name]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "figure", "not_subject"),
    [
        ("The tally rose, with at least 2,300 recorded, almost half of them (1,100) in the desert.", "1,100", "them"),
        (
            "El Salvador and Honduras are the countries in which transfers have a high concentration with 92%.",
            "92%",
            "El Salvador and Honduras",
        ),
    ],
)
def test_a_pronoun_or_a_list_of_places_is_never_what_a_figure_counts(text: str, figure: str, not_subject: str) -> None:
    assert enrichment_of(text, figure).subject != not_subject
