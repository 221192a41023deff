"""Pages for the copies tests: one wire story in several sites' templates, and unrelated stories."""

from __future__ import annotations

from pathlib import Path

WIRE = [
    ("The harbour authority approved a plan on Tuesday to deepen the main shipping channel by two metres, "
    "a project that port officials say will let the largest container ships dock without waiting for the tide."),
    ("The work is expected to cost about 140 million euros and to take three years, according to a statement "
    "released after a closed meeting of the authority's board in the regional capital."),
    ("Environmental groups warned that dredging could disturb seagrass beds and the fish that spawn there, "
    "and said they would ask a court to review the decision before any contract is signed."),
    ("Shipping companies welcomed the plan, saying delays caused by shallow water had cost them millions "
    "each year and had pushed some routes to rival ports further along the coast."),
    ("The authority said it would publish a full environmental assessment in the spring and hold public "
    "hearings in each of the four towns along the estuary before work begins next year."),
]
OTHER = [
    ("The city council voted on Monday to extend the opening hours of public libraries into the evening, "
    "after a survey found that most residents could not visit them during the working day."),
    ("Librarians will be hired for the new evening shifts, and the council said the cost would be met from "
    "a fund set aside for cultural projects in last year's budget."),
    ("Some councillors questioned whether demand would last, but the measure passed by a wide margin and "
    "will be reviewed after a trial period of eighteen months across all branches."),
]

TEMPLATES = {
    "coastnews.example": (
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/ports'>Ports</a></nav>",
        ("<footer><p>Subscribe to the Coast News daily newsletter for the latest headlines.</p>"
        "<p>© 2024 Coast News Group. All rights reserved.</p></footer>"),
    ),
    "dailyharbour.example": (
        "<header><ul><li><a href='/'>Front page</a></li><li><a href='/sport'>Sport</a></li></ul></header>",
        ("<aside><h3>Most read</h3><ul><li><a href='/a'>Storm closes bridge</a></li></ul></aside>"
        "<footer>Daily Harbour · Privacy · Terms · Contact us</footer>"),
    ),
    "portwire.example": (
        "<div class='menu'><a href='/'>PortWire</a> | <a href='/markets'>Markets</a> | <a href='/login'>Log in</a></div>",
        "<div class='share'>Share this article on social media</div><footer>PortWire Ltd 2024</footer>",
    ),
}


def page(site: str, title: str, paragraphs: list[str], *, published: str = "2024-03-05", author: str = "Ana Ruiz") -> str:
    """An article page of `site` with its navigation and footer around the paragraphs."""
    head, foot = TEMPLATES[site]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        f"<meta property='og:site_name' content='{site}'>"
        f"<meta property='article:published_time' content='{published}T09:00:00Z'>"
        f"<meta name='author' content='{author}'>"
        f"<link rel='canonical' href='https://{site}/news/{abs(hash(title)) % 10000}'></head>"
        f"<body>{head}<article><h1>{title}</h1><p class='byline'>By {author}</p>{body}</article>{foot}</body></html>"
    )


def write_wire_set(folder: Path) -> dict[str, Path]:
    """The wire story on three sites (lightly edited on two) and an unrelated story on the first site."""
    edited = list(WIRE)
    edited[0] = edited[0].replace("on Tuesday", "on Tuesday evening")
    edited[3] = edited[3].replace("welcomed", "cautiously welcomed")
    shorter = WIRE[:4]
    pages = {
        "a": page("coastnews.example", "Harbour channel to be deepened", WIRE, published="2024-03-05"),
        "b": page("dailyharbour.example", "Port approves channel dredging", edited, published="2024-03-06"),
        "c": page("portwire.example", "Channel dredging plan approved", shorter, published="2024-03-04"),
        "x": page("coastnews.example", "Libraries to open in the evening", OTHER, published="2024-03-05"),
    }
    out = {}
    for name, text in pages.items():
        path = folder / f"{name}.html"
        path.write_text(text, encoding="utf-8")
        out[name] = path
    return out
