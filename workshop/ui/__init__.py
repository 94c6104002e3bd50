"""Everything PySide6.

The Qt-free layers the first window needs are imported before PySide6, and PySide6's
per-import source scan is skipped (``workshop.ui.qtstart``): both only make the start
faster.
"""

import workshop.domain.model  # noqa: F401 (before PySide6: see workshop.ui.qtstart)
import workshop.storage.files  # noqa: F401
from workshop.ui.qtstart import skip_feature_scan

skip_feature_scan()
