import { describe, expect, it } from 'vitest';
import { loadCatalogue, matchNgcCommand } from '@nvcf-keylint/core';

const catalogue = loadCatalogue();
const match = (command: string) => matchNgcCommand(catalogue, command.split(/\s+/).slice(1));

describe('matchNgcCommand', () => {
  it.each([
    ['ngc cf function deploy create --deployment-specification spec.json fid:vid', 'deploy-function'],
    ['ngc cloud-function function deploy create fid:vid', 'deploy-function'],
    ['ngc cf fn deploy update fid:vid', 'deploy-function'],
    ['ngc --org acme --team ml cf function list', 'list-functions'],
    ['ngc cf --format_type json function ls', 'list-functions'],
    ['ngc cf function info fid:vid', 'get-function'],
    ['ngc cf function rm fid:vid', 'delete-function'],
    ['ngc cf function delete fid:vid', 'delete-function'],
    ['ngc cf function create --health-uri /health --name chat', 'create-function'],
    ['ngc cf update-rate-limit fid:vid', 'update-function'],
    ['ngc cf function remove-rate-limit fid:vid', 'update-function'],
    ['ngc cf update-secret fid:vid', 'update-function-secrets'],
    ['ngc cf function auth add fid', 'authorize-clients'],
    ['ngc cf cluster ls', 'list-clusters'],
    ['ngc cf registry-credential create --name r', 'manage-registry-credentials'],
    ['ngc cf telemetry-endpoint list', 'manage-telemetry-endpoints'],
    ['ngc cf gpu quota', 'read-gpu-quota'],
    ['ngc cf gpu capacity', 'read-gpu-capacity'],
    ['ngc cf gpu ls', 'read-gpu-capacity'],
  ])('%s is %s', (command, action) => {
    expect(match(command)?.action.id).toBe(action);
  });

  it('reads the target function and version', () => {
    expect(match('ngc cf function deploy create --deployment-specification a:b:c fid-1:ver-2')?.target).toEqual({
      functionId: 'fid-1',
      versionId: 'ver-2',
    });
    expect(match('ngc cf function list fid-1')?.target).toEqual({ functionId: 'fid-1' });
  });

  it('leaves a target it cannot read literally alone', () => {
    expect(match('ngc cf function deploy create $FUNCTION_ID:$VERSION_ID')?.target).toBeUndefined();
  });

  it.each(['ngc registry image list', 'ngc config set', 'ngc cf', 'ngc cf function', 'ngc cf nonsense', 'ngc'])(
    'ignores %s',
    (command) => {
      expect(match(command)).toBeUndefined();
    },
  );
});
