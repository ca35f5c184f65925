# Shared by bench/run and bench/compare (sourced; they set $here and $out first).

# N free TCP ports on 127.0.0.1, space-separated.
free_ports() {
  python3 - "$1" <<'EOF'
import socket, sys
s = [socket.socket() for _ in range(int(sys.argv[1]))]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])
EOF
}

# $out/<name>.conf from bench/<name>.conf.template: the run directory, the server's port, the stub's
# port and the recorded Skyvern answer the stub returns.
render_conf() {  # name, port, stub port (default: port)
  python3 - "$here" "$out" "$1" "$2" "${3:-$2}" <<'EOF'
import sys, pathlib
here, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
name, port, stub = sys.argv[3:6]
body = (here / 'skyvern-retry-200.json').read_text().strip()
assert "'" not in body  # nginx's `return 200 '...'` quotes it
text = (here / f'{name}.conf.template').read_text()
for placeholder, value in (('@DIR@', str(out)), ('@PORT@', port), ('@STUB_PORT@', stub), ('@BODY@', body)):
    text = text.replace(placeholder, value)
(out / f'{name}.conf').write_text(text)
EOF
}

# CPU ticks (user + system) of processes and their children (nginx's workers).
cpu_ticks() {  # pid...
  local total=0 pid
  for pid in "$@" $(pgrep -P "$(IFS=,; echo "$*")" 2>/dev/null || true); do
    if [[ -r /proc/$pid/stat ]]; then
      total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat") ))
    fi
  done
  echo "$total"
}
