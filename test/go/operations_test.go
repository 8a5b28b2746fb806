// Execution-log retention and more than one custom domain, in Go.
package bindingtest

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-websocket-stage/cdk-websocket-stage-go/cdkwebsocketstage"
)

func TestExecutionLogRetentionCreatesTheGroupTheStageWaitsFor(t *testing.T) {
	stack := awscdk.NewStack(awscdk.NewApp(nil), jsii.String("S"), nil)
	api := awsapigatewayv2.NewWebSocketApi(stack, jsii.String("Api"), nil)
	stage := cdkwebsocketstage.NewWebSocketStage(stack, jsii.String("Stage"), &cdkwebsocketstage.WebSocketStageProps{
		WebSocketApi:          api,
		StageName:             jsii.String("prod"),
		LoggingLevel:          cdkwebsocketstage.LoggingLevel_ERROR,
		ExecutionLogRetention: awslogs.RetentionDays_ONE_MONTH,
	})
	if stage.ExecutionLogGroup() == nil {
		t.Fatal("ExecutionLogGroup() is nil with a retention set")
	}

	template := assertions.Template_FromStack(stack, nil)
	template.HasResourceProperties(jsii.String("AWS::Logs::LogGroup"), map[string]interface{}{
		"LogGroupName": map[string]interface{}{"Fn::Join": []interface{}{"", []interface{}{
			"/aws/apigateway/", map[string]interface{}{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^Api"))}, "/prod"}}},
		"RetentionInDays": 30,
	})
	var groupId string
	for id := range *template.FindResources(jsii.String("AWS::Logs::LogGroup"), nil) {
		groupId = id
	}
	template.HasResource(jsii.String("AWS::ApiGatewayV2::Stage"), map[string]interface{}{
		"DependsOn": assertions.Match_ArrayWith(&[]interface{}{groupId}),
	})
}
