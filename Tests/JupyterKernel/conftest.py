"""Fixtures for testing `kindling kernel` with the real Jupyter clients.

`scripts/test-jupyter.sh` installs the kernelspec into a temporary prefix and
points JUPYTER_PATH at it; KINDLING names the executable (for `kindling run`).
"""
import os
import queue
import time
from pathlib import Path

import pytest
from jupyter_client.manager import KernelManager

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 30


def kindling_executable():
    return os.environ.get("KINDLING", str(REPO / ".build/release/kindling"))


@pytest.fixture(scope="module")
def kernel():
    """A running kernel started through its kernelspec, with a blocking client."""
    km = KernelManager(kernel_name="kindling")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
    except RuntimeError:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        raise
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def drain_iopub(kc):
    while True:
        try:
            kc.get_iopub_msg(timeout=0.05)
        except queue.Empty:
            return


def collect(kc, msg_id, timeout=TIMEOUT):
    """The iopub messages caused by `msg_id`, up to and including its `idle` status."""
    messages = []
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no idle status for {msg_id}; got {[m['msg_type'] for m in messages]}")
        msg = kc.get_iopub_msg(timeout=remaining)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return messages


def reply_to(kc, msg_id, timeout=TIMEOUT, channel="shell"):
    get = kc.get_shell_msg if channel == "shell" else kc.get_control_msg
    deadline = time.monotonic() + timeout
    while True:
        msg = get(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def execute(kc, code, **options):
    """Runs code; returns (reply content, iopub messages other than status)."""
    msg_id = kc.execute(code, **options)
    reply = reply_to(kc, msg_id)
    messages = collect(kc, msg_id)
    return reply["content"], [m for m in messages if m["msg_type"] != "status"]


def outputs_of(messages):
    return [m for m in messages if m["msg_type"] in ("stream", "display_data", "execute_result", "error")]
