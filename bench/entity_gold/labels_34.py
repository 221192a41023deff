"""Engineer 34's hand labels for bench/entity_gold, written by reading each passage (NOTES-34.md).

Keys are "<wceb-dev subset>/<first 8 hex digits of the page id>"; the passage is
`draw_34.passage(articleBody)`. Entity specs are read by `tools_34.py`: (LABEL, surface) for every
whole-word occurrence, (LABEL, surface, k or [k, ...]) for the k-th occurrences only. PRODUCT, WORK,
EVENT, LAW and TIME are not scored; they only keep the names inside them from being labelled.
"""

from __future__ import annotations

from typing import Any

ANNOTATOR = "engineer 34, by reading (LLM)"

DOCS: dict[str, dict[str, Any]] = {
    "tiptopjaw-2026/4b61d765": {
        "kind": "news",
        "entities": [
            ("PLACE", "Texas"), ("ORG", "Texas Legislature"), ("PLACE", "Texas Capitol"),
            ("ORG", "The Texas Newsroom"), ("PLACE", "Austin"), ("ORG", "Teachers Against School Vouchers"),
            ("PERSON", "SACHA PFEIFFER"), ("PERSON", "Sergio Martínez-Beltrán"), ("PERSON", "SERGIO MARTINEZ-BELTRAN"),
            ("PERSON", "MARTINEZ-BELTRAN"), ("PERSON", "Rosie Curts"), ("PLACE", "Capitol", 1),
            ("DATE", "this week"), ("TIME", "a Saturday afternoon"),
        ],
    },
    "tiptopjaw-2026/47b5978b": {
        "kind": "forum",
        "entities": [
            ("PLACE", "Switzerland"), ("PLACE", "Singapore"), ("PLACE", "Asia"), ("PLACE", "Europe"),
            ("DATE", "this autumn"), ("DATE", "Last year"), ("PRODUCT", "Excel"),
        ],
    },
    "tiptopjaw-2026/11c5d695": {
        "kind": "blog",
        "entities": [
            ("PERSON", "daniel"), ("PERSON", "eva"), ("PERSON", "MDL"),
            ("ORG", "Mintlify"), ("ORG", "Discord"), ("ORG", "discord"), ("ORG", "vercel"),
            ("WORK", "Redacted by Counsel: A supply chain postmortem"),
            ("MONEY", "billion dollar"), ("DATE", "about a month ago"), ("DATE", "Friday, November 7, 2025"),
            ("DATE", "last few years"),
        ],
    },
    "tiptopjaw-2026/b81d265b": {
        "kind": "other",
        "entities": [("ORG", "Tampa Y"), ("ORG", "Y"), ("PRODUCT", "InBody")],
    },
    "tiptopjaw-2026/f9426a11": {
        "kind": "blog",
        "entities": [("NORP", "American"), ("NORP", "French"), ("NORP", "Russian")],
    },
    "tiptopjaw-2026/df5fd4ec": {
        "kind": "product",
        "entities": [
            ("ORG", "Zendesk"), ("PRODUCT", "Zendesk AI"), ("ORG", "Gartner"),
            ("WORK", "Magic Quadrant™ for the CRM Customer Engagement Center"), ("DATE", "2025"), ("DATE", "day one"),
        ],
    },
    "tiptopjaw-2026/bfa1eb65": {
        "kind": "product",
        "entities": [
            ("PRODUCT", "Solo Stove Summit 24™ Smokeless Fire Pit"), ("PRODUCT", "Summit"), ("PRODUCT", "Quick-Strike Cone™"),
            ("PRODUCT", "Solo Stove Fire Starter Gel™"), ("PRODUCT", "Solo Stove Signature Flame™"), ("DATE", "years"),
        ],
    },
    "tiptopjaw-2026/00960a66": {
        "kind": "other",
        "entities": [("ORG", "Uber")],
    },
    "tiptopjaw-2026/9c8a1e6c": {
        "kind": "blog",
        "entities": [
            ("PRODUCT", "Nethermind"), ("PRODUCT", "Reth"), ("PRODUCT", "Geth"), ("PRODUCT", "Besu"),
            ("PRODUCT", "Ethereum Mainnet"),
        ],
    },
    "tiptopjaw-2026/a509d59c": {
        "kind": "reference",
        "entities": [],
    },
    "tiptopjaw-2026/a8bb1abe": {
        "kind": "blog",
        "entities": [
            ("PERSON", "Emil Stenström"), ("PERSON", "Simon Willison"), ("PERSON", "Emil"), ("PERSON", "Simon"),
            ("DATE", "Today"), ("PRODUCT", "JustHTML"), ("PRODUCT", "Claude"),
        ],
    },
    "tiptopjaw-2026/e7f6c22a": {
        "kind": "product",
        "entities": [("ORG", "GUSILOR"), ("PRODUCT", "Gusilor E19"), ("ORG", "Gusilor")],
    },
    "tiptopjaw-2026/cb5292c0": {
        "kind": "other",
        "entities": [
            ("ORG", "UC San Diego Extended Studies"), ("DATE", "Winter 2026"), ("DATE", "Today"),
            ("WORK", "Professional Certificate in Project Management"),
        ],
    },
    "tiptopjaw-2026/7084b155": {
        "kind": "reference",
        "entities": [
            ("PLACE", "America"), ("PLACE", "US"), ("ORG", "Insurance Business"), ("PRODUCT", "IB+ Data Hub"),
            ("DATE", "today"), ("ORG", "State Farm Group"), ("ORG", "State Farm"), ("PLACE", "Bloomington"),
            ("PLACE", "Illinois"),
        ],
    },
    "tiptopjaw-2026/1af32c5b": {
        "kind": "product",
        "entities": [
            ("PLACE", "US"), ("MONEY", "$18.4 billion"), ("MONEY", "$20.6 billion"), ("DATE", "2024"), ("DATE", "2029"),
            ("DATE", "annually"),
        ],
    },
    "tiptopjaw-2026/a59d9066": {
        "kind": "reference",
        "entities": [
            ("PERSON", "Jennifer Huberty", None, "digits"), ("PERSON", "Jeni Green", None, "digits"),
            ("PERSON", "Christine Glissmann", None, "digits"), ("PERSON", "Linda Larkey", None, "digits"),
            ("PERSON", "Megan Puzia", None, "digits"), ("PERSON", "Chong Lee", None, "digits"),
            ("ORG", "College of Health Solutions", None, "digits"), ("ORG", "Arizona State University"),
            ("ORG", "Department of Student Affairs", None, "digits"), ("ORG", "University of Redlands"),
            ("ORG", "College of Nursing and Health Innovation", None, "digits"),
            ("ORG", "Behavioral Research and Analytics, LLC", None, "digits"),
            ("PLACE", "Phoenix"), ("PLACE", "AZ"), ("PLACE", "United States"), ("PLACE", "Redlands"), ("PLACE", "CA"),
            ("PLACE", "Salt Lake City"), ("PLACE", "UT"), ("PLACE", "500 North 3rd Street"),
            ("PRODUCT", "Calm"), ("DATE", "8-week"),
        ],
    },
    "cleanportaleval/86f716fc": {
        "kind": "news",
        "entities": [
            ("PERSON", "Melissa Harris-Perry"), ("PERSON", "Chuck Hagel"), ("PERSON", "Hagel"), ("PERSON", "Melissa"),
            ("PERSON", "Obama"), ("ORG", "Pentagon"), ("PLACE", "Lackland Air Force Base"), ("PLACE", "Afghanistan"),
            ("PLACE", "Middle East"), ("DATE", "past several months"), ("DATE", "this week"),
            ("DATE", "past two years"), ("DATE", "every day"), ("WORK", "Open Letter"),
        ],
    },
    "cleanportaleval/29933092": {
        "kind": "news",
        "entities": [
            ("ORG", "Survey Monkey"), ("ORG", "Business Insider"), ("ORG", "Congress"), ("PERSON", "Obama"),
            ("DATE", "Jan 1st"), ("DATE", "last year"), ("MONEY", "$607 billion"),
        ],
    },
    "cleanportaleval/a868d083": {
        "kind": "blog",
        "entities": [
            ("DATE", "4 years ago"), ("DATE", "four years ago"), ("DATE", "Four years ago"), ("DATE", "Tuesdays"),
            ("PERSON", "Obama"), ("PERSON", "Romney"), ("PERSON", "Kenneth"), ("ORG", "MSNBC"), ("ORG", "FOXNews"),
            ("PLACE", "30 Rock"), ("MONEY", "$8.50"),
        ],
    },
    "cleanportaleval/57a786e8": {
        "kind": "news",
        "entities": [
            ("ORG", "Google"), ("ORG", "Mundaneum"), ("NORP", "Belgian"), ("DATE", "1913"), ("WORK", "Nobel Peace Prize"),
            ("PERSON", "Elio Di Rupo"), ("PERSON", "Di Rupo"), ("PLACE", "Brussels"), ("PLACE", "Mons"),
            ("PLACE", "Belgium"), ("PLACE", "St. Ghislain"), ("PLACE", "Wallonia"), ("MONEY", "€250 million"),
        ],
    },
    "cleanportaleval/a85569b1": {
        "kind": "news",
        "entities": [
            ("PLACE", "Euro Zone"), ("PLACE", "euro zone"), ("PLACE", "euro-zone"), ("NORP", "French"),
            ("PERSON", "Nicolas Sarkozy"), ("ORG", "EU"), ("PLACE", "Brussels"), ("PLACE", "Greece"),
            ("PLACE", "Washington"), ("PLACE", "Europe"), ("DATE", "Saturday", 1), ("TIME", "Saturday morning"),
            ("DATE", "Friday"), ("DATE", "Sunday"), ("DATE", "Months"),
        ],
    },
    "cleanportaleval/c1213c11": {
        "kind": "news",
        "entities": [
            ("ORG", "The New York Times"), ("PLACE", "Keystone XL Pipeline"), ("PLACE", "Boston"),
            ("WORK", "All In with Chris Hayes"), ("PERSON", "Chris"), ("ORG", "Twitter"), ("ORG", "Facebook"),
            ("WORK", "Times Haiku"), ("ORG", "Occupy Wall Street"), ("PERSON", "Shaleen Title"),
        ],
    },
}
