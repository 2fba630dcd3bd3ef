"""How the documents name countries beyond their ISO short names: abbreviations and demonyms.

Each entry maps an ISO 3166-1 alpha-3 code to extra phrases that name the
country (matched case-sensitively, as whole words). Demonyms count as naming
the country (``Guatemalan farm workers`` are workers of Guatemala). The plural
of a demonym ending in a consonant or ``n`` is added automatically (``Mexicans``).
"""

from __future__ import annotations

EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "AFG": ("Afghan",),
    "ARG": ("Argentine", "Argentinian"),
    "BGD": ("Bangladeshi", "Bangladeshis"),
    "BHS": ("Bahamas", "the Bahamas", "Bahamian"),
    "BLZ": ("Belizean",),
    "BOL": ("Bolivian",),
    "BRA": ("Brazilian",),
    "CAN": ("Canadian",),
    "CHL": ("Chilean",),
    "CHN": ("Chinese",),
    "COL": ("Colombian",),
    "CRI": ("Costa Rican",),
    "CUB": ("Cuban",),
    "DEU": ("German",),
    "DOM": ("Dominican Republic", "Dominican"),
    "ECU": ("Ecuadorian", "Ecuadorean"),
    "EGY": ("Egyptian",),
    "ERI": ("Eritrean",),
    "GBR": ("UK", "U.K.", "Britain", "Great Britain", "British"),
    "GRC": ("Greek",),
    "GTM": ("Guatemalan",),
    "GUY": ("Guyanese",),
    "HND": ("Honduran",),
    "HTI": ("Haitian",),
    "IRN": ("Iranian",),
    "IRQ": ("Iraqi", "Iraqis"),
    "ITA": ("Italian",),
    "JAM": ("Jamaican",),
    "JOR": ("Jordanian",),
    "MEX": ("Mexican",),
    "NGA": ("Nigerian",),
    "NIC": ("Nicaraguan",),
    "PAK": ("Pakistani", "Pakistanis"),
    "PAN": ("Panamanian",),
    "PER": ("Peruvian",),
    "PHL": ("Filipino", "Filipinos"),
    "PRY": ("Paraguayan",),
    "RUS": ("Russia", "Russian"),
    "SDN": ("Sudanese",),
    "SEN": ("Senegalese",),
    "SLV": ("Salvadoran", "Salvadorean", "Salvadorian"),
    "SOM": ("Somali", "Somalis"),
    "SUR": ("Surinamese",),
    "SYR": ("Syrian",),
    "TTO": ("Trinidadian",),
    "TUR": ("Turkey", "Turkish", "Turk", "Turks"),
    "UKR": ("Ukrainian",),
    "URY": ("Uruguayan",),
    "USA": ("United States of America", "the United States", "US", "U.S.", "USA", "U.S.A."),
    "VEN": ("Venezuelan",),
}

# Demonyms among the aliases above: they also match in the plural.
DEMONYM_SUFFIXES = ("an", "ian", "ean", "ine")
