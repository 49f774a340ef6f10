#!/usr/bin/env python3
"""Live reload: `chronicle serve` vs `hugo server`, from the write of an edited post to the reload
(`make bench-serve`, and the second half of `make bench`).

For each corpus size (the generated bilingual blogs of scripts/bench_build.py, cached in
.build-bench/corpus-N/, copied into a temporary folder on disk so the edits never touch the
cache) and each tool, one server is started and, once it is ready, one post is edited
1 + 10 times (the first edit is a warm-up and not counted): the newest English post,
content/posts/YYYY/SLUG/index.en.md, gets a sentence with a new marker word appended to its
body (the same file, written in place: opened with O_TRUNC, one write, closed), then, after the
tool has answered, a pause of 0.3 s. Times are taken with time.perf_counter just before the
file is opened, and:

  chronicle  `chronicle serve --source DIR --port 0 --bind 127.0.0.1`, ready at its stdout line
             `serving http://HOST:PORT/`. "write -> reload" ends when the line `event: reload`
             of its server-sent events (GET /_chronicle/events, read line by line in a thread)
             arrives; an `event: error` counts as a failed edit.
  hugo       `hugo server --source DIR --port P --bind 127.0.0.1` with the theme of
             bench/hugo-theme (Debian's package; it serves from memory, in its default "fast
             render mode"), ready at its `Web Server is available at` line. "write -> reload"
             ends when its rebuild line `Total in N ms` arrives on its stdout (N, Hugo's own
             figure, is shown too; it starts when Hugo begins the rebuild, not at the write).
             Also timed: the write to its `Change detected, rebuilding site.` line (Hugo's
             watcher hands file events over in batches, every 500 ms) and to the `reload`
             message on its livereload websocket (/livereload).

"write -> new page" ends when a GET of the edited post's page (/posts/YYYY/SLUG/), sent once
the reload has arrived and repeated every 2 ms while the answer is stale, first returns the new
marker: what a reloading browser would see. The page is fetched once before the edits (Hugo's
fast render mode re-renders pages that were visited). Peak memory is the server's VmHWM
(/proc/PID/status) after the edits. Edits are counted as failed when no reload comes within
--timeout seconds or the page never shows the marker; extra reloads (more than one for one
write) are counted too. Servers run one at a time; this script, its event reader and the
server share the machine's cores.

--wrk adds a load test of the 1,000-post size (--wrk-posts): after the edits, while the same
server runs, `wrk -c 64 -t 2 -d 10s --latency URL` on the edited post's page (Debian's wrk
package), for each tool: requests/s, errors (wrk's socket errors, connect + read + write +
timeout, plus its "Non-2xx or 3xx responses") and its 50/90/99 % latencies. wrk runs on the
same machine as the server (loopback), so both share the cores.

Usage: python3 scripts/bench_serve.py [--posts 1000,10000] [--edits 10] [--pause 0.3]
                                      [--tools chronicle,hugo] [--wrk] [--wrk-only]
                                      [--scratch DIR] [--chronicle .build/release/chronicle]
                                      [--hugo hugo] [--hugo-full-render]
"""

import argparse
import base64
import glob
import http.client
import json
import os
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from bench_common import ROOT, THEME, commit, corpus, hugo_env, hugo_theme_args, shown, version

TOOLS = ("chronicle", "hugo")
# The targets: median of the edits, from the write to Chronicle's reload event, in ms.
TARGETS_MS = {1000: 50, 10000: 150}
READY_TIMEOUT = 900  # s: Hugo's first build of 10,000 posts takes about 45 s on a quiet machine


def log(message):
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# the server process and its output
# --------------------------------------------------------------------------------------------

class Server:
    """A server process whose stdout and stderr lines are read in threads, each with the
    perf_counter at which it arrived."""

    def __init__(self, command, env=None):
        self.command = command
        self.lines = []  # (perf_counter, stream, text)
        self.changed = threading.Condition()
        self.started = time.perf_counter()
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, env=env)
        self.readers = [threading.Thread(target=self._read, args=(stream, name), daemon=True)
                        for stream, name in ((self.process.stdout, "stdout"), (self.process.stderr, "stderr"))]
        for reader in self.readers:
            reader.start()

    def _read(self, stream, name):
        for raw in iter(stream.readline, b""):
            now = time.perf_counter()
            with self.changed:
                self.lines.append((now, name, raw.decode("utf-8", "replace").rstrip("\r\n")))
                self.changed.notify_all()
        with self.changed:
            self.changed.notify_all()

    def wait_line(self, pattern, start_index=0, timeout=30.0, stream="stdout"):
        """The first line of `stream` from `start_index` on that matches `pattern`:
        (perf_counter, match, index), or None after `timeout` s or when the process ended."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        index = start_index
        with self.changed:
            while True:
                while index < len(self.lines):
                    when, name, text = self.lines[index]
                    index += 1
                    if name == stream:
                        match = regex.search(text)
                        if match:
                            return when, match, index
                left = deadline - time.monotonic()
                if left <= 0 or (self.process.poll() is not None and not any(r.is_alive() for r in self.readers)):
                    return None
                self.changed.wait(min(left, 0.5))

    def count(self):
        with self.changed:
            return len(self.lines)

    def tail(self, count=30):
        with self.changed:
            return "\n".join(f"[{name}] {text}" for _, name, text in self.lines[-count:])

    def peak_memory_mib(self):
        """VmHWM, the process's peak resident memory so far, in MiB (None when unreadable)."""
        try:
            with open(f"/proc/{self.process.pid}/status", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            return None
        return None

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                log(f"  {self.command[0]} did not stop on SIGTERM within 15 s: killed")
                self.process.kill()
                self.process.wait()
        for reader in self.readers:
            reader.join(timeout=5)
        return self.process.returncode


# --------------------------------------------------------------------------------------------
# reload notifications: server-sent events (Chronicle) and Hugo's livereload websocket
# --------------------------------------------------------------------------------------------

class EventStream(threading.Thread):
    """Reads `GET path` as a text/event-stream; puts (perf_counter, event name) on `events` the
    moment each `event:` line arrives; each whole event (name, data), once its blank line has
    come, is appended to `completed`, for the figures its data reports."""

    def __init__(self, host, port, path):
        super().__init__(daemon=True)
        self.events = queue.Queue()
        self.connected = threading.Event()
        self.failure = None
        self.host, self.port, self.path = host, port, path
        self.content_type = None
        self.last_data = {}
        self.completed = []

    def run(self):
        try:
            connection = http.client.HTTPConnection(self.host, self.port, timeout=None)
            connection.request("GET", self.path, headers={"Accept": "text/event-stream", "Cache-Control": "no-cache"})
            response = connection.getresponse()
            self.content_type = response.getheader("Content-Type", "")
            if response.status != 200:
                raise RuntimeError(f"GET {self.path}: HTTP {response.status}")
            self.connected.set()
            name, data = None, []
            while True:
                raw = response.readline()  # de-chunks when the server sends chunks
                if not raw:
                    raise RuntimeError("the event stream ended")
                now = time.perf_counter()
                line = raw.decode("utf-8", "replace").rstrip("\r\n")
                if line.startswith("event:"):
                    name = line[6:].strip()
                    self.events.put((now, name))
                elif line.startswith("data:"):
                    data.append(line[5:].strip())
                elif not line:
                    if name:
                        self.last_data[name] = "\n".join(data)
                        self.completed.append((name, "\n".join(data)))
                    name, data = None, []
        except Exception as error:  # reported by the waiting side
            self.failure = f"{type(error).__name__}: {error}"
            self.connected.set()
            self.events.put((time.perf_counter(), None))


class LiveReloadSocket(threading.Thread):
    """A minimal websocket client of Hugo's /livereload: puts (perf_counter, text) on `events` for
    every text message the server sends (it broadcasts a `reload` command after a rebuild)."""

    def __init__(self, host, port, path="/livereload"):
        super().__init__(daemon=True)
        self.events = queue.Queue()
        self.connected = threading.Event()
        self.failure = None
        self.host, self.port, self.path = host, port, path

    def _exactly(self, sock, count, buffer):
        while len(buffer) < count:
            chunk = sock.recv(65536)
            if not chunk:
                raise RuntimeError("the websocket closed")
            buffer += chunk
        return buffer[:count], buffer[count:]

    def run(self):
        try:
            sock = socket.create_connection((self.host, self.port))
            key = base64.b64encode(os.urandom(16)).decode("ascii")
            sock.sendall((f"GET {self.path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nUpgrade: websocket\r\n"
                          f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
                         .encode("ascii"))
            buffer = b""
            while b"\r\n\r\n" not in buffer:
                chunk = sock.recv(65536)
                if not chunk:
                    raise RuntimeError("no websocket handshake answer")
                buffer += chunk
            head, buffer = buffer.split(b"\r\n\r\n", 1)
            if b" 101 " not in head.split(b"\r\n", 1)[0]:
                status_line = head.split(b"\r\n", 1)[0].decode("latin-1")
                raise RuntimeError(f"websocket handshake refused: {status_line}")
            # The livereload protocol's greeting; Hugo answers it, and broadcasts reloads anyway.
            hello = json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}).encode()
            mask = os.urandom(4)
            sock.sendall(bytes([0x81, 0x80 | len(hello)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(hello)))
            self.connected.set()
            while True:
                header, buffer = self._exactly(sock, 2, buffer)
                now = time.perf_counter()
                opcode, length = header[0] & 0x0F, header[1] & 0x7F
                if length == 126:
                    extended, buffer = self._exactly(sock, 2, buffer)
                    length = int.from_bytes(extended, "big")
                elif length == 127:
                    extended, buffer = self._exactly(sock, 8, buffer)
                    length = int.from_bytes(extended, "big")
                payload, buffer = self._exactly(sock, length, buffer)
                if opcode == 0x8:
                    raise RuntimeError("the websocket closed")
                if opcode == 0x1:
                    self.events.put((now, payload.decode("utf-8", "replace")))
        except Exception as error:
            self.failure = f"{type(error).__name__}: {error}"
            self.connected.set()
            self.events.put((time.perf_counter(), None))


def drain(events):
    """Everything waiting on a queue."""
    items = []
    while True:
        try:
            items.append(events.get_nowait())
        except queue.Empty:
            return items


# --------------------------------------------------------------------------------------------
# the edited post and its page
# --------------------------------------------------------------------------------------------

def newest_post(site):
    """The newest English post that is not a draft: (path, its page's URL path)."""
    newest = None
    for path in glob.glob(os.path.join(site, "content", "posts", "*", "*", "index.en.md")):
        with open(path, encoding="utf-8") as handle:
            head = handle.read(4096)
        if re.search(r"^draft:\s*true", head, re.M):
            continue
        date = re.search(r"^date:\s*(\S+)", head, re.M)
        key = (date.group(1) if date else "", path)
        if newest is None or key > newest:
            newest = key
    if newest is None:
        sys.exit(f"no English post in {site}/content/posts")
    path = newest[1]
    bundle = os.path.relpath(os.path.dirname(path), os.path.join(site, "content"))
    return path, "/" + bundle.replace(os.sep, "/") + "/"


def get(host, port, path, timeout=10.0):
    """(status, body) of one GET on a fresh connection."""
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Cache-Control": "no-cache"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def write_in_place(path, data):
    """The edit as an editor that saves in place makes it: truncate, one write, close."""
    descriptor = os.open(path, os.O_WRONLY | os.O_TRUNC)
    try:
        os.write(descriptor, data)
    finally:
        os.close(descriptor)


def chronicle_own_ms(events, start):
    """The rebuild time Chronicle's first reload event from `completed[start]` on reports in its
    data (`"ms"`), once that event is complete (it is by the time the page is new); or None."""
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        for name, data in events.completed[start:]:
            if name == "reload":
                try:
                    value = json.loads(data).get("ms")
                except (ValueError, AttributeError):
                    return None
                return float(value) if isinstance(value, (int, float)) else None
        time.sleep(0.005)
    return None


def keep_alive_get(host, port, url, count=10):
    """Milliseconds of `count` GETs of `url` one after another on one keep-alive connection (the
    first, which opens it, not counted): small writes held back by Nagle's algorithm against
    the client's delayed ACKs show as some 40 ms each."""
    connection = http.client.HTTPConnection(host, port, timeout=10)
    times = []
    try:
        for index in range(count + 1):
            start = time.perf_counter()
            connection.request("GET", url)
            response = connection.getresponse()
            response.read()
            if index:
                times.append(1000 * (time.perf_counter() - start))
    finally:
        connection.close()
    return times


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --------------------------------------------------------------------------------------------
# one tool on one corpus
# --------------------------------------------------------------------------------------------

def start_chronicle(args, site, work):
    command = [args.chronicle, "serve", "--source", site, "--port", "0", "--bind", "127.0.0.1"]
    server = Server(command)
    ready = server.wait_line(r"^serving http://([^/:\s]+):(\d+)/", timeout=READY_TIMEOUT)
    if ready is None:
        server.stop()
        sys.exit(f"chronicle serve did not print 'serving http://HOST:PORT/' within {READY_TIMEOUT} s:\n{server.tail()}")
    when, match, _ = ready
    host = match.group(1)
    host = "127.0.0.1" if host in ("localhost", "0.0.0.0") else host
    return server, command, host, int(match.group(2)), when


def start_hugo(args, site, work):
    port = free_port()
    command = [args.hugo, "server", "--source", site, "--port", str(port), "--bind", "127.0.0.1"] + hugo_theme_args(work)
    if args.hugo_full_render:
        command.append("--disableFastRender")
    server = Server(command, env=hugo_env(work))
    ready = server.wait_line(r"Web Server is available at http://[^:/]+:(\d+)/", timeout=READY_TIMEOUT)
    if ready is None:
        server.stop()
        sys.exit(f"hugo server did not get ready within {READY_TIMEOUT} s:\n{server.tail()}")
    when, match, _ = ready
    return server, command, "127.0.0.1", int(match.group(1)), when


def wait_page(host, port, url, marker, timeout):
    """The perf_counter at which a GET of `url` first returns `marker` (polled every 2 ms), or None."""
    deadline = time.perf_counter() + timeout
    while True:
        try:
            status, body = get(host, port, url)
        except OSError:
            status, body = None, b""
        now = time.perf_counter()
        if status == 200 and marker in body:
            return now
        if now > deadline:
            return None
        time.sleep(0.002)


def measure(tool, args, posts, site, work):
    """Starts `tool`'s server on `site`, edits one post 1 + args.edits times; the result dict."""
    post, url = newest_post(site)
    with open(post, "rb") as handle:
        original = handle.read()
    result = {"tool": tool, "posts": posts, "post": os.path.relpath(post, site), "url": url,
              "reload": [], "page": [], "own": [], "detected": [], "livereload": [],
              "failed": 0, "extra": 0, "notes": []}
    launched = time.perf_counter()
    if tool == "chronicle":
        server, command, host, port, ready = start_chronicle(args, site, work)
    else:
        server, command, host, port, ready = start_hugo(args, site, work)
    result["command"] = " ".join(command)
    result["startup"] = ready - launched
    log(f"  {tool}: ready after {result['startup']:.2f} s at http://{host}:{port}/ (pid {server.process.pid})")
    try:
        events = socket_events = None
        if tool == "chronicle":
            events = EventStream(host, port, "/_chronicle/events")
        else:
            events = socket_events = LiveReloadSocket(host, port)
        events.start()
        if not events.connected.wait(10) or events.failure:
            if tool == "chronicle":
                sys.exit(f"chronicle: could not subscribe to /_chronicle/events: {events.failure}\n{server.tail()}")
            result["notes"].append(f"Hugo's livereload websocket not reachable ({events.failure}): "
                                   "only its log line is timed")
            socket_events = None
        if tool == "chronicle" and "text/event-stream" not in (events.content_type or ""):
            result["notes"].append(f"/_chronicle/events answered Content-Type {events.content_type!r}")
        status, _ = get(host, port, url)
        if status != 200:
            sys.exit(f"{tool}: GET {url} answered HTTP {status}, not 200\n{server.tail()}")
        time.sleep(0.5)

        for edit in range(0 if args.wrk_only else args.edits + 1):
            counted = edit > 0
            marker = f"benchmark{tool}{posts}edit{edit}marker".encode()
            data = original.rstrip(b"\n") + b"\n\nThis sentence was changed by the benchmark, edit " + \
                str(edit).encode() + b": " + marker + b".\n"
            if events:
                drain(events.events)
            line_index = server.count()
            completed_index = len(events.completed) if tool == "chronicle" else 0
            before = time.perf_counter()
            write_in_place(post, data)
            own = None
            if tool == "chronicle":
                reloaded = None
                deadline = before + args.timeout
                while reloaded is None:
                    try:
                        when, name = events.events.get(timeout=max(0.0, deadline - time.perf_counter()))
                    except queue.Empty:
                        break
                    if name is None:
                        sys.exit(f"chronicle: the event stream failed: {events.failure}\n{server.tail()}")
                    if name == "reload":
                        reloaded = when
                    elif name == "error":
                        result["notes"].append(f"edit {edit}: event: error {events.last_data.get('error', '')[:200]}")
                        break
            else:
                found = server.wait_line(r"Total in (\d+(?:\.\d+)?) ms", line_index, timeout=args.timeout)
                reloaded = found[0] if found else None
                own = float(found[1].group(1)) if found else None
                detected = server.wait_line(r"Change detected, rebuilding site", line_index, timeout=0)
            if reloaded is None:
                result["failed"] += 1
                result["notes"].append(f"edit {edit}: no reload within {args.timeout:g} s")
                log(f"    edit {edit}: no reload within {args.timeout:g} s\n{server.tail(10)}")
                time.sleep(args.pause)
                continue
            shown_page = wait_page(host, port, url, marker, timeout=args.timeout)
            if tool == "chronicle" and reloaded is not None:
                own = chronicle_own_ms(events, completed_index)
            livereload = None
            if socket_events is not None:
                try:
                    when, text = socket_events.events.get(timeout=2.0)
                    livereload = when if text is not None else None
                except queue.Empty:
                    pass
            time.sleep(args.pause)
            # More than one reload for one write: the later ones arrived during the pause.
            if tool == "chronicle":
                extra = sum(1 for _, name in drain(events.events) if name == "reload")
            else:
                extra = 0
                index = found[2]
                while server.wait_line(r"Total in \d+", index, timeout=0):
                    extra += 1
                    index = server.wait_line(r"Total in \d+", index, timeout=0)[2]
            if shown_page is None:
                result["failed"] += 1
                result["notes"].append(f"edit {edit}: the page never showed the new text")
            label = "warm-up" if not counted else f"edit {edit}/{args.edits}"
            text = f"    {posts} posts, {tool}, {label}: write -> reload {1000 * (reloaded - before):.1f} ms"
            if shown_page is not None:
                text += f", -> new page {1000 * (shown_page - before):.1f} ms"
            if own is not None:
                text += f", {'Hugo' if tool == 'hugo' else 'Chronicle'}'s own {own:g} ms"
            if tool == "hugo" and detected:
                text += f", -> 'Change detected' {1000 * (detected[0] - before):.1f} ms"
            if livereload is not None:
                text += f", -> livereload message {1000 * (livereload - before):.1f} ms"
            if extra:
                text += f", {extra} extra reload{'s' * (extra > 1)}"
            log(text)
            if not counted:
                continue
            result["extra"] += extra
            result["reload"].append(1000 * (reloaded - before))
            if shown_page is not None:
                result["page"].append(1000 * (shown_page - before))
            if own is not None:
                result["own"].append(own)
            if tool == "hugo" and detected:
                result["detected"].append(1000 * (detected[0] - before))
            if livereload is not None:
                result["livereload"].append(1000 * (livereload - before))
        result["memory"] = server.peak_memory_mib()
        if tool == "chronicle":
            result["event_data"] = events.last_data.get("reload")
        if args.wrk and posts == args.wrk_posts:
            result["keep_alive"] = keep_alive_get(host, port, url)
            result["wrk"] = run_wrk(args, host, port, url)
            result["memory_after_wrk"] = server.peak_memory_mib()
    finally:
        code = server.stop()
        with open(post, "wb") as handle:
            handle.write(original)
    if code not in (0, -signal.SIGTERM, 128 + signal.SIGTERM):
        result["notes"].append(f"exit status {code} after SIGTERM")
    return result


# --------------------------------------------------------------------------------------------
# wrk
# --------------------------------------------------------------------------------------------

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def run_wrk(args, host, port, url):
    """wrk's figures for `url`: requests/s, errors, latency percentiles in ms, and its output."""
    command = ["wrk", "-c", str(args.wrk_connections), "-t", str(args.wrk_threads), "-d", args.wrk_duration,
               "--latency", f"http://{host}:{port}{url}"]
    log(f"  {' '.join(command)}")
    output = subprocess.run(command, capture_output=True, text=True).stdout
    figures = {"command": " ".join(command), "output": output, "percentiles": {}}
    match = re.search(r"Requests/sec:\s*([\d.]+)", output)
    figures["rps"] = float(match.group(1)) if match else None
    match = re.search(r"(\d+) requests in ([\d.]+\w+)", output)
    figures["requests"] = int(match.group(1)) if match else None
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    figures["socket_errors"] = sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["non_2xx"] = int(non_2xx.group(1)) if non_2xx else 0
    distribution = output.split("Latency Distribution", 1)[-1]
    for percent, value, unit in re.findall(r"^\s*(\d+)%\s+([\d.]+)(us|ms|s|m)\s*$", distribution, re.M):
        figures["percentiles"][int(percent)] = float(value) * UNITS[unit]
    if figures["rps"] is None:
        figures["failure"] = output.strip() or "no output"
    return figures


# --------------------------------------------------------------------------------------------
# the report
# --------------------------------------------------------------------------------------------

def spread(values, digits=0):
    """"median (min-max)" of a list of ms, or "-"."""
    if not values:
        return "-"
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", default="1000,10000", help="comma-separated corpus sizes (posts)")
    parser.add_argument("--edits", type=int, default=10, help="counted edits per tool and size (after one warm-up)")
    parser.add_argument("--pause", type=float, default=0.3, help="seconds between one edit's reload and the next write")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for one reload")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated: chronicle, hugo")
    parser.add_argument("--chronicle", default=os.path.join(ROOT, ".build", "release", "chronicle"))
    parser.add_argument("--hugo", default="hugo")
    parser.add_argument("--hugo-full-render", action="store_true",
                        help="run hugo server with --disableFastRender (every page re-rendered on a change)")
    parser.add_argument("--scratch", default=tempfile.gettempdir(),
                        help="where the corpus copies go (default: the temporary folder, on disk)")
    parser.add_argument("--wrk", action="store_true", help="also load-test the --wrk-posts size with wrk")
    parser.add_argument("--wrk-only", action="store_true", help="only the wrk load test (implies --wrk; no timed edits)")
    parser.add_argument("--wrk-posts", type=int, default=None,
                        help="the size wrk loads (default: 1000 when measured, else the first size)")
    parser.add_argument("--wrk-connections", type=int, default=64)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--wrk-duration", default="10s")
    args = parser.parse_args()
    sizes = [int(size) for size in args.posts.split(",")]
    if args.wrk_posts is None:
        args.wrk_posts = 1000 if 1000 in sizes else sizes[0]
    if args.wrk_only:
        args.wrk, args.edits = True, 0
        sizes = [args.wrk_posts]
    tools = [tool.strip() for tool in args.tools.split(",") if tool.strip()]
    if not tools or any(tool not in TOOLS for tool in tools):
        parser.error(f"--tools takes a comma-separated list of {', '.join(TOOLS)}")
    args.chronicle = os.path.abspath(args.chronicle)
    if "chronicle" in tools:
        if not os.access(args.chronicle, os.X_OK):
            sys.exit(f"{args.chronicle} not found: run 'make build' first")
        # An unknown subcommand's --help prints the top-level help, with status 0.
        probe = subprocess.run([args.chronicle, "serve", "--help"], capture_output=True, text=True)
        if probe.returncode != 0 or "--port" not in probe.stdout + probe.stderr:
            sys.exit(f"{shown(args.chronicle)} has no 'serve' command ('serve --help' does not mention --port): "
                     "build a commit that has it")
    if "hugo" in tools and shutil.which(args.hugo) is None:
        sys.exit("hugo not found: apt-get install -y hugo")
    if args.wrk and shutil.which("wrk") is None:
        sys.exit("wrk not found: apt-get install -y wrk")

    print(f"machine   {os.cpu_count()} cores, {os.uname().sysname} {os.uname().release}; "
          f"servers, this script and wrk share them")
    if "chronicle" in tools:
        print(f"chronicle {shown(args.chronicle)} (commit {commit()})")
    if "hugo" in tools:
        print(f"hugo      {version([args.hugo, 'version'])}, theme bench/{THEME}"
              f"{', --disableFastRender' if args.hugo_full_render else ', default fast render mode'}")
    if args.wrk:
        print(f"wrk       {version(['wrk', '--version'])}")
    if not args.wrk_only:
        print(f"each size: a copy of .build-bench/corpus-N in {args.scratch}; per tool one server, one warm-up edit, "
              f"then {args.edits} edits of the newest English post, {args.pause:g} s apart")
        print("write -> reload: perf_counter just before the write to the arrival of chronicle's SSE `event: reload`"
              " line / hugo's `Total in N ms` stdout line")
        print("write -> new page: to the first GET of the post's page (sent after the reload, every 2 ms) "
              "that returns the new text")
    print(flush=True)

    results = []
    finished = []
    try:
        for posts in sizes:
            cached = corpus(posts)
            work = tempfile.mkdtemp(prefix="chronicle-bench-serve-", dir=args.scratch)
            finished.append(work)
            site = os.path.join(work, "site")
            log(f"copying {shown(cached)} to {site} …")
            shutil.copytree(cached, site, symlinks=True)
            os.sync()
            for tool in tools:
                log(f"{posts} posts, {tool}:")
                results.append(measure(tool, args, posts, site, work))
                os.sync()
    finally:
        # The copies go when every size is done, as in bench_build.py: deleting thousands of
        # files slows the next file creations on some file systems for a minute or more.
        for work in finished:
            shutil.rmtree(work, ignore_errors=True)

    if not args.wrk_only:
        print("| posts | tool | edits | write -> reload, ms | write -> new page, ms | tool's own report, ms "
              "| ready after start, s | peak memory, MiB |")
        print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for result in results:
            counted = len(result["reload"])
            edits = f"{counted}" + (f" ({result['failed']} failed)" if result["failed"] else "")
            memory = f"{result['memory']:.0f}" if result.get("memory") else "-"
            print(f"| {result['posts']:,} | {result['tool']} | {edits} | {spread(result['reload'], 1)} "
                  f"| {spread(result['page'], 1)} | {spread(result['own'])} | {result['startup']:.2f} | {memory} |")
        print("\nmedian (min-max) of the counted edits; the tools' own reports: chronicle's `ms` in its reload "
              "event's data, hugo's `Total in N ms`, both from the start of the rebuild, not from the write")
        for result in results:
            if result["tool"] == "hugo":
                if result["detected"]:
                    print(f"hugo, {result['posts']:,} posts: write -> `Change detected` line {spread(result['detected'], 1)} ms "
                          "(its watcher hands file events over every 500 ms)")
                if result["livereload"]:
                    print(f"hugo, {result['posts']:,} posts: write -> livereload websocket message "
                          f"{spread(result['livereload'], 1)} ms")
            if result["extra"]:
                print(f"{result['tool']}, {result['posts']:,} posts: {result['extra']} extra reloads for "
                      f"{len(result['reload'])} writes")
            for note in result["notes"]:
                print(f"{result['tool']}, {result['posts']:,} posts: {note}")
        for posts in sizes:
            first = next((r for r in results if r["posts"] == posts), None)
            if first:
                print(f"{posts:,} posts: edited {first['post']}, page {first['url']}")
        for result in results:
            if result["posts"] == sizes[0]:
                print(f"  {result['command']}")
        for result in results:
            if result.get("event_data"):
                print(f"chronicle, {result['posts']:,} posts, the last reload event's data: {result['event_data'][:300]}")

        medians = {(r["posts"], r["tool"]): statistics.median(r["reload"]) for r in results if r["reload"]}
        print("\n| posts | Chronicle write -> reload | target | Hugo write -> rebuild line | Chronicle / Hugo |")
        print("| ---: | ---: | --- | ---: | ---: |")
        for posts in sizes:
            ours, theirs = medians.get((posts, "chronicle")), medians.get((posts, "hugo"))
            target = TARGETS_MS.get(posts)
            verdict = "-" if ours is None or target is None else f"<= {target} ms {'OK' if ours <= target else 'MISS'}"
            ratio = f"{ours / theirs:.3f}" if ours is not None and theirs else "-"
            print(f"| {posts:,} | {f'{ours:.1f} ms' if ours is not None else '-'} | {verdict} "
                  f"| {f'{theirs:.0f} ms' if theirs is not None else '-'} | {ratio} |")

    wrk_results = [r for r in results if "wrk" in r]
    if wrk_results:
        print(f"\n| wrk, {args.wrk_posts:,} posts | requests/s | requests | errors (socket + non-2xx/3xx) | p50 ms | p90 ms "
              "| p99 ms | peak memory after, MiB | one keep-alive connection, ms per GET |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for result in wrk_results:
            figures = result["wrk"]
            if figures.get("failure"):
                print(f"| {result['tool']} | wrk failed: {figures['failure'][:200]} | | | | | | | |")
                continue
            p = figures["percentiles"]
            cell = lambda key: f"{p[key]:.2f}" if key in p else "-"
            errors = figures["socket_errors"] + figures["non_2xx"]
            memory = f"{result['memory_after_wrk']:.0f}" if result.get("memory_after_wrk") else "-"
            print(f"| {result['tool']} | {figures['rps']:,.0f} | {figures['requests']:,} "
                  f"| {errors} ({figures['socket_errors']} + {figures['non_2xx']}) "
                  f"| {cell(50)} | {cell(90)} | {cell(99)} | {memory} | {spread(result['keep_alive'], 1)} |")
        print(f"\n{wrk_results[0]['wrk']['command'].rsplit(' ', 1)[0]} http://127.0.0.1:PORT{wrk_results[0]['url']}, "
              "wrk and the server on the same cores; errors target: 0")
        print("one keep-alive connection: 10 GETs of the page in a row on one connection, median (min-max), "
              "before wrk; about 40 ms each means the server's small writes wait for the client's delayed ACK "
              "(Nagle's algorithm: no TCP_NODELAY)")


if __name__ == "__main__":
    main()
