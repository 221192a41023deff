"""What changed between two documents: a word-level, paragraph-aligned diff of the cleaned text
(difflib), plus the headline, byline and date lines."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from triage_app.core.library.word_counts import EAST_ASIAN

_TOKEN_RE = re.compile(rf"[{EAST_ASIAN}]|[^\s{EAST_ASIAN}]+")
"""A word of the diff: a Chinese or Japanese character, else a run of anything but spaces (with `\\S+`, a whole
sentence of Chinese was one word: one changed character marked all of it)."""
_JOINS_TIGHT_RE = re.compile(f"[{EAST_ASIAN}]")
META_FIELDS = ("title", "author", "published", "site", "url")


@dataclass
class Segment:
    """A run of words: 'equal', 'delete' (only left), 'insert' (only right) or 'replace' (both)."""

    op: str
    left: str
    right: str


@dataclass
class Paragraph:
    """A pair of aligned paragraphs (either may be empty) and their word-level segments."""

    op: str  # equal | delete | insert | replace
    segments: list[Segment] = field(default_factory=list)


@dataclass
class DocumentDiff:
    """Metadata changes and the paragraph diff of two documents' cleaned text."""

    left_id: int
    right_id: int
    meta: list[tuple[str, str, str]]  # (field, left, right) for fields that differ
    paragraphs: list[Paragraph]

    def counts(self) -> dict[str, int]:
        """Words added, removed and changed (changed counts the right side's words)."""
        out = {"added": 0, "removed": 0, "changed": 0}
        for para in self.paragraphs:
            for seg in para.segments:
                if seg.op == "insert":
                    out["added"] += _words(seg.right)
                elif seg.op == "delete":
                    out["removed"] += _words(seg.left)
                elif seg.op == "replace":
                    out["changed"] += _words(seg.right)
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "left": self.left_id,
            "right": self.right_id,
            "meta": [{"field": f, "left": a, "right": b} for f, a, b in self.meta],
            "counts": self.counts(),
            "paragraphs": [
                {"op": p.op, "segments": [[s.op, s.left, s.right] for s in p.segments]} for p in self.paragraphs
            ],
        }


def gap(before: str, after: str) -> str:
    """What stands between two words or segments written back: a space, or nothing beside a Chinese or Japanese
    character (whose text has none)."""
    if not before or not after or _JOINS_TIGHT_RE.match(before[-1]) or _JOINS_TIGHT_RE.match(after[0]):
        return ""
    return " "


def joined(parts: list[tuple[str, str]]) -> str:
    """Parts written one after another, each given as (its text, how it is written: marked up, say), with `gap`
    between two."""
    out, before = "", ""
    for text, written in parts:
        out += gap(before, text) + written
        before = text
    return out


def _joined(words: list[str]) -> str:
    return joined([(word, word) for word in words])


def word_diff(left: str, right: str) -> list[Segment]:
    """Word-level segments turning `left` into `right`."""
    a, b = _TOKEN_RE.findall(left), _TOKEN_RE.findall(right)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [Segment(op, _joined(a[i1:i2]), _joined(b[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def _words(text: str) -> int:
    return len(_TOKEN_RE.findall(text))


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text or "") if p.strip()]


def diff_texts(left: str, right: str) -> list[Paragraph]:
    """Paragraphs aligned by difflib; changed paragraphs get a word-level diff."""
    a, b = _paragraphs(left), _paragraphs(right)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[Paragraph] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(Paragraph("equal", [Segment("equal", p, p)]) for p in a[i1:i2])
        elif op == "delete":
            out.extend(Paragraph("delete", [Segment("delete", p, "")]) for p in a[i1:i2])
        elif op == "insert":
            out.extend(Paragraph("insert", [Segment("insert", "", p)]) for p in b[j1:j2])
        else:
            lefts, rights = a[i1:i2], b[j1:j2]
            for k in range(max(len(lefts), len(rights))):
                pl = lefts[k] if k < len(lefts) else ""
                pr = rights[k] if k < len(rights) else ""
                if pl and pr:
                    out.append(Paragraph("replace", word_diff(pl, pr)))
                elif pl:
                    out.append(Paragraph("delete", [Segment("delete", pl, "")]))
                else:
                    out.append(Paragraph("insert", [Segment("insert", "", pr)]))
    return out


def diff_documents(db: Database, left_id: int, right_id: int) -> DocumentDiff:
    """Diff two stored documents; KeyError names a missing id."""
    rows = {}
    for doc_id in (left_id, right_id):
        row = db.execute(f"SELECT {', '.join(META_FIELDS)}, text FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise KeyError(f"no document #{doc_id}")
        rows[doc_id] = row
    left, right = rows[left_id], rows[right_id]
    meta = [
        (name, str(left[i] or ""), str(right[i] or ""))
        for i, name in enumerate(META_FIELDS)
        if str(left[i] or "") != str(right[i] or "")
    ]
    return DocumentDiff(left_id, right_id, meta, diff_texts(left[-1] or "", right[-1] or ""))


def render_text(diff: DocumentDiff) -> str:
    """A plain-text rendering: [-removed-] {+added+}, unchanged paragraphs shortened."""
    lines = [f"#{diff.left_id} -> #{diff.right_id}"]
    for name, a, b in diff.meta:
        lines.append(f"{name}: [-{a}-] {{+{b}+}}")
    counts = diff.counts()
    lines.append(f"words: {counts['added']} added, {counts['removed']} removed, {counts['changed']} changed")
    for para in diff.paragraphs:
        if para.op == "equal":
            text = para.segments[0].left
            lines.append("  " + (text if len(text) <= 80 else text[:77] + "..."))
            continue
        parts: list[tuple[str, str]] = []  # (text, as written)
        for seg in para.segments:
            if seg.op == "equal":
                parts.append((seg.left, seg.left))
            if seg.op in ("delete", "replace") and seg.left:
                parts.append((seg.left, f"[-{seg.left}-]"))
            if seg.op in ("insert", "replace") and seg.right:
                parts.append((seg.right, f"{{+{seg.right}+}}"))
        lines.append({"delete": "- ", "insert": "+ "}.get(para.op, "~ ") + joined(parts))
    return "\n".join(lines)


def partner(db: Database, doc_id: int) -> int | None:
    """What to compare a document with: another capture of its URL (the one before it, else after),
    else its cluster's representative (or, for the representative, the next member); None if nothing."""
    row = db.execute("SELECT url FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is not None and row[0]:
        captures = [
            int(r[0])
            for r in db.execute(
                "SELECT id FROM documents WHERE url = ? AND id != ? ORDER BY COALESCE(captured_at, imported_at), id",
                [row[0], doc_id],
            )
        ]
        earlier = [c for c in captures if c < doc_id]
        if captures:
            return earlier[-1] if earlier else captures[0]
    cluster = db.execute("SELECT cluster_id FROM cluster_members WHERE doc_id = ?", [doc_id]).fetchone()
    if cluster is None:
        return None
    if int(cluster[0]) != doc_id:
        return int(cluster[0])
    other = db.execute(
        "SELECT doc_id FROM cluster_members WHERE cluster_id = ? AND doc_id != ? ORDER BY doc_id LIMIT 1", [doc_id, doc_id]
    ).fetchone()
    return int(other[0]) if other else None
