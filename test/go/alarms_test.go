// AWS's recommended alarms and the dashboard widgets, from Go.
package bindingtest

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-websocket-stage/cdk-websocket-stage-go/cdkwebsocketstage"
)

func TestRecommendedAlarmsTakeAnActionAndAnOverrideAndTheWidgetsShowThem(t *testing.T) {
	stack, api := newApi()
	stage := cdkwebsocketstage.NewWebSocketStage(stack, jsii.String("Stage"), &cdkwebsocketstage.WebSocketStageProps{
		WebSocketApi: api,
		StageName:    jsii.String("prod"),
		AutoDeploy:   jsii.Bool(true),
	})
	topic := awssns.NewTopic(stack, jsii.String("Topic"), nil)

	alarms := stage.AddRecommendedAlarms(&cdkwebsocketstage.RecommendedAlarmsOptions{
		Actions:      &[]awscloudwatch.IAlarmAction{awscloudwatchactions.NewSnsAction(topic)},
		ClientError:  &cdkwebsocketstage.RecommendedAlarmSettings{Enabled: jsii.Bool(false)},
		MessageCount: &cdkwebsocketstage.RecommendedAlarmSettings{Threshold: jsii.Number(10)},
	})
	widgets := stage.DashboardWidgets(nil)
	awscloudwatch.NewDashboard(stack, jsii.String("Dashboard"), &awscloudwatch.DashboardProps{
		Widgets: &[]*[]awscloudwatch.IWidget{widgets},
	})

	if len(*alarms) != 3 {
		t.Fatalf("got %d alarms, want ExecutionError, IntegrationLatency and MessageCount", len(*alarms))
	}
	if len(*widgets) != 5 {
		t.Fatalf("got %d widgets, want four graphs and the alarms' state", len(*widgets))
	}
	template := assertions.Template_FromStack(stack, nil)
	template.ResourceCountIs(jsii.String("AWS::CloudWatch::Alarm"), jsii.Number(3))
	template.HasResourceProperties(jsii.String("AWS::CloudWatch::Alarm"), map[string]interface{}{
		"MetricName":         "MessageCount",
		"Threshold":          10,
		"ComparisonOperator": "LessThanThreshold",
		"AlarmActions":       []interface{}{stack.Resolve(topic.TopicArn())},
	})
}
