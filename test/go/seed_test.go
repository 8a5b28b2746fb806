// The seed app (test/seed/seed.ts) in Go, through the module jsii-pacmak generated in dist/go.
package bindingtest

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2integrations"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscertificatemanager"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-websocket-stage/cdk-websocket-stage-go/cdkwebsocketstage"
)

func handler(stack awscdk.Stack, id string) awslambda.Function {
	return awslambda.NewFunction(stack, jsii.String(id), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_NODEJS_20_X(),
		Handler: jsii.String("index.handler"),
		Code:    awslambda.Code_FromInline(jsii.String("exports.handler = async () => ({ statusCode: 200 });")),
	})
}

func route(integrationId string, fn awslambda.Function) *awsapigatewayv2.WebSocketRouteOptions {
	return &awsapigatewayv2.WebSocketRouteOptions{
		Integration: awsapigatewayv2integrations.NewWebSocketLambdaIntegration(jsii.String(integrationId), fn, nil),
	}
}

// seed builds the seed stack.
func seed() awscdk.Stack {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Seed"), nil)

	api := awsapigatewayv2.NewWebSocketApi(stack, jsii.String("ChatApi"), &awsapigatewayv2.WebSocketApiProps{
		ConnectRouteOptions:    route("ConnectIntegration", handler(stack, "ConnectHandler")),
		DisconnectRouteOptions: route("DisconnectIntegration", handler(stack, "DisconnectHandler")),
		DefaultRouteOptions:    route("DefaultIntegration", handler(stack, "DefaultHandler")),
	})

	domainName := awsapigatewayv2.NewDomainName(stack, jsii.String("Domain"), &awsapigatewayv2.DomainNameProps{
		DomainName: jsii.String("ws.example.com"),
		Certificate: awscertificatemanager.Certificate_FromCertificateArn(stack, jsii.String("Cert"),
			jsii.String("arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555")),
	})

	stage := cdkwebsocketstage.NewWebSocketStage(stack, jsii.String("mystage"), &cdkwebsocketstage.WebSocketStageProps{
		WebSocketApi:  api,
		StageName:     jsii.String("prod"),
		AutoDeploy:    jsii.Bool(true),
		DomainMapping: &awsapigatewayv2.DomainMappingOptions{DomainName: domainName, MappingKey: jsii.String("chat")},
		Throttle:      &awsapigatewayv2.ThrottleSettings{RateLimit: jsii.Number(100), BurstLimit: jsii.Number(50)},
	})

	broadcaster := handler(stack, "Broadcaster")
	stage.GrantManagementApiAccess(broadcaster)

	awscdk.NewCfnOutput(stack, jsii.String("Url"), &awscdk.CfnOutputProps{Value: stage.Url()})
	awscdk.NewCfnOutput(stack, jsii.String("CallbackUrl"), &awscdk.CfnOutputProps{Value: stage.CallbackUrl()})
	return stack
}

func TestSeedAppSynthesizesTheStageMappingAndGrant(t *testing.T) {
	template := assertions.Template_FromStack(seed(), nil)

	template.ResourceCountIs(jsii.String("AWS::ApiGatewayV2::Stage"), jsii.Number(1))
	template.HasResourceProperties(jsii.String("AWS::ApiGatewayV2::Stage"), map[string]interface{}{
		"ApiId":                map[string]interface{}{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^ChatApi"))},
		"StageName":            "prod",
		"AutoDeploy":           true,
		"DefaultRouteSettings": map[string]interface{}{"ThrottlingRateLimit": 100, "ThrottlingBurstLimit": 50},
	})
	template.HasResourceProperties(jsii.String("AWS::ApiGatewayV2::ApiMapping"), map[string]interface{}{
		"DomainName":    map[string]interface{}{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^Domain"))},
		"Stage":         "prod",
		"ApiMappingKey": "chat",
	})
	template.HasResourceProperties(jsii.String("AWS::IAM::Policy"), map[string]interface{}{
		"PolicyDocument": map[string]interface{}{
			"Statement": []interface{}{assertions.Match_ObjectLike(&map[string]interface{}{
				"Action": "execute-api:ManageConnections",
				"Effect": "Allow",
			})},
		},
		"Roles": []interface{}{map[string]interface{}{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^BroadcasterServiceRole"))}},
	})
	template.ResourceCountIs(jsii.String("AWS::ApiGatewayV2::Route"), jsii.Number(3))

	// The cross-language comparison (scripts/compare-seed-templates.js) reads this file.
	if out := os.Getenv("SEED_TEMPLATE_OUT"); out != "" {
		data, err := json.MarshalIndent(template.ToJSON(), "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBadInputPanicsWithTheTypeScriptMessage(t *testing.T) {
	stack, api := newApi()
	want := "stageName must be 1-128 characters of A-Z a-z 0-9 - _ (got 'bad name!')"
	defer func() {
		r := recover()
		if r == nil {
			t.Fatal("expected a panic for a bad stage name")
		}
		var msg string
		switch e := r.(type) {
		case error:
			msg = e.Error()
		default:
			msg = jsonString(e)
		}
		if !strings.Contains(msg, want) {
			t.Fatalf("panic %q does not contain %q", msg, want)
		}
	}()
	cdkwebsocketstage.NewWebSocketStage(stack, jsii.String("Stage"), &cdkwebsocketstage.WebSocketStageProps{
		WebSocketApi: api,
		StageName:    jsii.String("bad name!"),
	})
}

func jsonString(v interface{}) string {
	data, _ := json.Marshal(v)
	return string(data)
}

func TestPerRouteMetricsCarryTheRouteDimension(t *testing.T) {
	stack, api := newApi()
	stage := cdkwebsocketstage.NewWebSocketStage(stack, jsii.String("Stage"), &cdkwebsocketstage.WebSocketStageProps{
		WebSocketApi:           api,
		StageName:              jsii.String("prod"),
		AutoDeploy:             jsii.Bool(true),
		DetailedMetricsEnabled: jsii.Bool(true),
	})

	route := stage.MetricsForRoute(jsii.String("$connect"))
	metric := route.MetricConnectCount(&awscloudwatch.MetricOptions{Period: awscdk.Duration_Minutes(jsii.Number(1))})
	if got := *route.RouteKey(); got != "$connect" {
		t.Fatalf("RouteKey() = %q", got)
	}
	if got := *metric.Statistic(); got != "Sum" {
		t.Fatalf("Statistic() = %q, want Sum", got)
	}
	dimensions := stack.Resolve(metric.Dimensions()).(map[string]interface{})
	if dimensions["Route"] != "$connect" || dimensions["Stage"] != "prod" {
		t.Fatalf("dimensions = %v, want Route $connect and Stage prod", dimensions)
	}
}
