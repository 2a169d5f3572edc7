#!/usr/bin/env bash
# Every check komsos has, in the order a reviewer would run them. CI runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
ruff check .
ruff format --check .
mypy
# everything, the long proofs too (`pytest` alone leaves out those marked slow); a later -m wins
pytest -m "slow or not slow" "$@"
