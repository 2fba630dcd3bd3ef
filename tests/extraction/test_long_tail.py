"""The long tail of how numbers are written: one table per class of the extraction issue.

Every sentence is written for this file in the style of business news, statistical
releases and agency press releases; each row lists every mention the guide asks for.
"""

from __future__ import annotations

import pytest
from extraction_cases import Row, found

CURRENCY_AFTER: list[tuple[str, list[Row]]] = [
    ("Exports earned 48 million yuan.", [("48 million yuan", "money", "48000000", "CNY", "")]),
    ("A ticket costs 7 € at the gate.", [("7 €", "money", "7", "EUR", "")]),
    ("The ferry charged 240 kn a car.", [("240 kn", "money", "240", "HRK", "")]),
    ("The fund pays 350 USD a month.", [("350 USD", "money", "350", "USD", "")]),
    ("Sales reached 12 MUSD.", [("12 MUSD", "money", "12000000", "USD", "")]),
    ("It won a $US75 million contract.", [("$US75 million", "money", "75000000", "USD", "")]),
    ("The bank earned R$ 2 bilhões.", [("R$ 2 bilhões", "money", "2000000000", "BRL", "")]),
    ("The budget is 2.3 trillion pesos.", [("2.3 trillion pesos", "money", "2300000000000", "MXN", "")]),
    ("The loan was 500 million rupees.", [("500 million rupees", "money", "500000000", "INR", "")]),
    ("Tokyo set aside 4 trillion yen.", [("4 trillion yen", "money", "4000000000000", "JPY", "")]),
    ("Seoul offered 5 billion won in aid.", [("5 billion won", "money", "5000000000", "KRW", "")]),
    ("The levy raised 900 million Swiss francs.", [("900 million Swiss francs", "money", "900000000", "CHF", "")]),
    ("Fines of 2,000 zł were issued.", [("2,000 zł", "money", "2000", "PLN", "")]),
    ("El fondo recibió 2,5 millones de dólares.", [("2,5 millones de dólares", "money", "2500000", "USD", "")]),
    ("The plant cost RMB 5 billion.", [("RMB 5 billion", "money", "5000000000", "CNY", "")]),
    ("The ministry paid Rs 3 crore.", [("Rs 3 crore", "money", "30000000", "INR", "")]),
    ("Rents hit NT$30,000 a month.", [("NT$30,000", "money", "30000", "TWD", "")]),
    ("The lira fell; Ankara spent ₺40 billion.", [("₺40 billion", "money", "40000000000", "TRY", "")]),
    ("A stamp costs 50p.", [("50p", "money", "0.5", "GBP", "")]),
    (
        "It cost 25 cents and 50 pence.",
        [("25 cents", "money", "0.25", "USD", ""), ("50 pence", "money", "0.5", "GBP", "")],
    ),
    ("It cost 8 UK pounds.", [("8 UK pounds", "money", "8", "GBP", "")]),
    ("A fee of fifty cents applies.", [("fifty cents", "money", "0.5", "USD", "")]),
]

SCALES: list[tuple[str, list[Row]]] = [
    ("The region has 42m people.", [("42m", "count", "42000000", "", "")]),
    ("The firm cut 15k jobs.", [("15k", "count", "15000", "", "")]),
    ("It carries 6 B dollars of debt.", [("6 B dollars", "money", "6000000000", "USD", "")]),
    ("Revenue hit 2.4b last year.", [("2.4b", "count", "2400000000", "", "")]),
    ("About 3 hundred people came.", [("3 hundred", "count", "300", "", "approx")]),
    ("Floods affected 11 lakh people.", [("11 lakh", "count", "1100000", "", "")]),
    ("The state spent ₹1.5 lakh crore.", [("₹1.5 lakh crore", "money", "1500000000000", "INR", "")]),
    ("Llegaron 45 mil migrantes.", [("45 mil", "count", "45000", "", "")]),
    (
        "Some six to seven thousand marched.",
        [("six", "count", "6000", "", "approx"), ("seven thousand", "count", "7000", "", "")],
    ),
    (
        "The gap is $20 to $25 billion.",
        [("$20", "money", "20000000000", "USD", ""), ("$25 billion", "money", "25000000000", "USD", "")],
    ),
    ("He won the 100m hurdles.", [("100", "count", "100", "", "")]),
]

LEADING_DOT: list[tuple[str, list[Row]]] = [
    ("Yields fell by .003 per cent.", [(".003 per cent", "percent", "0.003", "", "")]),
    ("The ratio rose to .05 from .04.", [(".05", "count", "0.05", "", ""), (".04", "count", "0.04", "", "")]),
    ("It cost $.50 a share.", [("$.50", "money", "0.5", "USD", "")]),
]

NAMES_WITH_DIGITS: list[tuple[str, list[Row]]] = [
    ("The S&P 500 rose 1.2%.", [("1.2%", "percent", "1.2", "", "")]),
    ("Most Fortune 500 firms agreed.", []),
    ("London's FTSE 100 index slipped.", []),
    ("The Boeing 737 fleet is grounded.", []),
    ("It launched the Model Y 7 seater.", []),
    ("The Galaxy S9 and the G20 summit.", []),
    ("It shipped version three of the app.", []),
    ("The COVID -19 crisis hit tourism.", []),
    ("The Group of 20 met in Rome.", []),
    ("Tokyo's Nikkei 225 -0.8% at the close.", [("-0.8%", "percent", "-0.8", "", "")]),
    ("It allocated Q 25 million.", [("Q 25 million", "money", "25000000", "GTQ", "")]),
]

YEARS_AND_COUNTS: list[tuple[str, list[Row]]] = [
    ("The firm will ship 2000 units.", [("2000", "count", "2000", "", "")]),
    ("It plans from 1500 to 3000 hires.", [("1500", "count", "1500", "", ""), ("3000", "count", "3000", "", "")]),
    ("About 2000 people waited.", [("2000", "count", "2000", "", "approx")]),
    ("Turnout beat 2019 levels.", [("2019", "year", "2019", "", "")]),
    ("The 2020 elections were close.", [("2020", "year", "2020", "", "")]),
    ("Gold was found in 1848.", [("1848", "year", "1848", "", "")]),
    ("Seas will rise by 2150.", [("2150", "year", "2150", "", "")]),
    ("The wall dates from AD 1200.", [("1200", "year", "1200", "", "")]),
    ("Trade grew in the 1500s.", [("1500s", "year", "1500", "", "")]),
    ("In 1500 cases the court agreed.", [("1500", "count", "1500", "", "")]),
]

DATES: list[tuple[str, list[Row]]] = [
    ("The vote is on 12 October 2024.", [("12 October 2024", "date", "2024-10-12", "", "")]),
    ("The vote was on October 12th, 2024.", [("October 12th, 2024", "date", "2024-10-12", "", "")]),
    ("Results of 07th Mar 2020 were late.", [("07th Mar 2020", "date", "2020-03-07", "", "")]),
    ("In march 2018 prices rose.", [("march 2018", "date", "2018-03", "", "")]),
    ("REPORT OF MARCH 2022", [("MARCH 2022", "date", "2022-03", "", "")]),
    ("It began in May of 1998.", [("May of 1998", "date", "1998-05", "", "")]),
    ("Data for Nov-2019 are final.", [("Nov-2019", "date", "2019-11", "", "")]),
    ("On the 3rd of May 2021 it closed.", [("3rd of May 2021", "date", "2021-05-03", "", "")]),
    ("A ban of 6 MONTHS applies.", [("6 MONTHS", "duration", "6", "month", "")]),
    ("They may march again.", []),
    ("It closed on June second, 2021.", [("June second, 2021", "date", "2021-06-02", "", "")]),
    ("It opened on the twenty-first of May 2022.", [("twenty-first of May 2022", "date", "2022-05-21", "", "")]),
    ("In May first-time applicants rose.", []),
    ("Prices for 03/2018 were revised.", [("03/2018", "date", "2018-03", "", "")]),
    ("El 15 de marzo de 2023 cerró.", [("15 de marzo de 2023", "date", "2023-03-15", "", "")]),
    ("En julio del 2021 subió.", [("julio del 2021", "date", "2021-07", "", "")]),
    (
        "Del 1 de enero al 31 de marzo de 2023.",
        [("1 de enero", "date", "2023-01-01", "", ""), ("31 de marzo de 2023", "date", "2023-03-31", "", "")],
    ),
    ("Mayo fue duro.", []),
]

YEARLESS_DATES: list[tuple[str, list[Row]]] = [
    (
        "Released March 21, 2024. Talks began on March 9th.",
        [("March 21, 2024", "date", "2024-03-21", "", ""), ("March 9th", "date", "2024-03-09", "", "")],
    ),
    (
        "Released March 3, 2021. On Feb 29 the talks ended.",
        [("March 3, 2021", "date", "2021-03-03", "", ""), ("Feb 29", "date", "2020-02-29", "", "")],
    ),
    (
        "Madrid, 2 June 2023. The fair opens on the 3rd of July.",
        [("2 June 2023", "date", "2023-06-02", "", ""), ("3rd of July", "date", "2023-07-03", "", "")],
    ),
]

PERCENT_WORDS: list[tuple[str, list[Row]]] = [
    ("Inflation rose 3pc in May 2024.", [("3pc", "percent", "3", "", ""), ("May 2024", "date", "2024-05", "", "")]),
    ("Wages rose 4 per-cent.", [("4 per-cent", "percent", "4", "", "")]),
    ("The share rose by 5 percentage.", [("5 percentage", "percent", "5", "", "")]),
    ("Rates rose twelve point five percent.", [("twelve point five percent", "percent", "12.5", "", "")]),
    ("At one point five people left.", [("five", "count", "5", "", "")]),
    ("La tasa fue de 3,5 por ciento.", [("3,5 por ciento", "percent", "3.5", "", "")]),
    ("Unemployment was 3,5 % in Spain.", [("3,5 %", "percent", "3.5", "", "")]),
    (
        "Costs rose 10 -15 percent.",
        [("10", "percent", "10", "", ""), ("15 percent", "percent", "15", "", "")],
    ),
]

GROUPING: list[tuple[str, list[Row]]] = [
    ("A population of 1 234 567 people.", [("1 234 567", "count", "1234567", "", "")]),
    ("Some 45\u202f000 people applied.", [("45\u202f000", "count", "45000", "", "approx")]),
    ("They counted two million and a half.", [("two million and a half", "count", "2500000", "", "")]),
    ("A million and a half fled.", [("A million and a half", "count", "1500000", "", "")]),
    ("It spent 2 million and a half dollars.", [("2 million and a half dollars", "money", "2500000", "USD", "")]),
    ("A 1.5 million-strong army.", [("1.5 million", "count", "1500000", "", "")]),
    ("He served 2 1/2 years.", [("2 1/2 years", "duration", "2.5", "year", "")]),
    ("Scores of 2 1/2 and 3/4.", [("2 1/2", "count", "2.5", "", ""), ("3/4", "ratio", "0.75", "", "")]),
    (
        "Columns: 2019 2020 2021",
        [("2019", "year", "2019", "", ""), ("2020", "year", "2020", "", ""), ("2021", "year", "2021", "", "")],
    ),
]

JUST: list[tuple[str, list[Row]]] = [
    ("It issued just 8,641 work visas.", [("8,641", "count", "8641", "", "")]),
    ("It issued just over 200 visas.", [("200", "count", "200", "", "min")]),
    ("It issued just under 300 visas.", [("300", "count", "300", "", "max")]),
]

INDIAN_AND_WRAPPED: list[tuple[str, list[Row]]] = [
    ("Market value rose to Rs 1,54,26,441 crore.", [("Rs 1,54,26,441 crore", "money", "154264410000000", "INR", "")]),
    ("Net profit was R$ 68.2\nbillion in the quarter.", [("R$ 68.2\nbillion", "money", "68200000000", "BRL", "")]),
    ("It expects a 4-trillion-yen profit.", [("4-trillion-yen", "money", "4000000000000", "JPY", "")]),
]

LISTS_AND_RATES: list[tuple[str, list[Row]]] = [
    (
        "Sales rose by 7.4, 1.5, 5.3 and 3.0 percent respectively.",
        [
            ("7.4", "percent", "7.4", "", ""),
            ("1.5", "percent", "1.5", "", ""),
            ("5.3", "percent", "5.3", "", ""),
            ("3.0 percent", "percent", "3", "", ""),
        ],
    ),
    ("The peso steadied at 8.0 to the dollar.", [("8.0", "money", "8", "MXN", "")]),
    ("The rupee rate of 60.65 against the Greenback.", [("60.65", "money", "60.65", "INR", "")]),
    ("The euro fell to 1.08 against the dollar.", [("1.08", "count", "1.08", "", "")]),
]

CODES_AND_POINTS_IN_TIME: list[tuple[str, list[Row]]] = [
    ("Economic News Release USDL-21-0158", []),
    ("Gross domestic product grew in Quarter 3.", []),
    ("Washington, D.C. 20549", []),
    ("Aid is lower than a year ago.", []),
    ("Output hit a record on a fiscal half basis.", []),
]

MEASURES: list[tuple[str, list[Row]]] = [
    ("Winds of 30mph and 120km/h hit.", [("30", "count", "30", "", ""), ("120", "count", "120", "", "")]),
    ("A 2GW plant and 500mg doses.", [("2", "count", "2", "", ""), ("500", "count", "500", "", "")]),
    ("He left No 10 Downing Street.", []),
]

NOT_MONEY: list[tuple[str, list[Row]]] = [
    ("They seized 2,000 pounds of cocaine.", [("2,000", "count", "2000", "", "")]),
    ("Winds of 30 kn winds hit the coast.", [("30", "count", "30", "", "")]),
    (
        "She sent 200 euros and 50 parcels.",
        [("200 euros", "money", "200", "EUR", ""), ("50", "count", "50", "", "")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CURRENCY_AFTER)
def test_currency_written_after_or_as_a_code(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), SCALES)
def test_scale_words_and_letters(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), LEADING_DOT)
def test_leading_dot_decimals(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), NAMES_WITH_DIGITS)
def test_digits_inside_names_are_no_mentions(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), YEARS_AND_COUNTS)
def test_years_and_counts_of_four_digits(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), DATES)
def test_dates_written_many_ways(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), YEARLESS_DATES)
def test_ordinal_days_without_a_year_take_the_documents_year(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), PERCENT_WORDS)
def test_percent_words_and_signs(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), GROUPING)
def test_grouping_and_composites(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), JUST)
def test_just_alone_sets_no_qualifier(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), NOT_MONEY)
def test_weights_knots_and_counted_nouns_are_not_money(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), INDIAN_AND_WRAPPED)
def test_indian_grouping_wrapped_scales_and_hyphenated_currency(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), LISTS_AND_RATES)
def test_lists_share_their_percent_and_exchange_rates_are_money(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), CODES_AND_POINTS_IN_TIME)
def test_codes_and_points_in_time_are_no_mentions(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), MEASURES)
def test_numbers_with_units_glued_on_are_counts(sentence: str, expected: list[Row]) -> None:
    assert found(sentence) == expected
