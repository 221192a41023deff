"""thinc: its data files and every submodule except its test suite (overrides the contrib hook)."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("thinc", excludes=["**/tests/**"])
hiddenimports = collect_submodules("thinc", filter=lambda name: ".tests" not in name)
