// Piecewise constant (Keras rule): values[0] while x <= b[0], values[j] while b[j-1] < x <= b[j],
// values[nb] once x > b[nb - 1], x = s - o. Each run is a plain fill.
import { at, firstAbove } from "./buffer";
import { fillOut, slot } from "./output";

export function piecewise(out: usize, f32: bool, n: i32, s0: f64, o: f64, nb: i32, bounds: usize, values: usize): void {
  // first boundary the start step does not exceed
  const x0 = s0 - o;
  let lo = 0, hi = nb;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x0 > load<f64>(at(bounds, mid))) lo = mid + 1;
    else hi = mid;
  }
  let j = lo;
  let i = 0;
  while (i < n) {
    const end = j < nb ? i + firstAbove(s0 + <f64>i, o, load<f64>(at(bounds, j)), n - i) : n;
    if (end > i) {
      fillOut(slot(out, i, f32), f32, end - i, load<f64>(at(values, j)));
      i = end;
    }
    j++;
  }
}
