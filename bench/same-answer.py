#!/usr/bin/env python3
"""bench/same-answer.py <G> <S>: bench/run's check that the peer does ExecGate's work. Each argument names
a first answer saved by bench/run (<name>.headers from curl -D, <name>.json the body). Both must be a 202
with the same Location and an application/json body equal member for member, in the same order. No member
of an Execution differs per call for the recorded Skyvern answer (the ids and times are the stub's), so
nothing is ignored. Exits 1 and names each difference otherwise."""
import json
import pathlib
import sys


def answer(name):
    # curl -D writes one block per response; the last is the answer (after any 100 Continue)
    blocks = pathlib.Path(name + '.headers').read_text(errors='replace').split('\r\n\r\n')
    lines = [block for block in blocks if block.strip()][-1].strip().splitlines()
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        key, _, value = line.partition(':')
        headers[key.strip().lower()] = value.strip()
    body = json.loads(pathlib.Path(name + '.json').read_text(), object_pairs_hook=list)
    return status, headers, body


def differences(a, b, path='$'):
    """Paths where two JSON values (objects as ordered member lists) differ."""
    if isinstance(a, list) and isinstance(b, list) and all(isinstance(x, tuple) for x in a + b) and (a or b):
        names_a, names_b = [k for k, _ in a], [k for k, _ in b]
        if names_a != names_b:
            return [f'{path}: members {names_a} against {names_b}']
        return [d for (k, x), (_, y) in zip(a, b) for d in differences(x, y, f'{path}.{k}')]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f'{path}: {len(a)} items against {len(b)}']
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, f'{path}[{i}]')]
    return [] if a == b and type(a) is type(b) else [f'{path}: {json.dumps(a)} against {json.dumps(b)}']


def main(g, s):
    (g_status, g_headers, g_body), (s_status, s_headers, s_body) = answer(g), answer(s)
    found = differences(g_body, s_body)
    for name, x, y in (('status', g_status, s_status),
                       ('Location', g_headers.get('location'), s_headers.get('location')),
                       ('Content-Type', g_headers.get('content-type'), s_headers.get('content-type'))):
        if x != y:
            found.append(f'{name}: {x} against {y}')
    if found:
        print('bench: the peer does not answer as ExecGate does (ExecGate against the peer):', file=sys.stderr)
        for line in found:
            print('  ' + line, file=sys.stderr)
        sys.exit(1)
    print(f'bench: the peer answers as ExecGate does: {g_status}, Location {g_headers.get("location")}, '
          f'a body equal in all {len(g_body)} members', file=sys.stderr)


if __name__ == '__main__':
    main(*sys.argv[1:3])
