// Browser builds only (Node finds the .wasm files itself): Vite emits the tfjs-backend-wasm binaries as assets and
// gives their hashed URLs. Import this in the worker and call applyBundledWasmAssets() before initBackend().
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import { setWasmAssetBase } from './backend';

/**
 * tfjs wants all three binaries named. initBackend always disables wasm threads (TFJS.md pitfall 7), so the
 * threaded build is never fetched: it points at the SIMD file to keep its 430 KB out of the bundle.
 */
export const WASM_ASSET_URLS: Readonly<Record<string, string>> = {
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmSimdUrl,
};

export function applyBundledWasmAssets(): void {
  setWasmAssetBase({ ...WASM_ASSET_URLS });
}
