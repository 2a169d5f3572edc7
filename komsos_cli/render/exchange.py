"""Rich rendering for export and import (progress)."""
