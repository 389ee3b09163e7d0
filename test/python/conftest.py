import sys
from pathlib import Path

# The test helpers live beside this file.
sys.path.insert(0, str(Path(__file__).parent))
