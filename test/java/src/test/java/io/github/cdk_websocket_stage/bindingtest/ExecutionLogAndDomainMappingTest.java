package io.github.cdk_websocket_stage.bindingtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cdk_websocket_stage.LoggingLevel;
import io.github.cdk_websocket_stage.WebSocketStage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.apigatewayv2.DomainMappingOptions;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.DomainNameAttributes;
import software.amazon.awscdk.services.apigatewayv2.IApiMapping;
import software.amazon.awscdk.services.apigatewayv2.IDomainName;
import software.amazon.awscdk.services.apigatewayv2.WebSocketApi;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Execution-log retention and more than one custom domain, used from Java. */
class ExecutionLogAndDomainMappingTest {

    @Test
    void executionLogRetentionCreatesTheGroupTheStageWaitsFor() {
        Stack stack = new Stack(new App(), "S");
        WebSocketApi api = new WebSocketApi(stack, "Api");
        WebSocketStage stage = WebSocketStage.Builder.create(stack, "Stage")
                .webSocketApi(api).stageName("prod").loggingLevel(LoggingLevel.ERROR)
                .executionLogRetention(RetentionDays.ONE_MONTH).build();

        assertNotNull(stage.getExecutionLogGroup());
        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", Map.of("Fn::Join", List.of("", List.of(
                        "/aws/apigateway/", Map.of("Ref", Match.stringLikeRegexp("^Api")), "/prod"))),
                "RetentionInDays", 30));
        String groupId = template.findResources("AWS::Logs::LogGroup").keySet().iterator().next();
        template.hasResource("AWS::ApiGatewayV2::Stage", Map.of("DependsOn", Match.arrayWith(List.of(groupId))));
    }

    private static IDomainName domain(Stack stack, String id, String name) {
        return DomainName.fromDomainNameAttributes(stack, id, DomainNameAttributes.builder()
                .name(name).regionalDomainName(id + ".execute-api.eu-west-1.amazonaws.com")
                .regionalHostedZoneId("Z2FDTNDATAQYW2").build());
    }

    @Test
    void addDomainMappingMapsOneMoreDomainWithItsUrls() {
        Stack stack = new Stack(new App(), "S");
        WebSocketApi api = new WebSocketApi(stack, "Api");
        WebSocketStage stage = WebSocketStage.Builder.create(stack, "Stage")
                .webSocketApi(api).stageName("prod")
                .domainMapping(DomainMappingOptions.builder().domainName(domain(stack, "First", "ws.example.com")).mappingKey("v1").build())
                .build();
        IDomainName other = domain(stack, "Other", "chat.example.org");

        IApiMapping mapping = stage.addDomainMapping(DomainMappingOptions.builder().domainName(other).mappingKey("v2").build());

        assertEquals("ApiMapping:chat.example.org:v2", mapping.getNode().getId());
        assertEquals("wss://chat.example.org/v2", stage.domainUrlFor("chat.example.org", "v2"));
        assertEquals("https://chat.example.org/v2", stage.domainCallbackUrlFor("chat.example.org", "v2"));
        assertEquals("wss://ws.example.com/v1", stage.getDomainUrl());
        Template template = Template.fromStack(stack);
        template.resourceCountIs("AWS::ApiGatewayV2::ApiMapping", 2);
        template.hasResourceProperties("AWS::ApiGatewayV2::ApiMapping", Map.of(
                "DomainName", "chat.example.org", "ApiMappingKey", "v2"));
        RuntimeException error = assertThrows(RuntimeException.class, () ->
                stage.addDomainMapping(DomainMappingOptions.builder().domainName(other).mappingKey("v2").build()));
        assertTrue(error.getMessage().contains(
                "addDomainMapping must not map the stage twice on the same domain and key (got 'chat.example.org/v2')"), error.getMessage());
    }
}
