"""The public API of cdk-websocket-stage, used from Python: structs, members, imports and errors."""
import re

import jsii
import pytest
from aws_cdk import App, Duration, RemovalPolicy, Stack, assertions
from aws_cdk import aws_apigateway as apigateway
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_certificatemanager as acm
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_iam as iam
from aws_cdk import aws_logs as logs

from cdk_websocket_stage import (
    AccessLogSettings,
    WebSocketStage,
    WebSocketStageAttributes,
    WebSocketStageProps,
)


def fixture():
    app = App()
    stack = Stack(app, "S")
    api = apigwv2.WebSocketApi(stack, "Api")
    return stack, api


CERT_ARN = "arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555"


def domain(stack):
    # A DomainName with an imported certificate. (An imported DomainName is not used: in aws-cdk-lib 2.234
    # its domainNameRef.domainName is the regional domain name, so the mapping would name the wrong domain.)
    return apigwv2.DomainName(
        stack,
        "Domain",
        domain_name="ws.example.com",
        certificate=acm.Certificate.from_certificate_arn(stack, "Cert", CERT_ARN),
    )


def stage_resource(stack):
    stages = assertions.Template.from_stack(stack).find_resources("AWS::ApiGatewayV2::Stage")
    assert len(stages) == 1
    return list(stages.values())[0]["Properties"]


def mapping_resource(stack):
    mappings = assertions.Template.from_stack(stack).find_resources("AWS::ApiGatewayV2::ApiMapping")
    assert len(mappings) == 1
    return list(mappings.values())[0]["Properties"]


# ---- structs: the generated class and a plain dict give the same template ----

def test_throttle_as_class_and_as_dict():
    results = []
    for throttle in (apigwv2.ThrottleSettings(rate_limit=10.5, burst_limit=20), {"rate_limit": 10.5, "burst_limit": 20}):
        stack, api = fixture()
        WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="dev", throttle=throttle)
        results.append(stage_resource(stack))
    assert results[0] == results[1]
    assert results[0]["DefaultRouteSettings"] == {"ThrottlingRateLimit": 10.5, "ThrottlingBurstLimit": 20}


def test_domain_mapping_as_class_and_as_dict():
    results = []
    for make in (
        lambda d: apigwv2.DomainMappingOptions(domain_name=d, mapping_key="chat"),
        lambda d: {"domain_name": d, "mapping_key": "chat"},
    ):
        stack, api = fixture()
        WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="dev", domain_mapping=make(domain(stack)))
        results.append(mapping_resource(stack))
    assert results[0] == results[1]
    assert results[0]["DomainName"] == {"Ref": "Domain66AC69E0"}
    assert results[0]["ApiMappingKey"] == "chat"
    assert results[0]["Stage"] == "dev"


def test_access_log_settings_as_class_and_as_dict():
    fmt = apigateway.AccessLogFormat.custom("$context.requestId $context.routeKey $context.status")
    results = []
    for make in (
        lambda dest: AccessLogSettings(destination=dest, format=fmt),
        lambda dest: {"destination": dest, "format": fmt},
    ):
        stack, api = fixture()
        log_group = logs.LogGroup(stack, "Logs")
        WebSocketStage(
            stack,
            "Stage",
            web_socket_api=api,
            stage_name="dev",
            access_log_settings=make(apigwv2.LogGroupLogDestination(log_group)),
        )
        results.append(stage_resource(stack))
    assert results[0] == results[1]
    assert results[0]["AccessLogSettings"]["Format"] == "$context.requestId $context.routeKey $context.status"
    assert "Fn::GetAtt" in results[0]["AccessLogSettings"]["DestinationArn"]


def test_access_log_settings_struct_reads_back_and_defaults_the_format():
    stack, api = fixture()
    settings = AccessLogSettings(destination=apigwv2.LogGroupLogDestination(logs.LogGroup(stack, "Logs")))
    assert settings.format is None
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="dev", access_log_settings=settings)
    assert stage_resource(stack)["AccessLogSettings"]["Format"] == stage.default_access_log_format().to_string()
    assert "$context.requestId" in stage.default_access_log_format().to_string()


def test_props_struct_as_class_and_as_dict():
    results = []
    for stack, api in (fixture(), fixture()):
        props = WebSocketStageProps(
            web_socket_api=api,
            stage_name="dev",
            auto_deploy=False,
            description="Chat",
            detailed_metrics_enabled=True,
            stage_variables={"table": "chat-table"},
        )
        assert props.stage_name == "dev" and props.stage_variables == {"table": "chat-table"}
        as_dict = {
            "web_socket_api": api,
            "stage_name": "dev",
            "auto_deploy": False,
            "description": "Chat",
            "detailed_metrics_enabled": True,
            "stage_variables": {"table": "chat-table"},
        }
        results.append((props, as_dict, stack))
    # the class (its fields as keyword arguments) and the dict give the same stage
    (props, _, stack1), (_, as_dict, stack2) = results
    WebSocketStage(stack1, "Stage", **{k: getattr(props, k) for k in as_dict})
    WebSocketStage(stack2, "Stage", **as_dict)
    assert stage_resource(stack1) == stage_resource(stack2)
    assert stage_resource(stack1) == {
        "ApiId": {"Ref": "ApiF70053CD"},
        "StageName": "dev",
        "AutoDeploy": False,
        "Description": "Chat",
        "DefaultRouteSettings": {"DetailedMetricsEnabled": True},
        "StageVariables": {"table": "chat-table"},
    }


def test_attributes_struct():
    stack, api = fixture()
    attrs = WebSocketStageAttributes(api=api, stage_name="prod")
    assert attrs.stage_name == "prod"
    imported = WebSocketStage.from_web_socket_stage_attributes(stack, "Imported", **{"api": api, "stage_name": "prod"})
    assert imported.stage_name == "prod"


# ---- members ----

def test_urls_resolve_from_python():
    stack, api = fixture()
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="dev")
    url = stack.resolve(stage.url)
    callback = stack.resolve(stage.callback_url)
    join = lambda parts: "".join(p if isinstance(p, str) else "<%s>" % list(p.keys())[0] for p in parts)
    assert join(url["Fn::Join"][1]) == "wss://<Ref>.execute-api.<Ref>.<Ref>/dev"
    assert join(callback["Fn::Join"][1]) == "https://<Ref>.execute-api.<Ref>.<Ref>/dev"


def test_grant_management_api_access():
    stack, api = fixture()
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="dev")
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    grant = stage.grant_management_api_access(role)
    assert isinstance(grant, iam.Grant)
    assert grant.success
    assertions.Template.from_stack(stack).has_resource_properties(
        "AWS::IAM::Policy",
        {
            "PolicyDocument": {
                "Statement": [
                    {
                        "Action": "execute-api:ManageConnections",
                        "Effect": "Allow",
                        "Resource": {
                            "Fn::Join": ["", assertions.Match.array_with([assertions.Match.string_like_regexp("/dev/\\*/@connections/\\*$")])]
                        },
                    }
                ]
            }
        },
    )


def test_metric_with_options():
    stack, api = fixture()
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="dev")
    metric = stage.metric("MessageCount", statistic="Sum", period=Duration.minutes(1), dimensions_map={"Route": "$default"})
    assert isinstance(metric, cloudwatch.Metric)
    assert metric.namespace == "AWS/ApiGateway"
    assert metric.metric_name == "MessageCount"
    assert metric.statistic == "Sum"
    assert metric.period.to_seconds() == 60
    dims = stack.resolve(metric.dimensions)
    assert dims == {"Route": "$default", "ApiId": {"Ref": "ApiF70053CD"}, "Stage": "dev"}


def test_add_stage_variable_and_apply_removal_policy():
    stack, api = fixture()
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="dev", stage_variables={"a": "1"})
    stage.add_stage_variable("b", "two")
    stage.apply_removal_policy(RemovalPolicy.RETAIN)
    template = assertions.Template.from_stack(stack)
    stages = template.find_resources("AWS::ApiGatewayV2::Stage")
    (resource,) = stages.values()
    assert resource["Properties"]["StageVariables"] == {"a": "1", "b": "two"}
    assert resource["DeletionPolicy"] == "Retain"
    assert resource["UpdateReplacePolicy"] == "Retain"


def test_imported_stage_works_except_add_stage_variable():
    stack, api = fixture()
    imported = WebSocketStage.from_web_socket_stage_attributes(stack, "Imported", api=api, stage_name="prod")
    # the static factory returns the library's IWebSocketStage interface (a jsii proxy)
    assert hasattr(imported, "grant_management_api_access")
    assert imported.api is not None
    assert "/prod" in stack.resolve(imported.url)["Fn::Join"][1][-1]
    assert stack.resolve(imported.callback_url)["Fn::Join"][1][0] == "https://"
    assert imported.metric("ConnectCount").metric_name == "ConnectCount"
    role = iam.Role(stack, "Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"))
    assert imported.grant_management_api_access(role).success
    with pytest.raises(Exception) as error:
        imported.add_stage_variable("x", "y")
    assert "addStageVariable('x') cannot change imported stage 'prod'" in str(error.value)


# ---- errors: a bad input raises a Python exception with the TypeScript message ----

@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"stage_name": "bad name!"}, "stageName must be 1-128 characters of A-Z a-z 0-9 - _ (got 'bad name!')"),
        (
            {"stage_name": "$default"},
            "stageName must be 1-128 characters of A-Z a-z 0-9 - _: '$default', which API Gateway v2 allows for the "
            "default stage of HTTP APIs, is refused by this library on WebSocket APIs",
        ),
        (
            {"stage_name": "dev", "throttle": {"rate_limit": -1}},
            "throttle.rateLimit must be a number >= 0 (got '-1')",
        ),
        (
            {"stage_name": "dev", "stage_variables": {"bad-name": "x"}},
            "stageVariables name must be one or more characters of A-Z a-z 0-9 _ (got 'bad-name')",
        ),
    ],
)
def test_bad_input_raises_with_the_typescript_message(kwargs, message):
    stack, api = fixture()
    with pytest.raises(Exception, match=re.escape(message)) as error:
        WebSocketStage(stack, "Stage", web_socket_api=api, **kwargs)
    # jsii turns the JavaScript Error into a Python exception (RuntimeError / jsii.errors.JSIIError)
    assert isinstance(error.value, (RuntimeError, jsii.errors.JSIIError))
