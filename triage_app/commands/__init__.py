"""Subcommand modules of the command line; each has `register(subparsers, common)`."""
