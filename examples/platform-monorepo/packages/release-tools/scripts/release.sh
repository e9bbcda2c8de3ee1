#!/usr/bin/env bash
# Create a new version of the chat function and deploy it.
set -euo pipefail
export NGC_CLI_API_KEY="$NGC_RELEASE_KEY"

FUNCTION_ID=3fa85f64-5717-4562-b3fc-2c963f66afa6
VERSION_ID=$(ngc cf function create "$FUNCTION_ID" --container-image "$1" \
  --inference-url /v1/chat/completions --health-uri /v1/health/ready \
  --format_type json | jq -r .function.versionId)

ngc cf function deploy create \
  --deployment-specification GFN:L40S:gl40s_1.br25_2xlarge:1:1 \
  "$FUNCTION_ID:$VERSION_ID"
