#!/usr/bin/env bash
# README command one: install dependencies, build, and start the app on its sandbox.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
build="${ECS_BUILD_DIR:-$root/build}"
# Until the desktop console and its built-in sandbox land, the command-line front end
# is what exists: show what it can do and which credential sources it finds.
"$build/app/ecs-rollback-cli" --help
"$build/app/ecs-rollback-cli" profiles
