#!/usr/bin/env bash
# README command one: install dependencies, build, and start the app on its sandbox.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
build="${ECS_BUILD_DIR:-$root/build}"
# Until the desktop console lands, the command-line front end is the app: it runs on the
# built-in sandbox (the ECS emulator in-process, demo scenario, no cloud account). Each
# invocation starts a fresh sandbox; the journal is the user's real one.
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
