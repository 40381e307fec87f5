// The named lambdas of generate_torch_fixtures.py (LambdaLR, MultiplicativeLR, CyclicLR's
// scale_fn), written again in JS under the same names: the fixtures store a lambda by its name.
export const LAMBDAS = {
  "0.95**epoch": (e) => 0.95 ** e,
  "1/(epoch+1)": (e) => 1 / (e + 1),
  "min(1.0,(epoch+1)/5)": (e) => Math.min(1.0, (e + 1) / 5),
  "0.95": () => 0.95,
  "0.9 if epoch%2 else 1.0": (e) => (e % 2 ? 0.9 : 1.0),
  "1-0.01*epoch": (e) => 1 - 0.01 * e,
  "1/(2.0**(x-1))": (x) => 1 / 2.0 ** (x - 1),
  "1/(1+0.05*x)": (x) => 1 / (1 + 0.05 * x),
};
