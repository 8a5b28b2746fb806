package io.github.cdk_websocket_stage.bindingtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.cdk_websocket_stage.IWebSocketRouteMetrics;
import io.github.cdk_websocket_stage.WebSocketStage;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.aws_apigatewayv2_integrations.WebSocketLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.DomainMappingOptions;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.apigatewayv2.WebSocketApi;
import software.amazon.awscdk.services.apigatewayv2.WebSocketRouteOptions;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

/** The seed app (test/seed/seed.ts) in Java, through the jar that jsii-pacmak built. */
class SeedAppTest {

    private static Function handler(Stack stack, String id) {
        return Function.Builder.create(stack, id)
                .runtime(Runtime.NODEJS_20_X)
                .handler("index.handler")
                .code(Code.fromInline("exports.handler = async () => ({ statusCode: 200 });"))
                .build();
    }

    private static WebSocketRouteOptions route(String integrationId, Function handler) {
        return WebSocketRouteOptions.builder()
                .integration(new WebSocketLambdaIntegration(integrationId, handler))
                .build();
    }

    /** Builds the seed stack. */
    static Stack seed() {
        App app = new App();
        Stack stack = new Stack(app, "Seed");

        WebSocketApi api = WebSocketApi.Builder.create(stack, "ChatApi")
                .connectRouteOptions(route("ConnectIntegration", handler(stack, "ConnectHandler")))
                .disconnectRouteOptions(route("DisconnectIntegration", handler(stack, "DisconnectHandler")))
                .defaultRouteOptions(route("DefaultIntegration", handler(stack, "DefaultHandler")))
                .build();

        DomainName domainName = DomainName.Builder.create(stack, "Domain")
                .domainName("ws.example.com")
                .certificate(Certificate.fromCertificateArn(stack, "Cert",
                        "arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555"))
                .build();

        WebSocketStage stage = WebSocketStage.Builder.create(stack, "mystage")
                .webSocketApi(api)
                .stageName("prod")
                .autoDeploy(true)
                .domainMapping(DomainMappingOptions.builder().domainName(domainName).mappingKey("chat").build())
                .throttle(ThrottleSettings.builder().rateLimit(100).burstLimit(50).build())
                .build();

        Function broadcaster = handler(stack, "Broadcaster");
        stage.grantManagementApiAccess(broadcaster);

        CfnOutput.Builder.create(stack, "Url").value(stage.getUrl()).build();
        CfnOutput.Builder.create(stack, "CallbackUrl").value(stage.getCallbackUrl()).build();
        return stack;
    }

    @Test
    void seedAppSynthesizesTheStageMappingAndGrant() throws Exception {
        Template template = Template.fromStack(seed());

        template.resourceCountIs("AWS::ApiGatewayV2::Stage", 1);
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
                "ApiId", Map.of("Ref", Match.stringLikeRegexp("^ChatApi")),
                "StageName", "prod",
                "AutoDeploy", true,
                "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 100, "ThrottlingBurstLimit", 50)));
        template.hasResourceProperties("AWS::ApiGatewayV2::ApiMapping", Map.of(
                "DomainName", Map.of("Ref", Match.stringLikeRegexp("^Domain")),
                "Stage", "prod",
                "ApiMappingKey", "chat"));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of(
                "PolicyDocument", Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Action", "execute-api:ManageConnections",
                        "Effect", "Allow")))),
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("^BroadcasterServiceRole")))));
        template.resourceCountIs("AWS::ApiGatewayV2::Route", 3);

        // The cross-language comparison (scripts/compare-seed-templates.js) reads this file.
        String out = System.getProperty("seed.template.out", "");
        if (!out.isEmpty()) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(new File(out), template.toJSON());
        }
    }

    @Test
    void badInputThrowsTheTypeScriptMessage() {
        Stack stack = new Stack(new App(), "S");
        WebSocketApi api = new WebSocketApi(stack, "Api");
        RuntimeException error = assertThrows(RuntimeException.class, () ->
                WebSocketStage.Builder.create(stack, "Stage").webSocketApi(api).stageName("bad name!").build());
        assertTrue(error.getMessage().contains(
                "stageName must be 1-128 characters of A-Z a-z 0-9 - _ (got 'bad name!')"), error.getMessage());
    }

    @Test
    void importedStageHasUrlsAndRefusesStageVariables() {
        Stack stack = new Stack(new App(), "S");
        WebSocketApi api = new WebSocketApi(stack, "Api");
        var imported = WebSocketStage.fromWebSocketStageAttributes(stack, "Imported",
                io.github.cdk_websocket_stage.WebSocketStageAttributes.builder().api(api).stageName("prod").build());
        assertEquals("prod", imported.getStageName());
        assertEquals("ConnectCount", imported.metric("ConnectCount").getMetricName());
        RuntimeException error = assertThrows(RuntimeException.class, () -> imported.addStageVariable("x", "y"));
        assertTrue(error.getMessage().contains("cannot change imported stage 'prod'"), error.getMessage());
    }

    @Test
    void perRouteMetricsCarryTheRouteDimensionAndShareMetricOptions() {
        Stack stack = new Stack(new App(), "S");
        WebSocketApi api = new WebSocketApi(stack, "Api");
        WebSocketStage stage = WebSocketStage.Builder.create(stack, "Stage")
                .webSocketApi(api).stageName("prod").autoDeploy(true).detailedMetricsEnabled(true).build();
        // One MetricOptions value serves the stage-wide and the per-route helpers alike.
        MetricOptions oneMinute = MetricOptions.builder().period(Duration.minutes(1)).build();

        IWebSocketRouteMetrics route = stage.metricsForRoute("sendmessage");
        Metric errors = route.metricIntegrationError(oneMinute);
        assertEquals("sendmessage", route.getRouteKey());
        assertEquals("IntegrationError", errors.getMetricName());
        assertEquals("Sum", errors.getStatistic());
        assertEquals(60, errors.getPeriod().toSeconds().intValue());
        Map<?, ?> dimensions = (Map<?, ?>) stack.resolve(errors.getDimensions());
        assertEquals("sendmessage", dimensions.get("Route"));
        assertEquals("prod", dimensions.get("Stage"));
        assertEquals(60, stage.metricMessageCount(oneMinute).getPeriod().toSeconds().intValue());
    }
}
