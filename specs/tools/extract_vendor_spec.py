#!/usr/bin/python3
"""Extract the operations ExecGate uses from a vendor's own OpenAPI document.

Why: a checked-in vendor spec must be traceable to what the vendor publishes.
This script copies the kept paths/operations and every component they
transitively $ref UNCHANGED from the pinned source (a published document or a
docs page's excerpt), then applies specs/vendors/<vendor>.overlay.yaml
(OpenAPI Overlay 1.0) holding what the vendor's servers do beyond their document
(design/unified-api.md, "Known vendor behaviour"). So "documented" and
"observed" stay separate and visible, and a new vendor version can be diffed
against the pinned one.

A vendor is extracted when it has an overlay: its root `x-extract` member names the
source document (`source`, relative to the repository root: ../shared/… for the
documents kept there, specs/vendors/published/… for those checked in here) and
the operations to keep (`operations`: path -> methods). The source's repository,
path and version come from the README table next to it (`version` in x-extract
for a source that has none). No vendor is listed in this script.

Usage: extract_vendor_spec.py [--check] (--all | VENDOR...)
  --check  exit 1 if a checked-in specs/vendors/<v>.yaml differs from the output.
"""
import copy, difflib, hashlib, json, re, sys
from pathlib import Path
import yaml

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
OUT = REPO / "specs" / "vendors"
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def overlays():
    """Vendor name -> overlay document, for every specs/vendors/<vendor>.overlay.yaml."""
    return {p.name[:-len(".overlay.yaml")]: yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted(OUT.glob("*.overlay.yaml"))}


def load_source(path):
    raw = path.read_bytes()
    text, digest = raw.decode("utf-8"), hashlib.sha256(raw).hexdigest()
    if path.suffix == ".json":
        return json.loads(text), digest
    if path.suffix in (".yml", ".yaml"):
        return yaml.safe_load(text), digest
    block = re.search(r"^`{3,}yaml[^\n]*\n(.*?)^`{3,}", text, re.S | re.M).group(1)  # seed page: fenced yaml
    return yaml.safe_load(block), digest


def provenance(path, extract_cfg):
    """Repository, path and version of a pinned document, from the README table in its folder."""
    readme = path.parent / "README.md"
    if readme.exists():
        for line in readme.read_text(encoding="utf-8").splitlines():
            cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
            if len(cells) == 4 and cells[0] == path.name:
                repo, where = (c.strip().strip("`") for c in cells[2].split(",", 1))
                return {"repository": f"https://github.com/{repo}", "path": where, "version": cells[3]}
    if "version" in extract_cfg:
        return {"repository": None, "path": None, "version": extract_cfg["version"]}
    sys.exit(f"{path}: not listed in {readme}, and the overlay's x-extract gives no version")


def shown(path):
    """How a source file is named in the output: shared/… for ../shared, else relative to the repository."""
    path = path.resolve()
    return f"shared/{path.relative_to(SHARED)}" if path.is_relative_to(SHARED) else str(path.relative_to(REPO))


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


def render(vendor, overlay):
    cfg = overlay["x-extract"]
    source = (REPO / cfg["source"]).resolve()
    doc, digest = load_source(source)
    prov = provenance(source, cfg)
    overlay_rel = f"specs/vendors/{vendor}.overlay.yaml"
    spec = extract(doc, cfg["operations"])
    spec["info"]["x-source"] = {"file": shown(source), "sha256": digest, **prov, "overlay": overlay_rel,
                                "generator": "specs/tools/extract_vendor_spec.py"}
    spec = apply_overlay(spec, overlay)
    origin = f"{prov['repository']} {prov['path']} ({prov['version']})" if prov["repository"] else prov["version"]
    header = (f"# {vendor}: vendor OpenAPI extract + observed-behaviour overlay.\n"
              f"# Source file: {shown(source)} (sha256 {digest[:16]}…)\n# Source: {origin}\n"
              f"# Overlay: {overlay_rel}\n"
              f"# Generated by specs/tools/extract_vendor_spec.py — do not edit; edit the overlay.\n")
    return header + yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=120)


def main(argv):
    check = "--check" in argv
    extracted = {v: o for v, o in overlays().items() if "x-extract" in o}
    names = list(extracted) if "--all" in argv else [a for a in argv if not a.startswith("--")]
    if not names or set(names) - set(extracted):
        sys.exit(__doc__ + f"\nvendors: {', '.join(extracted)}")
    stale = []
    for v in names:
        text, path = render(v, extracted[v]), OUT / f"{v}.yaml"
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
