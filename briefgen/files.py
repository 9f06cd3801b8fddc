"""Writing files so that a reader never sees half of one, and checking first that they can
be written: a build that runs for minutes and then cannot write its brief wastes them."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

from briefgen.errors import OutputError

MB = 1024 * 1024


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temp file beside `path`, then rename: a good earlier file is never half-replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a brief is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def os_reason(e: OSError) -> str:
    """The short reason of an OSError ("No space left on device")."""
    return e.strerror or type(e).__name__


def write_problem(path: Path, e: OSError) -> OutputError:
    """The one-line error for a file that could not be written, with what to do."""
    fixes = {
        errno.ENOSPC: "free some space or write elsewhere with -o",
        errno.EDQUOT: "free some space or write elsewhere with -o",
        errno.EFBIG: "raise the file-size limit (ulimit -f) or write elsewhere with -o",
        errno.EROFS: "write elsewhere with -o",
        errno.EACCES: "write elsewhere with -o, or fix the folder's permissions",
        errno.EPERM: "write elsewhere with -o, or fix the folder's permissions",
    }
    fix = fixes.get(e.errno or 0, "write elsewhere with -o")
    return OutputError(f"cannot write {path} ({os_reason(e)}); {fix}")


def check_output_folder(folder: Path, file_size: int = 2 * MB, files: int = 2) -> None:
    """Raise OutputError unless `folder` exists or can be made, is a folder, can be written
    to, has room for `files` files of about `file_size` bytes, and the process may write
    files that large (ulimit -f).

    The folder is created if missing, as writing the brief would."""
    need = 2 * file_size * files  # with room to spare: the size is an estimate
    probe = folder
    while not probe.exists():  # the first part of the path that exists must be a folder
        if probe.parent == probe:
            break
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        where = "is a file" if probe == folder else f"is under {probe}, which is a file"
        raise OutputError(f"output folder {folder} {where}; choose another folder with -o")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".briefgen-check.", dir=folder)
        os.close(fd)
        os.unlink(tmp)
    except OSError as e:
        raise OutputError(
            f"cannot write in output folder {folder} ({os_reason(e)}); "
            "choose a folder you can write to with -o"
        ) from None
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = None
    if free is not None and free < need:
        raise OutputError(
            f"only {free / MB:.1f} MB free in {folder}, and a brief needs about "
            f"{need / MB:.0f} MB; free some space or choose another folder with -o"
        )
    limit = _file_size_limit()
    if limit is not None and limit < file_size:
        raise OutputError(
            f"files may not grow past {limit / MB:.1f} MB here (ulimit -f), and a brief "
            f"takes about {file_size / MB:.0f} MB; raise the limit"
        )


def _file_size_limit() -> int | None:
    try:
        import resource
    except ImportError:  # not on Unix
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    return None if soft == resource.RLIM_INFINITY else int(soft)
