"""Translations of the window: the Qt translator chosen from the locale, and core text translated on display.

The catalogues are `resources/translations/triage_<lang>.qm`, compiled from the `.ts` sources that
`tools/update_translations.py` extracts from `triage_app/gui/` with pyside6-lupdate. The language is
`TRIAGE_LANG` when set (`de`, `de_DE`, `en` for English), else the system locale. English is the
source language; `triage_en.qm` holds only its plural forms ("%n document(s)" -> "1 document", "2
documents") and is always installed beneath the chosen language.
Qt's own dialogs (QMessageBox buttons, QFileDialog) are translated by Qt's `qtbase_<lang>.qm`
when PySide6 ships it.
"""

from __future__ import annotations

import logging
import os
import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from triage_app.core.assets import resource_bytes

log = logging.getLogger(__name__)

LANG_ENV = "TRIAGE_LANG"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate looks for
    """Mark `text` for translation in `context` without translating it now (tables of labels); typed `str`."""
    return text


CORE_CONTEXT = "CoreText"
"""Context of messages that the Qt-free core produces (block removal reasons, filter descriptions)."""

# Removal reasons and other fixed texts of the core, listed here so lupdate extracts them; the core keeps
# English (it is also written to packets and logs) and the window translates them when it shows them.
CORE_TEXTS = (
    QT_TRANSLATE_NOOP("CoreText", "navigation"),
    QT_TRANSLATE_NOOP("CoreText", "footer"),
    QT_TRANSLATE_NOOP("CoreText", "newsletter prompt"),
    QT_TRANSLATE_NOOP("CoreText", "related links"),
    QT_TRANSLATE_NOOP("CoreText", "comments"),
    QT_TRANSLATE_NOOP("CoreText", "share buttons"),
    QT_TRANSLATE_NOOP("CoreText", "byline"),
    QT_TRANSLATE_NOOP("CoreText", "metadata repeat"),
    QT_TRANSLATE_NOOP("CoreText", "front matter"),
    QT_TRANSLATE_NOOP("CoreText", "author bio"),
    QT_TRANSLATE_NOOP("CoreText", "advert"),
    QT_TRANSLATE_NOOP("CoreText", "title"),
    QT_TRANSLATE_NOOP("CoreText", "summary"),
    QT_TRANSLATE_NOOP("CoreText", "tag list"),
    QT_TRANSLATE_NOOP("CoreText", "copyright"),
    QT_TRANSLATE_NOOP("CoreText", "privacy links"),
    QT_TRANSLATE_NOOP("CoreText", "date line"),
    QT_TRANSLATE_NOOP("CoreText", "repeated text"),
    QT_TRANSLATE_NOOP("CoreText", "hidden"),
    QT_TRANSLATE_NOOP("CoreText", "caption"),
    QT_TRANSLATE_NOOP("CoreText", "link references"),
    QT_TRANSLATE_NOOP("CoreText", "not main content"),
    QT_TRANSLATE_NOOP("CoreText", "user override"),
    QT_TRANSLATE_NOOP("CoreText", "removed by the cleaner"),
    QT_TRANSLATE_NOOP("CoreText", "all documents"),
    QT_TRANSLATE_NOOP("CoreText", "no text layer"),
    QT_TRANSLATE_NOOP("CoreText", "print date"),
    QT_TRANSLATE_NOOP("CoreText", "URL"),
    QT_TRANSLATE_NOOP("CoreText", "page number"),
    # import notes (`ImportOutcome.reason` of an imported file)
    QT_TRANSLATE_NOOP("CoreText", "a frameset page saved without its frames: only its <noframes> text is read"),
)


ENTITY_TYPES = (
    QT_TRANSLATE_NOOP("EntityType", "PERSON"),
    QT_TRANSLATE_NOOP("EntityType", "ORG"),
    QT_TRANSLATE_NOOP("EntityType", "PLACE"),
    QT_TRANSLATE_NOOP("EntityType", "DATE"),
    QT_TRANSLATE_NOOP("EntityType", "NORP"),
    QT_TRANSLATE_NOOP("EntityType", "MONEY"),
)


RELEVANCE_WORDS = {
    "unreviewed": QT_TRANSLATE_NOOP("Relevance", "unreviewed"),
    "relevant": QT_TRANSLATE_NOOP("Relevance", "relevant"),
    "maybe": QT_TRANSLATE_NOOP("Relevance", "maybe"),
    "not-relevant": QT_TRANSLATE_NOOP("Relevance", "not relevant"),
}


def relevance_word(relevance: str) -> str:
    """A stored relevance ('not-relevant') as a word in running text ('not relevant', German 'nicht relevant')."""
    return QCoreApplication.translate("Relevance", RELEVANCE_WORDS.get(relevance, relevance))


def entity_type(label: str) -> str:
    """An entity type code as shown (PERSON; PERSON in German too, PLACE -> ORT)."""
    return QCoreApplication.translate("EntityType", label)


def core_text(text: str) -> str:
    """A message from the core, translated when the catalogue knows it, else unchanged."""
    return QCoreApplication.translate(CORE_CONTEXT, text)


def chosen_locale(env: dict[str, str] | None = None) -> QLocale:
    """`TRIAGE_LANG` when set, else the system locale."""
    wanted = (env if env is not None else dict(os.environ)).get(LANG_ENV, "").strip()
    return QLocale(wanted) if wanted else QLocale.system()


def catalogue_name(locale: QLocale) -> str | None:
    """The bundled catalogue for this locale (`translations/triage_de.qm`), or None when there is none."""
    for name in (locale.name(), locale.name().split("_")[0]):
        candidate = f"translations/triage_{name}.qm"
        try:
            resource_bytes(candidate)
        except KeyError:
            continue
        return candidate
    return None


PLURALS_CATALOGUE = "translations/triage_en.qm"


def _catalogue(app: QCoreApplication, name: str) -> QTranslator | None:
    translator = QTranslator(app)
    data = resource_bytes(name)
    if not translator.load(data):
        log.warning("could not load the translation %s", name)
        return None
    translator.setObjectName(name)
    translator._data = data  # type: ignore[attr-defined]  # Qt reads the bytes in place: keep them alive
    return translator


def install_translators(app: QCoreApplication, locale: QLocale) -> list[QTranslator]:
    """Install English plurals, Qt's own and Triage's catalogue for `locale`; returns them (for removal)."""
    installed: list[QTranslator] = []
    names = [PLURALS_CATALOGUE]
    chosen = catalogue_name(locale)
    if chosen is not None and chosen != PLURALS_CATALOGUE:
        names.append(chosen)
    for name in names:  # the last installed is asked first
        try:
            translator = _catalogue(app, name)
        except KeyError:
            log.warning("the translation %s is not bundled", name)
            continue
        if translator is not None:
            app.installTranslator(translator)
            installed.append(translator)
    qt_translator = QTranslator(app)
    if qt_translator.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo `install_translators` (tests, or switching language)."""
    for translator in translators:
        app.removeTranslator(translator)


_TEMPLATE_RE = re.compile(r"^site template: seen on (\d+) other pages? of (.+)$")


def removal_reason(reason: str | None) -> str:
    """Why the cleaner removed a block, in the user's language ("removed by the cleaner" when it gave none)."""
    if not reason:
        return QCoreApplication.translate("CoreText", "removed by the cleaner")
    match = _TEMPLATE_RE.match(reason)
    if match:
        count, site = int(match.group(1)), match.group(2)
        text = QCoreApplication.translate("CoreText", "site template: seen on %n other page(s) of {site}", "", count)
        return text.format(site=site)
    if match := _PRINT_BAND_RE.match(reason):  # a PDF printed from a browser (core/clean/pdf_text.py)
        return _print_band(match.group(1))
    return core_text(reason)


_PRINT_BAND_RE = re.compile(r"^print header/footer \((.+)\)$")
_REPEATED_RE = re.compile(r"^repeated on (\d+) pages$")


def _print_band(what: str) -> str:
    """'print header/footer (print date, title)' in the user's language."""
    translate = QCoreApplication.translate
    if match := _REPEATED_RE.match(what):
        pieces = translate("CoreText", "repeated on %n page(s)", "", int(match.group(1)))
    else:
        pieces = ", ".join(core_text(piece) for piece in what.split(", "))
    return translate("CoreText", "print header/footer ({pieces})").format(pieces=pieces)


def progress_text(message: str) -> str:
    """A core job's progress message in the user's language (messages it does not know are shown as they are)."""
    translate = QCoreApplication.translate
    fixed = {
        "Looking for files…": translate("CoreText", "Looking for files…"),
        "Cancelled": translate("CoreText", "Cancelled"),
        "Loading the language model…": translate("CoreText", "Loading the language model…"),
        "Nothing to annotate": translate("CoreText", "Nothing to annotate"),
        "No PDF renderer: skipped briefing.pdf": translate("CoreText", "No PDF renderer: skipped briefing.pdf"),
    }
    if message in fixed:
        return fixed[message]
    if match := re.fullmatch(r"Looking for files… (\d+) found", message):  # a big web archive or mailbox
        return translate("CoreText", "Looking for files… {count} found").format(count=match.group(1))
    if match := re.fullmatch(r"Found (\d+) files?", message):
        return translate("CoreText", "Found %n file(s)", "", int(match.group(1)))
    if match := re.fullmatch(r"Re-cleaning (\d+) documents?", message):
        return translate("CoreText", "Re-cleaning %n document(s)", "", int(match.group(1)))
    if match := re.fullmatch(r"Exporting (\d+) documents?…", message):
        return translate("CoreText", "Exporting %n document(s)…", "", int(match.group(1)))
    if match := re.fullmatch(r"Exported (\d+) documents? to (.+)", message):
        text = translate("CoreText", "Exported %n document(s) to {name}", "", int(match.group(1)))
        return text.format(name=match.group(2))
    if match := re.fullmatch(r"Annotating (\d+)–(\d+) of (\d+)…", message):
        text = translate("CoreText", "Annotating {first}–{last} of {total}…")
        return text.format(first=match.group(1), last=match.group(2), total=match.group(3))
    if match := re.fullmatch(r"Annotated (\d+) of (\d+)", message):
        return translate("CoreText", "Annotated {done} of {total}").format(done=match.group(1), total=match.group(2))
    if match := re.fullmatch(r"Wrote (.+)", message):
        return translate("CoreText", "Wrote {name}").format(name=match.group(1))
    return message
