"""The reader: a document's original beside its cleaned text, with entity and quote highlights."""
