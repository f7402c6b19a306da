"""Where entries live: one SQLite file per person (WAL), or memory for demos and tests."""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import page_request
from .records import RECORD_TYPES, Entry, format_time, now, parse_time

if TYPE_CHECKING:
    import pandas as pd

#: The schema of the file itself (tables, columns), kept in `PRAGMA user_version`.
FILE_SCHEMA = 1
FILE_NAME = "workbook.sqlite3"
APP_NAME = "self-compassion-workbook"
STATUSES = ("draft", "done")

_CREATE = """
CREATE TABLE IF NOT EXISTS entries (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'done')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    schema INTEGER NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_by_kind ON entries (kind, status, updated_at);
"""


class StoreError(Exception):
    """A problem with the data file, worded for the person using the workbook."""


class DamagedStoreError(StoreError):
    """The data file is not a readable SQLite database (or fails its own check)."""


NEWER_NOTICE = (
    "Your data file was written by a newer version of the workbook, so it is open to "
    "read only: you can look at and export your entries here, but not change them. "
    "Update the workbook to carry on writing."
)


def explain(err: sqlite3.Error, path: str) -> str:
    """What went wrong with a write, in words for the person using the workbook."""
    text = str(err).lower()
    if "full" in text:
        return "there is no room left on this computer's disk"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return f"the data folder ({Path(path).parent}) cannot be written to just now"
    return f"the data file said: {err}"


def data_dir() -> Path:
    """The folder for the data file: `WORKBOOK_DATA_DIR`, else the user data folder."""
    configured = os.environ.get("WORKBOOK_DATA_DIR")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def open_store(folder: str | os.PathLike[str] | None = None) -> Store:
    """Open (creating if needed) the person's own store in `folder` or `data_dir()`.

    In demo mode (`WORKBOOK_DEMO` set) this is a store in memory instead. In a
    preheated Voila kernel it is a stand-in that opens the store on first use, once
    the page has really been asked for (see `OpenedOnRequest`).
    """
    if page_request.preheated():
        return OpenedOnRequest(folder)  # type: ignore[return-value]
    return _open(folder)


class OpenedOnRequest:
    """The store as a preheated Voila kernel sees it: opened on first use, after the
    real request has arrived.

    Voila runs a preheated kernel's notebook before anyone asks for the page, so the
    widgets can be built ahead of time; the data must be read only once the page is
    asked for (then it is the data as it is then, and no stored text is rendered ahead).
    Every attribute is the real store's; the first one asked for waits for the request.
    """

    def __init__(self, folder: str | os.PathLike[str] | None) -> None:
        self._folder = folder
        self._store: Store | None = None

    def _real(self) -> Store:
        if self._store is None:
            page_request.wait_for_request()
            self._store = _open(self._folder)
        return self._store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real(), name)

    def __repr__(self) -> str:
        return "Store(opened once the page is asked for)"


def _open(folder: str | os.PathLike[str] | None) -> Store:
    """`open_store` itself, once any waiting is done."""
    if os.environ.get("WORKBOOK_DEMO"):
        # `workbook serve --demo`: every app keeps to memory; no file is made or touched.
        return Store.memory()
    folder = Path(folder) if folder is not None else data_dir()
    path = folder / FILE_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        # mkdir's mode is filtered by the umask and not applied to an existing folder.
        os.chmod(folder, 0o700)
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
        os.close(fd)
        os.chmod(path, 0o600)
    except OSError as err:
        return _unwritable(path, err)
    try:
        return Store(path)
    except DamagedStoreError:
        aside = _move_aside(path)
        store = Store(path)
        store.notice = (
            f"Your data file could not be read, so it has been moved aside (not "
            f"deleted) to {aside} and a fresh one has been started. Someone who knows "
            "SQLite may be able to recover entries from the old file."
        )
        return store


def _unwritable(path: Path, err: OSError) -> Store:
    """The folder cannot be written: read the old file if there is one, else memory."""
    problem = f"The workbook's data folder ({path.parent}) cannot be written to ({err.strerror})."
    try:
        exists = path.is_file()
    except OSError:
        exists = False
    if exists:
        try:
            store = Store.read_only_copy(path)
        except StoreError:
            pass
        else:
            store.notice = (
                f"{problem} Your entries are open to read only: you can look at and "
                "export them, but nothing new can be saved until the folder can be "
                "written to again."
            )
            return store
    store = Store.memory()
    store.notice = (
        f"{problem} You can still use the exercises, but nothing will be kept once "
        "this page is closed: use Download to take a copy of anything you write."
    )
    return store


def _move_aside(path: Path) -> Path:
    """Rename a damaged data file (and its WAL files) beside itself; never delete."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        extra = Path(f"{path}{suffix}")
        if extra.exists():
            os.replace(extra, Path(f"{aside}{suffix}"))
    return aside


class Store:
    """Entries of every exercise in one table; records go in and out as dataclasses."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = str(path)
        self.read_only = False
        #: Something the person should be told on opening (shown by every app).
        self.notice = ""
        try:
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._db.execute("PRAGMA busy_timeout = 30000")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if self.path != ":memory:":
                check = self._db.execute("PRAGMA quick_check").fetchone()[0]
                if check != "ok":
                    raise sqlite3.DatabaseError(check)
        except sqlite3.DatabaseError as err:
            with suppress(Exception):
                self._db.close()
            if isinstance(err, sqlite3.OperationalError):
                raise StoreError(
                    f"The data file at {self.path} could not be opened ({err})."
                ) from None
            raise DamagedStoreError(
                f"The data file at {self.path} is damaged ({err})."
            ) from None
        if version > FILE_SCHEMA:
            # A newer workbook wrote this file: read it, never write what we don't know.
            self._db.close()
            self._open_read_only()
            self.notice = NEWER_NOTICE
            return
        self._initialise(version)

    def _open_read_only(self, immutable: bool = False) -> None:
        uri = Path(self.path).resolve().as_uri() + "?mode=ro"
        # A WAL file in a folder nobody may write cannot make its shared-memory
        # index; `immutable` reads it without one (it cannot change under us there).
        uri += "&immutable=1" if immutable else ""
        self._db = sqlite3.connect(uri, uri=True, isolation_level=None)
        self.read_only = True

    @classmethod
    def read_only_copy(cls, path: str | os.PathLike[str]) -> Store:
        """Open an existing file to read only (its folder cannot be written)."""
        store = cls.__new__(cls)
        store.path, store.notice = str(path), ""
        try:
            try:
                store._open_read_only()
                store._db.execute("SELECT count(*) FROM entries").fetchone()
            except sqlite3.OperationalError:
                store._db.close()
                store._open_read_only(immutable=True)
                store._db.execute("SELECT count(*) FROM entries").fetchone()
        except sqlite3.Error as err:
            raise StoreError(
                f"The data file at {path} could not be read ({err})."
            ) from None
        return store

    def _initialise(self, version: int) -> None:
        # Two apps opening a new file at once can meet SQLite's lock while one of them
        # switches to WAL; that switch does not wait on the busy timeout, so retry.
        deadline = time.monotonic() + 30
        while True:
            try:
                if self.path != ":memory:":
                    mode = self._db.execute("PRAGMA journal_mode").fetchone()[0]
                    if mode != "wal":
                        self._db.execute("PRAGMA journal_mode = WAL")
                    self._db.execute("PRAGMA synchronous = NORMAL")
                self._db.executescript(_CREATE)
                if version < FILE_SCHEMA:
                    self._db.execute(f"PRAGMA user_version = {FILE_SCHEMA}")
                return
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) or time.monotonic() > deadline:
                    raise StoreError(
                        f"The data file at {self.path} could not be opened ({err})."
                    ) from None
                time.sleep(0.05)

    @classmethod
    def memory(cls) -> Store:
        """A store that lives in memory only: for demos and tests."""
        return cls(":memory:")

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    @contextmanager
    def _writing(self, failure: str) -> Iterator[None]:
        """One write transaction: all of it or none; SQLite errors become `failure`."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
                self._db.execute("COMMIT")
            except BaseException:
                # Some errors (a full disk among them) end the transaction themselves.
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as err:
            raise StoreError(failure.format(err=explain(err, self.path))) from None

    def save(
        self, record: Any, *, status: str = "done", entry_id: str | None = None
    ) -> Entry:
        """Insert or update one entry; returns it with its id and times."""
        if self.read_only:
            raise StoreError(
                f"{self.notice or 'This data file is open to read only.'} "
                "Your entry is still on the screen; nothing has been changed."
            )
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
        kind = record.KIND
        payload = json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True)
        try:
            payload.encode("utf-8")
        except UnicodeEncodeError:
            raise StoreError(
                "Some of the text contains a character that cannot be saved. "
                "Nothing has been changed."
            ) from None
        moment = format_time(now())
        entry_id = entry_id or uuid.uuid4().hex
        failure = (
            "Your entry could not be saved: {err}. It is still on the screen, and "
            "everything saved before is safe; please press Save again in a moment."
        )
        with self._writing(failure):
            row = self._db.execute(
                "SELECT kind FROM entries WHERE id = ?", (entry_id,)
            ).fetchone()
            if row is not None and row[0] != kind:
                raise ValueError(
                    f"entry {entry_id} is a {row[0]}, not a {kind}: not changed"
                )
            self._db.execute(
                "INSERT INTO entries"
                " (id, kind, status, created_at, updated_at, schema, payload)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET status = excluded.status,"
                " updated_at = excluded.updated_at, schema = excluded.schema,"
                " payload = excluded.payload",
                (entry_id, kind, status, moment, moment, record.SCHEMA, payload),
            )
        return self.get(entry_id)

    def get(self, entry_id: str) -> Entry:
        """The entry with this id; KeyError if there is none."""
        row = self._db.execute(
            "SELECT id, kind, status, created_at, updated_at, schema, payload"
            " FROM entries WHERE id = ?",
            (entry_id,),
        ).fetchone()
        if row is None:
            raise KeyError(entry_id)
        return _entry(row)

    def entries(
        self, kind: str | tuple[str, ...] | None = None, status: str | None = None
    ) -> list[Entry]:
        """Entries, newest change first, optionally of one kind (or several) and status."""
        sql = (
            "SELECT id, kind, status, created_at, updated_at, schema, payload"
            " FROM entries"
        )
        where, args = [], []
        if kind is not None:
            kinds = (kind,) if isinstance(kind, str) else tuple(kind)
            where.append(f"kind IN ({', '.join('?' * len(kinds))})")
            args.extend(kinds)
        if status is not None:
            where.append("status = ?")
            args.append(status)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY updated_at DESC, id"
        return [_entry(row) for row in self._db.execute(sql, args)]

    def latest(self, kind: str | tuple[str, ...], status: str) -> Entry | None:
        """The most recently changed entry of this kind and status, if any."""
        found = self.entries(kind, status)
        return found[0] if found else None

    def count(self) -> int:
        """How many entries there are."""
        return self._db.execute("SELECT count(*) FROM entries").fetchone()[0]

    def delete(self, entry_id: str) -> None:
        """Remove one entry."""
        if self.read_only:
            raise StoreError("This data file is open to read only.")
        with self._writing("The entry could not be deleted: {err}."):
            self._db.execute("DELETE FROM entries WHERE id = ?", (entry_id,))

    def put_entries(self, entries: list[Entry]) -> None:
        """Write whole entries (ids and times as given) in one transaction: all or none."""
        if self.read_only:
            raise StoreError("This data file is open to read only.")
        rows = []
        for e in entries:
            payload = json.dumps(e.record.to_dict(), ensure_ascii=False, sort_keys=True)
            rows.append(
                (
                    e.id,
                    e.kind,
                    e.status,
                    format_time(e.created_at),
                    format_time(e.updated_at),
                    e.record.SCHEMA,
                    payload,
                )
            )
        failure = "The entries could not be written: {err}. Nothing has been changed."
        with self._writing(failure):
            for row in rows:
                found = self._db.execute(
                    "SELECT kind FROM entries WHERE id = ?", (row[0],)
                ).fetchone()
                if found is not None and found[0] != row[1]:
                    raise StoreError(
                        f"An entry in the file has the same id as one of yours but is "
                        f"a different exercise ({row[0]}). Nothing has been changed."
                    )
                self._db.execute(
                    "INSERT INTO entries"
                    " (id, kind, status, created_at, updated_at, schema, payload)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (id) DO UPDATE SET status = excluded.status,"
                    " created_at = excluded.created_at,"
                    " updated_at = excluded.updated_at, schema = excluded.schema,"
                    " payload = excluded.payload",
                    row,
                )

    def delete_all(self) -> int:
        """Remove every entry; returns how many there were."""
        if self.read_only:
            raise StoreError("This data file is open to read only.")
        with self._writing("The entries could not be deleted: {err}."):
            count = self.count()
            self._db.execute("DELETE FROM entries")
        return count

    def frame(self, kind: str) -> pd.DataFrame:
        """Entries of one kind as a DataFrame: entry columns then the record's fields."""
        import pandas as pd

        found = self.entries(kind)
        meta = pd.DataFrame(
            {
                "id": [e.id for e in found],
                "status": [e.status for e in found],
                "created_at": pd.to_datetime([e.created_at for e in found], utc=True),
                "updated_at": pd.to_datetime([e.updated_at for e in found], utc=True),
            }
        )
        fields = pd.json_normalize([e.record.to_dict() for e in found])
        return pd.concat([meta, fields], axis=1)


def _entry(row: tuple) -> Entry:
    entry_id, kind, status, created, updated, _schema, payload = row
    record_type = RECORD_TYPES[kind]
    return Entry(
        id=entry_id,
        kind=kind,
        status=status,
        created_at=parse_time(created),
        updated_at=parse_time(updated),
        record=record_type.from_dict(json.loads(payload)),
    )
