"""AWS's recommended alarms and the dashboard widgets, used from Python: actions, a tuned alarm passed as kwargs
and as a dict, an imported stage, and the widgets in a Dashboard."""
import pytest
from aws_cdk import App, Duration, Stack, assertions
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_cloudwatch_actions as cw_actions
from aws_cdk import aws_sns as sns

from cdk_websocket_stage import RecommendedAlarmSettings, WebSocketStage


def fixture():
    stack = Stack(App(), "S")
    api = apigwv2.WebSocketApi(stack, "Api")
    return stack, WebSocketStage(stack, "Stage", web_socket_api=api, stage_name="prod", auto_deploy=True)


def alarms_by_metric(stack):
    alarms = assertions.Template.from_stack(stack).find_resources("AWS::CloudWatch::Alarm")
    return {alarm["Properties"]["MetricName"]: alarm["Properties"] for alarm in alarms.values()}


def test_recommended_alarms_with_an_action_and_overrides_and_the_dashboard_widgets():
    stack, stage = fixture()
    topic = sns.Topic(stack, "Topic")

    alarms = stage.add_recommended_alarms(
        actions=[cw_actions.SnsAction(topic)],
        integration_latency=RecommendedAlarmSettings(threshold=1000, period=Duration.minutes(5)),
        client_error={"enabled": False},
    )
    widgets = stage.dashboard_widgets()
    cloudwatch.Dashboard(stack, "Dashboard", widgets=[widgets])

    assert [alarm.node.id for alarm in alarms] == ["ExecutionError", "IntegrationLatency"]
    found = alarms_by_metric(stack)
    assert set(found) == {"ExecutionError", "IntegrationLatency"}
    assert (found["IntegrationLatency"]["Threshold"], found["IntegrationLatency"]["Period"]) == (1000, 300)
    assert (found["ExecutionError"]["Threshold"], found["ExecutionError"]["EvaluationPeriods"]) == (0.05, 3)
    assert all(alarm["AlarmActions"] == [stack.resolve(topic.topic_arn)] for alarm in found.values())
    assert len(widgets) == 5  # four graphs and the alarms' state
    assertions.Template.from_stack(stack).resource_count_is("AWS::CloudWatch::Dashboard", 1)


def test_an_imported_stage_gets_the_alarms_and_a_second_call_raises():
    stack, _ = fixture()
    imported = WebSocketStage.from_web_socket_stage_attributes(stack, "Imported",
                                                               api=apigwv2.WebSocketApi(stack, "Other"), stage_name="live")

    assert len(imported.add_recommended_alarms()) == 3
    with pytest.raises(Exception, match=r"S/Imported: addRecommendedAlarms was already called for this stage"):
        imported.add_recommended_alarms()


def test_dashboard_widget_height_from_python_is_checked_against_cloudwatch_limit():
    _, stage = fixture()

    assert [widget.height for widget in stage.dashboard_widgets(height=1000)] == [1000] * 4
    with pytest.raises(Exception, match=r"S/Stage: height must be an integer from 1 to 1000 \(got '1001'\)"):
        stage.dashboard_widgets(height=1001)


@pytest.mark.parametrize(
    "settings, message",
    [
        (RecommendedAlarmSettings(period=Duration.seconds(30)),
         r"S/Stage: integrationLatency\.period must be a whole number of minutes: API Gateway publishes its metrics "
         r"once a minute, so a shorter period would wait on data that never comes \(got '30 seconds'\)"),
        ({"period": Duration.hours(1), "evaluation_periods": 169},
         r"S/Stage: integrationLatency\.evaluationPeriods times the period must be at most 7 days, CloudWatch's limit "
         r"on an alarm's evaluation \(got '169 x 1 hour'\)"),
    ],
)
def test_alarm_periods_from_python_follow_api_gateway_and_cloudwatch(settings, message):
    _, stage = fixture()

    with pytest.raises(Exception, match=message):
        stage.add_recommended_alarms(integration_latency=settings)


def test_route_keys_from_python_that_construct_ids_would_confuse_get_ids_of_their_own():
    _, stage = fixture()

    scopes = [stage.add_recommended_alarms(route_key=key)[0].node.scope.node.id for key in ["a/b", "a--b", "a%2Fb"]]
    assert scopes == ["Route-a%2Fb", "Route-a--b", "Route-a%252Fb"]
