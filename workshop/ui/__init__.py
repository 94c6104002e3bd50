"""Everything PySide6.

PySide6's per-import source scan is skipped (``workshop.ui.qtstart``) as soon as PySide6
is imported: every module imported later, the session's models among them, is spared
it. The models themselves are not imported here: the window shows before them
(``workshop.ui.startup``). Here too, once for the whole process and before any Workshop
module calls Qt, PySide6 6.12.0's miscounted references to None, True and False get
their guard (``workshop.ui.canvas.qtguard``): the app, ``workshop render``, the tests
and the benchmarks all import this package before they use Qt.
"""

from workshop.ui.canvas.qtguard import guard_none_refcount
from workshop.ui.qtstart import skip_feature_scan

skip_feature_scan()
guard_none_refcount()
