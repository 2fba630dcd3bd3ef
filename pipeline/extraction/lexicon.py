"""Word lists the extractor reads: number words, scales, fractions, months, currencies.

Pure data, no logic. Every table is keyed by the lower-cased word unless noted.
"""

from __future__ import annotations


def words(text: str) -> list[str]:
    """The white-space separated words of ``text`` (for writing word lists compactly)."""
    return text.split()


UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
#: Scale words that multiply the number before them.
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
#: Abbreviated scales written right after digits ("$1.2bn", "3 mln"), always unambiguous.
SCALE_ABBREVIATIONS: dict[str, int] = {
    "bn": 1_000_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
}
#: Scale words read after digits only: South Asian lakh and crore, and the Spanish and
#: Portuguese scales of documents written in (or quoting) those languages. Spanish
#: ``billón`` is a million millions; Brazilian ``bilhão`` a thousand millions.
DIGIT_SCALES: dict[str, int] = {
    "hundred": 100,
    "lakh": 100_000,
    "lakhs": 100_000,
    "lac": 100_000,
    "lacs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
    "mil millones": 1_000_000_000,
    "millones": 1_000_000,
    "millón": 1_000_000,
    "billones": 1_000_000_000_000,
    "billón": 1_000_000_000_000,
    "milhões": 1_000_000,
    "milhão": 1_000_000,
    "bilhões": 1_000_000_000,
    "bilhão": 1_000_000_000,
    "mil": 1_000,
}
#: One-letter scales, read only on money amounts ("$3m", "€250k", "US$2B").
MONEY_SCALE_LETTERS: dict[str, int] = {
    "m": 1_000_000,
    "M": 1_000_000,
    "k": 1_000,
    "K": 1_000,
    "b": 1_000_000_000,
    "B": 1_000_000_000,
}

#: Denominator words of fractions ("two thirds", "a quarter", "one-fifth").
FRACTIONS: dict[str, int] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
    "hundredth": 100,
    "hundredths": 100,
}
SINGULAR_FRACTIONS: frozenset[str] = frozenset(w for w in FRACTIONS if not w.endswith("s"))

#: Multiplier verbs and adjectives.
MULTIPLIER_WORDS: dict[str, int] = {
    "double": 2,
    "doubled": 2,
    "doubles": 2,
    "doubling": 2,
    "triple": 3,
    "tripled": 3,
    "triples": 3,
    "tripling": 3,
    "treble": 3,
    "trebled": 3,
    "trebles": 3,
    "trebling": 3,
    "quadruple": 4,
    "quadrupled": 4,
    "quadruples": 4,
    "quadrupling": 4,
    "quintuple": 5,
    "quintupled": 5,
    "quintuples": 5,
    "quintupling": 5,
    "twofold": 2,
    "threefold": 3,
    "fourfold": 4,
    "fivefold": 5,
    "sixfold": 6,
    "sevenfold": 7,
    "eightfold": 8,
    "ninefold": 9,
    "tenfold": 10,
    "hundredfold": 100,
}
#: "twice as many", "thrice the".
ADVERB_MULTIPLIERS: dict[str, int] = {"twice": 2, "thrice": 3}

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

#: Spanish month names, for documents written in (or quoting) Spanish: "15 de marzo de 2023".
SPANISH_MONTHS: dict[str, int] = {
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}

DURATION_UNITS: dict[str, tuple[str, int]] = {
    "day": ("day", 1),
    "days": ("day", 1),
    "week": ("week", 1),
    "weeks": ("week", 1),
    "month": ("month", 1),
    "months": ("month", 1),
    "year": ("year", 1),
    "years": ("year", 1),
    "decade": ("year", 10),
    "decades": ("year", 10),
    "century": ("year", 100),
    "centuries": ("year", 100),
}

#: Currency written before the amount: symbol (with its optional country prefix) or code.
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "USD",
    "US$": "USD",
    "U.S.$": "USD",
    "USD$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAN$": "CAD",
    "CDN$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "MX$": "MXN",
    "Mex$": "MXN",
    "R$": "BRL",
    "HK$": "HKD",
    "S$": "SGD",
    "NT$": "TWD",
    "RD$": "DOP",
    "J$": "JMD",
    "TT$": "TTD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₱": "PHP",
    "₡": "CRC",
    "₦": "NGN",
    "₩": "KRW",
    "₺": "TRY",
    "₽": "RUB",
    "₴": "UAH",
    "₪": "ILS",
    "₫": "VND",
    "฿": "THB",
    "₲": "PYG",
    "₵": "GHS",
}
#: Currency signs written after the amount, as in European usage ("7 €", "240 kn", "35 zł").
CURRENCY_SIGNS_AFTER: dict[str, str] = {
    "€": "EUR",
    "£": "GBP",
    "$": "USD",
    "¥": "JPY",
    "₹": "INR",
    "₺": "TRY",
    "₽": "RUB",
    "₴": "UAH",
    "₪": "ILS",
    "₫": "VND",
    "kn": "HRK",
    "zł": "PLN",
    "Kč": "CZK",
    "Ft": "HUF",
}
#: Abbreviations written before the amount that are no ISO code ("Rs 3 crore", "RMB 5 billion").
CURRENCY_ABBREVIATIONS: dict[str, str] = {
    "Rs": "INR",
    "Rs.": "INR",
    "RMB": "CNY",
    "Rmb": "CNY",
    "Rp": "IDR",
    "RM": "MYR",
    "Ksh": "KES",
    "KSh": "KES",
    "Kshs": "KES",
    "Tk": "BDT",
    "Tsh": "TZS",
    "Ush": "UGX",
    "Dh": "AED",
    "Dhs": "AED",
    "SFr": "CHF",
    "Fr.": "CHF",
    "Bs.": "VES",
}
#: ISO 4217 codes read before or after an amount; codes that are also common acronyms
#: ("SDG", "ALL", "CUP", "MAD", "TRY") are left out.
CURRENCY_CODES: frozenset[str] = frozenset(
    words(
        "USD EUR GBP CAD MXN AUD NZD CHF JPY CNY BRL COP PEN CLP ARS GTQ HNL NIO CRC DOP HTG JMD VES BOB "
        "PYG UYU INR PHP ZAR NGN KES SEK NOK DKK ISK PLN CZK HUF RON BGN HRK RSD RUB UAH ILS SAR AED QAR "
        "KWD BHD OMR JOD EGP TND DZD GHS XOF XAF ETB UGX TZS RWF ZMW PKR BDT LKR NPR AFN IDR MYR THB VND "
        "KRW TWD HKD SGD TTD BSD BZD BBD"
    )
)
#: Currency named after the amount ("5 million dollars", "300 euros", "48 million yuan"),
#: keyed by the lower-cased words; a national adjective before a shared name decides it.
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD",
    "dollar": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "american dollars": "USD",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "new zealand dollars": "NZD",
    "hong kong dollars": "HKD",
    "singapore dollars": "SGD",
    "taiwan dollars": "TWD",
    "jamaican dollars": "JMD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "british pounds": "GBP",
    "uk pounds": "GBP",
    "pound sterling": "GBP",
    "sterling": "GBP",
    "egyptian pounds": "EGP",
    "lebanese pounds": "LBP",
    "syrian pounds": "SYP",
    "sudanese pounds": "SDG",
    "mexican pesos": "MXN",
    "pesos": "MXN",
    "colombian pesos": "COP",
    "chilean pesos": "CLP",
    "argentine pesos": "ARS",
    "argentinian pesos": "ARS",
    "philippine pesos": "PHP",
    "dominican pesos": "DOP",
    "uruguayan pesos": "UYU",
    "cuban pesos": "CUP",
    "quetzales": "GTQ",
    "quetzals": "GTQ",
    "lempiras": "HNL",
    "córdobas": "NIO",
    "cordobas": "NIO",
    "colones": "CRC",
    "reais": "BRL",
    "reales": "BRL",
    "brazilian reais": "BRL",
    "soles": "PEN",
    "bolivars": "VES",
    "bolívares": "VES",
    "bolivianos": "BOB",
    "guaraníes": "PYG",
    "guaranis": "PYG",
    "gourdes": "HTG",
    "yuan": "CNY",
    "chinese yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "japanese yen": "JPY",
    "rupees": "INR",
    "rupee": "INR",
    "indian rupees": "INR",
    "pakistani rupees": "PKR",
    "sri lankan rupees": "LKR",
    "nepalese rupees": "NPR",
    "rupiah": "IDR",
    "ringgit": "MYR",
    "baht": "THB",
    "dong": "VND",
    "rand": "ZAR",
    "south african rand": "ZAR",
    "naira": "NGN",
    "cedis": "GHS",
    "shillings": "KES",
    "kenyan shillings": "KES",
    "ugandan shillings": "UGX",
    "tanzanian shillings": "TZS",
    "birr": "ETB",
    "swiss francs": "CHF",
    "francs": "CHF",
    "cfa francs": "XOF",
    "kronor": "SEK",
    "swedish kronor": "SEK",
    "norwegian kroner": "NOK",
    "danish kroner": "DKK",
    "kroner": "NOK",
    "zlotys": "PLN",
    "zloty": "PLN",
    "forints": "HUF",
    "forint": "HUF",
    "lei": "RON",
    "kuna": "HRK",
    "roubles": "RUB",
    "rubles": "RUB",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "lira": "TRY",
    "liras": "TRY",
    "turkish lira": "TRY",
    "shekels": "ILS",
    "riyals": "SAR",
    "saudi riyals": "SAR",
    "dirhams": "AED",
    "moroccan dirhams": "MAD",
    "taka": "BDT",
    "afghanis": "AFN",
    "dólares": "USD",
}
#: Coins and subunits named after the amount ("25 cents", "50 pence"): (currency, hundredths).
SUBUNIT_WORDS: dict[str, str] = {
    "cents": "USD",
    "us cents": "USD",
    "euro cents": "EUR",
    "pence": "GBP",
    "centavos": "MXN",
}
#: Ordinal day words ("the first of May", "May twenty-first").
ORDINAL_DAYS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty-second": 22,
    "twenty-third": 23,
    "twenty-fourth": 24,
    "twenty-fifth": 25,
    "twenty-sixth": 26,
    "twenty-seventh": 27,
    "twenty-eighth": 28,
    "twenty-ninth": 29,
    "thirtieth": 30,
    "thirty-first": 31,
}
#: Currency names that are also common words, read only after a scale ("5 billion won").
CURRENCY_WORDS_AFTER_SCALE: dict[str, str] = {"won": "KRW", "real": "BRL"}

#: Nouns that "one" counts without a qualifier before it ("one person died").
ONE_COUNTED_NOUNS: frozenset[str] = frozenset(
    words(
        "person migrant refugee asylum-seeker child minor woman man adult family household visa death "
        "case country state city nation worker individual member application permit percent percentage"
    )
)

#: Capitalised words before a number that make it part of a name or code ("Title 42").
LABEL_WORDS: frozenset[str] = frozenset(
    words(
        "title section article phase chapter part annex appendix resolution decree rule order "
        "proclamation form level tier category route highway table figure fig box page vol volume issue "
        "no nos number item goal target grade class stage step round wave unit room gate district ward "
        "zone paragraph para clause amendment schedule docket case exhibit slide version line lane pier "
        "terminal flight cohort group batch edition season episode objective principle recommendation h.r "
        "note footnote endnote suite floor apt apartment interstate hwy freeway motorway "
        "s.res h.res quarter"
    )
)

#: Words after "double"/"triple" that make it an adjective, not a multiplier.
NON_MULTIPLIER_FOLLOWERS: frozenset[str] = frozenset(
    words(
        "standard standards digit digits counting count taxation jeopardy bind burden whammy agent agents "
        "check checks life lives role roles edge edged down click space room rooms bed beds amputee major "
        "majors helix entry"
    )
)

#: Section headings after which a reference list follows.
REFERENCE_HEADINGS: frozenset[str] = frozenset(
    (
        "references",
        "bibliography",
        "works cited",
        "works consulted",
        "literature cited",
        "reference list",
        "sources",
        "selected bibliography",
        "sources cited",
        "select bibliography",
    )
)
