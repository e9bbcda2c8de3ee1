import { describe, expect, it } from 'vitest';
import { loadCatalogue, matchNvcfGrpc, UNKNOWN } from '@nvcf-keylint/core';

const catalogue = loadCatalogue();
const FN = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const VN = '0b2f7c1e-8d3a-4f6b-9c2d-1a2b3c4d5e6f';

describe('gRPC calls', () => {
  it.each<[string, string, string | undefined, string | undefined, unknown]>([
    ['the host with its port', 'grpc.nvcf.nvidia.com:443', FN, undefined, { action: 'invoke-function', target: { functionId: FN } }],
    ['a version in the metadata', 'grpc.nvcf.nvidia.com:443', FN, VN, { action: 'invoke-function', target: { functionId: FN, versionId: VN } }],
    ['a dns: target, upper case', 'dns:///GRPC.NVCF.NVIDIA.COM:443', FN, undefined, { action: 'invoke-function', target: { functionId: FN } }],
    ['a function id not known statically', 'grpc.nvcf.nvidia.com', `${UNKNOWN}`, undefined, { action: 'invoke-function' }],
    ['a version not known statically', 'grpc.nvcf.nvidia.com:443', FN, `v${UNKNOWN}`, { action: 'invoke-function', target: { functionId: FN } }],
    ['no function in the metadata', 'grpc.nvcf.nvidia.com:443', undefined, undefined, undefined],
    ['another host', 'grpc.example.com:443', FN, undefined, undefined],
    ['a host that only contains the NVCF one', 'grpc.nvcf.nvidia.com.example.com:443', FN, undefined, undefined],
    ['an address not known statically', `${UNKNOWN}:443`, FN, undefined, undefined],
  ])('%s', (_name, address, functionId, versionId, expected) => {
    const match = matchNvcfGrpc(catalogue, address, functionId, versionId);
    expect(match && { action: match.action.id, ...(match.target ? { target: match.target } : {}) }).toEqual(expected);
  });

  it('names the metadata keys the catalogue documents', () => {
    expect(catalogue.http.grpcMetadata).toEqual({ authorization: 'authorization', functionId: 'function-id', versionId: 'function-version-id' });
  });
});
