"""The shapes Python users give route settings in. jsii converts a dict given as a keyword argument, or as a
struct's field, into the struct; a dict inside the route_settings map only loses its snake_case keys. The
library refuses what arrives empty, and the keyword-argument shapes keep every field."""
import pytest
from aws_cdk import App, Stack, assertions
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_certificatemanager as acm

from cdk_websocket_stage import RouteSettings, WebSocketStage

CERT_ARN = "arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555"


def new_stage(**props):
    stack = Stack(App(), "S")
    api = apigwv2.WebSocketApi(stack, "Api")
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", auto_deploy=True,
                           throttle=apigwv2.ThrottleSettings(rate_limit=100), **props)
    return stack, stage


def connect_settings(stack):
    stages = assertions.Template.from_stack(stack).find_resources("AWS::ApiGatewayV2::Stage")
    return list(stages.values())[0]["Properties"]["RouteSettings"]["$connect"]


def test_a_snake_case_throttle_dict_inside_the_map_raises_naming_the_prop():
    with pytest.raises(RuntimeError) as raised:
        new_stage(route_settings={"$connect": {"detailedMetricsEnabled": True, "throttle": {"rate_limit": 1}}})
    assert "routeSettings.$connect.throttle sets nothing" in str(raised.value)
    assert "add_route_settings(route_key, throttle=" in str(raised.value)


def test_route_settings_in_the_map_keep_the_throttle():
    stack, _ = new_stage(route_settings={
        "$connect": RouteSettings(throttle=apigwv2.ThrottleSettings(rate_limit=1), detailed_metrics_enabled=True),
    })
    assert connect_settings(stack) == {"ThrottlingRateLimit": 1, "DetailedMetricsEnabled": True}


def test_keyword_arguments_keep_the_throttle():
    stack, stage = new_stage()
    stage.add_route_settings("$connect", throttle=apigwv2.ThrottleSettings(rate_limit=1))
    assert connect_settings(stack) == {"ThrottlingRateLimit": 1}


def test_a_dict_given_as_a_keyword_argument_keeps_the_throttle():
    stack, stage = new_stage()
    stage.add_route_settings("$connect", throttle={"rate_limit": 1})
    assert connect_settings(stack) == {"ThrottlingRateLimit": 1}


def test_aws_cdk_lib_logical_ids_keeps_the_mapping_id_of_aws_cdk_lib():
    stack = Stack(App(), "S")
    api = apigwv2.WebSocketApi(stack, "Api")
    domain = apigwv2.DomainName(stack, "Domain", domain_name="ws.example.com",
                                certificate=acm.Certificate.from_certificate_arn(stack, "Cert", CERT_ARN))
    WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod",
                   domain_mapping=apigwv2.DomainMappingOptions(domain_name=domain, mapping_key="v1"),
                   aws_cdk_lib_logical_ids=True)

    mappings = assertions.Template.from_stack(stack).find_resources("AWS::ApiGatewayV2::ApiMapping")
    assert [logical_id[:-8] for logical_id in mappings] == ["StageSDomainv1"]
