#!/usr/bin/env python3
"""bench/report.py: turns bench/run's measurements (bench/target/http) into the table, the ratios, ExecGate
against the peer (arm S, when it ran) and the targets' verdicts; prints them and writes results.md and
results.json beside the measurements.

Arguments: run directory, ExecGate's startup ms, its RSS kB, CLK_TCK, seconds per run, rounds, its JVM flags;
then, for the peer, its startup ms, RSS kB and JVM flags (startup 0: the peer did not run)."""
import json
import os
import pathlib
import platform
import re
import statistics
import subprocess
import sys
import datetime

out = pathlib.Path(sys.argv[1])
startup_ms, rss_kb, clk_tck, duration, rounds = (int(v) for v in sys.argv[2:7])
java_opts = sys.argv[7].strip() if len(sys.argv) > 7 else ''
peer_startup_ms, peer_rss_kb = (int(v) for v in sys.argv[8:10]) if len(sys.argv) > 9 else (0, 0)
peer_java_opts = sys.argv[10].strip() if len(sys.argv) > 10 else ''

SUMMARY = re.compile(r'bench-summary (.*)')


def summary(path):
    match = SUMMARY.search(pathlib.Path(path).read_text())
    if not match:
        raise SystemExit(f'bench: no summary in {path}')
    return {k: float(v) for k, v in (pair.split('=') for pair in match.group(1).split())}


runs = []
lines = (out / 'runs.tsv').read_text().splitlines()[1:]
for line in lines:
    arm, conns, rnd, path, front, stub = line.split('\t')
    s = summary(path)
    # V's front is the stub itself: count its CPU once
    ticks = int(stub) if arm == 'V' else int(front) + int(stub)
    runs.append({
        'arm': arm, 'connections': int(conns), 'round': int(rnd),
        'rps': s['requests'] / (s['durationus'] / 1e6),
        'p50_ms': s['p50us'] / 1000, 'p99_ms': s['p99us'] / 1000,
        'cpu_us_per_request': ticks / clk_tck * 1e6 / max(s['requests'], 1),
        'front_cpu_us_per_request': int(front) / clk_tck * 1e6 / max(s['requests'], 1),
        'failed': int(s['non2xx'] + s['errors']),
    })

arms = [arm for arm in 'VNGS' if any(r['arm'] == arm for r in runs)]
peer = 'S' in arms
cells = {}
for arm in arms:
    for conns in (1, 64):
        mine = [r for r in runs if r['arm'] == arm and r['connections'] == conns]
        cells[(arm, conns)] = {
            key: statistics.median(r[key] for r in mine)
            for key in ('rps', 'p50_ms', 'p99_ms', 'cpu_us_per_request', 'front_cpu_us_per_request')
        } | {'failed': sum(r['failed'] for r in mine)}

V64, N64, G64 = cells[('V', 64)], cells[('N', 64)], cells[('G', 64)]
V1, N1, G1 = cells[('V', 1)], cells[('N', 1)], cells[('G', 1)]
ratios = {
    'G/N req/s at 64': G64['rps'] / N64['rps'],
    'G/V req/s at 64': G64['rps'] / V64['rps'],
    'G/N req/s at 1': G1['rps'] / N1['rps'],
    'G-V p50 at 1 (ms)': G1['p50_ms'] - V1['p50_ms'],
    'G-V p99 at 1 (ms)': G1['p99_ms'] - V1['p99_ms'],
    'N-V p50 at 1 (ms)': N1['p50_ms'] - V1['p50_ms'],
    'N-V p99 at 1 (ms)': N1['p99_ms'] - V1['p99_ms'],
}
if peer:
    S64, S1 = cells[('S', 64)], cells[('S', 1)]
    ratios |= {
        'S-V p50 at 1 (ms)': S1['p50_ms'] - V1['p50_ms'],
        'S-V p99 at 1 (ms)': S1['p99_ms'] - V1['p99_ms'],
        'S/N req/s at 64': S64['rps'] / N64['rps'],
    }
rss_mb = rss_kb / 1024
peer_rss_mb = peer_rss_kb / 1024

# ExecGate against the peer, one row per measure: (measure, ExecGate, peer, unit, higher is better)
versus = []
if peer:
    for conns in (1, 64):
        G, S = cells[('G', conns)], cells[('S', conns)]
        versus += [(f'req/s at {conns}', G['rps'], S['rps'], '', True),
                   (f'server CPU µs/req at {conns}', G['cpu_us_per_request'], S['cpu_us_per_request'], 'µs', False),
                   (f'p50 at {conns}', G['p50_ms'], S['p50_ms'], 'ms', False),
                   (f'p99 at {conns}', G['p99_ms'], S['p99_ms'], 'ms', False)]
    versus += [('startup to first 202', startup_ms, peer_startup_ms, 'ms', False),
               ('RSS after load', rss_mb, peer_rss_mb, 'MB', False)]
    for measure, g, s_, _, higher in versus:
        ratios[f'G/S {measure}'] = g / s_ if s_ else float('inf')
beats = [m for m, g, s_, _, higher in versus if (g > s_ if higher else g < s_)]
loses = [m for m, g, s_, _, higher in versus if m not in beats]
# issue 16's table; startup is bench/run's, pinned to one core like every server here
targets = [
    ('G >= 0.4 x N throughput at 64 connections', f"{ratios['G/N req/s at 64']:.3f} x", ratios['G/N req/s at 64'] >= 0.4),
    ('added p50 over direct <= 0.10 ms at 1 connection', f"{ratios['G-V p50 at 1 (ms)']:.3f} ms", ratios['G-V p50 at 1 (ms)'] <= 0.10),
    ('added p99 over direct <= 0.50 ms at 1 connection', f"{ratios['G-V p99 at 1 (ms)']:.3f} ms", ratios['G-V p99 at 1 (ms)'] <= 0.50),
    ('startup to first 202 <= 1.5 s (one core)', f'{startup_ms} ms', startup_ms <= 1500),
    ('RSS after load <= 150 MB', f'{rss_mb:.0f} MB', rss_mb <= 150),
]
if peer:
    targets.append(('ExecGate beats the peer (Spring Cloud Gateway) on every measure',
                    f'{len(beats)} of {len(versus)}', not loses))


def cpu_model():
    for line in pathlib.Path('/proc/cpuinfo').read_text().splitlines():
        if line.startswith('model name'):
            return line.split(':', 1)[1].strip()
    return platform.processor()


def version(command):
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=10)
        return (result.stdout + result.stderr).strip().splitlines()[0]
    except Exception:
        return 'unknown'


names = {'V': 'V direct to stub', 'N': 'N nginx proxy_pass', 'G': 'G ExecGate', 'S': 'S Spring Cloud Gateway (peer)'}
md = [f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {cpu_model()}, "
      f"{os.cpu_count()} CPUs; {version(['java', '-version'])}; "
      f"{version(['nginx', '-v'])}; {version(['wrk', '--version'])}. "
      f"{rounds} interleaved rounds of {duration} s per arm and connection count, medians; "
      f"gateway JVM flags: {java_opts or '(none)'}"
      + (f"; peer JVM flags: {peer_java_opts or '(none)'}." if peer else '.'),
      '',
      '| arm | connections | req/s | p50 ms | p99 ms | server CPU µs/req (front only) | failed |',
      '|---|---|---|---|---|---|---|']
for conns in (1, 64):
    for arm in arms:
        c = cells[(arm, conns)]
        front = '' if arm == 'V' else f" ({c['front_cpu_us_per_request']:.0f})"
        md.append(f"| {names[arm]} | {conns} | {c['rps']:,.0f} | {c['p50_ms']:.3f} | {c['p99_ms']:.3f} | "
                  f"{c['cpu_us_per_request']:.0f}{front} | {c['failed']} |")
md += ['', '| ratio | value |', '|---|---|']
md += [f'| {k} | {v:.3f} |' for k, v in ratios.items()]
md += [f'| gateway startup to first answer | {startup_ms} ms |', f'| gateway RSS after load | {rss_mb:.0f} MB |']
if peer:
    md += [f'| peer startup to first answer | {peer_startup_ms} ms |', f'| peer RSS after load | {peer_rss_mb:.0f} MB |']
    md += ['', '| ExecGate against the peer | ExecGate | peer | G/S | ExecGate better |', '|---|---|---|---|---|']
    for measure, g, s_, unit, higher in versus:
        digits = 3 if unit == 'ms' and 'startup' not in measure else 0
        unit = f' {unit}' if unit else ''
        md.append(f"| {measure}{' (higher is better)' if higher else ''} | {g:,.{digits}f}{unit} | "
                  f"{s_:,.{digits}f}{unit} | {ratios[f'G/S {measure}']:.3f} | {'yes' if measure in beats else 'no'} |")
    md += ['', f"ExecGate beats the peer on {len(beats)} of {len(versus)} measures"
           + (f": {', '.join(beats)}" if beats else '')
           + (f"; not on: {', '.join(loses)}." if loses else ' (every one).')]
md += ['', '| target | measured | met |', '|---|---|---|']
md += [f'| {t} | {m} | {"yes" if ok else "no"} |' for t, m, ok in targets]
text = '\n'.join(md)
print(text)
(out / 'results.md').write_text(text + '\n')
(out / 'results.json').write_text(json.dumps({
    'cells': {f'{a}{c}': v for (a, c), v in cells.items()}, 'ratios': ratios,
    'startup_ms': startup_ms, 'rss_mb': rss_mb, 'runs': runs,
    'peer': {'name': 'Spring Cloud Gateway', 'startup_ms': peer_startup_ms, 'rss_mb': peer_rss_mb,
             'java_opts': peer_java_opts} if peer else None,
    'versus_peer': [{'measure': m, 'execgate': g, 'peer': s_, 'unit': u, 'higher_is_better': h,
                     'execgate_better': m in beats} for m, g, s_, u, h in versus],
    'targets': [{'target': t, 'measured': m, 'met': ok} for t, m, ok in targets]}, indent=2) + '\n')
if any(r['failed'] for r in runs):
    print('bench: some requests failed; see bench/target/http/wrk-*.txt', file=sys.stderr)
    sys.exit(1)
