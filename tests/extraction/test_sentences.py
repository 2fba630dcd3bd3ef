"""Each mention carries the sentence it stands in."""

from __future__ import annotations

from pipeline.extraction import extract


def sentence_of(text: str, mention_text: str) -> str:
    return next(m.sentence for m in extract(text) if m.text == mention_text)


def test_sentence_survives_abbreviations() -> None:
    text = "The U.S. Border Patrol, e.g. in Oct. 2021, made 5 arrests (Smith et al. 2020). Dr. Lee said 6 more."
    assert sentence_of(text, "5") == "The U.S. Border Patrol, e.g. in Oct. 2021, made 5 arrests (Smith et al. 2020)."
    assert sentence_of(text, "6") == "Dr. Lee said 6 more."


def test_blank_line_ends_a_sentence() -> None:
    text = "Demographic trends in\n\nboth countries show 30 percent growth."
    assert sentence_of(text, "30 percent") == "both countries show 30 percent growth."


def test_bullet_lines_are_sentences_of_their_own() -> None:
    text = "Key figures:\n• 5 percent fell\n• 7 rose\n"
    assert sentence_of(text, "5 percent") == "5 percent fell"
    assert sentence_of(text, "7") == "7 rose"


def test_wrapped_line_does_not_end_a_sentence() -> None:
    text = "The number of migrants rose\nto 16 million in the region."
    assert sentence_of(text, "16 million") == text


def test_sentence_offsets_index_the_text() -> None:
    text = "First line.\r\nSecond line has 42 items.\r\n"
    m = extract(text)[0]
    assert text[m.sentence_start:m.sentence_end] == m.sentence == "Second line has 42 items."
