"""A small gazetteer of countries, capitals and big cities, for places the small model leaves untagged.

Names that are also common first names or words (Chad, Jordan, Georgia, Nice, Reading ...) are left out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from triage_app.core.nlp.aliases import ALIASES, CASE_SENSITIVE

COUNTRIES = """Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|
Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Bosnia|Botswana|
Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chile|
China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominican Republic|
Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Germany|Ghana|Greece|
Grenada|Guatemala|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|
Italy|Ivory Coast|Jamaica|Japan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|
Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|
Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|
Netherlands|New Zealand|Nicaragua|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|
Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|
Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|
South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|
Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|
United States|Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Crimea|Gaza|West Bank|Donbas|
Greenland|Scotland|Wales|England|Northern Ireland|Catalonia|Kashmir|Tibet|Xinjiang|Chechnya|Siberia|Europe|Africa|
Asia|North America|South America|Latin America|Middle East|Balkans|Scandinavia|Caucasus|Arctic|Antarctica"""

CITIES = """Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Vienna|Baku|Manama|Dhaka|Minsk|Brussels|Sarajevo|
Brasilia|Sofia|Phnom Penh|Ottawa|Santiago|Beijing|Bogota|Havana|Nicosia|Prague|Copenhagen|Cairo|Tallinn|Addis Ababa|
Helsinki|Paris|Tbilisi|Berlin|Accra|Athens|Budapest|Reykjavik|New Delhi|Delhi|Jakarta|Tehran|Baghdad|Dublin|
Jerusalem|Tel Aviv|Rome|Tokyo|Amman|Astana|Nairobi|Pristina|Riga|Beirut|Tripoli|Vilnius|Kuala Lumpur|Bamako|
Valletta|Mexico City|Chisinau|Ulaanbaatar|Podgorica|Rabat|Maputo|Naypyidaw|Kathmandu|Amsterdam|The Hague|Wellington|
Abuja|Lagos|Pyongyang|Skopje|Oslo|Muscat|Islamabad|Karachi|Lahore|Ramallah|Lima|Manila|Warsaw|Lisbon|Doha|Bucharest|
Moscow|Kigali|Riyadh|Dakar|Belgrade|Bratislava|Ljubljana|Mogadishu|Pretoria|Johannesburg|Cape Town|Seoul|Juba|Madrid|
Barcelona|Colombo|Khartoum|Stockholm|Bern|Geneva|Zurich|Damascus|Aleppo|Taipei|Dushanbe|Dar es Salaam|Bangkok|Tunis|
Ankara|Istanbul|Kampala|Kyiv|Kiev|Kharkiv|Odesa|Odessa|Lviv|Dnipro|Zaporizhzhia|Kherson|Mariupol|Donetsk|Luhansk|
Bakhmut|Abu Dhabi|Dubai|London|Manchester|Edinburgh|Glasgow|Belfast|Washington|New York|New York City|Los Angeles|
Chicago|Houston|San Francisco|Boston|Miami|Atlanta|Seattle|Montevideo|Tashkent|Caracas|Hanoi|Ho Chi Minh City|
Sanaa|Aden|Lusaka|Harare|Shanghai|Hong Kong|Shenzhen|Guangzhou|Wuhan|Mumbai|Bangalore|Kolkata|Chennai|Osaka|
Sydney|Melbourne|Toronto|Montreal|Vancouver|Munich|Frankfurt|Hamburg|Milan|Naples|Lyon|Marseille|St Petersburg|
St. Petersburg|Saint Petersburg|Gdansk|Krakow|Rotterdam|Antwerp|Geneva|Davos|Strasbourg|Luxembourg|Kinshasa|
Khartoum|Benghazi|Mosul|Basra|Kandahar|Herat|Tehran|Isfahan|Gaza City|Rafah|Khan Younis|Beersheba|Haifa|Sevastopol|
Minneapolis|Dallas|Philadelphia|Detroit|Denver|Phoenix|Las Vegas|Baltimore|Pittsburgh|Cleveland|Brooklyn|Manhattan"""


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = {n.strip() for n in (COUNTRIES + "|" + CITIES).replace("\n", "").split("|") if n.strip()}
    names |= {a for a in ALIASES if a not in CASE_SENSITIVE}  # lower-case keys, matched in title case below
    forms: set[str] = set()
    for name in names:
        forms.add(name if any(c.isupper() for c in name) else name.title())
    forms |= {"U.S.", "US", "UK", "U.K.", "EU", "UN", "U.N.", "NATO", "UAE", "USA"}
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(f) for f in ordered) + r")(?![\w-])")


def gazetteer_matches(text: str) -> list[tuple[int, int, str]]:
    """`(start, end, spaCy label)` of every gazetteer name in `text` (case-sensitive)."""
    found = []
    for match in _pattern().finditer(text):
        alias = ALIASES.get(match.group(1).replace(".", "").lower())
        label = "GPE"
        if alias is not None and alias[1] != "PLACE":
            label = alias[1]
        found.append((match.start(), match.end(), label))
    return found
