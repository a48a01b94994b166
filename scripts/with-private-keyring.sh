#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own, unlocked gnome-keyring
# (Secret Service) in a throwaway HOME, so keychain tests never touch the user's real
# keychain and work on headless CI machines.
#
#   scripts/with-private-keyring.sh <command> [args...]
#
# The command's exit status is passed through. If no private Secret Service can be
# started, the script fails (exit 70) with a message saying why; it never falls back
# to the caller's session.
#
# Nesting: the private session exports ECS_PRIVATE_KEYRING_BUS (its bus address). A
# nested call that still sees that bus just execs the command, so the whole ctest run
# and tst_keychain's own registration can both use this wrapper.
#
# Needs: dbus-run-session and dbus-send (Debian: dbus-daemon, dbus-bin), and
# gnome-keyring-daemon (gnome-keyring).
set -euo pipefail

die() {
    echo "with-private-keyring: $*" >&2
    exit 70
}

if [[ $# -eq 0 ]]; then
    echo "usage: $0 <command> [args...]" >&2
    exit 64
fi

if [[ -n "${ECS_PRIVATE_KEYRING_BUS:-}" \
    && "${ECS_PRIVATE_KEYRING_BUS}" == "${DBUS_SESSION_BUS_ADDRESS:-}" ]]; then
    exec "$@"
fi

# Second stage, run by dbus-run-session inside the new bus (see the end of the file).
if [[ "${1:-}" == "--ecs-inside-private-bus" ]]; then
    shift
    [[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] || die "dbus-run-session gave no bus address"

    # --unlock reads the login keyring password from stdin; with an empty keyring
    # directory the daemon creates the "login" collection with it, unlocked, and makes
    # it the "default" alias that libsecret (and so QtKeychain) stores into.
    printf '%s' "ecs-throwaway-keyring" \
        | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null \
        || die "gnome-keyring-daemon failed to start"

    # Wait until the Secret Service answers and the default collection exists.
    ready=""
    for _ in $(seq 1 50); do
        if reply=$(dbus-send --session --print-reply --dest=org.freedesktop.secrets \
            /org/freedesktop/secrets org.freedesktop.Secret.Service.ReadAlias \
            string:default 2>/dev/null) \
            && [[ "$reply" == *"/org/freedesktop/secrets/collection/"* ]]; then
            ready=1
            break
        fi
        sleep 0.1
    done
    [[ -n "$ready" ]] \
        || die "the private Secret Service did not come up with a default collection"

    daemon_pid=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus \
        /org/freedesktop/DBus org.freedesktop.DBus.GetConnectionUnixProcessID \
        string:org.freedesktop.secrets 2>/dev/null | awk '/uint32/ { print $2 }') || daemon_pid=""

    export ECS_PRIVATE_KEYRING_BUS="$DBUS_SESSION_BUS_ADDRESS"
    set +e
    "$@"
    status=$?
    set -e
    # The daemon would leave with the bus, but only after the throwaway HOME is gone:
    # stop the one we started, found by its bus name, first.
    if [[ -n "$daemon_pid" ]]; then
        kill "$daemon_pid" 2>/dev/null || true
        for _ in $(seq 1 20); do
            kill -0 "$daemon_pid" 2>/dev/null || break
            sleep 0.05
        done
    fi
    exit "$status"
fi

self=$(readlink -f -- "${BASH_SOURCE[0]}")
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found (install dbus and gnome-keyring)"
done

root=$(mktemp -d "${TMPDIR:-/tmp}/ecs-keyring.XXXXXX") || die "cannot create a temporary directory"
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() { rm -rf -- "$root"; }
trap cleanup EXIT

mkdir -p "$root/home" "$root/config" "$root/data" "$root/cache" "$root/state" "$root/runtime"
chmod 700 "$root" "$root/runtime"
export HOME="$root/home"
export XDG_CONFIG_HOME="$root/config"
export XDG_DATA_HOME="$root/data"
export XDG_CACHE_HOME="$root/cache"
export XDG_STATE_HOME="$root/state"
export XDG_RUNTIME_DIR="$root/runtime"
# QtKeychain picks KWallet on KDE sessions; clear the desktop hints so it takes the
# Secret Service (libsecret) path like on a plain or GNOME session.
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION GNOME_DESKTOP_SESSION_ID KDE_FULL_SESSION \
    KDE_SESSION_VERSION GNOME_KEYRING_CONTROL GNOME_KEYRING_PID ECS_PRIVATE_KEYRING_BUS

set +e
dbus-run-session -- "${BASH:-bash}" "$self" --ecs-inside-private-bus "$@"
status=$?
set -e
exit "$status"
