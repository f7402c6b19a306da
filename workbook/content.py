"""Loads the workbook's wording and lists from data files, with a trainer's overrides."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

#: Every content file, by name (without `.toml`).
FILES = (
    "common",
    "start",
    "thought_record",
    "next_step",
    "values",
    "compassionate_image",
    "check_in",
    "data",
    "vignettes",
    "demo",
    "course",
    "thinking_patterns",
    "helplines",
    "risk",
    "language",
)


@dataclass(frozen=True)
class ThinkingPattern:
    """One thinking pattern: a stable slug, its name, what it means, an example."""

    slug: str
    name: str
    description: str
    example: str


@dataclass(frozen=True)
class ValueCard:
    """One value for the card sort: a stable slug, its name, what it means."""

    slug: str
    name: str
    description: str


@dataclass(frozen=True)
class Helpline:
    """A place to turn for help: its name, how to reach it, and when."""

    name: str
    contact: str
    detail: str


class Content:
    """All wording, by file and dotted key; plus parsed lists and any override problems."""

    def __init__(self, files: dict[str, dict[str, Any]], problems: tuple[str, ...]):
        self.files = files
        self.problems = problems
        patterns = files["thinking_patterns"]
        hidden = set(patterns.get("hidden", ()))
        self.patterns = tuple(
            ThinkingPattern(**p)
            for p in patterns["patterns"]
            if p["slug"] not in hidden
        )
        self.helplines = tuple(Helpline(**h) for h in files["helplines"]["helplines"])
        values = files["values"]
        hidden_values = set(values.get("hidden", ()))
        self.values = tuple(
            ValueCard(**v) for v in values["values"] if v["slug"] not in hidden_values
        )
        from .vignettes import parse_vignettes

        self.vignettes = parse_vignettes(files["vignettes"])

    def text(self, file: str, key: str) -> Any:
        """The value at a dotted `key` in a content file, e.g. ('common', 'buttons.next')."""
        value: Any = self.files[file]
        for part in key.split("."):
            try:
                value = value[part]
            except (KeyError, TypeError):
                raise KeyError(f"content {file}.toml has no {key!r}") from None
        return value


def _read_default(name: str) -> dict[str, Any]:
    text = (resources.files("workbook") / "content" / f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def _merge(base: Any, extra: Any) -> Any:
    """Tables merge key by key; lists of tables with a slug merge by slug; else replace."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if _slugged(base) and _slugged(extra):
        by_slug = {item["slug"]: item for item in base}
        for item in extra:
            by_slug[item["slug"]] = _merge(by_slug.get(item["slug"], {}), item)
        return list(by_slug.values())
    return extra


def _slugged(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(i, dict) and "slug" in i for i in value)
    )


def _check(name: str, data: dict[str, Any], default: dict[str, Any]) -> None:
    """Raise ValueError if an overridden file no longer has the shape the app needs."""
    _same_shape(data, default, name)
    if name == "thinking_patterns":
        for item in data["patterns"]:
            ThinkingPattern(**item)
    elif name == "vignettes":
        from .vignettes import parse_vignettes

        parse_vignettes(data)
    elif name == "values":
        for item in data["values"]:
            ValueCard(**item)
    elif name == "helplines":
        if not data["helplines"]:
            raise ValueError("there must be at least one helpline")
        for item in data["helplines"]:
            Helpline(**item)
    elif name in ("risk", "language"):
        from .language import compile_rules
        from .safety import compile_risk

        (compile_risk if name == "risk" else compile_rules)(data)


def _same_shape(data: Any, default: Any, where: str) -> None:
    if isinstance(default, dict):
        if not isinstance(data, dict):
            raise ValueError(f"{where} should be a table")
        for key, value in default.items():
            if key not in data:
                raise ValueError(f"{where}.{key} is missing")
            _same_shape(data[key], value, f"{where}.{key}")
    elif isinstance(default, str) and not isinstance(data, str):
        raise ValueError(f"{where} should be text")
    elif isinstance(default, list) and not isinstance(data, list):
        raise ValueError(f"{where} should be a list")


def load_content(folder: str | os.PathLike[str] | None = None) -> Content:
    """Defaults, with each file in `folder` (or `WORKBOOK_CONTENT_DIR`) merged over them."""
    if folder is None:
        folder = os.environ.get("WORKBOOK_CONTENT_DIR") or None
    return _load(str(folder) if folder else None)


@cache
def _load(folder: str | None) -> Content:
    files = {name: _read_default(name) for name in FILES}
    problems: list[str] = []
    if folder is not None:
        root = Path(folder).expanduser()
        if not root.is_dir():
            problems.append(f"the content folder {root} does not exist")
        else:
            for name in FILES:
                path = root / f"{name}.toml"
                if not path.exists():
                    continue
                try:
                    extra = tomllib.loads(path.read_text("utf-8"))
                    merged = _merge(files[name], extra)
                    if name == "risk":
                        # Safety phrases can be added to, never taken away.
                        for key in ("phrases", "patterns"):
                            merged[key] = files[name][key] + [
                                p
                                for p in extra.get(key, [])
                                if p not in files[name][key]
                            ]
                    _check(name, merged, files[name])
                except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
                    problems.append(f"{path.name}: {err}")
                except (ValueError, TypeError, KeyError) as err:
                    problems.append(f"{path.name}: {err}")
                else:
                    files[name] = merged
    return Content(files, tuple(problems))
