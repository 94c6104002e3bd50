"""A tiny W3C WebDriver client for Debian's chromium + chromedriver (headless).

Just what the browser test needs: open a page, find elements by CSS, click, type,
read text, run a script. Every call has a timeout; the browser gets a fresh profile.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from typing import Any

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=412,915"]


def available() -> bool:
    return bool(shutil.which("chromedriver") and (shutil.which("chromium")
                                                  or shutil.which("chromium-browser")))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Browser:
    def __init__(self) -> None:
        self.profile = tempfile.mkdtemp(prefix="workshop-chromium-")
        self.port = _free_port()
        self.driver = subprocess.Popen(
            [shutil.which("chromedriver") or "chromedriver", f"--port={self.port}",
             "--allowed-ips=127.0.0.1"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while True:
            try:
                self._call("GET", "/status")
                break
            except OSError:
                if time.monotonic() > deadline:
                    self.close()
                    raise
                time.sleep(0.1)
        binary = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
        caps = {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
            "binary": binary, "args": [*CHROMIUM_ARGS, f"--user-data-dir={self.profile}"]}}}}
        self.session = self._call("POST", "/session", caps)["sessionId"]

    def _call(self, method: str, path: str, body: Any = None, timeout: float = 30.0) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data,
                                         method=method,
                                         headers={"Content-Type": "application/json"})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(request, timeout=timeout) as response:
            return json.loads(response.read() or b"{}").get("value")

    def _s(self, method: str, path: str, body: Any = None) -> Any:
        return self._call(method, f"/session/{self.session}{path}", body)

    def get(self, url: str) -> None:
        assert url.startswith(("http://127.0.0.1:", "http://[::1]:")), url
        self._s("POST", "/url", {"url": url})

    def find(self, css: str) -> str | None:
        found = self._s("POST", "/elements", {"using": "css selector", "value": css})
        return found[0][ELEMENT] if found else None

    def click(self, element: str) -> None:
        self._s("POST", f"/element/{element}/click", {})

    def type(self, element: str, text: str) -> None:
        self._s("POST", f"/element/{element}/value", {"text": text})

    def text(self, css: str) -> str:
        """The text of the first match ("" when there is none, or it was just redrawn)."""
        try:
            element = self.find(css)
            return self._s("GET", f"/element/{element}/text") if element else ""
        except urllib.error.HTTPError:  # stale: the page redrew between find and read
            return ""

    def tap(self, css: str, tries: int = 20) -> None:
        """Find and click; the page redraws when the laptop pushes, so try again."""
        for attempt in range(tries):
            try:
                element = self.find(css)
                if element is not None:
                    self.click(element)
                    return
            except urllib.error.HTTPError:
                if attempt == tries - 1:
                    raise
            time.sleep(0.05)
        raise LookupError(css)

    def fill(self, css: str, text: str, tries: int = 20) -> None:
        """Type ``text`` into the field; again if the page redrew it meanwhile."""
        for _ in range(tries):
            try:
                element = self.find(css)
                if element is not None:
                    self._s("POST", f"/element/{element}/clear", {})
                    self.type(element, text)
                    if self.script("var e = document.querySelector(arguments[0]);"
                                   "return e ? e.value : null", css) == text:
                        return
            except urllib.error.HTTPError:
                pass
            time.sleep(0.05)
        raise LookupError(css)

    def script(self, source: str, *args: Any) -> Any:
        return self._s("POST", "/execute/sync", {"script": source, "args": list(args)})

    def network(self, offline: bool) -> None:
        """Cut or restore the page's network (chromedriver's network conditions)."""
        self._s("POST", "/chromium/network_conditions", {"network_conditions": {
            "offline": offline, "latency": 0, "download_throughput": -1,
            "upload_throughput": -1}})

    def close(self) -> None:
        try:
            if getattr(self, "session", None):
                self._call("DELETE", f"/session/{self.session}", timeout=10)
        except OSError:
            pass
        self.driver.terminate()
        try:
            self.driver.wait(10)
        except subprocess.TimeoutExpired:
            self.driver.kill()
        shutil.rmtree(self.profile, ignore_errors=True)
