import { describe, expect, it } from 'vitest';
import type { OrtModule } from './ort';
import { createOrtLoader, ortBuildFor, type OrtBuild } from './ort-build';

function fakeBuilds(options: { webgpuFails?: boolean } = {}) {
  const imported: OrtBuild[] = [];
  const modules = { webgpu: { name: 'webgpu' }, wasm: { name: 'wasm' } } as unknown as Record<
    OrtBuild,
    OrtModule
  >;
  const imports = {
    webgpu: async () => {
      imported.push('webgpu');
      if (options.webgpuFails) throw new Error('offline');
      return modules.webgpu;
    },
    wasm: async () => {
      imported.push('wasm');
      return modules.wasm;
    },
  };
  return { imports, imported, modules };
}

describe('onnxruntime build choice', () => {
  it('gives WASM the WASM-only build unless the WebGPU build already runs', () => {
    expect(ortBuildFor('wasm', new Set())).toBe('wasm');
    expect(ortBuildFor('webgpu', new Set())).toBe('webgpu');
    expect(ortBuildFor('wasm', new Set(['webgpu']))).toBe('webgpu');
    expect(ortBuildFor('webgpu', new Set(['wasm']))).toBe('webgpu');
  });

  it('never loads the WebGPU build for a WASM-only engine', async () => {
    const { imports, imported, modules } = fakeBuilds();
    const load = createOrtLoader(imports);
    expect(await load('wasm')).toBe(modules.wasm);
    expect(await load('wasm')).toBe(modules.wasm);
    expect(imported).toEqual(['wasm']);
  });

  it('moves WASM work onto the loaded WebGPU build after WebGPU fails', async () => {
    const { imports, imported, modules } = fakeBuilds();
    const load = createOrtLoader(imports);
    expect(await load('webgpu')).toBe(modules.webgpu);
    expect(await load('wasm')).toBe(modules.webgpu);
    expect(imported).toEqual(['webgpu']);
  });

  it('uses the WASM-only build when the WebGPU build could not load, and tries that one again later', async () => {
    const builds = fakeBuilds({ webgpuFails: true });
    const load = createOrtLoader(builds.imports);
    await expect(load('webgpu')).rejects.toThrow('offline');
    expect(await load('wasm')).toBe(builds.modules.wasm);
    await expect(load('webgpu')).rejects.toThrow('offline');
    expect(builds.imported).toEqual(['webgpu', 'wasm', 'webgpu']);
  });
});
