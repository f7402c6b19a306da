"""Test-only: log every socket a Python process (server or kernel) tries to open.

Put on PYTHONPATH with WORKBOOK_SOCKET_LOG set; the no-network test reads the log.
"""

import os
import sys

_LOG = os.environ.get("WORKBOOK_SOCKET_LOG")
_EVENTS = {"socket.connect", "socket.bind", "socket.sendto", "socket.getaddrinfo"}

if _LOG:

    def _audit(event, args):
        if event not in _EVENTS:
            return
        where = args[0] if event == "socket.getaddrinfo" else args[1]
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{os.getpid()}\t{event}\t{where!r}\n")

    sys.addaudithook(_audit)
