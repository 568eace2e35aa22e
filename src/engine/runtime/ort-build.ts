import type { BackendName } from '../types';
import type { OrtLoader, OrtModule } from './ort';

/**
 * onnxruntime-web's two browser builds: `webgpu` (WebGPU and WASM, 26.8 MB of WebAssembly) and `wasm` (WASM
 * only, 14.2 MB). The WASM-only build starts about 1.7× sooner, so it serves every WASM session, unless the
 * WebGPU build is already running in this worker (WebGPU failed and new work moved to WASM): then that one
 * serves WASM too, rather than downloading, compiling and holding a second runtime.
 */
export type OrtBuild = 'webgpu' | 'wasm';

export function ortBuildFor(backend: BackendName, loaded: ReadonlySet<OrtBuild>): OrtBuild {
  if (backend === 'webgpu') return 'webgpu';
  return loaded.has('webgpu') ? 'webgpu' : 'wasm';
}

/** Imports each build at most once, and picks the build for each backend with `ortBuildFor`. */
export function createOrtLoader(imports: Readonly<Record<OrtBuild, () => Promise<OrtModule>>>): OrtLoader {
  const loaded = new Set<OrtBuild>();
  const pending = new Map<OrtBuild, Promise<OrtModule>>();
  return (backend) => {
    const build = ortBuildFor(backend, loaded);
    let module = pending.get(build);
    if (!module) {
      module = imports[build]().then((ort) => {
        loaded.add(build);
        return ort;
      });
      // A build that failed to load (offline, not cached yet) may load later: never keep the failure.
      module.catch(() => pending.delete(build));
      pending.set(build, module);
    }
    return module;
  };
}
