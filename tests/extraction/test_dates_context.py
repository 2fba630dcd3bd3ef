"""A day and month without a year take the year their context makes plain (guide, rule 4)."""

from __future__ import annotations

from extraction_cases import found


def test_bare_day_takes_the_documents_own_year() -> None:
    text = "NEWS RELEASE — 16 November 2021\n\nMIRPS will meet in Guatemala on November 30."
    assert found(text)[-1] == ("November 30", "date", "2021-11-30", "", "")


def test_bare_day_takes_a_year_just_written_before_it() -> None:
    text = "Published 2 January 2024.\n\nIn fiscal year 2023, which ended Sept. 30, arrests rose."
    assert ("Sept. 30", "date", "2023-09-30", "", "") in found(text)


def test_past_day_after_the_documents_date_falls_in_the_year_before() -> None:
    text = "BRUSSELS, 22 February 2024 — The Pact, agreed on 20 December after long talks, is law."
    assert ("20 December", "date", "2023-12-20", "", "") in found(text)


def test_future_day_after_the_documents_date_keeps_its_year() -> None:
    text = "BRUSSELS, 22 February 2024 — Ministers will meet on 20 December to review it."
    assert ("20 December", "date", "2024-12-20", "", "") in found(text)


def test_bare_day_without_document_date_takes_the_last_year_written() -> None:
    text = "Arrests fell in 2019.\n\nThe agency said more staff would come. Still, on Monday, Oct. 2, arrests rose."
    assert found(text)[-1] == ("Oct. 2", "date", "2019-10-02", "", "")


def test_bare_months_are_not_mentions() -> None:
    assert found("Crossings averaged 2,000 a day in August and September.") == [("2,000", "count", "2000", "", "")]


def test_month_range_gives_only_the_year() -> None:
    assert found("Between January and August 2023, 45,700 returned.") == [
        ("2023", "year", "2023", "", ""),
        ("45,700", "count", "45700", "", ""),
    ]


def test_a_date_inside_running_text_is_not_the_documents_date() -> None:
    text = (
        "Survey conducted between 3 and 28 July 2023 at two stations. Since January, crossings rose above "
        "the total for all of 2022.\n\nOn 22 August, authorities registered 4,000 arrivals."
    )
    assert ("22 August", "date", "2023-08-22", "", "") in found(text)


def test_duration_of_one_unit_after_a_qualifier() -> None:
    assert found("They had lived there for more than a year, earning about a year's wages.") == [
        ("a year", "duration", "1", "year", "min")
    ]


def test_yearless_start_of_a_range_takes_the_year_of_its_end() -> None:
    text = "Applications open (April 1 to May 14, 2024) for returning workers."
    assert ("April 1", "date", "2024-04-01", "", "") in found(text)


def test_yearless_start_of_a_between_range_takes_the_year_of_its_end() -> None:
    text = "Visas were issued between March 3 and April 9, 2023, to seasonal workers."
    assert ("March 3", "date", "2023-03-03", "", "") in found(text)


def test_yearless_start_later_in_the_calendar_than_the_end_falls_in_the_year_before() -> None:
    text = "The filing window ran from Dec. 1 to Jan. 5, 2024, for all employers."
    assert ("Dec. 1", "date", "2023-12-01", "", "") in found(text)


def test_bare_day_without_document_date_ignores_a_year_of_comparison() -> None:
    text = "In the first months of 2023, crossings were the highest since 2021. They peaked in the year to Sept. 30."
    assert found(text)[-1] == ("Sept. 30", "date", "2023-09-30", "", "")
