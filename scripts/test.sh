#!/usr/bin/env bash
# README command two: install dependencies, build with warnings as errors, and run the
# whole suite inside a private D-Bus session with its own unlocked keyring (so tests
# never touch the user's real keychain).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" -DECS_WARNINGS_AS_ERRORS=ON "$@"
build="${ECS_BUILD_DIR:-$root/build}"
# Only read by sanitizer builds (-DECS_SANITIZE=ON): third-party leaks we cannot fix.
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
exec "$root/scripts/with-private-keyring.sh" \
    ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" --timeout 600
