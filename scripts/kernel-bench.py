"""Kernel start-up and round-trip latency, Kindling beside ipykernel.

Start-up: from `KernelManager.start_kernel()` to the first `kernel_info_reply`
(the client's channels connect and it asks until the kernel answers), for a fresh
kernel each time. Round trip: `execute_request` of a trivial cell to its reply and
`idle` status. Run by `make kernel-bench` with JUPYTER_PATH holding both kernelspecs.
"""
import statistics
import sys
import time

from jupyter_client.manager import KernelManager
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

STARTS = 10
ROUND_TRIPS = 200


def start_time(name):
    km = KernelManager(kernel_name=name)
    started = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    while True:
        msg_id = kc.kernel_info()
        try:
            while True:
                reply = kc.get_shell_msg(timeout=0.005)
                if reply["parent_header"].get("msg_id") == msg_id:
                    break
            break
        except Exception:
            if time.perf_counter() - started > 60:
                raise RuntimeError(f"{name} did not answer kernel_info")
    elapsed = time.perf_counter() - started
    return elapsed, km, kc


def raw_start_time(name):
    """Start to kernel_info_reply with a client that retries its connection every
    millisecond (jupyter_client's sockets wait 100 ms between attempts, which the
    first measurement includes): the kernel's own start-up."""
    import subprocess
    import tempfile

    import zmq
    from jupyter_client.connect import write_connection_file
    from jupyter_client.session import Session

    spec = KernelSpecManager().get_kernel_spec(name)
    with tempfile.TemporaryDirectory() as scratch:
        fname, config = write_connection_file(fname=f"{scratch}/connection.json", key=b"bench-key")
        session = Session(key=b"bench-key")
        socket = zmq.Context.instance().socket(zmq.DEALER)
        socket.setsockopt(zmq.RECONNECT_IVL, 1)
        socket.connect(f"tcp://127.0.0.1:{config['shell_port']}")
        argv = [part.replace("{connection_file}", fname) for part in spec.argv]
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while True:
                session.send(socket, "kernel_info_request", {})
                if socket.poll(5):
                    session.recv(socket)
                    break
                if time.perf_counter() - started > 60:
                    raise RuntimeError(f"{name} did not answer kernel_info")
            return time.perf_counter() - started
        finally:
            process.kill()
            process.wait()
            socket.close(linger=0)


def round_trips(kc, count):
    # Let start-up messages settle.
    kc.execute_interactive("1", timeout=30, output_hook=lambda msg: None)
    times = []
    for _ in range(count):
        started = time.perf_counter()
        msg_id = kc.execute("1 + 1")
        reply_seen = idle_seen = False
        while not (reply_seen and idle_seen):
            if not reply_seen:
                try:
                    reply = kc.get_shell_msg(timeout=0.001)
                    reply_seen = reply["parent_header"].get("msg_id") == msg_id
                except Exception:
                    pass
            try:
                msg = kc.get_iopub_msg(timeout=0.001)
                if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                        and msg["content"]["execution_state"] == "idle"):
                    idle_seen = True
            except Exception:
                pass
        times.append(time.perf_counter() - started)
    return times


def measure(name):
    starts = []
    trips = []
    raw = [raw_start_time(name) for _ in range(STARTS)]
    for index in range(STARTS):
        elapsed, km, kc = start_time(name)
        starts.append(elapsed)
        if index == 0:
            trips = round_trips(kc, ROUND_TRIPS)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return starts, raw, trips


def ms(value):
    return f"{value * 1000:8.1f}"


def main():
    names = sys.argv[1:] or ["kindling", "python3"]
    available = KernelSpecManager().find_kernel_specs()
    print(f"{'kernel':<12} {'start median':>12} {'start min':>10} {'own median':>10} {'own min':>8} {'rt median':>10} {'rt p95':>8}"
          f"  (ms; {STARTS} starts, {ROUND_TRIPS} round trips)")
    for name in names:
        if name not in available:
            print(f"{name:<12} (kernelspec not installed)")
            continue
        try:
            starts, raw, trips = measure(name)
        except (RuntimeError, NoSuchKernel) as error:
            print(f"{name:<12} failed: {error}")
            continue
        trips.sort()
        p95 = trips[int(len(trips) * 0.95) - 1]
        print(f"{name:<12} {ms(statistics.median(starts)):>12} {ms(min(starts)):>10} {ms(statistics.median(raw)):>10}"
              f" {ms(min(raw)):>8} {ms(statistics.median(trips)):>10} {ms(p95):>8}")


if __name__ == "__main__":
    main()
