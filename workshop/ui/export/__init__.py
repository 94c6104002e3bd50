"""Exporting the PDFs from the app: the worker, the dialog, the preview, printing."""
