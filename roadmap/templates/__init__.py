"""Built-in plan templates (YAML), shipped as package data as ``roadmap.templates``."""
