"""Property injectors written in Python give WebSocketStage its defaults, as they give aws-cdk-lib's stage."""
import jsii
from aws_cdk import App, IPropertyInjector, PropertyInjectors, Stack, assertions
from aws_cdk import aws_apigatewayv2 as apigwv2

from cdk_websocket_stage import WebSocketStage


@jsii.implements(IPropertyInjector)
class Defaults:
    """Fills in `defaults` (camelCase keys, as the props arrive) where the props leave them unset, or everywhere
    with `override`."""

    def __init__(self, construct_unique_id, defaults, override=False):
        self._id = construct_unique_id
        self._defaults = defaults
        self._override = override
        self.contexts = []

    @property
    def construct_unique_id(self):
        return self._id

    def inject(self, original_props, context):
        self.contexts.append(context)
        if self._override:
            return {**original_props, **self._defaults}
        return {**self._defaults, **original_props}


def stage_properties(stack):
    stages = assertions.Template.from_stack(stack).find_resources("AWS::ApiGatewayV2::Stage")
    return list(stages.values())[0]["Properties"]


def stack_with(*injectors):
    app = App()
    PropertyInjectors.of(app).add(*injectors)
    return Stack(app, "S")


def test_property_injection_id():
    assert WebSocketStage.PROPERTY_INJECTION_ID == "cdk-websocket-stage.WebSocketStage"


def test_python_injector_for_this_librarys_id_gives_every_stage_its_defaults():
    injector = Defaults(WebSocketStage.PROPERTY_INJECTION_ID, {"description": "org default", "throttle": {"rateLimit": 10}})
    stack = stack_with(injector)
    WebSocketStage(stack, "Stage", web_socket_api=apigwv2.WebSocketApi(stack, "Api"), stage_name="dev")

    properties = stage_properties(stack)
    assert properties["Description"] == "org default"
    assert properties["DefaultRouteSettings"] == {"ThrottlingRateLimit": 10}
    assert injector.contexts[0].id == "Stage"
    assert injector.contexts[0].scope.node.path == "S"


def test_python_injector_for_aws_cdk_libs_stage_applies_too_and_this_librarys_wins():
    theirs = Defaults(apigwv2.WebSocketStage.PROPERTY_INJECTION_ID, {"description": "aws-cdk-lib stages", "autoDeploy": True})
    ours = Defaults(WebSocketStage.PROPERTY_INJECTION_ID, {"description": "cdk-websocket-stage stages"}, override=True)
    stack = stack_with(theirs, ours)
    WebSocketStage(stack, "Stage", web_socket_api=apigwv2.WebSocketApi(stack, "Api"), stage_name="dev")

    properties = stage_properties(stack)
    # aws-cdk-lib's injector applies first; this library's gets its result and has the last word.
    assert properties["Description"] == "cdk-websocket-stage stages"
    assert properties["AutoDeploy"] is True
    assert len(theirs.contexts) == 1 and len(ours.contexts) == 1
