"""The ``roadmap`` command line: a thin layer over the library."""
from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="roadmap")
def cli():
    """Smart-City-Fahrplan: plan, schedule and publish a kickoff roadmap."""


# ---- commands: check, schedule (engine) ---------------------------------------------


# ---- commands: build (Excel plan + HTML Gantt) ------------------------------------


# ---- commands: templates, new (template library) -----------------------------------


def main():
    cli()
