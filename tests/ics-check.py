#!/usr/bin/python3
# ics-check.py
#
# Copyright 2026 The Linija developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A second reader of Linija's iCalendar export, apart from libical: Python's
# icalendar (Debian's python3-icalendar). Prints each VEVENT's UID, DTSTART
# and DTEND in UTC, tab-separated, one a line; exits 2 when an event's
# time has no zone, 3 when the module is missing.

import sys
from datetime import datetime, timezone

try:
    import icalendar
except ImportError:
    print("ics-check.py: Python's icalendar module is missing "
          "(Debian: apt-get install python3-icalendar)", file=sys.stderr)
    sys.exit(3)


def utc(value):
    if not isinstance(value, datetime) or value.tzinfo is None:
        print("ics-check.py: a time without a zone: %r" % (value,), file=sys.stderr)
        sys.exit(2)
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


with open(sys.argv[1], "rb") as f:
    calendar = icalendar.Calendar.from_ical(f.read())

for event in calendar.walk("VEVENT"):
    print("%s\t%s\t%s" % (event["UID"], utc(event["DTSTART"].dt), utc(event["DTEND"].dt)))
