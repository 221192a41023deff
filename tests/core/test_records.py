"""The plain records passed between layers: their dictionaries hold every field."""

from __future__ import annotations

from dataclasses import asdict, fields

from triage_app.core.records import Block, CleanResult


def test_a_blocks_dictionary_is_asdicts_with_every_field_in_order() -> None:
    """`Block.to_dict` names its fields itself (asdict's deep copy was the slow part of exporting large documents):
    a field added to `Block` and not to it fails here."""
    block = Block(3, "paragraph", "The harbour reopened.", False, "navigation", "dom:/html/body/p[2]", "k1")
    assert block.to_dict() == asdict(block)
    assert list(block.to_dict()) == [f.name for f in fields(Block)]
    result = CleanResult([block, Block(4, "paragraph", "Kept text.", True)])
    assert result.to_dict()["blocks"] == [b.to_dict() for b in result.blocks] and result.to_dict()["text"] == "Kept text."
