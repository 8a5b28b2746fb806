import os
import sys

# The tests import seed_app.py from this folder.
sys.path.insert(0, os.path.dirname(__file__))
