"""The PDFs: the agreement and the roadmap, sealed so that ``verify`` can check them.

No Qt anywhere below this package, so the app runs exports on a session snapshot in
a worker thread and the command line runs them without a display. Entry points:

- ``agreement.export_agreement(session, AgreementOptions(...)) -> bytes``
- ``roadmap.export_roadmap(session, RoadmapOptions(...)) -> bytes``
- ``verify.verify_bytes(pdf_bytes, session | None) -> Report`` and ``report_lines``
- ``fonts.app_font_files()`` and ``fonts.UI_FAMILY``: the same family for the app
- ``agreement.signature_manifest(session, fingerprint)``: each signature, valid or void

Write the bytes with ``workshop.storage.files.write_atomic`` (atomic, owner-only).
"""
