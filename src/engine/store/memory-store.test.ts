import { expect, it } from 'vitest';
import { MemoryStore } from './memory-store';

it('stores copies, lists by prefix, reports sizes and deletes', async () => {
  const store = new MemoryStore();
  const bytes = new Uint8Array([1, 2, 3]);
  await store.put('https://a.example/m/x.onnx', bytes);
  await store.put('https://a.example/n/y.onnx', new Uint8Array(5));
  bytes[0] = 9;
  expect(await store.get('https://a.example/m/x.onnx')).toEqual(new Uint8Array([1, 2, 3]));
  expect(await store.size('https://a.example/n/y.onnx')).toBe(5);
  expect(await store.size('https://a.example/missing')).toBeNull();
  expect(await store.keys('https://a.example/m/')).toEqual(['https://a.example/m/x.onnx']);
  expect(await store.storage()).toEqual({ usage: 8, quota: null, persisted: false });
  expect(await store.delete('https://a.example/m/x.onnx')).toBe(true);
  expect(await store.delete('https://a.example/m/x.onnx')).toBe(false);
  expect(await store.get('https://a.example/m/x.onnx')).toBeNull();
});

it('keeps a record with the bytes until they are replaced without one or deleted', async () => {
  const store = new MemoryStore();
  const record = { size: 2, sha256: 'e'.repeat(64) };
  await store.put('https://a.example/m/x.onnx', new Uint8Array(2), record);
  expect(await store.record('https://a.example/m/x.onnx')).toEqual(record);
  await store.put('https://a.example/m/x.onnx', new Uint8Array(3));
  expect(await store.record('https://a.example/m/x.onnx')).toBeNull();
  await store.put('https://a.example/m/x.onnx', new Uint8Array(2), record);
  await store.delete('https://a.example/m/x.onnx');
  expect(await store.record('https://a.example/m/x.onnx')).toBeNull();
});
