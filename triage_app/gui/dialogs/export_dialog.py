"""The Export dialog: what goes into a briefing packet, its title page, progress, and "Open folder" at the end."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from triage_app.core.export.builder import PacketResult, build_packet
from triage_app.core.export.names import safe_name
from triage_app.core.library import document_filter, search
from triage_app.core.library.db import Library
from triage_app.core.library.writer import LibraryWriter
from triage_app.core.records import Progress
from triage_app.core.settings import Settings
from triage_app.gui.i18n import core_text, progress_text, relevance_word
from triage_app.gui.workers import GeneratorWorker, IsCancelled, TaskRunner
from triage_app.qt_print import render_pdf

PREVIEW_LIMIT = 1000


class ExportDialog(QDialog):
    """Choose the documents and the title page, then build the packet on a pool thread."""

    export_finished = Signal(object)  # PacketResult
    export_failed = Signal(object)  # the exception

    def __init__(
        self,
        library: Library,
        writer: LibraryWriter | None,
        settings: Settings,
        flt: document_filter.DocumentFilter | None,
        selected_ids: list[int],
        *,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export briefing packet"))
        self.library, self.settings = library, settings
        self.filter = flt or document_filter.DocumentFilter()
        self.selected_ids = list(selected_ids)
        self.filter_ids = document_filter.find_ids(library.db, self.filter, sort="id")
        self._own_runner = runner is None
        self.runner = runner or TaskRunner(writer, parent=self)  # type: ignore[arg-type]
        self.worker: GeneratorWorker | None = None
        self.result_packet: PacketResult | None = None

        self.title_edit = QLineEdit(self.tr("Briefing {date}").format(date=date.today().isoformat()))
        self.analyst_edit = QLineEdit(str(settings.get("analyst_name") or ""))
        self.caveat_edit = QLineEdit(str(settings.get("default_caveat") or ""))
        self.caveat_edit.setPlaceholderText(self.tr("optional, e.g. INTERNAL USE ONLY"))
        self.out_edit = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.setAccessibleDescription(self.tr("Choose where the packet is saved"))
        self.out_edit.setAccessibleName(self.tr("Save to"))
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Analyst:"), self.analyst_edit)
        form.addRow(self.tr("&Caveat:"), self.caveat_edit)
        form.addRow(self.tr("Save to:"), out_row)

        self.selected_radio = QRadioButton(self.tr("The %n selected document(s)", "", len(self.selected_ids)))
        self.list_radio = QRadioButton(
            self.tr("All %n document(s) in the list ({filter})", "", len(self.filter_ids)).format(filter=core_text(self.filter.describe()))
        )
        self.scope = QButtonGroup(self)
        for number, radio in enumerate((self.selected_radio, self.list_radio)):
            self.scope.addButton(radio, number)
        self.selected_radio.setEnabled(bool(self.selected_ids))
        (self.selected_radio if len(self.selected_ids) > 1 else self.list_radio).setChecked(True)
        self.scope.idToggled.connect(lambda *_: self._update_preview())
        self.preview_model = QStringListModel(self)
        self.preview = QListView()
        self.preview.setModel(self.preview_model)
        self.preview.setUniformItemSizes(True)
        self.summary = QLabel()
        scope_box = QGroupBox(self.tr("What goes in"))
        self.preview.setAccessibleName(self.tr("Documents in the packet"))
        scope_layout = QVBoxLayout(scope_box)
        for widget in (self.selected_radio, self.list_radio, self.summary, self.preview):
            scope_layout.addWidget(widget)

        self.originals_box = QCheckBox(self.tr("Include the original files (verbatim, for checking and re-import)"))
        self.originals_box.setChecked(bool(settings.get("export_include_originals")))
        self.pdf_box = QCheckBox(self.tr("Include briefing.pdf"))
        self.pdf_box.setChecked(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(self.tr("&Open folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setVisible(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self._cancel_or_close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scope_box, 1)
        layout.addWidget(self.originals_box)
        layout.addWidget(self.pdf_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.title_edit.textChanged.connect(self._suggest_path)
        self._suggested = ""
        self._suggest_path()
        self._update_preview()
        self.resize(620, 560)

    # -- choosing --------------------------------------------------------------------------
    def chosen_ids(self) -> list[int]:
        """The documents the packet will hold."""
        return self.selected_ids if self.selected_radio.isChecked() else self.filter_ids

    def _update_preview(self) -> None:
        ids = self.chosen_ids()
        rows = search.fetch_rows(self.library.db, ids[:PREVIEW_LIMIT])
        counts: dict[str, int] = {}
        lines = []
        for doc_id in ids[:PREVIEW_LIMIT]:
            row = rows.get(doc_id)
            if row is None:
                continue
            counts[row["relevance"]] = counts.get(row["relevance"], 0) + 1
            lines.append(f"{row['title']}  —  {relevance_word(row['relevance'])}{'  ★' if row['starred'] else ''}")
        if len(ids) > PREVIEW_LIMIT:
            lines.append(self.tr("… and %n more", "", len(ids) - PREVIEW_LIMIT))
        self.preview_model.setStringList(lines)
        detail = ", ".join(f"{n} {relevance_word(r)}" for r, n in sorted(counts.items()))
        self.summary.setText(self.tr("%n document(s)", "", len(ids)) + (f": {detail}" if detail else ""))
        self.export_button.setEnabled(bool(ids) and self.worker is None)

    def _suggest_path(self) -> None:
        current = self.out_edit.text().strip()
        if current and current != self._suggested:
            return  # the analyst chose a path: keep it
        folder = Path(current).parent if current else Path.home()
        self._suggested = str(folder / f"{safe_name(self.title_edit.text(), fallback=self.tr('Briefing packet'))}.zip")
        self.out_edit.setText(self._suggested)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save packet as"), self.out_edit.text(), self.tr("Zip archives (*.zip)")
        )
        if path:
            self.out_edit.setText(path if path.lower().endswith(".zip") else path + ".zip")

    # -- exporting -------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.worker is not None

    def start_export(self) -> None:
        """Build the packet on a pool thread (its own library connection); the window stays responsive."""
        ids = self.chosen_ids()
        out = Path(self.out_edit.text().strip()).expanduser()
        if not ids or not out.name:
            return
        if self.library.path is None:
            self.status.setText(self.tr("This library lives in memory only; it cannot be exported from a second thread."))
            return
        if out.suffix.lower() != ".zip":
            out = out.with_name(out.name + ".zip")
        self.settings.set("analyst_name", self.analyst_edit.text().strip())
        self.settings.set("export_include_originals", self.originals_box.isChecked())
        options: dict[str, Any] = {
            "title": self.title_edit.text().strip() or self.tr("Briefing packet"),
            "analyst": self.analyst_edit.text().strip(),
            "caveat": self.caveat_edit.text().strip(),
            "include_originals": self.originals_box.isChecked(),
            "render_pdf": render_pdf if self.pdf_box.isChecked() else None,
        }
        library_path = self.library.path

        def job(is_cancelled: IsCancelled) -> Any:
            with Library.open(library_path, migrate=False) as own:
                yield from build_packet(own, list(ids), out, is_cancelled=is_cancelled, **options)

        self.worker = self.runner.run_generator(job)
        self.worker.signals.progress.connect(self._on_progress)
        self.worker.signals.finished.connect(self._on_finished)
        self.worker.signals.failed.connect(self._on_failed)
        self.worker.signals.cancelled.connect(self._on_cancelled)
        self.export_button.setEnabled(False)
        self.open_button.setVisible(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Exporting %n document(s)…", "", len(ids)))

    def _on_progress(self, progress: Progress) -> None:
        if progress.total:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(progress.done)
        self.status.setText(progress_text(progress.message))

    def _on_finished(self, last: Progress | None) -> None:
        self.worker = None
        self.result_packet = last.result if last is not None and isinstance(last.result, PacketResult) else None
        self.progress.setVisible(False)
        if self.result_packet is None:
            self.status.setText(self.tr("The export ended without a packet."))
            self._update_preview()
            return
        packet = self.result_packet
        self.status.setText(
            self.tr("Exported %n document(s) to {path} ({size} KiB).", "", packet.documents).format(
                path=packet.path, size=f"{packet.size / 1024:.0f}"
            )
            + "\n"
            + self.tr("Fingerprint to send separately (SHA-256 of SHA256SUMS): {fingerprint}").format(fingerprint=packet.fingerprint)
        )
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button.setVisible(True)
        self.close_button.setText(self.tr("Close"))
        self._update_preview()
        self.export_finished.emit(packet)

    def _on_failed(self, exc: BaseException) -> None:
        self.worker = None
        self.progress.setVisible(False)
        self.status.setText(self.tr("The export failed: {error}").format(error=exc))
        self._update_preview()
        self.export_failed.emit(exc)

    def _on_cancelled(self) -> None:
        self.worker = None
        self.progress.setVisible(False)
        self.status.setText(self.tr("Export cancelled; nothing was written."))
        self._update_preview()

    def _cancel_or_close(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def open_folder(self) -> None:
        """Show the folder that holds the packet in the file manager."""
        if self.result_packet is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_packet.path.parent)))

    def done(self, result: int) -> None:  # noqa: D102 - QDialog override: never leave a worker behind
        if self.worker is not None:
            self.worker.cancel()  # a shared runner keeps it until it ends; it removes its partial file
        if self._own_runner:
            self.runner.shutdown()
        super().done(result)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        library: Library,
        writer: LibraryWriter | None,
        settings: Settings,
        flt: document_filter.DocumentFilter | None,
        selected_ids: list[int],
        *,
        runner: TaskRunner | None = None,
    ) -> PacketResult | None:
        """Show the dialog; the packet written, or None when nothing was exported."""
        dialog = cls(library, writer, settings, flt, selected_ids, runner=runner, parent=parent)
        dialog.exec()
        return dialog.result_packet
