"""Runs Voila with settings that its command line cannot carry safely.

`--Voila.tornado_settings=allow_remote_access=False` arrives as the string "False",
which is truthy and would leave the Host check off; so the setting is given as config.
"""

from __future__ import annotations

import sys

from traitlets.config import Config

REMOTE_FLAG = "--allow-remote-access"


def main(argv: list[str] | None = None) -> None:
    """Start Voila with these arguments; the Host check stays on unless REMOTE_FLAG."""
    args = list(sys.argv[1:] if argv is None else argv)
    remote = REMOTE_FLAG in args
    args = [a for a in args if a != REMOTE_FLAG]
    from voila.app import Voila

    config = Config()
    config.Voila.tornado_settings = {"allow_remote_access": remote}
    Voila.launch_instance(argv=args, config=config)


if __name__ == "__main__":
    main()
