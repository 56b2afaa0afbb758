"""The Excel plan: one module per sheet on top of shared styles and cell helpers."""
