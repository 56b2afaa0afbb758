"""Resource levelling on plain arrays: delay activities so that no resource is over its
capacity on any day, keeping every precedence lag and earliest start.

This module knows nothing about plans, calendars or dates. Time is a count of working
days (0, 1, 2, ...); an activity occupies the days ``start .. start + duration - 1``.
The caller (the scheduler) turns a plan into a :class:`Problem` and the result back into
dates.

The method is the one the literature on the resource-constrained project scheduling
problem (RCPSP, benchmark PSPLIB) has found to work:

* **Serial schedule generation** (Kelley 1963; Kolisch 1996): take the activities one at
  a time in an *activity list* order that respects the precedences and put each at the
  earliest day where its predecessors allow it and every resource has room for its whole
  duration. Every list gives a feasible schedule, and some list gives an optimal one.
* **Forward-backward improvement** / justification (Li & Willis 1992; Valls, Ballestín &
  Quintanilla 2005): schedule the activities again from the end, as late as possible, in
  order of their finish, then again from the start in order of those starts. This closes
  gaps and never makes the schedule longer.
* **Biased random sampling** over the latest-finish-time priority rule (regret-based,
  Kolisch & Drexl 1996) plus a few deterministic priority rules for the first lists.
* **A genetic algorithm on activity lists** (Hartmann 1998): two-point crossover that
  keeps lists precedence-feasible, swap mutation, survival of the best; every child is
  justified and the justified order replaces it (Valls et al. 2005).

The work per schedule is a few tight loops over small integer arrays. They run as plain
Python first and, once a problem needs more work than a town's plan does
(``search.PLAIN_WORK``), compiled by numba when it is installed (``kernels.compiled``),
with the same results either way: all random numbers are drawn in Python from one seeded
numpy generator and handed to the loops, so a seed always gives the same schedule.

Budget: a fixed number of generated schedules (each forward or backward pass counts as
one, the literature's measure), never a time limit, so that results do not depend on the
machine's speed.
"""
from roadmap.engine.levelling.kernels import COMPILED
from roadmap.engine.levelling.problem import (Problem, Result, capacity_profile, earliest_starts,
                                              load, lower_bound, violations)
from roadmap.engine.levelling.search import DEFAULT_BUDGET, DEFAULT_SEED, level

__all__ = ["COMPILED", "DEFAULT_BUDGET", "DEFAULT_SEED", "Problem", "Result", "capacity_profile",
           "earliest_starts", "level", "load", "lower_bound", "violations"]
