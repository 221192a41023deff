"""Benchmarks: `python -m triage_app.bench NAME ...`; each module here has `register(subparsers)`."""
