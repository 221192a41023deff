"""spaCy: its data files and every submodule except its test suite (overrides the contrib hook)."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("spacy", excludes=["**/tests/**"])
hiddenimports = collect_submodules("spacy", filter=lambda name: ".tests" not in name)
