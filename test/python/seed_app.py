"""The seed app in Python: the same stack as test/seed/seed.ts, built through the generated bindings."""
from aws_cdk import App, CfnOutput, Stack
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_certificatemanager as acm
from aws_cdk import aws_lambda as lambda_
from aws_cdk.aws_apigatewayv2_integrations import WebSocketLambdaIntegration

from cdk_websocket_stage import WebSocketStage


def build_seed():
    """Returns (app, stack, stage) of the seed app."""
    app = App()
    stack = Stack(app, "Seed")

    def handler(id):
        return lambda_.Function(
            stack,
            id,
            runtime=lambda_.Runtime.NODEJS_20_X,
            handler="index.handler",
            code=lambda_.Code.from_inline("exports.handler = async () => ({ statusCode: 200 });"),
        )

    api = apigwv2.WebSocketApi(
        stack,
        "ChatApi",
        connect_route_options=apigwv2.WebSocketRouteOptions(
            integration=WebSocketLambdaIntegration("ConnectIntegration", handler("ConnectHandler"))
        ),
        disconnect_route_options=apigwv2.WebSocketRouteOptions(
            integration=WebSocketLambdaIntegration("DisconnectIntegration", handler("DisconnectHandler"))
        ),
        default_route_options=apigwv2.WebSocketRouteOptions(
            integration=WebSocketLambdaIntegration("DefaultIntegration", handler("DefaultHandler"))
        ),
    )

    domain_name = apigwv2.DomainName(
        stack,
        "Domain",
        domain_name="ws.example.com",
        certificate=acm.Certificate.from_certificate_arn(
            stack,
            "Cert",
            "arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555",
        ),
    )

    stage = WebSocketStage(
        stack,
        "mystage",
        web_socket_api=api,
        stage_name="prod",
        auto_deploy=True,
        domain_mapping=apigwv2.DomainMappingOptions(domain_name=domain_name, mapping_key="chat"),
        throttle=apigwv2.ThrottleSettings(rate_limit=100, burst_limit=50),
    )

    broadcaster = handler("Broadcaster")
    stage.grant_management_api_access(broadcaster)

    CfnOutput(stack, "Url", value=stage.url)
    CfnOutput(stack, "CallbackUrl", value=stage.callback_url)
    return app, stack, stage
