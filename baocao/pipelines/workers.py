"""Pages read side by side: local worker processes (--jobs N) or a Dask cluster, each
page a task; a worker that dies is replaced and its pages read again, and no worker
outlives the run."""

from __future__ import annotations

import ctypes
import gc
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from baocao.datamodel import DocumentResult, PageContent
from baocao.errors import BaocaoError, MissingDependencyError
from baocao.extract import read_page
from baocao.pipelines.process import Opened, begin, finish

log = logging.getLogger("baocao")


# How often a page is tried when the worker reading it dies (the kernel's OOM killer, a
# crash in a library): a page that kills its worker every time is recorded as failed, and
# its document is tried again by the next run.
MAX_PAGE_TRIES = 3
WORKER_DIED = ("the worker process reading this page died {} times (killed, perhaps for lack "
               "of memory); the next run tries the document again")


@dataclass(eq=False)
class PageTask:
    """One page handed to the workers: which, and how it is going."""

    path: Path
    index: int
    future: object
    generation: int = 0  # which pool it was given to: a broken pool's pages go again
    tries: int = 1


class PageWorkers:
    """Where pages are read side by side: local worker processes or a Dask cluster. A local
    pool whose worker dies is replaced, and the pages it held are read again."""

    def __init__(self, jobs: int = 1, client=None):
        self.client, self.jobs = client, jobs
        self.slots = max(1, sum(client.nthreads().values())) if client is not None else jobs
        self.pool = None if client is not None else self._new_pool()
        self.generation = 0
        self.pending: set[PageTask] = set()

    def _new_pool(self) -> ProcessPoolExecutor:
        """Workers forked from this process (fork named, as Python 3.14 no longer does by
        default): they share its memory (below) and watch it as their parent."""
        self.forked = False
        return ProcessPoolExecutor(self.jobs, multiprocessing.get_context("fork"),
                                   initializer=_start_worker, initargs=(os.getpid(),))

    def _submit(self, path: Path, index: int):
        """A page to the pool. Before its first page makes it fork its workers, the objects
        they inherit are set aside from the cyclic collector, whose passes would write to all
        of them and so copy their memory into every worker: a worker's peak grew from 136 to
        167 MiB between a 24-page and a 120-page document without this, to 146 with it."""
        if not self.forked:
            gc.freeze()
            self.forked = True
        try:
            return self.pool.submit(read_page, path, index)
        except BrokenProcessPool:  # a worker died since a page was last waited for
            self._restart(self.generation)
            return self.pool.submit(read_page, path, index)

    def submit(self, path: Path, n_pages: int) -> list[PageTask]:
        """One task per page. A cluster worker may not see the file: it gets its bytes."""
        if self.client is not None:
            data = self.client.scatter(path.read_bytes())
            return [PageTask(path, i, self.client.submit(read_page, data, i, pure=False))
                    for i in range(n_pages)]
        tasks = [PageTask(path, i, self._submit(path, i), self.generation)
                 for i in range(n_pages)]
        self.pending.update(tasks)
        return tasks

    def page(self, task: PageTask) -> PageContent:
        """The page a task read, or the page marked failed when its worker failed. The task
        lets go of it: a long document's pages are not all held until it is written."""
        page = self._wait(task)
        self.pending.discard(task)
        task.future = None
        return page

    def _wait(self, task: PageTask) -> PageContent:
        while True:
            try:
                return task.future.result()
            except BrokenProcessPool:
                if task.tries >= MAX_PAGE_TRIES:
                    log.error("%s page %d: workers died %d times", task.path, task.index + 1,
                              task.tries)
                    return PageContent(task.index + 1, "ocr", [], 0, 0, retryable=True,
                                       error=WORKER_DIED.format(task.tries))
                self._restart(task.generation)
            except MissingDependencyError as exc:  # e.g. a cluster worker without Tesseract
                return PageContent(task.index + 1, "ocr", [], 0, 0, error=f"worker: {exc}")
            except Exception as exc:
                log.exception("worker failed on page %d", task.index + 1)
                return PageContent(task.index + 1, "ocr", [], 0, 0,
                                   error=f"worker failed: {exc}")

    def _restart(self, generation: int) -> None:
        """A worker died and took the pool with it: a new pool reads again every page the old
        one held (once per broken pool, whichever page notices first)."""
        if generation != self.generation:
            return
        log.warning("a page worker died; starting new workers and reading its pages again")
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()
        self.generation += 1
        for task in self.pending:
            if task.generation < self.generation:
                task.generation, task.tries = self.generation, task.tries + 1
                task.future = self._submit(task.path, task.index)

    def shutdown(self, cancel: bool = False) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=cancel)


@contextmanager
def page_workers(jobs: int, scheduler: str | None) -> Iterator[PageWorkers | None]:
    """Worker processes (--jobs N), a Dask cluster (--scheduler), or None: pages in turn."""
    if scheduler:
        from distributed import Client

        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise BaocaoError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        try:
            yield PageWorkers(client=client)
        finally:
            client.close()
    elif jobs > 1:
        workers = PageWorkers(jobs)
        try:
            yield workers
        except BaseException:  # Ctrl-C: drop the pages not started, finish the running ones
            workers.shutdown(cancel=True)
            raise
        workers.shutdown()
    else:
        yield None


# Linux's prctl option: a signal for this process when its parent ends.
PR_SET_PDEATHSIG = 1
# Seconds between a worker's looks at its parent, where no such signal comes.
PARENT_POLL_S = 1.0


def _start_worker(parent: int) -> None:
    """A worker leaves Ctrl-C to the main process, which stops the run cleanly, and ends
    when that process ends, however it ends (kill -9 too), with the Tesseract it runs."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.setpgid(0, 0)  # a process group of its own, which its Tesseracts join
    signal.signal(signal.SIGTERM, _end_worker)  # the pool's terminate() too
    # at once on Linux: SIGTERM when the thread that forked it ends (the main thread, which
    # submits the pages, so the parent process)
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, ctypes.c_ulong(signal.SIGTERM), 0, 0, 0)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    """Elsewhere, and if the parent ended before the signal was asked for: a worker whose
    parent ended is someone else's child."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    _end_worker()


def _end_worker(*_signal: object) -> None:
    """The worker and the Tesseract it runs end together: their process group."""
    os.killpg(os.getpid(), signal.SIGKILL)


def read_documents(paths: list[Path], workers: PageWorkers | None,
                   done: Callable[[DocumentResult], None],
                   tick: Callable[[int], object] = lambda n: None,
                   claim: Callable[[Path], bool] = lambda path: True) -> None:
    """Process the files in order (those claim() lets this run have), calling done(result)
    for each and tick(1) for each page.

    With workers, pages are read side by side across documents; each worker holds one page
    image at a time, and at most a few pages per worker wait to be collected."""
    paths = (path for path in paths if claim(path))
    if workers is None:
        for path in paths:
            opened, pages = begin(path)
            done(finish(opened, _ticking(pages or [], tick)))
        return
    window: deque[tuple[Opened, list[PageTask]]] = deque()
    for path in paths:
        opened, pages = begin(path)
        if pages is None:
            window.append((opened, []))
        else:
            pages.close()  # the workers open the file themselves
            window.append((opened, workers.submit(path, opened.n_pages)))
        while sum(len(t) for _, t in window) > PAGES_IN_FLIGHT * workers.slots or (
            window and not window[0][1]
        ):
            _collect(workers, *window.popleft(), done, tick)
    while window:
        _collect(workers, *window.popleft(), done, tick)


# Pages submitted ahead per worker: enough to keep every worker busy across documents.
PAGES_IN_FLIGHT = 4


def _ticking(pages: Iterable[PageContent], tick: Callable[[int], object]
             ) -> Iterator[PageContent]:
    for page in pages:
        tick(1)
        yield page


def _collect(workers: PageWorkers, opened: Opened, tasks: list[PageTask], done, tick) -> None:
    done(finish(opened, _ticking((workers.page(task) for task in tasks), tick)))
