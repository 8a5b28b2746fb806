// Shared builders of the Go binding tests.
package bindingtest

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/jsii-runtime-go"
)

// newApi makes a stack `S` in a fresh app, with a WebSocket API `Api`.
func newApi() (awscdk.Stack, awsapigatewayv2.WebSocketApi) {
	stack := awscdk.NewStack(awscdk.NewApp(nil), jsii.String("S"), nil)
	return stack, awsapigatewayv2.NewWebSocketApi(stack, jsii.String("Api"), nil)
}
