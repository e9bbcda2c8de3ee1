import { loadCatalogue, type Usage } from '@nvcf-keylint/core';
import { describe, expect, it } from 'vitest';
import { EmbeddedText } from '../src/embedded-text.js';
import { scanShell } from '../src/shell/scan.js';
import { Scope } from '../src/shell/scope.js';

const catalogue = loadCatalogue();
const NGC = ['NGC_CLI_API_KEY', 'NGC_API_KEY', 'NGC_APP_KEY'];
type Found = Pick<Usage, 'action' | 'credentials' | 'target'> & { at: string };

function scan(script: string): Found[] {
  const result = scanShell(EmbeddedText.ofFile(script), { file: 's.sh', catalogue, scope: new Scope() });
  expect(result.problems).toEqual([]);
  return result.usages.map((u) => {
    const found: Found = { action: u.action, credentials: u.credentials, at: `${u.range.line}:${u.range.column}` };
    if (u.target) found.target = u.target;
    return found;
  });
}

describe('ngc commands', () => {
  it.each<[string, string, Found[]]>([
    ['the inherited environment, CLI precedence', 'ngc cf function list', [{ action: 'list-functions', credentials: NGC, at: '1:1' }]],
    ['an exported alias', 'export NGC_CLI_API_KEY="$DEPLOY_KEY"\nngc cf fn deploy create a-1:v-2', [{ action: 'deploy-function', credentials: ['DEPLOY_KEY', 'NGC_CLI_API_KEY'], target: { functionId: 'a-1', versionId: 'v-2' }, at: '2:1' }]],
    ['an inline assignment', 'NGC_API_KEY=$K ngc cf gpu quota', [{ action: 'read-gpu-quota', credentials: ['NGC_CLI_API_KEY', 'K', 'NGC_API_KEY'], at: '1:16' }]],
    ['env with a variable, sudo -E', 'sudo -E env NGC_CLI_API_KEY=$K ngc cf cluster ls', [{ action: 'list-clusters', credentials: ['K', 'NGC_CLI_API_KEY'], at: '1:32' }]],
    ['env -i: nothing inherited', 'env -i PATH=/usr/bin ngc cf gpu capacity', [{ action: 'read-gpu-capacity', credentials: [], at: '1:22' }]],
    ['a key from a command substitution cannot be known', 'export NGC_CLI_API_KEY=$(vault read -field=key secret/ngc)\nngc cf function list', [{ action: 'list-functions', credentials: [], at: '2:1' }]],
    ['literal variables give the target', 'FN=abc-123\nV=v9\nngc cf function info "$FN:$V"', [{ action: 'get-function', credentials: NGC, target: { functionId: 'abc-123', versionId: 'v9' }, at: '3:1' }]],
    ['continuation lines and options anywhere', 'ngc --org acme cloud-function \\\n  function deploy create \\\n  --deployment-specification x:y \\\n  f-1:v-1', [{ action: 'deploy-function', credentials: NGC, target: { functionId: 'f-1', versionId: 'v-1' }, at: '1:1' }]],
    ['inside command substitutions, pipelines and conditionals', 'if ngc cf function list | grep -q chat; then\n  ID=$(ngc cf fn info f:v --format_type json | jq -r .id)\nfi', [
      { action: 'list-functions', credentials: NGC, at: '1:4' },
      { action: 'get-function', credentials: NGC, target: { functionId: 'f', versionId: 'v' }, at: '2:8' },
    ]],
    ['bash -c', `bash -c 'ngc cf registry-credential list'`, [{ action: 'manage-registry-credentials', credentials: NGC, at: '1:10' }]],
    ['bash with a heredoc', 'bash <<EOF\nngc cf telemetry-endpoint list\nEOF', [{ action: 'manage-telemetry-endpoints', credentials: NGC, at: '2:1' }]],
    ['a heredoc fed to cat is text', 'cat <<EOF\nngc cf gpu ls\nEOF', []],
    ['comments are not commands', '# ngc cf function list', []],
    ['other ngc trees', 'ngc registry image push nvcr.io/acme/x:1 && ngc config set', []],
  ])('%s', (_name, script, expected) => {
    expect(scan(script)).toEqual(expected);
  });
});

describe('HTTP clients', () => {
  const FN = 'abc-123';
  it.each<[string, string, Found[]]>([
    ['curl -X POST with a Bearer header', `curl -X POST "https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/${FN}" -H "Authorization: Bearer $NVCF_API_KEY"`, [{ action: 'invoke-function', credentials: ['NVCF_API_KEY'], target: { functionId: FN }, at: '1:1' }]],
    ['curl POST implied by data, clustered flags', `curl -sSL https://api.nvcf.nvidia.com/v2/nvcf/functions -H 'authorization: Bearer '"$K" --data @fn.json`, [{ action: 'create-function', credentials: ['K'], at: '1:1' }]],
    ['curl --request=DELETE and --url', `curl --request=DELETE --url https://api.ngc.nvidia.com/v2/orgs/acme/nvcf/functions/${FN}/versions/v1 --oauth2-bearer "$K"`, [{ action: 'delete-function', credentials: ['K'], target: { functionId: FN, versionId: 'v1' }, at: '1:1' }]],
    ['an exported key used in a header', `export TOKEN="$NGC_API_KEY"\ncurl https://api.nvcf.nvidia.com/v2/nvcf/queues/functions/${FN} -H "Authorization: Bearer $TOKEN"`, [{ action: 'get-queue-details', credentials: ['NGC_API_KEY', 'TOKEN'], target: { functionId: FN }, at: '2:1' }]],
    ['wget with --method and --header=', `wget -qO- --method=PUT --header="Authorization: Bearer $K" https://api.nvcf.nvidia.com/v2/nvcf/secrets/functions/${FN}/versions/v2`, [{ action: 'update-function-secrets', credentials: ['K'], target: { functionId: FN, versionId: 'v2' }, at: '1:1' }]],
    ['httpie with a method and an auth item', `http PATCH https://api.ngc.nvidia.com/v2/nvcf/authorizations/functions/${FN}/add Authorization:"Bearer $K" authorizedParty:='{}'`, [{ action: 'authorize-clients', credentials: ['K'], target: { functionId: FN }, at: '1:1' }]],
    ['httpie bearer auth, no scheme', 'https -A bearer -a "$K" api.nvcf.nvidia.com/v2/nvcf/registry-credentials', [{ action: 'manage-registry-credentials', credentials: ['K'], at: '1:1' }]],
    ['no Authorization header: credential unknown', `curl https://api.nvcf.nvidia.com/v2/nvcf/pexec/status/$REQ`, [{ action: 'invoke-function', credentials: [], at: '1:1' }]],
    ['a URL that cannot be known', 'curl -X POST "$ENDPOINT" -H "Authorization: Bearer $K"', []],
    ['a URL in a variable, part of it unknown', 'URL="https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/${FUNCTION_ID:-x}"\ncurl -X POST "$URL" -H "Authorization: Bearer $K"', [{ action: 'invoke-function', credentials: ['K'], at: '2:1' }]],
    ['the Authorization header in a variable', `AUTH="Authorization: Bearer \${NVCF_KEY}"\nBASE=https://api.nvcf.nvidia.com/v2/nvcf\ncurl -s "$BASE/queues/functions/${FN}" -H "$AUTH"`, [{ action: 'get-queue-details', credentials: ['NVCF_KEY', 'AUTH'], target: { functionId: FN }, at: '3:1' }]],
    ['a variable set again to something unknown hides its old value', `FN=${FN}\nFN=$(cat id.txt)\ncurl -X DELETE "https://api.nvcf.nvidia.com/v2/nvcf/functions/$FN/versions/v1" -H "Authorization: Bearer $K"`, [{ action: 'delete-function', credentials: ['K'], at: '3:1' }]],
    ['other hosts', 'curl -H "Authorization: Bearer $K" https://api.github.com/v2/nvcf/functions', []],
  ])('%s', (_name, script, expected) => {
    expect(scan(script)).toEqual(expected);
  });
});

describe('the ngc CLI in a container', () => {
  it.each<[string, string, Found[]]>([
    ['-e NAME=$KEY gives the container its key', 'docker run --rm -e NGC_CLI_API_KEY=$DEPLOY_KEY nvcr.io/acme/ngc-cli:3 ngc cf function deploy create f-1:v-1', [{ action: 'deploy-function', credentials: ['DEPLOY_KEY', 'NGC_CLI_API_KEY'], target: { functionId: 'f-1', versionId: 'v-1' }, at: '1:71' }]],
    ['-e NAME passes this shell\'s variable on', 'export NGC_API_KEY="$OPS_KEY"\ndocker run -it -e NGC_API_KEY ngc-cli ngc cf gpu quota', [{ action: 'read-gpu-quota', credentials: ['OPS_KEY', 'NGC_API_KEY'], at: '2:39' }]],
    ['quoted and --env= forms', `docker run --env="NGC_CLI_API_KEY=\${K}" img ngc cf fn ls\npodman container run -e "NGC_CLI_API_KEY=$K2" img ngc cf fn ls`, [
      { action: 'list-functions', credentials: ['K', 'NGC_CLI_API_KEY'], at: '1:45' },
      { action: 'list-functions', credentials: ['K2', 'NGC_CLI_API_KEY'], at: '2:51' },
    ]],
    ['nothing is inherited: no -e, no key', 'docker run img ngc cf function list', [{ action: 'list-functions', credentials: [], at: '1:16' }]],
    ['an --env-file may set any key variable', 'docker run --env-file .env -e NGC_APP_KEY=$K img ngc cf function list', [{ action: 'list-functions', credentials: [], at: '1:50' }]],
    ['--entrypoint ngc', 'docker run --entrypoint ngc -e NGC_CLI_API_KEY=$K img cf cluster ls', [{ action: 'list-clusters', credentials: ['K', 'NGC_CLI_API_KEY'], at: '1:25' }]],
    ['sh -c inside the container sees the container\'s variables', `FN=abc\ndocker run -e NGC_CLI_API_KEY=$K -e FN img sh -c 'ngc cf function info "$FN:v2"'`, [{ action: 'get-function', credentials: ['K', 'NGC_CLI_API_KEY'], target: { functionId: 'abc', versionId: 'v2' }, at: '2:51' }]],
    ['curl in a container: this shell expands the header', 'docker run curlimages/curl curl -H "Authorization: Bearer $INVOKE_KEY" https://api.nvcf.nvidia.com/v2/nvcf/functions', [{ action: 'list-functions', credentials: ['INVOKE_KEY'], at: '1:28' }]],
    ['an option the reader does not know: not read', 'docker run --brand-new-option x img ngc cf function list', []],
    ['other docker commands', 'docker build -t ngc . && docker exec box ngc cf function list && docker run img', []],
  ])('%s', (_name, script, expected) => {
    expect(scan(script)).toEqual(expected);
  });
});

describe('grpcurl', () => {
  const FN = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
  it.each<[string, string, Found[]]>([
    ['the NVCF gRPC host with the key and the function in the metadata', `grpcurl -H "authorization: Bearer $NVCF_API_KEY" -H "function-id: ${FN}" -d @ grpc.nvcf.nvidia.com:443 inference.GRPCInferenceService/ModelInfer < req.json`, [{ action: 'invoke-function', credentials: ['NVCF_API_KEY'], target: { functionId: FN }, at: '1:1' }]],
    ['-rpc-header, a version and a key from a variable', `KEY=$INVOKE_KEY\ngrpcurl -rpc-header="Function-ID: ${FN}" --rpc-header "function-version-id: v7" -H="Authorization: Bearer \${KEY}" -plaintext=false grpc.nvcf.nvidia.com:443 list`, [{ action: 'invoke-function', credentials: ['INVOKE_KEY', 'KEY'], target: { functionId: FN, versionId: 'v7' }, at: '2:1' }]],
    ['a function id that cannot be known', 'grpcurl -H "authorization: Bearer $K" -H "function-id: $FUNCTION_ID" grpc.nvcf.nvidia.com:443 list', [{ action: 'invoke-function', credentials: ['K'], at: '1:1' }]],
    ['no function-id metadata: not an NVCF call', 'grpcurl -H "authorization: Bearer $K" grpc.nvcf.nvidia.com:443 list', []],
    ['another gRPC server', `grpcurl -H "authorization: Bearer $K" -H "function-id: ${FN}" -plaintext localhost:8001 list`, []],
    ['an address that cannot be known', `grpcurl -H "function-id: ${FN}" "$GRPC_ENDPOINT" list`, []],
  ])('%s', (_name, script, expected) => {
    expect(scan(script)).toEqual(expected);
  });
});

describe('syntax errors', () => {
  it('come back with a position in the file, never as a throw', () => {
    const script = new EmbeddedText().append('  echo "unterminated', 7, 5);
    const result = scanShell(script, { file: 's', catalogue, scope: new Scope() });
    expect(result.usages).toEqual([]);
    expect(result.problems).toEqual([{ range: { line: 7, column: 12, endLine: 7, endColumn: 13 }, message: 'reached EOF without closing quote "' }]);
  });

  it.each(['((((', 'if then', 'a=(', '$((1+', "case x in\n", '<<', 'x'.repeat(100_000)])('%j', (script) => {
    expect(() => scanShell(EmbeddedText.ofFile(script), { file: 's', catalogue, scope: new Scope() })).not.toThrow();
  });
});
