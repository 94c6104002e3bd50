"""Everything PySide6.

The Qt-free layers the first window needs are imported before PySide6, and PySide6's
per-import source scan is skipped (``workshop.ui.qtstart``): both only make the start
faster. Here too, once for the whole process and before any Workshop module calls Qt,
PySide6 6.12.0's miscounted references to None, True and False get their guard
(``workshop.ui.canvas.qtguard``): the app, ``workshop render``, the tests and the
benchmarks all import this package before they use Qt.
"""

import workshop.domain.model  # noqa: F401 (before PySide6: see workshop.ui.qtstart)
import workshop.storage.files  # noqa: F401
from workshop.ui.canvas.qtguard import guard_none_refcount
from workshop.ui.qtstart import skip_feature_scan

skip_feature_scan()
guard_none_refcount()
