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
    "BHS": ("Bahamas", "the Bahamas", "Bahamian"),
    "BLZ": ("Belizean",),
    "BOL": ("Bolivian",),
    "BRA": ("Brazilian",),
    "CAN": ("Canadian",),
    "CHL": ("Chilean",),
    "COL": ("Colombian",),
    "CRI": ("Costa Rican",),
    "CUB": ("Cuban",),
    "DEU": ("German",),
    "DOM": ("Dominican Republic", "Dominican"),
    "ECU": ("Ecuadorian", "Ecuadorean"),
    "GRC": ("Greek",),
    "GTM": ("Guatemalan",),
    "GUY": ("Guyanese",),
    "HND": ("Honduran",),
    "HTI": ("Haitian",),
    "JAM": ("Jamaican",),
    "JOR": ("Jordanian",),
    "MEX": ("Mexican",),
    "NIC": ("Nicaraguan",),
    "PAN": ("Panamanian",),
    "PER": ("Peruvian",),
    "PRY": ("Paraguayan",),
    "SLV": ("Salvadoran", "Salvadorean", "Salvadorian"),
    "SUR": ("Surinamese",),
    "TTO": ("Trinidadian",),
    "URY": ("Uruguayan",),
    "USA": ("United States of America", "the United States", "US", "U.S.", "USA", "U.S.A."),
    "VEN": ("Venezuelan",),
}

# Demonyms among the aliases above: they also match in the plural.
DEMONYM_SUFFIXES = ("an", "ian", "ean", "ine")
