#!/usr/bin/env bash
# README command one: install dependencies, build, and start the app on its sandbox.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
build="${ECS_BUILD_DIR:-$root/build}"
# The command-line front end shows the whole job on the built-in sandbox (the ECS
# emulator in-process, demo scenario, no cloud account), then the desktop console opens
# on it. Each invocation starts a fresh sandbox; the journal is the user's real one.
cli="$build/app/ecs-rollback-cli"
"$cli" --help
echo
echo "== Regions of the sandbox =="
"$cli" regions --sandbox
echo
echo "== Instance snapshots in cn-hangzhou (ID, name, instance, status, disks) =="
"$cli" instance-snapshots --sandbox --region cn-hangzhou
echo
echo
echo "== Check the preconditions of rolling back instance snapshot ssg-demo-running (blocked: running) =="
"$cli" check ssg-demo-running --sandbox --region cn-hangzhou || echo "(exit code $?: preconditions not met, as expected)"
echo
echo "== Roll back ssg-demo-healthy on the sandbox: safety snapshot, re-check, dry run, rollback, start =="
"$cli" rollback ssg-demo-healthy --sandbox --region cn-hangzhou --start --yes
echo
echo "A standalone emulator for other tools: $build/app/emulator/ecs-emulator --listen 127.0.0.1:0 --scenario demo --access-key ID:SECRET"

# The desktop console on the same sandbox, when there is a display to show it on.
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    echo "Starting the desktop console on the sandbox: $build/app/desktop/ecs-rollback --sandbox"
    exec "$build/app/desktop/ecs-rollback" --sandbox
else
    echo "No display: start the desktop console later with $build/app/desktop/ecs-rollback --sandbox"
fi
