"""The schedule: working-day calendar, council sessions and the scheduler's passes."""
