"""Execution-log retention and more than one custom domain, used from Python."""
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
