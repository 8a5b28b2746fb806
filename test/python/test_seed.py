"""The seed app, synthesized from Python through the wheel that jsii-pacmak built."""
import json
import os

from aws_cdk import assertions

from seed_app import build_seed


def test_seed_app_synthesizes_the_stage_mapping_and_grant():
    app, stack, _ = build_seed()
    template = assertions.Template.from_stack(stack)

    template.resource_count_is("AWS::ApiGatewayV2::Stage", 1)
    template.has_resource_properties(
        "AWS::ApiGatewayV2::Stage",
        {
            "ApiId": {"Ref": assertions.Match.string_like_regexp("^ChatApi")},
            "StageName": "prod",
            "AutoDeploy": True,
            "DefaultRouteSettings": {"ThrottlingRateLimit": 100, "ThrottlingBurstLimit": 50},
        },
    )
    template.has_resource_properties(
        "AWS::ApiGatewayV2::ApiMapping",
        {"DomainName": {"Ref": assertions.Match.string_like_regexp("^Domain")}, "Stage": "prod", "ApiMappingKey": "chat"},
    )
    template.has_resource_properties(
        "AWS::IAM::Policy",
        {
            "PolicyDocument": {
                "Statement": [
                    assertions.Match.object_like(
                        {"Action": "execute-api:ManageConnections", "Effect": "Allow"}
                    )
                ]
            },
            "Roles": [{"Ref": assertions.Match.string_like_regexp("^BroadcasterServiceRole")}],
        },
    )
    template.resource_count_is("AWS::ApiGatewayV2::Route", 3)
    template.has_resource_properties("AWS::ApiGatewayV2::DomainName", {"DomainName": "ws.example.com"})

    # The cross-language comparison (scripts/compare-seed-templates.js) reads this file.
    out = os.environ.get("SEED_TEMPLATE_OUT")
    if out:
        with open(out, "w") as f:
            json.dump(template.to_json(), f, indent=2)
