"""Plan templates: the built-in templates (YAML, shipped as package data) and the code that
reads them and writes a new plan from one.

- :mod:`~roadmap.templates.library`: find, read and check templates and option values;
- :mod:`~roadmap.templates.laender`: the Land profiles (``laender/<CODE>.yaml``): words,
  bodies, session rhythm and budget defaults of each Land (docs/laender.md);
- :mod:`~roadmap.templates.sessions`: the default council calendar of a new plan;
- :mod:`~roadmap.templates.newplan`: the text of a new plan, and writing it;
- :mod:`~roadmap.templates.wizard`: what ``roadmap new`` does besides asking;
- :mod:`~roadmap.templates.docs`: docs/templates.md (``python -m roadmap.templates.docs``).

A new template is a ``<id>.yaml`` here; nothing else needs to change.
"""
