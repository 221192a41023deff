"""The PySide6 desktop window of Triage; `app.main()` is its composition root."""
