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
	stack, api := newApi()
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

func importedDomain(stack awscdk.Stack, id string, name string) awsapigatewayv2.IDomainName {
	return awsapigatewayv2.DomainName_FromDomainNameAttributes(stack, jsii.String(id), &awsapigatewayv2.DomainNameAttributes{
		Name:                 jsii.String(name),
		RegionalDomainName:   jsii.String(id + ".execute-api.eu-west-1.amazonaws.com"),
		RegionalHostedZoneId: jsii.String("Z2FDTNDATAQYW2"),
	})
}

func TestAddDomainMappingMapsOneMoreDomainWithItsUrls(t *testing.T) {
	stack, api := newApi()
	stage := cdkwebsocketstage.NewWebSocketStage(stack, jsii.String("Stage"), &cdkwebsocketstage.WebSocketStageProps{
		WebSocketApi: api,
		StageName:    jsii.String("prod"),
		DomainMapping: &awsapigatewayv2.DomainMappingOptions{
			DomainName: importedDomain(stack, "First", "ws.example.com"),
			MappingKey: jsii.String("v1"),
		},
	})
	other := importedDomain(stack, "Other", "chat.example.org")

	mapping := stage.AddDomainMapping(&awsapigatewayv2.DomainMappingOptions{DomainName: other, MappingKey: jsii.String("v2")})

	if got := *mapping.Node().Id(); got != "ApiMapping:chat.example.org:v2" {
		t.Fatalf("mapping id = %q", got)
	}
	if got := *stage.DomainUrlFor(jsii.String("chat.example.org"), jsii.String("v2")); got != "wss://chat.example.org/v2" {
		t.Fatalf("DomainUrlFor = %q", got)
	}
	if got := *stage.DomainCallbackUrlFor(jsii.String("chat.example.org"), jsii.String("v2")); got != "https://chat.example.org/v2" {
		t.Fatalf("DomainCallbackUrlFor = %q", got)
	}
	if got := *stage.DomainUrl(); got != "wss://ws.example.com/v1" {
		t.Fatalf("DomainUrl = %q", got)
	}
	template := assertions.Template_FromStack(stack, nil)
	template.ResourceCountIs(jsii.String("AWS::ApiGatewayV2::ApiMapping"), jsii.Number(2))
	template.HasResourceProperties(jsii.String("AWS::ApiGatewayV2::ApiMapping"), map[string]interface{}{
		"DomainName": "chat.example.org", "ApiMappingKey": "v2",
	})
}
