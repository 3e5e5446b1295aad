#!/usr/bin/python3
# test-gui-a11y.py
#
# Copyright 2026 The Linija developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the real Linija on its demo profile (`linija --demo`, unlocked
# without a passphrase) in English, Serbian (Cyrillic and Latin) and
# Romani, and finds the names of its four sections and of the Lock button
# through the AT-SPI accessibility tree — what a screen reader would read
# out. The expected names come from the compiled catalogues; a section name
# still in English where a translation is expected fails the test. Then,
# on a fresh data folder, the first start: every field of the
# create-profile page has a name.
#
# Needs a display and a session bus (build-aux/dev test runs the suite
# under Xvfb and dbus-run-session). Prints TAP.

import gettext
import os
import shutil
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

SECTIONS = ["Calls", "Directory", "Roster", "Reports"]
# the first start: the fields of the create-profile page and its button
CREATE_PAGE = ["Profile Name", "Passphrase", "Repeat the Passphrase", "Create Profile",
               "Passphrase strength"]
KNOWN = {"sr": "Позиви", "sr@latin": "Pozivi", "rom": "Akharimata"}
LANGUAGES = ["en", "sr", "sr@latin", "rom"]


def expected_names(lang):
    if lang == "en":
        return list(SECTIONS) + ["Lock"]
    t = gettext.translation("linija", os.environ["LINIJA_LOCALEDIR"], languages=[lang])
    names = [t.gettext(s) for s in SECTIONS]
    for source, name in zip(SECTIONS, names):
        if source == name:
            raise AssertionError(f"{lang}: “{source}” has no translation in the catalogue")
    if names[0] != KNOWN[lang]:
        raise AssertionError(f"{lang}: “Calls” is “{names[0]}”, expected “{KNOWN[lang]}”")
    # the button's name in the catalogue's words (English until translated)
    return names + [t.gettext("Lock")]


def find_app(pid, deadline):
    while time.monotonic() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except gi.repository.GLib.Error:
                pass
        time.sleep(0.2)
    return None


def collect_names(node, names, depth=0):
    if node is None or depth > 60:
        return
    try:
        name = node.get_name()
        if name:
            names.add(name)
        for i in range(node.get_child_count()):
            collect_names(node.get_child_at_index(i), names, depth + 1)
    except gi.repository.GLib.Error:
        pass


def check_names(args, lang, expected, data_home, absent=()):
    env = dict(os.environ)
    env["LANGUAGE"] = lang
    env["XDG_DATA_HOME"] = data_home
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)
    proc = subprocess.Popen([os.environ["LINIJA"]] + args, env=env)
    try:
        deadline = time.monotonic() + 30
        app = find_app(proc.pid, deadline)
        if app is None:
            return False, "Linija did not appear in the accessibility tree"
        names = set()
        while time.monotonic() < deadline:
            names.clear()
            collect_names(app, names)
            if all(n in names for n in expected):
                shown = [n for n in absent if n in names]
                if shown:
                    return False, f"a locked window names {shown}"
                return True, ", ".join(expected)
            time.sleep(0.3)
        missing = [n for n in expected if n not in names]
        return False, f"missing {missing}; the tree has {sorted(names)[:40]}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def with_data_home(check):
    data_home = tempfile.mkdtemp(prefix="linija-a11y-")
    try:
        return check(data_home)
    finally:
        shutil.rmtree(data_home, ignore_errors=True)


def check_language(lang):
    expected = expected_names(lang)
    return with_data_home(lambda home: check_names(["--demo"], lang, expected, home))


def check_create_page():
    # and, locked, nothing of the sections
    return with_data_home(lambda home: check_names([], "en", CREATE_PAGE, home, absent=SECTIONS))


def main():
    Atspi.init()
    checks = [(f"/a11y/sections/{lang}", lambda lang=lang: check_language(lang)) for lang in LANGUAGES]
    checks.append(("/a11y/create-profile/en", check_create_page))
    print(f"1..{len(checks)}")
    failed = 0
    for n, (name, check) in enumerate(checks, start=1):
        try:
            ok, detail = check()
        except Exception as e:  # a broken catalogue is a failure, not a crash
            ok, detail = False, str(e)
        print(f"{'ok' if ok else 'not ok'} {n} {name} # {detail}")
        failed += not ok
    sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
