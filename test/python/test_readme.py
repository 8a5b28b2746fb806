"""The Python in README.md runs as written and synthesizes what the README says it does."""
import os

from aws_cdk import assertions

README = os.path.join(os.path.dirname(__file__), "..", "..", "README.md")


def python_block(section):
    """The one fenced python block of the README section headed `section`, as text."""
    blocks, current, fence, in_section = [], None, None, False
    with open(README, encoding="utf-8") as f:
        for line in f:
            if fence is None and line.startswith("#"):  # a heading: lines starting with # inside a fence are code
                in_section = line.rstrip("\n") == section
            elif fence is None and line.startswith("```"):
                fence, current = line.strip(), []
            elif fence is not None and line.startswith("```"):
                if fence == "```python" and in_section:
                    blocks.append("".join(current))
                fence = None
            elif fence is not None:
                current.append(line)
    assert len(blocks) == 1, f"expected one python block under '{section}', found {len(blocks)}"
    return blocks[0]


def test_production_setup_synthesizes_throttle_logs_route_settings_and_grant():
    names = {}
    exec(compile(python_block("### A production setup"), "README.md (A production setup)", "exec"), names)
    template = assertions.Template.from_stack(names["stack"])
    match = assertions.Match

    template.has_resource_properties(
        "AWS::ApiGatewayV2::Stage",
        {
            "StageName": "prod",
            "AutoDeploy": True,
            "DefaultRouteSettings": {"ThrottlingRateLimit": 500, "ThrottlingBurstLimit": 1000, "LoggingLevel": "ERROR"},
            "AccessLogSettings": {
                "DestinationArn": match.any_value(),
                "Format": match.string_like_regexp(r'"connectionId":"\$context\.connectionId"'),
            },
            # Each route starts from the stage's settings; the keyword arguments were not dropped.
            "RouteSettings": {
                "$connect": {"ThrottlingRateLimit": 50, "ThrottlingBurstLimit": 1000, "LoggingLevel": "ERROR"},
                "sendmessage": {
                    "ThrottlingRateLimit": 500,
                    "ThrottlingBurstLimit": 100,
                    "LoggingLevel": "ERROR",
                    "DetailedMetricsEnabled": True,
                },
            },
        },
    )
    template.resource_count_is("AWS::ApiGateway::Account", 1)
    template.has_resource_properties(
        "AWS::IAM::Policy",
        {
            "PolicyDocument": {
                "Statement": [
                    match.object_like({
                        "Action": "execute-api:ManageConnections",
                        "Resource": match.object_like({"Fn::Join": match.array_with([
                            match.array_with([match.string_like_regexp(r"/prod/POST/@connections/\*$")]),
                        ])}),
                    })
                ]
            },
            "Roles": [{"Ref": match.string_like_regexp("^MessageHandlerServiceRole")}],
        },
    )
