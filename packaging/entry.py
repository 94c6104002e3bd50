"""The bundle's entry point: the same ``main()`` as ``python -m workshop``."""

import sys

from workshop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
