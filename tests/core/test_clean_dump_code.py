"""Text dumps of tutorials: prose sections between code listings are one article, not runs cut apart by the
listings (a listing's lines are neither prose nor menu: they neither add to the article nor end it)."""

from __future__ import annotations

import pytest

from triage_app.core.clean import clean_document
from triage_app.core.clean.line_features import code_like
from triage_app.core.records import ParsedDocument

MENU = ["Home", "Tutorials", "Databases", "Learn SQL", "Learn Python", "Forum", "Contact us"]
SECTIONS = [
    ("Filtering rows", "The WHERE clause keeps only the rows that satisfy a condition, which you write after the table name "
     "and which may combine several comparisons with AND and OR."),
    ("Sorting the result", "ORDER BY sorts what the query returns; without it the database is free to return the rows in "
     "whatever order is cheapest, which often changes between runs."),
    ("Counting", "Aggregate functions such as COUNT and SUM collapse many rows into one value per group, and GROUP BY "
     "says which rows belong together before the function is applied."),
]
LISTING = [
    "SQL> SELECT name, price",
    "  FROM items",
    "  WHERE price > 10 AND stock = 0;",
    "NAME       PRICE",
    "---------- -----",
    "LAMP          12",
    "CHAIR         45",
    "rows = cursor.fetchall()",
    "for row in rows: print(row[0], row[1] * 2)",
    "function total(rows) {",
    "let sum = 0;",
    "return sum;",
    "}",
]


def _dump() -> str:
    parts = ["\n".join(MENU), "SQL for beginners: Chapter 3"]
    for heading, prose in SECTIONS:
        parts += [heading, prose + " " + prose, "\n".join(LISTING)]
    parts += ["Copyright 2026 Example Tutorials. All rights reserved.", "Privacy policy\nTerms of use"]
    return "\n\n".join(parts)


def test_every_prose_section_between_listings_is_kept() -> None:
    result = clean_document(ParsedDocument("t", b"", "text", "utf-8", text=_dump()))
    for _heading, prose in SECTIONS:
        assert prose in result.text
    assert "Learn Python" not in result.text and "Privacy policy" not in result.text


@pytest.mark.parametrize("line", ["SQL> SELECT * FROM PRICE;", ">>> dict(a=1)", "$ pip install triage", "x = f(y) * 2",
                                  "for (i = 0; i < n; i++) {", "int main(void);", "});", "return res;",
                                  "const DataError = error{", "if a == b: total += 1"])
def test_code_lines(line: str) -> None:
    assert code_like(line)


@pytest.mark.parametrize("line", ["(Reporting by Will Dunham; Editing by Tom Brown)", "<< Previous | Next >>",
                                  "Home > News > World", "(c) 2020 Company", "Jan 5 (2012)",
                                  "http://example.com/page.php?id=656715835 Andrew Beaujon", "Price: $5 (incl. tax)",
                                  "> Thanks for the note, see you on Tuesday", "[Edit]", "[1]", "x = 1"])
def test_not_code_lines(line: str) -> None:
    assert not code_like(line)


MARKUP_LISTING = [  # a component as a tutorial shows it: tags and attributes on lines of their own
    "return (",
    '<div className="todo-list">',
    "<input",
    'type="text"',
    "value={input}",
    'placeholder="Add a todo"',
    "/>",
    "<button",
    "onClick={add}",
    ">",
    "Add",
    "</button>",
    "<ul>",
    "{todos.map(todo => (",
    "<li key={todo.id}>{todo.text}</li>",
    "))}",
    "</ul>",
    "</div>",
    ");",
]
QUERY_OUTPUT = [  # a query's output as a `<pre>` shows it: columns set apart by runs of spaces, shown again and again
    "INPUT:",
    "SQL> SELECT * FROM PRICE;",
    "OUTPUT:",
    "ITEM            WHOLESALE",
    "-------------- ----------",
    "TOMATOES              .34",
    "POTATOES              .51",
    "BANANAS               .67",
    "TURNIPS               .45",
    "CHEESE                .89",
]


@pytest.mark.parametrize("listing", [MARKUP_LISTING, QUERY_OUTPUT], ids=["markup", "query output"])
def test_prose_after_a_listing_of_markup_or_preformatted_columns_is_kept(listing: list[str]) -> None:
    """A listing of tags and attributes (or of a query's output, repeated after every step) made lines of
    menu-like or repeated words that weighed against the article: the tutorial ended at its first listing."""
    parts = ["\n".join(MENU), "Building a to-do list, step by step"]
    for heading, prose in SECTIONS:
        parts += [heading, prose, "\n".join(listing)]
    parts += ["Copyright 2026 Example Tutorials. All rights reserved.", "Privacy policy\nTerms of use"]
    result = clean_document(ParsedDocument("t", b"", "text", "utf-8", text="\n\n".join(parts)))
    for _heading, prose in SECTIONS:
        assert prose in result.text
    assert "Learn Python" not in result.text and "Privacy policy" not in result.text
