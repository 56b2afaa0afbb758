"""The ``roadmap`` command line: a thin layer over the library.

Each command reads its options, calls the library and prints what it returns; the texts
come from the catalog (``help.*``, ``new.*``, ``cli.*``). What stays here is what belongs
to a terminal: the questions of ``roadmap new``, stdout versus stderr, and exit statuses
(0 ok, 1 for errors in the plan or the given values).

- :mod:`roadmap.cli.app`: the command group, shared options, exits, :func:`main`;
- one module per group of commands, each registering its commands on the group.
"""
from roadmap.cli import (baseline_commands, exchange_commands, plan_commands,  # noqa: F401 (registers)
                         template_commands, tracking_commands)
from roadmap.cli.app import cli, main

__all__ = ["cli", "main"]
