package io.github.cdk_websocket_stage.bindingtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cdk_websocket_stage.RecommendedAlarmSettings;
import io.github.cdk_websocket_stage.RecommendedAlarmsOptions;
import io.github.cdk_websocket_stage.WebSocketStage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.apigatewayv2.WebSocketApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;

/** AWS's recommended alarms and the dashboard widgets, from Java. */
class AlarmsTest {

    @Test
    void recommendedAlarmsTakeAnActionAndAnOverrideAndTheWidgetsShowThem() {
        Stack stack = new Stack(new App(), "S");
        WebSocketStage stage = WebSocketStage.Builder.create(stack, "Stage")
                .webSocketApi(new WebSocketApi(stack, "Api")).stageName("prod").autoDeploy(true).build();
        Topic topic = new Topic(stack, "Topic");

        List<Alarm> alarms = stage.addRecommendedAlarms(RecommendedAlarmsOptions.builder()
                .actions(List.of(new SnsAction(topic)))
                .integrationLatency(RecommendedAlarmSettings.builder().threshold(1000).build())
                .build());
        List<IWidget> widgets = stage.dashboardWidgets();
        Dashboard.Builder.create(stack, "Dashboard").widgets(List.of(widgets)).build();

        assertEquals(3, alarms.size());
        assertEquals(5, widgets.size()); // four graphs and the alarms' state
        Template template = Template.fromStack(stack);
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        Map<String, Map<String, Object>> found = template.findResources("AWS::CloudWatch::Alarm");
        int tuned = 0;
        for (Map<String, Object> alarm : found.values()) {
            Map<?, ?> properties = (Map<?, ?>) alarm.get("Properties");
            assertEquals(1, ((List<?>) properties.get("AlarmActions")).size());
            if ("IntegrationLatency".equals(properties.get("MetricName"))) {
                assertEquals(1000, ((Number) properties.get("Threshold")).intValue());
                tuned++;
            }
        }
        assertEquals(1, tuned);
    }
}
