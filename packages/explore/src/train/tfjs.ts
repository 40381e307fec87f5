// TensorFlow.js and the adapter load on first use: commands that train nothing start fast.
import type * as Tf from "@tensorflow/tfjs";

export type TfModule = typeof Tf;
export type Adapter = typeof import("@lrsched/tfjs-adapter");

export interface Training {
  readonly tf: TfModule;
  readonly adapter: Adapter;
  /** The backend tensors run on ('cpu' for the pure-JS one, 'tensorflow' with tfjs-node). */
  readonly backend: string;
}

let loaded: Promise<Training> | undefined;

/** Loads @tensorflow/tfjs (through the adapter, which picks tfjs-node when it is installed). */
export function loadTraining(): Promise<Training> {
  return (loaded ??= (async () => {
    // the adapter first: it registers the native backend, if any, before the first tensor
    const adapter = await import("@lrsched/tfjs-adapter");
    const tf = await import("@tensorflow/tfjs");
    // PROD drops the "install tfjs-node" banner and debug checks; output stays the same
    tf.env().set("PROD", true);
    await tf.ready();
    return { tf, adapter, backend: tf.getBackend() };
  })());
}
