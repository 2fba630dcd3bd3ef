"""One table per kind: a sentence and every mention the extractor must find in it."""

from __future__ import annotations

import pytest
from extraction_cases import Row, found

COUNTS: list[tuple[str, list[Row]]] = [
    ("IOM has 173 member states.", [("173", "count", "173", "", "")]),
    ("The backlog reached 3,400,000 cases.", [("3,400,000", "count", "3400000", "", "")]),
    ("Its members included two dozen former officials.", [("two dozen", "count", "24", "", "")]),
    ("The number rose to 8.3 million last year.", [("8.3 million", "count", "8300000", "", "")]),
    ("Some 1.2bn people live there.", [("1.2bn", "count", "1200000000", "", "approx")]),
    ("More than 520,000 people crossed.", [("520,000", "count", "520000", "", "min")]),
    ("A further nine states hold observer status.", [("nine", "count", "9", "", "")]),
    ("Twenty-five thousand people marched.", [("Twenty-five thousand", "count", "25000", "", "")]),
    ("More than half a million migrants crossed.", [("half a million", "count", "500000", "", "min")]),
    ("It receives about a dozen families every night.", [("a dozen", "count", "12", "", "approx")]),
    ("For the other 49, there were no visas.", [("49", "count", "49", "", "")]),
    ("They were given just one visa.", [("one", "count", "1", "", "")]),
    ("A challenge between the two neighboring countries.", [("two", "count", "2", "", "")]),
    ("They had only two alternatives.", [("two", "count", "2", "", "")]),
    ("He had been deported three times before.", [("three", "count", "3", "", "")]),
    ("Ages 15-29 are most affected.", [("15", "count", "15", "", ""), ("29", "count", "29", "", "")]),
    (
        "Arrivals rose from 6,000 to 12,000 a day.",
        [("6,000", "count", "6000", "", ""), ("12,000", "count", "12000", "", "")],
    ),
    (
        "Encounters top 2.4M; some 5.6m people left and 3K more wait.",
        [
            ("2.4M", "count", "2400000", "", ""),
            ("5.6m", "count", "5600000", "", "approx"),
            ("3K", "count", "3000", "", ""),
        ],
    ),
    ("The camp lies 100m from the border.", [("100", "count", "100", "", "")]),
]

PERCENTS: list[tuple[str, list[Row]]] = [
    ("It surged 51 percent since 2000.", [("51 percent", "percent", "51", "", ""), ("2000", "year", "2000", "", "")]),
    ("Encounters were down 9% from February.", [("9%", "percent", "9", "", "")]),
    ("An 18 per cent rise.", [("18 per cent", "percent", "18", "", "")]),
    ("Returns rose 12.5 percentage points.", [("12.5 percentage points", "percent", "12.5", "", "")]),
    ("Forty percent said so.", [("Forty percent", "percent", "40", "", "")]),
    (
        "Flows will grow between 3 and 5 percent.",
        [("3", "percent", "3", "", ""), ("5 percent", "percent", "5", "", "")],
    ),
    ("Of these, 40-50% were returned by air.", [("40", "percent", "40", "", ""), ("50%", "percent", "50", "", "")]),
]

MONEY: list[tuple[str, list[Row]]] = [
    (r"They have raised over \$1 million so far.", [(r"\$1 million", "money", "1000000", "USD", "min")]),
    ("Remittances reached US$155 billion.", [("US$155 billion", "money", "155000000000", "USD", "")]),
    ("Mexico received $63.3bn.", [("$63.3bn", "money", "63300000000", "USD", "")]),
    ("The EU committed €3.5bn.", [("€3.5bn", "money", "3500000000", "EUR", "")]),
    ("It spent roughly £8 million a day.", [("£8 million", "money", "8000000", "GBP", "approx")]),
    ("A grant of USD 5 million was approved.", [("USD 5 million", "money", "5000000", "USD", "")]),
    ("It budgeted USD2.3 billion.", [("USD2.3 billion", "money", "2300000000", "USD", "")]),
    ("It allocated Q 25 million.", [("Q 25 million", "money", "25000000", "GTQ", "")]),
    ("They paid 5 million dollars.", [("5 million dollars", "money", "5000000", "USD", "")]),
    ("A budget of just 47 million pesos.", [("47 million pesos", "money", "47000000", "MXN", "")]),
    ("Canada pledged C$40 million.", [("C$40 million", "money", "40000000", "CAD", "")]),
    ("Each costs $250.", [("$250", "money", "250", "USD", "")]),
    (
        "The plan needs $5-10 million.",
        [("$5", "money", "5000000", "USD", ""), ("10 million", "money", "10000000", "USD", "")],
    ),
    (
        "At a cost of $200 million to $300 million.",
        [("$200 million", "money", "200000000", "USD", ""), ("$300 million", "money", "300000000", "USD", "")],
    ),
]

RATIOS: list[tuple[str, list[Row]]] = [
    ("Only one in 50 people had a lawful channel.", [("one in 50", "ratio", "0.02", "", "")]),
    ("Nearly 1 in 4 encounters involved a family.", [("1 in 4", "ratio", "0.25", "", "approx")]),
    ("While one person in five is an immigrant.", [("one person in five", "ratio", "0.2", "", "")]),
    ("About 3.5 for every 50 people apprehended.", [("3.5 for every 50", "ratio", "0.07", "", "approx")]),
    ("About $6 of every $10 sent.", [("$6 of every $10", "ratio", "0.6", "", "approx")]),
    ("Just over one-fifth of all deaths.", [("one-fifth", "ratio", "0.2", "", "min")]),
    ("Almost two thirds of the pathways.", [("two thirds", "ratio", "0.666667", "", "approx")]),
    ("Almost a third of young people.", [("a third", "ratio", "0.333333", "", "approx")]),
    ("Half of the respondents skipped meals.", [("Half", "ratio", "0.5", "", "")]),
    ("Remittances exceed a quarter of GDP.", [("a quarter", "ratio", "0.25", "", "")]),
    ("Encounters dropped nearly a third from May.", [("a third", "ratio", "0.333333", "", "approx")]),
    ("Two of every five parolees were women.", [("Two of every five", "ratio", "0.4", "", "")]),
    ("Three out of four said yes.", [("Three out of four", "ratio", "0.75", "", "")]),
    ("Mexico deported 1-in-5 migrants.", [("1-in-5", "ratio", "0.2", "", "")]),
    ("Since then 1/3 of staff quit.", [("1/3", "ratio", "0.333333", "", "")]),
    ("The agency saw 3 in 4 cases approved.", [("3 in 4", "ratio", "0.75", "", "")]),
    ("Families spend three quarters of it on food.", [("three quarters", "ratio", "0.75", "", "")]),
]

MULTIPLIERS: list[tuple[str, list[Row]]] = [
    ("The number is expected to double.", [("double", "multiplier", "2", "", "")]),
    ("It nearly doubled.", [("doubled", "multiplier", "2", "", "approx")]),
    (
        "The number of those over 85 will quadruple.",
        [("85", "count", "85", "", "min"), ("quadruple", "multiplier", "4", "", "")],
    ),
    ("They multiply their incomes by a factor of 16.", [("a factor of 16", "multiplier", "16", "", "")]),
    ("Three times as many as the year before.", [("Three times", "multiplier", "3", "", "")]),
    ("A fourfold rise.", [("fourfold", "multiplier", "4", "", "")]),
    ("A 10-fold increase.", [("10-fold", "multiplier", "10", "", "")]),
    (
        "More than twice as many as in 2020.",
        [("twice", "multiplier", "2", "", "min"), ("2020", "year", "2020", "", "")],
    ),
    (
        "It could be two to three times higher.",
        [("two", "multiplier", "2", "", ""), ("three times", "multiplier", "3", "", "")],
    ),
    ("The backlog has more than tripled.", [("tripled", "multiplier", "3", "", "min")]),
]

YEARS: list[tuple[str, list[Row]]] = [
    ("Established in 2001, MPI aims high.", [("2001", "year", "2001", "", "")]),
    ("The drafters of the 1951 Refugee Convention knew.", [("1951", "year", "1951", "", "")]),
    ("The Study Group (2010-2015) met often.", [("2010", "year", "2010", "", ""), ("2015", "year", "2015", "", "")]),
    ("It should be carried out in the first half of 2022.", [("2022", "year", "2022", "", "")]),
    ("From January through July 2021, arrests rose.", [("2021", "year", "2021", "", "")]),
    ("Copyright © 2021 by the Council", [("2021", "year", "2021", "", "")]),
    ("In the 1990s, claims were few.", [("1990s", "year", "1990", "", "")]),
    ("In FY2023, DHS paroled them.", [("2023", "year", "2023", "", "")]),
    ("The 2019-20 season.", [("2019", "year", "2019", "", ""), ("20", "year", "2020", "", "")]),
    ("In the 2022/23 school year.", [("2022", "year", "2022", "", ""), ("23", "year", "2023", "", "")]),
    ("In FY23 and FY 2024.", [("23", "year", "2023", "", ""), ("2024", "year", "2024", "", "")]),
    ("It grew 7.6% over 2022.", [("7.6%", "percent", "7.6", "", ""), ("2022", "year", "2022", "", "")]),
]

DATES: list[tuple[str, list[Row]]] = [
    ("date 2024-06-26 At a meeting", [("2024-06-26", "date", "2024-06-26", "", "")]),
    ("E.g., 06/26/2022", [("06/26/2022", "date", "2022-06-26", "", "")]),
    ("On June 26, 2024, they met.", [("June 26, 2024", "date", "2024-06-26", "", "")]),
    ("NEWS RELEASE — 16 November 2021", [("16 November 2021", "date", "2021-11-16", "", "")]),
    ("Reports\nJanuary 2019\n", [("January 2019", "date", "2019-01", "", "")]),
    ("As of Oct. 1, 2021, the count rose.", [("Oct. 1, 2021", "date", "2021-10-01", "", "")]),
    ("It ended Sept. 30, 2023.", [("Sept. 30, 2023", "date", "2023-09-30", "", "")]),
    (
        "Guatemala City, 13-14 September 2023",
        [("13", "date", "2023-09-13", "", ""), ("14 September 2023", "date", "2023-09-14", "", "")],
    ),
]

DURATIONS: list[tuple[str, list[Row]]] = [
    (
        "It will double in the next twenty years.",
        [("double", "multiplier", "2", "", ""), ("twenty years", "duration", "20", "year", "")],
    ),
    ("In that same seven months, few got visas.", [("seven months", "duration", "7", "month", "")]),
    ("During its first three-year phase.", [("three-year", "duration", "3", "year", "")]),
    ("Many crossed over the past 15 months.", [("15 months", "duration", "15", "month", "")]),
    ("A decision within 45 working days.", [("45 working days", "duration", "45", "day", "")]),
    ("After two decades of talks.", [("two decades", "duration", "20", "year", "")]),
    ("More in a year and a half than before.", [("a year and a half", "duration", "1.5", "year", "")]),
    ("A 7-year-old girl drowned.", [("7-year", "duration", "7", "year", "")]),
    ("Two Years After the Summit", [("Two Years", "duration", "2", "year", "")]),
    (
        "The trek takes between three and 10 days.",
        [("three", "duration", "3", "day", ""), ("10 days", "duration", "10", "day", "")],
    ),
    ("The population under 20 years peaked.", [("20 years", "duration", "20", "year", "max")]),
]


@pytest.mark.parametrize(("sentence", "expected"), COUNTS)
def test_counts(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), PERCENTS)
def test_percents(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), MONEY)
def test_money(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), RATIOS)
def test_ratios(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), MULTIPLIERS)
def test_multipliers(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), YEARS)
def test_years(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), DATES)
def test_dates(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), DURATIONS)
def test_durations(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


def test_dot_before_three_zeros_separates_thousands() -> None:
    assert found("Unos 40.000 migrantes cruzaron la selva.") == [("40.000", "count", "40000", "", "")]


def test_several_dot_groups_separate_thousands() -> None:
    assert found("El gobierno registró 1.234.567 entradas.") == [("1.234.567", "count", "1234567", "", "")]


def test_dot_before_other_digits_stays_a_decimal() -> None:
    assert found("Arrests rose by 3.5 million.") == [("3.5 million", "count", "3500000", "", "")]


def test_growth_by_a_compound_word_number_of_times_is_a_multiplier() -> None:
    text = "Arrivals rose roughly three and a half times."
    assert found(text) == [("three and a half times", "multiplier", "3.5", "", "approx")]


def test_decimal_number_of_times_is_a_multiplier() -> None:
    assert found("Remittances grew 1.5 times.") == [("1.5 times", "multiplier", "1.5", "", "")]


def test_whole_number_of_times_without_comparison_counts_occasions() -> None:
    assert found("He was detained three times.") == [("three", "count", "3", "", "")]


def test_unicode_minus_makes_the_number_negative_inside_the_span() -> None:
    assert found("Flows to Haiti changed (\u22122.4%) last year.") == [("\u22122.4%", "percent", "-2.4", "", "")]


def test_hyphen_attached_after_a_space_is_a_minus_sign() -> None:
    assert found("Growth fell to -0.8 percent.") == [("-0.8 percent", "percent", "-0.8", "", "")]


def test_plus_sign_stays_in_the_span_with_a_positive_value() -> None:
    assert found("Mexico (+7%) led.") == [("+7%", "percent", "7", "", "")]


def test_hyphen_between_numbers_stays_a_range_link() -> None:
    assert found("Fees rose 4-6%.") == [("4", "percent", "4", "", ""), ("6%", "percent", "6", "", "")]


def test_year_marked_as_an_estimate_is_a_year() -> None:
    assert found("Remittances by country, 2024e") == [("2024", "year", "2024", "", "")]
