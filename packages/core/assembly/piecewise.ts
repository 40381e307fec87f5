// Piecewise constant (Keras rule): values[0] while s <= b[0], values[j] while b[j-1] < s <= b[j],
// values[nb] once s > b[nb - 1]. Each run is a plain fill.
import { at, fill } from "./buffer";

export function piecewise(out: usize, n: i32, s0: f64, nb: i32, bounds: usize, values: usize): void {
  // first boundary the start step does not exceed
  let lo = 0, hi = nb;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s0 > load<f64>(at(bounds, mid))) lo = mid + 1;
    else hi = mid;
  }
  let j = lo;
  let i = 0;
  while (i < n) {
    let len = n - i;
    if (j < nb) {
      // integer steps s satisfy s <= b exactly when s <= floor(b)
      const last = Math.floor(load<f64>(at(bounds, j)));
      len = <i32>Math.min(<f64>len, last - (s0 + <f64>i) + 1.0);
    }
    if (len > 0) {
      fill(at(out, i), len, load<f64>(at(values, j)));
      i += len;
    }
    j++;
  }
}
