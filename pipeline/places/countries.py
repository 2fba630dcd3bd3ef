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

# Places within a country that migration documents name as where figures are counted (islands and ports of
# arrival, border states and towns, camps); a figure about one of them is about its country. Matched as names are.
PLACES_WITHIN: dict[str, tuple[str, ...]] = {
    "ESP": ("Canary Islands", "Canaries", "Balearic Islands", "Ceuta", "Melilla", "Islas Canarias", "Canarias"),
    "ITA": ("Lampedusa", "Sicily", "Calabria", "Apulia", "Sardinia"),
    "GRC": ("Lesbos", "Lesvos", "Samos", "Chios", "Kos", "Evros", "Crete"),
    "GBR": ("Dover", "England", "Scotland", "Wales", "Northern Ireland"),
    "FRA": ("Calais", "Dunkirk", "Mayotte"),
    "USA": (
        "Texas",
        "Arizona",
        "California",
        "New Mexico",
        "Florida",
        "El Paso",
        "San Diego",
        "Rio Grande Valley",
        "New York City",
        "Chicago",
    ),
    "MEX": (
        "Tapachula",
        "Chiapas",
        "Tijuana",
        "Ciudad Juárez",
        "Ciudad Juarez",
        "Reynosa",
        "Matamoros",
        "Mexico City",
        "Ciudad de México",
        "Nuevo Laredo",
        "Sonora",
        "Chihuahua",
        "Tamaulipas",
        "Baja California",
    ),
    "PAN": ("Panama City", "Bajo Chiquito", "Lajas Blancas"),
    "COL": ("Necoclí", "Necocli", "Bogotá", "Bogota"),
    "BGD": ("Cox's Bazar", "Cox’s Bazar"),
    "KEN": ("Kakuma", "Dadaab"),
    "TUR": ("Istanbul",),
    "POL": ("Warsaw",),
    "LBY": ("Tripoli",),
    "TCD": ("Adré", "Adre"),
}

# Demonyms among the aliases above: they also match in the plural.
DEMONYM_SUFFIXES = ("an", "ian", "ean", "ine")
