"""`bench encodings`: every piece of every language/codepage pair read as an undeclared text file, counted by length."""

from __future__ import annotations

from triage_app.bench import _encoding_samples as samples
from triage_app.bench.__main__ import main
from triage_app.bench.encodings import WHOLE, cedilla, pieces, tally, texts_of


def test_pieces_are_the_whole_text_and_slices_of_each_length() -> None:
    text = "x" * 100
    found = list(pieces(text))
    assert found[0] == (WHOLE, text)
    assert {length for length, _ in found[1:]} == {30, 45, 60, 90}
    assert all(len(piece) == length for length, piece in found[1:])


def test_every_language_has_text_in_both_sets_and_romanian_is_also_written_with_cedillas() -> None:
    for language in samples.CODEPAGES:
        base = language.split("-")[0]
        assert base in samples.DEV and base in samples.CHECK
    assert cedilla("școală și țară") == "şcoală şi ţară"
    pairs = {(language, codepage) for language, codepage, _ in texts_of(samples.CHECK, samples.CODEPAGES)}
    assert ("ro-cedilla", "cp1250") in pairs and ("ru", "koi8-r") in pairs


def test_a_wrong_reading_is_counted_with_what_it_was_read_as() -> None:
    """Romanian's comma-below letters in ISO-8859-16 are the bytes of cp1250's cedilla letters, which the reader
    prefers (the language's usual codepage): counted wrong, as read in cp1250."""
    result = tally({"ro": "Consiliul local a decis miercuri renovarea școlii din partea de sud a orașului."}, {"ro": ("iso8859-16",)})
    assert result.total[WHOLE] == 1 and result.wrong[WHOLE] == 1
    assert set(result.confusions) == {("ro", "iso8859-16", "cp1250")}
    assert result.as_dict()["wrong"] == sum(result.wrong.values()) >= 1


def test_the_benchmark_runs_from_the_command_line(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["encodings", "--set", "check", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"check"' in out and '"check-cjk"' in out and '"dev"' not in out


def test_pieces_are_also_read_inside_an_undeclared_page() -> None:
    text = "Der Stadtrat hat am Mittwoch beschlossen, die Grundschule im Süden der Stadt zu sanieren. " * 3
    result = tally({"de": text}, {"de": ("cp1252",)}, html=True)
    assert set(result.total) <= {WHOLE, 90, 150} and result.total[WHOLE] == 1
    assert sum(result.wrong.values()) == 0
