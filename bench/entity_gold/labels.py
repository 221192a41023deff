"""Entity labels of `bench/entity_gold/`, written by reading each passage (see README.md).

`(LABEL, surface)` labels every whole-word occurrence of `surface`; `(LABEL, surface, k)` or
`(LABEL, surface, (k1, k2))` only those 1-based occurrences. PRODUCT, WORK, EVENT and LAW are not scored;
they only keep the names inside them ("Nelson Mandela International Day") from being counted.
`make_entity_gold.py` turns this file into the JSON files, with character offsets.
"""

from __future__ import annotations

from typing import Any

ANNOTATOR = "engineer 33, by reading (LLM)"

DOCS: dict[str, dict[str, Any]] = {
    "dragnet_6b1f2291": {
        "id": "6b1f22910c9f534a963fa79126097556ea98db61085fb79f9876b2edc1421751", "kind": "blog",
        "entities": [
            ("ORG", "AWS"), ("PRODUCT", "AWS CloudFormation"), ("PRODUCT", "AWS Management Console"),
            ("PRODUCT", "Microsoft SharePoint"), ("PRODUCT", "SharePoint"), ("ORG", "Recovery.gov"),
            ("ORG", "Lionsgate"),
        ],
    },
    "dragnet_5742687a": {
        "id": "5742687a10c678e41a4fb9030fa6216ce442fb875a8ea5c3090fd8e76d81000f", "kind": "blog",
        "entities": [("ORG", "Facebook"), ("ORG", "Twitter"), ("ORG", "YouTube")],
    },
    "dragnet_1d4c98b0": {
        "id": "1d4c98b0fe5264e75c40d2cb795993d8f993a6190cbd562ea4bd9a652d5cf27a", "kind": "government",
        "entities": [
            ("PERSON", "Michelle Obama"), ("PERSON", "Nelson Mandela"), ("PERSON", "Mandela"), ("PERSON", "Obama"),
            ("PERSON", "Madiba"), ("PERSON", "Samantha Appleton"), ("EVENT", "Nelson Mandela International Day"),
            ("PLACE", "Houghton"), ("PLACE", "South Africa"), ("NORP", "South African"), ("ORG", "White House"),
            ("DATE", "June 21, 2011"), ("DATE", "Today"), ("DATE", "July 18"), ("DATE", "2009"),
            ("PLACE", "United States"), ("ORG", "United Nations"),
        ],
    },
    "dragnet_7c971a35": {
        "id": "7c971a3556a91fe7c87fdcab86a8b83c5bc8cb93e07de4bdfd5526d6e65aa8fd", "kind": "blog",
        "entities": [("PERSON", "Richard Cook"), ("PERSON", "Cook"), ("WORK", "How Complex Systems Fail")],
    },
    "dragnet_cff82da1": {
        "id": "cff82da13227997311fb45e7c6b5af9480f14aa862fd2364cf16e7509911cf26", "kind": "blog",
        "entities": [("DATE", "several years"), ("DATE", "today")],
    },
    "dragnet_ba7cdae8": {
        "id": "ba7cdae850c02f5949c89ffaa18a3ad8323e5813477f3813f52f3381aaf384df", "kind": "blog",
        "entities": [
            ("DATE", "2011"), ("DATE", "one year"), ("DATE", "entire year"), ("DATE", "2012"),
            ("ORG", "seamless.com"), ("DATE", "last year"),
        ],
    },
    "dragnet_60e8b6e2": {
        "id": "60e8b6e27f21533679391db9bc86a8b0d0e3ad5c8bc4b9beef4951d603bff410", "kind": "blog",
        "entities": [
            ("PERSON", "Chris Locke"), ("PERSON", "Chris"), ("DATE", "tomorrow"), ("DATE", "Monday, April 2"),
            ("ORG", "CNN"), ("WORK", "CNN American Morning"), ("DATE", "last few days"), ("DATE", "today"),
        ],
    },
    "dragnet_a5d68f8a": {
        "id": "a5d68f8a52ca99eb799440ae175ca87e7858f4de1c42f213da4dce7869bb890d", "kind": "blog",
        "entities": [
            ("DATE", "Today"), ("DATE", "today"), ("DATE", "second weekend"), ("ORG", "Premiership"),
            ("DATE", "8 days"), ("EVENT", "Champions League"), ("DATE", "Wednesday"), ("PLACE", "Old Trafford"),
            ("DATE", "next Sunday"), ("DATE", "this week"), ("PERSON", "Joel Campbell"), ("PERSON", "Gibbs"),
            ("PERSON", "Djourou"), ("PERSON", "Traore"), ("PERSON", "Sagna"), ("PERSON", "Koscielny"),
            ("PERSON", "Vermalen"), ("PERSON", "Jenkinson"), ("PERSON", "Squillaci"), ("PERSON", "Vermaelen"),
            ("PERSON", "Arsene"), ("PERSON", "Carl"), ("DATE", "yesterday"), ("PERSON", "Gervinho"),
            ("PERSON", "RVP"), ("PERSON", "Walcott"), ("PERSON", "Arshavin"), ("PERSON", "Ryo Miyaichi"),
            ("PERSON", "Ryo"), ("PERSON", "Oxlade-Chamberlain"),
        ],
    },
    "dragnet_b8cfbca8": {
        "id": "b8cfbca8d7aa16969ce081ec703d7aa6fe953fa6190f658ece779169d2c19d1e", "kind": "news",
        "entities": [
            ("ORG", "Political Prostitution"), ("ORG", "YouTube"), ("PERSON", "Chris Rodd"),
            ("ORG", "Motion Picture Association of America"), ("ORG", "MPAA"), ("PERSON", "Chris Dodd"),
            ("LAW", "SOPA"), ("PERSON", "Kim Dotcom"), ("ORG", "Wikipedia"), ("PERSON", "Jimmy Wales"),
            ("ORG", "Pirate Bay"),
        ],
    },
    "dragnet_69852010": {
        "id": "69852010ed0e22fbbefdb926e6637ac391ea45a5291987f6e174eb13998324d5", "kind": "blog",
        "entities": [
            ("DATE", "Spring of this year"), ("ORG", "Department of Motor Vehicles"), ("ORG", "Post Office"),
        ],
    },
    "dragnet_d1e6ad8e": {
        "id": "d1e6ad8ea19a032ad50ed4e89802346a8b196149601c074844df4abb54284e81", "kind": "other",
        "entities": [
            ("WORK", "NFL Fantasy Live"), ("ORG", "NFL"), ("DATE", "This week"), ("PERSON", "Jason Smith"),
            ("PERSON", "Michael Fabiano"), ("PERSON", "Elliot Harrison"), ("PERSON", "Adam Rank"),
            ("PERSON", "Akbar Gbajabiamila"), ("PERSON", "Smith"), ("PERSON", "Fabiano"), ("PERSON", "Harrison"),
            ("ORG", "Philadelphia Eagles"), ("DATE", "November 6, 2012"),
        ],
    },
    "dragnet_d7ef6978": {
        "id": "d7ef69786792b81b6b8288c1465e923a9f009a8a91682de121586de4b90fabfe", "kind": "blog",
        "entities": [
            ("ORG", "UPROXX"), ("PLACE", "Hollywood"), ("PERSON", "Chodin"), ("ORG", "With Leather"),
            ("PERSON", "Brandon Stroud"), ("DATE", "this year"), ("EVENT", "Academy Awards"), ("EVENT", "ESPYs"),
            ("WORK", "Summer League"), ("PERSON", "B-Funk"), ("DATE", "today"), ("PERSON", "Kate Upton"),
            ("PERSON", "Danger Guerrero"), ("WORK", "Dateline"), ("ORG", "Greenless Studios"), ("ORG", "IMDB"),
            ("PERSON", "Summer Leeds"),
        ],
    },
    "cleaneval_4f37e8ae": {
        "id": "4f37e8ae430b8225923eb4c87b541ffec85effb05a3d71194ce3526dabf12297", "kind": "other",
        "entities": [
            ("DATE", "March 7, 2005"), ("ORG", "Virgina Commonwealth University"), ("PERSON", "Nicole Green"),
            ("ORG", "Animalearn"), ("PERSON", "April Kung"), ("ORG", "Virginia Commonwealth University"),
            ("DATE", "February 3, 2005"), ("DATE", "August 18, 2004"), ("DATE", "this fall"),
        ],
    },
    "cleaneval_3352126c": {
        "id": "3352126c578cecbe904efd9458d912cb3bccc255d8800b1b17c124b7e178f6e8", "kind": "news",
        "entities": [
            ("ORG", "Center for Science in the Public Interest"), ("ORG", "CSPI"), ("DATE", "Monday"),
            ("ORG", "Bush Administration"), ("PERSON", "Amy L. Comstock"), ("PERSON", "Comstock"),
            ("ORG", "US Office of Government Ethics"), ("DATE", "months"), ("PERSON", "Virginia Sharpe"),
            ("PERSON", "Sharpe"), ("ORG", "Integrity in Science"), ("PERSON", "David Bellinger"), ("ORG", "Harvard"),
            ("ORG", "Centers for Disease Control and Prevention"), ("PERSON", "Michael Weitzman"),
            ("ORG", "University of Rochester"), ("DATE", "Tuesday"), ("ORG", "Department of Health and Human Services"),
            ("ORG", "HHS"), ("PERSON", "Tommy Thompson"), ("ORG", "The Scientist"),
        ],
    },
    "cleaneval_4872f745": {
        "id": "4872f74596da6239ffffb52a8dc62772e7c0785194819f8ae04acdd1eb86d865", "kind": "other",
        "entities": [
            ("NORP", "Black"), ("PLACE", "Sumer"), ("WORK", "Destruction of Black Civilization"),
            ("PERSON", "Chancellor Williams"), ("DATE", "Today"), ("PLACE", "indiana"), ("PERSON", "Balagoon"),
            ("PERSON", "Naeem Trotter"), ("DATE", "1985"), ("PLACE", "i.s.r."), ("NORP", "New Afrikans"),
            ("NORP", "north amerikans"), ("DATE", "years"), ("PERSON", "Kataza Taifa"), ("ORG", "A.C.L.U."),
            ("PLACE", "m.c.c."),
        ],
    },
    "cleaneval_519d5362": {
        "id": "519d5362976b65a7587d43030e9bfbb39299bebcd0f7b2ac961b30d246dda376", "kind": "other",
        "entities": [("PERSON", "Ted Tate"), ("DATE", "years")],
    },
    "cleaneval_7e0482a7": {
        "id": "7e0482a7d904a79cbf7352102894470cbae4f6e0458fdda69a9162f429763eaa", "kind": "reference",
        "entities": [
            ("ORG", "Arizona Association of Bed and Breakfast Inns"),
            ("ORG", "Professional Association of Innkeepers International"), ("ORG", "PAII"),
            ("DATE", "three months"),
        ],
    },
    "cleaneval_f4c9ecb1": {
        "id": "f4c9ecb150efe876deb83c6c0bd070708a5955dac28bc9f1c4c16fe942f3c187", "kind": "product",
        "entities": [
            ("PERSON", "Richard Marx"), ("PERSON", "Luther Vandross"), ("PERSON", "Lionel Richie"),
            ("PERSON", "David Cole"), ("PERSON", "Humberto Gatica"), ("PERSON", "Randy Jackson"),
            ("PERSON", "Madonna"), ("PERSON", "Marx"), ("DATE", "1987"), ("WORK", "Don't Mean Nothing"),
            ("DATE", "next ten years"), ("WORK", "GREATEST HITS"), ("WORK", "Hold Onto the Nights"),
            ("ORG", "Pediatric AIDS Foundation"), ("WORK", "FOR OUR CHILDREN TOO"), ("PLACE", "Chicago"),
        ],
    },
    "cleaneval_2e5065ea": {
        "id": "2e5065ea6737a848fdaf8aadf6258f7c5d84073eeca0235658b52d075e7a8edc", "kind": "forum",
        "entities": [],
    },
    "cleaneval_7cc31b32": {
        "id": "7cc31b327ea50e19f2328532626bbd2be6b700586d06fa030259286247979da0", "kind": "reference",
        "entities": [
            ("ORG", "Serbian Chemical Society"), ("ORG", "Minutes of the Serbian Chemical Society"),
            ("ORG", "Minutes"), ("ORG", "Nastavnik"), ("ORG", "Teacher"), ("ORG", "Teachers' Society"),
            ("DATE", "1898"), ("DATE", "1899"), ("DATE", "1899 to 1906"), ("DATE", "1906"), ("DATE", "1904-1906"),
            ("DATE", "1914"), ("PERSON", "M. Stojiljkovic"), ("LAW", "Statute"), ("DATE", "January 1927"),
            ("ORG", "Administrative Committee"), ("ORG", "Editorial Board"), ("DATE", "three years"),
        ],
    },
    "cleaneval_10271654": {
        "id": "10271654e0b2991faa31be71650371f1e274777a10f08db18966d51e58c75cb4", "kind": "news",
        "entities": [
            ("ORG", "Bureau of Land Management"), ("DATE", "Monday"), ("PLACE", "West"), ("MONEY", "$3"),
            ("ORG", "BLM"), ("PERSON", "Pat Shea"), ("PERSON", "Shea"), ("PLACE", "Palomino Valley"),
            ("PLACE", "Reno"), ("DATE", "last year"), ("PLACE", "Nellis Air Force Base"), ("PLACE", "Oklahoma City"),
            ("PERSON", "Tom Pogacnik"), ("ORG", "Wild Horse and Burro Adoption Program"), ("MONEY", "$17 million"),
            ("ORG", "Congress"), ("MONEY", "$19.5 million"), ("DATE", "1971"), ("NORP", "Western"),
        ],
    },
    "cleaneval_1d0151e7": {
        "id": "1d0151e7786d0451a9fac534db85c9b407da70dfc097eda37d56da3c8d012330", "kind": "reference",
        "entities": [("NORP", "Australian")],
    },
}
