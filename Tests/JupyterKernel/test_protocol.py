"""`kindling kernel` through jupyter_client: the messages of protocol 5.3."""
import base64
import time

from conftest import collect, execute, outputs_of, reply_to


def test_kernel_info_and_status_around_it(kernel):
    km, kc = kernel
    msg_id = kc.kernel_info()
    reply = reply_to(kc, msg_id)
    content = reply["content"]
    assert reply["msg_type"] == "kernel_info_reply"
    assert content["status"] == "ok"
    assert content["protocol_version"] == "5.3"
    assert content["implementation"] == "kindling"
    info = content["language_info"]
    assert info["name"] == "python"
    assert info["version"].startswith("3.11")
    assert info["mimetype"] == "text/x-python"
    assert info["file_extension"] == ".py"
    assert info["codemirror_mode"] == {"name": "ipython", "version": 3}
    assert reply["header"]["version"] == "5.3"
    states = [m["content"]["execution_state"] for m in collect(kc, msg_id) if m["msg_type"] == "status"]
    assert states == ["busy", "idle"]


def test_execute_streams_and_result(kernel):
    km, kc = kernel
    reply, messages = execute(kc, "print('hello')\nx = 20\nx + 22")
    assert reply["status"] == "ok"
    count = reply["execution_count"]
    kinds = [m["msg_type"] for m in messages]
    assert kinds == ["execute_input", "stream", "execute_result"]
    assert messages[0]["content"]["execution_count"] == count
    assert messages[1]["content"] == {"name": "stdout", "text": "hello\n"}
    assert messages[2]["content"]["data"]["text/plain"] == "42"
    assert messages[2]["content"]["execution_count"] == count
    again, _ = execute(kc, "x")
    assert again["execution_count"] == count + 1


def test_prints_in_a_loop_are_one_stream_output(kernel):
    km, kc = kernel
    reply, messages = execute(kc, "for i in range(5):\n    print(i, end=' ')\nprint()")
    streams = [m["content"] for m in messages if m["msg_type"] == "stream"]
    assert streams == [{"name": "stdout", "text": "0 1 2 3 4 \n"}]


def test_error_output_and_reply(kernel):
    km, kc = kernel
    reply, messages = execute(kc, "def f():\n    return 1 / 0\nf()")
    assert reply["status"] == "error"
    assert reply["ename"] == "ZeroDivisionError"
    assert reply["evalue"] == "division by zero"
    errors = [m["content"] for m in messages if m["msg_type"] == "error"]
    assert len(errors) == 1
    assert errors[0]["ename"] == "ZeroDivisionError"
    assert any("Traceback" in line for line in errors[0]["traceback"])
    assert errors[0]["traceback"][-1] == "ZeroDivisionError: division by zero"


def test_stop_on_error_aborts_queued_executes(kernel):
    km, kc = kernel
    first = kc.execute("total = 0\nfor i in range(200000):\n    total += i\nraise ValueError('stop here')")
    second = kc.execute("after_error = 1")
    assert reply_to(kc, first)["content"]["status"] == "error"
    assert reply_to(kc, second)["content"]["status"] == "aborted"
    reply, messages = execute(kc, "'after_error' in globals()")
    assert outputs_of(messages)[0]["content"]["data"]["text/plain"] == "False"
    # Without stop_on_error the next request runs.
    first = kc.execute("raise ValueError('go on')", stop_on_error=False)
    second = kc.execute("went_on = 1")
    assert reply_to(kc, first)["content"]["status"] == "error"
    assert reply_to(kc, second)["content"]["status"] == "ok"


def test_silent_and_store_history(kernel):
    km, kc = kernel
    before, _ = execute(kc, "1")
    reply, messages = execute(kc, "print('quiet')\nsilent_value = 5\n7", silent=True)
    assert reply["status"] == "ok"
    assert messages == []
    reply, messages = execute(kc, "silent_value", store_history=False)
    assert outputs_of(messages)[0]["content"]["data"]["text/plain"] == "5"
    after, _ = execute(kc, "2")
    assert after["execution_count"] == before["execution_count"] + 1


def test_user_expressions(kernel):
    km, kc = kernel
    reply, _ = execute(kc, "y = 6", user_expressions={"double": "y * 2", "bad": "undefined_name"})
    expressions = reply["user_expressions"]
    assert expressions["double"]["status"] == "ok"
    assert expressions["double"]["data"]["text/plain"] == "12"
    assert expressions["bad"]["status"] == "error"
    assert expressions["bad"]["ename"] == "NameError"


def test_display_data_png_from_matplotlib(kernel):
    km, kc = kernel
    reply, messages = execute(kc, "import matplotlib.pyplot as plt\nplt.plot([1, 3, 2])\nplt.title('kernel figure')\nplt.show()")
    assert reply["status"] == "ok"
    displays = [m["content"] for m in messages if m["msg_type"] == "display_data"]
    assert len(displays) == 1
    png = base64.b64decode(displays[0]["data"]["image/png"])
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert "text/plain" in displays[0]["data"]


def test_complete(kernel):
    km, kc = kernel
    execute(kc, "my_long_variable = 3")
    code = "x = my_long_v"
    reply = reply_to(kc, kc.complete(code, len(code)))["content"]
    assert reply["status"] == "ok"
    assert "my_long_variable" in reply["matches"]
    assert reply["cursor_start"] == len("x = ")
    assert reply["cursor_end"] == len(code)
    execute(kc, "import torch")
    code = "y = torch.zer"
    reply = reply_to(kc, kc.complete(code, len(code)))["content"]
    assert any(match.endswith("zeros") for match in reply["matches"])


def test_inspect(kernel):
    km, kc = kernel
    execute(kc, "def greet(name, punctuation='!'):\n    'Say hello.'\n    return 'hi ' + name + punctuation")
    reply = reply_to(kc, kc.inspect("greet", 5))["content"]
    assert reply["status"] == "ok"
    assert reply["found"] is True
    text = reply["data"]["text/plain"]
    assert "greet(name, punctuation='!')" in text
    assert "Say hello." in text
    reply = reply_to(kc, kc.inspect("no_such_name_here", 3))["content"]
    assert reply["found"] is False


def test_is_complete(kernel):
    km, kc = kernel
    assert reply_to(kc, kc.is_complete("x = 1"))["content"]["status"] == "complete"
    reply = reply_to(kc, kc.is_complete("for i in range(3):"))["content"]
    assert reply["status"] == "incomplete"
    assert reply["indent"] == "    "
    assert reply_to(kc, kc.is_complete("x = (1,"))["content"]["status"] == "incomplete"
    assert reply_to(kc, kc.is_complete("x = 1)"))["content"]["status"] == "invalid"


def test_history(kernel):
    km, kc = kernel
    execute(kc, "history_marker = 'a'")
    execute(kc, "history_marker * 2")
    reply = reply_to(kc, kc.history(hist_access_type="tail", n=2))["content"]
    assert reply["status"] == "ok"
    assert [entry[2] for entry in reply["history"]] == ["history_marker = 'a'", "history_marker * 2"]
    reply = reply_to(kc, kc.history(hist_access_type="search", pattern="history_marker =*"))["content"]
    assert [entry[2] for entry in reply["history"]] == ["history_marker = 'a'"]


def test_comm_info(kernel):
    km, kc = kernel
    reply = reply_to(kc, kc.comm_info())["content"]
    assert reply == {"status": "ok", "comms": {}}


def test_stdin_input(kernel):
    km, kc = kernel
    msg_id = kc.execute("answer = input('Your name? ')\nprint('hi', answer)", allow_stdin=True)
    request = kc.get_stdin_msg(timeout=10)
    assert request["msg_type"] == "input_request"
    assert request["content"]["prompt"] == "Your name? "
    assert request["parent_header"]["msg_id"] == msg_id
    kc.input("Ada")
    assert reply_to(kc, msg_id)["content"]["status"] == "ok"
    streams = [m["content"]["text"] for m in collect(kc, msg_id) if m["msg_type"] == "stream"]
    assert "".join(streams) == "hi Ada\n"
    reply, _ = execute(kc, "input('no stdin here')", allow_stdin=False)
    assert reply["status"] == "error"
    assert reply["ename"] == "StdinNotImplementedError"


def test_200_executes_back_to_back(kernel):
    km, kc = kernel
    ids = [kc.execute(f"print({i})\nvalue_{i % 10} = {i}\n{i} * 2") for i in range(200)]
    replies = [reply_to(kc, msg_id) for msg_id in ids]
    assert [r["content"]["status"] for r in replies] == ["ok"] * 200
    counts = [r["content"]["execution_count"] for r in replies]
    assert counts == list(range(counts[0], counts[0] + 200))
    printed, results = [], []
    for msg_id in ids:
        for msg in collect(kc, msg_id):
            if msg["msg_type"] == "stream":
                printed.append(msg["content"]["text"])
            elif msg["msg_type"] == "execute_result":
                results.append(msg["content"]["data"]["text/plain"])
    assert printed == [f"{i}\n" for i in range(200)]
    assert results == [str(i * 2) for i in range(200)]


def test_interrupt_keeps_namespace(kernel):
    km, kc = kernel
    execute(kc, "kept = 'still here'\nticks = 0")
    msg_id = kc.execute("while True:\n    ticks += 1")
    time.sleep(1.0)
    started = time.monotonic()
    km.interrupt_kernel()
    reply = reply_to(kc, msg_id, timeout=10)["content"]
    assert time.monotonic() - started < 5
    assert reply["status"] == "error"
    assert reply["ename"] == "KeyboardInterrupt"
    reply, messages = execute(kc, "kept, ticks > 0")
    assert outputs_of(messages)[0]["content"]["data"]["text/plain"] == "('still here', True)"


def test_sigint_interrupts_too(kernel):
    import signal
    km, kc = kernel
    msg_id = kc.execute("while True:\n    pass")
    time.sleep(0.5)
    km.signal_kernel(signal.SIGINT)
    reply = reply_to(kc, msg_id, timeout=10)["content"]
    assert reply["ename"] == "KeyboardInterrupt"
    # SIGINT while idle is ignored: the next request runs normally.
    km.signal_kernel(signal.SIGINT)
    time.sleep(0.2)
    reply, _ = execute(kc, "1 + 1")
    assert reply["status"] == "ok"
