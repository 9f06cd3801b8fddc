"""Where independent tasks run: in this process, on local worker processes, or on Dask.

The work on files and articles is independent per item: in this process, on this
machine's cores (one worker process per core, the spaCy model loaded once per process),
or on a dask.distributed cluster (`[store] scheduler` or `--scheduler tcp://host:8786`).
Only the calling process writes to the store.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from briefgen.config import Settings
from briefgen.errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")

# Below this many tasks, starting worker processes costs more than it saves.
PARALLEL_FROM = 4


def cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class Runner:
    """Runs independent tasks in order: here, on local worker processes, or on Dask."""

    def __init__(
        self, workers: int | None = None, scheduler: str | None = None, client: Any = None
    ) -> None:
        self.workers = workers or cores()
        self.scheduler = scheduler
        self._client = client
        self._own_client = False

    @property
    def distributed(self) -> bool:
        """Whether tasks run on a Dask cluster (whose workers may not see local files)."""
        return self._client is not None or bool(self.scheduler)

    @property
    def parallel(self) -> bool:
        """Whether tasks can run on more than one worker."""
        return self._client is not None or bool(self.scheduler) or self.workers > 1

    def where(self, tasks: int) -> str:
        """Where `tasks` tasks run, for the step line."""
        if self._client is not None or self.scheduler:
            return f"on Dask {self.scheduler or 'workers'}"
        if self.workers > 1 and tasks >= PARALLEL_FROM:
            return f"on {self.workers} local processes"
        return "in this process"

    def client(self) -> Any:
        if self._client is None and self.scheduler:
            try:
                from dask.distributed import Client
            except ImportError:
                raise ConfigError(
                    "a Dask scheduler is set but dask.distributed is not installed; "
                    "run `pip install 'dask[distributed]'` or unset [store] scheduler"
                ) from None
            try:
                self._client = Client(self.scheduler, timeout="20s")
            except OSError as e:
                raise ConfigError(
                    f"cannot reach the Dask scheduler {self.scheduler} ({e}); start it "
                    "(`dask scheduler`) or fix --scheduler"
                ) from None
            self._own_client = True
        return self._client

    def map(self, fn: Callable[[T], R], tasks: Sequence[T]) -> Iterator[R]:
        """fn(task) for each task, yielded in order as they finish in order."""
        if not tasks:
            return
        client = self.client()
        if client is not None:
            futures = client.map(fn, list(tasks), pure=False)
            try:
                for fut in futures:
                    yield fut.result()
            finally:
                for fut in futures:
                    fut.release()
            return
        if self.workers <= 1 or len(tasks) < PARALLEL_FROM:
            yield from map(fn, tasks)
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork: each worker starts with what this process already loaded (the spaCy
        # model, when a caller loaded it first), so a model is loaded once per machine.
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        # tasks go out in chunks: one message per task cost more than reading a small file
        chunk = max(1, min(64, len(tasks) // (8 * self.workers)))
        with ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx) as pool:
            yield from pool.map(fn, tasks, chunksize=chunk)

    def close(self) -> None:
        if self._own_client and self._client is not None:
            self._client.close()
            self._client = None


def runner_for(settings: Settings, scheduler: str | None = None) -> Runner:
    return Runner(settings.store.workers, scheduler or settings.store.scheduler)
