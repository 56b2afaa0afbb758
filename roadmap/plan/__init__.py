"""The plan: the file format read with line numbers into a validated, immutable model."""
