"""A built site as a reader gets it: `chronicle build` into a folder, served over HTTP on 127.0.0.1
as a static host serves it (index.html for a folder, the site's 404.html with status 404 for a
missing file: the language's own one, /de/404.html, under /de/).

Used by theme_test.py and check_html5.py.
"""
import http.server
import os
import re
import subprocess
import sys
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
# The two sites the theme is tried on: the example site of this checkout and the real Hugo blog.
SITES = [("example", ROOT), ("hugo-blog", os.path.join(SHARED, "corpus", "hugo-blog"))]

REDIRECT = re.compile(rb'<meta http-equiv="refresh"', re.I)


def build(binary, source, output, base_url=None):
    """Builds `source` into `output`; exits with the build's output when the build fails."""
    command = [binary, "build", "--source", source, "--output", output]
    if base_url:
        command += ["--base-url", base_url]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0 or not os.path.exists(os.path.join(output, "index.html")):
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result


def html_files(folder):
    """Every .html file under folder, as paths relative to it, sorted."""
    found = []
    for directory, _, files in os.walk(folder):
        for name in files:
            if name.endswith(".html"):
                found.append(os.path.relpath(os.path.join(directory, name), folder))
    return sorted(found)


def is_redirect(path):
    with open(path, "rb") as f:
        return REDIRECT.search(f.read(4096)) is not None


def url_path(relative):
    """The URL path a reader opens for an output file: /posts/x/ for posts/x/index.html."""
    relative = relative.replace(os.sep, "/")
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        root = self.directory
        first = self.path.lstrip("/").split("/", 1)[0]
        page = os.path.join(root, first, "404.html")
        if not first or not os.path.isfile(page):
            page = os.path.join(root, "404.html")
        if not os.path.isfile(page):
            return super().send_error(code, message, explain)
        with open(page, "rb") as f:
            body = f.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class StaticServer:
    """Serves a folder on 127.0.0.1 at a free port; the folder may be filled after start."""

    def __init__(self, folder):
        handler = lambda *args, **kwargs: _Handler(*args, directory=folder, **kwargs)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
