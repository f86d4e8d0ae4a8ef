"""The batch's processes: signals end it with whole lines, and no worker outlives the command."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import time

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and process groups")


def _profiles(n: int) -> bytes:
    skills = ["python", "sql", "statistiques", "pandas", "docker", "aws", "machine learning", "excel", "power bi", "git"]
    return b"".join(json.dumps({"id": i, "skills": skills[i % 7 : i % 7 + 3 + i % 4]}).encode() + b"\n" for i in range(n))


def _start(*args: str, data: bytes) -> subprocess.Popen[bytes]:
    """The command in a session of its own (its workers with it), reading a file, its output a pipe
    nobody reads yet."""
    with tempfile.TemporaryFile() as source:
        source.write(data)
        source.seek(0)
        cmd = [sys.executable, "-m", "ia_metiers", "match", "--batch", "-", "--top", "3", *args]
        return subprocess.Popen(cmd, stdin=source, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _wait_for_output(proc: subprocess.Popen[bytes]) -> None:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], 90)
    assert ready, "no answer in 90 s"
    time.sleep(0.5)  # the pipe fills: the command is blocked writing, or still answering


def _group_ends(pgid: int, within: float = 15.0) -> bool:
    """Whether every process of the group (the command and its workers) is gone within ``within`` s."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def _whole_lines(out: bytes) -> list[dict[str, object]]:
    assert out.endswith(b"\n")
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_behind_a_full_pipe_ends_quietly_with_whole_lines(jobs: str) -> None:
    proc = _start("--jobs", jobs, data=_profiles(6_000))
    _wait_for_output(proc)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole foreground group
    out, err = proc.communicate(timeout=90)
    assert proc.returncode == 130
    assert err == b""
    answers = _whole_lines(out)
    assert 0 < len(answers) < 6_000 and [a["id"] for a in answers] == list(range(len(answers)))
    assert _group_ends(proc.pid)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_no_worker_outlives_the_command(sig: signal.Signals) -> None:
    proc = _start("--jobs", "2", data=_profiles(6_000))
    _wait_for_output(proc)
    proc.send_signal(sig)  # the command alone: its workers must follow
    out, err = proc.communicate(timeout=90)  # the end of the output: every process holding it is gone
    assert proc.returncode == (143 if sig == signal.SIGTERM else -signal.SIGKILL)
    assert _group_ends(proc.pid), "a worker outlived the command"
    if sig == signal.SIGTERM:
        assert err == b""
        assert 0 < len(_whole_lines(out)) < 6_000


def test_a_reader_that_never_reads_does_not_keep_the_command(tmp_path) -> None:
    proc = _start("--jobs", "2", data=_profiles(6_000))
    _wait_for_output(proc)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)  # nobody reads: the line under way is given up after Signals.GRACE
    assert proc.returncode == 143
    assert _group_ends(proc.pid), "a worker outlived the command"
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    proc.stderr.close()
