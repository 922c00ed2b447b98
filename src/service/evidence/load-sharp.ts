// sharp (libvips, a native library) loads with the first image rather than at start-up: it is
// about 50 ms of a restart (docs/benchmarks.md) that a server no one sends an image never needs.
import type sharpFunction from 'sharp';

let loading: Promise<typeof sharpFunction> | undefined;

export function loadSharp(): Promise<typeof sharpFunction> {
  loading ??= import('sharp').then((module) => module.default);
  return loading;
}
