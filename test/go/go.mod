module github.com/cdk-websocket-stage/cdk-websocket-stage/test/go

go 1.25.0

// aws-cdk-go v2.239.0 is the oldest release this can use: the peer floor v2.234.0 is not published on the
// module proxy, and v2.235.0-v2.238.0 do not compile against constructs-go v10.5.0 (the constructs floor,
// required by the generated module): "ambiguous selector With". go.sum is committed, so a run needs
// only the module proxy, not the checksum database.
require (
	github.com/aws/aws-cdk-go/awscdk/v2 v2.239.0
	github.com/aws/jsii-runtime-go v1.140.0
	github.com/cdk-websocket-stage/cdk-websocket-stage-go/cdkwebsocketstage v0.1.0
)

require (
	github.com/Masterminds/semver/v3 v3.5.0 // indirect
	github.com/aws/constructs-go/constructs/v10 v10.5.0 // indirect
	github.com/cdklabs/awscdk-asset-awscli-go/awscliv1/v2 v2.2.263 // indirect
	github.com/cdklabs/awscdk-asset-node-proxy-agent-go/nodeproxyagentv6/v2 v2.1.3 // indirect
	github.com/cdklabs/cloud-assembly-schema-go/awscdkcloudassemblyschema/v50 v50.4.0 // indirect
	github.com/fatih/color v1.19.0 // indirect
	github.com/mattn/go-colorable v0.1.14 // indirect
	github.com/mattn/go-isatty v0.0.24 // indirect
	github.com/yuin/goldmark v1.7.16 // indirect
	golang.org/x/lint v0.0.0-20241112194109-818c5a804067 // indirect
	golang.org/x/mod v0.39.0 // indirect
	golang.org/x/sync v0.22.0 // indirect
	golang.org/x/sys v0.47.0 // indirect
	golang.org/x/telemetry v0.0.0-20260811182544-a038080d80e5 // indirect
	golang.org/x/tools v0.49.0 // indirect
	golang.org/x/tools/cmd/godoc v0.1.0-deprecated // indirect
	golang.org/x/tools/godoc v0.1.0-deprecated // indirect
)

// The module that jsii-pacmak generates (scripts/test-bindings.sh writes it to dist/go).
replace github.com/cdk-websocket-stage/cdk-websocket-stage-go/cdkwebsocketstage => ../../dist/go/cdkwebsocketstage
