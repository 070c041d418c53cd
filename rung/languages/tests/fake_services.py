"""Local HTTP servers that speak LibreTranslate's and OpenAI's protocols, for tests.

Each runs `http.server.ThreadingHTTPServer` on 127.0.0.1 with a free port, in a thread.
A test picks how the next replies behave (`mode`) and reads what was asked (`requests`),
so the adapters are tested against real sockets, real timeouts and real status codes.
"""

import contextlib
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
PLACEHOLDER = re.compile(r"⟦\s*\d+\s*⟧")


def fake_translate(text: str) -> str:
    """Stand in for a translator: Chinese becomes "TRANSLATED", English is upper-cased."""
    return HAN_RUN.sub("translated", text).upper()


@dataclass
class FakeService:
    """What a fake server was asked, and how it should answer next."""

    url: str = ""
    mode: str = "ok"
    # Seconds the "slow" mode waits before answering.
    delay: float = 2.0
    retry_after: str = "30"
    # A reply body used as is by the "custom" mode.
    custom: bytes = b""
    requests: list[dict[str, Any]] = field(default_factory=list)

    @property
    def calls(self) -> int:
        return len(self.requests)


def _libretranslate_reply(service: FakeService, body: dict[str, Any]) -> tuple[int, Any]:
    if service.mode == "bad_key":
        return 403, {"error": "Invalid API key"}
    if service.mode == "error_json":
        return 400, {"error": "zh-hans is not supported"}
    texts = body.get("q")
    if not isinstance(texts, list):
        texts = [texts]
    translated = [fake_translate(str(text)) for text in texts]
    if service.mode == "wrong_shape":
        return 200, {"translation": translated}
    if service.mode == "drop_placeholder":
        translated = [PLACEHOLDER.sub("", text) for text in translated]
    if service.mode == "duplicate_placeholder":
        translated = [PLACEHOLDER.sub(lambda m: m.group() * 2, text) for text in translated]
    if service.mode == "short_batch":
        translated = translated[:-1]
    if service.mode == "empty":
        translated = ["" for _text in translated]
    return 200, {"translatedText": translated}


def _openai_reply(service: FakeService, body: dict[str, Any]) -> tuple[int, Any]:
    if service.mode == "bad_key":
        return 401, {"error": {"message": "Incorrect API key provided", "type": "auth"}}
    if service.mode == "no_choices":
        return 200, {"choices": []}
    if service.mode == "wrong_shape":
        return 200, {"choices": [{"text": "hello"}]}
    text = body["messages"][-1]["content"]
    content = fake_translate(text)
    finish = "stop"
    if service.mode == "drop_placeholder":
        content = PLACEHOLDER.sub("", content)
    elif service.mode == "flatten_lists":
        # A model that ignored the instructions and wrote the list as prose.
        content = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", content, flags=re.M)
    elif service.mode == "length":
        content, finish = content[: len(content) // 2], "length"
    elif service.mode == "empty":
        content = "   "
    elif service.mode == "thinking_fenced":
        content = f"<think>The user wants a translation.</think>\n```markdown\n{content}\n```"
    return 200, {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "model": body.get("model"),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": finish,
            }
        ],
    }


_PROTOCOLS = {"/translate": _libretranslate_reply, "/v1/chat/completions": _openai_reply}


def _handler(service: FakeService) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output clean

        def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            # In "slow" mode the client has given up waiting, as it should.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(data)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            try:
                body = json.loads(raw)
            except ValueError:
                body = None
            service.requests.append(
                {"path": self.path, "headers": dict(self.headers.items()), "json": body}
            )
            reply = _PROTOCOLS.get(self.path)
            mode = service.mode
            if reply is None or not isinstance(body, dict):
                self._send(404, {"error": "Not Found"})
            elif mode == "slow":
                time.sleep(service.delay)
                self._send(*reply(service, body))
            elif mode == "server_error":
                self._send(500, b"<html>Internal Server Error</html>")
            elif mode == "rate_limited":
                self._send(
                    429, {"error": "Slowdown: 1 per 1 second"}, {"Retry-After": service.retry_after}
                )
            elif mode == "malformed":
                self._send(200, b'{"translatedText": ["unterminated')
            elif mode == "redirect":
                self.send_response(307)
                self.send_header("Location", f"{service.url}/elsewhere{self.path}")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif mode == "custom":
                self._send(200, service.custom)
            else:
                self._send(*reply(service, body))

    return Handler


@contextmanager
def fake_service() -> Iterator[FakeService]:
    """Run a fake translation server for the length of a with block."""
    service = FakeService()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(service))
    # A handler still sleeping in "slow" mode must not hold up the test's teardown.
    server.daemon_threads = True
    server.block_on_close = False
    service.url = f"http://127.0.0.1:{server.server_address[1]}"
    # A short poll keeps shutdown, and so each test's teardown, quick.
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield service
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def refused_url() -> str:
    """Return the URL of a local port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
