"""Execution-log retention and more than one custom domain, used from Python."""
import pytest
from aws_cdk import App, Stack, assertions
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_logs as logs

from cdk_websocket_stage import LoggingLevel, WebSocketStage


def fixture():
    stack = Stack(App(), "S")
    return stack, apigwv2.WebSocketApi(stack, "Api")


def test_execution_log_retention_creates_the_group_the_stage_waits_for():
    stack, api = fixture()
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", logging_level=LoggingLevel.ERROR,
                           execution_log_retention=logs.RetentionDays.ONE_MONTH)
    stage.execution_log_group.add_metric_filter(
        "Errors", filter_pattern=logs.FilterPattern.any_term("ERROR"), metric_name="E", metric_namespace="N")

    template = assertions.Template.from_stack(stack)
    template.has_resource_properties("AWS::Logs::LogGroup", {
        "LogGroupName": {"Fn::Join": ["", ["/aws/apigateway/", {"Ref": assertions.Match.string_like_regexp("^Api")}, "/prod"]]},
        "RetentionInDays": 30,
    })
    template.resource_count_is("AWS::Logs::MetricFilter", 1)
    group_id = list(template.find_resources("AWS::Logs::LogGroup"))[0]
    template.has_resource("AWS::ApiGatewayV2::Stage", {"DependsOn": assertions.Match.array_with([group_id])})


def test_without_execution_log_retention_there_is_no_group():
    stack, api = fixture()
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod")

    assert stage.execution_log_group is None
    assertions.Template.from_stack(stack).resource_count_is("AWS::Logs::LogGroup", 0)


def test_add_domain_mapping_maps_one_more_domain_with_its_urls():
    stack, api = fixture()
    first = apigwv2.DomainName.from_domain_name_attributes(
        stack, "First", name="ws.example.com", regional_domain_name="d-1.execute-api.eu-west-1.amazonaws.com",
        regional_hosted_zone_id="Z2FDTNDATAQYW2")
    other = apigwv2.DomainName.from_domain_name_attributes(
        stack, "Other", name="chat.example.org", regional_domain_name="d-2.execute-api.eu-west-1.amazonaws.com",
        regional_hosted_zone_id="Z2FDTNDATAQYW2")
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod",
                           domain_mapping=apigwv2.DomainMappingOptions(domain_name=first, mapping_key="v1"))

    mapping = stage.add_domain_mapping(domain_name=other, mapping_key="v2")

    assert mapping.node.id == "ApiMapping:chat.example.org:v2"
    assert stage.domain_url_for("chat.example.org", "v2") == "wss://chat.example.org/v2"
    assert stage.domain_callback_url_for("chat.example.org", "v2") == "https://chat.example.org/v2"
    assert stage.domain_url == "wss://ws.example.com/v1"
    template = assertions.Template.from_stack(stack)
    template.resource_count_is("AWS::ApiGatewayV2::ApiMapping", 2)
    template.has_resource_properties("AWS::ApiGatewayV2::ApiMapping", {"DomainName": "chat.example.org", "ApiMappingKey": "v2"})
    with pytest.raises(Exception, match=r"addDomainMapping must not map the stage twice .*'chat.example.org/v2'"):
        stage.add_domain_mapping(domain_name=other, mapping_key="v2")
