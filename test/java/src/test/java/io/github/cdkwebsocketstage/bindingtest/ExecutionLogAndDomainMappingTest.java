package io.github.cdkwebsocketstage.bindingtest;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.cdkwebsocketstage.LoggingLevel;
import io.github.cdkwebsocketstage.WebSocketStage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
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
}
