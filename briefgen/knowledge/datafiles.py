"""Reading the packaged knowledge files (briefgen/data/*.yaml) and the user's extensions.

Every list of words or names briefgen knows ships as a YAML file in briefgen/data/;
four of them can be extended by files named in briefgen.toml ([corpus] actors_files,
outlets_files, reporting_verbs_files, roles_files).  One reader, so each of them fails
the same way: one line that names the file, the problem and the setting to fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from briefgen.errors import ConfigError


def parse_yaml(text: str, where: str, setting: str) -> Any:
    """YAML text to data; a syntax error becomes a one-line ConfigError.  Read with
    libyaml's parser when PyYAML has it (the same safe constructor, so the same data):
    the packaged files take a tenth of the CPU (0.19 -> 0.02 s), which every build pays."""
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(
            f"{where}{line} is not valid YAML; fix it or remove it from {setting}"
        ) from None


def packaged_text(name: str) -> str:
    return resources.files("briefgen").joinpath(f"data/{name}").read_text(encoding="utf-8")


def packaged(name: str) -> Any:
    """The data of the packaged file briefgen/data/`name` (not cached: callers cache)."""
    return parse_yaml(packaged_text(name), f"briefgen/data/{name}", "briefgen/data")


def read_user_file(path: str | Path, setting: str) -> str:
    p = Path(path)
    try:
        return p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{p} not found; check {setting} in briefgen.toml") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"cannot read {p} ({e}); save it as UTF-8 YAML") from None


def load_all(name: str, extra: Sequence[str | Path], setting: str) -> list[tuple[str, Any]]:
    """[(where, data)] for the packaged file `name` and then each user file, in order."""
    out: list[tuple[str, Any]] = [
        (f"briefgen/data/{name}", parse_yaml(packaged_text(name), f"briefgen/data/{name}", setting))
    ]
    for f in extra:
        out.append((str(f), parse_yaml(read_user_file(f, setting), str(f), setting)))
    return out


def entry_lists(
    name: str, extra: Sequence[str | Path], setting: str, what: str, fields: str
) -> list[tuple[str, int, Any]]:
    """[(where, number, item)] for each entry of the packaged list file `name` and then of
    each user file (an empty file has none); a file that is not a list is refused."""
    out: list[tuple[str, int, Any]] = []
    for where, raw in load_all(name, extra, setting):
        if raw is None:
            continue
        if not isinstance(raw, list):
            raise ConfigError(f"{what} file {where} must be a list of entries with {fields}")
        out += [(where, i, item) for i, item in enumerate(raw, 1)]
    return out


def str_list(value: Any) -> list[str]:
    """A YAML value that should be a list of strings: a lone string is a list of one."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]
