#!/usr/bin/python3
"""Extract the operations ExecGate uses from a vendor's own OpenAPI document.

Why: a checked-in vendor spec must be traceable to what the vendor publishes.
This script copies the kept paths/operations and every component they
transitively $ref UNCHANGED from the pinned source (../shared/vendor-specs, or
the seed page for Kinetic), then applies specs/vendors/<vendor>.overlay.yaml
(OpenAPI Overlay 1.0) holding what the vendor's servers do beyond their document
(design/unified-api.md, "Known vendor behaviour"). So "documented" and
"observed" stay separate and visible, and a new vendor version can be diffed
against the pinned one.

Usage: extract_vendor_spec.py [--check] (--all | VENDOR...)
  --check  exit 1 if a checked-in specs/vendors/<v>.yaml differs from the output.
"""
import copy, difflib, hashlib, json, re, sys
from pathlib import Path
import yaml

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
OUT = REPO / "specs" / "vendors"
VENDORS = {
    "algapsa": ("vendor-specs/algapsa.alga-openapi.json",
                {"/api/v1/automation/executions/{id}/retry": ["post"], "/api/v1/automation/executions/{id}": ["get"]}),
    "skyvern": ("vendor-specs/skyvern.skyvern_openapi.json",
                {"/v1/agents/runs/{workflow_run_id}/retry": ["post"], "/v1/runs/{run_id}": ["get"]}),
    "kinetic": ("seeds/002_189b8a96bff4f06f.txt", {"/api/executions/{execution_uuid}/retry": ["post"]}),
}
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def load_source(rel):
    raw = (SHARED / rel).read_bytes()
    text, digest = raw.decode("utf-8"), hashlib.sha256(raw).hexdigest()
    if rel.endswith(".json"):
        return json.loads(text), digest
    block = re.search(r"^`{3,}yaml[^\n]*\n(.*?)^`{3,}", text, re.S | re.M).group(1)  # seed page: fenced yaml
    return yaml.safe_load(block), digest


def provenance(rel):
    """Repository, path and version of a pinned document, from the table in vendor-specs/README.md."""
    if rel.startswith("vendor-specs/"):
        for line in (SHARED / "vendor-specs" / "README.md").read_text().splitlines():
            cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
            if len(cells) == 4 and cells[0] == rel.split("/", 1)[1]:
                repo, path = (c.strip().strip("`") for c in cells[2].split(",", 1))
                return {"repository": f"https://github.com/{repo}", "path": path, "version": cells[3]}
        sys.exit(f"{rel} is not listed in vendor-specs/README.md")
    return {"repository": None, "path": None,
            "version": "Kinetic's published openapi.json, excerpt as captured from its docs page docs.kineticsystems.ai"}


def refs(node):
    """Every local component reference below node: $ref values and discriminator mapping targets."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                yield v
            elif k == "mapping" and isinstance(v, dict):
                yield from (t for t in v.values() if isinstance(t, str) and t.startswith("#/"))
            else:
                yield from refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs(v)


def extract(doc, keep):
    paths = {}
    for p, methods in keep.items():
        src = doc["paths"][p]
        paths[p] = {k: v for k, v in src.items() if k not in METHODS or k in methods}
        missing = set(methods) - set(src)
        if missing:
            sys.exit(f"{p}: operation(s) {sorted(missing)} not in source document")
    ops = [op for item in paths.values() for m, op in item.items() if m in METHODS]
    wanted, todo = set(), list(refs(paths))
    while todo:  # transitive closure over #/components/<section>/<name>
        ref = todo.pop()
        section, name = (s.replace("~1", "/").replace("~0", "~") for s in ref[len("#/components/"):].split("/", 1))
        if (section, name) not in wanted:
            wanted.add((section, name))
            todo.extend(refs(doc["components"][section][name]))
    for req in doc.get("security", []) + [r for op in ops for r in op.get("security", [])]:
        wanted.update(("securitySchemes", n) for n in req)
    components = {sec: {n: s for n, s in items.items() if (sec, n) in wanted}
                  for sec, items in doc.get("components", {}).items()}
    used_tags = {t for op in ops for t in op.get("tags", [])}
    out = {"openapi": doc["openapi"], "info": copy.deepcopy(doc["info"])}
    for key in ("servers", "security"):
        if key in doc:
            out[key] = doc[key]
    if "tags" in doc:
        out["tags"] = [t for t in doc["tags"] if t["name"] in used_tags]
    out["paths"] = paths
    out["components"] = {sec: items for sec, items in components.items() if items}
    return copy.deepcopy(out)


def select(doc, target):
    """JSONPath subset: $ followed by .name, ['name'], ["name"] or [index]."""
    step = r"\.([A-Za-z0-9_$-]+)|\['([^']*)'\]|\[\"([^\"]*)\"\]|\[(\d+)\]"
    if not re.fullmatch(r"\$(?:%s)*" % step, target):
        sys.exit(f"unsupported JSONPath: {target}")
    tokens = re.findall(step, target[1:])
    parent, key, node = None, None, doc
    for name, sq, dq, idx in tokens:
        key = int(idx) if idx else (name or sq or dq)
        if isinstance(node, dict) and key in node or isinstance(node, list) and isinstance(key, int) and key < len(node):
            parent, node = node, node[key]
        else:
            sys.exit(f"overlay target does not exist in the extract: {target} (vendor document changed?)")
    return parent, key, node


def merge(target, update):
    for k, v in update.items():
        if isinstance(v, dict) and isinstance(target.get(k), dict):
            merge(target[k], v)
        elif isinstance(v, list) and isinstance(target.get(k), list):
            target[k].extend(copy.deepcopy(v))
        else:
            target[k] = copy.deepcopy(v)


def apply_overlay(doc, overlay):
    if str(overlay.get("overlay", "")).split(".")[0] != "1":
        sys.exit("overlay file must declare 'overlay: 1.x.x'")
    for action in overlay["actions"]:
        parent, key, node = select(doc, action["target"])
        if action.get("remove"):
            del parent[key]
        elif isinstance(node, list):
            node.append(copy.deepcopy(action["update"]))
        else:
            merge(node, action["update"])
    return doc


def render(vendor):
    rel, keep = VENDORS[vendor]
    doc, digest = load_source(rel)
    prov = provenance(rel)
    overlay_rel = f"specs/vendors/{vendor}.overlay.yaml"
    spec = extract(doc, keep)
    spec["info"]["x-source"] = {"file": f"shared/{rel}", "sha256": digest, **prov, "overlay": overlay_rel,
                                "generator": "specs/tools/extract_vendor_spec.py"}
    spec = apply_overlay(spec, yaml.safe_load((REPO / overlay_rel).read_text(encoding="utf-8")))
    origin = f"{prov['repository']} {prov['path']} ({prov['version']})" if prov["repository"] else prov["version"]
    header = (f"# {vendor}: vendor OpenAPI extract + observed-behaviour overlay.\n"
              f"# Source file: shared/{rel} (sha256 {digest[:16]}…)\n# Source: {origin}\n"
              f"# Overlay: {overlay_rel}\n"
              f"# Generated by specs/tools/extract_vendor_spec.py — do not edit; edit the overlay.\n")
    return header + yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=120)


def main(argv):
    check = "--check" in argv
    names = list(VENDORS) if "--all" in argv else [a for a in argv if not a.startswith("--")]
    if not names or set(names) - set(VENDORS):
        sys.exit(__doc__ + f"\nvendors: {', '.join(VENDORS)}")
    stale = []
    for v in names:
        text, path = render(v), OUT / f"{v}.yaml"
        if check:
            current = path.read_text(encoding="utf-8") if path.exists() else ""
            if current != text:
                stale.append(v)
                sys.stderr.writelines(list(difflib.unified_diff(current.splitlines(True), text.splitlines(True),
                                                                str(path), "regenerated", n=1))[:40])
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(REPO)}")
    if stale:
        sys.exit(f"out of date: {', '.join(f'specs/vendors/{v}.yaml' for v in stale)} — regenerate with "
                 f"/usr/bin/python3 specs/tools/extract_vendor_spec.py {' '.join(stale)}")


if __name__ == "__main__":
    main(sys.argv[1:])
