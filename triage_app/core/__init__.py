"""The Qt-free core of Triage: ingest, cleaning, NLP, the library and export."""
