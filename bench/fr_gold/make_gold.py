"""Build `gold.json`: four French passages of wceb-dev/tiptopjaw-2026 (Apache-2.0) with entities labelled by reading.

Each passage is the verbatim start of the page's gold `articleBody`, up to the first line end after 200 words.
Labels are (LABEL, surface): every whole-word occurrence of the surface is labelled. Only the labels both the
French and the English model can give are scored (PERSON, ORG, PLACE); `IGNORE` surfaces (web addresses,
product names, a nationality) are neither right nor wrong. Run: python bench/fr_gold/make_gold.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[1].parent / "shared" / "eval" / "wceb-dev" / "tiptopjaw-2026" / "ground-truth.json"

LABELS: dict[str, list[tuple[str, str]]] = {
    "4ab42e27c8ae988a1d4435f92d3a5d77c56b8ff5b7bd086fe5538623d632e6d2": [
        ("ORG", "Weber"), ("ORG", "Napoléon"), ("ORG", "Campingaz"), ("ORG", "Broil King"), ("ORG", "Alma"),
        ("ORG", "Esprit Barbecue"), ("IGNORE", "esprit-barbecue.fr"),
    ],
    "6768bfc014b620d50ca74fde9b451c1f70679087d7b3fa5eb1e45f3fbef222ab": [
        ("ORG", "Martinsen"), ("IGNORE", "Kettle"), ("IGNORE", "Energie"), ("IGNORE", "Charbon"),
    ],
    "bb56bafe8692051559d6866469b14df7967847c49e9999a4eb741534f6cc6813": [
        ("ORG", "Stadler Form"), ("PLACE", "Suisse"), ("ORG", "Raffineurs"), ("IGNORE", "Amber Light™"),
        ("IGNORE", "Namasté"),
    ],
    "e61790cf42d098ecaacc20055bf5d9a40544c244268764e555b7412ce9eac130": [
        ("ORG", "Esprit Barbecue"), ("ORG", "Weber"), ("ORG", "Napoléon"), ("ORG", "Le Marquier"), ("IGNORE", "français"),
    ],
}


WRITTEN: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "news-1",
        "Le Premier ministre Michel Barnier a présenté mardi à Matignon son plan de redressement des finances "
        "publiques. Devant les députés de l'Assemblée nationale, il a promis de réduire le déficit sans augmenter "
        "les impôts des classes moyennes. Le ministre de l'Économie, Antoine Armand, doit détailler les mesures "
        "jeudi à Bercy. À Bruxelles, la Commission européenne a salué un effort « crédible », selon un porte-parole.\n\n"
        "Marine Le Pen, présidente du groupe du Rassemblement national, a dénoncé un budget « injuste ». "
        "La CGT appelle à manifester à Paris et à Lyon le 10 octobre.",
        [("PERSON", "Michel Barnier"), ("PLACE", "Matignon"), ("ORG", "Assemblée nationale"), ("PERSON", "Antoine Armand"),
         ("PLACE", "Bercy"), ("PLACE", "Bruxelles"), ("ORG", "Commission européenne"), ("PERSON", "Marine Le Pen"),
         ("ORG", "Rassemblement national"), ("ORG", "CGT"), ("PLACE", "Paris"), ("PLACE", "Lyon")],
    ),
    (
        "news-2",
        "Le constructeur Renault a annoncé la fermeture de son usine de Flins d'ici à 2026. Selon Luca de Meo, "
        "directeur général du groupe, le site sera reconverti dans le recyclage des véhicules. Les syndicats, reçus "
        "au ministère de l'Industrie, craignent la suppression de plusieurs centaines d'emplois dans les Yvelines.\n\n"
        "Chez Stellantis, le patron Carlos Tavares a de son côté confirmé des investissements en Italie et au Maroc, "
        "où le groupe produit déjà la Peugeot 208 à Kénitra.",
        [("ORG", "Renault"), ("PLACE", "Flins"), ("PERSON", "Luca de Meo"), ("ORG", "ministère de l'Industrie"),
         ("PLACE", "Yvelines"), ("ORG", "Stellantis"), ("PERSON", "Carlos Tavares"), ("PLACE", "Italie"),
         ("PLACE", "Maroc"), ("PLACE", "Kénitra"), ("IGNORE", "Peugeot 208")],
    ),
    (
        "news-3",
        "L'Organisation mondiale de la santé a lancé un appel aux dons pour le Soudan, où les combats entre l'armée "
        "et les Forces de soutien rapide ont fait des milliers de morts. Son directeur, Tedros Adhanom Ghebreyesus, "
        "s'est rendu à Port-Soudan avec des représentants de l'Unicef.\n\n"
        "À Genève, l'ambassadrice de France, Émilie Dubois, a annoncé une aide de dix millions d'euros. "
        "Le Tchad et l'Égypte accueillent déjà plus d'un million de réfugiés, a rappelé le Haut-Commissariat des "
        "Nations unies pour les réfugiés.",
        [("ORG", "Organisation mondiale de la santé"), ("PLACE", "Soudan"), ("ORG", "Forces de soutien rapide"),
         ("PERSON", "Tedros Adhanom Ghebreyesus"), ("PLACE", "Port-Soudan"), ("ORG", "Unicef"), ("PLACE", "Genève"),
         ("PLACE", "France"), ("PERSON", "Émilie Dubois"), ("PLACE", "Tchad"), ("PLACE", "Égypte"),
         ("ORG", "Haut-Commissariat des Nations unies pour les réfugiés")],
    ),
]
"""Three short news texts written for this check by engineer 35 (an LLM), labelled by reading: a development
set of news-like French, reported apart from the pages above."""


def passage(body: str) -> str:
    for match in re.finditer(r"\n", body):
        if len(re.findall(r"\w+", body[: match.start()])) >= 200:
            return body[: match.start()]
    return body


def _outermost(spans: list[dict[str, object]]) -> list[dict[str, object]]:
    """Where labelled spans overlap the longer one wins ("Soudan" inside "Port-Soudan")."""
    kept = []
    for a in spans:
        inside = any(b is not a and b["start"] <= a["start"] and a["end"] <= b["end"] and (b["end"] - b["start"]) > (a["end"] - a["start"]) for b in spans)  # type: ignore[operator]
        if not inside:
            kept.append(a)
    return sorted(kept, key=lambda e: e["start"])  # type: ignore[arg-type,return-value]


def main() -> None:
    pages = json.loads(SOURCE.read_text(encoding="utf-8"))
    items = []
    for key, labels in LABELS.items():
        text = passage(pages[key]["articleBody"])
        entities, ignore = [], []
        for label, surface in labels:
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                (ignore if label == "IGNORE" else entities).append({"start": m.start(), "end": m.end(), "label": label})
        items.append({"id": key[:8], "text": text, "entities": _outermost(entities), "ignore": ignore})
    for key, text, labels in WRITTEN:
        entities, ignore = [], []
        for label, surface in labels:
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                (ignore if label == "IGNORE" else entities).append({"start": m.start(), "end": m.end(), "label": label})
        items.append({"id": key, "text": text, "entities": _outermost(entities), "ignore": ignore})
    (HERE / "gold.json").write_text(json.dumps({"items": items}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
