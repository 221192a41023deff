"""A page's `<pre>` in the cleaned text: a listing keeps its lines, hard-wrapped prose is re-joined into paragraphs.

The rules judge each block by its collapsed text either way, so only what is shown changes (checked on every
development page: the same decisions and the same word tokens, `bench clean-same`)."""

from __future__ import annotations

import re

from triage_app.core.clean import clean_document
from triage_app.core.clean.preformatted import listing_lines, preformatted
from triage_app.core.records import PREFORMATTED, CleanResult, ParsedDocument

INTRO = (
    "<p>Most of the time a one-line awk program is all you need to pull a column out of a log file, and it runs "
    "faster than any script you could write for the same job in an afternoon.</p>"
)
MAIL = """
Date: Fri, 1 Feb 2002 11:53:40 -0500
From: Harbour Office

The harbour authority said on Tuesday that the vessel arriving from the
north at dawn had been inspected by the port police and that no damage
to the quay was found. The council will publish its report on Friday,
after the inspectors have heard from the crew and from the pilots who
brought the vessel in through the narrow channel before the storm.

A spokesman for the minister said the government would wait for that
report before deciding whether the market should reopen for the fishing
fleet, which has been tied up in the inner basin for more than a week
while the repairs to the northern breakwater went on around the clock.

--
Press office
"""


def _clean(body: str) -> CleanResult:
    html = f"<html><head><title>Parsing logs</title></head><body><article><h1>Parsing logs</h1>{body}</article></body></html>"
    return clean_document(ParsedDocument("p.html", b"", "html", "utf-8", html=html))


def _block_with(result: CleanResult, needle: str):  # type: ignore[no-untyped-def]
    return next(b for b in result.blocks if needle in b.text)


def test_a_code_listing_keeps_its_lines_and_indentation() -> None:
    code = "<pre><code>def starmap(function, iterable):\n    for args in iterable:\n        yield function(*args)\n</code></pre>"
    block = _block_with(_clean(INTRO + code + INTRO), "starmap")
    assert block.kept and block.kind == PREFORMATTED
    assert block.text == "def starmap(function, iterable):\n    for args in iterable:\n        yield function(*args)"


def test_line_breaks_written_as_br_and_highlighting_spans_are_kept() -> None:
    code = '<pre><span class="k">awk</span> <span class="s">\'{ print $1 }\'</span> access.log<br>  | sort<br>  | uniq -c</pre>'
    block = _block_with(_clean(INTRO + code + INTRO), "uniq")
    assert block.kind == PREFORMATTED and block.text == "awk '{ print $1 }' access.log\n  | sort\n  | uniq -c"


def test_hard_wrapped_prose_in_a_pre_becomes_paragraphs() -> None:
    block = _block_with(_clean(f"<pre>{MAIL}</pre>"), "harbour authority")
    assert block.kind == "paragraph"
    paragraphs = block.text.split("\n\n")
    assert paragraphs[0] == "Date: Fri, 1 Feb 2002 11:53:40 -0500\nFrom: Harbour Office"  # lines a wrap does not explain stay apart
    assert paragraphs[1].startswith("The harbour authority said") and "\n" not in paragraphs[1]
    assert paragraphs[1].endswith("before the storm.") and paragraphs[2].endswith("around the clock.")
    assert paragraphs[-1] == "--\nPress office"


def test_the_shown_text_has_the_words_the_rules_judged() -> None:
    """Only white space differs from the collapsed text the rules read."""
    for body in (f"<pre>{MAIL}</pre>", INTRO + "<pre>x = 1\n  y = 2\n</pre>"):
        raw = re.sub(r"<[^>]+>", " ", body)
        result = _clean(body)
        assert re.findall(r"\w+", " ".join(b.text for b in result.blocks if b.kept)) == re.findall(r"\w+", "Parsing logs " + raw)


def test_code_whose_lines_look_wrapped_is_no_prose() -> None:
    """Long statements and comments run close to one width, as wrapped prose does: indented lines make it a listing."""
    lines = [
        "def run_command(cmd, shell=False):",
        "    result = subprocess.run(cmd, shell=shell, capture_output=True, text=True,",
        "                            check=False, timeout=30, env=dict(os.environ))",
        "    # the command's output is returned without its trailing new line, as the",
        "    # callers of this helper compare it with the names they expect to find",
        "    return result.stdout.strip() if result.returncode == 0 else the_default",
        "    # and a failure is logged by the caller, who knows what it was trying to",
        "    # do when it ran the command and can say so in a message for the user",
    ]
    assert preformatted("\n".join(lines)) == ("\n".join(lines), PREFORMATTED)


def test_a_diagram_written_as_text_is_no_prose() -> None:
    """A Mermaid flowchart has one node per line and no indentation: short lines under a long one look like wrapped
    prose (they were re-joined into run-on paragraphs); its tokens (`NODE_ID("label")`, `-->`) are not a writer's words."""
    diagram = """flowchart TB

HARBOUR_GATE("fas:fa-ship Harbour Gate and Customs Office")
PILOT_STATION("&lt;Service>\\nfas:fa-anchor Pilot Station")
PILOT_LOG_DB[(Pilot log kept by the harbour master)]
PILOT_STATION -.- PILOT_LOG_DB
HARBOUR_GATE -- Ask the pilots for a berth on the quay --> PILOT_STATION
CUSTOMS_OFFICE("&lt;Office>\\nfas:fa-building Customs Office")

subgraph Northern Quay
CRANE_SERVICE(["fas:fa-cog Crane Daemon on the quay"])
QUAY_LOG_DB[(Quay log of every vessel landed)]
CARGO_CACHE_DB[(Cargo waiting for clearance)]
TUG_SERVICE(["fas:fa-cog Tug Daemon for the channel"])
FERRY_SERVICE(["fas:fa-cog Ferry Cron for the islands"])

CRANE_SERVICE -- Forward the manifest to the tugs --> TUG_SERVICE
CRANE_SERVICE -.- QUAY_LOG_DB
end

CUSTOMS_OFFICE -- Clear the cargo before it is landed --> CRANE_SERVICE
FERRY_SERVICE -- Refresh the timetable every hour --> PILOT_STATION"""
    assert preformatted(diagram) == (diagram, PREFORMATTED)


def test_one_line_and_blank_edges() -> None:
    assert preformatted("  just one line  \n") is None
    assert listing_lines("\n\n\t  a\n\n\n\t    b\n\n") == ["a", "", "  b"]
    block = _block_with(_clean(INTRO + "<pre>make install</pre>" + INTRO), "make install")
    assert block.kind == "paragraph" and block.text == "make install"


def test_a_hostile_pre_is_bounded() -> None:
    """Tabs that would expand the text past `MAX_CHARS` leave the collapsed text (no 8x copy of a tab bomb); a `<pre>`
    of more than `MAX_REFLOW_LINES` lines keeps its lines without reading each for wrapped prose."""
    from triage_app.core.clean.preformatted import MAX_CHARS, MAX_REFLOW_LINES

    assert preformatted("\t" * (MAX_CHARS // 4) + "x\ny") is None
    many = ("word " * 14 + "\n") * (MAX_REFLOW_LINES + 1)
    shown = preformatted(many)
    assert shown is not None and shown[1] == PREFORMATTED and shown[0].count("\n") == MAX_REFLOW_LINES
    assert preformatted(("word " * 14 + "\n") * 40)[1] == "paragraph"  # type: ignore[index]  # fewer lines: re-joined
