"""The operations features of cdk-websocket-stage, used from Python: logging, route settings, the account
CloudWatch role, WebSocket metrics, narrow grants, custom-domain URLs, tags, client certificates, managed
deployments and JSON access logs."""
import json

import pytest
from aws_cdk import App, Duration, Stack, assertions
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_apigatewayv2_integrations as integrations
from aws_cdk import aws_certificatemanager as acm
from aws_cdk import aws_iam as iam
from aws_cdk import aws_logs as logs

from cdk_websocket_stage import (
    AccessLogSettings,
    LoggingLevel,
    RouteSettings,
    WebSocketAccessLogFormat,
    WebSocketStage,
)

CERT_ARN = "arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555"


def fixture():
    stack = Stack(App(), "S")
    return stack, apigwv2.WebSocketApi(stack, "Api")


def template(stack):
    return assertions.Template.from_stack(stack)


def stage_properties(stack):
    stages = template(stack).find_resources("AWS::ApiGatewayV2::Stage")
    assert len(stages) == 1
    return list(stages.values())[0]["Properties"]


def test_execution_logging_and_account_role():
    stack, api = fixture()
    WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", auto_deploy=True,
                   logging_level=LoggingLevel.INFO, data_trace_enabled=True, cloud_watch_role=True)

    assert stage_properties(stack)["DefaultRouteSettings"] == {"LoggingLevel": "INFO", "DataTraceEnabled": True}
    template(stack).resource_count_is("AWS::ApiGateway::Account", 1)


def test_route_settings_from_props_and_added():
    stack, api = fixture()
    stage = WebSocketStage(
        stack, "Stage", web_socket_api=api, stage_name="prod", auto_deploy=True,
        throttle=apigwv2.ThrottleSettings(rate_limit=100, burst_limit=200),
        route_settings={
            "$connect": RouteSettings(throttle=apigwv2.ThrottleSettings(rate_limit=5)),
            "$default": RouteSettings(detailed_metrics_enabled=True),
        },
    )
    # the settings struct is the last argument, so Python takes its fields as keyword arguments
    stage.add_route_settings("sendmessage", logging_level=LoggingLevel.ERROR)

    assert stage_properties(stack)["RouteSettings"] == {
        "$connect": {"ThrottlingRateLimit": 5, "ThrottlingBurstLimit": 200},
        "$default": {"ThrottlingRateLimit": 100, "ThrottlingBurstLimit": 200, "DetailedMetricsEnabled": True},
        "sendmessage": {"ThrottlingRateLimit": 100, "ThrottlingBurstLimit": 200, "LoggingLevel": "ERROR"},
    }


def test_a_snake_case_dict_inside_the_route_settings_map_raises_instead_of_being_ignored():
    # jsii converts dicts to structs for arguments and struct fields, but inside a map it drops a dict's
    # snake_case keys before the library sees them; the library refuses the empty settings that remain.
    stack, api = fixture()
    with pytest.raises(RuntimeError) as raised:
        WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod",
                       route_settings={"$default": {"detailed_metrics_enabled": True}})
    assert "routeSettings.$default sets nothing" in str(raised.value)


def test_bad_route_key_raises_the_typescript_message():
    stack, api = fixture()
    with pytest.raises(RuntimeError) as raised:
        WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", route_settings={"$other": {}})
    assert "routeSettings key must be $connect, $disconnect, $default or a custom key that does not start with $ (got '$other')" in str(raised.value)


def test_websocket_metrics():
    stack, api = fixture()
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", auto_deploy=True)

    assert stage.metric_connect_count().metric_name == "ConnectCount"
    assert stage.metric_message_count().statistic == "Sum"
    assert stage.metric_integration_error().metric_name == "IntegrationError"
    assert stage.metric_client_error().metric_name == "ClientError"
    assert stage.metric_execution_error().metric_name == "ExecutionError"
    latency = stage.metric_integration_latency(statistic="p99")
    assert (latency.metric_name, latency.statistic) == ("IntegrationLatency", "p99")


def test_per_route_metrics():
    stack, api = fixture()
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", auto_deploy=True,
                           route_settings={"sendmessage": RouteSettings(detailed_metrics_enabled=True)})
    route = stage.metrics_for_route("sendmessage")

    errors = route.metric_integration_error(period=Duration.minutes(1))
    assert route.route_key == "sendmessage"
    assert (errors.metric_name, errors.statistic, errors.period.to_seconds()) == ("IntegrationError", "Sum", 60)
    assert stack.resolve(errors.dimensions) == {"ApiId": {"Ref": "ApiF70053CD"}, "Stage": "prod", "Route": "sendmessage"}
    assert stack.resolve(route.metric("MessageCount").dimensions)["Route"] == "sendmessage"
    assert assertions.Annotations.from_stack(stack).find_warning("*", assertions.Match.string_like_regexp("detailedMetricsEnabled")) == []


def test_per_route_metrics_warn_without_detailed_metrics_and_refuse_bad_keys():
    stack, api = fixture()
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", auto_deploy=True)
    stage.metrics_for_route("$connect").metric_connect_count()

    warnings = assertions.Annotations.from_stack(stack).find_warning("*", assertions.Match.string_like_regexp("detailedMetricsEnabled"))
    assert len(warnings) == 1
    assert "metricsForRoute('$connect')" in warnings[0].entry.data
    with pytest.raises(Exception, match=r"metricsForRoute routeKey must be \$connect, \$disconnect, \$default"):
        stage.metrics_for_route("$connnect")


def test_per_route_metrics_of_an_imported_stage():
    stack, api = fixture()
    imported = WebSocketStage.from_web_socket_stage_attributes(stack, "Imported", api=api, stage_name="prod")

    metric = imported.metrics_for_route("$default").metric_message_count()
    assert stack.resolve(metric.dimensions) == {"ApiId": {"Ref": "ApiF70053CD"}, "Stage": "prod", "Route": "$default"}


@pytest.mark.parametrize("grant, suffix, action", [
    ("grant_post_to_connection", "/prod/POST/@connections/*", "execute-api:ManageConnections"),
    ("grant_get_connection", "/prod/GET/@connections/*", "execute-api:ManageConnections"),
    ("grant_delete_connection", "/prod/DELETE/@connections/*", "execute-api:ManageConnections"),
    ("grant_connect", "/prod/$connect", "execute-api:Invoke"),
])
def test_narrow_grants_on_defined_and_imported_stages(grant, suffix, action):
    for imported in (False, True):
        stack, api = fixture()
        stage = (WebSocketStage.from_web_socket_stage_attributes(stack, "Stage", api=api, stage_name="prod") if imported
                 else WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", auto_deploy=True))
        getattr(stage, grant)(iam.Role(stack, "Role", assumed_by=iam.AccountRootPrincipal()))

        policies = template(stack).find_resources("AWS::IAM::Policy")
        statement = list(policies.values())[0]["Properties"]["PolicyDocument"]["Statement"][0]
        assert statement["Action"] == action
        assert statement["Resource"]["Fn::Join"][1][-1] == suffix


def test_domain_urls():
    stack, api = fixture()
    domain = apigwv2.DomainName(stack, "Domain", domain_name="ws.example.com",
                                certificate=acm.Certificate.from_certificate_arn(stack, "Cert", CERT_ARN))
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", auto_deploy=True,
                           domain_mapping={"domain_name": domain, "mapping_key": "v1"})

    assert stack.resolve(stage.domain_url) == {"Fn::Join": ["", ["wss://", {"Ref": "Domain66AC69E0"}, "/v1"]]}
    assert stack.resolve(stage.domain_callback_url) == {"Fn::Join": ["", ["https://", {"Ref": "Domain66AC69E0"}, "/v1"]]}


def test_domain_url_without_mapping_raises():
    stack, api = fixture()
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", auto_deploy=True)
    with pytest.raises(RuntimeError, match="domainUrl is only available on a stage with a domainMapping"):
        stage.domain_url


def test_imported_stage_urls_metrics_and_grants():
    stack, api = fixture()
    imported = WebSocketStage.from_web_socket_stage_attributes(stack, "Imported", api=api, stage_name="prod")

    assert stack.resolve(imported.url)["Fn::Join"][1][-1] == "/prod"
    assert stack.resolve(imported.callback_url)["Fn::Join"][1][0] == "https://"
    assert imported.metric_message_count().statistic == "Sum"
    imported.grant_management_api_access(iam.Role(stack, "Role", assumed_by=iam.AccountRootPrincipal()))
    template(stack).resource_count_is("AWS::IAM::Policy", 1)


def test_tags_and_client_certificate():
    stack, api = fixture()
    WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", auto_deploy=True,
                   tags={"team": "chat"}, client_certificate_id="abc123")

    properties = stage_properties(stack)
    assert (properties["Tags"], properties["ClientCertificateId"]) == ({"team": "chat"}, "abc123")


def test_tags_from_python_reach_the_log_group_and_alarms_and_follow_their_rules():
    stack, api = fixture()
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", tags={"team": "chat"},
                           execution_log_retention=logs.RetentionDays.ONE_DAY)
    stage.add_recommended_alarms()

    template(stack).has_resource_properties("AWS::Logs::LogGroup", {"Tags": [{"Key": "team", "Value": "chat"}]})
    alarms = template(stack).find_resources("AWS::CloudWatch::Alarm")
    assert [alarm["Properties"]["Tags"] for alarm in alarms.values()] == [[{"Key": "team", "Value": "chat"}]] * 3

    with pytest.raises(Exception, match=r"S/Reserved: tags\.owner must be .*not starting with 'aws:' \(got 'AWS:me'\)"):
        WebSocketStage(stack, "Reserved", web_socket_api=api, stage_name="reserved", tags={"owner": "AWS:me"})
    empty = WebSocketStage(stack, "Empty", web_socket_api=api, stage_name="empty", tags={"note": ""})
    with pytest.raises(Exception, match=r"S/Empty: tags\.note must not be empty on a stage with recommended alarms"):
        empty.add_recommended_alarms()


def test_managed_deployment():
    stack, api = fixture()
    api.add_route("sendmessage", integration=integrations.WebSocketMockIntegration("Mock"))
    WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", managed_deployment=True)

    deployments = template(stack).find_resources("AWS::ApiGatewayV2::Deployment")
    assert len(deployments) == 1
    assert stage_properties(stack)["DeploymentId"] == {"Ref": list(deployments)[0]}


def test_json_access_logs_as_class_and_as_dict():
    for settings_of in (
        lambda group: AccessLogSettings(destination=apigwv2.LogGroupLogDestination(group),
                                        format=WebSocketAccessLogFormat.json_with_web_socket_fields()),
        lambda group: {"destination": apigwv2.LogGroupLogDestination(group),
                       "format": WebSocketAccessLogFormat.json_with_web_socket_fields()},
    ):
        stack, api = fixture()
        WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", auto_deploy=True,
                       access_log_settings=settings_of(logs.LogGroup(stack, "Logs")))

        fields = json.loads(stage_properties(stack)["AccessLogSettings"]["Format"])
        assert fields["connectionId"] == "$context.connectionId"
        assert fields["integrationError"] == "$context.integration.error"
