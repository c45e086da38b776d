# test-a11y.py — walk the app's accessible tree and its Tab order with AT-SPI
# Copyright 2026 The Uppföljning authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by test-a11y.sh inside a private session bus (dbus-run-session). It
# starts the accessibility bus, a window manager (openbox, when installed:
# without one, focus does not come back to the main window after a dialog)
# and the app on the demo database, then, for each screen: the Overview, the
# Actions, an action's detail, the Reports, the report form, the
# preferences, the week picker and the shortcuts window,
#
#   * walks the accessible tree and fails on any focusable element that is
#     showing and has no real name (empty, or a GTK type name such as
#     "GtkFlowBoxChild"), a mnemonic underscore ("_Save") or the same text
#     twice ("Save Save");
#   * presses Tab, then Shift+Tab (xdotool), and fails when focus does not
#     move (a trap; on the first press it is the only Tab stop), when AT-SPI
#     reports nothing focused after a step, or when the walk does not come
#     round to where it started;
#   * fails when the app prints a GLib WARNING or CRITICAL.
#
# It prints the counts per screen and, with --report, every element.

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402
import pyatspi  # noqa: E402

TYPE_NAME = re.compile(r"^(Gtk|Adw|Gdk|Upp)[A-Z][A-Za-z]+$")
# A mnemonic: an underscore that starts a word ("_Save", "Import F_older",
# "_1"); one inside a file name ("report_w48.json") is text.
MNEMONIC = re.compile(r"(^|\s)\S*_[^\s_]")
FILE_NAME = re.compile(r"\S+\.(json|db|pdf)\b")

failures = []
children = []


def log(*args):
    print(*args, flush=True)


def fail(screen, message):
    failures.append(f"{screen}: {message}")
    log(f"  FAIL {message}")


def pump(seconds):
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if not context.iteration(False):
            time.sleep(0.01)


def key(*keys):
    subprocess.run(["xdotool", "key", "--clearmodifiers", *keys], check=True)


# --- the accessible tree ------------------------------------------------------

def states(acc):
    try:
        return acc.getState()
    except Exception:
        return None


def extents(acc):
    try:
        e = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return (e.x, e.y, e.width, e.height)
    except Exception:
        return None


# GTK 4.8 sets neither "showing" on widgets nor "hidden" on the pages of a
# stack that are not shown: a widget that was never mapped has an empty
# extent, but a view shown before keeps its old one. The views of the main
# window are told apart by the view switcher's selected tab.
hidden_views = set()


def is_showing(acc):
    e = extents(acc)
    if e is not None and (e[2] <= 0 or e[3] <= 0):
        return False
    return not any(same(acc, v) for v in hidden_views)


def find_hidden_views(window):
    hidden_views.clear()
    selected = None
    n_tabs = 0
    for acc in walk(window):
        if acc.getRoleName() != "page tab list":
            continue
        tabs = [acc.getChildAtIndex(i) for i in range(acc.childCount)]
        chosen = [i for i, tab in enumerate(tabs) if states(tab).contains(pyatspi.STATE_SELECTED)]
        if len(chosen) == 1:
            selected, n_tabs = chosen[0], len(tabs)
            break
    if selected is None:
        return
    for acc in walk(window):
        if acc.getRoleName() != "panel" or acc.childCount != n_tabs:
            continue
        kids = [acc.getChildAtIndex(i) for i in range(n_tabs)]
        box = extents(acc)
        if box is None or box[2] <= 0 or any(k is None for k in kids):
            continue
        sizes = [extents(k) for k in kids]
        if all(e == box or (e is not None and e[2] <= 0) for e in sizes) and \
                any(e == box for e in sizes) and n_tabs > 1:
            for i, kid in enumerate(kids):
                if i != selected:
                    hidden_views.add(kid)
            return


def walk(acc, depth=0):
    """Every showing accessible under acc, depth first."""
    if acc is None or depth > 80:
        return
    yield acc
    try:
        n = acc.childCount
    except Exception:
        return
    for i in range(n):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None and is_showing(child):
            yield from walk(child, depth + 1)


def describe(acc):
    try:
        return f"{acc.getRoleName()} “{acc.name}”"
    except Exception:
        return "(gone)"


def name_problem(name):
    name = (name or "").strip()
    if not name:
        return "no name"
    if TYPE_NAME.match(name):
        return f"named by its type “{name}”"
    if MNEMONIC.search(FILE_NAME.sub("", name)):
        return f"mnemonic underscore in “{name}”"
    words = name.split()
    half = len(words) // 2
    if half > 0 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return f"text twice in “{name}”"
    # A label added to a name that says it already: "Progress of A1
    # Progress", "Choose the reports folder Reports Folder".
    lower = [w.lower() for w in words]
    for k in range(1, min(3, len(words) // 2) + 1):
        tail = lower[-k:]
        if sum(len(w) for w in tail) >= 5 and any(lower[i:i + k] == tail
                                                  for i in range(len(lower) - 2 * k + 1)):
            return f"a label repeated at the end of “{name}”"
    return None


def description_problem(acc):
    """A description that points at labels saying nothing: a screen reader
    reads a pause, or the next thing, as the element's description."""
    try:
        relations = acc.getRelationSet()
    except Exception:
        return None
    for relation in relations:
        if relation.getRelationType() != pyatspi.RELATION_DESCRIBED_BY:
            continue
        texts = []
        for i in range(relation.getNTargets()):
            target = relation.getTarget(i)
            texts.append((target.name or "").strip() if target is not None else "")
        if texts and not any(texts):
            return f"described by an empty label (“{acc.name}”)"
    return None


def check_names(screen, root, report):
    checked = 0
    unnamed = 0
    for acc in walk(root):
        s = states(acc)
        if s is None or not s.contains(pyatspi.STATE_FOCUSABLE):
            continue
        checked += 1
        problem = name_problem(acc.name) or description_problem(acc)
        if report:
            log(f"    {'BAD ' if problem else 'ok  '}{describe(acc)}")
        if problem:
            unnamed += 1
            fail(screen, f"{acc.getRoleName()}: {problem}")
    log(f"  names: {checked} focusable elements checked, {unnamed} without a real name")
    return checked, unnamed


# --- focus ---------------------------------------------------------------------

class FocusTracker:
    def __init__(self):
        self.last = None
        self.events = 0
        pyatspi.Registry.registerEventListener(self.on_event, "object:state-changed:focused")

    def on_event(self, event):
        if event.detail1 == 1:
            self.last = event.source
            self.events += 1

    def wait(self, before, seconds=1.5):
        end = time.monotonic() + seconds
        context = GLib.MainContext.default()
        while time.monotonic() < end and self.events == before:
            if not context.iteration(False):
                time.sleep(0.005)
        # Let the rest of this step's events in (one widget after another).
        pump(0.08)


def find_focused(root):
    for acc in walk(root):
        s = states(acc)
        if s is not None and s.contains(pyatspi.STATE_FOCUSED):
            return acc
    return None


def same(a, b):
    if a is None or b is None:
        return False
    return a == b


def focused_now(tracker, root, before):
    tracker.wait(before)
    acc = tracker.last if tracker.events != before else None
    if acc is not None:
        s = states(acc)
        if s is not None and s.contains(pyatspi.STATE_FOCUSED):
            return acc
    return find_focused(root)


def walk_tab(screen, tracker, root, keyname, max_steps):
    """Press keyname until focus comes back round; return the stops."""
    stops = []
    first = None
    previous = find_focused(root)
    for step in range(max_steps):
        before = tracker.events
        key(keyname)
        acc = focused_now(tracker, root, before)
        if acc is None:
            fail(screen, f"{keyname} step {step + 1}: AT-SPI reports nothing focused "
                         f"(after {describe(previous) if previous else 'nothing'})")
            return stops
        if same(acc, previous):
            if step == 0:
                # The only Tab stop (the shortcuts window's search button):
                # a round of one, not a trap.
                return [acc]
            fail(screen, f"{keyname} step {step + 1}: focus stays on {describe(acc)} (a trap)")
            return stops
        if first is None:
            first = acc
        elif same(acc, first):
            return stops
        stops.append(acc)
        previous = acc
    fail(screen, f"{keyname}: focus did not come round in {max_steps} steps "
                 f"(a trap among {', '.join(describe(a) for a in stops[-3:])})")
    return stops


def check_tab(screen, tracker, root, max_steps, report):
    forward = walk_tab(screen, tracker, root, "Tab", max_steps)
    backward = walk_tab(screen, tracker, root, "shift+Tab", max_steps)
    log(f"  Tab: {len(forward)} stops; Shift+Tab: {len(backward)} stops")
    if report:
        for acc in forward:
            log(f"    → {describe(acc)}")
    return len(forward), len(backward)


# --- the app ---------------------------------------------------------------------

def find_app(name, seconds=30):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name:
                return app
        pump(0.2)
    return None


def active_window(app):
    for i in range(app.childCount):
        window = app.getChildAtIndex(i)
        s = states(window)
        if s is not None and s.contains(pyatspi.STATE_ACTIVE):
            return window
    return None


def wait_window(app, title, seconds=15):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        window = active_window(app)
        if window is not None and (title is None or window.name == title):
            return window
        pump(0.1)
    return None


def wait_new_window(app, old, seconds=15):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        window = active_window(app)
        if window is not None and not same(window, old):
            return window
        pump(0.1)
    return None


def wait_for(root, predicate, seconds=15):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for acc in walk(root):
            try:
                if predicate(acc):
                    return acc
            except Exception:
                pass
        pump(0.2)
    return None


def start(argv, env=None, **kwargs):
    process = subprocess.Popen(argv, env=env, start_new_session=True, **kwargs)
    children.append(process)
    return process


def stop_children():
    for process in reversed(children):
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--schemas", required=True)
    parser.add_argument("--demo", required=True)
    parser.add_argument("--report", action="store_true", help="list every element")
    parser.add_argument("--max-steps", type=int, default=300)
    args = parser.parse_args()
    report = args.report or os.environ.get("UPP_A11Y_REPORT") == "1"
    started = time.monotonic()

    tmp = tempfile.mkdtemp(prefix="upp-a11y-")
    env = dict(os.environ)
    for var in ("GTK_A11Y", "NO_AT_BRIDGE"):
        env.pop(var, None)
    env.update({
        "GSETTINGS_BACKEND": "memory",
        "GSETTINGS_SCHEMA_DIR": args.schemas,
        "GSK_RENDERER": "cairo",
        "GDK_DEBUG": "gl-disable",
        "UPP_DEMO_DIR": args.demo,
        "UPP_TODAY": "2026-11-27",
        "LANG": "C.UTF-8",
        "LANGUAGE": "",
        "LC_ALL": "C.UTF-8",
        "HOME": tmp,
        "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
        "XDG_DATA_HOME": os.path.join(tmp, "data"),
        "XDG_CACHE_HOME": os.path.join(tmp, "cache"),
        "G_DEBUG": "fatal-criticals",
    })
    db = os.path.join(tmp, "demo.db")
    subprocess.run([args.cli, "demo", "--db", db], env=env, check=True,
                   stdout=subprocess.DEVNULL)

    start(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"], env=env)
    if shutil.which("openbox"):
        start(["openbox", "--sm-disable"], env=env,
              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pump(1.0)

    app_log = open(os.path.join(tmp, "app.log"), "w+")
    app_process = start([args.app, "--db", db], env=env, stdout=app_log, stderr=app_log)
    try:
        tracker = FocusTracker()
        app = find_app("uppfoljning")
        if app is None:
            log("Bail out! the app did not appear on the accessibility bus")
            return 1
        run_screens(app, tracker, args, report)
        app_log.flush()
        app_log.seek(0)
        output = app_log.read()
        if output.strip():
            log("The app printed:")
            log(output)
        for line in output.splitlines():
            if "-WARNING **" in line or "-CRITICAL **" in line:
                failures.append(f"the app printed: {line.strip()}")
        if app_process.poll() is not None:
            failures.append(f"the app ended early (status {app_process.returncode})")
    finally:
        stop_children()
        shutil.rmtree(tmp, ignore_errors=True)

    log(f"{time.monotonic() - started:.0f} s")
    if failures:
        log(f"{len(failures)} failures:")
        for f in failures:
            log(f"  {f}")
        return 1
    log("ok")
    return 0


SUMMARY = []


def screen(name, root, tracker, args, report, tab=True):
    log(f"# {name}")
    if root is None:
        fail(name, "did not open")
        SUMMARY.append((name, 0, 0, 0))
        return
    find_hidden_views(root)
    checked, unnamed = check_names(name, root, report)
    stops = 0
    if tab:
        stops, _ = check_tab(name, tracker, root, args.max_steps, report)
    SUMMARY.append((name, checked, unnamed, stops))


def run_screens(app, tracker, args, report):
    window = wait_window(app, None, 30)
    if window is None:
        fail("start", "no active window")
        return
    # The dashboard is there once the key figures are.
    if wait_for(window, lambda a: a.getRoleName() == "image" and "Status" in (a.name or ""), 30) is None:
        pump(3)
    pump(1)
    log(f"start-up focus: {describe(find_focused(window))}")

    screen("Overview", window, tracker, args, report)

    key("alt+2")
    pump(1.5)
    screen("Actions", window, tracker, args, report)

    # An action's detail: the first row of the list, opened with Enter.
    row = wait_for(window, lambda a: a.getRoleName() in ("list item", "table row", "row header")
                   and states(a).contains(pyatspi.STATE_FOCUSABLE), 5)
    opened = False
    if row is not None:
        # Tab to the list, then Enter.
        for _ in range(args.max_steps):
            before = tracker.events
            key("Tab")
            acc = focused_now(tracker, window, before)
            if acc is not None and acc.getRoleName() in ("list item", "table row"):
                key("Return")
                pump(1.5)
                opened = True
                break
    if not opened:
        fail("Action detail", "could not open an action from the list")
    screen("Action detail", window, tracker, args, report)

    key("alt+3")
    pump(1.5)
    screen("Reports", window, tracker, args, report)

    key("alt+1")
    pump(1.0)

    key("ctrl+n")
    form = wait_new_window(app, window)
    pump(1.5)
    screen("Report form", form, tracker, args, report)
    if form is not None:
        key("Escape")
        pump(1.0)

    window = wait_window(app, None)
    key("ctrl+comma")
    prefs = wait_new_window(app, window)
    pump(1.0)
    screen("Preferences", prefs, tracker, args, report)
    if prefs is not None:
        key("Escape")
        pump(1.0)

    window = wait_window(app, None)
    popover = None
    # The week button, whatever its name: the button after "Previous week".
    week = None
    if True:
        items = [a for a in walk(window) if a.getRoleName() in ("push button", "toggle button")]
        for i, a in enumerate(items):
            if a.name == "Previous week" and i + 1 < len(items):
                week = items[i + 1]
                break
    if week is not None:
        # GTK 4.8 gives a menu button no AT-SPI action: click it.
        x, y, w, h = extents(week)
        subprocess.run(["xdotool", "getactivewindow", "mousemove", "--window", "%1",
                        str(x + w // 2), str(y + h // 2), "click", "1"], check=True)
        calendar = wait_for(window, lambda a: (a.name or "").startswith("Choose a day"), 5)
        if calendar is not None:
            popover = calendar
            while popover.parent is not None and not same(popover.parent, week):
                popover = popover.parent
    screen("Week picker", popover, tracker, args, report)
    key("Escape")
    pump(0.5)

    window = wait_window(app, None)
    key("ctrl+question")
    shortcuts = wait_new_window(app, window)
    pump(1.0)
    screen("Shortcuts", shortcuts, tracker, args, report)
    if shortcuts is not None:
        key("Escape")
        pump(0.5)

    log("")
    log(f"{'screen':<16} {'focusable':>9} {'unnamed':>8} {'Tab stops':>10}")
    for name, checked, unnamed, stops in SUMMARY:
        log(f"{name:<16} {checked:>9} {unnamed:>8} {stops:>10}")
    total = sum(s[1] for s in SUMMARY)
    bad = sum(s[2] for s in SUMMARY)
    log(f"{'all':<16} {total:>9} {bad:>8}")


if __name__ == "__main__":
    sys.exit(main())
