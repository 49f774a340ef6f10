"""Headless Chromium through Selenium, shared by the browser tests (browser_test.py, theme_test.py).

browser() starts a driver (optionally with JavaScript off and with Chrome's performance log for
the network events); set_view() sets the viewport and the emulated colour scheme;
PageRequests reads the performance log into the requests a page made and how each ended.
"""
import json
import os
import shutil
import time
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def browser(javascript=True, network_log=False):
    options = Options()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-gpu")
    options.add_argument("--hide-scrollbars")
    options.add_argument("--disable-dev-shm-usage")
    # No phoning home of Chromium's own (component updates, safe browsing): what the network log
    # shows is what the page asked for.
    options.add_argument("--disable-background-networking")
    options.add_argument("--disable-component-update")
    options.add_argument("--no-first-run")
    prefs = {"browser": "ALL"}
    if network_log:
        prefs["performance"] = "ALL"
    options.set_capability("goog:loggingPrefs", prefs)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser"]:
        if os.path.exists(candidate):
            options.binary_location = candidate
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_script_timeout(60)
    return driver


def set_view(driver, width, height, scheme):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def wait_for(condition, timeout=10.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if condition():
                return True
        except Exception:
            pass
        time.sleep(0.05)
    return False


class Request:
    def __init__(self, url, kind):
        self.url = url
        self.kind = kind        # Network resource type: Document, Stylesheet, Image, Script, ...
        self.status = None      # HTTP status of the final response
        self.error = None       # net::ERR_... when it failed on the network

    @property
    def host(self):
        return urlsplit(self.url).hostname

    def is_network(self):
        return urlsplit(self.url).scheme in ("http", "https", "ws", "wss")

    def __repr__(self):
        outcome = self.error or self.status
        return f"{self.url} [{self.kind}: {outcome}]"


def read_requests(driver):
    """Every request in the performance log since the last read, in the order they were sent.
    Redirects count as one request (its final status). Requests the browser cancelled itself
    (a navigation away) are left out: nothing failed."""
    requests = {}
    order = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, params = message.get("method"), message.get("params", {})
        ident = params.get("requestId")
        if method == "Network.requestWillBeSent":
            if ident not in requests:
                order.append(ident)
            requests[ident] = Request(params["request"]["url"], params.get("type", "?"))
        elif method == "Network.responseReceived" and ident in requests:
            requests[ident].status = params["response"]["status"]
        elif method == "Network.loadingFailed" and ident in requests:
            if params.get("canceled"):
                requests.pop(ident)
            else:
                requests[ident].error = params.get("blockedReason") or params.get("errorText", "failed")
    return [requests[i] for i in order if i in requests]


def failed(requests):
    return [r for r in requests if r.is_network() and (r.error is not None or (r.status or 0) >= 400)]


def foreign(requests, allowed_host="127.0.0.1"):
    return [r for r in requests if r.is_network() and r.host != allowed_host]
