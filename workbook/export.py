"""The person's data, out and back in: JSON (lossless), CSV per exercise, a summary page.

Import reads only the JSON this module writes, checks all of it before anything is
written, merges by id without ever silently replacing a newer entry, and writes all or
nothing. CSV is written with the standard library: My progress offers the downloads as
soon as it opens, and importing pandas for them would slow every visit.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, get_type_hints

from .content import Content
from .markup import esc, text_html
from .records import RECORD_TYPES, Entry, format_time, friendly_time, now, parse_time
from .store import STATUSES, Store

FORMAT = "self-compassion-workbook"
EXPORT_VERSION = 1
#: Well under the ~10 MB a browser upload can carry through the kernel's websocket.
MAX_IMPORT_BYTES = 8 * 1024 * 1024
META_COLUMNS = ("id", "status", "created_at", "updated_at")
#: A spreadsheet runs cells starting with these as formulas; such cells get a leading '.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class ImportProblem(ValueError):
    """Why a file cannot be imported, worded for the person choosing it."""


def file_name(what: str, extension: str, when: datetime | None = None) -> str:
    """A download's name, carrying the date: workbook-thought_record-2026-11-27.csv."""
    day = (when or now()).astimezone().strftime("%Y-%m-%d")
    return f"workbook-{what}-{day}.{extension}"


# -- JSON -----------------------------------------------------------------------------
def entry_dict(entry: Entry) -> dict[str, Any]:
    """One entry as it appears in the JSON export."""
    return {
        "id": entry.id,
        "kind": entry.kind,
        "status": entry.status,
        "created_at": format_time(entry.created_at),
        "updated_at": format_time(entry.updated_at),
        "schema": entry.record.SCHEMA,
        "record": entry.record.to_dict(),
    }


def export_json(entries: list[Entry]) -> bytes:
    """Every entry (as `Store.entries()` gives them), losslessly, as UTF-8 JSON."""
    document = {
        "format": FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": format_time(now()),
        "entries": [entry_dict(e) for e in reversed(entries)],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


# -- CSV ------------------------------------------------------------------------------
def csv_columns(record_type: type) -> list[str]:
    """The CSV columns for an exercise: entry columns, then each field (nested with dots)."""
    return [*META_COLUMNS, *_field_columns(record_type, "")]


def _field_columns(cls: type, prefix: str) -> list[str]:
    hints = get_type_hints(cls)
    columns = []
    for f in dataclasses.fields(cls):
        if dataclasses.is_dataclass(hints[f.name]):
            columns += _field_columns(hints[f.name], f"{prefix}{f.name}.")
        else:
            columns.append(f"{prefix}{f.name}")
    return columns


def _flat(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out |= _flat(value, f"{prefix}{key}.")
        elif isinstance(value, list | tuple):
            # Lists (feelings, actions...) stay whole, as JSON text in one cell.
            out[f"{prefix}{key}"] = json.dumps(value, ensure_ascii=False)
        else:
            out[f"{prefix}{key}"] = value
    return out


def guard_cell(value: Any) -> Any:
    """Text a spreadsheet would run as a formula, made inert with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_csv(entries: list[Entry]) -> dict[str, bytes]:
    """One CSV (UTF-8 with BOM, for spreadsheets) per exercise that has entries."""
    out = {}
    for kind, record_type in RECORD_TYPES.items():
        of_kind = [e for e in reversed(entries) if e.kind == kind]
        if not of_kind:
            continue
        rows = []
        for e in of_kind:
            row = {
                "id": e.id,
                "status": e.status,
                "created_at": format_time(e.created_at),
                "updated_at": format_time(e.updated_at),
                **_flat(e.record.to_dict()),
            }
            rows.append({k: guard_cell(v) for k, v in row.items()})
        text = io.StringIO()
        writer = csv.DictWriter(
            text,
            fieldnames=csv_columns(record_type),
            lineterminator="\n",
            extrasaction="ignore",
        )
        writer.writeheader()
        writer.writerows(rows)
        out[kind] = text.getvalue().encode("utf-8-sig")
    return out


# -- printable summary ----------------------------------------------------------------
def _value_html(value: Any) -> str:
    if value is None:
        return "<em>not rated</em>"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        rows = "".join(
            f"<dt>{esc(k.replace('_', ' '))}</dt><dd>{_value_html(v)}</dd>"
            for k, v in value.items()
            if v not in ("", None, [], {})
        )
        return f"<dl>{rows}</dl>"
    if isinstance(value, list | tuple):
        return "<ul>" + "".join(f"<li>{_value_html(v)}</li>" for v in value) + "</ul>"
    return text_html(str(value))


def export_html(entries: list[Entry], content: Content) -> bytes:
    """A standalone, printable page of every entry; all text escaped, no script runs."""
    t = content.text
    sections = []
    for kind in RECORD_TYPES:
        of_kind = [e for e in reversed(entries) if e.kind == kind]
        if not of_kind:
            continue
        items = "".join(
            f"<article><h3>{esc(friendly_time(e.updated_at))}"
            f"{'' if e.status == 'done' else ' (draft)'}</h3>"
            f"{_value_html(e.record.to_dict())}</article>"
            for e in of_kind
        )
        sections.append(
            f"<section><h2>{esc(t('data', f'kinds.{kind}'))}</h2>{items}</section>"
        )
    title = esc(t("data", "export.summary_title"))
    made = esc(t("data", "export.summary_made").format(time=friendly_time(now())))
    page = f"""<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
  line-height: 1.6; color: #1f2328; }}
article {{ border-top: 1px solid #d0d7de; padding: 0.5rem 0; break-inside: avoid; }}
dt {{ font-weight: 600; margin-top: 0.4rem; }} dd {{ margin-left: 1rem; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{made}</p>
<p>{esc(t("common", "disclaimer.text"))}</p>
{"".join(sections)}
</body>
</html>
"""
    return page.encode("utf-8")


# -- import ---------------------------------------------------------------------------
@dataclass
class ImportPlan:
    """What a checked file would change: nothing has been written yet."""

    new: list[Entry] = field(default_factory=list)
    update: list[Entry] = field(default_factory=list)
    same: list[Entry] = field(default_factory=list)
    older: list[Entry] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Entries in the file."""
        return len(self.new) + len(self.update) + len(self.same) + len(self.older)


def _decode(data: bytes) -> Any:
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportProblem(
            f"This file is too big to be a workbook export ({len(data) / 1e6:.1f} MB; "
            f"the limit is {MAX_IMPORT_BYTES / 1e6:.0f} MB)."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportProblem(
            "This file is not one the workbook can read (it is not UTF-8 text). "
            "Please choose the .json file the workbook exported."
        ) from None
    stripped = text.lstrip()
    if not stripped.startswith("{"):
        first = stripped.split("\n", 1)[0]
        if "," in first and first.startswith(("id,", '"id"', "\ufeffid")):
            raise ImportProblem(
                "This looks like a CSV spreadsheet. Only the JSON file can be brought "
                "back: please choose the file ending in .json."
            )
        raise ImportProblem(
            "This is not a workbook export (it is not JSON). Please choose the .json "
            "file the workbook exported."
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ImportProblem(
            f"This file is damaged or incomplete (line {err.lineno}: {err.msg}). "
            "Nothing has been changed."
        ) from None


def _entry(number: int, item: Any) -> Entry:
    where = f"Entry {number} in the file"
    if not isinstance(item, dict):
        raise ImportProblem(f"{where} is not a valid entry.")
    missing = {
        "id",
        "kind",
        "status",
        "created_at",
        "updated_at",
        "schema",
        "record",
    } - set(item)
    if missing:
        raise ImportProblem(f"{where} is missing {', '.join(sorted(missing))}.")
    if not isinstance(item["id"], str) or not _ID.match(item["id"]):
        raise ImportProblem(f"{where} has an id the workbook cannot use.")
    record_type = RECORD_TYPES.get(item["kind"])
    if record_type is None:
        raise ImportProblem(
            f"{where} is a kind of exercise this version does not know "
            f"({item['kind']!r}); a newer workbook may have made it."
        )
    if item["status"] not in STATUSES:
        raise ImportProblem(f"{where} has an unknown status.")
    if not isinstance(item["schema"], int) or item["schema"] > record_type.SCHEMA:
        raise ImportProblem(f"{where} was made by a newer version of the workbook.")
    try:
        created = parse_time(item["created_at"])
        updated = parse_time(item["updated_at"])
    except (TypeError, ValueError):
        raise ImportProblem(f"{where} has a date the workbook cannot read.") from None
    try:
        record = record_type.from_dict(item["record"])
    except (TypeError, ValueError) as err:
        raise ImportProblem(f"{where} is not valid: {err}.") from None
    return Entry(item["id"], item["kind"], item["status"], created, updated, record)


def read_import(data: bytes, store: Store) -> ImportPlan:
    """Check a whole file and say what it would change; ImportProblem says why not."""
    document = _decode(data)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportProblem("This JSON file was not made by the workbook.")
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise ImportProblem("This file does not say which version made it.")
    if version > EXPORT_VERSION:
        raise ImportProblem(
            "This file was made by a newer version of the workbook. Please update the "
            "workbook, then bring the file in again."
        )
    items = document.get("entries")
    if not isinstance(items, list):
        raise ImportProblem("This file has no list of entries.")
    entries = [_entry(n, item) for n, item in enumerate(items, start=1)]
    ids = [e.id for e in entries]
    if len(ids) != len(set(ids)):
        raise ImportProblem(
            "This file has the same entry twice, so it cannot be trusted."
        )
    plan = ImportPlan()
    for entry in entries:
        try:
            mine = store.get(entry.id)
        except KeyError:
            plan.new.append(entry)
            continue
        if mine.kind != entry.kind:
            raise ImportProblem(
                "An entry in this file has the same id as one of yours but is a "
                "different exercise, so it cannot be brought in."
            )
        if entry.updated_at > mine.updated_at:
            plan.update.append(entry)
        elif entry.updated_at == mine.updated_at and entry.record == mine.record:
            plan.same.append(entry)
        else:
            plan.older.append(entry)
    return plan


def apply_import(plan: ImportPlan, store: Store) -> tuple[int, int]:
    """Write the new and newer entries in one go; returns (added, updated)."""
    store.put_entries(plan.new + plan.update)
    return len(plan.new), len(plan.update)
