#!/usr/bin/env python3
"""Writes the spec-diff fixtures under src/test/resources/drift/.

Each vendor gets old.yaml, a frozen copy of its checked-in spec (Skyvern's without the schemas no
operation reaches), and one <case>.yaml per change below: the old document with
exactly that edit. Run from the repository root after changing a case:
    python3 spec-drift/make_fixtures.py
The expected findings of every case are in SpecDiffFixturesSpec.
"""
import copy
import pathlib
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "spec-drift/src/test/resources/drift"


def load(vendor):
    return yaml.safe_load((ROOT / f"specs/vendors/{vendor}.yaml").read_text())


def trim(spec, keep):
    """Only the paths in keep, and the component schemas they reach."""
    spec["paths"] = {p: spec["paths"][p] for p in keep}
    schemas = spec["components"]["schemas"]
    reached, todo = set(), [spec["paths"], spec["components"].get("responses", {})]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/components/schemas/") and ref.split("/")[-1] not in reached:
                reached.add(ref.split("/")[-1])
                todo.append(schemas[ref.split("/")[-1]])
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    spec["components"]["schemas"] = {n: s for n, s in schemas.items() if n in reached}
    return spec


def write(path, spec, note):
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=120)
    path.write_text(f"# {note}\n# Written by spec-drift/make_fixtures.py; do not edit.\n{text}")


def op(spec, path, method):
    return spec["paths"][path][method]


def schema(spec, name):
    return spec["components"]["schemas"][name]


# --- edits: each takes the old document and changes one thing -------------------------------------

KINETIC_RETRY = "/api/executions/{execution_uuid}/retry"
SKYVERN_RETRY = "/v1/agents/runs/{workflow_run_id}/retry"
ALGA_RETRY = "/api/v1/automation/executions/{id}/retry"


def kinetic_status_cancelled(s):
    schema(s, "ExecutionResponse")["properties"]["status"]["anyOf"][0]["enum"].append("cancelled")


def kinetic_status_paused_removed(s):
    schema(s, "ExecutionResponse")["properties"]["status"]["anyOf"][0]["enum"].remove("paused")


def kinetic_success_200(s):
    responses = op(s, KINETIC_RETRY, "post")["responses"]
    op(s, KINETIC_RETRY, "post")["responses"] = {("200" if k == "201" else k): v for k, v in responses.items()}


def kinetic_error_409(s):
    responses = op(s, KINETIC_RETRY, "post")["responses"]
    responses["409"] = {"description": "Execution is not in a retryable state",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HTTPError"}}}}
    responses["429"] = {"description": "Too many requests",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HTTPError"}}}}


def kinetic_created_at_epoch(s):
    schema(s, "ExecutionResponse")["properties"]["created_at"]["anyOf"][0] = {"type": "integer", "format": "int64"}


def skyvern_run_id_dropped(s):
    run = schema(s, "WorkflowRunResponse")
    del run["properties"]["run_id"]
    run["required"].remove("run_id")


def skyvern_required_header(s):
    op(s, SKYVERN_RETRY, "post").setdefault("parameters", []).append(
        {"name": "x-skyvern-org", "in": "header", "required": True, "schema": {"type": "string"},
         "description": "Organization the run belongs to."})


def skyvern_retry_removed(s):
    del s["paths"][SKYVERN_RETRY]


def algapsa_auth_header(s):
    s["components"]["securitySchemes"]["ApiKeyAuth"]["name"] = "X-Alga-Api-Key"


def algapsa_required_body(s):
    op(s, ALGA_RETRY, "post")["requestBody"] = {
        "required": True,
        "content": {"application/json": {"schema": {
            "type": "object", "required": ["reason"],
            "properties": {"reason": {"type": "string", "description": "Why the execution is retried."}}}}}}


def algapsa_info_only(s):
    op(s, ALGA_RETRY, "post")["description"] += " Retries are audited."
    schema(s, "AutomationExecution")["properties"]["retried_by"] = {
        "type": "string", "format": "uuid", "description": "User who retried the execution."}
    s["info"]["version"] = s["info"].get("version", "") + "-next"


def kaizen_nesting_data(s):
    answer = schema(s, "RetryExecutionResponse")
    execution = answer["properties"].pop("execution")
    answer["properties"]["data"] = {"type": "object", "properties": {"execution": execution}}


def kaizen_nesting_nested_only(s):
    schema(s, "RetryExecutionResponse")["properties"]["execution"] = {
        "$ref": "#/components/schemas/NestedExecution",
        "description": "The new execution created from the retry, always nested."}


def kaizen_status_cancelled(s):
    schema(s, "Execution")["properties"]["status"]["enum"].append("Cancelled")


def kaizen_status_paused_removed(s):
    schema(s, "Execution")["properties"]["status"]["enum"].remove("Paused")


def kaizen_auth_api_key(s):
    s["components"]["securitySchemes"] = {"apiKey": {"type": "apiKey", "in": "header", "name": "X-Kaizen-Key"}}
    s["security"] = [{"apiKey": []}]


def kaizen_success_201(s):
    responses = op(s, "/executions/retry", "post")["responses"]
    op(s, "/executions/retry", "post")["responses"] = {("201" if k == "200" else k): v for k, v in responses.items()}


def kaizen_error_409(s):
    op(s, "/executions/retry", "post")["responses"]["409"] = {
        "description": "Execution is still running", "content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/KaizenError"}}}}


def kaizen_required_query(s):
    op(s, "/executions/retry", "post")["parameters"] = [
        {"name": "workspaceId", "in": "query", "required": True, "schema": {"type": "string"}}]


def kaizen_required_body_field(s):
    request = schema(s, "RetryExecutionRequest")
    request["required"].append("startBlockId")
    request["properties"]["startBlockId"] = {"type": "string", "description": "Block to start the retry from"}


def kaizen_start_time_epoch(s):
    schema(s, "Execution")["properties"]["startTime"] = {"type": "integer", "format": "int64"}


def kaizen_get_removed(s):
    del s["paths"]["/executions/get"]


def kaizen_info_only(s):
    s["info"]["description"] += " Updated."
    schema(s, "Execution")["properties"]["retryCount"] = {"type": "integer", "example": 1}
    s["paths"]["/executions/list"] = {"post": {"operationId": "listExecutions", "responses": {"200": {
        "description": "Executions", "content": {"application/json": {"schema": {
            "type": "array", "items": {"$ref": "#/components/schemas/Execution"}}}}}}}}


CASES = {
    "kinetic": [kinetic_status_cancelled, kinetic_status_paused_removed, kinetic_success_200, kinetic_error_409,
                kinetic_created_at_epoch],
    "skyvern": [skyvern_run_id_dropped, skyvern_required_header, skyvern_retry_removed],
    "algapsa": [algapsa_auth_header, algapsa_required_body, algapsa_info_only],
    "kaizen": [kaizen_nesting_data, kaizen_nesting_nested_only, kaizen_status_cancelled, kaizen_status_paused_removed,
               kaizen_auth_api_key, kaizen_success_201, kaizen_error_409, kaizen_required_query,
               kaizen_required_body_field, kaizen_start_time_epoch, kaizen_get_removed, kaizen_info_only],
}


def main():
    for vendor, cases in CASES.items():
        old = load(vendor)
        if vendor == "skyvern":
            old = trim(old, [SKYVERN_RETRY, "/v1/runs/{run_id}"])
        write(OUT / vendor / "old.yaml", old, f"{vendor}: frozen copy of specs/vendors/{vendor}.yaml")
        for case in cases:
            new = copy.deepcopy(old)
            case(new)
            name = case.__name__[len(vendor) + 1:].replace("_", "-")
            write(OUT / vendor / f"{name}.yaml", new, f"{vendor}: old.yaml, {name.replace('-', ' ')}")


if __name__ == "__main__":
    main()
