"""Writing a file so that no reader, crash or second writer ever sees half of it.

Every file the tools write for an author to keep (a new record, the schema, a
frozen release, an export) goes through :func:`write_atomic`: the text is
written to a temporary file beside the target, flushed to the disk, and only
then given the target's name, in one step.  A full disk, Ctrl-C or a power cut
leaves either the old file or the new one, never a truncated mixture, and no
temporary file behind.

With ``exclusive=True`` the name is taken only if nobody has it yet (a hard
link, which fails when the name exists, or ``O_EXCL`` where links are not
supported): two ``tip-archive new`` run at once for the same record write one
file, and the second is told it exists.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, content: str | bytes, *, exclusive: bool = False) -> Path:
    """Write ``content`` (text is UTF-8) to ``path`` whole or not at all.

    Raises :class:`FileExistsError` when ``exclusive`` and ``path`` exists."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = Path(path)
    if exclusive and (path.exists() or path.is_symlink()):
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; a record is not
        if exclusive:
            _claim(tmp, path, data)
        else:
            os.replace(tmp, path)
        _sync_folder(path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return path


def _claim(tmp: Path, path: Path, data: bytes) -> None:
    """Give ``tmp`` the name ``path`` unless it is taken (atomically, complete)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # A file system without hard links: claim the name first, then fill it.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the new name itself durable (a rename lives in the folder's entry)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the rename is still atomic
    finally:
        os.close(fd)
