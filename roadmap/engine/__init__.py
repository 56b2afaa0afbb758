"""The schedule: a plan's packages placed on a working-day calendar and real council sessions.

The modules, lowest first; each imports only modules above it in this list (and
:mod:`roadmap.plan`, :mod:`roadmap.text`):

- ``result.py``: the :class:`Schedule` every writer reads (``ScheduledPackage``,
  ``Consultation``, ``Holiday``, ``Window``).
- ``calendar.py``: the working-day calendar as numpy day indices (holidays, closures,
  school holidays).
- ``timeaxis.py``: instant arithmetic on that calendar for whole arrays, with its exact
  inverses (``TimeAxis``; the terms ``Lag``, ``Span``, ``Reference``).
- ``progress.py``: what has happened by the status date (actual dates, % done) as arrays
  (``Tracking``); only for plans that record progress.
- ``network.py``: the plan as arrays and links, grouped into levels (``build_network``);
  with progress, finished work pinned and running work counted from the status date.
- ``sessions.py``: council sessions: a decision's Beratungsfolge, and when its Vorlage is due.
- ``passes.py``: the forward and backward passes, ``avoid`` windows, total and free float,
  each package's driving predecessor (``solve``).
- ``assemble.py``: from the passes' arrays to the ``Schedule``, with its diagnostics.
- ``scheduler.py``: ``schedule()``, the entry point: sizes the calendar, runs the steps in
  order and retries on a longer calendar when the schedule reaches its end.
- ``baseline.py``: a schedule frozen to a file (``roadmap baseline``), read back, and
  compared with a new schedule (``Comparison``, ``Schedule.baseline``).

Where coming features go:

- Resource levelling: ``engine/levelling.py``, an optional step that ``scheduler.py`` runs
  between ``solve()`` and ``assemble()``; it delays packages whose owners are overloaded,
  using ``TimeAxis`` for the working-day moves.
"""
