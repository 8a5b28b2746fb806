"""The benchmark app in Python, run as its own process: `python bench/app.py <ours|aws-cdk-lib> <stages> [outdir]`.

The same app as bench/app.js (10 stages per WebSocket API, 100 per stack, one role per API, each stage with
throttling, a grant, a metric and its url as a stack output), written against the Python bindings, so that every
call crosses the jsii runtime. Prints one JSON line: where the process's time went, and what it synthesized.
"""
import time

T0 = time.perf_counter()

import json  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402

import aws_cdk as cdk  # noqa: E402
from aws_cdk import aws_apigatewayv2 as apigwv2  # noqa: E402
from aws_cdk import aws_iam as iam  # noqa: E402

STAGES_PER_API = 10
STAGES_PER_STACK = 100


def load_implementation(name):
    """The stage class to benchmark: importing it is part of what the process pays for."""
    if name == "ours":
        from cdk_websocket_stage import WebSocketStage
        return WebSocketStage
    if name == "aws-cdk-lib":
        return apigwv2.WebSocketStage
    raise SystemExit(f"usage: app.py <ours|aws-cdk-lib> <stages> [outdir] (got {name!r})")


def build_app(stage_class, stages, outdir):
    app = cdk.App(outdir=outdir)
    throttle = apigwv2.ThrottleSettings(rate_limit=100, burst_limit=50)
    metrics = []
    stack = api = role = None
    for i in range(stages):
        if i % STAGES_PER_STACK == 0:
            stack = cdk.Stack(app, f"WebSocketStack{i // STAGES_PER_STACK}")
        if i % STAGES_PER_API == 0:
            a = (i % STAGES_PER_STACK) // STAGES_PER_API
            api = apigwv2.WebSocketApi(stack, f"Api{a}")
            role = iam.Role(stack, f"Handler{a}", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
        s = i % STAGES_PER_API
        construct_id = f"Api{(i % STAGES_PER_STACK) // STAGES_PER_API}Stage{s}"
        stage = stage_class(stack, construct_id, web_socket_api=api, stage_name=f"stage{s}", throttle=throttle)
        stage.grant_management_api_access(role)
        metrics.append(stage.metric("MessageCount"))
        cdk.CfnOutput(stack, f"{construct_id}Url", value=stage.url)
    return app


def main():
    name, stages = sys.argv[1], int(sys.argv[2])
    outdir = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="bench-synth-py-")
    t0 = time.perf_counter()
    stage_class = load_implementation(name)
    t1 = time.perf_counter()
    app = build_app(stage_class, stages, outdir)
    t2 = time.perf_counter()
    assembly = app.synth()
    t3 = time.perf_counter()
    resources = sum(len(s.template.get("Resources", {})) for s in assembly.stacks)
    if len(sys.argv) <= 3:
        shutil.rmtree(outdir, ignore_errors=True)
    print(json.dumps({
        "phases": {"loadMs": (t1 - T0) * 1000, "importStageMs": (t1 - t0) * 1000, "constructMs": (t2 - t1) * 1000, "synthMs": (t3 - t2) * 1000},
        "stacks": len(assembly.stacks),
        "resources": resources,
    }))


if __name__ == "__main__":
    main()
