#!/usr/bin/env bash
# Start or stop a local moto_server (CloudWatch Logs + CodeBuild + IAM) for trying cbtriage's AWS
# commands by hand, or for the Makefile. The integration tests start their own server on a free port.
#
#   scripts/moto-server.sh start [PORT]   start on 127.0.0.1:PORT (default $MOTO_PORT or 5000), wait until ready
#   scripts/moto-server.sh seed  [PORT]   seed it (Tests/Support/moto/seed.py --enable-auth); prints the manifest
#   scripts/moto-server.sh stop  [PORT]   stop the server this script started on PORT
#   scripts/moto-server.sh status [PORT]
set -euo pipefail

command=${1:-}
port=${2:-${MOTO_PORT:-5000}}
state_dir=${TMPDIR:-/tmp}/cbtriage-moto
pid_file=$state_dir/moto-$port.pid
log_file=$state_dir/moto-$port.log
root=$(cd "$(dirname "$0")/.." && pwd)

ready() { curl -fsS -o /dev/null "http://127.0.0.1:$port/moto-api/" 2>/dev/null; }

case "$command" in
start)
    command -v moto_server >/dev/null || { echo "moto_server not found: pip install 'moto[server]'" >&2; exit 1; }
    mkdir -p "$state_dir"
    if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
        echo "moto_server already running on port $port (pid $(cat "$pid_file"))"; exit 0
    fi
    moto_server -H 127.0.0.1 -p "$port" >"$log_file" 2>&1 &
    echo $! >"$pid_file"
    for _ in $(seq 1 100); do
        if ready; then echo "moto_server on http://127.0.0.1:$port (pid $(cat "$pid_file"), log $log_file)"; exit 0; fi
        kill -0 "$(cat "$pid_file")" 2>/dev/null || { echo "moto_server exited; see $log_file" >&2; rm -f "$pid_file"; exit 1; }
        sleep 0.1
    done
    echo "moto_server did not answer /moto-api/ within 10 s; see $log_file" >&2
    exit 1
    ;;
seed)
    ready || { echo "no moto_server on port $port: run $0 start $port" >&2; exit 1; }
    out=$state_dir/seed-$port
    python3 "$root/Tests/Support/moto/seed.py" --endpoint "http://127.0.0.1:$port" --out "$out" --enable-auth
    cat "$out/manifest.json"; echo
    ;;
stop)
    if [ -f "$pid_file" ]; then
        pid=$(cat "$pid_file")
        kill "$pid" 2>/dev/null || true
        rm -f "$pid_file"
        echo "stopped moto_server on port $port (pid $pid)"
    else
        echo "no moto_server started by this script on port $port"
    fi
    ;;
status)
    if ready; then echo "moto_server answering on port $port"; else echo "nothing answering on port $port"; exit 1; fi
    ;;
*)
    echo "usage: $0 start|seed|stop|status [PORT]" >&2
    exit 64
    ;;
esac
