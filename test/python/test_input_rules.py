"""Input rules met from Python: deploy-time booleans, names taken across the app, keys a dict misspells, the
account's existing CloudWatch setting, metric dimensions and data trace."""
import re

import pytest
from aws_cdk import App, CfnCondition, CfnParameter, Fn, Stack, assertions
from aws_cdk import aws_apigateway as apigateway
from aws_cdk import aws_apigatewayv2 as apigwv2

from cdk_websocket_stage import LoggingLevel, WebSocketStage


def fixture():
    stack = Stack(App(), "S")
    return stack, apigwv2.WebSocketApi(stack, "Api")


def imported_domain(stack, id="Domain", name="chat.example.com"):
    return apigwv2.DomainName.from_domain_name_attributes(
        stack, id, name=name, regional_domain_name="d-abc.execute-api.eu-west-1.amazonaws.com",
        regional_hosted_zone_id="Z2FDTNDATAQYW2")


def is_prod(stack):
    env = CfnParameter(stack, "Env")
    condition = CfnCondition(stack, "IsProd", expression=Fn.condition_equals(env.value_as_string, "prod"))
    return Fn.condition_if(condition.logical_id, True, False)


def stage_properties(stack):
    stages = assertions.Template.from_stack(stack).find_resources("AWS::ApiGatewayV2::Stage")
    return list(stages.values())[0]["Properties"]


# ---- item 2: booleans decided at deploy time ----
# The library passes them through (TypeScript tests), but from Python they never reach it: the jsii runtime takes
# only True or False for a boolean field, for aws-cdk-lib's own stage too. The escape hatch on the L1 writes one.

def test_a_boolean_decided_by_a_condition_is_refused_by_the_jsii_runtime_before_the_library():
    stack, api = fixture()
    with pytest.raises(Exception, match="detailedMetricsEnabled|Unable to deserialize value as boolean"):
        WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod",
                       route_settings={"$connect": {"detailedMetricsEnabled": is_prod(stack)}})


def test_the_escape_hatch_writes_a_boolean_decided_by_a_condition():
    stack, api = fixture()
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod")
    stage.node.default_child.add_property_override("AutoDeploy", is_prod(stack))

    assert stage_properties(stack)["AutoDeploy"] == {"Fn::If": ["IsProd", True, False]}


# ---- item 1: one stage of the app per domain and key ----

def test_two_stages_on_one_domain_and_key_raise_naming_both():
    stack, api = fixture()
    WebSocketStage(stack, "First", web_socket_api=api, stage_name="one",
                   domain_mapping=apigwv2.DomainMappingOptions(domain_name=imported_domain(stack), mapping_key="v1"))
    second = WebSocketStage(stack, "Second", web_socket_api=api, stage_name="two")

    with pytest.raises(RuntimeError) as raised:
        second.add_domain_mapping(domain_name=imported_domain(stack, "Again"), mapping_key="v1")
    assert ("S/Second: addDomainMapping must not map a domain and key another stage maps: stage 'S/First' already maps it"
            in str(raised.value))


# ---- item 10: a stage that fails keeps no name ----

def test_a_stage_that_failed_leaves_its_name_to_the_next():
    stack, api = fixture()
    with pytest.raises(RuntimeError, match="S/First: stageVariables name"):
        WebSocketStage(stack, "First", web_socket_api=api, stage_name="prod", stage_variables={"bad-name": "v"})

    WebSocketStage(stack, "Second", web_socket_api=api, stage_name="prod")
    assert stage_properties(stack)["StageName"] == "prod"


# ---- item 5: keys a dict or a keyword argument misspells ----
# A misspelt keyword argument is Python's own TypeError; inside a route_settings dict jsii keeps only the declared
# fields, so a misspelt one is dropped, and the library refuses the settings that are left empty.

def test_a_misspelt_keyword_argument_is_refused_by_python():
    stack, api = fixture()
    with pytest.raises(TypeError, match="stagename"):
        WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", stagename="dev")


def test_a_misspelt_key_in_a_route_settings_dict_leaves_settings_the_library_refuses():
    stack, api = fixture()
    with pytest.raises(RuntimeError, match=re.escape("S/Stage: routeSettings.$connect sets nothing")):
        WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod",
                       route_settings={"$connect": {"detailedMetricEnabled": True}})


# ---- item 3: an AWS::ApiGateway::Account already in the stack ----

def test_a_logging_stage_waits_for_a_rest_apis_account_without_a_second():
    stack, api = fixture()
    rest = apigateway.RestApi(stack, "Rest", cloud_watch_role=True)
    rest.root.add_method("GET", apigateway.MockIntegration())
    WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", logging_level=LoggingLevel.ERROR,
                   cloud_watch_role=True)

    template = assertions.Template.from_stack(stack)
    template.resource_count_is("AWS::ApiGateway::Account", 1)
    account_id = list(template.find_resources("AWS::ApiGateway::Account"))[0]
    template.has_resource("AWS::ApiGatewayV2::Stage", {"DependsOn": [account_id]})


# ---- item 6: metric dimensions cannot point at another stage ----

def test_a_metric_with_another_stage_in_its_dimensions_raises():
    stack, api = fixture()
    stage = WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod")

    with pytest.raises(RuntimeError, match=re.escape("S/Stage: dimensionsMap.Stage 'other' differs from this stage's, 'prod'")):
        stage.metric("MessageCount", dimensions_map={"Stage": "other"})


# ---- item 7: data trace needs a logging level ----

def test_data_trace_without_a_logging_level_raises():
    stack, api = fixture()
    with pytest.raises(RuntimeError, match=re.escape("S/Stage: dataTraceEnabled cannot be true when loggingLevel is not set "
                                                     "(an unset level is OFF)")):
        WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", data_trace_enabled=True)
