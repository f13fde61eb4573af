"""What a dialog that works in the background shares: a job, its progress, its failure.

The import and disc dialogs read a file or a disc in a worker (`ui.worker.Job`), then
write through the operations layer (`ui.operations.StoreOp`, a Job too). Both show the
progress in a bar and the step in a status line; a failure is said in that line, the main
button is turned off and Cancel becomes Close; a cancel closes the dialog.

A subclass sets `progress` (QProgressBar), `status` (QLabel), `cancel_button` and
`action_button` (the button that saves) while it builds itself, and connects its Cancel
button to `_cancel`: a running job is stopped (the dialog closes once it has), and closing
the dialog never leaves a worker behind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton

from ui.worker import Job


class JobDialog(QDialog):
    job: Job | None = None
    progress: QProgressBar
    status: QLabel
    cancel_button: QPushButton
    action_button: QPushButton

    def _run(self, work: Callable[..., Any], done: Callable[[Any], object]) -> None:
        job = Job(work, self)
        self._wire(job, done)
        job.start()

    def _wire(self, job: Job, done: Callable[[Any], object]) -> None:
        self.job = job
        job.progress.connect(self._progress)
        job.succeeded.connect(done)
        job.failed.connect(self._failed)
        job.cancelled.connect(self.reject)
        self.progress.show()

    def _progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, total if total > 0 else 0)
        if total > 0:
            self.progress.setValue(done)
        if what:
            self.status.setText(what + "…")

    def _finished_job(self) -> None:
        """The worker has reported: it is done even if its thread is still winding down."""
        if self.job is not None:
            self.job.wait()
        self.job = None

    def _failed(self, message: str) -> None:
        self._finished_job()
        self.progress.hide()
        self.status.setText(message)
        self.action_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Close"))

    def _busy(self) -> bool:
        return self.job is not None and self.job.is_running()

    def _cancel(self) -> None:
        if self._busy() and self.job is not None:
            self.job.cancel()
            self.status.setText(self.tr("Stopping…"))
            return
        self.reject()

    def done(self, result: int) -> None:
        if self._busy() and self.job is not None:  # never leave a worker behind
            self.job.cancel()
            self.job.wait()
        super().done(result)
