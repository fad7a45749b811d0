"""A message signed with the wrong key is refused: not executed, not answered."""
import time

import zmq
from jupyter_client.session import Session

from conftest import execute, outputs_of


def test_forged_signature_is_refused(kernel):
    km, kc = kernel
    forger = Session(key=b"not-the-connection-key", username="mallory")
    socket = km.connect_shell(identity=forger.bsession)
    try:
        sent = forger.send(socket, "execute_request",
                           {"code": "forged = 1", "silent": False, "store_history": True,
                            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        poller = zmq.Poller()
        poller.register(socket, zmq.POLLIN)
        assert dict(poller.poll(1500)) == {}, "the kernel answered a forged message"
    finally:
        socket.close(linger=0)
    # Nothing was published for it and nothing ran; the kernel still works.
    while True:
        try:
            msg = kc.get_iopub_msg(timeout=0.2)
        except Exception:
            break
        assert msg["parent_header"].get("msg_id") != sent["header"]["msg_id"]
    reply, messages = execute(kc, "'forged' in globals()")
    assert reply["status"] == "ok"
    assert outputs_of(messages)[0]["content"]["data"]["text/plain"] == "False"
