import { describe, expect, it } from '@jest/globals';
import { cacheKindOfOption, parseVertexName } from '../src/parse/vertex-name.js';

describe('parseVertexName', () => {
  it.each([
    [
      '[linux/arm64 builder  2/15] RUN apk add --no-cache musl-dev',
      { platform: 'linux/arm64', stage: 'builder', index: 2, total: 15, instruction: 'RUN', command: 'apk add --no-cache musl-dev' },
    ],
    ['[stage-1 2/2] COPY --from=builder /app/x /x', { platform: null, stage: 'stage-1', index: 2, total: 2, instruction: 'COPY' }],
    ['[1/4] FROM docker.io/library/localbusybox:latest', { platform: null, stage: null, index: 1, total: 4, instruction: 'FROM' }],
    ['[linux/arm/v7 build 3/7] RUN make', { platform: 'linux/arm/v7', stage: 'build', index: 3 }],
    ['[linux/amd64->arm64 build 3/7] RUN cargo build', { platform: 'linux/amd64->arm64', stage: 'build', instruction: 'RUN' }],
  ])('reads the instruction of %s', (name, expected) => {
    expect(parseVertexName(name)).toMatchObject({ kind: 'instruction', ...expected });
  });

  it('tells internal, auth, cache and exporter vertices apart', () => {
    expect(parseVertexName('[linux/arm64 internal] load metadata for docker.io/library/rust:1.77-alpine')).toMatchObject({
      kind: 'internal',
      platform: 'linux/arm64',
    });
    expect(parseVertexName('[auth] library/rust:pull token for registry-1.docker.io')).toMatchObject({ kind: 'auth' });
    expect(parseVertexName('importing cache manifest from gha:13901689927648624581')).toMatchObject({
      kind: 'cache-import',
      cacheKind: 'gha',
      cacheRef: 'gha:13901689927648624581',
    });
    expect(parseVertexName('importing cache manifest from ghcr.io/org/app:buildcache')).toMatchObject({ kind: 'cache-import', cacheKind: 'registry' });
    // docker compose and bake name the service or target first; the step is still the import or export.
    expect(parseVertexName('[worker] exporting cache to registry')).toMatchObject({ kind: 'cache-export', cacheKind: 'registry', stage: 'worker' });
    expect(parseVertexName('[worker] exporting to image')).toMatchObject({ kind: 'export', stage: 'worker' });
    // docker compose names the service first; the step is still the import, not an instruction that failed.
    expect(parseVertexName('[worker] importing cache manifest from ghcr.io/acme/worker:cache')).toMatchObject({
      kind: 'cache-import',
      stage: 'worker',
      cacheKind: 'registry',
      cacheRef: 'ghcr.io/acme/worker:cache',
    });
    expect(parseVertexName('exporting to GitHub Actions Cache')).toMatchObject({ kind: 'cache-export', cacheKind: 'gha' });
    expect(parseVertexName('exporting cache to registry')).toMatchObject({ kind: 'cache-export', cacheKind: 'registry' });
    // Older BuildKit does not name the backend: the command line's --cache-to tells it.
    expect(parseVertexName('exporting cache')).toMatchObject({ kind: 'cache-export', cacheKind: null });
    expect(parseVertexName('exporting to image')).toMatchObject({ kind: 'export' });
    expect(parseVertexName('resolving provenance for metadata file')).toMatchObject({ kind: 'other' });
  });

  it('reads the backend of a --cache-to value', () => {
    expect(cacheKindOfOption('type=gha,mode=max,scope=runtime')).toBe('gha');
    expect(cacheKindOfOption('mode=max,type=registry,ref=ghcr.io/o/a:cache')).toBe('registry');
    expect(cacheKindOfOption('ghcr.io/o/a:cache')).toBe('registry');
  });
});
